//! Temporal expressions and their resolution against the publication date.

use readout_doc::{token_flags as tf, Date, DatePrecision, Document, ResolvedDate, Span};
use readout_lexicon::{Lexicon, WordClasses as W};
use std::ops::Range;

/// Reusable buffers: finding dates allocates nothing per sentence once warm.
#[derive(Default)]
pub struct Scratch {
    words: Vec<u32>,
    caps: Vec<bool>,
    text: String,
}

fn number(text: &str) -> Option<u32> {
    let t = text.trim_end_matches(|c: char| c.is_alphabetic()); // "1st", "10th"
    (!t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
}

fn year(text: &str) -> Option<i32> {
    (text.len() == 4)
        .then(|| number(text))
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
        .map(|y| y as i32)
}

/// A month without a year: the one in the publication year, or last year's when that would be
/// more than a month in the future (news reports the past).
fn year_for_month(month: u8, published: Date) -> i32 {
    if month as i32 > published.month as i32 + 1 {
        published.year - 1
    } else {
        published.year
    }
}

/// How an expression was resolved, when the tense of its clause could move it: "on Thursday"
/// and "in January" are read as the latest such day or month, and a clause about what is to
/// come moves them to the next one ([`forward`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Resolved without a choice (a full date, a year, "yesterday", "next week").
    Fixed,
    /// A weekday alone ("on Thursday"), read as the latest such day on or before publication.
    Weekday,
    /// A month or a month and day, without a year.
    YearLeft,
}

/// The date a [`Reading`] gives for a clause about the future: the next such weekday or
/// month on or after publication.
pub fn forward(date: ResolvedDate, reading: Reading, published: Date) -> ResolvedDate {
    let moved = match reading {
        Reading::Fixed => date.date,
        Reading::Weekday if date.date < published => date.date.add_days(7),
        Reading::YearLeft
            if (date.date.year, date.date.month) < (published.year, published.month) =>
        {
            Date::new(date.date.year + 1, date.date.month, date.date.day).unwrap_or(date.date)
        }
        _ => date.date,
    };
    ResolvedDate {
        date: moved,
        ..date
    }
}

