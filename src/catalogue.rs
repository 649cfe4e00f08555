//! The product catalogue: what each crop, species and animal product is (grain factor,
//! sector, group, plausible yields), and the names villages use for it.

use rustc_hash::FxHashMap as HashMap;
use std::path::Path;

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::error::{did_you_mean, Location, Problem};
use crate::fixed::SCALE;
use crate::number;
use crate::schema::ItemKind;

/// The five sectors of 农林牧渔业总产值.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sector {
    Farming,
    Forestry,
    AnimalHusbandry,
    Fishery,
    Services,
}

impl Sector {
    pub const ALL: [Sector; 5] = [
        Sector::Farming,
        Sector::Forestry,
        Sector::AnimalHusbandry,
        Sector::Fishery,
        Sector::Services,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Sector::Farming => "farming",
            Sector::Forestry => "forestry",
            Sector::AnimalHusbandry => "animal_husbandry",
            Sector::Fishery => "fishery",
            Sector::Services => "services",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Sector::Farming => "农业",
            Sector::Forestry => "林业",
            Sector::AnimalHusbandry => "牧业",
            Sector::Fishery => "渔业",
            Sector::Services => "农林牧渔服务业",
        }
    }

    /// Reads a sector by code or Chinese name (牧业 is also written 畜牧业).
    pub fn parse(s: &str) -> Option<Sector> {
        let s = s.trim();
        Sector::ALL
            .into_iter()
            .find(|x| x.code() == s || x.name_zh() == s)
            .or(match s {
                "畜牧业" => Some(Sector::AnimalHusbandry),
                "服务业" | "农林牧渔专业及辅助性活动" => Some(Sector::Services),
                _ => None,
            })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProductKind {
    Crop,
    Livestock,
    AnimalProduct,
}

#[derive(Debug, Clone)]
pub struct Product {
    pub code: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: ProductKind,
    /// cereal, tuber, pulse, oilseed, vegetable, cash_crop, livestock, meat, egg, honey, ...
    pub group: String,
    pub sector: Sector,
    /// Grain equivalent per unit of output, scaled by `SCALE` (1 for cereals, 0.2 for tubers).
    pub grain_factor: i64,
    /// The unit of stock for livestock (头, 羽, 群); 公斤 for everything with output.
    pub unit: String,
    /// For meat: the livestock species whose offtake it comes from.
    pub species: Option<String>,
    pub yield_range: Option<(Decimal, Decimal)>,
    pub kg_per_head_range: Option<(Decimal, Decimal)>,
}

#[derive(Debug, Deserialize)]
struct Row {
    product: String,
    name: String,
    #[serde(default)]
    aliases: String,
    kind: String,
    group: String,
    sector: String,
    grain_factor: String,
    unit: String,
    #[serde(default)]
    species: String,
    #[serde(default)]
    min_yield: String,
    #[serde(default)]
    max_yield: String,
    #[serde(default)]
    min_kg_per_head: String,
    #[serde(default)]
    max_kg_per_head: String,
}

#[derive(Debug, Default)]
pub struct Catalogue {
    pub products: Vec<Product>,
    by_code: HashMap<String, usize>,
    /// Names and aliases per product kind (crop, livestock, animal product), looked up by
    /// `&str` without allocating: ingest asks once per item cell.
    by_name: [HashMap<String, usize>; 3],
}

fn kind_key(kind: ProductKind) -> u8 {
    match kind {
        ProductKind::Crop => 0,
        ProductKind::Livestock => 1,
        ProductKind::AnimalProduct => 2,
    }
}

fn accepts(item: ItemKind, kind: ProductKind) -> bool {
    matches!(
        (item, kind),
        (ItemKind::Crop, ProductKind::Crop)
            | (ItemKind::Livestock, ProductKind::Livestock)
            | (ItemKind::AnimalProduct, ProductKind::AnimalProduct)
            | (
                ItemKind::Priced,
                ProductKind::Crop | ProductKind::AnimalProduct
            )
    )
}

impl Catalogue {
    /// Parses the catalogue text; `path` only names the file in problems.
    pub fn parse(text: &str, path: &Path) -> Result<Catalogue, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut catalogue = Catalogue::default();
        let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
        let headers = match reader.headers() {
            Ok(h) => h.clone(),
            Err(e) => return Err(vec![Problem::new(Location::file(path), e.kind_message())]),
        };
        let mut record = csv::StringRecord::new();
        loop {
            match reader.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    problems.push(Problem::new(Location::at(path, line, 0), e.kind_message()));
                    continue;
                }
            }
            let at = Location::at(path, record.position().map_or(0, |p| p.line()), 0);
            let parsed = record
                .deserialize::<Row>(Some(&headers))
                .map_err(|e| e.kind_message())
                .and_then(product);
            match parsed {
                Ok(p) => {
                    let i = catalogue.products.len();
                    if catalogue.by_code.insert(p.code.clone(), i).is_some() {
                        problems.push(Problem::new(
                            at.clone(),
                            format!("product \"{}\" is listed twice", p.code),
                        ));
                    }
                    for name in std::iter::once(&p.name).chain(&p.aliases) {
                        if catalogue.by_name[kind_key(p.kind) as usize]
                            .insert(name.clone(), i)
                            .is_some()
                        {
                            problems.push(Problem::new(
                                at.clone(),
                                format!("name \"{name}\" is used by two products"),
                            ));
                        }
                    }
                    catalogue.products.push(p);
                }
                Err(message) => problems.push(Problem::new(at, message)),
            }
        }
        if problems.is_empty() {
            Ok(catalogue)
        } else {
            Err(problems)
        }
    }

    pub fn get(&self, code: &str) -> Option<&Product> {
        self.by_code.get(code).map(|&i| &self.products[i])
    }

    /// Finds what an item cell names: a product code, name or alias of an accepted kind.
    pub fn lookup(&self, item: ItemKind, text: &str) -> Option<&Product> {
        let text = text.trim();
        if let Some(p) = self.get(text) {
            if accepts(item, p.kind) {
                return Some(p);
            }
        }
        [
            ProductKind::Crop,
            ProductKind::Livestock,
            ProductKind::AnimalProduct,
        ]
        .into_iter()
        .filter(|k| accepts(item, *k))
        .find_map(|k| self.by_name[kind_key(k) as usize].get(text))
        .map(|&i| &self.products[i])
    }

    /// A hint for an unknown item: the closest known name of an accepted kind.
    pub fn suggest(&self, item: ItemKind, text: &str) -> Option<String> {
        let names = self
            .products
            .iter()
            .filter(|p| accepts(item, p.kind))
            .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases))
            .map(String::as_str);
        did_you_mean(text.trim(), names)
    }
}

