//! The dependency parser: greedy arc-hybrid transitions chosen by an averaged perceptron, with
//! each arc labelled by a second perceptron the moment it is built.
//!
//! Factoring the decision this way (three moves, then one of ~50 labels only when an arc is
//! made) keeps the move table's rows four weights wide, so the dozens of feature look-ups per
//! move touch little memory, and the label sees the finished subtree of the dependent (its case
//! marker, its auxiliaries) and the head's other dependents. Labels feed later moves' features.
//!
//! Training follows Goldberg and Nivre (2012, 2013): the dynamic oracle says which moves are
//! still optimal from any configuration, the perceptron is updated when its best move is not
//! one of them, and after the first epochs the parser follows its own (possibly wrong) moves most
//! of the time, so it learns to recover from its mistakes. Tags are the tagger's, jack-knifed, so
//! the parser learns on the tag errors it will meet.

use crate::arc::{State, MOVES, NONE, NO_LABEL, SHIFT};
use crate::hash::{key, Rng};
use crate::lex::{Lex, ROOT_WORD};
use crate::tags::Rel;
use crate::tagger::argmax;
use crate::weights::{Reader, Table, TrainWeights, Writer};
use crate::ModelError;

/// The tag value of the root token and of a missing position.
const ROOT_TAG: u64 = 0xf0;
const NONE_TAG: u64 = 0xf1;
const NONE_WORD: u64 = 0x4e4f_4e45_5f5f_5f5f;
const NONE_LABEL: u64 = 0xff;

/// Training settings of the parser (the defaults are the shipped model's).
#[derive(Clone, Debug)]
pub struct ParserOptions {
    pub epochs: usize,
    /// From this epoch on (0-based), the parser follows its own predictions…
    pub explore_from: usize,
    /// …this share of the time (else the oracle's best move).
    pub explore_rate: f64,
    /// Averaged weights smaller than this are dropped from the shipped tables.
    pub prune_moves: f64,
    pub prune_labels: f64,
    pub seed: u64,
}

impl Default for ParserOptions {
    fn default() -> Self {
        ParserOptions {
            epochs: 15,
            explore_from: 1,
            explore_rate: 0.9,
            prune_moves: 0.0,
            prune_labels: 0.0,
            seed: 0x7061_7273_6572,
        }
    }
}

/// The trained parser.
#[derive(Clone, Debug)]
pub(crate) struct ArcParser {
    /// Label classes: the relations the training data uses, but for `root` (which only an arc
    /// from the root token gets).
    pub labels: Vec<Rel>,
    moves: Table,
    labeller: Table,
}

/// Reusable buffers for parsing.
#[derive(Default, Debug)]
pub(crate) struct ParseScratch {
    pub state: State,
    words: Vec<u64>,
    tags: Vec<u64>,
    keys: Vec<u64>,
    scores: Vec<i32>,
}

/// Distance between two tokens, bucketed (0 when either is missing).
#[inline]
fn distance(a: u16, b: u16) -> u64 {
    if a == NONE || b == NONE {
        return 0;
    }
    match a.abs_diff(b) {
        d @ 0..=4 => d as u64,
        5..=6 => 5,
        7..=9 => 6,
        10..=14 => 7,
        _ => 8,
    }
}

/// Fills the per-token word and tag arrays: index 0 the root, 1..=n the words, n+1 "none".
fn prepare(lx: &[Lex], tags: &[u8], scratch: &mut ParseScratch) {
    scratch.words.clear();
    scratch.tags.clear();
    scratch.words.push(ROOT_WORD);
    scratch.tags.push(ROOT_TAG);
    for (l, &t) in lx.iter().zip(tags) {
        scratch.words.push(l.lower);
        scratch.tags.push(t as u64);
    }
    scratch.words.push(NONE_WORD);
    scratch.tags.push(NONE_TAG);
}

