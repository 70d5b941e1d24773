//! A predicate's arguments, read off the parse where English leaves them implicit.
//!
//! Universal Dependencies gives each verb its own `nsubj`, `obj` and `obl` children, but many
//! predicates have no subject of their own: coordinated verbs share one ("met Wang and
//! *signed* a deal"), a controlled infinitive takes its controller's ("urged Iran *to stop*":
//! Iran; "vowed *to retaliate*": the vower), a participle its noun's ("a rally *calling* for",
//! "a ranch *owned* by Agroflora"), a relative clause its antecedent ("the party, which
//! *opposes*"). These functions walk the tree to find them.

use crate::syntax::Syntax;
use readout_syntax::{Rel, Upos, Xpos};

/// How far up a chain of coordinated and controlled verbs an argument is looked for.
const MAX_HOPS: usize = 8;

/// Where an argument was found, for `readout explain`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// The predicate's own `nsubj` (or `obj`, `obl:agent`…).
    Own,
    /// Shared with the verb it is coordinated with.
    Coordination,
    /// The controller of an infinitive: the governing verb's object ("urged X to").
    ObjectControl,
    /// The governing verb's object, for an infinitive the parser read as adverbial: the
    /// requestee of "urged Iran to stop", but not of "visited the SEC to press for change",
    /// which the lexicon tells apart ([`crate::events`] checks the governing verb).
    AdverbialObject,
    /// The controller of an infinitive or gerund: the governing verb's subject.
    SubjectControl,
    /// The noun a participle or relative clause modifies.
    Modified,
}

impl Via {
    /// How `readout explain` words it ("shared with a coordinated verb").
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Own => "own",
            Via::Coordination => "shared with a coordinated verb",
            Via::ObjectControl | Via::AdverbialObject => "object of the governing verb",
            Via::SubjectControl => "subject of the governing verb",
            Via::Modified => "the noun the clause modifies",
        }
    }
}

/// A predicate's voice and its core arguments (tokens heading each phrase).
#[derive(Clone, Copy, Debug, Default)]
pub struct Args {
    /// The predicate is passive ("was arrested by police"): agent and patient are read from
    /// the `by` phrase and the subject instead of the subject and the object.
    pub passive: bool,
    /// The doer: the active subject, or a passive's `by` agent.
    pub agent: Option<(usize, Via)>,
    /// The one acted on: the active object, or a passive's subject.
    pub patient: Option<(usize, Via)>,
}

pub(crate) fn is_subject(rel: Rel) -> bool {
    matches!(rel, Rel::Nsubj | Rel::NsubjPass | Rel::NsubjOuter)
}

/// A relative pronoun ("who", "which", "that") standing for the noun its clause modifies.
fn is_relative_pronoun(syn: &Syntax, t: usize) -> bool {
    matches!(syn.xpos(t), Xpos::WDT | Xpos::WP)
}

/// Whether a predicate is passive: it has a passive subject or auxiliary, or it is a past
/// participle modifying a noun ("a ranch owned by …").
///
/// A participle with a direct object is active whatever the parser called it ("Anna Lind
/// praised Borovia" misread as a name modified by "praised"): a passive has no object, unless
/// a passive auxiliary makes it one of a verb with two objects ("people will be denied a
/// visa", "was given a medal").
pub fn is_passive(syn: &Syntax, v: usize) -> bool {
    let auxiliary = syn.child(v, Rel::AuxPass).is_some();
    let marked = auxiliary
        || syn.child(v, Rel::NsubjPass).is_some()
        || (syn.rel(v) == Rel::Acl && syn.xpos(v) == Xpos::VBN);
    marked && (auxiliary || syn.child(v, Rel::Obj).is_none())
}

/// The object a verb governs directly: `obj`, else `iobj`.
pub fn object(syn: &Syntax, v: usize) -> Option<usize> {
    syn.child(v, Rel::Obj).or_else(|| syn.child(v, Rel::Iobj))
}

/// The object of the governing verb right before adverbial clause `k`, when `k` is a bare
/// to-infinitive: the requestee of "urged Iran | to stop" as parsers often read it, the
/// infinitive hung on the verb as an adverbial clause instead of a complement. Not a clause of
/// purpose with a marker of its own ("used its powers in order to withdraw …"), nor a gerund
/// after the preposition "to" ("pleaded guilty to falsifying").
pub fn controlling_object(syn: &Syntax, k: usize) -> Option<usize> {
    if syn.rel(k) != Rel::Advcl {
        return None;
    }
    let purpose = syn
        .children(k)
        .any(|c| syn.rel(c) == Rel::Mark && syn.xpos(c) != Xpos::TO);
    let infinitive =
        !purpose && syn.xpos(k) != Xpos::VBG && syn.children(k).any(|c| syn.xpos(c) == Xpos::TO);
    object(syn, syn.head(k)?).filter(|&o| infinitive && o < k && !is_relative_pronoun(syn, o))
}

