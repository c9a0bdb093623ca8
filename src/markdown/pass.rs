//! The one pass over pulldown-cmark's events: everything the later stages need from a body,
//! collected while the HTML is written.
//!
//! Over ~500 lines: one state machine over one event stream; its handlers share the pass's state
//! (open heading, link, HTML block, holes), which split files would only pass back and forth.

use std::cell::Cell;
use std::fmt;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Parser, Tag, TagEnd, html};

use super::destination::{Destination, Link};
use super::heading::{Anchors, heading_number, slug_or};
use super::problem::{Problem, ProblemKind};
use super::reference::{WikiRef, split_target};
use super::template::{Hole, Part, Template, TemplateBuilder};
use super::{OPTIONS, ParsedHeading};

/// What the pass yields; `super::parse` adds the control characters.
pub(crate) struct Output {
    pub references: Vec<WikiRef>,
    pub links: Vec<Link>,
    pub problems: Vec<Problem>,
    pub headings: Vec<ParsedHeading>,
    pub html: Template,
    pub text: Template,
}

type Spanned<'a> = (Event<'a>, Range<usize>);

/// An event for the HTML writer, or a hole for a resolved reference.
enum Out<'a> {
    Event(Event<'a>),
    Hole(usize, Part),
}

struct HeadingDraft<'a> {
    start: Tag<'a>,
    /// Index of the heading's start in `out`, to set its anchor once its text is known.
    out_index: usize,
    text: TemplateBuilder,
    /// The text the anchor is made from: a reference without label counts as its key, so the
    /// anchor is known before the graph is.
    slug: String,
    line_start: usize,
}

pub(crate) struct Pass<'a> {
    /// The text parsed: the body, or the body with table pipes escaped (see `super::tables`).
    src: &'a str,
    /// Offsets in `src` of backslashes that are not in the body.
    inserted: &'a [usize],
    out: Vec<Out<'a>>,
    plain: TemplateBuilder,
    heading: Option<HeadingDraft<'a>>,
    headings: Vec<ParsedHeading>,
    anchors: Anchors,
    references: Vec<WikiRef>,
    links: Vec<Link>,
    problems: Vec<Problem>,
    code_blocks: usize,
    html_block: Option<(String, Range<usize>)>,
    /// Where the previous text event ended in a lone `[`, for a `[[` split over two events.
    open_bracket: Option<usize>,
    /// For each open Markdown link or image: whether its tags are written (an unsafe one shows
    /// only its text).
    open_links: Vec<bool>,
}

