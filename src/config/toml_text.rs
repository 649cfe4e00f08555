//! The TOML reader's words about a pipeline file, in the user's language. English keeps them
//! as the reader gives them; in Chinese the usual ones (a key missing, unknown or given twice,
//! a `TODO` left where a number belongs) are said again, and any other is framed as a problem
//! of the pipeline file.

use super::plan::is_todo;
use crate::lang::{self, Lang, Msg};

/// `text` without its backquotes: "`year`" → "year".
fn quoted(text: &str) -> Option<&str> {
    text.strip_prefix('`')?.strip_suffix('`')
}

/// The message of a TOML error, `raw` as the reader words it.
pub fn message(raw: &str) -> String {
    message_in(lang::current(), raw)
}

fn message_in(lang: Lang, raw: &str) -> String {
    let raw = raw.trim();
    if lang == Lang::En {
        return raw.to_string();
    }
    let text = |msg, args: &[(&str, &str)]| {
        let args: Vec<(&str, String)> = args.iter().map(|(k, v)| (*k, v.to_string())).collect();
        lang::text_in(lang, msg, &args)
    };
    if let Some(key) = raw.strip_prefix("missing field ").and_then(quoted) {
        return text(Msg::CfgTomlMissingKey, &[("key", key)]);
    }
    let unknown = raw
        .strip_prefix("unknown field ")
        .and_then(|r| r.split_once(", expected one of "));
    if let Some((key, expected)) = unknown.and_then(|(k, e)| Some((quoted(k)?, e))) {
        let separator = lang::text_in(lang, Msg::CfgSeparator, &[]);
        let expected = expected.split(", ").collect::<Vec<_>>().join(&separator);
        return text(
            Msg::CfgTomlUnknownKey,
            &[("key", key), ("expected", &expected)],
        );
    }
    let string = raw
        .strip_prefix("invalid type: string \"")
        .and_then(|r| r.split_once("\", expected "));
    if let Some((value, _)) = string.filter(|(value, _)| is_todo(value)) {
        return text(Msg::CfgTomlTodo, &[("value", value)]);
    }
    if raw == "duplicate key" {
        return text(Msg::CfgTomlDuplicateKey, &[]);
    }
    text(Msg::CfgSyntax, &[("message", raw)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::spec::RawPipeline;

    /// The reader's own message for `text`, in Chinese and in English.
    fn said(text: &str) -> (String, String) {
        let raw = toml::from_str::<RawPipeline>(text)
            .unwrap_err()
            .message()
            .to_string();
        (message_in(Lang::Zh, &raw), message_in(Lang::En, &raw))
    }

    #[test]
    fn the_readers_usual_words_are_said_in_chinese_and_kept_in_english() {
        let head = "[pipeline]\nname = \"t\"\n";
        let todo = format!("{head}year = \"TODO: 请填写报告年份\"\noutput = \"o\"\n");
        assert_eq!(
            said(&todo),
            (
                "这一项还没有填写（现为“TODO: 请填写报告年份”）".to_string(),
                "invalid type: string \"TODO: 请填写报告年份\", expected i32".to_string()
            )
        );
        let (zh, en) = said(&format!("{head}year = 2019\n"));
        assert_eq!(
            (zh.as_str(), en.as_str()),
            ("缺少 `output` 这一项", "missing field `output`")
        );
        let (zh, _) = said(&format!("{head}year = 2019\noutput = \"o\"\nyaer = 1\n"));
        assert!(
            zh.starts_with("不认识的键 `yaer`（应为 `name`、`year`、"),
            "{zh}"
        );
        let (zh, _) = said(&format!("{head}year = 2019\nyear = 2019\n"));
        assert_eq!(zh, "同一个键写了两次");
        let (zh, _) = said(&format!("{head}year = 2019\noutput = \"o\n"));
        assert!(zh.starts_with("流程文件写法有误："), "{zh}");
    }
}
