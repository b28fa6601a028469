//! Nothing lost, nothing random: `build` and `serve` never modify the
//! site's sources; `new`/`init` never overwrite; a build killed with
//! SIGKILL at any moment leaves `public/` exactly the old or exactly the
//! new complete tree; two builds with different thread counts are
//! byte-identical.

mod common;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use common::{Site, TODAY, assert_same_tree, copy_dir, tree, tree_hash};

const BIN: &str = env!("CARGO_BIN_EXE_minhbach");

/// The example site at the repository root, copied into `dst`.
fn copy_example(dst: &Path) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(dst).unwrap();
    std::fs::copy(repo.join("minhbach.toml"), dst.join("minhbach.toml")).unwrap();
    for d in ["content", "themes", "static"] {
        if repo.join(d).is_dir() {
            copy_dir(&repo.join(d), &dst.join(d));
        }
    }
}

/// Every file of the site except the output folder and its staging litter.
fn sources(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut t = tree(root);
    // The build cache (`.minhbach-cache/`) is the build's own, not a source.
    t.retain(|k, _| {
        !k.starts_with("public/")
            && !k.starts_with(".public.")
            && !k.starts_with(".minhbach-cache/")
    });
    t
}

fn build_cmd(root: &Path, threads: &str) -> Command {
    let mut c = Command::new(BIN);
    c.args(["build", "--root", root.to_str().unwrap(), "--date", TODAY])
        .env("NO_COLOR", "1")
        .env("RAYON_NUM_THREADS", threads)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// Runs a build to its end; a failure shows the build's own messages (a
/// bare "not success" said nothing when this failed once under load).
#[track_caller]
fn build_to_end(root: &Path) {
    let mut c = build_cmd(root, "2");
    c.stderr(Stdio::piped());
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "the build failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The first few paths whose bytes differ between two trees (or that only
/// one of them has), for failure messages.
fn differing<'a>(
    a: &'a BTreeMap<String, Vec<u8>>,
    b: &'a BTreeMap<String, Vec<u8>>,
) -> Vec<&'a str> {
    a.keys()
        .chain(b.keys())
        .filter(|k| a.get(*k) != b.get(*k))
        .map(String::as_str)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .take(8)
        .collect()
}

#[test]
fn build_and_serve_never_modify_sources() {
    let s = Site::fixture("basic");
    // A site theme too, so themes/ is covered.
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("themes"),
        &s.root.join("themes"),
    );
    let before = sources(&s.root);
    assert!(before.keys().any(|k| k.starts_with("themes/")));
    s.build_ok(&[]);
    s.build_ok(&[]);
    assert_same_tree(&before, &sources(&s.root));
    let public = s.public_tree();

    // serve: start, fetch pages, trigger a rebuild by touching a file.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new(BIN)
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(&s.root)
        .args(["--date", TODAY])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let url = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|l| l.split("Xem trước tại: ").nth(1).map(str::to_owned))
        .expect("serve printed its address");
    let port: u16 = url
        .trim_start_matches("http://127.0.0.1:")
        .split('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    std::thread::spawn(move || for _ in lines {});
    for path in [
        "/chuyen-doi-so/",
        "/chuyen-doi-so/tin-tuc/",
        "/chuyen-doi-so/style.css",
    ] {
        let mut c = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            c,
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut body = String::new();
        c.read_to_string(&mut body).unwrap();
        assert!(body.starts_with("HTTP/1.1 200"), "{path}: {body:.200}");
    }
    let f = std::fs::File::options()
        .append(true)
        .open(s.path("content/gioi-thieu.md"))
        .unwrap();
    f.set_modified(SystemTime::now()).unwrap();
    std::thread::sleep(Duration::from_millis(800));
    let _ = child.kill();
    let _ = child.wait();
    assert_same_tree(&before, &sources(&s.root));
    assert_same_tree(&public, &s.public_tree());
}

#[test]
fn new_and_init_never_overwrite() {
    let s = Site::fixture("basic");
    let root = s.root.to_str().unwrap();
    let r = s.run(&["new", "post", "Bài mới", "--root", root, "--date", TODAY]);
    r.assert_ok();
    let created = sources(&s.root);
    let (path, _) = created
        .iter()
        .find(|(k, _)| k.contains("bai-moi"))
        .expect("new post created");
    s.write(path, "bản của cán bộ, không được mất");
    let before = sources(&s.root);
    let r = s.run(&["new", "post", "Bài mới", "--root", root, "--date", TODAY]);
    r.assert_code(1);
    assert_same_tree(&before, &sources(&s.root));

    // init into an existing site, or into a folder with any file: refused.
    let r = s.run(&["init", root]);
    assert_ne!(r.code, 0);
    assert_same_tree(&before, &sources(&s.root));
    let other = s.tmp().join("khac");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("ghi-chu.txt"), "giữ nguyên").unwrap();
    let r = s.run(&["init", other.to_str().unwrap()]);
    assert_ne!(r.code, 0);
    assert_eq!(tree(&other).len(), 1);
}

