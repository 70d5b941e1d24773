//! A byte-level pre-pass that drops what can never be article text before the HTML5 parser
//! sees it: `<script>` (except JSON-LD, which carries metadata), `<style>`, `<svg>`,
//! `<noscript>` and comments. News pages are mostly these; the parser's work drops with them.
//!
//! The scan ends a script or style at its first `</script` / `</style`, as the HTML5 tokenizer
//! does, so the parse of what remains is the parse the full page would have given.

use memchr::memchr;

fn starts_with_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle)
}

fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle[0];
    let mut from = 0;
    while from < hay.len() {
        let i = from + memchr(first, &hay[from..])?;
        if starts_with_ci(&hay[i..], needle) {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

/// The tag name at `bytes[0] == b'<'`, lowercased, if it is one of the stripped ones.
fn stripped_tag(bytes: &[u8]) -> Option<&'static [u8]> {
    for tag in [&b"script"[..], b"style", b"svg", b"noscript"] {
        if starts_with_ci(&bytes[1..], tag)
            && bytes
                .get(1 + tag.len())
                .is_some_and(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/')
        {
            return Some(tag);
        }
    }
    None
}

/// Returns `html` without its scripts (JSON-LD ones kept whole), styles, SVG, `<noscript>` and
/// comments; everything else is copied as it is. An element or comment left unclosed runs to the
/// end of the page and is dropped with everything after it, as the parser would have read it all as
/// its content.
pub fn strip(html: &str) -> String {
    let bytes = html.as_bytes();
    // Every cut is at an ASCII '<' or just after an ASCII '>', so the pieces kept are `str`
    // slices and the output needs no second UTF-8 check.
    let mut out = String::with_capacity(bytes.len() / 2);
    let mut i = 0;
    while i < bytes.len() {
        let Some(lt) = memchr(b'<', &bytes[i..]) else {
            out.push_str(&html[i..]);
            break;
        };
        let at = i + lt;
        out.push_str(&html[i..at]);
        let rest = &bytes[at..];
        if rest.starts_with(b"<!--") {
            match find_ci(&rest[4..], b"-->") {
                Some(end) => i = at + 4 + end + 3,
                None => break,
            }
            continue;
        }
        if let Some(tag) = stripped_tag(rest) {
            let open_end = memchr(b'>', rest).unwrap_or(rest.len() - 1) + 1;
            let json_ld = tag == b"script" && find_ci(&rest[..open_end], b"ld+json").is_some();
            let mut close = Vec::with_capacity(tag.len() + 2);
            close.extend_from_slice(b"</");
            close.extend_from_slice(tag);
            let end = match find_ci(&rest[open_end..], &close) {
                Some(e) => {
                    let after = open_end + e;
                    after
                        + memchr(b'>', &rest[after..])
                            .map(|g| g + 1)
                            .unwrap_or(rest.len() - after)
                }
                None => rest.len(),
            };
            if json_ld {
                out.push_str(&html[at..at + end]);
            }
            i = at + end;
            continue;
        }
        out.push('<');
        i = at + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_scripts_styles_and_comments_but_keeps_json_ld() {
        let html = "<p>a</p><SCRIPT src=x>var s = '<p>no</p>';</script><style>p{}</style><!-- c <p>no</p> --><svg><text>no</text></svg><script type=\"application/ld+json\">{\"a\":1}</script><p>b</p><scripting>keep</scripting>";
        assert_eq!(strip(html), "<p>a</p><script type=\"application/ld+json\">{\"a\":1}</script><p>b</p><scripting>keep</scripting>");
    }

    #[test]
    fn an_unclosed_script_ends_the_page_as_the_parser_would() {
        assert_eq!(strip("<p>a</p><script>never closed <p>x</p>"), "<p>a</p>");
        assert_eq!(strip("<p>a</p><!-- open"), "<p>a</p>");
    }
}
