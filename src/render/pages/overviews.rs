//! The home page, the section overviews (effects, value table, bibliography, gap map,
//! articles, terms), the 404 page and the search page.

use serde::Serialize;

use super::bibliography::{self, ListingView};
use super::{Emit, PageView, Planner, Template};
use crate::config::Vocabulary;
use crate::graph::{KnowledgeGraph, PageRef};
use crate::render::evidence::{self, SignalView};
use crate::render::gap_map::{self, GapMapView, SectionGroup};
use crate::render::view::{self, ArticleCard, CategoryView, LevelView, Link, SourceCard};

#[derive(Serialize)]
struct Home<'a> {
    intro: Option<String>,
    categories: &'a [CategoryView],
    levels: &'a [LevelView],
    counts: Counts,
    recent_articles: Vec<ArticleCard>,
}

template!(Home<'_> => "index.html");

#[derive(Serialize)]
struct Effects<'a> {
    intro: Option<String>,
    categories: &'a [CategoryView],
}

template!(Effects<'_> => "effects.html");

#[derive(Serialize)]
struct Table<'a> {
    intro: Option<String>,
    levels: &'a [LevelView],
}

template!(Table<'_> => "table.html");

#[derive(Serialize)]
struct Sources<'a> {
    intro: Option<String>,
    sources: &'a [SourceCard],
    source_kinds: &'a [Vocabulary],
    categories: &'a [CategoryView],
    listing: &'a ListingView,
}

