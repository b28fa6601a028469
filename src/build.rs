//! The build entry point: load → validate → model → render, returning the
//! in-memory output or every problem found. `build`, `check` and `serve`
//! all go through [`build_site`]; only `build` writes to disk.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use jiff::civil::Date;

use crate::config::Config;
use crate::content;
use crate::data::{DataCache, DataOptions};
use crate::diagnostics::Diagnostics;
use crate::output::{Output, Staging};
use crate::render::data::bulletin::BulletinMemo;
use crate::render::data::report::ReportMemo;
use crate::render::{self, engine::theme::Theme};
use crate::site::{Site, SiteData, SiteMemo};
use crate::timing::phase;

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
    /// `minhbach check`: also report gaps that do not change what is built
    /// (a document without number or issue date is listed by its title).
    pub check: bool,
}

/// The result of a successful build.
#[derive(Debug)]
pub struct Built {
    pub output: Output,
    /// Warnings (a successful build has no errors).
    pub diagnostics: Diagnostics,
    pub config: Config,
    /// The site, theme and templates, kept by [`build_site_to`] (`build`)
    /// for [`Built::leave_to_exit`]; others drop them when rendered.
    _model: Option<Model>,
}

/// See [`Built::_model`].
struct Model {
    _site: Site,
    _theme: Theme,
    _tera: Option<Arc<tera::Tera>>,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Model")
    }
}

impl Built {
    /// Ends the build without freeing what it holds, for a process that
    /// exits right after (`build`): the operating system takes the memory
    /// back whole, where freeing the site's model one allocation at a time
    /// took one core ~70 ms at 10,000 posts while nothing else ran
    /// (decision 0044).
    pub fn leave_to_exit(self) {
        std::mem::forget(self);
    }
}

/// What `serve` keeps between rebuilds so that an edited file costs that
/// file: parsed and rendered Markdown ([`content::ContentCache`]), parsed
/// data files ([`DataCache`]), the reports and weekly bulletins whose
/// inputs did not change ([`ReportMemo`], [`BulletinMemo`]) and the site
/// model's index while no page moves in it ([`SiteMemo`]).
#[derive(Default)]
pub struct Caches {
    /// The last compiled templates, with the sources they were compiled
    /// from and what compiling them reported.
    templates: Option<KeptTemplates>,
    pub content: content::ContentCache,
    pub data: DataCache,
    pub reports: ReportMemo,
    pub bulletins: BulletinMemo,
    /// The last site model's index over its pages.
    pub site: SiteMemo,
}

/// See [`Caches::templates`].
struct KeptTemplates {
    sources: std::collections::BTreeMap<String, String>,
    tera: Option<Arc<tera::Tera>>,
    diags: Diagnostics,
}

impl Caches {
    /// Forgets everything (after a configuration change, say).
    pub fn clear(&mut self) {
        self.templates = None;
        self.content.clear();
        self.data.clear();
        self.reports.clear();
        self.bulletins.clear();
        self.site.clear();
    }
}

/// The site modelled and the templates compiled, nothing rendered yet.
pub struct Prepared {
    pub site: Site,
    pub theme: Theme,
    /// `None` when the templates do not compile (an error is in `diags`).
    /// Shared with `serve`'s cache, which keeps it while the templates'
    /// sources stay the same.
    pub tera: Option<Arc<tera::Tera>>,
    /// Everything found so far, unsorted.
    pub diags: Diagnostics,
}

/// Builds the site in memory. On failure, returns every diagnostic found
/// (sorted), errors and warnings alike.
pub fn build_site(opts: &BuildOptions) -> Result<Built, Diagnostics> {
    build_site_holding_back(opts, &BTreeSet::new())
}

/// [`build_site`] with the pages of `held_back` (source paths under
/// `content/`) left out; see [`crate::cli`]'s `build --bo-qua-bai-loi`.
pub fn build_site_holding_back(
    opts: &BuildOptions,
    held_back: &BTreeSet<String>,
) -> Result<Built, Diagnostics> {
    build_inner(opts, held_back, None, false).map(|(built, _)| built)
}

/// Opens the staging folder of the output (see [`build_site_to`]).
pub type OpenStaging<'a> = &'a dyn Fn() -> Result<Staging, crate::diagnostics::Diagnostic>;

