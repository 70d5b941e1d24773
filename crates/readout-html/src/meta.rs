//! Article metadata: title, publication date, publisher, authors, language, from (in order of
//! trust) JSON-LD, `<meta>` tags, `<time>` elements, the page's headings and the URL.

use crate::dom::{Attr, Dom, NodeRef, Tag};
use readout_doc::Date;
use serde_json::Value;

/// What [`extract`] reads about an article besides its body, from the sources in the module doc;
/// the fields are those of [`Article`](crate::Article), plus the JSON-LD body. Anything the page
/// does not give is `None` or empty.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Meta {
    /// The headline: `og:title`, JSON-LD `headline`, the first `<h1>` or `<title>`, in that order,
    /// with a trailing site name cut.
    pub title: Option<String>,
    /// The publication date: JSON-LD `datePublished`, a date `<meta>` tag or the first `<time>`; or
    /// the URL's date, which is preferred when the two are at most a day apart.
    pub published: Option<Date>,
    /// The publisher's name: JSON-LD `publisher`, else `og:site_name` or a similar `<meta>` tag.
    pub publisher: Option<String>,
    /// The authors' names: every JSON-LD `author`, else one author `<meta>` tag (never a profile
    /// URL).
    pub authors: Vec<String>,
    /// The language tag, lowercased: `<html lang>`, else `og:locale` or `content-language` (`en_GB`
    /// becomes `en-gb`).
    pub language: Option<String>,
    /// The JSON-LD `articleBody`, when the page has one.
    pub json_ld_body: Option<String>,
    /// The page's canonical URL (`og:url`, `<link rel=canonical>`), when it names one.
    pub url: Option<String>,
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Reads a date written as `2019-11-19T…`, `2019/11/19`, `20191119`, `Nov. 19, 2019`,
/// `19 November 2019` or `November 2019` (first day of the month).
pub fn parse_date(text: &str) -> Option<Date> {
    let t = text.trim();
    let b = t.as_bytes();
    // Fields are read from bytes: slicing the text at byte positions would panic inside a
    // multi-byte character ("2019-11-1é").
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let field = b.get(range)?;
        field
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| field.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    if b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && matches!(b[4], b'-' | b'/' | b'.')
        && b[7] == b[4]
    {
        return Date::new(
            digits(0..4)? as i32,
            digits(5..7)? as u8,
            digits(8..10)? as u8,
        );
    }
    if b.len() >= 8
        && b[..8].iter().all(u8::is_ascii_digit)
        && b.get(8).is_none_or(|c| !c.is_ascii_digit())
    {
        return Date::new(
            digits(0..4)? as i32,
            digits(4..6)? as u8,
            digits(6..8)? as u8,
        );
    }
    let digits = |s: &str| s.parse::<u32>().ok();
    // Month names.
    let words: Vec<String> = t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase())
        .collect();
    let month = words
        .iter()
        .position(|w| w.len() >= 3 && MONTHS.iter().any(|m| w.starts_with(m)))?;
    let m = MONTHS.iter().position(|mm| words[month].starts_with(mm))? as u8 + 1;
    let year = words
        .iter()
        .find_map(|w| digits(w).filter(|y| (1900..2100).contains(y)))? as i32;
    let day = words
        .iter()
        .enumerate()
        .filter(|(i, _)| i.abs_diff(month) == 1)
        .find_map(|(_, w)| {
            digits(w.trim_end_matches(|c: char| c.is_alphabetic())).filter(|d| (1..=31).contains(d))
        });
    Date::new(year, m, day.unwrap_or(1) as u8)
}

/// A date in the URL path: `/2019/11/19/`, `/2019-11-19`, `/20191119/`.
pub fn date_from_url(url: &str) -> Option<Date> {
    let path = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let parts: Vec<&str> = path.split('/').collect();
    for w in parts.windows(3) {
        if let (Ok(y), Ok(m), Ok(d)) = (
            w[0].parse::<i32>(),
            w[1].parse::<u8>(),
            w[2].get(..2).unwrap_or("").parse::<u8>(),
        ) {
            if (1990..2100).contains(&y) && w[1].len() == 2 && w[2].len() >= 2 {
                if let Some(date) = Date::new(y, m, d) {
                    return Some(date);
                }
            }
        }
    }
    for part in &parts {
        for (i, _) in part.char_indices() {
            let rest = &part[i..];
            let Some(candidate) = rest.get(..10) else {
                continue;
            };
            if (rest.starts_with("19") || rest.starts_with("20")) && rest.as_bytes()[4] == b'-' {
                if let Some(d) = parse_date(candidate) {
                    return Some(d);
                }
            }
        }
    }
    None
}

fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text_of(node: NodeRef) -> String {
    clean(&node.text())
}

