//! The persistent build cache: what `kennisbank build` keeps between runs under
//! `<root>/.cache/kennisbank/build/`, one file per output folder, so a build whose inputs and output
//! are as the last build left them does nothing ([`super::build_cached`]).
//!
//! The file is only ever trusted whole: a header (what wrote it: format and kennisbank version),
//! the SHA-256 of the body, then the body (JSON). A file that is truncated, corrupt or written by
//! another version is ignored with one warning and written anew; a write goes to a temporary file
//! renamed over the old one, after the output swap, so a killed or failed write leaves either the
//! old file (whose output fingerprint no longer matches the new output, so it is not used) or
//! none. What decides whether the last build still stands is in [`stamp`].

pub(super) mod stamp;

use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::Digest as _;

use super::Written;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::{Code, Lang};

/// The cache folder inside the project folder.
pub const CACHE_DIR: &str = ".cache/kennisbank/build";

const MAGIC: &str = "kennisbank build cache";
/// The layout of the body; a change of it, like a new kennisbank version, makes old files foreign.
const FORMAT: u32 = 1;

/// What the last successful build left: the fingerprints of its inputs and of the output folder
/// after its swap, its summary, and its warnings as they were shown.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Stored {
    pub inputs: String,
    pub output: String,
    pub written: Written,
    pub warnings: Vec<Shown>,
}

/// One warning of the last build, rendered in both languages, with and without colour.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Shown {
    nl: String,
    nl_color: String,
    en: String,
    en_color: String,
}

impl Shown {
    /// Every diagnostic of `diagnostics` in the order a report shows them.
    pub fn all(diagnostics: &Diagnostics) -> Vec<Shown> {
        diagnostics
            .sorted()
            .into_iter()
            .map(|d| Shown {
                nl: d.render(Lang::Nl, false),
                nl_color: d.render(Lang::Nl, true),
                en: d.render(Lang::En, false),
                en_color: d.render(Lang::En, true),
            })
            .collect()
    }

    pub fn text(&self, lang: Lang, color: bool) -> &str {
        match (lang, color) {
            (Lang::Nl, false) => &self.nl,
            (Lang::Nl, true) => &self.nl_color,
            (Lang::En, false) => &self.en,
            (Lang::En, true) => &self.en_color,
        }
    }
}

/// The cache file of one output folder.
pub struct BuildCache {
    file: PathBuf,
}

impl BuildCache {
    /// The file for building the project at `root` into `output`: named by the output's absolute
    /// path, so two output folders of one project keep a cache each.
    pub fn new(root: &Path, output: &Path) -> BuildCache {
        let output = std::path::absolute(output).unwrap_or_else(|_| output.to_path_buf());
        let name =
            crate::digest::short_sha256(8, |h| h.update(output.to_string_lossy().as_bytes()));
        BuildCache {
            file: root.join(CACHE_DIR).join(name),
        }
    }

    /// The stored state; `Ok(None)` when there is no file, a warning when there is one that
    /// cannot be trusted.
    pub fn read(&self) -> Result<Option<Stored>, Diagnostic> {
        let bytes = match std::fs::read(&self.file) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(err) => return Err(self.warning("unreadable", &err.to_string(), "")),
        };
        decode(&bytes).map(Some).map_err(|problem| match problem {
            Problem::Corrupt(reason) => self.warning("corrupt", &reason, ""),
            Problem::Foreign(header) => self.warning("foreign", "", &header),
        })
    }

    /// Replaces the file with `stored`: written beside it, then renamed over it.
    pub fn write(&self, stored: &Stored) -> Result<(), Diagnostic> {
        let failed = |err: std::io::Error| self.warning("unwritable", &err.to_string(), "");
        let dir = self.file.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(failed)?;
        let temp = self
            .file
            .with_extension(format!("tmp-{}", std::process::id()));
        let written = std::fs::File::create(&temp)
            .and_then(|mut f| f.write_all(&encode(stored)))
            .and_then(|()| std::fs::rename(&temp, &self.file));
        if written.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        written.map_err(failed)
    }

    /// `problem` selects the text; `version` is the header of a foreign file.
    fn warning(&self, problem: &'static str, reason: &str, version: &str) -> Diagnostic {
        Code::BuildCache
            .warning()
            .arg("problem", problem)
            .arg("path", self.file.as_path())
            .arg("reason", reason.to_string())
            .arg("version", version.to_string())
    }
}

