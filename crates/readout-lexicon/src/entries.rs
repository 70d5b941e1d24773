//! Typed lexicon entries, as the coder uses them.

use readout_doc::Date;
use std::ops::BitOr;

/// A named point: a country's capital (`capital: Beijing | 39.9042 | 116.4074`).
#[derive(Debug, Clone)]
pub struct Coordinates {
    /// The name as the lexicon writes it ("Beijing").
    pub name: String,
    /// Latitude in decimal degrees, north positive (-90 to 90).
    pub lat: f64,
    /// Longitude in decimal degrees, east positive (-180 to 180).
    pub lon: f64,
}

/// A country: one `country` record (`country CHN | China`).
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO 3166-1 alpha-3, also the CAMEO country code.
    pub code: String,
    /// The common English short name ("China"), the record head's second field.
    pub name: String,
    /// Adjective forms ("Chinese"), in lexicon order.
    pub adjectives: Vec<String>,
    /// The capital (`capital:`): a place after "in", and a name for the government when it acts
    /// ("Beijing said").
    pub capital: Option<Coordinates>,
    /// A representative point, (latitude, longitude) in degrees (`location:`): where an event
    /// placed only "in China" is put on the map.
    pub location: Option<(f64, f64)>,
}

/// How a country is named in a phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountryForm {
    /// The head name or one of the `names` ("China", "People's Republic of China", "PRC").
    Name,
    /// An adjective ("Chinese officials").
    Adjective,
    /// A demonym, singular or plural ("the Chinese", "Filipinos").
    Demonym,
    /// The capital: a place after "in", the government when it acts.
    Capital,
    /// A seat of power ("the Kremlin", "the Pentagon").
    Seat,
}

/// What a name in the [`crate::Lexicon::names`] trie refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameRef {
    /// A country, by any of its names, adjectives, demonyms, capital or seats.
    Country {
        /// Index into [`crate::Lexicon::countries`].
        index: u32,
        /// Which of the country's names matched.
        form: CountryForm,
        /// For a seat with a `=SECTOR` suffix ("the Pentagon=MIL"), that sector as an index
        /// into [`crate::Lexicon::sectors`]; `None` otherwise (a seat then stands for GOV).
        sector: Option<u16>,
    },
    /// An organisation, medium, armed group or party ([`crate::Lexicon::actors`]).
    Actor(u32),
    /// A person, by full name or alias: index into [`crate::Lexicon::persons`]. Surnames alone
    /// are in [`crate::Lexicon::surnames`] instead.
    Person(u32),
    /// A role noun: `sector` indexes [`crate::Lexicon::sectors`]; `title` indexes
    /// [`crate::Lexicon::titles`] for a singular role ("foreign minister") that names an office
    /// a person can hold, or is [`NO_TITLE`].
    Agent {
        /// Index into [`crate::Lexicon::sectors`].
        sector: u16,
        /// Index into [`crate::Lexicon::titles`], or [`NO_TITLE`].
        title: u32,
    },
    /// A gazetteer place: index into [`crate::Lexicon::places`].
    Place(u32),
}

/// [`NameRef::Agent::title`] of a role that is not an office ("officials").
pub const NO_TITLE: u32 = u32::MAX;

/// The normalised form of an office title, shared by agent phrases and person roles:
/// lowercase, and "defense" spelt "defence".
pub fn normalize_title(title: &str) -> String {
    let mut out = String::new();
    readout_text::normalize_into(title.trim(), &mut out);
    out.replace("defense", "defence")
}

/// An organisation, medium, armed group or party: one `actor` record (`actor IGONAT | NATO`).
#[derive(Debug, Clone)]
pub struct OrgActor {
    /// The CAMEO-style actor code: a country or IGO prefix, then sector letters (`RUSMED`).
    pub code: String,
    /// The canonical name ("NATO").
    pub name: String,
    /// ISO alpha-3 code of the country the actor belongs to (`country:`), if it belongs to one.
    pub country: Option<String>,
    /// Sector codes (`sectors:`), such as `IGO` or `MED`.
    pub sectors: Vec<String>,
    /// A news agency that appears in wire credits.
    pub wire: bool,
    /// A party's leaders (`leader:` lines), for "the Lib Dem leader" on a given day.
    pub leaders: Vec<Leader>,
}

/// One leader of an organisation: a `leader: person | start | end` line.
#[derive(Debug, Clone)]
pub struct Leader {
    /// Index into [`crate::Lexicon::persons`].
    pub person: u32,
    /// First day as leader; `None`: from any date.
    pub start: Option<Date>,
    /// First day no longer leader; `None` while still leader.
    pub end: Option<Date>,
}

