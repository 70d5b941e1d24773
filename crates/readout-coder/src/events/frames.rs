//! Frames: the lexicon's patterns (`+`, `with +`, `* sanctions on +`, `+ to withdraw * troops`)
//! matched against a predicate's own clause.
//!
//! Patterns are written as the words that follow a predicate. Two shapes, by far the most
//! common, are read as relations: `+` is the direct object (or indirect object), and
//! `prep +` is an oblique (for a noun, a modifier) introduced by that preposition, wherever
//! it stands ("met on Monday *with* Wang", "talks in Beijing *with* Russia"). Every pattern
//! is also matched word by word over the predicate's clause: the tokens the predicate
//! dominates after it, leaving out its subject and the clauses it embeds (reported speech,
//! adverbial and relative clauses, coordinated predicates), so a pattern never reaches into
//! another clause. In that reading `+` is an actor group, `*` skips up to six words (never a
//! named actor: an actor there is the predicate's own argument and another frame wants it).

use super::SentenceCtx;
use crate::actors::NounGroup;
use readout_lexicon::{Frame, PatternItem, WordClasses};
use readout_syntax::{Rel, Upos};

/// How many words `*` may skip.
const MAX_GAP: usize = 6;

/// A frame that fits, with its target group and the tokens its words matched.
#[derive(Debug, Clone)]
pub struct FrameMatch<'f, 'g> {
    /// The lexicon frame, which gives the event's CAMEO code.
    pub frame: &'f Frame,
    /// The group the pattern's `+` matched: the event's target. `None` for a pattern without
    /// `+`, a preposition standing alone, or a passive (whose subject is the target).
    pub target: Option<&'g NounGroup>,
    /// The tokens the pattern's words matched: a predicate among them is part of this frame
    /// ("declined *to comment*") and is not coded again.
    pub matched: Vec<usize>,
    /// How the target was found, for `readout explain`.
    pub how: &'static str,
}

/// Relations whose subtree is another clause (or the subject), left out of a predicate's own.
fn leaves_clause(rel: Rel) -> bool {
    matches!(
        rel,
        Rel::Nsubj
            | Rel::NsubjPass
            | Rel::NsubjOuter
            | Rel::Csubj
            | Rel::Ccomp
            | Rel::Advcl
            | Rel::AdvclRelcl
            | Rel::AclRelcl
            | Rel::Parataxis
            | Rel::List
            | Rel::Discourse
            | Rel::Dislocated
            | Rel::Vocative
            | Rel::Reparandum
    )
}

impl<'g> SentenceCtx<'g> {
    /// The span of the clause an event happens in, for the dates and places later stages look
    /// for: the clause of the verb (an event noun's governing verb: "the invasion *began in
    /// 2022*"), from its leftmost to its rightmost own dependent, leaving out the clauses it
    /// embeds ("said *on Monday* that troops attacked *last year*").
    pub fn clause_span(&self, predicate: usize) -> std::ops::Range<usize> {
        let syn = self.syn;
        let mut head = predicate;
        if !matches!(syn.upos(head), readout_syntax::Upos::VERB) {
            let mut k = head;
            for _ in 0..3 {
                match syn.head(k) {
                    Some(h) => {
                        k = h;
                        if matches!(syn.upos(k), readout_syntax::Upos::VERB) {
                            head = k;
                            break;
                        }
                    }
                    None => break,
                }
            }
        }
        let (mut lo, mut hi) = (head.min(predicate), head.max(predicate));
        for c in syn.children(head) {
            if leaves_clause(syn.rel(c)) && !matches!(syn.rel(c), Rel::Nsubj | Rel::NsubjPass) {
                continue;
            }
            if syn.rel(c) == Rel::Conj && matches!(syn.upos(c), readout_syntax::Upos::VERB) {
                continue;
            }
            let e = syn.extent(c);
            lo = lo.min(e.start);
            hi = hi.max(e.end - 1);
        }
        lo..hi + 1
    }

