//! The embedded model on small inputs: key arcs of simple news sentences, odd inputs that must
//! not break it, and a model that survives serialisation.

use readout_syntax::{write_conllu, Parser, Rel, Scratch, Upos, Word};

fn parse(words: &[&str]) -> Vec<Word> {
    let mut scratch = Scratch::default();
    let mut out = Vec::new();
    Parser::embedded().parse(words, &mut scratch, &mut out);
    assert_eq!(out.len(), words.len());
    out
}

fn index(words: &[&str], word: &str) -> u16 {
    words.iter().position(|w| *w == word).expect("word") as u16
}

/// Every head is a word of the sentence, exactly one word is the root, and following heads from
/// any word reaches the root (no cycles).
fn assert_tree(parse: &[Word]) {
    let n = parse.len();
    if n == 0 {
        return;
    }
    assert_eq!(parse.iter().filter(|w| w.head.is_none()).count(), 1);
    for (i, w) in parse.iter().enumerate() {
        assert_eq!(w.head.is_none(), w.rel == Rel::Root, "word {i}: {w:?}");
        let mut at = i;
        for _ in 0..=n {
            match parse[at].head {
                Some(h) => {
                    assert!((h as usize) < n);
                    at = h as usize;
                }
                None => break,
            }
        }
        assert!(parse[at].head.is_none(), "cycle through word {i}");
    }
}

#[test]
fn subject_verb_object() {
    let words = ["The", "ministry", "condemned", "the", "attack", "."];
    let p = parse(&words);
    assert_tree(&p);
    let verb = index(&words, "condemned");
    assert_eq!(p[verb as usize].head, None);
    assert_eq!(p[verb as usize].upos, Upos::VERB);
    let subject = &p[index(&words, "ministry") as usize];
    assert_eq!((subject.head, subject.rel), (Some(verb), Rel::Nsubj));
    let object = &p[index(&words, "attack") as usize];
    assert_eq!((object.head, object.rel), (Some(verb), Rel::Obj));
}

#[test]
fn an_opening_adverb_hangs_on_the_verb_of_the_clause_after_it() {
    let words = [
        "Separately",
        ",",
        "in",
        "Wisconsin",
        ",",
        "Republicans",
        "in",
        "the",
        "state",
        "legislature",
        "sued",
        "to",
        "block",
        "the",
        "governor",
        "'s",
        "order",
        ".",
    ];
    let p = parse(&words);
    assert_tree(&p);
    let verb = index(&words, "sued");
    assert_eq!(p[verb as usize].head, None);
    assert_eq!(p[0].head, Some(verb));
    let subject = &p[index(&words, "Republicans") as usize];
    assert_eq!((subject.head, subject.rel), (Some(verb), Rel::Nsubj));
}

#[test]
fn a_bare_day_after_an_object_dates_the_verb() {
    let words = [
        "Senators",
        "sent",
        "a",
        "letter",
        "Thursday",
        "to",
        "the",
        "Office",
        "of",
        "Management",
        ".",
    ];
    let p = parse(&words);
    assert_tree(&p);
    let verb = index(&words, "sent");
    for w in ["Thursday", "Office"] {
        assert_eq!(p[index(&words, w) as usize].head, Some(verb), "{w}");
    }
}

#[test]
fn a_long_subject_after_as_opens_a_clause() {
    // The parser reads "as the central bank" as a phrase and "raised" as a conjunct with no
    // subject; the repair makes the bank the subject of "raised" and "as" its subordinator.
    let words = [
        "Prices", "fell", "as", "the", "central", "bank", ",", "the", "country", "'s", "lender",
        "of", "last", "resort", ",", "raised", "its", "main", "rate", ".",
    ];
    let p = parse(&words);
    assert_tree(&p);
    let raised = index(&words, "raised");
    let bank = &p[index(&words, "bank") as usize];
    assert_eq!((bank.head, bank.rel), (Some(raised), Rel::Nsubj));
    let as_ = &p[index(&words, "as") as usize];
    assert_eq!(
        (as_.head, as_.rel, as_.upos),
        (Some(raised), Rel::Mark, Upos::SCONJ)
    );
    let fell = index(&words, "fell");
    assert_eq!(
        (p[raised as usize].head, p[raised as usize].rel),
        (Some(fell), Rel::Advcl)
    );
}

