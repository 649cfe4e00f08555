//! The product catalogue: what each crop, species and animal product is (grain factor,
//! sector, group, plausible yields), and the names villages use for it. A pipeline names its
//! own catalogue file or uses the built-in one (`data/catalogue/national.csv`, compiled in).

mod list;

use rustc_hash::FxHashMap as HashMap;
use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::error::{Location, Problem};
use crate::fixed::SCALE;
use crate::lang::Msg;
use crate::number;
use crate::schema::ItemKind;
use crate::tr;

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

/// The built-in catalogue: the products of the national agricultural statistics forms.
pub const BUILT_IN: &str = include_str!("../data/catalogue/national.csv");

/// Where a pipeline's catalogue comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Source {
    /// `BUILT_IN`, for a pipeline without `[reference] products`.
    #[default]
    BuiltIn,
    File(PathBuf),
}

impl Source {
    /// How messages name the catalogue.
    pub fn shown(&self) -> String {
        match self {
            Source::BuiltIn => tr!(Msg::CatBuiltIn),
            Source::File(path) => path.display().to_string(),
        }
    }
}

/// How the manifest names the built-in catalogue (messages: `Source::shown`).
pub const BUILT_IN_NAME: &str = "built-in catalogue (data/catalogue/national.csv)";

/// What a product is, within its kind: decides grain (cereal, tuber, pulse count when the
/// grain factor says so), meat and egg output, and how `agristat catalogue` groups the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    Cereal,
    Tuber,
    Pulse,
    Oilseed,
    Fibre,
    Sugar,
    Tobacco,
    Tea,
    Vegetable,
    Fungus,
    Melon,
    Fruit,
    Nut,
    Spice,
    Medicinal,
    Forage,
    CashCrop,
    OtherCrop,
    Livestock,
    Meat,
    Egg,
    Milk,
    Honey,
    Wool,
}

impl Group {
    pub const ALL: [Group; 24] = [
        Group::Cereal,
        Group::Tuber,
        Group::Pulse,
        Group::Oilseed,
        Group::Fibre,
        Group::Sugar,
        Group::Tobacco,
        Group::Tea,
        Group::Vegetable,
        Group::Fungus,
        Group::Melon,
        Group::Fruit,
        Group::Nut,
        Group::Spice,
        Group::Medicinal,
        Group::Forage,
        Group::CashCrop,
        Group::OtherCrop,
        Group::Livestock,
        Group::Meat,
        Group::Egg,
        Group::Milk,
        Group::Honey,
        Group::Wool,
    ];

