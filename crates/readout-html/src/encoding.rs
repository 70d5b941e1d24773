//! Character encoding: BOM, then the HTTP header, then `<meta charset>` in the first bytes,
//! then a statistical guess; the text is decoded with replacement, never rejected.

use encoding_rs::{Encoding, UTF_8};
use std::borrow::Cow;

/// How the encoding was decided, for `readout extract --verbose` and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A byte-order mark at the start of the bytes; it overrides any declaration.
    Bom,
    /// The HTTP `Content-Type` charset. Also given for valid UTF-8 served with a Content-Type that
    /// names no other charset.
    Header,
    /// A `<meta charset>` or `<meta http-equiv>` declaration in the page's first 2 KB, when no
    /// header names a charset. Valid UTF-8 is reported as [`Source::Sniffed`] even when its meta
    /// says UTF-8: the bytes settle it first.
    Meta,
    /// From the bytes alone: valid UTF-8 is UTF-8, and other bytes get chardetng's statistical
    /// guess. Also given when the bytes contradict a declaration, which is then overridden.
    Sniffed,
}

fn label_in(text: &str) -> Option<&'static Encoding> {
    let lower = text.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = lower[at + 7..].trim_start().strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.')))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest.as_bytes()[..end])
}

/// The `<meta charset>` or `<meta http-equiv content="…charset=…">` in the first 2 KB.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let text = String::from_utf8_lossy(head);
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find("<meta") {
        let start = from + i;
        let end = lower[start..]
            .find('>')
            .map(|e| start + e)
            .unwrap_or(lower.len());
        if let Some(enc) = label_in(&lower[start..end]) {
            return Some(enc);
        }
        from = end;
    }
    None
}

/// Decodes a page; `content_type` is the HTTP Content-Type header, if known.
pub fn decode<'a>(
    bytes: &'a [u8],
    content_type: Option<&str>,
) -> (Cow<'a, str>, &'static Encoding, Source) {
    // The common case: no BOM and valid UTF-8, which needs no decoding at all (checked with
    // SIMD: a page is read whole, so this check runs over every byte).
    if Encoding::for_bom(bytes).is_none()
        && content_type.and_then(label_in).is_none_or(|e| e == UTF_8)
    {
        if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
            if meta_charset(bytes).is_none_or(|e| {
                e == UTF_8 || e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE
            }) {
                return (
                    Cow::Borrowed(text),
                    UTF_8,
                    if content_type.is_some() {
                        Source::Header
                    } else {
                        Source::Sniffed
                    },
                );
            }
        }
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text, enc, Source::Bom);
    }
    let valid_utf8 = simdutf8::basic::from_utf8(bytes).is_ok();
    let sniff = || {
        let mut det = chardetng::EncodingDetector::new();
        det.feed(
            &bytes[..bytes.len().min(64 * 1024)],
            bytes.len() <= 64 * 1024,
        );
        det.guess(None, true)
    };
    let declared = match content_type.and_then(label_in) {
        Some(e) => Some((e, Source::Header)),
        None => meta_charset(bytes).map(|e| (e, Source::Meta)),
    };
    let (enc, source) = match declared {
        // A declaration the bytes contradict is wrong (and would give mojibake): valid UTF-8 with
        // non-ASCII bytes is UTF-8 whatever the page says (other text is almost never valid
        // UTF-8), and bytes that are not UTF-8 are not UTF-8 whatever it says.
        Some((e, _)) if valid_utf8 && e != UTF_8 && !bytes.is_ascii() => (UTF_8, Source::Sniffed),
        Some((e, _)) if !valid_utf8 && e == UTF_8 => (sniff(), Source::Sniffed),
        Some(declared) => declared,
        // Valid UTF-8 is almost surely UTF-8; only other bytes need a statistical guess.
        None if valid_utf8 => (UTF_8, Source::Sniffed),
        None => (sniff(), Source::Sniffed),
    };
    // A page labelled UTF-16 in a meta tag cannot really be: the meta was readable as ASCII.
    let enc = if source == Source::Meta
        && (enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE)
    {
        UTF_8
    } else {
        enc
    };
    // Valid UTF-8 read as UTF-8 is borrowed, not copied.
    let (text, _) = enc.decode_without_bom_handling(bytes);
    (text, enc, source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_bom_header_meta_and_sniffing_in_that_order() {
        let latin1 = b"<html><head><meta charset=\"iso-8859-1\"></head><body>Caf\xe9</body></html>";
        let (text, enc, source) = decode(latin1, None);
        assert!(text.contains("Café"));
        assert_eq!((enc.name(), source), ("windows-1252", Source::Meta));
        let (_, enc, source) = decode(latin1, Some("text/html; charset=iso-8859-2"));
        assert_eq!((enc.name(), source), ("ISO-8859-2", Source::Header));
        let (text, _, source) = decode(b"\xEF\xBB\xBF<p>ok</p>", Some("text/html; charset=latin1"));
        assert_eq!((text.as_ref(), source), ("<p>ok</p>", Source::Bom));
        let cp1251 = "<p>Москва заявила, что переговоры продолжатся в понедельник.</p>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(cp1251);
        let (text, _, source) = decode(&bytes, None);
        assert_eq!((text.as_ref(), source), (cp1251, Source::Sniffed));
    }

    #[test]
    fn a_declaration_the_bytes_contradict_is_overridden() {
        // Latin-1 bytes labelled UTF-8, by the header or a meta tag.
        let latin1 = b"<html><head><meta charset=\"utf-8\"></head><body><p>Le minist\xe8re a condamn\xe9 l'attaque pr\xe8s de la fronti\xe8re.</p></body></html>";
        for header in [None, Some("text/html; charset=utf-8")] {
            let (text, enc, source) = decode(latin1, header);
            assert!(text.contains("ministère a condamné"), "{text}");
            assert_eq!((enc.name(), source), ("windows-1252", Source::Sniffed));
        }
        // UTF-8 labelled Latin-1.
        let utf8 = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Москва и Café</p></body></html>";
        let (text, enc, _) = decode(utf8.as_bytes(), Some("text/html; charset=iso-8859-1"));
        assert!(text.contains("Москва и Café"), "{text}");
        assert_eq!(enc.name(), "UTF-8");
    }
}
