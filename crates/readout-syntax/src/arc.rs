//! The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011) and its dynamic
//! oracle (Goldberg and Nivre 2013).
//!
//! A configuration is a stack, a buffer (the words not yet read, a position in the sentence)
//! and the arcs built so far. Three moves:
//! - SHIFT pushes the buffer's first word b0 onto the stack;
//! - LEFT makes the stack top s0 a dependent of b0 and pops it;
//! - RIGHT makes s0 a dependent of the word below it, s1, and pops it.
//!
//! Token 0 is the artificial root, at the bottom of the stack from the start; words are 1..=n.
//! RIGHT onto the root is allowed only when the buffer is empty and the root's word is the only
//! one left, so every parse has exactly one root, as UD requires, without repair afterwards.
//!
//! Arc-hybrid was chosen over arc-eager because its dynamic oracle is exact and simple: the cost
//! of a move (how many gold arcs it makes unreachable) is a count over the stack and buffer,
//! with no special cases, which keeps training with exploration honest. A word is attached only
//! when it is popped, so its subtree is complete by then, which also suits labelling at that
//! moment (a subject's case, a clause's marker are known).

pub(crate) const SHIFT: usize = 0;
pub(crate) const LEFT: usize = 1;
pub(crate) const RIGHT: usize = 2;
pub(crate) const MOVES: usize = 3;

/// "No token": a missing stack or buffer position, a word without a head or a child.
pub(crate) const NONE: u16 = u16::MAX;

/// A parser configuration, with the bookkeeping the features read (each word's nearest and
/// second-nearest children on either side, how many children it has, which labels they carry).
#[derive(Debug, Default, Clone)]
pub(crate) struct State {
    /// Words in the sentence (tokens are 0 for the root and 1..=n).
    pub n: usize,
    pub stack: Vec<u16>,
    /// The buffer's first token; the buffer is `next..=n`.
    pub next: usize,
    pub heads: Vec<u16>,
    pub labels: Vec<u8>,
    pub left1: Vec<u16>,
    pub left2: Vec<u16>,
    pub right1: Vec<u16>,
    pub right2: Vec<u16>,
    pub left_count: Vec<u8>,
    pub right_count: Vec<u8>,
    pub left_labels: Vec<u64>,
    pub right_labels: Vec<u64>,
}

/// The label value of a word that has none yet.
pub(crate) const NO_LABEL: u8 = u8::MAX;

