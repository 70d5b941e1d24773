//! The tokenizer: one pass over a paragraph's characters, no regular expressions.

use readout_doc::{token_flags as tf, Span, Token};

/// A letter or digit. ASCII, the Latin and Cyrillic letters, and the typographic punctuation
/// news is full of (quotes, dashes, ellipses: U+2000–U+206F) are answered without a Unicode
/// table look-up.
#[inline]
fn is_word_char(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        // Latin-1 and Latin Extended-A and -B letters, but for × and ÷.
        '\u{C0}'..='\u{24F}' => c != '\u{D7}' && c != '\u{F7}',
        // Cyrillic and Cyrillic Supplement letters, but for ҂ and the combining marks.
        '\u{400}'..='\u{481}' | '\u{48A}'..='\u{52F}' => true,
        '\u{2000}'..='\u{206F}' => false,
        _ => c.is_alphanumeric(),
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Appends the tokens of `text` to `out`; spans are offset by `base`.
///
/// Words keep internal apostrophes ("d'Ivoire"), internal periods ("U.S.", "e.g.") and digit
/// separators ("1,000", "1.5"). The possessive "'s" and the negation "n't" become tokens of their
/// own, as does a hyphen, so that "China-Russia" yields both names.
pub fn tokenize(text: &str, base: usize, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        let c = char_at(text, start);
        if c.is_whitespace() {
            start += c.len_utf8();
            continue;
        }
        if is_word_char(c) {
            let end = word_end(text, start);
            push_word(text, start, end, base, out);
            start = end;
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut flags = tf::PUNCT;
        if c == '.' && bytes.get(end) == Some(&b'.') && bytes.get(end + 1) == Some(&b'.') {
            end += 2;
        } else if c == '-' && bytes.get(end) == Some(&b'-') {
            // "--": a dash typed as two hyphens (wire datelines: "MOSCOW, Sept. 24 -- …").
            end += 1;
        }
        if matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'' | '«' | '»') {
            flags |= tf::QUOTE;
            // A bare apostrophe after a plural ("officials’ views") is a possessive, not a quote.
            let after_s = start > 0 && matches!(bytes[start - 1], b's' | b'S');
            let before_space = text[end..].chars().next().is_none_or(|n| n.is_whitespace());
            if is_apostrophe(c) && after_s && before_space {
                flags = tf::WORD;
            }
        }
        out.push(Token {
            span: Span::new(base + start, base + end),
            flags,
        });
        start = end;
    }
}

/// The character at byte offset `at`, a character boundary; ASCII without decoding.
#[inline]
fn char_at(text: &str, at: usize) -> char {
    match text.as_bytes()[at] {
        b if b.is_ascii() => b as char,
        _ => text[at..].chars().next().unwrap_or(' '),
    }
}

/// Where the word starting at `start` ends (byte offset into `text`).
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    loop {
        // ASCII letters and digits, most of any word, need no decoding.
        while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
            end += 1;
        }
        if end == bytes.len() {
            break;
        }
        let c = char_at(text, end);
        let after = end + c.len_utf8();
        if is_word_char(c) || c == '\u{0301}' {
            end = after;
            continue;
        }
        let next = text[after..].chars().next();
        let prev = text[..end].chars().next_back();
        let joins = match c {
            // Internal apostrophe: keep "d'Ivoire", split "'s" and "n't" later.
            '\'' | '’' => next.is_some_and(|n| is_word_char(n) && !n.is_ascii_digit()),
            '.' => {
                next.is_some_and(|n| is_word_char(n) && prev.is_some_and(is_word_char))
                    && !(prev.is_some_and(char::is_numeric) ^ next.is_some_and(char::is_numeric))
            }
            ',' => {
                prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit())
            }
            _ => false,
        };
        if !joins {
            break;
        }
        end = after;
    }
    // "U.S." and "e.g.": letters separated by periods keep their final period.
    let word = &text[start..end];
    if word.contains('.') && text[end..].starts_with('.') {
        let initials = word
            .split('.')
            .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic));
        if initials {
            end += 1;
        }
    }
    end
}

fn push_word(text: &str, start: usize, end: usize, base: usize, out: &mut Vec<Token>) {
    let word = &text[start..end];
    // Split a possessive "'s" or a negation "n't" off the end.
    let split = ["'s", "’s", "'S", "’S"]
        .iter()
        .find(|suffix| word.len() > suffix.len() && word.ends_with(**suffix))
        .map(|s| end - s.len())
        .or_else(|| {
            ["n't", "n’t"]
                .iter()
                .find(|suffix| word.len() > suffix.len() + 1 && word.ends_with(**suffix))
                .map(|s| end - s.len())
        });
    match split {
        Some(mid) => {
            out.push(word_token(text, start, mid, base));
            out.push(word_token(text, mid, end, base));
        }
        None => out.push(word_token(text, start, end, base)),
    }
}

fn word_token(text: &str, start: usize, end: usize, base: usize) -> Token {
    let word = &text[start..end];
    let mut flags = tf::WORD;
    let first = word.chars().next().unwrap_or(' ');
    if first.is_uppercase() {
        flags |= tf::CAPITALIZED;
    }
    if first.is_ascii_digit() {
        flags = tf::NUMBER;
    }
    let all_caps = if word.is_ascii() {
        let b = word.as_bytes();
        b.iter().filter(|c| c.is_ascii_alphabetic()).count() > 1
            && !b.iter().any(u8::is_ascii_lowercase)
    } else {
        let mut letters = 0;
        let mut lowercase = false;
        for c in word.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            if !c.is_uppercase() {
                lowercase = true;
                break;
            }
        }
        letters > 1 && !lowercase
    };
    if all_caps {
        flags |= tf::ALL_CAPS;
    }
    Token {
        span: Span::new(base + start, base + end),
        flags,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_characters_agree_with_unicode() {
        for c in ('\u{80}'..='\u{52F}').chain('\u{2000}'..='\u{206F}') {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, 0, &mut out);
        out.iter().map(|t| &text[t.span.range()]).collect()
    }

    #[test]
    fn splits_possessives_negations_and_hyphens() {
        assert_eq!(
            words("Russia’s chief isn't China-Russia"),
            ["Russia", "’s", "chief", "is", "n't", "China", "-", "Russia"]
        );
    }

    #[test]
    fn keeps_dotted_abbreviations_numbers_and_elisions() {
        assert_eq!(
            words("the U.S. paid 1,000.5 to Côte d'Ivoire, e.g. now."),
            ["the", "U.S.", "paid", "1,000.5", "to", "Côte", "d'Ivoire", ",", "e.g.", "now", "."]
        );
    }

    #[test]
    fn marks_quotes_but_not_plural_possessives() {
        let text = "“Go,” the officials’ aide said ‘now’";
        let mut out = Vec::new();
        tokenize(text, 0, &mut out);
        let quote: Vec<bool> = out.iter().map(|t| t.has(tf::QUOTE)).collect();
        assert_eq!(
            words(text),
            [
                "“",
                "Go",
                ",",
                "”",
                "the",
                "officials",
                "’",
                "aide",
                "said",
                "‘",
                "now",
                "’"
            ]
        );
        assert_eq!(
            quote,
            [true, false, false, true, false, false, false, false, false, true, false, true]
        );
    }

    #[test]
    fn offsets_are_byte_offsets_into_the_document() {
        let mut out = Vec::new();
        tokenize("é b", 10, &mut out);
        assert_eq!(out[1].span, Span::new(13, 14));
    }
}
