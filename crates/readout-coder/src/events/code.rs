//! One sentence's events: each predicate's frame, source and target, negation and modality.

use super::args::{arguments, subject, Via};
use super::frames::FrameMatch;
use super::predicates::{predicates, Entry, Predicate};
use super::sides::Side;
use super::SentenceCtx;
use readout_doc::{Event, Modality, Participant, Span};
use readout_lexicon::{Frame, PatternItem, NO_EVENT};
use readout_syntax::{Rel, Xpos};
use std::fmt::Write;

/// The frames a judging statement is recoded with.
static JUDGEMENT_FRAMES: std::sync::LazyLock<[Frame; 4]> = std::sync::LazyLock::new(|| {
    [
        Frame {
            pattern: Vec::new(),
            code: "012".into(),
            text: "(judges the speaker's own country gloomily)".into(),
        },
        Frame {
            pattern: Vec::new(),
            code: "013".into(),
            text: "(judges the speaker's own country hopefully)".into(),
        },
        Frame {
            pattern: Vec::new(),
            code: "111".into(),
            text: "(judges what it reports as wrong)".into(),
        },
        Frame {
            pattern: Vec::new(),
            code: "051".into(),
            text: "(judges what it reports as right)".into(),
        },
    ]
});

/// Reusable buffers for coding sentences.
#[derive(Default)]
pub struct Buffers {
    predicates: Vec<Predicate>,
    clause: Vec<usize>,
    consumed: Vec<bool>,
}

/// The expression of intent (03x) that announcing a cooperative act amounts to ("said it
/// would meet" is 036). The act itself keeps its own code, marked intended (GUIDELINES.md).
pub(crate) fn intent_code(code: &str) -> &str {
    match &code[..2] {
        "04" => "036",
        "05" => "032",
        "06" => "031",
        "07" => "033",
        "08" => "030",
        "03" => code,
        _ => "030",
    }
}

/// Codes the events of one sentence into `out` (appended); with `trace`, says why.
pub fn code_sentence(
    ctx: &SentenceCtx,
    buffers: &mut Buffers,
    out: &mut Vec<Event>,
    mut trace: Option<&mut Vec<String>>,
) {
    let first = out.len();
    predicates(ctx, &mut buffers.predicates);
    buffers.consumed.clear();
    buffers.consumed.resize(ctx.range.len(), false);
    let preds = std::mem::take(&mut buffers.predicates);
    for p in &preds {
        let mut note = String::new();
        if buffers.consumed[p.head - ctx.range.start] {
            let _ = write!(
                note,
                "{:?}: part of the frame of the verb that governs it",
                ctx.text(p.head)
            );
        } else {
            match p.entry {
                Entry::Verb { verb, .. } => code_verb(ctx, buffers, p, verb, out, &mut note),
                Entry::Noun { noun } => code_noun(ctx, buffers, p, noun, out, &mut note),
            }
        }
        if let Some(t) = trace.as_deref_mut() {
            if !note.is_empty() {
                t.push(note);
            }
        }
    }
    buffers.predicates = preds;
    super::statements::recode_statements(ctx, &mut out[first..]);
    super::statements::code_commitments(ctx, out, first);
    super::statements::recode_policy_intents(ctx, &mut out[first..]);
    super::figurative::figurative_force(ctx, out, first);
    drop_elaborations(ctx, out, first);
    super::attribution::attribute(ctx, &mut out[first..]);
}

/// "Christian Aid condemned the move, saying it would cost jobs": a participle of saying
/// elaborates the act it hangs on, by the same actor; that act is the event, not a second
/// plain statement beside it. When the act is itself said (a criticism, a rejection, a
/// defence, an appeal), the saying adds no event even where it was coded more closely
/// ("…, saying it would see a million jobs axed" read as an intent).
fn drop_elaborations(ctx: &SentenceCtx, out: &mut Vec<Event>, first: usize) {
    let syn = ctx.syn;
    let spoken = |code: &str| {
        matches!(
            &code[..2],
            "01" | "02" | "03" | "05" | "10" | "11" | "12" | "13"
        )
    };
    let elaboration = |e: &Event, all: &[Event]| {
        let t = e.trigger_token as usize;
        let saying = ctx.verb_at(t).is_some_and(|v| v.report);
        (e.code == "010" || (saying && matches!(&e.code[..2], "01" | "03")))
            && !e.negated
            && syn.xpos(t) == readout_syntax::Xpos::VBG
            && matches!(syn.rel(t), Rel::Advcl | Rel::Xcomp | Rel::Conj)
            && syn.head(t).is_some_and(|h| {
                // A participle that opens the sentence ("Announcing the plans, Mr Redwood
                // said …") is an act of its own.
                (e.code == "010" || h < t)
                    && all.iter().any(|f| {
                        f.trigger_token as usize == h
                            && f.source.actor == e.source.actor
                            && !f.negated
                            && (e.code == "010" || spoken(&f.code))
                    })
            })
    };
    let dropped: Vec<usize> = (first..out.len())
        .filter(|&i| elaboration(&out[i], &out[first..]))
        .collect();
    for i in dropped.into_iter().rev() {
        out.remove(i);
    }
}

