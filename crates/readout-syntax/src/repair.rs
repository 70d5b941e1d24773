//! Repairs of parses no English tree can have, applied after the greedy parser.
//!
//! A greedy parser decides each arc once, and a few of its mistakes leave a tree that breaks a
//! rule of the annotation itself (an open complement with its own modal, a noun compounded
//! onto a verb, a finite verb with no subject). Each repair here rewrites one such shape into
//! the nearest well-formed tree; none changes a tree the treebanks' conventions allow, and each
//! is checked with `eval-syntax` not to lower UAS on any test set. Some shapes are news shapes
//! the treebanks hardly hold ("…, CNBC reports."); those repairs were checked on the BBC
//! corpus as well.

use crate::tags::{Rel, Upos, Xpos};
use crate::Word;

/// Rewrites the impossible shapes in `words` (one sentence of `text`, heads within it).
pub fn repair(text: &[&str], words: &mut [Word]) {
    bare_day_after_an_object(text, words);
    finite_open_complement(words);
    noun_compounded_onto_participle(words);
    reporting_clause_after_quotation(words);
    clause_without_a_predicate(words);
    content_clause_read_as_conjunct(words);
    complement_clause_read_as_conjunct(words);
    subject_read_as_conjunct_of_an_opening_phrase(words);
    name_read_as_conjunct_of_its_modifier(words);
    title_read_as_conjunct_of_a_name(words);
    predicate_read_as_reduced_relative(words);
    perfect_auxiliary_read_as_verb(text, words);
    clause_read_as_phrase_after_subordinator(text, words);
    reporting_verb_read_as_plural_noun(text, words);
    possessor_hung_on_a_verb(words);
    relative_clause_hung_on_a_verb(text, words);
}

/// A relative clause belongs to the noun its relative pronoun follows: one hung on a verb
/// ("was overturned by the Court of Appeal who said …", with "said" on "overturned") whose
/// first word is "who" or "which" right after a noun is that noun's; for "who", a person's
/// noun before "of" ("the leader of the party who …") is the antecedent, not the party.
fn relative_clause_hung_on_a_verb(text: &[&str], words: &mut [Word]) {
    for x in 0..words.len() {
        if words[x].rel != Rel::AclRelcl {
            continue;
        }
        let Some(verb) = words[x].head.map(usize::from) else {
            continue;
        };
        if words[verb].upos != Upos::VERB || verb >= x {
            continue;
        }
        let Some(r) = children(words, x).next().filter(|&r| r < x && r > 0) else {
            continue;
        };
        let who = text.get(r).is_some_and(|w| w.eq_ignore_ascii_case("who"));
        let which = text.get(r).is_some_and(|w| w.eq_ignore_ascii_case("which"));
        // "which" after a name ("the Low Pay Commission which said"); after a common noun it
        // as often belongs to a noun before ("a speech to delegates which will not help").
        let antecedent = match words[r - 1].upos {
            Upos::PROPN => who || which,
            Upos::NOUN => who,
            _ => false,
        };
        if !antecedent {
            continue;
        }
        let mut noun = r - 1;
        while let Some(h) = words[noun].head.map(usize::from) {
            let part_of_name = matches!(words[noun].rel, Rel::Flat | Rel::Compound);
            let of_phrase = who && words[noun].rel.base() == Rel::Nmod && h < noun;
            if !(part_of_name || of_phrase) || !matches!(words[h].upos, Upos::NOUN | Upos::PROPN) {
                break;
            }
            noun = h;
        }
        if noun > verb && dominates(words, verb, noun) {
            words[x].head = Some(noun as u16);
        }
    }
}

/// A possessor belongs to a noun: one hung on a verb after it ("The Conservatives' campaign
/// director has denied …", read with "Conservatives'" on "denied") possesses the verb's noun
/// dependent that follows it, the first such noun before the verb.
fn possessor_hung_on_a_verb(words: &mut [Word]) {
    for x in 0..words.len() {
        let w = words[x];
        let Some(verb) = w.head.map(usize::from) else {
            continue;
        };
        if w.rel != Rel::NmodPoss
            || verb <= x
            || !matches!(words[verb].upos, Upos::VERB | Upos::AUX)
        {
            continue;
        }
        let possessed = (x + 1..verb).find(|&t| {
            words[t].head == Some(verb as u16) && matches!(words[t].upos, Upos::NOUN | Upos::PROPN)
        });
        if let Some(n) = possessed {
            words[x].head = Some(n as u16);
        }
    }
}

/// "…, CNBC reports." / "…, the newspaper notes.": a sentence that ends with a comma, a noun
/// phrase and one of these words tells who reports it; the tagger reads the verb as a plural
/// noun with the name its compound. The word becomes the reporting verb (`parataxis` of the
/// sentence's root, as after a quotation) and the noun before it its subject.
fn reporting_verb_read_as_plural_noun(text: &[&str], words: &mut [Word]) {
    const REPORTS: [&str; 3] = ["reports", "notes", "writes"];
    let n = words.len().min(text.len());
    if n < 5 || words[n - 1].xpos != Xpos::Period {
        return;
    }
    let verb = n - 2;
    let subject = verb - 1;
    let Some(root) = words.iter().position(|w| w.head.is_none()) else {
        return;
    };
    if !REPORTS.contains(&text[verb].to_ascii_lowercase().as_str())
        || words[verb].upos != Upos::NOUN
        || root == verb
        || !matches!(words[subject].upos, Upos::NOUN | Upos::PROPN)
        || words[subject].head != Some(verb as u16)
    {
        return;
    }
    // The phrase runs from just after a comma to the verb, and is the verb's alone.
    let Some(first) =
        (0..verb).find(|&t| words[t].upos != Upos::PUNCT && dominates(words, verb, t))
    else {
        return;
    };
    if first == 0
        || text[first - 1] != ","
        || !(first..verb).all(|t| dominates(words, verb, t))
        || children(words, verb).any(|c| matches!(words[c].rel, Rel::Case | Rel::Nummod))
    {
        return;
    }
    for w in &mut words[first..subject] {
        if w.head == Some(verb as u16) {
            w.head = Some(subject as u16);
        }
    }
    words[subject].head = Some(verb as u16);
    words[subject].rel = Rel::Nsubj;
    words[verb].upos = Upos::VERB;
    words[verb].xpos = Xpos::VBZ;
    words[verb].head = Some(root as u16);
    words[verb].rel = Rel::Parataxis;
    // The comma before the phrase is the reporting clause's.
    words[first - 1].head = Some(verb as u16);
}

/// Words that open a clause as readily as a phrase ("after the vote" / "after the minister
/// said").
const SUBORDINATORS: [&str; 6] = ["after", "before", "as", "since", "until", "while"];

