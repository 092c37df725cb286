//! The accounts conformance suite: units, users, logins, unit keys and sessions,
//! every test on SQLite and on PostgreSQL (see `conformance.rs` for the pattern).

use chrono::{DateTime, Duration, Utc};
use khien_domain::accounts::{
    HeadPosition, Password, Role, UnitCode, UnitKind, UnitName, Username, totp_code,
};
use khien_store::accounts::{
    AccountError, Enrolment, ImportRow, LoginAttempt, LoginError, NewSession, NewUnit, NewUser,
    UnitKeyKind,
};
use khien_store::audit::{AuditVerdict, verify};
use khien_store::{Backend, Store, StoreError};
use khien_testkit::{fresh_database, open_test_store};
use khien_vault::kdf::KdfParams;
use khien_vault::server_secret::ServerSecret;
use secrecy::{ExposeSecret, SecretString};
use sqlx::Row;

const PASSWORD: &str = "một mật khẩu đủ dài 2026";
const OTHER_PASSWORD: &str = "cầu Rồng phun lửa lúc 21 giờ";

fn params() -> KdfParams {
    KdfParams::for_tests()
}

fn password(text: &str) -> Password {
    Password::parse(SecretString::from(text)).unwrap()
}

fn code(text: &str) -> UnitCode {
    UnitCode::parse(text).unwrap()
}

fn username(text: &str) -> Username {
    Username::parse(text).unwrap()
}

fn new_unit(unit_code: &str, parent: Option<&str>) -> NewUnit {
    NewUnit {
        code: code(unit_code),
        name: UnitName::parse(&format!("Đơn vị {unit_code}")).unwrap(),
        kind: UnitKind::Department,
        parent: parent.map(code),
        head_position: Some(HeadPosition::parse("Giám đốc").unwrap()),
    }
}

struct Fixture {
    store: Store,
    secret: ServerSecret,
    _database: khien_testkit::TestDatabase,
}

async fn fixture(backend: Backend) -> Fixture {
    let database = fresh_database(backend).await;
    let store = open_test_store(&database, 1000).await;
    Fixture {
        store,
        secret: ServerSecret::generate(),
        _database: database,
    }
}

impl Fixture {
    async fn unit(&self, unit_code: &str, parent: Option<&str>) {
        self.store
            .add_unit("cli", &new_unit(unit_code, parent))
            .await
            .unwrap();
    }

    async fn user(&self, name: &str, unit_code: &str, roles: &[Role]) -> Enrolment {
        self.store
            .create_user(
                "cli",
                NewUser {
                    username: username(name),
                    unit: code(unit_code),
                    roles: roles.to_vec(),
                    password: password(PASSWORD),
                },
                &self.secret,
                &params(),
            )
            .await
            .unwrap()
    }

    async fn login(
        &self,
        name: &str,
        password_text: &str,
        enrolment: &Enrolment,
        now: DateTime<Utc>,
    ) -> Result<khien_store::accounts::LoggedIn, LoginError> {
        let typed = SecretString::from(password_text);
        let totp = totp_code(&enrolment.totp_secret, now.timestamp() as u64 / 30);
        self.store
            .authenticate(
                LoginAttempt {
                    username: name,
                    password: &typed,
                    totp_code: &totp,
                    now,
                },
                &self.secret,
                &params(),
            )
            .await
    }

    async fn count(&self, sql: &str) -> i64 {
        sqlx::query(sql)
            .fetch_one(self.store.reader())
            .await
            .unwrap()
            .get::<i64, _>(0)
    }

    async fn audit_details(&self) -> Vec<(String, String)> {
        sqlx::query("SELECT action, details FROM audit_entries ORDER BY seq")
            .fetch_all(self.store.reader())
            .await
            .unwrap()
            .into_iter()
            .map(|row| (row.get("action"), row.get("details")))
            .collect()
    }
}