/// One office a person holds or held: a `role: country | sector | start | end | title` line.
#[derive(Debug, Clone)]
pub struct Role {
    /// ISO alpha-3 code, or `IGO` / `NGO` for an office in an international or
    /// non-governmental body.
    pub country: String,
    /// Sector code (`GOV`); for an `IGO` or `NGO` office, the body's code (`EURCOM`); empty
    /// when the role gives a country only.
    pub sector: String,
    /// First day in office; `None` when not given: the role then counts as begun on any date.
    pub start: Option<Date>,
    /// First day out of office (the role holds before it, not on it); `None` while still in
    /// office.
    pub end: Option<Date>,
    /// The office as written ("foreign minister"); matched against agent titles after
    /// [`normalize_title`], for "Russia's foreign minister".
    pub title: String,
}

/// A named person: one `person` record.
#[derive(Debug, Clone)]
pub struct Person {
    /// The canonical full name ("Wang Yi").
    pub name: String,
    /// Normalised surname ("wang"), what "Mr Wang" uses.
    pub surname: String,
    /// Offices held, in lexicon order; the one in force on the article's date gives the
    /// person's code (see [`Person::standing_on`]).
    pub roles: Vec<Role>,
}

/// Where a person stands on a date, as far as coding goes.
#[derive(Debug, Clone, Copy)]
pub enum Standing<'p> {
    /// Holds this office (the latest to start, when several overlap).
    InOffice(&'p Role),
    /// Held this office, the latest to end, and holds none now: a former official (ELI).
    Former(&'p Role),
    /// Will hold this office, the first, and held none before.
    NotYet(&'p Role),
}

impl Person {
    /// The role in force on `date`; without a date, the latest role.
    pub fn role_on(&self, date: Option<Date>) -> Option<&Role> {
        match self.standing_on(date)? {
            Standing::InOffice(r) => Some(r),
            _ => None,
        }
    }

    /// Where the person stands on `date`; without a date, in the latest role. `None` for a
    /// person with no roles.
    pub fn standing_on(&self, date: Option<Date>) -> Option<Standing<'_>> {
        let Some(date) = date else {
            return self
                .roles
                .iter()
                .max_by_key(|r| r.start)
                .map(Standing::InOffice);
        };
        let active = self
            .roles
            .iter()
            .filter(|r| r.start.is_none_or(|s| s <= date) && r.end.is_none_or(|e| date < e))
            .max_by_key(|r| r.start);
        if let Some(r) = active {
            return Some(Standing::InOffice(r));
        }
        let former = self
            .roles
            .iter()
            .filter(|r| r.end.is_some_and(|e| e <= date))
            .max_by_key(|r| r.end);
        if let Some(r) = former {
            return Some(Standing::Former(r));
        }
        self.roles
            .iter()
            .min_by_key(|r| r.start)
            .map(Standing::NotYet)
    }
}

/// A place of the gazetteer: one `place` record (`place Florida | USA | 27.6648 | -81.5158 |
/// state`).
#[derive(Debug, Clone)]
pub struct Place {
    /// The name as matched in text ("Paris").
    pub name: String,
    /// ISO alpha-3 code of the country the place is in.
    pub country: String,
    /// Latitude in decimal degrees, north positive.
    pub lat: f64,
    /// Longitude in decimal degrees, east positive.
    pub lon: f64,
    /// What sort of place it is: `city`, `state`, `province`, `region` or `site`.
    pub kind: String,
    /// Inhabitants, 0 when unknown: the larger of two same-named places wins without context.
    pub population: u64,
    /// First-level division ("Texas"), when known.
    pub region: String,
    /// The place's GeoNames id, for places taken from GeoNames.
    pub geonames_id: Option<u32>,
}

/// One item of a frame's pattern (`with + = 040` is `Word(with)`, `Target`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatternItem {
    /// A word that must appear itself, as a normalised word id.
    Word(u32),
    /// `+`: the target actor.
    Target,
    /// `*`: up to six words.
    Gap,
}

/// The code of a frame that marks a sense as no event (`frame: apart = -`).
pub const NO_EVENT: &str = "-";

/// One `frame: pattern = CODE` line of a verb or noun: what must follow the trigger, and the
/// CAMEO code of the event when it does.
#[derive(Debug, Clone)]
pub struct Frame {
    /// The pattern, item by item; empty for the bare frame (`frame: = 040`).
    pub pattern: Vec<PatternItem>,
    /// The CAMEO code the frame gives, or [`NO_EVENT`].
    pub code: String,
    /// The pattern as written, for `readout explain`.
    pub text: String,
}

