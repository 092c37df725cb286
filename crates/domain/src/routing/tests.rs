//! The routing table: one row per situation an intake officer meets.

use chrono::NaiveDate;

use super::*;
use crate::accounts::{HeadPosition, UnitCode, UnitKind, UnitName};
use crate::rules::article_numbers::translation_fault;

type Code = &'static str;

fn unit(code: Code, kind: UnitKind, parent: Option<Code>, name: &str, head: &str) -> OrgUnit<Code> {
    OrgUnit {
        id: code,
        code: UnitCode::parse(code).unwrap(),
        name: UnitName::parse(name).unwrap(),
        kind,
        parent,
        head_position: (!head.is_empty()).then(|| HeadPosition::parse(head).unwrap()),
    }
}

/// A province after 2025 whose tree still holds one former district.
fn province() -> OrgTree<Code> {
    use UnitKind::*;
    OrgTree::new(vec![
        unit(
            "TU",
            PartyCommittee,
            None,
            "Tỉnh ủy Thanh Sơn",
            "Bí thư Tỉnh ủy",
        ),
        unit(
            "UBKT-TU",
            PartyInspection,
            Some("TU"),
            "Ủy ban Kiểm tra Tỉnh ủy",
            "",
        ),
        unit(
            "UBND",
            PeoplesCommittee,
            None,
            "Ủy ban nhân dân tỉnh Thanh Sơn",
            "Chủ tịch Ủy ban nhân dân tỉnh",
        ),
        unit(
            "SO-TC",
            Department,
            Some("UBND"),
            "Sở Tài chính",
            "Giám đốc Sở Tài chính",
        ),
        unit(
            "CC-QLG",
            Other,
            Some("SO-TC"),
            "Chi cục Quản lý giá",
            "Chi cục trưởng",
        ),
        unit(
            "DU-STC",
            PartyCommittee,
            Some("SO-TC"),
            "Đảng ủy Sở Tài chính",
            "Bí thư Đảng ủy",
        ),
        unit(
            "UBKT-STC",
            PartyInspection,
            Some("DU-STC"),
            "Ủy ban Kiểm tra Đảng ủy Sở Tài chính",
            "",
        ),
        unit(
            "TTT",
            Inspectorate,
            Some("UBND"),
            "Thanh tra tỉnh",
            "Chánh Thanh tra tỉnh",
        ),
        unit(
            "XA-ANPHU",
            Commune,
            Some("UBND"),
            "Ủy ban nhân dân xã An Phú",
            "Chủ tịch Ủy ban nhân dân xã",
        ),
        unit(
            "HUYEN-DL",
            PeoplesCommittee,
            Some("UBND"),
            "Ủy ban nhân dân huyện Đông Lâm",
            "Chủ tịch Ủy ban nhân dân huyện",
        ),
        unit(
            "XA-BM",
            Commune,
            Some("HUYEN-DL"),
            "Ủy ban nhân dân xã Bình Minh",
            "Chủ tịch Ủy ban nhân dân xã",
        ),
        unit(
            "CA",
            Police,
            None,
            "Công an tỉnh Thanh Sơn",
            "Giám đốc Công an tỉnh",
        ),
        unit(
            "VKS",
            Procuracy,
            None,
            "Viện kiểm sát nhân dân tỉnh Thanh Sơn",
            "Viện trưởng",
        ),
    ])
}

/// A small tree with no party body, no police and no procuracy.
fn bare() -> OrgTree<Code> {
    OrgTree::new(vec![
        unit(
            "UBND",
            UnitKind::PeoplesCommittee,
            None,
            "Ủy ban nhân dân tỉnh Thanh Sơn",
            "",
        ),
        unit(
            "SO-XD",
            UnitKind::Department,
            Some("UBND"),
            "Sở Xây dựng",
            "",
        ),
        // Two units of one name: typing it matches neither.
        unit(
            "TT-A",
            UnitKind::Other,
            Some("SO-XD"),
            "Trung tâm Kiểm định",
            "",
        ),
        unit(
            "TT-B",
            UnitKind::Other,
            Some("UBND"),
            "Trung tâm Kiểm định",
            "",
        ),
    ])
}

