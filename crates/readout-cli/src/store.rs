//! `readout ingest`, `query`, `show`, `dyad` and `export`: the event store from the command line.

use crate::code::{check_output, code_inputs, Flow, Sink, Summary};
use crate::LexiconArgs;
use anyhow::{bail, Context, Result};
use readout::Format;
use readout_store::export::parquet::Partition;
use readout_store::export::{csv_field, event_json, event_values, EVENT_FIELDS};
use readout_store::query::{self, DyadRow, EventRow, Filter, Period};
use readout_store::{Added, Store};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Documents stored per transaction: what a crash can lose, and run again.
const BATCH: usize = 256;

/// Codes the inputs and stores every document not stored yet.
pub fn ingest(
    inputs: &[PathBuf],
    db: &Path,
    date: Option<&str>,
    format: Format,
    lexicon: &LexiconArgs,
) -> Result<ExitCode> {
    let mut store = Store::open(db)?;
    let started = Instant::now();
    let mut pending: Vec<Vec<u8>> = Vec::with_capacity(BATCH);
    let (mut new, mut duplicates, mut mentions) = (0usize, 0usize, 0usize);
    let mut flush = |pending: &mut Vec<Vec<u8>>, store: &mut Store| -> Result<()> {
        let mut batch = store.begin()?;
        for line in pending.drain(..) {
            let text = std::str::from_utf8(&line).context("a coded document is not UTF-8")?;
            match batch.add_json(text.trim_end())? {
                Added::New { mentions: m } => {
                    new += 1;
                    mentions += m;
                }
                Added::Duplicate => duplicates += 1,
            }
        }
        batch.commit()?;
        Ok(())
    };
    let mut summary = Summary::default();
    let result = {
        let mut emit = |line: &[u8]| -> Result<Flow> {
            pending.push(line.to_vec());
            if pending.len() >= BATCH {
                flush(&mut pending, &mut store)?;
            }
            Ok(Flow::Go)
        };
        code_inputs(inputs, date, format, lexicon, &mut summary, &mut emit)
    };
    let last = flush(&mut pending, &mut store);
    eprintln!("{}", summary.line());
    result?;
    last?;
    let secs = started.elapsed().as_secs_f64();
    let (documents, events, all_mentions) = store.counts()?;
    eprintln!(
        "readout: stored {new} new document(s) and {mentions} event mention(s), {duplicates} already stored; \
         {:.0} documents/s; {} now holds {documents} document(s), {events} event(s), {all_mentions} mention(s)",
        summary.documents as f64 / secs.max(1e-9),
        db.display()
    );
    Ok(summary.exit_code())
}

/// How query results are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    /// Aligned columns for a person (the default on a terminal).
    Table,
    /// Comma-separated values with a header (the default otherwise).
    Csv,
    /// One JSON object a line.
    Jsonl,
}

/// Parses `--format`.
pub fn parse_output_format(name: &str) -> Result<OutputFormat, String> {
    match name {
        "table" => Ok(OutputFormat::Table),
        "csv" => Ok(OutputFormat::Csv),
        "jsonl" | "json" => Ok(OutputFormat::Jsonl),
        other => Err(format!("unknown format {other:?}: table, csv or jsonl")),
    }
}

fn output_format(asked: Option<OutputFormat>) -> OutputFormat {
    asked.unwrap_or(if std::io::stdout().is_terminal() {
        OutputFormat::Table
    } else {
        OutputFormat::Csv
    })
}