/// An event verb: one `verb` record with its frames.
#[derive(Debug, Clone)]
pub struct Verb {
    /// The lemma, with its particle for a phrasal verb ("meet", "ramp up").
    pub lemma: String,
    /// A reporting verb (`report`, "say"): its complement is reported speech, attributed to its
    /// subject.
    pub report: bool,
    /// What the verb makes of the event in its complement clause ("urged X *to resign*").
    pub complement: Option<Complement>,
    /// A light verb ("held talks", "launched an offensive", "imposed sanctions"): the event
    /// noun it governs is the event, and the verb's subject is the noun's source.
    pub light: bool,
    /// The verb's bare frame holds only when it has no object: "the leaders met" is a
    /// meeting, "met the demands" is not.
    pub intransitive: bool,
    /// The verb's frames, in lexicon order; empty for a verb that only qualifies (`complement`)
    /// or carries (`light`) another event.
    pub frames: Vec<Frame>,
    /// The file of the record, for `readout explain`.
    pub file: String,
    /// The line of the record's header in `file`.
    pub line: usize,
}

/// How a verb qualifies the event of its complement clause: "plans to meet" (intended),
/// "agreed to meet" (committed: intended, and the agreeing is itself an expression of intent),
/// "urged X to resign" (requested), "refused to meet" (negated), "considering sanctions"
/// (hypothetical), "accused X of attacking Y" (alleged: the attack is the accuser's claim).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Complement {
    /// The complement's event is meant, not done ("wants to meet").
    Intended,
    /// Intended, and the verb is itself an expression of intent by its subject ("agreed to
    /// meet" is also a 036 towards the one to be met).
    Committed,
    /// The subject asks someone else to do it ("urged X to resign").
    Requested,
    /// The event does not happen ("refused to meet"); also negates a finite complement
    /// ("denied that …").
    Negated,
    /// The event is only considered ("considering sanctions").
    Hypothetical,
    /// The event is the subject's claim about someone else: its "of"/"for" clause or finite
    /// complement is hypothetical ("accused X of attacking Y").
    Alleged,
}

impl Complement {
    /// Reads the value of a `complement:` attribute (`intended`, `committed`, `requested`,
    /// `negated`, `hypothetical`, `alleged`); `None` for anything else.
    pub fn parse(text: &str) -> Option<Complement> {
        Some(match text {
            "intended" => Complement::Intended,
            "committed" => Complement::Committed,
            "requested" => Complement::Requested,
            "negated" => Complement::Negated,
            "hypothetical" => Complement::Hypothetical,
            "alleged" => Complement::Alleged,
            _ => return None,
        })
    }
}

/// Which inflection of its verb a verb form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    /// The lemma's own form ("meet"): infinitive, and present tense but for the third person
    /// singular.
    Base,
    /// Third person singular present ("meets").
    ThirdPerson,
    /// Past tense or past participle (they look alike for most verbs).
    Past,
    /// Present participle or gerund ("meeting"); a listed irregular form ending in "-ing" is
    /// taken for one.
    Gerund,
}

/// What a phrase of the [`crate::Lexicon::verb_forms`] trie stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbForm {
    /// Index into [`crate::Lexicon::verbs`].
    pub verb: u32,
    /// Which inflection the phrase is.
    pub kind: FormKind,
}

/// An event noun: one `noun` record ("invasion", "talks").
#[derive(Debug, Clone)]
pub struct Noun {
    /// The noun or noun phrase as written.
    pub lemma: String,
    /// The noun's frames; in them `prep +` is the noun's modifier with that preposition (or the
    /// light verb's: "held talks with Russia").
    pub frames: Vec<Frame>,
    /// "from X" names where the event leaves from ("withdrawal from Iraq", "release from
    /// prison"), not who does it, as it does for most event nouns ("criticism from MPs").
    pub from_origin: bool,
    /// The file of the record, for `readout explain`.
    pub file: String,
    /// The line of the record's header in `file`.
    pub line: usize,
}

/// One code of the CAMEO event ontology: a `cameo` record (`cameo 043 | Host a visit | 2.8 | 1
/// | CONSULT`).
#[derive(Debug, Clone)]
pub struct CameoCode {
    /// The code itself, two to four digits (`043`); its first two digits are its root.
    pub code: String,
    /// Its English name ("Host a visit").
    pub name: String,
    /// Goldstein score, from -10 (most conflictual) to +10 (most cooperative).
    pub goldstein: f32,
    /// GDELT's quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict.
    pub quad_class: u8,
    /// The PLOVER category (`CONSULT`); `None` where the record gives `-`.
    pub plover: Option<String>,
}

