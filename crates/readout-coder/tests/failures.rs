//! The ten kinds of failure found when the first coder met news it was never tuned on (the
//! "Coder v2" issue), each pinned with sentences written for it, coded with the shipped
//! lexicon and parser model.

mod common;

use readout_doc::{ArticleMeta, Date, Document, Kind, Modality};
use readout_lexicon::Lexicon;
use std::sync::OnceLock;

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::embedded().expect("the shipped lexicon loads"))
}

/// Codes paragraphs (separated by blank lines) published on `date`; a paragraph starting
/// with "# " is the title.
fn code(text: &str, date: &str) -> Document {
    let lex = lexicon();
    let meta = ArticleMeta {
        published: Date::parse(date).ok(),
        ..ArticleMeta::default()
    };
    let mut doc = Document::from_paragraphs("t", meta, common::paragraphs(text));
    readout_text::segment(&mut doc, &lex.split_rules);
    readout_coder::Coder::new(lex).code(&mut doc, None);
    doc
}

/// (code, source, target) of every asserted, not negated event.
fn asserted(doc: &Document) -> Vec<(String, String, String)> {
    doc.events
        .iter()
        .filter(|e| !e.negated && e.modality == Modality::Asserted)
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

/// The words that name each event's source, in event order.
fn source_words(doc: &Document) -> Vec<&str> {
    doc.events
        .iter()
        .map(|e| doc.slice(e.source.span))
        .collect()
}

/// (code, modality) of every event, asserted or not.
fn with_modality(doc: &Document) -> Vec<(&str, Modality)> {
    doc.events
        .iter()
        .map(|e| (e.code.as_str(), e.modality))
        .collect()
}

fn roots(doc: &Document) -> Vec<String> {
    asserted(doc)
        .into_iter()
        .map(|(c, _, _)| c[..2].to_string())
        .collect()
}

fn ev(code: &str, source: &str, target: &str) -> (String, String, String) {
    (code.into(), source.into(), target.into())
}

#[test]
fn f01_a_verb_after_a_role_noun_or_a_time_phrase_is_a_verb() {
    let doc = code("The Russian ministry condemned the attack.", "2024-03-01");
    assert_eq!(roots(&doc), ["11"]);
    let doc = code("The Syrian army shelled the town of Idlib.", "2024-03-01");
    assert_eq!(roots(&doc), ["19"]);
    let doc = code("A Nigerian senator criticized Russia.", "2024-03-01");
    assert_eq!(asserted(&doc), [ev("111", "NGALEG", "RUS")]);
    let doc = code(
        "The Kenyan government on Sunday night announced new curfews.",
        "2024-03-01",
    );
    assert_eq!(asserted(&doc)[0].1, "KENGOV");
}

#[test]
fn f02_a_speaker_after_the_verb_is_the_source() {
    let doc = code(
        "\"We will not accept this,\" said White House spokesman Raj Kumar.",
        "2018-05-01",
    );
    let said = doc
        .events
        .iter()
        .find(|e| e.trigger_token as usize > 0 && doc.slice(e.trigger) == "said");
    let said = said.expect("the report is coded");
    assert_eq!(
        said.source.code, "USAGOV",
        "White House before a role noun is the US government"
    );
}

#[test]
fn f03_actors_beyond_the_lexicon_are_coded_from_their_words() {
    let text = "# Budget row in Washington\n\nU.S. lawmakers in Washington met on Tuesday to debate the budget. The Congressional Budget Office said the plan would add to the deficit. A Treasury counselor criticized the office.";
    let doc = code(text, "2017-06-01");
    let office = doc
        .actors
        .iter()
        .find(|a| a.name.contains("Budget Office"))
        .expect("the office is an actor");
    assert_eq!(office.code, "USAGOV");
    let doc = code(
        "The billionaire developer Tom Hale attacked the Mexican government.",
        "2017-06-01",
    );
    let source = &doc.events[0].source.code;
    assert!(
        source.ends_with("BUS"),
        "a developer is a business actor, got {source}"
    );
}

#[test]
fn f04_word_senses_that_are_not_events() {
    for sentence in [
        "The engine was taken apart by French mechanics.",
        "The tax cuts would add $1 trillion to the deficit, Canadian officials said.",
        "The state of the Indian economy worries investors.",
        "The Italian senator will seek re-election next year.",
        "German ministers must be held accountable for the delays.",
        "Steps have been taken by the Spanish government to cut waiting lists.",
    ] {
        let doc = code(sentence, "2019-01-01");
        let codes: Vec<String> = doc.events.iter().map(|e| e.code.clone()).collect();
        assert!(
            !codes
                .iter()
                .any(|c| matches!(&c[..2], "18" | "17" | "02") || c == "016"),
            "{sentence}: {codes:?}"
        );
    }
    let doc = code(
        "The Peruvian interior minister resigned on Monday.",
        "2019-01-01",
    );
    assert!(!doc.events.iter().any(|e| e.code == "0831"));
}

#[test]
fn f05_requests_are_coded_as_requests_and_plans_as_intended() {
    let doc = code(
        "Turkey called on Syria to withdraw its troops.",
        "2019-01-01",
    );
    let request = doc
        .events
        .iter()
        .find(|e| &e.code[..2] == "02" || &e.code[..2] == "10");
    let request = request.expect("the call is a request");
    assert_eq!(request.source.code, "TUR");
    assert_eq!(request.target.as_ref().unwrap().code, "SYR");
    assert!(doc
        .events
        .iter()
        .filter(|e| e.source.code == "SYR")
        .all(|e| e.modality == Modality::Requested));
    let doc = code(
        "The Chinese president plans to meet Japan's prime minister.",
        "2019-01-01",
    );
    assert!(doc
        .events
        .iter()
        .all(|e| e.modality != Modality::Asserted || &e.code[..2] == "03"));
    let doc = code(
        "The Brazilian foreign ministry declined to comment.",
        "2019-01-01",
    );
    let codes: Vec<&str> = doc.events.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["011"]);
}

#[test]
fn f06_references_resolve_to_compatible_antecedents() {
    let doc = code(
        "Members of the Greek parliament met on Monday. They said the deal was unfair.",
        "2019-01-01",
    );
    assert!(doc
        .events
        .iter()
        .all(|e| e.target.as_ref().is_none_or(|t| t.actor != e.source.actor)));
    let doc = code(
        "The World Food Programme praised Hassan Diab. The Egyptian minister thanked him.",
        "2019-01-01",
    );
    let thanked = doc
        .events
        .iter()
        .rev()
        .find(|e| e.target.is_some())
        .unwrap();
    let target = thanked.target.as_ref().unwrap().actor.unwrap();
    assert!(
        !doc.actors[target as usize].code.starts_with("IGO"),
        "him is a person"
    );
    let doc = code("President Obama criticized Iran.", "2014-01-01");
    assert!(doc.places.iter().all(|p| p.name != "Obama"));
    assert_eq!(asserted(&doc), [ev("111", "USAGOV", "IRN")]);
}

#[test]
fn f07_crimes_without_a_political_actor_are_not_events() {
    let doc = code(
        "A man was shot outside a bar in Leeds. Two families were evicted from their homes.",
        "2019-01-01",
    );
    assert!(doc.events.is_empty(), "{:?}", asserted(&doc));
}

#[test]
fn f08_targets_in_prepositional_phrases_and_nominal_events() {
    let doc = code("India held talks with Pakistan on Monday.", "2019-01-01");
    assert_eq!(asserted(&doc), [ev("046", "IND", "PAK")]);
    let doc = code(
        "The French president met on Tuesday with German officials.",
        "2019-01-01",
    );
    assert_eq!(asserted(&doc)[0].2, "DEUGOV");
    let doc = code(
        "Iran's foreign minister took a swipe at Saudi Arabia.",
        "2019-01-01",
    );
    assert_eq!(roots(&doc), ["11"]);
    let doc = code("Palestinian prisoners began a hunger strike.", "2019-01-01");
    assert_eq!(roots(&doc), ["14"]);
}

#[test]
fn f09_a_credit_at_the_end_of_a_body_sentence_keeps_the_sentence() {
    let lex = lexicon();
    let cues = readout_ingest::PageCues::new(
        &["Getty Images".into()],
        vec!["PHOTO:".into()],
        vec![],
        vec![],
    );
    let text = "Border clashes\n\nThe Egyptian army attacked rebel positions near the Libyan border on Friday, the military spokesman said | Getty Images";
    let mut doc =
        readout_ingest::document_from_text("p", text, Date::parse("2019-01-01").ok(), &cues);
    readout_text::segment(&mut doc, &lex.split_rules);
    readout_coder::Coder::new(lex).code(&mut doc, None);
    assert!(doc.sentences.iter().all(|s| s.kind != Kind::Caption));
    assert!(
        roots(&doc).contains(&"19".to_string()),
        "{:?}",
        asserted(&doc)
    );
}

