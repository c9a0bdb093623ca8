//! The stem of every word of the site, made once per build from the site's own vocabulary.
//!
//! Snowball's Dutch algorithm (Kraaij–Pohlmann) conflates inflections well (partnerschappen →
//! partnerschap, leraren → leraar, opgeleid → opleid) but removes a `ge` it should keep, which
//! merges distinct words of this field: *begeleiding* becomes `beleid` (policy), *gemeente* `meen`,
//! *stagevergoeding* `stavergoed`. And it doubles the vowel of a plural whose singular has its
//! stress elsewhere: *mentoren* → `mentoor`, apart from *mentor*. Three guards, tested below:
//!
//! 1. A `ge` inside a word is removed only after a separable particle (*op-ge-leid*,
//!    *samen-ge-werkt*); elsewhere (*be-ge-leiding*, *sta-ge-vergoeding*) it stays.
//! 2. A `ge` at the start of a word is removed only when the result is also the stem of a word of
//!    the site without it (*geleerd* with *leren*, *gemaakt* with *maken*), and never for the few
//!    common nouns and adjectives in [`KEEP_GE`] (*gebied* is not *bieden*).
//! 3. A plural in `-en` takes the stem of its singular when the site has the singular
//!    (*mentoren* with *mentor*, *sectoren* with *sector*).
//!
//! The stems are a map from folded word to stem: the index stems through it, and the exported
//! shards carry it, so the browser never stems.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::analyzer::Stemming;

/// Separable particles after which a participle's `ge` may be removed.
const PARTICLES: &[&str] = &[
    "aan", "achter", "af", "bij", "binnen", "buiten", "deel", "door", "in", "los", "mee", "mis",
    "na", "neer", "om", "onder", "op", "over", "rond", "samen", "tegen", "terug", "thuis", "toe",
    "uit", "vast", "voor", "vrij", "weg",
];

/// Words (and words starting with them) whose leading `ge` belongs to the word.
const KEEP_GE: &[&str] = &[
    "gebied",
    "gebouw",
    "gebruik",
    "gedrag",
    "geheel",
    "geld",
    "gelijk",
    "geloof",
    "geluk",
    "gemeente",
    "gemiddeld",
    "genoeg",
    "geschiedenis",
    "gesprek",
    "geval",
    "gevoel",
    "gevolg",
    "gewoon",
    "gezicht",
    "gezin",
    "gezond",
];

/// Folded word → stem, for every word the index or the thesaurus holds.
#[derive(Debug, Clone, Default)]
pub struct StemMap {
    stems: HashMap<String, String>,
    stemming: Stemming,
}

impl StemMap {
    /// Stems every word of `vocabulary` (folded, as the analyzer's surface words).
    pub fn build<'a>(vocabulary: impl IntoIterator<Item = &'a str>, stemming: Stemming) -> Self {
        let words: BTreeSet<&str> = vocabulary.into_iter().collect();
        let raw: HashMap<&str, String> = words.iter().map(|w| (*w, stemming.stem(w))).collect();
        if stemming == Stemming::Porter {
            // dutch_porter removes no `ge` and doubles no vowel: nothing to guard.
            let stems = raw.into_iter().map(|(w, s)| (w.to_string(), s)).collect();
            return StemMap { stems, stemming };
        }
        // Stems reached without removing a leading `ge`: the evidence for guard 2.
        let mut plain: HashSet<String> = HashSet::new();
        let mut guarded: HashMap<&str, String> = HashMap::new();
        for (&word, stem) in &raw {
            let (stem, removed_initial_ge) = guard_ge(word, stem);
            if !removed_initial_ge {
                plain.insert(stem.clone());
            }
            guarded.insert(word, stem);
        }
        let mut stems: HashMap<String, String> = HashMap::new();
        for (&word, stem) in &guarded {
            let (_, removed_initial_ge) = guard_ge(word, &raw[word]);
            let stem = if removed_initial_ge && !plain.contains(stem) {
                restore(stem, 0)
            } else {
                stem.clone()
            };
            stems.insert(word.to_string(), stem);
        }
        // Guard 3, after the others so a singular's final stem is known.
        for &word in &words {
            if let Some(singular) = word.strip_suffix("en")
                && singular.len() >= 3
                && let Some(stem) = stems.get(singular).cloned()
            {
                stems.insert(word.to_string(), stem);
            }
        }
        StemMap { stems, stemming }
    }

    /// The stem of a folded word; a word the map was not built with is stemmed with the guards
    /// that need no vocabulary (1 and [`KEEP_GE`]).
    pub fn stem(&self, word: &str) -> String {
        if let Some(stem) = self.stems.get(word) {
            return stem.clone();
        }
        let raw = self.stemming.stem(word);
        if self.stemming == Stemming::Porter {
            return raw;
        }
        let (stem, removed_initial_ge) = guard_ge(word, &raw);
        if removed_initial_ge {
            restore(&stem, 0)
        } else {
            stem
        }
    }

    pub fn stemming(&self) -> Stemming {
        self.stemming
    }
}

