//! What a reader of the site would notice: the HTML, anchors, search text and references a body
//! yields, and what the check gets to report.
//!
//! Long (~600 lines) because each test is one small case: a body and what it must yield.

use super::*;

/// The graph of these tests: two sources, a term, a row.
fn resolve(r: &WikiRef) -> Option<Target> {
    let (url, label) = match (r.kind_word.as_str(), r.key.as_str()) {
        ("bron", "rug-2017") => ("/bronnen/rug-2017/", "RuG (2017)"),
        ("bron", "dilemma") => ("/bronnen/dilemma/", "Kwaliteitsdilemma's -- een \"kader\""),
        ("begrip", "krimp") => ("/begrippen/krimp/", "Krimp"),
        ("waarde", "1.1") => ("/waarde-en-randvoorwaarden/1-1/", "1.1 Regie <in> de regio"),
        _ => return None,
    };
    Some(Target {
        url: url.to_string(),
        label: label.to_string(),
    })
}

fn html(body: &str) -> String {
    parse(body).render(resolve).html
}

#[test]
fn renders_like_the_site_always_did() {
    let cases: &[(&str, &str, &str)] = &[
        ("paragraph", "Tekst.", "<p>Tekst.</p>\n"),
        (
            "reference takes the target's title",
            "Zie [[bron:rug-2017]].",
            "<p>Zie <a href=\"/bronnen/rug-2017/\">RuG (2017)</a>.</p>\n",
        ),
        (
            "own label, fragment",
            "[[bron:rug-2017#bevinding-2|het onderzoek]]",
            "<p><a href=\"/bronnen/rug-2017/#bevinding-2\">het onderzoek</a></p>\n",
        ),
        (
            "label is Markdown, trimmed",
            "[[begrip:krimp|  tekst met *nadruk* ]]",
            "<p><a href=\"/begrippen/krimp/\">tekst met <em>nadruk</em></a></p>\n",
        ),
        (
            "empty label falls back to the title",
            "[[begrip:krimp|]] [[begrip:krimp| ]]",
            "<p><a href=\"/begrippen/krimp/\">Krimp</a> <a href=\"/begrippen/krimp/\">Krimp</a></p>\n",
        ),
        (
            "title is text, with the body's typography",
            "[[bron:dilemma]] en [[waarde:1.1]]",
            "<p><a href=\"/bronnen/dilemma/\">Kwaliteitsdilemma’s – een “kader”</a> en \
             <a href=\"/waarde-en-randvoorwaarden/1-1/\">1.1 Regie &lt;in&gt; de regio</a></p>\n",
        ),
        (
            "unresolved reference shows its label or key",
            "[[bron:onbekend]] [[bron:onbekend|eigen tekst]] [[bronn:rug-2017]]",
            "<p>onbekend eigen tekst rug-2017</p>\n",
        ),
        (
            "reference at the start of a line, in a list, in emphasis",
            "[[begrip:krimp]] eerst\n\n- [[begrip:krimp|lijst]]\n\n*nadruk [[begrip:krimp]]*",
            "<p><a href=\"/begrippen/krimp/\">Krimp</a> eerst</p>\n<ul>\n<li><a href=\"/begrippen/krimp/\">lijst</a></li>\n</ul>\n\
             <p><em>nadruk <a href=\"/begrippen/krimp/\">Krimp</a></em></p>\n",
        ),
        (
            "footnote with a reference",
            "Tekst[^1].\n\n[^1]: Zie [[begrip:krimp]].",
            "<p>Tekst<sup class=\"footnote-reference\"><a href=\"#1\">1</a></sup>.</p>\n\
             <div class=\"footnote-definition\" id=\"1\"><sup class=\"footnote-definition-label\">1</sup>\n\
             <p>Zie <a href=\"/begrippen/krimp/\">Krimp</a>.</p>\n</div>\n",
        ),
        (
            "table, the label's pipe unescaped",
            "| a | b |\n|---|---|\n| [[begrip:krimp|k]] | 2 |\n",
            "<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody>\n\
             <tr><td><a href=\"/begrippen/krimp/\">k</a></td><td>2</td></tr>\n</tbody></table>\n",
        ),
        (
            "table, the label's pipe escaped",
            "| a | b |\n|---|---|\n| [[begrip:krimp\\|k]] | 2 |\n",
            "<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody>\n\
             <tr><td><a href=\"/begrippen/krimp/\">k</a></td><td>2</td></tr>\n</tbody></table>\n",
        ),
        (
            "smart punctuation",
            "\"Zo\" -- zei ze --- 'nu'...",
            "<p>“Zo” – zei ze — ‘nu’…</p>\n",
        ),
        ("strikethrough", "~~weg~~", "<p><del>weg</del></p>\n"),
        (
            "raw HTML is shown as text",
            "<script>alert(1)</script>\n\nEen <b>vet</b> woord.",
            "&lt;script&gt;alert(1)&lt;/script&gt;\n<p>Een &lt;b&gt;vet&lt;/b&gt; woord.</p>\n",
        ),
        (
            "comments are never published",
            "<!-- notitie\nvoor redacteuren -->\n\nTekst <!-- hier ook --> verder.",
            "<p>Tekst  verder.</p>\n",
        ),
        (
            "an unclosed comment is shown",
            "Tekst\n\n<!-- open",
            "<p>Tekst</p>\n&lt;!-- open",
        ),
        (
            "control characters never reach the page",
            "a\u{0}b\u{7}c `\u{1b}`",
            "<p>a\u{FFFD}b\u{FFFD}c <code>\u{FFFD}</code></p>\n",
        ),
        (
            "a wiki link without kind is shown as typed",
            "[[rug-2017]] en [[rug-2017|tekst]]",
            "<p>[[rug-2017]] en [[rug-2017|tekst]]</p>\n",
        ),
    ];
    for (name, body, expected) in cases {
        assert_eq!(html(body), *expected, "{name}: {body:?}");
    }
}