#[test]
fn f10_actors_without_a_country_take_the_country_of_the_story() {
    let text = "# Tories attack budget\n\nBritish ministers unveiled the budget in London on Wednesday. The government said taxes would fall. Tory MPs criticised the police.";
    let doc = code(text, "2019-03-13");
    let events = asserted(&doc);
    assert!(events.contains(&ev("010", "GBRGOV", "")), "{events:?}");
    assert!(
        events.contains(&ev("111", "GBRLEG", "GBRCOP"))
            || events.contains(&ev("111", "GBRPTY", "GBRCOP")),
        "{events:?}"
    );
    let police = doc.actors.iter().find(|a| a.code == "GBRCOP").unwrap();
    assert!(police.country_inferred);
}

#[test]
fn wire_copy_conventions() {
    // An anonymous source's "spoke" is no event; its "said" is.
    let doc = code(
        "Two German officials, who spoke on condition of anonymity, said Berlin would expel the diplomats.",
        "2017-08-15",
    );
    let triggers: Vec<&str> = doc
        .events
        .iter()
        .filter(|e| e.modality == Modality::Asserted)
        .map(|e| doc.slice(e.trigger))
        .collect();
    assert!(!triggers.contains(&"spoke"), "{triggers:?}");
    assert!(triggers.contains(&"said"), "{triggers:?}");
    // A spokesman for a body speaks for it.
    let doc = code(
        "A spokesman for the Chinese foreign ministry urged all sides to show restraint.",
        "2017-08-15",
    );
    assert_eq!(doc.events[0].source.code, "CHNGOV");
    // "We will not accept …" is a refusal, not a denial.
    let doc = code(
        "\"We will not accept a nuclear North Korea,\" Tillerson told reporters at the State Department.",
        "2017-08-15",
    );
    assert_eq!(roots(&doc), ["12"]);
    // Not finding, thinking or expecting something is an opinion: neither declining to
    // comment nor a denial.
    let doc = code(
        "Tony Blair said: \"I can't find a single expert who agrees.\"",
        "2005-01-10",
    );
    assert_eq!(
        doc.events
            .iter()
            .map(|e| e.code.as_str())
            .collect::<Vec<_>>(),
        ["010"]
    );
    // Refusing to rule something out keeps it open: no rejection is asserted.
    for text in [
        "Gordon Brown refused to rule out future tax rises.",
        "Italy declined to rule out an interest.",
    ] {
        let doc = code(text, "2005-01-10");
        assert!(
            !roots(&doc).contains(&"12".to_string()),
            "{text}: {:?}",
            asserted(&doc)
        );
    }
    // "a Republican" describes; it is no second actor.
    let doc = code(
        "Senator Mitch McConnell, a Republican, said the vote would be held.",
        "2017-08-15",
    );
    assert_eq!(doc.events.len(), 1);
}

#[test]
fn provinces_act_as_governments_and_aimed_weapons_show_force() {
    // A province that says something is its government speaking.
    let doc = code(
        "A Philippine province said it would keep its open-pit mining ban.",
        "2017-08-15",
    );
    assert!(
        doc.events.iter().any(|e| e.source.code == "PHLGOV"),
        "{:?}",
        asserted(&doc)
    );
    // Aiming a weapon at someone is a show of force (15), not a statement.
    let doc = code(
        "A member of the Tunisian security forces aimed his weapon at protesters in Tunis.",
        "2018-01-11",
    );
    assert_eq!(roots(&doc), ["15"]);
}

#[test]
fn a_lead_that_holds_back_a_name_is_the_actor_named_next() {
    // "a charity" in the lead is the one charity named just after it.
    let doc = code(
        "Thousands of families will lose their homes under the new rules, a charity has warned.\n\n\
         The Kestrel Housing Trust said the rules would hit poor families hardest.",
        "2024-01-01",
    );
    let source = doc.events.first().map(|e| e.source.actor);
    let trust = doc
        .actors
        .iter()
        .position(|a| a.name == "Kestrel Housing Trust");
    assert!(
        trust.is_some() && source == Some(trust.map(|t| t as u32)),
        "{:?}",
        asserted(&doc)
    );
    // With two charities named after it, which one is meant is unknown: it stays unnamed.
    let doc = code(
        "Thousands of families will lose their homes, a charity has warned.\n\n\
         The Kestrel Housing Trust and the Osprey Housing Trust said the rules were unfair.",
        "2024-01-01",
    );
    let first = &doc.actors[doc.events[0].source.actor.unwrap() as usize];
    assert_eq!(first.name, "NGO");
    // "a British company" says where the company named next is from, though the story is
    // about another country.
    let doc = code(
        "Venezuelan authorities have said they will seize land owned by a British company.\n\n\
         The government says the estates are lying idle.\n\n\
         The Kestrel Group said it had not been told of any seizure.",
        "2005-01-10",
    );
    let kestrel = doc
        .actors
        .iter()
        .find(|a| a.name == "Kestrel Group")
        .unwrap_or_else(|| panic!("{:?}", doc.actors));
    assert_eq!(kestrel.code, "GBRBUS");
    assert!(
        doc.events.iter().any(|e| e.source.code == "GBRBUS"),
        "{:?}",
        asserted(&doc)
    );
    assert!(
        doc.events.iter().any(|e| e.source.code == "VENGOV"),
        "{:?}",
        asserted(&doc)
    );
}

#[test]
fn abbreviated_titles_keep_their_stop_and_their_role() {
    // "Sen.", "Gov." and "Jan." are one word each for the parser (the tokenizer splits the
    // stop off) and titles for the actors: the senator criticises the governor.
    let doc = code(
        "Sen. Mitch McConnell criticized Gov. Andrew Cuomo on Jan. 29.",
        "2020-02-05",
    );
    let e = doc
        .events
        .iter()
        .find(|e| e.code.starts_with("11"))
        .unwrap_or_else(|| panic!("{:?}", asserted(&doc)));
    assert!(e.source.code.ends_with("LEG"), "{:?}", e.source);
    assert!(
        e.target.as_ref().is_some_and(|t| t.code.ends_with("GOV")),
        "{:?}",
        e.target
    );
}

#[test]
fn fighting_a_problem_is_no_use_of_force() {
    // "fight" with an object that names no actor is no military force; alone it still is.
    let doc = code(
        "Tony Blair called for urgent action to fight world poverty.",
        "2005-01-10",
    );
    assert!(
        !doc.events.iter().any(|e| e.code.starts_with("19")),
        "{:?}",
        asserted(&doc)
    );
    let doc = code("Rebels fought a war with Russia.", "2005-01-10");
    assert_eq!(roots(&doc), ["19"]);
    // Fighting or battling *to* do something is a struggle, with no enemy.
    for text in [
        "The country battled to recover from its first recession of the decade.",
        "Rebels fought to keep control of the town.",
    ] {
        let doc = code(&format!("Argentina's economy grew. {text}"), "2005-01-10");
        assert!(
            !doc.events.iter().any(|e| e.code.starts_with("19")),
            "{text}: {:?}",
            asserted(&doc)
        );
    }
}

#[test]
fn talking_a_thing_up_is_no_consultation() {
    let doc = code("US officials were talking up the dollar.", "2005-01-10");
    assert!(doc.events.is_empty(), "{:?}", asserted(&doc));
}

#[test]
fn meeting_a_need_meets_no_one() {
    // What is met ("the needs of the country", "US requirements") is no one, whoever's it is.
    for text in [
        "Britain wants scientists who can meet the needs of the country.",
        "The SEC will consider a new approach for foreign firms unwilling to meet US requirements.",
        "Many firms have struggled to meet the targets of the government.",
        "The government met the demands of the unions.",
    ] {
        let doc = code(text, "2005-01-10");
        assert!(
            !doc.events.iter().any(|e| e.code.starts_with("04")),
            "{text}: {:?}",
            asserted(&doc)
        );
    }
    let doc = code(
        "Tony Blair met the leader of the Labour Party.",
        "2005-01-10",
    );
    assert_eq!(roots(&doc), ["04"]);
    // Nor is a plan carried out anyone put to death.
    let doc = code("The firm executed its plans quickly.", "2005-01-10");
    assert!(doc.events.is_empty(), "{:?}", asserted(&doc));
}

