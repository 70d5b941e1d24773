//! Article metadata: title, publication date, publisher, authors, language, from (in order of
//! trust) JSON-LD, `<meta>` tags, the page's headings and the URL; the publication date's
//! other sources (microdata, `<time>`, date lines, text) are read by [`crate::dates`].

use crate::dom::{Attr, Dom, NodeRef, Tag};
use readout_doc::Date;
use serde_json::Value;

/// What [`extract`] reads about an article besides its body, from the sources in the module doc;
/// the fields are those of [`Article`](crate::Article), plus the JSON-LD body. Anything the page
/// does not give is `None` or empty.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Meta {
    /// The headline: `og:title`, JSON-LD `headline`, the page's own `<h1>` or `<title>`, in that
    /// order, with a trailing site name cut.
    pub title: Option<String>,
    /// The publication date, from the first of the sources [`crate::dates::published`] tries
    /// that gives one.
    pub published: Option<Date>,
    /// Where the publication date was found.
    pub published_from: Option<crate::dates::Source>,
    /// The publisher's name: JSON-LD `publisher`, else `og:site_name` or a similar `<meta>` tag.
    pub publisher: Option<String>,
    /// The writers' names: every JSON-LD `author` (references into the page's graph followed),
    /// else one author `<meta>` tag, else the page's byline ([`crate::authors`]); organisations,
    /// the publisher itself, profile paths, handles and lower-case user names count only when no
    /// source names a writer.
    pub authors: Vec<String>,
    /// The language tag, lowercased: `<html lang>`, else `og:locale` or `content-language` (`en_GB`
    /// becomes `en-gb`).
    pub language: Option<String>,
    /// The JSON-LD `articleBody`, when the page has one.
    pub json_ld_body: Option<String>,
    /// The article's own summary (`og:description`, `twitter:description`, the JSON-LD
    /// article's `description`): what is left to read when the page carries no body.
    pub description: Option<String>,
    /// The page's canonical URL (`og:url`, `<link rel=canonical>`), when it names one.
    pub url: Option<String>,
}

pub use crate::dates::parse_date;

/// A date in the URL path: `/2019/11/19/`, `/2019-11/19/`, `/2019-11-19`, `-2019-11-19-`,
/// `/20191119/` (a segment or a segment's end), `/19-11-2019`.
pub fn date_from_url(url: &str) -> Option<Date> {
    let path = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    // The host is no date.
    let path = path.split_once('/').map_or("", |(_, p)| p);
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let date = |y: u32, m: u32, d: u32| -> Option<Date> {
        (1990..2100)
            .contains(&y)
            .then(|| Date::new(y as i32, m as u8, d as u8))
            .flatten()
    };
    // Numbers split by `/` and `-`, with the separator before each: `/2019/11/19` and
    // `/2019-11/19/` read alike, and `-2019-11-19-` inside a slug.
    let fields: Vec<&str> = path.split(['/', '-', '_', '.']).collect();
    for w in fields.windows(3) {
        let (Some(a), Some(b), Some(c)) = (number(w[0]), number(w[1]), number(w[2])) else {
            continue;
        };
        let two = |s: &str| s.len() == 2 || s.len() == 1;
        if w[0].len() == 4 && w[1].len() == 2 && w[2].len() == 2 {
            if let Some(d) = date(a, b, c) {
                return Some(d);
            }
        }
        if two(w[0]) && two(w[1]) && w[2].len() == 4 && w[1].len() == 2 {
            if let Some(d) = date(c, b, a) {
                return Some(d);
            }
        }
    }
    // A month or day of one digit only as whole path segments (`/2017/7/12/`): inside a slug
    // a short number is as often a word of the title (`/2023/10/3-questions-to/`).
    let segments: Vec<&str> = path.split('/').collect();
    for w in segments.windows(3) {
        if let (Some(y), Some(m), Some(d)) = (number(w[0]), number(w[1]), number(w[2])) {
            if w[0].len() == 4 && w[1].len() <= 2 && w[2].len() <= 2 {
                if let Some(d) = date(y, m, d) {
                    return Some(d);
                }
            }
        }
    }
    // Eight digits: a whole field (`/20191119/`) or a slug's end (`-20200113`).
    for field in &fields {
        if field.len() == 8 && field.bytes().all(|b| b.is_ascii_digit()) {
            let n = |r: std::ops::Range<usize>| field[r].parse::<u32>().ok();
            if let Some(d) = date(n(0..4)?, n(4..6)?, n(6..8)?) {
                return Some(d);
            }
        }
    }
    None
}

