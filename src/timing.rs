//! Stage timings on standard error when `AGRISTAT_TIMING` is set; the scale benchmark sets it
//! to show where a run spends its time.

use std::time::Instant;

pub struct Stages {
    indent: usize,
    last: Option<Instant>,
}

impl Stages {
    /// A clock whose laps are printed `indent` spaces in (nested stages indent more).
    pub fn start(indent: usize) -> Stages {
        let on = std::env::var_os("AGRISTAT_TIMING").is_some();
        Stages {
            indent,
            last: on.then(Instant::now),
        }
    }

    /// Prints the time since the previous lap, if timing is on.
    pub fn lap(&mut self, stage: &str) {
        if let Some(last) = self.last {
            let pad = " ".repeat(self.indent);
            eprintln!("{pad}{stage:<14}{:8.2} s", last.elapsed().as_secs_f64());
            self.last = Some(Instant::now());
        }
    }
}
