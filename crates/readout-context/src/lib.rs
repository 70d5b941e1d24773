//! Context: when and where each event happened.
//!
//! Takes a coded [`Document`] (events carry the token range of their clause) and the lexicon's
//! date words; gives every event a date and a location:
//! - [`dates`] finds temporal expressions ("on Feb 1", "September 10, 2024", "this week",
//!   "in early 2022", "on Monday", "two days ago", "over the weekend", "last summer") and
//!   resolves them against the publication date, with a precision; a span ("from July 10 to
//!   July 16", "July 10-16") is one expression with a last day (`until`). An event takes the
//!   expression in its own clause nearest its trigger, or a day of the week before in the words
//!   naming its source ("according to court filings Friday"); without one, the publication date
//!   (with `date_text` empty, so a reader can tell) when it is told as the day's news, not in
//!   a tense that sets it at some earlier time ("had warned", "have rejected" after the lead);
//!   with a phrase that points back ("said at the time"), the date told just before; with a
//!   time counted from the story's ("two days later", "the following week"), that count from
//!   the date told last, or none when nothing was told.
//! - [`places`]: an event takes the place its own clause says it happened at (through the
//!   parse; a named site rather than the town it is in), else, as news of the day, the place of an event just before it, the story's
//!   dateline, or the town a local story's headline names; failing those, the country the story
//!   is set in, for its own people's events.

pub mod dates;
pub mod places;

use places::{distance, of_sentence};
use readout_doc::{Date, DatePrecision, Document, Event, Modality, Parse, ResolvedDate};
use readout_lexicon::Lexicon;
use std::ops::Range;

