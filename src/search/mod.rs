//! Stage 4, **search**: a tantivy index of every page and every finer unit (finding, condition,
//! practice quote, article section), exported as a static, sharded index under `/zoeken/index/`
//! that `themes/default/static/search.js` queries in the browser. `kennisbank search` runs the
//! same index and ranking in the terminal. The browser format is specified in `FORMAT.md`.

pub mod analyzer;
pub mod export;
pub mod index;
pub mod units;

use anyhow::Result;

pub use analyzer::Stemming;
pub use index::{Filter, Hit, SearchIndex};

use crate::graph::KnowledgeGraph;
use crate::output::OutputFile;

/// Where the exported index lives in the site, relative to the base path.
pub const INDEX_DIR: &str = "zoeken/index";

/// The stemmer the site is built with. Measured on our content (README, "Zoeken"): the new
/// Snowball algorithm finds plurals with doubled consonants (partnerschappen → partnerschap) that
/// dutch_porter misses; its over-stemming (gemeente → meen) cost little on our queries.
pub const STEMMING: Stemming = Stemming::Snowball;

/// Indexes every unit of the graph.
pub fn index(graph: &KnowledgeGraph, stemming: Stemming) -> Result<SearchIndex> {
    SearchIndex::build(units::collect(graph), stemming)
}

/// The files of the browser index, ready to append to the rendered site.
pub fn build(graph: &KnowledgeGraph) -> Result<Vec<OutputFile>> {
    let index = index(graph, STEMMING)?;
    let labels = units::facet_labels(graph, &index.units);
    Ok(export::export(&index, &labels)?
        .into_iter()
        .map(|f| OutputFile {
            path: format!("{INDEX_DIR}/{}", f.name),
            bytes: f.bytes,
        })
        .collect())
}
