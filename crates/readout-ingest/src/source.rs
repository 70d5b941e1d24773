//! Reading an input's bytes: gzip (that survives a damaged member), byte-order marks, and reads
//! bounded by [`MAX_DOCUMENT_BYTES`] so that a gzip bomb costs time, never unbounded memory.

use std::io::{self, BufRead, BufReader, Read};

/// The most bytes (after decompression) read for one document: a text or HTML file, a feed, a
/// JSON Lines record, a WARC record or an HTTP body. Larger ones are skipped with this reason.
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;

const GZIP_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// A damaged gzip member: [`GzMembers`] reports it once as an `io::Error` carrying this, then
/// goes on at the next member. Readers that can find their next record (WARC) go on too.
#[derive(Debug, thiserror::Error)]
#[error("damaged gzip data: {0}")]
pub struct GzipDamage(pub String);

/// Whether a read error was a damaged gzip member after which reading may go on.
pub fn is_gzip_damage(e: &io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<GzipDamage>())
}

/// Gzip decoding member by member. A corrupt or truncated member gives one error; the next read
/// resumes at the next gzip header (CC-NEWS files gzip every WARC record on its own), or ends the
/// input. A decoder that kept failing at the same place would repeat its error forever.
pub struct GzMembers<R: BufRead> {
    state: GzState<R>,
}

enum GzState<R: BufRead> {
    Member(flate2::bufread::GzDecoder<R>),
    /// After an error: looking for the next gzip header.
    Searching(R),
    Done,
}

impl<R: BufRead> GzMembers<R> {
    /// Decodes the gzip members `inner` holds, one after another.
    pub fn new(inner: R) -> GzMembers<R> {
        GzMembers {
            state: GzState::Member(flate2::bufread::GzDecoder::new(inner)),
        }
    }
}

/// Moves `inner` to the next gzip header; false at the end of the input.
fn seek_gzip_header<R: BufRead>(inner: &mut R) -> io::Result<bool> {
    loop {
        let buf = inner.fill_buf()?;
        if buf.is_empty() {
            return Ok(false);
        }
        match buf.iter().position(|&b| b == GZIP_MAGIC[0]) {
            // A header split across the buffer's end is missed: one more record lost, and only
            // after damage.
            Some(p) if buf[p..].starts_with(&GZIP_MAGIC) => {
                inner.consume(p);
                return Ok(true);
            }
            Some(p) => inner.consume(p + 1),
            None => {
                let n = buf.len();
                inner.consume(n);
            }
        }
    }
}

impl<R: BufRead> Read for GzMembers<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        loop {
            match std::mem::replace(&mut self.state, GzState::Done) {
                GzState::Done => return Ok(0),
                GzState::Searching(mut inner) => {
                    if seek_gzip_header(&mut inner)? {
                        self.state = GzState::Member(flate2::bufread::GzDecoder::new(inner));
                    }
                }
                GzState::Member(mut decoder) => match decoder.read(out) {
                    Ok(0) => {
                        let mut inner = decoder.into_inner();
                        if !inner.fill_buf()?.is_empty() {
                            self.state = GzState::Member(flate2::bufread::GzDecoder::new(inner));
                        }
                    }
                    Ok(n) => {
                        self.state = GzState::Member(decoder);
                        return Ok(n);
                    }
                    Err(e) => {
                        self.state = GzState::Searching(decoder.into_inner());
                        return Err(io::Error::new(
                            io::ErrorKind::InvalidData,
                            GzipDamage(e.to_string()),
                        ));
                    }
                },
            }
        }
    }
}

/// An input's bytes as text: gzip decoded (detected by its magic bytes, whatever the name), a
/// UTF-8 byte-order mark dropped, and UTF-16 (with its byte-order mark) decoded to UTF-8.
pub fn open_reader<'a>(raw: Box<dyn Read + 'a>) -> io::Result<Box<dyn BufRead + 'a>> {
    let mut reader = BufReader::with_capacity(1 << 16, raw);
    let gz = reader.fill_buf()?.starts_with(&GZIP_MAGIC[..2]);
    let mut reader: Box<dyn BufRead + 'a> = if gz {
        Box::new(BufReader::with_capacity(1 << 16, GzMembers::new(reader)))
    } else {
        Box::new(reader)
    };
    let head = reader.fill_buf()?;
    if head.starts_with(b"\xEF\xBB\xBF") {
        reader.consume(3);
        return Ok(reader);
    }
    let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(head) else {
        return Ok(reader);
    };
    // UTF-16 inputs are rare and small: decoded whole, within twice the document bound (UTF-16
    // takes two bytes for most characters).
    reader.consume(bom);
    let bytes = read_bounded(reader, 2 * MAX_DOCUMENT_BYTES)?.ok_or_else(|| {
        io::Error::other(format!(
            "a {} input larger than {} MiB is not read",
            encoding.name(),
            (2 * MAX_DOCUMENT_BYTES) >> 20
        ))
    })?;
    let (text, _) = encoding.decode_without_bom_handling(&bytes);
    Ok(Box::new(io::Cursor::new(text.into_owned().into_bytes())))
}