fn mark_consumed(ctx: &SentenceCtx, buffers: &mut Buffers, m: &FrameMatch) {
    for &t in &m.matched {
        buffers.consumed[t - ctx.range.start] = true;
    }
}

fn code_verb(
    ctx: &SentenceCtx,
    buffers: &mut Buffers,
    p: &Predicate,
    verb: u32,
    out: &mut Vec<Event>,
    note: &mut String,
) {
    let lex = ctx.lex;
    let syn = ctx.syn;
    let entry = &lex.verbs[verb as usize];
    if entry.frames.is_empty() {
        return;
    }
    let mut args = arguments(syn, p.head, |t| ctx.word_is(t, "by"));
    // "On Monday Saudi Arabia condemned …": a date the parser took for the subject is none.
    if args.agent.is_some_and(|(t, _)| ctx.is_date_word(t)) {
        args.agent = None;
    }
    // "visited the SEC to press for change", "lent Russia $6bn to help …": an adverbial
    // infinitive after a verb the lexicon codes as an act on its object, with no infinitive
    // complement of its own, is done by that verb's subject. After other verbs the object
    // acts, as the parser's reading of "urged Iran to stop" or "prompted him to say" wants.
    if matches!(args.agent, Some((_, Via::AdverbialObject))) {
        let governing = syn.head(p.head);
        let to = ctx.lex.words.id("to");
        let complete_act = governing.and_then(|g| ctx.verb_at(g)).is_some_and(|v| {
            v.complement.is_none()
                && !v.frames.iter().any(|f| {
                    f.pattern
                        .get(1)
                        .is_some_and(|i| *i == PatternItem::Word(to))
                })
                && v.frames
                    .iter()
                    .any(|f| f.pattern.first() == Some(&PatternItem::Target))
        });
        if complete_act {
            args.agent = governing
                .and_then(|g| super::args::subject(syn, g))
                .map(|(s, _)| (s, Via::SubjectControl));
        }
    }
    let _ = write!(
        note,
        "verb {:?} ({}:{})",
        entry.lemma, entry.file, entry.line
    );
    let (frame, target, how) = if super::args::misread_modifier(syn, p.head) {
        // A verb read as the adjective of its object: the object is the noun it modifies.
        let target = args.patient.and_then(|(t, _)| ctx.side_at(t));
        let frame = if target.is_some() {
            entry
                .frames
                .iter()
                .find(|f| f.pattern == [PatternItem::Target])
        } else {
            entry.frames.iter().find(|f| f.pattern.is_empty())
        };
        let Some(frame) = frame else {
            note.push_str(": no frame fits");
            return;
        };
        (frame, target, "object (a verb read as an adjective)")
    } else if args.passive {
        // "X was attacked by Y": the verb's plain meaning with X as its target; when X names
        // no actor ("the files were found by …"), a frame without a target, if the verb has one.
        let target = args.patient.and_then(|(t, _)| ctx.side_at(t));
        let frame = if target.is_some() {
            ctx.match_passive(&entry.frames, p.head, p.end, &mut buffers.clause)
                .map(|m| {
                    mark_consumed(ctx, buffers, &m);
                    m.frame
                })
        } else if entry.intransitive || syn.child(p.head, Rel::Obj).is_some() {
            // A passive is transitive: "files were found by a passer-by" is no finding reported.
            // One with an object left ("members were denied visas by …") is the verb's sense
            // with two objects, which its bare frame does not name.
            None
        } else {
            entry.frames.iter().find(|f| f.pattern.is_empty())
        };
        let Some(frame) = frame else {
            note.push_str(": passive, and no frame fits what it acts on");
            return;
        };
        note.push_str(", passive");
        (frame, target, "passive subject")
    } else {
        let Some(m) = ctx.match_frames(&entry.frames, p.head, p.end, false, &mut buffers.clause)
        else {
            note.push_str(": no frame fits");
            return;
        };
        // A quotation after a colon ("He added: 'It's not something …'") is what was said,
        // not an object, even when the parser hangs a word of it on the verb.
        let object = super::args::object(syn, p.head)
            .filter(|&o| !(p.head + 1..o).any(|t| ctx.doc.slice(ctx.doc.tokens[t].span) == ":"));
        if entry.intransitive && m.frame.pattern.is_empty() && object.is_some() {
            note.push_str(": its bare frame is for the verb without an object");
            return;
        }
        mark_consumed(ctx, buffers, &m);
        let target = m.target.and_then(|g| ctx.target_side(g));
        (m.frame, target, m.how)
    };
    let _ = write!(note, " frame `{}` = {}", frame.text, frame.code);
    if frame.code == NO_EVENT {
        note.push_str(": a sense that is no event");
        return;
    }
    // A plain statement that judges an actor is criticism or praise of that actor.
    let mut target = target;
    let mut frame = frame;
    let mut unnamed_makers = None;
    if entry.report && frame.code == "010" && target.is_none() {
        let speaker = args.agent.and_then(|(t, _)| ctx.side_at(t));
        // A speaker judging itself ("said he had done nothing wrong") denies or regrets;
        // that is read from what the statement reports (statements.rs).
        let judgement = ctx.judgement(p.head).filter(|j| {
            !j.about.as_ref().is_some_and(|about| {
                speaker
                    .as_ref()
                    .is_some_and(|s| about.entities.iter().all(|e| s.entities.contains(e)))
            })
        });
        if let Some(j) = judgement {
            // About one's own country as a whole ("Britain is heading in the wrong
            // direction", said by a Briton): a pessimistic or optimistic comment.
            let speaker_country = speaker
                .as_ref()
                .and_then(|s| s.entities.first().copied())
                .and_then(|e| ctx.doc.actors[e as usize].country.clone());
            let own_country = j.about.as_ref().is_some_and(|about| {
                about.entities.iter().all(|&e| {
                    let a = &ctx.doc.actors[e as usize];
                    // A speaker whose country is not yet known takes the story's, which a
                    // story that names its own country as a whole usually is.
                    a.sectors.is_empty()
                        && a.country.is_some()
                        && (speaker_country.is_none() || a.country == speaker_country)
                })
            });
            // Praise counts between political actors only: an analyst finding a company's
            // results "strong" endorses no one.
            let political_about = j.about.as_ref().is_some_and(|about| {
                about.entities.iter().all(|&e| {
                    !matches!(
                        ctx.doc.actors[e as usize]
                            .sectors
                            .first()
                            .map(String::as_str),
                        Some("BUS" | "CVL")
                    )
                })
            });
            if j.polarity > 0 && !own_country && !political_about {
                let _ = write!(note, ", praise of a non-political actor ignored");
            } else {
                let code = match (j.polarity < 0, own_country) {
                    (true, false) => "111",
                    (false, false) => "051",
                    (true, true) => "012",
                    (false, true) => "013",
                };
                if let Some(f) = JUDGEMENT_FRAMES.iter().find(|f| f.code == code) {
                    let _ = write!(
                        note,
                        ", judges its subject ({}) → {code}",
                        j.words.join(", ")
                    );
                    frame = f;
                    target = if own_country { None } else { j.about };
                    unnamed_makers = j.unnamed_makers;
                }
            }
        }
    }
    // "Gunmen released two priests, said church officials": a speaker after a reporting verb
    // is its subject, whatever a coordination the parser built says.
    let inverted_speaker = (entry.report && matches!(args.agent, Some((_, Via::Coordination))))
        .then(|| ctx.inverted_speaker(p.head))
        .flatten();
    if inverted_speaker.is_some() {
        note.push_str(", source: the speaker after the verb");
    }
    let source = inverted_speaker.or_else(|| {
        args.agent
            .and_then(|(t, via)| {
                let side = ctx.side_at(t)?;
                if via != Via::Own {
                    let _ = write!(note, ", source via {}", via.as_str());
                }
                Some(side)
            })
            .or_else(|| {
                if args.passive || args.agent.is_some() {
                    return None;
                }
                if entry.report {
                    if let Some(side) = ctx.speaker_of(p.head) {
                        note.push_str(", source: the speaker after the verb");
                        return Some(side);
                    }
                }
                // "in line with Treasury and Bank of England forecasts": a reporting verb in
                // the present with no subject that reports nothing is a plural noun the tagger
                // read as a verb.
                let syn = ctx.syn;
                let reports_nothing = entry.report
                    && matches!(syn.xpos(p.head), Xpos::VBZ | Xpos::VBP)
                    && !syn.children(p.head).any(|c| {
                        matches!(
                            syn.rel(c),
                            Rel::Ccomp | Rel::Parataxis | Rel::Obj | Rel::Xcomp
                        ) || ctx.doc.tokens[c].has(readout_doc::token_flags::QUOTE)
                    });
                if reports_nothing {
                    return None;
                }
                let side = ctx.subject_before(p.head)?;
                note.push_str(
                    ", source: the actor right before the verb (the parse gives no subject)",
                );
                Some(side)
            })
    });
    let Some(source) = source else {
        // "Two soldiers were killed": violence against political actors (soldiers, police,
        // officials, journalists) is coded with an unknown source. Crimes and accidents whose
        // victims are private people are not political events (GUIDELINES.md).
        let political_victim = target.as_ref().is_some_and(|t| {
            t.entities
                .iter()
                .all(|&e| political(&ctx.doc.actors[e as usize]))
        });
        // Being "forced" or "compelled" to act (plain coercion, 170) names no coercer, and is
        // mostly circumstance ("was forced to back down in the face of protests").
        let material_conflict =
            matches!(&frame.code[..2], "17" | "18" | "19" | "20") && frame.code != "170";
        // Agentless only: "struck by the level of concern" has a doer, just not an actor.
        let agentless = super::args::by_agent(syn, p.head, |t| ctx.word_is(t, "by")).is_none();
        if args.passive && agentless && material_conflict && political_victim {
            note.push_str(": passive without an agent against a political actor, source unknown");
            emit_unknown_source(ctx, p, frame, target.as_ref().expect("checked"), out, note);
        } else {
            note.push_str(": no source actor");
        }
        return;
    };
    if target.is_some() {
        let _ = write!(note, ", target: {how}");
    }
    // A reaction to "the move" is aimed at whoever made it.
    // Defending a move is done by its makers' side, signing a deal by its parties, breaking a
    // law by anyone: only approval, disapproval and rejection are aimed at the maker.
    let reaction = matches!(&frame.code[..2], "05" | "11" | "12")
        && !matches!(&frame.code[..3], "052" | "057" | "128");
    if target.is_none() && frame.code.starts_with("11") {
        target = complaint_about(ctx, p.head, false, &source);
        if target.is_some() {
            note.push_str(", target: the subject of the clause complained of");
        }
    }
    if target.is_none() && unnamed_makers.is_none() && reaction {
        target = ctx.doer_of_act(p.head, &source);
        if target.is_some() {
            note.push_str(", target: the doer of the act it names, from the sentences before");
        }
    }
    // A request that goes with a letter, a call or a meeting is addressed to its addressee.
    if target.is_none() && matches!(&frame.code[..2], "02" | "10") {
        target = request_addressee(ctx, p.head)
            .and_then(|a| ctx.side_at(a))
            .filter(|side| !side.entities.iter().any(|e| source.entities.contains(e)));
        if target.is_some() {
            note.push_str(
                ", target: whom the letter, call or meeting it goes with is addressed to",
            );
        }
    }
    let first = out.len();
    emit_event(ctx, p, frame, &source, target.as_ref(), out, note);
    if let Some(span) = unnamed_makers {
        // A policy's unnamed makers are its government, as a reader takes "the scheme";
        // the document pass gives them an actor (and the story's country).
        note.push_str(", target: the makers of the policy judged (GOV)");
        for e in &mut out[first..] {
            e.target = Some(Participant {
                actor: None,
                code: UNNAMED_MAKERS.to_string(),
                span,
            });
        }
    }
}

