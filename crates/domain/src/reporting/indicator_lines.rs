//! The lines of the indicators table, in the order every screen and document shows
//! them, with their labels: one list, so the console, the API and the DOCX agree.

use super::indicators::Indicators;

/// One line of the table.
#[derive(Debug, Clone, Copy)]
pub struct IndicatorLine {
    /// The field's name in JSON.
    pub key: &'static str,
    pub label_vi: &'static str,
    pub label_en: &'static str,
    /// A sub-line ("trong đó"): indented under the line above.
    pub detail: bool,
    /// Its value in a set of indicators.
    pub value: fn(&Indicators) -> u64,
}

const fn line(
    key: &'static str,
    label_vi: &'static str,
    label_en: &'static str,
    detail: bool,
    value: fn(&Indicators) -> u64,
) -> IndicatorLine {
    IndicatorLine {
        key,
        label_vi,
        label_en,
        detail,
        value,
    }
}

/// Every line, top to bottom.
pub const INDICATOR_LINES: [IndicatorLine; 28] = [
    line(
        "carried_over",
        "Kỳ trước chuyển sang",
        "Carried over",
        false,
        |i| i.carried_over,
    ),
    line(
        "received",
        "Tiếp nhận trong kỳ",
        "Received in the period",
        false,
        Indicators::received,
    ),
    line(
        "received_denunciations",
        "Tố cáo",
        "Denunciations",
        true,
        |i| i.received_denunciations,
    ),
    line(
        "received_petitions",
        "Phản ánh, kiến nghị",
        "Reflections and petitions",
        true,
        |i| i.received_petitions,
    ),
    line(
        "received_re_denunciations",
        "Tố cáo tiếp",
        "Re-denunciations",
        true,
        |i| i.received_re_denunciations,
    ),
    line("received_anonymous", "Nặc danh", "Anonymous", true, |i| {
        i.received_anonymous
    }),
    line(
        "counted",
        "Tổng số phải xử lý (chuyển sang + tiếp nhận)",
        "Total to handle (carried over + received)",
        false,
        Indicators::counted,
    ),
    line("accepted", "Đã thụ lý", "Accepted", false, |i| {
        i.accepted
    }),
    line(
        "finished",
        "Đã xử lý, giải quyết xong",
        "Finished",
        false,
        Indicators::finished,
    ),
    line(
        "not_accepted",
        "Không thụ lý",
        "Not accepted",
        true,
        |i| i.not_accepted,
    ),
    line(
        "forwarded",
        "Chuyển đơn đến cơ quan có thẩm quyền",
        "Forwarded",
        true,
        |i| i.forwarded,
    ),
    line(
        "transferred_to_investigation",
        "Chuyển cơ quan điều tra, viện kiểm sát",
        "Transferred to investigation",
        true,
        |i| i.transferred_to_investigation,
    ),
    line(
        "handled_as_information",
        "Xử lý như thông tin (nặc danh)",
        "Handled as information",
        true,
        |i| i.handled_as_information,
    ),
    line(
        "petitions_answered",
        "Trả lời phản ánh, kiến nghị",
        "Petitions answered",
        true,
        |i| i.petitions_answered,
    ),
    line(
        "resolved_correct",
        "Kết luận tố cáo đúng",
        "Concluded: correct",
        true,
        |i| i.resolved_correct,
    ),
    line(
        "resolved_partly_correct",
        "Kết luận tố cáo đúng một phần",
        "Concluded: partly correct",
        true,
        |i| i.resolved_partly_correct,
    ),
    line(
        "resolved_false",
        "Kết luận tố cáo sai",
        "Concluded: false",
        true,
        |i| i.resolved_false,
    ),
    line("withdrawn", "Rút tố cáo", "Withdrawn", true, |i| {
        i.withdrawn
    }),
    line(
        "terminated",
        "Đình chỉ giải quyết",
        "Terminated",
        true,
        |i| i.terminated,
    ),
    line(
        "re_denunciations_reviewed",
        "Xem xét tố cáo tiếp, giữ nguyên kết luận",
        "Re-denunciations reviewed",
        true,
        |i| i.re_denunciations_reviewed,
    ),
    line(
        "amount_to_recover_vnd",
        "Kiến nghị thu hồi (đồng)",
        "To recover (VND)",
        false,
        |i| i.amount_to_recover_vnd,
    ),
    line(
        "persons_to_discipline",
        "Kiến nghị xử lý kỷ luật (người)",
        "Persons recommended for discipline",
        false,
        |i| i.persons_to_discipline,
    ),
    line(
        "false_reports_flagged",
        "Tố cáo sai đưa vào xem xét trách nhiệm",
        "False reports flagged",
        false,
        |i| i.false_reports_flagged,
    ),
    line(
        "resolved",
        "Giải quyết xong trong kỳ (kết luận, đình chỉ)",
        "Resolved in the period",
        false,
        |i| i.resolved_on_time + i.resolved_late,
    ),
    line("resolved_on_time", "Đúng hạn", "On time", true, |i| {
        i.resolved_on_time
    }),
    line("resolved_late", "Quá hạn", "Late", true, |i| {
        i.resolved_late
    }),
    line(
        "open_at_end",
        "Đang giải quyết cuối kỳ",
        "Open at the period's end",
        false,
        |i| i.open_at_end,
    ),
    line(
        "overdue_at_end",
        "Quá hạn chưa giải quyết",
        "Of which overdue",
        true,
        |i| i.overdue_at_end,
    ),
];
