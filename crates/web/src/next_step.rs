//! The next statutory step of a case and its due date, as the reporter and the
//! handler see it: the earliest running deadline kept in the case's clock columns
//! (the fold of its events), or, for a case whose clock is not computed yet, the
//! first step after receipt.

use chrono::NaiveDate;
use khien_domain::case_file::Stage;
use khien_domain::intake::ReportKind;
use khien_domain::rules::RulePacks;
use khien_store::intake::CaseSummary;

use crate::AppState;

/// A step in words, with its due date when the law sets one.
pub struct NextStep {
    /// In Vietnamese.
    pub text_vi: String,
    /// In English.
    pub text_en: String,
    /// The last day, from the rule pack in force on the receipt date.
    pub due: Option<NaiveDate>,
}

/// What comes next for a case.
pub fn next_statutory_step(state: &AppState, case: &CaseSummary) -> NextStep {
    if let Some((kind, due)) = case.next_due {
        return NextStep {
            text_vi: kind.label_vi().into(),
            text_en: kind.label_en().into(),
            due: Some(due),
        };
    }
    if case.suspended {
        return NextStep {
            text_vi: "Việc giải quyết đang tạm đình chỉ; thời hạn tạm dừng (Luật Tố cáo, Điều 34)."
                .into(),
            text_en: "Resolution is suspended; the time limit is paused (Law on Denunciation, \
                      Art. 34)."
                .into(),
            due: None,
        };
    }
    if case.stage != Stage::Received {
        return NextStep {
            text_vi: format!(
                "{}: không còn thời hạn nào đang chạy.",
                case.stage.label_vi()
            ),
            text_en: format!("{}: no time limit is running.", case.stage.label_en()),
            due: None,
        };
    }
    first_step(state, case)
}

/// The first step after receipt, from the receipt date alone.
fn first_step(state: &AppState, case: &CaseSummary) -> NextStep {
    if case.anonymous {
        return NextStep {
            text_vi: "Nội dung nặc danh được xử lý như thông tin phục vụ thanh tra, kiểm tra \
                      (Luật Tố cáo, Điều 25); pháp luật không quy định thời hạn."
                .into(),
            text_en: "Anonymous information is handled as information for inspection \
                      (Law on Denunciation, Art. 25); the law sets no deadline."
                .into(),
            due: None,
        };
    }
    let pack = RulePacks::builtin().in_force_on(case.received_on).ok();
    let (rule, text_vi, text_en) = match case.kind {
        ReportKind::Denunciation => (
            pack.map(|pack| &pack.acceptance),
            "Vào sổ, phân loại, kiểm tra điều kiện thụ lý và thông báo (Luật Tố cáo, Điều 24).",
            "Registration, classification and the acceptance check, with notice to you \
             (Law on Denunciation, Art. 24).",
        ),
        ReportKind::Reflection | ReportKind::Petition => (
            pack.map(|pack| &pack.petition_reply),
            "Trả lời hoặc thông báo việc tiếp nhận, xử lý (Luật Tiếp công dân, Điều 28).",
            "A reply, or notice of how it is being handled (Law on Citizen Reception, Art. 28).",
        ),
    };
    let due = rule.and_then(|rule| rule.period.due_from(case.received_on, &state.calendar).ok());
    NextStep {
        text_vi: text_vi.into(),
        text_en: text_en.into(),
        due,
    }
}
