//! The `agristat` command: parses the command line, calls the library, prints, and maps the
//! result to an exit code (0 ok, 1 data failed validation, 2 usage, pipeline file or I/O error).

use std::path::PathBuf;
use std::process::ExitCode;

use agristat::error::Error;
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
    /// Validate the inputs, aggregate, and publish a new run (totals, villages, warnings,
    /// charts, manifest) as OUTPUT/current; report what changed since the previous run.
    Run {
        /// The pipeline file (TOML).
        pipeline: PathBuf,
        /// Do not print the report table, and show no progress.
        #[arg(short, long)]
        quiet: bool,
        /// Fail at once if another run is writing to the same output folder (default: wait).
        #[arg(long)]
        no_wait: bool,
    },
    /// Validate the inputs and print the report table; write nothing.
    Check {
        /// The pipeline file (TOML).
        pipeline: PathBuf,
        /// Show no progress.
        #[arg(short, long)]
        quiet: bool,
    },
    /// List the runs (vintages) of a pipeline: id, time, changed inputs, headline totals.
    Runs {
        /// The pipeline file (TOML).
        pipeline: PathBuf,
    },
    /// Make an earlier run current again (or a later one, after a rollback). Every run is
    /// kept; the history records the rollback; the next run compares against this one.
    Rollback {
        /// The pipeline file (TOML).
        pipeline: PathBuf,
        /// The run to make current (an id or a unique prefix, such as 000002).
        run: String,
        /// Fail at once if a run is writing to the output folder (default: wait).
        #[arg(long)]
        no_wait: bool,
    },
    /// Show what changed between two runs (default: the previous run and the current one).
    Diff {
        /// The pipeline file (TOML).
        pipeline: PathBuf,
        /// The older run (an id or a unique prefix, such as 000002).
        run_a: Option<String>,
        /// The newer run (default: the current one).
        run_b: Option<String>,
    },
    /// List the village rows, with files and lines, that make up a total of the current run.
    Explain {
        /// The pipeline file (TOML).
        pipeline: PathBuf,
        /// The indicator key, such as crop_output or net_income_per_capita.
        indicator: String,
        /// A village, township or county code.
        area: String,
        /// The item: a crop, species or product (code or name), a sector, a project.
        #[arg(long)]
        item: Option<String>,
        /// The year (default: the pipeline's year).
        #[arg(long)]
        year: Option<i32>,
    },
    /// Look at a folder of village files and write a pipeline file for it: tables recognised
    /// by their headers, units from the headers, years from folders and cells. What it cannot
    /// decide is marked TODO in the file and listed; check and run refuse it until filled in.
    Init {
        /// The folder holding the village files (CSV, in year folders or not).
        folder: PathBuf,
        /// Where to write the pipeline file (default: FOLDER/pipeline.toml).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// List what the product catalogue knows, in Chinese: products, aliases, sector, grain
    /// factor, unit, plausible range. Without a pipeline: the built-in catalogue.
    Catalogue {
        /// The pipeline file (TOML) whose catalogue to list.
        pipeline: Option<PathBuf>,
        /// Print the catalogue as CSV instead, to copy into a file of your own and extend.
        #[arg(long)]
        csv: bool,
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
    let quiet = matches!(
        cli.command,
        Command::Run { quiet: true, .. } | Command::Check { quiet: true, .. }
    );
    agristat::timing::Progress::set(quiet);
    let result = match cli.command {
        Command::Run {
            pipeline,
            quiet,
            no_wait,
        } => agristat::run::run(&pipeline, !no_wait).map(|outcome| {
            if !quiet {
                print!("{}", outcome.report);
            }
            for warning in &outcome.warnings {
                eprintln!("{warning}");
            }
            if !outcome.warnings.is_empty() {
                eprintln!("{} warning(s)", outcome.warnings.len());
            }
            if let Some(run) = &outcome.published {
                eprint!("{}", run.summary);
                eprintln!("wrote run {} ({})", run.id, run.current.display());
            }
        }),
        Command::Check { pipeline, .. } => agristat::run::check(&pipeline).map(|outcome| {
            print!("{}", outcome.report);
            for warning in &outcome.warnings {
                eprintln!("{warning}");
            }
        }),
        Command::Runs { pipeline } => {
            agristat::history::runs(&pipeline).map(|text| print!("{text}"))
        }
        Command::Rollback {
            pipeline,
            run,
            no_wait,
        } => agristat::history::rollback(&pipeline, &run, !no_wait).map(|text| print!("{text}")),
        Command::Diff {
            pipeline,
            run_a,
            run_b,
        } => agristat::history::diff(&pipeline, run_a.as_deref(), run_b.as_deref())
            .map(|(_, text)| print!("{text}")),
        Command::Explain {
            pipeline,
            indicator,
            area,
            item,
            year,
        } => agristat::explain::explain(&pipeline, &indicator, &area, item.as_deref(), year)
            .map(|text| print!("{text}")),
        Command::Init { folder, out } => agristat::init::init(&folder, out.as_deref())
            .map(|outcome| print!("{}", outcome.report)),
        Command::Catalogue { pipeline, csv } => {
            agristat::catalogue_command::catalogue(pipeline.as_deref(), csv)
                .map(|text| print!("{text}"))
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            if let Error::Data(problems) = &e {
                eprintln!("{} problem(s) found; nothing was written", problems.len());
            }
            ExitCode::from(e.exit_code() as u8)
        }
    }
}
