//! One test per coding rule, each on sentences written for it, with a small lexicon of its own
//! (the real function-word lists, invented countries and verbs) so that the rules are pinned
//! independently of the shipped lexicon data.

mod common;

use readout_doc::{ArticleMeta, Date, Document, Kind, Modality};
use readout_lexicon::{Lexicon, LexiconBuilder};

const LEXICON: &str = r#"
cameo 010 | Make statement | 0 | 1 | -
cameo 011 | Decline comment | -0.1 | 1 | -
cameo 012 | Make pessimistic comment | -0.4 | 1 | -
cameo 016 | Deny responsibility | -0.6 | 1 | -
cameo 019 | Express accord | 3.4 | 1 | -
cameo 020 | Make an appeal or request | 3 | 1 | -
cameo 0831 | Accede to demands for change in leadership | 5 | 2 | -
cameo 120 | Reject | -4 | 3 | -
cameo 130 | Threaten | -4.4 | 3 | -
cameo 171 | Seize or damage property | -9.2 | 4 | -
cameo 030 | Express intent to cooperate | 4 | 1 | AGREE
cameo 031 | Express intent to engage in material cooperation | 5.2 | 1 | AGREE
cameo 036 | Express intent to meet or negotiate | 4 | 1 | AGREE
cameo 0342 | Express intent to change policy | 7 | 1 | AGREE
cameo 0242 | Appeal for policy change | -0.3 | 1 | REQUEST
cameo 040 | Consult | 1 | 1 | CONSULT
cameo 042 | Make a visit | 1.9 | 1 | CONSULT
cameo 046 | Engage in negotiation | 7 | 1 | CONSULT
cameo 051 | Praise or endorse | 3.4 | 1 | SUPPORT
cameo 060 | Engage in material cooperation | 6 | 2 | COOPERATE
cameo 110 | Disapprove | -2 | 3 | ACCUSE
cameo 111 | Criticize or denounce | -2 | 3 | ACCUSE
cameo 0841 | Return, release person(s) | 7 | 2 | RETREAT
cameo 112 | Accuse | -2 | 3 | ACCUSE
cameo 170 | Coerce | -7 | 4 | COERCE
cameo 190 | Use conventional military force | -10 | 4 | ASSAULT
cameo 192 | Occupy territory | -9.6 | 4 | ASSAULT
country AAA | Arland
    adjectives: Arlandian
    capital: Arlo | 10 | 10
country BBB | Borovia
    adjectives: Borovian
    capital: Borograd | 20 | 20
    location: 20 | 21
    seats: the Citadel
country CCC | Carpath
    adjectives: Carpathian
    seats: the Hall=LEG
place Velm | BBB | 21 | 21 | city
place Velm | CCC | 31 | 31 | city | 900
place Dorn | BBB | 22 | 22 | city
place Kessa | AAA | 11 | 11 | province
actor IGOXYZ | the Union
    sectors: IGO
actor BBBMED | Borovia Wire
    country: BBB
    sectors: MED
actor BBBEDU | Borovian School of Economics
    names: BSE
    country: BBB
    sectors: EDU
actor BBBPTY | Unity Party
    names: Unity
    country: BBB
    sectors: PTY
    leader: Pavel Orlov | 2019-01-01 | 2024-01-01
person Anna Lind
    role: AAA | GOV | 2020-01-01 | 2024-12-31 | foreign minister
    role: AAA | OPP | 2025-01-01 | | opposition leader
person Pavel Orlov
    role: BBB | GOV | 2019-01-01 | | president
agent GOV | official | foreign minister | president | envoy | government | spokesman | leader
agent LEG | MP
agent LAB | union
modifier ELI | former
modifier OPP | shadow
agent GOV | director general
agent MIL | army | troops | military
verb meet
    forms: met
    frame: with + = 040
    frame: + = 040
    frame: = 040
verb say
    forms: said
    report
    frame: = 010
verb add
    report
    intransitive
    frame: = 010
verb tell
    forms: told
    report
    frame: + = 010
verb announce
    report
    light
verb praise
    frame: + = 051
verb condemn
    frame: * attack = 111
    frame: + = 111
verb reject
    frame: + = 120
    frame: = 120
verb seize
    frame: + = 171
verb protest
    frame: against = 111
    frame: that = 111
    frame: = 010
verb force
    forms: forced
    frame: + to = 170
    frame: + = 170
verb attack
    frame: + = 190
    frame: = 190
verb visit
    frame: + = 042
    frame: = 042
verb supply
    frame: + = 060
verb work
    frame: with + = 060
verb send
    forms: sent
    frame: * letter to + = 010
verb hold
    forms: held
    light
verb plan
    complement: committed
verb want
    complement: intended
verb urge
    complement: requested
    frame: + = 020
verb resign
    frame: * under pressure = 0831
evaluation negative | incompetent | wrong | corruption
evaluation remedy | tackle | tackling
evaluation ordeal | face | faced
evaluation positive | admirable
evaluation thing | plan
policy tax | taxes | budget
verb pledge
    complement: committed
    frame: = 030
agent BUS | company | firm | carmaker
bodykind BUS | firm | company | carmaker
orgword BUS | Exchange
orgword - | Committee
bodykind MED | newspaper
holding BUS | shares | stake
given-names Maria | Tom
verb accuse
    complement: alleged
    frame: + = 112
verb dismiss
    complement: negated
    frame: * reports = 016
noun invasion
    frame: of + = 192
noun criticism
    frame: of + = 111
noun calls
    frame: for + = 020
    frame: for = 020
verb repeat
    forms: repeated
    light
verb refuse
    forms: refused
    complement: negated
verb deny
    forms: denied
    complement: negated
    frame: = 016
verb agree
    forms: agreed
    complement: committed
    frame: that = 019
    frame: = 030
noun complaints
    frame: = 111
noun release
    from-origin
    frame: of + = 0841
verb complain
    forms: complained
    frame: = 110
noun talks
    frame: with + = 046
    frame: = 046
"#;

fn lexicon() -> Lexicon {
    LexiconBuilder::new()
        .add_embedded_under("grammar/")
        .add_text("test.txt", LEXICON)
        .build()
        .unwrap()
}

/// Codes paragraphs (separated by blank lines); a paragraph starting with "# " is the title.
fn code(text: &str, published: &str) -> Document {
    let lex = lexicon();
    let meta = ArticleMeta {
        published: Date::parse(published).ok(),
        ..ArticleMeta::default()
    };
    let mut doc = Document::from_paragraphs("t", meta, common::paragraphs(text));
    readout_text::segment(&mut doc, &lex.split_rules);
    readout_coder::Coder::new(&lex).code(&mut doc, None);
    readout_context::resolve(&mut doc, &lex);
    doc
}

/// (code, source code, target code) of every event.
fn events(doc: &Document) -> Vec<(String, String, String)> {
    doc.events
        .iter()
        .map(|e| {
            (
                e.code.clone(),
                e.source.code.clone(),
                e.target
                    .as_ref()
                    .map(|t| t.code.clone())
                    .unwrap_or_default(),
            )
        })
        .collect()
}

/// The source code of every event, in order.
fn sources(doc: &Document) -> Vec<String> {
    doc.events.iter().map(|e| e.source.code.clone()).collect()
}

/// The name of each event's source actor, in order.
fn source_names(doc: &Document) -> Vec<String> {
    doc.events
        .iter()
        .map(|e| {
            e.source
                .actor
                .map_or(String::new(), |a| doc.actors[a as usize].name.clone())
        })
        .collect()
}

/// (code, modality) of every event of `text`, coded as of 2026-01-10.
fn modality(text: &str) -> Vec<(String, &'static str)> {
    code(text, "2026-01-10")
        .events
        .iter()
        .map(|e| (e.code.clone(), e.modality.as_str()))
        .collect()
}

fn ev(code: &str, source: &str, target: &str) -> (String, String, String) {
    (code.into(), source.into(), target.into())
}

#[test]
fn country_and_role_make_a_compound_actor() {
    let doc = code(
        "Arland's foreign minister praised Borovian troops.",
        "2026-01-10",
    );
    assert_eq!(events(&doc), [ev("051", "AAAGOV", "BBBMIL")]);
}

#[test]
fn the_country_is_the_country_named_last() {
    // "The country's president", "the nation": the country the article named last as a noun
    // ("in Borovia"), before one named only as a modifier ("an Arlandian firm").
    let doc = code(
        "Troops seized a farm in Borovia. An Arlandian firm protested against the seizure. The country's president condemned the firm. Anna Lind praised the nation.",
        "2022-01-10",
    );
    let evs = events(&doc);
    assert!(
        evs.iter().any(|e| e.0 == "111" && e.1 == "BBBGOV"),
        "{evs:?}"
    );
    assert!(evs.contains(&ev("051", "AAAGOV", "BBB")), "{evs:?}");
    // With no country named as a noun, the one named as a modifier.
    let doc = code(
        "Arlandian officials met. The country's envoy condemned Carpath.",
        "2022-01-10",
    );
    assert!(
        events(&doc).contains(&ev("111", "AAAGOV", "CCC")),
        "{:?}",
        events(&doc)
    );
    // A dateline's country before one named as a modifier.
    let doc = code(
        "DORN: Arlandian troops attacked a village. The country's envoy condemned Arland.",
        "2022-01-10",
    );
    assert!(
        events(&doc).contains(&ev("111", "BBBGOV", "AAA")),
        "{:?}",
        events(&doc)
    );
    // Not a modifier ("country music"), and not a country named long before.
    let doc = code(
        "Borovia met Arland.\n\nPrices rose. Rain fell. Shops shut. Trains ran late. Fog came. Snow fell.\n\nThe country condemned Carpath.",
        "2022-01-10",
    );
    assert!(
        !doc.events.iter().any(|e| e.code == "111"),
        "{:?}",
        events(&doc)
    );
    let doc = code(
        "Borovia met Arland. The country music star praised Carpath.",
        "2022-01-10",
    );
    assert!(
        !events(&doc).iter().any(|e| e.0 == "051" && e.1 == "BBB"),
        "{:?}",
        events(&doc)
    );
}

#[test]
fn capitals_are_governments_when_they_act_and_places_after_in() {
    let doc = code(
        "Borograd condemned Arlo. Officials met in Borograd.",
        "2026-01-10",
    );
    // Borovia is the story's country (named twice, Arland once): the bare role takes it.
    assert_eq!(
        events(&doc),
        [ev("111", "BBBGOV", "AAAGOV"), ev("040", "BBBGOV", "")]
    );
    let doc = code("The government in Borograd condemned Arlo.", "2026-01-10");
    assert_eq!(events(&doc), [ev("111", "BBBGOV", "AAAGOV")]);
    let doc = code("Anna Lind met Pavel Orlov in Borograd.", "2023-01-10");
    assert_eq!(doc.events[0].location.as_ref().unwrap().name, "Borograd");
    // The place hung on the name inside a titled object ("leader Pavel Orlov") still places
    // the meeting.
    let doc = code(
        "Arlandian President Anna Lind met Borovian leader Pavel Orlov in Borograd on Monday, the ministry said.",
        "2023-01-10",
    );
    let meeting = doc
        .events
        .iter()
        .find(|e| e.code == "040")
        .expect("a meeting");
    assert_eq!(
        meeting.location.as_ref().map(|l| l.name.as_str()),
        Some("Borograd")
    );
    let doc = code("The Citadel praised Arland.", "2026-01-10");
    assert_eq!(events(&doc), [ev("051", "BBBGOV", "AAA")]);
}

#[test]
fn actors_without_a_country_take_the_home_country_of_the_article() {
    let doc = code(
        "Arlandian officials met on Monday. Troops condemned Carpath. Anna Lind praised the government.",
        "2023-01-10",
    );
    assert_eq!(
        events(&doc),
        [
            ev("040", "AAAGOV", ""),
            ev("111", "AAAMIL", "CCC"),
            ev("051", "AAAGOV", "AAAGOV")
        ]
    );
    let army = doc.actors.iter().find(|a| a.code == "AAAMIL").unwrap();
    assert!(
        army.country_inferred,
        "the army's country comes from the article"
    );
    let named = doc.actors.iter().find(|a| a.name == "Anna Lind").unwrap();
    assert!(!named.country_inferred);
    // A story about two countries in equal measure has no home country: the role keeps none.
    let doc = code(
        "Arland and Borovia held talks. Arlandian and Borovian envoys met. Officials met.",
        "2023-01-10",
    );
    assert_eq!(events(&doc).last().unwrap(), &ev("040", "GOV", ""));
    // A company's mention counts half: a Borovian firm in an Arlandian story leaves the story
    // Arlandian.
    let doc = code(
        "Arland seized the land of Borovian firm Zentra.\n\nZentra said the seizure was wrong.\n\n\
         Zentra said it would appeal.\n\nArlandian troops attacked Carpath.\n\n\
         Arland praised Arlandian troops.\n\nOfficials met.",
        "2023-01-10",
    );
    assert_eq!(events(&doc).last().unwrap(), &ev("040", "AAAGOV", ""));
}

