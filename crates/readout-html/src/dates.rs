//! Publication dates of pages: the date a page gives for itself, from every source it offers,
//! and dates as pages write them, in any of the languages of `data/months.txt`.
//!
//! [`published`] tries the sources in order of trust and says which one answered
//! ([`Source`]): a full date in the URL (`/2019/11/19/`), the publisher's own filing of the
//! page; JSON-LD `datePublished`; a publication-date `<meta>` tag; schema.org microdata
//! (`itemprop="datePublished"`); a `<time>` element; an element whose class or id says it
//! holds the date (`class="post-date"`, `"datum"`, `"byline"`); a last-modified tag; the
//! title; and last the first date written in the page's text. Two refinements: a page revised
//! after it appeared that shows the day of its revision as its date is dated by it, and runs
//! of dated elements with several different dates (related stories, the latest posts) are
//! listings of other pages, passed over unless they start right under the headline (the page
//! is then itself the listing).
//!
//! Dates in text ([`find_date`]): `2019-11-19`, `2019/11/19`, `19.11.2019`, `19.11.19`,
//! `19/11/2019` (or `11/19/2019` when the day cannot be the month, or the page is American
//! English), `19 November 2019`, `19. November 2019`, `19 de noviembre de 2019`,
//! `November 19, 2019`. The rules are the same for every language; only the month names are
//! data.

use crate::dom::{Attr, Dom, NodeRef, Tag};
use readout_doc::Date;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Where a page's publication date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// JSON-LD `datePublished` (or `dateCreated`).
    JsonLd,
    /// A publication-date `<meta>` tag (`article:published_time`, `date`, `dc.date`, …).
    MetaTag,
    /// The date in the page's URL.
    Url,
    /// schema.org microdata on an element (`itemprop="datePublished"`).
    Microdata,
    /// A `<time>` element.
    TimeElement,
    /// An element whose class or id says it holds the date.
    DateElement,
    /// A last-modified tag: the page says when it changed, not when it appeared.
    Modified,
    /// A last-modified tag whose day the page shows as its date, where a revised page's
    /// readers see it.
    ModifiedShown,
    /// The title.
    Title,
    /// The first date written in the page's text.
    Text,
    /// A date-named field of data in the page's scripts (`"published_at": "2019-03-02…"`).
    Script,
}

impl Source {
    /// The source in a few words, for explanations.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::JsonLd => "JSON-LD datePublished",
            Source::MetaTag => "a publication-date meta tag",
            Source::Url => "the URL",
            Source::Microdata => "microdata datePublished",
            Source::TimeElement => "a <time> element",
            Source::DateElement => "an element whose class or id names a date",
            Source::Modified => "a last-modified tag",
            Source::ModifiedShown => "the last-modified date, which the page shows as its date",
            Source::Title => "the title",
            Source::Text => "the first date in the page's text",
            Source::Script => "a date-named field in the page's scripts",
        }
    }
}

/// How to read `01/02/2020`, when both numbers could be the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlashOrder {
    /// Day first (most of the world): 1 February.
    DayFirst,
    /// Month first (American English): January 2.
    MonthFirst,
}

/// Month spellings (lowercase) to month numbers, from `data/months.txt`.
fn months() -> &'static HashMap<String, u8> {
    static MONTHS: OnceLock<HashMap<String, u8>> = OnceLock::new();
    MONTHS.get_or_init(|| {
        let mut map: HashMap<String, u8> = HashMap::new();
        let mut conflicting = Vec::new();
        for line in include_str!("../data/months.txt").lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            for (i, field) in line.split('|').skip(1).enumerate() {
                for spelling in field.split_whitespace() {
                    let month = i as u8 + 1;
                    if let Some(&other) = map.get(spelling) {
                        if other != month {
                            conflicting.push(spelling.to_string());
                        }
                    }
                    map.insert(spelling.to_string(), month);
                }
            }
        }
        for spelling in conflicting {
            map.remove(&spelling);
        }
        map
    })
}

/// Reads a date given as a value (a `<meta>` content, a `datetime` attribute, a JSON-LD
/// string): `2019-11-19T…`, `2019/11/19`, `20191119`, or any form [`find_date`] reads; failing
/// those, a month and year (`November 2019`, the first of the month).
pub fn parse_date(text: &str) -> Option<Date> {
    let t = text.trim();
    let b = t.as_bytes();
    // Fields are read from bytes: slicing the text at byte positions would panic inside a
    // multi-byte character ("2019-11-1é").
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let field = b.get(range)?;
        field
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| field.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    if b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && matches!(b[4], b'-' | b'/' | b'.')
        && b[7] == b[4]
    {
        return Date::new(
            digits(0..4)? as i32,
            digits(5..7)? as u8,
            digits(8..10)? as u8,
        );
    }
    if b.len() >= 8
        && b[..8].iter().all(u8::is_ascii_digit)
        && b.get(8).is_none_or(|c| !c.is_ascii_digit())
    {
        return Date::new(
            digits(0..4)? as i32,
            digits(4..6)? as u8,
            digits(6..8)? as u8,
        );
    }
    // Values are written by software, which puts the month first when it writes slashes
    // ("11/01/2023 12:43:42").
    if let Some(d) = find_date(t, SlashOrder::MonthFirst) {
        return Some(d);
    }
    // A month and a year only.
    let words = tokens(t);
    let month = words.iter().find_map(|w| match w {
        Token::Word(w) => month_of(w),
        _ => None,
    })?;
    let year = words.iter().find_map(|w| match w {
        Token::Number(n, len) if *len == 4 && plausible_year(*n) => Some(*n),
        _ => None,
    })?;
    Date::new(year as i32, month, 1)
}

