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
    /// Byte offset of the first byte, on a UTF-8 character boundary.
    pub start: u32,
    /// Byte offset one past the last byte (exclusive); equal to `start` for an empty span.
    pub end: u32,
}

impl Span {
    /// A span from `usize` byte offsets, stored as `u32` to keep the many spans of a document
    /// small (a document is far below 4 GiB).
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
    /// The span as a range, ready to slice [`Document::text`] with (see [`Document::slice`]).
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
    /// The length in bytes (not characters).
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }
    /// Whether the span covers no text, as the empty source span of an event whose doer the
    /// text does not name.
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
    /// The article's headline, the first paragraph when the page has one.
    Title,
    /// The article's running text, the paragraphs of the JSON output's `article.body`.
    Body,
    /// A photo caption or photo credit: kept, never coded for events.
    Caption,
}

impl Kind {
    /// The kind as written in the JSON output's sentence `kind`: `title`, `body` or `caption`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Title => "title",
            Kind::Body => "body",
            Kind::Caption => "caption",
        }
    }
}

/// One paragraph of [`Document::text`], in page order.
#[derive(Clone, Debug)]
pub struct Paragraph {
    /// The paragraph's text, trimmed, without the blank line that separates it from the next.
    pub span: Span,
    /// Whether it is the title, body text or a caption.
    pub kind: Kind,
}

/// One sentence, as the text stage splits a paragraph; sentences never cross paragraphs.
#[derive(Clone, Debug)]
pub struct Sentence {
    /// The sentence's text.
    pub span: Span,
    /// The kind of its paragraph.
    pub kind: Kind,
    /// Index into [`Document::paragraphs`] of the paragraph that holds the sentence.
    pub paragraph: u32,
    /// Indices into [`Document::tokens`].
    pub tokens: Range<u32>,
}

impl Sentence {
    /// [`Sentence::tokens`] as a `usize` range, ready to index [`Document::tokens`] with.
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

/// One token of the text: a word, number or punctuation mark. A token's index in
/// [`Document::tokens`] is what sentences, place mentions, events and the parse refer to.
#[derive(Clone, Copy, Debug)]
pub struct Token {
    /// The token's text.
    pub span: Span,
    /// Its shape, a bit set of the [`token_flags`] constants.
    pub flags: u8,
}

impl Token {
    /// Whether the token has `flag` (one of the [`token_flags`] constants, or several or-ed
    /// together: then whether it has any of them).
    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// Publication metadata and the parts of a page that are not the article body.
#[derive(Clone, Debug, Default)]
pub struct ArticleMeta {
    /// The headline, from the page or the input record; also the document's title paragraph.
    pub title: Option<String>,
    /// The publication date: what relative dates ("on Monday", "last week") resolve against and
    /// what an undated event reported as fact takes. `None` when neither the input nor the page
    /// gives one.
    pub published: Option<Date>,
    /// Where a page's publication date was read ("JSON-LD datePublished", "URL", "visible date
    /// line"); `None` when no page gave it (the input record or `--date` did, or nothing did).
    pub published_from: Option<String>,
    /// The article's address (the page's canonical URL, or the input record's `url`).
    pub url: Option<String>,
    /// The outlet that published the article, as the page's metadata names it (its
    /// structured-data publisher or site name).
    pub publisher: Option<String>,
    /// The people who wrote the article, as the page's metadata or the input record names
    /// them.
    pub authors: Vec<String>,
    /// Wire and agency credits ("AFP", "Reuters").
    pub credits: Vec<String>,
    /// The article's language as a two-letter ISO 639-1 code ("en", "de"): what its text is
    /// written in when that is clear, else what the page declares, else "en".
    pub language: String,
    /// Page furniture removed from the body: sign-up prompts, badges, share widgets…
    pub boilerplate: Vec<String>,
    /// A wire dateline cut from the first paragraph ("BAGHDAD, April 9 (Xinhua)").
    pub dateline: Option<String>,
}

/// A resolved actor: a person, an organisation, or a country with its sectors.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Actor {
    /// The actor's display name: the lexicon's canonical name, the words of the text for an
    /// unlisted actor, or a country with its sector in brackets ("China (GOV)").
    pub name: String,
    /// CAMEO-style code: country (or IGO) prefix followed by sector codes, e.g. `CHNGOV`.
    pub code: String,
    /// The actor's country as an ISO 3166 alpha-3 code (`CHN`); `None` for international
    /// bodies (IGO, NGO) and for bare roles whose country neither the text nor the article
    /// gives.
    pub country: Option<String>,
    /// Sector codes from the lexicon (`GOV`, `MIL`, `COP`, `MED`, `REB`, `IGO`…); empty for
    /// an actor known only as a country or a name.
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
    /// Index into [`Document::sentences`] of the sentence the mention is in.
    pub sentence: u32,
    /// The words that refer to the actor ("Mr Wang", "he", "the Kremlin").
    pub span: Span,
    /// Index into [`Document::actors`].
    pub actor: u32,
}

/// How the text presents an event: as having happened, or as something short of that. Only
/// asserted events are dated as news of the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modality {
    /// Reported as having happened or happening (the default).
    Asserted,
    /// Possible, supposed or alleged: "could", "may", "would", "reportedly".
    Hypothetical,
    /// Planned or announced for the future: "will", "plans to", "is set to".
    Intended,
    /// Made to depend on something else: inside an "if" or "unless" clause.
    Conditional,
    /// An action someone asked, urged or demanded another actor to take.
    Requested,
}

