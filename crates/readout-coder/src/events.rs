//! Event coding: verb frames and noun triggers → CAMEO events, with negation, modality and
//! attribution read off the clause around the trigger.

use crate::actors::{Coref, NounGroup};
use crate::analysis::{NounHit, Tokens, VerbHit};
use readout_doc::{Attribution, Document, Event, Modality, Participant, Span};
use readout_lexicon::{FormKind, Frame, Lexicon, PatternItem, WordClasses};
use std::ops::Range;

/// Everything known about one sentence when its events are coded.
pub struct SentenceView<'a> {
    pub index: usize,
    pub range: Range<usize>,
    pub groups: &'a [NounGroup],
    pub verbs: &'a [VerbHit],
    pub nouns: &'a [NounHit],
    /// Union of single-word and phrase classes covering each token of the sentence.
    pub classes: Vec<WordClasses>,
    /// Token index (relative to the sentence) → clause start and end.
    pub clauses: Vec<(usize, usize)>,
}

/// The words of a verb group: auxiliaries, modals, negators, aspect and intent phrases.
const VERB_GROUP: WordClasses = WordClasses(
    WordClasses::AUXILIARY.0
        | WordClasses::PASSIVE_AUXILIARY.0
        | WordClasses::HYPOTHETICAL.0
        | WordClasses::FUTURE.0
        | WordClasses::NEGATOR.0
        | WordClasses::ASPECT.0
        | WordClasses::INTENT.0,
);

impl<'a> SentenceView<'a> {
    pub fn new(
        doc: &Document,
        toks: &Tokens,
        index: usize,
        groups: &'a [NounGroup],
        verbs: &'a [VerbHit],
        nouns: &'a [NounHit],
    ) -> SentenceView<'a> {
        let range = doc.sentences[index].token_range();
        let mut classes: Vec<WordClasses> = range.clone().map(|i| toks.classes[i]).collect();
        for i in range.clone() {
            let (len, c) = toks.phrases[i];
            for k in i..(i + len as usize).min(range.end) {
                classes[k - range.start] = classes[k - range.start] | c;
            }
        }
        // Clause boundaries: clause-break words, "that", quotation marks, and ", and".
        let n = range.len();
        let mut boundary = vec![false; n];
        for k in 0..n {
            let t = range.start + k;
            let text = doc.token_text(t);
            let quote = doc.tokens[t].has(readout_doc::token_flags::QUOTE);
            let single_break = toks.classes[t].has(WordClasses::CLAUSE_BREAK)
                || toks.classes[t].has(WordClasses::COMPLEMENTIZER)
                || toks.classes[t].has(WordClasses::RELATIVE);
            let comma_and =
                text == "," && k + 1 < n && toks.classes[t + 1].has(WordClasses::CONJUNCTION);
            boundary[k] = single_break || quote || comma_and;
        }
        let mut clauses = vec![(0, n); n];
        let mut start = 0;
        for k in 0..=n {
            if k == n || boundary[k] {
                for c in clauses.iter_mut().take(k).skip(start) {
                    *c = (start, k);
                }
                start = k + 1;
            }
        }
        SentenceView {
            index,
            range,
            groups,
            verbs,
            nouns,
            classes,
            clauses,
        }
    }

    fn class(&self, t: usize) -> WordClasses {
        self.classes[t - self.range.start]
    }

    /// The clause around token `t`, as absolute token indices.
    pub fn clause(&self, t: usize) -> Range<usize> {
        let (s, e) = self.clauses[t - self.range.start];
        self.range.start + s..self.range.start + e
    }

    pub fn group_at(&self, t: usize) -> Option<&'a NounGroup> {
        self.groups.iter().find(|g| g.tokens.start == t)
    }

    fn group_ending_at(&self, t: usize) -> Option<&'a NounGroup> {
        self.groups.iter().find(|g| g.tokens.end == t)
    }
}

