//! Plausibility on the aggregated figures: a village figure that moved far on the year it is
//! compared with.

use super::cells::Measure;
use super::Results;
use crate::catalogue::Catalogue;
use crate::figure::Figure;
use crate::indicators::{self, Aggregation, Ind};
use crate::lang::Msg;
use crate::level::Level;
use crate::tr;
use crate::warning::{Check, Warning};

/// Indicators whose village figures are compared with the earlier year for plausibility.
pub fn change_checked(ind: Ind) -> bool {
    matches!(ind.def().aggregation, Aggregation::Sum | Aggregation::Stock) && ind != Ind::Dividends
}

pub fn changes(results: &Results, catalogue: &Catalogue, threshold_pct: f64) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let limit = threshold_pct / 100.0;
    let villages = results.areas(Level::Village);
    for &year in &results.hierarchy.years {
        let (Some(earlier), Some(y)) = (
            results.compared_with(year),
            results.hierarchy.year_index(year),
        ) else {
            continue;
        };
        let ye = results.hierarchy.year_index(earlier).unwrap_or(y);
        for v in 0..villages.len() as u32 {
            let (series, values) = results.villages.slot(y, v);
            for (s, value) in series.iter().zip(values) {
                let Measure::Sum(ind) = results.series.measure[*s as usize] else {
                    continue;
                };
                if !change_checked(ind) {
                    continue;
                }
                let Some(prev) = results.villages.get(ye, v, *s) else {
                    continue;
                };
                if prev <= 0 {
                    continue;
                }
                let growth = (*value as f64 - prev as f64) / prev as f64;
                if growth.abs() <= limit {
                    continue;
                }
                let item = results.item(results.series.item[*s as usize]);
                let def = ind.def();
                let figure = Figure::sum(i128::from(*value), Some(prev), None);
                let unit = indicators::unit_of(def, item, catalogue);
                let label = indicators::item_label(def, item, catalogue);
                let (code, name) = (&villages.codes[v as usize], &villages.names[v as usize]);
                warnings.push(Warning {
                    year,
                    village_code: code.clone(),
                    check: Check::ChangeOnPreviousYear,
                    location: None,
                    message: tr!(
                        Msg::WarnChange,
                        code = code,
                        name = name,
                        indicator = format!("{label}{}", def.name_zh),
                        growth = figure
                            .growth_pct(def)
                            .map_or("?".into(), |g| format!("{g:+}")),
                        earlier = earlier,
                        year = year,
                        before = figure
                            .previous(def, 1)
                            .map_or(String::new(), |d| d.to_string()),
                        after = figure
                            .value(def, 1)
                            .map_or(String::new(), |d| d.to_string()),
                        unit = unit,
                        threshold = threshold_pct
                    ),
                });
            }
        }
    }
    warnings
}

/// Villages whose township (or higher area) differs between two years of the pipeline: each
/// year is aggregated by its own registry, and a statistician should know that the areas'
/// figures are then not like for like.
pub fn moved(results: &Results) -> Vec<Warning> {
    let h = &results.hierarchy;
    let mut warnings = Vec::new();
    let Some(parent) = h.levels.first() else {
        return warnings;
    };
    for (y, pair) in h.years.windows(2).enumerate() {
        for v in 0..h.villages.len() {
            let (before, after) = (parent.of_village[y][v], parent.of_village[y + 1][v]);
            if before == super::areas::NONE || after == super::areas::NONE || before == after {
                continue;
            }
            let code = &h.villages.codes[v];
            let areas = &parent.areas;
            warnings.push(Warning {
                year: pair[1],
                village_code: code.clone(),
                check: Check::VillageMoved,
                location: None,
                message: tr!(
                    Msg::WarnVillageMoved,
                    code = code,
                    name = h.villages.names[v],
                    level = parent.level.noun_zh(),
                    before = format!(
                        "{} {}",
                        areas.codes[before as usize], areas.names[before as usize]
                    ),
                    earlier = pair[0],
                    after = format!(
                        "{} {}",
                        areas.codes[after as usize], areas.names[after as usize]
                    ),
                    year = pair[1]
                ),
            });
        }
    }
    warnings
}
