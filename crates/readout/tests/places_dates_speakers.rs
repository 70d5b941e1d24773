//! The kinds of error found when readout's places, dates and speakers met news it was never
//! tuned on (the "Where, when and who said it" issue), each pinned with sentences written for
//! it and coded by the whole pipeline with the shipped lexicon and parser model.

use readout::Pipeline;
use readout_doc::{ArticleMeta, Date, Document, Kind, LocationSource};
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::embedded().expect("the shipped lexicon loads"))
}

/// Codes paragraphs (separated by blank lines) published on `date`, then dates and places.
fn code(text: &str, date: &str) -> Document {
    let meta = ArticleMeta {
        published: Date::parse(date).ok(),
        ..ArticleMeta::default()
    };
    let paragraphs: Vec<(Kind, &str)> = text.split("\n\n").map(|p| (Kind::Body, p)).collect();
    let mut doc = Document::from_paragraphs("t", meta, paragraphs);
    pipeline().code(&mut doc, None);
    doc
}

/// (trigger, place name and country) of every event; "-" for none.
fn places(doc: &Document) -> Vec<(String, String)> {
    doc.events
        .iter()
        .map(|e| {
            let place = e.location.as_ref().map_or("-".to_string(), |l| {
                format!("{} {}", l.name, l.country.as_deref().unwrap_or("?"))
            });
            (doc.slice(e.trigger).to_string(), place)
        })
        .collect()
}

