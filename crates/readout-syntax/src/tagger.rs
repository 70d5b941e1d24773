//! The part-of-speech tagger: a greedy left-to-right averaged perceptron over joint UPOS+XPOS
//! classes (`VERB|VBD`, `AUX|VBD`, `PROPN|NNP`…).
//!
//! Predicting both tags at once costs nothing extra (one row of weights per feature either way)
//! and keeps them consistent; the Penn tags carry the distinctions (VBD/VBN, NN/NNS) the parser's
//! features want, the universal tags the ones readout's coder wants (AUX/VERB, PROPN).
//!
//! Features: the word, its lowercased form, prefixes and suffixes, shape, the words two either
//! side, the two tags already predicted to the left, and, looking right, the *ambiguity class* of
//! the next two words (the set of tags the training data gives them), which tells the tagger
//! what is coming without a second pass.
//!
//! Frequent words that the training data always tags the same way (`the`, `,`, `of`) take that tag
//! without scoring: a third of running text, at no measurable cost in accuracy.

use rustc_hash::FxHashMap;

use crate::clusters::Clusters;
use crate::conllu::Sentence;
use crate::hash::{key, Rng};
use crate::lex::{self, Lex, LexBuf, Mode, PAD_END, PAD_START};
use crate::tags::{Upos, Xpos};
use crate::weights::{Reader, Score, Table, TrainWeights, Writer};
use crate::ModelError;

/// At most this many tag classes, so that an ambiguity class is a 64-bit mask.
pub(crate) const MAX_CLASSES: usize = 64;

/// The joint tag classes and the map from treebank tag pairs to them.
#[derive(Clone, Debug)]
pub(crate) struct TagSet {
    pub classes: Vec<(Upos, Xpos)>,
    index: FxHashMap<(Upos, Xpos), u8>,
    /// For each UPOS, the class a rare pair of that UPOS is trained as.
    fallback: [u8; 17],
}

impl TagSet {
    /// The `MAX_CLASSES` most frequent tag pairs of the training data. Rarer pairs (`ADV|IN`,
    /// `X|VBN`) are trained as the most frequent pair with the same UPOS, so the UPOS stays right.
    pub fn from_sentences(sentences: &[Sentence]) -> TagSet {
        let mut counts: FxHashMap<(Upos, Xpos), usize> = FxHashMap::default();
        for s in sentences {
            for w in &s.gold {
                *counts.entry((w.upos, w.xpos)).or_default() += 1;
            }
        }
        let mut pairs: Vec<((Upos, Xpos), usize)> = counts.into_iter().collect();
        pairs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        // Every UPOS keeps at least its most frequent pair.
        let mut classes: Vec<(Upos, Xpos)> = Vec::new();
        for &upos in Upos::ALL {
            if let Some((pair, _)) = pairs.iter().find(|(p, _)| p.0 == upos) {
                classes.push(*pair);
            }
        }
        for (pair, _) in &pairs {
            if classes.len() >= MAX_CLASSES {
                break;
            }
            if !classes.contains(pair) {
                classes.push(*pair);
            }
        }
        TagSet::new(classes)
    }

    fn new(classes: Vec<(Upos, Xpos)>) -> TagSet {
        let index: FxHashMap<(Upos, Xpos), u8> = classes
            .iter()
            .enumerate()
            .map(|(i, &p)| (p, i as u8))
            .collect();
        let mut fallback = [0u8; 17];
        for &upos in Upos::ALL {
            // The first class listed for a UPOS is its most frequent pair.
            fallback[upos as usize] = classes
                .iter()
                .position(|p| p.0 == upos)
                .or_else(|| classes.iter().position(|p| p.0 == Upos::X))
                .unwrap_or(0) as u8;
        }
        TagSet {
            classes,
            index,
            fallback,
        }
    }

    pub fn len(&self) -> usize {
        self.classes.len()
    }

    /// The class a gold tag pair is trained as.
    pub fn class(&self, upos: Upos, xpos: Xpos) -> u8 {
        self.index
            .get(&(upos, xpos))
            .copied()
            .unwrap_or(self.fallback[upos as usize])
    }

    fn write(&self, out: &mut Writer) {
        out.u8(self.classes.len() as u8);
        for &(u, x) in &self.classes {
            out.u8(u.id());
            out.u8(x.id());
        }
    }

