//! The demo province, "tỉnh Thanh Sơn": its bodies and one login for each person the
//! plan involves. Units and accounts are made as an administrator makes them; the
//! keys reach each unit's members when its first member logs in, as in production.

use khien_domain::accounts::{
    HeadPosition, Password, Role, UnitCode, UnitKind, UnitName, Username,
};
use khien_store::accounts::{NewUnit, NewUser};
use khien_web::AppState;
use secrecy::{ExposeSecret, SecretString};

use super::hex_string;
use crate::Failure;

/// Where reports go when the reporter does not know the competent unit.
pub const DEFAULT_INTAKE_UNIT: &str = "TTT";

/// (code, kind, parent, name, head position)
type DemoUnit = (
    &'static str,
    UnitKind,
    Option<&'static str>,
    &'static str,
    &'static str,
);

/// The bodies that handle reports. Xã Bình Minh has nobody on Khiên: it shows a unit
/// that is not yet on the system.
pub const DEMO_UNITS: [DemoUnit; 10] = [
    (
        "TU",
        UnitKind::PartyCommittee,
        None,
        "Tỉnh ủy Thanh Sơn",
        "Bí thư Tỉnh ủy",
    ),
    (
        "UBKT-TU",
        UnitKind::PartyInspection,
        Some("TU"),
        "Ủy ban Kiểm tra Tỉnh ủy",
        "Chủ nhiệm Ủy ban Kiểm tra",
    ),
    (
        "BNC-TU",
        UnitKind::InternalAffairs,
        Some("TU"),
        "Ban Nội chính Tỉnh ủy",
        "Trưởng Ban Nội chính",
    ),
    (
        "UBND",
        UnitKind::PeoplesCommittee,
        None,
        "Ủy ban nhân dân tỉnh Thanh Sơn",
        "Chủ tịch Ủy ban nhân dân tỉnh",
    ),
    (
        "TTT",
        UnitKind::Inspectorate,
        Some("UBND"),
        "Thanh tra tỉnh",
        "Chánh Thanh tra tỉnh",
    ),
    (
        "SO-TC",
        UnitKind::Department,
        Some("UBND"),
        "Sở Tài chính",
        "Giám đốc Sở Tài chính",
    ),
    (
        "SO-XD",
        UnitKind::Department,
        Some("UBND"),
        "Sở Xây dựng",
        "Giám đốc Sở Xây dựng",
    ),
    (
        "CA",
        UnitKind::Police,
        None,
        "Công an tỉnh Thanh Sơn",
        "Giám đốc Công an tỉnh",
    ),
    (
        "XA-ANPHU",
        UnitKind::Commune,
        Some("UBND"),
        "Ủy ban nhân dân xã An Phú",
        "Chủ tịch Ủy ban nhân dân xã",
    ),
    (
        "XA-BINHMINH",
        UnitKind::Commune,
        Some("UBND"),
        "Ủy ban nhân dân xã Bình Minh",
        "Chủ tịch Ủy ban nhân dân xã",
    ),
];

/// One demo login per person: (username, roles, unit code). The first member of a
/// unit holds its keys first; the others receive them when that member logs in.
pub const DEMO_USERS: [(&str, &[Role], &str); 15] = [
    ("demo.admin", &[Role::Admin], "UBND"),
    ("demo.intake", &[Role::Intake], "TTT"),
    ("demo.handler", &[Role::Handler], "TTT"),
    ("demo.head", &[Role::Head], "TTT"),
    ("demo.custodian", &[Role::Custodian], "TTT"),
    ("demo.custodian2", &[Role::Custodian], "TTT"),
    ("demo.protection", &[Role::Protection], "CA"),
    ("demo.hr", &[Role::Hr], "SO-TC"),
    ("demo.oversight", &[Role::Oversight], "BNC-TU"),
    ("demo.auditor", &[Role::Auditor], "UBND"),
    ("demo.ubnd", &[Role::Head], "UBND"),
    (
        "demo.ubkt",
        &[Role::Head, Role::Intake, Role::Handler],
        "UBKT-TU",
    ),
    (
        "demo.soxd",
        &[Role::Head, Role::Intake, Role::Handler],
        "SO-XD",
    ),
    (
        "demo.sotc",
        &[Role::Head, Role::Intake, Role::Handler],
        "SO-TC",
    ),
    (
        "demo.anphu",
        &[Role::Head, Role::Intake, Role::Handler],
        "XA-ANPHU",
    ),
];

