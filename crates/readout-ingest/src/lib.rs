//! Ingestion: raw inputs → [`Document`]s with clean paragraphs and article metadata.
//!
//! Takes any input a user has — scraped plain text (a page's text with its furniture still in
//! it), JSON Lines records (`id`, `text` or `html`, optional `title`, `url`, `published`), HTML
//! pages, WARC/WARC.gz crawls ([`warc`]) and RSS/Atom feeds — plain or gzipped; [`input`] detects
//! the kind and streams [`input::Item`]s, so that one bad record is reported and skipped.
//!
//! Gives a [`Document`] whose paragraphs are typed: the title, body paragraphs, and captions
//! (photo captions and photo credits, kept but never coded as the day's events). Page furniture
//! goes to `article.boilerplate`, wire credits ("AFP, REUTERS") and datelines' agencies to
//! `article.credits`, and paragraphs that a line break split in two (link text) are joined
//! again. The rules are general; the phrases they look for are data ([`PageCues`], from
//! `lexicon/page/cues.txt`). HTML is turned into an article by `readout-html`. The article's
//! language is read from its text ([`language`]), before what the page declares.

pub mod feed;
pub mod input;
pub mod language;
mod scraped;
pub mod source;
pub mod warc;

pub use scraped::{clean_extracted_text, clean_scraped_text, CleanPage, PageCues};
pub use source::MAX_DOCUMENT_BYTES;

use readout_doc::{ArticleMeta, Date, Document, Kind};
use serde::Deserialize;

/// Why an input or one of its records could not be read. Its message says what is wrong in the
/// user's terms; [`input`] makes it the reason a record was skipped.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// Nothing but white space (after any UTF-8 byte-order mark); [`input`] skips such an input
    /// rather than failing it.
    #[error("the input is empty")]
    Empty,
    /// A NUL byte, or more than one control byte in 20, in the first 8 KB (an image, an archive, a
    /// word-processor file); the string says which.
    #[error("the input looks like binary data, not text ({0})")]
    Binary(String),
    /// Bytes that are not UTF-8 (text saved in Latin-1 or Windows-1252, say): the input is rejected
    /// rather than read with replacement characters.
    #[error("the input is not valid UTF-8 (first bad byte at offset {offset}, line {line})")]
    InvalidUtf8 {
        /// Byte offset of the first bad byte, not counting a UTF-8 byte-order mark.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
    },
    /// A JSON Lines record that does not parse as an [`InputRecord`]: serde_json's message.
    #[error("not a valid JSON record: {0}")]
    Json(String),
    /// A record with neither `text` nor `html`: nothing to read.
    #[error("the record has neither \"text\" nor \"html\"")]
    NoText,
    /// A `published` value that does not start with a `YYYY-MM-DD` date: the date parser's message.
    #[error("bad \"published\" value: {0}")]
    BadDate(String),
    /// Larger, once decompressed, than the bound it carries in bytes ([`MAX_DOCUMENT_BYTES`]; the
    /// message gives MiB). The input or record is skipped unread, so a gzip bomb cannot exhaust
    /// memory.
    #[error("larger than {} MiB once decompressed (the most read for one document)", .0 >> 20)]
    TooLarge(usize),
    /// The input could not be read: a missing file, a failing disk, a truncated gzip stream.
    #[error("read error: {0}")]
    Io(#[from] std::io::Error),
}

/// One JSON Lines input record.
#[derive(Debug, Deserialize)]
pub struct InputRecord {
    /// The document's id: a string as it is, a number or other JSON value as its JSON text; missing
    /// or `null` falls back to the id the caller gives (the record's `file:line` in [`input`]).
    #[serde(default)]
    pub id: Option<serde_json::Value>,
    /// The article's plain text, paragraphs separated by blank lines, cleaned as a scraped page's
    /// body (the title comes from `title`, never from the text). Preferred over `html` when both
    /// are given.
    #[serde(default)]
    pub text: Option<String>,
    /// The page's HTML, read like an HTML input when there is no `text`.
    #[serde(default)]
    pub html: Option<String>,
    /// Where the article was published; kept in its metadata and, for `html`, searched for a
    /// publication date.
    #[serde(default)]
    pub url: Option<String>,
    /// The headline, made the document's title paragraph; for `html`, used only when the page names
    /// none.
    #[serde(default)]
    pub title: Option<String>,
    /// The publication date, `YYYY-MM-DD` (a time after it is ignored); missing or empty means
    /// unknown, and the run's default date applies. For `html`, it is trusted over the date the
    /// page gives.
    #[serde(default)]
    pub published: Option<String>,
    /// The outlet that published the article; for `html`, used only when the page names none.
    #[serde(default)]
    pub publisher: Option<String>,
    /// Who wrote the article: one name or a list of names; for `html`, used only when the page
    /// names none.
    #[serde(default)]
    pub authors: Option<Authors>,
}

/// The `authors` of a JSON Lines record: one name or a list.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Authors {
    /// `"authors": "Jane Doe"`
    One(String),
    /// `"authors": ["Jane Doe", "John Roe"]`
    Many(Vec<String>),
}

/// Reads a file (or standard input for `-`), decompressing it when it is gzipped (by its magic
/// bytes, whatever its name), within [`MAX_DOCUMENT_BYTES`].
pub fn read_file(path: &std::path::Path) -> Result<Vec<u8>, IngestError> {
    let reader = input::open(path)?;
    source::read_bounded(reader, MAX_DOCUMENT_BYTES)?
        .ok_or(IngestError::TooLarge(MAX_DOCUMENT_BYTES))
}

