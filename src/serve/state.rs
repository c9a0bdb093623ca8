//! What `serve` serves and tells: an immutable snapshot of the last good site (swapped whole after
//! each successful rebuild, so a request never sees half a site), the failure of the last rebuild if
//! it failed, and the live events that tell open pages to reload, swap a stylesheet or show errors.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use serde::Serialize;
use tokio::sync::broadcast;

use crate::diagnostics::{DiagnosticRecord, Diagnostics};
use crate::graph::KnowledgeGraph;
use crate::i18n::{Code, Lang, Msg};
use crate::output::MemorySite;
use crate::render::assets::fingerprinted_path;
use crate::site::{self, BuildOptions, Pipeline};
use crate::timings::Timings;

/// Every file of one build, by its path relative to the output folder (`effecten/x/index.html`).
#[derive(Debug, Default)]
pub struct Snapshot {
    pub files: HashMap<String, Arc<[u8]>>,
    /// The path prefix of every URL of the site (`/` or `/kennisbank/`).
    pub base_path: String,
    /// The theme the site was built with: where a stylesheet change can be swapped in alone.
    pub theme: String,
    /// Counts successful builds; pages reconnecting after a restart compare it.
    pub build: u64,
    /// The paths of the search index and publish files among `files`: made after the pages, they
    /// may lag one rebuild behind them for a moment.
    pub extras: HashSet<String>,
}

impl Snapshot {
    /// `style.css` → `style.1a2b3c4d.css`: the fingerprinted name each theme file was written under.
    fn fingerprinted_names(&self) -> HashMap<String, String> {
        self.files
            .keys()
            .filter_map(|out| {
                let (stem_hash, ext) = out.rsplit_once('.')?;
                let (stem, hash) = stem_hash.rsplit_once('.')?;
                let is_hash = hash.len() == 8 && hash.bytes().all(|b| b.is_ascii_hexdigit());
                (is_hash && (ext == "css" || ext == "js"))
                    .then(|| (format!("{stem}.{ext}"), out.clone()))
            })
            .collect()
    }
}

/// One stylesheet swapped in place: the old and the new URL.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CssSwap {
    pub old: String,
    pub new: String,
}

/// What open pages are told, as the `data` of a server-sent event named after the variant.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum LiveEvent {
    /// A rebuild succeeded. `changed` are output paths whose bytes differ (added, changed or
    /// removed); a page reloads only when its own file is among them, or when `all` is set.
    Reload {
        build: u64,
        changed: Vec<String>,
        all: bool,
    },
    /// Only stylesheets changed: pages swap their `<link>` without reloading.
    Css { build: u64, swaps: Vec<CssSwap> },
    /// The rebuild failed; the last good site is still served. Every word the overlay shows
    /// comes with it, in the language of the messages, so the script holds no text of its own.
    Error {
        diagnostics: Vec<OverlayItem>,
        texts: OverlayTexts,
    },
}

/// One diagnostic in the overlay: its record (as in `--format json`) and a heading such as
/// `fout [unknown-effect] in content/bronnen/a.md:3:5`.
#[derive(Debug, Clone, Serialize)]
pub struct OverlayItem {
    #[serde(flatten)]
    pub record: DiagnosticRecord,
    pub heading: String,
}

/// The overlay's own words.
#[derive(Debug, Clone, Serialize)]
pub struct OverlayTexts {
    /// The language tag, for the overlay's `lang` attribute.
    pub lang: &'static str,
    /// `Build mislukt: 2 fouten`.
    pub title: String,
    pub summary: String,
    /// The close button.
    pub close: String,
    /// The word before a hint: `tip`.
    pub help: String,
}

impl OverlayTexts {
    fn new(lang: Lang, errors: usize) -> Self {
        OverlayTexts {
            lang: lang.tag(),
            title: Msg::OverlayTitle.with("errors", errors).text(lang),
            summary: Msg::OverlaySummary.text(lang),
            close: Msg::OverlayClose.text(lang),
            help: Msg::HelpPrefix.text(lang),
        }
    }
}

impl OverlayItem {
    fn new(record: DiagnosticRecord, lang: Lang) -> Self {
        let severity = Msg::Severity
            .with("severity", record.severity.key())
            .text(lang);
        let heading = match &record.file {
            Some(file) => {
                let place = match record.line {
                    0 => file.clone(),
                    line => format!("{file}:{line}:{}", record.column),
                };
                Msg::OverlayHeading
                    .with("severity", severity)
                    .with("code", record.code)
                    .with("place", place)
                    .text(lang)
            }
            None => format!("{severity} [{}]", record.code),
        };
        OverlayItem { record, heading }
    }
}

