//! Headings of a body: their anchors (unique within the page, from Dutch-friendly slugs) and the
//! text under each, for tables of contents, anchor checks and search sections.

use std::collections::HashSet;

use pulldown_cmark::HeadingLevel;
use serde::Serialize;

/// A heading of a rendered body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    pub level: u8,
    /// The anchor: `{#eigen}` when the editor gave one, else the slug of the heading's text.
    pub id: String,
    pub text: String,
}

/// A heading with the plain text under it, up to the next heading of any level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub heading: Heading,
    /// Its non-blank lines, each ending in a newline.
    pub text: String,
}

/// A URL-safe anchor for a heading (é → e, spaces → hyphens); `fallback` when the text has no
/// letters or digits.
pub fn slug_or(text: &str, fallback: &str) -> String {
    let slug = slug::slugify(text);
    if slug.is_empty() {
        fallback.to_string()
    } else {
        slug
    }
}

/// Hands out anchors so that no two headings of a page share one: the second `uitleg` becomes
/// `uitleg-2`.
#[derive(Debug, Default)]
pub(crate) struct Anchors {
    used: HashSet<String>,
}

impl Anchors {
    pub fn unique(&mut self, base: &str) -> String {
        let mut candidate = base.to_string();
        let mut n = 2;
        while !self.used.insert(candidate.clone()) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        candidate
    }
}

pub(crate) fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}
