//! Files of the plan whose names are known when the site is planned but
//! whose bytes are made only when asked for: the open-data files
//! (`du-lieu/*.csv|json`), the sharing preview images (`chia-se.png`
//! per target page) and the sections' JSON feeds (`feed.json`, whose
//! report and bulletin items are megabytes of HTML; see
//! [`json_feeds_output`]). Each plan lists them as [`OutFile::Lazy`] entries of
//! one [`Deferred`] source, which makes a file (with the others of its
//! group: a dataset's CSV and JSON together) the first time it is read and
//! keeps it for the generation.
//!
//! `build` makes every one of them while it writes ([`super::render_to`]);
//! `serve` makes only what the browser asks for, so a data edit no longer
//! waits for thousands of PNG images and the CSV exports of every dataset
//! (see docs/decisions/0030-serve-data-edit.md). Both run the same code,
//! so the bytes are the same.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use jiff::civil::Date;

use super::engine::theme::Theme;

use super::data::open_data::{self, OpenFiles};
use super::published::section_feeds::{self, JsonFeedInputs};
use super::published::sharing_images::{self, Preview};
use crate::config::ReportKind;
use crate::output::{LazyFile, LazySource, OutFile, Output};
use crate::site::{Site, SiteData};

/// How one group of files is made.
enum Maker {
    Preview(Preview),
    OpenData(OpenFiles),
}

/// A group of files made together, once.
struct Group {
    maker: Maker,
    made: OnceLock<Vec<(String, Arc<Vec<u8>>)>>,
}

/// The deferred files of one plan (see the module docs).
pub struct Deferred {
    groups: Vec<Group>,
    /// Output path → its group.
    by_path: HashMap<String, usize>,
    data: Option<Arc<SiteData>>,
    /// The site's name, which heads the targets' preview images.
    title: String,
    kinds: Vec<ReportKind>,
    today: Date,
}

impl Deferred {
    /// Plans the deferred files of `site`: their names, nothing made yet.
    pub(crate) fn plan(site: &Site, theme: &Theme) -> Deferred {
        let mut groups = Vec::new();
        let mut by_path = HashMap::new();
        let mut last_open: Option<OpenFiles> = None;
        for (path, which) in open_data::open_data_files(site) {
            if last_open != Some(which) {
                groups.push(Group {
                    maker: Maker::OpenData(which),
                    made: OnceLock::new(),
                });
                last_open = Some(which);
            }
            by_path.insert(path, groups.len() - 1);
        }
        for (path, preview) in sharing_images::previews(site, theme) {
            groups.push(Group {
                maker: Maker::Preview(preview),
                made: OnceLock::new(),
            });
            // A later file at the same path wins, as in a map of files.
            by_path.insert(path, groups.len() - 1);
        }
        Deferred {
            groups,
            by_path,
            data: site.data.clone(),
            title: site.config.title.clone(),
            kinds: site.config.bao_cao.kinds(),
            today: site.today,
        }
    }

    /// The output paths, in no particular order.
    pub fn paths(&self) -> impl Iterator<Item = &String> {
        self.by_path.keys()
    }

    /// The files of `group`, made on first use.
    fn made(&self, group: usize) -> &[(String, Arc<Vec<u8>>)] {
        let g = &self.groups[group];
        g.made.get_or_init(|| {
            let files = match &g.maker {
                Maker::Preview(p) => {
                    // The path is the entry's own: one file per preview.
                    vec![(String::new(), p.draw(&self.title, self.data.as_deref()))]
                }
                Maker::OpenData(which) => match &self.data {
                    Some(data) => open_data::make_open_data(data, &self.kinds, self.today, *which),
                    None => Vec::new(),
                },
            };
            files
                .into_iter()
                .map(|(path, bytes)| (path, Arc::new(bytes)))
                .collect()
        })
    }

    /// The bytes of `path`, if it is one of these files.
    pub fn bytes(&self, path: &str) -> Option<Arc<Vec<u8>>> {
        let &group = self.by_path.get(path)?;
        self.made(group)
            .iter()
            .find(|(p, _)| p.is_empty() || p == path)
            .map(|(_, b)| Arc::clone(b))
    }
}

impl LazySource for Deferred {
    fn render(&self, path: &str) -> Option<Vec<u8>> {
        self.bytes(path).map(|b| b.as_ref().clone())
    }

    /// A preview image not made yet is drawn and not kept (`build` writes
    /// each once); open-data groups are kept, as their second file needs
    /// them.
    fn render_once(&self, path: &str) -> Option<Vec<u8>> {
        let &group = self.by_path.get(path)?;
        let g = &self.groups[group];
        match (&g.maker, g.made.get()) {
            (Maker::Preview(p), None) => Some(p.draw(&self.title, self.data.as_deref())),
            _ => self.render(path),
        }
    }
}

/// The deferred files of `site` as an output whose entries are made on
/// first read.
pub(crate) fn deferred_output(site: &Site, theme: &Theme) -> Output {
    let deferred = Arc::new(Deferred::plan(site, theme));
    let file = LazyFile(Arc::clone(&deferred) as Arc<dyn LazySource>);
    let mut out = Output::default();
    for path in deferred.paths() {
        out.files.insert(path.clone(), OutFile::Lazy(file.clone()));
    }
    out
}

/// The sections' `feed.json` files of one plan, each made from the inputs
/// taken when the site was planned ([`JsonFeedInputs`]: the pages it lists,
/// shared) the first time it is read, and kept for the generation.
struct JsonFeeds {
    feeds: HashMap<String, (JsonFeedInputs, Made)>,
}

/// A file's bytes, once made.
type Made = OnceLock<Arc<Vec<u8>>>;

impl LazySource for JsonFeeds {
    fn render(&self, path: &str) -> Option<Vec<u8>> {
        let (feed, made) = self.feeds.get(path)?;
        Some(made.get_or_init(|| Arc::new(feed.bytes())).as_ref().clone())
    }

    /// Not kept: `build` writes each once.
    fn render_once(&self, path: &str) -> Option<Vec<u8>> {
        let (feed, made) = self.feeds.get(path)?;
        Some(match made.get() {
            Some(bytes) => bytes.as_ref().clone(),
            None => feed.bytes(),
        })
    }
}

/// The JSON feeds of `site` as an output whose entries are made on first
/// read: the same bytes as [`section_feeds::json_feeds_for`], later.
pub(crate) fn json_feeds_output(site: &Site) -> Output {
    let feeds = section_feeds::json_feed_inputs(site, &|_| true);
    let source = Arc::new(JsonFeeds {
        feeds: feeds
            .into_iter()
            .map(|(path, feed)| (path, (feed, OnceLock::new())))
            .collect(),
    });
    let file = LazyFile(Arc::clone(&source) as Arc<dyn LazySource>);
    let mut out = Output::default();
    for path in source.feeds.keys() {
        out.files.insert(path.clone(), OutFile::Lazy(file.clone()));
    }
    out
}
