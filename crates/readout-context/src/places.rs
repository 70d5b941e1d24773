//! Where each event happened.
//!
//! An event takes, in this order:
//! 1. a place its own clause says it happened at: a place phrase the parse hangs on the
//!    event's word ("met in Geneva"), on its located subject ("police in Kyiv arrested"), or,
//!    for a material act or a meeting, on its object ("shelled a market in Idlib") — see
//!    [`PlaceMention::anchors`]; or, for a visit or an attack, the place that is itself its
//!    object or "to" phrase ("visited Mumbai", "a visit to London", "shelled Idlib"; see
//!    [`PlaceMention::object_of`]); a site rather than the town named after it ("met at the
//!    Hotel Saturnia in Venice"). A place that only modifies a noun ("the U.S. election",
//!    "Pakistan's support"), where someone is based ("firms with listings in New York"), or
//!    a place of another clause places nothing;
//! 2. the town or region that is itself the doer ("the region of Catalonia eased
//!    restrictions");
//! 3. when its sentence places no event and it is news of the day (no date of its own, or a
//!    date within a week of publication): the place of an event placed in one of the two
//!    sentences before, when the doer is the same or of that place's country and not one of
//!    its national institutions ("said at a rally in Louisiana … he said later"; "a death in
//!    Rockland was confirmed … Day said"),
//!    or else the story's dateline ("PARIS (Reuters) -"), as a wire story's events of the day
//!    happen where it was filed (the convention of ICEWS's story locations) — except what a
//!    national government says from elsewhere than its capital: in the lead of a story filed
//!    from another city of its country it is placed in the country, and after the lead
//!    nowhere. A new dateline starts a new scene. A story without a dateline whose headline
//!    names a town, region or site in a phrase of its own ("Mayor of Coachella explains …",
//!    "Coronavirus in Bihar: …") is local news: its events of the day by people of that
//!    place's country happen there, when their sentence names no other place and they are not
//!    a national figure's words;
//! 4. failing all that, for the same news of the day, the story's own country (`story`, at
//!    country precision), for an event of one of its people, bodies or firms — not the state's
//!    institutions or the public figures the lexicon lists, who act abroad as often as at home
//!    — once the text has named the country, when the sentence names no place abroad, the
//!    story was not filed from abroad, and no foreign party takes part ("The doctors warned …"
//!    in a story about Zimbabwe's hospitals). A story that never names its country (British
//!    politics among MPs and ministers) says nowhere where its events are.
//!
//! An event told as background (asserted, but left undated by the date stage: "the farmers
//! have rejected the proposal" after the lead) takes no scene, dateline or headline place,
//! which tell where the day's news happened; only the story's country, as in 4.
//!
//! A sentence that was not parsed (none of its words is coded as an event, so this is rare)
//! falls back to the nearest locative place in the event's clause.

use readout_doc::{
    Document, Event, Location, LocationSource, Participant, PlaceKind, PlaceMention,
};
use readout_lexicon::Lexicon;
use std::ops::Range;

/// Most sentences an earlier event's place carries over to later events.
const CARRY_SENTENCES: u32 = 2;

