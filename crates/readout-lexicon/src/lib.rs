//! The readout lexicon: data formats, loading, validation and compiled matchers.
//!
//! Takes lexicon files in the project's plain-text record format (`lexicon/README.md`): the
//! default set embedded at build time, plus any directories a user adds. Gives a [`Lexicon`]:
//! typed entries (countries, organisations, persons, agents, places, verbs, nouns, CAMEO codes,
//! function words) and the compiled [`PhraseTrie`]s the coder matches text against, all keyed by
//! interned word ids so matching never allocates or scans entries.
//!
//! Loading never stops at the first problem: every malformed or inconsistent entry becomes a
//! [`Problem`] with its `file:line`, which is what `readout lexicon check` prints.

mod build;
mod entries;
pub mod petrarch;
mod syntax;
mod trie;

pub use build::{LexiconBuilder, Stats};
pub use entries::*;
pub use trie::{Match, PhraseTrie, UNKNOWN_WORD};

/// The word id a possessive pronoun in an `evaluation` phrase is stored as: it matches any
/// possessive pronoun of the text ("dragging its feet" also finds "dragging their feet").
pub const ANY_POSSESSIVE: u32 = u32::MAX - 1;

/// The possessive pronouns [`ANY_POSSESSIVE`] stands for in a lexicon phrase.
const POSSESSIVE_PRONOUNS: [&str; 7] = ["my", "your", "his", "her", "its", "our", "their"];

use rustc_hash::FxHashMap as HashMap;
use std::fmt;

/// The lexicon files embedded in the binary: `(path relative to lexicon/, contents)`.
pub mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// One problem found in a lexicon file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as the builder named it (`lexicon/verbs/meet.txt`, or a path the user gave).
    pub file: String,
    /// The 1-based line of the record or attribute at fault.
    pub line: usize,
    /// What is wrong, in words a lexicon editor can act on.
    pub message: String,
    /// Warnings (a duplicate alias, say) are reported but do not make the lexicon unusable.
    pub warning: bool,
}

impl Problem {
    /// An error: the entry is left out, and [`LexiconBuilder::build`] refuses the lexicon.
    pub fn new(file: &str, line: usize, message: impl Into<String>) -> Problem {
        Problem {
            file: file.to_string(),
            line,
            message: message.into(),
            warning: false,
        }
    }

