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

/// A 128-bit fingerprint of each row's values in `columns` (two independently seeded 64-bit
/// hashes; a null differs from every value). Two runs' rows with equal fingerprints are taken
/// as equal: a false match needs a 2⁻¹²⁸ coincidence, far below any hardware error rate.
pub fn row_hashes(df: &DataFrame, columns: &[&str]) -> Result<Vec<u128>> {
    use std::hash::BuildHasher;
    let seeds = [
        foldhash::fast::FixedState::with_seed(0x6167_7269_7374_6174),
        foldhash::fast::FixedState::with_seed(0x7265_7669_7369_6f6e),
    ];
    let mut state: Vec<[u64; 2]> = vec![[0, 0]; df.height()];
    let mut mix = |row: usize, value: &dyn Fn(&foldhash::fast::FixedState, u64) -> u64| {
        for (h, seed) in state[row].iter_mut().zip(&seeds) {
            *h = value(seed, *h);
        }
    };
    let engine = || Error::engine("fingerprinting rows");
    for name in columns {
        let column = df.column(name).map_err(engine())?;
        let series = column.as_materialized_series();
        match series.dtype() {
            DataType::String => {
                for (row, v) in series.str().map_err(engine())?.iter().enumerate() {
                    mix(row, &|s, h| s.hash_one((h, v)));
                }
            }
            DataType::Int32 => {
                for (row, v) in series.i32().map_err(engine())?.iter().enumerate() {
                    mix(row, &|s, h| s.hash_one((h, v)));
                }
            }
            DataType::UInt32 => {
                for (row, v) in series.u32().map_err(engine())?.iter().enumerate() {
                    mix(row, &|s, h| s.hash_one((h, v)));
                }
            }
            DataType::Int64 => {
                for (row, v) in series.i64().map_err(engine())?.iter().enumerate() {
                    mix(row, &|s, h| s.hash_one((h, v)));
                }
            }
            DataType::Int128 => {
                for (row, v) in series.i128().map_err(engine())?.iter().enumerate() {
                    mix(row, &|s, h| s.hash_one((h, v)));
                }
            }
            other => {
                let message = format!("column {name} has an unexpected type {other}");
                return Err(engine()(PolarsError::SchemaMismatch(message.into())));
            }
        }
    }
    Ok(state
        .into_iter()
        .map(|[a, b]| (u128::from(a) << 64) | u128::from(b))
        .collect())
}

/// Which rows of `a` and of `b` have a fingerprint the other lacks: both sorted with their
/// row numbers, then walked side by side (sequential memory access, unlike a lookup per row).
pub fn unmatched(a: &[u128], b: &[u128]) -> (Vec<bool>, Vec<bool>) {
    let sorted = |hashes: &[u128]| {
        let mut pairs: Vec<(u128, u32)> = hashes.iter().copied().zip(0u32..).collect();
        pairs.sort_unstable();
        pairs
    };
    let (sa, sb) = (sorted(a), sorted(b));
    let (mut only_a, mut only_b) = (vec![true; a.len()], vec![true; b.len()]);
    let (mut i, mut j) = (0, 0);
    while i < sa.len() && j < sb.len() {
        match sa[i].0.cmp(&sb[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                only_a[sa[i].1 as usize] = false;
                only_b[sb[j].1 as usize] = false;
                i += 1;
                j += 1;
            }
        }
    }
    (only_a, only_b)
}

/// The rows of `df` where `keep` is true.
pub fn filter_rows(df: &DataFrame, keep: &[bool]) -> Result<DataFrame> {
    let mask = BooleanChunked::from_slice("keep".into(), keep);
    df.filter(&mask)
        .map_err(Error::engine("selecting the rows that differ"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unmatched_rows_are_those_whose_fingerprint_the_other_side_lacks() {
        let (a, b) = unmatched(&[5, 1, 9, 3], &[3, 7, 5]);
        assert_eq!(a, [false, true, true, false]);
        assert_eq!(b, [false, true, false]);
    }

    #[test]
    fn equal_rows_have_equal_fingerprints_and_a_null_differs_from_a_value() {
        let df = df!(
            "code" => [Some("01"), Some("01"), None, Some("")],
            "n" => [Some(1i64), Some(1), Some(1), Some(1)]
        )
        .unwrap();
        let h = row_hashes(&df, &["code", "n"]).unwrap();
        assert_eq!(h[0], h[1]);
        assert_ne!(h[0], h[2]);
        assert_ne!(h[2], h[3]);
    }
}
