//! Word clusters learnt from unlabelled text, as extra parser features (after Koo, Carreras and
//! Collins 2008): a word the treebanks rarely or never show still shares a cluster with words
//! that behave like it, so its attachments borrow their weights.
//!
//! The clusters come from the *exchange* algorithm (Kneser and Ney 1993; Martin, Liermann and
//! Ney 1998): every word of the vocabulary belongs to one of `k` classes, and words are moved
//! one at a time to the class that most raises the likelihood of the text under a class bigram
//! model, `Σ N(c,d) log N(c,d) − 2 Σ N(c) log N(c)`, until few words move. The fine classes are
//! then clustered again the same way, as if they were words, into a few coarse classes, which
//! gives a two-level hierarchy like the bit-string prefixes of Brown clusters.
//!
//! Words are identified by the hash of their lowercased, digit-folded form ([`Lex::lower`]), so
//! the table stores 32-bit hashes and class numbers, never text.

use rustc_hash::FxHashMap;

use crate::lex::{self, Lex, LexBuf};
use crate::weights::{Reader, Writer};
use crate::ModelError;

/// The cluster value of a word outside the vocabulary (non-zero: a feature value).
pub(crate) const UNKNOWN: u64 = 0xC1_0000;

/// Word clusters at two granularities.
#[derive(Clone, Debug, Default)]
pub(crate) struct Clusters {
    /// Low 32 bits of a word's `lower` hash → its fine class.
    map: FxHashMap<u32, u16>,
    /// Each fine class's coarse class.
    coarse: Vec<u8>,
}

impl Clusters {
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// The word's (fine, coarse) cluster values, both non-zero; [`UNKNOWN`] for both outside
    /// the vocabulary.
    #[inline]
    pub fn of(&self, lower: u64) -> (u64, u64) {
        match self.map.get(&(lower as u32)) {
            Some(&c) => (
                c as u64 + 1,
                0x100 + self.coarse.get(c as usize).copied().unwrap_or(0) as u64,
            ),
            None => (UNKNOWN, UNKNOWN),
        }
    }

    pub fn write(&self, out: &mut Writer) {
        let mut entries: Vec<(u32, u16)> = self.map.iter().map(|(&k, &v)| (k, v)).collect();
        entries.sort_unstable();
        out.u32(entries.len() as u32);
        // Sorted keys as deltas, then the classes: both compress well.
        let mut last = 0u32;
        for &(k, _) in &entries {
            out.varint((k - last) as u64);
            last = k;
        }
        for &(_, c) in &entries {
            out.u8(c as u8);
            out.u8((c >> 8) as u8);
        }
        out.bytes(&self.coarse);
    }

    pub fn read(input: &mut Reader) -> Result<Clusters, ModelError> {
        let n = input.u32()? as usize;
        if n > 10_000_000 {
            return Err(ModelError::Corrupt("cluster table size"));
        }
        let mut keys = Vec::with_capacity(n);
        let mut last = 0u32;
        for _ in 0..n {
            let delta =
                u32::try_from(input.varint()?).map_err(|_| ModelError::Corrupt("cluster keys"))?;
            last = last
                .checked_add(delta)
                .ok_or(ModelError::Corrupt("cluster keys"))?;
            keys.push(last);
        }
        let mut map = FxHashMap::default();
        map.reserve(n);
        for k in keys {
            let c = input.u8()? as u16 | (input.u8()? as u16) << 8;
            map.insert(k, c);
        }
        let coarse = input.bytes()?.to_vec();
        if map.values().any(|&c| c as usize >= coarse.len()) {
            return Err(ModelError::Corrupt("cluster classes"));
        }
        Ok(Clusters { map, coarse })
    }
}

/// Settings of the clustering.
#[derive(Clone, Debug)]
pub struct ClusterOptions {
    /// Fine classes (0: no clusters).
    pub fine: usize,
    /// Coarse classes.
    pub coarse: usize,
    /// Words seen fewer times than this share one "rare word" entry and are not stored.
    pub min_count: u32,
    /// Passes over the vocabulary at most.
    pub passes: usize,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            fine: 256,
            coarse: 32,
            min_count: 3,
            passes: 12,
        }
    }
}