fn header() -> String {
    format!("format {FORMAT} kennisbank {}", env!("CARGO_PKG_VERSION"))
}

fn encode(stored: &Stored) -> Vec<u8> {
    let body = serde_json::to_vec(stored).expect("the cache state is plain data");
    let mut out = format!("{MAGIC}\n{}\nsha256 {}\n", header(), sha256(&body)).into_bytes();
    out.extend(body);
    out
}

enum Problem {
    Corrupt(String),
    /// Another format or version wrote it: its header line.
    Foreign(String),
}

fn decode(bytes: &[u8]) -> Result<Stored, Problem> {
    let mut parts = bytes.splitn(4, |&b| b == b'\n');
    let mut line = || parts.next().map(String::from_utf8_lossy);
    let corrupt = |what: &str| Problem::Corrupt(what.to_string());
    if line().as_deref() != Some(MAGIC) {
        return Err(corrupt("no header"));
    }
    let version = line().ok_or_else(|| corrupt("no version"))?;
    if version != header() {
        return Err(Problem::Foreign(version.into_owned()));
    }
    let sum = line().ok_or_else(|| corrupt("no checksum"))?;
    let body = parts.next().ok_or_else(|| corrupt("no contents"))?;
    if sum.strip_prefix("sha256 ") != Some(sha256(body).as_str()) {
        return Err(corrupt("checksum mismatch"));
    }
    serde_json::from_slice(body).map_err(|err| Problem::Corrupt(err.to_string()))
}

fn sha256(bytes: &[u8]) -> String {
    crate::digest::short_sha256(32, |h| h.update(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored() -> Stored {
        Stored {
            inputs: "in".into(),
            output: "out".into(),
            written: Written {
                pages: 3,
                sources: 1,
                findings: 2,
                bytes: 99,
            },
            warnings: Vec::new(),
        }
    }

    #[test]
    fn reads_back_what_it_wrote_and_refuses_any_change_of_it() {
        let dir = tempfile::tempdir().unwrap();
        let cache = BuildCache::new(dir.path(), &dir.path().join("public"));
        assert!(cache.read().unwrap().is_none());
        cache.write(&stored()).unwrap();
        assert_eq!(cache.read().unwrap().unwrap().written.pages, 3);
        let good = std::fs::read(&cache.file).unwrap();
        let flipped = {
            let mut bytes = good.clone();
            *bytes.last_mut().unwrap() ^= 1;
            bytes
        };
        let foreign = String::from_utf8(good.clone()).unwrap().replacen(
            env!("CARGO_PKG_VERSION"),
            "0.0.0-other",
            1,
        );
        for (bad, code_problem) in [
            (good[..good.len() - 5].to_vec(), "corrupt"),
            (flipped, "corrupt"),
            (b"garbage".to_vec(), "corrupt"),
            (foreign.into_bytes(), "foreign"),
        ] {
            std::fs::write(&cache.file, &bad).unwrap();
            let warning = cache.read().unwrap_err();
            assert_eq!(warning.code, "build-cache");
            let text = warning.texts(Lang::En).message;
            let expected = match code_problem {
                "foreign" => "another version",
                _ => "damaged",
            };
            assert!(text.contains(expected), "{text}");
        }
    }

    #[test]
    fn two_output_folders_keep_a_file_each() {
        let dir = tempfile::tempdir().unwrap();
        let a = BuildCache::new(dir.path(), &dir.path().join("a"));
        let b = BuildCache::new(dir.path(), &dir.path().join("b"));
        assert_ne!(a.file, b.file);
        assert!(a.file.starts_with(dir.path().join(CACHE_DIR)));
    }
}
