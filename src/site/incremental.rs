//! What a cached pipeline (`serve`) keeps between runs: parsed files ([`LoadCache`]), the compiled
//! theme, every page's context and HTML and the rendered Markdown bodies ([`RenderCache`]), and
//! the last good graph. The common edit, a body that links to the same pages as before, changes
//! the graph in that body alone and no page but its own: the last graph is patched
//! ([`Checked::with_bodies`]) and only that page is planned again.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::BuildOptions;
use super::pipeline::{Resolved, resolve_loaded};
use crate::diagnostics::Diagnostics;
use crate::graph::{Checked, KnowledgeGraph, PageRef, is_overview_key};
use crate::load::{self, LoadCache};
use crate::model::{Origin, Records};
use crate::render::{Only, RenderCache};
use crate::timings::Timings;

#[derive(Default)]
pub(super) struct Caches {
    load: LoadCache,
    pub(super) render: RenderCache,
    /// Whether a first run read every file, so later runs may read only the changed ones.
    primed: bool,
    last: Option<Last>,
}

/// The last run that rendered, for the next one to patch.
struct Last {
    checked: Checked<Arc<KnowledgeGraph>>,
    basis: Basis,
}

/// What a body-only edit leaves as it was: how many problems loading found, and the config.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Basis {
    load_problems: usize,
    config_text: Option<Arc<str>>,
}

impl Caches {
    pub(super) fn resolve(
        &mut self,
        options: &BuildOptions,
        changed: &[PathBuf],
        timings: &mut Timings,
    ) -> Result<Resolved, Diagnostics> {
        let themes = options.root.join("themes");
        if changed.iter().any(|p| p.starts_with(&themes)) {
            self.render.forget_theme();
        }
        // The first run knows of no changes: it reads everything.
        let changed: HashSet<PathBuf> = changed.iter().cloned().collect();
        let changed = self.primed.then_some(&changed);
        let loaded = load::load_cached(
            &options.root,
            &options.content_dir(),
            &mut self.load,
            changed,
        );
        self.primed = true;
        timings.lap("load");
        let basis = Basis {
            load_problems: loaded.diagnostics.iter().count(),
            config_text: loaded.config.as_ref().map(|c| c.file.text.clone()),
        };
        if let (Some(last), Some(changed)) = (self.last.take(), changed)
            && last.basis == basis
            && let Some(edits) = body_edits(&options.root, &last.checked, &loaded.records, changed)
        {
            let records: Vec<PageRef> = edits.iter().map(|(page, _)| *page).collect();
            match last.checked.with_bodies(edits) {
                Ok(checked) => {
                    timings.lap("patch graph");
                    let only = Only {
                        records,
                        ..Only::default()
                    };
                    return Ok(Resolved {
                        checked,
                        only: Some(only),
                        basis,
                    });
                }
                Err(checked) => {
                    self.last = Some(Last {
                        checked,
                        basis: last.basis,
                    })
                }
            }
        }
        let checked = resolve_loaded(loaded, options)?.shared();
        timings.lap("resolve");
        // Any other edit: the pages made from a record that changed, when the records are the
        // same ones in the same order.
        let only = self.last.as_ref().and_then(|last| {
            (last.basis == basis).then_some(())?;
            let changed = checked.changed_since(&last.checked)?;
            self.render.affected(&changed)
        });
        timings.lap("dependencies");
        Ok(Resolved {
            checked,
            only,
            basis,
        })
    }

    /// The graph of a run that rendered, for the next run to patch.
    pub(super) fn remember(&mut self, checked: Checked<Arc<KnowledgeGraph>>, basis: Basis) {
        self.last = Some(Last { checked, basis });
    }
}

/// For each changed file, its page and new origin, when every change is a Markdown file the graph
/// had and none is the introduction of an overview (which other pages show). Whether the new
/// origins fit the graph is [`Checked::with_bodies`]'s to decide. `None` otherwise.
fn body_edits(
    root: &Path,
    graph: &KnowledgeGraph,
    records: &Records,
    changed: &HashSet<PathBuf>,
) -> Option<Vec<(PageRef, Origin)>> {
    let mut edits = Vec::new();
    for path in changed {
        if path.extension().is_none_or(|e| e != "md") {
            return None;
        }
        let relative = path.strip_prefix(root).ok()?;
        let (page, _) = graph
            .records
            .iter()
            .find(|(_, r)| r.origin().file.path == relative)?;
        let new = records
            .iter()
            .map(|(_, r)| r.origin())
            .find(|o| o.file.path == relative)?;
        if matches!(page, PageRef::Page(i) if is_overview_key(&graph[i].key)) {
            return None;
        }
        edits.push((page, new.clone()));
    }
    Some(edits)
}