/// A vocabulary with its bigram counts: the input of the exchange algorithm.
struct Bigrams {
    /// Each item's count.
    count: Vec<u64>,
    /// Each item's successors and predecessors with counts (itself excluded).
    next: Vec<Vec<(u32, u64)>>,
    prev: Vec<Vec<(u32, u64)>>,
    /// Each item's count as its own successor.
    self_pairs: Vec<u64>,
}

impl Bigrams {
    fn from_pairs(items: usize, count: Vec<u64>, pairs: FxHashMap<(u32, u32), u64>) -> Bigrams {
        let mut next = vec![Vec::new(); items];
        let mut prev = vec![Vec::new(); items];
        let mut self_pairs = vec![0; items];
        let mut sorted: Vec<((u32, u32), u64)> = pairs.into_iter().collect();
        sorted.sort_unstable();
        for ((a, b), n) in sorted {
            if a == b {
                self_pairs[a as usize] += n;
            } else {
                next[a as usize].push((b, n));
                prev[b as usize].push((a, n));
            }
        }
        Bigrams {
            count,
            next,
            prev,
            self_pairs,
        }
    }
}

/// x ln x, with 0 for 0.
#[inline]
fn xlx(x: i64) -> f64 {
    if x <= 0 {
        0.0
    } else {
        let x = x as f64;
        x * x.ln()
    }
}

/// The exchange algorithm: items `0..fixed` stay in classes of their own (`k + i`); the rest
/// are spread over `k` classes, initially by rank (the items are in descending order of
/// count), then moved until a pass moves under 0.1% of them. Returns each item's class.
fn exchange(
    b: &Bigrams,
    fixed: usize,
    k: usize,
    passes: usize,
    log: &mut dyn FnMut(String),
) -> Vec<u32> {
    let items = b.count.len();
    let classes = k + fixed;
    let mut class: Vec<u32> = (0..items)
        .map(|i| {
            if i < fixed {
                (k + i) as u32
            } else {
                ((i - fixed) % k) as u32
            }
        })
        .collect();
    // Class bigram and unigram counts.
    let mut n = vec![0i64; classes * classes];
    let mut nc = vec![0i64; classes];
    for i in 0..items {
        let ci = class[i] as usize;
        nc[ci] += b.count[i] as i64;
        n[ci * classes + ci] += b.self_pairs[i] as i64;
        for &(j, c) in &b.next[i] {
            n[ci * classes + class[j as usize] as usize] += c as i64;
        }
    }
    let mut right = vec![0i64; classes];
    let mut left = vec![0i64; classes];
    let mut touched_r: Vec<usize> = Vec::new();
    let mut touched_l: Vec<usize> = Vec::new();
    for pass in 0..passes {
        let mut moved = 0usize;
        for w in fixed..items {
            // The word's context counts by class.
            touched_r.clear();
            touched_l.clear();
            for &(j, c) in &b.next[w] {
                let cj = class[j as usize] as usize;
                if right[cj] == 0 {
                    touched_r.push(cj);
                }
                right[cj] += c as i64;
            }
            for &(j, c) in &b.prev[w] {
                let cj = class[j as usize] as usize;
                if left[cj] == 0 {
                    touched_l.push(cj);
                }
                left[cj] += c as i64;
            }
            let own = b.self_pairs[w] as i64;
            let nw = b.count[w] as i64;
            // Take it out of its class.
            let from = class[w] as usize;
            for &c in &touched_r {
                n[from * classes + c] -= right[c];
            }
            for &c in &touched_l {
                n[c * classes + from] -= left[c];
            }
            n[from * classes + from] -= own;
            nc[from] -= nw;
            // The best class to put it in.
            let mut best = from;
            let mut best_gain = f64::NEG_INFINITY;
            for to in 0..k {
                let mut gain = 0.0;
                for &c in &touched_r {
                    if c != to {
                        let v = n[to * classes + c];
                        gain += xlx(v + right[c]) - xlx(v);
                    }
                }
                for &c in &touched_l {
                    if c != to {
                        let v = n[c * classes + to];
                        gain += xlx(v + left[c]) - xlx(v);
                    }
                }
                let v = n[to * classes + to];
                gain += xlx(v + right[to] + left[to] + own) - xlx(v);
                gain -= 2.0 * (xlx(nc[to] + nw) - xlx(nc[to]));
                if gain > best_gain + 1e-9 || (to == from && gain >= best_gain - 1e-9) {
                    best_gain = gain;
                    best = to;
                }
            }
            for &c in &touched_r {
                n[best * classes + c] += right[c];
            }
            for &c in &touched_l {
                n[c * classes + best] += left[c];
            }
            n[best * classes + best] += own;
            nc[best] += nw;
            if best != from {
                class[w] = best as u32;
                moved += 1;
            }
            for &c in &touched_r {
                right[c] = 0;
            }
            for &c in &touched_l {
                left[c] = 0;
            }
        }
        let mut score = 0.0;
        for &v in &n {
            score += xlx(v);
        }
        for &v in &nc {
            score -= 2.0 * xlx(v);
        }
        log(format!(
            "clusters ({k}): pass {} moved {moved} of {} items, objective {score:.0}",
            pass + 1,
            items - fixed
        ));
        if moved * 1000 < items - fixed {
            break;
        }
    }
    class
}