/// What a proposal should name.
#[derive(Debug, PartialEq)]
enum Body {
    U(Code),
    Kind(UnitKind),
    Superior,
    Unknown,
}

struct Row {
    what: &'static str,
    tree: fn() -> OrgTree<Code>,
    name: &'static str,
    position: Option<&'static str>,
    organisation: Option<&'static str>,
    chosen_unit: Option<Code>,
    chosen_standing: Option<Standing>,
    concerns: Concerns,
    criminal: bool,
    on: (i32, u32, u32),
    unit: Option<(Code, MatchedBy)>,
    standing: (Standing, StandingSource),
    /// (body, ground, a piece of the basis)
    proposals: &'static [(Body, Ground, &'static str)],
    /// A piece of the first proposal's English reason.
    reason_has: &'static str,
}

const AFTER: (i32, u32, u32) = (2026, 3, 2);
const BEFORE: (i32, u32, u32) = (2025, 3, 3);

fn base() -> Row {
    Row {
        what: "",
        tree: province,
        name: "Nguyễn Văn B",
        position: None,
        organisation: None,
        chosen_unit: None,
        chosen_standing: None,
        concerns: Concerns::StateDuties,
        criminal: false,
        on: AFTER,
        unit: None,
        standing: (Standing::Official, StandingSource::Assumed),
        proposals: &[],
        reason_has: "",
    }
}

