//! Actor recognition: noun groups built from lexicon hits, resolved to actors, and in-document
//! coreference ("Mr Wang" → Wang Yi, "he" → the last person, "it" → the last state or
//! organisation that was a subject, "the two officials" → the last two actors).

use crate::analysis::{NameHit, Tokens};
use readout_doc::{token_flags as tf, Actor, Date, Document, Mention, PlaceMention, Span};
use readout_lexicon::{CountryForm, Lexicon, NameRef, WordClasses};
use std::collections::HashMap;
use std::ops::Range;

/// A noun group that names (or refers to) an actor or a place.
#[derive(Debug, Clone)]
pub struct NounGroup {
    pub tokens: Range<usize>,
    pub entity: Option<u32>,
    /// "the two officials", "both sides": two entities.
    pub pair: Option<(u32, u32)>,
    /// Index into `Document::places` when the group is a place.
    pub place: Option<u32>,
    /// "Taiwan's independence": the actor owns the head noun rather than being it.
    pub possessor: bool,
    /// "he", "it": resolved through coreference.
    pub pronoun: bool,
    /// "I", "we": resolved to the speaker of the quote around it.
    pub speaker_pronoun: bool,
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

/// How many distinct recent actors coreference remembers.
const RECENT_ACTORS: usize = 16;

/// Coreference state carried from sentence to sentence.
#[derive(Debug, Default)]
pub struct Coref {
    pub last_person: Option<u32>,
    pub last_thing: Option<u32>,
    /// Distinct actors in order of their latest mention.
    pub recent: Vec<u32>,
    /// Surname word id → person entity, for persons already named in the document.
    /// Persons the lexicon does not know, by the normalised last word of their name.
    pub persons_by_surname: HashMap<String, u32>,
    /// Lexicon person → the document actor it became.
    pub person_entities: HashMap<u32, u32>,
    scratch: String,
}

impl Coref {
    fn note(&mut self, entity: u32) {
        self.recent.retain(|&e| e != entity);
        self.recent.push(entity);
        if self.recent.len() > RECENT_ACTORS {
            self.recent.remove(0);
        }
    }
    fn pair(&self) -> Option<(u32, u32)> {
        let n = self.recent.len();
        (n >= 2).then(|| (self.recent[n - 2], self.recent[n - 1]))
    }
}

/// Creates and deduplicates the document's actors.
pub struct Resolver<'l> {
    pub lex: &'l Lexicon,
    pub date: Option<Date>,
    keys: HashMap<String, u32>,
    person_entity: HashMap<u32, u32>,
}

