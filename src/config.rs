//! Site configuration from `content/site.yaml`: title, base URL, theme, and the vocabularies the
//! other files refer to (effect categories, value levels, source kinds, sectors, tags).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct SiteConfig {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default = "default_base_url")]
    pub base_url: String,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default = "default_theme")]
    pub theme: String,
    pub categories: Vec<Category>,
    pub levels: Vec<Level>,
    #[serde(default)]
    pub source_kinds: Vec<Vocabulary>,
    /// Kinds of evidence a finding can be (empirical research, review, theory, practice, policy).
    #[serde(default)]
    pub evidence_kinds: Vec<EvidenceKind>,
    #[serde(default)]
    pub sectors: Vec<Vocabulary>,
    #[serde(default)]
    pub tags: Vec<Vocabulary>,
}

fn default_base_url() -> String {
    "/".into()
}

fn default_language() -> String {
    "nl".into()
}

fn default_theme() -> String {
    "default".into()
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Category {
    pub key: String,
    pub label: String,
    pub column_title: String,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Level {
    pub key: String,
    pub number: u32,
    pub label: String,
    #[serde(default)]
    pub description: Option<String>,
}

/// A key with a Dutch label: source kinds, sectors and tags.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Vocabulary {
    pub key: String,
    pub label: String,
}

/// A kind of evidence: its key, Dutch label and a one-line definition for the legend.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct EvidenceKind {
    pub key: String,
    pub label: String,
    pub definition: String,
}

impl SiteConfig {
    pub fn category(&self, key: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.key == key)
    }

    pub fn level(&self, key: &str) -> Option<&Level> {
        self.levels.iter().find(|l| l.key == key)
    }

    /// The path part of the base URL, always starting and ending with `/`: the prefix of every
    /// internal link, so a site can live below a sub-path.
    pub fn base_path(&self) -> String {
        let without_scheme = match self.base_url.find("://") {
            Some(i) => {
                let rest = &self.base_url[i + 3..];
                rest.find('/').map_or("/", |j| &rest[j..])
            }
            None => self.base_url.as_str(),
        };
        let trimmed = without_scheme.trim_matches('/');
        if trimmed.is_empty() {
            "/".into()
        } else {
            format!("/{trimmed}/")
        }
    }

    /// The base URL with a trailing slash, for canonical links and feeds.
    pub fn absolute_base(&self) -> String {
        let mut base = self.base_url.clone();
        if !base.ends_with('/') {
            base.push('/');
        }
        base
    }
}

/// An entry of a site.yaml list, named by its key.
pub trait Keyed {
    fn key(&self) -> &str;
}

macro_rules! keyed {
    ($($entry:ty),*) => {
        $(impl Keyed for $entry {
            fn key(&self) -> &str {
                &self.key
            }
        })*
    };
}

keyed!(Category, Level, Vocabulary, EvidenceKind);

/// The keys of a site.yaml list, in its order.
pub fn keys<T: Keyed>(list: &[T]) -> Vec<&str> {
    list.iter().map(Keyed::key).collect()
}

/// Label of a vocabulary key, falling back to the key itself.
pub fn label_of<'a>(vocabulary: &'a [Vocabulary], key: &'a str) -> &'a str {
    vocabulary
        .iter()
        .find(|v| v.key == key)
        .map_or(key, |v| v.label.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(base_url: &str) -> SiteConfig {
        SiteConfig {
            title: "t".into(),
            description: None,
            base_url: base_url.into(),
            language: "nl".into(),
            theme: "default".into(),
            categories: vec![],
            levels: vec![],
            source_kinds: vec![],
            evidence_kinds: vec![],
            sectors: vec![],
            tags: vec![],
        }
    }

    #[test]
    fn base_path_from_any_base_url() {
        assert_eq!(config("/").base_path(), "/");
        assert_eq!(config("https://x.nl").base_path(), "/");
        assert_eq!(config("https://x.nl/").base_path(), "/");
        assert_eq!(config("https://x.nl/kb").base_path(), "/kb/");
        assert_eq!(config("/kb/").base_path(), "/kb/");
    }
}
