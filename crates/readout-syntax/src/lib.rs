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
//! Two linear models, averaged perceptrons over hashed sparse features:
//! - a **tagger** ([`tagger`]) predicting joint UPOS+XPOS classes greedily left
//!   to right from the word, its affixes and shape, its neighbours, the tags already assigned and
//!   the possible tags of the next words (their *ambiguity classes*);
//! - a **parser** ([`parser`]): greedy arc-hybrid transitions ([`arc`])
//!   scored over rich Zhang–Nivre style features, trained with a dynamic oracle and exploration
//!   (Goldberg and Nivre) on jack-knifed predicted tags; a move names the kind of relation it
//!   builds (seven kinds: subject, complement, function word, modifier, nominal dependent,
//!   clause or loose attachment, punctuation) and a labeller per kind picks the relation.
//!
//! Both read **word clusters** ([`clusters`]) besides the words themselves: classes of words
//! that occur in similar contexts, learnt without labels (the exchange algorithm, a flat cousin
//! of Brown clustering) from the treebank text alone, at two
//! granularities (256 and 32 classes). A word the treebanks seldom show shares its cluster's
//! weights (Koo, Carreras and Collins 2008). With them (and twelve parser epochs instead of
//! ten) EWT dev rose by 0.4 UAS and LAS, GUM dev by 0.5 UAS and 0.3 LAS.
//!
//! Why this and not a neural network: readout must code news at several megabytes a second on
//! one core, parse included, so tagging and parsing get about a microsecond per word. Linear
//! models with a few dozen table look-ups per decision fit that, and reach UPOS 95.6%,
//! UAS 86.4 and LAS 83.2 on EWT test; a transformer gets 3–5 points more at a thousand times
//! the cost.
//!
//! After parsing, a repair pass (`repair.rs`) rewrites the few shapes no English tree can
//! have that a greedy parser still builds: an open complement with its own modal ("which
//! ministers claim will tackle crime"), a noun compounded onto the participle after it ("seize
//! land owned by…"), a reporting clause after a quotation hung on the quotation as a conjunct.
//!
//! What makes it fast:
//! - weights are bytes with one scale per table (8 bits lose nothing measurable against 16),
//!   in bucketed hash tables whose narrow rows (the parser's 15 move classes, each labeller's
//!   classes) sit in the same 64-byte cache line as their keys; look-ups are branch-free, and every
//!   feature of a decision is fetched in one pass before any row is summed, so that their cache
//!   misses overlap (a prefetch hint from the small `prefetch-index` crate, so readout itself
//!   has no `unsafe` code);
//! - both models are *cascades*: a quick model over a third of the features decides when it
//!   leads by a wide margin, which it does for most words and moves; only the rest pay for the
//!   full model;
//! - each model is the mean of several trained alike in different orders ("mixing"), which
//!   lowers the variance of a perceptron at no cost when parsing.
//! - a word's clusters are looked up once, by the tagger, and the parser reuses them; templates
//!   that only say something for a few words (the tagger's runner-up tags) are read only there.
//!
//! A few shapes a greedy parser gets wrong are parsed again in parts: a sentence whose opening
//! adverb it took for the root ("Separately, …") is parsed again after the adverb, and one with
//! a relative clause opened by "whose" between commas ("Southcorp, whose brands include …,
//! dismissed the offer") is parsed without the clause and the clause on its own.
//!
//! Nothing is allocated per sentence once a [`Scratch`] has grown to the longest sentence seen,
//! but for the rare sentence parsed in parts around a "whose" clause.
//! Sentences of more than [`MAX_CHUNK`] words are tagged and parsed in consecutive chunks whose
//! roots are joined, so time stays linear in the input; any input is accepted (empty, one word,
//! odd Unicode, 10 KB words) and never panics.
//!
//! Headlines: a sentence in Title Case or in capitals is recognised as such and its words are
//! seen through case-neutral features, learnt from title-cased and upper-cased copies of
//! training sentences, so headlines keep most of their tagging accuracy.
//!
//! ## The model
//!
//! `model/en-ud.bin` is embedded in the binary and decoded once, on first use
//! ([`Parser::embedded`]). It is trained on the English Web Treebank and the CC BY parts of GUM
//! (UD 2.x, train and dev sets; every setting was chosen beforehand on dev with the train sets
//! alone, `--train-only`, and the test sets are never read), by
//! `cargo run --release -p readout-syntax --bin train-syntax` (deterministic: the same
//! treebanks give the same file), which also learns the word clusters from the same text only (only 32-bit hashes of the words and their classes are
//! stored). No other text goes into it: `../shared/data/corpus` is for benchmarks and evaluation
//! only (the event evaluation set is drawn from it), so the trainer never reads it by default and
//! a model learnt from it must not ship. Being derived from EWT (CC BY-SA 4.0)
//! and GUM (CC BY), the model file is licensed **CC BY-SA 4.0**; see `model/README.md`. The code
//! is MIT OR Apache-2.0 like the rest of readout.