    /// A warning: reported by `readout lexicon check`, but the lexicon is still built.
    pub fn warning(file: &str, line: usize, message: impl Into<String>) -> Problem {
        Problem {
            warning: true,
            ..Problem::new(file, line, message)
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = if self.warning { "warning: " } else { "" };
        write!(f, "{}:{}: {level}{}", self.file, self.line, self.message)
    }
}

/// Why a lexicon could not be built.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// A lexicon file or directory could not be read.
    #[error("cannot read lexicon file {path}: {source}")]
    Io {
        /// The file or directory that failed.
        path: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
    #[error("the lexicon has {} error(s); first: {}", .0.iter().filter(|p| !p.warning).count(), .0.iter().find(|p| !p.warning).map(|p| p.to_string()).unwrap_or_default())]
    /// The files were read but hold at least one error: every problem found, warnings
    /// included, in the order found.
    Invalid(Vec<Problem>),
}

/// Interned, normalised words: every word any lexicon phrase uses gets an id.
#[derive(Debug, Default, Clone)]
pub struct Words {
    ids: HashMap<Box<str>, u32>,
}

impl Words {
    /// The id of an already normalised word, giving it the next free id if it is new. Ids are
    /// dense from 0, so they can index tables such as [`Lexicon::word_classes`].
    pub fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(word.into(), id);
        id
    }
    /// The id of an already normalised word, or [`UNKNOWN_WORD`].
    pub fn id(&self, normalized: &str) -> u32 {
        self.ids.get(normalized).copied().unwrap_or(UNKNOWN_WORD)
    }
    /// How many distinct words have an id.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether no word has an id yet.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// The compiled lexicon.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    /// Every word any entry uses, interned: the ids all the tries and maps below are keyed by.
    pub words: Words,
    /// `country` records, in load order; [`NameRef::Country::index`] points here.
    pub countries: Vec<Country>,
    /// ISO alpha-3 code → index into `countries`.
    pub country_index: HashMap<String, u32>,
    /// `actor` records (organisations, media, armed groups, parties); see [`NameRef::Actor`].
    pub actors: Vec<OrgActor>,
    /// `person` records; see [`NameRef::Person`].
    pub persons: Vec<Person>,
    /// The gazetteer's `place` records; see [`NameRef::Place`].
    pub places: Vec<Place>,
    /// `verb` records; [`VerbForm::verb`] points here.
    pub verbs: Vec<Verb>,
    /// `noun` records; the values of [`Lexicon::noun_triggers`] point here.
    pub nouns: Vec<Noun>,
    /// The CAMEO event ontology (`cameo` records), by code (`"043"`).
    pub cameo: HashMap<String, CameoCode>,
    /// Names of countries, organisations, persons, agents and places.
    pub names: PhraseTrie<NameRef>,
    /// Every form of every verb (generated inflections and listed `forms`, with the particle of
    /// a phrasal verb), matched in any case.
    pub verb_forms: PhraseTrie<VerbForm>,
    /// Event nouns, matched in any case; the value indexes [`Lexicon::nouns`].
    pub noun_triggers: PhraseTrie<u32>,
    /// Function words and phrases, with the classes each belongs to.
    pub function_words: PhraseTrie<WordClasses>,
    /// Classes of single function words, by word id.
    pub word_classes: Vec<WordClasses>,
    /// Surnames (normalised word ids) of persons, for "Mr Wang" and "Shoigu said".
    pub surnames: PhraseTrie<u32>,
    /// Sector codes the agents use, indexed by [`NameRef::Agent`].
    pub sectors: Vec<String>,
    /// Modifier word id → the sector it imposes ("former" → ELI), from `modifier` records.
    pub modifiers: HashMap<u32, u16>,
    /// Head word id of an organisation's name → its sector ("Office" → GOV, "Party" → PTY),
    /// from `orgword` records: what codes a body the lexicon does not list.
    pub org_words: HashMap<u32, u16>,
    /// Head words of bodies of no one sector ("Committee", "Board", "Service"), from
    /// `orgword -` records: a name the lexicon does not list that ends in one is a body, not a
    /// person, and takes its sector from its phrase, if any.
    pub body_words: std::collections::HashSet<u32>,
    /// Common noun (word id) for a kind of body → its sector ("firm" → BUS, "charity" → NGO),
    /// from `bodykind` records: a name it describes ("oil firm Yukos", "Fiat, the Italian
    /// carmaker") is a body of that sector.
    pub body_kinds: HashMap<u32, u16>,
    /// Noun (word id) for what is held in a body → the body's sector ("shares" → BUS), from
    /// `holding` records: a name they are in, of or compounded with ("shares in Zentra",
    /// "Zentra shares") is a body of that sector.
    pub holdings: HashMap<u32, u16>,
    /// Names of things that never act (word ids: "HIV", "Sars", "Ebola"), from `thing`
    /// records: a subject that is one of them is no unlisted body, however it is written.
    pub thing_names: std::collections::HashSet<u32>,
    /// Word id → how it judges what it is said of (-1 negative, +1 positive), from
    /// `evaluation` records: what turns "X said Y was …" into criticism or praise of Y.
    pub evaluations: HashMap<u32, i8>,
    /// Judging phrases of several words ("dragging its feet", "add up"), from `evaluation`
    /// records, keyed by their first word id: the rest of the phrase and its polarity (0 for a
    /// `neutral` phrase, which judges nothing and keeps a shorter phrase or a word from
    /// counting: "add up to"). A [`ANY_POSSESSIVE`] in the rest stands for whatever possessive
    /// pronoun the text has ("dragging their heels").
    pub evaluation_phrases: HashMap<u32, Vec<(Vec<u32>, i8)>>,
    /// `evaluation thing` records: things whose judgement judges their makers ("the scheme is
    /// deeply flawed" criticises whoever made the scheme).
    pub judged_things: std::collections::HashSet<u32>,
    /// `evaluation remedy` and `evaluation ordeal` records: verbs that act against what their
    /// object names ("tackle corruption", "fight waste") or whose subject undergoes it ("would
    /// face more waste", "suffered neglect"): a judging word they govern judges no one.
    pub object_blames_no_one: std::collections::HashSet<u32>,
    /// `evaluation ordeal` words alone: verbs whose subject undergoes what their object names
    /// ("the government faces criticism from MPs": the criticism is of the government).
    pub ordeals: std::collections::HashSet<u32>,
    /// Given names (word ids), from `given-names` records: a capitalised name the lexicon
    /// does not list that starts with one is a person's.
    pub given_names: std::collections::HashSet<u32>,
    /// Nouns that pick out part of a group ("members of", "the head of"), from `partitive`
    /// records: such a noun acts for the group its "of" phrase names.
    pub partitives: std::collections::HashSet<u32>,
    /// Nouns for a person's associates ("backers", "critics", "allies"), from `associate`
    /// records: "Mr Glazer's backers" and "critics of Mr Blair" are others, not that person.
    pub associates: std::collections::HashSet<u32>,
    /// Nouns for a crowd of protesters ("protesters", "demonstrators", "rioters"), from `crowd`
    /// records: force they use is a violent protest (CAMEO 145), not military force.
    pub crowds: std::collections::HashSet<u32>,
    /// Nouns for those who speak for a body, from `spokesperson` records: a bare "a spokesman
    /// said" speaks for the organisation last named as a subject.
    pub spokespersons: std::collections::HashSet<u32>,
    /// Words of opinion, knowledge and expectation ("think", "believe", "expect", "sure"),
    /// from `stance` records: what someone says they do not think is an opinion, not a denial
    /// of their own act.
    pub stances: std::collections::HashSet<u32>,
    /// Verbs of making something known ("say", "comment", "confirm", "reveal"), from
    /// `disclosure` records: not doing so ("would not comment", "did not say why") is
    /// declining to comment.
    pub disclosures: std::collections::HashSet<u32>,
    /// Roles every kind of body has (a president, officials, a spokesman), from `body-role`
    /// records, as word ids: with the body they serve ("union president", "president of
    /// SpaceX") they are that body's, not a government's.
    pub body_roles: std::collections::HashSet<u32>,
    /// Nouns that name a place again ("the town", "the region"), from `place-noun` records:
    /// word id → the gazetteer kind of the place they stand for ("city", "division",
    /// "country").
    pub place_nouns: HashMap<u32, String>,
    /// The indices into [`Lexicon::titles`] of the agent titles whose last word is a body role
    /// ("president", "vice president").
    pub body_role_titles: std::collections::HashSet<u32>,
    /// Nouns of public policy (taxes, a budget, a law), from `policy` records: an expression of
    /// intent about one is intent to change policy (CAMEO 0342).
    pub policy_words: std::collections::HashSet<u32>,
    /// Words that place an event in time without saying when ("recently", "lately"): an
    /// event they qualify is not dated to the publication day (`vague-time` records).
    pub vague_times: std::collections::HashSet<u32>,
    /// Phrases that date an event to a time the text has told already ("said at the time"),
    /// as word ids, from `earlier-time` records: such an event takes the date told before it,
    /// never the publication day.
    pub earlier_times: Vec<Vec<u32>>,
    /// Normalised office titles of singular agent phrases ("foreign minister").
    pub titles: Vec<String>,
    /// (country, title) → the persons who held that office: (person, role index).
    pub office_holders: HashMap<(String, u32), Vec<(u32, usize)>>,
    /// The `abbreviation` and `opener` word lists, as sentence splitting takes them.
    pub split_rules: readout_text::SplitRules,
    /// How many role nouns the `agent` records list (plurals not counted), for
    /// `readout lexicon stats`.
    pub agent_phrases: usize,
    /// Page cues by class (`caption-marker`, `credit-line`, `boilerplate`), for ingestion.
    pub page_cues: HashMap<String, Vec<String>>,
}