impl<'a> Pass<'a> {
    pub fn new(src: &'a str, inserted: &'a [usize]) -> Pass<'a> {
        Pass {
            src,
            inserted,
            out: Vec::new(),
            plain: TemplateBuilder::default(),
            heading: None,
            headings: Vec::new(),
            anchors: Anchors::default(),
            references: Vec::new(),
            links: Vec::new(),
            problems: Vec::new(),
            code_blocks: 0,
            html_block: None,
            open_bracket: None,
            open_links: Vec::new(),
        }
    }

    pub fn events(src: &'a str) -> Vec<Spanned<'a>> {
        Parser::new_ext(src, OPTIONS).into_offset_iter().collect()
    }

    pub fn run(mut self, events: Vec<Spanned<'a>>) -> Output {
        let mut events = events.into_iter();
        while let Some((event, range)) = events.next() {
            let wiki = match &event {
                Event::Start(Tag::Link {
                    link_type: LinkType::WikiLink { has_pothole },
                    dest_url,
                    ..
                }) => Some((dest_url.clone(), *has_pothole, false)),
                Event::Start(Tag::Image {
                    link_type: LinkType::WikiLink { has_pothole },
                    dest_url,
                    ..
                }) => Some((dest_url.clone(), *has_pothole, true)),
                _ => None,
            };
            match wiki {
                Some((dest, has_pothole, embed)) => {
                    let inner = inner_events(&mut events);
                    self.open_bracket = None;
                    self.wiki(&dest, has_pothole, embed, range, inner);
                }
                None => self.event(event, range),
            }
        }
        let text_len = self.plain.text.len();
        let mut headings = self.headings;
        for k in 0..headings.len() {
            let end = headings.get(k + 1).map_or(text_len, |h| h.line_start);
            headings[k].section.end = end as u32;
        }
        Output {
            references: self.references,
            links: self.links,
            problems: self.problems,
            headings,
            html: write_html(self.out),
            text: self.plain.build(),
        }
    }

    /// A range of `src` as a range of the body.
    fn body_range(&self, range: &Range<usize>) -> Range<usize> {
        self.body_offset(range.start)..self.body_offset(range.end)
    }

    fn body_offset(&self, at: usize) -> usize {
        at - self.inserted.partition_point(|&i| i < at)
    }

    fn event(&mut self, event: Event<'a>, range: Range<usize>) {
        let open_bracket = self.open_bracket.take();
        match event {
            Event::Text(text) => {
                if self.html_block.is_none() {
                    self.text(text, range, open_bracket);
                }
            }
            Event::Code(code) => {
                self.plain.text.push_str(&code);
                if let Some(h) = &mut self.heading {
                    h.text.text.push_str(&code);
                    h.slug.push_str(&code);
                }
                self.push(Event::Code(code));
            }
            Event::Html(html) => match &mut self.html_block {
                Some((block, _)) => block.push_str(&html),
                None => self.raw_html(html, range),
            },
            // Raw HTML from content is shown as text: editors write Markdown, and nothing they
            // type should be able to inject script into the site.
            Event::InlineHtml(html) => self.raw_html(html, range),
            Event::SoftBreak | Event::HardBreak => {
                self.plain.text.push(' ');
                self.push(event);
            }
            Event::Start(Tag::Heading { .. }) => {
                let Event::Start(start) = event else {
                    unreachable!()
                };
                self.heading = Some(HeadingDraft {
                    start,
                    out_index: self.out.len(),
                    text: TemplateBuilder::default(),
                    slug: String::new(),
                    line_start: self.plain.text.len(),
                });
                // Replaced by the start tag with its anchor at the heading's end.
                self.out.push(Out::Event(Event::Rule));
            }
            Event::End(TagEnd::Heading(level)) => {
                self.end_heading();
                self.plain.text.push('\n');
                self.push(Event::End(TagEnd::Heading(level)));
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) => {
                self.plain.text.push('\n');
                self.push(event);
            }
            Event::Start(Tag::CodeBlock(_)) => {
                self.code_blocks += 1;
                self.push(event);
            }
            Event::End(TagEnd::CodeBlock) => {
                self.code_blocks = self.code_blocks.saturating_sub(1);
                self.push(event);
            }
            Event::Start(Tag::HtmlBlock) => {
                self.html_block = Some((String::new(), range));
                self.push(event);
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((block, range)) = self.html_block.take() {
                    self.raw_html(CowStr::from(block), range);
                }
                self.push(event);
            }
            Event::Start(
                Tag::Link {
                    link_type,
                    ref dest_url,
                    ref title,
                    ..
                }
                | Tag::Image {
                    link_type,
                    ref dest_url,
                    ref title,
                    ..
                },
            ) => {
                let image = matches!(event, Event::Start(Tag::Image { .. }));
                let index = self.link(link_type, dest_url, title, &range, image);
                let link = &self.links[index];
                let safe = link.is_safe();
                self.open_links.push(safe);
                if !safe {
                    // `javascript:` and its like never reach a page: the text stays, unlinked.
                } else if !image && link.target.is_markdown_file() {
                    // The render stage writes the page the file becomes.
                    self.out.push(Out::Hole(index, Part::LinkOpen));
                } else {
                    self.push(event);
                }
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if self.open_links.pop().unwrap_or(true) {
                    self.push(event);
                }
            }
            event => self.push(event),
        }
    }

    fn push(&mut self, event: Event<'a>) {
        self.out.push(Out::Event(event));
    }

    fn text(&mut self, text: CowStr<'a>, range: Range<usize>, open_bracket: Option<usize>) {
        let source = &self.src[range.clone()];
        if self.code_blocks == 0 {
            self.find_open_references(source, &range, open_bracket);
        }
        // The search text keeps quotes and dashes as typed (what it always had); the page gets
        // the typographic ones.
        self.plain.text.push_str(as_typed(&text, source));
        if let Some(h) = &mut self.heading {
            h.text.text.push_str(&text);
            h.slug.push_str(&text);
        }
        self.push(Event::Text(text));
    }

    /// Text that is not part of the body's Markdown (the brackets around a non-reference).
    fn literal(&mut self, text: &str) {
        self.plain.text.push_str(text);
        if let Some(h) = &mut self.heading {
            h.text.text.push_str(text);
            h.slug.push_str(text);
        }
        self.push(Event::Text(CowStr::from(text.to_string())));
    }

    /// `[[` that pulldown-cmark did not close into a wiki link: shown as typed, reported.
    fn find_open_references(&mut self, source: &str, range: &Range<usize>, open: Option<usize>) {
        let mut starts: Vec<usize> = Vec::new();
        if let Some(at) = open
            && at + 1 == range.start
            && source.starts_with('[')
        {
            starts.push(at);
        }
        starts.extend(source.match_indices("[[").map(|(i, _)| range.start + i));
        for at in starts {
            if is_escaped(self.src, at) {
                continue;
            }
            let after = self.src[at + 2..].trim_start_matches([' ', '\t']);
            let (kind, end) = if after.starts_with("]]") {
                let end = self.src.len() - after.len() + 2;
                (ProblemKind::EmptyReference, end)
            } else {
                (ProblemKind::UnclosedReference, at + 2)
            };
            let span = self.body_range(&(at..end));
            self.problems.push(Problem { span, kind });
        }
        if source.ends_with('[') && !source.ends_with("[[") {
            self.open_bracket = Some(range.end - 1);
        }
    }

    fn raw_html(&mut self, html: CowStr<'a>, range: Range<usize>) {
        let (visible, unclosed) = without_comments(&html);
        if unclosed {
            let block = &self.src[range.clone()];
            let at = block.rfind("<!--").map_or(range.start, |i| range.start + i);
            let span = self.body_range(&(at..at + 4));
            self.problems.push(Problem {
                span,
                kind: ProblemKind::UnclosedComment,
            });
        }
        // What a comment leaves of its lines (their line ends) is not worth a text node.
        if visible.trim().is_empty() && visible.len() < html.len() || visible.is_empty() {
            return;
        }
        let text = if visible.len() == html.len() {
            html
        } else {
            CowStr::from(visible)
        };
        self.push(Event::Text(text));
    }

    /// Records a Markdown link or image; its index in `links`.
    fn link(
        &mut self,
        link_type: LinkType,
        dest: &str,
        title: &str,
        range: &Range<usize>,
        image: bool,
    ) -> usize {
        let target = match link_type {
            LinkType::Email => Destination::Mail,
            _ => Destination::classify(dest),
        };
        self.links.push(Link {
            span: self.body_range(range),
            dest: dest.to_string(),
            title: title.to_string(),
            image,
            target,
        });
        self.links.len() - 1
    }

    fn wiki(
        &mut self,
        dest: &str,
        has_pothole: bool,
        embed: bool,
        range: Range<usize>,
        inner: Vec<Spanned<'a>>,
    ) {
        let opening = if embed { "![[" } else { "[[" };
        let Some((kind_word, key, fragment)) = split_target(dest) else {
            self.problems.push(Problem {
                span: self.body_range(&range),
                kind: ProblemKind::MissingKind {
                    target: dest.to_string(),
                },
            });
            // Shown as typed, as before references had to name their kind.
            if has_pothole {
                self.literal(&format!("{opening}{dest}|"));
            } else {
                self.literal(opening);
            }
            for (event, range) in inner {
                self.event(event, range);
            }
            self.literal("]]");
            return;
        };
        let inside = &self.src[range.start + opening.len()..range.end - 2];
        let label = has_pothole
            .then(|| inside.split_once('|').map(|(_, l)| l.trim()))
            .flatten()
            .filter(|l| !l.is_empty());
        let index = self.references.len();
        self.references.push(WikiRef {
            span: self.body_range(&range),
            kind_word: kind_word.to_string(),
            key: key.to_string(),
            fragment: fragment.map(str::to_string),
            label: label.map(str::to_string),
            embed,
        });
        self.out.push(Out::Hole(index, Part::Open));
        if label.is_some() {
            for (event, range) in trimmed(inner) {
                self.event(event, range);
            }
        } else {
            self.out.push(Out::Hole(index, Part::Label));
            self.plain.hole(index, Part::Label);
            if let Some(h) = &mut self.heading {
                h.text.hole(index, Part::Label);
                h.slug.push_str(key);
            }
        }
        self.out.push(Out::Hole(index, Part::Close));
    }

    fn end_heading(&mut self) {
        let Some(draft) = self.heading.take() else {
            return;
        };
        // Attributes other than the id and classes are dropped: `{#x onclick=…}` or
        // `{src="javascript:…"}` would put script on the page (found by fuzzing).
        let Tag::Heading {
            level, id, classes, ..
        } = draft.start
        else {
            return;
        };
        let base = id
            .as_ref()
            .map(|s| s.to_string())
            .unwrap_or_else(|| slug_or(&draft.slug, "sectie"));
        let unique = self.anchors.unique(&base);
        self.out[draft.out_index] = Out::Event(Event::Start(Tag::Heading {
            level,
            id: Some(CowStr::from(unique.clone())),
            classes,
            attrs: Vec::new(),
        }));
        let section_start = self.plain.text.len() + 1;
        self.headings.push(ParsedHeading {
            level: heading_number(level),
            id: unique,
            text: draft.text.build(),
            line_start: draft.line_start,
            section: section_start as u32..section_start as u32,
        });
    }
}

