//! `serve`'s memo of generated bodies: the weekly bulletins' and periodic
//! reports' HTML, kept between rebuilds by what their template read.
//!
//! A data edit changes the figures of a few weeks and periods; the others'
//! bodies are the same bytes as before, yet rendering them again was most
//! of a bulletin or report rebuild (526 weeks on a province's site). A
//! body is looked up by its [`MemoContext`]: every value inserted in the
//! template's context, serialised in order, with the template's name. What
//! the context does not hold — the templates and the theme's strings — is
//! the memo's fingerprint: when any of them differs from the last rebuild,
//! everything is forgotten. Entries no rebuild asked for are dropped at the
//! end of it ([`BodyMemo::finish`]), so the memo holds one site's bodies.
//!
//! `build` never uses one: its bodies are rendered as before, and a memo hit
//! is, by its key, the body that rendering would give.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

use serde::Serialize;
use tera::Context;

use crate::render::engine::theme::Theme;

/// The templates and the theme's strings, by language.
type Fingerprint = (
    BTreeMap<String, String>,
    BTreeMap<String, BTreeMap<String, String>>,
);

/// The compiled templates a generated body is rendered with, and `serve`'s
/// memo of bodies, if any.
#[derive(Clone, Copy)]
pub struct Bodies<'a> {
    /// `None` when the templates do not compile (nothing is generated).
    pub tera: Option<&'a tera::Tera>,
    pub memo: Option<&'a BodyMemo>,
}

/// See the module docs. Empty by default.
#[derive(Default)]
pub struct BodyMemo {
    /// The templates and strings the kept bodies were rendered with.
    fingerprint: Option<Fingerprint>,
    /// Key (see [`MemoContext::key`]) → body; with whether this rebuild
    /// used the entry.
    bodies: Mutex<HashMap<String, (String, bool)>>,
    rendered: std::sync::atomic::AtomicUsize,
}

impl BodyMemo {
    /// Starts a rebuild with `theme`: forgets every body when its templates
    /// or strings are not those of the last rebuild.
    pub fn start(&mut self, theme: &Theme) {
        let same = self
            .fingerprint
            .as_ref()
            .is_some_and(|(t, s)| *t == theme.templates && *s == theme.strings);
        let bodies = self.bodies.get_mut().unwrap_or_else(|e| e.into_inner());
        if !same {
            bodies.clear();
            self.fingerprint = Some((theme.templates.clone(), theme.strings.clone()));
        }
        for e in bodies.values_mut() {
            e.1 = false;
        }
        *self.rendered.get_mut() = 0;
    }

    /// Drops the bodies this rebuild did not ask for.
    pub fn finish(&mut self) {
        let bodies = self.bodies.get_mut().unwrap_or_else(|e| e.into_inner());
        bodies.retain(|_, e| e.1);
    }

    /// Forgets everything (a configuration change, a failed rebuild).
    pub fn clear(&mut self) {
        *self = BodyMemo::default();
    }

    /// How many bodies this rebuild rendered (the others were kept).
    pub fn rendered(&self) -> usize {
        self.rendered.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Number of bodies kept.
    pub fn len(&self) -> usize {
        self.bodies.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The body of `template` for `c`: the kept one when this key was
    /// rendered before, else rendered by `render` (and kept when it
    /// succeeds). Safe to call from several threads.
    pub fn body<E>(
        &self,
        template: &str,
        c: &MemoContext,
        render: impl FnOnce(&Context) -> Result<String, E>,
    ) -> Result<String, E> {
        if c.unkeyable || !c.keyed {
            return render(&c.context);
        }
        let key = format!("{template}\u{0}{}", c.key);
        {
            let mut bodies = self.bodies.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(e) = bodies.get_mut(&key) {
                e.1 = true;
                return Ok(e.0.clone());
            }
        }
        let body = render(&c.context)?;
        self.rendered
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.bodies
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, (body.clone(), true));
        Ok(body)
    }
}

/// Renders `template` with `c`, through `memo` when there is one.
pub fn render_with(
    memo: Option<&BodyMemo>,
    tera: &tera::Tera,
    template: &str,
    c: &MemoContext,
) -> Result<String, tera::Error> {
    match memo {
        Some(m) => m.body(template, c, |ctx| tera.render(template, ctx)),
        None => tera.render(template, &c.context),
    }
}

/// A template context that also records what was inserted, as the key of
/// the body it renders to. Values are serialised as JSON: a context made of
/// plain data (no values marked safe, which only templates make) renders
/// the same bytes for the same key.
#[derive(Default)]
pub struct MemoContext {
    pub context: Context,
    key: String,
    /// Serialising for the key is skipped when no memo is in use.
    keyed: bool,
    /// A value could not be serialised: the body is always rendered.
    unkeyable: bool,
}

impl MemoContext {
    /// An empty context; `keyed` when a memo will look its body up.
    pub fn new(keyed: bool) -> MemoContext {
        MemoContext {
            keyed,
            ..MemoContext::default()
        }
    }

