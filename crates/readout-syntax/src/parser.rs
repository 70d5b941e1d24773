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

use crate::arc::{State, LEFT, MOVES, NONE, NO_LABEL, RIGHT, SHIFT};
use crate::clusters::Clusters;
use crate::hash::{key, Rng};
use crate::lex::{Lex, ROOT_WORD};
use crate::tagger::argmax;
use crate::tags::Rel;
use crate::weights::{Reader, Score, Table, TrainWeights, Writer};
use crate::ModelError;

/// The tag value of the root token and of a missing position.
const ROOT_TAG: u64 = 0xf0;
const NONE_TAG: u64 = 0xf1;
const NONE_WORD: u64 = 0x4e4f_4e45_5f5f_5f5f;
const NONE_LABEL: u64 = 0xff;
/// Runner-up tag values under this are tag classes; the rest mean "none".
const ALT_LIMIT: u64 = 0xf0;

/// Training settings of the parser (the defaults are the shipped model's).
#[derive(Clone, Debug)]
pub struct ParserOptions {
    /// Passes over the training examples, in each mixed run.
    pub epochs: usize,
    /// From this epoch on (0-based), the parser follows its own predictions…
    pub explore_from: usize,
    /// …this share of the time (else the oracle's best move).
    pub explore_rate: f64,
    /// Averaged weights smaller than this are dropped from the shipped tables.
    pub prune_moves: f64,
    /// The same for the labeller's table.
    pub prune_labels: f64,
    /// Seed of the random generator that orders the examples and decides when to explore; run
    /// i of the mix uses `seed + i`.
    pub seed: u64,
    /// How moves and labels share the work.
    pub grouping: Grouping,
    /// Train this many times with different example orders and mix the weights (see
    /// `TrainWeights::finish_mixed`).
    pub mix: usize,
    /// Train a quick move model on the core features and let it decide alone when its margin
    /// is at least this (perceptron units); `None`: no cascade. 20 rather than 30 since the
    /// word clusters made the full model dearer: about 10% faster parsing for 0.15 UAS.
    pub quick_margin: Option<f64>,
}

impl Default for ParserOptions {
    fn default() -> Self {
        ParserOptions {
            epochs: 12,
            explore_from: 1,
            explore_rate: 0.7,
            prune_moves: 0.0,
            prune_labels: 0.0,
            seed: 0x7061_7273_6572,
            grouping: Grouping::Coarse7,
            quick_margin: Some(20.0),
            mix: 3,
        }
    }
}

/// The trained parser.
#[derive(Clone, Debug)]
pub(crate) struct ArcParser {
    /// Label classes: the relations the training data uses, but for `root` (which only an arc
    /// from the root token gets).
    pub labels: Vec<Rel>,
    /// Each tag class's UPOS, for features that back off from the fine tags.
    coarse: Vec<u8>,
    /// The label groups of the move classes.
    groups: Groups,
    moves: Table,
    labeller: Table,
    quick: Option<Quick>,
    /// Word clusters (empty: no cluster features).
    pub(crate) clusters: Clusters,
}

/// The first stage of the move cascade: a model over the core features only, whose choice
/// stands when it beats the runner-up by `margin` (in its own quantised units); otherwise the
/// full model decides, reading every feature.
#[derive(Clone, Debug)]
struct Quick {
    table: Table,
    margin: Score,
}

/// Per-token values the templates read, indexed by token: 0 the root, 1..=n the words, n+1
/// "none" (a missing position).
#[derive(Default, Debug)]
struct Tokens {
    words: Vec<u64>,
    tags: Vec<u64>,
    ups: Vec<u64>,
    alts: Vec<u64>,
    sufs: Vec<u64>,
    /// Fine and coarse word clusters.
    clus: Vec<u64>,
    ck: Vec<u64>,
    /// Whether the cluster templates are in use.
    clustered: bool,
}

