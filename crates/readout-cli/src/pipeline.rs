//! The whole pipeline for one document: ingest → text → coder → context.

use crate::LexiconArgs;
use anyhow::{Context as _, Result};
use readout_doc::{output::OutputDocument, Date, Document};
use readout_ingest::{IngestError, PageCues};
use readout_lexicon::{Lexicon, LexiconBuilder};

pub struct Pipeline {
    pub lexicon: Lexicon,
    pub cues: PageCues,
}

impl Pipeline {
    /// The lexicon the arguments ask for, and the page cues it carries.
    pub fn load(args: &LexiconArgs) -> Result<Pipeline> {
        let lexicon = builder(args)?
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

    /// Phrases that start page-furniture blocks, for HTML extraction.
    pub fn furniture(&self) -> Vec<String> {
        self.lexicon
            .page_cues
            .get("boilerplate")
            .cloned()
            .unwrap_or_default()
    }

    /// Segments and codes a document whose paragraphs are set.
    pub fn code(&self, doc: &mut Document, trace: Option<&mut readout_coder::Trace>) {
        readout_text::segment(doc, &self.lexicon.split_rules);
        readout_coder::Coder::new(&self.lexicon).code(doc, trace);
        readout_context::resolve(doc, &self.lexicon);
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

/// The embedded lexicon (less its actors, if asked), then the user's dictionaries.
pub fn builder(args: &LexiconArgs) -> Result<LexiconBuilder> {
    let mut builder = if args.no_builtin_actors {
        LexiconBuilder::new().add_embedded_except("actors/")
    } else {
        LexiconBuilder::new().add_embedded()
    };
    for dir in &args.lexicon {
        builder = builder
            .add_path(dir)
            .with_context(|| format!("loading lexicon {}", dir.display()))?;
    }
    for file in &args.petrarch_actors {
        builder = builder
            .add_petrarch_actors(file)
            .with_context(|| format!("loading PETRARCH actors {}", file.display()))?;
    }
    for file in &args.petrarch_agents {
        builder = builder
            .add_petrarch_agents(file)
            .with_context(|| format!("loading PETRARCH agents {}", file.display()))?;
    }
    Ok(builder)
}

/// Serialises a coded document as one JSON line.
pub fn to_json_line(doc: &Document, out: &mut Vec<u8>) {
    serde_json::to_writer(&mut *out, &OutputDocument::new(doc))
        .expect("serialising to memory cannot fail");
    out.push(b'\n');
}
