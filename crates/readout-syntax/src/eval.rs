//! Scoring a parser against gold treebank sentences, CoNLL 2018 style: gold tokenisation, every
//! word counted (punctuation included), LAS comparing the universal part of the relation.

use std::time::Instant;

use crate::conllu::Sentence;
use crate::{Parser, Scratch};

/// Counts of right answers over a set of sentences.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scores {
    /// Sentences scored.
    pub sentences: usize,
    /// Words scored, punctuation included: the denominator of every percentage.
    pub words: usize,
    /// Words with the right UPOS.
    pub upos: usize,
    /// Words with the right XPOS (Penn Treebank tag).
    pub xpos: usize,
    /// Right heads.
    pub uas: usize,
    /// Right heads with the right universal relation (`nsubj:pass` and `nsubj` agree).
    pub las: usize,
    /// Right heads with exactly the right relation, subtype included.
    pub las_full: usize,
    /// Time spent tagging and parsing.
    pub seconds: f64,
}

impl Scores {
    fn pct(&self, n: usize) -> f64 {
        100.0 * n as f64 / self.words.max(1) as f64
    }
    /// UPOS accuracy, in percent of words (0 when there are none).
    pub fn upos_pct(&self) -> f64 {
        self.pct(self.upos)
    }
    /// XPOS accuracy, in percent of words.
    pub fn xpos_pct(&self) -> f64 {
        self.pct(self.xpos)
    }
    /// Unlabelled attachment score: percent of words with the right head.
    pub fn uas_pct(&self) -> f64 {
        self.pct(self.uas)
    }
    /// Labelled attachment score: percent of words with the right head and universal relation.
    pub fn las_pct(&self) -> f64 {
        self.pct(self.las)
    }
    /// Percent of words with the right head and exactly the right relation, subtype included.
    pub fn las_full_pct(&self) -> f64 {
        self.pct(self.las_full)
    }
    /// Tagging and parsing speed: words over `seconds`.
    pub fn words_per_second(&self) -> f64 {
        self.words as f64 / self.seconds.max(1e-9)
    }

    /// One line: `UPOS 95.61  XPOS 95.02  UAS 87.10  LAS 84.02  (LAS with subtypes 83.50)`.
    pub fn summary(&self) -> String {
        format!(
            "UPOS {:.2}  XPOS {:.2}  UAS {:.2}  LAS {:.2}  (exact-label LAS {:.2}; {} sentences, {} words)",
            self.upos_pct(),
            self.xpos_pct(),
            self.uas_pct(),
            self.las_pct(),
            self.las_full_pct(),
            self.sentences,
            self.words
        )
    }
}

/// Tags and parses `sentences` (their gold words) and counts what agrees with the gold analysis.
pub fn evaluate(parser: &Parser, sentences: &[Sentence]) -> Scores {
    let mut scores = Scores::default();
    let mut scratch = Scratch::default();
    let mut out = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    for s in sentences {
        words.clear();
        words.extend(s.words.iter().map(String::as_str));
        let start = Instant::now();
        parser.parse(&words, &mut scratch, &mut out);
        scores.seconds += start.elapsed().as_secs_f64();
        scores.sentences += 1;
        for (p, g) in out.iter().zip(&s.gold) {
            scores.words += 1;
            scores.upos += (p.upos == g.upos) as usize;
            scores.xpos += (p.xpos == g.xpos) as usize;
            if p.head == g.head {
                scores.uas += 1;
                scores.las += (p.rel.base() == g.rel.base()) as usize;
                scores.las_full += (p.rel == g.rel) as usize;
            }
        }
    }
    scores
}

/// Like [`evaluate`], but parsing with the gold tags (how good the parser would be with a
/// perfect tagger).
pub fn evaluate_gold_tags(parser: &Parser, sentences: &[Sentence]) -> Scores {
    let mut scores = Scores::default();
    let mut scratch = Scratch::default();
    let mut out = Vec::new();
    for s in sentences {
        let tags: Vec<_> = s.gold.iter().map(|w| (w.upos, w.xpos)).collect();
        let words = s.word_refs();
        parser.parse_gold_tags(&words, &tags, &mut scratch, &mut out);
        scores.sentences += 1;
        for (p, g) in out.iter().zip(&s.gold) {
            scores.words += 1;
            scores.upos += (p.upos == g.upos) as usize;
            scores.xpos += (p.xpos == g.xpos) as usize;
            if p.head == g.head {
                scores.uas += 1;
                scores.las += (p.rel.base() == g.rel.base()) as usize;
                scores.las_full += (p.rel == g.rel) as usize;
            }
        }
    }
    scores
}

/// A copy of a sentence written as a headline in title case: every word's first letter
/// capitalised (the harshest headline style; AP style leaves short words alone).
pub fn title_cased(s: &Sentence) -> Sentence {
    Sentence {
        words: s.words.iter().map(|w| crate::lex::title_case(w)).collect(),
        ..s.clone()
    }
}

/// A copy of a sentence in capitals.
pub fn upper_cased(s: &Sentence) -> Sentence {
    Sentence {
        words: s.words.iter().map(|w| w.to_uppercase()).collect(),
        ..s.clone()
    }
}
