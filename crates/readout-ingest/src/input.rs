//! Inputs of every kind — scraped text, JSON Lines, HTML pages, WARC files, RSS/Atom feeds,
//! plain or gzipped — turned into a stream of [`Record`]s, each read into [`Item`]s: documents,
//! warnings, or records skipped with a reason. Reading an input ([`records`]) only splits it;
//! turning a record into a document ([`Record::read`]) is the costly part, done by the caller
//! on any thread, and guarded per record. A bad record never stops the stream; formats that
//! can be streamed (JSON Lines, WARC) are, so large files stay in bounded memory.

use crate::feed::Entry;
use crate::source::{read_bounded, read_line_bounded, MAX_DOCUMENT_BYTES};
use crate::warc::{http_payload, WarcReader};
use crate::{assemble, document_from_text, IngestError, InputRecord, PageCues};
use readout_doc::{ArticleMeta, Date, Document, Kind};
use std::io::{self, BufRead, Read};
use std::path::Path;

/// What kind of input a file is, as named by the command line's `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Decided per input from its name, then its first bytes ([`detect`]).
    Auto,
    /// Scraped plain text: one document per input, a short first paragraph being its title.
    Text,
    /// JSON Lines: one [`InputRecord`] per line, streamed, so a large file stays in bounded memory.
    Jsonl,
    /// One HTML page per input, its article extracted by `readout-html`.
    Html,
    /// A WARC crawl, streamed record by record; HTML responses become documents and other records
    /// are skipped.
    Warc,
    /// An RSS or Atom feed, each item a record; an item's HTML content is extracted like a page.
    Feed,
}

impl Format {
    /// Every format, [`Format::Auto`] first; [`Format::from_name`] looks names up here.
    pub const ALL: [Format; 6] = [
        Format::Auto,
        Format::Text,
        Format::Jsonl,
        Format::Html,
        Format::Warc,
        Format::Feed,
    ];

    /// The format a command-line name stands for.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The format's command-line name (`auto`, `jsonl`…).
    pub fn name(self) -> &'static str {
        match self {
            Format::Auto => "auto",
            Format::Text => "text",
            Format::Jsonl => "jsonl",
            Format::Html => "html",
            Format::Warc => "warc",
            Format::Feed => "feed",
        }
    }
}

/// What every input needs besides its bytes.
pub struct Options<'a> {
    /// The phrases that tell captions, credits and furniture from article text in every input's
    /// paragraphs.
    pub cues: &'a PageCues,
    /// Phrases that start page-furniture blocks in HTML.
    pub furniture: &'a [String],
    /// Publication date for inputs that carry none.
    pub date: Option<Date>,
}

/// One thing a record yields.
pub enum Item {
    /// A document read from the record (boxed: a document is far larger than the other
    /// variants).
    Document(Box<Document>),
    /// A record left out by design: it holds no article to code.
    Skipped {
        /// Where the record is, as in [`Record::at`].
        at: String,
        /// Why it holds no article.
        reason: Skip,
    },
    /// A record that could not be read (truncated, malformed, too large): reported, and the
    /// records around it are still read.
    Failed {
        /// Where the record is, as in [`Record::at`].
        at: String,
        /// What is wrong with it, for the user: an [`IngestError`], a
        /// [`WarcError`](crate::warc::WarcError), a feed item's fault or a read error.
        reason: String,
    },
    /// Something lost or repaired in a record that was still read (a page cut at its size
    /// limit).
    Warning {
        /// Where the record is, as in [`Record::at`].
        at: String,
        /// What was lost or repaired, for the user.
        message: String,
    },
}

/// Why a record holds no article to code: nothing wrong with it, so a skip is counted, not
/// reported as a failure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Skip {
    /// An empty file, line or body.
    EmptyInput,
    /// A WARC record of another type than `response` or `resource` (its type: "request",
    /// "metadata", "warcinfo").
    WarcRecord(String),
    /// A WARC response whose HTTP status is not a success (404, a redirect).
    HttpStatus(u16),
    /// A WARC response that is not an HTML page (its content type).
    NotHtml(String),
    /// A well-formed feed with no items.
    EmptyFeed,
}

