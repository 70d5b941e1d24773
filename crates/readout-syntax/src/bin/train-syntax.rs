//! Trains the tagger and parser from the UD English treebanks and writes the model file.
//!
//! ```text
//! cargo run --release -p readout-syntax --bin train-syntax -- [TREEBANKS] [--out FILE]
//! ```
//! TREEBANKS defaults to `../shared/data/treebanks` beside the repository; FILE to the shipped
//! `crates/readout-syntax/model/en-ud.bin`. The shipped model learns from the EWT and GUM train
//! *and* dev splits (the settings were chosen on dev beforehand, with `--train-only`); the test
//! splits are never read. Options for experiments: `--train-only` (leave the dev splits out,
//! so that `--dev` and `--watch` score held-out text), `--folds K`,
//! `--tagger-epochs N`, `--parser-epochs N`, `--prune T,M,L`, `--explore-from E`,
//! `--explore-rate P`, `--title-rate P`, `--caps-rate P`, `--grouping KIND`, `--mix N`,
//! `--tagger-mix N`, `--quick-margin X`, `--no-quick`, `--tagger-quick-margin X`,
//! `--parser-seed N`, `--jackknife-cache FILE`, `--tagger-only`, `--clusters FINE,COARSE`
//! (`0,0`: no word clusters), `--cluster-min N`, `--no-tagger-clusters`, `--corpus FILE`
//! (repeatable; extra unlabelled JSON Lines text to learn the clusters from, besides the
//! treebank text; none by default: the shipped model's clusters come from the EWT and GUM
//! train and dev splits only. Never pass `../shared/data/corpus`: its files are for benchmarks and
//! evaluation only, and the event evaluation set is drawn from `bbc-2225.jsonl`, so a model
//! trained on them cannot ship); `--dev` scores EWT and GUM dev at the end, `--watch` scores
//! EWT dev after every parser epoch.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use readout_syntax::eval::evaluate;
use readout_syntax::parser::Grouping;
use readout_syntax::read_conllu_file;
use readout_syntax::train::{read_training, tagger_experiment, train_watching, TrainOptions};

