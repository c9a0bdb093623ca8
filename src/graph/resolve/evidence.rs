//! A source's findings as evidence: the kind of evidence (the finding's own or the source's
//! default; every finding must end up with one), the sectors, and the direction per effect.
//!
//! Kinds are checked against the rule's fixed keys ([`Evidence`]), not against site.yaml: a
//! mistake in site.yaml is reported there once (`config.rs`), not again at every finding.

use super::Context;
use super::vocabulary::Allowed;
use crate::config;
use crate::diagnostics::{closest, suggestion};
use crate::i18n::{Code, Msg};
use crate::model::{Direction, DirectionSpec, Evidence, Finding, Origin, SourceData};
use crate::source::{Node, Step};

/// The keys of the kinds of evidence, as a hint lists them: "`empirisch`, `review`, …".
pub(super) fn kinds_list() -> String {
    quoted(Evidence::ALL.map(Evidence::key))
}

pub(super) fn quoted<'a>(keys: impl IntoIterator<Item = &'a str>) -> String {
    (keys.into_iter())
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a source gives its findings when they say nothing themselves.
pub(super) struct Defaults<'s> {
    evidence: Default<Evidence>,
    pub(super) design: Option<&'s str>,
    pub(super) sectors: &'s [String],
}

#[derive(Clone, Copy)]
enum Default<T> {
    Given(T),
    /// The source gives none.
    Missing,
    /// The source gives a wrong one, reported already.
    Wrong,
}

/// Checks the source-level `evidence` and `sectors`, and reports findings that would get no kind
/// of evidence at all: one error for the source when none of several findings has one.
pub(super) fn defaults<'s>(
    cx: &mut Context,
    origin: &Origin,
    source: &'s SourceData,
) -> Defaults<'s> {
    let evidence = match &source.evidence {
        Some(key) => match kind(cx, origin, &[Step::Key("evidence")], key) {
            Some(kind) => Default::Given(kind),
            None => Default::Wrong,
        },
        None => Default::Missing,
    };
    sectors(cx, origin, &[Step::Key("sectors")], &source.sectors);
    let lacking: Vec<usize> = (source.findings.iter().enumerate())
        .filter(|(_, f)| f.evidence.is_none())
        .map(|(i, _)| i)
        .collect();
    if matches!(evidence, Default::Missing) && !lacking.is_empty() {
        let missing = |problem: &str| {
            (Code::MissingEvidence.error())
                .arg("problem", problem)
                .arg("kinds", kinds_list())
        };
        if lacking.len() > 1 && lacking.len() == source.findings.len() {
            let span = (origin.tree.key_span("findings")).unwrap_or_else(|| origin.span(&[]));
            cx.diagnostics
                .push(missing("source").at(&origin.file, span));
        } else {
            for f in lacking {
                // At the finding's first line (its `text`), not the whole finding.
                let at = [Step::Key("findings"), Step::Index(f)];
                let span = (origin.tree.get(&at))
                    .and_then(|node| node.key_span("text"))
                    .unwrap_or_else(|| origin.span(&at));
                cx.diagnostics
                    .push(missing("finding").at(&origin.file, span));
            }
        }
    }
    Defaults {
        evidence,
        design: source.design.as_deref(),
        sectors: &source.sectors,
    }
}

impl Defaults<'_> {
    /// The source's design describes its own study: a finding of another kind (a theory the
    /// source cites, say) does not inherit it.
    pub(super) fn design_for(&self, kind: Option<Evidence>) -> Option<&str> {
        match self.evidence {
            Default::Given(default) if kind != Some(default) => None,
            _ => self.design,
        }
    }
}

/// The kind of evidence of finding `f`, its sectors checked. `None` when it has none, which is
/// reported (here, or by [`defaults`]).
pub(super) fn finding_kind(
    cx: &mut Context,
    origin: &Origin,
    f: usize,
    finding: &Finding,
    defaults: &Defaults,
) -> Option<Evidence> {
    let at = |field| [Step::Key("findings"), Step::Index(f), Step::Key(field)];
    sectors(cx, origin, &at("sectors"), &finding.sectors);
    match &finding.evidence {
        Some(key) => kind(cx, origin, &at("evidence"), key),
        None => match defaults.evidence {
            Default::Given(kind) => Some(kind),
            Default::Missing | Default::Wrong => None,
        },
    }
}

