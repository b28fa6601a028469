//! `minhbach build`: build in memory, then replace the output folder atomically.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;

use super::{Global, SiteArgs, paths, report};
use crate::build::BuildOptions;
use crate::build_cache;
use crate::output;

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Thư mục đầu ra; mặc định <root>/public.
    #[arg(short, long, value_name = "THƯ_MỤC")]
    pub output: Option<PathBuf>,
    /// Địa chỉ gốc khi đăng (ghi đè base_url), ví dụ https://phuong-vi-du.example/chuyen-doi-so/.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Bài (hoặc trang) có lỗi thì giữ lại, không đăng, các bài khác vẫn đăng; bài bị giữ lại được liệt kê và mã thoát là 3.
    #[arg(long = "bo-qua-bai-loi")]
    pub skip_bad_posts: bool,
    /// Dựng lại từ đầu: xoá bộ nhớ đệm .minhbach-cache/ thay vì dùng nó (bình thường, nếu không có gì thay đổi từ lần dựng trước thì thư mục đầu ra được giữ nguyên).
    #[arg(long = "sach", alias = "no-cache")]
    pub clean: bool,
}

impl BuildArgs {
    pub fn run(self, g: &Global) -> ExitCode {
        let started = Instant::now();
        let opts = BuildOptions {
            root: g.root.clone(),
            base_url: self.base_url.clone(),
            today: self.site.today(),
            drafts: self.site.drafts,
            check: false,
        };
        let dest = self.output.clone().unwrap_or_else(|| g.root.join("public"));
        let cached = build_cache::output_dir(&dest);
        if self.clean && !build_cache::clear(&g.root) {
            eprintln!(
                "Không xoá được {}; hãy tự xoá thư mục này. Lần dựng này vẫn dựng lại từ đầu.",
                paths::shown(&g.root.join(build_cache::DIR))
            );
        }
        // Hashed before anything is read: an input edited during the build
        // gives another key next time, never a stale skip.
        let key = crate::timing::phase("cache: key", || {
            build_cache::inputs::key(
                &g.root,
                &build_cache::Options {
                    today: opts.today,
                    drafts: opts.drafts,
                    base_url: opts.base_url.as_deref(),
                    hold_back: self.skip_bad_posts,
                    output: &cached,
                },
            )
        });
        if !self.clean
            && let Some(key) = key
            && let Some(record) = crate::timing::phase("cache: lookup", || {
                build_cache::lookup(&g.root, key, &cached)
            })
        {
            self.unchanged(g, &dest, &record, started);
            return ExitCode::SUCCESS;
        }
        let progress = progress_spinner();
        // Pages go to the staging folder beside `dest` as they render;
        // `public/` itself changes only when everything is written.
        let open = || output::Staging::open(&dest, &output::wait_message);
        let outcome = super::hold_back::build(&opts, self.skip_bad_posts, &open);
        let (mut built, staging) = match outcome.result {
            Ok(b) => b,
            Err(diags) => {
                progress.finish_and_clear();
                report::print(&diags);
                eprintln!(
                    "Không dựng được trang: {}. Thư mục đầu ra cũ được giữ nguyên.",
                    report::summary(&diags)
                );
                if !self.skip_bad_posts
                    && let Some(pages) = super::hold_back::pages_with_errors(&diags)
                {
                    eprintln!(
                        "Mọi lỗi đều nằm trong {} bài. Để đăng các bài còn lại và giữ lại các bài này: minhbach build --bo-qua-bai-loi",
                        pages.len()
                    );
                }
                return ExitCode::from(1);
            }
        };
        progress.set_message("đang ghi tệp…");
        let mut diagnostics = std::mem::take(&mut built.diagnostics);
        let written = crate::timing::phase("write", || match staging {
            Some(staging) => staging.finish(&built.output),
            None => output::write(&built.output, &dest),
        });
        match written {
            Ok(warnings) => warnings.into_iter().for_each(|w| diagnostics.push(w)),
            Err(d) => {
                progress.finish_and_clear();
                let mut diags = crate::diagnostics::Diagnostics::new();
                diags.push(d);
                report::print(&diags);
                return ExitCode::from(1);
            }
        }
        progress.finish_and_clear();
        let warnings = super::hold_back::without_held(&diagnostics, &outcome.held);
        report::print_with(&warnings, g.quiet);
        if !g.quiet {
            eprintln!(
                "Đã dựng {} trang ({} tệp) vào {} trong {} ms{}.",
                built.output.page_count(),
                built.output.len(),
                paths::shown(&dest),
                started.elapsed().as_millis(),
                if warnings.is_empty() {
                    String::new()
                } else {
                    format!(", {}", report::summary(&warnings))
                }
            );
            for line in next_steps(built.config.portable, &dest, g.launcher) {
                eprintln!("{line}");
            }
        }
        if outcome.held.is_empty() {
            if let Some(key) = key
                && build_cache::inputs::covers(&built.config)
            {
                let shown = warnings.capped(crate::diagnostics::SHOWN_PER_KIND);
                let record = build_cache::Record {
                    pages: built.output.page_count(),
                    files: built.output.len(),
                    warnings: shown.iter().map(|d| d.render()).collect(),
                    warning_count: warnings.warning_count(),
                    portable: built.config.portable,
                };
                crate::timing::phase("cache: store", || {
                    build_cache::store(&g.root, key, &cached, record)
                });
            }
            // The process ends now, unless a launcher's window waits for
            // Enter: then it gives the memory back first.
            if g.launcher {
                drop(built);
            } else {
                built.leave_to_exit();
            }
            return ExitCode::SUCCESS;
        }
        report::print(&outcome.errors);
        eprintln!(
            "ĐÃ GIỮ LẠI {} BÀI CÓ LỖI — KHÔNG ĐƯỢC ĐĂNG (các lỗi ở trên):",
            outcome.held.len()
        );
        for rel in &outcome.held {
            eprintln!("  - content/{rel}");
        }
        eprintln!("Sửa các lỗi rồi dựng lại để đăng những bài này (mã thoát 3).");
        ExitCode::from(3)
    }
}