/// How the words before a trigger qualify it.
#[derive(Debug, Default, Clone, Copy)]
pub struct VerbGroup {
    pub start: usize,
    pub negated: bool,
    pub modality: Option<Modality>,
    pub passive_auxiliary: bool,
}

pub fn verb_group(doc: &Document, view: &SentenceView, trigger: usize) -> VerbGroup {
    let clause = view.clause(trigger);
    let mut g = VerbGroup {
        start: trigger,
        ..VerbGroup::default()
    };
    let mut k = trigger;
    while k > clause.start {
        let t = k - 1;
        let c = view.class(t);
        let text = doc.token_text(t);
        // A lowercase "-ly" word is an adverb ("Italy" is not).
        let adverb = text.len() > 3
            && text.ends_with("ly")
            && c == WordClasses::NONE
            && text.starts_with(char::is_lowercase);
        if !(c.has(VERB_GROUP) || text.eq_ignore_ascii_case("to") || adverb) {
            break;
        }
        if c.has(WordClasses::NEGATOR) {
            g.negated = true;
        }
        if c.has(WordClasses::INTENT) || c.has(WordClasses::FUTURE) {
            g.modality.get_or_insert(Modality::Intended);
        } else if c.has(WordClasses::HYPOTHETICAL) {
            g.modality.get_or_insert(Modality::Hypothetical);
        }
        if c.has(WordClasses::PASSIVE_AUXILIARY) {
            g.passive_auxiliary = true;
        }
        k = t;
    }
    g.start = k;
    if (clause.start..trigger).any(|t| view.class(t).has(WordClasses::CONDITIONAL))
        || (clause.start > view.range.start
            && view.class(clause.start - 1).has(WordClasses::CONDITIONAL))
    {
        g.modality = Some(Modality::Conditional);
    }
    g
}

/// One side of an event before it is written to the document.
#[derive(Debug, Clone)]
pub struct Side {
    pub entities: Vec<u32>,
    pub span: Span,
    pub negative_determiner: bool,
}

fn side_of(
    doc: &Document,
    view: &SentenceView,
    g: &NounGroup,
    speaker: Option<u32>,
) -> Option<Side> {
    let mut entities = g.entities();
    if g.speaker_pronoun {
        entities = speaker.into_iter().collect();
    }
    if entities.is_empty() || g.place.is_some() {
        return None;
    }
    let span = Span {
        start: doc.tokens[g.tokens.start].span.start,
        end: doc.tokens[g.tokens.end - 1].span.end,
    };
    // "no major political party": a negative determiner within the three words before.
    let from = g.tokens.start.saturating_sub(3).max(view.range.start);
    let negative_determiner =
        (from..g.tokens.start).any(|t| view.class(t).has(WordClasses::NEGATIVE_DETERMINER));
    Some(Side {
        entities,
        span,
        negative_determiner,
    })
}

/// The subject of the trigger at `trigger` whose verb group starts at `vg_start`.
/// What a trigger is, as far as finding its subject goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    Verb,
    /// A reporting verb, whose subject may follow it ("…, said the ministry").
    ReportingVerb,
    /// An event noun: usually the object of a verb, whose subject is the noun's source
    /// ("Pakistan and India decided to resume the dialogue").
    EventNoun,
}