impl Modality {
    /// The modality as written in the JSON output's event `modality`: `asserted`,
    /// `hypothetical`, `intended`, `conditional` or `requested`.
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

/// How much of a [`ResolvedDate`] the text fixed: the date then stands for the first day of
/// that period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatePrecision {
    /// One day ("on Feb 1", "yesterday", "on Monday", or the publication date).
    Day,
    /// A week ("this week", "last week"); the date is its Monday.
    Week,
    /// A month ("in March", "last month"); the date is its first day.
    Month,
    /// A year ("in 2022", "next year"); the date is its 1 January.
    Year,
}

impl DatePrecision {
    /// The precision as written in the JSON output's `date_precision`: `day`, `week`,
    /// `month` or `year`.
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
    /// The date, or the first day of the week, month or year that `precision` names.
    pub date: Date,
    /// How much of the date the expression fixed.
    pub precision: DatePrecision,
    /// The expression in the text, or `None` when the date is the publication date.
    pub span: Option<Span>,
    /// The last day, week, month or year of a span of time the expression gives ("from July
    /// 10 to July 16", "July 10-16", "from March to May"), at `precision`; `None` for a
    /// single time.
    pub until: Option<Date>,
}

/// Where an event happened: a gazetteer place with coordinates, and how the event got it.
#[derive(Clone, Debug, PartialEq)]
pub struct Location {
    /// The place's name as the gazetteer (or the country list) spells it ("Beijing").
    pub name: String,
    /// The ISO 3166 alpha-3 code of the country the place is in (or is); `None` if unknown.
    pub country: Option<String>,
    /// Latitude in decimal degrees, north positive; `None` for a site the gazetteer does not
    /// know ("at Varsha Bungalow"), which the text names but does not locate.
    pub lat: Option<f64>,
    /// Longitude in decimal degrees, east positive; `None` with `lat`.
    pub lon: Option<f64>,
    /// The words that name the place (in the event's sentence, the dateline, or the earlier
    /// sentence the place was carried over from); `None` for a dateline the page lost.
    pub span: Option<Span>,
    /// What the place is: a country, a first-level division (state, province, region), a city
    /// or a site.
    pub kind: PlaceKind,
    /// How the event got the place.
    pub how: LocationSource,
    /// The place's GeoNames id, when the gazetteer entry comes from GeoNames.
    pub geonames_id: Option<u32>,
}

