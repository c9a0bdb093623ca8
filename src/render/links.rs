//! The links of every body checked against the site as rendered: each site path must be a page
//! or file of the site, and each fragment an anchor of its page. The anchors are the `id`s in the
//! page's HTML: the body's headings, findings, conditions, quotes and every section id the
//! theme's templates give a page of that kind (`#randvoorwaarden`, `#bevindingen`…), so the
//! check cannot drift from the templates.
//!
//! `[[kind:key]]` references and links to `.md` files were checked by the resolve stage; here
//! only their fragments are. A link the resolve stage reported (unsafe, unknown file) is skipped.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::diagnostics::{Diagnostic, Diagnostics, Span, closest, suggestion};
use crate::graph::KnowledgeGraph;
use crate::graph::paths::{self, LinkTarget};
use crate::i18n::{Code, Msg};
use crate::model::Kind;

/// The `id`s of one page, in order.
pub type Anchors = Arc<[String]>;

/// What the site holds: every page with its anchors, and every other file.
#[derive(Debug, Default)]
pub struct SiteFiles {
    /// By output path: `bronnen/rug-2017/index.html`.
    pages: HashMap<String, Anchors>,
    files: HashSet<String>,
}

impl SiteFiles {
    pub fn page(&mut self, output_path: &str, anchors: Anchors) {
        self.pages.insert(output_path.to_string(), anchors);
    }

    pub fn file(&mut self, output_path: &str) {
        self.files.insert(output_path.to_string());
    }

    /// The page a site path (`bronnen/x/`, `bronnen/x`, `` for home) stands for.
    fn page_at(&self, path: &str) -> Option<&Anchors> {
        if path.is_empty() || path.ends_with('/') {
            return self.pages.get(&format!("{path}index.html"));
        }
        self.pages
            .get(path)
            .or_else(|| self.pages.get(&format!("{path}/index.html")))
    }

    fn exists(&self, path: &str) -> bool {
        self.page_at(path).is_some() || self.files.contains(path)
    }

    /// Site paths of the pages under `folder` (`bronnen/`), for suggestions.
    fn pages_in<'a>(&'a self, folder: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.pages.keys().filter_map(move |p| {
            let page = p.strip_suffix("index.html")?;
            let rest = page.strip_prefix(folder)?;
            let name = rest.strip_suffix('/')?;
            (!name.is_empty() && !name.contains('/')).then_some(name)
        })
    }
}

/// The `id` attributes of an HTML page, entities decoded.
pub fn anchors(html: &[u8]) -> Anchors {
    let Ok(text) = std::str::from_utf8(html) else {
        return Arc::from(Vec::new());
    };
    let mut ids = Vec::new();
    for (at, _) in text.match_indices("id=\"") {
        // An attribute of its own (` id="`), not `data-id="` or `aria-describedby`.
        if !text[..at].ends_with(|c: char| c.is_ascii_whitespace()) {
            continue;
        }
        let value = &text[at + 4..];
        if let Some(end) = value.find('"') {
            ids.push(decode(&value[..end]));
        }
    }
    Arc::from(ids)
}

