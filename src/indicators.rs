//! The indicators: each declared once, with its aggregation type, unit and measure (口径).
//! Everything downstream (roll-up, derivation, reports) reads this table; nothing else
//! decides how an indicator is aggregated.

/// How an indicator goes from villages to a township or county.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aggregation {
    /// A flow over the year: summed over villages.
    Sum,
    /// A quantity at 31 December: summed over villages, never over years.
    Stock,
    /// Σ numerator ÷ Σ denominator, both summed first; never a mean of village ratios.
    RatioOfSums,
    /// Built from other sums (Σ quantity × price, grain equivalents).
    DerivedSum,
}

impl Aggregation {
    pub fn name(self) -> &'static str {
        match self {
            Aggregation::Sum => "sum",
            Aggregation::Stock => "stock",
            Aggregation::RatioOfSums => "ratio of sums",
            Aggregation::DerivedSum => "derived sum",
        }
    }
}

/// What the `item` of an indicator's rows names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Items {
    /// One row per area (item is empty).
    Total,
    /// The total plus one row per sector.
    TotalAndSectors,
    Crops,
    Species,
    AnimalProducts,
    /// The total plus one row per dividend project.
    TotalAndProjects,
    /// The total plus one row per income component.
    TotalAndComponents,
}

/// The numerator and denominator of a ratio of sums, both sums of base measures.
#[derive(Debug, Clone, Copy)]
pub struct Ratio {
    pub numerator: Ind,
    pub denominator: Ind,
    /// The denominator is summed over the same item (yield of a crop) rather than the
    /// area's total (per-capita income of every component divides by the population).
    pub same_item: bool,
    /// The denominator is last year's (offtake ÷ previous year-end stock).
    pub previous_year: bool,
    /// 100 for percentages.
    pub multiplier: i64,
}

#[derive(Debug, Clone, Copy)]
pub struct Indicator {
    pub id: Ind,
    pub key: &'static str,
    /// The label a report uses, with its measure where one needs naming.
    pub name_zh: &'static str,
    /// The report unit; empty when each item carries its own (头, 羽, 群).
    pub unit: &'static str,
    pub aggregation: Aggregation,
    /// Canonical units (亩, 公斤, 元, head) per report unit: 1000 for 吨, 10000 for 万元.
    pub divisor: i64,
    pub items: Items,
    pub ratio: Option<Ratio>,
    /// Decimal places shown in report tables; totals.csv keeps sums exact.
    pub report_decimals: u32,
}

/// Decimal places kept for ratios and growth rates in totals.csv.
pub const CSV_RATIO_DECIMALS: u32 = 4;

const fn sum(
    id: Ind,
    key: &'static str,
    name_zh: &'static str,
    unit: &'static str,
    divisor: i64,
    items: Items,
    report_decimals: u32,
) -> Indicator {
    Indicator {
        id,
        key,
        name_zh,
        unit,
        aggregation: Aggregation::Sum,
        divisor,
        items,
        ratio: None,
        report_decimals,
    }
}

const fn ratio(
    id: Ind,
    key: &'static str,
    name_zh: &'static str,
    unit: &'static str,
    items: Items,
    ratio: Ratio,
    report_decimals: u32,
) -> Indicator {
    Indicator {
        id,
        key,
        name_zh,
        unit,
        aggregation: Aggregation::RatioOfSums,
        divisor: 1,
        items,
        ratio: Some(ratio),
        report_decimals,
    }
}

/// Every indicator, by name: a misspelt one does not compile. The declaration order is
/// the report order, and `INDICATORS[ind as usize]` is its declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Ind {
    GrossOutputValue,
    GrainSownArea,
    GrainOutput,
    CropSownArea,
    CropOutput,
    CropYield,
    YearEndStock,
    Offtake,
    OfftakeRate,
    MeatOutput,
    EggOutput,
    ProductOutput,
    Dividends,
    DividendHouseholds,
    DividendPoorHouseholds,
    NetIncome,
    NetIncomePerCapita,
    Population,
    Households,
    PoorHouseholds,
}

impl Ind {
    pub const COUNT: usize = 20;

    pub fn def(self) -> &'static Indicator {
        &INDICATORS[self as usize]
    }

    pub fn key(self) -> &'static str {
        self.def().key
    }

    pub fn from_key(key: &str) -> Option<Ind> {
        get(key).map(|i| i.id)
    }
}

