//! What the charts read from the results: figures by area, indicator and item, and the areas
//! one level down. Values are exact decimals in report units, made `f64` only for drawing.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::aggregate::Results;
use crate::catalogue::Catalogue;
use crate::indicators::{self, Ind};
use crate::level::Level;

/// An area a chart set is drawn for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Area {
    pub level: Level,
    pub id: u32,
    pub code: String,
    pub name: String,
}

impl Area {
    /// What a chart calls the parts of this area: 村, 乡镇, 区县 …
    pub fn child_noun(&self, d: &ChartData) -> &'static str {
        d.child_level(self.level).map_or("村", |l| l.noun_zh())
    }

    /// 全镇, 全县 …: the whole area, in a legend.
    pub fn whole(&self) -> &'static str {
        self.level.whole_zh()
    }
}

pub struct ChartData<'a> {
    pub results: &'a Results,
    pub catalogue: &'a Catalogue,
    pub year: i32,
    pub previous_year: Option<i32>,
    /// The levels charts are drawn for.
    pub levels: Vec<Level>,
}

impl<'a> ChartData<'a> {
    pub fn new(
        results: &'a Results,
        catalogue: &'a Catalogue,
        year: i32,
        previous_year: Option<i32>,
        levels: Vec<Level>,
    ) -> ChartData<'a> {
        ChartData {
            results,
            catalogue,
            year,
            previous_year,
            levels,
        }
    }

    /// The level below `level` among the results (villages under the lowest).
    pub fn child_level(&self, level: Level) -> Option<Level> {
        let all = self.results.levels();
        let i = all.iter().position(|l| *l == level)?;
        i.checked_sub(1).map(|j| all[j])
    }

    /// The areas that get charts, bottom level first, by code; only areas with villages in
    /// the report year.
    pub fn areas(&self) -> Vec<Area> {
        let mut out = Vec::new();
        for &level in &self.levels {
            if level == Level::Village || !self.results.has_level(level) {
                continue;
            }
            let dict = self.results.areas(level);
            out.extend(
                (0..dict.len() as u32)
                    .map(|id| self.area(level, id))
                    .filter(|a| self.villages(a) > 0),
            );
        }
        out
    }

    fn area(&self, level: Level, id: u32) -> Area {
        let dict = self.results.areas(level);
        Area {
            level,
            id,
            code: dict.codes[id as usize].clone(),
            name: dict.names[id as usize].clone(),
        }
    }

    /// The villages in `area` in the report year.
    pub fn villages(&self, area: &Area) -> usize {
        let h = &self.results.hierarchy;
        let Some(y) = h.year_index(self.year) else {
            return 0;
        };
        (0..h.villages.len() as u32)
            .filter(|&v| h.area_of(area.level, y, v) == Some(area.id))
            .count()
    }

    /// The areas one level down in `area`, in the report year, by code.
    pub fn children(&self, area: &Area) -> Vec<Area> {
        let h = &self.results.hierarchy;
        let (Some(child), Some(y)) = (self.child_level(area.level), h.year_index(self.year)) else {
            return Vec::new();
        };
        let mut ids: Vec<u32> = (0..h.villages.len() as u32)
            .filter(|&v| h.area_of(area.level, y, v) == Some(area.id))
            .filter_map(|v| h.area_of(child, y, v))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter().map(|id| self.area(child, id)).collect()
    }

    fn item_id(&self, item: &str) -> Option<u32> {
        self.results.items.get(item)
    }

    /// The figure in report units, exact.
    pub fn exact(&self, year: i32, area: &Area, ind: Ind, item: &str) -> Option<Decimal> {
        let f = self
            .results
            .figure(area.level, year, area.id, ind, self.item_id(item)?)?;
        f.exact_value(ind.def())
    }

    pub fn value(&self, area: &Area, ind: Ind, item: &str) -> Option<f64> {
        self.exact(self.year, area, ind, item)
            .and_then(|d| d.to_f64())
    }

    pub fn previous(&self, area: &Area, ind: Ind, item: &str) -> Option<f64> {
        self.exact(self.previous_year?, area, ind, item)
            .and_then(|d| d.to_f64())
    }

    pub fn growth_pct(&self, area: &Area, ind: Ind, item: &str) -> Option<f64> {
        let f = self
            .results
            .figure(area.level, self.year, area.id, ind, self.item_id(item)?)?;
        f.growth_pct(ind.def()).and_then(|d| d.to_f64())
    }

    /// The items of an indicator in an area this year (totals excluded), catalogue order.
    pub fn items(&self, area: &Area, ind: Ind) -> Vec<String> {
        let mut items: Vec<String> = self
            .results
            .rows(area.level, self.year, area.id)
            .into_iter()
            .filter(|r| r.ind == ind && r.item != 0)
            .map(|r| self.results.item(r.item).to_string())
            .collect();
        items.sort_by_key(|item| {
            (
                self.catalogue
                    .products
                    .iter()
                    .position(|p| &p.code == item)
                    .unwrap_or(usize::MAX),
                item.clone(),
            )
        });
        items
    }

    pub fn label(&self, ind: Ind, item: &str) -> String {
        indicators::item_label(ind.def(), item, self.catalogue)
    }

    pub fn unit(&self, ind: Ind, item: &str) -> String {
        indicators::unit_of(ind.def(), item, self.catalogue)
    }
}