async fn units_form_a_tree(backend: Backend) {
    let f = fixture(backend).await;
    f.unit("TINH", None).await;
    f.unit("SO-B", Some("TINH")).await;
    f.unit("SO-A", Some("TINH")).await;
    f.unit("PHONG", Some("SO-B")).await;
    f.unit("KHAC", None).await;
    let listed: Vec<_> = f
        .store
        .list_units()
        .await
        .unwrap()
        .into_iter()
        .map(|u| (u.unit.code.to_string(), u.depth))
        .collect();
    let expected = [
        ("KHAC", 0),
        ("TINH", 0),
        ("SO-A", 1),
        ("SO-B", 1),
        ("PHONG", 2),
    ];
    assert_eq!(listed, expected.map(|(c, d)| (c.to_string(), d)));

    let so_b = f.store.unit_by_code(&code("so-b")).await.unwrap().unwrap();
    assert_eq!(so_b.name.as_str(), "Đơn vị SO-B");
    assert_eq!(so_b.kind, UnitKind::Department);
    assert_eq!(so_b.head_position.unwrap().as_str(), "Giám đốc");
    let tinh = f.store.unit_by_code(&code("TINH")).await.unwrap().unwrap();
    assert_eq!(so_b.parent_id, Some(tinh.id.clone()));
    assert_eq!(f.store.unit_by_id(&tinh.id).await.unwrap().unwrap(), tinh);

    let below: Vec<_> = f
        .store
        .unit_and_descendants(&tinh.id)
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.code.to_string())
        .collect();
    assert_eq!(below, ["PHONG", "SO-A", "SO-B", "TINH"]);
    assert!(f.store.unit_by_code(&code("NONE")).await.unwrap().is_none());
}

async fn a_duplicate_code_or_unknown_parent_is_refused(backend: Backend) {
    let f = fixture(backend).await;
    f.unit("TINH", None).await;
    let duplicate = f.store.add_unit("cli", &new_unit("TINH", None)).await;
    assert!(
        matches!(
            duplicate,
            Err(AccountError::Store(StoreError::Conflict { .. }))
        ),
        "{duplicate:?}"
    );
    let orphan = f.store.add_unit("cli", &new_unit("CON", Some("CHA"))).await;
    assert!(matches!(orphan, Err(AccountError::UnknownParent(ref p)) if p == "CHA"));
    assert_eq!(f.count("SELECT COUNT(*) FROM units").await, 1);
}

async fn an_import_places_parents_first_and_is_all_or_nothing(backend: Backend) {
    let f = fixture(backend).await;
    f.unit("TINH", None).await;
    let rows = vec![
        ImportRow {
            line: 2,
            unit: new_unit("PHONG", Some("SO")),
        },
        ImportRow {
            line: 3,
            unit: new_unit("SO", Some("TINH")),
        },
        ImportRow {
            line: 4,
            unit: new_unit("XA", Some("SO")),
        },
    ];
    let mut seen = Vec::new();
    let count = f
        .store
        .import_units("cli", &rows, |done| seen.push(done))
        .await
        .unwrap();
    assert_eq!(count, 3);
    assert_eq!(seen, [1, 2, 3]);
    assert_eq!(f.count("SELECT COUNT(*) FROM units").await, 4);

    let entries_before = f.count("SELECT COUNT(*) FROM audit_entries").await;
    let bad = vec![
        ImportRow {
            line: 2,
            unit: new_unit("MOI", Some("TINH")),
        },
        ImportRow {
            line: 3,
            unit: new_unit("SO", None),
        },
    ];
    let error = f.store.import_units("cli", &bad, |_| {}).await.unwrap_err();
    assert_eq!(error.to_string(), "line 3: unit SO already exists");
    let unknown = vec![ImportRow {
        line: 9,
        unit: new_unit("MOI", Some("KHONG")),
    }];
    let error = f
        .store
        .import_units("cli", &unknown, |_| {})
        .await
        .unwrap_err();
    assert!(
        matches!(error, AccountError::Import { line: 9, .. }),
        "{error}"
    );
    assert_eq!(f.count("SELECT COUNT(*) FROM units").await, 4);
    assert_eq!(
        f.count("SELECT COUNT(*) FROM audit_entries").await,
        entries_before
    );
}