#[test]
fn references_in_code_of_every_kind_stay_code() {
    let cases: &[(&str, &str)] = &[
        ("inline code", "`[[bron:rug-2017]]`"),
        ("double backticks holding one", "``a ` [[bron:rug-2017]] ``"),
        ("fenced block", "```\n[[bron:rug-2017]]\n```"),
        ("tilde fence", "~~~\n[[bron:rug-2017]]\n~~~"),
        (
            "fence holding a shorter fence",
            "````\n```\n[[bron:rug-2017]]\n```\n````",
        ),
        ("indented block", "Tekst.\n\n    [[bron:rug-2017]]\n"),
        (
            "code in a list item",
            "- lijst\n\n      [[bron:rug-2017]]\n",
        ),
    ];
    for (name, body) in cases {
        let parsed = parse(body);
        assert!(parsed.references().is_empty(), "{name}: a reference");
        let html = parsed.render(resolve).html;
        assert!(html.contains("[[bron:rug-2017]]"), "{name}: {html}");
        assert!(!html.contains("<a "), "{name}: {html}");
    }
}

#[test]
fn headings_get_unique_anchors_from_their_text() {
    let body = "# Uitleg\n\n## Uitleg\n\n## Uitleg\n\n## Financiën en één\n\n\
                ## Eigen {#anker}\n\n## ???\n\n## Kwaliteitsdilemma's\n\n## Over [[begrip:krimp]]\n\n\
                ## Zie [[bron:rug-2017|*het* onderzoek]]\n\n## `code`";
    let rendered = parse(body).render(resolve);
    let got: Vec<(u8, &str, &str)> = rendered
        .headings
        .iter()
        .map(|h| (h.level, h.id.as_str(), h.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (1, "uitleg", "Uitleg"),
            (2, "uitleg-2", "Uitleg"),
            (2, "uitleg-3", "Uitleg"),
            (2, "financien-en-een", "Financiën en één"),
            (2, "anker", "Eigen"),
            (2, "sectie", "???"),
            (2, "kwaliteitsdilemma-s", "Kwaliteitsdilemma’s"),
            // The anchor comes from the key, so it is known before the graph and does not move
            // when the term's title changes; the text shows the title.
            (2, "over-krimp", "Over Krimp"),
            (2, "zie-het-onderzoek", "Zie het onderzoek"),
            (2, "code", "code"),
        ]
    );
    assert!(rendered.html.contains("<h2 id=\"uitleg-2\">Uitleg</h2>"));
    assert!(
        rendered
            .html
            .contains("<h2 id=\"over-krimp\">Over <a href=\"/begrippen/krimp/\">Krimp</a></h2>")
    );
    let parsed = parse(body);
    let anchors: Vec<&str> = parsed.anchors().collect();
    assert_eq!(anchors[..3], ["uitleg", "uitleg-2", "uitleg-3"]);
}

