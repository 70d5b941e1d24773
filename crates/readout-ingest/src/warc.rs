//! A streaming WARC reader (WARC 1.0/1.1, plain or gzipped as CC-NEWS ships them).
//!
//! Records are read one at a time from any `BufRead`, so a multi-gigabyte file is processed
//! in memory bounded by its largest record (and records over [`MAX_RECORD_BYTES`] are skipped
//! without being held). A damaged record (a bad header, a wrong Content-Length, a damaged gzip
//! member) is reported once, and reading resumes at the next `WARC/1.x` line, so one bad record
//! never loses the ones after it. Response records carry an HTTP message; [`http_payload`]
//! splits it, removing chunked transfer coding and gzip/deflate content coding.

use crate::source::{is_gzip_damage, MAX_DOCUMENT_BYTES};
use std::io::{self, BufRead, Read};

/// Records larger than this are skipped (read through, not kept).
pub const MAX_RECORD_BYTES: u64 = MAX_DOCUMENT_BYTES as u64;

/// A record that could not be read, or why reading stopped. After `Malformed` the reader goes on at
/// the next record; after `Truncated` or `Io` the input ends.
#[derive(Debug, thiserror::Error)]
pub enum WarcError {
    /// A damaged record: a bad or cut header, a Content-Length that is missing or wrong, garbage
    /// before a record, damaged gzip data.
    #[error("record {record} (byte {offset}): {message}")]
    Malformed {
        /// 1-based number of the record, counting damaged ones.
        record: usize,
        /// Byte offset where the record starts, in the WARC data as read (after gzip decoding).
        offset: u64,
        /// What is wrong, for the user.
        message: String,
    },
    /// The input ends inside a record's header or block.
    #[error("record {record} (byte {offset}) is truncated: its block should have {expected} bytes, the file ends after {got}")]
    Truncated {
        /// 1-based number of the record, counting damaged ones.
        record: usize,
        /// Byte offset where the record starts, in the WARC data as read (after gzip decoding).
        offset: u64,
        /// The block's Content-Length; 0 when the header ended before giving one.
        expected: u64,
        /// The block bytes there were before the end; 0 when the header was cut.
        got: u64,
    },
    /// A read error other than damaged gzip data (which is reported as `Malformed`, and read
    /// past).
    #[error("read error: {0}")]
    Io(#[from] io::Error),
}

/// One WARC record as read: the header fields readout uses, and its block.
#[derive(Debug, Clone)]
pub struct Record {
    /// 1-based position in the file.
    pub number: usize,
    /// The `WARC-Type` (`response`, `request`, `warcinfo`…); empty when the header gives none. Only
    /// `response` records are read into documents.
    pub kind: String,
    /// The `WARC-Target-URI`, angle brackets removed: the page's URL, used as the document's id.
    pub target_uri: Option<String>,
    /// The `WARC-Date` as written (`2024-05-06T10:00:00Z`): when the page was crawled, the fallback
    /// for its publication date.
    pub date: Option<String>,
    /// The record block; empty when the record was too large to keep.
    pub block: Vec<u8>,
    /// Whether the record was over [`MAX_RECORD_BYTES`], so its block was read through without
    /// being kept.
    pub too_large: bool,
}

/// A reader that can be given back bytes it has read, so that records swallowed by a wrong
/// Content-Length are read again.
struct Rewind<R> {
    front: Vec<u8>,
    pos: usize,
    inner: R,
}

impl<R: BufRead> Rewind<R> {
    fn unread(&mut self, bytes: &[u8]) {
        let mut front = bytes.to_vec();
        front.extend_from_slice(&self.front[self.pos..]);
        self.front = front;
        self.pos = 0;
    }
}

impl<R: BufRead> Read for Rewind<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = {
            let buf = self.fill_buf()?;
            let n = buf.len().min(out.len());
            out[..n].copy_from_slice(&buf[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Rewind<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos < self.front.len() {
            Ok(&self.front[self.pos..])
        } else {
            self.inner.fill_buf()
        }
    }

    fn consume(&mut self, n: usize) {
        if self.pos < self.front.len() {
            self.pos += n;
            if self.pos >= self.front.len() {
                self.front.clear();
                self.pos = 0;
            }
        } else {
            self.inner.consume(n);
        }
    }
}

/// Whether a line starts a WARC record.
fn is_version_line(line: &[u8]) -> bool {
    line.starts_with(b"WARC/1.") && line.len() <= 12
}

/// Where a record that starts inside `block` begins: the block ran past its own record (a
/// Content-Length too large, or a record cut short and followed by the next). A version line
/// cut by the block's end counts too. Only asked of a block that does not end cleanly; a false
/// match in a page's text is harmless, as reading then skips to the next version line.
fn embedded_record(block: &[u8]) -> Option<usize> {
    const START: &[u8] = b"WARC/1.";
    memchr::memmem::find(block, START).or_else(|| {
        (2..START.len())
            .rev()
            .find(|&n| block.ends_with(&START[..n]))
            .map(|n| block.len() - n)
    })
}

/// Iterates over the records of a WARC stream, already gzip-decoded (as
/// [`input::open`](crate::input::open) gives it): each item is a record, or the error one record
/// gave.
pub struct WarcReader<R> {
    reader: Rewind<R>,
    offset: u64,
    records: usize,
    /// Where the record being read starts.
    start: u64,
    /// After a damaged record: skipping to the next version line without reporting what is
    /// skipped.
    resyncing: bool,
    done: bool,
}

impl<R: BufRead> WarcReader<R> {
    /// Reads records from `reader`, starting at its current position (byte offsets count from
    /// there).
    pub fn new(reader: R) -> WarcReader<R> {
        WarcReader {
            reader: Rewind {
                front: Vec::new(),
                pos: 0,
                inner: reader,
            },
            offset: 0,
            records: 0,
            start: 0,
            resyncing: false,
            done: false,
        }
    }

