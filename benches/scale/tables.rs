//! The generated input files of one year, each written through a large buffer.

use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

/// One output file: rows are appended to `buf`, which is written out when it grows large.
pub struct Sink {
    pub buf: Vec<u8>,
    pub rows: u64,
    file: File,
}

const FLUSH_AT: usize = 4 << 20;

impl Sink {
    fn create(path: &Path, header: &str) -> io::Result<Sink> {
        let mut buf = Vec::with_capacity(FLUSH_AT + 4096);
        buf.extend_from_slice(header.as_bytes());
        buf.push(b'\n');
        Ok(Sink {
            buf,
            rows: 0,
            file: File::create(path)?,
        })
    }

    fn spill(&mut self, at_least: usize) -> io::Result<()> {
        if self.buf.len() >= at_least {
            self.file.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }
}

/// The tables of one year, with the headers a county office's Excel export would have.
pub struct Tables {
    pub year: i32,
    pub year_text: String,
    pub villages: Sink,
    pub crops: Sink,
    pub livestock: Sink,
    pub slaughter: Sink,
    pub dividends: Sink,
    pub income: Sink,
    pub other_output: Sink,
}

/// (table, file header, the canonical field of each column): the pipeline maps each field
/// to its header.
pub const HEADERS: [(&str, &str, &str); 7] = [
    (
        "villages",
        "年份,村代码,村名,乡镇代码,乡镇名称,区县代码,区县名称,户数,人口,建档立卡贫困户",
        "year,village_code,village_name,township_code,township_name,county_code,county_name,households,population,poor_households",
    ),
    (
        "crops",
        "年份,村代码,作物,播种面积(亩),产量(公斤)",
        "year,village_code,crop,sown_area,output",
    ),
    (
        "livestock",
        "年份,村代码,畜种,年末存栏",
        "year,village_code,species,year_end_stock",
    ),
    (
        "slaughter",
        "年份,村代码,产品,出栏数,产量(公斤)",
        "year,village_code,product,head_count,output",
    ),
    (
        "dividends",
        "年份,村代码,项目,分红户数,贫困户户数,分红金额(元)",
        "year,village_code,project,households,poor_households,amount",
    ),
    (
        "income",
        "年份,村代码,工资性收入,经营净收入,财产净收入,转移净收入",
        "year,village_code,wage_income,business_income,property_income,transfer_income",
    ),
    (
        "other_output",
        "年份,村代码,行业,产值(元)",
        "year,village_code,sector,value",
    ),
];

/// The prices file: (table, header, fields), like `HEADERS`.
pub const PRICES: (&str, &str, &str) = ("prices", "年份,产品,单价(元/公斤)", "year,product,price");

/// The unit of each field given in one (the rest are counts or text).
pub const UNITS: [(&str, &str, &str); 10] = [
    ("crops", "sown_area", "亩"),
    ("crops", "output", "公斤"),
    ("slaughter", "output", "公斤"),
    ("dividends", "amount", "元"),
    ("income", "wage_income", "元"),
    ("income", "business_income", "元"),
    ("income", "property_income", "元"),
    ("income", "transfer_income", "元"),
    ("other_output", "value", "元"),
    ("prices", "price", "元/公斤"),
];

impl Tables {
    /// Creates `dir/TABLE.csv` for every table, each with its header.
    pub fn create(dir: &Path, year: i32) -> io::Result<Tables> {
        std::fs::create_dir_all(dir)?;
        let open = |i: usize| {
            let (name, header, _) = HEADERS[i];
            Sink::create(&dir.join(format!("{name}.csv")), header)
        };
        Ok(Tables {
            year,
            year_text: year.to_string(),
            villages: open(0)?,
            crops: open(1)?,
            livestock: open(2)?,
            slaughter: open(3)?,
            dividends: open(4)?,
            income: open(5)?,
            other_output: open(6)?,
        })
    }

    fn sinks(&mut self) -> [&mut Sink; 7] {
        [
            &mut self.villages,
            &mut self.crops,
            &mut self.livestock,
            &mut self.slaughter,
            &mut self.dividends,
            &mut self.income,
            &mut self.other_output,
        ]
    }

    /// Writes out the buffers that have grown large.
    pub fn spill(&mut self) -> io::Result<()> {
        self.sinks().into_iter().try_for_each(|s| s.spill(FLUSH_AT))
    }

    /// Writes out everything; returns the number of data rows.
    pub fn finish(mut self) -> io::Result<u64> {
        let mut rows = 0;
        for s in self.sinks() {
            s.spill(0)?;
            s.file.flush()?;
            rows += s.rows;
        }
        Ok(rows)
    }
}
