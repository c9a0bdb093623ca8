//! The pipeline end to end, one orchestration for `build`, `serve` and `check`:
//! load → resolve → render → search → publish, every file handed to a sink of the write stage
//! ([`crate::output::Sink`]). The commands differ only in the sink they pass and in the caches
//! they keep: `build` writes to a staging folder and swaps it in, `serve` keeps a
//! [`Pipeline::cached`] and an in-memory site, `check` discards what it made.
//!
//! [`pipeline`] holds the orchestration, [`incremental`] what a cached pipeline reuses between
//! runs, [`extras`] the search index and publish files (written once, for every caller). None of
//! the stages calls back into an earlier one.

mod extras;
mod incremental;
mod pipeline;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Result;

use crate::diagnostics::Diagnostics;
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
}

#[derive(Debug, Clone)]
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
    let started = Instant::now();
    let mut timings = crate::timings::Timings::start();
    output::check_output_dir(&options.root, output_dir)?;
    let failed = |diagnostics| {
        Ok(BuildReport {
            diagnostics,
            written: None,
            elapsed: started.elapsed(),
        })
    };
    let mut pipeline = Pipeline::new(options.clone());
    let resolved = match pipeline.resolve(&[], &mut timings) {
        Ok(resolved) => resolved,
        Err(diagnostics) => return failed(diagnostics),
    };
    // Dropped without `finish` (any error below), the staging folder goes and the output stays.
    let staging = output::Staging::create(output_dir)?;
    let built = match pipeline.write(resolved, &staging, &mut timings)? {
        Ok(built) => built,
        Err(diagnostics) => return failed(diagnostics),
    };
    let swapped = staging.finish()?;
    // The previous site is out of the way; removing its files need not hold up the result.
    if let Some(retired) = swapped.retired {
        retired.remove_in_background();
    }
    let bytes = swapped.bytes;
    timings.lap("swap");
    timings.print("build");
    let graph = &built.pages.graph;
    Ok(BuildReport {
        written: Some(Written {
            pages: built.pages.page_count,
            sources: graph.records.sources.len(),
            findings: graph.finding_count(),
            bytes,
        }),
        diagnostics: built.pages.warnings,
        elapsed: started.elapsed(),
    })
}
