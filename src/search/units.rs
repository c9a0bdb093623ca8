//! What a visitor can land on: every page, and the finer units inside pages (each finding,
//! condition, practice quote and article section), each with its URL fragment, display data
//! (title, kind, breadcrumb) and facet values.

use std::collections::BTreeMap;

use crate::config::label_of;
use crate::graph::{FindingRef, KnowledgeGraph, PageRef};
use crate::markdown::Section;
use crate::model::Provenance;

/// One search hit candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// Root-relative URL, with a fragment for units inside a page.
    pub url: String,
    /// What results show as the link text.
    pub title: String,
    /// Dutch kind label: `Bevinding`, `Effect`, …
    pub kind: &'static str,
    /// Titles from the section down to the containing page, for the result's breadcrumb.
    pub crumbs: Vec<String>,
    /// Indexed in the `title` field (weighted highest). May differ from `title`: a finding is shown
    /// under its source's label but that label is not what the finding is about.
    pub index_title: String,
    /// Names and synonyms: authors, organisations, synonyms, source labels.
    pub keywords: String,
    /// Plain text.
    pub body: String,
    /// (facet key, value key), e.g. ("effect", "behoud-startende-leraren").
    pub facets: Vec<(&'static str, String)>,
}

/// The facets, in the order filters are shown: key and Dutch label.
pub const FACETS: [(&str, &str); 10] = [
    ("kind", "Soort"),
    ("evidence", "Soort bewijs"),
    ("origin", "Koppeling"),
    ("effect", "Effect"),
    ("category", "Categorie"),
    ("row", "Waarde"),
    ("level", "Niveau"),
    ("source_kind", "Soort bron"),
    ("sector", "Sector"),
    ("year", "Jaar"),
];

/// Display labels of facet values: facet key → value key → label.
pub type FacetLabels = BTreeMap<&'static str, BTreeMap<String, String>>;

/// Every unit of the site, pages first within each record, in the graph's page order.
pub fn collect(g: &KnowledgeGraph) -> Vec<Unit> {
    // Bodies are finished to text here (read at load; references filled in): in parallel, order
    // kept.
    use rayon::prelude::*;
    let per_page: Vec<Vec<Unit>> = g
        .all_pages()
        .into_par_iter()
        .map(|page| units_of(g, page))
        .collect();
    per_page.into_iter().flatten().collect()
}

/// Labels for every facet value that occurs in `units`.
pub fn facet_labels(g: &KnowledgeGraph, units: &[Unit]) -> FacetLabels {
    let mut labels: FacetLabels = BTreeMap::new();
    for unit in units {
        for (key, value) in &unit.facets {
            let label = match *key {
                "effect" => g
                    .records
                    .effects
                    .iter()
                    .find(|e| &e.key == value)
                    .map_or(value.clone(), |e| e.data.title.clone()),
                "category" => g
                    .config
                    .category(value)
                    .map_or(value.clone(), |c| c.label.clone()),
                "row" => g
                    .records
                    .rows
                    .iter()
                    .find(|r| &r.data.id == value)
                    .map_or(value.clone(), |r| format!("{} {}", r.data.id, r.data.title)),
                "level" => g
                    .config
                    .level(value)
                    .map_or(value.clone(), |l| l.label.clone()),
                "source_kind" => label_of(&g.config.source_kinds, value).to_string(),
                "evidence" => g
                    .config
                    .evidence_kinds
                    .iter()
                    .find(|k| &k.key == value)
                    .map_or(value.clone(), |k| k.label.clone()),
                "origin" => origin_label(value).to_string(),
                "sector" => label_of(&g.config.sectors, value).to_string(),
                _ => value.clone(),
            };
            labels.entry(key).or_default().insert(value.clone(), label);
        }
    }
    labels
}

/// Who made a finding's link, as a filter says it: the Platform's own overview and table stay
/// apart from what the editors added.
fn origin_label(key: &str) -> &str {
    match key {
        k if k == Provenance::Platform.key() => "van het Platform",
        k if k == Provenance::Editors.key() => "toegevoegd door de redactie",
        other => other,
    }
}

fn join(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.trim().is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("\n")
}

