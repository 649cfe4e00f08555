//! Administrative levels, from the village up to the whole run: a type, so that a misspelt
//! level does not compile, and the one place that knows how 统计用区划代码 nest.

use std::fmt;

/// A level of aggregation, ordered from the bottom (village) to the top (the whole run).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Village,
    Township,
    County,
    Prefecture,
    Province,
    /// Every village of the run: 全省, 全国, or whatever the pipeline calls it.
    Total,
}

impl Level {
    pub const ALL: [Level; 6] = [
        Level::Village,
        Level::Township,
        Level::County,
        Level::Prefecture,
        Level::Province,
        Level::Total,
    ];

    /// The key used in pipeline files and in the `level` column of totals.csv.
    pub fn key(self) -> &'static str {
        match self {
            Level::Village => "village",
            Level::Township => "township",
            Level::County => "county",
            Level::Prefecture => "prefecture",
            Level::Province => "province",
            Level::Total => "total",
        }
    }

    /// The level in messages: its Chinese noun in Chinese, its key in English.
    pub fn title(self) -> &'static str {
        match crate::lang::current() {
            crate::lang::Lang::Zh => self.noun_zh(),
            crate::lang::Lang::En => self.key(),
        }
    }

    pub fn from_key(key: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.key() == key)
    }

    /// What a report calls an area of this level: 村, 乡镇, 区县, 地市, 省.
    pub fn noun_zh(self) -> &'static str {
        match self {
            Level::Village => "村",
            Level::Township => "乡镇",
            Level::County => "区县",
            Level::Prefecture => "地市",
            Level::Province => "省",
            Level::Total => "合计",
        }
    }

    /// The whole area in a chart legend: 全镇, 全县, 全市, 全省.
    pub fn whole_zh(self) -> &'static str {
        match self {
            Level::Village => "全村",
            Level::Township => "全镇",
            Level::County => "全县",
            Level::Prefecture => "全市",
            Level::Province => "全省",
            Level::Total => "合计",
        }
    }

    /// The registry columns that name an area of this level (code, name), if any.
    pub fn registry_columns(self) -> Option<(&'static str, &'static str)> {
        match self {
            Level::Village => Some(("village_code", "village_name")),
            Level::Township => Some(("township_code", "township_name")),
            Level::County => Some(("county_code", "county_name")),
            Level::Prefecture => Some(("prefecture_code", "prefecture_name")),
            Level::Province => Some(("province_code", "province_name")),
            Level::Total => None,
        }
    }

    /// How many leading digits of a 12-digit 统计用区划代码 an area of this level keeps.
    fn code_digits(self) -> Option<usize> {
        match self {
            Level::Village => Some(12),
            Level::Township => Some(9),
            Level::County => Some(6),
            Level::Prefecture => Some(4),
            Level::Province => Some(2),
            Level::Total => None,
        }
    }

    /// The code of the area of this level that holds the village `code`, derived from a
    /// 12-digit statistical division code (township = first 9 digits + `000`, county = first
    /// 6 + `000000`, …). `None` when `code` is not 12 ASCII digits.
    pub fn code_from_village(self, code: &str) -> Option<String> {
        if code.len() != 12 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let keep = self.code_digits()?;
        let mut out = String::with_capacity(12);
        out.push_str(&code[..keep]);
        out.extend(std::iter::repeat_n('0', 12 - keep));
        Some(out)
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// The area code of the whole-run total in totals.csv.
pub const TOTAL_CODE: &str = "all";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_nest_as_the_statistical_division_code_says() {
        let v = "520121101201";
        assert_eq!(
            Level::Township.code_from_village(v).unwrap(),
            "520121101000"
        );
        assert_eq!(Level::County.code_from_village(v).unwrap(), "520121000000");
        assert_eq!(
            Level::Prefecture.code_from_village(v).unwrap(),
            "520100000000"
        );
        assert_eq!(
            Level::Province.code_from_village(v).unwrap(),
            "520000000000"
        );
        assert_eq!(Level::Village.code_from_village(v).unwrap(), v);
        assert_eq!(Level::Total.code_from_village(v), None);
        assert_eq!(Level::Township.code_from_village("52012110120"), None);
        assert_eq!(Level::Township.code_from_village("52012110120x"), None);
    }

    #[test]
    fn keys_round_trip_and_levels_are_ordered() {
        for level in Level::ALL {
            assert_eq!(Level::from_key(level.key()), Some(level));
        }
        assert!(Level::Village < Level::Township && Level::Province < Level::Total);
    }
}
