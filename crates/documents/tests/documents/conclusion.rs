//! Kết luận nội dung tố cáo (NĐ31 Form 12), and the secrecy of the denouncer in it.

use khien_documents::*;

use crate::docx_reader::{document_xml, part, part_names, text};
use crate::fixtures::*;

#[test]
fn states_findings_verdicts_measures_amounts_and_discipline() {
    let xml = document_xml(&conclusion(&conclusion_facts()).unwrap());
    let all = text(&xml);
    for line in [
        "Số: 02/KL-TTT",
        "Phú Thọ, ngày 02 tháng 4 năm 2025",
        "KẾT LUẬN",
        "Nội dung tố cáo đối với ông Trần Văn Bình, Trưởng phòng Nghiệp vụ 2, Thanh tra tỉnh Phú Thọ",
        "Ngày 05/02/2025, Chánh Thanh tra tỉnh Phú Thọ ban hành Quyết định số 05/QĐ-TTT ngày \
05/02/2025 về việc thụ lý tố cáo đối với ông Trần Văn Bình, Trưởng phòng Nghiệp vụ 2, Thanh tra \
tỉnh Phú Thọ.",
        "1. Kết quả xác minh nội dung tố cáo",
        "1.1. Nội dung 1: Nhận 150.000.000 đồng của Công ty TNHH Xây dựng Hưng Phát",
        "Kết luận: nội dung tố cáo này là đúng một phần.",
        "1.2. Nội dung 2: Chỉ đạo sửa biên bản làm việc ngày 14/10/2024",
        "Kết luận: nội dung tố cáo này là sai.",
        "2. Kết luận",
        "Tố cáo đối với ông Trần Văn Bình, Trưởng phòng Nghiệp vụ 2, Thanh tra tỉnh Phú Thọ là tố \
cáo đúng một phần.",
        "3. Biện pháp xử lý theo thẩm quyền và kiến nghị",
        "- Thu hồi số tiền ông Trần Văn Bình đã nhận của Công ty TNHH Xây dựng Hưng Phát: \
120.000.000 đồng;",
        "- Đối với ông Trần Văn Bình, Trưởng phòng Nghiệp vụ 2: xem xét xử lý kỷ luật theo quy \
định;",
        "- Chuyển hồ sơ vụ việc đến Cơ quan Cảnh sát điều tra Công an tỉnh Phú Thọ để xem xét, xử \
lý theo quy định của pháp luật về tố tụng hình sự.",
    ] {
        assert!(
            all.lines().any(|l| l == line),
            "missing line {line:?} in\n{all}"
        );
    }
}

#[test]
fn the_conclusion_symbol_is_configurable() {
    let mut facts = conclusion_facts();
    facts.header.number.kind = DocumentKind::Conclusion {
        symbol: "KLTC".to_owned(),
    };
    let all = text(&document_xml(&conclusion(&facts).unwrap()));
    assert!(all.lines().any(|l| l == "Số: 02/KLTC-TTT"));
}

#[test]
fn never_contains_the_denouncer_anywhere_in_the_package() {
    // The name and address the denouncer gave live only in the notice addressed to them
    // (and in the sealed case file). Build the notice from the same fixtures to show the
    // name is real data that a careless form would have printed.
    let notice = text(&document_xml(
        &non_acceptance_notice(&non_acceptance()).unwrap(),
    ));
    assert!(notice.contains(DENOUNCER_NAME));

    let docx = conclusion(&conclusion_facts()).unwrap();
    for name in part_names(&docx) {
        let content = part(&docx, &name);
        assert!(
            !content.contains(DENOUNCER_NAME),
            "{name} names the denouncer"
        );
        assert!(
            !content.contains(DENOUNCER_ADDRESS),
            "{name} has the denouncer's address"
        );
        assert!(
            !content.contains("Nguyễn Văn"),
            "{name} has a fragment of the name"
        );
    }
    // And the text says who is told, by role: "người tố cáo được thông báo".
    let all = text(&document_xml(&docx));
    assert!(all.contains("người tố cáo được thông báo về kết luận nội dung tố cáo"));
}

#[test]
fn a_wholly_false_denunciation_is_concluded_false() {
    let mut facts = conclusion_facts();
    for finding in &mut facts.findings {
        finding.verdict = Verdict::False;
    }
    facts.measures.clear();
    facts.recoveries.clear();
    facts.discipline.clear();
    facts.criminal_referral = None;
    let all = text(&document_xml(&conclusion(&facts).unwrap()));
    assert!(all.contains("là tố cáo sai."));
    assert!(!all.contains("3. Biện pháp xử lý"));
}

#[test]
fn several_recoveries_are_totalled() {
    let mut facts = conclusion_facts();
    facts.recoveries.push(Recovery {
        description: "tiền chi sai chế độ công tác phí".to_owned(),
        amount_vnd: 8_450_000,
    });
    let all = text(&document_xml(&conclusion(&facts).unwrap()));
    assert!(all.contains("- Tổng số tiền phải thu hồi: 128.450.000 đồng;"));
}

#[test]
fn needs_findings_and_a_conclusion_number() {
    let mut facts = conclusion_facts();
    facts.findings.clear();
    assert!(matches!(conclusion(&facts), Err(DocumentError::Missing(_))));
    let mut facts = conclusion_facts();
    facts.header.number.kind = DocumentKind::Decision;
    assert!(matches!(
        conclusion(&facts),
        Err(DocumentError::WrongNumberKind { .. })
    ));
}
