//! In-document reference: the last person, the last state or organisation that was a
//! subject, the recent actors, and persons already named (by surname).

use std::collections::HashMap;

/// How many distinct recent actors coreference remembers.
const RECENT_ACTORS: usize = 16;

/// How many main-clause subjects coreference remembers.
const MAIN_SUBJECTS: usize = 8;

/// Coreference state carried from sentence to sentence.
#[derive(Debug, Default)]
pub struct Coref {
    /// The last person named, in any role: what a non-subject "he", "him" or "her" refers to
    /// (index into `Document::actors`, as are all the actors here).
    pub last_person: Option<u32>,
    /// The last person named as a subject: what a subject "he" or "she" refers to first
    /// ("Kennedy said voters distrust Blair. He said …" is Kennedy).
    pub last_subject_person: Option<u32>,
    /// The last state or organisation named as the subject of its clause: what "it" and "its"
    /// refer to, and whom a bare "a spokesman" speaks for.
    pub last_thing: Option<u32>,
    /// Where `last_thing` was named, as (sentence, token): the unlisted bodies of a sentence
    /// are found after its listed actors, and must not take the place of a later subject.
    last_thing_at: (usize, usize),
    /// The last actor named by a plural noun ("MPs", "the Tories"): what "they" refers to.
    pub last_plural: Option<u32>,
    /// The last country named as a noun ("in Venezuela", "Russia's president"), as (index into
    /// the lexicon's countries, sentence): what "the country" and "the nation" name again.
    pub last_country: Option<(u32, usize)>,
    /// The last country named as a modifier ("Venezuelan authorities", "a UK firm"): what "the
    /// country" names again when no country was named as a noun before it. A modifier often
    /// gives a participant's origin in a story set elsewhere ("seize land owned by a British
    /// company").
    pub last_country_modifier: Option<(u32, usize)>,
    /// The country of the dateline over the current sentence ("PESHAWAR:"), as an index into
    /// the lexicon's countries: what "the country" names when no country was named as a noun
    /// in the sentences before it.
    pub dateline_country: Option<u32>,
    /// Distinct actors in order of their latest mention.
    pub recent: Vec<u32>,
    /// Actors named as the subject of a main clause, latest last, as (actor, sentence, verb):
    /// the doers a later "the move" or "the plan" stands for.
    main_subjects: Vec<(u32, usize, usize)>,
    /// The sentence whose main clause last named a person as its subject.
    main_subject_sentence: Option<usize>,
    /// Persons the lexicon does not know, by the normalised last word of their name → the
    /// document actor: how a later "Mr Ahmed" or bare "Ahmed" finds the person named in full.
    pub persons_by_surname: HashMap<String, u32>,
    /// Lexicon person → the document actor it became.
    pub person_entities: HashMap<u32, u32>,
    pub(crate) scratch: String,
}

impl Coref {
    /// Records a person named as a subject. The subject of a subordinate clause does not take
    /// the place of the main clause's subject named before it in the same sentence: in "Mr
    /// Clarke said he backed the plans when Mr Blunkett argued for them. '…,' he said", the
    /// second "he" is Clarke.
    pub(crate) fn note_subject_person(&mut self, entity: u32, sentence: usize, main_clause: bool) {
        if main_clause {
            self.main_subject_sentence = Some(sentence);
            self.last_subject_person = Some(entity);
        } else if self.main_subject_sentence != Some(sentence) {
            self.last_subject_person = Some(entity);
        }
    }

    /// Records a state or organisation named as a subject at `token` of `sentence`: the latest
    /// in the text is what "it" refers to.
    pub(crate) fn note_thing(&mut self, entity: u32, sentence: usize, token: usize) {
        if (sentence, token) >= self.last_thing_at {
            self.last_thing = Some(entity);
            self.last_thing_at = (sentence, token);
        }
    }

    /// Records an actor named as the subject of verb `verb`, the head of a main clause.
    pub(crate) fn note_main_subject(&mut self, entity: u32, sentence: usize, verb: usize) {
        if self.main_subjects.last() == Some(&(entity, sentence, verb)) {
            return;
        }
        if self.main_subjects.len() == MAIN_SUBJECTS {
            self.main_subjects.remove(0);
        }
        self.main_subjects.push((entity, sentence, verb));
    }