/// Feature keys for choosing the next move (Zhang and Nivre 2011's templates, adapted to
/// arc-hybrid: s1 takes the place of s0's head, which arc-hybrid stack words never have).
fn move_features(st: &State, w: &[u64], t: &[u64], keys: &mut Vec<u64>) {
    let n = st.n;
    let ix = |k: u16| if k == NONE { n + 1 } else { k as usize };
    let child = |arr: &[u16], k: u16| if k == NONE { NONE } else { arr[k as usize] };
    let lab = |k: u16| {
        if k == NONE {
            NONE_LABEL
        } else {
            st.labels[k as usize] as u64
        }
    };
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let (b0, b1, b2) = (st.b(0), st.b(1), st.b(2));
    let s0l = child(&st.left1, s0);
    let s0l2 = child(&st.left2, s0);
    let s0r = child(&st.right1, s0);
    let s0r2 = child(&st.right2, s0);
    let b0l = child(&st.left1, b0);
    let b0l2 = child(&st.left2, b0);
    let s1r = child(&st.right1, s1);
    let s1l = child(&st.left1, s1);

    let (s0w, s0t) = (w[ix(s0)], t[ix(s0)]);
    let (s1w, s1t) = (w[ix(s1)], t[ix(s1)]);
    let s2t = t[ix(s2)];
    let (b0w, b0t) = (w[ix(b0)], t[ix(b0)]);
    let (b1w, b1t) = (w[ix(b1)], t[ix(b1)]);
    let (b2w, b2t) = (w[ix(b2)], t[ix(b2)]);
    let (s0lw, s0lt, s0ll) = (w[ix(s0l)], t[ix(s0l)], lab(s0l));
    let (s0l2t, s0l2l) = (t[ix(s0l2)], lab(s0l2));
    let (s0rw, s0rt, s0rl) = (w[ix(s0r)], t[ix(s0r)], lab(s0r));
    let (s0r2t, s0r2l) = (t[ix(s0r2)], lab(s0r2));
    let (b0lw, b0lt, b0ll) = (w[ix(b0l)], t[ix(b0l)], lab(b0l));
    let (b0l2t, b0l2l) = (t[ix(b0l2)], lab(b0l2));
    let (s1rw, s1rt, s1rl) = (w[ix(s1r)], t[ix(s1r)], lab(s1r));
    let (s1lt, s1ll) = (t[ix(s1l)], lab(s1l));
    let d = distance(s0, b0);
    let d1 = distance(s1, s0);
    let vl = |k: u16| if k == NONE { 0xff } else { st.left_count[k as usize].min(6) as u64 };
    let vr = |k: u16| if k == NONE { 0xff } else { st.right_count[k as usize].min(6) as u64 };
    let sl = |k: u16| if k == NONE { 0 } else { st.left_labels[k as usize] };
    let sr = |k: u16| if k == NONE { 0 } else { st.right_labels[k as usize] };
    let tt = |a: u64, b: u64| a << 8 | b;
    let ttt = |a: u64, b: u64, c: u64| a << 16 | b << 8 | c;

    let mut id = 0u32;
    let mut f = |a: u64, b: u64, c: u64| {
        keys.push(key(id, a, b, c));
        id += 1;
    };
    // Single positions.
    f(s0w, 0, 0);
    f(s0t, 0, 0);
    f(s0w, s0t, 0);
    f(s1w, 0, 0);
    f(s1t, 0, 0);
    f(s1w, s1t, 0);
    f(b0w, 0, 0);
    f(b0t, 0, 0);
    f(b0w, b0t, 0);
    f(b1w, 0, 0);
    f(b1t, 0, 0);
    f(b1w, b1t, 0);
    f(b2w, 0, 0);
    f(b2t, 0, 0);
    f(s2t, 0, 0);
    // Pairs.
    f(s0w, b0w, tt(s0t, b0t));
    f(s0w, b0w, s0t);
    f(s0w, b0w, b0t | 0x100);
    f(s0w, tt(s0t, b0t), 0);
    f(b0w, tt(s0t, b0t), 1);
    f(s0w, b0w, 0);
    f(tt(s0t, b0t), 0, 0);
    f(tt(b0t, b1t), 0, 0);
    f(tt(s1t, s0t), 0, 0);
    f(s1w, s0w, 0);
    f(s1w, tt(s1t, s0t), 0);
    f(s0w, tt(s1t, s0t), 0);
    f(s1w, s0w, tt(s1t, s0t));
    f(b0w, b1w, 0);
    // Triples of tags.
    f(ttt(b0t, b1t, b2t), 0, 0);
    f(ttt(s0t, b0t, b1t), 0, 0);
    f(ttt(s1t, s0t, b0t), 0, 0);
    f(ttt(s2t, s1t, s0t), 0, 0);
    f(ttt(s0t, s0lt, b0t), 0, 0);
    f(ttt(s0t, s0rt, b0t), 0, 0);
    f(ttt(s0t, b0t, b0lt), 0, 0);
    f(ttt(s1t, s1rt, s0t), 0, 0);
    f(ttt(s1t, s0t, s0lt), 0, 0);
    f(ttt(s1t, s0t, s0rt), 0, 0);
    f(ttt(s0t, b0t, b0l2t), 0, 0);
    // Distances.
    f(s0w, d, 0);
    f(s0t, d, 0);
    f(b0w, d, 0);
    f(b0t, d, 0);
    f(s0w, b0w, d);
    f(tt(s0t, b0t), d, 0);
    f(tt(s1t, s0t), d1, 0);
    f(s1w, s0w, d1);
    // Valency.
    f(s0w, vl(s0), 0);
    f(s0t, vl(s0), 0);
    f(s0w, vr(s0), 0);
    f(s0t, vr(s0), 0);
    f(b0w, vl(b0), 0);
    f(b0t, vl(b0), 0);
    f(s1w, vr(s1), 0);
    f(s1t, vr(s1), 0);
    // Children.
    f(s0lw, 0, 0);
    f(s0lt, 0, 0);
    f(s0ll, 0, 0);
    f(s0rw, 0, 0);
    f(s0rt, 0, 0);
    f(s0rl, 0, 0);
    f(b0lw, 0, 0);
    f(b0lt, 0, 0);
    f(b0ll, 0, 0);
    f(s1rw, 0, 0);
    f(s1rt, 0, 0);
    f(s1rl, 0, 0);
    f(s1lt, s1ll, 0);
    f(s0l2t, s0l2l, 0);
    f(s0r2t, s0r2l, 0);
    f(b0l2t, b0l2l, 0);
    f(ttt(s0t, s0lt, s0l2t), 0, 0);
    f(ttt(s0t, s0rt, s0r2t), 0, 0);
    f(ttt(b0t, b0lt, b0l2t), 0, 0);
    f(tt(s0t, s0ll), s0rl, 0);
    // Label sets.
    f(s0w, sl(s0), 0);
    f(s0t, sl(s0), 0);
    f(s0w, sr(s0), 0);
    f(s0t, sr(s0), 0);
    f(b0w, sl(b0), 0);
    f(b0t, sl(b0), 0);
    f(s1w, sr(s1), 0);
    f(s1t, sr(s1), 0);
}