#[test]
fn a_subject_right_after_after_opens_a_clause() {
    // "after Arland and Borovia" read as a phrase and "vowed" as an adverbial clause with no
    // subject; "after the envoys" and "signed" as a conjunct.
    for (words, verb, subject) in [
        (
            &[
                "The", "move", "came", "after", "Arland", "and", "Borovia", "vowed", "to", "cut",
                "their", "deficits", ".",
            ][..],
            "vowed",
            "Arland",
        ),
        (
            &[
                "The", "talks", "ended", "after", "the", "envoys", "signed", "a", "deal", ".",
            ][..],
            "signed",
            "envoys",
        ),
    ] {
        let p = parse(words);
        assert_tree(&p);
        let v = index(words, verb);
        let s = &p[index(words, subject) as usize];
        assert_eq!((s.head, s.rel), (Some(v), Rel::Nsubj), "{words:?}");
        assert_eq!(
            p[index(words, "after") as usize].rel,
            Rel::Mark,
            "{words:?}"
        );
    }
}

#[test]
fn passive_with_agent() {
    let words = ["The", "protester", "was", "shot", "by", "police", "."];
    let p = parse(&words);
    assert_tree(&p);
    let verb = index(&words, "shot");
    assert_eq!(p[verb as usize].head, None);
    let subject = &p[index(&words, "protester") as usize];
    assert_eq!((subject.head, subject.rel), (Some(verb), Rel::NsubjPass));
    let aux = &p[index(&words, "was") as usize];
    assert_eq!((aux.head, aux.rel), (Some(verb), Rel::AuxPass));
    let police = index(&words, "police");
    let agent = &p[police as usize];
    assert_eq!(agent.head, Some(verb));
    assert!(matches!(agent.rel, Rel::OblAgent | Rel::Obl), "{agent:?}");
    let by = &p[index(&words, "by") as usize];
    assert_eq!((by.head, by.rel), (Some(police), Rel::Case));
}

#[test]
fn news_tokens_with_typographic_quotes_and_possessives() {
    let words = [
        "“", "We", "reject", "this", ",", "”", "Russia", "’s", "foreign", "ministry", "said", ".",
    ];
    let p = parse(&words);
    assert_tree(&p);
    let said = index(&words, "said");
    assert_eq!(p[said as usize].head, None);
    assert_eq!(p[index(&words, "ministry") as usize].head, Some(said));
    assert_eq!(p[index(&words, "’s") as usize].rel, Rel::Case);
    assert_eq!(p[index(&words, "Russia") as usize].rel, Rel::NmodPoss);
    assert_eq!(p[index(&words, "reject") as usize].rel, Rel::Ccomp);
}

/// Headlines in title case lose the capitals that tell a verb from a noun; most must still
/// be parsed with their verb as the root. Both shipped models so far got 10 or 11 of these 16
/// right (a greedy tagger without the case cue mistakes "Arrest", "Calls", "Shells" for
/// nouns); fewer than 10 is a regression.
#[test]
fn headlines_in_title_case_keep_their_verb() {
    let headlines = [
        ("Ministry Condemns Attack On Embassy", "Condemns"),
        ("Russia Condemns Attack On Embassy", "Condemns"),
        ("China Warns Japan Over Disputed Islands", "Warns"),
        ("Minister Resigns Over Expenses Scandal", "Resigns"),
        ("Police Arrest Protesters In Paris", "Arrest"),
        ("Rebels Seize Town In Eastern Congo", "Seize"),
        ("Senate Rejects Budget Deal", "Rejects"),
        ("Iran Threatens To Close Strait", "Threatens"),
        ("Army Shells Rebel Positions Near Border", "Shells"),
        ("Court Jails Opposition Leader", "Jails"),
        ("Prime Minister Visits Flood Victims", "Visits"),
        ("Union Calls Strike Over Pay", "Calls"),
        ("EU Imposes Sanctions On Belarus", "Imposes"),
        ("Protesters Clash With Police In Capital", "Clash"),
        ("Government Denies Torture Claims", "Denies"),
        ("President Meets Pope At Vatican", "Meets"),
    ];
    let mut right = Vec::new();
    for (headline, verb) in headlines {
        let words: Vec<&str> = headline.split(' ').collect();
        let p = parse(&words);
        assert_tree(&p);
        let v = index(&words, verb) as usize;
        if p[v].upos == Upos::VERB && p[v].head.is_none() {
            right.push(headline);
        }
    }
    assert!(right.len() >= 10, "only {} of 16: {right:?}", right.len());
}

