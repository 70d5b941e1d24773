//! Per-token analysis shared by every coding step: word ids, capitalisation, function-word
//! classes, and the lexicon's name hits in each sentence.

use readout_doc::{token_flags as tf, Document};
use readout_lexicon::{Lexicon, NameRef, WordClasses, UNKNOWN_WORD};
use std::ops::Range;

/// Word ids, capitalisation and function-word classes of every token of a document.
pub struct Tokens {
    /// The lexicon's word id of each token's normalised text, or `UNKNOWN_WORD`: what the
    /// phrase tries are matched on.
    pub words: Vec<u32>,
    /// Whether each token starts with an uppercase letter: some lexicon phrases match only
    /// capitalised words, and an unknown capitalised word may be a name.
    pub caps: Vec<bool>,
    /// Classes of the token as a single word.
    pub classes: Vec<WordClasses>,
    /// A function-word phrase of two or more tokens starting here: (length, classes).
    pub phrases: Vec<(u8, WordClasses)>,
}

impl Tokens {
    /// Looks up every token of `doc` in `lex`, and the function-word phrases of each sentence.
    pub fn new(doc: &Document, lex: &Lexicon) -> Tokens {
        let n = doc.tokens.len();
        let mut scratch = String::new();
        let mut words = Vec::with_capacity(n);
        let mut caps = Vec::with_capacity(n);
        let mut classes = Vec::with_capacity(n);
        for t in &doc.tokens {
            let id = lex.word_id(doc.slice(t.span), &mut scratch);
            words.push(id);
            caps.push(t.has(tf::CAPITALIZED));
            classes.push(if id == UNKNOWN_WORD {
                WordClasses::NONE
            } else {
                lex.classes(id).without(WordClasses::TIME_SPANS)
            });
        }
        let mut phrases = vec![(0u8, WordClasses::NONE); n];
        for s in &doc.sentences {
            let r = s.token_range();
            for i in r.clone() {
                if let Some(m) = lex
                    .function_words
                    .longest(&words[..r.end], &caps[..r.end], i)
                {
                    let class = m
                        .values()
                        .fold(WordClasses::NONE, |a, c| a | *c)
                        .without(WordClasses::TIME_SPANS);
                    if m.len > 1 && class != WordClasses::NONE {
                        phrases[i] = (m.len as u8, class);
                    }
                }
            }
        }
        Tokens {
            words,
            caps,
            classes,
            phrases,
        }
    }

    /// Whether token `i` on its own is a word of `class` (any of its bits).
    pub fn is(&self, i: usize, class: WordClasses) -> bool {
        self.classes[i].has(class)
    }

    /// The function-word phrase (or single word) of `class` starting at `i`: its length.
    pub fn phrase_len(&self, i: usize, class: WordClasses) -> Option<usize> {
        let (len, c) = self.phrases[i];
        if len > 1 && c.has(class) {
            Some(len as usize)
        } else if self.classes[i].has(class) {
            Some(1)
        } else {
            None
        }
    }
}

/// A name the lexicon knows, found in a sentence ("Sergei Shoigu", "Russian", "TASS").
#[derive(Debug, Clone)]
pub struct NameHit {
    /// The name's tokens: indices into `Document::tokens`.
    pub tokens: Range<usize>,
    /// Everything the name may refer to (a country, an organisation, a person, a role, a
    /// place); the actor stage chooses.
    pub refs: Vec<NameRef>,
}

/// Longest, non-overlapping matches of a trie over a sentence's tokens. A role word the parser
/// reads as a verb is no role ("police *suspect* the man", "he *suspects* that …").
pub fn name_hits(
    doc: &Document,
    lex: &Lexicon,
    toks: &Tokens,
    syn: &crate::syntax::Syntax,
    range: Range<usize>,
    out: &mut Vec<NameHit>,
) {
    out.clear();
    let (words, caps) = (&toks.words[..range.end], &toks.caps[..range.end]);
    let mut i = range.start;
    while i < range.end {
        if let Some(hit) = name_across_initial(doc, lex, toks, i, range.end) {
            i = hit.tokens.end;
            out.push(hit);
            continue;
        }
        let here = lex.names.longest(words, caps, i);
        // A name that starts with a determiner ("the U.S.") yields to a longer name starting
        // right after it ("the [U.S. Virgin Islands] government").
        if let Some(m) = &here {
            if m.len > 1 && toks.is(i, WordClasses::DETERMINER) {
                if let Some(next) = lex.names.longest(words, caps, i + 1) {
                    if next.len > m.len - 1 {
                        i += 1;
                        continue;
                    }
                }
            }
        }
        // A tag alone is not enough ("told *MPs*" tagged a verb but parsed an object): the
        // word must head a clause too.
        let verb_read_as_role = |m: &readout_lexicon::Match<'_, NameRef>| {
            use readout_syntax::Rel;
            let last = i + m.len - 1;
            syn.upos(last) == readout_syntax::Upos::VERB
                && matches!(
                    syn.rel(last).base(),
                    Rel::Root | Rel::Ccomp | Rel::Xcomp | Rel::Advcl | Rel::Parataxis
                )
                && m.values().all(|r| matches!(r, NameRef::Agent { .. }))
        };
        match here.filter(|m| !verb_read_as_role(m)) {
            Some(m) => {
                out.push(NameHit {
                    tokens: i..i + m.len,
                    refs: m.values().copied().collect(),
                });
                i += m.len;
            }
            None => i += 1,
        }
    }
}

/// "Vladimir V. Putin", "George W. Bush": a name whose middle initial the lexicon leaves out.
fn name_across_initial(
    doc: &Document,
    lex: &Lexicon,
    toks: &Tokens,
    i: usize,
    end: usize,
) -> Option<NameHit> {
    if i + 3 >= end || !toks.caps[i] || doc.token_text(i + 2) != "." {
        return None;
    }
    let initial = doc.token_text(i + 1);
    if initial.len() != 1 || !initial.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    // The name's words without the initial and its period.
    let mut words = [0u32; 6];
    let mut caps = [false; 6];
    words[0] = toks.words[i];
    caps[0] = toks.caps[i];
    let n = (end - (i + 3)).min(5);
    words[1..=n].copy_from_slice(&toks.words[i + 3..i + 3 + n]);
    caps[1..=n].copy_from_slice(&toks.caps[i + 3..i + 3 + n]);
    let m = lex
        .names
        .longest(&words[..=n], &caps[..=n], 0)
        .filter(|m| m.len >= 2)?;
    let refs: Vec<NameRef> = m
        .values()
        .copied()
        .filter(|r| matches!(r, NameRef::Person(_)))
        .collect();
    (!refs.is_empty()).then(|| NameHit {
        tokens: i..i + 2 + m.len,
        refs,
    })
}
