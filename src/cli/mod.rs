//! The command line: argument parsing (clap) and one small module per
//! subcommand. Exit codes: 0 success, 1 content errors, 2 usage errors, 3
//! built with pages held back (`build --bo-qua-bai-loi`).

mod build_cmd;
mod check_cmd;
mod hold_back;
mod import_cmd;
mod init_cmd;
mod new_cmd;
mod new_dataset;
pub(crate) mod report;
mod serve_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use jiff::civil::Date;

/// minhbach — tạo chuyên mục “Chuyển đổi số” tĩnh từ Markdown và bảng số liệu.
#[derive(Debug, Parser)]
#[command(name = "minhbach", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Dựng toàn bộ trang vào thư mục đầu ra (mặc định public/).
    Build(build_cmd::BuildArgs),
    /// Kiểm tra mọi lỗi như khi dựng trang, nhưng không ghi gì.
    Check(check_cmd::CheckArgs),
    /// Tạo nội dung mới: `minhbach new post "Tiêu đề"`.
    New(new_cmd::NewArgs),
    /// Tạo một trang mới với giao diện mặc định.
    Init(init_cmd::InitArgs),
    /// Xem trước trang trong trình duyệt, tự tải lại khi sửa tệp.
    Serve(serve_cmd::ServeArgs),
    /// Chuyển một trang Hugo hoặc Zola sang trang minhbach mới (không sửa trang cũ).
    #[command(alias = "nhap")]
    Import(import_cmd::ImportArgs),
}

/// Options shared by commands that read a site.
#[derive(Debug, Clone, Args)]
pub struct SiteArgs {
    /// Thư mục trang (chứa minhbach.toml); mặc định là thư mục hiện tại.
    #[arg(long, value_name = "THƯ_MỤC", default_value = ".")]
    pub root: PathBuf,
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

/// Runs the CLI and returns the process exit code.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Build(a) => a.run(),
        Command::Check(a) => a.run(),
        Command::New(a) => a.run(),
        Command::Init(a) => a.run(),
        Command::Serve(a) => a.run(),
        Command::Import(a) => a.run(),
    }
}
