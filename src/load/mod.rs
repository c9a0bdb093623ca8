//! Stage 1, **load**: walk `content/`, split each file into front matter and body, and parse it
//! into a typed record with source positions.
//!
//! This is the only module that knows YAML. It checks each file on its own (syntax, keys, types);
//! whether references between files hold is the next stage's job (`graph`).

pub mod front_matter;
pub mod schema;
pub mod yaml;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};
use walkdir::WalkDir;

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile, Span};
use crate::model::{Doc, Documents, Meta};
use yaml::Shape;

/// The name of the configuration file inside the content folder.
pub const CONFIG_FILE: &str = "site.yaml";

/// The content folders and the kind of record each holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Effect,
    ValueRow,
    Source,
    Article,
    Term,
    Page,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Effect,
        Kind::ValueRow,
        Kind::Source,
        Kind::Article,
        Kind::Term,
        Kind::Page,
    ];

    /// The folder under `content/` that holds this kind.
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Effect => "effecten",
            Kind::ValueRow => "waarden",
            Kind::Source => "bronnen",
            Kind::Article => "kennisbank",
            Kind::Term => "begrippen",
            Kind::Page => "paginas",
        }
    }

    fn from_folder(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.folder() == name)
    }

    /// Only articles may be grouped in sub-folders.
    fn allows_subfolders(self) -> bool {
        self == Kind::Article
    }
}

/// The result of loading: configuration (if it parsed), records, and every problem found.
#[derive(Debug, Default)]
pub struct Loaded {
    pub config: Option<SiteConfig>,
    pub config_file: Option<SourceFile>,
    pub documents: Documents,
    pub diagnostics: Diagnostics,
}

/// Loads everything under `content_dir`. Paths in diagnostics are shown relative to `root`.
pub fn load(root: &Path, content_dir: &Path) -> Loaded {
    load_cached(root, content_dir, &mut LoadCache::default(), None)
}

/// Parsed content files kept between loads (by `serve`), each under its path with the hash of the
/// bytes it was parsed from.
#[derive(Default)]
pub struct LoadCache {
    files: HashMap<PathBuf, CachedFile>,
}

struct CachedFile {
    hash: [u8; 32],
    parsed: Parsed,
    diagnostics: Diagnostics,
}

impl LoadCache {
    /// The cached record for `path` if `changed` does not name it (or a folder above it);
    /// otherwise the file is read, and parsed only if its content hash differs from the cached one.
    fn get(
        &self,
        root: &Path,
        kind: Kind,
        path: &Path,
        changed: Option<&HashSet<PathBuf>>,
    ) -> (Parsed, Diagnostics, Refresh) {
        let cached = self.files.get(path);
        if let (Some(cached), Some(changed)) = (cached, changed)
            && !changed.iter().any(|c| path.starts_with(c))
        {
            return (
                cached.parsed.clone(),
                cached.diagnostics.clone(),
                Refresh::Keep,
            );
        }
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(err) => return (Parsed::Failed, unreadable(root, path, err), Refresh::Drop),
        };
        let hash: [u8; 32] = Sha256::digest(&bytes).into();
        if let Some(cached) = cached.filter(|c| c.hash == hash) {
            return (
                cached.parsed.clone(),
                cached.diagnostics.clone(),
                Refresh::Keep,
            );
        }
        let (parsed, diagnostics) = parse_bytes(root, kind, path, bytes);
        (parsed, diagnostics, Refresh::Store(hash))
    }
}