/// "the day after Sir Ian Blair, the police commissioner, said he …": when a subject follows
/// "after" (or "as", "before"…), the parser may read "after Sir Ian Blair" as a phrase and
/// the verb after it as a conjunct or an adverbial clause with no subject. A finite verb with
/// no subject of its own, right after such a phrase or the comma that closes it, is its
/// clause's predicate: the phrase's noun is its subject and the opening word its subordinator.
fn clause_read_as_phrase_after_subordinator(text: &[&str], words: &mut [Word]) {
    for v in 2..words.len().min(text.len()) {
        let verb = words[v];
        let finite =
            verb.upos == Upos::VERB && matches!(verb.xpos, Xpos::VBD | Xpos::VBZ | Xpos::VBP);
        // Right after the phrase ("after France and Germany vowed", read as an adverbial
        // clause with no subject) or after the comma that closes it.
        let comma = text[v - 1] == ",";
        let last = if comma { v - 2 } else { v - 1 };
        let loose = matches!(verb.rel, Rel::Conj | Rel::Parataxis | Rel::Dep)
            || (!comma && verb.rel == Rel::Advcl);
        if !finite
            || !loose
            || children(words, v).any(|c| {
                matches!(
                    words[c].rel.base(),
                    Rel::Nsubj | Rel::Expl | Rel::Cc | Rel::Mark
                )
            })
        {
            continue;
        }
        // Climb from the phrase's last word through the phrase (appositions, relative clauses,
        // modifiers) to the highest noun opened by a subordinator.
        let ends_before_the_verb =
            |words: &[Word], n: usize| !(v..words.len()).any(|t| dominates(words, n, t));
        let mut subject = None;
        let mut node = last;
        loop {
            if dominates(words, node, v) {
                break;
            }
            let opened = children(words, node).find(|&c| {
                words[c].rel == Rel::Case
                    && SUBORDINATORS.contains(&text[c].to_ascii_lowercase().as_str())
            });
            if let Some(opener) = opened {
                if matches!(words[node].upos, Upos::NOUN | Upos::PROPN | Upos::PRON)
                    && ends_before_the_verb(words, node)
                {
                    subject = Some((node, opener));
                }
            }
            // A finite verb ends the climb unless it heads a relative clause of the phrase; a
            // conjunct with a preposition of its own ("as a liar and on Thursday") is no part
            // of a subject. Without the comma the phrase must be a plain noun phrase, since a
            // participle there ("after companies using legislation put in place") leaves the
            // next verb a participle too.
            let w = words[node];
            let clause =
                matches!(w.xpos, Xpos::VBD | Xpos::VBZ | Xpos::VBP) && w.rel.base() != Rel::Acl;
            let own_case =
                w.rel == Rel::Conj && children(words, node).any(|c| words[c].rel == Rel::Case);
            let participle = !comma && w.upos == Upos::VERB && !clause;
            if own_case || participle {
                subject = None;
                break;
            }
            match w.head {
                Some(h) if !clause => node = usize::from(h),
                _ => break,
            }
        }
        let Some((subject, opener)) = subject else {
            continue;
        };
        // A conjunct of a word inside the phrase, or a verb listed after one of its own form,
        // belongs to it ("as an artist I admire, miss and respect"); a participle with its
        // agent is no finite verb ("as the husband of Grace, played by …"); "said" with a noun
        // after it has its own subject there ("as a weapon, said the leaflet").
        let inside = verb
            .head
            .is_some_and(|h| dominates(words, subject, usize::from(h)))
            || (words[last].upos == Upos::VERB && words[last].xpos == verb.xpos);
        let by_agent = text
            .get(v + 1)
            .is_some_and(|t| t.eq_ignore_ascii_case("by"));
        let inverted = matches!(text[v].to_ascii_lowercase().as_str(), "said" | "says")
            && children(words, v).any(|c| c > v && words[c].rel == Rel::Obj);
        if inside || by_agent || inverted {
            continue;
        }
        let Some(head) = words[subject].head else {
            continue;
        };
        // "stones, known as massebot, oriented north-south": the phrase completes a reduced
        // relative, and the verb after it is that relative's mistagged twin.
        if words[usize::from(head)].rel == Rel::Acl {
            continue;
        }
        words[v].head = Some(head);
        words[v].rel = if words[usize::from(head)].upos == Upos::VERB {
            Rel::Advcl
        } else {
            Rel::Acl
        };
        words[subject].head = Some(v as u16);
        words[subject].rel = Rel::Nsubj;
        words[opener].head = Some(v as u16);
        words[opener].rel = Rel::Mark;
        words[opener].upos = Upos::SCONJ;
    }
}

/// "has defended the purchase": a form of "have" followed by a past participle, with nothing
/// between but adverbs, is the perfect's auxiliary; a parse that makes "have" the predicate and
/// the participle its object ("has [a] defended") hangs the clause on the participle instead.
/// "had the house painted" keeps its object between, so it is left alone.
fn perfect_auxiliary_read_as_verb(text: &[&str], words: &mut [Word]) {
    for h in 0..words.len().min(text.len()) {
        if words[h].upos != Upos::VERB
            || !matches!(
                text[h].to_ascii_lowercase().as_str(),
                "has" | "have" | "had" | "having"
            )
        {
            continue;
        }
        let Some(v) =
            (h + 1..words.len()).find(|&t| words[t].upos != Upos::ADV && words[t].xpos != Xpos::RB)
        else {
            continue;
        };
        let participle = words[v].upos == Upos::VERB
            && words[v].xpos == Xpos::VBN
            && words[v].head == Some(h as u16)
            && matches!(words[v].rel, Rel::Obj | Rel::Xcomp | Rel::Ccomp | Rel::Dep);
        if !participle {
            continue;
        }
        words[v].head = words[h].head;
        words[v].rel = words[h].rel;
        // Every word the auxiliary governed (its subject, adverbs, the closing stop) is the
        // participle's.
        for w in words.iter_mut() {
            if w.head == Some(h as u16) {
                w.head = Some(v as u16);
            }
        }
        words[h].head = Some(v as u16);
        words[h].rel = Rel::Aux;
        words[h].upos = Upos::AUX;
    }
}