    fn read(input: &mut Reader) -> Result<TagSet, ModelError> {
        let n = input.u8()? as usize;
        if n == 0 || n > MAX_CLASSES {
            return Err(ModelError::Corrupt("tag classes"));
        }
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            let u = Upos::from_id(input.u8()?).ok_or(ModelError::Corrupt("UPOS id"))?;
            let x = Xpos::from_id(input.u8()?).ok_or(ModelError::Corrupt("XPOS id"))?;
            classes.push((u, x));
        }
        Ok(TagSet::new(classes))
    }
}

/// What the training data says about a (lowercased) word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The classes that make up at least 5% of the word's occurrences, as a bit mask.
    pub ambiguity: u64,
    /// The class to assign without scoring, or `NO_TAG` when the word needs the model.
    pub sure: u8,
}

pub(crate) const NO_TAG: u8 = u8::MAX;

/// Training settings of the tagger (the defaults are the shipped model's).
#[derive(Clone, Debug)]
pub struct TaggerOptions {
    /// Passes over the training sentences, in each mixed run.
    pub epochs: usize,
    /// Words seen at least this often get an ambiguity class.
    pub ambiguity_min_count: usize,
    /// Words seen at least this often with one class at least `sure_share` of the time take it
    /// without scoring.
    pub sure_min_count: usize,
    /// The share (0 to 1) of a word's occurrences its commonest class needs for the word to be
    /// sure (see `sure_min_count`).
    pub sure_share: f64,
    /// The share of training sentences presented in title case each epoch, so that the tagger
    /// learns headlines.
    pub title_rate: f64,
    /// The share of training sentences presented in capitals each epoch.
    pub caps_rate: f64,
    /// Averaged weights smaller than this are dropped from the shipped table.
    pub prune: f64,
    /// Runner-up classes within this margin of the winner are passed to the parser.
    pub alt_margin: f32,
    /// Train this many times with different orders and mix the weights.
    pub mix: usize,
    /// Train a quick tagger on the core templates whose tag stands when it leads by this margin
    /// (perceptron units); `None`: no cascade.
    pub quick_margin: Option<f64>,
    /// Seed of the random generator that orders the sentences and picks those recased; run i
    /// of the mix uses `seed + i`.
    pub seed: u64,
    /// Whether the tagger reads word clusters.
    pub clusters: bool,
}

impl Default for TaggerOptions {
    fn default() -> Self {
        TaggerOptions {
            epochs: 10,
            ambiguity_min_count: 3,
            sure_min_count: 30,
            sure_share: 0.998,
            title_rate: 0.1,
            caps_rate: 0.03,
            prune: 0.0,
            alt_margin: 10.0,
            mix: 1,
            quick_margin: Some(10.0),
            seed: 0x7461_6767_6572,
            clusters: true,
        }
    }
}

/// The trained tagger.
#[derive(Clone, Debug)]
pub(crate) struct Tagger {
    pub tagset: TagSet,
    /// A runner-up class within this margin (perceptron units) of the winner is reported to
    /// the parser.
    alt_margin: f32,
    /// Keyed on the top 32 bits of the lowercased form's hash.
    lexicon: FxHashMap<u32, Entry>,
    weights: Table,
    /// The cascade's quick model (the templates of [`Context::quick`]) and the margin (in its
    /// quantised units) by which its best tag must lead for the full model to be skipped.
    quick: Option<(Table, Score)>,
    /// Word clusters (empty: no cluster templates); stored once in the model file, with the
    /// parser's.
    pub(crate) clusters: Clusters,
}

/// Reusable buffers for tagging.
#[derive(Default, Debug)]
pub(crate) struct TagScratch {
    /// Per word, the runner-up class when the tagger hesitated (its margin over the winner is
    /// small), else `NO_TAG`; the parser uses it to hedge against tagging errors.
    pub alt: Vec<u8>,
    keys: Vec<u64>,
    scores: Vec<Score>,
    rows: Vec<u32>,
    ambiguity: Vec<u64>,
    sure: Vec<u8>,
    /// Each word's fine and coarse cluster values (empty without clusters); the parser reads
    /// them too.
    pub clus: Vec<(u64, u64)>,
}

