//! `khien demo`: a throwaway installation to look around in.
//!
//! The demo directory is recreated at every start, so it only ever holds demo data;
//! a directory that is not a demo directory is never deleted.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use khien_domain::accounts::{
    HeadPosition, Password, Role, TOTP_STEP_SECONDS, UnitCode, UnitKind, UnitName, Username,
    totp_code,
};
use khien_store::accounts::{LoginAttempt, NewUnit, NewUser};
use khien_web::Application;
use secrecy::{ExposeSecret, SecretString};

use crate::Failure;
use crate::cli_args::InstallationArgs;
use crate::shutdown_signal::shutdown_signal;
use crate::{logging, settings};

/// The file that marks a directory as made by `khien demo`.
const DEMO_MARKER: &str = ".khien-demo";
const DEFAULT_DEMO_DIR: &str = "./khien-demo";

/// Recreates the demo directory, seeds it, and serves until interrupted.
pub async fn run(
    installation: &InstallationArgs,
    listen: Option<SocketAddr>,
) -> Result<ExitCode, Failure> {
    let mut installation = installation.clone();
    if installation.data_dir.is_none() {
        installation.data_dir = Some(PathBuf::from(DEFAULT_DEMO_DIR));
    }
    let settings = settings::load(&installation, listen).map_err(Failure::usage)?;
    if settings.database_url.is_some() {
        return Err(Failure::usage(
            "the demo always uses its own SQLite file: drop --database-url / KHIEN_DATABASE_URL",
        ));
    }
    logging::init(&settings.log);
    recreate_demo_dir(&settings.data_dir)?;
    let application = Application::build(settings.server_settings())
        .await
        .map_err(Failure::new)?;
    let logins = seed_demo_province(&application).await?;
    let address = application.local_addr();
    println!("Khiên demo is running. Stop it with Ctrl-C.");
    println!();
    println!("  Cổng thông tin / public portal:  http://{address}/");
    println!("  Trang cán bộ / staff console:    http://{address}/staff/login");
    println!("  Reports with no unit chosen go to {DEFAULT_INTAKE_UNIT} (Thanh tra tỉnh).");
    println!();
    println!("  Demo logins (this demo only; new passwords at every start):");
    println!(
        "    {:<16} {:<20} {:<32}  unit",
        "username", "password", "TOTP secret"
    );
    for login in &logins {
        println!(
            "    {:<16} {:<20} {:<32}  {}",
            login.username,
            login.password.expose_secret(),
            login.totp_secret.expose_secret(),
            login.unit
        );
    }
    println!(
        "  TOTP codes: add the secret to an authenticator app, or run `oathtool --totp -b SECRET`."
    );
    println!(
        "  Data directory (recreated at every demo start): {}",
        settings.data_dir.display()
    );
    println!();
    application
        .run_until(shutdown_signal())
        .await
        .map_err(Failure::new)?;
    Ok(ExitCode::SUCCESS)
}

/// Deletes and recreates the directory if it is a demo directory (or absent);
/// refuses anything else.
fn recreate_demo_dir(path: &Path) -> Result<(), Failure> {
    if path.exists() {
        let is_demo = path.join(DEMO_MARKER).exists();
        let is_empty = std::fs::read_dir(path)
            .map(|mut entries| entries.next().is_none())
            .unwrap_or(false);
        if !is_demo && !is_empty {
            return Err(Failure::usage(format!(
                "{} exists and was not made by `khien demo`; choose another --data-dir",
                path.display()
            )));
        }
        std::fs::remove_dir_all(path)
            .map_err(|error| Failure::new(format!("cannot clear {}: {error}", path.display())))?;
    }
    std::fs::create_dir_all(path)
        .and_then(|()| std::fs::write(path.join(DEMO_MARKER), "made by khien demo\n"))
        .map_err(|error| Failure::new(format!("cannot create {}: {error}", path.display())))
}

/// The demo province: a fictional "tỉnh Thanh Sơn" with the bodies that handle
/// reports. (code, kind, parent, name, head position)
const DEMO_UNITS: [(&str, UnitKind, Option<&str>, &str, &str); 10] = [
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

/// One demo user per role: (username, role, unit code).
const DEMO_USERS: [(&str, Role, &str); 9] = [
    ("demo.admin", Role::Admin, "UBND"),
    ("demo.intake", Role::Intake, "TTT"),
    ("demo.handler", Role::Handler, "TTT"),
    ("demo.head", Role::Head, "TTT"),
    ("demo.custodian", Role::Custodian, "TTT"),
    ("demo.protection", Role::Protection, "CA"),
    ("demo.hr", Role::Hr, "SO-TC"),
    ("demo.oversight", Role::Oversight, "BNC-TU"),
    ("demo.auditor", Role::Auditor, "UBND"),
];

/// A demo login to print in the banner. No `Debug`.
struct DemoLogin {
    username: &'static str,
    unit: &'static str,
    password: SecretString,
    totp_secret: SecretString,
}

/// Seeds the demo province and its users. Passwords are random at every start,
/// so a demo left running on a network is not open to a published password.
async fn seed_demo_province(application: &Application) -> Result<Vec<DemoLogin>, Failure> {
    let state = application.state();
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
    let mut enrolments = Vec::new();
    for (username, role, unit) in DEMO_USERS {
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
                    roles: vec![role],
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
            password: password.clone(),
            totp_secret: enrolment.totp_secret.to_base32(),
        });
        enrolments.push((username, password, enrolment));
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
    // In a real unit, keys reach new members when a member who holds them logs
    // in. The demo logs its first key holder in once, so that every demo login
    // can open its unit's cases straight away.
    if let Some((username, password, enrolment)) = enrolments
        .iter()
        .find(|(username, _, _)| *username == "demo.intake")
    {
        let step = chrono::Utc::now().timestamp() as u64 / TOTP_STEP_SECONDS;
        let logged_in = state
            .store
            .authenticate(
                LoginAttempt {
                    username,
                    password,
                    totp_code: &totp_code(&enrolment.totp_secret, step),
                    now: chrono::Utc::now(),
                },
                &state.server_secret,
                &state.kdf_params,
            )
            .await
            .map_err(|_| Failure::new("cannot open the demo unit keys"))?;
        state
            .store
            .fulfil_pending_grants(&logged_in.user.id, &logged_in.private_key)
            .await
            .map_err(|e| Failure::new(format!("cannot grant the demo unit keys: {e}")))?;
    }
    Ok(logins)
}

/// Where reports go when the reporter does not know the competent unit.
const DEFAULT_INTAKE_UNIT: &str = "TTT";

pub(crate) fn hex_string(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}
