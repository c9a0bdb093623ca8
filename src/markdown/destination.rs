//! Markdown links and images (`[tekst](doel)`, `![alt](doel)`, `<https://…>`), each classified
//! by where it points so a checker can report broken, internal and unsafe ones.

use std::ops::Range;

/// A Markdown link or image in a body (wiki references are [`super::WikiRef`]s).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Byte range of the whole link or image in the body (for a reference-style link, where it
    /// is used, not where it is defined).
    pub span: Range<usize>,
    /// The destination as pulldown-cmark resolved it (escapes and entities decoded).
    pub dest: String,
    /// The link's title (`[a](b "titel")`), written back when the render stage rewrites the
    /// destination of a link to a Markdown file.
    pub title: String,
    pub image: bool,
    pub target: Destination,
}

impl Link {
    /// Whether the link may reach a page: [`Destination::is_allowed`], and for an image also an
    /// inline raster picture (`data:image/png;base64,…`). Anything else could run script or
    /// show another site's content under ours.
    pub fn is_safe(&self) -> bool {
        match &self.target {
            Destination::OtherScheme(scheme) if scheme == "data" => {
                self.image && is_raster_data(&self.dest)
            }
            target => target.is_allowed(),
        }
    }
}

/// `data:image/png`, `jpeg`, `gif`, `webp` or `avif`: pictures that carry no script. SVG is left
/// out on purpose: opened on its own it is a document that may run script.
fn is_raster_data(dest: &str) -> bool {
    let cleaned = as_browsers_read(dest).to_ascii_lowercase();
    let Some(rest) = cleaned.strip_prefix("data:image/") else {
        return false;
    };
    ["png", "jpeg", "gif", "webp", "avif"].iter().any(|mime| {
        rest.strip_prefix(mime)
            .is_some_and(|after| after.starts_with([';', ',']))
    })
}

/// Where a link points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// `[x]()`.
    Empty,
    /// `#anker` on the same page.
    Fragment(String),
    /// An absolute site path, `/bronnen/rug-2017/#bevinding-2`.
    Site {
        path: String,
        fragment: Option<String>,
    },
    /// A path relative to the page or file, `../bronnen/rug-2017.md`, `foto.png`.
    Relative {
        path: String,
        fragment: Option<String>,
    },
    /// `http:`, `https:` or a scheme-relative `//host/…`.
    Web,
    /// `mailto:`, or an `<naam@adres.nl>` autolink.
    Mail,
    /// `tel:`.
    Phone,
    /// Any other scheme: `javascript:`, `vbscript:`, `data:`, `file:`, `ftp:`… The scheme is
    /// lower-cased.
    OtherScheme(String),
}

impl Destination {
    /// Classifies a destination the way a browser will read it: tabs and newlines inside, and
    /// control characters and spaces around, are ignored by URL parsing, so `java&#9;script:`
    /// is `javascript:` too.
    pub fn classify(dest: &str) -> Destination {
        let cleaned = as_browsers_read(dest);
        if cleaned.is_empty() {
            return Destination::Empty;
        }
        if let Some(fragment) = cleaned.strip_prefix('#') {
            return Destination::Fragment(fragment.to_string());
        }
        if cleaned.starts_with("//") {
            return Destination::Web;
        }
        if let Some(scheme) = scheme(&cleaned) {
            return match scheme.as_str() {
                "http" | "https" => Destination::Web,
                "mailto" => Destination::Mail,
                "tel" => Destination::Phone,
                _ => Destination::OtherScheme(scheme),
            };
        }
        let (path, fragment) = match cleaned.split_once('#') {
            Some((p, f)) => (p.to_string(), Some(f.to_string())),
            None => (cleaned.clone(), None),
        };
        if path.starts_with('/') {
            Destination::Site { path, fragment }
        } else {
            Destination::Relative { path, fragment }
        }
    }

    /// A link to a Markdown file in `content/` (`../bronnen/x.md`), which should be written as
    /// the page it becomes.
    pub fn is_markdown_file(&self) -> bool {
        match self {
            Destination::Site { path, .. } | Destination::Relative { path, .. } => {
                let path = path.split(['?']).next().unwrap_or(path);
                // Bytes: the path may end in any character (`[zie](…)`), `.md` is ASCII.
                let path = path.as_bytes();
                path.len() > 3 && path[path.len() - 3..].eq_ignore_ascii_case(b".md")
            }
            _ => false,
        }
    }

    /// One of the targets a page may link to: a site path, a relative path, a fragment, web,
    /// mail or phone.
    pub fn is_allowed(&self) -> bool {
        !matches!(self, Destination::OtherScheme(_))
    }
}

/// A destination as URL parsing reads it: without the controls and spaces around it and the
/// tabs and line ends inside.
fn as_browsers_read(dest: &str) -> String {
    dest.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The scheme of an absolute URL (RFC 3986: a letter, then letters, digits, `+`, `-`, `.`,
/// then `:`), lower-cased; `None` for a path.
fn scheme(url: &str) -> Option<String> {
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then(|| scheme.to_ascii_lowercase())
}
