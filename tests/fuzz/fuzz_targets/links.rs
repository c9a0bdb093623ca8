//! Reading a Markdown body, whatever its text: references, links and images, problems and
//! control characters with their spans, then the HTML a page gets.
//!
//! Beyond "never panics": every span lies inside the body on character boundaries and covers
//! what it claims (`[[…]]` for a reference, the whole link or image); every control character
//! of the body is listed; the HTML carries none, and every `href`/`src` in it is one a browser
//! may follow (http, https, mailto, tel, site paths, raster `data:` pictures), whatever the
//! references resolve to. Unsafe destinations must lose their link, not reach the page.

#![no_main]

use kennisbank::markdown::{self, Destination, Link, Resolve, Target, WikiRef, is_control};
use kennisbank::render::links::decode;
use libfuzzer_sys::fuzz_target;

/// Resolves every reference and every link to a content file, so the fuzzer reaches the code
/// that writes them into the page.
struct Everything;

impl Resolve for Everything {
    fn reference(&mut self, reference: &WikiRef) -> Option<Target> {
        Some(Target {
            url: format!("/{}/{}/", reference.kind_word, reference.key),
            label: reference.key.clone(),
        })
    }

    fn content_file(&mut self, link: &Link) -> Option<String> {
        Some(format!("/pagina/{}", link.dest.len()))
    }
}

fuzz_target!(|body: &str| {
    let parsed = markdown::parse(body);
    let inside = |range: &std::ops::Range<usize>| {
        range.start <= range.end
            && range.end <= body.len()
            && body.is_char_boundary(range.start)
            && body.is_char_boundary(range.end)
    };
    for r in parsed.references() {
        assert!(inside(&r.span), "reference span {:?}", r.span);
        let written = &body[r.span.clone()];
        assert!(written.contains("[["), "reference span {written:?}");
    }
    for l in parsed.links() {
        assert!(inside(&l.span), "link span {:?}", l.span);
    }
    for p in parsed.problems() {
        assert!(inside(&p.span), "problem span {:?}", p.span);
    }
    let controls: Vec<usize> = body
        .char_indices()
        .filter(|&(_, c)| is_control(c))
        .map(|(at, _)| at)
        .collect();
    let listed: Vec<usize> = parsed.controls().iter().map(|c| c.offset).collect();
    assert_eq!(listed, controls, "control characters");

    let html = parsed.render_with(Everything).html;
    // Not even the body's own (loading replaces them before, but a body read elsewhere must
    // not carry them either), nor one written as an entity (`&#7;`).
    assert!(
        !html.chars().any(is_control),
        "a control character in {html:?}"
    );
    for attribute in ["href=\"", "src=\""] {
        for (at, _) in html.match_indices(attribute) {
            // Only inside a tag: body text keeps its `"` unescaped, but never a `<` or `>`.
            let before = &html[..at];
            if before.rfind('<') <= before.rfind('>') {
                continue;
            }
            let value = &html[at + attribute.len()..];
            let value = &value[..value.find('"').unwrap_or(value.len())];
            let value = decode(value);
            let safe = match Destination::classify(&value) {
                Destination::OtherScheme(scheme) => {
                    scheme == "data" && attribute == "src=\"" && raster(&value)
                }
                other => other.is_allowed(),
            };
            assert!(safe, "{attribute}{value}\" reached the page:\n{html}");
        }
    }
    parsed.plain_text(|r| Everything.reference(r));
    parsed.sections(|r| Everything.reference(r));
});

/// A raster picture as the check reads it: tabs and line ends inside the address do not count
/// (the writer percent-encodes them, a browser drops them).
fn raster(value: &str) -> bool {
    let lower = value
        .trim()
        .to_ascii_lowercase()
        .replace(['\t', '\n', '\r'], "")
        .replace("%09", "")
        .replace("%0a", "")
        .replace("%0d", "");
    ["png", "jpeg", "gif", "webp", "avif"]
        .iter()
        .any(|mime| lower.starts_with(&format!("data:image/{mime}")))
}
