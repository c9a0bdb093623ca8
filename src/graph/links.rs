//! What a `[[kind:key#fragment|label]]` reference resolves to: the target page's URL and the
//! text a reference without label shows; and the page a Markdown link to a content file stands
//! for. Every stage reads references and links from the body parsed once at load
//! ([`crate::markdown`]): the check (`resolve/bodies.rs`, `resolve/urls.rs`), the pages and
//! their backlinks, and the search text see the same references.

use super::KnowledgeGraph;
use super::paths::{self, LinkTarget};
use crate::markdown::{Destination, Link, Rendered, Resolve, Target, WikiRef};
use crate::model::{Kind, Origin};

impl KnowledgeGraph {
    /// The page `reference` points at; `None` when the check would report it (a body rendered
    /// without being checked shows such a reference as text).
    pub fn target(&self, reference: &WikiRef) -> Option<Target> {
        let kind = Kind::from_word(&reference.kind_word)?;
        let page = self.find(kind, &reference.key)?;
        Some(Target {
            url: self.url(page),
            // A row shows its id with its title, "1.1 Regie in de regio".
            label: self.records.get(page).link_title().into_owned(),
        })
    }
}

impl KnowledgeGraph {
    /// The body of `origin` as HTML: references and links to content files pointed at their pages.
    pub fn render_body(&self, origin: &Origin) -> Rendered {
        origin.markdown.render_with(BodyResolver {
            graph: self,
            file: paths::content_relative(&origin.file.path),
        })
    }

    /// The page a link to a content file, written in `file` (relative to `content/`), stands for.
    pub fn page_of_link(&self, file: &str, link: &Link) -> Option<super::PageRef> {
        let base = self.config.base_path();
        match paths::resolve(&link.target, file, "", &base)? {
            (LinkTarget::File(path), _) => self.page_of_file(&path),
            _ => None,
        }
    }
}

/// Finishes the body of one file.
struct BodyResolver<'g> {
    graph: &'g KnowledgeGraph,
    /// The file, relative to `content/`.
    file: String,
}

impl Resolve for BodyResolver<'_> {
    fn reference(&mut self, reference: &WikiRef) -> Option<Target> {
        self.graph.target(reference)
    }

    fn content_file(&mut self, link: &Link) -> Option<String> {
        let page = self.graph.page_of_link(&self.file, link)?;
        let mut href = self.graph.url(page);
        if let Destination::Site {
            fragment: Some(f), ..
        }
        | Destination::Relative {
            fragment: Some(f), ..
        } = &link.target
        {
            href.push('#');
            href.push_str(f);
        }
        Some(href)
    }
}
