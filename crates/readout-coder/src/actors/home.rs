//! The article's home country: the country a story is about, given to the actors the text
//! leaves without one.
//!
//! News rarely repeats the obvious: a British politics story says "the government", "MPs",
//! "the police" and "campaigners" without ever writing "British". A coder who reads the whole
//! article codes them GBRGOV, GBRLEG, GBRCOP and GBRCVL; an event without a country is useless
//! for a dyad. The evidence, in order of weight:
//! - the wire dateline ("LONDON (Reuters) -"), when the page had one;
//! - every actor mention with a country (parties, persons by the role they hold on the
//!   article's date, "British", "Downing Street"; a company's counts half, since companies
//!   are named in stories about other countries) and every place in the text;
//! - the publisher, when it is a news outlet the lexicon places in a country (only a tie
//!   breaker: the BBC reports on the whole world).
//!
//! The home country is the best-supported country when its support is clear: at least two
//! pieces of evidence and half as much again as the runner-up. A story about two countries
//! ("China and Russia held talks") has none, and its bare roles keep no country, rather than
//! a guessed one. Actors that receive the home country are marked `country_inferred`.

use crate::analysis::Tokens;
use readout_doc::{Document, PlaceKind};
use readout_lexicon::{CountryForm, Lexicon, NameRef};
use std::collections::HashMap;

/// Weight of a dateline city: a wire story is about the place it was filed from.
const DATELINE_WEIGHT: f32 = 3.0;
/// Weight of a mention of a business: companies trade and invest abroad, and are named in
/// stories about other countries more than governments or parties are.
const BUSINESS_WEIGHT: f32 = 0.5;
/// Weight of the publisher's country: a tie breaker only.
const PUBLISHER_WEIGHT: f32 = 0.5;
/// The least support a home country needs.
const MIN_SUPPORT: f32 = 2.0;
/// How far ahead of the runner-up the home country must be.
const MIN_MARGIN: f32 = 1.5;

/// The home country of a coded document and why.
#[derive(Debug, Clone, PartialEq)]
pub struct HomeCountry {
    /// The country's code (`GBR`), as in `Actor::country`.
    pub code: String,
    /// Its weighed evidence: one per mention or place, more for a dateline, less for the
    /// publisher.
    pub support: f32,
    /// The evidence for the next best country (0 when there is none), which `support` had to
    /// beat by half as much again.
    pub runner_up: f32,
}

/// Weighs the evidence for each country; `None` when no country is clearly the story's.
pub fn home_country(doc: &Document, lex: &Lexicon) -> Option<HomeCountry> {
    let mut support: HashMap<&str, f32> = HashMap::new();
    for m in &doc.mentions {
        let actor = &doc.actors[m.actor as usize];
        // "The company said", "the country's president", naming a body or a country again,
        // repeat evidence as a pronoun would.
        let text = doc.slice(m.span);
        let unnamed = !strip_the(text).contains(char::is_uppercase);
        let again = (super::is_named_body(actor) && unnamed) || names_country_again(lex, text);
        if actor.country_inferred || again {
            continue;
        }
        if let Some(c) = actor.country.as_deref().filter(|c| is_country(lex, c)) {
            // A company is often foreign to the story it is in ("a British company" whose land
            // Venezuela seizes).
            let weight = if actor.sectors.iter().any(|s| s == "BUS") {
                BUSINESS_WEIGHT
            } else {
                1.0
            };
            *support.entry(c).or_default() += weight;
        }
    }
    for p in &doc.places {
        // A place gone to or acted on ("visited London", "join Sunderland") is often a name
        // used for something else (a government, a club), and says little of where the story
        // is from.
        if p.is_destination() {
            continue;
        }
        if let Some(c) = p.country.as_deref().filter(|c| is_country(lex, c)) {
            *support.entry(c).or_default() += 1.0;
        }
    }
    if let Some(c) = doc
        .meta
        .dateline
        .as_deref()
        .and_then(|d| country_named_by(lex, d))
    {
        *support.entry(c).or_default() += DATELINE_WEIGHT;
    }
    if let Some(c) = doc
        .meta
        .publisher
        .as_deref()
        .and_then(|p| country_named_by(lex, p))
    {
        *support.entry(c).or_default() += PUBLISHER_WEIGHT;
    }
    let mut ranked: Vec<(&str, f32)> = support.into_iter().collect();
    // Ties are broken by code so the choice never depends on hash order.
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    let (code, best) = *ranked.first()?;
    let runner_up = ranked.get(1).map_or(0.0, |r| r.1);
    (best >= MIN_SUPPORT && best >= MIN_MARGIN * runner_up).then(|| HomeCountry {
        code: code.to_string(),
        support: best,
        runner_up,
    })
}

