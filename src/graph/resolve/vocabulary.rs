//! Values that must come from a list in site.yaml: tags on every kind of record, and the helper
//! that reports any other unknown value (category, level, source kind, sector).

use super::Context;
use crate::config::SiteConfig;
use crate::diagnostics::{closest, suggestion};
use crate::graph::Index;
use crate::i18n::{Code, Msg};
use crate::model::{Origin, Records};
use crate::source::Step;

impl Context<'_> {
    /// Reports `value` at `path`, which is not one of the `allowed` keys of a site.yaml list.
    pub(super) fn unknown(
        &mut self,
        origin: &Origin,
        path: &[Step<'_>],
        code: Code,
        keys: Msg,
        value: &str,
        allowed: Vec<&str>,
    ) {
        self.diagnostics.push(
            code.error()
                .arg("value", value)
                .at(&origin.file, origin.span(path))
                .suggest(suggestion(value, allowed, keys)),
        );
    }
}

/// Every record's tags must be defined in site.yaml; the ones used are remembered.
pub(super) fn check_tags(records: &Records, cx: &mut Context) {
    let config = cx.config;
    for (_, record) in records.iter() {
        for (i, tag) in record.tags().iter().enumerate() {
            // Checked against the config in place: copying every tag key for every record
            // grew as pages × tags.
            if config.tags.iter().any(|t| &t.key == tag) {
                if !cx.used_tags.contains(tag) {
                    cx.used_tags.insert(tag.clone());
                }
                continue;
            }
            let known = config.tags.iter().map(|t| t.key.as_str());
            let origin = record.origin();
            // A typo gets the tag it probably is; anything else the hint to define it first.
            let typo = closest(tag, known).map(|best| Msg::DidYouMean.with("suggestion", best));
            cx.diagnostics.push(
                Code::UnknownTag
                    .error()
                    .arg("tag", tag)
                    .at(
                        &origin.file,
                        origin.span(&[Step::Key("tags"), Step::Index(i)]),
                    )
                    .help_opt(typo),
            );
        }
    }
}

/// Which pages carry each tag of site.yaml, in page order.
pub(super) fn collect_tags(records: &Records, config: &SiteConfig, index: &mut Index) {
    for (page, record) in records.iter() {
        for tag in record.tags() {
            if config.tags.iter().any(|t| &t.key == tag) {
                index.tagged(page, tag);
            }
        }
    }
}
