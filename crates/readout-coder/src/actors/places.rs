//! Places: gazetteer names in the text, same-named places told apart, named sites the
//! gazetteer does not know ("at Varsha Bungalow"), places named again ("in the town"), which
//! words each place is said of, and roles qualified by a place ("police in Kyiv", "the
//! president of France").

use super::resolve::Resolver;
use super::NounGroup;
use crate::analysis::Tokens;
use crate::syntax::Syntax;
use readout_doc::{
    Document, Kind, Location, LocationSource, Mention, PlaceKind, PlaceMention, Span,
};
use readout_lexicon::{CountryForm, Lexicon, NameRef, WordClasses};
use readout_syntax::{Rel, Upos};
use std::ops::Range;

/// "the foreign ministry in Manila", "police in Kyiv", "the president of France", "officials
/// from Russia": a bare role followed by a locative place or by "of" or "from" and a country is
/// that country's role.
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
        // "the ministry in Manila" (a locative place) or "the president of France", "officials
        // from Russia" (a country).
        let code = if toks.is(link, WordClasses::LOCATIVE) {
            next.place
                .and_then(|p| doc.places[p as usize].country.clone())
        } else if doc.token_text(link).eq_ignore_ascii_case("of")
            || doc.token_text(link).eq_ignore_ascii_case("from")
        {
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

/// Says, for every place named in a parsed sentence, which words it is said of (see
/// [`PlaceMention::anchors`]): the parse decides which event a place belongs to, so that a
/// place in another clause, a modifier ("the U.S. election", "Pakistan's support") or where a
/// body is based ("an NGO based in Hong Kong") places no event.
pub(crate) fn anchor_places(doc: &mut Document, syn: &Syntax, toks: &Tokens, lex: &Lexicon) {
    let Document {
        places,
        tokens,
        text,
        ..
    } = doc;
    let is_of = |t: usize| {
        let s = tokens[t].span;
        text[s.start as usize..s.end as usize].eq_ignore_ascii_case("of")
    };
    for p in places.iter_mut() {
        let name = p.tokens.start as usize..p.tokens.end as usize;
        if name.is_empty() || !syn.is_parsed(name.start) {
            continue;
        }
        // The name's head: its word whose head lies outside it.
        let Some(mut h) = name
            .clone()
            .find(|&t| syn.head(t).is_none_or(|x| !name.contains(&x)))
        else {
            continue;
        };
        // "in Patna and Bhagalpur": a later conjunct stands where the first one does.
        h = syn.first_conjunct(h);
        h = phrase_noun(syn, toks, lex, h);
        let case = syn.case_of(h);
        let by_case = case.is_some_and(|c| toks.is(c, WordClasses::LOCATIVE));
        let after_of = case.is_some_and(is_of);
        let mut anchors = Vec::new();
        p.object_of = None;
        if by_case || after_of {
            // A possessive ("Pakistan's support") and a compound ("the Gaza crisis") only
            // modify their noun.
            let mut t = h;
            // Whether the noun `t` was reached through a place phrase of its own ("a
            // correspondent [in the town]"), not through a noun it qualifies ("leaders [of
            // unions in the United States]").
            let mut entered_by_place_phrase = false;
            for _ in 0..MAX_ANCHOR_STEPS {
                let Some(up) = syn.head(t) else { break };
                let rel = syn.rel(t);
                // From a noun to a verb, a place climbs on only through a place phrase ("in
                // the town of Saraqeb"): "condemned Arlo over the attack in Velm" places no
                // condemning.
                let located = anchors.is_empty()
                    || syn
                        .case_of(t)
                        .is_some_and(|c| toks.is(c, WordClasses::LOCATIVE));
                // Within one noun phrase the place stays with it ("a crackdown on truants in
                // England" is a crackdown in England).
                let to_noun = !matches!(syn.upos(up), Upos::VERB | Upos::AUX);
                let through = match rel.base() {
                    // Within a name ("Chinese leader Xi Jinping in Beijing", the place hung
                    // on "Xi"): the climb goes on from the name's head.
                    Rel::Flat => {
                        t = up;
                        continue;
                    }
                    Rel::Obl | Rel::Advmod => located,
                    Rel::Nmod => rel != Rel::NmodPoss && (located || to_noun),
                    // A located participant: "police in Kyiv arrested", "a correspondent in
                    // the town of Saraqeb said".
                    Rel::Nsubj => !anchors.is_empty() && entered_by_place_phrase,
                    // "met Pavel Orlov in Velm": a place phrase does not describe a name, so
                    // it is where the one named was met.
                    Rel::Obj if !anchors.is_empty() && syn.upos(t) == Upos::PROPN => true,
                    Rel::Obj if !anchors.is_empty() => {
                        // "shelled a market in Idlib": where the object is, a material act is.
                        p.object_of = Some(up as u32);
                        false
                    }
                    _ => false,
                };
                if !through {
                    break;
                }
                anchors.push(up as u32);
                if matches!(syn.upos(up), Upos::VERB | Upos::AUX) {
                    // "said while visiting Salesforce in San Francisco": a participle clause
                    // without a subject of its own happens where the verb it hangs on does
                    // (a coordinated verb need not: "condemned X and met Y in Velm").
                    let participle = syn.xpos(up) == readout_syntax::Xpos::VBG
                        && matches!(syn.rel(up), Rel::Advcl | Rel::Xcomp);
                    if participle && crate::shares_clause(syn, up) {
                        if let Some(main) = syn.head(up) {
                            anchors.push(main as u32);
                        }
                    }
                    break;
                }
                entered_by_place_phrase = syn
                    .case_of(t)
                    .is_some_and(|c| toks.is(c, WordClasses::LOCATIVE));
                t = up;
            }
            // "in the northeastern region of Catalonia": the region's preposition counts.
            p.locative |= by_case
                || anchors.first().is_some_and(|&a| {
                    syn.case_of(a as usize)
                        .is_some_and(|c| toks.is(c, WordClasses::LOCATIVE))
                });
        }
        if !(by_case || after_of) {
            // "visited Mumbai", "a visit to London", "shelled Idlib": the place gone to or
            // acted on, where a visit or a material act on it happens.
            let is_to = |c: usize| {
                let s = tokens[c].span;
                text[s.start as usize..s.end as usize].eq_ignore_ascii_case("to")
            };
            if let Some(word) = syn.destination_of(h, is_to) {
                p.object_of = Some(word as u32);
            }
        }
        p.anchors = Some(anchors);
    }
}

/// Whether the parse puts the noun group over `tokens` in a place phrase whose preposition
/// stands apart from it: "in eastern Ukraine", "in northern Idlib", "in the entire Patna
/// district" (a name before the noun of a division is the place the noun's phrase is about).
/// The word before the group tells only when nothing stands between ("in Idlib").
pub(crate) fn in_place_phrase(
    syn: &Syntax,
    toks: &Tokens,
    lex: &Lexicon,
    tokens: Range<usize>,
) -> bool {
    let Some(head) = syn.phrase_head(tokens.clone()) else {
        return false;
    };
    let head = phrase_noun(syn, toks, lex, head);
    // "the Ohio governor": a name that only qualifies its noun.
    syn.rel(head) != Rel::Compound
        && syn
            .case_of(head)
            .is_some_and(|c| c < tokens.start && toks.is(c, WordClasses::LOCATIVE))
}

/// The word whose phrase a place name stands in: the noun of a division the name is a
/// compound of ("in Patna district", "in Helmand province": the place the noun's phrase is
/// about; "the Olympic village" is no town), else the name's head `h` itself.
pub(crate) fn phrase_noun(syn: &Syntax, toks: &Tokens, lex: &Lexicon, h: usize) -> usize {
    syn.head(h)
        .filter(|&noun| {
            syn.rel(h) == Rel::Compound && lex.is_place_noun(toks.words[noun], "division")
        })
        .unwrap_or(h)
}

/// "Rebel sources said clashes were continuing in western parts of the town": a place noun
/// (`place-noun` records) with "the", in a locative phrase or in an "of" phrase of one, names
/// again the latest place of its kind the article named before it. Its mention is a place
/// like any other, placed by the parse in [`anchor_places`].
pub(crate) fn places_named_again(
    doc: &mut Document,
    syn: &Syntax,
    toks: &Tokens,
    lex: &Lexicon,
    sentence: usize,
) {
    let range = doc.sentences[sentence].token_range();
    let is_word = |doc: &Document, t: usize, w: &str| doc.token_text(t).eq_ignore_ascii_case(w);
    for t in range.start + 1..range.end {
        let Some(kind) = lex.place_nouns.get(&toks.words[t]) else {
            continue;
        };
        if !is_word(doc, t - 1, "the") || !syn.is_parsed(t) {
            continue;
        }
        let locative = |x: usize| {
            syn.case_of(x)
                .is_some_and(|c| toks.is(c, WordClasses::LOCATIVE))
        };
        let of_a_locative = syn.case_of(t).is_some_and(|c| is_word(doc, c, "of"))
            && syn.head(t).is_some_and(locative);
        // "the town of Saraqeb" names its place itself.
        let named = syn.children(t).any(|c| {
            matches!(
                syn.rel(c),
                Rel::Nmod | Rel::Appos | Rel::Flat | Rel::Compound
            ) && toks.caps[c]
        });
        if !(locative(t) || of_a_locative) || named {
            continue;
        }
        let kind = PlaceKind::from_gazetteer(kind);
        let here = doc
            .places
            .partition_point(|p| (p.sentence as usize) < sentence);
        let covered = doc.places[here..]
            .iter()
            .any(|p| p.tokens.contains(&(t as u32)));
        let before = |p: &PlaceMention| {
            (p.sentence as usize) < sentence
                || (p.sentence as usize == sentence && (p.tokens.end as usize) < t)
        };
        // A site is named again by its own word ("the hotel" for the Hotel Saturnia).
        let same_word = |p: &PlaceMention| {
            kind != PlaceKind::Site
                || p.name
                    .split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case(doc.token_text(t)))
        };
        let earlier = doc
            .places
            .iter()
            .rev()
            .find(|p| p.kind == kind && before(p) && same_word(p));
        let (Some(earlier), false) = (earlier, covered) else {
            continue;
        };
        let span = Span {
            start: doc.tokens[t - 1].span.start,
            end: doc.tokens[t].span.end,
        };
        let again = PlaceMention {
            sentence: sentence as u32,
            tokens: (t - 1) as u32..(t + 1) as u32,
            span,
            locative: true,
            anchors: None,
            object_of: None,
            ..earlier.clone()
        };
        push_place(doc, again);
    }
}