/// White space collapsed and invisible formatting characters (soft hyphens, zero-width spaces)
/// left out.
fn clean(text: &str) -> String {
    let visible: String = text
        .chars()
        .filter(|&c| !crate::body::is_invisible(c))
        .collect();
    visible.split_whitespace().collect::<Vec<_>>().join(" ")
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

/// Whether a JSON-LD object has a `@type` (one of its types) that `is` accepts.
fn has_type(map: &serde_json::Map<String, Value>, is: impl Fn(&str) -> bool) -> bool {
    match map.get("@type") {
        Some(Value::String(s)) => is(s),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(is),
        _ => false,
    }
}

fn is_article(map: &serde_json::Map<String, Value>) -> bool {
    has_type(map, |t| {
        t.ends_with("Article") || t == "BlogPosting" || t == "Report"
    })
}

/// The names a JSON-LD value gives: a string, an object's `name`, or those of an array. An object
/// that only points at another of the page's objects (`{"@id": "…#/schema/person/…"}`, as SEO
/// plugins write an article's author) is that object. With `people_only`, organisations (an
/// object whose `@type` ends in "Organization", or "Corporation") give no name.
fn names(
    value: Option<&Value>,
    objects: &[serde_json::Map<String, Value>],
    people_only: bool,
) -> Vec<String> {
    let of_object = |m: &serde_json::Map<String, Value>| {
        if people_only && has_type(m, is_organisation_type) {
            return None;
        }
        m.get("name").and_then(Value::as_str).map(clean_text)
    };
    match value {
        Some(Value::String(s)) => vec![clean_text(s)],
        Some(Value::Object(m)) if m.contains_key("name") => of_object(m).into_iter().collect(),
        Some(Value::Object(m)) => m
            .get("@id")
            .and_then(Value::as_str)
            .and_then(|id| {
                objects.iter().find(|o| {
                    o.get("@id").and_then(Value::as_str) == Some(id) && o.contains_key("name")
                })
            })
            .and_then(of_object)
            .into_iter()
            .collect(),
        Some(Value::Array(a)) => a
            .iter()
            .flat_map(|v| names(Some(v), objects, people_only))
            .collect(),
        _ => vec![],
    }
}

fn is_organisation_type(t: &str) -> bool {
    t.ends_with("Organization") || t == "Corporation"
}

/// White space collapsed and character references decoded: some publishers escape JSON-LD
/// strings as HTML ("Jos&#xE9;").
fn clean_text(text: &str) -> String {
    if text.contains('&') {
        text_of(crate::dom::parse(text).root())
    } else {
        clean(text)
    }
}

/// Whether `node` sits in the page's frame: navigation, footer, aside, or a header that is not an
/// article's own.
fn in_page_frame(node: NodeRef) -> bool {
    let mut header = false;
    let mut up = node.parent();
    while let Some(n) = up {
        match n.as_element().map(|e| e.tag()) {
            Some(Tag::Nav | Tag::Footer | Tag::Aside) => return true,
            Some(Tag::Header) => header = true,
            Some(Tag::Article | Tag::Main) => return false,
            _ => {}
        }
        up = n.parent();
    }
    header
}

/// Whether two texts share a word of four letters or more, ignoring case.
fn shares_a_word(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_lowercase)
            .collect()
    };
    let b = words(b);
    words(a).iter().any(|w| b.contains(w))
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
    // Each `<h1>` with whether it sits in the page's frame (navigation, header, footer, aside).
    let mut headings: Vec<(String, bool)> = Vec::new();
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
            Tag::H1 => {
                let text = text_of(node);
                if !text.is_empty() {
                    headings.push((text, in_page_frame(node)));
                }
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
    // Some SEO plugins describe only the page, no article: its author is the article's.
    let page_author = || {
        objects
            .iter()
            .find(|m| has_type(m, |t| t.ends_with("WebPage")) && m.contains_key("author"))
            .and_then(|m| m.get("author"))
    };
    meta.publisher = ld("publisher")
        .map(|p| names(Some(p), &objects, false))
        .and_then(|n| n.into_iter().next())
        .or_else(|| tag(&["og:site_name", "application-name", "publisher"]));
    let og_title = tag(&["og:title", "twitter:title"]);
    let headline = ld("headline").and_then(Value::as_str).map(clean_text);
    // The page's own headline is the first `<h1>` outside the page's frame that the `<title>`
    // repeats a word of, or that has three words or more (or is in a script written without
    // spaces); a short one or one in the frame may head a menu or a section ("Quicklinks",
    // "Sections") or give the site's name, and gives way to the `<title>`.
    let words = |h: &str| {
        h.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    };
    let h1 = headings
        .iter()
        .find(|(h, in_frame)| {
            !in_frame
                && (html_title.as_deref().is_some_and(|t| shares_a_word(h, t))
                    || words(h) >= 3
                    || !h.chars().any(|c| c.is_ascii_alphabetic()))
        })
        .or_else(|| headings.first().filter(|_| html_title.is_none()))
        .map(|(h, _)| h.clone());
    meta.title = og_title
        .or(headline)
        .or(h1)
        .or(html_title.clone())
        .map(|t| strip_site(&clean(&t), meta.publisher.as_deref()))
        .filter(|t| !t.is_empty());
    // JSON-LD dates: the article's first, else those of any object (a WebPage in a @graph).
    let ld_date = |keys: &[&str]| {
        article
            .into_iter()
            .chain(objects.iter())
            .find_map(|m| keys.iter().find_map(|k| m.get(*k).and_then(Value::as_str)))
            .map(str::to_string)
    };
    let json_ld = ld_date(&["datePublished", "dateCreated"]);
    let published_tag = tag(&[
        "article:published_time",
        "og:published_time",
        "og:article:published_time",
        "article:published",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "publication_date",
        "date",
        "dc.date.issued",
        "dc.date",
        "dcterms.date",
        "dcterms.issued",
        "dcterms.created",
        "parsely-pub-date",
        "sailthru.date",
        "article.published",
        "article_date_original",
        "cxenseparse:recs:publishtime",
        "citation_publication_date",
        "citation_date",
        "prism.publicationdate",
        "originalpublicationdate",
        "datecreated",
    ]);
    let modified = ld_date(&["dateModified"]).or_else(|| {
        tag(&[
            "article:modified_time",
            "og:updated_time",
            "datemodified",
            "dcterms.modified",
            "last-modified",
            "lastmod",
        ])
    });
    let title_text = tag(&["og:title"]).or(html_title.clone());
    let stated = crate::dates::Stated {
        json_ld: json_ld.as_deref(),
        meta: published_tag.as_deref(),
        modified: modified.as_deref(),
        url,
        title: title_text.as_deref(),
        language: meta.language.as_deref(),
    };
    if let Some((date, from)) = crate::dates::published(doc, &stated) {
        meta.published = Some(date);
        meta.published_from = Some(from);
    }
    // Authors from the first source that names a writer: JSON-LD, an author `<meta>` tag, the
    // page's byline. An organisation, the publisher itself, a profile path, a handle or a
    // user name in lower case ("admin") names none; when no source names a writer, the first
    // that names anyone (an agency, the publisher) is given.
    let publisher = meta.publisher.clone();
    let names_anyone =
        |a: &String| !a.is_empty() && !a.starts_with(['/', '@']) && !a.starts_with("http");
    let names_a_writer = |a: &String| {
        names_anyone(a)
            && (a.chars().any(char::is_uppercase) || !a.chars().any(char::is_lowercase))
            && !publisher
                .as_deref()
                .is_some_and(|p| p.eq_ignore_ascii_case(a))
    };
    let author_tag: Vec<String> = tag(&[
        "author",
        "article:author",
        "sailthru.author",
        "parsely-author",
    ])
    .into_iter()
    .collect();
    let writers = |list: &[String]| -> Vec<String> {
        list.iter().filter(|a| names_a_writer(a)).cloned().collect()
    };
    let json_ld_author = ld("author").or_else(page_author);
    let json_ld_people = names(json_ld_author, &objects, true);
    meta.authors = writers(&json_ld_people);
    if meta.authors.is_empty() {
        meta.authors = writers(&author_tag);
    }
    if meta.authors.is_empty() {
        meta.authors = crate::authors::from_page(doc);
    }
    if meta.authors.is_empty() {
        meta.authors = [names(json_ld_author, &objects, false), author_tag]
            .into_iter()
            .map(|list| list.into_iter().filter(names_anyone).collect::<Vec<_>>())
            .find(|list| !list.is_empty())
            .unwrap_or_default();
    }
    meta.json_ld_body = ld("articleBody")
        .and_then(Value::as_str)
        .map(str::to_string)
        .filter(|b| b.len() > 200);
    // Not the plain `description` tag: sites often give every page the site's tagline there.
    meta.description = tag(&["og:description", "twitter:description"])
        .or_else(|| {
            ld("description")
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .map(|d| clean(&d));
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
        for (url, want) in [
            (
                "https://www.thelocal.se/20200428/meet-the-swede",
                "2020-04-28",
            ),
            ("https://x.de/media-news/meldungen/29-10-2021", "2021-10-29"),
            (
                "http://www.xinhuanet.com/local/2020-02/19/c_1125597921.htm",
                "2020-02-19",
            ),
            (
                "https://www.news24.com/world/news/megablaze-20200113",
                "2020-01-13",
            ),
            ("https://www.x.de/home/2017/7/12/montauk", "2017-07-12"),
        ] {
            assert_eq!(d(url).as_deref(), Some(want), "{url}");
        }
        // Not dates: an article number, a year and a week, the host.
        for url in [
            "https://x.com/a/20201399/",
            "https://www.zeit.de/2019/43/klimaschutz",
            "https://2019.11.19.example.com/x",
            "https://blog.x.de/2023/10/3-fragen-an-die-leiterin/",
        ] {
            assert_eq!(d(url), None, "{url}");
        }
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

    /// The authors of a page with this JSON-LD and this body.
    fn authors(json_ld: &str, body: &str) -> Vec<String> {
        let html = format!(
            r#"<html><head><meta property="og:site_name" content="Example News"><script type="application/ld+json">{json_ld}</script></head><body>{body}</body></html>"#
        );
        extract(&crate::dom::parse(&html), None).authors
    }

    #[test]
    fn an_author_given_by_reference_is_the_person_referred_to() {
        // SEO plugins give the article's author as a pointer into the page's graph.
        let graph = r#"{"@graph":[{"@type":"Article","author":{"@id":"https://x.example/#/schema/person/1"}},{"@type":"Person","@id":"https://x.example/#/schema/person/1","name":"Ann Walker"}]}"#;
        assert_eq!(authors(graph, ""), ["Ann Walker"]);
        // Some describe only the page, which carries the author.
        let graph = r#"{"@graph":[{"@type":"WebPage","author":{"@id":"https://x.example/#/schema/person/1"}},{"@type":"Person","@id":"https://x.example/#/schema/person/1","name":"Ann Walker"}]}"#;
        assert_eq!(authors(graph, ""), ["Ann Walker"]);
    }

    #[test]
    fn the_publisher_or_an_organisation_as_author_gives_way_to_the_byline() {
        let byline = r#"<div class="byline">By Ann Walker</div><p>Text.</p>"#;
        let by_publisher =
            r#"{"@type":"NewsArticle","author":{"@type":"Organization","name":"Example News"}}"#;
        assert_eq!(authors(by_publisher, byline), ["Ann Walker"]);
        let by_name = r#"{"@type":"NewsArticle","author":"Example News"}"#;
        assert_eq!(authors(by_name, byline), ["Ann Walker"]);
        // With no byline, the organisation is all the page credits.
        assert_eq!(authors(by_publisher, "<p>Text.</p>"), ["Example News"]);
        // A user name in lower case is no writer's name either.
        let by_user = r#"{"@type":"NewsArticle","author":{"@type":"Person","name":"admin"}}"#;
        assert_eq!(authors(by_user, byline), ["Ann Walker"]);
    }

    #[test]
    fn character_references_in_json_ld_names_are_decoded() {
        let escaped = r#"{"@type":"NewsArticle","author":{"@type":"Person","name":"Jos&#xE9; Volta e Pinto"}}"#;
        assert_eq!(authors(escaped, ""), ["José Volta e Pinto"]);
    }

    #[test]
    fn a_heading_of_the_page_frame_or_a_menu_is_not_the_title() {
        let title = |html: &str| extract(&crate::dom::parse(html), None).title;
        // A one-word section heading that the <title> does not repeat gives way to it.
        let page = "<html><head><title>Floods hit the north again</title></head><body><h1>Sections</h1><p>Text.</p></body></html>";
        assert_eq!(title(page).as_deref(), Some("Floods hit the north again"));
        // The site's name in the page header gives way to the article's own heading.
        let page = "<html><head><title>Home</title></head><body><header><h1>Example Daily News</h1></header><main><h1>Floods hit the north again</h1></main></body></html>";
        assert_eq!(title(page).as_deref(), Some("Floods hit the north again"));
        // An article's own header holds its heading.
        let page = "<html><head><title>MEDEF</title></head><body><article><header><h1>Dispute resolution for damages</h1></header></article></body></html>";
        assert_eq!(
            title(page).as_deref(),
            Some("Dispute resolution for damages")
        );
        // Soft hyphens in a title are left out.
        let page = "<html><head><title>Impf- und Genesenen\u{AD}nachweise neu geregelt</title></head><body></body></html>";
        assert_eq!(
            title(page).as_deref(),
            Some("Impf- und Genesenennachweise neu geregelt")
        );
    }

    #[test]
    fn falls_back_to_the_title_element_and_the_url() {
        let html = crate::dom::parse("<html><head><title>Floods hit the north again - The Daily</title></head><body></body></html>");
        let meta = extract(&html, Some("https://daily.example/2021/07/02/floods"));
        assert_eq!(meta.title.as_deref(), Some("Floods hit the north again"));
        assert_eq!(meta.published.unwrap().to_string(), "2021-07-02");
    }
}
