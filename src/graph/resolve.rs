//! Building the graph: check every reference, then index it both ways.
//!
//! Each check records a diagnostic and carries on, so one run reports every broken reference.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::links::{self, RefKind};
use super::{FindingRef, KnowledgeGraph, PageRef, QuoteRef};
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile, suggest};
use crate::load::Loaded;
use crate::load::yaml::Step;
use crate::model::{Doc, Documents, Meta};

/// What to include in the graph.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Include articles marked `draft: true`.
    pub drafts: bool,
}

/// Resolves loaded documents into a graph. Returns `None` when there is no usable configuration;
/// problems are appended to `diagnostics` either way.
pub fn resolve(
    loaded: Loaded,
    options: Options,
    diagnostics: &mut Diagnostics,
) -> Option<KnowledgeGraph> {
    let Loaded {
        config,
        config_file,
        documents,
        diagnostics: load_diagnostics,
    } = loaded;
    diagnostics.extend(load_diagnostics);
    let config = config?;
    // The tree places problems in site.yaml; it parsed once already, so this cannot fail.
    let config_file = config_file.and_then(|file| {
        let tree = crate::load::yaml::parse(&file, &file.text, 0).ok()?;
        Some((file, tree))
    });
    if let Some((file, tree)) = &config_file {
        check_config(&config, file, tree, diagnostics);
    }
    let mut resolver = Resolver::new(config, documents, options, diagnostics);
    resolver.config_file = config_file;
    Some(resolver.run())
}

fn check_config(
    config: &SiteConfig,
    file: &SourceFile,
    tree: &crate::load::yaml::Node,
    diagnostics: &mut Diagnostics,
) {
    let span = |path: &[Step<'_>]| tree.span_at(path);
    let lists: [(&str, Vec<&str>); 5] = [
        (
            "categories",
            config.categories.iter().map(|c| c.key.as_str()).collect(),
        ),
        (
            "levels",
            config.levels.iter().map(|c| c.key.as_str()).collect(),
        ),
        (
            "source_kinds",
            config.source_kinds.iter().map(|c| c.key.as_str()).collect(),
        ),
        (
            "sectors",
            config.sectors.iter().map(|c| c.key.as_str()).collect(),
        ),
        ("tags", config.tags.iter().map(|c| c.key.as_str()).collect()),
    ];
    for (list, keys) in lists {
        let mut seen = HashSet::new();
        for (i, key) in keys.iter().enumerate() {
            if !seen.insert(*key) {
                diagnostics.push(
                    Diagnostic::error("duplicate-id", format!("`{key}` appears twice in `{list}`"))
                        .at(
                            file,
                            span(&[Step::Key(list), Step::Index(i), Step::Key("key")]),
                        )
                        .help("give every entry its own key"),
                );
            }
        }
    }
    if config.categories.is_empty() {
        diagnostics.push(
            Diagnostic::error("no-categories", "site.yaml defines no effect categories")
                .at(file, span(&[]))
                .help("add `categories:` with primair, secundair and tertiair"),
        );
    }
    let mut numbers = HashSet::new();
    for (i, level) in config.levels.iter().enumerate() {
        if !numbers.insert(level.number) {
            diagnostics.push(
                Diagnostic::error("duplicate-id", format!("two levels have number {}", level.number))
                    .at(file, span(&[Step::Key("levels"), Step::Index(i), Step::Key("number")]))
                    .help("each level needs its own number: rows 1.x belong to level 1, rows 2.x to level 2"),
            );
        }
    }
}

struct Resolver<'d> {
    config: SiteConfig,
    docs: Documents,
    diagnostics: &'d mut Diagnostics,
    lookup: HashMap<(RefKind, String), PageRef>,
    /// Keys of drafts left out, so a reference to one gets a precise hint.
    drafts: HashSet<String>,
    backlinks: HashMap<PageRef, BTreeSet<PageRef>>,
    used_tags: HashSet<String>,
    /// site.yaml and its tree, to place problems with the configuration.
    config_file: Option<(SourceFile, crate::load::yaml::Node)>,
}