fn plausible_year(y: u32) -> bool {
    (1990..2100).contains(&y)
}

/// Whether a lowercase word is a month's name or abbreviation in one of the languages of
/// `data/months.txt`.
pub fn is_month(word: &str) -> bool {
    month_of(word).is_some()
}

/// The month a word names ("Dez." and "Dezember" alike), if any.
fn month_of(word: &str) -> Option<u8> {
    months().get(word.trim_end_matches('.')).copied()
}

/// A piece of text as the date patterns see it.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// Digits: their value and how many there were.
    Number(u32, usize),
    /// A word, lowercased (a trailing period kept: "Dez.").
    Word(String),
    /// One punctuation character.
    Mark(char),
}

/// The text as numbers, words and marks (whitespace dropped), at most the first 4,000
/// characters' worth: a date that opens a page element is near its start.
fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if i > 4000 {
            break;
        }
        if c.is_ascii_digit() {
            let mut n: u32 = c as u32 - '0' as u32;
            let mut len = 1;
            while let Some(&(_, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                n = n.saturating_mul(10).saturating_add(d as u32 - '0' as u32);
                len += 1;
                chars.next();
            }
            out.push(Token::Number(n, len));
        } else if c.is_alphabetic() {
            let mut w: String = c.to_lowercase().collect();
            while let Some(&(_, d)) = chars.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                w.extend(d.to_lowercase());
                chars.next();
            }
            if chars.peek().is_some_and(|&(_, d)| d == '.') {
                w.push('.');
                chars.next();
            }
            out.push(Token::Word(w));
        } else if !c.is_whitespace() {
            out.push(Token::Mark(c));
        }
    }
    out
}