#[test]
fn plain_text_keeps_labels_and_the_typing() {
    let cases: &[(&str, &str)] = &[
        (
            "Zie [[bron:rug-2017]] en *dit*.",
            "Zie RuG (2017) en dit.\n",
        ),
        ("[[bron:dilemma]]", "Kwaliteitsdilemma's -- een \"kader\"\n"),
        ("\"Zo\" -- 'nu'...", "\"Zo\" -- 'nu'...\n"),
        (
            "# Kop\n\nregel een\nregel twee",
            "Kop\nregel een regel twee\n",
        ),
        ("- a\n- [[begrip:krimp|b]]", "a\nb\n"),
        ("| a | b |\n|---|---|\n| 1 | 2 |", "a\nb\n1\n2\n"),
        ("`code` en <b>html</b> <!-- niet -->", "code en html \n"),
        ("```\nblok\n```", "blok\n"),
    ];
    for (body, expected) in cases {
        assert_eq!(parse(body).plain_text(resolve), *expected, "{body:?}");
    }
}

#[test]
fn sections_are_the_text_under_each_heading() {
    let body = "Inleiding.\n\n## Kwaliteitsdilemma's\n\nEerste [[begrip:krimp]].\n\n\
                Tweede.\n\n### Over [[bron:rug-2017]]\n\n- punt\n\n## Leeg\n\n## Slot\n\nEinde.";
    let sections = parse(body).sections(resolve);
    let got: Vec<(&str, &str, &str)> = sections
        .iter()
        .map(|s| {
            (
                s.heading.id.as_str(),
                s.heading.text.as_str(),
                s.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "kwaliteitsdilemma-s",
                "Kwaliteitsdilemma’s",
                "Eerste Krimp.\nTweede.\n"
            ),
            ("over-rug-2017", "Over RuG (2017)", "punt\n"),
            ("leeg", "Leeg", ""),
            ("slot", "Slot", "Einde.\n"),
        ]
    );
}

#[test]
fn every_reference_span_slices_the_reference() {
    let bodies = [
        "Zie [[bron:rug-2017]] en [[waarde:1.1#randvoorwaarden|rij 1.1]].",
        "é [[bron:rug-2017|ö *x*]] ü\n\n## Kop [[begrip:krimp]]\n\n- [[begrip:krimp|lijst]]",
        "Tekst[^1].\n\n[^1]: Zie ![[bron:rug-2017]].",
        "| a | b | c |\n|---|---|---|\n| [[begrip:krimp|k]] é | [[bron:rug-2017|x]] [[bron:x|y]] | [[bron:z]] |\n\nna [[bron:na|n]]",
        "[[bron:x|regel\nover twee]]",
        "[[ bron : x # f | l ]]",
    ];
    for body in bodies {
        let parsed = parse(body);
        assert!(!parsed.references().is_empty(), "{body:?}");
        for r in parsed.references() {
            let text = &body[r.span.clone()];
            assert!(
                (text.starts_with("[[") || text.starts_with("![[")) && text.ends_with("]]"),
                "{body:?}: {text:?}"
            );
            assert!(
                text.contains(&r.key),
                "{body:?}: {text:?} lacks {:?}",
                r.key
            );
            if let Some(label) = &r.label {
                assert!(text.contains(label.as_str()), "{text:?} lacks {label:?}");
            }
        }
    }
    let table = parse(bodies[3]);
    let spans: Vec<&str> = table
        .references()
        .iter()
        .map(|r| &bodies[3][r.span.clone()])
        .collect();
    assert_eq!(
        spans,
        [
            "[[begrip:krimp|k]]",
            "[[bron:rug-2017|x]]",
            "[[bron:x|y]]",
            "[[bron:z]]",
            "[[bron:na|n]]"
        ]
    );
}

