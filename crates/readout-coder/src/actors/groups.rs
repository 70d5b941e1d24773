//! Noun groups: runs of lexicon names, honorifics and surnames, possessive compounds, and
//! unknown names that a role introduces or an appositive qualifies.

use super::coref::{last_word, Coref};
use super::places::qualify_roles_by_place;
use super::resolve::{
    body_named_before, of_sector, resolve, NameRun, PlaceContext, Resolver, DEFINITE_BODY_WINDOW,
};
use super::{ActorCtx, NounGroup};
use crate::analysis::{NameHit, Tokens};
use crate::syntax::Syntax;
use readout_doc::{token_flags as tf, Document, Mention, PlaceKind, Span};
use readout_lexicon::{CountryForm, Lexicon, NameRef, Standing, WordClasses};
use readout_syntax::{Rel, Upos, Xpos};
use std::ops::Range;

fn is_possessive(text: &str) -> bool {
    matches!(text, "'s" | "’s" | "'S" | "’S" | "’" | "'")
}

/// Whether the noun group over `tokens` is a subject: one of its words is a subject of a word
/// outside it.
fn is_subject_group(syn: &crate::syntax::Syntax, tokens: Range<usize>) -> bool {
    group_subject(syn, tokens).is_some()
}

/// Whether the noun group over `tokens` is where something goes or is done to ("visited
/// Mumbai", "shelled Idlib", "a visit to London", "sent troops to Syria").
fn is_destination_group(syn: &crate::syntax::Syntax, doc: &Document, tokens: Range<usize>) -> bool {
    syn.phrase_head(tokens).is_some_and(|head| {
        syn.destination_of(head, |c| doc.token_text(c).eq_ignore_ascii_case("to"))
            .is_some()
    })
}

/// The actor possessive pronoun `t` stands for, if it is one and its pronoun would name
/// someone: "his" the last person named as a subject, else the last person; "its" the
/// nearest state or organisation named before it in the sentence ("Rover's disclosure of its
/// talks"), else the last one that was a subject; "their" the last plural actor. `before`
/// holds the sentence's groups before `t`.
fn possessive_pronoun(
    doc: &Document,
    syn: &Syntax,
    toks: &Tokens,
    coref: &Coref,
    before: &[NounGroup],
    t: usize,
) -> Option<u32> {
    if syn.rel(t) != Rel::NmodPoss {
        return None;
    }
    if toks.is(t, WordClasses::POSSESSIVE_PERSON) {
        coref.last_subject_person.or(coref.last_person)
    } else if toks.is(t, WordClasses::POSSESSIVE_THING) {
        before
            .iter()
            .rev()
            .filter(|g| g.is_actor() && !g.pronoun)
            .filter_map(|g| g.entity)
            .find(|&e| !doc.actors[e as usize].key.starts_with("person:"))
            .or(coref.last_thing)
    } else if toks.is(t, WordClasses::POSSESSIVE_PLURAL) {
        coref.last_plural
    } else {
        None
    }
}

/// Whether a subject token belongs to the sentence's main clause: its verb is the root, or is
/// coordinated with the root ("Clarke said … and added …").
pub(crate) fn subject_of_main_clause(syn: &crate::syntax::Syntax, subject: usize) -> bool {
    let Some(verb) = syn.head(subject) else {
        return false;
    };
    match syn.rel(verb) {
        Rel::Root => true,
        Rel::Conj => syn.head(verb).is_some_and(|h| syn.rel(h) == Rel::Root),
        _ => false,
    }
}

/// The token of a group that is the subject of its clause, if any.
fn group_subject(syn: &crate::syntax::Syntax, tokens: Range<usize>) -> Option<usize> {
    tokens.clone().find(|&t| {
        crate::events::args::is_subject(syn.rel(t))
            && syn.head(t).is_none_or(|h| !tokens.contains(&h))
    })
}

/// Whether token `t` (before `end`) can be a word of a name: capitalised, a word, and of no
/// grammatical class.
fn is_name_word(doc: &Document, toks: &Tokens, end: usize, t: usize) -> bool {
    t < end && toks.caps[t] && toks.classes[t] == WordClasses::NONE && doc.tokens[t].has(tf::WORD)
}

/// Where a person's name from token `start` ends, and how many words it has: it runs over at
/// most `max_words` capitalised words of no grammatical class that `fits` lets through (what
/// lexicon names may be among them), before `end`; a hyphenated name goes on after its hyphen
/// ("Carl-Henric Svanberg"), and a name after the full stop of a middle initial ("Mark R.
/// Warner").
fn name_end(
    doc: &Document,
    toks: &Tokens,
    end: usize,
    start: usize,
    max_words: usize,
    fits: impl Fn(usize) -> bool,
) -> (usize, usize) {
    let (mut k, mut words) = (start, 0);
    while words < max_words && is_name_word(doc, toks, end, k) && fits(k) {
        k += 1;
        words += 1;
        if k + 1 < end
            && (super::hyphen_in_name(doc, toks, k) || super::initial_stop_in_name(doc, toks, k))
        {
            k += 1;
        }
    }
    (k, words)
}

/// A lowercase word with no grammatical role: a modifier such as "top" or "economic".
fn plain_word(doc: &Document, toks: &Tokens, i: usize) -> bool {
    toks.classes[i] == WordClasses::NONE && !toks.caps[i] && doc.tokens[i].has(tf::WORD)
}

