//! What `serve` serves and tells: an immutable snapshot of the last good site (swapped whole after
//! each successful rebuild, so a request never sees half a site), the failure of the last rebuild if
//! it failed, and the live events ([`crate::serve::events`]) that tell open pages to reload, swap a
//! stylesheet ([`css`]) or show errors.

mod css;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use tokio::sync::broadcast;

use crate::diagnostics::{DiagnosticRecord, Diagnostics};
use crate::graph::KnowledgeGraph;
use crate::i18n::{Code, Lang, Msg};
use crate::output::MemorySite;
use crate::serve::events::{CssSwap, LiveEvent, OverlayItem, OverlayTexts};
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

/// How long the search refresh after a rebuild waits for the next save before it starts. Editors
/// save in bursts; an index begun at once is thrown away by the next save and competes with that
/// save's rebuild for the cores (at 10,000 pages it takes seconds of CPU).
const EXTRAS_SETTLE: Duration = Duration::from_millis(1000);

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
    /// unless newer pages were served meanwhile or within [`EXTRAS_SETTLE`] (their own refresh
    /// follows).
    fn refresh_extras(&self, generation: u64, graph: &KnowledgeGraph, listed: Vec<String>) {
        let current = || self.generation.load(Ordering::SeqCst) == generation;
        std::thread::sleep(EXTRAS_SETTLE);
        if !current() {
            return;
        }
        let _one_at_a_time = self.indexing.lock().unwrap_or_else(|e| e.into_inner());
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
}

/// The in-memory site cannot fail to take a file; should it, the rebuild fails with this.
fn unwritable(err: &anyhow::Error) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    diagnostics.push(Code::ServeMemory.error().arg("reason", format!("{err:#}")));
    diagnostics
}
