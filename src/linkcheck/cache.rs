//! Answers kept between runs in `<root>/.cache/kennisbank/links.json`, so a second check does not
//! ask every server again.
//!
//! The file is ours alone: it carries a format name and version, and anything else found there (a
//! half-written file, another tool's JSON, an older version) is reported as a warning and replaced,
//! never trusted. It is written to a temporary file and renamed, so a killed run leaves the old
//! cache or the new one, not a torn one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::outcome::Outcome;

const FORMAT: &str = "kennisbank-link-cache";
/// 2: redirect problems are stored as data, not as English text (issue 12).
const VERSION: u32 = 2;

/// How long an answer stays good.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ages {
    /// For links that worked without remark.
    pub working: Duration,
    /// For everything else, so a fixed server or a passing outage is noticed soon.
    pub failing: Duration,
}

impl Default for Ages {
    fn default() -> Self {
        Ages {
            working: Duration::from_secs(7 * 24 * 60 * 60),
            failing: Duration::from_secs(60 * 60),
        }
    }
}

impl Ages {
    fn of(&self, outcome: &Outcome) -> Duration {
        match outcome.severity() {
            None => self.working,
            Some(_) => self.failing,
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CacheFile {
    format: String,
    version: u32,
    entries: BTreeMap<String, Entry>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    /// Seconds since 1970 (UTC) when the answer came.
    checked: u64,
    outcome: Outcome,
}

/// The answers of earlier runs, and those of this one once recorded.
#[derive(Debug, Default)]
pub struct Cache {
    entries: BTreeMap<String, Entry>,
}

/// Why a cache file was not used.
#[derive(Debug, thiserror::Error)]
pub enum Unusable {
    #[error("it cannot be read: {0}")]
    Unreadable(std::io::Error),
    #[error("it is not valid JSON of the expected shape: {0}")]
    Corrupt(serde_json::Error),
    #[error("it was written by something else (format `{format}`, version {version})")]
    Foreign { format: String, version: u32 },
}

impl Cache {
    /// The cache stored at `path`. A missing file is an empty cache; an unusable one is an empty
    /// cache and the reason, for a warning.
    pub fn load(path: &Path) -> (Cache, Option<Unusable>) {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                return (Cache::default(), None);
            }
            Err(err) => return (Cache::default(), Some(Unusable::Unreadable(err))),
        };
        // An older cache of ours is only out of date, whatever its entries look like: start
        // afresh without a word.
        #[derive(Deserialize)]
        struct Header {
            format: String,
            version: u32,
        }
        if let Ok(header) = serde_json::from_str::<Header>(&text)
            && header.format == FORMAT
            && header.version < VERSION
        {
            return (Cache::default(), None);
        }
        match serde_json::from_str::<CacheFile>(&text) {
            Ok(file) if file.format == FORMAT && file.version == VERSION => (
                Cache {
                    entries: file.entries,
                },
                None,
            ),
            Ok(file) => (
                Cache::default(),
                Some(Unusable::Foreign {
                    format: file.format,
                    version: file.version,
                }),
            ),
            Err(err) => (Cache::default(), Some(Unusable::Corrupt(err))),
        }
    }

    /// The stored answer for `url`, if it is younger than its maximum age. An answer from the
    /// future (a clock set back) is not trusted either.
    pub fn get(&self, url: &str, now: SystemTime, ages: &Ages) -> Option<&Outcome> {
        let entry = self.entries.get(url)?;
        let age = seconds(now).checked_sub(entry.checked)?;
        (Duration::from_secs(age) <= ages.of(&entry.outcome)).then_some(&entry.outcome)
    }

    pub fn insert(&mut self, url: String, outcome: Outcome, now: SystemTime) {
        let checked = seconds(now);
        self.entries.insert(url, Entry { checked, outcome });
    }

    /// Writes the answers that are still fresh (expired ones are dropped, so the file does not
    /// grow with every address ever linked).
    pub fn save(&self, path: &Path, now: SystemTime, ages: &Ages) -> std::io::Result<()> {
        let entries = self
            .entries
            .iter()
            .filter(|(url, _)| self.get(url, now, ages).is_some())
            .map(|(url, entry)| (url.clone(), entry.clone()))
            .collect();
        let file = CacheFile {
            format: FORMAT.to_string(),
            version: VERSION,
            entries,
        };
        let json = serde_json::to_vec_pretty(&file).map_err(std::io::Error::other)?;
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let temporary = temporary_path(path);
        std::fs::write(&temporary, json)?;
        std::fs::rename(&temporary, path).inspect_err(|_| {
            let _ = std::fs::remove_file(&temporary);
        })
    }
}

fn temporary_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{}.tmp", std::process::id()));
    path.with_file_name(name)
}

fn seconds(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_expire_by_their_kind_and_expired_ones_are_not_saved() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/links.json");
        let ages = Ages::default();
        let then = UNIX_EPOCH + Duration::from_secs(1_000_000_000);
        let mut cache = Cache::default();
        cache.insert("https://a.test/".into(), Outcome::Ok, then);
        cache.insert("https://b.test/".into(), Outcome::Timeout, then);
        let two_hours = then + Duration::from_secs(2 * 60 * 60);
        assert_eq!(
            cache.get("https://a.test/", two_hours, &ages),
            Some(&Outcome::Ok)
        );
        assert_eq!(cache.get("https://b.test/", two_hours, &ages), None);
        assert_eq!(
            cache.get("https://a.test/", then - Duration::from_secs(1), &ages),
            None
        );

        cache.save(&path, two_hours, &ages).unwrap();
        let (loaded, problem) = Cache::load(&path);
        assert!(problem.is_none(), "{problem:?}");
        assert_eq!(
            loaded.get("https://a.test/", two_hours, &ages),
            Some(&Outcome::Ok)
        );
        assert!(!loaded.entries.contains_key("https://b.test/"));
    }

    #[test]
    fn a_file_of_another_shape_or_version_is_unusable() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("links.json");
        let cases = [
            (
                "{\"format\": \"kennisbank-link-cache\", \"version\": 2, \"entries\": {",
                "Corrupt",
            ),
            ("[1, 2, 3]", "Corrupt"),
            (
                "{\"format\": \"other\", \"version\": 1, \"entries\": {}}",
                "Foreign",
            ),
            (
                "{\"format\": \"kennisbank-link-cache\", \"version\": 3, \"entries\": {}}",
                "Foreign",
            ),
            (
                "{\"format\": \"kennisbank-link-cache\", \"version\": 2, \"entries\": \
                 {\"https://a.test/\": {\"checked\": 1, \"outcome\": {\"kind\": \"fine\"}}}}",
                "Corrupt",
            ),
        ];
        for (text, expected) in cases {
            std::fs::write(&path, text).unwrap();
            let (cache, problem) = Cache::load(&path);
            assert!(cache.entries.is_empty(), "{text}");
            let problem = format!("{problem:?}");
            assert!(
                problem.starts_with(&format!("Some({expected}")),
                "{text}: {problem}"
            );
        }
    }

    #[test]
    fn an_older_cache_of_ours_is_dropped_without_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("links.json");
        std::fs::write(
            &path,
            "{\"format\": \"kennisbank-link-cache\", \"version\": 1, \"entries\": \
             {\"https://a.test/\": {\"checked\": 1, \"outcome\": \
             {\"kind\": \"bad-redirect\", \"detail\": \"more than 10 redirects\"}}}}",
        )
        .unwrap();
        let (cache, problem) = Cache::load(&path);
        assert!(cache.entries.is_empty());
        assert!(problem.is_none(), "{problem:?}");
    }
}
