//! Synthetic content for benchmarks: a deterministic tree of N pages in our content model (the
//! shipped site.yaml's vocabularies, the 8 effects and 11 value rows, sources with findings, articles
//! with `[[bron:…]]` references, glossary terms and the overview pages) that passes `check`.
//!
//! The text is Dutch-like: words drawn from the shipped content's vocabulary with a Zipf
//! distribution over their frequency rank, in sentences and paragraphs of realistic lengths, so
//! Markdown parsing, templating, output size and search indexing cost what they would on real
//! content. Same `pages` and `seed`, same bytes.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// The vocabulary, most frequent first (see the file's header).
const WORDS: &str = include_str!("words.txt");

/// The effects of the shipped schema: (key, title, category, order).
const EFFECTS: [(&str, &str, &str, u32); 8] = [
    (
        "verbinding-theorie-praktijk",
        "Verbinding theorie-praktijk",
        "primair",
        1,
    ),
    (
        "pedagogisch-didactisch-handelen",
        "Beter pedagogisch-didactisch handelen",
        "primair",
        2,
    ),
    (
        "professionele-tevredenheid",
        "Hogere professionele tevredenheid",
        "primair",
        3,
    ),
    (
        "opleidingsrendement",
        "Hoger opleidingsrendement",
        "primair",
        4,
    ),
    (
        "professionalisering-personeel",
        "Professionalisering startend en zittend personeel",
        "secundair",
        1,
    ),
    (
        "lerende-organisatie",
        "Versterking van de school als lerende organisatie",
        "secundair",
        2,
    ),
    (
        "impact-op-leerlingen",
        "Positieve impact op leerlingen",
        "tertiair",
        1,
    ),
    (
        "behoud-startende-leraren",
        "Behoud van startende leraren",
        "tertiair",
        2,
    ),
];

/// The value rows of the shipped table: (id, level, title).
const ROWS: [(&str, &str, &str); 11] = [
    (
        "1.1",
        "onderwijsregio",
        "Goed opgeleide leraren voor de Onderwijsregio",
    ),
    (
        "1.2",
        "onderwijsregio",
        "Studenten en startende leraren op de juiste plek",
    ),
    (
        "1.3",
        "onderwijsregio",
        "Hoog opleidingsrendement en studiesucces",
    ),
    ("1.4", "onderwijsregio", "Behoud van startende leraren"),
    (
        "1.5",
        "onderwijsregio",
        "Vliegwiel voor ontwikkeling en innovatie",
    ),
    (
        "1.6",
        "onderwijsregio",
        "Inspelen op veranderingen op de arbeidsmarkt",
    ),
    ("2.1", "partnerschap", "Solidair Samen Opleiden"),
    (
        "2.2",
        "partnerschap",
        "Studenten en startende leraren op de juiste plek",
    ),
    ("2.3", "partnerschap", "Leren van en met elkaar"),
    ("2.4", "partnerschap", "Vliegwiel voor bredere samenwerking"),
    ("2.5", "partnerschap", "Sterke kwaliteitscultuur"),
];

const SOURCE_KINDS: [&str; 8] = [
    "wetenschappelijk",
    "praktijkonderzoek",
    "beleid",
    "advies",
    "boek",
    "platform",
    "regelgeving",
    "monitor",
];

const SECTORS: [&str; 3] = ["po", "vo", "mbo"];

/// The shipped tags; larger sites get more (see [`Plan`]).
const SHIPPED_TAGS: [&str; 23] = [
    "krimp",
    "lerarentekort",
    "inductie",
    "kwaliteitszorg",
    "financiering",
    "professionalisering",
    "onderzoek",
    "regionale-samenwerking",
    "onderwijsregio",
    "governance",
    "hrm",
    "zij-instroom",
    "doorgaande-lijn",
    "theorie-praktijk",
    "begeleiding",
    "curriculum",
    "schoolontwikkeling",
    "werving",
    "studiesucces",
    "peer-review",
    "kwaliteitskader",
    "inclusie",
    "samenwerking",
];

const SURNAMES: [&str; 24] = [
    "Jansen",
    "de Vries",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "Kok",
    "Jacobs",
];

