//! Resolution: a noun group's lexicon references become one document actor.

use super::places::{choose_place, push_place};
use super::NounGroup;
use readout_doc::{Actor, Date, Document, PlaceKind, PlaceMention, Span};
use readout_lexicon::{CountryForm, Lexicon, NameRef, Standing};
use std::collections::HashMap;
use std::ops::Range;

/// Creates and deduplicates the document's actors.
pub struct Resolver<'l> {
    /// The lexicon whose references (`NameRef`) are resolved.
    pub lex: &'l Lexicon,
    /// The article's publication date: a person is coded by the office held on that day;
    /// `None` when the date is unknown.
    pub date: Option<Date>,
    keys: HashMap<String, u32>,
    person_entity: HashMap<u32, u32>,
    /// Bare titled offices ("the prime minister") coded as their role until the story's
    /// country is known: (the words, the role's entity, the title).
    pub(crate) pending_offices: Vec<(Span, u32, u32)>,
    /// Unlisted bodies a later mention described more fully ("Novartis" in the headline,
    /// "Swiss drugmaker Novartis" in the lead): each with the code it had before, which the
    /// events coded on it meanwhile still carry.
    described_later: Vec<(u32, String)>,
    /// The names of the bodies named so far and their first words ("Pernod" of "Pernod
    /// Ricard"), each with its body: the first one named keeps a short form.
    body_names: HashMap<String, u32>,
    /// Acronyms the article gives its bodies in brackets ("the London Stock Exchange (LSE)"),
    /// each with its body: they name that body, over the lexicon, for the rest of the article.
    acronyms: HashMap<String, u32>,
}

impl<'l> Resolver<'l> {
    /// A resolver for one document published on `date`, with no actors yet.
    pub fn new(lex: &'l Lexicon, date: Option<Date>) -> Resolver<'l> {
        Resolver {
            lex,
            date,
            keys: HashMap::new(),
            person_entity: HashMap::new(),
            pending_offices: Vec::new(),
            described_later: Vec::new(),
            body_names: HashMap::new(),
            acronyms: HashMap::new(),
        }
    }

    fn entity(&mut self, doc: &mut Document, actor: Actor) -> u32 {
        if let Some(&e) = self.keys.get(&actor.key) {
            return e;
        }
        let e = doc.actors.len() as u32;
        self.keys.insert(actor.key.clone(), e);
        // Names made for a country's sector ("United States (GOV)") have no short form.
        if super::is_named_body(&actor) && !actor.name.contains('(') {
            let ends = actor.name.match_indices(' ').map(|(end, _)| end);
            for end in ends.chain([actor.name.len()]) {
                self.body_names
                    .entry(actor.name[..end].to_string())
                    .or_insert(e);
            }
        }
        doc.actors.push(actor);
        e
    }

    /// The body named before whose name, or whose name's first words, or whose acronym given
    /// in the text, `name` is.
    pub(crate) fn body_by_first_words(&self, name: &str) -> Option<u32> {
        self.acronym(name)
            .or_else(|| self.body_names.get(name).copied())
    }

    /// Records the acronym the text gives body `e` in brackets after its name (see
    /// [`super::acronym_after`]); a later acronym of the same letters takes its place.
    pub(crate) fn note_acronym(&mut self, acronym: &str, e: u32) {
        self.acronyms.insert(acronym.to_string(), e);
    }

    /// The body the article gave the acronym `word`.
    pub(crate) fn acronym(&self, word: &str) -> Option<u32> {
        self.acronyms.get(word).copied()
    }

    /// The document actor for lexicon person `index` (into `Lexicon::persons`), coded by the
    /// office held on the article's date; created on first mention, then reused.
    pub fn person(&mut self, doc: &mut Document, index: u32) -> u32 {
        self.person_as(doc, index, None, None)
    }

    /// A person, with the sector a modifier imposes ("former president X" is ELI), or, when
    /// the lexicon gives the person no office on the article's date, the sector of the title
    /// the text gives ("immigration minister Des Browne" before his first listed office).
    pub fn person_as(
        &mut self,
        doc: &mut Document,
        index: u32,
        modifier: Option<&str>,
        title: Option<&str>,
    ) -> u32 {
        let p = &self.lex.persons[index as usize];
        // In office: the office's code. Out of office: a former official is an elite (ELI) of
        // the country served; someone not yet in office is coded by country alone.
        let standing = p.standing_on(self.date);
        let in_office = matches!(standing, Some(Standing::InOffice(_)));
        let (country, mut sector) = match standing {
            Some(Standing::InOffice(r)) => (r.country.clone(), r.sector.clone()),
            Some(Standing::Former(r)) if !matches!(r.country.as_str(), "IGO" | "NGO") => {
                (r.country.clone(), "ELI".to_string())
            }
            Some(Standing::NotYet(r)) if !matches!(r.country.as_str(), "IGO" | "NGO") => {
                (r.country.clone(), String::new())
            }
            _ => Default::default(),
        };
        if let Some(m) = modifier {
            sector = m.to_string();
        } else if let Some(t) = title.filter(|_| !in_office && !country.is_empty()) {
            sector = t.to_string();
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
            ..Actor::default()
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
            ..Actor::default()
        };
        self.entity(doc, actor)
    }

    pub(crate) fn country(&mut self, doc: &mut Document, index: u32, sector: Option<&str>) -> u32 {
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
            ..Actor::default()
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
            ..Actor::default()
        };
        self.entity(doc, actor)
    }