impl<'d> Resolver<'d> {
    fn new(
        config: SiteConfig,
        mut docs: Documents,
        options: Options,
        diagnostics: &'d mut Diagnostics,
    ) -> Self {
        let mut drafts = HashSet::new();
        if !options.drafts {
            docs.articles.retain(|a| {
                if a.data.draft {
                    drafts.insert(a.key.clone());
                }
                !a.data.draft
            });
        }
        sort_documents(&config, &mut docs);
        Resolver {
            config,
            docs,
            diagnostics,
            lookup: HashMap::new(),
            drafts,
            backlinks: HashMap::new(),
            used_tags: HashSet::new(),
            config_file: None,
        }
    }

    fn run(mut self) -> KnowledgeGraph {
        self.register_keys();
        let d = &self.docs;
        let (ne, nr, ns, na) = (
            d.effects.len(),
            d.rows.len(),
            d.sources.len(),
            d.articles.len(),
        );

        let mut effect_findings = vec![Vec::new(); ne];
        let mut row_findings = vec![Vec::new(); nr];
        let mut effect_sources = vec![BTreeSet::new(); ne];
        let mut row_sources = vec![BTreeSet::new(); nr];
        let mut source_effects = vec![BTreeSet::new(); ns];
        let mut source_rows = vec![BTreeSet::new(); ns];
        let mut source_co_findings = vec![Vec::new(); ns];
        let mut source_quotes = vec![Vec::new(); ns];
        let mut effect_rows = vec![BTreeSet::new(); ne];
        let mut row_effects = vec![BTreeSet::new(); nr];
        let mut effect_articles = vec![BTreeSet::new(); ne];
        let mut row_articles = vec![BTreeSet::new(); nr];
        let mut source_articles = vec![BTreeSet::new(); ns];
        let mut finding_anchors = Vec::with_capacity(ns);

        self.check_effects();

        #[allow(clippy::needless_range_loop)] // `r` indexes several parallel vectors
        for r in 0..nr {
            self.check_row(r);
            let meta = self.docs.rows[r].meta.clone();
            let row = self.docs.rows[r].data.clone();
            for (i, key) in row.effects.iter().enumerate() {
                let path = [Step::Key("effects"), Step::Index(i)];
                if let Some(e) = self.reference(RefKind::Effect, key, &meta, &path, PageRef::Row(r))
                {
                    row_effects[r].insert(e);
                    effect_rows[e].insert(r);
                }
            }
            self.tags(&row.tags, &meta, PageRef::Row(r));
            for (q, quote) in row.quotes.iter().enumerate() {
                if let Some(key) = &quote.source {
                    let path = [Step::Key("quotes"), Step::Index(q), Step::Key("source")];
                    if let Some(s) =
                        self.reference(RefKind::Source, key, &meta, &path, PageRef::Row(r))
                    {
                        source_quotes[s].push(QuoteRef { row: r, quote: q });
                    }
                }
            }
        }

        for s in 0..ns {
            let meta = self.docs.sources[s].meta.clone();
            let source = self.docs.sources[s].data.clone();
            self.vocabulary_value("kind", &source.kind, &meta, "source kinds", |c| {
                c.source_kinds.iter().map(|k| k.key.clone()).collect()
            });
            self.tags(&source.tags, &meta, PageRef::Source(s));
            for (i, key) in source.effects.iter().enumerate() {
                if let Some(e) = self.reference(
                    RefKind::Effect,
                    key,
                    &meta,
                    &[Step::Key("effects"), Step::Index(i)],
                    PageRef::Source(s),
                ) {
                    source_effects[s].insert(e);
                    effect_sources[e].insert(s);
                }
            }
            for (i, key) in source.rows.iter().enumerate() {
                if let Some(r) = self.reference(
                    RefKind::Row,
                    key,
                    &meta,
                    &[Step::Key("rows"), Step::Index(i)],
                    PageRef::Source(s),
                ) {
                    source_rows[s].insert(r);
                    row_sources[r].insert(s);
                }
            }
            let mut anchors = Vec::new();
            let mut seen_ids = HashSet::new();
            for (f, finding) in source.findings.iter().enumerate() {
                let here = FindingRef {
                    source: s,
                    finding: f,
                };
                let fpath = |rest: &[Step<'static>]| {
                    let mut p = vec![Step::Key("findings"), Step::Index(f)];
                    p.extend_from_slice(rest);
                    p
                };
                let anchor = match &finding.id {
                    Some(id) => {
                        if !crate::load::is_valid_key(id) {
                            self.error_at(
                                &meta,
                                &fpath(&[Step::Key("id")]),
                                "bad-id",
                                format!("the finding id `{id}` is not a valid anchor"),
                                "use lowercase letters, digits and hyphens",
                            );
                        }
                        format!("bevinding-{id}")
                    }
                    None => format!("bevinding-{}", f + 1),
                };
                if !seen_ids.insert(anchor.clone()) {
                    self.error_at(
                        &meta,
                        &fpath(&[Step::Key("id")]),
                        "duplicate-id",
                        format!("two findings of this source have the anchor `{anchor}`"),
                        "give each finding its own `id`",
                    );
                }
                anchors.push(anchor);
                // Until the pages show them apart (the Platform's own links first), links the
                // editors added count like the Platform's.
                let effects = [
                    ("effects", &finding.effects),
                    ("added_effects", &finding.added_effects),
                ];
                for (field, i, key) in effects.into_iter().flat_map(|(field, keys)| {
                    keys.iter().enumerate().map(move |(i, k)| (field, i, k))
                }) {
                    if let Some(e) = self.reference(
                        RefKind::Effect,
                        key,
                        &meta,
                        &fpath(&[Step::Key(field), Step::Index(i)]),
                        PageRef::Source(s),
                    ) {
                        effect_findings[e].push(here);
                        effect_sources[e].insert(s);
                        source_effects[s].insert(e);
                    }
                }
                let rows = [("rows", &finding.rows), ("added_rows", &finding.added_rows)];
                for (field, i, key) in rows.into_iter().flat_map(|(field, keys)| {
                    keys.iter().enumerate().map(move |(i, k)| (field, i, k))
                }) {
                    if let Some(r) = self.reference(
                        RefKind::Row,
                        key,
                        &meta,
                        &fpath(&[Step::Key(field), Step::Index(i)]),
                        PageRef::Source(s),
                    ) {
                        row_findings[r].push(here);
                        row_sources[r].insert(s);
                        source_rows[s].insert(r);
                    }
                }
                for (i, key) in finding.co_sources.iter().enumerate() {
                    let path = fpath(&[Step::Key("co_sources"), Step::Index(i)]);
                    if let Some(other) =
                        self.reference(RefKind::Source, key, &meta, &path, PageRef::Source(s))
                    {
                        source_co_findings[other].push(here);
                    }
                }
            }
            finding_anchors.push(anchors);
        }

        let (article_parent, article_children) = self.article_tree();
        let mut sector_articles: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for a in 0..na {
            let meta = self.docs.articles[a].meta.clone();
            let article = self.docs.articles[a].data.clone();
            let me = PageRef::Article(a);
            if !is_valid_date(&article.date.0) {
                self.error_at(
                    &meta,
                    &[Step::Key("date")],
                    "bad-date",
                    format!("`{}` is not a date", article.date.0),
                    "write JJJJ-MM-DD, JJJJ-MM or JJJJ, e.g. `2018-01-15`, `2018-01` or `2018`",
                );
            }
            self.tags(&article.tags, &meta, me);
            for (i, key) in article.sectors.iter().enumerate() {
                let known: Vec<String> =
                    self.config.sectors.iter().map(|s| s.key.clone()).collect();
                if known.contains(key) {
                    sector_articles.entry(key.clone()).or_default().push(a);
                } else {
                    self.unknown(
                        &meta,
                        &[Step::Key("sectors"), Step::Index(i)],
                        "unknown-sector",
                        "sector",
                        key,
                        known.iter().map(String::as_str).collect(),
                    );
                }
            }
            for (i, key) in article.effects.iter().enumerate() {
                if let Some(e) = self.reference(
                    RefKind::Effect,
                    key,
                    &meta,
                    &[Step::Key("effects"), Step::Index(i)],
                    me,
                ) {
                    effect_articles[e].insert(a);
                }
            }
            for (i, key) in article.rows.iter().enumerate() {
                if let Some(r) = self.reference(
                    RefKind::Row,
                    key,
                    &meta,
                    &[Step::Key("rows"), Step::Index(i)],
                    me,
                ) {
                    row_articles[r].insert(a);
                }
            }
            for (i, key) in article.sources.iter().enumerate() {
                if let Some(s) = self.reference(
                    RefKind::Source,
                    key,
                    &meta,
                    &[Step::Key("sources"), Step::Index(i)],
                    me,
                ) {
                    source_articles[s].insert(a);
                }
            }
        }

        for t in 0..self.docs.terms.len() {
            let meta = self.docs.terms[t].meta.clone();
            let tags = self.docs.terms[t].data.tags.clone();
            self.tags(&tags, &meta, PageRef::Term(t));
        }

        self.check_bodies();
        self.warnings(
            &effect_findings,
            &source_effects,
            &source_rows,
            &source_articles,
        );

        let to_vec = |sets: Vec<BTreeSet<usize>>| {
            sets.into_iter().map(|s| s.into_iter().collect()).collect()
        };
        let mut tag_pages: BTreeMap<String, Vec<PageRef>> = BTreeMap::new();
        self.collect_tags(&mut tag_pages);

        KnowledgeGraph {
            config: self.config,
            effects: self.docs.effects,
            rows: self.docs.rows,
            sources: self.docs.sources,
            articles: self.docs.articles,
            terms: self.docs.terms,
            pages: self.docs.pages,
            finding_anchors,
            effect_findings,
            effect_sources: to_vec(effect_sources),
            effect_rows: to_vec(effect_rows),
            effect_articles: to_vec(effect_articles),
            row_findings,
            row_sources: to_vec(row_sources),
            row_effects: to_vec(row_effects),
            row_articles: to_vec(row_articles),
            source_effects: to_vec(source_effects),
            source_rows: to_vec(source_rows),
            source_articles: to_vec(source_articles),
            source_co_findings,
            source_quotes,
            article_parent,
            article_children,
            tag_pages,
            sector_articles,
            backlinks: self.backlinks,
            lookup: self.lookup,
        }
    }

