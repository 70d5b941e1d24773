//! Actors beyond the lexicon: people and bodies named in the text that no lexicon entry lists.
//!
//! A capitalised name that the parse uses as an argument (a subject, an object, an agent, an
//! apposition, the complement of "of") and that no noun group covers is an actor all the
//! same, coded from what the name and its phrase contain:
//! - a name ending in an organisation word is a body of that word's sector ("Congressional
//!   Budget *Office*" GOV, "Borders *Council*" GOV, "Vestey *Group*" BUS, "Christian *Aid*"
//!   NGO; `lexicon/actors/organisation-words.txt`);
//! - a name after an honorific ("Mr", "Sir", "Dr"), or of two to four plain capitalised words
//!   that does not start with a place ("Scotland Yard"), is a person (a given name,
//!   `lexicon/actors/given-names.txt`, settles it); a role in its apposition or compound ("Sir Andrew Green, *chairman* of …")
//!   gives the sector;
//! - a name that a noun for a kind of body describes, before it or in apposition ("oil *firm*
//!   Yukos", "Fiat, the Italian *carmaker*,"; `bodykind` records), is a body of that kind;
//! - a single word or an acronym is a body whose sector the text does not say.
//!
//! A country adjective in the phrase gives the country; otherwise the article's home country
//! is given later ([`super::home`]). A body named bare first ("Novartis" in a headline) takes
//! the country and sector a later mention gives it. Names used as places ("in Tweedbank", "from
//! Carlisle") are left alone, as are headlines, whose every word is capitalised.
//!
//! These names are found after the sentence's lexicon groups and pronouns, so a pronoun that
//! follows one of them as its subject ("Bob Hale said *he* would resign") is given to it here.

use super::coref::last_word;
use super::{ActorCtx, NounGroup};
use readout_doc::{token_flags as tf, Kind, Mention, Span};
use readout_lexicon::{NameRef, WordClasses};
use readout_syntax::{Rel, Upos};
use std::ops::Range;

/// The longest name read as a person.
const MAX_PERSON_WORDS: usize = 4;
/// How many words before a kind of body ("Swiss drugmaker") are looked at for its country.
const MAX_KIND_MODIFIERS: usize = 3;
/// The longest name read at all.
const MAX_NAME_WORDS: usize = 10;

/// Date words ("Monday", "January") are capitalised but name no one.
const DATE_WORDS: WordClasses = WordClasses(
    WordClasses::MONTH_01.0
        | WordClasses::MONTH_02.0
        | WordClasses::MONTH_03.0
        | WordClasses::MONTH_04.0
        | WordClasses::MONTH_05.0
        | WordClasses::MONTH_06.0
        | WordClasses::MONTH_07.0
        | WordClasses::MONTH_08.0
        | WordClasses::MONTH_09.0
        | WordClasses::MONTH_10.0
        | WordClasses::MONTH_11.0
        | WordClasses::MONTH_12.0
        | WordClasses::WEEKDAY_0.0
        | WordClasses::WEEKDAY_1.0
        | WordClasses::WEEKDAY_2.0
        | WordClasses::WEEKDAY_3.0
        | WordClasses::WEEKDAY_4.0
        | WordClasses::WEEKDAY_5.0
        | WordClasses::WEEKDAY_6.0,
);

/// Prepositions after which a name is a place, not an actor.
fn locative_case(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "in" | "at"
            | "near"
            | "from"
            | "to"
            | "into"
            | "across"
            | "through"
            | "outside"
            | "inside"
            | "around"
            | "throughout"
            | "towards"
            | "toward"
            | "via"
            | "on"
    )
}

impl ActorCtx<'_, '_> {
    fn text(&self, t: usize) -> &str {
        self.doc.token_text(t)
    }

    fn capitalised_word(&self, t: usize) -> bool {
        self.toks.caps[t]
            && self.doc.tokens[t].has(tf::WORD)
            && !self.toks.is(t, DATE_WORDS)
            && self.toks.classes[t] == WordClasses::NONE
    }

    /// The name run starting at `t`: capitalised words, joined by "of", "for", "the", "&".
    fn run(&self, t: usize, end: usize, covered: &[bool], start: usize) -> Range<usize> {
        let mut k = t;
        while k < end && k - t < MAX_NAME_WORDS && !covered[k - start] {
            if self.capitalised_word(k)
                || matches!(self.syn.upos(k), Upos::PROPN) && self.toks.caps[k]
            {
                k += 1;
                continue;
            }
            // A hyphen inside a name, with no space on either side: "Carl-Henric Svanberg"; the
            // full stop of a middle initial: "Charles P. Rettig".
            if self.joint_inside_name(k, t, end) && !covered[k + 1 - start] {
                k += 1;
                continue;
            }
            // A joining word inside a name: "Campaign for Borders Rail", "Institute of …".
            let joins = matches!(self.text(k), "of" | "for" | "the" | "&" | "and");
            let then_name = (k + 1..end.min(k + 3))
                .find(|&n| !matches!(self.text(n), "the"))
                .is_some_and(|n| !covered[n - start] && self.capitalised_word(n));
            // "John Hale of the Supporters' Association": a given name and a surname end the
            // person's name, the body follows ("Royal Institute of …" is a body's own name).
            let lex = self.res.lex;
            let person_so_far = (2..=3).contains(&(k - t))
                && lex.given_names.contains(&self.toks.words[t])
                && !lex.org_words.contains_key(&self.toks.words[k - 1])
                && !lex.body_words.contains(&self.toks.words[k - 1]);
            let ends_person = person_so_far && matches!(self.text(k), "of" | "for");
            if joins && then_name && k > t && self.text(k) != "and" && !ends_person {
                k += 1;
                continue;
            }
            break;
        }
        t..k
    }

