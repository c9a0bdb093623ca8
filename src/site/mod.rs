//! The pipeline end to end, one orchestration for `build`, `serve` and `check`:
//! load → resolve → render → search → publish, every file handed to a sink of the write stage
//! ([`crate::output::Sink`]). The commands differ only in the sink they pass and in the caches
//! they keep: `build` writes to a staging folder and swaps it in, `serve` keeps a
//! [`Pipeline::cached`] and an in-memory site, `check` discards what it made.
//!
//! [`pipeline`] holds the orchestration, [`incremental`] what a cached pipeline reuses between
//! runs, [`extras`] the search index and publish files (written once, for every caller). None of
//! the stages calls back into an earlier one.

pub mod cache;
mod extras;
mod incremental;
mod pipeline;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Result;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::graph::{Checked, KnowledgeGraph};
use crate::output;
pub use extras::extras;
pub use pipeline::{Built, Pages, Pipeline, Resolved};

/// What to build and how.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The project folder: holds `content/` and `themes/`.
    pub root: PathBuf,
    /// Include draft articles.
    pub drafts: bool,
    /// Overrides `base_url` of site.yaml (e.g. a deploy preview's address).
    pub base_url: Option<String>,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            drafts: false,
            base_url: None,
        }
    }

    pub fn content_dir(&self) -> PathBuf {
        self.root.join("content")
    }
}

/// The site's knowledge graph, loaded and resolved (`kennisbank search`, tests): with its
/// warnings, or every problem.
pub fn graph(options: &BuildOptions) -> Result<Checked<KnowledgeGraph>, Diagnostics> {
    let loaded = crate::load::load(&options.root, &options.content_dir());
    pipeline::resolve_loaded(loaded, options)
}

/// The result of a build.
#[derive(Debug)]
pub struct BuildReport {
    pub diagnostics: Diagnostics,
    /// `None` when content or templates had errors and nothing was written.
    pub written: Option<Written>,
    pub elapsed: Duration,
    /// Nothing changed since the last build (persistent cache): the output was left as it was,
    /// and these are that build's warnings, as they were shown then (`diagnostics` is empty).
    pub unchanged: Option<Vec<cache::Shown>>,
}

/// How [`build_cached`] uses the persistent cache under [`cache::CACHE_DIR`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheUse {
    /// Neither read nor written ([`build`]).
    Off,
    /// Skip the build when inputs and output are as the last build left them; write the cache.
    Use,
    /// Build everything (`--no-cache`), then write the cache for the next build.
    Refresh,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Written {
    pub pages: usize,
    pub sources: usize,
    pub findings: usize,
    pub bytes: u64,
}

/// Builds the site into `output`. Content errors come back in the report (nothing is written);
/// `Err` is for I/O problems and refused output folders.
///
/// Pages stream into the output's staging folder as they are rendered, so the whole site is never
/// in memory at once; the staging folder is swapped in only when every stage succeeded.
/// `KENNISBANK_TIMINGS=1` prints each stage's time to stderr.
pub fn build(options: &BuildOptions, output_dir: &Path) -> Result<BuildReport> {
    build_cached(options, output_dir, CacheUse::Off)
}

/// [`build`] with the persistent cache of `<root>/.cache/kennisbank/build/`: when the inputs
/// (content, themes, Git state, options, kennisbank itself) and the output folder are what the
/// last build saw and left ([`cache::stamp`]), nothing is built and the report says
/// [`BuildReport::unchanged`]. A cache that cannot be trusted is ignored with one warning. The
/// cache is written after the swap, so a failed build leaves the last one's, which does not match
/// the output fingerprint once anything was swapped in.
pub fn build_cached(
    options: &BuildOptions,
    output_dir: &Path,
    use_cache: CacheUse,
) -> Result<BuildReport> {
    let started = Instant::now();
    let mut timings = crate::timings::Timings::start();
    output::check_output_dir(&options.root, output_dir)?;
    let failed = |mut diagnostics: Diagnostics, cache_warning: Option<Diagnostic>| {
        if let Some(warning) = cache_warning {
            diagnostics.push(warning);
        }
        Ok(BuildReport {
            diagnostics,
            written: None,
            elapsed: started.elapsed(),
            unchanged: None,
        })
    };
    let store =
        (use_cache != CacheUse::Off).then(|| cache::BuildCache::new(&options.root, output_dir));
    let inputs = store
        .as_ref()
        .map(|_| cache::stamp::inputs(options, output_dir));
    let mut cache_warning = None;
    if let (Some(store), Some(inputs), CacheUse::Use) = (&store, &inputs, use_cache) {
        match store.read() {
            Ok(Some(last))
                if &last.inputs == inputs
                    && cache::stamp::output(output_dir).as_ref() == Some(&last.output) =>
            {
                output::remove_leftovers(output_dir);
                timings.lap("cache check");
                timings.print("build");
                return Ok(BuildReport {
                    diagnostics: Diagnostics::new(),
                    written: Some(last.written),
                    elapsed: started.elapsed(),
                    unchanged: Some(last.warnings),
                });
            }
            Ok(_) => {}
            Err(warning) => cache_warning = Some(warning),
        }
        timings.lap("cache check");
    }
    let mut pipeline = Pipeline::new(options.clone());
    let resolved = match pipeline.resolve(&[], &mut timings) {
        Ok(resolved) => resolved,
        Err(diagnostics) => return failed(diagnostics, cache_warning),
    };
    // Dropped without `finish` (any error below), the staging folder goes and the output stays.
    let staging = output::Staging::create(output_dir)?;
    let built = match pipeline.write(resolved, &staging, &mut timings)? {
        Ok(built) => built,
        Err(diagnostics) => return failed(diagnostics, cache_warning),
    };
    let swapped = staging.finish()?;
    // The previous site is out of the way; removing its files need not hold up the result.
    if let Some(retired) = swapped.retired {
        retired.remove_in_background();
    }
    let bytes = swapped.bytes;
    timings.lap("swap");
    let graph = &built.pages.graph;
    let written = Written {
        pages: built.pages.page_count,
        sources: graph.records.sources.len(),
        findings: graph.finding_count(),
        bytes,
    };
    let mut diagnostics = built.pages.warnings;
    if let (Some(store), Some(inputs)) = (store, inputs) {
        // What the swap left, so the next build can tell whether anyone changed it since.
        if let Some(output) = cache::stamp::output(output_dir) {
            let stored = cache::Stored {
                inputs,
                output,
                written: written.clone(),
                warnings: cache::Shown::all(&diagnostics),
            };
            if let Err(warning) = store.write(&stored) {
                diagnostics.push(warning);
            }
        }
        timings.lap("cache write");
    }
    if let Some(warning) = cache_warning {
        diagnostics.push(warning);
    }
    timings.print("build");
    Ok(BuildReport {
        written: Some(written),
        diagnostics,
        elapsed: started.elapsed(),
        unchanged: None,
    })
}
