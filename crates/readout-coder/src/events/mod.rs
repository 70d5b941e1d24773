//! Events: CAMEO-coded predicates with their source, target, negation, modality and
//! attribution, read off the sentence's parse.
//!
//! - [`SentenceCtx`]: everything known about one sentence when its events are coded (tokens,
//!   parse, noun groups and the actors they resolved to, the speaker of the quote around it);
//! - [`predicates`]: verbs and event nouns the lexicon knows, found where the tagger says a
//!   verb or a noun is;
//! - [`args`]: a predicate's subject, object and agent, through coordination, control,
//!   participles and relative clauses;
//! - [`sides`]: an argument phrase → the actors it names;
//! - [`frames`]: the lexicon's verb and noun frames matched against a predicate's dependents;
//! - [`evaluation`]: criticism and praise in reported speech ("X said Y was wrong");
//! - [`figurative`]: the verbs of force used of argument and competition ("attacked the plans");
//! - [`statements`]: plain statements recoded by what they report (intent, denial, appeal);
//! - [`modality`]: negation and modality from auxiliaries, adverbs and governing verbs;
//! - [`reports`]: the clause a reporting verb reports, before or after it;
//! - [`code`]: one sentence's events, and [`attribution`]: who says they happened.

pub mod args;
pub mod attribution;
pub mod code;
pub mod evaluation;
pub mod figurative;
pub mod frames;
pub mod modality;
pub mod predicates;
pub mod reports;
pub mod sides;
pub mod statements;

use crate::actors::{Coref, NounGroup};
use crate::analysis::Tokens;
use crate::syntax::Syntax;
use readout_doc::{Document, Span};
use readout_lexicon::{Lexicon, WordClasses};
use std::ops::Range;

pub use code::code_sentence;

/// Drops an event that repeats an earlier one of its sentence: the same trigger, code,
/// negation and modality, and sides named by the same words with the same codes, where those
/// words are no list (they hold no coordinating conjunction). Such a pair is one actor read
/// twice: a pronoun resolved to two actors that differed only by a country the text left to the
/// story ("they": the firm and a bare "companies"), or an apposition the parse took for a
/// second actor ("Unison, Britain's biggest union"). "Tony Blair and Gordon Brown said" stays
/// two events.
pub fn drop_repeated(doc: &mut Document, syn: &Syntax) {
    let events = &doc.events;
    let mut repeated = vec![false; events.len()];
    let mut sentence_start = 0;
    for i in 0..events.len() {
        if events[i].sentence != events[sentence_start].sentence {
            sentence_start = i;
        }
        repeated[i] = (sentence_start..i).any(|k| {
            !repeated[k]
                && same_event(&events[k], &events[i])
                && !names_a_list(doc, syn, &events[i])
        });
    }
    let mut repeated = repeated.into_iter();
    doc.events.retain(|_| !repeated.next().unwrap_or(false));
}

fn same_event(a: &readout_doc::Event, b: &readout_doc::Event) -> bool {
    let same_side = |x: &readout_doc::Participant, y: &readout_doc::Participant| {
        x.code == y.code && x.span == y.span
    };
    a.trigger_token == b.trigger_token
        && a.code == b.code
        && a.negated == b.negated
        && a.modality == b.modality
        && same_side(&a.source, &b.source)
        && match (&a.target, &b.target) {
            (Some(x), Some(y)) => same_side(x, y),
            (None, None) => true,
            _ => false,
        }
}

/// Whether a side of the event is named by a list: its words hold a coordinating conjunction
/// ("and", "or", "nor").
fn names_a_list(doc: &Document, syn: &Syntax, e: &readout_doc::Event) -> bool {
    std::iter::once(&e.source)
        .chain(e.target.as_ref())
        .any(|side| {
            doc.tokens_of(side.span)
                .any(|t| syn.upos(t) == readout_syntax::Upos::CCONJ)
        })
}

const NO_GROUP: u32 = u32::MAX;

