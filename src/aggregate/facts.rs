//! Table rows to facts, and facts to each village's sums. A fact is (measure, item, value):
//! a row of the crops table gives its crop's sown area and output, the grain equivalents
//! and its value at this year's prices (and at the comparison and base years'). Values are
//! exact integers in canonical units × 10⁸: quantities carry 4 decimals from ingest, and a
//! product with a price or a grain factor (also 4 decimals) needs 8.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::areas::{Hierarchy, NONE};
use super::cells::{Cells, Dict, Measure, Scratch, SeriesDict};
use crate::buckets::Buckets;
use crate::catalogue::{Catalogue, Group, Sector};
use crate::error::{Problem, ProblemKind};
use crate::fixed::SCALE;
use crate::indicators::{Ind, INCOME_COMPONENTS};
use crate::ingest::table::{Table, Texts};
use crate::schema::TableKind;

#[derive(Debug, Clone, Copy)]
struct ProductInfo {
    sector: u32,
    group: Group,
    /// × `SCALE`.
    grain_factor: i64,
    species: Option<u32>,
}

/// The years a fact is valued at: its own, and for the report year the comparison and the
/// base year.
#[derive(Debug, Clone, Copy)]
pub struct Years {
    pub report: i32,
    pub comparison: Option<i32>,
    pub base: Option<i32>,
}

/// A table's number columns by canonical field name.
type NumberColumns<'a> = Vec<(&'static str, &'a [Option<i64>])>;

/// Everything needed to turn a row into facts: item ids, product facts, prices.
pub struct FactSource<'a> {
    pub tables: &'a BTreeMap<TableKind, Table>,
    pub items: Dict,
    products: Vec<Option<ProductInfo>>,
    prices: FxHashMap<(i32, u32), i64>,
    /// The item id of each row of each table's item field.
    row_items: BTreeMap<TableKind, Vec<u32>>,
    /// Each table's number columns by field name, resolved once rather than once a row.
    numbers: BTreeMap<TableKind, NumberColumns<'a>>,
    components: [u32; 4],
    years: Years,
}

/// The item field of a table, if it has one.
fn item_field(kind: TableKind) -> Option<&'static str> {
    match kind {
        TableKind::Crops => Some("crop"),
        TableKind::Livestock => Some("species"),
        TableKind::Slaughter | TableKind::Prices => Some("product"),
        TableKind::Dividends => Some("project"),
        TableKind::OtherOutput => Some("sector"),
        _ => None,
    }
}