/// Reusable buffers for parsing.
#[derive(Default, Debug)]
pub(crate) struct ParseScratch {
    pub state: State,
    tokens: Tokens,
    keys: Vec<u64>,
    scores: Vec<Score>,
    rows: Vec<u32>,
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

/// Fills the per-token arrays.
fn prepare(
    lx: &[Lex],
    tags: &[u8],
    alts: &[u8],
    known: &[(u64, u64)],
    coarse: &[u8],
    clusters: &Clusters,
    tokens: &mut Tokens,
) {
    let Tokens {
        words,
        tags: t,
        ups,
        alts: a,
        sufs,
        clus,
        ck,
        clustered,
    } = tokens;
    for v in [
        &mut *words,
        &mut *t,
        &mut *ups,
        &mut *a,
        &mut *sufs,
        &mut *clus,
        &mut *ck,
    ] {
        v.clear();
    }
    *clustered = !clusters.is_empty();
    words.push(ROOT_WORD);
    t.push(ROOT_TAG);
    ups.push(ROOT_TAG);
    a.push(NONE_TAG);
    sufs.push(ROOT_WORD);
    clus.push(ROOT_TAG);
    ck.push(ROOT_TAG);
    for (i, l) in lx.iter().enumerate() {
        let tag = tags.get(i).copied().unwrap_or(0);
        words.push(l.lower);
        t.push(tag as u64);
        ups.push(coarse.get(tag as usize).map_or(NONE_TAG, |&u| u as u64));
        a.push(alts.get(i).map_or(NONE_TAG, |&x| x as u64));
        sufs.push(l.suf[2]);
        let (c, k) = match known.get(i) {
            Some(&ck) => ck,
            None if *clustered => clusters.of(l.lower),
            None => (0, 0),
        };
        clus.push(c);
        ck.push(k);
    }
    words.push(NONE_WORD);
    t.push(NONE_TAG);
    ups.push(NONE_TAG);
    a.push(NONE_TAG);
    sufs.push(NONE_WORD);
    clus.push(NONE_TAG);
    ck.push(NONE_TAG);
}

/// What the move templates read from a configuration: the words, tags (fine and universal),
/// tagger runner-ups and suffixes of the focus positions, their nearest children and labels,
/// distances, valencies and label sets. Computed once per decision, read by both stages of the
/// cascade.
struct Focus {
    s0w: u64,
    s0t: u64,
    s1w: u64,
    s1t: u64,
    s2t: u64,
    b0w: u64,
    b0t: u64,
    b1w: u64,
    b1t: u64,
    b2w: u64,
    b2t: u64,
    b3t: u64,
    s0lw: u64,
    s0lt: u64,
    s0ll: u64,
    s0l2t: u64,
    s0l2l: u64,
    s0rw: u64,
    s0rt: u64,
    s0rl: u64,
    s0r2t: u64,
    s0r2l: u64,
    b0lw: u64,
    b0lt: u64,
    b0ll: u64,
    b0l2t: u64,
    b0l2l: u64,
    s1rw: u64,
    s1rt: u64,
    s1rl: u64,
    s1lt: u64,
    s1ll: u64,
    /// Distances s0–b0, s1–s0 and s1–b0.
    d: u64,
    d1: u64,
    d2: u64,
    s0vl: u64,
    s0vr: u64,
    b0vl: u64,
    s1vr: u64,
    s0sl: u64,
    s0sr: u64,
    b0sl: u64,
    s1sr: u64,
    /// Universal tags.
    s0u: u64,
    s1u: u64,
    s2u: u64,
    b0u: u64,
    b1u: u64,
    b2u: u64,
    s0lu: u64,
    s0ru: u64,
    b0lu: u64,
    /// The tagger's runner-up tags.
    s0a: u64,
    s1a: u64,
    b0a: u64,
    b1a: u64,
    /// Three-letter suffixes.
    s0f: u64,
    s1f: u64,
    b0f: u64,
    /// Fine and coarse clusters.
    s0c: u64,
    s1c: u64,
    b0c: u64,
    b1c: u64,
    s0k: u64,
    s1k: u64,
    b0k: u64,
    b1k: u64,
    clustered: bool,
}

/// Two tag-sized values in one.
#[inline(always)]
fn tt(a: u64, b: u64) -> u64 {
    a << 8 | b
}

/// Three tag-sized values in one.
#[inline(always)]
fn ttt(a: u64, b: u64, c: u64) -> u64 {
    a << 16 | b << 8 | c
}

impl Focus {
    #[inline]
    fn new(st: &State, sc: &Tokens) -> Focus {
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
        let count = |arr: &[u8], k: u16| {
            if k == NONE {
                0xff
            } else {
                arr[k as usize].min(6) as u64
            }
        };
        let set = |arr: &[u64], k: u16| if k == NONE { 0 } else { arr[k as usize] };
        let (w, t, u, a, f) = (&sc.words, &sc.tags, &sc.ups, &sc.alts, &sc.sufs);
        let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
        let (b0, b1, b2, b3) = (st.b(0), st.b(1), st.b(2), st.b(3));
        let s0l = child(&st.left1, s0);
        let s0l2 = child(&st.left2, s0);
        let s0r = child(&st.right1, s0);
        let s0r2 = child(&st.right2, s0);
        let b0l = child(&st.left1, b0);
        let b0l2 = child(&st.left2, b0);
        let s1r = child(&st.right1, s1);
        let s1l = child(&st.left1, s1);
        Focus {
            s0w: w[ix(s0)],
            s0t: t[ix(s0)],
            s1w: w[ix(s1)],
            s1t: t[ix(s1)],
            s2t: t[ix(s2)],
            b0w: w[ix(b0)],
            b0t: t[ix(b0)],
            b1w: w[ix(b1)],
            b1t: t[ix(b1)],
            b2w: w[ix(b2)],
            b2t: t[ix(b2)],
            b3t: t[ix(b3)],
            s0lw: w[ix(s0l)],
            s0lt: t[ix(s0l)],
            s0ll: lab(s0l),
            s0l2t: t[ix(s0l2)],
            s0l2l: lab(s0l2),
            s0rw: w[ix(s0r)],
            s0rt: t[ix(s0r)],
            s0rl: lab(s0r),
            s0r2t: t[ix(s0r2)],
            s0r2l: lab(s0r2),
            b0lw: w[ix(b0l)],
            b0lt: t[ix(b0l)],
            b0ll: lab(b0l),
            b0l2t: t[ix(b0l2)],
            b0l2l: lab(b0l2),
            s1rw: w[ix(s1r)],
            s1rt: t[ix(s1r)],
            s1rl: lab(s1r),
            s1lt: t[ix(s1l)],
            s1ll: lab(s1l),
            d: distance(s0, b0),
            d1: distance(s1, s0),
            d2: distance(s1, b0),
            s0vl: count(&st.left_count, s0),
            s0vr: count(&st.right_count, s0),
            b0vl: count(&st.left_count, b0),
            s1vr: count(&st.right_count, s1),
            s0sl: set(&st.left_labels, s0),
            s0sr: set(&st.right_labels, s0),
            b0sl: set(&st.left_labels, b0),
            s1sr: set(&st.right_labels, s1),
            s0u: u[ix(s0)],
            s1u: u[ix(s1)],
            s2u: u[ix(s2)],
            b0u: u[ix(b0)],
            b1u: u[ix(b1)],
            b2u: u[ix(b2)],
            s0lu: u[ix(s0l)],
            s0ru: u[ix(s0r)],
            b0lu: u[ix(b0l)],
            s0a: a[ix(s0)],
            s1a: a[ix(s1)],
            b0a: a[ix(b0)],
            b1a: a[ix(b1)],
            s0f: f[ix(s0)],
            s1f: f[ix(s1)],
            b0f: f[ix(b0)],
            s0c: sc.clus[ix(s0)],
            s1c: sc.clus[ix(s1)],
            b0c: sc.clus[ix(b0)],
            b1c: sc.clus[ix(b1)],
            s0k: sc.ck[ix(s0)],
            s1k: sc.ck[ix(s1)],
            b0k: sc.ck[ix(b0)],
            b1k: sc.ck[ix(b1)],
            clustered: sc.clustered,
        }
    }

