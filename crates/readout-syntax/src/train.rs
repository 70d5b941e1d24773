//! Training the shipped model from the treebanks: the whole recipe in one function, so that one
//! command (`train-syntax`) regenerates `model/en-ud.bin`.
//!
//! 1. Read the EWT and GUM train sets, and for the shipped model their dev sets too (never a
//!    test set), and learn word clusters from their text (plus [`TrainOptions::corpus`], empty
//!    for the shipped model).
//! 2. Train the tagger k times, each time on all folds but one, and tag the held-out fold
//!    (jack-knifing): the parser then trains on tags as wrong as they will be on new text.
//! 3. Train the final tagger on everything.
//! 4. Make the gold trees projective (lift crossing arcs) and train the parser on the
//!    jack-knifed tags.
//!
//! Everything is deterministic: fixed seeds, ordered maps at export, one thread.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::arc::{projectivise, NONE};
use crate::clusters::{self, ClusterOptions};
use crate::conllu::{read_conllu_file, ConlluError, Sentence};
use crate::lex::{self, LexBuf};
use crate::parser::{self, ParseExample, ParserOptions};
use crate::tagger::{self, TagScratch, TagSet, TaggerOptions};
use crate::tags::Rel;
use crate::Parser;

/// The treebank files training reads, relative to the treebank directory.
pub const TRAIN_FILES: &[&str] = &[
    "en_ewt-ud-train.conllu.gz",
    "en_gum-ccby-ud-train.conllu.gz",
];

/// The treebank dev files: training data of the shipped model (`train-syntax` leaves them out
/// with `--train-only`, for experiments scored on dev).
pub const DEV_FILES: &[&str] = &["en_ewt-ud-dev.conllu.gz", "en_gum-ccby-ud-dev.conllu.gz"];

/// Everything that decides the model.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Settings of the tagger: the final one and the jack-knifing ones alike.
    pub tagger: TaggerOptions,
    /// Settings of the parser.
    pub parser: ParserOptions,
    /// Jack-knifing folds for the parser's training tags; 0 or 1 trains the parser on gold tags.
    pub folds: usize,
    /// Experiments only: a file keeping the jack-knifed tags between runs that change only the
    /// parser (read if it exists, else written).
    pub jackknife_cache: Option<PathBuf>,
    /// Rows of the tagger, move and label tables whose largest weight is under these
    /// thresholds (perceptron units) are dropped from the shipped model: features seen too
    /// rarely to have learnt much. Chosen on EWT and GUM dev to cost under 0.05 points.
    pub prune: [f64; 3],
    /// How many word clusters to learn (fine and coarse) and from which words.
    pub clusters: ClusterOptions,
    /// JSON Lines files of unlabelled text (their `text` fields) to learn the clusters from,
    /// besides the training sentences. Empty for the shipped model: only text the project may
    /// train on belongs here, never `../shared/data/corpus` (evaluation only).
    pub corpus: Vec<PathBuf>,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            tagger: TaggerOptions::default(),
            parser: ParserOptions::default(),
            folds: 10,
            jackknife_cache: None,
            prune: [1.0, 1.5, 1.5],
            clusters: ClusterOptions::default(),
            corpus: Vec::new(),
        }
    }
}

/// Why training could not run.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    /// A training file could not be read, or is not valid CoNLL-U.
    #[error(transparent)]
    Conllu(#[from] ConlluError),
    /// The treebank files hold no sentence; the path is the treebank directory.
    #[error("no training sentences in {0}")]
    Empty(PathBuf),
}

/// Reads the training sentences from a treebank directory.
pub fn read_training(treebanks: &Path) -> Result<Vec<Sentence>, TrainError> {
    let mut sentences = Vec::new();
    for file in TRAIN_FILES {
        sentences.extend(read_conllu_file(treebanks.join(file))?);
    }
    if sentences.is_empty() {
        return Err(TrainError::Empty(treebanks.to_path_buf()));
    }
    Ok(sentences)
}

