//! What the charts show, read from the results: figures by area, indicator and item, and
//! the areas one level down. Values are exact decimals in report units, made `f64` only
//! for drawing.

use std::collections::HashMap;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::aggregate::indicators;
use crate::catalogue::Catalogue;
use crate::report::columns::Columns;

/// An area a chart set is drawn for, and the level of its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Area {
    pub level: String,
    pub code: String,
    pub name: String,
}

impl Area {
    /// The level one down: the categories of "by area" charts.
    pub fn child_level(&self) -> &'static str {
        if self.level == "county" {
            "township"
        } else {
            "village"
        }
    }

    /// 村 or 乡镇, as a chart names its parts.
    pub fn child_noun(&self) -> &'static str {
        if self.level == "county" {
            "乡镇"
        } else {
            "村"
        }
    }

    /// 全镇 or 全县: the whole area, in a legend.
    pub fn whole(&self) -> &'static str {
        if self.level == "county" {
            "全县"
        } else {
            "全镇"
        }
    }
}

pub struct ChartData<'a> {
    pub columns: &'a Columns,
    pub catalogue: &'a Catalogue,
    pub year: i32,
    pub previous_year: Option<i32>,
    index: HashMap<(i32, &'a str, &'a str, &'a str, &'a str), usize>,
    /// Areas of the year by (level, parent code), sorted by code: one pass, not one per area.
    by_parent: HashMap<(String, String), Vec<Area>>,
}

impl<'a> ChartData<'a> {
    pub fn new(
        columns: &'a Columns,
        catalogue: &'a Catalogue,
        year: i32,
        previous_year: Option<i32>,
    ) -> ChartData<'a> {
        let mut index = HashMap::with_capacity(columns.len());
        for i in 0..columns.len() {
            index.insert(
                (
                    columns.year[i],
                    columns.level[i].as_str(),
                    columns.area_code[i].as_str(),
                    columns.indicator[i].as_str(),
                    columns.item[i].as_str(),
                ),
                i,
            );
        }
        let mut by_parent: HashMap<(String, String), Vec<Area>> = HashMap::new();
        for i in 0..columns.len() {
            if columns.year[i] == year
                && columns.indicator[i] == "population"
                && columns.item[i].is_empty()
            {
                let area = Area {
                    level: columns.level[i].clone(),
                    code: columns.area_code[i].clone(),
                    name: columns.area_name[i].clone(),
                };
                by_parent
                    .entry((area.level.clone(), String::new()))
                    .or_default()
                    .push(area.clone());
                by_parent
                    .entry((area.level.clone(), columns.parent_code[i].clone()))
                    .or_default()
                    .push(area);
            }
        }
        for areas in by_parent.values_mut() {
            areas.sort_by(|a, b| a.code.cmp(&b.code));
            areas.dedup();
        }
        ChartData {
            columns,
            catalogue,
            year,
            previous_year,
            index,
            by_parent,
        }
    }

    /// Townships, then counties, of the pipeline's year: each gets its own charts.
    pub fn areas(&self) -> Vec<Area> {
        let mut areas = Vec::new();
        for level in ["township", "county"] {
            areas.extend(self.areas_at(level, None));
        }
        areas
    }

    /// The areas at `level` (within `parent`, if given), by code.
    pub fn areas_at(&self, level: &str, parent: Option<&str>) -> Vec<Area> {
        self.by_parent
            .get(&(level.to_string(), parent.unwrap_or("").to_string()))
            .cloned()
            .unwrap_or_default()
    }

    /// The villages an area's figures come from.
    pub fn villages(&self, area: &Area) -> usize {
        match area.level.as_str() {
            "county" => self
                .children(area)
                .iter()
                .map(|t| self.children(t).len())
                .sum(),
            _ => self.children(area).len(),
        }
    }

    pub fn children(&self, area: &Area) -> Vec<Area> {
        self.areas_at(area.child_level(), Some(&area.code))
    }

    fn row(&self, year: i32, area: &Area, indicator: &str, item: &str) -> Option<usize> {
        self.index
            .get(&(
                year,
                area.level.as_str(),
                area.code.as_str(),
                indicator,
                item,
            ))
            .copied()
    }

    /// The figure in report units, exact.
    pub fn exact(&self, year: i32, area: &Area, indicator: &str, item: &str) -> Option<Decimal> {
        let i = self.row(year, area, indicator, item)?;
        let def = indicators::get(indicator)?;
        self.columns.figure(i).exact_value(def)
    }

    pub fn value(&self, area: &Area, indicator: &str, item: &str) -> Option<f64> {
        self.exact(self.year, area, indicator, item)
            .and_then(|d| d.to_f64())
    }

    pub fn previous(&self, area: &Area, indicator: &str, item: &str) -> Option<f64> {
        self.exact(self.previous_year?, area, indicator, item)
            .and_then(|d| d.to_f64())
    }

    pub fn growth_pct(&self, area: &Area, indicator: &str, item: &str) -> Option<f64> {
        let i = self.row(self.year, area, indicator, item)?;
        let def = indicators::get(indicator)?;
        self.columns
            .figure(i)
            .growth_pct(def)
            .and_then(|d| d.to_f64())
    }

    /// The items of an indicator in an area this year (totals excluded), catalogue order.
    pub fn items(&self, area: &Area, indicator: &str) -> Vec<String> {
        let c = self.columns;
        let mut items: Vec<String> = (0..c.len())
            .filter(|&i| {
                c.year[i] == self.year
                    && c.level[i] == area.level
                    && c.area_code[i] == area.code
                    && c.indicator[i] == indicator
                    && !c.item[i].is_empty()
            })
            .map(|i| c.item[i].clone())
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

    pub fn label(&self, indicator: &str, item: &str) -> String {
        indicators::get(indicator).map_or(item.to_string(), |def| {
            indicators::item_label(def, item, self.catalogue)
        })
    }

    pub fn unit(&self, indicator: &str, item: &str) -> String {
        indicators::get(indicator).map_or(String::new(), |def| {
            indicators::unit_of(def, item, self.catalogue)
        })
    }
}
