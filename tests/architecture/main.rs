//! The code's layering, checked from the source itself: every `use` and
//! every `crate::`/`super::`/`self::` path in `src/` becomes an edge between
//! two files (re-exports followed to the file that defines the item), then
//! two rules hold:
//!
//! 1. **No import circle**: no file reaches itself through others.
//! 2. **Imports run downward** through the layers below (a module may import
//!    its own layer or lower ones, never a higher one):
//!
//!    | layer | modules |
//!    | --- | --- |
//!    | 6 command line | `main`, `cli`, `serve` |
//!    | 5 pipelines | `build`, `build_cache`, `import` (Hugo/Zola → content) |
//!    | 4 view | `render` |
//!    | 3 model | `site` |
//!    | 2 inputs and drawing | `content`, `data`, `charts`, `config`, `output` |
//!    | 1 foundations | `text`, `diagnostics`, `suggest`, `timing`, `syntax_errors`, `os_error` |
//!
//! Inside `render/`, `engine/` (theme, templates, jobs, shared context and
//! views) is below the rooms that use it — `pages/`, `data/`, `published/`
//! — and never imports them.
//!
//! A folder's `mod.rs` (or `a.rs` beside `a/`) is the folder itself: it may declare, re-export and
//! call its own files (those edges are containment, not imports), and its
//! files may use what it defines. Test modules (`#[cfg(test)] mod … { … }`)
//! are left out: they are not part of the structure. Run `cargo test --test architecture -- --nocapture` to
//! see the graph's size and every finding.
//!
//! `rules` holds the layer table, `source` reads `src/` (comments, strings and
//! test modules dropped), `graph` turns paths into edges and finds circles and
//! upward imports; the tests below apply them.

mod graph;
mod rules;
mod source;

use std::collections::BTreeSet;
use std::path::Path;

use graph::{Graph, graph};
use source::{Module, module_path, strip};

#[test]
fn no_import_circles() {
    let g = graph();
    let n: usize = g.edges.values().map(BTreeSet::len).sum();
    println!("{} files, {n} imports between files", g.edges.len());
    let cycles = g.cycles();
    for c in &cycles {
        println!("circle: {}", c.join(" ↔ "));
        for from in c {
            for to in g.edges[from].iter().filter(|t| c.contains(t)) {
                println!("    {from} → {to}");
            }
        }
    }
    assert!(
        cycles.is_empty(),
        "import circles (break one edge: move the shared piece down, or the type to where both can see it):\n{}",
        cycles
            .iter()
            .map(|c| c.join(" ↔ "))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn imports_run_downward() {
    let up = graph().upward();
    for (from, to) in &up {
        println!("upward: {from} → {to}");
    }
    assert!(
        up.is_empty(),
        "imports from a lower layer to a higher one (see the table in tests/architecture/rules.rs):\n{}",
        up.iter()
            .map(|(a, b)| format!("{a} → {b}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The checker itself finds what it must: a circle, a re-export followed to
/// its defining file, an upward import, and nothing inside test modules.
#[test]
fn checker_sees_circles_reexports_and_layers() {
    let m = |file: &str, code: &str| Module {
        path: module_path(Path::new(file)),
        file: format!("src/{file}"),
        code: strip(code),
    };
    let mods = vec![
        m("lib.rs", "pub mod data; pub mod site; pub mod text;"),
        m("data/mod.rs", "mod b; mod c; pub use b::Thing;"),
        m("data/b.rs", "use super::c::helper; pub struct Thing;"),
        m(
            "data/c.rs",
            "pub fn helper() { let _ = crate::data::Thing; } // crate::site::x",
        ),
        m(
            "text/mod.rs",
            "pub fn f() { let s = \"crate::site::X\"; }\n#[cfg(test)]\nmod tests { use crate::site::X; }",
        ),
        m("site/mod.rs", "use crate::text::f; pub struct X;"),
    ];
    let g = Graph::build(&mods);
    assert_eq!(
        g.cycles(),
        vec![vec!["src/data/b.rs".to_owned(), "src/data/c.rs".to_owned()]]
    );
    assert!(
        g.edges["src/data/c.rs"].contains("src/data/b.rs"),
        "re-export followed"
    );
    assert!(
        g.edges["src/text/mod.rs"].is_empty(),
        "strings and test modules ignored"
    );
    assert!(g.upward().is_empty());
    let mut mods = mods;
    mods.push(m("text/up.rs", "use crate::site::X;"));
    let g = Graph::build(&mods);
    assert_eq!(
        g.upward(),
        vec![("src/text/up.rs".to_owned(), "src/site/mod.rs".to_owned())]
    );
}