    /// The code in a catalogue file's `group` column.
    pub fn code(self) -> &'static str {
        match self {
            Group::Cereal => "cereal",
            Group::Tuber => "tuber",
            Group::Pulse => "pulse",
            Group::Oilseed => "oilseed",
            Group::Fibre => "fibre",
            Group::Sugar => "sugar",
            Group::Tobacco => "tobacco",
            Group::Tea => "tea",
            Group::Vegetable => "vegetable",
            Group::Fungus => "fungus",
            Group::Melon => "melon",
            Group::Fruit => "fruit",
            Group::Nut => "nut",
            Group::Spice => "spice",
            Group::Medicinal => "medicinal",
            Group::Forage => "forage",
            Group::CashCrop => "cash_crop",
            Group::OtherCrop => "other_crop",
            Group::Livestock => "livestock",
            Group::Meat => "meat",
            Group::Egg => "egg",
            Group::Milk => "milk",
            Group::Honey => "honey",
            Group::Wool => "wool",
        }
    }

    /// The name statistical tables use for the group.
    pub fn name_zh(self) -> &'static str {
        match self {
            Group::Cereal => "谷物",
            Group::Tuber => "薯类",
            Group::Pulse => "豆类",
            Group::Oilseed => "油料",
            Group::Fibre => "棉麻",
            Group::Sugar => "糖料",
            Group::Tobacco => "烟叶",
            Group::Tea => "茶叶",
            Group::Vegetable => "蔬菜",
            Group::Fungus => "食用菌",
            Group::Melon => "瓜果",
            Group::Fruit => "园林水果",
            Group::Nut => "坚果和含油果",
            Group::Spice => "香料作物",
            Group::Medicinal => "中药材",
            Group::Forage => "饲草",
            Group::CashCrop => "经济作物",
            Group::OtherCrop => "其他作物",
            Group::Livestock => "牲畜和家禽",
            Group::Meat => "肉类",
            Group::Egg => "禽蛋",
            Group::Milk => "奶类",
            Group::Honey => "蜂产品",
            Group::Wool => "毛绒",
        }
    }

    pub fn parse(s: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.code() == s.trim())
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
    pub group: Group,
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
    /// Where it was read from, for hints on adding an alias.
    pub source: Source,
    by_code: HashMap<String, usize>,
    /// The meat of each livestock species (product indexes), where the species has exactly
    /// one: in the slaughter table a species name means its meat.
    meat_of: HashMap<usize, usize>,
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
    /// The built-in catalogue. It is tested to read without problems.
    pub fn built_in() -> Catalogue {
        let mut catalogue = Catalogue::parse(BUILT_IN, Path::new(BUILT_IN_NAME))
            .unwrap_or_else(|problems| panic!("the built-in catalogue: {problems:?}"));
        catalogue.source = Source::BuiltIn;
        catalogue
    }

    /// Parses the catalogue text; `path` only names the file in problems.
    pub fn parse(text: &str, path: &Path) -> Result<Catalogue, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut catalogue = Catalogue {
            source: Source::File(path.to_path_buf()),
            ..Catalogue::default()
        };
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
                Ok(p) => catalogue.add(p, &at, &mut problems),
                Err(message) => problems.push(Problem::new(at, message)),
            }
        }
        catalogue.link_meat();
        if problems.is_empty() {
            Ok(catalogue)
        } else {
            Err(problems)
        }
    }

    fn add(&mut self, p: Product, at: &Location, problems: &mut Vec<Problem>) {
        let i = self.products.len();
        if self.by_code.insert(p.code.clone(), i).is_some() {
            let message = tr!(Msg::CatListedTwice, code = p.code);
            problems.push(Problem::new(at.clone(), message));
        }
        for name in std::iter::once(&p.name).chain(&p.aliases) {
            if self.by_name[kind_key(p.kind) as usize]
                .insert(name.clone(), i)
                .is_some()
            {
                let message = tr!(Msg::CatNameTwice, name = name);
                problems.push(Problem::new(at.clone(), message));
            }
        }
        self.products.push(p);
    }

    /// Which meat each species gives: the one meat product naming it as `species`.
    fn link_meat(&mut self) {
        let mut meats: HashMap<usize, Vec<usize>> = HashMap::default();
        for (i, p) in self.products.iter().enumerate() {
            let species = p.species.as_deref().and_then(|s| self.by_code.get(s));
            if let (Group::Meat, Some(&s)) = (p.group, species) {
                meats.entry(s).or_default().push(i);
            }
        }
        self.meat_of = meats
            .into_iter()
            .filter(|(s, m)| m.len() == 1 && self.products[*s].kind == ProductKind::Livestock)
            .map(|(s, m)| (s, m[0]))
            .collect();
    }

    pub fn get(&self, code: &str) -> Option<&Product> {
        self.by_code.get(code).map(|&i| &self.products[i])
    }

    /// Finds what an item cell names: a product code, name or alias of an accepted kind. An
    /// animal product may be named by its species (生猪 in the slaughter table is its meat).
    pub fn lookup(&self, item: ItemKind, text: &str) -> Option<&Product> {
        let text = text.trim();
        if let Some(p) = self.get(text) {
            if accepts(item, p.kind) {
                return Some(p);
            }
        }
        let found = [
            ProductKind::Crop,
            ProductKind::Livestock,
            ProductKind::AnimalProduct,
        ]
        .into_iter()
        .filter(|k| accepts(item, *k))
        .find_map(|k| self.by_name[kind_key(k) as usize].get(text));
        match found {
            Some(&i) => Some(&self.products[i]),
            None if item == ItemKind::AnimalProduct => self.meat_of_species(text),
            None => None,
        }
    }

    /// The meat of the species named `text` (by code, name or alias).
    fn meat_of_species(&self, text: &str) -> Option<&Product> {
        let species = self
            .by_code
            .get(text)
            .filter(|&&i| self.products[i].kind == ProductKind::Livestock)
            .or_else(|| self.by_name[kind_key(ProductKind::Livestock) as usize].get(text))?;
        self.meat_of.get(species).map(|&m| &self.products[m])
    }

    /// The entry closest to an unknown item: by edit distance or by the characters they
    /// share, over every name and alias of an accepted kind. Returns (the name matched, its
    /// product).
    pub fn closest(&self, item: ItemKind, text: &str) -> Option<(&str, &Product)> {
        let text: String = text.split_whitespace().collect();
        let mut best: Option<(Closeness, &str, &Product)> = None;
        for p in self.products.iter().filter(|p| accepts(item, p.kind)) {
            for name in std::iter::once(&p.name).chain(&p.aliases) {
                let Some(c) = Closeness::of(&text, name) else {
                    continue;
                };
                if best.as_ref().is_none_or(|(b, _, _)| c > *b) {
                    best = Some((c, name, p));
                }
            }
        }
        best.map(|(_, name, p)| (name, p))
    }

    /// A hint for an unknown item: the closest entry, and how to add the text as an alias.
    pub fn suggest(&self, item: ItemKind, text: &str) -> Option<String> {
        let text = text.trim();
        let closest = self.closest(item, text);
        let guess = closest.map(|(name, p)| messages::did_you_mean(name, p));
        let alias = messages::add_alias(text, closest.map(|(_, p)| p), &self.source);
        Some(match guess {
            Some(guess) => tr!(Msg::CatSuggest, guess = guess, alias = alias),
            None => alias,
        })
    }

    /// The listing of `agristat catalogue`: every entry by group, in Chinese.
    pub fn listing(&self) -> String {
        list::listing(self)
    }
}

