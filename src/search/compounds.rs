//! Dutch compounds split with the site's own vocabulary, so that *opleiding* also finds
//! *lerarenopleiding* and *school* finds *opleidingsscholen*. No dictionary ships with the site:
//! a word is split only into words the site itself uses, joined directly or by a linking
//! letter (`opleiding-s-school`, `paard-e-bloem`, `boek-en-kast`). The parts are indexed beside the
//! whole word as lower-weighted tokens (`index.rs`); a visitor's query is never split.

use std::collections::HashSet;

use super::analyzer::STOP_WORDS;

/// Words shorter than this are not split.
pub const MIN_COMPOUND: usize = 7;
/// The shortest part at the start or in the middle (`les` in `lesvaardigheden`).
const MIN_PART: usize = 3;
/// The shortest last part: the head of a Dutch compound, which carries its meaning.
const MIN_HEAD: usize = 4;
/// Short words that are far more often a prefix (`ver-binding`, `her-kennen`) than a part.
const NOT_PARTS: [&str; 4] = ["ver", "her", "ont", "mis"];
/// Letters that may join two parts.
const LINKS: [&str; 4] = ["", "s", "e", "en"];

/// The words of the site a compound is made of, or nothing when it is not one: its parts, and
/// the words inside it made of two or more parts (`lerarenopleiding` in
/// `lerarenopleidingsscholen`). Prefers the split into the most parts (so the words inside are
/// all found), then the one whose shortest part is longest.
pub fn split(word: &str, vocabulary: &HashSet<String>) -> Vec<String> {
    if word.len() < MIN_COMPOUND || !word.is_ascii() {
        return Vec::new();
    }
    let Some(parts) = segment(word, vocabulary) else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    let mut push = |w: &str| {
        if !out.iter().any(|o| o == w) {
            out.push(w.to_string());
        }
    };
    for &(start, end) in &parts {
        push(&word[start..end]);
    }
    for i in 0..parts.len() {
        for j in i + 2..=parts.len() {
            if i == 0 && j == parts.len() {
                continue;
            }
            let inner = &word[parts[i].0..parts[j - 1].1];
            if vocabulary.contains(inner) {
                push(inner);
            }
        }
    }
    out
}

/// A split of a word's tail: number of parts, its shortest part, the parts' byte ranges.
type Split = (usize, usize, Vec<(usize, usize)>);

/// The best split as byte ranges of the parts (links between them left out), if there is one with
/// at least two parts.
fn segment(word: &str, vocabulary: &HashSet<String>) -> Option<Vec<(usize, usize)>> {
    let n = word.len();
    let is_part =
        |w: &str| vocabulary.contains(w) && !STOP_WORDS.contains(&w) && !NOT_PARTS.contains(&w);
    // best[i]: the best split of word[i..], as (parts, shortest part, ranges).
    let mut best: Vec<Option<Split>> = vec![None; n + 1];
    best[n] = Some((0, usize::MAX, Vec::new()));
    for start in (0..n).rev() {
        let mut choice: Option<Split> = None;
        for end in start + MIN_PART..=n {
            // The whole word is not a split of itself.
            if start == 0 && end == n {
                continue;
            }
            let last = end == n;
            if last && end - start < MIN_HEAD {
                continue;
            }
            if !is_part(&word[start..end]) {
                continue;
            }
            let links: &[&str] = if last { &[""] } else { &LINKS };
            for link in links {
                let next = end + link.len();
                if next > n || !word[end..].starts_with(link) || (!last && next == n) {
                    continue;
                }
                let Some((count, shortest, ranges)) = &best[next] else {
                    continue;
                };
                let candidate = (
                    count + 1,
                    (*shortest).min(end - start),
                    std::iter::once((start, end))
                        .chain(ranges.iter().copied())
                        .collect::<Vec<_>>(),
                );
                let better = match &choice {
                    None => true,
                    Some((c, s, _)) => (candidate.0, candidate.1) > (*c, *s),
                };
                if better {
                    choice = Some(candidate);
                }
            }
        }
        best[start] = choice;
    }
    best[0].take().map(|(_, _, ranges)| ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary() -> HashSet<String> {
        "leraren leraar opleiding opleidingen school scholen opleidingsschool opleidingsscholen \
         lerarenopleiding lerarenopleidingsscholen stage vergoeding stagevergoeding werkplek \
         begeleider werkplekbegeleider praktijk onderzoek praktijkonderzoek tekort lerarentekort \
         rendement opleidingsrendement les vaardigheden lesvaardigheden partner partnerschap \
         onder wijs onderwijs ver binding verbinding"
            .split_whitespace()
            .map(String::from)
            .collect()
    }

    fn parts(word: &str) -> Vec<String> {
        split(word, &vocabulary())
    }

    #[test]
    fn compounds_split_into_site_words_with_linking_letters() {
        assert_eq!(parts("lerarenopleiding"), ["leraren", "opleiding"]);
        assert_eq!(parts("opleidingsschool"), ["opleiding", "school"]);
        assert_eq!(parts("opleidingsscholen"), ["opleiding", "scholen"]);
        assert_eq!(parts("stagevergoeding"), ["stage", "vergoeding"]);
        assert_eq!(parts("werkplekbegeleider"), ["werkplek", "begeleider"]);
        assert_eq!(parts("opleidingsrendement"), ["opleiding", "rendement"]);
        assert_eq!(parts("lesvaardigheden"), ["les", "vaardigheden"]);
    }

    #[test]
    fn longer_compounds_keep_the_compounds_inside_them() {
        assert_eq!(
            parts("lerarenopleidingsscholen"),
            [
                "leraren",
                "opleiding",
                "scholen",
                "lerarenopleiding",
                "opleidingsscholen"
            ]
        );
    }

    #[test]
    fn words_that_are_no_compound_of_site_words_stay_whole() {
        assert!(
            parts("partnerschap").is_empty(),
            "schap is no word of the site"
        );
        assert!(parts("verbinding").is_empty(), "ver- is a prefix here");
        assert!(parts("onderwijs").is_empty(), "onder is a stop word");
        assert!(parts("opleiding").is_empty());
        assert!(parts("school").is_empty());
    }
}