trait KindMessage {
    fn kind_message(&self) -> String;
}

impl KindMessage for csv::Error {
    fn kind_message(&self) -> String {
        match self.kind() {
            csv::ErrorKind::Deserialize { err, .. } => format!("unreadable catalogue row: {err}"),
            csv::ErrorKind::UnequalLengths {
                expected_len, len, ..
            } => {
                format!("row has {len} fields, the header has {expected_len}")
            }
            _ => format!("unreadable catalogue row: {self}"),
        }
    }
}

fn decimal(field: &str, raw: &str) -> Result<Option<Decimal>, String> {
    match number::parse(raw, Decimal::ONE, false) {
        Ok(v) => Ok(v.map(|v| Decimal::new(v, crate::fixed::SCALE_DIGITS))),
        Err(e) => Err(format!("{field} \"{raw}\" {}", e.describe())),
    }
}

fn range(field: &str, min: &str, max: &str) -> Result<Option<(Decimal, Decimal)>, String> {
    match (
        decimal(&format!("min_{field}"), min)?,
        decimal(&format!("max_{field}"), max)?,
    ) {
        (Some(a), Some(b)) if a <= b => Ok(Some((a, b))),
        (None, None) => Ok(None),
        _ => Err(format!(
            "min_{field} and max_{field} must both be given, min not above max"
        )),
    }
}

fn product(row: Row) -> Result<Product, String> {
    let kind = match row.kind.trim() {
        "crop" => ProductKind::Crop,
        "livestock" => ProductKind::Livestock,
        "animal_product" => ProductKind::AnimalProduct,
        other => {
            return Err(format!(
                "kind \"{other}\" is not one of crop, livestock, animal_product"
            ))
        }
    };
    let sector = Sector::parse(&row.sector).ok_or_else(|| {
        format!(
            "sector \"{}\" is not one of farming, forestry, animal_husbandry, fishery, services",
            row.sector
        )
    })?;
    let grain_factor = number::parse(&row.grain_factor, Decimal::ONE, false)
        .map_err(|e| format!("grain_factor \"{}\" {}", row.grain_factor, e.describe()))?
        .unwrap_or(0);
    if grain_factor > SCALE {
        return Err(format!("grain_factor \"{}\" is above 1", row.grain_factor));
    }
    Ok(Product {
        code: row.product.trim().to_string(),
        name: row.name.trim().to_string(),
        aliases: row
            .aliases
            .split('|')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(String::from)
            .collect(),
        kind,
        group: row.group.trim().to_string(),
        sector,
        grain_factor,
        unit: row.unit.trim().to_string(),
        species: Some(row.species.trim().to_string()).filter(|s| !s.is_empty()),
        yield_range: range("yield", &row.min_yield, &row.max_yield)?,
        kg_per_head_range: range("kg_per_head", &row.min_kg_per_head, &row.max_kg_per_head)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> Catalogue {
        let text = include_str!("../data/catalogue/products.csv");
        Catalogue::parse(text, Path::new("products.csv")).unwrap()
    }

    #[test]
    fn the_shipped_catalogue_reads() {
        let c = shipped();
        let sweet_potato = c.lookup(ItemKind::Crop, "甘薯").unwrap();
        assert_eq!(
            (sweet_potato.code.as_str(), sweet_potato.grain_factor),
            ("sweet_potato", 2000)
        );
        assert_eq!(
            c.lookup(ItemKind::Priced, "水稻").unwrap().code,
            "hybrid_rice"
        );
        assert_eq!(c.lookup(ItemKind::Livestock, "生猪").unwrap().unit, "头");
        assert!(c.lookup(ItemKind::Crop, "猪肉").is_none());
        assert_eq!(
            c.suggest(ItemKind::Crop, "水 稻").as_deref(),
            Some("did you mean \"水稻\"?")
        );
    }

    #[test]
    fn reports_bad_rows_with_their_line() {
        let text = "product,name,aliases,kind,group,sector,grain_factor,unit\nx,甲,,crop,cereal,farming,1,公斤\ny,乙,,plant,cereal,farming,1,公斤\n";
        let problems = Catalogue::parse(text, Path::new("p.csv")).unwrap_err();
        assert_eq!(
            problems.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
            vec!["p.csv:3: kind \"plant\" is not one of crop, livestock, animal_product"]
        );
    }
}
