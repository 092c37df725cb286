//! A request's protection as labelled lines, for the console's pages and the
//! printable protection file.

use chrono::NaiveDate;
use khien_domain::protection::{DecisionOutcome, ProtectionDeadline};

use super::case_protection::RequestView;
use crate::language::Language;
use crate::legal_basis::basis_shown;
use crate::vietnam_time::format_in_vietnam;

/// A label and its text.
pub type Line = (&'static str, String);

fn date(day: NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

fn join<T>(items: &[T], label: impl Fn(&T) -> &'static str) -> String {
    items.iter().map(label).collect::<Vec<_>>().join("; ")
}

/// One deadline as a table row shows it.
pub struct DeadlineLine {
    /// The step.
    pub step: &'static str,
    /// The body.
    pub body: &'static str,
    /// The due date, or "promptly" / "immediately".
    pub due: String,
    /// Days left, overdue, or done.
    pub status: String,
    /// `open`, `overdue`, `done`, `promptly`.
    pub class: &'static str,
    /// The basis, marked when unverified.
    pub basis: String,
}

/// A deadline as a table row shows it, with the days left.
pub fn deadline_line(lang: Language, deadline: &ProtectionDeadline) -> DeadlineLine {
    let due = match (deadline.due, deadline.immediately) {
        (Some(due), _) => date(due),
        (None, true) => lang
            .pick(
                "Ngay (khẩn cấp; luật không quy định số ngày)",
                "Immediately (urgent; no day count in the law)",
            )
            .to_owned(),
        (None, false) => lang
            .pick(
                "Kịp thời (luật không quy định số ngày)",
                "Promptly (no day count in the law)",
            )
            .to_owned(),
    };
    let (class, status) = match (deadline.done_on, deadline.days_left) {
        (Some(done), _) => (
            "done",
            format!("{} {}", lang.pick("Xong", "Done"), date(done)),
        ),
        (None, Some(left)) if left < 0 => (
            "overdue",
            format!(
                "{} {} {}",
                lang.pick("Quá hạn", "Overdue by"),
                -left,
                lang.pick("ngày", "days")
            ),
        ),
        (None, Some(left)) => (
            "open",
            match lang {
                Language::Vi => format!("Còn {left} ngày"),
                Language::En => format!("{left} days left"),
            },
        ),
        (None, None) => ("promptly", String::new()),
    };
    DeadlineLine {
        step: lang.pick(deadline.step.label_vi(), deadline.step.label_en()),
        body: lang.pick(deadline.body.label_vi(), deadline.body.label_en()),
        due,
        status,
        class,
        basis: basis_shown(lang, &deadline.basis_vi, &deadline.basis, deadline.verified),
    }
}

/// The request itself: when, how, who, what, why, and where it stands.
pub fn request_lines(lang: Language, view: &RequestView) -> Vec<Line> {
    let stored = &view.stored;
    let mut lines: Vec<Line> = vec![
        (
            lang.pick("Ngày đề nghị", "Requested on"),
            date(stored.received_on),
        ),
        (
            lang.pick("Hình thức", "How"),
            lang.pick(stored.channel.label_vi(), stored.channel.label_en())
                .to_owned(),
        ),
        (
            lang.pick("Người được bảo vệ", "Persons"),
            join(&stored.request.persons, |p| {
                lang.pick(p.label_vi(), p.label_en())
            }),
        ),
        (
            lang.pick("Nội dung bảo vệ", "Interests"),
            join(&stored.request.interests, |i| {
                lang.pick(i.label_vi(), i.label_en())
            }),
        ),
        (
            lang.pick("Lý do", "Reasons"),
            stored.request.situation.clone(),
        ),
        (lang.pick("Tình trạng", "Status"), view.status(lang)),
    ];
    if !stored.request.id_numbers.is_empty() {
        lines.push((
            lang.pick("Đã có số CMND/CCCD của", "ID numbers given for"),
            join(&stored.request.id_numbers, |n| {
                lang.pick(n.person.label_vi(), n.person.label_en())
            }),
        ));
    }
    if let Some(by) = &stored.recorded_by {
        lines.push((lang.pick("Cán bộ ghi nhận", "Recorded by"), by.clone()));
    }
    if stored.channel.needs_written_confirmation() {
        lines.push((
            lang.pick("Xác nhận bằng văn bản", "Confirmed in writing"),
            stored.confirmed_in_writing_on.map(date).unwrap_or_else(|| {
                lang.pick("Chưa — cần bổ sung", "Not yet — to be confirmed")
                    .to_owned()
            }),
        ));
    }
    lines
}

/// Who decides on what (LTC Art. 49): the proposal shown on the request.
pub fn routing_lines(lang: Language, view: &RequestView) -> Vec<Line> {
    view.routed
        .iter()
        .map(|routed| {
            let mut interests = join(&routed.interests, |i| lang.pick(i.label_vi(), i.label_en()));
            if !routed.if_within_own_management.is_empty() {
                if !interests.is_empty() {
                    interests.push_str("; ");
                }
                interests.push_str(&format!(
                    "{} ({})",
                    join(&routed.if_within_own_management, |i| lang
                        .pick(i.label_vi(), i.label_en())),
                    lang.pick(
                        "nếu thuộc phạm vi quản lý của mình",
                        "if within its own management"
                    )
                ));
            }
            (
                lang.pick(routed.body.label_vi(), routed.body.label_en()),
                interests,
            )
        })
        .collect()
}

/// The decision, its measures and their end.
pub fn decision_lines(lang: Language, view: &RequestView) -> Vec<Line> {
    let mut lines = Vec::new();
    let Some(stored) = &view.decision else {
        return lines;
    };
    let d = &stored.decision;
    lines.push((
        lang.pick("Quyết định", "Decision"),
        format!(
            "{} — {} — {} {}",
            date(d.decided_on),
            lang.pick(d.body.label_vi(), d.body.label_en()),
            lang.pick("ghi nhận bởi", "recorded by"),
            stored.decided_by
        ),
    ));
    match &d.outcome {
        DecisionOutcome::Measures(measures) => {
            for measure in &measures.measures {
                lines.push((
                    lang.pick(measure.group().label_vi(), measure.group().label_en()),
                    lang.pick(measure.label_vi(), measure.label_en()).to_owned(),
                ));
            }
            if let Some(other) = &measures.other {
                lines.push((lang.pick("Biện pháp khác", "Other measures"), other.clone()));
            }
            lines.push((
                lang.pick("Đơn vị thực hiện", "Carried out by"),
                measures.implemented_by.clone(),
            ));
            lines.push((lang.pick("Từ ngày", "From"), date(measures.starts_on)));
            lines.push((
                lang.pick("Hỏi \"Bạn có an toàn không?\"", "Asks \"Are you safe?\""),
                match lang {
                    Language::Vi => format!("{} ngày một lần", measures.check_in_every_days),
                    Language::En => format!("every {} days", measures.check_in_every_days),
                },
            ));
        }
        DecisionOutcome::Refusal { reasons } => {
            lines.push((
                lang.pick("Lý do từ chối", "Reasons for refusal"),
                reasons.clone(),
            ));
        }
    }
    if let Some(end) = &stored.ended {
        lines.push((
            lang.pick("Chấm dứt", "Ended"),
            format!(
                "{} — {} — {}{}",
                date(end.ended_on),
                lang.pick(end.reason.label_vi(), end.reason.label_en()),
                end.by,
                end.note
                    .as_ref()
                    .map(|n| format!(" — {n}"))
                    .unwrap_or_default()
            ),
        ));
    }
    lines
}

/// The reporter's check-in answers.
pub fn check_in_lines(lang: Language, view: &RequestView) -> Vec<String> {
    view.check_ins
        .iter()
        .map(|c| {
            format!(
                "{} — {}{}",
                format_in_vietnam(c.answered_at),
                lang.pick(c.answer.label_vi(), c.answer.label_en()),
                c.note
                    .as_ref()
                    .map(|n| format!(" — {n}"))
                    .unwrap_or_default()
            )
        })
        .collect()
}