/// The one whose words a clause reports, when pronoun `t` is the subject of that clause: the
/// subject of the verb it complements ("Mr Blunkett had complained *he* had inherited a mess"),
/// also when that verb shares it ("played down the ties and denied *he* had met him", "went on
/// to say *he* would"), or the word a relative subject stands for ("Jacques Chirac, who said
/// *he* was pleased"). English reads such a pronoun as the reporter far more often than as
/// anyone named before.
pub(crate) fn reporter_of_clause(syn: &Syntax, t: usize) -> Option<usize> {
    use crate::events::args::{subject, Via};
    let clause = syn.head(t)?;
    if syn.rel(clause) != Rel::Ccomp {
        return None;
    }
    match subject(syn, syn.head(clause)?)? {
        (reporter, Via::Own | Via::Modified | Via::Coordination | Via::SubjectControl) => {
            Some(reporter)
        }
        _ => None,
    }
}

/// "Faced stiff opposition from campaigners", "their opposition to the plans": a role word
/// that is also an event noun (`refs` only roles, the word a `noun` trigger) names the act, not
/// the actor, when a "to" or "from" phrase follows it or no "the", owner or name picks out a
/// body before it ("the opposition", "Kenya's opposition", "the Labour opposition"; "in
/// opposition" is neither).
fn role_word_names_the_act(
    doc: &Document,
    toks: &Tokens,
    syn: &Syntax,
    lex: &Lexicon,
    refs: &[NameRef],
    i: usize,
    range: Range<usize>,
) -> bool {
    let event_noun = lex
        .noun_triggers
        .longest(&toks.words[..range.end], &toks.caps[..range.end], i)
        .is_some_and(|m| m.len == 1);
    if !event_noun || !refs.iter().all(|r| matches!(r, NameRef::Agent { .. })) {
        return false;
    }
    if i + 1 < range.end && matches!(doc.token_text(i + 1), "to" | "from") {
        return true;
    }
    let mut k = i;
    while k > range.start && syn.upos(k - 1) == readout_syntax::Upos::ADJ && !toks.caps[k - 1] {
        k -= 1;
    }
    // "In opposition" is a party's state, not an act.
    let picked_out = k > range.start && {
        let before = doc.token_text(k - 1);
        ["the", "in", "into"]
            .iter()
            .any(|w| before.eq_ignore_ascii_case(w))
            || is_possessive(before)
            || toks.caps[k - 1]
    };
    !picked_out
}

/// Whether "it" at `t` only holds the subject's place for a "that" clause after its
/// predicate: "it was a scandal that …", "it is clear that …"; or for a "to" clause after a
/// judging word: "it had been heartening to learn …", "it was wrong to …" (not "it was ready
/// to …", where "it" is the one ready). Only a predicate with a copula: "it said that …" is
/// someone saying, and "it had been advised that …" someone told.
fn holds_a_place_for_a_clause(
    doc: &Document,
    syn: &Syntax,
    toks: &Tokens,
    lex: &Lexicon,
    t: usize,
) -> bool {
    let Some(h) = syn.head(t).filter(|&h| h > t) else {
        return false;
    };
    let copular = syn.rel(t) == Rel::Expl || syn.children(h).any(|c| syn.rel(c) == Rel::Cop);
    let is_word = |t: usize, w: &str| doc.token_text(t).eq_ignore_ascii_case(w);
    let judging = lex.evaluations.contains_key(&toks.words[h]);
    copular
        && syn.children(h).any(|c| {
            let opened = syn.children(c).any(|m| {
                syn.rel(m) == Rel::Mark
                    && (is_word(m, "that")
                        || is_word(m, "whether")
                        || (judging && is_word(m, "to")))
            });
            // Parsers often read the "that" of "a scandal that the system …" as a relative
            // pronoun; a clause with a subject of its own after it is still the content.
            let start = syn.extent(c).start;
            let misread = syn.rel(c) == Rel::AclRelcl
                && is_word(start, "that")
                && syn
                    .children(c)
                    .any(|s| syn.rel(s) == Rel::Nsubj && s != start);
            let clause = matches!(
                syn.rel(c),
                Rel::Ccomp | Rel::Csubj | Rel::Acl | Rel::Xcomp | Rel::Advcl
            );
            c > h && (clause && opened || misread)
        })
}

/// The noun right after "the" at `i`, in its sentence, when it heads its phrase rather than
/// modify a noun after it ("the country music scene", "the party conference").
fn noun_after_the(doc: &Document, syn: &Syntax, sentence: usize, i: usize) -> Option<usize> {
    let noun = i + 1;
    (noun < doc.sentences[sentence].token_range().end
        && doc.token_text(i).eq_ignore_ascii_case("the")
        && !matches!(syn.rel(noun), Rel::Compound | Rel::Amod))
    .then_some(noun)
}

/// How many sentences back "the country" looks for the country it names again.
const COUNTRY_AGAIN_WINDOW: usize = 5;

/// The country "the country" or "the nation" (`place-noun country` records) at `i` names
/// again: the one the article named last as a noun within [`COUNTRY_AGAIN_WINDOW`]
/// sentences, or failing that the dateline's, or the one it named last as a modifier, as an
/// index into the lexicon's countries. Not a noun's modifier itself ("the country music
/// scene").
fn country_named_again(
    doc: &Document,
    syn: &Syntax,
    toks: &Tokens,
    lex: &Lexicon,
    coref: &Coref,
    sentence: usize,
    i: usize,
) -> Option<u32> {
    let noun = noun_after_the(doc, syn, sentence, i)?;
    if !lex.names_a_country(toks.words[noun]) {
        return None;
    }
    let recent = |named: Option<(u32, usize)>| {
        named
            .filter(|&(_, at)| at + COUNTRY_AGAIN_WINDOW >= sentence)
            .map(|(country, _)| country)
    };
    recent(coref.last_country)
        .or(coref.dateline_country)
        .or_else(|| recent(coref.last_country_modifier))
}

