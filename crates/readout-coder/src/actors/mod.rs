//! Actors: who the text talks about.
//!
//! - [`groups`]: noun groups built from the lexicon's name hits ("Russian Security Council
//!   secretary Sergei Shoigu", "Russia's top economic envoy", "state news agency TASS");
//! - [`resolve`]: a group's lexicon references → one document actor (a person by the role
//!   held on the article's date, an organisation, a country with a sector, a bare role);
//! - [`coref`]: in-document reference ("Mr Wang", "he", "it", "the two officials");
//! - [`places`]: place names resolved against the gazetteer, and roles qualified by a place;
//! - [`unknown`]: people and bodies the lexicon does not list, coded from their phrase;
//! - [`home`]: the country an article is about, for actors the text leaves without one.

pub mod coref;
pub mod groups;
pub mod home;
pub mod places;
pub mod resolve;
pub mod unknown;

pub use coref::Coref;
pub use groups::noun_groups;
pub use resolve::{describe, Resolver};

use crate::analysis::Tokens;
use crate::syntax::Syntax;
use readout_doc::{Actor, Document};
use std::ops::Range;

/// Whether an actor is a body with a name of its own: a listed organisation or a body the
/// lexicon does not know, not a bare role ("officials") or a person.
pub(crate) fn is_named_body(a: &Actor) -> bool {
    a.key.starts_with("org:") || a.key.starts_with("body:")
}

/// What the actor stages read and write for one document.
pub struct ActorCtx<'a, 'l> {
    /// The document being coded: the stages push its actors, mentions and place mentions.
    pub doc: &'a mut Document,
    /// Turns lexicon references into document actors, one per real-world actor.
    pub res: &'a mut Resolver<'l>,
    /// Word ids, capitalisation and function-word classes of the document's tokens.
    pub toks: &'a Tokens,
    /// The parse of the document's sentences (unparsed sentences have a flat analysis).
    pub syn: &'a Syntax,
    /// What earlier sentences named, for pronouns, surnames and "the two officials".
    pub coref: &'a mut Coref,
    /// Whether this sentence's actors are remembered for coreference (not in captions).
    pub update_coref: bool,
}

/// Whether token `k` is a hyphen that joins two capitalised words of a name with no space
/// either side ("Carl-Henric Svanberg", "Jean-Pierre").
pub(crate) fn hyphen_in_name(doc: &Document, toks: &Tokens, k: usize) -> bool {
    let tokens = &doc.tokens;
    k > 0
        && k + 1 < tokens.len()
        && doc.token_text(k) == "-"
        && doc.touches_previous(k)
        && doc.touches_previous(k + 1)
        && toks.caps[k - 1]
        && toks.caps[k + 1]
        && tokens[k - 1].has(readout_doc::token_flags::WORD)
        && tokens[k + 1].has(readout_doc::token_flags::WORD)
}

/// Whether token `k` is the full stop of a middle initial inside a name ("Charles P. Rettig",
/// "Mark R. Warner"): it follows a single capital letter written against it and a capitalised
/// word follows it. The name goes on over it.
pub(crate) fn initial_stop_in_name(doc: &Document, toks: &Tokens, k: usize) -> bool {
    let tokens = &doc.tokens;
    k > 0
        && k + 1 < tokens.len()
        && doc.token_text(k) == "."
        && doc.touches_previous(k)
        && doc.token_text(k - 1).len() == 1
        && doc
            .token_text(k - 1)
            .starts_with(|c: char| c.is_ascii_uppercase())
        && toks.caps[k + 1]
        && tokens[k + 1].has(readout_doc::token_flags::WORD)
}

/// The end of a party-and-state label that starts at token `k` ("R-Fla.", "D-N.Y.", "I-Vt" in
/// "Marco Rubio, R-Fla., said"): after a comma, a US party's initial (Democrat, Republican,
/// independent), a hyphen and a capitalised abbreviation written as one word. It tells the
/// affiliation of the person just named and names no one ("T-Mobile" and "G-Unit" are names).
pub(crate) fn party_label_end(doc: &Document, toks: &Tokens, k: usize) -> Option<usize> {
    let after_comma = k > 0 && doc.token_text(k - 1) == ",";
    if !after_comma
        || !matches!(doc.token_text(k), "D" | "R" | "I")
        || !hyphen_in_name(doc, toks, k + 1)
    {
        return None;
    }
    // The abbreviation may run on with full stops and capitals ("N.Y.", "Fla.").
    let mut end = k + 3;
    while end < doc.tokens.len()
        && doc.touches_previous(end)
        && (doc.token_text(end) == "." || toks.caps[end])
    {
        end += 1;
    }
    Some(end)
}

