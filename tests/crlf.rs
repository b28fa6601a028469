//! Windows line endings: the example site saved with CRLF (Notepad, git's
//! `core.autocrlf`) builds to exactly the same bytes as with LF.

use std::path::Path;

use minhbach::build::{BuildOptions, build_site};

/// Copies `from` into `to`, turning LF into CRLF in every UTF-8 text file
/// minhbach parses (Markdown, TOML, CSV, JSON, YAML). Images and other
/// assets are copied as they are (they are published byte for byte).
fn copy_as_crlf(from: &Path, to: &Path) -> usize {
    let mut converted = 0;
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let dest = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
            continue;
        }
        let bytes = std::fs::read(entry.path()).unwrap();
        let ext = entry
            .path()
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("");
        let text_kind = matches!(ext, "md" | "toml" | "csv" | "json" | "yaml" | "yml");
        let out = match std::str::from_utf8(&bytes) {
            Ok(t) if text_kind && !t.contains('\r') => {
                converted += 1;
                t.replace('\n', "\r\n").into_bytes()
            }
            _ => bytes,
        };
        std::fs::write(&dest, out).unwrap();
    }
    converted
}

fn build(root: &Path) -> minhbach::output::Output {
    let opts = BuildOptions {
        root: root.to_path_buf(),
        base_url: None,
        today: "2026-11-25".parse().unwrap(),
        drafts: false,
        check: false,
    };
    match build_site(&opts) {
        Ok(b) => b.output,
        Err(d) => panic!("{}", d.iter().map(|d| d.render()).collect::<String>()),
    }
}

#[test]
fn crlf_example_site_builds_byte_identical_to_lf() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let copy = tmp.path().join("site");
    std::fs::create_dir_all(&copy).unwrap();
    let mut converted = copy_as_crlf(&repo.join("content"), &copy.join("content"));
    let config = std::fs::read_to_string(repo.join("minhbach.toml")).unwrap();
    std::fs::write(copy.join("minhbach.toml"), config.replace('\n', "\r\n")).unwrap();
    converted += 1;
    if repo.join("themes").is_dir() {
        copy_as_crlf(&repo.join("themes"), &copy.join("themes"));
    }
    assert!(converted >= 10, "only {converted} files converted");

    let lf = build(repo);
    let crlf = build(&copy);
    let lf_paths: Vec<_> = lf.files.keys().collect();
    let crlf_paths: Vec<_> = crlf.files.keys().collect();
    assert_eq!(lf_paths, crlf_paths, "the same files");
    let differing: Vec<&String> = lf
        .files
        .keys()
        .filter(|p| {
            // Assets (SVG covers) are copied verbatim, CR included, as they should be.
            let copied = matches!(lf.files[*p], minhbach::output::OutFile::Copy(_));
            !copied && lf.read(p) != crlf.read(p)
        })
        .collect();
    assert!(
        differing.is_empty(),
        "{} files differ: {differing:?}",
        differing.len()
    );
}
