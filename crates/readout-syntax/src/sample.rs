//! Crude text handling for benchmarks and smoke tests: reading the `text` fields of a JSON Lines
//! corpus and splitting text into sentences of words without readout's tokenizer (which lives
//! in `readout-text`; this crate does not depend on it). The splitting imitates it closely
//! enough for timing: punctuation, quotes, `'s`, `n't` and hyphens become words of their own.

use std::path::Path;

/// The `text` field of every line of a JSON Lines file (lines without one are skipped).
pub fn jsonl_texts(path: impl AsRef<Path>) -> std::io::Result<Vec<String>> {
    let data = std::fs::read_to_string(path)?;
    Ok(data.lines().filter_map(|l| json_field(l, "text")).collect())
}

/// The string value of `"field"` in a one-line JSON object, unescaped.
fn json_field(line: &str, field: &str) -> Option<String> {
    let pattern = format!("\"{field}\":");
    let start = line.find(&pattern)? + pattern.len();
    let rest = line[start..].trim_start().strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                'b' | 'f' => out.push(' '),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    let mut code = u32::from_str_radix(&hex, 16).ok()?;
                    if (0xD800..0xDC00).contains(&code) {
                        // A surrogate pair: the low half follows as another \uXXXX.
                        let low: String = chars.by_ref().skip(2).take(4).collect();
                        let low = u32::from_str_radix(&low, 16).ok()?;
                        code =
                            0x10000 + ((code - 0xD800) << 10) + (low.wrapping_sub(0xDC00) & 0x3FF);
                    }
                    out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

const OPENERS: &[char] = &['"', '“', '‘', '\'', '(', '[', '{', '«'];
const CLOSERS: &[char] = &[
    '"', '”', '’', '\'', '.', ',', ';', ':', '!', '?', ')', ']', '}', '»',
];

/// Splits text into sentences of words: paragraphs at line breaks, sentences after `.`, `!` or
/// `?`, at most 150 words each.
pub fn crude_sentences(text: &str) -> Vec<Vec<String>> {
    let mut sentences = Vec::new();
    for paragraph in text.split('\n') {
        let mut sentence: Vec<String> = Vec::new();
        for chunk in paragraph.split_whitespace() {
            let before = sentence.len();
            crude_words(chunk, &mut sentence);
            let ends = sentence[before..]
                .iter()
                .any(|w| w == "." || w == "!" || w == "?");
            if ends || sentence.len() >= 150 {
                sentences.push(std::mem::take(&mut sentence));
            }
        }
        if !sentence.is_empty() {
            sentences.push(sentence);
        }
    }
    sentences
}

fn crude_words(chunk: &str, out: &mut Vec<String>) {
    let mut word = chunk;
    while let Some(c) = word.chars().next().filter(|c| OPENERS.contains(c)) {
        out.push(c.to_string());
        word = &word[c.len_utf8()..];
    }
    let mut trailing = Vec::new();
    while let Some(c) = word.chars().next_back().filter(|c| CLOSERS.contains(c)) {
        // Keep the period of "U.S." and "e.g.".
        if c == '.' && word[..word.len() - 1].contains('.') {
            break;
        }
        trailing.push(c.to_string());
        word = &word[..word.len() - c.len_utf8()];
    }
    let mut tail = None;
    for suffix in ["'s", "’s", "n't", "n’t"] {
        if word.len() > suffix.len() + 1 && word.ends_with(suffix) {
            tail = Some(&word[word.len() - suffix.len()..]);
            word = &word[..word.len() - suffix.len()];
            break;
        }
    }
    for (i, part) in word.split('-').enumerate() {
        if i > 0 {
            out.push("-".to_string());
        }
        if !part.is_empty() {
            out.push(part.to_string());
        }
    }
    out.extend(tail.map(str::to_string));
    out.extend(trailing.into_iter().rev());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_like_the_tokenizer() {
        let s =
            crude_sentences("“Russia’s anti-war protests didn't stop,” he said. The U.S. agreed.");
        assert_eq!(
            s[0],
            [
                "“", "Russia", "’s", "anti", "-", "war", "protests", "did", "n't", "stop", ",",
                "”", "he", "said", "."
            ]
        );
        assert_eq!(s[1], ["The", "U.S.", "agreed", "."]);
    }

    #[test]
    fn reads_json_strings() {
        let line = r#"{"id": "x", "text": "a \"b\"\nc \u00e9 \ud83d\ude00"}"#;
        assert_eq!(json_field(line, "text").unwrap(), "a \"b\"\nc é 😀");
    }
}
