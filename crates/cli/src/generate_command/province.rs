//! The generated province, "tỉnh Lam Giang": one root and twenty units below it,
//! with most cases in a few big units (the provincial inspectorate alone gets about
//! a third), and the staff each unit needs to work its cases.
//!
//! Every code starts with [`CODE_PREFIX`] and every username with
//! [`USERNAME_PREFIX`], so generated data is recognisable in any listing.

use khien_domain::accounts::{Role, UnitKind};

/// The start of every generated unit code.
pub const CODE_PREFIX: &str = "GEN-";
/// The start of every generated username.
pub const USERNAME_PREFIX: &str = "gen.";

/// One unit: code (after the prefix), kind, name, head's title, and its share of
/// the cases in ten-thousandths.
pub struct PlannedUnit {
    /// The code without [`CODE_PREFIX`].
    pub code: &'static str,
    /// Its kind.
    pub kind: UnitKind,
    /// Its name.
    pub name: &'static str,
    /// Its head's title.
    pub head: &'static str,
    /// Share of all cases, in ten-thousandths.
    pub share: u64,
}

/// The root: receives no reports itself.
pub const ROOT: PlannedUnit = PlannedUnit {
    code: "UBND",
    kind: UnitKind::PeoplesCommittee,
    name: "Ủy ban nhân dân tỉnh Lam Giang",
    head: "Chủ tịch Ủy ban nhân dân tỉnh",
    share: 0,
};

/// The units below the root. The shares add up to 10 000.
#[rustfmt::skip]
pub const UNITS: [PlannedUnit; 20] = [
    unit("TTT", UnitKind::Inspectorate, "Thanh tra tỉnh", "Chánh Thanh tra tỉnh", 3500),
    unit("SO-TC", UnitKind::Department, "Sở Tài chính", "Giám đốc Sở", 1250),
    unit("SO-XD", UnitKind::Department, "Sở Xây dựng", "Giám đốc Sở", 1000),
    unit("CA", UnitKind::Police, "Công an tỉnh", "Giám đốc Công an tỉnh", 800),
    unit("SO-NNMT", UnitKind::Department, "Sở Nông nghiệp và Môi trường", "Giám đốc Sở", 500),
    unit("SO-GDDT", UnitKind::Department, "Sở Giáo dục và Đào tạo", "Giám đốc Sở", 400),
    unit("SO-YT", UnitKind::Department, "Sở Y tế", "Giám đốc Sở", 400),
    unit("SO-NV", UnitKind::Department, "Sở Nội vụ", "Giám đốc Sở", 300),
    unit("SO-CT", UnitKind::Department, "Sở Công Thương", "Giám đốc Sở", 250),
    unit("BQLDA", UnitKind::Other, "Ban Quản lý dự án đầu tư xây dựng tỉnh", "Giám đốc Ban", 300),
    unit("SO-KHCN", UnitKind::Department, "Sở Khoa học và Công nghệ", "Giám đốc Sở", 150),
    unit("SO-VHTTDL", UnitKind::Department, "Sở Văn hóa, Thể thao và Du lịch", "Giám đốc Sở", 150),
    unit("SO-TP", UnitKind::Department, "Sở Tư pháp", "Giám đốc Sở", 150),
    unit("XA-ANPHU", UnitKind::Commune, "Ủy ban nhân dân xã An Phú", "Chủ tịch Ủy ban nhân dân xã", 150),
    unit("XA-BINHMINH", UnitKind::Commune, "Ủy ban nhân dân xã Bình Minh", "Chủ tịch Ủy ban nhân dân xã", 150),
    unit("XA-DONGTIEN", UnitKind::Commune, "Ủy ban nhân dân xã Đồng Tiến", "Chủ tịch Ủy ban nhân dân xã", 150),
    unit("XA-HOALAC", UnitKind::Commune, "Ủy ban nhân dân xã Hòa Lạc", "Chủ tịch Ủy ban nhân dân xã", 100),
    unit("PHUONG-TRUNGTAM", UnitKind::Commune, "Ủy ban nhân dân phường Trung Tâm", "Chủ tịch Ủy ban nhân dân phường", 100),
    unit("PHUONG-BACSON", UnitKind::Commune, "Ủy ban nhân dân phường Bắc Sơn", "Chủ tịch Ủy ban nhân dân phường", 100),
    unit("XA-TANLAP", UnitKind::Commune, "Ủy ban nhân dân xã Tân Lập", "Chủ tịch Ủy ban nhân dân xã", 100),
];

