//! `content/thesaurus.yaml`: groups of terms that mean the same when searching (Dutch term drift,
//! English for Dutch). Optional; read and checked like site.yaml, each problem at its term.

use std::path::{Path, PathBuf};

use super::{display, front_matter, parse};
use crate::diagnostics::{Diagnostics, SourceFile};
use crate::i18n::Code;
use crate::model::{ThesaurusData, schema};
use crate::search::analyzer;
use crate::source::Step;

/// The name of the thesaurus inside the content folder.
pub const THESAURUS_FILE: &str = "thesaurus.yaml";

/// The thesaurus's groups (empty when there is no file), with every problem. Groups with a
/// problem are left out, so a build that only warns still searches with the rest.
pub fn read_thesaurus(root: &Path, content_dir: &Path) -> (Vec<Vec<String>>, Diagnostics) {
    let path = content_dir.join(THESAURUS_FILE);
    let mut diagnostics = Diagnostics::new();
    let Ok(bytes) = std::fs::read(&path) else {
        return (Vec::new(), diagnostics);
    };
    let shown = PathBuf::from(display(root, &path));
    let text = match front_matter::decode(&shown, bytes) {
        Ok(text) => text,
        Err(d) => {
            diagnostics.push(d);
            return (Vec::new(), diagnostics);
        }
    };
    let file = SourceFile::new(shown, text);
    let Some((data, tree)) = parse::typed_yaml::<ThesaurusData>(
        &file,
        &file.text,
        0,
        &schema::THESAURUS,
        &mut diagnostics,
    ) else {
        return (Vec::new(), diagnostics);
    };
    let mut groups = Vec::new();
    for (g, group) in data.synonyms.iter().enumerate() {
        let at = |path: &[Step<'_>]| {
            let mut full = vec![Step::Key("synonyms"), Step::Index(g)];
            full.extend_from_slice(path);
            tree.span_at(&full)
        };
        let mut ok = true;
        if group.len() < 2 {
            diagnostics.push(
                Code::ThesaurusSmallGroup
                    .error()
                    .arg("count", group.len())
                    .at(&file, at(&[])),
            );
            ok = false;
        }
        let mut seen: Vec<Vec<String>> = Vec::new();
        for (t, term) in group.iter().enumerate() {
            let words = analyzer::surface_words(term);
            let problem = if words.is_empty() {
                Some(Code::ThesaurusEmptyTerm)
            } else if seen.contains(&words) {
                Some(Code::ThesaurusRepeatedTerm)
            } else {
                None
            };
            if let Some(code) = problem {
                diagnostics.push(
                    code.error()
                        .arg("term", term.as_str())
                        .at(&file, at(&[Step::Index(t)])),
                );
                ok = false;
            }
            seen.push(words);
        }
        if ok {
            groups.push(group.clone());
        }
    }
    (groups, diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn read(yaml: &str) -> (Vec<Vec<String>>, Diagnostics) {
        let dir = std::env::temp_dir().join(format!(
            "kennisbank-thesaurus-{}-{}",
            std::process::id(),
            yaml.len()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(THESAURUS_FILE), yaml).unwrap();
        let out = read_thesaurus(&dir, &dir);
        std::fs::remove_dir_all(&dir).unwrap();
        out
    }

    #[test]
    fn groups_are_read_as_written() {
        let (groups, d) =
            read("synonyms:\n  - [leraar, docent, teacher]\n  - [behoud, retention]\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(
            groups,
            [
                vec!["leraar", "docent", "teacher"],
                vec!["behoud", "retention"]
            ]
        );
    }

    #[test]
    fn no_file_is_no_thesaurus() {
        let dir = std::env::temp_dir().join("kennisbank-no-thesaurus");
        let (groups, d) = read_thesaurus(&dir, &dir);
        assert!(groups.is_empty() && d.is_empty());
    }

    #[test]
    fn each_mistake_is_reported_at_its_term() {
        let yaml =
            "synonyms:\n  - [leraar]\n  - [docent, de, Docent]\n  - [mentor, werkplekbegeleider]\n";
        let (groups, d) = read(yaml);
        assert_eq!(
            groups,
            [vec!["mentor", "werkplekbegeleider"]],
            "good groups stay"
        );
        let codes: Vec<(&str, usize, usize)> = d
            .iter()
            .map(|d| {
                let (line, col) = d.line_col().unwrap();
                (d.code, line, col)
            })
            .collect();
        assert_eq!(
            codes,
            [
                ("thesaurus-small-group", 2, 5),
                ("thesaurus-empty-term", 3, 14),
                ("thesaurus-repeated-term", 3, 18),
            ]
        );
        let texts = d.iter().next().unwrap().texts(Lang::Nl);
        assert!(texts.message.contains("minstens twee"), "{}", texts.message);
    }

    #[test]
    fn a_misspelled_key_is_an_unknown_key() {
        let (_, d) = read("synoniemen:\n  - [a, b]\n");
        assert_eq!(d.iter().next().unwrap().code, "unknown-key");
    }
}
