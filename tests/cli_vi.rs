//! Every word the command line prints in help and in its errors is
//! Vietnamese: clap's English ("Usage", "Print help", "error:", "the
//! following required arguments were not provided"…) never reaches the
//! officer. Also the conventions: short flags, `--root` before or after the
//! command, completions, the version with the source date.

mod common;

use common::Site;

/// English words clap (and Rust's parsers) would print.
const ENGLISH: &[&str] = &[
    "Usage",
    "usage:",
    "Print",
    "error:",
    "required",
    "argument",
    "found",
    "expected",
    "Options",
    "Commands",
    "Arguments",
    "OPTIONS",
    "COMMAND",
    "default:",
    "possible values",
    "tip:",
    "invalid",
    "unrecognized",
    "unexpected",
    "For more information",
    "help",
    "the following",
    "provided",
    "similar",
    "subcommand",
    "value",
];

#[track_caller]
fn assert_vietnamese(what: &str, text: &str) {
    assert!(!text.trim().is_empty(), "{what}: nothing printed");
    // Command and option names are the program's own words, not English prose.
    let prose = text
        .replace("--help", "")
        .replace("minhbach help", "")
        .replace("  help ", "");
    for w in ENGLISH {
        assert!(!prose.contains(w), "{what}: English “{w}” in:\n{text}");
    }
}

#[test]
fn help_of_every_command_is_vietnamese() {
    let site = Site::empty();
    let commands: &[&[&str]] = &[
        &[],
        &["build"],
        &["check"],
        &["new"],
        &["new", "post"],
        &["new", "dataset"],
        &["init"],
        &["serve"],
        &["completions"],
        &["import"],
        &["help"],
    ];
    for c in commands {
        let mut args = c.to_vec();
        args.push("--help");
        let r = site.run(&args);
        r.assert_ok();
        r.assert_stdout_has(&["Cách dùng: minhbach"]);
        assert_vietnamese(&args.join(" "), &r.stdout);
        let mut args = vec!["help"];
        args.extend_from_slice(c);
        let r = site.run(&args);
        r.assert_ok();
        assert_vietnamese(&args.join(" "), &r.stdout);
    }
    // No command at all: the help, on stderr, exit 2.
    let r = site.run(&[]);
    r.assert_code(2);
    r.assert_stderr_has(&["Các lệnh:"]);
    assert_vietnamese("(nothing)", &r.stderr);
}

/// The options of one heading ("Tuỳ chọn:" → its lines up to the next blank line).
fn section<'a>(help: &'a str, heading: &str) -> Vec<&'a str> {
    help.lines()
        .skip_while(|l| *l != heading)
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .collect()
}

#[test]
fn help_keeps_a_commands_own_options_apart_from_the_common_ones() {
    let site = Site::empty();
    let r = site.run(&["build", "--help"]);
    r.assert_ok();
    let own = section(&r.stdout, "Tuỳ chọn:").join("\n");
    let common = section(&r.stdout, "Tuỳ chọn chung:").join("\n");
    assert!(own.contains("--output"), "{}", r.stdout);
    assert!(own.contains("--date"), "{}", r.stdout);
    for flag in ["--root", "--quiet", "--verbose", "--help"] {
        assert!(common.contains(flag), "{flag} not common:\n{}", r.stdout);
        assert!(
            !own.contains(flag),
            "{flag} among build's own:\n{}",
            r.stdout
        );
    }
    assert!(
        r.stdout.find("Tuỳ chọn:") < r.stdout.find("Tuỳ chọn chung:"),
        "{}",
        r.stdout
    );
    // A command with arguments: "Đối số" first; the top level: commands,
    // then only common options (and the version).
    let r = site.run(&["new", "post", "--help"]);
    assert!(
        section(&r.stdout, "Đối số:").join("").contains("TIÊU_ĐỀ"),
        "{}",
        r.stdout
    );
    let r = site.run(&["--help"]);
    assert!(
        section(&r.stdout, "Các lệnh:").join("").contains("build"),
        "{}",
        r.stdout
    );
    let common = section(&r.stdout, "Tuỳ chọn chung:").join("\n");
    assert!(
        common.contains("--version") && common.contains("--root"),
        "{}",
        r.stdout
    );
}

