//! What the publishing stage gives visitors, crawlers, feed readers, researchers and Netlify:
//! the committed netlify.toml builds a clean copy of the content; sitemap and feed are valid XML
//! of their formats; the open data matches the graph; `kennisbank new` writes files that check.
//!
//! Long (~550 lines) because each test is one small case of one published file.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use crate::util::{BASE, TestSite, repo, shipped_file, shipped_graph, shipped_site};

fn first_source(graph: &kennisbank::graph::KnowledgeGraph) -> kennisbank::graph::PageRef {
    let first = graph.records.sources.ids().next().expect("a source");
    kennisbank::graph::PageRef::Source(first)
}

fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    node.children().find(|c| c.has_tag_name(name))
}

fn text_of(node: roxmltree::Node, name: &str) -> String {
    child(node, name)
        .and_then(|c| c.text())
        .unwrap_or_else(|| panic!("<{}> has no <{name}>", node.tag_name().name()))
        .to_string()
}

#[test]
fn sitemap_lists_every_page_with_an_absolute_loc() {
    let xml = shipped_file("sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).expect("sitemap.xml is well-formed XML");
    let root = doc.root_element();
    assert_eq!(
        (root.tag_name().namespace(), root.tag_name().name()),
        (
            Some("http://www.sitemaps.org/schemas/sitemap/0.9"),
            "urlset"
        )
    );
    let locs: Vec<String> = root
        .children()
        .filter(|n| n.is_element())
        .map(|url| {
            assert!(url.has_tag_name("url"), "only <url> in <urlset>");
            text_of(url, "loc")
        })
        .collect();
    for loc in &locs {
        assert!(loc.starts_with(BASE), "loc not absolute on the base: {loc}");
        let page = format!("{}index.html", &loc[BASE.len()..]);
        assert!(
            shipped_site().join(&page).is_file(),
            "{loc} has no page {page}"
        );
    }
    assert!(locs.contains(&BASE.to_string()));
    assert!(locs.contains(&format!("{BASE}effecten/")));
    let pages = walkdir::WalkDir::new(shipped_site())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "index.html")
        .count();
    assert_eq!(locs.len(), pages, "one <url> per page");
    assert_eq!(locs.iter().collect::<BTreeSet<_>>().len(), locs.len());
    assert!(shipped_file("robots.txt").contains(&format!("Sitemap: {BASE}sitemap.xml")));
}

#[test]
fn atom_feed_has_the_required_elements_and_one_entry_per_article() {
    let g = shipped_graph();
    let xml = shipped_file("atom.xml");
    let doc = roxmltree::Document::parse(&xml).expect("atom.xml is well-formed XML");
    let feed = doc.root_element();
    let atom = "http://www.w3.org/2005/Atom";
    assert_eq!(
        (feed.tag_name().namespace(), feed.tag_name().name()),
        (Some(atom), "feed")
    );
    let rfc3339 = &time::format_description::well_known::Rfc3339;
    let is_date = |s: &str| time::OffsetDateTime::parse(s, rfc3339).is_ok();
    assert!(text_of(feed, "id").starts_with(BASE));
    assert!(!text_of(feed, "title").is_empty());
    assert!(is_date(&text_of(feed, "updated")));
    assert!(child(feed, "author").is_some(), "feed-level author");
    let self_link = feed
        .children()
        .find(|n| n.has_tag_name("link") && n.attribute("rel") == Some("self"))
        .expect("rel=self link");
    assert_eq!(
        self_link.attribute("href"),
        Some(&*format!("{BASE}atom.xml"))
    );
    let entries: Vec<_> = feed
        .children()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    assert_eq!(entries.len(), g.records.articles.len());
    let mut previous = String::from("9999");
    for entry in entries {
        let id = text_of(entry, "id");
        assert!(id.starts_with(&format!("{BASE}kennisbank/")), "{id}");
        assert!(!text_of(entry, "title").is_empty());
        let updated = text_of(entry, "updated");
        assert!(is_date(&updated), "{updated}");
        assert!(updated <= previous, "newest first");
        previous = updated;
        let link = child(entry, "link").expect("entry link");
        assert_eq!(link.attribute("href"), Some(id.as_str()));
    }
}

