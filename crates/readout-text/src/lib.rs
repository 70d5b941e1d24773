//! Sentences and tokens with byte offsets.
//!
//! Takes a [`Document`] whose paragraphs are set (by `readout-ingest`) and fills in
//! [`Document::tokens`] and [`Document::sentences`]. Tokens are byte spans into the document
//! text with shape flags; nothing is copied. Splitting is rule-based: a sentence ends at `.`,
//! `!`, `?` or `…` (with any closing quotes) before a capitalised word, an opening quote or a
//! number, except after an abbreviation ("Mr", "Feb", "St"), an initial ("J.") or a dotted
//! abbreviation ("U.S.") that is not followed by a typical sentence opener.
//!
//! The word lists the splitter needs ([`SplitRules`]) are data and come from the lexicon.

mod normalize;
mod tokenize;

pub use normalize::normalize_into;
pub use tokenize::tokenize;

use readout_doc::{token_flags as tf, Document, Sentence, Span, Token};
use std::collections::HashSet;

/// The word lists sentence splitting depends on, lowercased and normalised.
#[derive(Debug, Default, Clone)]
pub struct SplitRules {
    /// Words that take a period without ending a sentence ("mr", "feb", "st", "gen").
    pub abbreviations: HashSet<String>,
    /// Words that typically open a sentence; after a dotted abbreviation ("U.S.") only these
    /// start a new one.
    pub sentence_openers: HashSet<String>,
}

/// Tokenizes every paragraph and splits it into sentences.
pub fn segment(doc: &mut Document, rules: &SplitRules) {
    doc.tokens.clear();
    doc.sentences.clear();
    let mut scratch = String::new();
    for (pi, para) in doc.paragraphs.iter().enumerate() {
        let first = doc.tokens.len();
        let text = &doc.text[para.span.range()];
        tokenize(text, para.span.start as usize, &mut doc.tokens);
        let toks = &doc.tokens[first..];
        let mut start = 0;
        let mut i = 0;
        while i < toks.len() {
            if let Some(end) = sentence_end(&doc.text, toks, i, rules, &mut scratch) {
                push_sentence(
                    &mut doc.sentences,
                    &doc.text,
                    toks,
                    first,
                    start..end,
                    para.kind,
                    pi,
                );
                start = end;
                i = end;
            } else {
                i += 1;
            }
        }
        if start < toks.len() {
            push_sentence(
                &mut doc.sentences,
                &doc.text,
                toks,
                first,
                start..toks.len(),
                para.kind,
                pi,
            );
        }
    }
}

/// The most tokens a sentence may have. Longer runs (lists without periods, scraped index
/// pages, text with its punctuation lost) are cut into pieces of at most this many tokens,
/// at a line break where there is one in the second half of the piece, else after a comma,
/// semicolon or colon, else at the bound: no real sentence is this long, and every later stage
/// can then count on sentences of bounded length.
pub const MAX_SENTENCE_TOKENS: usize = 400;

/// Adds the sentence of `toks[range]` (tokens of the paragraph whose first token is `first`),
/// in pieces if it is too long.
fn push_sentence(
    out: &mut Vec<Sentence>,
    text: &str,
    toks: &[Token],
    first: usize,
    range: std::ops::Range<usize>,
    kind: readout_doc::Kind,
    paragraph: usize,
) {
    let mut start = range.start;
    while range.end - start > MAX_SENTENCE_TOKENS {
        let cut = piece_end(text, toks, start);
        push_piece(out, toks, first, start..cut, kind, paragraph);
        start = cut;
    }
    push_piece(out, toks, first, start..range.end, kind, paragraph);
}

/// Where a piece of an overlong sentence starting at `start` ends (see [`MAX_SENTENCE_TOKENS`]).
fn piece_end(text: &str, toks: &[Token], start: usize) -> usize {
    let limit = start + MAX_SENTENCE_TOKENS;
    let half = start + MAX_SENTENCE_TOKENS / 2;
    let gap = |k: usize| &text[toks[k - 1].span.end as usize..toks[k].span.start as usize];
    (half..=limit)
        .rev()
        .find(|&k| gap(k).contains('\n'))
        .or_else(|| {
            (half..=limit)
                .rev()
                .find(|&k| matches!(&text[toks[k - 1].span.range()], "," | ";" | ":"))
        })
        .unwrap_or(limit)
}

fn push_piece(
    out: &mut Vec<Sentence>,
    toks: &[Token],
    first: usize,
    std::ops::Range { start, end }: std::ops::Range<usize>,
    kind: readout_doc::Kind,
    paragraph: usize,
) {
    out.push(Sentence {
        span: Span {
            start: toks[start].span.start,
            end: toks[end - 1].span.end,
        },
        kind,
        paragraph: paragraph as u32,
        tokens: (first + start) as u32..(first + end) as u32,
    });
}

fn is_terminal(text: &str) -> bool {
    matches!(text, "." | "!" | "?" | "…" | "...")
}