/// A sentence needs a predicate: one whose root is a noun with nothing but a participle after
/// its phrase ("Students demonstrated against the law.", parsed as "students [who were]
/// demonstrated against the law") has its predicate in that participle, a past tense with the noun as its
/// subject. Fragments without a final full stop (headlines, captions) are left alone.
fn predicate_read_as_reduced_relative(words: &mut [Word]) {
    let Some(root) = words.iter().position(|w| w.head.is_none()) else {
        return;
    };
    let full_stop = words.last().is_some_and(|w| w.xpos == Xpos::Period);
    let finite = words.iter().any(|w| {
        matches!(w.upos, Upos::VERB | Upos::AUX)
            && matches!(w.xpos, Xpos::VBD | Xpos::VBZ | Xpos::VBP | Xpos::MD)
    });
    if !full_stop || finite || !matches!(words[root].upos, Upos::NOUN | Upos::PROPN) {
        return;
    }
    // The first verb of the sentence, hung on the root noun or on a noun of its phrase
    // ("Thousands of students demonstrated").
    let Some(verb) = (root + 1..words.len()).find(|&t| words[t].upos == Upos::VERB) else {
        return;
    };
    if words[verb].rel != Rel::Acl || words[verb].xpos != Xpos::VBN {
        return;
    }
    // The participle must follow the noun's phrase directly, with no comma between.
    if (root + 1..verb).any(|t| !dominates(words, root, t) || words[t].upos == Upos::PUNCT) {
        return;
    }
    words[verb].head = None;
    words[verb].rel = Rel::Root;
    words[verb].xpos = Xpos::VBD;
    words[root].head = Some(verb as u16);
    words[root].rel = Rel::Nsubj;
    // The closing punctuation belongs to the sentence's new root.
    for w in &mut words[verb + 1..] {
        if w.head == Some(root as u16) && w.rel == Rel::Punct {
            w.head = Some(verb as u16);
        }
    }
}

/// "sent a letter Thursday to the agency": a bare day name after an object dates the verb
/// (`obl:tmod` in the treebanks), it neither modifies nor renames the noun; a phrase the parser
/// hung on the day ("to the agency") is the verb's too.
fn bare_day_after_an_object(text: &[&str], words: &mut [Word]) {
    const DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    for d in 0..words.len().min(text.len()) {
        if !DAYS.contains(&text[d]) {
            continue;
        }
        let Some(object) = words[d].head.map(usize::from) else {
            continue;
        };
        // A modifier, or an apposition with no comma ("a letter Thursday").
        let modifies =
            words[d].rel.base() == Rel::Nmod || (words[d].rel == Rel::Appos && object + 1 == d);
        if !modifies {
            continue;
        }
        let Some(verb) = words[object].head.map(usize::from) else {
            continue;
        };
        if object > d
            || words[object].rel != Rel::Obj
            || words[verb].upos != Upos::VERB
            || children(words, d).any(|c| matches!(words[c].rel, Rel::Case | Rel::Det | Rel::Amod))
        {
            continue;
        }
        for w in &mut words[d + 1..] {
            if w.head == Some(d as u16) && w.rel.base() == Rel::Nmod {
                w.head = Some(verb as u16);
                w.rel = Rel::Obl;
            }
        }
        words[d].head = Some(verb as u16);
        words[d].rel = Rel::OblUnmarked;
    }
}

/// Whether the sentence's root is an opening adverb set off by a comma ("Separately , …")
/// while a verb follows: the parser took the adverb for the predicate, and the clause after
/// it should be parsed on its own (see `Parser::parse`).
pub(crate) fn stranded_opener(words: &[Word]) -> bool {
    words.len() > 2
        && words[0].head.is_none()
        && words[0].upos == Upos::ADV
        && words[1].xpos == Xpos::Comma
        && words[2..].iter().any(|w| w.upos == Upos::VERB)
}

/// "In Wisconsin , Republicans in the legislature sued": a noun set off from an opening
/// prepositional phrase by a comma alone is no conjunct of it (coordination needs a
/// conjunction after the first item), and a predicate without a subject of its own is missing
/// exactly that noun.
fn subject_read_as_conjunct_of_an_opening_phrase(words: &mut [Word]) {
    let Some(root) = words.iter().position(|w| w.head.is_none()) else {
        return;
    };
    if words[root].upos != Upos::VERB
        || children(words, root).any(|c| matches!(words[c].rel.base(), Rel::Nsubj | Rel::Csubj))
    {
        return;
    }
    let Some(noun) = (0..root).find(|&x| {
        let w = words[x];
        let Some(phrase) = w.head.map(usize::from) else {
            return false;
        };
        w.rel == Rel::Conj
            && matches!(w.upos, Upos::NOUN | Upos::PROPN)
            && phrase < x
            && words[phrase].rel == Rel::Obl
            && words[phrase].head == Some(root as u16)
            && children(words, phrase).any(|c| c < phrase && words[c].rel == Rel::Case)
            && !children(words, x).any(|c| words[c].rel == Rel::Cc)
            && !children(words, phrase).any(|c| words[c].rel == Rel::Cc)
            && (phrase + 1..x).any(|c| words[c].xpos == Xpos::Comma)
    }) else {
        return;
    };
    let phrase = words[noun].head.map(usize::from).unwrap_or(root);
    let passive = children(words, root).any(|c| words[c].rel == Rel::AuxPass);
    for w in &mut words[phrase + 1..noun] {
        if w.head == Some(noun as u16) && w.xpos == Xpos::Comma {
            w.head = Some(phrase as u16);
        }
    }
    words[noun].head = Some(root as u16);
    words[noun].rel = if passive { Rel::NsubjPass } else { Rel::Nsubj };
}

/// Coordination needs a conjunction or at least a comma: a name that follows a name with
/// neither, and with nothing between them but its own modifiers ("Tesco chief executive Terry
/// Leahy said", parsed as "Tesco" and "Terry Leahy"), is the head of one phrase whose first
/// noun modifies it (`compound`).
fn name_read_as_conjunct_of_its_modifier(words: &mut [Word]) {
    for x in 0..words.len() {
        let w = words[x];
        let Some(first) = w.head.map(usize::from) else {
            continue;
        };
        if w.rel != Rel::Conj
            || w.upos != Upos::PROPN
            || first >= x
            || words[first].upos != Upos::PROPN
        {
            continue;
        }
        // The words between are the second name's modifiers, its title's ("Lib Dem home
        // affairs spokesman Mark Oaten"), or the rest of the first name ("Dem").
        let title = (first + 1..x)
            .find(|&d| words[d].head == Some(x as u16) && words[d].rel == Rel::NmodDesc);
        let between_are_modifiers = (first + 1..x).all(|t| {
            let own = words[t].head == Some(x as u16)
                && matches!(words[t].rel, Rel::Amod | Rel::Compound | Rel::NmodDesc);
            let below = title.is_some_and(|d| t < d && dominates(words, d, t));
            let first_name = words[t].head == Some(first as u16) && words[t].rel == Rel::Flat;
            (own || below || first_name) && !matches!(words[t].upos, Upos::PUNCT | Upos::CCONJ)
        });
        // A conjunction on either name, or on another conjunct of the first ("Argentine
        // President Nestor Kirchner and Venezuelan President Hugo Chavez"), is coordination;
        // a conjunct set off by commas alone is an apposition ("Lord Chief Justice, Lord
        // Woolf,").
        let coordinated = children(words, x)
            .any(|c| matches!(words[c].rel, Rel::Cc | Rel::Punct) && c < x)
            || has_conjunction(words, first)
            || children(words, first)
                .any(|c| words[c].rel == Rel::Conj && c != x && has_conjunction(words, c));
        if !between_are_modifiers || coordinated {
            continue;
        }
        words[x].head = words[first].head;
        words[x].rel = words[first].rel;
        words[first].head = Some(x as u16);
        words[first].rel = Rel::Compound;
        // The first noun's other dependents belong to the phrase ("the", "'s").
        for w in &mut words[..first] {
            if w.head == Some(first as u16) {
                w.head = Some(x as u16);
            }
        }
    }
}