#[test]
fn every_kind_of_command_line_error_is_vietnamese() {
    let site = Site::empty();
    let cases: &[(&[&str], &str)] = &[
        // unknown command, with the nearest one suggested
        (&["buid"], "có phải ý bạn là `build`?"),
        // unknown option
        (
            &["build", "--khong-co"],
            "lệnh này không có tuỳ chọn “--khong-co”",
        ),
        (&["build", "--ouput", "x"], "có phải ý bạn là `--output`?"),
        // stray argument
        (&["build", "thua"], "thừa “thua”"),
        // missing required argument
        (&["new", "post"], "thiếu “<TIÊU_ĐỀ>”"),
        (&["init"], "thiếu “<THƯ_MỤC>”"),
        // a value that does not parse
        (&["serve", "--port", "abc"], "cổng là một số từ 1 đến 65535"),
        (&["serve", "--bind", "may-toi"], "địa chỉ IP"),
        (
            &["build", "--date", "25/11/2026"],
            "“25/11/2026” không phải ngày dạng YYYY-MM-DD",
        ),
        (
            &["completions", "tcsh"],
            "chọn một trong: bash, zsh, fish, powershell",
        ),
        // an option without its value
        (&["build", "--output"], "cần một giá trị"),
        (&["help", "buid"], "có phải ý bạn là `build`?"),
    ];
    for (args, needle) in cases {
        let r = site.run(args);
        r.assert_code(2);
        assert!(
            r.stderr.contains(needle),
            "{args:?}: expected “{needle}” in\n{}",
            r.stderr
        );
        assert!(r.stderr.starts_with("lỗi: "), "{args:?}: {}", r.stderr);
        assert_vietnamese(&format!("{args:?}"), &r.stderr);
    }
}

#[test]
fn version_names_the_source_date() {
    let site = Site::empty();
    let r = site.run(&["--version"]);
    r.assert_ok();
    let v = env!("CARGO_PKG_VERSION");
    assert!(
        r.stdout.starts_with(&format!("minhbach {v} (")),
        "{}",
        r.stdout
    );
    // Built from a git checkout (CI clones have git): a date YYYY-MM-DD.
    let date = regex::Regex::new(r"mã nguồn ngày \d{4}-\d{2}-\d{2}").unwrap();
    assert!(
        date.is_match(&r.stdout) || r.stdout.contains("không rõ ngày mã nguồn"),
        "{}",
        r.stdout
    );
    assert_eq!(site.run(&["-V"]).stdout, r.stdout);
}

#[test]
fn root_before_or_after_the_command_and_short_flags() {
    let site = Site::fixture("basic");
    let root = site.root.to_str().unwrap();
    let out = site.tmp().join("ra");
    let out = out.to_str().unwrap();
    site.run(&[
        "--root",
        root,
        "build",
        "--date",
        "2026-11-25",
        "-o",
        out,
        "-q",
    ])
    .assert_ok();
    assert!(site.tmp().join("ra/index.html").is_file());
    let before = site.run(&["--root", root, "check", "--date", "2026-11-25"]);
    let after = site.run(&["check", "--date", "2026-11-25", "--root", root]);
    before.assert_ok();
    assert_eq!(before.stderr, after.stderr);
    // -q: nothing but errors; -v: timings of the steps.
    let quiet = site.run(&["build", "--root", root, "--date", "2026-11-25", "-q"]);
    quiet.assert_ok();
    assert_eq!(quiet.stderr, "");
    let verbose = site.run(&["build", "--root", root, "--date", "2026-11-25", "-v"]);
    verbose.assert_ok();
    verbose.assert_stderr_has(&[" ms"]);
}