impl Skip {
    /// The reason without its detail, under which the summary counts skips ("not HTML" for
    /// every content type).
    pub fn group(&self) -> String {
        match self {
            Skip::EmptyInput => "empty input".into(),
            Skip::WarcRecord(kind) => format!("{kind} record"),
            Skip::HttpStatus(status) => format!("HTTP status {status}"),
            Skip::NotHtml(_) => "not HTML".into(),
            Skip::EmptyFeed => "feed with no items".into(),
        }
    }
}

impl std::fmt::Display for Skip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Skip::NotHtml(kind) => write!(f, "not HTML ({kind})"),
            other => f.write_str(&other.group()),
        }
    }
}

/// One record of an input, split off but not yet read into a document.
pub struct Record {
    /// Where it is, for messages: `file`, `file:line`, `file: record N`, `file: item N`.
    pub at: String,
    raw: Raw,
}

enum Raw {
    Text {
        id: String,
        bytes: Vec<u8>,
    },
    Html {
        id: String,
        bytes: Vec<u8>,
    },
    JsonLine(Vec<u8>),
    Warc(crate::warc::Record),
    FeedItem(Entry),
    /// Decided while splitting (a read error, a damaged record).
    Done(Item),
}

/// Opens a file (or standard input for `-`): gzip decoded, byte-order marks handled.
pub fn open(path: &Path) -> io::Result<Box<dyn BufRead>> {
    let raw: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(io::stdin())
    } else {
        Box::new(std::fs::File::open(path)?)
    };
    crate::source::open_reader(raw)
}

/// Guesses a format from the file name and the first bytes.
pub fn detect(name: &str, head: &[u8]) -> Format {
    let lower = name.to_ascii_lowercase();
    let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
    let by_name = [
        (".warc", Format::Warc),
        (".jsonl", Format::Jsonl),
        (".ndjson", Format::Jsonl),
        (".html", Format::Html),
        (".htm", Format::Html),
        (".rss", Format::Feed),
        (".atom", Format::Feed),
        (".txt", Format::Text),
    ];
    if let Some((_, f)) = by_name.iter().find(|(ext, _)| lower.ends_with(ext)) {
        return *f;
    }
    let head = String::from_utf8_lossy(&head[..head.len().min(1024)]);
    let t = head.trim_start_matches('\u{feff}').trim_start();
    let lt = t.to_ascii_lowercase();
    if t.starts_with("WARC/") {
        Format::Warc
    } else if lt.starts_with("<?xml")
        && (lt.contains("<rss") || lt.contains("<feed") || lt.contains("<rdf"))
        || lt.starts_with("<rss")
        || lt.starts_with("<feed")
    {
        Format::Feed
    } else if lt.starts_with("<!doctype html")
        || lt.starts_with("<html")
        || lt.starts_with("<head")
        || (lt.starts_with('<') && lt.contains("<body"))
    {
        Format::Html
    } else if t.starts_with('{') {
        Format::Jsonl
    } else {
        Format::Text
    }
}

/// An HTML page as a document. Its body goes through the same credit and furniture rules as
/// scraped text. `known` is what the input says of the page beside it (a JSON Lines record, a
/// WARC header, a feed item): its URL is trusted over the page's own; its title, date,
/// publisher and authors stand in where the page names none.
fn html_document(
    id: String,
    bytes: &[u8],
    content_type: Option<&str>,
    known: ArticleMeta,
    opts: &Options,
) -> Document {
    let article = readout_html::extract(
        bytes,
        &readout_html::PageInfo {
            url: known.url.as_deref(),
            content_type,
            furniture: opts.furniture,
            // Readers' comments are not the news: coding never reads them.
            comments: false,
        },
    );
    document_from_article(id, article, known, opts)
}