/// Whom a complaint or a criticism with a finite clause is about: the actor subject of that
/// clause ("complained *that the minister* had ignored them", "complaints from MPs *that Mr
/// Howard* had taken too long"), other than the one complaining. For an event noun (`noun`)
/// the clause is the noun's, or one the parser hung on the noun's verb, after the noun.
fn complaint_about(ctx: &SentenceCtx, head: usize, noun: bool, source: &Side) -> Option<Side> {
    let syn = ctx.syn;
    let that_clause = |c: usize| {
        syn.child(c, Rel::Mark)
            .is_some_and(|m| ctx.word_is(m, "that"))
    };
    // After a noun of complaint, "that" opens what is complained of, even where the parser
    // read it as a relative pronoun ("complaints that Mr Howard had taken too long").
    let opened_by_that = |c: usize| ctx.word_is(syn.extent(c).start, "that");
    let clause = if noun {
        let own = syn.children(head).find(|&c| {
            c > head
                && match syn.rel(c) {
                    Rel::Acl | Rel::Ccomp => that_clause(c),
                    Rel::AclRelcl => opened_by_that(c),
                    _ => false,
                }
        });
        // Or hung on the last noun of the complainers' phrase ("complaints from some of the
        // party's MPs | that Mr Howard had taken too long").
        let complainers = || {
            let phrase = syn
                .children(head)
                .find(|&c| c > head && syn.rel(c) == Rel::Nmod && ctx.case_is(c, &["from"]))?;
            syn.extent(phrase).find(|&c| {
                syn.rel(c) == Rel::AclRelcl
                    && opened_by_that(c)
                    && syn.child(c, Rel::Nsubj).is_some()
            })
        };
        own.or_else(complainers).or_else(|| {
            let h = syn.verb_of_argument(head)?;
            syn.children(h).find(|&c| {
                c > head && matches!(syn.rel(c), Rel::Advcl | Rel::Ccomp) && that_clause(c)
            })
        })
    } else {
        ctx.finite_complement(head, ctx.lex.words.id("that"))
            .map(|(c, _)| c)
    }?;
    let about = ctx.side_at(syn.child(clause, Rel::Nsubj)?)?;
    let own = about.entities.iter().any(|e| source.entities.contains(e));
    (!own).then_some(about)
}

