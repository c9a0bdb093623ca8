//! The key registry: which key of which kind names which record, and the one way references are
//! checked ([`Refs`]).

use std::collections::HashMap;

use super::Context;
use crate::diagnostics::{Diagnostic, Diagnostics, suggestion};
use crate::graph::Index;
use crate::i18n::{Code, Msg};
use crate::model::{Doc, Id, Kind, Origin, PageRef, RecordData, Records};
use crate::source::Step;

/// What a key names.
enum Target {
    Record(PageRef),
    /// A draft left out of this build: a reference to it is an error with its own hint.
    Draft,
    /// A file that failed to load, and was reported: a reference to it is not reported again.
    Unparsed,
}

pub(super) struct Keys {
    targets: HashMap<(Kind, String), Target>,
}

impl Keys {
    /// Registers every record's key, reporting the same key or id in two files of one kind; then
    /// the drafts and the files that did not load, under keys no record has.
    pub(super) fn register(
        records: &Records,
        unparsed: &[(Kind, String)],
        drafts: &[String],
        diagnostics: &mut Diagnostics,
    ) -> Keys {
        let mut targets = HashMap::new();
        let mut first: HashMap<(Kind, &str), &Origin> = HashMap::new();
        for (page, record) in records.iter() {
            let key = record.reference_key();
            let kind = page.kind();
            if let Some(earlier) = first.get(&(kind, key)) {
                let path: Vec<Step> = record.key_field().map(Step::Key).into_iter().collect();
                let origin = record.origin();
                diagnostics.push(
                    Code::DuplicateId
                        .error()
                        .arg("problem", "file")
                        .arg("key", key)
                        .arg("other", earlier.file.path.as_path())
                        .at(&origin.file, origin.span(&path)),
                );
                continue;
            }
            first.insert((kind, key), record.origin());
            targets.insert((kind, key.to_string()), Target::Record(page));
        }
        for key in drafts {
            targets
                .entry((Kind::Article, key.clone()))
                .or_insert(Target::Draft);
        }
        for (kind, key) in unparsed {
            targets
                .entry((*kind, key.clone()))
                .or_insert(Target::Unparsed);
        }
        Keys { targets }
    }

    /// The record `key` names: `Ok(None)` for a file that failed to load, `Err` with the
    /// diagnostic (placed by the caller) when nothing has the key.
    pub(super) fn find(&self, kind: Kind, key: &str) -> Result<Option<PageRef>, Diagnostic> {
        match self.targets.get(&(kind, key.to_string())) {
            Some(Target::Record(page)) => Ok(Some(*page)),
            Some(Target::Unparsed) => Ok(None),
            Some(Target::Draft) | None => Err(self.missing(kind, key)),
        }
    }

    /// Whether `key` names a file that failed to load (and was reported).
    pub(super) fn is_unparsed(&self, kind: Kind, key: &str) -> bool {
        matches!(
            self.targets.get(&(kind, key.to_string())),
            Some(Target::Unparsed)
        )
    }

    /// Whether `key` names a draft left out of this build.
    pub(super) fn is_draft(&self, kind: Kind, key: &str) -> bool {
        matches!(
            self.targets.get(&(kind, key.to_string())),
            Some(Target::Draft)
        )
    }

    /// The diagnostic for a reference to something that does not exist, with the closest key.
    fn missing(&self, kind: Kind, key: &str) -> Diagnostic {
        let info = kind.info();
        let diagnostic = info.unknown_code.error().arg("key", key);
        if self.is_draft(kind, key) {
            return diagnostic.help(Msg::DraftArticle);
        }
        let mut candidates: Vec<&str> = self
            .targets
            .iter()
            .filter(|((k, _), target)| *k == kind && matches!(target, Target::Record(_)))
            .map(|((_, key), _)| key.as_str())
            .collect();
        candidates.sort_unstable();
        diagnostic.suggest(suggestion(key, candidates, info.keys))
    }

    /// The records by key, for the graph's lookups.
    pub(super) fn into_lookup(self) -> HashMap<(Kind, String), PageRef> {
        self.targets
            .into_iter()
            .filter_map(|(key, target)| match target {
                Target::Record(page) => Some((key, page)),
                _ => None,
            })
            .collect()
    }
}

impl<'c> Context<'c> {
    /// The reference checks of one record: `from` is its page, `origin` its file and tree.
    pub(super) fn from<'h>(&'h mut self, from: PageRef, origin: &'h Origin) -> Refs<'h, 'c> {
        Refs {
            cx: self,
            from,
            origin,
        }
    }
}

/// Checks the front-matter references of one record: each one that resolves is linked from the
/// record; each one that does not is reported at its place (a file that failed to load was
/// reported already, so references to it are not).
pub(super) struct Refs<'h, 'c> {
    cx: &'h mut Context<'c>,
    from: PageRef,
    origin: &'h Origin,
}

impl Refs<'_, '_> {
    /// The list at the top-level `field`, each key a reference to a record of type `D`; each one
    /// that resolves is handed to `found`.
    pub(super) fn list<D: RecordData>(
        &mut self,
        field: &'static str,
        keys: &[String],
        found: impl FnMut(&mut Index, Id<Doc<D>>),
    ) {
        self.list_at(&[Step::Key(field)], keys, found);
    }

    /// Like [`Refs::list`], for a list at `field`, a path into the tree.
    pub(super) fn list_at<D: RecordData>(
        &mut self,
        field: &[Step<'_>],
        keys: &[String],
        mut found: impl FnMut(&mut Index, Id<Doc<D>>),
    ) {
        for (i, key) in keys.iter().enumerate() {
            let path = || {
                let mut path = field.to_vec();
                path.push(Step::Index(i));
                path
            };
            if let Some(id) = self.resolve::<D>(key, path) {
                found(self.cx.index, id);
            }
        }
    }

    /// The index, to record what a reference stands for beyond the link.
    pub(super) fn index(&mut self) -> &mut Index {
        self.cx.index
    }

    /// The one reference at `path`.
    pub(super) fn one<D: RecordData>(
        &mut self,
        path: &[Step<'_>],
        key: &str,
    ) -> Option<Id<Doc<D>>> {
        self.resolve(key, || path.to_vec())
    }

    /// The path of a reference is only built when it is needed: for the diagnostic.
    fn resolve<'p, D: RecordData>(
        &mut self,
        key: &str,
        path: impl FnOnce() -> Vec<Step<'p>>,
    ) -> Option<Id<Doc<D>>> {
        match self.cx.keys.find(D::KIND, key) {
            Ok(Some(to)) => {
                self.cx.index.link(self.from, to);
                D::id_of(to)
            }
            Ok(None) => None,
            Err(missing) => {
                let span = self.origin.span(&path());
                self.cx
                    .diagnostics
                    .push(missing.at(&self.origin.file, span));
                None
            }
        }
    }
}
