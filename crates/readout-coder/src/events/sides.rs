//! Sides: the actors an argument phrase names.
//!
//! The parse gives the head of each argument ("minister" in "Russia's foreign minister",
//! "Kennedy" in "Lib Dem leader Charles Kennedy", "some" in "some of the party's MPs"); the
//! noun groups give the actors. A side is the group that covers the head, else a group among
//! the head's modifiers ("the Kremlin's envoy"), else, for a word that only picks out part
//! of a group ("some of", "members of", "the head of"), the group after "of"; coordinated
//! phrases ("Labour and the Liberal Democrats") add their members.

use super::SentenceCtx;
use crate::actors::NounGroup;
use readout_doc::Span;
use readout_lexicon::WordClasses;
use readout_syntax::{Rel, Upos};

/// One side of an event before it is written to the document.
#[derive(Debug, Clone)]
pub struct Side {
    /// The actors the phrase names (indices into `Document::actors`): one, or several for a
    /// pair or a coordination ("Labour and the Liberal Democrats").
    pub entities: Vec<u32>,
    /// The bytes of `Document::text` that name them, from the first group to the last.
    pub span: Span,
    /// "no major party condemned …": the event is negated.
    pub negative_determiner: bool,
}

/// Month and weekday names, and relative date words ("Monday", "March", "yesterday").
const DATE_WORDS: u128 = classes_from_to(WordClasses::MONTH_01, WordClasses::PERIOD_LATE);

/// Month and weekday names only ("Monday", "March"), which, unlike "today", do not also name
/// things ("BBC Radio 4's Today").
const DAY_AND_MONTH_NAMES: u128 = classes_from_to(WordClasses::MONTH_01, WordClasses::WEEKDAY_6);

/// The bits of the word classes from `first` to `last`, both single classes, in bit order.
const fn classes_from_to(first: WordClasses, last: WordClasses) -> u128 {
    let mut bits = 0u128;
    let mut b = first.0.trailing_zeros();
    while b <= last.0.trailing_zeros() {
        bits |= 1 << b;
        b += 1;
    }
    bits
}

/// How deep [`side_at`] follows "of" phrases, appositions and conjuncts.
const MAX_DEPTH: usize = 4;