/// Learns the word clusters from the training sentences and the unlabelled corpus.
fn learn_clusters(
    sentences: &[Sentence],
    opts: &TrainOptions,
    log: &mut dyn FnMut(String),
) -> clusters::Clusters {
    let start = Instant::now();
    let mut texts = Vec::new();
    for path in &opts.corpus {
        match crate::sample::jsonl_texts(path) {
            Ok(t) => texts.extend(t),
            Err(e) => log(format!("{}: {e}; not used for clusters", path.display())),
        }
    }
    let unlabelled: Vec<Vec<String>> = texts
        .iter()
        .flat_map(|t| crate::sample::crude_sentences(t))
        .collect();
    let word_clusters = clusters::learn(
        sentences.iter().map(|s| s.word_refs()).chain(
            unlabelled
                .iter()
                .map(|s| s.iter().map(String::as_str).collect()),
        ),
        &opts.clusters,
        log,
    );
    log(format!(
        "{} words clustered ({:.0} s)",
        word_clusters.len(),
        start.elapsed().as_secs_f64()
    ));
    word_clusters
}

/// Trains a model on `sentences`.
pub fn train(sentences: &[Sentence], opts: &TrainOptions, log: &mut dyn FnMut(String)) -> Parser {
    train_watching(sentences, None, opts, log)
}

/// Trains only the tagger and scores it on `dev` after every epoch (for tagger experiments).
pub fn tagger_experiment(
    sentences: &[Sentence],
    dev: &[Sentence],
    opts: &TrainOptions,
    log: &mut dyn FnMut(String),
) {
    let tagset = TagSet::from_sentences(sentences);
    let word_clusters = learn_clusters(sentences, opts, log);
    let mut lines = Vec::new();
    let tagger = tagger::train(
        sentences,
        &tagset,
        &word_clusters,
        &opts.tagger,
        log,
        &mut |epoch, t| {
            let (u, x) = tagger::accuracy(t, dev);
            lines.push(format!("epoch {epoch}: UPOS {u:.2} XPOS {x:.2}"));
        },
    );
    let (u, x) = tagger::accuracy(&tagger, dev);
    lines.push(format!("final: UPOS {u:.2} XPOS {x:.2}"));
    let titled: Vec<Sentence> = dev.iter().map(crate::eval::title_cased).collect();
    let (tu, tx) = tagger::accuracy(&tagger, &titled);
    lines.push(format!("final, title case: UPOS {tu:.2} XPOS {tx:.2}"));
    for line in lines {
        log(format!("tagger dev {line}"));
    }
}

