//! The consolidated report as DOCX (Decree 30/2020 layout): the figures of every unit
//! of the scope and their total, and each unit's own account. Figures and the units'
//! words only: no reporter, no case content.

use chrono::Datelike;
use khien_documents::{
    DataRow, DataTable, DocumentHeader, DocumentKind, DocumentNumber, PeriodicReport,
    ReportSection, SignatureBlock, SigningLine, periodic_report,
};
use khien_domain::reporting::{INDICATOR_LINES, PeriodKind, ReportPeriod};

use super::report_access::ReportScope;
use super::submission_status::{Status, deadline_of, scope_submissions};
use super::unit_figures::scope_figures;
use khien_documents::money::grouped;

use crate::vietnam_time::today_in_vietnam;
use crate::{AppError, AppState};

/// Past this many units the table shows the total only: A4 has room for no more.
const UNIT_COLUMNS: usize = 6;

/// "năm 2026", "quý I năm 2026", "6 tháng năm 2026".
fn period_words(period: ReportPeriod) -> String {
    let part = match period.kind() {
        PeriodKind::Annual => "",
        PeriodKind::Q1 => "quý I ",
        PeriodKind::Q2 => "quý II ",
        PeriodKind::Q3 => "quý III ",
        PeriodKind::Q4 => "quý IV ",
        PeriodKind::SixMonths => "6 tháng ",
        PeriodKind::NineMonths => "9 tháng ",
    };
    format!("{part}năm {}", period.year())
}

/// The DOCX bytes and a file name.
pub async fn report_document(
    state: &AppState,
    scope: &ReportScope,
    period: ReportPeriod,
) -> Result<(Vec<u8>, String), AppError> {
    let (figures, total) = scope_figures(state, scope, period).await?;
    let submissions = scope_submissions(state, scope, period).await?;
    let top = scope.top();
    let superior = match &top.parent_id {
        Some(parent) => state.store.unit_by_id(parent).await?,
        None => None,
    };
    let today = today_in_vietnam();
    let deadline = deadline_of(period);

    let per_unit = figures.len() <= UNIT_COLUMNS;
    let mut header = vec!["Chỉ tiêu".to_owned()];
    if per_unit {
        header.extend(figures.iter().map(|f| f.unit.code.as_str().to_owned()));
    }
    header.push("Tổng".to_owned());
    let rows = INDICATOR_LINES
        .iter()
        .map(|line| {
            let mut cells = vec![line.label_vi.to_owned()];
            if per_unit {
                cells.extend(figures.iter().map(|f| grouped((line.value)(&f.indicators))));
            }
            cells.push(grouped((line.value)(&total)));
            DataRow {
                cells,
                detail: line.detail,
            }
        })
        .collect();

    let count = |status: Status| submissions.iter().filter(|s| s.status == status).count();
    let not_submitted: Vec<&str> = submissions
        .iter()
        .filter(|s| s.submission.is_none())
        .map(|s| s.unit.code.as_str())
        .collect();
    let mut introduction = vec![format!(
        "Số liệu từ ngày {} đến ngày {}, tổng hợp từ hồ sơ vụ việc của {} đơn vị trên hệ thống \
         Khiên; báo cáo không nêu thông tin về người tố cáo và nội dung vụ việc.",
        period.starts_on().format("%d/%m/%Y"),
        period.ends_on().format("%d/%m/%Y"),
        figures.len(),
    )];
    introduction.push(format!(
        "Hạn gửi báo cáo: {}. Đã gửi {}/{} đơn vị (đúng hạn {}, muộn {}){}.",
        deadline.label_vi(),
        count(Status::OnTime) + count(Status::Late),
        submissions.len(),
        count(Status::OnTime),
        count(Status::Late),
        if not_submitted.is_empty() {
            String::new()
        } else {
            format!("; chưa gửi: {}", not_submitted.join(", "))
        },
    ));
    if !per_unit {
        introduction.push(
            "Bảng dưới đây nêu số tổng hợp; số liệu từng đơn vị kèm theo báo cáo của đơn vị."
                .to_owned(),
        );
    }
    let sections = submissions
        .iter()
        .enumerate()
        .map(|(i, row)| ReportSection {
            heading: format!(
                "{}. {} ({})",
                i + 1,
                row.unit.name.as_str(),
                row.unit.code.as_str()
            ),
            paragraphs: match &row.submission {
                Some(s) => vec![
                    format!(
                        "Báo cáo lần {}, gửi ngày {} ({}).",
                        s.revision,
                        crate::vietnam_time::date_in_vietnam(s.submitted_at),
                        row.status.label_vi().to_lowercase()
                    ),
                    s.narrative.clone(),
                ],
                None => vec![format!("{}.", row.status.label_vi())],
            },
        })
        .collect();

    let place = crate::document_place::place_of(state, top, superior.as_ref());
    let head = top
        .head_position
        .as_ref()
        .map_or("Thủ trưởng đơn vị".to_owned(), |p| {
            p.as_str().to_owned()
        });
    let facts = PeriodicReport {
        header: DocumentHeader {
            superior_body: superior.map(|u| u.name.as_str().to_owned()),
            issuing_body: top.name.as_str().to_owned(),
            number: crate::document_place::numbering_of(
                top,
                DocumentNumber::unnumbered(today.year(), DocumentKind::Report, ""),
            ),
            place,
            date: today,
            signature: SignatureBlock {
                lines: vec![SigningLine::position(head)],
                // Signed by hand once printed and numbered.
                name: String::new(),
            },
            recipients: vec!["Ban Thường vụ Tỉnh ủy (để báo cáo)".to_owned()],
        },
        subject: format!(
            "Kết quả thực hiện Kế hoạch thực hiện Chỉ thị số 27-CT/TW của Bộ Chính trị {}",
            period_words(period)
        ),
        introduction,
        table_heading: "I. SỐ LIỆU".to_owned(),
        table: DataTable { header, rows },
        sections_heading: "II. KẾT QUẢ THỰC HIỆN CỦA CÁC ĐƠN VỊ".to_owned(),
        sections,
    };
    let bytes = periodic_report(&facts).map_err(AppError::internal)?;
    Ok((
        bytes,
        format!("bao-cao-{}-{}.docx", period.code(), top.code.as_str()),
    ))
}
