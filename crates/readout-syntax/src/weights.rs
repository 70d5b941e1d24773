//! Weight tables: the averaged perceptron being trained, and the compact quantised table the
//! shipped model uses.
//!
//! Both map a feature key (a 64-bit hash, see [`crate::hash`]) to a row holding one weight per
//! class, so that one look-up per feature yields everything a prediction needs from it; a
//! prediction sums the rows of its features and takes the best class.

use prefetch_index::prefetch_index;
use rustc_hash::FxHashMap;

use crate::ModelError;

/// Perceptron weights in training. Updates are always ±1, so weights are exact integers, and the
/// average over all training steps is kept with the usual trick: besides each weight `w` the sum
/// `u` of `step × change` is kept, and the average is `w − u / steps`.
#[derive(Debug)]
pub(crate) struct TrainWeights {
    pub classes: usize,
    index: FxHashMap<u64, u32>,
    w: Vec<i32>,
    u: Vec<i64>,
    /// How many examples have been seen; the clock of the averaging.
    step: i64,
}

impl TrainWeights {
    pub fn new(classes: usize) -> TrainWeights {
        TrainWeights {
            classes,
            index: FxHashMap::default(),
            w: Vec::new(),
            u: Vec::new(),
            step: 1,
        }
    }

    /// Adds the current (not averaged) weights of `keys` to `scores` (one per class).
    pub fn score(&self, keys: &[u64], scores: &mut [i32]) {
        scores.fill(0);
        for key in keys {
            if let Some(&row) = self.index.get(key) {
                let row = row as usize * self.classes;
                for (s, w) in scores.iter_mut().zip(&self.w[row..row + self.classes]) {
                    *s += w;
                }
            }
        }
    }

    /// Moves the weights of `keys` towards `good` and away from `bad`.
    pub fn update(&mut self, keys: &[u64], good: usize, bad: usize) {
        if good == bad {
            return;
        }
        for &key in keys {
            let next = self.index.len() as u32;
            let row = *self.index.entry(key).or_insert(next) as usize;
            if row == next as usize {
                self.w.resize(self.w.len() + self.classes, 0);
                self.u.resize(self.u.len() + self.classes, 0);
            }
            let row = row * self.classes;
            self.w[row + good] += 1;
            self.u[row + good] += self.step;
            self.w[row + bad] -= 1;
            self.u[row + bad] -= self.step;
        }
    }

    /// Marks the end of one example (one word tagged, one transition taken).
    pub fn tick(&mut self) {
        self.step += 1;
    }

    pub fn features(&self) -> usize {
        self.index.len()
    }

    /// The averaged weights, quantised: features whose largest averaged weight is under
    /// `prune` are dropped (rarely seen, or seen but uninformative), the rest are scaled so the
    /// largest weight in the table is ±127 and rounded to bytes. Eight bits lose nothing
    /// measurable (tried against 16 on EWT dev), and halve the memory every look-up touches.
    pub fn finish(&self, prune: f64) -> Table {
        TrainWeights::finish_mixed(&[self], prune)
    }

    /// The mean of the averaged weights of several models trained alike (the same data in
    /// different orders), quantised like [`TrainWeights::finish`]. Mixing independently trained
    /// perceptrons lowers the variance of the result at no cost when parsing: it is still one
    /// linear model.
    pub fn finish_mixed(models: &[&TrainWeights], prune: f64) -> Table {
        let classes = models.first().map_or(1, |m| m.classes);
        let mut sums: FxHashMap<u64, Vec<f64>> = FxHashMap::default();
        for model in models {
            let steps = model.step as f64;
            for (&key, &row) in &model.index {
                let row = row as usize * classes;
                let sum = sums.entry(key).or_insert_with(|| vec![0.0; classes]);
                for (c, s) in sum.iter_mut().enumerate() {
                    *s += (model.w[row + c] as f64 - model.u[row + c] as f64 / steps)
                        / models.len() as f64;
                }
            }
        }
        let mut rows: Vec<(u32, Vec<f64>)> = Vec::new();
        let mut largest = 0f64;
        let mut keys: Vec<(u64, Vec<f64>)> = sums.into_iter().collect();
        keys.sort_unstable_by_key(|k| k.0);
        for (key, avg) in keys {
            let max = avg.iter().fold(0f64, |m, w| m.max(w.abs()));
            if max < prune || max == 0.0 {
                continue;
            }
            largest = largest.max(max);
            rows.push((stored(key), avg));
        }
        // Two features whose keys share their top 32 bits become one: their weights add up,
        // which is what the shipped table computes when either fires.
        rows.sort_by_key(|r| r.0);
        let mut merged: Vec<(u32, Vec<f64>)> = Vec::with_capacity(rows.len());
        for (key, avg) in rows {
            match merged.last_mut() {
                Some(last) if last.0 == key => {
                    for (a, b) in last.1.iter_mut().zip(&avg) {
                        *a += b;
                    }
                }
                _ => merged.push((key, avg)),
            }
        }
        let scale = if largest > 0.0 {
            largest / W::MAX as f64
        } else {
            1.0
        };
        let mut keys = Vec::with_capacity(merged.len());
        let mut weights = Vec::with_capacity(merged.len() * classes);
        for (key, avg) in merged {
            let q: Vec<W> = avg
                .iter()
                .map(|w| (w / scale).round().clamp(-(W::MAX as f64), W::MAX as f64) as W)
                .collect();
            if q.iter().all(|&w| w == 0) {
                continue;
            }
            keys.push(key);
            weights.extend_from_slice(&q);
        }
        Table::build(classes, scale as f32, keys, weights)
    }
}

