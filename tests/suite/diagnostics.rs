//! The catalogue of editor mistakes: each planted in the fixture site must come back as one
//! diagnostic with the right code, file, line and column (the caret under the offending text) and
//! a hint. Positions are found by searching for the offending text, so the expectations read like
//! the mistakes themselves.

use crate::util::{TestSite, position_of};

/// One planted mistake: the file to write, its content, the expected code, how many errors the
/// run must report in all (one mistake, one error: 1 unless the case says why not), the text the
/// caret must point at (`None` for problems without a position), and a fragment of the expected
/// hint.
struct Case {
    name: &'static str,
    errors: usize,
    file: &'static str,
    content: &'static [u8],
    code: &'static str,
    at: Option<&'static str>,
    hint: &'static str,
}

const EFFECT_HEAD: &str = "---\ntitle: T\ncategory: primair\norder: 9\nsummary: S\n";

/// The fixture's site.yaml with `from` replaced by `to` (which must occur).
fn site_yaml(from: &str, to: &str) -> &'static [u8] {
    replaced("tests/fixtures/site/content/site.yaml", from, to)
}

/// A file of the repository with `from` replaced by `to` (which must occur).
fn replaced(file: &str, from: &str, to: &str) -> &'static [u8] {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{file} lacks {from:?}");
    text.replacen(from, to, 1).into_bytes().leak()
}

/// A template of the default theme with `from` replaced by `to`.
fn template(name: &str, from: &str, to: &str) -> &'static [u8] {
    replaced(&format!("themes/default/templates/{name}"), from, to)
}

/// The fixture's site.yaml without its `evidence_kinds` list.
fn site_yaml_without_evidence_kinds() -> &'static [u8] {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/site/content/site.yaml"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let (start, end) = (
        text.find("evidence_kinds:\n").unwrap(),
        text.find("sectors:\n").unwrap(),
    );
    format!("{}{}", &text[..start], &text[end..])
        .into_bytes()
        .leak()
}

const REVIEW_KIND: &str = "  - key: review\n    label: Review of synthese\n    definition: Een overzicht van de uitkomsten van meerdere onderzoeken.\n";

