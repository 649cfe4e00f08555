//! Units as people write them, and the exact factor that brings each to agristat's canonical
//! unit (亩, 公斤, 元, 元 per 公斤).

use rust_decimal::Decimal;

/// What a numeric field measures; it decides which units a pipeline may declare for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    /// Sown area; canonical 亩.
    Area,
    /// Output weight; canonical 公斤.
    Weight,
    /// Money; canonical 元.
    Money,
    /// Unit price; canonical 元 per 公斤.
    Price,
    /// Head, households, people: whole numbers, no unit to convert.
    Count,
}

impl Dimension {
    pub fn canonical(self) -> &'static str {
        match self {
            Dimension::Area => "亩",
            Dimension::Weight => "公斤",
            Dimension::Money => "元",
            Dimension::Price => "元/公斤",
            Dimension::Count => "",
        }
    }

    /// The units accepted for this dimension, with the factor to the canonical unit.
    pub fn units(self) -> &'static [(&'static str, i64, u32)] {
        // (name, mantissa, scale): factor = mantissa / 10^scale, exact.
        match self {
            Dimension::Area => &[("亩", 1, 0), ("公顷", 15, 0)],
            Dimension::Weight => &[
                ("公斤", 1, 0),
                ("千克", 1, 0),
                ("吨", 1000, 0),
                ("斤", 5, 1),
            ],
            Dimension::Money => &[("元", 1, 0), ("万元", 10000, 0)],
            Dimension::Price => &[
                ("元/公斤", 1, 0),
                ("元/千克", 1, 0),
                ("元/斤", 2, 0),
                ("元/吨", 1, 3),
            ],
            Dimension::Count => &[],
        }
    }

    /// The exact factor of `unit` to the canonical unit, or `None` if the unit does not fit.
    pub fn factor(self, unit: &str) -> Option<Decimal> {
        self.units()
            .iter()
            .find(|(name, _, _)| *name == unit.trim())
            .map(|&(_, mantissa, scale)| Decimal::new(mantissa, scale))
    }

    pub fn unit_names(self) -> Vec<&'static str> {
        self.units().iter().map(|(name, _, _)| *name).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factors_are_exact() {
        assert_eq!(Dimension::Area.factor("公顷"), Some(Decimal::new(15, 0)));
        assert_eq!(Dimension::Weight.factor("斤"), Some(Decimal::new(5, 1)));
        assert_eq!(
            Dimension::Money.factor(" 万元 "),
            Some(Decimal::new(10000, 0))
        );
        assert_eq!(Dimension::Price.factor("元/吨"), Some(Decimal::new(1, 3)));
        assert_eq!(Dimension::Area.factor("公斤"), None);
    }
}
