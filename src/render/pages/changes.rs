//! What a living evidence base shows: the added and updated dates and the change log of each
//! record page (`page.living`), and the page *Wat is er veranderd* (`wijzigingen/`) with one page
//! per effect (`wijzigingen/<effect>/`), so the filter by effect is a link and works without
//! JavaScript. The data is [`crate::living::ChangeLog`]; this module only shapes it.

use serde::Serialize;

use super::{Crumb, Emit, Planner, Template};
use crate::graph::{KnowledgeGraph, PageRef};
use crate::living::{Entry, RecordDates};
use crate::model::PartialDate;
use crate::render::view::Link;

/// The section of the change-log pages, and the title of the first.
pub const SECTION: &str = "wijzigingen";
const TITLE: &str = "Wat is er veranderd";

/// What a record page says about its own history.
#[derive(Debug, Clone, Serialize)]
pub(super) struct LivingView {
    /// "toegevoegd op 3 maart 2026, bijgewerkt op 1 december 2026"; `None` when nothing is known.
    dates: Option<String>,
    added: Option<DateView>,
    updated: Option<DateView>,
    /// The record's change log, newest first.
    changes: Vec<ChangeView>,
}

#[derive(Debug, Clone, Serialize)]
struct DateView {
    /// `2026-03-03`, for `<time datetime>`.
    iso: String,
    /// `3 maart 2026`.
    text: String,
}

impl DateView {
    fn of(date: PartialDate) -> DateView {
        DateView {
            iso: date.to_string(),
            text: date.dutch(),
        }
    }
}

/// One entry of a change log.
#[derive(Debug, Clone, Serialize)]
pub(super) struct ChangeView {
    date: DateView,
    /// `bevinding`, `indeling`, `sterkte`, `tegenspraak`, `correctie`, `wijziging`, `signaal`.
    kind: &'static str,
    kind_label: &'static str,
    text: String,
    /// The record it belongs to; on the finding itself when it names one.
    record: Link,
}

fn change(g: &KnowledgeGraph, entry: &Entry) -> ChangeView {
    let mut record = Link::to(g, entry.page);
    if let Some(f) = entry.finding {
        record.url = format!(
            "{}#{}",
            record.url, g.index.finding_anchors[f.source][f.finding]
        );
    }
    ChangeView {
        date: DateView::of(entry.date),
        kind: entry.kind.key(),
        kind_label: entry.kind.label(),
        text: entry.text.clone(),
        record,
    }
}

/// The history of one record page; `None` for plain pages, which keep no change log.
pub(super) fn record(g: &KnowledgeGraph, page: PageRef) -> Option<LivingView> {
    if matches!(page, PageRef::Page(_)) {
        return None;
    }
    let RecordDates { added, updated } = g.changes.dates(page);
    Some(LivingView {
        dates: g.changes.dates(page).dutch(),
        added: added.map(DateView::of),
        updated: updated.map(DateView::of),
        changes: g.changes.of(page).map(|e| change(g, e)).collect(),
    })
}

#[derive(Serialize)]
struct ChangesPage {
    /// The effect this page is filtered by, if any.
    effect: Option<Link>,
    /// Every effect with its page of changes and how many there are, for the filter.
    filters: Vec<Filter>,
    changes: Vec<ChangeView>,
    /// The Atom feed of every change, when the site has an absolute address.
    feed: Option<String>,
}

template!(ChangesPage => "changes.html");

#[derive(Serialize)]
struct Filter {
    title: String,
    url: String,
    count: usize,
    current: bool,
}

impl Planner<'_> {
    /// `wijzigingen/` and one page per effect.
    pub(super) fn changes(&self, pages: Emit) {
        let g = self.graph;
        let feed = g.config.absolute_base().starts_with("http").then(|| {
            format!(
                "{}{}",
                g.config.absolute_base(),
                crate::publish::CHANGES_FEED_PATH
            )
        });
        let filters = |current: Option<PageRef>| -> Vec<Filter> {
            (g.records.effects.ids())
                .map(|e| Filter {
                    title: g[e].data.title.clone(),
                    url: format!("{}{SECTION}/{}/", self.base, g[e].key),
                    count: g.changes.of_effect(e).count(),
                    current: current == Some(PageRef::Effect(e)),
                })
                .collect()
        };
        let home = self.crumb("Home", "");
        let all = ChangesPage {
            effect: None,
            filters: filters(None),
            changes: g.changes.entries.iter().map(|e| change(g, e)).collect(),
            feed: feed.clone(),
        };
        let path = format!("{SECTION}/");
        let view = self.page_view(TITLE, &path, SECTION, "Overzicht", vec![home.clone()]);
        pages(self.planned(format!("{path}index.html"), &view, &all));
        for e in g.records.effects.ids() {
            let effect = Link::to(g, PageRef::Effect(e));
            let path = format!("{SECTION}/{}/", g[e].key);
            let title = format!("{TITLE}: {}", effect.title);
            let crumbs: Vec<Crumb> = vec![home.clone(), self.crumb(TITLE, &format!("{SECTION}/"))];
            let view = self.page_view(&title, &path, SECTION, "Overzicht", crumbs);
            let vars = ChangesPage {
                effect: Some(effect),
                filters: filters(Some(PageRef::Effect(e))),
                changes: g.changes.of_effect(e).map(|c| change(g, c)).collect(),
                feed: feed.clone(),
            };
            pages(self.planned(format!("{path}index.html"), &view, &vars));
        }
    }
}
