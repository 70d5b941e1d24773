//! Output contract v1: the JSON object `readout code` writes for each input document.
//!
//! The field names here are a public contract (see DESIGN.md): fields may be added, but renaming
//! or removing one needs a note on the issue tracker.

use serde::Serialize;

use crate::{Document, Kind};

/// The JSON object for one coded document: one line of `readout code`'s JSON Lines output. It
/// borrows from the [`Document`] it was built from.
#[derive(Serialize, Debug)]
pub struct OutputDocument<'a> {
    /// The input's `id`, unchanged.
    pub id: &'a str,
    /// The article's metadata and clean text.
    pub article: OutputArticle<'a>,
    /// Every sentence, in order; the `sentence` fields elsewhere are indices into this list.
    pub sentences: Vec<OutputSentence<'a>>,
    /// The actors the text mentions or an event or quote refers to.
    pub actors: Vec<OutputActor<'a>>,
    /// The coded events, in sentence order.
    pub events: Vec<OutputEvent<'a>>,
    /// The direct quotations, one record per sentence a quotation covers.
    pub quotes: Vec<OutputQuote<'a>>,
}

/// The `article` object: the publication metadata and the cleaned page, split into body,
/// captions and what was removed.
#[derive(Serialize, Debug)]
pub struct OutputArticle<'a> {
    /// The headline; `null` when the input has none.
    pub title: Option<&'a str>,
    /// The publication date as `YYYY-MM-DD`; `null` when unknown (then events the text does not
    /// date stay undated).
    pub published: Option<String>,
    /// Where the page gave its publication date ("JSON-LD datePublished", "URL", …); `null`
    /// when the date came from the input record, `--date`, or nowhere.
    pub published_from: Option<&'a str>,
    /// The article's address; `null` when unknown.
    pub url: Option<&'a str>,
    /// The outlet that published the article; `null` when the page does not say.
    pub publisher: Option<&'a str>,
    /// The people who wrote the article; empty when neither the page nor the record names them.
    pub authors: &'a [String],
    /// Wire and agency credits ("AFP", "Reuters"); empty when there are none.
    pub credits: &'a [String],
    /// The article's language, ISO 639-1 ("en", "de"): detected from the text when that is
    /// clear, else the page's declared language, else "en". Only English is coded for events.
    pub language: &'a str,
    /// The body paragraphs joined by blank lines: no title, captions or page furniture.
    pub body: String,
    /// The photo captions and credits, one string per caption paragraph.
    pub captions: Vec<&'a str>,
    /// Page furniture removed from the body: sign-up prompts, badges, share widgets…
    pub boilerplate: &'a [String],
    /// The wire dateline cut from the first paragraph ("BAGHDAD, April 9 (Xinhua)"); `null`
    /// when there is none.
    pub dateline: Option<&'a str>,
}

impl<'a> OutputArticle<'a> {
    /// The `article` object of a document: what `readout code` and `readout extract` both
    /// write.
    pub fn new(doc: &'a Document) -> OutputArticle<'a> {
        let meta = &doc.meta;
        OutputArticle {
            title: meta.title.as_deref(),
            published: meta.published.map(|d| d.to_string()),
            published_from: meta.published_from.as_deref(),
            url: meta.url.as_deref(),
            publisher: meta.publisher.as_deref(),
            authors: &meta.authors,
            credits: &meta.credits,
            language: &meta.language,
            body: doc.joined(Kind::Body).join("\n\n"),
            captions: doc.joined(Kind::Caption),
            boilerplate: &meta.boilerplate,
            dateline: meta.dateline.as_deref(),
        }
    }
}

/// One sentence of the document, the evidence events and quotes point to.
#[derive(Serialize, Debug)]
pub struct OutputSentence<'a> {
    /// The sentence's position, from 0: what the `sentence` fields of mentions, events and
    /// quotes refer to.
    pub index: usize,
    /// `title`, `body` or `caption` (see [`Kind`]).
    pub kind: &'static str,
    /// The sentence's text.
    pub text: &'a str,
}

/// One place in the text that refers to an actor.
#[derive(Serialize, Debug)]
pub struct OutputMention<'a> {
    /// Index of the sentence in `sentences`.
    pub sentence: u32,
    /// The words that refer to the actor ("Mr Wang", "he", "the Kremlin").
    pub text: &'a str,
}

/// One actor of the document, with its mentions.
#[derive(Serialize, Debug)]
pub struct OutputActor<'a> {
    /// The actor's id within this document (`a1`, `a2`, …), what event sides refer to. Ids
    /// follow the document's actor list, so an actor left out of the output leaves a gap.
    pub id: String,
    /// The actor's display name: the lexicon's canonical name, or the words of the text for an
    /// actor the lexicon does not list.
    pub name: &'a str,
    /// The CAMEO actor code: country (or IGO) prefix and sector codes, e.g. `CHNGOV`.
    pub code: &'a str,
    /// The ISO 3166 alpha-3 country code; `null` for an international body or an actor whose
    /// country is unknown.
    pub country: Option<&'a str>,
    /// True when the country comes from the article rather than the mention's own words.
    pub country_inferred: bool,
    /// Sector codes (`GOV`, `MIL`, `MED`, `IGO`…); empty for a country or a person without a
    /// role.
    pub sectors: &'a [String],
    /// Every place in the text that refers to the actor, in order; empty for an actor that
    /// only an event or quote refers to.
    pub mentions: Vec<OutputMention<'a>>,
}