    pub(crate) fn role(&mut self, doc: &mut Document, sector: &str) -> u32 {
        let actor = Actor {
            name: sector.to_string(),
            code: sector.to_string(),
            country: None,
            sectors: vec![sector.to_string()],
            key: format!("code:{sector}"),
            ..Actor::default()
        };
        self.entity(doc, actor)
    }

    pub(crate) fn new_person(
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
            unlisted: true,
            ..Actor::default()
        };
        self.entity(doc, actor)
    }
}

impl Resolver<'_> {
    /// A body the lexicon does not list ("the Vestey Group"), with the sector its name gives.
    pub(crate) fn new_body(
        &mut self,
        doc: &mut Document,
        name: &str,
        country: Option<&str>,
        sector: Option<&str>,
    ) -> u32 {
        // A bare "Committee" or "Board" names no one body: Labour's and the Commons' are two.
        let generic = !name.contains(' ')
            && self
                .lex
                .body_words
                .contains(&self.lex.word_id(name, &mut String::new()));
        let key = if generic {
            format!(
                "body:{name}:{}{}",
                country.unwrap_or(""),
                sector.unwrap_or("")
            )
        } else {
            format!("body:{name}")
        };
        if let Some(&e) = self.keys.get(&key) {
            // A body first named bare takes the country and sector a later mention gives it.
            let a = &mut doc.actors[e as usize];
            let country = country.filter(|_| a.country.is_none());
            let sector = sector.filter(|_| a.sectors.is_empty());
            if a.unlisted && (country.is_some() || sector.is_some()) {
                self.described_later.push((e, a.code.clone()));
                if let Some(c) = country {
                    a.country = Some(c.to_string());
                }
                if let Some(s) = sector {
                    a.sectors = vec![s.to_string()];
                }
                a.code = format!(
                    "{}{}",
                    a.country.as_deref().unwrap_or(""),
                    a.sectors.concat()
                );
            }
            return e;
        }
        let actor = Actor {
            name: name.to_string(),
            code: format!("{}{}", country.unwrap_or(""), sector.unwrap_or("")),
            country: country.map(str::to_string),
            sectors: sector.map(|s| vec![s.to_string()]).unwrap_or_default(),
            key,
            unlisted: true,
            ..Actor::default()
        };
        self.entity(doc, actor)
    }
}

/// Where a name stands, as far as reading it as a place is concerned.
#[derive(Clone, Copy)]
pub(crate) struct PlaceContext {
    /// After "in", "at", "near": a place, even if the name is also a capital.
    pub locative: bool,
    /// After "of": a place-only name is kept as a place ("the governor of Illinois").
    pub after_of: bool,
    /// The subject of its clause: a state or province named alone acts ("Bihar announced a
    /// lockdown"), as a country named alone does.
    pub subject: bool,
    /// The object of a word, or its complement with "to" ("visited Mumbai", "a visit to
    /// London"): a town, region, country or capital named so is also the place gone to or
    /// acted on, for the event on it.
    pub destination: bool,
}

/// What a name run found, for [`resolve`].
pub(crate) struct NameRun<'a> {
    /// The lexicon references of the run's names.
    pub refs: &'a [NameRef],
    /// A name after a comma that may qualify a place ("Paris, Texas").
    pub qualifier: &'a [NameRef],
    /// A person named earlier, found by surname ("Mr Wang").
    pub surname_person: Option<u32>,
    /// Unknown capitalised words after a role ("Foreign Minister Qin Gang").
    pub new_person: Option<Range<usize>>,
    pub context: PlaceContext,
    /// The sector a modifier imposes ("former" → ELI).
    pub modifier: Option<&'a str>,
    /// A word of the run is also a lexicon person's surname ("the *Bush* administration",
    /// "the *Obama* White House"): a town of that name is no one's home.
    pub surname_word: bool,
}