/// Guard 1 (and the fixed part of 2): the stem with a wrongly removed `ge` put back, and whether
/// a `ge` at the start of the word was removed (still to be confirmed by the vocabulary).
fn guard_ge(word: &str, stem: &str) -> (String, bool) {
    let Some(at) = removed_ge(word, stem) else {
        return (stem.to_string(), false);
    };
    if at == 0 {
        if KEEP_GE.iter().any(|k| word.starts_with(k)) {
            return (restore(stem, 0), false);
        }
        return (stem.to_string(), true);
    }
    if PARTICLES.contains(&&word[..at]) {
        (stem.to_string(), false)
    } else {
        (restore(stem, at), false)
    }
}

/// Where the stemmer dropped a `ge` from `word`, if it did: the first byte where word and stem
/// part, when the word has `ge` there and the stem goes on with what follows it.
fn removed_ge(word: &str, stem: &str) -> Option<usize> {
    let at = word
        .bytes()
        .zip(stem.bytes())
        .position(|(a, b)| a != b)
        .unwrap_or(word.len().min(stem.len()));
    let rest = word.get(at..)?.strip_prefix("ge")?;
    let tail = stem.get(at..)?;
    let n = tail.len().min(2);
    (n > 0 && rest.starts_with(&tail[..n])).then_some(at)
}

fn restore(stem: &str, at: usize) -> String {
    format!("{}ge{}", &stem[..at], &stem[at..])
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = "begeleiding begeleidingen begeleiden begeleid begeleider beleid \
        beleidsmakers gemeente gemeenten stagevergoeding stage vergoeding opgeleid opleiden \
        opleiding samengewerkt samenwerken geleerd leren gemaakt maken gebied bieden geloof \
        mentor mentoren sector sectoren leraar leraren partnerschap partnerschappen werkplekbegeleider \
        werkplekbegeleiders vergeleken gezond";

    fn map() -> StemMap {
        StemMap::build(SITE.split_whitespace(), Stemming::Snowball)
    }

    #[test]
    fn begeleiding_is_not_beleid() {
        let m = map();
        assert_ne!(m.stem("begeleiding"), m.stem("beleid"));
        for w in ["begeleidingen", "begeleiden", "begeleid"] {
            assert_eq!(m.stem(w), m.stem("begeleiding"), "{w}");
        }
        assert_eq!(m.stem("werkplekbegeleiders"), m.stem("werkplekbegeleider"));
        assert!(m.stem("werkplekbegeleider").contains("begeleid"));
    }

    #[test]
    fn a_ge_inside_a_compound_stays() {
        let m = map();
        assert!(m.stem("stagevergoeding").starts_with("stage"));
        assert!(m.stem("vergeleken").starts_with("verge"));
    }

    #[test]
    fn participles_after_a_particle_meet_their_verb() {
        let m = map();
        assert_eq!(m.stem("opgeleid"), m.stem("opleiden"));
        assert_eq!(m.stem("opleiding"), m.stem("opleiden"));
        assert_eq!(m.stem("samengewerkt"), m.stem("samenwerken"));
    }

    #[test]
    fn a_leading_ge_goes_only_where_the_site_has_the_verb() {
        let m = map();
        assert_eq!(m.stem("geleerd"), m.stem("leren"));
        assert_eq!(m.stem("gemaakt"), m.stem("maken"));
        assert_ne!(m.stem("gebied"), m.stem("bieden"));
        assert_eq!(m.stem("gemeente"), m.stem("gemeenten"));
        assert!(m.stem("gemeente").starts_with("gemeen"));
        assert!(m.stem("geloof").starts_with("ge"));
        assert!(m.stem("gezond").starts_with("gezon"));
    }

    #[test]
    fn plurals_meet_their_singular() {
        let m = map();
        assert_eq!(m.stem("mentoren"), m.stem("mentor"));
        assert_eq!(m.stem("sectoren"), m.stem("sector"));
        assert_eq!(m.stem("leraren"), m.stem("leraar"));
        assert_eq!(m.stem("partnerschappen"), m.stem("partnerschap"));
    }

    #[test]
    fn words_outside_the_map_get_the_fixed_guards() {
        let m = map();
        assert_eq!(m.stem("begeleidt"), m.stem("begeleiding"));
        assert!(m.stem("gesprekken").starts_with("ge"));
    }

    #[test]
    fn porter_is_left_alone() {
        let m = StemMap::build(SITE.split_whitespace(), Stemming::Porter);
        assert_eq!(m.stem("begeleiding"), Stemming::Porter.stem("begeleiding"));
    }
}