/// The body "the party" or "the department" at `i` (a `bodykind` noun no lexicon entry names,
/// after "the") names again: the body of that kind the article named last (see
/// [`body_named_before`]). Not a noun's modifier ("the party conference"), and not an actor
/// that is the subject of a clause the words belong to: "Labour says the party's sums do not add
/// up" is about another party, or the text would have said "its".
fn body_named_again(
    doc: &Document,
    syn: &Syntax,
    toks: &Tokens,
    lex: &Lexicon,
    groups: &[NounGroup],
    sentence: usize,
    i: usize,
) -> Option<u32> {
    let noun = noun_after_the(doc, syn, sentence, i).filter(|&n| !toks.caps[n])?;
    let word = toks.words[noun];
    // "The Electoral Commission … the commission says": the word that heads a body's name
    // names that body again, whatever its sector; a kind of body ("the party") names the
    // last body of that kind.
    let head_of_names = lex.org_words.contains_key(&word) || lex.body_words.contains(&word);
    let kind = lex
        .body_kinds
        .get(&word)
        .map(|&k| lex.sectors[k as usize].as_str());
    if !head_of_names && kind.is_none() {
        return None;
    }
    // The subjects (and their conjuncts) of the clauses above the noun.
    let subject_above = |g: &NounGroup| {
        let Some(mut t) = syn.phrase_head(g.tokens.clone()) else {
            return false;
        };
        while syn.rel(t) == Rel::Conj {
            match syn.head(t) {
                Some(h) => t = h,
                None => return false,
            }
        }
        crate::events::args::is_subject(syn.rel(t))
            && syn.head(t).is_some_and(|verb| syn.within(noun, verb))
    };
    let span = doc.tokens[i].span;
    let eligible = |actor: u32| {
        !groups
            .iter()
            .any(|g| g.entity == Some(actor) && subject_above(g))
    };
    // A body, not a person whose title holds the word ("Labour party chairman Ian McCartney"),
    // and of the kind's sector where the word is a kind's too ("party").
    let body = |a: u32| {
        let actor = &doc.actors[a as usize];
        !actor.key.starts_with("person:")
            && kind.is_none_or(|sector| of_sector(doc, a, sector))
            && eligible(a)
    };
    head_of_names
        .then(|| body_named_with_word(doc, toks, sentence, span, word, body))
        .flatten()
        .or_else(|| {
            let sector = kind?;
            body_named_before(doc, sentence, span, |a| {
                of_sector(doc, a, sector) && eligible(a)
            })
        })
}

/// The actor of the last mention before `span` that holds `word` ("the Electoral Commission"
/// for "the commission"), among the actors `eligible` lets through, if the article mentioned
/// that actor, by any words, within [`DEFINITE_BODY_WINDOW`] sentences.
fn body_named_with_word(
    doc: &Document,
    toks: &Tokens,
    sentence: usize,
    span: Span,
    word: u32,
    eligible: impl Fn(u32) -> bool,
) -> Option<u32> {
    let mentions = || {
        doc.mentions
            .iter()
            .rev()
            .filter(|m| m.span.end <= span.start)
    };
    let actor = mentions()
        .find(|m| doc.tokens_of(m.span).any(|t| toks.words[t] == word) && eligible(m.actor))?
        .actor;
    let recent = mentions()
        .take_while(|m| m.sentence + DEFINITE_BODY_WINDOW >= sentence as u32)
        .any(|m| m.actor == actor);
    recent.then_some(actor)
}

/// The most words a name repeated in full is looked for over.
const MAX_REPEATED_NAME_WORDS: usize = 4;

/// "Krispy Kreme … Krispy Kreme said": a name the lexicon does not know, repeated in full, is
/// the actor it named before; taken by its last word alone, it would leave the words before a
/// name of their own. Gives the actor and the token after the name.
fn named_again_in_full(
    doc: &Document,
    toks: &Tokens,
    coref: &mut Coref,
    start: usize,
    end: usize,
) -> Option<(u32, usize)> {
    let run_end = (start..end.min(start + MAX_REPEATED_NAME_WORDS))
        .find(|&k| !(toks.caps[k] && doc.tokens[k].has(tf::WORD)))
        .unwrap_or(end.min(start + MAX_REPEATED_NAME_WORDS));
    (start + 1..run_end).rev().find_map(|last| {
        let e = coref.named_before(doc.token_text(last))?;
        let span = Span {
            start: doc.tokens[start].span.start,
            end: doc.tokens[last].span.end,
        };
        // Not the start of a longer name ("World Summit for the Information Society").
        let next = last + 1;
        let name_at = |t: usize| {
            t < end
                && (toks.caps[t] || (doc.token_text(t) == "the" && t + 1 < end && toks.caps[t + 1]))
        };
        let continues = next < end
            && matches!(doc.token_text(next), "of" | "for" | "and" | "&" | "on")
            && name_at(next + 1);
        (doc.actors[e as usize].name == doc.slice(span) && !continues).then_some((e, next))
    })
}

