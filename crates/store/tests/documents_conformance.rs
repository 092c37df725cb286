//! The documents conformance suite: numbers per unit, year and series, a refused
//! document consumes no number, concurrent issuing, sealed storage, and the sending
//! unit's copy after forwarding. Every test runs on SQLite and on PostgreSQL.

#[path = "support/case_fixture.rs"]
mod case_fixture;

use std::sync::Arc;

use case_fixture::{CaseFixture, Staff, day};
use chrono::Utc;
use khien_calendar::Calendar;
use khien_domain::accounts::Role;
use khien_domain::case_file::{AcceptanceConditions, CaseEvent, Classification};
use khien_domain::rules::RulePacks;
use khien_store::accounts::{UnitId, UnitKeyKind};
use khien_store::audit::{AuditVerdict, verify};
use khien_store::intake::CaseId;
use khien_store::workflow::{
    ClockContext, DocumentId, DocumentInfo, IssueError, NewCaseEvent, NewDocument, WorkflowError,
};
use khien_store::{Backend, Store};
use khien_vault::symmetric::DataKey;

/// What the render closure writes: stands for a DOCX, with a phrase to look for.
const SECRET_PHRASE: &str = "nội dung kín plugh";

fn calendar() -> &'static Calendar {
    static CALENDAR: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
    CALENDAR.get_or_init(Calendar::builtin)
}

async fn record(
    f: &CaseFixture,
    case: &CaseId,
    by: &Staff,
    key: &DataKey,
    event: CaseEvent,
) -> i64 {
    f.store
        .record_case_event(
            NewCaseEvent {
                case_id: case,
                event,
                actor: &by.id,
                case_key: key,
                identity_key: None,
                now: Utc::now(),
            },
            &ClockContext {
                today: day("2026-12-31"),
                packs: RulePacks::builtin(),
                calendar: calendar(),
            },
        )
        .await
        .unwrap()
        .seq
}

/// A letter of `received_on`, classified and accepted: the acceptance's seq.
async fn accepted_case(
    f: &CaseFixture,
    officer: &Staff,
    unit: &str,
    received_on: &str,
) -> (CaseId, DataKey, i64) {
    let case = f.letter(officer, unit, received_on).await;
    let key = f.case_key(&case, officer).await;
    let on = day(received_on);
    record(
        f,
        &case,
        officer,
        &key,
        CaseEvent::Classified {
            on,
            as_kind: Classification::Denunciation,
        },
    )
    .await;
    let seq = record(
        f,
        &case,
        officer,
        &key,
        CaseEvent::Accepted {
            on,
            conditions: AcceptanceConditions::ALL_MET,
            decided_on: on,
        },
    )
    .await;
    (case, key, seq)
}

async fn unit_secret(f: &CaseFixture, staff: &Staff) -> khien_vault::sealed_box::SecretKey {
    f.store
        .open_unit_key(&staff.unit, UnitKeyKind::Unit, &staff.id, &staff.key)
        .await
        .unwrap()
}

fn docx_for(serial: u32) -> Vec<u8> {
    format!("PK\u{3}\u{4} Số: {serial:02} — {SECRET_PHRASE}").into_bytes()
}

struct Issue<'a> {
    store: &'a Store,
    case: &'a CaseId,
    seq: i64,
    key: &'a DataKey,
    by: &'a Staff,
}

impl Issue<'_> {
    async fn number(
        &self,
        unit: &UnitId,
        year: i32,
        series: &str,
        symbol: &str,
    ) -> Result<DocumentInfo, IssueError<String>> {
        self.store
            .issue_document(NewDocument {
                case_id: self.case,
                event_seq: self.seq,
                doc_type: series,
                unit_id: unit,
                year,
                symbol,
                render: |serial| Ok::<_, String>(docx_for(serial)),
                case_key: self.key,
                actor: &self.by.id,
                now: Utc::now(),
            })
            .await
    }
}