    /// Whether token `k` joins two words of the name run starting at `t` (ending before `end`)
    /// without being a word of it: a hyphen ("Carl-Henric Svanberg") or the full stop of a
    /// middle initial ("Charles P. Rettig").
    fn joint_inside_name(&self, k: usize, t: usize, end: usize) -> bool {
        k > t
            && k + 1 < end
            && (super::hyphen_in_name(self.doc, self.toks, k)
                || super::initial_stop_in_name(self.doc, self.toks, k))
    }

    /// "Health and Human Services Secretary Alex Azar": a title that ends a longer capitalised
    /// run introduces the person; the words before it describe the office. The run from the
    /// name on, or the whole run when no title stands inside it.
    fn person_after_title(&self, run: Range<usize>) -> Range<usize> {
        (run.start + 1..run.end.saturating_sub(1))
            .rev()
            .find(|&k| {
                self.toks.is(k, WordClasses::HONORIFIC) && (2..=3).contains(&(run.end - k - 1))
            })
            .map_or(run.clone(), |k| k + 1..run.end)
    }
}

/// Finds the sentence's unlisted actors and adds their groups (kept in text order).
pub fn unknown_actors(cx: &mut ActorCtx, sentence: usize, groups: &mut Vec<NounGroup>) {
    let s = &cx.doc.sentences[sentence];
    if s.kind == Kind::Title {
        return;
    }
    let range = s.token_range();
    let mut covered = vec![false; range.len()];
    for g in groups.iter() {
        for t in g.tokens.clone() {
            if range.contains(&t) {
                covered[t - range.start] = true;
            }
        }
    }
    let mut found: Vec<NounGroup> = Vec::new();
    let mut t = range.start;
    while t < range.end {
        // A sentence that was not parsed (it can hold no event) still introduces people,
        // for later sentences to refer to: a given name or an honorific starts a name there.
        let unparsed = cx.syn.upos(t) == Upos::X && cx.syn.head(t).is_none();
        if unparsed
            && !covered[t - range.start]
            && cx.capitalised_word(t)
            && (cx.res.lex.given_names.contains(&cx.toks.words[t])
                || (t > range.start && cx.toks.is(t - 1, WordClasses::HONORIFIC)))
        {
            let run = cx.run(t, range.end, &covered, range.start);
            let next = run.end.max(t + 1);
            if let Some(g) = unlisted(cx, sentence, run, range.clone()) {
                found.push(g);
            }
            t = next;
            continue;
        }
        if let Some(end) = super::party_label_end(cx.doc, cx.toks, t) {
            t = end;
            continue;
        }
        let starts = !covered[t - range.start]
            && cx.capitalised_word(t)
            && (matches!(cx.syn.upos(t), Upos::PROPN | Upos::NOUN)
                // "Royal Institute", "National Audit Office": an adjective starting a name.
                || (cx.syn.upos(t) == Upos::ADJ
                    && t + 1 < range.end
                    && cx.syn.upos(t + 1) == Upos::PROPN
                    && cx.capitalised_word(t + 1)))
            // The first word of a sentence is capitalised anyway: only a proper noun counts,
            // or a noun the next proper noun continues ("Migration Watch says").
            && (t > range.start
                || cx.syn.upos(t) == Upos::PROPN
                || (t + 1 < range.end
                    && cx.syn.upos(t + 1) == Upos::PROPN
                    && cx.capitalised_word(t + 1)));
        if !starts {
            t += 1;
            continue;
        }
        let run = cx.run(t, range.end, &covered, range.start);
        let next = run.end.max(t + 1);
        // "Director Shami Chakrabarti called …": a common noun that opens the sentence right
        // before a name is that person's title, capitalised only as the first word.
        let title_of_next = run.len() == 1
            && t == range.start
            && cx.syn.upos(t) == Upos::NOUN
            && run.end < range.end
            && covered[run.end - range.start];
        if title_of_next {
            t = next;
            continue;
        }
        let run = cx.person_after_title(run);
        if let Some(g) = unlisted(cx, sentence, run.clone(), range.clone()) {
            found.push(g);
        }
        t = next;
    }
    let found_at: Vec<usize> = found.iter().map(|g| g.tokens.start).collect();
    for g in found {
        let at = groups.partition_point(|o| o.tokens.start < g.tokens.start);
        groups.insert(at, g);
    }
    if !found_at.is_empty() {
        refer_pronouns_to_new_names(cx, groups, &found_at);
    }
    affiliate(cx, sentence, groups);
}