/// Trains a model on `sentences`; with `dev`, scores the parser on it after every epoch (for
/// choosing the number of epochs; the result does not depend on it).
pub fn train_watching(
    sentences: &[Sentence],
    dev: Option<&[Sentence]>,
    opts: &TrainOptions,
    log: &mut dyn FnMut(String),
) -> Parser {
    let start = Instant::now();
    let tagset = TagSet::from_sentences(sentences);
    log(format!(
        "{} sentences, {} words, {} tag classes",
        sentences.len(),
        sentences.iter().map(Sentence::len).sum::<usize>(),
        tagset.len()
    ));
    let word_clusters = learn_clusters(sentences, opts, log);

    // Jack-knifed tags for the parser's training data.
    let mut predicted: Vec<Vec<u8>> = sentences
        .iter()
        .map(|s| {
            s.gold
                .iter()
                .map(|w| tagset.class(w.upos, w.xpos))
                .collect()
        })
        .collect();
    let mut alternatives: Vec<Vec<u8>> = sentences
        .iter()
        .map(|s| vec![crate::tagger::NO_TAG; s.len()])
        .collect();
    let cached = opts
        .jackknife_cache
        .as_ref()
        .and_then(|p| std::fs::read(p).ok())
        .filter(|bytes| {
            let mut at = 0;
            for (tags, alts) in predicted.iter_mut().zip(alternatives.iter_mut()) {
                let n = tags.len();
                if bytes.len() < at + 2 * n {
                    return false;
                }
                tags.copy_from_slice(&bytes[at..at + n]);
                alts.copy_from_slice(&bytes[at + n..at + 2 * n]);
                at += 2 * n;
            }
            at == bytes.len()
        })
        .is_some();
    if cached {
        log("jack-knifed tags read from the cache".to_string());
    }
    if opts.folds > 1 && !cached {
        let mut right = 0usize;
        let mut total = 0usize;
        for fold in 0..opts.folds {
            let train: Vec<Sentence> = sentences
                .iter()
                .enumerate()
                .filter(|(i, _)| i % opts.folds != fold)
                .map(|(_, s)| s.clone())
                .collect();
            let tagger = tagger::train(
                &train,
                &tagset,
                &word_clusters,
                &opts.tagger,
                &mut |_| {},
                &mut |_, _| {},
            );
            let mut buf = LexBuf::default();
            let mut lx = Vec::new();
            let mut scratch = TagScratch::default();
            for (i, s) in sentences.iter().enumerate() {
                if i % opts.folds != fold {
                    continue;
                }
                let words = s.word_refs();
                lex::lex_sentence(&words, lex::sentence_mode(&words), &mut buf, &mut lx);
                let mut tags = Vec::new();
                tagger.tag(&lx, &mut scratch, &mut tags);
                for (t, g) in tags.iter().zip(&predicted[i]) {
                    right += (t == g) as usize;
                    total += 1;
                }
                predicted[i] = tags;
                alternatives[i] = scratch.alt.clone();
            }
            log(format!(
                "jack-knife fold {}/{} done ({:.0} s)",
                fold + 1,
                opts.folds,
                start.elapsed().as_secs_f64()
            ));
        }
        log(format!(
            "jack-knifed tags: {:.2}% right",
            100.0 * right as f64 / total.max(1) as f64
        ));
        if let Some(path) = &opts.jackknife_cache {
            let mut bytes = Vec::new();
            for (tags, alts) in predicted.iter().zip(&alternatives) {
                bytes.extend_from_slice(tags);
                bytes.extend_from_slice(alts);
            }
            let _ = std::fs::write(path, bytes);
        }
    }

    let tagger = tagger::train(
        sentences,
        &tagset,
        &word_clusters,
        &opts.tagger,
        log,
        &mut |_, _| {},
    );
    log(format!(
        "tagger trained ({:.0} s)",
        start.elapsed().as_secs_f64()
    ));

    let mut lifted = 0;
    let mut buf = LexBuf::default();
    let examples: Vec<ParseExample> = sentences
        .iter()
        .zip(predicted.into_iter().zip(alternatives))
        .map(|(s, (tags, alts))| {
            let words = s.word_refs();
            let mut lx = Vec::new();
            lex::lex_sentence(&words, lex::sentence_mode(&words), &mut buf, &mut lx);
            let mut heads: Vec<u16> = std::iter::once(0)
                .chain(s.gold.iter().map(|w| w.head.map_or(0, |h| h + 1)))
                .collect();
            lifted += projectivise(&mut heads);
            heads.push(NONE);
            let rels = std::iter::once(Rel::Root)
                .chain(s.gold.iter().map(|w| w.rel))
                .chain(std::iter::once(Rel::Root))
                .collect();
            ParseExample {
                lx,
                tags,
                alts,
                heads,
                rels,
            }
        })
        .collect();
    log(format!("{lifted} arcs lifted to make the trees projective"));
    let mut dev_scores = Vec::new();
    let coarse: Vec<u8> = tagset.classes.iter().map(|(u, _)| u.id()).collect();
    let parser = parser::train(
        &examples,
        coarse,
        word_clusters,
        &opts.parser,
        log,
        &mut |epoch, snapshot| {
            if let Some(dev) = dev {
                let model = Parser {
                    tagger: tagger.clone(),
                    parser: snapshot.clone(),
                    about: String::new(),
                };
                let scores = crate::eval::evaluate(&model, dev);
                dev_scores.push(format!("epoch {epoch}: {}", scores.summary()));
            }
        },
    );
    for line in dev_scores {
        log(format!("dev after parser {line}"));
    }
    log(format!(
        "parser trained ({:.0} s)",
        start.elapsed().as_secs_f64()
    ));
    let [t, m, l] = opts.prune;
    Parser {
        tagger,
        parser,
        about: format!(
            "trained on {} ({} sentences); {:?}",
            TRAIN_FILES.join(", "),
            sentences.len(),
            TrainOptions {
                jackknife_cache: None,
                // File names only: no paths of the machine that trained it.
                corpus: opts
                    .corpus
                    .iter()
                    .map(|p| p.file_name().map(PathBuf::from).unwrap_or_default())
                    .collect(),
                ..opts.clone()
            }
        ),
    }
    .pruned(t, m, l)
}
