//! Context: when and where each event happened.
//!
//! Takes a coded [`Document`] (events carry the token range of their clause) and the lexicon's
//! date words; gives every event a date and a location:
//! - [`dates`] finds temporal expressions ("on Feb 1", "September 10, 2024", "this week",
//!   "in early 2022", "on Monday") and resolves them against the publication date, with a
//!   precision. An event takes the expression in its own clause nearest its trigger; without
//!   one, the publication date (with `date_text` empty, so a reader can tell).
//! - Places come from the actor stage's place mentions ("in Beijing", "in Florida"), resolved
//!   against the gazetteer; an event takes the locative place in its clause nearest its trigger.

pub mod dates;

use readout_doc::{DatePrecision, Document, Event, Location, PlaceMention, ResolvedDate};
use readout_lexicon::Lexicon;
use std::ops::Range;

/// Attaches dates and locations to every event of the document.
///
/// Dates, places, mentions and events are all in sentence order, so each event looks only at
/// its own sentence's slice of them: the work is linear in the document's length.
pub fn resolve(doc: &mut Document, lex: &Lexicon) {
    let published = doc.meta.published;
    let mut found: Vec<(u32, Range<usize>, ResolvedDate)> = Vec::new();
    let mut scratch = dates::Scratch::default();
    let sentences_with_events: Vec<u32> = {
        let mut v: Vec<u32> = doc.events.iter().map(|e| e.sentence).collect();
        v.dedup();
        v
    };
    for &si in &sentences_with_events {
        let range = doc.sentences[si as usize].token_range();
        for (r, date) in dates::find(doc, lex, range, published, &mut scratch) {
            found.push((si, r, date));
        }
    }
    let mut events = std::mem::take(&mut doc.events);
    let mut names = NameTokens::default();
    for e in events.iter_mut() {
        let clause = e.clause.start as usize..e.clause.end as usize;
        let trigger = e.trigger_token as usize;
        let dates = of_sentence(&found, e.sentence, |d| d.0);
        let best = dates
            .iter()
            .filter_map(|(_, r, d)| distance(&clause, trigger, r).map(|dist| (dist, *d)))
            .min_by_key(|(dist, _)| *dist)
            .map(|(_, d)| d);
        e.date = best.or(published.map(|date| ResolvedDate {
            date,
            precision: DatePrecision::Day,
            span: None,
        }));
        let in_name = names.of_sentence(doc, e.sentence);
        // The clause test is cheap and comes first: a sentence of thousands of words (a list of
        // headlines without full stops) has thousands of events and places.
        let place = of_sentence(&doc.places, e.sentence, |p| p.sentence)
            .iter()
            .filter(|p| p.locative)
            .filter_map(|p| {
                distance(
                    &clause,
                    trigger,
                    &(p.tokens.start as usize..p.tokens.end as usize),
                )
                .map(|d| (d, p))
            })
            .filter(|(_, p)| attaches(in_name, e, p))
            .min_by_key(|(d, _)| *d)
            .map(|(_, p)| p);
        e.location = place.map(|p| Location {
            name: p.name.clone(),
            country: p.country.clone(),
            lat: p.lat,
            lon: p.lon,
            span: p.span,
        });
    }
    doc.events = events;
}

/// The items of one sentence in a slice sorted by sentence.
fn of_sentence<T>(items: &[T], sentence: u32, key: impl Fn(&T) -> u32) -> &[T] {
    let start = items.partition_point(|x| key(x) < sentence);
    let end = start + items[start..].partition_point(|x| key(x) <= sentence);
    &items[start..end]
}

/// How far a phrase stands from the trigger, if it is inside the clause; phrases after the
/// trigger are preferred to phrases before it.
fn distance(clause: &Range<usize>, trigger: usize, phrase: &Range<usize>) -> Option<usize> {
    if phrase.start < clause.start || phrase.end > clause.end {
        return None;
    }
    Some(if phrase.start >= trigger {
        phrase.start - trigger
    } else {
        trigger - phrase.end + 2
    })
}

/// Most words a locative phrase may stand from its event's trigger, not counting the words
/// of actor names in between ("met [Russian Security Council secretary Sergei Shoigu] in
/// Beijing"); farther places modify something else ("said … the conflict in Ukraine").
const MAX_PLACE_DISTANCE: usize = 4;

/// Which tokens of one sentence lie inside an actor mention, computed once per sentence (looking
/// through the sentence's mentions for every token was quadratic in a long sentence).
#[derive(Default)]
struct NameTokens {
    sentence: Option<u32>,
    /// The sentence's first token.
    first: usize,
    /// Indexed by token number less `first`.
    in_name: Vec<bool>,
}

impl NameTokens {
    fn of_sentence(&mut self, doc: &Document, sentence: u32) -> &Self {
        if self.sentence != Some(sentence) {
            let tokens = doc.sentences[sentence as usize].token_range();
            self.sentence = Some(sentence);
            self.first = tokens.start;
            self.in_name.clear();
            self.in_name.resize(tokens.len(), false);
            for m in of_sentence(&doc.mentions, sentence, |m| m.sentence) {
                let from =
                    doc.tokens[tokens.clone()].partition_point(|t| t.span.start < m.span.start);
                for (flag, token) in self.in_name[from..]
                    .iter_mut()
                    .zip(&doc.tokens[tokens.start + from..tokens.end])
                {
                    if token.span.end > m.span.end {
                        break;
                    }
                    *flag = true;
                }
            }
        }
        self
    }

    fn contains(&self, token: usize) -> bool {
        token
            .checked_sub(self.first)
            .and_then(|i| self.in_name.get(i))
            .copied()
            .unwrap_or(false)
    }
}

fn attaches(names: &NameTokens, e: &Event, p: &PlaceMention) -> bool {
    let (trigger, place) = (e.trigger_token as usize, p.tokens.start as usize);
    let (from, to) = if place > trigger {
        (trigger + 1, place)
    } else {
        (p.tokens.end as usize, trigger)
    };
    let mut words = 0;
    for t in from..to {
        if !names.contains(t) {
            words += 1;
            if words > MAX_PLACE_DISTANCE {
                return false;
            }
        }
    }
    true
}
