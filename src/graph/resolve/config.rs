//! Checks of site.yaml itself that its shape cannot express: keys given twice in a list, level
//! numbers given twice, and at least one effect category.

use std::collections::HashSet;

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostics, SourceFile};
use crate::i18n::Code;
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
}
