//! Scores the model on the UD test sets (gold tokenisation, predicted tags, every word counted)
//! and measures its speed.
//!
//! ```text
//! cargo run --release -p readout-syntax --bin eval-syntax -- [TREEBANKS] [--model FILE] [--dev] [--bench]
//! ```
//! Without `--model`, the embedded model. `--dev` adds EWT dev (also with gold tags, in title
//! case and in capitals) and GUM dev; `--bench` times tagging and parsing on EWT test words and
//! on news sentences from `../shared/data/corpus/bench-bodies-181.jsonl` (split crudely).
//! For experiments: `--prune T,M,L` drops small weights first, `--quick-margin X|off` changes
//! the parser's cascade, `--write FILE` writes EWT dev as parsed, in CoNLL-U.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use readout_syntax::eval::{evaluate, title_cased, upper_cased};
use readout_syntax::sample::{crude_sentences, jsonl_texts};
use readout_syntax::{read_conllu_file, Parser, Scratch, Sentence};

fn shared() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"))
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("eval-syntax: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut treebanks = shared().join("treebanks");
    let mut model: Option<PathBuf> = None;
    let (mut dev, mut bench) = (false, false);
    let mut prune: Option<Vec<f64>> = None;
    let mut write: Option<PathBuf> = None;
    let mut quick: Option<String> = None;
    let mut tagger_quick: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--model" => model = Some(args.next().ok_or("--model needs a file")?.into()),
            "--dev" => dev = true,
            "--tagger-quick-margin" => {
                tagger_quick = Some(args.next().ok_or("--tagger-quick-margin needs a value")?)
            }
            "--quick-margin" => quick = Some(args.next().ok_or("--quick-margin needs a value")?),
            "--write" => write = Some(args.next().ok_or("--write needs a file")?.into()),
            "--prune" => {
                let v = args.next().ok_or("--prune needs TAGGER,MOVES,LABELS")?;
                prune = Some(v.split(',').map(str::parse).collect::<Result<_, _>>()?);
            }
            "--bench" => bench = true,
            s if s.starts_with('-') => return Err(format!("unknown option {s}").into()),
            _ => treebanks = PathBuf::from(arg),
        }
    }
    let start = Instant::now();
    let owned;
    let parser: &Parser = match &model {
        Some(path) => {
            owned = Parser::from_bytes(&std::fs::read(path)?)?;
            &owned
        }
        None => Parser::embedded(),
    };
    let margined;
    let parser: &Parser = match (quick, tagger_quick) {
        (None, None) => parser,
        (quick, tagger_quick) => {
            let mut p = parser.clone();
            let margin = |v: &str| -> Result<Option<f64>, std::num::ParseFloatError> {
                if v == "off" {
                    Ok(None)
                } else {
                    v.parse().map(Some)
                }
            };
            if let Some(v) = quick {
                if !p.set_quick_margin(margin(&v)?) {
                    return Err("the parser has no cascade".into());
                }
            }
            if let Some(v) = tagger_quick {
                if !p.set_tagger_quick_margin(margin(&v)?) {
                    return Err("the tagger has no cascade".into());
                }
            }
            margined = p;
            &margined
        }
    };
    let pruned;
    let parser: &Parser = match prune.as_deref() {
        Some([t, m, l]) => {
            pruned = parser.pruned(*t, *m, *l);
            let bytes = pruned.to_bytes().len();
            println!("pruned model: {:.2} MB", bytes as f64 / 1e6);
            &pruned
        }
        Some(_) => return Err("--prune needs three numbers".into()),
        None => parser,
    };
    println!(
        "lexicon {} words; rows: tagger {}, moves {}, labels {}",
        parser.sizes()[0],
        parser.sizes()[1],
        parser.sizes()[2],
        parser.sizes()[3]
    );
    println!(
        "model loaded in {:.0} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
    let read = |name: &str| read_conllu_file(treebanks.join(name));
    let ewt_test = read("en_ewt-ud-test.conllu.gz")?;
    let gum_test = read("en_gum-ccby-ud-test.conllu.gz")?;
    let pud = read("en_pud-ud-test.conllu.gz")?;
    let news: Vec<Sentence> = gum_test
        .iter()
        .filter(|s| s.doc.contains("news"))
        .cloned()
        .collect();
    let show = |name: &str, sentences: &[Sentence]| {
        println!("{name:<22} {}", evaluate(parser, sentences).summary());
    };
    show("EWT test", &ewt_test);
    show("GUM test", &gum_test);
    show("GUM test, news docs", &news);
    show("PUD test", &pud);
    if dev {
        let ewt_dev = read("en_ewt-ud-dev.conllu.gz")?;
        show("EWT dev", &ewt_dev);
        println!(
            "{:<22} {}",
            "EWT dev, gold tags",
            readout_syntax::eval::evaluate_gold_tags(parser, &ewt_dev).summary()
        );
        let titled: Vec<Sentence> = ewt_dev.iter().map(title_cased).collect();
        show("EWT dev, Title Case", &titled);
        let caps: Vec<Sentence> = ewt_dev.iter().map(upper_cased).collect();
        show("EWT dev, CAPITALS", &caps);
        show("GUM dev", &read("en_gum-ccby-ud-dev.conllu.gz")?);
    }
    if let Some(path) = &write {
        // EWT dev parsed, for error analysis.
        let ewt_dev = read("en_ewt-ud-dev.conllu.gz")?;
        let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
        let mut scratch = Scratch::default();
        let mut parse = Vec::new();
        for s in &ewt_dev {
            parser.parse(&s.word_refs(), &mut scratch, &mut parse);
            readout_syntax::write_conllu(&s.word_refs(), &parse, &mut out)?;
        }
    }
    if bench {
        let words: Vec<Vec<String>> = ewt_test.iter().map(|s| s.words.clone()).collect();
        speed(parser, "EWT test words", &words);
        let corpus = shared().join("corpus/bench-bodies-181.jsonl");
        match jsonl_texts(&corpus) {
            Ok(texts) => {
                let bytes: usize = texts.iter().map(String::len).sum();
                let sentences: Vec<Vec<String>> =
                    texts.iter().flat_map(|t| crude_sentences(t)).collect();
                let secs = speed(parser, "news sentences", &sentences);
                println!(
                    "  = {:.2} MB/s of article text ({:.0} ms per MB)",
                    bytes as f64 / 1e6 / secs,
                    secs * 1e3 / (bytes as f64 / 1e6)
                );
            }
            Err(e) => println!("news benchmark skipped: {}: {e}", display(&corpus)),
        }
    }
    Ok(())
}