async fn numbers_run_per_unit_year_and_series(backend: Backend) {
    let f = CaseFixture::new(backend).await;
    f.unit("TTT", None).await;
    f.unit("SXD", None).await;
    let officer = f
        .user("officer", "TTT", &[Role::Intake, Role::Handler])
        .await;
    let other = f.user("other", "SXD", &[Role::Intake, Role::Handler]).await;
    let (case, key, seq) = accepted_case(&f, &officer, "TTT", "2025-02-03").await;
    let issue = Issue {
        store: &f.store,
        case: &case,
        seq,
        key: &key,
        by: &officer,
    };
    let unit = &officer.unit;
    let mut numbers = Vec::new();
    for _ in 0..3 {
        numbers.push(
            issue
                .number(unit, 2025, "decision", "QĐ-TTT")
                .await
                .unwrap(),
        );
    }
    assert_eq!(
        numbers
            .iter()
            .map(|d| d.number.as_str())
            .collect::<Vec<_>>(),
        ["01/QĐ-TTT", "02/QĐ-TTT", "03/QĐ-TTT"]
    );
    assert_eq!(numbers[2].serial, 3);
    assert_eq!(numbers[0].event_kind.as_deref(), Some("accepted"));
    // The next year starts again at 1; the year before is untouched.
    let next_year = issue
        .number(unit, 2026, "decision", "QĐ-TTT")
        .await
        .unwrap();
    assert_eq!(next_year.number, "01/QĐ-TTT");
    assert_eq!(
        issue
            .number(unit, 2025, "decision", "QĐ-TTT")
            .await
            .unwrap()
            .number,
        "04/QĐ-TTT"
    );
    // Another series, another unit: their own counts.
    assert_eq!(
        issue
            .number(unit, 2025, "notice", "TB-TTT")
            .await
            .unwrap()
            .number,
        "01/TB-TTT"
    );
    let (their_case, their_key, their_seq) = accepted_case(&f, &other, "SXD", "2025-02-03").await;
    let theirs = Issue {
        store: &f.store,
        case: &their_case,
        seq: their_seq,
        key: &their_key,
        by: &other,
    };
    assert_eq!(
        theirs
            .number(&other.unit, 2025, "decision", "QĐ-SXD")
            .await
            .unwrap()
            .number,
        "01/QĐ-SXD"
    );

    // The register lists the case's documents in order, without content.
    let listed = f.store.case_documents(&case).await.unwrap();
    assert_eq!(listed.len(), 6);
    assert_eq!(listed[0], numbers[0]);
    assert!(
        listed
            .iter()
            .all(|d| d.case_id == case && d.unit_id == *unit)
    );
    assert_eq!(f.store.case_documents(&their_case).await.unwrap().len(), 1);

    // An event that is not in the case is refused.
    let stray = Issue { seq: 99, ..issue };
    assert!(matches!(
        stray.number(unit, 2025, "decision", "QĐ-TTT").await,
        Err(IssueError::NotFound)
    ));
    assert_eq!(
        f.count("SELECT last_number FROM document_counters WHERE doc_type = 'decision' AND year = 2025 AND unit_id IN (SELECT id FROM units WHERE code = 'TTT')")
            .await,
        4
    );
}