/// Resolves a name run to one actor or place and records it on `group`.
pub(crate) fn resolve(
    doc: &mut Document,
    res: &mut Resolver,
    sentence: usize,
    run: &NameRun,
    group: &mut NounGroup,
    span: Span,
) {
    let NameRun {
        refs,
        qualifier,
        surname_person,
        ref new_person,
        context,
        modifier,
        surname_word,
    } = *run;
    let new_person = new_person.clone();
    let locative = context.locative;
    let tokens = group.tokens.start as u32..group.tokens.end as u32;
    let place = |name: String,
                 country: Option<String>,
                 lat: f64,
                 lon: f64,
                 kind,
                 geonames_id: Option<u32>| PlaceMention {
        sentence: sentence as u32,
        tokens: tokens.clone(),
        span,
        name,
        country,
        lat: Some(lat),
        lon: Some(lon),
        locative,
        kind,
        anchors: None,
        object_of: None,
        geonames_id,
    };
    let lex = res.lex;
    // A mention of gazetteer place `p` over the group's words.
    let gazetteer = |p: u32| {
        let pl = &lex.places[p as usize];
        let kind = PlaceKind::from_gazetteer(&pl.kind);
        let country = Some(pl.country.clone());
        place(
            pl.name.clone(),
            country,
            pl.lat,
            pl.lon,
            kind,
            pl.geonames_id,
        )
    };
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
    // "church officials", "union president", "rebel leaders": a government role that any body
    // has (a plural, or a body role) after the word for another institution is that
    // institution's, and no longer names a government office.
    let gov = res
        .lex
        .sectors
        .iter()
        .position(|s| s == "GOV")
        .map(|i| i as u16);
    let shared_role =
        title == readout_lexicon::NO_TITLE || res.lex.body_role_titles.contains(&title);
    let institution = match agent {
        Some(head) if shared_role && Some(head) == gov => refs
            .iter()
            .rev()
            .filter_map(|r| match *r {
                NameRef::Agent { sector, .. } => Some(sector),
                _ => None,
            })
            .nth(1)
            .filter(|&s| Some(s) != gov),
        _ => None,
    };
    let (agent, title) = match institution {
        Some(sector) => (Some(sector), readout_lexicon::NO_TITLE),
        None => (agent, title),
    };

    let names: Vec<String> = refs.iter().map(|r| describe(lex, r)).collect();
    group.evidence = names.join(" + ");
    let chosen = choose_place(doc, lex, refs, qualifier);
    if let Some((p, true)) = chosen {
        // The qualifier picked one of several same-named places ("Paris, Texas").
        group.place = Some(push_place(doc, gazetteer(p)));
        return;
    }
    let named_place = chosen.map(|(p, _)| p);
    // A place with a role after it ("the Ohio governor", "Texas officials") names whose the
    // role is, not where anything is.
    let chosen = named_place.filter(|&p| {
        context.locative
            || (agent.is_none()
                && (context.after_of
                    || (context.subject
                        && PlaceKind::from_gazetteer(&lex.places[p as usize].kind)
                            == PlaceKind::Division)))
    });
    if let Some(e) = surname_person {
        group.entity = Some(e);
        // A surname, a name repeated in full or an acronym the article gave.
        group.evidence = format!("{} named earlier", doc.actors[e as usize].name);
        return;
    }
    if let Some(p) = person {
        let title = agent.map(|s| lex.sectors[s as usize].as_str());
        let e = res.person_as(doc, p, modifier, title);
        group.entity = Some(e);
        return;
    }
    // "BBC correspondent Gary O'Donoghue", "Labour MP Gary Hale": the person named after the
    // role is the actor, of the country of the body the role serves; a role every body has
    // ("Ryanair chairman David Bonderman") takes the body's sector too.
    let org_actor = org.map(|o| &lex.actors[o as usize]);
    let country_code = country
        .map(|(c, _, _)| lex.countries[c as usize].code.clone())
        .or_else(|| org_actor.and_then(|a| a.country.clone()));
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
        let sector = match org_actor {
            Some(a) if shared_role && modifier.is_none() => a.sectors.first().cloned(),
            _ => sector_name,
        };
        group.entity = Some(res.new_person(doc, &name, country_code.as_deref(), sector.as_deref()));
        group.evidence.push_str(&format!(" + new person {name:?}"));
        return;
    }
    if let Some(o) = org {
        let actor = &lex.actors[o as usize];
        let party = actor.sectors.iter().any(|s| s == "PTY");
        // "the former Labour leader", "a former Tory MP": a modifier's sector (ELI) for a
        // party office, of the party's country.
        let party_country = actor
            .country
            .as_ref()
            .and_then(|c| lex.country_index.get(c));
        if let (true, Some(_), Some(m), Some(&c)) = (party, agent, modifier, party_country) {
            group.entity = Some(res.country(doc, c, Some(m)));
            return;
        }
        if let (true, Some(sector), None) = (party, agent, modifier) {
            // "the Lib Dem leader": the party's leader on the article's date.
            let leader = (title != readout_lexicon::NO_TITLE
                && lex.titles[title as usize] == "leader")
                .then(|| lex.leader_of(o, res.date))
                .flatten();
            if let Some(p) = leader {
                group.entity = Some(res.person(doc, p));
                group.person = Some(p);
                group
                    .evidence
                    .push_str(&format!(" → party leader {}", lex.persons[p as usize].name));
                return;
            }
            // "a senior Tory MP", "Labour MPs": members of a party's parliamentary group are
            // legislators of its country.
            if let (true, Some(&c)) = (lex.sectors[sector as usize] == "LEG", party_country) {
                group.entity = Some(res.country(doc, c, Some("LEG")));
                return;
            }
        }
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
            if let Some((point, lat, lon, kind)) = super::places::country_point(country, form) {
                // "In the country" names the country again: the place takes its name.
                let text = doc.slice(span).trim_start_matches("the ");
                let name = if text.starts_with(char::is_lowercase) {
                    point
                } else {
                    text.to_string()
                };
                group.place = Some(push_place(
                    doc,
                    place(name, Some(country.code.clone()), lat, lon, kind, None),
                ));
                // The place is also its country, should a frame want it as an actor ("took a
                // swipe at Saudi Arabia"): a capital or seat stands for the government.
                let sector =
                    matches!(form, CountryForm::Capital | CountryForm::Seat).then_some("GOV");
                group.entity = Some(res.country(doc, c, sector));
                return;
            }
        }
        if context.destination
            && agent.is_none()
            && matches!(form, CountryForm::Name | CountryForm::Capital)
        {
            // "visited London": the government visited, in the city the visit was to. The
            // place is recorded for the event's location, and the group stays the actor.
            let country = &lex.countries[c as usize];
            if let Some((name, lat, lon, kind)) = super::places::country_point(country, form) {
                push_place(
                    doc,
                    place(name, Some(country.code.clone()), lat, lon, kind, None),
                );
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
    if let Some(p) = chosen {
        group.place = Some(push_place(doc, gazetteer(p)));
        return;
    }
    if let Some(p) = named_place.filter(|_| context.destination) {
        // "visited Mumbai", "shelled Idlib": the town is where a visit or an attack happens,
        // recorded for the event's location; the name stays what it was for the actors (a
        // club, a council: "join Sunderland", "criticised Wimbledon").
        push_place(doc, gazetteer(p));
    }
    if let Some(s) = sector_name.as_deref() {
        // "Hartlepool MP", "San Francisco police": a role of a town or region is of its
        // country.
        let country = named_place
            .filter(|_| !surname_word)
            .and_then(|_| super::places::country_of_named_place(doc, lex, refs))
            .and_then(|code| lex.country_index.get(code));
        if let Some(&c) = country {
            group.entity = Some(res.country(doc, c, Some(s)));
            return;
        }
    }
    if let Some(s) = sector_name {
        let definite = group.tokens.start > 0
            && (doc
                .token_text(group.tokens.start)
                .eq_ignore_ascii_case("the")
                || doc
                    .token_text(group.tokens.start - 1)
                    .eq_ignore_ascii_case("the"));
        // "the company said", "the firm": a kind of body named with "the" alone is the body of
        // that kind the article named last.
        if modifier.is_none() {
            let kind = kind_named_with_the(doc, lex, group.tokens.clone());
            if let Some(e) =
                kind.and_then(|k| body_named_before(doc, sentence, span, |a| of_sector(doc, a, k)))
            {
                group.entity = Some(e);
                group.evidence.push_str(&format!(
                    " → the {} named before",
                    doc.actors[e as usize].name
                ));
                return;
            }
        }
        // A bare role ("police", "officials") is an actor coded by its sector alone, as GDELT
        // codes it; "the ministry in Manila" gets its country afterwards.
        let e = res.role(doc, &s);
        group.entity = Some(e);
        group.role = Some(s);
        // "the prime minister": one office, whose holder is known once the story's country
        // is (see `resolve_pending_offices`).
        if title != readout_lexicon::NO_TITLE && definite && !locative && modifier.is_none() {
            res.pending_offices.push((span, e, title));
        }
    }
}

/// The sector of a kind of body named with "the" alone ("the firm", "the company"; `bodykind`
/// records), when `tokens` are that one word.
pub(crate) fn kind_named_with_the<'l>(
    doc: &Document,
    lex: &'l Lexicon,
    tokens: Range<usize>,
) -> Option<&'l str> {
    let t = tokens.start;
    if tokens.len() != 1 || t == 0 || !doc.token_text(t - 1).eq_ignore_ascii_case("the") {
        return None;
    }
    let word = lex.word_id(doc.token_text(t), &mut String::new());
    lex.body_kinds
        .get(&word)
        .map(|&k| lex.sectors[k as usize].as_str())
}