/// The overview intros and plain pages every site has.
const PAGES: [(&str, &str); 8] = [
    ("index", "Kennisbank Samen Opleiden & Professionaliseren"),
    ("effecten", "Effecten"),
    ("waarde-en-randvoorwaarden", "Waarde en randvoorwaarden"),
    ("bronnen", "Bronnen"),
    ("kennisbank", "Kennisbank"),
    ("begrippen", "Begrippen"),
    ("over", "Over deze kennisbank"),
    ("toegankelijkheid", "Toegankelijkheid"),
];

/// Articles per folder under `kennisbank/`: one folder is one publication, its first article the
/// parent of the others.
const ARTICLES_PER_FOLDER: usize = 40;

/// What was written.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    pub files: usize,
    pub sources: usize,
    pub articles: usize,
    pub terms: usize,
    pub bytes: u64,
}

/// How many records of each kind a site of `pages` content files has, in the proportions of the
/// shipped content (≈40 % sources, 50 % articles, 10 % terms).
#[derive(Debug, Clone, Copy)]
struct Plan {
    sources: usize,
    articles: usize,
    terms: usize,
    tags: usize,
}

impl Plan {
    fn new(pages: usize) -> Plan {
        let fixed = EFFECTS.len() + ROWS.len() + PAGES.len();
        let rest = pages.saturating_sub(fixed).max(10);
        let sources = rest * 4 / 10;
        let terms = rest / 10;
        Plan {
            sources,
            articles: rest - sources - terms,
            terms,
            // A real site adds themes as it grows; ~1 tag per 250 pages keeps tag pages realistic.
            tags: SHIPPED_TAGS.len().max(pages / 250),
        }
    }
}

/// splitmix64: a tiny PRNG whose output is fixed forever, so a seed means the same site on every
/// machine and every version (a crate's generator may change its stream between releases).
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Draws words by Zipf's law over their frequency rank.
struct Text {
    words: Vec<&'static str>,
    /// Cumulative weights 1/rank, normalised to end at 1.
    cumulative: Vec<f64>,
}

impl Text {
    fn new() -> Text {
        let words: Vec<&str> = WORDS
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let mut total = 0.0;
        let mut cumulative: Vec<f64> = (0..words.len())
            .map(|rank| {
                total += 1.0 / (rank as f64 + 1.0);
                total
            })
            .collect();
        for c in &mut cumulative {
            *c /= total;
        }
        Text { words, cumulative }
    }

    fn word(&self, rng: &mut Rng) -> &'static str {
        let u = rng.unit();
        let i = self.cumulative.partition_point(|&c| c < u);
        self.words[i.min(self.words.len() - 1)]
    }

    /// A word from the less common half, for keys and titles (no "de-en-het").
    fn content_word(&self, rng: &mut Rng) -> &'static str {
        loop {
            let w = self.words[rng.between(60, self.words.len() - 1)];
            if w.len() >= 4 && w.bytes().all(|b| b.is_ascii_lowercase()) {
                return w;
            }
        }
    }

    /// `n` words without the final period, the first capitalised.
    fn phrase(&self, rng: &mut Rng, n: usize) -> String {
        let mut out = String::new();
        for i in 0..n {
            let w = self.word(rng);
            if i == 0 {
                capitalise_into(&mut out, w);
            } else {
                out.push(' ');
                out.push_str(w);
                if i + 1 < n && rng.chance(6) {
                    out.push(',');
                }
            }
        }
        out
    }

    fn sentence(&self, rng: &mut Rng) -> String {
        let n = rng.between(6, 22);
        let mut s = self.phrase(rng, n);
        s.push('.');
        s
    }

    fn title(&self, rng: &mut Rng) -> String {
        let mut out = String::new();
        let n = rng.between(3, 7);
        for i in 0..n {
            let w = if i % 2 == 0 {
                self.content_word(rng)
            } else {
                self.word(rng)
            };
            if i == 0 {
                capitalise_into(&mut out, w);
            } else {
                out.push(' ');
                out.push_str(w);
            }
        }
        out
    }
}

fn capitalise_into(out: &mut String, word: &str) {
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.push_str(chars.as_str());
    }
}

/// Everything one generated site refers to, so references always resolve.
struct Keys {
    sources: Vec<String>,
    articles: Vec<String>,
    terms: Vec<String>,
    tags: Vec<String>,
}

