//! Phase timings for performance work: with `MINHBACH_TIMINGS=1` in the
//! environment, each [`phase`] prints its wall time to stderr, with the
//! process's CPU time and the calling thread's. Costs one environment
//! lookup (cached) when off; never changes the output.

use std::sync::OnceLock;
use std::time::Instant;

static ON: OnceLock<bool> = OnceLock::new();

fn enabled() -> bool {
    *ON.get_or_init(|| std::env::var_os("MINHBACH_TIMINGS").is_some_and(|v| v != "0"))
}

/// Turns timings on for this process (`minhbach -v`), as the variable does.
pub fn force_on() {
    let _ = ON.set(true);
}

/// Runs `f`, printing `name: N ms` when timings are on.
pub fn phase<T>(name: &str, f: impl FnOnce() -> T) -> T {
    if !enabled() {
        return f();
    }
    let start = Instant::now();
    let cpu = cpu_ms(Whose::Process);
    let own = cpu_ms(Whose::Thread);
    let out = f();
    let wall = start.elapsed().as_secs_f64() * 1e3;
    match (cpu, cpu_ms(Whose::Process), own, cpu_ms(Whose::Thread)) {
        (Some(a), Some(b), Some(c), Some(d)) => eprintln!(
            "[timing] {name}: {wall:.1} ms (CPU {:.1} ms, this thread {:.1} ms)",
            b - a,
            d - c
        ),
        (Some(a), Some(b), _, _) => {
            eprintln!("[timing] {name}: {wall:.1} ms (CPU {:.1} ms)", b - a)
        }
        _ => eprintln!("[timing] {name}: {wall:.1} ms"),
    }
    out
}

/// Whose CPU time [`cpu_ms`] reads.
#[derive(Clone, Copy)]
enum Whose {
    Process,
    /// The calling thread only: for a phase called from the main thread,
    /// the work that ran on no other core (rayon's workers do the
    /// parallel part while the caller waits), whatever the machine's load.
    Thread,
}

/// CPU time (user + system) of the whole process so far, in ms: beside a
/// phase's wall time it shows whether the phase kept both cores busy.
#[cfg(unix)]
fn cpu_ms(whose: Whose) -> Option<f64> {
    let who = match whose {
        Whose::Process => libc::RUSAGE_SELF,
        #[cfg(any(target_os = "linux", target_os = "android"))]
        Whose::Thread => libc::RUSAGE_THREAD,
        #[cfg(not(any(target_os = "linux", target_os = "android")))]
        Whose::Thread => return None,
    };
    // SAFETY: getrusage only writes the struct it is given.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(who, &mut ru) } != 0 {
        return None;
    }
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1e3 + t.tv_usec as f64 / 1e3;
    Some(ms(ru.ru_utime) + ms(ru.ru_stime))
}

#[cfg(not(unix))]
fn cpu_ms(_: Whose) -> Option<f64> {
    None
}

/// Prints the time since `start` under `name` (when timings are on) and
/// returns a new start.
pub fn lap(name: &str, start: Instant) -> Instant {
    if enabled() {
        eprintln!(
            "[timing] {name}: {:.1} ms",
            start.elapsed().as_secs_f64() * 1e3
        );
    }
    Instant::now()
}

/// [`lap`] that also prints the calling thread's CPU time since `since`
/// (from [`thread_cpu`]) and returns the new reading.
pub fn lap_cpu(name: &str, start: Instant, since: Option<f64>) -> (Instant, Option<f64>) {
    if !enabled() {
        return (Instant::now(), None);
    }
    let now = cpu_ms(Whose::Thread);
    let wall = start.elapsed().as_secs_f64() * 1e3;
    match (since, now) {
        (Some(a), Some(b)) => eprintln!(
            "[timing] {name}: {wall:.1} ms (this thread {:.1} ms)",
            b - a
        ),
        _ => eprintln!("[timing] {name}: {wall:.1} ms"),
    }
    (Instant::now(), now)
}

/// The calling thread's CPU time so far (ms) when timings are on, for
/// [`lap_cpu`].
pub fn thread_cpu() -> Option<f64> {
    enabled().then(|| cpu_ms(Whose::Thread)).flatten()
}
