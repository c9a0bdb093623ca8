//! Markdown bodies, read once: [`parse`] runs pulldown-cmark over an editor's body a single time
//! and keeps everything later stages need, with byte spans relative to the body:
//! - every `[[kind:key#fragment|label]]` reference ([`WikiRef`]) and every Markdown link and
//!   image, classified by where it points ([`Link`], [`Destination`]), for the check and the
//!   backlinks;
//! - the headings with their anchors, for tables of contents and anchor checks;
//! - the HTML and the plain text (for search, also per section) as [`Template`]s with holes
//!   where a resolved reference's link and title go, so the render stage finishes a page from a
//!   [`Target`] per reference without parsing again ([`Parsed::render`], [`Parsed::plain_text`],
//!   [`Parsed::sections`]);
//! - what only the reading can see is wrong ([`Problem`]) and the control characters
//!   ([`Control`]), which never reach a page.
//!
//! This module knows nothing of the graph: which kind words exist and what a key resolves to
//! come in as the closure passed to the finishing methods.
//!
//! # Rendering
//! Tables, footnotes, strikethrough, smart punctuation, `{#id}` heading attributes. Raw HTML is
//! shown as text; HTML comments are dropped (editors' notes are never published), an unclosed
//! `<!--` is shown and reported. Headings get unique anchors from their text (`uitleg`,
//! `uitleg-2`). A resolved reference becomes `<a href="url#fragment">label</a>`: its own label
//! (Markdown, so `*nadruk*` works as in any link), else the target's title with the body's
//! typography. An unresolved one (only in text nobody checked) shows its label or key.
//!
//! # How references are read (spike, pulldown-cmark 0.13.6)
//! `Options::ENABLE_WIKILINKS` delivers references intact: `[[bron:rug-2017#frag|label]]`
//! arrives as `Start(Link { link_type: WikiLink { has_pothole: true }, dest_url:
//! "bron:rug-2017#frag" })`, the label's inline events inside (emphasis, code, smart quotes),
//! and `into_offset_iter` spans the whole `[[…]]` exactly (`![[…]]` as an image, the `!`
//! included). That holds at the start of a line, in lists, headings, emphasis, footnotes and
//! table cells. Code is never scanned: inline code of any backtick count, fenced (nested fences
//! too) and indented blocks arrive as code events. The exceptions, each handled here:
//! - In a table a `|` separates cells before inline parsing (GFM), so `[[begrip:x|tekst]]` in
//!   a row is cut in two and the row loses a cell. `\|` works (the target then ends in `\`,
//!   stripped); an unescaped one is repaired in `tables` by escaping it in that row and
//!   parsing again (only bodies that have such a row).
//! - `[[rug-2017]]` (no kind) and `[[1:2]]` are wiki links too: reported as
//!   [`ProblemKind::MissingKind`] and shown as typed. `[[bronn:x]]` is a reference with an
//!   unknown kind word, for the check. `[[]]` and an unclosed `[[x` stay text (as `[`,`[`, text
//!   events): found on those events (never on raw text) and reported.
//! - A wiki link's target is taken raw (no escapes or entities), its label is Markdown.
//! - `[[x|[a](b)]]` is no wiki link (the inner link wins); reported as unclosed.
//!
//! `TextMergeWithOffset` is not needed: the writer joins text events itself, and the plain text
//! needs them apart (each smart quote is its own event, spanning the quote as typed).

mod destination;
mod heading;
mod label;
mod pass;
mod problem;
mod reference;
mod tables;
mod template;
#[cfg(test)]
mod tests;

use std::ops::Range;

use pulldown_cmark::Options;
use serde::Serialize;

pub use destination::{Destination, Link};
pub use heading::{Heading, Section, slug_or};
pub use label::is_control;
pub use problem::{Control, Problem, ProblemKind};
pub use reference::{Target, WikiRef};
use template::{Filling, Form, Template};

/// What finishes a body: where each reference goes, and each link to a content file.
pub trait Resolve {
    fn reference(&mut self, reference: &WikiRef) -> Option<Target>;

    /// The `href` (fragment included) of the page a link to a Markdown file of `content/`
    /// stands for; `None` leaves the link as written.
    fn content_file(&mut self, link: &Link) -> Option<String> {
        let _ = link;
        None
    }
}

/// A closure over references as a [`Resolve`] (links to files are left as written).
struct References<F>(F);

impl<F: FnMut(&WikiRef) -> Option<Target>> Resolve for References<F> {
    fn reference(&mut self, reference: &WikiRef) -> Option<Target> {
        (self.0)(reference)
    }
}

