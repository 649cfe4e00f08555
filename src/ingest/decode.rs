//! Bytes to text: UTF-8 with or without BOM, GB18030 (which covers GBK and GB2312, what
//! Excel and WPS write on Chinese Windows), or UTF-16 with a BOM (Excel's "Unicode text",
//! tab-separated). The encoding is decided per file by evidence, line by line: one line saved
//! in another encoding is an error (or a warning) at that line, not a whole file misread.

use encoding_rs::{DecoderResult, GB18030, UTF_16BE, UTF_16LE};
use std::borrow::Cow;

use crate::config::Encoding;
use crate::error::{Location, Problem, ProblemKind};

/// Bytes that are not text in the file's encoding: 1-based line and column (in characters)
/// of the first bad byte.
#[derive(Debug, PartialEq, Eq)]
pub struct BadBytes {
    pub line: u64,
    pub column: u64,
    pub bytes: Vec<u8>,
    pub encoding: &'static str,
    /// The line as the other encoding reads it, when it does: what the user will recognise.
    pub other_reading: Option<String>,
}

impl BadBytes {
    pub fn message(&self) -> String {
        let hex: Vec<String> = self.bytes.iter().map(|b| format!("{b:02X}")).collect();
        crate::tr!(
            crate::lang::Msg::InvalidBytes,
            bytes = hex.join(" "),
            encoding = self.encoding
        )
    }

    /// The problem at its position in file `path`, with the hint.
    pub fn problem(&self, path: &std::path::Path) -> Problem {
        Problem::new(Location::at(path, self.line, self.column), self.message())
            .with_hint(self.hint())
            .of_kind(ProblemKind::Encoding)
    }

    /// What to do about it, when the line reads in the other encoding.
    pub fn hint(&self) -> Option<String> {
        let other = if self.encoding == "UTF-8" {
            "GBK"
        } else {
            "UTF-8"
        };
        self.other_reading.as_ref().map(|text| {
            crate::tr!(
                crate::lang::Msg::OtherEncodingHint,
                other = other,
                text = crate::text::shown(text),
                encoding = self.encoding
            )
        })
    }
}

/// A line of a GBK file whose bytes are UTF-8 (a name pasted from a web page or a phone):
/// read as UTF-8, and warned about, because GBK would give mojibake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MixedLine {
    pub line: u64,
    /// The line as read (UTF-8).
    pub text: String,
    /// What GBK would have made of it.
    pub as_gbk: String,
}

/// A file's text (BOM removed, CRLF and CR turned into LF), how it was read, and the lines
/// that did not fit its encoding.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static str,
    /// Comma, or tab for files whose header has tabs and no commas (Excel's "Unicode text"
    /// and "Text (tab-delimited)").
    pub delimiter: u8,
    /// Lines with bytes of another encoding: each an error; the line's text holds U+FFFD in
    /// their place, so that the row can still be located, but its figures are not read.
    pub bad: Vec<BadBytes>,
    /// UTF-8 lines in a GBK file.
    pub mixed: Vec<MixedLine>,
}

impl Decoded<'_> {
    /// Whether line `line` (1-based) held bytes of another encoding.
    pub fn is_bad_line(&self, line: u64) -> bool {
        self.bad.iter().any(|b| b.line == line)
    }
}

/// Decodes a file. Only a UTF-16 file that is not valid UTF-16 fails as a whole (its lines
/// cannot be told apart without decoding); other bad bytes are per line in `Decoded::bad`.
pub fn decode(bytes: &[u8], declared: Encoding) -> Result<Decoded<'_>, BadBytes> {
    if let Some((body, encoding, name)) = utf16(bytes) {
        let text = decode_whole(body, encoding, name)?;
        return Ok(decoded(Cow::Owned(text), name, Vec::new(), Vec::new()));
    }
    let bom = bytes.strip_prefix(b"\xEF\xBB\xBF");
    let body = bom.unwrap_or(bytes);
    let utf8 = std::str::from_utf8(body);
    if declared != Encoding::Gb18030 {
        if let Ok(text) = utf8 {
            // Borrowed: a country's file is not copied to be read.
            return Ok(decoded(
                Cow::Borrowed(text),
                "UTF-8",
                Vec::new(),
                Vec::new(),
            ));
        }
    }
    let lines: Vec<&[u8]> = split_lines(body).collect();
    let use_utf8 = match declared {
        Encoding::Utf8 => true,
        Encoding::Gb18030 => false,
        Encoding::Auto => bom.is_some() || mostly_utf8(&lines),
    };
    Ok(if use_utf8 {
        read_lines_utf8(&lines)
    } else {
        read_lines_gb18030(&lines)
    })
}