/// Feature keys for labelling the arc `head` → `dep` (built by `mv`, LEFT or RIGHT).
fn label_features(st: &State, w: &[u64], t: &[u64], head: u16, dep: u16, keys: &mut Vec<u64>) {
    let n = st.n;
    let ix = |k: u16| if k == NONE { n + 1 } else { k as usize };
    let lab = |k: u16| {
        if k == NONE {
            NONE_LABEL
        } else {
            st.labels[k as usize] as u64
        }
    };
    let dir = (dep < head) as u64;
    let (hw, ht) = (w[ix(head)], t[ix(head)]);
    let (dw, dt) = (w[ix(dep)], t[ix(dep)]);
    let dl = st.left1[dep as usize];
    let dr = st.right1[dep as usize];
    let hl = st.left1[head as usize];
    let hr = st.right1[head as usize];
    let (dlw, dlt, dll) = (w[ix(dl)], t[ix(dl)], lab(dl));
    let (drw, drt, drl) = (w[ix(dr)], t[ix(dr)], lab(dr));
    let (hlt, hll) = (t[ix(hl)], lab(hl));
    let (hrt, hrl) = (t[ix(hr)], lab(hr));
    let next = if (dep as usize) < n { dep + 1 } else { NONE };
    let prev = if dep > 1 { dep - 1 } else { NONE };
    let (nw, nt) = (w[ix(next)], t[ix(next)]);
    let pt = t[ix(prev)];
    let hsl = st.left_labels[head as usize];
    let hsr = st.right_labels[head as usize];
    let dsl = st.left_labels[dep as usize];
    let dsr = st.right_labels[dep as usize];
    let d = distance(head, dep);
    let htd = ht << 8 | dt;

    // Label templates are numbered from 1000, apart from the move templates.
    let mut id = 1000u32;
    let mut f = |a: u64, b: u64, c: u64| {
        keys.push(key(id, a, b, c));
        id += 1;
    };
    f(dir, 0, 0);
    f(hw, dir, 0);
    f(ht, dir, 0);
    f(hw, ht, dir);
    f(dw, dir, 0);
    f(dt, dir, 0);
    f(dw, dt, dir);
    f(htd, dir, 0);
    f(hw, dt, dir);
    f(dw, ht, dir);
    f(hw, dw, dir);
    f(htd, d, dir);
    f(dlw, dir, 0);
    f(dlw, dt, dir);
    f(dlw, htd, dir);
    f(dlt, dll, dt);
    f(drt, drl, dt);
    f(drw, dt, 0);
    f(dt, dsl, dir);
    f(dt, dsr, dir);
    f(ht, hsl, dir);
    f(ht, hsr, dir);
    f(hw, hsl, dir);
    f(hlt, hll, htd);
    f(hrt, hrl, htd);
    f(htd, nt, dir);
    f(htd, pt, dir);
    f(dw, nw, dir);
    f(hw, dlw, dt);
}

