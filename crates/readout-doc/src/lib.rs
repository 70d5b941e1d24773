//! The shared document model of readout.
//!
//! Every pipeline stage (ingest → text → actors → events → context) enriches one [`Document`]
//! and never reaches back. The document owns its text once; everything else is a [`Span`]
//! (a byte range into [`Document::text`]) or an index into one of the document's vectors, so no
//! stage copies strings it can point at.
//!
//! - [`Document`]: text, paragraphs (with their [`Kind`]), sentences, tokens, actors, mentions,
//!   events and quotes.
//! - [`Date`]: a calendar date with the arithmetic date resolution needs.
//! - [`output`]: the stable JSON output contract (v1) built from a coded document.

mod date;
pub mod output;

pub use date::{Date, DateError};

use std::ops::Range;

/// A byte range into [`Document::text`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }
    /// Shifts a span that was computed relative to `base`.
    pub fn offset(self, base: usize) -> Span {
        Span {
            start: self.start + base as u32,
            end: self.end + base as u32,
        }
    }
}

/// What a paragraph (and each of its sentences) is. Captions and credits are kept but are never
/// coded as the day's events: an old file photo is not today's news.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Title,
    Body,
    Caption,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Title => "title",
            Kind::Body => "body",
            Kind::Caption => "caption",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Paragraph {
    pub span: Span,
    pub kind: Kind,
}

#[derive(Clone, Debug)]
pub struct Sentence {
    pub span: Span,
    pub kind: Kind,
    pub paragraph: u32,
    /// Indices into [`Document::tokens`].
    pub tokens: Range<u32>,
}

impl Sentence {
    pub fn token_range(&self) -> Range<usize> {
        self.tokens.start as usize..self.tokens.end as usize
    }
}

/// Token shape flags, computed once by the tokenizer.
pub mod token_flags {
    /// Starts with an uppercase letter.
    pub const CAPITALIZED: u8 = 1;
    /// Letters only, all uppercase, more than one letter ("NATO", "AFP").
    pub const ALL_CAPS: u8 = 2;
    /// Punctuation (a single non-alphanumeric character, or "...").
    pub const PUNCT: u8 = 4;
    /// Digits (possibly with separators).
    pub const NUMBER: u8 = 8;
    /// An opening or closing quotation mark.
    pub const QUOTE: u8 = 16;
    /// A word (letters, possibly with internal apostrophes, periods or digits).
    pub const WORD: u8 = 32;
}

#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub span: Span,
    pub flags: u8,
}

impl Token {
    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// Publication metadata and the parts of a page that are not the article body.
#[derive(Clone, Debug, Default)]
pub struct ArticleMeta {
    pub title: Option<String>,
    pub published: Option<Date>,
    pub url: Option<String>,
    pub publisher: Option<String>,
    /// Wire and agency credits ("AFP", "Reuters").
    pub credits: Vec<String>,
    pub language: String,
    /// Page furniture removed from the body: sign-up prompts, badges, share widgets…
    pub boilerplate: Vec<String>,
    /// A wire dateline cut from the first paragraph ("BAGHDAD, April 9 (Xinhua)").
    pub dateline: Option<String>,
}

/// A resolved actor: a person, an organisation, or a country with its sectors.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Actor {
    pub name: String,
    /// CAMEO-style code: country (or IGO) prefix followed by sector codes, e.g. `CHNGOV`.
    pub code: String,
    pub country: Option<String>,
    pub sectors: Vec<String>,
    /// A stable key that identifies the same real-world actor across mentions
    /// (a person's canonical name, an organisation's code and name, or the code).
    pub key: String,
    /// The country was not in the text of the mention but inferred from the article (its
    /// home country): "the government" in a British story is GBRGOV.
    pub country_inferred: bool,
    /// A person or body the lexicon does not list, coded from the words that name it.
    pub unlisted: bool,
}

/// One place in the text that refers to an actor.
#[derive(Clone, Debug)]
pub struct Mention {
    pub sentence: u32,
    pub span: Span,
    /// Index into [`Document::actors`].
    pub actor: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modality {
    Asserted,
    Hypothetical,
    Intended,
    Conditional,
    /// An action someone asked, urged or demanded another actor to take.
    Requested,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Hypothetical => "hypothetical",
            Modality::Intended => "intended",
            Modality::Conditional => "conditional",
            Modality::Requested => "requested",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    Year,
}

impl DatePrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Week => "week",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
        }
    }
}