/// The passive agent: `obl:agent`, or an `obl` introduced by "by".
pub fn by_agent(syn: &Syntax, v: usize, word: impl Fn(usize) -> bool) -> Option<usize> {
    syn.child(v, Rel::OblAgent).or_else(|| {
        syn.children(v)
            .find(|&c| syn.rel(c) == Rel::Obl && syn.case_of(c).is_some_and(&word))
    })
}

/// The grammatical subject of `v`, followed through coordination, control and modification.
pub fn subject(syn: &Syntax, v: usize) -> Option<(usize, Via)> {
    let mut k = v;
    let mut via = Via::Own;
    for _ in 0..MAX_HOPS {
        // Of several subjects (a parser's reading of "On Monday Guinea-Bissau condemned"),
        // the one nearest before the verb.
        // A phrase with a preposition ("In India", "on Wednesday") is no subject, whatever
        // the parser says.
        let subject_like = |c: usize| is_subject(syn.rel(c)) && syn.case_of(c).is_none();
        let nearest = syn
            .children(k)
            .rev()
            .find(|&c| c < k && subject_like(c))
            .or_else(|| syn.children(k).find(|&c| subject_like(c)));
        if let Some(s) = nearest {
            if is_relative_pronoun(syn, s) && syn.rel(k) == Rel::AclRelcl {
                return syn.head(k).map(|h| (h, Via::Modified));
            }
            return Some((s, via));
        }
        let h = syn.head(k)?;
        match syn.rel(k) {
            Rel::Conj if matches!(syn.upos(h), Upos::VERB | Upos::AUX | Upos::ADJ) => {
                // "China's economy grew and experts say …": a noun between the conjunction and
                // the finite verb is the verb's own subject, whatever the parser hung it on.
                let own = (k == v && k >= 2).then(|| k - 1).filter(|&n| {
                    let first = syn.extent(n).start;
                    let after_conjunction = syn.upos(first) == Upos::CCONJ
                        || (first > 0 && syn.upos(first - 1) == Upos::CCONJ);
                    matches!(syn.upos(n), Upos::NOUN | Upos::PROPN | Upos::PRON)
                        && syn.rel(n) == Rel::Conj
                        && after_conjunction
                        && matches!(syn.xpos(k), Xpos::VBZ | Xpos::VBP | Xpos::VBD)
                });
                if let Some(n) = own {
                    return Some((n, Via::Own));
                }
                k = h;
                if via == Via::Own {
                    via = Via::Coordination;
                }
            }
            Rel::Xcomp => {
                // "urged Iran to stop", "called on Iran to stop": the requestee controls (a
                // relative pronoun read as an object does not).
                if let Some(o) = object(syn, h).filter(|&o| !is_relative_pronoun(syn, o)) {
                    return Some((o, Via::ObjectControl));
                }
                k = h;
                via = Via::SubjectControl;
            }
            // A participle or infinitive adjunct shares its clause's subject ("…, saying it
            // would", "met on Thursday to discuss").
            Rel::Advcl
                if syn.xpos(k) == Xpos::VBG || syn.children(k).any(|c| syn.xpos(c) == Xpos::TO) =>
            {
                if let Some(o) = controlling_object(syn, k) {
                    return Some((o, Via::AdverbialObject));
                }
                k = h;
                via = Via::SubjectControl;
            }
            // "a rally calling for …": the modified noun does what the participle says; so
            // does the noun of a participle with an object (an active verb misread).
            Rel::Acl if syn.xpos(k) == Xpos::VBG || syn.child(k, Rel::Obj).is_some() => {
                return Some((h, Via::Modified))
            }
            _ => return None,
        }
    }
    None
}

/// A finite verb the parser read as an adjective of the noun after it ("Lind *praised*
/// Borovia" as if "the praised Borovia"): a verb, modifying a noun that follows it, with no
/// determiner between them. Its object is that noun; its subject stands before it.
pub fn misread_modifier(syn: &Syntax, v: usize) -> bool {
    syn.rel(v) == Rel::Amod
        && syn.upos(v) == Upos::VERB
        && matches!(syn.xpos(v), Xpos::VBD | Xpos::VBN | Xpos::VBZ | Xpos::VBP)
        && syn.head(v).is_some_and(|h| {
            h > v && (v + 1..h).all(|t| !matches!(syn.upos(t), Upos::DET | Upos::ADP))
        })
}

/// The agent and patient of predicate `v`, with its voice. `is_by` tells whether a token is
/// the word "by".
pub fn arguments(syn: &Syntax, v: usize, is_by: impl Fn(usize) -> bool) -> Args {
    if misread_modifier(syn, v) {
        return Args {
            passive: false,
            agent: None,
            patient: syn.head(v).map(|h| (h, Via::Own)),
        };
    }
    let passive = is_passive(syn, v);
    if passive {
        let patient = if syn.rel(v) == Rel::Acl {
            syn.head(v).map(|h| (h, Via::Modified))
        } else {
            subject(syn, v)
        };
        let agent = by_agent(syn, v, is_by).map(|a| (a, Via::Own));
        Args {
            passive,
            agent,
            patient,
        }
    } else {
        Args {
            passive,
            agent: subject(syn, v),
            patient: object(syn, v).map(|o| (o, Via::Own)),
        }
    }
}