/// The document of an article HTML extraction gave (see [`html_document`] for `known`).
pub fn document_from_article(
    id: String,
    article: readout_html::Article,
    known: ArticleMeta,
    opts: &Options,
) -> Document {
    let text = article.paragraphs.join("\n\n");
    let mut page = crate::clean_extracted_text(&text, opts.cues);
    page.paragraphs
        .extend(article.captions.iter().map(|c| (Kind::Caption, c.clone())));
    let authors = match article.authors.is_empty() {
        true => known.authors,
        false => article.authors,
    };
    let meta = ArticleMeta {
        title: article.title.or(known.title),
        published_from: article
            .published
            .and(article.published_from)
            .map(|s| s.as_str().to_string()),
        published: article.published.or(known.published),
        url: known.url.or(article.url),
        publisher: article.publisher.or(known.publisher),
        authors,
        // The primary subtag of what the page declares ("en-gb" → "en"); the text may overrule
        // it when the document is assembled.
        language: article
            .language
            .and_then(|l| l.split('-').next().map(str::to_string))
            .unwrap_or_default(),
        ..Default::default()
    };
    assemble(id, page, meta)
}

/// A document for an extracted HTML article.
pub fn document_from_html(
    id: String,
    bytes: &[u8],
    url: Option<&str>,
    content_type: Option<&str>,
    fallback_date: Option<Date>,
    opts: &Options,
) -> Document {
    let known = ArticleMeta {
        url: url.map(str::to_string),
        published: fallback_date,
        ..Default::default()
    };
    html_document(id, bytes, content_type, known, opts)
}

fn failed(at: String, reason: impl Into<String>) -> Item {
    Item::Failed {
        at,
        reason: reason.into(),
    }
}

fn skipped(at: String, reason: Skip) -> Item {
    Item::Skipped { at, reason }
}

fn done(at: String, item: Item) -> Record {
    Record {
        at,
        raw: Raw::Done(item),
    }
}

/// A page's document, and a warning when it was cut at the size HTML extraction reads.
fn html_items(at: &str, doc: Document, bytes: usize) -> Vec<Item> {
    let mut items = Vec::with_capacity(2);
    if bytes > readout_html::MAX_PAGE_BYTES {
        items.push(Item::Warning {
            at: at.to_string(),
            message: format!(
                "the page has {bytes} bytes; only its first {} MiB are read, so the end of its \
                 article may be lost",
                readout_html::MAX_PAGE_BYTES >> 20
            ),
        });
    }
    items.push(Item::Document(Box::new(doc)));
    items
}

impl Record {
    /// Reads the record into what it holds: a document (with any warnings about it), or the
    /// reason it was left out.
    pub fn read(self, opts: &Options) -> Vec<Item> {
        let at = self.at;
        match self.raw {
            Raw::Done(item) => vec![item],
            Raw::Text { id, bytes } => vec![match crate::decode_text(&bytes) {
                Ok(text) => Item::Document(Box::new(document_from_text(
                    &id, text, opts.date, opts.cues,
                ))),
                Err(IngestError::Empty) => skipped(at, Skip::EmptyInput),
                Err(e) => failed(at, e.to_string()),
            }],
            Raw::Html { id, bytes } => {
                if bytes.iter().all(u8::is_ascii_whitespace) {
                    return vec![skipped(at, Skip::EmptyInput)];
                }
                let doc = html_document(
                    id,
                    &bytes,
                    None,
                    ArticleMeta {
                        published: opts.date,
                        ..Default::default()
                    },
                    opts,
                );
                html_items(&at, doc, bytes.len())
            }
            Raw::JsonLine(line) => json_record(at, &line, opts),
            Raw::Warc(record) => warc_record(at, record, opts),
            Raw::FeedItem(entry) => vec![feed_item(at, entry, opts)],
        }
    }
}

/// Reads a whole input (a text or HTML page, a feed) within the document bound.
fn read_whole(reader: Box<dyn BufRead + '_>, name: &str) -> Result<Vec<u8>, Item> {
    match read_bounded(reader, MAX_DOCUMENT_BYTES) {
        Ok(Some(bytes)) => Ok(bytes),
        Ok(None) => Err(failed(
            name.to_string(),
            IngestError::TooLarge(MAX_DOCUMENT_BYTES).to_string(),
        )),
        Err(e) => Err(failed(name.to_string(), format!("read error: {e}"))),
    }
}

