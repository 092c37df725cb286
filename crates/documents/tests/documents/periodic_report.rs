//! Báo cáo: the periodic report with its table of figures.

use khien_documents::*;

use crate::docx_reader::{document_xml, text};
use crate::fixtures::*;

pub fn report() -> PeriodicReport {
    let mut header = inspectorate(
        DocumentNumber::unnumbered(2026, DocumentKind::Report, "BNC"),
        day(2026, 12, 16),
    );
    header.issuing_body = "Ban Nội chính Tỉnh ủy".to_owned();
    PeriodicReport {
        header,
        subject: "Kết quả thực hiện Kế hoạch thực hiện Chỉ thị 27-CT/TW năm 2026".to_owned(),
        introduction: vec!["Số liệu từ ngày 15/12/2025 đến ngày 14/12/2026.".to_owned()],
        table_heading: "I. SỐ LIỆU".to_owned(),
        table: DataTable {
            header: vec!["Chỉ tiêu".into(), "TTT".into(), "SXD".into(), "Tổng".into()],
            rows: vec![
                DataRow {
                    cells: vec![
                        "Tiếp nhận trong kỳ".into(),
                        "3".into(),
                        "1".into(),
                        "4".into(),
                    ],
                    detail: false,
                },
                DataRow {
                    cells: vec!["Tố cáo".into(), "2".into(), "1".into(), "3".into()],
                    detail: true,
                },
            ],
        },
        sections_heading: "II. KẾT QUẢ THỰC HIỆN CỦA CÁC ĐƠN VỊ".to_owned(),
        sections: vec![ReportSection {
            heading: "1. Thanh tra tỉnh (TTT)".to_owned(),
            paragraphs: vec!["Đã quán triệt Chỉ thị.\nĐề xuất: tăng cường tập huấn.".to_owned()],
        }],
    }
}

#[test]
fn the_report_has_its_title_table_sections_and_a_blank_number() {
    let xml = document_xml(&periodic_report(&report()).unwrap());
    let all = text(&xml);
    for line in [
        "BAN NỘI CHÍNH TỈNH ỦY",
        "Số: \u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}/BC-BNC",
        "BÁO CÁO",
        "Kết quả thực hiện Kế hoạch thực hiện Chỉ thị 27-CT/TW năm 2026",
        "Phú Thọ, ngày 16 tháng 12 năm 2026",
        "I. SỐ LIỆU",
        "Tiếp nhận trong kỳ",
        "- Tố cáo",
        "1. Thanh tra tỉnh (TTT)",
        "Đã quán triệt Chỉ thị.",
        "Đề xuất: tăng cường tập huấn.",
    ] {
        assert!(all.lines().any(|l| l == line), "missing {line:?} in\n{all}");
    }
    // A ruled table with the four columns, every run in Times New Roman.
    assert_eq!(
        xml.matches("<w:tbl>").count(),
        3,
        "letterhead, figures, closing"
    );
    assert!(xml.contains("<w:gridCol w:w="));
    assert!(!xml.contains("w:ascii=\"Calibri\""));
}

#[test]
fn a_report_needs_a_report_number_and_a_square_table() {
    let mut wrong = report();
    wrong.header.number = number(1, DocumentKind::Decision);
    assert!(matches!(
        periodic_report(&wrong),
        Err(DocumentError::WrongNumberKind { .. })
    ));
    let mut ragged = report();
    ragged.table.rows[0].cells.pop();
    assert!(matches!(
        periodic_report(&ragged),
        Err(DocumentError::Missing(_))
    ));
}