#[test]
fn odd_inputs_never_break_it() {
    let long_word = "x".repeat(10_000);
    let weird = "\u{202e}\u{0301}🙂\u{0000}";
    let many: Vec<String> = (0..2_000).map(|i| format!("w{}", i % 17)).collect();
    let many: Vec<&str> = many.iter().map(String::as_str).collect();
    let cases: Vec<Vec<&str>> = vec![
        vec![],
        vec!["Hello"],
        vec![""],
        vec!["", "", ""],
        vec![".", ".", "."],
        vec![long_word.as_str(), "is", "long"],
        vec![weird, "\t", "\n", "ÄÖÜ", "Ωmega", "日本語", "١٢٣"],
        vec!["U.S.", "n’t", "’s", "``", "''", "--", "..."],
        many.clone(),
    ];
    // More words than a u16 head can point at.
    let huge: Vec<&str> = (0..70_000)
        .map(|i| if i % 9 == 8 { "." } else { "word" })
        .collect();
    let p = parse(&huge);
    assert_tree(&p);
    let mut scratch = Scratch::default();
    let mut out = Vec::new();
    for words in &cases {
        Parser::embedded().parse(words, &mut scratch, &mut out);
        assert_eq!(out.len(), words.len());
        assert_tree(&out);
        let mut text = Vec::new();
        write_conllu(words, &out, &mut text).expect("write");
        let back = readout_syntax::read_conllu(text.as_slice()).expect("read back");
        assert_eq!(back.len(), usize::from(!words.is_empty()));
    }
}

#[test]
fn long_inputs_are_parsed_in_chunks() {
    // Beyond MAX_CHUNK words the parser works chunk by chunk (so time stays linear): every
    // chunk's root hangs on the first chunk's root, and the result is still one tree.
    let word_list = [
        "the", "army", "said", "it", "had", "fired", "at", "targets", "and",
    ];
    let long: Vec<&str> = (0..30_000)
        .map(|i| word_list[i % word_list.len()])
        .collect();
    let p = parse(&long);
    assert_tree(&p);
    let root = p.iter().position(|w| w.head.is_none()).expect("root");
    assert!(root < readout_syntax::MAX_CHUNK);
    let chunk_roots = p
        .iter()
        .filter(|w| w.head == Some(root as u16) && w.rel == Rel::Parataxis)
        .count();
    assert!(chunk_roots >= 30_000 / readout_syntax::MAX_CHUNK - 1);
}

#[test]
fn serialisation_round_trip_keeps_every_parse() {
    let parser = Parser::embedded();
    let bytes = parser.to_bytes();
    let back = Parser::from_bytes(&bytes).expect("reload");
    let sentences: [&[&str]; 3] = [
        &["The", "ministry", "condemned", "the", "attack", "."],
        &[
            "Talks", "between", "China", "and", "Russia", "ended", "on", "Monday", ".",
        ],
        &[
            "He", "did", "n't", "say", "whether", "troops", "would", "withdraw", ".",
        ],
    ];
    let mut scratch = Scratch::default();
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for words in sentences {
        parser.parse(words, &mut scratch, &mut a);
        back.parse(words, &mut scratch, &mut b);
        assert_eq!(a, b);
    }
    assert!(Parser::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    assert!(Parser::from_bytes(b"not a model").is_err());
}

#[test]
fn a_relative_clause_opened_by_whose_is_not_the_main_clause() {
    let words = [
        "Southcorp",
        ",",
        "whose",
        "brands",
        "include",
        "Penfolds",
        ",",
        "Rosemount",
        "and",
        "Lindemans",
        ",",
        "dismissed",
        "the",
        "offer",
        "as",
        "inadequate",
        ".",
    ];
    let p = parse(&words);
    assert_tree(&p);
    let verb = index(&words, "dismissed") as usize;
    assert_eq!(p[verb].head, None);
    assert_eq!(p[0].head, Some(verb as u16));
    assert_eq!(p[0].rel, Rel::Nsubj);
    let include = index(&words, "include") as usize;
    assert_eq!((p[include].head, p[include].rel), (Some(0), Rel::AclRelcl));
}
