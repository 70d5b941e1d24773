//! The coder: actors, events and quotes.
//!
//! Takes a segmented [`Document`] (paragraphs, sentences and tokens set by `readout-ingest` and
//! `readout-text`) and a compiled [`Lexicon`]; fills in the document's actors, mentions, place
//! mentions, events and quotes. Dates and places are attached afterwards by `readout-context`.
//!
//! The analysis is shallow and explainable, in the TABARI/PETRARCH tradition:
//! 1. [`analysis`]: every token gets a word id and its function-word classes; the lexicon's
//!    phrase tries find names, verb forms and event nouns (longest match, no per-entry scans).
//! 2. [`actors`]: noun groups are built from name hits ("Russian Security Council secretary
//!    Sergei Shoigu", "Russia's top economic envoy", "state news agency TASS"), resolved to
//!    actors, and linked across the document ("Mr Wang", "he", "it", "the two officials").
//! 3. [`quotes`]: quotations per paragraph with their speakers.
//! 4. [`events`]: verb frames and noun triggers produce CAMEO events; the verb group gives
//!    negation and modality, reporting verbs and "according to" give attribution.
//!
//! Captions are analysed for actors but never coded as events.

pub mod actors;
pub mod analysis;
pub mod events;
pub mod quotes;

use actors::{noun_groups, Coref, NounGroup, Resolver};
use analysis::{name_hits, verb_and_noun_hits, NameHit, NounHit, Tokens, VerbHit};
use events::{attribute, code_noun, code_verb, SentenceView};
use readout_doc::{Document, Kind};
use readout_lexicon::Lexicon;

/// A human-readable account of how a document was coded (`readout explain`).
#[derive(Debug, Default)]
pub struct Trace {
    pub lines: Vec<String>,
}

pub struct Coder<'l> {
    lex: &'l Lexicon,
}

struct SentenceHits {
    groups: Vec<NounGroup>,
    verbs: Vec<VerbHit>,
    nouns: Vec<NounHit>,
}

