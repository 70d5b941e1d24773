//! Coding time grows linearly with the input, whatever its shape: for each shape that once
//! made it grow faster (one endless sentence, many quotations, reported speech nested deep, a
//! scraped list of headlines), each doubling of the input may multiply the time by at most 2.5.
//!
//! The check compares n with 4n (two doublings: at most 2.5² = 6.25 times as long), where a
//! quadratic cost would show 16 times: far enough apart that a busy machine's noise cannot
//! pass one for the other. Times are the best of five runs of each size, interleaved, so
//! that load slows both sizes alike.

use readout::Pipeline;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::embedded().expect("the built-in lexicon is valid"))
}

fn time(text: &str) -> Duration {
    let start = Instant::now();
    let doc = pipeline().code_text("scaling", text, None);
    std::hint::black_box(doc.events.len());
    start.elapsed()
}

/// Fails when coding `make(4n)` takes more than 2.5² times as long as coding `make(n)`.
fn assert_linear(shape: &str, n: usize, make: impl Fn(usize) -> String) {
    // One measurement at a time: the tests of this file would otherwise share the cores and
    // time each other.
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    let (small, large) = (make(n), make(4 * n));
    time(&small); // warm up: the lexicon and the parser model load once
    let mut best = (Duration::MAX, Duration::MAX);
    for _ in 0..5 {
        best.0 = best.0.min(time(&small));
        best.1 = best.1.min(time(&large));
    }
    let ratio = best.1.as_secs_f64() / best.0.as_secs_f64();
    println!("{shape}: n {:?}, 4n {:?}, ratio {ratio:.2}", best.0, best.1);
    assert!(
        ratio <= 2.5 * 2.5,
        "{shape}: four times the input took {ratio:.2} times as long ({:?} vs {:?})",
        best.1,
        best.0
    );
}

#[test]
fn one_endless_sentence() {
    assert_linear("one sentence", 6_000, |n| {
        let words = [
            "officials",
            "said",
            "the",
            "ministers",
            "met",
            "rebels",
            "and",
        ];
        (0..n)
            .map(|i| words[i % words.len()])
            .collect::<Vec<_>>()
            .join(" ")
    });
}

#[test]
fn many_quotations() {
    assert_linear("quotations", 600, |n| {
        (0..n)
            .map(|i| format!("\"We will respond to attack {i},\" the minister said. "))
            .collect()
    });
}

#[test]
fn reported_speech_nested_deep() {
    assert_linear("nested reports", 1_000, |n| {
        let mut s = String::new();
        for i in 0..n {
            s.push_str(if i % 2 == 0 {
                "Russia said that "
            } else {
                "officials claimed that "
            });
        }
        s.push_str("China condemned Japan.");
        s
    });
}

#[test]
fn a_scraped_list_of_headlines() {
    // An index page: one headline a line, no final stops, none repeated.
    let subjects = [
        "Japan",
        "Police",
        "Rebels",
        "The Senate",
        "Iran",
        "Union Leaders",
        "Brazil",
    ];
    let verbs = [
        "Condemns", "Rejects", "Backs", "Warns", "Meets", "Sues", "Praises", "Blocks",
    ];
    let objects = [
        "Attack On Embassy",
        "Budget Deal",
        "New Tariffs",
        "Rival Party",
        "Court Ruling",
    ];
    assert_linear("headline list", 1_000, |n| {
        (0..n)
            .map(|i| {
                let s = subjects[i % subjects.len()];
                let v = verbs[(i / subjects.len()) % verbs.len()];
                let o = objects[(i / 3) % objects.len()];
                format!("{s} {v} {o} After Talks In Round {i}\n")
            })
            .collect()
    });
}

#[test]
fn lines_without_stops_past_the_parsers_word_limit() {
    // Lines of one to four lowercase words in one paragraph, a run of more than 65,535 words
    // at 4n: such a run once hung every word past that on one node, and coding went quadratic.
    let words = [
        "the", "army", "said", "police", "met", "talks", "in", "Paris", "Russia",
    ];
    assert_linear("lines without stops", 30_000, |n| {
        let mut text = String::new();
        for i in 0..n {
            for k in 0..=(i % 4) {
                text.push_str(words[(i * 7 + k * 3) % words.len()]);
                text.push(' ');
            }
            text.push('\n');
        }
        text
    });
}

#[test]
fn one_verb_repeated() {
    assert_linear("one verb repeated", 20_000, |n| "condemned ".repeat(n));
}