/// What a place is, from the largest to the smallest (GDELT's geo types, with `site` for
/// buildings and venues).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    /// A whole country.
    Country,
    /// A first-level division: a state, province or region.
    Division,
    /// A city, town or village (a capital is a city).
    City,
    /// A building, venue or other named spot smaller than a town.
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

    /// The kind as written in the JSON output's location `kind`: `country`, `division`,
    /// `city` or `site`.
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
    /// The town, region or site the headline names, for a local story without a dateline:
    /// an event of the day by someone of that place's country, in a sentence that names no
    /// other place.
    Headline,
    /// The story's home country (see [`Document::home_country`]), once the text has named it,
    /// for an event by one of its actors whose sentence names no place abroad: a domestic
    /// story's events happen in its country, where exactly the text does not say.
    Story,
}

impl LocationSource {
    /// The source as written in the JSON output's location `how`: `text`, `dateline`,
    /// `earlier`, `headline` or `story`.
    pub fn as_str(self) -> &'static str {
        match self {
            LocationSource::Text => "text",
            LocationSource::Dateline => "dateline",
            LocationSource::Earlier => "earlier",
            LocationSource::Headline => "headline",
            LocationSource::Story => "story",
        }
    }
}

/// One side of an event: the actor and the words that name it.
#[derive(Clone, Debug)]
pub struct Participant {
    /// Index into [`Document::actors`]; `None` when the text does not name the doer ("two
    /// soldiers were killed").
    pub actor: Option<u32>,
    /// The side's CAMEO actor code, kept equal to the actor's [`Actor::code`]; empty when
    /// there is no actor.
    pub code: String,
    /// The words that name the side ("China and Russia"); for a doer the text does not name,
    /// an empty span at the start of the trigger.
    pub span: Span,
}

/// Who says the event happened.
#[derive(Clone, Debug)]
pub struct Attribution {
    /// The words that name the source: the speaker of a reporting verb ("TASS reported") or
    /// what follows "according to" / "citing".
    pub span: Span,
    /// Index into [`Document::actors`] of the source; `None` when the words resolve to no
    /// actor ("according to local media").
    pub actor: Option<u32>,
}

/// One coded event: who did what to whom (a CAMEO code), in which sentence, with its date,
/// place, negation, modality and attribution.
#[derive(Clone, Debug)]
pub struct Event {
    /// Index into [`Document::sentences`] of the sentence the event was coded from, its
    /// evidence.
    pub sentence: u32,
    /// CAMEO code, 2 to 4 digits.
    pub code: String,
    /// The code's Goldstein score, from -10 (most conflictual) to +10 (most cooperative).
    pub goldstein: f32,
    /// GDELT's QuadClass of the code: 1 verbal cooperation, 2 material cooperation, 3 verbal
    /// conflict, 4 material conflict.
    pub quad_class: u8,
    /// The closest PLOVER event type ("REQUEST", "CONSULT"); `None` where there is none (public
    /// statements).
    pub plover: Option<String>,
    /// The actor that acts.
    pub source: Participant,
    /// The actor acted on or towards; `None` for an event without one ("protesters rallied").
    pub target: Option<Participant>,
    /// The words that express the event: a verb ("met") or an event noun ("talks").
    pub trigger: Span,
    /// When it happened; `None` until the context stage. After it, `None` when the clause names
    /// no date and the event is not asserted (what is only intended, requested or supposed is
    /// not dated by default), or when there is no publication date to fall back on.
    pub date: Option<ResolvedDate>,
    /// Where it happened; `None` until the context stage, and when nothing places it.
    pub location: Option<Location>,
    /// The text says the event did not happen ("has never condemned", "refused to meet").
    pub negated: bool,
    /// Whether the event is reported as fact or only as possible, planned, conditional or
    /// requested.
    pub modality: Modality,
    /// Who says it happened, when the text reports it as someone's word.
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
    /// Index into [`Document::sentences`] of the sentence that names the place.
    pub sentence: u32,
    /// Token range of the name.
    pub tokens: Range<u32>,
    /// The words that name the place.
    pub span: Span,
    /// The place's name as the gazetteer spells it.
    pub name: String,
    /// The ISO 3166 alpha-3 code of the country the place is in (or is); `None` if unknown.
    pub country: Option<String>,
    /// Latitude in decimal degrees, north positive; `None` for a named site the gazetteer
    /// does not know.
    pub lat: Option<f64>,
    /// Longitude in decimal degrees, east positive; `None` with `lat`.
    pub lon: Option<f64>,
    /// Introduced by a locative preposition ("in", "at", "near"), directly or through the
    /// noun it names ("in the town of Saraqeb").
    pub locative: bool,
    /// What the place is (country, division, city or site).
    pub kind: PlaceKind,
    /// The words the place is said of, by the parse, nearest first: the word its phrase
    /// attaches to, then (through a noun) up to the verb of its clause ("a correspondent in
    /// Saraqeb said" → correspondent, said). `None` when the sentence was not parsed; empty
    /// when the place only modifies a noun ("the conflict in Ukraine" as an object).
    pub anchors: Option<Vec<u32>>,
    /// The verb whose object the place describes, when the chain of anchors stops at an
    /// object ("shelled [a market in Idlib]"): the place of a material act on that object.
    /// For a place that is not locative, the word whose object or "to" phrase the place itself
    /// is ("visited Mumbai", "a visit to London"): where a visit or an attack happens.
    pub object_of: Option<u32>,
    /// The place's GeoNames id, when the gazetteer entry comes from GeoNames.
    pub geonames_id: Option<u32>,
}

