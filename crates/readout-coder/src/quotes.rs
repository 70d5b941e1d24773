//! Direct quotations and their speakers.
//!
//! Quotes are found per paragraph (a quotation may span sentences; it is reported once per
//! sentence it covers). The speaker is, in this order:
//! - the subject of a reporting verb right after the closing mark ("…,” Mr Shoigu said), or
//!   an inverted one ("…,” said the ministry), unless the quotation ends its sentence;
//! - the reporting verb before the opening mark in the same sentence ("Mr Wang told Mr Shoigu
//!   that … “advocate for …”"), or an "according to" phrase ("According to TASS, “…”");
//! - for a quotation that opens its paragraph right after a paragraph that quoted someone, that
//!   speaker (a quotation continued over paragraphs, or a second quoted paragraph).
//!
//! A speaker the lexicon and the actor stage do not resolve ("a source close to Macron") is
//! still reported by its words.

use crate::events::sides::Side;
use crate::events::SentenceCtx;
use readout_doc::{token_flags as tf, Document, Quote, Span};
use readout_lexicon::WordClasses;
use readout_syntax::{Rel, Upos};

/// Quotes shorter than this are scare quotes ("turmoil"), not statements.
const MIN_QUOTE_WORDS: usize = 3;
/// Without a speaker, a quotation must be at least this long to count as one.
const MIN_UNATTRIBUTED_WORDS: usize = 8;
/// Most words between a closing mark and its reporting verb (`…,” Health and Human Services
/// Secretary Alex Azar said`).
const MAX_SPEAKER_BEFORE_VERB: usize = 12;
/// How far before an opening mark a reporting verb is looked for ("Wang told Shoigu that
/// China was “willing to …”"): a speaker further back introduces some other statement.
const MAX_LOOKBACK: usize = 40;

/// What quotation finding carries from one paragraph to the next.
#[derive(Debug, Default)]
pub struct QuoteState {
    /// The speaker of the latest quotation that had one.
    pub last_speaker: Option<u32>,
    /// Its words.
    last_speaker_span: Option<Span>,
    /// Whether the previous paragraph quoted someone.
    previous_paragraph_quoted: bool,
}

/// A quotation found in a paragraph, with its speaker.
#[derive(Debug, Clone)]
pub struct FoundQuote {
    /// The opening quotation mark: index into `Document::tokens`.
    pub open: usize,
    /// The closing quotation mark; one past the last token the quotation covers when it has
    /// none (it runs on into the next paragraph, or the source never closed it).
    pub close: usize,
    /// The speaker: index into `Document::actors`; `None` when the speaker's words resolve to no
    /// actor or nobody is named (the same as `quote.speaker`).
    pub speaker: Option<u32>,
    /// The record written to `Document::quotes`: the quotation's part in one sentence (a
    /// quotation over several sentences is found once per sentence).
    pub quote: Quote,
}

fn opens(text: &str) -> bool {
    matches!(text, "“" | "«")
}

fn closes(text: &str) -> bool {
    matches!(text, "”" | "»")
}