impl ArcParser {
    fn label_rel(&self, class: usize) -> Rel {
        self.labels.get(class).copied().unwrap_or(Rel::Dep)
    }

    /// Parses a tagged sentence; the result is in `scratch.state` (`heads` and `labels`,
    /// token-indexed, with label classes; the root word's label is `NO_LABEL`).
    pub fn parse(&self, lx: &[Lex], tags: &[u8], scratch: &mut ParseScratch) {
        prepare(lx, tags, scratch);
        let ParseScratch {
            state,
            words,
            tags,
            keys,
            scores,
        } = scratch;
        state.reset(lx.len());
        scores.resize(self.moves.stride().max(self.labeller.stride()), 0);
        while !state.is_terminal() {
            let legal = state.legal();
            let mv = if legal.iter().filter(|&&l| l).count() == 1 {
                legal.iter().position(|&l| l).unwrap_or(SHIFT)
            } else {
                keys.clear();
                move_features(state, words, tags, keys);
                self.moves.score(keys, scores);
                best_legal(&scores[..MOVES], legal)
            };
            let mut label = NO_LABEL;
            if let Some((head, dep)) = state.arc(mv) {
                if head != 0 {
                    keys.clear();
                    label_features(state, words, tags, head, dep, keys);
                    self.labeller.score(keys, scores);
                    label = argmax(&scores[..self.labels.len()]) as u8;
                }
            }
            state.apply(mv, label);
        }
    }

    /// The relation of token `d` after [`ArcParser::parse`].
    pub fn rel(&self, state: &State, d: usize) -> Rel {
        match state.labels[d] {
            NO_LABEL => Rel::Root,
            class => self.label_rel(class as usize),
        }
    }

    pub fn write(&self, out: &mut Writer) {
        out.u8(self.labels.len() as u8);
        for r in &self.labels {
            out.u8(r.id());
        }
        self.moves.write(out);
        self.labeller.write(out);
    }

    pub fn read(input: &mut Reader) -> Result<ArcParser, ModelError> {
        let n = input.u8()? as usize;
        if n == 0 || n > 64 {
            return Err(ModelError::Corrupt("label classes"));
        }
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            labels.push(Rel::from_id(input.u8()?).ok_or(ModelError::Corrupt("relation id"))?);
        }
        let moves = Table::read(input)?;
        let labeller = Table::read(input)?;
        if moves.classes != MOVES || labeller.classes != labels.len() {
            return Err(ModelError::Corrupt("parser classes"));
        }
        Ok(ArcParser {
            labels,
            moves,
            labeller,
        })
    }
}

#[inline]
fn best_legal(scores: &[i32], legal: [bool; MOVES]) -> usize {
    let mut best = usize::MAX;
    for m in 0..MOVES {
        if legal[m] && (best == usize::MAX || scores[m] > scores[best]) {
            best = m;
        }
    }
    if best == usize::MAX {
        SHIFT
    } else {
        best
    }
}

/// A training sentence for the parser.
pub(crate) struct ParseExample {
    pub lx: Vec<Lex>,
    /// Tag classes as the tagger predicts them (jack-knifed).
    pub tags: Vec<u8>,
    /// Gold heads, token-indexed (`[0]` unused, root = 0), made projective, then one `NONE`.
    pub heads: Vec<u16>,
    /// Gold relations, token-indexed like `heads`.
    pub rels: Vec<Rel>,
}