/// [`build_site_holding_back`] for `build`: once the site is modelled
/// without errors, `open` gives the staging folder and every page is
/// written there as it renders (the returned output lists those files
/// as [`crate::output::OutFile::Written`]). The caller finishes the
/// staging folder; on failure it is already removed and the output folder
/// is as it was. The result keeps the site's model for
/// [`Built::leave_to_exit`].
pub fn build_site_to(
    opts: &BuildOptions,
    held_back: &BTreeSet<String>,
    open: OpenStaging,
) -> Result<(Built, Option<Staging>), Diagnostics> {
    build_inner(opts, held_back, Some(open), true)
}

fn build_inner(
    opts: &BuildOptions,
    held_back: &BTreeSet<String>,
    open: Option<OpenStaging>,
    keep_model: bool,
) -> Result<(Built, Option<Staging>), Diagnostics> {
    let Prepared {
        site,
        theme,
        tera,
        mut diags,
    } = prepare_holding_back(opts, None, held_back)?;
    let mut staging = None;
    let output = match &tera {
        Some(tera) if !diags.has_errors() => {
            if let Some(open) = open {
                match open() {
                    Ok(s) => staging = Some(s),
                    Err(d) => {
                        diags.push(d);
                        diags.sort();
                        return Err(diags);
                    }
                }
            }
            phase("render", || {
                render::render_to(&site, &theme, tera, &mut diags, staging.as_ref())
            })
        }
        _ => Output::default(),
    };
    diags.sort();
    if diags.has_errors() {
        // Dropping the staging folder removes it.
        return Err(diags);
    }
    let (config, model) = if keep_model {
        let model = Model {
            _theme: theme,
            _tera: tera,
            _site: site,
        };
        (model._site.config.clone(), Some(model))
    } else {
        (site.config, None)
    };
    Ok((
        Built {
            output,
            diagnostics: diags,
            config,
            _model: model,
        },
        staging,
    ))
}

/// Every step before rendering. `cache` (kept by `serve` between rebuilds)
/// lets unchanged content files skip reading and Markdown rendering, and
/// unchanged data files reading and parsing.
/// Fails early only when there is no configuration at all.
pub fn prepare(opts: &BuildOptions, cache: Option<&mut Caches>) -> Result<Prepared, Diagnostics> {
    prepare_holding_back(opts, cache, &BTreeSet::new())
}

