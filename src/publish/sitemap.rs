//! `sitemap.xml` (sitemaps.org 0.9) and `robots.txt`, which points crawlers at it.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, Event};

/// The sitemaps.org namespace; crawlers ignore a sitemap without it.
pub const SITEMAP_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// One `<url><loc>` per rendered page. `pages` are output paths ending in `index.html`; the
/// address is the folder, as visitors and canonical links use it.
pub fn sitemap(base: &str, pages: &[&str]) -> anyhow::Result<String> {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 1);
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    writer
        .create_element("urlset")
        .with_attribute(("xmlns", SITEMAP_NS))
        .write_inner_content(|w| {
            for page in pages {
                let folder = page.trim_end_matches("index.html");
                w.create_element("url").write_inner_content(|w| {
                    w.create_element("loc").write_text_content(
                        quick_xml::events::BytesText::new(&format!("{base}{folder}")),
                    )?;
                    Ok(())
                })?;
            }
            Ok(())
        })?;
    Ok(String::from_utf8(writer.into_inner())?)
}

/// Allows everything and names the sitemap; a preview (drafts shown) disallows everything.
pub fn robots_txt(base: &str, preview: bool) -> String {
    if preview {
        return "# A preview with drafts: not for search engines.\nUser-agent: *\nDisallow: /\n"
            .to_string();
    }
    let mut text = String::from("User-agent: *\nAllow: /\n");
    if super::is_absolute(base) {
        text.push_str(&format!("\nSitemap: {base}sitemap.xml\n"));
    }
    text
}
