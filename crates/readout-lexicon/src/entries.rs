//! Typed lexicon entries, as the coder uses them.

use readout_doc::Date;
use std::ops::BitOr;

#[derive(Debug, Clone)]
pub struct Coordinates {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone)]
pub struct Country {
    /// ISO 3166-1 alpha-3, also the CAMEO country code.
    pub code: String,
    pub name: String,
    /// Adjective forms ("Chinese"), in lexicon order.
    pub adjectives: Vec<String>,
    pub capital: Option<Coordinates>,
    pub location: Option<(f64, f64)>,
}

/// How a country is named in a phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountryForm {
    Name,
    Adjective,
    Demonym,
    /// The capital: a place after "in", the government when it acts.
    Capital,
    /// A seat of power ("the Kremlin", "the Pentagon").
    Seat,
}

/// What a name in the [`crate::Lexicon::names`] trie refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameRef {
    Country {
        index: u32,
        form: CountryForm,
        sector: Option<u16>,
    },
    /// An organisation, medium, armed group or party ([`crate::Lexicon::actors`]).
    Actor(u32),
    Person(u32),
    /// A role noun: `sector` indexes [`crate::Lexicon::sectors`]; `title` indexes
    /// [`crate::Lexicon::titles`] for a singular role ("foreign minister") that names an office
    /// a person can hold, or is [`NO_TITLE`].
    Agent {
        sector: u16,
        title: u32,
    },
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

#[derive(Debug, Clone)]
pub struct OrgActor {
    pub code: String,
    pub name: String,
    pub country: Option<String>,
    pub sectors: Vec<String>,
    /// A news agency that appears in wire credits.
    pub wire: bool,
}

#[derive(Debug, Clone)]
pub struct Role {
    pub country: String,
    pub sector: String,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub title: String,
}

#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    /// Normalised surname ("wang"), what "Mr Wang" uses.
    pub surname: String,
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

#[derive(Debug, Clone)]
pub struct Place {
    pub name: String,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub kind: String,
    /// Inhabitants, 0 when unknown: the larger of two same-named places wins without context.
    pub population: u64,
    /// First-level division ("Texas"), when known.
    pub region: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatternItem {
    Word(u32),
    /// `+`: the target actor.
    Target,
    /// `*`: up to six words.
    Gap,
}

/// The code of a frame that marks a sense as no event (`frame: apart = -`).
pub const NO_EVENT: &str = "-";

#[derive(Debug, Clone)]
pub struct Frame {
    pub pattern: Vec<PatternItem>,
    pub code: String,
    /// The pattern as written, for `readout explain`.
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Verb {
    pub lemma: String,
    pub report: bool,
    /// What the verb makes of the event in its complement clause ("urged X *to resign*").
    pub complement: Option<Complement>,
    /// A light verb ("held talks", "launched an offensive", "imposed sanctions"): the event
    /// noun it governs is the event, and the verb's subject is the noun's source.
    pub light: bool,
    /// The verb's bare frame holds only when it has no object: "the leaders met" is a
    /// meeting, "met the demands" is not.
    pub intransitive: bool,
    pub frames: Vec<Frame>,
    pub file: String,
    pub line: usize,
}

/// How a verb qualifies the event of its complement clause: "plans to meet" (intended),
/// "agreed to meet" (committed: intended, and the agreeing is itself an expression of intent),
/// "urged X to resign" (requested), "refused to meet" (negated), "considering sanctions"
/// (hypothetical), "accused X of attacking Y" (alleged: the attack is the accuser's claim).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Complement {
    Intended,
    Committed,
    Requested,
    Negated,
    Hypothetical,
    Alleged,
}

impl Complement {
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    Base,
    ThirdPerson,
    /// Past tense or past participle (they look alike for most verbs).
    Past,
    Gerund,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbForm {
    pub verb: u32,
    pub kind: FormKind,
}

#[derive(Debug, Clone)]
pub struct Noun {
    pub lemma: String,
    pub frames: Vec<Frame>,
    pub file: String,
    pub line: usize,
}

#[derive(Debug, Clone)]
pub struct CameoCode {
    pub code: String,
    pub name: String,
    pub goldstein: f32,
    pub quad_class: u8,
    pub plover: Option<String>,
}

/// The classes of a function word or phrase, as a bit set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WordClasses(pub u64);

macro_rules! word_classes {
    ($($konst:ident = $bit:expr, $name:expr;)*) => {
        impl WordClasses {
            pub const NONE: WordClasses = WordClasses(0);
            $(pub const $konst: WordClasses = WordClasses(1 << $bit);)*
            /// The class a `words` record names.
            pub fn from_name(name: &str) -> Option<WordClasses> {
                match name {
                    $($name => Some(Self::$konst),)*
                    _ => None,
                }
            }
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
}

impl WordClasses {
    pub fn has(self, other: WordClasses) -> bool {
        self.0 & other.0 != 0
    }
    /// The month (1-12) this word names, if any.
    pub fn month(self) -> Option<u8> {
        (0..12)
            .find(|i| self.0 & (1 << (25 + i)) != 0)
            .map(|i| i as u8 + 1)
    }
    /// The weekday (0 = Monday) this word names, if any.
    pub fn weekday(self) -> Option<u8> {
        (0..7)
            .find(|i| self.0 & (1 << (37 + i)) != 0)
            .map(|i| i as u8)
    }
}

impl BitOr for WordClasses {
    type Output = WordClasses;
    fn bitor(self, rhs: WordClasses) -> WordClasses {
        WordClasses(self.0 | rhs.0)
    }
}
