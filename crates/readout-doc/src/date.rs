//! A small proleptic-Gregorian calendar date: enough for resolving "on Feb 1" or "this week"
//! against a publication date, without a date-time dependency.

use std::fmt;

/// A calendar date without a time or time zone (a publication date, or what a temporal
/// expression resolves to). Dates order chronologically; they print as `YYYY-MM-DD`, the form
/// of every date in the JSON output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year, 1 to 9999 for a date made by [`Date::new`] or [`Date::parse`].
    pub year: i32,
    /// The month, 1 (January) to 12.
    pub month: u8,
    /// The day of the month, from 1.
    pub day: u8,
}

/// A text that is not a valid `YYYY-MM-DD` date (an input record's `published`, the `--date`
/// option, a date in the lexicon); holds the text as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a valid date (want YYYY-MM-DD): {:?}", self.0)
    }
}

impl std::error::Error for DateError {}

/// The number of days in `month` (1 to 12) of `year`, counting leap years; 0 for a month out
/// of range.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date, or `None` if it does not exist (year outside 1 to 9999, month outside 1 to 12,
    /// or a day the month does not have, such as 29 February in a common year).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (a longer timestamp such as `2026-02-01T10:00:00Z` is cut to its date).
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let err = || DateError(text.to_string());
        let t = text.trim();
        let t = t.get(..10).ok_or_else(err)?;
        let b = t.as_bytes();
        if b[4] != b'-' || b[7] != b'-' {
            return Err(err());
        }
        let y = t[..4].parse().map_err(|_| err())?;
        let m = t[5..7].parse().map_err(|_| err())?;
        let d = t[8..10].parse().map_err(|_| err())?;
        Date::new(y, m, d).ok_or_else(err)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil, in terms of a March-based year.
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The date `z` days after 1970-01-01 (before it when negative): the inverse of
    /// [`Date::to_days`].
    pub fn from_days(z: i64) -> Date {
        let z = z + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = (yoe + era * 400 + if m <= 2 { 1 } else { 0 }) as i32;
        Date {
            year: y,
            month: m,
            day: d,
        }
    }

    /// The date `n` days later (earlier when `n` is negative), across months and years.
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        ((self.to_days() + 3).rem_euclid(7)) as u8
    }

    /// The Monday of this date's week (ISO weeks start on Monday).
    pub fn week_start(self) -> Date {
        self.add_days(-(self.weekday() as i64))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_day_numbers() {
        for (y, m, d, days) in [(1970, 1, 1, 0), (2000, 3, 1, 11017), (2026, 2, 1, 20485)] {
            let date = Date::new(y, m, d).unwrap();
            assert_eq!(date.to_days(), days, "{date}");
            assert_eq!(Date::from_days(days), date);
        }
    }

    #[test]
    fn knows_weekdays_and_week_starts() {
        let sunday = Date::parse("2026-02-01").unwrap();
        assert_eq!(sunday.weekday(), 6);
        assert_eq!(sunday.week_start().to_string(), "2026-01-26");
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::parse("2025-02-29").is_err());
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2026-13-01").is_err());
        assert!(Date::parse("yesterday").is_err());
    }
}
