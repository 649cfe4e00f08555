//! From exact sums to the numbers people read: each figure is divided and rounded once,
//! here, from the integers the aggregation produced.

use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::fixed::FACT_SCALE;
use crate::indicators::{Ind, Indicator};

/// One row of the results: sums as integers at `FACT_SCALE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    pub num: i128,
    pub den: Option<i128>,
    /// Gross output value at last year's prices.
    pub comp: Option<i128>,
    pub prev_num: Option<i128>,
    pub prev_den: Option<i128>,
    /// The base year's figure, for growth since the base year and average annual growth.
    pub base: Option<Base>,
}

/// The base year's side of a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Base {
    pub num: i128,
    pub den: Option<i128>,
    /// Gross output value of this year at the base year's prices.
    pub comp: Option<i128>,
    /// Years from the base year to this one (n of the average annual growth rate).
    pub years: u32,
}

const SCALE_DIGITS: u32 = 8;
const _: () = assert!(FACT_SCALE == 100_000_000);

/// An exact sum as a decimal; none past the decimal's 96 bits (a sum of at most 2³²
/// villages' checked `i64` sums stays within them).
fn decimal(v: i128) -> Option<Decimal> {
    Decimal::try_from_i128_with_scale(v, SCALE_DIGITS).ok()
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
            base: None,
        }
    }

    /// The exact figure in the indicator's unit; a ratio to 28 significant digits.
    fn exact(indicator: &Indicator, num: i128, den: Option<i128>) -> Option<Decimal> {
        match (indicator.ratio, den) {
            (Some(ratio), Some(den)) => {
                if den == 0 {
                    return None;
                }
                let q = decimal(num)?.checked_div(decimal(den)?)?;
                q.checked_mul(Decimal::from(ratio.multiplier))
            }
            (Some(_), None) => None,
            (None, _) => decimal(num)?.checked_div(Decimal::from(indicator.divisor)),
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
        let change = self
            .exact_value(indicator)?
            .checked_sub(self.exact_previous(indicator)?)?;
        Some(round(change, decimals))
    }

    /// Growth on last year in %, to 1 decimal place by default. Gross output value grows at
    /// comparable prices: this year's quantities at last year's prices over last year's value.
    pub fn growth_pct(&self, indicator: &Indicator) -> Option<Decimal> {
        self.growth_pct_dp(indicator, 1)
    }

    pub fn growth_pct_dp(&self, indicator: &Indicator, decimals: u32) -> Option<Decimal> {
        let previous = self.exact_previous(indicator)?;
        let now = self.comparable(indicator, self.comp)?;
        growth(now, previous).map(|g| round(g, decimals))
    }

    /// This year's figure as growth compares it: gross output value at the other year's
    /// prices (none without them: growth at current prices would count price changes).
    fn comparable(&self, indicator: &Indicator, comp: Option<i128>) -> Option<Decimal> {
        if indicator.id == Ind::GrossOutputValue {
            Figure::exact(indicator, comp?, None)
        } else {
            self.exact_value(indicator)
        }
    }

    fn base_pair(&self, indicator: &Indicator) -> Option<(Decimal, Decimal, u32)> {
        let base = self.base?;
        let then = Figure::exact(indicator, base.num, base.den)?;
        let now = self.comparable(indicator, base.comp)?;
        Some((now, then, base.years))
    }

    /// Growth since the base year in %, at the base year's prices for gross output value.
    pub fn growth_since_base_pct(&self, indicator: &Indicator, decimals: u32) -> Option<Decimal> {
        let (now, then, _) = self.base_pair(indicator)?;
        growth(now, then).map(|g| round(g, decimals))
    }

    /// The average annual growth rate since the base year (年均增长率) in %: the geometric
    /// mean, ((now ÷ base)^(1/n) − 1) × 100, never the mean of yearly rates. The root is
    /// taken in binary floating point (15 significant digits), then rounded once.
    pub fn average_annual_growth_pct(
        &self,
        indicator: &Indicator,
        decimals: u32,
    ) -> Option<Decimal> {
        let (now, then, years) = self.base_pair(indicator)?;
        if years == 0 || then <= Decimal::ZERO || now < Decimal::ZERO {
            return None;
        }
        let ratio = now.checked_div(then)?.to_f64()?;
        let rate = (ratio.powf(1.0 / f64::from(years)) - 1.0) * 100.0;
        Decimal::from_f64(rate).map(|r| round(r, decimals))
    }
}

