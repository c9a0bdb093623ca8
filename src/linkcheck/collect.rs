//! The external links of a site: today the `url` fields of sources and of practice quotes.
//!
//! Links in Markdown bodies join here once the Markdown module yields every link with its span.

use crate::graph::KnowledgeGraph;
use crate::load::yaml::Step;

use super::{Link, is_web_address};

/// Every `http(s)` address in the site's front matter, at the span of its value.
pub fn links_of(graph: &KnowledgeGraph) -> Vec<Link> {
    let mut links = Vec::new();
    let mut push = |url: &Option<String>, meta: &crate::model::Meta, path: &[Step<'_>]| {
        if let Some(url) = url.as_deref().filter(|u| is_web_address(u)) {
            links.push(Link {
                url: url.to_string(),
                file: meta.file.clone(),
                span: meta.span(path),
            });
        }
    };
    for source in &graph.sources {
        push(&source.data.url, &source.meta, &[Step::Key("url")]);
    }
    for row in &graph.rows {
        for (i, quote) in row.data.quotes.iter().enumerate() {
            let path = [Step::Key("quotes"), Step::Index(i), Step::Key("url")];
            push(&quote.url, &row.meta, &path);
        }
    }
    links
}
