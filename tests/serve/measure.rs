//! The edit-to-reload latency measurement (ignored by default).

use std::path::Path;
use std::time::{Duration, Instant};

use crate::common;
use crate::server::{Events, Server, walk};

/// Edit-to-reload latency: time from writing a post to the SSE `reload`
/// event, on a copy of the example site. Run with
/// `MINHBACH_EXAMPLE_SITE=DIR cargo test --release --test serve -- --ignored --nocapture`
/// (DIR holds `minhbach.toml` and `content/`; the repository root by default).
#[test]
#[ignore = "measurement, not a check; see docs/performance.md"]
fn measure_reload_latency() {
    let src = std::env::var_os("MINHBACH_EXAMPLE_SITE")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf());
    let site = tempfile::tempdir().unwrap();
    let root = site.path();
    std::fs::copy(src.join("minhbach.toml"), root.join("minhbach.toml")).unwrap();
    for dir in ["content", "themes", "templates", "static", "i18n"] {
        if src.join(dir).is_dir() {
            common::copy_dir(&src.join(dir), &root.join(dir));
        }
    }
    let server = Server::start(root);
    let pages = walk(&root.join("content")).len();
    let mut events = Events::open(server.port);
    let target = root.join("content/_index.md");
    let original = std::fs::read_to_string(&target).unwrap();
    let mut times = Vec::new();
    for i in 0..20 {
        events.seen.clear();
        let start = Instant::now();
        std::fs::write(&target, format!("{original}\nLần sửa {i}.\n")).unwrap();
        events.wait_for("event: reload");
        times.push(start.elapsed());
        // Let the debouncer go quiet so runs do not overlap.
        std::thread::sleep(Duration::from_millis(300));
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{} input files, 20 edits of content/_index.md: min {:.0} ms, median {:.0} ms, max {:.0} ms",
        pages,
        ms(times[0]),
        ms(times[10]),
        ms(times[19])
    );
    let log = server.log();
    let builds: Vec<_> = log.lines().filter(|l| l.starts_with("Đã dựng")).collect();
    println!(
        "first and last build lines: {:?} … {:?}",
        builds.first(),
        builds.last()
    );
}
