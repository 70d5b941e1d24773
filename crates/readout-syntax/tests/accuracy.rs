//! Accuracy of the embedded model on the UD test sets (gold tokenisation, the model's own tags,
//! every word counted, punctuation included; LAS on universal relations, CoNLL 2018 style).
//!
//! Needs the treebanks in `../shared/data/treebanks` beside the repository, so it is ignored by
//! a plain `cargo test` and run by `.ci/run` (`--include-ignored`). The floors sit a little under what the shipped model scores
//! (see the crate's README section), so a regression fails the build.

use std::path::PathBuf;

use readout_syntax::eval::{evaluate, title_cased, Scores};
use readout_syntax::{read_conllu_file, Parser};

fn treebanks() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/treebanks"
    ))
}

fn check(name: &str, scores: &Scores, upos: f64, uas: f64, las: f64) {
    println!("{name}: {}", scores.summary());
    assert!(
        scores.upos_pct() >= upos,
        "{name}: UPOS {:.2} < {upos}",
        scores.upos_pct()
    );
    assert!(
        scores.uas_pct() >= uas,
        "{name}: UAS {:.2} < {uas}",
        scores.uas_pct()
    );
    assert!(
        scores.las_pct() >= las,
        "{name}: LAS {:.2} < {las}",
        scores.las_pct()
    );
}

#[test]
#[ignore = "needs ../shared"]
fn accuracy_on_the_test_sets() {
    let dir = treebanks();
    assert!(
        dir.join("en_ewt-ud-test.conllu.gz").exists(),
        "this test needs the treebanks in {}",
        dir.display()
    );
    let parser = Parser::embedded();
    let read = |name: &str| read_conllu_file(dir.join(name)).expect("treebank");

    let ewt = read("en_ewt-ud-test.conllu.gz");
    // The shipped model: UPOS 95.56, UAS 86.22, LAS 83.09 (the issue asks for 95, 86 and 82).
    check("EWT test", &evaluate(parser, &ewt), 95.3, 86.0, 82.8);

    let gum = read("en_gum-ccby-ud-test.conllu.gz");
    check("GUM test", &evaluate(parser, &gum), 95.9, 84.7, 81.6);

    let pud = read("en_pud-ud-test.conllu.gz");
    check("PUD test", &evaluate(parser, &pud), 95.4, 84.2, 81.0);

    // Headlines: the same sentences in title case must stay usable (the shipped model: UPOS
    // 94.64, UAS 86.10, LAS 82.84). EWT test, not dev: the shipped model learnt from dev.
    let titled: Vec<_> = ewt.iter().map(title_cased).collect();
    check(
        "EWT test, title case",
        &evaluate(parser, &titled),
        94.3,
        85.8,
        82.5,
    );
}