/// "Bob Hale said he would resign", "Zenco said it would appeal", "shares in Zenco fell after
/// the firm warned": the sentence's pronouns and bare "the firm" were resolved before the names
/// the lexicon does not know were found, so they went to an earlier actor or none. A pronoun
/// whose nearest actor before it in the sentence is such a name, the subject of its clause and
/// of the pronoun's kind (a person for "he", a body for "it"), is that name's; "the firm" is
/// the nearest such body of its kind before it, and so is "its" ("Rover's disclosure of its
/// talks").
fn refer_pronouns_to_new_names(cx: &mut ActorCtx, groups: &mut [NounGroup], found_at: &[usize]) {
    let syn = cx.syn;
    for i in 0..groups.len() {
        let g = &groups[i];
        // "Rover's disclosure of its talks": "its" is the nearest body before it.
        if g.owner.is_some() && cx.toks.is(g.tokens.start, WordClasses::POSSESSIVE_THING) {
            let nearest = groups[..i]
                .iter()
                .rev()
                .find(|o| o.is_actor() && !o.pronoun)
                .filter(|o| found_at.contains(&o.tokens.start))
                .and_then(|o| o.entity)
                .filter(|&e| cx.doc.actors[e as usize].key.starts_with("body:"));
            if let Some(e) = nearest {
                groups[i].owner = Some(e);
                groups[i].evidence = "possessive pronoun → the body named before it".into();
            }
            continue;
        }
        if let Some(kind) = definite_kind(cx, g) {
            let body = groups[..i]
                .iter()
                .rev()
                .filter(|o| found_at.contains(&o.tokens.start))
                .filter_map(|o| o.entity)
                .find(|&e| {
                    let a = &cx.doc.actors[e as usize];
                    a.key.starts_with("body:") && a.sectors.iter().any(|s| s == kind)
                });
            if let Some(e) = body {
                let g = &mut groups[i];
                let span = Span {
                    start: cx.doc.tokens[g.tokens.start].span.start,
                    end: cx.doc.tokens[g.tokens.end - 1].span.end,
                };
                if let Some(m) = cx.doc.mentions.iter_mut().rev().find(|m| m.span == span) {
                    m.actor = e;
                }
                g.entity = Some(e);
                g.role = None;
                g.evidence = format!("the {} named before it", cx.doc.actors[e as usize].name);
            }
            continue;
        }
        if !g.pronoun || g.pair.is_some() {
            continue;
        }
        let t = g.tokens.start;
        let person_pronoun = cx.toks.is(t, WordClasses::PRONOUN_PERSON);
        if !person_pronoun && !cx.toks.is(t, WordClasses::PRONOUN_THING) {
            continue;
        }
        // "Zakra Velnik complained he …", "met Zakra Velnik, who said he was pleased": the
        // person whose words the clause reports.
        let of_reporter = person_pronoun
            .then(|| super::groups::reporter_of_clause(syn, t))
            .flatten()
            .and_then(|a| groups.iter().find(|o| o.tokens.contains(&a) && !o.pronoun));
        let nearest = || {
            groups[..i]
                .iter()
                .rev()
                .find(|o| o.is_actor() && !o.pronoun)
        };
        let Some(antecedent) = of_reporter.or_else(nearest) else {
            continue;
        };
        let Some(e) = antecedent
            .entity
            .filter(|_| found_at.contains(&antecedent.tokens.start))
        else {
            continue;
        };
        let key = &cx.doc.actors[e as usize].key;
        let kind_fits = if person_pronoun {
            key.starts_with("person:")
        } else {
            key.starts_with("body:")
        };
        let subject = of_reporter.is_some()
            || syn
                .phrase_head(antecedent.tokens.clone())
                .is_some_and(|h| crate::events::args::is_subject(syn.rel(h)));
        if kind_fits && subject {
            let g = &mut groups[i];
            g.entity = Some(e);
            g.evidence = "pronoun → the subject named before it in the sentence".into();
        }
    }
}

