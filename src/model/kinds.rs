//! The one table of record kinds, and the few places that turn a kind known at run time into the
//! type of its records.
//!
//! Everything that differs between kinds and is not the records' own data lives in [`TABLE`]: the
//! content folder, the word references use (`[[bron:…]]`), the URL section, the Dutch label, the
//! template, the front-matter shape. The URL scheme is [`Kind::path`], used by the graph for pages
//! and by `publish` for the addresses of aliases.
//!
//! Adding a kind: a variant of [`Kind`] and a row of [`TABLE`]; a variant of [`PageRef`] and a
//! table in [`Records`] (with their arms below, each a one-liner); the record's struct, shape and
//! [`RecordData`] impl in `model`; then the kind's own checker in `graph::resolve`, page in
//! `render::pages`, search units in `search::units` and template in the theme.

use std::any::TypeId;
use std::borrow::Cow;
use std::ops::Index;

use super::id::{Id, Table};
use super::schema;
use super::{Article, Change, Doc, Effect, Origin, Page, PartialDate, Source, Term, ValueRow};
use crate::i18n::{Code, Msg};
use crate::source::Shape;

/// The kinds of record editors write, each in its own content folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Effect,
    Row,
    Source,
    Article,
    Term,
    Page,
}

/// What sets one kind apart; one row per kind in [`TABLE`].
#[derive(Debug)]
pub struct KindInfo {
    /// The folder under `content/`.
    pub folder: &'static str,
    /// Only articles may be grouped in sub-folders.
    pub subfolders: bool,
    /// The word before the colon in a `[[word:key]]` reference.
    pub word: &'static str,
    /// The first segment of the URL of each record's page (`effecten/x/`); empty for plain pages,
    /// which sit at the top.
    pub section: &'static str,
    /// The Dutch title of the section's overview, for breadcrumbs.
    pub section_title: &'static str,
    /// The Dutch name of one record, as lists and search results show it.
    pub label: &'static str,
    /// The theme template of each record's page.
    pub template: &'static str,
    /// What the front matter may hold.
    pub shape: &'static Shape,
    /// The diagnostic of a reference to a key of this kind that does not exist; its hint says
    /// where editors find the keys.
    pub unknown_code: Code,
    /// What the keys are called in a hint that lists them ("sleutels van effecten").
    pub keys: Msg,
}

/// One row per kind, in the order of [`Kind`]: the order pages are listed and indexed in.
pub const TABLE: [KindInfo; 6] = [
    KindInfo {
        folder: "effecten",
        subfolders: false,
        word: "effect",
        section: "effecten",
        section_title: "Effecten",
        label: "Effect",
        template: "effect.html",
        shape: &schema::EFFECT,
        unknown_code: Code::UnknownEffect,
        keys: Msg::KeysEffect,
    },
    KindInfo {
        folder: "waarden",
        subfolders: false,
        word: "waarde",
        section: "waarde-en-randvoorwaarden",
        section_title: "Waarde en randvoorwaarden",
        label: "Waarde",
        template: "row.html",
        shape: &schema::VALUE_ROW,
        unknown_code: Code::UnknownRow,
        keys: Msg::KeysRow,
    },
    KindInfo {
        folder: "bronnen",
        subfolders: false,
        word: "bron",
        section: "bronnen",
        section_title: "Bronnen",
        label: "Bron",
        template: "source.html",
        shape: &schema::SOURCE,
        unknown_code: Code::UnknownSource,
        keys: Msg::KeysSource,
    },
    KindInfo {
        folder: "kennisbank",
        subfolders: true,
        word: "artikel",
        section: "kennisbank",
        section_title: "Kennisbank",
        label: "Artikel",
        template: "article.html",
        shape: &schema::ARTICLE,
        unknown_code: Code::UnknownArticle,
        keys: Msg::KeysArticle,
    },
    KindInfo {
        folder: "begrippen",
        subfolders: false,
        word: "begrip",
        section: "begrippen",
        section_title: "Begrippen",
        label: "Begrip",
        template: "term.html",
        shape: &schema::TERM,
        unknown_code: Code::UnknownTerm,
        keys: Msg::KeysTerm,
    },
    KindInfo {
        folder: "paginas",
        subfolders: false,
        word: "pagina",
        section: "",
        section_title: "",
        label: "Pagina",
        template: "page.html",
        shape: &schema::PAGE,
        unknown_code: Code::UnknownPage,
        keys: Msg::KeysPage,
    },
];

