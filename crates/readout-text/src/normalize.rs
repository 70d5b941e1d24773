//! Token normalisation: the form lexicon look-ups use.

/// Writes the normalised form of `token` into `out`: lowercase, typographic apostrophes as
/// `'`, common Latin diacritics folded ("Élysée" → "elysee", "Türkiye" → "turkiye").
pub fn normalize_into(token: &str, out: &mut String) {
    out.clear();
    for c in token.chars() {
        match c {
            '’' | '‘' | '`' | 'ʼ' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            // Cyrillic capitals and the typographic punctuation news is full of need no case
            // table look-up.
            'Ѐ'..='Џ' => out.push(char::from_u32(c as u32 + 0x50).unwrap_or(c)),
            'А'..='Я' => out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
            'а'..='џ' | '\u{2000}'..='\u{206F}' => out.push(c),
            c => match fold(c) {
                Some(f) => out.push_str(f),
                None => out.extend(c.to_lowercase()),
            },
        }
    }
}

fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
            "a"
        }
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ı' | 'İ' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'ń' | 'ň' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => {
            "o"
        }
        'ù' | 'ú' | 'û' | 'ü' | 'ű' | 'ū' | 'ů' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ğ' | 'Ğ' => "g",
        'ş' | 'š' | 'ś' | 'Ş' | 'Š' | 'Ś' => "s",
        'ž' | 'ź' | 'ż' | 'Ž' | 'Ź' | 'Ż' => "z",
        'ł' | 'Ł' => "l",
        'ř' | 'Ř' => "r",
        'ď' | 'Ď' => "d",
        'ť' | 'Ť' => "t",
        'ß' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_apostrophes_and_accents() {
        let mut s = String::new();
        for (from, to) in [
            ("Russia’s", "russia's"),
            ("Élysée", "elysee"),
            ("Türkiye", "turkiye"),
            ("NATO", "nato"),
        ] {
            normalize_into(from, &mut s);
            assert_eq!(s, to);
        }
    }

    #[test]
    fn cyrillic_and_punctuation_shortcuts_agree_with_unicode_lowercasing() {
        let mut s = String::new();
        for c in ('\u{400}'..='\u{45F}').chain('\u{2000}'..='\u{206F}') {
            if matches!(c, '’' | '‘') {
                continue;
            }
            normalize_into(c.encode_utf8(&mut [0; 4]), &mut s);
            assert_eq!(s, c.to_lowercase().collect::<String>(), "{c:?}");
        }
    }
}