/// The first sentence that names the country coded `code` itself: a mention that starts with its
/// name, adjective or demonym ("Zimbabwe Hospital Doctors Association", "Venezuelan
/// authorities", "Australians"), not a seat, a party or "the country", or a place in it named
/// as a country ("in India").
pub fn first_named(doc: &Document, lex: &Lexicon, toks: &Tokens, code: &str) -> Option<u32> {
    let index = *lex.country_index.get(code)?;
    let by_name = doc
        .mentions
        .iter()
        .filter(|m| {
            let actor = &doc.actors[m.actor as usize];
            !actor.country_inferred && actor.country.as_deref() == Some(code)
        })
        .find(|m| {
            let tokens = doc.tokens_of(m.span);
            let start = tokens.start
                + usize::from(doc.token_text(tokens.start).eq_ignore_ascii_case("the"));
            start < tokens.end
                && lex
                    .names
                    .longest(&toks.words, &toks.caps, start)
                    .is_some_and(|hit| {
                        hit.values().any(|v| {
                            matches!(v, NameRef::Country { index: i, form, .. }
                                if *i == index
                                    && matches!(
                                        form,
                                        CountryForm::Name | CountryForm::Adjective | CountryForm::Demonym
                                    ))
                        })
                    })
        })
        .map(|m| m.sentence);
    let as_place = doc
        .places
        .iter()
        .find(|p| p.kind == PlaceKind::Country && p.country.as_deref() == Some(code))
        .map(|p| p.sentence);
    by_name.into_iter().chain(as_place).min()
}

/// `text` without a leading "the" or "The".
fn strip_the(text: &str) -> &str {
    text.strip_prefix("the ")
        .or_else(|| text.strip_prefix("The "))
        .unwrap_or(text)
}

/// Whether a mention is "the country" or "the nation" (`place-noun country`), with whatever
/// follows ("the country's president").
fn names_country_again(lex: &Lexicon, text: &str) -> bool {
    let rest = strip_the(text);
    if rest.len() == text.len() {
        return false;
    }
    let noun = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    lex.names_a_country(lex.word_id(noun, &mut String::new()))
}

fn is_country(lex: &Lexicon, code: &str) -> bool {
    lex.country_index.contains_key(code)
}

/// The country of the first name the lexicon knows in a short text (a dateline such as
/// "BAGHDAD, April 9 (Xinhua)", or a publisher's name).
fn country_named_by<'l>(lex: &'l Lexicon, text: &str) -> Option<&'l str> {
    let mut scratch = String::new();
    let words: Vec<u32> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '.' || c == '-'))
        .filter(|w| !w.is_empty())
        .take(8)
        .map(|w| lex.word_id(w, &mut scratch))
        .collect();
    let caps = vec![true; words.len()];
    (0..words.len()).find_map(|i| {
        let m = lex.names.longest(&words, &caps, i)?;
        let found = m.values().find_map(|r| match *r {
            NameRef::Country { index, .. } => Some(lex.countries[index as usize].code.as_str()),
            NameRef::Place(p) => Some(lex.places[p as usize].country.as_str()),
            NameRef::Actor(a) => lex.actors[a as usize].country.as_deref(),
            _ => None,
        });
        found
    })
}

/// Gives the home country to every actor without a country that can have one: bare roles
/// ("officials", "the police") and persons the lexicon does not know. International
/// organisations and lexicon actors without a country (multinationals, global bodies) keep
/// none. Event participants are updated to the new codes.
pub fn apply_home_country(doc: &mut Document, home: &HomeCountry) {
    let mut changed = vec![false; doc.actors.len()];
    for (i, actor) in doc.actors.iter_mut().enumerate() {
        let bare_role = actor.key.starts_with("code:") && actor.code == actor.sectors.concat();
        // An unlisted charity or a bare "charity" is a local one; a listed NGO without a
        // country is international.
        let international = !actor.unlisted
            && !bare_role
            && actor
                .sectors
                .iter()
                .any(|s| matches!(s.as_str(), "IGO" | "NGO" | "MNC"));
        // An international organisation's people ("World Bank spokesman Damien Milverton")
        // are not of the story's country.
        let of_an_igo = actor.code.starts_with("IGO");
        if actor.country.is_some() || international || of_an_igo || !(bare_role || actor.unlisted) {
            continue;
        }
        actor.country = Some(home.code.clone());
        actor.code = format!("{}{}", home.code, actor.code);
        actor.country_inferred = true;
        changed[i] = true;
    }
    for e in &mut doc.events {
        for p in std::iter::once(&mut e.source).chain(e.target.as_mut()) {
            if let Some(a) = p.actor.filter(|&a| changed[a as usize]) {
                p.code = doc.actors[a as usize].code.clone();
            }
        }
    }
}
