//! Build script: records the date and short hash of the commit being built,
//! for `minhbach --version`. Without git (a source archive) the version says
//! the date is unknown; `MINHBACH_SOURCE_DATE` overrides the date (release
//! builds from a tarball).

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let s = String::from_utf8(out.stdout).ok()?.trim().to_owned();
    (!s.is_empty()).then_some(s)
}

fn main() {
    println!("cargo:rerun-if-env-changed=MINHBACH_SOURCE_DATE");
    // Re-run when HEAD moves (a commit, a checkout); paths from git itself
    // so that worktrees work too.
    let mut watched = vec!["HEAD".to_owned(), "packed-refs".to_owned()];
    watched.extend(git(&["rev-parse", "--symbolic-full-name", "HEAD"]));
    for p in watched {
        if let Some(path) = git(&["rev-parse", "--git-path", &p]) {
            println!("cargo:rerun-if-changed={path}");
        }
    }
    let date = std::env::var("MINHBACH_SOURCE_DATE")
        .ok()
        .filter(|d| !d.is_empty())
        .or_else(|| git(&["log", "-1", "--format=%cs"]));
    let hash = git(&["rev-parse", "--short=8", "HEAD"]);
    let info = match (date, hash) {
        (Some(d), Some(h)) => format!("mã nguồn ngày {d}, {h}"),
        (Some(d), None) => format!("mã nguồn ngày {d}"),
        _ => "không rõ ngày mã nguồn".to_owned(),
    };
    println!("cargo:rustc-env=MINHBACH_SOURCE_INFO={info}");
}