/// Finds the noun groups of one sentence, resolves them and records mentions and places.
pub fn noun_groups(cx: &mut ActorCtx, sentence: usize, hits: &[NameHit], out: &mut Vec<NounGroup>) {
    let (toks, syn, update_coref) = (cx.toks, cx.syn, cx.update_coref);
    let doc = &mut *cx.doc;
    let res = &mut *cx.res;
    let coref = &mut *cx.coref;
    out.clear();
    let range = doc.sentences[sentence].token_range();
    let lex = res.lex;
    // Hits are in text order: the one starting at a token is found by binary search.
    let hit_at = |t: usize| hits.binary_search_by_key(&t, |h| h.tokens.start).ok();
    // "Fraser Kemp", "Katherine Jackson": the word before `t` is a capitalised given name.
    let after_given_name = |t: usize| {
        t > range.start && toks.caps[t - 1] && lex.given_names.contains(&toks.words[t - 1])
    };
    let mut clause_has_subject = false;
    let mut i = range.start;
    while i < range.end {
        if toks.is(i, WordClasses::CLAUSE_BREAK) || toks.is(i, WordClasses::COMPLEMENTIZER) {
            clause_has_subject = false;
        }
        // The word that governs the group, looking past determiners ("in the Kremlin").
        let mut gov = i;
        while gov > range.start
            && toks.is(gov - 1, WordClasses::DETERMINER)
            && !toks.is(gov - 1, WordClasses::PREPOSITION)
        {
            gov -= 1;
        }
        let governed = |class| {
            gov > range.start
                && toks.is(gov - 1, class)
                && !toks.is(gov - 1, WordClasses::CLAUSE_BREAK)
        };
        let after_prep = governed(WordClasses::PREPOSITION);
        let locative = governed(WordClasses::LOCATIVE);
        // "the governor of Illinois": a place that qualifies a role.
        let after_of = gov > range.start && doc.token_text(gov - 1).eq_ignore_ascii_case("of");
        let mut group = NounGroup {
            tokens: i..i + 1,
            entity: None,
            pair: None,
            place: None,
            government: None,
            possessor: false,
            speaker_pronoun: false,
            owner: None,
            pronoun: false,
            after_preposition: after_prep,
            person: None,
            role: None,
            evidence: String::new(),
        };
        // Pronouns (unless the word is also a name here: "US" is not "us").
        let named = hit_at(i).is_some();
        if named {
        } else if let Some(len) = toks.phrase_len(i, WordClasses::PRONOUN_PLURAL) {
            group.tokens = i..i + len;
            // "they", "them": the last plural actor ("MPs", "the Tories", "Labour and the
            // Liberal Democrats"); "both sides", "the two leaders": the last two actors.
            let bare_pronoun = len == 1
                && matches!(
                    doc.token_text(i).to_ascii_lowercase().as_str(),
                    "they" | "them"
                );
            match (bare_pronoun, coref.last_plural) {
                (true, Some(p)) => {
                    group.entity = Some(p);
                    group.pronoun = true;
                    group.evidence = "plural pronoun → the last plural actor".into();
                }
                _ => {
                    group.pair = coref.pair();
                    group.evidence = "plural reference → the last two actors".into();
                }
            }
            out.push(group);
            i += len;
            continue;
        } else if let Some(owner) = possessive_pronoun(doc, syn, toks, coref, out, i) {
            // "his first official visit", "their protest": a possessive pronoun names the
            // doer of the noun it owns, the way the pronoun would.
            group.owner = Some(owner);
            group.evidence = "possessive pronoun → the doer of the event its noun names".into();
            out.push(group);
            i += 1;
            continue;
        } else if toks.is(i, WordClasses::PRONOUN_PERSON) && !toks.is(i, WordClasses::DETERMINER) {
            // A subject pronoun continues the last subject; others the last person named.
            let subject = crate::events::args::is_subject(syn.rel(i));
            group.entity = coref
                .last_subject_person
                .filter(|_| subject)
                .or(coref.last_person);
            group.evidence = if subject && coref.last_subject_person.is_some() {
                "subject pronoun → the last person named as a subject".into()
            } else {
                "pronoun → the last person named".into()
            };
            // "Mr Blunkett complained he had …", "met Jacques Chirac, who said he was
            // pleased": in what a person says, "he" is that person.
            let about = subject
                .then(|| reporter_of_clause(syn, i))
                .flatten()
                .and_then(|a| out.iter().find(|g| g.tokens.contains(&a) && !g.pronoun))
                .filter(|g| g.person.is_some())
                .and_then(|g| g.entity);
            if let Some(e) = about {
                group.entity = Some(e);
                group.evidence =
                    "subject pronoun → the person whose words the clause reports".into();
            }
            group.pronoun = true;
            out.push(group);
            i += 1;
            continue;
        } else if toks.is(i, WordClasses::PRONOUN_THING) {
            if holds_a_place_for_a_clause(doc, syn, toks, lex, i) {
                group.evidence = "\"it\" holding the place of a clause → no one".into();
                group.pronoun = true;
                out.push(group);
                i += 1;
                continue;
            }
            group.entity = coref.last_thing;
            group.evidence = "pronoun → the last state or organisation that was a subject".into();
            group.pronoun = true;
            out.push(group);
            i += 1;
            continue;
        } else if toks.is(i, WordClasses::PRONOUN_SPEAKER) {
            group.speaker_pronoun = true;
            group.evidence = "first person → the speaker of the quote".into();
            out.push(group);
            i += 1;
            continue;
        }
        // A name run: lexicon hits, honorific + surname, possessive compounds.
        let mut refs: Vec<NameRef> = Vec::new();
        let mut j = i;
        let mut surname_person: Option<u32> = None;
        let mut new_person: Option<Range<usize>> = None;
        // The last word of the name of a country in the run.
        let mut country_word: Option<usize> = None;
        // Whether the run starts with "the country" (see `country_named_again`).
        let mut country_again = false;
        loop {
            // "the London Stock Exchange (LSE) … the LSE said": an acronym the article gave a
            // body names that body, whatever the lexicon gives it.
            if j == i {
                if let Some(e) = res.acronym(doc.token_text(j)) {
                    surname_person = Some(e);
                    j += 1;
                    break;
                }
                // "The country's president", "addressed the nation": the country the article
                // named last.
                if let Some(index) = country_named_again(doc, syn, toks, lex, coref, sentence, i) {
                    refs.push(NameRef::Country {
                        index,
                        form: CountryForm::Name,
                        sector: None,
                    });
                    j += 2;
                    country_again = true;
                    continue;
                }
                // "the party said", "the department was …": the body of that kind the
                // article named last.
                if hit_at(i + 1).is_none() {
                    if let Some(e) = body_named_again(doc, syn, toks, lex, out, sentence, i) {
                        surname_person = Some(e);
                        j += 2;
                        break;
                    }
                }
            }
            if let Some(k) = hit_at(j) {
                // "President Obama", "Mr Paris": after a title, a name that is only a place
                // is a person's surname.
                let titled = j > i
                    && (toks.is(j - 1, WordClasses::HONORIFIC)
                        || refs.iter().any(|r| matches!(r, NameRef::Agent { .. })));
                let only_place = hits[k].refs.iter().all(|r| matches!(r, NameRef::Place(_)));
                // "Mr Irish", "Mr Stanley": after an honorific, one word that names only a
                // place or a country (by any of its forms) is a surname too.
                let honorific = j > range.start && toks.is(j - 1, WordClasses::HONORIFIC);
                let only_geography = hits[k].tokens.len() == 1
                    && hits[k]
                        .refs
                        .iter()
                        .all(|r| matches!(r, NameRef::Place(_) | NameRef::Country { .. }));
                // "Gary Hale … Hale said": a place's name that is the surname of a person the
                // article named in full is that person; not after a given name ("Michael
                // Jackson … his mother Katherine Jackson").
                if only_geography && !after_given_name(j) {
                    if let Some(e) = coref.named_before(doc.token_text(j)) {
                        surname_person = Some(e);
                        j += 1;
                        continue;
                    }
                }
                // "the Bush administration", "the Obama White House": a place's name right
                // before a role, that is the surname of the one person of that name in
                // office on the article's date, names that person's government.
                let role_after = hit_at(hits[k].tokens.end).is_some_and(|h| {
                    hits[h]
                        .refs
                        .iter()
                        .any(|r| matches!(r, NameRef::Agent { .. }))
                });
                if only_geography && role_after && !after_given_name(j) {
                    let in_office = lex
                        .surnames
                        .longest(&toks.words[..range.end], &toks.caps[..range.end], j)
                        .filter(|m| m.len == 1)
                        .and_then(|m| {
                            let mut holders = m.values().copied().filter(|&p| {
                                matches!(
                                    lex.persons[p as usize].standing_on(res.date),
                                    Some(Standing::InOffice(_))
                                )
                            });
                            let one = holders.next()?;
                            holders.next().is_none().then_some(one)
                        });
                    if let Some(p) = in_office {
                        refs.push(NameRef::Person(p));
                        j += 1;
                        continue;
                    }
                }
                if (titled && only_place) || (honorific && only_geography) {
                    let end = hits[k].tokens.end;
                    let person = lex
                        .surnames
                        .longest(&toks.words[..range.end], &toks.caps[..range.end], j)
                        .filter(|m| m.len == end - j)
                        .and_then(|m| {
                            let persons: Vec<u32> = m.values().copied().collect();
                            persons
                                .iter()
                                .find_map(|p| coref.person_entities.get(p).map(|&e| (*p, Some(e))))
                                .or_else(|| (persons.len() == 1).then(|| (persons[0], None)))
                        });
                    // "Edward Leigh … Mr Leigh": a person the article named in full.
                    let named_before = (end == j + 1)
                        .then(|| coref.named_before(doc.token_text(j)))
                        .flatten();
                    // "NUJ official Barry Fitzpatrick": a name word after the place-named one
                    // makes it a given name, not the surname of a lexicon person.
                    match (person, named_before) {
                        (Some((_, Some(e))), _) | (_, Some(e)) => surname_person = Some(e),
                        (Some((p, None)), None) if !is_name_word(doc, toks, range.end, end) => {
                            refs.push(NameRef::Person(p))
                        }
                        _ => {
                            // "correspondent Gary O'Donoghue", "MP Gary Hale": a given name
                            // that is also a place goes on into the surname after it (which
                            // may be a place's name too).
                            let mut end = end;
                            if end == j + 1 && lex.given_names.contains(&toks.words[j]) {
                                let place_or_nothing = |k: usize| {
                                    hit_at(k).is_none_or(|h| {
                                        hits[h].tokens.len() == 1
                                            && hits[h]
                                                .refs
                                                .iter()
                                                .all(|r| matches!(r, NameRef::Place(_)))
                                    })
                                };
                                end = name_end(doc, toks, range.end, end, 2, place_or_nothing).0;
                            }
                            new_person = Some(j..end);
                            j = end;
                            continue;
                        }
                    }
                    j = end;
                    continue;
                }
                refs.extend(hits[k].refs.iter().copied());
                j = hits[k].tokens.end;
                if hits[k]
                    .refs
                    .iter()
                    .any(|r| matches!(r, NameRef::Country { .. }))
                {
                    country_word = Some(j - 1);
                }
                continue;
            }
            if j < range.end
                && toks.caps[j]
                && doc.tokens[j].has(tf::WORD)
                && !toks.is(j, WordClasses::HONORIFIC)
            {
                if let Some((e, end)) = named_again_in_full(doc, toks, coref, j, range.end) {
                    surname_person = Some(e);
                    j = end;
                    continue;
                }
                // A known surname: "Mr Wang", "Shoigu said", "Ms Le Pen". A word in capitals
                // is an acronym ("BA's chief executive" is British Airways', not Mr Ba's).
                let after_honorific = j > i && toks.is(j - 1, WordClasses::HONORIFIC);
                let acronym = doc.tokens[j].has(tf::ALL_CAPS) && doc.token_text(j).len() > 1;
                if let Some(m) = lex
                    .surnames
                    .longest(&toks.words[..range.end], &toks.caps[..range.end], j)
                    .filter(|_| !acronym)
                {
                    let persons: Vec<u32> = m.values().copied().collect();
                    if let Some(e) = persons
                        .iter()
                        .find_map(|p| coref.person_entities.get(p).copied())
                    {
                        surname_person = Some(e);
                        j += m.len;
                        continue;
                    }
                    // "Labour's spokesman Fraser Kemp … Mr Kemp said": a person the article
                    // named in full is the one its surname names again, before any lexicon
                    // person of that surname the article never named.
                    if m.len == 1 {
                        if let Some(e) = coref.named_before(doc.token_text(j)) {
                            surname_person = Some(e);
                            j += 1;
                            continue;
                        }
                    }
                    // "Peskov commented": a bare surname names a lexicon person when only one has
                    // it and the word is nothing else the lexicon knows.
                    let word = toks.words[j];
                    let only_a_name = m.len > 1
                        || (toks.classes[j] == WordClasses::NONE
                            && lex.verb_forms.longest(&[word], &[true], 0).is_none()
                            && lex.noun_triggers.longest(&[word], &[true], 0).is_none()
                            && lex.names.longest(&[word], &[true], 0).is_none());
                    // "Mahmud Hams": a name followed by another capitalised word is a given
                    // name, not a surname standing alone.
                    let next = j + m.len;
                    let given_name_of_another =
                        !after_honorific && is_name_word(doc, toks, range.end, next);
                    // Before their first office, a person the article does not name in full
                    // is not whom a surname alone names ("Mr Sullivan" in a 2005 story is not
                    // the national security adviser of 2021).
                    let known_by_then = |p: u32| {
                        !matches!(
                            lex.persons[p as usize].standing_on(res.date),
                            Some(Standing::NotYet(_))
                        )
                    };
                    if (after_honorific || only_a_name)
                        && persons.len() == 1
                        && !given_name_of_another
                        // "Fraser Kemp": after a given name, the surname is that person's,
                        // not a lexicon person's of the same surname (whose full name would
                        // have matched as a name).
                        && !after_given_name(j)
                        && known_by_then(persons[0])
                    {
                        refs.push(NameRef::Person(persons[0]));
                        j += m.len;
                        continue;
                    }
                }
                // A person the lexicon does not know, named earlier in full.
                if let Some(e) = coref.named_before(doc.token_text(j)) {
                    surname_person = Some(e);
                    j += 1;
                    continue;
                }
            }
            if j < range.end
                && toks.is(j, WordClasses::HONORIFIC)
                && j + 1 < range.end
                && toks.caps[j + 1]
            {
                j += 1;
                continue;
            }
            // "the US bankruptcy court", "the UK competition watchdog": a country's role with
            // a word or two of its field between them (nouns or adjectives that modify the
            // role) is that country's.
            let field_word = |k: usize| {
                plain_word(doc, toks, k)
                    && hit_at(k).is_none()
                    && matches!(syn.upos(k), Upos::NOUN | Upos::ADJ)
            };
            if j > i
                && j < range.end
                && matches!(refs.last(), Some(NameRef::Country { .. }))
                && field_word(j)
            {
                let mut k = j + 1;
                while k < range.end && k < j + 2 && field_word(k) {
                    k += 1;
                }
                let role_next = hit_at(k).is_some_and(|h| {
                    hits[h].tokens.start == k
                        && hits[h]
                            .refs
                            .iter()
                            .all(|r| matches!(r, NameRef::Agent { .. }))
                        && (j..k)
                            .all(|f| syn.head(f).is_some_and(|x| x > f && x < hits[h].tokens.end))
                });
                if role_next {
                    j = k;
                    continue;
                }
            }
            if j > i && j < range.end && is_possessive(doc.token_text(j)) && !refs.is_empty() {
                let mut k = j + 1;
                while k < range.end && k < j + 4 && plain_word(doc, toks, k) && hit_at(k).is_none()
                {
                    k += 1;
                }
                let agent_next = hit_at(k).is_some_and(|h| {
                    hits[h]
                        .refs
                        .iter()
                        .any(|r| matches!(r, NameRef::Agent { .. } | NameRef::Person(_)))
                });
                if agent_next {
                    j = k;
                    continue;
                }
                group.possessor = !refs.iter().all(|r| matches!(r, NameRef::Agent { .. }));
                break;
            }
            // "Chinese Foreign Minister Qin Gang": an unknown name after a country and a role.
            let has_role = refs.iter().any(|r| matches!(r, NameRef::Agent { .. }));
            let has_named = refs
                .iter()
                .any(|r| matches!(r, NameRef::Person(_) | NameRef::Actor(_)))
                || surname_person.is_some();
            // After a kind of body ("Swiss drugmaker Novartis") the name is a body's, which
            // `unknown` reads, unless a given name makes it a person's.
            let after_kind = j > range.start
                && lex.body_kinds.contains_key(&toks.words[j - 1])
                && !lex.given_names.contains(&toks.words[j]);
            if has_role
                && !has_named
                && !after_kind
                && j < range.end
                && toks.caps[j]
                && toks.classes[j] == WordClasses::NONE
                && doc.tokens[j].has(tf::WORD)
            {
                let (k, words) = name_end(doc, toks, range.end, j, 3, |k| hit_at(k).is_none());
                if words >= 2 {
                    new_person = Some(j..k);
                    j = k;
                }
            }
            break;
        }
        if j == i || (refs.is_empty() && surname_person.is_none()) {
            i += 1;
            continue;
        }
        // "the next general election", "military spending": a role word used as an
        // adjective of another noun names no one.
        let adjective_role = j == i + 1
            && !toks.caps[i]
            && syn.upos(i) == readout_syntax::Upos::ADJ
            && syn.rel(i) == readout_syntax::Rel::Amod
            && refs.iter().all(|r| matches!(r, NameRef::Agent { .. }));
        if adjective_role
            || (j == i + 1 && role_word_names_the_act(doc, toks, syn, lex, &refs, i, range.clone()))
        {
            i += 1;
            continue;
        }
        group.tokens = i..j;
        let span = Span {
            start: doc.tokens[i].span.start,
            end: doc.tokens[j - 1].span.end,
        };
        // "Paris, Texas": a name after a comma that qualifies a place.
        let qualifier: &[NameRef] = match hit_at(j + 1) {
            Some(k) if j < range.end && doc.token_text(j) == "," => &hits[k].refs,
            _ => &[],
        };
        // Part of a longer name ("the Swaminarayan Mandir Temple", "Mr Stanley", "Mariano
        // Puerta"): no place gone to.
        let in_longer_name =
            (i > range.start && toks.caps[i - 1]) || (j < range.end && toks.caps[j]);
        let context = PlaceContext {
            locative: locative
                || (!in_longer_name && super::places::in_place_phrase(syn, toks, lex, i..j)),
            after_of,
            subject: !locative && !after_of && is_subject_group(syn, i..j),
            destination: !(locative || after_of || in_longer_name)
                && is_destination_group(syn, doc, i..j),
        };
        // "former president", "Russia's exiled opposition leader": a modifier word in or just
        // before the group imposes its sector; not across a preposition ("opposition from
        // campaigners").
        let modifier = (i.saturating_sub(2).max(range.start)..j)
            .filter(|&t| !(t + 1..i).any(|k| toks.is(k, WordClasses::PREPOSITION)))
            .find_map(|t| lex.modifiers.get(&toks.words[t]))
            .map(|&s| lex.sectors[s as usize].clone());
        let role_of_a_place = refs.iter().any(|r| matches!(r, NameRef::Place(_)))
            && refs.iter().any(|r| matches!(r, NameRef::Agent { .. }));
        let surname_word = role_of_a_place
            && (i..j).any(|t| {
                lex.surnames
                    .longest(&toks.words[..j], &toks.caps[..j], t)
                    .is_some()
            });
        let run = NameRun {
            refs: &refs,
            qualifier,
            surname_person,
            new_person,
            context,
            modifier: modifier.as_deref(),
            surname_word,
        };
        resolve(doc, res, sentence, &run, &mut group, span);
        if update_coref {
            // A country named, or the country of a town or region named after "in", "at" or
            // "near" ("in the Kurram Agency").
            let named = refs
                .iter()
                .find_map(|r| match *r {
                    NameRef::Country { index, form, .. } => Some((index, form)),
                    _ => None,
                })
                .or_else(|| {
                    let place = Some(&doc.places[group.place? as usize]).filter(|p| p.locative)?;
                    let index = *lex.country_index.get(place.country.as_deref()?)?;
                    Some((index, CountryForm::Name))
                });
            if let Some((index, form)) = named {
                let modifier = form == CountryForm::Adjective
                    || country_word
                        .is_some_and(|t| matches!(syn.rel(t), Rel::Compound | Rel::Amod));
                let last = if modifier {
                    &mut coref.last_country_modifier
                } else {
                    &mut coref.last_country
                };
                *last = Some((index, sentence));
            }
        }
        if let Some(e) = group
            .entity
            .filter(|&e| super::is_named_body(&doc.actors[e as usize]))
        {
            if let Some(acronym) = super::acronym_after(doc, i..j, range.end) {
                res.note_acronym(acronym, e);
            }
        }
        group.government = acting_government(doc, res, syn, toks, &group);
        // "Scotland Yard said … A spokesman said": a bare spokesman, with no "for" or "of"
        // phrase, speaks for the last organisation that was a subject. Not for a state: the
        // state named last may be a foreign one ("… Belgium said. A spokesman said" in a
        // British story), and a bare role takes the story's country.
        let bare_spokesperson = j == i + 1
            && group.role.is_some()
            && lex.spokespersons.contains(&toks.words[i])
            && !(j < range.end && matches!(doc.token_text(j), "for" | "of"));
        if bare_spokesperson {
            if let Some(t) = coref.last_thing.filter(|&t| {
                let a = &doc.actors[t as usize];
                a.country.is_some() && !a.sectors.is_empty()
            }) {
                group.entity = Some(t);
                group.role = None;
                group
                    .evidence
                    .push_str(" → speaks for the last organisation that was a subject");
            }
        }
        if group.entity.is_none() && group.place.is_none() {
            // A place named outside a locative phrase, or nothing resolvable: not a group.
            i = j;
            continue;
        }
        if group.person.is_none() {
            group.person = refs.iter().find_map(|r| match r {
                NameRef::Person(p) => Some(*p),
                _ => None,
            });
        }
        if let Some(e) = group.entity.filter(|_| group.place.is_none()) {
            doc.mentions.push(Mention {
                sentence: sentence as u32,
                span,
                actor: e,
            });
            if update_coref {
                coref.note(e);
                if matches!(syn.xpos(j - 1), Xpos::NNS | Xpos::NNPS) {
                    coref.last_plural = Some(e);
                }
                if let Some(verb) = group_subject(syn, group.tokens.clone())
                    .filter(|&t| subject_of_main_clause(syn, t))
                    .and_then(|t| syn.head(t))
                {
                    coref.note_main_subject(e, sentence, verb);
                }
                let actor = &doc.actors[e as usize];
                if actor.key.starts_with("person:") {
                    coref.last_person = Some(e);
                    if let Some(t) = group_subject(syn, group.tokens.clone()) {
                        coref.note_subject_person(e, sentence, subject_of_main_clause(syn, t));
                    }
                    match group.person {
                        Some(p) => {
                            coref.person_entities.insert(p, e);
                        }
                        None => {
                            let surname = last_word(&actor.name);
                            coref.persons_by_surname.insert(surname, e);
                        }
                    }
                } else if !group.possessor
                    // "the law lords", "ministers": what a plural common noun names is "they",
                    // never "it".
                    && syn
                        .phrase_head(group.tokens.clone())
                        .is_none_or(|h| syn.xpos(h) != readout_syntax::Xpos::NNS)
                    // "By confusing the country it hopes …": naming a country again makes it
                    // what "it" stands for only as a subject.
                    && (!country_again || group_subject(syn, group.tokens.clone()).is_some())
                    && ((!after_prep && !clause_has_subject)
                        // "Syrian forces entered the town, and Turkey said it would …": a
                        // subject the parse finds after the first clause's.
                        || group_subject(syn, group.tokens.clone()).is_some())
                {
                    coref.note_thing(e, sentence, group.tokens.start);
                }
            }
            clause_has_subject = true;
        }
        out.push(group);
        i = j;
    }
    qualify_roles_by_place(doc, res, toks, sentence, out);
    appositive_persons(cx, sentence, hits, out);
}