// Template numbers. They are part of the model format: never renumber, only add.
const T_BIAS: u32 = 0;
const T_FORM: u32 = 1;
const T_LOWER: u32 = 2;
const T_PRE: u32 = 3; // 3, 4, 5
const T_SUF: u32 = 6; // 6, 7, 8, 9
const T_SHAPE: u32 = 10;
const T_PREV: u32 = 11;
const T_PREV2: u32 = 12;
const T_PREV_LOWER: u32 = 13;
const T_LOWER_M1: u32 = 14;
const T_LOWER_P1: u32 = 15;
const T_LOWER_M2: u32 = 16;
const T_LOWER_P2: u32 = 17;
const T_SUF_M1: u32 = 18;
const T_SUF_P1: u32 = 19;
const T_SHAPE_M1: u32 = 20;
const T_SHAPE_P1: u32 = 21;
const T_AMB_P1: u32 = 22;
const T_AMB_P2: u32 = 23;
const T_LOWER_LOWER_P1: u32 = 24;
const T_LOWER_M1_LOWER: u32 = 25;
const T_PREV_AMB_P1: u32 = 26;
const T_AMB_P1_P2: u32 = 34;
const T_LOWER_AMB_P1: u32 = 35;
const T_SUF_AMB_P1: u32 = 36;
const T_CLUS: u32 = 37;
const T_CLUS_M1: u32 = 38;
const T_CLUS_P1: u32 = 39;
const T_PREV_CLUS: u32 = 40;
const T_CLUS_AMB_P1: u32 = 41;
const T_COARSE3: u32 = 42;

/// The tag-history value before the first word.
const START_TAG: u64 = 0xff;

/// What the templates read around word `i`: the word's views, its neighbours', the tags
/// already predicted to its left and the ambiguity classes to its right.
struct Context<'a> {
    w: &'a Lex,
    prev: u64,
    prev2: u64,
    lower: [u64; 5],
    suf: [u64; 3],
    shape: [u64; 3],
    amb1: u64,
    amb2: u64,
    /// Fine clusters of words i−1, i, i+1 and coarse ones; `None` without clusters.
    clus: Option<([u64; 3], [u64; 3])>,
}

