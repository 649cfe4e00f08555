//! From exact sums to the numbers people read: each figure is divided and rounded once,
//! here, from the integers the aggregation produced.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::aggregate::facts::FACT_SCALE;
use crate::aggregate::indicators::Indicator;

/// One row of the results: sums as integers at `FACT_SCALE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    pub num: i128,
    pub den: Option<i128>,
    /// Gross output value at last year's prices.
    pub comp: Option<i128>,
    pub prev_num: Option<i128>,
    pub prev_den: Option<i128>,
}

const SCALE_DIGITS: u32 = 8;
const _: () = assert!(FACT_SCALE == 100_000_000);

fn decimal(v: i128) -> Decimal {
    Decimal::from_i128_with_scale(v, SCALE_DIGITS)
}

fn round(v: Decimal, decimals: u32) -> Decimal {
    v.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

impl Figure {
    pub fn sum(num: i128, prev_num: Option<i128>, comp: Option<i128>) -> Figure {
        Figure {
            num,
            den: None,
            comp,
            prev_num,
            prev_den: None,
        }
    }

    /// The exact figure in the indicator's unit; a ratio to 28 significant digits.
    fn exact(indicator: &Indicator, num: i128, den: Option<i128>) -> Option<Decimal> {
        match (indicator.ratio, den) {
            (Some(ratio), Some(den)) => {
                if den == 0 {
                    return None;
                }
                let q = decimal(num).checked_div(decimal(den))?;
                q.checked_mul(Decimal::from(ratio.multiplier))
            }
            (Some(_), None) => None,
            (None, _) => decimal(num).checked_div(Decimal::from(indicator.divisor)),
        }
    }

    pub fn exact_value(&self, indicator: &Indicator) -> Option<Decimal> {
        Figure::exact(indicator, self.num, self.den)
    }

    pub fn exact_previous(&self, indicator: &Indicator) -> Option<Decimal> {
        Figure::exact(indicator, self.prev_num?, self.prev_den)
    }

    /// The figure rounded to `decimals` places.
    pub fn value(&self, indicator: &Indicator, decimals: u32) -> Option<Decimal> {
        self.exact_value(indicator).map(|v| round(v, decimals))
    }

    pub fn previous(&self, indicator: &Indicator, decimals: u32) -> Option<Decimal> {
        self.exact_previous(indicator).map(|v| round(v, decimals))
    }

    /// This year minus last year, from the exact figures.
    pub fn change(&self, indicator: &Indicator, decimals: u32) -> Option<Decimal> {
        let change = self.exact_value(indicator)? - self.exact_previous(indicator)?;
        Some(round(change, decimals))
    }

    /// Growth on last year in %, to 1 decimal place by default. Gross output value grows at
    /// comparable prices: this year's quantities at last year's prices over last year's value.
    pub fn growth_pct(&self, indicator: &Indicator) -> Option<Decimal> {
        self.growth_pct_dp(indicator, 1)
    }

    pub fn growth_pct_dp(&self, indicator: &Indicator, decimals: u32) -> Option<Decimal> {
        let previous = self.exact_previous(indicator)?;
        if previous.is_zero() {
            return None;
        }
        let now = match self.comp {
            Some(comp) if indicator.key == "gross_output_value" => {
                Figure::exact(indicator, comp, None)?
            }
            _ => self.exact_value(indicator)?,
        };
        let growth = (now - previous).checked_div(previous)? * Decimal::ONE_HUNDRED;
        Some(round(growth, decimals))
    }
}

/// A decimal for a CSV file: exact, no trailing zeros, no exponent.
pub fn plain(v: Decimal) -> String {
    let n = v.normalize();
    if n.is_zero() {
        "0".to_string()
    } else {
        n.to_string()
    }
}

/// A decimal for a report: exactly `decimals` places.
pub fn fixed(v: Decimal, decimals: u32) -> String {
    let mut r = round(v, decimals);
    r.rescale(decimals);
    if r.is_zero() {
        r = r.abs();
    }
    r.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::indicators::get;

    const S: i128 = FACT_SCALE;

    #[test]
    fn sums_convert_exactly_to_report_units() {
        let gov = get("gross_output_value").unwrap();
        let f = Figure::sum(75_650_000 * S + 1, None, None);
        assert_eq!(plain(f.exact_value(gov).unwrap()), "7565.000000000001");
        assert_eq!(fixed(f.value(gov, 2).unwrap(), 2), "7565.00");
    }

    #[test]
    fn ratios_divide_the_sums_once() {
        let pc = get("net_income_per_capita").unwrap();
        let f = Figure {
            num: 129_153_200 * S,
            den: Some(14_900 * S),
            comp: None,
            prev_num: Some(118_978_200 * S),
            prev_den: Some(14_850 * S),
        };
        assert_eq!(plain(f.value(pc, 4).unwrap()), "8668");
        assert_eq!(plain(f.previous(pc, 4).unwrap()), "8012");
        assert_eq!(plain(f.change(pc, 4).unwrap()), "656");
        assert_eq!(plain(f.growth_pct_dp(pc, 2).unwrap()), "8.19");
    }

    #[test]
    fn gross_output_value_grows_at_comparable_prices() {
        let gov = get("gross_output_value").unwrap();
        let f = Figure::sum(120 * S, Some(100 * S), Some(110 * S));
        assert_eq!(plain(f.growth_pct(gov).unwrap()), "10");
        assert_eq!(plain(f.change(gov, 4).unwrap()), "0.002");
    }

    #[test]
    fn no_ratio_without_a_denominator() {
        let rate = get("offtake_rate").unwrap();
        let f = Figure {
            num: 5 * S,
            den: Some(0),
            comp: None,
            prev_num: None,
            prev_den: None,
        };
        assert_eq!(f.value(rate, 2), None);
        assert_eq!(f.growth_pct(rate), None);
    }
}
