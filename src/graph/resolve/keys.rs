//! The key registry: which key of which kind names which record, and the one way references are
//! checked ([`Context::refs`], [`Context::reference`]).

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

    /// The diagnostic for a reference to something that does not exist, with the closest key.
    fn missing(&self, kind: Kind, key: &str) -> Diagnostic {
        let info = kind.info();
        let diagnostic = info.unknown_code.error().arg("key", key);
        let is_draft = matches!(
            self.targets.get(&(kind, key.to_string())),
            Some(Target::Draft)
        );
        if is_draft {
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

impl Context<'_> {
    /// Checks one front-matter reference of `from` (at `path` in its tree) to a record of type
    /// `D`, and records the link. `None` when it does not resolve (reported) or names a file that
    /// failed to load (reported already).
    pub(super) fn reference<D: RecordData>(
        &mut self,
        from: PageRef,
        origin: &Origin,
        path: &[Step<'_>],
        key: &str,
    ) -> Option<Id<Doc<D>>> {
        self.resolve_at(from, origin, key, || path.to_vec())
    }

    /// Checks each key of the front-matter list at `field` (a path into `from`'s tree) as a
    /// reference to a record of type `D`, and hands each one that resolves to `found`.
    pub(super) fn refs<D: RecordData>(
        &mut self,
        from: PageRef,
        origin: &Origin,
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
            if let Some(id) = self.resolve_at::<D>(from, origin, key, path) {
                found(self.index, id);
            }
        }
    }

    /// The path of a reference is only built when it is needed: for the diagnostic.
    fn resolve_at<'p, D: RecordData>(
        &mut self,
        from: PageRef,
        origin: &Origin,
        key: &str,
        path: impl FnOnce() -> Vec<Step<'p>>,
    ) -> Option<Id<Doc<D>>> {
        match self.keys.find(D::KIND, key) {
            Ok(Some(to)) => {
                self.index.link(from, to);
                D::id_of(to)
            }
            Ok(None) => None,
            Err(missing) => {
                let span = origin.span(&path());
                self.diagnostics.push(missing.at(&origin.file, span));
                None
            }
        }
    }
}
