//! readout as a library: the whole pipeline, from raw input to coded documents, behind one
//! entry point.
//!
//! **Takes** a lexicon (the built-in one, with or without the user's dictionaries on top) and
//! inputs of any kind readout reads: plain text, JSON Lines, HTML, WARC, RSS and Atom, gzipped
//! or not. **Gives** [`Document`]s enriched by every stage, or for each record of an input an
//! [`Outcome`]: the coded document, or the reason it was skipped or failed, with where it is.
//!
//! ```no_run
//! let pipeline = readout::Pipeline::embedded()?;
//! let doc = pipeline.code_text("note", "Russia condemned the attack on Monday.", None);
//! for event in &doc.events {
//!     println!("{} {} -> {:?}", event.code, event.source.code, event.target.as_ref().map(|t| &t.code));
//! }
//! # Ok::<(), readout::Error>(())
//! ```
//!
//! ## The pipeline
//!
//! Each stage is a crate that enriches the same [`Document`] (see `DESIGN.md`):
//! 1. **ingest** (`readout-ingest`, with `readout-html` for pages): bytes to a document of
//!    paragraphs and metadata;
//! 2. **text** (`readout-text`): sentences and tokens;
//! 3. **coder** (`readout-coder`, over `readout-syntax`'s parse and `readout-lexicon`'s
//!    dictionaries): actors, events and quotes;
//! 4. **context** (`readout-context`): event places and dates resolved.
//!
//! [`Pipeline::code`] runs stages 2–4 on a document whose paragraphs are set;
//! [`Pipeline::code_record`] runs all four on one input record.
//!
//! ## Nothing lost, nothing silent
//!
//! A bug in readout must never take other records with it: every read and every coding of a
//! record runs under [`guarded`], which turns a panic into a failure of that one record,
//! reported with where the record is. No panic hook is installed: the panic's own message still
//! reaches standard error with its place in the code. [`fuzz`] holds the entry points the
//! `cargo fuzz` targets in `fuzz/` call, one per parser and decoder and one for the pipeline.

pub mod fuzz;

use readout_ingest::input::{Item, Options, Record};
use readout_ingest::{IngestError, PageCues};
use readout_lexicon::{Lexicon, LexiconBuilder, LexiconError};
use std::path::{Path, PathBuf};

pub use readout_doc::{output::OutputDocument, Date, Document};
/// What became of one record of an input: its document (coded, from
/// [`Pipeline::code_record`]), or why it was skipped or failed, or a warning about it.
pub use readout_ingest::input::Item as Outcome;
pub use readout_ingest::input::{Format, Skip};

/// What can go wrong before any record is read.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A lexicon directory or dictionary could not be loaded.
    #[error("loading {}: {source}", .path.display())]
    LexiconFile {
        /// The directory or file given.
        path: PathBuf,
        /// What is wrong with it.
        source: LexiconError,
    },
    /// The lexicon loaded but does not hold together (a reference to an unknown code, a
    /// malformed record).
    #[error("the lexicon is invalid (run `readout lexicon check`): {0}")]
    InvalidLexicon(LexiconError),
}

/// Which lexicon to code with: the built-in one (with or without its actors) and the user's
/// dictionaries loaded on top, in order.
#[derive(Clone, Debug, Default)]
pub struct LexiconOptions {
    /// Leave out readout's own actors, agents and persons (to code with other dictionaries);
    /// verbs, places and grammar stay.
    pub no_builtin_actors: bool,
    /// Directories or files in readout's lexicon format.
    pub dirs: Vec<PathBuf>,
    /// TABARI/PETRARCH actor dictionaries.
    pub petrarch_actors: Vec<PathBuf>,
    /// TABARI/PETRARCH agent dictionaries.
    pub petrarch_agents: Vec<PathBuf>,
}

impl LexiconOptions {
    /// The lexicon these options describe, not yet compiled: the embedded files (less the
    /// actors, if asked), then the user's.
    pub fn builder(&self) -> Result<LexiconBuilder, Error> {
        let mut builder = if self.no_builtin_actors {
            LexiconBuilder::new().add_embedded_except("actors/")
        } else {
            LexiconBuilder::new().add_embedded()
        };
        let failed = |path: &Path| {
            let path = path.to_path_buf();
            move |source| Error::LexiconFile { path, source }
        };
        for dir in &self.dirs {
            builder = builder.add_path(dir).map_err(failed(dir))?;
        }
        for file in &self.petrarch_actors {
            builder = builder.add_petrarch_actors(file).map_err(failed(file))?;
        }
        for file in &self.petrarch_agents {
            builder = builder.add_petrarch_agents(file).map_err(failed(file))?;
        }
        Ok(builder)
    }
}