impl<'a> Context<'a> {
    /// `tags` holds the classes predicted so far (at least `i` of them); `ambiguity` the
    /// ambiguity classes of every word.
    #[inline]
    fn new(
        i: usize,
        lx: &'a [Lex],
        ambiguity: &[u64],
        clus: &[(u64, u64)],
        tags: &[u8],
    ) -> Context<'a> {
        let at = |j: isize, f: fn(&Lex) -> u64| match j {
            j if j < 0 => PAD_START,
            j => lx.get(j as usize).map_or(PAD_END, f),
        };
        let amb_at = |j: usize| ambiguity.get(j).copied().unwrap_or(PAD_END);
        let c = i as isize;
        Context {
            w: &lx[i],
            prev: if i >= 1 {
                tags[i - 1] as u64
            } else {
                START_TAG
            },
            prev2: if i >= 2 {
                tags[i - 2] as u64
            } else {
                START_TAG
            },
            lower: [-2, -1, 0, 1, 2].map(|d| at(c + d, |l| l.lower)),
            suf: [-1, 0, 1].map(|d| at(c + d, |l| l.suf[2])),
            shape: [-1, 0, 1].map(|d| at(c + d, |l| l.shape)),
            amb1: amb_at(i + 1),
            amb2: amb_at(i + 2),
            clus: (!clus.is_empty()).then(|| {
                let c = |j: isize| match j {
                    j if j < 0 => (PAD_START, PAD_START),
                    j => clus.get(j as usize).copied().unwrap_or((PAD_END, PAD_END)),
                };
                let (m1, w, p1) = (c(i as isize - 1), c(i as isize), c(i as isize + 1));
                ([m1.0, w.0, p1.0], [m1.1, w.1, p1.1])
            }),
        }
    }

    /// The templates of the quick tagger: the word, its commonest suffixes and shape, the tags
    /// to its left and what the next word can be.
    #[inline]
    fn quick(&self, keys: &mut Vec<u64>) {
        let w = self.w;
        keys.push(key(T_BIAS, 0, 0, 0));
        keys.push(key(T_FORM, w.form, 0, 0));
        keys.push(key(T_LOWER, w.lower, 0, 0));
        keys.push(key(T_SUF + 1, w.suf[1], 0, 0));
        keys.push(key(T_SUF + 2, w.suf[2], 0, 0));
        keys.push(key(T_SHAPE, w.shape, 0, 0));
        keys.push(key(T_PREV, self.prev, 0, 0));
        keys.push(key(T_PREV2, self.prev, self.prev2, 0));
        keys.push(key(T_PREV_LOWER, self.prev, w.lower, 0));
        keys.push(key(T_AMB_P1, self.amb1, 0, 0));
        keys.push(key(T_PREV_AMB_P1, self.prev, self.amb1, 0));
    }

    /// The other templates: prefixes, the shortest and longest suffixes, the words two either
    /// side and their suffixes and shapes, and more of the right context.
    #[inline]
    fn rest(&self, keys: &mut Vec<u64>) {
        let w = self.w;
        for k in 0..3 {
            keys.push(key(T_PRE + k as u32, w.pre[k], 0, 0));
        }
        keys.push(key(T_SUF, w.suf[0], 0, 0));
        keys.push(key(T_SUF + 3, w.suf[3], 0, 0));
        keys.push(key(T_LOWER_M1, self.lower[1], 0, 0));
        keys.push(key(T_LOWER_P1, self.lower[3], 0, 0));
        keys.push(key(T_LOWER_M2, self.lower[0], 0, 0));
        keys.push(key(T_LOWER_P2, self.lower[4], 0, 0));
        keys.push(key(T_SUF_M1, self.suf[0], 0, 0));
        keys.push(key(T_SUF_P1, self.suf[2], 0, 0));
        keys.push(key(T_SHAPE_M1, self.shape[0], 0, 0));
        keys.push(key(T_SHAPE_P1, self.shape[2], 0, 0));
        keys.push(key(T_AMB_P2, self.amb2, 0, 0));
        keys.push(key(T_LOWER_LOWER_P1, w.lower, self.lower[3], 0));
        keys.push(key(T_LOWER_M1_LOWER, self.lower[1], w.lower, 0));
        // Looking right: what the next two words can be, together and with this word.
        keys.push(key(T_AMB_P1_P2, self.amb1, self.amb2, 0));
        keys.push(key(T_LOWER_AMB_P1, w.lower, self.amb1, 0));
        keys.push(key(T_SUF_AMB_P1, w.suf[2], self.amb1, 0));
        // Word clusters: what words rare in the treebanks behave like.
        if let Some((fine, coarse)) = self.clus {
            keys.push(key(T_CLUS, fine[1], 0, 0));
            keys.push(key(T_CLUS_M1, fine[0], 0, 0));
            keys.push(key(T_CLUS_P1, fine[2], 0, 0));
            keys.push(key(T_PREV_CLUS, self.prev, fine[1], 0));
            keys.push(key(T_CLUS_AMB_P1, fine[1], self.amb1, 0));
            keys.push(key(T_COARSE3, coarse[0], coarse[1], coarse[2]));
        }
    }
}

fn lexicon_key(lower: u64) -> u32 {
    (lower >> 32) as u32
}

impl Tagger {
    /// Looks up every word's ambiguity class and sure tag.
    fn lookup(&self, lx: &[Lex], scratch: &mut TagScratch) {
        scratch.ambiguity.clear();
        scratch.sure.clear();
        scratch.clus.clear();
        if !self.clusters.is_empty() {
            scratch
                .clus
                .extend(lx.iter().map(|l| self.clusters.of(l.lower)));
        }
        for l in lx {
            match self.lexicon.get(&lexicon_key(l.lower)) {
                Some(e) => {
                    scratch.ambiguity.push(e.ambiguity);
                    scratch.sure.push(e.sure);
                }
                None => {
                    scratch.ambiguity.push(0);
                    scratch.sure.push(NO_TAG);
                }
            }
        }
    }