use std::sync::OnceLock;

pub mod arc;
pub mod clusters;
pub mod conllu;
pub mod eval;
mod hash;
mod lex;
pub mod parser;
mod repair;
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
    /// The universal part of speech (`NOUN`, `VERB`, `AUX`…).
    pub upos: Upos,
    /// The Penn Treebank tag (`NN`, `VBD`, `VBN`…), finer than `upos` in tense, number and degree.
    pub xpos: Xpos,
    /// The head's index in the sentence; `None` for the sentence's root.
    pub head: Option<u16>,
    /// The relation to the head; `root` for the sentence's root.
    pub rel: Rel,
}

/// Why a model could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The bytes do not start with `RDSYNTAX`: not a model file at all.
    #[error("not a readout-syntax model (bad magic bytes)")]
    BadMagic,
    /// The file's layout is of another version than this code reads.
    #[error("model format {found}, this code reads format {expected}: retrain with train-syntax")]
    Version {
        /// The format number in the file.
        found: u32,
        /// The format number this code reads.
        expected: u32,
    },
    /// The model was trained on other features than this code extracts, so its weights would
    /// score the wrong things.
    #[error("model features version {found}, this code computes version {expected}: retrain with train-syntax")]
    Features {
        /// The features version in the file.
        found: u32,
        /// The features version this code computes.
        expected: u32,
    },
    /// The deflate-compressed body could not be decompressed.
    #[error("decompressing the model: {0}")]
    Inflate(#[from] std::io::Error),
    /// The decompressed body is malformed; the text names the part that is.
    #[error("corrupt model ({0})")]
    Corrupt(&'static str),
}

const MAGIC: &[u8; 8] = b"RDSYNTAX";
const FORMAT: u32 = 1;
/// Bumped whenever feature extraction changes, so that a stale model is refused instead of
/// silently mis-scoring.
const FEATURES: u32 = 2;

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
    /// The parse of a sentence after its opening adverb, when that is parsed again.
    rest: Vec<Word>,
}

/// The most words a relative clause set off by commas is looked for over.
const MAX_RELATIVE_WORDS: usize = 30;

/// ", whose brands include Penfolds, Rosemount and Lindemans, dismissed …": the commas around a
/// relative clause opened by "whose" after a noun, the closing one the first comma followed by
/// a verb in the first parse. The tagger keeps no tag of its own for "whose" (too rare in the
/// treebanks) and reads it as a personal pronoun, so the parser takes the relative clause for
/// the main one.
fn whose_clause(words: &[&str], first_parse: &[Word]) -> Option<(usize, usize)> {
    let open = (1..words.len().saturating_sub(2))
        .find(|&i| words[i] == "," && words[i + 1].eq_ignore_ascii_case("whose"))?;
    if !matches!(first_parse[open - 1].upos, Upos::NOUN | Upos::PROPN) {
        return None;
    }
    let end = words.len().min(open + MAX_RELATIVE_WORDS);
    let close = (open + 3..end).find(|&i| {
        words[i] == ","
            && first_parse
                .get(i + 1)
                .is_some_and(|w| matches!(w.upos, Upos::VERB | Upos::AUX))
    })?;
    Some((open, close))
}