struct Generator {
    rng: Rng,
    text: Text,
    keys: Keys,
}

/// Writes a synthetic site of about `pages` content files into `output/content` (which must not
/// exist yet or be empty).
pub fn generate(pages: usize, seed: u64, output: &Path) -> Result<Summary> {
    let content = output.join("content");
    if content.exists()
        && fs::read_dir(&content)
            .with_context(|| format!("reading {}", content.display()))?
            .next()
            .is_some()
    {
        anyhow::bail!(
            "{} is not empty; generate into a fresh folder",
            content.display()
        );
    }
    let plan = Plan::new(pages);
    let mut rng = Rng(seed);
    let text = Text::new();
    let unique = |prefix: String, i: usize| format!("{prefix}-{i}");
    let sources = (0..plan.sources)
        .map(|i| {
            let name = SURNAMES[rng.below(SURNAMES.len())];
            unique(format!("{}-{}", slug(name), 1990 + rng.below(36)), i + 1)
        })
        .collect();
    let articles = (0..plan.articles)
        .map(|i| unique(text.content_word(&mut rng).to_string(), i + 1))
        .collect();
    let terms = (0..plan.terms)
        .map(|i| unique(text.content_word(&mut rng).to_string(), i + 1))
        .collect();
    let mut tags: Vec<String> = SHIPPED_TAGS.iter().map(|t| t.to_string()).collect();
    for i in tags.len()..plan.tags {
        tags.push(format!("{}-{}", text.content_word(&mut rng), i + 1));
    }
    let mut generator = Generator {
        rng,
        text,
        keys: Keys {
            sources,
            articles,
            terms,
            tags,
        },
    };
    let mut writer = Writer {
        root: content,
        files: 0,
        bytes: 0,
    };
    writer.write("site.yaml", &generator.site_yaml())?;
    for (i, effect) in EFFECTS.iter().enumerate() {
        let doc = generator.effect(i);
        writer.write(&format!("effecten/{}.md", effect.0), &doc)?;
    }
    for (i, row) in ROWS.iter().enumerate() {
        let doc = generator.row(i);
        writer.write(&format!("waarden/{}.md", row.0.replace('.', "-")), &doc)?;
    }
    for i in 0..plan.sources {
        let doc = generator.source(i);
        let key = &generator.keys.sources[i];
        writer.write(&format!("bronnen/{key}.md"), &doc)?;
    }
    for i in 0..plan.articles {
        let doc = generator.article(i);
        let key = &generator.keys.articles[i];
        let folder = i / ARTICLES_PER_FOLDER + 1;
        writer.write(&format!("kennisbank/publicatie-{folder}/{key}.md"), &doc)?;
    }
    for i in 0..plan.terms {
        let doc = generator.term(i);
        let key = &generator.keys.terms[i];
        writer.write(&format!("begrippen/{key}.md"), &doc)?;
    }
    for (key, title) in PAGES {
        let doc = generator.page(title);
        writer.write(&format!("paginas/{key}.md"), &doc)?;
    }
    Ok(Summary {
        files: writer.files,
        sources: plan.sources,
        articles: plan.articles,
        terms: plan.terms,
        bytes: writer.bytes,
    })
}

struct Writer {
    root: PathBuf,
    files: usize,
    bytes: u64,
}

impl Writer {
    fn write(&mut self, relative: &str, text: &str) -> Result<()> {
        let path = self.root.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
        self.files += 1;
        self.bytes += text.len() as u64;
        Ok(())
    }
}

fn slug(name: &str) -> String {
    name.to_lowercase().replace(' ', "-")
}

/// A YAML flow list of quoted strings: `["a", "b"]`.
fn list<S: AsRef<str>>(items: &[S]) -> String {
    let quoted: Vec<String> = items
        .iter()
        .map(|s| format!("\"{}\"", s.as_ref()))
        .collect();
    format!("[{}]", quoted.join(", "))
}

impl Generator {
    /// Between `lo` and `hi` distinct picks from `0..len` (fewer if `len` is smaller).
    fn pick(&mut self, len: usize, (lo, hi): (usize, usize)) -> Vec<usize> {
        let n = self.rng.between(lo, hi);
        let mut picked = Vec::with_capacity(n);
        let mut tries = 0;
        while picked.len() < n.min(len) && tries < 100 {
            let i = self.rng.below(len);
            if !picked.contains(&i) {
                picked.push(i);
            }
            tries += 1;
        }
        picked
    }

