//! The `agristat` command: parses the command line, calls the library, prints, and maps the
//! result to an exit code (0 ok, 1 data failed validation, 2 usage, pipeline file or I/O error).

use std::process::ExitCode;

use agristat::cli::{self, Command};
use agristat::error::Error;
use agristat::lang::Msg;
use agristat::tr;

fn main() -> ExitCode {
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err(e) => {
            match cli::error_text(&e) {
                Some(text) => eprint!("{text}"),
                None => {
                    let _ = e.print();
                }
            }
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
                eprintln!(
                    "{}",
                    tr!(Msg::WarningsCount, count = outcome.warnings.len())
                );
            }
            if let Some(run) = &outcome.published {
                eprint!("{}", run.summary);
                let path = run.current.display();
                eprintln!("{}", tr!(Msg::RunWrote, run = run.id, path = path));
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
        Command::Template {
            pipeline,
            village,
            out,
        } => agristat::template::write(&pipeline, village.as_deref(), &out).map(|written| {
            for path in &written {
                println!("{}", path.display());
            }
            eprintln!("{}", tr!(Msg::TemplatesWritten, count = written.len()));
        }),
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
                eprintln!("{}", tr!(Msg::ProblemsFound, count = problems.len()));
            }
            ExitCode::from(e.exit_code() as u8)
        }
    }
}