#[test]
fn references_are_split_into_their_parts() {
    /// Body, then kind word, key, fragment, label, embed.
    type Case<'a> = (
        &'a str,
        &'a str,
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
        bool,
    );
    let cases: &[Case] = &[
        ("[[bron:rug-2017]]", "bron", "rug-2017", None, None, false),
        ("[[waarde:1.1]]", "waarde", "1.1", None, None, false),
        ("[[bron:a#b|c]]", "bron", "a", Some("b"), Some("c"), false),
        (
            "[[ bron : x # f | l ]]",
            "bron",
            "x",
            Some("f"),
            Some("l"),
            false,
        ),
        (
            "[[begrip:x|tekst met *nadruk*]]",
            "begrip",
            "x",
            None,
            Some("tekst met *nadruk*"),
            false,
        ),
        ("[[bronn:x]]", "bronn", "x", None, None, false),
        ("[[bron:x|]]", "bron", "x", None, None, false),
        ("![[bron:x]]", "bron", "x", None, None, true),
    ];
    for &(body, kind_word, key, fragment, label, embed) in cases {
        let parsed = parse(body);
        let r = &parsed.references()[0];
        assert_eq!(
            (
                r.kind_word.as_str(),
                r.key.as_str(),
                r.fragment.as_deref(),
                r.label.as_deref(),
                r.embed
            ),
            (kind_word, key, fragment, label, embed),
            "{body:?}"
        );
        assert_eq!(r.span, 0..body.len());
    }
}

#[test]
fn mistakes_only_the_reading_sees_are_reported_where_they_stand() {
    let cases: &[(&str, &[(ProblemKind, &str)])] = &[
        (
            "Zie [[rug-2017]].",
            &[(
                ProblemKind::MissingKind {
                    target: "rug-2017".into(),
                },
                "[[rug-2017]]",
            )],
        ),
        ("Leeg [[]] hier", &[(ProblemKind::EmptyReference, "[[]]")]),
        (
            "Open [[bron:x en verder",
            &[(ProblemKind::UnclosedReference, "[[")],
        ),
        (
            "Open [[bron:x|*a* verder",
            &[(ProblemKind::UnclosedReference, "[[")],
        ),
        (
            "[[bron:x|[a](b)]]",
            &[(ProblemKind::UnclosedReference, "[[")],
        ),
        (
            "Tekst\n\n<!-- open\n\nrest",
            &[(ProblemKind::UnclosedComment, "<!--")],
        ),
        ("Geen: \\[[bron:x]] `[[x` [a] [[bron:x]]", &[]),
    ];
    for (body, expected) in cases {
        let got: Vec<(ProblemKind, &str)> = parse(body)
            .problems()
            .iter()
            .map(|p| (p.kind.clone(), &body[p.span.clone()]))
            .collect();
        assert_eq!(got, *expected, "{body:?}");
    }
    let controls = parse("a\u{0}b\tc\u{85}").controls().to_vec();
    assert_eq!(
        controls,
        [
            Control {
                offset: 1,
                char: '\u{0}'
            },
            Control {
                offset: 5,
                char: '\u{85}'
            }
        ]
    );
}