/// Gives every event its place. Places and events are in sentence order, so each sentence
/// looks only at its own slice of places: the work is linear in the document's length.
pub fn attach(doc: &mut Document, lex: &Lexicon) {
    let mut events = std::mem::take(&mut doc.events);
    let mut names = NameTokens::default();
    let mut index = AnchorIndex::default();
    // The place of the latest event placed in the text: (place, sentence, its doer).
    let mut scene: Option<(Location, u32, Option<u32>)> = None;
    // The dateline in force, with the sentence it opens.
    let mut dateline: Option<(&Location, u32)> = None;
    // The countries whose actors took part in an event placed at the dateline: they are there.
    let mut at_dateline: Vec<&str> = Vec::new();
    let mut next_dateline = 0;
    let headline = doc
        .datelines
        .is_empty()
        .then(|| headline_place(doc))
        .flatten();
    let mut start = 0;
    while start < events.len() {
        let sentence = events[start].sentence;
        let end = start + events[start..].partition_point(|e| e.sentence == sentence);
        let places = of_sentence(&doc.places, sentence, |p| p.sentence);
        index.fill(places);
        while next_dateline < doc.datelines.len() && doc.datelines[next_dateline].0 <= sentence {
            let (lead, place) = &doc.datelines[next_dateline];
            dateline = Some((place, *lead));
            at_dateline.clear();
            next_dateline += 1;
            // A new dateline opens a new story: what was placed before it stays there.
            scene = None;
        }
        let mut placed = false;
        for e in &mut events[start..end] {
            let found = index
                .best(doc, places, e)
                .map(|i| &places[i])
                .or_else(|| {
                    // A town or region that is itself the doer ("the region of Catalonia eased
                    // restrictions") acts where it is.
                    places.iter().find(|p| {
                        matches!(p.kind, PlaceKind::City | PlaceKind::Division)
                            && p.object_of.is_none()
                            && e.source.actor.is_some()
                            && p.span.start >= e.source.span.start
                            && p.span.end <= e.source.span.end
                    })
                })
                .or_else(|| {
                    // Places of a sentence that was not parsed: the nearest in the clause.
                    places
                        .iter()
                        .filter(|p| p.locative && p.anchors.is_none())
                        .filter_map(|p| Some((near(doc, &mut names, e, p)?, p)))
                        .min_by_key(|(rank, _)| *rank)
                        .map(|(_, p)| p)
                });
            e.location = found.map(|p| located(p, LocationSource::Text));
            if let Some(l) = &e.location {
                placed = true;
                // A planned or denied visit sets no scene for what follows.
                let happened = e.modality == readout_doc::Modality::Asserted && !e.negated;
                if happened && news_of_the_day(doc, e) {
                    scene = Some((l.clone(), sentence, e.source.actor));
                }
            }
        }
        if !placed {
            let recent = scene
                .as_ref()
                .filter(|(_, from, _)| sentence > *from && sentence - from <= CARRY_SENTENCES);
            for e in &mut events[start..end] {
                if !news_of_the_day(doc, e) {
                    continue;
                }
                if undated_background(doc, e) {
                    // A domestic story's own people act in its country at any time.
                    e.location = story_country(doc, lex, e, places, dateline.map(|d| d.0));
                    continue;
                }
                // The place just named goes on with the same doer ("Trump said at a rally in
                // Louisiana … 'Give me a big win,' he said later") and with the people of its
                // country ("The first death in Rockland was confirmed on Saturday. … Day said
                // he would announce plans"), not with a foreign actor reacting from elsewhere;
                // the dateline goes to anyone's news of the day (talks in Geneva are between
                // foreigners), but not to what a government says after the lead from a city
                // other than its capital, unless it took part in the story's events there.
                let carried = recent
                    .filter(|(place, _, doer)| {
                        let same_doer = doer.is_some() && *doer == e.source.actor;
                        // A national figure does not speak from where a local event of
                        // their country was.
                        let countryman = e.source.actor.is_some_and(|a| {
                            let actor = &doc.actors[a as usize];
                            let country = actor.country.as_ref();
                            country.is_some()
                                && country == place.country.as_ref()
                                && (place.kind == PlaceKind::Country
                                    || !verbal(e)
                                    || !national(actor))
                        });
                        same_doer || countryman
                    })
                    .map(|(l, _, _)| Location {
                        how: LocationSource::Earlier,
                        ..l.clone()
                    });
                e.location = carried
                    .or_else(|| {
                        let (place, lead) = dateline?;
                        if present(doc, e, &at_dateline) || !said_elsewhere(doc, lex, e, place) {
                            return Some(place.clone());
                        }
                        // "VENICE, Italy — The Italian government announced": the lead's news
                        // happened in the government's own country; abroad, at the dateline.
                        (lead == sentence).then(|| {
                            own_country(doc, lex, e, place).unwrap_or_else(|| place.clone())
                        })
                    })
                    .or_else(|| {
                        let place = headline.filter(|p| local(doc, lex, e, p, places))?;
                        Some(located(place, LocationSource::Headline))
                    })
                    .or_else(|| story_country(doc, lex, e, places, dateline.map(|d| d.0)));
                // Placed at the dateline itself (not just in its country): there.
                let at_the_dateline = e.location.as_ref().is_some_and(|l| {
                    l.how == LocationSource::Dateline
                        && dateline.is_some_and(|(place, _)| place.name == l.name)
                });
                if at_the_dateline {
                    let sides = [Some(&e.source), e.target.as_ref()];
                    at_dateline.extend(
                        sides
                            .into_iter()
                            .flatten()
                            .filter_map(|side| country_of(doc, side)),
                    );
                }
            }
        }
        start = end;
    }
    doc.events = events;
}

