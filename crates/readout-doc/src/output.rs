//! Output contract v1: the JSON object `readout code` writes for each input document.
//!
//! The field names here are a public contract (see DESIGN.md): fields may be added, but renaming
//! or removing one needs a note on the issue tracker.

use serde::Serialize;

use crate::{Document, Kind};

#[derive(Serialize, Debug)]
pub struct OutputDocument<'a> {
    pub id: &'a str,
    pub article: OutputArticle<'a>,
    pub sentences: Vec<OutputSentence<'a>>,
    pub actors: Vec<OutputActor<'a>>,
    pub events: Vec<OutputEvent<'a>>,
    pub quotes: Vec<OutputQuote<'a>>,
}

#[derive(Serialize, Debug)]
pub struct OutputArticle<'a> {
    pub title: Option<&'a str>,
    pub published: Option<String>,
    pub url: Option<&'a str>,
    pub publisher: Option<&'a str>,
    pub credits: &'a [String],
    pub language: &'a str,
    pub body: String,
    pub captions: Vec<&'a str>,
    pub boilerplate: &'a [String],
    pub dateline: Option<&'a str>,
}

#[derive(Serialize, Debug)]
pub struct OutputSentence<'a> {
    pub index: usize,
    pub kind: &'static str,
    pub text: &'a str,
}

#[derive(Serialize, Debug)]
pub struct OutputMention<'a> {
    pub sentence: u32,
    pub text: &'a str,
}

#[derive(Serialize, Debug)]
pub struct OutputActor<'a> {
    pub id: String,
    pub name: &'a str,
    pub code: &'a str,
    pub country: Option<&'a str>,
    /// True when the country comes from the article rather than the mention's own words.
    pub country_inferred: bool,
    pub sectors: &'a [String],
    pub mentions: Vec<OutputMention<'a>>,
}

#[derive(Serialize, Debug)]
pub struct OutputSide<'a> {
    pub code: &'a str,
    pub actor: Option<String>,
    pub text: &'a str,
}

#[derive(Serialize, Debug)]
pub struct OutputLocation<'a> {
    pub name: &'a str,
    pub country: Option<&'a str>,
    pub lat: f64,
    pub lon: f64,
    /// `country`, `division` (state, province, region), `city` or `site`.
    pub kind: &'static str,
    /// `text` (a locative phrase of the event's clause), `dateline`, or `earlier` (the place
    /// of an earlier event of the same day).
    pub how: &'static str,
    /// The words that name the place.
    pub text: Option<&'a str>,
}

#[derive(Serialize, Debug)]
pub struct OutputAttribution<'a> {
    pub text: &'a str,
    pub code: Option<&'a str>,
}

#[derive(Serialize, Debug)]
pub struct OutputEvent<'a> {
    pub id: String,
    pub sentence: u32,
    pub code: &'a str,
    pub root: &'a str,
    pub quad_class: u8,
    /// The class in the five-way scheme of CAMEO annotators (0 statement, 1 verbal
    /// cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict).
    pub penta: u8,
    pub goldstein: f32,
    pub plover: Option<&'a str>,
    pub source: OutputSide<'a>,
    pub target: Option<OutputSide<'a>>,
    pub trigger: &'a str,
    pub date: Option<String>,
    pub date_precision: Option<&'static str>,
    /// The words the date was resolved from; `null` when it is the publication date.
    pub date_text: Option<&'a str>,
    pub location: Option<OutputLocation<'a>>,
    pub negated: bool,
    pub modality: &'static str,
    pub attribution: Option<OutputAttribution<'a>>,
}

#[derive(Serialize, Debug)]
pub struct OutputSpeaker<'a> {
    pub name: Option<&'a str>,
    pub code: Option<&'a str>,
    pub text: &'a str,
}

#[derive(Serialize, Debug)]
pub struct OutputQuote<'a> {
    pub sentence: u32,
    pub text: &'a str,
    pub speaker: OutputSpeaker<'a>,
    pub attribution: Option<&'a str>,
}

/// The annotators' five-way class of a CAMEO root (see the cameo-gold README): statements
/// are class 0, and roots 14 and 16 sit where the coders put them.
pub fn penta_class(root: u8) -> u8 {
    match root {
        1 | 2 => 0,
        3..=5 => 1,
        6..=8 => 2,
        9..=13 | 16 => 3,
        _ => 4,
    }
}

fn actor_id(index: u32) -> String {
    format!("a{}", index + 1)
}

