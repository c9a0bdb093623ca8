//! Stage 1, **load**: walk `content/`, split each file into front matter and body, check the
//! front matter against its kind's shape, and type it into a record with source positions.
//!
//! This is the only module that knows YAML and serde: later stages get typed records, each with
//! its front-matter tree ([`crate::source::Node`]) for spans. It checks each file on its own
//! (syntax, keys, types); whether references between files hold is the next stage's job (`graph`).
//!
//! [`walk`] finds the files, [`parse`] turns one file into a record, [`cache`] keeps parsed files
//! between loads (`serve`), [`check`] holds the shape check and [`yaml`] the YAML parsing.

mod cache;
pub mod check;
pub mod front_matter;
mod ledger;
mod parse;
mod thesaurus;
mod walk;
pub mod yaml;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostics, SourceFile};
use crate::i18n::Code;
use crate::model::{Kind, Record, Records, schema};
use crate::source::Node;
pub use cache::LoadCache;
pub use ledger::{LEDGER_FILE, LedgerSource, ledger_yaml, read_ledger};
pub use thesaurus::{THESAURUS_FILE, read_thesaurus};

/// The name of the configuration file inside the content folder.
pub const CONFIG_FILE: &str = "site.yaml";

/// The result of loading: configuration (if it parsed), records, and every problem found.
#[derive(Debug, Default)]
pub struct Loaded {
    pub config: Option<SiteSource>,
    pub records: Records,
    /// The kind and key of every content file that did not become a record: it was reported
    /// already, so references to it need not be reported again.
    pub unparsed: Vec<(Kind, String)>,
    /// The groups of `content/thesaurus.yaml` that passed their checks.
    pub thesaurus: Vec<Vec<String>>,
    /// `content/signalen.yaml`, when there is one and it could be typed.
    pub ledger: Option<LedgerSource>,
    /// When each content file was added and changed; the pipeline reads it after loading
    /// ([`crate::history::History::read`]), empty until then.
    pub history: crate::history::History,
    pub diagnostics: Diagnostics,
}

/// The site configuration with the file and tree it came from, so later stages can place
/// problems with it without parsing it again.
#[derive(Debug, Clone)]
pub struct SiteSource {
    pub config: SiteConfig,
    pub file: SourceFile,
    pub tree: Node,
}

/// Loads everything under `content_dir`. Paths in diagnostics are shown relative to `root`.
pub fn load(root: &Path, content_dir: &Path) -> Loaded {
    load_cached(root, content_dir, &mut LoadCache::default(), None)
}

/// Like [`load`], reusing what `cache` holds: with `changed` (absolute paths of changed files or
/// folders), files it does not name are not even read; without it every file is read and only
/// files whose content changed are parsed again. The result is the same as `load`'s.
pub fn load_cached(
    root: &Path,
    content_dir: &Path,
    cache: &mut LoadCache,
    changed: Option<&HashSet<PathBuf>>,
) -> Loaded {
    let mut loaded = Loaded::default();
    if !content_dir.is_dir() {
        loaded.diagnostics.push(
            Code::NoContent
                .error()
                .arg("path", display(root, content_dir)),
        );
        return loaded;
    }
    let (config, problems) = read_config(root, content_dir);
    loaded.config = config;
    loaded.diagnostics.extend(problems);
    let (thesaurus, problems) = read_thesaurus(root, content_dir);
    loaded.thesaurus = thesaurus;
    loaded.diagnostics.extend(problems);
    let (ledger, problems) = read_ledger(root, content_dir);
    loaded.ledger = ledger;
    loaded.diagnostics.extend(problems);

    let (files, walk_problems) = walk::collect_files(root, content_dir);
    loaded.diagnostics.extend(walk_problems);

    let parsed = cache.refresh(root, &files, changed);
    for ((kind, path), file) in files.iter().zip(parsed) {
        match &file.record {
            Some(record) => record.copy_into(&mut loaded.records),
            None => {
                let stem = path.file_stem().unwrap_or_default().to_string_lossy();
                loaded
                    .unparsed
                    .push((*kind, kind.key_from_file_name(&stem)));
            }
        }
        loaded.diagnostics.extend(file.diagnostics);
    }
    loaded
}

/// Loads one content file of `kind` from its bytes, as [`load`] does for each file it walks
/// (decode, control characters, split, shape check, typed record): the record if the file could
/// be typed, and every problem found in it. `path` is the path shown in diagnostics, relative to
/// the project root (`content/bronnen/x.md`). For the fuzz targets and other in-memory callers.
pub fn load_file(
    kind: Kind,
    path: &Path,
    bytes: Vec<u8>,
) -> (Option<Arc<dyn Record>>, Diagnostics) {
    let file = parse::parse_bytes(Path::new(""), kind, path, bytes);
    (file.record, file.diagnostics)
}

/// Reads and checks `content/site.yaml`: the configuration if it could be typed (an unknown key
/// is reported but does not stop it), and every problem.
pub fn read_config(root: &Path, content_dir: &Path) -> (Option<SiteSource>, Diagnostics) {
    let path = content_dir.join(CONFIG_FILE);
    let shown = PathBuf::from(display(root, &path));
    let mut diagnostics = Diagnostics::new();
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(err) => {
            diagnostics.push(
                Code::NoConfig
                    .error()
                    .arg("path", shown.as_path())
                    .arg("reason", err.to_string()),
            );
            return (None, diagnostics);
        }
    };
    let mut text = match front_matter::decode(&shown, bytes) {
        Ok(text) => text,
        Err(d) => {
            diagnostics.push(d);
            return (None, diagnostics);
        }
    };
    if let Some(d) = front_matter::take_controls(&shown, &mut text) {
        diagnostics.push(d);
    }
    let file = SourceFile::new(shown, text);
    let typed =
        parse::typed_yaml::<SiteConfig>(&file, &file.text, 0, &schema::SITE, &mut diagnostics);
    let config = typed.map(|(config, tree)| SiteSource { config, file, tree });
    (config, diagnostics)
}

fn display(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}
