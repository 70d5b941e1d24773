//! Trains the tagger and parser from the UD English treebanks and writes the model file.
//!
//! ```text
//! cargo run --release -p readout-syntax --bin train-syntax -- [TREEBANKS] [--out FILE]
//! ```
//! TREEBANKS defaults to `../shared/data/treebanks` beside the repository; FILE to the shipped
//! `crates/readout-syntax/model/en-ud.bin`. Options for experiments: `--folds K`,
//! `--tagger-epochs N`, `--parser-epochs N`, `--prune-tagger X`, `--prune-moves X`,
//! `--prune-labels X`, `--explore-from E`, `--explore-rate P`, `--title-rate P`,
//! `--caps-rate P`, `--dev` (score EWT dev at the end), `--watch` (score EWT dev after every
//! parser epoch).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use readout_syntax::eval::evaluate;
use readout_syntax::read_conllu_file;
use readout_syntax::train::{read_training, train_watching, TrainOptions};

fn default_treebanks() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/treebanks"))
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
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--out" => out = PathBuf::from(value()?),
            "--folds" => opts.folds = value()?.parse()?,
            "--tagger-epochs" => opts.tagger.epochs = value()?.parse()?,
            "--parser-epochs" => opts.parser.epochs = value()?.parse()?,
            "--prune-tagger" => opts.tagger.prune = value()?.parse()?,
            "--prune-moves" => opts.parser.prune_moves = value()?.parse()?,
            "--prune-labels" => opts.parser.prune_labels = value()?.parse()?,
            "--explore-from" => opts.parser.explore_from = value()?.parse()?,
            "--explore-rate" => opts.parser.explore_rate = value()?.parse()?,
            "--title-rate" => opts.tagger.title_rate = value()?.parse()?,
            "--caps-rate" => opts.tagger.caps_rate = value()?.parse()?,
            "--dev" => dev = true,
            "--watch" => watch = true,
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
        let dev = read_conllu_file(treebanks.join("en_ewt-ud-dev.conllu.gz"))?;
        println!("EWT dev: {}", evaluate(&parser, &dev).summary());
    }
    Ok(())
}
