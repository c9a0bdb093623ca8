//! What a `[[kind:key#fragment|label]]` reference resolves to: the target page's URL and the
//! text a reference without label shows. Every stage reads references from the body parsed
//! once at load ([`crate::markdown`]): the check (`resolve/bodies.rs`), the pages and their
//! backlinks, and the search text see the same references.

use super::KnowledgeGraph;
use crate::markdown::{Target, WikiRef};
use crate::model::Kind;

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
