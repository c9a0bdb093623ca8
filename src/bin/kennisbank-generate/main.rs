//! `kennisbank-generate`: writes a synthetic site of about N pages for the benchmarks
//! (tests/bench/run.sh, tests/bench/search.sh, the serve benchmark) and the tests that need a
//! large site. A separate binary, not part of the product: the `kennisbank` library and command
//! do not contain it, and it uses only the library's public API (the loader, to read the
//! project's vocabularies). The same project, `--pages` and `--seed` give the same bytes.

mod site;
mod text;
mod vocabulary;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;

/// Write a synthetic site of N pages for benchmarks, in the content model and with the
/// vocabularies of the project at --root.
#[derive(Debug, Parser)]
#[command(
    name = "kennisbank-generate",
    after_help = "Example:\n  kennisbank-generate --pages 10000 --output /tmp/site10000"
)]
struct Args {
    /// About how many content files to write.
    #[arg(long, default_value_t = 1000)]
    pages: usize,
    /// The same seed gives the same site.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The project folder to create: gets content/ and a link to the project's themes/.
    #[arg(long, short, value_name = "DIR")]
    output: PathBuf,
    /// The project whose site.yaml, effects, value rows, pages and themes the site is made from.
    #[arg(long, default_value = ".", value_name = "DIR")]
    root: PathBuf,
}

fn main() -> ExitCode {
    match run(&Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<()> {
    let vocabulary = vocabulary::Vocabulary::read(&args.root)?;
    let summary = site::generate(vocabulary, args.pages, args.seed, &args.output)?;
    // A project root needs a theme too: point at the project's.
    let themes = args.output.join("themes");
    let source_themes = std::path::absolute(args.root.join("themes"))?;
    if !themes.exists() && source_themes.is_dir() {
        std::os::unix::fs::symlink(&source_themes, &themes).with_context(|| {
            format!(
                "linking {} to {}",
                themes.display(),
                source_themes.display()
            )
        })?;
    }
    eprintln!(
        "generated {} files ({} sources, {} articles, {} terms, {:.1} MB) into {}",
        summary.files,
        summary.sources,
        summary.articles,
        summary.terms,
        summary.bytes as f64 / 1e6,
        args.output.join("content").display()
    );
    Ok(())
}
