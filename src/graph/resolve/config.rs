//! Checks of site.yaml itself that its shape cannot express: keys given twice in a list, level
//! numbers given twice, at least one effect category, and exactly the kinds of evidence the
//! strength rule weighs.

use std::collections::HashSet;

use crate::config::{SiteConfig, keys};
use crate::diagnostics::{Diagnostics, SourceFile, closest};
use crate::i18n::Code;
use crate::model::Evidence;
use crate::source::{Node, Step};

pub(super) fn check(
    config: &SiteConfig,
    file: &SourceFile,
    tree: &Node,
    has_findings: bool,
    diagnostics: &mut Diagnostics,
) {
    let span = |path: &[Step<'_>]| tree.span_at(path);
    let lists = [
        ("categories", keys(&config.categories)),
        ("levels", keys(&config.levels)),
        ("source_kinds", keys(&config.source_kinds)),
        ("evidence_kinds", keys(&config.evidence_kinds)),
        ("sectors", keys(&config.sectors)),
        ("tags", keys(&config.tags)),
    ];
    for (list, keys) in lists {
        let mut seen = HashSet::new();
        for (i, key) in keys.iter().enumerate() {
            if !seen.insert(*key) {
                diagnostics.push(
                    Code::DuplicateId
                        .error()
                        .arg("problem", "list")
                        .arg("key", *key)
                        .arg("list", list)
                        .at(
                            file,
                            span(&[Step::Key(list), Step::Index(i), Step::Key("key")]),
                        ),
                );
            }
        }
    }
    if config.categories.is_empty() {
        diagnostics.push(Code::NoCategories.error().at(file, span(&[])));
    }
    let mut numbers = HashSet::new();
    for (i, level) in config.levels.iter().enumerate() {
        if !numbers.insert(level.number) {
            diagnostics.push(
                Code::DuplicateId
                    .error()
                    .arg("problem", "level")
                    .arg("number", level.number)
                    .at(
                        file,
                        span(&[Step::Key("levels"), Step::Index(i), Step::Key("number")]),
                    ),
            );
        }
    }
    evidence_kinds(config, file, tree, has_findings, diagnostics);
}

/// `evidence_kinds` has a label and definition for each kind the rule weighs, and no other kind:
/// the rule (`crate::evidence`) would not know how to weigh it. A site without findings needs no
/// legend, so only there may the list be left out.
fn evidence_kinds(
    config: &SiteConfig,
    file: &SourceFile,
    tree: &Node,
    has_findings: bool,
    diagnostics: &mut Diagnostics,
) {
    let rule = Evidence::ALL.map(Evidence::key);
    let kinds = super::evidence::kinds_list();
    let listed: Vec<&str> = (config.evidence_kinds.iter())
        .map(|k| k.key.as_str())
        .collect();
    let missing: Vec<&str> = rule.into_iter().filter(|k| !listed.contains(k)).collect();
    if listed.is_empty() {
        if has_findings {
            // Beside the vocabulary it belongs with, where it is most likely to be added.
            let span = (tree.key_span("evidence_kinds"))
                .or_else(|| tree.key_span("source_kinds"))
                .unwrap_or_else(|| tree.span_at(&[]));
            diagnostics.push(
                (Code::MissingEvidenceKind.error())
                    .arg("problem", "none")
                    .arg("key", "")
                    .arg("kinds", kinds)
                    .at(file, span),
            );
        }
        return;
    }
    // A misspelt key is one mistake: reported where it is written, with the key it should be.
    let mut meant = Vec::new();
    for (i, key) in listed.iter().enumerate() {
        if rule.contains(key) {
            continue;
        }
        let best = closest(key, missing.iter().copied());
        meant.extend(best);
        let at = [
            Step::Key("evidence_kinds"),
            Step::Index(i),
            Step::Key("key"),
        ];
        diagnostics.push(
            (Code::UnknownEvidenceKind.error())
                .arg("key", *key)
                .arg("kinds", kinds.as_str())
                .at(file, tree.span_at(&at))
                .suggest(best.map(|b| crate::i18n::Msg::DidYouMean.with("suggestion", b))),
        );
    }
    let span = (tree.key_span("evidence_kinds"))
        .unwrap_or_else(|| tree.span_at(&[Step::Key("evidence_kinds")]));
    for key in missing.iter().filter(|k| !meant.contains(k)) {
        diagnostics.push(
            (Code::MissingEvidenceKind.error())
                .arg("problem", "one")
                .arg("key", *key)
                .arg("kinds", kinds.as_str())
                .at(file, span),
        );
    }
}