/// "Anne Borthwick, of Campaign for Borders Rail", "Sir Andrew Green, chairman of Migration
/// Watch", "Barclays' chief John Varley": a person the lexicon does not list, named with the
/// body they belong to, acts for that body and takes its code, unless the phrase gave the
/// person a sector of their own (other than by a generic title such as "spokesman").
///
/// A body role ("president", "spokesperson"; `body-role` records) is an office of whatever
/// body it is named with: "Gwynne Shotwell, president of SpaceX" and "Home Depot president
/// Craig Menear" are not government officials, even when the lexicon does not know the body
/// (the person then keeps no sector).
fn affiliate(cx: &mut ActorCtx, sentence: usize, groups: &[NounGroup]) {
    let syn = cx.syn;
    let lex = cx.res.lex;
    let doc = &*cx.doc;
    let toks = cx.toks;
    let group_at = |t: usize| groups.iter().find(|g| g.tokens.contains(&t));
    // "of", "for", and "at" of a workplace ("Jason Daw at Merrill Lynch", "campaigns
    // director at Greenpeace"; see below for what "at" may name).
    let affiliation_case = |t: usize| {
        syn.case_of(t).is_some_and(|p| {
            let word = doc.token_text(p);
            ["of", "for", "at"]
                .iter()
                .any(|w| word.eq_ignore_ascii_case(w))
        })
    };
    let organisation = |b: u32| {
        let org = &doc.actors[b as usize];
        super::is_named_body(org) && !org.sectors.is_empty()
    };
    // What a body role with an actor of the text makes of its person: that body's code, or
    // none when the lexicon does not know the body ("president of Chapter & Verse", which
    // may even have been read as a person's name).
    let body_of = |b: u32| {
        if organisation(b) {
            Some(Some(b))
        } else {
            doc.actors[b as usize].unlisted.then_some(None)
        }
    };
    let body_role = |t: usize| lex.body_roles.contains(&toks.words[t]);
    let range = doc.sentences[sentence].token_range();
    // (person, the body whose code the person takes, or `None` for a body the text names
    // but no group stands for).
    let mut joined: Vec<(u32, Option<u32>)> = Vec::new();
    for g in groups {
        let Some(e) = g.entity else { continue };
        let a = &doc.actors[e as usize];
        if !(a.unlisted && a.key.starts_with("person:")) {
            continue;
        }
        // "Barclays' chief John Varley", "Labour spokesman John Kemp", "RICS housing
        // spokesman Ian Perry": a body named just before the person's title. A generic title
        // (a spokesman, a president) takes the body's code; an office of its own ("Labour MP")
        // keeps its sector.
        let titled_by_role = g.tokens.clone().take(MAX_TITLE_WORDS).any(body_role);
        let generic_title =
            lex.spokespersons.contains(&toks.words[g.tokens.start]) || titled_by_role;
        // "Tesco chief executive Terry Leahy": a title of the body's own sector ties the person
        // to the body as well.
        let same_sector =
            |x: u32| !a.sectors.is_empty() && doc.actors[x as usize].sectors == a.sectors;
        if a.sectors.is_empty()
            || generic_title
            || groups.iter().any(|b| {
                b.tokens.end == g.tokens.start
                    && b.entity.is_some_and(|x| organisation(x) && same_sector(x))
            })
        {
            let mut left = g.tokens.start;
            while left > range.start
                && g.tokens.start - left < MAX_TITLE_WORDS
                && ((!toks.caps[left - 1] && doc.tokens[left - 1].has(tf::WORD))
                    || matches!(doc.token_text(left - 1), "'s" | "'" | "’s" | "’"))
                && groups.iter().all(|b| !b.tokens.contains(&(left - 1)))
            {
                left -= 1;
            }
            // The body must modify the person's phrase ("told the BBC News website Ford did
            // not" names two phrases).
            let person_head = syn.phrase_head(g.tokens.clone());
            let modifies_person = |b: &NounGroup| {
                let Some(mut k) = syn.phrase_head(b.tokens.clone()) else {
                    return false;
                };
                for _ in 0..MAX_MODIFIER_DEPTH {
                    match syn.head(k) {
                        Some(h) if Some(h) == person_head => return true,
                        Some(h) => k = h,
                        None => return false,
                    }
                }
                false
            };
            let before = groups.iter().find(|b| {
                b.place.is_none()
                    && b.tokens.start < g.tokens.start
                    && b.tokens.end >= left
                    && b.entity.is_some_and(|x| {
                        x != e
                            && ((organisation(x)
                                && (a.sectors.is_empty() || generic_title || same_sector(x)))
                                || (titled_by_role && body_of(x).is_some()))
                    })
                    && modifies_person(b)
            });
            if let Some(body) = before.and_then(|b| b.entity) {
                joined.push((e, body_of(body).flatten()));
                continue;
            }
            // "Home Depot president Craig Menear": a name no group stands for, just before a
            // body role, is the body the role is of.
            let unnamed_body = titled_by_role
                && left > range.start
                && toks.caps[left - 1]
                && syn.upos(left - 1) == Upos::PROPN
                && !toks.is(left - 1, DATE_WORDS)
                && group_at(left - 1).is_none();
            if unnamed_body && !a.sectors.is_empty() {
                joined.push((e, None));
                continue;
            }
        }
        let Some(head) = syn.phrase_head(g.tokens.clone()) else {
            continue;
        };
        // The parser reads ", of Campaign for Borders Rail," as an apposition or a modifier;
        // "John Hale of the Supporters' Association" names the body right after the name.
        let set_off = |c: usize| {
            syn.rel(c) == Rel::Appos
                || (syn.rel(c) == Rel::Nmod
                    && (syn.children(c).any(|d| d < c && doc.token_text(d) == ",")
                        || (affiliation_case(c) && syn.case_of(c) == Some(g.tokens.end))))
        };
        // ", chairman of …", ", a spokesman for …", ", president and chief operating officer
        // of …": the body after a partitive role or one of its conjuncts.
        // The parser may hang the second role on the person ("Jim Press, vice president and
        // chief operating officer of …" as Jim Press and an officer): a lower-case conjunct of
        // the person after the role is the role's.
        let body_of_role = |c: usize| {
            std::iter::once(c)
                .chain(syn.children(c).filter(|&d| syn.rel(d) == Rel::Conj))
                .chain(
                    syn.children(head)
                        .filter(|&d| d > c && syn.rel(d) == Rel::Conj && !toks.caps[d]),
                )
                .find_map(|r| {
                    syn.children(r)
                        .find(|&d| syn.rel(d) == Rel::Nmod && affiliation_case(d))
                })
        };
        let Some((role, body)) = syn
            .children(head)
            .filter(|&c| c > head && set_off(c))
            .find_map(|c| {
                if affiliation_case(c) {
                    return Some((None, c));
                }
                let after_role = lex
                    .partitives
                    .contains(&toks.words[c])
                    .then(|| body_of_role(c))
                    .flatten()
                    .map(|b| (Some(c), b));
                // ", BCC director general": a name compounded onto a body role, in an
                // apposition that is a bare title (not "…, Gazprom chairman Aleksey Miller").
                after_role.or_else(|| {
                    let named_after = c + 1 < range.end && toks.caps[c + 1];
                    if syn.upos(c) != Upos::NOUN || named_after {
                        return None;
                    }
                    let compounds = || syn.children(c).filter(|&d| syn.rel(d) == Rel::Compound);
                    let role = std::iter::once(c)
                        .chain(compounds())
                        .find(|&r| body_role(r))?;
                    compounds()
                        .find(|&d| d < role && toks.caps[d] && syn.upos(d) == Upos::PROPN)
                        .map(|b| (Some(role), b))
                })
            })
        else {
            continue;
        };
        // After "at", only a body the lexicon knows: "project leader at Hertfordshire" may
        // name a place.
        let at = syn
            .case_of(body)
            .is_some_and(|p| doc.token_text(p).eq_ignore_ascii_case("at"));
        if at
            && !group_at(body)
                .and_then(|b| b.entity.filter(|_| b.place.is_none()))
                .is_some_and(organisation)
        {
            continue;
        }
        let by_role = role.is_some_and(body_role);
        // A sector of the person's own stands, unless a body role gave it.
        if !a.sectors.is_empty() && !by_role {
            continue;
        }
        // "vice president of Toyota's US sales arm": a body named by a common noun (an arm, a
        // division) is its possessor's, which the parser may hang on a compound.
        // So is a unit the lexicon does not know, named after its possessor ("director of the
        // IMF's European Department").
        let compounds = syn.children(body).filter(|&d| syn.rel(d) == Rel::Compound);
        let possessor = std::iter::once(body)
            .chain(compounds)
            .flat_map(|n| syn.children(n))
            .find(|&d| syn.rel(d) == Rel::NmodPoss)
            .and_then(group_at);
        let listed_owner = possessor.and_then(|o| o.entity).is_some_and(organisation);
        let body_group = match group_at(body) {
            Some(b)
                if listed_owner && b.entity.is_some_and(|x| doc.actors[x as usize].unlisted) =>
            {
                possessor
            }
            Some(b) => Some(b),
            None => possessor,
        };
        if by_role
            && body_group.is_none()
            && toks.caps[body]
            && matches!(syn.upos(body), Upos::PROPN | Upos::NOUN)
        {
            // ", a spokesperson for Instagram": a body no group stands for.
            joined.push((e, None));
            continue;
        }
        let body = body_group.and_then(|b| b.entity.filter(|_| b.place.is_none()));
        let Some(body) = body.filter(|&b| b != e) else {
            continue;
        };
        if organisation(body) {
            joined.push((e, Some(body)));
        } else if let Some(None) = body_of(body).filter(|_| by_role) {
            joined.push((e, None));
        }
    }
    for (person, body) in joined {
        let (code, sectors, country) = match body {
            Some(body) => {
                let org = &cx.doc.actors[body as usize];
                (org.code.clone(), org.sectors.clone(), org.country.clone())
            }
            None => {
                let own = &cx.doc.actors[person as usize];
                let country = own.country.clone().filter(|_| !own.country_inferred);
                (country.clone().unwrap_or_default(), Vec::new(), country)
            }
        };
        let person = &mut cx.doc.actors[person as usize];
        person.code = code;
        person.sectors = sectors;
        person.country = country;
    }
}