/// Trains the parser.
pub(crate) fn train(
    examples: &[ParseExample],
    opts: &ParserOptions,
    log: &mut dyn FnMut(String),
    on_epoch: &mut dyn FnMut(usize, &ArcParser),
) -> ArcParser {
    let mut labels: Vec<Rel> = examples
        .iter()
        .flat_map(|e| e.rels[1..e.rels.len() - 1].iter().copied())
        .filter(|&r| r != Rel::Root)
        .collect();
    labels.sort_unstable();
    labels.dedup();
    let mut class_of = [0u8; 64];
    for (i, r) in labels.iter().enumerate() {
        class_of[r.id() as usize] = i as u8;
    }
    let mut moves = TrainWeights::new(MOVES);
    let mut labeller = TrainWeights::new(labels.len());
    let mut rng = Rng::new(opts.seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut scratch = ParseScratch::default();
    let mut move_scores = [0i32; MOVES];
    let mut label_scores = vec![0i32; labels.len()];
    for epoch in 0..opts.epochs {
        rng.shuffle(&mut order);
        let explore = epoch >= opts.explore_from;
        let (mut arcs, mut right_heads, mut right_labels) = (0usize, 0usize, 0usize);
        for &e in &order {
            let ex = &examples[e];
            prepare(&ex.lx, &ex.tags, &mut scratch);
            let ParseScratch {
                state,
                words,
                tags,
                keys,
                ..
            } = &mut scratch;
            state.reset(ex.lx.len());
            while !state.is_terminal() {
                let legal = state.legal();
                let mv = if legal.iter().filter(|&&l| l).count() == 1 {
                    legal.iter().position(|&l| l).unwrap_or(SHIFT)
                } else {
                    keys.clear();
                    move_features(state, words, tags, keys);
                    moves.score(keys, &mut move_scores);
                    let guess = best_legal(&move_scores, legal);
                    let cost = state.costs(&ex.heads);
                    let least = cost.iter().copied().min().unwrap_or(0);
                    let mut best = usize::MAX;
                    for m in 0..MOVES {
                        if cost[m] == least
                            && (best == usize::MAX || move_scores[m] > move_scores[best])
                        {
                            best = m;
                        }
                    }
                    if cost[guess] > least {
                        moves.update(keys, best, guess);
                    }
                    moves.tick();
                    if explore && rng.unit() < opts.explore_rate {
                        guess
                    } else {
                        best
                    }
                };
                let mut label = NO_LABEL;
                if let Some((head, dep)) = state.arc(mv) {
                    arcs += 1;
                    let correct = ex.heads[dep as usize] == head;
                    right_heads += correct as usize;
                    if head != 0 {
                        keys.clear();
                        label_features(state, words, tags, head, dep, keys);
                        labeller.score(keys, &mut label_scores);
                        let guess = argmax(&label_scores);
                        let gold = class_of[ex.rels[dep as usize].id() as usize] as usize;
                        if correct {
                            right_labels += (guess == gold) as usize;
                        }
                        // A label is learnt only on a right arc: on a wrong one the gold label
                        // belongs to another head.
                        if correct && ex.rels[dep as usize] != Rel::Root {
                            labeller.update(keys, gold, guess);
                            labeller.tick();
                        }
                        label = if explore || !correct { guess } else { gold } as u8;
                    }
                }
                state.apply(mv, label);
            }
        }
        log(format!(
            "parser epoch {}: {:.2}% heads, {:.2}% labelled, {} move and {} label features",
            epoch + 1,
            100.0 * right_heads as f64 / arcs.max(1) as f64,
            100.0 * right_labels as f64 / arcs.max(1) as f64,
            moves.features(),
            labeller.features()
        ));
        if epoch + 1 < opts.epochs {
            let snapshot = ArcParser {
                labels: labels.clone(),
                moves: moves.finish(opts.prune_moves),
                labeller: labeller.finish(opts.prune_labels),
            };
            on_epoch(epoch + 1, &snapshot);
        }
    }
    ArcParser {
        labels,
        moves: moves.finish(opts.prune_moves),
        labeller: labeller.finish(opts.prune_labels),
    }
}