/// The place of every event and how it was found; `None` for an event placed nowhere.
fn placed_how(doc: &Document) -> Vec<Option<(&str, LocationSource)>> {
    doc.events
        .iter()
        .map(|e| e.location.as_ref().map(|l| (l.name.as_str(), l.how)))
        .collect()
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn a_country_as_modifier_or_metonym_is_no_place() {
    let doc = code("Russia criticised the U.S. election.", "2020-08-15");
    assert_eq!(places(&doc), pairs(&[("criticised", "-")]));
    let doc = code("The State Department condemned the attack.", "2020-08-15");
    assert_eq!(places(&doc), pairs(&[("condemned", "-")]));
}

#[test]
fn the_place_of_another_clause_or_of_a_base_places_nothing() {
    let doc = code(
        "The ministry said on Monday that police had arrested two men in Kabul.",
        "2020-08-15",
    );
    assert_eq!(
        places(&doc),
        pairs(&[("said", "-"), ("arrested", "Kabul AFG")])
    );
    let doc = code(
        "An aid group based in Hong Kong condemned China on Monday.",
        "2020-08-15",
    );
    assert!(doc.events.iter().all(|e| e.location.is_none()));
}

#[test]
fn same_named_places_follow_the_story_then_the_size() {
    // American actors do not make Geneva a town in Illinois.
    let doc = code(
        "American and Iranian officials met in Geneva on Monday.",
        "2020-08-15",
    );
    assert_eq!(places(&doc), pairs(&[("met", "Geneva CHE")]));
    // A story already placed in Alabama: Birmingham is the Alabama city.
    let doc = code(
        "Police in Alabama arrested two men on Sunday.\n\nOfficials met in Birmingham on Monday.",
        "2020-08-15",
    );
    assert_eq!(
        places(&doc)[1],
        ("met".to_string(), "Birmingham USA".to_string())
    );
    // "University" is part of the name of a university, not a town in Florida.
    let doc = code(
        "Officials met at the University of California on Monday.",
        "2020-08-15",
    );
    assert!(doc
        .events
        .iter()
        .all(|e| e.location.as_ref().is_none_or(|l| l.name != "University")));
}

#[test]
fn a_transliterated_name_is_found_however_it_is_spelled() {
    // GeoNames writes Saraqib; news writes Saraqeb too.
    for town in ["Saraqib", "Saraqeb"] {
        let doc = code(
            &format!("Government troops shelled rebel positions in {town} on Monday."),
            "2020-03-02",
        );
        assert_eq!(
            places(&doc),
            pairs(&[("shelled", &format!("{town} SYR"))]),
            "{town}"
        );
    }
    // A spelling that is also a surname stays a person's name (Mirnyi is a town in Yakutia).
    let doc = code("Max Mirnyi said he would play on Monday.", "2020-03-02");
    assert!(doc.places.is_empty(), "{:?}", places(&doc));
}

#[test]
fn seats_of_power_stand_in_their_capitals() {
    let doc = code(
        "Iranian officials met US diplomats at the White House on Monday.",
        "2020-08-15",
    );
    let l = doc.events[0].location.as_ref().expect("a place");
    assert_eq!(l.name, "White House");
    let (lat, lon) = (l.lat.expect("a latitude"), l.lon.expect("a longitude"));
    assert!(
        (lat - 38.9).abs() < 0.1 && (lon + 77.0).abs() < 0.1,
        "{l:?}"
    );
}

#[test]
fn the_dateline_places_the_day_s_news() {
    let doc = code(
        "GENEVA (Reuters) - Iran and the United States held talks on Monday.\n\nThe Iranian foreign minister said the talks were useful.",
        "2020-08-15",
    );
    assert_eq!(
        placed_how(&doc),
        [
            Some(("Geneva", LocationSource::Dateline)),
            Some(("Geneva", LocationSource::Dateline))
        ]
    );
}

#[test]
fn background_after_the_lead_is_not_placed_at_the_dateline() {
    // The present perfect after the lead tells of some earlier time, not of the day the
    // reporter filed from Geneva.
    let doc = code(
        "GENEVA (Reuters) - Iran and the United States held talks on Monday.\n\nIran has criticised the United States.",
        "2020-08-15",
    );
    let triggers: Vec<_> = doc.events.iter().map(|e| doc.slice(e.trigger)).collect();
    assert_eq!(triggers, ["held", "criticised"]);
    assert_eq!(
        placed_how(&doc),
        [Some(("Geneva", LocationSource::Dateline)), None]
    );
}

#[test]
fn a_place_phrase_with_a_word_before_the_name_and_a_sea_are_read_right() {
    // The preposition stands apart from the name: the event is still there.
    let doc = code(
        "Rebels shelled a convoy in northern Idlib on Monday.",
        "2020-07-09",
    );
    assert_eq!(places(&doc), pairs(&[("shelled", "Idlib SYR")]));
    // "the Gulf" is a sea, not Papua New Guinea's Gulf Province.
    let doc = code(
        "Iranian boats harassed a US ship in the Gulf.",
        "2020-07-09",
    );
    assert!(
        doc.events.iter().all(|e| e.location.is_none()),
        "{:?}",
        places(&doc)
    );
}

#[test]
fn a_day_in_the_words_naming_the_source_dates_what_it_made_known() {
    let day = |doc: &Document| {
        doc.events
            .iter()
            .map(|e| e.date.map(|d| d.date.to_string()))
            .collect::<Vec<_>>()
    };
    let doc = code(
        "The State Department has declared that a former Egyptian leader should be immune from \
         a federal lawsuit brought by a U.S. citizen seeking to hold him liable for torture, \
         according to court filings Friday.",
        "2020-07-18",
    );
    assert_eq!(day(&doc), [Some("2020-07-17".to_string())]);
    // A newspaper named after a day dates nothing.
    let doc = code(
        "Labour criticised the government, The Sunday Times reported.",
        "2020-07-15",
    );
    let days = day(&doc);
    assert!(
        !days.is_empty() && days.iter().all(|d| d.as_deref() == Some("2020-07-15")),
        "{days:?}"
    );
}

#[test]
fn an_event_told_over_a_span_of_days_has_its_first_and_last_day() {
    let doc = code(
        "The district collector ordered a lockdown from July 10 to July 16 in the entire Patna district.",
        "2020-07-09",
    );
    let d = doc.events[0].date.expect("a date");
    assert_eq!(
        (d.date.to_string(), d.until.map(|u| u.to_string())),
        ("2020-07-10".into(), Some("2020-07-16".into()))
    );
    assert_eq!(places(&doc), pairs(&[("ordered", "Patna IND")]));
}

#[test]
fn an_event_noun_happens_where_the_verb_it_is_the_object_of_does() {
    // The parse hangs "in Patna district" on "imposed"; the lockdown is there.
    let doc = code(
        "Indian police imposed a lockdown in Patna district.",
        "2020-07-09",
    );
    assert_eq!(places(&doc), pairs(&[("lockdown", "Patna IND")]));
}

#[test]
fn a_meeting_happens_where_the_ones_met_are() {
    // However the parse hangs "in Florida" (on the verb or on "officials"), the meeting was
    // there.
    let doc = code(
        "Russia's top economic envoy met US officials in Florida this week.",
        "2026-02-01",
    );
    let met = places(&doc);
    assert_eq!(met.len(), 1, "{met:?}");
    assert!(met[0].1.starts_with("Florida"), "{met:?}");
}

#[test]
fn a_story_set_in_a_country_it_names_places_its_people_s_events_there() {
    let story = "Zimbabwe's hospital doctors have threatened to strike over the lack of protective equipment.\n\n\
                 The doctors warned that Zimbabwe was not ready for the virus.\n\n\
                 Nurses have condemned the health ministry.";
    let doc = code(story, "2020-03-23");
    let placed = placed_how(&doc);
    assert!(!placed.is_empty());
    assert!(
        placed
            .iter()
            .all(|p| *p == Some(("Zimbabwe", LocationSource::Story))),
        "{placed:?}"
    );
    // A sentence that names a place abroad may be about events there.
    let abroad = format!("{story}\n\nThe doctors praised colleagues in South Africa.");
    let doc = code(&abroad, "2020-03-23");
    let last = doc.events.last().expect("an event in the last sentence");
    assert_eq!(doc.slice(last.trigger), "praised");
    assert!(last.location.as_ref().is_none_or(|l| l.name != "Zimbabwe"));
}

#[test]
fn a_story_that_never_names_its_country_places_nothing_by_it() {
    // A British politics story among MPs and ministers says nowhere where its events are; nor
    // does a national figure's word say where it was spoken.
    let doc = code(
        "Labour MPs have criticised the home secretary over the new asylum rules.\n\n\
         The Conservatives condemned the plan.",
        "2005-01-15",
    );
    assert!(!doc.events.is_empty());
    assert!(
        doc.events.iter().all(|e| e.location.is_none()),
        "{:?}",
        places(&doc)
    );
    let doc = code(
        "Britain will send more troops, Tony Blair said.\n\nTony Blair said Britain would not withdraw.",
        "2005-01-15",
    );
    assert!(
        doc.events.iter().all(|e| e.location.is_none()),
        "{:?}",
        places(&doc)
    );
}

#[test]
fn an_event_noun_takes_the_time_of_the_act_it_is_the_object_of() {
    // Published on a Friday: the lockdown was announced, and so imposed, on Wednesday.
    let doc = code(
        "The state government on Wednesday announced a fresh lockdown in several districts.",
        "2020-07-10",
    );
    let dated: Vec<_> = doc
        .events
        .iter()
        .map(|e| (doc.slice(e.trigger), e.date.map(|d| d.date.to_string())))
        .collect();
    let wednesday = Some("2020-07-08".to_string());
    assert_eq!(
        dated,
        vec![("announced", wednesday.clone()), ("lockdown", wednesday)]
    );
}

#[test]
fn what_has_already_happened_happened_on_no_known_day() {
    let doc = code(
        "Doctors threatened to strike on Monday.\n\nAlready, nurses have issued a similar threat.",
        "2020-03-23",
    );
    let threat = doc
        .events
        .iter()
        .find(|e| doc.slice(e.trigger) == "issued")
        .expect("the nurses' threat is coded");
    assert_eq!(threat.date, None);
}

#[test]
fn states_provinces_and_us_counties_are_places() {
    let doc = code(
        "Officials in Cojedes state said on Friday that farmland would be seized.",
        "2005-01-15",
    );
    assert_eq!(places(&doc), pairs(&[("said", "Cojedes VEN")]));
    let doc = code(
        "Police arrested two protesters in Travis County on Monday.",
        "2020-08-17",
    );
    assert_eq!(places(&doc), pairs(&[("arrested", "Travis County USA")]));
    // A division named only by words of direction is none: "North West" is a direction.
    let doc = code(
        "Protesters clashed with police in the North West.",
        "2020-08-17",
    );
    assert!(places(&doc)
        .iter()
        .all(|(_, p)| !p.starts_with("North West")));
}
