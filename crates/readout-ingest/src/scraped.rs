//! Cleaning the text of a scraped page: title, body, captions, credits and furniture.

use aho_corasick::AhoCorasick;
use readout_doc::Kind;

/// The phrases page cleaning looks for (from `lexicon/page/cues.txt` and the lexicon's wire
/// services), compiled once. Matching ignores ASCII case.
#[derive(Debug, Clone)]
pub struct PageCues {
    /// Finds the phrases that make a paragraph a photo caption or credit ("/File Photo").
    caption_markers: AhoCorasick,
    /// A short paragraph starting with one of these is a photo credit ("PHOTO: REUTERS"); the
    /// paragraph before it is its caption.
    credit_lines: Vec<String>,
    /// A short paragraph starting with one of these is page furniture.
    boilerplate: Vec<String>,
    /// Canonical names of wire services ("Reuters", "AFP").
    wires: Vec<String>,
}

impl Default for PageCues {
    fn default() -> Self {
        PageCues::new(&[], Vec::new(), Vec::new(), Vec::new())
    }
}

impl PageCues {
    /// Compiles the cues: `caption_markers` are phrases found anywhere in a caption or credit,
    /// `credit_lines` start photo-credit lines, `boilerplate` starts furniture paragraphs, and
    /// `wires` are the wire services' canonical names. Readout takes the first three from the
    /// lexicon's `caption-marker`, `credit-line` and `boilerplate` cues, and the wires from its
    /// wire-service actors.
    pub fn new(
        caption_markers: &[String],
        credit_lines: Vec<String>,
        boilerplate: Vec<String>,
        wires: Vec<String>,
    ) -> PageCues {
        let caption_markers = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(caption_markers)
            .expect("a handful of literal phrases always compiles");
        PageCues {
            caption_markers,
            credit_lines,
            boilerplate,
            wires,
        }
    }
}

/// The parts of a scraped page.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct CleanPage {
    /// The first paragraph, when the caller asks for a title and it is at most 300 bytes long.
    pub title: Option<String>,
    /// The remaining paragraphs in order, each [`Kind::Body`] or [`Kind::Caption`]; furniture and
    /// credit lines are taken out.
    pub paragraphs: Vec<(Kind, String)>,
    /// Wire credits by their canonical names (a paragraph or tail such as "AFP, REUTERS", a
    /// dateline's agency) and photo credits cut from the end of body paragraphs ("Getty Images"); a
    /// credit repeated next to itself is kept once.
    pub credits: Vec<String>,
    /// Paragraphs taken out as page furniture: short ones that start with a boilerplate cue, and
    /// labels of up to 8 words that end no sentence.
    pub boilerplate: Vec<String>,
    /// A wire dateline cut from the first paragraph ("BAGHDAD, April 9 (Xinhua) --").
    pub dateline: Option<String>,
}

/// Longest paragraph, in words, that can be page furniture.
const MAX_FURNITURE_WORDS: usize = 30;
/// A paragraph this short with no sentence punctuation is a label, badge or button.
const MAX_LABEL_WORDS: usize = 8;
const MAX_TITLE_CHARS: usize = 300;