/// The event's place as the mention names it.
fn located(p: &PlaceMention, how: LocationSource) -> Location {
    Location {
        name: p.name.clone(),
        country: p.country.clone(),
        lat: p.lat,
        lon: p.lon,
        span: Some(p.span),
        kind: p.kind,
        how,
        geonames_id: p.geonames_id,
    }
}

/// The town, region or site the headline of a story without a dateline names ("Mayor of
/// Coachella explains …", "Coronavirus in Bihar: record cases"): local news, whose
/// events happen there unless the text says otherwise. A country in a headline is no such
/// place: stories about a country's economy or its dealings abroad name it as often as
/// stories set there.
fn headline_place(doc: &Document) -> Option<&PlaceMention> {
    let last_title = doc
        .sentences
        .iter()
        .take_while(|s| s.kind == readout_doc::Kind::Title)
        .count() as u32;
    doc.places
        .iter()
        .take_while(|p| p.sentence < last_title)
        .find(|p| {
            // In a phrase of its own ("in Bihar", "mayor of Coachella"), not a modifier ("England
            // coach", "Davis Cup") or a doer ("Wales hails …"), which name the place's people.
            let own_phrase = p.locative || p.anchors.as_ref().is_some_and(|a| !a.is_empty());
            p.kind != PlaceKind::Country && own_phrase
        })
}

/// Whether the headline's place is where the event happened, as far as the text tells: its
/// sentence names no other place, and its doer is of the place's country and, for what is
/// said, someone the text introduces (most often local) rather than a national figure or
/// body the lexicon lists, unless the place is the capital: a chancellor commenting on a
/// strike in Wales need not be in Wales.
fn local(
    doc: &Document,
    lex: &Lexicon,
    e: &Event,
    place: &PlaceMention,
    sentence_places: &[PlaceMention],
) -> bool {
    let Some(actor) = e.source.actor.map(|a| &doc.actors[a as usize]) else {
        return false;
    };
    let Some(country) = actor
        .country
        .as_deref()
        .filter(|&c| place.country.as_deref() == Some(c))
    else {
        return false;
    };
    let elsewhere = sentence_places.iter().any(|p| p.name != place.name);
    let listed = !actor.unlisted && !actor.country_inferred;
    let national_voice = verbal(e) && listed && !is_capital(lex, country, &place.name);
    !elsewhere && !national_voice
}

/// Whether the event's doer is of a country that took part in an event at the dateline: "GENEVA
/// — Iran and the United States held talks. The Iranian foreign minister said …" was said
/// there.
fn present(doc: &Document, e: &Event, countries: &[&str]) -> bool {
    country_of(doc, &e.source).is_some_and(|c| countries.contains(&c))
}

/// The country of the actor on one side of an event, if the side names one that has a country.
fn country_of<'d>(doc: &'d Document, side: &Participant) -> Option<&'d str> {
    doc.actors[side.actor? as usize].country.as_deref()
}

/// Whether a statement by a national actor, after the lead of a story filed from a city other
/// than that actor's capital, was made somewhere the text does not say ("CHICAGO (AP) — False
/// claims … are circulating. … Trump said Saturday during a news conference"): the reporter's
/// city is not the speaker's. The lead's own events, what the actor does there, and meetings
/// keep the dateline; so do people the lexicon does not know, who are most often local.
fn said_elsewhere(doc: &Document, lex: &Lexicon, e: &Event, dateline: &Location) -> bool {
    let Some(actor) = e.source.actor.map(|a| &doc.actors[a as usize]) else {
        return false;
    };
    let Some(country) = actor
        .country
        .as_deref()
        .filter(|_| verbal(e) && national(actor))
    else {
        return false;
    };
    !is_capital(lex, country, &dateline.name)
}

