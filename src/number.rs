//! Numbers as people type them: full-width digits, thousands separators, stray spaces.
//! Anything that cannot be read one way only is refused, never turned into a silent zero.

use crate::lang::Msg;
use std::str::FromStr;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::fixed::{SCALE, SCALE_DIGITS};

#[derive(Debug, PartialEq, Eq)]
pub enum NumberError {
    NotANumber,
    BadGrouping,
    Negative,
    NotWhole,
    TooPrecise,
    TooLarge,
}

impl NumberError {
    /// What was expected instead, for the error message.
    /// The problem with `value`, in the user's language.
    pub fn message(&self, value: &str) -> String {
        let msg = match self {
            NumberError::NotANumber => Msg::NotANumber,
            NumberError::BadGrouping => Msg::BadGrouping,
            NumberError::Negative => Msg::Negative,
            NumberError::NotWhole => Msg::NotWhole,
            NumberError::TooPrecise => Msg::TooPrecise,
            NumberError::TooLarge => Msg::TooLarge,
        };
        crate::tr!(msg, value = value)
    }
}

/// Turns full-width characters into their ASCII forms and drops surrounding spaces.
fn to_ascii(raw: &str) -> String {
    raw.chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '．' => Some('.'),
            '，' => Some(','),
            '－' => Some('-'),
            '＋' => Some('+'),
            '\u{3000}' | '\u{a0}' => Some(' '),
            c => Some(c),
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Removes thousands separators (`,` or a single space) if they group the integer part in
/// threes; returns `None` for any other use of them.
fn ungroup(s: &str) -> Option<String> {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let sep = if int.contains(',') { ',' } else { ' ' };
    if !int.contains(sep) {
        return Some(s.to_string());
    }
    let (sign, digits) = match int.strip_prefix(['-', '+']) {
        Some(rest) => (&int[..1], rest),
        None => ("", int),
    };
    let groups: Vec<&str> = digits.split(sep).collect();
    let first_ok = (1..=3).contains(&groups[0].len());
    let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
    let all_digits = groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    if !(first_ok && rest_ok && all_digits) {
        return None;
    }
    let mut out = format!("{sign}{}", groups.concat());
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    Some(out)
}

/// Parses a cell. `Ok(None)` is an empty cell. `factor` converts to the canonical unit;
/// the result is the canonical value times `SCALE`, exact.
pub fn parse(raw: &str, factor: Decimal, whole: bool) -> Result<Option<i64>, NumberError> {
    if let Some(value) = parse_plain(raw.as_bytes(), factor, whole) {
        return Ok(Some(value));
    }
    parse_any(raw, factor, whole)
}

/// The common case, without allocating: ASCII digits with at most `SCALE_DIGITS` decimals
/// (and for counts none but zeros), and a whole factor. `None` for anything else, which
/// `parse_any` then reads or refuses; both give the same value where both read a cell.
fn parse_plain(raw: &[u8], factor: Decimal, whole: bool) -> Option<i64> {
    if !factor.fract().is_zero() {
        return None;
    }
    let factor = factor.to_i64()?;
    let (int, frac) = match raw.iter().position(|&b| b == b'.') {
        Some(dot) => (&raw[..dot], &raw[dot + 1..]),
        None => (raw, &raw[raw.len()..]),
    };
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    if int.is_empty() || int.len() > 18 || frac.len() > SCALE_DIGITS as usize {
        return None;
    }
    if !digits(int) || !digits(frac) || (whole && frac.iter().any(|&b| b != b'0')) {
        return None;
    }
    let mut value: i64 = 0;
    for &b in int {
        value = value * 10 + i64::from(b - b'0');
    }
    let mut fraction: i64 = 0;
    for i in 0..SCALE_DIGITS as usize {
        fraction = fraction * 10 + frac.get(i).map_or(0, |&b| i64::from(b - b'0'));
    }
    value
        .checked_mul(SCALE)?
        .checked_add(fraction)?
        .checked_mul(factor)
}

/// Any number as people type it (see the module's comment).
fn parse_any(raw: &str, factor: Decimal, whole: bool) -> Result<Option<i64>, NumberError> {
    let s = to_ascii(raw);
    if s.is_empty() {
        return Ok(None);
    }
    let looks_numeric = s
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b' ' | b'-' | b'+'));
    if !looks_numeric || !s.bytes().any(|b| b.is_ascii_digit()) {
        return Err(NumberError::NotANumber);
    }
    let plain = ungroup(&s).ok_or(NumberError::BadGrouping)?;
    if plain.contains([',', ' ']) {
        return Err(NumberError::BadGrouping);
    }
    let value = Decimal::from_str(&plain).map_err(|_| NumberError::NotANumber)?;
    if value.is_sign_negative() && !value.is_zero() {
        return Err(NumberError::Negative);
    }
    if whole && !value.fract().is_zero() {
        return Err(NumberError::NotWhole);
    }
    let canonical = value
        .checked_mul(factor)
        .ok_or(NumberError::TooLarge)?
        .normalize();
    if canonical.scale() > SCALE_DIGITS {
        return Err(NumberError::TooPrecise);
    }
    let scaled = canonical
        .checked_mul(Decimal::from(SCALE))
        .ok_or(NumberError::TooLarge)?
        .normalize();
    // The scale is now 0: `scaled` is a whole number of 10^-SCALE_DIGITS units.
    scaled.to_i64().map(Some).ok_or(NumberError::TooLarge)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(raw: &str) -> Result<Option<i64>, NumberError> {
        parse(raw, Decimal::ONE, false)
    }

    #[test]
    fn reads_plain_and_decimal_numbers() {
        assert_eq!(p("1234"), Ok(Some(12_340_000)));
        assert_eq!(p(" 12.5 "), Ok(Some(125_000)));
        assert_eq!(p("0"), Ok(Some(0)));
        assert_eq!(p(""), Ok(None));
        assert_eq!(p("  "), Ok(None));
    }

    #[test]
    fn accepts_unambiguous_separators_and_full_width_digits() {
        assert_eq!(p("1,234"), Ok(Some(12_340_000)));
        assert_eq!(p("1,234,567.25"), Ok(Some(12_345_672_500)));
        assert_eq!(p("１２３"), Ok(Some(1_230_000)));
        assert_eq!(p("１，２３４．５"), Ok(Some(12_345_000)));
        assert_eq!(p("1 234"), Ok(Some(12_340_000)));
    }

    #[test]
    fn rejects_ambiguous_or_broken_numbers() {
        assert_eq!(p("12,3x"), Err(NumberError::NotANumber));
        assert_eq!(p("12,3"), Err(NumberError::BadGrouping));
        assert_eq!(p("1,23,456"), Err(NumberError::BadGrouping));
        assert_eq!(p("1.234,5"), Err(NumberError::BadGrouping));
        assert_eq!(p("-5"), Err(NumberError::Negative));
        assert_eq!(p("1.2.3"), Err(NumberError::NotANumber));
        assert_eq!(p("abc"), Err(NumberError::NotANumber));
        assert_eq!(p("1.23456"), Err(NumberError::TooPrecise));
    }

    #[test]
    fn converts_units_exactly() {
        let hectare = Decimal::new(15, 0);
        assert_eq!(parse("12.5", hectare, false), Ok(Some(1_875_000)));
        let jin = Decimal::new(5, 1);
        assert_eq!(parse("3", jin, false), Ok(Some(15_000)));
        let wan = Decimal::new(10000, 0);
        assert_eq!(parse("3.6", wan, false), Ok(Some(360_000_000)));
    }

    proptest::proptest! {
        /// The fast path and the general one agree on every cell the fast path reads.
        #[test]
        fn the_fast_path_reads_as_the_general_one(
            raw in "[0-9]{0,20}(\\.[0-9]{0,6})?|[0-9 ,.+-]{0,12}",
            factor in proptest::sample::select(vec![Decimal::ONE, Decimal::from(1000), Decimal::new(15, 0), Decimal::new(5, 1), Decimal::new(10000, 0)]),
            whole: bool,
        ) {
            if let Some(fast) = parse_plain(raw.as_bytes(), factor, whole) {
                proptest::prop_assert_eq!(parse_any(&raw, factor, whole), Ok(Some(fast)));
            }
            proptest::prop_assert_eq!(parse(&raw, factor, whole), parse_any(&raw, factor, whole));
        }
    }

    proptest::proptest! {
        /// Any text is a number or an error, never a panic, whatever its length or script.
        #[test]
        fn any_text_parses_or_is_an_error(
            raw in "\\PC{0,40}|[0-9０-９.,，。 +-]{0,60}|[0-9]{15,40}",
            whole: bool,
        ) {
            let _ = parse(&raw, Decimal::new(10000, 0), whole);
            let _ = parse(&raw, Decimal::new(1, 3), whole);
        }
    }

    #[test]
    fn counts_must_be_whole() {
        assert_eq!(
            parse("12.5", Decimal::ONE, true),
            Err(NumberError::NotWhole)
        );
        assert_eq!(parse("12.0", Decimal::ONE, true), Ok(Some(120_000)));
    }

    #[test]
    fn the_fast_path_falls_back_on_edge_cases() {
        for raw in [
            "5.",
            ".5",
            "00012",
            "123456789012345678",
            "1234567890123456789",
            "0.0000",
            "9.99999",
        ] {
            for whole in [false, true] {
                assert_eq!(
                    parse(raw, Decimal::ONE, whole),
                    parse_any(raw, Decimal::ONE, whole),
                    "{raw}"
                );
            }
        }
    }
}
