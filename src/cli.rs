//! The command line: the commands and their options, parsed in the user's language. The
//! help is written from the message files, so `agristat --help` speaks Chinese to a Chinese
//! system (or with `--lang zh`) and English otherwise.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::lang::{self, Lang, Msg};
use crate::tr;

/// `--lang`'s values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(arg: LangArg) -> Lang {
        match arg {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Parser)]
#[command(
    name = "agristat",
    version,
    about = "Township and county agricultural statistics from village tables"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// The language of messages and help (default: the system's).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Subcommand)]
pub enum Command {
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
    /// Write a workbook per village to fill in and send back: a sheet per table it reports,
    /// the pipeline's header, its year and code filled in, drop-down lists, number rules.
    Template {
        /// The pipeline file (TOML).
        pipeline: PathBuf,
        /// Only this village (its code); default: every village of the registry.
        #[arg(long)]
        village: Option<String>,
        /// The folder to write into.
        #[arg(long, default_value = "templates")]
        out: PathBuf,
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

/// Parses the command line (`std::env::args_os()`), after choosing the language from it, the
/// environment or the system.
pub fn parse() -> Result<Cli, clap::Error> {
    parse_from(std::env::args_os().collect())
}

pub fn parse_from(args: Vec<OsString>) -> Result<Cli, clap::Error> {
    lang::set(lang::choose(lang_flag(&args)));
    let matches = localised(Cli::command()).try_get_matches_from(args)?;
    Cli::from_arg_matches(&matches)
}

/// `--lang` read before clap parses: the help clap writes must already be in that language.
/// A value that is not a language is left for clap to refuse.
fn lang_flag(args: &[OsString]) -> Option<Lang> {
    let mut args = args.iter().skip(1).filter_map(|a| a.to_str());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            return Lang::parse(value);
        }
        if arg == "--lang" {
            return args.next().and_then(Lang::parse);
        }
    }
    None
}

/// The command with its help, headings and clap's own flags in the current language.
pub fn localised(cmd: clap::Command) -> clap::Command {
    let cmd = frame(cmd)
        .about(tr!(Msg::HelpAbout))
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version),
        );
    let cmd = cmd.mut_args(|arg| localise_arg("", arg));
    cmd.mut_subcommands(|sub| {
        let name = sub.get_name().to_string();
        let sub = match command_help(&name) {
            Some(msg) => sub.about(tr!(msg)),
            None => sub,
        };
        frame(sub).mut_args(|arg| localise_arg(&name, arg))
    })
}

/// Headings, the usage line, and a help flag whose help is a message.
fn frame(cmd: clap::Command) -> clap::Command {
    let usage = tr!(Msg::HelpUsage);
    // "Usage: agristat …", "用法：agristat …": a full-width colon needs no space.
    let space = if usage.ends_with('：') { "" } else { " " };
    cmd.help_template(format!(
        "{{about-with-newline}}\n{usage}{space}{{usage}}\n\n{{all-args}}{{after-help}}"
    ))
    .subcommand_help_heading(tr!(Msg::HelpCommands))
    .disable_help_flag(true)
    .disable_help_subcommand(true)
    .arg(
        clap::Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help),
    )
}

fn localise_arg(command: &str, arg: clap::Arg) -> clap::Arg {
    let heading = if arg.is_positional() {
        tr!(Msg::HelpArguments)
    } else {
        tr!(Msg::HelpOptions)
    };
    let arg = arg.help_heading(heading);
    // clap's "[possible values: …]" is English; the help text names the values.
    let arg = match arg.get_action().takes_values() {
        true => arg.hide_possible_values(true),
        false => arg,
    };
    match arg_help(command, arg.get_id().as_str()) {
        Some(msg) => arg.help(tr!(msg)),
        None => arg,
    }
}

fn command_help(command: &str) -> Option<Msg> {
    Some(match command {
        "run" => Msg::HelpRun,
        "check" => Msg::HelpCheck,
        "runs" => Msg::HelpRuns,
        "rollback" => Msg::HelpRollback,
        "diff" => Msg::HelpDiff,
        "explain" => Msg::HelpExplain,
        "template" => Msg::HelpTemplate,
        "init" => Msg::HelpInit,
        "catalogue" => Msg::HelpCatalogue,
        _ => return None,
    })
}

