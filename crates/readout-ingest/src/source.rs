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
///
/// A member cut short runs on into the next one: the decoder takes the next member's header and
/// data for more of its own stream and fails only later, past them. So the raw bytes consumed
/// since the first thing inside the current member that looks like a gzip header are kept (at
/// most [`MAX_REPLAY_BYTES`]), and after a failure the search for the next member starts there,
/// not where the decoder stopped.
pub struct GzMembers<R: BufRead> {
    state: GzState<R>,
}

enum GzState<R: BufRead> {
    Member(flate2::bufread::GzDecoder<Replay<R>>),
    /// After an error: looking for the next gzip header.
    Searching(Replay<R>),
    Done,
}

/// The most raw bytes kept after a possible header inside one member. Three bytes that match the
/// header by chance turn up about once in 16 MiB of compressed data; when what follows one
/// outgrows this bound it is dropped and the next possible header is kept instead.
pub const MAX_REPLAY_BYTES: usize = 8 * 1024 * 1024;

impl<R: BufRead> GzMembers<R> {
    /// Decodes the gzip members `inner` holds, one after another.
    pub fn new(inner: R) -> GzMembers<R> {
        GzMembers {
            state: GzState::Member(flate2::bufread::GzDecoder::new(Replay::new(inner))),
        }
    }
}

/// The raw stream under the decoder: serves bytes to read again first and, while a member is
/// decoded, keeps what is consumed from the first possible gzip header after the member's start.
struct Replay<R> {
    inner: R,
    /// Bytes to serve again before `inner`'s, from `again_at`.
    again: Vec<u8>,
    again_at: usize,
    /// Raw bytes consumed since the current member began.
    member_bytes: usize,
    /// The last two bytes consumed, to see a header split between two reads.
    last: [u8; 2],
    kept: Vec<u8>,
    keeping: bool,
}

impl<R: BufRead> Replay<R> {
    fn new(inner: R) -> Replay<R> {
        Replay {
            inner,
            again: Vec::new(),
            again_at: 0,
            member_bytes: 0,
            last: [0, 0],
            kept: Vec::new(),
            keeping: false,
        }
    }

    /// A new member starts at the next byte.
    fn start_member(&mut self) {
        self.member_bytes = 0;
        self.kept.clear();
        self.keeping = false;
    }

    /// Moves to the next gzip header; false at the end of the input.
    fn seek_header(&mut self) -> io::Result<bool> {
        loop {
            let buf = self.fill_to(GZIP_MAGIC.len())?;
            if buf.len() < GZIP_MAGIC.len() {
                let n = buf.len();
                self.consume(n);
                return Ok(false);
            }
            let last_start = buf.len() - (GZIP_MAGIC.len() - 1);
            let found = memchr::memmem::find(buf, &GZIP_MAGIC);
            // Without a header, the last two bytes stay: they may begin one.
            let n = found.unwrap_or(last_start);
            self.consume(n);
            if found.is_some() {
                return Ok(true);
            }
        }
    }

    /// What `fill_buf` gives, but at least `k` bytes of it unless the input ends first: bytes
    /// from the inner reader are moved behind the ones to read again until there are enough.
    fn fill_to(&mut self, k: usize) -> io::Result<&[u8]> {
        if self.again.len() - self.again_at < k
            && (self.again_at < self.again.len() || self.inner.fill_buf()?.len() < k)
        {
            self.again.drain(..self.again_at);
            self.again_at = 0;
            while self.again.len() < k {
                let buf = self.inner.fill_buf()?;
                if buf.is_empty() {
                    break;
                }
                let n = buf.len();
                self.again.extend_from_slice(buf);
                self.inner.consume(n);
            }
        }
        self.fill_buf()
    }

    /// After a failure: what was kept is read again, so that the search for a header sees it.
    fn read_kept_again(&mut self) {
        let mut kept = std::mem::take(&mut self.kept);
        kept.extend_from_slice(&self.again[self.again_at..]);
        self.again = kept;
        self.again_at = 0;
        self.start_member();
    }
}

