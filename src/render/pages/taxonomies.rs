//! The theme pages: `/thema/` with every tag and sector, a page per tag and a page per sector.

use serde::Serialize;

use super::{Emit, Planner, Template};
use crate::graph::PageRef;
use crate::render::view::{self, Label, Link};

#[derive(Serialize)]
struct Themes {
    tags: Vec<TagCount>,
    sectors: Vec<Label>,
}

template!(Themes => "tags.html");

/// A tag's or a sector's page.
#[derive(Serialize)]
struct Theme {
    tag: Label,
    items: Vec<Link>,
}

template!(Theme => "tag.html");

#[derive(Debug, Clone, Serialize)]
struct TagCount {
    tag: Label,
    count: usize,
}

impl Planner<'_> {
    pub(super) fn taxonomies(&self, pages: Emit) {
        let g = self.graph;
        let home = || self.crumb("Home", "");
        let themes_crumb = || self.crumb("Thema's", "thema/");
        let themes = Themes {
            tags: (g.config.tags.iter())
                .map(|t| TagCount {
                    tag: view::tag(g, &t.key),
                    count: g.index.tag_pages.get(&t.key).map_or(0, Vec::len),
                })
                .collect(),
            sectors: (g.config.sectors.iter())
                .map(|s| view::sector(g, &s.key))
                .collect(),
        };
        let overview = self.page_view("Thema's", "thema/", "thema", "Overzicht", vec![home()]);
        pages(self.planned("thema/index.html".into(), &overview, &themes));
        for tag in &g.config.tags {
            let label = view::tag(g, &tag.key);
            let path = format!("thema/{}/", tag.key);
            let crumbs = vec![home(), themes_crumb()];
            let page = self.page_view(&label.label, &path, "thema", "Thema", crumbs);
            let members = g.index.tag_pages.get(&tag.key).cloned().unwrap_or_default();
            let theme = Theme {
                tag: label,
                items: Link::all(g, members),
            };
            pages(self.planned(format!("{path}index.html"), &page, &theme));
        }
        for sector in &g.config.sectors {
            let label = view::sector(g, &sector.key);
            let path = format!("sector/{}/", sector.key);
            let crumbs = vec![home(), themes_crumb()];
            let page = self.page_view(&label.label, &path, "thema", "Sector", crumbs);
            let members = (g.index.sector_articles.get(&sector.key))
                .cloned()
                .unwrap_or_default();
            let theme = Theme {
                tag: label,
                items: Link::all(g, members.into_iter().map(PageRef::Article)),
            };
            pages(self.planned(format!("{path}index.html"), &page, &theme));
        }
    }
}