/// An attribute value of our HTML as a browser reads it (the entities the writers use decoded).
pub fn decode(value: &str) -> String {
    if !value.contains('&') {
        return value.to_string();
    }
    value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Checks the fragments of every reference and the targets and fragments of every Markdown link
/// against `site`; `false` when any is broken.
pub fn check(graph: &KnowledgeGraph, site: &SiteFiles, diagnostics: &mut Diagnostics) -> bool {
    let errors = diagnostics.error_count();
    let base = graph.config.base_path();
    for (from, record) in graph.records.iter() {
        let origin = record.origin();
        let markdown = &origin.markdown;
        if markdown.links().is_empty() && markdown.references().iter().all(|r| r.fragment.is_none())
        {
            continue;
        }
        let place = |range: &std::ops::Range<usize>| {
            Span::new(origin.body_offset + range.start, range.len())
        };
        for reference in markdown.references() {
            let Some(fragment) = &reference.fragment else {
                continue;
            };
            let target = Kind::from_word(&reference.kind_word)
                .and_then(|kind| graph.find(kind, &reference.key));
            if let Some(to) = target
                && let Some(d) = fragment_problem(graph, site, &graph.path(to), fragment)
            {
                diagnostics.push(d.at(&origin.file, place(&reference.span)));
            }
        }
        let file = paths::content_relative(&origin.file.path);
        let page = graph.path(from);
        for link in markdown.links() {
            if !link.is_safe() {
                continue;
            }
            let problem = match paths::resolve(&link.target, &file, &page, &base) {
                Some((LinkTarget::File(path), fragment)) => {
                    let to = graph.page_of_file(&path);
                    to.zip(fragment)
                        .and_then(|(to, f)| fragment_problem(graph, site, &graph.path(to), f))
                }
                Some((LinkTarget::Site(path), fragment)) => match site.exists(&path) {
                    false => Some(broken(site, &path)),
                    true => fragment.and_then(|f| fragment_problem(graph, site, &path, f)),
                },
                // `../../..` above the site: a .md one was reported by the resolve stage.
                Some((LinkTarget::Outside, _)) if !link.target.is_markdown_file() => Some(
                    Code::BrokenLink
                        .error()
                        .arg("problem", "outside")
                        .arg("path", ""),
                ),
                _ => None,
            };
            if let Some(d) = problem {
                diagnostics.push(d.at(&origin.file, place(&link.span)));
            }
        }
    }
    diagnostics.error_count() == errors
}

/// A fragment that is not an anchor of the page at `path`: the error, with the closest anchor.
fn fragment_problem(
    graph: &KnowledgeGraph,
    site: &SiteFiles,
    path: &str,
    fragment: &str,
) -> Option<Diagnostic> {
    // `#` and `#top` need no anchor: browsers go to the top of the page.
    if fragment.is_empty() || fragment.eq_ignore_ascii_case("top") {
        return None;
    }
    let anchors = site.page_at(path)?;
    if anchors.iter().any(|a| a == fragment) {
        return None;
    }
    let page = format!("{}{path}", graph.config.base_path());
    let mut candidates: Vec<&str> = anchors.iter().map(String::as_str).collect();
    candidates.sort_unstable();
    candidates.dedup();
    Some(
        Code::UnknownAnchor
            .error()
            .arg("page", page)
            .arg("anchor", fragment)
            .suggest(suggestion(fragment, candidates, Msg::KeysAnchor)),
    )
}

/// A site path with no page or file: the error, with the closest page in the same folder.
fn broken(site: &SiteFiles, path: &str) -> Diagnostic {
    let trimmed = path.trim_end_matches('/');
    let (folder, name) = match trimmed.rsplit_once('/') {
        Some((folder, name)) => (format!("{folder}/"), name),
        None => (String::new(), trimmed),
    };
    let best = closest(name, site.pages_in(&folder));
    let suggestion = best.map(|b| {
        let shown = format!("/{folder}{b}/");
        Msg::DidYouMean.with("suggestion", shown)
    });
    Code::BrokenLink
        .error()
        .arg("problem", "missing")
        .arg("path", path)
        .suggest(suggestion)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_the_id_attributes() {
        let html = br##"<h2 id="bevindingen">B</h2><li id="bevinding-a&amp;b" data-id="x">
<p aria-describedby="y"><a href="#z">z</a><h3
id="kop">"##;
        let found = anchors(html);
        assert_eq!(&*found, ["bevindingen", "bevinding-a&b", "kop"]);
    }

    #[test]
    fn site_paths_name_pages_and_files() {
        let mut site = SiteFiles::default();
        site.page("index.html", Arc::from(vec![]));
        site.page(
            "bronnen/rug-2017/index.html",
            Arc::from(vec!["b".to_string()]),
        );
        site.file("data/bevindingen.csv");
        let pages = ["", "bronnen/rug-2017/", "bronnen/rug-2017"];
        for path in pages.into_iter().chain(["data/bevindingen.csv"]) {
            assert!(site.exists(path), "{path}");
        }
        for path in ["bronnen/", "bronnen/rug-2017/x", "data/"] {
            assert!(!site.exists(path), "{path}");
        }
        let names: Vec<&str> = site.pages_in("bronnen/").collect();
        assert_eq!(names, ["rug-2017"]);
    }
}
