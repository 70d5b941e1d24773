//! Negation and modality of a predicate, read off its own words and the verbs that govern it.
//!
//! - its auxiliaries and adverbs: "did not", "never" (negated); "will", "shall" (intended);
//!   "could", "may", "would" (hypothetical); "is to meet", "are set to" (intended);
//! - the verb that governs it as a complement: the lexicon's `complement:` attribute says
//!   what "plans to", "urged X to", "refused to", "considered" make of the event they
//!   govern, and the function-word lists cover phrases such as "is ready to", "failed to";
//! - an "if" or "unless" clause around it (conditional).
//!
//! What a governing verb makes of its complement carries down: "could agree to meet" is
//! hypothetical, "refused to be drawn into talks" negated.

use super::SentenceCtx;
use readout_doc::Modality;
use readout_lexicon::{Complement, WordClasses};
use readout_syntax::{Rel, Upos, Xpos};

/// Weekdays and coming days ("tomorrow", "next week") that make a present-tense verb a plan.
const WEEKDAYS_AND_COMING: WordClasses = WordClasses(
    WordClasses::WEEKDAY_0.0
        | WordClasses::WEEKDAY_1.0
        | WordClasses::WEEKDAY_2.0
        | WordClasses::WEEKDAY_3.0
        | WordClasses::WEEKDAY_4.0
        | WordClasses::WEEKDAY_5.0
        | WordClasses::WEEKDAY_6.0
        | WordClasses::DAY_PLUS_1.0
        | WordClasses::WEEK_PLUS_1.0
        | WordClasses::MONTH_PLUS_1.0
        | WordClasses::YEAR_PLUS_1.0,
);

/// How many governing verbs up the chain are read.
const MAX_CHAIN: usize = 4;

/// A predicate's negation and modality, and the words that decided them.
#[derive(Debug, Clone, Default)]
pub struct Qualifiers {
    /// The event is negated: "did not meet", "never", "refused to be drawn into talks".
    pub negated: bool,
    /// The modality the first deciding word gave; `None` when no word qualifies the event,
    /// which is then asserted.
    pub modality: Option<Modality>,
    /// The deciding words, for `readout explain`.
    pub because: Vec<String>,
}

impl Qualifiers {
    fn set(&mut self, m: Modality, why: &str) {
        if self.modality.is_none() {
            self.modality = Some(m);
            self.because.push(why.to_string());
        }
    }
}

