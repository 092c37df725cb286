//! `khien generate` run as a real process on both backends: a small province of 200
//! cases, then read back through the store as the server would — every case opens
//! with its unit's key (logged in as the unit's generated intake officer, TOTP and
//! all), its report decrypts, its history folds, and the clock columns agree with
//! the fold. The 100 000-case run is a benchmark (crates/load-driver/README.md),
//! not a test; this keeps the generator from rotting.

use std::collections::BTreeSet;
use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use khien_calendar::Calendar;
use khien_domain::accounts::{TOTP_STEP_SECONDS, TotpSecret, totp_code};
use khien_domain::case_file::Stage;
use khien_domain::rules::RulePacks;
use khien_store::accounts::{LoginAttempt, UnitKeyKind};
use khien_store::audit::{AuditVerdict, verify};
use khien_store::data_dir::DataDir;
use khien_store::workflow::{ClockContext, InboxFilter};
use khien_store::{Backend, DatabaseUrl, Store, StoreOptions};
use khien_testkit::{TestDatabase, fresh_database};
use khien_vault::kdf::KdfParams;
use khien_vault::server_secret::ServerSecret;
use khien_vault::signing::VerifyingKey;
use secrecy::SecretString;
use serde_json::Value;

const CASES: i64 = 200;

/// `khien generate` on the test database, with the `KHIEN_*` variables cleared.
fn generate(database: &TestDatabase, extra: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_khien"));
    command
        .arg("generate")
        .arg("--data-dir")
        .arg(database.data_dir.path())
        .arg("--database-url")
        .arg(match &database.url {
            DatabaseUrl::Sqlite(path) => format!("sqlite://{}", path.display()),
            DatabaseUrl::Postgres(url) => url.clone(),
        })
        .args(extra)
        .stdin(Stdio::null());
    for name in [
        "KHIEN_CONFIG",
        "KHIEN_DATA_DIR",
        "KHIEN_DATABASE_URL",
        "KHIEN_LOG",
    ] {
        command.env_remove(name);
    }
    command.output().expect("run khien generate")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The generated installation's store, server secret and audit key.
async fn open(database: &TestDatabase) -> (Store, ServerSecret, VerifyingKey) {
    let secrets = DataDir::open(database.data_dir.path())
        .unwrap()
        .load_or_create_secrets()
        .unwrap();
    let verifying_key = secrets.audit_signing_key.verifying_key();
    let store = Store::connect(StoreOptions {
        url: database.url.clone(),
        audit_signing_key: Arc::new(secrets.audit_signing_key),
        checkpoint_every: 1000,
        connect_timeout: Duration::from_secs(10),
    })
    .await
    .unwrap();
    (store, secrets.server_secret, verifying_key)
}

async fn a_small_province_opens_and_folds(backend: Backend) {
    let database = fresh_database(backend).await;
    let output = tokio::task::block_in_place(|| {
        generate(&database, &["--cases", &CASES.to_string(), "--jobs", "3"])
    });
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains(&format!("generated {CASES} cases")),
        "{stdout}"
    );
    assert!(text(&output.stderr).contains("measurement only"));

    let logins_path = database.data_dir.path().join("generated-logins.json");
    let mode = std::fs::metadata(&logins_path)
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "the logins file holds passwords");
    let logins: Value =
        serde_json::from_str(&std::fs::read_to_string(&logins_path).unwrap()).unwrap();
    let logins = logins["logins"].as_array().unwrap().clone();
    assert_eq!(logins.len(), 20);

    let (store, server_secret, verifying_key) = open(&database).await;
    let units = store.list_units().await.unwrap();
    assert_eq!(units.len(), 21);
    assert!(
        units
            .iter()
            .all(|u| u.unit.code.as_str().starts_with("GEN-"))
    );

    let calendar = Calendar::builtin();
    let context = ClockContext {
        today: (Utc::now() + chrono::Duration::hours(7)).date_naive(),
        packs: RulePacks::builtin(),
        calendar: &calendar,
    };
    let mut total = 0;
    let mut stages = BTreeSet::new();
    let mut assigned = 0;
    for login in &logins {
        let code = login["unit"].as_str().unwrap();
        let unit = units.iter().find(|u| u.unit.code.as_str() == code).unwrap();
        let count = store
            .count_inbox(&unit.unit.id, &InboxFilter::default())
            .await
            .unwrap();
        assert_eq!(login["cases"].as_i64(), Some(count), "{code}");
        total += count;
        if count == 0 {
            continue;
        }
        // Log in as the unit's intake officer, as the server would.
        let secret = TotpSecret::from_base32(login["totp_secret"].as_str().unwrap()).unwrap();
        let step = Utc::now().timestamp() as u64 / TOTP_STEP_SECONDS;
        let password = SecretString::from(login["password"].as_str().unwrap());
        let logged_in = store
            .authenticate(
                LoginAttempt {
                    username: login["username"].as_str().unwrap(),
                    password: &password,
                    totp_code: &totp_code(&secret, step),
                    now: Utc::now(),
                },
                &server_secret,
                &KdfParams::for_tests(),
            )
            .await
            .unwrap_or_else(|e| panic!("{code}: {e}"));
        let unit_secret = store
            .open_unit_key(
                &unit.unit.id,
                UnitKeyKind::Unit,
                &logged_in.user.id,
                &logged_in.private_key,
            )
            .await
            .unwrap();
        let page = store
            .unit_inbox(&unit.unit.id, &InboxFilter::default(), None, 200)
            .await
            .unwrap();
        assert_eq!(page.cases.len() as i64, count);
        for case in &page.cases {
            let key = store
                .case_key_as_unit(&case.id, &unit_secret)
                .await
                .unwrap();
            let report = store.report_content(&case.id, &key).await.unwrap();
            assert!(!report.subject.is_empty());
            let history = store.case_history(&case.id, &key).await.unwrap();
            let folded = store.folded_case(&case.id, &context).await.unwrap();
            assert_eq!(history.len(), folded.events.len());
            assert_eq!(
                folded.state.stage, case.stage,
                "clock column of {}",
                case.id
            );
            assert_eq!(
                folded.state.handler.as_deref(),
                case.assignee.as_ref().map(|a| a.as_str()),
            );
            assert!(case.received_on >= "2025-01-01".parse().unwrap());
            assert!(case.received_on <= context.today);
            stages.insert(case.stage.code());
            assigned += usize::from(case.assignee.is_some());
        }
    }
    assert_eq!(total, CASES);
    // Not all alike: several stages, some assigned cases.
    assert!(stages.len() >= 5, "{stages:?}");
    assert!(stages.contains(Stage::Closed.code()), "{stages:?}");
    assert!(assigned > 0);
    assert!(matches!(
        verify(&store, &verifying_key).await.unwrap(),
        AuditVerdict::Intact { .. }
    ));

    // A database with data in it is refused, with one line and exit status 2.
    let again = tokio::task::block_in_place(|| generate(&database, &["--cases", "1"]));
    assert_eq!(again.status.code(), Some(2), "{}", text(&again.stderr));
    let stderr = text(&again.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("--force"), "{stderr}");
    let total_after: i64 = {
        let mut sum = 0;
        for unit in &units {
            sum += store
                .count_inbox(&unit.unit.id, &InboxFilter::default())
                .await
                .unwrap();
        }
        sum
    };
    assert_eq!(total_after, CASES);
    store.close().await;
}

khien_testkit::on_both_backends!(a_small_province_opens_and_folds);

#[test]
fn out_of_range_counts_are_refused_before_anything_is_touched() {
    let data_dir = tempfile::tempdir().unwrap();
    for args in [["--cases", "0"], ["--jobs", "65"]] {
        let output = Command::new(env!("CARGO_BIN_EXE_khien"))
            .arg("generate")
            .arg("--data-dir")
            .arg(data_dir.path())
            .args(args)
            .env_remove("KHIEN_DATABASE_URL")
            .env_remove("KHIEN_CONFIG")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(text(&output.stderr).starts_with("error: --"), "{args:?}");
    }
    assert!(
        std::fs::read_dir(data_dir.path()).unwrap().next().is_none(),
        "nothing was created"
    );
}
