//! The state body competent under LTC Art. 12–13 for one accused.
//!
//! - an official: the head of the unit managing them (Art. 12(1));
//! - a division lead: the head of the unit the division belongs to (its direct
//!   superior, Art. 12(1) second paragraph; Art. 13(3)(a) for a department);
//! - a head or deputy head: the head of the unit's direct superior (Art. 12(1)
//!   second paragraph; Art. 13(4)(a) for a department head: the provincial
//!   chairman);
//! - an agency itself: the head of its direct superior (Art. 12(6)).
//!
//! Since 01/07/2025 local government has two levels (DOMAIN §8): a district
//! people's committee still in the tree is passed over for the province, and
//! offered second for pending cases. Who resolves a denunciation against a
//! commune chairman under Decree 141/2025/NĐ-CP is unverified, so the proposal
//! says so.

use std::hash::Hash;

use chrono::NaiveDate;

use super::ltc_basis::LtcBasis;
use super::org_tree::{OrgTree, OrgUnit};
use super::proposal::{Ground, Proposal, ProposedBody};
use super::standing::Standing;
use crate::accounts::UnitKind;

/// The first day of two-level local government (Resolution 202/2025/QH15).
pub fn two_level_government_from() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 7, 1).expect("a valid date")
}

/// The state body's proposals for an accused of `unit` (if known) with `standing`.
pub(crate) fn state_body<Id: Clone + Eq + Hash>(
    tree: &OrgTree<Id>,
    unit: Option<&OrgUnit<Id>>,
    standing: Standing,
    on: NaiveDate,
) -> Vec<Proposal<Id>> {
    let Some(unit) = unit else {
        return vec![Proposal {
            body: ProposedBody::Unknown,
            ground: Ground::UnidentifiedUnit,
            basis: "LTC Art. 12(1)".into(),
            basis_vi: "Khoản 1 Điều 12 Luật Tố cáo 2018".into(),
            reason_vi:
                "Chưa xác định được cơ quan, đơn vị quản lý người bị tố cáo từ nội dung đơn: \
                        hãy chọn đơn vị. Người đứng đầu cơ quan quản lý người bị tố cáo giải quyết."
                    .into(),
            reason_en: "The body managing the accused could not be identified from the report: \
                        choose the unit. The head of the body managing the accused resolves it."
                .into(),
        }];
    };
    match standing {
        Standing::Official => vec![managing_unit(tree, unit)],
        Standing::DivisionLead => vec![unit_of_the_division(tree, unit)],
        Standing::Head | Standing::DeputyHead | Standing::Agency => {
            superior(tree, unit, standing, on)
        }
    }
}

fn managing_unit<Id: Clone + Eq + Hash>(tree: &OrgTree<Id>, unit: &OrgUnit<Id>) -> Proposal<Id> {
    let mut basis = LtcBasis::ltc("Art. 12(1)", "khoản 1 Điều 12");
    match unit.kind {
        UnitKind::Commune => basis.and("Art. 13(1)", "khoản 1 Điều 13"),
        UnitKind::Department if under_province(tree, unit) => {
            basis.and("Art. 13(3)", "khoản 3 Điều 13");
        }
        UnitKind::PeoplesCommittee if is_province(tree, unit) => {
            basis.and("Art. 13(4)", "khoản 4 Điều 13");
        }
        _ => {}
    }
    let (basis, basis_vi) = basis.finish();
    Proposal {
        body: ProposedBody::Unit(unit.id.clone()),
        ground: Ground::ManagingUnit,
        basis,
        basis_vi,
        reason_vi: format!(
            "Người bị tố cáo là cán bộ, công chức, viên chức của {}: {} giải quyết.",
            unit.name,
            head_vi(unit)
        ),
        reason_en: format!(
            "The accused is an official of {}: {} resolves it.",
            unit.name,
            head_en(unit)
        ),
    }
}

fn unit_of_the_division<Id: Clone + Eq + Hash>(
    tree: &OrgTree<Id>,
    unit: &OrgUnit<Id>,
) -> Proposal<Id> {
    let mut basis = LtcBasis::ltc("Art. 12(1), para. 2", "đoạn 2 khoản 1 Điều 12");
    if unit.kind == UnitKind::Department && under_province(tree, unit) {
        basis.and("Art. 13(3)(a)", "điểm a khoản 3 Điều 13");
    }
    let (basis, basis_vi) = basis.finish();
    Proposal {
        body: ProposedBody::Unit(unit.id.clone()),
        ground: Ground::UnitOfTheDivision,
        basis,
        basis_vi,
        reason_vi: format!(
            "Người bị tố cáo phụ trách một bộ phận (phòng, ban, đội…) của {}: {}, cấp trên trực tiếp \
             của bộ phận đó, giải quyết.",
            unit.name,
            head_vi(unit)
        ),
        reason_en: format!(
            "The accused leads a division (office, board, team…) of {}: {}, the division's direct \
             superior, resolves it.",
            unit.name,
            head_en(unit)
        ),
    }
}