/// A stored weight.
pub(crate) type W = i8;
/// A sum of weights. A sum of at most [`MAX_FEATURES`] weights of at most ±127 cannot overflow.
pub(crate) type Score = i16;
/// The most features one prediction may sum.
pub(crate) const MAX_FEATURES: usize = 256;

/// A stored key: the top 32 bits of a feature key, never 0 (0 marks an empty slot).
#[inline(always)]
fn stored(key: u64) -> u32 {
    ((key >> 32) as u32).max(1)
}

/// Slots per bucket.
const SLOTS: usize = 3;

/// A bucket of the narrow layout: three keys and their rows of up to 16 weights, in one
/// 64-byte cache line. `overflow` is set when a key whose home is this bucket (or an earlier
/// one) had to be stored further on because the bucket was full.
#[derive(Clone, Copy, Debug)]
#[repr(C, align(64))]
struct NarrowBucket {
    keys: [u32; SLOTS],
    overflow: u32,
    rows: [[W; 16]; SLOTS],
}

/// A bucket of the wide layout: three keys and the numbers of their rows, two buckets to a
/// cache line.
#[derive(Clone, Copy, Debug)]
#[repr(C, align(32))]
struct WideBucket {
    keys: [u32; SLOTS],
    overflow: u32,
    rows: [u32; SLOTS],
    _pad: u32,
}

trait Bucket: Copy {
    const EMPTY: Self;
    fn keys(&self) -> &[u32; SLOTS];
    fn keys_mut(&mut self) -> &mut [u32; SLOTS];
    fn overflow(&self) -> u32;
    fn set_overflow(&mut self);
}

macro_rules! bucket {
    ($t:ty, $empty:expr) => {
        impl Bucket for $t {
            const EMPTY: Self = $empty;
            #[inline(always)]
            fn keys(&self) -> &[u32; SLOTS] {
                &self.keys
            }
            fn keys_mut(&mut self) -> &mut [u32; SLOTS] {
                &mut self.keys
            }
            #[inline(always)]
            fn overflow(&self) -> u32 {
                self.overflow
            }
            fn set_overflow(&mut self) {
                self.overflow = 1;
            }
        }
    };
}
bucket!(
    NarrowBucket,
    NarrowBucket {
        keys: [0; SLOTS],
        overflow: 0,
        rows: [[0; 16]; SLOTS]
    }
);
bucket!(
    WideBucket,
    WideBucket {
        keys: [0; SLOTS],
        overflow: 0,
        rows: [0; SLOTS],
        _pad: 0
    }
);

/// Places `keys` into buckets; returns the buckets and where each key went (bucket × SLOTS +
/// slot).
fn place<B: Bucket>(keys: &[u32], count: usize) -> (Vec<B>, Vec<u32>) {
    let mut buckets = vec![B::EMPTY; count];
    let mut at = Vec::with_capacity(keys.len());
    for &key in keys {
        let mut b = home_of(key, count);
        loop {
            if let Some(slot) = buckets[b].keys().iter().position(|&k| k == 0) {
                buckets[b].keys_mut()[slot] = key;
                at.push((b * SLOTS + slot) as u32);
                break;
            }
            buckets[b].set_overflow();
            b = next(b, count);
        }
    }
    (buckets, at)
}

/// The home bucket of stored key `k` among `count`: the key scaled to the range (any count
/// works, so the table need not round up to a power of two).
#[inline(always)]
fn home_of(k: u32, count: usize) -> usize {
    ((k as u64 * count as u64) >> 32) as usize
}

