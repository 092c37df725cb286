//! Quyết định thụ lý tố cáo (NĐ31 Form 04).

use khien_documents::*;

use crate::docx_reader::{document_xml, paragraph_containing, text};
use crate::fixtures::*;

#[test]
fn states_the_number_title_bases_accused_contents_team_and_deadline() {
    let docx = acceptance_decision(&acceptance()).unwrap();
    let xml = document_xml(&docx);
    let all = text(&xml);
    for line in [
        "ỦY BAN NHÂN DÂN",
        "TỈNH PHÚ THỌ",
        "THANH TRA TỈNH",
        "Số: 05/QĐ-TTT",
        "Phú Thọ, ngày 05 tháng 02 năm 2025",
        "QUYẾT ĐỊNH",
        "Về việc thụ lý tố cáo",
        "CHÁNH THANH TRA TỈNH PHÚ THỌ",
        "Căn cứ Luật Tố cáo ngày 12 tháng 6 năm 2018;",
        "Theo đề nghị của Trưởng phòng Tiếp công dân và Xử lý đơn.",
        "QUYẾT ĐỊNH:",
        "Điều 1. Thụ lý tố cáo đối với ông Trần Văn Bình, Trưởng phòng Nghiệp vụ 2, Thanh tra tỉnh \
Phú Thọ (đơn tố cáo nhận ngày 22/01/2025).",
        "1. Trong cuộc thanh tra việc quản lý, sử dụng đất tại Công ty TNHH Xây dựng Hưng Phát năm \
2024, ông Trần Văn Bình nhận 150.000.000 đồng của Công ty để bỏ qua vi phạm;",
        "2. Ông Trần Văn Bình chỉ đạo sửa biên bản làm việc ngày 14/10/2024, làm sai lệch kết quả \
thanh tra.",
        "Điều 2. Thành lập Tổ xác minh nội dung tố cáo gồm:",
        "1. Ông Lê Văn Cường, Phó Chánh Thanh tra tỉnh – Tổ trưởng;",
        "2. Bà Phạm Thị Dung, Thanh tra viên chính – Thành viên.",
        "Thời hạn giải quyết tố cáo là 30 ngày kể từ ngày thụ lý tố cáo, đến hết ngày 07/03/2025.",
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Thanh tra tỉnh, Tổ xác \
minh, ông Trần Văn Bình chịu trách nhiệm thi hành Quyết định này./.",
        "- Như Điều 3;",
        "CHÁNH THANH TRA",
        "Nguyễn Hữu Phúc",
    ] {
        assert!(
            all.lines().any(|l| l == line),
            "missing line {line:?} in\n{all}"
        );
    }
}

#[test]
fn number_date_and_title_are_formatted_per_decree_30() {
    let xml = document_xml(&acceptance_decision(&acceptance()).unwrap());
    let date = paragraph_containing(&xml, "Phú Thọ, ngày 05 tháng 02 năm 2025");
    assert!(date.contains("<w:i />"), "date line not italic");
    let title = paragraph_containing(&xml, "QUYẾT ĐỊNH");
    assert!(title.contains("<w:b />") && title.contains(r#"<w:sz w:val="28" />"#));
    let issuer = paragraph_containing(&xml, "THANH TRA TỈNH");
    assert!(issuer.contains("<w:b />"), "issuing body not bold");
    let number = paragraph_containing(&xml, "Số: 05/QĐ-TTT");
    assert!(
        number.contains(r#"<w:sz w:val="26" />"#),
        "number not 13 pt"
    );
    let basis = paragraph_containing(&xml, "Căn cứ Luật Tố cáo");
    assert!(basis.contains("<w:i />"), "legal bases not italic");
}

#[test]
fn a_single_verifier_or_body_is_assigned_in_article_2() {
    let mut facts = acceptance();
    facts.verifier = Verifier::Official(Official {
        honorific: Honorific::Ba,
        name: "Phạm Thị Dung".to_owned(),
        position: "Thanh tra viên chính".to_owned(),
    });
    let all = text(&document_xml(&acceptance_decision(&facts).unwrap()));
    assert!(all.contains(
        "Điều 2. Giao bà Phạm Thị Dung, Thanh tra viên chính, tiến hành xác minh nội dung tố cáo"
    ));
    facts.verifier = Verifier::Body("Phòng Nghiệp vụ 1".to_owned());
    let all = text(&document_xml(&acceptance_decision(&facts).unwrap()));
    assert!(all.contains("Điều 2. Giao Phòng Nghiệp vụ 1 tiến hành xác minh"));
}

#[test]
fn refuses_a_wrong_number_kind_year_or_missing_fact() {
    let mut facts = acceptance();
    facts.header.number.kind = DocumentKind::Notice;
    assert!(matches!(
        acceptance_decision(&facts),
        Err(DocumentError::WrongNumberKind { .. })
    ));

    let mut facts = acceptance();
    facts.header.number.year = 2024;
    assert!(matches!(
        acceptance_decision(&facts),
        Err(DocumentError::NumberYear { .. })
    ));

    let mut facts = acceptance();
    facts.contents = vec![" ".to_owned()];
    assert!(matches!(
        acceptance_decision(&facts),
        Err(DocumentError::Missing(_))
    ));

    let mut facts = acceptance();
    facts.header.signature.name.clear();
    assert!(matches!(
        acceptance_decision(&facts),
        Err(DocumentError::Missing(_))
    ));

    let mut facts = acceptance();
    facts.deadline = facts.header.date;
    assert!(matches!(
        acceptance_decision(&facts),
        Err(DocumentError::DateOrder(_))
    ));
}

#[test]
fn does_not_name_the_denouncer() {
    // The struct has no field for the denouncer; this guards against a fixture or a
    // future field smuggling the name in.
    let all = text(&document_xml(&acceptance_decision(&acceptance()).unwrap()));
    assert!(!all.contains(DENOUNCER_NAME));
    assert!(!all.contains(DENOUNCER_ADDRESS));
}
