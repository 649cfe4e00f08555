//! Vintages: every successful run is kept with its manifest and data, the latest is
//! `current`, and each run reports what changed since the one before.

pub mod durable;
pub mod inspect;
pub mod journal;
pub mod litter;
pub mod manifest;
pub mod revisions;
pub mod revisions_out;
pub mod snapshot;
pub mod store;

pub use store::Store;