/// The options every body is read with.
const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_SMART_PUNCTUATION)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_HEADING_ATTRIBUTES)
    .union(Options::ENABLE_WIKILINKS);

/// A body, read: everything but what depends on other records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    references: Vec<WikiRef>,
    links: Vec<Link>,
    problems: Vec<Problem>,
    controls: Vec<Control>,
    headings: Vec<ParsedHeading>,
    html: Template,
    text: Template,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParsedHeading {
    level: u8,
    id: String,
    text: Template,
    /// Where the heading's own line starts in the plain text.
    line_start: usize,
    /// The plain text under it.
    section: Range<u32>,
}

/// A rendered body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
}

/// Reads an editor's Markdown body.
pub fn parse(body: &str) -> Parsed {
    let controls = problem::controls(body);
    let events = pass::Pass::events(body);
    let output = match tables::repair(body, &events) {
        None => pass::Pass::new(body, &[]).run(events),
        Some(repaired) => {
            drop(events);
            let events = pass::Pass::events(&repaired.text);
            pass::Pass::new(&repaired.text, &repaired.inserted).run(events)
        }
    };
    Parsed {
        references: output.references,
        links: output.links,
        problems: output.problems,
        controls,
        headings: output.headings,
        html: output.html,
        text: output.text,
    }
}

impl Parsed {
    /// Every `[[…]]` reference, in order.
    pub fn references(&self) -> &[WikiRef] {
        &self.references
    }

    /// Every Markdown link and image, in order.
    pub fn links(&self) -> &[Link] {
        &self.links
    }

    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    pub fn controls(&self) -> &[Control] {
        &self.controls
    }

    /// The anchors of the body's headings, in order (known before references resolve).
    pub fn anchors(&self) -> impl Iterator<Item = &str> {
        self.headings.iter().map(|h| h.id.as_str())
    }

    /// The HTML and headings, each reference finished by `resolve` (`None`: shown as text).
    /// Links to content files are left as written: [`Parsed::render_with`] points them at pages.
    pub fn render(&self, resolve: impl FnMut(&WikiRef) -> Option<Target>) -> Rendered {
        self.render_with(References(resolve))
    }

    /// The HTML and headings, each reference finished by `resolve` (`None`: shown as text), and
    /// each link to a content file pointed at its page.
    pub fn render_with(&self, mut resolve: impl Resolve) -> Rendered {
        let targets = self.targets(&mut resolve);
        let pages: Vec<Option<String>> = self
            .links
            .iter()
            .map(|l| {
                l.target
                    .is_markdown_file()
                    .then(|| resolve.content_file(l))
                    .flatten()
            })
            .collect();
        Rendered {
            html: self.html.fill(Form::Html, self.filling(&targets, &pages)),
            headings: self.headings_with(&targets),
        }
    }

    fn filling<'a>(
        &'a self,
        targets: &'a [Option<Target>],
        pages: &'a [Option<String>],
    ) -> Filling<'a> {
        Filling {
            refs: &self.references,
            targets,
            links: &self.links,
            pages,
        }
    }

    /// The text of the body without markup (for search and summaries), references reduced to
    /// their labels, paragraphs, items, cells and headings each ending a line.
    pub fn plain_text(&self, resolve: impl FnMut(&WikiRef) -> Option<Target>) -> String {
        let targets = self.targets(&mut References(resolve));
        self.text.fill(Form::Plain, self.filling(&targets, &[]))
    }

    /// Each heading with the plain text under it, up to the next heading (text before the first
    /// heading belongs to none).
    pub fn sections(&self, resolve: impl FnMut(&WikiRef) -> Option<Target>) -> Vec<Section> {
        let targets = self.targets(&mut References(resolve));
        let headings = self.headings_with(&targets);
        self.headings
            .iter()
            .zip(headings)
            .map(|(parsed, heading)| {
                let range = parsed.section.start as usize..parsed.section.end as usize;
                let range = range.start.min(range.end)..range.end;
                let text = self
                    .text
                    .fill_range(range, Form::Plain, self.filling(&targets, &[]));
                Section {
                    heading,
                    text: non_blank_lines(&text),
                }
            })
            .collect()
    }

    fn targets(&self, resolve: &mut impl Resolve) -> Vec<Option<Target>> {
        self.references
            .iter()
            .map(|r| resolve.reference(r))
            .collect()
    }

    fn headings_with(&self, targets: &[Option<Target>]) -> Vec<Heading> {
        self.headings
            .iter()
            .map(|h| Heading {
                level: h.level,
                id: h.id.clone(),
                text: h.text.fill(Form::Heading, self.filling(targets, &[])),
            })
            .collect()
    }
}

fn non_blank_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        out.push_str(line);
        out.push('\n');
    }
    out
}
