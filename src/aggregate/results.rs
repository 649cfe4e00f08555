//! The results: sums of every level as integer columns, and the figures derived from them
//! on demand — ratios of sums, comparisons with an earlier year and with the base year —
//! by lining up the same ids, never by joining strings. Writers stream rows from here.

use super::areas::{AreaDict, Hierarchy};
use super::cells::{Cells, Dict, Measure, SeriesDict};
use crate::figure::{Base, Figure};
use crate::indicators::{Ind, INDICATORS};
use crate::level::Level;

/// Which years a run compares.
#[derive(Debug, Clone, Copy)]
pub struct Comparisons {
    pub report: i32,
    /// `year − previous_year`: every year is compared with the year this far back.
    pub gap: Option<i32>,
    pub base: Option<i32>,
}

pub struct Results {
    pub hierarchy: Hierarchy,
    pub items: Dict,
    pub series: SeriesDict,
    pub villages: Cells<i64>,
    /// The sums of each level of `hierarchy.levels`, same order.
    pub levels: Vec<Cells<i128>>,
    pub comparisons: Comparisons,
    /// Sort position of each item id by name, and of each indicator by key.
    item_rank: Vec<u32>,
    ind_rank: [u8; Ind::COUNT],
}

/// One figure of the results.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    pub year: i32,
    pub level: Level,
    pub area: u32,
    pub ind: Ind,
    pub item: u32,
    pub figure: Figure,
}

impl Results {
    pub fn new(
        hierarchy: Hierarchy,
        items: Dict,
        series: SeriesDict,
        villages: Cells<i64>,
        levels: Vec<Cells<i128>>,
        comparisons: Comparisons,
    ) -> Results {
        let mut by_name: Vec<u32> = (0..items.names.len() as u32).collect();
        by_name.sort_by(|a, b| items.name(*a).cmp(items.name(*b)));
        let mut item_rank = vec![0; by_name.len()];
        for (rank, id) in by_name.into_iter().enumerate() {
            item_rank[id as usize] = rank as u32;
        }
        let mut by_key: Vec<Ind> = INDICATORS.iter().map(|i| i.id).collect();
        by_key.sort_by_key(|i| i.key());
        let mut ind_rank = [0u8; Ind::COUNT];
        for (rank, ind) in by_key.into_iter().enumerate() {
            ind_rank[ind as usize] = rank as u8;
        }
        Results {
            hierarchy,
            items,
            series,
            villages,
            levels,
            comparisons,
            item_rank,
            ind_rank,
        }
    }

    /// The levels with results, bottom up (villages first).
    pub fn levels(&self) -> Vec<Level> {
        let mut out = vec![Level::Village];
        out.extend(self.hierarchy.levels.iter().map(|l| l.level));
        out
    }

    pub fn areas(&self, level: Level) -> &AreaDict {
        self.hierarchy.areas(level).expect("a level of the results")
    }

    pub fn has_level(&self, level: Level) -> bool {
        self.hierarchy.areas(level).is_some()
    }

    pub fn item(&self, id: u32) -> &str {
        self.items.name(id)
    }

    /// The sum of `measure` × `item` for `area` of `level` in `year`.
    pub fn value(&self, level: Level, year: i32, area: u32, m: Measure, item: u32) -> Option<i128> {
        let y = self.hierarchy.year_index(year)?;
        let series = self.series.get(m, item)?;
        if level == Level::Village {
            return self.villages.get(y, area, series);
        }
        let i = self
            .hierarchy
            .levels
            .iter()
            .position(|l| l.level == level)?;
        self.levels[i].get(y, area, series)
    }

    /// Numerator and denominator of an indicator (the denominator only for ratios).
    fn num_den(
        &self,
        level: Level,
        year: i32,
        area: u32,
        ind: Ind,
        item: u32,
    ) -> Option<(i128, Option<i128>)> {
        match ind.def().ratio {
            None => Some((
                self.value(level, year, area, Measure::Sum(ind), item)?,
                None,
            )),
            Some(r) => {
                let num = self.value(level, year, area, Measure::Sum(r.numerator), item)?;
                let den_year = if r.previous_year { year - 1 } else { year };
                let den_item = if r.same_item { item } else { 0 };
                let den =
                    self.value(level, den_year, area, Measure::Sum(r.denominator), den_item)?;
                Some((num, Some(den)))
            }
        }
    }

    /// The year `year` is compared with, if the pipeline has it.
    pub fn compared_with(&self, year: i32) -> Option<i32> {
        let earlier = year - self.comparisons.gap?;
        self.hierarchy.year_index(earlier).map(|_| earlier)
    }