fn decoded<'a>(
    text: Cow<'a, str>,
    encoding: &'static str,
    bad: Vec<BadBytes>,
    mixed: Vec<MixedLine>,
) -> Decoded<'a> {
    let text = normalize_newlines(text);
    let header = text.lines().next().unwrap_or("");
    let delimiter = if header.contains('\t') && !header.contains(',') {
        b'\t'
    } else {
        b','
    };
    Decoded {
        text,
        encoding,
        delimiter,
        bad,
        mixed,
    }
}

/// A UTF-16 file, by its BOM: the body, its decoder and its name.
fn utf16(bytes: &[u8]) -> Option<(&[u8], &'static encoding_rs::Encoding, &'static str)> {
    if let Some(body) = bytes.strip_prefix(b"\xFF\xFE") {
        Some((body, UTF_16LE, "UTF-16LE"))
    } else {
        bytes
            .strip_prefix(b"\xFE\xFF")
            .map(|body| (body, UTF_16BE, "UTF-16BE"))
    }
}

/// The lines of a file without their line ends (LF, CRLF or CR).
fn split_lines(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = bytes;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .unwrap_or(rest.len());
        let line = &rest[..end];
        let skip = match rest.get(end..end + 2) {
            Some(b"\r\n") => 2,
            _ => usize::from(end < rest.len()),
        };
        rest = &rest[end + skip..];
        Some(line)
    })
}

/// The evidence: lines with non-ASCII bytes that are UTF-8 against those that are not. A
/// file whose header and most such lines are UTF-8 is UTF-8; a tie goes to the header.
fn mostly_utf8(lines: &[&[u8]]) -> bool {
    let (mut utf8, mut other) = (0usize, 0usize);
    for line in lines.iter().filter(|l| !l.is_ascii()) {
        match chinese_utf8(line) {
            Some(_) => utf8 += 1,
            None => other += 1,
        }
    }
    let header_utf8 = lines.first().is_some_and(|h| chinese_utf8(h).is_some());
    utf8 > other || (utf8 == other && header_utf8)
}

/// A line that is UTF-8 as a Chinese user writes it: non-ASCII, and every non-ASCII character
/// Chinese (or CJK punctuation, full-width forms, curly quotes). GBK bytes are sometimes
/// valid UTF-8 by chance (牛 is C5 A3, which UTF-8 reads as ţ), but not as Chinese text.
fn chinese_utf8(line: &[u8]) -> Option<&str> {
    let text = std::str::from_utf8(line)
        .ok()
        .filter(|_| !line.is_ascii())?;
    let chinese = |c: char| {
        matches!(c as u32,
            0x00B7 | 0x00D7 | 0x2000..=0x206F | 0x3000..=0x303F | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3134F)
    };
    text.chars()
        .all(|c| c.is_ascii() || chinese(c))
        .then_some(text)
}

fn read_lines_utf8<'a>(lines: &[&[u8]]) -> Decoded<'a> {
    let mut text = String::new();
    let mut bad = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        match std::str::from_utf8(line) {
            Ok(t) => text.push_str(t),
            Err(e) => {
                let good = std::str::from_utf8(&line[..e.valid_up_to()]).unwrap_or("");
                let len = e.error_len().unwrap_or(line.len() - e.valid_up_to());
                let bytes = line[e.valid_up_to()..e.valid_up_to() + len.min(4)].to_vec();
                let other_reading = GB18030
                    .decode_without_bom_handling_and_without_replacement(line)
                    .map(Cow::into_owned);
                bad.push(BadBytes {
                    line: i as u64 + 1,
                    column: good.chars().count() as u64 + 1,
                    bytes,
                    encoding: "UTF-8",
                    other_reading,
                });
                text.push_str(&String::from_utf8_lossy(line));
            }
        }
        text.push('\n');
    }
    decoded(Cow::Owned(text), "UTF-8", bad, Vec::new())
}

fn read_lines_gb18030<'a>(lines: &[&[u8]]) -> Decoded<'a> {
    let mut text = String::new();
    let (mut bad, mut mixed) = (Vec::new(), Vec::new());
    for (i, line) in lines.iter().enumerate() {
        let number = i as u64 + 1;
        if let Some(utf8) = chinese_utf8(line) {
            let (as_gbk, _) = GB18030.decode_without_bom_handling(line);
            mixed.push(MixedLine {
                line: number,
                text: utf8.to_string(),
                as_gbk: as_gbk.into_owned(),
            });
            text.push_str(utf8);
        } else {
            match decode_whole(line, GB18030, "GB18030/GBK") {
                Ok(t) => text.push_str(&t),
                Err(mut b) => {
                    b.line = number;
                    b.other_reading = None;
                    bad.push(b);
                    text.push_str(&GB18030.decode_without_bom_handling(line).0);
                }
            }
        }
        text.push('\n');
    }
    decoded(Cow::Owned(text), "GB18030", bad, mixed)
}

