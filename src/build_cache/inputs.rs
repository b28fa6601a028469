//! The key of a build: one 128-bit hash (XXH3) of everything the output
//! depends on — the program itself, the options (date, drafts, base URL,
//! output folder…) and the bytes of every input file (`minhbach.toml`,
//! `content/`, `themes/`, `templates/`, `static/`, `i18n/`). File
//! contents are hashed, never trusted by modification time: a git checkout
//! or a Windows copy changes times, not bytes.

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

/// The folders under the site root that a build reads (the same list
/// `serve` watches), and the configuration file.
pub const INPUT_DIRS: [&str; 5] = ["content", "themes", "templates", "static", "i18n"];

/// Everything besides the input files that the output depends on.
#[derive(Debug, Clone)]
pub struct Options<'a> {
    /// "Today" (`--date`, or the real date): every page shows it.
    pub today: jiff::civil::Date,
    pub drafts: bool,
    pub base_url: Option<&'a str>,
    /// `--bo-qua-bai-loi`.
    pub hold_back: bool,
    /// The output folder, absolute.
    pub output: &'a Path,
}

/// Whether the key covers every folder the site's configuration makes a
/// build read: a data folder or theme named with `..` or as an absolute
/// path lies outside the hashed folders, so a change there would go
/// unseen — such a site is never recorded, every build is a real one.
pub fn covers(config: &crate::config::Config) -> bool {
    let inside = |p: &str| {
        Path::new(p).components().all(|c| {
            matches!(
                c,
                std::path::Component::Normal(_) | std::path::Component::CurDir
            )
        })
    };
    inside(&config.data.dir) && inside(&config.theme)
}

/// Files above this size are hashed in pieces, not read whole.
const WHOLE_READ_LIMIT: u64 = 8 << 20;

/// The key of a build of `root` with `opts`, or `None` when some input
/// cannot be read (the build then runs and reports it).
pub fn key(root: &Path, opts: &Options) -> Option<u128> {
    let root = fs::canonicalize(root).ok()?;
    // The program's bytes are hashed while the folders are listed.
    let (program, files) = rayon::join(program_hash, || list(&root, opts.output));
    let mut h = Xxh3::new();
    h.update(b"minhbach build cache 1\0");
    h.update(&program?.to_le_bytes());
    let opts_text = format!(
        "today={}\0drafts={}\0base_url={:?}\0hold_back={}\0output={}\0",
        opts.today,
        opts.drafts,
        opts.base_url,
        opts.hold_back,
        opts.output.display()
    );
    h.update(opts_text.as_bytes());
    let files = files?;
    // Each file's name from the root and hash, in parallel, in order.
    let hashes: Vec<Option<(String, u64, u128)>> = files
        .par_iter()
        .map(|f| {
            let (len, digest) = hash_file(&f.path)?;
            Some((rel_name(&root, &f.path)?, len, digest))
        })
        .collect();
    for (f, hashed) in files.iter().zip(hashes) {
        let (rel, len, digest) = hashed?;
        h.update(rel.as_bytes());
        h.update(&[0, f.kind]);
        h.update(&len.to_le_bytes());
        h.update(&digest.to_le_bytes());
    }
    Some(h.digest128())
}

/// One input file found under the root.
struct Found {
    path: PathBuf,
    /// 1 a file, 2 a file reached through a symlink.
    kind: u8,
}

/// Every input file in a fixed order (the configuration, then each input
/// folder sorted by name), leaving out `output` (and the build's hidden
/// names beside it) should it lie inside an input folder.
fn list(root: &Path, output: &Path) -> Option<Vec<Found>> {
    let mut found = Vec::new();
    let config = root.join(crate::config::CONFIG_FILE);
    if config.exists() {
        found.push(Found {
            path: config,
            kind: 1,
        });
    }
    let output_name = output
        .file_name()
        .map(|n| format!(".{}.minhbach-", n.to_string_lossy()));
    for dir in INPUT_DIRS {
        let base = root.join(dir);
        if !base.exists() {
            continue;
        }
        let walker = walkdir::WalkDir::new(&base)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                e.path() != output
                    && !output_name
                        .as_ref()
                        .is_some_and(|p| e.file_name().to_string_lossy().starts_with(p.as_str()))
            });
        for entry in walker {
            // An unreadable folder or a symlink loop: no key, a real build.
            let entry = entry.ok()?;
            if entry.file_type().is_dir() {
                continue;
            }
            let kind = if entry.path_is_symlink() { 2 } else { 1 };
            found.push(Found {
                path: entry.into_path(),
                kind,
            });
        }
    }
    Some(found)
}

/// `path`'s name from `root`, `/`-separated.
fn rel_name(root: &Path, path: &Path) -> Option<String> {
    Some(
        path.strip_prefix(root)
            .ok()?
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/"),
    )
}

/// The size and hash of one file's bytes.
fn hash_file(path: &Path) -> Option<(u64, u128)> {
    let mut f = fs::File::open(path).ok()?;
    let len = f.metadata().ok()?.len();
    if len <= WHOLE_READ_LIMIT {
        let mut bytes = Vec::with_capacity(len as usize + 1);
        f.read_to_end(&mut bytes).ok()?;
        return Some((bytes.len() as u64, xxh3_128(&bytes)));
    }
    let mut h = Xxh3::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut total = 0u64;
    loop {
        let n = f.read(&mut buf).ok()?;
        if n == 0 {
            break;
        }
        total += n as u64;
        h.update(&buf[..n]);
    }
    Some((total, h.digest128()))
}

/// The hash of the running program's file: a new minhbach (or a rebuilt
/// one during development) never reuses an older one's output. The
/// embedded default theme is part of it.
fn program_hash() -> Option<u128> {
    let exe = std::env::current_exe().ok()?;
    hash_file(&exe).map(|(_, h)| h)
}