#[test]
fn persons_are_coded_by_their_role_on_the_article_date() {
    assert_eq!(
        events(&code("Anna Lind praised Borovia.", "2022-03-01")),
        [ev("051", "AAAGOV", "BBB")]
    );
    assert_eq!(
        events(&code("Anna Lind praised Borovia.", "2026-03-01")),
        [ev("051", "AAAOPP", "BBB")]
    );
    // Before the first office: the country alone. After the last: a former official (ELI).
    assert_eq!(
        events(&code("Anna Lind praised Borovia.", "2015-03-01")),
        [ev("051", "AAA", "BBB")]
    );
    assert_eq!(
        events(&code("Pavel Orlov praised Arland.", "2018-03-01")),
        [ev("051", "BBB", "AAA")]
    );
    // A surname alone names a listed person only once they have held an office: before it,
    // "Mr Orlov" is someone else of that name.
    assert_eq!(
        events(&code("Mr Orlov praised Arland.", "2022-03-01")),
        [ev("051", "BBBGOV", "AAA")]
    );
    assert_eq!(
        events(&code("Mr Orlov praised Arland.", "2018-03-01")),
        [ev("051", "", "AAA")]
    );
}

#[test]
fn surnames_and_pronouns_refer_back() {
    let doc = code(
        "Anna Lind arrived on Monday. Ms Lind praised Borovia. She condemned Carpath.",
        "2023-01-10",
    );
    assert_eq!(
        events(&doc),
        [ev("051", "AAAGOV", "BBB"), ev("111", "AAAGOV", "CCC")]
    );
    let lind = doc.actors.iter().find(|a| a.name == "Anna Lind").unwrap();
    let idx = doc
        .actors
        .iter()
        .position(|a| a.name == "Anna Lind")
        .unwrap() as u32;
    let mentions: Vec<&str> = doc
        .mentions
        .iter()
        .filter(|m| m.actor == idx)
        .map(|m| doc.slice(m.span))
        .collect();
    assert_eq!(lind.code, "AAAGOV");
    assert!(mentions.contains(&"Ms Lind"), "{mentions:?}");
    let doc = code(
        "Borovia signed nothing. It condemned Carpath.",
        "2023-01-10",
    );
    assert_eq!(events(&doc), [ev("111", "BBB", "CCC")]);
    // A subject pronoun goes back to the main clause's subject, not to one of a clause inside
    // it named later.
    let doc = code(
        "Pavel Orlov said he backed the plan when Anna Lind visited Arlo. He condemned Carpath.",
        "2023-01-10",
    );
    assert_eq!(events(&doc).last(), Some(&ev("111", "BBBGOV", "CCC")));
    // "It" is the latest state that was a subject, also of a later clause of the same
    // sentence, and also when an unlisted body was the subject before it.
    let doc = code(
        "Arlandian troops entered Velm, and Borovia said it condemned Carpath.",
        "2023-01-10",
    );
    assert_eq!(events(&doc).last(), Some(&ev("111", "BBB", "CCC")));
    let doc = code(
        "Kestrel Mining sold a mine on Monday, Borovia Wire reported. It condemned Carpath.",
        "2023-01-10",
    );
    assert_eq!(events(&doc).last(), Some(&ev("111", "BBBMED", "CCC")));
}

#[test]
fn a_reaction_to_the_move_is_aimed_at_whoever_made_it() {
    // "The plan" names the act, not its doer: the reaction is aimed at the actor that was the
    // subject of a sentence just before (a sentence the coder parses: one with a verb it knows).
    let doc = code(
        "The Union plans to seize ships next year. Arland rejected the plan.",
        "2026-01-10",
    );
    assert_eq!(events(&doc), [ev("120", "AAA", "IGOXYZ")]);
    // Whoever only reports the act is passed over for the one who did it.
    let doc = code(
        "The Union plans to seize ships next year. Pavel Orlov said so. Arland rejected the plan.",
        "2026-01-10",
    );
    assert_eq!(events(&doc).last(), Some(&ev("120", "AAA", "IGOXYZ")));
    // Not when the doer was named three sentences back, nor when the phrase says whose plan
    // it is, nor for a plan with no "the".
    let doc = code(
        "The Union plans to seize ships next year. It is a big change. Quotas are old. Arland rejected the plan.",
        "2026-01-10",
    );
    assert_eq!(events(&doc), [ev("120", "AAA", "")]);
    let doc = code(
        "The Union plans to seize ships next year. Arland rejected a plan.",
        "2026-01-10",
    );
    assert_eq!(events(&doc), [ev("120", "AAA", "")]);
    let doc = code(
        "The Union plans to seize ships next year. Arland rejected the plan of Borovia.",
        "2026-01-10",
    );
    assert_eq!(events(&doc), [ev("120", "AAA", "BBB")]);
}

#[test]
fn an_intent_or_appeal_about_taxes_or_a_budget_is_about_policy() {
    let doc = code("Arland pledged to cut taxes.", "2026-01-10");
    assert_eq!(events(&doc), [ev("0342", "AAA", "")]);
    let doc = code("Pavel Orlov said he would present a budget.", "2026-01-10");
    assert_eq!(events(&doc), [ev("0342", "BBBGOV", "")]);
    // A body the speaker's possessive names speaks for the speaker; the one told stays the
    // target.
    let doc = code(
        "Pavel Orlov told Arland his government would present a budget.",
        "2026-01-10",
    );
    assert_eq!(events(&doc), [ev("0342", "BBBGOV", "AAA")]);
    // Not an intent about something else, a promise to reject, or a company's plans.
    let doc = code("Arland pledged to cut prices.", "2026-01-10");
    assert_eq!(events(&doc), [ev("030", "AAA", "")]);
    let doc = code("Arland pledged to reject the budget.", "2026-01-10");
    assert!(
        events(&doc).contains(&ev("030", "AAA", "")),
        "{:?}",
        events(&doc)
    );
    let doc = code("The Borovian company pledged to cut taxes.", "2026-01-10");
    assert_eq!(events(&doc), [ev("030", "BBBBUS", "")]);
    // An appeal for a change of policy is 0242; an appeal for something else stays 020.
    let doc = code("Pavel Orlov urged Arland to cut taxes.", "2026-01-10");
    assert_eq!(events(&doc)[0], ev("0242", "BBBGOV", "AAA"));
    let doc = code(
        "Pavel Orlov urged Arland to free the prisoners.",
        "2026-01-10",
    );
    assert_eq!(events(&doc)[0], ev("020", "BBBGOV", "AAA"));
}

#[test]
fn a_title_codes_a_known_person_the_lexicon_gives_no_office_that_day() {
    // Before his first listed office, the title the text gives him decides his sector.
    let doc = code("Envoy Pavel Orlov praised Arland.", "2018-06-01");
    assert_eq!(events(&doc), [ev("051", "BBBGOV", "AAA")]);
    let doc = code("Pavel Orlov praised Arland.", "2018-06-01");
    assert_eq!(events(&doc), [ev("051", "BBB", "AAA")]);
    // In office, the listed office wins over a title the text gives.
    let doc = code("Foreign minister Anna Lind praised Borovia.", "2026-01-10");
    assert_eq!(events(&doc), [ev("051", "AAAOPP", "BBB")]);
}

#[test]
fn an_unlisted_person_named_with_their_body_acts_for_it() {
    let doc = code(
        "Tom Hale, of Borovia Wire, said the talks had failed.",
        "2026-01-10",
    );
    assert_eq!(events(&doc), [ev("010", "BBBMED", "")]);
    let doc = code(
        "Tom Hale, chairman of Borovia Wire, said the talks had failed.",
        "2026-01-10",
    );
    assert_eq!(events(&doc), [ev("010", "BBBMED", "")]);
    // Without the commas too; and a body the lexicon does not know is not part of the
    // person's name.
    let doc = code(
        "Tom Hale of Borovia Wire said the talks had failed.",
        "2026-01-10",
    );
    assert_eq!(events(&doc), [ev("010", "BBBMED", "")]);
    let doc = code(
        "Tom Hale of the Dorn Rowing Association said the talks had failed.",
        "2026-01-10",
    );
    assert_eq!(doc.slice(doc.events[0].source.span), "Tom Hale");
    // A unit the lexicon does not know is its owner's.
    let doc = code(
        "Tom Hale, director of Borovia Wire's Research Department, said the talks had failed.",
        "2026-01-10",
    );
    assert_eq!(events(&doc), [ev("010", "BBBMED", "")]);
    // A place is no body.
    let doc = code(
        "Tom Hale, of Velm, said the talks had failed.",
        "2026-01-10",
    );
    assert_ne!(events(&doc), [ev("010", "BBBMED", "")]);
    assert!(
        !events(&doc).iter().any(|e| e.1.ends_with("MED")),
        "{:?}",
        events(&doc)
    );
}

#[test]
fn after_an_honorific_a_place_name_is_a_surname() {
    // "Mr Stanley", "Mr Irish": a capital or a country's adjective after an honorific is a
    // person's name, not the government or the country.
    for text in [
        "Mr Borograd condemned Carpath.",
        "Mr Borovian condemned Carpath.",
    ] {
        let doc = code(text, "2026-01-10");
        assert_eq!(events(&doc), [ev("111", "", "CCC")], "{text}");
    }
}

#[test]
fn a_body_role_belongs_to_the_body_it_is_named_with() {
    // After the word for another institution, a spokesman or an official is that
    // institution's.
    let doc = code(
        "A company spokesman said the talks had failed.",
        "2026-01-10",
    );
    assert_eq!(events(&doc), [ev("010", "BUS", "")]);
    // With a body the lexicon knows, the person takes its code, though the role alone would
    // make a government official.
    let doc = code(
        "Tom Hale, president of Borovia Wire, said the talks had failed.",
        "2026-01-10",
    );
    assert_eq!(events(&doc), [ev("010", "BBBMED", "")]);
    // With a body it does not know, before the title or after it, the person is no
    // government official.
    for text in [
        "Tom Hale, president of Velmark Freight, said the talks had failed.",
        "Velmark president Tom Hale said the talks had failed.",
    ] {
        let doc = code(text, "2026-01-10");
        assert_eq!(events(&doc), [ev("010", "", "")], "{text}");
    }
    // The body may be named by a common noun it owns ("Borovia Wire's freight arm"), after a
    // second role the parser hangs on the person.
    let doc = code(
        "Tom Hale, vice president and chief operating officer of Borovia Wire's freight arm, said the talks had failed.",
        "2026-01-10",
    );
    assert_eq!(events(&doc), [ev("010", "BBBMED", "")]);
    // A body compounded onto the role in an apposition: an unknown one leaves no sector, the
    // word for an institution gives its sector, also for a title of two words.
    for (text, source) in [
        (
            "Tom Hale, Velmark director general, said the talks had failed.",
            "",
        ),
        (
            "Tom Hale, Velmark president, said the talks had failed.",
            "",
        ),
        (
            "Tom Hale, union president, said the talks had failed.",
            "LAB",
        ),
    ] {
        let doc = code(text, "2026-01-10");
        assert_eq!(events(&doc), [ev("010", source, "")], "{text}");
    }
    // Alone, the title names a government office.
    let doc = code(
        "President Tom Hale said the talks had failed.",
        "2026-01-10",
    );
    assert_eq!(events(&doc), [ev("010", "GOV", "")]);
}

#[test]
fn a_modifier_of_a_new_person_s_role_sets_the_sector() {
    // "Former" and "shadow" make a role's holder a former official (ELI) or the opposition's
    // (OPP), for people the lexicon does not know as for bare roles.
    for (text, source) in [
        (
            "Former foreign minister Tom Hale said the talks had failed.",
            "ELI",
        ),
        (
            "Shadow foreign minister Tom Hale said the talks had failed.",
            "OPP",
        ),
        (
            "Tom Hale, a former envoy, said the talks had failed.",
            "ELI",
        ),
        (
            "Foreign minister Tom Hale said the talks had failed.",
            "GOV",
        ),
    ] {
        let doc = code(text, "2026-01-10");
        assert_eq!(events(&doc), [ev("010", source, "")], "{text}");
    }
    // A modifier of another noun leaves the role alone.
    let doc = code(
        "Tom Hale, the president and a former colleague of Anna Lind, said the talks had failed.",
        "2026-01-10",
    );
    assert_ne!(events(&doc)[0].1, "ELI");
}