fn arg_help(command: &str, arg: &str) -> Option<Msg> {
    Some(match (command, arg) {
        (_, "help") => Msg::HelpHelp,
        (_, "version") => Msg::HelpVersion,
        (_, "lang") => Msg::HelpLang,
        ("catalogue", "pipeline") => Msg::HelpCataloguePipeline,
        (_, "pipeline") => Msg::HelpPipeline,
        ("run", "quiet") => Msg::HelpRunQuiet,
        ("check", "quiet") => Msg::HelpCheckQuiet,
        ("run" | "rollback", "no_wait") => Msg::HelpNoWait,
        ("rollback", "run") => Msg::HelpRollbackRun,
        ("diff", "run_a") => Msg::HelpRunA,
        ("diff", "run_b") => Msg::HelpRunB,
        ("explain", "indicator") => Msg::HelpIndicator,
        ("explain", "area") => Msg::HelpArea,
        ("explain", "item") => Msg::HelpItem,
        ("explain", "year") => Msg::HelpYear,
        ("template", "village") => Msg::HelpTemplateVillage,
        ("template", "out") => Msg::HelpTemplateOut,
        ("init", "folder") => Msg::HelpInitFolder,
        ("init", "out") => Msg::HelpInitOut,
        ("catalogue", "csv") => Msg::HelpCatalogueCsv,
        _ => return None,
    })
}

/// clap's error about a malformed command line, in the user's language: clap writes its own
/// in English only, so the common kinds are rewritten here from their context (what was
/// wrong, what is valid, clap's suggestion); other kinds keep clap's text.
pub fn error_text(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if lang::current() == Lang::En || !e.use_stderr() {
        return None;
    }
    // Lists are of alternatives: the valid values, the suggestions.
    let context = |kind| -> String {
        match e.get(kind) {
            Some(ContextValue::String(s)) => s.clone(),
            Some(ContextValue::Strings(v)) => lang::list(v, Msg::ListOr),
            Some(ContextValue::StyledStr(s)) => s.to_string(),
            Some(ContextValue::StyledStrs(v)) => lang::list(v, Msg::ListOr),
            _ => String::new(),
        }
    };
    let message = match e.kind() {
        ErrorKind::MissingRequiredArgument => {
            tr!(Msg::CliMissing, args = context(ContextKind::InvalidArg))
        }
        ErrorKind::UnknownArgument => {
            tr!(Msg::CliUnknownArg, arg = context(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidSubcommand => tr!(
            Msg::CliUnknownCommand,
            command = context(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::InvalidValue => tr!(
            Msg::CliInvalidValue,
            arg = context(ContextKind::InvalidArg),
            value = context(ContextKind::InvalidValue),
            valid = context(ContextKind::ValidValue)
        ),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            tr!(Msg::CliNoCommand)
        }
        _ => return None,
    };
    let suggestion = [ContextKind::SuggestedSubcommand, ContextKind::SuggestedArg]
        .into_iter()
        .map(context)
        .find(|s| !s.is_empty());
    let mut text = tr!(Msg::CliError, message = message);
    if let Some(candidate) = suggestion {
        text.push('\n');
        text.push_str(&tr!(Msg::DidYouMean, candidate = candidate));
    }
    text.push('\n');
    text.push_str(&tr!(Msg::CliMoreHelp));
    text.push('\n');
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_and_option_has_help_in_the_message_files() {
        let cmd = Cli::command();
        for arg in cmd.get_arguments() {
            let id = arg.get_id().as_str();
            assert!(arg_help("", id).is_some(), "--{id}");
        }
        for sub in cmd.get_subcommands() {
            let name = sub.get_name();
            assert!(command_help(name).is_some(), "{name}");
            for arg in sub.get_arguments() {
                let id = arg.get_id().as_str();
                assert!(arg_help(name, id).is_some(), "{name} {id}");
            }
        }
    }

    #[test]
    fn command_line_errors_are_rewritten_in_chinese_from_their_context() {
        // Through `text_in`: unit tests share the process, so the language is not set.
        let err = Cli::command()
            .try_get_matches_from(["agristat", "rn"])
            .unwrap_err();
        assert_eq!(err.kind(), clap::error::ErrorKind::InvalidSubcommand);
        assert!(error_text(&err).is_none(), "English keeps clap's own text");
    }

    #[test]
    fn the_language_flag_is_read_before_parsing() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_flag(&args(&["agristat", "--lang", "zh", "run"])),
            Some(Lang::Zh)
        );
        assert_eq!(
            lang_flag(&args(&["agristat", "run", "--lang=en"])),
            Some(Lang::En)
        );
        assert_eq!(
            lang_flag(&args(&["agristat", "run", "--", "--lang=zh"])),
            None
        );
        assert_eq!(lang_flag(&args(&["agristat", "--lang", "fr"])), None);
    }
}
