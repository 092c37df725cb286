//! The tripwire conformance suite: protected persons' ID numbers kept only as
//! blind indexes, HR decisions matched against them on the decision's date,
//! one alert per case for the unit handling it, acknowledgement and review,
//! and an audit trail that does not tell the HR officer's match from a miss.
//! Every test runs on SQLite and on PostgreSQL.

use chrono::{DateTime, NaiveDate, Utc};
use khien_domain::accounts::{
    HeadPosition, Password, Role, UnitCode, UnitKind, UnitName, Username,
};
use khien_domain::intake::{AttachmentLimits, Channel, NewReport, ReportDraft};
use khien_domain::protection::{
    IdNumberDraft, NationalIdNumber, ProtectedPerson, ProtectionRequest,
};
use khien_domain::tripwire::{AlertKind, AlertReview, HrActionKind, ReviewOutcome};
use khien_store::accounts::{NewUnit, NewUser, UnitId, UnitKeyKind, UserId};
use khien_store::audit::{AuditVerdict, verify};
use khien_store::blobs::BlobStore;
use khien_store::intake::{Author, CaseId, PendingCase, Submission, unlock_as_reporter};
use khien_store::tripwire::{AlertId, AlertOfficer, HrActionRecord, TripwireError};
use khien_store::{Backend, Store};
use khien_testkit::{TestDatabase, fresh_database, open_test_store};
use khien_vault::case_keys::issue_receipt;
use khien_vault::kdf::KdfParams;
use khien_vault::sealed_box::SecretKey;
use khien_vault::server_secret::ServerSecret;
use khien_vault::staff_keys::{WrappedKey, unwrap_with_recovery_key};
use khien_vault::symmetric::DataKey;
use secrecy::SecretString;
use sqlx::Row;

const REPORTER_ID: &str = "001098012345";
const SPOUSE_ID: &str = "012345678";
const STRANGER_ID: &str = "079200001111";
const NOTE: &str = "QĐ 12/QĐ-SYT điều chuyển GhiChuRieng7781";

struct Staff {
    id: UserId,
    key: SecretKey,
}

struct Fixture {
    store: Store,
    secret: ServerSecret,
    blobs: BlobStore,
    /// The unit handling the cases, and its protection officer (who holds its key).
    ttt: UnitId,
    protection: Staff,
    /// The employing unit, and its HR officer.
    syt: UnitId,
    hr: UserId,
    _database: TestDatabase,
}

