//! Realistic facts for every form: a denunciation against an inspector of the provincial
//! Inspectorate of Phú Thọ, and a petition a commune forwards to the province.

use chrono::NaiveDate;
use khien_documents::*;

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// The denouncer's name. Only the non-acceptance notice may contain it.
pub const DENOUNCER_NAME: &str = "Nguyễn Văn An";
pub const DENOUNCER_ADDRESS: &str = "Khu 5, xã Thanh Sơn, tỉnh Phú Thọ";

pub fn number(seq: u32, kind: DocumentKind) -> DocumentNumber {
    DocumentNumber {
        seq,
        year: 2025,
        kind,
        issuer_symbol: "TTT".to_owned(),
        system: NumberingSystem::State,
    }
}

pub fn inspectorate(number: DocumentNumber, date: NaiveDate) -> DocumentHeader {
    DocumentHeader {
        superior_body: Some("Ủy ban nhân dân\ntỉnh Phú Thọ".to_owned()),
        issuing_body: "Thanh tra tỉnh".to_owned(),
        number,
        place: "Phú Thọ".to_owned(),
        date,
        signature: SignatureBlock {
            lines: vec![SigningLine::position("Chánh Thanh tra")],
            name: "Nguyễn Hữu Phúc".to_owned(),
        },
        recipients: vec![
            "Chủ tịch UBND tỉnh (để báo cáo)".to_owned(),
            "Như Điều 3".to_owned(),
            "Người bị tố cáo".to_owned(),
        ],
    }
}

pub fn accused() -> Accused {
    Accused::Official(Official {
        honorific: Honorific::Ong,
        name: "Trần Văn Bình".to_owned(),
        position: "Trưởng phòng Nghiệp vụ 2, Thanh tra tỉnh Phú Thọ".to_owned(),
    })
}

pub fn acceptance_reference() -> IssuedDocument {
    IssuedDocument {
        number: number(5, DocumentKind::Decision),
        date: day(2025, 2, 5),
    }
}

pub fn acceptance() -> AcceptanceDecision {
    AcceptanceDecision {
        header: inspectorate(number(5, DocumentKind::Decision), day(2025, 2, 5)),
        resolver_title: "Chánh Thanh tra tỉnh Phú Thọ".to_owned(),
        further_bases: vec![
            "Quyết định số 18/2023/QĐ-UBND ngày 20 tháng 7 năm 2023 của Ủy ban nhân dân tỉnh \
Phú Thọ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Thanh tra tỉnh"
                .to_owned(),
        ],
        proposal: Some("Trưởng phòng Tiếp công dân và Xử lý đơn".to_owned()),
        received_on: day(2025, 1, 22),
        accused: accused(),
        contents: vec![
            "Trong cuộc thanh tra việc quản lý, sử dụng đất tại Công ty TNHH Xây dựng Hưng Phát \
năm 2024, ông Trần Văn Bình nhận 150.000.000 đồng của Công ty để bỏ qua vi phạm"
                .to_owned(),
            "Ông Trần Văn Bình chỉ đạo sửa biên bản làm việc ngày 14/10/2024, làm sai lệch kết \
quả thanh tra"
                .to_owned(),
        ],
        verifier: Verifier::Team {
            leader: Official {
                honorific: Honorific::Ong,
                name: "Lê Văn Cường".to_owned(),
                position: "Phó Chánh Thanh tra tỉnh".to_owned(),
            },
            members: vec![Official {
                honorific: Honorific::Ba,
                name: "Phạm Thị Dung".to_owned(),
                position: "Thanh tra viên chính".to_owned(),
            }],
        },
        time_limit_days: 30,
        deadline: day(2025, 3, 7),
        implementers: vec![
            "Chánh Văn phòng Thanh tra tỉnh".to_owned(),
            "Tổ xác minh".to_owned(),
            "ông Trần Văn Bình".to_owned(),
        ],
    }
}

pub fn non_acceptance() -> NonAcceptanceNotice {
    let mut header = inspectorate(number(3, DocumentKind::Notice), day(2025, 1, 27));
    header.signature = SignatureBlock {
        lines: vec![
            SigningLine::on_behalf(SigningPrefix::Kt, "Chánh Thanh tra"),
            SigningLine::position("Phó Chánh Thanh tra"),
        ],
        name: "Hoàng Minh Tuấn".to_owned(),
    };
    header.recipients = vec![format!("Ông {DENOUNCER_NAME}")];
    NonAcceptanceNotice {
        header,
        denouncer: NoticeAddressee {
            honorific: Honorific::Ong,
            name: DENOUNCER_NAME.to_owned(),
            address: DENOUNCER_ADDRESS.to_owned(),
        },
        received_on: day(2025, 1, 20),
        accused: Accused::Body("Ban Quản lý dự án đầu tư xây dựng tỉnh Phú Thọ".to_owned()),
        summary: "có sai phạm trong đấu thầu các gói thầu của dự án đường tỉnh 316".to_owned(),
        grounds: vec![
            NonAcceptanceGround::FormalitiesNotMet {
                missing: "đơn không có chữ ký hoặc điểm chỉ của người tố cáo".to_owned(),
            },
            NonAcceptanceGround::NoIdentifiableViolation,
        ],
    }
}

