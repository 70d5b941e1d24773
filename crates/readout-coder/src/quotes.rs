//! Direct quotations and their speakers.
//!
//! Quotes are found per paragraph (a quotation may span sentences). The speaker is the subject
//! of a reporting verb right after the closing mark ("…,” Mr Shoigu said), an inverted one
//! ("…,” said the ministry), or the reporting verb before the opening mark in the same sentence
//! ("Mr Wang told Mr Shoigu that … “advocate for …”").

use crate::events::sides::Side;
use crate::events::SentenceCtx;
use readout_doc::{token_flags as tf, Document, Quote, Span};
use readout_lexicon::WordClasses;
use readout_syntax::Upos;

/// Quotes shorter than this are scare quotes ("turmoil"), not statements.
const MIN_QUOTE_WORDS: usize = 3;
/// Without a speaker, a quotation must be at least this long to count as one.
const MIN_UNATTRIBUTED_WORDS: usize = 8;
/// How far before an opening mark a reporting verb is looked for ("Wang told Shoigu that
/// China was “willing to …”"): a speaker further back introduces some other statement.
const MAX_LOOKBACK: usize = 40;

/// A quotation found in a paragraph, with its speaker.
#[derive(Debug, Clone)]
pub struct FoundQuote {
    pub open: usize,
    pub close: usize,
    pub speaker: Option<u32>,
    pub quote: Quote,
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

/// The reporting verb (or verbal act, with `acts`) at token `t`, if the lexicon has one.
fn reporting_verb(ctx: &SentenceCtx, t: usize, acts: bool) -> bool {
    if ctx.syn.upos(t) != Upos::VERB {
        return false;
    }
    let words = &ctx.toks.words[..ctx.range.end];
    let caps = &ctx.toks.caps[..ctx.range.end];
    let Some(m) = ctx.lex.verb_forms.longest(words, caps, t) else {
        return false;
    };
    let Some(form) = m.values().last() else {
        return false;
    };
    let verb = &ctx.lex.verbs[form.verb as usize];
    let verbal_act = verb.frames.first().is_some_and(|f| {
        matches!(
            f.code.get(..2),
            Some("01" | "02" | "10" | "11" | "12" | "13")
        )
    });
    verb.report || (acts && verbal_act)
}

/// The speaker of reporting verb `v`: its subject's actors.
fn speaker_side(ctx: &SentenceCtx, v: usize) -> Option<(Side, bool)> {
    let side = ctx.speaker_of(v)?;
    let first = ctx
        .doc
        .tokens
        .partition_point(|t| t.span.start < side.span.start);
    let pronoun = ctx.group_at(first).is_some_and(|g| g.pronoun);
    Some((side, pronoun))
}

/// Finds the quotes of one paragraph. `sentences` are the paragraph's sentences in order.
pub fn find_quotes(sentences: &[SentenceCtx], last_speaker: &mut Option<u32>) -> Vec<FoundQuote> {
    let Some(first) = sentences.first() else {
        return Vec::new();
    };
    let range = first.range.start..sentences.last().unwrap().range.end;
    let mut found = Vec::new();
    {
        let doc: &Document = sentences[0].doc;
        let pairs = quote_pairs(doc, range);
        for (i, &(open, close)) in pairs.iter().enumerate() {
            // Each quote looks for its speaker and attribution between its neighbours only,
            // so a sentence of many quotes costs time in proportion to its length.
            let previous_close = if i > 0 { pairs[i - 1].1 + 1 } else { 0 };
            let next_open = pairs.get(i + 1).map_or(usize::MAX, |p| p.0);
            let words = (open + 1..close)
                .filter(|&t| doc.tokens[t].has(tf::WORD))
                .count();
            if words < MIN_QUOTE_WORDS {
                continue;
            }
            let ctx_of = |t: usize| {
                let i = sentences.partition_point(|c| c.range.end <= t);
                sentences.get(i).filter(|c| c.range.contains(&t))
            };
            let mut speaker: Option<(Side, bool)> = None;
            // After the closing mark: ", Mr Shoigu said" / ", said the ministry" / " he added".
            if let Some(ctx) = ctx_of(close + 1).or_else(|| ctx_of(close)) {
                let mut k = close + 1;
                while k < ctx.range.end && matches!(doc.token_text(k), "," | ":") {
                    k += 1;
                }
                if let Some(v) =
                    (k..(k + 7).min(ctx.range.end)).find(|&v| reporting_verb(ctx, v, false))
                {
                    speaker = speaker_side(ctx, v);
                }
            }
            // Before the opening mark, in the same sentence: a reporting verb, or a verbal act
            // ("branded Beijing a “decisive enabler”"), and its subject.
            if speaker.is_none() {
                if let Some(ctx) = ctx_of(open) {
                    let from = ctx
                        .range
                        .start
                        .max(previous_close)
                        .max(open.saturating_sub(MAX_LOOKBACK));
                    speaker = (from..open)
                        .rev()
                        .filter(|&v| reporting_verb(ctx, v, true))
                        .find_map(|v| speaker_side(ctx, v));
                }
            }
            // "he added" after a quote: the speaker of the quote before, whoever it was.
            let (entity, speaker_span) = match speaker {
                Some((side, true)) => (
                    last_speaker.or(side.entities.first().copied()),
                    Some(side.span),
                ),
                Some((side, false)) => (side.entities.first().copied(), Some(side.span)),
                None => (None, None),
            };
            let attribution = ctx_of(close + 1).or_else(|| ctx_of(close)).and_then(|ctx| {
                let window = ctx.range.start.max(previous_close)..ctx.range.end.min(next_open);
                let t = window
                    .clone()
                    .find(|&t| ctx.toks.phrase_len(t, WordClasses::ATTRIBUTION).is_some())?;
                let len = ctx.toks.phrase_len(t, WordClasses::ATTRIBUTION)?;
                let s = t + len;
                let mut e = s;
                while e < window.end && !matches!(doc.token_text(e), "," | "." | ";") {
                    e += 1;
                }
                (e > s).then(|| ctx.span(s..e))
            });
            if entity.is_some() {
                *last_speaker = entity;
            } else if words < MIN_UNATTRIBUTED_WORDS {
                // A short quoted phrase nobody says ("one country, two systems") is a term.
                continue;
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
            found.push(FoundQuote {
                open,
                close,
                speaker: entity,
                quote: Quote {
                    sentence: sentence as u32,
                    span,
                    speaker_span,
                    speaker: entity,
                    attribution,
                },
            });
        }
    }
    found
}