#[test]
fn links_are_classified_for_the_check() {
    use Destination::*;
    let site = |p: &str, f: Option<&str>| Site {
        path: p.into(),
        fragment: f.map(Into::into),
    };
    let relative = |p: &str, f: Option<&str>| Relative {
        path: p.into(),
        fragment: f.map(Into::into),
    };
    let other = |scheme: &str| OtherScheme(scheme.into());
    let cases: Vec<(&str, Destination, bool)> = vec![
        (
            "[a](/bronnen/rug-2017/)",
            site("/bronnen/rug-2017/", None),
            false,
        ),
        (
            "[a](/bronnen/rug-2017/#bevinding-2)",
            site("/bronnen/rug-2017/", Some("bevinding-2")),
            false,
        ),
        (
            "[a](../bronnen/rug-2017.md)",
            relative("../bronnen/rug-2017.md", None),
            true,
        ),
        (
            "[a](rug-2017.MD#x)",
            relative("rug-2017.MD", Some("x")),
            true,
        ),
        ("[a](#uitleg)", Fragment("uitleg".into()), false),
        ("[a](https://example.org/x)", Web, false),
        ("[a](HTTP://example.org)", Web, false),
        ("[a](//cdn.example.org/x)", Web, false),
        ("<https://example.org>", Web, false),
        ("[a](mailto:info@example.org)", Mail, false),
        ("<info@example.org>", Mail, false),
        ("[a](tel:+31201234567)", Phone, false),
        ("[a](javascript:alert(1))", other("javascript"), false),
        ("[a](JavaScript:alert(1))", other("javascript"), false),
        ("[a](java&#9;script:alert(1))", other("javascript"), false),
        ("[a](vbscript:msgbox)", other("vbscript"), false),
        ("[a]()", Empty, false),
        // Found by fuzzing: a path ending in a character of several bytes panicked.
        ("[a](zie…)", relative("zie…", None), false),
        ("[a](x.MD)", relative("x.MD", None), true),
        (
            "[a][r]\n\n[r]: /bronnen/x/",
            site("/bronnen/x/", None),
            false,
        ),
    ];
    for (body, target, markdown_file) in cases {
        let parsed = parse(body);
        let link = &parsed.links()[0];
        assert_eq!(link.target, target, "{body:?}");
        assert_eq!(link.target.is_markdown_file(), markdown_file, "{body:?}");
        assert_eq!(link.target.is_allowed(), !matches!(target, OtherScheme(_)));
        assert_eq!(
            link.is_safe(),
            !matches!(target, OtherScheme(_)),
            "{body:?}"
        );
        assert_eq!(link.image, body.starts_with('!'), "{body:?}");
        let text = &body[link.span.clone()];
        assert!(text.starts_with(['[', '<', '!']), "{body:?}: {text:?}");
    }
    assert!(parse("[[bron:x]]").links().is_empty());
}

/// The cases of the hand-written scanner this module replaced (`graph/links.rs`).
#[test]
fn the_former_scanner_cases_still_hold() {
    let text = "Zie [[bron:rug-2017]] en [[waarde:1.1#randvoorwaarden|rij 1.1]].\n";
    let parsed = parse(text);
    let refs = parsed.references();
    assert_eq!(refs.len(), 2);
    assert_eq!(
        (refs[0].kind_word.as_str(), refs[0].key.as_str()),
        ("bron", "rug-2017")
    );
    assert_eq!(&text[refs[0].span.clone()], "[[bron:rug-2017]]");
    assert_eq!(
        (refs[1].kind_word.as_str(), refs[1].key.as_str()),
        ("waarde", "1.1")
    );
    assert_eq!(refs[1].fragment.as_deref(), Some("randvoorwaarden"));
    assert_eq!(refs[1].label.as_deref(), Some("rij 1.1"));

    let unknown = parse("[[bronn:rug-2017]]");
    assert_eq!(unknown.references()[0].kind_word, "bronn");

    let text = "`[[bron:a]]`\n```\n[[bron:b]]\n```\n[[bron:c]] [[geen referentie]]\n";
    let parsed = parse(text);
    let keys: Vec<&str> = parsed.references().iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["c"]);
    // Not a reference, but no longer silently printed: the check can report it.
    assert_eq!(
        parsed.problems()[0].kind,
        ProblemKind::MissingKind {
            target: "geen referentie".into()
        }
    );
}