/// The records of one input. `name` names it in messages and gives ids to documents without one.
pub fn records<'a>(
    name: &'a str,
    mut reader: Box<dyn BufRead + 'a>,
    format: Format,
) -> Box<dyn Iterator<Item = Record> + 'a> {
    let format = if format == Format::Auto {
        match reader.fill_buf() {
            Ok(head) => detect(name, head),
            Err(e) => {
                return Box::new(std::iter::once(done(
                    name.to_string(),
                    failed(name.to_string(), format!("read error: {e}")),
                )))
            }
        }
    } else {
        format
    };
    let file_id = Path::new(name)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_string());
    let whole = |reader, raw: fn(String, Vec<u8>) -> Raw| {
        let record = match read_whole(reader, name) {
            Ok(bytes) => Record {
                at: name.to_string(),
                raw: raw(file_id.clone(), bytes),
            },
            Err(item) => done(name.to_string(), item),
        };
        Box::new(std::iter::once(record)) as Box<dyn Iterator<Item = Record> + 'a>
    };
    match format {
        Format::Jsonl => Box::new(jsonl(name, reader)),
        Format::Warc => Box::new(warc(name, reader)),
        Format::Text | Format::Auto => whole(reader, |id, bytes| Raw::Text { id, bytes }),
        Format::Html => whole(reader, |id, bytes| Raw::Html { id, bytes }),
        Format::Feed => match read_whole(reader, name) {
            Ok(bytes) => Box::new(feed(name, &bytes).into_iter()),
            Err(item) => Box::new(std::iter::once(done(name.to_string(), item))),
        },
    }
}

/// Every item of one input, read on this thread.
pub fn items<'a>(
    name: &'a str,
    reader: Box<dyn BufRead + 'a>,
    format: Format,
    opts: &'a Options<'a>,
) -> impl Iterator<Item = Item> + 'a {
    records(name, reader, format).flat_map(move |r| r.read(opts))
}

fn jsonl<'a>(
    name: &'a str,
    mut reader: Box<dyn BufRead + 'a>,
) -> impl Iterator<Item = Record> + 'a {
    let mut line_no = 0usize;
    let mut ended = false;
    let mut buf = Vec::new();
    std::iter::from_fn(move || loop {
        if ended {
            return None;
        }
        let too_long = match read_line_bounded(&mut *reader, &mut buf, MAX_DOCUMENT_BYTES) {
            Ok((0, _)) => return None,
            Ok((_, too_long)) => too_long,
            Err(e) if crate::source::is_gzip_damage(&e) => {
                // A damaged gzip member: its lines are lost, and reading goes on at the next
                // member (the line numbers after it count the lines read, not the file's).
                let at = format!("{name}:{}", line_no + 1);
                let reason = format!("read error: {e}; reading goes on at the next gzip member");
                return Some(done(at.clone(), failed(at, reason)));
            }
            Err(e) => {
                // Any other read error (a failing disk) would come back on every read: it ends
                // this input, once; the records before it are kept.
                ended = true;
                let at = format!("{name}:{}", line_no + 1);
                return Some(done(at.clone(), failed(at, format!("read error: {e}"))));
            }
        };
        line_no += 1;
        let at = format!("{name}:{line_no}");
        if too_long {
            let reason = IngestError::TooLarge(MAX_DOCUMENT_BYTES).to_string();
            return Some(done(at.clone(), failed(at, reason)));
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        return Some(Record {
            at,
            raw: Raw::JsonLine(std::mem::take(&mut buf)),
        });
    })
}

/// A JSON Lines record: `text` is read as a scraped page's body, `html` as a page.
fn json_record(at: String, line: &[u8], opts: &Options) -> Vec<Item> {
    let Ok(line) = std::str::from_utf8(line) else {
        return vec![failed(at, "the line is not valid UTF-8")];
    };
    match json_document(line, &at, opts) {
        Err(e) => vec![failed(at, e.to_string())],
        Ok((doc, Some(html_bytes))) => html_items(&at, doc, html_bytes),
        Ok((doc, None)) => vec![Item::Document(Box::new(doc))],
    }
}