    /// The tokens of predicate `head`'s own clause after `after`, in text order.
    pub fn clause_after(&self, head: usize, after: usize, out: &mut Vec<usize>) {
        out.clear();
        let syn = self.syn;
        let extent = syn.extent(head);
        for t in after.max(extent.start)..extent.end.min(self.range.end) {
            // Walk up to the predicate; any clause boundary on the way leaves `t` out.
            let mut k = t;
            let mut inside = true;
            for _ in 0..64 {
                if k == head {
                    break;
                }
                let h = match syn.head(k) {
                    Some(h) => h,
                    None => {
                        inside = false;
                        break;
                    }
                };
                // A conjunct of the predicate itself is another predicate ("met … and
                // signed …"); a conjunct inside an argument is part of it ("Russia and Iran").
                // "challenged Brown to deny" with the infinitive read as adverbial: still the
                // verb's complement, as "+ to" patterns expect.
                let complement = h == head && super::args::controlling_object(syn, k).is_some();
                if (leaves_clause(syn.rel(k)) && !complement)
                    || (syn.rel(k) == Rel::Conj && h == head)
                {
                    inside = false;
                    break;
                }
                // A bare time stands anywhere ("sent a letter Thursday to …"): patterns read
                // past it.
                if h == head && syn.rel(k) == Rel::OblUnmarked && self.is_day_or_month_name(k) {
                    inside = false;
                    break;
                }
                k = h;
            }
            if inside && k == head {
                out.push(t);
            }
        }
    }

