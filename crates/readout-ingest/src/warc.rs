//! A streaming WARC reader (WARC 1.0/1.1, plain or gzipped as CC-NEWS ships them).
//!
//! Records are read one at a time from any `BufRead`, so a multi-gigabyte file is processed
//! in memory bounded by its largest record (and records over [`MAX_RECORD_BYTES`] are skipped
//! without being held). Response records carry an HTTP message; [`http_payload`] splits it,
//! removing chunked transfer coding and gzip/deflate content coding.

use std::io::{self, BufRead, Read};

/// Records larger than this are skipped (read through, not kept).
pub const MAX_RECORD_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum WarcError {
    #[error("record {record} (byte {offset}): {message}")]
    Malformed {
        record: usize,
        offset: u64,
        message: String,
    },
    #[error("record {record} (byte {offset}) is truncated: its block should have {expected} bytes, the file ends after {got}")]
    Truncated {
        record: usize,
        offset: u64,
        expected: u64,
        got: u64,
    },
    #[error("read error: {0}")]
    Io(#[from] io::Error),
}

#[derive(Debug, Clone)]
pub struct Record {
    /// 1-based position in the file.
    pub number: usize,
    pub kind: String,
    pub target_uri: Option<String>,
    pub date: Option<String>,
    /// The record block; empty when the record was too large to keep.
    pub block: Vec<u8>,
    pub too_large: bool,
}

pub struct WarcReader<R> {
    reader: R,
    offset: u64,
    records: usize,
    done: bool,
}

impl<R: BufRead> WarcReader<R> {
    pub fn new(reader: R) -> WarcReader<R> {
        WarcReader {
            reader,
            offset: 0,
            records: 0,
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

    fn next_record(&mut self) -> Result<Option<Record>, WarcError> {
        let mut line = Vec::new();
        // Skip blank lines between records.
        loop {
            if self.read_line(&mut line)? == 0 {
                return Ok(None);
            }
            if !line.iter().all(u8::is_ascii_whitespace) {
                break;
            }
        }
        self.records += 1;
        let (number, start) = (self.records, self.offset - line.len() as u64);
        let malformed = |message: String| WarcError::Malformed {
            record: number,
            offset: start,
            message,
        };
        if !line.starts_with(b"WARC/") {
            let shown = String::from_utf8_lossy(&line[..line.len().min(40)])
                .trim()
                .to_string();
            return Err(malformed(format!(
                "expected a WARC version line, found {shown:?}"
            )));
        }
        let (mut kind, mut uri, mut date, mut length) = (String::new(), None, None, None);
        loop {
            if self.read_line(&mut line)? == 0 {
                return Err(WarcError::Truncated {
                    record: number,
                    offset: start,
                    expected: length.unwrap_or(0),
                    got: 0,
                });
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
                "content-length" => {
                    length = Some(
                        value
                            .parse::<u64>()
                            .map_err(|_| malformed(format!("bad Content-Length {value:?}")))?,
                    )
                }
                _ => {}
            }
        }
        let length = length.ok_or_else(|| malformed("no Content-Length".into()))?;
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
            self.done = true;
            return Err(WarcError::Truncated {
                record: number,
                offset: start,
                expected: length,
                got,
            });
        }
        Ok(Some(Record {
            number,
            kind,
            target_uri: uri,
            date,
            block,
            too_large,
        }))
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<Record, WarcError>;
    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let item = self.next_record().transpose();
        if matches!(
            item,
            Some(Err(WarcError::Malformed { .. } | WarcError::Io(_)))
        ) {
            // After a malformed header the stream position is unknown: stop here.
            self.done = true;
        }
        item
    }
}

/// An HTTP response: its content type and its decoded body.
pub struct Payload {
    pub status: u16,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
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
    if coding.contains("gzip") || coding.contains("deflate") {
        let mut decoded = Vec::new();
        let ok = if coding.contains("gzip") {
            flate2::read::MultiGzDecoder::new(&body[..])
                .read_to_end(&mut decoded)
                .is_ok()
        } else {
            flate2::read::ZlibDecoder::new(&body[..])
                .read_to_end(&mut decoded)
                .is_ok()
        };
        if ok {
            body = decoded;
        }
    }
    Some(Payload {
        status,
        content_type,
        body,
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