    fn read_line(&mut self, line: &mut Vec<u8>) -> io::Result<usize> {
        line.clear();
        let n = self
            .reader
            .by_ref()
            .take(64 * 1024)
            .read_until(b'\n', line)?;
        self.offset += n as u64;
        Ok(n)
    }

    fn unread(&mut self, bytes: &[u8]) {
        self.reader.unread(bytes);
        self.offset -= bytes.len() as u64;
    }

    fn malformed(&self, message: String) -> WarcError {
        WarcError::Malformed {
            record: self.records,
            offset: self.start,
            message,
        }
    }

    fn next_record(&mut self) -> Result<Option<Record>, WarcError> {
        let mut line = Vec::new();
        // Blank lines separate records; anything else before the next version line is garbage
        // (reported once) or, after a damaged record, the rest of it.
        let mut garbage: Option<(u64, String)> = None;
        loop {
            if self.read_line(&mut line)? == 0 {
                return match garbage {
                    Some((offset, shown)) => {
                        self.records += 1;
                        self.start = offset;
                        Err(self
                            .malformed(format!("expected a WARC version line, found {shown:?}")))
                    }
                    None => Ok(None),
                };
            }
            if is_version_line(&line) {
                break;
            }
            if !self.resyncing && garbage.is_none() && !line.iter().all(u8::is_ascii_whitespace) {
                let shown = String::from_utf8_lossy(&line[..line.len().min(40)])
                    .trim()
                    .to_string();
                garbage = Some((self.offset - line.len() as u64, shown));
            }
        }
        self.resyncing = false;
        if let Some((offset, shown)) = garbage {
            self.unread(&line);
            self.records += 1;
            self.start = offset;
            return Err(self.malformed(format!(
                "expected a WARC version line, found {shown:?}; skipped to the next record"
            )));
        }
        self.records += 1;
        self.start = self.offset - line.len() as u64;
        let (mut kind, mut uri, mut date, mut length) = (String::new(), None, None, None);
        loop {
            if self.read_line(&mut line)? == 0 {
                self.done = true;
                return Err(WarcError::Truncated {
                    record: self.records,
                    offset: self.start,
                    expected: length.unwrap_or(0),
                    got: 0,
                });
            }
            if let Some(p) = memchr::memmem::find(&line, b"WARC/1.") {
                // A header cut short: the next record starts here.
                let next = line[p..].to_vec();
                self.unread(&next);
                return Err(self.malformed("its header is cut short".into()));
            }
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end();
            if text.is_empty() {
                break;
            }
            let Some((name, value)) = text.split_once(':') else {
                continue;
            };
            let value = value.trim().to_string();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => kind = value,
                "warc-target-uri" => uri = Some(value.trim_matches(['<', '>']).to_string()),
                "warc-date" => date = Some(value),
                "content-length" => match value.parse::<u64>() {
                    Ok(n) => length = Some(n),
                    Err(_) => {
                        self.resyncing = true;
                        return Err(self.malformed(format!("bad Content-Length {value:?}")));
                    }
                },
                _ => {}
            }
        }
        let Some(length) = length else {
            self.resyncing = true;
            return Err(self.malformed("no Content-Length".into()));
        };
        let too_large = length > MAX_RECORD_BYTES;
        let mut block = Vec::new();
        let got = if too_large {
            io::copy(&mut self.reader.by_ref().take(length), &mut io::sink())?
        } else {
            block.reserve(length as usize);
            self.reader.by_ref().take(length).read_to_end(&mut block)? as u64
        };
        self.offset += got;
        if got < length {
            if let Some(p) = embedded_record(&block) {
                self.unread(&block[p..]);
                self.resyncing = true;
                return Err(self.malformed(format!(
                    "its Content-Length ({length}) runs into the next record"
                )));
            }
            self.done = true;
            return Err(WarcError::Truncated {
                record: self.records,
                offset: self.start,
                expected: length,
                got,
            });
        }
        if !too_large && !self.ends_cleanly(&mut line)? {
            if let Some(p) = embedded_record(&block) {
                self.unread(&block[p..]);
                self.resyncing = true;
                return Err(self.malformed(format!(
                    "its Content-Length ({length}) runs into the next record"
                )));
            }
            self.resyncing = true;
            return Err(self.malformed(format!(
                "the record does not end where its Content-Length ({length}) says"
            )));
        }
        Ok(Some(Record {
            number: self.records,
            kind,
            target_uri: uri,
            date,
            block,
            too_large,
        }))
    }

