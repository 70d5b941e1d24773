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
    /// So many days, weeks, months or years from the time the story last told ("two days
    /// later", "the year before"); the date found is counted from publication, and
    /// [`from_told`] counts it again from the time told.
    FromTold(i32, DatePrecision),
    /// So many units before or after something named in the sentence ("two days after the
    /// election"): a time the text gives but that cannot be resolved here.
    FromNamed,
}

/// The date of a [`Reading::FromTold`] expression counted from `told`, the date the story last
/// gave an event: "Police arrested him on 3 May. He was charged two days later" → 5 May.
pub fn from_told(told: ResolvedDate, count: i32, unit: DatePrecision) -> Option<ResolvedDate> {
    // No finer than the time it is counted from: a day after a day in March is in March, as
    // far as the text tells.
    if (unit as u8) < (told.precision as u8) {
        return Some(ResolvedDate {
            span: None,
            until: None,
            ..told
        });
    }
    let (date, precision) = count_units(told.date, count, unit)?;
    Some(ResolvedDate {
        date,
        precision,
        span: None,
        until: None,
    })
}

/// `count` units of time from `from` (back when negative), at the unit's precision.
fn count_units(from: Date, count: i32, unit: DatePrecision) -> Option<(Date, DatePrecision)> {
    let n = count as i64;
    Some(match unit {
        DatePrecision::Day => (from.add_days(n), DatePrecision::Day),
        DatePrecision::Week => (from.add_days(7 * n).week_start(), DatePrecision::Week),
        DatePrecision::Month => {
            let months = from.year as i64 * 12 + (from.month as i64 - 1) + n;
            let date = Date::new(
                months.div_euclid(12) as i32,
                months.rem_euclid(12) as u8 + 1,
                1,
            )?;
            (date, DatePrecision::Month)
        }
        DatePrecision::Year => (Date::new(from.year + count, 1, 1)?, DatePrecision::Year),
    })
}

/// The same day a year later (29 February stays where it is).
fn a_year_later(d: Date) -> Date {
    Date::new(d.year + 1, d.month, d.day).unwrap_or(d)
}

