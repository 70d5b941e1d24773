//! A tolerant RSS (0.9x, 1.0, 2.0) and Atom reader on `quick-xml`.
//!
//! Feeds in the wild are often not well-formed XML: a bare `&`, an HTML entity such as `&nbsp;`,
//! an end tag that does not match. A strict parser stops at the first such error and loses every
//! item after it; this reader keeps every item it can read and names the one it cannot (with its
//! line). Safety: the DOCTYPE is ignored, so no entity is ever defined or expanded beyond the five
//! predefined ones and numeric character references (no XXE, no billion laughs).

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// One item (RSS) or entry (Atom), its fields as text; `content` may hold HTML.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Entry {
    /// 1-based position in the feed.
    pub number: usize,
    /// The line the item starts on.
    pub line: usize,
    /// The item's `rdf:about` (RSS 1.0), else its `guid` (RSS) or `id` (Atom).
    pub id: Option<String>,
    /// The item's title, trimmed, character references resolved.
    pub title: Option<String>,
    /// The article's URL: the `<link>` text (RSS), or the `href` of an Atom `<link>` that is
    /// `rel="alternate"` or has no `rel`.
    pub link: Option<String>,
    /// The publication date as the feed writes it (RFC 822 in RSS `pubDate`, ISO 8601 in Atom
    /// `published` or Dublin Core `date`); parsed when the item is read.
    pub published: Option<String>,
    /// The last-modified date as written (Atom `updated`, `modified`), used when there is no
    /// `published`.
    pub updated: Option<String>,
    /// The fullest text the item has: `content`/`content:encoded`, else `description`/`summary`.
    pub content: Option<String>,
}

/// An item that could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct BadEntry {
    /// 1-based position in the feed, counting every item, read or not.
    pub number: usize,
    /// The line the item starts on.
    pub line: usize,
    /// What is wrong, with the line where the XML breaks when known (`the end tag </title> at line
    /// 3 does not match <titel>`).
    pub reason: String,
}

/// What a feed holds: its items in order, read or not.
#[derive(Debug, Default)]
pub struct Feed {
    /// Whether an `rss`, `feed` or `RDF` root element was seen.
    pub is_feed: bool,
    /// Every item in feed order: `Ok` when read, `Err` when it could not be.
    pub entries: Vec<Result<Entry, BadEntry>>,
}

/// Decodes a feed's bytes: a byte-order mark, else the XML declaration's `encoding`, else UTF-8
/// (invalid bytes replaced).
pub fn decode(bytes: &[u8]) -> String {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    let head = &bytes[..bytes.len().min(256)];
    let declared = head
        .starts_with(b"<?xml")
        .then(|| {
            let decl = &head[..head.iter().position(|&b| b == b'>').unwrap_or(head.len())];
            let decl = String::from_utf8_lossy(decl).to_ascii_lowercase();
            let at = decl.find("encoding")?;
            let value = decl[at + 8..].trim_start().strip_prefix('=')?.trim_start();
            let value = value.trim_start_matches(['"', '\'']);
            let end = value.find(['"', '\'', ' ', '?']).unwrap_or(value.len());
            encoding_rs::Encoding::for_label(&value.as_bytes()[..end])
        })
        .flatten();
    match declared {
        // A declaration of UTF-16 in bytes readable as ASCII is wrong.
        Some(enc) if enc != encoding_rs::UTF_16LE && enc != encoding_rs::UTF_16BE => {
            enc.decode_without_bom_handling(bytes).0.into_owned()
        }
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// Resolves the predefined entities and numeric character references in `text`; anything else
/// after a `&` (a bare ampersand, an undefined entity) is kept as written.
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let resolved = rest[1..]
            .find(';')
            .filter(|&end| end <= 10)
            .and_then(|end| Some((reference(&rest[1..1 + end])?, end + 2)));
        match resolved {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character an entity name (`amp`, `#233`, `#xE9`) stands for, among the ones XML defines.
fn reference(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code).filter(|&c| c != '\0')?
        }
    })
}

/// The fields an item's children fill.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Field {
    Id,
    Title,
    Link,
    Published,
    Updated,
    Content,
    Summary,
}