/// The sector of the unnamed makers of a policy: a target whose actor the document pass
/// supplies ([`crate::Coder::code`]).
pub const UNNAMED_MAKERS: &str = "GOV";

/// Whether an actor speaks for private interests (business, civilians, workers): not the
/// maker of a public act or policy.
pub(crate) fn private_interest(actor: &readout_doc::Actor) -> bool {
    actor
        .sectors
        .iter()
        .any(|s| matches!(s.as_str(), "BUS" | "CVL" | "LAB"))
}

/// Whether an actor is a political one: anything but a private person, a business, or an
/// unspecified civilian.
fn political(actor: &readout_doc::Actor) -> bool {
    !actor.sectors.is_empty()
        && !actor
            .sectors
            .iter()
            .any(|s| matches!(s.as_str(), "CVL" | "BUS" | "UAF" | "CRM"))
}

/// An event whose doer the text does not name ("two soldiers were killed"): the source is
/// empty, as GDELT leaves Actor1 empty, and the trigger stands as its text.
fn emit_unknown_source(
    ctx: &SentenceCtx,
    p: &Predicate,
    frame: &Frame,
    target: &Side,
    out: &mut Vec<Event>,
    note: &mut String,
) {
    let q = ctx.qualifiers(p.head);
    let negated = q.negated || target.negative_determiner;
    let modality = q.modality.unwrap_or(Modality::Asserted);
    if negated {
        note.push_str(", negated");
    }
    let Some(cameo) = ctx.lex.code(&frame.code) else {
        return;
    };
    let trigger = ctx.span(p.start..p.end);
    let clause = ctx.clause_span(p.head);
    for &e in &target.entities {
        out.push(Event {
            sentence: ctx.index as u32,
            code: frame.code.clone(),
            goldstein: cameo.goldstein,
            quad_class: cameo.quad_class,
            plover: cameo.plover.clone(),
            source: Participant {
                actor: None,
                code: String::new(),
                span: Span {
                    start: trigger.start,
                    end: trigger.start,
                },
            },
            target: Some(Participant {
                actor: Some(e),
                code: ctx.doc.actors[e as usize].code.clone(),
                span: target.span,
            }),
            trigger,
            date: None,
            location: None,
            negated,
            modality,
            attribution: None,
            clause: clause.start as u32..clause.end as u32,
            trigger_token: p.head as u32,
        });
    }
}