/// The classes of a function word or phrase, as a bit set.
///
/// Each class is one `words` record of `lexicon/grammar/` (`words negator | not | n't | never`):
/// the class names are fixed here, the words are data. They cover determiners and pronouns,
/// auxiliaries and the markers of tense, intent, negation and hearsay, sentence-splitting word
/// lists (`abbreviation`, `opener`), and the words dates are resolved from (months, weekdays,
/// "yesterday", "next week", "early"). A word may belong to several classes (`that` is a
/// determiner and a complementizer); the field is the raw bit mask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WordClasses(pub u128);

macro_rules! word_classes {
    ($($konst:ident = $bit:expr, $name:expr;)*) => {
        impl WordClasses {
            /// No class: what a word outside every `words` record has.
            pub const NONE: WordClasses = WordClasses(0);
            $(
                #[doc = concat!("The `", $name, "` class: the words of the `words ", $name,
                    " | …` record in `lexicon/grammar/`.")]
                pub const $konst: WordClasses = WordClasses(1 << $bit);
            )*
            /// The class a `words` record names.
            pub fn from_name(name: &str) -> Option<WordClasses> {
                match name {
                    $($name => Some(Self::$konst),)*
                    _ => None,
                }
            }
            /// The names of the classes in the set, as `words` records write them (for
            /// `readout explain`).
            pub fn names(self) -> Vec<&'static str> {
                let mut out = Vec::new();
                $(if self.has(Self::$konst) { out.push($name); })*
                out
            }
        }
    };
}

word_classes! {
    DETERMINER = 0, "determiner";
    NEGATIVE_DETERMINER = 1, "negative-determiner";
    PREPOSITION = 2, "preposition";
    LOCATIVE = 3, "locative";
    CONJUNCTION = 4, "conjunction";
    COORDINATOR = 5, "coordinator";
    PRONOUN_PERSON = 6, "pronoun-person";
    PRONOUN_THING = 7, "pronoun-thing";
    PRONOUN_PLURAL = 8, "pronoun-plural";
    PRONOUN_SPEAKER = 9, "pronoun-speaker";
    RELATIVE = 10, "relative";
    COMPLEMENTIZER = 11, "complementizer";
    AUXILIARY = 12, "auxiliary";
    PASSIVE_AUXILIARY = 13, "passive-auxiliary";
    HYPOTHETICAL = 14, "hypothetical";
    FUTURE = 15, "future";
    INTENT = 16, "intent";
    CONDITIONAL = 17, "conditional";
    NEGATOR = 18, "negator";
    ASPECT = 19, "aspect";
    ATTRIBUTION = 20, "attribution";
    HONORIFIC = 21, "honorific";
    CLAUSE_BREAK = 22, "clause-break";
    ABBREVIATION = 23, "abbreviation";
    OPENER = 24, "opener";
    MONTH_01 = 25, "month-01";
    MONTH_02 = 26, "month-02";
    MONTH_03 = 27, "month-03";
    MONTH_04 = 28, "month-04";
    MONTH_05 = 29, "month-05";
    MONTH_06 = 30, "month-06";
    MONTH_07 = 31, "month-07";
    MONTH_08 = 32, "month-08";
    MONTH_09 = 33, "month-09";
    MONTH_10 = 34, "month-10";
    MONTH_11 = 35, "month-11";
    MONTH_12 = 36, "month-12";
    WEEKDAY_0 = 37, "weekday-0";
    WEEKDAY_1 = 38, "weekday-1";
    WEEKDAY_2 = 39, "weekday-2";
    WEEKDAY_3 = 40, "weekday-3";
    WEEKDAY_4 = 41, "weekday-4";
    WEEKDAY_5 = 42, "weekday-5";
    WEEKDAY_6 = 43, "weekday-6";
    DAY_0 = 44, "day-0";
    DAY_MINUS_1 = 45, "day-minus-1";
    DAY_PLUS_1 = 46, "day-plus-1";
    WEEK_0 = 47, "week-0";
    WEEK_MINUS_1 = 48, "week-minus-1";
    WEEK_PLUS_1 = 49, "week-plus-1";
    MONTH_0 = 50, "month-0";
    MONTH_MINUS_1 = 51, "month-minus-1";
    MONTH_PLUS_1 = 52, "month-plus-1";
    YEAR_0 = 53, "year-0";
    YEAR_MINUS_1 = 54, "year-minus-1";
    YEAR_PLUS_1 = 55, "year-plus-1";
    PERIOD_EARLY = 56, "period-early";
    PERIOD_MID = 57, "period-mid";
    PERIOD_LATE = 58, "period-late";
    POSSESSIVE_SPEAKER = 59, "possessive-speaker";
    POSSESSIVE_THING = 60, "possessive-thing";
    POSSESSIVE_PERSON = 61, "possessive-person";
    POSSESSIVE_PLURAL = 62, "possessive-plural";
    HEARSAY = 63, "hearsay";
    NUMBER_1 = 64, "number-1";
    NUMBER_2 = 65, "number-2";
    NUMBER_3 = 66, "number-3";
    NUMBER_4 = 67, "number-4";
    NUMBER_5 = 68, "number-5";
    NUMBER_6 = 69, "number-6";
    NUMBER_7 = 70, "number-7";
    NUMBER_8 = 71, "number-8";
    NUMBER_9 = 72, "number-9";
    NUMBER_10 = 73, "number-10";
    NUMBER_11 = 74, "number-11";
    NUMBER_12 = 75, "number-12";
    UNIT_DAY = 76, "unit-day";
    UNIT_WEEK = 77, "unit-week";
    UNIT_MONTH = 78, "unit-month";
    UNIT_YEAR = 79, "unit-year";
    AGO = 80, "ago";
    WEEKEND_0 = 81, "weekend-0";
    WEEKEND_PAST = 82, "weekend-past";
    WEEKEND_PLUS_1 = 83, "weekend-plus-1";
    SEASON_SPRING = 84, "season-spring";
    SEASON_SUMMER = 85, "season-summer";
    SEASON_AUTUMN = 86, "season-autumn";
    SEASON_WINTER = 87, "season-winter";
    TIME_THIS = 88, "time-this";
    TIME_LAST = 89, "time-last";
    TIME_NEXT = 90, "time-next";
    TOLD_BEFORE = 91, "told-before";
    TOLD_AFTER = 92, "told-after";
    TOLD_SAME = 93, "told-same";
    SPAN_FROM = 94, "span-from";
    SPAN_BETWEEN = 95, "span-between";
    SPAN_TO = 96, "span-to";
}