    /// Inserts `val` under `name`, as [`Context::insert`].
    pub fn insert<T: Serialize + ?Sized>(&mut self, name: &'static str, val: &T) {
        self.context.insert(name, val);
        if self.keyed {
            self.record(name, val);
        }
    }

    /// Inserts a value the memo's fingerprint already covers (the theme's
    /// strings): not part of the key.
    pub fn insert_theme<T: Serialize + ?Sized>(&mut self, name: &'static str, val: &T) {
        self.context.insert(name, val);
        if self.keyed {
            self.key.push_str(name);
            self.key.push_str("=(theme)\u{1}");
        }
    }

    /// Adds a value that is not in the context but decides what the
    /// context holds (the language the theme's strings were taken in).
    pub fn record<T: Serialize + ?Sized>(&mut self, name: &str, val: &T) {
        self.key.push_str(name);
        self.key.push('=');
        // Serialising plain data to a String cannot fail; a context with a
        // value that could not be written is never looked up.
        match serde_json::to_string(val) {
            Ok(s) => self.key.push_str(&s),
            Err(_) => self.unkeyable = true,
        }
        self.key.push('\u{1}');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theme(template: &str) -> Theme {
        let mut t = Theme {
            templates: BTreeMap::new(),
            statics: BTreeMap::new(),
            strings: BTreeMap::new(),
        };
        t.templates.insert("b.html".into(), template.into());
        t
    }

    fn ctx(v: &str) -> MemoContext {
        let mut c = MemoContext::new(true);
        c.insert("v", v);
        c
    }

    fn body(memo: &BodyMemo, c: &MemoContext) -> String {
        memo.body("b.html", c, |ctx| {
            Ok::<_, ()>(format!("<p>{}</p>", ctx.get("v").unwrap()))
        })
        .unwrap()
    }

    #[test]
    fn a_kept_body_is_reused_only_for_the_same_values_and_templates() {
        let mut memo = BodyMemo::default();
        memo.start(&theme("{{ v }}"));
        assert_eq!(body(&memo, &ctx("a")), "<p>a</p>");
        assert_eq!(body(&memo, &ctx("b")), "<p>b</p>");
        memo.finish();
        assert_eq!(memo.rendered(), 2);
        memo.start(&theme("{{ v }}"));
        assert_eq!(body(&memo, &ctx("a")), "<p>a</p>");
        assert_eq!(memo.rendered(), 0, "same values: kept");
        assert_eq!(body(&memo, &ctx("c")), "<p>c</p>");
        assert_eq!(memo.rendered(), 1, "new values: rendered");
        memo.finish();
        assert_eq!(memo.len(), 2, "the body of b was not asked for: dropped");
        memo.start(&theme("<b>{{ v }}</b>"));
        body(&memo, &ctx("a"));
        assert_eq!(memo.rendered(), 1, "a new template forgets every body");
    }

    #[test]
    fn a_failed_render_is_not_kept() {
        let mut memo = BodyMemo::default();
        memo.start(&theme("x"));
        let c = ctx("a");
        assert!(
            memo.body("b.html", &c, |_| Err::<String, _>("hỏng"))
                .is_err()
        );
        assert_eq!(memo.len(), 0);
    }
}
