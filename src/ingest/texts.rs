//! A text column, dictionary-encoded as it is read: each distinct value is stored once and
//! every row holds a small id. A country has 15 million crop rows but only 500,000 village
//! codes and a hundred crops, so a row costs 4 bytes instead of a heap string, and later
//! stages compare and group ids, not strings.

use std::ops::Index;

use indexmap::IndexSet;
use rustc_hash::FxBuildHasher;

#[derive(Debug, Clone, Default)]
pub struct Texts {
    dict: IndexSet<Box<str>, FxBuildHasher>,
    ids: Vec<u32>,
}

impl Texts {
    pub fn new() -> Texts {
        Texts::default()
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Appends a row holding `value`.
    pub fn push(&mut self, value: &str) {
        // Files list a village's rows together: most rows repeat the row before's value,
        // and comparing with it is cheaper than hashing.
        let id = match self.ids.last() {
            Some(&last) if self.value(last) == value => last,
            _ => self.intern(value),
        };
        self.ids.push(id);
    }

    /// The id of `value`, added to the dictionary if new.
    pub fn intern(&mut self, value: &str) -> u32 {
        let id = match self.dict.get_index_of(value) {
            Some(id) => id,
            None => self.dict.insert_full(value.into()).0,
        };
        // Ids are u32: more distinct values than that would not fit in memory anyway.
        u32::try_from(id).expect("fewer than 2^32 distinct values in a column")
    }

    /// Appends `n` rows holding `value`.
    pub fn push_n(&mut self, value: &str, n: usize) {
        let id = self.intern(value);
        self.ids.extend(std::iter::repeat_n(id, n));
    }

    /// The id of each row.
    pub fn ids(&self) -> &[u32] {
        &self.ids
    }

    /// The distinct values; `ids` index into it.
    pub fn dict_len(&self) -> usize {
        self.dict.len()
    }

    /// The value of id `id`.
    pub fn value(&self, id: u32) -> &str {
        &self.dict[id as usize]
    }

    /// The id of `value`, if some row holds it (or held it: the dictionary only grows).
    pub fn id_of(&self, value: &str) -> Option<u32> {
        self.dict.get_index_of(value).map(|i| i as u32)
    }

    /// The value of each row, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        self.ids.iter().map(|&id| self.value(id))
    }

    /// `f` of each row's value, calling `f` once per distinct value rather than per row.
    pub fn translate<T: Copy>(&self, mut f: impl FnMut(&str) -> T) -> Vec<T> {
        let map: Vec<T> = self.dict.iter().map(|v| f(v)).collect();
        self.ids.iter().map(|&id| map[id as usize]).collect()
    }

    /// An empty column, for a table that lacks the field.
    pub fn empty() -> &'static Texts {
        static EMPTY: Texts = Texts {
            dict: IndexSet::with_hasher(FxBuildHasher),
            ids: Vec::new(),
        };
        &EMPTY
    }

    /// Appends every row of `other`, translating its ids into this dictionary once per
    /// distinct value, not per row.
    pub fn extend_from(&mut self, other: &Texts) {
        let map: Vec<u32> = other.dict.iter().map(|v| self.intern(v)).collect();
        self.ids
            .extend(other.ids.iter().map(|&id| map[id as usize]));
    }

    /// Drops rows `len..` (the dictionary keeps their values; ids stay valid).
    pub fn truncate(&mut self, len: usize) {
        self.ids.truncate(len);
    }
}

impl Index<usize> for Texts {
    type Output = str;

    /// The value of row `row`.
    fn index(&self, row: usize) -> &str {
        self.value(self.ids[row])
    }
}

impl<'a> IntoIterator for &'a Texts {
    type Item = &'a str;
    type IntoIter = Box<dyn Iterator<Item = &'a str> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl<'a> FromIterator<&'a str> for Texts {
    fn from_iter<I: IntoIterator<Item = &'a str>>(iter: I) -> Texts {
        let mut texts = Texts::new();
        for value in iter {
            texts.push(value);
        }
        texts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(texts: &Texts) -> Vec<&str> {
        texts.iter().collect()
    }

    #[test]
    fn rows_keep_their_values_and_repeats_share_an_id() {
        let texts: Texts = ["甲村", "乙村", "甲村", ""].into_iter().collect();
        assert_eq!(values(&texts), ["甲村", "乙村", "甲村", ""]);
        assert_eq!(texts.ids(), [0, 1, 0, 2]);
        assert_eq!(texts.dict_len(), 3);
        assert_eq!(&texts[1], "乙村");
        assert_eq!(texts.id_of("乙村"), Some(1));
        assert_eq!(texts.id_of("丙村"), None);
    }

    #[test]
    fn extending_translates_ids_into_the_target_dictionary() {
        let mut a: Texts = ["x", "y"].into_iter().collect();
        let b: Texts = ["y", "z", "y"].into_iter().collect();
        a.extend_from(&b);
        assert_eq!(values(&a), ["x", "y", "y", "z", "y"]);
        assert_eq!(a.ids(), [0, 1, 1, 2, 1]);
        a.truncate(2);
        assert_eq!(values(&a), ["x", "y"]);
        a.push_n("w", 2);
        assert_eq!(values(&a), ["x", "y", "w", "w"]);
    }
}
