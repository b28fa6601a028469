//! Which items of the site are searchable, and what of each is indexed:
//! every [`SearchDoc`] of [`super`]'s index, in the site's order.

use rayon::prelude::*;

use crate::content::PageKind;
use crate::render::data::charts::without_print_copies;
use crate::render::data::task_views::task_anchor;
use crate::render::data::views::target_path;
use crate::render::data::wording::Worded;
use crate::render::data::{OPEN_DATA, TASKS};
use crate::render::engine::views::{link, news_path};
use crate::site::Site;
use crate::site::identities::unit_href_path;
use crate::text::dates;
use crate::text::plain::html_to_text;

/// Kinds of searchable items; the index stores the position.
pub const KINDS: [&str; 7] = [
    "post",
    "document",
    "target",
    "task",
    "unit",
    "page",
    "criterion",
];

/// One searchable item.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchDoc {
    pub title: String,
    /// Index into [`KINDS`].
    pub kind: u8,
    /// Date or deadline as shown (`14/11/2025`, `Quý I/2026`), may be empty.
    pub date: String,
    /// Site-relative link (portable mode honoured).
    pub href: String,
    pub text: String,
}

fn kind(name: &str) -> u8 {
    KINDS.iter().position(|k| *k == name).unwrap_or(5) as u8
}