fn starts_with_ci(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.is_char_boundary(prefix.len())
        && text[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// The number of words in `text`, counting no further than `limit + 1` (callers only ask
/// whether a paragraph is short).
fn words_upto(text: &str, limit: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for &b in text.as_bytes() {
        let white = b.is_ascii_whitespace();
        if !white && !in_word {
            words += 1;
            if words > limit {
                break;
            }
        }
        in_word = !white;
    }
    words
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', ':', '"', '”', '’', ')', '…', ';'])
}

/// A line break inside a sentence (around link text) leaves a paragraph that continues it.
fn continues(text: &str) -> bool {
    text.chars().next().is_some_and(|c| {
        c.is_lowercase() || matches!(c, '.' | ',' | ';' | ':' | ')' | '’' | '”' | '…')
    })
}

/// Splits text into paragraphs at blank lines; single line breaks inside a paragraph are spaces.
fn blocks(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim).chain(std::iter::once("")) {
        if !line.is_empty() {
            lines.push(line);
            continue;
        }
        if is_line_list(&lines) {
            out.extend(lines.iter().map(|l| l.to_string()));
        } else if !lines.is_empty() {
            out.push(lines.join(" "));
        }
        lines.clear();
    }
    out
}

/// Whether the lines of one block are separate items (a scraped list of headlines) rather
/// than hard-wrapped prose: at least three lines, every one starting with a capital or a
/// digit, and most not ending a sentence. Wrapped prose starts lines in lowercase often; a
/// list of headlines joined into one sentence would be one enormous sentence.
fn is_line_list(lines: &[&str]) -> bool {
    let starts_item = |l: &&str| l.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    lines.len() >= 3
        && lines.iter().all(starts_item)
        && lines.iter().filter(|l| !ends_sentence(l)).count() * 2 > lines.len()
}

/// Re-joins paragraphs that a line break split mid-sentence.
fn rejoin(blocks: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(blocks.len());
    for b in blocks {
        match out.last_mut() {
            Some(prev) if !ends_sentence(prev) && continues(&b) => {
                if !b.starts_with(['.', ',', ';', ':', ')', '’', '”', '…']) {
                    prev.push(' ');
                }
                prev.push_str(&b);
            }
            _ => out.push(b),
        }
    }
    out
}

/// If `text` is a list of wire credits ("AFP, REUTERS", "Reuters", "AP/Reuters"), returns them
/// with their canonical names.
fn credit_list(text: &str, cues: &PageCues) -> Option<Vec<String>> {
    let text = text
        .trim()
        .trim_start_matches(['-', '—', '–'])
        .trim()
        .trim_matches(['(', ')'])
        .trim();
    if text.is_empty() || words_upto(text, 6) > 6 {
        return None;
    }
    let mut out = Vec::new();
    for part in text.split([',', '/', '&']).flat_map(|p| p.split(" and ")) {
        let part = part.trim();
        if part.is_empty() {
            return None;
        }
        if let Some(wire) = cues.wires.iter().find(|w| w.eq_ignore_ascii_case(part)) {
            out.push(wire.clone());
            continue;
        }
        let caps = part.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && part.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
            && words_upto(part, 2) <= 2;
        if !caps {
            return None;
        }
        out.push(part.to_string());
    }
    Some(out)
}

/// Splits a trailing credit list off a paragraph ("… he added. AFP, REUTERS").
fn split_trailing_credits(text: &str, cues: &PageCues) -> Option<(String, Vec<String>)> {
    let (pos, c) = text
        .trim_end()
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '.' | '!' | '?' | '”' | '"'))?;
    let cut = pos + c.len_utf8();
    let cut = cut
        + text[cut..]
            .find(|c: char| !matches!(c, '”' | '"' | '’'))
            .unwrap_or(0);
    let credits = credit_list(&text[cut..], cues)?;
    Some((text[..cut].trim_end().to_string(), credits))
}

