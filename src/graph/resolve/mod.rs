//! Building the graph: register every key, check every record and reference, index each edge
//! both ways, and warn about what is connected to nothing.
//!
//! Each check records a diagnostic and carries on, so one run reports every broken reference.
//! The records are read through `&Records` while the checkers write into a [`Context`] (index,
//! diagnostics, used tags): two borrows side by side, so no record is copied to be checked.
//!
//! [`keys`] registers keys and resolves references; one file per kind checks that kind
//! ([`effects`], [`rows`], [`sources`] with [`evidence`], [`articles`]); [`vocabulary`] checks tags and other
//! site.yaml values, [`bodies`] the `[[…]]` references in Markdown, [`urls`] the Markdown links
//! and the addresses of front matter, [`config`] site.yaml itself;
//! [`warnings`] comes last; [`order`] sorts the records first.

mod articles;
mod bodies;
mod config;
mod effects;
mod evidence;
mod keys;
mod order;
mod rows;
mod sources;
mod urls;
mod vocabulary;
mod warnings;

#[cfg(test)]
mod tests;

use std::collections::HashSet;

use super::{Checked, Index, KnowledgeGraph};
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::{Loaded, SiteSource};
use crate::model::Origin;
use crate::source::Step;
use keys::Keys;

/// What to include in the graph.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Include articles marked `draft: true`.
    pub drafts: bool,
}

/// Resolves loaded records into a graph: `Ok` with the warnings when nothing is wrong, `Err` with
/// every problem (those `load` found included) otherwise.
pub fn resolve(loaded: Loaded, options: Options) -> Result<Checked<KnowledgeGraph>, Diagnostics> {
    let Loaded {
        config,
        mut records,
        unparsed,
        thesaurus,
        ledger,
        history,
        mut diagnostics,
    } = loaded;
    let Some(SiteSource { config, file, tree }) = config else {
        return Err(diagnostics);
    };
    let has_findings = records.sources.iter().any(|s| !s.data.findings.is_empty());
    config::check(&config, &file, &tree, has_findings, &mut diagnostics);
    urls::check_config(&file, &tree, &mut diagnostics);
    let mut drafts = Vec::new();
    if !options.drafts {
        records.articles.retain(|a| {
            if a.data.draft {
                drafts.push(a.key.clone());
            }
            !a.data.draft
        });
    }
    order::sort(&config, &mut records);
    let keys = Keys::register(&records, &unparsed, &drafts, &mut diagnostics);
    let files = records
        .iter()
        .map(|(page, r)| (super::paths::content_relative(&r.origin().file.path), page))
        .collect();
    let mut index = Index::new(&records);
    let mut used_tags = HashSet::new();
    let mut cx = Context {
        config: &config,
        keys: &keys,
        index: &mut index,
        diagnostics: &mut diagnostics,
        used_tags: &mut used_tags,
    };
    effects::check(&records, &mut cx);
    rows::check(&records, &mut cx);
    sources::check(&records, &mut cx);
    articles::check(&records, &mut cx);
    vocabulary::check_tags(&records, &mut cx);
    bodies::check(&records, &mut cx);
    urls::check(&records, &files, &mut cx);
    warnings::check(&records, &mut cx, &file, &tree);
    vocabulary::collect_tags(&records, &config, &mut index);
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    let mut graph = KnowledgeGraph {
        config,
        records,
        index,
        thesaurus,
        changes: Default::default(),
        lookup: keys.into_lookup(),
        files,
    };
    graph.changes = living(&graph, history, ledger, &mut diagnostics)?;
    Ok(Checked::new(graph, diagnostics))
}

/// The change log of a graph that passed every other check: dates, `changes:` and the ledger
/// checked; the history's warning (none for a folder that is simply not in Git).
fn living(
    graph: &KnowledgeGraph,
    history: crate::history::History,
    ledger: Option<crate::load::LedgerSource>,
    diagnostics: &mut Diagnostics,
) -> Result<crate::living::ChangeLog, Diagnostics> {
    crate::living::check(graph, diagnostics);
    let ledger = crate::living::Ledger::new(ledger);
    ledger.check(graph, diagnostics);
    if diagnostics.has_errors() {
        return Err(std::mem::take(diagnostics));
    }
    match &history.warning {
        Some(crate::history::Warning::NoRepository) | None => {}
        Some(warning) => diagnostics.push(warning.to_diagnostic()),
    }
    Ok(crate::living::build(graph, &history, ledger))
}

/// What the checkers write to, beside the records they read.
struct Context<'a> {
    config: &'a SiteConfig,
    keys: &'a Keys,
    index: &'a mut Index,
    diagnostics: &'a mut Diagnostics,
    /// Tags some record uses, for the unused-tag warning.
    used_tags: &'a mut HashSet<String>,
}

impl Context<'_> {
    /// Pushes `diagnostic`, placed at `path` in the front matter of `origin`.
    fn report(&mut self, origin: &Origin, path: &[Step<'_>], diagnostic: Diagnostic) {
        self.diagnostics
            .push(diagnostic.at(&origin.file, origin.span(path)));
    }
}