/// (now − then) ÷ then × 100; none from a zero, and none past the range of a decimal.
fn growth(now: Decimal, then: Decimal) -> Option<Decimal> {
    if then.is_zero() {
        return None;
    }
    now.checked_sub(then)?
        .checked_div(then)?
        .checked_mul(Decimal::ONE_HUNDRED)
}

/// How a report names the comparison of `year` with `earlier`: 比上年 when it is the year
/// before, else 比2017年.
pub fn compared_with_zh(year: i32, earlier: i32) -> String {
    if earlier == year - 1 {
        "比上年".to_string()
    } else {
        format!("比{earlier}年")
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

    const S: i128 = FACT_SCALE;

    #[test]
    fn sums_convert_exactly_to_report_units() {
        let gov = Ind::GrossOutputValue.def();
        let f = Figure::sum(75_650_000 * S + 1, None, None);
        assert_eq!(plain(f.exact_value(gov).unwrap()), "7565.000000000001");
        assert_eq!(fixed(f.value(gov, 2).unwrap(), 2), "7565.00");
    }

    #[test]
    fn ratios_divide_the_sums_once() {
        let pc = Ind::NetIncomePerCapita.def();
        let f = Figure {
            num: 129_153_200 * S,
            den: Some(14_900 * S),
            comp: None,
            prev_num: Some(118_978_200 * S),
            prev_den: Some(14_850 * S),
            base: None,
        };
        assert_eq!(plain(f.value(pc, 4).unwrap()), "8668");
        assert_eq!(plain(f.previous(pc, 4).unwrap()), "8012");
        assert_eq!(plain(f.change(pc, 4).unwrap()), "656");
        assert_eq!(plain(f.growth_pct_dp(pc, 2).unwrap()), "8.19");
    }

    #[test]
    fn gross_output_value_grows_at_comparable_prices() {
        let gov = Ind::GrossOutputValue.def();
        let f = Figure::sum(120 * S, Some(100 * S), Some(110 * S));
        assert_eq!(plain(f.growth_pct(gov).unwrap()), "10");
        assert_eq!(plain(f.change(gov, 4).unwrap()), "0.002");
    }

    #[test]
    fn no_ratio_without_a_denominator() {
        let rate = Ind::OfftakeRate.def();
        let f = Figure {
            num: 5 * S,
            den: Some(0),
            comp: None,
            prev_num: None,
            prev_den: None,
            base: None,
        };
        assert_eq!(f.value(rate, 2), None);
        assert_eq!(f.growth_pct(rate), None);
    }

    #[test]
    fn growth_since_a_base_year_and_its_annual_average_are_geometric() {
        // 100 in 2015, 161.051 in 2020: 61.051 % in total, exactly 10 % a year.
        let pop = Ind::Population.def();
        let mut f = Figure::sum(161_051 * S / 1000, None, None);
        f.base = Some(Base {
            num: 100 * S,
            den: None,
            comp: None,
            years: 5,
        });
        assert_eq!(plain(f.growth_since_base_pct(pop, 4).unwrap()), "61.051");
        assert_eq!(plain(f.average_annual_growth_pct(pop, 4).unwrap()), "10");
        // Gross output value compares at the base year's prices, and not at all without them.
        let gov = Ind::GrossOutputValue.def();
        f.base = Some(Base {
            num: 100 * S,
            den: None,
            comp: Some(121 * S),
            years: 2,
        });
        assert_eq!(plain(f.average_annual_growth_pct(gov, 4).unwrap()), "10");
        f.base = Some(Base {
            comp: None,
            ..f.base.unwrap()
        });
        assert_eq!(f.growth_since_base_pct(gov, 4), None);
    }

    #[test]
    fn a_huge_growth_rate_is_no_figure_rather_than_a_panic() {
        let pop = Ind::Population.def();
        let f = Figure::sum(i128::MAX / 2, Some(1), None);
        assert_eq!(f.growth_pct(pop), None);
    }
}
