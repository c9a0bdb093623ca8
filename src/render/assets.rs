//! The theme's static files, with a content hash in the names of stylesheets and scripts so a
//! long browser or CDN cache never serves a stale one (`style.css` → `style.3f2a1b0c.css`).

use std::collections::BTreeMap;
use std::path::Path;

use walkdir::WalkDir;

use crate::diagnostics::Diagnostics;
use crate::i18n::Code;
use crate::output::OutputFile;

/// Static files ready to write, and the URL of each by its original path (`style.css`).
#[derive(Debug, Clone, Default)]
pub struct Assets {
    pub files: Vec<OutputFile>,
    pub urls: BTreeMap<String, String>,
}

/// Extensions that get a fingerprint. Other files (icons, robots.txt) keep their names because
/// other sites or crawlers may link to them.
const FINGERPRINTED: [&str; 2] = ["css", "js"];

pub fn collect(static_dir: &Path, base_path: &str, diagnostics: &mut Diagnostics) -> Assets {
    let mut assets = Assets::default();
    if !static_dir.is_dir() {
        return assets;
    }
    for entry in WalkDir::new(static_dir).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().unwrap_or(static_dir).to_path_buf();
                let reason = err.io_error().map_or(err.to_string(), ToString::to_string);
                diagnostics.push(
                    Code::Unreadable
                        .error()
                        .arg("path", path.as_path())
                        .arg("reason", reason),
                );
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        if !entry.file_type().is_file() || crate::source::is_ignored_name(&name) {
            continue;
        }
        let relative = entry
            .path()
            .strip_prefix(static_dir)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        let bytes = match std::fs::read(entry.path()) {
            Ok(bytes) => bytes,
            Err(err) => {
                diagnostics.push(
                    Code::Unreadable
                        .error()
                        .arg("path", &relative)
                        .arg("reason", err.to_string()),
                );
                continue;
            }
        };
        let output_path = fingerprinted_path(&relative, &bytes);
        assets
            .urls
            .insert(relative, format!("{base_path}{output_path}"));
        assets.files.push(OutputFile {
            path: output_path,
            bytes,
        });
    }
    assets
}

/// `css/site.css` → `css/site.<8 hex>.css` for fingerprinted kinds; other paths unchanged.
pub fn fingerprinted_path(relative: &str, bytes: &[u8]) -> String {
    let Some((stem, extension)) = relative.rsplit_once('.') else {
        return relative.to_string();
    };
    if !FINGERPRINTED.contains(&extension) {
        return relative.to_string();
    }
    let hash = crate::digest::short_sha256(4, |h| sha2::Digest::update(h, bytes));
    format!("{stem}.{hash}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_css_and_js_get_a_content_hash() {
        let a = fingerprinted_path("style.css", b"a");
        let b = fingerprinted_path("style.css", b"b");
        assert_ne!(a, b);
        assert!(
            a.starts_with("style.") && a.ends_with(".css") && a.len() == "style..css".len() + 8
        );
        assert_eq!(fingerprinted_path("favicon.svg", b"a"), "favicon.svg");
        assert_eq!(fingerprinted_path("robots.txt", b"a"), "robots.txt");
    }
}