/// The first full date (day, month and year) written in `text`, in the forms of the module
/// doc.
pub fn find_date(text: &str, order: SlashOrder) -> Option<Date> {
    let t = tokens(text);
    let num = |i: usize| match t.get(i) {
        Some(Token::Number(n, len)) => Some((*n, *len)),
        _ => None,
    };
    let mark = |i: usize| match t.get(i) {
        Some(Token::Mark(c)) => Some(*c),
        _ => None,
    };
    let year = |i: usize| {
        num(i)
            .filter(|&(n, len)| len == 4 && plausible_year(n))
            .map(|(n, _)| n as i32)
    };
    let day = |i: usize| num(i).filter(|&(n, len)| len <= 2 && (1..=31).contains(&n));
    for i in 0..t.len() {
        match &t[i] {
            Token::Number(n, len) => {
                // 2019-11-19, 2019/11/19, 2019.11.19
                if *len == 4 && plausible_year(*n) {
                    if let (Some(s1), Some((m, ml)), Some(s2), Some((d, dl))) =
                        (mark(i + 1), num(i + 2), mark(i + 3), num(i + 4))
                    {
                        if s1 == s2 && matches!(s1, '-' | '/' | '.') && ml <= 2 && dl <= 2 {
                            if let Some(date) = Date::new(*n as i32, m as u8, d as u8) {
                                return Some(date);
                            }
                        }
                    }
                }
                // 19.11.2019, 19.11.19, 19/11/2019, 11/19/2019, 19-11-2019
                if *len <= 2 {
                    if let (Some(s1), Some((b, bl)), Some(s2), Some((y, yl))) =
                        (mark(i + 1), num(i + 2), mark(i + 3), num(i + 4))
                    {
                        let a = *n;
                        let full_year = match yl {
                            4 if plausible_year(y) => Some(y as i32),
                            // Two-digit years only between periods ("31.10.23"), as German
                            // pages write them; not a longer dotted number ("1.10.23.4").
                            2 if s1 == '.'
                                && !(mark(i + 5) == Some('.') && num(i + 6).is_some()) =>
                            {
                                Some(2000 + y as i32)
                            }
                            _ => None,
                        };
                        if let Some(y) = full_year.filter(|_| s1 == s2 && bl <= 2) {
                            let dmy = match s1 {
                                '.' | '-' => Some(true),
                                '/' => Some(if a > 12 {
                                    true
                                } else if b > 12 {
                                    false
                                } else {
                                    order == SlashOrder::DayFirst
                                }),
                                _ => None,
                            };
                            if let Some(dmy) = dmy {
                                let (d, m) = if dmy { (a, b) } else { (b, a) };
                                if let Some(date) = Date::new(y, m as u8, d as u8) {
                                    return Some(date);
                                }
                            }
                        }
                    }
                }
            }
            Token::Word(w) => {
                let Some(m) = month_of(w) else { continue };
                // 19 November 2019, 19. November 2019, 19th November, 2019,
                // 19 de noviembre de 2019
                let mut before = i;
                if before > 0 && mark(before - 1) == Some('.') {
                    before -= 1;
                }
                if before > 0 && matches!(&t[before - 1], Token::Word(x) if x == "de") {
                    before -= 1;
                }
                if before > 0
                    && matches!(&t[before - 1], Token::Word(x) if ["st", "nd", "rd", "th", "er"].contains(&x.as_str()))
                {
                    before -= 1;
                }
                let mut after = i + 1;
                if matches!(t.get(after), Some(Token::Word(x)) if x == "de" || x == "del") {
                    after += 1;
                }
                if mark(after) == Some(',') {
                    after += 1;
                }
                if let (Some(d), Some(y)) = (before.checked_sub(1).and_then(day), year(after)) {
                    if let Some(date) = Date::new(y, m, d.0 as u8) {
                        return Some(date);
                    }
                }
                // November 19, 2019; Nov. 19th 2019; Tue Jul 30 09:35:14 CEST 2019
                if let Some((d, _)) = day(i + 1) {
                    let mut j = i + 2;
                    if matches!(t.get(j), Some(Token::Word(x)) if ["st", "nd", "rd", "th"].contains(&x.as_str()))
                    {
                        j += 1;
                    }
                    if mark(j) == Some(',') {
                        j += 1;
                    }
                    // A time of day and a zone between the day and the year (C's and Java's
                    // layout of a timestamp).
                    if num(j).is_some_and(|(_, len)| len <= 2) && mark(j + 1) == Some(':') {
                        j += 2;
                        while mark(j) == Some(':') || num(j).is_some_and(|(_, len)| len == 2) {
                            j += 1;
                        }
                        if matches!(t.get(j), Some(Token::Word(z)) if z.len() <= 5) {
                            j += 1;
                        }
                    }
                    if let Some(y) = year(j) {
                        if let Some(date) = Date::new(y, m, d as u8) {
                            return Some(date);
                        }
                    }
                }
            }
            Token::Mark(_) => {}
        }
    }
    None
}

/// A region's clock: its standard offset from UTC and its daylight-saving rule. Used to turn a
/// timestamp written in UTC ("2019-10-18T22:04:00Z") into the publisher's calendar day (the
/// 19th in Vienna), the day its readers and the URL give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zone {
    /// Minutes east of UTC in winter.
    standard: i64,
    /// When the clock goes an hour forward.
    summer: Summer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Summer {
    None,
    /// The European Union's rule: last Sunday of March to last Sunday of October, at 01:00 UTC.
    Europe,
    /// The United States' and Canada's: second Sunday of March to first Sunday of November.
    NorthAmerica,
    /// South-eastern Australia's: first Sunday of October to first Sunday of April.
    Australia,
}

impl Zone {
    const fn new(standard: i64, summer: Summer) -> Zone {
        Zone { standard, summer }
    }

    /// The publisher's clock, guessed from the country code of the URL's host (`.at`, `.ca`);
    /// `None` for other hosts. A page's language is no guide: an English page can come from
    /// anywhere, and many American outlets give the day of their UTC timestamps.
    pub fn guess(url: Option<&str>) -> Option<Zone> {
        use Summer::*;
        let host = url
            .and_then(|u| u.split_once("://").map(|(_, r)| r))
            .and_then(|r| r.split(['/', '?', '#', ':']).next())
            .unwrap_or("");
        let tld = host.rsplit('.').next().unwrap_or("");
        Some(match tld {
            "de" | "at" | "ch" | "it" | "fr" | "es" | "nl" | "be" | "pl" | "cz" | "se" | "dk"
            | "no" | "hu" | "sk" | "si" | "hr" | "ba" | "rs" | "lu" | "li" => Zone::new(60, Europe),
            "uk" | "ie" | "pt" => Zone::new(0, Europe),
            "fi" | "ua" | "ro" | "gr" | "bg" | "md" | "lt" | "lv" | "ee" | "cy" => {
                Zone::new(120, Europe)
            }
            "ru" | "by" | "tr" => Zone::new(180, None),
            "in" => Zone::new(330, None),
            "cn" | "hk" | "tw" | "sg" | "my" | "ph" => Zone::new(480, None),
            "jp" | "kr" => Zone::new(540, None),
            "au" => Zone::new(600, Australia),
            "nz" => Zone::new(720, None),
            "us" | "ca" => Zone::new(-300, NorthAmerica),
            "br" | "ar" => Zone::new(-180, None),
            "mx" => Zone::new(-360, None),
            "za" => Zone::new(120, None),
            _ => return Option::None,
        })
    }