/// The events inside a wiki link, its end consumed.
fn inner_events<'a>(events: &mut impl Iterator<Item = Spanned<'a>>) -> Vec<Spanned<'a>> {
    let mut inner = Vec::new();
    let mut depth = 0usize;
    for (event, range) in events.by_ref() {
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 0 => break,
            Event::End(_) => depth -= 1,
            _ => {}
        }
        inner.push((event, range));
    }
    inner
}

/// A label's events without the spaces around it, as `[[x| tekst ]]` always read.
fn trimmed(mut events: Vec<Spanned<'_>>) -> Vec<Spanned<'_>> {
    if let Some((Event::Text(t), _)) = events.first_mut() {
        *t = CowStr::from(t.trim_start().to_string());
    }
    if let Some((Event::Text(t), _)) = events.last_mut() {
        *t = CowStr::from(t.trim_end().to_string());
    }
    events.retain(|(e, _)| !matches!(e, Event::Text(t) if t.is_empty()));
    events
}

/// The source of a typographic quote, dash or ellipsis instead of the character it became.
fn as_typed<'t>(text: &'t str, source: &'t str) -> &'t str {
    let typographic = |c: char| matches!(c, '‘' | '’' | '“' | '”' | '–' | '—' | '…');
    let typed = |c: char| matches!(c, '\'' | '"' | '-' | '.');
    if text != source && text.chars().all(typographic) && source.chars().all(typed) {
        source
    } else {
        text
    }
}

/// Whether the byte at `at` is backslash-escaped (an odd run of backslashes before it).
fn is_escaped(src: &str, at: usize) -> bool {
    src.as_bytes()[..at]
        .iter()
        .rev()
        .take_while(|&&b| b == b'\\')
        .count()
        % 2
        == 1
}

/// Raw HTML without its `<!-- comments -->` (editors' notes are never published), and whether a
/// comment was left open.
fn without_comments(html: &str) -> (String, bool) {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        match rest[start + 2..].find("-->") {
            Some(end) => rest = &rest[start + 2 + end + 3..],
            None => {
                out.push_str(&rest[start..]);
                return (out, true);
            }
        }
    }
    out.push_str(rest);
    (out, false)
}

/// Writes the HTML with pulldown-cmark's writer, noting where in it each hole falls: the writer
/// has written an event completely before it asks for the next one.
fn write_html(out: Vec<Out<'_>>) -> Template {
    struct Writer<'c> {
        html: String,
        len: &'c Cell<usize>,
    }
    impl fmt::Write for Writer<'_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            self.html.push_str(s);
            self.len.set(self.html.len());
            Ok(())
        }
    }
    let len = Cell::new(0);
    let mut holes = Vec::new();
    let mut items = out.into_iter();
    let events = std::iter::from_fn(|| {
        loop {
            match items.next()? {
                Out::Event(event) => return Some(event),
                Out::Hole(reference, part) => holes.push(Hole {
                    at: len.get() as u32,
                    reference: reference as u32,
                    part,
                }),
            }
        }
    });
    let mut writer = Writer {
        html: String::new(),
        len: &len,
    };
    // Writing to a String cannot fail.
    let _ = html::write_html_fmt(&mut writer, events);
    Template::from_parts(writer.html, holes)
}
