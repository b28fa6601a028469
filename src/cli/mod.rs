//! The command line: argument parsing (clap) and one small module per
//! subcommand. Exit codes: 0 success, 1 content errors, 2 usage errors, 3
//! built with pages held back (`build --bo-qua-bai-loi`).

mod build_cmd;
mod check_cmd;
mod completions_cmd;
mod hold_back;
mod import_cmd;
mod init_cmd;
mod new_cmd;
mod new_dataset;
mod new_docx;
pub mod paths;
pub(crate) mod report;
mod serve_cmd;
pub mod vi;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use jiff::civil::Date;

/// minhbach — tạo chuyên mục “Chuyển đổi số” tĩnh từ Markdown và bảng số liệu.
#[derive(Debug, Parser)]
#[command(name = "minhbach", about, long_about = None)]
pub struct Cli {
    /// Thư mục trang (chứa minhbach.toml); mặc định là thư mục hiện tại. Viết trước hay sau tên lệnh đều được.
    #[arg(long, global = true, value_name = "THƯ_MỤC", default_value = ".", help_heading = vi::COMMON)]
    pub root: PathBuf,
    /// Chỉ in lỗi: bỏ cảnh báo và các dòng thông báo.
    #[arg(short, long, global = true, help_heading = vi::COMMON)]
    pub quiet: bool,
    /// In thêm chi tiết: thời gian của từng bước khi dựng trang.
    #[arg(short, long, global = true, action = ArgAction::Count, help_heading = vi::COMMON)]
    pub verbose: u8,
    /// Chờ nhấn Enter trước khi thoát, để cửa sổ mở bằng bấm đúp (Xem truoc.bat, Dung trang.bat) giữ lại kết quả.
    #[arg(long, global = true, hide = true)]
    pub pause: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Dựng toàn bộ trang vào thư mục đầu ra (mặc định public/).
    Build(build_cmd::BuildArgs),
    /// Kiểm tra mọi lỗi như khi dựng trang, nhưng không ghi gì.
    Check(check_cmd::CheckArgs),
    /// Tạo nội dung mới: `minhbach new post "Tiêu đề"` hoặc `minhbach new post --tu TEP.docx`.
    New(new_cmd::NewArgs),
    /// Tạo một trang mới với giao diện mặc định.
    Init(init_cmd::InitArgs),
    /// Xem trước trang trong trình duyệt, tự tải lại khi sửa tệp.
    Serve(serve_cmd::ServeArgs),
    /// In mã tự hoàn thành lệnh cho bash, zsh, fish hoặc powershell.
    Completions(completions_cmd::CompletionsArgs),
    /// Xem hướng dẫn của một lệnh, ví dụ: minhbach help build.
    Help(HelpArgs),
    /// Chuyển một trang Hugo hoặc Zola sang trang minhbach mới (không sửa trang cũ).
    #[command(alias = "nhap")]
    Import(import_cmd::ImportArgs),
}

/// `minhbach help [LỆNH…]`.
#[derive(Debug, Args)]
pub struct HelpArgs {
    /// Tên lệnh (có thể nhiều cấp, ví dụ: new dataset).
    #[arg(value_name = "LỆNH")]
    pub command: Vec<String>,
}

/// Options every command sees, written before or after the command name.
#[derive(Debug, Clone)]
pub struct Global {
    pub root: PathBuf,
    pub quiet: bool,
    pub verbose: u8,
    /// Run by a double-click launcher (`--pause`): advice names the
    /// launchers, not commands to type.
    pub launcher: bool,
}

/// Options shared by commands that read a site.
#[derive(Debug, Clone, Args)]
pub struct SiteArgs {
    /// Ngày “hôm nay” (YYYY-MM-DD) cho bài hẹn giờ và nhiệm vụ quá hạn; mặc định là ngày thật.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<Date>,
    /// Dựng cả bài nháp (draft = true).
    #[arg(long)]
    pub drafts: bool,
}

impl SiteArgs {
    pub fn today(&self) -> Date {
        self.date.unwrap_or_else(|| {
            jiff::tz::offset(7)
                .to_datetime(jiff::Timestamp::now())
                .date()
        })
    }
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>()
        .map_err(|_| format!("“{s}” không phải ngày dạng YYYY-MM-DD (ví dụ 2026-11-25)"))
}

/// The clap command with every text in Vietnamese.
pub fn command() -> clap::Command {
    vi::localize(Cli::command())
}

/// Runs the CLI and returns the process exit code.
pub fn run() -> ExitCode {
    let parsed = command()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => {
            let r = vi::render(&e);
            if r.to_stdout {
                print!("{}", r.text);
            } else {
                eprint!("{}", r.text);
            }
            return ExitCode::from(r.code);
        }
    };
    let global = Global {
        root: cli.root,
        quiet: cli.quiet,
        verbose: cli.verbose,
        launcher: cli.pause,
    };
    if global.verbose > 0 {
        crate::timing::force_on();
    }
    let pause = cli.pause;
    let code = match cli.command {
        Command::Build(a) => a.run(&global),
        Command::Check(a) => a.run(&global),
        Command::New(a) => a.run(&global),
        Command::Init(a) => a.run(&global),
        Command::Serve(a) => a.run(&global),
        Command::Completions(a) => a.run(),
        Command::Help(a) => help(&a.command),
        Command::Import(a) => a.run(),
    };
    if pause {
        wait_for_enter(code == ExitCode::SUCCESS);
    }
    code
}

/// `--pause`: the launchers' window stays open with the result or the
/// errors until the officer presses Enter (said in Vietnamese here, so the
/// .bat files need no text of their own and no code page).
fn wait_for_enter(ok: bool) {
    eprintln!();
    if ok {
        eprintln!("Xong. Nhấn Enter để đóng cửa sổ này.");
    } else {
        eprintln!(
            "Chưa xong: sửa các lỗi ở trên rồi bấm đúp lại tệp .bat. Nhấn Enter để đóng cửa sổ này."
        );
    }
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line);
}

/// Prints the help of `path` (`["new", "dataset"]`), or the main help.
fn help(path: &[String]) -> ExitCode {
    let mut cmd = command();
    cmd.build();
    let mut current = &mut cmd;
    for name in path {
        if current.find_subcommand(name).is_some() {
            current = current.find_subcommand_mut(name).expect("found above");
        } else {
            {
                let names: Vec<&str> = current.get_subcommands().map(|c| c.get_name()).collect();
                let near = crate::suggest::nearest(name, &names, 2)
                    .map(|n| format!("  = gợi ý: có phải ý bạn là `{n}`?\n"))
                    .unwrap_or_default();
                eprint!("lỗi: không có lệnh “{name}”\n{near}");
                return ExitCode::from(2);
            }
        }
    }
    print!("{}", vi::localize_text(&current.render_help().to_string()));
    ExitCode::SUCCESS
}