impl State {
    /// Resets to the initial configuration for a sentence of `n` words. Arrays have `n + 2`
    /// entries: the root, the words, and one more for [`NONE`]-like look-ups done by callers.
    pub fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.stack.push(0);
        self.next = 1;
        for v in [
            &mut self.heads,
            &mut self.left1,
            &mut self.left2,
            &mut self.right1,
            &mut self.right2,
        ] {
            v.clear();
            v.resize(n + 2, NONE);
        }
        self.labels.clear();
        self.labels.resize(n + 2, NO_LABEL);
        for v in [&mut self.left_count, &mut self.right_count] {
            v.clear();
            v.resize(n + 2, 0);
        }
        for v in [&mut self.left_labels, &mut self.right_labels] {
            v.clear();
            v.resize(n + 2, 0);
        }
    }

    pub fn is_terminal(&self) -> bool {
        self.stack.len() == 1 && self.next > self.n
    }

    #[inline]
    pub fn s(&self, k: usize) -> u16 {
        let len = self.stack.len();
        if k < len {
            self.stack[len - 1 - k]
        } else {
            NONE
        }
    }

    #[inline]
    pub fn b(&self, k: usize) -> u16 {
        let i = self.next + k;
        if i <= self.n {
            i as u16
        } else {
            NONE
        }
    }

    /// Which moves are legal, as a mask over `SHIFT`, `LEFT`, `RIGHT`.
    #[inline]
    pub fn legal(&self) -> [bool; MOVES] {
        let buffer = self.next <= self.n;
        let depth = self.stack.len();
        [
            buffer,
            buffer && depth >= 2,
            depth >= 3 || (depth == 2 && !buffer),
        ]
    }

    /// The arc a move would build, as (head, dependent).
    #[inline]
    pub fn arc(&self, mv: usize) -> Option<(u16, u16)> {
        match mv {
            LEFT => Some((self.next as u16, self.s(0))),
            RIGHT => Some((self.s(1), self.s(0))),
            _ => None,
        }
    }

    /// Applies a legal move; arcs get `label`.
    #[inline]
    pub fn apply(&mut self, mv: usize, label: u8) {
        match mv {
            SHIFT => {
                self.stack.push(self.next as u16);
                self.next += 1;
            }
            _ => {
                let (head, dep) = self.arc(mv).unwrap_or((0, 0));
                self.stack.pop();
                self.attach(head as usize, dep as usize, label);
            }
        }
    }

    fn attach(&mut self, head: usize, dep: usize, label: u8) {
        self.heads[dep] = head as u16;
        self.labels[dep] = label;
        let bit = if (label as u32) < 64 {
            1u64 << label
        } else {
            0
        };
        // Children arrive from the inside out: a new left child is the leftmost so far, a new
        // right child the rightmost.
        if dep < head {
            self.left2[head] = self.left1[head];
            self.left1[head] = dep as u16;
            self.left_count[head] = self.left_count[head].saturating_add(1);
            self.left_labels[head] |= bit;
        } else {
            self.right2[head] = self.right1[head];
            self.right1[head] = dep as u16;
            self.right_count[head] = self.right_count[head].saturating_add(1);
            self.right_labels[head] |= bit;
        }
    }

    /// The cost of each legal move against gold heads `gold` (token-indexed, `gold[0]` unused):
    /// how many gold arcs still reachable the move would make unreachable (`u32::MAX` for an
    /// illegal move). For projective gold trees, a move of zero cost is always available and
    /// following zero-cost moves builds exactly the gold tree.
    pub fn costs(&self, gold: &[u16]) -> [u32; MOVES] {
        let legal = self.legal();
        let mut cost = [u32::MAX; MOVES];
        let n = self.n;
        let in_buffer = |k: u16| k != NONE && (k as usize) >= self.next && (k as usize) <= n;
        let s0 = self.s(0);
        let s1 = self.s(1);
        let b0 = self.next as u16;
        // Gold dependents of s0 still in the buffer: lost by either pop.
        let s0_deps_in_buffer = if s0 != NONE {
            (self.next..=n).filter(|&k| gold[k] == s0).count() as u32
        } else {
            0
        };
        if legal[SHIFT] {
            // b0 can still get its head from s0 (by RIGHT, once it is on top of s0) or from the
            // buffer; a head deeper in the stack is lost, and so are b0's dependents on the stack.
            let g = gold[b0 as usize];
            let mut c = 0u32;
            for (i, &k) in self.stack.iter().enumerate() {
                let top = i + 1 == self.stack.len();
                if g == k && !top {
                    c += 1;
                }
                if k != 0 && gold[k as usize] == b0 {
                    c += 1;
                }
            }
            cost[SHIFT] = c;
        }
        if legal[LEFT] {
            let g = gold[s0 as usize];
            let lost_head = g != b0 && (g == s1 || in_buffer(g));
            cost[LEFT] = lost_head as u32 + s0_deps_in_buffer;
        }
        if legal[RIGHT] {
            let g = gold[s0 as usize];
            let lost_head = g != s1 && in_buffer(g);
            cost[RIGHT] = lost_head as u32 + s0_deps_in_buffer;
        }
        cost
    }
}

/// Makes a tree projective by lifting: while some arc crosses another, the shortest such arc's
/// dependent is reattached to its head's head. `heads[d]` is the head of token `d` (1..=n, with
/// 0 the root; `heads[0]` unused). Returns how many arcs were lifted.
pub(crate) fn projectivise(heads: &mut [u16]) -> usize {
    let n = heads.len() - 1;
    let mut lifted = 0;
    // Each lift moves a dependent up one level, so this ends; the bound guards cycles in
    // malformed input.
    for _ in 0..n * n + 1 {
        let mut worst: Option<(usize, usize)> = None;
        for d in 1..=n {
            let h = heads[d] as usize;
            if h > n {
                continue;
            }
            let (lo, hi) = if h < d { (h, d) } else { (d, h) };
            let crossing = (lo + 1..hi).any(|k| !dominates(heads, h, k));
            if crossing && worst.is_none_or(|(_, len)| hi - lo < len) {
                worst = Some((d, hi - lo));
            }
        }
        match worst {
            Some((d, _)) => {
                let h = heads[d] as usize;
                if h == 0 {
                    break;
                }
                heads[d] = heads[h];
                lifted += 1;
            }
            None => break,
        }
    }
    lifted
}

