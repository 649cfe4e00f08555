//! The results frame as plain columns, read once and shared by every writer.

use crate::aggregate::Results;
use crate::error::Result;
use crate::frame::Rows;
use crate::report::values::Figure;

pub struct Columns {
    pub year: Vec<i32>,
    pub level: Vec<String>,
    pub area_code: Vec<String>,
    pub area_name: Vec<String>,
    pub parent_code: Vec<String>,
    pub indicator: Vec<String>,
    pub item: Vec<String>,
    num: Vec<Option<i128>>,
    den: Vec<Option<i128>>,
    comp: Vec<Option<i128>>,
    prev_num: Vec<Option<i128>>,
    prev_den: Vec<Option<i128>>,
}

impl Columns {
    pub fn read(results: &Results) -> Result<Columns> {
        let rows = Rows::new(&results.frame);
        Ok(Columns {
            year: rows
                .i32("year")?
                .into_iter()
                .map(|y| y.unwrap_or(0))
                .collect(),
            level: rows.str("level")?,
            area_code: rows.str("area_code")?,
            area_name: rows.str("area_name")?,
            parent_code: rows.str("parent_code")?,
            indicator: rows.str("indicator")?,
            item: rows.str("item")?,
            num: rows.i128("num")?,
            den: rows.i128("den")?,
            comp: rows.i128("comp")?,
            prev_num: rows.i128("prev_num")?,
            prev_den: rows.i128("prev_den")?,
        })
    }

    pub fn len(&self) -> usize {
        self.year.len()
    }

    pub fn is_empty(&self) -> bool {
        self.year.is_empty()
    }

    pub fn figure(&self, i: usize) -> Figure {
        Figure {
            num: self.num[i].unwrap_or(0),
            den: self.den[i],
            comp: self.comp[i],
            prev_num: self.prev_num[i],
            prev_den: self.prev_den[i],
        }
    }
}