/// "met at Varsha Bungalow", "outside the Theater Des Bouffes du Nord", "at the Hotel
/// Saturnia": a capitalised name with a site word (`place-noun site` records: hotel, theatre,
/// palace, stadium …) in a place phrase names a site the gazetteer does not know. It becomes
/// a place of kind site without coordinates, in the country of a place named just after it
/// ("the Hotel Saturnia in Venice") or else of the dateline in force; the parse then says
/// which event it belongs to, as for any place ([`anchor_places`]). Names already read as a
/// place or an actor ("the White House", "Napier University") are left as they are.
pub(crate) fn named_sites(
    doc: &mut Document,
    syn: &Syntax,
    toks: &Tokens,
    lex: &Lexicon,
    sentence: usize,
    groups: &[NounGroup],
) {
    let range = doc.sentences[sentence].token_range();
    let mut t = range.start;
    while t < range.end {
        let is_site_word = toks.caps[t] && lex.is_place_noun(toks.words[t], "site");
        if !is_site_word || !syn.is_parsed(t) {
            t += 1;
            continue;
        }
        let name = site_name(doc, toks, range.clone(), t);
        t = name.end;
        let here = doc
            .places
            .partition_point(|p| (p.sentence as usize) < sentence);
        let sentence_places = &doc.places[here..];
        let taken = groups
            .iter()
            .any(|g| g.entity.is_some() && g.tokens.start < name.end && name.start < g.tokens.end)
            || sentence_places.iter().any(|p| {
                (p.tokens.start as usize) < name.end && name.start < p.tokens.end as usize
            });
        // A site word alone is no name ("St James's Palace" read from its last word).
        if name.len() < 2 || taken || !in_place_phrase(syn, toks, lex, name.clone()) {
            continue;
        }
        let span = doc.span_of_tokens(name.clone());
        // "the Hotel Saturnia in Venice", "the Theatre, Paris": the place named just after.
        let within = sentence_places
            .iter()
            .find(|p| {
                let gap = name.end..p.tokens.start as usize;
                !gap.is_empty()
                    && gap.len() <= 2
                    && gap
                        .clone()
                        .all(|g| doc.token_text(g) == "," || toks.is(g, WordClasses::LOCATIVE))
            })
            .and_then(|p| p.country.clone());
        let dateline = || {
            doc.datelines
                .iter()
                .rev()
                .find(|(first, _)| *first as usize <= sentence)
                .and_then(|(_, l)| l.country.clone())
        };
        let site = PlaceMention {
            sentence: sentence as u32,
            tokens: name.start as u32..name.end as u32,
            span,
            name: doc.slice(span).to_string(),
            country: within.or_else(dateline),
            lat: None,
            lon: None,
            locative: true,
            kind: PlaceKind::Site,
            anchors: None,
            object_of: None,
            geonames_id: None,
        };
        push_place(doc, site);
    }
}