/// Attaches dates and locations to every event of the document.
///
/// Dates, places, mentions and events are all in sentence order, so each event looks only at
/// its own sentence's slice of them: the work is linear in the document's length.
pub fn resolve(doc: &mut Document, lex: &Lexicon) {
    let published = doc.meta.published;
    let mut found: Vec<(u32, Range<usize>, ResolvedDate, dates::Reading)> = Vec::new();
    let mut scratch = dates::Scratch::default();
    let sentences_with_events: Vec<u32> = {
        let mut v: Vec<u32> = doc.events.iter().map(|e| e.sentence).collect();
        v.dedup();
        v
    };
    for &si in &sentences_with_events {
        let range = doc.sentences[si as usize].token_range();
        for (r, date, reading) in dates::find(doc, lex, range, published, &mut scratch) {
            found.push((si, r, date, reading));
        }
    }
    let mut events = std::mem::take(&mut doc.events);
    // The day of the latest event dated in the text, for the undated events of the next few
    // sentences ("A crowd gathered outside the theatre on Friday evening. … Police detained
    // him.").
    let mut scene: Option<(ResolvedDate, u32, Option<u32>)> = None;
    let mut scratch_word = String::new();
    // The latest date the text gave an event of its own, for "said at the time".
    let mut told: Option<(ResolvedDate, u32)> = None;
    let mut previous: Option<u32> = None;
    let leads = lead_paragraphs(doc);
    let mut start = 0;
    while start < events.len() {
        let sentence = events[start].sentence;
        let end = start + events[start..].partition_point(|e| e.sentence == sentence);
        // A sentence the coder found no event in can still set the day of the story: "A crowd
        // gathered outside the theatre on Friday evening. Videos showed protesters trying to
        // enter the venue."
        let gap = previous
            .map_or(0, |p| p + 1)
            .max(sentence.saturating_sub(CARRY_SENTENCES));
        if let Some(day) = (gap..sentence)
            .rev()
            .filter(|&k| scene.is_none_or(|(_, from, _)| from < k))
            .find_map(|k| scene_of_eventless(doc, lex, k, published, &mut scratch))
        {
            scene = Some(day);
        }
        previous = Some(sentence);
        let dates = of_sentence(&found, sentence, |d| d.0);
        let parsed = doc
            .parse
            .covers(doc.sentences[sentence as usize].token_range());
        let mut dated = false;
        // Events timed from a time the story has not told ("the next day" with no day before
        // it): no date is known, not even the publication day.
        let mut untimed: Vec<u32> = Vec::new();
        for e in &mut events[start..end] {
            let own = dates
                .iter()
                .filter_map(|(_, r, d, reading)| {
                    let rank = if parsed {
                        let dated = dated_event(doc, r)?;
                        let trigger = e.trigger_token as usize;
                        // An event noun is dated by the verb it is the subject of: "the
                        // invasion began in 2022", "talks took place on Monday".
                        let of_noun = !doc.parse.is_verb(trigger)
                            && doc.parse.head(trigger) == Some(dated)
                            && trigger < dated;
                        // A verb without a subject of its own shares the time of the verb it
                        // hangs on ("Spain on Monday began demanding a test"), and an event noun
                        // the time of the act it is the object of ("Bihar on Wednesday
                        // announced a lockdown"), unless it has a time of its own.
                        let shares = doc.parse.occasion_of(trigger) == Some(dated);
                        if dated == trigger || of_noun {
                            0
                        } else if shares {
                            1
                        } else if e.modality == Modality::Asserted
                            && in_attribution(doc, e, r)
                            && news_of_the_day(*d, published)
                        {
                            // "…, according to court filings Friday": what the source made
                            // known it made known on its day (not "according to a 2019
                            // report", which need not date the event).
                            2
                        } else {
                            return None;
                        }
                    } else {
                        let clause = e.clause.start as usize..e.clause.end as usize;
                        distance(&clause, e.trigger_token as usize, r)?
                    };
                    Some((rank, *d, *reading))
                })
                .min_by_key(|(rank, _, _)| *rank);
            let own = own.and_then(|(_, d, reading)| match (reading, published, e.modality) {
                // "He was charged two days later": from the time told before, if any.
                (dates::Reading::FromTold(count, unit), _, _) => {
                    // The latest time told, by an event or by a sentence without one ("The
                    // weather turned on 3 May. … Police arrested him the same day").
                    let latest = [scene.map(|(d, at, _)| (at, d)), told.map(|(d, at)| (at, d))]
                        .into_iter()
                        .flatten()
                        .max_by_key(|&(at, _)| at)
                        .map(|(_, d)| d);
                    let counted = latest.and_then(|t| dates::from_told(t, count, unit));
                    if counted.is_none() {
                        untimed.push(e.trigger_token);
                    }
                    counted.map(|c| ResolvedDate { span: d.span, ..c })
                }
                // "two days after the election": a time given, but not one known here.
                (dates::Reading::FromNamed, _, _) => {
                    untimed.push(e.trigger_token);
                    None
                }
                // "will meet on Thursday", "plans to start in January": the coming one.
                (_, Some(p), m) if m != Modality::Asserted => Some(dates::forward(d, reading, p)),
                _ => Some(d),
            });
            e.date = own;
            if let Some(d) = own {
                dated = true;
                told = Some((d, sentence));
                if e.modality == Modality::Asserted && news_of_the_day(d, published) {
                    scene = Some((d, sentence, e.source.actor));
                }
            }
        }
        // Undated events reported as fact happened on the day of an event dated just before
        // (when nothing in their own sentence is dated), or else on the publication date; what
        // is only intended, requested or supposed gets no date.
        let publication = published.map(|date| ResolvedDate {
            date,
            precision: DatePrecision::Day,
            span: None,
            until: None,
        });
        let recent = scene.filter(|(_, from, _)| {
            !dated && sentence > *from && sentence - from <= CARRY_SENTENCES
        });
        for e in events[start..end]
            .iter_mut()
            .filter(|e| e.date.is_none() && !untimed.contains(&e.trigger_token))
        {
            if timed_earlier(doc, lex, e, &mut scratch_word) {
                // "Trump announced the ban in September. … Azar said at the time": the time
                // told before, if it was told just before; never the day of the report.
                e.date = told
                    .filter(|(_, from)| *from < sentence && sentence - from <= EARLIER_TIME_REACH)
                    .map(|(d, _)| d);
            } else if reported_as_news(e)
                && !vaguely_timed(doc, lex, e, &mut scratch_word)
                && !told_as_background(doc, e, &leads)
            {
                // The story goes on ("A crowd gathered on Friday evening. … Police detained
                // him."), but a statement by someone else is the reporter's news of the day:
                // "… confirmed on Saturday. Day said he would announce plans."
                // What the present tense tells ("the group says", "the patrol provides
                // security") holds now, not on the day told before.
                let present = doc.parse.has(e.trigger_token as usize, Parse::PRESENT);
                let carried = recent
                    .filter(|(_, _, doer)| {
                        !present
                            && (!is_statement(e) || (doer.is_some() && *doer == e.source.actor))
                    })
                    .map(|(d, _, _)| d);
                e.date = carried.or(publication);
            }
        }
        start = end;
    }
    doc.events = events;
    places::attach(doc, lex);
}

