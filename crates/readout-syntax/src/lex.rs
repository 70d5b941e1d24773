//! What the models see of a word: normalised forms, affixes and shape, hashed once per sentence.
//!
//! readout's tokenizer and the treebanks split words the same way (`Russia` `'s`, `did` `n't`,
//! `anti` `-` `war`), but news writes typographic quotes and apostrophes where most treebank text
//! has straight ones, so both are folded to `"` and `'` before hashing: `’s`, `n’t`, `“` and `”`
//! look like the forms the models were trained on. Digits become `0` in the lowercased form, so
//! "1,500" and "2,300" share their features.
//!
//! Headlines in Title Case or ALL CAPS defeat a tagger that trusts capitals, so each sentence gets
//! a case mode ([`Mode`]). Outside the normal mode the exact-form feature is replaced by a
//! mode-specific lowercased one and the shape is conjoined with the mode, so the weights learnt
//! from the title-cased and upper-cased copies of training sentences apply.

use crate::hash::hash_bytes;

/// How a sentence is capitalised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Mode {
    Normal = 0,
    /// Every word of three letters or more, but for a few function words, starts with a capital.
    Title = 1,
    /// No word has a lowercase letter.
    Caps = 2,
}

/// The hashed views of one word that the feature templates combine.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Lex {
    /// The normalised form, exact case (outside the normal mode: the lowercased form, salted
    /// with the mode).
    pub form: u64,
    /// The lowercased normalised form with digits as `0`.
    pub lower: u64,
    /// The lowercased form's first 1, 2 and 3 characters.
    pub pre: [u64; 3],
    /// The lowercased form's last 1, 2, 3 and 4 characters.
    pub suf: [u64; 4],
    /// The word's shape ("Xxxx", "dd,ddd", "X.X.") with the sentence's mode.
    pub shape: u64,
}

/// Reusable buffers for [`lex_sentence`].
#[derive(Default, Debug)]
pub(crate) struct LexBuf {
    norm: String,
    lower: Vec<u8>,
    shape: Vec<u8>,
    /// Byte offsets of the character boundaries of `lower`.
    bounds: Vec<usize>,
}

/// Hashes for the sentence boundary pseudo-words, outside any real word's hash range in practice.
pub(crate) const PAD_START: u64 = 0x5354_4152_545f_5f5f;
pub(crate) const PAD_END: u64 = 0x454e_445f_5f5f_5f5f;
pub(crate) const ROOT_WORD: u64 = 0x524f_4f54_5f5f_5f5f;

/// Words that a headline in title case may leave in lower case.
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
    "or", "per", "so", "the", "to", "up", "via", "vs", "with", "yet",
];

/// Decides a sentence's case mode from its words.
pub(crate) fn sentence_mode(words: &[&str]) -> Mode {
    let mut with_letters = 0usize;
    let mut with_lower = 0usize;
    let mut capitalised = 0usize;
    let mut lower_initial = 0usize;
    for word in words {
        let mut letters = 0usize;
        let mut lower = false;
        let mut first_upper = None;
        if word.is_ascii() {
            for &b in word.as_bytes().iter().take(64) {
                if b.is_ascii_alphabetic() {
                    letters += 1;
                    if first_upper.is_none() {
                        first_upper = Some(b.is_ascii_uppercase());
                    }
                    lower |= b.is_ascii_lowercase();
                }
            }
        } else {
            for c in word.chars().take(64) {
                if c.is_alphabetic() {
                    letters += 1;
                    if first_upper.is_none() {
                        first_upper = Some(c.is_uppercase());
                    }
                    lower |= c.is_lowercase();
                }
            }
        }
        if letters == 0 {
            continue;
        }
        with_letters += 1;
        with_lower += lower as usize;
        let small = word.len() <= 4
            && TITLE_SMALL_WORDS
                .iter()
                .any(|s| s.eq_ignore_ascii_case(word));
        if letters >= 3 && !small {
            match first_upper {
                Some(true) => capitalised += 1,
                _ => lower_initial += 1,
            }
        }
    }
    if with_letters >= 2 && with_lower == 0 {
        Mode::Caps
    } else if capitalised >= 2 && lower_initial == 0 {
        Mode::Title
    } else {
        Mode::Normal
    }
}