impl Lexicon {
    /// The holder of an office on a date ("foreign minister" of RUS on 2026-02-01), when the
    /// lexicon knows exactly one.
    pub fn office_holder(
        &self,
        country: &str,
        title: u32,
        date: Option<readout_doc::Date>,
    ) -> Option<u32> {
        let holders = self.office_holders.get(&(country.to_string(), title))?;
        let date = date?;
        let mut in_office = holders.iter().filter(|&&(p, r)| {
            let role = &self.persons[p as usize].roles[r];
            role.start.is_none_or(|s| s <= date) && role.end.is_none_or(|e| date < e)
        });
        let first = in_office.next()?;
        in_office.next().is_none().then_some(first.0)
    }

    /// The person who led organisation `actor` (an index into [`Lexicon::actors`]) on `date`,
    /// from its `leader:` lines: "the Lib Dem leader" in January 2005 is Charles Kennedy.
    pub fn leader_of(&self, actor: u32, date: Option<readout_doc::Date>) -> Option<u32> {
        let date = date?;
        self.actors[actor as usize]
            .leaders
            .iter()
            .find(|l| l.start.is_none_or(|s| s <= date) && l.end.is_none_or(|e| date < e))
            .map(|l| l.person)
    }

    /// The lexicon embedded in the binary.
    pub fn embedded() -> Result<Lexicon, LexiconError> {
        LexiconBuilder::new().add_embedded().build()
    }

