//! Share codes, the stored record and the record file (S6, S7).

use super::*;

// ---- Share codes ----

#[test]
fn share_codes_round_trip_every_combination() {
    for a in all_answers() {
        let code = encode(&a);
        assert_eq!(code.len(), 3);
        let back = decode(&code).unwrap();
        assert_eq!(
            Answers {
                warnings: a.warnings.clone(),
                ..back
            },
            a
        );
    }
}

#[test]
fn malformed_share_codes_are_refused() {
    assert_eq!(decode(""), Err(ShareError::Length));
    assert_eq!(decode("1a"), Err(ShareError::Length));
    assert_eq!(decode("2aa"), Err(ShareError::Version));
    assert_eq!(decode("1zz"), Err(ShareError::Digits));
    assert_eq!(decode("1AA"), Err(ShareError::Digits));
    assert_eq!(
        decode("103"),
        Err(ShareError::Value),
        "onset 3 does not exist"
    );
    assert_eq!(
        decode("1e0"),
        Err(ShareError::Value),
        "goal 7 does not exist"
    );
    assert_eq!(decode("1é0"), Err(ShareError::Digits));
}

// ---- Stored progress ----

#[test]
fn progress_round_trips_and_foreign_text_is_refused() {
    let mut p = progress("bsN");
    p.answers = Some(answers("chronic sitting"));
    p.acute_since = Some(1_790_000_000_000);
    p.safety_day = Some(20_418);
    assert_eq!(Progress::from_text(&p.to_text()), Some(p.clone()));
    assert_eq!(p.counted(), 3);
    assert_eq!(p.answers.unwrap().onset, Some(Onset::Chronic));
    for bad in [
        "",
        "{\"a\":1}",
        "rr1",
        "rr1;;x;",
        "rr1;9zz;1;",
        "rr1;;1;q",
        "rr1;;1;b;extra",
        "rr2;;1;",
        "rr1;;-1;",
        "rr1;;+1;",
        "rr2;;;;;1b1,",
        "rr2;;;;;1q1",
        "rr2;;;;;1b2",
        "rr2;;;-3;;",
        "rr2;;99999999999999999;;;",
        "rr2;;;;5;",
        "rr2;1zz;;;;",
    ] {
        assert_eq!(Progress::from_text(bad), None, "{bad}");
    }
}

#[test]
fn s2_progress_from_the_first_format_keeps_its_worse_check_ins() {
    let old = Progress::from_text("rr1;;2;ww").expect("the first format still reads");
    assert_eq!(old.stop(), Some(StopReason::Worse));
}

#[test]
fn progress_day_labels_are_iso_dates() {
    assert_eq!(roll_routine::core::progress::day_label(0), "1970-01-01");
    assert_eq!(
        roll_routine::core::progress::day_label(20_418),
        "2025-11-26"
    );
    assert_eq!(
        roll_routine::core::progress::day_label(11_016),
        "2000-02-29"
    );
}

// ---- The reader's own record (S6) ----

#[test]
fn s6_the_record_the_reader_saves_has_dates_feelings_and_the_clinician_check() {
    let mut p = progress("bwN");
    p.answers = Some(answers("chronic sitting"));
    p.clinician = Some(roll_routine::core::progress::Clearance { at: 4, day: 20_783 });
    let json = serde_json::to_value(p.record()).unwrap();
    assert_eq!(json["format"], "roll-routine record 2");
    assert_eq!(json["sessions"][0]["date"], "2024-10-04");
    assert_eq!(json["sessions"][1]["felt"], "worse");
    assert_eq!(
        json["sessions"][2]["felt"],
        "Numbness or tingling in your legs or feet"
    );
    assert_eq!(json["clinician_checked"], "2026-11-26");
    assert!(json.get("answers").is_none(), "no answers in the record");
    let data = Progress::from_text(json["data"].as_str().unwrap()).unwrap();
    assert_eq!(data.answers, None, "nor in the data it loads from");
    assert_eq!(data.sessions, p.sessions);
}

#[test]
fn the_progress_picture_marks_each_session_and_today_s_place() {
    use roll_routine::core::progress::Cell;
    let p = progress("bsw");
    let cells = p.cells(5);
    assert_eq!(
        cells,
        vec![
            Cell::Done(CheckIn::Better),
            Cell::Done(CheckIn::Same),
            Cell::Done(CheckIn::Worse),
            Cell::Next,
            Cell::Ahead
        ]
    );
    assert_eq!(progress("bbbbbbb").cells(3).len(), 3, "past the span: full");
    let mut short = progress("b");
    short.sessions[0].counted = false;
    assert_eq!(
        short.cells(2),
        vec![Cell::Next, Cell::Ahead],
        "a short session is not counted"
    );
}