/// A name, a comma and a title with its body ("Carol Walker, BBC political correspondent,",
/// "Liam Fox, Tory co-chairman,") is a name and its apposition: the parser's reading of the
/// body as a second conjunct of the name, with the title in apposition to the body, is a
/// coordination of two with no conjunction at all. The title becomes the name's apposition
/// and the body a modifier of the title (`compound`), as in "Tesco chief executive".
fn title_read_as_conjunct_of_a_name(words: &mut [Word]) {
    for x in 0..words.len() {
        let w = words[x];
        let Some(name) = w.head.map(usize::from) else {
            continue;
        };
        if w.rel != Rel::Conj
            || w.upos != Upos::PROPN
            || name >= x
            || !matches!(words[name].upos, Upos::PROPN | Upos::NOUN)
        {
            continue;
        }
        // The only conjunct, with no conjunction on it or on its name.
        let conjunction = has_conjunction(words, name)
            || has_conjunction(words, x)
            || children(words, name)
                .chain(children(words, x))
                .any(|c| words[c].rel == Rel::Conj && c != x);
        let comma_before = x > 0 && words[x - 1].xpos == Xpos::Comma;
        // A title after the body, with no comma between ("BBC News 24 political
        // correspondent").
        let title = children(words, x).find(|&a| {
            a > x
                && words[a].rel == Rel::Appos
                && words[a].upos == Upos::NOUN
                && (x + 1..a).all(|t| words[t].xpos != Xpos::Comma)
        });
        let Some(title) = title.filter(|_| !conjunction && comma_before) else {
            continue;
        };
        words[title].head = Some(name as u16);
        words[title].rel = Rel::Appos;
        words[x].head = Some(title as u16);
        words[x].rel = Rel::Compound;
        words[x - 1].head = Some(title as u16);
    }
}

/// Coordination needs a conjunction or at least a comma: a clause with its own subject that
/// follows its head's object with neither ("dismissed reports he met Lind") is not a second
/// conjunct but the content of that noun (`acl`, as in "reports that he met Lind").
fn content_clause_read_as_conjunct(words: &mut [Word]) {
    for v in 0..words.len() {
        let w = words[v];
        if w.rel != Rel::Conj || w.upos != Upos::VERB {
            continue;
        }
        let Some(head) = w.head.map(usize::from) else {
            continue;
        };
        let marked = children(words, v)
            .any(|c| c < v && matches!(words[c].rel, Rel::Cc | Rel::Punct | Rel::Mark));
        let Some(subject) = (head + 1..v)
            .find(|&t| words[t].head == Some(v as u16) && words[t].rel.base() == Rel::Nsubj)
        else {
            continue;
        };
        let Some(noun) = subject.checked_sub(1) else {
            continue;
        };
        let object_before = words[noun].head == Some(head as u16)
            && words[noun].rel == Rel::Obj
            && matches!(words[noun].upos, Upos::NOUN);
        if marked || !object_before || (subject..v).any(|t| words[t].upos == Upos::PUNCT) {
            continue;
        }
        words[v].head = Some(noun as u16);
        words[v].rel = Rel::Acl;
    }
}

/// Coordination needs a conjunction or at least a comma: a clause with its own subject that
/// starts right after a verb left with nothing after it ("… and denied he met him", the
/// parser coordinating "met" with an earlier verb) is that verb's complement (`ccomp`, as in
/// "denied that he met him").
fn complement_clause_read_as_conjunct(words: &mut [Word]) {
    for v in 0..words.len() {
        let w = words[v];
        if w.rel != Rel::Conj || w.upos != Upos::VERB || w.head.is_none() {
            continue;
        }
        let marked = children(words, v)
            .any(|c| c < v && matches!(words[c].rel, Rel::Cc | Rel::Punct | Rel::Mark));
        let Some(subject) =
            children(words, v).find(|&c| c < v && words[c].rel.base() == Rel::Nsubj)
        else {
            continue;
        };
        // The clause opens with its subject.
        let Some(first) = (0..=subject).find(|&t| dominates(words, v, t)) else {
            continue;
        };
        let Some(verb) = first
            .checked_sub(1)
            .filter(|_| dominates(words, subject, first))
        else {
            continue;
        };
        // The verb before the clause has nothing of its own after it, and everything between
        // it and the clause's verb is the clause's. That verb is the one the clause was
        // coordinated with, or a conjunct sharing an earlier subject ("… and denied he met
        // him"); a verb with a subject of its own may end a clause of its own ("but now Harry
        // had apologised the matter should be left …").
        let own_subject =
            || children(words, verb).any(|c| c < verb && words[c].rel.base() == Rel::Nsubj);
        let bare = words[verb].upos == Upos::VERB
            && !words[verb + 1..]
                .iter()
                .any(|x| x.head == Some(verb as u16))
            && (first..v).all(|t| dominates(words, v, t))
            && (w.head == Some(verb as u16) || !own_subject());
        if marked || !bare || dominates(words, v, verb) {
            continue;
        }
        words[v].head = Some(verb as u16);
        words[v].rel = Rel::Ccomp;
    }
}

/// A clausal complement headed by a noun needs a copula or a subject of its own ("said the
/// plan a failure" has neither): one that has neither, with a verb before it still lacking an
/// object, is that verb's object ("condemned what it called dangerous manoeuvres by …, the
/// ministry said").
fn clause_without_a_predicate(words: &mut [Word]) {
    for n in 0..words.len() {
        let w = words[n];
        if w.rel != Rel::Ccomp || !matches!(w.upos, Upos::NOUN | Upos::PROPN) {
            continue;
        }
        let has_predicate = children(words, n).any(|c| {
            matches!(
                words[c].rel.base(),
                Rel::Nsubj | Rel::Cop | Rel::Mark | Rel::Aux
            )
        });
        if has_predicate {
            continue;
        }
        let Some(verb) = (0..n).rev().find(|&v| words[v].upos == Upos::VERB) else {
            continue;
        };
        if Some(verb as u16) == w.head || children(words, verb).any(|c| words[c].rel == Rel::Obj) {
            continue;
        }
        // The verb must not hang below the noun.
        if dominates(words, n, verb) {
            continue;
        }
        words[n].head = Some(verb as u16);
        words[n].rel = Rel::Obj;
    }
}

