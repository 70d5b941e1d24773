//! `readout code`, `readout explain` and `readout lexicon`.

use crate::pipeline::{builder, to_json_line, Pipeline};
use crate::LexiconArgs;
use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use readout_doc::Date;
use readout_ingest::input::Format;
use readout_ingest::input::Item;
use readout_lexicon::LexiconBuilder;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

fn parse_date(date: Option<&str>) -> Result<Option<Date>> {
    date.map(|d| Date::parse(d).with_context(|| format!("--date {d}")))
        .transpose()
}

pub(crate) fn read_input(path: &Path) -> Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("reading standard input")?;
        return Ok(buf);
    }
    if path.is_dir() {
        bail!("{} is a directory", path.display());
    }
    readout_ingest::read_file(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Files to read: each input, and the files below each directory (sorted, hidden ones left out).
fn expand(inputs: &[PathBuf]) -> Vec<(PathBuf, Option<std::io::Error>)> {
    let mut out = Vec::new();
    for input in inputs {
        if !input.is_dir() {
            out.push((input.clone(), None));
            continue;
        }
        let mut stack = vec![input.clone()];
        let mut files = Vec::new();
        while let Some(dir) = stack.pop() {
            match std::fs::read_dir(&dir) {
                Ok(entries) => {
                    for entry in entries.flatten() {
                        let path = entry.path();
                        if path
                            .file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                        {
                            continue;
                        }
                        if path.is_dir() {
                            stack.push(path);
                        } else {
                            files.push(path);
                        }
                    }
                }
                Err(e) => out.push((dir, Some(e))),
            }
        }
        files.sort();
        out.extend(files.into_iter().map(|f| (f, None)));
    }
    out
}

/// Runs `f`, turning a panic (a bug in readout) into an error for this one input, so that one
/// bad record never stops a batch.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        let msg = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("unknown panic");
        format!("internal error while coding (please report this input): {msg}")
    })
}

/// Documents coded per parallel batch.
const BATCH: usize = 64;

/// What became of one input item.
enum Outcome {
    Coded { line: Vec<u8>, events: usize },
    Failed(String),
    Skipped(String),
}

/// Codes one item (on any thread): a document becomes its JSON line.
fn code_item(pipeline: &Pipeline, name: &str, item: Item) -> Outcome {
    match item {
        Item::Document(mut doc) => match guarded(|| pipeline.code(&mut doc, None)) {
            Ok(()) => {
                let mut line = Vec::with_capacity(doc.text.len() * 3);
                to_json_line(&doc, &mut line);
                Outcome::Coded {
                    line,
                    events: doc.events.len(),
                }
            }
            Err(e) => Outcome::Failed(format!("{name}: {}: {e}", doc.id)),
        },
        Item::Skipped {
            at,
            reason,
            error: true,
        } => Outcome::Failed(format!("{at}: {reason}")),
        Item::Skipped {
            reason,
            error: false,
            ..
        } => Outcome::Skipped(reason),
    }
}

/// Counts for the closing summary.
#[derive(Default)]
struct Summary {
    documents: usize,
    events: usize,
    failed: usize,
    /// Deliberate skips by reason ("request record", "not HTML").
    skipped: std::collections::BTreeMap<String, usize>,
}

impl Summary {
    fn line(&self) -> String {
        let skipped: usize = self.skipped.values().sum();
        let mut reasons: Vec<(&String, &usize)> = self.skipped.iter().collect();
        reasons.sort_by(|a, b| b.1.cmp(a.1));
        let reasons: Vec<String> = reasons
            .iter()
            .take(6)
            .map(|(r, n)| format!("{n} {r}"))
            .collect();
        let detail = if reasons.is_empty() {
            String::new()
        } else {
            format!(" ({})", reasons.join(", "))
        };
        format!(
            "readout: {} document(s) coded, {} event(s), {} skipped{detail}, {} input(s) or record(s) failed",
            self.documents, self.events, skipped, self.failed
        )
    }
}