    /// The core move templates, read by both stages of the cascade: tags, labels, distances,
    /// valencies and label sets of the focus positions (Zhang and Nivre 2011's, adapted to
    /// arc-hybrid: s1 stands where s0's head would, which arc-hybrid stack words never have),
    /// universal-tag back-offs and the tagger's runner-ups, four words, and the word clusters of
    /// s0, s1 and b0 alone and in the pairs an arc would join.
    #[inline]
    fn core(&self, keys: &mut Vec<u64>) {
        let f = self;
        let mut k = |t: u32, a: u64, b: u64, c: u64| keys.push(key(t, a, b, c));
        k(0, f.s0w, 0, 0);
        k(1, f.s0t, 0, 0);
        k(2, f.s1w, 0, 0);
        k(3, f.s1t, 0, 0);
        k(4, f.b0w, 0, 0);
        k(5, f.b0t, 0, 0);
        k(6, f.b1t, 0, 0);
        k(7, f.b2t, 0, 0);
        k(8, f.s2t, 0, 0);
        k(9, tt(f.s0t, f.b0t), 0, 0);
        k(10, tt(f.b0t, f.b1t), 0, 0);
        k(11, tt(f.s1t, f.s0t), 0, 0);
        k(12, ttt(f.b0t, f.b1t, f.b2t), 0, 0);
        k(13, ttt(f.s0t, f.b0t, f.b1t), 0, 0);
        k(14, ttt(f.s1t, f.s0t, f.b0t), 0, 0);
        k(15, ttt(f.s2t, f.s1t, f.s0t), 0, 0);
        k(16, ttt(f.s0t, f.s0lt, f.b0t), 0, 0);
        k(17, ttt(f.s0t, f.s0rt, f.b0t), 0, 0);
        k(18, ttt(f.s0t, f.b0t, f.b0lt), 0, 0);
        k(19, ttt(f.s1t, f.s1rt, f.s0t), 0, 0);
        k(20, ttt(f.s1t, f.s0t, f.s0lt), 0, 0);
        k(21, ttt(f.s1t, f.s0t, f.s0rt), 0, 0);
        k(22, ttt(f.s0t, f.b0t, f.b0l2t), 0, 0);
        k(23, f.s0t, f.d, 0);
        k(24, f.b0t, f.d, 0);
        k(25, tt(f.s0t, f.b0t), f.d, 0);
        k(26, tt(f.s1t, f.s0t), f.d1, 0);
        k(27, f.s0t, f.s0vl, 0);
        k(28, f.s0t, f.s0vr, 0);
        k(29, f.b0t, f.b0vl, 0);
        k(30, f.s1t, f.s1vr, 0);
        k(31, f.s0ll, 0, 0);
        k(32, f.s0rl, 0, 0);
        k(33, f.b0lw, 0, 0);
        k(34, f.b0ll, 0, 0);
        k(35, f.s1rl, 0, 0);
        k(36, f.s0t, f.s0sl, 0);
        k(37, f.s0t, f.s0sr, 0);
        k(38, f.b0t, f.b0sl, 0);
        k(39, f.s1t, f.s1sr, 0);
        // Universal tags: the same configurations, robust to Penn-tag confusions (NN/NNS,
        // VBD/VBN) that do not change the tree.
        k(40, ttt(f.s0u, f.b0u, f.b1u), 0, 0);
        k(41, ttt(f.s1u, f.s0u, f.b0u), 0, 0);
        k(42, ttt(f.b0u, f.b1u, f.b2u), 0, 0);
        k(43, ttt(f.s2u, f.s1u, f.s0u), 0, 0);
        k(44, ttt(f.s0u, f.s0lu, f.b0u), 0, 0);
        k(45, ttt(f.s0u, f.s0ru, f.b0u), 0, 0);
        k(46, ttt(f.s0u, f.b0u, f.b0lu), 0, 0);
        k(47, tt(f.s0u, f.b0u), f.d, 0);
        k(48, tt(f.s1u, f.s0u), f.d1, 0);
        // The tagger's runner-up where it hesitated: the parser learns when not to trust a tag.
        // Read only where there is a runner-up (a few words in a hundred): elsewhere they would
        // say no more than the tag templates, at a table look-up each.
        if f.s0a < ALT_LIMIT {
            k(49, tt(f.s0t, f.s0a), 0, 0);
            k(54, ttt(f.s0t, f.s0a, f.b0t), 0, 0);
        }
        if f.s1a < ALT_LIMIT {
            k(50, tt(f.s1t, f.s1a), 0, 0);
        }
        if f.b0a < ALT_LIMIT {
            k(51, tt(f.b0t, f.b0a), 0, 0);
            k(53, ttt(f.s0t, f.b0t, f.b0a), 0, 0);
        }
        if f.b1a < ALT_LIMIT {
            k(52, tt(f.b1t, f.b1a), 0, 0);
        }
        if f.clustered {
            // Word clusters of the focus words and of the two arcs a move may build.
            k(145, f.s0c, 0, 0);
            k(146, f.b0c, 0, 0);
            k(147, f.s1c, 0, 0);
            k(149, f.s0c, f.b0c, 0);
            k(150, f.s1c, f.s0c, 0);
        }
    }