/// Whether `ancestor` dominates `t` (or is `t`); walks at most 64 heads.
fn dominates(words: &[Word], ancestor: usize, mut t: usize) -> bool {
    for _ in 0..64 {
        if t == ancestor {
            return true;
        }
        match words[t].head {
            Some(h) => t = usize::from(h),
            None => return false,
        }
    }
    false
}

/// `…a "bossy, interfering government," he added.`: the treebanks make the reporting verb
/// after a closed quotation the root and the quotation its complement; a reporting clause
/// hung on the quotation's root as a conjunct or loose attachment is turned that way round.
fn reporting_clause_after_quotation(words: &mut [Word]) {
    let Some(root) = words.iter().position(|w| w.head.is_none()) else {
        return;
    };
    let Some(verb) = (root + 1..words.len()).find(|&v| {
        let w = words[v];
        w.upos == Upos::VERB
            && w.head == Some(root as u16)
            && matches!(w.rel, Rel::Conj | Rel::Parataxis | Rel::Dep)
    }) else {
        return;
    };
    let Some(subject) = (0..verb)
        .rev()
        .find(|&t| words[t].head == Some(verb as u16) && words[t].rel.base() == Rel::Nsubj)
    else {
        return;
    };
    let Some(first) = (0..=subject).find(|&t| dominates(words, subject, t)) else {
        return;
    };
    let quoted = first >= 2
        && words[first - 1].xpos == Xpos::CloseQuote
        && matches!(words[first - 2].xpos, Xpos::Comma | Xpos::Period);
    if !quoted {
        return;
    }
    // Words inside the quotation that the parser hung on the reporting verb are the
    // quotation's.
    for w in &mut words[..first] {
        if w.head == Some(verb as u16) {
            w.head = Some(root as u16);
            w.rel = Rel::Dep;
        }
    }
    words[verb].head = None;
    words[verb].rel = Rel::Root;
    words[root].head = Some(verb as u16);
    words[root].rel = Rel::Ccomp;
    // What follows the reporting clause (its final stop) is the new root's.
    for w in &mut words[verb + 1..] {
        if w.head == Some(root as u16) {
            w.head = Some(verb as u16);
        }
    }
}

/// Whether `t` has a coordinating conjunction of its own (`cc`).
fn has_conjunction(words: &[Word], t: usize) -> bool {
    children(words, t).any(|c| words[c].rel == Rel::Cc)
}

fn children(words: &[Word], head: usize) -> impl Iterator<Item = usize> + '_ {
    words
        .iter()
        .enumerate()
        .filter(move |(_, w)| w.head == Some(head as u16))
        .map(|(i, _)| i)
}

/// An open complement (`xcomp`) has no subject and no modal of its own: one that has them is a
/// finite clause ("which ministers claim *will tackle* crime"), so `ccomp`.
///
/// A modal shows the clause finite however the parser read its subject: the noun right before
/// it, read as the governing verb's object ("predicted | the election | will be a fight"), is
/// the clause's subject.
fn finite_open_complement(words: &mut [Word]) {
    for v in 0..words.len() {
        let predicate =
            words[v].upos == Upos::VERB || children(words, v).any(|c| words[c].rel == Rel::Cop);
        if words[v].rel != Rel::Xcomp || !predicate {
            continue;
        }
        let modal =
            children(words, v).find(|&c| words[c].rel == Rel::Aux && words[c].xpos == Xpos::MD);
        let subject = children(words, v).any(|c| words[c].rel.base() == Rel::Nsubj);
        if modal.is_none() && !subject {
            continue;
        }
        words[v].rel = Rel::Ccomp;
        let (Some(modal), Some(head)) = (modal, words[v].head.map(usize::from)) else {
            continue;
        };
        // The object whose last word is right before the modal.
        let object = children(words, head).find(|&o| {
            words[o].rel == Rel::Obj && o < modal && (o..modal).all(|t| dominates(words, o, t))
        });
        if let (Some(o), false) = (object, subject) {
            words[o].head = Some(v as u16);
            words[o].rel = Rel::Nsubj;
        }
    }
}