/// Splits a wire dateline off the start of a paragraph: a place in capitals, optionally a region,
/// a date and an agency in brackets, then a dash or colon ("EAST CLEVELAND, Ohio (AP) -- …",
/// "MOSCOW, Sept. 24 -- …", "TAIPEI: …"). Returns the dateline, the agency, and the rest.
pub fn split_dateline(text: &str) -> Option<(String, Option<String>, &str)> {
    let mut place_end = 0;
    let mut letters = 0;
    for (i, c) in text.char_indices() {
        // A hyphen joins a place name ("WINSTON-SALEM"); a dash after it ends the dateline
        // ("NEW YORK -- St. Joe Minerals said").
        let joins = c == '-' && text[i + 1..].starts_with(char::is_uppercase);
        if c.is_uppercase() {
            letters += 1;
        } else if !(c == ' ' || c == '.' || c == '\'' || joins) {
            break;
        }
        place_end = i + c.len_utf8();
    }
    // A place of three or more capital letters, ending at a word boundary.
    let place = text[..place_end].trim_end_matches([' ', '-']);
    if letters < 3
        || place.is_empty()
        || text[place.len()..].starts_with(|c: char| c.is_alphanumeric())
    {
        return None;
    }
    let mut rest = &text[place.len()..];
    let mut agency = None;
    // ", Region" and ", Month day" parts, then "(Agency)".
    for _ in 0..2 {
        if let Some(r) = rest.strip_prefix(", ") {
            let part_end = r.find([',', '(', '-', '—', '–', ':']).unwrap_or(r.len());
            let part = r[..part_end].trim();
            if part.is_empty()
                || part.split_whitespace().count() > 3
                || !part.starts_with(char::is_uppercase)
            {
                return None;
            }
            rest = &r[part_end..];
            rest = rest.trim_start_matches(' ');
            if !rest.starts_with([',', '(', '-', '—', '–', ':']) {
                return None;
            }
        }
    }
    let rest_trim = rest.trim_start();
    if let Some(r) = rest_trim.strip_prefix('(') {
        let close = r.find(')')?;
        let name = r[..close].trim();
        if name.is_empty() || name.split_whitespace().count() > 3 {
            return None;
        }
        agency = Some(name.to_string());
        rest = &r[close + 1..];
    }
    let rest = rest.trim_start();
    let body = ["--", "—", "–", "-", ":"]
        .iter()
        .find_map(|sep| rest.strip_prefix(sep))?
        .trim_start();
    if !body.starts_with(|c: char| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '\'' | '‘')
    }) {
        return None;
    }
    let dateline = text[..text.len() - body.len()]
        .trim()
        .trim_end_matches(['-', '—', '–', ':'])
        .trim()
        .to_string();
    Some((dateline, agency, body))
}

/// Article text long enough not to be a photo caption (captions run to a sentence or two).
const MIN_TEXT_BEFORE_CREDIT_WORDS: usize = 15;
/// The longest photo credit after a bar.
const MAX_BAR_CREDIT_WORDS: usize = 6;

/// A paragraph of article text followed by " | " and a short photo credit: the text and the
/// credit, when the text is too long to be a caption.
fn trailing_photo_credit(p: &str, cues: &PageCues) -> Option<(String, String)> {
    let bar = p.rfind(" | ")?;
    let (text, credit) = (p[..bar].trim_end(), p[bar + 3..].trim());
    let credit_words = credit.split_whitespace().count();
    if credit_words == 0
        || credit_words > MAX_BAR_CREDIT_WORDS
        || !cues.caption_markers.is_match(credit)
        || cues.caption_markers.is_match(text)
        || words_upto(text, MIN_TEXT_BEFORE_CREDIT_WORDS) < MIN_TEXT_BEFORE_CREDIT_WORDS
    {
        return None;
    }
    Some((text.to_string(), credit.to_string()))
}

/// Cleans a scraped page. With `title_first`, a short first paragraph is the title.
pub fn clean_scraped_text(text: &str, title_first: bool, cues: &PageCues) -> CleanPage {
    clean(text, title_first, true, cues)
}

/// Cleans the paragraphs HTML extraction gave. The page's structure already told headings,
/// list items and table cells of the article from labels and buttons, so a short line without
/// sentence punctuation stays (in a language written without spaces a whole paragraph is one
/// "word"); datelines, credits, captions and furniture phrases are still taken out.
pub fn clean_extracted_text(text: &str, cues: &PageCues) -> CleanPage {
    clean(text, false, false, cues)
}

/// How many paragraphs from the top a dateline is looked for in.
const DATELINE_SEARCH_PARAGRAPHS: usize = 3;

