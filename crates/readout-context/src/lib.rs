//! Context: when and where each event happened.
//!
//! Takes a coded [`Document`] (events carry the token range of their clause) and the lexicon's
//! date words; gives every event a date and a location:
//! - [`dates`] finds temporal expressions ("on Feb 1", "September 10, 2024", "this week",
//!   "in early 2022", "on Monday") and resolves them against the publication date, with a
//!   precision. An event takes the expression in its own clause nearest its trigger; without
//!   one, the publication date (with `date_text` empty, so a reader can tell).
//! - [`places`]: an event takes the place its own clause says it happened at (through the
//!   parse), else, as news of the day, the place of an event just before it or the story's
//!   dateline.

pub mod dates;
pub mod places;

use places::{distance, of_sentence};
use readout_doc::{DatePrecision, Document, ResolvedDate};
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
    }
    doc.events = events;
    places::attach(doc);
}