/// Learns clusters from sentences of words (any tokenisation close to the treebanks').
pub(crate) fn learn<'a>(
    sentences: impl Iterator<Item = Vec<&'a str>>,
    opts: &ClusterOptions,
    log: &mut dyn FnMut(String),
) -> Clusters {
    if opts.fine == 0 {
        return Clusters::default();
    }
    // Word ids by first appearance, sentences as id sequences.
    let mut buf = LexBuf::default();
    let mut ids: FxHashMap<u64, u32> = FxHashMap::default();
    let mut hashes: Vec<u64> = Vec::new();
    let mut counts: Vec<u64> = Vec::new();
    let mut text: Vec<Vec<u32>> = Vec::new();
    for words in sentences {
        let mut s = Vec::with_capacity(words.len());
        for w in words {
            let l: Lex = lex::lex_word(w, lex::Mode::Normal, &mut buf);
            let next = hashes.len() as u32;
            let id = *ids.entry(l.lower).or_insert(next);
            if id == next {
                hashes.push(l.lower);
                counts.push(0);
            }
            counts[id as usize] += 1;
            s.push(id);
        }
        text.push(s);
    }
    // Items: 0 the sentence boundary, 1 the rare words, then the vocabulary by descending count.
    let mut vocab: Vec<u32> = (0..hashes.len() as u32)
        .filter(|&i| counts[i as usize] >= opts.min_count as u64)
        .collect();
    vocab.sort_unstable_by_key(|&i| (std::cmp::Reverse(counts[i as usize]), hashes[i as usize]));
    let mut item = vec![1u32; hashes.len()];
    for (r, &i) in vocab.iter().enumerate() {
        item[i as usize] = r as u32 + 2;
    }
    let items = vocab.len() + 2;
    let mut count = vec![0u64; items];
    let mut pairs: FxHashMap<(u32, u32), u64> = FxHashMap::default();
    let mut tokens = 0usize;
    for s in &text {
        let mut last = 0u32;
        count[0] += 1;
        for &w in s {
            let it = item[w as usize];
            count[it as usize] += 1;
            *pairs.entry((last, it)).or_insert(0) += 1;
            last = it;
        }
        *pairs.entry((last, 0)).or_insert(0) += 1;
        tokens += s.len();
    }
    log(format!(
        "clusters: {} sentences, {tokens} words, {} distinct, {} seen {}+ times",
        text.len(),
        hashes.len(),
        vocab.len(),
        opts.min_count
    ));
    // The rare-word item moves like a word, so that its contexts are modelled; the boundary
    // keeps a class of its own.
    let bigrams = Bigrams::from_pairs(items, count, pairs);
    let fine = exchange(&bigrams, 1, opts.fine, opts.passes, log);

    // The fine classes as items of a second clustering.
    let classes = opts.fine + 1;
    let mut ccount = vec![0u64; classes];
    let mut cpairs: FxHashMap<(u32, u32), u64> = FxHashMap::default();
    // Item 0 (the boundary) is class `fine`; renumber it to 0 and shift the others by one.
    let renum = |c: u32| if c as usize == opts.fine { 0 } else { c + 1 };
    for i in 0..items {
        let ci = renum(fine[i]);
        ccount[ci as usize] += bigrams.count[i];
        *cpairs.entry((ci, ci)).or_insert(0) += bigrams.self_pairs[i];
        for &(j, c) in &bigrams.next[i] {
            *cpairs.entry((ci, renum(fine[j as usize]))).or_insert(0) += c;
        }
    }
    // The exchange wants items in descending order of count.
    let mut order: Vec<u32> = (1..classes as u32).collect();
    order.sort_unstable_by_key(|&c| (std::cmp::Reverse(ccount[c as usize]), c));
    let mut pos = vec![0u32; classes];
    for (r, &c) in order.iter().enumerate() {
        pos[c as usize] = r as u32 + 1;
    }
    let cpairs: FxHashMap<(u32, u32), u64> = cpairs
        .into_iter()
        .map(|((a, b), n)| ((pos[a as usize], pos[b as usize]), n))
        .collect();
    let mut ccount2 = vec![0u64; classes];
    for c in 0..classes {
        ccount2[pos[c] as usize] = ccount[c];
    }
    let cb = Bigrams::from_pairs(classes, ccount2, cpairs);
    let coarse_of_pos = exchange(&cb, 1, opts.coarse, opts.passes, log);
    let coarse: Vec<u8> = (0..opts.fine as u32)
        .map(|c| coarse_of_pos[pos[c as usize + 1] as usize] as u8)
        .collect();

    let mut map = FxHashMap::default();
    for (r, &i) in vocab.iter().enumerate() {
        map.insert(hashes[i as usize] as u32, fine[r + 2] as u16);
    }
    Clusters { map, coarse }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_a_cluster() {
        let mut text = Vec::new();
        for (i, noun) in ["cat", "dog", "bird", "horse"]
            .iter()
            .cycle()
            .take(400)
            .enumerate()
        {
            let verb = ["runs", "sleeps", "eats"][i % 3];
            text.push(format!("the {noun} {verb} ."));
            text.push(format!("a {noun} {verb} now ."));
        }
        let sentences = text.iter().map(|s| s.split(' ').collect::<Vec<&str>>());
        let opts = ClusterOptions {
            fine: 4,
            coarse: 2,
            min_count: 1,
            passes: 20,
        };
        let c = learn(sentences, &opts, &mut |_| {});
        let mut buf = LexBuf::default();
        let of = |w: &str, buf: &mut LexBuf| c.of(lex::lex_word(w, lex::Mode::Normal, buf).lower);
        let cat = of("cat", &mut buf);
        assert_eq!(cat, of("dog", &mut buf));
        assert_eq!(cat, of("horse", &mut buf));
        assert_ne!(cat, of("runs", &mut buf));
        assert_eq!(of("runs", &mut buf), of("eats", &mut buf));
        assert_eq!(of("zebra", &mut buf), (UNKNOWN, UNKNOWN));
        let mut w = Writer::default();
        c.write(&mut w);
        let back = Clusters::read(&mut Reader(&w.0)).unwrap();
        assert_eq!(
            back.of(lex::lex_word("dog", lex::Mode::Normal, &mut buf).lower),
            cat
        );
    }
}