fn field(local: &str) -> Option<Field> {
    Some(match local {
        "guid" | "id" => Field::Id,
        "title" => Field::Title,
        "link" => Field::Link,
        "pubDate" | "published" | "date" | "issued" => Field::Published,
        "updated" | "modified" => Field::Updated,
        "content" | "encoded" => Field::Content,
        "description" | "summary" => Field::Summary,
        _ => return None,
    })
}

fn local_name(e: &BytesStart) -> String {
    String::from_utf8_lossy(e.local_name().as_ref()).into_owned()
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.html_attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name.as_bytes())
        .map(|a| unescape(&String::from_utf8_lossy(&a.value)))
}

/// An item being read.
struct Open {
    entry: Entry,
    summary: Option<String>,
    /// Depth of the item element in the element stack.
    depth: usize,
    problem: Option<String>,
    /// The field being read, the depth of its element, and its text so far.
    capture: Option<(Field, usize, String)>,
}

impl Open {
    fn new(number: usize, line: usize, start: &BytesStart, depth: usize) -> Open {
        Open {
            entry: Entry {
                number,
                line,
                // RSS 1.0 names its items with `rdf:about`.
                id: attr(start, "about"),
                ..Entry::default()
            },
            summary: None,
            depth,
            problem: None,
            capture: None,
        }
    }

    fn finish(mut self) -> Result<Entry, BadEntry> {
        if let Some(reason) = self.problem {
            return Err(BadEntry {
                number: self.entry.number,
                line: self.entry.line,
                reason,
            });
        }
        self.entry.content = self.entry.content.or(self.summary);
        Ok(self.entry)
    }

    fn set(&mut self, field: Field, text: String) {
        let text = text.trim().to_string();
        if text.is_empty() {
            return;
        }
        let e = &mut self.entry;
        let slot = match field {
            Field::Id => &mut e.id,
            Field::Title => &mut e.title,
            Field::Link => &mut e.link,
            Field::Published => &mut e.published,
            Field::Updated => &mut e.updated,
            Field::Content => &mut e.content,
            Field::Summary => &mut self.summary,
        };
        slot.get_or_insert(text);
    }

    fn fail(&mut self, reason: String) {
        self.problem.get_or_insert(reason);
    }
}

/// Line numbers of byte positions, counted on from the last position asked (positions mostly
/// grow, so a feed is scanned about once).
#[derive(Default)]
struct Lines {
    pos: usize,
    newlines: usize,
}

impl Lines {
    fn at(&mut self, text: &str, pos: usize) -> usize {
        let pos = pos.min(text.len());
        if pos < self.pos {
            *self = Lines::default();
        }
        self.newlines += memchr::memchr_iter(b'\n', &text.as_bytes()[self.pos..pos]).count();
        self.pos = pos;
        self.newlines + 1
    }
}

/// The most times reading goes back after a construct left open to the end of the feed.
const MAX_REWINDS: usize = 100;

