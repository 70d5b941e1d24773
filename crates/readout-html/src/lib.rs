//! HTML → article: the body text (paragraphs), title, publication date, publisher, authors,
//! photo captions and language of a news page.
//!
//! Takes the raw bytes of a page (and, when known, its URL and HTTP Content-Type); gives an
//! [`Article`]. The stages:
//! 1. [`encoding`] decides the character encoding (BOM, HTTP header, `<meta charset>`, a
//!    statistical guess) and decodes.
//! 2. [`strip`] drops what can never be article text (scripts but JSON-LD, styles, SVG,
//!    comments) with a byte scan, before parsing.
//! 3. [`dom`] parses with html5gum's HTML5 tokenizer into a compact tree with dense node ids.
//!    html5gum was chosen for speed: driven through our own emitter it allocates nothing per
//!    token, and builds the tree in about a third of the time lol_html took (about 125 µs
//!    against 390 µs a page on the extraction benchmark) and an eighth of html5ever's, with the
//!    same extraction results.
//! 4. [`meta`] reads metadata from JSON-LD, `<meta>` tags, `<time>` and the URL; [`body`] finds
//!    the article by scoring the page's blocks.
//! 5. On request ([`PageInfo::comments`]), [`comments`] reads the readers' comments under it.
//!
//! Nothing here panics on bad input: the tokenizer accepts any bytes, and every traversal is
//! iterative, so nesting depth cannot overflow the stack.

pub mod authors;
pub mod body;
pub mod comments;
pub mod dates;
pub mod dom;
pub mod encoding;
pub mod meta;
pub mod strip;

use readout_doc::Date;

/// What is known about a page besides its bytes.
#[derive(Debug, Default, Clone)]
pub struct PageInfo<'a> {
    /// The URL the page was fetched from, if known. A date in its path (`/2019/11/19/`) dates the
    /// article when the metadata states none, and wins over a stated date a day off it (metadata is
    /// often in UTC, the URL in the publisher's local calendar).
    pub url: Option<&'a str>,
    /// The HTTP `Content-Type` header, for its charset.
    pub content_type: Option<&'a str>,
    /// Phrases that start page-furniture blocks ("Advertisement", "Read more").
    pub furniture: &'a [String],
    /// Read the readers' comments too ([`Article::comments`]); they are never part of the body.
    pub comments: bool,
}

/// A news page's article: its body text in paragraphs, its photo captions, and the metadata found
/// for it. What the page does not give is `None` or empty; [`extract`] builds it.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Article {
    /// The headline: `og:title`, else JSON-LD `headline`, else the page's own `<h1>` (not one of
    /// a menu or the page's frame), else `<title>`, white space collapsed, soft hyphens left out
    /// and a trailing site name ("… | Example News") cut.
    pub title: Option<String>,
    /// The publication date (a calendar date, no time of day), from the first source of
    /// [`dates::published`] that gives one.
    pub published: Option<Date>,
    /// Where the publication date was found.
    pub published_from: Option<dates::Source>,
    /// The publisher's name: JSON-LD `publisher`, else `og:site_name` or a similar `<meta>` tag.
    pub publisher: Option<String>,
    /// The writers' names, from JSON-LD `author` (all of them), else an author `<meta>` tag, else
    /// the page's byline; an organisation or the publisher only when no source names a writer
    /// (see [`meta::Meta::authors`]).
    pub authors: Vec<String>,
    /// The page's language tag, lowercased (`en-gb`): `<html lang>`, else `og:locale` (with `_`
    /// made `-`) or `content-language`.
    pub language: Option<String>,
    /// The body, one entry per block in document order, white space collapsed. Subheadings are
    /// kept; the `<h1>` headline, link lists and furniture blocks are not. When the markup yields
    /// under 200 bytes of text and the JSON-LD `articleBody` is longer (pages that render their
    /// text from script), its lines are used instead; when there is no body at all, the
    /// article's own summary (`og:description`, at least 80 characters) stands in.
    pub paragraphs: Vec<String>,
    /// Photo captions (`<figcaption>` text) met inside the article, kept apart from the paragraphs
    /// so that they are never read as the story.
    pub captions: Vec<String>,
    /// The encoding the page was read in.
    pub encoding: &'static str,
    /// The page's canonical URL, when it names one.
    pub url: Option<String>,
    /// The readers' comments under the article, when [`PageInfo::comments`] asks for them.
    pub comments: Vec<comments::Comment>,
}