async fn a_refused_document_uses_no_number(backend: Backend) {
    let f = CaseFixture::new(backend).await;
    f.unit("TTT", None).await;
    let officer = f
        .user("officer", "TTT", &[Role::Intake, Role::Handler])
        .await;
    let (case, key, seq) = accepted_case(&f, &officer, "TTT", "2025-02-03").await;
    let audit_before = f.count("SELECT COUNT(*) FROM audit_entries").await;
    let refused = f
        .store
        .issue_document(NewDocument {
            case_id: &case,
            event_seq: seq,
            doc_type: "decision",
            unit_id: &officer.unit,
            year: 2025,
            symbol: "QĐ-TTT",
            render: |_| Err::<Vec<u8>, _>("the document needs the verifier"),
            case_key: &key,
            actor: &officer.id,
            now: Utc::now(),
        })
        .await;
    assert!(matches!(refused, Err(IssueError::Render(message)) if message.contains("verifier")));
    // A key that does not open the case is refused before any number is taken.
    let wrong_key = DataKey::generate();
    let wrong = Issue {
        store: &f.store,
        case: &case,
        seq,
        key: &wrong_key,
        by: &officer,
    };
    assert!(matches!(
        wrong
            .number(&officer.unit, 2025, "decision", "QĐ-TTT")
            .await,
        Err(IssueError::WrongCaseKey)
    ));
    assert_eq!(f.count("SELECT COUNT(*) FROM case_documents").await, 0);
    assert_eq!(f.count("SELECT COUNT(*) FROM document_counters").await, 0);
    assert_eq!(
        f.count("SELECT COUNT(*) FROM audit_entries").await,
        audit_before
    );

    let first = Issue { key: &key, ..wrong }
        .number(&officer.unit, 2025, "decision", "QĐ-TTT")
        .await
        .unwrap();
    assert_eq!(first.number, "01/QĐ-TTT", "the refusals consumed nothing");
}

async fn concurrent_issuers_get_distinct_numbers(backend: Backend) {
    let f = CaseFixture::new(backend).await;
    f.unit("TTT", None).await;
    let officer = f
        .user("officer", "TTT", &[Role::Intake, Role::Handler])
        .await;
    let (case, key, seq) = accepted_case(&f, &officer, "TTT", "2025-02-03").await;
    let key = Arc::new(key);
    let officer = Arc::new(officer);
    let started = std::time::Instant::now();
    let tasks: Vec<_> = (0..10)
        .map(|_| {
            let store = f.store.clone();
            let case = case.clone();
            let key = Arc::clone(&key);
            let officer = Arc::clone(&officer);
            tokio::spawn(async move {
                store
                    .issue_document(NewDocument {
                        case_id: &case,
                        event_seq: seq,
                        doc_type: "decision",
                        unit_id: &officer.unit,
                        year: 2025,
                        symbol: "QĐ-TTT",
                        render: |serial| Ok::<_, String>(docx_for(serial)),
                        case_key: &key,
                        actor: &officer.id,
                        now: Utc::now(),
                    })
                    .await
                    .unwrap()
                    .serial
            })
        })
        .collect();
    let mut serials = Vec::new();
    for task in tasks {
        serials.push(task.await.unwrap());
    }
    eprintln!(
        "10 concurrent issues on {backend:?}: {:?}",
        started.elapsed()
    );
    serials.sort_unstable();
    assert_eq!(serials, (1..=10).collect::<Vec<u32>>());
    assert_eq!(f.count("SELECT COUNT(*) FROM case_documents").await, 10);
}

async fn documents_are_sealed_under_the_case_key(backend: Backend) {
    let f = CaseFixture::new(backend).await;
    f.unit("TTT", None).await;
    let officer = f
        .user("officer", "TTT", &[Role::Intake, Role::Handler])
        .await;
    let (case, key, seq) = accepted_case(&f, &officer, "TTT", "2025-02-03").await;
    let (other_case, other_key, _) = accepted_case(&f, &officer, "TTT", "2025-02-04").await;
    let issued = Issue {
        store: &f.store,
        case: &case,
        seq,
        key: &key,
        by: &officer,
    }
    .number(&officer.unit, 2025, "decision", "QĐ-TTT")
    .await
    .unwrap();

    let stored: Vec<u8> = sqlx::query_scalar("SELECT ciphertext FROM case_documents WHERE id = $1")
        .bind(issued.id.as_str())
        .fetch_one(f.store.reader())
        .await
        .unwrap();
    let clear = docx_for(1);
    assert_ne!(stored, clear);
    assert!(
        !stored.starts_with(b"PK"),
        "the DOCX is not stored in clear"
    );
    assert!(
        !stored
            .windows(SECRET_PHRASE.len())
            .any(|w| w == SECRET_PHRASE.as_bytes())
    );
    assert_eq!(
        f.store
            .document_docx(&case, &issued.id, &key)
            .await
            .unwrap(),
        clear
    );
    // Another case's key, or the document asked for under another case, does not open it.
    assert!(matches!(
        f.store.document_docx(&case, &issued.id, &other_key).await,
        Err(WorkflowError::WrongCaseKey)
    ));
    assert!(matches!(
        f.store
            .document_docx(&other_case, &issued.id, &other_key)
            .await,
        Err(WorkflowError::NotFound)
    ));
    let unknown = DocumentId::parse("00000000000000000000000000000000").unwrap();
    assert!(matches!(
        f.store.document_docx(&case, &unknown, &key).await,
        Err(WorkflowError::NotFound)
    ));
    // The audit chain names the document and its number, never its content.
    assert_eq!(
        f.count("SELECT COUNT(*) FROM audit_entries WHERE action = 'case.document_issued'")
            .await,
        1
    );
    assert_eq!(
        f.count("SELECT COUNT(*) FROM audit_entries WHERE details LIKE '%plugh%'")
            .await,
        0
    );
    assert!(matches!(
        verify(&f.store, &f.store.audit_verifying_key())
            .await
            .unwrap(),
        AuditVerdict::Intact { .. }
    ));
}

