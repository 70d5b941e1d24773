//! The parse of every sentence, laid over the document's tokens.
//!
//! `readout-syntax` tags and parses one sentence at a time; [`Syntax`] keeps the result for the
//! whole document, indexed by document token, with heads as token indices and each token's
//! children in text order, so that the coder can ask "the subject of this verb", "the case
//! marker of this noun" or "is this token inside that clause" in a few steps.

use readout_doc::Document;
use readout_syntax::{Parser, Rel, Scratch, Upos, Word, Xpos};
use std::cell::RefCell;
use std::ops::Range;

const NO_HEAD: u32 = u32::MAX;

/// The analysis of a word in a sentence that was not parsed.
const UNPARSED: Word = Word {
    upos: Upos::X,
    xpos: Xpos::Xx,
    head: None,
    rel: Rel::Dep,
};

/// Parses are at most this deep for the walks up the tree that ask "inside which clause":
/// deeper chains (only in degenerate input) are cut, which keeps every walk bounded.
const MAX_DEPTH: usize = 64;

/// Most conjuncts climbed from a later one to the first ("in A, B, C and D").
const MAX_CONJUNCTS: usize = 8;

thread_local! {
    static SCRATCH: RefCell<(Scratch, Vec<Word>)> = RefCell::new((Scratch::default(), Vec::new()));
}

/// Tags, heads and relations of every token of a document.
#[derive(Debug, Default)]
pub struct Syntax {
    words: Vec<Word>,
    heads: Vec<u32>,
    child_start: Vec<u32>,
    children: Vec<u32>,
    /// Leftmost and rightmost token each token dominates.
    extent: Vec<(u32, u32)>,
}

/// The words the parser reads for the tokens `range` of one sentence, and the token each word
/// starts at. The treebanks write "Sen.", "Jan.", "Dr." as one word where the tokenizer splits
/// the stop off; the parser gets them joined (a stop split off mid-sentence leaves "Sen" and
/// "Mitch" as two subjects).
pub fn parser_words<'d>(
    doc: &'d Document,
    range: Range<usize>,
    words: &mut Vec<&'d str>,
    token_of: &mut Vec<usize>,
) {
    words.clear();
    token_of.clear();
    let mut t = range.start;
    while t < range.end {
        let end = if abbreviation_stop(doc, t, range.end) {
            t + 2
        } else {
            t + 1
        };
        let span = readout_doc::Span::new(
            doc.tokens[t].span.start as usize,
            doc.tokens[end - 1].span.end as usize,
        );
        words.push(doc.slice(span));
        token_of.push(t);
        t = end;
    }
}

/// Whether token `t` is a short word whose abbreviation stop follows it, written on, inside
/// its sentence (which ends at token `end`): "Sen." in "Sen. Mitch McConnell", "Jan." in
/// "Jan. 29". A stop that ends the sentence is its full stop.
fn abbreviation_stop(doc: &Document, t: usize, end: usize) -> bool {
    if t + 2 >= end {
        return false;
    }
    let (word, stop) = (&doc.tokens[t], &doc.tokens[t + 1]);
    let text = doc.slice(word.span);
    doc.slice(stop.span) == "."
        && doc.touches_previous(t + 1)
        && (1..=5).contains(&text.len())
        && text.bytes().all(|b| b.is_ascii_alphabetic())
        && text.as_bytes()[0].is_ascii_uppercase()
}