/// Prints rows as aligned columns.
fn table(out: &mut dyn Write, header: &[&str], rows: &[Vec<String>]) -> Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, v) in widths.iter_mut().zip(row) {
            *w = (*w).max(v.chars().count().min(40));
        }
    }
    let line = |values: Vec<String>| -> String {
        values
            .iter()
            .zip(&widths)
            .map(|(v, w)| {
                let v: String = v.chars().take(40).collect();
                format!("{v:<w$}")
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    writeln!(
        out,
        "{}",
        line(header.iter().map(|h| h.to_string()).collect())
    )?;
    for row in rows {
        writeln!(out, "{}", line(row.clone()))?;
    }
    Ok(())
}

fn write_events(rows: &[EventRow], format: OutputFormat) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match format {
        OutputFormat::Jsonl => {
            for e in rows {
                writeln!(out, "{}", event_json(e))?;
            }
        }
        OutputFormat::Csv => {
            writeln!(out, "{}", EVENT_FIELDS.join(","))?;
            for e in rows {
                let values: Vec<String> = event_values(e).iter().map(|v| csv_field(v)).collect();
                writeln!(out, "{}", values.join(","))?;
            }
        }
        OutputFormat::Table => {
            let header = [
                "id", "date", "source", "target", "code", "quad", "place", "modality", "mentions",
                "articles",
            ];
            let rows: Vec<Vec<String>> = rows
                .iter()
                .map(|e| {
                    let v = event_values(e);
                    let modality = match e.negated {
                        true => format!("not {}", e.modality),
                        false => e.modality.clone(),
                    };
                    vec![
                        v[0].clone(),
                        v[1].clone(),
                        v[2].clone(),
                        v[4].clone(),
                        v[6].clone(),
                        v[7].clone(),
                        v[9].clone(),
                        modality,
                        v[13].clone(),
                        v[15].clone(),
                    ]
                })
                .collect();
            table(&mut out, &header, &rows)?;
        }
    }
    Ok(())
}

/// `readout query`: the events a filter selects.
pub fn query(db: &Path, filter: &Filter, format: Option<OutputFormat>) -> Result<ExitCode> {
    let store = Store::open_read_only(db)?;
    let rows = query::events(&store, filter).context("querying the events")?;
    write_events(&rows, output_format(format))?;
    Ok(ExitCode::SUCCESS)
}

/// `readout show ID`: one event with every report of it.
pub fn show(db: &Path, id: i64) -> Result<ExitCode> {
    let store = Store::open_read_only(db)?;
    let Some((e, mentions)) = query::event(&store, id)? else {
        bail!("no event {id} in {}", db.display());
    };
    let mut out = std::io::stdout().lock();
    let target = e.target.as_deref().unwrap_or("-");
    writeln!(
        out,
        "event {}: {} {} → {} on {}, at {}; {}{}; Goldstein {}; {} mention(s) in {} article(s) from {} outlet(s)",
        e.id,
        e.code,
        e.source,
        target,
        e.date.as_deref().unwrap_or("an unknown day"),
        e.place.as_deref().unwrap_or("an unknown place"),
        if e.negated { "not " } else { "" },
        e.modality,
        e.goldstein.map(|g| g.to_string()).unwrap_or_else(|| "-".into()),
        e.num_mentions,
        e.num_articles,
        e.num_sources,
    )?;
    for m in &mentions {
        writeln!(
            out,
            "\n  {} — {} ({}, {})",
            m.title.as_deref().unwrap_or("(no title)"),
            m.outlet,
            m.published.as_deref().unwrap_or("undated"),
            m.url.as_deref().unwrap_or(&m.doc_id)
        )?;
        writeln!(out, "  sentence {}: {}", m.sentence, m.evidence)?;
        writeln!(
            out,
            "  source {:?}, action {:?}, target {:?}{}",
            m.source_text.as_deref().unwrap_or(""),
            m.trigger.as_deref().unwrap_or(""),
            m.target_text.as_deref().unwrap_or(""),
            m.attribution
                .as_deref()
                .map(|a| format!(", according to {a:?}"))
                .unwrap_or_default()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The four quad classes, as the chart's legend names them, and their colours.
const QUADS: [(&str, plotters::style::RGBColor); 4] = [
    ("verbal cooperation", plotters::style::RGBColor(46, 125, 50)),
    (
        "material cooperation",
        plotters::style::RGBColor(21, 101, 192),
    ),
    ("verbal conflict", plotters::style::RGBColor(239, 108, 0)),
    ("material conflict", plotters::style::RGBColor(198, 40, 40)),
];

/// Draws a dyad's series as SVG: one panel per direction, one line per quad class, a point
/// per period (periods without events count zero).
fn dyad_chart(path: &Path, a: &str, b: &str, rows: &[DyadRow]) -> Result<()> {
    use plotters::prelude::*;
    let mut periods: Vec<&str> = rows.iter().map(|r| r.period.as_str()).collect();
    periods.sort_unstable();
    periods.dedup();
    if periods.is_empty() {
        bail!("no dated events between {a} and {b}: nothing to chart");
    }
    let most = rows.iter().flat_map(|r| r.quad).max().unwrap_or(1).max(1);
    let root = SVGBackend::new(path, (1000, 640)).into_drawing_area();
    let draw = |e: &dyn std::fmt::Display| anyhow::anyhow!("drawing {}: {e}", path.display());
    root.fill(&WHITE).map_err(|e| draw(&e))?;
    let panels = root.split_evenly((2, 1));
    for (panel, forward) in panels.iter().zip([true, false]) {
        let title = if forward {
            format!("{a} → {b}")
        } else {
            format!("{b} → {a}")
        };
        let mut chart = ChartBuilder::on(panel)
            .caption(title, ("sans-serif", 18))
            .margin(10)
            .x_label_area_size(28)
            .y_label_area_size(44)
            .build_cartesian_2d(0..periods.len().max(2) - 1, 0..most + most / 10 + 1)
            .map_err(|e| draw(&e))?;
        chart
            .configure_mesh()
            .x_labels(8)
            .x_label_formatter(&|i| periods.get(*i).map(|p| p.to_string()).unwrap_or_default())
            .y_desc("events")
            .draw()
            .map_err(|e| draw(&e))?;
        for (q, (name, colour)) in QUADS.iter().enumerate() {
            let points = periods.iter().enumerate().map(|(i, p)| {
                let count = rows
                    .iter()
                    .find(|r| r.a_to_b == forward && r.period == *p)
                    .map_or(0, |r| r.quad[q]);
                (i, count)
            });
            chart
                .draw_series(LineSeries::new(points, colour.stroke_width(2)))
                .map_err(|e| draw(&e))?
                .label(*name)
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 18, y)], colour.stroke_width(2))
                });
        }
        chart
            .configure_series_labels()
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK)
            .draw()
            .map_err(|e| draw(&e))?;
    }
    root.present().map_err(|e| draw(&e))?;
    Ok(())
}