impl<'a> FactSource<'a> {
    pub fn new(
        tables: &'a BTreeMap<TableKind, Table>,
        catalogue: &Catalogue,
        years: Years,
    ) -> FactSource<'a> {
        let mut items = Dict::default();
        let components = INCOME_COMPONENTS.map(|(key, _)| items.id(key));
        let mut products = Vec::new();
        for p in &catalogue.products {
            let id = items.id(&p.code) as usize;
            let info = ProductInfo {
                sector: items.id(p.sector.code()),
                group: p.group,
                grain_factor: p.grain_factor,
                species: p.species.as_deref().map(|s| items.id(s)),
            };
            if products.len() <= id {
                products.resize(id + 1, None);
            }
            products[id] = Some(info);
        }
        for s in Sector::ALL {
            items.id(s.code());
        }
        let mut row_items: BTreeMap<TableKind, Vec<u32>> = BTreeMap::new();
        for (kind, table) in tables {
            if let Some(field) = item_field(*kind) {
                let names = table.texts(field).unwrap_or(Texts::empty());
                row_items.insert(*kind, names.translate(|n| items.id(n)));
            }
        }
        let mut prices: FxHashMap<(i32, u32), i64> = FxHashMap::default();
        if let Some(table) = tables.get(&TableKind::Prices) {
            let row_years = table.years();
            for ((year, item), price) in row_years
                .iter()
                .zip(&row_items[&TableKind::Prices])
                .zip(table.numbers("price").unwrap_or(&[]))
            {
                if let Some(p) = price {
                    prices.insert((*year, *item), *p);
                }
            }
        }
        let numbers = tables
            .iter()
            .map(|(kind, table)| {
                let columns = kind
                    .fields()
                    .iter()
                    .filter(|f| matches!(f.kind, crate::schema::FieldKind::Number(_)))
                    .map(|f| (f.name, table.numbers(f.name).unwrap_or(&[])))
                    .collect();
                (*kind, columns)
            })
            .collect();
        FactSource {
            tables,
            items,
            products,
            prices,
            row_items,
            numbers,
            components,
            years,
        }
    }

    fn product(&self, item: u32) -> Option<&ProductInfo> {
        self.products.get(item as usize)?.as_ref()
    }

    /// The facts of row `row` of table `kind` (whose year is `year`), each with the field it
    /// comes from. `sink` may stop the row with an error.
    pub fn emit<E>(
        &self,
        kind: TableKind,
        row: usize,
        year: i32,
        sink: &mut impl FnMut(Measure, u32, i128, &'static str) -> Result<(), E>,
    ) -> Result<(), E> {
        let numbers = &self.numbers[&kind];
        let raw = |field: &str| {
            numbers
                .iter()
                .find(|(name, _)| *name == field)
                .and_then(|(_, column)| column[row])
        };
        let q = |field: &str| raw(field).map(|v| v as i128 * SCALE as i128);
        let item = self.row_items.get(&kind).map_or(0, |items| items[row]);
        let sum = Measure::Sum;
        match kind {
            TableKind::Crops => {
                let (area, output) = (q("sown_area"), q("output"));
                if let Some(a) = area {
                    sink(sum(Ind::CropSownArea), item, a, "sown_area")?;
                }
                if let Some(o) = output {
                    sink(sum(Ind::CropOutput), item, o, "output")?;
                }
                if let Some(p) = self.product(item).filter(|p| p.grain_factor > 0) {
                    if let Some(a) = area {
                        sink(sum(Ind::GrainSownArea), 0, a, "sown_area")?;
                    }
                    if let Some(o) = raw("output") {
                        let grain = o as i128 * p.grain_factor as i128;
                        sink(sum(Ind::GrainOutput), 0, grain, "output")?;
                    }
                }
                self.valued(raw("output"), item, year, sink)?;
            }
            TableKind::Slaughter => {
                if let Some(o) = q("output") {
                    sink(sum(Ind::ProductOutput), item, o, "output")?;
                    match self.product(item).map(|p| p.group) {
                        Some(Group::Meat) => sink(sum(Ind::MeatOutput), 0, o, "output")?,
                        Some(Group::Egg) => sink(sum(Ind::EggOutput), 0, o, "output")?,
                        _ => {}
                    }
                }
                let species = self.product(item).filter(|p| p.group == Group::Meat);
                if let (Some(s), Some(h)) = (species.and_then(|p| p.species), q("head_count")) {
                    sink(sum(Ind::Offtake), s, h, "head_count")?;
                }
                self.valued(raw("output"), item, year, sink)?;
            }
            TableKind::Livestock => {
                if let Some(s) = q("year_end_stock") {
                    sink(sum(Ind::YearEndStock), item, s, "year_end_stock")?;
                }
            }
            TableKind::OtherOutput => {
                if let Some(v) = q("value") {
                    for m in self.value_measures(year) {
                        sink(m, 0, v, "value")?;
                        sink(m, item, v, "value")?;
                    }
                }
            }
            TableKind::Dividends => {
                if let Some(a) = q("amount") {
                    sink(sum(Ind::Dividends), 0, a, "amount")?;
                    sink(sum(Ind::Dividends), item, a, "amount")?;
                }
                for (field, ind) in [
                    ("households", Ind::DividendHouseholds),
                    ("poor_households", Ind::DividendPoorHouseholds),
                ] {
                    if let Some(v) = q(field) {
                        sink(sum(ind), 0, v, field)?;
                    }
                }
            }
            TableKind::Income => {
                let mut total = 0i128;
                for ((field, _), id) in INCOME_COMPONENTS.iter().zip(self.components) {
                    let v = q(field).unwrap_or(0);
                    total += v;
                    sink(sum(Ind::NetIncome), id, v, field)?;
                }
                sink(sum(Ind::NetIncome), 0, total, "wage_income")?;
            }
            TableKind::Villages => {
                for (field, ind) in [
                    ("population", Ind::Population),
                    ("households", Ind::Households),
                    ("poor_households", Ind::PoorHouseholds),
                ] {
                    if let Some(v) = q(field) {
                        sink(sum(ind), 0, v, field)?;
                    }
                }
            }
            TableKind::Prices | TableKind::Regions => {}
        }
        Ok(())
    }

    /// The value measures of a year: at its own prices, and for the report year at the
    /// comparison and the base year's prices, each with the year of its prices.
    fn value_measures(&self, year: i32) -> Vec<Measure> {
        self.priced_measures(year)
            .into_iter()
            .map(|(m, _)| m)
            .collect()
    }

    fn priced_measures(&self, year: i32) -> Vec<(Measure, i32)> {
        let mut out = vec![(Measure::Sum(Ind::GrossOutputValue), year)];
        if year == self.years.report {
            if let Some(c) = self.years.comparison {
                out.push((Measure::GovAtComparisonPrices, c));
            }
            if let Some(b) = self.years.base {
                out.push((Measure::GovAtBasePrices, b));
            }
        }
        out
    }

    /// Output × price, as gross output value in total and by sector. A product without a
    /// price for a year is left out: validation has reported it.
    fn valued<E>(
        &self,
        output: Option<i64>,
        item: u32,
        year: i32,
        sink: &mut impl FnMut(Measure, u32, i128, &'static str) -> Result<(), E>,
    ) -> Result<(), E> {
        let Some(output) = output else {
            return Ok(());
        };
        let sector = self.product(item).map_or(0, |p| p.sector);
        for (measure, price_year) in self.priced_measures(year) {
            if let Some(price) = self.prices.get(&(price_year, item)) {
                let value = output as i128 * *price as i128;
                sink(measure, 0, value, "output")?;
                sink(measure, sector, value, "output")?;
            }
        }
        Ok(())
    }
}

/// Each village's sums, for every year: facts summed by series, checked against the range
/// of `i64`. An overflow is a problem at the row that caused it.
pub fn village_cells(
    source: &FactSource,
    hierarchy: &Hierarchy,
    series: &mut SeriesDict,
) -> Result<Cells<i64>, Vec<Problem>> {
    let villages = hierarchy.villages.len();
    let slots = hierarchy.years.len() * villages;
    let groups: Vec<(TableKind, Grouped)> = source
        .tables
        .iter()
        .filter(|(kind, _)| kind.has_village())
        .map(|(kind, table)| (*kind, Grouped::by_village(table, hierarchy)))
        .collect();
    let mut cells = Cells::with_areas(villages);
    let mut scratch: Scratch<i64> = Scratch::default();
    let mut problems = Vec::new();
    for slot in 0..slots {
        let year = hierarchy.years[slot / villages.max(1)];
        for (kind, grouped) in &groups {
            let table = &source.tables[kind];
            for &row in grouped.rows(slot) {
                let row = row as usize;
                let mut sink = |m: Measure, item: u32, value: i128, field: &'static str| {
                    let s = series.id(m, item);
                    let overflow = || overflow(table, row, field, m);
                    let v = i64::try_from(value).map_err(|_| overflow())?;
                    scratch.add(s, v, |a, b| a.checked_add(b).ok_or_else(overflow))
                };
                if let Err(p) = source.emit(*kind, row, year, &mut sink) {
                    problems.push(p);
                }
            }
        }
        cells.push_slot(scratch.drain());
    }
    if problems.is_empty() {
        Ok(cells)
    } else {
        Err(problems)
    }
}