/// Writes the normalised form of `word` into `out`: typographic quotes and apostrophes become
/// straight ones, and the Penn Treebank quote tokens `` and '' become `"`.
pub(crate) fn normalise_into(word: &str, out: &mut String) {
    out.clear();
    if word == "``" || word == "''" {
        out.push('"');
        return;
    }
    if word.is_ascii() {
        out.push_str(word);
        return;
    }
    for c in word.chars() {
        out.push(match c {
            '‘' | '’' | '‚' | '‛' | '′' => '\'',
            '“' | '”' | '„' | '‟' | '«' | '»' | '″' => '"',
            c => c,
        });
    }
}

fn shape_class(c: char) -> char {
    if c.is_ascii_digit() || c.is_numeric() {
        'd'
    } else if c.is_uppercase() {
        'X'
    } else if c.is_alphabetic() {
        'x'
    } else {
        c
    }
}

/// Fills `out` with one [`Lex`] per word.
pub(crate) fn lex_sentence(words: &[&str], mode: Mode, buf: &mut LexBuf, out: &mut Vec<Lex>) {
    out.clear();
    for word in words {
        out.push(lex_word(word, mode, buf));
    }
}

/// The salt that makes the lowercased form in a title or caps sentence a feature of its own.
const MODE_SALT: [u64; 3] = [0, 0x7469_746c_6500_0000, 0x6361_7073_0000_0000];

pub(crate) fn lex_word(word: &str, mode: Mode, buf: &mut LexBuf) -> Lex {
    // Most words are plain ASCII: bytes are characters, no normalisation applies, and the
    // affixes are byte ranges.
    if word.is_ascii() && word != "``" && word != "''" {
        return lex_ascii(word.as_bytes(), mode, buf);
    }
    normalise_into(word, &mut buf.norm);
    if buf.norm.is_ascii() {
        let norm = std::mem::take(&mut buf.norm);
        let lex = lex_ascii(norm.as_bytes(), mode, buf);
        buf.norm = norm;
        return lex;
    }
    let norm = buf.norm.as_str();

    // Lowercased form with digits folded, and its character boundaries for the affixes.
    buf.lower.clear();
    buf.bounds.clear();
    let mut utf8 = [0u8; 4];
    for c in norm.chars() {
        buf.bounds.push(buf.lower.len());
        if c.is_ascii_digit() {
            buf.lower.push(b'0');
        } else if c.is_uppercase() {
            for l in c.to_lowercase() {
                buf.lower
                    .extend_from_slice(l.encode_utf8(&mut utf8).as_bytes());
            }
        } else {
            buf.lower
                .extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
        }
    }
    let chars = buf.bounds.len();
    buf.bounds.push(buf.lower.len());
    let lower_bytes = buf.lower.as_slice();
    let lower = hash_bytes(lower_bytes);

    let mut pre = [0u64; 3];
    for (k, p) in pre.iter_mut().enumerate() {
        let end = buf.bounds[(k + 1).min(chars)];
        *p = hash_bytes(&lower_bytes[..end]);
    }
    let mut suf = [0u64; 4];
    for (k, s) in suf.iter_mut().enumerate() {
        let start = buf.bounds[chars.saturating_sub(k + 1)];
        *s = hash_bytes(&lower_bytes[start..]);
    }

    // The shape: character classes, runs cut at three, the first 48 characters.
    buf.shape.clear();
    let mut last = '\0';
    let mut run = 0;
    for c in norm.chars().take(48) {
        let class = shape_class(c);
        if class == last {
            run += 1;
            if run >= 3 {
                continue;
            }
        } else {
            last = class;
            run = 0;
        }
        buf.shape
            .extend_from_slice(class.encode_utf8(&mut utf8).as_bytes());
    }
    buf.shape.push(mode as u8);
    let shape = hash_bytes(&buf.shape);

    let form = match mode {
        Mode::Normal => hash_bytes(norm.as_bytes()),
        _ => lower ^ MODE_SALT[mode as usize],
    };
    Lex {
        form,
        lower,
        pre,
        suf,
        shape,
    }
}

