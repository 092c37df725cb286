//! Where the accused stands in their unit, read from the position typed in the
//! report ("Phó Giám đốc Sở", "Chu tich UBND xa", "Kế toán").
//!
//! Competence turns on it: an official's unit resolves a denunciation against
//! them, but its head's or deputy head's goes to the direct superior body (LTC
//! Art. 12(1)). Reading a title is a guess that an officer can override.

use std::cmp::Reverse;
use std::str::FromStr;

use super::folded_text::{fold, word_position};
use super::org_tree::OrgUnit;

/// The accused's standing in their unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Standing {
    /// An official (cán bộ, công chức, viên chức) with no leading post there.
    Official,
    /// The head or deputy head of a division inside the unit (a phòng, ban,
    /// đội…): the unit's head is their direct superior.
    DivisionLead,
    /// A deputy head of the unit (cấp phó).
    DeputyHead,
    /// The head of the unit (người đứng đầu).
    Head,
    /// The agency or organisation itself, not a person in it.
    Agency,
}

impl Standing {
    /// Every standing, in the order of the API's list.
    pub const ALL: [Standing; 5] = [
        Standing::Official,
        Standing::DivisionLead,
        Standing::DeputyHead,
        Standing::Head,
        Standing::Agency,
    ];

    /// The spelling in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Official => "official",
            Standing::DivisionLead => "division_lead",
            Standing::DeputyHead => "deputy_head",
            Standing::Head => "head",
            Standing::Agency => "agency",
        }
    }

    /// Whether the case goes above the person's unit (LTC Art. 12(1), second
    /// paragraph, and Art. 12(6)).
    pub fn goes_to_superior(self) -> bool {
        matches!(
            self,
            Standing::Head | Standing::DeputyHead | Standing::Agency
        )
    }
}

/// Why a standing was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StandingSource {
    /// An officer said so.
    Chosen,
    /// Read from the position typed in the report.
    Detected,
    /// Nothing said otherwise: an official.
    Assumed,
}

impl StandingSource {
    /// The spelling in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            StandingSource::Chosen => "chosen",
            StandingSource::Detected => "detected",
            StandingSource::Assumed => "assumed",
        }
    }
}

impl FromStr for Standing {
    type Err = String;

    fn from_str(input: &str) -> Result<Self, String> {
        Standing::ALL
            .into_iter()
            .find(|standing| standing.as_str() == input.trim())
            .ok_or_else(|| {
                format!(
                    "expected one of {}",
                    Standing::ALL.map(Standing::as_str).join(", ")
                )
            })
    }
}

/// Titles of a unit's head, folded. With a noun, the title heads that kind of
/// division ("trưởng phòng" a phòng): it is the unit's head only when the unit
/// itself is one (its name starts with the noun), else a division lead.
const HEAD_TITLES: [(&str, Option<&str>); 32] = [
    ("giam doc", None),
    ("tong giam doc", None),
    ("chu tich", None),
    ("chanh thanh tra", None),
    ("tong thanh tra", None),
    ("thu truong", None),
    ("nguoi dung dau", None),
    ("bi thu", None),
    ("chu nhiem", None),
    ("bo truong", None),
    ("tong cuc truong", None),
    ("cuc truong", None),
    ("chi cuc truong", None),
    ("vu truong", None),
    ("vien truong", None),
    ("chanh an", None),
    ("hieu truong", None),
    ("giam thi", None),
    ("truong cong an", None),
    ("chi huy truong", None),
    ("chinh uy", None),
    ("truong phong", Some("phong")),
    ("chanh van phong", Some("van phong")),
    ("truong ban", Some("ban")),
    ("doi truong", Some("doi")),
    ("to truong", Some("to")),
    ("truong khoa", Some("khoa")),
    ("truong tram", Some("tram")),
    ("truong don", Some("don")),
    ("truong bo phan", Some("bo phan")),
    ("truong trung tam", Some("trung tam")),
    ("giam doc trung tam", Some("trung tam")),
];

/// Reads the standing from a position, for a person of `unit` (if known).
/// `None` when no title is recognised.
pub fn detect_standing<Id>(position: &str, unit: Option<&OrgUnit<Id>>) -> Option<Standing> {
    let folded = fold(position);
    if folded.is_empty() {
        return None;
    }
    // "Thứ trưởng" (deputy minister) and "Thủ trưởng" (head) fold alike.
    let lower = position.to_lowercase();
    if lower.contains("thứ trưởng") {
        return Some(Standing::DeputyHead);
    }
    if let Some(head) = unit.and_then(|unit| unit.head_position.as_ref()) {
        let head = fold(head.as_str());
        if starts_with_words(&folded, &head) {
            return Some(Standing::Head);
        }
        if let Some(rest) = folded.strip_prefix("pho ")
            && starts_with_words(rest, &head)
        {
            return Some(Standing::DeputyHead);
        }
    }
    // The earliest title, and of two at one place the longer ("giám đốc trung
    // tâm" over "giám đốc").
    let Some((at, _, noun)) = HEAD_TITLES
        .iter()
        .filter_map(|(title, noun)| {
            word_position(&folded, title).map(|at| (at, Reverse(title.len()), *noun))
        })
        .min_by_key(|(at, length, _)| (*at, *length))
    else {
        return contains_cap_pho(&folded).then_some(Standing::DeputyHead);
    };
    let deputy = folded[..at].ends_with("pho ") || contains_cap_pho(&folded);
    let unit_is_the_division = match (noun, unit) {
        (None, _) => true,
        (Some(noun), Some(unit)) => starts_with_words(&fold(unit.name.as_str()), noun),
        (Some(_), None) => false,
    };
    Some(match (unit_is_the_division, deputy) {
        (false, _) => Standing::DivisionLead,
        (true, true) => Standing::DeputyHead,
        (true, false) => Standing::Head,
    })
}

