//! The language agristat speaks: every message a user reads is looked up here, in Chinese or
//! English, from the Fluent files beside this module. Message names are a `Msg` enum, so a
//! misspelt name does not compile; a test checks that both files hold exactly the same
//! messages.

mod msg;

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

pub use msg::Msg;

/// A language of the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// `zh`, `zh-CN`, `zh_CN.UTF-8`, `zh-Hans` → Chinese; `en*`, `C`, `POSIX` → English.
    pub fn parse(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        if tag.starts_with("zh") {
            Some(Lang::Zh)
        } else if tag.starts_with("en") || tag == "c" || tag == "posix" || tag.starts_with("c.") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language of a system locale: Chinese for `zh*`, English for anything else.
    fn of_locale(locale: &str) -> Lang {
        if locale.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

/// The environment variable that chooses the language, over the system's.
pub const LANG_VAR: &str = "AGRISTAT_LANG";

/// The language to speak: `--lang` if given, else `AGRISTAT_LANG`, else the system's (on
/// Unix `LC_ALL`, `LC_MESSAGES`, `LANG`; on Windows the user's display language).
pub fn choose(flag: Option<Lang>) -> Lang {
    flag.or_else(|| std::env::var(LANG_VAR).ok().and_then(|v| Lang::parse(&v)))
        .unwrap_or_else(|| sys_locale::get_locale().map_or(Lang::En, |l| Lang::of_locale(&l)))
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Sets the language of every message from now on (once, at the start of a command).
pub fn set(lang: Lang) {
    let value = match lang {
        Lang::En => 0,
        Lang::Zh => 1,
    };
    CURRENT.store(value, Ordering::Relaxed);
}

/// The language messages are in: English until `set`.
pub fn current() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::Zh,
        _ => Lang::En,
    }
}

const ZH: &str = include_str!("zh.ftl");
const EN: &str = include_str!("en.ftl");

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static ZH_BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static EN_BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let (cell, source, id) = match lang {
        Lang::Zh => (&ZH_BUNDLE, ZH, "zh-CN"),
        Lang::En => (&EN_BUNDLE, EN, "en-US"),
    };
    cell.get_or_init(|| {
        let resource = FluentResource::try_new(source.to_string())
            .unwrap_or_else(|(_, errors)| panic!("{id}.ftl does not parse: {errors:?}"));
        let mut bundle = FluentBundle::new_concurrent(vec![id.parse().expect("a language id")]);
        // Messages go to terminals and files, not to bidirectional text: no isolation marks.
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("{id}.ftl repeats a message: {errors:?}"));
        bundle
    })
}

/// Message `msg` in `lang`, with its arguments (every value is text: numbers are formatted
/// by the caller, as the reports format them).
pub fn text_in(lang: Lang, msg: Msg, args: &[(&str, String)]) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(msg.id()).and_then(|m| m.value()) else {
        // Cannot happen: `tests::both_languages_hold_every_message`.
        return msg.id().to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    debug_assert!(errors.is_empty(), "{}: {errors:?}", msg.id());
    text.into_owned()
}

/// Message `msg` in the current language.
pub fn text(msg: Msg, args: &[(&str, String)]) -> String {
    text_in(current(), msg, args)
}

/// `items` as a sentence lists them: "2018 or 2019", "a, b and c" ("a、b和c" in Chinese);
/// `joiner` is `Msg::ListAnd` or `Msg::ListOr`.
pub fn list<T: std::fmt::Display>(items: &[T], joiner: Msg) -> String {
    list_in(current(), items, joiner)
}

fn list_in<T: std::fmt::Display>(lang: Lang, items: &[T], joiner: Msg) -> String {
    let texts: Vec<String> = items.iter().map(|i| i.to_string()).collect();
    match texts.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => {
            let separator = match lang {
                Lang::Zh => "、",
                Lang::En => ", ",
            };
            let args = [("init", init.join(separator)), ("last", last.clone())];
            text_in(lang, joiner, &args)
        }
    }
}

/// `tr!(Msg::NotANumber, value = raw, expected = e)`: the message in the current language.
#[macro_export]
macro_rules! tr {
    ($msg:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::lang::text($msg, &[$((stringify!($name), ($value).to_string())),*])
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement};
    use std::collections::BTreeSet;

    /// Message ids and the variables each uses, of a Fluent file.
    fn messages(source: &str) -> Vec<(String, BTreeSet<String>)> {
        let resource = fluent_syntax::parser::parse(source).expect("parses");
        let mut out = Vec::new();
        for entry in resource.body {
            if let Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(pattern) = &m.value {
                    for element in &pattern.elements {
                        if let PatternElement::Placeable { expression } = element {
                            collect(expression, &mut vars);
                        }
                    }
                }
                out.push((m.id.name.to_string(), vars));
            }
        }
        out
    }

    fn collect(expression: &Expression<&str>, vars: &mut BTreeSet<String>) {
        let inline = match expression {
            Expression::Inline(inline) => inline,
            Expression::Select { selector, variants } => {
                for v in variants {
                    for element in &v.value.elements {
                        if let PatternElement::Placeable { expression } = element {
                            collect(expression, vars);
                        }
                    }
                }
                selector
            }
        };
        if let InlineExpression::VariableReference { id } = inline {
            vars.insert(id.name.to_string());
        }
    }

    #[test]
    fn both_languages_hold_every_message_with_the_same_arguments() {
        let zh = messages(ZH);
        let en = messages(EN);
        let ids = |m: &[(String, BTreeSet<String>)]| -> BTreeSet<String> {
            m.iter().map(|(id, _)| id.clone()).collect()
        };
        let known: BTreeSet<String> = Msg::ALL.iter().map(|m| m.id().to_string()).collect();
        assert_eq!(ids(&zh), known, "zh.ftl against the Msg enum");
        assert_eq!(ids(&en), known, "en.ftl against the Msg enum");
        for (id, zh_vars) in &zh {
            let en_vars = &en.iter().find(|(i, _)| i == id).unwrap().1;
            assert_eq!(
                zh_vars, en_vars,
                "{id}: the two languages use other arguments"
            );
        }
    }

    #[test]
    fn lists_read_as_sentences() {
        assert_eq!(list_in(Lang::En, &["a"], Msg::ListAnd), "a");
        assert_eq!(list_in(Lang::En, &["a", "b"], Msg::ListOr), "a or b");
        assert_eq!(
            list_in(Lang::En, &["a", "b", "c"], Msg::ListAnd),
            "a, b and c"
        );
        assert_eq!(
            list_in(Lang::Zh, &["乡镇", "区县", "省"], Msg::ListAnd),
            "乡镇、区县和省"
        );
        assert_eq!(list_in(Lang::Zh, &[2018, 2019], Msg::ListOr), "2018或2019");
    }

    #[test]
    fn languages_come_from_tags_and_locales() {
        assert_eq!(Lang::parse("zh"), Some(Lang::Zh));
        assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::of_locale("zh-Hans-CN"), Lang::Zh);
        assert_eq!(Lang::of_locale("de-DE"), Lang::En);
        assert_eq!(choose(Some(Lang::Zh)), Lang::Zh);
    }
}
