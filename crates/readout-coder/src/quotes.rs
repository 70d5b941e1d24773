//! Direct quotations and their speakers.
//!
//! Quotes are found per paragraph (a quotation may span sentences). The speaker is the subject
//! of a reporting verb right after the closing mark ("…,” Mr Shoigu said), an inverted one
//! ("…,” said the ministry), or the reporting verb before the opening mark in the same sentence
//! ("Mr Wang told Mr Shoigu that … “advocate for …”").

use crate::analysis::Tokens;
use crate::events::{speaker_of, verb_group, SentenceView};
use readout_doc::{token_flags as tf, Document, Quote, Span};
use readout_lexicon::{Lexicon, WordClasses};

/// Quotes shorter than this are scare quotes ("turmoil"), not statements.
const MIN_QUOTE_WORDS: usize = 3;
/// Without a speaker, a quotation must be at least this long to count as one.
const MIN_UNATTRIBUTED_WORDS: usize = 8;

/// A quotation found in a paragraph, with its speaker.
#[derive(Debug, Clone)]
pub struct FoundQuote {
    pub open: usize,
    pub close: usize,
    pub speaker: Option<u32>,
}

fn opens(text: &str) -> bool {
    matches!(text, "“" | "«")
}

fn closes(text: &str) -> bool {
    matches!(text, "”" | "»")
}

/// Pairs of quotation marks in a token range: typographic marks pair by direction, straight
/// double quotes alternate.
fn quote_pairs(doc: &Document, range: std::ops::Range<usize>) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut open: Option<usize> = None;
    for t in range {
        if !doc.tokens[t].has(tf::QUOTE) {
            continue;
        }
        let text = doc.token_text(t);
        match (open, text) {
            (None, "\"") => open = Some(t),
            (Some(o), "\"") => {
                pairs.push((o, t));
                open = None;
            }
            (_, s) if opens(s) => open = Some(t),
            (Some(o), s) if closes(s) => {
                pairs.push((o, t));
                open = None;
            }
            _ => {}
        }
    }
    pairs
}

/// Finds the quotes of one paragraph. `views` are the paragraph's sentences in order.
pub fn find_quotes(
    doc: &mut Document,
    lex: &Lexicon,
    toks: &Tokens,
    views: &[SentenceView],
    last_speaker: &mut Option<u32>,
) -> Vec<FoundQuote> {
    let Some(first) = views.first() else {
        return Vec::new();
    };
    let range = first.range.start..views.last().unwrap().range.end;
    let mut found = Vec::new();
    for (open, close) in quote_pairs(doc, range) {
        let words = (open + 1..close)
            .filter(|&t| doc.tokens[t].has(tf::WORD))
            .count();
        if words < MIN_QUOTE_WORDS {
            continue;
        }
        let view_of = |t: usize| {
            let i = views.partition_point(|v| v.range.end <= t);
            views.get(i).filter(|v| v.range.contains(&t))
        };
        let mut speaker = None;
        let mut speaker_span = None;
        // After the closing mark: ", Mr Shoigu said" / ", said the ministry" / " he added".
        if let Some(view) = view_of(close + 1).or_else(|| view_of(close)) {
            let after = close + 1;
            let mut k = after;
            while k < view.range.end && matches!(doc.token_text(k), "," | ":") {
                k += 1;
            }
            for v in view
                .verbs
                .iter()
                .filter(|v| v.tokens.0 >= k && v.tokens.0 <= k + 6)
            {
                if !lex.verbs[v.verb as usize].report {
                    continue;
                }
                let vg = verb_group(doc, view, v.tokens.0);
                let inverted = vg.start == k;
                let group = if inverted {
                    view.group_at(v.tokens.1)
                } else {
                    view.groups
                        .iter()
                        .filter(|g| g.tokens.start >= k && g.tokens.end <= vg.start)
                        .next_back()
                };
                // "he added" after a quote: the speaker of the quote before, whoever it was.
                let side = group.and_then(|g| {
                    let entity = if g.pronoun {
                        last_speaker.or(g.entity)
                    } else {
                        g.entity
                    };
                    entity.map(|e| (e, g.tokens.clone()))
                });
                if let Some((e, toks_range)) = side {
                    speaker = Some(e);
                    speaker_span = Some(Span {
                        start: doc.tokens[toks_range.start].span.start,
                        end: doc.tokens[toks_range.end - 1].span.end,
                    });
                }
                break;
            }
        }
        // Before the opening mark, in the same sentence: a reporting verb, or a verbal act
        // ("branded Beijing a “decisive enabler”"), and its subject.
        if speaker.is_none() {
            if let Some(view) = view_of(open) {
                for v in view.verbs.iter().filter(|v| v.tokens.1 <= open) {
                    let verb = &lex.verbs[v.verb as usize];
                    let verbal_act = verb.frames.first().is_some_and(|f| {
                        matches!(&f.code[..2], "01" | "02" | "10" | "11" | "12" | "13")
                    });
                    if !verb.report && !verbal_act {
                        continue;
                    }
                    if let Some((_, side)) = speaker_of(doc, view, v, None) {
                        speaker = side.entities.first().copied();
                        speaker_span = Some(side.span);
                    }
                }
            }
        }
        let sentence = doc
            .sentence_at(doc.tokens[open].span.start as usize)
            .unwrap_or(0);
        let start = doc.tokens[open].span.end as usize;
        let end = doc.tokens[close].span.start as usize;
        let content = doc.text[start..end]
            .trim_end_matches([',', ' '])
            .trim_start();
        let lead = doc.text[start..end].len() - doc.text[start..end].trim_start().len();
        let span = Span::new(start + lead, start + lead + content.len());
        let attribution = view_of(close + 1)
            .or_else(|| view_of(close))
            .and_then(|view| {
                let t = view
                    .range
                    .clone()
                    .find(|&t| toks.phrase_len(t, WordClasses::ATTRIBUTION).is_some())?;
                let len = toks.phrase_len(t, WordClasses::ATTRIBUTION)?;
                let s = t + len;
                let mut e = s;
                while e < view.range.end && !matches!(doc.token_text(e), "," | "." | ";") {
                    e += 1;
                }
                (e > s).then(|| Span {
                    start: doc.tokens[s].span.start,
                    end: doc.tokens[e - 1].span.end,
                })
            });
        if speaker.is_some() {
            *last_speaker = speaker;
        } else if words < MIN_UNATTRIBUTED_WORDS {
            // A short quoted phrase nobody says ("one country, two systems") is a term, not a quote.
            continue;
        }
        doc.quotes.push(Quote {
            sentence: sentence as u32,
            span,
            speaker_span,
            speaker,
            attribution,
        });
        found.push(FoundQuote {
            open,
            close,
            speaker,
        });
    }
    found
}