    /// The other move templates, read only when the quick stage is unsure: words with tags,
    /// distances, valencies and label sets, second children, suffixes, and the words a
    /// prepositional phrase could attach to with its preposition (b0's leftmost child); clusters
    /// with tags, coarse-cluster trigrams and clusters with b0's leftmost child.
    #[inline]
    fn rest(&self, keys: &mut Vec<u64>) {
        let f = self;
        let mut k = |t: u32, a: u64, b: u64, c: u64| keys.push(key(t, a, b, c));
        k(100, f.s0w, f.s0t, 0);
        k(101, f.s1w, f.s1t, 0);
        k(102, f.b0w, f.b0t, 0);
        k(103, f.b1w, 0, 0);
        k(104, f.b1w, f.b1t, 0);
        k(105, f.b2w, 0, 0);
        k(106, f.s0w, tt(f.s0t, f.b0t), 0);
        k(107, f.s0w, f.d, 0);
        k(108, f.b0w, f.d, 0);
        k(109, f.s0w, f.s0vl, 0);
        k(110, f.s0w, f.s0vr, 0);
        k(111, f.b0w, f.b0vl, 0);
        k(112, f.s1w, f.s1vr, 0);
        k(113, f.s0lw, 0, 0);
        k(114, f.s0lt, 0, 0);
        k(115, f.s0rw, 0, 0);
        k(116, f.s0rt, 0, 0);
        k(117, f.b0lt, 0, 0);
        k(118, f.s1rw, 0, 0);
        k(119, f.s1rt, 0, 0);
        k(120, f.s1lt, f.s1ll, 0);
        k(121, f.s0l2t, f.s0l2l, 0);
        k(122, f.s0r2t, f.s0r2l, 0);
        k(123, f.b0l2t, f.b0l2l, 0);
        k(124, ttt(f.s0t, f.s0lt, f.s0l2t), 0, 0);
        k(125, ttt(f.s0t, f.s0rt, f.s0r2t), 0, 0);
        k(126, ttt(f.b0t, f.b0lt, f.b0l2t), 0, 0);
        k(127, tt(f.s0t, f.s0ll), f.s0rl, 0);
        k(128, f.s0w, f.s0sl, 0);
        k(129, f.s0w, f.s0sr, 0);
        k(130, f.s1w, f.s1sr, 0);
        k(131, f.b3t, 0, 0);
        k(132, ttt(f.b1t, f.b2t, f.b3t), 0, 0);
        k(133, f.s0f, f.s0t, 0);
        k(134, f.b0f, f.b0t, 0);
        k(135, f.s1f, f.s1t, 0);
        k(136, tt(f.s1t, f.b0t), 0, 0);
        k(137, f.s1w, f.b0t, 0);
        k(138, f.s1t, f.b0w, 0);
        k(139, tt(f.s1t, f.b0t), f.d2, 0);
        k(140, f.s0w, f.b0lw, 0);
        k(141, f.s1w, f.b0lw, 0);
        k(142, f.s0t, f.b0lw, 0);
        k(143, f.s1t, f.b0lw, 0);
        k(144, tt(f.s1t, f.s0t), f.b0lw, 0);
        if f.clustered {
            // Word clusters: the word templates' back-offs for words the treebanks rarely show.
            k(148, f.b1c, 0, 0);
            k(151, f.s0c, f.b0t, 0);
            k(152, f.s0t, f.b0c, 0);
            k(153, f.s1c, f.b0c, 0);
            k(154, ttt(f.s0k, f.b0k, f.b1k), 0, 0);
            k(155, ttt(f.s1k, f.s0k, f.b0k), 0, 0);
            k(156, f.s0c, f.b0lw, 0);
            k(157, f.s1c, f.b0lw, 0);
        }
    }
}

/// Feature keys for labelling the arc `head` → `dep` (built by `mv`, LEFT or RIGHT).
fn label_features(
    st: &State,
    tokens: &Tokens,
    head: u16,
    dep: u16,
    group: usize,
    keys: &mut Vec<u64>,
) {
    let (w, t) = (&tokens.words, &tokens.tags);
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

    // Label templates are numbered from 1000, apart from the move templates; each group's
    // labeller has its own weights (its keys are salted with the group).
    let salt = (group as u64 + 1).wrapping_mul(0xD6E8_FEB8_6659_FD93);
    let mut id = 1000u32;
    let mut f = |a: u64, b: u64, c: u64| {
        keys.push(key(id, a, b, c) ^ salt);
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
    if tokens.clustered {
        let (hc, dc) = (tokens.clus[ix(head)], tokens.clus[ix(dep)]);
        f(hc, dir, 0);
        f(dc, dir, 0);
        f(hc, dc, dir);
        f(hc, dt, dir);
        f(ht, dc, dir);
    }
}

/// How arcs are labelled: which label classes share a move class.
///
/// With one group, the move classifier picks SHIFT, LEFT or RIGHT and the labeller picks any
/// label; with one group per label, moves and labels are predicted jointly; in between, a move
/// names a kind of relation (LEFT-subject, RIGHT-oblique…) and the labeller picks a label of
/// that kind. Splitting LEFT and RIGHT by kind gives the linear move model separate weights for
/// different constructions, at the price of wider rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// Three move classes; labels entirely from the labeller.
    Factored,
    /// Six kinds: subject, complement, function word, modifier, other, punctuation.
    Compact,
    /// Seven kinds: subject, complement, function word, modifier, nominal dependent (nmod, obl),
    /// clause or loose attachment, punctuation. A move row is then 15 weights, one 16-byte slot.
    Coarse7,
    /// Eight kinds: the seven, with clausal modifiers apart from loose attachments.
    Coarse,
    /// Eighteen kinds (nsubj, obj, det, case, mark, cc, aux, amod, advmod, nmod, obl, conj…).
    Fine,
    /// One move class per label and direction.
    Joint,
}

impl Grouping {
    /// The kind of a relation under this grouping (for `Joint`, the relation's own number).
    fn kind(self, rel: Rel) -> u8 {
        match self {
            Grouping::Factored => 0,
            Grouping::Compact => compact_group(rel),
            Grouping::Coarse7 => coarse7_group(rel),
            Grouping::Coarse => coarse_group(rel),
            Grouping::Fine => fine_group(rel),
            Grouping::Joint => rel.id(),
        }
    }
}

/// The finer kind of a relation, for [`Grouping::Fine`].
pub(crate) fn fine_group(rel: Rel) -> u8 {
    use Rel::*;
    match rel.base() {
        Nsubj => 0,
        Csubj | Expl => 1,
        Obj | Iobj => 2,
        Ccomp | Xcomp => 3,
        Det => 4,
        Case => 5,
        Mark => 6,
        Cc => 7,
        Aux | Cop => 8,
        Amod | Nummod => 9,
        Advmod | Discourse => 10,
        Compound | Flat | Fixed | Goeswith | Clf => 11,
        Nmod => 12,
        Obl => 13,
        Acl | Advcl | Appos => 14,
        Conj => 15,
        Punct => 17,
        _ => 16,
    }
}

/// The coarse kind of a relation, for [`Grouping::Coarse`]; each is a union of fine kinds.
pub(crate) fn coarse_group(rel: Rel) -> u8 {
    match fine_group(rel) {
        0 | 1 => 0,
        2 | 3 => 1,
        4..=8 => 2,
        9..=11 => 3,
        12 | 13 => 4,
        14 => 5,
        15 | 16 => 6,
        _ => 7,
    }
}

/// Seven kinds: the coarse ones with clausal modifiers merged into loose attachments.
pub(crate) fn coarse7_group(rel: Rel) -> u8 {
    match coarse_group(rel) {
        g @ 6.. => g - 1,
        g => g,
    }
}

/// Six kinds: the coarse ones with nominal and clausal modifiers and loose attachments merged.
pub(crate) fn compact_group(rel: Rel) -> u8 {
    match coarse_group(rel) {
        g @ 0..=3 => g,
        4..=6 => 4,
        _ => 5,
    }
}

/// A partition of the label classes into move groups.
#[derive(Clone, Debug)]
struct Groups {
    /// Each label class's group.
    of: Vec<u8>,
    /// Each group's label classes, then one more entry: all label classes.
    labels: Vec<Vec<u8>>,
}

impl Groups {
    /// Groups `labels` by `grouping`, numbering the kinds present in order.
    fn new(labels: &[Rel], grouping: Grouping) -> Groups {
        let kinds: Vec<u8> = labels.iter().map(|&r| grouping.kind(r)).collect();
        let mut present = kinds.clone();
        present.sort_unstable();
        present.dedup();
        Groups::from_map(
            kinds
                .iter()
                .map(|k| present.iter().position(|p| p == k).unwrap_or(0) as u8)
                .collect(),
        )
    }

