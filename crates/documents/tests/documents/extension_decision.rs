//! Quyết định gia hạn giải quyết tố cáo (NĐ31 Form 01).

use khien_documents::*;

use crate::docx_reader::{document_xml, text};
use crate::fixtures::*;

#[test]
fn states_the_criteria_and_the_new_deadline() {
    let all = text(&document_xml(&extension_decision(&extension()).unwrap()));
    for line in [
        "Số: 11/QĐ-TTT",
        "Phú Thọ, ngày 03 tháng 3 năm 2025",
        "QUYẾT ĐỊNH",
        "Về việc gia hạn giải quyết tố cáo",
        "Căn cứ Quyết định số 05/QĐ-TTT ngày 05/02/2025 về việc thụ lý tố cáo;",
        "Theo đề nghị của Tổ xác minh nội dung tố cáo.",
        "Điều 1. Gia hạn giải quyết tố cáo (lần thứ nhất) đối với ông Trần Văn Bình, Trưởng phòng \
Nghiệp vụ 2, Thanh tra tỉnh Phú Thọ đã được thụ lý tại Quyết định số 05/QĐ-TTT ngày 05/02/2025.",
        "Lý do gia hạn: vụ việc đặc biệt phức tạp theo quy định tại Điều 3 Nghị định số \
31/2019/NĐ-CP:",
        "- Phải xác minh tại nhiều địa điểm;",
        "- Nội dung tố cáo gồm nhiều nội dung khác nhau.",
        "Thời gian gia hạn là 30 ngày; thời hạn giải quyết tố cáo được kéo dài đến hết ngày \
07/04/2025.",
    ] {
        assert!(
            all.lines().any(|l| l == line),
            "missing line {line:?} in\n{all}"
        );
    }
    assert!(!all.contains(DENOUNCER_NAME));
}

#[test]
fn one_criterion_is_complex_and_allows_only_one_extension() {
    let mut facts = extension();
    facts.criteria = vec![
        ComplexityCriterion::ForeignElement,
        ComplexityCriterion::ForeignElement,
    ];
    let all = text(&document_xml(&extension_decision(&facts).unwrap()));
    assert!(all.contains("Lý do gia hạn: vụ việc phức tạp theo quy định"));
    facts.round = ExtensionRound::Second;
    assert!(matches!(
        extension_decision(&facts),
        Err(DocumentError::Missing(_))
    ));
}

#[test]
fn refuses_more_than_30_days_or_no_criterion() {
    let mut facts = extension();
    facts.extension_days = MAX_EXTENSION_DAYS + 1;
    assert!(extension_decision(&facts).is_err());
    let mut facts = extension();
    facts.criteria.clear();
    assert!(extension_decision(&facts).is_err());
}
