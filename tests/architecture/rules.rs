//! The rule table: the layer of each top-level module and the ranks of the
//! folders inside `render/` (see the crate docs).

/// The layer of each top-level module (see the module docs).
pub fn layer(top: &str) -> Option<u8> {
    Some(match top {
        "main" | "cli" | "serve" => 6,
        "build" | "build_cache" | "import" | "docx" => 5,
        "render" => 4,
        "site" => 3,
        "content" | "data" | "charts" | "config" | "output" => 2,
        "text" | "diagnostics" | "suggest" | "timing" | "syntax_errors" | "os_error" => 1,
        "" | "lib" => 7,
        _ => return None,
    })
}

/// Layers inside a top-level module: (folder, rank); a file may not import
/// a file of a higher rank.
pub const INNER: &[(&str, u8)] = &[
    ("src/render/engine/", 1),
    ("src/render/pages/", 2),
    ("src/render/data/", 2),
    ("src/render/published/", 2),
];

pub fn inner(file: &str) -> Option<u8> {
    INNER
        .iter()
        .find(|(d, _)| file.starts_with(d))
        .map(|&(_, r)| r)
}