/// How many sentences back "the company" looks for the company it names again.
pub(crate) const DEFINITE_BODY_WINDOW: u32 = 5;

/// The body that the article named last before `span` (a listed organisation, a name the
/// lexicon does not know or a country's body, not a bare role), within
/// [`DEFINITE_BODY_WINDOW`] sentences, among the actors `fits` lets through.
pub(crate) fn body_named_before(
    doc: &Document,
    sentence: usize,
    span: Span,
    fits: impl Fn(u32) -> bool,
) -> Option<u32> {
    let sentence = sentence as u32;
    doc.mentions
        .iter()
        .rev()
        .filter(|m| m.span.end <= span.start)
        .take_while(|m| m.sentence + DEFINITE_BODY_WINDOW >= sentence)
        .map(|m| m.actor)
        .find(|&a| {
            let actor = &doc.actors[a as usize];
            // A body, or a country's body of that kind ("Defra … the department": GBRGOV).
            let named = super::is_named_body(actor)
                || (actor.country.is_some() && actor.key.starts_with("code:"));
            named && fits(a)
        })
}

/// Whether actor `a` is of sector `sector`.
pub(crate) fn of_sector(doc: &Document, a: u32, sector: &str) -> bool {
    doc.actors[a as usize].sectors.iter().any(|s| s == sector)
}

