//! Reminders as an iCalendar file (RFC 5545): for every routine of the plan, one event per
//! session of its suggested span, at a local time the reader picks, with an alarm at the start
//! (P1, P2, P4, F2), and the note and a link back in every event (S5).
//!
//! Pure: the clock comes in as an argument ([`Reminders::new`] takes the time in milliseconds
//! since the Unix epoch and the reader's UTC offset), so the whole file is tested natively.
//!
//! Times are *floating* local times (`DTSTART:20261126T070000`, no `Z`, no `TZID`): "07:00"
//! means 07:00 on the reader's own clock, wherever the phone is, through daylight-saving
//! changes and travel, which is what a routine tied to getting up or finishing work wants. A
//! `TZID` would need a `VTIMEZONE` with that zone's daylight-saving rules in the file, that is
//! a time-zone database in the widget, for no gain to the reader; every major calendar reads
//! floating times as the time on the device's clock.

use super::dates::{Date, DateTime, TimeOfDay};
use super::plan::{minutes_label, Routine};
use super::player::timeline;

/// `20261126T001500` (add `Z` for UTC).
fn ical(t: DateTime) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        t.date.y, t.date.m, t.date.d, t.time.h, t.time.m, t.s
    )
}

/// Days of reminders for a routine with no span of its own (the warm-up), where the reader
/// still picks a time for it.
pub const NO_SPAN_DAYS: u32 = 7;

/// The reader's choice for one slot of one routine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReminderTime<'a> {
    /// The routine's template id.
    pub routine: &'a str,
    /// Which of its reminder slots (0 for the first). For a routine with no slots, every choice
    /// given for it is a series of its own.
    pub slot: usize,
    /// The time on the reader's clock.
    pub at: TimeOfDay,
}

/// Everything the file needs besides the routines.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reminders<'a> {
    /// The first day, on the reader's calendar.
    pub start: Date,
    /// The reader's local time on `start`, if known: a series whose time has already passed
    /// (or is now) begins the next day.
    pub now: Option<TimeOfDay>,
    /// The reader's choices; a slot with none gets its default, a routine with no slots and no
    /// choice gets no reminders.
    pub times: &'a [ReminderTime<'a>],
    /// When the file is made, in UTC (`DTSTAMP`, and part of every `UID`).
    pub stamp: DateTime,
    /// A link back that opens the routine (after the opener's own safety answers, S7).
    pub link: &'a str,
    /// S5: the note that the routine is general information, not a diagnosis.
    pub note: &'a str,
}

impl<'a> Reminders<'a> {
    /// Reminders at the slots' default times, starting now: `unix_ms` as `Date.now()` gives it,
    /// `offset_min` as `Date.prototype.getTimezoneOffset()` gives it (UTC minus local, in
    /// minutes). Set `times` on the result for the reader's own choices.
    pub fn new(unix_ms: f64, offset_min: f64, link: &'a str, note: &'a str) -> Reminders<'a> {
        let offset_ms = if offset_min.is_finite() {
            offset_min * 60_000.0
        } else {
            0.0
        };
        let local = DateTime::from_unix_ms(unix_ms - offset_ms);
        Reminders {
            start: local.date,
            now: Some(local.time),
            times: &[],
            stamp: DateTime::from_unix_ms(unix_ms),
            link,
            note,
        }
    }
}

/// How long a session of the routine takes, in whole minutes rounded up: the rolling time and
/// the player's get-ready and switch countdowns, so the event covers the session as it runs.
pub fn session_minutes(routine: &Routine) -> u32 {
    let ms: f64 = timeline(routine).iter().map(|s| s.duration_ms).sum();
    ((ms / 60_000.0).ceil() as u32).max(1)
}

/// One recurring event: a routine at one time of day.
struct Series<'r> {
    routine: &'r Routine,
    label: Option<&'static str>,
    at: TimeOfDay,
    count: u32,
}

