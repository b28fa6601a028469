//! What `serve` adds to HTML pages, and only to pages it serves (never to
//! `build` output): the live-reload script, and the error overlay shown when
//! the last rebuild failed.
//!
//! Everything taken from diagnostics is HTML-escaped here.

use crate::diagnostics::Diagnostics;
use crate::text::escape;

/// The SSE endpoint the reload script listens to.
pub const EVENTS_PATH: &str = "/__minhbach/events";

/// Marker present in every injected script; tests look for it.
pub const SCRIPT_MARKER: &str = "__minhbach";

/// The inline live-reload script. `generation` is the build the page came
/// from: the server sends the current one on connect, so a page served just
/// before a rebuild still reloads. Scroll position survives the reload.
pub fn reload_script(generation: u64) -> String {
    format!(
        r#"<script id="__minhbach-reload">(function(){{var g="{generation}",k="__minhbach_scroll:"+location.pathname;
var y=sessionStorage.getItem(k);if(y!==null){{sessionStorage.removeItem(k);addEventListener("load",function(){{scrollTo(0,+y)}});}}
function go(){{try{{sessionStorage.setItem(k,String(scrollY))}}catch(e){{}}location.reload()}}
var es=new EventSource("{EVENTS_PATH}");
es.addEventListener("hello",function(e){{if(e.data!==g)go()}});
es.addEventListener("reload",go);}})();</script>"#
    )
}

/// The overlay panel listing every error of a failed build.
pub fn overlay(diags: &Diagnostics) -> String {
    let capped = diags.capped(crate::diagnostics::SHOWN_PER_KIND);
    let errors: Vec<_> = capped.iter().filter(|d| d.is_error()).collect();
    let mut items = String::new();
    for d in &errors {
        items.push_str(r#"<li style="margin:0 0 1em">"#);
        items.push_str(&format!(
            r#"<div style="font-weight:bold;color:#ffd0d0">{}</div><div style="margin:.2em 0">{}</div>"#,
            escape::html(&d.location_label()),
            escape::html(&d.message),
        ));
        if let Some(src) = &d.source_line {
            let line = d
                .location
                .line
                .map(|l| format!("{l} | "))
                .unwrap_or_default();
            items.push_str(&format!(
                r#"<pre style="margin:.3em 0;padding:.4em .6em;background:#000;color:#fff;white-space:pre-wrap;overflow-wrap:anywhere">{}{}</pre>"#,
                escape::html(&line),
                escape::html(src)
            ));
        }
        if let Some(hint) = &d.hint {
            items.push_str(&format!(
                r#"<div style="color:#fff3b0">Gợi ý: {}</div>"#,
                escape::html(hint)
            ));
        }
        items.push_str("</li>");
    }
    format!(
        r#"<div id="__minhbach-overlay" role="alert" aria-live="assertive" style="position:fixed;z-index:2147483647;left:0;right:0;top:0;max-height:80vh;overflow:auto;margin:0;padding:1em 1.5em;background:#7a0000;color:#fff;font:16px/1.45 system-ui,sans-serif;border-bottom:4px solid #ffd400;box-shadow:0 4px 16px rgba(0,0,0,.5)"><h2 style="margin:0 0 .6em;font-size:1.25em;color:#fff">Không dựng được trang: {count} lỗi</h2><p style="margin:0 0 .8em">Trang đang hiển thị là bản dựng thành công gần nhất. Sửa các lỗi dưới đây và lưu tệp, trang sẽ tự tải lại.</p><ol style="margin:0;padding-left:1.4em">{items}</ol><button type="button" onclick="this.parentNode.remove()" style="font:inherit;padding:.2em .8em;background:#fff;color:#000;border:2px solid #000;cursor:pointer">Ẩn thông báo</button></div>"#,
        count = diags.error_count(),
    )
}

/// A whole page that shows only the overlay, for when there is no
/// successful build to show yet.
pub fn error_page(diags: &Diagnostics, generation: u64) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Lỗi dựng trang — minhbach</title></head><body style=\"background:#222\">{}{}</body></html>\n",
        overlay(diags),
        reload_script(generation)
    )
}

/// Inserts `snippet` before the last `</body>` (any case), or appends it
/// when the page has none.
pub fn inject(html: &[u8], snippet: &str) -> Vec<u8> {
    let at = find_last_body_close(html).unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + snippet.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(snippet.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn find_last_body_close(html: &[u8]) -> Option<usize> {
    const NEEDLE: &[u8] = b"</body";
    html.windows(NEEDLE.len())
        .rposition(|w| w.eq_ignore_ascii_case(NEEDLE))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostic;

    #[test]
    fn injects_before_body_close() {
        let out = inject(b"<html><body><p>x</p></BODY></html>", "<s>");
        assert_eq!(out, b"<html><body><p>x</p><s></BODY></html>");
        let out = inject(b"<p>no body</p>", "<s>");
        assert_eq!(out, b"<p>no body</p><s>");
    }

    #[test]
    fn script_listens_for_reload() {
        let s = reload_script(7);
        assert!(s.contains("new EventSource(\"/__minhbach/events\")"));
        assert!(s.contains("\"reload\""));
        assert!(s.contains("sessionStorage"));
        assert!(s.contains("var g=\"7\""));
    }

    #[test]
    fn overlay_escapes_everything() {
        let mut diags = Diagnostics::new();
        diags.push(
            Diagnostic::error("content/<bai>.md", "thiếu “+++” <đóng>")
                .at(3, 1)
                .source_line("<script>alert(1)</script>")
                .hint("thêm dòng +++ & lưu"),
        );
        diags.push(Diagnostic::warning("content/a.md", "cảnh báo không hiện"));
        let html = overlay(&diags);
        assert!(html.contains(r#"role="alert""#));
        assert!(html.contains("position:fixed"));
        assert!(html.contains("content/&lt;bai&gt;.md:3:1"));
        assert!(html.contains("thiếu “+++” &lt;đóng&gt;"));
        assert!(html.contains("3 | &lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("thêm dòng +++ &amp; lưu"));
        assert!(html.contains("1 lỗi"));
        assert!(!html.contains("cảnh báo không hiện"));
        assert!(!html.contains("<script>"));
    }
}
