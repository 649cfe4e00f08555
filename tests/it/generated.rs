//! A few thousand generated villages, aggregated by agristat and, independently, by plain
//! integer sums written here: every township and county total must agree exactly.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::workdir::{csv_rows, Workdir};

const VILLAGES: u64 = 3_000;
const PER_TOWNSHIP: u64 = 13;
const PER_COUNTY: u64 = 14;

/// A deterministic generator, so that a failure can be reproduced.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// (crop, grain factor in tenths, price in fen per kg)
const CROPS: [(&str, u64, u64); 5] = [
    ("杂交水稻", 10, 260),
    ("玉米", 10, 200),
    ("红薯", 2, 80),
    ("蔬菜", 0, 150),
    ("油菜", 0, 500),
];

/// Expected sums per area code, in exact integer units: (kg × 10 for grain, fen for money,
/// 亩 for area, people, 元 for income).
#[derive(Default, Clone)]
struct Sums {
    grain_tenths_kg: u64,
    value_fen: u64,
    sown: BTreeMap<&'static str, u64>,
    people: u64,
    income: u64,
}

fn generate(wd: &Workdir) -> BTreeMap<String, Sums> {
    let mut rng = Lcg(7);
    let mut villages =
        String::from("year,village_code,village_name,households,population,poor_households\n");
    let mut crops = String::from("year,village_code,crop,sown_area,output\n");
    let mut income = String::from(
        "year,village_code,wage_income,business_income,property_income,transfer_income\n",
    );
    let mut sums: BTreeMap<String, Sums> = BTreeMap::new();
    for v in 0..VILLAGES {
        let township = v / PER_TOWNSHIP;
        let county = township / PER_COUNTY;
        // 52 province, 01 prefecture, county 01.., township 101.., village 201..
        let code = format!(
            "5201{:02}{:03}{:03}",
            county + 1,
            township % PER_COUNTY + 101,
            v % PER_TOWNSHIP + 201
        );
        let areas = [
            format!("{}000", &code[..9]),
            format!("{}000000", &code[..6]),
        ];
        let people = 200 + rng.below(3000);
        let _ = writeln!(
            villages,
            "2019,{code},村{v},{},{people},{}",
            people / 4,
            rng.below(20)
        );
        let wage = people * (3000 + rng.below(4000));
        let other = rng.below(500_000);
        let _ = writeln!(income, "2019,{code},{wage},{other},0,{}", other / 7);
        let mut village = Sums {
            people,
            income: wage + other + other / 7,
            ..Sums::default()
        };
        for (crop, factor, price) in CROPS {
            if rng.below(4) == 0 {
                continue;
            }
            let area = 10 + rng.below(900);
            let output = area * (100 + rng.below(900));
            let _ = writeln!(crops, "2019,{code},{crop},{area},{output}");
            village.grain_tenths_kg += output * factor;
            village.value_fen += output * price;
            *village.sown.entry(crop).or_default() += area;
        }
        for area in areas {
            let s = sums.entry(area).or_default();
            s.grain_tenths_kg += village.grain_tenths_kg;
            s.value_fen += village.value_fen;
            s.people += village.people;
            s.income += village.income;
            for (crop, a) in &village.sown {
                *s.sown.entry(crop).or_default() += a;
            }
        }
    }
    let mut prices = String::from("year,product,price\n");
    for (crop, _, fen) in CROPS {
        let _ = writeln!(prices, "2019,{crop},{}.{:02}", fen / 100, fen % 100);
    }
    for (name, text) in [
        ("villages", &villages),
        ("crops", &crops),
        ("income", &income),
        ("prices", &prices),
    ] {
        wd.write(&format!("gen/{name}.csv"), text);
    }
    wd.write(
        "gen/gen.toml",
        "[pipeline]\nname = \"generated\"\nyear = 2019\noutput = \"out\"\n\n[reference]\nproducts = \"../data/catalogue/products.csv\"\n\n[charts]\ndraw = []\n\n[inputs.villages]\npath = \"villages.csv\"\n[inputs.crops]\npath = \"crops.csv\"\n[inputs.income]\npath = \"income.csv\"\n[inputs.prices]\npath = \"prices.csv\"\n",
    );
    sums
}

/// `n / d` as a decimal with `places` digits, trailing zeros dropped.
fn decimal(n: u64, d: u64, places: u32) -> String {
    let scale = 10u64.pow(places);
    let whole = n / d;
    let frac = n % d * scale / d;
    let text = format!("{whole}.{frac:0width$}", width = places as usize);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Per capita to 4 places, rounded half away from zero, as agristat rounds ratios.
fn per_capita(income: u64, people: u64) -> String {
    let tenth_of_last = income as u128 * 100_000 / people as u128;
    let rounded = (tenth_of_last + 5) / 10;
    decimal(rounded as u64, 10_000, 4)
}

#[test]
fn three_thousand_villages_agree_with_an_independent_sum() {
    let wd = Workdir::with(&["data/catalogue"]);
    let expected = generate(&wd);
    let out = wd.run(&["run", "-q", "gen/gen.toml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows = csv_rows(&wd.read("gen/out/current/totals.csv"));
    let mut found: BTreeMap<(String, String, String), String> = BTreeMap::new();
    for r in &rows {
        found.insert(
            (
                r["area_code"].clone(),
                r["indicator"].clone(),
                r["item"].clone(),
            ),
            r["value"].clone(),
        );
    }
    let townships = VILLAGES.div_ceil(PER_TOWNSHIP) as usize;
    assert_eq!(
        expected.len(),
        townships + townships.div_ceil(PER_COUNTY as usize)
    );
    let codes = [
        ("杂交水稻", "hybrid_rice"),
        ("玉米", "maize"),
        ("红薯", "sweet_potato"),
        ("蔬菜", "vegetables"),
        ("油菜", "rapeseed"),
    ];
    for (area, s) in &expected {
        let get = |indicator: &str, item: &str| {
            found
                .get(&(area.clone(), indicator.to_string(), item.to_string()))
                .cloned()
                .unwrap_or_else(|| panic!("{area} {indicator} {item} missing"))
        };
        assert_eq!(
            get("grain_output", ""),
            decimal(s.grain_tenths_kg, 10_000, 4),
            "{area}"
        );
        assert_eq!(
            get("gross_output_value", ""),
            decimal(s.value_fen, 1_000_000, 6),
            "{area}"
        );
        assert_eq!(get("population", ""), s.people.to_string(), "{area}");
        assert_eq!(
            get("net_income", ""),
            decimal(s.income, 10_000, 4),
            "{area}"
        );
        assert_eq!(
            get("net_income_per_capita", ""),
            per_capita(s.income, s.people),
            "{area}"
        );
        for (crop, code) in codes {
            if let Some(a) = s.sown.get(crop) {
                assert_eq!(get("crop_sown_area", code), a.to_string(), "{area} {crop}");
            }
        }
    }
}

#[test]
fn a_report_level_too_large_to_chart_is_said_so_not_drawn_area_by_area() {
    let wd = Workdir::with(&["data/catalogue"]);
    generate(&wd);
    wd.edit("gen/gen.toml", "[charts]\ndraw = []\n", "");
    wd.edit(
        "gen/gen.toml",
        "year = 2019\n",
        "year = 2019\nlevels = [\"township\"]\n",
    );
    let out = wd.run(&["run", "-q", "gen/gen.toml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("warning: no charts drawn: the report levels hold 231 areas (at most 60)"),
        "{}",
        out.stderr
    );
    assert!(!wd.path("gen/out/current/charts").exists());
}