pub fn subject(
    doc: &Document,
    view: &SentenceView,
    vg_start: usize,
    trigger: usize,
    trigger_end: usize,
    kind: Trigger,
    speaker: Option<u32>,
) -> Option<Side> {
    let report = kind == Trigger::ReportingVerb;
    let clause = view.clause(trigger);
    // Inverted reporting clause: "…, said the Chinese Foreign Ministry".
    if report && vg_start > view.range.start {
        let before = doc.token_text(vg_start - 1);
        if before == "," || doc.tokens[vg_start - 1].has(readout_doc::token_flags::QUOTE) {
            if let Some(g) = view
                .group_at(trigger_end)
                .or_else(|| view.group_at(trigger_end + 1))
            {
                // The group must end the clause ("…, said the ministry." / "…, said X on
                // Monday"), not start a reported one ("…, said Israeli troops attacked …").
                let after = g.tokens.end;
                let ends_clause = after >= view.range.end
                    || doc.tokens[after].has(readout_doc::token_flags::PUNCT)
                    || view.class(after).has(WordClasses::PREPOSITION)
                    || view.class(after).has(WordClasses::ATTRIBUTION);
                if (g.is_actor() || g.speaker_pronoun) && ends_clause {
                    return side_of(doc, view, g, speaker);
                }
            }
        }
    }
    let mut best: Option<&NounGroup> = None;
    for g in view
        .groups
        .iter()
        .filter(|g| g.tokens.end <= vg_start && g.tokens.start >= clause.start)
    {
        if g.after_preposition || g.place.is_some() {
            continue;
        }
        if best.is_none_or(|b| g.tokens.end > b.tokens.end) {
            best = Some(g);
        }
    }
    let mut g = best?;
    // An appositive ("Abu Ahmed, a Hamas commander, said"): the subject is the name before it.
    if let Some(head) = g
        .tokens
        .start
        .checked_sub(2)
        .filter(|&c| {
            c > clause.start
                && doc.token_text(c) == ","
                && view.class(c + 1).has(WordClasses::DETERMINER)
        })
        .and_then(|c| view.group_ending_at(c))
        .filter(|h| h.is_actor() && !h.after_preposition)
    {
        g = head;
    }
    // A coded verb between the subject and this trigger makes the group its object, unless the
    // two verbs are coordinated ("met … and signed").
    let between = g.tokens.end..vg_start;
    if kind != Trigger::EventNoun
        && view.verbs.iter().any(|v| between.contains(&v.tokens.0))
        && !between
            .clone()
            .any(|t| view.class(t).has(WordClasses::COORDINATOR))
    {
        return None;
    }
    let mut side = side_of(doc, view, g, speaker)?;
    // "China and Russia", "Beijing and Moscow": a coordinated subject.
    if g.tokens.start > view.range.start
        && view.class(g.tokens.start - 1).has(WordClasses::COORDINATOR)
    {
        if let Some(first) = view.group_ending_at(g.tokens.start - 1) {
            if let Some(f) =
                side_of(doc, view, first, speaker).filter(|_| first.tokens.start >= clause.start)
            {
                let mut entities = f.entities;
                entities.extend(side.entities);
                side = Side {
                    entities,
                    span: Span {
                        start: f.span.start,
                        end: side.span.end,
                    },
                    negative_determiner: f.negative_determiner,
                };
            }
        }
    }
    Some(side)
}

/// Matches a frame's pattern after a trigger; `Some(target)` when it fits.
fn match_pattern<'v>(
    toks: &Tokens,
    view: &SentenceView<'v>,
    pattern: &[PatternItem],
    pos: usize,
    end: usize,
) -> Option<Option<&'v NounGroup>> {
    let Some((first, rest)) = pattern.split_first() else {
        return Some(None);
    };
    match *first {
        PatternItem::Word(w) => (pos < end && toks.words[pos] == w)
            .then(|| match_pattern(toks, view, rest, pos + 1, end))
            .flatten(),
        PatternItem::Target => {
            let mut p = pos;
            if p < end && view.class(p).has(WordClasses::DETERMINER) && view.group_at(p).is_none() {
                p += 1;
            }
            let g = view
                .group_at(p)
                .filter(|g| g.tokens.end <= end && (g.is_actor() || g.speaker_pronoun))?;
            match_pattern(toks, view, rest, g.tokens.end, end).map(|t| t.or(Some(g)))
        }
        // A gap never skips a named actor: an actor there is the verb's object, and the frame
        // that wants it is another one ("condemned Russia for the attack by …"). Pronouns may
        // be skipped ("condemned what it called attacks by …").
        PatternItem::Gap => (0..=6)
            .take_while(|&k| {
                pos + k <= end
                    && (k == 0
                        || view
                            .group_at(pos + k - 1)
                            .is_none_or(|g| !g.is_actor() || g.pronoun))
            })
            .find_map(|k| match_pattern(toks, view, rest, pos + k, end)),
    }
}

