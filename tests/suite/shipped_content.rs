//! The shipped knowledge base: it builds with no error and no warning, and the counts of what the
//! seeds contain are pinned so that content cannot silently go missing.

use std::collections::BTreeSet;

use kennisbank::model::{Direction, Provenance};

use crate::util::shipped_graph as shipped;

#[test]
fn eight_effects_in_three_categories_in_schema_order() {
    let g = shipped();
    let effects: Vec<(&str, &str)> = g
        .records
        .effects
        .iter()
        .map(|e| (e.data.category.as_str(), e.key.as_str()))
        .collect();
    assert_eq!(
        effects,
        [
            ("primair", "verbinding-theorie-praktijk"),
            ("primair", "pedagogisch-didactisch-handelen"),
            ("primair", "professionele-tevredenheid"),
            ("primair", "opleidingsrendement"),
            ("secundair", "professionalisering-personeel"),
            ("secundair", "lerende-organisatie"),
            ("tertiair", "impact-op-leerlingen"),
            ("tertiair", "behoud-startende-leraren"),
        ]
    );
    let columns: Vec<&str> = g
        .config
        .categories
        .iter()
        .map(|c| c.column_title.as_str())
        .collect();
    assert_eq!(
        columns,
        [
            "Voorbereiding op de beroepspraktijk",
            "Impact van samenwerking",
            "Kwaliteit van onderwijs"
        ]
    );
    for (e, findings) in g.index.effect_findings.enumerate() {
        assert!(!findings.is_empty(), "effect {} has no findings", g[e].key);
    }
    // The claims seed 001 (§2.3) lists per effect, in schema order; the welbevinden claim of
    // RuG (2017) and the ECBO (2021) knowledge claim each count under both effects they are listed
    // for. Links the editors add (`added_effects`) are not counted.
    let overview_claims: Vec<usize> = g
        .records
        .effects
        .iter()
        .map(|effect| {
            g.records
                .sources
                .iter()
                .flat_map(|s| &s.data.findings)
                .filter(|f| f.effects.contains(&effect.key))
                .count()
        })
        .collect();
    assert_eq!(overview_claims, [4, 2, 2, 3, 5, 3, 2, 4]);
    // The graph keeps the Platform's links apart: the same counts from what it says of each edge.
    let platform_links: Vec<usize> = (g.records.effects.ids())
        .map(|e| {
            let items = kennisbank::evidence::effect_items(g, e);
            kennisbank::evidence::by(&items, Provenance::Platform).len()
        })
        .collect();
    assert_eq!(platform_links, overview_claims);
}

#[test]
fn every_finding_says_what_kind_of_evidence_it_is_and_who_made_each_link() {
    let g = shipped();
    let mut findings = 0;
    for (s, source) in g.records.sources.enumerate() {
        for (f, finding) in source.data.findings.iter().enumerate() {
            findings += 1;
            let facts = &g.index.finding_facts[s][f];
            let written = (finding.evidence.as_ref()).or(source.data.evidence.as_ref());
            assert_eq!(
                Some(facts.evidence.key()),
                written.map(String::as_str),
                "{} finding {f} has no kind of evidence of its own or of its source",
                source.key
            );
            let keys = |p: Provenance| -> Vec<&str> {
                (facts.effects.iter())
                    .filter(|t| t.provenance == p)
                    .map(|t| g[t.to].key.as_str())
                    .collect()
            };
            assert_eq!(
                keys(Provenance::Platform),
                finding.effects,
                "{}",
                source.key
            );
            assert_eq!(
                keys(Provenance::Editors),
                finding.added_effects,
                "{}",
                source.key
            );
            let ids = |p: Provenance| -> Vec<&str> {
                (facts.rows.iter())
                    .filter(|t| t.provenance == p)
                    .map(|t| g[t.to].data.id.as_str())
                    .collect()
            };
            assert_eq!(ids(Provenance::Platform), finding.rows, "{}", source.key);
            assert_eq!(
                ids(Provenance::Editors),
                finding.added_rows,
                "{}",
                source.key
            );
        }
    }
    assert_eq!(findings, 178);
    // Helms-Lorenz e.a. (2016): the advantage is gone in the third year.
    let helms = g
        .records
        .sources
        .iter()
        .position(|s| s.key == "helms-lorenz-2016");
    let helms = g
        .records
        .sources
        .ids()
        .nth(helms.expect("helms-lorenz-2016"))
        .unwrap();
    let anchors = &g.index.finding_anchors[helms];
    let f = anchors
        .iter()
        .position(|a| a == "bevinding-beter-na-twee-jaar")
        .unwrap();
    let facts = &g.index.finding_facts[helms][f];
    assert!(
        facts
            .effects
            .iter()
            .all(|t| t.direction == Direction::Mixed && t.provenance == Provenance::Editors),
        "{facts:?}"
    );
}