/// The objects of a JSON-LD document, through `@graph` and arrays.
fn json_ld_objects(value: &Value, out: &mut Vec<serde_json::Map<String, Value>>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| json_ld_objects(v, out)),
        Value::Object(map) => {
            if let Some(graph) = map.get("@graph") {
                json_ld_objects(graph, out);
            }
            out.push(map.clone());
        }
        _ => {}
    }
}

fn is_article(map: &serde_json::Map<String, Value>) -> bool {
    let types: Vec<&str> = match map.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    types
        .iter()
        .any(|t| t.ends_with("Article") || *t == "BlogPosting" || *t == "Report")
}

fn names(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(s)) => vec![clean(s)],
        Some(Value::Object(m)) => m
            .get("name")
            .and_then(Value::as_str)
            .map(clean)
            .into_iter()
            .collect(),
        Some(Value::Array(a)) => a.iter().flat_map(|v| names(Some(v))).collect(),
        _ => vec![],
    }
}

/// Strips a site name from a `<title>` ("Talks resume | Example News").
fn strip_site(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail_is_site = site.is_some_and(|s| tail.eq_ignore_ascii_case(s))
                || tail.split_whitespace().count() <= 4;
            if tail_is_site && head.split_whitespace().count() >= 3 {
                return head.trim().to_string();
            }
        }
    }
    title.trim().to_string()
}