    /// Registers every page's key, reporting the same key or id in two files.
    fn register_keys(&mut self) {
        fn add<T>(
            lookup: &mut HashMap<(RefKind, String), PageRef>,
            diagnostics: &mut Diagnostics,
            docs: &[Doc<T>],
            kind: RefKind,
            page: fn(usize) -> PageRef,
            key_of: fn(&Doc<T>) -> String,
            id_path: &[Step<'_>],
        ) {
            let mut first_file: HashMap<String, &Meta> = HashMap::new();
            for (i, doc) in docs.iter().enumerate() {
                let key = key_of(doc);
                if let Some(first) = first_file.get(&key) {
                    diagnostics.push(
                        Diagnostic::error("duplicate-id", format!("`{key}` is used by two files"))
                            .at(&doc.meta.file, doc.meta.span(id_path))
                            .label("used again here")
                            .help(format!(
                                "`{}` has it too; keys must be unique",
                                first.file.path.display()
                            )),
                    );
                    continue;
                }
                first_file.insert(key.clone(), &doc.meta);
                lookup.insert((kind, key), page(i));
            }
        }
        let d = &self.docs;
        let l = &mut self.lookup;
        let diag = &mut *self.diagnostics;
        add(
            l,
            diag,
            &d.effects,
            RefKind::Effect,
            PageRef::Effect,
            |x| x.key.clone(),
            &[],
        );
        add(
            l,
            diag,
            &d.rows,
            RefKind::Row,
            PageRef::Row,
            |x| x.data.id.clone(),
            &[Step::Key("id")],
        );
        add(
            l,
            diag,
            &d.sources,
            RefKind::Source,
            PageRef::Source,
            |x| x.key.clone(),
            &[],
        );
        add(
            l,
            diag,
            &d.articles,
            RefKind::Article,
            PageRef::Article,
            |x| x.key.clone(),
            &[],
        );
        add(
            l,
            diag,
            &d.terms,
            RefKind::Term,
            PageRef::Term,
            |x| x.key.clone(),
            &[],
        );
        add(
            l,
            diag,
            &d.pages,
            RefKind::Page,
            PageRef::Page,
            |x| x.key.clone(),
            &[],
        );
    }

    fn check_effects(&mut self) {
        let categories: Vec<String> = self
            .config
            .categories
            .iter()
            .map(|c| c.key.clone())
            .collect();
        let mut orders: HashMap<(String, i64), String> = HashMap::new();
        for e in 0..self.docs.effects.len() {
            let meta = self.docs.effects[e].meta.clone();
            let data = self.docs.effects[e].data.clone();
            if !categories.contains(&data.category) {
                self.unknown(
                    &meta,
                    &[Step::Key("category")],
                    "unknown-category",
                    "category",
                    &data.category,
                    categories.iter().map(String::as_str).collect(),
                );
            }
            if let Some(other) = orders.insert(
                (data.category.clone(), data.order),
                self.docs.effects[e].key.clone(),
            ) {
                self.diagnostics.push(
                    Diagnostic::warning("duplicate-order", format!("effect `{other}` has the same order {} in `{}`", data.order, data.category))
                        .at(&meta.file, meta.span(&[Step::Key("order")]))
                        .help("give each effect in a category its own `order` so the schema has a fixed sequence"),
                );
            }
            self.tags(&data.tags, &meta, PageRef::Effect(e));
        }
    }

    fn check_row(&mut self, r: usize) {
        let meta = self.docs.rows[r].meta.clone();
        let data = &self.docs.rows[r].data;
        let (id, level) = (data.id.clone(), data.level.clone());
        let levels: Vec<(String, u32)> = self
            .config
            .levels
            .iter()
            .map(|l| (l.key.clone(), l.number))
            .collect();
        let id_number = id.split_once('.').and_then(|(a, b)| {
            (b.parse::<u32>().is_ok()).then_some(())?;
            a.parse::<u32>().ok()
        });
        match id_number {
            None => self.error_at(
                &meta,
                &[Step::Key("id")],
                "bad-id",
                format!("`{id}` is not a row id"),
                "row ids are a level number, a dot and a row number in quotes, e.g. `\"1.1\"`",
            ),
            Some(n) => match levels.iter().find(|(k, _)| *k == level) {
                Some((_, number)) if *number != n => self.error_at(
                    &meta,
                    &[Step::Key("level")],
                    "level-mismatch",
                    format!("row {id} is at level {level}, which has number {number}"),
                    format!(
                        "rows {n}.x belong to the level with number {n}; fix the id or the level"
                    ),
                ),
                _ => {}
            },
        }
        if !levels.iter().any(|(k, _)| *k == level) {
            self.unknown(
                &meta,
                &[Step::Key("level")],
                "unknown-level",
                "level",
                &level,
                levels.iter().map(|(k, _)| k.as_str()).collect(),
            );
        }
    }

    /// Parent/child links between articles; cycles and unknown parents are errors.
    fn article_tree(&mut self) -> (Vec<Option<usize>>, Vec<Vec<usize>>) {
        let n = self.docs.articles.len();
        let mut parent = vec![None; n];
        let mut children = vec![Vec::new(); n];
        for (a, slot) in parent.iter_mut().enumerate() {
            let meta = self.docs.articles[a].meta.clone();
            let Some(key) = self.docs.articles[a].data.parent.clone() else {
                continue;
            };
            *slot = self.reference(
                RefKind::Article,
                &key,
                &meta,
                &[Step::Key("parent")],
                PageRef::Article(a),
            );
        }
        for a in 0..n {
            let mut seen = HashSet::from([a]);
            let mut at = parent[a];
            while let Some(p) = at {
                if !seen.insert(p) {
                    let meta = self.docs.articles[a].meta.clone();
                    self.error_at(
                        &meta,
                        &[Step::Key("parent")],
                        "parent-cycle",
                        "this article is its own ancestor through `parent`".to_string(),
                        "a chain of `parent` links must end at an article without a parent",
                    );
                    parent[a] = None;
                    break;
                }
                at = parent[p];
            }
        }
        for (a, p) in parent.iter().enumerate() {
            if let Some(p) = *p {
                children[p].push(a);
            }
        }
        for list in &mut children {
            let articles = &self.docs.articles;
            list.sort_by(|&x, &y| {
                let (x, y) = (&articles[x].data, &articles[y].data);
                (x.order, &x.title).cmp(&(y.order, &y.title))
            });
        }
        (parent, children)
    }

    fn check_bodies(&mut self) {
        let mut bodies: Vec<(PageRef, Meta)> = Vec::new();
        let d = &self.docs;
        bodies.extend(
            d.effects
                .iter()
                .enumerate()
                .map(|(i, x)| (PageRef::Effect(i), x.meta.clone())),
        );
        bodies.extend(
            d.rows
                .iter()
                .enumerate()
                .map(|(i, x)| (PageRef::Row(i), x.meta.clone())),
        );
        bodies.extend(
            d.sources
                .iter()
                .enumerate()
                .map(|(i, x)| (PageRef::Source(i), x.meta.clone())),
        );
        bodies.extend(
            d.articles
                .iter()
                .enumerate()
                .map(|(i, x)| (PageRef::Article(i), x.meta.clone())),
        );
        bodies.extend(
            d.terms
                .iter()
                .enumerate()
                .map(|(i, x)| (PageRef::Term(i), x.meta.clone())),
        );
        bodies.extend(
            d.pages
                .iter()
                .enumerate()
                .map(|(i, x)| (PageRef::Page(i), x.meta.clone())),
        );
        for (from, meta) in bodies {
            for reference in links::references(&meta.body) {
                let span = crate::diagnostics::Span::new(
                    meta.body_offset + reference.range.start,
                    reference.range.len(),
                );
                let Some(kind) = reference.kind else {
                    let words: Vec<&str> = RefKind::ALL.iter().map(|(_, w)| *w).collect();
                    self.diagnostics.push(
                        Diagnostic::error(
                            "unknown-reference-kind",
                            format!("`{}` is not a kind of reference", reference.kind_word),
                        )
                        .at(&meta.file, span)
                        .help_opt(suggest(
                            reference.kind_word,
                            words.iter().copied(),
                            "kinds",
                        )),
                    );
                    continue;
                };
                match self.lookup.get(&(kind, reference.key.to_string())) {
                    Some(&to) => self.link(from, to),
                    None => {
                        let d = self.missing(kind, reference.key).at(&meta.file, span);
                        self.diagnostics.push(d);
                    }
                }
            }
        }
    }

    fn warnings(
        &mut self,
        effect_findings: &[Vec<FindingRef>],
        source_effects: &[BTreeSet<usize>],
        source_rows: &[BTreeSet<usize>],
        source_articles: &[BTreeSet<usize>],
    ) {
        for (e, findings) in effect_findings.iter().enumerate() {
            if findings.is_empty() {
                let meta = &self.docs.effects[e].meta;
                self.diagnostics.push(
                    Diagnostic::warning("effect-without-evidence", format!("effect `{}` has no findings", self.docs.effects[e].key))
                        .at(&meta.file, meta.span(&[Step::Key("title")]))
                        .help("tag a finding in a source with this effect, or say on the page that evidence is missing"),
                );
            }
        }
        for s in 0..self.docs.sources.len() {
            let linked = self
                .backlinks
                .get(&PageRef::Source(s))
                .is_some_and(|b| !b.is_empty());
            if source_effects[s].is_empty()
                && source_rows[s].is_empty()
                && source_articles[s].is_empty()
                && !linked
            {
                let meta = &self.docs.sources[s].meta;
                self.diagnostics.push(
                    Diagnostic::warning("orphan-source", format!("source `{}` is not connected to anything", self.docs.sources[s].key))
                        .at(&meta.file, meta.span(&[Step::Key("label")]))
                        .help("tag one of its findings with an effect or row, list it in an article's `sources`, or link it with [[bron:…]]"),
                );
            }
        }
        for (i, tag) in self.config.tags.iter().enumerate() {
            if !self.used_tags.contains(&tag.key) {
                let mut warning = Diagnostic::warning(
                    "unused-tag",
                    format!("tag `{}` is defined in site.yaml but used nowhere", tag.key),
                )
                .help("use it in some `tags:` list, or remove it from site.yaml");
                if let Some((file, tree)) = &self.config_file {
                    warning = warning.at(
                        file,
                        tree.span_at(&[Step::Key("tags"), Step::Index(i), Step::Key("key")]),
                    );
                }
                self.diagnostics.push(warning);
            }
        }
    }

    fn collect_tags(&self, tag_pages: &mut BTreeMap<String, Vec<PageRef>>) {
        let d = &self.docs;
        let mut add = |page: PageRef, tags: &[String]| {
            for tag in tags {
                if self.config.tags.iter().any(|t| &t.key == tag) {
                    tag_pages.entry(tag.clone()).or_default().push(page);
                }
            }
        };
        d.effects
            .iter()
            .enumerate()
            .for_each(|(i, x)| add(PageRef::Effect(i), &x.data.tags));
        d.rows
            .iter()
            .enumerate()
            .for_each(|(i, x)| add(PageRef::Row(i), &x.data.tags));
        d.sources
            .iter()
            .enumerate()
            .for_each(|(i, x)| add(PageRef::Source(i), &x.data.tags));
        d.articles
            .iter()
            .enumerate()
            .for_each(|(i, x)| add(PageRef::Article(i), &x.data.tags));
        d.terms
            .iter()
            .enumerate()
            .for_each(|(i, x)| add(PageRef::Term(i), &x.data.tags));
    }

    // --- reference helpers -------------------------------------------------------------------

    fn link(&mut self, from: PageRef, to: PageRef) {
        if from != to {
            self.backlinks.entry(to).or_default().insert(from);
        }
    }

    /// Checks a front-matter reference and records it as a link from `from`.
    fn reference(
        &mut self,
        kind: RefKind,
        key: &str,
        meta: &Meta,
        path: &[Step<'_>],
        from: PageRef,
    ) -> Option<usize> {
        match self.lookup.get(&(kind, key.to_string())).copied() {
            Some(to) => {
                self.link(from, to);
                Some(match to {
                    PageRef::Effect(i)
                    | PageRef::Row(i)
                    | PageRef::Source(i)
                    | PageRef::Article(i)
                    | PageRef::Term(i)
                    | PageRef::Page(i) => i,
                })
            }
            None => {
                let d = self.missing(kind, key).at(&meta.file, meta.span(path));
                self.diagnostics.push(d);
                None
            }
        }
    }

    /// The diagnostic for a reference to something that does not exist, with the closest key.
    fn missing(&self, kind: RefKind, key: &str) -> Diagnostic {
        let (code, what) = match kind {
            RefKind::Source => ("unknown-source", "source"),
            RefKind::Effect => ("unknown-effect", "effect"),
            RefKind::Row => ("unknown-row", "value row"),
            RefKind::Article => ("unknown-article", "article"),
            RefKind::Term => ("unknown-term", "glossary term"),
            RefKind::Page => ("unknown-page", "page"),
        };
        let candidates: Vec<&str> = self
            .lookup
            .keys()
            .filter(|(k, _)| *k == kind)
            .map(|(_, key)| key.as_str())
            .collect();
        let help = if kind == RefKind::Article && self.drafts.contains(key) {
            Some(
                "that article is a draft: publish it (`draft: false`) or build with --drafts"
                    .to_string(),
            )
        } else {
            let mut sorted = candidates.clone();
            sorted.sort_unstable();
            suggest(key, sorted, &format!("{what} keys")).map(|h| match kind {
                RefKind::Source => format!("{h} (sources are the file names in content/bronnen/)"),
                _ => h,
            })
        };
        Diagnostic::error(code, format!("no {what} has the key `{key}`"))
            .label(format!("unknown {what}"))
            .help_opt(help)
    }

    fn unknown(
        &mut self,
        meta: &Meta,
        path: &[Step<'_>],
        code: &'static str,
        what: &str,
        value: &str,
        allowed: Vec<&str>,
    ) {
        self.diagnostics.push(
            Diagnostic::error(code, format!("unknown {what} `{value}`"))
                .at(&meta.file, meta.span(path))
                .label(format!("not a {what} in site.yaml"))
                .help_opt(suggest(value, allowed, &format!("{what} keys"))),
        );
    }

    fn vocabulary_value(
        &mut self,
        field: &'static str,
        value: &str,
        meta: &Meta,
        what: &str,
        keys: fn(&SiteConfig) -> Vec<String>,
    ) {
        let allowed = keys(&self.config);
        if !allowed.iter().any(|k| k == value) {
            let what = what.trim_end_matches('s').to_string();
            self.unknown(
                meta,
                &[Step::Key(field)],
                "unknown-kind",
                &what,
                value,
                allowed.iter().map(String::as_str).collect(),
            );
        }
    }

    fn tags(&mut self, tags: &[String], meta: &Meta, _page: PageRef) {
        for (i, tag) in tags.iter().enumerate() {
            // Checked against the config in place: copying every tag key for every record
            // grew as pages × tags.
            if self.config.tags.iter().any(|t| &t.key == tag) {
                if !self.used_tags.contains(tag) {
                    self.used_tags.insert(tag.clone());
                }
            } else {
                let known: Vec<String> = self.config.tags.iter().map(|t| t.key.clone()).collect();
                self.diagnostics.push(
                    Diagnostic::error("unknown-tag", format!("unknown tag `{tag}`"))
                        .at(&meta.file, meta.span(&[Step::Key("tags"), Step::Index(i)]))
                        .label("not in the tags of site.yaml")
                        .help(match suggest(tag, known.iter().map(String::as_str), "tags") {
                            Some(h) if h.starts_with("did you") => h,
                            _ => "add it to `tags:` in content/site.yaml first, with a Dutch label".into(),
                        }),
                );
            }
        }
    }

    fn error_at(
        &mut self,
        meta: &Meta,
        path: &[Step<'_>],
        code: &'static str,
        message: String,
        help: impl Into<String>,
    ) {
        self.diagnostics.push(
            Diagnostic::error(code, message)
                .at(&meta.file, meta.span(path))
                .help(help),
        );
    }
}

/// `JJJJ`, `JJJJ-MM` or `JJJJ-MM-DD`, with a real month and day.
pub fn is_valid_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let numbers: Option<Vec<u32>> = parts.iter().map(|p| p.parse().ok()).collect();
    let Some(numbers) = numbers else { return false };
    match (parts.as_slice(), numbers.as_slice()) {
        ([y], [_]) => y.len() == 4,
        ([y, m], [_, month]) => y.len() == 4 && m.len() == 2 && (1..=12).contains(month),
        ([y, m, d], [year, month, day]) => {
            y.len() == 4
                && m.len() == 2
                && d.len() == 2
                && time::Month::try_from(*month as u8)
                    .ok()
                    .and_then(|m| time::Date::from_calendar_date(*year as i32, m, *day as u8).ok())
                    .is_some()
        }
        _ => false,
    }
}

/// Puts records in the order visitors see them, so indexes into the vectors are stable.
fn sort_documents(config: &SiteConfig, docs: &mut Documents) {
    let category_rank = |key: &str| {
        config
            .categories
            .iter()
            .position(|c| c.key == key)
            .unwrap_or(usize::MAX)
    };
    docs.effects.sort_by(|a, b| {
        (category_rank(&a.data.category), a.data.order, &a.key).cmp(&(
            category_rank(&b.data.category),
            b.data.order,
            &b.key,
        ))
    });
    docs.rows.sort_by(|a, b| {
        row_order(&a.data.id)
            .cmp(&row_order(&b.data.id))
            .then(a.key.cmp(&b.key))
    });
    docs.sources.sort_by(|a, b| {
        (a.data.label.to_lowercase(), a.data.year, &a.key).cmp(&(
            b.data.label.to_lowercase(),
            b.data.year,
            &b.key,
        ))
    });
    docs.articles.sort_by(|a, b| {
        b.data
            .date
            .cmp(&a.data.date)
            .then(a.data.title.cmp(&b.data.title))
    });
    docs.terms.sort_by(|a, b| {
        a.data
            .title
            .to_lowercase()
            .cmp(&b.data.title.to_lowercase())
    });
    docs.pages.sort_by(|a, b| a.key.cmp(&b.key));
}

fn row_order(id: &str) -> (u32, u32) {
    let (a, b) = id.split_once('.').unwrap_or((id, "0"));
    (a.parse().unwrap_or(u32::MAX), b.parse().unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_of_every_precision() {
        for ok in ["2018", "2018-01", "2018-01-15", "2024-02-29"] {
            assert!(is_valid_date(ok), "{ok}");
        }
        for bad in [
            "18",
            "2018-1",
            "2018-13",
            "2023-02-29",
            "januari 2018",
            "2018-01-15T00",
        ] {
            assert!(!is_valid_date(bad), "{bad}");
        }
    }
}
