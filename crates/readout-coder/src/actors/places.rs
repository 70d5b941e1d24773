//! Places: gazetteer names in the text, same-named places told apart, and roles qualified by a
//! place ("police in Kyiv", "the president of France").

use super::resolve::Resolver;
use super::NounGroup;
use crate::analysis::Tokens;
use readout_doc::{Document, Mention, PlaceMention, Span};
use readout_lexicon::{Lexicon, NameRef, WordClasses};

/// "the foreign ministry in Manila", "police in Kyiv", "the president of France": a bare role
/// followed by a locative place or by "of" and a country is that country's role.
pub(crate) fn qualify_roles_by_place(
    doc: &mut Document,
    res: &mut Resolver,
    toks: &Tokens,
    sentence: usize,
    groups: &mut [NounGroup],
) {
    for k in 0..groups.len().saturating_sub(1) {
        let (role, next) = (&groups[k], &groups[k + 1]);
        let Some(sector) = role.role.clone() else {
            continue;
        };
        let bare = role
            .entity
            .is_none_or(|e| doc.actors[e as usize].country.is_none());
        let link = role.tokens.end;
        let adjacent = next.tokens.start == link + 1;
        if !bare || !adjacent {
            continue;
        }
        // "the ministry in Manila" (a locative place) or "the president of France" (a country).
        let code = if toks.is(link, WordClasses::LOCATIVE) {
            next.place
                .and_then(|p| doc.places[p as usize].country.clone())
        } else if doc.token_text(link).eq_ignore_ascii_case("of") {
            next.place
                .and_then(|p| doc.places[p as usize].country.clone())
                .or_else(|| {
                    next.entity.filter(|_| next.pair.is_none()).and_then(|e| {
                        let actor = &doc.actors[e as usize];
                        actor
                            .sectors
                            .is_empty()
                            .then(|| actor.country.clone())
                            .flatten()
                    })
                })
        } else {
            None
        };
        let Some(code) = code else { continue };
        let Some(&country) = res.lex.country_index.get(&code) else {
            continue;
        };
        let e = res.country(doc, country, Some(&sector));
        let span = Span {
            start: doc.tokens[role.tokens.start].span.start,
            end: doc.tokens[role.tokens.end - 1].span.end,
        };
        match doc.mentions.iter_mut().rev().find(|m| m.span == span) {
            Some(m) => m.actor = e,
            None => doc.mentions.push(Mention {
                sentence: sentence as u32,
                span,
                actor: e,
            }),
        }
        let role = &mut groups[k];
        role.entity = Some(e);
        role.evidence.push_str(&format!(" + of/in {code}"));
    }
}

/// Adds a place mention to the document; returns its index.
pub(crate) fn push_place(doc: &mut Document, place: PlaceMention) -> u32 {
    doc.places.push(place);
    (doc.places.len() - 1) as u32
}

/// Picks among same-named places: one matching the qualifier after a comma ("Paris, Texas";
/// returned with `true`), else one in a country the document already involves, else a
/// hand-curated entry, else the most populous.
pub(crate) fn choose_place(
    doc: &Document,
    lex: &Lexicon,
    refs: &[NameRef],
    qualifier: &[NameRef],
) -> Option<(u32, bool)> {
    let candidates = refs.iter().filter_map(|r| match r {
        NameRef::Place(p) => Some(*p),
        _ => None,
    });
    let qualifies = |p: u32| {
        let place = &lex.places[p as usize];
        qualifier.iter().any(|q| match *q {
            NameRef::Country { index, .. } => lex.countries[index as usize].code == place.country,
            NameRef::Place(r) => {
                let region = &lex.places[r as usize];
                region.kind != "city"
                    && region.country == place.country
                    && (place.region.is_empty() || region.name.ends_with(&place.region))
            }
            _ => false,
        })
    };
    if !qualifier.is_empty() {
        if let Some(p) = candidates
            .clone()
            .filter(|&p| qualifies(p))
            .max_by_key(|&p| lex.places[p as usize].population)
        {
            return Some((p, true));
        }
    }
    // Actors are few per document; of places, the recent ones are enough (and keep this linear).
    let involved = |code: &str| {
        doc.actors
            .iter()
            .any(|a| a.country.as_deref() == Some(code))
            || doc
                .places
                .iter()
                .rev()
                .take(50)
                .any(|p| p.country.as_deref() == Some(code))
    };
    candidates
        .max_by_key(|&p| {
            let place = &lex.places[p as usize];
            (
                involved(&place.country),
                place.population == 0,
                place.population,
            )
        })
        .map(|p| (p, false))
}
