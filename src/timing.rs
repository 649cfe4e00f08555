//! Where a run is and how long its stages took. On a terminal a spinner names the last stage
//! done; elsewhere (a log, a scheduled job) a plain line for each stage that took a second or
//! more; nothing with `-q`. `AGRISTAT_PROGRESS=never` or `always` (a line for every stage)
//! overrides the choice. `AGRISTAT_TIMING` prints every stage's time, as the scale benchmark
//! reads them.

use crate::lang::Msg;
use crate::tr;
use std::io::IsTerminal;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

/// How progress is shown, chosen once by the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Nothing (`-q`).
    Quiet,
    /// A spinner on standard error, which is a terminal.
    Spinner,
    /// A line on standard error for each slow stage.
    Lines,
    /// A line on standard error for every stage.
    AllLines,
}

static MODE: OnceLock<Progress> = OnceLock::new();

/// A stage that takes at least this long gets its own line in `Lines` mode.
const SLOW: Duration = Duration::from_secs(1);

impl Progress {
    /// Sets how progress is shown for this process (the first call wins).
    pub fn set(quiet: bool) {
        let forced = std::env::var("AGRISTAT_PROGRESS").ok();
        let mode = if quiet || forced.as_deref() == Some("never") {
            Progress::Quiet
        } else if forced.as_deref() == Some("always") {
            Progress::AllLines
        } else if std::io::stderr().is_terminal() {
            Progress::Spinner
        } else {
            Progress::Lines
        };
        let _ = MODE.set(mode);
    }

    fn get() -> Progress {
        *MODE.get().unwrap_or(&Progress::Quiet)
    }
}

pub struct Stages {
    indent: usize,
    timing: bool,
    last: Instant,
    spinner: Option<ProgressBar>,
}

impl Stages {
    /// A clock whose laps are printed `indent` spaces in (nested stages indent more).
    pub fn start(indent: usize) -> Stages {
        let spinner = (Progress::get() == Progress::Spinner && indent <= 2).then(|| {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template("{spinner} agristat: {msg} ({elapsed})")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.set_message(tr!(Msg::Working));
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Stages {
            indent,
            timing: std::env::var_os("AGRISTAT_TIMING").is_some(),
            last: Instant::now(),
            spinner,
        }
    }

    /// Marks the end of `stage`.
    pub fn lap(&mut self, stage: Stage) {
        let took = self.last.elapsed();
        let seconds = format!("{:.1}", took.as_secs_f64());
        if self.timing {
            // For the benchmark, which reads these lines: the stage's key, in any language.
            let pad = " ".repeat(self.indent);
            eprintln!("{pad}{:<14}{:8.2} s", stage.key(), took.as_secs_f64());
        } else if let Some(bar) = &self.spinner {
            bar.set_message(tr!(
                Msg::StageDone,
                stage = stage.label(),
                seconds = seconds
            ));
        } else if Progress::get() == Progress::AllLines
            || (Progress::get() == Progress::Lines && took >= SLOW)
        {
            let done = tr!(Msg::StageDone, stage = stage.label(), seconds = seconds);
            eprintln!("agristat: {done}");
        }
        self.last = Instant::now();
    }
}

/// The stages a run's progress names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Read,
    Validate,
    Plausibility,
    Aggregate,
    Areas,
    Sums,
    Villages,
    Render,
    Charts,
    WriteAndSnapshot,
    Revisions,
    Publish,
}

impl Stage {
    /// The stage in the timing lines: stable, in English.
    pub fn key(self) -> &'static str {
        match self {
            Stage::Read => "read",
            Stage::Validate => "validate",
            Stage::Plausibility => "plausibility",
            Stage::Aggregate => "aggregate",
            Stage::Areas => "areas",
            Stage::Sums => "sums",
            Stage::Villages => "villages",
            Stage::Render => "render",
            Stage::Charts => "charts",
            Stage::WriteAndSnapshot => "write and snapshot",
            Stage::Revisions => "revisions",
            Stage::Publish => "publish",
        }
    }

    /// The stage in progress lines, in the user's language.
    fn label(self) -> String {
        let msg = match self {
            Stage::Read => Msg::StageRead,
            Stage::Validate => Msg::StageValidate,
            Stage::Plausibility => Msg::StagePlausibility,
            Stage::Aggregate => Msg::StageAggregate,
            Stage::Areas => Msg::StageAreas,
            Stage::Sums => Msg::StageSums,
            Stage::Villages => Msg::StageVillages,
            Stage::Render => Msg::StageRender,
            Stage::Charts => Msg::StageCharts,
            Stage::WriteAndSnapshot => Msg::StageWrite,
            Stage::Revisions => Msg::StageRevisions,
            Stage::Publish => Msg::StagePublish,
        };
        tr!(msg)
    }
}

impl Drop for Stages {
    fn drop(&mut self) {
        if let Some(bar) = self.spinner.take() {
            bar.finish_and_clear();
        }
    }
}
