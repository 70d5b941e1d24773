//! Attribution: who says an event happened.
//!
//! A reporting verb attributes the events of the clause it reports: its complement ("TASS
//! reported that *Russian jets struck* …") or, when it trails the report ("*Russian jets
//! struck* …, TASS reported"), the clause it hangs from. "According to X" attributes every
//! other event of the sentence to X, and so does "citing X" when X is someone (not a reason:
//! "citing concerns over security"). The reporting event itself is never attributed to
//! itself.

use super::SentenceCtx;
use readout_doc::{Attribution, Event};
use readout_lexicon::WordClasses;

/// Sets the attribution of the sentence's events (`events`, all of this sentence).
pub fn attribute(ctx: &SentenceCtx, events: &mut [Event]) {
    let syn = ctx.syn;
    for t in ctx.range.clone() {
        if syn.upos(t) != readout_syntax::Upos::VERB {
            continue;
        }
        let Some(m) = ctx.lex.verb_forms.longest(
            &ctx.toks.words[..ctx.range.end],
            &ctx.toks.caps[..ctx.range.end],
            t,
        ) else {
            continue;
        };
        let Some(form) = m.values().last().copied() else {
            continue;
        };
        let verb = &ctx.lex.verbs[form.verb as usize];
        if !verb.report {
            continue;
        }
        let Some(speaker) = ctx.speaker_of(t) else {
            continue;
        };
        let attribution = Attribution {
            span: speaker.span,
            actor: speaker.entities.first().copied(),
        };
        let reported = ctx.reported(t);
        for e in events.iter_mut() {
            let trigger = e.trigger_token as usize;
            if e.attribution.is_some() || trigger == t {
                continue;
            }
            if reported.iter().any(|r| r.contains(ctx, trigger)) {
                e.attribution = Some(attribution.clone());
            }
        }
    }
    // "according to X", "citing X".
    let according = ctx.range.clone().find_map(|t| {
        let len = ctx.toks.phrase_len(t, WordClasses::ATTRIBUTION)?;
        let after = t + len;
        let side = (after..ctx.range.end)
            .take_while(|&k| !matches!(ctx.text(k), "," | "." | ";"))
            .find_map(|k| ctx.group_at(k).filter(|g| g.is_actor()))
            .and_then(|g| ctx.side_of_group(g));
        // "citing X" names a source only when X is someone ("citing officials"), not a reason
        // ("citing concerns over security").
        if side.is_none() && ctx.text(t).eq_ignore_ascii_case("citing") {
            return None;
        }
        let end = (after..ctx.range.end)
            .take_while(|&k| !matches!(ctx.text(k), "," | "." | ";" | "”" | "\""))
            .last()?;
        Some(Attribution {
            span: ctx.span(after..end + 1),
            actor: side.and_then(|s| s.entities.first().copied()),
        })
    });
    if let Some(a) = according {
        for e in events.iter_mut().filter(|e| e.attribution.is_none()) {
            e.attribution = Some(a.clone());
        }
    }
}