/// The one way a JSON Lines record becomes a document (the streaming reader and
/// [`crate::document_from_json`] both come here): `text` is read as a scraped page's body,
/// `html` as a page, whose size in bytes comes back beside the document.
pub(crate) fn json_document(
    line: &str,
    fallback_id: &str,
    opts: &Options,
) -> Result<(Document, Option<usize>), IngestError> {
    let rec: InputRecord =
        serde_json::from_str(line).map_err(|e| IngestError::Json(e.to_string()))?;
    let html = rec.text.is_none() && rec.html.is_some();
    let (id, body, mut meta) = crate::record_parts(rec, fallback_id)?;
    if html {
        let stated = meta.published;
        meta.published = opts.date;
        let mut doc = html_document(
            id,
            body.as_bytes(),
            Some("text/html; charset=utf-8"),
            meta,
            opts,
        );
        // The record's own date is trusted over what the page says.
        if stated.is_some() {
            doc.meta.published = stated;
            doc.meta.published_from = None;
        }
        return Ok((doc, Some(body.len())));
    }
    meta.published = meta.published.or(opts.date);
    let page = crate::clean_scraped_text(&body, false, opts.cues);
    Ok((assemble(id, page, meta), None))
}

fn warc<'a>(name: &'a str, reader: Box<dyn BufRead + 'a>) -> impl Iterator<Item = Record> + 'a {
    WarcReader::new(reader).map(move |record| match record {
        Ok(r) => Record {
            at: format!("{name}: record {}", r.number),
            raw: Raw::Warc(r),
        },
        Err(e) => done(name.to_string(), failed(name.to_string(), e.to_string())),
    })
}

fn warc_record(at: String, record: crate::warc::Record, opts: &Options) -> Vec<Item> {
    if record.kind != "response" {
        let kind = if record.kind.is_empty() {
            "untyped"
        } else {
            &record.kind
        };
        return vec![skipped(at, Skip::WarcRecord(kind.to_string()))];
    }
    if record.too_large {
        let reason = IngestError::TooLarge(MAX_DOCUMENT_BYTES).to_string();
        return vec![failed(at, reason)];
    }
    let Some(payload) = http_payload(&record.block) else {
        return vec![failed(at, "not an HTTP response")];
    };
    if !(200..300).contains(&payload.status) {
        return vec![skipped(at, Skip::HttpStatus(payload.status))];
    }
    if let Some(problem) = payload.problem {
        return vec![failed(at, problem)];
    }
    let html = payload
        .content_type
        .as_deref()
        .map(|c| c.to_ascii_lowercase())
        .map(|c| c.contains("html"))
        .unwrap_or_else(|| detect("", &payload.body) == Format::Html);
    if !html {
        let kind = payload.content_type.as_deref().unwrap_or("no content type");
        return vec![skipped(at, Skip::NotHtml(kind.to_string()))];
    }
    let id = record.target_uri.clone().unwrap_or_else(|| at.clone());
    let crawl_date = record.date.as_deref().and_then(|d| Date::parse(d).ok());
    let known = ArticleMeta {
        url: record.target_uri.clone(),
        published: crawl_date.or(opts.date),
        ..Default::default()
    };
    let doc = html_document(
        id,
        &payload.body,
        payload.content_type.as_deref(),
        known,
        opts,
    );
    html_items(&at, doc, payload.body.len())
}

fn feed(name: &str, bytes: &[u8]) -> Vec<Record> {
    let parsed = crate::feed::parse(&crate::feed::decode(bytes));
    if !parsed.is_feed && parsed.entries.is_empty() {
        let item = if bytes.iter().all(u8::is_ascii_whitespace) {
            skipped(name.to_string(), Skip::EmptyInput)
        } else {
            failed(name.to_string(), "not an RSS or Atom feed")
        };
        return vec![done(name.to_string(), item)];
    }
    if parsed.entries.is_empty() {
        return vec![done(
            name.to_string(),
            skipped(name.to_string(), Skip::EmptyFeed),
        )];
    }
    parsed
        .entries
        .into_iter()
        .map(|entry| match entry {
            Ok(entry) => Record {
                at: format!("{name}: item {} (line {})", entry.number, entry.line),
                raw: Raw::FeedItem(entry),
            },
            Err(bad) => {
                let at = format!("{name}: item {} (line {})", bad.number, bad.line);
                done(at.clone(), failed(at, bad.reason))
            }
        })
        .collect()
}