/// The capitalised name around site word `t`: the capitalised words before it (not a
/// determiner or preposition: "the", "At") and after it (not a day or a month), with the
/// short lowercase words that join a name's parts ("Theater Des Bouffes du Nord", "Palace of
/// Westminster").
fn site_name(doc: &Document, toks: &Tokens, sentence: Range<usize>, t: usize) -> Range<usize> {
    // Not a function word, nor a day or a month after the name ("at Varsha Bungalow on
    // Sunday").
    let outside = |k: usize| {
        toks.classes[k].month().is_some()
            || toks.classes[k].weekday().is_some()
            || toks.is(k, WordClasses::DETERMINER)
            || toks.is(k, WordClasses::PREPOSITION)
            || toks.is(k, WordClasses::LOCATIVE)
    };
    let mut start = t;
    while start > sentence.start
        && t - start < MAX_SITE_WORDS
        && toks.caps[start - 1]
        && !outside(start - 1)
    {
        start -= 1;
    }
    let joins = |k: usize| {
        let word = doc.token_text(k);
        word.len() <= 3
            && word.chars().all(|c| c.is_ascii_lowercase())
            && (word == "of" || !toks.is(k, WordClasses::PREPOSITION))
            && !toks.is(k, WordClasses::LOCATIVE)
            && !toks.is(k, WordClasses::DETERMINER)
            && !toks.is(k, WordClasses::COORDINATOR)
            && !toks.is(k, WordClasses::CONJUNCTION)
    };
    let mut end = t + 1;
    while end < sentence.end && end - start < MAX_SITE_WORDS {
        if toks.caps[end] && !outside(end) {
            end += 1;
        } else if end + 1 < sentence.end && toks.caps[end + 1] && !outside(end + 1) && joins(end) {
            end += 2;
        } else {
            break;
        }
    }
    start..end
}

