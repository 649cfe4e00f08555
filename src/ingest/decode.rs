//! Bytes to text: UTF-8 with or without BOM, or GB18030 (which covers GBK and GB2312, what
//! Excel and WPS write on Chinese Windows). Invalid bytes are an error with their position.

use encoding_rs::{DecoderResult, GB18030};
use std::borrow::Cow;

use crate::config::Encoding;

/// Where decoding failed: 1-based line and column (in characters) of the first bad byte.
#[derive(Debug, PartialEq, Eq)]
pub struct BadBytes {
    pub line: u64,
    pub column: u64,
    pub bytes: Vec<u8>,
    pub encoding: &'static str,
}

impl BadBytes {
    pub fn message(&self) -> String {
        let hex: Vec<String> = self.bytes.iter().map(|b| format!("{b:02X}")).collect();
        format!("invalid bytes {} for {}", hex.join(" "), self.encoding)
    }
}

/// The decoded text (BOM removed, CRLF and CR turned into LF) and the encoding used.
pub fn decode(bytes: &[u8], declared: Encoding) -> Result<(Cow<'_, str>, &'static str), BadBytes> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF");
    let utf8 = std::str::from_utf8(body.unwrap_or(bytes));
    let use_utf8 = match declared {
        Encoding::Utf8 => true,
        Encoding::Gb18030 => false,
        Encoding::Auto => body.is_some() || utf8.is_ok(),
    };
    let text = if use_utf8 {
        let body = body.unwrap_or(bytes);
        match utf8 {
            // Borrowed: a country's file is not copied to be read.
            Ok(t) => Cow::Borrowed(t),
            Err(e) => {
                let good = &body[..e.valid_up_to()];
                let len = e.error_len().unwrap_or(body.len() - e.valid_up_to());
                let bad = body[e.valid_up_to()..e.valid_up_to() + len.min(4)].to_vec();
                return Err(bad_bytes(
                    std::str::from_utf8(good).unwrap_or(""),
                    bad,
                    "UTF-8",
                ));
            }
        }
    } else {
        Cow::Owned(decode_gb18030(bytes)?)
    };
    let name = if use_utf8 { "UTF-8" } else { "GB18030" };
    Ok((normalize_newlines(text), name))
}

fn decode_gb18030(bytes: &[u8]) -> Result<String, BadBytes> {
    let mut decoder = GB18030.new_decoder_without_bom_handling();
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
                let bad = bytes[start..end].to_vec();
                let decoded_before = out.clone();
                return Err(bad_bytes(&decoded_before, bad, "GB18030/GBK"));
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

    #[test]
    fn reads_utf8_with_and_without_bom() {
        let (t, e) = decode("年份,村\r\n2019,竹林\r\n".as_bytes(), Encoding::Auto).unwrap();
        assert_eq!((&*t, e), ("年份,村\n2019,竹林\n", "UTF-8"));
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice("年份".as_bytes());
        assert_eq!(decode(&bom, Encoding::Auto).unwrap().0, "年份");
    }

    #[test]
    fn detects_gbk() {
        let (gbk, _, _) = GB18030.encode("年份,村名\n2019,竹林村\n");
        let (t, e) = decode(&gbk, Encoding::Auto).unwrap();
        assert_eq!((&*t, e), ("年份,村名\n2019,竹林村\n", "GB18030"));
    }

    #[test]
    fn points_at_invalid_bytes() {
        let mut bytes = "a,b\n1,竹".as_bytes().to_vec();
        bytes.push(0xFF);
        let err = decode(&bytes, Encoding::Utf8).unwrap_err();
        assert_eq!((err.line, err.column), (2, 4));
        assert_eq!(err.message(), "invalid bytes FF for UTF-8");

        let mut gbk = GB18030.encode("a,b\n1,竹").0.into_owned();
        gbk.extend_from_slice(b"\x81\x20");
        let err = decode(&gbk, Encoding::Auto).unwrap_err();
        assert_eq!((err.line, err.column), (2, 4));
        assert_eq!(err.message(), "invalid bytes 81 for GB18030/GBK");
    }
}