/// The direct superior's proposals for a head, a deputy head or an agency.
fn superior<Id: Clone + Eq + Hash>(
    tree: &OrgTree<Id>,
    unit: &OrgUnit<Id>,
    standing: Standing,
    on: NaiveDate,
) -> Vec<Proposal<Id>> {
    let (who_vi, who_en) = match standing {
        Standing::Head => (
            format!("Người bị tố cáo là người đứng đầu {}", unit.name),
            format!("The accused is the head of {}", unit.name),
        ),
        Standing::DeputyHead => (
            format!(
                "Người bị tố cáo là cấp phó của người đứng đầu {}",
                unit.name
            ),
            format!("The accused is a deputy head of {}", unit.name),
        ),
        _ => (
            format!("Tố cáo nhằm vào chính cơ quan, tổ chức {}", unit.name),
            format!("The denunciation is against {} itself", unit.name),
        ),
    };
    let agency = standing == Standing::Agency;
    let mut basis = if agency {
        LtcBasis::ltc("Art. 12(6)", "khoản 6 Điều 12")
    } else {
        LtcBasis::ltc("Art. 12(1), para. 2", "đoạn 2 khoản 1 Điều 12")
    };
    let two_levels = on >= two_level_government_from();
    let direct = tree.parent(&unit.id);
    let (superior, passed_over) = match direct {
        Some(district) if two_levels && is_district(tree, district) => {
            (tree.parent(&district.id), Some(district))
        }
        other => (other, None),
    };
    if unit.kind == UnitKind::Department
        && let Some(province) = superior
        && is_province(tree, province)
    {
        if agency {
            basis.and("Art. 13(4)(b)", "điểm b khoản 4 Điều 13");
        } else {
            basis.and("Art. 13(4)(a)", "điểm a khoản 4 Điều 13");
        }
    }
    let commune_leader = unit.kind == UnitKind::Commune && !agency;
    let mut note_vi = String::new();
    let mut note_en = String::new();
    if commune_leader && !two_levels {
        basis.and("Art. 13(2)(a)", "điểm a khoản 2 Điều 13");
    }
    if commune_leader && two_levels {
        basis.and_other(
            "Decree 141/2025/NĐ-CP (Art. 13(2) no longer applies)",
            "Nghị định 141/2025/NĐ-CP (khoản 2 Điều 13 Luật Tố cáo 2018 không còn áp dụng)",
        );
        note_vi.push_str(
            " Từ 01/07/2025 không còn cấp huyện (Nghị quyết 202/2025/QH15); Nghị định \
             141/2025/NĐ-CP phân định lại thẩm quyền giữa Chủ tịch Ủy ban nhân dân cấp tỉnh và cấp \
             xã. Người giải quyết tố cáo đối với lãnh đạo Ủy ban nhân dân xã theo quy định mới chưa \
             được xác minh: cần kiểm tra trước khi chuyển.",
        );
        note_en.push_str(
            " From 01/07/2025 there are no districts (Resolution 202/2025/QH15); Decree \
             141/2025/NĐ-CP reallocates powers between provincial and commune chairmen. Who resolves \
             denunciations against a commune's leaders under the new rules is unverified: check \
             before forwarding.",
        );
    }
    if let Some(district) = passed_over {
        note_vi.push_str(&format!(
            " {} là cấp huyện, không còn từ 01/07/2025, nên được bỏ qua.",
            district.name
        ));
        note_en.push_str(&format!(
            " {} is district level, which ended on 01/07/2025, so it is passed over.",
            district.name
        ));
    }
    let ground = if agency {
        Ground::SuperiorOfTheAgency
    } else {
        Ground::DirectSuperior
    };
    let mut proposals = vec![match superior {
        Some(superior) => {
            let (basis, basis_vi) = basis.finish();
            Proposal {
                body: ProposedBody::Unit(superior.id.clone()),
                ground,
                basis,
                basis_vi,
                reason_vi: format!(
                    "{who_vi}: {} (cơ quan cấp trên trực tiếp) giải quyết.{note_vi}",
                    head_vi(superior)
                ),
                reason_en: format!(
                    "{who_en}: {} (the direct superior body) resolves it.{note_en}",
                    head_en(superior)
                ),
            }
        }
        None => {
            let (top_vi, top_en) = if is_province(tree, unit) {
                if agency {
                    basis.and("Art. 13(8)(b)", "điểm b khoản 8 Điều 13");
                } else {
                    basis.and("Art. 13(8)(a)", "điểm a khoản 8 Điều 13");
                }
                (
                    " Đối với Ủy ban nhân dân cấp tỉnh và lãnh đạo của Ủy ban: Thủ tướng Chính phủ.",
                    " For a provincial people's committee and its leaders: the Prime Minister.",
                )
            } else {
                ("", "")
            };
            let (basis, basis_vi) = basis.finish();
            Proposal {
                body: ProposedBody::UnregisteredSuperior,
                ground,
                basis,
                basis_vi,
                reason_vi: format!(
                    "{who_vi}: người đứng đầu cơ quan cấp trên trực tiếp giải quyết; cơ quan này chưa \
                     được đăng ký trong hệ thống, cần chuyển đơn ra ngoài.{top_vi}{note_vi}"
                ),
                reason_en: format!(
                    "{who_en}: the head of the direct superior body resolves it; that body is not \
                     registered here, so the report must be sent outside.{top_en}{note_en}"
                ),
            }
        }
    }];
    if let Some(district) = passed_over {
        proposals.push(Proposal {
            body: ProposedBody::Unit(district.id.clone()),
            ground: Ground::FormerSuperior,
            basis: "Local Government Organisation Law 2025 Art. 54(8)".into(),
            basis_vi: "Khoản 8 Điều 54 Luật Tổ chức chính quyền địa phương 2025".into(),
            reason_vi: format!(
                "{} là cấp trên cũ trong cây tổ chức: chỉ chọn nếu đơn vị này vẫn đảm nhận vụ việc \
                 còn dở của cấp huyện.",
                district.name
            ),
            reason_en: format!(
                "{} is the former superior in the tree: choose it only if it still carries the \
                 district's pending cases.",
                district.name
            ),
        });
    }
    proposals
}