fn code(text: &str) -> UnitCode {
    UnitCode::parse(text).unwrap()
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// Protection starts on the request's date in Vietnam.
fn today_in_vietnam() -> String {
    (Utc::now() + chrono::Duration::hours(7))
        .date_naive()
        .format("%Y-%m-%d")
        .to_string()
}

fn number(digits: &str) -> NationalIdNumber {
    NationalIdNumber::parse_field("id_number", digits).expect("a valid number")
}

async fn fixture(backend: Backend) -> Fixture {
    let database = fresh_database(backend).await;
    let store = open_test_store(&database, 1000).await;
    let blobs = BlobStore::open(database.data_dir.path().join("blobs")).unwrap();
    let mut f = Fixture {
        store,
        secret: ServerSecret::generate(),
        blobs,
        ttt: UnitId::parse(&"0".repeat(32)).unwrap(),
        protection: Staff {
            id: UserId::parse(&"0".repeat(32)).unwrap(),
            key: SecretKey::generate(),
        },
        syt: UnitId::parse(&"0".repeat(32)).unwrap(),
        hr: UserId::parse(&"0".repeat(32)).unwrap(),
        _database: database,
    };
    f.ttt = f.unit("TTT").await;
    f.syt = f.unit("SYT").await;
    // The first member with a case role holds the unit's key at once; an
    // intake key is needed for web reports to reach the unit.
    f.protection = f
        .user("bao.ve", "TTT", &[Role::Protection, Role::Intake])
        .await;
    f.hr = f.user("to.chuc", "SYT", &[Role::Hr]).await.id;
    f
}

impl Fixture {
    async fn unit(&self, unit_code: &str) -> UnitId {
        self.store
            .add_unit(
                "cli",
                &NewUnit {
                    code: code(unit_code),
                    name: UnitName::parse(&format!("Đơn vị {unit_code}")).unwrap(),
                    kind: UnitKind::Inspectorate,
                    parent: None,
                    head_position: Some(HeadPosition::parse("Chánh Thanh tra").unwrap()),
                },
            )
            .await
            .unwrap()
            .id
    }

    /// A user and their private key (opened with the recovery key).
    async fn user(&self, name: &str, unit_code: &str, roles: &[Role]) -> Staff {
        let enrolment = self
            .store
            .create_user(
                "cli",
                NewUser {
                    username: Username::parse(name).unwrap(),
                    unit: code(unit_code),
                    roles: roles.to_vec(),
                    password: Password::parse(SecretString::from("một mật khẩu đủ dài 2026"))
                        .unwrap(),
                },
                &self.secret,
                &KdfParams::for_tests(),
            )
            .await
            .unwrap();
        let wrapped: Vec<u8> = sqlx::query("SELECT wrapped_key_recovery FROM users WHERE id = $1")
            .bind(enrolment.user.id.as_str())
            .fetch_one(self.store.reader())
            .await
            .unwrap()
            .get("wrapped_key_recovery");
        let key = unwrap_with_recovery_key(
            &WrappedKey::from_bytes(&wrapped).unwrap(),
            &enrolment.recovery_key,
        )
        .unwrap();
        Staff {
            id: enrolment.user.id,
            key,
        }
    }

    async fn unit_secret(&self, unit: &UnitId, staff: &Staff) -> SecretKey {
        self.store
            .open_unit_key(unit, UnitKeyKind::Unit, &staff.id, &staff.key)
            .await
            .unwrap()
    }

    /// A web report to `unit`, and its case key as the reporter holds it.
    async fn case(&self, unit: &str) -> (CaseId, DataKey) {
        let draft = ReportDraft {
            kind: "denunciation".into(),
            unit: unit.into(),
            subject: "Nhận hối lộ".into(),
            content: "Chi tiết.".into(),
            when_where: String::new(),
            accused: vec![],
            identity: None,
            co_reporters: vec![],
            wants_protection: true,
            channel: Channel::Web,
            received_on: String::new(),
        };
        let report =
            NewReport::parse(&draft, Utc::now().date_naive()).unwrap_or_else(|e| panic!("{e}"));
        let issued = issue_receipt(&self.secret, KdfParams::for_tests()).unwrap();
        let submitted = self
            .store
            .submit_report(
                Submission {
                    pending: PendingCase::new(),
                    report: &report,
                    receipt: &issued,
                    attachments: vec![],
                    author: Author::Reporter,
                    limits: AttachmentLimits::default(),
                    now: Utc::now(),
                    accused_indexes: Vec::new(),
                },
                &self.blobs,
            )
            .await
            .unwrap();
        let access = unlock_as_reporter(
            &issued.receipt,
            self.store
                .case_by_receipt_lookup(&issued.lookup)
                .await
                .unwrap()
                .as_ref(),
            KdfParams::for_tests(),
        )
        .unwrap();
        (submitted.case_id, access.case_key)
    }

    /// The reporter asks, on `when`, to protect themself and their spouse,
    /// giving both ID numbers. Returns the request's id.
    async fn protect(&self, case: &(CaseId, DataKey), when: DateTime<Utc>) -> String {
        let request = ProtectionRequest::parse(
            &["self".into(), "spouse".into()],
            &["job".into()],
            "Sợ bị điều chuyển.",
            false,
            &[
                IdNumberDraft::in_list(0, "self", "001 098 012 345"),
                IdNumberDraft::in_list(1, "spouse", SPOUSE_ID),
            ],
        )
        .unwrap_or_else(|_| panic!("a valid request"));
        self.store
            .add_protection_request(&case.0, &request, &case.1, &self.secret, when)
            .await
            .unwrap()
    }

    async fn decide(&self, id_number: &str, decided_on: &str, note: Option<&str>) -> String {
        self.store
            .record_hr_action(
                &self.secret,
                &HrActionRecord {
                    id_number: &number(id_number),
                    action: HrActionKind::Transfer,
                    unit_id: &self.syt,
                    decided_on: day(decided_on),
                    note,
                    recorded_by: &self.hr,
                },
                Utc::now(),
            )
            .await
            .unwrap()
            .to_string()
    }

    /// The unit's protection officer, with or without the unit's key at hand.
    fn officer<'a>(&'a self, unit_secret: Option<&'a SecretKey>) -> AlertOfficer<'a> {
        AlertOfficer {
            user_id: &self.protection.id,
            unit_id: &self.ttt,
            unit_secret,
        }
    }

    async fn count(&self, sql: &str) -> i64 {
        sqlx::query(sql)
            .fetch_one(self.store.reader())
            .await
            .unwrap()
            .get::<i64, _>(0)
    }

    /// (actor, action, object, details) of every audit entry, in order.
    async fn audit(&self) -> Vec<(String, String, String, serde_json::Value)> {
        sqlx::query("SELECT actor, action, object, details FROM audit_entries ORDER BY seq")
            .fetch_all(self.store.reader())
            .await
            .unwrap()
            .iter()
            .map(|row| {
                let details: String = row.get("details");
                (
                    row.get("actor"),
                    row.get("action"),
                    row.get("object"),
                    serde_json::from_str(&details).unwrap(),
                )
            })
            .collect()
    }
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

async fn a_protected_persons_decision_raises_one_alert_and_a_strangers_none(backend: Backend) {
    let f = fixture(backend).await;
    let case = f.case("TTT").await;
    f.protect(&case, Utc::now()).await;
    assert_eq!(
        f.count("SELECT COUNT(*) FROM protected_id_numbers").await,
        2
    );

    let today = today_in_vietnam();
    let matched = f.decide(REPORTER_ID, &today, Some(NOTE)).await;
    assert_eq!(f.count("SELECT COUNT(*) FROM alerts").await, 1);
    let missed = f.decide(STRANGER_ID, &today, Some(NOTE)).await;
    assert_eq!(f.count("SELECT COUNT(*) FROM alerts").await, 1);
    assert_eq!(f.count("SELECT COUNT(*) FROM hr_actions").await, 2);

    // The alert, opened by the unit's protection officer.
    let secret = f.unit_secret(&f.ttt, &f.protection).await;
    let alerts = f
        .store
        .unit_alerts(&f.ttt, Some(&secret), 50)
        .await
        .unwrap();
    assert_eq!(alerts.len(), 1);
    let alert = &alerts[0];
    assert_eq!(alert.kind, AlertKind::HrActionMatch);
    assert_eq!(alert.case_id, case.0);
    assert_eq!(alert.unit_code, "TTT");
    assert!(alert.acknowledged.is_none() && alert.review.is_none() && !alert.sealed);
    let hr = alert.hr_action.as_ref().unwrap();
    assert_eq!(hr.hr_action_id.to_string(), matched);
    assert_eq!(hr.person, Some(ProtectedPerson::Myself));
    assert_eq!(hr.action, HrActionKind::Transfer);
    assert_eq!(hr.employing_unit_code, "SYT");
    assert_eq!(hr.decided_on.format("%Y-%m-%d").to_string(), today);
    assert_eq!(hr.recorded_by, "to.chuc");
    assert_eq!(hr.note.as_deref(), Some(NOTE));
    assert_eq!(f.store.unacknowledged_alerts(&f.ttt).await.unwrap(), 1);
    // Another unit has none.
    assert!(
        f.store
            .unit_alerts(&f.syt, None, 50)
            .await
            .unwrap()
            .is_empty()
    );

    // Without the unit's key the alert still says what, where and when.
    let alerts = f.store.unit_alerts(&f.ttt, None, 50).await.unwrap();
    let hr = alerts[0].hr_action.as_ref().unwrap();
    assert!(alerts[0].sealed && hr.person.is_none() && hr.note.is_none());
    assert_eq!(hr.action, HrActionKind::Transfer);

    // No ID number and no note in clear anywhere.
    for (table, columns) in [
        ("protected_id_numbers", "blind_index, person_ciphertext"),
        ("hr_actions", "blind_index, action"),
        ("alert_hr_actions", "note_sealed"),
    ] {
        for row in sqlx::query(&format!("SELECT {columns} FROM {table}"))
            .fetch_all(f.store.reader())
            .await
            .unwrap()
        {
            for i in 0..row.len() {
                let bytes: Vec<u8> = row
                    .try_get::<Vec<u8>, _>(i)
                    .unwrap_or_else(|_| row.get::<String, _>(i).into_bytes());
                for needle in [
                    REPORTER_ID,
                    SPOUSE_ID,
                    STRANGER_ID,
                    "GhiChuRieng7781",
                    "spouse",
                ] {
                    assert!(!contains(&bytes, needle), "{needle} readable in {table}");
                }
            }
        }
    }
    let audit = f.audit().await;
    let text = format!("{audit:?}");
    for needle in [REPORTER_ID, SPOUSE_ID, STRANGER_ID, "GhiChuRieng7781"] {
        assert!(!text.contains(needle), "{needle} in the audit chain");
    }

    // The officer's own entries have the same shape for the match and the miss;
    // the match is a `system` entry that names neither decision.
    let officer = format!("user:{}", f.hr);
    let own: Vec<_> = audit.iter().filter(|entry| entry.0 == officer).collect();
    assert_eq!(own.len(), 2);
    assert_eq!(own[0].2, format!("hr_action:{matched}"));
    assert_eq!(own[1].2, format!("hr_action:{missed}"));
    assert_eq!(own[0].1, own[1].1);
    assert_eq!(own[0].3, own[1].3);
    let raised: Vec<_> = audit
        .iter()
        .filter(|entry| entry.1 == "alert.raised")
        .collect();
    assert_eq!(raised.len(), 1);
    assert_eq!(raised[0].0, "system");
    assert_eq!(raised[0].2, format!("alert:{}", alerts[0].id));
    assert!(!format!("{:?}", raised[0]).contains(&matched));
    assert!(matches!(
        verify(&f.store, &f.store.audit_verifying_key())
            .await
            .unwrap(),
        AuditVerdict::Intact { .. }
    ));
}

async fn only_decisions_dated_within_protection_match(backend: Backend) {
    let f = fixture(backend).await;
    let case = f.case("TTT").await;
    // Asked on 10/01/2026 (Vietnam), ended after 28/02/2026.
    let request = f.protect(&case, at("2026-01-09T18:30:00Z")).await;
    let ended = f
        .store
        .end_protection("user:lead", &case.0, &request, day("2026-02-28"))
        .await
        .unwrap();
    assert_eq!(ended, 2);
    for (date, matches) in [
        ("2026-01-09", false),
        ("2026-01-10", true),
        ("2026-02-28", true),
        ("2026-03-01", false),
    ] {
        let before = f.count("SELECT COUNT(*) FROM alerts").await;
        f.decide(SPOUSE_ID, date, None).await;
        let after = f.count("SELECT COUNT(*) FROM alerts").await;
        assert_eq!(after - before, i64::from(matches), "decision dated {date}");
    }
    // Ending again changes nothing; the end is audited without any number.
    assert_eq!(
        f.store
            .end_protection("user:lead", &case.0, &request, day("2026-03-05"))
            .await
            .unwrap(),
        0
    );
    let ends: Vec<_> = f
        .audit()
        .await
        .into_iter()
        .filter(|entry| entry.1 == "case.protection_ended")
        .collect();
    assert_eq!(ends[0].3["last_day"], "2026-02-28");
    assert_eq!(ends[0].3["request"], request.as_str());
}

async fn one_alert_per_case_for_the_unit_handling_it(backend: Backend) {
    let f = fixture(backend).await;
    f.unit("TTH").await;
    let other_officer = f
        .user("bao.ve.2", "TTH", &[Role::Protection, Role::Intake])
        .await;
    let tth = f
        .store
        .unit_by_code(&code("TTH"))
        .await
        .unwrap()
        .unwrap()
        .id;
    let first = f.case("TTT").await;
    let second = f.case("TTH").await;
    // Two requests in the first case list the same people.
    f.protect(&first, Utc::now()).await;
    f.protect(&first, Utc::now()).await;
    f.protect(&second, Utc::now()).await;
    let today = today_in_vietnam();
    f.decide(SPOUSE_ID, &today, Some(NOTE)).await;
    assert_eq!(f.count("SELECT COUNT(*) FROM alerts").await, 2);

    let mine = f
        .store
        .unit_alerts(
            &f.ttt,
            Some(&f.unit_secret(&f.ttt, &f.protection).await),
            50,
        )
        .await
        .unwrap();
    let theirs = f
        .store
        .unit_alerts(&tth, Some(&f.unit_secret(&tth, &other_officer).await), 50)
        .await
        .unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(theirs.len(), 1);
    assert_eq!(mine[0].case_id, first.0);
    assert_eq!(theirs[0].case_id, second.0);
    for alert in [&mine[0], &theirs[0]] {
        let hr = alert.hr_action.as_ref().unwrap();
        assert_eq!(hr.person, Some(ProtectedPerson::Spouse));
        assert_eq!(hr.note.as_deref(), Some(NOTE));
    }
    // Neither unit reaches the other's alert.
    assert!(
        f.store
            .unit_alert(&f.ttt, &theirs[0].id, None)
            .await
            .unwrap()
            .is_none()
    );
    assert!(matches!(
        f.store
            .acknowledge_alert(&f.officer(None), &theirs[0].id, Utc::now())
            .await,
        Err(TripwireError::NotFound)
    ));
}

async fn alerts_are_acknowledged_and_reviewed_once(backend: Backend) {
    let f = fixture(backend).await;
    let case = f.case("TTT").await;
    f.protect(&case, Utc::now()).await;
    let today = today_in_vietnam();
    f.decide(REPORTER_ID, &today, None).await;
    f.decide(SPOUSE_ID, &today, None).await;
    let secret = f.unit_secret(&f.ttt, &f.protection).await;
    let alerts = f
        .store
        .unit_alerts(&f.ttt, Some(&secret), 50)
        .await
        .unwrap();
    assert_eq!(alerts.len(), 2);
    let (older, newer) = (alerts[1].id.clone(), alerts[0].id.clone());
    let actor = format!("user:{}", f.protection.id);

    f.store
        .acknowledge_alert(&f.officer(None), &newer, Utc::now())
        .await
        .unwrap();
    f.store
        .acknowledge_alert(&f.officer(None), &newer, Utc::now())
        .await
        .unwrap();
    // Not yet acknowledged comes first.
    let alerts = f
        .store
        .unit_alerts(&f.ttt, Some(&secret), 50)
        .await
        .unwrap();
    assert_eq!(alerts[0].id, older);
    assert_eq!(alerts[1].acknowledged.as_ref().unwrap().by, "bao.ve");
    assert_eq!(f.store.unacknowledged_alerts(&f.ttt).await.unwrap(), 1);

    let review = |outcome: &str, note: &str| {
        AlertReview::parse(outcome, note).unwrap_or_else(|_| panic!("a valid review"))
    };
    // A note needs the case key.
    assert!(matches!(
        f.store
            .review_alert(
                &f.officer(None),
                &older,
                &review("retaliation_suspected", "Không có kế hoạch luân chuyển."),
                Utc::now()
            )
            .await,
        Err(TripwireError::KeyUnavailable)
    ));
    f.store
        .review_alert(
            &f.officer(Some(&secret)),
            &older,
            &review("retaliation_suspected", "Không có kế hoạch LyDoRaSoat4410."),
            Utc::now(),
        )
        .await
        .unwrap();
    assert!(matches!(
        f.store
            .review_alert(
                &f.officer(Some(&secret)),
                &older,
                &review("consent", ""),
                Utc::now()
            )
            .await,
        Err(TripwireError::AlreadyReviewed)
    ));
    let unknown = AlertId::parse(&"a".repeat(32)).unwrap();
    assert!(matches!(
        f.store
            .review_alert(
                &f.officer(Some(&secret)),
                &unknown,
                &review("consent", ""),
                Utc::now()
            )
            .await,
        Err(TripwireError::NotFound)
    ));
    let alert = f
        .store
        .unit_alert(&f.ttt, &older, Some(&secret))
        .await
        .unwrap()
        .unwrap();
    let stored = alert.review.as_ref().unwrap();
    assert_eq!(stored.outcome, ReviewOutcome::RetaliationSuspected);
    assert_eq!(
        stored.note.as_deref(),
        Some("Không có kế hoạch LyDoRaSoat4410.")
    );
    assert_eq!(stored.by, "bao.ve");
    // Reviewing acknowledged it too.
    assert!(alert.acknowledged.is_some());
    assert_eq!(f.store.unacknowledged_alerts(&f.ttt).await.unwrap(), 0);
    let note: Vec<u8> = sqlx::query("SELECT note_ciphertext FROM alert_reviews")
        .fetch_one(f.store.reader())
        .await
        .unwrap()
        .get("note_ciphertext");
    assert!(!contains(&note, "LyDoRaSoat4410"));

    let audit = f.audit().await;
    let actions: Vec<&str> = audit
        .iter()
        .filter(|entry| entry.0 == actor)
        .map(|entry| entry.1.as_str())
        .collect();
    assert_eq!(
        actions,
        ["alert.acknowledged", "alert.acknowledged", "alert.reviewed"]
    );
    assert!(!format!("{audit:?}").contains("LyDoRaSoat4410"));
    assert!(matches!(
        verify(&f.store, &f.store.audit_verifying_key())
            .await
            .unwrap(),
        AuditVerdict::Intact { .. }
    ));
}

khien_testkit::on_both_backends!(
    a_protected_persons_decision_raises_one_alert_and_a_strangers_none,
    only_decisions_dated_within_protection_match,
    one_alert_per_case_for_the_unit_handling_it,
    alerts_are_acknowledged_and_reviewed_once,
);