/// If a sentence ends at token `i`, returns the index one past its last token.
fn sentence_end(
    text: &str,
    toks: &[Token],
    i: usize,
    rules: &SplitRules,
    scratch: &mut String,
) -> Option<usize> {
    let t = &text[toks[i].span.range()];
    let dotted_abbreviation = t.len() > 2 && t.ends_with('.') && toks[i].has(tf::WORD);
    if !is_terminal(t) && !dotted_abbreviation {
        return None;
    }
    let mut end = i + 1;
    while end < toks.len() && is_closing(&text[toks[end].span.range()]) {
        // A straight quote after a space opens the next sentence (`vaping. "We intend`);
        // only one that touches the full stop closes this one.
        let straight = matches!(&text[toks[end].span.range()], "\"" | "'");
        if straight && toks[end].span.start > toks[end - 1].span.end {
            break;
        }
        end += 1;
    }
    let next = toks.get(end)?;
    let next_text = &text[next.span.range()];
    let opens = next.has(tf::CAPITALIZED) || next.has(tf::NUMBER) || is_opening(next_text);
    if !opens {
        return None;
    }
    if dotted_abbreviation {
        normalize_into(next_text, scratch);
        return rules
            .sentence_openers
            .contains(scratch.as_str())
            .then_some(end);
    }
    if t == "." && i > 0 && toks[i - 1].span.end == toks[i].span.start {
        let prev = &text[toks[i - 1].span.range()];
        let initial = prev.len() == 1 && prev.chars().all(|c| c.is_uppercase());
        normalize_into(prev, scratch);
        if initial || rules.abbreviations.contains(scratch.as_str()) {
            return None;
        }
    }
    Some(end)
}

fn is_closing(t: &str) -> bool {
    matches!(t, "\"" | "”" | "’" | "'" | ")" | "]" | "»")
}

fn is_opening(t: &str) -> bool {
    matches!(t, "\"" | "“" | "‘" | "'" | "(" | "[" | "«")
}

#[cfg(test)]
mod tests {
    use super::*;
    use readout_doc::{ArticleMeta, Kind};

    fn rules() -> SplitRules {
        SplitRules {
            abbreviations: ["mr", "dr", "st", "feb", "sept", "gen"]
                .map(String::from)
                .into(),
            sentence_openers: ["the", "he", "it", "but"].map(String::from).into(),
        }
    }

    fn sentences(text: &str) -> Vec<String> {
        let mut doc = Document::from_paragraphs("t", ArticleMeta::default(), [(Kind::Body, text)]);
        segment(&mut doc, &rules());
        doc.sentences
            .iter()
            .map(|s| doc.slice(s.span).to_string())
            .collect()
    }

    #[test]
    fn an_overlong_run_is_cut_at_line_breaks_then_commas_then_the_bound() {
        // Lines of three words, no periods: pieces end at a line break.
        let lines = "army met police\n".repeat(400);
        let pieces = sentences(&lines);
        assert!(pieces.len() >= 3, "{}", pieces.len());
        for p in &pieces {
            let n = p.split_whitespace().count();
            assert!(n <= MAX_SENTENCE_TOKENS && n % 3 == 0, "{n} words: {p}");
        }
        assert_eq!(pieces.join(" ").split_whitespace().count(), 1200);
        // One line with commas: pieces end after a comma.
        let commas = "army met police, ".repeat(400);
        for p in sentences(&commas).iter().rev().skip(1) {
            assert!(p.ends_with(','), "{p}");
        }
        // Neither: pieces of exactly the bound.
        let words = "army ".repeat(1000);
        let pieces = sentences(&words);
        assert_eq!(pieces.len(), 3);
        assert_eq!(pieces[0].split_whitespace().count(), MAX_SENTENCE_TOKENS);
    }

    #[test]
    fn splits_at_terminal_punctuation_before_a_capital() {
        assert_eq!(
            sentences("Talks ended. Both sides left!  Why? Nobody knows"),
            ["Talks ended.", "Both sides left!", "Why?", "Nobody knows"]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials_inside_the_sentence() {
        assert_eq!(
            sentences("Mr. Wang met Dr. J. Smith in St. Petersburg on Feb. 1. He left."),
            [
                "Mr. Wang met Dr. J. Smith in St. Petersburg on Feb. 1.",
                "He left."
            ]
        );
    }

    #[test]
    fn dotted_abbreviations_end_a_sentence_only_before_an_opener() {
        assert_eq!(
            sentences("He flew to the U.S. Congress was told. He met U.S. officials."),
            [
                "He flew to the U.S. Congress was told.",
                "He met U.S. officials."
            ]
        );
        assert_eq!(
            sentences("Aid came from the U.S. The talks failed."),
            ["Aid came from the U.S.", "The talks failed."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("“We agree.” The minister left. “Is it over?” he asked."),
            [
                "“We agree.”",
                "The minister left.",
                "“Is it over?” he asked."
            ]
        );
    }

    #[test]
    fn a_straight_quote_after_a_space_opens_the_next_sentence() {
        assert_eq!(
            sentences("He announced the ban in May. \"We intend to act,\" he said."),
            [
                "He announced the ban in May.",
                "\"We intend to act,\" he said."
            ]
        );
        assert_eq!(
            sentences("\"We agree.\" The minister left."),
            ["\"We agree.\"", "The minister left."]
        );
    }

    #[test]
    fn sentences_never_cross_paragraphs() {
        let mut doc = Document::from_paragraphs(
            "t",
            ArticleMeta::default(),
            [
                (Kind::Title, "A headline without a stop"),
                (Kind::Body, "Body text."),
            ],
        );
        segment(&mut doc, &rules());
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(doc.sentences[0].kind, Kind::Title);
        assert_eq!(doc.sentences[1].paragraph, 1);
    }
}
