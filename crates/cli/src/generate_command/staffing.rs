//! Making the generated province: its units, their staff, and the unit keys in the
//! hands of every member, as an administrator and the first logins would make them.
//!
//! Each unit's head is created first, so the unit's key pairs are made for and
//! sealed to them; the generator then logs in as the head (password and TOTP, like
//! anyone) and passes the keys on to the other members, as a key holder's first
//! login does in production. The head's opened unit key is what the generator
//! records events with. The intake officer, whose login goes into the logins file,
//! is never logged in here, so their first TOTP code is still unused.

use chrono::Utc;
use khien_domain::accounts::{
    HeadPosition, Password, TOTP_STEP_SECONDS, UnitCode, UnitName, Username, totp_code,
};
use khien_store::Store;
use khien_store::accounts::{LoginAttempt, NewUnit, NewUser, UnitId, UnitKeyKind, UserId};
use khien_vault::kdf::KdfParams;
use khien_vault::sealed_box::SecretKey;
use khien_vault::server_secret::ServerSecret;
use secrecy::SecretString;

use super::logins_file::GeneratedLogin;
use super::province::{BIG_SHARE, CODE_PREFIX, PlannedUnit, ROOT, StaffPost, UNITS, staff_posts};
use crate::Failure;
use crate::demo_command::hex_string;

/// Who the audit chain names for what the generator sets up.
pub const GENERATOR_ACTOR: &str = "generator";

/// A generated unit, ready to receive cases.
pub struct StaffedUnit {
    /// Its plan.
    pub plan: &'static PlannedUnit,
    /// Its id.
    pub id: UnitId,
    /// Its full code (with the prefix).
    pub code: String,
    /// The head, who records the events.
    pub head: UserId,
    /// The intake officer, who records letters, calls and visits.
    pub intake_officer: UserId,
    /// Everyone who may be assigned a case (the intake officer and the handlers).
    pub handlers: Vec<String>,
    /// The unit's private key, opened by the head.
    pub unit_secret: SecretKey,
    /// The login the logins file gives for it.
    pub login: GeneratedLogin,
}

/// Adds the root and the twenty units, their staff, and hands out the keys. Staff
/// passwords are random; their Argon2 cost is `params`.
pub async fn staff_province(
    store: &Store,
    server_secret: &ServerSecret,
    params: &KdfParams,
) -> Result<Vec<StaffedUnit>, Failure> {
    add_unit(store, &ROOT, None).await?;
    let root_code = format!("{CODE_PREFIX}{}", ROOT.code);
    let mut units = Vec::with_capacity(UNITS.len());
    for plan in &UNITS {
        let id = add_unit(store, plan, Some(&root_code)).await?;
        units.push(staff_unit(store, server_secret, params, plan, id).await?);
    }
    Ok(units)
}

async fn add_unit(
    store: &Store,
    plan: &PlannedUnit,
    parent: Option<&str>,
) -> Result<UnitId, Failure> {
    let code = format!("{CODE_PREFIX}{}", plan.code);
    let bug =
        |error: &dyn std::fmt::Display| Failure::new(format!("generated unit {code}: {error}"));
    let unit = NewUnit {
        code: UnitCode::parse(&code).map_err(|e| bug(&e))?,
        name: UnitName::parse(plan.name).map_err(|e| bug(&e))?,
        kind: plan.kind,
        parent: parent
            .map(UnitCode::parse)
            .transpose()
            .map_err(|e| bug(&e))?,
        head_position: Some(HeadPosition::parse(plan.head).map_err(|e| bug(&e))?),
    };
    let added = store
        .add_unit(GENERATOR_ACTOR, &unit)
        .await
        .map_err(|error| {
            if error.is_conflict() {
                Failure::new(format!(
                    "unit {code} already exists: generate into a fresh database"
                ))
            } else {
                bug(&error)
            }
        })?;
    Ok(added.id)
}

async fn staff_unit(
    store: &Store,
    server_secret: &ServerSecret,
    params: &KdfParams,
    plan: &'static PlannedUnit,
    id: UnitId,
) -> Result<StaffedUnit, Failure> {
    let code = format!("{CODE_PREFIX}{}", plan.code);
    let mut head = None;
    let mut intake_officer = None;
    let mut handlers = Vec::new();
    for post in staff_posts(plan) {
        let username = post.username(plan.code);
        let bug = |error: &dyn std::fmt::Display| {
            Failure::new(format!("generated user {username}: {error}"))
        };
        let password = SecretString::from(format!(
            "gen-{}",
            hex_string(&khien_vault::random::random_bytes::<12>())
        ));
        let enrolment = store
            .create_user(
                GENERATOR_ACTOR,
                NewUser {
                    username: Username::parse(&username).map_err(|e| bug(&e))?,
                    unit: UnitCode::parse(&code).map_err(|e| bug(&e))?,
                    roles: post.roles(),
                    password: Password::parse(password.clone()).map_err(|e| bug(&e))?,
                },
                server_secret,
                params,
            )
            .await
            .map_err(|e| bug(&e))?;
        let user_id = enrolment.user.id.clone();
        match post {
            StaffPost::Head => head = Some((username, password, enrolment)),
            StaffPost::IntakeOfficer => {
                handlers.push(user_id.to_string());
                intake_officer = Some((
                    user_id,
                    GeneratedLogin {
                        unit: code.clone(),
                        unit_name: plan.name.to_owned(),
                        big: plan.share >= BIG_SHARE,
                        cases: 0,
                        username,
                        password,
                        totp_secret: enrolment.totp_secret.to_base32(),
                    },
                ));
            }
            StaffPost::Handler(_) => handlers.push(user_id.to_string()),
        }
    }
    let (head_name, head_password, head_enrolment) =
        head.ok_or_else(|| Failure::new("a generated unit has no head"))?;
    let (intake_officer, login) =
        intake_officer.ok_or_else(|| Failure::new("a generated unit has no intake officer"))?;
    let step = Utc::now().timestamp() as u64 / TOTP_STEP_SECONDS;
    let logged_in = store
        .authenticate(
            LoginAttempt {
                username: &head_name,
                password: &head_password,
                totp_code: &totp_code(&head_enrolment.totp_secret, step),
                now: Utc::now(),
            },
            server_secret,
            params,
        )
        .await
        .map_err(|e| Failure::new(format!("cannot log in as {head_name}: {e}")))?;
    store
        .fulfil_pending_grants(&logged_in.user.id, &logged_in.private_key)
        .await
        .map_err(|e| Failure::new(format!("cannot hand out the keys of {code}: {e}")))?;
    let unit_secret = store
        .open_unit_key(
            &id,
            UnitKeyKind::Unit,
            &logged_in.user.id,
            &logged_in.private_key,
        )
        .await
        .map_err(|e| Failure::new(format!("cannot open the key of {code}: {e}")))?;
    Ok(StaffedUnit {
        plan,
        id,
        code,
        head: logged_in.user.id,
        intake_officer,
        handlers,
        unit_secret,
        login,
    })
}
