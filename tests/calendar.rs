//! Native tests of the reminders file (`core::calendar`): every file that any plan of either
//! family can produce is read back by a real iCalendar parser (the `icalendar` crate, whose
//! `recurrence` feature expands each `RRULE` with the `rrule` crate), and checked for times,
//! alarms, counts and RFC 5545 line folding. Tests name the rule they protect.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
use std::str::FromStr;

use icalendar::parser::{read_calendar, unfold, Component};
use icalendar::{CalendarComponent, CalendarDateTime, Component as _, DatePerhapsTime, EventLike};
use roll_routine::core::answers::{Answers, Goal, Onset, TimePref};
use roll_routine::core::calendar::{ics, session_minutes, ReminderTime, Reminders, NO_SPAN_DAYS};
use roll_routine::core::content::{Family, FAMILIES, FOREARMS, LOWER_BACK, NOT_A_DIAGNOSIS};
use roll_routine::core::dates::{day_label, local_day, Date, DateTime, TimeOfDay};
use roll_routine::core::plan::{build, Outcome, Plan, Routine};

const LINK: &str = "https://321strong.com/blog/foam-roller-and-lower-back-pain-what-actually-works#roll-routine=1a3";

/// A routine template's reminder slots, by its id.
fn slots(id: &str) -> &'static [roll_routine::core::content::Slot] {
    FAMILIES
        .iter()
        .flat_map(|f| f.routines.iter())
        .find(|t| t.id == id)
        .map_or(&[], |t| t.reminders)
}

fn day(y: u32, m: u32, d: u32) -> Date {
    Date { y, m, d }
}

fn hm(h: u8, m: u8) -> TimeOfDay {
    TimeOfDay::new(h, m).unwrap()
}

/// 2026-11-26 00:15:30 UTC.
fn stamp() -> DateTime {
    DateTime {
        date: day(2026, 11, 26),
        time: hm(0, 15),
        s: 30,
    }
}

fn reminders<'a>(times: &'a [ReminderTime<'a>]) -> Reminders<'a> {
    Reminders {
        start: day(2026, 11, 26),
        now: None,
        times,
        stamp: stamp(),
        link: LINK,
        note: NOT_A_DIAGNOSIS,
    }
}

/// Every plan either family can build, over every combination of answers.
fn every_plan() -> Vec<(String, Plan)> {
    let mut out = Vec::new();
    let mut add = |family: &'static Family, a: Answers| {
        if let Outcome::Plan(p) = build(family, &a) {
            out.push((format!("{} {a:?}", family.id), p));
        }
    };
    for onset in [Onset::Acute, Onset::Chronic] {
        for sitting in [false, true] {
            for morning in [false, true] {
                for time in [TimePref::Standard, TimePref::Quick] {
                    add(
                        &LOWER_BACK,
                        Answers {
                            warnings: Some(vec![]),
                            onset: Some(onset),
                            sitting,
                            morning,
                            time,
                            goal: None,
                        },
                    );
                }
            }
        }
    }
    for goal in Goal::ALL {
        for time in [TimePref::Standard, TimePref::Quick] {
            add(
                &FOREARMS,
                Answers {
                    goal: Some(goal),
                    time,
                    ..Answers::default()
                },
            );
        }
    }
    assert_eq!(out.len(), 16 + 8, "every answer combination builds a plan");
    out
}

/// The reader's choices used besides the defaults: an odd time for every slot, and one for
/// routines with no slot of their own (the warm-up).
fn own_times(plan: &Plan) -> Vec<ReminderTime<'static>> {
    let mut out = Vec::new();
    for r in &plan.routines {
        let id = r.template.id;
        let n = slots(id).len().max(1);
        for i in 0..n {
            out.push(ReminderTime {
                routine: id,
                slot: i,
                at: hm(5 + 7 * i as u8, 45),
            });
        }
    }
    out
}

/// The checks every reminders file passes, whatever the plan: RFC 5545 lines and folding.
fn check_lines(text: &str) {
    assert!(text.ends_with("\r\n"), "the last line ends with CRLF");
    for l in text.split_terminator("\r\n") {
        assert!(
            !l.contains('\n') && !l.contains('\r'),
            "CRLF line ends only: {l:?}"
        );
        assert!(l.len() <= 75, "{} octets: {l:?}", l.len());
    }
}