#[test]
fn shrugging_off_claims_rejects_their_author() {
    let doc = code(
        "The prime minister shrugged off claims from Conservative leader Michael Howard.",
        "2005-01-10",
    );
    let evs = asserted(&doc);
    assert!(
        evs.iter()
            .any(|(c, _, t)| c == "120" && t.starts_with("GBR")),
        "{evs:?}"
    );
}

#[test]
fn a_general_secretary_is_no_general() {
    // The head of a union takes the union's sector; "general" here is no military rank.
    let doc = code(
        "Factory Workers Union secretary general Billy Macaefa said the closures followed the end of textile quotas.",
        "2005-01-10",
    );
    let sectors: Vec<&str> = doc
        .events
        .iter()
        .map(|e| &doc.actors[e.source.actor.unwrap() as usize])
        .flat_map(|a| a.sectors.iter().map(String::as_str))
        .collect();
    assert!(!sectors.is_empty());
    assert!(sectors.iter().all(|&s| s == "LAB"), "{sectors:?}");
    // "Economic weakness weighed down by oil prices" is no policy weighed (014).
    let doc = code(
        "Singapore's economy had contracted over the summer, weighed down by soaring oil prices.",
        "2005-01-10",
    );
    assert!(doc.events.is_empty(), "{:?}", asserted(&doc));
}

#[test]
fn opposition_is_an_act_unless_a_body_is_named() {
    // "Faced stiff opposition from campaigners": the act, and "opposition" two words before
    // "campaigners" does not make them the opposition.
    let doc = code(
        "The government is facing stiff opposition from campaigners and Labour MPs.",
        "2005-01-10",
    );
    assert!(
        doc.actors
            .iter()
            .all(|a| !a.sectors.iter().any(|s| s == "OPP")),
        "{:?}",
        doc.actors
    );
    assert!(
        doc.events.iter().any(|e| e.code == "110"),
        "{:?}",
        asserted(&doc)
    );
    // "Provided strong opposition to the plans" is no aid.
    let doc = code(
        "The Liberal Democrats provided strong opposition to the government's plans.",
        "2005-01-10",
    );
    assert_eq!(roots(&doc), ["11"]);
    // "The opposition", "Kenya's opposition" are the parties out of power; "in opposition"
    // is where a party is, not what it does.
    let doc = code(
        "Kenya's opposition criticised the government.",
        "2005-01-10",
    );
    assert_eq!(asserted(&doc)[0].1, "KENOPP");
    let doc = code(
        "During Labour's long period in opposition, Mr Cunningham held a number of shadow roles.",
        "2005-01-10",
    );
    assert!(doc.events.is_empty(), "{:?}", asserted(&doc));
}

#[test]
fn branding_a_thing_is_criticism() {
    // What is branded need not be anyone: "branded the decision unacceptable".
    for text in [
        "Mr Howard branded the decision unacceptable.",
        "The plans have been branded deeply irresponsible by the Liberal Democrats.",
    ] {
        let doc = code(text, "2005-01-10");
        assert_eq!(roots(&doc), ["11"], "{text}");
    }
}

#[test]
fn a_name_that_modifies_another_name_is_no_person() {
    // "Constitutional Affairs" is part of the committee's name, not someone called so.
    let doc = code(
        "The Constitutional Affairs Select Committee said the plan had failed.",
        "2005-01-10",
    );
    assert!(
        doc.actors.iter().all(|a| !a.key.starts_with("person:")),
        "{:?}",
        doc.actors
    );
}

#[test]
fn telling_someone_not_to_act_is_no_denial() {
    let doc = code(
        "The Qualifications and Curriculum Authority has also told the government not to compromise.",
        "2005-01-10",
    );
    assert!(
        !doc.events.iter().any(|e| e.code == "016"),
        "{:?}",
        asserted(&doc)
    );
}

#[test]
fn it_holding_the_place_of_a_clause_is_no_one() {
    // "It was a scandal that …", "it is believed that …": no actor is judged or believed;
    // "it said that …" is still a body saying.
    let doc = code(
        "Labour attacked the Tories. On pensions, Mr Kennedy said it was a scandal that the system discriminated against women.",
        "2005-01-10",
    );
    assert!(
        !doc.events
            .iter()
            .any(|e| e.sentence == 1 && e.code.starts_with("11")),
        "{:?}",
        asserted(&doc)
    );
    let doc = code(
        "Labour attacked the Tories. It said the government should resign.",
        "2005-01-10",
    );
    assert!(
        doc.events
            .iter()
            .any(|e| e.sentence == 1 && e.source.code == "GBRPTY"),
        "{:?}",
        asserted(&doc)
    );
}

#[test]
fn fighting_a_seat_is_an_election() {
    let doc = code(
        "Mr Betts-Green, who had been selected to fight the Suffolk Coastal seat, quit.",
        "2005-01-10",
    );
    assert!(
        !doc.events.iter().any(|e| e.code.starts_with("19")),
        "{:?}",
        asserted(&doc)
    );
}

#[test]
fn a_role_in_apposition_to_a_person_is_no_second_actor() {
    // Parsers read "X, chairman and chief executive," as coordination; the role describes X.
    for text in [
        "\"Sales rose,\" said David Learmount, operations and safety editor at Flight International.",
        "Philip Knight, chairman and chief executive, said sales had risen.",
    ] {
        let doc = code(text, "2005-01-10");
        assert_eq!(doc.events.len(), 1, "{text}: {:?}", asserted(&doc));
    }
    // A role with its own determiner is a second actor.
    let doc = code(
        "Tony Blair and the home secretary met Jacques Chirac.",
        "2005-01-10",
    );
    assert_eq!(doc.events.len(), 2, "{:?}", asserted(&doc));
}

#[test]
fn criticism_someone_faces_is_aimed_at_them() {
    let doc = code("Tony Blair faces criticism from Labour MPs.", "2005-01-10");
    let evs = asserted(&doc);
    assert!(
        evs.iter()
            .any(|(c, s, t)| c == "111" && s == "GBRLEG" && t.starts_with("GBR") && t != "GBRLEG"),
        "{evs:?}"
    );
}

#[test]
fn a_crackdown_on_a_problem_is_coercion_and_on_protesters_repression() {
    let code_of = |text: &str| {
        asserted(&code(text, "2005-01-10"))
            .into_iter()
            .map(|(c, _, _)| c)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        code_of("The government is cracking down on street robbery."),
        ["170"]
    );
    let announced = code_of("The interior minister announced a crackdown on pirated software.");
    assert!(
        announced.contains(&"170".to_string()) && !announced.contains(&"175".to_string()),
        "{announced:?}"
    );
    assert_eq!(code_of("Troops cracked down on demonstrators."), ["175"]);
}

#[test]
fn addressing_an_audience_is_a_statement_and_an_issue_no_event() {
    let doc = code("Gordon Brown has addressed the conference.", "2005-01-10");
    assert_eq!(roots(&doc), ["01"]);
    for text in [
        "Parties must address the demands and concerns of older people.",
        "Britain can never address it alone.",
    ] {
        let doc = code(text, "2005-01-10");
        assert!(doc.events.is_empty(), "{text}: {:?}", asserted(&doc));
    }
}

#[test]
fn what_a_rule_requires_is_not_done() {
    // "obliges MSPs to declare" is a requirement: the declaration has not been made.
    for text in [
        "Section 5 of the order legally obliges MSPs to declare their interests.",
        "The new code requires ministers to declare every gift.",
    ] {
        let doc = code(text, "2005-02-01");
        assert_eq!(asserted(&doc), [], "{text}");
        assert!(
            doc.events.iter().any(|e| e.modality == Modality::Requested),
            "{text}: {:?}",
            with_modality(&doc)
        );
    }
}

#[test]
fn things_that_add_up_say_nothing() {
    // "add" reports speech ("he added"); "add up" does not (what Labour says of the sums is
    // criticism: see `a_judging_phrase_judges_as_a_judging_word_does`).
    let doc = code(
        "Labour says the Tory sums do not add up.\n\nThe figures simply add up to a cut.",
        "2005-02-01",
    );
    let codes: Vec<&str> = doc.events.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["111"], "{:?}", asserted(&doc));
}

#[test]
fn blaming_a_cause_accuses_no_one() {
    // A firm blaming its results on fuel prices names a cause, not an accused.
    let doc = code(
        "British Airways has blamed high fuel prices for a 40% drop in profits.",
        "2005-02-01",
    );
    assert_eq!(asserted(&doc), []);
    let doc = code("Russia blamed Ukraine for the attack.", "2005-02-01");
    assert_eq!(asserted(&doc), [ev("112", "RUS", "UKR")]);
}