/// "The region of Catalonia eased restrictions", "the city of Coachella passed an ordinance":
/// a town or region after "of" in a subject acts through its government. A state or province
/// that is itself the subject ("Bihar announced a lockdown") stands for its country, as a
/// country's bare name does. Only then is that actor made (a place as an object or a modifier
/// names no one).
fn acting_government(
    doc: &mut Document,
    res: &mut Resolver,
    syn: &Syntax,
    toks: &Tokens,
    group: &NounGroup,
) -> Option<u32> {
    let place = &doc.places[group.place? as usize];
    if !matches!(place.kind, PlaceKind::City | PlaceKind::Division) {
        return None;
    }
    let head = syn.phrase_head(group.tokens.clone())?;
    let of_subject = syn.rel(head) == Rel::Nmod
        && syn.head(head).is_some_and(|h| {
            matches!(syn.rel(h), Rel::Nsubj | Rel::NsubjOuter)
                && res.lex.partitives.contains(&toks.words[h])
        });
    // "Bihar announced a lockdown": a state or province that is the subject itself stands
    // for its country, as a country's bare name does (the sector is not said).
    let division_subject =
        place.kind == PlaceKind::Division && matches!(syn.rel(head), Rel::Nsubj | Rel::NsubjOuter);
    if !of_subject && !division_subject {
        return None;
    }
    let country = *res.lex.country_index.get(place.country.as_deref()?)?;
    Some(res.country(doc, country, of_subject.then_some("GOV")))
}