/// A tiny xorshift generator; the seed is printed so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

/// Staging folders and other litter beside `public/`.
fn litter(site: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(site)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            // The lock file stays by design (see output/place.rs).
            (n.contains("minhbach-tmp") || n.starts_with(".public"))
                && !n.ends_with(".minhbach-lock")
        })
        .collect()
}

#[test]
fn a_killed_build_leaves_the_old_or_the_new_complete_tree() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_example(&site);
    let post = site.join("content/gioi-thieu.md");
    let original = std::fs::read_to_string(&post).unwrap();
    let versions = [
        original.clone(),
        format!("{original}\n\nPhiên bản B của trang.\n"),
    ];

    // Reference trees of both versions, and the time a build takes when
    // public/ already exists, as in every build below (the second one).
    let mut refs = Vec::new();
    let mut build_time = Duration::ZERO;
    for v in &versions {
        std::fs::write(&post, v).unwrap();
        let start = Instant::now();
        build_to_end(&site);
        build_time = start.elapsed();
        refs.push(tree(&site.join("public")));
    }
    assert_ne!(refs[0], refs[1]);
    assert!(refs[0].len() > 100, "the example site is the fixture");

    let seed = std::env::var("KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    eprintln!("KILL_SEED={seed}");
    let mut rng = Rng(seed);
    // Kill points spread over 0.3–1.2 × a full build: mostly while reading,
    // rendering and writing the staging folder, some around the swap. On a
    // shared machine a build's time changes with the load, so the estimate
    // follows it: shorter after a build that had already finished when its
    // kill came, longer after one that was cut.
    let mut full = (build_time.as_micros() as u64).max(1000);
    let mut finished_first = 0;
    let mut current = 1; // public/ holds version B now
    let (mut old_seen, mut new_seen) = (0, 0);
    // `KILL_ROUNDS=300` for a longer hunt (the seed is printed above).
    let rounds = std::env::var("KILL_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    for i in 0..rounds {
        let target = 1 - current;
        std::fs::write(&post, &versions[target]).unwrap();
        let mut child = build_cmd(&site, "2").spawn().unwrap();
        let delay = Duration::from_micros(full * 3 / 10 + rng.below(full * 9 / 10));
        std::thread::sleep(delay);
        let finished = child.try_wait().unwrap().is_some();
        let _ = child.kill(); // SIGKILL
        let status = child.wait().unwrap();
        let now = tree(&site.join("public"));
        if now == refs[target] {
            new_seen += 1;
            current = target;
        } else if now == refs[current] {
            old_seen += 1;
        } else {
            panic!(
                "iteration {i} (seed {seed}, killed after {delay:?}, {status}): public/ is neither tree \
                 ({} files, hash {:x}; old {:x}, new {:x}); differs from the old tree at {:?}, \
                 from the new one at {:?}; beside it: {:?}",
                now.len(),
                tree_hash(&now),
                tree_hash(&refs[current]),
                tree_hash(&refs[target]),
                differing(&now, &refs[current]),
                differing(&now, &refs[target]),
                litter(&site),
            );
        }
        if finished {
            finished_first += 1;
            full = (full * 4 / 5).max(1000);
        } else {
            full = full * 21 / 20;
        }
    }
    eprintln!(
        "old tree after {old_seen} kills, new tree after {new_seen} \
         ({finished_first} builds had finished before their kill)"
    );
    // The next build succeeds, is complete, and cleans up the litter.
    std::fs::write(&post, &versions[0]).unwrap();
    build_to_end(&site);
    assert_same_tree(&refs[0], &tree(&site.join("public")));
    assert_eq!(litter(&site), Vec::<PathBuf>::new());
}

#[test]
fn builds_are_byte_identical_across_runs_and_thread_counts() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let mut trees = Vec::new();
    for (i, threads) in ["1", "2", "2"].iter().enumerate() {
        let out = tmp.path().join(format!("out{i}"));
        let r = Command::new(BIN)
            .args(["build", "--root"])
            .arg(repo)
            .args(["--date", "2026-11-25", "--output"])
            .arg(&out)
            .env("RAYON_NUM_THREADS", threads)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
        trees.push(tree(&out));
    }
    assert!(trees[0].len() > 100);
    assert_same_tree(&trees[0], &trees[1]);
    assert_same_tree(&trees[1], &trees[2]);
}