impl<'l> Coder<'l> {
    pub fn new(lex: &'l Lexicon) -> Coder<'l> {
        Coder { lex }
    }

    /// Codes one document; with `trace`, records why.
    pub fn code(&self, doc: &mut Document, mut trace: Option<&mut Trace>) {
        let lex = self.lex;
        let toks = Tokens::new(doc, lex);
        let mut resolver = Resolver::new(lex, doc.meta.published);
        let mut coref = Coref::default();
        let mut last_speaker = None;
        let mut hits: Vec<NameHit> = Vec::new();
        let mut taken: Vec<bool> = Vec::new();
        let mut s = 0;
        while s < doc.sentences.len() {
            let paragraph = doc.sentences[s].paragraph;
            let kind = doc.sentences[s].kind;
            let mut end = s;
            while end < doc.sentences.len() && doc.sentences[end].paragraph == paragraph {
                end += 1;
            }
            let mut per_sentence: Vec<SentenceHits> = Vec::with_capacity(end - s);
            for si in s..end {
                let range = doc.sentences[si].token_range();
                name_hits(doc, lex, &toks, range.clone(), &mut hits);
                let mut groups = Vec::new();
                noun_groups(
                    doc,
                    &mut resolver,
                    &toks,
                    si,
                    &hits,
                    &mut coref,
                    kind != Kind::Caption,
                    &mut groups,
                );
                taken.clear();
                taken.resize(range.len(), false);
                for h in &hits {
                    for t in h.tokens.clone() {
                        taken[t - range.start] = true;
                    }
                }
                for g in &groups {
                    for t in g.tokens.clone() {
                        taken[t - range.start] = true;
                    }
                }
                let (mut verbs, mut nouns) = (Vec::new(), Vec::new());
                verb_and_noun_hits(
                    doc, lex, &toks, range, &taken, &hits, &mut verbs, &mut nouns,
                );
                per_sentence.push(SentenceHits {
                    groups,
                    verbs,
                    nouns,
                });
            }
            let views: Vec<SentenceView> = per_sentence
                .iter()
                .enumerate()
                .map(|(k, h)| SentenceView::new(doc, &toks, s + k, &h.groups, &h.verbs, &h.nouns))
                .collect();
            let quotes = quotes::find_quotes(doc, lex, &toks, &views, &mut last_speaker);
            let mut next_quote = 0;
            for view in &views {
                // Quotes are in text order: skip those that end before this sentence.
                while next_quote < quotes.len() && quotes[next_quote].close < view.range.start {
                    next_quote += 1;
                }
                let speaker = quotes[next_quote..]
                    .iter()
                    .take_while(|q| q.open < view.range.end)
                    .find_map(|q| q.speaker);
                if let Some(t) = trace.as_deref_mut() {
                    self.trace_sentence(doc, &toks, view, t);
                }
                if kind == Kind::Caption {
                    if let Some(t) = trace.as_deref_mut() {
                        t.lines.push("  (caption: actors only, no events)".into());
                    }
                    continue;
                }
                let first_event = doc.events.len();
                for v in view.verbs {
                    let mut note = String::new();
                    code_verb(doc, lex, &toks, view, v, speaker, &mut note);
                    if let Some(t) = trace.as_deref_mut() {
                        t.lines.push(format!("  {note}"));
                    }
                }
                for n in view.nouns {
                    let mut note = String::new();
                    code_noun(doc, lex, &toks, view, n, speaker, &coref, &mut note);
                    if let Some(t) = trace.as_deref_mut() {
                        t.lines.push(format!("  {note}"));
                    }
                }
                attribute(doc, lex, &toks, view, first_event, speaker);
            }
            s = end;
        }
        let home = actors::home::home_country(doc, lex);
        if let Some(t) = trace.as_deref_mut() {
            t.lines.push(match &home {
                Some(h) => format!(
                    "home country {} (support {:.1}, runner-up {:.1}): given to actors without one",
                    h.code, h.support, h.runner_up
                ),
                None => "home country: none is clearly the story's".into(),
            });
        }
        if let Some(h) = home {
            actors::home::apply_home_country(doc, &h);
        }
    }

    fn trace_sentence(
        &self,
        doc: &Document,
        toks: &Tokens,
        view: &SentenceView,
        trace: &mut Trace,
    ) {
        let sentence = &doc.sentences[view.index];
        trace.lines.push(format!(
            "sentence {} ({}): {}",
            view.index,
            sentence.kind.as_str(),
            doc.slice(sentence.span)
        ));
        let mut tagged = Vec::new();
        for t in view.range.clone() {
            let mut tag = String::from(doc.token_text(t));
            let names = toks.classes[t].names();
            if !names.is_empty() {
                tag.push_str(&format!("/{}", names.join(",")));
            }
            if view.verbs.iter().any(|v| v.tokens.0 <= t && t < v.tokens.1) {
                tag.push_str("/VERB");
            }
            if view.nouns.iter().any(|n| n.tokens.0 <= t && t < n.tokens.1) {
                tag.push_str("/EVENT-NOUN");
            }
            tagged.push(tag);
        }
        trace.lines.push(format!("  tokens: {}", tagged.join(" ")));
        for g in view.groups {
            let text = doc.slice(readout_doc::Span {
                start: doc.tokens[g.tokens.start].span.start,
                end: doc.tokens[g.tokens.end - 1].span.end,
            });
            let resolved = match (g.place, g.entity, g.pair) {
                (Some(p), _, _) => format!("place {}", doc.places[p as usize].name),
                (_, _, Some((a, b))) => format!(
                    "actors {} and {}",
                    doc.actors[a as usize].code, doc.actors[b as usize].code
                ),
                (_, Some(e), _) => format!(
                    "actor {} ({})",
                    doc.actors[e as usize].code, doc.actors[e as usize].name
                ),
                _ => "unresolved".into(),
            };
            trace.lines.push(format!(
                "  group {text:?}: {} → {resolved}{}",
                g.evidence,
                if g.possessor { " (possessor)" } else { "" }
            ));
        }
    }
}
