//! `minhbach init DIR`: a new site that builds at once, with a copy of the
//! default theme's templates and strings so the officer can edit them.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use crate::render::engine::theme::embedded;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Thư mục của trang mới (được tạo nếu chưa có; phải trống).
    #[arg(value_name = "THƯ_MỤC")]
    pub dir: PathBuf,
}

impl InitArgs {
    pub fn run(self, _g: &super::Global) -> ExitCode {
        match init(&self.dir) {
            Ok(()) => {
                eprintln!("Đã tạo trang mới trong {}.", super::paths::shown(&self.dir));
                eprintln!("Tiếp theo: {}", next_step(&self.dir, cfg!(windows)));
                ExitCode::SUCCESS
            }
            Err(msg) => {
                eprintln!("lỗi: {msg}");
                ExitCode::from(1)
            }
        }
    }
}

/// The command to go on with: cmd needs `cd /d` to change drive too.
fn next_step(dir: &Path, windows: bool) -> String {
    let d = super::paths::shown(dir);
    if windows {
        format!("cd /d \"{d}\" && minhbach serve --open")
    } else if d.contains(|c: char| !(c.is_alphanumeric() || "/._-".contains(c))) {
        format!("cd '{}' && minhbach serve --open", d.replace('\'', "'\\''"))
    } else {
        format!("cd {d} && minhbach serve --open")
    }
}

const CONFIG: &str = r#"# Cấu hình chuyên mục Chuyển đổi số. Xem docs/cau-hinh.md để biết mọi khoá.
title = "Chuyển đổi số"
description = "Thông tin về chuyển đổi số của địa phương"
unit = "UBND xã …"
level = "xã"
province = ""
base_url = "http://localhost:1111/"
language = "vi"
paginate_by = 10

[contact]
address = ""
phone = ""
email = ""
"#;

const HOME: &str = "+++\ntitle = \"Chuyển đổi số\"\ndescription = \"Thông tin về chuyển đổi số của địa phương\"\n+++\n\nChào mừng đến chuyên mục Chuyển đổi số.\n";
const NEWS: &str = "+++\ntitle = \"Tin tức\"\npaginate_by = 10\n+++\n";
/// What git should not keep: the built site, an interrupted build's
/// leftovers beside it, the build cache (decision 0037).
const GITIGNORE: &str = "# Do minhbach tạo ra khi dựng trang: không cần đưa vào git.\n/public/\n/.public.*\n/.minhbach-cache/\n";
const DOCS: &str = "+++\ntitle = \"Văn bản\"\n+++\n";

/// Creates the site skeleton; refuses a non-empty folder.
pub fn init(dir: &Path) -> Result<(), String> {
    if dir.exists()
        && std::fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(format!(
            "thư mục {} đã có tệp; minhbach init chỉ tạo trang trong thư mục trống",
            super::paths::shown(dir)
        ));
    }
    let files: Vec<(String, &[u8])> = vec![
        ("minhbach.toml".into(), CONFIG.as_bytes()),
        ("content/_index.md".into(), HOME.as_bytes()),
        ("content/tin-tuc/_index.md".into(), NEWS.as_bytes()),
        ("content/van-ban/_index.md".into(), DOCS.as_bytes()),
        (".gitignore".into(), GITIGNORE.as_bytes()),
    ];
    let theme_files = embedded::FILES
        .iter()
        .map(|(p, b)| (format!("themes/default/{p}"), *b));
    for (rel, bytes) in files.into_iter().chain(theme_files) {
        let path = dir.join(&rel);
        if let Some(p) = path.parent() {
            std::fs::create_dir_all(p).map_err(|e| {
                format!(
                    "không tạo được {}: {}",
                    super::paths::shown(p),
                    crate::os_error::reason(&e)
                )
            })?;
        }
        std::fs::write(&path, bytes).map_err(|e| {
            format!(
                "không ghi được {}: {}",
                super::paths::shown(&path),
                crate::os_error::reason(&e)
            )
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::next_step;
    use std::path::Path;

    #[test]
    fn advice_changes_drive_on_windows_and_quotes_on_unix() {
        assert_eq!(
            next_step(Path::new(r"D:\Trang xa"), true),
            r#"cd /d "D:\Trang xa" && minhbach serve --open"#
        );
        assert_eq!(
            next_step(Path::new("trang"), false),
            "cd trang && minhbach serve --open"
        );
        assert_eq!(
            next_step(Path::new("trang xã"), false),
            "cd 'trang xã' && minhbach serve --open"
        );
    }
}
