//! Which pages the site has, which template renders each, and what that template sees.

use serde::Serialize;
use tera::Context;

mod bibliography;

use super::RenderOptions;
use super::view::{self, Link};
use crate::graph::{KnowledgeGraph, PageRef};
use crate::model::Kind;

/// One page to render.
#[derive(Debug)]
pub struct PlannedPage {
    pub output_path: String,
    pub template: String,
    pub context: Context,
}

#[derive(Debug, Clone, Serialize)]
struct SiteView {
    title: String,
    description: Option<String>,
    base_path: String,
    base_url: String,
    language: String,
    drafts: bool,
    nav: Vec<NavItem>,
}

#[derive(Debug, Clone, Serialize)]
struct NavItem {
    title: &'static str,
    url: String,
    /// The first path segment this item stands for, to mark the current section.
    section: &'static str,
}

/// Page-level data every template gets as `page`.
#[derive(Debug, Clone, Serialize)]
struct PageView {
    title: String,
    description: Option<String>,
    url: String,
    path: String,
    /// Which top-level section the page belongs to (`effecten`, `bronnen`, …) for the navigation.
    section: String,
    kind: &'static str,
    breadcrumbs: Vec<Crumb>,
    backlinks: Vec<Link>,
}

#[derive(Debug, Clone, Serialize)]
struct Crumb {
    title: String,
    url: String,
}

/// The overview pages: (section key, Dutch title).
const SECTIONS: [(&str, &str); 6] = [
    ("effecten", "Effecten"),
    ("waarde-en-randvoorwaarden", "Waarde en randvoorwaarden"),
    ("bronnen", "Bronnen"),
    ("bewijs", "Bewijsmatrix"),
    ("kennisbank", "Kennisbank"),
    ("begrippen", "Begrippen"),
];

fn planner<'g>(graph: &'g KnowledgeGraph, options: &RenderOptions) -> Planner<'g> {
    let base = graph.config.base_path();
    let site = SiteView {
        title: graph.config.title.clone(),
        description: graph.config.description.clone(),
        base_path: base.clone(),
        base_url: graph.config.absolute_base(),
        language: graph.config.language.clone(),
        drafts: options.drafts,
        nav: SECTIONS
            .iter()
            .map(|(section, title)| NavItem {
                title,
                url: format!("{base}{section}/"),
                section,
            })
            .collect(),
    };
    Planner { graph, site, base }
}

/// Receives planned pages one by one, in plan order.
pub type Emit<'e> = &'e mut dyn FnMut(PlannedPage);

/// Every page of the site, planned when asked, in the order overviews, records, taxonomies: the
/// renderer renders each record page as soon as its context exists and can drop both, instead of
/// holding every context at once.
pub struct Plan<'g> {
    planner: Planner<'g>,
}

impl<'g> Plan<'g> {
    pub fn new(graph: &'g KnowledgeGraph, options: &RenderOptions) -> Plan<'g> {
        Plan {
            planner: planner(graph, options),
        }
    }

    /// The home page, section overviews, 404 and search page, one at a time: some are megabytes
    /// of context at 10,000 pages, so each goes to `emit` before the next is planned.
    pub fn overviews(&self, emit: Emit) {
        self.planner.overviews(emit);
    }

    /// Every record with a page, in plan order; plan each with [`Plan::record`].
    pub fn records(&self) -> Vec<PageRef> {
        self.planner.graph.all_pages()
    }

    pub fn record(&self, page: PageRef) -> PlannedPage {
        self.planner.record_page(page)
    }

    /// The theme and sector pages, one at a time like [`Plan::overviews`].
    pub fn taxonomies(&self, emit: Emit) {
        self.planner.taxonomies(emit);
    }
}

struct Planner<'g> {
    graph: &'g KnowledgeGraph,
    site: SiteView,
    base: String,
}