/// The first frame (most specific first) that fits, and the target it found.
pub fn match_frames<'f, 'v>(
    toks: &Tokens,
    view: &SentenceView<'v>,
    frames: &'f [Frame],
    after: usize,
) -> Option<(&'f Frame, Option<&'v NounGroup>)> {
    let end = view.clause(after.min(view.range.end - 1)).end.max(after);
    let end = if after >= view.range.end { after } else { end };
    let mut order: Vec<&Frame> = frames.iter().collect();
    order.sort_by_key(|f| std::cmp::Reverse(f.pattern.len()));
    order
        .into_iter()
        .find_map(|f| match_pattern(toks, view, &f.pattern, after, end).map(|t| (f, t)))
}

/// CAMEO practice: a cooperative action that is only intended or offered is coded as an
/// expression of intent (03x).
fn intent_code(code: &str) -> &str {
    match &code[..2] {
        "04" => "036",
        "05" => "032",
        "06" => "031",
        "07" => "033",
        "08" => "030",
        _ => code,
    }
}

/// Appends an event to the document; returns false when it is not a well-formed event.
#[allow(clippy::too_many_arguments)]
pub fn emit(
    doc: &mut Document,
    lex: &Lexicon,
    sentence: usize,
    code: &str,
    source: Option<(u32, Span)>,
    target: Option<(u32, Span)>,
    trigger: (Span, usize),
    clause: Range<usize>,
    negated: bool,
    modality: Modality,
) -> bool {
    if target.is_some_and(|(t, _)| source.is_some_and(|(s, _)| s == t)) {
        return false;
    }
    let code = if modality == Modality::Intended {
        intent_code(code)
    } else {
        code
    };
    let Some(c) = lex.code(code) else {
        return false;
    };
    let participant = |(e, span): (u32, Span)| Participant {
        actor: Some(e),
        code: doc.actors[e as usize].code.clone(),
        span,
    };
    // An unknown source ("two journalists were abducted") has an empty code, as GDELT leaves
    // Actor1 empty; the trigger stands as its text span.
    let source = source.map(participant).unwrap_or(Participant {
        actor: None,
        code: String::new(),
        span: Span {
            start: trigger.0.start,
            end: trigger.0.start,
        },
    });
    let target = target.map(participant);
    // Events are appended in sentence order: only this sentence's need checking.
    let duplicate = doc
        .events
        .iter()
        .rev()
        .take_while(|e| e.sentence == sentence as u32)
        .any(|e| {
            e.code == code
                && e.source.actor == source.actor
                && e.target.as_ref().map(|t| t.actor) == target.as_ref().map(|t| t.actor)
        });
    if duplicate {
        return false;
    }
    doc.events.push(Event {
        sentence: sentence as u32,
        code: code.to_string(),
        goldstein: c.goldstein,
        quad_class: c.quad_class,
        plover: c.plover.clone(),
        source,
        target,
        trigger: trigger.0,
        date: None,
        location: None,
        negated,
        modality,
        attribution: None,
        clause: clause.start as u32..clause.end as u32,
        trigger_token: trigger.1 as u32,
    });
    true
}

