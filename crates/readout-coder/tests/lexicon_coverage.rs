//! The shipped lexicon against outside references: every ISO 3166-1 country (the list in
//! `tests/data/iso3166.tsv`, generated from pycountry by `scripts/iso3166.py`), and office
//! holders across regions resolved for the date of the article.

use readout_doc::{ArticleMeta, Date, Document, Kind};
use readout_lexicon::Lexicon;
use std::sync::OnceLock;

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::embedded().expect("the shipped lexicon is valid"))
}

fn code(text: &str, published: &str) -> Document {
    let lex = lexicon();
    let meta = ArticleMeta {
        published: Date::parse(published).ok(),
        ..ArticleMeta::default()
    };
    let mut doc = Document::from_paragraphs("t", meta, [(Kind::Body, text)]);
    readout_text::segment(&mut doc, &lex.split_rules);
    readout_coder::Coder::new(lex).code(&mut doc, None);
    readout_context::resolve(&mut doc, lex);
    doc
}

/// The source code and actor name of the first event of a sentence.
fn source(text: &str, published: &str) -> (String, String) {
    let doc = code(text, published);
    match doc.events.first() {
        Some(e) => (
            e.source.code.clone(),
            doc.actors[e.source.actor.unwrap() as usize].name.clone(),
        ),
        None => (String::new(), String::new()),
    }
}

fn iso_countries() -> Vec<(String, String, String)> {
    let text = include_str!("data/iso3166.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let mut f = l.split('\t');
            let mut next = || f.next().unwrap_or("").to_string();
            (next(), next(), next())
        })
        .collect()
}

