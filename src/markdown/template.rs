//! Text with holes where resolved references go: the parse leaves one, the render stage fills
//! it once the graph knows every reference's URL and title, without parsing the body again.
//! A Markdown link to a content file (`[a](../bronnen/x.md)`) has a hole for its opening tag
//! too: the page the file becomes is known only to the graph.

use super::destination::Link;
use super::label;
use super::reference::{Target, WikiRef};

/// What goes into a hole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// `<a href="…">`, when the reference resolved.
    Open,
    /// The target's title, when the reference has no label of its own.
    Label,
    /// `</a>`, when the reference resolved.
    Close,
    /// `<a href="…">` of a Markdown link to a content file (the hole's index is a link's).
    LinkOpen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hole {
    /// Byte offset in the template's text.
    pub at: u32,
    /// Index into the body's references, or for [`Part::LinkOpen`] its links.
    pub reference: u32,
    pub part: Part,
}

/// How a hole's label is written: the three outputs write a title differently, as the former
/// substitution did (HTML and headings with typographic quotes and dashes, search text as typed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    Html,
    Heading,
    Plain,
}

/// A text and its holes, in order. Boxed slices: kept for every body of the site.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Template {
    text: Box<str>,
    holes: Box<[Hole]>,
}

/// What fills the holes: the body's references and links, and what the caller resolved each
/// to (`None`: left as written).
#[derive(Clone, Copy)]
pub(crate) struct Filling<'a> {
    pub refs: &'a [WikiRef],
    pub targets: &'a [Option<Target>],
    pub links: &'a [Link],
    /// For each link to a content file, the `href` of the page it stands for (its fragment
    /// included).
    pub pages: &'a [Option<String>],
}

/// A [`Template`] being written.
#[derive(Debug, Default)]
pub(crate) struct TemplateBuilder {
    pub text: String,
    pub holes: Vec<Hole>,
}

impl TemplateBuilder {
    pub fn hole(&mut self, reference: usize, part: Part) {
        self.holes.push(Hole {
            at: self.text.len() as u32,
            reference: reference as u32,
            part,
        });
    }

    pub fn build(self) -> Template {
        Template {
            text: self.text.into_boxed_str(),
            holes: self.holes.into_boxed_slice(),
        }
    }
}

impl Template {
    pub fn from_parts(text: String, holes: Vec<Hole>) -> Template {
        TemplateBuilder { text, holes }.build()
    }

    /// The text of `range` (byte offsets in the template's text) with its holes filled: a hole at
    /// `range.start` belongs to the range, one at `range.end` only when `range.end` is the end of
    /// the text.
    pub fn fill_range(
        &self,
        range: std::ops::Range<usize>,
        form: Form,
        filling: Filling<'_>,
    ) -> String {
        let at_end = range.end == self.text.len();
        let mut out = String::with_capacity(range.len() + self.holes.len() * 48);
        let mut last = range.start;
        for hole in self.holes.iter() {
            let at = hole.at as usize;
            if at < range.start {
                continue;
            }
            if at > range.end || at == range.end && !at_end {
                break;
            }
            out.push_str(&self.text[last..at]);
            last = at;
            write_hole(&mut out, *hole, form, filling);
        }
        out.push_str(&self.text[last..range.end]);
        label::without_controls(out)
    }

    pub fn fill(&self, form: Form, filling: Filling<'_>) -> String {
        self.fill_range(0..self.text.len(), form, filling)
    }
}

fn write_hole(out: &mut String, hole: Hole, form: Form, filling: Filling<'_>) {
    let i = hole.reference as usize;
    if hole.part == Part::LinkOpen {
        let link = &filling.links[i];
        let href = filling.pages.get(i).and_then(Option::as_deref);
        let href = href.unwrap_or(&link.dest);
        label::open_link_titled(out, href, &link.title);
        return;
    }
    let (reference, target) = (&filling.refs[i], filling.targets[i].as_ref());
    match (hole.part, target) {
        (Part::Open, Some(target)) => label::open_link(out, &target.href(reference)),
        (Part::Close, Some(_)) => out.push_str("</a>"),
        (Part::Open | Part::Close, None) | (Part::LinkOpen, _) => {}
        (Part::Label, target) => {
            // An unresolved reference (only in text nobody checked) shows its key.
            let text = target.map_or(reference.key.as_str(), |t| t.label.as_str());
            match form {
                Form::Plain => out.push_str(text),
                Form::Heading => out.push_str(&label::typographic(text)),
                Form::Html => label::push_text_html(out, &label::typographic(text)),
            }
        }
    }
}
