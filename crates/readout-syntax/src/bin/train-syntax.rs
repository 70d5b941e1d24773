//! Trains the tagger and parser from the UD English treebanks and writes the model file.
//!
//! ```text
//! cargo run --release -p readout-syntax --bin train-syntax -- [TREEBANKS] [--out FILE]
//! ```
//! TREEBANKS defaults to `../shared/data/treebanks` beside the repository; FILE to the shipped
//! `crates/readout-syntax/model/en-ud.bin`. Options for experiments: `--folds K`,
//! `--tagger-epochs N`, `--parser-epochs N`, `--prune T,M,L`, `--explore-from E`,
//! `--explore-rate P`, `--title-rate P`, `--caps-rate P`, `--grouping KIND`, `--mix N`,
//! `--tagger-mix N`, `--quick-margin X`, `--no-quick`, `--tagger-quick-margin X`,
//! `--parser-seed N`, `--jackknife-cache FILE`, `--tagger-only`; `--dev` scores EWT and GUM dev
//! at the end, `--watch` scores EWT dev after every parser epoch.

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
            "--dev" => dev = true,
            "--watch" => watch = true,
            "--tagger-only" => tagger_only = true,
            "-h" | "--help" => {
                println!("usage: train-syntax [TREEBANKS] [--out FILE] [--dev] [options]; see the source");
                return Ok(());
            }
            s if s.starts_with('-') => return Err(format!("unknown option {s}").into()),
            _ => treebanks = PathBuf::from(arg),
        }
    }
    let start = Instant::now();
    let sentences = read_training(&treebanks)?;
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