#[test]
fn what_someone_looks_forward_to_is_not_yet_done() {
    let doc = code(
        "The Liberal Democrats look forward to working with ministers.\n\nThe bank said it was close to striking a deal with Barclays.",
        "2005-02-01",
    );
    let cooperation: Vec<Modality> = doc
        .events
        .iter()
        .filter(|e| e.code.starts_with("06") || e.code.starts_with("05"))
        .map(|e| e.modality)
        .collect();
    assert_eq!(
        cooperation,
        [Modality::Intended, Modality::Intended],
        "{:?}",
        with_modality(&doc)
    );
}

#[test]
fn an_object_pronoun_is_not_its_own_verb_s_subject() {
    // Coreference takes "it" back to the Lib Dems, the last organisation named as a subject,
    // but a verb's object pronoun is never its own subject: the branding stays, untargeted.
    let doc = code(
        "The Liberal Democrats branded it a \"sticking plaster\" for the election.",
        "2005-02-01",
    );
    assert_eq!(asserted(&doc), [ev("111", "GBRPTY", "")]);
    // A reflexive is: no event of the party towards itself.
    let doc = code("The Liberal Democrats praised themselves.", "2005-02-01");
    assert!(
        asserted(&doc).iter().all(|(_, _, t)| t != "GBRPTY"),
        "{:?}",
        asserted(&doc)
    );
}

#[test]
fn a_country_s_role_keeps_its_country_across_words_of_its_field() {
    for (text, source) in [
        (
            "The US bankruptcy court said the sale could go ahead.",
            "USAJUD",
        ),
        (
            "The UK competition watchdog said the deal was fine.",
            "GBRGOV",
        ),
        (
            "A Russian arbitration court said the sale could go ahead.",
            "RUSJUD",
        ),
        // A verb between the two is no field: "Number 10" is the speaker, not "ministers".
        (
            "Number 10 said ministers were interested in governing.",
            "GBRGOV",
        ),
    ] {
        let doc = code(text, "2005-02-01");
        assert_eq!(asserted(&doc), [ev("010", source, "")], "{text}");
    }
}

#[test]
fn a_disease_is_no_actor() {
    let doc = code(
        "Aid workers say HIV is killing the most productive adults.\n\nAids is killing farmers across the region, the charity said.",
        "2005-02-01",
    );
    assert_eq!(roots(&doc), ["01", "01"]);
    // An acronym the lexicon does not list still names a body.
    let doc = code("ZANU said the vote was rigged.", "2005-02-01");
    assert_eq!(roots(&doc), ["01"]);
}

#[test]
fn a_judging_phrase_judges_as_a_judging_word_does() {
    for text in [
        "Labour said the Home Office was dragging its feet.",
        "Labour said the Home Office had been dragging their heels on the matter.",
        "Labour said the Home Office had turned a blind eye to the abuse.",
        // A phrase whose praise is denied is criticism.
        "Labour said the Home Office's figures did not add up.",
    ] {
        let doc = code(text, "2005-02-01");
        assert_eq!(asserted(&doc), [ev("111", "GBRPTY", "GBRGOV")], "{text}");
    }
    // Only the whole phrase judges: "add" alone, or a foot dragged, does not.
    for text in [
        "Labour said the Home Office would add up to 300 staff.",
        "Labour said the Home Office was dragging its case through the courts.",
    ] {
        let doc = code(text, "2005-02-01");
        assert_eq!(roots(&doc), ["01"], "{text}");
    }
}

#[test]
fn a_misdeed_in_the_passive_judges_its_agent() {
    let doc = code(
        "Labour said voters had been betrayed by the Home Office.",
        "2005-02-01",
    );
    assert_eq!(asserted(&doc), [ev("111", "GBRPTY", "GBRGOV")]);
    let doc = code(
        "Labour said pensioners felt let down by the Home Office.",
        "2005-02-01",
    );
    assert_eq!(asserted(&doc), [ev("111", "GBRPTY", "GBRGOV")]);
    // The victims are not criticised when the agent is no actor ...
    let doc = code(
        "Labour said the Home Office had been let down by the weather.",
        "2005-02-01",
    );
    assert_eq!(roots(&doc), ["01"]);
    // ... and praise in the passive still praises its subject (beside the welcome itself).
    let doc = code(
        "Labour said the Home Office had been warmly welcomed by the unions.",
        "2005-02-01",
    );
    assert_eq!(
        asserted(&doc),
        [ev("051", "GBRPTY", "GBRGOV"), ev("051", "GBRLAB", "GBRGOV")]
    );
}

#[test]
fn the_party_and_the_department_name_again_the_body_named_before() {
    let doc = code(
        "The Conservatives unveiled their tax plans on Monday.\n\nLabour says the party's sums do not add up.",
        "2005-02-01",
    );
    let ev111: Vec<_> = doc.events.iter().filter(|e| e.code == "111").collect();
    assert_eq!(ev111.len(), 1);
    assert_eq!(ev111[0].source.code, "GBRPTY");
    let target = ev111[0].target.as_ref().expect("a target");
    assert_eq!(
        doc.actors[target.actor.unwrap() as usize].name,
        "Conservative Party"
    );
    // Not the subject of the clause the words are in: the Liberal Democrats say it of
    // another party.
    let doc = code(
        "The Conservatives unveiled their tax plans on Monday.\n\nLabour and the Liberal Democrats say the party's sums do not add up.",
        "2005-02-01",
    );
    for e in doc.events.iter().filter(|e| e.code == "111") {
        let target = e.target.as_ref().expect("a target");
        assert_eq!(
            doc.actors[target.actor.unwrap() as usize].name,
            "Conservative Party"
        );
    }
    // A government department named, then "the department".
    let doc = code(
        "The Home Office has delayed the report again.\n\nLabour said the department was dragging its feet.",
        "2005-02-01",
    );
    assert!(
        asserted(&doc).contains(&ev("111", "GBRPTY", "GBRGOV")),
        "{:?}",
        asserted(&doc)
    );
    // With no party named before, "the party" is no one.
    let doc = code(
        "Guests arrived at nine.\n\nThe party said it would go on until dawn.",
        "2005-02-01",
    );
    assert_eq!(asserted(&doc), []);
}

#[test]
fn a_given_name_that_is_also_a_place_starts_a_full_name() {
    // "Gary", "Martin" and "Hale" are towns too; after a role they begin a person's name.
    let doc = code(
        "BBC correspondent Gary O'Donoghue said the vote was close.\n\nO'Donoghue said turnout was low.",
        "2005-02-01",
    );
    let sources: Vec<(&str, &str)> = doc
        .events
        .iter()
        .map(|e| {
            (
                e.source.code.as_str(),
                doc.actors[e.source.actor.unwrap() as usize].name.as_str(),
            )
        })
        .collect();
    assert_eq!(
        sources,
        [("GBRMED", "Gary O'Donoghue"), ("GBRMED", "Gary O'Donoghue")]
    );
    // A surname that is a place's name too, alone after the full name, is the person.
    let doc = code(
        "Labour MP Martin Hale said the plan was sound.\n\nHale said it would pass.",
        "2005-02-01",
    );
    let names: Vec<&str> = doc
        .events
        .iter()
        .map(|e| doc.actors[e.source.actor.unwrap() as usize].name.as_str())
        .collect();
    assert_eq!(names, ["Martin Hale", "Martin Hale"]);
    assert_eq!(asserted(&doc)[0], ev("010", "GBRLEG", ""));
    // A role every body has makes the person the body's.
    let doc = code(
        "Ryanair chairman David Bonderman said fares would fall.",
        "2005-02-01",
    );
    assert_eq!(asserted(&doc), [ev("010", "IRLBUS", "")]);
}

#[test]
fn dismissing_someone_as_something_disparages_them() {
    let doc = code(
        "The Liberal Democrats dismissed the Conservatives as a spent force.",
        "2005-02-01",
    );
    assert_eq!(asserted(&doc), [ev("111", "GBRPTY", "GBRPTY")]);
    // Dismissing what someone said is still rejecting it.
    let doc = code(
        "The minister dismissed the claims as nonsense.",
        "2005-02-01",
    );
    assert_eq!(roots(&doc), ["12"]);
}