impl PlaceMention {
    /// Whether the place is not where something is said to happen but what a word goes to or
    /// acts on ("visited Mumbai"): the place of a visit or an attack only.
    pub fn is_destination(&self) -> bool {
        !self.locative && self.object_of.is_some()
    }
}

/// A direct quotation and who said it. A quotation that spans several sentences is recorded
/// once per sentence it covers.
#[derive(Clone, Debug)]
pub struct Quote {
    /// Index into [`Document::sentences`] of the sentence this part of the quotation is in.
    pub sentence: u32,
    /// The quoted words, without the quotation marks.
    pub span: Span,
    /// The words that name the speaker ("Mr Shoigu", "a source close to Macron"), possibly
    /// in an earlier sentence for a quotation that continues; `None` when nobody is named.
    pub speaker_span: Option<Span>,
    /// Index into [`Document::actors`] of the speaker; `None` when the speaker's words resolve
    /// to no actor or there is no speaker.
    pub speaker: Option<u32>,
    /// The source an "according to" phrase names in the sentence where the quotation closes
    /// ("according to TASS" → TASS); `None` when there is no such phrase.
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
    /// A verb in a clause without a subject of its own, hung on another verb ("maintains …
    /// and reported", "banned …, arresting …"): it shares that verb's occasion.
    pub const SHARES_CLAUSE: u8 = 4;
    /// A verb in the simple present ("says", "provides"): what it tells holds now, not on a
    /// day told before.
    pub const PRESENT: u8 = 8;
    /// The direct object of its head ("announced a lockdown"): an event noun there happens
    /// when the verb's act does.
    pub const OBJECT: u8 = 16;
    /// A verb in the present perfect ("has said", "have rejected"): done at a time the verb
    /// does not tell, before now.
    pub const PERFECT: u8 = 32;
    /// A verb in the past perfect ("had said"): done before the time the story tells of.
    pub const PAST_PERFECT: u8 = 64;

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

    /// The token index of token `t`'s syntactic head; `None` for a root, a word of an unparsed
    /// sentence, or before the coder has run.
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

    /// Whether token `t` is a verb or auxiliary ([`Parse::VERB`]).
    pub fn is_verb(&self, t: usize) -> bool {
        self.has(t, Parse::VERB)
    }

    /// Whether token `t` heads an oblique phrase of time, place or manner ([`Parse::OBLIQUE`]).
    pub fn is_oblique(&self, t: usize) -> bool {
        self.has(t, Parse::OBLIQUE)
    }

