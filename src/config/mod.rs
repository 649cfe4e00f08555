//! The pipeline file: read as written (`spec`), then resolved into a checked `Plan`.

pub mod charts;
pub mod plan;
pub mod sheets;
pub mod spec;

pub use plan::{load, Encoding, InputPlan, Plan};
pub use sheets::{SheetChoice, SheetOptions};