impl Syntax {
    /// Parses the sentences of `doc` for which `wanted(sentence index)` holds; the others get
    /// a flat analysis (every word a root of unknown part of speech), which codes nothing.
    pub fn parse(doc: &Document, parser: &Parser, wanted: impl Fn(usize) -> bool) -> Syntax {
        let n = doc.tokens.len();
        let mut words = Vec::with_capacity(n);
        let mut heads = Vec::with_capacity(n);
        let mut texts: Vec<&str> = Vec::new();
        let mut token_of: Vec<usize> = Vec::new();
        SCRATCH.with(|cell| {
            let mut guard = cell.borrow_mut();
            let (scratch, out) = &mut *guard;
            for (si, s) in doc.sentences.iter().enumerate() {
                let range = s.token_range();
                if !wanted(si) {
                    words.extend(range.map(|_| UNPARSED));
                    heads.resize(words.len(), NO_HEAD);
                    continue;
                }
                // The stop token of an abbreviation hangs on its word as punctuation.
                parser_words(doc, range.clone(), &mut texts, &mut token_of);
                parser.parse(&texts, scratch, out);
                let base = words.len();
                words.resize(base + range.len(), UNPARSED);
                heads.resize(base + range.len(), NO_HEAD);
                for (j, (w, &t)) in out.iter().zip(token_of.iter()).enumerate() {
                    let local = t - range.start;
                    words[base + local] = *w;
                    words[base + local].head =
                        w.head.map(|h| (token_of[h as usize] - range.start) as u16);
                    heads[base + local] = match w.head {
                        Some(h) => token_of[h as usize] as u32,
                        None => NO_HEAD,
                    };
                    // A word that spans two tokens is an abbreviation with its stop.
                    let next = token_of.get(j + 1).copied().unwrap_or(range.end);
                    if next - t == 2 {
                        words[base + local + 1] = Word {
                            upos: Upos::PUNCT,
                            xpos: Xpos::Period,
                            head: Some(local as u16),
                            rel: Rel::Punct,
                        };
                        heads[base + local + 1] = t as u32;
                    }
                }
            }
        });
        // Children in text order: count, prefix sums, fill.
        let mut child_start = vec![0u32; n + 1];
        for &h in &heads {
            if h != NO_HEAD {
                child_start[h as usize + 1] += 1;
            }
        }
        for i in 0..n {
            child_start[i + 1] += child_start[i];
        }
        let mut fill = child_start.clone();
        let mut children = vec![0u32; child_start[n] as usize];
        for (t, &h) in heads.iter().enumerate() {
            if h != NO_HEAD {
                children[fill[h as usize] as usize] = t as u32;
                fill[h as usize] += 1;
            }
        }
        let mut syntax = Syntax {
            words,
            heads,
            child_start,
            children,
            extent: Vec::new(),
        };
        syntax.extent = syntax.extents();
        syntax
    }

    /// Every token's extent, children before parents (an iterative post-order from the roots).
    fn extents(&self) -> Vec<(u32, u32)> {
        let n = self.words.len();
        let mut extent: Vec<(u32, u32)> = (0..n as u32).map(|t| (t, t)).collect();
        let mut stack: Vec<(usize, bool)> = Vec::new();
        for root in (0..n).filter(|&t| self.heads[t] == NO_HEAD) {
            stack.push((root, false));
            while let Some((t, expanded)) = stack.pop() {
                if expanded {
                    let (mut lo, mut hi) = extent[t];
                    for c in self.children(t) {
                        lo = lo.min(extent[c].0);
                        hi = hi.max(extent[c].1);
                    }
                    extent[t] = (lo, hi);
                } else {
                    stack.push((t, true));
                    stack.extend(self.children(t).map(|c| (c, false)));
                }
            }
        }
        extent
    }

    /// The whole analysis of token `t`; its `head` is relative to the sentence (use
    /// [`Syntax::head`] for a document token).
    pub fn word(&self, t: usize) -> Word {
        self.words[t]
    }

    /// The universal part of speech of token `t` (`X` in an unparsed sentence).
    pub fn upos(&self, t: usize) -> Upos {
        self.words[t].upos
    }

    /// The Penn Treebank tag of token `t` (`VBD`, `NNS`…), finer than [`Syntax::upos`]: tense,
    /// participles and number.
    pub fn xpos(&self, t: usize) -> Xpos {
        self.words[t].xpos
    }

    /// The Universal Dependencies relation of token `t` to its head (`nsubj`, `obl:agent`…).
    pub fn rel(&self, t: usize) -> Rel {
        self.words[t].rel
    }