/// [`prepare`] with some pages held back: not published, their problems
/// reported as warnings (`build --bo-qua-bai-loi`).
pub fn prepare_holding_back(
    opts: &BuildOptions,
    cache: Option<&mut Caches>,
    held_back: &BTreeSet<String>,
) -> Result<Prepared, Diagnostics> {
    let (kept_templates, content_cache, data_cache, report_memo, bulletin_memo, site_memo) =
        match cache {
            Some(c) => (
                Some(&mut c.templates),
                Some(&mut c.content),
                Some(&mut c.data),
                Some(&mut c.reports),
                Some(&mut c.bulletins),
                Some(&mut c.site),
            ),
            None => (None, None, None, None, None, None),
        };
    let mut diags = Diagnostics::new();
    let mut config = match phase("config", || Config::load(&opts.root, &mut diags)) {
        Some(c) => c,
        // A broken minhbach.toml: keep going with defaults so `check` lists
        // content problems too; the build still fails.
        None if opts.root.join(crate::config::CONFIG_FILE).is_file() => Config::default(),
        None => return Err(diags),
    };
    if let Some(url) = &opts.base_url {
        config.base_url = if url.ends_with('/') {
            url.clone()
        } else {
            format!("{url}/")
        };
    }
    let theme = phase("config, theme", || {
        crate::content::placeholders::check_config(&opts.root, &config, &mut diags);
        Theme::load(&opts.root, &config.theme, &mut diags)
    });
    let tera = phase("templates", || compile(&theme, kept_templates, &mut diags));
    // Data first: Markdown shortcodes draw charts from it.
    let data_dir = opts.root.join("content").join(&config.data.dir);
    let data = phase("data", || {
        crate::data::load_dir_cached(
            &opts.root,
            &data_dir,
            &DataOptions {
                encoding: config.data.encoding.clone(),
                illustrative: config.data.minh_hoa.clone(),
                unit: config.unit.clone(),
                received: config.data.nguon.clone(),
            },
            &mut diags,
            data_cache,
        )
    });
    let mut data = data;
    data.fold_own_unit(&config.unit);
    let site_data = (!data.is_empty()).then(|| {
        let computed = phase("compute", || crate::data::compute(&data, opts.today));
        let site_data = SiteData::new(data, computed);
        // Shortcode charts speak the site's language too.
        render::set_chart_words(&site_data, &theme, &config.language);
        std::sync::Arc::new(site_data)
    });
    let shortcodes = phase("report paths", || {
        render::data::shortcodes::DataShortcodes {
            data: site_data.as_deref(),
            base_url: config.base_url.clone(),
            portable: config.portable,
            reports: site_data.as_ref().map_or_else(Vec::new, |d| {
                render::data::report::generated_paths(d, &config, opts.today)
            }),
        }
    });
    let mut loaded = phase("content", || {
        content::load_cached(
            &opts.root,
            &config,
            opts.today,
            opts.drafts,
            Some(&shortcodes),
            &mut diags,
            content_cache,
            held_back,
        )
    });
    phase("check templates", || {
        check_templates(&opts.root, &theme, &loaded, &mut diags);
    });
    let bulletins = phase("bulletins", || {
        render::data::bulletin::bulletins(
            &loaded,
            site_data.as_ref(),
            &config,
            opts.today,
            tera.as_deref(),
            &theme,
            &mut diags,
            bulletin_memo,
        )
    });
    loaded.pages.extend(bulletins);
    let reports = phase("reports", || {
        render::data::report::reports(
            &mut loaded,
            site_data.as_ref(),
            &config,
            opts.today,
            tera.as_deref(),
            &theme,
            &mut diags,
            report_memo,
        )
    });
    loaded.pages.extend(reports);
    let mut site = phase("site", || {
        Site::new_kept(config, opts.today, loaded, site_memo)
    });
    if opts.check {
        site.warn_incomplete_documents(&mut diags);
    }
    site.data = site_data;
    Ok(Prepared {
        site,
        theme,
        tera,
        diags,
    })
}

/// Compiles the theme's templates, or takes them from `kept` when their
/// sources are the ones compiled last (a data or content edit in `serve`).
fn compile(
    theme: &Theme,
    kept: Option<&mut Option<KeptTemplates>>,
    diags: &mut Diagnostics,
) -> Option<Arc<tera::Tera>> {
    let Some(kept) = kept else {
        return render::compile(theme, diags).map(Arc::new);
    };
    if let Some(k) = kept.as_ref().filter(|k| k.sources == theme.templates) {
        diags.extend(k.diags.iter().cloned());
        return k.tera.clone();
    }
    let mut own = Diagnostics::new();
    let tera = render::compile(theme, &mut own).map(Arc::new);
    *kept = Some(KeptTemplates {
        sources: theme.templates.clone(),
        tera: tera.clone(),
        diags: own.clone(),
    });
    diags.extend(own);
    tera
}

/// Every `template = "…"` named in front matter must exist in the theme.
fn check_templates(
    root: &std::path::Path,
    theme: &Theme,
    content: &content::Content,
    diags: &mut Diagnostics,
) {
    for page in content.pages.iter().filter(|p| p.published) {
        let Some(name) = &page.fm.template else {
            continue;
        };
        if theme.templates.contains_key(name) {
            continue;
        }
        let text = std::fs::read_to_string(root.join(&page.display)).unwrap_or_default();
        let line = crate::config::find_key_line(&text, "template").unwrap_or(1);
        let known: Vec<&str> = theme
            .templates
            .keys()
            .map(String::as_str)
            .filter(|t| t.ends_with(".html"))
            .collect();
        diags.push(
            crate::diagnostics::Diagnostic::error(
                &page.display,
                format!("không tìm thấy mẫu giao diện “{name}”"),
            )
            .at(line, 1)
            .with_source(&text)
            .hint(format!(
                "đặt tệp templates/{name} trong thư mục trang, hoặc dùng một mẫu có sẵn: {}",
                known.join(", ")
            )),
        );
    }
}