/// Reads every item of a feed.
pub fn parse(text: &str) -> Feed {
    let reader_at = |from: usize| {
        let mut reader = Reader::from_str(&text[from..]);
        let config = reader.config_mut();
        config.allow_dangling_amp = true;
        config.allow_unmatched_ends = true;
        config.check_end_names = false;
        reader
    };
    // Where the current reader starts in `text`.
    let mut base = 0;
    let mut reader = reader_at(0);
    let mut lines = Lines::default();
    let mut feed = Feed::default();
    let mut stack: Vec<String> = Vec::new();
    let mut open: Option<Open> = None;
    let mut items = 0;
    let mut rewinds = 0;
    loop {
        let before = base + reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                let at = base + reader.buffer_position() as usize;
                if let Some(item) = open.as_mut() {
                    item.fail(format!("bad XML at line {}: {e}", lines.at(text, at)));
                }
                // quick-xml cannot always go on after a syntax error: a new reader starts at
                // the next tag after it. An unclosed construct runs to the end of the text:
                // then the next tag after its start is tried instead, a bounded number of times
                // (each costs a scan to the end).
                let mut from = if at >= text.len() && rewinds < MAX_REWINDS {
                    rewinds += 1;
                    before + 1
                } else {
                    at.max(before + 1)
                };
                while from < text.len() && !text.is_char_boundary(from) {
                    from += 1;
                }
                match text.get(from..).and_then(|rest| rest.find('<')) {
                    Some(next) => {
                        base = from + next;
                        reader = reader_at(base);
                        continue;
                    }
                    None => break,
                }
            }
        };
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) if open.is_none() => {
                let name = local_name(&e);
                if matches!(name.as_str(), "rss" | "feed" | "RDF") {
                    feed.is_feed = true;
                }
                if matches!(name.as_str(), "item" | "entry") {
                    items += 1;
                    open = Some(Open::new(items, lines.at(text, before), &e, stack.len()));
                    if empty {
                        feed.entries
                            .push(open.take().expect("just opened").finish());
                        continue;
                    }
                }
                if !empty {
                    stack.push(name);
                }
            }
            Event::Start(e) => {
                let name = local_name(&e);
                let item = open.as_mut().expect("inside an item");
                if matches!(name.as_str(), "item" | "entry") && item.capture.is_none() {
                    // An item that never closed: it is reported, and the new one read.
                    item.fail(format!("no </{name}> before the next item"));
                    let finished = open.take().expect("inside an item");
                    stack.truncate(finished.depth);
                    feed.entries.push(finished.finish());
                    items += 1;
                    open = Some(Open::new(items, lines.at(text, before), &e, stack.len()));
                } else if let Some((_, _, buf)) = item.capture.as_mut() {
                    // Atom XHTML content: its markup is kept as HTML.
                    buf.push('<');
                    buf.push_str(&name);
                    buf.push('>');
                } else if stack.len() == item.depth + 1 {
                    if let Some(f) = field(&name) {
                        if f == Field::Link {
                            if let Some(href) = attr(&e, "href") {
                                item.set(Field::Link, href);
                            }
                        }
                        item.capture = Some((f, stack.len(), String::new()));
                    }
                }
                stack.push(name);
            }
            Event::Empty(e) => {
                let item = open.as_mut().expect("inside an item");
                let name = local_name(&e);
                if let Some((_, _, buf)) = item.capture.as_mut() {
                    buf.push_str(&format!("<{name}/>"));
                } else if name == "link" && stack.len() == item.depth + 1 {
                    let rel = attr(&e, "rel");
                    if rel.as_deref().is_none_or(|r| r == "alternate") {
                        if let Some(href) = attr(&e, "href") {
                            item.set(Field::Link, href);
                        }
                    }
                }
            }
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                let Some(pos) = stack.iter().rposition(|n| *n == name) else {
                    if let Some(item) = open.as_mut() {
                        item.fail(format!(
                            "the end tag </{name}> at line {} closes no open element",
                            lines.at(text, before)
                        ));
                    }
                    continue;
                };
                if pos + 1 != stack.len() {
                    if let Some(item) = open.as_mut() {
                        item.fail(format!(
                            "the end tag </{name}> at line {} does not match <{}>",
                            lines.at(text, before),
                            stack.last().expect("a deeper element is open")
                        ));
                    }
                }
                if let Some(item) = open.as_mut() {
                    if let Some((field, depth, buf)) = item.capture.take() {
                        if pos > depth {
                            buf_close(item, field, depth, buf, &name);
                        } else {
                            item.set(field, buf);
                        }
                    }
                }
                stack.truncate(pos);
                if open.as_ref().is_some_and(|item| stack.len() <= item.depth) {
                    feed.entries.push(open.take().expect("checked").finish());
                }
            }
            Event::Text(t) => {
                if let Some((_, _, buf)) = open.as_mut().and_then(|i| i.capture.as_mut()) {
                    buf.push_str(&String::from_utf8_lossy(t.as_ref()));
                }
            }
            Event::CData(t) => {
                if let Some((_, _, buf)) = open.as_mut().and_then(|i| i.capture.as_mut()) {
                    buf.push_str(&String::from_utf8_lossy(t.as_ref()));
                }
            }
            Event::GeneralRef(r) => {
                if let Some((_, _, buf)) = open.as_mut().and_then(|i| i.capture.as_mut()) {
                    let name = String::from_utf8_lossy(r.as_ref());
                    match reference(&name) {
                        Some(c) => buf.push(c),
                        None => {
                            buf.push('&');
                            buf.push_str(&name);
                            buf.push(';');
                        }
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(mut item) = open.take() {
        item.fail("the feed ends inside this item".into());
        feed.entries.push(item.finish());
    }
    feed
}

/// Closes an element nested in a field being read (Atom XHTML content): its end tag is kept
/// and the field goes on.
fn buf_close(item: &mut Open, field: Field, depth: usize, mut buf: String, name: &str) {
    buf.push_str("</");
    buf.push_str(name);
    buf.push('>');
    item.capture = Some((field, depth, buf));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(xml: &str) -> Vec<Result<Entry, BadEntry>> {
        let feed = parse(xml);
        assert!(feed.is_feed);
        feed.entries
    }

    fn rss(items: &[&str]) -> String {
        let mut xml = String::from(
            "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>T</title>\n",
        );
        for item in items {
            xml.push_str(item);
            xml.push('\n');
        }
        xml.push_str("</channel></rss>\n");
        xml
    }

    #[test]
    fn a_bare_ampersand_loses_no_item() {
        let xml = rss(&[
            "<item><title>Trade & talks</title><link>https://n.example/a?x=1&y=2</link><description>Ministers met &amp; agreed &#8212; again.</description></item>",
            "<item><title>Second</title><description>Talks went well &nbsp; said officials.</description></item>",
        ]);
        let entries = items(&xml);
        assert_eq!(entries.len(), 2);
        let first = entries[0].as_ref().unwrap();
        assert_eq!(first.title.as_deref(), Some("Trade & talks"));
        assert_eq!(first.link.as_deref(), Some("https://n.example/a?x=1&y=2"));
        assert_eq!(
            first.content.as_deref(),
            Some("Ministers met & agreed \u{2014} again.")
        );
        let second = entries[1].as_ref().unwrap();
        assert!(second.content.as_deref().unwrap().contains("&nbsp;"));
    }

    #[test]
    fn a_mismatched_end_tag_loses_only_its_own_item_and_is_named() {
        let xml = rss(&[
            "<item><title>One</title><description>First text.</description></item>",
            "<item><title>Two</titel><description>Broken.</description></item>",
            "<item><title>Three</title><description>Third text.</description></item>",
            "<item><title>Four</title><description>Fourth text.</description></item>",
        ]);
        let entries = items(&xml);
        assert_eq!(entries.len(), 4, "{entries:#?}");
        let bad = entries[1].as_ref().unwrap_err();
        assert_eq!((bad.number, bad.line), (2, 4));
        assert!(bad.reason.contains("</titel>"), "{}", bad.reason);
        for (i, want) in [(0, "One"), (2, "Three"), (3, "Four")] {
            assert_eq!(entries[i].as_ref().unwrap().title.as_deref(), Some(want));
        }
    }

    #[test]
    fn an_unclosed_item_is_named_and_the_next_one_read() {
        let xml = rss(&[
            "<item><title>One</title><description>First.</description>",
            "<item><title>Two</title><description>Second.</description></item>",
        ]);
        let entries = items(&xml);
        assert_eq!(entries.len(), 2, "{entries:#?}");
        assert!(entries[0].is_err());
        assert_eq!(entries[1].as_ref().unwrap().title.as_deref(), Some("Two"));
    }

    #[test]
    fn reads_atom_entries_and_never_expands_defined_entities() {
        let xml = r#"<?xml version="1.0"?>
<!DOCTYPE feed [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol "lollollollollol">]>
<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<entry><id>urn:1</id><title type="html">Talks &amp;xxe; &xxe; &lol;</title>
<link rel="alternate" href="https://n.example/1"/><updated>2024-05-06T10:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Ministers met.</p><p>They agreed.</p></div></content></entry>
</feed>"#;
        let entries = items(xml);
        let e = entries[0].as_ref().unwrap();
        assert_eq!(e.id.as_deref(), Some("urn:1"));
        assert_eq!(e.link.as_deref(), Some("https://n.example/1"));
        assert_eq!(e.title.as_deref(), Some("Talks &xxe; &xxe; &lol;"));
        assert_eq!(
            e.content.as_deref(),
            Some("<div><p>Ministers met.</p><p>They agreed.</p></div>")
        );
    }

    #[test]
    fn decodes_declared_and_bom_encodings() {
        let latin1 = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><title>Caf\xe9</title></item></channel></rss>";
        let entries = items(&decode(latin1));
        assert_eq!(
            entries[0].as_ref().unwrap().title.as_deref(),
            Some("Caf\u{e9}")
        );
        assert_eq!(
            unescape("a &amp; b & c &#x41;&bogus;"),
            "a & b & c A&bogus;"
        );
    }
}