impl Planner<'_> {
    fn context(&self, page: PageView) -> Context {
        let mut context = Context::new();
        context.insert("site", &self.site);
        context.insert("page", &page);
        context
    }

    fn crumb(&self, title: &str, path: &str) -> Crumb {
        Crumb {
            title: title.to_string(),
            url: format!("{}{path}", self.base),
        }
    }

    fn page_view(
        &self,
        title: &str,
        path: &str,
        section: &str,
        kind: &'static str,
        crumbs: Vec<Crumb>,
    ) -> PageView {
        PageView {
            title: title.to_string(),
            description: None,
            url: format!("{}{path}", self.base),
            path: path.to_string(),
            section: section.to_string(),
            kind,
            breadcrumbs: crumbs,
            backlinks: Vec::new(),
        }
    }

    fn intro(&self, key: &str) -> Option<String> {
        self.graph
            .intro(key)
            .map(|p| p.origin.markdown.render(|r| self.graph.target(r)).html)
    }

    fn overview(
        &self,
        pages: Emit,
        path: &str,
        template: &str,
        title: &str,
        section: &str,
        fill: impl FnOnce(&mut Context),
    ) {
        let home = self.crumb("Home", "");
        let crumbs = if path.is_empty() { vec![] } else { vec![home] };
        let mut view = self.page_view(title, path, section, "Overzicht", crumbs);
        view.description = self
            .graph
            .intro(section)
            .and_then(|p| p.data.summary.clone());
        let mut context = self.context(view);
        context.insert(
            "intro",
            &self.intro(if path.is_empty() { "index" } else { section }),
        );
        fill(&mut context);
        pages(PlannedPage {
            output_path: format!("{path}index.html"),
            template: template.to_string(),
            context,
        });
    }

    fn overviews(&self, pages: Emit) {
        let g = self.graph;
        let categories = view::categories(g);
        let levels = view::levels(g);
        let home_title = g
            .intro("index")
            .map_or(g.config.title.clone(), |p| p.data.title.clone());
        self.overview(pages, "", "index.html", &home_title, "", |c| {
            c.insert("categories", &categories);
            c.insert("levels", &levels);
            c.insert("counts", &Counts::of(g));
            let recent: Vec<_> = (g.records.articles.ids())
                .filter(|&a| g.index.article_parent[a].is_none())
                .take(6)
                .map(|a| view::article_card(g, a))
                .collect();
            c.insert("recent_articles", &recent);
        });
        let title = |key: &str, fallback: &str| {
            g.intro(key)
                .map_or(fallback.to_string(), |p| p.data.title.clone())
        };
        self.overview(
            pages,
            "effecten/",
            "effects.html",
            &title("effecten", "Effecten van Samen Opleiden"),
            "effecten",
            |c| {
                c.insert("categories", &categories);
            },
        );
        self.overview(
            pages,
            "waarde-en-randvoorwaarden/",
            "table.html",
            &title("waarde-en-randvoorwaarden", "Waarde en randvoorwaarden"),
            "waarde-en-randvoorwaarden",
            |c| {
                c.insert("levels", &levels);
            },
        );
        let mut listings = bibliography::listings(g).into_iter();
        if let Some(all) = listings.next() {
            self.overview(
                pages,
                "bronnen/",
                "sources.html",
                &title("bronnen", "Bronnen"),
                "bronnen",
                |c| {
                    c.insert("sources", &all.context.sources);
                    c.insert("source_kinds", &g.config.source_kinds);
                    c.insert("categories", &categories);
                    c.insert("listing", &all.context);
                },
            );
        }
        for listing in listings {
            let crumbs = vec![self.crumb("Home", ""), self.crumb("Bronnen", "bronnen/")];
            let view = self.page_view(
                &listing.title,
                &listing.path,
                "bronnen",
                "Overzicht",
                crumbs,
            );
            let mut context = self.context(view);
            context.insert("intro", &None::<String>);
            context.insert("sources", &listing.context.sources);
            context.insert("source_kinds", &g.config.source_kinds);
            context.insert("categories", &categories);
            context.insert("listing", &listing.context);
            pages(PlannedPage {
                output_path: format!("{}index.html", listing.path),
                template: "sources.html".into(),
                context,
            });
        }
        self.overview(
            pages,
            "bewijs/",
            "matrix.html",
            "Bewijsmatrix",
            "bewijs",
            |c| {
                c.insert("matrix", &super::pages::matrix(g));
            },
        );
        let top: Vec<_> = (g.records.articles.ids())
            .filter(|&a| g.index.article_parent[a].is_none())
            .map(|a| view::article_card(g, a))
            .collect();
        let all: Vec<_> = (g.records.articles.ids())
            .map(|a| view::article_card(g, a))
            .collect();
        self.overview(
            pages,
            "kennisbank/",
            "articles.html",
            &title("kennisbank", "Kennisbank"),
            "kennisbank",
            |c| {
                c.insert("articles", &top);
                c.insert("all_articles", &all);
            },
        );
        let terms: Vec<_> = (g.records.terms.ids())
            .map(|t| Link::to(g, PageRef::Term(t)))
            .collect();
        self.overview(
            pages,
            "begrippen/",
            "terms.html",
            &title("begrippen", "Begrippen"),
            "begrippen",
            |c| {
                c.insert("terms", &terms);
            },
        );
        let mut not_found =
            self.context(self.page_view("Pagina niet gevonden", "404.html", "", "Pagina", vec![]));
        not_found.insert("intro", &None::<String>);
        pages(PlannedPage {
            output_path: "404.html".into(),
            template: "404.html".into(),
            context: not_found,
        });
        // The search page (issue 5): the form works without JavaScript; search.js adds results.
        let home = self.crumb("Home", "");
        let search =
            self.context(self.page_view("Zoeken", "zoeken/", "zoeken", "Pagina", vec![home]));
        pages(PlannedPage {
            output_path: "zoeken/index.html".into(),
            template: "search.html".into(),
            context: search,
        });
    }

    fn record_page(&self, page: PageRef) -> PlannedPage {
        let g = self.graph;
        let path = g.path(page);
        let home = self.crumb("Home", "");
        let kind = page.kind().info();
        let (template, section) = (kind.template, kind.section);
        let body = &g.records.get(page).origin().markdown;
        let mut crumbs = vec![home];
        if !section.is_empty() {
            crumbs.push(self.crumb(kind.section_title, &format!("{section}/")));
        }
        if let PageRef::Article(a) = page {
            let mut ancestors = Vec::new();
            let mut at = g.index.article_parent[a];
            while let Some(p) = at {
                ancestors.push(Crumb {
                    title: g[p].data.title.clone(),
                    url: g.url(PageRef::Article(p)),
                });
                at = g.index.article_parent[p];
            }
            crumbs.extend(ancestors.into_iter().rev());
        }
        let body = body.render(|r| g.target(r));
        let link = Link::to(g, page);
        let mut view = self.page_view(g.title(page), &path, section, link.kind, crumbs);
        view.description = link.summary.clone();
        view.backlinks = g
            .index
            .backlinks
            .get(&page)
            .map(|from| Link::all(g, from.iter().copied()))
            .unwrap_or_default();
        let mut context = self.context(view);
        context.insert("body", &body.html);
        context.insert("toc", &body.headings);
        match page {
            PageRef::Effect(i) => {
                let data = &g[i].data;
                let category = g.config.category(&data.category);
                context.insert("effect", &view::effect_card(g, i));
                context.insert("category", &category);
                context.insert("note", &data.note);
                context.insert("tags", &view::tags(g, &data.tags));
                context.insert(
                    "findings_by_source",
                    &view::grouped_findings(g, &g.index.effect_findings[i]),
                );
                context.insert(
                    "rows",
                    &Link::all(g, g.index.effect_rows[i].iter().map(|&r| PageRef::Row(r))),
                );
                context.insert(
                    "articles",
                    &g.index.effect_articles[i]
                        .iter()
                        .map(|&a| view::article_card(g, a))
                        .collect::<Vec<_>>(),
                );
                context.insert(
                    "sources",
                    &Link::all(
                        g,
                        g.index.effect_sources[i]
                            .iter()
                            .map(|&s| PageRef::Source(s)),
                    ),
                );
            }
            PageRef::Row(i) => {
                context.insert("row", &view::row(g, i));
            }
            PageRef::Source(i) => {
                let data = &g[i].data;
                context.insert("source", &view::source_card(g, i));
                context.insert("note", &data.note);
                context.insert("publisher", &data.publisher);
                context.insert("external_url", &data.url);
                context.insert("tags", &view::tags(g, &data.tags));
                let findings: Vec<_> = (0..data.findings.len())
                    .map(|f| {
                        view::finding(
                            g,
                            crate::graph::FindingRef {
                                source: i,
                                finding: f,
                            },
                        )
                    })
                    .collect();
                context.insert("findings", &findings);
                context.insert(
                    "co_findings",
                    &g.index.source_co_findings[i]
                        .iter()
                        .map(|&f| view::finding(g, f))
                        .collect::<Vec<_>>(),
                );
                context.insert(
                    "quotes",
                    &g.index.source_quotes[i]
                        .iter()
                        .map(|&q| view::quote(g, q))
                        .collect::<Vec<_>>(),
                );
                context.insert(
                    "effects",
                    &Link::all(
                        g,
                        g.index.source_effects[i]
                            .iter()
                            .map(|&e| PageRef::Effect(e)),
                    ),
                );
                context.insert(
                    "rows",
                    &Link::all(g, g.index.source_rows[i].iter().map(|&r| PageRef::Row(r))),
                );
                context.insert(
                    "articles",
                    &g.index.source_articles[i]
                        .iter()
                        .map(|&a| view::article_card(g, a))
                        .collect::<Vec<_>>(),
                );
            }
            PageRef::Article(i) => {
                let data = &g[i].data;
                context.insert("article", &view::article_card(g, i));
                context.insert("authors", &data.authors);
                let refs = |kind, keys: &[String]| -> Vec<Link> {
                    keys.iter()
                        .filter_map(|k| g.find(kind, k))
                        .map(|p| Link::to(g, p))
                        .collect()
                };
                context.insert("effects", &refs(Kind::Effect, &data.effects));
                context.insert("rows", &refs(Kind::Row, &data.rows));
                context.insert("sources", &refs(Kind::Source, &data.sources));
                context.insert(
                    "children",
                    &g.index.article_children[i]
                        .iter()
                        .map(|&a| view::article_card(g, a))
                        .collect::<Vec<_>>(),
                );
                let siblings: Vec<_> = match g.index.article_parent[i] {
                    Some(p) => g.index.article_children[p].clone(),
                    None => Vec::new(),
                };
                let pos = siblings.iter().position(|&a| a == i);
                let prev = pos
                    .and_then(|p| p.checked_sub(1))
                    .map(|p| Link::to(g, PageRef::Article(siblings[p])));
                let next = pos
                    .and_then(|p| siblings.get(p + 1))
                    .map(|&a| Link::to(g, PageRef::Article(a)));
                context.insert("previous", &prev);
                context.insert("next", &next);
            }
            PageRef::Term(i) => {
                let data = &g[i].data;
                context.insert("term", &Link::to(g, page));
                context.insert("synonyms", &data.synonyms);
                context.insert("tags", &view::tags(g, &data.tags));
            }
            PageRef::Page(_) => {}
        }
        PlannedPage {
            output_path: format!("{path}index.html"),
            template: template.into(),
            context,
        }
    }

    fn taxonomies(&self, pages: Emit) {
        let g = self.graph;
        let home = || self.crumb("Home", "");
        let themes_crumb = || self.crumb("Thema's", "thema/");
        let tags: Vec<_> = g
            .config
            .tags
            .iter()
            .map(|t| {
                (
                    view::tag(g, &t.key),
                    g.index.tag_pages.get(&t.key).map_or(0, Vec::len),
                )
            })
            .map(|(label, count)| TagCount { tag: label, count })
            .collect();
        let mut context =
            self.context(self.page_view("Thema's", "thema/", "thema", "Overzicht", vec![home()]));
        context.insert("tags", &tags);
        context.insert(
            "sectors",
            &g.config
                .sectors
                .iter()
                .map(|s| view::sector(g, &s.key))
                .collect::<Vec<_>>(),
        );
        pages(PlannedPage {
            output_path: "thema/index.html".into(),
            template: "tags.html".into(),
            context,
        });
        for tag in &g.config.tags {
            let label = view::tag(g, &tag.key);
            let mut context = self.context(self.page_view(
                &label.label,
                &format!("thema/{}/", tag.key),
                "thema",
                "Thema",
                vec![home(), themes_crumb()],
            ));
            let members = g.index.tag_pages.get(&tag.key).cloned().unwrap_or_default();
            context.insert("tag", &label);
            context.insert("items", &Link::all(g, members));
            pages(PlannedPage {
                output_path: format!("thema/{}/index.html", tag.key),
                template: "tag.html".into(),
                context,
            });
        }
        for sector in &g.config.sectors {
            let label = view::sector(g, &sector.key);
            let mut context = self.context(self.page_view(
                &label.label,
                &format!("sector/{}/", sector.key),
                "thema",
                "Sector",
                vec![home(), themes_crumb()],
            ));
            let members = g
                .index
                .sector_articles
                .get(&sector.key)
                .cloned()
                .unwrap_or_default();
            context.insert("tag", &label);
            context.insert(
                "items",
                &Link::all(g, members.into_iter().map(PageRef::Article)),
            );
            pages(PlannedPage {
                output_path: format!("sector/{}/index.html", sector.key),
                template: "tag.html".into(),
                context,
            });
        }
    }
}

