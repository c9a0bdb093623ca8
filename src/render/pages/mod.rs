//! Which pages the site has, which template renders each, and what that template sees.
//!
//! [`Plan`] is the one plan API the renderer uses: overviews, then records, then taxonomies. What
//! a template sees is one `Serialize` struct per template ([`Template`]), so the contract between
//! this code and a theme is checked by the compiler; `themes/README.md` lists it, and a test
//! compares that list with what the pages really get. Decisions a template would otherwise make
//! from strings (is this the home page, does it list backlinks) are made here ([`PageView`]).
//!
//! [`overviews`] plans the home page and section overviews, [`records`] one page per record,
//! [`taxonomies`] the theme and sector pages; [`bibliography`] shapes the source lists.

use serde::Serialize;
use tera::Context;

// Before the modules, so they can use `template!`.
/// `template!(EffectPage<'_> => "effect.html");`: the struct is what that template sees.
macro_rules! template {
    ($vars:ty => $name:literal) => {
        impl Template for $vars {
            const NAME: &'static str = $name;
        }
    };
}

mod bibliography;
mod changes;
mod overviews;
mod records;
mod taxonomies;

#[cfg(test)]
mod tests;

use super::RenderOptions;
use super::view::Link;
use crate::graph::{KnowledgeGraph, PageRef};

/// One page to render.
#[derive(Debug)]
pub struct PlannedPage {
    pub output_path: String,
    pub template: String,
    pub context: Context,
    /// The SHA-256 of the context's JSON, when the plan was asked for them ([`Plan::hashing`]).
    pub hash: Option<[u8; 32]>,
}

/// The variables one template gets besides `site` and `page`.
trait Template: Serialize {
    /// The file in the theme's `templates/`.
    const NAME: &'static str;
}

/// A template's whole context: `site`, `page` and its own variables, side by side.
#[derive(Serialize)]
struct Full<'a, T> {
    site: &'a SiteView,
    page: &'a PageView,
    #[serde(flatten)]
    vars: &'a T,
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
    /// The home page: its title is the site's alone.
    is_home: bool,
    /// A page of its own content (a record or a plain page): it says "what links here" even
    /// when nothing does. Overviews, theme pages, search and 404 do not.
    shows_backlinks: bool,
    /// Has a canonical address and Open Graph tags: every page but the 404 page, which the host
    /// serves at any unknown address.
    is_canonical: bool,
    /// A record's dates and change log (`themes/default/templates/living.html`).
    living: Option<changes::LivingView>,
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
    ("bewijs", "Bewijskaart"),
    ("kennisbank", "Kennisbank"),
    ("begrippen", "Begrippen"),
];

/// The overview parts: home, effects, table, bibliography, gap map, evidence per effect,
/// articles, terms, 404 and search.
const OVERVIEW_PARTS: usize = 9;
/// The parts of [`Plan::part`]: the overviews, the change log, the theme pages.
pub const PARTS: usize = OVERVIEW_PARTS + 2;
/// The record pages come after this part in plan order (the last overview part, the change log).
pub const RECORDS_AFTER: usize = OVERVIEW_PARTS;

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
            planner: Planner::new(graph, options),
        }
    }

    /// The same plan, with each page's context digest (for a cache to compare).
    pub fn hashing(mut self) -> Plan<'g> {
        self.planner.hashes = true;
        self
    }

    /// The pages that are not a record's, in parts ([`PARTS`]: the overviews, the change log,
    /// the theme pages), each planned from the graph alone and its pages handed to `emit` one at
    /// a time: some are megabytes of context at 10,000 pages. In plan order the record pages
    /// come after the part [`RECORDS_AFTER`].
    pub fn part(&self, part: usize, emit: Emit) {
        match part {
            p if p < OVERVIEW_PARTS => self.planner.overview_part(p, emit),
            p if p == OVERVIEW_PARTS => self.planner.changes(emit),
            _ => self.planner.taxonomies(emit),
        }
    }

    /// Every record with a page, in plan order; plan each with [`Plan::record`].
    pub fn records(&self) -> Vec<PageRef> {
        self.planner.graph.all_pages()
    }

    pub fn record(&self, page: PageRef) -> PlannedPage {
        self.planner.record_page(page)
    }
}

struct Planner<'g> {
    graph: &'g KnowledgeGraph,
    site: SiteView,
    base: String,
    hashes: bool,
}

impl<'g> Planner<'g> {
    fn new(graph: &'g KnowledgeGraph, options: &RenderOptions) -> Planner<'g> {
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
        Planner {
            graph,
            site,
            base,
            hashes: false,
        }
    }

    /// The page at `output_path`, rendered by `T`'s template with `vars`.
    fn planned<T: Template>(&self, output_path: String, page: &PageView, vars: &T) -> PlannedPage {
        let full = Full {
            site: &self.site,
            page,
            vars,
        };
        let value = serde_json::to_value(full).expect("a context struct serialises");
        let hash = self.hashes.then(|| crate::digest::json_sha256(&value));
        PlannedPage {
            output_path,
            template: T::NAME.to_string(),
            context: Context::from_value(value).expect("a context struct is a map"),
            hash,
        }
    }

    fn crumb(&self, title: &str, path: &str) -> Crumb {
        Crumb {
            title: title.to_string(),
            url: format!("{}{path}", self.base),
        }
    }

    /// A page's own data; `shows_backlinks` is for the record pages to set.
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
            is_home: path.is_empty(),
            shows_backlinks: false,
            is_canonical: path != NOT_FOUND_PATH,
            living: None,
        }
    }

    /// The introduction an editor wrote for an overview, as HTML.
    fn intro(&self, key: &str) -> Option<String> {
        self.graph
            .intro(key)
            .map(|p| self.graph.render_body(&p.origin).html)
    }
}

/// Where the host finds the page for unknown addresses.
const NOT_FOUND_PATH: &str = "404.html";
