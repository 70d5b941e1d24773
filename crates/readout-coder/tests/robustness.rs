//! Arbitrary text through the whole pipeline (ingest, segmentation, coding, context) must never
//! panic, and every span it produces must point inside the document at character boundaries.

use proptest::prelude::*;
use readout_doc::Date;
use readout_lexicon::Lexicon;
use std::sync::OnceLock;

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::embedded().unwrap())
}

fn run(text: &str) {
    let lex = lexicon();
    let cues = readout_ingest::PageCues::new(
        &["/File Photo".into()],
        vec!["PHOTO:".into()],
        vec!["Sign up".into()],
        vec!["Reuters".into()],
    );
    let mut doc =
        readout_ingest::document_from_text("p", text, Date::parse("2026-02-01").ok(), &cues);
    readout_text::segment(&mut doc, &lex.split_rules);
    readout_coder::Coder::new(lex).code(&mut doc, None);
    readout_context::resolve(&mut doc, lex);
    let ok = |s: readout_doc::Span| s.start <= s.end && doc.text.get(s.range()).is_some();
    assert!(doc.tokens.iter().all(|t| ok(t.span) && !t.span.is_empty()));
    assert!(doc.sentences.iter().all(|s| ok(s.span)));
    assert!(doc.mentions.iter().all(|m| ok(m.span)));
    assert!(doc.quotes.iter().all(|q| ok(q.span)));
    for e in &doc.events {
        assert!(ok(e.trigger) && ok(e.source.span));
        assert!(e.target.as_ref().is_none_or(|t| ok(t.span)));
    }
    let _ = serde_json::to_string(&readout_doc::output::OutputDocument::new(&doc)).unwrap();
}

/// Words and marks that exercise the rules: names, reporting verbs, quotes, possessives.
const PIECES: &[&str] = &[
    "China",
    "Russia’s",
    "Mr",
    "Wang",
    "said",
    "told",
    "“",
    "”",
    "\"",
    "'",
    "’s",
    "n't",
    "not",
    "the",
    "two",
    "officials",
    "met",
    "in",
    "Beijing",
    "on",
    "Feb",
    "1",
    ",",
    ".",
    "?",
    "!",
    "according",
    "to",
    "TASS",
    "he",
    "it",
    "that",
    "which",
    "was",
    "attacked",
    "by",
    "NATO",
    "\n\n",
    "\n",
    "PHOTO:",
    "AFP, REUTERS",
    "U.S.",
    "é",
    "—",
    "(",
    ")",
    "2024",
    "this",
    "week",
    "early",
    "support",
    "invasion",
    "of",
    "Ukraine",
];

proptest! {
    // 256 cases each; set PROPTEST_CASES for a long fuzzing run.

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,300}") {
        run(&text);
    }

    #[test]
    fn shuffled_news_words_never_panic(words in proptest::collection::vec(proptest::sample::select(PIECES), 0..80)) {
        run(&words.join(" "));
        run(&words.concat());
    }
}