/// The paragraph that may open with the story's dateline: the first of the page's opening
/// paragraphs that is not a photo caption or credit ("FILE PHOTO: … via REUTERS" above the
/// story) nor a short line such as the date. Past the first paragraph, a dateline must open a
/// sentence of some length, so that labels ("ISBN: 978…") and byline rows are not taken.
fn dateline_paragraph(paras: &[String], cues: &PageCues) -> Option<usize> {
    for (i, p) in paras.iter().enumerate().take(DATELINE_SEARCH_PARAGRAPHS) {
        let caption = cues.caption_markers.is_match(p)
            || cues.credit_lines.iter().any(|c| starts_with_ci(p, c));
        if caption {
            continue;
        }
        let long = words_upto(p, MIN_OPENING_WORDS) >= MIN_OPENING_WORDS;
        match split_dateline(p) {
            Some(_) if i == 0 => return Some(0),
            Some((_, _, rest)) => {
                let sentence = words_upto(rest, MIN_OPENING_WORDS) >= MIN_OPENING_WORDS
                    && rest.contains(['.', '!', '?']);
                return sentence.then_some(i);
            }
            None if long => return None,
            None => {}
        }
    }
    None
}

/// Fewer words than this make a line (a date, a label), not the story's first paragraph.
const MIN_OPENING_WORDS: usize = 8;