fn overflow(table: &Table, row: usize, field: &str, measure: Measure) -> Problem {
    let what = match measure {
        Measure::Sum(ind) => ind.def().name_zh,
        _ => Ind::GrossOutputValue.def().name_zh,
    };
    let message = crate::tr!(
        crate::lang::Msg::BeyondRange,
        header = table.header(field),
        what = what
    );
    Problem::new(
        table.location(table.file[row], table.line[row], field),
        message,
    )
    .of_kind(ProblemKind::BeyondRange)
}

/// A table's rows grouped by (year, village) slot: a counting sort, one pass.
pub struct Grouped(Buckets);

impl Grouped {
    pub fn by_village(table: &Table, hierarchy: &Hierarchy) -> Grouped {
        let villages = hierarchy.villages.len();
        let codes = table.texts("village_code").unwrap_or(Texts::empty());
        let years = table.years();
        let village_of = codes.translate(|code| hierarchy.villages.id(code));
        let slot_of: Vec<u32> = village_of
            .iter()
            .zip(years)
            .map(
                |(village, year)| match (village, hierarchy.year_index(*year)) {
                    (Some(v), Some(y)) => (y * villages + *v as usize) as u32,
                    _ => NONE,
                },
            )
            .collect();
        Grouped(Buckets::new(&slot_of, hierarchy.years.len() * villages))
    }

    pub fn rows(&self, slot: usize) -> &[u32] {
        self.0.of(slot)
    }
}