fn kind(cx: &mut Context, origin: &Origin, path: &[Step<'_>], key: &str) -> Option<Evidence> {
    let keys = Evidence::ALL.map(Evidence::key).to_vec();
    let kinds = Allowed::new(keys, Code::UnknownEvidence, Msg::KeysEvidence);
    cx.expect(&kinds, origin, path, key);
    Evidence::from_key(key)
}

fn sectors(cx: &mut Context, origin: &Origin, field: &[Step<'_>], keys: &[String]) {
    let sectors = Allowed::new(
        config::keys(&cx.config.sectors),
        Code::UnknownSector,
        Msg::KeysSector,
    );
    for (i, key) in keys.iter().enumerate() {
        let mut path = field.to_vec();
        path.push(Step::Index(i));
        cx.expect(&sectors, origin, &path, key);
    }
}

/// How a finding bears on its effects.
pub(super) struct Directions<'f> {
    all: Direction,
    per_effect: Vec<(&'f str, Direction)>,
}

impl Directions<'_> {
    pub(super) fn of_effect(&self, key: &str) -> Direction {
        (self.per_effect.iter())
            .find(|(k, _)| *k == key)
            .map_or(self.all, |(_, d)| *d)
    }

    /// For rows: only a direction given for the whole finding says something about them.
    pub(super) fn of_rows(&self) -> Direction {
        self.all
    }
}

/// Checks `direction` of finding `f`: one word, or a group of `effect: word` whose keys are among
/// the finding's effects (`effects` or `added_effects`).
pub(super) fn directions<'f>(
    cx: &mut Context,
    origin: &Origin,
    f: usize,
    finding: &'f Finding,
) -> Directions<'f> {
    let path = [
        Step::Key("findings"),
        Step::Index(f),
        Step::Key("direction"),
    ];
    let mut directions = Directions {
        all: Direction::Supports,
        per_effect: Vec::new(),
    };
    match &finding.direction {
        None => {}
        Some(DirectionSpec::All(word)) => {
            if let Some(d) = direction(cx, origin, &path, word) {
                directions.all = d;
            }
        }
        Some(DirectionSpec::PerEffect(map)) => {
            let node = origin.tree.get(&path);
            let tagged: Vec<&str> = (finding.effects.iter())
                .chain(&finding.added_effects)
                .map(String::as_str)
                .collect();
            for (key, word) in map {
                if !tagged.contains(&key.as_str()) {
                    let span =
                        (node.and_then(|n| n.key_span(key))).unwrap_or_else(|| origin.span(&path));
                    let effects = match tagged.is_empty() {
                        true => "none".to_string(),
                        false => quoted(tagged.iter().copied()),
                    };
                    let close = closest(key, tagged.iter().copied()).is_some();
                    let hint = suggestion(key, tagged.iter().copied(), Msg::KeysFindingEffects);
                    cx.diagnostics.push(
                        (Code::DirectionEffect.error())
                            .arg("key", key.as_str())
                            .arg("effects", effects)
                            .at(&origin.file, span)
                            .suggest(hint.filter(|_| close)),
                    );
                    continue;
                }
                let mut at = path.to_vec();
                at.push(Step::Key(key));
                if let Some(d) = direction(cx, origin, &at, word) {
                    directions.per_effect.push((key.as_str(), d));
                }
            }
        }
        Some(DirectionSpec::Invalid(_)) => {
            let (problem, value) = match origin.tree.get(&path) {
                Some(Node::Seq { .. }) | None => ("list", ""),
                Some(Node::Map { .. }) => ("group", ""),
                Some(Node::Scalar { value, .. }) => ("word", value.as_str()),
            };
            let diagnostic = (Code::BadDirection.error())
                .arg("problem", problem)
                .arg("value", value);
            cx.report(origin, &path, diagnostic);
        }
    }
    directions
}

fn direction(
    cx: &mut Context,
    origin: &Origin,
    path: &[Step<'_>],
    word: &str,
) -> Option<Direction> {
    let d = Direction::from_key(word);
    if d.is_none() {
        let keys = Direction::ALL.map(Direction::key);
        // The message's own hint lists the three; only a near miss adds "did you mean".
        let close = closest(word, keys).is_some();
        let hint = suggestion(word, keys, Msg::KeysDirection);
        let diagnostic = (Code::BadDirection.error())
            .arg("problem", "word")
            .arg("value", word)
            .suggest(hint.filter(|_| close));
        cx.report(origin, path, diagnostic);
    }
    d
}