fn table() -> Vec<Row> {
    use Body::*;
    use Ground::*;
    use MatchedBy::*;
    use Standing::*;
    use StandingSource::Detected;
    vec![
        Row {
            what: "a commune official goes to the commune",
            position: Some("Kế toán"),
            organisation: Some("UBND xã An Phú"),
            unit: Some(("XA-ANPHU", Name)),
            proposals: &[(U("XA-ANPHU"), ManagingUnit, "LTC Art. 12(1); Art. 13(1)")],
            reason_has: "official of Ủy ban nhân dân xã An Phú",
            ..base()
        },
        Row {
            what: "a commune chairman after 2025 goes to the province, flagged unverified",
            position: Some("Chủ tịch UBND xã"),
            organisation: Some("Ủy ban nhân dân xã An Phú"),
            unit: Some(("XA-ANPHU", Name)),
            standing: (Head, Detected),
            proposals: &[(U("UBND"), DirectSuperior, "Decree 141/2025/NĐ-CP")],
            reason_has: "unverified",
            ..base()
        },
        Row {
            what: "a commune chairman before 2025 goes to the district (Art. 13(2)(a))",
            position: Some("Chủ tịch UBND xã"),
            organisation: Some("UBND xã Bình Minh, huyện Đông Lâm"),
            on: BEFORE,
            unit: Some(("XA-BM", NameWithin)),
            standing: (Head, Detected),
            proposals: &[(U("HUYEN-DL"), DirectSuperior, "Art. 13(2)(a)")],
            reason_has: "the head of Ủy ban nhân dân huyện Đông Lâm",
            ..base()
        },
        Row {
            what: "a commune chairman after 2025 under a former district: province first, district second",
            position: Some("Chủ tịch UBND xã Bình Minh"),
            organisation: Some("xã Bình Minh"),
            unit: Some(("XA-BM", PartOfName)),
            standing: (Head, Detected),
            proposals: &[
                (U("UBND"), DirectSuperior, "Decree 141/2025/NĐ-CP"),
                (U("HUYEN-DL"), FormerSuperior, "Art. 54(8)"),
            ],
            reason_has: "district level, which ended on 01/07/2025",
            ..base()
        },
        Row {
            what: "a department head goes to the provincial chairman",
            position: Some("Giám đốc Sở"),
            organisation: Some("Sở Tài chính"),
            unit: Some(("SO-TC", Name)),
            standing: (Head, Detected),
            proposals: &[(
                U("UBND"),
                DirectSuperior,
                "LTC Art. 12(1), para. 2; Art. 13(4)(a)",
            )],
            reason_has: "(Chủ tịch Ủy ban nhân dân tỉnh)",
            ..base()
        },
        Row {
            what: "a deputy department head, typed without marks, also goes up",
            name: "Tran Thi C",
            position: Some("pho giam doc so"),
            organisation: Some("so tai chinh"),
            unit: Some(("SO-TC", Name)),
            standing: (DeputyHead, Detected),
            proposals: &[(U("UBND"), DirectSuperior, "Art. 13(4)(a)")],
            reason_has: "a deputy head of Sở Tài chính",
            ..base()
        },
        Row {
            what: "a division head stays with the department (Art. 13(3)(a))",
            position: Some("Trưởng phòng Quản lý ngân sách"),
            organisation: Some("Phòng Quản lý ngân sách, Sở Tài chính tỉnh Thanh Sơn"),
            unit: Some(("SO-TC", NameWithin)),
            standing: (DivisionLead, Detected),
            proposals: &[(U("SO-TC"), UnitOfTheDivision, "Art. 13(3)(a)")],
            reason_has: "the division's direct superior",
            ..base()
        },
        Row {
            what: "an organisation given by its code",
            position: Some("Chuyên viên"),
            organisation: Some("so-tc"),
            unit: Some(("SO-TC", Code)),
            proposals: &[(U("SO-TC"), ManagingUnit, "LTC Art. 12(1); Art. 13(3)")],
            reason_has: "(Giám đốc Sở Tài chính)",
            ..base()
        },
        Row {
            what: "the head of a unit below a department goes to the department",
            position: Some("Chi cục trưởng"),
            organisation: Some("Chi cục Quản lý giá"),
            unit: Some(("CC-QLG", Name)),
            standing: (Head, Detected),
            proposals: &[(U("SO-TC"), DirectSuperior, "LTC Art. 12(1), para. 2")],
            reason_has: "the head of Sở Tài chính",
            ..base()
        },
        Row {
            what: "a party member breaking state law and party rules: state body, then the party's own inspection committee",
            position: Some("Phó Giám đốc"),
            organisation: Some("Sở Tài chính"),
            concerns: Concerns::Both,
            unit: Some(("SO-TC", Name)),
            standing: (DeputyHead, Detected),
            proposals: &[
                (U("UBND"), DirectSuperior, "Art. 13(4)(a)"),
                (U("UBKT-STC"), PartyInspection, "296-QĐ/TW"),
            ],
            reason_has: "direct superior body",
            ..base()
        },
        Row {
            what: "party rules only: the nearest registered inspection committee, to be checked",
            position: Some("Cán bộ địa chính"),
            organisation: Some("UBND xã An Phú"),
            concerns: Concerns::PartyRules,
            unit: Some(("XA-ANPHU", Name)),
            proposals: &[(
                U("UBKT-TU"),
                PartyInspection,
                "Circular 05/2021/TT-TTCP Art. 15",
            )],
            reason_has: "nearest registered body of this kind: check which party committee",
            ..base()
        },
        Row {
            what: "party rules with no inspection committee registered: the kind alone",
            tree: bare,
            position: Some("Chuyên viên"),
            organisation: Some("Sở Xây dựng"),
            concerns: Concerns::PartyRules,
            unit: Some(("SO-XD", Name)),
            proposals: &[(
                Kind(UnitKind::PartyInspection),
                PartyInspection,
                "296-QĐ/TW",
            )],
            reason_has: "No unit of this kind is registered",
            ..base()
        },
        Row {
            what: "criminal signs: investigation agency and procuracy first",
            position: Some("Thủ quỹ"),
            organisation: Some("UBND xã An Phú"),
            criminal: true,
            unit: Some(("XA-ANPHU", Name)),
            proposals: &[
                (U("CA"), InvestigationAgency, "LTC Art. 27(1)"),
                (U("VKS"), Procuracy, "LTC Art. 27(1)"),
                (U("XA-ANPHU"), ManagingUnit, "Art. 13(1)"),
            ],
            reason_has: "Signs of a crime",
            ..base()
        },
        Row {
            what: "criminal signs with no police or procuracy registered",
            tree: bare,
            position: Some("Chuyên viên"),
            organisation: Some("Sở Xây dựng"),
            criminal: true,
            unit: Some(("SO-XD", Name)),
            proposals: &[
                (Kind(UnitKind::Police), InvestigationAgency, "27(1)"),
                (Kind(UnitKind::Procuracy), Procuracy, "27(1)"),
                (U("SO-XD"), ManagingUnit, "LTC Art. 12(1)"),
            ],
            reason_has: "No unit of this kind is registered",
            ..base()
        },
        Row {
            what: "an organisation not in the tree",
            position: Some("Giám đốc"),
            organisation: Some("Công ty TNHH Ánh Dương"),
            standing: (Head, Detected),
            proposals: &[(Unknown, UnidentifiedUnit, "LTC Art. 12(1)")],
            reason_has: "choose the unit",
            ..base()
        },
        Row {
            what: "no organisation at all",
            proposals: &[(Unknown, UnidentifiedUnit, "LTC Art. 12(1)")],
            reason_has: "could not be identified",
            ..base()
        },
        Row {
            what: "two units of the typed name: no guess",
            tree: bare,
            position: Some("Kỹ thuật viên"),
            organisation: Some("Trung tâm Kiểm định"),
            proposals: &[(Unknown, UnidentifiedUnit, "LTC Art. 12(1)")],
            reason_has: "choose the unit",
            ..base()
        },
        Row {
            what: "a commune deputy chairman typed without marks",
            name: "Nguyen Van C",
            position: Some("pho chu tich ubnd xa"),
            organisation: Some("ubnd xa an phu"),
            unit: Some(("XA-ANPHU", Name)),
            standing: (DeputyHead, Detected),
            proposals: &[(U("UBND"), DirectSuperior, "Art. 13(2) no longer applies")],
            reason_has: "a deputy head of Ủy ban nhân dân xã An Phú",
            ..base()
        },
        Row {
            what: "an agency denounced as such goes to its superior (Art. 12(6))",
            name: "Sở Tài chính",
            unit: Some(("SO-TC", Name)),
            standing: (Agency, Detected),
            proposals: &[(
                U("UBND"),
                SuperiorOfTheAgency,
                "LTC Art. 12(6); Art. 13(4)(b)",
            )],
            reason_has: "against Sở Tài chính itself",
            ..base()
        },
        Row {
            what: "the provincial chairman: the superior is outside the system",
            position: Some("Chủ tịch"),
            organisation: Some("UBND tỉnh Thanh Sơn"),
            unit: Some(("UBND", Name)),
            standing: (Head, Detected),
            proposals: &[(Superior, DirectSuperior, "Art. 13(8)(a)")],
            reason_has: "the Prime Minister",
            ..base()
        },
        Row {
            what: "an officer's choice overrides the match and the detection",
            position: Some("Kế toán"),
            organisation: Some("Công ty TNHH Ánh Dương"),
            chosen_unit: Some("TTT"),
            chosen_standing: Some(Head),
            unit: Some(("TTT", MatchedBy::Chosen)),
            standing: (Head, StandingSource::Chosen),
            proposals: &[(U("UBND"), DirectSuperior, "LTC Art. 12(1), para. 2")],
            reason_has: "the head of Thanh tra tỉnh",
            ..base()
        },
        Row {
            what: "a chosen unit that does not exist falls back to the match",
            position: Some("Kế toán"),
            organisation: Some("Sở Tài chính"),
            chosen_unit: Some("NOPE"),
            unit: Some(("SO-TC", Name)),
            proposals: &[(U("SO-TC"), ManagingUnit, "LTC Art. 12(1)")],
            reason_has: "official of Sở Tài chính",
            ..base()
        },
        Row {
            what: "criminal signs about an unknown unit still name the police",
            position: Some("Kế toán"),
            organisation: Some("Hợp tác xã Bình An"),
            criminal: true,
            concerns: Concerns::Both,
            proposals: &[
                (U("CA"), InvestigationAgency, "27(1)"),
                (U("VKS"), Procuracy, "27(1)"),
                (Unknown, UnidentifiedUnit, "12(1)"),
                (U("UBKT-TU"), PartyInspection, "296-QĐ/TW"),
            ],
            reason_has: "the nearest registered body of this kind: check its competence",
            ..base()
        },
    ]
}