/// Whether `name` is the capital of the country coded `country`.
fn is_capital(lex: &Lexicon, country: &str, name: &str) -> bool {
    lex.country_index
        .get(country)
        .and_then(|&c| lex.countries[c as usize].capital.as_ref())
        .is_some_and(|c| c.name.eq_ignore_ascii_case(name))
}

/// Whether the event is said rather than done (a meeting is done where it is held).
fn verbal(e: &Event) -> bool {
    matches!(e.quad_class, 1 | 3) && !e.code.starts_with("04")
}

/// Whether an actor is a state's own institution or office holder, as the lexicon lists it
/// (not a body or person the text alone introduces, who is most often local).
fn national(actor: &readout_doc::Actor) -> bool {
    !actor.unlisted
        && !actor.country_inferred
        && actor
            .sectors
            .iter()
            .all(|s| matches!(s.as_str(), "GOV" | "LEG" | "JUD" | "MIL"))
}

/// The country of a government (an institution, not a person, who may well have travelled to
/// the dateline) that speaks in a story filed from another city of that country: the event
/// happened in the country, where exactly the text does not say.
fn own_country(doc: &Document, lex: &Lexicon, e: &Event, dateline: &Location) -> Option<Location> {
    let actor = &doc.actors[e.source.actor? as usize];
    let code = actor
        .country
        .as_deref()
        .filter(|&c| dateline.country.as_deref() == Some(c) && !actor.key.starts_with("person:"))?;
    country_location(lex, code, LocationSource::Dateline)
}

/// The story's home country, once the text has named it, for an event nothing else placed whose
/// doer is one of that country's people, bodies or firms: a domestic story's events happen in
/// its country ("The doctors warned …", in a story about Zimbabwe's hospitals). A story that
/// never names its country (British politics among MPs and ministers) leaves its events
/// unplaced, as a reader would: nothing in it says where. Not for the state's own institutions
/// or a public figure the lexicon lists, who act and speak abroad as often as at home ("Britain
/// will send more troops", "Mr Blair said"; the text says where when it matters); nor when the
/// sentence names a place abroad, the story was filed from abroad, or another country's party
/// takes part (the event may well be there: "Yukos asked the US court").
fn story_country(
    doc: &Document,
    lex: &Lexicon,
    e: &Event,
    sentence_places: &[PlaceMention],
    dateline: Option<&Location>,
) -> Option<Location> {
    let home = doc
        .home_country
        .as_ref()
        .filter(|h| h.first_named.is_some_and(|s| s <= e.sentence))?;
    let home = home.code.as_str();
    let abroad = |country: Option<&str>| country.is_some_and(|c| c != home);
    let travels = e.source.actor.is_some_and(|a| {
        let actor = &doc.actors[a as usize];
        national(actor) || (!actor.unlisted && actor.key.starts_with("person:"))
    });
    if country_of(doc, &e.source) != Some(home)
        || travels
        || e.target
            .as_ref()
            .is_some_and(|t| abroad(country_of(doc, t)))
        || sentence_places.iter().any(|p| abroad(p.country.as_deref()))
        || dateline.is_some_and(|d| abroad(d.country.as_deref()))
    {
        return None;
    }
    country_location(lex, home, LocationSource::Story)
}

/// A country as an event's place, at the coordinates the lexicon gives it.
fn country_location(lex: &Lexicon, code: &str, how: LocationSource) -> Option<Location> {
    let country = &lex.countries[*lex.country_index.get(code)? as usize];
    let (lat, lon) = country.location?;
    Some(Location {
        name: country.name.clone(),
        country: Some(country.code.clone()),
        lat: Some(lat),
        lon: Some(lon),
        span: None,
        kind: PlaceKind::Country,
        how,
        geonames_id: None,
    })
}

/// Whether the event is reported as news of the day: no date of its own, or one close to
/// publication.
fn news_of_the_day(doc: &Document, e: &Event) -> bool {
    match e.date {
        Some(date) if date.span.is_some() => crate::news_of_the_day(date, doc.meta.published),
        _ => true,
    }
}

/// Whether an asserted event of a dated story was left undated by the date stage, as told as
/// background ("the farmers have rejected the proposal" after the lead, "recently"): where
/// the reporter filed from, or the scene just told, says nothing of where it happened. (What
/// is only intended or denied has no date either, and keeps the story's scene.)
fn undated_background(doc: &Document, e: &Event) -> bool {
    e.date.is_none()
        && doc.meta.published.is_some()
        && e.modality == readout_doc::Modality::Asserted
}

