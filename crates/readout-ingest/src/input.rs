//! Inputs of every kind — scraped text, JSON Lines, HTML pages, WARC files, RSS/Atom feeds,
//! plain or gzipped — turned into a stream of [`Item`]s: documents, or records skipped with a
//! reason. A bad record never stops the stream; formats that can be streamed (JSON Lines, WARC)
//! are, so large files stay in bounded memory.

use crate::warc::{http_payload, WarcReader};
use crate::{document_from_json, document_from_text, CleanPage, IngestError, PageCues};
use readout_doc::{ArticleMeta, Date, Document, Kind};
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Auto,
    Text,
    Jsonl,
    Html,
    Warc,
    Feed,
}

impl Format {
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
    pub cues: &'a PageCues,
    /// Phrases that start page-furniture blocks in HTML.
    pub furniture: &'a [String],
    /// Publication date for inputs that carry none.
    pub date: Option<Date>,
}

/// One thing an input yields.
pub enum Item {
    Document(Box<Document>),
    /// A record left out. `error` tells a failure (truncated, malformed) from a deliberate skip
    /// (a WARC request record, an image).
    Skipped {
        at: String,
        reason: String,
        error: bool,
    },
}

/// Opens a file (or standard input for `-`), decompressing gzip transparently.
pub fn open(path: &Path) -> io::Result<Box<dyn BufRead>> {
    let raw: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(io::stdin())
    } else {
        Box::new(std::fs::File::open(path)?)
    };
    let mut reader = BufReader::with_capacity(1 << 16, raw);
    let gz = reader.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    Ok(if gz {
        Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::bufread::MultiGzDecoder::new(reader),
        ))
    } else {
        Box::new(reader)
    })
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

/// A document for an extracted HTML article; its body goes through the same credit and
/// furniture rules as scraped text.
pub fn document_from_html(
    id: String,
    bytes: &[u8],
    url: Option<&str>,
    content_type: Option<&str>,
    fallback_date: Option<Date>,
    opts: &Options,
) -> Document {
    let article = readout_html::extract(
        bytes,
        &readout_html::PageInfo {
            url,
            content_type,
            furniture: opts.furniture,
        },
    );
    let text = article.paragraphs.join("\n\n");
    let mut page = crate::clean_scraped_text(&text, false, opts.cues);
    page.paragraphs
        .extend(article.captions.iter().map(|c| (Kind::Caption, c.clone())));
    let url = url.map(str::to_string).or(article.url);
    build(
        id,
        page,
        article.title,
        article.published.or(fallback_date),
        url,
        article.publisher,
        article.language,
    )
}

fn build(
    id: String,
    page: CleanPage,
    title: Option<String>,
    published: Option<Date>,
    url: Option<String>,
    publisher: Option<String>,
    language: Option<String>,
) -> Document {
    let meta = ArticleMeta {
        title: title.clone(),
        published,
        url,
        publisher,
        credits: page.credits,
        boilerplate: page.boilerplate,
        dateline: page.dateline,
        language: language
            .map(|l| l.split('-').next().unwrap_or("en").to_string())
            .unwrap_or_else(|| "en".into()),
    };
    let title = title.as_deref().map(|t| (Kind::Title, t));
    let paragraphs = page.paragraphs.iter().map(|(k, p)| (*k, p.as_str()));
    Document::from_paragraphs(id, meta, title.into_iter().chain(paragraphs))
}

fn skipped(at: String, reason: impl Into<String>, error: bool) -> Item {
    Item::Skipped {
        at,
        reason: reason.into(),
        error,
    }
}

fn read_all(mut reader: Box<dyn BufRead + '_>, name: &str) -> Result<Vec<u8>, Item> {
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| skipped(name.to_string(), format!("read error: {e}"), true))?;
    Ok(bytes)
}

