//! The units a workbook states itself: in a column's header (`产量(公斤)`, `播种面积/亩`) or in
//! a unit line above the table (`单位：亩、公斤`). They apply where the pipeline declares no
//! unit for the field; a declared unit always wins.

use rust_decimal::Decimal;

use crate::schema::FieldKind;
use crate::units::Dimension;

const DIMENSIONS: [Dimension; 4] = [
    Dimension::Area,
    Dimension::Weight,
    Dimension::Money,
    Dimension::Price,
];

/// What a header says about its unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stated {
    /// Nothing.
    None,
    /// A unit of the column's dimension, with its factor.
    Known(String, Decimal),
    /// Text in brackets that is no unit of the column's dimension (`产量(担)`).
    Unknown(String),
}

/// The unit written in header `header` for a column measuring `dimension`: the text in its
/// closing brackets, or what follows a `/` (a two-row header's lower cell).
pub fn in_header(header: &str, dimension: Dimension) -> Stated {
    if dimension == Dimension::Count {
        return Stated::None;
    }
    let header = header.trim();
    if let Some(inner) = bracketed(header) {
        return match dimension.factor(inner) {
            Some(f) => Stated::Known(inner.trim().to_string(), f),
            None => Stated::Unknown(inner.trim().to_string()),
        };
    }
    // From the first slash: 单价/元/公斤 is 元/公斤.
    for (at, _) in header.match_indices('/') {
        let unit = &header[at + 1..];
        if let Some(f) = dimension.factor(unit) {
            return Stated::Known(unit.trim().to_string(), f);
        }
    }
    Stated::None
}

/// The text inside the brackets a header ends with: `产量(公斤)` or `产量（公斤）`.
fn bracketed(header: &str) -> Option<&str> {
    let body = header
        .strip_suffix(')')
        .or_else(|| header.strip_suffix('）'))?;
    let open = body.rfind(['(', '（'])?;
    let bracket_len = body[open..].chars().next()?.len_utf8();
    Some(&body[open + bracket_len..])
}

/// A unit line's text after `单位：`, if `text` is one.
pub fn unit_line(text: &str) -> Option<&str> {
    let rest = text.trim().strip_prefix("单位")?.trim_start();
    rest.strip_prefix([':', '：']).map(str::trim)
}

/// The units a unit line names, by dimension: `亩、公斤` gives 亩 for areas and 公斤 for
/// weights. Words that are no unit (人, 户, 头) are passed over.
pub fn line_units(units: &str) -> Vec<(Dimension, String)> {
    let mut found = Vec::new();
    for word in units.split(['、', '，', ',', '；', ';', ' ', '　']) {
        for d in DIMENSIONS {
            if d.factor(word).is_some() && !word.is_empty() {
                found.push((d, word.trim().to_string()));
            }
        }
    }
    found
}

/// The unit a unit line gives fields of `kind`: `Ok(None)` if it names none of its
/// dimension, `Err` listing them if it names more than one.
pub fn from_line(
    kind: FieldKind,
    units: &[(Dimension, String)],
) -> Result<Option<(String, Decimal)>, Vec<String>> {
    let FieldKind::Number(dimension) = kind else {
        return Ok(None);
    };
    let names: Vec<&String> = units
        .iter()
        .filter(|(d, _)| *d == dimension)
        .map(|(_, u)| u)
        .collect();
    match names[..] {
        [] => Ok(None),
        [one] => Ok(dimension.factor(one).map(|f| (one.clone(), f))),
        _ => Err(names.into_iter().cloned().collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(unit: &str, factor: i64) -> Stated {
        Stated::Known(unit.to_string(), Decimal::new(factor, 0))
    }

    #[test]
    fn reads_units_in_headers() {
        assert_eq!(in_header("产量(公斤)", Dimension::Weight), known("公斤", 1));
        assert_eq!(
            in_header("产量（吨）", Dimension::Weight),
            known("吨", 1000)
        );
        assert_eq!(in_header("播种面积/亩", Dimension::Area), known("亩", 1));
        assert_eq!(
            in_header("播种面积/公顷", Dimension::Area),
            known("公顷", 15)
        );
        assert_eq!(
            in_header("单价(元/公斤)", Dimension::Price),
            known("元/公斤", 1)
        );
        assert_eq!(
            in_header("单价/元/公斤", Dimension::Price),
            known("元/公斤", 1)
        );
        assert_eq!(in_header("分红金额", Dimension::Money), Stated::None);
        assert_eq!(in_header("出栏数(头)", Dimension::Count), Stated::None);
        assert_eq!(
            in_header("产量(担)", Dimension::Weight),
            Stated::Unknown("担".to_string())
        );
    }

    #[test]
    fn reads_unit_lines() {
        assert_eq!(unit_line("单位：亩、公斤"), Some("亩、公斤"));
        assert_eq!(unit_line(" 单位: 万元 "), Some("万元"));
        assert_eq!(unit_line("单位名称：竹林镇"), None);
        let units = line_units("亩、公斤、人");
        let area = FieldKind::Number(Dimension::Area);
        let weight = FieldKind::Number(Dimension::Weight);
        assert_eq!(
            from_line(area, &units),
            Ok(Some(("亩".to_string(), Decimal::ONE)))
        );
        assert_eq!(
            from_line(weight, &units),
            Ok(Some(("公斤".to_string(), Decimal::ONE)))
        );
        assert_eq!(
            from_line(FieldKind::Number(Dimension::Money), &units),
            Ok(None)
        );
        let both = line_units("亩，公顷");
        assert_eq!(
            from_line(area, &both),
            Err(vec!["亩".to_string(), "公顷".to_string()])
        );
    }
}