#[derive(Debug, Clone, Serialize)]
struct TagCount {
    tag: view::Label,
    count: usize,
}

#[derive(Debug, Clone, Serialize)]
struct Counts {
    effects: usize,
    rows: usize,
    sources: usize,
    findings: usize,
    articles: usize,
    terms: usize,
}

impl Counts {
    fn of(g: &KnowledgeGraph) -> Counts {
        Counts {
            effects: g.records.effects.len(),
            rows: g.records.rows.len(),
            sources: g.records.sources.len(),
            findings: g.finding_count(),
            articles: g.records.articles.len(),
            terms: g.records.terms.len(),
        }
    }
}

/// The evidence matrices: effects × sources, and value rows × effects.
#[derive(Debug, Clone, Serialize)]
pub struct Matrix {
    pub effects: Vec<Link>,
    pub source_rows: Vec<MatrixRow>,
    pub value_rows: Vec<MatrixRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixRow {
    pub head: Link,
    pub cells: Vec<MatrixCell>,
    pub total: usize,
}

/// One cell: how many findings connect the row to the column, and where they are.
#[derive(Debug, Clone, Serialize)]
pub struct MatrixCell {
    pub count: usize,
    /// Where the findings behind the cell are listed; `None` when there are none.
    pub url: Option<String>,
}

pub fn matrix(g: &KnowledgeGraph) -> Matrix {
    let effects = Link::all(g, g.records.effects.ids().map(PageRef::Effect));
    // One pass over the findings per effect instead of one per cell: looking them up per
    // (source, effect) cell was quadratic (sources × findings; minutes at 50k pages).
    use crate::graph::FindingRef;
    use crate::model::{Effect, Id, Source};
    use std::collections::{HashMap, HashSet};
    let mut per_cell: HashMap<(Id<Source>, Id<Effect>), (usize, FindingRef)> = HashMap::new();
    let mut effect_sets: Vec<HashSet<FindingRef>> = Vec::with_capacity(g.records.effects.len());
    for (e, findings) in g.index.effect_findings.enumerate() {
        for &f in findings {
            per_cell.entry((f.source, e)).or_insert((0, f)).0 += 1;
        }
        effect_sets.push(findings.iter().copied().collect());
    }
    let source_rows = (g.records.sources.ids())
        .filter(|&s| !g.index.source_effects[s].is_empty())
        .map(|s| {
            let cells: Vec<MatrixCell> = (g.records.effects.ids())
                .map(|e| match per_cell.get(&(s, e)) {
                    Some(&(count, first)) => MatrixCell {
                        count,
                        url: Some(format!(
                            "{}#{}",
                            g.url(PageRef::Source(s)),
                            g.index.finding_anchors[first.source][first.finding]
                        )),
                    },
                    None => MatrixCell {
                        count: 0,
                        url: None,
                    },
                })
                .collect();
            MatrixRow {
                head: Link::to(g, PageRef::Source(s)),
                total: cells.iter().map(|c| c.count).sum(),
                cells,
            }
        })
        .collect();
    let value_rows = (g.records.rows.ids())
        .map(|r| {
            let cells: Vec<MatrixCell> = (g.records.effects.ids())
                .map(|e| {
                    let count = g.index.row_findings[r]
                        .iter()
                        .filter(|f| effect_sets[e.index()].contains(f))
                        .count();
                    MatrixCell {
                        count,
                        url: (count > 0).then(|| format!("{}#onderzoek", g.url(PageRef::Row(r)))),
                    }
                })
                .collect();
            MatrixRow {
                head: Link::to(g, PageRef::Row(r)),
                total: cells.iter().map(|c| c.count).sum(),
                cells,
            }
        })
        .collect();
    Matrix {
        effects,
        source_rows,
        value_rows,
    }
}