/// Decodes all of `bytes`; the first malformed sequence is an error at its position.
fn decode_whole(
    bytes: &[u8],
    encoding: &'static encoding_rs::Encoding,
    name: &'static str,
) -> Result<String, BadBytes> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len() * 3 + 16);
    let mut out = String::with_capacity(capacity);
    let mut read_total = 0;
    loop {
        let (result, read) =
            decoder.decode_to_string_without_replacement(&bytes[read_total..], &mut out, true);
        read_total += read;
        match result {
            DecoderResult::InputEmpty => return Ok(out),
            DecoderResult::OutputFull => out.reserve(bytes.len().max(16)),
            DecoderResult::Malformed(bad_len, consumed_after) => {
                let end = read_total - consumed_after as usize;
                let start = end - bad_len as usize;
                return Err(bad_bytes(&out, bytes[start..end].to_vec(), name));
            }
        }
    }
}

fn bad_bytes(decoded_before: &str, bytes: Vec<u8>, encoding: &'static str) -> BadBytes {
    let normalized = normalize_newlines(Cow::Borrowed(decoded_before));
    let line = normalized.matches('\n').count() as u64 + 1;
    let column = normalized
        .rsplit('\n')
        .next()
        .map_or(0, |l| l.chars().count()) as u64
        + 1;
    BadBytes {
        line,
        column,
        bytes,
        encoding,
        other_reading: None,
    }
}

