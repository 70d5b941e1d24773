//! `readout bench`: coding throughput on one thread over JSON Lines corpora.

use crate::pipeline::{to_json_line, Pipeline};
use anyhow::{bail, Context, Result};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

pub fn run(inputs: &[PathBuf], repeat: usize) -> Result<ExitCode> {
    if inputs.is_empty() {
        bail!("give one or more JSON Lines files (for example ../shared/data/corpus/bench-bodies-181.jsonl)");
    }
    let load = Instant::now();
    let pipeline = Pipeline::load(&crate::LexiconArgs::default())?;
    let load_ms = load.elapsed().as_secs_f64() * 1000.0;
    let mut lines = Vec::new();
    for p in inputs {
        let text =
            std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?;
        lines.extend(
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string),
        );
    }
    let bytes: usize = lines.iter().map(String::len).sum();
    let mut events = 0;
    let mut out = Vec::with_capacity(1 << 20);
    let started = Instant::now();
    for _ in 0..repeat.max(1) {
        for (i, line) in lines.iter().enumerate() {
            let doc = pipeline
                .code_json_line(line, &i.to_string(), None)
                .map_err(|e| anyhow::anyhow!("record {}: {e}", i + 1))?;
            events += doc.events.len();
            out.clear();
            to_json_line(&doc, &mut out);
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let n = repeat.max(1);
    let mb = (bytes * n) as f64 / 1e6;
    println!("lexicon load: {load_ms:.1} ms");
    println!(
        "coded {} documents ({:.2} MB of JSON Lines) {} time(s) in {:.3} s on one thread: {:.2} MB/s, {:.0} documents/s, {} events",
        lines.len(), bytes as f64 / 1e6, n, secs, mb / secs, (lines.len() * n) as f64 / secs, events / n
    );
    Ok(ExitCode::SUCCESS)
}