/// The date a [`Reading`] gives for a clause about the future: the next such weekday or
/// month on or after publication.
pub fn forward(date: ResolvedDate, reading: Reading, published: Date) -> ResolvedDate {
    // The end of a span moves with its start.
    let (moved, until) = match reading {
        Reading::Fixed => (date.date, date.until),
        Reading::Weekday if date.date < published => {
            (date.date.add_days(7), date.until.map(|u| u.add_days(7)))
        }
        Reading::YearLeft
            if (date.date.year, date.date.month) < (published.year, published.month) =>
        {
            (a_year_later(date.date), date.until.map(a_year_later))
        }
        _ => (date.date, date.until),
    };
    ResolvedDate {
        date: moved,
        until,
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
                    until: None,
                },
                Reading::Fixed,
            )
        };
        let year_left =
            |found: (Range<usize>, ResolvedDate, Reading)| (found.0, found.1, Reading::YearLeft);
        // Multi-word relative expressions ("this week", "last year").
        if let Some(m) = lex.function_words.longest(&scratch.words, &scratch.caps, k) {
            let c = m.values().fold(W::NONE, |a, c| a | *c);
            if let (true, Some(p)) = (c.has(W::TOLD_SAME), published) {
                // "the same day": the time told last, whatever its precision.
                let (range, date, _) = mk(p, DatePrecision::Day, k, k + m.len);
                out.push((range, date, Reading::FromTold(0, DatePrecision::Day)));
                k += m.len;
                continue;
            }
            if let Some(p) = published {
                let rel = relative(c, p);
                if let Some((date, precision)) = rel {
                    let (range, date, _) = mk(date, precision, k, k + m.len);
                    // "will meet over the weekend": the weekend ahead.
                    let reading = if c.has(W::WEEKEND_PAST) {
                        Reading::Weekday
                    } else {
                        Reading::Fixed
                    };
                    out.push((range, date, reading));
                    k += m.len;
                    continue;
                }
            }
        }
        // "in early March", "in mid-June", "by late 2025": where a period word before a month
        // or a year begins.
        let period_start = |k: usize| -> usize {
            let period = |i: usize| {
                class(i).has(W::PERIOD_EARLY)
                    || class(i).has(W::PERIOD_MID)
                    || class(i).has(W::PERIOD_LATE)
            };
            if k >= 1 && period(k - 1) {
                k - 1
            } else if k >= 2 && text(k - 1) == "-" && period(k - 2) {
                k - 2
            } else {
                k
            }
        };
        // "two days ago", "three weeks ago", "a year ago": back from publication, to the
        // unit's precision.
        let count = number(text(k))
            .filter(|&n| n <= MAX_UNITS_AGO)
            .or(class(k).number().map(u32::from));
        if let (Some(n), Some(unit), Some(p)) = (count, unit_of(class(k + 1)), published) {
            if class(k + 2).has(W::AGO) {
                if let Some((date, precision)) = count_units(p, -(n as i32), unit) {
                    out.push(mk(date, precision, k, k + 3));
                    k += 3;
                    continue;
                }
            }
        }
        // "two days later", "a year earlier", "the day before", "the following week": counted
        // from the time the story last told.
        let direction = |c: W| {
            if c.has(W::TOLD_BEFORE) {
                Some(-1)
            } else if c.has(W::TOLD_AFTER) {
                Some(1)
            } else {
                None
            }
        };
        let the = class(k).has(W::DETERMINER) && !class(k).has(W::TIME_THIS);
        let told = match (count, the) {
            // "two days later", "the day before"
            (Some(n), _) => unit_of(class(k + 1))
                .zip(direction(class(k + 2)))
                .map(|(unit, d)| (d * n as i32, unit)),
            (None, true) => unit_of(class(k + 1))
                .zip(direction(class(k + 2)))
                // "the previous day", "the following week"
                .or_else(|| {
                    direction(class(k + 1))
                        .zip(unit_of(class(k + 2)))
                        .map(|(d, u)| (u, d))
                })
                .map(|(unit, d)| (d, unit)),
            _ => None,
        };
        // "two days after the attack" counts from the attack, which need not be the time told.
        let from_a_noun = class(k + 2).has(W::PREPOSITION)
            && k + 3 < n
            && !doc.tokens[range.start + k + 3].has(tf::PUNCT);
        if let (Some((count, unit)), Some(p)) = (told, published) {
            if let Some((date, precision)) = count_units(p, count, unit) {
                let reading = if from_a_noun {
                    Reading::FromNamed
                } else {
                    Reading::FromTold(count, unit)
                };
                let (range, date, _) = mk(date, precision, k, k + 3);
                out.push((range, date, reading));
                k += 3;
                continue;
            }
        }
        let c = class(k);
        // "this spring", "last summer", "in the autumn of 2019": a season, at year precision.
        // Not a verb ("prices are likely to fall"). A season after "this" can be misparsed as
        // an object ("the benefits it approved this spring"), so an object still counts.
        let a_time = |k: usize| !doc.parse.is_verb(range.start + k);
        if let (Some(first_month), Some(p)) = (c.season().filter(|_| a_time(k)), published) {
            let a = period_start(k);
            let before = |i: usize| i >= 1 && class(i - 1).has(W::PREPOSITION);
            let year_after = if text(k + 1).eq_ignore_ascii_case("of") {
                year(text(k + 2)).map(|y| (y, k + 3))
            } else {
                year(text(k + 1)).map(|y| (y, k + 2))
            };
            let found = if let Some((y, end)) = year_after {
                Some((y, a, end, Reading::Fixed))
            } else if a >= 1 && class(a - 1).has(W::TIME_THIS) {
                Some((this_season(first_month, p), a - 1, k + 1, Reading::Fixed))
            } else if a >= 1 && class(a - 1).has(W::TIME_LAST) {
                Some((last_season(first_month, p), a - 1, k + 1, Reading::Fixed))
            } else if a >= 1 && class(a - 1).has(W::TIME_NEXT) {
                Some((next_season(first_month, p), a - 1, k + 1, Reading::Fixed))
            } else if before(a) || (a >= 1 && class(a - 1).has(W::DETERMINER) && before(a - 1)) {
                // "in the spring": the latest begun, or for what is to come the next.
                Some((latest_season(first_month, p), a, k + 1, Reading::YearLeft))
            } else {
                None
            };
            if let Some((y, from, to, reading)) = found {
                if let Some(date) = Date::new(y, 1, 1) {
                    let (range, date, _) = mk(date, DatePrecision::Year, from, to);
                    out.push((range, date, reading));
                }
                k = to;
                continue;
            }
        }
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
            // A bare month name ("in March", "in early March") only counts after a
            // preposition.
            let a = period_start(k);
            if a > 0 && class(a - 1).has(W::PREPOSITION) {
                if let Some(p) = published {
                    if let Some(date) = Date::new(year_for_month(month, p), month, 1) {
                        out.push(year_left(mk(date, DatePrecision::Month, a, k + 1)));
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
        // Weekdays: the latest such day on or before publication. Not in a name ("The Sunday
        // Times", "the Sunday Telegraph").
        let in_a_name =
            k >= 1 && class(k - 1).has(W::DETERMINER) && scratch.caps.get(k + 1) == Some(&true);
        if let (Some(wd), Some(p)) = (
            c.weekday().filter(|_| scratch.caps[k] && !in_a_name),
            published,
        ) {
            let back = (p.weekday() as i64 - wd as i64).rem_euclid(7);
            let (range, date, _) = mk(p.add_days(-back), DatePrecision::Day, k, k + 1);
            out.push((range, date, Reading::Weekday));
            k += 1;
            continue;
        }
        // "in 2022", "in early 2022", "by late 2025".
        if let Some(y) = year(text(k)) {
            let a = period_start(k);
            let after_prep = a > 0 && class(a - 1).has(W::PREPOSITION);
            if after_prep {
                if let Some(date) = Date::new(y, 1, 1) {
                    out.push(mk(date, DatePrecision::Year, a, k + 1));
                }
            }
        }
        k += 1;
    }
    join_spans(doc, lex, range.start, &scratch.words, &mut out);
    out
}

/// Joins the times of a span ("from July 10 to July 16", "between May 1 and May 5", "July
/// 10-16", "from 10 to 16 July") into one expression: its first time, with the last as
/// `until`. `words` are the sentence's word ids from token `first` on.
fn join_spans(
    doc: &Document,
    lex: &Lexicon,
    first: usize,
    words: &[u32],
    out: &mut Vec<(Range<usize>, ResolvedDate, Reading)>,
) {
    let class = |t: usize| {
        t.checked_sub(first)
            .and_then(|k| words.get(k))
            .map_or(W::NONE, |&id| lex.classes(id))
    };
    let end = first + words.len();
    let dash = |t: usize| t < end && matches!(doc.token_text(t), "-" | "–" | "—");
    // The word joining the two times at `t`, given what opens the span before the first.
    let joins = |t: usize, opener: W| {
        dash(t)
            || (class(t).has(W::SPAN_TO)
                && (!doc.token_text(t).eq_ignore_ascii_case("to") || opener.has(W::SPAN_FROM)))
            || (class(t).has(W::COORDINATOR) && opener.has(W::SPAN_BETWEEN))
    };
    let bare_day = |t: usize| {
        (t < end)
            .then(|| number(doc.token_text(t)))
            .flatten()
            .filter(|d| (1..=31).contains(d))
            .and_then(|d| u8::try_from(d).ok())
    };
    // The class of the word before token `t`: what opens a span ("from", "between").
    let before = |t: usize| if t > first { class(t - 1) } else { W::NONE };
    // Widens entry `i` over tokens `span`, from `date` until `last`.
    let widen = |entry: &mut (Range<usize>, ResolvedDate, Reading),
                 span: Range<usize>,
                 date: Date,
                 last: Date| {
        entry.1.span = Some(doc.span_of_tokens(span.clone()));
        entry.1.date = date;
        entry.1.until = Some(last);
        entry.0 = span;
    };
    let mut i = 0;
    while i < out.len() {
        let (at, date) = (out[i].0.clone(), out[i].1);
        let opener = before(at.start);
        // Two times: "from July 10 to July 16", "between May 1 and May 5".
        if let Some(next) = out.get(i + 1).filter(|n| {
            n.0.start == at.end + 1 && joins(at.end, opener) && n.1.precision == date.precision
        }) {
            let mut last = next.1.date;
            if last <= date.date && next.2 == Reading::YearLeft {
                // "from December 28 to January 3": the January after.
                last = a_year_later(last);
            }
            if last > date.date {
                let span = at.start..next.0.end;
                widen(&mut out[i], span, date.date, last);
                out.remove(i + 1);
                i += 1;
                continue;
            }
        }
        if date.precision == DatePrecision::Day {
            let in_month = |d: u8| Date::new(date.date.year, date.date.month, d);
            // "July 10-16", "July 10 through 16": the last day of the same month.
            let until = bare_day(at.end + 1)
                .filter(|&d| joins(at.end, opener) && d > date.date.day)
                .and_then(in_month);
            // "from 10 to 16 July", "10-16 July": the first day of the same month.
            let from = at
                .start
                .checked_sub(2)
                .filter(|&t| t >= first && joins(t + 1, before(t)))
                .and_then(|t| Some((t, bare_day(t)?)))
                .filter(|&(_, d)| d < date.date.day)
                .and_then(|(t, d)| Some((t, in_month(d)?)));
            if let Some(last) = until {
                widen(&mut out[i], at.start..at.end + 2, date.date, last);
            } else if let Some((t, start)) = from {
                widen(&mut out[i], t..at.end, start, date.date);
            }
        }
        i += 1;
    }
}

/// Most units of time counted back with "ago" in digits ("14 days ago"); a larger number is
/// more likely a count of something else.
const MAX_UNITS_AGO: u32 = 99;

/// The unit of time a word names ("day", "weeks"), as a precision.
fn unit_of(c: W) -> Option<DatePrecision> {
    if c.has(W::UNIT_DAY) {
        Some(DatePrecision::Day)
    } else if c.has(W::UNIT_WEEK) {
        Some(DatePrecision::Week)
    } else if c.has(W::UNIT_MONTH) {
        Some(DatePrecision::Month)
    } else if c.has(W::UNIT_YEAR) {
        Some(DatePrecision::Year)
    } else {
        None
    }
}

/// The year of a season, named by its first month (3, 6, 9 or 12); a winter is the year of
/// its January. "This" season: the one under way or still to come this year (this winter,
/// from September on, the one ahead).
fn this_season(first_month: u8, p: Date) -> i32 {
    match first_month {
        12 if p.month >= 9 => p.year + 1,
        _ => p.year,
    }
}

/// The latest season of its kind over by publication ("last summer").
fn last_season(first_month: u8, p: Date) -> i32 {
    match first_month {
        12 if p.month >= 3 => p.year,
        12 => p.year - 1,
        m if p.month > m + 2 => p.year,
        _ => p.year - 1,
    }
}

/// The first season of its kind after the one under way ("next spring").
fn next_season(first_month: u8, p: Date) -> i32 {
    match first_month {
        12 if p.month == 12 => p.year + 2,
        12 => p.year + 1,
        m if p.month < m => p.year,
        _ => p.year + 1,
    }
}

/// The latest season of its kind begun by publication ("in the spring", of what happened).
fn latest_season(first_month: u8, p: Date) -> i32 {
    match first_month {
        12 if p.month == 12 => p.year + 1,
        12 => p.year,
        m if p.month >= m => p.year,
        _ => p.year - 1,
    }
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
    } else if c.has(W::WEEKEND_0) {
        (p.week_start(), DatePrecision::Week)
    } else if c.has(W::WEEKEND_PAST) {
        // Saturday and Sunday are the weekend of their own week.
        let begun = if p.weekday() >= 5 { 0 } else { 7 };
        (p.week_start().add_days(-begun), DatePrecision::Week)
    } else if c.has(W::WEEKEND_PLUS_1) {
        (p.week_start().add_days(7), DatePrecision::Week)
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

    /// Every expression of a one-sentence text: its words, date, precision and reading.
    fn found(text: &str, published: &str) -> Vec<(String, ResolvedDate, Reading)> {
        let lex = Lexicon::embedded().unwrap();
        let mut doc = Document::from_paragraphs("t", ArticleMeta::default(), [(Kind::Body, text)]);
        readout_text::segment(&mut doc, &lex.split_rules);
        let range = doc.sentences[0].token_range();
        let p = Date::parse(published).ok();
        find(&doc, &lex, range, p, &mut Scratch::default())
            .into_iter()
            .map(|(_, d, reading)| (doc.slice(d.span.unwrap()).to_string(), d, reading))
            .collect()
    }

    fn resolve_all(text: &str, published: &str) -> Vec<(String, String, &'static str)> {
        found(text, published)
            .into_iter()
            .map(|(words, d, _)| (words, d.date.to_string(), d.precision.as_str()))
            .collect()
    }

    fn readings(text: &str, published: &str) -> Vec<(String, Reading)> {
        found(text, published)
            .into_iter()
            .map(|(words, _, reading)| (words, reading))
            .collect()
    }

    #[test]
    fn a_weekday_in_a_name_is_no_day() {
        assert_eq!(
            resolve_all(
                "The Sunday Times said on Monday that the Sunday vote was off.",
                "2020-07-15"
            ),
            [
                ("Monday".into(), "2020-07-13".into(), "day"),
                ("Sunday".into(), "2020-07-12".into(), "day")
            ]
        );
    }

    /// Each time found, with the end of its span: (words, first, last).
    fn spans(text: &str, published: &str) -> Vec<(String, String, Option<String>)> {
        found(text, published)
            .into_iter()
            .map(|(words, d, _)| (words, d.date.to_string(), d.until.map(|u| u.to_string())))
            .collect()
    }

    #[test]
    fn joins_the_first_and_last_time_of_a_span() {
        let span = |w: &str, a: &str, b: &str| (w.to_string(), a.to_string(), Some(b.to_string()));
        assert_eq!(
            spans(
                "A lockdown from July 10 to July 16 was ordered.",
                "2020-07-09"
            ),
            [span("July 10 to July 16", "2020-07-10", "2020-07-16")]
        );
        assert_eq!(
            spans(
                "A lockdown runs July 10-16, and talks from 3 to 5 August.",
                "2020-07-09"
            ),
            [
                span("July 10-16", "2020-07-10", "2020-07-16"),
                span("3 to 5 August", "2020-08-03", "2020-08-05")
            ]
        );
        assert_eq!(
            spans("Talks were held between May 1 and May 5.", "2020-07-09"),
            [span("May 1 and May 5", "2020-05-01", "2020-05-05")]
        );
        // Across a new year, the second time is the one after the first.
        assert_eq!(
            spans(
                "He was away from December 28 through January 3.",
                "2021-01-09"
            ),
            [span(
                "December 28 through January 3",
                "2020-12-28",
                "2021-01-03"
            )]
        );
        // Months and years make spans at their precision.
        assert_eq!(
            spans("Exercises ran from March to May.", "2020-07-09"),
            [span("March to May", "2020-03-01", "2020-05-01")]
        );
        // "to" without "from" joins nothing, nor do two times of different precision.
        assert_eq!(
            spans("The vote on July 10 was moved to July 16.", "2020-07-09"),
            [
                ("July 10".into(), "2020-07-10".into(), None),
                ("July 16".into(), "2020-07-16".into(), None)
            ]
        );
        assert_eq!(
            spans("It ran from May 3 to August.", "2020-07-09"),
            [
                ("May 3".into(), "2020-05-03".into(), None),
                ("August".into(), "2020-08-01".into(), None)
            ]
        );
        // A span for what is to come moves whole.
        let later = forward(
            found("They will meet from March 2 to March 4.", "2020-07-09")[0].1,
            Reading::YearLeft,
            Date::parse("2020-07-09").unwrap(),
        );
        assert_eq!(
            (later.date.to_string(), later.until.map(|u| u.to_string())),
            ("2021-03-02".into(), Some("2021-03-04".into()))
        );
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
    fn counts_back_units_of_time_with_ago() {
        assert_eq!(
            resolve_all(
                "It began two days ago, grew 3 weeks ago, peaked a month ago and ended ten years ago.",
                "2026-02-04"
            ),
            [
                ("two days ago".into(), "2026-02-02".into(), "day"),
                ("3 weeks ago".into(), "2026-01-12".into(), "week"),
                ("a month ago".into(), "2026-01-01".into(), "month"),
                ("ten years ago".into(), "2016-01-01".into(), "year"),
            ]
        );
        // Months counted back across a year.
        assert_eq!(
            resolve_all("It began 14 months ago.", "2026-02-04")[0].1,
            "2024-12-01"
        );
        // A count without "ago" dates nothing.
        assert!(resolve_all("It lasted two days.", "2026-02-04").is_empty());
    }

    #[test]
    fn a_period_word_before_a_month_or_a_year_keeps_it() {
        assert_eq!(
            resolve_all(
                "Talks began in early March, stalled in mid-June and resumed in mid-2025.",
                "2026-09-01"
            ),
            [
                ("early March".into(), "2026-03-01".into(), "month"),
                ("mid-June".into(), "2026-06-01".into(), "month"),
                ("mid-2025".into(), "2025-01-01".into(), "year"),
            ]
        );
    }

    #[test]
    fn resolves_weekends_at_week_precision() {
        // Published on Wednesday 2026-02-04: the weekend before is that of the week of 26 January.
        assert_eq!(
            resolve_all(
                "Police arrested him over the weekend and will charge him this weekend or next weekend.",
                "2026-02-04"
            ),
            [
                ("over the weekend".into(), "2026-01-26".into(), "week"),
                ("this weekend".into(), "2026-02-02".into(), "week"),
                ("next weekend".into(), "2026-02-09".into(), "week"),
            ]
        );
        // On a Sunday, the weekend begun is the one under way.
        assert_eq!(
            resolve_all("Police arrested him at the weekend.", "2026-02-08")[0].1,
            "2026-02-02"
        );
    }

    #[test]
    fn resolves_seasons_at_year_precision() {
        // Published in September 2026: the summer just over is "last summer".
        assert_eq!(
            resolve_all(
                "It began last summer, grew this autumn, peaked in the spring of 2019 and ends next spring.",
                "2026-09-20"
            ),
            [
                ("last summer".into(), "2026-01-01".into(), "year"),
                ("this autumn".into(), "2026-01-01".into(), "year"),
                ("spring of 2019".into(), "2019-01-01".into(), "year"),
                ("next spring".into(), "2027-01-01".into(), "year"),
            ]
        );
        // In February, the spring told of in the past tense is last year's, and this winter is
        // the one under way (the year of its January).
        assert_eq!(
            resolve_all(
                "It began in the spring and ended this winter.",
                "2026-02-10"
            ),
            [
                ("spring".into(), "2025-01-01".into(), "year"),
                ("this winter".into(), "2026-01-01".into(), "year"),
            ]
        );
        // A season word with no word of time around it is no date ("Arab Spring protests").
        assert!(resolve_all("Arab Spring protests spread.", "2026-02-10").is_empty());
    }

    #[test]
    fn a_time_counted_from_another_is_marked_so() {
        assert_eq!(
            readings(
                "He was charged two days later, a year before, the following week and the day after.",
                "2026-02-04"
            ),
            [
                ("two days later".into(), Reading::FromTold(2, DatePrecision::Day)),
                ("a year before".into(), Reading::FromTold(-1, DatePrecision::Year)),
                ("the following week".into(), Reading::FromTold(1, DatePrecision::Week)),
                ("the day after".into(), Reading::FromTold(1, DatePrecision::Day)),
            ]
        );
        assert_eq!(
            readings("He was charged the same day.", "2026-02-04"),
            [(
                "the same day".into(),
                Reading::FromTold(0, DatePrecision::Day)
            )]
        );
        // Counted from something the sentence names: a time not known here.
        assert_eq!(
            readings("He was charged two days after the election.", "2026-02-04"),
            [("two days after".into(), Reading::FromNamed)]
        );
        // Counted from a day, a month is a month on; from a month, a day is that month.
        let may = ResolvedDate {
            date: Date::parse("2026-05-03").unwrap(),
            precision: DatePrecision::Day,
            span: None,
            until: None,
        };
        let got = from_told(may, 1, DatePrecision::Month).unwrap();
        assert_eq!(
            (got.date.to_string(), got.precision),
            ("2026-06-01".into(), DatePrecision::Month)
        );
        let march = ResolvedDate {
            date: Date::parse("2019-03-01").unwrap(),
            precision: DatePrecision::Month,
            span: None,
            until: None,
        };
        let got = from_told(march, 2, DatePrecision::Day).unwrap();
        assert_eq!(
            (got.date.to_string(), got.precision),
            ("2019-03-01".into(), DatePrecision::Month)
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