    /// Tags a sentence: `out` gets one class per word.
    pub fn tag(&self, lx: &[Lex], scratch: &mut TagScratch, out: &mut Vec<u8>) {
        out.clear();
        scratch.alt.clear();
        self.lookup(lx, scratch);
        scratch.scores.resize(self.weights.stride(), 0);
        let classes = self.tagset.len();
        let margin = (self.alt_margin as f64 / self.weights.scale as f64).min(30_000.0) as Score;
        for i in 0..lx.len() {
            let sure = scratch.sure[i];
            if sure != NO_TAG {
                out.push(sure);
                scratch.alt.push(NO_TAG);
                continue;
            }
            scratch.keys.clear();
            let context = Context::new(i, lx, &scratch.ambiguity, &scratch.clus, out);
            context.quick(&mut scratch.keys);
            // The cascade: the quick model's tag stands when it is clearly ahead.
            if let Some((quick, quick_margin)) = &self.quick {
                quick.score(&scratch.keys, &mut scratch.scores, &mut scratch.rows);
                let scores = &scratch.scores[..classes];
                let (best, second) = top_two(scores);
                if second == usize::MAX
                    || scores[best].saturating_sub(scores[second]) >= *quick_margin
                {
                    out.push(best as u8);
                    scratch.alt.push(NO_TAG);
                    continue;
                }
            }
            context.rest(&mut scratch.keys);
            self.weights
                .score(&scratch.keys, &mut scratch.scores, &mut scratch.rows);
            let scores = &scratch.scores[..classes];
            let (best, second) = top_two(scores);
            out.push(best as u8);
            let close =
                second != usize::MAX && scores[best].saturating_sub(scores[second]) < margin;
            scratch.alt.push(if close { second as u8 } else { NO_TAG });
        }
    }

    pub fn pruned(&self, threshold: f64) -> Tagger {
        Tagger {
            weights: self.weights.pruned(threshold),
            quick: self.quick.as_ref().map(|(t, m)| (t.pruned(threshold), *m)),
            ..self.clone()
        }
    }

    /// Sets the cascade's margin in perceptron units (`None`: always the full model). Returns
    /// false if there is no cascade.
    pub fn set_quick_margin(&mut self, margin: Option<f64>) -> bool {
        match (&mut self.quick, margin) {
            (Some((table, m)), Some(real)) => {
                *m = (real / table.scale as f64).clamp(0.0, 32_000.0) as Score;
                true
            }
            (Some((_, m)), None) => {
                *m = Score::MAX;
                true
            }
            _ => false,
        }
    }

    pub fn size(&self) -> (usize, usize) {
        (self.lexicon.len(), self.weights.len())
    }

    pub fn write(&self, out: &mut Writer) {
        self.tagset.write(out);
        out.f32(self.alt_margin);
        let mut entries: Vec<(&u32, &Entry)> = self.lexicon.iter().collect();
        entries.sort_unstable_by_key(|e| *e.0);
        out.u32(entries.len() as u32);
        let mut last = 0u32;
        for (&k, _) in &entries {
            out.varint((k - last) as u64);
            last = k;
        }
        for (_, e) in &entries {
            out.u64(e.ambiguity);
        }
        for (_, e) in &entries {
            out.u8(e.sure);
        }
        self.weights.write(out);
        match &self.quick {
            Some((table, margin)) => {
                out.u8(1);
                out.u32(*margin as u16 as u32);
                table.write(out);
            }
            None => out.u8(0),
        }
    }

    pub fn read(input: &mut Reader) -> Result<Tagger, ModelError> {
        let tagset = TagSet::read(input)?;
        let alt_margin = input.f32()?;
        let n = input.u32()? as usize;
        if n > 1 << 24 {
            return Err(ModelError::Corrupt("lexicon size"));
        }
        let mut keys = Vec::with_capacity(n);
        let mut last = 0u64;
        for _ in 0..n {
            last += input.varint()?;
            keys.push(u32::try_from(last).map_err(|_| ModelError::Corrupt("lexicon key"))?);
        }
        let mut ambiguity = Vec::with_capacity(n);
        for _ in 0..n {
            ambiguity.push(input.u64()?);
        }
        let mut lexicon = FxHashMap::default();
        lexicon.reserve(n);
        for (k, a) in keys.into_iter().zip(ambiguity) {
            let sure = input.u8()?;
            if sure != NO_TAG && sure as usize >= tagset.len() {
                return Err(ModelError::Corrupt("lexicon tag"));
            }
            lexicon.insert(k, Entry { ambiguity: a, sure });
        }
        let weights = Table::read(input)?;
        if weights.classes != tagset.len() {
            return Err(ModelError::Corrupt("tagger classes"));
        }
        let quick = if input.u8()? != 0 {
            let margin = input.u32()? as u16 as Score;
            let table = Table::read(input)?;
            if table.classes != tagset.len() {
                return Err(ModelError::Corrupt("quick tagger classes"));
            }
            Some((table, margin))
        } else {
            None
        };
        Ok(Tagger {
            tagset,
            alt_margin,
            lexicon,
            weights,
            quick,
            clusters: Clusters::default(),
        })
    }
}