/// The source of an event noun: its possessor or actor modifier ("Russia's invasion",
/// "Russian strikes", "EU sanctions"), its "by" phrase, its "from" phrase unless "from" names
/// where the event leaves from ("complaints from MPs", not "withdrawal from Iraq"), or the
/// subject of the verb it is the object of ("held talks", "launched an offensive", "imposed
/// sanctions").
fn noun_source(ctx: &SentenceCtx, n: usize, from_origin: bool) -> Option<(Side, &'static str)> {
    let syn = ctx.syn;
    for c in syn.children(n).filter(|&c| c < n) {
        if matches!(syn.rel(c), Rel::NmodPoss | Rel::Amod | Rel::Compound) {
            if let Some(owner) = ctx.owner_at(c) {
                let side = Side {
                    entities: vec![owner],
                    span: ctx.span(c..c + 1),
                    negative_determiner: false,
                };
                return Some((side, "possessive pronoun"));
            }
            if let Some(side) = ctx
                .group_at(c)
                .filter(|g| g.is_actor() || g.speaker_pronoun)
                .and_then(|g| ctx.side_of_group(g))
            {
                return Some((side, "possessor or modifier"));
            }
        }
    }
    for c in syn
        .children(n)
        .filter(|&c| c > n && syn.rel(c) == Rel::Nmod)
    {
        if ctx.case_is(c, &["by"]) {
            if let Some(side) = ctx.side_at(c) {
                return Some((side, "\"by\" phrase"));
            }
        }
    }
    if !from_origin {
        if let Some(side) = from_phrase(ctx, n).and_then(|c| ctx.side_at(c)) {
            return Some((side, "\"from\" phrase"));
        }
    }
    let h = syn.head(n)?;
    // Only a light verb makes its noun the event: "held talks", "imposed sanctions", "a
    // crackdown was launched by the minister" — not "condemned the invasion".
    let verb = ctx.verb_at(h).filter(|v| v.light)?;
    if syn.rel(n) == Rel::NsubjPass {
        let agent = super::args::by_agent(syn, h, |t| ctx.word_is(t, "by"))?;
        return ctx
            .side_at(agent)
            .map(|side| (side, "agent of the light verb"));
    }
    // "engaged in talks", "started with an apology", "held them under house arrest", "spoke
    // during a visit" take their event in an oblique of being in or with it (not "entered
    // Downing Street after the resignation"); a reporting verb only in its object ("announced
    // a ban", not "announced it after the meeting").
    let inside = || ctx.case_is(n, &["in", "into", "with", "under", "during"]);
    let argument = match syn.rel(n) {
        Rel::Obj => true,
        Rel::Obl => !verb.report && inside(),
        Rel::Xcomp => !verb.report,
        _ => false,
    };
    if argument {
        let (s, _) = subject(syn, h)?;
        // "suspects can be held under house arrest": the subject of a passive undergoes what
        // it is put under (but takes part in what it is "locked in").
        if syn.rel(s) == Rel::NsubjPass && ctx.case_is(n, &["under"]) {
            let agent = super::args::by_agent(syn, h, |t| ctx.word_is(t, "by"))?;
            return ctx
                .side_at(agent)
                .map(|side| (side, "agent of the light verb"));
        }
        return ctx
            .side_at(s)
            .map(|side| (side, "subject of the light verb"));
    }
    None
}

