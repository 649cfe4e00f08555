//! The `agristat` command: parses the command line, calls the library, maps the result to an
//! exit code (0 ok, 1 data failed validation, 2 usage, pipeline file or I/O error).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "agristat",
    version,
    about = "Township and county agricultural statistics from village tables"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate the inputs, aggregate, and write totals.csv, totals.md, villages.csv and
    /// warnings.csv into the pipeline's output folder.
    Run {
        /// The pipeline file (TOML).
        pipeline: PathBuf,
        /// Do not print the report table.
        #[arg(short, long)]
        quiet: bool,
    },
    /// Validate the inputs and print the report table; write nothing.
    Check {
        /// The pipeline file (TOML).
        pipeline: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let (result, quiet) = match &cli.command {
        Command::Run { pipeline, quiet } => (agristat::run::run(pipeline), *quiet),
        Command::Check { pipeline } => (agristat::run::check(pipeline), false),
    };
    match result {
        Ok(outcome) => {
            if !quiet {
                print!("{}", outcome.report);
            }
            for warning in &outcome.warnings {
                eprintln!("{warning}");
            }
            if !outcome.warnings.is_empty() {
                eprintln!("{} warning(s)", outcome.warnings.len());
            }
            if let Some(dir) = &outcome.output_dir {
                eprintln!("wrote {}", dir.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            if let agristat::error::Error::Data(problems) = &e {
                eprintln!("{} problem(s) found; nothing was written", problems.len());
            }
            ExitCode::from(e.exit_code() as u8)
        }
    }
}