#[test]
fn what_someone_considers_to_be_so_is_an_opinion() {
    let doc = code(
        "Aid goes to countries that adopt what Washington considers to be sound policies.",
        "2005-02-01",
    );
    assert_eq!(roots(&doc), Vec::<String>::new());
    for text in [
        "The Russian government considered that its response was proportionate.",
        "The Russian government has always considered its response was proportionate.",
    ] {
        let doc = code(text, "2005-02-01");
        assert_eq!(roots(&doc), Vec::<String>::new(), "{text}");
    }
    let doc = code("Russia is considering new sanctions.", "2005-02-01");
    assert_eq!(roots(&doc), ["01"]);
}

#[test]
fn the_labour_leader_leads_the_party() {
    let doc = code(
        "The Labour leader said the election was close.",
        "2005-02-01",
    );
    assert_eq!(asserted(&doc), [ev("010", "GBRGOV", "")]);
    let doc = code(
        "The union leader said the strike would go on.",
        "2005-02-01",
    );
    assert_eq!(asserted(&doc), [ev("010", "LAB", "")]);
}

#[test]
fn a_former_party_office_holder_is_an_elite() {
    for text in [
        "The former Labour leader said he would take a seat in the Lords.",
        "A former Tory MP said the plan was sound.",
    ] {
        let doc = code(text, "2005-02-01");
        assert_eq!(asserted(&doc), [ev("010", "GBRELI", "")], "{text}");
    }
    let doc = code("Tory MPs said the plan was sound.", "2005-02-01");
    assert_eq!(asserted(&doc), [ev("010", "GBRLEG", "")]);
}

#[test]
fn one_speaker_read_twice_makes_one_statement() {
    // A name and the role apposed to it read as two actors of one code: one statement.
    for text in [
        "Tim Crawford, Group Economist at Halifax, said prices were rising.",
        "Unison, Britain's biggest union, said the strike would go ahead.",
        "Lord Chief Justice, Lord Woolf, said the rules were not written down.",
    ] {
        let doc = code(text, "2005-02-01");
        assert_eq!(roots(&doc), ["01"], "{text}");
    }
    // Two speakers named with "and" still make two statements.
    let doc = code(
        "Tony Blair and Gordon Brown said the plan was sound.",
        "2005-02-01",
    );
    assert_eq!(roots(&doc), ["01", "01"]);
}

#[test]
fn what_someone_is_due_to_do_is_planned() {
    let doc = code(
        "His comments come three days before the minister is due to meet President Vladimir Putin.",
        "2005-02-01",
    );
    let meeting: Vec<_> = with_modality(&doc)
        .into_iter()
        .filter(|(code, _)| code.starts_with("04"))
        .collect();
    assert_eq!(meeting, [("040", Modality::Intended)]);
}

#[test]
fn would_in_words_quoted_as_spoken_is_a_conditional() {
    // Quoted words keep the speaker's tense: "would" there is a conditional, no promise.
    for text in [
        "\"I would look at the rally as a one-day event,\" said Tony Blair.",
        "Tony Blair said: \"I would be surprised if the talks failed.\"",
    ] {
        let doc = code(text, "2005-02-01");
        assert_eq!(asserted(&doc), [ev("010", "GBRGOV", "")], "{text}");
    }
    // Reported words shift the tense: "said he would" is the future of the past, a phrase of
    // them quoted or not; and a wish is a wish however it is quoted.
    for text in [
        "Tony Blair said he would look at the proposal again.",
        "Tony Blair said he would \"keep working on the proposal\".",
        "Tony Blair said: \"I would like to look at the proposal again.\"",
    ] {
        let doc = code(text, "2005-02-01");
        assert_eq!(roots(&doc), ["03"], "{text}");
    }
}

#[test]
fn a_possessor_the_parser_hung_on_the_verb_still_names_the_speaker() {
    let doc = code(
        "The Conservatives' campaign director has denied a report claiming he warned Michael Howard the party could not win the next general election.",
        "2005-02-01",
    );
    assert_eq!(asserted(&doc), [ev("016", "GBRPTY", "")]);
}

#[test]
fn the_head_word_of_a_body_s_name_names_it_again() {
    let speakers = |text: &str| -> Vec<String> {
        let doc = code(text, "2005-02-01");
        doc.events
            .iter()
            .filter(|e| e.sentence == 2)
            .filter_map(|e| e.source.actor)
            .map(|a| doc.actors[a as usize].name.clone())
            .collect()
    };
    assert_eq!(
        speakers(
            "The Harwell Commission said on Monday that fees should rise. Ministers disagreed \
             with the idea. The commission says the cap is too low."
        ),
        ["Harwell Commission"]
    );
    // Not a person whose title holds the word, nor a body of another kind.
    assert!(speakers(
        "Commission chairman Sam Hale said on Monday that fees should rise. Ministers \
         disagreed with the idea. The commission says the cap is too low."
    )
    .iter()
    .all(|name| name != "Sam Hale"));
    // No body of that name before: no one.
    assert!(speakers(
        "Ministers said on Monday that fees should rise. Ministers disagreed with the idea. \
         The commission says the cap is too low."
    )
    .is_empty());
}

#[test]
fn a_relative_clause_the_parser_hung_on_the_verb_speaks_for_its_noun() {
    let doc = code(
        "The firm was admonished by the Securities and Exchange Commission which said it had made major errors.",
        "2005-02-01",
    );
    assert_eq!(
        asserted(&doc),
        [ev("111", "USAGOV", "BUS"), ev("010", "USAGOV", "")]
    );
    let doc = code(
        "The ruling was later overturned by the Court of Appeal who said there was a state of emergency.",
        "2005-02-01",
    );
    assert_eq!(roots(&doc), ["01"]);
}

#[test]
fn the_likes_of_someone_are_that_someone() {
    let doc = code(
        "The likes of Tony Blair warned of the dangers.",
        "2005-02-01",
    );
    assert_eq!(asserted(&doc), [ev("012", "GBRGOV", "")]);
}

#[test]
fn officials_from_a_country_are_that_country_s() {
    let doc = code(
        "Officials from Russia said the talks had failed.",
        "2005-02-01",
    );
    assert_eq!(asserted(&doc), [ev("010", "RUSGOV", "")]);
    let doc = code(
        "Tony Blair told refugees from Afghanistan to go back home.",
        "2005-02-01",
    );
    assert!(doc
        .events
        .iter()
        .any(|e| e.target.as_ref().is_some_and(|t| t.code.starts_with("AFG"))));
}

#[test]
fn a_clause_of_purpose_is_done_by_the_subject() {
    let doc = code(
        "The government is implementing the rarely used Royal Prerogative in order to withdraw the men's passports.",
        "2005-02-01",
    );
    assert_eq!(asserted(&doc), [ev("080", "GOV", "")]);
}

#[test]
fn a_person_s_associates_are_not_that_person() {
    for text in [
        "Tony Blair's critics said the plan was flawed.",
        "Critics of Tony Blair said the plan was flawed.",
        "Tony Blair's wife said the plan was sound.",
        // A title stands for its holder, known or not.
        "The British prime minister's wife said the plan was sound.",
        "The prime minister's wife said the plan was sound.",
    ] {
        let doc = code(text, "2005-02-01");
        assert!(
            doc.events.iter().all(|e| !e.source.code.ends_with("GOV")),
            "{text}"
        );
    }
    // A party's supporters still act for it, as its members do.
    let doc = code(
        "Supporters of the Labour Party said the plan was sound.",
        "2005-02-01",
    );
    assert_eq!(asserted(&doc), [ev("010", "GBRPTY", "")]);
}

#[test]
fn the_subject_before_a_whose_clause_acts() {
    let doc = code(
        "The minister, whose department faces cuts, condemned the attack.",
        "2005-02-01",
    );
    assert_eq!(asserted(&doc), [ev("111", "GOV", "")]);
}

#[test]
fn be_to_plans_and_be_to_be_done_are_not_alike() {
    // "are to be questioned" is planned, as "are to question" is.
    let doc = code(
        "Senior officials at the two bodies are to be questioned by MPs.",
        "2005-02-01",
    );
    assert_eq!(with_modality(&doc), [("090", Modality::Intended)]);
    // "claimed to be", "is said to be considering": no plan of the speaker's own.
    let doc = code(
        "Tony Blair claimed to be unaware of the abuses.",
        "2005-02-01",
    );
    assert_eq!(roots(&doc), ["01"]);
    assert!(doc.events.iter().all(|e| e.code != "030"));
}

#[test]
fn a_statement_delivered_is_a_statement_and_a_moment_seized_no_seizure() {
    let doc = code(
        "Tony Blair delivered a statement to MPs on Monday.",
        "2005-02-01",
    );
    assert_eq!(asserted(&doc), [ev("010", "GBRGOV", "LEG")]);
    let doc = code(
        "The schools are now seizing the tools the government has given them.",
        "2005-02-01",
    );
    assert!(roots(&doc).iter().all(|r| r != "17"));
}