    /// Minutes east of UTC at `minute` minutes after 1970-01-01 00:00 UTC.
    fn offset_at(self, minute: i64) -> i64 {
        let day = minute.div_euclid(1440);
        let year = Date::from_days(day).year;
        // The day (days since 1970) of the `nth` Sunday of a month (0 = the last).
        let sunday = |month: u8, nth: i64| -> i64 {
            let weekday = |d: i64| (d + 4).rem_euclid(7); // 1970-01-01 was a Thursday; Sunday = 0
            if nth == 0 {
                let next = if month == 12 {
                    Date::new(year + 1, 1, 1)
                } else {
                    Date::new(year, month + 1, 1)
                };
                let last = next.map_or(0, |d| d.to_days()) - 1;
                last - weekday(last)
            } else {
                let first = Date::new(year, month, 1).map_or(0, |d| d.to_days());
                first + (7 - weekday(first)) % 7 + 7 * (nth - 1)
            }
        };
        let summer = match self.summer {
            Summer::None => false,
            Summer::Europe => {
                minute >= sunday(3, 0) * 1440 + 60 && minute < sunday(10, 0) * 1440 + 60
            }
            Summer::NorthAmerica => {
                let local = minute + self.standard;
                local >= sunday(3, 2) * 1440 + 120 && local < sunday(11, 1) * 1440 + 60
            }
            Summer::Australia => {
                let local = minute + self.standard;
                !(local >= sunday(4, 1) * 1440 + 180 && local < sunday(10, 1) * 1440 + 120)
            }
        };
        self.standard + if summer { 60 } else { 0 }
    }
}

/// The calendar day of a timestamp in `zone` when it is written in UTC
/// (`2019-10-18T22:04:00Z`, `…+00:00`); otherwise, or without a zone, the day as written (a
/// timestamp with a local offset, `…+02:00`, already gives the local day).
fn local_day(value: &str, zone: Option<Zone>) -> Option<Date> {
    let date = parse_date(value)?;
    let (Some(zone), b) = (zone, value.trim().as_bytes()) else {
        return Some(date);
    };
    let utc = b.ends_with(b"Z")
        || b.ends_with(b"+00:00")
        || b.ends_with(b"+0000")
        || b.ends_with(b" UTC")
        || b.ends_with(b" GMT");
    let field = |r: std::ops::Range<usize>| -> Option<i64> {
        let f = b.get(r)?;
        f.iter()
            .all(u8::is_ascii_digit)
            .then(|| f.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')))
    };
    let time = (b.len() >= 16
        && matches!(b.get(10), Some(b'T' | b't' | b' '))
        && b.get(13) == Some(&b':'))
    .then(|| Some(field(11..13)? * 60 + field(14..16)?))
    .flatten();
    match time {
        Some(t) if utc && t < 1440 => {
            let minute = date.to_days() * 1440 + t;
            Some(Date::from_days(
                (minute + zone.offset_at(minute)).div_euclid(1440),
            ))
        }
        _ => Some(date),
    }
}

/// Class and id words that say an element holds a date.
const DATE_CLASS_WORDS: [&str; 11] = [
    "date", "datum", "time", "publish", "posted", "byline", "meta", "info", "fecha", "created",
    "stamp",
];
/// Class and id words that say its date is something else's.
const OTHER_DATE_WORDS: [&str; 7] = [
    "comment", "reply", "update", "modif", "calendar", "picker", "event",
];
/// Longest text of a date element: a longer one is a container, not a date line.
const MAX_DATE_ELEMENT_TEXT: usize = 160;

fn date_class(node: NodeRef) -> bool {
    node.as_element().is_some_and(|e| {
        !matches!(e.tag(), Tag::Script | Tag::Style | Tag::Meta | Tag::Link)
            && e.class_says(&DATE_CLASS_WORDS, &OTHER_DATE_WORDS)
    })
}

/// The sources of a page's date that [`published`] reads besides the DOM: gathered by the
/// metadata pass, which reads the `<meta>` tags and JSON-LD once.
#[derive(Debug, Default)]
pub struct Stated<'a> {
    /// JSON-LD `datePublished` or `dateCreated`, article objects first.
    pub json_ld: Option<&'a str>,
    /// The first publication-date `<meta>` tag.
    pub meta: Option<&'a str>,
    /// The first last-modified tag or JSON-LD `dateModified`.
    pub modified: Option<&'a str>,
    /// The URL (given, or the page's canonical one).
    pub url: Option<&'a str>,
    /// The title (`og:title` or `<title>`).
    pub title: Option<&'a str>,
    /// The page's language tag (`en-us` reads `01/02/2020` as January 2).
    pub language: Option<&'a str>,
}