    /// Whether word `id` names a country again ("the country", "the nation": `place-noun
    /// country` records).
    pub fn names_a_country(&self, id: u32) -> bool {
        self.is_place_noun(id, "country")
    }

    /// Whether word `id` is a place noun of `kind` (`place-noun` records: "district" is a
    /// division's, "hotel" a site's).
    pub fn is_place_noun(&self, id: u32, kind: &str) -> bool {
        self.place_nouns.get(&id).is_some_and(|k| k == kind)
    }

    /// The word id of a token's text, normalised as entries are (lowercase, typographic apostrophes
    /// as `'`, common diacritics folded), or [`UNKNOWN_WORD`]; `scratch` is a reused buffer.
    pub fn word_id(&self, token: &str, scratch: &mut String) -> u32 {
        // One pass, without branches, over what the token holds: most tokens are already in
        // normal form (lowercase ASCII, no backtick to fold), and most others are capitalised
        // ASCII, which lowercasing alone normalises.
        let bytes = token.as_bytes();
        let (mut upper, mut other) = (false, false);
        for &b in bytes {
            upper |= b.is_ascii_uppercase();
            other |= !b.is_ascii() || b == b'`';
        }
        if !other {
            if !upper {
                return self.words.id(token);
            }
            scratch.clear();
            scratch.push_str(token);
            scratch.make_ascii_lowercase();
        } else {
            readout_text::normalize_into(token, scratch);
        }
        self.words.id(scratch)
    }

    /// The CAMEO code `code` (`"043"`), if the lexicon defines it.
    pub fn code(&self, code: &str) -> Option<&CameoCode> {
        self.cameo.get(code)
    }

    /// The classes of a single function word.
    pub fn classes(&self, word: u32) -> WordClasses {
        self.word_classes
            .get(word as usize)
            .copied()
            .unwrap_or(WordClasses::NONE)
    }
}
