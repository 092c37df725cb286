//! The protection conformance suite: a reporter's requests for protection and
//! reports of retaliation are stored under the case key, audited without
//! content, timed to the hour, and refused with a wrong key.
//! Every test runs on SQLite and on PostgreSQL.

use chrono::{DateTime, Timelike, Utc};
use khien_domain::accounts::{
    HeadPosition, Password, Role, UnitCode, UnitKind, UnitName, Username,
};
use khien_domain::intake::{AttachmentLimits, Channel, NewReport, ReportDraft};
use khien_domain::protection::{
    ProtectedInterest, ProtectedPerson, ProtectionRequest, RetaliationReport,
};
use khien_store::accounts::{NewUnit, NewUser};
use khien_store::blobs::BlobStore;
use khien_store::intake::{
    Author, CaseId, IntakeError, PendingCase, Submission, unlock_as_reporter,
};
use khien_store::{Backend, Store};
use khien_testkit::{TestDatabase, fresh_database, open_test_store};
use khien_vault::case_keys::issue_receipt;
use khien_vault::kdf::KdfParams;
use khien_vault::server_secret::ServerSecret;
use khien_vault::symmetric::DataKey;
use secrecy::SecretString;
use sqlx::Row;

const SITUATION: &str = "Bị dọa đánh TinhHuongBaoVe6621";
const RETALIATION: &str = "Bị cắt lương TraThuRieng3390";

struct Fixture {
    store: Store,
    secret: ServerSecret,
    case_id: CaseId,
    case_key: DataKey,
    _database: TestDatabase,
}

/// A store with one unit (an intake officer holds its keys) and one web report.
async fn fixture(backend: Backend) -> Fixture {
    let database = fresh_database(backend).await;
    let store = open_test_store(&database, 1000).await;
    let secret = ServerSecret::generate();
    store
        .add_unit(
            "cli",
            &NewUnit {
                code: UnitCode::parse("TTT").unwrap(),
                name: UnitName::parse("Thanh tra tỉnh").unwrap(),
                kind: UnitKind::Inspectorate,
                parent: None,
                head_position: Some(HeadPosition::parse("Chánh Thanh tra").unwrap()),
            },
        )
        .await
        .unwrap();
    store
        .create_user(
            "cli",
            NewUser {
                username: Username::parse("officer").unwrap(),
                unit: UnitCode::parse("TTT").unwrap(),
                roles: vec![Role::Intake],
                password: Password::parse(SecretString::from("một mật khẩu đủ dài 2026")).unwrap(),
            },
            &secret,
            &KdfParams::for_tests(),
        )
        .await
        .unwrap();
    let draft = ReportDraft {
        kind: "denunciation".into(),
        unit: "TTT".into(),
        subject: "Nhận hối lộ".into(),
        content: "Chi tiết.".into(),
        when_where: String::new(),
        accused: vec![],
        identity: None,
        co_reporters: vec![],
        wants_protection: false,
        channel: Channel::Web,
        received_on: String::new(),
    };
    let report =
        NewReport::parse(&draft, Utc::now().date_naive()).unwrap_or_else(|e| panic!("{e}"));
    let issued = issue_receipt(&secret, KdfParams::for_tests()).unwrap();
    let blobs = BlobStore::open(database.data_dir.path().join("blobs")).unwrap();
    let submitted = store
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
            &blobs,
        )
        .await
        .unwrap();
    let access = unlock_as_reporter(
        &issued.receipt,
        store
            .case_by_receipt_lookup(&issued.lookup)
            .await
            .unwrap()
            .as_ref(),
        KdfParams::for_tests(),
    )
    .unwrap();
    Fixture {
        store,
        secret,
        case_id: submitted.case_id,
        case_key: access.case_key,
        _database: database,
    }
}

impl Fixture {
    async fn count(&self, sql: &str) -> i64 {
        sqlx::query(sql)
            .fetch_one(self.store.reader())
            .await
            .unwrap()
            .get::<i64, _>(0)
    }

