//! Judgements in reported speech: "X said Y was incompetent" is criticism of Y (CAMEO 111),
//! "X said Y had done well" praise (051), as CAMEO coders code them, not a plain statement.
//!
//! The judged actor is the reported clause's subject, or the possessor of its subject ("the
//! party's sums are wrong"). A clause about a thing is judged only when the thing is a
//! policy (`evaluation thing`: "the scheme is deeply flawed" criticises its makers, named or
//! not) and only by what is predicated of it. The clause's evaluation words
//! (`lexicon/verbs/evaluation.txt`) must lean one way; a negator on its predicate turns the
//! judgement round, and a word a remedy or an ordeal governs ("tackling corruption", "would
//! face more waste") judges no one.

use super::args::{by_agent, subject};
use super::sides::Side;
use super::SentenceCtx;
use readout_lexicon::ANY_POSSESSIVE;
use readout_syntax::{Rel, Upos, Xpos};

/// How many heads up a word is followed to the clause it belongs to.
const MAX_CLAUSE_CLIMB: usize = 32;

/// A judgement a statement passes on an actor.
pub struct Judgement {
    /// -1 criticism, +1 praise.
    pub polarity: i8,
    /// The actor judged.
    pub about: Option<Side>,
    /// A policy judged whose makers the clause does not name ("the scheme is flawed"): its span.
    pub unnamed_makers: Option<readout_doc::Span>,
    /// The deciding words, for `readout explain`.
    pub words: Vec<String>,
}