/// Everything known about one sentence when its events are coded.
pub struct SentenceCtx<'a> {
    /// The document, with the actors the actor stage resolved so far.
    pub doc: &'a Document,
    /// The lexicon: verbs, event nouns and their frames, function words.
    pub lex: &'a Lexicon,
    /// Word ids, capitalisation and function-word classes of the document's tokens.
    pub toks: &'a Tokens,
    /// The parse of the document's sentences.
    pub syn: &'a Syntax,
    /// Coreference state as it stood after the actor stage read this paragraph.
    pub coref: &'a Coref,
    /// The sentence's index into `Document::sentences`.
    pub index: usize,
    /// The sentence's tokens: indices into `Document::tokens`.
    pub range: Range<usize>,
    /// The sentence's noun groups, in text order.
    pub groups: &'a [NounGroup],
    /// Token (relative to the sentence) → the group that covers it.
    group_of: Vec<u32>,
    /// The speaker of the quotation this sentence is part of, for "I" and "we".
    pub speaker: Option<u32>,
}

impl<'a> SentenceCtx<'a> {
    /// The context of sentence `index`; the quote speaker is set once quotes are found.
    pub fn new(
        doc: &'a Document,
        lex: &'a Lexicon,
        toks: &'a Tokens,
        syn: &'a Syntax,
        coref: &'a Coref,
        index: usize,
        groups: &'a [NounGroup],
    ) -> SentenceCtx<'a> {
        let range = doc.sentences[index].token_range();
        let mut group_of = vec![NO_GROUP; range.len()];
        // A possessive pronoun's group only names the doer of its noun's event
        // ([`Self::owner_at`]): for everything else the word is no group.
        for (g, group) in groups.iter().enumerate().filter(|(_, g)| g.owner.is_none()) {
            for t in group.tokens.clone() {
                if range.contains(&t) {
                    group_of[t - range.start] = g as u32;
                }
            }
        }
        SentenceCtx {
            doc,
            lex,
            toks,
            syn,
            coref,
            index,
            range,
            groups,
            group_of,
            speaker: None,
        }
    }

    /// The noun group covering token `t`.
    pub fn group_at(&self, t: usize) -> Option<&'a NounGroup> {
        if !self.range.contains(&t) {
            return None;
        }
        match self.group_of[t - self.range.start] {
            NO_GROUP => None,
            g => Some(&self.groups[g as usize]),
        }
    }

    /// The actor possessive pronoun `t` stands for ("his" in "his visit"), if it is one.
    pub fn owner_at(&self, t: usize) -> Option<u32> {
        self.groups
            .iter()
            .find(|g| g.tokens.start == t)
            .and_then(|g| g.owner)
    }

    /// The text of token `t`, as written.
    pub fn text(&self, t: usize) -> &'a str {
        self.doc.token_text(t)
    }

    /// Whether token `t` on its own is a function word of `class` ([`Tokens::is`]).
    pub fn is(&self, t: usize, class: WordClasses) -> bool {
        self.toks.is(t, class)
    }

    /// The byte span from the start of token `a` to the end of token `b - 1`.
    pub fn span(&self, tokens: Range<usize>) -> Span {
        Span {
            start: self.doc.tokens[tokens.start].span.start,
            end: self.doc.tokens[tokens.end - 1].span.end,
        }
    }

    /// The lexicon verb whose form starts at token `t`, when the tagger calls it a verb.
    pub fn verb_at(&self, t: usize) -> Option<&'a readout_lexicon::Verb> {
        let syn = self.syn;
        let misread = syn.upos(t) == readout_syntax::Upos::NOUN
            && syn
                .children(t)
                .any(|c| matches!(syn.rel(c), readout_syntax::Rel::Nsubj))
            && !syn
                .children(t)
                .any(|c| syn.rel(c) == readout_syntax::Rel::Cop);
        if !(matches!(syn.upos(t), readout_syntax::Upos::VERB) || misread) {
            return None;
        }
        let m = self.lex.verb_forms.longest(
            &self.toks.words[..self.range.end],
            &self.toks.caps[..self.range.end],
            t,
        )?;
        let form = m.values().last()?;
        Some(&self.lex.verbs[form.verb as usize])
    }

    /// Whether token `t` is the word `word` (case-insensitive ASCII).
    pub fn word_is(&self, t: usize, word: &str) -> bool {
        self.text(t).eq_ignore_ascii_case(word)
    }

    /// Whether the phrase headed by `t` is introduced by one of `words` ("*in* talks").
    pub fn case_is(&self, t: usize, words: &[&str]) -> bool {
        self.syn
            .case_of(t)
            .is_some_and(|c| words.iter().any(|w| self.word_is(c, w)))
    }
}
