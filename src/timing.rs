//! Phase timings for performance work: with `MINHBACH_TIMINGS=1` in the
//! environment, each [`phase`] prints its wall time to stderr. Costs one
//! environment lookup (cached) when off; never changes the output.

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
    let out = f();
    eprintln!(
        "[timing] {name}: {:.1} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
    out
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
