//! Per-token analysis shared by every coding step: word ids, capitalisation, function-word
//! classes, and the lexicon hits (names, verbs, event nouns) of each sentence.

use readout_doc::{token_flags as tf, Document};
use readout_lexicon::{
    CountryForm, FormKind, Lexicon, NameRef, PatternItem, WordClasses, UNKNOWN_WORD,
};
use std::ops::Range;

/// Word ids, capitalisation and function-word classes of every token of a document.
pub struct Tokens {
    pub words: Vec<u32>,
    pub caps: Vec<bool>,
    /// Classes of the token as a single word.
    pub classes: Vec<WordClasses>,
    /// A function-word phrase of two or more tokens starting here: (length, classes).
    pub phrases: Vec<(u8, WordClasses)>,
}

impl Tokens {
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
                lex.classes(id)
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
                    if m.len > 1 {
                        phrases[i] = (
                            m.len as u8,
                            m.values().fold(WordClasses::NONE, |a, c| a | *c),
                        );
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

#[derive(Debug, Clone)]
pub struct NameHit {
    pub tokens: Range<usize>,
    pub refs: Vec<NameRef>,
}

#[derive(Debug, Clone, Copy)]
pub struct VerbHit {
    pub tokens: (usize, usize),
    pub verb: u32,
    pub kind: FormKind,
}

#[derive(Debug, Clone, Copy)]
pub struct NounHit {
    pub tokens: (usize, usize),
    pub noun: u32,
}

/// Longest, non-overlapping matches of a trie over a sentence's tokens.
pub fn name_hits(
    doc: &Document,
    lex: &Lexicon,
    toks: &Tokens,
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
        match here {
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

/// True when the words around `i` make the word at `i` a noun or an adjective rather than a
/// verb: after a determiner, possessive or preposition ("the meeting", "its support", "for
/// talks"), after an adjective ("unwavering support", "an alleged plot"), after a country
/// adjective ("Israeli strikes", "the Indian state of"), after a name that follows a
/// determiner ("a UN report"), or after a name when the noun's own preposition follows
/// ("EU sanctions on Russia").
#[allow(clippy::too_many_arguments)]
pub fn used_as_noun(
    doc: &Document,
    toks: &Tokens,
    lex: &Lexicon,
    hits: &[NameHit],
    i: usize,
    sentence_start: usize,
    noun: Option<u32>,
) -> bool {
    if i == sentence_start {
        return false;
    }
    let p = i - 1;
    let prev = doc.token_text(p);
    // "that" is a determiner, but before a verb it introduces a clause.
    let determiner =
        |t: usize| toks.is(t, WordClasses::DETERMINER) && !toks.is(t, WordClasses::COMPLEMENTIZER);
    if determiner(p) || matches!(prev, "'s" | "’s" | "’") {
        return true;
    }
    if toks.is(p, WordClasses::PREPOSITION) && !prev.eq_ignore_ascii_case("to") {
        return true;
    }
    // Hits are in text order and do not overlap: the one ending at `i` is found by search.
    let ending_here = hits.partition_point(|h| h.tokens.end < i);
    if let Some(h) = hits.get(ending_here).filter(|h| h.tokens.end == i) {
        let adjective = h.refs.iter().any(|r| {
            matches!(
                r,
                NameRef::Country {
                    form: CountryForm::Adjective,
                    ..
                }
            )
        });
        let after_determiner = h.tokens.start > sentence_start && determiner(h.tokens.start - 1);
        let own_preposition = noun.is_some_and(|n| {
            let next = toks.words.get(i + 1).copied();
            lex.nouns[n as usize].frames.iter().any(
                |f| matches!(f.pattern.first(), Some(PatternItem::Word(w)) if Some(*w) == next),
            )
        });
        return adjective || after_determiner || own_preposition;
    }
    // An unknown lowercase word before is most likely an adjective.
    let plain = toks.classes[p] == WordClasses::NONE
        && !toks.caps[p]
        && doc.tokens[p].has(tf::WORD)
        && lex.verb_forms.longest(&toks.words, &toks.caps, p).is_none();
    plain && !prev.ends_with("ly")
}

/// Finds verb forms and event nouns in the tokens no name covers. Where a user lexicon
/// redefines a verb or noun, its entry (loaded last) wins.
#[allow(clippy::too_many_arguments)]
pub fn verb_and_noun_hits(
    doc: &Document,
    lex: &Lexicon,
    toks: &Tokens,
    range: Range<usize>,
    taken: &[bool],
    hits: &[NameHit],
    verbs: &mut Vec<VerbHit>,
    nouns: &mut Vec<NounHit>,
) {
    verbs.clear();
    nouns.clear();
    let words = &toks.words[..range.end];
    let caps = &toks.caps[..range.end];
    // In a headline written in title case every word is capitalised; elsewhere a capitalised
    // word inside the sentence is a name ("March 21", "State Department"), not a verb.
    let word_count = range
        .clone()
        .filter(|&t| doc.tokens[t].has(tf::WORD))
        .count();
    let capitalised = range
        .clone()
        .filter(|&t| doc.tokens[t].has(tf::WORD) && toks.caps[t])
        .count();
    let title_case = word_count >= 4 && capitalised * 10 >= word_count * 6;
    let mut i = range.start;
    while i < range.end {
        if taken[i - range.start] {
            i += 1;
            continue;
        }
        let sentence_initial = i == range.start || doc.tokens[i - 1].has(tf::QUOTE);
        let verb = lex
            .verb_forms
            .longest(words, caps, i)
            .filter(|_| title_case || sentence_initial || !caps[i])
            .map(|m| (m.len, *m.values().last().unwrap()));
        let noun = lex
            .noun_triggers
            .longest(words, caps, i)
            .map(|m| (m.len, *m.values().last().unwrap()));
        // Whether the word is used as a noun matters only where a verb or noun form starts.
        let nominal = (verb.is_some() || noun.is_some())
            && used_as_noun(doc, toks, lex, hits, i, range.start, noun.map(|n| n.1));
        match (verb, noun) {
            (_, Some((len, n))) if nominal || verb.is_none() => {
                nouns.push(NounHit {
                    tokens: (i, i + len),
                    noun: n,
                });
                i += len;
            }
            // A verb form used as a noun or adjective that is not an event noun ("warm
            // welcome", "the occupied territories") codes nothing.
            (Some((len, _)), _) if nominal => i += len,
            (Some((len, v)), _) => {
                verbs.push(VerbHit {
                    tokens: (i, i + len),
                    verb: v.verb,
                    kind: v.kind,
                });
                i += len;
            }
            _ => i += 1,
        }
    }
}
