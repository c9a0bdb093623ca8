//! Values that must come from a list in site.yaml: tags on every kind of record, and the helper
//! that reports any other unknown value (category, level, source kind, sector).

use super::Context;
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, suggest};
use crate::graph::Index;
use crate::model::{Origin, Records};
use crate::source::Step;

impl Context<'_> {
    /// Reports `value` at `path`, which is not one of the `allowed` keys of a site.yaml list.
    pub(super) fn unknown(
        &mut self,
        origin: &Origin,
        path: &[Step<'_>],
        code: &'static str,
        what: &str,
        value: &str,
        allowed: Vec<&str>,
    ) {
        self.diagnostics.push(
            Diagnostic::error(code, format!("unknown {what} `{value}`"))
                .at(&origin.file, origin.span(path))
                .label(format!("not a {what} in site.yaml"))
                .help_opt(suggest(value, allowed, &format!("{what} keys"))),
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
            cx.diagnostics.push(
                Diagnostic::error("unknown-tag", format!("unknown tag `{tag}`"))
                    .at(
                        &origin.file,
                        origin.span(&[Step::Key("tags"), Step::Index(i)]),
                    )
                    .label("not in the tags of site.yaml")
                    .help(match suggest(tag, known, "tags") {
                        Some(h) if h.starts_with("did you") => h,
                        _ => "add it to `tags:` in content/site.yaml first, with a Dutch label"
                            .into(),
                    }),
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
