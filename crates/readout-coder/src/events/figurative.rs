//! Force in words: "the Tories attacked Labour's plans", "Wal-Mart is fighting two lawsuits".
//!
//! English lends the verbs of fighting to argument and to competition; CAMEO codes force (18–20:
//! assault, fight, mass violence) only when force is used, and codes a crowd's force as a riot.
//! Three readings, applied after the frames have coded a sentence:
//! - an assault on a policy, a plan or what someone said (the lexicon's `evaluation thing`
//!   and `policy` words: "attacked the legislation", "launched an attack on the plans") is
//!   criticism of whoever made it (111), aimed where the frame aimed it (the owner: "Labour's
//!   pledges" → Labour);
//! - force by an actor that bears no arms (a party, a company, the media, courts, lawmakers,
//!   unions, charities, former officials) is criticism when it is aimed at an actor ("Yukos has
//!   been battling the Russian authorities") or at what the passive names ("the proposals were
//!   attacked by the Tories"), and no event at all when it is aimed at nothing the coder knows
//!   ("fighting fierce competition");
//! - force by a crowd of protesters ("protesters stormed the parliament") is a riot (145).

use super::args::{is_passive, object};
use super::SentenceCtx;
use readout_doc::Event;
use readout_syntax::Rel;

/// Recodes or drops the figurative uses of force among the sentence's events `out[first..]`.
pub fn figurative_force(ctx: &SentenceCtx, out: &mut Vec<Event>, first: usize) {
    let Some(criticism) = ctx.lex.code(CRITICISM) else {
        return;
    };
    let mut dropped = Vec::new();
    for (i, e) in out.iter_mut().enumerate().skip(first) {
        if !matches!(e.code.get(..2), Some("18" | "19" | "20")) {
            continue;
        }
        // "Protesters stormed the parliament": force a crowd uses is a riot ("protesters
        // attacked the plans" is still words).
        let riot = matches!(e.code.get(..2), Some("18" | "19"))
            && by_a_crowd(ctx, e)
            && !aims_at_words(ctx, e.trigger_token as usize);
        if riot {
            if let Some(riot) = ctx.lex.code(VIOLENT_PROTEST) {
                super::statements::recode(e, riot);
            }
            continue;
        }
        let unarmed = e
            .source
            .actor
            .is_some_and(|a| bears_no_arms(&ctx.doc.actors[a as usize]));
        let aimed_at_actor = e.target.as_ref().is_some_and(|t| t.actor.is_some());
        // "That has been attacked by the Tories as too little, too late": what an unarmed
        // actor attacks in the passive is named, and not an actor the coder knows.
        let passive = is_passive(ctx.syn, e.trigger_token as usize);
        if aims_at_words(ctx, e.trigger_token as usize) || (unarmed && (aimed_at_actor || passive))
        {
            super::statements::recode(e, criticism);
        } else if unarmed {
            dropped.push(i);
        }
    }
    for i in dropped.into_iter().rev() {
        out.remove(i);
    }
}

/// CAMEO's "criticize or denounce".
const CRITICISM: &str = "111";

/// CAMEO's "protest violently, riot".
const VIOLENT_PROTEST: &str = "145";

/// Whether the event's doer is named by a word for protesters (the lexicon's `crowd` words).
fn by_a_crowd(ctx: &SentenceCtx, e: &Event) -> bool {
    ctx.doc
        .tokens_of(e.source.span)
        .any(|t| ctx.lex.crowds.contains(&ctx.toks.words[t]))
}

/// Sectors of actors that do not use force: their "attacks" and "fights" are words, lawsuits
/// and competition.
fn bears_no_arms(actor: &readout_doc::Actor) -> bool {
    !actor.sectors.is_empty()
        && actor.sectors.iter().all(|s| {
            matches!(
                s.as_str(),
                "PTY"
                    | "OPP"
                    | "LEG"
                    | "JUD"
                    | "ELI"
                    | "BUS"
                    | "MED"
                    | "EDU"
                    | "LAB"
                    | "NGO"
                    | "HRI"
                    | "HLH"
                    | "ENV"
                    | "AGR"
                    | "DEV"
            )
        })
}

/// Whether the predicate at `t` is aimed at a policy, a plan or words: its object, or its
/// "on" or "against" phrase ("attacked the plans", "an attack on the bill"), through a light
/// noun of attack ("launched an attack on the cost of …").
fn aims_at_words(ctx: &SentenceCtx, t: usize) -> bool {
    let syn = ctx.syn;
    let aimed = |p: usize| {
        object(syn, p)
            .into_iter()
            .chain(syn.children(p).filter(move |&c| {
                matches!(syn.rel(c), Rel::Obl | Rel::Nmod)
                    && c > p
                    && syn
                        .case_of(c)
                        .is_some_and(|k| ctx.word_is(k, "on") || ctx.word_is(k, "against"))
            }))
    };
    let is_words = |n: usize| {
        let w = ctx.toks.words[n];
        ctx.lex.judged_things.contains(&w) || ctx.lex.policy_words.contains(&w)
    };
    aimed(t).any(|o| is_words(o) || aimed(o).any(is_words))
}
