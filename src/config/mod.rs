//! The pipeline file: read as written (`spec`), then resolved into a checked `Plan`.

pub mod charts;
pub mod plan;
pub mod sheets;
pub mod spec;
mod toml_text;

pub use plan::{load, Encoding, InputPlan, Plan};
pub use sheets::{SheetChoice, SheetOptions};

/// Items as the pipeline file's messages list them: "a, b, c" (in Chinese "亩、公顷").
pub fn joined<T: AsRef<str>>(items: &[T]) -> String {
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    items.join(&crate::tr!(crate::lang::Msg::CfgSeparator))
}
