//! Fenced code is highlighted at build time with CSS classes only: the
//! page carries no `style=` attribute (it must work under a strict CSP),
//! unknown languages stay plain `<pre><code>`, and two builds are equal.
//! `[markdown] highlight = false` turns it off for the whole site.

mod common;

use common::Site;

const POST: &str = r#"+++
title = "Mã nguồn"
date = 2026-11-20
+++

Ví dụ cấu hình:

```rust
fn main() { println!("xin chào"); }
```

```python
def tong(a, b):
    return a + b  # cộng
```

```bash
minhbach build --date 2026-11-25
```

```toml
[site]
title = "UBND xã"
```

```json
{"ten": "xã", "so": 3}
```

```khong-biet
<b>giữ nguyên</b>
```

```
không ghi ngôn ngữ
```
"#;

#[test]
fn code_blocks_get_classes_and_no_inline_style() {
    let site = Site::fixture("basic");
    site.write("content/tin-tuc/2026-11-20-ma-nguon.md", POST);
    site.build_ok(&[]);
    let html = site.read_out("tin-tuc/ma-nguon/index.html");
    for lang in ["rust", "python", "bash", "toml", "json"] {
        let start = html
            .find(&format!(
                "<pre class=\"hl\"><code class=\"language-{lang}\">"
            ))
            .unwrap_or_else(|| panic!("no highlighted {lang} block\n{html}"));
        let block = &html[start..start + html[start..].find("</pre>").unwrap()];
        assert!(block.contains("<span class=\"hl-"), "{lang}: {block}");
    }
    assert!(html.contains("<span class=\"hl-storage hl-type hl-function hl-rust\">fn</span>"));
    assert!(html.contains("<span class=\"hl-comment hl-line hl-number-sign hl-python\">"));
    assert!(html.contains("<span class=\"hl-entity hl-name hl-section hl-toml\">site</span>"));
    assert!(html.contains("<span class=\"hl-constant hl-numeric hl-json\">3</span>"));
    // Unknown language and no language: plain, escaped, no classes.
    assert!(
        html.contains(
            "<pre><code class=\"language-khong-biet\">&lt;b&gt;giữ nguyên&lt;/b&gt;\n</code></pre>"
        ),
        "{html}"
    );
    assert!(
        html.contains("<pre><code>không ghi ngôn ngữ\n</code></pre>"),
        "{html}"
    );
    assert!(!html.contains("style="), "inline style in the page");
    // The theme styles the classes.
    let css = site.read_out("style.css");
    assert!(css.contains(".hl .hl-keyword"));
    // Deterministic.
    let first = site.public_tree();
    site.build_ok(&[]);
    assert!(site.public_tree() == first, "two builds differ");
}

#[test]
fn highlight_false_keeps_every_block_plain() {
    let site = Site::fixture("basic");
    site.write("content/tin-tuc/2026-11-20-ma-nguon.md", POST);
    site.append_config("\n[markdown]\nhighlight = false\n");
    site.build_ok(&[]);
    let html = site.read_out("tin-tuc/ma-nguon/index.html");
    assert!(
        !html.contains("hl-"),
        "highlighted with highlight = false\n{html}"
    );
    assert!(!html.contains("<pre class=\"hl\">"), "{html}");
    // Known languages now look exactly like an unknown one: plain, escaped.
    assert!(
        html.contains(
            "<pre><code class=\"language-rust\">fn main() { println!(\"xin chào\"); }\n</code></pre>"
        ),
        "{html}"
    );
    assert!(
        html.contains("<pre><code class=\"language-python\">def tong(a, b):\n"),
        "{html}"
    );
    assert!(
        html.contains(
            "<pre><code class=\"language-khong-biet\">&lt;b&gt;giữ nguyên&lt;/b&gt;\n</code></pre>"
        ),
        "{html}"
    );
}

#[test]
fn a_bad_highlight_value_is_a_located_error_in_vietnamese() {
    let site = Site::fixture("basic");
    site.build_ok(&[]);
    let before = site.public_tree();
    site.append_config("\n[markdown]\nhighlight = \"co\"\n");
    site.build(&[]).assert_code(1).assert_stderr_has(&[
        "giá trị sai kiểu, cần true hoặc false",
        "minhbach.toml:",
        "highlight = \"co\"",
    ]);
    assert!(
        site.public_tree() == before,
        "public/ changed on a bad config"
    );
    let site = Site::fixture("basic");
    site.append_config("\n[markdown]\nhighlite = false\n");
    site.build(&[]).assert_code(1).assert_stderr_has(&[
        "khoá “highlite” không có trong mục [markdown]",
        "có phải ý bạn là “highlight”?",
    ]);
}