/// The "from" phrase of a noun: its own modifier, or one the parser hung on the noun's "of"
/// phrase ("criticism of the plan | from Borovia") or on the verb the noun is the object of,
/// right after the noun ("follows complaints | from MPs").
fn from_phrase(ctx: &SentenceCtx, n: usize) -> Option<usize> {
    let syn = ctx.syn;
    let from_modifier = |k: usize| {
        syn.children(k)
            .find(|&c| c > k && syn.rel(c) == Rel::Nmod && ctx.case_is(c, &["from"]))
    };
    let of_phrase = || {
        syn.children(n)
            .find(|&c| c > n && syn.rel(c) == Rel::Nmod && ctx.case_is(c, &["of"]))
    };
    if let Some(c) = from_modifier(n).or_else(|| of_phrase().and_then(from_modifier)) {
        return Some(c);
    }
    let is_from = |c: usize| ctx.case_is(c, &["from"]);
    let h = syn.verb_of_argument(n)?;
    let after = syn.extent(n).end;
    syn.children(h)
        .find(|&c| c > n && syn.rel(c) == Rel::Obl && syn.extent(c).start == after && is_from(c))
}

fn code_noun(
    ctx: &SentenceCtx,
    buffers: &mut Buffers,
    p: &Predicate,
    noun: u32,
    out: &mut Vec<Event>,
    note: &mut String,
) {
    let entry = &ctx.lex.nouns[noun as usize];
    let _ = write!(
        note,
        "noun {:?} ({}:{})",
        entry.lemma, entry.file, entry.line
    );
    // An event noun that modifies another noun ("the *dialogue* process", "*peace* talks")
    // stands where that noun stands: its arguments are the phrase's.
    let syn = ctx.syn;
    let anchor = syn
        .head(p.head)
        .filter(|&h| syn.rel(p.head) == Rel::Compound && syn.upos(h) == readout_syntax::Upos::NOUN)
        .unwrap_or(p.head);
    let Some(m) = ctx.match_frames(
        &entry.frames,
        anchor,
        p.end.max(anchor + 1),
        true,
        &mut buffers.clause,
    ) else {
        note.push_str(": no frame fits");
        return;
    };
    let _ = write!(note, " frame `{}` = {}", m.frame.text, m.frame.code);
    if m.frame.code == NO_EVENT {
        mark_consumed(ctx, buffers, &m);
        note.push_str(": a sense that is no event");
        return;
    }
    let target = m.target.and_then(|g| ctx.target_side(g));
    // "talks between X and Y": the first is the source, the others the target.
    let between = target.as_ref().is_some_and(|_| {
        m.frame
            .pattern
            .first()
            .is_some_and(|i| matches!(i, PatternItem::Word(w) if ctx.lex.words.id("between") == *w))
    });
    let (source, target) = if between {
        let mut t = target.expect("checked");
        if t.entities.len() < 2 {
            note.push_str(": \"between\" names one actor");
            return;
        }
        let first = t.entities.remove(0);
        (
            Side {
                entities: vec![first],
                span: t.span,
                negative_determiner: t.negative_determiner,
            },
            Some(t),
        )
    } else {
        let Some((source, how)) = noun_source(ctx, p.head, entry.from_origin).or_else(|| {
            (anchor != p.head)
                .then(|| noun_source(ctx, anchor, entry.from_origin))
                .flatten()
        }) else {
            note.push_str(": no source actor");
            return;
        };
        let _ = write!(note, ", source: {how}");
        (source, target)
    };
    let mut target = target;
    if target.is_none() && m.frame.code.starts_with("11") {
        target = complaint_about(ctx, p.head, true, &source);
        if target.is_some() {
            note.push_str(", target: the subject of the clause complained of");
        }
    }
    if target.is_none() {
        // "The government is facing opposition from MPs", "Blair faces criticism from his
        // party": what someone faces or suffers is aimed at them.
        target = undergoer(ctx, p.head, &source);
        if target.is_some() {
            note.push_str(", target: the subject of the verb that undergoes it");
        }
    }
    if target.is_none() && source.entities.len() < 2 {
        // A bare mention ("the talks", "Russia's offensive") is a thing, not an event, unless
        // a verb makes it one ("held talks" — then the verb's frame codes it).
        let light = ctx
            .syn
            .head(anchor)
            .is_some_and(|h| ctx.verb_at(h).is_some_and(|v| v.light));
        if !light {
            note.push_str(": no target, and the source is a single actor");
            return;
        }
    }
    mark_consumed(ctx, buffers, &m);
    emit_event(ctx, p, m.frame, &source, target.as_ref(), out, note);
}