/// The longest acronym read as one given in brackets.
const MAX_ACRONYM_LETTERS: usize = 6;
/// How many capitalised words before a name an acronym may start from ("*Borovian* Stock
/// Exchange (BSE)", where the country adjective is a group of its own).
const MAX_ACRONYM_WORDS_BEFORE: usize = 2;

/// The acronym given in brackets right after the name at `name` ("the London Stock Exchange
/// (LSE)", "the Borovian Stock Exchange (BSE)"): an all-capitals word whose letters start with
/// the first letter of the name, or of a capitalised word just before it, and follow one
/// another in those words. The text's own acronym names that body for the rest of the
/// article, over any body the lexicon gives the same letters (the London School of Economics).
pub(crate) fn acronym_after(doc: &Document, name: Range<usize>, end: usize) -> Option<&str> {
    let at = name.end;
    if at + 2 >= end || doc.token_text(at) != "(" || doc.token_text(at + 2) != ")" {
        return None;
    }
    let acronym = doc.token_text(at + 1);
    if !(2..=MAX_ACRONYM_LETTERS).contains(&acronym.len())
        || !acronym.bytes().all(|b| b.is_ascii_uppercase())
    {
        return None;
    }
    let capitalised = |t: usize| doc.token_text(t).starts_with(|c: char| c.is_uppercase());
    let earliest = (name.start.saturating_sub(MAX_ACRONYM_WORDS_BEFORE)..name.start)
        .rev()
        .take_while(|&t| capitalised(t))
        .last()
        .unwrap_or(name.start);
    let fits = |start: usize| {
        let words = doc.slice(readout_doc::Span {
            start: doc.tokens[start].span.start,
            end: doc.tokens[name.end - 1].span.end,
        });
        let mut letters = words.chars().map(|c| c.to_ascii_uppercase());
        words.starts_with(|c: char| acronym.starts_with(c.to_ascii_uppercase()))
            && acronym.chars().all(|a| letters.any(|c| c == a))
    };
    (earliest..=name.start).any(fits).then_some(acronym)
}

/// A phrase that names an actor or a place ("Russia's top economic envoy", "he", "in Beijing"),
/// with what it resolved to. Groups of one sentence are in text order and never overlap.
#[derive(Debug, Clone)]
pub struct NounGroup {
    /// The group's tokens: indices into `Document::tokens`, within one sentence.
    pub tokens: Range<usize>,
    /// The actor the group names: index into `Document::actors`; `None` when it resolved to no
    /// single actor (a pair, a place, a bare role, an unresolved pronoun).
    pub entity: Option<u32>,
    /// "the two officials", "both sides": two entities.
    pub pair: Option<(u32, u32)>,
    /// Index into `Document::places` when the group is a place.
    pub place: Option<u32>,
    /// For a town or region, the actor of its government: the doer when the place acts ("the
    /// region of Catalonia eased restrictions"), never a target or a modifier.
    pub government: Option<u32>,
    /// "Taiwan's independence": the actor owns the head noun rather than being it.
    pub possessor: bool,
    /// "he", "it": resolved through coreference.
    pub pronoun: bool,
    /// "I", "we": resolved to the speaker of the quote around it.
    pub speaker_pronoun: bool,
    /// "his", "its", "their" before a noun: the actor the pronoun names, resolved through
    /// coreference. It is only the doer of the event the noun names ("his visit", "their
    /// protest"), and otherwise no group at all (`entity` stays `None`, and events see the
    /// word as none): "met his EU counterparts" is no meeting with himself.
    pub owner: Option<u32>,
    /// Introduced by a preposition ("of Russia", "in Beijing").
    pub after_preposition: bool,
    /// A role with no country or name ("officials"): a noun group, but not an actor.
    pub role: Option<String>,
    /// The lexicon person behind the group, if any.
    pub person: Option<u32>,
    /// Explain: the lexicon entries behind the group.
    pub evidence: String,
}

impl NounGroup {
    /// Whether the group stands for one actor or a pair of them, and not for a place: the
    /// groups that can be the source or target of an event.
    pub fn is_actor(&self) -> bool {
        (self.entity.is_some() || self.pair.is_some()) && self.place.is_none()
    }
    /// The entities this group stands for (one, or two for a pair).
    pub fn entities(&self) -> Vec<u32> {
        match (self.entity, self.pair) {
            (_, Some((a, b))) => vec![a, b],
            (Some(e), None) => vec![e],
            _ => vec![],
        }
    }
}