/// Checks raw bytes and returns them as text: empty input, binary data and invalid UTF-8 are
/// errors that name what is wrong.
pub fn decode_text(bytes: &[u8]) -> Result<&str, IngestError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    let sample = &bytes[..bytes.len().min(8192)];
    if let Some(pos) = memchr_zero(sample) {
        return Err(IngestError::Binary(format!("a NUL byte at offset {pos}")));
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if controls * 20 > sample.len() {
        return Err(IngestError::Binary(format!(
            "{controls} control bytes in the first {} bytes",
            sample.len()
        )));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        IngestError::InvalidUtf8 { offset, line }
    })
}

fn memchr_zero(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

/// Builds a document from a scraped text page.
pub fn document_from_text(
    id: &str,
    text: &str,
    published: Option<Date>,
    cues: &PageCues,
) -> Document {
    let page = clean_scraped_text(text, true, cues);
    let meta = ArticleMeta {
        title: page.title.clone(),
        published,
        ..ArticleMeta::default()
    };
    assemble(id.to_string(), page, meta)
}

/// Parses one JSON Lines record into a document, as the streaming reader does (a `text`
/// record as a scraped page's body, an `html` record as a page). `fallback_id` names records
/// without an `id`; `default_date` applies when the record has no `published`.
pub fn document_from_json(
    line: &str,
    fallback_id: &str,
    default_date: Option<Date>,
    cues: &PageCues,
) -> Result<Document, IngestError> {
    let opts = input::Options {
        cues,
        furniture: &[],
        date: default_date,
    };
    input::json_document(line, fallback_id, &opts).map(|(doc, _)| doc)
}

/// A record's id, its text (or HTML), and what it says about itself (`published` only when the
/// record gives it).
fn record_parts(
    rec: InputRecord,
    fallback_id: &str,
) -> Result<(String, String, ArticleMeta), IngestError> {
    let id = match rec.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Null) | None => fallback_id.to_string(),
        Some(other) => other.to_string(),
    };
    let body = rec.text.or(rec.html).ok_or(IngestError::NoText)?;
    let published = match rec.published.as_deref().filter(|p| !p.trim().is_empty()) {
        Some(p) => Some(Date::parse(p).map_err(|e| IngestError::BadDate(e.to_string()))?),
        None => None,
    };
    let authors = match rec.authors {
        Some(Authors::One(name)) => vec![name],
        Some(Authors::Many(names)) => names,
        None => Vec::new(),
    };
    let meta = ArticleMeta {
        title: rec.title,
        published,
        url: rec.url,
        publisher: rec.publisher,
        authors: authors
            .into_iter()
            .filter(|a| !a.trim().is_empty())
            .collect(),
        ..ArticleMeta::default()
    };
    Ok((id, body, meta))
}

/// The one way a document is built: the title paragraph first (from `meta`), then the cleaned
/// page's paragraphs; the page's credits, furniture and dateline go to the metadata.
fn assemble(id: String, page: CleanPage, mut meta: ArticleMeta) -> Document {
    meta.credits = page.credits;
    meta.boilerplate = page.boilerplate;
    meta.dateline = page.dateline;
    // The text says best what it is written in; then what the page declares; then English.
    let mut body = String::new();
    for (_, p) in page
        .paragraphs
        .iter()
        .filter(|(kind, _)| *kind == Kind::Body)
    {
        if body.len() >= language::SAMPLE_BYTES {
            break;
        }
        body.push_str(p);
        body.push('\n');
    }
    if let Some(detected) = language::detect(&body) {
        meta.language = detected.to_string();
    } else if meta.language.is_empty() {
        meta.language = "en".into();
    }
    let title = meta.title.clone();
    let title = title.as_deref().map(|t| (Kind::Title, t));
    let paragraphs = page.paragraphs.iter().map(|(k, p)| (*k, p.as_str()));
    Document::from_paragraphs(id, meta, title.into_iter().chain(paragraphs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_empty_binary_and_invalid_utf8_input() {
        assert!(matches!(decode_text(b"  \n"), Err(IngestError::Empty)));
        assert!(matches!(
            decode_text(b"PK\x03\x04\x00\x00"),
            Err(IngestError::Binary(_))
        ));
        let err = decode_text(b"ok line\nbad \xff byte").unwrap_err();
        assert_eq!(
            err.to_string(),
            "the input is not valid UTF-8 (first bad byte at offset 12, line 2)"
        );
        assert_eq!(decode_text(b"\xEF\xBB\xBFhello").unwrap(), "hello");
    }

    #[test]
    fn reads_json_records_with_their_fields() {
        let cues = PageCues::default();
        let doc = document_from_json(
            r#"{"id": 7, "text": "Talks began.", "title": "Talks", "published": "2024-05-01"}"#,
            "line-1",
            None,
            &cues,
        )
        .unwrap();
        assert_eq!(doc.id, "7");
        assert_eq!(doc.meta.published.unwrap().to_string(), "2024-05-01");
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.paragraphs[0].kind, Kind::Title);
        let err = document_from_json(
            r#"{"id": "x", "published": "2024-05-01"}"#,
            "l",
            None,
            &cues,
        )
        .unwrap_err();
        assert!(matches!(err, IngestError::NoText));
        // An HTML record is read as a page, as the streaming reader reads it.
        let doc = document_from_json(
            r#"{"id": "h", "html": "<html><body><article><p>Ministers from both countries met on Tuesday and agreed to resume the talks.</p></article></body></html>"}"#,
            "l",
            None,
            &cues,
        )
        .unwrap();
        assert!(
            doc.text.contains("agreed to resume the talks"),
            "{}",
            doc.text
        );
        assert!(matches!(
            document_from_json("{not json", "l", None, &cues),
            Err(IngestError::Json(_))
        ));
    }
}
