//! `kennisbank search`: the site's search in the terminal. Builds the same index the site ships
//! (in memory, from content/) and ranks with the same weights.

use std::process::ExitCode;

use anyhow::Context;
use kennisbank::search::{self, Filter};

use super::SearchArgs;
use super::report;

pub fn run(args: &SearchArgs) -> anyhow::Result<ExitCode> {
    let options = args.site.options();
    let graph = match kennisbank::site::check(&options) {
        Ok(checked) => checked.into_parts().0,
        Err(diagnostics) => {
            report::print(&diagnostics, report::Format::Human)?;
            eprintln!("search: the content has errors; fix them first (kennisbank check)");
            return Ok(ExitCode::from(1));
        }
    };
    let stemming = args.stemmer.unwrap_or(search::STEMMING);
    let index = search::index(&graph, stemming).context("building the search index")?;
    let mut filter = Filter::default();
    if let Some(kind) = &args.kind {
        // Kinds are typed in any case ("bevinding", "Bevinding").
        let known: Vec<&str> = {
            let mut k: Vec<&str> = index.units.iter().map(|u| u.kind).collect();
            k.sort();
            k.dedup();
            k
        };
        let Some(label) = known.iter().find(|k| k.eq_ignore_ascii_case(kind)) else {
            anyhow::bail!("unknown kind `{kind}`; use one of: {}", known.join(", "));
        };
        filter.facets.push(("kind".into(), label.to_string()));
    }
    if let Some(effect) = &args.effect {
        if !graph.records.effects.iter().any(|e| &e.key == effect) {
            anyhow::bail!(
                "unknown effect `{effect}`; effect keys are the file names in content/effecten/"
            );
        }
        filter.facets.push(("effect".into(), effect.clone()));
    }
    let hits = index.search(&args.query, &filter, args.limit)?;
    for hit in &hits {
        let unit = &index.units[hit.doc];
        if args.json {
            println!(
                "{}",
                serde_json::json!({
                    "url": unit.url,
                    "title": unit.title,
                    "kind": unit.kind,
                    "score": hit.score,
                })
            );
        } else {
            println!(
                "{:>7.3}  {:<17} {}  {}",
                hit.score, unit.kind, unit.title, unit.url
            );
        }
    }
    if !args.json {
        eprintln!(
            "search: {} result(s) (stemmer {})",
            hits.len(),
            stemming.name()
        );
    }
    Ok(ExitCode::SUCCESS)
}