    fn from_map(of: Vec<u8>) -> Groups {
        let count = of.iter().map(|&g| g as usize + 1).max().unwrap_or(1);
        let mut labels = vec![Vec::new(); count];
        for (l, &g) in of.iter().enumerate() {
            labels[g as usize].push(l as u8);
        }
        labels.push((0..of.len() as u8).collect());
        Groups { of, labels }
    }

    /// The number of groups.
    fn count(&self) -> usize {
        self.labels.len() - 1
    }

    /// The number of move classes: SHIFT, then LEFT and RIGHT for each group.
    fn classes(&self) -> usize {
        1 + 2 * self.count()
    }

    /// The size of the largest group: the labeller's number of classes.
    fn widest(&self) -> usize {
        self.labels[..self.count()]
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(1)
    }

    fn write(&self, out: &mut Writer) {
        out.bytes(&self.of);
    }

    fn read(input: &mut Reader, labels: usize) -> Result<Groups, ModelError> {
        let of = input.bytes()?.to_vec();
        if of.len() != labels || of.iter().any(|&g| g as usize >= labels) {
            return Err(ModelError::Corrupt("label groups"));
        }
        let groups = Groups::from_map(of);
        if groups.labels.iter().any(Vec::is_empty) {
            return Err(ModelError::Corrupt("empty label group"));
        }
        Ok(groups)
    }
}

impl ArcParser {
    fn label_rel(&self, class: usize) -> Rel {
        self.labels.get(class).copied().unwrap_or(Rel::Dep)
    }

