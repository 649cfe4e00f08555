//! Sums as integer columns: for each (year, area) the series it holds, sorted, and their
//! values. A series is a measure and an item (a crop, a sector, a project), both small ids.

use rustc_hash::FxHashMap;

use crate::indicators::Ind;

/// What a series sums: a sum indicator, or output valued at another year's prices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Measure {
    Sum(Ind),
    /// Gross output value of the report year at the comparison year's prices (可比价).
    GovAtComparisonPrices,
    /// Gross output value of the report year at the base year's prices.
    GovAtBasePrices,
}

impl Measure {
    pub const COUNT: usize = Ind::COUNT + 2;

    pub fn index(self) -> usize {
        match self {
            Measure::Sum(ind) => ind as usize,
            Measure::GovAtComparisonPrices => Ind::COUNT,
            Measure::GovAtBasePrices => Ind::COUNT + 1,
        }
    }
}

/// Strings as dense ids; id 0 is the empty string (an indicator's total).
#[derive(Debug, Clone)]
pub struct Dict {
    pub names: Vec<String>,
    index: FxHashMap<String, u32>,
}

impl Default for Dict {
    fn default() -> Dict {
        let mut d = Dict {
            names: Vec::new(),
            index: FxHashMap::default(),
        };
        d.id("");
        d
    }
}

impl Dict {
    pub fn id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.index.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), id);
        id
    }

    pub fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }

    pub fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
    }
}

/// The series met so far: (measure, item) pairs as dense ids.
#[derive(Debug, Clone, Default)]
pub struct SeriesDict {
    pub measure: Vec<Measure>,
    pub item: Vec<u32>,
    /// `by_measure[measure.index()][item]`: the series id, or `u32::MAX`.
    by_measure: Vec<Vec<u32>>,
}

impl SeriesDict {
    pub fn id(&mut self, measure: Measure, item: u32) -> u32 {
        if self.by_measure.is_empty() {
            self.by_measure = vec![Vec::new(); Measure::COUNT];
        }
        let slots = &mut self.by_measure[measure.index()];
        if slots.len() <= item as usize {
            slots.resize(item as usize + 1, u32::MAX);
        }
        if slots[item as usize] == u32::MAX {
            slots[item as usize] = self.measure.len() as u32;
            self.measure.push(measure);
            self.item.push(item);
        }
        slots[item as usize]
    }

    pub fn get(&self, measure: Measure, item: u32) -> Option<u32> {
        let id = *self.by_measure.get(measure.index())?.get(item as usize)?;
        (id != u32::MAX).then_some(id)
    }

    pub fn len(&self) -> usize {
        self.measure.len()
    }

    pub fn is_empty(&self) -> bool {
        self.measure.is_empty()
    }
}

/// The sums of one level: slot `year * areas + area` holds its series (sorted) and values.
/// Villages hold `i64` (a village's sums are checked against its range when summed);
/// higher levels `i128`, which cannot overflow: at most 2³² villages × `i64::MAX` < 2⁹⁶.
#[derive(Debug, Clone)]
pub struct Cells<V> {
    pub areas: usize,
    offsets: Vec<usize>,
    series: Vec<u32>,
    values: Vec<V>,
}

impl<V: Copy + Into<i128>> Cells<V> {
    pub fn with_areas(areas: usize) -> Cells<V> {
        Cells {
            areas,
            offsets: vec![0],
            series: Vec::new(),
            values: Vec::new(),
        }
    }

    /// Appends the next slot's entries (sorted here).
    pub fn push_slot(&mut self, entries: &mut [(u32, V)]) {
        entries.sort_unstable_by_key(|e| e.0);
        for (s, v) in entries.iter() {
            self.series.push(*s);
            self.values.push(*v);
        }
        self.offsets.push(self.series.len());
    }

    /// The series and values of `area` in year index `y`.
    pub fn slot(&self, y: usize, area: u32) -> (&[u32], &[V]) {
        let i = y * self.areas + area as usize;
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => (&self.series[a..b], &self.values[a..b]),
            _ => (&[], &[]),
        }
    }

    pub fn get(&self, y: usize, area: u32, series: u32) -> Option<i128> {
        let (s, v) = self.slot(y, area);
        s.binary_search(&series).ok().map(|i| v[i].into())
    }

    /// Slots filled so far.
    pub fn slots(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Entries over all slots, for sizing.
    pub fn len(&self) -> usize {
        self.series.len()
    }

    pub fn is_empty(&self) -> bool {
        self.series.is_empty()
    }
}

/// Sums entries by series, reusing its buffers across slots.
#[derive(Debug, Default)]
pub struct Scratch<V> {
    values: Vec<Option<V>>,
    touched: Vec<u32>,
    out: Vec<(u32, V)>,
}

impl<V: Copy> Scratch<V> {
    /// Adds `value` to `series` with `add`; `Err` from `add` is passed on.
    pub fn add<E>(
        &mut self,
        series: u32,
        value: V,
        add: impl FnOnce(V, V) -> Result<V, E>,
    ) -> Result<(), E> {
        let s = series as usize;
        if self.values.len() <= s {
            self.values.resize(s + 1, None);
        }
        match self.values[s] {
            None => {
                self.values[s] = Some(value);
                self.touched.push(series);
            }
            Some(old) => self.values[s] = Some(add(old, value)?),
        }
        Ok(())
    }

    /// The summed entries of this slot, leaving the scratch empty.
    pub fn drain(&mut self) -> &mut [(u32, V)] {
        self.out.clear();
        for s in self.touched.drain(..) {
            if let Some(v) = self.values[s as usize].take() {
                self.out.push((s, v));
            }
        }
        &mut self.out
    }
}
