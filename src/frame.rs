//! Small helpers around polars, so that the rest of the code speaks in our terms and the
//! polars API (which changes between versions) is used in few places.

use polars::prelude::*;

use crate::error::{Error, Result};

pub fn collect(frame: LazyFrame, step: &'static str) -> Result<DataFrame> {
    frame.collect().map_err(Error::engine(step))
}

/// Typed access to the columns of a collected frame.
pub struct Rows<'a> {
    df: &'a DataFrame,
}

impl<'a> Rows<'a> {
    pub fn new(df: &'a DataFrame) -> Rows<'a> {
        Rows { df }
    }

    pub fn len(&self) -> usize {
        self.df.height()
    }

    pub fn is_empty(&self) -> bool {
        self.df.height() == 0
    }

    fn column(&self, name: &str) -> Result<&'a Column> {
        self.df
            .column(name)
            .map_err(Error::engine("reading a result column"))
    }

    pub fn str(&self, name: &str) -> Result<Vec<String>> {
        let c = self
            .column(name)?
            .str()
            .map_err(Error::engine("reading a text column"))?;
        Ok(c.iter().map(|v| v.unwrap_or("").to_string()).collect())
    }

    /// Which values of a column are present (not null).
    pub fn present(&self, name: &str) -> Result<Vec<bool>> {
        let c = self.column(name)?;
        Ok(c.is_not_null().iter().map(|v| v.unwrap_or(false)).collect())
    }

    pub fn opt_u32(&self, name: &str) -> Result<Vec<Option<u32>>> {
        let c = self
            .column(name)?
            .u32()
            .map_err(Error::engine("reading a position column"))?;
        Ok(c.iter().collect())
    }

    pub fn i32(&self, name: &str) -> Result<Vec<Option<i32>>> {
        let c = self
            .column(name)?
            .i32()
            .map_err(Error::engine("reading a year column"))?;
        Ok(c.iter().collect())
    }

    pub fn u32(&self, name: &str) -> Result<Vec<u32>> {
        let c = self
            .column(name)?
            .u32()
            .map_err(Error::engine("reading a position column"))?;
        Ok(c.iter().map(|v| v.unwrap_or(0)).collect())
    }

    pub fn i64(&self, name: &str) -> Result<Vec<Option<i64>>> {
        let c = self
            .column(name)?
            .i64()
            .map_err(Error::engine("reading a number column"))?;
        Ok(c.iter().collect())
    }

    pub fn i128(&self, name: &str) -> Result<Vec<Option<i128>>> {
        let c = self
            .column(name)?
            .i128()
            .map_err(Error::engine("reading a total column"))?;
        Ok(c.iter().collect())
    }
}

/// A 128-bit fingerprint of each row's values in `columns` (two independently seeded 64-bit
/// hashes; a null differs from every value). Two runs' rows with equal fingerprints are taken
/// as equal: a false match needs a 2⁻¹²⁸ coincidence, far below any hardware error rate.
pub fn row_hashes(df: &DataFrame, columns: &[&str]) -> Result<Vec<u128>> {
    let engine = || Error::engine("fingerprinting rows");
    let mut state: Vec<[u64; 2]> = vec![[0, 0]; df.height()];
    for name in columns {
        let series = df.column(name).map_err(engine())?.as_materialized_series();
        match series.dtype() {
            DataType::String => mix(&mut state, series.str().map_err(engine())?.iter()),
            DataType::Int32 => mix(&mut state, series.i32().map_err(engine())?.iter()),
            DataType::UInt32 => mix(&mut state, series.u32().map_err(engine())?.iter()),
            DataType::Int64 => mix(&mut state, series.i64().map_err(engine())?.iter()),
            DataType::Int128 => mix(&mut state, series.i128().map_err(engine())?.iter()),
            other => {
                let message = format!("column {name} has an unexpected type {other}");
                return Err(engine()(PolarsError::SchemaMismatch(message.into())));
            }
        }
    }
    Ok(state
        .into_iter()
        .map(|[a, b]| (u128::from(a) << 64) | u128::from(b))
        .collect())
}

/// Folds each row's value (`None` for a null) into its two running hashes.
fn mix<T: std::hash::Hash>(state: &mut [[u64; 2]], values: impl IntoIterator<Item = T>) {
    use std::hash::BuildHasher;
    let seeds = [
        foldhash::fast::FixedState::with_seed(0x6167_7269_7374_6174),
        foldhash::fast::FixedState::with_seed(0x7265_7669_7369_6f6e),
    ];
    for (hashes, value) in state.iter_mut().zip(values) {
        for (h, seed) in hashes.iter_mut().zip(&seeds) {
            *h = seed.hash_one((*h, &value));
        }
    }
}

/// Which rows of `a` and of `b` have a fingerprint the other lacks: both sorted with their
/// row numbers, then walked side by side (sequential memory access, unlike a lookup per row).
pub fn unmatched(a: &[u128], b: &[u128]) -> (Vec<bool>, Vec<bool>) {
    let sorted = |hashes: &[u128]| {
        let mut pairs: Vec<(u128, u32)> = hashes.iter().copied().zip(0u32..).collect();
        pairs.sort_unstable();
        pairs
    };
    let (sa, sb) = (sorted(a), sorted(b));
    let (mut only_a, mut only_b) = (vec![true; a.len()], vec![true; b.len()]);
    let (mut i, mut j) = (0, 0);
    while i < sa.len() && j < sb.len() {
        match sa[i].0.cmp(&sb[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                only_a[sa[i].1 as usize] = false;
                only_b[sb[j].1 as usize] = false;
                i += 1;
                j += 1;
            }
        }
    }
    (only_a, only_b)
}

/// The rows of `df` where `keep` is true.
pub fn filter_rows(df: &DataFrame, keep: &[bool]) -> Result<DataFrame> {
    let mask = BooleanChunked::from_slice("keep".into(), keep);
    df.filter(&mask)
        .map_err(Error::engine("selecting the rows that differ"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unmatched_rows_are_those_whose_fingerprint_the_other_side_lacks() {
        let (a, b) = unmatched(&[5, 1, 9, 3], &[3, 7, 5]);
        assert_eq!(a, [false, true, true, false]);
        assert_eq!(b, [false, true, false]);
    }

    #[test]
    fn equal_rows_have_equal_fingerprints_and_a_null_differs_from_a_value() {
        let df = df!(
            "code" => [Some("01"), Some("01"), None, Some("")],
            "n" => [Some(1i64), Some(1), Some(1), Some(1)]
        )
        .unwrap();
        let h = row_hashes(&df, &["code", "n"]).unwrap();
        assert_eq!(h[0], h[1]);
        assert_ne!(h[0], h[2]);
        assert_ne!(h[2], h[3]);
    }
}
