//! Synonyms applied at build time: where a unit's text holds a term of a group, the other terms'
//! stems are indexed beside it as lower-weighted tokens. *behoud* then also carries *retention*,
//! *werkplekbegeleider* carries *mentor*, so the browser and the terminal find them without
//! shipping or applying a thesaurus at query time.
//!
//! Groups come from the thesaurus (`content/thesaurus.yaml`, every term expands) and the
//! glossary (a term's title and its `synonyms`): a glossary term of several words only *triggers*
//! its group, because its words are common on their own (the glossary's *leraar in opleiding*
//! must not make every *leraar* match *opleiding*). Terms match by stems, so inflections count.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::analyzer;
use super::stems::StemMap;

/// One term as written, and whether its words are added where another term of its group occurs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub text: String,
    pub expands: bool,
}

/// Terms that mean the same when searching.
pub type Group = Vec<Term>;

/// The groups compiled to stems: finds terms in a run of stems and says what to add.
#[derive(Debug, Default)]
pub struct Expander {
    /// First stem of a term → (the term's stems, its group).
    starts: HashMap<String, Vec<(Vec<String>, usize)>>,
    /// Per group: the stems of each expanding term.
    adds: Vec<Vec<Vec<String>>>,
    /// Per group: the stems of each term.
    terms: Vec<Vec<Vec<String>>>,
}

impl Expander {
    pub fn new(groups: &[Group], stems: &StemMap) -> Self {
        let mut expander = Expander::default();
        for (g, group) in groups.iter().enumerate() {
            let mut adds = Vec::new();
            let mut terms = Vec::new();
            for term in group {
                let words: Vec<String> = analyzer::surface_words(&term.text)
                    .iter()
                    .map(|w| stems.stem(w))
                    .collect();
                let Some(first) = words.first() else { continue };
                let starts = expander.starts.entry(first.clone()).or_default();
                if !starts.contains(&(words.clone(), g)) {
                    starts.push((words.clone(), g));
                }
                if term.expands {
                    adds.push(words.clone());
                }
                terms.push(words);
            }
            expander.adds.push(adds);
            expander.terms.push(terms);
        }
        expander
    }

    /// Every occurrence of a term in `text` (stems in order): the term's stems and its group.
    fn occurrences<'a>(
        &'a self,
        text: &'a [String],
    ) -> impl Iterator<Item = (&'a [String], usize)> + 'a {
        (0..text.len()).flat_map(move |i| {
            self.starts
                .get(&text[i])
                .into_iter()
                .flatten()
                .filter(move |(words, _)| text[i..].starts_with(words))
                .map(|(words, group)| (words.as_slice(), *group))
        })
    }

    /// The stems to add for a field whose stems are `text`, in order: for each occurrence of a
    /// term, the other expanding terms of its group (their stems that the term itself lacks).
    pub fn expand(&self, text: &[String], out: &mut Vec<String>) {
        for (words, group) in self.occurrences(text) {
            let from = out.len();
            for stem in self.adds[group].iter().flatten() {
                if !words.contains(stem) && !out[from..].contains(stem) {
                    out.push(stem.clone());
                }
            }
        }
    }

    /// Calls `f` with the stems of every term of several words that [`Self::expand`] brings into
    /// a field whose stems are `text`: its words stand together (*professionalisering* brings
    /// *professional development*), which the phrase boost counts (`pairs.rs`).
    pub fn added_terms(&self, text: &[String], mut f: impl FnMut(&[String])) {
        for (words, group) in self.occurrences(text) {
            for term in &self.adds[group] {
                if term.len() > 1 && term.as_slice() != words {
                    f(term);
                }
            }
        }
    }

    /// Per added stem, the stems of the terms that add it: where a unit matched a query through
    /// the stem, these are the words its text holds (the browser marks them in the excerpt).
    pub fn marks(&self) -> BTreeMap<String, BTreeSet<String>> {
        let mut marks: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (adds, terms) in self.adds.iter().zip(&self.terms) {
            for stem in adds.iter().flatten() {
                for term in terms.iter().filter(|t| !t.contains(stem)) {
                    marks
                        .entry(stem.clone())
                        .or_default()
                        .extend(term.iter().cloned());
                }
            }
        }
        marks
    }

    /// The stems every term of the groups is made of: they need a place in the stem map.
    pub fn words(groups: &[Group]) -> Vec<String> {
        groups
            .iter()
            .flatten()
            .flat_map(|t| analyzer::surface_words(&t.text))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Stemming;

    fn term(text: &str, expands: bool) -> Term {
        Term {
            text: text.into(),
            expands,
        }
    }

    fn expand(groups: &[Group], text: &str) -> Vec<String> {
        let mut words = Expander::words(groups);
        words.extend(analyzer::surface_words(text));
        let stems = StemMap::build(words.iter().map(String::as_str), Stemming::Snowball);
        let expander = Expander::new(groups, &stems);
        let text: Vec<String> = analyzer::surface_words(text)
            .iter()
            .map(|w| stems.stem(w))
            .collect();
        let mut out = Vec::new();
        expander.expand(&text, &mut out);
        out
    }

    #[test]
    fn a_term_brings_the_others_of_its_group() {
        let groups = vec![vec![
            term("behoud", true),
            term("retention", true),
            term("teacher retention", true),
        ]];
        assert_eq!(
            expand(&groups, "Het behoud van startende leraren"),
            ["retention", "teacher"]
        );
        assert_eq!(expand(&groups, "over retention"), ["behoud", "teacher"]);
    }

    #[test]
    fn an_added_stem_marks_the_terms_that_add_it() {
        let groups = vec![vec![
            term("behoud", true),
            term("retention", true),
            term("begeleiding startende leraren", false),
        ]];
        let words = Expander::words(&groups);
        let stems = StemMap::build(words.iter().map(String::as_str), Stemming::Snowball);
        let marks = Expander::new(&groups, &stems).marks();
        let retention: Vec<&str> = marks["retention"].iter().map(String::as_str).collect();
        assert_eq!(retention, ["begeleid", "behoud", "leraar", "start"]);
        assert!(
            !marks.contains_key("begeleid"),
            "a term that only triggers adds nothing"
        );
    }

    #[test]
    fn terms_match_by_stem_and_in_sequence() {
        let groups = vec![vec![
            term("begeleiding startende leraren", false),
            term("inductie", true),
        ]];
        assert_eq!(
            expand(&groups, "De begeleiding van startende leraar"),
            ["inductie"]
        );
        assert!(expand(&groups, "begeleiding en leraren").is_empty());
        assert!(
            expand(&groups, "inductie").is_empty(),
            "a term that only triggers adds nothing"
        );
    }
}