async fn the_sending_unit_keeps_its_own_letter(backend: Backend) {
    let f = CaseFixture::new(backend).await;
    f.unit("TTT", None).await;
    f.unit("SXD", None).await;
    let sender = f
        .user("sender", "TTT", &[Role::Intake, Role::Handler])
        .await;
    let receiver = f
        .user("receiver", "SXD", &[Role::Intake, Role::Handler])
        .await;
    let case = f.letter(&sender, "TTT", "2025-03-03").await;
    let key = f.case_key(&case, &sender).await;
    record(
        &f,
        &case,
        &sender,
        &key,
        CaseEvent::Classified {
            on: day("2025-03-04"),
            as_kind: Classification::NotOurs,
        },
    )
    .await;
    let seq = record(
        &f,
        &case,
        &sender,
        &key,
        CaseEvent::Forwarded {
            outside: None,
            on: day("2025-03-05"),
            to_unit: "SXD".into(),
            decided_on: day("2025-03-05"),
        },
    )
    .await;
    let letter = Issue {
        store: &f.store,
        case: &case,
        seq,
        key: &key,
        by: &sender,
    }
    .number(&sender.unit, 2025, "letter", "TTT-VP")
    .await
    .unwrap();
    assert_eq!(letter.event_kind.as_deref(), Some("forwarded"));

    let sender_secret = unit_secret(&f, &sender).await;
    assert_eq!(
        f.store
            .issued_document_docx(&case, &letter.id, &sender.unit, &sender_secret)
            .await
            .unwrap(),
        docx_for(1)
    );
    assert_eq!(
        f.store
            .documents_issued_by(&case, &sender.unit)
            .await
            .unwrap(),
        vec![letter.clone()]
    );
    // The receiving unit reads it with the case key; it did not issue it.
    let receiver_key = f.case_key(&case, &receiver).await;
    assert_eq!(
        f.store
            .document_docx(&case, &letter.id, &receiver_key)
            .await
            .unwrap(),
        docx_for(1)
    );
    assert!(
        f.store
            .documents_issued_by(&case, &receiver.unit)
            .await
            .unwrap()
            .is_empty()
    );
    let receiver_secret = unit_secret(&f, &receiver).await;
    assert!(matches!(
        f.store
            .issued_document_docx(&case, &letter.id, &receiver.unit, &receiver_secret)
            .await,
        Err(WorkflowError::NotFound)
    ));
    // A unit's secret opens only its own seal.
    assert!(matches!(
        f.store
            .issued_document_docx(&case, &letter.id, &sender.unit, &receiver_secret)
            .await,
        Err(WorkflowError::WrongCaseKey)
    ));
}

khien_testkit::on_both_backends!(
    numbers_run_per_unit_year_and_series,
    a_refused_document_uses_no_number,
    concurrent_issuers_get_distinct_numbers,
    documents_are_sealed_under_the_case_key,
    the_sending_unit_keeps_its_own_letter,
);