/// The `source` or `target` of an event.
#[derive(Serialize, Debug)]
pub struct OutputSide<'a> {
    /// The side's CAMEO actor code (`CHNGOV`); empty when the text does not name the doer.
    pub code: &'a str,
    /// The id of the actor in `actors` (`a1`); `null` when the side has no actor.
    pub actor: Option<String>,
    /// The words that name the side; empty when the text does not name it.
    pub text: &'a str,
}

/// Where an event happened.
#[derive(Serialize, Debug)]
pub struct OutputLocation<'a> {
    /// The place's name as the gazetteer spells it.
    pub name: &'a str,
    /// The ISO 3166 alpha-3 code of the place's country; `null` if unknown.
    pub country: Option<&'a str>,
    /// Latitude in decimal degrees, north positive; `null` for a site the gazetteer does not
    /// know, which the text names but does not locate.
    pub lat: Option<f64>,
    /// Longitude in decimal degrees, east positive; `null` with `lat`.
    pub lon: Option<f64>,
    /// `country`, `division` (state, province, region), `city` or `site`.
    pub kind: &'static str,
    /// `text` (a locative phrase of the event's clause), `dateline`, or `earlier` (the place
    /// of an earlier event of the same day).
    pub how: &'static str,
    /// The words that name the place (for a dateline place, the dateline); `null` when the
    /// page lost the dateline the place came from.
    pub text: Option<&'a str>,
    /// The place's GeoNames id (geonames.org), when the gazetteer entry comes from GeoNames.
    pub geonames_id: Option<u32>,
}

/// Who says an event happened.
#[derive(Serialize, Debug)]
pub struct OutputAttribution<'a> {
    /// The words that name the source ("TASS", "local media").
    pub text: &'a str,
    /// The source's CAMEO actor code; `null` when the words resolve to no actor.
    pub code: Option<&'a str>,
}

/// One coded event: who did what to whom, when and where, with its evidence sentence.
#[derive(Serialize, Debug)]
pub struct OutputEvent<'a> {
    /// The event's id within this document (`e1`, `e2`, …), in order.
    pub id: String,
    /// Index of the evidence sentence in `sentences`.
    pub sentence: u32,
    /// The CAMEO event code, 2 to 4 digits with its leading zero (`043`).
    pub code: &'a str,
    /// The code's two-digit CAMEO root (`04`).
    pub root: &'a str,
    /// GDELT's QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict.
    pub quad_class: u8,
    /// The class in the five-way scheme of CAMEO annotators (0 statement, 1 verbal
    /// cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict).
    pub penta: u8,
    /// The code's Goldstein score, from -10 (most conflictual) to +10 (most cooperative).
    pub goldstein: f32,
    /// The closest PLOVER event type; `null` where there is none (public statements).
    pub plover: Option<&'a str>,
    /// The actor that acts.
    pub source: OutputSide<'a>,
    /// The actor acted on or towards; `null` for an event without one.
    pub target: Option<OutputSide<'a>>,
    /// The words that express the event (a verb such as "met", or an event noun).
    pub trigger: &'a str,
    /// When the event happened, as `YYYY-MM-DD` (the first day of the week, month or year for
    /// a coarser precision); `null` when undated.
    pub date: Option<String>,
    /// `day`, `week`, `month` or `year`; `null` exactly when `date` is.
    pub date_precision: Option<&'static str>,
    /// The last day (week, month, year) of a span of time the date begins ("from July 10 to
    /// July 16" → `date` 07-10, `date_until` 07-16), at `date_precision`; `null` for a single
    /// time.
    pub date_until: Option<String>,
    /// The words the date was resolved from; `null` when it is the publication date.
    pub date_text: Option<&'a str>,
    /// Where the event happened; `null` when nothing places it.
    pub location: Option<OutputLocation<'a>>,
    /// True when the text says the event did not happen ("has never condemned").
    pub negated: bool,
    /// `asserted`, `hypothetical`, `intended`, `conditional` or `requested` (see
    /// [`crate::Modality`]).
    pub modality: &'static str,
    /// Who says the event happened; `null` when the text reports it on its own authority.
    pub attribution: Option<OutputAttribution<'a>>,
}

/// Who said a quotation.
#[derive(Serialize, Debug)]
pub struct OutputSpeaker<'a> {
    /// The speaker actor's display name; `null` when the speaker resolves to no actor.
    pub name: Option<&'a str>,
    /// The speaker actor's CAMEO actor code; `null` when the speaker resolves to no actor.
    pub code: Option<&'a str>,
    /// The words that name the speaker ("Mr Shoigu", "a source close to Macron"); empty when
    /// nobody is named.
    pub text: &'a str,
}

/// The part of a direct quotation that lies in one sentence.
#[derive(Serialize, Debug)]
pub struct OutputQuote<'a> {
    /// Index of the sentence in `sentences`.
    pub sentence: u32,
    /// The quoted words, without the quotation marks.
    pub text: &'a str,
    /// Who said it.
    pub speaker: OutputSpeaker<'a>,
    /// The source an "according to" phrase names; `null` when there is none.
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
    /// Builds the output of a coded document. Actors that no mention, event or quote refers
    /// to are left out.
    pub fn new(doc: &'a Document) -> OutputDocument<'a> {
        let article = OutputArticle::new(doc);
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
                    date_until: e.date.and_then(|d| d.until).map(|d| d.to_string()),
                    date_text: e.date.and_then(|d| d.span).map(|s| doc.slice(s)),
                    location: e.location.as_ref().map(|l| OutputLocation {
                        name: &l.name,
                        country: l.country.as_deref(),
                        lat: l.lat,
                        lon: l.lon,
                        kind: l.kind.as_str(),
                        how: l.how.as_str(),
                        geonames_id: l.geonames_id,
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