/// A people's committee with no people's committee above it.
fn is_province<Id: Clone + Eq + Hash>(tree: &OrgTree<Id>, unit: &OrgUnit<Id>) -> bool {
    unit.kind == UnitKind::PeoplesCommittee && !has_peoples_committee_above(tree, unit)
}

/// A unit directly under a provincial people's committee.
fn under_province<Id: Clone + Eq + Hash>(tree: &OrgTree<Id>, unit: &OrgUnit<Id>) -> bool {
    tree.parent(&unit.id)
        .is_some_and(|parent| is_province(tree, parent))
}

/// A people's committee between a province and communes: a people's committee
/// above it and a commune (or people's committee) below it.
fn is_district<Id: Clone + Eq + Hash>(tree: &OrgTree<Id>, unit: &OrgUnit<Id>) -> bool {
    unit.kind == UnitKind::PeoplesCommittee
        && has_peoples_committee_above(tree, unit)
        && tree
            .children(&unit.id)
            .any(|child| matches!(child.kind, UnitKind::Commune | UnitKind::PeoplesCommittee))
}

fn has_peoples_committee_above<Id: Clone + Eq + Hash>(
    tree: &OrgTree<Id>,
    unit: &OrgUnit<Id>,
) -> bool {
    tree.ancestors_and_self(&unit.id)
        .skip(1)
        .any(|above| above.kind == UnitKind::PeoplesCommittee)
}

/// "người đứng đầu Sở Tài chính (Giám đốc Sở Tài chính)".
pub(crate) fn head_vi<Id>(unit: &OrgUnit<Id>) -> String {
    match &unit.head_position {
        Some(head) => format!("người đứng đầu {} ({head})", unit.name),
        None => format!("người đứng đầu {}", unit.name),
    }
}

/// "the head of Sở Tài chính (Giám đốc Sở Tài chính)".
pub(crate) fn head_en<Id>(unit: &OrgUnit<Id>) -> String {
    match &unit.head_position {
        Some(head) => format!("the head of {} ({head})", unit.name),
        None => format!("the head of {}", unit.name),
    }
}
