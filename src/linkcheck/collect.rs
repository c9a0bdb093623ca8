//! The external links of a site: the `url` fields of sources and of practice quotes, and every
//! web link and image in a Markdown body (as the body was read at load, so `check --external`
//! asks about exactly the links the pages show).

use crate::diagnostics::Span;
use crate::graph::KnowledgeGraph;
use crate::markdown::Destination;
use crate::model::Origin;
use crate::source::Step;

use super::{Link, is_web_address};

/// Every `http(s)` address in the site's front matter, at the span of its value, and in its
/// bodies, at the span of the link.
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
    for (_, record) in graph.records.iter() {
        let origin = record.origin();
        for link in origin.markdown.links() {
            if link.target != Destination::Web {
                continue;
            }
            let url = link.dest.trim();
            // `//host/x` is read with the page's scheme: the site is served over https.
            let url = match url.starts_with("//") {
                true => format!("https:{url}"),
                false => url.to_string(),
            };
            links.push(Link {
                url,
                file: origin.file.clone(),
                span: Span::new(origin.body_offset + link.span.start, link.span.len()),
            });
        }
    }
    links
}
