//! The content of a synthetic site: a deterministic tree of N pages in our content model (the
//! project's vocabularies, effects, value rows and pages, see `vocabulary`; sources with findings,
//! articles with `[[bron:…]]` references and glossary terms made up) that passes `check`.
//!
//! The text is Dutch-like (see `text`), in sentences and paragraphs of realistic lengths, so
//! Markdown parsing, templating, output size and search indexing cost what they would on real
//! content. Same project, `pages` and `seed`, same bytes.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::text::{Rng, SURNAMES, Text};
use crate::vocabulary::Vocabulary;

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
    fn new(pages: usize, vocabulary: &Vocabulary) -> Plan {
        let fixed = vocabulary.effects.len() + vocabulary.rows.len() + vocabulary.pages.len();
        let rest = pages.saturating_sub(fixed).max(10);
        let sources = rest * 4 / 10;
        let terms = rest / 10;
        Plan {
            sources,
            articles: rest - sources - terms,
            terms,
            // A real site adds themes as it grows; ~1 tag per 250 pages keeps tag pages realistic.
            tags: vocabulary.config.tags.len().max(pages / 250),
        }
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
    vocabulary: Vocabulary,
}

/// Writes a synthetic site of about `pages` content files into `output/content` (which must not
/// exist yet or be empty).
pub fn generate(vocabulary: Vocabulary, pages: usize, seed: u64, output: &Path) -> Result<Summary> {
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
    let plan = Plan::new(pages, &vocabulary);
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
    let mut tags: Vec<String> = vocabulary
        .config
        .tags
        .iter()
        .map(|t| t.key.clone())
        .collect();
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
        vocabulary,
    };
    let mut writer = Writer {
        root: content,
        files: 0,
        bytes: 0,
    };
    writer.write("site.yaml", &generator.site_yaml())?;
    for i in 0..generator.vocabulary.effects.len() {
        let doc = generator.effect(i);
        let key = &generator.vocabulary.effects[i].key;
        writer.write(&format!("effecten/{key}.md"), &doc)?;
    }
    for i in 0..generator.vocabulary.rows.len() {
        let doc = generator.row(i);
        let file = generator.vocabulary.rows[i].id.replace('.', "-");
        writer.write(&format!("waarden/{file}.md"), &doc)?;
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
    for i in 0..generator.vocabulary.pages.len() {
        let doc = generator.page(i);
        let key = &generator.vocabulary.pages[i].key;
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

/// `text` as a YAML double-quoted scalar (JSON's string syntax is a subset of it).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("a string serialises")
}

/// A YAML flow list of quoted strings: `["a", "b"]`.
fn list<S: AsRef<str>>(items: &[S]) -> String {
    let quoted: Vec<String> = items
        .iter()
        .map(|s| format!("\"{}\"", s.as_ref()))
        .collect();
    format!("[{}]", quoted.join(", "))
}

/// Between `lo` and `hi` distinct picks from `0..len` (fewer if `len` is smaller).
fn pick(rng: &mut Rng, len: usize, (lo, hi): (usize, usize)) -> Vec<usize> {
    let n = rng.between(lo, hi);
    let mut picked = Vec::with_capacity(n);
    let mut tries = 0;
    while picked.len() < n.min(len) && tries < 100 {
        let i = rng.below(len);
        if !picked.contains(&i) {
            picked.push(i);
        }
        tries += 1;
    }
    picked
}

/// A flow list of between `lo` and `hi` distinct `keys`.
fn pick_list(rng: &mut Rng, keys: &[&str], n: (usize, usize)) -> String {
    let picks = pick(rng, keys.len(), n);
    list(&picks.iter().map(|&i| keys[i]).collect::<Vec<_>>())
}

impl Generator {
    fn tags(&mut self, n: (usize, usize)) -> String {
        let keys: Vec<&str> = self.keys.tags.iter().map(String::as_str).collect();
        pick_list(&mut self.rng, &keys, n)
    }

    fn effect_keys(&mut self, n: (usize, usize)) -> String {
        let keys: Vec<&str> = self
            .vocabulary
            .effects
            .iter()
            .map(|e| e.key.as_str())
            .collect();
        pick_list(&mut self.rng, &keys, n)
    }

    fn row_ids(&mut self, n: (usize, usize)) -> String {
        let keys: Vec<&str> = self.vocabulary.rows.iter().map(|r| r.id.as_str()).collect();
        pick_list(&mut self.rng, &keys, n)
    }

    fn sectors(&mut self, n: (usize, usize)) -> String {
        let sectors = &self.vocabulary.config.sectors;
        let keys: Vec<&str> = sectors.iter().map(|s| s.key.as_str()).collect();
        pick_list(&mut self.rng, &keys, n)
    }

    /// One key of a site.yaml list (source kinds, kinds of evidence, sectors), if it has any.
    fn one_of<'v>(rng: &mut Rng, keys: impl ExactSizeIterator<Item = &'v str>) -> Option<&'v str> {
        let mut keys = keys;
        let n = keys.len();
        (n > 0).then(|| keys.nth(rng.below(n)).expect("in range"))
    }

    fn sentence(&mut self) -> String {
        self.text.sentence(&mut self.rng)
    }

    fn reference(&mut self) -> String {
        let roll = self.rng.below(100);
        let k = &self.keys;
        let effects = &self.vocabulary.effects;
        let rows = &self.vocabulary.rows;
        match roll {
            0..=59 if !k.sources.is_empty() => {
                format!("[[bron:{}]]", k.sources[self.rng.below(k.sources.len())])
            }
            60..=69 => format!("[[effect:{}]]", effects[self.rng.below(effects.len())].key),
            70..=77 => format!("[[waarde:{}]]", rows[self.rng.below(rows.len())].id),
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
            _ => format!("[[effect:{}]]", effects[0].key),
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
        let listed = self.vocabulary.config.tags.len();
        let extra: Vec<(String, String)> = self.keys.tags[listed..]
            .iter()
            .map(|key| (key.clone(), self.text.title(&mut self.rng)))
            .collect();
        self.vocabulary.site_yaml(&extra)
    }

    fn effect(&mut self, i: usize) -> String {
        let effect = &self.vocabulary.effects[i];
        let (title, category, order) =
            (quoted(&effect.title), effect.category.clone(), effect.order);
        let summary = self.sentence();
        let tags = self.tags((3, 3));
        let words = self.rng.between(150, 400);
        let body = self.body(words);
        format!(
            "---\ntitle: {title}\ncategory: {category}\norder: {order}\nsummary: \"{summary}\"\ntags: {tags}\n---\n{body}"
        )
    }

    fn row(&mut self, i: usize) -> String {
        let row = &self.vocabulary.rows[i];
        let (id, level, title) = (quoted(&row.id), row.level.clone(), quoted(&row.title));
        let summary = self.sentence();
        let conditions: Vec<String> = (0..self.rng.between(3, 6))
            .map(|_| self.sentence())
            .collect();
        let effects = self.effect_keys((2, 2));
        let tags = self.tags((4, 4));
        let mut out = format!(
            "---\nid: {id}\ntitle: {title}\nlevel: {level}\nsummary: \"{summary}\"\nconditions:\n"
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
        let config = &self.vocabulary.config;
        let kind = Self::one_of(
            &mut self.rng,
            config.source_kinds.iter().map(|k| k.key.as_str()),
        )
        .map(|k| format!("kind: {k}\n"))
        .unwrap_or_default();
        // Every finding needs a kind of evidence: the source gives the default.
        let evidence = Self::one_of(
            &mut self.rng,
            config.evidence_kinds.iter().map(|k| k.key.as_str()),
        )
        .map(|k| format!("evidence: {k}\n"))
        .unwrap_or_default();
        let tags = self.tags((1, 3));
        let mut out = format!(
            "---\nlabel: \"{surname} ({year})\"\nauthors: {}\nyear: {year}\ntitle: \"{title}\"\n{kind}{evidence}tags: {tags}\nfindings:\n",
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
            let config = &self.vocabulary.config;
            if self.rng.chance(30)
                && let Some(evidence) = Self::one_of(
                    &mut self.rng,
                    config.evidence_kinds.iter().map(|k| k.key.as_str()),
                )
            {
                let _ = writeln!(out, "    evidence: {evidence}");
            }
            if self.rng.chance(30) {
                let sectors = self.sectors((1, 2));
                let _ = writeln!(out, "    sectors: {sectors}");
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
        let sectors = self.sectors((1, 3));
        let effects = self.effect_keys((0, 2));
        let rows = self.row_ids((0, 2));
        let sources = if self.keys.sources.is_empty() {
            list::<&str>(&[])
        } else {
            let keys: Vec<&str> = self.keys.sources.iter().map(String::as_str).collect();
            pick_list(&mut self.rng, &keys, (1, 5))
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

    fn page(&mut self, i: usize) -> String {
        let title = quoted(&self.vocabulary.pages[i].title);
        let summary = self.sentence();
        let words = self.rng.between(100, 300);
        format!(
            "---\ntitle: {title}\nsummary: \"{summary}\"\n---\n{}",
            self.body(words)
        )
    }
}