/// UPOS and XPOS accuracy (percent) of a tagger on gold sentences.
pub(crate) fn accuracy(tagger: &Tagger, sentences: &[Sentence]) -> (f64, f64) {
    let (mut upos, mut xpos, mut total) = (0usize, 0usize, 0usize);
    let mut buf = LexBuf::default();
    let mut lx = Vec::new();
    let mut scratch = TagScratch::default();
    let mut tags = Vec::new();
    for s in sentences {
        let words = s.word_refs();
        lex::lex_sentence(&words, lex::sentence_mode(&words), &mut buf, &mut lx);
        tagger.tag(&lx, &mut scratch, &mut tags);
        for (&t, g) in tags.iter().zip(&s.gold) {
            let (u, x) = tagger.tagset.classes[t as usize];
            upos += (u == g.upos) as usize;
            xpos += (x == g.xpos) as usize;
            total += 1;
        }
    }
    let pct = |n: usize| 100.0 * n as f64 / total.max(1) as f64;
    (pct(upos), pct(xpos))
}

/// The best and second-best classes (`usize::MAX` for a second when there is one class).
#[inline]
fn top_two<T: PartialOrd + Copy>(scores: &[T]) -> (usize, usize) {
    let best = argmax(scores);
    let mut second = usize::MAX;
    for (c, &s) in scores.iter().enumerate() {
        if c != best && (second == usize::MAX || s > scores[second]) {
            second = c;
        }
    }
    (best, second)
}

