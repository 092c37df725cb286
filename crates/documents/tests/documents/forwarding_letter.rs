//! Công văn chuyển đơn tố cáo.

use khien_documents::*;

use crate::docx_reader::{document_xml, paragraph_containing, text};
use crate::fixtures::*;

#[test]
fn forwards_to_the_competent_body_with_the_reason() {
    let xml = document_xml(&forwarding_letter(&forwarding()).unwrap());
    let all = text(&xml);
    for line in [
        "ỦY BAN NHÂN DÂN",
        "XÃ THANH SƠN",
        "Số: 12/UBND-VP",
        "V/v chuyển đơn tố cáo",
        "Thanh Sơn, ngày 05 tháng 02 năm 2025",
        "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Phú Thọ",
        "Ngày 30/01/2025, Ủy ban nhân dân xã Thanh Sơn nhận được đơn tố cáo đối với ông Hà Văn \
Đức, Giám đốc Ban Quản lý dự án đầu tư xây dựng tỉnh Phú Thọ về việc: chỉ đạo nghiệm thu khống \
khối lượng thi công cầu Ngọc Lập.",
        "Căn cứ khoản 2 Điều 24 Luật Tố cáo, nội dung tố cáo nêu trên không thuộc thẩm quyền giải \
quyết của Ủy ban nhân dân xã Thanh Sơn: ông Hà Văn Đức là người đứng đầu đơn vị sự nghiệp công \
lập trực thuộc Ủy ban nhân dân tỉnh, việc giải quyết thuộc thẩm quyền của Chủ tịch Ủy ban nhân \
dân tỉnh theo khoản 1 Điều 12 Luật Tố cáo.",
        "Ủy ban nhân dân xã Thanh Sơn chuyển đơn tố cáo và các tài liệu kèm theo đến Chủ tịch Ủy \
ban nhân dân tỉnh Phú Thọ để xem xét, giải quyết theo thẩm quyền.",
        "- Như trên;",
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Đinh Thị Hoa",
    ] {
        assert!(
            all.lines().any(|l| l == line),
            "missing line {line:?} in\n{all}"
        );
    }
    // A letter has no title block; its subject sits under the number, 12 pt.
    assert!(!all.contains("QUYẾT ĐỊNH"));
    let subject = paragraph_containing(&xml, "V/v chuyển đơn tố cáo");
    assert!(subject.contains(r#"<w:sz w:val="24" />"#));
}

#[test]
fn asks_for_the_denouncer_to_be_kept_secret_without_naming_them() {
    let all = text(&document_xml(&forwarding_letter(&forwarding()).unwrap()));
    assert!(all.contains("Đề nghị giữ bí mật họ tên, địa chỉ, bút tích"));
    assert!(!all.contains(DENOUNCER_NAME));
}

#[test]
fn needs_a_letter_number() {
    let mut facts = forwarding();
    facts.header.number.kind = DocumentKind::Notice;
    assert!(matches!(
        forwarding_letter(&facts),
        Err(DocumentError::WrongNumberKind { .. })
    ));
}