/// The mistakes an editor can make in the evidence of a finding and in `evidence_kinds`.
fn evidence_cases() -> Vec<Case> {
    vec![
        Case { name: "unknown kind of evidence of a source", errors: 1, file: "content/bronnen/soort-2020.md", content: b"---\nlabel: S (2020)\nkind: beleid\nevidence: emprisch\nfindings:\n  - text: t\n    effects: [behoud]\n---\n", code: "unknown-evidence", at: Some("emprisch"), hint: "Bedoel je `empirisch`?" },
        Case { name: "unknown kind of evidence of a finding", errors: 1, file: "content/bronnen/soort-2020.md", content: b"---\nlabel: S (2020)\nkind: beleid\nevidence: empirisch\nfindings:\n  - text: t\n    effects: [behoud]\n    evidence: theory\n---\n", code: "unknown-evidence", at: Some("theory"), hint: "Bedoel je `theorie`?" },
        Case { name: "a finding without a kind of evidence", errors: 1, file: "content/bronnen/kaal-2020.md", content: b"---\nlabel: K (2020)\nkind: beleid\nfindings:\n  - text: t\n    effects: [behoud]\n    evidence: praktijk\n  - text: u\n    effects: [behoud]\n---\n", code: "missing-evidence", at: Some("text: u"), hint: "Zet `evidence:` bij de bevinding" },
        Case { name: "no finding of a source with a kind of evidence", errors: 1, file: "content/bronnen/kaal-2020.md", content: b"---\nlabel: K (2020)\nkind: beleid\nfindings:\n  - text: t\n    effects: [behoud]\n  - text: u\n    rows: [\"1.1\"]\n---\n", code: "missing-evidence", at: Some("findings"), hint: "geldt dan voor elke bevinding" },
        Case { name: "unknown sector of a source", errors: 1, file: "content/bronnen/sector-2020.md", content: b"---\nlabel: S (2020)\nkind: beleid\nevidence: beleid\nsectors: [hbo]\nfindings:\n  - text: t\n    effects: [behoud]\n---\n", code: "unknown-sector", at: Some("hbo"), hint: "`po`" },
        Case { name: "unknown sector of a finding", errors: 1, file: "content/bronnen/sector-2020.md", content: b"---\nlabel: S (2020)\nkind: beleid\nevidence: beleid\nfindings:\n  - text: t\n    effects: [behoud]\n    sectors: [vo, poo]\n---\n", code: "unknown-sector", at: Some("poo"), hint: "Bedoel je `po`?" },
        Case { name: "unknown direction", errors: 1, file: "content/bronnen/richting-2020.md", content: b"---\nlabel: R (2020)\nkind: beleid\nevidence: empirisch\nfindings:\n  - text: t\n    effects: [behoud]\n    direction: tegenstrijdg\n---\n", code: "bad-direction", at: Some("tegenstrijdg"), hint: "Bedoel je `tegenstrijdig`?" },
        Case { name: "direction for an effect the finding does not name", errors: 1, file: "content/bronnen/richting-2020.md", content: b"---\nlabel: R (2020)\nkind: beleid\nevidence: empirisch\nfindings:\n  - text: t\n    effects: [behoud]\n    direction: {theorie-praktijk: gemengd}\n---\n", code: "direction-effect", at: Some("theorie-praktijk"), hint: "`behoud`" },
        Case { name: "unknown direction for one effect", errors: 1, file: "content/bronnen/richting-2020.md", content: b"---\nlabel: R (2020)\nkind: beleid\nevidence: empirisch\nfindings:\n  - text: t\n    added_effects: [behoud]\n    direction:\n      behoud: zwak\n---\n", code: "bad-direction", at: Some("zwak"), hint: "`ondersteunt`, `gemengd` of `tegenstrijdig`" },
        Case { name: "direction as a list", errors: 1, file: "content/bronnen/richting-2020.md", content: b"---\nlabel: R (2020)\nkind: beleid\nevidence: empirisch\nfindings:\n  - text: t\n    effects: [behoud]\n    direction: [gemengd]\n---\n", code: "bad-direction", at: Some("[gemengd]"), hint: "`direction: gemengd`" },
        Case { name: "effect both the Platform's and the editors'", errors: 1, file: "content/bronnen/dubbel-2020.md", content: b"---\nlabel: D (2020)\nkind: beleid\nevidence: empirisch\nfindings:\n  - text: t\n    added_effects: [behoud]\n    effects: [theorie-praktijk, behoud]\n---\n", code: "duplicate-link", at: Some("behoud]\n    effects"), hint: "niet allebei" },
        Case { name: "row both the Platform's and the editors'", errors: 1, file: "content/bronnen/dubbel-2020.md", content: b"---\nlabel: D (2020)\nkind: beleid\nevidence: empirisch\nfindings:\n  - text: t\n    rows: [\"2.1\"]\n    added_rows: [\"1.1\", \"2.1\"]\n---\n", code: "duplicate-link", at: Some("\"2.1\"]\n---"), hint: "niet allebei" },
        Case { name: "effect twice in one list", errors: 1, file: "content/bronnen/dubbel-2020.md", content: b"---\nlabel: D (2020)\nkind: beleid\nevidence: empirisch\nfindings:\n  - text: t\n    effects: [behoud, behoud]\n---\n", code: "duplicate-link", at: Some("behoud]"), hint: "Haal de tweede weg" },
        Case { name: "unknown effect added by the editors", errors: 1, file: "content/bronnen/extra-2020.md", content: b"---\nlabel: E (2020)\nkind: beleid\nevidence: empirisch\nfindings:\n  - text: t\n    added_effects: [behoudd]\n---\n", code: "unknown-effect", at: Some("behoudd"), hint: "Bedoel je `behoud`?" },
        Case { name: "unknown row added by the editors", errors: 1, file: "content/bronnen/extra-2020.md", content: b"---\nlabel: E (2020)\nkind: beleid\nevidence: empirisch\nfindings:\n  - text: t\n    added_rows: [\"2.9\"]\n---\n", code: "unknown-row", at: Some("\"2.9\""), hint: "" },
        Case { name: "kind of evidence twice in site.yaml", errors: 1, file: "content/site.yaml", content: site_yaml("sectors:\n", "  - key: beleid\n    label: Nogmaals\n    definition: D\nsectors:\n"), code: "duplicate-id", at: Some("beleid\n    label: Nogmaals"), hint: "eigen sleutel" },
        Case { name: "kind of evidence missing from site.yaml", errors: 1, file: "content/site.yaml", content: site_yaml(REVIEW_KIND, ""), code: "missing-evidence-kind", at: Some("evidence_kinds"), hint: "`review`" },
        Case { name: "kind of evidence misspelt in site.yaml", errors: 1, file: "content/site.yaml", content: site_yaml("key: review", "key: revieuw"), code: "unknown-evidence-kind", at: Some("revieuw"), hint: "Bedoel je `review`?" },
        Case { name: "kind of evidence the rule does not know", errors: 1, file: "content/site.yaml", content: site_yaml("sectors:\n", "  - key: anekdote\n    label: A\n    definition: D\nsectors:\n"), code: "unknown-evidence-kind", at: Some("anekdote"), hint: "liggen vast" },
        Case { name: "no kinds of evidence in site.yaml", errors: 1, file: "content/site.yaml", content: site_yaml_without_evidence_kinds(), code: "missing-evidence-kind", at: Some("source_kinds"), hint: "evidence_kinds" },
    ]
}

