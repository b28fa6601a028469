//! `minhbach new post "Tiêu đề"`: writes a new post with its front matter
//! filled in (or, with `--tu TEP.docx`, converts a Word document: see
//! [`super::new_docx`]); `minhbach new dataset <loại>` writes data templates (see
//! [`super::new_dataset`]). Never overwrites an existing file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::{Global, SiteArgs};
use crate::text::slugify;

#[derive(Debug, Args)]
pub struct NewArgs {
    #[command(subcommand)]
    pub what: NewWhat,
}

#[derive(Debug, Subcommand)]
pub enum NewWhat {
    /// Bài tin mới trong content/tin-tuc/, tên tệp bắt đầu bằng ngày đăng.
    /// Với --tu TEP.docx: chuyển tài liệu Word thành bài (kèm ảnh).
    Post {
        /// Tiêu đề bài viết (với --tu: không bắt buộc, mặc định lấy từ tài liệu).
        #[arg(value_name = "TIÊU_ĐỀ", required_unless_present = "tu")]
        title: Option<String>,
        /// Chuyển tài liệu Word (.docx) thành bài: đề mục, chữ đậm/nghiêng,
        /// danh sách, bảng, liên kết, chú thích và ảnh (đặt cạnh bài).
        #[arg(long, visible_alias = "from", value_name = "TỆP.docx")]
        tu: Option<PathBuf>,
        #[command(flatten)]
        site: SiteArgs,
    },
    /// Tệp mẫu Excel (.xlsx, hoặc .csv với --csv) của một loại dữ liệu trong
    /// content/du-lieu/: chi-tieu, ket-qua, nhiem-vu, kinh-phi, chi-so-dti,
    /// diem-dti, don-vi (hoặc targets, results, tasks, budget, dti,
    /// dti-scores, units).
    Dataset {
        /// Loại dữ liệu, ví dụ chi-tieu.
        #[arg(value_name = "LOẠI")]
        kind: String,
        /// Tạo tệp CSV thay cho tệp Excel.
        #[arg(long)]
        csv: bool,
    },
}

impl NewArgs {
    pub fn run(self, g: &Global) -> ExitCode {
        match self.what {
            NewWhat::Dataset { kind, csv } => {
                match super::new_dataset::new_dataset(&g.root, &kind, csv) {
                    Ok(path) => {
                        println!("{}", super::paths::shown(&path));
                        if g.quiet {
                            return ExitCode::SUCCESS;
                        }
                        if csv {
                            eprintln!(
                                "Đã tạo tệp mẫu CSV (chỉ có dòng tiêu đề). Các cột (dấu * là bắt buộc):"
                            );
                            if let Ok(k) = super::new_dataset::parse_kind(&kind) {
                                for line in crate::data::template::guidance_lines(k) {
                                    eprintln!("{line}");
                                }
                            }
                        } else {
                            let lists = super::new_dataset::parse_kind(&kind)
                                .map(crate::data::template::list_columns)
                                .unwrap_or_default();
                            let lists = if lists.is_empty() {
                                String::new()
                            } else {
                                let names: Vec<String> =
                                    lists.iter().map(|h| format!("“{h}”")).collect();
                                format!(" cột {} có danh sách chọn;", names.join(", "))
                            };
                            eprintln!(
                                "Đã tạo tệp mẫu Excel. Cột có dấu * là bắt buộc;{lists} trang tính “Hướng dẫn” giải thích từng cột."
                            );
                        }
                        eprintln!(
                            "Nhập số liệu thật rồi chạy minhbach check. Xem thêm docs/du-lieu.md."
                        );
                        ExitCode::SUCCESS
                    }
                    Err(msg) => fail(&msg),
                }
            }
            NewWhat::Post {
                title,
                tu: Some(docx),
                site,
            } => from_docx(&g.root, &docx, title.as_deref(), site.today()),
            NewWhat::Post { title, site, .. } => {
                match new_post(&g.root, title.as_deref().unwrap_or_default(), site.today()) {
                    Ok(path) => {
                        println!("{}", super::paths::shown(&path));
                        if g.quiet {
                            return ExitCode::SUCCESS;
                        }
                        eprintln!(
                            "Đã tạo bài mới. Mở tệp trên để viết; bài là bản nháp (draft = true) cho tới khi bạn xoá dòng đó."
                        );
                        ExitCode::SUCCESS
                    }
                    Err(msg) => fail(&msg),
                }
            }
        }
    }
}

fn from_docx(root: &Path, docx: &Path, title: Option<&str>, today: jiff::civil::Date) -> ExitCode {
    match super::new_docx::new_post_from_docx(root, docx, title, today) {
        Ok(w) => {
            println!("{}", w.index.display());
            for warning in &w.warnings {
                eprintln!("cảnh báo: {}: {warning}", w.index.display());
            }
            eprintln!(
                "Đã chuyển tài liệu Word thành bài (kèm {} ảnh). Bài là bản nháp (draft = true): đọc lại, sửa những chỗ cần sửa rồi xoá dòng draft để đăng.",
                w.images
            );
            ExitCode::SUCCESS
        }
        Err(msg) => fail(&msg),
    }
}

/// Prints `msg` as an error once: messages rendered from diagnostics (a
/// missing or broken `minhbach.toml`) already start with "lỗi".
fn fail(msg: &str) -> ExitCode {
    let msg = msg.strip_suffix('\n').unwrap_or(msg);
    if msg.starts_with("lỗi") {
        eprintln!("{msg}");
    } else {
        eprintln!("lỗi: {msg}");
    }
    ExitCode::from(1)
}

/// Creates `content/<news>/<date>-<slug>.md` and returns its path.
pub fn new_post(root: &Path, title: &str, today: jiff::civil::Date) -> Result<PathBuf, String> {
    let mut diags = crate::diagnostics::Diagnostics::new();
    let config = crate::config::Config::load(root, &mut diags)
        .ok_or_else(|| diags.iter().map(|d| d.render()).collect::<String>())?;
    let slug = slugify(title);
    if slug.is_empty() {
        return Err("tiêu đề cần có ít nhất một chữ cái hoặc chữ số".into());
    }
    let dir = root.join("content").join(&config.sections.news);
    std::fs::create_dir_all(&dir).map_err(|e| {
        format!(
            "không tạo được thư mục {}: {}",
            super::paths::shown(&dir),
            crate::os_error::reason(&e)
        )
    })?;
    let path = dir.join(format!("{today}-{slug}.md"));
    let escaped = title.replace('\\', "\\\\").replace('"', "\\\"");
    let text = format!(
        "+++\ntitle = \"{escaped}\"\ndate = {today}\ndescription = \"\"\ntags = []\nauthor = \"\"\ndraft = true\n+++\n\n{placeholder} Đoạn đầu tiên được dùng làm tóm tắt trong danh sách tin.\n\n## Nội dung chính\n\n",
        placeholder = crate::content::placeholders::BODY_PLACEHOLDER
    );
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                format!(
                    "tệp {} đã có; minhbach không ghi đè. Hãy đặt tiêu đề khác hoặc sửa tệp đó.",
                    super::paths::shown(&path)
                )
            } else {
                format!(
                    "không tạo được {}: {}",
                    super::paths::shown(&path),
                    crate::os_error::reason(&e)
                )
            }
        })?;
    std::io::Write::write_all(&mut f, text.as_bytes()).map_err(|e| {
        format!(
            "không ghi được {}: {}",
            super::paths::shown(&path),
            crate::os_error::reason(&e)
        )
    })?;
    Ok(path)
}