impl WordClasses {
    /// The classes only dates read, to count and name spans of time ("two", "days", "ago",
    /// "over the weekend", "spring"): everyday words with no grammatical role, which the coder
    /// does not see (to it "two officials" is a number and a role, "Arab Spring" a name).
    pub const TIME_SPANS: WordClasses = WordClasses(((1 << 33) - 1) << 64);

    /// Whether the set shares any class with `other` (which may hold several).
    pub fn has(self, other: WordClasses) -> bool {
        self.0 & other.0 != 0
    }

    /// The set less the classes of `other`.
    pub fn without(self, other: WordClasses) -> WordClasses {
        WordClasses(self.0 & !other.0)
    }
    /// The month (1-12) this word names, if any.
    pub fn month(self) -> Option<u8> {
        self.position_in(WordClasses::MONTH_01, 12).map(|i| i + 1)
    }
    /// The weekday (0 = Monday) this word names, if any.
    pub fn weekday(self) -> Option<u8> {
        self.position_in(WordClasses::WEEKDAY_0, 7)
    }
    /// The number (1-12) this word names, if any ("a", "one", "two", … "twelve").
    pub fn number(self) -> Option<u8> {
        self.position_in(WordClasses::NUMBER_1, 12).map(|i| i + 1)
    }
    /// The first month (1-12) of the season this word names, if any: spring 3, summer 6,
    /// autumn 9, winter 12 (the northern seasons, as news in English most often means).
    pub fn season(self) -> Option<u8> {
        self.position_in(WordClasses::SEASON_SPRING, 4)
            .map(|i| 3 * i + 3)
    }
    /// Which of `count` classes in a row from `first` (a single class) the set has, if any.
    fn position_in(self, first: WordClasses, count: u8) -> Option<u8> {
        let base = first.0.trailing_zeros();
        (0..count).find(|&i| self.0 & (1 << (base + i as u32)) != 0)
    }
}

impl BitOr for WordClasses {
    type Output = WordClasses;
    fn bitor(self, rhs: WordClasses) -> WordClasses {
        WordClasses(self.0 | rhs.0)
    }
}