fn effect_facets(
    g: &KnowledgeGraph,
    keys: impl IntoIterator<Item = String>,
) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for key in keys {
        if let Some(effect) = g.records.effects.iter().find(|e| e.key == key) {
            out.push(("category", effect.data.category.clone()));
        }
        out.push(("effect", key));
    }
    dedup(out)
}

fn dedup(mut facets: Vec<(&'static str, String)>) -> Vec<(&'static str, String)> {
    facets.sort();
    facets.dedup();
    facets
}

fn units_of(g: &KnowledgeGraph, page: PageRef) -> Vec<Unit> {
    let url = g.url(page);
    let title = g.title(page).to_string();
    let kind = page.kind().info().label;
    let section = page.kind().info().section_title;
    let page_crumbs = if matches!(page, PageRef::Page(_)) {
        vec![]
    } else {
        vec![section.to_string()]
    };
    let mut out = Vec::new();
    // A unit of the whole page, found by its title (also the title it is ranked by).
    let unit = |title: &str, keywords: String, body: String| Unit {
        url: url.clone(),
        title: title.to_string(),
        kind,
        crumbs: page_crumbs.clone(),
        index_title: title.to_string(),
        keywords,
        body,
        facets: vec![("kind", kind.to_string())],
    };
    let body = g
        .records
        .get(page)
        .origin()
        .markdown
        .plain_text(|r| g.target(r));
    match page {
        PageRef::Effect(i) => {
            let e = &g[i];
            let mut u = unit(
                &title,
                String::new(),
                join(&[&e.data.summary, &body, e.data.note.as_deref().unwrap_or("")]),
            );
            u.facets.extend(effect_facets(g, [e.key.clone()]));
            out.push(u);
        }
        PageRef::Row(i) => {
            let r = &g[i];
            let d = &r.data;
            let row_title = format!("{} {}", d.id, d.title);
            let effect_keys: Vec<String> = g.index.row_effects[i]
                .iter()
                .map(|&e| g[e].key.clone())
                .collect();
            let mut facets = vec![("row", d.id.clone()), ("level", d.level.clone())];
            facets.extend(effect_facets(g, effect_keys));
            let mut u = unit(
                &row_title,
                String::new(),
                join(&[
                    d.summary.as_deref().unwrap_or(""),
                    &body,
                    d.note.as_deref().unwrap_or(""),
                ]),
            );
            u.facets.extend(facets.clone());
            out.push(u);
            let crumbs = vec![section.to_string(), row_title.clone()];
            for (n, condition) in d.conditions.iter().enumerate() {
                let mut f = vec![("kind", "Randvoorwaarde".to_string())];
                f.extend(facets.clone());
                out.push(Unit {
                    url: format!("{url}#randvoorwaarde-{}", n + 1),
                    title: row_title.clone(),
                    kind: "Randvoorwaarde",
                    crumbs: crumbs.clone(),
                    index_title: String::new(),
                    keywords: String::new(),
                    body: condition.clone(),
                    facets: f,
                });
            }
            for (n, q) in d.quotes.iter().enumerate() {
                let mut f = vec![("kind", "Praktijkvoorbeeld".to_string())];
                f.extend(facets.clone());
                let source_label = q
                    .source
                    .as_deref()
                    .and_then(|k| g.records.sources.iter().find(|s| s.key == k))
                    .map_or("", |s| s.data.label.as_str());
                out.push(Unit {
                    url: format!("{url}#praktijk-{}", n + 1),
                    title: row_title.clone(),
                    kind: "Praktijkvoorbeeld",
                    crumbs: crumbs.clone(),
                    index_title: String::new(),
                    keywords: join(&[
                        &q.role,
                        q.organisation.as_deref().unwrap_or(""),
                        q.name.as_deref().unwrap_or(""),
                        source_label,
                    ]),
                    body: join(&[&q.text, q.note.as_deref().unwrap_or("")]),
                    facets: f,
                });
            }
        }
        PageRef::Source(i) => {
            let s = &g[i];
            let d = &s.data;
            let effect_keys: Vec<String> = g.index.source_effects[i]
                .iter()
                .map(|&e| g[e].key.clone())
                .collect();
            let mut facets = vec![("source_kind", d.kind.clone())];
            if let Some(year) = d.year {
                facets.push(("year", year.to_string()));
            }
            let mut page_facets = facets.clone();
            page_facets.extend(effect_facets(g, effect_keys));
            page_facets.extend(
                g.index.source_rows[i]
                    .iter()
                    .map(|&r| ("row", g[r].data.id.clone())),
            );
            let keywords = join(&[
                &d.authors.join(", "),
                d.title.as_deref().unwrap_or(""),
                d.publisher.as_deref().unwrap_or(""),
            ]);
            let mut u = unit(
                &title,
                keywords,
                join(&[&body, d.note.as_deref().unwrap_or("")]),
            );
            u.facets.extend(dedup(page_facets));
            out.push(u);
            let crumbs = vec![section.to_string(), title.clone()];
            for (n, finding) in d.findings.iter().enumerate() {
                let anchor = &g.index.finding_anchors[i][n];
                let mut f = vec![("kind", "Bevinding".to_string())];
                f.extend(facets.clone());
                f.extend(effect_facets(g, finding.all_effects()));
                // What kind of evidence, and who made its links (a finding may have both).
                let facts = g.index.facts(FindingRef {
                    source: i,
                    finding: n,
                });
                f.push(("evidence", facts.evidence.key().to_string()));
                f.extend(
                    facts
                        .effects
                        .iter()
                        .map(|t| t.provenance)
                        .chain(facts.rows.iter().map(|t| t.provenance))
                        .map(|p| ("origin", p.key().to_string())),
                );
                f.extend(finding.all_rows().into_iter().map(|r| ("row", r)));
                out.push(Unit {
                    url: format!("{url}#{anchor}"),
                    title: title.clone(),
                    kind: "Bevinding",
                    crumbs: crumbs.clone(),
                    index_title: String::new(),
                    keywords: title.clone(),
                    body: join(&[&finding.text, finding.note.as_deref().unwrap_or("")]),
                    facets: dedup(f),
                });
            }
        }
        PageRef::Article(i) => {
            let a = &g[i];
            let d = &a.data;
            let mut facets: Vec<(&'static str, String)> =
                d.sectors.iter().map(|s| ("sector", s.clone())).collect();
            facets.push(("year", format!("{:04}", d.date.year())));
            facets.extend(effect_facets(g, d.effects.clone()));
            facets.extend(d.rows.iter().map(|r| ("row", r.clone())));
            let mut crumbs = vec![section.to_string()];
            let mut ancestors = Vec::new();
            let mut at = g.index.article_parent[i];
            while let Some(p) = at {
                ancestors.push(g[p].data.title.clone());
                at = g.index.article_parent[p];
            }
            crumbs.extend(ancestors.into_iter().rev());
            let keywords = d.authors.join(", ");
            let sections = a.origin.markdown.sections(|r| g.target(r));
            let mut u = unit(
                &title,
                keywords.clone(),
                join(&[d.summary.as_deref().unwrap_or(""), &body]),
            );
            u.crumbs = crumbs.clone();
            u.facets.extend(dedup(facets.clone()));
            out.push(u);
            let mut section_crumbs = crumbs;
            section_crumbs.push(title.clone());
            for Section {
                heading,
                text: body,
            } in sections
            {
                let mut f = vec![("kind", "Artikelsectie".to_string())];
                f.extend(facets.clone());
                out.push(Unit {
                    url: format!("{url}#{}", heading.id),
                    title: heading.text.clone(),
                    kind: "Artikelsectie",
                    crumbs: section_crumbs.clone(),
                    index_title: heading.text.clone(),
                    keywords: keywords.clone(),
                    body,
                    facets: dedup(f),
                });
            }
        }
        PageRef::Term(i) => {
            let t = &g[i];
            out.push(unit(
                &title,
                t.data.synonyms.join(", "),
                join(&[&t.data.summary, &body]),
            ));
        }
        PageRef::Page(i) => {
            let p = &g[i];
            out.push(unit(
                &title,
                String::new(),
                join(&[p.data.summary.as_deref().unwrap_or(""), &body]),
            ));
        }
    }
    out
}