/// Notes the first `n` bytes of `available` as consumed from the current member: looks for a
/// header inside the member (never at its first byte, its own) and keeps what follows one. A
/// header is recognised when its first byte is consumed, looking ahead into `available`: a
/// decoder that fails on a header may have consumed only part of it.
fn note_consumed(
    available: &[u8],
    n: usize,
    member_bytes: &mut usize,
    last: &mut [u8; 2],
    kept: &mut Vec<u8>,
    keeping: &mut bool,
) {
    let bytes = &available[..n];
    if *keeping {
        if kept.len() + bytes.len() <= MAX_REPLAY_BYTES {
            kept.extend_from_slice(bytes);
        } else {
            kept.clear();
            *keeping = false;
        }
    }
    // Whether a header starts at `at` (a header cut by the end of what is available counts:
    // keeping a few bytes too many costs nothing, the search checks again).
    let header_at = |at: usize| {
        let rest = &available[at..];
        let len = rest.len().min(GZIP_MAGIC.len());
        rest[..len] == GZIP_MAGIC[..len]
    };
    if !*keeping {
        // A header split across the previous read and this one: k of its bytes came before,
        // and it must start past the member's first byte.
        for k in (1..=2).rev() {
            if *member_bytes > k
                && last[2 - k..] == GZIP_MAGIC[..k]
                && header_at_split(available, k)
            {
                kept.extend_from_slice(&GZIP_MAGIC[..k]);
                kept.extend_from_slice(bytes);
                *keeping = true;
                break;
            }
        }
    }
    if !*keeping {
        let mut from = usize::from(*member_bytes == 0);
        while let Some(p) = memchr::memchr(GZIP_MAGIC[0], bytes.get(from..).unwrap_or(&[])) {
            let at = from + p;
            if header_at(at) {
                kept.extend_from_slice(&bytes[at..]);
                *keeping = true;
                break;
            }
            from = at + 1;
        }
    }
    match bytes {
        [.., a, b] => *last = [*a, *b],
        [b] => *last = [last[1], *b],
        [] => {}
    }
    *member_bytes = member_bytes.saturating_add(bytes.len());
}

/// Whether `available` goes on with the rest of a header whose first `k` bytes came before.
fn header_at_split(available: &[u8], k: usize) -> bool {
    let rest = &GZIP_MAGIC[k..];
    let len = available.len().min(rest.len());
    available[..len] == rest[..len]
}

impl<R: BufRead> Read for Replay<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let buf = self.fill_buf()?;
        let n = buf.len().min(out.len());
        out[..n].copy_from_slice(&buf[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Replay<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.again_at < self.again.len() {
            return Ok(&self.again[self.again_at..]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        let Replay {
            inner,
            again,
            again_at,
            member_bytes,
            last,
            kept,
            keeping,
        } = self;
        if *again_at < again.len() {
            let end = (*again_at + n).min(again.len());
            note_consumed(
                &again[*again_at..],
                end - *again_at,
                member_bytes,
                last,
                kept,
                keeping,
            );
            *again_at = end;
            if *again_at == again.len() {
                again.clear();
                *again_at = 0;
            }
            return;
        }
        // fill_buf returned this very buffer just before: asking again reads nothing new.
        if let Ok(buf) = inner.fill_buf() {
            note_consumed(buf, n.min(buf.len()), member_bytes, last, kept, keeping);
        }
        inner.consume(n);
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
                    if inner.seek_header()? {
                        inner.start_member();
                        self.state = GzState::Member(flate2::bufread::GzDecoder::new(inner));
                    }
                }
                GzState::Member(mut decoder) => match decoder.read(out) {
                    Ok(0) => {
                        let mut inner = decoder.into_inner();
                        inner.start_member();
                        if !inner.fill_buf()?.is_empty() {
                            self.state = GzState::Member(flate2::bufread::GzDecoder::new(inner));
                        }
                    }
                    Ok(n) => {
                        self.state = GzState::Member(decoder);
                        return Ok(n);
                    }
                    Err(e) => {
                        let mut inner = decoder.into_inner();
                        inner.read_kept_again();
                        self.state = GzState::Searching(inner);
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
    fn a_member_cut_short_loses_only_itself_wherever_it_is_cut() {
        let first = gzip(b"first member\n");
        let second: String = (0..300)
            .map(|i| format!("second member, line {i}\n"))
            .collect();
        let second = gzip(second.as_bytes());
        let third = gzip(b"third member\n");
        for cut in 1..second.len() {
            let data = [&first[..], &second[..cut], &third[..]].concat();
            let (out, errors) = read_all(GzMembers::new(&data[..]));
            let out = String::from_utf8_lossy(&out);
            assert!(out.starts_with("first member\n"), "cut at {cut}: {out}");
            assert!(
                out.ends_with("third member\n"),
                "cut at {cut}: {errors} errors, {out:?}"
            );
            assert!((1..=3).contains(&errors), "cut at {cut}: {errors} errors");
        }
    }

    #[test]
    fn a_header_split_between_two_reads_is_still_found() {
        // A reader that hands out one byte at a time splits every header.
        struct Trickle<'a>(&'a [u8]);
        impl Read for Trickle<'_> {
            fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
                let n = self.0.len().min(out.len()).min(1);
                out[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let second = gzip(&[b'x'; 5000]);
        let data = [
            &gzip(b"first\n")[..],
            &second[..second.len() / 2],
            &gzip(b"third\n")[..],
        ]
        .concat();
        let (out, _) = read_all(GzMembers::new(BufReader::with_capacity(1, Trickle(&data))));
        let out = String::from_utf8_lossy(&out);
        assert!(
            out.starts_with("first\n") && out.ends_with("third\n"),
            "{out}"
        );
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