/// Most words in the name of a site.
const MAX_SITE_WORDS: usize = 6;

/// Most words climbed from a place to the verb it is said of.
const MAX_ANCHOR_STEPS: usize = 4;

/// Below this population a place is not preferred for being in a country the story involves.
const MIN_INVOLVED_POPULATION: u64 = 100_000;

/// Adds a place mention to the document; returns its index.
pub(crate) fn push_place(doc: &mut Document, place: PlaceMention) -> u32 {
    doc.places.push(place);
    (doc.places.len() - 1) as u32
}

/// Picks among same-named places: one matching the qualifier after a comma ("Paris, Texas";
/// returned with `true`), else one in a country the document has already named a place in,
/// else a hand-curated entry, else the most populous.
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
    let involved = |code: &str| story_placed_in(doc, code);
    candidates
        .max_by_key(|&p| {
            let place = &lex.places[p as usize];
            // The story's country does not make a town out of a namesake city (Geneva,
            // Illinois, against Geneva); hand-curated entries (no population) are cities.
            let city = place.population == 0 || place.population >= MIN_INVOLVED_POPULATION;
            (
                involved(&place.country) && city,
                place.population == 0,
                place.population,
            )
        })
        .map(|p| (p, false))
}

/// Whether the story has already placed something in country `code`; the actors' countries
/// do not count ("Geneva" in a story about American envoys is still Geneva, Switzerland). Of
/// places, the recent ones are enough (and keep this linear).
fn story_placed_in(doc: &Document, code: &str) -> bool {
    doc.places
        .iter()
        .rev()
        .take(50)
        .any(|p| p.country.as_deref() == Some(code))
}

/// A city at least this large is known well enough for its name alone to say its country.
const MIN_KNOWN_POPULATION: u64 = 500_000;