#[test]
fn what_someone_is_said_to_do_is_supposed() {
    for text in [
        "Tony Blair is said to have discussed the idea with Jacques Chirac.",
        "Tony Blair is thought to be meeting Jacques Chirac this week.",
    ] {
        let doc = code(text, "2005-02-01");
        assert_eq!(
            with_modality(&doc),
            [("040", Modality::Hypothetical)],
            "{text}"
        );
    }
    // "is expected to" is a plan.
    let doc = code(
        "Tony Blair is expected to meet Jacques Chirac on Monday.",
        "2005-02-01",
    );
    assert_eq!(with_modality(&doc), [("040", Modality::Intended)]);
}

#[test]
fn what_someone_is_implored_commanded_or_challenged_to_do_is_requested() {
    // The requested event is not done yet, however the parser hangs the infinitive; and the
    // request is coded by its own "+ to" pattern (a demand, not a challenge's disapproval).
    for (text, request) in [
        (
            "The minister implored Iran to hold talks with the European Union.",
            "026",
        ),
        (
            "Jacques Chirac commanded the army to attack the rebels.",
            "100",
        ),
        (
            "Michael Howard challenged Gordon Brown to meet Jacques Chirac.",
            "100",
        ),
    ] {
        let doc = code(text, "2005-02-01");
        let found = with_modality(&doc);
        assert_eq!(found.len(), 2, "{text}: {found:?}");
        assert_eq!(found[0], (request, Modality::Asserted), "{text}");
        assert_eq!(found[1].1, Modality::Requested, "{text}");
    }
    // "to" before a gerund is a preposition: what was pleaded guilty to was done.
    let doc = code(
        "Titan Corp pleaded guilty to violating US anti-bribery laws.",
        "2005-02-01",
    );
    assert_eq!(with_modality(&doc), [("128", Modality::Asserted)]);
}

#[test]
fn what_someone_refrains_from_or_avoids_doing_is_not_done() {
    for text in [
        "Iran refrained from attacking Iraq.",
        "The Iranian government avoided meeting the Iraqi delegation.",
        "The court prevented the army from attacking the rebels.",
    ] {
        let doc = code(text, "2005-02-01");
        assert_eq!(doc.events.len(), 1, "{text}: {:?}", with_modality(&doc));
        assert!(doc.events[0].negated, "{text}: {:?}", with_modality(&doc));
    }
}

#[test]
fn deploying_things_is_no_mobilisation() {
    for text in [
        "Ford Motor Company will deploy 35,000 test cars across Europe.",
        "The Indian government deployed new software in its tax offices.",
    ] {
        let doc = code(text, "2005-02-01");
        assert_eq!(roots(&doc), Vec::<String>::new(), "{text}");
    }
    let doc = code(
        "The Pentagon deployed 3,000 marines to the Gulf.",
        "2005-02-01",
    );
    assert_eq!(roots(&doc), ["15"]);
}

#[test]
fn claiming_money_a_toll_or_a_title_says_nothing() {
    for text in [
        "Nigerian officials claimed salaries for workers who did not exist.",
        "The Kenyan police claimed compensation from the government.",
        "Tony Blair claimed the seat in 1983.",
    ] {
        let doc = code(text, "2005-02-01");
        assert_eq!(roots(&doc), Vec::<String>::new(), "{text}");
    }
    let doc = code(
        "Nigerian officials claimed the election had been rigged.",
        "2005-02-01",
    );
    assert_eq!(roots(&doc), ["01"]);
}

#[test]
fn a_prediction_is_a_statement_not_an_intent() {
    for text in [
        "Tony Blair predicted the general election will be a tough fight.",
        "The Russian finance ministry has forecast that growth will slow.",
    ] {
        let doc = code(text, "2005-02-01");
        assert_eq!(
            asserted(&doc)
                .iter()
                .map(|e| e.0.as_str())
                .collect::<Vec<_>>(),
            ["010"],
            "{text}"
        );
    }
}

#[test]
fn a_complaint_from_someone_that_another_did_wrong_targets_the_other() {
    // The parser hangs the "that" clause on the complainers' noun as a relative clause.
    let doc = code(
        "The plan follows complaints from some of the party's MPs that Gordon Brown has taken too long to unveil the proposals.",
        "2005-02-01",
    );
    let found = asserted(&doc);
    assert!(
        found
            .iter()
            .any(|(c, _, t)| c == "111" && t.ends_with("GOV")),
        "{found:?}"
    );
}

#[test]
fn support_made_known_is_support() {
    for text in [
        "The Russian government revealed its support for the plan.",
        "The Conservative Party announced its support for the French government.",
    ] {
        let doc = code(text, "2005-02-01");
        assert_eq!(roots(&doc), ["05"], "{text}");
    }
}

#[test]
fn a_body_s_titled_person_is_one_speaker() {
    // The parser coordinates the body and the name across the person's title; the speaker
    // is the person, once.
    let doc = code(
        "Lib Dem home affairs spokesman Mark Oaten said the bill was flawed.",
        "2005-02-01",
    );
    assert_eq!(
        doc.events
            .iter()
            .map(|e| e.source.code.as_str())
            .collect::<Vec<_>>(),
        ["GBROPP"]
    );
    // Two presidents are two.
    let doc = code(
        "Argentine President Nestor Kirchner and Venezuelan President Hugo Chavez signed the deal.",
        "2005-02-01",
    );
    assert!(
        doc.events.iter().any(|e| e.target.is_some()),
        "{:?}",
        asserted(&doc)
    );
}

#[test]
fn leaving_a_bid_or_a_race_is_no_retreat() {
    for text in [
        "Goldman Sachs withdrew from the Russian government's bid team.",
        "Barclays withdrew from the Chinese consortium.",
    ] {
        let doc = code(text, "2005-02-01");
        assert!(
            doc.events.iter().all(|e| !e.code.starts_with("087")),
            "{text}: {:?}",
            asserted(&doc)
        );
    }
    let doc = code("Russia withdrew from Chechnya.", "2005-02-01");
    assert_eq!(roots(&doc), ["08"]);
}

#[test]
fn saying_after_a_spoken_act_is_that_act() {
    // "…, saying …" elaborates the condemnation: one event, however the saying was coded.
    let doc = code(
        "The Red Cross condemned the decision, saying it would cost thousands of lives.",
        "2005-02-01",
    );
    assert_eq!(roots(&doc), ["11"]);
    // A participle that opens the sentence is an act of its own.
    let doc = code(
        "Announcing the plans, the Italian government said the cuts would start in May.",
        "2005-02-01",
    );
    assert_eq!(roots(&doc), ["03", "01"]);
}

#[test]
fn backing_a_plan_or_a_bill_endorses_it() {
    let doc = code(
        "The British Medical Association backed the control orders.",
        "2005-03-01",
    );
    assert_eq!(asserted(&doc), [ev("051", "GBRLAB", "")]);
    // Whose plan it is, when the sentence says, is the target.
    let doc = code(
        "The French government backed Germany's plan to freeze the debts.",
        "2005-03-01",
    );
    assert_eq!(asserted(&doc), [ev("051", "FRAGOV", "DEU")]);
    // The other senses of "back" are no endorsement.
    let doc = code(
        "The French government backed down over the plan.",
        "2005-03-01",
    );
    assert!(
        roots(&doc).iter().all(|r| r != "05"),
        "{:?}",
        asserted(&doc)
    );
}

#[test]
fn an_endorsement_by_two_parties_is_not_one_endorsing_the_other() {
    let doc = code("France and Germany praised the treaty.", "2005-03-01");
    assert_eq!(asserted(&doc), [ev("051", "FRA", ""), ev("051", "DEU", "")]);
    // Meeting is done together.
    let doc = code("France and Germany met on Monday.", "2005-03-01");
    assert_eq!(asserted(&doc), [ev("040", "FRA", "DEU")]);
}

#[test]
fn a_title_that_opens_the_sentence_before_a_name_is_no_body() {
    // "Director" is capitalised only as the first word: the person is the one who acts.
    let doc = code(
        "Director Shami Chakrabarti called on the government to free the detainees.",
        "2005-03-01",
    );
    let e = &doc.events[0];
    assert_eq!(doc.slice(e.source.span), "Shami Chakrabarti");
    assert_eq!(e.source.code, "GBRNGO");
}