fn date((year, month, day): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

#[test]
fn the_routing_table() {
    let mut failures = Vec::new();
    for row in table() {
        let tree = (row.tree)();
        let routing = propose(
            &tree,
            &ReportFacts {
                concerns: row.concerns,
                criminal_signs: row.criminal,
                on: date(row.on),
            },
            &AccusedFacts {
                name: row.name,
                position: row.position,
                organisation: row.organisation,
                chosen_unit: row.chosen_unit,
                chosen_standing: row.chosen_standing,
            },
        );
        let unit = routing.unit.as_ref().map(|m| (m.unit, m.matched_by));
        if unit != row.unit {
            failures.push(format!(
                "{}: unit {unit:?}, expected {:?}",
                row.what, row.unit
            ));
        }
        let standing = (routing.standing, routing.standing_source);
        if standing != row.standing {
            failures.push(format!(
                "{}: standing {standing:?}, expected {:?}",
                row.what, row.standing
            ));
        }
        let got: Vec<(Body, Ground, String)> = routing
            .proposals
            .iter()
            .map(|p| {
                let body = match &p.body {
                    ProposedBody::Unit(code) => Body::U(code),
                    ProposedBody::UnregisteredKind(kind) => Body::Kind(*kind),
                    ProposedBody::UnregisteredSuperior => Body::Superior,
                    ProposedBody::Unknown => Body::Unknown,
                };
                (body, p.ground, p.basis.clone())
            })
            .collect();
        let shape_matches = got.len() == row.proposals.len()
            && got.iter().zip(row.proposals).all(
                |((body, ground, basis), (want_body, want_ground, want_basis))| {
                    body == want_body && ground == want_ground && basis.contains(want_basis)
                },
            );
        if !shape_matches {
            failures.push(format!(
                "{}: proposals {got:?}, expected {:?}",
                row.what, row.proposals
            ));
        }
        if let Some(first) = routing.proposals.first()
            && !first.reason_en.contains(row.reason_has)
        {
            failures.push(format!(
                "{}: first reason {:?} lacks {:?}",
                row.what, first.reason_en, row.reason_has
            ));
        }
        for proposal in &routing.proposals {
            if proposal.reason_vi.is_empty() || proposal.reason_en.is_empty() {
                failures.push(format!("{}: an empty reason", row.what));
            }
            if let Some(fault) = translation_fault(&proposal.basis, &proposal.basis_vi) {
                failures.push(format!("{}: {fault}", row.what));
            }
            if routing.standing != Standing::Agency
                && (proposal.reason_vi.contains(row.name) || proposal.reason_en.contains(row.name))
            {
                failures.push(format!("{}: a reason names the accused", row.what));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn a_vietnamese_reason_names_the_competent_head() {
    let tree = province();
    let routing = propose(
        &tree,
        &ReportFacts {
            concerns: Concerns::StateDuties,
            criminal_signs: false,
            on: date(AFTER),
        },
        &AccusedFacts {
            name: "Lê Văn D",
            position: Some("Giám đốc Sở Tài chính"),
            organisation: Some("Sở Tài chính"),
            chosen_unit: None,
            chosen_standing: None,
        },
    );
    assert_eq!(
        routing.proposals[0].reason_vi,
        "Người bị tố cáo là người đứng đầu Sở Tài chính: người đứng đầu Ủy ban nhân dân tỉnh \
         Thanh Sơn (Chủ tịch Ủy ban nhân dân tỉnh) (cơ quan cấp trên trực tiếp) giải quyết."
    );
}

#[test]
fn api_spellings_round_trip() {
    for concerns in [Concerns::StateDuties, Concerns::PartyRules, Concerns::Both] {
        assert_eq!(Concerns::parse(concerns.as_str()), Some(concerns));
    }
    assert_eq!(Concerns::parse("crime"), None);
    assert_eq!(two_level_government_from(), date((2025, 7, 1)));
}
