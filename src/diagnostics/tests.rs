use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan};

use super::report::{Report, WIDTH};
use super::*;
use crate::i18n::Msg;

#[test]
fn line_col_counts_characters_not_bytes() {
    let file = SourceFile::new("x.md", "é: a\nkey: é b\n");
    assert_eq!(file.line_col(0), (1, 1));
    assert_eq!(file.line_col(4), (1, 4));
    let b = file.text.find(" b").unwrap() + 1;
    assert_eq!(file.line_col(b), (2, 8));
    let crlf = SourceFile::new("x.md", "a\r\nb\rc");
    assert_eq!(crlf.line_col(3), (2, 1));
    assert_eq!(crlf.line_col(5), (3, 1));
}

#[test]
fn lines_of_agrees_with_line_col_on_every_offset() {
    let file = SourceFile::new("x.md", "a\r\nb\rc\n\né\r\r\nz");
    let offsets: Vec<usize> = (0..=file.text.len()).collect();
    let lines: Vec<usize> = file.lines_of(offsets.iter().copied()).collect();
    let expected: Vec<usize> = offsets.iter().map(|&o| file.line_col(o).0).collect();
    assert_eq!(lines, expected);
}

#[test]
fn suggestion_reads_in_the_language_of_the_hint() {
    let keys = ["primair", "secundair", "tertiair"];
    let typo = suggestion("primiar", keys, "categories").unwrap();
    assert_eq!(typo.text(Lang::Nl), "Bedoel je `primair`?");
    assert_eq!(typo.text(Lang::En), "did you mean `primair`?");
    let list = suggestion("zzz", keys, "categorieën").unwrap();
    assert_eq!(
        list.text(Lang::Nl),
        "Geldige categorieën: `primair`, `secundair`, `tertiair`."
    );
}

fn unclosed() -> Diagnostic {
    let file = SourceFile::new("content/begrippen/a.md", "---\ntitle: A\n");
    Code::UnclosedFrontMatter.error().at(&file, Span::new(0, 3))
}

#[test]
fn a_code_brings_its_message_label_and_hint_in_either_language() {
    let d = unclosed();
    let nl = d.texts(Lang::Nl);
    assert_eq!(nl.message, "De front matter wordt nergens afgesloten.");
    assert_eq!(nl.label.as_deref(), Some("hier geopend"));
    assert!(nl.help.unwrap().starts_with("Zet na het laatste veld"));
    let en = d.texts(Lang::En);
    assert_eq!(en.message, "the front matter is never closed");
    assert_eq!(en.label.as_deref(), Some("opened here"));

    let rendered = d.render(Lang::Nl, false);
    assert!(
        rendered.contains("kennisbank::unclosed-front-matter"),
        "{rendered}"
    );
    assert!(
        rendered.contains("content/begrippen/a.md:1:1"),
        "{rendered}"
    );
    assert!(
        rendered.contains("  tip: Zet na het laatste veld"),
        "{rendered}"
    );
    assert!(!rendered.contains("help:"), "{rendered}");
    assert!(d.render(Lang::En, false).contains("  help: add a line"));
    assert_eq!(
        d.one_line_in(Lang::Nl),
        "fout[unclosed-front-matter]: content/begrippen/a.md:1:1: De front matter wordt nergens afgesloten."
    );
    assert_eq!(
        d.one_line_in(Lang::En),
        "error[unclosed-front-matter]: content/begrippen/a.md:1:1: the front matter is never closed"
    );
}

#[test]
fn a_suggestion_comes_before_the_hint_and_a_given_hint_replaces_it() {
    let d = unclosed().suggest(Some(Msg::DidYouMean.with("suggestion", "x")));
    let help = d.texts(Lang::Nl).help.unwrap();
    assert!(
        help.starts_with("Bedoel je `x`? Zet na het laatste veld"),
        "{help}"
    );
    let d = unclosed().help(Msg::DidYouMean.with("suggestion", "y"));
    assert_eq!(d.texts(Lang::En).help.as_deref(), Some("did you mean `y`?"));
}

/// The hint is wrapped by our code, not by miette (which would print `help:`): for English,
/// the report must be exactly the one miette makes itself, long hints and colour included.
#[test]
fn the_hint_is_laid_out_as_miette_lays_it_out() {
    struct WithHelp<'a>(Report<'a>, &'a str);
    impl fmt::Debug for WithHelp<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            fmt::Debug::fmt(&self.0, f)
        }
    }
    impl fmt::Display for WithHelp<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            fmt::Display::fmt(&self.0, f)
        }
    }
    impl std::error::Error for WithHelp<'_> {}
    impl miette::Diagnostic for WithHelp<'_> {
        fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
            self.0.code()
        }
        fn severity(&self) -> Option<miette::Severity> {
            self.0.severity()
        }
        fn source_code(&self) -> Option<&dyn miette::SourceCode> {
            self.0.source_code()
        }
        fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
            self.0.labels()
        }
        fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
            Some(Box::new(self.1))
        }
    }
    // The longest hint of the catalogue wraps over several lines.
    let file = SourceFile::new("content/bronnen/a.md", "---\nurl: https://a.test/\n---\n");
    let d = Code::ExternalRefused
        .warning()
        .arg("url", "https://a.test/")
        .arg("status", "403 Forbidden")
        .at(&file, Span::new(9, 15));
    for color in [false, true] {
        let ours = d.render(Lang::En, color);
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let texts = d.texts(Lang::En);
        let theirs = {
            let mut out = String::new();
            let report = WithHelp(
                Report {
                    diagnostic: &d,
                    texts: &texts,
                },
                texts.help.as_deref().unwrap(),
            );
            GraphicalReportHandler::new_themed(theme)
                .with_context_lines(1)
                .with_width(WIDTH)
                .render_report(&mut out, &report)
                .unwrap();
            out
        };
        assert_eq!(ours, theirs);
        let hint = ours.lines().skip_while(|l| !l.contains("help:")).count();
        assert!(hint > 1, "the hint wraps: {ours}");
    }
}

#[test]
fn rendered_report_names_file_line_and_column() {
    let file = SourceFile::new("content/effecten/a.md", "---\ncategory: primiar\n---\n");
    let d = Code::UnknownCategory
        .error()
        .arg("value", "primiar")
        .at(&file, Span::new(14, 7))
        .suggest(suggestion("primiar", ["primair"], Msg::KeysCategory));
    let text = d.render(Lang::En, false);
    assert!(text.contains("content/effecten/a.md:2:11"), "{text}");
    assert!(text.contains("did you mean `primair`?"), "{text}");
    assert_eq!(
        d.one_line_in(Lang::En),
        "error[unknown-category]: content/effecten/a.md:2:11: unknown category `primiar`"
    );
}

#[test]
fn rendered_column_counts_characters_as_line_col_does() {
    let text = "---\ntitle: T\n---\nÉén café [[bron:x]]\n";
    let file = SourceFile::new("content/paginas/t.md", text);
    let at = text.find("[[").unwrap();
    let d = Code::UnknownSource
        .error()
        .arg("key", "x")
        .at(&file, Span::new(at, 10));
    assert_eq!(d.line_col(), Some((4, 10)));
    let rendered = d.render(Lang::En, false);
    assert!(
        rendered.contains("content/paginas/t.md:4:10]"),
        "{rendered}"
    );
}