/// An opening adverb and its comma ("Separately ,").
const OPENER_WORDS: usize = 2;

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
        let mut tagger = Tagger::read(&mut input)?;
        let mut parser = ArcParser::read(&mut input)?;
        let clusters = clusters::Clusters::read(&mut input)?;
        tagger.clusters = clusters.clone();
        parser.clusters = clusters;
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
        self.parser.clusters.write(&mut body);
        let mut out = Writer(MAGIC.to_vec());
        out.u32(FORMAT);
        out.u32(FEATURES);
        use std::io::Write;
        let mut z = flate2::write::DeflateEncoder::new(out.0, flate2::Compression::best());
        // Writing to a Vec cannot fail.
        let _ = z.write_all(&body.0);
        z.finish().unwrap_or_default()
    }

    /// A smaller model: the rows of the tagger, move and label tables whose largest weight is
    /// under the given thresholds are dropped (for choosing the pruning thresholds of training).
    #[doc(hidden)]
    pub fn pruned(&self, tagger: f64, moves: f64, labels: f64) -> Parser {
        Parser {
            tagger: self.tagger.pruned(tagger),
            parser: self.parser.pruned(moves, labels),
            about: self.about.clone(),
        }
    }

    /// Sets the parser cascade's margin (perceptron units; `None`: always the full model), for
    /// choosing it on development data. Returns false if the model has no cascade.
    #[doc(hidden)]
    pub fn set_quick_margin(&mut self, margin: Option<f64>) -> bool {
        self.parser.set_quick_margin(margin)
    }

    /// The same for the tagger's cascade.
    #[doc(hidden)]
    pub fn set_tagger_quick_margin(&mut self, margin: Option<f64>) -> bool {
        self.tagger.set_quick_margin(margin)
    }

    /// Sizes of the model's parts: lexicon entries, tagger, move and label table rows.
    pub fn sizes(&self) -> [usize; 4] {
        let (lexicon, tagger) = self.tagger.size();
        let (moves, labels) = self.parser.size();
        [lexicon, tagger, moves, labels]
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
        // chunk and hang each chunk's root on the first chunk's root. Heads are u16: past word
        // 65,535 a head could not be written, so such words hang on the root as `dep`.
        let mut root = None;
        let mut chunk = std::mem::take(&mut scratch.chunk);
        for (c, part) in words.chunks(MAX_CHUNK).enumerate() {
            let offset = c * MAX_CHUNK;
            self.parse_chunk(part, scratch, &mut chunk);
            for w in &chunk {
                let mut w = *w;
                let index = out.len();
                match (w.head, root) {
                    (None, None) => root = Some(index as u16),
                    (None, Some(r)) => {
                        w.head = Some(r);
                        w.rel = Rel::Parataxis;
                    }
                    (Some(_), Some(r)) if offset + MAX_CHUNK > u16::MAX as usize => {
                        w.head = Some(r);
                        w.rel = Rel::Dep;
                    }
                    (Some(h), _) => w.head = Some(h + offset as u16),
                }
                out.push(w);
            }
        }
        scratch.chunk = chunk;
    }

    /// Parses with given tags instead of the tagger's (for measuring how much tagging errors
    /// cost the parser).
    #[doc(hidden)]
    pub fn parse_gold_tags(
        &self,
        words: &[&str],
        tags: &[(Upos, Xpos)],
        scratch: &mut Scratch,
        out: &mut Vec<Word>,
    ) {
        out.clear();
        if words.is_empty() || words.len() > MAX_CHUNK || tags.len() != words.len() {
            return;
        }
        let mode = lex::sentence_mode(words);
        lex::lex_sentence(words, mode, &mut scratch.lex, &mut scratch.lx);
        scratch.tags.clear();
        scratch
            .tags
            .extend(tags.iter().map(|&(u, x)| self.tagger.tagset.class(u, x)));
        scratch.tag.alt.clear();
        scratch.tag.clus.clear();
        self.parse_tagged(scratch, out);
    }

    /// Tags without parsing (for timing the two halves separately).
    #[doc(hidden)]
    pub fn tag_only(&self, words: &[&str], scratch: &mut Scratch) -> usize {
        let mode = lex::sentence_mode(words);
        lex::lex_sentence(words, mode, &mut scratch.lex, &mut scratch.lx);
        self.tagger
            .tag(&scratch.lx, &mut scratch.tag, &mut scratch.tags);
        scratch.tags.len()
    }

    fn parse_chunk(&self, words: &[&str], scratch: &mut Scratch, out: &mut Vec<Word>) {
        out.clear();
        if words.is_empty() {
            return;
        }
        let mode = lex::sentence_mode(words);
        self.parse_words(words, mode, scratch, out);
        // "Separately, in Wisconsin, Republicans … sued": a greedy parser that takes the
        // opening adverb for the root can lose the whole clause after it. The clause is parsed
        // again on its own, and the adverb hung on its verb.
        if repair::stranded_opener(out) && words.len() > OPENER_WORDS {
            let mut rest = std::mem::take(&mut scratch.rest);
            let clause = &words[OPENER_WORDS..];
            self.parse_words(clause, mode, scratch, &mut rest);
            if let Some(root) = rest
                .iter()
                .position(|w| w.head.is_none() && w.upos == Upos::VERB)
            {
                let root = (root + OPENER_WORDS) as u16;
                out[0].head = Some(root);
                out[0].rel = Rel::Advmod;
                out[1].head = Some(0);
                out[1].rel = Rel::Punct;
                for (w, r) in out[OPENER_WORDS..].iter_mut().zip(&rest) {
                    *w = Word {
                        head: r.head.map(|h| h + OPENER_WORDS as u16),
                        ..*r
                    };
                }
            }
            scratch.rest = rest;
        }
        if let Some((open, close)) = whose_clause(words, out) {
            self.parse_apart(words, open, close, scratch, out);
        }
    }

    /// Parses the sentence again without the relative clause between the commas at `open` and
    /// `close`, parses the clause on its own, and hangs it on the noun before it (see
    /// [`whose_clause`]). The first parse stands when the sentence without the clause has no
    /// verb for its root.
    fn parse_apart(
        &self,
        words: &[&str],
        open: usize,
        close: usize,
        scratch: &mut Scratch,
        out: &mut [Word],
    ) {
        let gap = close + 1 - open;
        let main_words: Vec<&str> = words[..open]
            .iter()
            .chain(&words[close + 1..])
            .copied()
            .collect();
        let clause_words = &words[open + 1..close];
        let mut main = Vec::new();
        let mut clause = Vec::new();
        for (part, parsed) in [(&main_words[..], &mut main), (clause_words, &mut clause)] {
            self.parse_words(part, lex::sentence_mode(part), scratch, parsed);
        }
        let main_root = main.iter().position(|w| w.head.is_none());
        let clause_root = clause.iter().position(|w| w.head.is_none());
        let (Some(main_root), Some(clause_root)) = (main_root, clause_root) else {
            return;
        };
        if main[main_root].upos != Upos::VERB {
            return;
        }
        // The noun the clause is about: the name before the comma, from its first word.
        let mut antecedent = open - 1;
        while main[antecedent].rel == Rel::Flat {
            match main[antecedent].head.map(usize::from) {
                Some(h) if h < antecedent => antecedent = h,
                _ => break,
            }
        }
        let original = |m: usize| if m < open { m } else { m + gap };
        for (m, w) in main.iter().enumerate() {
            out[original(m)] = Word {
                head: w.head.map(|h| original(h as usize) as u16),
                ..*w
            };
        }
        let relative_root = (open + 1 + clause_root) as u16;
        for (c, w) in clause.iter().enumerate() {
            out[open + 1 + c] = Word {
                head: Some(w.head.map_or(antecedent as u16, |h| h + open as u16 + 1)),
                rel: if w.head.is_none() {
                    Rel::AclRelcl
                } else {
                    w.rel
                },
                ..*w
            };
        }
        for comma in [open, close] {
            out[comma].head = Some(relative_root);
            out[comma].rel = Rel::Punct;
        }
    }

    /// Tags, parses and repairs `words`, seen in case mode `mode`.
    fn parse_words(
        &self,
        words: &[&str],
        mode: lex::Mode,
        scratch: &mut Scratch,
        out: &mut Vec<Word>,
    ) {
        lex::lex_sentence(words, mode, &mut scratch.lex, &mut scratch.lx);
        self.tagger
            .tag(&scratch.lx, &mut scratch.tag, &mut scratch.tags);
        self.parse_tagged(scratch, out);
        repair::repair(words, out);
    }

    /// Parses the words whose views (`scratch.lx`) and tags (`scratch.tags`) are ready.
    fn parse_tagged(&self, scratch: &mut Scratch, out: &mut Vec<Word>) {
        out.clear();
        self.parser.parse(
            &scratch.lx,
            &scratch.tags,
            &scratch.tag.alt,
            &scratch.tag.clus,
            &mut scratch.parse,
        );
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