impl LiveEvent {
    pub fn name(&self) -> &'static str {
        match self {
            LiveEvent::Reload { .. } => "reload",
            LiveEvent::Css { .. } => "css",
            LiveEvent::Error { .. } => "build-error",
        }
    }
}

/// What a rebuild did, for the terminal.
#[derive(Debug)]
pub enum Outcome {
    Built {
        pages: usize,
        /// Pages rendered again; the others were unchanged.
        rendered: usize,
        changed: usize,
        diagnostics: Diagnostics,
        elapsed: Duration,
    },
    CssSwapped {
        swaps: Vec<CssSwap>,
        elapsed: Duration,
    },
    Failed {
        diagnostics: Diagnostics,
        elapsed: Duration,
    },
}

/// Above this many changed files a reload event says "everything" instead of listing them.
const MAX_LISTED_CHANGES: usize = 2000;

/// The serving state shared by the HTTP handlers and the rebuild thread.
pub struct ServeState {
    /// The options of every rebuild (also in the pipeline, which the rebuild lock guards).
    options: BuildOptions,
    /// The language asked for with `--lang` or the locale; without, the site's own.
    lang: Option<Lang>,
    snapshot: RwLock<Arc<Snapshot>>,
    failure: RwLock<Option<LiveEvent>>,
    events: broadcast::Sender<LiveEvent>,
    builds: AtomicU64,
    /// One rebuild at a time, whoever asks; holds what rebuilds reuse.
    rebuilding: Mutex<Pipeline>,
    /// Counts rebuilds of the pages; a search index made for an older one is not swapped in.
    generation: AtomicU64,
    /// One search index at a time: a burst of edits indexes the last state, not every one.
    indexing: Mutex<()>,
}

impl ServeState {
    pub fn new(options: BuildOptions, lang: Option<Lang>) -> Self {
        ServeState {
            rebuilding: Mutex::new(Pipeline::cached(options.clone())),
            options,
            lang,
            snapshot: RwLock::new(Arc::new(Snapshot {
                base_path: "/".into(),
                ..Snapshot::default()
            })),
            failure: RwLock::new(None),
            events: broadcast::channel(64).0,
            builds: AtomicU64::new(0),
            generation: AtomicU64::new(0),
            indexing: Mutex::new(()),
        }
    }

    pub fn options(&self) -> &BuildOptions {
        &self.options
    }

    /// The language of the messages now: the one asked for, else the site's (read each time, so
    /// a change of `language:` in site.yaml shows at the next report), else Dutch.
    pub fn lang(&self) -> Lang {
        Lang::choose(self.lang, None, Lang::of_site(&self.options.root))
    }