/// Gives the events coded on a body before a later mention described it the body's code.
pub(crate) fn recode_described_later(doc: &mut Document, res: &mut Resolver) {
    for (actor, before) in std::mem::take(&mut res.described_later) {
        recode_events(doc, actor, &before);
    }
}

/// Gives the event sides on `actor` still coded `before` the actor's code now.
pub(crate) fn recode_events(doc: &mut Document, actor: u32, before: &str) {
    let code = &doc.actors[actor as usize].code;
    for e in &mut doc.events {
        for part in std::iter::once(&mut e.source).chain(e.target.as_mut()) {
            if part.actor == Some(actor) && part.code == before {
                part.code.clone_from(code);
            }
        }
    }
}

/// Gives each bare titled office of the story ("the prime minister told …") the person who
/// held it in the story's country on the article's date, where the lexicon knows one holder:
/// its mentions, the events it takes part in and the quotes it speaks.
pub(crate) fn resolve_pending_offices(doc: &mut Document, res: &mut Resolver, country: &str) {
    for (span, role, title) in std::mem::take(&mut res.pending_offices) {
        let Some(p) = res.lex.office_holder(country, title, res.date) else {
            continue;
        };
        let person = res.person(doc, p);
        relink(doc, span, role, person);
    }
}

/// Moves the mention of actor `from` at `span` to actor `to`, with the event sides,
/// attributions and quote speakers that point at it.
pub(crate) fn relink(doc: &mut Document, span: Span, from: u32, to: u32) {
    let code = doc.actors[to as usize].code.clone();
    for m in doc
        .mentions
        .iter_mut()
        .filter(|m| m.span == span && m.actor == from)
    {
        m.actor = to;
    }
    for e in &mut doc.events {
        for part in std::iter::once(&mut e.source).chain(e.target.as_mut()) {
            if part.span == span && part.actor == Some(from) {
                part.actor = Some(to);
                part.code = code.clone();
            }
        }
        if let Some(a) = e.attribution.as_mut() {
            if a.span == span && a.actor == Some(from) {
                a.actor = Some(to);
            }
        }
    }
    for q in doc
        .quotes
        .iter_mut()
        .filter(|q| q.speaker_span == Some(span) && q.speaker == Some(from))
    {
        q.speaker = Some(to);
    }
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