pub fn run(
    inputs: &[PathBuf],
    output: Option<&Path>,
    date: Option<&str>,
    format: Format,
    lexicon: &LexiconArgs,
) -> Result<ExitCode> {
    let date = parse_date(date)?;
    let pipeline = Pipeline::load(lexicon)?;
    // Panics are caught per document and reported as errors below; keep the default hook quiet.
    std::panic::set_hook(Box::new(|_| {}));
    let stdin = [PathBuf::from("-")];
    let inputs = if inputs.is_empty() {
        &stdin[..]
    } else {
        inputs
    };
    let sink: Box<dyn Write> = match output {
        Some(p) => Box::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 16, sink);
    let furniture = pipeline.furniture();
    let opts = readout_ingest::input::Options {
        cues: &pipeline.cues,
        furniture: &furniture,
        date,
    };
    let files = expand(inputs);
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    let progress = crate::progress::Progress::new(files.iter().map(|(f, _)| size(f)).sum());
    let mut summary = Summary::default();
    for (path, dir_error) in files {
        let name = if path.as_os_str() == "-" {
            "<stdin>".to_string()
        } else {
            path.display().to_string()
        };
        if let Some(e) = dir_error {
            progress.println(&format!("readout: {name}: cannot read directory: {e}"));
            summary.failed += 1;
            continue;
        }
        let reader = match readout_ingest::input::open(&path) {
            Ok(r) => r,
            Err(e) => {
                progress.println(&format!("readout: {name}: cannot read: {e}"));
                summary.failed += 1;
                continue;
            }
        };
        // Documents are coded in parallel batches; output keeps the input order, and memory
        // stays bounded by the batch.
        let mut items = readout_ingest::input::items(&name, reader, format, &opts);
        loop {
            let batch: Vec<Item> = items.by_ref().take(BATCH).collect();
            if batch.is_empty() {
                break;
            }
            let outcomes: Vec<Outcome> = batch
                .into_par_iter()
                .map(|item| code_item(&pipeline, &name, item))
                .collect();
            for outcome in outcomes {
                match outcome {
                    Outcome::Coded { line, events } => {
                        summary.documents += 1;
                        summary.events += events;
                        out.write_all(&line).context("writing output")?;
                        progress.document(summary.documents);
                    }
                    Outcome::Failed(message) => {
                        progress.println(&format!("readout: {message}"));
                        summary.failed += 1;
                    }
                    Outcome::Skipped(reason) => {
                        *summary
                            .skipped
                            .entry(reason.split(" (").next().unwrap_or(&reason).to_string())
                            .or_default() += 1;
                    }
                }
            }
        }
        progress.file_done(size(&path));
    }
    out.flush().context("writing output")?;
    progress.finish();
    eprintln!("{}", summary.line());
    Ok(if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn explain(
    text: Option<&str>,
    file: Option<&Path>,
    date: Option<&str>,
    lexicon: &LexiconArgs,
) -> Result<ExitCode> {
    let date = parse_date(date)?;
    let pipeline = Pipeline::load(lexicon)?;
    let mut doc = match (text, file) {
        (Some(t), None) => readout_ingest::document_from_json(
            &serde_json::json!({ "id": "explain", "text": t }).to_string(),
            "explain",
            date,
            &pipeline.cues,
        )?,
        (None, Some(f)) => {
            let bytes = read_input(f)?;
            let text =
                readout_ingest::decode_text(&bytes).with_context(|| f.display().to_string())?;
            readout_ingest::document_from_text(&f.display().to_string(), text, date, &pipeline.cues)
        }
        _ => bail!("give a sentence or --file FILE (not both)"),
    };
    let mut trace = readout_coder::Trace::default();
    pipeline.code(&mut doc, Some(&mut trace));
    let mut out = std::io::stdout().lock();
    for line in &trace.lines {
        writeln!(out, "{line}")?;
    }
    writeln!(out, "events:")?;
    for e in &doc.events {
        let target = e
            .target
            .as_ref()
            .map(|t| format!("{} ({:?})", t.code, doc.slice(t.span)))
            .unwrap_or_else(|| "-".into());
        let date = e
            .date
            .map(|d| {
                format!(
                    "{} ({}{})",
                    d.date,
                    d.precision.as_str(),
                    d.span
                        .map(|s| format!(", {:?}", doc.slice(s)))
                        .unwrap_or_else(|| ", publication date".into())
                )
            })
            .unwrap_or_else(|| "-".into());
        writeln!(
            out,
            "  [{}] {} {} ({:?}) → {}: {:?}, {} {}, date {}, place {}{}{}",
            e.sentence,
            e.code,
            e.source.code,
            doc.slice(e.source.span),
            target,
            doc.slice(e.trigger),
            if e.negated { "NEGATED," } else { "" },
            e.modality.as_str(),
            date,
            e.location.as_ref().map(|l| l.name.as_str()).unwrap_or("-"),
            e.attribution
                .as_ref()
                .map(|a| format!(", according to {:?}", doc.slice(a.span)))
                .unwrap_or_default(),
            format!(", Goldstein {}", e.goldstein),
        )?;
    }
    if !doc.quotes.is_empty() {
        writeln!(out, "quotes:")?;
        for q in &doc.quotes {
            let who = q
                .speaker
                .map(|s| doc.actors[s as usize].name.as_str())
                .unwrap_or("?");
            writeln!(out, "  [{}] {who}: {:?}", q.sentence, doc.slice(q.span))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn builder_for(dir: Option<&Path>, args: &LexiconArgs) -> Result<LexiconBuilder> {
    match dir {
        Some(d) => Ok(LexiconBuilder::new().add_path(d)?),
        None => builder(args),
    }
}

pub fn lexicon_check(dir: Option<&Path>, args: &LexiconArgs) -> Result<ExitCode> {
    let (_, problems) = builder_for(dir, args)?.check();
    let errors = problems.iter().filter(|p| !p.warning).count();
    for p in &problems {
        println!("{p}");
    }
    println!(
        "{} error(s), {} warning(s)",
        errors,
        problems.len() - errors
    );
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn lexicon_stats(dir: Option<&Path>, args: &LexiconArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let (lex, problems) = builder_for(dir, args)?.check();
    let elapsed = started.elapsed();
    for (kind, n) in lex.stats().counts {
        println!("{kind:>26}: {n}");
    }
    println!("{:>26}: {}", "distinct words", lex.stats().words);
    println!(
        "{:>26}: {:.1} ms",
        "load and compile time",
        elapsed.as_secs_f64() * 1000.0
    );
    if !problems.is_empty() {
        println!(
            "{:>26}: {} (see `readout lexicon check`)",
            "problems",
            problems.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}