fn series<'r>(routines: &'r [Routine], times: &[ReminderTime]) -> Vec<Series<'r>> {
    let mut out = Vec::new();
    for r in routines {
        let id = r.template.id;
        let own = r.template.reminders;
        let chosen = |i: usize| {
            times
                .iter()
                .find(|t| t.routine == id && t.slot == i)
                .map(|t| t.at)
        };
        let span = u32::from(r.template.span_sessions);
        if own.is_empty() {
            let count = if span == 0 { NO_SPAN_DAYS } else { span };
            for t in times.iter().filter(|t| t.routine == id) {
                out.push(Series {
                    routine: r,
                    label: None,
                    at: t.at,
                    count,
                });
            }
            continue;
        }
        // The span counts sessions: a twice-a-day routine spreads them over two series.
        let per_day = own.len() as u32;
        let count = if span == 0 {
            NO_SPAN_DAYS
        } else {
            span.div_ceil(per_day)
        };
        for (i, s) in own.iter().enumerate() {
            out.push(Series {
                routine: r,
                label: (own.len() > 1).then_some(s.label),
                at: chosen(i).unwrap_or(s.default),
                count,
            });
        }
    }
    out
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma, newline.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line folded at 75 octets (RFC 5545 §3.1): CRLF and one space before each
/// continuation, never inside a UTF-8 character.
fn line(out: &mut String, text: &str) {
    let mut width = 0;
    for c in text.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

/// The reminders file for these routines: for each routine and each of its times of day, a
/// daily event with `COUNT` = its share of the routine's span of sessions, at the local time
/// chosen, lasting one session ([`session_minutes`]), with a display alarm at the start.
pub fn ics(routines: &[Routine], r: &Reminders) -> String {
    let mut out = String::new();
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//roll-routine//reminders//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        line(&mut out, l);
    }
    let stamp = format!("{}Z", ical(r.stamp));
    let link: String = r.link.chars().filter(|c| !c.is_control()).collect();
    for (n, s) in series(routines, r.times).iter().enumerate() {
        let t = s.routine.template;
        let start = match r.now {
            Some(now) if now >= s.at => r.start.next_day(),
            _ => r.start,
        };
        let first = DateTime {
            date: start,
            time: s.at,
            s: 0,
        };
        let title = match s.label {
            Some(label) => format!("Foam rolling: {} ({})", t.title, label.to_ascii_lowercase()),
            None => format!("Foam rolling: {}", t.title),
        };
        let steps: Vec<String> = s
            .routine
            .steps
            .iter()
            .map(|st| match st.sides.len() {
                1 => format!("{} ({} s)", st.muscle.name, st.seconds_per_side),
                _ => format!("{} ({} s per side)", st.muscle.name, st.seconds_per_side),
            })
            .collect();
        let minutes = session_minutes(s.routine);
        let desc = format!(
            "{}\n{}\nAbout {minutes} min with the get-ready countdowns ({} of rolling).\n{}\nOpen your routine (after a quick safety check): {link}",
            t.schedule,
            steps.join(", "),
            minutes_label(s.routine.total_s()),
            r.note,
        );
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{stamp}-{n}-{}@roll-routine", t.id));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(&mut out, &format!("DTSTART:{}", ical(first)));
        line(&mut out, &format!("DURATION:PT{minutes}M"));
        line(&mut out, &format!("RRULE:FREQ=DAILY;COUNT={}", s.count));
        line(&mut out, &format!("SUMMARY:{}", escape(&title)));
        line(&mut out, &format!("DESCRIPTION:{}", escape(&desc)));
        if !link.is_empty() {
            line(&mut out, &format!("URL:{link}"));
        }
        line(&mut out, "BEGIN:VALARM");
        line(&mut out, "ACTION:DISPLAY");
        line(&mut out, "TRIGGER:PT0M");
        line(
            &mut out,
            &format!(
                "DESCRIPTION:{}",
                escape(&format!("Time to roll: {}", t.title))
            ),
        );
        line(&mut out, "END:VALARM");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}