fn cases() -> Vec<Case> {
    vec![
        Case { name: "non-UTF-8 file", errors: 1, file: "content/begrippen/latin.md", content: b"---\ntitle: caf\xe9\nsummary: s\n---\n", code: "not-utf8", at: Some("\u{FFFD}"), hint: "UTF-8" },
        Case { name: "empty file", errors: 1, file: "content/begrippen/leeg.md", content: b"", code: "empty-file", at: None, hint: "---" },
        Case { name: "missing closing fence", errors: 1, file: "content/begrippen/open.md", content: b"---\ntitle: Open\nsummary: s\nTekst\n", code: "unclosed-front-matter", at: Some("---"), hint: "regel met alleen `---`" },
        Case { name: "no front matter", errors: 1, file: "content/begrippen/kaal.md", content: b"Gewoon tekst.\n", code: "missing-front-matter", at: Some("Gewoon"), hint: "`---`" },
        Case { name: "YAML syntax error", errors: 1, file: "content/begrippen/syntax.md", content: b"---\ntitle: [Open\nsummary: s\n---\n", code: "yaml-syntax", at: None, hint: "inspringen" },
        Case { name: "duplicate key", errors: 1, file: "content/begrippen/dubbel.md", content: b"---\ntitle: A\nsummary: s\ntitle: B\n---\n", code: "duplicate-key", at: Some("title: B"), hint: "regel 2" },
        Case { name: "list field given text", errors: 1, file: "content/begrippen/type.md", content: b"---\ntitle: A\nsummary: s\ntags: krimp\n---\n", code: "wrong-type", at: Some("krimp"), hint: "is een lijst" },
        Case { name: "unknown key with typo", errors: 1, file: "content/begrippen/typo.md", content: b"---\ntitle: A\nsumary: s\nsummary: s\n---\n", code: "unknown-key", at: Some("sumary"), hint: "Bedoel je `summary`?" },
        Case { name: "missing required field", errors: 1, file: "content/begrippen/zonder.md", content: b"---\ntitle: A\n---\n", code: "wrong-type", at: None, hint: "Voeg het veld toe" },
        Case { name: "unquoted text with colon", errors: 1, file: "content/waarden/2-2.md", content: b"---\nid: \"2.2\"\ntitle: T\nlevel: partnerschap\nconditions:\n  - Let op: dit breekt\n---\n", code: "wrong-type", at: Some("Let op"), hint: "dubbele aanhalingstekens" },
        Case { name: "unknown effect in a finding", errors: 1, file: "content/bronnen/nieuw-2020.md", content: b"---\nlabel: N (2020)\nkind: beleid\nevidence: beleid\nfindings:\n  - text: t\n    effects: [theorie-praktyk]\n---\n", code: "unknown-effect", at: Some("theorie-praktyk"), hint: "Bedoel je `theorie-praktijk`? De effecten staan in content/effecten/" },
        Case { name: "unknown row in a finding", errors: 1, file: "content/bronnen/nieuw-2020.md", content: b"---\nlabel: N (2020)\nkind: beleid\nevidence: beleid\nfindings:\n  - text: t\n    rows: [\"1.9\"]\n---\n", code: "unknown-row", at: Some("\"1.9\""), hint: "" },
        Case { name: "unknown category", errors: 1, file: "content/effecten/nieuw.md", content: b"---\ntitle: T\ncategory: primiar\norder: 2\nsummary: S\n---\n", code: "unknown-category", at: Some("primiar"), hint: "Bedoel je `primair`?" },
        Case { name: "unknown level", errors: 1, file: "content/waarden/1-2.md", content: b"---\nid: \"1.2\"\ntitle: T\nlevel: regio\n---\n", code: "unknown-level", at: Some("regio"), hint: "onderwijsregio" },
        Case { name: "row id does not fit its level", errors: 1, file: "content/waarden/2-3.md", content: b"---\nid: \"1.3\"\ntitle: T\nlevel: partnerschap\n---\n", code: "level-mismatch", at: Some("partnerschap"), hint: "Rijen 1.x" },
        Case { name: "malformed row id", errors: 1, file: "content/waarden/1-4.md", content: b"---\nid: \"1,4\"\ntitle: T\nlevel: onderwijsregio\n---\n", code: "bad-id", at: Some("\"1,4\""), hint: "\"1.1\"" },
        Case { name: "same row id in two files", errors: 1, file: "content/waarden/een-een.md", content: b"---\nid: \"1.1\"\ntitle: T\nlevel: onderwijsregio\n---\n", code: "duplicate-id", at: Some("\"1.1\""), hint: "waarden/1-1.md" },
        Case { name: "same article key in two folders", errors: 1, file: "content/kennisbank/ander/hub.md", content: b"---\ntitle: T\ndate: 2020\n---\n", code: "duplicate-id", at: None, hint: "maar één keer" },
        Case { name: "unknown tag", errors: 1, file: "content/begrippen/tag.md", content: b"---\ntitle: A\nsummary: s\ntags: [krip]\n---\n", code: "unknown-tag", at: Some("krip"), hint: "Bedoel je `krimp`?" },
        Case { name: "unknown sector", errors: 1, file: "content/kennisbank/sector.md", content: b"---\ntitle: T\ndate: 2020\nsectors: [hbo]\n---\n", code: "unknown-sector", at: Some("hbo"), hint: "`po`" },
        Case { name: "unknown source kind", errors: 1, file: "content/bronnen/soort-2020.md", content: b"---\nlabel: S (2020)\nkind: wetenschapelijk\n---\n[[effect:behoud]]\n", code: "unknown-kind", at: Some("wetenschapelijk"), hint: "Bedoel je `wetenschappelijk`?" },
        Case { name: "impossible date", errors: 1, file: "content/kennisbank/datum.md", content: b"---\ntitle: T\ndate: 2023-02-30\n---\n", code: "bad-date", at: Some("2023-02-30"), hint: "JJJJ-MM-DD" },
        Case { name: "unknown parent", errors: 1, file: "content/kennisbank/wees.md", content: b"---\ntitle: T\ndate: 2020\nparent: hubb\n---\n", code: "unknown-article", at: Some("hubb"), hint: "Bedoel je `hub`?" },
        Case { name: "parent cycle", errors: 1, file: "content/kennisbank/zelf.md", content: b"---\ntitle: T\ndate: 2020\nparent: zelf\n---\n", code: "parent-cycle", at: Some("zelf\n"), hint: "moet eindigen" },
        Case { name: "unknown source in the body", errors: 1, file: "content/paginas/tekst.md", content: b"---\ntitle: T\n---\nEerste regel.\nZie [[bron:rug-2071]] hier.\n", code: "unknown-source", at: Some("[[bron:rug-2071]]"), hint: "Bedoel je `rug-2017`? De bronnen staan in content/bronnen/" },
        Case { name: "unknown reference kind in the body", errors: 1, file: "content/paginas/soort.md", content: b"---\ntitle: T\n---\nZie [[bronn:rug-2017]].\n", code: "unknown-reference-kind", at: Some("[[bronn:rug-2017]]"), hint: "Bedoel je `bron`?" },
        Case { name: "unknown source of a quote", errors: 1, file: "content/waarden/1-5.md", content: b"---\nid: \"1.5\"\ntitle: T\nlevel: onderwijsregio\nquotes:\n  - text: t\n    role: Student\n    source: handreiking\n---\n", code: "unknown-source", at: Some("handreiking"), hint: "" },
        Case { name: "unknown co-source", errors: 1, file: "content/bronnen/co-2020.md", content: b"---\nlabel: C (2020)\nkind: beleid\nevidence: beleid\nfindings:\n  - text: t\n    effects: [behoud]\n    co_sources: [ecbo-2012]\n---\n", code: "unknown-source", at: Some("ecbo-2012"), hint: "Bedoel je `ecbo-2021`?" },
        Case { name: "link to a draft", errors: 1, file: "content/paginas/concept.md", content: b"---\ntitle: T\n---\n[[artikel:concept]]\n", code: "unknown-article", at: Some("[[artikel:concept]]"), hint: "draft: false" },
        Case { name: "duplicate finding id", errors: 1, file: "content/bronnen/dubbel-2020.md", content: b"---\nlabel: D (2020)\nkind: beleid\nevidence: beleid\nfindings:\n  - id: a\n    text: t\n    effects: [behoud]\n  - id: a\n    text: u\n---\n", code: "duplicate-id", at: Some("a\n    text: u"), hint: "eigen `id`" },
        Case { name: "misplaced Markdown file", errors: 1, file: "content/los.md", content: b"---\ntitle: T\n---\n", code: "misplaced-file", at: None, hint: "content/effecten/" },
        Case { name: "file name that is not a key", errors: 1, file: "content/begrippen/Mijn Begrip.md", content: b"---\ntitle: A\nsummary: s\n---\n", code: "bad-file-name", at: None, hint: "mijn-begrip" },
        Case { name: "front matter that is a list", errors: 1, file: "content/begrippen/lijst.md", content: b"---\n- a\n- b\n---\n", code: "not-a-mapping", at: None, hint: "één veld per regel" },
        Case { name: "template syntax error", errors: 1, file: "themes/default/templates/term.html", content: b"{% extends \"base.html\" %}\n{% block content %}\n{{ term.summary }\n{% endblock %}\n", code: "template-syntax", at: None, hint: "gesloten" },
        // Template mistakes: in the file that holds them, once however many pages use it.
        Case { name: "undefined variable in the base template", errors: 1, file: "themes/default/templates/base.html", content: template("base.html", "{{ site.language }}", "{{ site.languag }}"), code: "template-undefined", at: Some("site.languag"), hint: "Bedoel je `site.language`?" },
        Case { name: "undefined variable in a block of a child template", errors: 1, file: "themes/default/templates/term.html", content: template("term.html", "{{ term.summary }}", "{{ term.sumary }}"), code: "template-undefined", at: Some("term.sumary"), hint: "Bedoel je `term.summary`?" },
        // Links in bodies: every kind of broken link, both ways of writing one.
        Case { name: "link to a site path that does not exist", errors: 1, file: "content/paginas/link.md", content: b"---\ntitle: T\n---\nZie [dit](/bronnen/bestaat-niet/).\n", code: "broken-link", at: Some("[dit]"), hint: "`/bronnen/rug-2017/`" },
        Case { name: "link to a site path with a typo", errors: 1, file: "content/paginas/link.md", content: b"---\ntitle: T\n---\nZie [dit](/bronnen/rug-2071/).\n", code: "broken-link", at: Some("[dit]"), hint: "Bedoel je `/bronnen/rug-2017/`?" },
        Case { name: "relative link to a page that does not exist", errors: 1, file: "content/paginas/link.md", content: b"---\ntitle: T\n---\nZie [dit](../bestaat-niet/).\n", code: "broken-link", at: Some("[dit]"), hint: "`/bronnen/rug-2017/`" },
        Case { name: "image that does not exist", errors: 1, file: "content/paginas/link.md", content: b"---\ntitle: T\n---\n![Foto](/static/foto.png)\n", code: "broken-link", at: Some("![Foto]"), hint: "adres zonder de domeinnaam" },
        Case { name: "link to a Markdown file that does not exist", errors: 1, file: "content/paginas/link.md", content: b"---\ntitle: T\n---\nZie [dat](../bronnen/nope.md).\n", code: "unknown-file", at: Some("[dat]"), hint: "telt vanaf de map van dit bestand" },
        Case { name: "link to a Markdown file with a typo", errors: 1, file: "content/kennisbank/deel/link.md", content: b"---\ntitle: T\ndate: 2020\n---\nZie [dat](../../bronnen/rug-2071.md).\n", code: "unknown-file", at: Some("[dat]"), hint: "Bedoel je `../../bronnen/rug-2017.md`?" },
        Case { name: "link to a Markdown file outside content", errors: 1, file: "content/paginas/link.md", content: b"---\ntitle: T\n---\nZie [de gids](../../README.md).\n", code: "unknown-file", at: Some("[de gids]"), hint: "content/" },
        Case { name: "link to the file of a draft", errors: 1, file: "content/paginas/link.md", content: b"---\ntitle: T\n---\nZie [het concept](../kennisbank/concept.md).\n", code: "unknown-file", at: Some("[het concept]"), hint: "draft: false" },
        Case { name: "reference without a kind", errors: 1, file: "content/paginas/link.md", content: b"---\ntitle: T\n---\nZie [[rug-2017]].\n", code: "missing-reference-kind", at: Some("[[rug-2017]]"), hint: "Bedoel je `[[bron:rug-2017]]`?" },
        Case { name: "empty reference", errors: 1, file: "content/paginas/link.md", content: b"---\ntitle: T\n---\nZie [[]] hier.\n", code: "empty-reference", at: Some("[[]]"), hint: "haal de haken weg" },
        Case { name: "unclosed reference", errors: 1, file: "content/paginas/link.md", content: b"---\ntitle: T\n---\nZie [[bron:rug-2017 hier.\n", code: "unclosed-reference", at: Some("[[bron"), hint: "`]]`" },
        Case { name: "unclosed comment", errors: 1, file: "content/paginas/link.md", content: b"---\ntitle: T\n---\nTekst.\n\n<!-- notitie voor later\n", code: "unclosed-comment", at: Some("<!--"), hint: "`-->`" },
        Case { name: "unknown anchor in a reference", errors: 1, file: "content/paginas/link.md", content: b"---\ntitle: T\n---\nZie [[bron:rug-2017#bestaat-niet]].\n", code: "unknown-anchor", at: Some("[[bron:rug-2017#bestaat-niet]]"), hint: "`#bevindingen`" },
        Case { name: "anchor with a typo in a reference", errors: 1, file: "content/paginas/link.md", content: b"---\ntitle: T\n---\nZie [[bron:rug-2017#bevinding-beter-handlen]].\n", code: "unknown-anchor", at: Some("[[bron:"), hint: "Bedoel je `bevinding-beter-handelen`?" },
        Case { name: "unknown anchor in a Markdown link", errors: 1, file: "content/paginas/link.md", content: b"---\ntitle: T\n---\nZie [de voorwaarden](/waarde-en-randvoorwaarden/1-1/#randvoorwaarde).\n", code: "unknown-anchor", at: Some("[de voorwaarden]"), hint: "Bedoel je `randvoorwaarden`?" },
        Case { name: "unknown anchor on the same page", errors: 1, file: "content/paginas/link.md", content: b"---\ntitle: T\n---\n## Uitleg\n\nZie [hierboven](#uitlg).\n", code: "unknown-anchor", at: Some("[hierboven]"), hint: "Bedoel je `uitleg`?" },
        Case { name: "unknown anchor in a link to a Markdown file", errors: 1, file: "content/paginas/link.md", content: b"---\ntitle: T\n---\nZie [dat](../bronnen/rug-2017.md#bevindingn).\n", code: "unknown-anchor", at: Some("[dat]"), hint: "Bedoel je `bevindingen`?" },
        // Addresses that could run script, in a body and in front matter.
        Case { name: "javascript: link in a body", errors: 1, file: "content/paginas/link.md", content: b"---\ntitle: T\n---\n[klik](javascript:alert(1))\n", code: "unsafe-url", at: Some("[klik]"), hint: "`javascript:`" },
        Case { name: "script hidden in a data: image", errors: 1, file: "content/paginas/link.md", content: b"---\ntitle: T\n---\n![x](data:image/svg+xml,<svg/onload=alert(1)>)\n", code: "unsafe-url", at: Some("![x]"), hint: "`data:image/" },
        Case { name: "javascript: in the url of a source", errors: 1, file: "content/bronnen/js-2020.md", content: b"---\nlabel: J (2020)\nkind: beleid\nurl: \"javascript:alert(1)\"\n---\n", code: "unsafe-url", at: Some("\"javascript:alert(1)\""), hint: "`mailto:`" },
        Case { name: "javascript: in the url of a quote", errors: 1, file: "content/waarden/1-6.md", content: b"---\nid: \"1.6\"\ntitle: T\nlevel: onderwijsregio\nquotes:\n  - text: t\n    role: Student\n    url: javascript:alert(1)\n---\n", code: "unsafe-url", at: Some("javascript:alert(1)"), hint: "`https://`" },
        Case { name: "vbscript: link written in capitals", errors: 1, file: "content/paginas/link.md", content: b"---\ntitle: T\n---\nZie [klik](VBScript:msgbox(1)).\n", code: "unsafe-url", at: Some("[klik]"), hint: "`javascript:`" },
        Case { name: "javascript: split by a tab entity", errors: 1, file: "content/paginas/link.md", content: b"---\ntitle: T\n---\nZie [klik](java&#9;script:alert(1)).\n", code: "unsafe-url", at: Some("[klik]"), hint: "`javascript:`" },
        Case { name: "javascript: in a link definition", errors: 1, file: "content/paginas/link.md", content: b"---\ntitle: T\n---\nZie [klik][x].\n\n[x]: javascript:alert(1)\n", code: "unsafe-url", at: Some("[klik]"), hint: "`javascript:`" },
        Case { name: "javascript: as an autolink", errors: 1, file: "content/paginas/link.md", content: b"---\ntitle: T\n---\nZie <javascript:alert(1)>.\n", code: "unsafe-url", at: Some("<javascript"), hint: "`javascript:`" },
        Case { name: "data: page in the url of a source", errors: 1, file: "content/bronnen/data-2020.md", content: b"---\nlabel: D (2020)\nkind: beleid\nurl: \"data:text/html,<script>alert(1)</script>\"\n---\n", code: "unsafe-url", at: Some("\"data:"), hint: "`data:`" },
        Case { name: "NUL byte in the url of a source", errors: 1, file: "content/bronnen/nul-2020.md", content: b"---\nlabel: N (2020)\nkind: beleid\nurl: \"https://example.org/\x00\"\n---\n", code: "control-character", at: Some("\u{0}"), hint: "" },
        Case { name: "address without https://", errors: 1, file: "content/bronnen/www-2020.md", content: b"---\nlabel: W (2020)\nkind: beleid\nurl: www.example.org\n---\n", code: "relative-url", at: Some("www.example.org"), hint: "Begin een adres met `https://`" },
        // Invisible characters: one error per file, at the first.
        Case { name: "NUL byte in a body", errors: 1, file: "content/paginas/link.md", content: b"---\ntitle: T\n---\nTekst \x00 hier, en \x00 daar.\n", code: "control-character", at: Some("\u{0}"), hint: "regel 4" },
        Case { name: "control character in front matter", errors: 1, file: "content/begrippen/bel.md", content: b"---\ntitle: A\x07B\nsummary: s\n---\n", code: "control-character", at: Some("\u{7}"), hint: "Backspace" },
        // One mistake, one error: no cascades.
        Case { name: "typo in a required key", errors: 1, file: "content/begrippen/typo.md", content: b"---\ntitle: A\nsumary: s\n---\n", code: "unknown-key", at: Some("sumary"), hint: "Bedoel je `summary`?" },
        Case { name: "unclosed bracket in a term others refer to", errors: 1, file: "content/begrippen/inductie.md", content: b"---\ntitle: Inductie\nsummary: s\ntags: [inductie\n---\nHoort bij [[waarde:2.1]].\n", code: "yaml-syntax", at: None, hint: "inspringen" },
        Case { name: "unclosed reference in a term others refer to", errors: 1, file: "content/begrippen/inductie.md", content: b"---\ntitle: Inductie\nsummary: s\n---\nHoort bij [[waarde:2.1.\n", code: "unclosed-reference", at: Some("[[waarde"), hint: "`]]`" },
    ]
}

