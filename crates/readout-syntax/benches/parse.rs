//! Tagging and parsing speed on real text, one thread.
//!
//! `cargo bench -p readout-syntax` (divan). Inputs: the words of EWT test (gold tokenisation) and
//! the news articles of `shared/data/corpus/bench-bodies-181.jsonl` split crudely into
//! sentences and words (see `readout_syntax::sample`). Throughput is reported in words
//! ("items") per second. Without the shared data beside the repository, a built-in paragraph
//! stands in.

use std::path::PathBuf;

use divan::counter::ItemsCount;
use divan::Bencher;
use readout_syntax::sample::{crude_sentences, jsonl_texts};
use readout_syntax::{read_conllu_file, Parser, Scratch};

fn main() {
    divan::main();
}

fn shared() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"))
}

const FALLBACK: &str = "Chinese Foreign Minister Wang Yi met Russian Security Council Secretary \
Sergei Shoigu in Beijing on Monday, the ministry said. The two officials agreed to deepen \
cooperation, according to a statement. NATO has accused China of supporting Russia's war \
effort, which Beijing denies. \"We will never accept such claims,\" a spokesman told reporters.";

fn ewt_test() -> Vec<Vec<String>> {
    match read_conllu_file(shared().join("treebanks/en_ewt-ud-test.conllu.gz")) {
        Ok(sentences) => sentences.into_iter().map(|s| s.words).collect(),
        Err(_) => crude_sentences(FALLBACK),
    }
}

fn news() -> Vec<Vec<String>> {
    match jsonl_texts(shared().join("corpus/bench-bodies-181.jsonl")) {
        Ok(texts) => texts.iter().flat_map(|t| crude_sentences(t)).collect(),
        Err(_) => crude_sentences(FALLBACK),
    }
}

fn run(bencher: Bencher, sentences: Vec<Vec<String>>) {
    let parser = Parser::embedded();
    let refs: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.iter().map(String::as_str).collect())
        .collect();
    let words: usize = refs.iter().map(Vec::len).sum();
    let mut scratch = Scratch::default();
    let mut out = Vec::new();
    bencher.counter(ItemsCount::new(words)).bench_local(|| {
        for s in &refs {
            parser.parse(s, &mut scratch, &mut out);
        }
        out.len()
    });
}

/// All of EWT test, tagged and parsed.
#[divan::bench(sample_count = 10)]
fn ewt_test_words(bencher: Bencher) {
    run(bencher, ewt_test());
}

/// 181 news articles (about 150,000 words), tagged and parsed.
#[divan::bench(sample_count = 5)]
fn news_sentences(bencher: Bencher) {
    run(bencher, news());
}

/// Decoding the embedded model (what the first call to `Parser::embedded` costs).
#[divan::bench(sample_count = 3)]
fn load_model() -> Parser {
    Parser::from_bytes(include_bytes!("../model/en-ud.bin")).expect("model")
}