/// The subject of the verb of ordeal (`evaluation ordeal`: face, suffer, attract) whose object
/// is event noun `head` ("came *under* fire" too), other than the event's source.
fn undergoer(ctx: &SentenceCtx, head: usize, source: &Side) -> Option<Side> {
    let syn = ctx.syn;
    let under = || syn.rel(head) == Rel::Obl && ctx.case_is(head, &["under"]);
    let verb = syn
        .head(head)
        .filter(|_| syn.rel(head) == Rel::Obj || under())?;
    if !ctx.lex.ordeals.contains(&ctx.toks.words[verb]) {
        return None;
    }
    let (s, _) = super::args::subject(syn, verb)?;
    let side = ctx.side_at(s)?;
    let own = side.entities.iter().any(|e| source.entities.contains(e));
    (!own).then_some(side)
}

/// Acts that two parties do together: consulting, cooperating, signing an agreement,
/// fighting. Praising, defending, apologising and forgiving (the rest of 05) are done to a
/// third: "the unions and the police backed his measures" is not one backing the other.
fn reciprocal(code: &str) -> bool {
    matches!(&code[..2], "04" | "06" | "19") || matches!(code, "050" | "057")
}

/// Emits the events between two sides, with the predicate's negation and modality: every
/// source towards every target, or the members of a coordinated or plural source towards
/// each other ("the two officials met").
fn emit_event(
    ctx: &SentenceCtx,
    p: &Predicate,
    frame: &Frame,
    source: &Side,
    target: Option<&Side>,
    out: &mut Vec<Event>,
    note: &mut String,
) {
    // An event noun's negation and modality are those of the verb it is the object of
    // ("decided to resume the dialogue", "did not hold talks").
    let qualified = match p.entry {
        Entry::Noun { .. } => {
            let syn = ctx.syn;
            let mut k = p.head;
            if syn.rel(k) == Rel::Compound {
                k = syn.head(k).unwrap_or(k);
            }
            syn.head(k)
                .filter(|&h| {
                    ctx.verb_at(h).is_some()
                        && matches!(syn.rel(k), Rel::Obj | Rel::Obl | Rel::NsubjPass)
                })
                .unwrap_or(p.head)
        }
        Entry::Verb { .. } => p.head,
    };
    let q = ctx.qualifiers(qualified);
    let negated = q.negated || source.negative_determiner;
    let modality = q.modality.unwrap_or(Modality::Asserted);
    if negated {
        note.push_str(", negated");
    }
    if modality != Modality::Asserted {
        let _ = write!(note, ", {}", modality.as_str());
    }
    if !q.because.is_empty() {
        let _ = write!(note, " ({})", q.because.join("; "));
    }
    let code = frame.code.as_str();
    let Some(cameo) = ctx.lex.code(code) else {
        return;
    };
    let trigger = ctx.span(p.start..p.end);
    let pairs: Vec<(u32, Option<(u32, Span)>)> = match target {
        Some(t) => source
            .entities
            .iter()
            .flat_map(|&s| t.entities.iter().map(move |&e| (s, Some((e, t.span)))))
            .collect(),
        // "The two officials met", "China and Russia held talks": members of a plural source
        // act towards each other when the act is mutual.
        None if source.entities.len() >= 2 && reciprocal(code) => {
            vec![(source.entities[0], Some((source.entities[1], source.span)))]
        }
        None => source.entities.iter().map(|&s| (s, None)).collect(),
    };
    let clause = ctx.clause_span(p.head);
    // "The Lib Dems branded it a sticking plaster": the object pronoun of a verb (other than
    // a reflexive) is never that verb's own subject, so one that coreference took back to the
    // source names someone else, or a thing; the act stays, without a target.
    // Asked only of a pair that names one actor on both sides, which is rare.
    let other_than_source = || {
        target.is_some_and(|t| {
            let syn = ctx.syn;
            let pronoun = ctx.doc.tokens_of(t.span).start;
            let text = ctx.text(pronoun);
            let reflexive = text.len() >= 4 && text[text.len() - 4..].eq_ignore_ascii_case("self");
            t.entities.len() == 1
                && syn.head(pronoun) == Some(p.head)
                && matches!(syn.rel(pronoun), Rel::Obj | Rel::Iobj)
                && ctx
                    .group_at(pronoun)
                    .is_some_and(|g| g.pronoun && g.tokens.len() == 1)
                && !reflexive
                && super::args::subject(syn, p.head).is_some_and(|(s, via)| {
                    let subject = ctx.doc.tokens[s].span;
                    via == super::args::Via::Own
                        && subject.start >= source.span.start
                        && subject.end <= source.span.end
                })
        })
    };
    // "The Salford MP told the Commons", "the prime minister hailed his chancellor": two
    // bodies or people of one country and sector share a code, not an identity. A target
    // named apart from the source, neither side by a pronoun, is another of that code; a
    // country alone on both sides is the one country ("Mexico … the Mexican economy"), and
    // people in general on both sides ("forcing a woman", "the child") are no dyad of note.
    let named = |span: Span| {
        ctx.group_at(ctx.doc.tokens_of(span).start)
            .is_some_and(|g| !g.pronoun && !g.speaker_pronoun)
    };
    let named_apart = |e: u32, span: Span| {
        let actor = &ctx.doc.actors[e as usize];
        actor.key.starts_with("code:")
            && !actor.sectors.is_empty()
            && actor.sectors.iter().all(|s| s != "CVL")
            && (span.start >= source.span.end || span.end <= source.span.start)
            && named(span)
            && named(source.span)
    };
    for (s, t) in pairs {
        let t = match t {
            Some((e, span)) if e == s && named_apart(e, span) => t,
            Some((e, _)) if e == s && other_than_source() => None,
            Some((e, _)) if e == s => continue,
            t => t,
        };
        let participant = |e: u32, span: Span| Participant {
            actor: Some(e),
            code: ctx.doc.actors[e as usize].code.clone(),
            span,
        };
        let duplicate = out
            .iter()
            .rev()
            .take_while(|e| e.sentence == ctx.index as u32)
            .any(|e| {
                e.code == code
                    && e.source.actor == Some(s)
                    && e.target.as_ref().and_then(|t| t.actor) == t.map(|t| t.0)
            });
        if duplicate {
            continue;
        }
        out.push(Event {
            sentence: ctx.index as u32,
            code: code.to_string(),
            goldstein: cameo.goldstein,
            quad_class: cameo.quad_class,
            plover: cameo.plover.clone(),
            source: participant(s, source.span),
            target: t.map(|(e, span)| participant(e, span)),
            trigger,
            date: None,
            location: None,
            negated,
            modality,
            attribution: None,
            clause: clause.start as u32..clause.end as u32,
            trigger_token: p.head as u32,
        });
    }
}

/// Whom a request made in a participle clause is addressed to, when the clause goes with a
/// letter, a call or a meeting: "has written to Mr McConnell asking for clarification",
/// "met the chancellor, demanding …": the indirect object, object or "to" phrase of the verb
/// the clause hangs on. (A participle the parser hangs on that phrase itself, "wrote to the
/// minister asking …", is left alone: "spoke to protesters demanding his resignation" is
/// read the same way, and there the protesters demand.)
fn request_addressee(ctx: &SentenceCtx, v: usize) -> Option<usize> {
    let syn = ctx.syn;
    if syn.rel(v) != Rel::Advcl || syn.xpos(v) != Xpos::VBG || syn.child(v, Rel::Mark).is_some() {
        return None;
    }
    let head = syn.head(v)?;
    syn.children(head)
        .filter(|&c| c < v)
        .find(|&c| match syn.rel(c) {
            Rel::Iobj | Rel::Obj => true,
            Rel::Obl => ctx.case_is(c, &["to"]),
            _ => false,
        })
}
