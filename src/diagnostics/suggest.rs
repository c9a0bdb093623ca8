//! Hints for a mistyped value: the closest valid one, or the valid ones when there are few.

use crate::i18n::{Arg, Message, Msg};

/// The closest candidate to a mistyped name, if one is close enough to be a likely typo.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(input, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// A hint naming the closest valid value, or listing the allowed values when there are few:
/// [`Msg::DidYouMean`], [`Msg::ValidValues`] or [`Msg::ManyValidValues`]. `what` names the values
/// in the plural (a [`Msg`], so it reads in the language of the hint).
pub fn suggestion<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
    what: impl Into<Arg>,
) -> Option<Message> {
    if let Some(best) = closest(input, candidates.clone()) {
        return Some(Msg::DidYouMean.with("suggestion", best));
    }
    let all: Vec<&str> = candidates.into_iter().collect();
    match all.len() {
        0 => None,
        1..=12 => Some(
            Msg::ValidValues.with("what", what).with(
                "list",
                all.iter()
                    .map(|c| format!("`{c}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        ),
        n => Some(Msg::ManyValidValues.with("what", what).with("count", n)),
    }
}