const fn unit(
    code: &'static str,
    kind: UnitKind,
    name: &'static str,
    head: &'static str,
    share: u64,
) -> PlannedUnit {
    PlannedUnit {
        code,
        kind,
        name,
        head,
        share,
    }
}

/// Units with at least this share are "big": their inbox is what the measurements
/// read, and they get more handlers.
pub const BIG_SHARE: u64 = 800;

/// What one staff member of a unit does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffPost {
    /// The head: created first, so the unit's keys are sealed to them; the generator
    /// logs in as them to pass the keys on and to record events. A custodian.
    Head,
    /// The intake officer whose login the logins file gives: receives letters and
    /// calls, and handles cases too (so `assignee=me` finds some).
    IntakeOfficer,
    /// A handler (cán bộ thụ lý); the first is also a custodian.
    Handler(u32),
}

impl StaffPost {
    /// The roles of the post.
    pub fn roles(self) -> Vec<Role> {
        match self {
            StaffPost::Head => vec![Role::Head, Role::Intake, Role::Handler, Role::Custodian],
            StaffPost::IntakeOfficer => vec![Role::Intake, Role::Handler],
            StaffPost::Handler(1) => vec![Role::Handler, Role::Custodian],
            StaffPost::Handler(_) => vec![Role::Handler],
        }
    }

    /// The username in a unit whose code (without the prefix) is `code`.
    pub fn username(self, code: &str) -> String {
        let unit = code.to_ascii_lowercase();
        match self {
            StaffPost::Head => format!("{USERNAME_PREFIX}{unit}.truong"),
            StaffPost::IntakeOfficer => format!("{USERNAME_PREFIX}{unit}.tiepnhan"),
            StaffPost::Handler(n) => format!("{USERNAME_PREFIX}{unit}.thuly{n}"),
        }
    }
}

/// The posts of a unit, the head first.
pub fn staff_posts(unit: &PlannedUnit) -> Vec<StaffPost> {
    let handlers = if unit.share >= BIG_SHARE { 8 } else { 2 };
    [StaffPost::Head, StaffPost::IntakeOfficer]
        .into_iter()
        .chain((1..=handlers).map(StaffPost::Handler))
        .collect()
}

#[cfg(test)]
mod tests {
    use khien_domain::accounts::{UnitCode, Username};

    use super::*;

    #[test]
    fn shares_add_up_and_every_code_and_username_parses() {
        assert_eq!(UNITS.iter().map(|u| u.share).sum::<u64>(), 10_000);
        for unit in UNITS.iter().chain([&ROOT]) {
            UnitCode::parse(&format!("{CODE_PREFIX}{}", unit.code)).unwrap();
            for post in staff_posts(unit) {
                Username::parse(&post.username(unit.code)).unwrap();
            }
        }
        let big = UNITS.iter().filter(|u| u.share >= BIG_SHARE).count();
        assert_eq!(big, 4);
    }

    #[test]
    fn the_head_comes_first_and_holds_every_case_role() {
        let posts = staff_posts(&UNITS[0]);
        assert_eq!(posts[0], StaffPost::Head);
        assert_eq!(posts.len(), 10);
        assert!(StaffPost::Head.roles().contains(&Role::Intake));
        assert_eq!(staff_posts(&UNITS[19]).len(), 4);
    }
}