    /// The site to serve now: the last good build.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The error event while the last rebuild failed, for pages that connect during the failure.
    pub fn current_failure(&self) -> Option<LiveEvent> {
        self.failure
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub fn subscribe(&self) -> broadcast::Receiver<LiveEvent> {
        self.events.subscribe()
    }

    /// Rebuilds after `changed` files changed (absolute paths): a stylesheet-only change swaps the
    /// asset alone; anything else compiles the site again and serves it only if it has no errors.
    pub fn rebuild(self: &Arc<Self>, changed: &[PathBuf]) -> Outcome {
        let mut pipeline = self.rebuilding.lock().unwrap_or_else(|e| e.into_inner());
        let started = Instant::now();
        if let Some(swaps) = self.try_css_swap(changed) {
            pipeline.forget_theme();
            return Outcome::CssSwapped {
                swaps,
                elapsed: started.elapsed(),
            };
        }
        self.full_rebuild(&mut pipeline, changed, started)
    }

    /// Rebuilds the pages and serves them at once; the search index and publish extras follow on
    /// another thread (on the first build, before serving).
    fn full_rebuild(
        self: &Arc<Self>,
        pipeline: &mut Pipeline,
        changed: &[PathBuf],
        started: Instant,
    ) -> Outcome {
        let mut timings = Timings::start();
        let resolved = match pipeline.resolve(changed, &mut timings) {
            Ok(resolved) => resolved,
            Err(diagnostics) => return self.fail(diagnostics, started),
        };
        let site = MemorySite::default();
        let pages = match pipeline.render(resolved, &site, &mut timings) {
            Ok(Ok(pages)) => pages,
            Ok(Err(diagnostics)) => return self.fail(diagnostics, started),
            Err(err) => return self.fail(unwritable(&err), started),
        };
        let diagnostics = pages.warnings;
        let old = self.snapshot();
        let first = old.build == 0;
        let page_count = pages.page_count;
        let listed = pages.paths;
        let mut files = HashMap::with_capacity(old.files.len());
        let mut changed = Vec::new();
        let mut put = |path: String, bytes: Arc<[u8]>| {
            // Unchanged files keep their old buffer: a diff we need anyway, and less memory churn.
            // Pages the render cache reused are the very same buffer, so most compare by pointer.
            let bytes = match old.files.get(&path) {
                Some(previous) if Arc::ptr_eq(previous, &bytes) || **previous == *bytes => {
                    previous.clone()
                }
                _ => {
                    changed.push(path.clone());
                    bytes
                }
            };
            files.insert(path, bytes);
        };
        for (path, bytes) in site.into_files() {
            put(path, bytes);
        }
        let mut extras = HashSet::new();
        if first {
            let made = site::extras(&pages.graph, &listed, self.options.drafts, &mut timings);
            let made = match made {
                Ok(made) => made,
                Err(problems) => {
                    let mut diagnostics = diagnostics;
                    diagnostics.extend(problems);
                    return self.fail(diagnostics, started);
                }
            };
            for file in made {
                extras.insert(file.path.clone());
                put(file.path, Arc::from(file.bytes));
            }
        } else {
            // Served as they were until the new ones are ready (see `refresh_extras`).
            for path in &old.extras {
                if let Some(bytes) = old.files.get(path) {
                    extras.insert(path.clone());
                    files.entry(path.clone()).or_insert_with(|| bytes.clone());
                }
            }
        }
        changed.extend(
            old.files
                .keys()
                .filter(|k| !files.contains_key(*k))
                .cloned(),
        );
        changed.sort();
        let build = self.builds.fetch_add(1, Ordering::SeqCst) + 1;
        let generation = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        let snapshot = Snapshot {
            files,
            base_path: pages.graph.config.base_path(),
            theme: pages.graph.config.theme.clone(),
            build,
            extras,
        };
        *self.snapshot.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(snapshot);
        *self.failure.write().unwrap_or_else(|e| e.into_inner()) = None;
        timings.lap("diff+swap");
        timings.print("pages");
        let changed_count = changed.len();
        let all = changed.len() > MAX_LISTED_CHANGES;
        if all {
            changed.clear();
        }
        let _ = self.events.send(LiveEvent::Reload {
            build,
            changed,
            all,
        });
        if !first {
            let state = self.clone();
            let graph = pages.graph.clone();
            let spawned = std::thread::Builder::new()
                .name("kennisbank-search-index".into())
                .spawn(move || state.refresh_extras(generation, &graph, listed));
            if let Err(err) = spawned {
                eprintln!(
                    "{}",
                    Msg::ServeNoIndexer
                        .with("reason", err.to_string())
                        .text(self.lang())
                );
            }
        }
        Outcome::Built {
            pages: page_count,
            rendered: pages.fresh,
            changed: changed_count,
            diagnostics,
            elapsed: started.elapsed(),
        }
    }

    /// Tells open pages (and pages that connect later) what broke the rebuild.
    fn fail(&self, diagnostics: Diagnostics, started: Instant) -> Outcome {
        let lang = self.lang();
        let mut records: Vec<DiagnosticRecord> = diagnostics
            .sorted()
            .into_iter()
            .map(|d| d.to_record(lang))
            .collect();
        // The overlay leads with what broke the build; warnings follow, each group by file.
        records.sort_by_key(|r| std::cmp::Reverse(r.severity));
        let event = LiveEvent::Error {
            texts: OverlayTexts::new(lang, diagnostics.error_count()),
            diagnostics: records
                .into_iter()
                .map(|r| OverlayItem::new(r, lang))
                .collect(),
        };
        *self.failure.write().unwrap_or_else(|e| e.into_inner()) = Some(event.clone());
        let _ = self.events.send(event);
        Outcome::Failed {
            diagnostics,
            elapsed: started.elapsed(),
        }
    }

    /// Makes the search index and publish extras for the pages of `generation` and swaps them in,
    /// unless newer pages were served meanwhile (their own refresh follows).
    fn refresh_extras(&self, generation: u64, graph: &KnowledgeGraph, listed: Vec<String>) {
        let _one_at_a_time = self.indexing.lock().unwrap_or_else(|e| e.into_inner());
        let current = || self.generation.load(Ordering::SeqCst) == generation;
        if !current() {
            return;
        }
        let mut timings = Timings::start();
        let made = match site::extras(graph, &listed, self.options.drafts, &mut timings) {
            Ok(made) => made,
            Err(problems) => {
                for d in problems.sorted() {
                    eprintln!("{}", d.render(self.lang(), false));
                }
                return;
            }
        };
        // Under the rebuild lock, so a rebuild or stylesheet swap cannot interleave.
        let _no_rebuild = self.rebuilding.lock().unwrap_or_else(|e| e.into_inner());
        if !current() {
            return;
        }
        let old = self.snapshot();
        let mut files = old.files.clone();
        for path in &old.extras {
            files.remove(path);
        }
        let mut extras = HashSet::with_capacity(made.len());
        for file in made {
            extras.insert(file.path.clone());
            let bytes = match old.files.get(&file.path) {
                Some(previous) if **previous == *file.bytes => previous.clone(),
                _ => Arc::from(file.bytes),
            };
            files.insert(file.path, bytes);
        }
        let snapshot = Snapshot {
            files,
            base_path: old.base_path.clone(),
            theme: old.theme.clone(),
            build: old.build,
            extras,
        };
        *self.snapshot.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(snapshot);
        timings.lap("swap");
        timings.print("search index and extras");
    }

    /// When every changed file is an existing stylesheet of the theme and the site is healthy,
    /// puts the new stylesheet in under its new fingerprint and points pages at it, without
    /// rendering anything. `None` means a full rebuild is needed.
    fn try_css_swap(&self, changed: &[PathBuf]) -> Option<Vec<CssSwap>> {
        if changed.is_empty() || self.current_failure().is_some() {
            return None;
        }
        let old = self.snapshot();
        if old.build == 0 {
            return None;
        }
        let static_dir = self
            .options
            .root
            .join("themes")
            .join(&old.theme)
            .join("static");
        let fingerprinted = old.fingerprinted_names();
        let mut renames = Vec::new();
        for path in changed {
            let relative = css_under(&static_dir, path)?;
            let old_out = fingerprinted.get(&relative)?;
            // A file that vanished or cannot be read is a case for the full rebuild's diagnostics.
            let bytes = std::fs::read(path).ok()?;
            let new_out = fingerprinted_path(&relative, &bytes);
            if new_out != *old_out && !renames.iter().any(|(o, _, _)| o == old_out) {
                renames.push((old_out.clone(), new_out, bytes));
            }
        }
        let mut files = old.files.clone();
        let mut swaps = Vec::new();
        for (old_out, new_out, bytes) in renames {
            files.remove(&old_out);
            files.insert(new_out.clone(), Arc::from(bytes));
            swaps.push(CssSwap {
                old: format!("{}{old_out}", old.base_path),
                new: format!("{}{new_out}", old.base_path),
            });
        }
        if swaps.is_empty() {
            return Some(swaps);
        }
        // Pages link the stylesheet, and other generated text files (host headers, manifests) may
        // name it too: every text file gets the new name, as a full build would give it.
        for bytes in files.values_mut() {
            let Ok(text) = std::str::from_utf8(bytes) else {
                continue;
            };
            if swaps.iter().any(|s| text.contains(&s.old)) {
                let mut text = text.to_string();
                for swap in &swaps {
                    text = text.replace(&swap.old, &swap.new);
                }
                *bytes = Arc::from(text.into_bytes());
            }
        }
        let build = self.builds.fetch_add(1, Ordering::SeqCst) + 1;
        let snapshot = Snapshot {
            files,
            base_path: old.base_path.clone(),
            theme: old.theme.clone(),
            build,
            extras: old.extras.clone(),
        };
        *self.snapshot.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(snapshot);
        let _ = self.events.send(LiveEvent::Css {
            build,
            swaps: swaps.clone(),
        });
        Some(swaps)
    }
}

/// The in-memory site cannot fail to take a file; should it, the rebuild fails with this.
fn unwritable(err: &anyhow::Error) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    diagnostics.push(Code::ServeMemory.error().arg("reason", format!("{err:#}")));
    diagnostics
}

