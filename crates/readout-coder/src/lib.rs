//! The coder: actors, events and quotes.
//!
//! Takes a segmented [`Document`] (paragraphs, sentences and tokens set by `readout-ingest` and
//! `readout-text`) and a compiled [`Lexicon`]; fills in the document's actors, mentions, place
//! mentions, events and quotes. Dates and places are attached afterwards by `readout-context`.
//!
//! Coding reads a syntactic analysis and stays explainable:
//! 1. [`analysis`]: every token gets a word id and its function-word classes; the lexicon's
//!    phrase tries find names (longest match, no per-entry scans).
//! 2. [`syntax`]: `readout-syntax` tags and parses every sentence (Universal Dependencies).
//! 3. [`actors`]: noun groups are built from name hits ("Russian Security Council secretary
//!    Sergei Shoigu", "Russia's top economic envoy", "state news agency TASS") and, for
//!    people and bodies the lexicon does not list, from what their phrase contains; they are
//!    resolved to actors and linked across the document ("Mr Wang", "he", "the two
//!    officials"); the article's home country is given to actors the text leaves without one.
//! 4. [`quotes`]: quotations per paragraph with their speakers.
//! 5. [`events`]: verbs and event nouns the tagger confirms are matched against the lexicon's
//!    frames through the parse (subject, object, obliques, passive agent, control,
//!    coordination, participles, relative clauses); negation, modality and attribution come
//!    from the words and verbs that govern each predicate.
//!
//! Captions are analysed for actors but never coded as events.

pub mod actors;
pub mod analysis;
pub mod events;
pub mod quotes;
pub mod syntax;

use actors::{noun_groups, Coref, NounGroup, Resolver};
use analysis::{name_hits, NameHit, Tokens};
use events::code::Buffers;
use events::{code_sentence, SentenceCtx};
use readout_doc::{Document, Kind};
use readout_lexicon::Lexicon;
use readout_syntax::Parser;
use syntax::Syntax;

/// A human-readable account of how a document was coded (`readout explain`).
#[derive(Debug, Default)]
pub struct Trace {
    /// One line per step, in the order the coder took them: each sentence with its parse tree
    /// and noun groups, the notes on its events, and the home country chosen at the end.
    pub lines: Vec<String>,
}

/// Codes documents against one lexicon and one parser model. It holds no per-document state, so
/// one coder serves any number of documents.
pub struct Coder<'l> {
    lex: &'l Lexicon,
    parser: &'l Parser,
}

impl<'l> Coder<'l> {
    /// A coder with the parser model shipped in the binary.
    pub fn new(lex: &'l Lexicon) -> Coder<'l> {
        Coder {
            lex,
            parser: Parser::embedded(),
        }
    }

    /// A coder with another parser model.
    pub fn with_parser(lex: &'l Lexicon, parser: &'l Parser) -> Coder<'l> {
        Coder { lex, parser }
    }