    /// The word whose occasion (time and place) token `t` shares, when it has none of its
    /// own: for a verb without a subject of its own, the verb it hangs on ("banned …,
    /// arresting 210 people"); for an event noun that is a verb's object, that verb ("Bihar on
    /// Wednesday announced a lockdown", "imposed a lockdown in Patna district").
    pub fn occasion_of(&self, t: usize) -> Option<usize> {
        let shares =
            self.has(t, Parse::SHARES_CLAUSE) || (!self.is_verb(t) && self.has(t, Parse::OBJECT));
        self.head(t).filter(|_| shares)
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
    /// The input's identifier (a JSON Lines record's `id`, or a name the input gives it), kept
    /// as the output's `id`.
    pub id: String,
    /// Title, body and caption paragraphs, separated by blank lines, in page order.
    pub text: String,
    /// Publication metadata, and what cleaning removed from the page.
    pub meta: ArticleMeta,
    /// The paragraphs of `text`, in page order (set by ingestion).
    pub paragraphs: Vec<Paragraph>,
    /// The sentences of `text`, in order (set by the text stage); events, quotes, mentions
    /// and places refer to them by index.
    pub sentences: Vec<Sentence>,
    /// Every token of `text`, in order (set by the text stage); indexed by document-wide token
    /// index.
    pub tokens: Vec<Token>,
    /// Heads and verbs from the coder's parse, for the stages after it.
    pub parse: Parse,
    /// The distinct actors the document refers to; mentions, events and quotes point here by
    /// index.
    pub actors: Vec<Actor>,
    /// Every reference to an actor in the text, in sentence order.
    pub mentions: Vec<Mention>,
    /// The places the text names, in sentence order; the context stage picks event places
    /// from them.
    pub places: Vec<PlaceMention>,
    /// The places of the story's wire datelines ("PARIS (Reuters) -"), each with the first
    /// sentence it covers (a round-up of news from several places has one per section).
    pub datelines: Vec<(u32, Location)>,
    /// The coded events, in sentence order.
    pub events: Vec<Event>,
    /// The direct quotations, in sentence order.
    pub quotes: Vec<Quote>,
    /// The country the story is about, when the coder found one clearly ahead of the rest;
    /// `None` for a story about several countries.
    pub home_country: Option<StoryCountry>,
}

/// The country a story is about, and where the text first names it.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryCountry {
    /// ISO 3166 alpha-3, as in [`Actor::country`].
    pub code: String,
    /// The first sentence that names the country itself, by its name, adjective or demonym
    /// ("Zimbabwe", "Venezuelan authorities") or as a place; `None` when the story never does
    /// (a British politics story of MPs and ministers that never says "Britain").
    pub first_named: Option<u32>,
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

    /// The text a span covers. Panics if the span is out of range or not on character
    /// boundaries, which a span made from this document never is.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The text of the token at document-wide index `token`.
    pub fn token_text(&self, token: usize) -> &str {
        self.slice(self.tokens[token].span)
    }

    /// The texts of the paragraphs of one kind, in page order; the output joins the body's by
    /// blank lines.
    pub fn joined(&self, kind: Kind) -> Vec<&str> {
        self.paragraphs
            .iter()
            .filter(|p| p.kind == kind)
            .map(|p| self.slice(p.span))
            .collect()
    }

    /// The tokens a span covers: from the first that starts at or after its start to the last
    /// that ends by its end (a span made from tokens gets exactly those).
    pub fn tokens_of(&self, span: Span) -> Range<usize> {
        let first = self.tokens.partition_point(|t| t.span.start < span.start);
        let last = self.tokens.partition_point(|t| t.span.end <= span.end);
        first..last.max(first)
    }

    /// The span from the start of the first token of `tokens` to the end of its last (the
    /// inverse of [`Document::tokens_of`]); `tokens` must not be empty.
    pub fn span_of_tokens(&self, tokens: Range<usize>) -> Span {
        Span {
            start: self.tokens[tokens.start].span.start,
            end: self.tokens[tokens.end - 1].span.end,
        }
    }

    /// Whether token `t` is written against the token before it, with no space between
    /// ("Carl-Henric": the hyphen and "Henric").
    pub fn touches_previous(&self, t: usize) -> bool {
        t > 0 && self.tokens[t - 1].span.end == self.tokens[t].span.start
    }

    /// The index of the sentence that contains byte `offset`.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self
            .sentences
            .partition_point(|s| (s.span.end as usize) <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start as usize <= offset).then_some(i)
    }
}