/// `themes/default/static/css/a.css` → `css/a.css`, for stylesheets of the static folder only.
fn css_under(static_dir: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(static_dir).ok()?;
    if path.extension().is_none_or(|e| e != "css") {
        return None;
    }
    Some(relative.to_string_lossy().replace('\\', "/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprinted_names_map_back_to_theme_paths() {
        let mut snapshot = Snapshot::default();
        for path in [
            "style.1a2b3c4d.css",
            "js/app.00ff00ff.js",
            "index.html",
            "a.b.txt",
        ] {
            snapshot.files.insert(path.into(), Arc::from(&b""[..]));
        }
        let names = snapshot.fingerprinted_names();
        assert_eq!(names.get("style.css").unwrap(), "style.1a2b3c4d.css");
        assert_eq!(names.get("js/app.js").unwrap(), "js/app.00ff00ff.js");
        assert_eq!(names.len(), 2);
    }

    #[test]
    fn only_stylesheets_of_the_static_folder_can_be_swapped_alone() {
        let dir = Path::new("/site/themes/default/static");
        assert_eq!(
            css_under(dir, Path::new("/site/themes/default/static/css/a.css")).as_deref(),
            Some("css/a.css")
        );
        assert!(css_under(dir, Path::new("/site/themes/default/static/app.js")).is_none());
        assert!(css_under(dir, Path::new("/site/themes/default/templates/a.css")).is_none());
    }
}