#[test]
fn completions_for_each_shell() {
    let site = Site::empty();
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef minhbach"),
        ("fish", "complete -c minhbach"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let r = site.run(&["completions", shell]);
        r.assert_ok();
        assert!(
            r.stdout.contains(marker),
            "{shell}: {}",
            &r.stdout[..200.min(r.stdout.len())]
        );
        assert!(r.stdout.contains("serve"), "{shell}");
    }
}

#[test]
fn colours_only_where_they_are_understood() {
    let site = Site::fixture("basic");
    site.write(
        "content/tin-tuc/2026-08-01-loi.md",
        "+++\ntitle = \"A\n+++\n",
    );
    let run = |force: bool| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_minhbach"));
        c.args(["check", "--root", site.root.to_str().unwrap()]);
        c.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
        if force {
            c.env("CLICOLOR_FORCE", "1");
        }
        String::from_utf8(c.output().unwrap().stderr).unwrap()
    };
    // A pipe (or a file, or an old console) gets plain text…
    let plain = run(false);
    assert!(plain.contains("lỗi: TOML không hợp lệ"), "{plain}");
    assert!(!plain.contains('\u{1b}'), "{plain:?}");
    // …a terminal that understands them gets the colour codes.
    let coloured = run(true);
    assert!(
        coloured.contains("\u{1b}[1;31mlỗi\u{1b}[0m:"),
        "{coloured:?}"
    );
}

#[test]
fn pause_keeps_the_launchers_window_with_a_vietnamese_last_line() {
    let site = Site::fixture("basic");
    let root = site.root.to_str().unwrap();
    // stdin is empty here; in a console the officer presses Enter.
    let ok = site.run(&["build", "--root", root, "--date", "2026-11-25", "--pause"]);
    ok.assert_ok();
    assert!(
        ok.stderr
            .trim_end()
            .ends_with("Xong. Nhấn Enter để đóng cửa sổ này."),
        "{}",
        ok.stderr
    );
    // From the launcher, the next step is the other launcher, not a command
    // to type (with portable = true, as in the download).
    let config = std::fs::read_to_string(site.path("minhbach.toml")).unwrap();
    site.write("minhbach.toml", format!("portable = true\n{config}"));
    let ok = site.run(&["build", "--root", root, "--date", "2026-11-25", "--pause"]);
    ok.assert_ok();
    ok.assert_stderr_has(&["Hoặc xem thử khi đang sửa: bấm đúp Xem truoc.bat"]);
    let typed = site.run(&["build", "--root", root, "--date", "2026-11-25"]);
    typed.assert_stderr_has(&["minhbach serve --open"]);
    site.write(
        "content/tin-tuc/2026-08-01-loi.md",
        "+++\ntitle = \"A\n+++\n",
    );
    let failed = site.run(&["build", "--root", root, "--date", "2026-11-25", "--pause"]);
    failed.assert_code(1);
    assert!(
        failed.stderr.trim_end().ends_with(
            "sửa các lỗi ở trên rồi bấm đúp lại tệp .bat. Nhấn Enter để đóng cửa sổ này."
        ),
        "{}",
        failed.stderr
    );
}

#[test]
fn new_outside_a_site_says_error_once() {
    let site = Site::empty();
    let root = site.tmp().to_str().unwrap().to_owned();
    for args in [
        &["new", "post", "Bài", "--root", &root][..],
        &["new", "dataset", "chi-tieu", "--root", &root][..],
    ] {
        let r = site.run(args);
        r.assert_code(1);
        assert!(
            r.stderr.starts_with("lỗi: không tìm thấy tệp cấu hình"),
            "{args:?}: {}",
            r.stderr
        );
        assert!(!r.stderr.contains("lỗi: lỗi"), "{args:?}: {}", r.stderr);
    }
}