    /// Codes one document; with `trace`, records why.
    pub fn code(&self, doc: &mut Document, mut trace: Option<&mut Trace>) {
        let lex = self.lex;
        let toks = Tokens::new(doc, lex);
        // Only sentences that can hold an event are parsed: most news sentences (about four in
        // five) have no verb or event noun the lexicon codes, or no one to do it.
        let syn = Syntax::parse(doc, self.parser, |si| {
            trace.is_some() || worth_parsing(doc, lex, &toks, si)
        });
        let mut resolver = Resolver::new(lex, doc.meta.published);
        let mut coref = Coref::default();
        let mut quote_state = quotes::QuoteState::default();
        let mut hits: Vec<NameHit> = Vec::new();
        let mut buffers = Buffers::default();
        let mut events = Vec::new();
        let mut notes = Vec::new();
        // Datelines first: the country of one is what "the country" names in its story.
        doc.datelines = actors::places::datelines(doc, lex);
        let mut next_dateline = 0;
        let mut s = 0;
        while s < doc.sentences.len() {
            let paragraph = doc.sentences[s].paragraph;
            let kind = doc.sentences[s].kind;
            let mut end = s;
            while end < doc.sentences.len() && doc.sentences[end].paragraph == paragraph {
                end += 1;
            }
            let mut groups: Vec<Vec<NounGroup>> = Vec::with_capacity(end - s);
            for si in s..end {
                while doc
                    .datelines
                    .get(next_dateline)
                    .is_some_and(|(first, _)| *first as usize <= si)
                {
                    let country = doc.datelines[next_dateline].1.country.as_deref();
                    coref.dateline_country =
                        country.and_then(|c| lex.country_index.get(c)).copied();
                    next_dateline += 1;
                }
                let range = doc.sentences[si].token_range();
                name_hits(doc, lex, &toks, &syn, range, &mut hits);
                let mut g = Vec::new();
                let mut cx = actors::ActorCtx {
                    doc,
                    res: &mut resolver,
                    toks: &toks,
                    syn: &syn,
                    coref: &mut coref,
                    update_coref: kind != Kind::Caption,
                };
                noun_groups(&mut cx, si, &hits, &mut g);
                if kind != Kind::Title {
                    actors::unknown::unknown_actors(&mut cx, si, &mut g);
                    actors::places::named_sites(cx.doc, &syn, &toks, lex, si, &g);
                    actors::places::places_named_again(cx.doc, &syn, &toks, lex, si);
                }
                groups.push(g);
            }
            let doc_ref: &Document = doc;
            let mut ctxs: Vec<SentenceCtx> = (s..end)
                .zip(&groups)
                .map(|(si, g)| SentenceCtx::new(doc_ref, lex, &toks, &syn, &coref, si, g))
                .collect();
            let quotes = quotes::find_quotes(&ctxs, &mut quote_state);
            let mut next_quote = 0;
            for ctx in &mut ctxs {
                // Quotes are in text order: skip those that end before this sentence.
                while next_quote < quotes.len() && quotes[next_quote].close < ctx.range.start {
                    next_quote += 1;
                }
                ctx.speaker = quotes[next_quote..]
                    .iter()
                    .take_while(|q| q.open < ctx.range.end)
                    .find_map(|q| q.speaker);
                if let Some(t) = trace.as_deref_mut() {
                    trace_sentence(ctx, t);
                }
                if kind == Kind::Caption {
                    if let Some(t) = trace.as_deref_mut() {
                        t.lines.push("  (caption: actors only, no events)".into());
                    }
                    continue;
                }
                notes.clear();
                code_sentence(
                    ctx,
                    &mut buffers,
                    &mut events,
                    trace.is_some().then_some(&mut notes),
                );
                if let Some(t) = trace.as_deref_mut() {
                    t.lines.extend(notes.iter().map(|n| format!("  {n}")));
                }
            }
            drop(ctxs);
            // Targets named by their sector alone (the unnamed makers of a policy judged)
            // become that role's actor, which takes the story's country like "the government".
            for e in &mut events {
                if let Some(t) = e.target.as_mut().filter(|t| t.actor.is_none()) {
                    if t.code == events::code::UNNAMED_MAKERS {
                        let a = resolver.role(doc, events::code::UNNAMED_MAKERS);
                        t.actor = Some(a);
                        t.code = doc.actors[a as usize].code.clone();
                    }
                }
            }
            doc.quotes.extend(quotes.into_iter().map(|q| q.quote));
            doc.events.append(&mut events);
            s = end;
        }
        actors::resolve::recode_described_later(doc, &mut resolver);
        actors::places::anchor_places(doc, &syn, &toks, lex);
        doc.parse = parse_record(doc, &syn);
        actors::coref::identify_delayed_leads(doc);
        let home = actors::home::home_country(doc, lex);
        if let Some(t) = trace {
            t.lines.push(match &home {
                Some(h) => format!(
                    "home country {} (support {:.1}, runner-up {:.1}): given to actors without one",
                    h.code, h.support, h.runner_up
                ),
                None => "home country: none is clearly the story's".into(),
            });
        }
        doc.home_country = home.as_ref().map(|h| readout_doc::StoryCountry {
            code: h.code.clone(),
            first_named: actors::home::first_named(doc, lex, &toks, &h.code),
        });
        if let Some(h) = home {
            actors::home::apply_home_country(doc, &h);
            actors::resolve::resolve_pending_offices(doc, &mut resolver, &h.code);
        }
        events::drop_repeated(doc, &syn);
    }
}

/// The facts of the parse that the stages after the coder read (dates hang on verbs).
fn parse_record(doc: &Document, syn: &Syntax) -> readout_doc::Parse {
    use readout_doc::Parse;
    use readout_syntax::{Rel, Upos, Xpos};
    readout_doc::Parse::new((0..doc.tokens.len()).map(|t| {
        let mut flags = 0;
        if matches!(syn.upos(t), Upos::VERB | Upos::AUX) {
            flags |= Parse::VERB;
        }
        match syn.rel(t).base() {
            Rel::Obl => flags |= Parse::OBLIQUE,
            Rel::Obj => flags |= Parse::OBJECT,
            _ => {}
        }
        if shares_clause(syn, t) {
            flags |= Parse::SHARES_CLAUSE;
        }
        if matches!(syn.xpos(t), Xpos::VBZ | Xpos::VBP) && syn.upos(t) == Upos::VERB {
            flags |= Parse::PRESENT;
        }
        // "has said", "had been attacked": the tense of the auxiliary "have" before a past
        // participle.
        if syn.xpos(t) == readout_syntax::Xpos::VBN {
            let have = syn
                .children(t)
                .filter(|&c| syn.rel(c) == Rel::Aux)
                .find_map(|c| {
                    let word = doc.token_text(c);
                    let is = |forms: &[&str]| forms.iter().any(|f| word.eq_ignore_ascii_case(f));
                    match syn.xpos(c) {
                        Xpos::VBZ | Xpos::VBP if is(&["has", "have", "'ve"]) => {
                            Some(Parse::PERFECT)
                        }
                        Xpos::VBD if is(&["had", "'d"]) => Some(Parse::PAST_PERFECT),
                        _ => None,
                    }
                });
            flags |= have.unwrap_or(0);
        }
        (syn.head(t), flags)
    }))
}