impl SentenceCtx<'_> {
    /// Whether token `t` names a date ("Monday", "March", "yesterday").
    pub fn is_date_word(&self, t: usize) -> bool {
        self.toks.classes[t].0 & DATE_WORDS != 0
    }

    /// Whether token `t` is a weekday or month name.
    pub fn is_day_or_month_name(&self, t: usize) -> bool {
        self.toks.classes[t].0 & DAY_AND_MONTH_NAMES != 0
    }

    /// The side a group stands for; `None` for unresolved groups (a country named as a place
    /// stands for the country: callers that want actors only check [`NounGroup::is_actor`]).
    pub fn side_of_group(&self, g: &NounGroup) -> Option<Side> {
        let entities = if g.speaker_pronoun {
            self.speaker.into_iter().collect()
        } else {
            g.entities()
        };
        if entities.is_empty() {
            return None;
        }
        // "any chancellor would use his budget to …", "any government": whoever it may be
        // is no one in particular.
        if g.tokens.start > self.range.start && self.word_is(g.tokens.start - 1, "any") {
            return None;
        }
        // "no major political party": a negative determiner within the three words before.
        let from = g.tokens.start.saturating_sub(3).max(self.range.start);
        let negative_determiner =
            (from..g.tokens.start).any(|t| self.is(t, WordClasses::NEGATIVE_DETERMINER));
        Some(Side {
            entities,
            span: self.span(g.tokens.clone()),
            negative_determiner,
        })
    }

    /// The speaker of reporting verb `v`: its subject, or in an inverted report ("…,” said
    /// Mr Mukerjee) the actor after it, which a parser may read as the verb's object.
    pub fn speaker_of(&self, v: usize) -> Option<Side> {
        let subject = super::args::subject(self.syn, v);
        // "Arland condemned Carpath, said the government" read as two coordinated verbs: the
        // phrase after the report speaks, not the subject of the clause it reports.
        if subject.is_none_or(|(_, via)| via == super::args::Via::Coordination) {
            if let Some(side) = self.inverted_speaker(v) {
                return Some(side);
            }
        }
        subject.and_then(|(s, _)| self.side_at(s))
    }

    /// The speaker after a reporting verb that follows a comma, colon or quote ("…, said the
    /// spokesman"), however the parser attached it.
    pub fn inverted_speaker(&self, v: usize) -> Option<Side> {
        self.side_at(self.inverted_speaker_head(v)?)
    }

    /// The head of the phrase after an inverted reporting verb ("…,” said *the spokesman*),
    /// actor or not.
    pub fn inverted_speaker_head(&self, v: usize) -> Option<usize> {
        let inverted = v > self.range.start
            && (matches!(self.text(v - 1), "," | ":")
                || self.doc.tokens[v - 1].has(readout_doc::token_flags::QUOTE));
        if !inverted {
            return None;
        }
        self.syn.children(v).find(|&c| {
            c > v
                && matches!(
                    self.syn.rel(c),
                    Rel::Obj | Rel::Iobj | Rel::Nsubj | Rel::Dep
                )
        })
    }

    /// The actor group ending right before a verb the parse gives no subject ("On Monday
    /// Afghanistan condemned …" read with "Afghanistan" as an oblique): a repair for parse
    /// errors, used only for finite verbs with no subject by any other route.
    pub fn subject_before(&self, v: usize) -> Option<Side> {
        use readout_syntax::Xpos;
        let finite = matches!(self.syn.xpos(v), Xpos::VBD | Xpos::VBZ | Xpos::VBP);
        if !finite && !super::args::misread_modifier(self.syn, v) {
            return None;
        }
        let mut k = v;
        // Skip adverbs, auxiliaries, commas and time phrases between the subject and the verb
        // ("Imran Khan, on Wednesday, ridiculed …").
        let time = |t: usize| self.is_date_word(t) || self.is(t, WordClasses::PREPOSITION);
        while k > self.range.start
            && self.group_at(k - 1).is_none()
            && (matches!(
                self.syn.upos(k - 1),
                Upos::ADV | Upos::AUX | Upos::PART | Upos::NUM
            ) || self.text(k - 1) == ","
                || time(k - 1))
        {
            k -= 1;
        }
        let g = self.group_at(k.checked_sub(1)?)?;
        if !g.is_actor() || g.after_preposition || g.possessor {
            return None;
        }
        self.side_of_group(g)
    }

    /// The doer of the act a reaction by `source` is aimed at, when verb `v` names the act
    /// instead ("Christian Aid condemned the move", "airlines reacted against the proposed
    /// levy"): coders code the reaction against whoever made the move. The act is a definite
    /// policy word (`evaluation thing`) with no actor in its phrase, as the verb's object or
    /// after "against", "to", "over", "on" or "about"; its doer is the latest other actor
    /// that was the subject of a main clause in the two sentences before.
    pub fn doer_of_act(&self, v: usize, source: &Side) -> Option<Side> {
        const PREPOSITIONS: [&str; 5] = ["against", "to", "over", "on", "about"];
        const DEFINITE: [&str; 5] = ["the", "this", "that", "these", "those"];
        let syn = self.syn;
        let act = syn.children(v).find(|&c| {
            let placed = match syn.rel(c) {
                Rel::Obj => syn.case_of(c).is_none(),
                Rel::Obl => syn
                    .case_of(c)
                    .is_some_and(|p| PREPOSITIONS.iter().any(|w| self.word_is(p, w))),
                _ => false,
            };
            placed
                && syn.upos(c) == Upos::NOUN
                && self.lex.judged_things.contains(&self.toks.words[c])
        })?;
        let definite = syn
            .children(act)
            .any(|c| syn.rel(c) == Rel::Det && DEFINITE.iter().any(|w| self.word_is(c, w)));
        // "the plans of the council", "the idea that …", "the decision to send": the phrase
        // says whose act or what act it is, and the sentences before need not.
        let described = syn.children(act).any(|c| {
            matches!(syn.rel(c), Rel::NmodPoss | Rel::Acl | Rel::AclRelcl)
                || (c > act && syn.rel(c) == Rel::Nmod)
        });
        if !definite || described || self.side_at(act).is_some() {
            return None;
        }
        // A speaker reports the act; the doer is the one who did it. A move is made by a body
        // or an official with a role, not by "workers" or "business leaders" at large.
        let speaker = |verb: usize| self.verb_at(verb).is_some_and(|v| v.report);
        let maker = |e: u32| {
            let a = &self.doc.actors[e as usize];
            let crowd = a.key.starts_with("code:") && super::code::private_interest(a);
            let unknown = a.sectors.is_empty() && a.unlisted;
            !unknown && !crowd
        };
        let doer = self
            .coref
            .doer_before(self.index, 2, &source.entities, speaker)
            .filter(|&e| maker(e))?;
        Some(Side {
            entities: vec![doer],
            span: self.span(syn.extent(act).start..act + 1),
            negative_determiner: false,
        })
    }

    /// The actors named by the phrase headed by token `t`.
    pub fn side_at(&self, t: usize) -> Option<Side> {
        self.side_at_depth(t, 0)
    }

    fn side_at_depth(&self, t: usize, depth: usize) -> Option<Side> {
        if depth > MAX_DEPTH || !self.range.contains(&t) {
            return None;
        }
        let side = self.head_side(t, depth);
        self.with_conjuncts(t, side, depth)
    }

    /// The side of a frame's target group together with the phrases coordinated with it:
    /// "visited Tanzania, Mozambique and Kenya" acts on all three.
    pub fn target_side(&self, g: &NounGroup) -> Option<Side> {
        let syn = self.syn;
        let side = self.side_of_group(g);
        // The group's head: its token whose head lies outside it.
        let head = g
            .tokens
            .clone()
            .find(|&t| syn.head(t).is_none_or(|h| !g.tokens.contains(&h)))?;
        // Only a coordination that "and" (or "as well as") closes, which adds to the target:
        // "advises the Trump Organization, Michael Best & Friedrich, is …" is an apposition
        // read as one, "voted not for Kilroy-Silk but for the UKIP" a contrast, "Iraq or
        // Iran" one or the other.
        let coordinated = syn.children(head).any(|c| {
            syn.rel(c) == Rel::Conj
                && syn
                    .child(c, Rel::Cc)
                    .is_some_and(|k| self.toks.phrase_len(k, WordClasses::COORDINATOR).is_some())
        });
        if !coordinated || !matches!(syn.upos(head), Upos::NOUN | Upos::PROPN | Upos::PRON) {
            return side;
        }
        self.with_conjuncts(head, side, 0)
    }

    /// `side` (the side of the phrase headed by `t`, if any) with the actors of the phrases
    /// coordinated with `t` added: "Labour and the Liberal Democrats", "China, Russia and Iran".
    fn with_conjuncts(&self, t: usize, mut side: Option<Side>, depth: usize) -> Option<Side> {
        let syn = self.syn;
        let one_person = side.as_ref().is_some_and(|s| {
            s.entities.len() == 1
                && self.doc.actors[s.entities[0] as usize]
                    .key
                    .starts_with("person:")
        });
        for c in syn.children(t).filter(|&c| syn.rel(c) == Rel::Conj) {
            if one_person && self.describes_as_role(c) {
                continue;
            }
            if let Some(other) = self.side_at_depth(c, depth + 1) {
                side = Some(match side {
                    None => other,
                    Some(mut s) => {
                        for e in other.entities {
                            if !s.entities.contains(&e) {
                                s.entities.push(e);
                            }
                        }
                        s.span = Span {
                            start: s.span.start.min(other.span.start),
                            end: s.span.end.max(other.span.end),
                        };
                        s
                    }
                });
            }
        }
        side
    }

    /// Whether conjunct `c` of a person is a bare singular role with no determiner: an
    /// apposition the parser read as coordination ("David Learmount, operations and safety
    /// editor"; "Kamal Nath, Commerce and Industry Minister"), which describes the person and
    /// is no second actor. "Mr Blair and the home secretary", "Mr Blair and ministers" are two.
    fn describes_as_role(&self, c: usize) -> bool {
        let syn = self.syn;
        self.group_at(c)
            .is_some_and(|g| g.role.is_some() && g.tokens.end == c + 1)
            && syn.xpos(c) != readout_syntax::Xpos::NNS
            && !syn.children(c).any(|d| syn.rel(d) == Rel::Det)
    }

    /// The side of the head itself, without its conjuncts.
    fn head_side(&self, t: usize, depth: usize) -> Option<Side> {
        let syn = self.syn;
        if let Some(g) = self.group_at(t) {
            // A bare role that speaks for a named body: "a spokesman for the Chinese foreign
            // ministry", "the head of the agency" is that body.
            let bare_role = g.role.is_some()
                && g.entity
                    .is_some_and(|e| self.doc.actors[e as usize].country.is_none());
            if bare_role && self.lex.partitives.contains(&self.toks.words[t]) {
                let body = syn.children(t).filter(|&c| c > t).find_map(|c| {
                    let part_of = syn.rel(c) == Rel::Nmod
                        && syn
                            .case_of(c)
                            .is_some_and(|p| self.word_is(p, "of") || self.word_is(p, "for"));
                    part_of.then(|| self.side_at_depth(c, depth + 1)).flatten()
                });
                if body.is_some() {
                    return body;
                }
            }
            if g.is_actor() || g.speaker_pronoun {
                return self.side_of_group(g);
            }
            if g.place.is_some() {
                // "Bihar announced a lockdown": a state acting as the subject (see
                // `acting_government`).
                return g
                    .government
                    .filter(|_| super::args::is_subject(syn.rel(t)))
                    .map(|actor| Side {
                        entities: vec![actor],
                        span: self.span(g.tokens.clone()),
                        negative_determiner: false,
                    });
            }
        }
        if !matches!(
            syn.upos(t),
            Upos::NOUN | Upos::PROPN | Upos::PRON | Upos::NUM | Upos::ADJ | Upos::DET
        ) {
            return None;
        }
        // A modifier group before the head: "the Kremlin's envoy", "British officials",
        // "Labour's campaign spokesman".
        // A name the parser split off the head ("Monday Spain" read as one name) counts too.
        // A compound modifies a common noun without making it an actor ("consumer prices" are
        // no consumers), unless the noun picks out members of it ("NATO members").
        let partitive = matches!(syn.upos(t), Upos::DET | Upos::PRON | Upos::NUM | Upos::ADJ)
            || self.lex.partitives.contains(&self.toks.words[t]);
        // "Mr Glazer's backers", "supporters of Mr Howard", "the prime minister's wife": a
        // person's associates are others, whether the person is named or a title stands for
        // them.
        let associate = self.lex.associates.contains(&self.toks.words[t]);
        let person = |g: &NounGroup, head: usize| {
            self.is(head, WordClasses::HONORIFIC)
                || g.entity
                    .is_some_and(|e| self.doc.actors[e as usize].key.starts_with("person:"))
        };
        let common_noun = syn.upos(t) == Upos::NOUN && !partitive;
        for c in syn.children(t).rev() {
            let modifier = c < t
                && (matches!(syn.rel(c), Rel::NmodPoss | Rel::Amod | Rel::Flat)
                    || (syn.rel(c) == Rel::Compound && !common_noun));
            let split_name = c > t && matches!(syn.rel(c), Rel::Flat | Rel::Compound);
            if !(modifier || split_name) {
                continue;
            }
            if let Some(g) = self.group_at(c).filter(|g| g.is_actor()) {
                if associate && person(g, c) {
                    continue;
                }
                return self.side_of_group(g);
            }
        }
        // "The head of the state oil company, Yury Boyko, said": the person the apposition
        // names is the one who acts (for the body, as the person's own code says). Parsers
        // also hang the name on the body, which no person is in apposition to.
        if partitive {
            let of_phrases = syn
                .children(t)
                .filter(|&c| c > t && syn.rel(c) == Rel::Nmod);
            let named = std::iter::once(t)
                .chain(of_phrases)
                .flat_map(|n| syn.children(n))
                .filter(|&c| c > t && syn.rel(c) == Rel::Appos)
                .find_map(|c| self.group_at(c).filter(|g| g.is_actor() && person(g, c)));
            if let Some(g) = named {
                return self.side_of_group(g);
            }
        }
        // A word that picks out part of a group: "some of the MPs", "members of the party",
        // "the head of the agency", "members within the party", "officials at the ministry",
        // and an apposition: "Sir Andrew Green, chairman of …".
        for c in syn.children(t) {
            let part_of = partitive
                && matches!(syn.rel(c), Rel::Nmod)
                && syn.case_of(c).is_some_and(|p| {
                    ["of", "for", "within", "inside", "in", "at"]
                        .iter()
                        .any(|w| self.word_is(p, w))
                });
            // "The city of Coachella passed an ordinance", "the region of Catalonia eased
            // restrictions": a town or region that acts, acts through its government.
            if part_of && super::args::is_subject(syn.rel(t)) {
                if let Some(g) = self.group_at(c).filter(|g| g.government.is_some()) {
                    return Some(Side {
                        entities: g.government.into_iter().collect(),
                        span: self.span(g.tokens.clone()),
                        negative_determiner: false,
                    });
                }
            }
            if part_of && associate && self.group_at(c).is_some_and(|g| person(g, c)) {
                continue;
            }
            if part_of || syn.rel(c) == Rel::Appos {
                if let Some(s) = self.side_at_depth(c, depth + 1) {
                    return Some(s);
                }
            }
        }
        None
    }
}
