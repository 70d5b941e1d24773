//! The whole pipeline for one document: ingest → text → coder → context.

use anyhow::{Context as _, Result};
use readout_doc::{output::OutputDocument, Date, Document};
use readout_ingest::{IngestError, PageCues};
use readout_lexicon::{Lexicon, LexiconBuilder};
use std::path::PathBuf;

pub struct Pipeline {
    pub lexicon: Lexicon,
    pub cues: PageCues,
}

impl Pipeline {
    /// The embedded lexicon plus any user lexicon directories.
    pub fn load(extra: &[PathBuf]) -> Result<Pipeline> {
        let mut builder = LexiconBuilder::new().add_embedded();
        for dir in extra {
            builder = builder
                .add_path(dir)
                .with_context(|| format!("loading lexicon {}", dir.display()))?;
        }
        let lexicon = builder
            .build()
            .context("the lexicon is invalid (run `readout lexicon check`)")?;
        let cue = |k: &str| lexicon.page_cues.get(k).cloned().unwrap_or_default();
        let cues = PageCues::new(
            &cue("caption-marker"),
            cue("credit-line"),
            cue("boilerplate"),
            lexicon
                .actors
                .iter()
                .filter(|a| a.wire)
                .map(|a| a.name.clone())
                .collect(),
        );
        Ok(Pipeline { lexicon, cues })
    }

    /// Segments and codes a document whose paragraphs are set.
    pub fn code(&self, doc: &mut Document, trace: Option<&mut readout_coder::Trace>) {
        readout_text::segment(doc, &self.lexicon.split_rules);
        readout_coder::Coder::new(&self.lexicon).code(doc, trace);
        readout_context::resolve(doc, &self.lexicon);
    }

    pub fn code_text(&self, id: &str, text: &str, date: Option<Date>) -> Document {
        let mut doc = readout_ingest::document_from_text(id, text, date, &self.cues);
        self.code(&mut doc, None);
        doc
    }

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
}

/// Serialises a coded document as one JSON line.
pub fn to_json_line(doc: &Document, out: &mut Vec<u8>) {
    serde_json::to_writer(&mut *out, &OutputDocument::new(doc))
        .expect("serialising to memory cannot fail");
    out.push(b'\n');
}
