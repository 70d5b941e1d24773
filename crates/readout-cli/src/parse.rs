//! `readout parse`: plain text in, its sentences tagged and parsed as CoNLL-U out.

use anyhow::{Context, Result};
use readout_doc::{ArticleMeta, Document, Kind};
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

/// Parses each input (plain text, paragraphs separated by blank lines; `-` reads standard
/// input) and prints every sentence as CoNLL-U: `# sent_id` and `# text` comments, then one
/// line per word with its universal and Penn tags, head and relation.
pub fn run(inputs: &[std::path::PathBuf], text: Option<&str>) -> Result<ExitCode> {
    let lex = readout_lexicon::Lexicon::embedded().context("loading the built-in lexicon")?;
    let parser = readout_syntax::Parser::embedded();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut sources: Vec<(String, String)> = Vec::new();
    if let Some(t) = text {
        sources.push(("text".into(), t.to_string()));
    }
    if inputs.is_empty() && text.is_none() {
        anyhow::bail!("give a file (or - for standard input) or --text TEXT");
    }
    // An input that cannot be read is reported and skipped; the others are still parsed.
    let mut failed = 0;
    for input in inputs {
        let name = input.display().to_string();
        let content = if input == Path::new("-") {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .context("reading standard input")
                .map(|_| s)
        } else {
            crate::code::read_input(input).and_then(|bytes| {
                readout_ingest::decode_text(&bytes)
                    .map(str::to_string)
                    .with_context(|| name.clone())
            })
        };
        match content {
            Ok(c) => sources.push((name, c)),
            Err(e) => {
                eprintln!("readout: {e:#}");
                failed += 1;
            }
        }
    }
    let mut scratch = readout_syntax::Scratch::default();
    let mut parse = Vec::new();
    for (name, content) in &sources {
        let paragraphs = content.split("\n\n").map(|p| (Kind::Body, p));
        let mut doc = Document::from_paragraphs(name.clone(), ArticleMeta::default(), paragraphs);
        readout_text::segment(&mut doc, &lex.split_rules);
        let mut words: Vec<&str> = Vec::new();
        let mut token_of = Vec::new();
        for (i, s) in doc.sentences.iter().enumerate() {
            readout_coder::syntax::parser_words(&doc, s.token_range(), &mut words, &mut token_of);
            parser.parse(&words, &mut scratch, &mut parse);
            let text = doc.slice(s.span).replace(['\n', '\r'], " ");
            writeln!(out, "# sent_id = {name}-{}", i + 1)?;
            writeln!(out, "# text = {text}")?;
            readout_syntax::write_conllu(&words, &parse, &mut out)?;
        }
    }
    out.flush()?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