    /// Whether `t`'s sentence was parsed (unparsed words are heads of nothing and roots of
    /// nothing).
    pub fn is_parsed(&self, t: usize) -> bool {
        self.heads[t] != NO_HEAD || self.words[t].rel == Rel::Root
    }

    /// The head of token `t` as a document token index; `None` for a sentence's root and
    /// for every token of an unparsed sentence.
    pub fn head(&self, t: usize) -> Option<usize> {
        let h = self.heads[t];
        (h != NO_HEAD).then_some(h as usize)
    }

    /// The head of the phrase `tokens`: its first word whose head lies outside it (or that
    /// has none).
    pub fn phrase_head(&self, tokens: Range<usize>) -> Option<usize> {
        tokens
            .clone()
            .find(|&t| self.head(t).is_none_or(|h| !tokens.contains(&h)))
    }

    /// The children of `t`, in text order.
    pub fn children(&self, t: usize) -> impl DoubleEndedIterator<Item = usize> + '_ {
        let (a, b) = (
            self.child_start[t] as usize,
            self.child_start[t + 1] as usize,
        );
        self.children[a..b].iter().map(|&c| c as usize)
    }

    /// The first child of `t` with relation `rel`.
    pub fn child(&self, t: usize, rel: Rel) -> Option<usize> {
        self.children(t).find(|&c| self.rel(c) == rel)
    }

    /// The first child of `t` whose relation satisfies `pred`.
    pub fn child_where(&self, t: usize, pred: impl Fn(Rel) -> bool) -> Option<usize> {
        self.children(t).find(|&c| pred(self.rel(c)))
    }

    /// Whether `t` is `ancestor` or lies below it.
    pub fn within(&self, t: usize, ancestor: usize) -> bool {
        let mut k = t;
        for _ in 0..MAX_DEPTH {
            if k == ancestor {
                return true;
            }
            match self.head(k) {
                Some(h) => k = h,
                None => return false,
            }
        }
        false
    }

    /// The tokens `t` dominates, from its leftmost to its rightmost descendant.
    pub fn extent(&self, t: usize) -> Range<usize> {
        let (lo, hi) = self.extent[t];
        lo as usize..hi as usize + 1
    }

    /// The verb a nominal is the object or an oblique of ("held | talks", "follows |
    /// complaints"): where a parser often hangs the nominal's own modifiers.
    pub fn verb_of_argument(&self, t: usize) -> Option<usize> {
        self.head(t)
            .filter(|_| matches!(self.rel(t), Rel::Obj | Rel::Obl))
    }

    /// The case marker of a nominal ("with" in "with Russia", "according to"): its first
    /// `case` child.
    pub fn case_of(&self, t: usize) -> Option<usize> {
        self.child(t, Rel::Case)
    }

    /// The first of the conjuncts `t` is coordinated into, or `t` itself: "Patna" for
    /// "Bhagalpur" in "in Patna and Bhagalpur", where a later conjunct stands in the
    /// sentence where the first one does. Only conjuncts of one part of speech count.
    pub fn first_conjunct(&self, t: usize) -> usize {
        let mut t = t;
        for _ in 0..MAX_CONJUNCTS {
            match self.head(t) {
                Some(first) if self.rel(t) == Rel::Conj && self.upos(first) == self.upos(t) => {
                    t = first
                }
                _ => break,
            }
        }
        t
    }

    /// The word a phrase headed by `head` is gone to or acted on by: the word it is the object
    /// of ("visited Mumbai") or the complement with "to" of ("a visit to London"). `is_to`
    /// tells whether a token is the word "to". A later conjunct goes where the first one does
    /// ("visited Tanzania, Mozambique and Kenya").
    pub fn destination_of(&self, head: usize, is_to: impl Fn(usize) -> bool) -> Option<usize> {
        let head = self.first_conjunct(head);
        let to = self.case_of(head).is_some_and(is_to);
        (self.rel(head) == Rel::Obj || to)
            .then(|| self.head(head))
            .flatten()
    }
}