/// The items of one input. `name` names it in messages and gives ids to documents without one.
pub fn items<'a>(
    name: &'a str,
    mut reader: Box<dyn BufRead + 'a>,
    format: Format,
    opts: &'a Options<'a>,
) -> Box<dyn Iterator<Item = Item> + 'a> {
    let format = if format == Format::Auto {
        match reader.fill_buf() {
            Ok(head) => detect(name, head),
            Err(e) => {
                return Box::new(std::iter::once(skipped(
                    name.to_string(),
                    format!("read error: {e}"),
                    true,
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
    match format {
        Format::Jsonl => Box::new(jsonl(name, reader, opts)),
        Format::Warc => Box::new(warc(name, reader, opts)),
        Format::Text | Format::Auto => Box::new(std::iter::once(match read_all(reader, name) {
            Ok(bytes) => match crate::decode_text(&bytes) {
                Ok(text) => Item::Document(Box::new(document_from_text(
                    &file_id, text, opts.date, opts.cues,
                ))),
                Err(e) => skipped(name.to_string(), e.to_string(), true),
            },
            Err(item) => item,
        })),
        Format::Html => Box::new(std::iter::once(match read_all(reader, name) {
            Ok(bytes) if bytes.iter().all(u8::is_ascii_whitespace) => {
                skipped(name.to_string(), IngestError::Empty.to_string(), true)
            }
            Ok(bytes) => Item::Document(Box::new(document_from_html(
                file_id, &bytes, None, None, opts.date, opts,
            ))),
            Err(item) => item,
        })),
        Format::Feed => match read_all(reader, name) {
            Ok(bytes) => Box::new(feed(name, &bytes, opts).into_iter()),
            Err(item) => Box::new(std::iter::once(item)),
        },
    }
}

fn jsonl<'a>(
    name: &'a str,
    mut reader: Box<dyn BufRead + 'a>,
    opts: &'a Options<'a>,
) -> impl Iterator<Item = Item> + 'a {
    let mut line_no = 0usize;
    let mut buf = Vec::new();
    std::iter::from_fn(move || loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(e) => {
                return Some(skipped(
                    format!("{name}:{}", line_no + 1),
                    format!("read error: {e}"),
                    true,
                ))
            }
        }
        line_no += 1;
        let at = format!("{name}:{line_no}");
        let Ok(line) = std::str::from_utf8(&buf) else {
            return Some(skipped(at, "the line is not valid UTF-8", true));
        };
        if line.trim().is_empty() {
            continue;
        }
        return Some(match document_from_json(line, &at, opts.date, opts.cues) {
            Ok(doc) => Item::Document(Box::new(doc)),
            Err(IngestError::HtmlUnsupported) => match html_record(line, &at, opts) {
                Ok(doc) => Item::Document(Box::new(doc)),
                Err(e) => skipped(at, e, true),
            },
            Err(e) => skipped(at, format!("skipped record: {e}"), true),
        });
    })
}

/// A JSON Lines record that carries `html` instead of `text`.
fn html_record(line: &str, at: &str, opts: &Options) -> Result<Document, String> {
    let rec: crate::InputRecord = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let html = rec.html.ok_or("no html")?;
    let id = match rec.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Null) | None => at.to_string(),
        Some(other) => other.to_string(),
    };
    let date = match rec.published.as_deref().filter(|p| !p.trim().is_empty()) {
        Some(p) => Some(Date::parse(p).map_err(|e| format!("bad \"published\" value: {e}"))?),
        None => None,
    };
    let mut doc = document_from_html(
        id,
        html.as_bytes(),
        rec.url.as_deref(),
        Some("text/html; charset=utf-8"),
        opts.date,
        opts,
    );
    if let Some(d) = date {
        doc.meta.published = Some(d);
    }
    if let Some(t) = rec.title {
        doc.meta.title.get_or_insert(t);
    }
    Ok(doc)
}