    async fn ciphertexts(&self, table: &str) -> Vec<Vec<u8>> {
        sqlx::query(&format!("SELECT ciphertext FROM {table}"))
            .fetch_all(self.store.reader())
            .await
            .unwrap()
            .into_iter()
            .map(|row| row.get::<Vec<u8>, _>("ciphertext"))
            .collect()
    }
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

fn request(urgent: bool) -> ProtectionRequest {
    ProtectionRequest::parse(
        &["self".into(), "spouse".into()],
        &["life".into(), "health".into()],
        SITUATION,
        urgent,
        &[],
    )
    .unwrap_or_else(|_| panic!("a valid request"))
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

async fn requests_and_reports_are_stored_encrypted_and_read_back(backend: Backend) {
    let f = fixture(backend).await;
    let first = f
        .store
        .add_protection_request(
            &f.case_id,
            &request(true),
            &f.case_key,
            &f.secret,
            at("2026-03-10T07:59:58Z"),
        )
        .await
        .unwrap();
    f.store
        .add_protection_request(
            &f.case_id,
            &request(false),
            &f.case_key,
            &f.secret,
            at("2026-03-10T09:12:00Z"),
        )
        .await
        .unwrap();
    let report = RetaliationReport::parse(RETALIATION, "Tháng 3/2026")
        .unwrap_or_else(|_| panic!("a valid report"));
    f.store
        .add_retaliation_report(&f.case_id, &report, &f.case_key, at("2026-03-11T10:45:00Z"))
        .await
        .unwrap();

    let requests = f
        .store
        .protection_requests(&f.case_id, &f.case_key)
        .await
        .unwrap();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].id, first);
    assert!(requests[0].urgent);
    assert!(!requests[1].urgent);
    assert_eq!(requests[0].created_at, at("2026-03-10T07:00:00Z"));
    assert_eq!(
        requests[0].request.persons,
        [ProtectedPerson::Myself, ProtectedPerson::Spouse]
    );
    assert_eq!(
        requests[0].request.interests,
        [ProtectedInterest::Life, ProtectedInterest::Health]
    );
    assert_eq!(requests[0].request.situation, SITUATION);
    assert!(f.store.has_protection_request(&f.case_id).await.unwrap());
    let other = khien_store::intake::CaseId::parse("00000000000000000000000000000000").unwrap();
    assert_eq!(
        f.store
            .cases_with_protection_requests(&[f.case_id.clone(), other])
            .await
            .unwrap(),
        [f.case_id.clone()].into_iter().collect()
    );

    let reports = f
        .store
        .retaliation_reports(&f.case_id, &f.case_key)
        .await
        .unwrap();
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].report.what_happened, RETALIATION);
    assert_eq!(reports[0].report.when, "Tháng 3/2026");
    assert_eq!(reports[0].created_at.minute(), 0);
    assert_eq!(reports[0].created_at.second(), 0);

    for ciphertext in f.ciphertexts("protection_requests").await {
        assert!(!contains(&ciphertext, "TinhHuongBaoVe6621"));
        assert!(!contains(&ciphertext, "spouse"));
    }
    for ciphertext in f.ciphertexts("retaliation_reports").await {
        assert!(!contains(&ciphertext, "TraThuRieng3390"));
    }

    // Audited as the reporter, with no content.
    let rows = sqlx::query(
        "SELECT actor, action, details FROM audit_entries \
         WHERE action IN ('case.protection_requested', 'case.retaliation_reported') ORDER BY seq",
    )
    .fetch_all(f.store.reader())
    .await
    .unwrap();
    let entries: Vec<(String, String, String)> = rows
        .iter()
        .map(|row| (row.get("actor"), row.get("action"), row.get("details")))
        .collect();
    assert_eq!(entries.len(), 3);
    for (actor, _, details) in &entries {
        assert_eq!(actor, "reporter");
        let details: serde_json::Value = serde_json::from_str(details).unwrap();
        assert_eq!(details.as_object().unwrap().len(), 1);
        assert!(details["urgent"].is_boolean());
    }
    assert_eq!(entries[0].1, "case.protection_requested");
    assert!(entries[0].2.contains("true"));
    assert_eq!(entries[2].1, "case.retaliation_reported");
}

async fn a_wrong_key_writes_nothing_and_reads_nothing(backend: Backend) {
    let f = fixture(backend).await;
    let audit_before = f.count("SELECT COUNT(*) FROM audit_entries").await;
    let wrong = DataKey::generate();
    assert!(matches!(
        f.store
            .add_protection_request(&f.case_id, &request(false), &wrong, &f.secret, Utc::now())
            .await,
        Err(IntakeError::WrongCaseKey)
    ));
    let report =
        RetaliationReport::parse(RETALIATION, "").unwrap_or_else(|_| panic!("a valid report"));
    assert!(matches!(
        f.store
            .add_retaliation_report(&f.case_id, &report, &wrong, Utc::now())
            .await,
        Err(IntakeError::WrongCaseKey)
    ));
    let unknown = CaseId::parse(&"0".repeat(32)).unwrap();
    assert!(matches!(
        f.store
            .add_protection_request(
                &unknown,
                &request(false),
                &f.case_key,
                &f.secret,
                Utc::now()
            )
            .await,
        Err(IntakeError::NotFound)
    ));
    assert_eq!(f.count("SELECT COUNT(*) FROM protection_requests").await, 0);
    assert_eq!(f.count("SELECT COUNT(*) FROM retaliation_reports").await, 0);
    assert_eq!(
        f.count("SELECT COUNT(*) FROM audit_entries").await,
        audit_before
    );
    assert!(!f.store.has_protection_request(&f.case_id).await.unwrap());
    assert!(
        f.store
            .cases_with_protection_requests(std::slice::from_ref(&f.case_id))
            .await
            .unwrap()
            .is_empty()
    );

    // A stored request does not open with another key.
    f.store
        .add_protection_request(
            &f.case_id,
            &request(false),
            &f.case_key,
            &f.secret,
            Utc::now(),
        )
        .await
        .unwrap();
    assert!(
        f.store
            .protection_requests(&f.case_id, &wrong)
            .await
            .is_err()
    );
}

khien_testkit::on_both_backends!(
    requests_and_reports_are_stored_encrypted_and_read_back,
    a_wrong_key_writes_nothing_and_reads_nothing,
);
