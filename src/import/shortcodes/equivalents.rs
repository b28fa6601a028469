//! What each shortcode becomes in plain Markdown: an image with its caption,
//! a link for videos and social posts (no third-party script), a link to the
//! page's new source path for `ref`/`relref`, fenced code for `highlight`,
//! a blockquote for Zola's `quote`; with the outcome for the report.

use super::scan::Token;

/// The first non-empty argument among `names` (named or positional).
fn arg<'a>(t: &'a Token, names: &[&str]) -> Option<&'a str> {
    names
        .iter()
        .find_map(|n| t.args.get(*n))
        .map(String::as_str)
        .filter(|s| !s.is_empty())
}

/// Markdown for an image with an optional caption.
pub(super) fn image(src: &str, alt: &str, caption: Option<&str>) -> String {
    let alt = alt.replace(['[', ']'], "");
    let mut s = format!("![{alt}](<{src}>)");
    if let Some(c) = caption.filter(|c| !c.trim().is_empty()) {
        s.push_str(&format!("\n\n*{}*", c.trim()));
    }
    s
}

pub(super) fn link(text: &str, url: &str) -> String {
    format!("[{}](<{url}>)", text.replace(['[', ']'], ""))
}

/// A single (unpaired) shortcode → (Markdown, outcome, converted).
pub(super) fn single(
    t: &Token,
    resolve_ref: &dyn Fn(&str) -> Option<String>,
) -> (String, String, bool) {
    let name = t.name.to_lowercase();
    let title = arg(t, &["title", "caption", "alt"]);
    let id = || arg(t, &["id", "0"]);
    let as_link = |label: String, url: String, what: &str| {
        (
            link(&label, &url),
            format!("đổi thành liên kết {what} (không nhúng mã của bên thứ ba)"),
            true,
        )
    };
    match name.as_str() {
        "youtube" if id().is_some() => {
            let id = id().unwrap_or_default();
            let label = format!("Video trên YouTube: {}", title.unwrap_or(id));
            as_link(
                label,
                format!("https://www.youtube.com/watch?v={id}"),
                "tới video YouTube",
            )
        }
        // Hugo's `*_simple` variants (no third-party script) are the same posts.
        "vimeo" | "vimeo_simple" if id().is_some() => {
            let id = id().unwrap_or_default();
            let label = format!("Video trên Vimeo: {}", title.unwrap_or(id));
            as_link(label, format!("https://vimeo.com/{id}"), "tới video Vimeo")
        }
        "gist" => match (
            arg(t, &["url"]),
            arg(t, &["user", "0"]),
            arg(t, &["id", "1"]),
        ) {
            (Some(url), _, _) => as_link(
                format!("Mã nguồn (gist): {url}"),
                url.to_owned(),
                "tới gist",
            ),
            (None, Some(user), Some(id)) => as_link(
                format!("Mã nguồn (gist) của {user}"),
                format!("https://gist.github.com/{user}/{id}"),
                "tới gist",
            ),
            _ => dropped(&name),
        },
        "tweet" | "x" | "twitter" | "twitter_simple" | "x_simple" => {
            match (arg(t, &["user"]), arg(t, &["id", "0"])) {
                (Some(user), Some(id)) => as_link(
                    format!("Bài đăng của @{user} trên X"),
                    format!("https://x.com/{user}/status/{id}"),
                    "tới bài đăng X",
                ),
                (None, Some(id)) => as_link(
                    "Bài đăng trên X".into(),
                    format!("https://x.com/i/status/{id}"),
                    "tới bài đăng X",
                ),
                _ => dropped(&name),
            }
        }
        "instagram" if id().is_some() => as_link(
            "Bài đăng trên Instagram".into(),
            format!("https://www.instagram.com/p/{}/", id().unwrap_or_default()),
            "tới Instagram",
        ),
        "ref" | "relref" => {
            let target = arg(t, &["0", "path"]).unwrap_or("");
            match resolve_ref(target) {
                Some(dest) => (
                    dest,
                    "đổi thành đường dẫn tới tệp nguồn của bài".into(),
                    true,
                ),
                None => (
                    "#".into(),
                    format!("không tìm thấy trang “{target}”; liên kết trỏ về “#”, cần sửa tay"),
                    false,
                ),
            }
        }
        _ => match arg(t, &["src", "url", "path", "0"]).filter(|s| looks_like_image(s)) {
            Some(src) => {
                let alt = arg(t, &["alt", "title", "caption"]).unwrap_or("");
                let caption = arg(t, &["caption", "title"]);
                (
                    image(src, alt, caption),
                    "đổi thành ảnh Markdown".into(),
                    true,
                )
            }
            None => dropped(&name),
        },
    }
}

pub(super) fn looks_like_image(s: &str) -> bool {
    let l = s.to_lowercase();
    [".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif"]
        .iter()
        .any(|e| l.split(['?', '#']).next().unwrap_or("").ends_with(e))
}

pub(super) fn dropped(name: &str) -> (String, String, bool) {
    (
        String::new(),
        format!("mã chèn “{name}” không có tương đương trong minhbach, đã bỏ"),
        false,
    )
}

/// A paired shortcode with its (converted) content.
pub(super) fn paired(t: &Token, inner: &str) -> (String, String, bool) {
    let name = t.name.to_lowercase();
    match name.as_str() {
        "highlight" | "code" => {
            let lang = arg(t, &["0", "lang", "language"]).unwrap_or("");
            let body = inner.trim_matches('\n');
            (
                format!("```{lang}\n{body}\n```"),
                "đổi thành khối mã".into(),
                true,
            )
        }
        "figure" => {
            let src = arg(t, &["src"]).unwrap_or("");
            let caption = Some(inner.trim())
                .filter(|c| !c.is_empty())
                .or(arg(t, &["caption"]));
            (
                image(src, arg(t, &["alt"]).unwrap_or(""), caption),
                "đổi thành ảnh Markdown".into(),
                true,
            )
        }
        "quote" | "blockquote" => {
            let quoted: Vec<String> = inner.trim().lines().map(|l| format!("> {l}")).collect();
            let mut s = quoted.join("\n");
            if let Some(a) = arg(t, &["author", "cite"]) {
                s.push_str(&format!("\n>\n> — {a}"));
            }
            (s, "đổi thành trích dẫn Markdown".into(), true)
        }
        // Hugo's inline shortcode (`enableInlineShortcodes`): its content is
        // a template, shown as it is only when it has no template action.
        _ if name.ends_with(".inline") && inner.contains("{{") => (
            String::new(),
            format!(
                "mã chèn tự viết “{name}” là mã mẫu của Hugo ({{{{ … }}}}), trang mới không chạy mã mẫu: đã bỏ cả nội dung"
            ),
            false,
        ),
        _ => (
            inner.trim_matches('\n').to_owned(),
            format!("mã chèn “{name}” không có tương đương; đã bỏ khung, giữ nội dung bên trong"),
            false,
        ),
    }
}