/// The country of a town or region named as a modifier ("*Hartlepool* MP", "*Ohio* governor"),
/// when it can be told without guessing: among the places of that name, those in a country
/// the story has already placed something in, or else those the gazetteer lists by hand
/// (regions, provinces, states) or that are large cities, all lie in one country. The
/// gazetteer does not know every place, so a small town alone is not enough ("Highland
/// councillor" is Scottish, not of Highland, California), nor are San Franciscos in seven
/// countries.
pub(crate) fn country_of_named_place<'l>(
    doc: &Document,
    lex: &'l Lexicon,
    refs: &[NameRef],
) -> Option<&'l str> {
    let places = || {
        refs.iter().filter_map(|r| match r {
            NameRef::Place(p) => Some(&lex.places[*p as usize]),
            _ => None,
        })
    };
    let placed = places()
        .map(|p| p.country.as_str())
        .filter(|c| story_placed_in(doc, c));
    if let Some(c) = single_country(placed) {
        return Some(c);
    }
    // A namesake of middling size elsewhere makes even a large city's name ambiguous.
    let middling = MIN_INVOLVED_POPULATION..MIN_KNOWN_POPULATION;
    if places().any(|p| middling.contains(&p.population)) {
        return None;
    }
    single_country(
        places()
            .filter(|p| p.population == 0 || p.population >= MIN_KNOWN_POPULATION)
            .map(|p| p.country.as_str()),
    )
}

/// The one country all of `countries` name; `None` when they name none or several.
fn single_country<'l>(mut countries: impl Iterator<Item = &'l str>) -> Option<&'l str> {
    let first = countries.next()?;
    countries.all(|c| c == first).then_some(first)
}

/// Longest dateline before its dash or colon, in bytes ("EAST CLEVELAND, Ohio, Sept. 24 (AP)").
const MAX_DATELINE_BYTES: usize = 60;
/// Most words of the place name in a dateline.
const MAX_DATELINE_NAME_WORDS: usize = 4;

/// The places of the story's datelines, each with the first sentence it covers: the dateline
/// cut off a scraped page (from the metadata), and any body paragraph that opens with one
/// ("PARIS (Reuters) –", "VENICE, Italy (AP) —", "Kigali:", "London, Jun 11 (efe-epa).-"; a
/// round-up of news from several places has one per section, "STOCKHOLM — …"). Only a name
/// the gazetteer knows counts, so "FILE PHOTO:" or "UPDATE:" is no dateline.
pub(crate) fn datelines(doc: &Document, lex: &Lexicon) -> Vec<(u32, Location)> {
    let mut scratch = String::new();
    let mut found = Vec::new();
    if let Some(d) = doc.meta.dateline.as_deref() {
        let (name, qualifier) = split_dateline_name(d);
        if let Some(l) = gazetteer_place(doc, lex, name, qualifier, &mut scratch) {
            found.push((0, l));
        }
    }
    let mut paragraph = u32::MAX;
    for (si, s) in doc.sentences.iter().enumerate() {
        if s.paragraph == paragraph || s.kind != Kind::Body {
            continue;
        }
        paragraph = s.paragraph;
        let para = doc.paragraphs[s.paragraph as usize].span;
        let text = doc.slice(para);
        let Some(prefix) = dateline_prefix(text) else {
            continue;
        };
        let (name, qualifier) = split_dateline_name(prefix);
        if let Some(l) = gazetteer_place(doc, lex, name, qualifier, &mut scratch) {
            let start = para.start + (name.as_ptr() as usize - text.as_ptr() as usize) as u32;
            let span = Span {
                start,
                end: start + name.len() as u32,
            };
            found.push((
                si as u32,
                Location {
                    span: Some(span),
                    ..l
                },
            ));
        }
    }
    found
}

/// The words before a dateline's dash or colon, when the paragraph opens with one: a
/// capitalised name, then perhaps a region, a date and an agency in brackets.
fn dateline_prefix(text: &str) -> Option<&str> {
    if !text.starts_with(char::is_uppercase) {
        return None;
    }
    for (i, c) in text.char_indices() {
        if i > MAX_DATELINE_BYTES {
            return None;
        }
        let rest = &text[i + c.len_utf8()..];
        let ends = match c {
            '—' | '–' | ':' => true,
            // A dash, not a hyphen inside a name ("WINSTON-SALEM").
            '-' => !rest.starts_with(char::is_alphabetic),
            // "LONDON \" AstraZeneca said", "WASHINGTON\u{fffd}The": a straight quote or a
            // replacement character for a dash lost in transcoding, after a name in capitals
            // only.
            '"' | '\u{fffd}' => {
                let name = text[..i].trim_end();
                name.len() > 2 && !name.contains(char::is_lowercase)
            }
            // "(Reuters) –", "(AP) \"", "(efe-epa).-"
            '(' => {
                let close = rest.find(')')?;
                let after = rest[close + 1..].trim_start();
                after.starts_with(['-', '—', '–', ':', '.', '"', '“', '\''])
                    || after.starts_with(char::is_uppercase)
            }
            _ => false,
        };
        if ends {
            let prefix = text[..i].trim_end();
            return (!prefix.is_empty()).then_some(prefix);
        }
        // Before the comma, only the place name: a lowercase word there is a sentence.
        if c == ' ' && !text[..i].contains(',') && rest.starts_with(char::is_lowercase) {
            return None;
        }
    }
    None
}

