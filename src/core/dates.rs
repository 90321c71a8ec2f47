//! Dates and times, in one place: the proleptic Gregorian calendar from day numbers (days
//! since 1970-01-01), times of day, and the reader's local day. Pure: the clock comes in as
//! an argument.

use std::fmt;

/// A date as year, month, day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub y: u32,
    /// Month, 1 to 12.
    pub m: u32,
    /// Day, 1 to 31.
    pub d: u32,
}

impl Date {
    /// Days since 1970-01-01 (proleptic Gregorian calendar).
    pub fn days(self) -> i64 {
        // H. Hinnant's days_from_civil.
        let (m, d) = (i64::from(self.m), i64::from(self.d));
        let y = i64::from(self.y) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        // H. Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date {
            y: y.clamp(0, 9999) as u32,
            m: m as u32,
            d: d as u32,
        }
    }

    /// The next day.
    pub fn next_day(self) -> Date {
        Date::from_days(self.days() + 1)
    }
}

/// A time of day on the reader's clock, to the minute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay {
    /// Hour, 0 to 23.
    pub h: u8,
    /// Minute, 0 to 59.
    pub m: u8,
}

impl TimeOfDay {
    /// A time of day; `None` outside 00:00 to 23:59.
    pub const fn new(h: u8, m: u8) -> Option<TimeOfDay> {
        if h < 24 && m < 60 {
            Some(TimeOfDay { h, m })
        } else {
            None
        }
    }

    /// The reader's own time, as `hh:mm` or `h:mm` (what `<input type="time">` gives).
    pub fn parse(text: &str) -> Option<TimeOfDay> {
        let (h, m) = text.trim().split_once(':')?;
        let digits = |s: &str, max_len| {
            (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u8>().ok())
                .flatten()
        };
        if m.len() != 2 {
            return None;
        }
        TimeOfDay::new(digits(h, 2)?, digits(m, 2)?)
    }
}

impl fmt::Display for TimeOfDay {
    /// `07:00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.h, self.m)
    }
}

/// A date and a time to the second (UTC for `DTSTAMP`, or the reader's local clock).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime {
    /// The date.
    pub date: Date,
    /// The time of day.
    pub time: TimeOfDay,
    /// Seconds, 0 to 59.
    pub s: u8,
}

impl DateTime {
    /// The moment `ms` milliseconds after 1970-01-01T00:00:00 (as `Date.now()` gives it, in
    /// UTC; add the reader's offset first for their local clock).
    pub fn from_unix_ms(ms: f64) -> DateTime {
        let secs = if ms.is_finite() {
            (ms / 1000.0).floor() as i64
        } else {
            0
        };
        let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
        DateTime {
            date: Date::from_days(days),
            time: TimeOfDay {
                h: (rest / 3600) as u8,
                m: (rest / 60 % 60) as u8,
            },
            s: (rest % 60) as u8,
        }
    }
}

impl fmt::Display for Date {
    /// `2026-11-26` (ISO 8601).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

/// A local day number (days since 1970-01-01) as `YYYY-MM-DD`.
pub fn day_label(day: i32) -> String {
    Date::from_days(i64::from(day)).to_string()
}

/// The reader's local day number at `ms` (since 1970, UTC), for a clock `offset_min` minutes
/// behind UTC (as `Date.prototype.getTimezoneOffset()` gives it).
pub fn local_day(ms: f64, offset_min: f64) -> i32 {
    ((ms - offset_min * 60_000.0) / 86_400_000.0).floor() as i32
}
