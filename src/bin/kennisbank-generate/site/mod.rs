//! The content of a synthetic site: a deterministic tree of N pages in our content model (the
//! project's vocabularies, effects, value rows and pages, see `vocabulary`; sources with findings,
//! articles with `[[bron:…]]` references and glossary terms made up) that passes `check`.
//!
//! The text is Dutch-like (see `text`), in sentences and paragraphs of realistic lengths, so
//! Markdown parsing, templating, output size and search indexing cost what they would on real
//! content. Same project, `pages` and `seed`, same bytes.
//!
//! The plan and the files are here; what each kind of record says is in `records`.

mod records;

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
        let file = generator.vocabulary.rows[i].data.id.replace('.', "-");
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