/// Codes one verb occurrence; returns the number of events and, for `explain`, a note.
#[allow(clippy::too_many_arguments)]
pub fn code_verb(
    doc: &mut Document,
    lex: &Lexicon,
    toks: &Tokens,
    view: &SentenceView,
    v: &VerbHit,
    speaker: Option<u32>,
    note: &mut String,
) -> usize {
    let verb = &lex.verbs[v.verb as usize];
    let vg = verb_group(doc, view, v.tokens.0);
    let trigger = Span {
        start: doc.tokens[v.tokens.0].span.start,
        end: doc.tokens[v.tokens.1 - 1].span.end,
    };
    let passive = vg.passive_auxiliary && v.kind == FormKind::Past;
    let clause = view.clause(v.tokens.0);
    let subj = subject(
        doc,
        view,
        vg.start,
        v.tokens.0,
        v.tokens.1,
        if verb.report {
            Trigger::ReportingVerb
        } else {
            Trigger::Verb
        },
        speaker,
    );
    let (source, target_side, frame) = if passive {
        // "X was attacked by Y": the by-phrase is the source, the subject the target.
        let by = (v.tokens.1..clause.end).find(|&t| doc.token_text(t).eq_ignore_ascii_case("by"));
        let agent = by
            .and_then(|b| view.group_at(b + 1))
            .and_then(|g| side_of(doc, view, g, speaker));
        let frame = verb
            .frames
            .iter()
            .find(|f| f.pattern.contains(&PatternItem::Target))
            .or(verb.frames.first());
        (agent, subj, frame)
    } else {
        let m = match_frames(toks, view, &verb.frames, v.tokens.1);
        let target = m
            .and_then(|(_, t)| t)
            .and_then(|g| side_of(doc, view, g, speaker));
        (subj, target, m.map(|(f, _)| f))
    };
    let Some(frame) = frame else {
        note.push_str(&format!("verb {:?}: no frame fits", verb.lemma));
        return 0;
    };
    let Some(source) = source else {
        // "Two journalists were abducted": a passive with no by-agent still codes the event,
        // with an unknown source, when its target is known.
        // Only for material conflict (force, coercion, assault: "were killed", "was detained"):
        // the passive of a verbal event ("was found", "is reported to") is rarely one.
        let material_conflict = matches!(&frame.code[..2], "15" | "17" | "18" | "19" | "20");
        if let (true, true, Some(target)) = (passive, material_conflict, target_side.as_ref()) {
            let negated = vg.negated || target.negative_determiner;
            let modality = vg.modality.unwrap_or(Modality::Asserted);
            note.push_str(&format!(
                "verb {:?} frame `{}` = {}, passive with no agent: source unknown",
                verb.lemma, frame.text, frame.code
            ));
            let mut n = 0;
            for &t in &target.entities {
                n += emit(
                    doc,
                    lex,
                    view.index,
                    &frame.code,
                    None,
                    Some((t, target.span)),
                    (trigger, v.tokens.0),
                    clause.clone(),
                    negated,
                    modality,
                ) as usize;
            }
            return n;
        }
        note.push_str(&format!(
            "verb {:?} (frame `{}` = {}): no source actor",
            verb.lemma, frame.text, frame.code
        ));
        return 0;
    };
    let negated = vg.negated || source.negative_determiner;
    let modality = vg.modality.unwrap_or(Modality::Asserted);
    note.push_str(&format!(
        "verb {:?} ({}:{}) frame `{}` = {}{}{}{}",
        verb.lemma,
        verb.file,
        verb.line,
        frame.text,
        frame.code,
        if passive { ", passive" } else { "" },
        if negated { ", negated" } else { "" },
        if modality != Modality::Asserted {
            format!(", {}", modality.as_str())
        } else {
            String::new()
        },
    ));
    emit_sides(
        doc,
        lex,
        view.index,
        &frame.code,
        &source,
        target_side.as_ref(),
        (trigger, v.tokens.0),
        clause,
        negated,
        modality,
    )
}

