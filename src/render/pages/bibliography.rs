//! The bibliography pages: every source sorted by author (`/bronnen/`) or by year
//! (`/bronnen/op-jaar/`), and filtered by kind (`/bronnen/soort/<kind>/`) or by effect
//! (`/bronnen/effect/<key>/`).
//!
//! Sorting and filtering are pre-rendered pages rather than a script, so they work without
//! JavaScript, in print and in every browser; with eight kinds and a handful of effects that costs
//! about twenty small pages.

use serde::Serialize;

use crate::graph::{KnowledgeGraph, PageRef};
use crate::render::view::{self, SourceCard};

/// One way to look at the bibliography: which sources, in which order, under which heading.
pub struct Listing {
    /// Site-relative path of the page, `bronnen/soort/boek/`.
    pub path: String,
    pub title: String,
    pub context: ListingView,
}

/// What `sources.html` gets as `listing`.
#[derive(Debug, Clone, Serialize)]
pub struct ListingView {
    /// `auteur` or `jaar`.
    pub sort: &'static str,
    /// The filter in force, as a sentence fragment ("soort: Boek"); `None` on the full lists.
    pub filter: Option<String>,
    pub sort_links: Vec<FilterLink>,
    pub kind_links: Vec<FilterLink>,
    pub effect_links: Vec<FilterLink>,
    pub sources: Vec<SourceCard>,
    /// Sources grouped by year on the year page; empty elsewhere.
    pub years: Vec<YearGroup>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FilterLink {
    pub label: String,
    pub url: String,
    pub count: usize,
    /// True on the page this link leads to, for `aria-current`.
    pub current: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct YearGroup {
    pub year: String,
    /// Fragment id of the group's heading: `jaar-2018`, `jaar-onbekend`.
    pub anchor: String,
    pub sources: Vec<SourceCard>,
}

/// First author's name (or the label) in lower case: the alphabetical order of a reference list.
fn author_key(card: &SourceCard) -> String {
    card.authors.first().unwrap_or(&card.label).to_lowercase()
}

/// Every bibliography page, the full list by author first.
pub fn listings(g: &KnowledgeGraph) -> Vec<Listing> {
    let base = g.config.base_path();
    let mut by_author: Vec<SourceCard> = (g.records.sources.ids())
        .map(|s| view::source_card(g, s))
        .collect();
    by_author.sort_by(|a, b| {
        author_key(a)
            .cmp(&author_key(b))
            .then(a.year.cmp(&b.year))
            .then(a.key.cmp(&b.key))
    });
    let mut by_year = by_author.clone();
    // Newest first; undated sources last.
    by_year.sort_by(|a, b| b.year.cmp(&a.year).then(author_key(a).cmp(&author_key(b))));

    let kinds: Vec<(String, String, Vec<SourceCard>)> = g
        .config
        .source_kinds
        .iter()
        .map(|k| {
            let members: Vec<_> = by_author
                .iter()
                .filter(|s| s.kind.key == k.key)
                .cloned()
                .collect();
            (k.key.clone(), k.label.clone(), members)
        })
        .filter(|(_, _, members)| !members.is_empty())
        .collect();
    let effects: Vec<(String, String, Vec<SourceCard>)> = (g.records.effects.ids())
        .map(|e| {
            let key = g[e].key.clone();
            let members: Vec<_> = by_author
                .iter()
                .filter(|s| s.effects.contains(&key))
                .cloned()
                .collect();
            (key, g.title(PageRef::Effect(e)).to_string(), members)
        })
        .filter(|(_, _, members)| !members.is_empty())
        .collect();

    let all_path = "bronnen/".to_string();
    let year_path = "bronnen/op-jaar/".to_string();
    // `bronnen/soort/<key>/`, `bronnen/effect/<key>/`: the folder names the filter.
    let filtered_path = |filter: &str, key: &str| format!("bronnen/{filter}/{key}/");
    let listing = |path: String, title: String, sort, filter, sources: Vec<SourceCard>| {
        let link = |label: &str, target: &str, count| FilterLink {
            label: label.to_string(),
            url: format!("{base}{target}"),
            count,
            current: target == path,
        };
        let years = if sort == "jaar" {
            let mut groups: Vec<YearGroup> = Vec::new();
            for s in &sources {
                let year = s.year.map_or("Zonder jaar".to_string(), |y| y.to_string());
                match groups.last_mut() {
                    Some(group) if group.year == year => group.sources.push(s.clone()),
                    _ => groups.push(YearGroup {
                        anchor: format!(
                            "jaar-{}",
                            s.year.map_or("onbekend".into(), |y| y.to_string())
                        ),
                        year,
                        sources: vec![s.clone()],
                    }),
                }
            }
            groups
        } else {
            Vec::new()
        };
        let context = ListingView {
            sort,
            filter,
            sort_links: vec![
                link("Op auteur", &all_path, by_author.len()),
                link("Op jaar", &year_path, by_year.len()),
            ],
            kind_links: kinds
                .iter()
                .map(|(key, label, members)| {
                    link(label, &filtered_path("soort", key), members.len())
                })
                .collect(),
            effect_links: effects
                .iter()
                .map(|(key, label, members)| {
                    link(label, &filtered_path("effect", key), members.len())
                })
                .collect(),
            sources,
            years,
        };
        Listing {
            path,
            title,
            context,
        }
    };

    let mut pages = vec![
        listing(
            all_path.clone(),
            String::new(),
            "auteur",
            None,
            by_author.clone(),
        ),
        listing(
            year_path.clone(),
            "Bronnen op jaar".into(),
            "jaar",
            None,
            by_year.clone(),
        ),
    ];
    // One page per kind of source and per effect, sorted by author.
    for (groups, filter, title) in [
        (&kinds, "soort", "Bronnen: "),
        (&effects, "effect", "Bronnen over "),
    ] {
        for (key, label, members) in groups {
            pages.push(listing(
                filtered_path(filter, key),
                format!("{title}{label}"),
                "auteur",
                Some(format!("{filter}: {label}")),
                members.clone(),
            ));
        }
    }
    pages
}