/// The day a sentence of the body without events tells of, as a scene for the events after it:
/// its one date of day precision within the news of the day, on its verb when the sentence was
/// parsed.
fn scene_of_eventless(
    doc: &Document,
    lex: &Lexicon,
    sentence: u32,
    published: Option<Date>,
    scratch: &mut dates::Scratch,
) -> Option<(ResolvedDate, u32, Option<u32>)> {
    // A headline or a photo caption is no part of the story's telling.
    if doc.sentences[sentence as usize].kind != readout_doc::Kind::Body {
        return None;
    }
    let range = doc.sentences[sentence as usize].token_range();
    let parsed = doc.parse.covers(range.clone());
    let days: Vec<ResolvedDate> = dates::find(doc, lex, range, published, scratch)
        .into_iter()
        .filter(|(r, d, reading)| {
            !matches!(
                reading,
                dates::Reading::FromTold(..) | dates::Reading::FromNamed
            ) && news_of_the_day(*d, published)
                && (!parsed || dated_event(doc, r).is_some_and(|v| doc.parse.is_verb(v)))
        })
        .map(|(_, d, _)| d)
        .collect();
    match days.as_slice() {
        [day] => Some((*day, sentence, None)),
        _ => None,
    }
}

/// Whether an undated event is reported as having happened on the day of the report: asserted
/// acts are. The simple present does not tell: news writing uses it for the day's news ("The
/// Home Office says") as often as for what holds now; the perfect tenses do (see
/// [`told_as_background`]).
fn reported_as_news(e: &Event) -> bool {
    e.modality == Modality::Asserted
}

/// The paragraphs that open a story: the first of the body, and each that opens with a
/// dateline (a round-up of news from several places opens several stories).
fn lead_paragraphs(doc: &Document) -> Vec<u32> {
    let first = doc
        .sentences
        .iter()
        .find(|s| s.kind == readout_doc::Kind::Body)
        .map(|s| s.paragraph);
    let datelines = doc
        .datelines
        .iter()
        .filter_map(|(s, _)| doc.sentences.get(*s as usize))
        .map(|s| s.paragraph);
    first.into_iter().chain(datelines).collect()
}

/// Whether an undated event is told in a tense that sets it before the day of the report: the
/// past perfect ("had warned") anywhere, and the present perfect ("have rejected", "has said")
/// after the lead. News writing opens with the present perfect for the day's news ("The
/// Senate has approved the nomination"), but after the lead it tells what happened at some
/// time before ("Airlines have reacted strongly", "Sweden has reported 201,000 cases"), which
/// the text does not date.
fn told_as_background(doc: &Document, e: &Event, leads: &[u32]) -> bool {
    let t = e.trigger_token as usize;
    let in_lead = || leads.contains(&doc.sentences[e.sentence as usize].paragraph);
    doc.parse.has(t, Parse::PAST_PERFECT) || (doc.parse.has(t, Parse::PERFECT) && !in_lead())
}

/// Whether the event is a statement of cooperation (quad class 1: statements, appeals,
/// intentions, praise: "said", "vowed to", "praised"), which a report dates to its own day
/// rather than to an act told before it. Criticism and threats are often the reaction to that
/// act on its day ("troops attacked on Friday … Orlov condemned the attack"), so they go on
/// with it.
fn is_statement(e: &Event) -> bool {
    e.quad_class == 1
}

/// Whether the time over tokens `r` is within the words naming the event's source ("according
/// to court filings Friday", "citing a statement on Monday").
fn in_attribution(doc: &Document, e: &Event, r: &Range<usize>) -> bool {
    e.attribution.as_ref().is_some_and(|a| {
        let (first, last) = (doc.tokens[r.start].span, doc.tokens[r.end - 1].span);
        a.span.start <= first.start && last.end <= a.span.end
    })
}

