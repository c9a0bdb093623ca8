//! `kennisbank generate` (hidden): writes a synthetic site for benchmarks, see `synthetic`.

use std::process::ExitCode;

use super::GenerateArgs;

pub fn run(args: &GenerateArgs) -> anyhow::Result<ExitCode> {
    let summary = kennisbank::synthetic::generate(args.pages, args.seed, &args.output)?;
    // A project root needs a theme too: point at the one this command runs from, if any.
    let themes = args.output.join("themes");
    let source_themes = std::path::absolute(args.root.join("themes"))?;
    if !themes.exists() && source_themes.is_dir() {
        std::os::unix::fs::symlink(&source_themes, &themes).map_err(|e| {
            anyhow::anyhow!(
                "linking {} to {}: {e}",
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
    Ok(ExitCode::SUCCESS)
}