    /// Whether the block ends where its record does: two blank lines follow it (the record's
    /// closing CRLF CRLF), or the next record, or the end. Anything else right after the block
    /// means its Content-Length is wrong; anything after the two blank lines is garbage before
    /// the next record, reported on its own.
    fn ends_cleanly(&mut self, line: &mut Vec<u8>) -> io::Result<bool> {
        for _ in 0..2 {
            if self.read_line(line)? == 0 {
                return Ok(true);
            }
            if !line.iter().all(u8::is_ascii_whitespace) {
                let next = std::mem::take(line);
                self.unread(&next);
                return Ok(is_version_line(&next));
            }
        }
        Ok(true)
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<Record, WarcError>;
    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.next_record() {
            Ok(record) => record.map(Ok),
            Err(WarcError::Io(e)) if is_gzip_damage(&e) => {
                // The gzip reader goes on at its next member: so does this one, at its next record.
                self.resyncing = true;
                Some(Err(self.malformed(e.to_string())))
            }
            Err(e) => {
                // Any other read error would come back on every read: this input ends here.
                if matches!(e, WarcError::Io(_)) {
                    self.done = true;
                }
                Some(Err(e))
            }
        }
    }
}

/// An HTTP response: its content type and its decoded body.
pub struct Payload {
    /// The HTTP status code; only 2xx responses are read into documents.
    pub status: u16,
    /// The `Content-Type` header as sent, charset included.
    pub content_type: Option<String>,
    /// The body with chunked transfer coding and gzip or deflate content coding removed (kept as
    /// sent when it does not decode at all), at most [`MAX_DOCUMENT_BYTES`].
    pub body: Vec<u8>,
    /// Why the body cannot be read as it was sent: it inflates to more than
    /// [`MAX_DOCUMENT_BYTES`], or comes in a content coding readout does not decode (brotli).
    pub problem: Option<String>,
}

fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let end = data.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&data[..end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = &data[end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data
            .get(size..)?
            .strip_prefix(b"\r\n")
            .unwrap_or(&data[size..]);
    }
}

/// Splits an HTTP response message into status, content type and decoded body.
pub fn http_payload(block: &[u8]) -> Option<Payload> {
    let head_end = block
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| (p, p + 4))
        .or_else(|| {
            block
                .windows(2)
                .position(|w| w == b"\n\n")
                .map(|p| (p, p + 2))
        })?;
    let head = String::from_utf8_lossy(&block[..head_end.0]);
    let mut lines = head.lines();
    let status_line = lines.next()?;
    if !status_line.starts_with("HTTP/") {
        return None;
    }
    let status = status_line.split_whitespace().nth(1)?.parse().ok()?;
    let (mut content_type, mut chunked, mut coding) = (None, false, String::new());
    for l in lines {
        let Some((name, value)) = l.split_once(':') else {
            continue;
        };
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = Some(value.trim().to_string()),
            "transfer-encoding" => chunked = value.to_ascii_lowercase().contains("chunked"),
            "content-encoding" => coding = value.trim().to_ascii_lowercase(),
            _ => {}
        }
    }
    let raw = &block[head_end.1..];
    let mut body = if chunked {
        dechunk(raw).unwrap_or_else(|| raw.to_vec())
    } else {
        raw.to_vec()
    };
    let mut problem = None;
    if coding.contains("gzip") || coding.contains("deflate") {
        // Bounded: a small body can inflate to gigabytes.
        let limit = MAX_DOCUMENT_BYTES as u64 + 1;
        let mut decoded = Vec::new();
        let read = if coding.contains("gzip") {
            flate2::read::MultiGzDecoder::new(&body[..])
                .take(limit)
                .read_to_end(&mut decoded)
        } else {
            flate2::read::ZlibDecoder::new(&body[..])
                .take(limit)
                .read_to_end(&mut decoded)
        };
        // Some crawlers store the decoded body under the original header: a body that does not
        // decode at all is kept as it is; one damaged part-way keeps what decoded.
        if read.is_ok() || !decoded.is_empty() {
            if decoded.len() > MAX_DOCUMENT_BYTES {
                problem = Some(format!(
                    "its {coding} body {}",
                    crate::IngestError::TooLarge(MAX_DOCUMENT_BYTES)
                ));
            }
            decoded.truncate(MAX_DOCUMENT_BYTES);
            body = decoded;
        }
    } else if !matches!(coding.as_str(), "" | "identity" | "none") {
        problem = Some(format!(
            "its body is in content coding {coding:?}, which readout does not decode"
        ));
    }
    Some(Payload {
        status,
        content_type,
        body,
        problem,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut out = format!("WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-06T10:00:00Z\r\nContent-Length: {}\r\n\r\n", block.len()).into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    #[test]
    fn reads_records_and_reports_a_truncated_one() {
        let mut data = record("warcinfo", "", b"software: test");
        data.extend(record(
            "response",
            "https://a.example/x",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Hi</p>",
        ));
        let mut cut = record(
            "response",
            "https://a.example/y",
            b"HTTP/1.1 200 OK\r\n\r\n<p>never ends</p>",
        );
        cut.truncate(cut.len() - 12);
        data.extend(cut);
        let items: Vec<_> = WarcReader::new(&data[..]).collect();
        assert_eq!(items.len(), 3);
        let first = items[0].as_ref().unwrap();
        assert_eq!((first.number, first.kind.as_str()), (1, "warcinfo"));
        let second = items[1].as_ref().unwrap();
        assert_eq!(second.target_uri.as_deref(), Some("https://a.example/x"));
        let payload = http_payload(&second.block).unwrap();
        assert_eq!(
            (
                payload.status,
                payload.content_type.as_deref(),
                &payload.body[..]
            ),
            (200, Some("text/html"), &b"<p>Hi</p>"[..])
        );
        let err = items[2].as_ref().unwrap_err().to_string();
        assert!(err.starts_with("record 3 (byte "), "{err}");
        assert!(err.contains("is truncated"), "{err}");
    }

    #[test]
    fn decodes_chunked_and_gzipped_bodies() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, b"<p>zipped</p>").unwrap();
        let zipped = gz.finish().unwrap();
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        block.extend(zipped);
        assert_eq!(http_payload(&block).unwrap().body, b"<p>zipped</p>");
        // A gzip bomb is inflated no further than the document bound.
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, &vec![b' '; MAX_DOCUMENT_BYTES + 1]).unwrap();
        let mut bomb = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        bomb.extend(gz.finish().unwrap());
        let payload = http_payload(&bomb).unwrap();
        assert!(payload.body.len() <= MAX_DOCUMENT_BYTES);
        assert!(payload.problem.unwrap().contains("larger than 64 MiB"));
        let brotli = b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n\x1b\x03\x00";
        let problem = http_payload(brotli).unwrap().problem.unwrap();
        assert!(problem.contains("\"br\""), "{problem}");
        let chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>a\r\n5\r\nb</p>\r\n0\r\n\r\n";
        assert_eq!(http_payload(chunked).unwrap().body, b"<p>ab</p>");
    }

    #[test]
    fn stops_at_garbage_with_a_clear_error() {
        let items: Vec<_> = WarcReader::new(&b"GIF89a garbage\r\n"[..]).collect();
        assert_eq!(items.len(), 1);
        assert!(items[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("expected a WARC version line"));
    }
}