/// Pairs of quotation marks in a token range: typographic marks pair by direction, straight
/// double quotes alternate, and two straight apostrophes close a double quote (`…by car,''`).
/// Outside double quotes, single quotes pair when they open before a word and close after one
/// (`'a very substantial part of the population'`); an apostrophe inside or after a word
/// ("farmers' agitation") closes nothing that was not opened. Each pair is (opening mark,
/// closing mark, closed): a quotation still open at the end of the paragraph runs to its end
/// (a quotation continued in the next paragraph has no closing mark), and one left open when a
/// later sentence opens another ends with its own sentence; its "closing mark" is then one past
/// the last token it covers, and `closed` is false.
fn quote_pairs(doc: &Document, range: std::ops::Range<usize>) -> Vec<(usize, usize, bool)> {
    let mut pairs = Vec::new();
    let mut open: Option<usize> = None;
    let mut single: Option<usize> = None;
    let end = range.end;
    let touches_next = |t: usize| t + 1 < end && doc.touches_previous(t + 1);
    // One past the last token of the sentence of token `t`.
    let sentence_end = |t: usize| {
        doc.sentence_at(doc.tokens[t].span.start as usize)
            .map_or(end, |i| doc.sentences[i].token_range().end.min(end))
    };
    let touches_previous = |t: usize| t > range.start && doc.touches_previous(t);
    for t in range.clone() {
        if !doc.tokens[t].has(tf::QUOTE) {
            continue;
        }
        let text = doc.token_text(t);
        match (open, text) {
            (None, "\"") => open = Some(t),
            // A straight quote shaped as an opening (` "Word`) in a later sentence than the
            // pending one: that quotation was never closed (a slip in the source); it ends
            // with its sentence, and this mark opens the next.
            (Some(o), "\"") if !touches_previous(t) && touches_next(t) && sentence_end(o) <= t => {
                pairs.push((o, sentence_end(o), false));
                open = Some(t);
            }
            (Some(o), "\"") => {
                pairs.push((o, t, true));
                open = None;
            }
            (Some(o), "'") if touches_next(t) && doc.token_text(t + 1) == "'" => {
                pairs.push((o, t, true));
                open = None;
            }
            (_, s) if opens(s) => open = Some(t),
            (Some(o), s) if closes(s) => {
                pairs.push((o, t, true));
                open = None;
            }
            (None, "'" | "‘" | "’") => match single {
                None if !touches_previous(t)
                    && touches_next(t)
                    && doc.tokens[t + 1].has(tf::WORD)
                    && doc.token_text(t + 1).starts_with(char::is_alphabetic) =>
                {
                    single = Some(t)
                }
                Some(o)
                    if touches_previous(t)
                        && !(touches_next(t) && doc.tokens[t + 1].has(tf::WORD)) =>
                {
                    pairs.push((o, t, true));
                    single = None;
                }
                _ => {}
            },
            _ => {}
        }
    }
    if let Some(o) = open {
        pairs.push((o, end, false));
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

/// The verb whose subject speaks for reporting verb `v`: `v` itself, or for a participle
/// ("…, adding that …") the verb it hangs on, through a noun the parser may have hung it on
/// instead ("said backing his party was not a wasted *vote*, adding that …").
fn speaking_verb(ctx: &SentenceCtx, v: usize) -> usize {
    use readout_syntax::Xpos;
    let participle = ctx.syn.xpos(v) == Xpos::VBG
        && matches!(
            ctx.syn.rel(v),
            Rel::Advcl | Rel::Xcomp | Rel::Conj | Rel::Acl
        );
    if !participle {
        return v;
    }
    let mut k = v;
    for _ in 0..MAX_PARTICIPLE_CLIMB {
        match ctx.syn.head(k) {
            Some(h) if ctx.syn.upos(h) == Upos::VERB => return h,
            Some(h) => k = h,
            None => break,
        }
    }
    v
}

/// Most words climbed from a participle of saying to the verb whose subject speaks.
const MAX_PARTICIPLE_CLIMB: usize = 3;

/// The speaker of reporting verb `v`: its subject's actors.
fn speaker_side(ctx: &SentenceCtx, v: usize) -> Option<(Side, bool)> {
    let v = speaking_verb(ctx, v);
    let side = ctx.speaker_of(v)?;
    let first = ctx.doc.tokens_of(side.span).start;
    let pronoun = ctx.group_at(first).is_some_and(|g| g.pronoun);
    Some((side, pronoun))
}

/// The words of the subject of reporting verb `v` (or of the phrase after an inverted one),
/// up to the first comma after its head ("Tim Murtaugh, communications director for …"):
/// the speaker when no actor was resolved for it.
fn speaker_words(ctx: &SentenceCtx, v: usize) -> Option<Span> {
    let v = speaking_verb(ctx, v);
    let head = crate::events::args::subject(ctx.syn, v)
        .map(|(s, _)| s)
        .or_else(|| ctx.inverted_speaker_head(v))?;
    if !matches!(ctx.syn.upos(head), Upos::NOUN | Upos::PROPN) {
        return None;
    }
    phrase_words(ctx, head, v)
}

/// Most words a speaker's name runs on after its head ("Rep. Tom Malinowski" read with "Rep"
/// as the head).
const MAX_SPEAKER_TAIL: usize = 6;

/// The words of the noun phrase headed at `head`, from its first word to the first comma,
/// bracket or semicolon after the head (and never past the reporting verb `v`). The parse's
/// extent is not trusted on the right: a title read as the head ("Rep. Tom Malinowski") may
/// leave the name outside it.
fn phrase_words(ctx: &SentenceCtx, head: usize, v: usize) -> Option<Span> {
    let extent = ctx.syn.extent(head);
    let mut start = extent.start.max(ctx.range.start);
    if v < head {
        start = start.max(v + 1);
    }
    let limit = (head + 1 + MAX_SPEAKER_TAIL).min(ctx.range.end);
    let limit = if v > head { limit.min(v) } else { limit };
    let end = (head..limit)
        .find(|&t| matches!(ctx.text(t), "," | "(" | ";") || ctx.doc.tokens[t].has(tf::QUOTE))
        .unwrap_or(limit);
    (end > start).then(|| ctx.span(start..end))
}

/// "According to Common Dreams, “…”": the source an attribution phrase before the opening
/// mark names, as an actor when one was resolved and by its words in any case.
fn according_to(ctx: &SentenceCtx, from: usize, open: usize) -> Option<(Option<u32>, Span)> {
    let t = (from..open).find(|&t| ctx.toks.phrase_len(t, WordClasses::ATTRIBUTION).is_some())?;
    let start = t + ctx.toks.phrase_len(t, WordClasses::ATTRIBUTION)?;
    let end = (start..open)
        .find(|&e| matches!(ctx.text(e), "," | ":" | ";"))
        .unwrap_or(open);
    if end <= start {
        return None;
    }
    let entity = (start..end)
        .find_map(|k| ctx.group_at(k))
        .and_then(|g| g.entities().first().copied());
    Some((entity, ctx.span(start..end)))
}

/// Finds the quotes of one paragraph. `sentences` are the paragraph's sentences in order.
pub fn find_quotes(sentences: &[SentenceCtx], state: &mut QuoteState) -> Vec<FoundQuote> {
    let Some(first) = sentences.first() else {
        return Vec::new();
    };
    let previous_paragraph_quoted = std::mem::take(&mut state.previous_paragraph_quoted);
    let range = first.range.start..sentences.last().unwrap().range.end;
    let mut found = Vec::new();
    {
        let doc: &Document = sentences[0].doc;
        let pairs = quote_pairs(doc, range.clone());
        for (i, &(open, close, closed)) in pairs.iter().enumerate() {
            // Each quote looks for its speaker and attribution between its neighbours only,
            // so a sentence of many quotes costs time in proportion to its length.
            // A scare quote skipped below ("major") bounds nothing.
            let previous_close = found.last().map_or(0, |q: &FoundQuote| q.close + 1);
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
            // Words naming a speaker no actor was resolved for.
            let mut words_only: Option<Span> = None;
            // After the closing mark: ", Mr Shoigu said" / ", said the ministry" / " he added";
            // not after a quotation that ends its sentence (`… at large.”`).
            let ends_sentence = !closed || (close > open + 1 && doc.token_text(close - 1) == ".");
            if let Some(ctx) = ctx_of(close + 1)
                .or_else(|| ctx_of(close))
                .filter(|_| !ends_sentence)
            {
                let mut k = close + 1;
                while k < ctx.range.end && matches!(doc.token_text(k), "," | ":") {
                    k += 1;
                }
                if let Some(v) = (k..(k + MAX_SPEAKER_BEFORE_VERB).min(ctx.range.end))
                    .find(|&v| reporting_verb(ctx, v, false))
                {
                    speaker = speaker_side(ctx, v);
                    if speaker.is_none() {
                        words_only = speaker_words(ctx, v);
                    }
                    if speaker.is_none() && words_only.is_none() {
                        // The parse lost the speaker: the name between the closing mark and
                        // the verb, up to its first comma (`…,” Sen. Mike Braun, R-Ind.,
                        // explained`).
                        let stop = (k..v).find(|&t| ctx.text(t) == ",").unwrap_or(v);
                        match (k..stop)
                            .find_map(|t| ctx.group_at(t))
                            .filter(|g| g.is_actor())
                        {
                            Some(g) => speaker = ctx.side_of_group(g).map(|side| (side, g.pronoun)),
                            None if stop > k && ctx.doc.tokens[k].has(tf::CAPITALIZED) => {
                                words_only = Some(ctx.span(k..stop))
                            }
                            None => {}
                        }
                    }
                }
            }
            // Before the opening mark, in the same sentence: a reporting verb, or a verbal act
            // ("branded Beijing a “decisive enabler”"), and its subject; or "according to".
            if speaker.is_none() && words_only.is_none() {
                if let Some(ctx) = ctx_of(open) {
                    let from = ctx
                        .range
                        .start
                        .max(previous_close)
                        .max(open.saturating_sub(MAX_LOOKBACK));
                    let verb = (from..open).rev().find(|&v| reporting_verb(ctx, v, true));
                    speaker = verb.and_then(|v| speaker_side(ctx, v));
                    if speaker.is_none() {
                        words_only = verb.and_then(|v| speaker_words(ctx, v));
                    }
                    if speaker.is_none() && words_only.is_none() {
                        if let Some((entity, span)) = according_to(ctx, from, open) {
                            match entity {
                                Some(e) => {
                                    speaker = Some((
                                        Side {
                                            entities: vec![e],
                                            span,
                                            negative_determiner: false,
                                        },
                                        false,
                                    ))
                                }
                                None => words_only = Some(span),
                            }
                        }
                    }
                }
            }
            // "he added" after a quote: the person the pronoun refers to (the last person
            // named as a subject), else the speaker of the quote before.
            let (mut entity, mut speaker_span) = match speaker {
                Some((side, true)) => (
                    side.entities.first().copied().or(state.last_speaker),
                    Some(side.span),
                ),
                Some((side, false)) => (side.entities.first().copied(), Some(side.span)),
                None => (None, words_only),
            };
            // A quotation that opens its paragraph after a paragraph that quoted someone, or
            // opens its sentence after a quotation of the same paragraph, continues that
            // speaker (`“As such strict measures must be put in place …”`).
            let opens_paragraph = sentences[0].range.start == open;
            let opens_sentence = ctx_of(open).is_some_and(|c| c.range.start == open);
            // So does a second quotation in the sentence of one with a speaker (`said there
            // was a “small area …” but the “containment prognosis looks promising”`).
            let same_sentence =
                |q: &FoundQuote| ctx_of(open).is_some_and(|c| c.index as u32 == q.quote.sentence);
            let continues = (opens_paragraph && previous_paragraph_quoted)
                || found.last().is_some_and(|q: &FoundQuote| {
                    q.quote.speaker_span.is_some() && (opens_sentence || same_sentence(q))
                });
            if entity.is_none() && speaker_span.is_none() && continues {
                entity = state.last_speaker;
                speaker_span = state.last_speaker_span;
            }
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
            if entity.is_some() || speaker_span.is_some() {
                state.last_speaker = entity;
                state.last_speaker_span = speaker_span;
            } else if speaker_span.is_none() && words < MIN_UNATTRIBUTED_WORDS {
                // A short quoted phrase nobody says ("one country, two systems") is a term.
                continue;
            }
            // One record per sentence the quotation covers, each with the speaker.
            let inside = open + 1..close;
            for ctx in sentences
                .iter()
                .filter(|c| c.range.start < inside.end && inside.start < c.range.end)
            {
                let (a, b) = (
                    inside.start.max(ctx.range.start),
                    inside.end.min(ctx.range.end),
                );
                // Pieces without a word of their own (a closing mark's stray comma) are none.
                if !(a..b).any(|t| doc.tokens[t].has(tf::WORD)) {
                    continue;
                }
                let start = doc.tokens[a].span.start as usize;
                let end = doc.tokens[b - 1].span.end as usize;
                let content = doc.text[start..end].trim_end_matches([',', ' ']);
                let span = Span::new(start, start + content.len());
                found.push(FoundQuote {
                    open,
                    close,
                    speaker: entity,
                    quote: Quote {
                        sentence: ctx.index as u32,
                        span,
                        speaker_span,
                        speaker: entity,
                        attribution,
                    },
                });
            }
        }
    }
    state.previous_paragraph_quoted = found.iter().any(|q| q.quote.speaker_span.is_some());
    found
}