/// Unfolds by RFC 5545 §3.1: every CRLF followed by one space goes.
fn unfold_rfc(text: &str) -> String {
    text.replace("\r\n ", "")
}

/// The value of a property of a parsed component.
fn prop<'a>(c: &'a Component<'a>, name: &str) -> &'a str {
    c.find_prop(name)
        .unwrap_or_else(|| panic!("{} has no {name}", c.name.as_str()))
        .val
        .as_str()
}

/// One parsed event with its occurrences, expanded by the `rrule` crate.
struct Parsed {
    routine: String,
    summary: String,
    description: String,
    uid: String,
    start: chrono::NaiveDateTime,
    occurrences: Vec<chrono::NaiveDateTime>,
    duration: String,
    alarms: Vec<(String, String, String)>,
}

fn parse(text: &str) -> Vec<Parsed> {
    check_lines(text);
    let unfolded = unfold(text);
    assert_eq!(
        unfolded,
        unfold_rfc(text),
        "the parser unfolds as RFC 5545 does"
    );
    let raw = read_calendar(&unfolded).expect("a valid iCalendar file");
    assert_eq!(
        raw.properties
            .iter()
            .find(|p| p.name == "VERSION")
            .unwrap()
            .val
            .as_str(),
        "2.0"
    );
    let typed = icalendar::Calendar::from_str(text).expect("a valid iCalendar file");
    let events: Vec<_> = typed
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    assert_eq!(events.len(), raw.components.len());
    raw.components
        .iter()
        .zip(events)
        .map(|(c, e)| {
            assert_eq!(c.name.as_str(), "VEVENT");
            let start = match e.get_start() {
                Some(DatePerhapsTime::DateTime(CalendarDateTime::Floating(t))) => t,
                other => panic!("a floating local start time, not {other:?}"),
            };
            assert!(!prop(c, "DTSTART").ends_with('Z'));
            assert!(c.find_prop("DTSTART").unwrap().params.is_empty(), "no TZID");
            assert!(prop(c, "DTSTAMP").ends_with('Z'), "DTSTAMP in UTC");
            assert_eq!(
                e.get_timestamp().unwrap().to_rfc3339(),
                "2026-11-26T00:15:30+00:00"
            );
            let occurrences = e
                .get_recurrence()
                .expect("a valid RRULE")
                .all(1000)
                .dates
                .iter()
                .map(|d| d.naive_local())
                .collect();
            let alarms = c
                .components
                .iter()
                .map(|a| {
                    assert_eq!(a.name.as_str(), "VALARM");
                    (
                        prop(a, "ACTION").to_string(),
                        prop(a, "TRIGGER").to_string(),
                        prop(a, "DESCRIPTION").to_string(),
                    )
                })
                .collect();
            let uid = prop(c, "UID").to_string();
            Parsed {
                routine: uid
                    .split('-')
                    .skip(2)
                    .collect::<Vec<_>>()
                    .join("-")
                    .replace("@roll-routine", ""),
                summary: e.get_summary().unwrap().to_string(),
                description: e.get_description().unwrap().to_string(),
                uid,
                start,
                occurrences,
                duration: prop(c, "DURATION").to_string(),
                alarms,
            }
        })
        .collect()
}

fn events_of<'a>(events: &'a [Parsed], routine: &Routine) -> Vec<&'a Parsed> {
    events
        .iter()
        .filter(|e| e.routine == routine.template.id)
        .collect()
}

