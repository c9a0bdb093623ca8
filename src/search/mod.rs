//! Stage 4, **search**: a tantivy index of every page and every finer unit (finding, condition,
//! practice quote, article section), exported as a static, sharded index under `/zoeken/index/`.
//! One query algorithm runs over those files: [`engine`] in the terminal (`kennisbank search`),
//! `themes/default/static/search.js` in the browser. The format is specified in `FORMAT.md`.
//!
//! Build order: [`units`] (what can be found) → [`stems`] (the site's words, stemmed with guards)
//! → [`compounds`] and [`synonyms`] (what the text means beside what it says) → [`index`]
//! (tantivy, BM25) → [`export`] (the files, [`format`]).

pub mod analyzer;
pub mod compounds;
pub mod engine;
pub mod export;
pub mod format;
pub mod index;
pub mod pairs;
pub mod stems;
pub mod synonyms;
pub mod units;

use std::collections::HashMap;

use anyhow::Result;

pub use analyzer::Stemming;
pub use engine::{Engine, Hit, IndexDir, Results};
pub use index::SearchIndex;

use crate::graph::KnowledgeGraph;
use crate::output::OutputFile;

/// Where the exported index lives in the site, relative to the base path.
pub const INDEX_DIR: &str = "zoeken/index";

/// The stemmer the site is built with. Measured on our content (README, "Zoeken"): the new
/// Snowball algorithm finds plurals with doubled consonants (partnerschappen → partnerschap) that
/// dutch_porter misses; its over-removal of `ge` is guarded in `stems.rs`.
pub const STEMMING: Stemming = Stemming::Snowball;

/// The synonym groups of the site: the thesaurus's, then each glossary term with its synonyms.
pub fn synonym_groups(graph: &KnowledgeGraph) -> Vec<synonyms::Group> {
    let mut groups: Vec<synonyms::Group> = graph
        .thesaurus
        .iter()
        .map(|group| {
            group
                .iter()
                .map(|t| synonyms::Term {
                    text: t.clone(),
                    expands: true,
                })
                .collect()
        })
        .collect();
    for term in graph.records.terms.iter() {
        let names = std::iter::once(&term.data.title).chain(&term.data.synonyms);
        groups.push(
            names
                .map(|name| synonyms::Term {
                    text: name.clone(),
                    expands: analyzer::surface_words(name).len() == 1,
                })
                .collect(),
        );
    }
    groups
}

/// Indexes every unit of the graph.
pub fn index(graph: &KnowledgeGraph, stemming: Stemming) -> Result<SearchIndex> {
    SearchIndex::build(units::collect(graph), &synonym_groups(graph), stemming)
}

/// The exported files, by name inside the index folder.
pub fn export_files(graph: &KnowledgeGraph, stemming: Stemming) -> Result<Vec<export::ExportFile>> {
    let index = index(graph, stemming)?;
    let labels = units::facet_labels(graph, &index.units);
    export::export(&index, &labels)
}

/// The engine over an index exported in memory: what `kennisbank search` queries.
pub fn engine(
    graph: &KnowledgeGraph,
    stemming: Stemming,
) -> Result<Engine<HashMap<String, Vec<u8>>>> {
    Engine::open(engine::in_memory(export_files(graph, stemming)?))
}

/// The files of the browser index, ready to append to the rendered site.
pub fn build(graph: &KnowledgeGraph) -> Result<Vec<OutputFile>> {
    Ok(export_files(graph, STEMMING)?
        .into_iter()
        .map(|f| OutputFile {
            path: format!("{INDEX_DIR}/{}", f.name),
            bytes: f.bytes,
        })
        .collect())
}
