//! The generated country: 12-digit 统计用区划代码 (province 2, prefecture 2, county 2,
//! township 3, village 3 digits), about 13 villages per township and 14 townships per
//! county, every village's tables for one or two years, the catalogue, the prices and the
//! pipeline file. Deterministic: the same arguments give the same bytes.

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

use crate::numbers::Rng;
use crate::products::{write_catalogue, write_prices};
use crate::tables::{Tables, HEADERS, PRICES, UNITS};
use crate::village::Village;

/// The year reported; with two years the previous one is compared with it.
pub const REPORT_YEAR: i32 = 2019;
const SEED: u64 = 2019;

/// What was generated, and where.
pub struct Country {
    pub dir: PathBuf,
    pub pipeline: PathBuf,
    pub villages: usize,
    pub townships: usize,
    pub counties: usize,
    pub years: Vec<i32>,
    pub rows: u64,
    pub csv_bytes: u64,
    /// The village whose rows the rerun corrects (the middle one).
    pub corrected: String,
}

const SYLLABLES: [char; 40] = [
    '青', '竹', '林', '山', '河', '石', '桥', '花', '溪', '坪', '龙', '凤', '云', '松', '柏', '桃',
    '李', '杨', '柳', '梅', '安', '平', '新', '和', '兴', '华', '金', '银', '东', '西', '南', '北',
    '上', '下', '中', '大', '小', '高', '长', '白',
];

/// A two-character place name with a suffix (村, 镇, 县).
fn place_name(i: usize, suffix: char) -> String {
    let n = SYLLABLES.len();
    [SYLLABLES[(i / n) % n], SYLLABLES[i % n], suffix]
        .iter()
        .collect()
}

/// Writes the villages' rows as the hierarchy is walked.
struct Writer {
    tables: Vec<Tables>,
    village: Village,
    made: usize,
    wanted: usize,
    townships: usize,
    counties: usize,
    corrected: String,
}

impl Writer {
    /// One village of the township whose code (9 digits) and registry columns are given.
    fn village(&mut self, township: &str, number: u32, parents: &[u8]) -> io::Result<()> {
        let v = &mut self.village;
        let code = format!("{township}{number:03}");
        v.code.copy_from_slice(code.as_bytes());
        v.name = place_name(self.made * 7 + number as usize, '村');
        let seed = SEED ^ (self.made as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        v.draw(seed);
        for t in &mut self.tables {
            let year_seed = seed ^ (t.year as u64).wrapping_mul(0xD1B5_4A32_D192_ED03);
            v.write_registry(t, year_seed, parents);
            v.write_year(t, year_seed);
            t.spill()?;
        }
        if self.made == self.wanted / 2 {
            self.corrected = code;
        }
        self.made += 1;
        Ok(())
    }

    /// One county: 9-19 townships of 8-18 villages, until enough villages are made.
    fn county(&mut self, rng: &mut Rng, code6: &str) -> io::Result<()> {
        self.counties += 1;
        let county = format!("{code6}000000,{}", place_name(self.counties, '县'));
        for t in 1..=rng.range(9, 19) as u32 {
            self.townships += 1;
            let township = format!("{code6}{:03}", 100 + t);
            let name = place_name(self.townships * 3, '镇');
            let parents = format!("{township}000,{name},{county}");
            for v in 1..=rng.range(8, 18) as u32 {
                if self.made == self.wanted {
                    return Ok(());
                }
                self.village(&township, 200 + v, parents.as_bytes())?;
            }
        }
        Ok(())
    }
}

/// Provinces (codes 11-99) of 10-18 prefectures of 6-14 counties, until enough villages are
/// made; an error past about 2.2 million villages, when the province codes run out.
fn walk(w: &mut Writer) -> io::Result<()> {
    let mut rng = Rng::new(SEED);
    for province in 11..=99 {
        for prefecture in 1..=rng.range(10, 18) {
            for county in 1..=rng.range(6, 14) {
                if w.made == w.wanted {
                    return Ok(());
                }
                w.county(
                    &mut rng,
                    &format!("{province:02}{prefecture:02}{county:02}"),
                )?;
            }
        }
    }
    if w.made < w.wanted {
        return Err(io::Error::other(format!(
            "the 12-digit codes hold at most {} villages",
            w.made
        )));
    }
    Ok(())
}

/// Generates a country of `villages` villages for `years` years (1 or 2) in `dir`.
pub fn generate(dir: &Path, villages: usize, years: usize) -> io::Result<Country> {
    let years: Vec<i32> = (REPORT_YEAR + 1 - years as i32..=REPORT_YEAR).collect();
    let data = dir.join("data");
    let mut w = Writer {
        tables: years
            .iter()
            .map(|y| Tables::create(&data.join(y.to_string()), *y))
            .collect::<io::Result<_>>()?,
        village: Village::default(),
        made: 0,
        wanted: villages,
        townships: 0,
        counties: 0,
        corrected: String::new(),
    };
    walk(&mut w)?;
    let mut rows = 0;
    for t in w.tables {
        rows += t.finish()?;
    }
    for y in &years {
        write_prices(&data.join(format!("{y}/prices.csv")), *y, REPORT_YEAR)?;
    }
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/catalogue/products.csv");
    write_catalogue(&shipped, &dir.join("catalogue.csv"))?;
    let pipeline = dir.join("pipeline.toml");
    std::fs::write(&pipeline, pipeline_text(&years))?;
    Ok(Country {
        dir: dir.to_path_buf(),
        pipeline,
        villages,
        townships: w.townships,
        counties: w.counties,
        csv_bytes: csv_bytes(&data)?,
        years,
        rows,
        corrected: w.corrected,
    })
}

/// The pipeline file: every table from `data/{year}/TABLE.csv`, Chinese headers mapped,
/// charts off.
fn pipeline_text(years: &[i32]) -> String {
    let mut s = format!("[pipeline]\nname = \"规模基准\"\nyear = {REPORT_YEAR}\n");
    if years.len() > 1 {
        let _ = writeln!(s, "previous_year = {}", REPORT_YEAR - 1);
    }
    s.push_str("output = \"out\"\n\n[reference]\nproducts = \"catalogue.csv\"\n\n");
    s.push_str("[charts]\ndraw = []\n");
    for (table, header, fields) in HEADERS.iter().chain([&PRICES]) {
        let _ = write!(
            s,
            "\n[inputs.{table}]\npath = \"data/{{year}}/{table}.csv\"\n[inputs.{table}.columns]\n"
        );
        for (field, column) in fields.split(',').zip(header.split(',')) {
            let _ = writeln!(s, "{field} = \"{column}\"");
        }
        let units: Vec<_> = UNITS.iter().filter(|u| u.0 == *table).collect();
        if !units.is_empty() {
            let _ = writeln!(s, "[inputs.{table}.units]");
            for (_, field, unit) in units {
                let _ = writeln!(s, "{field} = \"{unit}\"");
            }
        }
    }
    s
}

/// The size of all CSV files under `dir`.
pub fn csv_bytes(dir: &Path) -> io::Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            total += csv_bytes(&path)?;
        } else if path.extension().is_some_and(|e| e == "csv") {
            total += path.metadata()?.len();
        }
    }
    Ok(total)
}