#[test]
fn graph_json_validates_against_its_schema_and_the_schema_can_fail() {
    let g = shipped_graph();
    let schema: serde_json::Value =
        serde_json::from_str(&shipped_file("data/kennisgraaf.schema.json"))
            .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let mut data: serde_json::Value =
        serde_json::from_str(&shipped_file("data/kennisgraaf.json")).expect("export is JSON");
    let errors: Vec<String> = validator
        .iter_errors(&data)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .take(5)
        .collect();
    assert!(errors.is_empty(), "export breaks its schema: {errors:#?}");
    assert_eq!(
        data["effects"].as_array().unwrap().len(),
        g.records.effects.len()
    );
    assert_eq!(
        data["sources"].as_array().unwrap().len(),
        g.records.sources.len()
    );
    let findings: usize = data["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["findings"].as_array().unwrap().len())
        .sum();
    assert_eq!(findings, g.finding_count());
    // What the export says about evidence is what the graph says: each link's origin, each
    // finding's kind, each effect's signal.
    for (s, source) in data["sources"].as_array().unwrap().iter().enumerate() {
        let in_graph = &g.records.sources.iter().nth(s).unwrap().data;
        for (f, finding) in source["findings"].as_array().unwrap().iter().enumerate() {
            let written = &in_graph.findings[f];
            let of = |origin: &str| -> Vec<&str> {
                (finding["effects"].as_array().unwrap().iter())
                    .filter(|l| l["origin"] == origin)
                    .map(|l| l["effect"].as_str().unwrap())
                    .collect()
            };
            assert_eq!(of("platform"), written.effects, "{}", finding["id"]);
            assert_eq!(of("redactie"), written.added_effects, "{}", finding["id"]);
            let kind = finding["evidence"]["key"].as_str().unwrap();
            let expected = (written.evidence.as_ref()).or(in_graph.evidence.as_ref());
            assert_eq!(
                Some(kind),
                expected.map(String::as_str),
                "{}",
                finding["id"]
            );
        }
    }
    for effect in data["effects"].as_array().unwrap() {
        let signal = &effect["signal"];
        assert_eq!(
            signal["findings"].as_u64().unwrap() as usize,
            effect["findings"].as_array().unwrap().len()
        );
        assert!(!signal["text"].as_str().unwrap().is_empty());
    }
    // The schema must reject what it documents as wrong, or it proves nothing.
    let valid = data.clone();
    data["effects"][0]["order"] = serde_json::json!("first");
    assert!(!validator.is_valid(&data), "a text order must not validate");
    let mut data = valid.clone();
    data["sources"][0]["findings"][0]["effects"] = serde_json::json!([
        { "effect": "x", "origin": "bron", "direction": "ondersteunt" }
    ]);
    assert!(
        !validator.is_valid(&data),
        "an origin that is not platform/redactie"
    );
    let mut data = valid.clone();
    let finding = data["sources"][0]["findings"][0].as_object_mut().unwrap();
    finding.remove("evidence");
    assert!(
        !validator.is_valid(&data),
        "a finding without a kind of evidence"
    );
    let mut data = valid;
    data["rows"][0]["signal"]["strength"]["key"] = serde_json::json!("bewezen");
    assert!(
        !validator.is_valid(&data),
        "a strength the rule does not give"
    );
}

#[test]
fn findings_csv_has_one_row_per_finding_with_effects_rows_and_source() {
    let g = shipped_graph();
    let csv_text = shipped_file("data/bevindingen.csv");
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().expect("header row").clone();
    for column in [
        "finding_id",
        "source_key",
        "text",
        "evidence",
        "effects",
        "added_effects",
        "rows",
        "added_rows",
    ] {
        assert!(headers.iter().any(|h| h == column), "column {column}");
    }
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(records.len(), g.finding_count());
    let mut i = 0;
    for source in &g.records.sources {
        for finding in &source.data.findings {
            let record = &records[i];
            assert_eq!(&record[column("source_key")], source.key);
            assert_eq!(&record[column("text")], finding.text.trim());
            // The Platform's links and the editors' stay in their own columns.
            assert_eq!(&record[column("effects")], finding.effects.join(";"));
            assert_eq!(
                &record[column("added_effects")],
                finding.added_effects.join(";")
            );
            assert_eq!(&record[column("rows")], finding.rows.join(";"));
            assert_eq!(&record[column("added_rows")], finding.added_rows.join(";"));
            let kind = (finding.evidence.as_ref()).or(source.data.evidence.as_ref());
            assert_eq!(Some(&record[column("evidence")]), kind.map(String::as_str));
            assert!(!record[column("evidence_label")].is_empty());
            i += 1;
        }
    }
}

#[test]
fn ris_and_bibtex_carry_author_year_and_title() {
    let g = shipped_graph();
    let (s, source) = g
        .records
        .sources
        .enumerate()
        .find(|(_, s)| {
            !s.data.authors.is_empty() && s.data.year.is_some() && s.data.title.is_some()
        })
        .expect("a source with authors, year and title");
    let dir = g.path(kennisbank::graph::PageRef::Source(s));
    let data = &source.data;
    let year = data.year.unwrap().to_string();
    let ris = shipped_file(&format!("{dir}citatie.ris"));
    let lines: Vec<&str> = ris.lines().map(|l| l.trim_end_matches('\r')).collect();
    assert!(lines[0].starts_with("TY  - "), "{ris}");
    assert_eq!(lines.last(), Some(&"ER  - "));
    assert!(
        lines.contains(&&*format!("AU  - {}", data.authors[0])),
        "{ris}"
    );
    assert!(lines.contains(&&*format!("PY  - {year}")), "{ris}");
    assert!(
        lines.contains(&&*format!("TI  - {}", data.title.as_ref().unwrap())),
        "{ris}"
    );
    let bib = shipped_file(&format!("{dir}citatie.bib"));
    assert!(
        bib.starts_with('@') && bib.contains(&format!("{{{},", source.key)),
        "{bib}"
    );
    assert!(bib.contains("author = {"), "{bib}");
    assert!(bib.contains(&format!("year = {{{year}}}")), "{bib}");
    assert!(bib.contains("title = {{"), "{bib}");
    assert_eq!(
        bib.matches('{').count(),
        bib.matches('}').count(),
        "balanced braces: {bib}"
    );
    let all = shipped_file("data/bronnen.bib");
    assert_eq!(all.matches("\n@").count() + 1, g.records.sources.len());
}

#[test]
fn pages_carry_canonical_open_graph_and_source_json_ld_without_inline_script_or_style() {
    let g = shipped_graph();
    let source_page = shipped_file(&format!("{}index.html", g.path(first_source(g))));
    let canonical = format!(
        "<link rel=\"canonical\" href=\"{BASE}{}\">",
        g.path(first_source(g))
    );
    assert!(source_page.contains(&canonical), "no {canonical}");
    assert!(source_page.contains("property=\"og:title\""));
    assert!(source_page.contains("application/atom+xml"));
    let start = source_page
        .find("<script type=\"application/ld+json\">")
        .expect("JSON-LD on a source page")
        + "<script type=\"application/ld+json\">".len();
    let end = start + source_page[start..].find("</script>").unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&source_page[start..end]).expect("JSON-LD parses");
    assert!(matches!(
        json["@type"].as_str(),
        Some("ScholarlyArticle" | "CreativeWork")
    ));
    // netlify.toml's Content-Security-Policy allows no inline script or style: every <script> must
    // load a file (or be a JSON-LD data block) and no element may carry a style attribute.
    for entry in walkdir::WalkDir::new(shipped_site()) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(entry.path()).unwrap();
        let at = entry.path().display();
        assert!(!html.contains("<style"), "inline <style> in {at}");
        assert!(!html.contains(" style=\""), "style attribute in {at}");
        for (i, _) in html.match_indices("<script") {
            let tag = &html[i..i + html[i..].find('>').unwrap()];
            assert!(
                tag.contains(" src=") || tag.contains("application/ld+json"),
                "inline script in {at}: {tag}"
            );
        }
    }
}