/// A resolved temporal expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ResolvedDate {
    pub date: Date,
    pub precision: DatePrecision,
    /// The expression in the text, or `None` when the date is the publication date.
    pub span: Option<Span>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Location {
    pub name: String,
    pub country: Option<String>,
    pub lat: f64,
    pub lon: f64,
    /// The words that name the place (in the event's sentence, the dateline, or the earlier
    /// sentence the place was carried over from); `None` for a dateline the page lost.
    pub span: Option<Span>,
    /// What the place is: `country`, `state`, `province`, `region`, `city` or `site`.
    pub kind: PlaceKind,
    /// How the event got the place.
    pub how: LocationSource,
}

/// What a place is, from the largest to the smallest (GDELT's geo types, with `site` for
/// buildings and venues).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    /// A first-level division: a state, province or region.
    Division,
    City,
    Site,
}

impl PlaceKind {
    /// The gazetteer's kind word ("state", "province", "city", "site", …) as a kind.
    pub fn from_gazetteer(kind: &str) -> PlaceKind {
        match kind {
            "country" => PlaceKind::Country,
            "city" | "capital" => PlaceKind::City,
            "site" => PlaceKind::Site,
            _ => PlaceKind::Division,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Division => "division",
            PlaceKind::City => "city",
            PlaceKind::Site => "site",
        }
    }
}

/// How an event got its place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocationSource {
    /// A locative phrase of the event's own clause ("met in Geneva", "police in Kyiv said").
    Text,
    /// The wire dateline ("PARIS (Reuters) -"), for an event reported as news of the day.
    Dateline,
    /// The place of an event earlier in the article, for a later event of the same day
    /// whose sentence names no place.
    Earlier,
}

impl LocationSource {
    pub fn as_str(self) -> &'static str {
        match self {
            LocationSource::Text => "text",
            LocationSource::Dateline => "dateline",
            LocationSource::Earlier => "earlier",
        }
    }
}

/// One side of an event: the actor and the words that name it.
#[derive(Clone, Debug)]
pub struct Participant {
    pub actor: Option<u32>,
    pub code: String,
    pub span: Span,
}

/// Who says the event happened.
#[derive(Clone, Debug)]
pub struct Attribution {
    pub span: Span,
    pub actor: Option<u32>,
}

#[derive(Clone, Debug)]
pub struct Event {
    pub sentence: u32,
    /// CAMEO code, 2 to 4 digits.
    pub code: String,
    pub goldstein: f32,
    pub quad_class: u8,
    pub plover: Option<String>,
    pub source: Participant,
    pub target: Option<Participant>,
    pub trigger: Span,
    pub date: Option<ResolvedDate>,
    pub location: Option<Location>,
    pub negated: bool,
    pub modality: Modality,
    pub attribution: Option<Attribution>,
    /// The token range of the clause the event was coded from; later stages (dates, places)
    /// look for their phrases there.
    pub clause: Range<u32>,
    /// The token index of the trigger.
    pub trigger_token: u32,
}

/// A place named in the text ("in Beijing"), resolved against the gazetteer.
#[derive(Clone, Debug)]
pub struct PlaceMention {
    pub sentence: u32,
    /// Token range of the name.
    pub tokens: Range<u32>,
    pub span: Span,
    pub name: String,
    pub country: Option<String>,
    pub lat: f64,
    pub lon: f64,
    /// Introduced by a locative preposition ("in", "at", "near"), directly or through the
    /// noun it names ("in the town of Saraqeb").
    pub locative: bool,
    pub kind: PlaceKind,
    /// The words the place is said of, by the parse, nearest first: the word its phrase
    /// attaches to, then (through a noun) up to the verb of its clause ("a correspondent in
    /// Saraqeb said" → correspondent, said). `None` when the sentence was not parsed; empty
    /// when the place only modifies a noun ("the conflict in Ukraine" as an object).
    pub anchors: Option<Vec<u32>>,
    /// The verb whose object the place describes, when the chain of anchors stops at an
    /// object ("shelled [a market in Idlib]"): the place of a material act on that object.
    pub object_of: Option<u32>,
}

