//! The question flow: which of a family's questions a reader is asked, given their answers,
//! and which one comes next. The reducer (`core/state/answers.rs`) walks it; the plan
//! (`core/plan.rs`) is built once it is done.

use super::answers::{Answers, Onset};
use super::content::{Family, Question};

/// Whether the question can change the plan, given the other answers: acute pain overrides
/// sitting and morning stiffness (S4, P5), so an acute reader is not asked about them.
pub fn asks(q: Question, answers: &Answers) -> bool {
    !(q == Question::Extras && answers.onset == Some(Onset::Acute))
}

/// The first required question of the family that has no answer yet.
pub fn first_unanswered(family: &Family, answers: &Answers) -> Option<Question> {
    family.questions.iter().copied().find(|&q| {
        asks(q, answers)
            && match q {
                Question::Safety => answers.warnings.is_none(),
                Question::Onset => answers.onset.is_none(),
                Question::Goal => answers.goal.is_none(),
                // Optional: "neither" and "standard" are fine defaults.
                Question::Extras | Question::Time => false,
            }
    })
}

/// The index of a question in the family's order (0 when the family does not ask it).
pub fn index(family: &Family, q: Question) -> usize {
    family.questions.iter().position(|&x| x == q).unwrap_or(0)
}

/// After an answer to `q`: the next question this reader has not seen yet (or a required one
/// still unanswered), or `None` when the questions are done.
pub fn next(
    family: &Family,
    answers: &Answers,
    q: Question,
    seen: &[Question],
) -> Option<Question> {
    let missing = first_unanswered(family, answers);
    family.questions[index(family, q) + 1..]
        .iter()
        .copied()
        .find(|&n| asks(n, answers) && (!seen.contains(&n) || Some(n) == missing))
}

/// The question before `q` that this reader is asked, if any.
pub fn previous(family: &Family, answers: &Answers, q: Question) -> Option<Question> {
    family.questions[..index(family, q)]
        .iter()
        .rev()
        .copied()
        .find(|&p| asks(p, answers))
}
