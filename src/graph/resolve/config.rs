//! Checks of site.yaml itself that its shape cannot express: keys given twice in a list, level
//! numbers given twice, and at least one effect category.

use std::collections::HashSet;

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::source::{Node, Step};

pub(super) fn check(
    config: &SiteConfig,
    file: &SourceFile,
    tree: &Node,
    diagnostics: &mut Diagnostics,
) {
    let span = |path: &[Step<'_>]| tree.span_at(path);
    let lists: [(&str, Vec<&str>); 5] = [
        (
            "categories",
            config.categories.iter().map(|c| c.key.as_str()).collect(),
        ),
        (
            "levels",
            config.levels.iter().map(|c| c.key.as_str()).collect(),
        ),
        (
            "source_kinds",
            config.source_kinds.iter().map(|c| c.key.as_str()).collect(),
        ),
        (
            "sectors",
            config.sectors.iter().map(|c| c.key.as_str()).collect(),
        ),
        ("tags", config.tags.iter().map(|c| c.key.as_str()).collect()),
    ];
    for (list, keys) in lists {
        let mut seen = HashSet::new();
        for (i, key) in keys.iter().enumerate() {
            if !seen.insert(*key) {
                diagnostics.push(
                    Diagnostic::error("duplicate-id", format!("`{key}` appears twice in `{list}`"))
                        .at(
                            file,
                            span(&[Step::Key(list), Step::Index(i), Step::Key("key")]),
                        )
                        .help("give every entry its own key"),
                );
            }
        }
    }
    if config.categories.is_empty() {
        diagnostics.push(
            Diagnostic::error("no-categories", "site.yaml defines no effect categories")
                .at(file, span(&[]))
                .help("add `categories:` with primair, secundair and tertiair"),
        );
    }
    let mut numbers = HashSet::new();
    for (i, level) in config.levels.iter().enumerate() {
        if !numbers.insert(level.number) {
            diagnostics.push(
                Diagnostic::error("duplicate-id", format!("two levels have number {}", level.number))
                    .at(file, span(&[Step::Key("levels"), Step::Index(i), Step::Key("number")]))
                    .help("each level needs its own number: rows 1.x belong to level 1, rows 2.x to level 2"),
            );
        }
    }
}