/// The compiled lexicon and what ingestion needs from it: built once, shared by every thread.
pub struct Pipeline {
    lexicon: Lexicon,
    cues: PageCues,
    furniture: Vec<String>,
}

impl Pipeline {
    /// A pipeline over a compiled lexicon.
    pub fn new(lexicon: Lexicon) -> Pipeline {
        let cue = |k: &str| lexicon.page_cues.get(k).cloned().unwrap_or_default();
        let wires = lexicon
            .actors
            .iter()
            .filter(|a| a.wire)
            .map(|a| a.name.clone())
            .collect();
        let cues = PageCues::new(
            &cue("caption-marker"),
            cue("credit-line"),
            cue("boilerplate"),
            wires,
        );
        let furniture = cue("boilerplate");
        Pipeline {
            lexicon,
            cues,
            furniture,
        }
    }

    /// The pipeline over the built-in lexicon alone.
    pub fn embedded() -> Result<Pipeline, Error> {
        Pipeline::load(&LexiconOptions::default())
    }

    /// The pipeline over the lexicon the options describe.
    pub fn load(opts: &LexiconOptions) -> Result<Pipeline, Error> {
        let lexicon = opts.builder()?.build().map_err(Error::InvalidLexicon)?;
        Ok(Pipeline::new(lexicon))
    }

    /// The compiled lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The phrases that tell captions, credits and furniture from article text.
    pub fn cues(&self) -> &PageCues {
        &self.cues
    }

    /// Phrases that start page-furniture blocks in HTML, for extraction.
    pub fn furniture(&self) -> &[String] {
        &self.furniture
    }

    /// How ingestion reads records for this pipeline; `date` is the publication date of inputs
    /// that carry none.
    pub fn ingest_options(&self, date: Option<Date>) -> Options<'_> {
        Options {
            cues: &self.cues,
            furniture: &self.furniture,
            date,
        }
    }

    /// Segments and codes a document whose paragraphs are set: sentences, actors, events,
    /// quotes, then event places and dates. `trace` collects the coder's reasons. A document in
    /// another language than the lexicon's and the parser's (English) is only segmented: read
    /// with English rules it would give events no one wrote.
    pub fn code(&self, doc: &mut Document, trace: Option<&mut readout_coder::Trace>) {
        readout_text::segment(doc, &self.lexicon.split_rules);
        if !is_coded_language(doc) {
            return;
        }
        readout_coder::Coder::new(&self.lexicon).code(doc, trace);
        readout_context::resolve(doc, &self.lexicon);
    }

    /// Codes plain text (scraped-page rules: captions and credits recognised) as one document.
    pub fn code_text(&self, id: &str, text: &str, date: Option<Date>) -> Document {
        let mut doc = readout_ingest::document_from_text(id, text, date, &self.cues);
        self.code(&mut doc, None);
        doc
    }

    /// Codes one JSON Lines record (`text` or `html`, with `id`, `title`, `published`, `url`,
    /// `publisher`, `authors`); `fallback_id` names it when it has no id of its own.
    pub fn code_json_line(
        &self,
        line: &str,
        fallback_id: &str,
        date: Option<Date>,
    ) -> Result<Document, IngestError> {
        let mut doc = readout_ingest::document_from_json(line, fallback_id, date, &self.cues)?;
        self.code(&mut doc, None);
        Ok(doc)
    }

    /// Reads one record and codes what it holds, each step guarded: whatever the record holds,
    /// this returns, and only this record's outcomes say so.
    pub fn code_record(&self, record: Record, opts: &Options) -> Vec<Outcome> {
        let at = record.at.clone();
        let items = match guarded(|| record.read(opts)) {
            Ok(items) => items,
            Err(reason) => return vec![Item::Failed { at, reason }],
        };
        items
            .into_iter()
            .map(|item| match item {
                Item::Document(mut doc) => match guarded(|| self.code(&mut doc, None)) {
                    Ok(()) => Item::Document(doc),
                    Err(reason) if doc.id == at => Item::Failed {
                        at: at.clone(),
                        reason,
                    },
                    Err(reason) => Item::Failed {
                        at: format!("{at} ({})", doc.id),
                        reason,
                    },
                },
                other => other,
            })
            .collect()
    }
}