/// How close a name is to an unknown text; greater is closer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Closeness {
    /// Characters in common, as a share of the longer text, in thousandths.
    shared: usize,
    /// Fewer edits is closer.
    edits: std::cmp::Reverse<usize>,
}

impl Closeness {
    /// `None` when the two are too far apart to be worth suggesting: fewer than half the
    /// characters in common and more edits than half the length.
    fn of(text: &str, name: &str) -> Option<Closeness> {
        let (a, b): (Vec<char>, Vec<char>) = (text.chars().collect(), name.chars().collect());
        let longer = a.len().max(b.len()).max(1);
        let mut rest = b.clone();
        let mut common = 0;
        for c in &a {
            if let Some(i) = rest.iter().position(|x| x == c) {
                rest.swap_remove(i);
                common += 1;
            }
        }
        let edits = strsim::levenshtein(text, name);
        let close = common * 2 >= longer || edits <= (longer / 2).max(1);
        (close && common > 0).then_some(Closeness {
            shared: common * 1000 / longer,
            edits: std::cmp::Reverse(edits),
        })
    }
}

/// The texts of the catalogue's hints, one function each.
mod messages {
    use super::{Product, Source};
    use crate::lang::Msg;
    use crate::tr;

    pub fn did_you_mean(name: &str, p: &Product) -> String {
        if name == p.name {
            tr!(Msg::DidYouMean, candidate = name)
        } else {
            tr!(Msg::CatDidYouMeanAlias, candidate = name, product = p.name)
        }
    }

    pub fn add_alias(text: &str, product: Option<&Product>, source: &Source) -> String {
        let whose = match product {
            Some(p) => tr!(Msg::CatAliasesOf, code = p.code, name = p.name),
            None => tr!(Msg::CatAliasesOfItsProduct),
        };
        match source {
            Source::File(path) => tr!(
                Msg::CatAddAlias,
                text = text,
                whose = whose,
                file = path.display()
            ),
            Source::BuiltIn => tr!(Msg::CatAddAliasBuiltIn, text = text, whose = whose),
        }
    }
}

