//! `kennisbank search`: the site's search in the terminal. Builds the same index the site ships
//! (in memory, from content/) and ranks with the same weights.

use std::process::ExitCode;

use anyhow::Context;
use kennisbank::i18n::{Lang, Msg};
use kennisbank::search::{self, Filter};

use super::SearchArgs;
use super::report;

pub fn run(args: &SearchArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let options = args.site.options();
    let graph = match kennisbank::site::graph(&options) {
        Ok(checked) => checked.into_parts().0,
        Err(diagnostics) => {
            report::print(&diagnostics, report::Format::Human, lang)?;
            eprintln!("{}", Msg::SearchHasErrors.text(lang));
            return Ok(ExitCode::from(1));
        }
    };
    let stemming = args.stemmer.unwrap_or(search::STEMMING);
    let index = search::index(&graph, stemming).context(Msg::SearchIndexFailed.message())?;
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
            anyhow::bail!(
                Msg::SearchUnknownKind
                    .with("kind", kind)
                    .with("kinds", known.join(", "))
            );
        };
        filter.facets.push(("kind".into(), label.to_string()));
    }
    if let Some(effect) = &args.effect {
        if !graph.records.effects.iter().any(|e| &e.key == effect) {
            anyhow::bail!(Msg::SearchUnknownEffect.with("effect", effect));
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
        let summary = Msg::SearchResults
            .with("count", hits.len())
            .with("stemmer", stemming.name());
        eprintln!("{}", summary.text(lang));
    }
    Ok(ExitCode::SUCCESS)
}