/// FNV-1a: a hash that is the same on every run and every platform, for ids.
fn stable_hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

fn feed_item(at: String, entry: Entry, opts: &Options) -> Item {
    let date = entry
        .published
        .as_deref()
        .or(entry.updated.as_deref())
        .and_then(readout_html::meta::parse_date)
        .or(opts.date);
    let content = entry.content.unwrap_or_default();
    if content.trim().is_empty() && entry.title.is_none() {
        return failed(at, "the item has neither title nor text");
    }
    // An item without guid or link is named by what it says, the same on every run.
    let id = entry.id.or_else(|| entry.link.clone()).unwrap_or_else(|| {
        let title = entry.title.as_deref().unwrap_or("");
        format!("item-{:016x}", stable_hash(&[title, &content]))
    });
    let known = ArticleMeta {
        title: entry.title,
        published: date,
        url: entry.link,
        ..Default::default()
    };
    let mut doc = if content.contains('<') || content.contains('&') {
        html_document(
            id,
            content.as_bytes(),
            Some("text/html; charset=utf-8"),
            known,
            opts,
        )
    } else {
        let page = crate::clean_scraped_text(&content, false, opts.cues);
        assemble(id, page, known)
    };
    // The feed's date for the item is trusted over one its text may give.
    if date.is_some() {
        doc.meta.published = date;
        doc.meta.published_from = None;
    }
    Item::Document(Box::new(doc))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> (PageCues, Vec<String>) {
        (PageCues::default(), vec![])
    }

    fn collect(name: &str, bytes: &[u8], format: Format) -> Vec<Item> {
        let (cues, furniture) = opts();
        let o = Options {
            cues: &cues,
            furniture: &furniture,
            date: None,
        };
        items(name, Box::new(bytes), format, &o).collect()
    }

    #[test]
    fn detects_formats_from_names_and_content() {
        assert_eq!(detect("x.warc.gz", b""), Format::Warc);
        assert_eq!(detect("page", b"  <!DOCTYPE html><html>"), Format::Html);
        assert_eq!(
            detect("feed", b"<?xml version=\"1.0\"?><rss version=\"2.0\">"),
            Format::Feed
        );
        assert_eq!(detect("in", b"{\"id\": 1}"), Format::Jsonl);
        assert_eq!(detect("in", b"WARC/1.0\r\n"), Format::Warc);
        assert_eq!(detect("notes", b"Plain words"), Format::Text);
    }

    #[test]
    fn reads_rss_items_as_documents() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
            <item><title>Talks resume</title><link>https://n.example/a</link><pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate><description>Ministers from both countries met on Monday and agreed to resume the talks.</description></item>
            <item><title>Second</title><link>https://n.example/b</link><description><![CDATA[<p>Officials met again on Tuesday, and said the talks went well.</p>]]></description></item>
            </channel></rss>"#;
        let items = collect("news.rss", rss, Format::Auto);
        let docs: Vec<&Document> = items
            .iter()
            .filter_map(|i| {
                if let Item::Document(d) = i {
                    Some(d.as_ref())
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].meta.title.as_deref(), Some("Talks resume"));
        assert_eq!(docs[0].meta.published.unwrap().to_string(), "2024-05-06");
        assert_eq!(docs[0].meta.url.as_deref(), Some("https://n.example/a"));
        assert!(docs[1].text.contains("Officials met again on Tuesday"));
    }

    #[test]
    fn jsonl_html_records_are_extracted_and_bad_lines_reported() {
        let input = b"{\"id\": \"h\", \"html\": \"<html><body><article><p>Ministers from both countries met on Tuesday, and they agreed to resume the talks.</p></article></body></html>\"}\n\xff\xfe\n";
        let items = collect("in.jsonl", input, Format::Auto);
        assert!(
            matches!(&items[0], Item::Document(d) if d.text.contains("Ministers from both countries"))
        );
        assert!(matches!(&items[1], Item::Failed { at, .. } if at == "in.jsonl:2"));
    }

    fn gzip(data: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(data).unwrap();
        gz.finish().unwrap()
    }

    /// Reads raw input bytes the way `open` does, gzip and byte-order marks included.
    fn collect_raw(name: &str, bytes: Vec<u8>) -> Vec<Item> {
        let (cues, furniture) = opts();
        let o = Options {
            cues: &cues,
            furniture: &furniture,
            date: None,
        };
        let reader = crate::source::open_reader(Box::new(io::Cursor::new(bytes))).unwrap();
        // A reader that repeated its error forever would never end: stop and fail.
        let items: Vec<Item> = items(name, reader, Format::Auto, &o).take(10_000).collect();
        assert!(items.len() < 10_000, "the input never ends");
        items
    }

    fn ids(items: &[Item]) -> Vec<String> {
        items
            .iter()
            .filter_map(|i| match i {
                Item::Document(d) => Some(d.id.clone()),
                _ => None,
            })
            .collect()
    }

    fn problems(items: &[Item]) -> Vec<String> {
        items
            .iter()
            .filter_map(|i| match i {
                Item::Skipped { at, reason } => Some(format!("{at}: {reason}")),
                Item::Failed { at, reason } => Some(format!("{at}: {reason}")),
                Item::Warning { at, message } => Some(format!("{at}: {message}")),
                Item::Document(_) => None,
            })
            .collect()
    }

    fn records(n: usize) -> String {
        (1..=n)
            .map(|i| format!("{{\"id\": \"r{i}\", \"text\": \"Japan met China on day {i}.\"}}\n"))
            .collect()
    }

    #[test]
    fn a_truncated_jsonl_gz_ends_once_keeping_the_records_before() {
        let mut gz = gzip(records(2000).as_bytes());
        gz.truncate(gz.len() * 2 / 3);
        let items = collect_raw("cut.jsonl.gz", gz);
        let ids = ids(&items);
        assert!(ids.len() > 100, "{}", ids.len());
        assert_eq!(ids[0], "r1");
        let problems = problems(&items);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].starts_with("cut.jsonl.gz:"), "{problems:?}");
        assert!(problems[0].contains("read error"), "{problems:?}");
    }

    #[test]
    fn a_damaged_gzip_member_in_jsonl_loses_only_its_own_records() {
        // Three members of 100 records; the middle one damaged.
        let all = records(300);
        let lines: Vec<&str> = all.split_inclusive('\n').collect();
        let mut gz = gzip(lines[..100].concat().as_bytes());
        let mut bad = gzip(lines[100..200].concat().as_bytes());
        let mid = bad.len() / 2;
        bad[mid] ^= 0xff;
        bad[mid + 1] ^= 0xff;
        gz.extend(bad);
        gz.extend(gzip(lines[200..].concat().as_bytes()));
        let items = collect_raw("damaged.jsonl.gz", gz);
        let ids = ids(&items);
        assert_eq!(ids[0], "r1");
        assert!(ids.contains(&"r201".to_string()) && ids.contains(&"r300".to_string()));
        let problems = problems(&items);
        assert!(
            problems.iter().any(|p| p.contains("next gzip member")),
            "{problems:?}"
        );
    }

    #[test]
    fn a_gzip_member_cut_short_in_jsonl_loses_only_its_own_records() {
        // Three members of 100 records; the middle one cut off half way, as a copy stopped
        // mid-member and then appended to would leave it.
        let all = records(300);
        let lines: Vec<&str> = all.split_inclusive('\n').collect();
        let mut gz = gzip(lines[..100].concat().as_bytes());
        let cut = gzip(lines[100..200].concat().as_bytes());
        gz.extend(&cut[..cut.len() / 2]);
        gz.extend(gzip(lines[200..].concat().as_bytes()));
        let ids = ids(&collect_raw("cut.jsonl.gz", gz));
        let expected: Vec<String> = (201..=300).map(|i| format!("r{i}")).collect();
        assert!(
            ids.ends_with(&expected),
            "{:?}",
            &ids[ids.len().saturating_sub(5)..]
        );
        assert_eq!(
            ids[..100],
            (1..=100).map(|i| format!("r{i}")).collect::<Vec<_>>()
        );
    }

    #[test]
    fn byte_order_marks_lose_no_record() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(records(3).as_bytes());
        assert_eq!(ids(&collect_raw("bom.jsonl", bytes)), ["r1", "r2", "r3"]);
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(records(2).encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(ids(&collect_raw("wide.jsonl", utf16)), ["r1", "r2"]);
        let text: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(
                "Talks\n\nJapan met China.\n"
                    .encode_utf16()
                    .flat_map(u16::to_be_bytes),
            )
            .collect();
        let items = collect_raw("wide.txt", text);
        assert!(problems(&items).is_empty(), "{:?}", problems(&items));
        assert_eq!(ids(&items), ["wide.txt"]);
    }

    #[test]
    fn an_overlong_record_is_skipped_and_named() {
        // A gzip bomb: one line of 65 MiB, from well under 1 MB.
        let mut data = records(1).into_bytes();
        data.extend(std::iter::repeat_n(b'a', MAX_DOCUMENT_BYTES + 1024));
        data.push(b'\n');
        data.extend(records(2).lines().nth(1).unwrap().bytes());
        let items = collect_raw("bomb.jsonl.gz", gzip(&data));
        assert_eq!(ids(&items), ["r1", "r2"]);
        let problems = problems(&items);
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("bomb.jsonl.gz:2: larger than 64 MiB"),
            "{problems:?}"
        );
    }

    #[test]
    fn empty_inputs_are_skipped_not_failed() {
        for name in ["e.txt", "e.jsonl", "e.html", "e.rss", "e"] {
            let items = collect_raw(name, Vec::new());
            assert!(
                items.iter().all(|i| matches!(
                    i,
                    Item::Skipped {
                        reason: Skip::EmptyInput,
                        ..
                    }
                )),
                "{name}: {:?}",
                problems(&items)
            );
        }
    }

    #[test]
    fn a_feed_item_without_guid_or_link_gets_the_same_id_every_run() {
        let rss = b"<rss><channel><item><title>Talks</title><description>Ministers met.</description></item><item><title>Other</title><description>Ministers met.</description></item></channel></rss>";
        let first = ids(&collect("f.rss", rss, Format::Auto));
        assert_eq!(first, ids(&collect("f.rss", rss, Format::Auto)));
        assert_eq!(first.len(), 2);
        assert_ne!(first[0], first[1]);
        assert!(first[0].starts_with("item-"), "{first:?}");
    }

    #[test]
    fn a_bad_feed_item_is_named_and_the_others_read() {
        let rss = b"<rss><channel>\n<item><title>One</title><description>Ministers met.</description></item>\n<item><title>Two</titel><description>Broken.</description></item>\n<item><title>Three & more</title><description>Officials met again.</description></item>\n</channel></rss>";
        let items = collect("f.rss", rss, Format::Auto);
        assert_eq!(ids(&items).len(), 2);
        let problems = problems(&items);
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("f.rss: item 2 (line 3): "),
            "{problems:?}"
        );
    }

    #[test]
    fn a_page_over_the_html_limit_is_read_with_a_warning() {
        let mut html = b"<html><body><article><p>Japan condemned North Korea on Monday after the test.</p></article>".to_vec();
        html.extend(std::iter::repeat_n(b' ', readout_html::MAX_PAGE_BYTES));
        html.extend(b"</body></html>");
        let items = collect("big.html", &html, Format::Auto);
        assert_eq!(ids(&items), ["big.html"]);
        let problems = problems(&items);
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("big.html: the page has"),
            "{problems:?}"
        );
    }
}
