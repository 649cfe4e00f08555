//! Small helpers around polars, so that the rest of the code speaks in our terms and the
//! polars API (which changes between versions) is used in few places.

use polars::prelude::*;

use crate::error::{Error, Result};

/// Left-joins `right` on `keys`, keeping the left order (polars' join order is otherwise not
/// deterministic).
pub fn left_join(left: LazyFrame, right: LazyFrame, keys: &[&str]) -> LazyFrame {
    let on: Vec<Expr> = keys.iter().map(|k| col(*k)).collect();
    let args = JoinArgs {
        maintain_order: MaintainOrderJoin::Left,
        ..JoinArgs::new(JoinType::Left)
    };
    left.join(right, on.clone(), on, args)
}

pub fn inner_join(left: LazyFrame, right: LazyFrame, keys: &[&str]) -> LazyFrame {
    let on: Vec<Expr> = keys.iter().map(|k| col(*k)).collect();
    let args = JoinArgs {
        maintain_order: MaintainOrderJoin::Left,
        ..JoinArgs::new(JoinType::Inner)
    };
    left.join(right, on.clone(), on, args)
}

/// The rows of `left` with no match in `right` on `keys`.
pub fn anti_join(left: LazyFrame, right: LazyFrame, keys: &[&str]) -> LazyFrame {
    let names: Vec<Expr> = keys.iter().map(|k| col(*k)).collect();
    let marked = right
        .select(names)
        .unique(None, UniqueKeepStrategy::First)
        .with_column(lit(true).alias("_matched"));
    left_join(left, marked, keys)
        .filter(col("_matched").is_null())
        .drop(cols(["_matched"]))
}

pub fn concat_frames(frames: Vec<LazyFrame>) -> Result<LazyFrame> {
    let args = UnionArgs {
        rechunk: false,
        ..Default::default()
    };
    concat(frames, args).map_err(Error::engine("stacking tables"))
}

pub fn collect(frame: LazyFrame, step: &'static str) -> Result<DataFrame> {
    frame.collect().map_err(Error::engine(step))
}

/// Typed access to the columns of a collected frame.
pub struct Rows<'a> {
    df: &'a DataFrame,
}

impl<'a> Rows<'a> {
    pub fn new(df: &'a DataFrame) -> Rows<'a> {
        Rows { df }
    }

    pub fn len(&self) -> usize {
        self.df.height()
    }

    pub fn is_empty(&self) -> bool {
        self.df.height() == 0
    }

    fn column(&self, name: &str) -> Result<&'a Column> {
        self.df
            .column(name)
            .map_err(Error::engine("reading a result column"))
    }

    pub fn str(&self, name: &str) -> Result<Vec<String>> {
        let c = self
            .column(name)?
            .str()
            .map_err(Error::engine("reading a text column"))?;
        Ok(c.iter().map(|v| v.unwrap_or("").to_string()).collect())
    }

    /// Which values of a column are present (not null).
    pub fn present(&self, name: &str) -> Result<Vec<bool>> {
        let c = self.column(name)?;
        Ok(c.is_not_null().iter().map(|v| v.unwrap_or(false)).collect())
    }

    pub fn opt_u32(&self, name: &str) -> Result<Vec<Option<u32>>> {
        let c = self
            .column(name)?
            .u32()
            .map_err(Error::engine("reading a position column"))?;
        Ok(c.iter().collect())
    }

    pub fn i32(&self, name: &str) -> Result<Vec<Option<i32>>> {
        let c = self
            .column(name)?
            .i32()
            .map_err(Error::engine("reading a year column"))?;
        Ok(c.iter().collect())
    }

    pub fn u32(&self, name: &str) -> Result<Vec<u32>> {
        let c = self
            .column(name)?
            .u32()
            .map_err(Error::engine("reading a position column"))?;
        Ok(c.iter().map(|v| v.unwrap_or(0)).collect())
    }

    pub fn i64(&self, name: &str) -> Result<Vec<Option<i64>>> {
        let c = self
            .column(name)?
            .i64()
            .map_err(Error::engine("reading a number column"))?;
        Ok(c.iter().collect())
    }

    pub fn i128(&self, name: &str) -> Result<Vec<Option<i128>>> {
        let c = self
            .column(name)?
            .i128()
            .map_err(Error::engine("reading a total column"))?;
        Ok(c.iter().collect())
    }

    pub fn f64(&self, name: &str) -> Result<Vec<Option<f64>>> {
        let c = self
            .column(name)?
            .f64()
            .map_err(Error::engine("reading a ratio column"))?;
        Ok(c.iter().collect())
    }
}