/// The language events are coded in: the lexicon's and the parser's.
pub const CODED_LANGUAGE: &str = "en";

/// Whether a document is in the language readout codes (see [`Pipeline::code`]); one whose
/// language no one set is taken to be.
pub fn is_coded_language(doc: &Document) -> bool {
    doc.meta.language.is_empty() || doc.meta.language == CODED_LANGUAGE
}

/// Runs `f`, turning a panic (a bug in readout) into an error for the one record it was
/// working on, so that one bad record never stops a batch. The panic itself is printed by the
/// default hook, with its place in the code.
pub fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        let msg = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("unknown panic");
        format!("internal error, the record is skipped (please report this input): {msg}")
    })
}

/// Appends a coded document to `out` as one line of the output contract (JSON and a newline).
pub fn write_json_line(doc: &Document, out: &mut Vec<u8>) {
    serde_json::to_writer(&mut *out, &OutputDocument::new(doc))
        .expect("serialising to memory cannot fail");
    out.push(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pipeline() -> &'static Pipeline {
        static PIPELINE: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
        PIPELINE.get_or_init(|| Pipeline::embedded().expect("the built-in lexicon is valid"))
    }

    fn outcomes(name: &str, input: &[u8]) -> Vec<Outcome> {
        let p = pipeline();
        let opts = p.ingest_options(None);
        let reader = Box::new(std::io::Cursor::new(input.to_vec()));
        readout_ingest::input::records(name, reader, Format::Auto)
            .flat_map(|r| p.code_record(r, &opts))
            .collect()
    }

    #[test]
    fn codes_plain_text_through_every_stage() {
        let doc = pipeline().code_text(
            "t",
            "China condemned Japan on 3 May 2024 in Beijing.",
            Date::parse("2024-05-05").ok(),
        );
        let event = doc.events.first().expect("an event");
        assert!(event.code.starts_with("11"), "{}", event.code);
        assert_eq!(event.source.code, "CHN");
        assert_eq!(event.target.as_ref().map(|t| t.code.as_str()), Some("JPN"));
        assert_eq!(
            event.date.map(|d| d.date.to_string()).as_deref(),
            Some("2024-05-03")
        );
        assert_eq!(
            event.location.as_ref().map(|l| l.name.as_str()),
            Some("Beijing")
        );
    }

    #[test]
    fn a_bad_record_is_reported_where_it_is_and_the_others_are_coded() {
        let input = b"{\"id\": \"a\", \"text\": \"Japan met China.\"}\n{\"id\": 2, \"text\": \n{\"id\": \"c\", \"text\": \"India criticised Pakistan.\"}\n";
        let got = outcomes("in.jsonl", input);
        let coded: Vec<&str> = got
            .iter()
            .filter_map(|o| match o {
                Outcome::Document(d) => Some(d.id.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(coded, ["a", "c"]);
        assert!(got
            .iter()
            .any(|o| matches!(o, Outcome::Failed { at, .. } if at == "in.jsonl:2")));
    }

    #[test]
    fn a_panic_fails_only_its_own_record() {
        let result: Result<(), String> = guarded(|| panic!("boom"));
        let message = result.unwrap_err();
        assert!(
            message.contains("boom") && message.contains("skipped"),
            "{message}"
        );
        assert_eq!(guarded(|| 7), Ok(7));
    }

    #[test]
    fn record_authors_and_publisher_reach_the_output() {
        let line = r#"{"id": "x", "text": "Japan met China.", "authors": ["Ann Lee", " "], "publisher": "The Daily"}"#;
        let doc = pipeline().code_json_line(line, "1", None).unwrap();
        let mut out = Vec::new();
        write_json_line(&doc, &mut out);
        let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(json["article"]["authors"], serde_json::json!(["Ann Lee"]));
        assert_eq!(json["article"]["publisher"], "The Daily");
        let one = r#"{"id": "y", "text": "Japan met China.", "authors": "Bo Chan"}"#;
        let doc = pipeline().code_json_line(one, "1", None).unwrap();
        assert_eq!(doc.meta.authors, ["Bo Chan"]);
    }

    #[test]
    fn a_bad_lexicon_directory_is_named() {
        let opts = LexiconOptions {
            dirs: vec![PathBuf::from("/no/such/lexicon")],
            ..Default::default()
        };
        let err = Pipeline::load(&opts).err().expect("an error");
        assert!(err.to_string().contains("/no/such/lexicon"), "{err}");
    }
}