#[test]
fn a_hyphenated_name_is_one_person() {
    // After a title, and alone with a given name.
    for (text, source) in [
        (
            "Foreign minister Jean-Marc Hale said the talks had failed.",
            "GOV",
        ),
        (
            "Maria-Luisa Hale, a foreign minister, said the talks had failed.",
            "GOV",
        ),
    ] {
        let doc = code(text, "2026-01-10");
        assert_eq!(events(&doc), [ev("010", source, "")], "{text}");
        let name = text.split_whitespace().find(|w| w.contains('-')).unwrap();
        assert!(
            doc.actors.iter().any(|a| a.name.starts_with(name)),
            "{text}: {:?}",
            doc.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_party_s_leader_and_its_mps_are_who_the_party_says() {
    // "The Unity leader" is the party's leader on the article's date.
    let doc = code("The Unity leader praised Arland.", "2022-06-01");
    assert_eq!(events(&doc), [ev("051", "BBBGOV", "AAA")]);
    assert_eq!(doc.actors[0].name, "Pavel Orlov");
    // After his time as leader, the words name the party alone.
    let doc = code("The Unity leader praised Arland.", "2025-06-01");
    assert_eq!(events(&doc), [ev("051", "BBBPTY", "AAA")]);
    // "A Unity MP" is a legislator of the party's country.
    let doc = code("A Unity MP praised Arland.", "2022-06-01");
    assert_eq!(events(&doc), [ev("051", "BBBLEG", "AAA")]);
}

#[test]
fn plural_references_and_coordinated_subjects_code_a_dyad() {
    let doc = code(
        "Arland's envoy flew to see Borovia's envoy. The two officials met on Friday.",
        "2026-01-10",
    );
    assert_eq!(events(&doc), [ev("040", "AAAGOV", "BBBGOV")]);
    let doc = code("Arland and Borovia met.", "2026-01-10");
    assert_eq!(events(&doc), [ev("040", "AAA", "BBB")]);
}

#[test]
fn passive_voice_swaps_source_and_target() {
    let doc = code("Carpath was attacked by Borovian troops.", "2026-01-10");
    assert_eq!(events(&doc), [ev("190", "BBBMIL", "CCC")]);
}

#[test]
fn negation_is_marked_not_dropped() {
    for sentence in [
        "Arland has never condemned Borovia.",
        "Arland did not condemn Borovia.",
        "No Arlandian official condemned Borovia.",
        "Arland has yet to condemn Borovia.",
        // What "too" rules out has not happened.
        "Arland was too weak to condemn Borovia.",
        "Critics said Arland had waited too long to condemn Borovia.",
    ] {
        let doc = code(sentence, "2026-01-10");
        assert_eq!(doc.events.len(), 1, "{sentence}");
        assert!(doc.events[0].negated, "{sentence}");
    }
    assert!(!code("Arland condemned Borovia.", "2026-01-10").events[0].negated);
    // "Too" with no adjective after it is "also".
    let doc = code("Arland too wanted to condemn Borovia.", "2026-01-10");
    assert!(!doc.events.is_empty() && doc.events.iter().all(|e| !e.negated));
}

#[test]
fn modality_is_read_from_the_verb_group() {
    assert_eq!(
        modality("Arland could condemn Borovia."),
        [("111".into(), "hypothetical")]
    );
    assert_eq!(
        modality("Arland is likely to condemn Borovia."),
        [("111".into(), "hypothetical")]
    );
    assert_eq!(
        modality("If Arland condemns Borovia, talks end."),
        [("111".into(), "conditional")]
    );
    // An intended act keeps its own code, marked intended (GUIDELINES.md) ...
    assert_eq!(
        modality("Arland wants to meet Borovia."),
        [("040".into(), "intended")]
    );
    // ... and committing to it, or saying one is willing, is also an expression of intent
    // (03x), as CAMEO codes "agreed to", "plans to", "is willing to".
    assert_eq!(
        modality("Arland is willing to work with Borovia."),
        [("060".into(), "intended"), ("031".into(), "asserted")]
    );
    assert_eq!(
        modality("Arland plans to meet Borovia."),
        [("040".into(), "intended"), ("036".into(), "asserted")]
    );
    // "Is set to", "is expected to", however the parser reads the "is".
    assert_eq!(
        modality("Pavel Orlov is set to meet Anna Lind."),
        [("040".into(), "intended")]
    );
    // A commitment not made expresses no intent.
    let doc = code("Arland did not plan to meet Borovia.", "2026-01-10");
    assert!(!doc.events.is_empty() && doc.events.iter().all(|e| e.negated && e.code == "040"));
}

#[test]
fn a_question_asks_and_does_not_assert() {
    assert_eq!(
        modality("Will Arland attack Borovia?"),
        [("190".into(), "hypothetical")]
    );
    assert_eq!(
        modality("Carpath wants to establish whether Arland attacked Borovia."),
        [("190".into(), "hypothetical")]
    );
    // The question is what is said; the saying happened.
    let said = modality("The president said: \"Why did Arland attack Borovia?\"");
    assert!(said.contains(&("010".into(), "asserted")), "{said:?}");
    assert!(said.contains(&("190".into(), "hypothetical")), "{said:?}");
    let asked = modality("\"Why did Arland attack Borovia?\" the president said.");
    assert!(asked.contains(&("010".into(), "asserted")), "{asked:?}");
}

#[test]
fn a_refusal_or_failure_to_act_negates_the_act() {
    let doc = code(
        "Arland's refusal to meet Carpath angered Borovia.",
        "2026-01-10",
    );
    let meet: Vec<_> = doc.events.iter().filter(|e| e.code == "040").collect();
    assert!(
        !meet.is_empty() && meet.iter().all(|e| e.negated),
        "{:?}",
        events(&doc)
    );
}

#[test]
fn words_after_the_subject_describe_it_and_do_not_judge_it() {
    // "Admirable in every way" says who the officials are; "wrong" is what is said of them.
    let doc = code(
        "Anna Lind said Borovian officials admirable in every way were wrong.",
        "2022-01-10",
    );
    assert!(
        events(&doc).contains(&ev("111", "AAAGOV", "BBBGOV")),
        "{:?}",
        events(&doc)
    );
}

#[test]
fn reported_speech_is_attributed() {
    let doc = code(
        "Pavel Orlov said that Arland condemned Carpath.",
        "2023-01-10",
    );
    let condemn = doc.events.iter().find(|e| e.code == "111").unwrap();
    assert_eq!(
        doc.slice(condemn.attribution.as_ref().unwrap().span),
        "Pavel Orlov"
    );
    let doc = code(
        "Arland condemned Carpath, according to Borovia Wire.",
        "2023-01-10",
    );
    assert_eq!(
        doc.slice(doc.events[0].attribution.as_ref().unwrap().span),
        "Borovia Wire"
    );
    // "citing" names a source only when it names someone.
    let doc = code(
        "Arland condemned Carpath, citing fears of an invasion.",
        "2023-01-10",
    );
    assert!(doc.events[0].attribution.is_none());
    let doc = code(
        "Arland condemned Carpath, citing Borovia Wire.",
        "2023-01-10",
    );
    assert_eq!(
        doc.slice(doc.events[0].attribution.as_ref().unwrap().span),
        "Borovia Wire"
    );
    let doc = code(
        "Arland condemned Carpath, said the Borovian government.",
        "2023-01-10",
    );
    let condemn = doc.events.iter().find(|e| e.code == "111").unwrap();
    assert_eq!(
        doc.slice(condemn.attribution.as_ref().unwrap().span),
        "Borovian government"
    );
    assert!(doc
        .events
        .iter()
        .any(|e| e.code == "010" && e.source.code == "BBBGOV"));
}

#[test]
fn noun_triggers_take_their_possessor_as_source() {
    let doc = code(
        "Arland's invasion of Carpath began in early 2022.",
        "2026-01-10",
    );
    assert_eq!(events(&doc), [ev("192", "AAA", "CCC")]);
    let date = doc.events[0].date.unwrap();
    assert_eq!(
        (date.date.to_string().as_str(), date.precision.as_str()),
        ("2022-01-01", "year")
    );
}

#[test]
fn events_take_the_date_and_place_of_their_own_clause() {
    let doc = code(
        "Anna Lind met Pavel Orlov in Velm on Jan 3, and Borovia condemned Carpath.",
        "2023-01-10",
    );
    let meet = &doc.events[0];
    assert_eq!(meet.date.unwrap().date.to_string(), "2023-01-03");
    assert_eq!(meet.location.as_ref().unwrap().name, "Velm");
    let condemn = doc.events.iter().find(|e| e.code == "111").unwrap();
    assert!(
        condemn.date.unwrap().span.is_none(),
        "falls back to the publication date"
    );
    assert!(condemn.location.is_none());
}

/// The place of each event, by trigger: (trigger, place name, how), or "-" for none.
fn places(doc: &Document) -> Vec<(String, String, &'static str)> {
    doc.events
        .iter()
        .map(|e| {
            let (name, how) = e
                .location
                .as_ref()
                .map(|l| (l.name.clone(), l.how.as_str()))
                .unwrap_or(("-".into(), "-"));
            (doc.slice(e.trigger).to_string(), name, how)
        })
        .collect()
}

fn place_of(pairs: &[(&str, &str, &'static str)]) -> Vec<(String, String, &'static str)> {
    pairs
        .iter()
        .map(|(t, n, h)| (t.to_string(), n.to_string(), *h))
        .collect()
}

#[test]
fn a_place_phrase_with_words_before_the_name_still_places_the_event() {
    // The preposition is not the word just before the name: the parse says the phrase is a
    // place phrase all the same.
    let doc = code(
        "Borovian troops attacked a convoy in northern Dorn.",
        "2026-01-10",
    );
    assert_eq!(places(&doc), place_of(&[("attacked", "Dorn", "text")]));
    let doc = code(
        "Anna Lind met Pavel Orlov in the entire Kessa province.",
        "2026-01-10",
    );
    assert_eq!(places(&doc), place_of(&[("met", "Kessa", "text")]));
    // A country in such a phrase is a place as well as an actor.
    let doc = code(
        "Arlandian troops attacked a convoy in eastern Borovia.",
        "2026-01-10",
    );
    assert_eq!(places(&doc), place_of(&[("attacked", "Borovia", "text")]));
    // A name that only qualifies a noun there ("the Dorn mayor") is no place phrase.
    let doc = code(
        "Anna Lind met Pavel Orlov at the new Dorn mayor's house.",
        "2026-01-10",
    );
    assert_eq!(places(&doc), place_of(&[("met", "-", "-")]));
}

#[test]
fn a_named_site_the_gazetteer_does_not_know_is_a_place_without_coordinates() {
    let doc = code(
        "Anna Lind met Pavel Orlov at the Hotel Saturnia in Dorn on Monday.",
        "2026-01-10",
    );
    assert_eq!(places(&doc), place_of(&[("met", "Hotel Saturnia", "text")]));
    let site = doc.events[0].location.as_ref().unwrap();
    assert_eq!(site.kind, readout_doc::PlaceKind::Site);
    assert_eq!(
        site.country.as_deref(),
        Some("BBB"),
        "the country of the town after it"
    );
    assert_eq!(
        (site.lat, site.lon),
        (None, None),
        "the text does not say where it is"
    );
    // The name stops before a day; "the hotel" names it again.
    let doc = code(
        "Anna Lind met Pavel Orlov at Varsha Bungalow on Monday.

         Borovian troops attacked a convoy outside the bungalow.",
        "2026-01-10",
    );
    assert_eq!(
        places(&doc),
        place_of(&[
            ("met", "Varsha Bungalow", "text"),
            ("attacked", "Varsha Bungalow", "text")
        ])
    );
    // A site word alone is no name, and a site only modifying a noun places nothing.
    let doc = code(
        "Anna Lind met Pavel Orlov at St Mark's Palace.",
        "2026-01-10",
    );
    assert_eq!(places(&doc), place_of(&[("met", "-", "-")]));
    let doc = code(
        "Anna Lind praised the Grand Palace museum staff.",
        "2026-01-10",
    );
    assert!(doc.places.is_empty(), "{:?}", doc.places);
}

#[test]
fn a_visit_or_an_attack_happens_in_the_place_it_goes_to() {
    // A town visited or attacked is where the event is, and stands for something of its
    // country (its council, its people).
    let doc = code(
        "Anna Lind visited Dorn.\n\nBorovian troops attacked Velm.",
        "2026-01-10",
    );
    assert_eq!(
        places(&doc),
        place_of(&[("visited", "Dorn", "text"), ("attacked", "Velm", "text")])
    );
    assert_eq!(
        events(&doc),
        [ev("042", "AAAOPP", "BBB"), ev("190", "BBBMIL", "BBB")]
    );
    // A capital visited stands for its government and is where the visit is.
    let doc = code("Anna Lind visited Borograd.", "2026-01-10");
    assert_eq!(places(&doc), place_of(&[("visited", "Borograd", "text")]));
    assert_eq!(events(&doc), [ev("042", "AAAOPP", "BBBGOV")]);
    // Each visit of a tour is where it goes.
    let doc = code("Anna Lind visited Borograd and Arlo.", "2026-01-10");
    assert_eq!(
        places(&doc),
        place_of(&[("visited", "Borograd", "text"), ("visited", "Arlo", "text")])
    );
    assert_eq!(
        events(&doc),
        [ev("042", "AAAOPP", "BBBGOV"), ev("042", "AAAOPP", "AAAGOV")]
    );
    // Aid or trade goes to a country without happening there.
    let doc = code("Anna Lind supplied Borovia.", "2026-01-10");
    assert_eq!(places(&doc), place_of(&[("supplied", "-", "-")]));
    // A place name inside a longer name is no destination.
    let doc = code("Anna Lind visited Dorn Tower.", "2026-01-10");
    assert_eq!(places(&doc), place_of(&[("visited", "-", "-")]));
}

#[test]
fn the_town_is_the_town_named_before() {
    // Not news of the day, so nothing carries over: only the words place the attack.
    let doc = code(
        "Anna Lind visited the town of Dorn.\n\nIn 2019 Borovian troops attacked Carpath in western parts of the town.\n\nIn 2019 Borovian troops attacked Carpath in the region.",
        "2026-01-10",
    );
    assert_eq!(
        places(&doc),
        place_of(&[
            ("visited", "Dorn", "text"),
            ("attacked", "Dorn", "text"),
            // No region was named.
            ("attacked", "-", "-"),
        ])
    );
}

#[test]
fn a_place_belongs_to_the_event_the_parse_hangs_it_on() {
    // A fronted locative places the verb it modifies, however far away.
    let doc = code(
        "In Velm, Borovian officials condemned Arlo on Monday.",
        "2026-01-10",
    );
    assert_eq!(places(&doc), place_of(&[("condemned", "Velm", "text")]));
    // A located subject: the event happens where its doer is…
    let doc = code("Troops in Dorn attacked Carpath.", "2026-01-10");
    assert_eq!(places(&doc), place_of(&[("attacked", "Dorn", "text")]));
    // …but a place that qualifies a noun inside the subject says whom it is of, not where
    // they are.
    let doc = code(
        "Officials with offices in Dorn condemned Carpath.",
        "2026-01-10",
    );
    assert_eq!(places(&doc), place_of(&[("condemned", "-", "-")]));
    // A place that describes the object of a statement is not where the statement was made.
    let doc = code(
        "Anna Lind condemned Arlo over the attack in Velm.",
        "2026-01-10",
    );
    assert_eq!(places(&doc), place_of(&[("condemned", "-", "-")]));
    // A place in another clause belongs to that clause.
    let doc = code(
        "Pavel Orlov condemned Carpath after Borovian officials met in Velm.",
        "2026-01-10",
    );
    assert_eq!(
        places(&doc),
        place_of(&[("condemned", "-", "-"), ("met", "Velm", "text")])
    );
}

#[test]
fn a_clause_without_its_own_subject_shares_the_place_of_its_verb() {
    let doc = code(
        "Troops in Dorn attacked Arlo and seized Carpath on Monday.",
        "2026-01-10",
    );
    assert_eq!(
        places(&doc),
        place_of(&[("attacked", "Dorn", "text"), ("seized", "Dorn", "text")])
    );
    let doc = code(
        "Pavel Orlov condemned Carpath while meeting Anna Lind in Velm.",
        "2026-01-10",
    );
    assert_eq!(
        places(&doc),
        place_of(&[("condemned", "Velm", "text"), ("meeting", "Velm", "text")])
    );
}

#[test]
fn modifiers_metonyms_and_bases_place_nothing() {
    // A country used as a modifier or a possessive is not a place.
    let doc = code("Anna Lind condemned Borovia's plan.", "2026-01-10");
    assert!(doc.events.iter().all(|e| e.location.is_none()));
    // Where a body is based is not where it acted.
    let doc = code(
        "An official based in Dorn condemned Carpath on Friday.",
        "2026-01-10",
    );
    assert!(doc.events.iter().all(|e| e.location.is_none()));
}

#[test]
fn a_local_story_happens_in_the_town_its_headline_names() {
    let body = "Borovian union leader Tom Vale condemned the government.\n\nPavel Orlov condemned the union.\n\nArland condemned Borovia.\n\nTom Vale met Anna Lind in Velm.";
    let doc = code(&format!("# Strike in Dorn\n\n{body}"), "2026-01-10");
    assert_eq!(
        places(&doc),
        place_of(&[
            // Someone of the town's country whom the text introduces is there…
            ("condemned", "Dorn", "headline"),
            // …not a national figure speaking about it, nor a foreign government…
            ("condemned", "-", "-"),
            ("condemned", "-", "-"),
            // …and a sentence that names its own place keeps it.
            ("met", "Velm", "text"),
        ])
    );
    // A town that only modifies a noun of the headline names the story's people, not its
    // place; and a story with a dateline is placed by the dateline.
    let doc = code(
        &format!("# Dorn union condemns government\n\n{body}"),
        "2026-01-10",
    );
    // (The story's country, which the text names, is still where its own people act.)
    let body_places = places(&doc);
    let first = body_places.iter().find(|(t, _, _)| t == "condemned");
    assert_eq!(
        first,
        place_of(&[("condemned", "Borovia", "story")]).first()
    );
    let dated = format!("# Strike in Dorn\n\nBOROGRAD (Wire) - {body}");
    let doc = code(&dated, "2026-01-10");
    assert_eq!(
        places(&doc)[0],
        place_of(&[("condemned", "Borograd", "dateline")])[0]
    );
}

#[test]
fn a_place_named_before_a_place_noun_is_where_its_phrase_is() {
    let doc = code(
        "Borovian troops attacked rebels in Kessa province.",
        "2026-01-10",
    );
    assert_eq!(places(&doc), place_of(&[("attacked", "Kessa", "text")]));
    // Before the noun of a town, a name describes a place of its own ("the Olympic village").
    let doc = code(
        "Borovian troops attacked rebels in the Velm village.",
        "2026-01-10",
    );
    assert_eq!(places(&doc), place_of(&[("attacked", "-", "-")]));
}

#[test]
fn a_dash_lost_in_transcoding_still_ends_a_dateline() {
    let doc = code(
        "BOROGRAD\u{fffd}\u{fffd}Pavel Orlov condemned Carpath.",
        "2026-01-10",
    );
    assert_eq!(
        places(&doc),
        place_of(&[("condemned", "Borograd", "dateline")])
    );
}

#[test]
fn a_seat_of_power_stands_in_its_capital() {
    let doc = code("Officials met at the Citadel.", "2026-01-10");
    let l = doc.events[0].location.as_ref().unwrap();
    assert_eq!(
        (l.lat, l.lon),
        (Some(20.0), Some(20.0)),
        "the capital's coordinates"
    );
    assert_eq!(l.kind, readout_doc::PlaceKind::Site);
}

#[test]
fn same_named_places_follow_the_qualifier_then_the_story() {
    let doc = code("Officials met in Velm, Carpath.", "2026-01-10");
    assert_eq!(
        doc.events[0].location.as_ref().unwrap().country.as_deref(),
        Some("CCC")
    );
    // A dateline without a qualifier: the capital beats a more populous namesake elsewhere.
    let doc = code(
        "BOROGRAD (Wire) - Pavel Orlov condemned Carpath.",
        "2026-01-10",
    );
    let l = doc.events[0].location.as_ref().unwrap();
    assert_eq!(
        (l.name.as_str(), l.how),
        ("Borograd", readout_doc::LocationSource::Dateline)
    );
}

#[test]
fn news_of_the_day_takes_the_dateline_or_the_place_just_named() {
    let doc = code(
        "DORN, Borovia (Wire) - Pavel Orlov condemned Carpath on Friday.\n\nPavel Orlov met Anna Lind in Velm.\n\nPavel Orlov praised Arlo.\n\nArland condemned Carpath.\n\nArland met Carpath.\n\nArland condemned Borovia.\n\nIn 2019 Pavel Orlov condemned Arlo.",
        "2026-01-10",
    );
    assert_eq!(
        places(&doc),
        place_of(&[
            ("condemned", "Dorn", "dateline"),
            ("met", "Velm", "text"),
            // The next sentence continues the meeting's occasion.
            ("praised", "Velm", "earlier"),
            // Arland's acts are not placed at a Borovian meeting, and after the lead a
            // government speaks from its own capital, not from the city the story was filed in…
            ("condemned", "-", "-"),
            // …but the dateline covers the day's news from anyone (talks in Geneva are
            // between foreigners), and a party to it speaks from there.
            ("met", "Dorn", "dateline"),
            ("condemned", "Dorn", "dateline"),
            // An event of another year is not news of the day.
            ("condemned", "-", "-"),
        ])
    );
    let doc = code(
        "BOROGRAD, Borovia (Wire) - Arland met Carpath.\n\nPavel Orlov condemned Carpath.",
        "2026-01-10",
    );
    assert_eq!(
        places(&doc),
        place_of(&[
            ("met", "Borograd", "dateline"),
            // A government speaks from its capital.
            ("condemned", "Borograd", "dateline"),
        ])
    );
}

#[test]
fn a_government_speaking_in_the_lead_of_a_story_filed_elsewhere_in_its_country_is_in_it() {
    let doc = code(
        "DORN, Borovia (Wire) - The Borovian government condemned Carpath.\n\nThe Borovian government condemned Arland.",
        "2026-01-10",
    );
    assert_eq!(
        places(&doc),
        place_of(&[
            // Not in Dorn, where the story was filed: somewhere in Borovia…
            ("condemned", "Borovia", "dateline"),
            // …and after the lead, nowhere the text says.
            ("condemned", "-", "-"),
        ])
    );
    // A person may have travelled to where the story was filed.
    let doc = code(
        "DORN, Borovia (Wire) - Pavel Orlov condemned Carpath.",
        "2026-01-10",
    );
    assert_eq!(places(&doc), place_of(&[("condemned", "Dorn", "dateline")]));
}

#[test]
fn a_national_figure_is_not_where_a_local_event_of_the_country_was() {
    let doc = code(
        "Borovian troops attacked Arlo in Velm.\n\nPavel Orlov condemned Carpath.\n\nTom Hale condemned Carpath.",
        "2026-01-10",
    );
    assert_eq!(
        places(&doc),
        place_of(&[
            ("attacked", "Velm", "text"),
            // The president of Borovia speaks from wherever he is…
            ("condemned", "-", "-"),
            // …someone the text introduces, most often a local, where the news is.
            ("condemned", "Velm", "earlier"),
        ])
    );
}

#[test]
fn a_place_just_named_goes_on_with_its_countrymen_until_a_new_dateline() {
    let doc = code(
        "Pavel Orlov met Anna Lind in Velm.\n\nBorovian troops attacked Carpath.\n\nArland condemned Carpath.",
        "2026-01-10",
    );
    assert_eq!(
        places(&doc),
        place_of(&[
            ("met", "Velm", "text"),
            // Borovians act where the Borovian meeting was…
            ("attacked", "Velm", "earlier"),
            // …Arland reacts from elsewhere.
            ("condemned", "-", "-"),
        ])
    );
    let doc = code(
        "Pavel Orlov met Anna Lind in Velm.\n\nDORN, Borovia (Wire) - Borovian troops attacked Carpath.",
        "2026-01-10",
    );
    assert_eq!(
        places(&doc),
        place_of(&[("met", "Velm", "text"), ("attacked", "Dorn", "dateline")])
    );
}

/// The date of each event, by trigger: (trigger, date, the words it was read from), with "-"
/// for none.
fn dates(doc: &Document) -> Vec<(String, String, String)> {
    doc.events
        .iter()
        .map(|e| {
            let (date, text) = e
                .date
                .map(|d| (d.date.to_string(), d.span.map(|s| doc.slice(s).to_string())))
                .unwrap_or(("-".into(), None));
            (
                doc.slice(e.trigger).to_string(),
                date,
                text.unwrap_or_else(|| "-".into()),
            )
        })
        .collect()
}

fn date_of(triples: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    triples
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect()
}

#[test]
fn a_date_belongs_to_the_clause_the_parse_hangs_it_on() {
    // Published on Saturday 2026-01-10.
    let doc = code(
        "Pavel Orlov condemned Carpath after he met Anna Lind on Monday.",
        "2026-01-10",
    );
    let mut got = dates(&doc);
    got.sort();
    assert_eq!(
        got,
        date_of(&[
            ("condemned", "2026-01-10", "-"),
            ("met", "2026-01-05", "Monday"),
        ])
    );
    // A date before its noun dates the noun only.
    let doc = code(
        "Pavel Orlov condemned last year's invasion of Carpath.",
        "2026-01-10",
    );
    let condemn = doc.events.iter().find(|e| e.code == "111").unwrap();
    assert!(condemn.date.unwrap().span.is_none(), "the publication date");
    // "Friday afternoon" is one phrase of time.
    let doc = code(
        "Pavel Orlov condemned Carpath on Friday afternoon.",
        "2026-01-10",
    );
    assert_eq!(
        dates(&doc),
        date_of(&[("condemned", "2026-01-09", "Friday")])
    );
}

#[test]
fn what_is_to_come_takes_the_coming_day_and_month() {
    let doc = code("Pavel Orlov will meet Anna Lind on Thursday.", "2026-01-10");
    assert_eq!(doc.events[0].modality, readout_doc::Modality::Intended);
    assert_eq!(dates(&doc), date_of(&[("meet", "2026-01-15", "Thursday")]));
    let doc = code("Pavel Orlov will meet Anna Lind in January.", "2026-11-20");
    assert_eq!(dates(&doc), date_of(&[("meet", "2027-01-01", "January")]));
    // Reported as done, the same words mean the last such day.
    let doc = code("Pavel Orlov met Anna Lind on Thursday.", "2026-01-10");
    assert_eq!(dates(&doc), date_of(&[("met", "2026-01-08", "Thursday")]));
    // What is only intended gets no date of its own.
    let doc = code("Pavel Orlov will meet Anna Lind.", "2026-01-10");
    assert_eq!(dates(&doc), date_of(&[("meet", "-", "-")]));
}

#[test]
fn a_vague_time_leaves_an_event_undated() {
    // "recently" says no day: not the publication day either.
    let doc = code("Borovian troops recently attacked Arlo.", "2026-01-10");
    assert_eq!(dates(&doc), date_of(&[("attacked", "-", "-")]));
}

#[test]
fn counted_times_weekends_and_seasons_date_the_event() {
    // Published on Wednesday 2026-01-14.
    let doc = code(
        "Borovian troops attacked Arlo two days ago.\n\nPavel Orlov met Anna Lind over the weekend.\n\nPavel Orlov will meet Anna Lind over the weekend.\n\nBorovia condemned Carpath in mid-December.\n\nBorovia praised Carpath last summer.",
        "2026-01-14",
    );
    assert_eq!(
        dates(&doc),
        date_of(&[
            ("attacked", "2026-01-12", "two days ago"),
            ("met", "2026-01-05", "over the weekend"),
            // What is to come happens at the weekend ahead.
            ("meet", "2026-01-12", "over the weekend"),
            ("condemned", "2025-12-01", "mid-December"),
            ("praised", "2025-01-01", "last summer"),
        ])
    );
}

#[test]
fn a_time_counted_from_the_story_s_time_follows_it() {
    let doc = code(
        "Borovian troops attacked Arlo on 3 May.\n\nPavel Orlov condemned Borovia two days later.\n\nAnna Lind praised Arlo in March 2019.\n\nPavel Orlov praised Arlo the following week.",
        "2026-09-24",
    );
    assert_eq!(
        dates(&doc),
        date_of(&[
            ("attacked", "2026-05-03", "3 May"),
            ("condemned", "2026-05-05", "two days later"),
            ("praised", "2019-03-01", "March 2019"),
            // No finer than the month it is counted from.
            ("praised", "2019-03-01", "the following week"),
        ])
    );
    // Told by a sentence without an event (a day of the week before publication), the day
    // still counts.
    let doc = code(
        "The storm reached Arlo on 3 May.\n\nBorovian troops attacked Arlo two days later.",
        "2026-05-06",
    );
    assert_eq!(
        dates(&doc),
        date_of(&[("attacked", "2026-05-05", "two days later")])
    );
    // "The same day" is the day told, not the day of publication.
    let doc = code(
        "Borovian troops attacked Arlo on 3 May.\n\nPavel Orlov condemned Borovia the same day.",
        "2026-09-24",
    );
    assert_eq!(
        dates(&doc),
        date_of(&[
            ("attacked", "2026-05-03", "3 May"),
            ("condemned", "2026-05-03", "the same day"),
        ])
    );
    // Counted from nothing the story told: no date, not even the publication day.
    let doc = code(
        "Pavel Orlov condemned Borovia two days later.",
        "2026-09-24",
    );
    assert_eq!(dates(&doc), date_of(&[("condemned", "-", "-")]));
}

#[test]
fn a_season_word_that_is_a_verb_dates_nothing() {
    // "fall" here is what prices do, not autumn: the saying is the day's news.
    let doc = code("Pavel Orlov said prices were likely to fall.", "2026-01-10");
    assert_eq!(dates(&doc), date_of(&[("said", "2026-01-10", "-")]));
}

#[test]
fn the_perfect_after_the_lead_and_the_past_perfect_leave_an_event_undated() {
    let doc = code(
        "Borovia has condemned Carpath.\n\nArlo has praised Borovia.\n\nPavel Orlov said Carpath had attacked Arlo.",
        "2026-01-10",
    );
    assert_eq!(
        dates(&doc),
        date_of(&[
            // The lead's present perfect is the day's news.
            ("condemned", "2026-01-10", "-"),
            // After the lead it tells of some time before, which the text does not say.
            ("praised", "-", "-"),
            ("said", "2026-01-10", "-"),
            // Before the time of the saying.
            ("attacked", "-", "-"),
        ])
    );
}

#[test]
fn an_undated_event_takes_the_day_of_the_event_just_before() {
    let doc = code(
        "Borovian troops attacked Arlo on Friday.\n\nPavel Orlov condemned Carpath.\n\nAnna Lind praised Arlo in 2019.\n\nPavel Orlov praised Arlo.",
        "2026-01-10",
    );
    assert_eq!(
        dates(&doc),
        date_of(&[
            ("attacked", "2026-01-09", "Friday"),
            ("condemned", "2026-01-09", "Friday"),
            ("praised", "2019-01-01", "2019"),
            // A year long past is no day to carry over: the publication date.
            ("praised", "2026-01-10", "-"),
        ])
    );
}

#[test]
fn a_town_or_region_that_acts_is_its_government_and_the_place_of_the_act() {
    let doc = code("The province of Kessa condemned Carpath.", "2026-01-10");
    assert_eq!(events(&doc), [ev("111", "AAAGOV", "CCC")]);
    assert_eq!(places(&doc), place_of(&[("condemned", "Kessa", "text")]));
    // As the object it is a place, not a government.
    let doc = code("Pavel Orlov condemned the province of Kessa.", "2026-01-10");
    assert!(events(&doc).iter().all(|(_, _, target)| target != "AAAGOV"));
    // A province named alone as the subject stands for its country, as a country's name does.
    let doc = code("Kessa condemned Carpath.", "2026-01-10");
    assert_eq!(events(&doc), [ev("111", "AAA", "CCC")]);
    assert_eq!(places(&doc), place_of(&[("condemned", "Kessa", "text")]));
}

#[test]
fn sources_of_a_group_speak_for_it() {
    let doc = code(
        "Borovian army sources said the talks would go on.",
        "2026-01-10",
    );
    assert_eq!(events(&doc), [ev("010", "BBBMIL", "")]);
}

#[test]
fn a_sentence_without_events_sets_the_day_and_the_present_tense_keeps_its_own() {
    // "A crowd gathered on Friday" codes no event, but the story goes on on that day.
    let doc = code(
        "A crowd gathered outside the palace on Friday.\n\nBorovian troops attacked Arlo.",
        "2026-01-10",
    );
    assert_eq!(
        dates(&doc),
        date_of(&[("attacked", "2026-01-09", "Friday")])
    );
    // Not for what the present tense tells: criticism in the past tense would take Friday.
    let doc = code(
        "Borovian troops attacked Arlo on Friday.\n\nPavel Orlov condemns Carpath.",
        "2026-01-10",
    );
    assert_eq!(
        dates(&doc),
        date_of(&[
            ("attacked", "2026-01-09", "Friday"),
            ("condemns", "2026-01-10", "-"),
        ])
    );
}

#[test]
fn a_statement_by_someone_else_does_not_take_the_day_just_before() {
    // The reporter's news of the day: what Anna Lind says is not dated by the attack, but the
    // attacker's own words go on with the attack's day.
    let doc = code(
        "Borovian troops attacked Arlo on Friday.\n\nAnna Lind said the talks would go on.\n\nPavel Orlov attacked Velm on Friday.\n\nPavel Orlov said the war would go on.",
        "2026-01-10",
    );
    assert_eq!(
        dates(&doc),
        date_of(&[
            ("attacked", "2026-01-09", "Friday"),
            ("said", "2026-01-10", "-"),
            ("attacked", "2026-01-09", "Friday"),
            ("said", "2026-01-09", "Friday"),
        ])
    );
    // Any statement of cooperation, not only a plain one: an appeal is the day's news too.
    let doc = code(
        "Borovian troops attacked Arlo on Friday.\n\nPavel Orlov urged Carpath to act.",
        "2026-01-10",
    );
    assert_eq!(
        dates(&doc),
        date_of(&[
            ("attacked", "2026-01-09", "Friday"),
            ("urged", "2026-01-10", "-"),
        ])
    );
}

#[test]
fn a_day_right_after_a_reporting_verb_dates_the_report() {
    // The parse may hang "Thursday" on the reported clause; it dates the saying.
    let doc = code(
        "Pavel Orlov said Thursday he believes Anna Lind will visit Carpath.",
        "2026-01-10",
    );
    assert_eq!(
        dates(&doc)[0],
        date_of(&[("said", "2026-01-08", "Thursday")])[0]
    );
}

#[test]
fn a_verb_without_its_own_subject_takes_the_day_of_the_verb_it_hangs_on() {
    let doc = code(
        "Borovian troops on Wednesday began attacking Arlo.",
        "2026-01-10",
    );
    assert_eq!(
        dates(&doc),
        date_of(&[("attacking", "2026-01-07", "Wednesday")])
    );
}

#[test]
fn a_frame_s_gap_skips_an_actor_that_only_modifies_the_next_word() {
    // "a Borovian attack": Borovian modifies the noun the frame names and does not end the
    // gap; whose attack it is, the object says, is the one condemned.
    let doc = code("Anna Lind condemned a Borovian attack.", "2026-01-10");
    assert_eq!(events(&doc), [ev("111", "AAAOPP", "BBB")]);
    // A named actor that is the object still ends the gap.
    let doc = code(
        "Anna Lind condemned Borovian troops for the attack.",
        "2026-01-10",
    );
    assert_eq!(events(&doc), [ev("111", "AAAOPP", "BBBMIL")]);
}

#[test]
fn a_conjunct_with_its_own_tense_keeps_its_own_modality() {
    // "maintain" in the present with "Monday" in the clause would read as a schedule; the
    // conjunct in the past is a report of what was done.
    let doc = code(
        "Borovian officials maintain a monitor and condemned Arlo on Monday.",
        "2026-01-10",
    );
    let condemn = doc.events.iter().find(|e| e.code == "111").unwrap();
    assert_eq!(condemn.modality, Modality::Asserted);
}

#[test]
fn what_an_accuser_alleges_is_not_stated_as_fact() {
    let doc = code(
        "Pavel Orlov accused Arland of attacking Carpath.",
        "2026-01-10",
    );
    let got: Vec<_> = doc
        .events
        .iter()
        .map(|e| (e.code.as_str(), e.modality))
        .collect();
    assert_eq!(
        got,
        [("112", Modality::Asserted), ("190", Modality::Hypothetical)]
    );
    // "can" before a reporting verb is the report itself.
    let doc = code(
        "Pavel Orlov said: \"We can say that Arland is calm.\"",
        "2026-01-10",
    );
    assert!(!doc.events.is_empty());
    assert!(
        doc.events.iter().all(|e| e.modality == Modality::Asserted),
        "{:?}",
        doc.events
    );
}

#[test]
fn quotes_get_their_speakers() {
    let doc = code(
        "“We will never accept this outcome,” Pavel Orlov said.\n\n“Our patience is not without limits,” he added.\n\nAnna Lind told reporters that Arland would “stand by its friends in Carpath”.",
        "2023-01-10",
    );
    let quotes: Vec<(&str, &str)> = doc
        .quotes
        .iter()
        .map(|q| {
            (
                doc.slice(q.span),
                q.speaker
                    .map(|s| doc.actors[s as usize].name.as_str())
                    .unwrap_or("?"),
            )
        })
        .collect();
    assert_eq!(
        quotes,
        [
            ("We will never accept this outcome", "Pavel Orlov"),
            ("Our patience is not without limits", "Pavel Orlov"),
            ("stand by its friends in Carpath", "Anna Lind"),
        ]
    );
}

/// (sentence, quoted words, speaker: the actor's name, else the speaker's words, else "?").
fn quote_speakers(doc: &Document) -> Vec<(u32, String, String)> {
    doc.quotes
        .iter()
        .map(|q| {
            let speaker = q
                .speaker
                .map(|s| doc.actors[s as usize].name.clone())
                .or(q.speaker_span.map(|s| doc.slice(s).to_string()))
                .unwrap_or_else(|| "?".into());
            (q.sentence, doc.slice(q.span).to_string(), speaker)
        })
        .collect()
}

fn quoted(triples: &[(u32, &str, &str)]) -> Vec<(u32, String, String)> {
    triples
        .iter()
        .map(|(i, q, s)| (*i, q.to_string(), s.to_string()))
        .collect()
}

#[test]
fn a_quotation_over_several_sentences_and_paragraphs_keeps_its_speaker() {
    let doc = code(
        "Pavel Orlov said: “We will not give in. We will wait.\n\n“The border stays closed for now.”\n\nAnna Lind praised Arlo.",
        "2023-01-10",
    );
    assert_eq!(
        quote_speakers(&doc),
        quoted(&[
            (0, "We will not give in.", "Pavel Orlov"),
            (1, "We will wait.", "Pavel Orlov"),
            (2, "The border stays closed for now.", "Pavel Orlov"),
        ])
    );
}

#[test]
fn a_speaker_the_lexicon_does_not_know_is_reported_by_its_words() {
    let doc = code(
        "“The talks went on until late at night,” a source close to the negotiators said.\n\nAccording to Borovia Wire, “the two sides are still far apart on borders”.",
        "2023-01-10",
    );
    assert_eq!(
        quote_speakers(&doc),
        quoted(&[
            (
                0,
                "The talks went on until late at night",
                "a source close to the negotiators"
            ),
            (
                1,
                "the two sides are still far apart on borders",
                "Borovia Wire"
            ),
        ])
    );
}

#[test]
fn a_bare_office_is_its_holder_in_the_story_s_country() {
    // The story is Borovia's; "the president" on that date is Pavel Orlov.
    let doc = code(
        "Borovia condemned Carpath on Monday. Borovia praised Arlo.\n\n“We will wait for a long time,” the president said.",
        "2023-01-10",
    );
    let told = doc
        .events
        .iter()
        .find(|e| doc.slice(e.trigger) == "said")
        .unwrap();
    let actor = told
        .source
        .actor
        .map(|a| doc.actors[a as usize].name.as_str());
    assert_eq!(actor, Some("Pavel Orlov"));
    assert_eq!(told.source.code, "BBBGOV");
    assert_eq!(quote_speakers(&doc)[0].2, "Pavel Orlov");
}

#[test]
fn a_pronoun_speaker_is_the_person_it_refers_to() {
    // "She" is Anna Lind, the last person named as a subject, not the previous quote's speaker.
    let doc = code(
        "Pavel Orlov said: “We will wait for a long time.”\n\nAnna Lind condemned Carpath. She said “the border stays closed for now”.",
        "2023-01-10",
    );
    assert_eq!(
        quote_speakers(&doc),
        quoted(&[
            (0, "We will wait for a long time.", "Pavel Orlov"),
            (2, "the border stays closed for now", "Anna Lind"),
        ])
    );
}

#[test]
fn quotation_marks_of_every_kind_pair() {
    let doc = code(
        "\"We hope to work with our neighbours again,'' said Pavel Orlov.\n\nAnna Lind said the deal would bring 'a very long period of calm' to Carpath, and the farmers' march went on.\n\nPavel Orlov said there was a “small chance of a deal” but the “talks look very promising”.",
        "2023-01-10",
    );
    assert_eq!(
        quote_speakers(&doc),
        quoted(&[
            (
                0,
                "We hope to work with our neighbours again",
                "Pavel Orlov"
            ),
            (1, "a very long period of calm", "Anna Lind"),
            (2, "small chance of a deal", "Pavel Orlov"),
            // A second quotation of the sentence, with no verb of its own.
            (2, "talks look very promising", "Pavel Orlov"),
        ])
    );
}

#[test]
fn a_quotation_that_ends_its_sentence_takes_no_speaker_from_the_next() {
    let doc = code(
        "Arland called the plan “a step toward a better and fairer future for all.” Pavel Orlov said it was wrong.",
        "2023-01-10",
    );
    assert_eq!(quote_speakers(&doc).len(), 1);
    assert_ne!(quote_speakers(&doc)[0].2, "Pavel Orlov");
    // A participle of saying speaks for the subject of the verb it hangs on.
    let doc = code(
        "Pavel Orlov condemned Carpath, adding that “the border will stay closed for now”.",
        "2023-01-10",
    );
    assert_eq!(
        quote_speakers(&doc),
        quoted(&[(0, "the border will stay closed for now", "Pavel Orlov")])
    );
}

#[test]
fn captions_yield_actors_but_no_events() {
    let lex = lexicon();
    let meta = ArticleMeta {
        published: Date::parse("2026-01-10").ok(),
        ..ArticleMeta::default()
    };
    let mut doc = Document::from_paragraphs(
        "t",
        meta,
        [(
            Kind::Caption,
            "Anna Lind meets Pavel Orlov in Velm in 2019.",
        )],
    );
    readout_text::segment(&mut doc, &lex.split_rules);
    readout_coder::Coder::new(&lex).code(&mut doc, None);
    assert!(doc.events.is_empty());
    assert_eq!(doc.actors.len(), 2);
}

#[test]
fn unknown_persons_take_the_role_of_their_appositive() {
    let doc = code(
        "Tomas Brenner, an Arlandian official, said Borovian troops attacked Carpath. Mr Brenner condemned Carpath.",
        "2026-01-10",
    );
    assert_eq!(
        events(&doc),
        [
            ev("010", "AAAGOV", ""),
            ev("190", "BBBMIL", "CCC"),
            ev("111", "AAAGOV", "CCC")
        ]
    );
    let brenner = doc.events[0].source.actor.unwrap();
    assert_eq!(doc.actors[brenner as usize].name, "Tomas Brenner");
    assert_eq!(
        doc.events[2].source.actor,
        Some(brenner),
        "Mr Brenner is the same person"
    );
    // The country of the role in apposition, by adjective or possessive, is the person's.
    for text in [
        "Zakra Velnik, a former Borovian official, said the talks had failed.",
        "Zakra Velnik, Borovia's envoy, said the talks had failed.",
    ] {
        let doc = code(text, "2026-01-10");
        assert!(
            events(&doc)[0].1.starts_with("BBB"),
            "{text}: {:?}",
            events(&doc)
        );
    }
}

#[test]
fn a_measure_announced_is_the_announcer_s_act() {
    // "announce" is a reporting verb and a light one: its object noun is the event.
    let doc = code("Arland announced talks with Borovia.", "2026-01-10");
    assert!(events(&doc).contains(&ev("046", "AAA", "BBB")));
    // An oblique of a reporting verb is only a time or a circumstance.
    let doc = code(
        "Arland announced it after talks with Borovia.",
        "2026-01-10",
    );
    assert!(!events(&doc).iter().any(|(code, _, _)| code == "046"));
}

#[test]
fn a_person_after_a_long_title_is_the_speaker() {
    // The title's words before "Secretary" describe the office; the person is the name.
    let doc = code(
        "Health and Human Services Secretary Tomas Brenner said the talks would go on.",
        "2026-01-10",
    );
    assert_eq!(doc.events.len(), 1);
    let speaker = doc.events[0].source.actor.unwrap();
    assert_eq!(doc.actors[speaker as usize].name, "Tomas Brenner");
}

#[test]
fn a_middle_initial_does_not_hide_a_known_person() {
    assert_eq!(
        events(&code("Anna K. Lind praised Borovia.", "2022-03-01")),
        [ev("051", "AAAGOV", "BBB")]
    );
}

#[test]
fn a_passive_without_an_agent_codes_an_unknown_source() {
    let doc = code(
        "Two Arlandian officials were attacked on Monday.",
        "2026-01-10",
    );
    assert_eq!(events(&doc), [ev("190", "", "AAAGOV")]);
    assert_eq!(doc.events[0].source.actor, None);
}

#[test]
fn a_bare_unambiguous_surname_names_its_person() {
    assert_eq!(
        events(&code("Orlov condemned Carpath.", "2023-01-10")),
        [ev("111", "BBBGOV", "CCC")]
    );
    // A passive of a verbal event without its agent is not coded.
    assert!(code("Carpath was condemned on Monday.", "2023-01-10")
        .events
        .is_empty());
}

#[test]
fn an_event_noun_takes_the_subject_of_the_verb_it_is_the_object_of() {
    assert_eq!(
        events(&code(
            "Arland and Borovia held talks in Velm.",
            "2026-01-10"
        )),
        [ev("046", "AAA", "BBB")]
    );
    assert_eq!(
        events(&code("Arland held talks with Carpath.", "2026-01-10")),
        [ev("046", "AAA", "CCC")]
    );
}

#[test]
fn a_quote_inside_a_verbal_act_belongs_to_its_subject() {
    let doc = code(
        "Pavel Orlov condemned Carpath as “a danger to the whole region”.",
        "2023-01-10",
    );
    let speakers: Vec<&str> = doc
        .quotes
        .iter()
        .map(|q| {
            q.speaker
                .map(|s| doc.actors[s as usize].name.as_str())
                .unwrap_or("?")
        })
        .collect();
    assert_eq!(speakers, ["Pavel Orlov"]);
}

#[test]
fn statements_are_recoded_by_what_they_report() {
    let codes = |s: &str| {
        code(s, "2023-01-10")
            .events
            .iter()
            .filter(|e| e.modality.as_str() == "asserted" && !e.negated)
            .map(|e| {
                (
                    e.code.clone(),
                    e.target
                        .as_ref()
                        .map(|t| t.code.clone())
                        .unwrap_or_default(),
                )
            })
            .collect::<Vec<_>>()
    };
    // Criticism and praise of an actor.
    assert_eq!(
        codes("Pavel Orlov said Arland was incompetent."),
        [("111".into(), "AAA".into())]
    );
    assert_eq!(
        codes("Pavel Orlov said Arland was admirable."),
        [("051".into(), "AAA".into())]
    );
    // A judgement turned round by a negator.
    assert_eq!(
        codes("Pavel Orlov said Arland was not wrong."),
        [("051".into(), "AAA".into())]
    );
    // One's own intended act: intent; of force: a threat against its target.
    assert_eq!(
        codes("Pavel Orlov said he would meet Arland."),
        [("036".into(), "AAA".into())]
    );
    assert_eq!(
        codes("Pavel Orlov said he would attack Arland."),
        [("130".into(), "AAA".into())]
    );
    // One's own act denied.
    assert_eq!(
        codes("Pavel Orlov said he had done nothing wrong."),
        [("016".into(), "".into())]
    );
    // What one does not think, know or expect is an opinion: a plain statement.
    assert_eq!(
        codes("Pavel Orlov said he did not think the talks would fail."),
        [("010".into(), "".into())]
    );
    assert_eq!(
        codes("Pavel Orlov said he did not expect a quick end."),
        [("010".into(), "".into())]
    );
    assert_eq!(
        codes("Pavel Orlov said he did not consider the plan a threat."),
        [("010".into(), "".into())]
    );
    // What one cannot do is a refusal of a cooperative act the lexicon codes, else no denial.
    assert_eq!(
        codes("Pavel Orlov said he cannot praise Arland."),
        [("120".into(), "".into())]
    );
    assert_eq!(
        codes("Pavel Orlov said: \"We can't get away from the fact that the talks ended.\""),
        [("010".into(), "".into())]
    );
    // Not saying is declining to comment; not being told is neither that nor a denial.
    assert_eq!(
        codes("Pavel Orlov said he could not discuss the talks."),
        [("011".into(), "".into())]
    );
    assert_eq!(
        codes("Pavel Orlov said he had not been told of the talks."),
        [("010".into(), "".into())]
    );
    // So is how one feels, and what one does not rule out.
    assert_eq!(
        codes("Pavel Orlov said he was not surprised by the talks."),
        [("010".into(), "".into())]
    );
    assert_eq!(
        codes("Pavel Orlov said he did not rule out new talks."),
        [("010".into(), "".into())]
    );
    // What another should do: an appeal to that actor.
    assert_eq!(
        codes("Pavel Orlov said Arland should resign."),
        [("020".into(), "AAA".into())]
    );
    // A plain statement stays a statement.
    assert_eq!(
        codes("Pavel Orlov said the talks ended."),
        [("010".into(), "".into())]
    );
    // A policy judged is criticism of its makers, unnamed here (a government without a
    // country: the sentence gives no home country); but only what is predicated of the
    // policy judges it.
    assert_eq!(
        codes("Pavel Orlov said the plan was wrong."),
        [("111".into(), "GOV".into())]
    );
    assert_eq!(
        codes("Pavel Orlov said the plan was meant to stop incompetent officials."),
        [("010".into(), "".into())]
    );
    // Words of a clause with a subject of its own judge that clause's subject, not the
    // reported one; a clause that shares the subject still describes it.
    assert_eq!(
        codes("Pavel Orlov said Arland asked who was wrong."),
        [("010".into(), "".into())]
    );
    assert_eq!(
        codes("Pavel Orlov said Arland kept relying on wrong ideas."),
        [("111".into(), "AAA".into())]
    );
    // A judging word that a remedy governs names the problem acted against.
    assert_eq!(
        codes("Pavel Orlov said Arland insisted on tackling corruption."),
        [("010".into(), "".into())]
    );
    assert_eq!(
        codes("Pavel Orlov said Arland tolerated corruption."),
        [("111".into(), "AAA".into())]
    );
    // So does one that an ordeal governs: what the subject undergoes is no fault of it.
    assert_eq!(
        codes("Pavel Orlov said Arland faced corruption."),
        [("010".into(), "".into())]
    );
}

#[test]
fn hearsay_is_not_stated_as_fact() {
    let doc = code(
        "Pavel Orlov dismissed reports he met Anna Lind.",
        "2023-01-10",
    );
    let found: Vec<_> = doc
        .events
        .iter()
        .map(|e| (e.code.as_str(), e.modality.as_str(), e.negated))
        .collect();
    assert_eq!(
        found,
        [("016", "asserted", false), ("040", "hypothetical", true)]
    );
    // Hearsay that nobody denies is still not stated as fact.
    let doc = code(
        "Borovia Wire carried reports that Arland attacked Borovia.",
        "2023-01-10",
    );
    let attack = doc
        .events
        .iter()
        .find(|e| e.code == "190")
        .expect("the attack is coded");
    assert_eq!(
        (attack.modality.as_str(), attack.negated),
        ("hypothetical", false)
    );
}

#[test]
fn a_role_word_used_as_an_adjective_names_no_one() {
    let doc = code("Arland condemned military spending.", "2023-01-10");
    assert!(
        doc.events
            .iter()
            .all(|e| e.target.as_ref().is_none_or(|t| t.code != "MIL")),
        "{:?}",
        events(&doc)
    );
    let doc = code("Arland condemned the military.", "2023-01-10");
    assert_eq!(events(&doc), [ev("111", "AAA", "MIL")]);
}

#[test]
fn requests_mark_the_requested_act() {
    let doc = code("Arland urged Borovia to attack Carpath.", "2026-01-10");
    let urge = doc
        .events
        .iter()
        .find(|e| e.code == "020")
        .expect("the appeal");
    assert_eq!(urge.target.as_ref().unwrap().code, "BBB");
    let attack = doc
        .events
        .iter()
        .find(|e| e.code == "190")
        .expect("the requested attack");
    assert_eq!(attack.source.code, "BBB", "the one urged is the one to act");
    assert_eq!(attack.modality.as_str(), "requested");
    // A plain resignation is no event; one under pressure yields to demands.
    assert!(code("Pavel Orlov resigned on Monday.", "2023-01-10")
        .events
        .is_empty());
    assert_eq!(
        events(&code("Pavel Orlov resigned under pressure.", "2023-01-10")),
        [ev("0831", "BBBGOV", "")]
    );
}

#[test]
fn a_present_tense_verb_with_a_coming_day_is_scheduled() {
    let modality = |s: &str| {
        code(s, "2026-01-10")
            .events
            .iter()
            .map(|e| e.modality.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        modality("Arlandian envoys meet Borovian envoys on Thursday."),
        ["intended"]
    );
    assert_eq!(
        modality("Arlandian envoys met Borovian envoys on Thursday."),
        ["asserted"]
    );
}

#[test]
fn the_owner_of_a_thing_acted_on_is_the_target() {
    // A possessor, an "of", "by" or "from" phrase, or a participle with an agent.
    for s in [
        "Pavel Orlov rejected Arland's plan.",
        "Pavel Orlov rejected the plan of Arland.",
        "Pavel Orlov rejected calls from Arland.",
        "Borovia seized land owned by Arland.",
    ] {
        let doc = code(s, "2023-01-10");
        let targets: Vec<_> = doc
            .events
            .iter()
            .filter_map(|e| e.target.as_ref().map(|t| t.code.as_str()))
            .collect();
        assert_eq!(targets, ["AAA"], "{s}");
    }
    // A thing nobody is said to own has no target.
    let doc = code("Pavel Orlov rejected the plan.", "2023-01-10");
    assert_eq!(events(&doc), [ev("120", "BBBGOV", "")]);
}

#[test]
fn a_preposition_alone_in_a_frame_is_an_oblique_wherever_it_stands() {
    let doc = code("Arland protested loudly against the plan.", "2023-01-10");
    assert_eq!(events(&doc), [ev("111", "AAA", "")]);
    let doc = code("Arland protested loudly.", "2023-01-10");
    assert_eq!(events(&doc), [ev("010", "AAA", "")]);
}

#[test]
fn a_judged_policy_without_named_makers_targets_the_government() {
    // The makers take the story's home country, as "the government" does.
    let doc = code(
        "Pavel Orlov said the plan was wrong.\n\nBorovian officials met in Borograd. Borovia wants talks.",
        "2023-01-10",
    );
    let criticism = doc
        .events
        .iter()
        .find(|e| e.code == "111")
        .expect("criticism coded");
    let target = criticism.target.as_ref().expect("a target");
    assert_eq!(target.code, "BBBGOV");
    assert!(doc.actors[target.actor.unwrap() as usize].country_inferred);
}

#[test]
fn a_capitalised_name_modifying_a_noun_is_no_person_without_a_given_name() {
    let doc = code(
        "In his Harvest Week message Pavel Orlov condemned Arland.",
        "2023-01-10",
    );
    assert!(
        doc.actors.iter().all(|a| a.name != "Harvest Week"),
        "{:?}",
        doc.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
    );
    assert_eq!(events(&doc), [ev("111", "BBBGOV", "AAA")]);
}

#[test]
fn a_participle_of_saying_elaborates_the_act_it_hangs_on() {
    let doc = code(
        "Arland condemned Borovia, saying the talks had ended.",
        "2023-01-10",
    );
    assert_eq!(events(&doc), [ev("111", "AAA", "BBB")]);
    // On its own, the saying is a statement.
    let doc = code(
        "Arland spoke to reporters on Monday, saying the talks had ended.",
        "2023-01-10",
    );
    assert_eq!(events(&doc), [ev("010", "AAA", "")]);
}

#[test]
fn a_quotation_after_a_colon_is_said_not_an_object() {
    // The parser may hang a word of the quotation on the verb; after a colon it is what was
    // said.
    let doc = code(
        "Pavel Orlov added: \"It is not something that bothers me.\"",
        "2023-01-10",
    );
    assert_eq!(events(&doc), [ev("010", "BBBGOV", "")]);
    // Without the colon, "add" with an object is arithmetic, not a statement.
    let doc = code("Pavel Orlov added ten soldiers to the list.", "2023-01-10");
    assert!(events(&doc).is_empty(), "{:?}", events(&doc));
}

#[test]
fn a_speaker_after_a_reporting_verb_is_its_source() {
    let doc = code(
        "Arland condemned Borovia on Monday, said Pavel Orlov.",
        "2023-01-10",
    );
    let said = doc
        .events
        .iter()
        .find(|e| e.code == "010")
        .expect("the saying is coded");
    assert_eq!(said.source.code, "BBBGOV");
}

#[test]
fn a_known_surname_followed_by_another_name_is_a_given_name() {
    // "Lind" alone would name Anna Lind; "Lind Ferrow" is someone else.
    let doc = code("Lind Ferrow condemned Borovia.", "2023-01-10");
    assert!(doc.actors.iter().all(|a| a.name != "Anna Lind"));
    let doc = code("Lind condemned Borovia.", "2023-01-10");
    assert!(doc.actors.iter().any(|a| a.name == "Anna Lind"));
}

#[test]
fn a_subject_pronoun_continues_the_last_subject() {
    let doc = code(
        "Pavel Orlov met Anna Lind in Velm. He condemned Carpath.",
        "2023-01-10",
    );
    let condemn = doc.events.iter().find(|e| e.code == "111").expect("coded");
    assert_eq!(condemn.source.code, "BBBGOV", "{:?}", events(&doc));
    // An object pronoun still takes the last person named.
    let doc = code(
        "Pavel Orlov met Anna Lind in Velm. Carpath condemned him.",
        "2023-01-10",
    );
    let condemn = doc.events.iter().find(|e| e.code == "111").expect("coded");
    assert_eq!(condemn.target.as_ref().unwrap().code, "AAAGOV");
}

#[test]
fn a_generic_government_role_after_another_institution_speaks_for_it() {
    let doc = code("Arlandian army officials condemned Borovia.", "2023-01-10");
    assert_eq!(events(&doc), [ev("111", "AAAMIL", "BBB")]);
    // A government role with an office of its own stays the office.
    let doc = code(
        "The Arlandian foreign minister condemned Borovia.",
        "2019-01-10",
    );
    assert_eq!(events(&doc), [ev("111", "AAAGOV", "BBB")]);
}

#[test]
fn a_bare_spokesman_speaks_for_the_organisation_last_named_as_subject() {
    let doc = code(
        "Borovia Wire said the talks had ended. A spokesman condemned Arland.",
        "2023-01-10",
    );
    let condemn = doc.events.iter().find(|e| e.code == "111").expect("coded");
    assert_eq!(condemn.source.code, "BBBMED");
    // A spokesman for someone named is theirs; after a state, a bare one stays a role.
    let doc = code(
        "Arland said the talks had ended. A spokesman condemned Carpath.",
        "2023-01-10",
    );
    let condemn = doc.events.iter().find(|e| e.code == "111").expect("coded");
    assert_ne!(condemn.source.code, "AAA");
}

#[test]
fn a_bare_day_between_the_object_and_its_phrase_is_read_past() {
    // Friday 13 January 2023: "Thursday" is the day before.
    let doc = code(
        "Borovian MPs sent a letter Thursday to the Union warning of delays.",
        "2023-01-13",
    );
    assert_eq!(events(&doc), [ev("010", "BBBLEG", "IGOXYZ")]);
    assert_eq!(
        doc.events[0].date.map(|d| d.date),
        Some(Date::parse("2023-01-12").unwrap())
    );
}

#[test]
fn at_the_time_is_the_time_told_before_not_the_day_of_the_report() {
    let doc = code(
        "Pavel Orlov condemned Carpath in September. Anna Lind praised Borovia at the time.",
        "2023-01-10",
    );
    let dates: Vec<Option<String>> = doc
        .events
        .iter()
        .map(|e| e.date.map(|d| d.date.to_string()))
        .collect();
    assert_eq!(dates.len(), 2, "{:?}", events(&doc));
    assert!(
        dates[0]
            .as_deref()
            .is_some_and(|d| d.starts_with("2022-09")),
        "{dates:?}"
    );
    assert_eq!(dates[1], dates[0]);
    // Without it, the statement is the news of the day.
    let doc = code(
        "Pavel Orlov condemned Carpath in September. Anna Lind praised Borovia.",
        "2023-01-10",
    );
    assert_eq!(
        doc.events[1].date.map(|d| d.date.to_string()).as_deref(),
        Some("2023-01-10")
    );
}

#[test]
fn the_verbs_of_force_used_of_words_are_criticism() {
    // An attack on a plan is criticism of its maker.
    let doc = code("The Unity Party attacked Arland's plan.", "2023-01-10");
    assert_eq!(events(&doc), [ev("111", "BBBPTY", "AAA")]);
    // A party that attacks a country does so in words.
    let doc = code("The Unity Party attacked Carpath.", "2023-01-10");
    assert_eq!(events(&doc), [ev("111", "BBBPTY", "CCC")]);
    // Troops use force.
    let doc = code("Arlandian troops attacked Borovia.", "2023-01-10");
    assert_eq!(events(&doc), [ev("190", "AAAMIL", "BBB")]);
    // A company attacking the competition is no event.
    let doc = code("The company attacked the competition.", "2023-01-10");
    assert_eq!(events(&doc), []);
}

#[test]
fn a_surname_is_the_person_the_article_named_before_a_lexicon_namesake() {
    // Anna Lind is in the lexicon; Maria Lind, named in full here, is not.
    let doc = code(
        "The Borovian envoy Maria Lind arrived. Ms Lind condemned Carpath.",
        "2023-01-10",
    );
    assert_eq!(source_names(&doc).last().unwrap(), "Maria Lind");
    // Also when the surname is a place's name too.
    let doc = code(
        "The Borovian envoy Maria Velm arrived. Ms Velm condemned Carpath.",
        "2023-01-10",
    );
    assert_eq!(source_names(&doc).last().unwrap(), "Maria Velm");
}

#[test]
fn a_person_named_after_a_body_and_a_title_acts_for_the_body() {
    // A generic title takes the body's code, and so does a person right after it.
    for text in [
        "Unity Party spokesman Tom Hale condemned Carpath.",
        "Borovia Wire's chief Tom Hale condemned Carpath.",
    ] {
        let doc = code(text, "2023-01-10");
        let source = events(&doc).last().map(|e| e.1.clone());
        assert!(
            matches!(source.as_deref(), Some("BBBPTY" | "BBBMED")),
            "{text}: {source:?}"
        );
    }
    // A bare office gives its sector to a name that has none.
    let doc = code(
        "Constitutional Affairs Envoy Tom Hale condemned Carpath.",
        "2023-01-10",
    );
    let hale = doc
        .actors
        .iter()
        .find(|a| a.name == "Tom Hale")
        .expect("Tom Hale");
    assert_eq!(hale.sectors, ["GOV"]);
    // A body that is the object of another verb is no affiliation.
    let doc = code(
        "Tom Hale told Borovia Wire Anna Jones condemned Carpath.",
        "2023-01-10",
    );
    let jones = doc
        .actors
        .iter()
        .find(|a| a.name == "Anna Jones")
        .expect("Anna Jones");
    assert!(!jones.code.contains("MED"), "{}", jones.code);
}

#[test]
fn a_kind_of_body_before_or_beside_an_unknown_name_makes_it_that_body() {
    // The kind noun before the name, its country with it.
    let doc = code(
        "Borovian carmaker Zentra said profits had fallen.\n\nZentra said it was sorry.",
        "2026-01-10",
    );
    assert_eq!(sources(&doc), ["BBBBUS", "BBBBUS"]);
    // In apposition.
    let doc = code(
        "Zentra, the Borovian firm, said profits had fallen.",
        "2026-01-10",
    );
    assert_eq!(sources(&doc), ["BBBBUS"]);
    // A name first met bare takes what a later mention says of it, in the events before too.
    let doc = code(
        "Zentra said profits had fallen.\n\nBorovian firm Zentra said it was sorry.",
        "2026-01-10",
    );
    assert_eq!(sources(&doc), ["BBBBUS", "BBBBUS"]);
    // A given name still makes a person, and no body.
    let doc = code(
        "The company Tom Hale founded said profits had fallen.",
        "2026-01-10",
    );
    assert!(
        !doc.actors
            .iter()
            .any(|a| a.name == "Tom Hale" && a.key.starts_with("body:")),
        "{:?}",
        doc.actors
    );
    // Without a kind noun, an unknown single name has no sector.
    let doc = code("Zentra said profits had fallen.", "2026-01-10");
    assert_eq!(sources(&doc), [""]);
    // What shares are held in is a business, after "in" too; "the firm" after it in the same
    // sentence is that business.
    for text in [
        "Zentra shares fell after Arland praised Borovia.\n\nZentra said profits had fallen.",
        "Shares in Zentra fell after Arland praised Borovia.\n\nZentra said profits had fallen.",
        "Shares in Zentra fell after the firm praised Arland.",
    ] {
        let doc = code(text, "2026-01-10");
        assert_eq!(sources(&doc).last().unwrap(), "BUS", "{text}");
        assert_eq!(source_names(&doc).last().unwrap(), "Zentra", "{text}");
    }
}

#[test]
fn the_company_names_again_the_body_of_its_kind_named_last() {
    let doc = code(
        "Borovian firm Zentra praised Arland.\n\nThe company said profits had fallen.",
        "2026-01-10",
    );
    assert_eq!(sources(&doc), ["BBBBUS", "BBBBUS"]);
    assert_eq!(source_names(&doc)[1], "Zentra");
    // "A company" is any company.
    let doc = code(
        "Borovian firm Zentra praised Arland.\n\nA company said profits had fallen.",
        "2026-01-10",
    );
    assert_ne!(source_names(&doc)[1], "Zentra");
    // Only within a few sentences.
    let doc = code(
        "Borovian firm Zentra praised Arland.\n\nArland met Borovia.\n\nArland met Borovia.\n\n\
         Arland met Borovia.\n\nArland met Borovia.\n\nArland met Borovia.\n\n\
         The company said profits had fallen.",
        "2026-01-10",
    );
    assert_ne!(source_names(&doc).last().unwrap(), "Zentra");
}

#[test]
fn a_name_repeated_in_full_is_the_same_actor() {
    let doc = code(
        "Zakra Velnik said the plan was wrong.\n\nLater, Zakra Velnik praised Arland.",
        "2026-01-10",
    );
    let named: Vec<&str> = doc
        .events
        .iter()
        .map(|e| doc.actors[e.source.actor.unwrap() as usize].name.as_str())
        .collect();
    assert_eq!(named, ["Zakra Velnik", "Zakra Velnik"]);
    assert!(
        !doc.actors.iter().any(|a| a.name == "Zakra"),
        "{:?}",
        doc.actors
    );
    // The first words of a body's name are that body again.
    let doc = code(
        "Borovian firm Zentra Wire praised Arland.\n\nZentra said profits had fallen.",
        "2026-01-10",
    );
    assert_eq!(source_names(&doc).last().unwrap(), "Zentra Wire");
    assert_eq!(sources(&doc).last().unwrap(), "BBBBUS");
}

#[test]
fn a_pronoun_after_an_unknown_subject_is_that_subject_s() {
    // "he" goes to the new name, not to the person named in the sentence before.
    let doc = code(
        "Pavel Orlov praised Arland.\n\nZakra Velnik said he would meet Arland.",
        "2026-01-10",
    );
    assert_eq!(events(&doc)[1].0, "036");
    assert_eq!(
        source_names(&doc),
        ["Pavel Orlov", "Zakra Velnik", "Zakra Velnik"]
    );
    // In what "who" said, the pronoun is the person "who" stands for, listed or not.
    for (text, person) in [
        (
            "Pavel Orlov met Anna Lind, who said she would meet Carpath.",
            "Anna Lind",
        ),
        (
            "Pavel Orlov met Zakra Velnik, who said he would meet Carpath.",
            "Zakra Velnik",
        ),
    ] {
        let doc = code(text, "2026-01-10");
        let intended: Vec<&str> = doc
            .events
            .iter()
            .filter(|e| e.modality == Modality::Intended)
            .map(|e| doc.actors[e.source.actor.unwrap() as usize].name.as_str())
            .collect();
        assert_eq!(intended, [person], "{text}");
    }
    // "it" likewise, for a body.
    let doc = code(
        "Borovia praised Arland.\n\nBorovian firm Zentra said it would meet Arland.",
        "2026-01-10",
    );
    assert_eq!(events(&doc)[1], ev("036", "BBBBUS", "AAA"));
}

#[test]
fn an_event_noun_s_from_phrase_is_its_source() {
    let doc = code(
        "The plan drew criticism of Carpath from Borovia.",
        "2023-01-10",
    );
    assert_eq!(events(&doc), [ev("111", "BBB", "CCC")]);
    // A body the lexicon does not list, named with its organisation word, is one after
    // "from" too (not a place).
    let doc = code(
        "The plan drew criticism of Carpath from the Zentra Exchange.",
        "2023-01-10",
    );
    assert_eq!(source_names(&doc), ["Zentra Exchange"]);
    // Unless "from" names where the event leaves from.
    let doc = code(
        "Arland welcomed the release of Anna Lind from Borovia.",
        "2023-01-10",
    );
    assert!(
        !doc.events.iter().any(|e| e.source.code == "BBB"),
        "{:?}",
        events(&doc)
    );
}

#[test]
fn a_complaint_is_about_the_subject_of_its_clause() {
    assert_eq!(
        events(&code(
            "Borovian MPs complained that Anna Lind had ignored them.",
            "2023-01-10"
        )),
        [ev("110", "BBBLEG", "AAAGOV")]
    );
    // A complaint noun too, with its "from" phrase as the source.
    assert_eq!(
        events(&code(
            "The plan follows complaints from Borovian MPs that Anna Lind had ignored them.",
            "2023-01-10"
        )),
        [ev("111", "BBBLEG", "AAAGOV")]
    );
    // Complaining about what happened to oneself has no target.
    assert_eq!(
        events(&code(
            "Anna Lind complained that Anna Lind had been ignored.",
            "2023-01-10"
        )),
        [ev("110", "AAAGOV", "")]
    );
}

#[test]
fn a_pronoun_subject_of_reported_words_is_the_reporter() {
    // "he" is the one who complained, not the one who reported the complaint.
    let doc = code(
        "Anna Lind said Pavel Orlov had complained he would meet Carpath.",
        "2023-01-10",
    );
    let meeting: Vec<String> = doc
        .events
        .iter()
        .filter(|e| e.code.starts_with("04"))
        .map(|e| doc.actors[e.source.actor.unwrap() as usize].name.clone())
        .collect();
    assert_eq!(meeting, ["Pavel Orlov"], "{:?}", events(&doc));
    // The reporter shares the subject of a verb before it ("… and denied he had met"), and the
    // parser's reading of the clause as a third conjunct is undone, so the denial negates it.
    let doc = code(
        "Pavel Orlov played down his working relationship with Anna Lind and denied he frequently met her to discuss company business.",
        "2023-01-10",
    );
    let meeting: Vec<(String, bool)> = doc
        .events
        .iter()
        .filter(|e| doc.text[e.trigger.start as usize..e.trigger.end as usize] == *"met")
        .map(|e| {
            (
                doc.actors[e.source.actor.unwrap() as usize].name.clone(),
                e.negated,
            )
        })
        .collect();
    assert_eq!(
        meeting,
        [("Pavel Orlov".to_string(), true)],
        "{:?}",
        events(&doc)
    );
    // So does a person the lexicon does not know, rather than the one named last.
    let doc = code(
        "Mr Dovan played down his working relationship with Mr Tam and denied he frequently attacked Carpath.",
        "2023-01-10",
    );
    let attack: Vec<(String, bool)> = doc
        .events
        .iter()
        .filter(|e| e.code.starts_with("19"))
        .map(|e| {
            (
                doc.actors[e.source.actor.unwrap() as usize].name.clone(),
                e.negated,
            )
        })
        .collect();
    assert_eq!(attack, [("Dovan".to_string(), true)], "{:?}", events(&doc));
}

#[test]
fn violence_against_political_actors_without_a_named_doer_has_an_unknown_source() {
    let doc = code("Borovian troops were attacked near Velm.", "2023-01-10");
    assert_eq!(events(&doc), [ev("190", "", "BBBMIL")]);
    // Being forced to act names no coercer: no event.
    let doc = code(
        "The Borovian government was forced to back down.",
        "2023-01-10",
    );
    assert_eq!(events(&doc), []);
}

#[test]
fn an_acronym_given_in_brackets_names_that_body_for_the_rest_of_the_article() {
    // Without the article's own acronym, the lexicon's body of those letters.
    assert_eq!(
        sources(&code("The BSE said the talks ended.", "2023-01-10")),
        ["BBBEDU"]
    );
    let doc = code(
        "The Borovian Stock Exchange (BSE) praised Arland.\n\nThe BSE said the talks ended.",
        "2023-01-10",
    );
    assert_eq!(sources(&doc), ["BBBBUS", "BBBBUS"]);
    let names = source_names(&doc);
    assert_eq!(names[0], names[1]);
}

#[test]
fn a_frame_s_complementizer_is_the_clause_it_opens() {
    // "protested that …" is a complaint about the clause's subject; "protested" alone is not.
    assert_eq!(
        events(&code(
            "Borovian MPs protested that Anna Lind had ignored them.",
            "2023-01-10"
        )),
        [ev("111", "BBBLEG", "AAAGOV")]
    );
    assert_eq!(
        events(&code("Borovian MPs protested in Velm.", "2023-01-10")),
        [ev("010", "BBBLEG", "")]
    );
    // "that" left out: a finite complement with a subject of its own.
    for text in [
        "Anna Lind agreed that the talks had ended.",
        "Anna Lind agreed the talks had ended.",
    ] {
        assert_eq!(
            events(&code(text, "2023-01-10")),
            [ev("019", "AAAGOV", "")],
            "{text}"
        );
    }
    assert_eq!(
        events(&code("Anna Lind agreed.", "2023-01-10")),
        [ev("030", "AAAGOV", "")]
    );
    // The clause's own event is still coded.
    assert_eq!(
        events(&code(
            "Anna Lind agreed Borovia had attacked Carpath.",
            "2023-01-10"
        )),
        [ev("019", "AAAGOV", ""), ev("190", "BBB", "CCC")]
    );
}

#[test]
fn an_appeal_told_to_the_press_is_not_addressed_to_it() {
    assert_eq!(
        events(&code(
            "Anna Lind told Borovia Wire that the talks should resume.",
            "2023-01-10"
        )),
        [ev("020", "AAAGOV", "")]
    );
    // A plain statement to the press keeps it as the one told.
    assert_eq!(
        events(&code(
            "Anna Lind told Borovia Wire that the talks ended.",
            "2023-01-10"
        )),
        [ev("010", "AAAGOV", "BBBMED")]
    );
}

#[test]
fn an_event_noun_s_preposition_alone_is_its_modifier() {
    // "repeated calls for Borovia to resign": the light verb's subject appeals to Borovia.
    assert_eq!(
        events(&code(
            "Anna Lind repeated calls for Borovia to resign.",
            "2023-01-10"
        )),
        [ev("020", "AAAGOV", "BBB")]
    );
    // "for" with no actor after it: an appeal to no one in particular.
    assert_eq!(
        events(&code("Anna Lind repeated calls for calm.", "2023-01-10")),
        [ev("020", "AAAGOV", "")]
    );
}

#[test]
fn not_making_something_known_is_declining_to_comment() {
    for text in [
        "Pavel Orlov did not say why the talks ended.",
        "Pavel Orlov refused to say whether the talks ended.",
    ] {
        assert_eq!(
            events(&code(text, "2023-01-10")),
            [ev("011", "BBBGOV", "")],
            "{text}"
        );
    }
    // Not saying that something happened is no refusal to comment.
    let doc = code("Pavel Orlov did not say the talks ended.", "2023-01-10");
    assert!(
        !doc.events.iter().any(|e| e.code == "011"),
        "{:?}",
        events(&doc)
    );
}

#[test]
fn a_passive_with_two_objects_is_still_passive() {
    // The passive subject received what was denied: it denied nothing.
    let doc = code("Borovian MPs were denied visas.", "2023-01-10");
    assert_eq!(events(&doc), []);
    // Nor does its agent deny responsibility (the verb's sense with one object).
    let doc = code("Borovian MPs were denied visas by Arland.", "2023-01-10");
    assert_eq!(events(&doc), []);
    // One object: the plain denial.
    let doc = code("Arland denied it.", "2023-01-10");
    assert_eq!(events(&doc), [ev("016", "AAA", "")]);
}

#[test]
fn a_purpose_infinitive_after_an_act_on_someone_is_the_doer_s() {
    // "visited Borovia to praise Carpath": the visitor praises, not the one visited.
    let doc = code(
        "Anna Lind visited Borovia on Monday to praise Carpath.",
        "2023-01-10",
    );
    assert!(
        doc.events
            .iter()
            .any(|e| e.code == "051" && e.source.code == "AAAGOV"),
        "{:?}",
        events(&doc)
    );
    assert!(!doc
        .events
        .iter()
        .any(|e| e.code == "051" && e.source.code == "BBB"));
    // After a verb that asks its object to act, the object does.
    let doc = code("Anna Lind urged Borovia to praise Carpath.", "2023-01-10");
    assert!(
        doc.events
            .iter()
            .any(|e| e.code == "051" && e.source.code == "BBB"),
        "{:?}",
        events(&doc)
    );
}

#[test]
fn a_name_ending_in_a_body_word_of_no_sector_is_a_body() {
    let doc = code(
        "The Zentra Affairs Committee said the talks ended.",
        "2023-01-10",
    );
    let sources: Vec<&readout_doc::Actor> = doc
        .events
        .iter()
        .map(|e| &doc.actors[e.source.actor.unwrap() as usize])
        .collect();
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0].name, "Zentra Affairs Committee");
    assert!(sources[0].key.starts_with("body:"), "{:?}", sources[0]);
    assert!(sources[0].sectors.is_empty());
    // Such a body is its owner's ("Labour's National Executive Committee"), or the
    // legislature's its name starts with ("the Commons Treasury Committee"); two bare
    // "Committee"s of different owners are two bodies.
    let doc = code(
        "Unity's ruling Executive Committee condemned Arland. The Hall Finance Committee condemned Arland.",
        "2023-01-10",
    );
    let evs = events(&doc);
    assert_eq!(
        evs,
        [ev("111", "BBBPTY", "AAA"), ev("111", "CCCLEG", "AAA")],
        "{evs:?}"
    );
    assert_ne!(doc.events[0].source.actor, doc.events[1].source.actor);
}

#[test]
fn a_word_in_capitals_is_no_surname() {
    // "ORLOV's chief executive" is a company's (an acronym), not Pavel Orlov's.
    let doc = code(
        "ORLOV's chief executive said the talks ended.",
        "2023-01-10",
    );
    assert!(
        !doc.actors.iter().any(|a| a.name == "Pavel Orlov"),
        "{:?}",
        doc.actors
    );
    // The surname itself still names him.
    let doc = code("Orlov said the talks ended.", "2023-01-10");
    assert_eq!(source_names(&doc), ["Pavel Orlov"]);
}

#[test]
fn any_official_is_no_one_in_particular() {
    let doc = code(
        "Pavel Orlov said any president would meet Carpath.",
        "2023-01-10",
    );
    assert!(
        !doc.events
            .iter()
            .any(|e| e.code.starts_with("04") || e.code.starts_with("03")),
        "{:?}",
        events(&doc)
    );
    let doc = code(
        "Pavel Orlov said the president would meet Carpath.",
        "2023-01-10",
    );
    assert!(
        doc.events.iter().any(|e| e.code.starts_with("04")),
        "{:?}",
        events(&doc)
    );
}
