//! The TOML reader's words about a pipeline file, in the user's language. English keeps them
//! as the reader gives them; in Chinese the usual ones (a key missing, unknown or given twice,
//! a `TODO` left where a number belongs) are said again, and any other is framed as a problem
//! of the pipeline file.

use super::joined;
use super::plan::is_todo;
use crate::lang::{self, Lang, Msg};
use crate::tr;

/// `text` without its backquotes: "`year`" → "year".
fn quoted(text: &str) -> Option<&str> {
    text.strip_prefix('`')?.strip_suffix('`')
}

/// The message of a TOML error, `raw` as the reader words it.
pub fn message(raw: &str) -> String {
    let raw = raw.trim();
    if lang::current() == Lang::En {
        return raw.to_string();
    }
    if let Some(key) = raw.strip_prefix("missing field ").and_then(quoted) {
        return tr!(Msg::CfgTomlMissingKey, key = key);
    }
    let unknown = raw
        .strip_prefix("unknown field ")
        .and_then(|r| r.split_once(", expected one of "));
    if let Some((key, expected)) = unknown.and_then(|(k, e)| Some((quoted(k)?, e))) {
        let expected: Vec<&str> = expected.split(", ").collect();
        return tr!(
            Msg::CfgTomlUnknownKey,
            key = key,
            expected = joined(&expected)
        );
    }
    let string = raw
        .strip_prefix("invalid type: string \"")
        .and_then(|r| r.split_once("\", expected "));
    if let Some((value, _)) = string.filter(|(value, _)| is_todo(value)) {
        return tr!(Msg::CfgTomlTodo, value = value);
    }
    if raw == "duplicate key" {
        return tr!(Msg::CfgTomlDuplicateKey);
    }
    tr!(Msg::CfgSyntax, message = raw)
}