async fn a_new_user_is_stored_with_roles_and_no_secret_in_the_audit(backend: Backend) {
    let f = fixture(backend).await;
    f.unit("TINH", None).await;
    let enrolment = f
        .user(
            "Can.Bo",
            "TINH",
            &[Role::Handler, Role::Intake, Role::Handler],
        )
        .await;
    let user = f
        .store
        .user_by_username(&username("can.bo"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user, enrolment.user);
    assert_eq!(user.roles, [Role::Intake, Role::Handler]);
    assert_eq!(user.unit_code.as_str(), "TINH");
    assert!(!user.disabled && user.failed_attempts == 0 && user.totp_last_step.is_none());
    assert_eq!(f.store.user_by_id(&user.id).await.unwrap().unwrap(), user);
    assert_eq!(
        f.store.list_users().await.unwrap(),
        std::slice::from_ref(&user)
    );

    let secret_text = enrolment.totp_secret.to_base32().expose_secret().to_owned();
    let recovery_text = enrolment.recovery_key.grouped().expose_secret().to_owned();
    for (action, details) in f.audit_details().await {
        for forbidden in [
            PASSWORD,
            "can.bo",
            secret_text.as_str(),
            recovery_text.as_str(),
        ] {
            assert!(!details.contains(forbidden), "{action}: {details}");
        }
    }
    let verdict = verify(&f.store, &f.store.audit_verifying_key())
        .await
        .unwrap();
    assert!(
        matches!(verdict, AuditVerdict::Intact { .. }),
        "{verdict:?}"
    );
}

async fn a_duplicate_username_or_unknown_unit_is_refused(backend: Backend) {
    let f = fixture(backend).await;
    f.unit("TINH", None).await;
    f.user("can.bo", "TINH", &[Role::Admin]).await;
    let again = f
        .store
        .create_user(
            "cli",
            NewUser {
                username: username("CAN.BO"),
                unit: code("TINH"),
                roles: vec![Role::Admin],
                password: password(PASSWORD),
            },
            &f.secret,
            &params(),
        )
        .await;
    assert!(again.as_ref().err().is_some_and(AccountError::is_conflict));
    let nowhere = f
        .store
        .create_user(
            "cli",
            NewUser {
                username: username("khac"),
                unit: code("KHONG"),
                roles: vec![Role::Admin],
                password: password(PASSWORD),
            },
            &f.secret,
            &params(),
        )
        .await;
    assert!(matches!(nowhere, Err(AccountError::UnknownUnit(ref u)) if u == "KHONG"));
    assert_eq!(f.count("SELECT COUNT(*) FROM users").await, 1);
}

async fn a_login_needs_password_and_a_fresh_code(backend: Backend) {
    let f = fixture(backend).await;
    f.unit("TINH", None).await;
    let enrolment = f.user("can.bo", "TINH", &[Role::Handler]).await;
    let now = Utc::now();
    let logged_in = f.login("can.bo", PASSWORD, &enrolment, now).await.unwrap();
    assert_eq!(
        logged_in.private_key.public_key(),
        enrolment.user.public_key
    );
    assert_eq!(
        logged_in.user.totp_last_step,
        Some(now.timestamp() as u64 / 30)
    );

    // The same code again, even a few seconds later, is refused.
    let reused = f.login("can.bo", PASSWORD, &enrolment, now).await;
    assert!(matches!(reused, Err(LoginError::Rejected)));
    // The next step's code works.
    let later = now + Duration::seconds(30);
    assert!(f.login("can.bo", PASSWORD, &enrolment, later).await.is_ok());

    let wrong = f
        .login(
            "can.bo",
            OTHER_PASSWORD,
            &enrolment,
            later + Duration::seconds(30),
        )
        .await;
    assert!(matches!(wrong, Err(LoginError::Rejected)));
    let unknown = f.login("khong.co", PASSWORD, &enrolment, later).await;
    assert!(matches!(unknown, Err(LoginError::Rejected)));
    let actions: Vec<_> = f
        .audit_details()
        .await
        .into_iter()
        .map(|(a, _)| a)
        .collect();
    assert_eq!(actions.iter().filter(|a| *a == "user.logged_in").count(), 2);
    assert_eq!(
        actions.iter().filter(|a| *a == "user.login_failed").count(),
        2
    );
}

async fn five_failures_lock_the_account_for_a_while(backend: Backend) {
    let f = fixture(backend).await;
    f.unit("TINH", None).await;
    let enrolment = f.user("can.bo", "TINH", &[Role::Handler]).await;
    let now = Utc::now();
    for _ in 0..5 {
        let result = f.login("can.bo", OTHER_PASSWORD, &enrolment, now).await;
        assert!(matches!(result, Err(LoginError::Rejected)));
    }
    let locked = f.login("can.bo", PASSWORD, &enrolment, now).await;
    assert!(matches!(locked, Err(LoginError::Locked { until }) if until > now));
    let after = now + Duration::minutes(16);
    assert!(f.login("can.bo", PASSWORD, &enrolment, after).await.is_ok());
    let user = f
        .store
        .user_by_username(&username("can.bo"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.failed_attempts, 0);
    assert!(user.locked_until.is_none());
}

async fn a_disabled_account_cannot_log_in_until_enabled(backend: Backend) {
    let f = fixture(backend).await;
    f.unit("TINH", None).await;
    let enrolment = f.user("can.bo", "TINH", &[Role::Handler]).await;
    f.store
        .set_user_disabled("cli", &username("can.bo"), true)
        .await
        .unwrap();
    assert!(
        f.store
            .user_by_username(&username("can.bo"))
            .await
            .unwrap()
            .unwrap()
            .disabled
    );
    let now = Utc::now();
    assert!(matches!(
        f.login("can.bo", PASSWORD, &enrolment, now).await,
        Err(LoginError::Rejected)
    ));
    f.store
        .set_user_disabled("cli", &username("can.bo"), false)
        .await
        .unwrap();
    assert!(
        f.login("can.bo", PASSWORD, &enrolment, now + Duration::seconds(30))
            .await
            .is_ok()
    );
    let missing = f
        .store
        .set_user_disabled("cli", &username("khong.co"), true)
        .await;
    assert!(matches!(missing, Err(AccountError::UnknownUser(_))));
}

async fn a_password_change_keeps_the_key(backend: Backend) {
    let f = fixture(backend).await;
    f.unit("TINH", None).await;
    let enrolment = f.user("can.bo", "TINH", &[Role::Handler]).await;
    let wrong = f
        .store
        .change_password(
            "cli",
            &username("can.bo"),
            &SecretString::from(OTHER_PASSWORD),
            &password(OTHER_PASSWORD),
            &params(),
        )
        .await;
    assert!(
        matches!(wrong, Err(AccountError::WrongPassword)),
        "{wrong:?}"
    );
    f.store
        .change_password(
            "cli",
            &username("can.bo"),
            &SecretString::from(PASSWORD),
            &password(OTHER_PASSWORD),
            &params(),
        )
        .await
        .unwrap();
    let now = Utc::now();
    assert!(matches!(
        f.login("can.bo", PASSWORD, &enrolment, now).await,
        Err(LoginError::Rejected)
    ));
    let logged_in = f
        .login("can.bo", OTHER_PASSWORD, &enrolment, now)
        .await
        .unwrap();
    assert_eq!(
        logged_in.private_key.public_key(),
        enrolment.user.public_key
    );
}

async fn the_recovery_key_sets_a_new_password_and_is_replaced(backend: Backend) {
    let f = fixture(backend).await;
    f.unit("TINH", None).await;
    let enrolment = f.user("can.bo", "TINH", &[Role::Handler]).await;
    let wrong = f
        .store
        .recover_with_recovery_key(
            "cli",
            &username("can.bo"),
            &khien_vault::recovery_key::RecoveryKey::generate(),
            &password(OTHER_PASSWORD),
            &params(),
        )
        .await;
    assert!(matches!(wrong, Err(AccountError::WrongRecoveryKey)));
    let new_key = f
        .store
        .recover_with_recovery_key(
            "cli",
            &username("can.bo"),
            &enrolment.recovery_key,
            &password(OTHER_PASSWORD),
            &params(),
        )
        .await
        .unwrap();
    let logged_in = f
        .login("can.bo", OTHER_PASSWORD, &enrolment, Utc::now())
        .await
        .unwrap();
    assert_eq!(
        logged_in.private_key.public_key(),
        enrolment.user.public_key
    );
    // The old recovery key is retired; the new one works.
    let again = f
        .store
        .recover_with_recovery_key(
            "cli",
            &username("can.bo"),
            &enrolment.recovery_key,
            &password(PASSWORD),
            &params(),
        )
        .await;
    assert!(matches!(again, Err(AccountError::WrongRecoveryKey)));
    f.store
        .recover_with_recovery_key(
            "cli",
            &username("can.bo"),
            &new_key,
            &password(PASSWORD),
            &params(),
        )
        .await
        .unwrap();
}

async fn the_first_member_holds_the_unit_key_and_later_ones_are_granted(backend: Backend) {
    let f = fixture(backend).await;
    f.unit("TINH", None).await;
    let unit = f.store.unit_by_code(&code("TINH")).await.unwrap().unwrap();
    // An administrator holds no unit key, and none is made for them.
    f.user("quan.tri", "TINH", &[Role::Admin]).await;
    assert!(
        f.store
            .unit_public_key(&unit.id, UnitKeyKind::Unit)
            .await
            .unwrap()
            .is_none()
    );

    let first = f.user("thu.truong", "TINH", &[Role::Head]).await;
    let unit_public = f
        .store
        .unit_public_key(&unit.id, UnitKeyKind::Unit)
        .await
        .unwrap()
        .unwrap();
    let now = Utc::now();
    let first_login = f.login("thu.truong", PASSWORD, &first, now).await.unwrap();
    let opened = f
        .store
        .open_unit_key(
            &unit.id,
            UnitKeyKind::Unit,
            &first.user.id,
            &first_login.private_key,
        )
        .await
        .unwrap();
    assert_eq!(opened.public_key(), unit_public);
    // A head needs no intake key.
    assert!(matches!(
        f.store
            .open_unit_key(
                &unit.id,
                UnitKeyKind::Intake,
                &first.user.id,
                &first_login.private_key
            )
            .await,
        Err(AccountError::NoKeyAccess)
    ));

    let second = f.user("tiep.nhan", "TINH", &[Role::Intake]).await;
    // The intake key is new, so the intake officer holds it at once; the unit key waits.
    assert!(
        f.store
            .unit_public_key(&unit.id, UnitKeyKind::Intake)
            .await
            .unwrap()
            .is_some()
    );
    let grants = f
        .store
        .pending_grants_for_holder(&first.user.id)
        .await
        .unwrap();
    assert_eq!(grants.len(), 1);
    assert_eq!(grants[0].grantee, second.user.id);
    assert_eq!(grants[0].kind, UnitKeyKind::Unit);
    assert!(
        f.store
            .pending_grants_for_holder(&second.user.id)
            .await
            .unwrap()
            .is_empty()
    );

    let fulfilled = f
        .store
        .fulfil_pending_grants(&first.user.id, &first_login.private_key)
        .await
        .unwrap();
    assert_eq!(fulfilled, 1);
    assert!(
        f.store
            .pending_grants_for_holder(&first.user.id)
            .await
            .unwrap()
            .is_empty()
    );
    let second_login = f.login("tiep.nhan", PASSWORD, &second, now).await.unwrap();
    let opened = f
        .store
        .open_unit_key(
            &unit.id,
            UnitKeyKind::Unit,
            &second.user.id,
            &second_login.private_key,
        )
        .await
        .unwrap();
    assert_eq!(opened.public_key(), unit_public);

    // Losing the case roles deletes the seal.
    f.store
        .set_user_roles("cli", &username("tiep.nhan"), &[Role::Hr])
        .await
        .unwrap();
    assert_eq!(
        f.count("SELECT COUNT(*) FROM unit_key_seals WHERE kind = 'unit'")
            .await,
        1
    );
}

async fn a_reset_gives_a_new_key_pair_and_waits_for_a_grant(backend: Backend) {
    let f = fixture(backend).await;
    f.unit("TINH", None).await;
    let unit = f.store.unit_by_code(&code("TINH")).await.unwrap().unwrap();
    let head = f.user("thu.truong", "TINH", &[Role::Head]).await;
    let handler = f.user("xu.ly", "TINH", &[Role::Handler]).await;
    let now = Utc::now();
    let head_login = f.login("thu.truong", PASSWORD, &head, now).await.unwrap();
    f.store
        .fulfil_pending_grants(&head.user.id, &head_login.private_key)
        .await
        .unwrap();
    let unit_public = f
        .store
        .unit_public_key(&unit.id, UnitKeyKind::Unit)
        .await
        .unwrap()
        .unwrap();

    let reset = f
        .store
        .admin_reset_user(
            "cli",
            &username("xu.ly"),
            &password(OTHER_PASSWORD),
            &f.secret,
            &params(),
        )
        .await
        .unwrap();
    assert_ne!(reset.user.public_key, handler.user.public_key);
    // Old password, old TOTP secret and old recovery key are all gone.
    assert!(matches!(
        f.login("xu.ly", PASSWORD, &reset, now).await,
        Err(LoginError::Rejected)
    ));
    assert!(matches!(
        f.login("xu.ly", OTHER_PASSWORD, &handler, now).await,
        Err(LoginError::Rejected)
    ));
    let relogin = f.login("xu.ly", OTHER_PASSWORD, &reset, now).await.unwrap();
    assert!(matches!(
        f.store
            .open_unit_key(
                &unit.id,
                UnitKeyKind::Unit,
                &reset.user.id,
                &relogin.private_key
            )
            .await,
        Err(AccountError::NoKeyAccess)
    ));
    let grants = f
        .store
        .pending_grants_for_holder(&head.user.id)
        .await
        .unwrap();
    assert_eq!(grants.len(), 1);
    assert_eq!(grants[0].grantee_public_key, reset.user.public_key);
    f.store
        .fulfil_grant(&head.user.id, &head_login.private_key, &grants[0])
        .await
        .unwrap();
    let opened = f
        .store
        .open_unit_key(
            &unit.id,
            UnitKeyKind::Unit,
            &reset.user.id,
            &relogin.private_key,
        )
        .await
        .unwrap();
    assert_eq!(opened.public_key(), unit_public);
}

async fn resetting_the_only_holder_replaces_the_unit_key(backend: Backend) {
    let f = fixture(backend).await;
    f.unit("TINH", None).await;
    let unit = f.store.unit_by_code(&code("TINH")).await.unwrap().unwrap();
    f.user("thu.truong", "TINH", &[Role::Head]).await;
    let before = f
        .store
        .unit_public_key(&unit.id, UnitKeyKind::Unit)
        .await
        .unwrap()
        .unwrap();
    let reset = f
        .store
        .admin_reset_user(
            "cli",
            &username("thu.truong"),
            &password(OTHER_PASSWORD),
            &f.secret,
            &params(),
        )
        .await
        .unwrap();
    let after = f
        .store
        .unit_public_key(&unit.id, UnitKeyKind::Unit)
        .await
        .unwrap()
        .unwrap();
    assert_ne!(before, after);
    let login = f
        .login("thu.truong", OTHER_PASSWORD, &reset, Utc::now())
        .await
        .unwrap();
    let opened = f
        .store
        .open_unit_key(
            &unit.id,
            UnitKeyKind::Unit,
            &reset.user.id,
            &login.private_key,
        )
        .await
        .unwrap();
    assert_eq!(opened.public_key(), after);
}

async fn sessions_are_created_found_touched_and_expired(backend: Backend) {
    let f = fixture(backend).await;
    f.unit("TINH", None).await;
    let enrolment = f.user("can.bo", "TINH", &[Role::Handler]).await;
    let now = Utc::now();
    let session = |byte: u8, expires: DateTime<Utc>| NewSession {
        id_hash: [byte; 32],
        user_id: enrolment.user.id.clone(),
        now,
        absolute_expires_at: expires,
        sealed_private_key: vec![byte; 80],
        csrf_token: format!("csrf-{byte}"),
    };
    f.store
        .create_session(&session(1, now + Duration::hours(8)))
        .await
        .unwrap();
    f.store
        .create_session(&session(2, now + Duration::minutes(1)))
        .await
        .unwrap();
    f.store
        .create_session(&session(3, now + Duration::hours(8)))
        .await
        .unwrap();

    let found = f.store.find_session(&[1; 32]).await.unwrap().unwrap();
    assert_eq!(found.user_id, enrolment.user.id);
    assert_eq!(found.sealed_private_key, vec![1; 80]);
    assert_eq!(found.csrf_token, "csrf-1");
    assert!(found.is_live(now, Duration::minutes(30)));
    assert!(!found.is_live(now + Duration::minutes(31), Duration::minutes(30)));
    assert!(f.store.find_session(&[9; 32]).await.unwrap().is_none());

    let later = now + Duration::minutes(20);
    f.store.touch_session(&[1; 32], later).await.unwrap();
    let touched = f.store.find_session(&[1; 32]).await.unwrap().unwrap();
    assert!(touched.last_seen_at > found.last_seen_at);

    // At +40 min: session 2 is past its absolute expiry, session 3 idle for 40 min.
    let deleted = f
        .store
        .delete_expired_sessions(now + Duration::minutes(40), Duration::minutes(30))
        .await
        .unwrap();
    assert_eq!(deleted, 2);
    assert!(f.store.find_session(&[1; 32]).await.unwrap().is_some());

    f.store.delete_session(&[1; 32]).await.unwrap();
    assert!(f.store.find_session(&[1; 32]).await.unwrap().is_none());
    f.store
        .create_session(&session(4, now + Duration::hours(8)))
        .await
        .unwrap();
    f.store
        .create_session(&session(5, now + Duration::hours(8)))
        .await
        .unwrap();
    assert_eq!(
        f.store
            .delete_sessions_for_user(&enrolment.user.id)
            .await
            .unwrap(),
        2
    );
    // Disabling a user ends their sessions too.
    f.store
        .create_session(&session(6, now + Duration::hours(8)))
        .await
        .unwrap();
    f.store
        .set_user_disabled("cli", &username("can.bo"), true)
        .await
        .unwrap();
    assert!(f.store.find_session(&[6; 32]).await.unwrap().is_none());
}

async fn a_units_handlers_are_its_enabled_handlers_and_heads(backend: Backend) {
    let f = fixture(backend).await;
    f.unit("SO", None).await;
    f.unit("KHAC", None).await;
    let head = f.user("truong", "SO", &[Role::Head]).await;
    let handler = f.user("thu.ly", "SO", &[Role::Handler, Role::Intake]).await;
    f.user("tiep.nhan", "SO", &[Role::Intake]).await;
    f.user("nghi.viec", "SO", &[Role::Handler]).await;
    f.user("don.vi.khac", "KHAC", &[Role::Handler]).await;
    f.store
        .set_user_disabled("cli", &username("nghi.viec"), true)
        .await
        .unwrap();

    let handlers = f.store.unit_handlers(&head.user.unit_id).await.unwrap();
    assert_eq!(
        handlers,
        vec![
            (handler.user.id.clone(), username("thu.ly")),
            (head.user.id.clone(), username("truong")),
        ]
    );
}

khien_testkit::on_both_backends!(
    units_form_a_tree,
    a_duplicate_code_or_unknown_parent_is_refused,
    an_import_places_parents_first_and_is_all_or_nothing,
    a_new_user_is_stored_with_roles_and_no_secret_in_the_audit,
    a_duplicate_username_or_unknown_unit_is_refused,
    a_login_needs_password_and_a_fresh_code,
    five_failures_lock_the_account_for_a_while,
    a_disabled_account_cannot_log_in_until_enabled,
    a_password_change_keeps_the_key,
    the_recovery_key_sets_a_new_password_and_is_replaced,
    the_first_member_holds_the_unit_key_and_later_ones_are_granted,
    a_reset_gives_a_new_key_pair_and_waits_for_a_grant,
    resetting_the_only_holder_replaces_the_unit_key,
    sessions_are_created_found_touched_and_expired,
    a_units_handlers_are_its_enabled_handlers_and_heads,
);
