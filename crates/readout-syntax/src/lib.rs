//! readout's part-of-speech tagger and dependency parser for English.
//!
//! **Takes** one sentence as a slice of words, tokenised the way readout's tokenizer and the
//! Universal Dependencies English treebanks do it (`Russia` `'s`, `did` `n't`, `anti` `-` `war`,
//! quotes as words of their own; typographic quotes and apostrophes are fine).
//! **Gives** one [`Word`] per input word: its universal part of speech ([`Upos`]), its Penn
//! Treebank tag ([`Xpos`]), its head (an index into the sentence, `None` for the root) and its
//! Universal Dependencies relation to the head ([`Rel`], with the English subtypes such as
//! `nsubj:pass`, `obl:agent`, `nmod:poss`, `compound:prt`).
//!
//! ```no_run
//! use readout_syntax::{Parser, Scratch};
//! let parser = Parser::embedded();
//! let mut scratch = Scratch::default();
//! let mut parse = Vec::new();
//! parser.parse(&["The", "ministry", "condemned", "the", "attack", "."], &mut scratch, &mut parse);
//! assert_eq!(parse[2].head, None); // "condemned" is the root
//! ```
//!
//! ## Design
//!
//! Two linear models, both averaged perceptrons over hashed sparse features:
//! - a **tagger** ([`tagger`](crate::tagger)) predicting joint UPOS+XPOS classes greedily left
//!   to right from the word, its affixes and shape, its neighbours, the tags already assigned
//!   and the possible tags of the next words;
//! - a **parser** ([`parser`](crate::parser)), greedy arc-hybrid transitions ([`arc`](crate::arc))
//!   with Zhang and Nivre's rich features, trained with a dynamic oracle and exploration
//!   (Goldberg and Nivre), on jack-knifed predicted tags, each arc labelled when it is built.
//!
//! Why this and not a neural network: readout must code news at several megabytes a second on
//! one core, parse included, so the parser has about a microsecond per word. Linear models with
//! a few dozen table look-ups per decision meet that (see the crate's benchmark) and still reach
//! UPOS 95–96%, UAS 86–87 and LAS 83–84 on EWT; a transformer gets 3–5 points more at a
//! thousand times the cost.
//!
//! Nothing is allocated per sentence once a [`Scratch`] has grown to the longest sentence seen.
//! Sentences of more than [`MAX_CHUNK`] words are tagged and parsed in consecutive chunks whose
//! roots are joined, so time stays linear in the input; any input is accepted (empty, one word,
//! odd Unicode, 10 KB words) and never panics.
//!
//! ## The model
//!
//! `model/en-ud.bin` is embedded in the binary and decoded once, on first use
//! ([`Parser::embedded`]). It is trained on the English Web Treebank and the CC BY parts of GUM
//! (UD 2.x, train sets), by `cargo run --release -p readout-syntax --bin train-syntax`
//! (deterministic: the same treebanks give the same file). Being derived from EWT (CC BY-SA 4.0)
//! and GUM (CC BY), the model file is licensed **CC BY-SA 4.0**; see `model/README.md`. The code
//! is MIT OR Apache-2.0 like the rest of readout.

use std::sync::OnceLock;

pub mod arc;
pub mod conllu;
pub mod eval;
mod hash;
mod lex;
pub mod parser;
pub mod sample;
pub mod tagger;
mod tags;
pub mod train;
mod weights;

pub use conllu::{read_conllu, read_conllu_file, write_conllu, ConlluError, Sentence};
pub use tags::{Rel, Upos, Xpos};

use lex::{Lex, LexBuf};
use parser::{ArcParser, ParseScratch};
use tagger::{TagScratch, Tagger};
use weights::{Reader, Writer};

/// Sentences longer than this are parsed in chunks of this many words.
pub const MAX_CHUNK: usize = 300;

/// One word's analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    pub upos: Upos,
    pub xpos: Xpos,
    /// The head's index in the sentence; `None` for the sentence's root.
    pub head: Option<u16>,
    pub rel: Rel,
}

