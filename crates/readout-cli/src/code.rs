//! `readout code`, `readout explain` and `readout lexicon`.

use crate::LexiconArgs;
use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use readout::{guarded, write_json_line, Date, Format, Outcome, Pipeline};
use readout_ingest::input::{Options, Record};
use readout_lexicon::LexiconBuilder;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

fn parse_date(date: Option<&str>) -> Result<Option<Date>> {
    date.map(|d| Date::parse(d).with_context(|| format!("--date {d}")))
        .transpose()
}

pub(crate) fn read_input(path: &Path) -> Result<Vec<u8>> {
    if path.is_dir() {
        bail!("{} is a directory", path.display());
    }
    let name = if path.as_os_str() == "-" {
        "standard input".to_string()
    } else {
        path.display().to_string()
    };
    readout_ingest::read_file(path).with_context(|| format!("cannot read {name}"))
}

/// Files to read: each input, and the files below each directory (sorted, hidden ones left out).
pub(crate) fn expand(inputs: &[PathBuf]) -> Vec<(PathBuf, Option<std::io::Error>)> {
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

/// The name of an input in messages.
pub(crate) fn input_name(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// Documents coded per parallel batch.
const BATCH: usize = 64;

/// What a record comes to in the output: its JSON line, or what to report.
enum Written {
    Coded {
        line: Vec<u8>,
        events: usize,
        /// In another language than the one coded: sentences only.
        uncoded_language: bool,
    },
    Other(Outcome),
}

/// Codes one record (on any thread) and serialises its documents.
fn code_record(pipeline: &Pipeline, opts: &Options, record: Record) -> Vec<Written> {
    pipeline
        .code_record(record, opts)
        .into_iter()
        .map(|outcome| match outcome {
            Outcome::Document(doc) => {
                let mut line = Vec::with_capacity(doc.text.len() * 3);
                write_json_line(&doc, &mut line);
                Written::Coded {
                    line,
                    events: doc.events.len(),
                    uncoded_language: !readout::is_coded_language(&doc),
                }
            }
            other => Written::Other(other),
        })
        .collect()
}

/// Counts for the closing summary.
#[derive(Default)]
pub(crate) struct Summary {
    pub(crate) documents: usize,
    events: usize,
    /// Documents in another language: segmented, not coded.
    pub(crate) uncoded_language: usize,
    pub(crate) failed: usize,
    warnings: usize,
    /// Deliberate skips by reason ("request record", "not HTML", "empty input").
    skipped: std::collections::BTreeMap<String, usize>,
}

impl Summary {
    /// 1 when an input or record failed, else 0.
    pub(crate) fn exit_code(&self) -> ExitCode {
        if self.failed > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }

    pub(crate) fn line(&self) -> String {
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
        let warnings = if self.warnings > 0 {
            format!(", {} warning(s)", self.warnings)
        } else {
            String::new()
        };
        let languages = if self.uncoded_language > 0 {
            format!(
                " ({} not in English: sentences only, no events)",
                self.uncoded_language
            )
        } else {
            String::new()
        };
        format!(
            "readout: {} document(s) coded{languages}, {} event(s), {} skipped{detail}, {} input(s) or record(s) failed{warnings}",
            self.documents, self.events, skipped, self.failed
        )
    }
}

/// The output path made absolute without needing it to exist.
fn absolute(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = path.canonicalize() {
        return Some(p);
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.canonicalize().ok()?,
        _ => std::env::current_dir().ok()?,
    };
    Some(parent.join(path.file_name()?))
}

/// Refuses an output that would destroy an input (the same file) or be read back as one (a file
/// inside an input directory).
pub(crate) fn check_output(output: &Path, inputs: &[PathBuf]) -> Result<()> {
    let Some(out) = absolute(output) else {
        return Ok(());
    };
    for input in inputs.iter().filter(|i| i.as_os_str() != "-") {
        let Ok(input_path) = input.canonicalize() else {
            continue;
        };
        if input_path == out {
            bail!(
                "the output {} is also an input: writing it would destroy the input (choose another -o)",
                output.display()
            );
        }
        if input_path.is_dir() && out.starts_with(&input_path) {
            bail!(
                "the output {} is inside the input directory {}: it would be read back as input (choose another -o)",
                output.display(),
                input.display()
            );
        }
    }
    Ok(())
}

/// Where documents go: standard output, or a file written under a temporary name in the same
/// directory and renamed only when the run completes, so that a failed run leaves no half file
/// and never truncates an existing one.
pub(crate) struct Sink {
    pub(crate) out: BufWriter<Box<dyn Write>>,
    /// The temporary file and the file it becomes.
    file: Option<(PathBuf, PathBuf)>,
}

impl Sink {
    pub(crate) fn create(output: Option<&Path>) -> Result<Sink> {
        let Some(path) = output else {
            let stdout: Box<dyn Write> = Box::new(std::io::stdout().lock());
            return Ok(Sink {
                out: BufWriter::with_capacity(1 << 16, stdout),
                file: None,
            });
        };
        let name = path
            .file_name()
            .with_context(|| format!("the output {} is not a file name", path.display()))?;
        let tmp = path.with_file_name(format!(
            ".{}.readout-{}.tmp",
            name.to_string_lossy(),
            std::process::id()
        ));
        let file = std::fs::File::create(&tmp)
            .with_context(|| format!("cannot create {}", path.display()))?;
        Ok(Sink {
            out: BufWriter::with_capacity(1 << 16, Box::new(file)),
            file: Some((tmp, path.to_path_buf())),
        })
    }

    pub(crate) fn finish(mut self) -> std::io::Result<()> {
        self.out.flush()?;
        if let Some((tmp, path)) = self.file.take() {
            std::fs::rename(&tmp, &path)?;
        }
        Ok(())
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        if let Some((tmp, _)) = &self.file {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

fn is_broken_pipe(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::BrokenPipe
}

pub fn run(
    inputs: &[PathBuf],
    output: Option<&Path>,
    date: Option<&str>,
    format: Format,
    lexicon: &LexiconArgs,
) -> Result<ExitCode> {
    let mut summary = Summary::default();
    let result = write_coded(inputs, output, date, format, lexicon, &mut summary);
    // The summary ends every run, a failed one too.
    eprintln!("{}", summary.line());
    result?;
    Ok(summary.exit_code())
}

/// Codes every input into the output file or standard output.
fn write_coded(
    inputs: &[PathBuf],
    output: Option<&Path>,
    date: Option<&str>,
    format: Format,
    lexicon: &LexiconArgs,
    summary: &mut Summary,
) -> Result<()> {
    if let Some(path) = output {
        check_output(path, inputs)?;
    }
    let mut sink = Sink::create(output)?;
    let mut write = |line: &[u8]| -> Result<Flow> {
        match sink.out.write_all(line) {
            // The reader of the output has gone (`| head`): nothing more is wanted, and that
            // is no error.
            Err(e) if is_broken_pipe(&e) => Ok(Flow::Stop),
            Err(e) => Err(e).context("writing output"),
            Ok(()) => Ok(Flow::Go),
        }
    };
    code_inputs(inputs, date, format, lexicon, summary, &mut write)?;
    match sink.finish() {
        Err(e) if is_broken_pipe(&e) => {}
        other => other.context("writing output")?,
    }
    Ok(())
}

/// Whether the consumer of coded documents wants more.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flow {
    /// Go on.
    Go,
    /// Stop reading: nothing more is wanted.
    Stop,
}

/// Codes every input, handing each document's output line to `emit` in input order.
pub(crate) fn code_inputs(
    inputs: &[PathBuf],
    date: Option<&str>,
    format: Format,
    lexicon: &LexiconArgs,
    summary: &mut Summary,
    emit: &mut dyn FnMut(&[u8]) -> Result<Flow>,
) -> Result<()> {
    let date = parse_date(date)?;
    let pipeline = Pipeline::load(&lexicon.options())?;
    let stdin = [PathBuf::from("-")];
    let inputs = if inputs.is_empty() {
        &stdin[..]
    } else {
        inputs
    };
    let opts = pipeline.ingest_options(date);
    let files = expand(inputs);
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    let progress = crate::progress::Progress::new(files.iter().map(|(f, _)| size(f)).sum());
    'inputs: for (path, dir_error) in files {
        let name = input_name(&path);
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
        // Records are split off here and read and coded in parallel batches; output keeps the
        // input order, and memory stays bounded by the batch.
        let mut records = readout_ingest::input::records(&name, reader, format);
        let mut ended = false;
        while !ended {
            let mut batch: Vec<Record> = Vec::with_capacity(BATCH);
            while batch.len() < BATCH {
                match guarded(|| records.next()) {
                    Ok(Some(record)) => batch.push(record),
                    Ok(None) => {
                        ended = true;
                        break;
                    }
                    Err(e) => {
                        // The reader's state is unknown after a panic: the rest of this input
                        // is not read.
                        let after = batch.last().map(|r| r.at.as_str()).unwrap_or(&name);
                        progress.println(&format!(
                            "readout: {name}: reading after {after}: {e}; the rest of this input is skipped"
                        ));
                        summary.failed += 1;
                        ended = true;
                        break;
                    }
                }
            }
            let outcomes: Vec<Vec<Written>> = batch
                .into_par_iter()
                .map(|record| code_record(&pipeline, &opts, record))
                .collect();
            for outcome in outcomes.into_iter().flatten() {
                match outcome {
                    Written::Coded {
                        line,
                        events,
                        uncoded_language,
                    } => {
                        if emit(&line)? == Flow::Stop {
                            break 'inputs;
                        }
                        summary.documents += 1;
                        summary.events += events;
                        summary.uncoded_language += usize::from(uncoded_language);
                        progress.document(summary.documents);
                    }
                    Written::Other(Outcome::Failed { at, reason }) => {
                        progress.println(&format!("readout: {at}: {reason}"));
                        summary.failed += 1;
                    }
                    Written::Other(Outcome::Warning { at, message }) => {
                        progress.println(&format!("readout: warning: {at}: {message}"));
                        summary.warnings += 1;
                    }
                    Written::Other(Outcome::Skipped { reason, .. }) => {
                        *summary.skipped.entry(reason.group()).or_default() += 1;
                    }
                    Written::Other(Outcome::Document(_)) => unreachable!("serialised above"),
                }
            }
        }
        progress.file_done(size(&path));
    }
    progress.finish();
    Ok(())
}

pub fn explain(
    text: Option<&str>,
    file: Option<&Path>,
    date: Option<&str>,
    lexicon: &LexiconArgs,
) -> Result<ExitCode> {
    let date = parse_date(date)?;
    let pipeline = Pipeline::load(&lexicon.options())?;
    let mut doc = match (text, file) {
        (Some(t), None) => readout_ingest::document_from_json(
            &serde_json::json!({ "id": "explain", "text": t }).to_string(),
            "explain",
            date,
            pipeline.cues(),
        )?,
        (None, Some(f)) => {
            let bytes = read_input(f)?;
            let text =
                readout_ingest::decode_text(&bytes).with_context(|| f.display().to_string())?;
            readout_ingest::document_from_text(
                &f.display().to_string(),
                text,
                date,
                pipeline.cues(),
            )
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
            "  [{}] {} {} ({:?}) → {}: {:?}, {} {}, date {}, place {}{}, Goldstein {}",
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
            e.goldstein,
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

/// The lexicon `lexicon check|stats` look at: DIR alone, DIR on top of the built-in lexicon
/// (and the options' dictionaries), or the built-in lexicon.
fn builder_for(dir: Option<&Path>, alone: bool, args: &LexiconArgs) -> Result<LexiconBuilder> {
    match (dir, alone) {
        (Some(d), true) => Ok(LexiconBuilder::new().add_path(d)?),
        (Some(d), false) => Ok(args
            .options()
            .builder()?
            .add_path(d)
            .with_context(|| format!("loading lexicon {}", d.display()))?),
        (None, _) => Ok(args.options().builder()?),
    }
}

pub fn lexicon_check(dir: Option<&Path>, alone: bool, args: &LexiconArgs) -> Result<ExitCode> {
    let (_, problems) = builder_for(dir, alone, args)?.check();
    let errors = problems.iter().filter(|p| !p.warning).count();
    // Written, not printed: a closed pipe (`… | head`) is an error main ends quietly on.
    let mut out = std::io::stdout().lock();
    for p in &problems {
        writeln!(out, "{p}")?;
    }
    writeln!(
        out,
        "{} error(s), {} warning(s)",
        errors,
        problems.len() - errors
    )?;
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn lexicon_stats(dir: Option<&Path>, alone: bool, args: &LexiconArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let (lex, problems) = builder_for(dir, alone, args)?.check();
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