fn starts_with_words(text: &str, prefix: &str) -> bool {
    !prefix.is_empty() && word_position(text, prefix) == Some(0)
}

fn contains_cap_pho(folded: &str) -> bool {
    word_position(folded, "cap pho").is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::{HeadPosition, UnitCode, UnitKind, UnitName};

    fn unit(name: &str, head: Option<&str>) -> OrgUnit<u8> {
        OrgUnit {
            id: 1,
            code: UnitCode::parse("U1").unwrap(),
            name: UnitName::parse(name).unwrap(),
            kind: UnitKind::Other,
            parent: None,
            head_position: head.map(|h| HeadPosition::parse(h).unwrap()),
        }
    }

    #[test]
    fn titles_with_and_without_marks() {
        let so = unit("Sở Tài chính", None);
        let cases = [
            ("Giám đốc", Some(Standing::Head)),
            ("giam doc so", Some(Standing::Head)),
            ("Phó Giám đốc", Some(Standing::DeputyHead)),
            ("pho giam doc", Some(Standing::DeputyHead)),
            ("PHÓ GIÁM ĐỐC SỞ", Some(Standing::DeputyHead)),
            ("Chủ tịch UBND thành phố", Some(Standing::Head)),
            ("Phó Chủ tịch UBND thành phố", Some(Standing::DeputyHead)),
            ("Chánh Thanh tra", Some(Standing::Head)),
            ("Phó Chánh Thanh tra", Some(Standing::DeputyHead)),
            ("Thủ trưởng cơ quan", Some(Standing::Head)),
            ("Thứ trưởng", Some(Standing::DeputyHead)),
            ("Bí thư Đảng ủy", Some(Standing::Head)),
            ("Phó Bí thư", Some(Standing::DeputyHead)),
            ("Cấp phó phụ trách", Some(Standing::DeputyHead)),
            ("Trưởng phòng Kế hoạch", Some(Standing::DivisionLead)),
            ("Phó trưởng phòng", Some(Standing::DivisionLead)),
            ("Đội trưởng", Some(Standing::DivisionLead)),
            ("Chánh Văn phòng Sở", Some(Standing::DivisionLead)),
            ("Giám đốc Trung tâm Dịch vụ", Some(Standing::DivisionLead)),
            ("Tổng Giám đốc", Some(Standing::Head)),
            ("Kế toán", None),
            ("Chuyên viên phòng Kế hoạch", None),
            ("", None),
        ];
        for (position, expected) in cases {
            assert_eq!(detect_standing(position, Some(&so)), expected, "{position}");
        }
    }

    #[test]
    fn a_division_title_heads_a_unit_that_is_that_division() {
        let phong = unit("Phòng Tài chính - Kế hoạch", None);
        assert_eq!(
            detect_standing("Trưởng phòng", Some(&phong)),
            Some(Standing::Head)
        );
        assert_eq!(
            detect_standing("Phó Trưởng phòng", Some(&phong)),
            Some(Standing::DeputyHead)
        );
        assert_eq!(
            detect_standing::<u8>("Trưởng phòng", None),
            Some(Standing::DivisionLead)
        );
        let ban = unit("Ban Nội chính Tỉnh ủy", None);
        assert_eq!(
            detect_standing("Trưởng Ban Nội chính", Some(&ban)),
            Some(Standing::Head)
        );
    }

    #[test]
    fn the_units_own_head_title_is_recognised() {
        let xa = unit(
            "Ủy ban nhân dân xã An Phú",
            Some("Chủ tịch Ủy ban nhân dân xã"),
        );
        assert_eq!(
            detect_standing("Chu tich UBND xa An Phu", Some(&xa)),
            Some(Standing::Head)
        );
        assert_eq!(
            detect_standing("Phó Chủ tịch UBND xã", Some(&xa)),
            Some(Standing::DeputyHead)
        );
        let unusual = unit("Trung tâm Dữ liệu", Some("Người phụ trách Trung tâm"));
        assert_eq!(
            detect_standing("người phụ trách trung tâm", Some(&unusual)),
            Some(Standing::Head)
        );
    }

    #[test]
    fn standings_parse_from_their_spelling() {
        for standing in Standing::ALL {
            assert_eq!(standing.as_str().parse::<Standing>(), Ok(standing));
        }
        assert!("boss".parse::<Standing>().unwrap_err().contains("head"));
    }
}