/// The page's publication date and where it was found.
pub fn published(doc: &Dom, stated: &Stated) -> Option<(Date, Source)> {
    let plausible = |d: Date| plausible_year(d.year as u32);
    let zone = Zone::guess(stated.url);
    let value = |v: Option<&str>| v.and_then(|v| local_day(v, zone)).filter(|&d| plausible(d));
    let in_url = stated
        .url
        .and_then(crate::meta::date_from_url)
        .filter(|&d| plausible(d));
    let order = match stated.language {
        Some(l) if l.starts_with("en-us") || l == "en_us" => SlashOrder::MonthFirst,
        _ => SlashOrder::DayFirst,
    };
    // A full date in the URL is the publisher's filing of the page, in its own calendar:
    // metadata written in UTC can be a day off it, and metadata rewritten by a content system
    // (a migration, a re-publication) years off.
    if let Some(u) = in_url {
        return Some((u, Source::Url));
    }
    // The walk over the elements is done once, and only when the metadata leaves a question.
    let mut elements: Option<DatedElements> = None;
    for (text, source) in [
        (stated.json_ld, Source::JsonLd),
        (stated.meta, Source::MetaTag),
    ] {
        if let Some(d) = value(text) {
            // A page revised after it appeared and showing the day of its revision as its date
            // (under its headline, in its microdata) is dated by it: that is the day its readers
            // and indexes give it.
            if let Some(modified) = value(stated.modified).filter(|&m| m > d) {
                let found = elements.get_or_insert_with(|| dated_elements(doc, zone, order));
                if found.shown().map(|(shown, _)| shown) == Some(modified) {
                    return Some((modified, Source::ModifiedShown));
                }
            }
            return Some((d, source));
        }
    }
    let found = elements.unwrap_or_else(|| dated_elements(doc, zone, order));
    if let Some(shown) = found.shown() {
        return Some(shown);
    }
    let headline = found.headline;
    if let Some(d) = value(stated.modified) {
        return Some((d, Source::Modified));
    }
    if let Some(d) = stated
        .title
        .and_then(|t| find_date(t, order))
        .filter(|&d| plausible(d))
    {
        return Some((d, Source::Title));
    }
    page_text(doc, headline, order)
        .map(|d| (d, Source::Text))
        .or_else(|| script_field(doc).map(|d| (d, Source::Script)))
}

/// Words in a data field's name that say it holds the page's date.
const DATE_FIELD_WORDS: [&str; 3] = ["publish", "creat", "date"];

/// The first ISO date (`2019-03-02…`) given as a field of data in a script (JSON-LD aside,
/// read before) whose name says it is a publication or creation date: `"published_at":
/// "2019-03-02T06:22:28+01:00"`, `"createdAt":"…"`.
fn script_field(doc: &Dom) -> Option<Date> {
    for node in doc.nodes() {
        let Some(text) = node.as_text() else { continue };
        let in_script = node
            .parent()
            .and_then(|p| p.as_element())
            .is_some_and(|e| e.tag() == Tag::Script);
        if in_script {
            if let Some(d) = keyed_date(text) {
                return Some(d);
            }
        }
    }
    None
}

/// The first `"name": "YYYY-MM-DD…"` in `text` whose name is a publication or creation date's.
fn keyed_date(text: &str) -> Option<Date> {
    let mut from = 0;
    while let Some(at) = text[from..].find('"') {
        let name_start = from + at + 1;
        let Some(len) = text[name_start..].find('"') else {
            break;
        };
        let name_end = name_start + len;
        from = name_end + 1;
        if len > 40 {
            continue;
        }
        let rest = text[from..].trim_start();
        let Some(rest) = rest.strip_prefix(':') else {
            continue;
        };
        let Some(value) = rest.trim_start().strip_prefix('"') else {
            continue;
        };
        let name = text[name_start..name_end].to_ascii_lowercase();
        let dated = DATE_FIELD_WORDS.iter().any(|w| name.contains(w))
            && !name.contains("modif")
            && !name.contains("updat");
        let value = value.split('"').next().unwrap_or("");
        if dated && value.len() <= 40 && value.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            if let Some(d) = parse_date(value).filter(|d| plausible_year(d.year as u32)) {
                return Some(d);
            }
        }
    }
    None
}

/// What one walk over a page's elements finds: schema.org microdata's date (which wins wherever
/// it is), the first headline, and the `<time>` and date elements.
struct DatedElements {
    microdata: Option<Date>,
    headline: Option<usize>,
    candidates: Vec<DateCandidate>,
}

impl DatedElements {
    /// The date the page shows as its own: its microdata's, else its dated element's.
    fn shown(&self) -> Option<(Date, Source)> {
        self.microdata
            .map(|d| (d, Source::Microdata))
            .or_else(|| page_date_element(&self.candidates, self.headline))
    }
}