    /// The figure of `ind` × `item` for an area, with its comparisons; `None` where the
    /// area has no such figure that year.
    pub fn figure(
        &self,
        level: Level,
        year: i32,
        area: u32,
        ind: Ind,
        item: u32,
    ) -> Option<Figure> {
        let (num, den) = self.num_den(level, year, area, ind, item)?;
        let report = year == self.comparisons.report;
        let gov = ind == Ind::GrossOutputValue;
        let comp = (gov && report)
            .then(|| self.value(level, year, area, Measure::GovAtComparisonPrices, item))
            .flatten();
        let previous = self
            .compared_with(year)
            .and_then(|y| self.num_den(level, y, area, ind, item));
        let base = match self.comparisons.base {
            Some(b) if report && b < year => {
                self.num_den(level, b, area, ind, item).map(|(n, d)| Base {
                    num: n,
                    den: d,
                    comp: gov
                        .then(|| self.value(level, year, area, Measure::GovAtBasePrices, item))
                        .flatten(),
                    years: (year - b) as u32,
                })
            }
            _ => None,
        };
        Some(Figure {
            num,
            den,
            comp,
            prev_num: previous.map(|p| p.0),
            prev_den: previous.and_then(|p| p.1),
            base,
        })
    }

    /// Every figure of an area in a year, sorted by indicator key and item name.
    pub fn rows(&self, level: Level, year: i32, area: u32) -> Vec<Row> {
        let Some(y) = self.hierarchy.year_index(year) else {
            return Vec::new();
        };
        let series = self.slot_series(level, y, area);
        let mut keys: Vec<(Ind, u32)> = Vec::with_capacity(series.len() * 2);
        for &s in series {
            let Measure::Sum(ind) = self.series.measure[s as usize] else {
                continue;
            };
            let item = self.series.item[s as usize];
            keys.push((ind, item));
            for r in INDICATORS
                .iter()
                .filter(|r| r.ratio.is_some_and(|x| x.numerator == ind))
            {
                keys.push((r.id, item));
            }
        }
        keys.sort_by_key(|(ind, item)| {
            (self.ind_rank[*ind as usize], self.item_rank[*item as usize])
        });
        keys.into_iter()
            .filter_map(|(ind, item)| {
                let figure = self.figure(level, year, area, ind, item)?;
                Some(Row {
                    year,
                    level,
                    area,
                    ind,
                    item,
                    figure,
                })
            })
            .collect()
    }

    /// The series with a sum in a slot.
    fn slot_series(&self, level: Level, y: usize, area: u32) -> &[u32] {
        if level == Level::Village {
            return self.villages.slot(y, area).0;
        }
        match self.hierarchy.levels.iter().position(|l| l.level == level) {
            Some(i) => self.levels[i].slot(y, area).0,
            None => &[],
        }
    }

    /// At least as many rows as `for_each_row(levels)` gives, without deriving a figure (a
    /// ratio is counted even where its denominator is missing): whether they fit a sheet.
    pub fn row_bound(&self, levels: &[Level]) -> usize {
        let mut per_sum = [1usize; Ind::COUNT];
        for r in INDICATORS.iter().filter_map(|i| i.ratio) {
            per_sum[r.numerator as usize] += 1;
        }
        let mut n = 0;
        for y in 0..self.hierarchy.years.len() {
            for level in self.levels().into_iter().filter(|l| levels.contains(l)) {
                for area in 0..self.areas(level).len() as u32 {
                    for &s in self.slot_series(level, y, area) {
                        if let Measure::Sum(ind) = self.series.measure[s as usize] {
                            n += per_sum[ind as usize];
                        }
                    }
                }
            }
        }
        n
    }

    /// Every figure of `levels` in file order: by year, level (bottom up), area code,
    /// indicator key and item.
    pub fn for_each_row(&self, levels: &[Level], mut f: impl FnMut(&Row)) {
        for &year in &self.hierarchy.years {
            for level in self.levels().into_iter().filter(|l| levels.contains(l)) {
                for area in 0..self.areas(level).len() as u32 {
                    for row in self.rows(level, year, area) {
                        f(&row);
                    }
                }
            }
        }
    }

    /// The code of the township (or the next level up) holding a village in a year.
    pub fn parent_code(&self, year: i32, village: u32) -> &str {
        let (Some(y), Some(parent)) = (
            self.hierarchy.year_index(year),
            self.hierarchy.levels.first(),
        ) else {
            return "";
        };
        match self.hierarchy.area_of(parent.level, y, village) {
            Some(a) => &parent.areas.codes[a as usize],
            None => "",
        }
    }
}
