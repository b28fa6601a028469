//! The build entry point: load → validate → model → render, returning the
//! in-memory output or every problem found. `build`, `check` and `serve`
//! all go through [`build_site`]; only `build` writes to disk.

use std::path::PathBuf;

use jiff::civil::Date;

use crate::config::Config;
use crate::content;
use crate::diagnostics::Diagnostics;
use crate::output::Output;
use crate::render::{self, theme::Theme};
use crate::site::Site;

/// Everything a build depends on besides the files.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (holds `minhbach.toml`).
    pub root: PathBuf,
    /// Overrides `base_url` from the configuration.
    pub base_url: Option<String>,
    /// "Today": decides scheduled posts and overdue tasks.
    pub today: Date,
    /// Include drafts.
    pub drafts: bool,
}

/// The result of a successful build.
#[derive(Debug)]
pub struct Built {
    pub output: Output,
    /// Warnings (a successful build has no errors).
    pub diagnostics: Diagnostics,
    pub config: Config,
}

/// Builds the site in memory. On failure, returns every diagnostic found
/// (sorted), errors and warnings alike.
pub fn build_site(opts: &BuildOptions) -> Result<Built, Diagnostics> {
    let mut diags = Diagnostics::new();
    let Some(mut config) = Config::load(&opts.root, &mut diags) else {
        return Err(diags);
    };
    if let Some(url) = &opts.base_url {
        config.base_url = if url.ends_with('/') {
            url.clone()
        } else {
            format!("{url}/")
        };
    }
    let theme = Theme::load(&opts.root, &config.theme, &mut diags);
    let tera = render::compile(&theme, &mut diags);
    let loaded = content::load(
        &opts.root,
        &config,
        opts.today,
        opts.drafts,
        None,
        &mut diags,
    );
    let site = Site::new(config, opts.today, loaded, &mut diags);
    let output = match &tera {
        Some(tera) if !diags.has_errors() => render::render(&site, &theme, tera, &mut diags),
        _ => Output::default(),
    };
    diags.sort();
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Built {
        output,
        diagnostics: diags,
        config: site.config,
    })
}
