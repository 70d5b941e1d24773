//! Entry points for fuzzing: each takes arbitrary bytes, runs one parser or decoder of the
//! pipeline (or the whole pipeline) over them, and must return without panicking, whatever
//! the bytes.
//!
//! The `cargo fuzz` targets in `fuzz/` call [`run`] with their own name, and so do the
//! regression tests, which replay every input kept in `fuzz/regressions/` (the crashes fuzzing
//! found, once fixed); so a target and its regressions always exercise the same code.

use crate::{Format, Pipeline};
use readout_ingest::input::{items, Options};
use readout_ingest::PageCues;
use readout_lexicon::LexiconBuilder;
use std::sync::OnceLock;

/// The fuzz targets, by name: what each one exercises.
pub const TARGETS: &[(&str, &str)] = &[
    ("html", "HTML extraction: body, metadata, dates, authors"),
    ("warc", "WARC records, plain or gzipped, with HTTP payloads"),
    ("feed", "RSS and Atom feeds"),
    ("jsonl", "JSON Lines records (text or html)"),
    (
        "auto",
        "format and gzip detection, then whichever reader it picks",
    ),
    (
        "scraped",
        "scraped-text cleaning: captions, credits, furniture, datelines",
    ),
    ("sentences", "tokens and sentence splitting"),
    ("dates", "date parsing, from metadata and from text"),
    ("lexicon", "the lexicon format's loader and validation"),
    (
        "petrarch",
        "the PETRARCH actor and agent dictionary loaders",
    ),
    (
        "pipeline",
        "the whole pipeline: read, segment, parse, code, resolve",
    ),
];

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::embedded().expect("the built-in lexicon is valid"))
}

/// Runs fuzz target `target` on `data`. Panics only on an unknown target name (or on the bug
/// the fuzzer is looking for).
pub fn run(target: &str, data: &[u8]) {
    match target {
        "html" => html(data),
        "warc" => read(Format::Warc, data),
        "feed" => read(Format::Feed, data),
        "jsonl" => read(Format::Jsonl, data),
        "auto" => read(Format::Auto, data),
        "scraped" => scraped(data),
        "sentences" => sentences(data),
        "dates" => dates(data),
        "lexicon" => lexicon(data),
        "petrarch" => petrarch(data),
        "pipeline" => whole_pipeline(data),
        other => panic!("no fuzz target {other:?}"),
    }
}

fn html(data: &[u8]) {
    let info = readout_html::PageInfo {
        url: Some("https://example.com/2024/05/06/news/story.html"),
        content_type: None,
        furniture: &[],
        comments: true,
    };
    let article = readout_html::extract(data, &info);
    let _ = article.body();
}

/// Reads every item of `data` as an input of `format`, gzip detection included.
fn read(format: Format, data: &[u8]) {
    let cues = PageCues::default();
    let opts = Options {
        cues: &cues,
        furniture: &[],
        date: None,
    };
    let Ok(reader) =
        readout_ingest::source::open_reader(Box::new(std::io::Cursor::new(data.to_vec())))
    else {
        return;
    };
    // A reader that never ended would hang the fuzzer: the bound turns that into a failure.
    let n = items("fuzz", reader, format, &opts).take(100_000).count();
    assert!(n < 100_000, "the reader does not end");
}

fn scraped(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = readout_ingest::clean_scraped_text(&text, true, pipeline().cues());
}

fn sentences(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut doc = readout_ingest::document_from_text("fuzz", &text, None, pipeline().cues());
    readout_text::segment(&mut doc, &pipeline().lexicon().split_rules);
}

fn dates(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = readout_html::meta::parse_date(&text);
    let _ = readout_doc::Date::parse(&text);
    // Dates in running text, resolved against a publication date.
    let published = readout_doc::Date::parse("2024-05-06").ok();
    let mut doc = readout_ingest::document_from_text("fuzz", &text, published, pipeline().cues());
    pipeline().code(&mut doc, None);
}

fn lexicon(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = LexiconBuilder::new().add_text("fuzz.txt", &text).check();
}

fn petrarch(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = LexiconBuilder::new()
        .add_petrarch_actors_text("actors.txt", &text)
        .add_petrarch_agents_text("agents.txt", &text)
        .check();
}

fn whole_pipeline(data: &[u8]) {
    let p = pipeline();
    let opts = p.ingest_options(None);
    let Ok(reader) =
        readout_ingest::source::open_reader(Box::new(std::io::Cursor::new(data.to_vec())))
    else {
        return;
    };
    // Unguarded, unlike `Pipeline::code_record`: a panic is what the fuzzer looks for.
    for record in readout_ingest::input::records("fuzz", reader, Format::Auto).take(10_000) {
        for item in record.read(&opts) {
            if let readout_ingest::input::Item::Document(mut doc) = item {
                p.code(&mut doc, None);
                let mut out = Vec::new();
                crate::write_json_line(&doc, &mut out);
            }
        }
    }
}
