//! agristat: village agricultural tables in, exact township and county totals out.
//!
//! The stages, in order: `config` (pipeline file to plan), `ingest` (files to typed tables),
//! `validate` (every problem at once, plus plausibility warnings), `aggregate` (pure polars
//! roll-up), `report` (files out, atomically). `run` strings them together for the CLI.

pub mod aggregate;
pub mod catalogue;
pub mod chart;
pub mod config;
pub mod error;
pub mod explain;
pub mod frame;
pub mod history;
pub mod ingest;
pub mod level;
pub mod report;
pub mod run;
pub mod schema;
pub mod timing;
pub mod validate;
pub mod vintage;