/// "Abu Ahmed, a Hamas commander, said …": a name the lexicon does not know, followed by an
/// appositive that names a role, becomes a person with that role's code.
fn appositive_persons(
    cx: &mut ActorCtx,
    sentence: usize,
    hits: &[NameHit],
    groups: &mut Vec<NounGroup>,
) {
    let (toks, syn, update_coref) = (cx.toks, cx.syn, cx.update_coref);
    let doc = &mut *cx.doc;
    let res = &mut *cx.res;
    let coref = &mut *cx.coref;
    let start = doc.sentences[sentence].tokens.start as usize;
    let mut found = Vec::new();
    for g in groups.iter() {
        let Some(e) = g
            .entity
            .filter(|_| !g.pronoun && g.pair.is_none() && g.person.is_none())
        else {
            continue;
        };
        let actor = &doc.actors[e as usize];
        if actor.sectors.is_empty() || actor.key.starts_with("person:") {
            continue;
        }
        // [name] , [a|an|the] [group]
        let det = g
            .tokens
            .start
            .checked_sub(1)
            .filter(|&d| d >= start && toks.is(d, WordClasses::DETERMINER));
        let Some(comma) = det
            .and_then(|d| d.checked_sub(1))
            .filter(|&c| c >= start && doc.token_text(c) == ",")
        else {
            continue;
        };
        let is_name_word = |t: usize| {
            toks.caps[t]
                && doc.tokens[t].has(tf::WORD)
                && toks.classes[t] == WordClasses::NONE
                && !hits.iter().any(|h| h.tokens.contains(&t))
        };
        // Back over the name's words, and the hyphens inside it ("Maria-Luisa Hale").
        let (mut first, mut words) = (comma, 0);
        while first > start && words < 4 {
            if is_name_word(first - 1) {
                words += 1;
            } else if !(first >= 2
                && super::hyphen_in_name(doc, toks, first - 1)
                && is_name_word(first - 2))
            {
                break;
            }
            first -= 1;
        }
        if words < 2
            || groups
                .iter()
                .any(|o| o.tokens.start < comma && o.tokens.end > first)
        {
            continue;
        }
        found.push((
            first..comma,
            actor.country.clone(),
            actor.sectors[0].clone(),
        ));
    }
    for (range, country, sector) in found {
        let span = Span {
            start: doc.tokens[range.start].span.start,
            end: doc.tokens[range.end - 1].span.end,
        };
        let name = doc.slice(span).to_string();
        let e = res.new_person(doc, &name, country.as_deref(), Some(&sector));
        doc.mentions.push(Mention {
            sentence: sentence as u32,
            span,
            actor: e,
        });
        if update_coref {
            coref.note(e);
            coref.last_person = Some(e);
            if let Some(t) = group_subject(syn, range.clone()) {
                let main = subject_of_main_clause(syn, t);
                if let Some(verb) = syn.head(t).filter(|_| main) {
                    coref.note_main_subject(e, sentence, verb);
                }
                coref.note_subject_person(e, sentence, main);
            }
            coref.persons_by_surname.insert(last_word(&name), e);
        }
        let group = NounGroup {
            tokens: range.clone(),
            entity: Some(e),
            pair: None,
            place: None,
            government: None,
            possessor: false,
            pronoun: false,
            speaker_pronoun: false,
            owner: None,
            after_preposition: false,
            role: None,
            person: None,
            evidence: format!("unknown name with an appositive role → new person {name:?}"),
        };
        let at = groups.partition_point(|g| g.tokens.start < range.start);
        groups.insert(at, group);
    }
}
