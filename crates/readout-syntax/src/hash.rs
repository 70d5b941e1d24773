//! Feature hashing.
//!
//! Every feature is a template number and a few values (word ids, tags, distances), reduced to
//! one 64-bit key. The model stores keys, not strings, so these functions are part of the model
//! format: they must give the same numbers on every platform and in every future version. That
//! is why they are written out here instead of borrowed from a hasher whose output may change
//! between releases (`rustc-hash` makes no such promise).

const K0: u64 = 0x9E37_79B9_7F4A_7C15;
const K1: u64 = 0xBF58_476D_1CE4_E5B9;
const K2: u64 = 0x94D0_49BB_1331_11EB;

/// The splitmix64 finaliser: every input bit affects every output bit, so both the low bits
/// (table slot) and the high bits (stored key) of a feature key are well spread.
#[inline(always)]
pub(crate) fn avalanche(mut h: u64) -> u64 {
    h = (h ^ (h >> 30)).wrapping_mul(K1);
    h = (h ^ (h >> 27)).wrapping_mul(K2);
    h ^ (h >> 31)
}

/// A stable hash of a byte string (a word, a suffix, a shape).
#[inline]
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = K0 ^ (bytes.len() as u64).wrapping_mul(K1);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let v = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        h = (h ^ v).wrapping_mul(K1).rotate_left(31);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut tail = [0u8; 8];
        tail[..rest.len()].copy_from_slice(rest);
        h = (h ^ u64::from_le_bytes(tail))
            .wrapping_mul(K2)
            .rotate_left(29);
    }
    avalanche(h)
}

/// The key of a feature: template `t` with values `a`, `b`, `c`.
///
/// One multiplication per value in use: the high half of a product depends on every bit of its
/// input, and only the high 32 bits of a key are used (as the stored key, whose own high bits
/// pick the table slot). Zero values are skipped, which inlined call sites with literal zeros
/// turn into fewer multiplications; the result is still a fixed function of (t, a, b, c).
#[inline(always)]
pub(crate) fn key(t: u32, a: u64, b: u64, c: u64) -> u64 {
    let salt = (t as u64 + 1).wrapping_mul(K0);
    let mut h = (a ^ salt).wrapping_mul(K1);
    if b != 0 {
        h = (h ^ b).wrapping_mul(K2);
    }
    if c != 0 {
        h = (h ^ c ^ salt).wrapping_mul(K1);
    }
    h
}

/// A deterministic random number generator (splitmix64) for shuffling and augmentation in
/// training, so that the same command always trains the same model.
#[derive(Clone, Debug)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(K0);
        avalanche(self.0)
    }

    /// A number in `0..n` (`n` > 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % n as u64) as usize
    }

    /// A number in `[0, 1)`.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable() {
        // These numbers are part of the model format: if they change, the shipped model no
        // longer matches the code.
        assert_eq!(hash_bytes(b""), 0xE220_A839_7B1D_CDAF);
        assert_eq!(hash_bytes(b"ministry") ^ hash_bytes(b"ministry"), 0);
        assert_ne!(hash_bytes(b"ministry"), hash_bytes(b"Ministry"));
        assert_ne!(key(1, 2, 3, 0), key(1, 3, 2, 0));
        assert_ne!(key(1, 2, 0, 0), key(2, 2, 0, 0));
    }
}