/// This thread's CPU time in seconds (user and system), where Linux tells it.
fn thread_cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    // After the name: state is field 3, utime 14 and stime 15 (clock ticks, normally 100/s).
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn display(p: &Path) -> String {
    p.display().to_string()
}

/// Parses `sentences` repeatedly for about two seconds; prints and returns seconds per pass.
fn speed(parser: &Parser, name: &str, sentences: &[Vec<String>]) -> f64 {
    let refs: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.iter().map(String::as_str).collect())
        .collect();
    let words: usize = refs.iter().map(Vec::len).sum();
    let mut scratch = Scratch::default();
    let mut out = Vec::new();
    // One warm-up pass, then timed passes.
    for s in &refs {
        parser.parse(s, &mut scratch, &mut out);
    }
    let start = Instant::now();
    let cpu_start = thread_cpu_secs();
    let mut passes = 0;
    while passes < 3 || start.elapsed().as_secs_f64() < 2.0 {
        for s in &refs {
            parser.parse(s, &mut scratch, &mut out);
        }
        passes += 1;
    }
    let secs = start.elapsed().as_secs_f64() / passes as f64;
    if let (Some(a), Some(b)) = (cpu_start, thread_cpu_secs()) {
        // On a busy machine the wall clock also counts time the thread waited for a core.
        println!(
            "  by CPU time: {:.0} words/s",
            words as f64 * passes as f64 / (b - a).max(1e-9)
        );
    }
    let tag_start = Instant::now();
    let mut tagged = 0;
    for _ in 0..passes {
        for s in &refs {
            tagged += parser.tag_only(s, &mut scratch);
        }
    }
    let tag_secs = tag_start.elapsed().as_secs_f64() / passes as f64;
    println!(
        "  tagging alone: {:.0} words/s ({:.0}% of the time)",
        tagged as f64 / passes as f64 / tag_secs,
        100.0 * tag_secs / secs
    );
    println!(
        "speed, {name}: {:.0} words/s ({} sentences, {} words, {:.1} ms per pass, one thread)",
        words as f64 / secs,
        refs.len(),
        words,
        secs * 1e3
    );
    secs
}
