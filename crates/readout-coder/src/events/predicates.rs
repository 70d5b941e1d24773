//! Predicates: the verbs and event nouns of a sentence that the lexicon can code.
//!
//! A word form is a candidate only where the tagger gives it the part of speech its entry
//! needs: "attack" is a verb in "rebels attack the town" and a noun in "the attack on the
//! town"; "state" is never a statement when it is a noun; a verb after "the ministry" or
//! "on Sunday night" is still a verb. The lexicon's phrase tries give the longest form
//! starting at each token ("crack down", "hunger strike"); tokens inside a name are skipped.

use super::SentenceCtx;
use readout_lexicon::FormKind;
use readout_syntax::{Rel, Upos};

/// What kind of predicate, with its lexicon entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A form of an event verb ("met", "cracked down").
    Verb {
        /// Index into `Lexicon::verbs`.
        verb: u32,
        /// Which inflection matched (base, third person, past, gerund).
        form: FormKind,
    },
    /// An event noun ("talks", "hunger strike").
    Noun {
        /// Index into `Lexicon::nouns`.
        noun: u32,
    },
}

/// A predicate: its lexicon entry, the tokens of its form, and the token that heads it in
/// the parse (the verb, or the head noun of a multi-word trigger).
#[derive(Clone, Copy, Debug)]
pub struct Predicate {
    /// The verb or noun entry whose form matched.
    pub entry: Entry,
    /// The first token of the form: index into `Document::tokens`.
    pub start: usize,
    /// One past the form's last token.
    pub end: usize,
    /// The token within `start..end` whose head lies outside it: where the predicate's
    /// arguments hang in the parse.
    pub head: usize,
}

/// The sentence's predicates, in text order.
pub fn predicates(ctx: &SentenceCtx, out: &mut Vec<Predicate>) {
    out.clear();
    let (lex, toks, syn) = (ctx.lex, ctx.toks, ctx.syn);
    let words = &toks.words[..ctx.range.end];
    let caps = &toks.caps[..ctx.range.end];
    let mut t = ctx.range.start;
    while t < ctx.range.end {
        // Names are actors, not predicates ("the Defence Ministry", "Hope Street").
        if ctx
            .group_at(t)
            .is_some_and(|g| g.is_actor() || g.place.is_some())
        {
            t += 1;
            continue;
        }
        let upos = syn.upos(t);
        // A word tagged as a noun that has a subject and no copula is a verb the tagger
        // misread ("Zebari speaks during …" with "speaks" as a plural noun).
        let misread_verb = upos == Upos::NOUN
            && syn
                .children(t)
                .any(|c| matches!(syn.rel(c), Rel::Nsubj | Rel::NsubjPass))
            && !syn.children(t).any(|c| syn.rel(c) == Rel::Cop);
        let found = match upos {
            Upos::NOUN if misread_verb && lex.verb_forms.longest(words, caps, t).is_some() => {
                lex.verb_forms.longest(words, caps, t).map(|m| {
                    let v = *m.values().last().expect("a match has a value");
                    (
                        m.len,
                        Entry::Verb {
                            verb: v.verb,
                            form: v.kind,
                        },
                    )
                })
            }
            Upos::VERB => lex.verb_forms.longest(words, caps, t).map(|m| {
                let v = *m.values().last().expect("a match has a value");
                (
                    m.len,
                    Entry::Verb {
                        verb: v.verb,
                        form: v.kind,
                    },
                )
            }),
            Upos::NOUN | Upos::PROPN => lex.noun_triggers.longest(words, caps, t).map(|m| {
                (
                    m.len,
                    Entry::Noun {
                        noun: *m.values().last().expect("a match has a value"),
                    },
                )
            }),
            _ => None,
        };
        let Some((len, entry)) = found else {
            t += 1;
            continue;
        };
        let end = (t + len).min(ctx.range.end);
        // The head of a multi-word form is the token whose head lies outside it.
        let head = (t..end)
            .find(|&k| syn.head(k).is_none_or(|h| h < t || h >= end))
            .unwrap_or(t);
        out.push(Predicate {
            entry,
            start: t,
            end,
            head,
        });
        t = end;
    }
}
