//! A column that repeats another in another unit (`播种面积/公顷` beside `播种面积/亩`, as
//! village forms often give an area in both): taken as a copy only when every row's two
//! figures are the same quantity within the rounding of the cells, so that leaving it unread
//! is no guess.

use std::str::FromStr;

use rust_decimal::Decimal;

/// Whether every row's figures `a` (in a unit of factor `fa`) and `b` (factor `fb`) are the
/// same quantity, within half a unit of each cell's last decimal; a row must hold both.
pub fn same_quantity<'a>(
    rows: impl Iterator<Item = (&'a str, &'a str)>,
    fa: Decimal,
    fb: Decimal,
) -> bool {
    let mut compared = false;
    for (a, b) in rows {
        match (figure(a), figure(b)) {
            (Ok(None), Ok(None)) => {}
            (Ok(Some(a)), Ok(Some(b))) => {
                let tolerance = half_last(a) * fa + half_last(b) * fb;
                if (a * fa - b * fb).abs() > tolerance {
                    return false;
                }
                compared = true;
            }
            _ => return false,
        }
    }
    compared
}

/// A cell's figure (`None` when empty), as written: thousands separators allowed.
fn figure(text: &str) -> Result<Option<Decimal>, ()> {
    let text = text.trim().replace(',', "");
    if text.is_empty() {
        return Ok(None);
    }
    Decimal::from_str(&text).map(Some).map_err(|_| ())
}

/// Half a unit of the figure's last decimal: 0.05 for 23.6, 0.5 for 354.
fn half_last(value: Decimal) -> Decimal {
    Decimal::new(5, value.scale() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_agrees_in_every_row_within_rounding() {
        let (mu, ha) = (Decimal::ONE, Decimal::new(15, 0));
        let rows = [("354", "23.6"), ("100", "6.67"), ("", ""), ("1,500", "100")];
        assert!(same_quantity(rows.into_iter(), mu, ha));
        // 6.5 公顷 is 97.5 亩, not 100.
        assert!(!same_quantity([("100", "6.5")].into_iter(), mu, ha));
        // One figure without the other, or text: no copy.
        assert!(!same_quantity([("100", "")].into_iter(), mu, ha));
        assert!(!same_quantity([("100", "约6.7")].into_iter(), mu, ha));
        assert!(!same_quantity([("", "")].into_iter(), mu, ha));
    }
}