/// Checks one routine's events: one series per slot at the chosen times, sessions on
/// consecutive days adding up to the span, each lasting a session, with an alarm at its start.
fn check_routine(events: &[Parsed], r: &Routine, times: &[TimeOfDay], start: Date) {
    let mine = events_of(events, r);
    let span = u32::from(r.template.span_sessions);
    assert_eq!(
        mine.len(),
        times.len(),
        "{}: one series per time of day",
        r.template.id
    );
    let mut total = 0;
    for (e, at) in mine.iter().zip(times) {
        assert_eq!(
            (e.start.date(), e.start.time()),
            (
                chrono::NaiveDate::from_ymd_opt(start.y as i32, start.m, start.d).unwrap(),
                chrono::NaiveTime::from_hms_opt(u32::from(at.h), u32::from(at.m), 0).unwrap()
            ),
            "{}",
            r.template.id
        );
        for (i, o) in e.occurrences.iter().enumerate() {
            assert_eq!(
                *o,
                e.start + chrono::Duration::days(i as i64),
                "daily, at the same local time"
            );
        }
        total += e.occurrences.len() as u32;
        assert_eq!(e.duration, format!("PT{}M", session_minutes(r)));
        assert_eq!(e.alarms.len(), 1, "one alarm");
        let (action, trigger, text) = &e.alarms[0];
        assert_eq!(action, "DISPLAY");
        assert!(
            trigger == "PT0M" || trigger == "-PT0M",
            "at the start: {trigger}"
        );
        assert!(text.contains(r.template.title));
        assert!(e.summary.contains(r.template.title));
    }
    let expected = if span == 0 {
        NO_SPAN_DAYS * times.len() as u32
    } else {
        span
    };
    assert_eq!(total, expected, "{}: sessions in the span", r.template.id);
}

/// The forearm family's plan for a goal.
fn forearm_plan(goal: Goal) -> roll_routine::core::plan::Plan {
    match build(
        &FOREARMS,
        &Answers {
            goal: Some(goal),
            ..Answers::default()
        },
    ) {
        Outcome::Plan(p) => p,
        o => panic!("{o:?}"),
    }
}

#[test]
fn p1_p2_p4_f2_every_plan_gives_a_file_the_parser_reads_with_the_right_times_and_counts() {
    for (name, plan) in every_plan() {
        // Default times: each slot's default; the warm-up, with no fixed time, gets none.
        let text = ics(&plan.routines, &reminders(&[]));
        let events = parse(&text);
        for r in &plan.routines {
            let defaults: Vec<TimeOfDay> = slots(r.template.id).iter().map(|s| s.default).collect();
            check_routine(&events, r, &defaults, day(2026, 11, 26));
        }
        // The reader's own times, for every slot (and one for the warm-up).
        let own = own_times(&plan);
        let text = ics(&plan.routines, &reminders(&own));
        let events = parse(&text);
        for r in &plan.routines {
            let times: Vec<TimeOfDay> = own
                .iter()
                .filter(|t| t.routine == r.template.id)
                .map(|t| t.at)
                .collect();
            check_routine(&events, r, &times, day(2026, 11, 26));
        }
        let uids: HashSet<&str> = events.iter().map(|e| e.uid.as_str()).collect();
        assert_eq!(uids.len(), events.len(), "{name}: unique UIDs");
    }
}

#[test]
fn p1_p4_daily_routines_remind_every_day_for_fourteen_sessions() {
    for r in every_plan().iter().flat_map(|(_, p)| &p.routines) {
        if ["full", "full-sitting"].contains(&r.template.id) {
            let text = ics(std::slice::from_ref(r), &reminders(&[]));
            assert!(text.contains("RRULE:FREQ=DAILY;COUNT=14\r\n"));
            assert!(text.contains("DTSTART:20261126T180000\r\n"));
            let events = parse(&text);
            assert_eq!(events.len(), 1);
            assert_eq!(events[0].occurrences.len(), 14);
            assert_eq!(
                events[0].occurrences.last().unwrap().to_string(),
                "2026-12-09 18:00:00",
                "fourteen days on, across the month's end"
            );
        }
    }
}

#[test]
fn p2_the_morning_routine_reminds_first_thing() {
    let s = slots("morning");
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].default, hm(7, 0));
    assert_eq!(s[0].choices, &[hm(6, 30), hm(7, 0), hm(7, 30)]);
    let plan = match build(
        &LOWER_BACK,
        &Answers {
            warnings: Some(vec![]),
            onset: Some(Onset::Chronic),
            morning: true,
            ..Answers::default()
        },
    ) {
        Outcome::Plan(p) => p,
        o => panic!("{o:?}"),
    };
    let events = parse(&ics(&plan.routines, &reminders(&[])));
    let morning = events.iter().find(|e| e.routine == "morning").unwrap();
    assert_eq!(morning.start.to_string(), "2026-11-26 07:00:00");
    assert_eq!(
        morning.duration, "PT5M",
        "about five minutes, with its get-ready countdowns"
    );
    let full = events.iter().find(|e| e.routine == "full").unwrap();
    assert_eq!(full.start.to_string(), "2026-11-26 18:00:00");
}

