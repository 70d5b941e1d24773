//! Weight tables: the averaged perceptron being trained, and the compact quantised table the
//! shipped model uses.
//!
//! Both map a feature key (a 64-bit hash, see [`crate::hash`]) to a row holding one weight per
//! class, so that one look-up per feature yields everything a prediction needs from it; a
//! prediction sums the rows of its features and takes the best class.

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
    /// largest weight in the table is about ±32,000.
    pub fn finish(&self, prune: f64) -> Table {
        let steps = self.step as f64;
        let mut rows: Vec<(u32, Vec<f64>)> = Vec::new();
        let mut largest = 0f64;
        let mut keys: Vec<(&u64, &u32)> = self.index.iter().collect();
        keys.sort_unstable();
        for (&key, &row) in keys {
            let row = row as usize * self.classes;
            let avg: Vec<f64> = (row..row + self.classes)
                .map(|i| self.w[i] as f64 - self.u[i] as f64 / steps)
                .collect();
            let max = avg.iter().fold(0f64, |m, w| m.max(w.abs()));
            if max < prune || max == 0.0 {
                continue;
            }
            largest = largest.max(max);
            rows.push(((key >> 32) as u32, avg));
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
        let scale = if largest > 0.0 { largest / 32_000.0 } else { 1.0 };
        let mut keys = Vec::with_capacity(merged.len());
        let mut weights = Vec::with_capacity(merged.len() * self.classes);
        for (key, avg) in merged {
            let q: Vec<i16> = avg
                .iter()
                .map(|w| (w / scale).round().clamp(-32_767.0, 32_767.0) as i16)
                .collect();
            if q.iter().all(|&w| w == 0) {
                continue;
            }
            keys.push(key);
            weights.extend_from_slice(&q);
        }
        Table::build(self.classes, scale as f32, keys, weights)
    }
}

/// A slot of the open-addressing index: the top 32 bits of a feature key and its row.
#[derive(Clone, Copy, Debug)]
struct Slot {
    key: u32,
    row: u32,
}

const EMPTY: u32 = u32::MAX;

/// The shipped weights: quantised rows, found through an open-addressing hash index.
#[derive(Clone, Debug)]
pub(crate) struct Table {
    pub classes: usize,
    /// Row length in memory: `classes` rounded up to a multiple of 8, so every row starts on a
    /// 16-byte boundary and sums vectorise without a ragged tail.
    stride: usize,
    /// One real weight is `scale` × the stored integer.
    pub scale: f32,
    mask: usize,
    slots: Vec<Slot>,
    /// Rows in key order (the order they are stored in the model file).
    keys: Vec<u32>,
    weights: Vec<i16>,
}

impl Table {
    /// A table from sorted, distinct keys and their rows (`classes` weights each).
    fn build(classes: usize, scale: f32, keys: Vec<u32>, dense: Vec<i16>) -> Table {
        let stride = classes.div_ceil(8).max(1) * 8;
        let mut weights = vec![0i16; keys.len() * stride];
        for (i, row) in dense.chunks_exact(classes.max(1)).enumerate() {
            weights[i * stride..i * stride + classes].copy_from_slice(row);
        }
        // Load factor at most one half keeps probe sequences short.
        let size = (keys.len() * 2).next_power_of_two().max(16);
        let mask = size - 1;
        let mut slots = vec![
            Slot {
                key: 0,
                row: EMPTY
            };
            size
        ];
        for (row, &key) in keys.iter().enumerate() {
            let mut i = key as usize & mask;
            while slots[i].row != EMPTY {
                i = (i + 1) & mask;
            }
            slots[i] = Slot {
                key,
                row: row as u32,
            };
        }
        Table {
            classes,
            stride,
            scale,
            mask,
            slots,
            keys,
            weights,
        }
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// The row of a feature, if the model has one.
    #[inline(always)]
    pub fn row(&self, key: u64) -> Option<&[i16]> {
        let k = (key >> 32) as u32;
        let mut i = k as usize & self.mask;
        loop {
            let slot = self.slots[i];
            if slot.row == EMPTY {
                return None;
            }
            if slot.key == k {
                let start = slot.row as usize * self.stride;
                return Some(&self.weights[start..start + self.stride]);
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Hints the processor to fetch the index slot of `key`, so that the look-ups of one
    /// prediction's features overlap instead of waiting on memory one after another.
    #[inline(always)]
    pub fn prefetch(&self, key: u64) {
        let i = (key >> 32) as usize & self.mask;
        #[cfg(target_arch = "x86_64")]
        // SAFETY: prefetching is a hint; the pointer is in bounds of `slots` and is never read.
        unsafe {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            _mm_prefetch(self.slots.as_ptr().add(i) as *const i8, _MM_HINT_T0);
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = i;
    }

    /// Sums the rows of `keys` into `scores` (length at least `stride`), which it clears first.
    #[inline]
    pub fn score(&self, keys: &[u64], scores: &mut [i32]) {
        let scores = &mut scores[..self.stride];
        scores.fill(0);
        for &key in keys {
            self.prefetch(key);
        }
        for &key in keys {
            if let Some(row) = self.row(key) {
                for (s, &w) in scores.iter_mut().zip(row) {
                    *s += w as i32;
                }
            }
        }
    }

    /// The padded row length; score buffers must be at least this long.
    pub fn stride(&self) -> usize {
        self.stride
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
                out.i16(self.weights[r * self.stride + c]);
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
            if key > u32::MAX as u64 || (!keys.is_empty() && key == last) {
                return Err(ModelError::Corrupt("weight table keys"));
            }
            keys.push(key as u32);
            last = key;
        }
        let mut dense = vec![0i16; rows * classes];
        for c in 0..classes {
            for r in 0..rows {
                dense[r * classes + c] = input.i16()?;
            }
        }
        Ok(Table::build(classes, scale, keys, dense))
    }
}

/// Little-endian binary output for the model file.
#[derive(Default)]
pub(crate) struct Writer(pub Vec<u8>);

impl Writer {
    pub fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    pub fn i16(&mut self, v: i16) {
        self.0.extend_from_slice(&v.to_le_bytes());
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
    pub fn i16(&mut self) -> Result<i16, ModelError> {
        Ok(i16::from_le_bytes(self.take()?))
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
        let mut a = vec![0; table.stride()];
        let mut b = vec![0; back.stride()];
        table.score(&[1 << 40, 2 << 40, 3 << 40, 4 << 40], &mut a);
        back.score(&[1 << 40, 2 << 40, 3 << 40, 4 << 40], &mut b);
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
