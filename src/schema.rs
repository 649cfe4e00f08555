//! The canonical tables agristat reads: their fields, keys and what each field holds.
//!
//! Pipeline files map real headers onto these names; everything after ingest speaks only
//! in canonical names.

use crate::config::units::Dimension;

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
}

const fn field(name: &'static str, kind: FieldKind) -> Field {
    Field {
        name,
        kind,
        required: true,
        whole: false,
    }
}

const fn count(name: &'static str) -> Field {
    Field {
        name,
        kind: FieldKind::Number(Dimension::Count),
        required: true,
        whole: true,
    }
}

const YEAR: Field = field("year", FieldKind::Year);
const VILLAGE: Field = field("village_code", FieldKind::Code);

const VILLAGES: &[Field] = &[
    YEAR,
    VILLAGE,
    field("village_name", FieldKind::Text),
    field("township_code", FieldKind::Code),
    field("township_name", FieldKind::Text),
    field("county_code", FieldKind::Code),
    field("county_name", FieldKind::Text),
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

impl TableKind {
    pub const ALL: [TableKind; 8] = [
        TableKind::Villages,
        TableKind::Crops,
        TableKind::Livestock,
        TableKind::Slaughter,
        TableKind::Dividends,
        TableKind::Income,
        TableKind::Prices,
        TableKind::OtherOutput,
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
}