/// The places of one sentence by the words they are said of, so that each event finds its
/// place by lookup: a sentence of thousands of events and places (a list of headlines) stays
/// linear.
#[derive(Default)]
struct AnchorIndex {
    /// (word, place index in the sentence's slice, rank: how many steps from the place).
    anchors: Vec<(u32, usize, usize)>,
    /// (verb whose object the place describes, place index, rank).
    objects: Vec<(u32, usize, usize)>,
    /// (word whose object or "to" complement the place itself is, place index, rank):
    /// "visited Mumbai", "a visit to London", "shelled Idlib".
    destinations: Vec<(u32, usize, usize)>,
}

impl AnchorIndex {
    fn fill(&mut self, places: &[PlaceMention]) {
        self.anchors.clear();
        self.objects.clear();
        self.destinations.clear();
        for (i, p) in places.iter().enumerate() {
            let Some(anchors) = &p.anchors else { continue };
            match p.object_of {
                Some(v) if p.is_destination() => self.destinations.push((v, i, 0)),
                Some(v) => self.objects.push((v, i, anchors.len())),
                None => {}
            }
            if p.locative {
                self.anchors
                    .extend(anchors.iter().enumerate().map(|(rank, &a)| (a, i, rank)));
            }
        }
        self.anchors.sort_unstable();
        self.objects.sort_unstable();
        self.destinations.sort_unstable();
    }

    /// The closest entry for word `t` in `entries`, if any: (rank, place index).
    fn lookup(entries: &[(u32, usize, usize)], t: u32) -> Option<(usize, usize)> {
        Self::of_word(entries, t)
            .iter()
            .map(|&(_, place, rank)| (rank, place))
            .min()
    }

    /// The entries for word `t` in `entries` (sorted by word).
    fn of_word(entries: &[(u32, usize, usize)], t: u32) -> &[(u32, usize, usize)] {
        let from = entries.partition_point(|e| e.0 < t);
        let to = from + entries[from..].partition_point(|e| e.0 == t);
        &entries[from..to]
    }

    /// The place the parse says the event happened at: one said of its word; else, for a verb
    /// without a subject of its own or an event noun that is a verb's object, one said of that
    /// verb ("banned firecrackers in Delhi, arresting 210 people", "imposed a lockdown in Patna
    /// district"); else, for a material act (quad classes 2 and 4) or a
    /// meeting or visit (CAMEO 04), which needs its object where it happens, where its object
    /// is ("shelled a market in Idlib", "met US officials in Florida").
    fn best(&self, doc: &Document, places: &[PlaceMention], e: &Event) -> Option<usize> {
        let t = e.trigger_token;
        let own = Self::lookup(&self.anchors, t);
        let shared = doc
            .parse
            .occasion_of(t as usize)
            .and_then(|h| Self::lookup(&self.anchors, h as u32))
            .map(|(rank, p)| (rank + 1, p));
        let object = (matches!(e.quad_class, 2 | 4) || e.code.starts_with("04"))
            .then(|| Self::lookup(&self.objects, t))
            .flatten();
        // The place itself as the object: where a visit goes, where force is used ("visited
        // Mumbai", "shelled Idlib"), not where aid or trade goes ("supplied India").
        let destination = (e.quad_class == 4 || e.code.starts_with("04"))
            .then(|| {
                // "visited Tanzania, Mozambique and Kenya": each visit is to its own target.
                let target_country = e
                    .target
                    .as_ref()
                    .and_then(|s| s.actor)
                    .and_then(|a| doc.actors[a as usize].country.as_ref());
                Self::of_word(&self.destinations, t)
                    .iter()
                    .find(|d| {
                        target_country.is_some_and(|c| places[d.1].country.as_ref() == Some(c))
                    })
                    .map(|&(_, place, rank)| (rank, place))
                    .or_else(|| Self::lookup(&self.destinations, t))
            })
            .flatten();
        let own = own.map(|(rank, p)| (rank, site_within(places, p, t).unwrap_or(p)));
        own.or(shared).or(object).or(destination).map(|(_, p)| p)
    }
}