#[cfg(test)]
mod resync_tests {
    use super::*;

    fn gzip(data: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(data).unwrap();
        gz.finish().unwrap()
    }

    fn response(i: usize) -> Vec<u8> {
        let block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>page {i}</p>");
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/{i}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block.as_bytes());
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    /// The URIs of the records read, and the number of errors.
    fn read(data: &[u8]) -> (Vec<String>, Vec<String>) {
        let (mut uris, mut errors) = (Vec::new(), Vec::new());
        for item in WarcReader::new(data).take(1000) {
            match item {
                Ok(r) => uris.push(r.target_uri.unwrap()),
                Err(e) => errors.push(e.to_string()),
            }
        }
        (uris, errors)
    }

    /// Twenty records with record 10 damaged by `damage`: every other one must be read.
    fn check(damage: impl Fn(&mut Vec<u8>), expect: &str) {
        let mut data = Vec::new();
        for i in 1..=20 {
            let mut r = response(i);
            if i == 10 {
                damage(&mut r);
            }
            data.extend(r);
        }
        let (uris, errors) = read(&data);
        let want: Vec<String> = (1..=20)
            .filter(|&i| i != 10)
            .map(|i| format!("https://a.example/{i}"))
            .collect();
        assert_eq!(uris, want, "{errors:?}");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].contains("record 10") && errors[0].contains(expect),
            "{errors:?}"
        );
    }

    fn replace(r: &mut Vec<u8>, from: &str, to: &str) {
        let text = String::from_utf8(r.clone()).unwrap().replacen(from, to, 1);
        *r = text.into_bytes();
    }

    #[test]
    fn a_bad_header_loses_only_its_record() {
        check(
            |r| replace(r, "Content-Length: ", "Content-Length: x"),
            "bad Content-Length",
        );
        check(
            |r| replace(r, "Content-Length", "Content-Lung"),
            "no Content-Length",
        );
        check(
            |r| replace(r, "WARC/1.0", "WARX/1.0"),
            "expected a WARC version line",
        );
    }

    #[test]
    fn a_wrong_content_length_loses_only_its_record() {
        let len = |r: &[u8]| {
            let t = String::from_utf8_lossy(r);
            let at = t.find("Content-Length: ").unwrap() + 16;
            t[at..]
                .split('\r')
                .next()
                .unwrap()
                .parse::<usize>()
                .unwrap()
        };
        // Too long by a lot, too long by a little, too short.
        for (delta, reason) in [
            (350, "runs into the next record"),
            (6, "runs into the next record"),
            (-20, "does not end where its Content-Length"),
        ] {
            check(
                move |r| {
                    let n = len(r);
                    replace(
                        r,
                        &format!("Content-Length: {n}"),
                        &format!("Content-Length: {}", n as i64 + delta),
                    );
                },
                reason,
            );
        }
    }

    #[test]
    fn a_record_cut_in_the_middle_loses_only_itself() {
        check(|r| r.truncate(60), "its header is cut short");
        check(|r| r.truncate(r.len() - 20), "runs into the next record");
    }

    #[test]
    fn a_gzip_member_cut_short_loses_only_its_record() {
        let mut data = Vec::new();
        for i in 1..=20 {
            let member = gzip(&response(i));
            let keep = if i == 10 {
                member.len() * 2 / 3
            } else {
                member.len()
            };
            data.extend(&member[..keep]);
        }
        let reader = std::io::BufReader::new(crate::source::GzMembers::new(&data[..]));
        let uris: Vec<String> = WarcReader::new(reader)
            .take(1000)
            .filter_map(|item| item.ok().and_then(|r| r.target_uri))
            .collect();
        let expected: Vec<String> = (1..=20)
            .filter(|&i| i != 10)
            .map(|i| format!("https://a.example/{i}"))
            .collect();
        assert_eq!(uris, expected);
    }

    #[test]
    fn a_damaged_gzip_member_loses_only_its_record() {
        let mut data = Vec::new();
        for i in 1..=20 {
            let mut member = gzip(&response(i));
            if i == 10 {
                let mid = member.len() / 2;
                member[mid] ^= 0x55;
                member[mid + 1] ^= 0xaa;
            }
            data.extend(member);
        }
        let reader = std::io::BufReader::new(crate::source::GzMembers::new(&data[..]));
        let (mut uris, mut errors) = (Vec::new(), Vec::new());
        for item in WarcReader::new(reader).take(1000) {
            match item {
                Ok(r) => uris.push(r.target_uri.unwrap()),
                Err(e) => errors.push(e.to_string()),
            }
        }
        assert_eq!(uris.len(), 19, "{uris:?} {errors:?}");
        assert!(!uris.contains(&"https://a.example/10".to_string()));
        // Garbage inflated before the damage is found can make a second message, about the
        // same record.
        assert!(
            errors.iter().all(|e| e.starts_with("record 10 ")),
            "{errors:?}"
        );
        assert!(
            errors.iter().any(|e| e.contains("damaged gzip data")),
            "{errors:?}"
        );
    }
}