pub fn forwarding() -> ForwardingLetter {
    ForwardingLetter {
        header: DocumentHeader {
            superior_body: Some("Ủy ban nhân dân\ntỉnh Phú Thọ".to_owned()),
            issuing_body: "Ủy ban nhân dân\nxã Thanh Sơn".to_owned(),
            number: DocumentNumber {
                seq: 12,
                year: 2025,
                kind: DocumentKind::Letter {
                    drafting_unit: "VP".to_owned(),
                },
                issuer_symbol: "UBND".to_owned(),
                system: NumberingSystem::State,
            },
            place: "Thanh Sơn".to_owned(),
            date: day(2025, 2, 5),
            signature: SignatureBlock {
                lines: vec![
                    SigningLine::on_behalf(SigningPrefix::Tm, "Ủy ban nhân dân"),
                    SigningLine::on_behalf(SigningPrefix::Kt, "Chủ tịch"),
                    SigningLine::position("Phó Chủ tịch"),
                ],
                name: "Đinh Thị Hoa".to_owned(),
            },
            recipients: vec![
                "Như trên".to_owned(),
                "Chủ tịch UBND xã (để báo cáo)".to_owned(),
            ],
        },
        competent_body: "Chủ tịch Ủy ban nhân dân tỉnh Phú Thọ".to_owned(),
        received_on: day(2025, 1, 30),
        accused: Accused::Official(Official {
            honorific: Honorific::Ong,
            name: "Hà Văn Đức".to_owned(),
            position: "Giám đốc Ban Quản lý dự án đầu tư xây dựng tỉnh Phú Thọ".to_owned(),
        }),
        summary: "chỉ đạo nghiệm thu khống khối lượng thi công cầu Ngọc Lập".to_owned(),
        reason: "ông Hà Văn Đức là người đứng đầu đơn vị sự nghiệp công lập trực thuộc Ủy ban \
nhân dân tỉnh, việc giải quyết thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân tỉnh theo khoản 1 \
Điều 12 Luật Tố cáo"
            .to_owned(),
    }
}

pub fn extension() -> ExtensionDecision {
    let mut header = inspectorate(number(11, DocumentKind::Decision), day(2025, 3, 3));
    header.recipients = vec![
        "Như Điều 2".to_owned(),
        "Ông Trần Văn Bình (người bị tố cáo)".to_owned(),
        "Người tố cáo (gửi qua Phòng Tiếp công dân)".to_owned(),
    ];
    ExtensionDecision {
        header,
        resolver_title: "Chánh Thanh tra tỉnh Phú Thọ".to_owned(),
        further_bases: vec![],
        proposal: Some("Tổ xác minh nội dung tố cáo".to_owned()),
        acceptance: acceptance_reference(),
        accused: accused(),
        criteria: vec![
            ComplexityCriterion::SeveralContents,
            ComplexityCriterion::SeveralLocations,
        ],
        round: ExtensionRound::First,
        extension_days: 30,
        new_deadline: day(2025, 4, 7),
        implementers: vec![
            "Chánh Văn phòng Thanh tra tỉnh".to_owned(),
            "Tổ xác minh".to_owned(),
        ],
    }
}

pub fn conclusion_facts() -> Conclusion {
    let mut header = inspectorate(number(2, DocumentKind::conclusion()), day(2025, 4, 2));
    header.recipients = vec![
        "Chủ tịch UBND tỉnh (để báo cáo)".to_owned(),
        "Ông Trần Văn Bình (người bị tố cáo)".to_owned(),
        "Phòng Tổ chức cán bộ".to_owned(),
        "Cổng thông tin điện tử Thanh tra tỉnh (để công khai)".to_owned(),
    ];
    Conclusion {
        header,
        resolver: "Chánh Thanh tra tỉnh Phú Thọ".to_owned(),
        acceptance: acceptance_reference(),
        accused: accused(),
        verification_report: "Báo cáo kết quả xác minh số 15/BC-TXM ngày 25/03/2025 của Tổ xác \
minh"
            .to_owned(),
        findings: vec![
            Finding {
                content: "Nhận 150.000.000 đồng của Công ty TNHH Xây dựng Hưng Phát".to_owned(),
                facts: vec![
                    "Sao kê tài khoản và lời khai của kế toán Công ty xác định ngày 02/11/2024 \
Công ty chuyển 120.000.000 đồng vào tài khoản của ông Trần Văn Bình."
                        .to_owned(),
                    "Không có chứng cứ về khoản 30.000.000 đồng còn lại.".to_owned(),
                ],
                verdict: Verdict::PartlyCorrect,
            },
            Finding {
                content: "Chỉ đạo sửa biên bản làm việc ngày 14/10/2024".to_owned(),
                facts: vec![
                    "Bản gốc và bản lưu của biên bản trùng khớp; không có việc sửa \
biên bản."
                        .to_owned(),
                ],
                verdict: Verdict::False,
            },
        ],
        measures: vec![
            "Tạm đình chỉ công tác đối với ông Trần Văn Bình trong thời gian xem \
xét xử lý kỷ luật"
                .to_owned(),
        ],
        recoveries: vec![Recovery {
            description: "số tiền ông Trần Văn Bình đã nhận của Công ty TNHH Xây dựng Hưng Phát"
                .to_owned(),
            amount_vnd: 120_000_000,
        }],
        discipline: vec![Discipline {
            person: Official {
                honorific: Honorific::Ong,
                name: "Trần Văn Bình".to_owned(),
                position: "Trưởng phòng Nghiệp vụ 2".to_owned(),
            },
            measure: "xem xét xử lý kỷ luật theo quy định".to_owned(),
        }],
        criminal_referral: Some("Cơ quan Cảnh sát điều tra Công an tỉnh Phú Thọ".to_owned()),
    }
}