trait KindMessage {
    fn kind_message(&self) -> String;
}

impl KindMessage for csv::Error {
    fn kind_message(&self) -> String {
        match self.kind() {
            csv::ErrorKind::Deserialize { err, .. } => tr!(Msg::CatUnreadableRow, error = err),
            csv::ErrorKind::UnequalLengths {
                expected_len, len, ..
            } => tr!(Msg::RowLength, fields = len, header = expected_len),
            _ => tr!(Msg::CatUnreadableRow, error = self),
        }
    }
}

fn decimal(field: &str, raw: &str) -> Result<Option<Decimal>, String> {
    match number::parse(raw, Decimal::ONE, false) {
        Ok(v) => Ok(v.map(|v| Decimal::new(v, crate::fixed::SCALE_DIGITS))),
        Err(e) => Err(tr!(
            Msg::CatFieldValue,
            field = field,
            message = e.message(raw)
        )),
    }
}

fn range(field: &str, min: &str, max: &str) -> Result<Option<(Decimal, Decimal)>, String> {
    match (
        decimal(&format!("min_{field}"), min)?,
        decimal(&format!("max_{field}"), max)?,
    ) {
        (Some(a), Some(b)) if a <= b => Ok(Some((a, b))),
        (None, None) => Ok(None),
        _ => Err(tr!(Msg::CatRange, field = field)),
    }
}