/// The key of a plain page that is the home page.
pub const HOME_KEY: &str = "index";

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Effect,
        Kind::Row,
        Kind::Source,
        Kind::Article,
        Kind::Term,
        Kind::Page,
    ];

    pub fn info(self) -> &'static KindInfo {
        &TABLE[self as usize]
    }

    pub fn from_folder(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.info().folder == name)
    }

    pub fn from_word(word: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.info().word == word)
    }

    /// The site-relative path of the page of the record this kind's references call `key`:
    /// `effecten/x/`, `waarde-en-randvoorwaarden/1-1/` (a row's id with `-` for `.`), `over/`, or
    /// the empty path of the home page.
    pub fn path(self, key: &str) -> String {
        let slug = match self {
            Kind::Row => Cow::Owned(row_slug(key)),
            _ => Cow::Borrowed(key),
        };
        match self.info().section {
            "" if slug == HOME_KEY => String::new(),
            "" => format!("{slug}/"),
            section => format!("{section}/{slug}/"),
        }
    }

    /// The key references would use for a file named `stem` (without `.md`): the file name, except
    /// for rows, which are referenced by their id (`1-7.md` holds row `1.7` by convention). Lets a
    /// file that failed to parse still claim its key, so references to it are not reported again.
    pub fn key_from_file_name(self, stem: &str) -> String {
        match (self, stem.split_once('-')) {
            (Kind::Row, Some((level, row)))
                if [level, row]
                    .iter()
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) =>
            {
                format!("{level}.{row}")
            }
            _ => stem.to_string(),
        }
    }

    /// Calls `f` with the record type of this kind.
    pub fn with<F: ForKind>(self, f: F) -> F::Output {
        match self {
            Kind::Effect => f.call::<super::EffectData>(),
            Kind::Row => f.call::<super::ValueRowData>(),
            Kind::Source => f.call::<super::SourceData>(),
            Kind::Article => f.call::<super::ArticleData>(),
            Kind::Term => f.call::<super::TermData>(),
            Kind::Page => f.call::<super::PageData>(),
        }
    }
}

/// Code that is generic over the record type and is handed a kind at run time ([`Kind::with`]).
pub trait ForKind {
    type Output;
    fn call<D: RecordData>(self) -> Self::Output;
}

/// `1.1` → `1-1`: row ids in URLs and anchors.
pub fn row_slug(id: &str) -> String {
    id.replace('.', "-")
}

/// A record of any kind: the page it produces, and what references resolve to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PageRef {
    Effect(Id<Effect>),
    Row(Id<ValueRow>),
    Source(Id<Source>),
    Article(Id<Article>),
    Term(Id<Term>),
    Page(Id<Page>),
}

impl PageRef {
    pub fn kind(self) -> Kind {
        self.kind_and_position().0
    }

    /// The type of its table's ids and its position there, as [`super::Reads`] notes a read.
    pub fn table_position(self) -> (TypeId, u32) {
        let (kind, position) = self.kind_and_position();
        (kind.table_type(), position)
    }

    fn kind_and_position(self) -> (Kind, u32) {
        let (kind, index) = match self {
            PageRef::Effect(id) => (Kind::Effect, id.index()),
            PageRef::Row(id) => (Kind::Row, id.index()),
            PageRef::Source(id) => (Kind::Source, id.index()),
            PageRef::Article(id) => (Kind::Article, id.index()),
            PageRef::Term(id) => (Kind::Term, id.index()),
            PageRef::Page(id) => (Kind::Page, id.index()),
        };
        (kind, u32::try_from(index).expect("ids are u32"))
    }
}

