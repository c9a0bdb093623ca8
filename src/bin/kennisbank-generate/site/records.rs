//! The text of each kind of record the generator writes: front matter drawn from the project's
//! vocabularies and the keys made so far, and a Dutch-like body with references.

use std::fmt::Write as _;

use super::{ARTICLES_PER_FOLDER, Generator, slug};
use crate::text::{Rng, SURNAMES};
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
fn pick_list<'k>(
    rng: &mut Rng,
    keys: impl IntoIterator<Item = &'k str>,
    n: (usize, usize),
) -> String {
    let keys: Vec<&str> = keys.into_iter().collect();
    let picks = pick(rng, keys.len(), n);
    list(&picks.iter().map(|&i| keys[i]).collect::<Vec<_>>())
}

impl Generator {
    fn tags(&mut self, n: (usize, usize)) -> String {
        pick_list(&mut self.rng, self.keys.tags.iter().map(String::as_str), n)
    }

    fn effect_keys(&mut self, n: (usize, usize)) -> String {
        let effects = self.vocabulary.effects.iter();
        pick_list(&mut self.rng, effects.map(|e| e.key.as_str()), n)
    }

    fn row_ids(&mut self, n: (usize, usize)) -> String {
        let rows = self.vocabulary.rows.iter();
        pick_list(&mut self.rng, rows.map(|r| r.data.id.as_str()), n)
    }

    fn sectors(&mut self, n: (usize, usize)) -> String {
        let sectors = self.vocabulary.config.sectors.iter();
        pick_list(&mut self.rng, sectors.map(|s| s.key.as_str()), n)
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
            70..=77 => format!("[[waarde:{}]]", rows[self.rng.below(rows.len())].data.id),
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

    /// Closes the front matter `out` and adds a body of between `lo` and `hi` words.
    fn with_body(&mut self, mut out: String, (lo, hi): (usize, usize)) -> String {
        let words = self.rng.between(lo, hi);
        let _ = write!(out, "---\n{}", self.body(words));
        out
    }

    pub(super) fn site_yaml(&mut self) -> String {
        let listed = self.vocabulary.config.tags.len();
        let extra: Vec<(String, String)> = self.keys.tags[listed..]
            .iter()
            .map(|key| (key.clone(), self.text.title(&mut self.rng)))
            .collect();
        self.vocabulary.site_yaml(&extra)
    }

    pub(super) fn effect(&mut self, i: usize) -> String {
        let effect = &self.vocabulary.effects[i];
        let (title, category, order) = (
            quoted(&effect.data.title),
            effect.data.category.clone(),
            effect.data.order,
        );
        let summary = self.sentence();
        let tags = self.tags((3, 3));
        let words = self.rng.between(150, 400);
        let body = self.body(words);
        format!(
            "---\ntitle: {title}\ncategory: {category}\norder: {order}\nsummary: \"{summary}\"\ntags: {tags}\n---\n{body}"
        )
    }

    pub(super) fn row(&mut self, i: usize) -> String {
        let row = &self.vocabulary.rows[i];
        let (id, level, title) = (
            quoted(&row.data.id),
            row.data.level.clone(),
            quoted(&row.data.title),
        );
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
        self.with_body(out, (80, 200))
    }

    pub(super) fn source(&mut self, i: usize) -> String {
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
        self.with_body(out, (80, 250))
    }

    pub(super) fn article(&mut self, i: usize) -> String {
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
            pick_list(
                &mut self.rng,
                self.keys.sources.iter().map(String::as_str),
                (1, 5),
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
        self.with_body(out, (200, 900))
    }

    pub(super) fn term(&mut self, _i: usize) -> String {
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

    pub(super) fn page(&mut self, i: usize) -> String {
        let title = quoted(&self.vocabulary.pages[i].data.title);
        let summary = self.sentence();
        let words = self.rng.between(100, 300);
        format!(
            "---\ntitle: {title}\nsummary: \"{summary}\"\n---\n{}",
            self.body(words)
        )
    }
}