/// A `cargo` on PATH that runs the freshly built binary with the arguments after `--`, so the
/// committed build command runs as Netlify runs it, minus compiling the crate a second time.
fn fake_cargo(dir: &Path) {
    let script = format!(
        "#!/bin/sh\nset -e\n[ \"$1\" = run ] || {{ echo \"unexpected cargo $*\" >&2; exit 97; }}\n\
         case \" $* \" in *\" --locked \"*) ;; *) echo 'cargo run without --locked' >&2; exit 98;; esac\n\
         while [ \"$1\" != -- ]; do shift; done\nshift\nexec '{}' \"$@\"\n",
        env!("CARGO_BIN_EXE_kennisbank")
    );
    let path = dir.join("cargo");
    std::fs::write(&path, script).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn netlify_toml_builds_a_clean_copy_for_production_and_previews() {
    let repo = repo();
    let config: toml::Table = std::fs::read_to_string(repo.join("netlify.toml"))
        .unwrap()
        .parse()
        .expect("netlify.toml parses");
    let build = config["build"].as_table().expect("[build]");
    assert_eq!(build["publish"].as_str(), Some("public"));
    let command = build["command"].as_str().expect("build.command");
    let headers = config["headers"].as_array().expect("[[headers]]");
    let all = headers
        .iter()
        .find(|h| h["for"].as_str() == Some("/*"))
        .expect("headers for /*");
    let values = all["values"].as_table().unwrap();
    let csp = values["Content-Security-Policy"].as_str().unwrap();
    assert!(csp.contains("script-src 'self'") && csp.contains("style-src 'self'"));
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(values["X-Content-Type-Options"].as_str(), Some("nosniff"));
    assert!(values.contains_key("Referrer-Policy"));
    let toolchain = std::fs::read_to_string(repo.join("rust-toolchain.toml")).unwrap();
    let toolchain: toml::Table = toolchain.parse().expect("rust-toolchain.toml parses");
    assert!(toolchain["toolchain"]["channel"].as_str().is_some());

    let site = TestSite::shipped();
    let bin = tempfile::tempdir().unwrap();
    fake_cargo(bin.path());
    // A draft appears in previews only.
    let new = site.run(&["new", "artikel", "Concept voor previews"]);
    assert!(
        new.status.success(),
        "{}",
        String::from_utf8_lossy(&new.stderr)
    );
    let draft = "kennisbank/concept-voor-previews/index.html";
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap()
    );
    let run = |context: &str, env: &[(&str, &str)]| {
        let mut cmd = Command::new("bash");
        cmd.arg("-c")
            .arg(command)
            .current_dir(site.root())
            .env("PATH", &path)
            .env("CONTEXT", context)
            .env_remove("URL")
            .env_remove("DEPLOY_PRIME_URL");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "netlify build ({context}) failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };

    run("production", &[("URL", "https://kb.example.org")]);
    assert!(site.path("public/404.html").is_file());
    assert!(
        !site.path(&format!("public/{draft}")).exists(),
        "draft in production"
    );
    assert!(
        site.read("public/sitemap.xml")
            .contains("<loc>https://kb.example.org/effecten/</loc>")
    );
    assert!(
        site.read("public/robots.txt")
            .contains("Sitemap: https://kb.example.org/sitemap.xml")
    );
    let headers = site.read("public/_headers");
    for entry in walkdir::WalkDir::new(site.path("public")) {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy();
        let hashed = name.ends_with(".css") || name.ends_with(".js") || name.starts_with("docs-");
        if entry.file_type().is_file() && hashed {
            let url = entry.path().strip_prefix(site.path("public")).unwrap();
            let rule = format!(
                "/{}\n  Cache-Control: public, max-age=31536000, immutable",
                url.display()
            );
            assert!(
                headers.contains(&rule),
                "no immutable cache for {}",
                url.display()
            );
        }
    }
    assert!(!headers.contains("manifest.json") && !headers.contains(".html"));

    let preview = "https://deploy-preview-7--kennisbank.netlify.app";
    run(
        "deploy-preview",
        &[
            ("URL", "https://kb.example.org"),
            ("DEPLOY_PRIME_URL", preview),
        ],
    );
    assert!(
        site.path(&format!("public/{draft}")).is_file(),
        "no draft in preview"
    );
    assert!(
        site.read("public/sitemap.xml")
            .contains(&format!("<loc>{preview}/effecten/</loc>"))
    );
    assert!(site.read("public/robots.txt").contains("Disallow: /"));
}

#[test]
fn every_kind_of_new_file_passes_check_and_builds() {
    let site = TestSite::shipped();
    for (kind, name, file) in [
        ("effect", "nieuw-effect", "content/effecten/nieuw-effect.md"),
        ("waarde", "1.99", "content/waarden/1-99.md"),
        (
            "bron",
            "Nieuwe bron 2025",
            "content/bronnen/nieuwe-bron-2025.md",
        ),
        (
            "artikel",
            "nieuw-artikel",
            "content/kennisbank/nieuw-artikel.md",
        ),
    ] {
        let out = site.run(&["new", kind, name]);
        assert!(
            out.status.success(),
            "new {kind}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = site.read(file);
        assert!(
            text.starts_with("---\n") && text.contains(" # "),
            "{file}:\n{text}"
        );
        let again = site.run(&["new", kind, name]);
        assert_eq!(again.status.code(), Some(2), "overwrote {file}");
    }
    for args in [
        &["check"][..],
        &["check", "--drafts"],
        &["build", "--drafts"],
    ] {
        let out = site.run(args);
        assert!(
            out.status.success(),
            "{args:?} after `new`:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(
        site.path("public/kennisbank/nieuw-artikel/index.html")
            .is_file()
    );
    assert!(
        site.path("public/waarde-en-randvoorwaarden/1-99/index.html")
            .is_file()
    );
    let bad = site.run(&["new", "waarde", "geen-id"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("1.7"));
}

#[test]
fn aliases_become_301_redirects_to_the_new_address() {
    let site = TestSite::fixture();
    let effect = site.read("content/effecten/behoud.md").replacen(
        "---\n",
        "---\naliases: [behoud-starters, /oud/behoud/]\n",
        1,
    );
    site.write("content/effecten/behoud.md", effect);
    let row = site
        .read("content/waarden/2-1.md")
        .replacen("---\n", "---\naliases: [\"2.9\"]\n", 1);
    site.write("content/waarden/2-1.md", row);
    let out = site.run(&["build"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let redirects = site.read("public/_redirects");
    let rules: Vec<Vec<&str>> = redirects
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split_whitespace().collect())
        .collect();
    for expected in [
        ["/effecten/behoud-starters/", "/effecten/behoud/", "301"],
        ["/oud/behoud/", "/effecten/behoud/", "301"],
        [
            "/waarde-en-randvoorwaarden/2-9/",
            "/waarde-en-randvoorwaarden/2-1/",
            "301",
        ],
    ] {
        assert!(
            rules.contains(&expected.to_vec()),
            "no {expected:?} in\n{redirects}"
        );
    }
    assert_eq!(rules.len(), 3, "{redirects}");
}