/// Finds and resolves the temporal expressions of one sentence.
pub fn find(
    doc: &Document,
    lex: &Lexicon,
    range: Range<usize>,
    published: Option<Date>,
    scratch: &mut Scratch,
) -> Vec<(Range<usize>, ResolvedDate, Reading)> {
    let mut out = Vec::new();
    scratch.words.clear();
    scratch.caps.clear();
    for t in range.clone() {
        scratch
            .words
            .push(lex.word_id(doc.token_text(t), &mut scratch.text));
        scratch.caps.push(doc.tokens[t].has(tf::CAPITALIZED));
    }
    let n = range.len();
    let class = |k: usize| -> W {
        if k < n {
            lex.classes(scratch.words[k])
        } else {
            W::NONE
        }
    };
    let text = |k: usize| -> &str {
        if k < n {
            doc.token_text(range.start + k)
        } else {
            ""
        }
    };
    let mut k = 0;
    while k < n {
        let span = |a: usize, b: usize| Span {
            start: doc.tokens[range.start + a].span.start,
            end: doc.tokens[range.start + b - 1].span.end,
        };
        let mk = |date: Date, precision, a: usize, b: usize| {
            (
                range.start + a..range.start + b,
                ResolvedDate {
                    date,
                    precision,
                    span: Some(span(a, b)),
                },
                Reading::Fixed,
            )
        };
        let year_left =
            |found: (Range<usize>, ResolvedDate, Reading)| (found.0, found.1, Reading::YearLeft);
        // Multi-word relative expressions ("this week", "last year").
        if let Some(m) = lex.function_words.longest(&scratch.words, &scratch.caps, k) {
            let c = m.values().fold(W::NONE, |a, c| a | *c);
            if let Some(p) = published {
                let rel = relative(c, p);
                if let Some((date, precision)) = rel {
                    out.push(mk(date, precision, k, k + m.len));
                    k += m.len;
                    continue;
                }
            }
        }
        let c = class(k);
        // Month [day][, year] / day month [year] / month year.
        if let Some(month) = c.month().filter(|_| scratch.caps[k]) {
            let mut e = k + 1;
            if text(e) == "." {
                e += 1;
            }
            let day = number(text(e)).filter(|d| (1..=31).contains(d) && year(text(e)).is_none());
            if let Some(day) = day {
                e += 1;
                let mut y = None;
                let mut e2 = e;
                if text(e2) == "," {
                    e2 += 1;
                }
                if let Some(yy) = year(text(e2)) {
                    y = Some(yy);
                    e = e2 + 1;
                }
                let explicit = y.is_some();
                let y = y.or(published.map(|p| year_for_month(month, p)));
                if let Some(date) = y.and_then(|y| Date::new(y, month, day as u8)) {
                    let found = mk(date, DatePrecision::Day, k, e);
                    out.push(if explicit { found } else { year_left(found) });
                }
                k = e;
                continue;
            }
            if let Some(y) = year(text(e)) {
                if let Some(date) = Date::new(y, month, 1) {
                    out.push(mk(date, DatePrecision::Month, k, e + 1));
                }
                k = e + 1;
                continue;
            }
            // A bare month name ("in March") only counts after a preposition.
            if k > 0 && class(k - 1).has(W::PREPOSITION) {
                if let Some(p) = published {
                    if let Some(date) = Date::new(year_for_month(month, p), month, 1) {
                        out.push(year_left(mk(date, DatePrecision::Month, k, k + 1)));
                    }
                }
            }
            k += 1;
            continue;
        }
        if let Some(day) = number(text(k)).filter(|d| (1..=31).contains(d)) {
            if let Some(month) = class(k + 1)
                .month()
                .filter(|_| scratch.caps.get(k + 1) == Some(&true))
            {
                let (y, e, explicit) = match year(text(k + 2)) {
                    Some(y) => (Some(y), k + 3, true),
                    None => (published.map(|p| year_for_month(month, p)), k + 2, false),
                };
                if let Some(date) = y.and_then(|y| Date::new(y, month, day as u8)) {
                    let found = mk(date, DatePrecision::Day, k, e);
                    out.push(if explicit { found } else { year_left(found) });
                }
                k = e;
                continue;
            }
        }
        // Weekdays: the latest such day on or before publication.
        if let (Some(wd), Some(p)) = (c.weekday().filter(|_| scratch.caps[k]), published) {
            let back = (p.weekday() as i64 - wd as i64).rem_euclid(7);
            let (range, date, _) = mk(p.add_days(-back), DatePrecision::Day, k, k + 1);
            out.push((range, date, Reading::Weekday));
            k += 1;
            continue;
        }
        // "in 2022", "in early 2022", "by late 2025".
        if let Some(y) = year(text(k)) {
            let mut a = k;
            if k > 0
                && (class(k - 1).has(W::PERIOD_EARLY)
                    || class(k - 1).has(W::PERIOD_MID)
                    || class(k - 1).has(W::PERIOD_LATE))
            {
                a = k - 1;
            }
            let after_prep = a > 0 && class(a - 1).has(W::PREPOSITION);
            if after_prep {
                if let Some(date) = Date::new(y, 1, 1) {
                    out.push(mk(date, DatePrecision::Year, a, k + 1));
                }
            }
        }
        k += 1;
    }
    out
}

