//! Runs a child process and measures it the same way for agristat and DuckDB: wall time
//! from spawn to exit, and the child's peak resident memory (`ru_maxrss`) from `wait4`.

use std::ffi::{c_int, c_long, OsString};
use std::io::Read;
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::Instant;

/// `struct timeval` of 64-bit Linux.
#[repr(C)]
#[derive(Default)]
struct Timeval {
    sec: c_long,
    usec: c_long,
}

/// `struct rusage` of Linux: two timevals, then 14 longs, the first of them `ru_maxrss` (KiB).
/// Declared here rather than taken from the `libc` crate, which is not a direct dependency.
#[repr(C)]
#[derive(Default)]
struct Rusage {
    utime: Timeval,
    stime: Timeval,
    maxrss: c_long,
    rest: [c_long; 13],
}

extern "C" {
    fn wait4(pid: c_int, status: *mut c_int, options: c_int, rusage: *mut Rusage) -> c_int;
}

/// What a finished child did and cost.
pub struct Measured {
    pub status: ExitStatus,
    pub wall_s: f64,
    /// User plus system CPU time.
    pub cpu_s: f64,
    /// Peak resident set size, in MB (10^6 bytes).
    pub peak_mb: f64,
    pub stdout: String,
    pub stderr: String,
}

fn seconds(t: &Timeval) -> f64 {
    t.sec as f64 + t.usec as f64 / 1e6
}

/// Waits for `pid` with `wait4`, retrying on EINTR; returns the raw status and its usage.
fn wait_with_usage(pid: u32) -> std::io::Result<(c_int, Rusage)> {
    let mut status: c_int = 0;
    let mut usage = Rusage::default();
    loop {
        // SAFETY: both pointers are to live, properly laid out locals.
        let r = unsafe { wait4(pid as c_int, &mut status, 0, &mut usage) };
        if r == pid as c_int {
            return Ok((status, usage));
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// Reads a child's pipe to the end on its own thread.
fn drain(pipe: Option<impl Read + Send + 'static>) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut bytes);
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// The first argument that makes this binary the launcher.
pub const LAUNCHER: &str = "--measure-child";

/// The launcher: `--measure-child RESULT PROGRAM ARGS...` runs PROGRAM (same stdio and
/// environment), reaps it with `wait4`, and writes `status wall_s cpu_s maxrss_kib` to RESULT.
///
/// Linux counts the parent's memory high-water mark into the `ru_maxrss` of a child that it
/// spawns (vfork and exec inherit it), so the benchmark, which holds whole tables while it
/// compares them, does not spawn the measured processes itself: this small, fresh process
/// does.
pub fn launcher(mut args: impl Iterator<Item = OsString>) -> std::io::Result<()> {
    let (Some(result), Some(program)) = (args.next(), args.next()) else {
        return Err(std::io::Error::other(
            "usage: --measure-child RESULT PROGRAM ARGS...",
        ));
    };
    let started = Instant::now();
    let child = Command::new(program).args(args).spawn()?;
    let (status, usage) = wait_with_usage(child.id())?;
    let wall_s = started.elapsed().as_secs_f64();
    let cpu_s = seconds(&usage.utime) + seconds(&usage.stime);
    let line = format!("{status} {wall_s} {cpu_s} {}\n", usage.maxrss);
    std::fs::write(result, line)
}

/// Runs `cmd` through the launcher with stdout and stderr captured.
pub fn run(cmd: &Command) -> std::io::Result<Measured> {
    let result = tempfile::NamedTempFile::new()?;
    let mut launch = Command::new(std::env::current_exe()?);
    launch
        .arg(LAUNCHER)
        .arg(result.path())
        .arg(cmd.get_program())
        .args(cmd.get_args())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, value) in cmd.get_envs() {
        match value {
            Some(v) => launch.env(key, v),
            None => launch.env_remove(key),
        };
    }
    let mut child = launch.spawn()?;
    let out = drain(child.stdout.take());
    let err = drain(child.stderr.take());
    let launched = child.wait()?;
    let (stdout, stderr) = (
        out.join().unwrap_or_default(),
        err.join().unwrap_or_default(),
    );
    let text = std::fs::read_to_string(result.path())?;
    let f: Vec<f64> = text
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    let [status, wall_s, cpu_s, maxrss_kib] = f[..] else {
        return Err(std::io::Error::other(format!(
            "the launcher failed ({launched}): {stderr}"
        )));
    };
    Ok(Measured {
        status: ExitStatus::from_raw(status as c_int),
        wall_s,
        cpu_s,
        peak_mb: maxrss_kib * 1024.0 / 1e6,
        stdout,
        stderr,
    })
}