/// Emits the events between two sides: a coordinated or plural source without a target codes
/// its members towards each other ("the two officials met").
#[allow(clippy::too_many_arguments)]
fn emit_sides(
    doc: &mut Document,
    lex: &Lexicon,
    sentence: usize,
    code: &str,
    source: &Side,
    target: Option<&Side>,
    trigger: (Span, usize),
    clause: Range<usize>,
    negated: bool,
    modality: Modality,
) -> usize {
    // (source, target) pairs: every source towards every target, or the members of a
    // coordinated or plural source towards each other.
    let pairs: Vec<(u32, Option<(u32, Span)>)> = match target {
        Some(t) => source
            .entities
            .iter()
            .flat_map(|&s| t.entities.iter().map(move |&e| (s, Some((e, t.span)))))
            .collect(),
        None if source.entities.len() >= 2 => {
            vec![(source.entities[0], Some((source.entities[1], source.span)))]
        }
        None => vec![(source.entities[0], None)],
    };
    pairs
        .into_iter()
        .filter(|&(s, t)| {
            emit(
                doc,
                lex,
                sentence,
                code,
                Some((s, source.span)),
                t,
                trigger,
                clause.clone(),
                negated,
                modality,
            )
        })
        .count()
}

/// The actor a possessive determiner before a noun refers to ("our support", "its invasion").
fn possessive_source(
    doc: &Document,
    view: &SentenceView,
    noun_start: usize,
    coref: &Coref,
    speaker: Option<u32>,
) -> Option<Side> {
    let mut k = noun_start;
    let mut steps = 0;
    while k > view.range.start && steps < 5 {
        let t = k - 1;
        let c = view.class(t);
        let text = doc.token_text(t);
        let entity = if c.has(WordClasses::POSSESSIVE_SPEAKER) {
            Some(speaker)
        } else if c.has(WordClasses::POSSESSIVE_THING) {
            Some(coref.last_thing)
        } else if c.has(WordClasses::POSSESSIVE_PERSON) {
            Some(coref.last_person)
        } else {
            None
        };
        if let Some(e) = entity {
            let span = doc.tokens[t].span;
            return e.map(|e| Side {
                entities: vec![e],
                span,
                negative_determiner: false,
            });
        }
        if let Some(g) = view
            .group_ending_at(k)
            .filter(|g| g.possessor || doc.token_text(k - 1) != "'s")
        {
            if g.is_actor() && (g.possessor || steps == 0) {
                return side_of(doc, view, g, speaker);
            }
        }
        let modifier = (c == WordClasses::NONE
            && !text.is_empty()
            && text.chars().all(|ch| ch.is_lowercase() || ch == '-'))
            || c.has(WordClasses::COORDINATOR)
            || text == ","
            || text == "'s"
            || text == "’s";
        if !modifier {
            return None;
        }
        k = t;
        steps += 1;
    }
    None
}

#[allow(clippy::too_many_arguments)]
pub fn code_noun(
    doc: &mut Document,
    lex: &Lexicon,
    toks: &Tokens,
    view: &SentenceView,
    n: &NounHit,
    speaker: Option<u32>,
    coref: &Coref,
    note: &mut String,
) -> usize {
    let noun = &lex.nouns[n.noun as usize];
    let trigger = Span {
        start: doc.tokens[n.tokens.0].span.start,
        end: doc.tokens[n.tokens.1 - 1].span.end,
    };
    let clause = view.clause(n.tokens.0);
    let vg = verb_group(doc, view, n.tokens.0);
    // The possessor ("Russia's invasion"), else the subject of the clause.
    let source = possessive_source(doc, view, n.tokens.0, coref, speaker).or_else(|| {
        subject(
            doc,
            view,
            n.tokens.0,
            n.tokens.0,
            n.tokens.1,
            Trigger::EventNoun,
            speaker,
        )
    });
    let m = match_frames(toks, view, &noun.frames, n.tokens.1);
    let Some((frame, target)) = m else {
        note.push_str(&format!("noun {:?}: no frame fits", noun.lemma));
        return 0;
    };
    let Some(source) = source else {
        note.push_str(&format!("noun {:?}: no source actor", noun.lemma));
        return 0;
    };
    let target = target.and_then(|g| side_of(doc, view, g, speaker));
    if target.is_none() && source.entities.len() < 2 {
        note.push_str(&format!(
            "noun {:?}: no target, and the source is a single actor",
            noun.lemma
        ));
        return 0;
    }
    let negated = source.negative_determiner
        || (clause.start..n.tokens.0)
            .any(|t| view.class(t).has(WordClasses::NEGATOR) && t > source_end(doc, &source));
    let modality = vg.modality.unwrap_or(Modality::Asserted);
    note.push_str(&format!(
        "noun {:?} ({}:{}) frame `{}` = {}{}",
        noun.lemma,
        noun.file,
        noun.line,
        frame.text,
        frame.code,
        if negated { ", negated" } else { "" }
    ));
    emit_sides(
        doc,
        lex,
        view.index,
        &frame.code,
        &source,
        target.as_ref(),
        (trigger, n.tokens.0),
        clause,
        negated,
        modality,
    )
}

