//! `readout bench`: coding throughput on one thread over JSON Lines corpora.

use anyhow::{bail, Context, Result};
use readout::{write_json_line, Pipeline};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

pub fn run(inputs: &[PathBuf], repeat: usize) -> Result<ExitCode> {
    if inputs.is_empty() {
        bail!("give one or more JSON Lines files (for example ../shared/data/corpus/bench-bodies-181.jsonl)");
    }
    let load = Instant::now();
    let pipeline = Pipeline::embedded()?;
    let load_ms = load.elapsed().as_secs_f64() * 1000.0;
    // The parser model is decoded once per process, on first use: time it apart too.
    let load = Instant::now();
    readout_syntax::Parser::embedded();
    let model_ms = load.elapsed().as_secs_f64() * 1000.0;
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
            write_json_line(&doc, &mut out);
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let n = repeat.max(1);
    let mb = (bytes * n) as f64 / 1e6;
    println!("lexicon load: {load_ms:.1} ms; parser model load: {model_ms:.1} ms");
    println!(
        "coded {} documents ({:.2} MB of JSON Lines) {} time(s) in {:.3} s on one thread: {:.2} MB/s, {:.0} documents/s, {} events",
        lines.len(), bytes as f64 / 1e6, n, secs, mb / secs, (lines.len() * n) as f64 / secs, events / n
    );
    if let Some(peak) = peak_memory_mb() {
        println!("peak memory: {peak:.0} MB (lexicon, parser model, the corpus and the largest document's analysis)");
    }
    Ok(ExitCode::SUCCESS)
}

/// The process's peak resident memory in MB, where the system tells it (Linux: `VmHWM`).
fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024.0 / 1e6)
}

/// HTML pages held in memory (decompressed), extracted and then extracted and coded: the
/// throughput of readout's web path, with no I/O in the timing.
pub fn run_html(inputs: &[PathBuf], repeat: usize) -> Result<ExitCode> {
    if inputs.is_empty() {
        bail!("give HTML files (for example ../shared/data/extraction-bench/html/*.html.gz)");
    }
    let pipeline = Pipeline::embedded()?;
    // Decode the parser model before timing (it is decoded once per process).
    readout_syntax::Parser::embedded();
    let mut pages = Vec::new();
    for p in inputs {
        pages.push(
            readout_ingest::read_file(p).with_context(|| format!("cannot read {}", p.display()))?,
        );
    }
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let n = repeat.max(1);
    let info = readout_html::PageInfo {
        url: None,
        content_type: None,
        furniture: pipeline.furniture(),
        comments: false,
    };
    let started = Instant::now();
    let mut chars = 0;
    for _ in 0..n {
        for page in &pages {
            chars += readout_html::extract(page, &info).body().len();
        }
    }
    let extract_secs = started.elapsed().as_secs_f64();
    let opts = pipeline.ingest_options(None);
    let started = Instant::now();
    let mut events = 0;
    let mut out = Vec::with_capacity(1 << 20);
    for _ in 0..n {
        for (i, page) in pages.iter().enumerate() {
            let mut doc = readout_ingest::input::document_from_html(
                i.to_string(),
                page,
                None,
                None,
                None,
                &opts,
            );
            pipeline.code(&mut doc, None);
            events += doc.events.len();
            out.clear();
            write_json_line(&doc, &mut out);
        }
    }
    let code_secs = started.elapsed().as_secs_f64();
    let mb = (bytes * n) as f64 / 1e6;
    let docs = (pages.len() * n) as f64;
    println!(
        "{} pages, {:.2} MB of HTML, {n} time(s), one thread:",
        pages.len(),
        bytes as f64 / 1e6
    );
    println!(
        "  extract:          {:.3} s, {:.1} MB/s, {:.0} pages/s ({} characters of body per pass)",
        extract_secs,
        mb / extract_secs,
        docs / extract_secs,
        chars / n
    );
    println!(
        "  extract and code: {:.3} s, {:.1} MB/s, {:.0} pages/s, {} events per pass",
        code_secs,
        mb / code_secs,
        docs / code_secs,
        events / n
    );
    Ok(ExitCode::SUCCESS)
}