/// The bucket after `b`, wrapping around.
#[inline(always)]
fn next(b: usize, count: usize) -> usize {
    if b + 1 == count {
        0
    } else {
        b + 1
    }
}

/// Which slot of `bucket` holds `k`: 1, 2 or 3, or 0 for none. No branches: whether a feature
/// is in the model is a coin toss the processor cannot predict.
#[inline(always)]
fn slot_in<B: Bucket>(bucket: &B, k: u32) -> usize {
    let keys = bucket.keys();
    (keys[0] == k) as usize | ((keys[1] == k) as usize) << 1 | ((keys[2] == k) as usize * 3)
}

/// Finds `k` from its home bucket `b`: (bucket, slot 1..=3) or slot 0 when absent.
#[inline(always)]
fn locate<B: Bucket>(buckets: &[B], k: u32, b: usize) -> (usize, usize) {
    let slot = slot_in(&buckets[b], k);
    if slot != 0 || buckets[b].overflow() == 0 {
        return (b, slot);
    }
    locate_slow(buckets, k, b)
}

#[cold]
fn locate_slow<B: Bucket>(buckets: &[B], k: u32, mut b: usize) -> (usize, usize) {
    for _ in 0..buckets.len() {
        b = next(b, buckets.len());
        let slot = slot_in(&buckets[b], k);
        if slot != 0 || buckets[b].overflow() == 0 {
            return (b, slot);
        }
    }
    (b, 0)
}

/// How a table finds rows.
#[derive(Clone, Debug)]
enum Index {
    /// Up to 16 classes: rows live in the buckets, so a look-up touches one cache line.
    Narrow {
        buckets: Vec<NarrowBucket>,
        /// Row `r`'s place (bucket × SLOTS + slot).
        at: Vec<u32>,
    },
    /// More classes: `weights` holds row `r` at `r * stride`, and one row of zeros at the end
    /// that absent features add.
    Wide {
        buckets: Vec<WideBucket>,
        stride: usize,
        weights: Vec<W>,
    },
}

/// The shipped weights: quantised rows, found through a bucketed hash index.
#[derive(Clone, Debug)]
pub(crate) struct Table {
    pub classes: usize,
    /// One real weight is `scale` × the stored integer.
    pub scale: f32,
    /// The number of buckets.
    buckets: usize,
    /// The stored keys, sorted: row `r` is `keys[r]`'s.
    keys: Vec<u32>,
    index: Index,
}