/// Reads the metadata of a parsed page. `url` is the address it was fetched from, if known; it is
/// only searched for a date, and without it the page's own canonical URL is searched instead.
pub fn extract(doc: &Dom, url: Option<&str>) -> Meta {
    let mut meta = Meta::default();
    let mut tags: Vec<(String, String)> = Vec::new();
    let mut objects = Vec::new();
    let mut first_time: Option<String> = None;
    let mut first_h1: Option<String> = None;
    let mut html_title: Option<String> = None;
    let mut canonical: Option<String> = None;
    for node in doc.nodes() {
        let Some(e) = node.as_element() else {
            continue;
        };
        match e.tag() {
            Tag::Meta => {
                let key = e
                    .attr(Attr::Property)
                    .or_else(|| e.attr(Attr::Name))
                    .or_else(|| e.attr(Attr::Itemprop))
                    .or_else(|| e.attr(Attr::HttpEquiv));
                if let (Some(k), Some(v)) = (key, e.attr(Attr::Content)) {
                    tags.push((k.to_ascii_lowercase(), v.trim().to_string()));
                }
            }
            Tag::Script if e.attr(Attr::Type).is_some_and(|t| t.contains("ld+json")) => {
                if let Ok(v) = serde_json::from_str::<Value>(&node.text()) {
                    json_ld_objects(&v, &mut objects);
                }
            }
            Tag::Time if first_time.is_none() => {
                first_time = e.attr(Attr::Datetime).map(str::to_string)
            }
            Tag::H1 if first_h1.is_none() => {
                first_h1 = Some(text_of(node)).filter(|t| !t.is_empty())
            }
            Tag::Title if html_title.is_none() => html_title = Some(text_of(node)),
            Tag::Link
                if canonical.is_none()
                    && e.attr(Attr::Rel)
                        .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
            {
                canonical = e
                    .attr(Attr::Href)
                    .filter(|h| h.starts_with("http"))
                    .map(str::to_string);
            }
            Tag::Html => {
                meta.language = e
                    .attr(Attr::Lang)
                    .map(|l| l.trim().to_ascii_lowercase())
                    .filter(|l| !l.is_empty())
            }
            _ => {}
        }
    }
    let own_url = canonical.or_else(|| {
        tags.iter()
            .find(|(k, v)| k == "og:url" && v.starts_with("http"))
            .map(|(_, v)| v.clone())
    });
    let url = url.or(own_url.as_deref());
    meta.url = own_url.clone();
    let tag = |names: &[&str]| {
        names.iter().find_map(|n| {
            tags.iter()
                .find(|(k, v)| k == n && !v.is_empty())
                .map(|(_, v)| v.clone())
        })
    };
    let article = objects.iter().find(|m| is_article(m));
    let ld = |key: &str| article.and_then(|m| m.get(key));
    meta.publisher = ld("publisher")
        .map(|p| names(Some(p)))
        .and_then(|n| n.into_iter().next())
        .or_else(|| tag(&["og:site_name", "application-name", "publisher"]));
    let og_title = tag(&["og:title", "twitter:title"]);
    let headline = ld("headline").and_then(Value::as_str).map(clean);
    meta.title = og_title
        .or(headline)
        .or(first_h1)
        .or(html_title)
        .map(|t| strip_site(&clean(&t), meta.publisher.as_deref()))
        .filter(|t| !t.is_empty());
    let date_text = ld("datePublished")
        .and_then(Value::as_str)
        .map(str::to_string)
        .or_else(|| {
            tag(&[
                "article:published_time",
                "og:published_time",
                "datepublished",
                "pubdate",
                "publishdate",
                "publish-date",
                "date",
                "dc.date.issued",
                "dc.date",
                "parsely-pub-date",
                "sailthru.date",
                "article.published",
                "dcterms.created",
                "cxenseparse:recs:publishtime",
            ])
        })
        .or(first_time);
    let stated = date_text
        .as_deref()
        .and_then(parse_date)
        .filter(|d| (1990..=2100).contains(&d.year));
    let in_url = url.and_then(date_from_url);
    // A date in the URL is the publisher's local calendar date; metadata written in UTC can be
    // a day off it ("2019-11-19T02:00Z" for an evening story of the 18th).
    meta.published = match (stated, in_url) {
        (Some(s), Some(u)) if (s.to_days() - u.to_days()).abs() <= 1 => Some(u),
        (Some(s), _) => Some(s),
        (None, u) => u,
    };
    meta.authors = names(ld("author"));
    if meta.authors.is_empty() {
        meta.authors = tag(&[
            "author",
            "article:author",
            "sailthru.author",
            "parsely-author",
        ])
        .filter(|a| !a.starts_with("http"))
        .into_iter()
        .collect();
    }
    meta.json_ld_body = ld("articleBody")
        .and_then(Value::as_str)
        .map(str::to_string)
        .filter(|b| b.len() > 200);
    if meta.language.is_none() {
        meta.language = tag(&["og:locale", "content-language", "language"])
            .map(|l| l.replace('_', "-").to_ascii_lowercase());
    }
    meta
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dates_in_the_forms_pages_use() {
        for (text, want) in [
            ("2019-11-19T12:00:00Z", "2019-11-19"),
            ("2019/11/19", "2019-11-19"),
            ("20191119", "2019-11-19"),
            ("Nov. 19, 2019 5:00 am ET", "2019-11-19"),
            ("19 November 2019", "2019-11-19"),
            ("Updated November 2019", "2019-11-01"),
        ] {
            assert_eq!(
                parse_date(text).map(|d| d.to_string()).as_deref(),
                Some(want),
                "{text}"
            );
        }
        assert_eq!(parse_date("yesterday"), None);
    }

    #[test]
    fn a_multibyte_character_where_a_digit_belongs_is_no_date_and_no_panic() {
        for text in [
            "2019-11-1é",
            "2019-1é-19",
            "2019/11/1\u{2014}x",
            "2019111é",
            "１２３４-11-19",
        ] {
            assert_eq!(parse_date(text), None, "{text}");
        }
        for url in [
            "https://x.com/news/2019-11-1é-story",
            "https://x.com/2019-11-é/x",
            "https://x.com/20é9-11-19/x",
        ] {
            assert_eq!(date_from_url(url), None, "{url}");
        }
        let page = crate::dom::parse(
            r#"<html><head><meta property="article:published_time" content="2019-11-1é"></head><body></body></html>"#,
        );
        assert_eq!(
            extract(&page, Some("https://x.com/a/2019-11-1é")).published,
            None
        );
    }

    #[test]
    fn finds_dates_in_urls() {
        let d = |u: &str| date_from_url(u).map(|d| d.to_string());
        assert_eq!(
            d("https://x.com/2019/11/19/world/talks.html").as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(
            d("https://x.com/news/talks-2020-03-04-story").as_deref(),
            Some("2020-03-04")
        );
        assert_eq!(d("https://x.com/news/123456789"), None);
    }

    #[test]
    fn prefers_structured_metadata() {
        let html = crate::dom::parse(
            r#"<html lang="en-GB"><head><title>Talks resume in Geneva | Example News</title>
            <meta property="og:site_name" content="Example News">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Talks resume in Geneva","datePublished":"2024-05-06T08:00:00Z","author":[{"@type":"Person","name":"Ann Reporter"}],"publisher":{"@type":"Organization","name":"Example News"}}]}</script>
            </head><body><h1>Talks resume</h1></body></html>"#,
        );
        let meta = extract(&html, Some("https://example.com/world/talks"));
        assert_eq!(meta.title.as_deref(), Some("Talks resume in Geneva"));
        assert_eq!(meta.published.unwrap().to_string(), "2024-05-06");
        assert_eq!(meta.authors, ["Ann Reporter"]);
        assert_eq!(meta.publisher.as_deref(), Some("Example News"));
        assert_eq!(meta.language.as_deref(), Some("en-gb"));
    }

    #[test]
    fn falls_back_to_the_title_element_and_the_url() {
        let html = crate::dom::parse("<html><head><title>Floods hit the north again - The Daily</title></head><body></body></html>");
        let meta = extract(&html, Some("https://daily.example/2021/07/02/floods"));
        assert_eq!(meta.title.as_deref(), Some("Floods hit the north again"));
        assert_eq!(meta.published.unwrap().to_string(), "2021-07-02");
    }
}