/// [`lex_word`] for an ASCII word that needs no normalisation; gives the same values the
/// general path would.
fn lex_ascii(word: &[u8], mode: Mode, buf: &mut LexBuf) -> Lex {
    buf.lower.clear();
    buf.lower.extend(word.iter().map(|&b| {
        if b.is_ascii_digit() {
            b'0'
        } else {
            b.to_ascii_lowercase()
        }
    }));
    let lower_bytes = buf.lower.as_slice();
    let len = lower_bytes.len();
    let lower = hash_bytes(lower_bytes);
    let mut pre = [0u64; 3];
    for (k, p) in pre.iter_mut().enumerate() {
        *p = hash_bytes(&lower_bytes[..(k + 1).min(len)]);
    }
    let mut suf = [0u64; 4];
    for (k, s) in suf.iter_mut().enumerate() {
        *s = hash_bytes(&lower_bytes[len - (k + 1).min(len)..]);
    }
    buf.shape.clear();
    let mut last = 0u8;
    let mut run = 0;
    for &b in word.iter().take(48) {
        let class = match b {
            b'0'..=b'9' => b'd',
            b'A'..=b'Z' => b'X',
            b'a'..=b'z' => b'x',
            other => other,
        };
        if class == last {
            run += 1;
            if run >= 3 {
                continue;
            }
        } else {
            last = class;
            run = 0;
        }
        buf.shape.push(class);
    }
    buf.shape.push(mode as u8);
    let shape = hash_bytes(&buf.shape);
    let form = match mode {
        Mode::Normal => hash_bytes(word),
        _ => lower ^ MODE_SALT[mode as usize],
    };
    Lex {
        form,
        lower,
        pre,
        suf,
        shape,
    }
}

/// Title-cases a word the way headlines do: first letter upper, the rest as they were.
pub(crate) fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typographic_quotes_look_like_straight_ones() {
        let mut buf = LexBuf::default();
        let a = lex_word("’s", Mode::Normal, &mut buf);
        let b = lex_word("'s", Mode::Normal, &mut buf);
        assert_eq!(a.form, b.form);
        let a = lex_word("“", Mode::Normal, &mut buf);
        let b = lex_word("\"", Mode::Normal, &mut buf);
        let c = lex_word("``", Mode::Normal, &mut buf);
        assert_eq!((a.form, a.shape), (b.form, b.shape));
        assert_eq!(b.form, c.form);
    }

    #[test]
    fn digits_fold_and_case_lowers() {
        let mut buf = LexBuf::default();
        let a = lex_word("1,500", Mode::Normal, &mut buf);
        let b = lex_word("2,300", Mode::Normal, &mut buf);
        assert_eq!(a.lower, b.lower);
        assert_ne!(a.form, b.form);
        let a = lex_word("Ministry", Mode::Normal, &mut buf);
        let b = lex_word("MINISTRY", Mode::Normal, &mut buf);
        assert_eq!(a.lower, b.lower);
        assert_eq!(a.suf, b.suf);
        assert_ne!(a.shape, b.shape);
    }

    #[test]
    fn affixes_of_short_and_odd_words() {
        let mut buf = LexBuf::default();
        for word in ["", "a", "é", "Ωmega", "naïveté", &"x".repeat(10_000)] {
            let l = lex_word(word, Mode::Normal, &mut buf);
            assert_eq!(l.pre[2] == l.lower, word.chars().count() <= 3);
        }
    }

    #[test]
    fn modes() {
        let m = |s: &str| sentence_mode(&s.split(' ').collect::<Vec<_>>());
        assert_eq!(
            m("Ministry Condemns Attack on Embassy in Kabul"),
            Mode::Title
        );
        assert_eq!(m("MINISTRY CONDEMNS ATTACK"), Mode::Caps);
        assert_eq!(m("The ministry condemned the attack ."), Mode::Normal);
        assert_eq!(
            m("President Barack Obama met Angela Merkel in Berlin"),
            Mode::Normal
        );
        assert_eq!(m("I"), Mode::Normal);
        assert_eq!(m(""), Mode::Normal);
    }
}