/// The csv crate miscounts lines on CRLF input (rust-csv #395), so every file is read as LF.
fn normalize_newlines(text: Cow<'_, str>) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    fn gbk(text: &str) -> Vec<u8> {
        GB18030.encode(text).0.into_owned()
    }

    #[test]
    fn reads_utf8_with_and_without_bom() {
        let d = decode("年份,村\r\n2019,竹林\r\n".as_bytes(), Encoding::Auto).unwrap();
        assert_eq!((&*d.text, d.encoding), ("年份,村\n2019,竹林\n", "UTF-8"));
        assert!(matches!(d.text, Cow::Borrowed(_)) || d.text.contains('\n'));
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice("年份".as_bytes());
        assert_eq!(decode(&bom, Encoding::Auto).unwrap().text, "年份");
    }

    #[test]
    fn detects_gbk() {
        let bytes = gbk("年份,村名\n2019,竹林村\n");
        let d = decode(&bytes, Encoding::Auto).unwrap();
        assert_eq!(
            (&*d.text, d.encoding),
            ("年份,村名\n2019,竹林村\n", "GB18030")
        );
        assert!(d.bad.is_empty() && d.mixed.is_empty());
    }

    #[test]
    fn points_at_invalid_bytes() {
        let mut bytes = "a,b\n1,竹".as_bytes().to_vec();
        bytes.push(0xFF);
        let d = decode(&bytes, Encoding::Utf8).unwrap();
        let err = &d.bad[0];
        assert_eq!((err.line, err.column), (2, 4));
        assert_eq!(err.message(), "invalid bytes FF for UTF-8");

        let mut bytes = gbk("a,b\n1,竹");
        bytes.extend_from_slice(b"\x81\x20");
        let d = decode(&bytes, Encoding::Auto).unwrap();
        let err = &d.bad[0];
        assert_eq!((err.line, err.column), (2, 4));
        assert_eq!(err.message(), "invalid bytes 81 for GB18030/GBK");
        assert!(d.is_bad_line(2) && !d.is_bad_line(1));
    }

    #[test]
    fn a_utf8_file_with_one_gbk_line_is_utf8_with_one_bad_line() {
        let mut bytes = "年份,村名\n2019,青杠村\n".as_bytes().to_vec();
        bytes.extend(gbk("2019,竹林村\n"));
        bytes.extend("2019,石门村\n".as_bytes());
        let d = decode(&bytes, Encoding::Auto).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.bad.len(), 1);
        let bad = &d.bad[0];
        assert_eq!((bad.line, bad.column), (3, 6));
        assert_eq!(bad.other_reading.as_deref(), Some("2019,竹林村"));
        assert!(bad.hint().unwrap().contains("saved in GBK"));
        // The other lines read as they are, on the lines they are on.
        let lines: Vec<&str> = d.text.lines().collect();
        assert_eq!(lines[1], "2019,青杠村");
        assert_eq!(lines[3], "2019,石门村");
    }

    #[test]
    fn a_utf8_line_in_a_gbk_file_is_read_as_utf8_and_reported() {
        let mut bytes = gbk("年份,村名\n2019,青杠村\n");
        bytes.extend("2019,竹林村\n".as_bytes());
        bytes.extend(gbk("2019,石门村\n"));
        let d = decode(&bytes, Encoding::Auto).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert!(d.bad.is_empty());
        assert_eq!(d.mixed.len(), 1);
        assert_eq!(d.mixed[0].line, 3);
        assert_eq!(d.mixed[0].text, "2019,竹林村");
        assert_eq!(d.mixed[0].as_gbk, "2019,绔规灄鏉�");
        assert_eq!(d.text, "年份,村名\n2019,青杠村\n2019,竹林村\n2019,石门村\n");
    }

    #[test]
    fn gbk_that_is_valid_utf8_by_chance_stays_gbk() {
        // 牛 in GBK is C5 A3, ţ in UTF-8.
        let bytes = gbk("畜种,存栏\n牛,12\n");
        let d = decode(&bytes, Encoding::Auto).unwrap();
        assert_eq!(d.text, "畜种,存栏\n牛,12\n");
        assert!(d.mixed.is_empty());
        let one_line = gbk("牛,12\n");
        assert_eq!(
            decode(&one_line, Encoding::Gb18030).unwrap().text,
            "牛,12\n"
        );
    }

    #[test]
    fn reads_utf16_with_a_bom_tab_separated() {
        for (bom, encode) in [
            (&b"\xFF\xFE"[..], u16::to_le_bytes as fn(u16) -> [u8; 2]),
            (&b"\xFE\xFF"[..], u16::to_be_bytes),
        ] {
            let mut bytes = bom.to_vec();
            for unit in "年份\t村名\r\n2019\t竹林村\r\n".encode_utf16() {
                bytes.extend(encode(unit));
            }
            let d = decode(&bytes, Encoding::Auto).unwrap();
            assert_eq!(d.text, "年份\t村名\n2019\t竹林村\n");
            assert_eq!(d.delimiter, b'\t');
            assert!(d.encoding.starts_with("UTF-16"));
        }
        // A comma-separated header keeps commas even with a tab in a cell.
        let d = decode("a,b\tc\n".as_bytes(), Encoding::Auto).unwrap();
        assert_eq!(d.delimiter, b',');
    }

    #[test]
    fn an_odd_utf16_file_is_one_error() {
        let err = decode(b"\xFF\xFEa\x00\x00\xD8", Encoding::Auto).unwrap_err();
        assert_eq!(err.line, 1);
        assert!(err.encoding.starts_with("UTF-16"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        /// Any bytes decode without a panic; every bad line is a line of the file, and (but
        /// for UTF-16) the text keeps the file's lines where they were.
        #[test]
        fn any_bytes_decode_line_for_line(
            bom in proptest::sample::select(vec![&b""[..], b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF"]),
            lines in proptest::collection::vec(
                proptest::prop_oneof![
                    "\\PC{0,20}".prop_map(String::into_bytes),
                    "\\PC{0,20}".prop_map(|t| gbk(&t)),
                    proptest::collection::vec(proptest::prelude::any::<u8>(), 0..30)
                        .prop_map(|b| b.into_iter().filter(|&c| c != b'\n' && c != b'\r').collect()),
                ],
                0..20,
            ),
            declared in proptest::sample::select(vec![Encoding::Auto, Encoding::Utf8, Encoding::Gb18030]),
        ) {
            let body = lines.join(&b'\n');
            let mut bytes = bom.to_vec();
            bytes.extend(&body);
            if let Ok(d) = decode(&bytes, declared) {
                let count = split_lines(&body).count() as u64;
                for bad in &d.bad {
                    proptest::prop_assert!(bad.line >= 1 && bad.line <= count);
                    proptest::prop_assert!(!bad.bytes.is_empty());
                }
                if !d.encoding.starts_with("UTF-16") {
                    proptest::prop_assert_eq!(d.text.lines().count() as u64, count);
                }
            }
        }
    }

    #[test]
    fn lines_end_in_lf_crlf_or_cr() {
        let lines: Vec<&[u8]> = split_lines(b"a\r\nb\rc\nd").collect();
        assert_eq!(lines, [&b"a"[..], b"b", b"c", b"d"]);
        assert_eq!(split_lines(b"a\n\nb\n").count(), 3);
    }
}
