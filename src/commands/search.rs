//! `kennisbank search`: the site's search in the terminal. Builds the index the site ships (in
//! memory, from content/), or reads a built one (`--index`), and runs the browser's query on it
//! (`kennisbank::search::engine`): the same results in the same order.

use std::process::ExitCode;

use anyhow::Context;
use kennisbank::i18n::{Lang, Msg};
use kennisbank::search::{self, Engine, IndexDir, engine::IndexFiles};

use super::SearchArgs;
use super::report;

pub fn run(args: &SearchArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let stemming = args.stemmer.unwrap_or(search::STEMMING);
    if let Some(dir) = &args.index {
        let dir = if dir.join("manifest.json").is_file() {
            dir.clone()
        } else {
            dir.join(search::INDEX_DIR)
        };
        let engine = Engine::open(IndexDir(dir)).context(Msg::SearchIndexOpen.message())?;
        return query(&engine, args, lang);
    }
    let options = args.site.options();
    let graph = match kennisbank::site::graph(&options) {
        Ok(checked) => checked.into_parts().0,
        Err(diagnostics) => {
            report::print(&diagnostics, report::Format::Human, lang)?;
            eprintln!("{}", Msg::SearchHasErrors.text(lang));
            return Ok(ExitCode::from(1));
        }
    };
    let engine = search::engine(&graph, stemming).context(Msg::SearchIndexFailed.message())?;
    query(&engine, args, lang)
}

fn query<F: IndexFiles>(
    engine: &Engine<F>,
    args: &SearchArgs,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let mut only = Vec::new();
    if let Some(kind) = &args.kind {
        // Kinds are typed in any case ("bevinding", "Bevinding").
        let known = engine.facet_values("kind")?;
        let Some((value, _)) = known.iter().find(|(k, _)| k.eq_ignore_ascii_case(kind)) else {
            let kinds: Vec<&str> = known.iter().map(|(k, _)| k.as_str()).collect();
            anyhow::bail!(
                Msg::SearchUnknownKind
                    .with("kind", kind)
                    .with("kinds", kinds.join(", "))
            );
        };
        only.push(engine.facet("kind", value)?);
    }
    if let Some(effect) = &args.effect {
        if !engine
            .facet_values("effect")?
            .iter()
            .any(|(k, _)| k == effect)
        {
            anyhow::bail!(Msg::SearchUnknownEffect.with("effect", effect));
        }
        only.push(engine.facet("effect", effect)?);
    }
    let typing = !args.query.ends_with(char::is_whitespace);
    let results = engine
        .search(&args.query, typing)
        .context(Msg::SearchIndexQuery.message())?;
    let hits: Vec<_> = results
        .hits
        .iter()
        .filter(|h| only.iter().all(|units| units.contains(&h.unit)))
        .take(args.limit)
        .collect();
    for hit in &hits {
        let doc = engine.doc(hit.unit)?;
        if args.json {
            println!(
                "{}",
                serde_json::json!({
                    "url": doc.0,
                    "title": doc.1,
                    "kind": doc.2,
                    "score": hit.score,
                    "matched": hit.matched,
                })
            );
        } else {
            println!("{:>6}  {:<17} {}  {}", hit.score, doc.2, doc.1, doc.0);
        }
    }
    if !args.json {
        let summary = Msg::SearchResults
            .with("count", hits.len())
            .with("stemmer", engine.manifest.stemmer.as_str());
        eprintln!("{}", summary.text(lang));
    }
    Ok(ExitCode::SUCCESS)
}