    fn tags(&mut self, n: (usize, usize)) -> String {
        let picks = self.pick(self.keys.tags.len(), n);
        let tags: Vec<&str> = picks.iter().map(|&i| self.keys.tags[i].as_str()).collect();
        list(&tags)
    }

    fn effect_keys(&mut self, n: (usize, usize)) -> String {
        let picks = self.pick(EFFECTS.len(), n);
        list(&picks.iter().map(|&i| EFFECTS[i].0).collect::<Vec<_>>())
    }

    fn row_ids(&mut self, n: (usize, usize)) -> String {
        let picks = self.pick(ROWS.len(), n);
        list(&picks.iter().map(|&i| ROWS[i].0).collect::<Vec<_>>())
    }

    fn sentence(&mut self) -> String {
        self.text.sentence(&mut self.rng)
    }

    fn reference(&mut self) -> String {
        let roll = self.rng.below(100);
        let k = &self.keys;
        match roll {
            0..=59 if !k.sources.is_empty() => {
                format!("[[bron:{}]]", k.sources[self.rng.below(k.sources.len())])
            }
            60..=69 => format!("[[effect:{}]]", EFFECTS[self.rng.below(EFFECTS.len())].0),
            70..=77 => format!("[[waarde:{}]]", ROWS[self.rng.below(ROWS.len())].0),
            78..=89 if !k.terms.is_empty() => {
                let key = &k.terms[self.rng.below(k.terms.len())];
                let label = self.text.content_word(&mut self.rng);
                format!("[[begrip:{key}|{label}]]")
            }
            _ if !k.articles.is_empty() => {
                format!(
                    "[[artikel:{}]]",
                    k.articles[self.rng.below(k.articles.len())]
                )
            }
            _ => format!("[[effect:{}]]", EFFECTS[0].0),
        }
    }

    /// Markdown paragraphs of `words` words in total, with about one reference per 60 words and
    /// now and then a heading or a list.
    fn body(&mut self, words: usize) -> String {
        let mut out = String::new();
        let mut written = 0;
        while written < words {
            if written > 0 && self.rng.chance(15) {
                let n = self.rng.between(2, 5);
                let _ = writeln!(out, "## {}\n", self.text.phrase(&mut self.rng, n));
            }
            if self.rng.chance(10) {
                for _ in 0..self.rng.between(2, 5) {
                    let n = self.rng.between(4, 12);
                    let _ = writeln!(out, "- {}", self.text.phrase(&mut self.rng, n));
                    written += n;
                }
                out.push('\n');
                continue;
            }
            let sentences = self.rng.between(2, 6);
            for s in 0..sentences {
                if s > 0 {
                    out.push(' ');
                }
                let sentence = self.sentence();
                written += sentence.split(' ').count();
                out.push_str(&sentence);
                if self.rng.chance(45) {
                    out.pop();
                    let reference = self.reference();
                    let _ = write!(out, " ({reference}).");
                }
            }
            out.push_str("\n\n");
        }
        out
    }

    fn site_yaml(&mut self) -> String {
        let mut out = String::from(SITE_YAML);
        for (i, key) in self.keys.tags.iter().enumerate() {
            let label = if i < SHIPPED_TAGS.len() {
                let mut l = String::new();
                capitalise_into(&mut l, &key.replace('-', " "));
                l
            } else {
                self.text.title(&mut self.rng)
            };
            let _ = writeln!(out, "  - {{ key: {key}, label: \"{label}\" }}");
        }
        out
    }

    fn effect(&mut self, i: usize) -> String {
        let (_, title, category, order) = EFFECTS[i];
        let summary = self.sentence();
        let tags = self.tags((3, 3));
        let words = self.rng.between(150, 400);
        let body = self.body(words);
        format!(
            "---\ntitle: \"{title}\"\ncategory: {category}\norder: {order}\nsummary: \"{summary}\"\ntags: {tags}\n---\n{body}"
        )
    }

