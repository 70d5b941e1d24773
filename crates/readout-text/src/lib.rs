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
                push_sentence(&mut doc.sentences, toks, first, start, end, para.kind, pi);
                start = end;
                i = end;
            } else {
                i += 1;
            }
        }
        if start < toks.len() {
            push_sentence(
                &mut doc.sentences,
                toks,
                first,
                start,
                toks.len(),
                para.kind,
                pi,
            );
        }
    }
}

fn push_sentence(
    out: &mut Vec<Sentence>,
    toks: &[Token],
    first: usize,
    start: usize,
    end: usize,
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
