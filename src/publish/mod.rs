//! Stage 5, **publish**: the files a mature site offers besides its pages, made from the graph and
//! the rendered files: `sitemap.xml`, `robots.txt`, the Atom feed of knowledge-base articles,
//! Netlify's `_redirects` (from `aliases`) and `_headers` (long cache for fingerprinted files), and
//! the open data under `data/`: the graph as JSON with its JSON Schema, findings as CSV, and every
//! source's citation as RIS and BibTeX.
//!
//! It reads the graph and the paths of the files so far and returns new files; it never changes a
//! page. It runs after `search`, whose shards the headers file names.
//! Templates link to these files (`partials/head-meta.html`), so their paths are fixed here.

mod changes;
mod citation;
mod data;
mod feed;
mod netlify;
mod sitemap;

use crate::graph::KnowledgeGraph;
use crate::output::OutputFile;

pub use changes::{changes_atom, changes_json};
pub use citation::{bibtex, ris};
pub use data::{findings_csv, graph_json};

/// The Atom feed of articles, relative to the output folder.
pub const FEED_PATH: &str = "atom.xml";
/// The Atom feed of the change log (`content/…` `changes:` and the ledger of signals).
pub const CHANGES_FEED_PATH: &str = "wijzigingen/atom.xml";
/// The change log as open data, and its schema.
pub const CHANGES_JSON_PATH: &str = "data/wijzigingen.json";
pub const CHANGES_SCHEMA_PATH: &str = "data/wijzigingen.schema.json";
/// The JSON export of the knowledge graph.
pub const GRAPH_JSON_PATH: &str = "data/kennisgraaf.json";
/// The JSON Schema that documents [`GRAPH_JSON_PATH`].
pub const GRAPH_SCHEMA_PATH: &str = "data/kennisgraaf.schema.json";
/// One row per finding.
pub const FINDINGS_CSV_PATH: &str = "data/bevindingen.csv";
/// Every source's citation in one file, for reference managers.
pub const ALL_RIS_PATH: &str = "data/bronnen.ris";
pub const ALL_BIBTEX_PATH: &str = "data/bronnen.bib";

/// The JSON Schema of the graph export, shipped beside it and documented field by field.
pub const GRAPH_SCHEMA: &str = include_str!("kennisgraaf.schema.json");
/// The JSON Schema of the change log, shipped beside it.
pub const CHANGES_SCHEMA: &str = include_str!("wijzigingen.schema.json");

/// What changes the published extras.
#[derive(Debug, Clone, Default)]
pub struct PublishOptions {
    /// A preview build with drafts: `robots.txt` then asks crawlers to stay away, because a preview
    /// must not compete with the real site in search results.
    pub drafts: bool,
}

/// Every extra file of the site. `paths` are the files of the site so far (pages, assets, search
/// index), so the headers file can name the fingerprinted files exactly.
pub fn build(
    graph: &KnowledgeGraph,
    paths: &[String],
    options: &PublishOptions,
) -> anyhow::Result<Vec<OutputFile>> {
    let base = graph.config.absolute_base();
    let mut files = vec![
        file("robots.txt", sitemap::robots_txt(&base, options.drafts)),
        file("_redirects", netlify::redirects(graph)),
        file(
            "_headers",
            netlify::headers(&graph.config.base_path(), paths),
        ),
        file(GRAPH_JSON_PATH, data::graph_json(graph)?),
        file(GRAPH_SCHEMA_PATH, GRAPH_SCHEMA.to_string()),
        file(FINDINGS_CSV_PATH, data::findings_csv(graph)?),
        file(CHANGES_JSON_PATH, changes::changes_json(graph)?),
        file(CHANGES_SCHEMA_PATH, CHANGES_SCHEMA.to_string()),
    ];
    // Sitemaps and Atom need absolute addresses; a build for a relative base (`/`, local preview)
    // has none to give, and a feed with relative ids would be invalid rather than merely local.
    if is_absolute(&base) {
        let pages: Vec<&str> = paths
            .iter()
            .map(String::as_str)
            .filter(|p| p.ends_with("index.html"))
            .collect();
        files.push(file("sitemap.xml", sitemap::sitemap(&base, &pages)?));
        files.push(file(FEED_PATH, feed::atom(graph, &base)?));
        files.push(file(
            CHANGES_FEED_PATH,
            changes::changes_atom(graph, &base)?,
        ));
    }
    let mut all_ris = String::new();
    let mut all_bib = String::new();
    for s in graph.records.sources.ids() {
        let dir = graph.path(crate::graph::PageRef::Source(s));
        let ris = citation::ris(graph, s);
        let bib = citation::bibtex(graph, s);
        all_ris.push_str(&ris);
        all_bib.push_str(&bib);
        all_bib.push('\n');
        files.push(file(&format!("{dir}citatie.ris"), ris));
        files.push(file(&format!("{dir}citatie.bib"), bib));
    }
    files.push(file(ALL_RIS_PATH, all_ris));
    files.push(file(ALL_BIBTEX_PATH, all_bib));
    Ok(files)
}

/// The paths of the files [`build`] makes for `graph`, known before they are made: body links to
/// them (`/data/bevindingen.csv`) are checked with the pages, before the extras exist.
pub fn paths(graph: &KnowledgeGraph) -> Vec<String> {
    let fixed = [
        "robots.txt",
        "_redirects",
        "_headers",
        GRAPH_JSON_PATH,
        GRAPH_SCHEMA_PATH,
        FINDINGS_CSV_PATH,
        CHANGES_JSON_PATH,
        CHANGES_SCHEMA_PATH,
    ];
    let mut paths: Vec<String> = fixed.iter().map(|p| p.to_string()).collect();
    if is_absolute(&graph.config.absolute_base()) {
        paths.push("sitemap.xml".into());
        paths.push(FEED_PATH.into());
        paths.push(CHANGES_FEED_PATH.into());
    }
    for s in graph.records.sources.ids() {
        let dir = graph.path(crate::graph::PageRef::Source(s));
        paths.push(format!("{dir}citatie.ris"));
        paths.push(format!("{dir}citatie.bib"));
    }
    paths.push(ALL_RIS_PATH.into());
    paths.push(ALL_BIBTEX_PATH.into());
    paths
}

fn file(path: &str, text: String) -> OutputFile {
    OutputFile {
        path: path.to_string(),
        bytes: text.into_bytes(),
    }
}

fn is_absolute(base: &str) -> bool {
    base.starts_with("https://") || base.starts_with("http://")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `paths` names exactly the files `build` makes, with a relative and an absolute base.
    #[test]
    fn the_paths_are_known_before_the_files_are_made() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/site");
        let loaded = crate::load::load(&root, &root.join("content"));
        let (mut graph, _) = crate::graph::resolve(loaded, Default::default())
            .unwrap()
            .into_parts();
        for base in ["/", "https://kennisbank.example/"] {
            graph.config.base_url = base.into();
            let built = build(&graph, &[], &PublishOptions::default()).unwrap();
            let mut made: Vec<String> = built.into_iter().map(|f| f.path).collect();
            let mut known = paths(&graph);
            made.sort();
            known.sort();
            assert_eq!(known, made, "{base}");
        }
    }
}