    /// Parses a tagged sentence; the result is in `scratch.state` (`heads` and `labels`,
    /// token-indexed, with label classes; the root word's label is `NO_LABEL`).
    /// `clus`: each word's clusters if the tagger has looked them up already, else empty.
    pub fn parse(
        &self,
        lx: &[Lex],
        tags: &[u8],
        alts: &[u8],
        clus: &[(u64, u64)],
        scratch: &mut ParseScratch,
    ) {
        let ParseScratch {
            state,
            tokens,
            keys,
            scores,
            rows,
        } = scratch;
        prepare(lx, tags, alts, clus, &self.coarse, &self.clusters, tokens);
        state.reset(lx.len());
        let quick_stride = self.quick.as_ref().map_or(0, |q| q.table.stride());
        scores.resize(
            self.moves
                .stride()
                .max(self.labeller.stride())
                .max(quick_stride),
            0,
        );
        let ng = self.groups.count();
        while !state.is_terminal() {
            let legal = state.legal();
            let (mv, group) = match forced(state, legal) {
                Some(mv) => (mv, 0),
                None => {
                    let focus = Focus::new(state, tokens);
                    keys.clear();
                    focus.core(keys);
                    // The cascade: the quick model alone decides when it is sure enough.
                    let quick = self.quick.as_ref().and_then(|q| {
                        q.table.score(keys, scores, rows);
                        let (best, second) = top_two(scores, legal, ng);
                        let sure = second == usize::MAX
                            || scores[best].saturating_sub(scores[second]) >= q.margin;
                        sure.then_some(best)
                    });
                    let class = quick.unwrap_or_else(|| {
                        focus.rest(keys);
                        self.moves.score(keys, scores, rows);
                        best_class(scores, legal, ng)
                    });
                    decode(class, ng)
                }
            };
            let mut label = NO_LABEL;
            if let Some((head, dep)) = state.arc(mv) {
                if head != 0 {
                    let labels = &self.groups.labels[group];
                    label = match labels.as_slice() {
                        [only] => *only,
                        _ => {
                            keys.clear();
                            label_features(state, tokens, head, dep, group, keys);
                            self.labeller.score(keys, scores, rows);
                            labels[argmax(&scores[..labels.len()])]
                        }
                    };
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

    pub fn pruned(&self, moves: f64, labels: f64) -> ArcParser {
        ArcParser {
            moves: self.moves.pruned(moves),
            labeller: self.labeller.pruned(labels),
            quick: self.quick.as_ref().map(|q| Quick {
                table: q.table.pruned(moves),
                margin: q.margin,
            }),
            ..self.clone()
        }
    }

    /// Sets the cascade's margin, in real (perceptron) units; `None` switches the cascade off.
    /// Returns false if there is no cascade.
    pub fn set_quick_margin(&mut self, margin: Option<f64>) -> bool {
        match (&mut self.quick, margin) {
            (Some(q), Some(real)) => {
                q.margin = (real / q.table.scale as f64).clamp(0.0, 32_000.0) as Score;
                true
            }
            (Some(q), None) => {
                q.margin = Score::MAX;
                true
            }
            _ => false,
        }
    }

    pub fn size(&self) -> (usize, usize) {
        (self.moves.len(), self.labeller.len())
    }

    pub fn write(&self, out: &mut Writer) {
        out.bytes(&self.coarse);
        out.u8(self.labels.len() as u8);
        for r in &self.labels {
            out.u8(r.id());
        }
        self.groups.write(out);
        self.moves.write(out);
        self.labeller.write(out);
        match &self.quick {
            Some(q) => {
                out.u8(1);
                out.u32(q.margin as u16 as u32);
                q.table.write(out);
            }
            None => out.u8(0),
        }
    }

    pub fn read(input: &mut Reader) -> Result<ArcParser, ModelError> {
        let coarse = input.bytes()?.to_vec();
        let n = input.u8()? as usize;
        if n == 0 || n > 64 {
            return Err(ModelError::Corrupt("label classes"));
        }
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            labels.push(Rel::from_id(input.u8()?).ok_or(ModelError::Corrupt("relation id"))?);
        }
        let groups = Groups::read(input, n)?;
        let moves = Table::read(input)?;
        let labeller = Table::read(input)?;
        if moves.classes != groups.classes() || labeller.classes != groups.widest() {
            return Err(ModelError::Corrupt("parser classes"));
        }
        let quick = if input.u8()? != 0 {
            let margin = input.u32()? as u16 as Score;
            let table = Table::read(input)?;
            if table.classes != groups.classes() {
                return Err(ModelError::Corrupt("quick move classes"));
            }
            Some(Quick { table, margin })
        } else {
            None
        };
        Ok(ArcParser {
            labels,
            coarse,
            groups,
            moves,
            labeller,
            quick,
            // Set by the caller: the model file stores one table for the tagger and parser.
            clusters: Clusters::default(),
        })
    }
}

/// The move to make without asking a move model, when there is no choice to make: SHIFT when
/// nothing else is legal, and the final RIGHT onto the root (always labelled `root`). Other
/// single legal moves still go to the model, which names the kind of their label.
#[inline]
fn forced(state: &State, legal: [bool; MOVES]) -> Option<usize> {
    match legal {
        [true, false, false] => Some(SHIFT),
        [false, false, true] if state.s(1) == 0 => Some(RIGHT),
        _ => None,
    }
}

/// Move classes: 0 is SHIFT, 1..=ng LEFT with group `c - 1`, then RIGHT likewise.
#[inline]
fn decode(class: usize, ng: usize) -> (usize, usize) {
    if class == 0 {
        (SHIFT, 0)
    } else if class <= ng {
        (LEFT, class - 1)
    } else {
        (RIGHT, class - 1 - ng)
    }
}

/// The best and second-best legal classes (`usize::MAX` when there is no second).
#[inline]
fn top_two<T: PartialOrd + Copy>(scores: &[T], legal: [bool; MOVES], ng: usize) -> (usize, usize) {
    let best = best_class(scores, legal, ng);
    let mut second = usize::MAX;
    for c in 0..1 + 2 * ng {
        if c != best
            && legal[decode(c, ng).0]
            && (second == usize::MAX || scores[c] > scores[second])
        {
            second = c;
        }
    }
    (best, second)
}

#[inline]
fn best_class<T: PartialOrd + Copy>(scores: &[T], legal: [bool; MOVES], ng: usize) -> usize {
    let mut best = usize::MAX;
    for c in 0..1 + 2 * ng {
        if legal[decode(c, ng).0] && (best == usize::MAX || scores[c] > scores[best]) {
            best = c;
        }
    }
    if best == usize::MAX {
        0
    } else {
        best
    }
}

/// A training sentence for the parser.
pub(crate) struct ParseExample {
    pub lx: Vec<Lex>,
    /// Tag classes as the tagger predicts them (jack-knifed).
    pub tags: Vec<u8>,
    /// The tagger's runner-up classes (see [`crate::tagger::TagScratch::alt`]).
    pub alts: Vec<u8>,
    /// Gold heads, token-indexed (`[0]` unused, root = 0), made projective, then one `NONE`.
    pub heads: Vec<u16>,
    /// Gold relations, token-indexed like `heads`.
    pub rels: Vec<Rel>,
}

/// One move model in training, with its groups and score buffers.
struct MoveLearner {
    groups: Groups,
    weights: TrainWeights,
    scores: Vec<i32>,
    cost: Vec<u32>,
}

impl MoveLearner {
    fn new(groups: Groups) -> MoveLearner {
        let classes = groups.classes();
        MoveLearner {
            groups,
            weights: TrainWeights::new(classes),
            scores: vec![0; classes],
            cost: vec![0; classes],
        }
    }

    /// Scores `keys`, learns from the dynamic oracle, and returns (the model's choice, the
    /// oracle's best choice).
    fn learn(
        &mut self,
        keys: &[u64],
        state: &State,
        base: [u32; MOVES],
        ex: &ParseExample,
        class_of: &[u8; 64],
    ) -> (usize, usize) {
        let ng = self.groups.count();
        let legal = state.legal();
        self.weights.score(keys, &mut self.scores);
        let guess = best_class(&self.scores, legal, ng);
        let mut least = u32::MAX;
        for (c, cost) in self.cost.iter_mut().enumerate() {
            let (mv, g) = decode(c, ng);
            *cost = base[mv];
            if let Some((h, d)) = state.arc(mv) {
                let gold = class_of[ex.rels[d as usize].id() as usize];
                // A right head with a label of the wrong kind costs one more arc.
                if *cost != u32::MAX
                    && ex.heads[d as usize] == h
                    && h != 0
                    && self.groups.of[gold as usize] as usize != g
                {
                    *cost += 1;
                }
            }
            least = least.min(*cost);
        }
        let mut best = usize::MAX;
        for c in 0..self.cost.len() {
            if self.cost[c] == least && (best == usize::MAX || self.scores[c] > self.scores[best]) {
                best = c;
            }
        }
        if self.cost[guess] > least {
            self.weights.update(keys, best, guess);
        }
        self.weights.tick();
        (guess, best)
    }
}

/// Trains the parser.
pub(crate) fn train(
    examples: &[ParseExample],
    coarse: Vec<u8>,
    clusters: Clusters,
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
    let groups = Groups::new(&labels, opts.grouping);
    let ng = groups.count();
    // Each run trains the three models from scratch with its own example order; their
    // averaged weights are then mixed.
    let mut runs: Vec<(MoveLearner, Option<MoveLearner>, TrainWeights)> = Vec::new();
    let snapshot = |runs: &[(MoveLearner, Option<MoveLearner>, TrainWeights)]| {
        let full: Vec<&TrainWeights> = runs.iter().map(|r| &r.0.weights).collect();
        let quick: Vec<&TrainWeights> = runs
            .iter()
            .filter_map(|r| r.1.as_ref().map(|q| &q.weights))
            .collect();
        let labeller: Vec<&TrainWeights> = runs.iter().map(|r| &r.2).collect();
        let mut parser = ArcParser {
            labels: labels.clone(),
            coarse: coarse.clone(),
            groups: groups.clone(),
            moves: TrainWeights::finish_mixed(&full, opts.prune_moves),
            labeller: TrainWeights::finish_mixed(&labeller, opts.prune_labels),
            quick: (!quick.is_empty()).then(|| Quick {
                table: TrainWeights::finish_mixed(&quick, opts.prune_moves),
                margin: Score::MAX,
            }),
            clusters: clusters.clone(),
        };
        parser.set_quick_margin(opts.quick_margin);
        parser
    };
    for run in 0..opts.mix.max(1) {
        let mut full = MoveLearner::new(groups.clone());
        let mut quick = opts.quick_margin.map(|_| MoveLearner::new(groups.clone()));
        let mut labeller = TrainWeights::new(groups.widest());
        let mut rng = Rng::new(opts.seed.wrapping_add(run as u64));
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut scratch = ParseScratch::default();
        let mut label_scores = vec![0i32; groups.widest()];
        for epoch in 0..opts.epochs {
            rng.shuffle(&mut order);
            let explore = epoch >= opts.explore_from;
            let (mut arcs, mut right_heads, mut right_labels) = (0usize, 0usize, 0usize);
            for &e in &order {
                let ex = &examples[e];
                let ParseScratch {
                    state,
                    tokens,
                    keys,
                    ..
                } = &mut scratch;
                prepare(&ex.lx, &ex.tags, &ex.alts, &[], &coarse, &clusters, tokens);
                state.reset(ex.lx.len());
                while !state.is_terminal() {
                    let legal = state.legal();
                    let (mv, group) = match forced(state, legal) {
                        Some(mv) => (mv, 0),
                        None => {
                            let focus = Focus::new(state, tokens);
                            keys.clear();
                            focus.core(keys);
                            let core = keys.len();
                            focus.rest(keys);
                            let base = state.costs(&ex.heads);
                            let (guess, best) = full.learn(keys, state, base, ex, &class_of);
                            if let Some(quick) = &mut quick {
                                // The quick model learns from the same oracle on the core features
                                // (the parse follows the full model).
                                quick.learn(&keys[..core], state, base, ex, &class_of);
                            }
                            let chosen = if explore && rng.unit() < opts.explore_rate {
                                guess
                            } else {
                                best
                            };
                            decode(chosen, ng)
                        }
                    };
                    let mut label = NO_LABEL;
                    if let Some((head, dep)) = state.arc(mv) {
                        arcs += 1;
                        let correct = ex.heads[dep as usize] == head;
                        right_heads += correct as usize;
                        if head != 0 {
                            let gold = class_of[ex.rels[dep as usize].id() as usize];
                            let allowed = &groups.labels[group];
                            let gold_at = allowed.iter().position(|&l| l == gold);
                            let guess = if allowed.len() == 1 {
                                allowed[0]
                            } else {
                                keys.clear();
                                label_features(state, tokens, head, dep, group, keys);
                                labeller.score(keys, &mut label_scores);
                                let guess_at = argmax(&label_scores[..allowed.len()]);
                                // Learnt only on right arcs of the right kind: otherwise the gold
                                // label is not among this group's.
                                if let (true, Some(gold_at)) = (correct, gold_at) {
                                    labeller.update(keys, gold_at, guess_at);
                                    labeller.tick();
                                }
                                allowed[guess_at]
                            };
                            if correct {
                                right_labels += (guess == gold) as usize;
                            }
                            label = if explore || !correct || gold_at.is_none() {
                                guess
                            } else {
                                gold
                            };
                        }
                    }
                    state.apply(mv, label);
                }
            }
            log(format!(
            "parser run {} epoch {}: {:.2}% heads, {:.2}% labelled, {} move and {} label features",
            run + 1,
            epoch + 1,
            100.0 * right_heads as f64 / arcs.max(1) as f64,
            100.0 * right_labels as f64 / arcs.max(1) as f64,
            full.weights.features(),
            labeller.features()
        ));
            if run == 0 && epoch + 1 < opts.epochs {
                let single = [(full, quick, labeller)];
                on_epoch(epoch + 1, &snapshot(&single));
                [(full, quick, labeller)] = single;
            }
        }
        runs.push((full, quick, labeller));
    }
    snapshot(&runs)
}
