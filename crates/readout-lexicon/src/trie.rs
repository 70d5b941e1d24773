//! A phrase trie over interned word ids: the compiled automaton behind every multi-word
//! look-up (actor names, verb forms, noun triggers, function-word phrases).
//!
//! Matching walks the trie from each start token, one hash probe per token, so its cost
//! depends on the phrase length, never on the number of entries.

use rustc_hash::FxHashMap as HashMap;

/// The id of a word the lexicon does not know.
pub const UNKNOWN_WORD: u32 = u32::MAX;

const NO_NODE: u32 = u32::MAX;

#[derive(Debug, Clone)]
struct Terminal<T> {
    /// Bit i set: token i of the phrase must be capitalised in the text.
    caps: u64,
    value: T,
}

/// Phrases (sequences of interned word ids) mapped to values of type `T`. A phrase may carry
/// several values, each with its own capitalisation requirement ("US" the country must be
/// capitalised, "us" the pronoun need not), and [`PhraseTrie::longest`] returns all that the
/// text meets.
#[derive(Debug, Clone)]
pub struct PhraseTrie<T> {
    /// First step, by word id: most tokens start no phrase, and an array answers that fastest.
    root: Vec<u32>,
    edges: HashMap<(u32, u32), u32>,
    terminals: Vec<Vec<Terminal<T>>>,
}

impl<T> Default for PhraseTrie<T> {
    fn default() -> Self {
        PhraseTrie {
            root: Vec::new(),
            edges: HashMap::default(),
            terminals: vec![Vec::new()],
        }
    }
}

/// The values of the longest phrase that matches at a position.
pub struct Match<'t, T> {
    /// How many words the phrase covers, from the start position.
    pub len: usize,
    caps: u64,
    terminals: &'t [Terminal<T>],
}

impl<'t, T> Match<'t, T> {
    /// The values whose capitalisation requirement the text meets.
    pub fn values(&self) -> impl Iterator<Item = &'t T> + '_ {
        self.terminals
            .iter()
            .filter(|t| t.caps & !self.caps == 0)
            .map(|t| &t.value)
    }
}

impl<T> PhraseTrie<T> {
    /// Adds `value` for the phrase `words`. Bit i of `caps` set: word i must be capitalised in
    /// the text (0 matches in any case).
    pub fn insert(&mut self, words: &[u32], caps: u64, value: T) {
        let mut node = 0u32;
        for (i, &w) in words.iter().enumerate() {
            let next = self.terminals.len() as u32;
            if i == 0 {
                let w = w as usize;
                if self.root.len() <= w {
                    self.root.resize(w + 1, NO_NODE);
                }
                if self.root[w] == NO_NODE {
                    self.root[w] = next;
                }
                node = self.root[w];
            } else {
                node = *self.edges.entry((node, w)).or_insert_with(|| next);
            }
            if node == next {
                self.terminals.push(Vec::new());
            }
        }
        self.terminals[node as usize].push(Terminal { caps, value });
    }

    /// How many values the trie holds (a phrase with two values counts twice).
    pub fn len(&self) -> usize {
        self.terminals.iter().map(Vec::len).sum()
    }

    /// Whether the trie holds no value.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The longest phrase starting at `words[start]` whose capitalisation requirements hold.
    /// `caps[i]` tells whether token i is capitalised.
    pub fn longest(&self, words: &[u32], caps: &[bool], start: usize) -> Option<Match<'_, T>> {
        let mut node = 0u32;
        let mut best = None;
        let mut text_caps = 0u64;
        for (i, &w) in words[start..].iter().enumerate() {
            if w == UNKNOWN_WORD || i >= 64 {
                break;
            }
            let step = if i == 0 {
                self.root.get(w as usize).copied().filter(|&n| n != NO_NODE)
            } else {
                self.edges.get(&(node, w)).copied()
            };
            match step {
                Some(n) => node = n,
                None => break,
            }
            if caps[start + i] {
                text_caps |= 1 << i;
            }
            let terminals = &self.terminals[node as usize];
            if terminals.iter().any(|t| t.caps & !text_caps == 0) {
                best = Some(Match {
                    len: i + 1,
                    caps: text_caps,
                    terminals,
                });
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_longest_phrase_that_meets_capitalisation() {
        let mut trie = PhraseTrie::default();
        trie.insert(&[1], 0b1, "US");
        trie.insert(&[1, 2], 0b01, "US officials");
        trie.insert(&[3], 0, "us (any case)");
        let words = [1, 2, 9];
        let m = trie.longest(&words, &[true, false, false], 0).unwrap();
        assert_eq!(
            (m.len, m.values().collect::<Vec<_>>()),
            (2, vec![&"US officials"])
        );
        // Lowercase "us" does not match the capitalised entry.
        assert!(trie.longest(&words, &[false, false, false], 0).is_none());
        assert!(trie.longest(&[UNKNOWN_WORD], &[true], 0).is_none());
    }
}