fn default_treebanks() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/treebanks"
    ))
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train-syntax: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut treebanks = default_treebanks();
    let mut out = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/model/en-ud.bin"));
    let mut opts = TrainOptions::default();
    let mut dev = false;
    let mut watch = false;
    let mut tagger_only = false;
    // The shipped model learns from the train and dev splits; experiments that score dev pass
    // --train-only.
    let mut with_dev = true;
    let mut corpus: Vec<PathBuf> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--out" => out = PathBuf::from(value()?),
            "--folds" => opts.folds = value()?.parse()?,
            "--jackknife-cache" => opts.jackknife_cache = Some(PathBuf::from(value()?)),
            "--tagger-epochs" => opts.tagger.epochs = value()?.parse()?,
            "--parser-epochs" => opts.parser.epochs = value()?.parse()?,
            "--prune" => {
                let v: Vec<f64> = value()?
                    .split(',')
                    .map(str::parse)
                    .collect::<Result<_, _>>()?;
                opts.prune = v
                    .try_into()
                    .map_err(|_| "--prune needs TAGGER,MOVES,LABELS")?;
            }
            "--mix" => opts.parser.mix = value()?.parse()?,
            "--tagger-quick-margin" => opts.tagger.quick_margin = Some(value()?.parse()?),
            "--no-quick" => opts.parser.quick_margin = None,
            "--tagger-mix" => opts.tagger.mix = value()?.parse()?,
            "--quick-margin" => opts.parser.quick_margin = Some(value()?.parse()?),
            "--parser-seed" => opts.parser.seed = value()?.parse()?,
            "--explore-from" => opts.parser.explore_from = value()?.parse()?,
            "--explore-rate" => opts.parser.explore_rate = value()?.parse()?,
            "--title-rate" => opts.tagger.title_rate = value()?.parse()?,
            "--caps-rate" => opts.tagger.caps_rate = value()?.parse()?,
            "--grouping" => {
                let grouping = match value()?.as_str() {
                    "factored" => Grouping::Factored,
                    "coarse" => Grouping::Coarse,
                    "fine" => Grouping::Fine,
                    "compact" => Grouping::Compact,
                    "coarse7" => Grouping::Coarse7,
                    "joint" => Grouping::Joint,
                    other => return Err(format!("unknown grouping {other}").into()),
                };
                opts.parser.grouping = grouping;
            }
            "--clusters" => {
                let v: Vec<usize> = value()?
                    .split(',')
                    .map(str::parse)
                    .collect::<Result<_, _>>()?;
                match v[..] {
                    [fine, coarse] => {
                        opts.clusters.fine = fine;
                        opts.clusters.coarse = coarse;
                    }
                    _ => return Err("--clusters needs FINE,COARSE (0,0: none)".into()),
                }
            }
            "--no-tagger-clusters" => opts.tagger.clusters = false,
            "--cluster-min" => opts.clusters.min_count = value()?.parse()?,
            "--corpus" => corpus.push(PathBuf::from(value()?)),
            "--dev" => dev = true,
            "--train-only" => with_dev = false,
            "--watch" => watch = true,
            "--tagger-only" => tagger_only = true,
            "-h" | "--help" => {
                println!("usage: train-syntax [TREEBANKS] [--out FILE] [--train-only] [--dev] [options]; see the source");
                println!(
                    "word clusters are learnt from the EWT and GUM train and dev text only, unless \
                     --corpus FILE adds unlabelled text; never pass ../shared/data/corpus \
                     (benchmark and evaluation text only: a model trained on it cannot ship)"
                );
                return Ok(());
            }
            s if s.starts_with('-') => return Err(format!("unknown option {s}").into()),
            _ => treebanks = PathBuf::from(arg),
        }
    }
    // No unlabelled text by default: the clusters come from the treebank text only.
    opts.corpus = corpus;
    let start = Instant::now();
    if with_dev && (dev || watch || tagger_only) {
        eprintln!(
            "train-syntax: note: the dev splits are in the training data; pass --train-only \
             for dev scores that mean something"
        );
    }
    let mut sentences = read_training(&treebanks)?;
    if with_dev {
        for file in readout_syntax::train::DEV_FILES {
            sentences.extend(read_conllu_file(treebanks.join(file))?);
        }
    }
    if tagger_only {
        let dev = read_conllu_file(treebanks.join("en_ewt-ud-dev.conllu.gz"))?;
        tagger_experiment(&sentences, &dev, &opts, &mut |line| {
            eprintln!("[{:6.0} s] {line}", start.elapsed().as_secs_f64())
        });
        return Ok(());
    }
    let watched = match watch {
        true => Some(read_conllu_file(treebanks.join("en_ewt-ud-dev.conllu.gz"))?),
        false => None,
    };
    let parser = train_watching(&sentences, watched.as_deref(), &opts, &mut |line| {
        eprintln!("[{:6.0} s] {line}", start.elapsed().as_secs_f64())
    });
    let bytes = parser.to_bytes();
    std::fs::write(&out, &bytes)?;
    eprintln!(
        "wrote {} ({:.2} MB) in {:.0} s",
        out.display(),
        bytes.len() as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    if dev {
        let ewt = read_conllu_file(treebanks.join("en_ewt-ud-dev.conllu.gz"))?;
        let gum = read_conllu_file(treebanks.join("en_gum-ccby-ud-dev.conllu.gz"))?;
        let (a, b) = (evaluate(&parser, &ewt), evaluate(&parser, &gum));
        println!("EWT dev: {}", a.summary());
        println!("GUM dev: {}", b.summary());
        let words = (a.words + b.words) as f64;
        println!(
            "both dev: UPOS {:.2} UAS {:.2} LAS {:.2}",
            100.0 * (a.upos + b.upos) as f64 / words,
            100.0 * (a.uas + b.uas) as f64 / words,
            100.0 * (a.las + b.las) as f64 / words
        );
    }
    Ok(())
}
