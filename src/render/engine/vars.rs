//! A page's template variables: tera's context plus the names inserted,
//! so the chart walk (`render::data::embeds`) can visit every variable
//! (tera 2's context does not list its keys).

use std::borrow::Cow;

use serde::Serialize;

/// The variables one template renders with.
#[derive(Debug, Clone, Default)]
pub struct Context {
    inner: tera::Context,
    keys: Vec<Cow<'static, str>>,
}

impl Context {
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `key` to `val` (serialized now).
    pub fn insert<S: Into<Cow<'static, str>>, T: Serialize + ?Sized>(&mut self, key: S, val: &T) {
        self.insert_value(key, tera::Value::from_serializable(val));
    }

    /// Sets `key` to a value already converted.
    pub fn insert_value<S: Into<Cow<'static, str>>>(&mut self, key: S, val: tera::Value) {
        let key = key.into();
        if !self.inner.contains_key(&key) {
            self.keys.push(key.clone());
        }
        self.inner.insert_value(key, val);
    }

    pub fn get(&self, key: &str) -> Option<&tera::Value> {
        self.inner.get(key)
    }

    /// The names set, in the order first inserted.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.keys.iter().map(|k| k.as_ref())
    }

    /// What the template engine reads.
    pub fn tera(&self) -> &tera::Context {
        &self.inner
    }
}