/// Every searchable item of the site, in a stable order.
pub fn collect_docs(site: &Site) -> Vec<SearchDoc> {
    let w = crate::render::data::wording::words_of(site);
    let mut order: Vec<usize> = site.posts.clone();
    order.extend(&site.bulletins);
    order.extend(&site.documents);
    order.extend((0..site.pages.len()).filter(|&i| {
        matches!(site.pages[i].kind, PageKind::Page | PageKind::Section)
            && site.pages[i].path != news_path(site)
    }));
    // Pages in parallel (their text is most of the work), kept in order.
    let mut docs: Vec<SearchDoc> = order
        .par_iter()
        .map(|&i| {
            let p = &site.pages[i];
            let mut text = String::new();
            if let Some(n) = &p.fm.number {
                text.push_str(n);
                text.push_str(". ");
            }
            if let Some(issuer) = &p.fm.issuer {
                text.push_str(issuer);
                text.push_str(". ");
            }
            if let Some(d) = p.fm.description.as_deref().filter(|d| !d.trim().is_empty()) {
                text.push_str(d.trim());
                text.push(' ');
            }
            text.push_str(&html_to_text(&without_print_copies(&p.body.html)));
            for a in &p.attachments {
                text.push_str(". ");
                text.push_str(&a.title);
            }
            SearchDoc {
                title: p.title.clone(),
                kind: match p.kind {
                    PageKind::Post => kind("post"),
                    PageKind::Document => kind("document"),
                    _ => kind("page"),
                },
                date: p
                    .fm
                    .issued
                    .or(p.date_value())
                    .map(dates::short)
                    .unwrap_or_default(),
                href: link(site, &p.path),
                text,
            }
        })
        .collect();
    let Some(data) = &site.data else {
        return docs;
    };
    let taken = |path: &str| site.pages.iter().any(|p| p.path == path);
    for (t, p) in data.set.targets.iter().zip(&data.computed.targets) {
        // Goal and state in the words the list, the chart and the open data use.
        let mut text = w.fmt(
            "chart_si_target",
            &[
                ("id", &t.id),
                ("goal", &crate::render::data::views::target_text_in(t, &w)),
                ("state", &p.state.word(&w)),
                (
                    "met",
                    &p.units_met
                        .map(|(met, n)| {
                            format!(
                                " ({})",
                                crate::render::data::views::units_met_text(met, n, &w)
                            )
                        })
                        .unwrap_or_default(),
                ),
            ],
        );
        if let Some(l) = &t.locality {
            text.push_str(&format!(" {}: {l}.", w.get("chart_si_locality")));
        }
        if p.illustrative {
            text.push_str(&format!(" {}.", w.get("chart_illustrative")));
        }
        for (label, value) in [
            (w.get("chart_si_pillar"), &t.pillar),
            (w.get("chart_si_document"), &t.document),
            (w.get("chart_si_lead"), &t.lead),
            (w.get("chart_si_note"), &t.note),
        ] {
            if let Some(v) = value {
                text.push_str(&format!(" {label}: {v}."));
            }
        }
        let path = target_path(&t.id);
        docs.push(SearchDoc {
            title: t.statement.clone(),
            kind: kind("target"),
            date: t.deadline.map(|d| d.word(&w)).unwrap_or_default(),
            href: link(site, &path),
            text,
        });
    }
    let tasks_page = (!data.set.tasks.is_empty() || taken(TASKS)).then(|| link(site, TASKS));
    for (t, p) in data.set.tasks.iter().zip(&data.computed.tasks) {
        // The state in the words of the list, the chart and the open data.
        let mut text = w.fmt(
            "chart_si_task",
            &[
                ("id", &t.id),
                ("lead", &t.lead),
                ("state", &p.state.word(&w)),
            ],
        );
        if let Some(l) = &t.locality {
            text.push_str(&format!(" {}: {l}.", w.get("chart_si_locality")));
        }
        if t.illustrative {
            text.push_str(&format!(" {}.", w.get("chart_illustrative")));
        }
        if !t.partners.is_empty() {
            text.push_str(&format!(
                " {}: {}.",
                w.get("chart_si_partners"),
                t.partners.join(", ")
            ));
        }
        for (label, value) in [
            (w.get("chart_si_pillar"), &t.pillar),
            (w.get("chart_si_document"), &t.document),
            (w.get("chart_si_note"), &t.note),
        ] {
            if let Some(v) = value {
                text.push_str(&format!(" {label}: {v}."));
            }
        }
        // The tasks page is one long table; each row has an id.
        let href = format!(
            "{}#{}",
            tasks_page.clone().unwrap_or_default(),
            task_anchor(&t.id)
        );
        docs.push(SearchDoc {
            title: t.statement.clone(),
            kind: kind("task"),
            date: t.deadline.map(|d| d.word(&w)).unwrap_or_default(),
            href,
            text,
        });
    }
    for (c, s) in data.set.criteria.iter().zip(&data.computed.criteria) {
        let mut text = w.fmt(
            "chart_si_criterion",
            &[
                ("id", &c.id),
                ("light", &s.light.word(&w)),
                ("source", &s.source.word(&w)),
            ],
        );
        for (label, value) in [
            (w.get("chart_si_group"), &c.group),
            (w.get("chart_si_locality"), &c.locality),
            (w.get("chart_si_evidence"), &c.evidence),
            (w.get("chart_si_note"), &c.note),
        ] {
            if let Some(v) = value {
                text.push_str(&format!(" {label}: {v}."));
            }
        }
        if c.illustrative {
            text.push_str(&format!(" {}.", w.get("chart_illustrative")));
        }
        let path = match &c.locality {
            Some(l) => crate::render::data::criteria::unit_path(l),
            None => crate::site::generated::CRITERIA.to_owned(),
        };
        docs.push(SearchDoc {
            title: c.statement.clone(),
            kind: kind("criterion"),
            date: c.deadline.map(|d| d.word(&w)).unwrap_or_default(),
            href: link(site, &path),
            text,
        });
    }
    // Each locality's own page, with its tiles' figures.
    for (name, path, text) in crate::render::data::localities::search_entries(site, data) {
        docs.push(SearchDoc {
            title: name,
            kind: kind("page"),
            date: String::new(),
            href: link(site, &path),
            text,
        });
    }
    // A unit links to its own page; one without a page to the tasks page.
    let fallback = tasks_page.unwrap_or_else(|| link(site, OPEN_DATA));
    for u in &data.set.units {
        let mut text = w.fmt("chart_si_unit", &[("id", &u.id)]);
        for (label, value) in [
            (w.get("chart_si_type"), &u.kind),
            (w.get("chart_si_short_name"), &u.short_name),
            (w.get("chart_si_address"), &u.address),
            (w.get("chart_si_phone"), &u.phone),
            (w.get("chart_si_email"), &u.email),
            (w.get("chart_si_note"), &u.note),
        ] {
            if let Some(v) = value {
                text.push_str(&format!(" {label}: {v}."));
            }
        }
        let n = data.set.tasks.iter().filter(|t| t.lead == u.name).count();
        if n > 0 {
            text.push_str(&w.fmt("chart_si_leads", &[("n", &n.to_string())]));
        }
        docs.push(SearchDoc {
            title: u.name.clone(),
            kind: kind("unit"),
            date: String::new(),
            href: match unit_href_path(data, &u.name) {
                path if path.is_empty() => fallback.clone(),
                path => link(site, &path),
            },
            text,
        });
    }
    docs
}
