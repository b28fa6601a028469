//! Render jobs: one output file, its template and context, built now
//! ([`Job`]) or on a worker thread when rendered ([`Lazy`]), and the
//! [`Plan`] of a whole build.

use std::sync::Arc;

use tera::Tera;

use super::vars::Context;

use super::templates::template_error;
use super::theme::Theme;
use crate::diagnostics::Diagnostic;
use crate::output::Output;
use crate::site::Site;

/// One file to render: its output path, template and context.
pub(crate) struct Job {
    pub(crate) path: String,
    pub(crate) template: String,
    pub(crate) context: Context,
}

/// A job whose context is built when it is rendered, on a worker thread:
/// contexts are made in parallel and dropped as soon as their page is
/// rendered, instead of all living at once. Owns no borrow of the site, so
/// `serve` can keep it and render the page on request (see [`crate::render::lazy`]).
pub(crate) struct Lazy {
    pub(crate) path: String,
    pub(crate) make: MakeJob,
}

/// Builds a job's context from the site (see [`Lazy`]).
pub(crate) type MakeJob = Box<dyn Fn(&Site, &Theme) -> Job + Send + Sync>;

/// A file to render: a job with its context built, or one built on demand,
/// or a job kept from an earlier plan of the same data (`serve`, see
/// [`crate::render::DataPlan`]).
pub(crate) enum Pending {
    Ready(Job),
    Lazy(Lazy),
    Shared(Arc<Job>),
    /// A job built on demand, kept from an earlier plan of the same data.
    SharedLazy(Arc<Lazy>),
}

impl Pending {
    pub(crate) fn path(&self) -> &str {
        match self {
            Pending::Ready(j) => &j.path,
            Pending::Lazy(l) => &l.path,
            Pending::Shared(j) => &j.path,
            Pending::SharedLazy(l) => &l.path,
        }
    }

    /// Renders the file.
    pub(crate) fn render(
        &self,
        site: &Site,
        theme: &Theme,
        tera: &Tera,
    ) -> Result<String, Diagnostic> {
        let run = |job: &Job| {
            tera.render(&job.template, job.context.tera())
                .map_err(|e| template_error(&job.template, &e, theme))
        };
        self.with_job(site, theme, run)
    }

    /// Renders the file's bytes onto the end of `buf`: `build` reuses one
    /// buffer per worker and writes the bytes as they are, without the
    /// copy and UTF-8 check of [`Pending::render`] (templates and contexts
    /// are UTF-8, so the bytes are the same).
    pub(crate) fn render_into(
        &self,
        site: &Site,
        theme: &Theme,
        tera: &Tera,
        buf: &mut Vec<u8>,
    ) -> Result<(), Diagnostic> {
        self.with_job(site, theme, |job: &Job| {
            tera.render_to(&job.template, job.context.tera(), &mut *buf)
                .map_err(|e| template_error(&job.template, &e, theme))
        })
    }

    /// Calls `run` with the job, built first if it is built on demand.
    fn with_job<R>(&self, site: &Site, theme: &Theme, run: impl FnOnce(&Job) -> R) -> R {
        match self {
            Pending::Ready(job) => run(job),
            Pending::Lazy(l) => run(&(l.make)(site, theme)),
            Pending::Shared(job) => run(job),
            Pending::SharedLazy(l) => run(&(l.make)(site, theme)),
        }
    }
}

/// Everything a build outputs, before the templates run: files to render,
/// files whose bytes are known (data exports and theme statics, which win
/// over rendered pages at the same path) and assets to copy (which lose).
pub(crate) struct Plan {
    pub(crate) pending: Vec<Pending>,
    pub(crate) fixed: Output,
    /// Fixed files shared with other plans of the same data (the open data
    /// and preview images, see `render::DataPlan`); `fixed` wins over them.
    pub(crate) shared_fixed: Arc<Output>,
    pub(crate) assets: Vec<(String, std::path::PathBuf)>,
}