fn warc<'a>(
    name: &'a str,
    reader: Box<dyn BufRead + 'a>,
    opts: &'a Options<'a>,
) -> impl Iterator<Item = Item> + 'a {
    WarcReader::new(reader).map(move |record| {
        let record = match record {
            Ok(r) => r,
            Err(e) => return skipped(name.to_string(), e.to_string(), true),
        };
        let at = format!("{name}: record {}", record.number);
        if record.kind != "response" {
            return skipped(
                at,
                format!(
                    "{} record",
                    if record.kind.is_empty() {
                        "untyped"
                    } else {
                        &record.kind
                    }
                ),
                false,
            );
        }
        if record.too_large {
            return skipped(at, "record too large", true);
        }
        let Some(payload) = http_payload(&record.block) else {
            return skipped(at, "not an HTTP response", true);
        };
        if !(200..300).contains(&payload.status) {
            return skipped(at, format!("HTTP status {}", payload.status), false);
        }
        let html = payload
            .content_type
            .as_deref()
            .map(|c| c.to_ascii_lowercase())
            .map(|c| c.contains("html"))
            .unwrap_or_else(|| detect("", &payload.body) == Format::Html);
        if !html {
            return skipped(
                at,
                format!(
                    "not HTML ({})",
                    payload.content_type.as_deref().unwrap_or("no content type")
                ),
                false,
            );
        }
        let id = record.target_uri.clone().unwrap_or_else(|| at.clone());
        let crawl_date = record.date.as_deref().and_then(|d| Date::parse(d).ok());
        Item::Document(Box::new(document_from_html(
            id,
            &payload.body,
            record.target_uri.as_deref(),
            payload.content_type.as_deref(),
            crawl_date.or(opts.date),
            opts,
        )))
    })
}

fn feed(name: &str, bytes: &[u8], opts: &Options) -> Vec<Item> {
    let parsed = match feed_rs::parser::parse(bytes) {
        Ok(f) => f,
        Err(e) => {
            return vec![skipped(
                name.to_string(),
                format!("not a readable RSS or Atom feed: {e}"),
                true,
            )]
        }
    };
    parsed
        .entries
        .into_iter()
        .enumerate()
        .map(|(i, entry)| {
            let at = format!("{name}: item {}", i + 1);
            let url = entry.links.first().map(|l| l.href.clone());
            let title = entry.title.map(|t| t.content);
            let date = entry
                .published
                .or(entry.updated)
                .and_then(|d| Date::parse(&d.to_rfc3339()).ok())
                .or(opts.date);
            let content = entry
                .content
                .and_then(|c| c.body)
                .or(entry.summary.map(|s| s.content))
                .unwrap_or_default();
            if content.trim().is_empty() && title.is_none() {
                return skipped(at, "the item has neither title nor text", true);
            }
            let id = if entry.id.is_empty() {
                url.clone().unwrap_or(at)
            } else {
                entry.id
            };
            let mut doc = if content.contains('<') {
                document_from_html(
                    id,
                    content.as_bytes(),
                    url.as_deref(),
                    Some("text/html; charset=utf-8"),
                    date,
                    opts,
                )
            } else {
                let page = crate::clean_scraped_text(&content, false, opts.cues);
                build(id, page, None, date, url.clone(), None, None)
            };
            if doc.meta.title.is_none() {
                if let Some(t) = title {
                    let body = std::mem::take(&mut doc.text);
                    let mut meta = doc.meta.clone();
                    meta.title = Some(t.clone());
                    let paras: Vec<(Kind, String)> = doc
                        .paragraphs
                        .iter()
                        .map(|p| (p.kind, body[p.span.range()].to_string()))
                        .collect();
                    let title_para = std::iter::once((Kind::Title, t.as_str()));
                    doc = Document::from_paragraphs(
                        doc.id.clone(),
                        meta,
                        title_para.chain(paras.iter().map(|(k, p)| (*k, p.as_str()))),
                    );
                }
            }
            doc.meta.published = date.or(doc.meta.published);
            Item::Document(Box::new(doc))
        })
        .collect()
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
        assert!(matches!(&items[1], Item::Skipped { at, error: true, .. } if at == "in.jsonl:2"));
    }
}