/// A named site that place `p` only says the town or country of, and that is said of word
/// `t` too: "met at the Hotel Saturnia in Venice" happened at the hotel, the most specific
/// place the text names.
fn site_within(places: &[PlaceMention], p: usize, t: u32) -> Option<usize> {
    let broader = &places[p];
    places.iter().position(|site| {
        site.kind == PlaceKind::Site
            && site.tokens.end < broader.tokens.start
            && broader.tokens.start - site.tokens.end <= 2
            && site.anchors.as_ref().is_some_and(|a| a.contains(&t))
    })
}

/// How near an unparsed sentence's place stands to the event (lower is nearer), or `None`
/// when it is outside the event's clause or too far from its word.
fn near(doc: &Document, names: &mut NameTokens, e: &Event, p: &PlaceMention) -> Option<usize> {
    let clause = e.clause.start as usize..e.clause.end as usize;
    let phrase = p.tokens.start as usize..p.tokens.end as usize;
    let d = distance(&clause, e.trigger_token as usize, &phrase)?;
    attaches(names.of_sentence(doc, e.sentence), e, p).then_some(d)
}

/// The items of one sentence in a slice sorted by sentence.
pub(crate) fn of_sentence<T>(items: &[T], sentence: u32, key: impl Fn(&T) -> u32) -> &[T] {
    let start = items.partition_point(|x| key(x) < sentence);
    let end = start + items[start..].partition_point(|x| key(x) <= sentence);
    &items[start..end]
}

/// How far a phrase stands from the trigger, if it is inside the clause; phrases after the
/// trigger are preferred to phrases before it.
pub(crate) fn distance(
    clause: &Range<usize>,
    trigger: usize,
    phrase: &Range<usize>,
) -> Option<usize> {
    if phrase.start < clause.start || phrase.end > clause.end {
        return None;
    }
    Some(if phrase.start >= trigger {
        phrase.start - trigger
    } else {
        trigger - phrase.end + 2
    })
}

/// Most words a locative phrase may stand from its event's trigger, not counting the words
/// of actor names in between ("met [Russian Security Council secretary Sergei Shoigu] in
/// Beijing"); farther places modify something else ("said … the conflict in Ukraine").
const MAX_PLACE_DISTANCE: usize = 4;

/// Which tokens of one sentence lie inside an actor mention, computed once per sentence (looking
/// through the sentence's mentions for every token was quadratic in a long sentence).
#[derive(Default)]
struct NameTokens {
    sentence: Option<u32>,
    /// The sentence's first token.
    first: usize,
    /// Indexed by token number less `first`.
    in_name: Vec<bool>,
}

impl NameTokens {
    fn of_sentence(&mut self, doc: &Document, sentence: u32) -> &Self {
        if self.sentence != Some(sentence) {
            let tokens = doc.sentences[sentence as usize].token_range();
            self.sentence = Some(sentence);
            self.first = tokens.start;
            self.in_name.clear();
            self.in_name.resize(tokens.len(), false);
            for m in of_sentence(&doc.mentions, sentence, |m| m.sentence) {
                let from =
                    doc.tokens[tokens.clone()].partition_point(|t| t.span.start < m.span.start);
                for (flag, token) in self.in_name[from..]
                    .iter_mut()
                    .zip(&doc.tokens[tokens.start + from..tokens.end])
                {
                    if token.span.end > m.span.end {
                        break;
                    }
                    *flag = true;
                }
            }
        }
        self
    }

    fn contains(&self, token: usize) -> bool {
        token
            .checked_sub(self.first)
            .and_then(|i| self.in_name.get(i))
            .copied()
            .unwrap_or(false)
    }
}

fn attaches(names: &NameTokens, e: &Event, p: &PlaceMention) -> bool {
    let (trigger, place) = (e.trigger_token as usize, p.tokens.start as usize);
    let (from, to) = if place > trigger {
        (trigger + 1, place)
    } else {
        (p.tokens.end as usize, trigger)
    };
    let mut words = 0;
    for t in from..to {
        if !names.contains(t) {
            words += 1;
            if words > MAX_PLACE_DISTANCE {
                return false;
            }
        }
    }
    true
}
