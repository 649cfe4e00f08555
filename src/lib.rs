//! agristat: village agricultural tables in, exact township and county totals out.
//!
//! The stages, in order: `config` (pipeline file to plan), `ingest` (files to typed tables),
//! `validate` (every problem at once, plus plausibility warnings), `aggregate` (exact sums on
//! integer ids, every level), `report` and `chart` (files out), `vintage` (the store of runs,
//! published atomically). `run` strings them together for the CLI.

pub mod aggregate;
pub mod buckets;
pub mod catalogue;
pub mod catalogue_command;
pub mod chart;
pub mod cli;
pub mod config;
pub mod error;
pub mod explain;
pub mod figure;
pub mod fixed;
pub mod frame;
pub mod hash;
pub mod history;
pub mod indicators;
pub mod ingest;
pub mod init;
pub mod lang;
pub mod level;
pub mod number;
pub mod report;
pub mod run;
pub mod schema;
pub mod template;
pub mod text;
pub mod timing;
pub mod units;
pub mod validate;
pub mod vintage;
pub mod warning;
