//! Reminders as an iCalendar file for the suggested span (P1, P4, F2).

use super::plan::{minutes_label, Routine};

/// A date as year, month, day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    /// Year.
    pub y: u32,
    /// Month, 1 to 12.
    pub m: u32,
    /// Day, 1 to 31.
    pub d: u32,
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// A daily all-day reminder for each routine, starting on `start`, for the routine's span
/// (at least a week where the routine has no span of its own).
pub fn ics(routines: &[Routine], start: Date, link: &str) -> String {
    let day = format!("{:04}{:02}{:02}", start.y, start.m, start.d);
    let mut out = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//roll-routine//EN\r\nCALSCALE:GREGORIAN\r\n",
    );
    for r in routines {
        let t = r.template;
        let steps: Vec<String> = r
            .steps
            .iter()
            .map(|s| format!("{} ({} s per side)", s.muscle.name, s.seconds_per_side))
            .collect();
        let desc = format!(
            "{}\n{}\n{}\n{link}",
            t.schedule,
            steps.join(", "),
            minutes_label(r.total_s())
        );
        let count = if t.span_sessions == 0 {
            7
        } else {
            u32::from(t.span_sessions).min(28)
        };
        out += &format!(
            "BEGIN:VEVENT\r\nUID:{day}-{}@roll-routine\r\nDTSTAMP:{day}T000000Z\r\nDTSTART;VALUE=DATE:{day}\r\nRRULE:FREQ=DAILY;COUNT={count}\r\nSUMMARY:{}\r\nDESCRIPTION:{}\r\nEND:VEVENT\r\n",
            t.id,
            escape(&format!("Foam rolling: {}", t.title)),
            escape(&desc),
        );
    }
    out + "END:VCALENDAR\r\n"
}