fn draft() -> (&'static str, &'static [u8]) {
    (
        "content/kennisbank/concept.md",
        b"---\ntitle: C\ndate: 2024\ndraft: true\n---\n",
    )
}

/// One problem as `kennisbank check --format json` reports it.
#[derive(Debug, serde::Deserialize)]
struct Reported {
    severity: String,
    code: String,
    message: String,
    file: Option<String>,
    /// 0 when the problem has no position.
    line: usize,
    column: usize,
    help: Option<String>,
    rendered: String,
}

impl Reported {
    fn is_error(&self) -> bool {
        self.severity == "error"
    }

    fn line_col(&self) -> Option<(usize, usize)> {
        (self.line > 0).then_some((self.line, self.column))
    }

    fn one_line(&self) -> String {
        let place = match (&self.file, self.line_col()) {
            (Some(file), Some((line, col))) => format!("{file}:{line}:{col}: "),
            (Some(file), None) => format!("{file}: "),
            _ => String::new(),
        };
        format!("{}[{}]: {place}{}", self.severity, self.code, self.message)
    }
}

/// Code, place, and whether there is a hint: what must not change with the language.
type Shape<'a> = Vec<(&'a str, Option<(usize, usize)>, bool)>;

fn shape(found: &[Reported]) -> Shape<'_> {
    found
        .iter()
        .map(|d| (d.code.as_str(), d.line_col(), d.help.is_some()))
        .collect()
}