impl Kind {
    /// The type its table's ids are of (`Id<Doc<…Data>>`): how [`super::Reads`] tells the
    /// records of one kind from another's.
    pub fn table_type(self) -> TypeId {
        struct TableType;
        impl ForKind for TableType {
            type Output = TypeId;
            fn call<D: RecordData>(self) -> TypeId {
                TypeId::of::<Doc<D>>()
            }
        }
        self.with(TableType)
    }
}

/// Every record of a site, one table per kind, each in the order visitors see them once `graph`
/// sorted them.
#[derive(Debug, Clone, Default)]
pub struct Records {
    pub effects: Table<Effect>,
    pub rows: Table<ValueRow>,
    pub sources: Table<Source>,
    pub articles: Table<Article>,
    pub terms: Table<Term>,
    pub pages: Table<Page>,
}

impl Records {
    /// The record behind a page.
    pub fn get(&self, page: PageRef) -> &dyn Record {
        match page {
            PageRef::Effect(id) => &self.effects[id],
            PageRef::Row(id) => &self.rows[id],
            PageRef::Source(id) => &self.sources[id],
            PageRef::Article(id) => &self.articles[id],
            PageRef::Term(id) => &self.terms[id],
            PageRef::Page(id) => &self.pages[id],
        }
    }

    /// Where a record came from, to put in a new body (`serve`, after a body-only edit).
    pub fn origin_mut(&mut self, page: PageRef) -> &mut Origin {
        match page {
            PageRef::Effect(id) => &mut self.effects[id].origin,
            PageRef::Row(id) => &mut self.rows[id].origin,
            PageRef::Source(id) => &mut self.sources[id].origin,
            PageRef::Article(id) => &mut self.articles[id].origin,
            PageRef::Term(id) => &mut self.terms[id].origin,
            PageRef::Page(id) => &mut self.pages[id].origin,
        }
    }

    /// Every record, kind by kind in the order of [`Kind::ALL`].
    pub fn pages(&self) -> impl Iterator<Item = PageRef> + use<> {
        let e = self.effects.ids().map(PageRef::Effect);
        let r = self.rows.ids().map(PageRef::Row);
        let s = self.sources.ids().map(PageRef::Source);
        let a = self.articles.ids().map(PageRef::Article);
        let t = self.terms.ids().map(PageRef::Term);
        let p = self.pages.ids().map(PageRef::Page);
        e.chain(r).chain(s).chain(a).chain(t).chain(p)
    }

    /// Every record with its page, in the order of [`Records::pages`].
    pub fn iter(&self) -> impl Iterator<Item = (PageRef, &dyn Record)> {
        self.pages().map(|page| (page, self.get(page)))
    }

    /// The table of records of type `D`.
    pub fn table<D: RecordData>(&self) -> &Table<Doc<D>> {
        D::table(self)
    }
}

impl<D: RecordData> Index<Id<Doc<D>>> for Records {
    type Output = Doc<D>;
    fn index(&self, id: Id<Doc<D>>) -> &Doc<D> {
        &D::table(self)[id]
    }
}

/// The front matter of one kind of record: what every kind has, and where its records are kept.
pub trait RecordData:
    Clone + std::fmt::Debug + Send + Sync + serde::de::DeserializeOwned + 'static
{
    const KIND: Kind;
    fn title(&self) -> &str;
    /// The title a link to the record shows; a row's starts with its id.
    fn link_title(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.title())
    }
    /// One line describing the record, shown under links to it and as its page's description:
    /// the summary, or for a source its full title.
    fn description(&self) -> Option<&str>;
    fn tags(&self) -> &[String] {
        &[]
    }
    fn aliases(&self) -> &[String];
    /// The record's own dates and change log, as its editors wrote them.
    fn timeline(&self) -> Timeline<'_>;
    /// The key references use, when it is not the file name: a row's `id`.
    fn key_field(&self) -> Option<(&'static str, &str)> {
        None
    }
    fn table(records: &Records) -> &Table<Doc<Self>>;
    fn table_mut(records: &mut Records) -> &mut Table<Doc<Self>>;
    fn page(id: Id<Doc<Self>>) -> PageRef;
    /// The id inside `page`, if it is a record of this kind.
    fn id_of(page: PageRef) -> Option<Id<Doc<Self>>>;
}