/// Most lowercase words of a title between a body and a person's name ("managing director").
const MAX_TITLE_WORDS: usize = 4;
/// How many heads up from a body its person's name may be ("Barclays' → chief → Varley").
const MAX_MODIFIER_DEPTH: usize = 4;

/// The actor a name run stands for, if it is one.
fn unlisted(
    cx: &mut ActorCtx,
    sentence: usize,
    run: Range<usize>,
    sentence_range: Range<usize>,
) -> Option<NounGroup> {
    let syn = cx.syn;
    let head = syn.phrase_head(run.clone())?;
    let unparsed = syn.upos(head) == Upos::X && syn.head(head).is_none();
    let argument = unparsed
        || match syn.rel(head) {
            Rel::Nsubj
            | Rel::NsubjPass
            | Rel::Obj
            | Rel::Iobj
            | Rel::OblAgent
            | Rel::Appos
            | Rel::NmodPoss
            | Rel::Conj
            | Rel::Root
            | Rel::Flat
            | Rel::Compound => true,
            Rel::Obl | Rel::Nmod => syn.case_of(head).is_none_or(|c| !locative_case(cx.text(c))),
            _ => false,
        };
    // "shares in Zentra", "Zentra shares", "a stake in Tube Lines": what shares are held in is a
    // business, even after "in".
    let holding_sector = syn.head(head).and_then(|g| {
        let sector = cx.res.lex.holdings.get(&cx.toks.words[g]).copied()?;
        let held = match syn.rel(head) {
            Rel::Compound | Rel::NmodPoss => true,
            Rel::Nmod => syn
                .case_of(head)
                .is_some_and(|c| matches!(cx.text(c), "in" | "of")),
            _ => false,
        };
        held.then_some(sector)
    });
    // "criticism from the Economic Affairs Committee": a name that ends in an organisation
    // word is a body after "from" too, not a place.
    let final_word = cx.toks.words[run.end - 1];
    let from_body = matches!(syn.rel(head), Rel::Obl | Rel::Nmod)
        && syn
            .case_of(head)
            .is_some_and(|c| cx.text(c).eq_ignore_ascii_case("from"))
        && (cx.res.lex.org_words.contains_key(&final_word)
            || cx.res.lex.body_words.contains(&final_word));
    if !argument && !from_body && holding_sector.is_none() {
        return None;
    }
    let honorific =
        run.start > sentence_range.start && cx.toks.is(run.start - 1, WordClasses::HONORIFIC);
    let given_name = cx.res.lex.given_names.contains(&cx.toks.words[run.start]);
    // The common noun right before the name describes it too, however the parser attached it
    // ("the billionaire developer | Tom Hale", "oil firm | Yukos").
    let described_by = run
        .start
        .checked_sub(1)
        .filter(|&p| p >= sentence_range.start && syn.upos(p) == Upos::NOUN);
    // "oil firm Yukos", "Fiat, the Italian carmaker,": a noun for a kind of body, right before
    // the name or in apposition to it, makes it a body of that kind. A given name still makes
    // a person ("the company Tom Hale founded").
    let kind_sector = (!honorific && !given_name)
        .then(|| {
            described_by
                .into_iter()
                .chain(syn.children(head).filter(|&c| syn.rel(c) == Rel::Appos))
                .filter(|&k| !cx.toks.caps[k])
                .find_map(|k| cx.res.lex.body_kinds.get(&cx.toks.words[k]).copied())
        })
        .flatten()
        .or(holding_sector);
    // "HIV is decimating African countries": a disease named as a subject acts on no one's
    // behalf.
    if run.len() == 1 && cx.res.lex.thing_names.contains(&cx.toks.words[run.start]) {
        return None;
    }
    // A single word is an actor only as a core argument or named with its kind ("oil firm
    // Yukos"), and never after "a" ("McConnell, a Republican, said"; "Senate Majority
    // Leader"): a lone capitalised word is as often a description or part of a title.
    if run.len() == 1 && !honorific {
        let core = matches!(
            syn.rel(head),
            Rel::Nsubj | Rel::NsubjPass | Rel::Obj | Rel::Iobj | Rel::OblAgent | Rel::NmodPoss
        );
        let indefinite = run.start > sentence_range.start
            && matches!(
                cx.text(run.start - 1).to_ascii_lowercase().as_str(),
                "a" | "an"
            );
        // "The Bedfordshire MP denied …": a name the parser made the head of the role after
        // it still only says whose the role is, as in "the Glaxo spokesman".
        let role_after = run.end < sentence_range.end
            && syn.head(run.end) == Some(head)
            && matches!(syn.rel(run.end), Rel::Flat | Rel::Compound)
            && agent_sector_at(cx, run.end).is_some();
        if !(core || kind_sector.is_some()) || indefinite || role_after {
            return None;
        }
    }
    // A hyphen joining two words of the name ("Carl-Henric") or an initial's full stop is no
    // word of its own.
    let joints = run
        .clone()
        .filter(|&k| cx.joint_inside_name(k, run.start, run.end))
        .count();
    let words = run.len() - joints;
    let last = run.end - 1;
    // The organisation word is the last word, or the head before "of"/"for" ("Institute of
    // Chartered Surveyors", "Campaign for Borders Rail").
    let org_sector = cx
        .res
        .lex
        .org_words
        .get(&cx.toks.words[last])
        .copied()
        .or_else(|| {
            run.clone()
                .take_while(|&k| !matches!(cx.text(k), "of" | "for"))
                .last()
                .filter(|&k| k + 1 < run.end)
                .and_then(|k| cx.res.lex.org_words.get(&cx.toks.words[k]).copied())
        });
    let all_caps = cx.doc.tokens[run.start].has(tf::ALL_CAPS);
    let plain_words = run.clone().all(|k| {
        (cx.capitalised_word(k) && !cx.doc.tokens[k].has(tf::ALL_CAPS))
            || cx.joint_inside_name(k, run.start, run.end)
    });
    // "Scotland Yard", "Edinburgh Airport": a name that starts with a place names a body.
    let starts_with_place = cx
        .res
        .lex
        .names
        .longest(&cx.toks.words, &cx.toks.caps, run.start)
        .is_some();
    // "his New Year message", "the Constitutional Affairs Select Committee": a name modifying
    // a noun is a person only with a given name ("the Tom Hale affair"); otherwise it names an
    // occasion, a thing or part of a longer name.
    let modifies_noun = syn.rel(head) == Rel::Compound
        && syn
            .head(head)
            .is_some_and(|g| matches!(syn.upos(g), Upos::NOUN | Upos::PROPN));
    let org_sector = org_sector.or(kind_sector);
    // "the Telephone Preference Service", "the Economic Affairs Committee": a body whose
    // sector its name does not say.
    let body_word = cx.res.lex.body_words.contains(&cx.toks.words[last]);
    let person = org_sector.is_none()
        && !body_word
        && (honorific
            || ((2..=MAX_PERSON_WORDS).contains(&words)
                && plain_words
                && (given_name || (!starts_with_place && !modifies_noun))));
    if unparsed && !person {
        return None;
    }
    if !person && org_sector.is_none() && !body_word && words > 1 && !all_caps && !starts_with_place
    {
        // A long capitalised run that is neither a person nor a body ("Breakfast with Frost").
        return None;
    }
    // The phrase around the head: a country adjective or name, a role noun.
    let (mut country, mut sector) = (None::<String>, None::<String>);
    let lex = cx.res.lex;
    // The head's own modifiers, the noun it is in apposition to, and that noun's modifiers
    // ("the billionaire developer Tom Hale").
    let governor = syn.head(head);
    let around: Vec<usize> = syn
        .children(head)
        .chain(governor)
        .chain(described_by)
        .chain(governor.into_iter().chain(described_by).flat_map(|g| {
            syn.children(g)
                .filter(|&c| matches!(syn.rel(c), Rel::Compound | Rel::Amod))
        }))
        .collect();
    for &c in &around {
        let Some(refs) = refs_at(cx, c) else { continue };
        for r in refs {
            match r {
                NameRef::Country { index, .. } if country.is_none() => {
                    country = Some(lex.countries[index as usize].code.clone());
                }
                NameRef::Agent { sector: s, .. } if sector.is_none() && person => {
                    // "Bill Hale, union president,": a body role is the sector of the body
                    // word compounded onto it, as in a noun group (`resolve`).
                    let body = lex
                        .body_roles
                        .contains(&cx.toks.words[c])
                        .then(|| {
                            syn.children(c)
                                .filter(|&d| syn.rel(d) == Rel::Compound)
                                .find_map(|d| agent_sector_at(cx, d))
                        })
                        .flatten();
                    sector = Some(lex.sectors[body.unwrap_or(s) as usize].clone());
                }
                _ => {}
            }
        }
    }
    // "Swiss drugmaker Novartis", "Fiat, the Italian carmaker,", "Assad Omar, Afghanistan's
    // envoy,": the country that qualifies the kind or the role is the name's, however the
    // parser attached it.
    if country.is_none() && (person || kind_sector.is_some()) {
        let before_kind = described_by
            .filter(|_| kind_sector.is_some())
            .into_iter()
            .flat_map(|k| {
                (sentence_range.start..k)
                    .rev()
                    .take(MAX_KIND_MODIFIERS)
                    .take_while(|&t| matches!(syn.upos(t), Upos::ADJ | Upos::NOUN | Upos::PROPN))
            });
        let of_apposition = syn
            .children(head)
            .filter(|&c| {
                syn.rel(c) == Rel::Appos
                    && (kind_sector.is_some() || agent_sector_at(cx, c).is_some())
            })
            .flat_map(|a| {
                syn.children(a)
                    .filter(|&c| matches!(syn.rel(c), Rel::Amod | Rel::Compound | Rel::NmodPoss))
            });
        country = before_kind
            .chain(of_apposition)
            .flat_map(|c| refs_at(cx, c).unwrap_or_default())
            .find_map(|r| match r {
                NameRef::Country { index, .. } => Some(lex.countries[index as usize].code.clone()),
                _ => None,
            });
    }
    // "Shadow home secretary John Hale", "John Hale, a former minister": a modifier of the
    // person's role imposes its sector, as it does on a noun group (`groups`).
    if person {
        let before = run
            .start
            .saturating_sub(MAX_TITLE_WORDS)
            .max(sentence_range.start)..run.start;
        let role_before = before.clone().any(|t| agent_sector_at(cx, t).is_some());
        let in_role = around
            .iter()
            .flat_map(|&c| std::iter::once(c).chain(syn.children(c)));
        // The modifier must qualify the role itself ("former home secretary"), not another
        // noun ("Mr Mann's former deputy").
        let agent_at = |t: usize| t < sentence_range.end && agent_sector_at(cx, t).is_some();
        let modifier = before.chain(in_role).find_map(|t| {
            let qualifies_role = agent_at(t + 1) || agent_at(t + 2);
            lex.modifiers
                .get(&cx.toks.words[t])
                .filter(|_| qualifies_role)
        });
        if let Some(&m) = modifier.filter(|_| sector.is_some() || role_before) {
            sector = Some(lex.sectors[m as usize].clone());
        }
    }
    if body_word && org_sector.is_none() {
        if let Some((c, s)) = owner_of_body(cx, sentence, head, run.start, sentence_range.start) {
            country = c.or(country);
            sector = s;
        }
    }
    if let Some(s) = org_sector {
        sector = Some(lex.sectors[s as usize].clone());
    }
    let span = Span {
        start: cx.doc.tokens[run.start].span.start,
        end: cx.doc.tokens[last].span.end,
    };
    let name = cx.doc.slice(span).to_string();
    // "shelled Idlib", "visited Mumbai": a body named by a town the event goes to is of the
    // town's country (its council, its club), which the text does not say outright.
    let town_country = (country.is_none() && !person)
        .then(|| {
            cx.doc
                .places
                .iter()
                .rev()
                .take_while(|p| p.sentence == sentence as u32)
                .find(|p| p.span == span)
                .and_then(|p| p.country.clone())
        })
        .flatten();
    // "Pernod" after "Pernod Ricard", "Vestey" after "the Vestey Group": a body named before,
    // by its name or its first words, is that body (not a person of the same name).
    // The same name read as a body again goes through `new_body`, which takes in what this
    // mention says of it.
    let short_form = cx
        .res
        .body_by_first_words(&name)
        .filter(|&b| person || cx.doc.actors[b as usize].name != name);
    let person = person && short_form.is_none();
    let e = if let Some(body) = short_form {
        body
    } else if person {
        cx.res
            .new_person(cx.doc, &name, country.as_deref(), sector.as_deref())
    } else {
        let country = country.or(town_country.clone());
        cx.res
            .new_body(cx.doc, &name, country.as_deref(), sector.as_deref())
    };
    if town_country.is_some() {
        cx.doc.actors[e as usize].country_inferred = true;
    }
    if !person {
        if let Some(acronym) = super::acronym_after(cx.doc, run.clone(), sentence_range.end) {
            cx.res.note_acronym(acronym, e);
        }
    }
    cx.doc.mentions.push(Mention {
        sentence: sentence as u32,
        span,
        actor: e,
    });
    if cx.update_coref {
        cx.coref.note(e);
        // "Sir Andrew Green, chairman of …, says": the parser may make the honorific the head
        // of the name, and the subject.
        let role_token = if honorific && syn.head(head) == Some(run.start - 1) {
            run.start - 1
        } else {
            head
        };
        let clause_role = syn.rel(role_token);
        if let Some(verb) = syn.head(role_token).filter(|_| {
            crate::events::args::is_subject(clause_role)
                && super::groups::subject_of_main_clause(syn, role_token)
        }) {
            cx.coref.note_main_subject(e, sentence, verb);
        }
        if person {
            cx.coref.last_person = Some(e);
            if crate::events::args::is_subject(clause_role) {
                let main = super::groups::subject_of_main_clause(syn, role_token);
                cx.coref.note_subject_person(e, sentence, main);
            }
            cx.coref.persons_by_surname.insert(last_word(&name), e);
        } else if crate::events::args::is_subject(syn.rel(head)) {
            cx.coref.note_thing(e, sentence, run.start);
        }
    }
    let start = if honorific { run.start - 1 } else { run.start };
    Some(NounGroup {
        tokens: start..run.end,
        entity: Some(e),
        pair: None,
        place: None,
        government: None,
        possessor: syn.rel(head) == Rel::NmodPoss,
        pronoun: false,
        speaker_pronoun: false,
        owner: None,
        after_preposition: false,
        role: None,
        person: None,
        evidence: format!(
            "unlisted {} {name:?}{}",
            if person { "person" } else { "body" },
            sector.map(|s| format!(" ({s})")).unwrap_or_default()
        ),
    })
}

