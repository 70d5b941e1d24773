//! Attribution: who says an event happened.
//!
//! A reporting verb attributes the events of the clause it reports: its complement ("TASS
//! reported that *Russian jets struck* …") or, when it trails the report ("*Russian jets
//! struck* …, TASS reported"), the clause it hangs from. "According to X" attributes every
//! other event of the sentence to X. The reporting event itself is never attributed to
//! itself.

use super::SentenceCtx;
use readout_doc::{Attribution, Event};
use readout_lexicon::WordClasses;
use readout_syntax::Rel;

/// What a reporting verb reports: the heads of its complements, and the clause it trails.
struct Reported {
    attribution: Attribution,
    complements: Vec<usize>,
    trailed: Option<usize>,
}

impl SentenceCtx<'_> {
    /// The reporter of reporting verb `v` and the clauses it reports.
    fn reported(&self, v: usize) -> Option<Reported> {
        let syn = self.syn;
        let side = self.speaker_of(v)?;
        let attribution = Attribution {
            span: side.span,
            actor: side.entities.first().copied(),
        };
        let complements = syn
            .children(v)
            .filter(|&c| matches!(syn.rel(c), Rel::Ccomp | Rel::Parataxis))
            .collect();
        // A trailing report: "…, officials said" hangs from the clause it reports.
        let trailed = syn
            .head(v)
            .filter(|&h| h < v && matches!(syn.rel(v), Rel::Parataxis | Rel::Ccomp));
        Some(Reported {
            attribution,
            complements,
            trailed,
        })
    }
}

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
        let Some(r) = ctx.reported(t) else {
            continue;
        };
        for e in events.iter_mut() {
            let trigger = e.trigger_token as usize;
            if e.attribution.is_some() || trigger == t {
                continue;
            }
            let inside = r.complements.iter().any(|&c| syn.within(trigger, c))
                || r
                    .trailed
                    .is_some_and(|h| syn.within(trigger, h) && !syn.within(trigger, t));
            if inside {
                e.attribution = Some(r.attribution.clone());
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