/// Why a model could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not a readout-syntax model (bad magic bytes)")]
    BadMagic,
    #[error("model format {found}, this code reads format {expected}: retrain with train-syntax")]
    Version { found: u32, expected: u32 },
    #[error("model features version {found}, this code computes version {expected}: retrain with train-syntax")]
    Features { found: u32, expected: u32 },
    #[error("decompressing the model: {0}")]
    Inflate(#[from] std::io::Error),
    #[error("corrupt model ({0})")]
    Corrupt(&'static str),
}

const MAGIC: &[u8; 8] = b"RDSYNTAX";
const FORMAT: u32 = 1;
/// Bumped whenever feature extraction changes, so that a stale model is refused instead of
/// silently mis-scoring.
const FEATURES: u32 = 1;

/// A tagger and parser: a model, immutable once loaded, shareable between threads.
#[derive(Clone, Debug)]
pub struct Parser {
    tagger: Tagger,
    parser: ArcParser,
    /// How the model was trained (free text, for `eval-syntax`).
    about: String,
}

/// Reusable buffers for [`Parser::parse`]; one per thread.
#[derive(Default, Debug)]
pub struct Scratch {
    lex: LexBuf,
    lx: Vec<Lex>,
    tag: TagScratch,
    tags: Vec<u8>,
    parse: ParseScratch,
    chunk: Vec<Word>,
}

static EMBEDDED: OnceLock<Parser> = OnceLock::new();
static EMBEDDED_BYTES: &[u8] = include_bytes!("../model/en-ud.bin");

impl Parser {
    /// The model shipped in the binary (decoded once, on first use, and shared).
    pub fn embedded() -> &'static Parser {
        EMBEDDED.get_or_init(|| {
            Parser::from_bytes(EMBEDDED_BYTES)
                .unwrap_or_else(|e| panic!("the embedded model/en-ud.bin is unusable: {e}"))
        })
    }

    /// Loads a model written by [`Parser::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, ModelError> {
        let body = bytes.strip_prefix(MAGIC).ok_or(ModelError::BadMagic)?;
        let mut header = Reader(body);
        let format = header.u32()?;
        if format != FORMAT {
            return Err(ModelError::Version {
                found: format,
                expected: FORMAT,
            });
        }
        let features = header.u32()?;
        if features != FEATURES {
            return Err(ModelError::Features {
                found: features,
                expected: FEATURES,
            });
        }
        let mut raw = Vec::new();
        use std::io::Read;
        flate2::read::DeflateDecoder::new(header.0).read_to_end(&mut raw)?;
        let mut input = Reader(&raw);
        let about = String::from_utf8_lossy(input.bytes()?).into_owned();
        let tagger = Tagger::read(&mut input)?;
        let parser = ArcParser::read(&mut input)?;
        if !input.0.is_empty() {
            return Err(ModelError::Corrupt("trailing bytes"));
        }
        Ok(Parser {
            tagger,
            parser,
            about,
        })
    }

    /// The model as bytes (deflate-compressed), the format of `model/en-ud.bin`.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut body = Writer::default();
        body.bytes(self.about.as_bytes());
        self.tagger.write(&mut body);
        self.parser.write(&mut body);
        let mut out = Writer(MAGIC.to_vec());
        out.u32(FORMAT);
        out.u32(FEATURES);
        use std::io::Write;
        let mut z = flate2::write::DeflateEncoder::new(out.0, flate2::Compression::best());
        // Writing to a Vec cannot fail.
        let _ = z.write_all(&body.0);
        z.finish().unwrap_or_default()
    }

    /// How the model was trained.
    pub fn about(&self) -> &str {
        &self.about
    }

    /// Tags and parses one sentence of words; `out` is cleared and filled, one entry per word.
    pub fn parse(&self, words: &[&str], scratch: &mut Scratch, out: &mut Vec<Word>) {
        out.clear();
        if words.len() <= MAX_CHUNK {
            self.parse_chunk(words, scratch, out);
            return;
        }
        // Long inputs (lists, tables, run-on text without sentence breaks): parse chunk by
        // chunk and hang each chunk's root on the first chunk's root.
        let mut root = None;
        let mut chunk = std::mem::take(&mut scratch.chunk);
        for (c, part) in words.chunks(MAX_CHUNK).enumerate() {
            let offset = (c * MAX_CHUNK) as u16;
            self.parse_chunk(part, scratch, &mut chunk);
            for w in &chunk {
                let mut w = *w;
                match w.head {
                    Some(h) => w.head = Some(h + offset),
                    None => match root {
                        None => root = Some(out.len() as u16),
                        Some(r) => {
                            w.head = Some(r);
                            w.rel = Rel::Parataxis;
                        }
                    },
                }
                out.push(w);
            }
        }
        scratch.chunk = chunk;
    }

    fn parse_chunk(&self, words: &[&str], scratch: &mut Scratch, out: &mut Vec<Word>) {
        out.clear();
        if words.is_empty() {
            return;
        }
        let mode = lex::sentence_mode(words);
        lex::lex_sentence(words, mode, &mut scratch.lex, &mut scratch.lx);
        self.tagger
            .tag(&scratch.lx, &mut scratch.tag, &mut scratch.tags);
        self.parser
            .parse(&scratch.lx, &scratch.tags, &mut scratch.parse);
        let state = &scratch.parse.state;
        for (i, &t) in scratch.tags.iter().enumerate() {
            let (upos, xpos) = self.tagger.tagset.classes[t as usize];
            let h = state.heads[i + 1];
            out.push(Word {
                upos,
                xpos,
                head: if h == 0 || h == arc::NONE {
                    None
                } else {
                    Some(h - 1)
                },
                rel: self.parser.rel(state, i + 1),
            });
        }
    }
}
