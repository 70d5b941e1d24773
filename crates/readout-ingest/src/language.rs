//! The language an article is written in, read from its text.
//!
//! A page's declared language (`<html lang>`, `og:locale`) is often the site template's, not
//! the article's; the text itself is the better witness when there is enough of it. The
//! detector (`whatlang`, trigram statistics over 69 languages) reads the start of the body and
//! answers only when it is confident; its ISO 639-3 code becomes the two-letter ISO 639-1 code
//! of the output contract through a table generated from ISO 639 (`data/iso639.tsv`,
//! `scripts/iso639.py`).
//!
//! English, the language events are coded in and most of readout's input, is recognised first
//! and far faster by its most frequent words (`data/english-frequent-words.txt`): when they
//! make a quarter of the sample's words the text is English and the detector is not asked.

use std::sync::OnceLock;

/// How much of the body is read: a few paragraphs settle the language, and a long page costs no
/// more than a short one.
pub(crate) const SAMPLE_BYTES: usize = 600;
/// Less text than this is not enough to tell.
const MIN_SAMPLE_BYTES: usize = 200;

/// ISO 639-3 → ISO 639-1, sorted by the three-letter code.
fn two_letter_codes() -> &'static [(&'static str, &'static str)] {
    static TABLE: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Vec<_> = include_str!("../data/iso639.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .collect();
        table.sort_unstable();
        table
    })
}

/// Share of the sample's words that must be frequent English words for the text to be English.
const ENGLISH_SHARE: f64 = 0.25;
/// Fewest words a sample needs for that share to mean anything.
const MIN_WORDS: usize = 30;

fn english_words() -> &'static std::collections::HashSet<&'static str> {
    static WORDS: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        include_str!("../data/english-frequent-words.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Whether the text's most frequent words say it is English.
fn reads_as_english(text: &str) -> bool {
    let words = english_words();
    let (mut total, mut frequent) = (0usize, 0usize);
    let mut lower = String::new();
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        total += 1;
        lower.clear();
        lower.extend(w.chars().flat_map(char::to_lowercase));
        frequent += usize::from(words.contains(lower.as_str()));
    }
    total >= MIN_WORDS && frequent as f64 >= ENGLISH_SHARE * total as f64
}

/// The two-letter code of the language `text` is written in, when the detector is confident
/// and the language has such a code.
pub fn detect(text: &str) -> Option<&'static str> {
    // Trigram statistics over a sentence or two are noise ("A tremendous number of personnel
    // records … stolen by computer hackers" reads as French).
    if text.len() < MIN_SAMPLE_BYTES {
        return None;
    }
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if reads_as_english(sample) {
        return Some("en");
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() {
        return None;
    }
    let three = info.lang().code();
    let table = two_letter_codes();
    table
        .binary_search_by_key(&three, |&(t, _)| t)
        .ok()
        .map(|i| table[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_text_is_recognised_in_several_languages() {
        assert_eq!(
            detect("The foreign minister said on Monday that talks with the neighbouring country would resume next week in the capital. Officials from both governments are expected to attend, and a joint statement could follow."),
            Some("en")
        );
        assert_eq!(
            detect("Der Außenminister sagte am Montag, die Gespräche mit dem Nachbarland würden nächste Woche in der Hauptstadt wieder aufgenommen. Vertreter beider Regierungen werden erwartet, und eine gemeinsame Erklärung könnte folgen."),
            Some("de")
        );
        assert_eq!(
            detect("Le ministre des Affaires étrangères a déclaré lundi que les pourparlers avec le pays voisin reprendraient la semaine prochaine dans la capitale. Des représentants des deux gouvernements sont attendus, et une déclaration commune pourrait suivre."),
            Some("fr")
        );
    }

    #[test]
    fn too_little_text_says_nothing() {
        assert_eq!(detect("OK"), None);
        assert_eq!(detect(""), None);
        assert_eq!(
            detect("A tremendous number of personnel records--including some quite personal records--have likely been stolen by computer hackers."),
            None
        );
    }

    #[test]
    fn frequent_words_settle_english_but_not_other_languages() {
        assert!(reads_as_english("The foreign minister said on Monday that talks with the neighbouring country would resume next week in the capital. Officials from both governments are expected to attend, and a joint statement could follow."));
        assert!(!reads_as_english("Die Außenminister beider Länder haben sich am Montag in Genf getroffen und vereinbart, die im vergangenen Jahr abgebrochenen Gespräche wieder aufzunehmen, sagten Regierungsvertreter."));
        assert!(!reads_as_english("Le ministre des Affaires étrangères a déclaré lundi que les pourparlers avec le pays voisin reprendraient la semaine prochaine dans la capitale, et une déclaration commune pourrait suivre."));
    }

    #[test]
    fn every_code_in_the_table_has_two_letters() {
        assert!(two_letter_codes().len() > 150);
        assert!(two_letter_codes()
            .iter()
            .all(|(three, two)| three.len() == 3 && two.len() == 2));
    }
}