#[inline]
pub(crate) fn argmax<T: PartialOrd + Copy>(scores: &[T]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

/// A training sentence as the tagger sees it: the words' gold classes and, per presentation
/// (normal, title case, capitals), the hashed views of its words.
struct Example {
    gold: Vec<u8>,
    words: Vec<String>,
}

fn lex_of(words: &[String], transform: u8, buf: &mut LexBuf, out: &mut Vec<Lex>) {
    let changed: Vec<String> = match transform {
        1 => words.iter().map(|w| lex::title_case(w)).collect(),
        2 => words.iter().map(|w| w.to_uppercase()).collect(),
        _ => words.to_vec(),
    };
    let refs: Vec<&str> = changed.iter().map(String::as_str).collect();
    let mode: Mode = lex::sentence_mode(&refs);
    lex::lex_sentence(&refs, mode, buf, out);
}

/// Builds the lexicon (ambiguity classes and sure tags) from training sentences.
fn build_lexicon(
    sentences: &[Sentence],
    tagset: &TagSet,
    opts: &TaggerOptions,
) -> FxHashMap<u32, Entry> {
    let mut counts: FxHashMap<u32, [u32; MAX_CLASSES]> = FxHashMap::default();
    let mut buf = LexBuf::default();
    for s in sentences {
        for (word, g) in s.words.iter().zip(&s.gold) {
            let l = lex::lex_word(word, Mode::Normal, &mut buf);
            let c = tagset.class(g.upos, g.xpos) as usize;
            counts
                .entry(lexicon_key(l.lower))
                .or_insert([0; MAX_CLASSES])[c] += 1;
        }
    }
    let mut lexicon = FxHashMap::default();
    for (k, c) in counts {
        let total: u32 = c.iter().sum();
        if (total as usize) < opts.ambiguity_min_count {
            continue;
        }
        let mut ambiguity = 0u64;
        let mut best = 0;
        for (i, &n) in c.iter().enumerate() {
            if n as f64 >= 0.05 * total as f64 {
                ambiguity |= 1 << i;
            }
            if n > c[best] {
                best = i;
            }
        }
        let sure = if total as usize >= opts.sure_min_count
            && c[best] as f64 >= opts.sure_share * total as f64
        {
            best as u8
        } else {
            NO_TAG
        };
        lexicon.insert(k, Entry { ambiguity, sure });
    }
    lexicon
}

/// Trains a tagger on gold sentences.
pub(crate) fn train(
    sentences: &[Sentence],
    tagset: &TagSet,
    clusters: &Clusters,
    opts: &TaggerOptions,
    log: &mut dyn FnMut(String),
    on_epoch: &mut dyn FnMut(usize, &Tagger),
) -> Tagger {
    let lexicon = build_lexicon(sentences, tagset, opts);
    let examples: Vec<Example> = sentences
        .iter()
        .map(|s| Example {
            gold: s
                .gold
                .iter()
                .map(|w| tagset.class(w.upos, w.xpos))
                .collect(),
            words: s.words.clone(),
        })
        .collect();
    let probe = Tagger {
        tagset: tagset.clone(),
        alt_margin: opts.alt_margin,
        lexicon,
        weights: TrainWeights::new(tagset.len()).finish(0.0),
        quick: None,
        clusters: if opts.clusters {
            clusters.clone()
        } else {
            Clusters::default()
        },
    };
    // Each run trains from scratch with its own order and augmentation; the averaged weights
    // of the runs are then mixed (see `TrainWeights::finish_mixed`).
    let mut runs: Vec<TrainWeights> = Vec::new();
    let mut quick_runs: Vec<TrainWeights> = Vec::new();
    for run in 0..opts.mix.max(1) {
        let mut model = TrainWeights::new(tagset.len());
        let mut quick = TrainWeights::new(tagset.len());
        let mut rng = Rng::new(opts.seed.wrapping_add(run as u64));
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut buf = LexBuf::default();
        let mut lx = Vec::new();
        let mut scratch = TagScratch::default();
        let mut predicted: Vec<u8> = Vec::new();
        let mut scores = vec![0i32; tagset.len()];
        for epoch in 0..opts.epochs {
            rng.shuffle(&mut order);
            let (mut right, mut total) = (0usize, 0usize);
            for &e in &order {
                let ex = &examples[e];
                let r = rng.unit();
                let transform = if r < opts.title_rate {
                    1
                } else if r < opts.title_rate + opts.caps_rate {
                    2
                } else {
                    0
                };
                lex_of(&ex.words, transform, &mut buf, &mut lx);
                probe.lookup(&lx, &mut scratch);
                predicted.clear();
                for i in 0..lx.len() {
                    let sure = scratch.sure[i];
                    if sure != NO_TAG {
                        predicted.push(sure);
                        continue;
                    }
                    scratch.keys.clear();
                    let context =
                        Context::new(i, &lx, &scratch.ambiguity, &scratch.clus, &predicted);
                    context.quick(&mut scratch.keys);
                    let core = scratch.keys.len();
                    context.rest(&mut scratch.keys);
                    model.score(&scratch.keys, &mut scores);
                    let guess = argmax(&scores);
                    model.update(&scratch.keys, ex.gold[i] as usize, guess);
                    model.tick();
                    if opts.quick_margin.is_some() {
                        quick.score(&scratch.keys[..core], &mut scores);
                        let quick_guess = argmax(&scores);
                        quick.update(&scratch.keys[..core], ex.gold[i] as usize, quick_guess);
                        quick.tick();
                    }
                    right += (guess == ex.gold[i] as usize) as usize;
                    total += 1;
                    predicted.push(guess as u8);
                }
            }
            log(format!(
                "tagger epoch {}: {:.2}% of scored words right, {} features",
                epoch + 1,
                100.0 * right as f64 / total.max(1) as f64,
                model.features()
            ));
            if run == 0 && epoch + 1 < opts.epochs {
                on_epoch(
                    epoch + 1,
                    &Tagger {
                        weights: model.finish(opts.prune),
                        quick: None,
                        ..probe.clone()
                    },
                );
            }
        }
        runs.push(model);
        quick_runs.push(quick);
    }
    let runs: Vec<&TrainWeights> = runs.iter().collect();
    let quick_runs: Vec<&TrainWeights> = quick_runs.iter().collect();
    let mut tagger = Tagger {
        weights: TrainWeights::finish_mixed(&runs, opts.prune),
        quick: opts
            .quick_margin
            .map(|_| (TrainWeights::finish_mixed(&quick_runs, opts.prune), 0)),
        ..probe
    };
    tagger.set_quick_margin(opts.quick_margin);
    tagger
}