impl Table {
    /// A table from sorted, distinct, non-zero keys and their rows (`classes` weights each).
    fn build(classes: usize, scale: f32, keys: Vec<u32>, dense: Vec<W>) -> Table {
        // Four slots in ten in use: few buckets overflow (about one in thirty), so a look-up
        // rarely leaves its first cache line.
        let buckets = (keys.len() * 5).div_ceil(2 * SLOTS).max(4);
        let row = |r: usize| &dense[r * classes..(r + 1) * classes];
        let index = if classes <= 16 {
            let (mut buckets, at) = place::<NarrowBucket>(&keys, buckets);
            for (r, &place) in at.iter().enumerate() {
                let (b, slot) = (place as usize / SLOTS, place as usize % SLOTS);
                buckets[b].rows[slot][..classes].copy_from_slice(row(r));
            }
            Index::Narrow { buckets, at }
        } else {
            let stride = classes.div_ceil(16) * 16;
            let (mut buckets, at) = place::<WideBucket>(&keys, buckets);
            let mut weights = vec![0 as W; (keys.len() + 1) * stride];
            for (r, &place) in at.iter().enumerate() {
                let (b, slot) = (place as usize / SLOTS, place as usize % SLOTS);
                buckets[b].rows[slot] = r as u32;
                weights[r * stride..r * stride + classes].copy_from_slice(row(r));
            }
            Index::Wide {
                buckets,
                stride,
                weights,
            }
        };
        Table {
            classes,
            scale,
            buckets,
            keys,
            index,
        }
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Row `r`'s weights (the row of `keys[r]`).
    fn row_at(&self, r: usize) -> &[W] {
        match &self.index {
            Index::Narrow { buckets, at } => {
                let place = at[r] as usize;
                &buckets[place / SLOTS].rows[place % SLOTS][..self.classes]
            }
            Index::Wide {
                stride, weights, ..
            } => &weights[r * stride..r * stride + self.classes],
        }
    }

    /// A copy without the rows whose largest weight is under `threshold` (in perceptron units).
    pub fn pruned(&self, threshold: f64) -> Table {
        let mut keys = Vec::new();
        let mut dense = Vec::new();
        for (r, &key) in self.keys.iter().enumerate() {
            let row = self.row_at(r);
            let max = row.iter().map(|w| w.unsigned_abs()).max().unwrap_or(0);
            if max as f64 * self.scale as f64 >= threshold {
                keys.push(key);
                dense.extend_from_slice(row);
            }
        }
        Table::build(self.classes, self.scale, keys, dense)
    }

    #[inline(always)]
    fn home(&self, key: u64) -> (u32, usize) {
        let k = stored(key);
        (k, home_of(k, self.buckets))
    }

    /// The row of a feature, if the model has one.
    #[cfg_attr(not(test), allow(dead_code))]
    fn find(&self, key: u64) -> Option<&[W]> {
        let (k, home) = self.home(key);
        match &self.index {
            Index::Narrow { buckets, .. } => match locate(buckets, k, home) {
                (_, 0) => None,
                (b, slot) => Some(&buckets[b].rows[slot - 1][..self.classes]),
            },
            Index::Wide {
                buckets,
                stride,
                weights,
            } => match locate(buckets, k, home) {
                (_, 0) => None,
                (b, slot) => {
                    let start = buckets[b].rows[slot - 1] as usize * stride;
                    Some(&weights[start..start + self.classes])
                }
            },
        }
    }

    /// The row of a feature, if the model has one.
    #[cfg(test)]
    pub fn row(&self, key: u64) -> Option<&[W]> {
        self.find(key)
    }

    /// Sums the rows of `keys` (at most [`MAX_FEATURES`]) into `scores` (at least
    /// [`Table::stride`] long; entries past `classes` are junk), which it overwrites.
    ///
    /// Look-ups go in passes so that memory latency overlaps: fetch every feature's bucket
    /// first, then read the buckets (and for wide rows fetch the rows, then add them up).
    /// One feature at a time, each look-up would wait for its cache misses in turn.
    #[inline]
    pub fn score(&self, keys: &[u64], scores: &mut [Score], rows: &mut Vec<u32>) {
        debug_assert!(keys.len() <= MAX_FEATURES);
        let keys = &keys[..keys.len().min(MAX_FEATURES)];
        match &self.index {
            Index::Narrow { buckets, .. } => {
                for &key in keys {
                    prefetch_index(buckets, self.home(key).1);
                }
                let mut acc = [0 as Score; 16];
                for &key in keys {
                    let (k, home) = self.home(key);
                    let (b, slot) = locate(buckets, k, home);
                    // Absent features add a row masked to zero rather than branch.
                    let row = &buckets[b].rows[slot.saturating_sub(1)];
                    let mask = -((slot != 0) as W);
                    for (a, &w) in acc.iter_mut().zip(row) {
                        *a = a.wrapping_add((w & mask) as Score);
                    }
                }
                scores[..16].copy_from_slice(&acc);
            }
            Index::Wide {
                buckets,
                stride,
                weights,
            } => {
                for &key in keys {
                    prefetch_index(buckets, self.home(key).1);
                }
                let zero = self.keys.len() as u32;
                rows.clear();
                for &key in keys {
                    let (k, home) = self.home(key);
                    let (b, slot) = locate(buckets, k, home);
                    let found = buckets[b].rows[slot.saturating_sub(1)];
                    let r = if slot != 0 { found } else { zero };
                    prefetch_index(weights, r as usize * stride);
                    rows.push(r);
                }
                let rows = rows.as_slice();
                match stride {
                    16 => sum_rows::<16>(weights, rows, scores),
                    32 => sum_rows::<32>(weights, rows, scores),
                    48 => sum_rows::<48>(weights, rows, scores),
                    64 => sum_rows::<64>(weights, rows, scores),
                    _ => {
                        let scores = &mut scores[..*stride];
                        scores.fill(0);
                        for &row in rows {
                            let start = row as usize * stride;
                            for (s, &w) in scores.iter_mut().zip(&weights[start..start + stride]) {
                                *s = s.wrapping_add(w as Score);
                            }
                        }
                    }
                }
            }
        }
    }

    /// The length score buffers must have.
    pub fn stride(&self) -> usize {
        match &self.index {
            Index::Narrow { .. } => 16,
            Index::Wide { stride, .. } => *stride,
        }
    }

    pub fn write(&self, out: &mut Writer) {
        out.u32(self.classes as u32);
        out.u32(self.keys.len() as u32);
        out.f32(self.scale);
        let mut last = 0u32;
        for &key in &self.keys {
            out.varint((key - last) as u64);
            last = key;
        }
        // Column by column: the weights of one class across features compress better than
        // rows of unrelated classes.
        for c in 0..self.classes {
            for r in 0..self.keys.len() {
                out.u8(self.row_at(r)[c] as u8);
            }
        }
    }

    pub fn read(input: &mut Reader) -> Result<Table, ModelError> {
        let classes = input.u32()? as usize;
        let rows = input.u32()? as usize;
        let scale = input.f32()?;
        if classes == 0 || classes > 4096 || rows > (1 << 28) {
            return Err(ModelError::Corrupt("weight table size"));
        }
        let mut keys = Vec::with_capacity(rows);
        let mut last = 0u64;
        for _ in 0..rows {
            let key = last + input.varint()?;
            if key == 0 || key > u32::MAX as u64 || (!keys.is_empty() && key == last) {
                return Err(ModelError::Corrupt("weight table keys"));
            }
            keys.push(key as u32);
            last = key;
        }
        let mut dense = vec![0 as W; rows * classes];
        for c in 0..classes {
            let column = input.take_slice(rows)?;
            for (r, &w) in column.iter().enumerate() {
                dense[r * classes + c] = w as W;
            }
        }
        Ok(Table::build(classes, scale, keys, dense))
    }
}

/// The sum of rows `rows` of `weights`, for a row length known at compile time (the loop then
/// lives in registers and vectorises fully).
#[inline(always)]
fn sum_rows<const S: usize>(weights: &[W], rows: &[u32], scores: &mut [Score]) {
    let mut acc = [0 as Score; S];
    for &row in rows {
        let start = row as usize * S;
        if let Some(row) = weights.get(start..start + S) {
            for k in 0..S {
                acc[k] = acc[k].wrapping_add(row[k] as Score);
            }
        }
    }
    scores[..S].copy_from_slice(&acc);
}

/// Little-endian binary output for the model file.
#[derive(Default)]
pub(crate) struct Writer(pub Vec<u8>);

impl Writer {
    pub fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    pub fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn f32(&mut self, v: f32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.0.push(v as u8 | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
    }
    pub fn bytes(&mut self, v: &[u8]) {
        self.varint(v.len() as u64);
        self.0.extend_from_slice(v);
    }
}

/// Little-endian binary input for the model file; running out of bytes is an error, never a
/// panic.
pub(crate) struct Reader<'a>(pub &'a [u8]);

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        if self.0.len() < N {
            return Err(ModelError::Corrupt("truncated"));
        }
        let (head, rest) = self.0.split_at(N);
        self.0 = rest;
        Ok(head.try_into().unwrap_or([0; N]))
    }
    pub fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take::<1>()?[0])
    }
    pub fn take_slice(&mut self, n: usize) -> Result<&[u8], ModelError> {
        if self.0.len() < n {
            return Err(ModelError::Corrupt("truncated"));
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }
    pub fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.take()?))
    }
    pub fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.take()?))
    }
    pub fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.take()?))
    }
    pub fn varint(&mut self) -> Result<u64, ModelError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(ModelError::Corrupt("varint"))
    }
    pub fn bytes(&mut self) -> Result<&[u8], ModelError> {
        let n = self.varint()? as usize;
        if self.0.len() < n {
            return Err(ModelError::Corrupt("truncated"));
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averaged_weights_survive_quantisation_and_serialisation() {
        let mut w = TrainWeights::new(3);
        for _ in 0..10 {
            w.update(&[1 << 40, 2 << 40], 0, 2);
            w.tick();
        }
        w.update(&[3 << 40], 1, 0);
        w.tick();
        let table = w.finish(0.0);
        assert_eq!(table.len(), 3);
        let mut out = Writer::default();
        table.write(&mut out);
        let back = Table::read(&mut Reader(&out.0)).unwrap();
        let mut a: Vec<Score> = vec![0; table.stride()];
        let mut b: Vec<Score> = vec![0; back.stride()];
        let mut rows = Vec::new();
        table.score(&[1 << 40, 2 << 40, 3 << 40, 4 << 40], &mut a, &mut rows);
        back.score(&[1 << 40, 2 << 40, 3 << 40, 4 << 40], &mut b, &mut rows);
        assert_eq!(a, b);
        assert!(a[0] > 0 && a[2] < 0);
        assert!(back.row(4 << 40).is_none());
    }

    #[test]
    fn truncated_input_is_an_error() {
        let mut w = TrainWeights::new(2);
        w.update(&[7 << 33], 0, 1);
        w.tick();
        let mut out = Writer::default();
        w.finish(0.0).write(&mut out);
        for cut in 0..out.0.len() {
            assert!(Table::read(&mut Reader(&out.0[..cut])).is_err());
        }
    }
}