#[test]
fn every_iso_country_is_recognised_by_name_and_adjective() {
    let lex = lexicon();
    let mut failures = Vec::new();
    let iso = iso_countries();
    assert_eq!(iso.len(), 249, "the ISO reference list is complete");
    for (alpha3, iso_name, common_name) in &iso {
        let Some(country) = lex.countries.iter().find(|c| &c.code == alpha3) else {
            failures.push(format!("{alpha3}: no country record"));
            continue;
        };
        // Our own short name, and the ISO common or short name where it is a plain name.
        let mut names = vec![country.name.clone()];
        names.extend(
            [common_name, iso_name]
                .into_iter()
                .filter(|n| !n.is_empty() && !n.contains([',', '(']))
                .cloned(),
        );
        for name in names {
            let sentence = format!("On Monday {name} condemned the attack.");
            let (got, _) = source(&sentence, "2026-02-01");
            if &got != alpha3 {
                failures.push(format!("{alpha3}: {sentence:?} coded as {got:?}"));
            }
        }
        match country.adjectives.first() {
            Some(adjective) => {
                let sentence = format!("The {adjective} government condemned the attack.");
                let (got, _) = source(&sentence, "2026-02-01");
                if got != format!("{alpha3}GOV") {
                    failures.push(format!("{alpha3}: {sentence:?} coded as {got:?}"));
                }
            }
            None if lex.countries.iter().filter(|c| c.code == *alpha3).count() == 1 => {
                // Uninhabited territories and a few others have no adjective in use.
            }
            None => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn heads_of_state_and_ministers_resolve_by_name_surname_and_office() {
    // (sentence naming the person in full, surname sentence, office sentence, date, code, name)
    let cases = [
        (
            "Sergei Lavrov condemned the attack.",
            "Mr Lavrov condemned the attack.",
            "Russia's foreign minister condemned the attack.",
            "2026-02-01",
            "RUSGOV",
            "Sergei Lavrov",
        ),
        (
            "Wang Yi condemned the attack.",
            "Mr Wang condemned the attack.",
            "China's foreign minister condemned the attack.",
            "2026-02-01",
            "CHNGOV",
            "Wang Yi",
        ),
        (
            "Narendra Modi condemned the attack.",
            "Mr Modi condemned the attack.",
            "India's prime minister condemned the attack.",
            "2026-02-01",
            "INDGOV",
            "Narendra Modi",
        ),
        (
            "Cyril Ramaphosa condemned the attack.",
            "Mr Ramaphosa condemned the attack.",
            "South Africa's president condemned the attack.",
            "2026-02-01",
            "ZAFGOV",
            "Cyril Ramaphosa",
        ),
        (
            "Luiz Inacio Lula da Silva condemned the attack.",
            "Mr Lula condemned the attack.",
            "Brazil's president condemned the attack.",
            "2026-02-01",
            "BRAGOV",
            "Luiz Inacio Lula da Silva",
        ),
    ];
    for (full, surname, office, date, code_want, name) in cases {
        for sentence in [full, office] {
            let (got_code, got_name) = source(sentence, date);
            assert_eq!(
                (got_code.as_str(), got_name.as_str()),
                (code_want, name),
                "{sentence}"
            );
        }
        // A surname refers back to the person named in full earlier in the story.
        let doc = code(&format!("{full} {surname}"), date);
        assert_eq!(doc.events.len(), 2, "{full} {surname}");
        assert_eq!(
            doc.events[1].source.actor, doc.events[0].source.actor,
            "{surname}"
        );
    }
}

#[test]
fn an_earlier_date_gives_that_day_s_office_holder() {
    let cases = [
        (
            "The German chancellor condemned the attack.",
            "2019-05-01",
            "Angela Merkel",
        ),
        (
            "The German chancellor condemned the attack.",
            "2026-05-01",
            "Friedrich Merz",
        ),
        (
            "The US president condemned the attack.",
            "2022-05-01",
            "Joe Biden",
        ),
        (
            "The US president condemned the attack.",
            "2026-05-01",
            "Donald Trump",
        ),
        (
            "Japan's prime minister condemned the attack.",
            "2016-05-01",
            "Shinzo Abe",
        ),
        (
            "China's foreign minister condemned the attack.",
            "2023-03-01",
            "Qin Gang",
        ),
    ];
    for (sentence, date, name) in cases {
        assert_eq!(source(sentence, date).1, name, "{sentence} on {date}");
    }
    // Mr Shoigu was defence minister (MIL) until May 2024, then Security Council secretary.
    assert_eq!(
        source("Sergei Shoigu condemned the attack.", "2020-01-01").0,
        "RUSMIL"
    );
    assert_eq!(
        source("Sergei Shoigu condemned the attack.", "2026-01-01").0,
        "RUSGOV"
    );
}

#[test]
fn modifiers_change_the_sector() {
    assert_eq!(
        source(
            "Former president Joe Biden condemned the attack.",
            "2026-02-01"
        )
        .0,
        "USAELI"
    );
    assert_eq!(
        source(
            "The Russian opposition leader condemned the attack.",
            "2026-02-01"
        )
        .0,
        "RUSOPP"
    );
    assert_eq!(
        source(
            "Syrian rebel commanders condemned the attack.",
            "2026-02-01"
        )
        .0,
        "SYRREB"
    );
}

#[test]
fn no_small_town_is_named_by_a_common_word_once_its_accents_are_off() {
    // GeoNames spells these towns with accents; news text writes the words without them.
    let common = ["bank", "god", "hit", "cat", "drama", "save", "ask", "yoga"];
    let fold = |s: &str| -> String {
        s.chars()
            .filter_map(|c| {
                let base = match c {
                    'ā' | 'á' | 'à' | 'â' | 'ä' => 'a',
                    'é' | 'è' | 'ê' | 'ē' => 'e',
                    'ī' | 'í' => 'i',
                    'ō' | 'ó' | 'ö' => 'o',
                    'ū' | 'ú' | 'ü' => 'u',
                    'ç' => 'c',
                    'ł' => 'l',
                    c => c,
                };
                base.to_lowercase().next()
            })
            .collect()
    };
    let found: Vec<&str> = lexicon()
        .places
        .iter()
        .filter(|p| common.contains(&fold(&p.name).as_str()))
        .map(|p| p.name.as_str())
        .collect();
    assert!(found.is_empty(), "{found:?}");
}