impl SentenceCtx<'_> {
    /// Whether marker `m` is a conditional word or ends a conditional phrase ("if", "unless",
    /// "as long as", whose last "as" is the marker).
    fn conditional_mark(&self, m: usize) -> bool {
        if self.classes_from(m).has(WordClasses::CONDITIONAL) {
            return true;
        }
        (1..=2).any(|back| {
            m >= self.range.start + back && {
                let (len, classes) = self.toks.phrases[m - back];
                len as usize > back && classes.has(WordClasses::CONDITIONAL)
            }
        })
    }

    /// The classes of the function-word phrase or word starting at `t`.
    pub(crate) fn classes_from(&self, t: usize) -> WordClasses {
        let (len, c) = self.toks.phrases[t];
        if len > 1 {
            c | self.toks.classes[t]
        } else {
            self.toks.classes[t]
        }
    }

    /// Negation and modality from the predicate's own auxiliaries and adverbs.
    fn own_qualifiers(&self, v: usize, q: &mut Qualifiers) {
        let syn = self.syn;
        // "Will the talks resume?", "asked whether the talks would resume": a question asks
        // whether something happens; it does not say it does. (A question mark before the
        // verb, or a quotation mark between them, is the mark of a quotation the verb reports:
        // "'Why?' he asked", "asks: 'Who will pay?'". So is a reporting verb's, and one after
        // a clause the verb governs: "he asked -- what group could give them computers?")
        let quoting = |end: usize| {
            (v + 1..end).any(|t| self.doc.tokens[t].has(readout_doc::token_flags::QUOTE))
                || syn
                    .children(v)
                    .any(|k| k > v && k < end && matches!(syn.rel(k), Rel::Ccomp | Rel::Parataxis))
        };
        let question = syn.children(v).find(|&c| {
            (c > v
                && syn.rel(c) == Rel::Punct
                && self.word_is(c, "?")
                && !quoting(c)
                && !self.is_report_verb(v))
                || (syn.rel(c) == Rel::Mark && self.word_is(c, "whether"))
        });
        if let Some(c) = question {
            let why = if self.word_is(c, "?") {
                "a question"
            } else {
                "\"whether\""
            };
            q.set(Modality::Hypothetical, why);
        }
        let mut be_aux = None;
        for c in syn.children(v) {
            let rel = syn.rel(c);
            if !matches!(
                rel,
                Rel::Aux | Rel::AuxPass | Rel::Advmod | Rel::Mark | Rel::Cop
            ) {
                continue;
            }
            let classes = self.classes_from(c);
            let word = self.text(c);
            if matches!(rel, Rel::Advmod | Rel::Aux) && classes.has(WordClasses::NEGATOR) {
                q.negated = true;
                q.because.push(format!("negated by {word:?}"));
            }
            if rel == Rel::Aux && syn.xpos(c) == Xpos::MD {
                // "said it would cut taxes": reported "would" is the future of the past; in
                // words quoted as spoken it is the speaker's own conditional ("'I would look
                // at it as a one-day event,' said …").
                let reported_future =
                    matches!(word.to_ascii_lowercase().as_str(), "would" | "'d" | "’d")
                        && self
                            .reporting_verb_of(v)
                            .is_some_and(|r| !self.quoted_as_spoken(v, r));
                // "we can say", "I can confirm": the ability to report is the report.
                let can_report = word.eq_ignore_ascii_case("can") && self.is_report_verb(v);
                // "I would like to do more" is a wish stated, as "want to" is.
                let wish = classes.has(WordClasses::INTENT);
                if classes.has(WordClasses::FUTURE) || reported_future || wish {
                    q.set(Modality::Intended, &format!("future {word:?}"));
                } else if !can_report {
                    q.set(Modality::Hypothetical, &format!("modal {word:?}"));
                }
            } else if matches!(rel, Rel::Aux | Rel::Cop) && classes.has(WordClasses::FUTURE) {
                // "is set to", "are expected to", "is going to".
                q.set(Modality::Intended, &format!("future {word:?}"));
            } else if rel == Rel::Advmod
                && classes.has(WordClasses::HYPOTHETICAL)
                && !classes.has(WordClasses::ASPECT)
            {
                q.set(Modality::Hypothetical, &format!("adverb {word:?}"));
            }
            // A finite "be" ("are to ask", "are to be questioned"), not the "be" of a passive
            // infinitive ("likely to be welcomed").
            if matches!(rel, Rel::Aux | Rel::Cop)
                && syn.xpos(c) != Xpos::MD
                && self.is(c, WordClasses::PASSIVE_AUXILIARY)
            {
                be_aux = Some(c);
            }
            // "are to be questioned": the finite "be" of a passive whose own "be" follows "to".
            if rel == Rel::AuxPass
                && matches!(syn.xpos(c), Xpos::VBZ | Xpos::VBP | Xpos::VBD)
                && syn.xpos(v) == Xpos::VBN
                && syn
                    .children(v)
                    .any(|b| b > c && syn.rel(b) == Rel::AuxPass && syn.xpos(b) == Xpos::VB)
            {
                be_aux = Some(c);
            }
        }
        // "EU ministers meet on Thursday", "talks resume tomorrow": in running text a verb in
        // the simple present with a weekday or a coming time is a scheduled event, not yet
        // happened (headlines use the present for the past, so titles are left alone).
        let present = matches!(syn.xpos(v), Xpos::VBP | Xpos::VBZ)
            && !syn
                .children(v)
                .any(|c| matches!(syn.rel(c), Rel::Aux | Rel::AuxPass));
        if present && self.doc.sentences[self.index].kind != readout_doc::Kind::Title {
            // Anywhere in the verb's own clause: parsers attach "on Thursday" to the object
            // as often as to the verb.
            let coming = self.clause_span(v).any(|t| {
                self.is(t, WEEKDAYS_AND_COMING)
                    || self.toks.phrases[t].1.has(WordClasses::WEEK_PLUS_1)
            });
            if coming {
                q.set(Modality::Intended, "present tense with a coming day");
            }
        }
        // "before he is due to meet Mr Putin": a future phrase right before the verb makes it
        // a plan however the parser hung the verb (on "due" as a conjunct, for one).
        let future_phrase_before = (v.saturating_sub(4).max(self.range.start)..v).any(|t| {
            let (len, classes) = self.toks.phrases[t];
            len > 1 && t + len as usize == v && classes.has(WordClasses::FUTURE)
        });
        if future_phrase_before {
            q.set(Modality::Intended, "a future phrase before it");
        }
        // "The ministers are to ask …": be + to-infinitive is a plan.
        // "Officials are to be questioned by MPs": so is its passive.
        let be_to = be_aux.is_some_and(|be| {
            syn.children(v)
                .any(|c| c > be && c < v && syn.xpos(c) == Xpos::TO)
        });
        if be_to {
            q.set(Modality::Intended, "\"be to\"");
        }
    }

    /// The lexicon verb whose form starts at `v`, whatever the tagger made of the word.
    fn verb_form_at(&self, v: usize) -> Option<&readout_lexicon::Verb> {
        self.lex
            .verb_forms
            .longest(
                &self.toks.words[..self.range.end],
                &self.toks.caps[..self.range.end],
                v,
            )
            .and_then(|m| m.values().last().copied())
            .map(|f| &self.lex.verbs[f.verb as usize])
    }

    /// Whether `v` is a form of a reporting verb ("say", "confirm").
    fn is_report_verb(&self, v: usize) -> bool {
        self.verb_form_at(v).is_some_and(|verb| verb.report)
    }

    /// What the verb at `v` makes of the event it governs (the lexicon's `complement:`).
    pub(crate) fn complement_of(&self, v: usize) -> Option<Complement> {
        self.verb_form_at(v).and_then(|verb| verb.complement)
    }

    /// Whether clause `k` is the content of hearsay noun `h` ("reports (that) he quit"), not a
    /// relative clause about it ("reports which he denied").
    fn hearsay_content(&self, k: usize, h: usize) -> Option<usize> {
        let syn = self.syn;
        // Parsers also hang the clause beside the noun, from the noun's verb ("dismissed
        // reports | he told Brown"): the noun is then the word right before the clause.
        let before = syn.extent(k).start.checked_sub(1);
        let noun = match syn.rel(k) {
            Rel::Acl | Rel::AclRelcl => h,
            Rel::Ccomp if self.is(h, WordClasses::HEARSAY) => h,
            Rel::Parataxis | Rel::Ccomp => before.filter(|&n| syn.head(n) == Some(h))?,
            _ => return None,
        };
        let h = noun;
        // A noun, or a word the tagger took for a verb standing where a noun stands.
        let content = (syn.upos(h) == Upos::NOUN
            || matches!(
                syn.rel(h),
                Rel::Obj | Rel::Nsubj | Rel::NsubjPass | Rel::Obl
            ))
            && self.is(h, WordClasses::HEARSAY)
            && !syn.children(k).any(|c| {
                let relative = matches!(syn.xpos(c), Xpos::WDT | Xpos::WP | Xpos::WPS);
                // "that" is a relative pronoun only when it fills a gap: the subject, or an
                // object the clause has no other of ("reports that he denied").
                let gap = match syn.rel(c) {
                    Rel::Nsubj | Rel::NsubjPass => true,
                    Rel::Obj => syn.children(k).filter(|&o| syn.rel(o) == Rel::Obj).count() == 1,
                    _ => false,
                };
                syn.xpos(c) == Xpos::TO || (relative && (!self.word_is(c, "that") || gap))
            });
        content.then_some(noun)
    }

    /// Negation and modality of predicate `v`.
    pub fn qualifiers(&self, v: usize) -> Qualifiers {
        let syn = self.syn;
        let mut q = Qualifiers::default();
        self.own_qualifiers(v, &mut q);
        // The predicate of an "if" or "unless" clause (not of an "as X suggested" aside that
        // a parser hung in one).
        let aside = syn
            .children(v)
            .any(|c| syn.rel(c) == Rel::Mark && self.word_is(c, "as"));
        if let Some(m) = syn
            .children(v)
            .find(|&c| syn.rel(c) == Rel::Mark && self.conditional_mark(c))
            .filter(|_| !aside)
        {
            q.modality = Some(Modality::Conditional);
            q.because
                .push(format!("inside an {:?} clause", self.text(m)));
            return q;
        }
        // "It's like walking into a shop with a gun and saying …", "like watching the army
        // attack": a comparison (a clause marked "like", and what it holds or is coordinated
        // with) says what something resembles, not what happened.
        let mut k = Some(v);
        for _ in 0..MAX_CHAIN {
            let Some(c) = k else { break };
            if syn
                .children(c)
                .any(|m| syn.rel(m) == Rel::Mark && self.word_is(m, "like"))
            {
                q.set(Modality::Hypothetical, "a comparison (\"like\")");
                return q;
            }
            k = syn.head(c);
        }
        let mut k = v;
        for _ in 0..MAX_CHAIN {
            let Some(h) = syn.head(k) else { break };
            let rel = syn.rel(k);
            // Complements, and infinitives after a verb or a noun ("plans to meet", "the
            // decision to withdraw"), or a gerund after "to", "from" or "of" ("looks forward
            // to working", "refrained from attacking", "spoke of meeting").
            let complement = matches!(rel, Rel::Xcomp | Rel::Ccomp | Rel::Csubj)
                || (matches!(rel, Rel::Advcl | Rel::Acl)
                    && syn.children(k).any(|c| {
                        syn.xpos(c) == Xpos::TO
                            || (c + 1 == k
                                && syn.xpos(k) == Xpos::VBG
                                && matches!(syn.rel(c), Rel::Mark | Rel::Case)
                                && ["to", "from", "of"].iter().any(|w| self.word_is(c, w)))
                    }));
            // "accused Arland of attacking Carpath", "blamed the rebels for the attack": what
            // is alleged is not stated as fact, whether the parse hangs the clause on the
            // verb or on its object.
            if matches!(rel, Rel::Advcl | Rel::Acl | Rel::Obl | Rel::Nmod)
                && syn.children(k).any(|c| {
                    matches!(syn.rel(c), Rel::Mark | Rel::Case)
                        && (self.word_is(c, "of") || self.word_is(c, "for"))
                })
            {
                let accuser = std::iter::once(h)
                    .chain(syn.head(h).filter(|_| syn.upos(h) != Upos::VERB))
                    .find(|&v| self.complement_of(v) == Some(Complement::Alleged));
                if let Some(v) = accuser {
                    q.set(
                        Modality::Hypothetical,
                        &format!("alleged by {:?}", self.text(v)),
                    );
                    break;
                }
            }
            if rel == Rel::Advcl
                && syn
                    .children(k)
                    .any(|c| syn.rel(c) == Rel::Mark && self.conditional_mark(c))
            {
                q.modality = Some(Modality::Conditional);
                q.because.push(format!(
                    "inside an {:?} clause",
                    self.text(
                        syn.children(k)
                            .find(|&c| syn.rel(c) == Rel::Mark)
                            .unwrap_or(k)
                    )
                ));
                break;
            }
            if let Some(noun) = self.hearsay_content(k, h) {
                // "reports he told Brown he would quit": said, not stated as fact; and denied
                // when the hearsay is ("dismissed reports he told …").
                q.set(
                    Modality::Hypothetical,
                    &format!("content of {:?}", self.text(noun)),
                );
                if let Some(v) = syn.head(noun).filter(|_| syn.rel(noun) == Rel::Obj) {
                    if self.complement_of(v) == Some(Complement::Negated) {
                        q.negated = true;
                        q.because.push(format!("governed by {:?}", self.text(v)));
                    }
                }
                break;
            }
            if !complement {
                // Coordinated predicates share their auxiliaries ("will meet and sign").
                // Only a conjunct without a subject of its own shares them ("did not talk …,
                // said Sethi" does not negate the saying).
                let own_subject = syn
                    .children(k)
                    .any(|c| matches!(syn.rel(c), Rel::Nsubj | Rel::NsubjPass));
                // A conjunct with a tense of its own does not share them either ("maintains a
                // monitor and reported Wednesday" is no schedule).
                let own_tense = matches!(syn.xpos(k), Xpos::VBD | Xpos::VBZ | Xpos::VBP);
                if rel == Rel::Conj
                    && !own_subject
                    && !own_tense
                    && matches!(syn.upos(h), Upos::VERB | Upos::AUX)
                {
                    self.own_qualifiers(h, &mut q);
                    k = h;
                    continue;
                }
                break;
            }
            // What the governing verb makes of its complement.
            let governing = self.complement_of(h);
            let word = self.text(h);
            // "told X to leave" is a request, "told X that he left" a report: what a verb
            // makes of its complement holds for infinitives only, but a negation ("denied
            // that …") holds for any.
            let infinitive = rel == Rel::Xcomp
                || syn.children(k).any(|c| {
                    syn.xpos(c) == Xpos::TO || (syn.rel(c) == Rel::Mark && self.word_is(c, "to"))
                });
            // "pleaded guilty to failing to report" is a preposition before a gerund, no
            // request ("looks forward to working" is still a hope).
            let gerund = rel != Rel::Xcomp && syn.xpos(k) == Xpos::VBG;
            let governing = governing
                .filter(|c| infinitive || matches!(c, Complement::Negated | Complement::Alleged))
                .filter(|&c| !(gerund && c == Complement::Requested));
            // "too weak to attack", "had taken too long to unveil the plans": what "too" rules
            // out has not happened. Only "too" right before an adjective or adverb ("he too
            // wanted to meet" is no degree).
            let degree = |x: usize| {
                matches!(syn.upos(x), Upos::ADJ | Upos::ADV)
                    && x > 0
                    && self.word_is(x - 1, "too")
                    && syn.head(x - 1) == Some(x)
            };
            let too_much = infinitive
                && (degree(h)
                    || syn
                        .children(h)
                        .any(|c| syn.rel(c) == Rel::Advmod && degree(c)));
            if too_much && !q.negated {
                q.negated = true;
                q.because
                    .push(format!("ruled out by \"too\" with {word:?}"));
            }
            // "is said to be considering an offer", "is thought to be offering $2bn": what
            // others are said or believed to do is supposed, not stated as fact ("is expected
            // to" has a complement of its own: a plan).
            let to_infinitive = syn.children(k).any(|c| syn.xpos(c) == Xpos::TO);
            let hearsay = to_infinitive
                && governing.is_none()
                && super::args::is_passive(syn, h)
                && (self.is_report_verb(h) || self.lex.stances.contains(&self.toks.words[h]));
            if hearsay {
                q.set(Modality::Hypothetical, &format!("hearsay \"{word} to\""));
            }
            match governing {
                Some(Complement::Intended | Complement::Committed) => {
                    q.set(Modality::Intended, &format!("governed by {word:?}"))
                }
                Some(Complement::Requested) => {
                    q.set(Modality::Requested, &format!("requested by {word:?}"))
                }
                Some(Complement::Hypothetical) => {
                    q.set(Modality::Hypothetical, &format!("governed by {word:?}"))
                }
                Some(Complement::Alleged) => {
                    q.set(Modality::Hypothetical, &format!("alleged by {word:?}"))
                }
                Some(Complement::Negated) => {
                    q.negated = true;
                    q.because.push(format!("governed by {word:?}"));
                }
                None => {
                    let classes = std::iter::once(h)
                        .chain(
                            // "is set to", "is expected to" read as passives keep their
                            // auxiliary in `aux:pass`.
                            syn.children(h).filter(|&c| {
                                matches!(syn.rel(c), Rel::Aux | Rel::AuxPass | Rel::Cop) && c < h
                            }),
                        )
                        .fold(WordClasses::NONE, |a, t| a | self.classes_from(t));
                    if classes.has(WordClasses::NEGATOR) {
                        q.negated = true;
                        q.because.push(format!("governed by {word:?}"));
                    } else if classes.has(WordClasses::INTENT) || classes.has(WordClasses::FUTURE) {
                        q.set(Modality::Intended, &format!("governed by {word:?}"));
                    } else if classes.has(WordClasses::HYPOTHETICAL)
                        && !classes.has(WordClasses::ASPECT)
                    {
                        // "is likely to say", "may be about to".
                        q.set(Modality::Hypothetical, &format!("governed by {word:?}"));
                    }
                }
            }
            // The governing verb's own words qualify what it governs: "could agree to meet".
            let mut above = Qualifiers::default();
            self.own_qualifiers(h, &mut above);
            if above.negated && !q.negated {
                q.negated = true;
                q.because.extend(above.because.iter().cloned());
            }
            if let Some(m) = above.modality {
                q.set(m, &format!("governed by {word:?} ({})", m.as_str()));
            }
            k = h;
        }
        q
    }
}