fn clean(text: &str, title_first: bool, drop_labels: bool, cues: &PageCues) -> CleanPage {
    let mut page = CleanPage::default();
    let mut paras = blocks(text);
    if title_first && paras.first().is_some_and(|t| t.len() <= MAX_TITLE_CHARS) {
        page.title = Some(paras.remove(0));
    }
    let mut paras = rejoin(paras);
    if let Some(first) = dateline_paragraph(&paras, cues).map(|i| &mut paras[i]) {
        if let Some((dateline, agency, rest)) = split_dateline(first) {
            let rest = rest.to_string();
            page.dateline = Some(dateline);
            if let Some(a) = agency {
                page.credits.push(
                    cues.wires
                        .iter()
                        .find(|w| w.eq_ignore_ascii_case(&a))
                        .cloned()
                        .unwrap_or(a),
                );
            }
            *first = rest;
        }
    }
    let mut kinds: Vec<Option<Kind>> = vec![Some(Kind::Body); paras.len()];
    for i in 0..paras.len() {
        let p = &paras[i];
        let n = words_upto(p, MAX_FURNITURE_WORDS);
        if n <= 12 && cues.credit_lines.iter().any(|c| starts_with_ci(p, c)) {
            kinds[i] = Some(Kind::Caption);
            if i > 0 && kinds[i - 1] == Some(Kind::Body) {
                kinds[i - 1] = Some(Kind::Caption);
            }
            continue;
        }
        // "… near the border on Friday | Getty Images": a paragraph of article text that ends
        // in a photo credit keeps its text; the credit goes with the credits.
        if let Some((text, credit)) = trailing_photo_credit(p, cues) {
            page.credits.push(credit);
            paras[i] = text;
            continue;
        }
        if cues.caption_markers.is_match(p) {
            kinds[i] = Some(Kind::Caption);
            continue;
        }
        if let Some(credits) = credit_list(p, cues) {
            page.credits.extend(credits);
            kinds[i] = None;
            continue;
        }
        let n = match split_trailing_credits(p, cues) {
            Some((rest, credits)) => {
                page.credits.extend(credits);
                paras[i] = rest;
                words_upto(&paras[i], MAX_FURNITURE_WORDS)
            }
            None => n,
        };
        let p = &paras[i];
        if (n <= MAX_FURNITURE_WORDS && cues.boilerplate.iter().any(|b| starts_with_ci(p, b)))
            || (drop_labels && n <= MAX_LABEL_WORDS && !ends_sentence(p))
        {
            page.boilerplate.push(p.clone());
            kinds[i] = None;
        }
    }
    for (p, kind) in paras.into_iter().zip(kinds) {
        if let Some(kind) = kind {
            page.paragraphs.push((kind, p));
        }
    }
    page.credits.dedup();
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_text_ending_in_a_photo_credit_stays_article_text() {
        let page = clean_scraped_text(
            "Headline\n\nThe army attacked rebel positions near the northern border on Friday, killing at least twelve fighters, officials said | Getty Images\n\nTroops on patrol | Getty Images",
            true,
            &cues(),
        );
        assert_eq!(page.paragraphs[0].0, Kind::Body);
        assert!(page.paragraphs[0].1.ends_with("officials said"));
        assert!(page.credits.contains(&"Getty Images".to_string()));
        // A short caption with the same credit is still a caption.
        assert_eq!(page.paragraphs[1].0, Kind::Caption);
    }

    fn cues() -> PageCues {
        PageCues::new(
            &["/File Photo".into(), "Getty Images".into()],
            vec!["PHOTO:".into()],
            vec!["Sign up".into(), "Read more".into()],
            vec!["Reuters".into(), "AFP".into()],
        )
    }

    fn kinds(page: &CleanPage) -> Vec<(Kind, &str)> {
        page.paragraphs
            .iter()
            .map(|(k, p)| (*k, p.as_str()))
            .collect()
    }

    #[test]
    fn the_dateline_is_read_past_a_photo_caption_and_the_date() {
        let page = clean_scraped_text(
            "FILE PHOTO: The president speaks at an air base near Orleans, France, January 16, 2020. Julien De Rosa/Pool /File Photo\n\nJanuary 18, 2020\n\nPARIS (Reuters) - Protesters tried to force their way into a theatre where the president watched a show.",
            false,
            &cues(),
        );
        assert_eq!(page.dateline.as_deref(), Some("PARIS (Reuters)"));
        assert!(page.credits.contains(&"Reuters".to_string()));
        assert!(page
            .paragraphs
            .iter()
            .any(|(_, p)| p.starts_with("Protesters tried")));
        // Past the first paragraph, a label is not a dateline.
        let page = clean_scraped_text(
            "Book details\n\nISBN: 978-3-453-58056-5\n\nThe novel follows two lovers through a long winter in the mountains.",
            false,
            &cues(),
        );
        assert_eq!(page.dateline, None);
        // A caption is never a dateline, even when it alone opens the page.
        let page = clean_scraped_text("PHOTO: A crowd gathers outside the theatre", false, &cues());
        assert_eq!(page.dateline, None);
    }

    #[test]
    fn takes_the_title_and_drops_furniture() {
        let page = clean_scraped_text(
            "Rivers rise in the north\n\nSign up now: our daily briefing\n\nShare button\n\nThe floods began on Monday.\n",
            true,
            &cues(),
        );
        assert_eq!(page.title.as_deref(), Some("Rivers rise in the north"));
        assert_eq!(kinds(&page), [(Kind::Body, "The floods began on Monday.")]);
        assert_eq!(
            page.boilerplate,
            ["Sign up now: our daily briefing", "Share button"]
        );
    }

    #[test]
    fn photo_credit_lines_make_the_paragraph_before_them_a_caption() {
        let page = clean_scraped_text(
            "Title\n\nThe president waving at a rally in 2019.\n\nPHOTO: AFP\n\nMinisters met on Tuesday.\n\nA crowd gathers. Jane Doe/Getty Images\n",
            true,
            &cues(),
        );
        assert_eq!(
            kinds(&page),
            [
                (Kind::Caption, "The president waving at a rally in 2019."),
                (Kind::Caption, "PHOTO: AFP"),
                (Kind::Body, "Ministers met on Tuesday."),
                (Kind::Caption, "A crowd gathers. Jane Doe/Getty Images"),
            ]
        );
    }

    #[test]
    fn a_list_of_headlines_stays_a_list_and_wrapped_prose_is_joined() {
        let page = clean_scraped_text(
            "Russia condemns new sanctions\nTalks resume in Geneva\nMinister resigns over scandal",
            false,
            &cues(),
        );
        // Three items (short unpunctuated lines are set aside as labels), never one sentence.
        let items: Vec<&str> = page
            .paragraphs
            .iter()
            .map(|(_, p)| p.as_str())
            .chain(page.boilerplate.iter().map(String::as_str))
            .collect();
        assert_eq!(items.len(), 3, "{items:?}");
        let page = clean_scraped_text(
            "Officials said on Monday that the talks\nwould resume in Geneva after a pause\nof two weeks, and that both sides\nhad agreed.",
            false,
            &cues(),
        );
        assert_eq!(page.paragraphs.len(), 1);
    }

    #[test]
    fn rejoins_sentences_split_around_link_text() {
        let page = clean_scraped_text(
            "Title\n\nOfficials said they were close to\n\nreaching a deal on grain exports\n\n.\n\nTalks resume Friday.",
            true,
            &cues(),
        );
        assert_eq!(
            kinds(&page),
            [
                (
                    Kind::Body,
                    "Officials said they were close to reaching a deal on grain exports."
                ),
                (Kind::Body, "Talks resume Friday."),
            ]
        );
    }

    #[test]
    fn splits_wire_datelines() {
        let cases = [
            (
                "EAST CLEVELAND, Ohio (AP) -- A man died.",
                "EAST CLEVELAND, Ohio (AP)",
                Some("AP"),
                "A man died.",
            ),
            (
                "BAGHDAD, April 9 (Xinhua) -- Two were killed.",
                "BAGHDAD, April 9 (Xinhua)",
                Some("Xinhua"),
                "Two were killed.",
            ),
            (
                "MOSCOW, Sept. 24 -- President Putin spoke.",
                "MOSCOW, Sept. 24",
                None,
                "President Putin spoke.",
            ),
            (
                "TAIPEI: Taiwan prosecutors said.",
                "TAIPEI",
                None,
                "Taiwan prosecutors said.",
            ),
            (
                "NEW YORK -- St. Joe Minerals Corp. said Monday it had sued.",
                "NEW YORK",
                None,
                "St. Joe Minerals Corp. said Monday it had sued.",
            ),
            (
                "WINSTON-SALEM, N.C. (AP) -- A man died.",
                "WINSTON-SALEM, N.C. (AP)",
                Some("AP"),
                "A man died.",
            ),
            (
                "MINGORA, Pakistan (Reuters) - A bomber struck.",
                "MINGORA, Pakistan (Reuters)",
                Some("Reuters"),
                "A bomber struck.",
            ),
        ];
        for (text, dateline, agency, rest) in cases {
            let got = split_dateline(text).unwrap_or_else(|| panic!("no dateline in {text:?}"));
            assert_eq!(
                (got.0.as_str(), got.1.as_deref(), got.2),
                (dateline, agency, rest),
                "{text}"
            );
        }
        for text in [
            "NATO leaders met on Monday.",
            "The US: a nation.",
            "US officials said -- nothing",
            "A man died.",
        ] {
            assert!(split_dateline(text).is_none(), "{text}");
        }
    }

    #[test]
    fn moves_wire_credits_out_of_the_body() {
        let page = clean_scraped_text(
            "Title\n\n“We will go,” he said. AFP, REUTERS\n\nSee",
            true,
            &cues(),
        );
        assert_eq!(kinds(&page), [(Kind::Body, "“We will go,” he said.")]);
        assert_eq!(page.credits, ["AFP", "Reuters"]);
        let page = clean_scraped_text("Title\n\nThe vote was close.\n\n- Reuters", true, &cues());
        assert_eq!(page.credits, ["Reuters"]);
        // A closing typographic quote is not cut in half.
        let page = clean_scraped_text(
            "Title\n\n“Vote for him,” he wrote. “GET OUT and VOTE!”",
            true,
            &cues(),
        );
        assert_eq!(
            kinds(&page),
            [(Kind::Body, "“Vote for him,” he wrote. “GET OUT and VOTE!”")]
        );
        // Ordinary capitalised words are not credits.
        let page = clean_scraped_text(
            "Title\n\nHe said it was over. The End Of Days",
            true,
            &cues(),
        );
        assert!(page.credits.is_empty());
    }
}
