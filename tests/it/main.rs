//! Integration tests: the real `agristat` binary on copies of the sample data and fixtures.

mod charts;
mod codes;
mod county;
mod errors;
mod generated;
mod hostile;
mod init;
mod init_workbook;
mod lang;
mod layers;
mod readme;
mod revisions;
mod sample;
#[cfg(unix)]
mod store;
mod template;
mod warnings;
mod workbook;
mod workdir;
mod xlsx;
mod years;
mod zh_config;
mod zh_store;