/// A link that could run script shows its text and nothing else; a picture inline as PNG, JPEG,
/// GIF, WebP or AVIF data is fine, an SVG or any other `data:` is not.
#[test]
fn unsafe_links_never_reach_the_html() {
    for body in [
        "[klik](javascript:alert(1))",
        "[klik](JavaScript:alert(1) \"titel\")",
        "[klik](java&#9;script:alert(1))",
        "[klik](vbscript:msgbox)",
        "[klik](data:text/html,<script>x</script>)",
        "<javascript:alert(1)>",
        "[klik][r]\n\n[r]: javascript:alert(1)",
        "![plaatje](data:image/svg+xml,<svg onload=alert(1)>)",
        "[![plaatje](javascript:x)](javascript:y)",
    ] {
        let parsed = parse(body);
        assert!(parsed.links().iter().all(|l| !l.is_safe()), "{body:?}");
        let html = parsed.render(resolve).html;
        for bad in ["href", "src"] {
            assert!(!html.contains(bad), "{body:?} gave {html:?}");
        }
    }
    assert_eq!(
        html("[klik *hier*](javascript:x)"),
        "<p>klik <em>hier</em></p>\n"
    );
    assert_eq!(
        html("![alt](javascript:x) en [a](https://example.org)"),
        "<p>alt en <a href=\"https://example.org\">a</a></p>\n"
    );
    for ok in [
        "data:image/png;base64,AAAA",
        "DATA:image/JPEG;base64,AA",
        "data:image/webp,AA",
    ] {
        let body = format!("![foto]({ok})");
        let parsed = parse(&body);
        assert!(parsed.links()[0].is_safe(), "{ok}");
        assert!(parsed.render(resolve).html.contains("<img src="), "{ok}");
    }
    assert!(!parse("[a](data:image/png;base64,AAAA)").links()[0].is_safe());
}

/// A link to a content file becomes a link to its page (the caller knows which), with the
/// link's own fragment and title; left as written by `render`, which knows no files.
#[test]
fn links_to_content_files_point_at_their_pages() {
    struct Files;
    impl Resolve for Files {
        fn reference(&mut self, r: &WikiRef) -> Option<Target> {
            resolve(r)
        }
        fn content_file(&mut self, link: &Link) -> Option<String> {
            let Destination::Relative { path, fragment } = &link.target else {
                return None;
            };
            let page = (path == "../bronnen/rug-2017.md").then_some("/bronnen/rug-2017/")?;
            Some(match fragment {
                Some(f) => format!("{page}#{f}"),
                None => page.to_string(),
            })
        }
    }
    let body = "[de *studie*](../bronnen/rug-2017.md \"RuG\") en [dit](../bronnen/rug-2017.md#bevinding-2) \
                en [weg](../bronnen/weg.md) en [[bron:rug-2017]]";
    let html = parse(body).render_with(Files).html;
    assert_eq!(
        html,
        "<p><a href=\"/bronnen/rug-2017/\" title=\"RuG\">de <em>studie</em></a> en \
         <a href=\"/bronnen/rug-2017/#bevinding-2\">dit</a> en \
         <a href=\"../bronnen/weg.md\">weg</a> en <a href=\"/bronnen/rug-2017/\">RuG (2017)</a></p>\n"
    );
    assert_eq!(
        parse(body)
            .render(resolve)
            .html
            .matches("rug-2017.md")
            .count(),
        2
    );
}

#[test]
fn heading_attributes_carry_no_script() {
    let body = "## Kop {#x .c onclick=alert(1) src=\"javascript:x\"}\n";
    let html = parse(body).render(|_| None).html;
    assert!(html.contains("id=\"x\""), "{html}");
    assert!(
        !html.contains("onclick") && !html.contains("javascript"),
        "{html}"
    );
}
