//! Scale benchmark: a synthetic country of villages through `check` and `run`.
//!
//! `cargo bench --bench scale -- [VILLAGES]` (default 500,000: about as many villages as China
//! has). It writes the village tables into a temp dir, then reports wall time and throughput of
//! a full check (read, validate, aggregate, render), a first run (also writes all outputs), and
//! a rerun after one file changed (cache hits for the rest). Charts are off: a national run
//! would draw seven charts for each of tens of thousands of townships.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

const TOWNSHIPS_PER_COUNTY: usize = 12;
const VILLAGES_PER_TOWNSHIP: usize = 14;

/// A small deterministic generator, so every run measures the same data.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

fn write_tables(dir: &Path, villages: usize) {
    let mut rng = Lcg(2019);
    let counties = villages.div_ceil(TOWNSHIPS_PER_COUNTY * VILLAGES_PER_TOWNSHIP);
    let mut registry = String::from("year,village_code,village_name,township_code,township_name,county_code,county_name,households,population,poor_households\n");
    let mut crops = String::from("year,village_code,crop,sown_area,output\n");
    let mut livestock = String::from("year,village_code,species,year_end_stock\n");
    let mut slaughter = String::from("year,village_code,product,head_count,output\n");
    let mut income = String::from(
        "year,village_code,wage_income,business_income,property_income,transfer_income\n",
    );
    let crop_yields = [
        ("杂交水稻", 480),
        ("玉米", 350),
        ("红薯", 1500),
        ("蔬菜", 1500),
        ("油菜", 150),
    ];
    for v in 0..villages {
        let township = v / VILLAGES_PER_TOWNSHIP;
        let county = township / TOWNSHIPS_PER_COUNTY;
        let code = format!("{v:07}");
        let people = 300 + rng.next(2500);
        let _ = writeln!(
            registry,
            "2019,{code},村{v},T{township:05},乡镇{township},C{county:04},县{county},{},{people},{}",
            people / 4,
            rng.next(60)
        );
        for (crop, per_mu) in crop_yields {
            if rng.next(5) == 0 {
                continue;
            }
            let area = 20 + rng.next(600);
            let _ = writeln!(
                crops,
                "2019,{code},{crop},{area},{}",
                area * (per_mu - 20 + rng.next(40))
            );
        }
        for (species, product, kg) in [
            ("生猪", "猪肉", 120),
            ("牛", "牛肉", 200),
            ("家禽", "禽肉", 2),
        ] {
            let stock = 10 + rng.next(500);
            let _ = writeln!(livestock, "2019,{code},{species},{stock}");
            let head = stock * 2;
            let _ = writeln!(slaughter, "2019,{code},{product},{head},{}", head * kg);
        }
        let _ = writeln!(slaughter, "2019,{code},禽蛋,,{}", 500 + rng.next(5000));
        let per = 6000 + rng.next(5000);
        let _ = writeln!(
            income,
            "2019,{code},{},{},{},{}",
            people * per / 2,
            people * per / 3,
            people * per / 20,
            people * per / 10
        );
    }
    let prices = "year,product,price\n2019,杂交水稻,2.6\n2019,玉米,2\n2019,红薯,0.8\n2019,蔬菜,0.8\n2019,油菜,5\n2019,猪肉,18\n2019,牛肉,60\n2019,禽肉,14\n2019,禽蛋,9\n";
    for (name, text) in [
        ("villages.csv", &registry),
        ("crops.csv", &crops),
        ("livestock.csv", &livestock),
        ("slaughter.csv", &slaughter),
        ("income.csv", &income),
        ("prices.csv", &prices.to_string()),
    ] {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let catalogue = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/catalogue/products.csv");
    let mut pipeline = format!(
        "[pipeline]\nname = \"benchmark\"\nyear = 2019\noutput = \"out\"\n\n[reference]\nproducts = \"{}\"\n\n[charts]\ndraw = []\n",
        catalogue.display()
    );
    for table in [
        "villages",
        "crops",
        "livestock",
        "slaughter",
        "income",
        "prices",
    ] {
        let _ = write!(pipeline, "\n[inputs.{table}]\npath = \"{table}.csv\"\n");
    }
    std::fs::write(dir.join("pipeline.toml"), pipeline).unwrap();
    eprintln!("{counties} counties");
}

fn size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "csv"))
        .map(|e| e.metadata().unwrap().len())
        .sum()
}

fn main() {
    let villages: usize = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .and_then(|a| a.parse().ok())
        .unwrap_or(500_000);
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    write_tables(dir.path(), villages);
    let mb = size(dir.path()) as f64 / 1e6;
    println!(
        "{villages} villages, {mb:.0} MB of CSV, generated in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let pipeline = dir.path().join("pipeline.toml");
    // SAFETY: set before any other thread exists.
    unsafe { std::env::set_var("AGRISTAT_TIMING", "1") };

    let t = Instant::now();
    let checked = agristat::run::check(&pipeline).unwrap_or_else(|e| panic!("{e}"));
    let check = t.elapsed().as_secs_f64();
    println!("check (read, validate, aggregate, render):  {check:7.2} s  {:9.0} villages/s  {:6.1} MB/s  ({} warnings)", villages as f64 / check, mb / check, checked.warnings.len());

    let t = Instant::now();
    agristat::run::run(&pipeline).unwrap_or_else(|e| panic!("{e}"));
    let first = t.elapsed().as_secs_f64();
    println!(
        "run, first (also writes outputs, cache):    {first:7.2} s  {:9.0} villages/s",
        villages as f64 / first
    );

    // One village corrects its wage income: the first data row gets a digit more.
    let incomes = dir.path().join("income.csv");
    let text = std::fs::read_to_string(&incomes).unwrap();
    let line = text.lines().nth(1).unwrap().to_string();
    let cells: Vec<&str> = line.split(',').collect();
    let corrected = format!(
        "{},{},{}1,{}",
        cells[0],
        cells[1],
        cells[2],
        cells[3..].join(",")
    );
    std::fs::write(&incomes, text.replacen(&line, &corrected, 1)).unwrap();
    let t = Instant::now();
    let rerun = agristat::run::run(&pipeline).unwrap_or_else(|e| panic!("{e}"));
    let again = t.elapsed().as_secs_f64();
    let changed = rerun
        .published
        .as_ref()
        .and_then(|p| p.revisions.as_ref())
        .map_or(0, |r| r.totals.len());
    println!(
        "rerun after one corrected row (cached):     {again:7.2} s  ({changed} totals changed)"
    );
}