    fn row(&mut self, i: usize) -> String {
        let (id, level, title) = ROWS[i];
        let summary = self.sentence();
        let conditions: Vec<String> = (0..self.rng.between(3, 6))
            .map(|_| self.sentence())
            .collect();
        let effects = self.effect_keys((2, 2));
        let tags = self.tags((4, 4));
        let mut out = format!(
            "---\nid: \"{id}\"\ntitle: \"{title}\"\nlevel: {level}\nsummary: \"{summary}\"\nconditions:\n"
        );
        for c in conditions {
            let _ = writeln!(out, "  - \"{c}\"");
        }
        let _ = writeln!(out, "effects: {effects}\ntags: {tags}\nquotes:");
        for _ in 0..self.rng.between(2, 6) {
            let n = self.rng.between(25, 70);
            let text = self.text.phrase(&mut self.rng, n);
            let _ = writeln!(
                out,
                "  - text: \"{text}.\"\n    role: Student\n    organisation: Partnerschap {}",
                self.rng.between(1, 40)
            );
        }
        let words = self.rng.between(80, 200);
        let _ = write!(out, "---\n{}", self.body(words));
        out
    }

    fn source(&mut self, i: usize) -> String {
        let key = self.keys.sources[i].clone();
        // The key is `<surname>-<year>-<n>`: label and year follow from it.
        let mut parts = key.rsplitn(3, '-');
        let _n = parts.next();
        let year = parts.next().unwrap_or("2020").to_string();
        let surname = SURNAMES
            .iter()
            .find(|s| slug(s) == parts.next().unwrap_or(""))
            .copied()
            .unwrap_or("Jansen");
        let authors: Vec<String> = std::iter::once(surname.to_string())
            .chain((0..self.rng.below(3)).map(|_| SURNAMES[self.rng.below(SURNAMES.len())].into()))
            .collect();
        let title = self.text.title(&mut self.rng);
        let kind = SOURCE_KINDS[self.rng.below(SOURCE_KINDS.len())];
        let tags = self.tags((1, 3));
        let mut out = format!(
            "---\nlabel: \"{surname} ({year})\"\nauthors: {}\nyear: {year}\ntitle: \"{title}\"\nkind: {kind}\ntags: {tags}\nfindings:\n",
            list(&authors)
        );
        for _ in 0..self.rng.between(1, 5) {
            let text = self.sentence();
            let effects = self.effect_keys((1, 2));
            let _ = writeln!(out, "  - text: \"{text}\"\n    effects: {effects}");
            if self.rng.chance(60) {
                let rows = self.row_ids((1, 2));
                let _ = writeln!(out, "    rows: {rows}");
            }
        }
        let words = self.rng.between(80, 250);
        let _ = write!(out, "---\n{}", self.body(words));
        out
    }

    fn article(&mut self, i: usize) -> String {
        let title = self.text.title(&mut self.rng);
        let summary = self.sentence();
        let year = 2000 + self.rng.below(26);
        let date = match self.rng.below(3) {
            0 => year.to_string(),
            1 => format!("\"{year}-{:02}\"", self.rng.between(1, 12)),
            _ => format!(
                "\"{year}-{:02}-{:02}\"",
                self.rng.between(1, 12),
                self.rng.between(1, 28)
            ),
        };
        let tags = self.tags((1, 4));
        let sectors = {
            let picks = self.pick(SECTORS.len(), (1, 3));
            list(&picks.iter().map(|&i| SECTORS[i]).collect::<Vec<_>>())
        };
        let effects = self.effect_keys((0, 2));
        let rows = self.row_ids((0, 2));
        let sources = if self.keys.sources.is_empty() {
            list::<&str>(&[])
        } else {
            let picks = self.pick(self.keys.sources.len(), (1, 5));
            list(
                &picks
                    .iter()
                    .map(|&s| self.keys.sources[s].as_str())
                    .collect::<Vec<_>>(),
            )
        };
        let mut out = format!(
            "---\ntitle: \"{title}\"\ndate: {date}\nsummary: \"{summary}\"\nauthors: [\"Platform Samen Opleiden & Professionaliseren\"]\ntags: {tags}\nsectors: {sectors}\neffects: {effects}\nrows: {rows}\nsources: {sources}\n"
        );
        let first_of_folder = i - i % ARTICLES_PER_FOLDER;
        if i != first_of_folder {
            let _ = writeln!(
                out,
                "parent: {}\norder: {}",
                self.keys.articles[first_of_folder],
                i % ARTICLES_PER_FOLDER
            );
        }
        let words = self.rng.between(200, 900);
        let _ = write!(out, "---\n{}", self.body(words));
        out
    }