#[test]
fn f2_recovering_reminds_twice_a_day_morning_and_after_activity() {
    let s = slots("recovering");
    assert_eq!(
        s.iter().map(|s| s.default).collect::<Vec<_>>(),
        [hm(8, 0), hm(18, 0)]
    );
    let plan = forearm_plan(Goal::Recovering);
    assert_eq!(plan.routines[0].template.span_sessions, 28);
    let text = ics(&plan.routines, &reminders(&[]));
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 2);
    assert_eq!(text.matches("RRULE:FREQ=DAILY;COUNT=14\r\n").count(), 2);
    let events = parse(&text);
    let mut all: Vec<_> = events.iter().flat_map(|e| e.occurrences.clone()).collect();
    all.sort();
    assert_eq!(all.len(), 28, "28 sessions");
    for pair in all.chunks(2) {
        assert_eq!(pair[0].date(), pair[1].date(), "two a day");
        assert_eq!(
            (pair[0].time().to_string(), pair[1].time().to_string()),
            ("08:00:00".into(), "18:00:00".into())
        );
    }
    assert!(events[0].summary.ends_with("(in the morning)"));
    assert!(events[1].summary.ends_with("(after activity)"));
    // The reader moves only the evening one.
    let t = [ReminderTime {
        routine: "recovering",
        slot: 1,
        at: hm(21, 15),
    }];
    let events = parse(&ics(&plan.routines, &reminders(&t)));
    assert_eq!(events[0].start.to_string(), "2026-11-26 08:00:00");
    assert_eq!(events[1].start.to_string(), "2026-11-26 21:15:00");
}

#[test]
fn f1_the_warm_up_has_no_fixed_time_and_reminds_only_when_asked() {
    assert!(slots("warm-up").is_empty());
    let plan = forearm_plan(Goal::WarmUp);
    assert_eq!(parse(&ics(&plan.routines, &reminders(&[]))).len(), 0);
    let t = [ReminderTime {
        routine: "warm-up",
        slot: 0,
        at: hm(18, 45),
    }];
    let events = parse(&ics(&plan.routines, &reminders(&t)));
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].occurrences.len() as u32, NO_SPAN_DAYS);
}

#[test]
fn f4_typing_reminds_after_work() {
    assert_eq!(slots("typing")[0].default, hm(17, 30));
}

#[test]
fn s5_every_reminder_carries_the_note_and_a_link_back_to_the_routine() {
    for (name, plan) in every_plan() {
        let own = own_times(&plan);
        for e in parse(&ics(&plan.routines, &reminders(&own))) {
            assert!(
                e.description.contains(NOT_A_DIAGNOSIS),
                "{name}: {}",
                e.description
            );
            assert!(
                e.description.ends_with(&format!(
                    "Open your routine (after a quick safety check): {LINK}"
                )),
                "{name}"
            );
        }
    }
}

#[test]
fn s6_reminders_carry_no_health_answers() {
    for (_, plan) in every_plan() {
        let text = unfold_rfc(&ics(&plan.routines, &reminders(&own_times(&plan))));
        for word in ["Leg", "numb", "acute", "Acute", "chronic", "stiff"] {
            assert!(!text.contains(word), "{word}");
        }
    }
}

#[test]
fn rfc5545_text_is_escaped_and_long_lines_fold_on_character_boundaries() {
    // A note with every character TEXT escapes, and multi-byte characters around the fold.
    let note =
        "Not a diagnosis; see a clinician, if in doubt.\nBackslash \\ too. ½ é 💪 ".repeat(4);
    let plan = forearm_plan(Goal::Recovering);
    let text = ics(
        &plan.routines,
        &Reminders {
            note: &note,
            ..reminders(&[])
        },
    );
    check_lines(&text);
    assert!(
        text.split("\r\n").any(|l| l.len() == 75 || l.len() > 72),
        "some lines are folded full"
    );
    assert!(text.contains("\r\n "), "long lines are folded");
    // Every physical line is valid UTF-8 on its own: folds fall between characters.
    for l in text.as_bytes().split(|&b| b == b'\n') {
        assert!(std::str::from_utf8(l).is_ok());
    }
    let unfolded = unfold_rfc(&text);
    assert!(unfolded.contains("see a clinician\\, if in doubt.\\nBackslash \\\\ too."));
    assert!(unfolded.contains("Not a diagnosis\\; see"));
    // The parser gives back the note as it was.
    for e in parse(&text) {
        assert!(e.description.contains(&note), "{:?}", e.description);
    }
}