/// Every indicator, in the order reports list them.
pub const INDICATORS: [Indicator; Ind::COUNT] = [
    Indicator {
        aggregation: Aggregation::DerivedSum,
        ..sum(
            Ind::GrossOutputValue,
            "gross_output_value",
            "农林牧渔业总产值（现价，产品法）",
            "万元",
            10_000,
            Items::TotalAndSectors,
            2,
        )
    },
    sum(
        Ind::GrainSownArea,
        "grain_sown_area",
        "粮食播种面积",
        "亩",
        1,
        Items::Total,
        1,
    ),
    Indicator {
        aggregation: Aggregation::DerivedSum,
        ..sum(
            Ind::GrainOutput,
            "grain_output",
            "粮食产量（薯类按5公斤折1公斤）",
            "吨",
            1_000,
            Items::Total,
            1,
        )
    },
    sum(
        Ind::CropSownArea,
        "crop_sown_area",
        "播种面积",
        "亩",
        1,
        Items::Crops,
        1,
    ),
    sum(
        Ind::CropOutput,
        "crop_output",
        "产量",
        "吨",
        1_000,
        Items::Crops,
        1,
    ),
    ratio(
        Ind::CropYield,
        "crop_yield",
        "单产",
        "公斤/亩",
        Items::Crops,
        Ratio {
            numerator: Ind::CropOutput,
            denominator: Ind::CropSownArea,
            same_item: true,
            previous_year: false,
            multiplier: 1,
        },
        1,
    ),
    Indicator {
        aggregation: Aggregation::Stock,
        ..sum(
            Ind::YearEndStock,
            "year_end_stock",
            "年末存栏",
            "",
            1,
            Items::Species,
            0,
        )
    },
    sum(Ind::Offtake, "offtake", "出栏", "", 1, Items::Species, 0),
    ratio(
        Ind::OfftakeRate,
        "offtake_rate",
        "出栏率（出栏÷上年末存栏）",
        "%",
        Items::Species,
        Ratio {
            numerator: Ind::Offtake,
            denominator: Ind::YearEndStock,
            same_item: true,
            previous_year: true,
            multiplier: 100,
        },
        1,
    ),
    sum(
        Ind::MeatOutput,
        "meat_output",
        "肉类总产量",
        "吨",
        1_000,
        Items::Total,
        1,
    ),
    sum(
        Ind::EggOutput,
        "egg_output",
        "禽蛋产量",
        "吨",
        1_000,
        Items::Total,
        1,
    ),
    sum(
        Ind::ProductOutput,
        "product_output",
        "产量",
        "吨",
        1_000,
        Items::AnimalProducts,
        1,
    ),
    sum(
        Ind::Dividends,
        "dividends",
        "产业分红",
        "万元",
        10_000,
        Items::TotalAndProjects,
        2,
    ),
    sum(
        Ind::DividendHouseholds,
        "dividend_households",
        "分红户数",
        "户次",
        1,
        Items::Total,
        0,
    ),
    sum(
        Ind::DividendPoorHouseholds,
        "dividend_poor_households",
        "分红贫困户数",
        "户次",
        1,
        Items::Total,
        0,
    ),
    sum(
        Ind::NetIncome,
        "net_income",
        "农民纯收入总额（农经口径）",
        "万元",
        10_000,
        Items::TotalAndComponents,
        2,
    ),
    ratio(
        Ind::NetIncomePerCapita,
        "net_income_per_capita",
        "农民人均纯收入（农经口径）",
        "元",
        Items::TotalAndComponents,
        Ratio {
            numerator: Ind::NetIncome,
            denominator: Ind::Population,
            same_item: false,
            previous_year: false,
            multiplier: 1,
        },
        0,
    ),
    sum(
        Ind::Population,
        "population",
        "人口（汇总人口）",
        "人",
        1,
        Items::Total,
        0,
    ),
    sum(
        Ind::Households,
        "households",
        "户数",
        "户",
        1,
        Items::Total,
        0,
    ),
    sum(
        Ind::PoorHouseholds,
        "poor_households",
        "建档立卡贫困户",
        "户",
        1,
        Items::Total,
        0,
    ),
];

pub fn get(key: &str) -> Option<&'static Indicator> {
    INDICATORS.iter().find(|i| i.key == key)
}

/// The income components, in report order: (item key, Chinese name).
pub const INCOME_COMPONENTS: [(&str, &str); 4] = [
    ("wage_income", "工资性收入"),
    ("business_income", "经营净收入"),
    ("property_income", "财产净收入"),
    ("transfer_income", "转移净收入"),
];

/// The Chinese name of an item of `indicator` (a crop, species, sector, project, component).
pub fn item_label(
    indicator: &Indicator,
    item: &str,
    catalogue: &crate::catalogue::Catalogue,
) -> String {
    if item.is_empty() {
        return String::new();
    }
    match indicator.items {
        Items::Crops | Items::Species | Items::AnimalProducts => catalogue
            .get(item)
            .map_or(item.to_string(), |p| p.name.clone()),
        Items::TotalAndSectors => crate::catalogue::Sector::parse(item)
            .map_or(item.to_string(), |s| s.name_zh().to_string()),
        Items::TotalAndComponents => INCOME_COMPONENTS
            .iter()
            .find(|(k, _)| *k == item)
            .map_or(item.to_string(), |(_, n)| n.to_string()),
        Items::TotalAndProjects | Items::Total => item.to_string(),
    }
}

/// The unit of a row: the indicator's, or for livestock the species' own (头, 羽, 群).
pub fn unit_of(
    indicator: &Indicator,
    item: &str,
    catalogue: &crate::catalogue::Catalogue,
) -> String {
    if !indicator.unit.is_empty() {
        return indicator.unit.to_string();
    }
    catalogue
        .get(item)
        .map_or(String::new(), |p| p.unit.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_indicator_is_declared_once_with_a_consistent_type() {
        for (i, a) in INDICATORS.iter().enumerate() {
            assert!(
                INDICATORS[i + 1..].iter().all(|b| b.key != a.key),
                "{} twice",
                a.key
            );
            assert_eq!(
                a.ratio.is_some(),
                a.aggregation == Aggregation::RatioOfSums,
                "{}",
                a.key
            );
            assert_eq!(a.id as usize, i, "{} is declared out of order", a.key);
            assert_eq!(a.id.def().key, a.key);
            if let Some(r) = a.ratio {
                assert!(
                    r.numerator.def().ratio.is_none() && r.denominator.def().ratio.is_none(),
                    "{}: ratio of a ratio",
                    a.key
                );
            }
        }
    }
}