/// A noun is never a compound of a verb: in "will seize land owned by a British company" a
/// noun read as the compound of the participle after it is the object of the verb before, and
/// the participle its reduced relative clause (`acl`).
fn noun_compounded_onto_participle(words: &mut [Word]) {
    for n in 0..words.len() {
        let w = words[n];
        if w.rel != Rel::Compound || !matches!(w.upos, Upos::NOUN | Upos::PROPN) {
            continue;
        }
        let Some(p) = w.head.map(usize::from) else {
            continue;
        };
        let part = words[p];
        if p != n + 1 || part.upos != Upos::VERB || !matches!(part.xpos, Xpos::VBN | Xpos::VBG) {
            continue;
        }
        let Some(verb) = part.head.map(usize::from) else {
            continue;
        };
        let takes_object = matches!(part.rel, Rel::Ccomp | Rel::Xcomp | Rel::Obj);
        if verb >= n || words[verb].upos != Upos::VERB || !takes_object {
            continue;
        }
        if children(words, verb).any(|c| words[c].rel == Rel::Obj) {
            continue;
        }
        words[n].head = Some(verb as u16);
        words[n].rel = Rel::Obj;
        words[p].head = Some(n as u16);
        words[p].rel = Rel::Acl;
        // Determiners and modifiers before the noun were the participle's; they are the noun's.
        for w in &mut words[..n] {
            if w.head == Some(p as u16) {
                w.head = Some(n as u16);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Repairs by the tags alone (no word of these sentences is a day name).
    fn repair(words: &mut [Word]) {
        super::repair(&[], words);
    }

    fn word(upos: Upos, xpos: Xpos, head: Option<u16>, rel: Rel) -> Word {
        Word {
            upos,
            xpos,
            head,
            rel,
        }
    }

    #[test]
    fn an_open_complement_with_a_modal_is_a_clausal_complement() {
        // ministers(0) claim(1) will(2) tackle(3) crime(4)
        let mut s = vec![
            word(Upos::NOUN, Xpos::NNS, Some(1), Rel::Nsubj),
            word(Upos::VERB, Xpos::VBP, None, Rel::Root),
            word(Upos::AUX, Xpos::MD, Some(3), Rel::Aux),
            word(Upos::VERB, Xpos::VB, Some(1), Rel::Xcomp),
            word(Upos::NOUN, Xpos::NN, Some(3), Rel::Obj),
        ];
        repair(&mut s);
        assert_eq!(s[3].rel, Rel::Ccomp);
        // predicted(0) the(1) election(2) will(3) be(4) close(5), "election" read as the
        // object of "predicted": the subject of "will be close".
        let mut s = vec![
            word(Upos::VERB, Xpos::VBD, None, Rel::Root),
            word(Upos::DET, Xpos::DT, Some(2), Rel::Det),
            word(Upos::NOUN, Xpos::NN, Some(0), Rel::Obj),
            word(Upos::AUX, Xpos::MD, Some(5), Rel::Aux),
            word(Upos::AUX, Xpos::VB, Some(5), Rel::Cop),
            word(Upos::ADJ, Xpos::JJ, Some(0), Rel::Xcomp),
        ];
        repair(&mut s);
        assert_eq!((s[5].head, s[5].rel), (Some(0), Rel::Ccomp));
        assert_eq!((s[2].head, s[2].rel), (Some(5), Rel::Nsubj));
        // "agreed to tackle": no modal, no subject, stays open.
        let mut s = vec![
            word(Upos::VERB, Xpos::VBD, None, Rel::Root),
            word(Upos::PART, Xpos::TO, Some(2), Rel::Mark),
            word(Upos::VERB, Xpos::VB, Some(0), Rel::Xcomp),
        ];
        repair(&mut s);
        assert_eq!(s[2].rel, Rel::Xcomp);
    }

    #[test]
    fn a_noun_after_an_opening_phrase_and_a_comma_is_the_subject() {
        // In(0) Arlo(1) ,(2) rebels(3) attacked(4), the parser's "rebels" a conjunct of "Arlo"
        let opening = |conjunction: bool| {
            let mut s = vec![
                word(Upos::ADP, Xpos::IN, Some(1), Rel::Case),
                word(Upos::PROPN, Xpos::NNP, Some(4), Rel::Obl),
                word(Upos::PUNCT, Xpos::Comma, Some(3), Rel::Punct),
                word(Upos::NOUN, Xpos::NNS, Some(1), Rel::Conj),
                word(Upos::VERB, Xpos::VBD, None, Rel::Root),
            ];
            if conjunction {
                // In(0) Arlo(1) ,(2) and(3) rebels(4) … : a real coordination stays.
                s.insert(3, word(Upos::CCONJ, Xpos::CC, Some(3), Rel::Cc));
                for w in &mut s {
                    w.head = w.head.map(|h| if h >= 3 { h + 1 } else { h });
                }
            }
            s
        };
        let mut s = opening(false);
        repair(&mut s);
        assert_eq!((s[3].head, s[3].rel), (Some(4), Rel::Nsubj));
        assert_eq!(s[2].head, Some(1));
        let mut s = opening(true);
        repair(&mut s);
        assert_eq!((s[4].head, s[4].rel), (Some(1), Rel::Conj));
    }

    #[test]
    fn a_relative_clause_belongs_to_the_name_its_pronoun_follows() {
        // firm(0) was(1) admonished(2) by(3) Commission(4) which(5) said(6) ,(7), the parser's
        // "said" a relative clause of "admonished"
        let sentence = |pronoun: &'static str, upos: Upos| {
            let text = [
                "firm",
                "was",
                "admonished",
                "by",
                "Commission",
                pronoun,
                "said",
                ".",
            ];
            let words = vec![
                word(Upos::NOUN, Xpos::NN, Some(2), Rel::NsubjPass),
                word(Upos::AUX, Xpos::VBD, Some(2), Rel::AuxPass),
                word(Upos::VERB, Xpos::VBN, None, Rel::Root),
                word(Upos::ADP, Xpos::IN, Some(4), Rel::Case),
                word(upos, Xpos::NNP, Some(2), Rel::Obl),
                word(Upos::PRON, Xpos::WDT, Some(6), Rel::Nsubj),
                word(Upos::VERB, Xpos::VBD, Some(2), Rel::AclRelcl),
                word(Upos::PUNCT, Xpos::Period, Some(2), Rel::Punct),
            ];
            (text, words)
        };
        let (text, mut s) = sentence("which", Upos::PROPN);
        super::repair(&text, &mut s);
        assert_eq!(s[6].head, Some(4));
        // "which" after a common noun may belong to a noun before it: left alone.
        let (text, mut s) = sentence("which", Upos::NOUN);
        super::repair(&text, &mut s);
        assert_eq!(s[6].head, Some(2));
        let (text, mut s) = sentence("who", Upos::NOUN);
        super::repair(&text, &mut s);
        assert_eq!(s[6].head, Some(4));
    }

    #[test]
    fn a_possessor_belongs_to_the_noun_after_it_not_to_a_verb() {
        // party(0) '(1) campaign(2) director(3) denied(4) report(5), the parser's "party" a
        // possessor of "denied"
        let mut s = vec![
            word(Upos::NOUN, Xpos::NN, Some(4), Rel::NmodPoss),
            word(Upos::PART, Xpos::POS, Some(0), Rel::Case),
            word(Upos::NOUN, Xpos::NN, Some(3), Rel::Compound),
            word(Upos::NOUN, Xpos::NN, Some(4), Rel::Nsubj),
            word(Upos::VERB, Xpos::VBD, None, Rel::Root),
            word(Upos::NOUN, Xpos::NN, Some(4), Rel::Obj),
        ];
        repair(&mut s);
        assert_eq!((s[0].head, s[0].rel), (Some(3), Rel::NmodPoss));
        // A possessor after its verb is left where it is: nothing says what it possesses.
        let mut s = vec![
            word(Upos::VERB, Xpos::VBD, None, Rel::Root),
            word(Upos::NOUN, Xpos::NN, Some(0), Rel::NmodPoss),
        ];
        repair(&mut s);
        assert_eq!(s[1].head, Some(0));
    }

    #[test]
    fn a_title_with_its_body_after_a_name_and_a_comma_is_the_name_s_apposition() {
        // Carol(0) Walker(1) ,(2) BBC(3) correspondent(4) ,(5) added(6), the parser's "BBC" a
        // conjunct of "Carol" and "correspondent" in apposition to "BBC".
        let phrase = |between: Word| {
            vec![
                word(Upos::PROPN, Xpos::NNP, Some(6), Rel::Nsubj),
                word(Upos::PROPN, Xpos::NNP, Some(0), Rel::Flat),
                between,
                word(Upos::PROPN, Xpos::NNP, Some(0), Rel::Conj),
                word(Upos::NOUN, Xpos::NN, Some(3), Rel::Appos),
                word(Upos::PUNCT, Xpos::Comma, Some(0), Rel::Punct),
                word(Upos::VERB, Xpos::VBD, None, Rel::Root),
            ]
        };
        let mut s = phrase(word(Upos::PUNCT, Xpos::Comma, Some(3), Rel::Punct));
        repair(&mut s);
        assert_eq!((s[4].head, s[4].rel), (Some(0), Rel::Appos));
        assert_eq!((s[3].head, s[3].rel), (Some(4), Rel::Compound));
        // "Carol Walker and BBC correspondents": a real coordination stays.
        let mut s = phrase(word(Upos::CCONJ, Xpos::CC, Some(3), Rel::Cc));
        repair(&mut s);
        assert_eq!((s[3].head, s[3].rel), (Some(0), Rel::Conj));
        assert_eq!((s[4].head, s[4].rel), (Some(3), Rel::Appos));
    }

    #[test]
    fn a_name_after_a_name_and_its_title_heads_one_phrase() {
        // Velmark(0) chief(1) executive(2) Tom(3) Hale(4) said(5), the parser's "Tom" a
        // conjunct of "Velmark"
        let phrase = |conjunction: bool| {
            let mut s = vec![
                word(Upos::PROPN, Xpos::NNP, Some(5), Rel::Nsubj),
                word(Upos::ADJ, Xpos::JJ, Some(3), Rel::Amod),
                word(Upos::ADJ, Xpos::JJ, Some(3), Rel::Amod),
                word(Upos::PROPN, Xpos::NNP, Some(0), Rel::Conj),
                word(Upos::PROPN, Xpos::NNP, Some(3), Rel::Flat),
                word(Upos::VERB, Xpos::VBD, None, Rel::Root),
            ];
            if conjunction {
                // Velmark(0) and(1) chief(2) … : a real coordination stays.
                s.insert(1, word(Upos::CCONJ, Xpos::CC, Some(4), Rel::Cc));
                for w in &mut s {
                    w.head = w.head.map(|h| if h >= 1 { h + 1 } else { h });
                }
                s[1].head = Some(4);
            }
            s
        };
        let mut s = phrase(false);
        repair(&mut s);
        assert_eq!((s[3].head, s[3].rel), (Some(5), Rel::Nsubj));
        assert_eq!((s[0].head, s[0].rel), (Some(3), Rel::Compound));
        let mut s = phrase(true);
        repair(&mut s);
        assert_eq!((s[4].head, s[4].rel), (Some(0), Rel::Conj));
        // Lib(0) Dem(1) home(2) affairs(3) spokesman(4) Mark(5) Oaten(6) said(7): the title
        // has modifiers of its own and the first name two words.
        let mut s = vec![
            word(Upos::PROPN, Xpos::NNP, Some(7), Rel::Nsubj),
            word(Upos::PROPN, Xpos::NNP, Some(0), Rel::Flat),
            word(Upos::NOUN, Xpos::NN, Some(3), Rel::Compound),
            word(Upos::NOUN, Xpos::NNS, Some(4), Rel::Compound),
            word(Upos::NOUN, Xpos::NN, Some(5), Rel::NmodDesc),
            word(Upos::PROPN, Xpos::NNP, Some(0), Rel::Conj),
            word(Upos::PROPN, Xpos::NNP, Some(5), Rel::Flat),
            word(Upos::VERB, Xpos::VBD, None, Rel::Root),
        ];
        repair(&mut s);
        assert_eq!((s[5].head, s[5].rel), (Some(7), Rel::Nsubj));
        assert_eq!((s[0].head, s[0].rel), (Some(5), Rel::Compound));
        assert_eq!((s[1].head, s[1].rel), (Some(0), Rel::Flat));
    }

    #[test]
    fn a_sentence_s_only_participle_after_its_subject_is_its_predicate() {
        // Students(0) protested(1) against(2) law(3) .(4), the parser's root on "Students"
        // and "protested" a reduced relative (acl)
        let sentence = |full_stop: bool| {
            let mut s = vec![
                word(Upos::NOUN, Xpos::NNS, None, Rel::Root),
                word(Upos::VERB, Xpos::VBN, Some(0), Rel::Acl),
                word(Upos::ADP, Xpos::IN, Some(3), Rel::Case),
                word(Upos::NOUN, Xpos::NN, Some(1), Rel::Obl),
            ];
            if full_stop {
                s.push(word(Upos::PUNCT, Xpos::Period, Some(0), Rel::Punct));
            }
            s
        };
        let mut s = sentence(true);
        repair(&mut s);
        assert_eq!(
            (s[1].head, s[1].rel, s[1].xpos),
            (None, Rel::Root, Xpos::VBD)
        );
        assert_eq!((s[0].head, s[0].rel), (Some(1), Rel::Nsubj));
        assert_eq!(s[4].head, Some(1));
        // A headline or caption without a full stop is a fragment: it stays one.
        let mut s = sentence(false);
        repair(&mut s);
        assert_eq!((s[1].head, s[1].rel), (Some(0), Rel::Acl));
    }

    #[test]
    fn have_before_a_participle_is_the_perfect_s_auxiliary() {
        // president(0) has(1) [not(2)] defended(3) plan(4) .(5), the parser's root on "has"
        // and "defended" its object
        let sentence = |adverb: bool| {
            let mut s = vec![
                word(Upos::NOUN, Xpos::NN, Some(1), Rel::Nsubj),
                word(Upos::VERB, Xpos::VBZ, None, Rel::Root),
                word(Upos::VERB, Xpos::VBN, Some(1), Rel::Obj),
                word(Upos::NOUN, Xpos::NN, Some(2), Rel::Obj),
                word(Upos::PUNCT, Xpos::Period, Some(1), Rel::Punct),
            ];
            let mut text = vec!["president", "has", "defended", "plan", "."];
            if adverb {
                s.insert(2, word(Upos::PART, Xpos::RB, Some(1), Rel::Advmod));
                for w in &mut s {
                    w.head = w.head.map(|h| if h >= 2 { h + 1 } else { h });
                }
                text.insert(2, "not");
            }
            (text, s)
        };
        for adverb in [false, true] {
            let (text, mut s) = sentence(adverb);
            let v = if adverb { 3 } else { 2 };
            super::repair(&text, &mut s);
            assert_eq!((s[v].head, s[v].rel), (None, Rel::Root));
            assert_eq!(
                (s[1].head, s[1].rel, s[1].upos),
                (Some(v as u16), Rel::Aux, Upos::AUX)
            );
            assert_eq!((s[0].head, s[0].rel), (Some(v as u16), Rel::Nsubj));
            assert_eq!(s.last().unwrap().head, Some(v as u16));
            if adverb {
                assert_eq!(s[2].head, Some(3));
            }
        }
        // had(0) house(1) painted(2): the object between makes "had" the predicate.
        let mut s = vec![
            word(Upos::VERB, Xpos::VBD, None, Rel::Root),
            word(Upos::NOUN, Xpos::NN, Some(0), Rel::Obj),
            word(Upos::VERB, Xpos::VBN, Some(0), Rel::Xcomp),
        ];
        super::repair(&["had", "house", "painted"], &mut s);
        assert_eq!((s[0].head, s[2].head), (None, Some(0)));
    }

    #[test]
    fn a_name_and_reports_closing_a_sentence_report_it() {
        // firm(0) closed(1) ,(2) CNBC(3) reports(4) .(5), the tagger's "reports" a plural
        // noun, object of "closed", with "CNBC" its compound
        let sentence = |words: [&'static str; 6]| {
            let s = vec![
                word(Upos::NOUN, Xpos::NN, Some(1), Rel::Nsubj),
                word(Upos::VERB, Xpos::VBD, None, Rel::Root),
                word(Upos::PUNCT, Xpos::Comma, Some(4), Rel::Punct),
                word(Upos::PROPN, Xpos::NNP, Some(4), Rel::Compound),
                word(Upos::NOUN, Xpos::NNS, Some(1), Rel::Obj),
                word(Upos::PUNCT, Xpos::Period, Some(1), Rel::Punct),
            ];
            (words, s)
        };
        let (text, mut s) = sentence(["firm", "closed", ",", "CNBC", "reports", "."]);
        super::repair(&text, &mut s);
        assert_eq!(
            (s[4].upos, s[4].xpos, s[4].head, s[4].rel),
            (Upos::VERB, Xpos::VBZ, Some(1), Rel::Parataxis)
        );
        assert_eq!((s[3].head, s[3].rel), (Some(4), Rel::Nsubj));
        // Another plural noun after a comma is left alone ("…, climate surveys.").
        let (text, mut s) = sentence(["firm", "closed", ",", "climate", "surveys", "."]);
        super::repair(&text, &mut s);
        assert_eq!((s[4].upos, s[4].rel), (Upos::NOUN, Rel::Obj));
    }

    #[test]
    fn a_reporting_clause_after_a_quotation_heads_it() {
        // regime(0) ,(1) "(2) he(3) added(4) .(5), the parser's root on "regime"
        let mut s = vec![
            word(Upos::NOUN, Xpos::NN, None, Rel::Root),
            word(Upos::PUNCT, Xpos::Comma, Some(0), Rel::Punct),
            word(Upos::PUNCT, Xpos::CloseQuote, Some(0), Rel::Punct),
            word(Upos::PRON, Xpos::PRP, Some(4), Rel::Nsubj),
            word(Upos::VERB, Xpos::VBD, Some(0), Rel::Conj),
            word(Upos::PUNCT, Xpos::Period, Some(0), Rel::Punct),
        ];
        repair(&mut s);
        assert_eq!((s[4].head, s[4].rel), (None, Rel::Root));
        assert_eq!((s[0].head, s[0].rel), (Some(4), Rel::Ccomp));
        assert_eq!(s[5].head, Some(4));
        // No quotation: a conjunct stays one ("prices rose, and he added more").
        let mut s = vec![
            word(Upos::VERB, Xpos::VBD, None, Rel::Root),
            word(Upos::PUNCT, Xpos::Comma, Some(0), Rel::Punct),
            word(Upos::PRON, Xpos::PRP, Some(3), Rel::Nsubj),
            word(Upos::VERB, Xpos::VBD, Some(0), Rel::Conj),
        ];
        repair(&mut s);
        assert_eq!(s[3].rel, Rel::Conj);
    }

    #[test]
    fn a_noun_complement_without_a_predicate_is_the_object_before_it() {
        // condemned(0) what(1) it(2) called(3) manoeuvres(4) ,(5) ministry(6) said(7)
        let mut s = vec![
            word(Upos::VERB, Xpos::VBD, Some(7), Rel::Ccomp),
            word(Upos::PRON, Xpos::WP, Some(0), Rel::Obj),
            word(Upos::PRON, Xpos::PRP, Some(3), Rel::Nsubj),
            word(Upos::VERB, Xpos::VBD, Some(1), Rel::AclRelcl),
            word(Upos::NOUN, Xpos::NNS, Some(7), Rel::Ccomp),
            word(Upos::PUNCT, Xpos::Comma, Some(7), Rel::Punct),
            word(Upos::NOUN, Xpos::NN, Some(7), Rel::Nsubj),
            word(Upos::VERB, Xpos::VBD, None, Rel::Root),
        ];
        repair(&mut s);
        assert_eq!((s[4].head, s[4].rel), (Some(3), Rel::Obj));
        // With a copula it is a clause: "said the plan was a failure".
        let mut s = vec![
            word(Upos::VERB, Xpos::VBD, None, Rel::Root),
            word(Upos::NOUN, Xpos::NN, Some(3), Rel::Nsubj),
            word(Upos::AUX, Xpos::VBD, Some(3), Rel::Cop),
            word(Upos::NOUN, Xpos::NN, Some(0), Rel::Ccomp),
        ];
        repair(&mut s);
        assert_eq!(s[3].rel, Rel::Ccomp);
    }

    #[test]
    fn a_clause_after_an_object_without_a_conjunction_is_its_content() {
        // dismissed(0) reports(1) he(2) met(3) Lind(4)
        let mut s = vec![
            word(Upos::VERB, Xpos::VBD, None, Rel::Root),
            word(Upos::NOUN, Xpos::NNS, Some(0), Rel::Obj),
            word(Upos::PRON, Xpos::PRP, Some(3), Rel::Nsubj),
            word(Upos::VERB, Xpos::VBD, Some(0), Rel::Conj),
            word(Upos::PROPN, Xpos::NNP, Some(3), Rel::Obj),
        ];
        repair(&mut s);
        assert_eq!((s[3].head, s[3].rel), (Some(1), Rel::Acl));
        // With "and" it is a conjunct: "dismissed reports and he met Lind".
        let mut s = vec![
            word(Upos::VERB, Xpos::VBD, None, Rel::Root),
            word(Upos::NOUN, Xpos::NNS, Some(0), Rel::Obj),
            word(Upos::CCONJ, Xpos::CC, Some(4), Rel::Cc),
            word(Upos::PRON, Xpos::PRP, Some(4), Rel::Nsubj),
            word(Upos::VERB, Xpos::VBD, Some(0), Rel::Conj),
        ];
        repair(&mut s);
        assert_eq!(s[4].rel, Rel::Conj);
    }

    #[test]
    fn a_noun_compounded_onto_a_participle_becomes_its_head() {
        // seize(0) the(1) land(2) owned(3) by(4) firms(5)
        let mut s = vec![
            word(Upos::VERB, Xpos::VB, None, Rel::Root),
            word(Upos::DET, Xpos::DT, Some(3), Rel::Det),
            word(Upos::NOUN, Xpos::NN, Some(3), Rel::Compound),
            word(Upos::VERB, Xpos::VBN, Some(0), Rel::Ccomp),
            word(Upos::ADP, Xpos::IN, Some(5), Rel::Case),
            word(Upos::NOUN, Xpos::NNS, Some(3), Rel::OblAgent),
        ];
        repair(&mut s);
        assert_eq!((s[2].head, s[2].rel), (Some(0), Rel::Obj));
        assert_eq!((s[3].head, s[3].rel), (Some(2), Rel::Acl));
        assert_eq!(s[1].head, Some(2));
        assert_eq!(s[5].head, Some(3));
    }
}