/// Whether `h` is `k` or one of its ancestors.
fn dominates(heads: &[u16], h: usize, mut k: usize) -> bool {
    for _ in 0..heads.len() {
        if k == h {
            return true;
        }
        if k == 0 || k >= heads.len() {
            return false;
        }
        k = heads[k] as usize;
    }
    false
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::hash::Rng;

    /// Random projective trees over `n` words: each span picks a root, then splits around it.
    pub(crate) fn random_projective(n: usize, rng: &mut Rng) -> Vec<u16> {
        fn build(lo: usize, hi: usize, head: u16, heads: &mut [u16], rng: &mut Rng) {
            if lo > hi {
                return;
            }
            let r = lo + rng.below(hi - lo + 1);
            heads[r] = head;
            build(lo, r.wrapping_sub(1), r as u16, heads, rng);
            build(r + 1, hi, r as u16, heads, rng);
        }
        let mut heads = vec![0u16; n + 1];
        if n > 0 {
            let r = 1 + rng.below(n);
            heads[r] = 0;
            if r > 1 {
                build(1, r - 1, r as u16, &mut heads, rng);
            }
            build(r + 1, n, r as u16, &mut heads, rng);
        }
        heads
    }

    fn is_projective(heads: &[u16]) -> bool {
        let n = heads.len() - 1;
        (1..=n).all(|d| {
            let h = heads[d] as usize;
            let (lo, hi) = if h < d { (h, d) } else { (d, h) };
            (lo + 1..hi).all(|k| dominates(heads, h, k))
        })
    }

    /// Follows random zero-cost moves and checks the tree built is the gold tree.
    fn follow_zero_cost(gold: &[u16], rng: &mut Rng) {
        let n = gold.len() - 1;
        let mut gold_padded = gold.to_vec();
        gold_padded.push(NONE);
        let mut state = State::default();
        state.reset(n);
        while !state.is_terminal() {
            let cost = state.costs(&gold_padded);
            let zero: Vec<usize> = (0..MOVES).filter(|&m| cost[m] == 0).collect();
            assert!(!zero.is_empty(), "no zero-cost move for {gold:?}");
            let mv = zero[rng.below(zero.len())];
            state.apply(mv, 0);
        }
        assert_eq!(&state.heads[1..=n], &gold[1..], "tree differs from gold");
    }

    #[test]
    fn zero_cost_moves_rebuild_every_projective_tree() {
        let mut rng = Rng::new(7);
        for n in 1..30 {
            for _ in 0..50 {
                let gold = random_projective(n, &mut rng);
                assert!(is_projective(&gold));
                follow_zero_cost(&gold, &mut rng);
            }
        }
    }

    #[test]
    fn costs_count_the_arcs_a_mistake_loses() {
        // "a b c": b is the root, a and c depend on it.
        let gold = [0, 2, 0, 2, NONE];
        let mut state = State::default();
        state.reset(3);
        state.apply(SHIFT, 0); // stack: root a
        let cost = state.costs(&gold);
        assert_eq!(cost[LEFT], 0); // a <- b
        assert_eq!(cost[SHIFT], 2); // b on top of a loses a <- b, and b cannot reach the root
        assert_eq!(cost[RIGHT], u32::MAX); // root may take a word only at the end
        state.apply(SHIFT, 0); // stack: root a b, buffer: c
        let cost = state.costs(&gold);
        // b's arcs from the root and to a are lost already (a is under b); RIGHT (a -> b)
        // loses b's dependent c as well, SHIFT loses nothing more.
        assert_eq!(cost[RIGHT], 1);
        assert_eq!(cost[SHIFT], 0);
    }

    #[test]
    fn every_parse_has_one_root() {
        let mut rng = Rng::new(3);
        for n in 1..20 {
            for _ in 0..20 {
                let mut state = State::default();
                state.reset(n);
                while !state.is_terminal() {
                    let legal = state.legal();
                    let moves: Vec<usize> = (0..MOVES).filter(|&m| legal[m]).collect();
                    assert!(!moves.is_empty());
                    state.apply(moves[rng.below(moves.len())], 0);
                }
                let roots = (1..=n).filter(|&d| state.heads[d] == 0).count();
                assert_eq!(roots, 1);
                assert!((1..=n).all(|d| state.heads[d] != NONE));
            }
        }
    }

    #[test]
    fn lifting_makes_trees_projective() {
        let mut rng = Rng::new(11);
        for n in 2..25 {
            for _ in 0..40 {
                // A random tree (not necessarily projective): each word's head is an earlier
                // word or the root, shuffled positions.
                let mut order: Vec<usize> = (1..=n).collect();
                rng.shuffle(&mut order);
                let mut heads = vec![0u16; n + 1];
                for (i, &d) in order.iter().enumerate().skip(1) {
                    heads[d] = order[rng.below(i)] as u16;
                }
                projectivise(&mut heads);
                assert!(is_projective(&heads), "{heads:?}");
                assert_eq!((1..=n).filter(|&d| heads[d] == 0).count(), 1);
            }
        }
    }
}
