//! Loading a theme's tera templates, with every syntax error reported as a diagnostic on its file.

use std::path::{Path, PathBuf};

use tera::Tera;
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile, Span};
use crate::i18n::Code;

/// A theme on disk: `themes/<name>/templates` and `themes/<name>/static`.
#[derive(Debug, Clone)]
pub struct Theme {
    pub dir: PathBuf,
}

impl Theme {
    pub fn new(root: &Path, name: &str) -> Theme {
        Theme {
            dir: root.join("themes").join(name),
        }
    }

    pub fn templates_dir(&self) -> PathBuf {
        self.dir.join("templates")
    }

    pub fn static_dir(&self) -> PathBuf {
        self.dir.join("static")
    }
}

/// Compiles every template of the theme. Each file is parsed on its own first, so that a syntax
/// error in one template does not hide errors in the others. The sources are kept, to place
/// render errors ([`super::template_errors`]).
pub fn load(
    root: &Path,
    theme: &Theme,
    diagnostics: &mut Diagnostics,
) -> Option<(Tera, super::template_errors::Sources)> {
    let dir = theme.templates_dir();
    if !dir.is_dir() {
        diagnostics.push(
            Code::NoTheme
                .error()
                .arg("path", shown(root, &dir).as_path()),
        );
        return None;
    }
    let mut sources = Vec::new();
    let mut ok = true;
    for entry in WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        let path = entry.path();
        if !entry.file_type().is_file()
            || crate::source::is_ignored_name(&entry.file_name().to_string_lossy())
        {
            continue;
        }
        let name = path
            .strip_prefix(&dir)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) => {
                diagnostics.push(
                    Code::TemplateUnreadable
                        .error()
                        .arg("path", shown(root, path).as_path())
                        .arg("reason", err.to_string()),
                );
                ok = false;
                continue;
            }
        };
        if let Err(err) = tera::Template::new(&name, None, &text) {
            let file = SourceFile::new(shown(root, path), text.clone());
            diagnostics.push(template_error(&file, &err));
            ok = false;
        }
        sources.push((shown(root, path), name, text));
    }
    if !ok {
        return None;
    }
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(escape_html);
    let raw = sources
        .iter()
        .map(|(_, name, text)| (name.as_str(), text.as_str()));
    if let Err(err) = tera.add_raw_templates(raw) {
        diagnostics.push(Code::Template.error().arg("reason", chain(&err)));
        return None;
    }
    let files = sources
        .into_iter()
        .map(|(shown, name, text)| (name, SourceFile::new(shown, text)))
        .collect();
    Some((tera, files))
}

fn shown(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// A diagnostic for a template syntax error, placed at the line and column tera reports.
fn template_error(file: &SourceFile, err: &tera::Error) -> Diagnostic {
    let message = chain(err);
    let span = position_in(&message)
        .map(|(line, col)| {
            let start: usize = file
                .text
                .split_inclusive('\n')
                .take(line - 1)
                .map(str::len)
                .sum();
            let line_text = file.text[start..].lines().next().unwrap_or("");
            let within = line_text
                .char_indices()
                .nth(col.saturating_sub(1))
                .map_or(line_text.len(), |(i, _)| i);
            Span::new(start + within, 1)
        })
        .unwrap_or_default();
    let first_line = message
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("syntax error");
    Code::TemplateSyntax
        .error()
        .arg("reason", first_line.trim())
        .at(file, span)
}

/// Tera reports positions as ` --> 3:5`.
fn position_in(message: &str) -> Option<(usize, usize)> {
    let after = &message[message.find("--> ")? + 4..];
    let end = after
        .find(|c: char| !c.is_ascii_digit() && c != ':')
        .unwrap_or(after.len());
    let (line, col) = after[..end].split_once(':')?;
    Some((line.parse().ok()?, col.parse().ok()?))
}

/// Escapes what HTML needs escaped. Tera's default also turns `/` into `&#x2F;`, which makes every
/// URL in the output harder to read (and grep) for no safety gain in quoted attributes.
fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

/// The error and its causes on one line each: tera puts the useful part in the cause.
pub fn chain(err: &dyn std::error::Error) -> String {
    let mut out = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        out.push_str(": ");
        out.push_str(&cause.to_string());
        source = cause.source();
    }
    out
}