/// Whether a word of vague time ("recently", the lexicon's `vague-time` records) hangs on the
/// event's word: then no day is known, not even the publication day.
fn vaguely_timed(doc: &Document, lex: &Lexicon, e: &Event, scratch: &mut String) -> bool {
    near_dependents(doc, e).any(|t| {
        lex.vague_times
            .contains(&lex.word_id(doc.token_text(t), scratch))
    })
}

/// The words near the event's word that hang on it in the parse. Adverbs and phrases of time
/// stand next to their verb; a few words either side keep this constant-time in a sentence of
/// any length.
fn near_dependents<'d>(doc: &'d Document, e: &Event) -> impl Iterator<Item = usize> + 'd {
    let trigger = e.trigger_token as usize;
    let sentence = doc.sentences[e.sentence as usize].token_range();
    let near = trigger.saturating_sub(VAGUE_TIME_REACH).max(sentence.start)
        ..(trigger + VAGUE_TIME_REACH + 1).min(sentence.end);
    near.filter(move |&t| doc.parse.head(t) == Some(trigger))
}

/// Whether a phrase pointing back to a time already told ("at the time", the lexicon's
/// `earlier-time` records) hangs on the event's word.
fn timed_earlier(doc: &Document, lex: &Lexicon, e: &Event, scratch: &mut String) -> bool {
    if lex.earlier_times.is_empty() {
        return false;
    }
    let sentence = doc.sentences[e.sentence as usize].token_range();
    near_dependents(doc, e).any(|last| {
        lex.earlier_times.iter().any(|phrase| {
            let Some(first) = (last + 1).checked_sub(phrase.len()) else {
                return false;
            };
            first >= sentence.start
                && (first..=last)
                    .zip(phrase)
                    .all(|(t, &id)| lex.word_id(doc.token_text(t), scratch) == id)
        })
    })
}

/// Most sentences back the time an "at the time" points to may have been told.
const EARLIER_TIME_REACH: u32 = 3;

/// How many words from its verb a word of vague time is looked for.
const VAGUE_TIME_REACH: usize = 4;

/// Most sentences a date carries over to later undated events.
const CARRY_SENTENCES: u32 = 2;
/// A date this many days before publication, or one day after, is news of the day.
const NEWS_DAYS_BEFORE: i64 = 7;
const NEWS_DAYS_AFTER: i64 = 1;

/// Whether a date is a day within the week before publication (or the day after).
fn news_of_the_day(d: ResolvedDate, published: Option<Date>) -> bool {
    let Some(p) = published else { return false };
    let days = d.date.to_days() - p.to_days();
    d.precision == DatePrecision::Day && (-NEWS_DAYS_BEFORE..=NEWS_DAYS_AFTER).contains(&days)
}

/// The word a temporal expression dates, by the parse: the verb or event noun its phrase hangs
/// on ("said on Monday", "talks on Monday"), or the verb of the noun it follows ("said in a
/// statement Friday", "Bihar on Wednesday announced"). An expression before its noun dates only
/// the noun ("last year's election", "her Oct. 30 order"), unless the two make one phrase of
/// time hung on a verb ("disclosed it Friday afternoon").
fn dated_event(doc: &Document, expression: &Range<usize>) -> Option<usize> {
    let parse = &doc.parse;
    let head = expression
        .clone()
        .find(|&t| parse.head(t).is_none_or(|h| !expression.contains(&h)))?;
    let up = parse.head(head)?;
    if parse.is_verb(up) {
        // "Biden said Thursday he believes …": a parser often hangs a bare time that follows a
        // verb on the clause reported after it, but a time between a verb and the subject of
        // its complement dates the verb.
        if let Some(outer) = parse.head(up) {
            if outer + 1 == expression.start && expression.end <= up && parse.is_verb(outer) {
                return Some(outer);
            }
        }
        return Some(up);
    }
    if up > head {
        return match parse.head(up) {
            Some(verb) if up == expression.end && parse.is_oblique(up) => Some(verb),
            _ => Some(up),
        };
    }
    match parse.head(up) {
        Some(verb) if parse.is_verb(verb) => Some(verb),
        _ => Some(up),
    }
}