#[test]
fn eleven_value_rows_with_every_condition_and_quote() {
    let g = shipped();
    let ids: Vec<&str> = g.records.rows.iter().map(|r| r.data.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.1", "2.2", "2.3", "2.4", "2.5"
        ]
    );
    let conditions: Vec<usize> = g
        .records
        .rows
        .iter()
        .map(|r| r.data.conditions.len())
        .collect();
    // Counted in seed 000, row by row.
    assert_eq!(conditions, [6, 3, 8, 3, 5, 4, 5, 3, 4, 4, 4]);
    let quotes: Vec<usize> = g.records.rows.iter().map(|r| r.data.quotes.len()).collect();
    // Seed 000: thirteen 4OLS quotes plus Alice Middelkoop (1.3) and Mieke van Dijk (1.4).
    assert_eq!(quotes, [5, 1, 4, 1, 0, 0, 1, 0, 0, 0, 3]);
    // The claims each row's Onderzoek column cites in seed 000 (a claim the table repeats, such as
    // Darling-Hammond (2006) in 1.2 and 2.2, counts in each row); 2.1 cites none. Links the editors
    // add (`added_rows`) are not counted: they must never pass for the table's own.
    let table_claims: Vec<usize> = g
        .records
        .rows
        .iter()
        .map(|row| {
            g.records
                .sources
                .iter()
                .flat_map(|s| &s.data.findings)
                .filter(|f| f.rows.contains(&row.data.id))
                .count()
        })
        .collect();
    assert_eq!(table_claims, [11, 1, 3, 3, 7, 2, 0, 1, 7, 4, 2]);
    for (r, row) in g.records.rows.enumerate() {
        if row.data.id != "2.1" {
            assert!(
                !g.index.row_findings[r].is_empty(),
                "row {} has no research findings",
                row.data.id
            );
        }
    }
}

#[test]
fn every_source_of_the_register_is_present() {
    let g = shipped();
    // The research register of the seed inventory (c1–c3) plus the sources 002 and 003 cite most.
    assert_present(
        "source",
        g.records.sources.iter().map(|s| s.key.as_str()),
        &[
            "rug-2017",
            "rug-2018",
            "roelofs-2003",
            "darling-hammond-2006",
            "darling-hammond-2017",
            "darling-hammond-2021",
            "zeichner-2010",
            "leeferink-2016",
            "timmermans-2012",
            "ecbo-2021",
            "onderwijsraad-2025",
            "furlong-2000",
            "helms-lorenz-2019",
            "hooge-2024",
            "flamand-2025",
            "korthagen-2005",
            "kaats-2012",
            "kaats-2023",
            "kenis-2019",
            "platform-waarde-2025",
            "platform-effecten-2025",
            "opdenksessie-2025",
            "kwaliteitskader-2025",
            "handreiking-startende-leraren",
            "interview-driehoek-leervraag",
            "4ols",
            "breder-perspectief-2018",
            "helms-lorenz-2016",
            "helms-lorenz-2020",
            "kwaliteitskader-2020",
            "expansienotitie-2020",
            "kijkkader-2018",
            "berndsen-2013",
            "ao-consult-2020",
            "loopbaanmonitor-2020",
            "van-vroonhoven-2020",
            "nvao-2007",
            "auditdienst-rijk-2018",
            "meulenberg-2014",
            "vsls",
            "tigchelaar-2012",
            "brouwer-2015",
            "schenke-2020",
            "crasborn-2018",
            "driessen-2016",
            "driessen-2017",
            "van-bussel-2018",
            "nro-2020",
            "ocw-2021",
            "dus-i-2018",
            "subsidieregeling-2020",
            "velon-beroepsstandaard-2012",
        ],
    );
    assert!(
        g.records.sources.len() >= 70,
        "only {} sources",
        g.records.sources.len()
    );
    assert!(
        g.finding_count() >= 150,
        "only {} findings",
        g.finding_count()
    );
}

#[test]
fn the_publications_are_articles() {
    let g = shipped();
    let children = |hub: &str| {
        let (a, _) = g
            .records
            .articles
            .enumerate()
            .find(|(_, a)| a.key == hub)
            .unwrap_or_else(|| panic!("no article {hub}"));
        g.index.article_children[a].clone()
    };
    // 002: six chapter hubs with three interviews each, plus the preface.
    let chapters = children("breder-perspectief");
    let interviews: usize = chapters
        .iter()
        .map(|&c| g.index.article_children[c].len())
        .sum();
    assert_eq!(chapters.len(), 7, "preface + six chapters");
    assert_eq!(interviews, 18);
    // 003: the ECBO report by theme, with its recommendations.
    assert!(children("meerwaarde-samen-opleiden").len() >= 18);
    assert_present(
        "article",
        g.records.articles.iter().map(|a| a.key.as_str()),
        &[
            "meerwaarde-aanbevelingen",
            "uitgangspunten-aandachtspunten",
            "samenhang-curriculum",
            "effectieve-samenwerking",
        ],
    );
    assert_present(
        "glossary term",
        g.records.terms.iter().map(|t| t.key.as_str()),
        &[
            "opleidingsschool",
            "partnerschap",
            "pds",
            "werkplekbegeleider",
            "schoolopleider",
            "instituutsopleider",
            "zij-instromer",
            "inductie",
            "eenpitter",
        ],
    );
}

/// Fails naming every key of `expected` that is not among `keys` (the records of one kind).
fn assert_present<'a>(kind: &str, keys: impl Iterator<Item = &'a str>, expected: &[&str]) {
    let keys: BTreeSet<&str> = keys.collect();
    let missing: Vec<&str> = expected
        .iter()
        .copied()
        .filter(|k| !keys.contains(k))
        .collect();
    assert!(missing.is_empty(), "{kind} missing: {missing:?}");
}

#[test]
fn uitgangspunten_and_aandachtspunten_are_all_there() {
    let g = shipped();
    let article = g
        .records
        .articles
        .iter()
        .find(|a| a.key == "uitgangspunten-aandachtspunten")
        .unwrap();
    let numbered = article.origin.body.lines().filter(|l| {
        let t = l.trim_start();
        t.split_once(". ")
            .is_some_and(|(n, _)| n.parse::<u32>().is_ok())
    });
    assert_eq!(numbered.count(), 16 + 5);
}