#[test]
fn a_plural_noun_read_as_a_reporting_verb_reports_nothing() {
    // "forecasts" here is the Bank's forecasts, not the Bank forecasting.
    let doc = code(
        "The figure is in line with Treasury and Bank of England forecasts.",
        "2005-03-01",
    );
    assert_eq!(asserted(&doc), []);
    // The verb that reports something is still a statement.
    let doc = code(
        "The Bank of England forecasts that growth will slow.",
        "2005-03-01",
    );
    assert_eq!(roots(&doc), ["01"]);
}

#[test]
fn a_noun_between_and_and_a_verb_is_that_verb_s_subject() {
    // The parser hangs "ministers" on "economy"; the saying is theirs, not China's.
    let doc = code(
        "China's economy grew by 9% and ministers say the outlook remains strong.",
        "2005-03-01",
    );
    let sources = source_words(&doc);
    assert_eq!(sources, ["ministers"]);
}

#[test]
fn the_person_named_after_the_head_of_a_body_is_the_speaker() {
    // The parser hangs the name on the company; the head of it is the one who speaks.
    let doc = code(
        "The head of the Ukrainian state-owned Naftohaz company, Yury Boyko, said he was happy with the deal.",
        "2005-03-01",
    );
    let e = &doc.events[0];
    assert_eq!(doc.slice(e.source.span), "Yury Boyko");
    assert_eq!(e.source.code, "UKRBUS");
}

#[test]
fn force_used_by_protesters_is_a_riot() {
    let doc = code(
        "Hundreds of protesters stormed the parliament in Tbilisi on Monday.",
        "2005-03-01",
    );
    assert_eq!(roots(&doc), ["14"]);
    // An army's force stays force; protesters attacking a plan still criticise it.
    let doc = code(
        "Georgian troops stormed the village on Monday.",
        "2005-03-01",
    );
    assert_eq!(roots(&doc), ["19"]);
    let doc = code("Protesters attacked the government's plans.", "2005-03-01");
    assert_eq!(roots(&doc), ["11"]);
}

#[test]
fn each_actor_of_a_coordinated_object_is_a_target() {
    let doc = code(
        "Labour MPs criticised Japan and the United States on Monday.",
        "2005-03-01",
    );
    assert_eq!(
        asserted(&doc),
        [ev("111", "GBRLEG", "JPN"), ev("111", "GBRLEG", "USA")]
    );
    // A contrast is no list of targets: the army alone is criticised.
    let doc = code(
        "Labour MPs criticised not the police but the army.",
        "2005-03-01",
    );
    let targets: Vec<&str> = doc
        .events
        .iter()
        .filter_map(|e| e.target.as_ref().map(|t| t.code.as_str()))
        .collect();
    assert_eq!(targets.len(), 1);
}

#[test]
fn a_request_that_goes_with_a_letter_or_a_meeting_is_addressed_to_its_addressee() {
    let doc = code(
        "The Liberal Democrat leader has written to Tony Blair demanding an explanation of the new rules.",
        "2005-03-01",
    );
    assert_eq!(
        asserted(&doc),
        [ev("010", "GBROPP", "GBRGOV"), ev("100", "GBROPP", "GBRGOV")]
    );
    let doc = code(
        "Labour MPs met Tony Blair on Tuesday, asking for more money for schools.",
        "2005-03-01",
    );
    assert_eq!(
        asserted(&doc),
        [ev("040", "GBRLEG", "GBRGOV"), ev("020", "GBRLEG", "GBRGOV")]
    );
    // A request clause of its own ("after asking") names no addressee.
    let doc = code(
        "Tony Blair spoke to Labour MPs after asking for calm.",
        "2005-03-01",
    );
    assert!(doc
        .events
        .iter()
        .all(|e| e.code == "040" || e.target.is_none()));
}

#[test]
fn a_possessive_pronoun_names_the_doer_of_its_nouns_event() {
    let doc = code(
        "Tony Blair arrived in Islamabad on Monday. His visit to Pakistan was welcomed.",
        "2005-03-01",
    );
    let visit = doc
        .events
        .iter()
        .find(|e| e.sentence == 1 && e.code == "042");
    assert_eq!(visit.map(|e| e.source.code.as_str()), Some("GBRGOV"));
    // It is no side of its own: a meeting with "his EU counterparts" is with the EU, not
    // with himself.
    let doc = code(
        "Tony Blair spoke on Monday. Mr Blair met his EU counterparts in Luxembourg on Tuesday.",
        "2005-03-01",
    );
    let meeting: Vec<_> = asserted(&doc)
        .into_iter()
        .filter(|e| e.0 == "040")
        .collect();
    assert_eq!(meeting, [ev("040", "GBRGOV", "IGOEUR")]);
}

#[test]
fn a_person_at_a_listed_body_works_for_it() {
    let doc = code(
        "Growth will slow this year, said Anna Kowalczyk at Merrill Lynch.",
        "2005-03-01",
    );
    assert_eq!(doc.events[0].source.code, "USABUS");
    // A name after "at" that no listed body stands for may be a place: the person keeps
    // the sector of their title.
    let doc = code(
        "Robots must respect people, said Professor Jane Marlow, project leader at Hertfordshire.",
        "2005-03-01",
    );
    assert!(doc.events[0].source.code.ends_with("EDU"));
}

#[test]
fn a_comparison_is_no_event() {
    let doc = code(
        "Opposition leaders said it was like watching the army attack the rebels.",
        "2005-03-01",
    );
    assert_eq!(roots(&doc), ["01"]);
    let doc = code("It is like Britain threatening France.", "2005-03-01");
    assert!(roots(&doc).is_empty());
}

#[test]
fn members_within_a_body_act_for_it_and_anonymous_sources_are_no_actors() {
    let doc = code(
        "Officials at the Foreign Office condemned the attack.",
        "2005-03-01",
    );
    assert_eq!(asserted(&doc), [ev("111", "GBRGOV", "")]);
    let doc = code(
        "Members within the Liberal Democrats criticised the leader.",
        "2005-03-01",
    );
    assert_eq!(asserted(&doc)[0].1, "GBRPTY");
    // GUIDELINES.md: anonymous "sources" are not actors, whoever they are said to be close to.
    for text in [
        "Sources within the Liberal Democrats told reporters the leader would resign.",
        "Government sources told the BBC the deal was done.",
    ] {
        assert!(code(text, "2005-03-01").events.is_empty(), "{text}");
    }
}

#[test]
fn building_up_a_reputation_and_receiving_aid_are_no_events() {
    // Building up forces is a military build-up; building up a reputation is not.
    let doc = code(
        "The governor has built up a reputation as a fierce critic of the banks.",
        "2005-03-01",
    );
    assert!(roots(&doc).is_empty());
    let doc = code("Russia has built up forces on the border.", "2005-03-01");
    assert_eq!(roots(&doc), ["15"]);
    // Receiving aid is not hosting the one who gives it.
    let doc = code(
        "Only Sri Lanka currently receives IMF support.",
        "2005-03-01",
    );
    assert!(roots(&doc).is_empty());
}

#[test]
fn an_event_on_condition_of_a_phrase_is_conditional() {
    let doc = code(
        "The army may leave the town, as long as the rebels release the hostages.",
        "2005-03-01",
    );
    let release = doc.events.iter().find(|e| e.code.starts_with("08"));
    assert_eq!(release.map(|e| e.modality), Some(Modality::Conditional));
}

#[test]
fn a_command_after_the_speakers_own_words_is_no_denial() {
    let doc = code(
        "Tony Blair spoke on Monday. He told the newspaper: \"I do not know whether I will stand again, but don't rush me.\"",
        "2005-03-01",
    );
    let codes: Vec<String> = asserted(&doc).into_iter().map(|e| e.0).collect();
    assert_eq!(codes, ["010", "010"]);
}

#[test]
fn its_is_the_body_named_just_before_it() {
    let doc = code(
        "The Kremlin was angered by BP's disclosure of its talks with Gazprom.",
        "2005-03-01",
    );
    assert_eq!(asserted(&doc), [ev("046", "GBRBUS", "RUSBUS")]);
    // A body the lexicon does not list, found after the pronoun was first resolved.
    let doc = code(
        "Chinese officials were irritated by Zenbrook's disclosure of its talks with Gazprom.",
        "2005-03-01",
    );
    let talks = doc.events.iter().find(|e| e.code == "046").expect("talks");
    let doer = talks
        .source
        .actor
        .map(|a| doc.actors[a as usize].name.as_str());
    assert_eq!(doer, Some("Zenbrook"));
}