/// Runs the real `kennisbank check --format json` (and `extra` arguments) in the site and reads
/// what it reports.
fn check_with(site: &TestSite, extra: &[&str]) -> Vec<Reported> {
    let args: Vec<&str> = ["check", "--format", "json"]
        .iter()
        .chain(extra)
        .copied()
        .collect();
    let output = site.run(&args);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "check failed to run: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// What editors see: Dutch, the site's language.
fn check(site: &TestSite) -> Vec<Reported> {
    check_with(site, &[])
}

#[test]
fn every_planted_mistake_is_reported_at_its_place_with_a_hint() {
    let mut cases = cases();
    assert!(cases.len() >= 60);
    cases.extend(evidence_cases());
    let mut failures = Vec::new();
    for case in &cases {
        let site = TestSite::fixture();
        site.write(draft().0, draft().1);
        site.write(case.file, case.content);
        let diagnostics = check(&site);
        let errors: Vec<&Reported> = diagnostics.iter().filter(|d| d.is_error()).collect();
        let Some(found) = errors.iter().find(|d| d.code == case.code) else {
            failures.push(format!(
                "{}: expected `{}`, got {:?}",
                case.name,
                case.code,
                errors.iter().map(|d| d.one_line()).collect::<Vec<_>>()
            ));
            continue;
        };
        if errors.len() != case.errors {
            failures.push(format!(
                "{}: expected {} error(s), got {:?}",
                case.name,
                case.errors,
                errors.iter().map(|d| d.one_line()).collect::<Vec<_>>()
            ));
        }
        let shown = found.file.as_deref().map(|p| p.replace('\\', "/"));
        if case.at.is_some() && shown.as_deref() != Some(case.file) {
            failures.push(format!(
                "{}: reported in {shown:?}, expected {}",
                case.name, case.file
            ));
        }
        if let Some(needle) = case.at {
            let text = String::from_utf8_lossy(case.content);
            let expected = position_of(&text, needle);
            if found.line_col() != Some(expected) {
                failures.push(format!(
                    "{}: at {:?}, expected {expected:?} (under `{}`)",
                    case.name,
                    found.line_col(),
                    needle.escape_debug()
                ));
            }
        }
        let help = found.help.clone().unwrap_or_default();
        if help.is_empty() || !help.contains(case.hint) {
            failures.push(format!(
                "{}: hint {help:?} lacks {:?}",
                case.name, case.hint
            ));
        }
        let rendered = &found.rendered;
        if let (Some((line, col)), Some(path)) = (found.line_col(), &found.file) {
            let place = format!("{path}:{line}:{col}");
            if !rendered.contains(&place) {
                failures.push(format!(
                    "{}: rendered report lacks `{place}`:\n{rendered}",
                    case.name
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// With `--lang en` every planted mistake comes back with the same code, place and error count,
/// and its message and hint in English: other words than the Dutch, never missing.
#[test]
fn every_planted_mistake_reads_the_same_in_english() {
    let mut failures = Vec::new();
    for case in &cases() {
        let site = TestSite::fixture();
        site.write(draft().0, draft().1);
        site.write(case.file, case.content);
        let errors = |found: Vec<Reported>| -> Vec<Reported> {
            found.into_iter().filter(Reported::is_error).collect()
        };
        let dutch = errors(check(&site));
        let english = errors(check_with(&site, &["--lang", "en"]));
        let (nl_shape, en_shape) = (shape(&dutch), shape(&english));
        if nl_shape != en_shape {
            failures.push(format!(
                "{}: {nl_shape:?} in Dutch, {en_shape:?} in English",
                case.name
            ));
            continue;
        }
        for (nl, en) in dutch.iter().zip(&english) {
            if nl.message == en.message || nl.help == en.help && nl.help.is_some() {
                failures.push(format!(
                    "{}: not translated: {:?} / {:?}",
                    case.name, en.message, en.help
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn all_mistakes_of_a_run_are_reported_together_by_the_cli() {
    let site = TestSite::fixture();
    let planted = [
        (
            "content/effecten/a.md",
            format!("{EFFECT_HEAD}tags: [krip]\n---\n"),
            "krip",
        ),
        (
            "content/bronnen/b-2020.md",
            "---\nlabel: B\nkind: beleid\nevidence: beleid\nfindings:\n  - text: t\n    effects: [behou]\n---\n"
                .to_string(),
            "behou",
        ),
        (
            "content/paginas/c.md",
            "---\ntitle: C\n---\nZie [[waarde:9.9]].\n".to_string(),
            "[[waarde:9.9]]",
        ),
        (
            "content/begrippen/d.md",
            "---\ntitle: D\nsumary: x\nsummary: y\n---\n".to_string(),
            "sumary",
        ),
        (
            "content/kennisbank/e.md",
            "---\ntitle: E\ndate: 2020-13\n---\n".to_string(),
            "2020-13",
        ),
    ];
    for (file, text, _) in &planted {
        site.write(file, text);
    }
    let output = site.run(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for (file, text, needle) in &planted {
        let (line, col) = position_of(text, needle);
        let place = format!("{file}:{line}:{col}");
        assert!(stderr.contains(&place), "stderr lacks {place}:\n{stderr}");
    }
    assert!(stderr.contains("controle: 5 fouten"), "{stderr}");

    let records = check(&site);
    assert_eq!(records.iter().filter(|r| r.is_error()).count(), 5);
    assert!(
        records
            .iter()
            .all(|r| r.line_col().is_some() && r.help.is_some())
    );
}

#[test]
fn warnings_do_not_stop_the_build() {
    let site = TestSite::fixture();
    site.write(
        "content/bronnen/los-2020.md",
        "---\nlabel: Los (2020)\nkind: beleid\n---\n",
    );
    site.write("content/effecten/leeg.md", format!("{EFFECT_HEAD}---\n"));
    site.write("content/plaatje.png", b"\x89PNG");
    let yaml = site.read("content/site.yaml").replace(
        "tags:\n",
        "tags:\n  - { key: ongebruikt, label: Ongebruikt }\n",
    );
    site.write("content/site.yaml", yaml);
    let diagnostics = check(&site);
    let codes: Vec<&str> = diagnostics.iter().map(|d| d.code.as_str()).collect();
    for code in [
        "orphan-source",
        "effect-without-evidence",
        "unused-tag",
        "stray-file",
    ] {
        assert!(codes.contains(&code), "missing warning {code}: {codes:?}");
    }
    assert!(
        diagnostics.iter().all(|d| d.severity == "warning"),
        "{codes:?}"
    );
    let report = kennisbank::site::build(&site.options(), &site.path("public")).unwrap();
    assert!(report.written.is_some());
}

#[test]
fn bom_and_crlf_files_are_accepted() {
    let site = TestSite::fixture();
    site.write("content/begrippen/windows.md", b"\xef\xbb\xbf---\r\ntitle: Windows\r\nsummary: Met CRLF.\r\ntags: [krimp]\r\n---\r\nTekst met [[begrip:inductie]].\r\n");
    let diagnostics = check(&site);
    assert!(
        diagnostics.is_empty(),
        "{:?}",
        diagnostics.iter().map(|d| d.one_line()).collect::<Vec<_>>()
    );
    site.write(
        "content/begrippen/windows.md",
        b"\xef\xbb\xbf---\r\ntitle: Windows\r\nsummary: Met CRLF.\r\ntags: [krimq]\r\n---\r\n",
    );
    let diagnostics = check(&site);
    let text = "---\r\ntitle: Windows\r\nsummary: Met CRLF.\r\ntags: [krimq]\r\n---\r\n";
    assert_eq!(diagnostics[0].line_col(), Some(position_of(text, "krimq")));
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_a_diagnostic_not_a_hang() {
    let site = TestSite::fixture();
    std::os::unix::fs::symlink(
        site.path("content/kennisbank"),
        site.path("content/kennisbank/deel/lus"),
    )
    .unwrap();
    let diagnostics = check(&site);
    assert!(
        diagnostics.iter().any(|d| d.code == "symlink-loop"),
        "{:?}",
        diagnostics.iter().map(|d| d.one_line()).collect::<Vec<_>>()
    );
}
