//! The files made from the whole site after its pages: the search index, then the publish files
//! (sitemap, feed, redirects, headers, open data), whose headers file names the index's shards.
//! Written once, for `build` and `check` (in [`super::Pipeline::write`]) and for `serve` (which
//! makes them off the critical path, after the new pages are served).

use crate::diagnostics::Diagnostics;
use crate::graph::KnowledgeGraph;
use crate::i18n::Code;
use crate::output::OutputFile;
use crate::timings::Timings;

/// The search index and the publish extras of a site whose pages and assets are at `paths`.
pub fn extras(
    graph: &KnowledgeGraph,
    paths: &[String],
    drafts: bool,
    timings: &mut Timings,
) -> Result<Vec<OutputFile>, Diagnostics> {
    let search = search_files(graph);
    timings.lap("search");
    publish_files(graph, paths, search, drafts, timings)
}

/// The files of the search index. It needs the graph alone, so `build` makes it beside the pages.
pub fn search_files(graph: &KnowledgeGraph) -> Result<Vec<OutputFile>, Diagnostics> {
    crate::search::build(graph).map_err(|err| {
        let mut diagnostics = Diagnostics::new();
        diagnostics.push(Code::SearchIndex.error().arg("reason", format!("{err:#}")));
        diagnostics
    })
}

/// The search index's files (or what went wrong making them), then the publish files, which name
/// the pages, assets and index files at `paths`.
pub fn publish_files(
    graph: &KnowledgeGraph,
    paths: &[String],
    search: Result<Vec<OutputFile>, Diagnostics>,
    drafts: bool,
    timings: &mut Timings,
) -> Result<Vec<OutputFile>, Diagnostics> {
    let (mut files, mut diagnostics) = match search {
        Ok(files) => (files, Diagnostics::new()),
        Err(diagnostics) => (Vec::new(), diagnostics),
    };
    let listed: Vec<String> = paths
        .iter()
        .cloned()
        .chain(files.iter().map(|f| f.path.clone()))
        .collect();
    let options = crate::publish::PublishOptions { drafts };
    match crate::publish::build(graph, &listed, &options) {
        Ok(published) => files.extend(published),
        Err(err) => diagnostics.push(Code::Publish.error().arg("reason", format!("{err:#}"))),
    }
    timings.lap("publish");
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    Ok(files)
}