#[test]
fn a_role_of_a_town_or_region_is_of_its_country() {
    // A state or a well-known city before a role says whose the role is.
    let doc = code("The Ohio governor criticised the plan.", "2024-03-01");
    assert_eq!(asserted(&doc), [ev("111", "USAGOV", "")]);
    let doc = code(
        "Texas officials said the storm had passed.\n\nSan Francisco police arrested the man.",
        "2024-03-01",
    );
    let sources: Vec<String> = asserted(&doc).into_iter().map(|e| e.1).collect();
    assert_eq!(sources, ["USAGOV", "USACOP"]);
    // A small town the gazetteer knows only elsewhere, or a town named like a president, is
    // no evidence of the role's country.
    let doc = code("A Highland councillor criticised the plan.", "2024-03-01");
    assert!(
        asserted(&doc).iter().all(|e| !e.1.starts_with("USA")),
        "{:?}",
        asserted(&doc)
    );
    let doc = code("The Bush administration criticised the plan.", "2005-03-01");
    assert!(
        asserted(&doc).iter().all(|e| !e.1.starts_with("EGY")),
        "{:?}",
        asserted(&doc)
    );
}

#[test]
fn a_name_the_parser_puts_over_a_role_still_only_says_whose_it_is() {
    let doc = code("The Bedfordshire MP denied the claim.", "2024-03-01");
    let events = asserted(&doc);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].1, "LEG");
    assert_eq!(doc.events[0].source.span.len(), "MP".len());
}

#[test]
fn being_locked_in_talks_is_taking_part_in_them() {
    let doc = code(
        "Pakistan has been locked in talks with India over the dam.",
        "2024-03-01",
    );
    assert_eq!(asserted(&doc), [ev("046", "PAK", "IND")]);
    let doc = code(
        "Iran entered negotiations with the European Union.",
        "2024-03-01",
    );
    assert_eq!(roots(&doc), ["04"]);
    // Only an event the verb is in: what it comes after is someone else's.
    let doc = code(
        "Gordon Brown entered Downing Street after the resignation of Tony Blair.",
        "2008-03-01",
    );
    assert!(
        roots(&doc).iter().all(|r| r != "08"),
        "{:?}",
        asserted(&doc)
    );
}

#[test]
fn two_actors_of_one_code_named_apart_are_two_actors() {
    let doc = code(
        "Labour MPs criticised Conservative MPs over the vote.",
        "2005-03-01",
    );
    assert_eq!(asserted(&doc), [ev("111", "GBRLEG", "GBRLEG")]);
    // One actor on both sides is still no event.
    let doc = code("Britain criticised the British plan.", "2005-03-01");
    assert!(
        asserted(&doc).iter().all(|e| e.1 != e.2),
        "{:?}",
        asserted(&doc)
    );
}

#[test]
fn what_an_actor_draws_on_itself_is_aimed_at_it() {
    let doc = code(
        "Labour has attracted media criticism for its campaign.",
        "2005-03-01",
    );
    assert_eq!(asserted(&doc), [ev("111", "MED", "GBRPTY")]);
    let doc = code("Tony Blair drew condemnation from Iran.", "2005-03-01");
    assert_eq!(asserted(&doc), [ev("111", "IRN", "GBRGOV")]);
}

#[test]
fn it_before_a_judging_word_and_a_to_clause_is_no_one() {
    // "it" holds the place of the clause: what is judged is the act, not a body named before.
    let doc = code(
        "The European Union issued new rules on Monday.\n\nTony Blair said it was fair to criticise the timing of the offer.",
        "2005-03-01",
    );
    let second: Vec<_> = doc.events.iter().filter(|e| e.sentence == 1).collect();
    assert!(!second.is_empty());
    assert!(
        second.iter().all(|e| e.target.is_none()),
        "no target: {second:?}"
    );
    // A word of readiness is said of "it" itself.
    let doc = code(
        "Iran said it was ready to resume talks with the EU.",
        "2005-03-01",
    );
    assert!(
        asserted(&doc)
            .iter()
            .any(|e| e.0 == "036" && e.2 == "IGOEUR"),
        "{:?}",
        asserted(&doc)
    );
}

#[test]
fn agreeing_that_something_is_so_is_accord_not_intent() {
    let doc = code(
        "Lord Falconer agreed the Act was discriminatory.",
        "2005-03-01",
    );
    assert_eq!(roots(&doc), ["01"]);
    assert_eq!(doc.events[0].code, "019");
}

#[test]
fn a_place_named_word_before_another_name_is_a_given_name() {
    // "Barry" is a town and the surname of a lexicon person; before "Fitzpatrick" it is the
    // given name of someone the lexicon does not know.
    let doc = code(
        "NUJ official Barry Fitzpatrick said the company had ignored the rules.",
        "2005-03-01",
    );
    let events = asserted(&doc);
    assert!(!events.is_empty());
    assert!(events.iter().all(|e| !e.1.starts_with("BFA")), "{events:?}");
    assert_eq!(
        doc.actors[doc.events[0].source.actor.unwrap() as usize].name,
        "Barry Fitzpatrick"
    );
}

#[test]
fn questioning_whether_is_doubting_and_questioning_suspects_is_investigating() {
    let doc = code(
        "Amnesty International questioned whether the decisions were fair.",
        "2005-03-01",
    );
    assert_eq!(roots(&doc), ["11"]);
    let doc = code("Police questioned two suspects.", "2005-03-01");
    assert_eq!(asserted(&doc), [ev("090", "COP", "CRM")]);
}

#[test]
fn a_role_word_that_heads_a_clause_is_a_verb() {
    // "suspect" names suspects, but not where it is the sentence's verb.
    let doc = code(
        "Police suspect the man was involved in the attack on the embassy.",
        "2005-03-01",
    );
    assert!(
        doc.actors.iter().all(|a| !a.code.contains("CRM")),
        "{:?}",
        doc.actors
    );
}

#[test]
fn a_passive_subject_undergoes_what_it_is_put_under() {
    let doc = code(
        "Under the plans, suspects can be held under house arrest.",
        "2005-03-01",
    );
    assert!(
        doc.events.iter().all(|e| !e.source.code.contains("CRM")),
        "{:?}",
        doc.events
    );
}

#[test]
fn an_administration_named_for_the_leader_in_office_is_that_leaders_government() {
    // "Bush" is also a town in Egypt; before a role, the surname of the one Bush in office
    // names his government.
    let doc = code("The Bush administration criticised the plan.", "2005-03-01");
    assert_eq!(asserted(&doc), [ev("111", "USAGOV", "")]);
}

#[test]
fn the_law_lords_are_a_british_court() {
    let doc = code(
        "Charles Clarke said the law lords were simply wrong.",
        "2005-03-01",
    );
    assert_eq!(asserted(&doc), [ev("111", "GBRGOV", "GBRJUD")]);
}

#[test]
fn it_is_never_what_a_plural_noun_names() {
    // "it" is the organisation, not the officials named after it.
    let doc = code(
        "The World Bank warned of a slowdown on Monday.\n\nLocal officials met the bank's envoy in Lima.\n\nIt said the reforms had failed.",
        "2005-03-01",
    );
    let third: Vec<_> = doc.events.iter().filter(|e| e.sentence == 2).collect();
    assert!(!third.is_empty());
    assert!(
        third.iter().all(|e| e.source.code.starts_with("IGO")),
        "{third:?}"
    );
}

#[test]
fn a_party_and_state_label_after_a_name_is_no_one() {
    // "R-Fla." tells Marco Rubio's party and state: it is neither a second senator nor anyone.
    let doc = code(
        "Marco Rubio, R-Fla., criticised Egypt.\n\nRep. Carolyn Maloney, D-N.Y., praised the ruling.",
        "2020-07-18",
    );
    assert!(
        doc.actors.iter().all(|a| !a.name.contains('-')),
        "{:?}",
        doc.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
    );
    let sources = source_words(&doc);
    assert_eq!(sources, ["Marco Rubio", "Rep. Carolyn Maloney"]);
    // A name written the same way is still a name.
    let doc = code(
        "In response, T-Mobile said it would cut prices.",
        "2005-03-01",
    );
    let sources = source_words(&doc);
    assert_eq!(sources, ["T-Mobile"]);
}

#[test]
fn a_middle_initial_is_part_of_the_name() {
    let doc = code(
        "IRS Commissioner Charles P. Rettig said the agency was ready.\n\nSen. Mark R. Warner criticised the plan.",
        "2020-07-09",
    );
    let sources = source_words(&doc);
    assert_eq!(
        sources,
        ["Commissioner Charles P. Rettig", "Sen. Mark R. Warner"]
    );
}