impl Article {
    /// The body as one string, paragraphs separated by a blank line.
    pub fn body(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}

/// Pages larger than this are cut before parsing: no news article needs more, and the parser's
/// time and memory stay bounded.
pub const MAX_PAGE_BYTES: usize = 8 * 1024 * 1024;

/// The shortest summary that stands in for a body the page does not carry: shorter ones are
/// taglines ("Latest news from the region").
const MIN_SUMMARY_CHARS: usize = 80;

/// Turns a page's raw bytes, in any encoding, into its [`Article`]: decode, strip, parse, then read
/// the metadata and the body (see the crate doc). Bytes past [`MAX_PAGE_BYTES`] are ignored. Never
/// fails: a page without a recognisable article gives one with no paragraphs.
pub fn extract(bytes: &[u8], info: &PageInfo) -> Article {
    let bytes = &bytes[..bytes.len().min(MAX_PAGE_BYTES)];
    let (text, encoding, _) = encoding::decode(bytes, info.content_type);
    let doc = dom::parse(&strip::strip(&text));
    let meta = meta::extract(&doc, info.url);
    let mut body = body::extract(
        &doc,
        &body::Furniture {
            prefixes: info.furniture,
        },
    );
    // Some pages render their text from script; their JSON-LD often still carries it.
    let found: usize = body.paragraphs.iter().map(String::len).sum();
    if let Some(ld) = meta
        .json_ld_body
        .as_ref()
        .filter(|ld| found < 200 && ld.len() > found)
    {
        body.paragraphs = ld
            .split('\n')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect();
    }
    // A page whose article text is not in its HTML (rendered by script, behind a paywall)
    // still says what the article is about: its own summary stands in for the empty body.
    if body.paragraphs.is_empty() {
        if let Some(summary) = meta
            .description
            .as_ref()
            .filter(|d| d.chars().count() >= MIN_SUMMARY_CHARS)
        {
            body.paragraphs.push(summary.clone());
        }
    }
    Article {
        title: meta.title,
        published: meta.published,
        published_from: meta.published_from,
        publisher: meta.publisher,
        authors: meta.authors,
        language: meta.language,
        paragraphs: body.paragraphs,
        captions: body.captions,
        encoding: encoding.name(),
        url: meta.url,
        comments: if info.comments {
            comments::comments(&doc)
        } else {
            Vec::new()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(html: &str) -> Article {
        extract(
            html.as_bytes(),
            &PageInfo {
                url: None,
                content_type: None,
                furniture: &[],
                comments: false,
            },
        )
    }

    const SUMMARY: &str = "Ministers from both countries met in Geneva on Monday and agreed to resume the talks that broke down last year.";

    #[test]
    fn a_page_without_its_body_gives_its_own_summary() {
        // The article is rendered by script; only its summary is in the HTML.
        let page = format!(
            r#"<html><head><meta property="og:description" content="{SUMMARY}"><meta name="description" content="All the news from the region, every day, for everyone who lives there."></head><body><div id="app"></div></body></html>"#
        );
        assert_eq!(article(&page).paragraphs, [SUMMARY]);
        // A tagline-length summary is no article.
        let page = r#"<html><head><meta property="og:description" content="Latest news from the region"></head><body><div id="app"></div></body></html>"#;
        assert!(article(page).paragraphs.is_empty());
        // A page with a body keeps it.
        let page = format!(
            r#"<html><head><meta property="og:description" content="{SUMMARY}"></head><body><article><p>{SUMMARY} Officials said a second round would follow within weeks, in the same city.</p></article></body></html>"#
        );
        assert!(article(&page).paragraphs[0].ends_with("in the same city."));
    }
}
