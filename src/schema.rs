//! The canonical tables agristat reads: their fields, keys and what each field holds.
//!
//! Pipeline files map real headers onto these names; everything after ingest speaks only
//! in canonical names.

use crate::units::Dimension;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TableKind {
    Villages,
    Crops,
    Livestock,
    Slaughter,
    Dividends,
    Income,
    Prices,
    OtherOutput,
    /// Names of areas above the village (township, county, prefecture, province) by code.
    Regions,
}

/// Which catalogue entries an item field may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Crop,
    Livestock,
    AnimalProduct,
    /// Anything with output and a price: crops and animal products.
    Priced,
    /// A sector valued directly (forestry, fishery, services).
    Sector,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Year,
    /// An identifier kept as text (leading zeros matter).
    Code,
    Text,
    Item(ItemKind),
    Number(Dimension),
}

#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub kind: FieldKind,
    /// A row without a value here is an error.
    pub required: bool,
    /// Counts must be whole numbers.
    pub whole: bool,
    /// A file may lack this column: when its header (mapped or canonical) is not in the file
    /// and the pipeline does not map the field explicitly, every row reads an empty value.
    /// Distinct from `required`, which is about empty cells in a column that is there.
    pub optional_column: bool,
}

const fn field(name: &'static str, kind: FieldKind) -> Field {
    Field {
        name,
        kind,
        required: true,
        whole: false,
        optional_column: false,
    }
}

const fn count(name: &'static str) -> Field {
    Field {
        name,
        kind: FieldKind::Number(Dimension::Count),
        required: true,
        whole: true,
        optional_column: false,
    }
}

/// A registry column a file may lack, and whose cells may be empty: the engine then derives
/// the area from the 12-digit village code (codes) or names it from `regions` (names).
const fn optional_column(name: &'static str, kind: FieldKind) -> Field {
    Field {
        name,
        kind,
        required: false,
        whole: false,
        optional_column: true,
    }
}

const YEAR: Field = field("year", FieldKind::Year);
const VILLAGE: Field = field("village_code", FieldKind::Code);

const VILLAGES: &[Field] = &[
    YEAR,
    VILLAGE,
    field("village_name", FieldKind::Text),
    optional_column("township_code", FieldKind::Code),
    optional_column("township_name", FieldKind::Text),
    optional_column("county_code", FieldKind::Code),
    optional_column("county_name", FieldKind::Text),
    optional_column("prefecture_code", FieldKind::Code),
    optional_column("prefecture_name", FieldKind::Text),
    optional_column("province_code", FieldKind::Code),
    optional_column("province_name", FieldKind::Text),
    count("households"),
    count("population"),
    count("poor_households"),
];
const CROPS: &[Field] = &[
    YEAR,
    VILLAGE,
    field("crop", FieldKind::Item(ItemKind::Crop)),
    field("sown_area", FieldKind::Number(Dimension::Area)),
    field("output", FieldKind::Number(Dimension::Weight)),
];
const LIVESTOCK: &[Field] = &[
    YEAR,
    VILLAGE,
    field("species", FieldKind::Item(ItemKind::Livestock)),
    count("year_end_stock"),
];
const SLAUGHTER: &[Field] = &[
    YEAR,
    VILLAGE,
    field("product", FieldKind::Item(ItemKind::AnimalProduct)),
    Field {
        required: false,
        ..count("head_count")
    },
    field("output", FieldKind::Number(Dimension::Weight)),
];
const DIVIDENDS: &[Field] = &[
    YEAR,
    VILLAGE,
    field("project", FieldKind::Text),
    count("households"),
    count("poor_households"),
    field("amount", FieldKind::Number(Dimension::Money)),
];
const INCOME: &[Field] = &[
    YEAR,
    VILLAGE,
    field("wage_income", FieldKind::Number(Dimension::Money)),
    field("business_income", FieldKind::Number(Dimension::Money)),
    field("property_income", FieldKind::Number(Dimension::Money)),
    field("transfer_income", FieldKind::Number(Dimension::Money)),
];
const PRICES: &[Field] = &[
    YEAR,
    field("product", FieldKind::Item(ItemKind::Priced)),
    field("price", FieldKind::Number(Dimension::Price)),
];
const OTHER_OUTPUT: &[Field] = &[
    YEAR,
    VILLAGE,
    field("sector", FieldKind::Item(ItemKind::Sector)),
    field("value", FieldKind::Number(Dimension::Money)),
];
/// Area names by code, for the levels above the village; no year: a name table is reused
/// across years.
const REGIONS: &[Field] = &[
    field("code", FieldKind::Code),
    field("name", FieldKind::Text),
];

impl TableKind {
    pub const ALL: [TableKind; 9] = [
        TableKind::Villages,
        TableKind::Crops,
        TableKind::Livestock,
        TableKind::Slaughter,
        TableKind::Dividends,
        TableKind::Income,
        TableKind::Prices,
        TableKind::OtherOutput,
        TableKind::Regions,
    ];

