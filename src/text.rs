//! Text as it leaves agristat: a cell a spreadsheet would take for a formula is made inert,
//! counts are grouped in thousands,
//! and a value echoed in a message is cut to a readable length. Names come from village
//! files, which anyone can write; opening an output must never run what they hold.

use std::borrow::Cow;

use serde::Serializer;

/// Characters that make Excel, WPS and LibreOffice read a cell as a formula (or, for tab and
/// carriage return, start one in the next cell).
pub const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `text` with a leading apostrophe if it would start a formula (the OWASP advice for CSV;
/// spreadsheets show the apostrophe-prefixed text as the text itself).
pub fn inert(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_START) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// `serialize_with` for text fields of CSV rows.
pub fn serialize_inert<T: AsRef<str>, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&inert(value.as_ref()))
}

/// Characters of a value shown in a message; a longer value is cut, with its length said.
pub const SHOWN_CHARS: usize = 60;

/// `value` for a message: whole if short, else its start and how long it is.
pub fn shown(value: &str) -> Cow<'_, str> {
    match value.char_indices().nth(SHOWN_CHARS) {
        None => Cow::Borrowed(value),
        Some((end, _)) => Cow::Owned(crate::tr!(
            crate::lang::Msg::ShownCut,
            start = &value[..end],
            length = value.chars().count()
        )),
    }
}

/// Digits with thousands separators: "2240" → "2,240", as reports and messages print counts.
pub fn group_digits(digits: &str) -> String {
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_made_inert_and_names_are_left_alone() {
        assert_eq!(
            inert("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(inert("+86测试镇"), "'+86测试镇");
        assert_eq!(inert("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(inert("-1+2"), "'-1+2");
        assert_eq!(inert("青杠村"), "青杠村");
        assert_eq!(inert("a=b"), "a=b");
        assert_eq!(inert(""), "");
    }

    #[test]
    fn digits_are_grouped_in_threes() {
        assert_eq!(group_digits("7"), "7");
        assert_eq!(group_digits("2240"), "2,240");
        assert_eq!(group_digits("1234567"), "1,234,567");
        assert_eq!(group_digits(""), "");
    }

    #[test]
    fn long_values_are_cut_in_messages() {
        assert_eq!(shown("12,3x"), "12,3x");
        let long = "村".repeat(100_000);
        let cut = shown(&long);
        assert!(cut.starts_with(&"村".repeat(SHOWN_CHARS)));
        assert!(cut.ends_with("… (100000 characters)"));
        assert!(cut.chars().count() < SHOWN_CHARS + 30);
    }
}