/// A verb in a clause of its own without a subject, hung on another verb ("maintains … and
/// *reported*", "banned firecrackers, *arresting* 210 people", "said while *visiting* …"):
/// it happens where the verb it hangs on happens.
pub(crate) fn shares_clause(syn: &Syntax, t: usize) -> bool {
    use readout_syntax::{Rel, Upos};
    syn.upos(t) == Upos::VERB
        && matches!(syn.rel(t), Rel::Conj | Rel::Advcl | Rel::Xcomp)
        && syn.head(t).is_some_and(|h| syn.upos(h) == Upos::VERB)
        && !syn
            .children(t)
            .any(|c| matches!(syn.rel(c).base(), Rel::Nsubj | Rel::Csubj))
}

/// Whether a sentence can hold an event: it is not a caption, has a verb form or an event noun
/// the lexicon codes, and names someone (a lexicon name or role, a pronoun, or a capitalised
/// word inside the sentence).
fn worth_parsing(doc: &Document, lex: &Lexicon, toks: &Tokens, si: usize) -> bool {
    use readout_lexicon::WordClasses;
    let s = &doc.sentences[si];
    if s.kind == Kind::Caption {
        return false;
    }
    let range = s.token_range();
    let (words, caps) = (&toks.words[..range.end], &toks.caps[..range.end]);
    let trigger = range.clone().any(|t| {
        lex.verb_forms.longest(words, caps, t).is_some()
            || lex.noun_triggers.longest(words, caps, t).is_some()
    });
    if !trigger {
        return false;
    }
    let pronouns = WordClasses(
        WordClasses::PRONOUN_PERSON.0
            | WordClasses::PRONOUN_THING.0
            | WordClasses::PRONOUN_PLURAL.0
            | WordClasses::PRONOUN_SPEAKER.0
            | WordClasses::POSSESSIVE_SPEAKER.0
            | WordClasses::POSSESSIVE_THING.0
            | WordClasses::POSSESSIVE_PERSON.0
            | WordClasses::POSSESSIVE_PLURAL.0,
    );
    range.clone().any(|t| {
        (toks.caps[t] && (t > range.start || toks.classes[t] == WordClasses::NONE))
            || toks.is(t, pronouns)
            || toks.phrases[t].1.has(pronouns)
            || lex.names.longest(words, caps, t).is_some()
            || (t > range.start && names_a_body_again(doc, lex, toks, t))
    })
}

/// Whether token `t` is a body's word after "the" ("the commission", "the party"), which may
/// name again a body named before (see `actors::groups`).
fn names_a_body_again(doc: &Document, lex: &Lexicon, toks: &Tokens, t: usize) -> bool {
    let w = toks.words[t];
    doc.token_text(t - 1).eq_ignore_ascii_case("the")
        && (lex.org_words.contains_key(&w)
            || lex.body_words.contains(&w)
            || lex.body_kinds.contains_key(&w))
}

/// The sentence, its parse as an indented tree, and its noun groups, for `readout explain`.
fn trace_sentence(ctx: &SentenceCtx, trace: &mut Trace) {
    let doc = ctx.doc;
    let sentence = &doc.sentences[ctx.index];
    trace.lines.push(format!(
        "sentence {} ({}): {}",
        ctx.index,
        sentence.kind.as_str(),
        doc.slice(sentence.span)
    ));
    trace.lines.push("  parse:".into());
    let roots: Vec<usize> = ctx
        .range
        .clone()
        .filter(|&t| ctx.syn.head(t).is_none())
        .collect();
    let mut stack: Vec<(usize, usize)> = roots.into_iter().rev().map(|r| (r, 0)).collect();
    while let Some((t, depth)) = stack.pop() {
        let w = ctx.syn.word(t);
        let names = ctx.toks.classes[t].names();
        trace.lines.push(format!(
            "    {}{} {}/{} {}{}",
            "  ".repeat(depth.min(30)),
            doc.token_text(t),
            w.upos,
            w.xpos,
            w.rel,
            if names.is_empty() {
                String::new()
            } else {
                format!(" [{}]", names.join(","))
            }
        ));
        let children: Vec<usize> = ctx.syn.children(t).collect();
        stack.extend(children.into_iter().rev().map(|c| (c, depth + 1)));
    }
    for g in ctx.groups {
        let text = doc.slice(ctx.span(g.tokens.clone()));
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