    fn term(&mut self, _i: usize) -> String {
        let title = self.text.title(&mut self.rng);
        let summary = self.sentence();
        let synonyms: Vec<&str> = (0..self.rng.below(3))
            .map(|_| self.text.content_word(&mut self.rng))
            .collect();
        let tags = self.tags((1, 2));
        let words = self.rng.between(60, 200);
        format!(
            "---\ntitle: \"{title}\"\nsummary: \"{summary}\"\nsynonyms: {}\ntags: {tags}\n---\n{}",
            list(&synonyms),
            self.body(words)
        )
    }

    fn page(&mut self, title: &str) -> String {
        let summary = self.sentence();
        let words = self.rng.between(100, 300);
        format!(
            "---\ntitle: \"{title}\"\nsummary: \"{summary}\"\n---\n{}",
            self.body(words)
        )
    }
}

/// site.yaml up to the tags, which depend on the size.
const SITE_YAML: &str = "# Synthetic site for benchmarks, written by `kennisbank generate`.
title: Kennisbank Samen Opleiden & Professionaliseren
description: Synthetische inhoud om de build te meten.
base_url: /
language: nl
theme: default
categories:
  - key: primair
    label: Primaire effecten
    column_title: Voorbereiding op de beroepspraktijk
    description: Effecten op hoe goed de student wordt voorbereid op het beroep van leraar.
  - key: secundair
    label: Secundaire effecten
    column_title: Impact van samenwerking
    description: Neveneffecten van de samenwerking tussen scholen en lerarenopleidingen.
  - key: tertiair
    label: Tertiaire effecten
    column_title: Kwaliteit van onderwijs
    description: Gevolgen van de primaire en secundaire effecten voor de kwaliteit van het onderwijs.
levels:
  - key: onderwijsregio
    number: 1
    label: Onderwijsregio
    description: Waarde van Samen Opleiden voor de Onderwijsregio als geheel.
  - key: partnerschap
    number: 2
    label: Partnerschap
    description: Waarde voor de partnerschappen Samen Opleiden.
source_kinds:
  - { key: wetenschappelijk, label: Wetenschappelijk onderzoek }
  - { key: praktijkonderzoek, label: Praktijkgericht onderzoek }
  - { key: beleid, label: Beleid en onderzoek in opdracht }
  - { key: advies, label: Advies }
  - { key: boek, label: Boek }
  - { key: platform, label: Publicatie van het Platform }
  - { key: regelgeving, label: Wet- en regelgeving }
  - { key: monitor, label: Monitor en cijfers }
sectors:
  - { key: po, label: Primair onderwijs }
  - { key: vo, label: Voortgezet onderwijs }
  - { key: mbo, label: Middelbaar beroepsonderwijs }
tags:
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_site_and_another_seed_another() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let c = tempfile::tempdir().unwrap();
        generate(60, 7, a.path()).unwrap();
        generate(60, 7, b.path()).unwrap();
        generate(60, 8, c.path()).unwrap();
        let read = |d: &Path, f: &str| fs::read_to_string(d.join("content").join(f)).unwrap();
        assert_eq!(read(a.path(), "site.yaml"), read(b.path(), "site.yaml"));
        assert_eq!(
            read(a.path(), "effecten/opleidingsrendement.md"),
            read(b.path(), "effecten/opleidingsrendement.md")
        );
        assert_ne!(
            read(a.path(), "effecten/opleidingsrendement.md"),
            read(c.path(), "effecten/opleidingsrendement.md")
        );
    }

    #[test]
    fn common_words_are_far_more_frequent_than_rare_ones() {
        let text = Text::new();
        let mut rng = Rng(1);
        let mut counts = std::collections::HashMap::new();
        for _ in 0..20_000 {
            *counts.entry(text.word(&mut rng)).or_insert(0) += 1;
        }
        // Zipf: the most frequent word ("de") about ten times the tenth.
        let first = counts[text.words[0]];
        let tenth = counts.get(text.words[9]).copied().unwrap_or(0);
        assert!(first > 5 * tenth && tenth > 0, "{first} vs {tenth}");
    }
}
