//! `readout code`, `readout explain` and `readout lexicon`.

use crate::pipeline::{builder, to_json_line, Pipeline};
use crate::Format;
use crate::LexiconArgs;
use anyhow::{bail, Context, Result};
use readout_doc::Date;
use readout_lexicon::LexiconBuilder;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

fn parse_date(date: Option<&str>) -> Result<Option<Date>> {
    date.map(|d| Date::parse(d).with_context(|| format!("--date {d}")))
        .transpose()
}

fn read_input(path: &Path) -> Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("reading standard input")?;
        return Ok(buf);
    }
    if path.is_dir() {
        bail!("{} is a directory (give the files in it)", path.display());
    }
    std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

fn detect(path: &Path, text: &str, format: Format) -> Format {
    if format != Format::Auto {
        return format;
    }
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if matches!(ext, "jsonl" | "ndjson" | "json") {
        return Format::Jsonl;
    }
    let first = text.trim_start();
    if first.starts_with('{')
        && first
            .lines()
            .next()
            .is_some_and(|l| l.trim_end().ends_with('}'))
    {
        Format::Jsonl
    } else {
        Format::Text
    }
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

/// Counts for the closing summary.
#[derive(Default)]
struct Summary {
    documents: usize,
    failed: usize,
    events: usize,
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
    // Panics are caught per input and reported as errors below; keep the default hook quiet.
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
    let mut summary = Summary::default();
    let mut line_buf = Vec::new();
    for path in inputs {
        let name = if path.as_os_str() == "-" {
            "<stdin>".to_string()
        } else {
            path.display().to_string()
        };
        let bytes = match read_input(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("readout: {name}: {e:#}");
                summary.failed += 1;
                continue;
            }
        };
        let text = match readout_ingest::decode_text(&bytes) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("readout: {name}: {e}");
                summary.failed += 1;
                continue;
            }
        };
        match detect(path, text, format) {
            Format::Jsonl => {
                for (i, line) in text.lines().enumerate() {
                    if line.trim().is_empty() {
                        continue;
                    }
                    let fallback = format!("{name}:{}", i + 1);
                    let result = guarded(|| pipeline.code_json_line(line, &fallback, date))
                        .and_then(|r| r.map_err(|e| e.to_string()));
                    match result {
                        Ok(doc) => {
                            summary.documents += 1;
                            summary.events += doc.events.len();
                            line_buf.clear();
                            to_json_line(&doc, &mut line_buf);
                            out.write_all(&line_buf).context("writing output")?;
                        }
                        Err(e) => {
                            eprintln!("readout: {name}:{}: skipped record: {e}", i + 1);
                            summary.failed += 1;
                        }
                    }
                }
            }
            _ => {
                let id = path
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_else(|| name.clone());
                let doc = match guarded(|| pipeline.code_text(&id, text, date)) {
                    Ok(doc) => doc,
                    Err(e) => {
                        eprintln!("readout: {name}: {e}");
                        summary.failed += 1;
                        continue;
                    }
                };
                summary.documents += 1;
                summary.events += doc.events.len();
                line_buf.clear();
                to_json_line(&doc, &mut line_buf);
                out.write_all(&line_buf).context("writing output")?;
            }
        }
    }
    out.flush().context("writing output")?;
    eprintln!(
        "readout: {} document(s) coded, {} event(s), {} input(s) or record(s) failed",
        summary.documents, summary.events, summary.failed
    );
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