    /// The name of the table in a pipeline file (`[inputs.crops]`).
    pub fn name(self) -> &'static str {
        match self {
            TableKind::Villages => "villages",
            TableKind::Crops => "crops",
            TableKind::Livestock => "livestock",
            TableKind::Slaughter => "slaughter",
            TableKind::Dividends => "dividends",
            TableKind::Income => "income",
            TableKind::Prices => "prices",
            TableKind::OtherOutput => "other_output",
            TableKind::Regions => "regions",
        }
    }

    /// The table as Chinese forms name it.
    pub fn name_zh(self) -> &'static str {
        match self {
            TableKind::Villages => "村名录",
            TableKind::Crops => "农作物播种面积和产量表",
            TableKind::Livestock => "畜禽年末存栏表",
            TableKind::Slaughter => "畜禽出栏和畜产品产量表",
            TableKind::Dividends => "产业分红表",
            TableKind::Income => "村收入表",
            TableKind::Prices => "价格表",
            TableKind::OtherOutput => "其他产值表",
            TableKind::Regions => "区划名称表",
        }
    }

    /// The table's name in messages: Chinese in Chinese, the pipeline file's key in English.
    pub fn title(self) -> &'static str {
        match crate::lang::current() {
            crate::lang::Lang::Zh => self.name_zh(),
            crate::lang::Lang::En => self.name(),
        }
    }

    pub fn from_name(name: &str) -> Option<TableKind> {
        TableKind::ALL.into_iter().find(|k| k.name() == name)
    }

    pub fn fields(self) -> &'static [Field] {
        match self {
            TableKind::Villages => VILLAGES,
            TableKind::Crops => CROPS,
            TableKind::Livestock => LIVESTOCK,
            TableKind::Slaughter => SLAUGHTER,
            TableKind::Dividends => DIVIDENDS,
            TableKind::Income => INCOME,
            TableKind::Prices => PRICES,
            TableKind::OtherOutput => OTHER_OUTPUT,
            TableKind::Regions => REGIONS,
        }
    }

    pub fn field(self, name: &str) -> Option<&'static Field> {
        self.fields().iter().find(|f| f.name == name)
    }

    /// The fields that identify a row; two rows with the same key are duplicates.
    pub fn key(self) -> &'static [&'static str] {
        match self {
            TableKind::Villages | TableKind::Income => &["year", "village_code"],
            TableKind::Crops => &["year", "village_code", "crop"],
            TableKind::Livestock => &["year", "village_code", "species"],
            TableKind::Slaughter => &["year", "village_code", "product"],
            TableKind::Dividends => &["year", "village_code", "project"],
            TableKind::Prices => &["year", "product"],
            TableKind::OtherOutput => &["year", "village_code", "sector"],
            TableKind::Regions => &["code"],
        }
    }

    /// Tables every village of the registry is expected to report (a gap is a warning).
    pub fn expected_from_every_village(self) -> bool {
        matches!(
            self,
            TableKind::Crops | TableKind::Livestock | TableKind::Income
        )
    }

    pub fn has_village(self) -> bool {
        self.fields().iter().any(|f| f.name == "village_code")
    }

    /// Whether rows carry a year (every table but `regions`).
    pub fn has_year(self) -> bool {
        self.fields().iter().any(|f| f.kind == FieldKind::Year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_made_of_fields_of_its_table() {
        for kind in TableKind::ALL {
            assert_eq!(TableKind::from_name(kind.name()), Some(kind));
            for k in kind.key() {
                let field = kind
                    .field(k)
                    .unwrap_or_else(|| panic!("{}.{k}", kind.name()));
                assert!(
                    field.required && !field.optional_column,
                    "{}.{k}",
                    kind.name()
                );
            }
        }
    }

    #[test]
    fn only_the_registrys_area_columns_are_optional() {
        let optional: Vec<&str> = TableKind::ALL
            .iter()
            .flat_map(|k| k.fields())
            .filter(|f| f.optional_column)
            .map(|f| f.name)
            .collect();
        assert_eq!(
            optional,
            [
                "township_code",
                "township_name",
                "county_code",
                "county_name",
                "prefecture_code",
                "prefecture_name",
                "province_code",
                "province_name"
            ]
        );
        for name in &optional {
            let field = TableKind::Villages.field(name).unwrap();
            assert!(!field.required, "{name}: empty cells are allowed");
            assert!(matches!(field.kind, FieldKind::Code | FieldKind::Text));
        }
    }

    #[test]
    fn regions_name_areas_by_code_without_year_or_village() {
        let regions = TableKind::Regions;
        assert_eq!(regions.name(), "regions");
        assert_eq!(regions.key(), ["code"]);
        assert!(!regions.has_year() && !regions.has_village());
        assert!(!regions.expected_from_every_village());
        assert_eq!(regions.field("code").unwrap().kind, FieldKind::Code);
        assert_eq!(regions.field("name").unwrap().kind, FieldKind::Text);
        assert!(TableKind::ALL
            .iter()
            .filter(|k| **k != regions)
            .all(|k| k.has_year()));
    }
}