fn dated_elements(doc: &Dom, zone: Option<Zone>, order: SlashOrder) -> DatedElements {
    let plausible = |d: Date| plausible_year(d.year as u32);
    // One walk over the elements: microdata wins wherever it is; otherwise the page's date is
    // among its `<time>` and date elements.
    let mut microdata = None;
    let mut headline: Option<usize> = None;
    let mut candidates: Vec<DateCandidate> = Vec::new();
    for (index, node) in doc.nodes().enumerate() {
        let Some(e) = node.as_element() else { continue };
        if headline.is_none() && e.tag() == Tag::H1 {
            headline = Some(index);
        }
        let text_date = || {
            node.short_text(MAX_DATE_ELEMENT_TEXT)
                .and_then(|t| find_date(&t, order))
                .filter(|&d| plausible(d))
        };
        if e.attr(Attr::Itemprop).is_some_and(|p| {
            p.eq_ignore_ascii_case("datePublished") || p.eq_ignore_ascii_case("dateCreated")
        }) {
            microdata = e
                .attr(Attr::Content)
                .or_else(|| e.attr(Attr::Datetime))
                .and_then(|v| local_day(v, zone))
                .filter(|&d| plausible(d))
                .or_else(text_date);
            if microdata.is_some() {
                break;
            }
        }
        if candidates.len() == MAX_DATE_CANDIDATES {
            continue;
        }
        let found = if e.tag() == Tag::Time {
            e.attr(Attr::Datetime)
                .and_then(|v| local_day(v, zone))
                .filter(|&d| plausible(d))
                .or_else(text_date)
                .map(|d| (d, Source::TimeElement))
        } else if date_class(node) {
            text_date().map(|d| (d, Source::DateElement))
        } else {
            None
        };
        if let Some((date, source)) = found {
            candidates.push(DateCandidate {
                node: index,
                date,
                source,
            });
        }
    }
    DatedElements {
        microdata,
        headline,
        candidates,
    }
}

/// Most `<time>` and date elements [`published`] looks at: enough for the article's own and
/// a listing or two around it.
const MAX_DATE_CANDIDATES: usize = 48;
/// Most nodes between two dated elements of one listing (the items of a list of articles).
const LISTING_GAP: usize = 60;
/// Fewest different dates that make a run of dated elements a listing of other articles.
const LISTING_DATES: usize = 3;
/// A listing that starts this close after the headline (in nodes), or at most
/// `LISTING_BEFORE_HEADLINE` before it, lists the page's own items (a blog's front page, a
/// press-release index), newest first; farther, it lists other pages.
const LISTING_NEAR_HEADLINE: usize = 200;
const LISTING_BEFORE_HEADLINE: usize = 10;

/// A `<time>` element or an element whose class or id says it holds a date.
#[derive(Debug, Clone, Copy)]
struct DateCandidate {
    /// The element's place in document order.
    node: usize,
    date: Date,
    source: Source,
}

/// The page's date among its dated elements: the first after the headline (dates before it are
/// in menus and side boxes, the article's own stands under its headline), else the first
/// before it. Runs of dated elements close together with several different dates are listings
/// of other articles (related stories, a news ticker, the latest posts) and are passed over,
/// unless one starts just under the headline: then the page is itself the listing and its
/// newest item dates it.
fn page_date_element(
    candidates: &[DateCandidate],
    headline: Option<usize>,
) -> Option<(Date, Source)> {
    let mut kept: Vec<DateCandidate> = Vec::with_capacity(candidates.len());
    let mut start = 0;
    while start < candidates.len() {
        let mut end = start + 1;
        while end < candidates.len()
            && candidates[end].node - candidates[end - 1].node <= LISTING_GAP
        {
            end += 1;
        }
        let run = &candidates[start..end];
        let mut dates: Vec<Date> = run.iter().map(|c| c.date).collect();
        dates.sort_unstable();
        dates.dedup();
        let listing = dates.len() >= LISTING_DATES;
        let own = headline.is_none_or(|h| {
            run[0].node + LISTING_BEFORE_HEADLINE >= h && run[0].node <= h + LISTING_NEAR_HEADLINE
        });
        if !listing || own {
            kept.extend_from_slice(run);
        }
        start = end;
    }
    let after = headline.and_then(|h| kept.iter().find(|c| c.node > h));
    after.or(kept.first()).map(|c| (c.date, c.source))
}

/// The first date in the page's visible text (not in scripts or styles) after the headline,
/// else the first before it.
fn page_text(doc: &Dom, headline: Option<usize>, order: SlashOrder) -> Option<Date> {
    let start = headline.unwrap_or(0);
    first_text_date(doc, start, order).or_else(|| {
        (start > 0)
            .then(|| first_text_date(doc, 0, order))
            .flatten()
    })
}