/// What to do with a file's cache entry after a load.
enum Refresh {
    Keep,
    Store([u8; 32]),
    /// The file could not be read: nothing to remember.
    Drop,
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
            Diagnostic::error(
                "no-content",
                format!(
                    "the content folder `{}` does not exist",
                    display(root, content_dir)
                ),
            )
            .help("run kennisbank in the project folder, or pass --root DIR"),
        );
        return loaded;
    }
    let (config, config_file) = load_config(root, content_dir, &mut loaded.diagnostics);
    loaded.config = config;
    loaded.config_file = config_file;

    let (files, walk_problems) = collect_files(root, content_dir);
    loaded.diagnostics.extend(walk_problems);

    let parsed: Vec<(Parsed, Diagnostics, Refresh)> = files
        .par_iter()
        .map(|(kind, path)| cache.get(root, *kind, path, changed))
        .collect();
    let mut kept = HashMap::with_capacity(files.len());
    for ((_, path), (record, diagnostics, refresh)) in files.iter().zip(parsed) {
        // Files that are gone drop out of the cache; re-parsed ones replace their entry.
        let previous = cache.files.remove(path);
        let entry = match refresh {
            Refresh::Keep => previous,
            Refresh::Store(hash) => Some(CachedFile {
                hash,
                parsed: record.clone(),
                diagnostics: diagnostics.clone(),
            }),
            Refresh::Drop => None,
        };
        if let Some(entry) = entry {
            kept.insert(path.clone(), entry);
        }
        loaded.diagnostics.extend(diagnostics);
        let docs = &mut loaded.documents;
        match record {
            Parsed::Effect(d) => docs.effects.push(d),
            Parsed::ValueRow(d) => docs.rows.push(d),
            Parsed::Source(d) => docs.sources.push(d),
            Parsed::Article(d) => docs.articles.push(d),
            Parsed::Term(d) => docs.terms.push(d),
            Parsed::Page(d) => docs.pages.push(d),
            Parsed::Failed => {}
        }
    }
    cache.files = kept;
    loaded
}

fn display(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

fn load_config(
    root: &Path,
    content_dir: &Path,
    diagnostics: &mut Diagnostics,
) -> (Option<SiteConfig>, Option<SourceFile>) {
    let path = content_dir.join(CONFIG_FILE);
    let shown = PathBuf::from(display(root, &path));
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(err) => {
            diagnostics.push(
                Diagnostic::error(
                    "no-config",
                    format!("cannot read `{}`: {err}", shown.display()),
                )
                .help("every site needs content/site.yaml; content/README.md shows a complete example"),
            );
            return (None, None);
        }
    };
    let text = match front_matter::decode(&shown, bytes) {
        Ok(text) => text,
        Err(d) => {
            diagnostics.push(d);
            return (None, None);
        }
    };
    let file = SourceFile::new(shown, text);
    let config =
        parse_yaml::<SiteConfig>(&file, &file.text, 0, &schema::SITE, diagnostics).map(|(c, _)| c);
    (config, Some(file))
}

/// Walks the content folder: every Markdown file with its kind, and diagnostics for the rest.
fn collect_files(root: &Path, content_dir: &Path) -> (Vec<(Kind, PathBuf)>, Diagnostics) {
    let mut files = Vec::new();
    let mut diagnostics = Diagnostics::new();
    let walker = WalkDir::new(content_dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored_name(&e.file_name().to_string_lossy()));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().map(|p| display(root, p)).unwrap_or_default();
                let (code, help) = if err.loop_ancestor().is_some() {
                    (
                        "symlink-loop",
                        "remove the link that points back into one of its own parent folders",
                    )
                } else {
                    (
                        "unreadable",
                        "check the file's permissions, or whether a link points to a missing file",
                    )
                };
                diagnostics.push(
                    Diagnostic::error(code, format!("cannot read `{path}`: {err}")).help(help),
                );
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let relative = path.strip_prefix(content_dir).unwrap_or(path);
        let name = entry.file_name().to_string_lossy();
        let components: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if components.len() == 1 && (name == CONFIG_FILE || name == "README.md") {
            continue;
        }
        if name == "README.md" {
            continue;
        }
        let is_markdown = path.extension().is_some_and(|e| e == "md");
        let kind = components.first().and_then(|f| Kind::from_folder(f));
        match (kind, is_markdown) {
            (Some(kind), true) if components.len() == 2 || kind.allows_subfolders() => {
                files.push((kind, path.to_path_buf()));
            }
            (Some(kind), true) => diagnostics.push(Diagnostic::error(
                "misplaced-file",
                format!("`{}` is in a sub-folder of `{}/`", display(root, path), kind.folder()),
            ).help(format!("move it directly into `content/{}/`; only articles may be grouped in sub-folders", kind.folder()))),
            (_, false) => diagnostics.push(Diagnostic::warning(
                "stray-file",
                format!("`{}` is not a Markdown file and is ignored", display(root, path)),
            ).help("content files end in `.md`; images, CSS and scripts belong in `themes/<theme>/static/`")),
            (None, true) => diagnostics.push(Diagnostic::error(
                "misplaced-file",
                format!("`{}` is not in a known content folder", display(root, path)),
            ).help(format!(
                "move it into one of: {}",
                Kind::ALL.map(|k| format!("`content/{}/`", k.folder())).join(", ")
            ))),
        }
    }
    (files, diagnostics)
}