#[derive(Clone, Debug)]
pub struct Quote {
    pub sentence: u32,
    /// The quoted words, without the quotation marks.
    pub span: Span,
    pub speaker_span: Option<Span>,
    pub speaker: Option<u32>,
    pub attribution: Option<Span>,
}

/// What later stages need of the dependency parse the coder reads: each token's head and a
/// few facts about it ([`Parse::VERB`], [`Parse::OBLIQUE`]). Empty until
/// the coder has run; a token of a sentence that was not parsed has no head.
#[derive(Clone, Debug, Default)]
pub struct Parse {
    heads: Vec<u32>,
    flags: Vec<u8>,
}

impl Parse {
    const NO_HEAD: u32 = u32::MAX;
    /// A verb or auxiliary.
    pub const VERB: u8 = 1;
    /// A phrase of time, place or manner hung on a verb.
    pub const OBLIQUE: u8 = 2;

    /// Builds the record from every token's head (`None` for roots and unparsed words) and
    /// flags.
    pub fn new(tokens: impl Iterator<Item = (Option<usize>, u8)>) -> Parse {
        let mut parse = Parse::default();
        for (head, flags) in tokens {
            parse.heads.push(head.map_or(Parse::NO_HEAD, |h| h as u32));
            parse.flags.push(flags);
        }
        parse
    }

    pub fn head(&self, t: usize) -> Option<usize> {
        self.heads
            .get(t)
            .filter(|&&h| h != Parse::NO_HEAD)
            .map(|&h| h as usize)
    }

    /// Whether token `t` has `flag` (one of the constants above).
    pub fn has(&self, t: usize, flag: u8) -> bool {
        self.flags.get(t).is_some_and(|f| f & flag != 0)
    }

    pub fn is_verb(&self, t: usize) -> bool {
        self.has(t, Parse::VERB)
    }

    pub fn is_oblique(&self, t: usize) -> bool {
        self.has(t, Parse::OBLIQUE)
    }

    /// Whether any token of `range` has a head (one-word sentences aside, a parsed sentence
    /// has).
    pub fn covers(&self, range: std::ops::Range<usize>) -> bool {
        range.into_iter().any(|t| self.head(t).is_some())
    }
}

/// The document every stage enriches.
#[derive(Clone, Debug, Default)]
pub struct Document {
    pub id: String,
    /// Title, body and caption paragraphs, separated by blank lines, in page order.
    pub text: String,
    pub meta: ArticleMeta,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// Heads and verbs from the coder's parse, for the stages after it.
    pub parse: Parse,
    pub actors: Vec<Actor>,
    pub mentions: Vec<Mention>,
    pub places: Vec<PlaceMention>,
    /// The places of the story's wire datelines ("PARIS (Reuters) -"), each with the first
    /// sentence it covers (a round-up of news from several places has one per section).
    pub datelines: Vec<(u32, Location)>,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
}

impl Document {
    /// Builds a document from paragraphs in page order (title first, if any).
    pub fn from_paragraphs<'a>(
        id: impl Into<String>,
        meta: ArticleMeta,
        paragraphs: impl IntoIterator<Item = (Kind, &'a str)>,
    ) -> Document {
        let mut doc = Document {
            id: id.into(),
            meta,
            ..Document::default()
        };
        for (kind, text) in paragraphs {
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            if !doc.text.is_empty() {
                doc.text.push_str("\n\n");
            }
            let start = doc.text.len();
            doc.text.push_str(text);
            doc.paragraphs.push(Paragraph {
                span: Span::new(start, doc.text.len()),
                kind,
            });
        }
        doc
    }

    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    pub fn token_text(&self, token: usize) -> &str {
        self.slice(self.tokens[token].span)
    }

    /// The paragraphs of one kind, joined by blank lines.
    pub fn joined(&self, kind: Kind) -> Vec<&str> {
        self.paragraphs
            .iter()
            .filter(|p| p.kind == kind)
            .map(|p| self.slice(p.span))
            .collect()
    }

    /// The index of the sentence that contains byte `offset`.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self
            .sentences
            .partition_point(|s| (s.span.end as usize) <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start as usize <= offset).then_some(i)
    }
}