/// "VENICE, Italy" → ("VENICE", Some("Italy")); "London, Jun 11" → ("London", Some("Jun 11")).
fn split_dateline_name(dateline: &str) -> (&str, Option<&str>) {
    let dateline = dateline.split('(').next().unwrap_or("").trim();
    match dateline.split_once(',') {
        Some((name, rest)) => {
            let qualifier = rest.split(',').next().unwrap_or("").trim();
            (name.trim(), (!qualifier.is_empty()).then_some(qualifier))
        }
        None => (dateline, None),
    }
}

/// Where a country named as a place lies: its capital for the capital or a seat of power ("the
/// White House" stands in Washington), else the country's own point; with the place's name and
/// kind.
pub(crate) fn country_point(
    country: &readout_lexicon::Country,
    form: CountryForm,
) -> Option<(String, f64, f64, PlaceKind)> {
    let kind = match form {
        CountryForm::Capital => PlaceKind::City,
        _ => PlaceKind::Site,
    };
    match (form, &country.capital) {
        (CountryForm::Capital | CountryForm::Seat, Some(cap)) => {
            Some((cap.name.clone(), cap.lat, cap.lon, kind))
        }
        _ => country
            .location
            .map(|(lat, lon)| (country.name.clone(), lat, lon, PlaceKind::Country)),
    }
}

/// A place or country named by exactly `name` (all of it), told apart by `qualifier`.
fn gazetteer_place(
    doc: &Document,
    lex: &Lexicon,
    name: &str,
    qualifier: Option<&str>,
    scratch: &mut String,
) -> Option<Location> {
    let refs = |text: &str, scratch: &mut String| -> Vec<NameRef> {
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.is_empty() || words.len() > MAX_DATELINE_NAME_WORDS {
            return Vec::new();
        }
        let ids: Vec<u32> = words.iter().map(|w| lex.word_id(w, scratch)).collect();
        let caps: Vec<bool> = words
            .iter()
            .map(|w| w.starts_with(char::is_uppercase))
            .collect();
        match lex.names.longest(&ids, &caps, 0) {
            Some(m) if m.len == ids.len() => m.values().copied().collect(),
            _ => Vec::new(),
        }
    };
    let found = refs(name, scratch);
    let qualifier = qualifier.map(|q| refs(q, scratch)).unwrap_or_default();
    let chosen = choose_place(doc, lex, &found, &qualifier);
    let place = |p: u32| {
        let pl = &lex.places[p as usize];
        Location {
            name: pl.name.clone(),
            country: Some(pl.country.clone()),
            lat: Some(pl.lat),
            lon: Some(pl.lon),
            span: None,
            kind: PlaceKind::from_gazetteer(&pl.kind),
            how: LocationSource::Dateline,
            geonames_id: pl.geonames_id,
        }
    };
    // As in the text: a qualifier picks among same-named places ("Paris, Texas"); without
    // one, a capital or country wins over a smaller namesake ("MADRID" is not Madrid,
    // Colombia).
    if let Some((p, true)) = chosen {
        return Some(place(p));
    }
    let country = found.iter().find_map(|r| match *r {
        NameRef::Country {
            index,
            form: form @ (CountryForm::Name | CountryForm::Capital),
            ..
        } => {
            let c = &lex.countries[index as usize];
            let (name, lat, lon, kind) = country_point(c, form)?;
            Some(Location {
                name,
                country: Some(c.code.clone()),
                lat: Some(lat),
                lon: Some(lon),
                span: None,
                kind,
                how: LocationSource::Dateline,
                geonames_id: None,
            })
        }
        _ => None,
    });
    country.or_else(|| chosen.map(|(p, _)| place(p)))
}