/// A demo login to print in the banner and to act with. No `Debug`.
pub struct DemoLogin {
    pub username: &'static str,
    pub unit: &'static str,
    pub password: SecretString,
    pub totp_secret: khien_domain::accounts::TotpSecret,
}

impl DemoLogin {
    /// The TOTP secret as an authenticator app takes it.
    pub fn totp_base32(&self) -> SecretString {
        self.totp_secret.to_base32()
    }
}

/// Adds the units and the accounts, and makes Thanh tra tỉnh the default intake
/// unit. Passwords are random at every start, so a demo left running on a network
/// is not open to a published password.
pub async fn seed_province(state: &AppState) -> Result<Vec<DemoLogin>, Failure> {
    let bug = |what: &str, error: &dyn std::fmt::Display| {
        Failure::new(format!("demo data is invalid ({what}): {error}"))
    };
    for (code, kind, parent, name, head) in DEMO_UNITS {
        let unit = NewUnit {
            code: UnitCode::parse(code).map_err(|e| bug(code, &e))?,
            name: UnitName::parse(name).map_err(|e| bug(code, &e))?,
            kind,
            parent: parent
                .map(UnitCode::parse)
                .transpose()
                .map_err(|e| bug(code, &e))?,
            head_position: Some(HeadPosition::parse(head).map_err(|e| bug(code, &e))?),
        };
        state
            .store
            .add_unit("system", &unit)
            .await
            .map_err(|e| Failure::new(format!("cannot seed the demo unit {code}: {e}")))?;
    }
    let mut logins = Vec::new();
    for (username, roles, unit) in DEMO_USERS {
        let password = SecretString::from(format!(
            "demo-{}",
            hex_string(&khien_vault::random::random_bytes::<6>())
        ));
        let enrolment = state
            .store
            .create_user(
                "system",
                NewUser {
                    username: Username::parse(username).map_err(|e| bug(username, &e))?,
                    unit: UnitCode::parse(unit).map_err(|e| bug(username, &e))?,
                    roles: roles.to_vec(),
                    password: Password::parse(password.clone()).map_err(|e| bug(username, &e))?,
                },
                &state.server_secret,
                &state.kdf_params,
            )
            .await
            .map_err(|e| Failure::new(format!("cannot seed the demo user {username}: {e}")))?;
        logins.push(DemoLogin {
            username,
            unit,
            password,
            totp_secret: enrolment.totp_secret,
        });
    }
    let intake_unit = state
        .store
        .unit_by_code(&UnitCode::parse(DEFAULT_INTAKE_UNIT).map_err(|e| bug("intake unit", &e))?)
        .await
        .map_err(|e| Failure::new(format!("cannot read the demo intake unit: {e}")))?
        .ok_or_else(|| Failure::new("the demo intake unit is missing"))?;
    state
        .store
        .set_default_intake_unit("system", Some(&intake_unit.id))
        .await
        .map_err(|e| Failure::new(format!("cannot set the default intake unit: {e}")))?;
    Ok(logins)
}

/// The login of `username`.
pub fn login<'a>(logins: &'a [DemoLogin], username: &str) -> Result<&'a DemoLogin, Failure> {
    logins
        .iter()
        .find(|login| login.username == username)
        .ok_or_else(|| Failure::new(format!("the demo has no login {username}")))
}

/// The password as the login form takes it.
pub fn password(login: &DemoLogin) -> &str {
    login.password.expose_secret()
}
