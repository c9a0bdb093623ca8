//! The external links of a site: today the `url` fields of sources and of practice quotes.
//!
//! Links in Markdown bodies join here once the Markdown module yields every link with its span.

use crate::graph::KnowledgeGraph;
use crate::model::Origin;
use crate::source::Step;

use super::{Link, is_web_address};

/// Every `http(s)` address in the site's front matter, at the span of its value.
pub fn links_of(graph: &KnowledgeGraph) -> Vec<Link> {
    let mut links = Vec::new();
    let mut push = |url: &Option<String>, origin: &Origin, path: &[Step<'_>]| {
        if let Some(url) = url.as_deref().filter(|u| is_web_address(u)) {
            links.push(Link {
                url: url.to_string(),
                file: origin.file.clone(),
                span: origin.span(path),
            });
        }
    };
    for source in &graph.records.sources {
        push(&source.data.url, &source.origin, &[Step::Key("url")]);
    }
    for row in &graph.records.rows {
        for (i, quote) in row.data.quotes.iter().enumerate() {
            let path = [Step::Key("quotes"), Step::Index(i), Step::Key("url")];
            push(&quote.url, &row.origin, &path);
        }
    }
    links
}