impl SentenceCtx<'_> {
    /// The agent of verb `t` in the passive: its `obl:agent`, or a "by" phrase of a verb with
    /// no subject or object of its own ("felt let down by Labour", where the tagger did not
    /// see the participle).
    fn passive_agent(&self, t: usize) -> Option<usize> {
        let syn = self.syn;
        let active = syn
            .children(t)
            .any(|c| matches!(syn.rel(c), Rel::Nsubj | Rel::Obj));
        if active || syn.upos(t) != Upos::VERB {
            syn.child(t, Rel::OblAgent)
        } else {
            by_agent(syn, t, |k| self.word_is(k, "by"))
        }
    }

    /// The longest judging phrase of several words (`evaluation` records: "dragging its feet",
    /// "add up") that starts at token `t`, if any: its length in tokens and its polarity (0 for
    /// a neutral one: "add up to").
    fn judging_phrase_at(&self, t: usize) -> Option<(usize, i8)> {
        let phrases = self.lex.evaluation_phrases.get(&self.toks.words[t])?;
        let fits = |rest: &[u32]| {
            t + rest.len() < self.range.end
                && rest.iter().enumerate().all(|(i, &w)| {
                    let k = t + 1 + i;
                    if w == ANY_POSSESSIVE {
                        self.syn.xpos(k) == Xpos::PRPS
                    } else {
                        self.toks.words[k] == w
                    }
                })
        };
        phrases
            .iter()
            .filter(|(rest, _)| fits(rest))
            .max_by_key(|(rest, _)| rest.len())
            .map(|(rest, p)| (rest.len() + 1, *p))
    }

    /// The judgement the clause reported by statement verb `v` passes on an actor.
    pub fn judgement(&self, v: usize) -> Option<Judgement> {
        let syn = self.syn;
        let reported = *self.reported(v).first()?;
        let clause = reported.head;
        let s = subject(syn, clause).map(|(s, _)| s);
        // Only an actor the coder can name is judged: not a body it knows nothing about.
        let nameable = |side: &Side| {
            side.entities
                .iter()
                .all(|&e| !self.doc.actors[e as usize].code.is_empty())
        };
        let about = s.and_then(|s| {
            self.side_at(s)
                .or_else(|| {
                    syn.children(s)
                        .filter(|&c| syn.rel(c) == Rel::NmodPoss)
                        .find_map(|c| self.side_at(c))
                })
                .filter(nameable)
        });
        // A policy judged ("the scheme is deeply flawed", "the rules breach human rights law")
        // judges whoever made it, though the clause may not say who.
        let thing = about.is_none()
            && s.is_some_and(|s| {
                syn.upos(s) == Upos::NOUN && self.lex.judged_things.contains(&self.toks.words[s])
            });
        // Of a thing, only what is predicated of it counts: "the rules aim to prevent sham
        // marriages" describes the problem, not the rules.
        let predicated = |t: usize| {
            t == clause
                || (syn.head(t) == Some(clause)
                    && matches!(
                        syn.rel(t),
                        Rel::Conj | Rel::Xcomp | Rel::Advmod | Rel::Amod | Rel::Obj
                    ))
        };
        let mut polarity: i32 = 0;
        let mut words = Vec::new();
        let mut agent_judged = None;
        let mut phrase_end = 0;
        // Words of a clause embedded in the reported one with a subject of its own judge what
        // that clause is about, not the subject: "we cannot discuss who was responsible"
        // blames no one. (Narrower than the clause a frame matches over: an adverbial clause
        // without a subject, "relying on fear", still says something of this subject.)
        let own_clause = |t: usize| {
            let mut k = t;
            for _ in 0..MAX_CLAUSE_CLIMB {
                if k == clause {
                    return true;
                }
                // A clause of its own: a complement, a relative clause, or an adverbial or
                // adnominal clause with a subject of its own ("relying on fear" shares the
                // subject's and still describes it).
                let own_subject = || {
                    syn.children(k)
                        .any(|c| matches!(syn.rel(c), Rel::Nsubj | Rel::NsubjPass))
                };
                match syn.rel(k) {
                    Rel::Ccomp | Rel::Csubj | Rel::AclRelcl | Rel::Parataxis => return false,
                    Rel::Advcl | Rel::Acl if own_subject() => return false,
                    _ => {}
                }
                match syn.head(k) {
                    Some(h) => k = h,
                    None => return false,
                }
            }
            false
        };
        // "would insist on tackling corruption", "people would face more waste": a judging word
        // that a remedy or an ordeal governs (its object, or a noun of the object's phrase)
        // names the problem acted against or undergone.
        let remedied = |t: usize| {
            let mut k = t;
            for _ in 0..3 {
                let Some(h) = syn.head(k) else { return false };
                if self.lex.object_blames_no_one.contains(&self.toks.words[h]) {
                    return matches!(syn.rel(k).base(), Rel::Obj | Rel::Obl);
                }
                if !matches!(syn.upos(h), Upos::NOUN | Upos::PROPN) {
                    return false;
                }
                k = h;
            }
            false
        };
        // The words after the subject's head describe whom the clause is about; what the
        // clause says of it comes after them ("the department responsible for the change
        // suffered …"). The head itself may be the act judged ("Wal-Mart's failure to …").
        let naming = s.map(|s| s + 1..syn.extent(s).end).unwrap_or(0..0);
        for t in syn.extent(clause) {
            if !reported.contains(self, t)
                || naming.contains(&t)
                || (thing && !predicated(t))
                || !own_clause(t)
                || remedied(t)
            {
                continue;
            }
            // A phrase counts once, as a whole, before any word in it ("add up to" is neutral
            // and keeps "add up" from counting).
            if t < phrase_end {
                continue;
            }
            let judging = self.judging_phrase_at(t).or_else(|| {
                self.lex
                    .evaluations
                    .get(&self.toks.words[t])
                    .map(|&p| (1, p))
            });
            let Some((len, p)) = judging else { continue };
            phrase_end = t + len;
            if p == 0 {
                continue;
            }
            // "voters were betrayed by the Tories", "felt let down by Labour": a misdeed in
            // the passive judges its agent; the subject is who suffered it. An agent that is
            // no actor leaves no one judged. (Praise in the passive still praises the
            // subject: "would be warmly welcomed by MPs".)
            if let Some(agent) = self.passive_agent(t).filter(|_| p < 0) {
                match self.side_at(agent).filter(nameable) {
                    Some(side) => agent_judged = Some(side),
                    None => continue,
                }
            }
            polarity += i32::from(p);
            words.push(self.doc.slice(self.span(t..t + len)).to_string());
        }
        let judged_by_agent = agent_judged.is_some();
        let about = agent_judged.or(about);
        let negated = self.denies(clause);
        if negated {
            polarity = -polarity;
            words.push("(negated)".into());
        }
        // A judgement of a thing ("the rules aim to prevent abuse") says too little about
        // whom it criticises or praises: words of blame describe the problem as often as the
        // culprit.
        if about.is_none() && !thing {
            return None;
        }
        let unnamed_makers = (thing && !judged_by_agent)
            .then(|| s.map(|s| self.span(syn.extent(s).start..s + 1)))
            .flatten();
        (polarity != 0).then(|| Judgement {
            polarity: polarity.signum() as i8,
            about,
            unnamed_makers,
            words,
        })
    }
}