fn relative(c: W, p: Date) -> Option<(Date, DatePrecision)> {
    let month_start = |y: i32, m: i32| {
        let (y, m) = if m < 1 {
            (y - 1, m + 12)
        } else if m > 12 {
            (y + 1, m - 12)
        } else {
            (y, m)
        };
        Date::new(y, m as u8, 1)
    };
    Some(if c.has(W::DAY_0) {
        (p, DatePrecision::Day)
    } else if c.has(W::DAY_MINUS_1) {
        (p.add_days(-1), DatePrecision::Day)
    } else if c.has(W::DAY_PLUS_1) {
        (p.add_days(1), DatePrecision::Day)
    } else if c.has(W::WEEK_0) {
        (p.week_start(), DatePrecision::Week)
    } else if c.has(W::WEEK_MINUS_1) {
        (p.week_start().add_days(-7), DatePrecision::Week)
    } else if c.has(W::WEEK_PLUS_1) {
        (p.week_start().add_days(7), DatePrecision::Week)
    } else if c.has(W::MONTH_0) {
        (month_start(p.year, p.month as i32)?, DatePrecision::Month)
    } else if c.has(W::MONTH_MINUS_1) {
        (
            month_start(p.year, p.month as i32 - 1)?,
            DatePrecision::Month,
        )
    } else if c.has(W::MONTH_PLUS_1) {
        (
            month_start(p.year, p.month as i32 + 1)?,
            DatePrecision::Month,
        )
    } else if c.has(W::YEAR_0) {
        (Date::new(p.year, 1, 1)?, DatePrecision::Year)
    } else if c.has(W::YEAR_MINUS_1) {
        (Date::new(p.year - 1, 1, 1)?, DatePrecision::Year)
    } else if c.has(W::YEAR_PLUS_1) {
        (Date::new(p.year + 1, 1, 1)?, DatePrecision::Year)
    } else {
        return None;
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use readout_doc::{ArticleMeta, Kind};

    fn resolve_all(text: &str, published: &str) -> Vec<(String, String, &'static str)> {
        let lex = Lexicon::embedded().unwrap();
        let mut doc = Document::from_paragraphs("t", ArticleMeta::default(), [(Kind::Body, text)]);
        readout_text::segment(&mut doc, &lex.split_rules);
        let p = Date::parse(published).ok();
        let mut s = Scratch::default();
        let range = doc.sentences[0].token_range();
        find(&doc, &lex, range, p, &mut s)
            .into_iter()
            .map(|(_, d, _)| {
                (
                    doc.slice(d.span.unwrap()).to_string(),
                    d.date.to_string(),
                    d.precision.as_str(),
                )
            })
            .collect()
    }

    #[test]
    fn resolves_month_day_with_and_without_year() {
        assert_eq!(
            resolve_all(
                "They met on Feb 1 and on September 10, 2024, and on 3 March 2020.",
                "2026-02-01"
            ),
            [
                ("Feb 1".into(), "2026-02-01".into(), "day"),
                ("September 10, 2024".into(), "2024-09-10".into(), "day"),
                ("3 March 2020".into(), "2020-03-03".into(), "day"),
            ]
        );
        // A month later in the year than publication is last year's.
        assert_eq!(
            resolve_all("It began on Dec. 12.", "2026-02-01")[0].1,
            "2025-12-12"
        );
    }

    #[test]
    fn resolves_relative_expressions() {
        let got = resolve_all(
            "Talks held this week followed strikes last week, yesterday and on Friday.",
            "2026-02-01",
        );
        assert_eq!(
            got,
            [
                ("this week".into(), "2026-01-26".into(), "week"),
                ("last week".into(), "2026-01-19".into(), "week"),
                ("yesterday".into(), "2026-01-31".into(), "day"),
                ("Friday".into(), "2026-01-30".into(), "day"),
            ]
        );
    }

    #[test]
    fn resolves_years_and_periods() {
        assert_eq!(
            resolve_all(
                "The war began in early 2022 and ended in 2024.",
                "2026-02-01"
            ),
            [
                ("early 2022".into(), "2022-01-01".into(), "year"),
                ("2024".into(), "2024-01-01".into(), "year"),
            ]
        );
        // A number that is not after a preposition is not a year expression.
        assert!(resolve_all("He paid 2022 dollars.", "2026-02-01").is_empty());
        assert!(resolve_all("We may go.", "2026-02-01").is_empty());
    }
}
