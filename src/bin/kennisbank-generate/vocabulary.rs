//! What a generated site shares with the project it is generated from: site.yaml's vocabularies
//! (categories, levels, source kinds, kinds of evidence, sectors, tags) and the keys and titles of
//! its effects, value rows and pages, read through the library's own loader, so the generator
//! keeps no copy of them.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result, bail};
use kennisbank::config::SiteConfig;
use kennisbank::model::{Effect, Page, ValueRow};

pub struct Vocabulary {
    pub config: SiteConfig,
    pub effects: Vec<Effect>,
    pub rows: Vec<ValueRow>,
    pub pages: Vec<Page>,
}

impl Vocabulary {
    /// Loads `root/content` (which must check without errors) and keeps what a generated site
    /// needs, in a fixed order.
    pub fn read(root: &Path) -> Result<Vocabulary> {
        let content = root.join("content");
        let loaded = kennisbank::load::load(root, &content);
        if loaded.diagnostics.has_errors() {
            bail!(
                "{} has errors; `kennisbank check --root {}` shows them",
                content.display(),
                root.display()
            );
        }
        let config = loaded
            .config
            .with_context(|| format!("no site.yaml in {}", content.display()))?
            .config;
        let docs = loaded.records;
        let category = |key: &str| config.categories.iter().position(|c| c.key == key);
        let mut effects: Vec<Effect> = docs.effects.into_iter().collect();
        effects.sort_by_key(|e| (category(&e.data.category), e.data.order, e.key.clone()));
        let mut rows: Vec<ValueRow> = docs.rows.into_iter().collect();
        rows.sort_by(|a, b| a.data.id.cmp(&b.data.id));
        let mut pages: Vec<Page> = docs.pages.into_iter().collect();
        pages.sort_by(|a, b| a.key.cmp(&b.key));
        if effects.is_empty() || rows.is_empty() || config.tags.is_empty() {
            bail!(
                "{} needs effects, value rows and tags to generate from",
                content.display()
            );
        }
        Ok(Vocabulary {
            config,
            effects,
            rows,
            pages,
        })
    }

    /// The generated site.yaml: the project's, with `tags` extended by `extra_tags` (key, label).
    pub fn site_yaml(&self, extra_tags: &[(String, String)]) -> String {
        let c = &self.config;
        let q = |s: &str| serde_json::to_string(s).expect("a string serialises");
        let mut out =
            String::from("# Synthetic site for benchmarks, written by kennisbank-generate.\n");
        let _ = writeln!(out, "title: {}", q(&c.title));
        if let Some(d) = &c.description {
            let _ = writeln!(out, "description: {}", q(d));
        }
        let _ = writeln!(
            out,
            "base_url: /\nlanguage: {}\ntheme: {}",
            q(&c.language),
            q(&c.theme)
        );
        // Each list as flow maps of (field, already quoted value), optional fields left out.
        type Item = Vec<(&'static str, Option<String>)>;
        let pair = |key: &str, label: &str| vec![("key", Some(q(key))), ("label", Some(q(label)))];
        let categories: Vec<Item> = c
            .categories
            .iter()
            .map(|k| {
                let mut item = pair(&k.key, &k.label);
                item.push(("column_title", Some(q(&k.column_title))));
                item.push(("description", k.description.as_deref().map(q)));
                item
            })
            .collect();
        let levels = c.levels.iter().map(|l| {
            let mut item = pair(&l.key, &l.label);
            item.push(("number", Some(l.number.to_string())));
            item.push(("description", l.description.as_deref().map(q)));
            item
        });
        let evidence = c.evidence_kinds.iter().map(|e| {
            let mut item = pair(&e.key, &e.label);
            item.push(("definition", Some(q(&e.definition))));
            item
        });
        let tags = (c.tags.iter().map(|t| pair(&t.key, &t.label)))
            .chain(extra_tags.iter().map(|(k, l)| pair(k, l)));
        let lists: [(&str, Vec<Item>); 6] = [
            ("categories", categories),
            ("levels", levels.collect()),
            (
                "source_kinds",
                c.source_kinds
                    .iter()
                    .map(|k| pair(&k.key, &k.label))
                    .collect(),
            ),
            ("evidence_kinds", evidence.collect()),
            (
                "sectors",
                c.sectors.iter().map(|k| pair(&k.key, &k.label)).collect(),
            ),
            ("tags", tags.collect()),
        ];
        for (name, items) in lists.iter().filter(|(_, items)| !items.is_empty()) {
            let _ = writeln!(out, "{name}:");
            for item in items {
                let fields: Vec<String> = item
                    .iter()
                    .filter_map(|(field, value)| Some(format!("{field}: {}", value.as_ref()?)))
                    .collect();
                let _ = writeln!(out, "  - {{ {} }}", fields.join(", "));
            }
        }
        out
    }
}
