//! Malformed, binary, huge and deeply nested pages: extraction never panics and stays bounded.

use proptest::prelude::*;
use readout_html::{extract, PageInfo};

fn info() -> PageInfo<'static> {
    PageInfo {
        url: Some("https://example.com/2024/05/06/story"),
        content_type: None,
        furniture: &[],
        comments: true,
    }
}

const PIECES: &[&str] = &[
    "<html>",
    "</html>",
    "<body>",
    "<p>",
    "</p>",
    "<div class=\"article\">",
    "</div>",
    "<a href=x>",
    "</a>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<table><tr><td>",
    "</td></tr></table>",
    "<meta charset=\"koi8-r\">",
    "<meta property=\"og:title\" content=\"T\">",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",",
    "\"articleBody\":\"x\"}",
    "Ministers met on Monday, and agreed.",
    "&amp;",
    "&#x1F600;",
    "\u{0}",
    "\u{FEFF}",
    "é",
    "<br>",
    "<figure><figcaption>",
    "</figcaption></figure>",
    "<form>",
    "</form>",
    "<nav>",
    "<![CDATA[",
    "]]>",
    "<",
];

proptest! {
    // 256 cases each; set PROPTEST_CASES for a long fuzzing run.

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4000)) {
        let _ = extract(&bytes, &info());
    }

    /// Dates and URLs made of digits, separators and multi-byte characters: date fields are
    /// read by byte position, so a character straddling one must not panic.
    #[test]
    fn date_readers_never_panic(text in "[a-z-]{0,3}(19|20)[0-9é]{0,2}[-/.][0-9é２]{0,3}[-/.]?[0-9é—]{0,3}[Ta-zé ]{0,3}") {
        let _ = readout_html::meta::parse_date(&text);
        let _ = readout_html::meta::date_from_url(&format!("https://x.example/{text}/{text}"));
        let page = format!(r#"<html><head><meta property="article:published_time" content="{text}"></head></html>"#);
        let _ = extract(page.as_bytes(), &PageInfo { url: Some(&format!("https://x.example/a/{text}")), ..info() });
    }

    #[test]
    fn tag_soup_never_panics(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..200)) {
        let html = pieces.concat();
        let article = extract(html.as_bytes(), &info());
        prop_assert!(article.paragraphs.iter().all(|p| !p.trim().is_empty()));
    }
}

#[test]
fn a_20_megabyte_page_is_cut_and_read() {
    let mut html = String::from("<html><body><article>");
    let paragraph =
        "<p>Ministers from both countries met on Tuesday, and they agreed to resume the talks.</p>";
    while html.len() < 20 * 1024 * 1024 {
        html.push_str(paragraph);
    }
    let article = extract(html.as_bytes(), &info());
    assert!(!article.paragraphs.is_empty());
    // Pages are cut at MAX_PAGE_BYTES before parsing.
    let kept: usize = article.paragraphs.iter().map(String::len).sum();
    assert!(kept <= readout_html::MAX_PAGE_BYTES);
}

#[test]
fn binary_data_yields_an_empty_article() {
    let png = [
        0x89u8, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H', b'D', b'R',
    ];
    let article = extract(&png.repeat(1000), &info());
    assert!(article.body().len() < 100);
}