#[test]
fn times_already_past_today_start_tomorrow_and_dates_roll_over() {
    let plan = forearm_plan(Goal::Recovering);
    // 12:00 on New Year's Eve: the 08:00 series starts tomorrow, the 18:00 one today.
    let r = Reminders {
        start: day(2026, 12, 31),
        now: Some(hm(12, 0)),
        ..reminders(&[])
    };
    let events = parse(&ics(&plan.routines, &r));
    assert_eq!(events[0].start.to_string(), "2027-01-01 08:00:00");
    assert_eq!(events[1].start.to_string(), "2026-12-31 18:00:00");
    assert_eq!(day(2028, 2, 28).next_day(), day(2028, 2, 29));
    assert_eq!(day(2027, 2, 28).next_day(), day(2027, 3, 1));
    assert_eq!(day(2100, 2, 28).next_day(), day(2100, 3, 1));
}

#[test]
fn the_clock_comes_in_as_milliseconds_and_an_offset() {
    // 2026-11-26T00:15:30.250Z, read in New York (UTC-5: offset +300) and Tokyo (-540).
    let ms = 1_795_652_130_250.0;
    assert_eq!(DateTime::from_unix_ms(ms), stamp());
    let ny = Reminders::new(ms, 300.0, LINK, NOT_A_DIAGNOSIS);
    assert_eq!((ny.start, ny.now), (day(2026, 11, 25), Some(hm(19, 15))));
    assert_eq!(ny.stamp, stamp());
    let tokyo = Reminders::new(ms, -540.0, LINK, NOT_A_DIAGNOSIS);
    assert_eq!(
        (tokyo.start, tokyo.now),
        (day(2026, 11, 26), Some(hm(9, 15)))
    );
}

#[test]
fn the_reader_can_type_their_own_time() {
    assert_eq!(TimeOfDay::parse("07:30"), Some(hm(7, 30)));
    assert_eq!(TimeOfDay::parse("7:05"), Some(hm(7, 5)));
    assert_eq!(TimeOfDay::parse(" 23:59 "), Some(hm(23, 59)));
    for bad in [
        "24:00", "7:5", "12:60", "", ":", "ab:cd", "7", "-1:00", "+7:00", "07:300",
    ] {
        assert_eq!(TimeOfDay::parse(bad), None, "{bad}");
    }
    assert_eq!(hm(7, 0).to_string(), "07:00");
}

#[test]
fn every_routine_template_s_reminder_times_are_sound() {
    // The slots sit on the template itself: a new routine comes with a decision about when
    // it is done (possibly none, as for the warm-up).
    for t in FAMILIES.iter().flat_map(|f| f.routines.iter()) {
        for slot in t.reminders {
            assert!(
                slot.choices.contains(&slot.default),
                "{}: the default is a choice",
                t.id
            );
            assert!(
                slot.choices.windows(2).all(|w| w[0] < w[1]),
                "{}: earliest first",
                t.id
            );
        }
    }
}

#[test]
fn dates_round_trip_through_day_numbers_and_local_days_follow_the_offset() {
    for days in [-700_000i64, -1, 0, 59, 60, 365, 11_016, 20_783, 2_932_896] {
        assert_eq!(Date::from_days(days).days(), days, "{days}");
    }
    assert_eq!(day_label(0), "1970-01-01");
    assert_eq!(day_label(20_783), "2026-11-26");
    assert_eq!(day_label(11_016), "2000-02-29");
    // 23:30 UTC on 1970-01-01 is the next day two hours east (offset -120) and the same day
    // five hours west (offset 300).
    let ms = 23.5 * 3_600_000.0;
    assert_eq!(local_day(ms, -120.0), 1);
    assert_eq!(local_day(ms, 300.0), 0);
    assert_eq!(local_day(-1.0, 0.0), -1);
}
