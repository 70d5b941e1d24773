//! In-document reference: the last person, the last state or organisation that was a
//! subject, the recent actors, and persons already named (by surname).

use std::collections::HashMap;

/// How many distinct recent actors coreference remembers.
const RECENT_ACTORS: usize = 16;

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
    /// The last actor named by a plural noun ("MPs", "the Tories"): what "they" refers to.
    pub last_plural: Option<u32>,
    /// Distinct actors in order of their latest mention.
    pub recent: Vec<u32>,
    /// Persons the lexicon does not know, by the normalised last word of their name → the
    /// document actor: how a later "Mr Ahmed" or bare "Ahmed" finds the person named in full.
    pub persons_by_surname: HashMap<String, u32>,
    /// Lexicon person → the document actor it became.
    pub person_entities: HashMap<u32, u32>,
    pub(crate) scratch: String,
}

impl Coref {
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