fn source_end(doc: &Document, side: &Side) -> usize {
    doc.tokens.partition_point(|t| t.span.start < side.span.end)
}

/// The verb group and the speaker of a reporting verb (or of a verbal act): its subject, or
/// the actor after it in an inverted clause ("…, said the ministry").
pub fn speaker_of(
    doc: &Document,
    view: &SentenceView,
    v: &VerbHit,
    speaker: Option<u32>,
) -> Option<(VerbGroup, Side)> {
    let vg = verb_group(doc, view, v.tokens.0);
    let side = subject(
        doc,
        view,
        vg.start,
        v.tokens.0,
        v.tokens.1,
        Trigger::ReportingVerb,
        speaker,
    )?;
    Some((vg, side))
}

/// Attribution: "according to X" and reporting verbs; applied to the sentence's events.
pub fn attribute(
    doc: &mut Document,
    lex: &Lexicon,
    toks: &Tokens,
    view: &SentenceView,
    first_event: usize,
    speaker: Option<u32>,
) {
    let mut according: Option<Attribution> = None;
    for t in view.range.clone() {
        if let Some(len) = toks.phrase_len(t, WordClasses::ATTRIBUTION) {
            let start = t + len;
            let mut end = start;
            while end < view.range.end
                && !matches!(doc.token_text(end), "," | "." | ";" | "”" | "\"")
            {
                end += 1;
            }
            if end > start {
                let span = Span {
                    start: doc.tokens[start].span.start,
                    end: doc.tokens[end - 1].span.end,
                };
                let actor = view
                    .groups
                    .iter()
                    .find(|g| g.tokens.start >= start && g.tokens.end <= end && g.is_actor())
                    .and_then(|g| g.entity);
                according = Some(Attribution { span, actor });
            }
        }
    }
    // Reporting verbs: their reported region gets the reporter as attribution.
    for v in view.verbs {
        let verb = &lex.verbs[v.verb as usize];
        if !verb.report {
            continue;
        }
        let Some((vg, reporter)) = speaker_of(doc, view, v, speaker) else {
            continue;
        };
        let trailing = vg.start > view.range.start
            && (doc.token_text(vg.start - 1) == ","
                || doc.tokens[vg.start - 1].has(readout_doc::token_flags::QUOTE));
        let region = if trailing {
            view.range.start..vg.start
        } else {
            let mut end = view.range.end;
            // The region stops where a trailing reporting clause begins (", TASS reported").
            for t in v.tokens.1..view.range.end {
                if doc.token_text(t) == ","
                    && view.verbs.iter().any(|w| {
                        w.tokens.0 > t && w.tokens.0 <= t + 6 && lex.verbs[w.verb as usize].report
                    })
                {
                    end = t;
                    break;
                }
            }
            v.tokens.1..end
        };
        let attribution = Attribution {
            span: reporter.span,
            actor: reporter.entities.first().copied(),
        };
        for e in doc.events[first_event..].iter_mut() {
            if e.attribution.is_none() && region.contains(&(e.trigger_token as usize)) {
                e.attribution = Some(attribution.clone());
            }
        }
    }
    if let Some(a) = according {
        for e in doc.events[first_event..].iter_mut() {
            if e.attribution.is_none() {
                e.attribution = Some(a.clone());
            }
        }
    }
}