impl BuildArgs {
    /// Nothing changed since the last build into `dest`, which still holds
    /// what it wrote: say so, repeat its warnings, touch nothing.
    fn unchanged(&self, g: &Global, dest: &Path, record: &build_cache::Record, started: Instant) {
        if !g.quiet {
            report::print_rendered(&record.warnings);
            eprintln!(
                "Không có gì thay đổi từ lần dựng trước: {} trang ({} tệp) trong {} vẫn đúng, giữ nguyên không ghi lại (kiểm tra trong {} ms{}).",
                record.pages,
                record.files,
                paths::shown(dest),
                started.elapsed().as_millis(),
                if record.warning_count == 0 {
                    String::new()
                } else {
                    format!(", 0 lỗi, {} cảnh báo", record.warning_count)
                }
            );
            eprintln!("Muốn dựng lại từ đầu: minhbach build --sach");
            for line in next_steps(record.portable, dest, g.launcher) {
                eprintln!("{line}");
            }
        }
    }
}

/// What to do with the result, only what works: opening `index.html` from
/// disk follows links only when they end in `index.html` (`portable`).
/// Run from `Dung trang.bat`, the preview is the other launcher.
fn next_steps(portable: bool, dest: &std::path::Path, launcher: bool) -> Vec<String> {
    let index = paths::shown_absolute(&dest.join("index.html"));
    if portable {
        let preview = if launcher {
            "bấm đúp Xem truoc.bat"
        } else {
            "minhbach serve --open"
        };
        vec![
            format!("Mở trang (mở thẳng từ ổ đĩa được): {index}"),
            format!("Hoặc xem thử khi đang sửa: {preview}"),
        ]
    } else {
        vec![
            "Xem trang trong trình duyệt: minhbach serve --open".to_owned(),
            "Muốn mở thẳng tệp index.html từ ổ đĩa hay USB: thêm portable = true vào minhbach.toml rồi dựng lại.".to_owned(),
        ]
    }
}

fn progress_spinner() -> indicatif::ProgressBar {
    let pb = indicatif::ProgressBar::new_spinner();
    if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        pb.set_message("đang dựng trang…");
        pb.enable_steady_tick(std::time::Duration::from_millis(120));
    } else {
        pb.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    pb
}