fn first_text_date(doc: &Dom, start: usize, order: SlashOrder) -> Option<Date> {
    let mut text = String::new();
    for node in doc.nodes().skip(start) {
        let Some(t) = node.as_text() else { continue };
        let hidden = node
            .parent()
            .and_then(|p| p.as_element())
            .is_some_and(|e| matches!(e.tag(), Tag::Script | Tag::Style | Tag::Title));
        if hidden || t.trim().is_empty() {
            continue;
        }
        text.push_str(t.trim());
        text.push('\n');
        // Dates are looked for chunk by chunk, so a page never costs more than a scan.
        if text.len() > 2000 {
            if let Some(d) = find_date(&text, order).filter(|d| plausible_year(d.year as u32)) {
                return Some(d);
            }
            text.clear();
        }
    }
    find_date(&text, order).filter(|d| plausible_year(d.year as u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Option<String> {
        find_date(text, SlashOrder::DayFirst).map(|d| d.to_string())
    }

    #[test]
    fn reads_numeric_dates_in_every_common_order() {
        for (text, want) in [
            ("Posted 2019-11-19 at noon", "2019-11-19"),
            ("2019/11/19", "2019-11-19"),
            ("14.01.2022 um 09:25", "2022-01-14"),
            ("von Björn | 31.10.23", "2023-10-31"),
            ("03.03.2011, 14:17", "2011-03-03"),
            ("19/11/2019", "2019-11-19"),
            ("11/19/2019", "2019-11-19"),
            ("2019.11.19", "2019-11-19"),
        ] {
            assert_eq!(found(text).as_deref(), Some(want), "{text}");
        }
        assert_eq!(
            find_date("01/02/2020", SlashOrder::MonthFirst)
                .map(|d| d.to_string())
                .as_deref(),
            Some("2020-01-02")
        );
        // Not dates: a version number, a time, a score, a price.
        for text in [
            "version 1.2.3",
            "at 10.30",
            "won 3-1",
            "costs 12.50",
            "1.5.2",
        ] {
            assert_eq!(found(text), None, "{text}");
        }
    }

    #[test]
    fn reads_month_names_in_many_languages() {
        for (text, want) in [
            ("am Samstag, 3. Dezember 2011 um", "2011-12-03"),
            ("May 19, 2020", "2020-05-19"),
            ("Nov. 19th, 2019", "2019-11-19"),
            ("9 oktober 2020 11:12", "2020-10-09"),
            ("30. Juni 2022", "2022-06-30"),
            ("le 2 février 2021", "2021-02-02"),
            ("12 de marzo de 2020", "2020-03-12"),
            ("12:12 am - 11 Jul 2020", "2020-07-11"),
            ("5 marca 2019", "2019-03-05"),
            ("duminică, 20 septembrie 2020", "2020-09-20"),
            ("Tue Jul 30 09:35:14 CEST 2019", "2019-07-30"),
        ] {
            assert_eq!(found(text).as_deref(), Some(want), "{text}");
        }
        assert_eq!(found("in May we met 19 people in 2020"), None);
    }

    #[test]
    fn the_page_s_sources_are_tried_in_order_of_trust() {
        let page = |head: &str, body: &str| {
            crate::dom::parse(&format!(
                "<html><head>{head}</head><body>{body}</body></html>"
            ))
        };
        let date =
            |doc: &Dom, stated: &Stated| published(doc, stated).map(|(d, s)| (d.to_string(), s));
        let doc = page(
            "",
            r#"<p>Today is 01.01.2024</p><div class="post-meta"><span class="date">16.10.2019</span></div>"#,
        );
        assert_eq!(
            date(&doc, &Stated::default()),
            Some(("2019-10-16".into(), Source::DateElement))
        );
        let doc = page(
            "",
            r#"<div class="comment-date">01.01.2024</div><span itemprop="datePublished"> May 19, 2020 </span>"#,
        );
        assert_eq!(
            date(&doc, &Stated::default()),
            Some(("2020-05-19".into(), Source::Microdata))
        );
        let doc = page(
            r#"<script>var page = {"id": 7, "updated_at": "2020-01-01", "published_at": "2019-03-02T06:22:28+01:00"};</script>"#,
            "<p>No date here.</p>",
        );
        assert_eq!(
            date(&doc, &Stated::default()),
            Some(("2019-03-02".into(), Source::Script))
        );
        let doc = page(
            "",
            "<p>Updated 1 May 2017</p><h1>Title</h1><p>Written on 2 March 2018 by Ann.</p>",
        );
        assert_eq!(
            date(&doc, &Stated::default()),
            Some(("2018-03-02".into(), Source::Text))
        );
        let doc = page("", "<p>Written on 2 March 2018 by Ann.</p>");
        assert_eq!(
            date(&doc, &Stated::default()),
            Some(("2018-03-02".into(), Source::Text))
        );
        let stated = Stated {
            meta: Some("2019-11-19T02:00:00Z"),
            url: Some("https://x.example/2019/11/18/story"),
            ..Stated::default()
        };
        assert_eq!(
            date(&doc, &stated),
            Some(("2019-11-18".into(), Source::Url))
        );
        // A content system's metadata years off the URL's date: the URL is the filing.
        let stated = Stated {
            json_ld: Some("2019-06-17T10:00:00+02:00"),
            url: Some("https://x.example/home/2017/7/12/story"),
            ..Stated::default()
        };
        assert_eq!(
            date(&doc, &stated),
            Some(("2017-07-12".into(), Source::Url))
        );
    }

    /// A teaser of another article: a dated element in a list item with a link.
    fn teaser(day: u32) -> String {
        format!(
            r#"<li><h3><a href="/other-{day}">Other story</a></h3><span class="date">{day:02}.02.2022</span></li>"#
        )
    }

    #[test]
    fn a_listing_of_other_articles_does_not_date_the_page() {
        let date = |body: &str| {
            let doc = crate::dom::parse(&format!("<html><body>{body}</body></html>"));
            published(&doc, &Stated::default()).map(|(d, s)| (d.to_string(), s))
        };
        let filler = "<p>The article's text, one paragraph.</p>".repeat(120);
        let listing: String = [16, 15, 14, 10].map(teaser).concat();
        // The article's date stands just above its headline; the latest news listed under the
        // article are other pages'.
        let article = format!(
            r#"<div class="info"><span class="headline-date">02.11.2021</span></div><h1>Killer robots</h1>{filler}<ul>{listing}</ul>"#
        );
        assert_eq!(
            date(&article),
            Some(("2021-11-02".into(), Source::DateElement))
        );
        // Without a date of its own, the page is dated by its text, not by the listing.
        let undated = format!(
            r#"<h1>Killer robots</h1><p>Posted on 2 November 2021.</p>{filler}<ul>{listing}</ul>"#
        );
        assert_eq!(date(&undated), Some(("2021-11-02".into(), Source::Text)));
        // A listing right under the headline is the page itself (a blog's front page): its
        // newest item dates it.
        let front_page = format!(r#"<h1>Our press releases</h1><ul>{listing}</ul>{filler}"#);
        assert_eq!(
            date(&front_page),
            Some(("2022-02-16".into(), Source::DateElement))
        );
    }

    #[test]
    fn a_revision_date_the_page_shows_as_its_date_dates_it() {
        let stated = Stated {
            json_ld: Some("2020-04-03T10:35:41Z"),
            modified: Some("2020-04-11T08:27:52Z"),
            ..Stated::default()
        };
        let date = |body: &str| {
            let doc = crate::dom::parse(&format!("<html><body>{body}</body></html>"));
            published(&doc, &stated).map(|(d, s)| (d.to_string(), s))
        };
        let shown = r#"<h1>Epidemics</h1><time datetime="2020-04-11T08:27:52Z">Updated: 11.04.2020</time><p>Text.</p>"#;
        assert_eq!(
            date(shown),
            Some(("2020-04-11".into(), Source::ModifiedShown))
        );
        // A revision the page does not show leaves the first publication as its date.
        let not_shown =
            r#"<h1>Epidemics</h1><time datetime="2020-04-03">3 April 2020</time><p>Text.</p>"#;
        assert_eq!(date(not_shown), Some(("2020-04-03".into(), Source::JsonLd)));
        assert_eq!(
            date("<h1>Epidemics</h1><p>Text.</p>"),
            Some(("2020-04-03".into(), Source::JsonLd))
        );
    }

    #[test]
    fn a_utc_timestamp_is_read_on_the_publisher_s_clock() {
        let vienna = Zone::guess(Some("https://www.nachrichten.at/x"));
        let new_york = Zone::guess(Some("https://www.thestar.ca/x"));
        let day = |v: &str, z| local_day(v, z).map(|d| d.to_string());
        // Summer time in Vienna (UTC+2): 22:04 UTC on 18 October is past midnight there.
        assert_eq!(
            day("2019-10-18T22:04:00Z", vienna).as_deref(),
            Some("2019-10-19")
        );
        // Winter time (UTC+1) from the last Sunday of October: 22:04 UTC is still the 4th.
        assert_eq!(
            day("2021-11-04T22:04Z", vienna).as_deref(),
            Some("2021-11-04")
        );
        assert_eq!(
            day("2021-11-04T23:00Z", vienna).as_deref(),
            Some("2021-11-05")
        );
        // Eastern time (UTC-4 in May): 02:54 UTC on 2 May is the evening of the 1st.
        assert_eq!(
            day("2020-05-02T02:54:29.000Z", new_york).as_deref(),
            Some("2020-05-01")
        );
        // A local offset already gives the local day; no zone, the day as written.
        assert_eq!(
            day("2020-06-29T00:16:15+03:00", vienna).as_deref(),
            Some("2020-06-29")
        );
        assert_eq!(
            day("2019-10-18T22:04:00Z", None).as_deref(),
            Some("2019-10-18")
        );
        assert_eq!(Zone::guess(Some("https://example.com/")), None);
    }
}