/// Editor backups, swap files and hidden files: never content.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
}

#[derive(Clone)]
enum Parsed {
    Effect(crate::model::Effect),
    ValueRow(crate::model::ValueRow),
    Source(crate::model::Source),
    Article(crate::model::Article),
    Term(crate::model::Term),
    Page(crate::model::Page),
    Failed,
}

fn unreadable(root: &Path, path: &Path, err: std::io::Error) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    diagnostics.push(Diagnostic::error(
        "unreadable",
        format!("cannot read `{}`: {err}", display(root, path)),
    ));
    diagnostics
}

fn parse_bytes(root: &Path, kind: Kind, path: &Path, bytes: Vec<u8>) -> (Parsed, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let shown = PathBuf::from(display(root, path));
    let text = match front_matter::decode(&shown, bytes) {
        Ok(text) => text,
        Err(d) => {
            diagnostics.push(d);
            return (Parsed::Failed, diagnostics);
        }
    };
    let file = SourceFile::new(shown, text);
    let split = match front_matter::split(&file) {
        Ok(split) => split,
        Err(d) => {
            diagnostics.push(d);
            return (Parsed::Failed, diagnostics);
        }
    };
    let key = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !is_valid_key(&key) {
        diagnostics.push(
            Diagnostic::error(
                "bad-file-name",
                format!("the file name `{key}.md` is not a valid key"),
            )
            .at(&file, Span::new(0, 3))
            .help(format!(
                "use lowercase letters, digits and hyphens only, e.g. `{}.md`",
                slug::slugify(&key)
            )),
        );
    }
    let meta = |tree| Meta {
        file: file.clone(),
        tree,
        body: split.body.to_string(),
        body_offset: split.body_offset,
    };
    macro_rules! record {
        ($variant:ident, $shape:expr) => {
            match parse_yaml(
                &file,
                split.yaml,
                split.yaml_offset,
                &$shape,
                &mut diagnostics,
            ) {
                Some((data, tree)) => Parsed::$variant(Doc {
                    key,
                    meta: meta(tree),
                    data,
                }),
                None => Parsed::Failed,
            }
        };
    }
    let parsed = match kind {
        Kind::Effect => record!(Effect, schema::EFFECT),
        Kind::ValueRow => record!(ValueRow, schema::VALUE_ROW),
        Kind::Source => record!(Source, schema::SOURCE),
        Kind::Article => record!(Article, schema::ARTICLE),
        Kind::Term => record!(Term, schema::TERM),
        Kind::Page => record!(Page, schema::PAGE),
    };
    (parsed, diagnostics)
}

/// Parses YAML into a node tree (for positions and key checks) and a typed record.
fn parse_yaml<T: DeserializeOwned>(
    file: &SourceFile,
    yaml_text: &str,
    offset: usize,
    shape: &Shape,
    diagnostics: &mut Diagnostics,
) -> Option<(T, yaml::Node)> {
    let tree = match yaml::parse(file, yaml_text, offset) {
        Ok(tree) => tree,
        Err(d) => {
            diagnostics.push(d);
            return None;
        }
    };
    if !matches!(tree, yaml::Node::Map { .. }) {
        diagnostics.push(
            Diagnostic::error(
                "not-a-mapping",
                "the front matter must be a list of `key: value` fields",
            )
            .at(file, tree.span())
            .help("write one field per line, e.g. `title: Mijn titel`"),
        );
        return None;
    }
    let mut key_problems = Diagnostics::new();
    yaml::check_keys(file, &tree, shape, &mut key_problems);
    // serde_yaml would report a duplicate key a second time, less precisely.
    let has_duplicates = key_problems.iter().any(|d| d.code == "duplicate-key");
    diagnostics.extend(key_problems);
    if has_duplicates {
        return None;
    }
    match yaml::typed::<T>(file, yaml_text, offset) {
        Ok(data) => Some((data, tree)),
        Err(d) => {
            diagnostics.push(d);
            None
        }
    }
}

/// Keys are lowercase ascii letters, digits and single hyphens.
pub fn is_valid_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !key.starts_with('-')
        && !key.ends_with('-')
}