    /// The latest actor that was the subject of a main clause in one of the `within` sentences
    /// before `sentence`, other than those in `besides` and those `skip` rules out by the
    /// clause's verb: whose act "the move" in `sentence` is ("The WTO is to end the quotas. A
    /// charity condemned the move.").
    pub(crate) fn doer_before(
        &self,
        sentence: usize,
        within: usize,
        besides: &[u32],
        skip: impl Fn(usize) -> bool,
    ) -> Option<u32> {
        self.main_subjects
            .iter()
            .rev()
            .filter(|&&(_, s, _)| s < sentence)
            .take_while(|&&(_, s, _)| s + within >= sentence)
            .find(|&&(e, _, verb)| !besides.contains(&e) && !skip(verb))
            .map(|&(e, _, _)| e)
    }

    /// The person the lexicon does not know whose surname `word` is, named in full earlier in
    /// the document ("Fraser Kemp … Mr Kemp").
    pub(crate) fn named_before(&mut self, word: &str) -> Option<u32> {
        readout_text::normalize_into(word, &mut self.scratch);
        self.persons_by_surname.get(self.scratch.as_str()).copied()
    }

    pub(crate) fn note(&mut self, entity: u32) {
        self.recent.retain(|&e| e != entity);
        self.recent.push(entity);
        if self.recent.len() > RECENT_ACTORS {
            self.recent.remove(0);
        }
    }
    pub(crate) fn pair(&self) -> Option<(u32, u32)> {
        let n = self.recent.len();
        (n >= 2).then(|| (self.recent[n - 2], self.recent[n - 1]))
    }
}

/// The normalised last word of a name: what "Mr X" uses for a person the lexicon does not know.
pub(crate) fn last_word(name: &str) -> String {
    let mut out = String::new();
    readout_text::normalize_into(name.rsplit(' ').next().unwrap_or(name), &mut out);
    out
}

/// How many sentences after an unnamed actor of the lead its name may come.
const DELAYED_NAME_WINDOW: u32 = 4;

/// News leads often hold back a name: "A charity has warned that … Christian Aid said …". A
/// role introduced with "a" or "an" in the headline or the first two sentences of the body is
/// the one actor of the same kind first named in the few sentences after it, when there is
/// exactly one; its mentions in the lead, and the events and quotes on them, go to that actor.
/// A role with a country ("a British company … The Vestey Group said") gives that country to
/// the actor named, if the lexicon gave it none: the lead says where it is from.
pub(crate) fn identify_delayed_leads(doc: &mut readout_doc::Document) {
    use readout_doc::Kind;
    let Some(first_body) = doc.sentences.iter().position(|s| s.kind == Kind::Body) else {
        return;
    };
    let lead_end = (first_body + 2) as u32;
    let is_role = |a: &readout_doc::Actor| a.key.starts_with("code:") && !a.sectors.is_empty();
    // The sentence each actor is first mentioned in.
    let mut first_mention = vec![u32::MAX; doc.actors.len()];
    for m in &doc.mentions {
        let f = &mut first_mention[m.actor as usize];
        *f = (*f).min(m.sentence);
    }
    let mut moves = Vec::new();
    for m in doc.mentions.iter().filter(|m| m.sentence < lead_end) {
        let role = &doc.actors[m.actor as usize];
        if !is_role(role) || !indefinite_before(&doc.text[..m.span.start as usize]) {
            continue;
        }
        let window = m.sentence + 1..=m.sentence + DELAYED_NAME_WINDOW;
        let mut named = doc.actors.iter().enumerate().filter(|(i, a)| {
            window.contains(&first_mention[*i])
                && !is_role(a)
                && !a.code.is_empty()
                && role.sectors.iter().all(|s| a.sectors.contains(s))
                // A role of one country is no actor of another ("a British company" is not
                // "the Venezuelan government").
                && (role.country.is_none() || a.country.is_none() || a.country == role.country)
        });
        if let (Some((to, _)), None) = (named.next(), named.next()) {
            moves.push((m.span, m.actor, to as u32, role.country.clone()));
        }
    }
    for (span, from, to, country) in moves {
        let actor = &mut doc.actors[to as usize];
        if let (Some(c), None) = (country, actor.country.as_ref()) {
            let before = std::mem::take(&mut actor.code);
            actor.code = format!("{c}{before}");
            actor.country = Some(c);
            super::resolve::recode_events(doc, to, &before);
        }
        super::resolve::relink(doc, span, from, to);
    }
}

/// Whether the text before a mention ends in the indefinite article ("… a ", "An ").
fn indefinite_before(before: &str) -> bool {
    let word = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an")
}
