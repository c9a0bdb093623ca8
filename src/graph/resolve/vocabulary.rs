//! Values that must come from a list in site.yaml: tags on every kind of record, and the helper
//! that reports any other unknown value (category, level, source kind, sector).

use super::Context;
use crate::config::{SiteConfig, keys};
use crate::diagnostics::{closest, suggestion};
use crate::graph::Index;
use crate::i18n::{Code, Msg};
use crate::model::{Origin, Records};
use crate::source::Step;

/// The keys of a site.yaml list a value must be one of, and how a value that is not is reported.
pub(super) struct Allowed<'a> {
    keys: Vec<&'a str>,
    code: Code,
    /// What the keys are, for the hint that lists them.
    what: Msg,
}

impl<'a> Allowed<'a> {
    pub(super) fn new(keys: Vec<&'a str>, code: Code, what: Msg) -> Self {
        Allowed { keys, code, what }
    }
}

impl Context<'_> {
    /// Whether `value` (at `path` in `origin`'s tree) is one of the `allowed` keys; reported
    /// with the closest key if it is not.
    pub(super) fn expect(
        &mut self,
        allowed: &Allowed,
        origin: &Origin,
        path: &[Step<'_>],
        value: &str,
    ) -> bool {
        if allowed.keys.contains(&value) {
            return true;
        }
        let hint = suggestion(value, allowed.keys.iter().copied(), allowed.what);
        self.diagnostics.push(
            allowed
                .code
                .error()
                .arg("value", value)
                .at(&origin.file, origin.span(path))
                .suggest(hint),
        );
        false
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
            let known = keys(&config.tags);
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