template!(Sources<'_> => "sources.html");

/// `/bewijs/`: the gap map.
#[derive(Serialize)]
struct GapMapPage {
    intro: Option<String>,
    gap_map: GapMapView,
}

template!(GapMapPage => "gap-map.html");

/// `/bewijs/<effect>/`: an effect's findings by kind of evidence, by sector and by level, the
/// sections the cells of the gap map link to.
#[derive(Serialize)]
struct EffectEvidence {
    effect: Link,
    signal: SignalView,
    groups: Vec<SectionGroup>,
}

template!(EffectEvidence => "effect-evidence.html");

#[derive(Serialize)]
struct Articles {
    intro: Option<String>,
    /// The top-level articles.
    articles: Vec<ArticleCard>,
    all_articles: Vec<ArticleCard>,
}

template!(Articles => "articles.html");

#[derive(Serialize)]
struct Terms {
    intro: Option<String>,
    terms: Vec<Link>,
}

template!(Terms => "terms.html");

#[derive(Serialize)]
struct NotFound {
    intro: Option<String>,
}

template!(NotFound => "404.html");

#[derive(Serialize)]
struct Search {}

template!(Search => "search.html");

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

impl Planner<'_> {
    /// The page view of an overview at `path`: a crumb home (but on the home page), and the
    /// summary of the editors' introduction as its description.
    fn overview_view(&self, path: &str, title: &str, section: &str) -> PageView {
        let crumbs = if path.is_empty() {
            vec![]
        } else {
            vec![self.crumb("Home", "")]
        };
        let mut view = self.page_view(title, path, section, "Overzicht", crumbs);
        view.description = (self.graph.intro(section)).and_then(|p| p.data.summary.clone());
        view
    }

    /// The editors' introduction of the overview at `path` (the home page's is `index`).
    fn overview_intro(&self, path: &str, section: &str) -> Option<String> {
        self.intro(if path.is_empty() { "index" } else { section })
    }

    /// The title an editor gave the overview `key` in `paginas/`, or `fallback`.
    fn overview_title(&self, key: &str, fallback: &str) -> String {
        (self.graph.intro(key)).map_or(fallback.to_string(), |p| p.data.title.clone())
    }

    /// One part of the overviews ([`super::OVERVIEW_PARTS`]): each makes what it shows from the
    /// graph itself, so that `serve` can plan one part again without the others.
    pub(super) fn overview_part(&self, part: usize, pages: Emit) {
        let g = self.graph;
        let top_articles = || {
            (g.records.articles.ids())
                .filter(|&a| g.index.article_parent[a].is_none())
                .map(|a| view::article_card(g, a))
        };
        match part {
            0 => {
                let home_title = self.overview_title("index", &g.config.title);
                let home = Home {
                    intro: self.overview_intro("", ""),
                    categories: &view::categories(g),
                    levels: &view::levels(g),
                    counts: Counts::of(g),
                    recent_articles: top_articles().take(6).collect(),
                };
                pages(self.planned(
                    "index.html".into(),
                    &self.overview_view("", &home_title, ""),
                    &home,
                ));
            }
            1 => {
                let title = self.overview_title("effecten", "Effecten van Samen Opleiden");
                let categories = view::categories(g);
                self.section_page(pages, "effecten", &title, |intro| Effects {
                    intro,
                    categories: &categories,
                });
            }
            2 => {
                let section = "waarde-en-randvoorwaarden";
                let title = self.overview_title(section, "Waarde en randvoorwaarden");
                let levels = view::levels(g);
                self.section_page(pages, section, &title, |intro| Table {
                    intro,
                    levels: &levels,
                });
            }
            3 => self.bibliography(pages, &view::categories(g)),
            4 => self.section_page(pages, "bewijs", "Bewijskaart", |intro| GapMapPage {
                intro,
                gap_map: gap_map::gap_map(g),
            }),
            5 => self.effect_evidence(pages),
            6 => {
                let title = self.overview_title("kennisbank", "Kennisbank");
                self.section_page(pages, "kennisbank", &title, |intro| Articles {
                    intro,
                    articles: top_articles().collect(),
                    all_articles: (g.records.articles.ids())
                        .map(|a| view::article_card(g, a))
                        .collect(),
                });
            }
            7 => {
                let title = self.overview_title("begrippen", "Begrippen");
                self.section_page(pages, "begrippen", &title, |intro| Terms {
                    intro,
                    terms: (g.records.terms.ids())
                        .map(|t| Link::to(g, PageRef::Term(t)))
                        .collect(),
                });
            }
            _ => {
                let not_found = self.page_view(
                    "Pagina niet gevonden",
                    super::NOT_FOUND_PATH,
                    "",
                    "Pagina",
                    vec![],
                );
                pages(self.planned(
                    super::NOT_FOUND_PATH.into(),
                    &not_found,
                    &NotFound { intro: None },
                ));
                // The search page (issue 5): the form works without JavaScript; search.js adds
                // results.
                let home = self.crumb("Home", "");
                let search = self.page_view("Zoeken", "zoeken/", "zoeken", "Pagina", vec![home]);
                pages(self.planned("zoeken/index.html".into(), &search, &Search {}));
            }
        }
    }

    /// The overview of `section` at `/<section>/`, with the editors' introduction handed to `vars`.
    fn section_page<T: Template>(
        &self,
        pages: Emit,
        section: &str,
        title: &str,
        vars: impl FnOnce(Option<String>) -> T,
    ) {
        let path = format!("{section}/");
        let vars = vars(self.overview_intro(&path, section));
        let view = self.overview_view(&path, title, section);
        pages(self.planned(format!("{path}index.html"), &view, &vars));
    }

    /// One page per effect with the findings behind each cell of its line in the gap map.
    fn effect_evidence(&self, pages: Emit) {
        let g = self.graph;
        for (e, line, items) in gap_map::effect_lines(g) {
            let effect = Link::to(g, PageRef::Effect(e));
            let path = gap_map::evidence_path(g, e);
            let crumbs = vec![self.crumb("Home", ""), self.crumb("Bewijskaart", "bewijs/")];
            let title = format!("Bewijs voor {}", effect.title);
            let view = self.page_view(&title, &path, "bewijs", "Overzicht", crumbs);
            let page = EffectEvidence {
                signal: evidence::signal(g, &items),
                groups: gap_map::effect_sections(g, &line, &items),
                effect,
            };
            pages(self.planned(format!("{path}index.html"), &view, &page));
        }
    }

    /// `/bronnen/` (with the editors' introduction) and the other sorted and filtered lists.
    fn bibliography(&self, pages: Emit, categories: &[CategoryView]) {
        let g = self.graph;
        let (path, section) = ("bronnen/", "bronnen");
        for (i, listing) in bibliography::listings(g).into_iter().enumerate() {
            let (view, intro) = if i == 0 {
                let title = self.overview_title(section, "Bronnen");
                let view = self.overview_view(path, &title, section);
                (view, self.overview_intro(path, section))
            } else {
                let crumbs = vec![self.crumb("Home", ""), self.crumb("Bronnen", path)];
                let view =
                    self.page_view(&listing.title, &listing.path, section, "Overzicht", crumbs);
                (view, None)
            };
            let sources = Sources {
                intro,
                sources: &listing.context.sources,
                source_kinds: &g.config.source_kinds,
                categories,
                listing: &listing.context,
            };
            pages(self.planned(format!("{}index.html", listing.path), &view, &sources));
        }
    }
}