    /// The group that an argument token stands for, if it names an actor: the actor itself,
    /// or the owner of the thing acted on ("criticised *Defra's* approach", "seize land owned
    /// by *a British company*", "the plans of *the government*").
    fn actor_group(&self, t: usize) -> Option<&'g NounGroup> {
        let syn = self.syn;
        // A country named as a place ("at Saudi Arabia") is the country when a frame wants it.
        let actor = |k: usize| {
            self.group_at(k)
                .filter(|g| g.is_actor() || g.speaker_pronoun || g.entity.is_some())
        };
        if let Some(g) = actor(t) {
            return Some(g);
        }
        // "condemned what it called manoeuvres by China": a free relative stands for the
        // object of its clause.
        if matches!(syn.xpos(t), readout_syntax::Xpos::WP) {
            if let Some(inner) = syn
                .children(t)
                .find(|&c| syn.rel(c) == Rel::AclRelcl)
                .and_then(|r| super::args::object(syn, r))
            {
                return self.actor_group_depth(inner, 1);
            }
        }
        self.actor_group_depth(t, 1)
    }

    /// The owner of the thing at `t` (see [`Self::actor_group`]), `depth` steps down.
    fn actor_group_depth(&self, t: usize, depth: usize) -> Option<&'g NounGroup> {
        let syn = self.syn;
        let actor = |k: usize| {
            self.group_at(k)
                .filter(|g| g.is_actor() || g.speaker_pronoun || g.entity.is_some())
        };
        if depth > 1 {
            if let Some(g) = actor(t) {
                return Some(g);
            }
        }
        for c in syn.children(t) {
            let owner = match syn.rel(c) {
                Rel::NmodPoss if c < t => actor(c),
                // "the plans of the government", "manoeuvres by Chinese vessels", "fears from
                // some Conservatives".
                Rel::Nmod
                    if c > t
                        && syn.case_of(c).is_some_and(|p| {
                            self.word_is(p, "of")
                                || self.word_is(p, "by")
                                || self.word_is(p, "from")
                        }) =>
                {
                    actor(c)
                }
                Rel::Acl if syn.xpos(c) == readout_syntax::Xpos::VBN => {
                    super::args::by_agent(syn, c, |k| self.word_is(k, "by")).and_then(actor)
                }
                _ => None,
            };
            if owner.is_some() {
                return owner;
            }
        }
        // "seize land owned by a British company", "dismissed fears | from some
        // Conservatives": parsers often hang the participle or the phrase on the verb instead
        // of the noun it follows.
        let next = syn.extent(t).end;
        let verb = syn
            .head(t)
            .filter(|_| depth == 1 && next < self.range.end)?;
        if syn.head(next) == Some(verb)
            && syn.rel(next) == Rel::Xcomp
            && syn.xpos(next) == readout_syntax::Xpos::VBN
        {
            return super::args::by_agent(syn, next, |k| self.word_is(k, "by")).and_then(actor);
        }
        let phrase = syn.head(next).filter(|&n| {
            syn.head(n) == Some(verb)
                && syn.rel(n) == Rel::Obl
                && syn.case_of(n) == Some(next)
                && (self.word_is(next, "of") || self.word_is(next, "from"))
        })?;
        actor(phrase)
    }

    /// The first frame (longest pattern first) that fits predicate `head`, whose form ends at
    /// `form_end`. `noun` tells whether the predicate is an event noun.
    pub fn match_frames<'f>(
        &self,
        frames: &'f [Frame],
        head: usize,
        form_end: usize,
        noun: bool,
        clause: &mut Vec<usize>,
    ) -> Option<FrameMatch<'f, 'g>> {
        self.clause_after(head, form_end, clause);
        let mut order: Vec<&'f Frame> = frames.iter().collect();
        order.sort_by_key(|f| std::cmp::Reverse(f.pattern.len()));
        let found = order.into_iter().find_map(|f| {
            self.match_by_relation(f, head, noun)
                .or_else(|| self.match_linear(f, clause))
        })?;
        if found.frame.pattern.contains(&PatternItem::Target) {
            return Some(found);
        }
        // "backed Mr Brown's plan": where a pattern without a target (`* plan`) and the bare
        // object (`+`) give the same code, the object that names whose plan it is says more.
        let with_target = frames
            .iter()
            .filter(|f| f.code == found.frame.code && f.pattern == [PatternItem::Target])
            .find_map(|f| {
                self.match_by_relation(f, head, noun)
                    .or_else(|| self.match_linear(f, clause))
            });
        Some(with_target.unwrap_or(found))
    }

    /// The frame of a passive ("X was held in custody by Y"): the passive subject stands for the
    /// pattern's leading `+`, and the rest of the pattern must follow the verb. Longest first.
    pub fn match_passive<'f>(
        &self,
        frames: &'f [Frame],
        head: usize,
        form_end: usize,
        clause: &mut Vec<usize>,
    ) -> Option<FrameMatch<'f, 'g>> {
        self.clause_after(head, form_end, clause);
        let mut order: Vec<&'f Frame> = frames
            .iter()
            .filter(|f| f.pattern.first() == Some(&PatternItem::Target))
            .collect();
        order.sort_by_key(|f| std::cmp::Reverse(f.pattern.len()));
        order.into_iter().find_map(|f| {
            let mut matched = Vec::new();
            self.match_items(&f.pattern[1..], clause, 0, &mut matched)?;
            Some(FrameMatch {
                frame: f,
                target: None,
                matched,
                how: "passive subject",
            })
        })
    }

    /// `+` as the object, `prep +` as an oblique or modifier with that preposition.
    fn match_by_relation<'f>(
        &self,
        frame: &'f Frame,
        head: usize,
        noun: bool,
    ) -> Option<FrameMatch<'f, 'g>> {
        let syn = self.syn;
        match frame.pattern.as_slice() {
            [PatternItem::Target] if !noun => {
                let obj = super::args::object(syn, head)?;
                let target = self.actor_group(obj)?;
                Some(FrameMatch {
                    frame,
                    target: Some(target),
                    matched: Vec::new(),
                    how: "object",
                })
            }
            [PatternItem::Word(w), PatternItem::Target] => {
                let arg = self.phrase_with_case(head, noun, *w)?;
                let target = self.actor_group(arg)?;
                let case = syn.case_of(arg).expect("found by its case");
                Some(FrameMatch {
                    frame,
                    target: Some(target),
                    matched: vec![case],
                    how: if noun { "modifier" } else { "oblique" },
                })
            }
            // "argued vociferously against the move": a preposition alone is an oblique it
            // introduces, wherever it stands, whatever it names.
            // A complementizer alone is the clause it opens ("protested *that* the rules were
            // unfair").
            [PatternItem::Word(w)] if !noun => {
                let word_at = |t: usize| self.toks.words[t] == *w;
                let oblique = syn.children(head).filter(|&c| c > head).find_map(|c| {
                    syn.case_of(c)
                        .filter(|&p| syn.rel(c) == Rel::Obl && word_at(p))
                        .map(|p| (vec![p], "oblique"))
                });
                // Only the complementizer is the frame's: the clause's own verb is still coded
                // ("agreed Russia had attacked Georgia").
                let clause = || {
                    self.finite_complement(head, *w)
                        .map(|(_, mark)| (mark.into_iter().collect(), "clause"))
                };
                let (matched, how) = oblique.or_else(clause)?;
                Some(FrameMatch {
                    frame,
                    target: None,
                    matched,
                    how,
                })
            }
            // An event noun's preposition alone: its modifier with it, or the oblique of the
            // verb the noun is the object of ("made calls | for a referendum").
            [PatternItem::Word(w)] => {
                let phrase = self.phrase_with_case(head, noun, *w)?;
                let case = syn.case_of(phrase).expect("found by its case");
                Some(FrameMatch {
                    frame,
                    target: None,
                    matched: vec![case],
                    how: "modifier",
                })
            }
            _ => None,
        }
    }

    /// The finite clause after verb `head` that complementizer `w` opens, with its
    /// complementizer token: a complement, or an adverbial clause as the parser often reads a
    /// "that" clause, but not "so that" (a purpose). English often leaves "that" out ("agreed
    /// the act was discriminatory"): a complement with a subject of its own counts too.
    pub fn finite_complement(&self, head: usize, w: u32) -> Option<(usize, Option<usize>)> {
        if !self.lex.classes(w).has(WordClasses::COMPLEMENTIZER) {
            return None;
        }
        let syn = self.syn;
        syn.children(head)
            .filter(|&c| c > head)
            .find_map(|c| match syn.child(c, Rel::Mark) {
                Some(m) => (matches!(syn.rel(c), Rel::Ccomp | Rel::Advcl)
                    && self.toks.words[m] == w
                    && self.is(m, WordClasses::COMPLEMENTIZER)
                    && !(m > 0 && self.word_is(m - 1, "so")))
                .then_some((c, Some(m))),
                None => ((syn.rel(c) == Rel::Ccomp && syn.child(c, Rel::Nsubj).is_some())
                    || self.finite_xcomp(c))
                .then_some((c, None)),
            })
    }

    /// "agreed the Act *was discriminatory*": a complement the parser took for an object and
    /// a predicate after it (`xcomp`) is a clause of its own when its copula or auxiliary is
    /// finite, as no `xcomp` is.
    fn finite_xcomp(&self, c: usize) -> bool {
        use readout_syntax::Xpos;
        let syn = self.syn;
        syn.rel(c) == Rel::Xcomp
            && syn.children(c).any(|a| {
                matches!(syn.rel(a), Rel::Cop | Rel::Aux)
                    && matches!(syn.xpos(a), Xpos::VBD | Xpos::VBZ | Xpos::VBP | Xpos::MD)
            })
    }

    /// The phrase after predicate `head` that preposition `w` introduces: an oblique of a verb,
    /// or a modifier of an event noun, which the parser often hangs on the noun's light verb
    /// instead ("held talks | with Russia").
    fn phrase_with_case(&self, head: usize, noun: bool, w: u32) -> Option<usize> {
        let syn = self.syn;
        let verb = syn.verb_of_argument(head).filter(|_| noun);
        syn.children(head)
            .chain(verb.into_iter().flat_map(|h| syn.children(h)))
            .filter(|&c| c > head)
            .find(|&c| {
                matches!(syn.rel(c), Rel::Obl | Rel::OblAgent | Rel::Nmod)
                    && syn.case_of(c).is_some_and(|p| self.toks.words[p] == w)
            })
    }

    /// Whether a group is a modifier of a noun after it: its head (the word whose head lies
    /// outside it) is a compound, adjective or possessive of a later word.
    fn modifies_later(&self, g: &NounGroup) -> bool {
        let syn = self.syn;
        let inside = g.tokens.clone();
        syn.phrase_head(inside.clone()).is_some_and(|h| {
            matches!(syn.rel(h), Rel::Compound | Rel::Amod | Rel::NmodPoss)
                && syn.head(h).is_some_and(|up| up >= inside.end)
        })
    }

    /// The pattern word by word over the predicate's clause.
    fn match_linear<'f>(&self, frame: &'f Frame, clause: &[usize]) -> Option<FrameMatch<'f, 'g>> {
        let mut matched = Vec::new();
        let target = self.match_items(&frame.pattern, clause, 0, &mut matched)?;
        Some(FrameMatch {
            frame,
            target,
            matched,
            how: "words",
        })
    }

    /// `Some(target)` when `items` match `clause[pos..]`.
    fn match_items(
        &self,
        items: &[PatternItem],
        clause: &[usize],
        pos: usize,
        matched: &mut Vec<usize>,
    ) -> Option<Option<&'g NounGroup>> {
        let Some((first, rest)) = items.split_first() else {
            return Some(None);
        };
        match *first {
            PatternItem::Word(w) => {
                let t = *clause.get(pos)?;
                if self.toks.words[t] != w {
                    return None;
                }
                matched.push(t);
                let m = self.match_items(rest, clause, pos + 1, matched);
                if m.is_none() {
                    matched.pop();
                }
                m
            }
            PatternItem::Target => {
                let mut p = pos;
                let t = *clause.get(p)?;
                if self.is(t, WordClasses::DETERMINER) && self.group_at(t).is_none() {
                    p += 1;
                }
                let t = *clause.get(p)?;
                let direct = self.group_at(t).filter(|g| {
                    g.tokens.start == t && (g.is_actor() || g.speaker_pronoun || g.entity.is_some())
                });
                let (g, end) = match direct {
                    Some(g) => (g, g.tokens.end),
                    None => {
                        // "a shot at the de Blasio administration": the phrase starting here
                        // stands for its head noun, or the owner of what it names.
                        let syn = self.syn;
                        let mut h = t;
                        while matches!(
                            syn.rel(h),
                            Rel::Det
                                | Rel::Amod
                                | Rel::Compound
                                | Rel::NmodPoss
                                | Rel::Flat
                                | Rel::Nummod
                        ) {
                            match syn.head(h) {
                                Some(up) if up > h && up < self.range.end => h = up,
                                _ => break,
                            }
                        }
                        if h == t && !matches!(syn.upos(h), Upos::NOUN | Upos::PROPN) {
                            return None;
                        }
                        let g = self.actor_group(h)?;
                        (g, (h + 1).max(g.tokens.end))
                    }
                };
                // Continue after the group's last token in the clause.
                let next = clause[p..]
                    .iter()
                    .position(|&k| k >= end)
                    .map_or(clause.len(), |i| p + i);
                self.match_items(rest, clause, next, matched)
                    .map(|found| found.or(Some(g)))
            }
            PatternItem::Gap => {
                for k in 0..=MAX_GAP {
                    if pos + k > clause.len() {
                        break;
                    }
                    // Never skip a named actor, unless it only modifies a noun after it
                    // ("ordered a police probe", "a Crime Branch probe").
                    if k > 0 {
                        let skipped = clause[pos + k - 1];
                        if self
                            .group_at(skipped)
                            .is_some_and(|g| g.is_actor() && !g.pronoun && !self.modifies_later(g))
                        {
                            break;
                        }
                    }
                    if let Some(found) = self.match_items(rest, clause, pos + k, matched) {
                        return Some(found);
                    }
                }
                None
            }
        }
    }
}
