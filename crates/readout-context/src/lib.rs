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

use readout_doc::{DatePrecision, Document, Location, ResolvedDate};
use readout_lexicon::Lexicon;

/// Attaches dates and locations to every event of the document.
pub fn resolve(doc: &mut Document, lex: &Lexicon) {
    let published = doc.meta.published;
    let mut found: Vec<(usize, std::ops::Range<usize>, ResolvedDate)> = Vec::new();
    let mut scratch = dates::Scratch::default();
    for (si, s) in doc.sentences.iter().enumerate() {
        for (range, date) in dates::find(doc, lex, s.token_range(), published, &mut scratch) {
            found.push((si, range, date));
        }
    }
    let nearest = |clause: &std::ops::Range<usize>,
                   trigger: usize,
                   start: usize,
                   end: usize|
     -> Option<usize> {
        (clause.start <= start && end <= clause.end).then(|| {
            if start >= trigger {
                start - trigger
            } else {
                (trigger - end) + 2
            }
        })
    };
    for e in doc.events.iter_mut() {
        let clause = e.clause.start as usize..e.clause.end as usize;
        let trigger = e.trigger_token as usize;
        let best = found
            .iter()
            .filter(|(si, _, _)| *si == e.sentence as usize)
            .filter_map(|(_, r, d)| {
                nearest(&clause, trigger, r.start, r.end).map(|dist| (dist, *d))
            })
            .min_by_key(|(dist, _)| *dist)
            .map(|(_, d)| d);
        e.date = best.or(published.map(|date| ResolvedDate {
            date,
            precision: DatePrecision::Day,
            span: None,
        }));
        let place = doc
            .places
            .iter()
            .filter(|p| p.sentence == e.sentence && p.locative)
            .filter_map(|p| {
                nearest(
                    &clause,
                    trigger,
                    p.tokens.start as usize,
                    p.tokens.end as usize,
                )
                .map(|d| (d, p))
            })
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
}