fn product(row: Row) -> Result<Product, String> {
    let kind = match row.kind.trim() {
        "crop" => ProductKind::Crop,
        "livestock" => ProductKind::Livestock,
        "animal_product" => ProductKind::AnimalProduct,
        other => return Err(tr!(Msg::CatKind, value = other)),
    };
    let sector =
        Sector::parse(&row.sector).ok_or_else(|| tr!(Msg::CatSector, value = row.sector))?;
    let grain_factor = number::parse(&row.grain_factor, Decimal::ONE, false)
        .map_err(|e| {
            let message = e.message(&row.grain_factor);
            tr!(
                Msg::CatFieldValue,
                field = "grain_factor",
                message = message
            )
        })?
        .unwrap_or(0);
    if grain_factor > SCALE {
        return Err(tr!(Msg::CatGrainAboveOne, value = row.grain_factor));
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
        group: Group::parse(&row.group).ok_or_else(|| {
            let codes: Vec<&str> = Group::ALL.iter().map(|g| g.code()).collect();
            tr!(
                Msg::CatGroup,
                value = row.group.trim(),
                groups = crate::config::joined(&codes)
            )
        })?,
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
            Some("did you mean \"水稻\" (杂交水稻)?; to read \"水 稻\" as a name, add it to the aliases of hybrid_rice (杂交水稻) in products.csv (separated by |)")
        );
    }

    #[test]
    fn the_built_in_catalogue_reads_and_knows_local_names() {
        let c = Catalogue::built_in();
        assert_eq!(c.source, Source::BuiltIn);
        let code = |item, name| c.lookup(item, name).map(|p| p.code.as_str());
        for (local, product) in [
            ("苞谷", "maize"),
            ("包谷", "maize"),
            ("玉麦", "maize"),
            ("洋芋", "potato"),
            ("土豆", "potato"),
            ("红苕", "sweet_potato"),
            ("红薯", "sweet_potato"),
            ("地瓜", "sweet_potato"),
            ("水稻", "rice"),
            ("杂交水稻", "hybrid_rice"),
            ("胡豆", "broad_bean"),
            ("油菜", "rapeseed"),
            ("青贮玉米", "silage_maize"),
        ] {
            assert_eq!(code(ItemKind::Crop, local), Some(product), "{local}");
        }
        let grain = |name| c.lookup(ItemKind::Crop, name).unwrap().grain_factor;
        assert_eq!(
            [grain("马铃薯"), grain("甘薯"), grain("稻谷"), grain("绿豆")],
            [2000, 2000, SCALE, SCALE]
        );
        // Outside grain by the NBS definition: cassava, forage maize, vegetables.
        assert_eq!([grain("木薯"), grain("青贮玉米"), grain("辣椒")], [0, 0, 0]);
        assert_eq!(c.lookup(ItemKind::Livestock, "家禽").unwrap().unit, "羽");
    }

    #[test]
    fn a_species_in_the_slaughter_table_is_its_meat() {
        let c = Catalogue::built_in();
        let meat = |name| {
            c.lookup(ItemKind::AnimalProduct, name)
                .map(|p| p.code.as_str())
        };
        assert_eq!(
            ["生猪", "牛", "羊", "家禽", "猪", "pig", "鸡", "兔"].map(meat),
            [
                Some("pork"),
                Some("beef"),
                Some("mutton"),
                Some("poultry_meat"),
                Some("pork"),
                Some("pork"),
                Some("chicken_meat"),
                Some("rabbit_meat"),
            ]
        );
        // Not elsewhere: a species is no crop, and has no price of its own.
        assert!(c.lookup(ItemKind::Priced, "生猪").is_none());
        // A species with no single meat stays unknown (骡 has no meat entry).
        assert!(meat("骡").is_none());
    }

    #[test]
    fn the_sample_products_keep_their_codes_and_conventions_in_the_built_in_catalogue() {
        // A pipeline moving from the sample's catalogue to the built-in one keeps its item
        // codes, grain factors, sectors, units and meat species: the same totals.
        let (sample, built_in) = (shipped(), Catalogue::built_in());
        for p in &sample.products {
            let b = built_in
                .get(&p.code)
                .unwrap_or_else(|| panic!("{}", p.code));
            assert_eq!(
                (b.kind, b.grain_factor, b.sector, &b.unit, &b.species),
                (p.kind, p.grain_factor, p.sector, &p.unit, &p.species),
                "{}",
                p.code
            );
            let named = |c: &Catalogue, n: &str| {
                c.products
                    .iter()
                    .position(|x| x.name == n || x.aliases.iter().any(|a| a == n))
            };
            assert!(
                named(&built_in, &p.name).is_some(),
                "{} is not a name",
                p.name
            );
        }
    }

    #[test]
    fn closest_entries_by_edits_or_shared_characters() {
        let c = Catalogue::built_in();
        let closest = |text| {
            c.closest(ItemKind::Crop, text)
                .map(|(n, p)| (n, p.code.as_str()))
        };
        assert_eq!(closest("春玉米"), Some(("玉米", "maize")));
        assert_eq!(closest("玉 米"), Some(("玉米", "maize")));
        assert_eq!(closest("红 薯"), Some(("红薯", "sweet_potato")));
        assert_eq!(closest("xyz"), None);
        insta::assert_snapshot!(c.suggest(ItemKind::Crop, "春玉米").unwrap(), @r#"did you mean "玉米"?; to read "春玉米" as a name, copy the built-in catalogue (agristat catalogue --csv > products.csv), add it to the aliases of maize (玉米) there, and set [reference] products = "products.csv""#);
    }

    #[test]
    fn reports_bad_rows_with_their_line() {
        let text = "product,name,aliases,kind,group,sector,grain_factor,unit\nx,甲,,crop,cereal,farming,1,公斤\ny,乙,,plant,cereal,farming,1,公斤\n";
        let problems = Catalogue::parse(text, Path::new("p.csv")).unwrap_err();
        assert_eq!(
            problems.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
            vec!["p.csv:3: kind \"plant\" is not one of crop, livestock, animal_product"]
        );
        let text = "product,name,aliases,kind,group,sector,grain_factor,unit\nx,甲,,crop,grain,farming,1,公斤\n";
        let problems = Catalogue::parse(text, Path::new("p.csv")).unwrap_err();
        assert!(problems[0]
            .to_string()
            .starts_with("p.csv:2: group \"grain\" is not one of cereal, tuber, pulse"));
    }
}
