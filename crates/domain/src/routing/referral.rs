//! Bodies outside the LTC ladder: the party inspection committee for
//! party-rule violations by party members (DOMAIN §4: Regulation 296-QĐ/TW,
//! which replaced 22-QĐ/TW; state bodies forward these under Circular
//! 05/2021/TT-TTCP Art. 15), and the investigation agency or procuracy when
//! there are signs of a crime (LTC Art. 27(1): transfer immediately).
//!
//! Which one: the nearest of that kind in the accused's branch of the tree (the
//! unit itself or one above it, a unit beside one of them, or the inspection
//! committee of a party committee beside one of them); failing that, the
//! highest-placed one registered, with a word that it should be checked;
//! failing that, the kind alone, saying none is registered.

use std::hash::Hash;

use super::org_tree::{OrgTree, OrgUnit};
use super::proposal::{Ground, Proposal, ProposedBody};
use crate::accounts::UnitKind;

/// Where a body of the wanted kind was found.
pub(crate) enum Nearest<'a, Id> {
    /// In the accused's branch.
    InBranch(&'a OrgUnit<Id>),
    /// Elsewhere in the tree.
    Elsewhere(&'a OrgUnit<Id>),
    /// None is registered.
    None,
}

/// The body of `kind` nearest to `start` (see the module's documentation).
pub(crate) fn nearest<'a, Id: Clone + Eq + Hash>(
    tree: &'a OrgTree<Id>,
    start: Option<&Id>,
    kind: UnitKind,
) -> Nearest<'a, Id> {
    if let Some(start) = start {
        for above in tree.ancestors_and_self(start) {
            if above.kind == kind {
                return Nearest::InBranch(above);
            }
            if let Some(beside) = tree.children(&above.id).find(|child| child.kind == kind) {
                return Nearest::InBranch(beside);
            }
            let through_committee = tree
                .children(&above.id)
                .filter(|child| child.kind == UnitKind::PartyCommittee)
                .find_map(|committee| {
                    tree.children(&committee.id)
                        .find(|child| child.kind == kind)
                });
            if let Some(found) = through_committee {
                return Nearest::InBranch(found);
            }
        }
    }
    tree.units()
        .iter()
        .filter(|unit| unit.kind == kind)
        .min_by(|a, b| {
            (tree.depth(&a.id), a.code.as_str()).cmp(&(tree.depth(&b.id), b.code.as_str()))
        })
        .map_or(Nearest::None, Nearest::Elsewhere)
}

/// The party inspection committee for party-rule violations by a party member.
pub(crate) fn party_inspection<Id: Clone + Eq + Hash>(
    tree: &OrgTree<Id>,
    unit: Option<&Id>,
) -> Proposal<Id> {
    refer(
        tree,
        unit,
        Referral {
            kind: UnitKind::PartyInspection,
            ground: Ground::PartyInspection,
            basis: "Regulation 296-QĐ/TW; Circular 05/2021/TT-TTCP Art. 15",
            basis_vi: "Quy định 296-QĐ/TW; Điều 15 Thông tư 05/2021/TT-TTCP",
            lead_vi: "Vi phạm quy định của Đảng của đảng viên: Ủy ban Kiểm tra của cấp ủy quản lý \
                      đảng viên giải quyết theo quy định của Đảng; cơ quan nhà nước chuyển phần nội \
                      dung này cho tổ chức đảng.",
            lead_en: "Violations of party rules by a party member: the inspection committee of the \
                      party committee managing the member resolves them under party rules; a \
                      state body forwards this part to the party.",
            check_vi: "kiểm tra cấp ủy nào quản lý đảng viên này",
            check_en: "check which party committee manages this member",
        },
    )
}

/// The investigation agency, then the procuracy, for signs of a crime.
pub(crate) fn criminal_signs<Id: Clone + Eq + Hash>(
    tree: &OrgTree<Id>,
    unit: Option<&Id>,
) -> Vec<Proposal<Id>> {
    let crime = |kind, ground, lead_vi, lead_en| Referral {
        kind,
        ground,
        basis: "LTC Art. 27(1)",
        basis_vi: "Khoản 1 Điều 27 Luật Tố cáo 2018",
        lead_vi,
        lead_en,
        check_vi: "kiểm tra thẩm quyền",
        check_en: "check its competence",
    };
    vec![
        refer(
            tree,
            unit,
            crime(
                UnitKind::Police,
                Ground::InvestigationAgency,
                "Có dấu hiệu tội phạm: chuyển ngay hồ sơ, tài liệu cho Cơ quan điều tra có thẩm quyền.",
                "Signs of a crime: transfer the file at once to the investigation agency.",
            ),
        ),
        refer(
            tree,
            unit,
            crime(
                UnitKind::Procuracy,
                Ground::Procuracy,
                "Có dấu hiệu tội phạm: chuyển ngay hồ sơ, tài liệu cho Viện kiểm sát có thẩm quyền.",
                "Signs of a crime: transfer the file at once to the procuracy.",
            ),
        ),
    ]
}

/// A body outside the LTC ladder and what to say about it.
struct Referral {
    kind: UnitKind,
    ground: Ground,
    basis: &'static str,
    basis_vi: &'static str,
    lead_vi: &'static str,
    lead_en: &'static str,
    /// What to check when the body found is not in the accused's branch.
    check_vi: &'static str,
    check_en: &'static str,
}

fn refer<Id: Clone + Eq + Hash>(
    tree: &OrgTree<Id>,
    unit: Option<&Id>,
    referral: Referral,
) -> Proposal<Id> {
    let Referral {
        kind,
        ground,
        basis,
        basis_vi,
        lead_vi,
        lead_en,
        check_vi,
        check_en,
    } = referral;
    let (body, reason_vi, reason_en) = match nearest(tree, unit, kind) {
        Nearest::InBranch(found) => (
            ProposedBody::Unit(found.id.clone()),
            format!("{lead_vi} Đề xuất: {}.", found.name),
            format!("{lead_en} Proposed: {}.", found.name),
        ),
        Nearest::Elsewhere(found) => (
            ProposedBody::Unit(found.id.clone()),
            format!(
                "{lead_vi} Đề xuất {}, đơn vị gần nhất loại này đã đăng ký: {check_vi}.",
                found.name
            ),
            format!(
                "{lead_en} Proposed: {}, the nearest registered body of this kind: {check_en}.",
                found.name
            ),
        ),
        Nearest::None => (
            ProposedBody::UnregisteredKind(kind),
            format!(
                "{lead_vi} Chưa có đơn vị loại này được đăng ký trong hệ thống: chuyển ra ngoài."
            ),
            format!(
                "{lead_en} No unit of this kind is registered here: forward it outside the system."
            ),
        ),
    };
    Proposal {
        body,
        ground,
        basis: basis.to_owned(),
        basis_vi: basis_vi.to_owned(),
        reason_vi,
        reason_en,
    }
}