impl<'a> OutputDocument<'a> {
    pub fn new(doc: &'a Document) -> OutputDocument<'a> {
        let meta = &doc.meta;
        let article = OutputArticle {
            title: meta.title.as_deref(),
            published: meta.published.map(|d| d.to_string()),
            url: meta.url.as_deref(),
            publisher: meta.publisher.as_deref(),
            credits: &meta.credits,
            language: &meta.language,
            body: doc.joined(Kind::Body).join("\n\n"),
            captions: doc.joined(Kind::Caption),
            boilerplate: &meta.boilerplate,
            dateline: meta.dateline.as_deref(),
        };
        let sentences = doc
            .sentences
            .iter()
            .enumerate()
            .map(|(index, s)| OutputSentence {
                index,
                kind: s.kind.as_str(),
                text: doc.slice(s.span),
            })
            .collect();
        let mut actors: Vec<OutputActor> = doc
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| OutputActor {
                id: actor_id(i as u32),
                name: &a.name,
                code: &a.code,
                country: a.country.as_deref(),
                country_inferred: a.country_inferred,
                sectors: &a.sectors,
                mentions: Vec::new(),
            })
            .collect();
        for m in &doc.mentions {
            actors[m.actor as usize].mentions.push(OutputMention {
                sentence: m.sentence,
                text: doc.slice(m.span),
            });
        }
        // An actor whose only mention was re-resolved ("the ministry" → "the ministry in
        // Manila") and that no event or quote refers to is not listed.
        let mut used = vec![false; actors.len()];
        for e in &doc.events {
            for a in [
                e.source.actor,
                e.target.as_ref().and_then(|t| t.actor),
                e.attribution.as_ref().and_then(|a| a.actor),
            ]
            .into_iter()
            .flatten()
            {
                used[a as usize] = true;
            }
        }
        for q in &doc.quotes {
            if let Some(a) = q.speaker {
                used[a as usize] = true;
            }
        }
        let actors: Vec<OutputActor> = actors
            .into_iter()
            .zip(used)
            .filter(|(a, used)| *used || !a.mentions.is_empty())
            .map(|(a, _)| a)
            .collect();
        let side = |p: &'a crate::Participant| OutputSide {
            code: &p.code,
            actor: p.actor.map(actor_id),
            text: doc.slice(p.span),
        };
        let events = doc
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let root = &e.code[..2];
                OutputEvent {
                    id: format!("e{}", i + 1),
                    sentence: e.sentence,
                    code: &e.code,
                    root,
                    quad_class: e.quad_class,
                    penta: penta_class(root.parse().unwrap_or(0)),
                    goldstein: e.goldstein,
                    plover: e.plover.as_deref(),
                    source: side(&e.source),
                    target: e.target.as_ref().map(side),
                    trigger: doc.slice(e.trigger),
                    date: e.date.map(|d| d.date.to_string()),
                    date_precision: e.date.map(|d| d.precision.as_str()),
                    date_text: e.date.and_then(|d| d.span).map(|s| doc.slice(s)),
                    location: e.location.as_ref().map(|l| OutputLocation {
                        name: &l.name,
                        country: l.country.as_deref(),
                        lat: l.lat,
                        lon: l.lon,
                        kind: l.kind.as_str(),
                        how: l.how.as_str(),
                        text: match l.span {
                            Some(s) => Some(doc.slice(s)),
                            None => doc.meta.dateline.as_deref(),
                        },
                    }),
                    negated: e.negated,
                    modality: e.modality.as_str(),
                    attribution: e.attribution.as_ref().map(|a| OutputAttribution {
                        text: doc.slice(a.span),
                        code: a.actor.map(|i| doc.actors[i as usize].code.as_str()),
                    }),
                }
            })
            .collect();
        let quotes = doc
            .quotes
            .iter()
            .map(|q| {
                let actor = q.speaker.map(|i| &doc.actors[i as usize]);
                OutputQuote {
                    sentence: q.sentence,
                    text: doc.slice(q.span),
                    speaker: OutputSpeaker {
                        name: actor.map(|a| a.name.as_str()),
                        code: actor.map(|a| a.code.as_str()),
                        text: q.speaker_span.map(|s| doc.slice(s)).unwrap_or(""),
                    },
                    attribution: q.attribution.map(|s| doc.slice(s)),
                }
            })
            .collect();
        OutputDocument {
            id: &doc.id,
            article,
            sentences,
            actors,
            events,
            quotes,
        }
    }
}
