//! What the reporter is told of their case's history, as the law requires: the
//! acceptance (LTC Art. 29(3)), a refusal with its grounds (Art. 24(1)), forwarding
//! and to which unit (Art. 24(2)), a transfer for criminal signs, an extension
//! (Art. 30), a suspension and its end, a termination (Art. 34(4)), the conclusion
//! (Art. 35(3)) and its publication (Art. 40), and the reply to a petition. Never
//! who handled it, nor the verification's steps.

use chrono::NaiveDate;
use khien_domain::accounts::UnitCode;
use khien_domain::case_file::{CaseEvent, Finding};
use khien_store::workflow::StoredEvent;
use serde_json::{Value, json};

use crate::AppState;

/// One notice.
pub struct ReporterNotice {
    /// The event's kind.
    pub kind: &'static str,
    /// The date on the act.
    pub date: NaiveDate,
    /// In Vietnamese.
    pub vi: String,
    /// In English.
    pub en: String,
}

impl ReporterNotice {
    /// As the API shows it.
    pub fn to_json(&self) -> Value {
        json!({"kind": self.kind, "date": self.date.to_string(), "vi": self.vi, "en": self.en})
    }
}

/// The notices of a decrypted history, oldest first.
pub async fn reporter_notices(state: &AppState, events: &[StoredEvent]) -> Vec<ReporterNotice> {
    let mut notices = Vec::new();
    for stored in events {
        let event = &stored.event;
        let (vi, en) = match event {
            CaseEvent::Accepted { .. } => (
                "Đơn tố cáo đã được thụ lý để giải quyết.".to_owned(),
                "Your denunciation was accepted for resolution.".to_owned(),
            ),
            CaseEvent::NotAccepted { grounds, .. } => (
                format!("Đơn không được thụ lý. Lý do: {grounds}"),
                format!("The report was not accepted. Grounds: {grounds}"),
            ),
            // Khiên will hear nothing more of it: say so, promise no updates.
            CaseEvent::Forwarded {
                outside: Some(body),
                ..
            } => (
                format!(
                    "Đơn đã được chuyển bằng văn bản đến {body}, cơ quan có thẩm quyền giải \
                     quyết. Từ nay việc giải quyết do cơ quan này thực hiện ngoài Khiên; Khiên \
                     không nhận được thông tin cập nhật về đơn của bạn."
                ),
                format!(
                    "The report was forwarded by letter to {body}, the competent body. It is \
                     handled there, outside Khiên, from now on; Khiên receives no updates on \
                     your report."
                ),
            ),
            CaseEvent::Forwarded { to_unit, .. } => {
                let name = unit_name(state, to_unit).await;
                (
                    format!("Đơn đã được chuyển đến {name}, cơ quan có thẩm quyền giải quyết."),
                    format!("The report was forwarded to {name}, the competent unit."),
                )
            }
            CaseEvent::TransferredCriminal { .. } => (
                "Nội dung có dấu hiệu tội phạm đã được chuyển cơ quan điều tra hoặc viện kiểm sát."
                    .to_owned(),
                "Content with signs of a crime was transferred to the investigation agency or \
                 procuracy."
                    .to_owned(),
            ),
            CaseEvent::Extended { .. } => (
                "Thời hạn giải quyết đã được gia hạn do vụ việc phức tạp.".to_owned(),
                "The time limit for resolution was extended: the case is complex.".to_owned(),
            ),
            CaseEvent::Suspended { reason, .. } => (
                format!("Việc giải quyết tạm đình chỉ. Lý do: {reason}"),
                format!("Resolution is suspended. Reason: {reason}"),
            ),
            CaseEvent::Resumed { .. } => (
                "Việc giải quyết được tiếp tục.".to_owned(),
                "Resolution has resumed.".to_owned(),
            ),
            CaseEvent::Terminated { .. } => (
                "Việc giải quyết tố cáo đã bị đình chỉ.".to_owned(),
                "The resolution of the denunciation was terminated.".to_owned(),
            ),
            CaseEvent::Concluded { finding, .. } => {
                let (vi, en) = match finding {
                    Finding::Correct => ("đúng", "correct"),
                    Finding::PartlyCorrect => ("đúng một phần", "partly correct"),
                    Finding::False => ("sai", "untrue"),
                };
                (
                    format!("Đã có kết luận nội dung tố cáo: tố cáo {vi}."),
                    format!("A conclusion was issued: the denunciation was found {en}."),
                )
            }
            CaseEvent::Published { from, until, .. } => (
                format!(
                    "Kết luận được công khai từ {} đến {} (không kèm thông tin về bạn).",
                    from.format("%d/%m/%Y"),
                    until.format("%d/%m/%Y")
                ),
                format!("The conclusion is published from {from} to {until} (nothing about you)."),
            ),
            CaseEvent::PetitionReplied { .. } => (
                "Cơ quan đã trả lời phản ánh, kiến nghị của bạn.".to_owned(),
                "The unit has replied to your reflection or petition.".to_owned(),
            ),
            _ => continue,
        };
        notices.push(ReporterNotice {
            kind: event.name(),
            date: event.effective_on(),
            vi,
            en,
        });
    }
    notices
}

/// A unit's name from its code, or the code if it is not found.
async fn unit_name(state: &AppState, code: &str) -> String {
    let Ok(parsed) = UnitCode::parse(code) else {
        return code.to_owned();
    };
    match state.store.unit_by_code(&parsed).await {
        Ok(Some(unit)) => unit.name.as_str().to_owned(),
        _ => code.to_owned(),
    }
}