/// Reads to the end, or `None` when there is more than `limit` bytes (no more than `limit + 1`
/// bytes are read).
pub fn read_bounded(reader: impl Read, limit: usize) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    reader.take(limit as u64 + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() <= limit).then_some(bytes))
}

/// Reads one line (with its `\n`) into `line`. A line longer than `limit` is read through to its
/// end but not kept: `line` holds its first `limit` bytes and the result says it was too long.
/// Returns the bytes consumed (0 at the end of the input).
pub fn read_line_bounded(
    reader: &mut dyn BufRead,
    line: &mut Vec<u8>,
    limit: usize,
) -> io::Result<(usize, bool)> {
    line.clear();
    let mut consumed = 0;
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok((consumed, consumed > limit));
        }
        let (used, end) = match memchr::memchr(b'\n', buf) {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        let room = (limit + 1).saturating_sub(line.len());
        line.extend_from_slice(&buf[..used.min(room)]);
        reader.consume(used);
        consumed += used;
        if end {
            let too_long = consumed > limit;
            line.truncate(limit);
            return Ok((consumed, too_long));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(data).unwrap();
        gz.finish().unwrap()
    }

    /// Reads like a user of the stream would: to the end, counting errors, giving up after 100.
    fn read_all(mut r: impl Read) -> (Vec<u8>, usize) {
        let (mut out, mut errors, mut buf) = (Vec::new(), 0, [0u8; 4096]);
        while errors < 100 {
            match r.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => out.extend_from_slice(&buf[..n]),
                Err(_) => errors += 1,
            }
        }
        (out, errors)
    }

    #[test]
    fn a_truncated_gzip_stream_gives_one_error_and_ends() {
        let data: String = (0..2000).map(|i| format!("line {i}\n")).collect();
        let mut gz = gzip(data.as_bytes());
        gz.truncate(gz.len() / 2);
        let (out, errors) = read_all(GzMembers::new(&gz[..]));
        assert_eq!(errors, 1);
        assert!(data.as_bytes().starts_with(&out));
    }

    #[test]
    fn decoding_resumes_at_the_member_after_a_damaged_one() {
        let mut data = gzip(b"first member\n");
        let mut bad = gzip(b"second member, damaged\n");
        let mid = bad.len() / 2;
        bad[mid] ^= 0xff;
        bad[mid + 1] ^= 0xff;
        data.extend(bad);
        data.extend(gzip(b"third member\n"));
        let (out, errors) = read_all(GzMembers::new(&data[..]));
        let out = String::from_utf8_lossy(&out);
        assert_eq!(errors, 1, "{out}");
        assert!(out.starts_with("first member\n"), "{out}");
        assert!(out.ends_with("third member\n"), "{out}");
    }

    #[test]
    fn bom_are_dropped_and_utf16_is_decoded() {
        let read = |bytes: Vec<u8>| {
            let mut s = String::new();
            open_reader(Box::new(io::Cursor::new(bytes)))
                .unwrap()
                .read_to_string(&mut s)
                .unwrap();
            s
        };
        assert_eq!(read(b"\xEF\xBB\xBF{\"id\": 1}".to_vec()), "{\"id\": 1}");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Talks résumé\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(read(le), "Talks résumé\n");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Talks\n".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(read(gzip(&be)), "Talks\n");
    }

    #[test]
    fn a_gzip_bomb_is_read_no_further_than_the_bound() {
        // 64 MiB of zeros compress to about 64 KB.
        let zeros = vec![0u8; MAX_DOCUMENT_BYTES + 10];
        let bomb = gzip(&zeros);
        let reader = open_reader(Box::new(io::Cursor::new(bomb))).unwrap();
        assert!(read_bounded(reader, MAX_DOCUMENT_BYTES).unwrap().is_none());
        let mut lines = &b"short\nxxxxxxxxxxxxxxxxxxxxxxxxx\nend"[..];
        let mut line = Vec::new();
        assert_eq!(
            read_line_bounded(&mut lines, &mut line, 10).unwrap(),
            (6, false)
        );
        assert_eq!(line, b"short\n");
        assert_eq!(
            read_line_bounded(&mut lines, &mut line, 10).unwrap(),
            (26, true)
        );
        assert_eq!(line.len(), 10);
        assert_eq!(
            read_line_bounded(&mut lines, &mut line, 10).unwrap(),
            (3, false)
        );
        assert_eq!(line, b"end");
    }
}
