//! Where a Markdown link of a body points, in the site's terms: a Markdown file of `content/`
//! (which stands for the page it becomes) or a path of the site. The check, the backlinks and
//! the render stage all read links through [`resolve`], so they agree on every link.
//!
//! A link to a `.md` file counts from the folder of the file it is written in, as it does in a
//! Markdown editor or on GitHub (`../bronnen/rug-2017.md`); `/bronnen/rug-2017.md` counts from
//! `content/`. Any other path is read the way a visitor's browser reads it on the page:
//! `/bronnen/rug-2017/` from the site root, `../rug-2017/` from the page's own address.

use std::path::{Component, Path};

use crate::markdown::Destination;

/// A body link's target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// A Markdown file, relative to `content/` with `/` between folders: `bronnen/rug-2017.md`.
    File(String),
    /// A path of the site, relative to its root without the base path: `bronnen/rug-2017/`,
    /// `` for the home page.
    Site(String),
    /// Above `content/` or the site root (too many `..`).
    Outside,
}

/// Where a link with `destination`, written in the body of the file `file` (relative to
/// `content/`) whose page is at site path `page`, points, with its fragment; `None` for links
/// that leave the site (web, mail, phone), empty ones and unsafe ones.
pub fn resolve<'d>(
    destination: &'d Destination,
    file: &str,
    page: &str,
    base_path: &str,
) -> Option<(LinkTarget, Option<&'d str>)> {
    let (path, fragment) = match destination {
        Destination::Fragment(fragment) => {
            return Some((LinkTarget::Site(page.to_string()), Some(fragment)));
        }
        Destination::Site { path, fragment } | Destination::Relative { path, fragment } => {
            (path, fragment.as_deref())
        }
        _ => return None,
    };
    let path = path.split('?').next().unwrap_or(path);
    let markdown = destination.is_markdown_file();
    let target = match (path.strip_prefix('/'), markdown) {
        (Some(from_content), true) => {
            let from_content = from_content
                .strip_prefix("content/")
                .unwrap_or(from_content);
            normalise("", from_content).map(LinkTarget::File)
        }
        (Some(from_root), false) => {
            let base = base_path.trim_start_matches('/');
            let from_root = from_root.strip_prefix(base).unwrap_or(from_root);
            normalise("", from_root).map(LinkTarget::Site)
        }
        (None, true) => normalise(folder_of(file), path).map(LinkTarget::File),
        (None, false) => normalise(folder_of(page), path).map(LinkTarget::Site),
    };
    Some((target.unwrap_or(LinkTarget::Outside), fragment))
}

/// The path of a content file relative to `content/`, as [`LinkTarget::File`] names it: the
/// files are shown to editors as `content/bronnen/x.md`.
pub fn content_relative(shown: &Path) -> String {
    let parts: Vec<String> = shown
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    let start = parts
        .iter()
        .position(|p| p == "content")
        .map_or(0, |i| i + 1);
    parts[start..].join("/")
}

/// `from` (relative to content/) written as a path relative to the folder of `file`, the way
/// an editor writes a link: `../bronnen/rug-2017.md`.
pub fn relative_to(file: &str, to: &str) -> String {
    let from: Vec<&str> = folder_of(file)
        .split('/')
        .filter(|p| !p.is_empty())
        .collect();
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut out: Vec<&str> = vec![".."; from.len() - common];
    out.extend(&to_parts[common..]);
    out.join("/")
}

/// The folder part of a path, with its trailing `/`: `bronnen/` for `bronnen/x.md` and for
/// `bronnen/x` (a file), `bronnen/x/` for `bronnen/x/` (a page's address).
fn folder_of(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..=i])
}

/// `relative` read from `folder` (which ends in `/` or is empty), with `.` and `..` applied and
/// a trailing `/` kept; `None` when it climbs above the root.
fn normalise(folder: &str, relative: &str) -> Option<String> {
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    let trailing = relative.is_empty() || relative.ends_with('/') || relative.ends_with("/.");
    let segments: Vec<&str> = relative.split('/').collect();
    for (i, segment) in segments.iter().enumerate() {
        match *segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
        if *segment == ".." && i + 1 == segments.len() {
            // `..` at the end names a folder.
            return Some(join(&parts, true));
        }
    }
    Some(join(&parts, trailing && !parts.is_empty()))
}

fn join(parts: &[&str], trailing: bool) -> String {
    let mut out = parts.join("/");
    if trailing && !out.is_empty() {
        out.push('/');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where `dest`, written in `file` (whose page is `page`), points, in one short line:
    /// `file bronnen/x.md`, `site bronnen/x/ #frag`, `outside`, or `-` when it is no site link.
    fn target(dest: &str, file: &str, page: &str) -> String {
        let destination = Destination::classify(dest);
        let Some((target, fragment)) = resolve(&destination, file, page, "/") else {
            return "-".into();
        };
        let place = match target {
            LinkTarget::File(path) => format!("file {path}"),
            LinkTarget::Site(path) => format!("site {path}"),
            LinkTarget::Outside => "outside".into(),
        };
        match fragment {
            Some(fragment) => format!("{place} #{fragment}"),
            None => place,
        }
    }

    fn site(path: &str) -> LinkTarget {
        LinkTarget::Site(path.into())
    }

    #[test]
    fn links_point_where_an_editor_and_a_browser_expect() {
        let (f, p) = ("kennisbank/deel/hoofdstuk.md", "kennisbank/hoofdstuk/");
        let cases = [
            ("../../bronnen/rug-2017.md", "file bronnen/rug-2017.md"),
            ("../hub.md#x", "file kennisbank/hub.md #x"),
            ("buur.md", "file kennisbank/deel/buur.md"),
            ("./buur.md", "file kennisbank/deel/buur.md"),
            ("/bronnen/rug-2017.md", "file bronnen/rug-2017.md"),
            ("/content/bronnen/rug-2017.md", "file bronnen/rug-2017.md"),
            ("../../../x.md", "outside"),
            ("/bronnen/rug-2017/", "site bronnen/rug-2017/"),
            ("/bronnen/rug-2017/#b", "site bronnen/rug-2017/ #b"),
            ("/bronnen/?sort=jaar", "site bronnen/"),
            ("/", "site "),
            ("../hub/", "site kennisbank/hub/"),
            ("..", "site kennisbank/"),
            ("foto.png", "site kennisbank/hoofdstuk/foto.png"),
            ("../../../..", "outside"),
            ("#boven", "site kennisbank/hoofdstuk/ #boven"),
            ("https://example.org/", "-"),
            ("mailto:a@b.nl", "-"),
            ("javascript:x", "-"),
            ("", "-"),
        ];
        for (dest, expected) in cases {
            assert_eq!(target(dest, f, p), expected, "{dest}");
        }
    }

    #[test]
    fn a_base_path_may_be_written_or_not() {
        let destination = Destination::classify("/kb/bronnen/x/");
        let (t, _) = resolve(&destination, "paginas/a.md", "a/", "/kb/").unwrap();
        assert_eq!(t, site("bronnen/x/"));
    }

    #[test]
    fn paths_relative_to_content_and_back() {
        assert_eq!(
            content_relative(Path::new("content/bronnen/rug-2017.md")),
            "bronnen/rug-2017.md"
        );
        assert_eq!(
            relative_to("kennisbank/deel/hoofdstuk.md", "bronnen/rug-2017.md"),
            "../../bronnen/rug-2017.md"
        );
        assert_eq!(
            relative_to("kennisbank/hub.md", "kennisbank/deel/h.md"),
            "deel/h.md"
        );
    }
}
