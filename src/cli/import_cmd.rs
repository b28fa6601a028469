//! `minhbach import THU_MUC [--vao THU_MUC_MOI]` (also `minhbach nhap`): a
//! Hugo or Zola site → a new minhbach site, then a trial build that says
//! how many posts are published.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use crate::build::{BuildOptions, build_site, prepare};
use crate::import;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Thư mục gốc của trang Hugo hoặc Zola (nơi có content/ và tệp cấu hình).
    #[arg(value_name = "THƯ_MỤC_HUGO_ZOLA")]
    pub source: PathBuf,
    /// Thư mục trang minhbach mới (phải chưa có hoặc trống); mặc định <tên-thư-mục>-minhbach.
    #[arg(long = "vao", visible_alias = "into", value_name = "THƯ_MỤC")]
    pub into: Option<PathBuf>,
    /// Ngày “hôm nay” (YYYY-MM-DD) cho lần dựng thử; mặc định là ngày thật.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::parse_date)]
    pub date: Option<jiff::civil::Date>,
}

impl ImportArgs {
    pub fn run(self) -> ExitCode {
        let today = self.date.unwrap_or_else(|| {
            jiff::tz::offset(7)
                .to_datetime(jiff::Timestamp::now())
                .date()
        });
        let site = match import::detect::detect(&self.source) {
            Ok(s) => s,
            Err(msg) => return fail(&msg),
        };
        let dest = self.into.unwrap_or_else(|| {
            let name = self
                .source
                .canonicalize()
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_else(|| "trang".into());
            PathBuf::from(format!("{name}-minhbach"))
        });
        if let Err(msg) = super::init_cmd::init(&dest) {
            return fail(&format!("{msg}; chọn thư mục mới bằng --vao THƯ_MỤC"));
        }
        if let Err(msg) = write_config(&dest, &site) {
            return fail(&msg);
        }
        let report = match import::import(&site, &dest, today) {
            Ok(r) => r,
            Err(msg) => return fail(&msg),
        };
        print!("{}", report.render());
        trial_build(&dest, today, &report.post_dests())
    }
}

fn fail(msg: &str) -> ExitCode {
    eprintln!("lỗi: {msg}");
    ExitCode::from(1)
}

/// The new site's `minhbach.toml`: the skeleton's, with the old site's
/// title, description, address, taxonomies and code colouring.
fn write_config(dest: &Path, site: &import::detect::SourceSite) -> Result<(), String> {
    let path = dest.join("minhbach.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "không đọc được {}: {}",
            path.display(),
            crate::os_error::reason(&e)
        )
    })?;
    let quote = |s: &str| toml::Value::String(s.to_owned()).to_string();
    let mut out = String::new();
    for line in text.lines() {
        let replaced = match line.split_once(" = ").map(|(k, _)| k) {
            Some("title") => site
                .title
                .as_deref()
                .map(|t| format!("title = {}", quote(t))),
            Some("description") => site
                .description
                .as_deref()
                .map(|t| format!("description = {}", quote(t))),
            Some("base_url") => site
                .base_url
                .as_deref()
                .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
                .map(|t| format!("base_url = {}", quote(t))),
            _ => None,
        };
        out.push_str(replaced.as_deref().unwrap_or(line));
        out.push('\n');
    }
    out.push_str(&import::taxonomies::config_entries(&site.taxonomies));
    out.push_str(&import::highlight::config_entries(
        site.highlight_off.as_deref(),
    ));
    std::fs::write(&path, out).map_err(|e| {
        format!(
            "không ghi được {}: {}",
            path.display(),
            crate::os_error::reason(&e)
        )
    })
}

/// Builds the new site in memory and says how many posts it publishes.
fn trial_build(dest: &Path, today: jiff::civil::Date, posts: &[String]) -> ExitCode {
    let opts = BuildOptions {
        root: dest.to_path_buf(),
        base_url: None,
        today,
        drafts: false,
        check: false,
    };
    let published = prepare(&opts, None)
        .map(|p| {
            p.site
                .posts
                .iter()
                .filter(|i| posts.contains(&p.site.pages[**i].rel))
                .count()
        })
        .unwrap_or(0);
    match build_site(&opts) {
        Ok(built) => {
            eprintln!(
                "Dựng thử: được; {published}/{} bài đã nhập được đăng ({}).",
                posts.len(),
                super::report::summary(&built.diagnostics)
            );
            eprintln!("Tiếp theo: minhbach serve --root {}", dest.display());
            ExitCode::SUCCESS
        }
        Err(diags) => {
            super::report::print(&diags);
            eprintln!(
                "Dựng thử: chưa được ({}). Sửa các lỗi trên trong {} rồi chạy minhbach check --root {}.",
                super::report::summary(&diags),
                dest.display(),
                dest.display()
            );
            ExitCode::from(1)
        }
    }
}