impl<'l> Resolver<'l> {
    pub fn new(lex: &'l Lexicon, date: Option<Date>) -> Resolver<'l> {
        Resolver {
            lex,
            date,
            keys: HashMap::new(),
            person_entity: HashMap::new(),
        }
    }

    fn entity(&mut self, doc: &mut Document, actor: Actor) -> u32 {
        if let Some(&e) = self.keys.get(&actor.key) {
            return e;
        }
        let e = doc.actors.len() as u32;
        self.keys.insert(actor.key.clone(), e);
        doc.actors.push(actor);
        e
    }

    pub fn person(&mut self, doc: &mut Document, index: u32) -> u32 {
        self.person_as(doc, index, None)
    }

    /// A person, with the sector a modifier imposes ("former president X" is ELI).
    pub fn person_as(&mut self, doc: &mut Document, index: u32, modifier: Option<&str>) -> u32 {
        let p = &self.lex.persons[index as usize];
        let role = p.role_on(self.date);
        let (country, mut sector) = role
            .map(|r| (r.country.clone(), r.sector.clone()))
            .unwrap_or_default();
        if let Some(m) = modifier {
            sector = m.to_string();
        }
        let code = format!("{country}{sector}");
        // An office in an international organisation ("IGO | EURCOM") has no country.
        let (country, sectors) = match (country.as_str(), sector.is_empty()) {
            (kind @ ("IGO" | "NGO"), _) => (None, vec![kind.to_string()]),
            ("", _) => (None, vec![]),
            (_, true) => (Some(country), vec![]),
            (_, false) => (Some(country), vec![sector]),
        };
        let actor = Actor {
            name: p.name.clone(),
            code,
            country,
            sectors,
            key: match modifier {
                Some(m) => format!("person:{}:{m}", p.name),
                None => format!("person:{}", p.name),
            },
        };
        let e = self.entity(doc, actor);
        self.person_entity.insert(index, e);
        e
    }

    fn org(&mut self, doc: &mut Document, index: u32) -> u32 {
        let o = &self.lex.actors[index as usize];
        let actor = Actor {
            name: o.name.clone(),
            code: o.code.clone(),
            country: o.country.clone(),
            sectors: o.sectors.clone(),
            key: format!("org:{}:{}", o.code, o.name),
        };
        self.entity(doc, actor)
    }

    fn country(&mut self, doc: &mut Document, index: u32, sector: Option<&str>) -> u32 {
        let c = &self.lex.countries[index as usize];
        let code = format!("{}{}", c.code, sector.unwrap_or(""));
        let name = match sector {
            Some(s) => format!("{} ({s})", c.name),
            None => c.name.clone(),
        };
        let sectors = sector.map(|s| vec![s.to_string()]).unwrap_or_default();
        let actor = Actor {
            name,
            key: format!("code:{code}"),
            code,
            country: Some(c.code.clone()),
            sectors,
        };
        self.entity(doc, actor)
    }

    /// A country-level actor from a foreign dictionary, with a sector ("AFG" + "GOV").
    fn compound(&mut self, doc: &mut Document, code: &str, name: &str, sector: &str) -> u32 {
        let code = format!("{code}{sector}");
        let actor = Actor {
            name: format!("{name} ({sector})"),
            country: Some(code[..3].to_string()),
            sectors: vec![sector.to_string()],
            key: format!("code:{code}"),
            code,
        };
        self.entity(doc, actor)
    }

    fn role(&mut self, doc: &mut Document, sector: &str) -> u32 {
        let actor = Actor {
            name: sector.to_string(),
            code: sector.to_string(),
            country: None,
            sectors: vec![sector.to_string()],
            key: format!("code:{sector}"),
        };
        self.entity(doc, actor)
    }

    fn new_person(
        &mut self,
        doc: &mut Document,
        name: &str,
        country: Option<&str>,
        sector: Option<&str>,
    ) -> u32 {
        let country = country.map(str::to_string);
        let actor = Actor {
            name: name.to_string(),
            code: format!(
                "{}{}",
                country.as_deref().unwrap_or(""),
                sector.unwrap_or("")
            ),
            country,
            sectors: sector.map(|s| vec![s.to_string()]).unwrap_or_default(),
            key: format!("person:{name}"),
        };
        self.entity(doc, actor)
    }
}

fn is_possessive(text: &str) -> bool {
    matches!(text, "'s" | "’s" | "'S" | "’S" | "’" | "'")
}

/// A lowercase word with no grammatical role: a modifier such as "top" or "economic".
fn plain_word(doc: &Document, toks: &Tokens, i: usize) -> bool {
    toks.classes[i] == WordClasses::NONE && !toks.caps[i] && doc.tokens[i].has(tf::WORD)
}

/// Finds the noun groups of one sentence, resolves them and records mentions and places.
#[allow(clippy::too_many_arguments)]
pub fn noun_groups(
    doc: &mut Document,
    res: &mut Resolver,
    toks: &Tokens,
    sentence: usize,
    hits: &[NameHit],
    coref: &mut Coref,
    update_coref: bool,
    out: &mut Vec<NounGroup>,
) {
    out.clear();
    let range = doc.sentences[sentence].token_range();
    let lex = res.lex;
    // Hits are in text order: the one starting at a token is found by binary search.
    let hit_at = |t: usize| hits.binary_search_by_key(&t, |h| h.tokens.start).ok();
    let mut clause_has_subject = false;
    let mut i = range.start;
    while i < range.end {
        if toks.is(i, WordClasses::CLAUSE_BREAK) || toks.is(i, WordClasses::COMPLEMENTIZER) {
            clause_has_subject = false;
        }
        // The word that governs the group, looking past determiners ("in the Kremlin").
        let mut gov = i;
        while gov > range.start
            && toks.is(gov - 1, WordClasses::DETERMINER)
            && !toks.is(gov - 1, WordClasses::PREPOSITION)
        {
            gov -= 1;
        }
        let governed = |class| {
            gov > range.start
                && toks.is(gov - 1, class)
                && !toks.is(gov - 1, WordClasses::CLAUSE_BREAK)
        };
        let after_prep = governed(WordClasses::PREPOSITION);
        let locative = governed(WordClasses::LOCATIVE);
        // "the governor of Illinois": a place that qualifies a role.
        let after_of = gov > range.start && doc.token_text(gov - 1).eq_ignore_ascii_case("of");
        let mut group = NounGroup {
            tokens: i..i + 1,
            entity: None,
            pair: None,
            place: None,
            possessor: false,
            speaker_pronoun: false,
            pronoun: false,
            after_preposition: after_prep,
            person: None,
            role: None,
            evidence: String::new(),
        };
        // Pronouns (unless the word is also a name here: "US" is not "us").
        let named = hit_at(i).is_some();
        if named {
        } else if let Some(len) = toks.phrase_len(i, WordClasses::PRONOUN_PLURAL) {
            group.tokens = i..i + len;
            group.pair = coref.pair();
            group.evidence = "plural reference → the last two actors".into();
            out.push(group);
            i += len;
            continue;
        } else if toks.is(i, WordClasses::PRONOUN_PERSON) && !toks.is(i, WordClasses::DETERMINER) {
            group.entity = coref.last_person;
            group.evidence = "pronoun → the last person named".into();
            group.pronoun = true;
            out.push(group);
            i += 1;
            continue;
        } else if toks.is(i, WordClasses::PRONOUN_THING) {
            group.entity = coref.last_thing;
            group.evidence = "pronoun → the last state or organisation that was a subject".into();
            group.pronoun = true;
            out.push(group);
            i += 1;
            continue;
        } else if toks.is(i, WordClasses::PRONOUN_SPEAKER) {
            group.speaker_pronoun = true;
            group.evidence = "first person → the speaker of the quote".into();
            out.push(group);
            i += 1;
            continue;
        }
        // A name run: lexicon hits, honorific + surname, possessive compounds.
        let mut refs: Vec<NameRef> = Vec::new();
        let mut j = i;
        let mut surname_person: Option<u32> = None;
        let mut new_person: Option<Range<usize>> = None;
        loop {
            if let Some(k) = hit_at(j) {
                refs.extend(hits[k].refs.iter().copied());
                j = hits[k].tokens.end;
                continue;
            }
            if j < range.end
                && toks.caps[j]
                && doc.tokens[j].has(tf::WORD)
                && !toks.is(j, WordClasses::HONORIFIC)
            {
                // A known surname: "Mr Wang", "Shoigu said", "Ms Le Pen".
                let after_honorific = j > i && toks.is(j - 1, WordClasses::HONORIFIC);
                if let Some(m) =
                    lex.surnames
                        .longest(&toks.words[..range.end], &toks.caps[..range.end], j)
                {
                    let persons: Vec<u32> = m.values().copied().collect();
                    if let Some(e) = persons
                        .iter()
                        .find_map(|p| coref.person_entities.get(p).copied())
                    {
                        surname_person = Some(e);
                        j += m.len;
                        continue;
                    }
                    // "Peskov commented": a bare surname names a lexicon person when only one has
                    // it and the word is nothing else the lexicon knows.
                    let word = toks.words[j];
                    let only_a_name = m.len > 1
                        || (toks.classes[j] == WordClasses::NONE
                            && lex.verb_forms.longest(&[word], &[true], 0).is_none()
                            && lex.noun_triggers.longest(&[word], &[true], 0).is_none()
                            && lex.names.longest(&[word], &[true], 0).is_none());
                    if (after_honorific || only_a_name) && persons.len() == 1 {
                        refs.push(NameRef::Person(persons[0]));
                        j += m.len;
                        continue;
                    }
                }
                // A person the lexicon does not know, named earlier in full.
                readout_text::normalize_into(doc.token_text(j), &mut coref.scratch);
                if let Some(&e) = coref.persons_by_surname.get(coref.scratch.as_str()) {
                    surname_person = Some(e);
                    j += 1;
                    continue;
                }
            }
            if j < range.end
                && toks.is(j, WordClasses::HONORIFIC)
                && j + 1 < range.end
                && toks.caps[j + 1]
            {
                j += 1;
                continue;
            }
            if j > i && j < range.end && is_possessive(doc.token_text(j)) && !refs.is_empty() {
                let mut k = j + 1;
                while k < range.end && k < j + 4 && plain_word(doc, toks, k) && hit_at(k).is_none()
                {
                    k += 1;
                }
                let agent_next = hit_at(k).is_some_and(|h| {
                    hits[h]
                        .refs
                        .iter()
                        .any(|r| matches!(r, NameRef::Agent { .. } | NameRef::Person(_)))
                });
                if agent_next {
                    j = k;
                    continue;
                }
                group.possessor = !refs.iter().all(|r| matches!(r, NameRef::Agent { .. }));
                break;
            }
            // "Chinese Foreign Minister Qin Gang": an unknown name after a country and a role.
            let has_role = refs.iter().any(|r| matches!(r, NameRef::Agent { .. }));
            let has_named = refs
                .iter()
                .any(|r| matches!(r, NameRef::Person(_) | NameRef::Actor(_)))
                || surname_person.is_some();
            if has_role
                && !has_named
                && j < range.end
                && toks.caps[j]
                && toks.classes[j] == WordClasses::NONE
                && doc.tokens[j].has(tf::WORD)
            {
                let mut k = j;
                while k < range.end
                    && k < j + 3
                    && toks.caps[k]
                    && toks.classes[k] == WordClasses::NONE
                    && hit_at(k).is_none()
                    && doc.tokens[k].has(tf::WORD)
                {
                    k += 1;
                }
                if k - j >= 2 {
                    new_person = Some(j..k);
                    j = k;
                }
            }
            break;
        }
        if j == i || (refs.is_empty() && surname_person.is_none()) {
            i += 1;
            continue;
        }
        group.tokens = i..j;
        let span = Span {
            start: doc.tokens[i].span.start,
            end: doc.tokens[j - 1].span.end,
        };
        // "Paris, Texas": a name after a comma that qualifies a place.
        let qualifier: &[NameRef] = match hit_at(j + 1) {
            Some(k) if j < range.end && doc.token_text(j) == "," => &hits[k].refs,
            _ => &[],
        };
        let context = PlaceContext { locative, after_of };
        // "former president", "Russia's exiled opposition leader": a modifier word in or just
        // before the group imposes its sector.
        let modifier = (i.saturating_sub(2).max(range.start)..j)
            .find_map(|t| lex.modifiers.get(&toks.words[t]))
            .map(|&s| lex.sectors[s as usize].clone());
        resolve(
            doc,
            res,
            sentence,
            &refs,
            qualifier,
            surname_person,
            new_person,
            context,
            modifier.as_deref(),
            &mut group,
            span,
        );
        if group.entity.is_none() && group.place.is_none() {
            // A place named outside a locative phrase, or nothing resolvable: not a group.
            i = j;
            continue;
        }
        if group.person.is_none() {
            group.person = refs.iter().find_map(|r| match r {
                NameRef::Person(p) => Some(*p),
                _ => None,
            });
        }
        if let Some(e) = group.entity.filter(|_| group.place.is_none()) {
            doc.mentions.push(Mention {
                sentence: sentence as u32,
                span,
                actor: e,
            });
            if update_coref {
                coref.note(e);
                let actor = &doc.actors[e as usize];
                if actor.key.starts_with("person:") {
                    coref.last_person = Some(e);
                    match group.person {
                        Some(p) => {
                            coref.person_entities.insert(p, e);
                        }
                        None => {
                            let surname = last_word(&actor.name);
                            coref.persons_by_surname.insert(surname, e);
                        }
                    }
                } else if !after_prep && !clause_has_subject && !group.possessor {
                    coref.last_thing = Some(e);
                }
            }
            clause_has_subject = true;
        }
        out.push(group);
        i = j;
    }
    qualify_roles_by_place(doc, res, toks, sentence, out);
    appositive_persons(doc, res, toks, sentence, hits, coref, update_coref, out);
}

/// "the foreign ministry in Manila", "police in Kyiv", "the president of France": a bare role
/// followed by a locative place or by "of" and a country is that country's role.
fn qualify_roles_by_place(
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

/// Where a name stands, as far as reading it as a place is concerned.
#[derive(Clone, Copy)]
struct PlaceContext {
    /// After "in", "at", "near": a place, even if the name is also a capital.
    locative: bool,
    /// After "of": a place-only name is kept as a place ("the governor of Illinois").
    after_of: bool,
}

#[allow(clippy::too_many_arguments)]
fn resolve(
    doc: &mut Document,
    res: &mut Resolver,
    sentence: usize,
    refs: &[NameRef],
    qualifier: &[NameRef],
    surname_person: Option<u32>,
    new_person: Option<Range<usize>>,
    context: PlaceContext,
    modifier: Option<&str>,
    group: &mut NounGroup,
    span: Span,
) {
    let locative = context.locative;
    let lex = res.lex;
    let person = refs.iter().find_map(|r| match r {
        NameRef::Person(p) => Some(*p),
        _ => None,
    });
    let org = refs.iter().find_map(|r| match r {
        NameRef::Actor(a) => Some(*a),
        _ => None,
    });
    let country = refs.iter().find_map(|r| match r {
        NameRef::Country {
            index,
            form,
            sector,
        } => Some((*index, *form, *sector)),
        _ => None,
    });
    // The last role word is the head ("Security Council secretary"): it names the office.
    let (agent, title) = refs
        .iter()
        .rev()
        .find_map(|r| match *r {
            NameRef::Agent { sector, title } => Some((Some(sector), title)),
            _ => None,
        })
        .unwrap_or((None, readout_lexicon::NO_TITLE));

    let names: Vec<String> = refs.iter().map(|r| describe(lex, r)).collect();
    group.evidence = names.join(" + ");
    let place = choose_place(doc, lex, refs, qualifier);
    if let Some((p, true)) = place {
        // The qualifier picked one of several same-named places ("Paris, Texas").
        let pl = &lex.places[p as usize];
        let (name, country, lat, lon) = (pl.name.clone(), Some(pl.country.clone()), pl.lat, pl.lon);
        group.place = Some(push_place(
            doc, sentence, group, span, name, country, lat, lon, locative,
        ));
        return;
    }
    let place = place
        .map(|(p, _)| p)
        .filter(|_| context.locative || context.after_of);
    if let Some(e) = surname_person {
        group.entity = Some(e);
        group.evidence = format!("surname of {} named earlier", doc.actors[e as usize].name);
        return;
    }
    if let Some(p) = person {
        let e = res.person_as(doc, p, modifier);
        group.entity = Some(e);
        return;
    }
    if let Some(o) = org {
        // A country-level actor code with a role ("Afghan officials" with a PETRARCH
        // dictionary, where "Afghan" is actor AFG) compounds, as TABARI codes do.
        let actor = &lex.actors[o as usize];
        if let (true, Some(sector)) = (actor.code.len() == 3 && actor.country.is_some(), agent) {
            let sector = modifier
                .map(str::to_string)
                .unwrap_or_else(|| lex.sectors[sector as usize].clone());
            if let Some(&c) = lex.country_index.get(&actor.code) {
                group.entity = Some(res.country(doc, c, Some(&sector)));
                return;
            }
            group.entity = Some(res.compound(doc, &actor.code, &actor.name, &sector));
            return;
        }
        group.entity = Some(res.org(doc, o));
        return;
    }
    let country_code = country.map(|(c, _, _)| lex.countries[c as usize].code.clone());
    let sector_name = agent.map(|s| {
        modifier
            .map(str::to_string)
            .unwrap_or_else(|| lex.sectors[s as usize].clone())
    });
    if let Some(range) = new_person {
        let name = doc
            .slice(Span {
                start: doc.tokens[range.start].span.start,
                end: doc.tokens[range.end - 1].span.end,
            })
            .to_string();
        group.entity =
            Some(res.new_person(doc, &name, country_code.as_deref(), sector_name.as_deref()));
        group.evidence.push_str(&format!(" + new person {name:?}"));
        return;
    }
    if let (Some((c, _, _)), true) = (
        country,
        title != readout_lexicon::NO_TITLE && !context.locative && modifier.is_none(),
    ) {
        // "Russia's foreign minister": the person who held that office on the article's date.
        if let Some(p) = lex.office_holder(&lex.countries[c as usize].code, title, res.date) {
            group.entity = Some(res.person(doc, p));
            group.person = Some(p);
            group.evidence.push_str(&format!(
                " → office holder {}",
                lex.persons[p as usize].name
            ));
            return;
        }
    }
    if let Some((c, form, seat_sector)) = country {
        let place_like = matches!(
            form,
            CountryForm::Name | CountryForm::Capital | CountryForm::Seat
        );
        if locative && place_like && agent.is_none() {
            let country = &lex.countries[c as usize];
            let coords = match form {
                CountryForm::Capital => country
                    .capital
                    .as_ref()
                    .map(|cap| (cap.name.clone(), cap.lat, cap.lon)),
                _ => None,
            }
            .or_else(|| {
                country
                    .location
                    .map(|(lat, lon)| (country.name.clone(), lat, lon))
            });
            if let Some((_, lat, lon)) = coords {
                let name = doc.slice(span).trim_start_matches("the ").to_string();
                group.place = Some(push_place(
                    doc,
                    sentence,
                    group,
                    span,
                    name,
                    Some(country.code.clone()),
                    lat,
                    lon,
                    locative,
                ));
                return;
            }
        }
        let sector = match (sector_name, form, seat_sector) {
            (Some(s), _, _) => Some(s),
            (None, _, Some(s)) => Some(lex.sectors[s as usize].clone()),
            (None, CountryForm::Capital | CountryForm::Seat, None) => Some("GOV".to_string()),
            _ => None,
        };
        group.entity = Some(res.country(doc, c, sector.as_deref()));
        return;
    }
    if let Some(p) = place {
        let pl = &lex.places[p as usize];
        let (name, country, lat, lon) = (pl.name.clone(), Some(pl.country.clone()), pl.lat, pl.lon);
        group.place = Some(push_place(
            doc, sentence, group, span, name, country, lat, lon, locative,
        ));
        return;
    }
    if let Some(s) = sector_name {
        // A bare role ("police", "officials") is an actor coded by its sector alone, as GDELT
        // codes it; "the ministry in Manila" gets its country afterwards.
        group.entity = Some(res.role(doc, &s));
        group.role = Some(s);
    }
}

#[allow(clippy::too_many_arguments)]
fn push_place(
    doc: &mut Document,
    sentence: usize,
    group: &NounGroup,
    span: Span,
    name: String,
    country: Option<String>,
    lat: f64,
    lon: f64,
    locative: bool,
) -> u32 {
    doc.places.push(PlaceMention {
        sentence: sentence as u32,
        tokens: group.tokens.start as u32..group.tokens.end as u32,
        span,
        name,
        country,
        lat,
        lon,
        locative,
    });
    (doc.places.len() - 1) as u32
}

/// A lexicon reference as a person reads it, for `readout explain`.
pub fn describe(lex: &Lexicon, r: &NameRef) -> String {
    match *r {
        NameRef::Country {
            index,
            form,
            sector,
        } => {
            let c = &lex.countries[index as usize];
            let sector = sector
                .map(|s| format!(" {}", lex.sectors[s as usize]))
                .unwrap_or_default();
            format!("country {} ({:?}{sector})", c.code, form)
                .to_lowercase()
                .replace(&c.code.to_lowercase(), &c.code)
        }
        NameRef::Actor(a) => format!(
            "actor {} {}",
            lex.actors[a as usize].code, lex.actors[a as usize].name
        ),
        NameRef::Person(p) => format!("person {}", lex.persons[p as usize].name),
        NameRef::Agent { sector, .. } => format!("agent {}", lex.sectors[sector as usize]),
        NameRef::Place(p) => format!("place {}", lex.places[p as usize].name),
    }
}

/// The normalised last word of a name: what "Mr X" uses for a person the lexicon does not know.
fn last_word(name: &str) -> String {
    let mut out = String::new();
    readout_text::normalize_into(name.rsplit(' ').next().unwrap_or(name), &mut out);
    out
}

/// Picks among same-named places: one matching the qualifier after a comma ("Paris, Texas";
/// returned with `true`), else one in a country the document already involves, else a
/// hand-curated entry, else the most populous.
fn choose_place(
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

/// "Abu Ahmed, a Hamas commander, said …": a name the lexicon does not know, followed by an
/// appositive that names a role, becomes a person with that role's code.
#[allow(clippy::too_many_arguments)]
fn appositive_persons(
    doc: &mut Document,
    res: &mut Resolver,
    toks: &Tokens,
    sentence: usize,
    hits: &[NameHit],
    coref: &mut Coref,
    update_coref: bool,
    groups: &mut Vec<NounGroup>,
) {
    let start = doc.sentences[sentence].tokens.start as usize;
    let mut found = Vec::new();
    for g in groups.iter() {
        let Some(e) = g
            .entity
            .filter(|_| !g.pronoun && g.pair.is_none() && g.person.is_none())
        else {
            continue;
        };
        let actor = &doc.actors[e as usize];
        if actor.sectors.is_empty() || actor.key.starts_with("person:") {
            continue;
        }
        // [name] , [a|an|the] [group]
        let det = g
            .tokens
            .start
            .checked_sub(1)
            .filter(|&d| d >= start && toks.is(d, WordClasses::DETERMINER));
        let Some(comma) = det
            .and_then(|d| d.checked_sub(1))
            .filter(|&c| c >= start && doc.token_text(c) == ",")
        else {
            continue;
        };
        let is_name_word = |t: usize| {
            toks.caps[t]
                && doc.tokens[t].has(tf::WORD)
                && toks.classes[t] == WordClasses::NONE
                && !hits.iter().any(|h| h.tokens.contains(&t))
        };
        let mut first = comma;
        while first > start && comma - first < 4 && is_name_word(first - 1) {
            first -= 1;
        }
        if comma - first < 2
            || groups
                .iter()
                .any(|o| o.tokens.start < comma && o.tokens.end > first)
        {
            continue;
        }
        found.push((
            first..comma,
            actor.country.clone(),
            actor.sectors[0].clone(),
        ));
    }
    for (range, country, sector) in found {
        let span = Span {
            start: doc.tokens[range.start].span.start,
            end: doc.tokens[range.end - 1].span.end,
        };
        let name = doc.slice(span).to_string();
        let e = res.new_person(doc, &name, country.as_deref(), Some(&sector));
        doc.mentions.push(Mention {
            sentence: sentence as u32,
            span,
            actor: e,
        });
        if update_coref {
            coref.note(e);
            coref.last_person = Some(e);
            coref.persons_by_surname.insert(last_word(&name), e);
        }
        let group = NounGroup {
            tokens: range.clone(),
            entity: Some(e),
            pair: None,
            place: None,
            possessor: false,
            pronoun: false,
            speaker_pronoun: false,
            after_preposition: false,
            role: None,
            person: None,
            evidence: format!("unknown name with an appositive role → new person {name:?}"),
        };
        let at = groups.partition_point(|g| g.tokens.start < range.start);
        groups.insert(at, group);
    }
}