/// `readout dyad A B`: both directions per period, and a chart if asked.
pub fn dyad(
    db: &Path,
    a: &str,
    b: &str,
    by: Period,
    format: Option<OutputFormat>,
    chart: Option<&Path>,
) -> Result<ExitCode> {
    let store = Store::open_read_only(db)?;
    let rows = query::dyad(&store, a, b, by)?;
    if let Some(path) = chart {
        dyad_chart(path, a, b, &rows)?;
    }
    let mut out = std::io::stdout().lock();
    let direction = |r: &DyadRow| {
        if r.a_to_b {
            format!("{a}->{b}")
        } else {
            format!("{b}->{a}")
        }
    };
    let header = [
        "period",
        "direction",
        "verbal_coop",
        "material_coop",
        "verbal_conflict",
        "material_conflict",
        "goldstein_sum",
        "goldstein_mean",
    ];
    let values = |r: &DyadRow| -> Vec<String> {
        vec![
            r.period.clone(),
            direction(r),
            r.quad[0].to_string(),
            r.quad[1].to_string(),
            r.quad[2].to_string(),
            r.quad[3].to_string(),
            format!("{:.1}", r.goldstein_sum),
            format!("{:.2}", r.goldstein_mean),
        ]
    };
    match output_format(format) {
        OutputFormat::Table => {
            let rows: Vec<Vec<String>> = rows.iter().map(values).collect();
            table(&mut out, &header, &rows)?;
        }
        OutputFormat::Csv => {
            writeln!(out, "{}", header.join(","))?;
            for r in &rows {
                writeln!(out, "{}", values(r).join(","))?;
            }
        }
        OutputFormat::Jsonl => {
            for r in &rows {
                let v = values(r);
                let obj: serde_json::Map<String, serde_json::Value> = header
                    .iter()
                    .zip(v)
                    .map(|(k, v)| (k.to_string(), serde_json::Value::String(v)))
                    .collect();
                writeln!(out, "{}", serde_json::Value::Object(obj))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `readout export`: every event in GDELT's layout, CSV, JSON Lines or Parquet.
pub fn export(db: &Path, format: &str, out: Option<&Path>, partition: &str) -> Result<ExitCode> {
    if !["gdelt", "csv", "jsonl", "parquet"].contains(&format) {
        bail!("unknown export format {format:?}: gdelt, csv, jsonl or parquet");
    }
    let store = Store::open_read_only(db)?;
    if format == "parquet" {
        let Some(dir) = out else {
            bail!("--format parquet writes a directory of files: give it with --out DIR");
        };
        let Some(partition) = Partition::from_name(partition) else {
            bail!("unknown --partition {partition:?}: day, month or year");
        };
        let summary = readout_store::export::parquet::parquet(&store, dir, partition)?;
        eprintln!(
            "exported {} events to {} Parquet files under {}",
            summary.rows,
            summary.files.len(),
            dir.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(path) = out {
        check_output(path, &[db.to_path_buf()])?;
    }
    // Written under a temporary name and renamed when complete: a failed export leaves no
    // half file.
    let mut sink = Sink::create(out)?;
    let out = &mut sink.out;
    match format {
        "gdelt" => {
            readout_store::export::gdelt(&store, out)?;
        }
        "csv" | "jsonl" => {
            let as_csv = format == "csv";
            if as_csv {
                writeln!(out, "{}", EVENT_FIELDS.join(","))?;
            }
            query::each_event(&store, |e| -> Result<()> {
                if as_csv {
                    let values: Vec<String> =
                        event_values(e).iter().map(|v| csv_field(v)).collect();
                    writeln!(out, "{}", values.join(","))?;
                } else {
                    writeln!(out, "{}", event_json(e))?;
                }
                Ok(())
            })?;
        }
        _ => unreachable!("formats are checked above"),
    }
    sink.finish()?;
    Ok(ExitCode::SUCCESS)
}
