//! Thông báo về việc không thụ lý tố cáo: the one document that names the denouncer,
//! because it is addressed to them.

use khien_documents::*;

use crate::docx_reader::{document_xml, text};
use crate::fixtures::*;

#[test]
fn is_addressed_to_the_denouncer_with_the_grounds() {
    let all = text(&document_xml(
        &non_acceptance_notice(&non_acceptance()).unwrap(),
    ));
    for line in [
        "Số: 03/TB-TTT",
        "Phú Thọ, ngày 27 tháng 01 năm 2025",
        "THÔNG BÁO",
        "Về việc không thụ lý tố cáo",
        "Kính gửi: Ông Nguyễn Văn An",
        "Ngày 20/01/2025, Thanh tra tỉnh nhận được đơn tố cáo của ông Nguyễn Văn An, địa chỉ: Khu \
5, xã Thanh Sơn, tỉnh Phú Thọ, tố cáo Ban Quản lý dự án đầu tư xây dựng tỉnh Phú Thọ về việc: có \
sai phạm trong đấu thầu các gói thầu của dự án đường tỉnh 316.",
        "- Đơn tố cáo chưa đáp ứng quy định tại Điều 23 Luật Tố cáo (điểm a khoản 1 Điều 29 Luật \
Tố cáo): đơn không có chữ ký hoặc điểm chỉ của người tố cáo;",
        "- Nội dung tố cáo không có cơ sở để xác định người vi phạm, hành vi vi phạm pháp luật \
(điểm d khoản 1 Điều 29 Luật Tố cáo).",
        "Thanh tra tỉnh thông báo để ông Nguyễn Văn An được biết./.",
        "KT. CHÁNH THANH TRA",
        "PHÓ CHÁNH THANH TRA",
        "Hoàng Minh Tuấn",
    ] {
        assert!(
            all.lines().any(|l| l == line),
            "missing line {line:?} in\n{all}"
        );
    }
}

#[test]
fn needs_a_notice_number_and_a_ground() {
    let mut facts = non_acceptance();
    facts.header.number.kind = DocumentKind::Decision;
    assert!(matches!(
        non_acceptance_notice(&facts),
        Err(DocumentError::WrongNumberKind { .. })
    ));
    let mut facts = non_acceptance();
    facts.grounds.clear();
    assert!(matches!(
        non_acceptance_notice(&facts),
        Err(DocumentError::Missing(_))
    ));
}