/// What every kind of record may say about its own history: `added`, `updated`, `changes`.
#[derive(Debug, Clone, Copy)]
pub struct Timeline<'a> {
    pub added: Option<PartialDate>,
    pub updated: Option<PartialDate>,
    pub changes: &'a [Change],
}

/// What every record has, whatever its kind.
pub trait Record: Send + Sync {
    fn kind(&self) -> Kind;
    /// The file name without `.md`.
    fn key(&self) -> &str;
    /// The key references use (`[[waarde:1.1]]`): the file name, or a row's id.
    fn reference_key(&self) -> &str;
    /// The front-matter field that holds the reference key, when it is not the file name.
    fn key_field(&self) -> Option<&'static str>;
    fn title(&self) -> &str;
    fn link_title(&self) -> Cow<'_, str>;
    fn description(&self) -> Option<&str>;
    fn tags(&self) -> &[String];
    fn aliases(&self) -> &[String];
    fn timeline(&self) -> Timeline<'_>;
    fn origin(&self) -> &Origin;
    /// A copy of the record, put in its kind's table (`load`, from its cache).
    fn copy_into(&self, records: &mut Records);
}

impl<D: RecordData> Record for Doc<D> {
    fn kind(&self) -> Kind {
        D::KIND
    }
    fn key(&self) -> &str {
        &self.key
    }
    fn reference_key(&self) -> &str {
        self.data.key_field().map_or(&self.key, |(_, key)| key)
    }
    fn key_field(&self) -> Option<&'static str> {
        self.data.key_field().map(|(field, _)| field)
    }
    fn title(&self) -> &str {
        self.data.title()
    }
    fn link_title(&self) -> Cow<'_, str> {
        self.data.link_title()
    }
    fn description(&self) -> Option<&str> {
        self.data.description()
    }
    fn tags(&self) -> &[String] {
        self.data.tags()
    }
    fn aliases(&self) -> &[String] {
        self.data.aliases()
    }
    fn timeline(&self) -> Timeline<'_> {
        self.data.timeline()
    }
    fn origin(&self) -> &Origin {
        &self.origin
    }
    fn copy_into(&self, records: &mut Records) {
        D::table_mut(records).push(self.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_follows_the_order_of_kinds() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_folder(kind.info().folder), Some(kind));
            assert_eq!(Kind::from_word(kind.info().word), Some(kind));
        }
    }

    #[test]
    fn a_read_is_noted_under_the_table_type_of_its_page() {
        fn read_of<T: 'static>(page: fn(Id<T>) -> PageRef) -> bool {
            let mut table: super::super::IdVec<T, u8> = super::super::IdVec::new();
            let id = table.push(1);
            let (_, reads) = super::super::id::recording(|| table[id]);
            let (of, position) = page(id).table_position();
            reads.touches(of, &[position])
        }
        assert!(read_of(PageRef::Effect));
        assert!(read_of(PageRef::Row));
        assert!(read_of(PageRef::Source));
        assert!(read_of(PageRef::Article));
        assert!(read_of(PageRef::Term));
        assert!(read_of(PageRef::Page));
        let mut types: Vec<TypeId> = Kind::ALL.iter().map(|k| k.table_type()).collect();
        types.sort_unstable();
        types.dedup();
        assert_eq!(types.len(), Kind::ALL.len(), "one type per kind");
    }

    #[test]
    fn one_url_scheme_for_pages_and_aliases() {
        assert_eq!(Kind::Effect.path("x"), "effecten/x/");
        assert_eq!(Kind::Row.path("1.1"), "waarde-en-randvoorwaarden/1-1/");
        assert_eq!(Kind::Source.path("oud"), "bronnen/oud/");
        assert_eq!(Kind::Page.path("over"), "over/");
        assert_eq!(Kind::Page.path("index"), "");
    }

    #[test]
    fn a_row_file_name_gives_its_id() {
        assert_eq!(Kind::Row.key_from_file_name("1-7"), "1.7");
        assert_eq!(Kind::Row.key_from_file_name("een-een"), "een-een");
        assert_eq!(Kind::Source.key_from_file_name("rug-2017"), "rug-2017");
    }
}