/// The sector of a group that is a kind of body named with "the" alone and left a bare role
/// ("the firm", "the company").
fn definite_kind<'l>(cx: &ActorCtx<'_, 'l>, g: &NounGroup) -> Option<&'l str> {
    g.role.as_ref()?;
    super::resolve::kind_named_with_the(cx.doc, cx.res.lex, g.tokens.clone())
}

/// The lexicon references of the name hit at token `t` (a single-token look-up).
/// Most words before a body's name searched for the legislature it belongs to ("the Commons
/// Treasury Committee").
const MAX_OWNER_WORDS: usize = 3;

/// The country and sector of the body a body of no sector of its own (`orgword -`: a
/// "Committee", a "Board") belongs to: its possessor's ("Labour's National Executive
/// Committee" is the party's), or the legislature named at the start of its name ("the
/// Commons Treasury Committee", "the Senate Finance Committee").
fn owner_of_body(
    cx: &ActorCtx,
    sentence: usize,
    head: usize,
    start: usize,
    sentence_start: usize,
) -> Option<(Option<String>, Option<String>)> {
    let syn = cx.syn;
    if let Some(owner) = syn
        .children(head)
        .filter(|&c| syn.rel(c) == Rel::NmodPoss)
        .find_map(|c| {
            let at = cx.doc.tokens[c].span;
            cx.doc
                .mentions
                .iter()
                .rev()
                .take_while(|m| m.sentence as usize == sentence)
                .find(|m| m.span.start <= at.start && at.end <= m.span.end)
        })
    {
        let actor = &cx.doc.actors[owner.actor as usize];
        if actor.country.is_some() || !actor.sectors.is_empty() {
            return Some((actor.country.clone(), actor.sectors.first().cloned()));
        }
    }
    let lex = cx.res.lex;
    (start.saturating_sub(MAX_OWNER_WORDS).max(sentence_start)..start)
        .flat_map(|t| refs_at(cx, t).unwrap_or_default())
        .find_map(|r| match r {
            NameRef::Country {
                index,
                sector: Some(s),
                ..
            } if lex.sectors[s as usize] == "LEG" => Some((
                Some(lex.countries[index as usize].code.clone()),
                Some("LEG".to_string()),
            )),
            _ => None,
        })
}

fn refs_at(cx: &ActorCtx, t: usize) -> Option<Vec<NameRef>> {
    let m = cx.res.lex.names.longest(&cx.toks.words, &cx.toks.caps, t)?;
    let refs = m.values().copied().collect();
    Some(refs)
}

/// The sector of the role (agent) a lexicon name starting at token `t` names, if it names one.
fn agent_sector_at(cx: &ActorCtx, t: usize) -> Option<u16> {
    refs_at(cx, t)?.into_iter().find_map(|r| match r {
        NameRef::Agent { sector, .. } => Some(sector),
        _ => None,
    })
}
