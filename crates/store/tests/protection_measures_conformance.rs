//! Protection requests decided and carried out, on both backends: a request
//! recorded by phone and confirmed in writing, the emergency alarm raised to
//! the unit's protection officers and head and raised again until someone
//! acknowledges it, decisions (measures or a refusal, one per request),
//! check-ins (only "fine" raises no alert), and the end of measures, which
//! ends the retaliation tripwire's protection of the request's persons. No
//! content reaches the audit chain.

#[path = "support/case_fixture.rs"]
mod case_fixture;

use case_fixture::{CaseFixture, Staff, day};
use chrono::{Days, NaiveDate, Utc};
use khien_domain::accounts::Role;
use khien_domain::protection::{
    CheckIn, CheckInAnswer, DecisionDraft, IdNumberDraft, NationalIdNumber, ProtectionAssessment,
    ProtectionDecision, ProtectionEnd, RequestDraft, StaffRecordedRequest,
};
use khien_domain::tripwire::{AlertKind, HrActionKind};
use khien_store::Backend;
use khien_store::accounts::{UnitId, UnitKeyKind};
use khien_store::audit::{AuditVerdict, verify};
use khien_store::intake::CaseId;
use khien_store::protection::ProtectionError;
use khien_store::tripwire::{AlertOfficer, HrActionRecord};
use khien_vault::symmetric::DataKey;

const SITUATION: &str = "Bị gọi điện đe dọa TinhHuongKhan4471";
const REPORTER_ID: &str = "001098012345";
const NOTE: &str = "Có xe lạ theo dõi GhiChuRieng8812";

struct World {
    f: CaseFixture,
    ttt: UnitId,
    syt: UnitId,
    protection: Staff,
    head: Staff,
    handler: Staff,
    hr: Staff,
    case: CaseId,
    key: DataKey,
}

fn today() -> NaiveDate {
    (Utc::now() + chrono::Duration::hours(7)).date_naive()
}

async fn world(backend: Backend) -> World {
    let f = CaseFixture::new(backend).await;
    let ttt = f.unit("TTT", None).await;
    let syt = f.unit("SYT", None).await;
    // The first member with a case role holds the unit's key.
    let protection = f
        .user("bao.ve", "TTT", &[Role::Protection, Role::Intake])
        .await;
    let head = f.user("thu.truong", "TTT", &[Role::Head]).await;
    let handler = f.user("xu.ly", "TTT", &[Role::Handler]).await;
    let hr = f.user("to.chuc", "SYT", &[Role::Hr]).await;
    let case = f.letter(&protection, "TTT", &today().to_string()).await;
    let key = f.case_key(&case, &protection).await;
    World {
        f,
        ttt,
        syt,
        protection,
        head,
        handler,
        hr,
        case,
        key,
    }
}

impl World {
    /// An urgent request for the reporter's life, made by phone, with their ID number.
    async fn phone_request(&self, urgent: bool) -> String {
        self.phone_request_on(urgent, today()).await
    }

    /// The same, made on `received_on`.
    async fn phone_request_on(&self, urgent: bool, received_on: NaiveDate) -> String {
        let persons = vec!["self".to_owned()];
        let interests = vec!["life".to_owned(), "job".to_owned()];
        let numbers = [IdNumberDraft::in_list(0, "self", REPORTER_ID)];
        let recorded = StaffRecordedRequest::parse(
            &RequestDraft {
                persons: &persons,
                interests: &interests,
                situation: SITUATION,
                urgent,
                id_numbers: &numbers,
            },
            "phone",
            &received_on.to_string(),
            today(),
        )
        .unwrap_or_else(|errors| panic!("{errors}"));
        self.f
            .store
            .record_staff_protection_request(
                &self.case,
                &recorded,
                &self.handler.id,
                (&self.key, &self.f.secret),
                Utc::now(),
            )
            .await
            .unwrap()
    }

    fn measures(&self, starts_on: NaiveDate) -> ProtectionDecision {
        ProtectionDecision::parse(
            &DecisionDraft {
                outcome: "measures".into(),
                body: "police".into(),
                decided_on: today().to_string(),
                measures: vec!["guard".into(), "keep_identity_secret".into()],
                implemented_by: "Công an phường Thanh Sơn".into(),
                starts_on: starts_on.to_string(),
                ..DecisionDraft::default()
            },
            today() - Days::new(30),
            today(),
        )
        .unwrap_or_else(|errors| panic!("{errors}"))
    }

    async fn hr_action(&self, decided_on: NaiveDate) {
        self.f
            .store
            .record_hr_action(
                &self.f.secret,
                &HrActionRecord {
                    id_number: &NationalIdNumber::parse(REPORTER_ID).unwrap_or_else(|_| panic!()),
                    action: HrActionKind::Dismissal,
                    unit_id: &self.syt,
                    decided_on,
                    note: None,
                    recorded_by: &self.hr.id,
                },
                Utc::now(),
            )
            .await
            .unwrap();
    }

    async fn alerts_of(&self, kind: AlertKind) -> Vec<khien_store::tripwire::Alert> {
        let secret = self
            .f
            .store
            .open_unit_key(
                &self.ttt,
                UnitKeyKind::Unit,
                &self.protection.id,
                &self.protection.key,
            )
            .await
            .unwrap();
        self.f
            .store
            .unit_alerts(&self.ttt, Some(&secret), 100)
            .await
            .unwrap()
            .into_iter()
            .filter(|alert| alert.kind == kind)
            .collect()
    }
}

async fn an_urgent_request_alarms_the_unit_until_acknowledged(backend: Backend) {
    let w = world(backend).await;
    let request = w.phone_request(true).await;
    let stored =
        w.f.store
            .protection_requests(&w.case, &w.key)
            .await
            .unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].recorded_by.as_deref(), Some("xu.ly"));
    assert!(stored[0].awaits_written_confirmation());
    assert_eq!(stored[0].received_on, today());
    assert_eq!(stored[0].assessment, ProtectionAssessment::default());

    // Raised at once, for the protection officer and the head, not the handler.
    let emergencies = w.alerts_of(AlertKind::EmergencyProtection).await;
    assert_eq!(emergencies.len(), 1);
    let details = emergencies[0].protection.as_ref().unwrap();
    assert_eq!(details.request_id, request);
    for (staff, alarms) in [(&w.protection, 1), (&w.head, 1), (&w.handler, 0)] {
        assert_eq!(w.f.store.alarms_for(&staff.id).await.unwrap().len(), alarms);
    }
    // Every run raises it again.
    for run in 2..=3 {
        assert_eq!(
            w.f.store
                .reraise_emergency_alarms(Utc::now())
                .await
                .unwrap(),
            2
        );
        let alarms = w.f.store.alarms_for(&w.head.id).await.unwrap();
        assert_eq!(alarms[0].times_raised, run);
        assert!(alarms[0].last_raised_at >= alarms[0].first_raised_at);
    }
    // A protection officer who joins later is alarmed at the next run.
    let late = w.f.user("bao.ve.2", "TTT", &[Role::Protection]).await;
    assert!(w.f.store.alarms_for(&late.id).await.unwrap().is_empty());
    assert_eq!(
        w.f.store
            .reraise_emergency_alarms(Utc::now())
            .await
            .unwrap(),
        3
    );
    assert_eq!(w.f.store.alarms_for(&late.id).await.unwrap().len(), 1);
    // Acknowledged: gone from everyone's notifications, and not raised again.
    w.f.store
        .acknowledge_alert(
            &AlertOfficer {
                user_id: &w.protection.id,
                unit_id: &w.ttt,
                unit_secret: None,
            },
            &emergencies[0].id,
            Utc::now(),
        )
        .await
        .unwrap();
    assert_eq!(
        w.f.store
            .reraise_emergency_alarms(Utc::now())
            .await
            .unwrap(),
        0
    );
    for staff in [&w.protection, &w.head, &late] {
        assert!(w.f.store.alarms_for(&staff.id).await.unwrap().is_empty());
    }

    // The written confirmation, once.
    w.f.store
        .confirm_protection_request(&w.case, &request, today(), &w.handler.id)
        .await
        .unwrap();
    let stored =
        w.f.store
            .protection_requests(&w.case, &w.key)
            .await
            .unwrap();
    assert_eq!(stored[0].confirmed_in_writing_on, Some(today()));
    assert!(!stored[0].awaits_written_confirmation());
    assert!(matches!(
        w.f.store
            .confirm_protection_request(&w.case, &request, today(), &w.handler.id)
            .await,
        Err(ProtectionError::NothingToConfirm)
    ));
    // A request that is not urgent raises nothing.
    w.phone_request(false).await;
    assert_eq!(w.alerts_of(AlertKind::EmergencyProtection).await.len(), 1);
    assert_eq!(
        w.f.count("SELECT COUNT(*) FROM alarm_notifications").await,
        3
    );
    w.f.store.close().await;
}

async fn check_ins_alert_unless_fine_and_ending_measures_ends_the_tripwire(backend: Backend) {
    let w = world(backend).await;
    let started = today() - Days::new(20);
    let request = w.phone_request_on(false, started).await;
    w.f.store
        .decide_protection(
            &w.case,
            &request,
            &w.measures(started),
            &w.key,
            &w.protection.id,
            Utc::now(),
        )
        .await
        .unwrap();
    let decisions =
        w.f.store
            .protection_decisions(&w.case, &w.key)
            .await
            .unwrap();
    assert_eq!(decisions.len(), 1);
    assert!(decisions[0].is_running());
    assert_eq!(decisions[0].decided_by, "bao.ve");
    assert_eq!(decisions[0].decision.measures().unwrap().starts_on, started);

    // "Fine" raises nothing; "threatened" raises an alert with the answer.
    let fine = CheckIn::parse("fine", "").unwrap_or_else(|_| panic!());
    let answered =
        w.f.store
            .answer_check_in(&w.case, &request, 0, &fine, &w.key, Utc::now())
            .await
            .unwrap();
    assert!(answered.alert.is_none());
    assert!(w.alerts_of(AlertKind::CheckInNotFine).await.is_empty());
    assert!(matches!(
        w.f.store
            .answer_check_in(&w.case, &request, 0, &fine, &w.key, Utc::now())
            .await,
        Err(ProtectionError::AlreadyAnswered)
    ));
    let threatened = CheckIn::parse("threatened", NOTE).unwrap_or_else(|_| panic!());
    let answered =
        w.f.store
            .answer_check_in(&w.case, &request, 1, &threatened, &w.key, Utc::now())
            .await
            .unwrap();
    assert!(answered.alert.is_some());
    let alerts = w.alerts_of(AlertKind::CheckInNotFine).await;
    assert_eq!(alerts.len(), 1);
    let details = alerts[0].protection.as_ref().unwrap();
    assert_eq!(details.answer, Some(CheckInAnswer::Threatened));
    assert_eq!(details.note.as_deref(), Some(NOTE));
    // Not an emergency: nobody's notifications get an alarm.
    assert!(
        w.f.store
            .alarms_for(&w.protection.id)
            .await
            .unwrap()
            .is_empty()
    );
    let check_ins = w.f.store.check_ins(&w.case, &w.key).await.unwrap();
    assert_eq!(check_ins.len(), 2);
    assert_eq!(check_ins[1].answer, CheckInAnswer::Threatened);
    assert_eq!(check_ins[1].note.as_deref(), Some(NOTE));

    // While the measures run, an adverse decision matches.
    w.hr_action(today()).await;
    assert_eq!(w.alerts_of(AlertKind::HrActionMatch).await.len(), 1);
    // Ended yesterday: a decision dated today no longer matches, one dated
    // yesterday still does.
    let yesterday = today() - Days::new(1);
    let end = ProtectionEnd::parse(
        "grounds_ceased",
        &yesterday.to_string(),
        "",
        started,
        today(),
    )
    .unwrap_or_else(|_| panic!());
    let ended =
        w.f.store
            .end_protection_measures(&w.case, &request, &end, &w.key, &w.head.id, Utc::now())
            .await
            .unwrap();
    assert_eq!(ended, 1);
    w.hr_action(today()).await;
    assert_eq!(w.alerts_of(AlertKind::HrActionMatch).await.len(), 1);
    w.hr_action(yesterday).await;
    assert_eq!(w.alerts_of(AlertKind::HrActionMatch).await.len(), 2);
    let decisions =
        w.f.store
            .protection_decisions(&w.case, &w.key)
            .await
            .unwrap();
    assert!(!decisions[0].is_running());
    let stored_end = decisions[0].ended.as_ref().unwrap();
    assert_eq!(
        (stored_end.ended_on, stored_end.by.as_str()),
        (yesterday, "thu.truong")
    );
    assert!(matches!(
        w.f.store
            .end_protection_measures(&w.case, &request, &end, &w.key, &w.head.id, Utc::now())
            .await,
        Err(ProtectionError::AlreadyEnded)
    ));
    assert!(matches!(
        w.f.store
            .answer_check_in(&w.case, &request, 2, &fine, &w.key, Utc::now())
            .await,
        Err(ProtectionError::NotRunning)
    ));
    assert!(
        w.f.store
            .cases_with_open_protection(&w.ttt, 50)
            .await
            .unwrap()
            .is_empty()
    );

    // Nothing the reporter or an officer wrote is in the audit chain.
    let audit: Vec<String> = sqlx::query("SELECT actor, action, details FROM audit_entries")
        .fetch_all(w.f.store.reader())
        .await
        .unwrap()
        .iter()
        .map(|row| {
            use sqlx::Row;
            format!(
                "{} {} {}",
                row.get::<String, _>("actor"),
                row.get::<String, _>("action"),
                row.get::<String, _>("details")
            )
        })
        .collect();
    for entry in &audit {
        for secret in [SITUATION, NOTE, REPORTER_ID, "Công an phường"] {
            assert!(!entry.contains(secret), "{entry}");
        }
    }
    assert!(
        audit
            .iter()
            .any(|e| e.starts_with("reporter case.protection_check_in"))
    );
    assert!(
        audit
            .iter()
            .any(|e| e.contains("case.protection_ended") && e.contains("grounds_ceased"))
    );
    assert!(matches!(
        verify(&w.f.store, &w.f.store.audit_verifying_key())
            .await
            .unwrap(),
        AuditVerdict::Intact { .. }
    ));
    w.f.store.close().await;
}

async fn a_refusal_is_final_and_ends_the_tripwire_on_its_day(backend: Backend) {
    let w = world(backend).await;
    let request = w.phone_request(false).await;
    let open =
        w.f.store
            .cases_with_open_protection(&w.ttt, 50)
            .await
            .unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].case_id, w.case);
    w.f.store
        .assess_protection_request(
            &w.case,
            &request,
            ProtectionAssessment {
                corruption_or_waste: true,
                complex: true,
            },
            &w.protection.id,
        )
        .await
        .unwrap();
    let refusal = ProtectionDecision::parse(
        &DecisionDraft {
            outcome: "refusal".into(),
            body: "police".into(),
            reasons: "Không có căn cứ LyDoTuChoi5510".into(),
            ..DecisionDraft::default()
        },
        today(),
        today(),
    )
    .unwrap_or_else(|_| panic!());
    w.f.store
        .decide_protection(&w.case, &request, &refusal, &w.key, &w.head.id, Utc::now())
        .await
        .unwrap();
    assert!(matches!(
        w.f.store
            .decide_protection(&w.case, &request, &refusal, &w.key, &w.head.id, Utc::now())
            .await,
        Err(ProtectionError::AlreadyDecided)
    ));
    assert!(matches!(
        w.f.store
            .assess_protection_request(
                &w.case,
                &request,
                ProtectionAssessment::default(),
                &w.protection.id
            )
            .await,
        Err(ProtectionError::AlreadyDecided)
    ));
    let end = ProtectionEnd::parse("grounds_ceased", "", "", today(), today())
        .unwrap_or_else(|_| panic!());
    assert!(matches!(
        w.f.store
            .end_protection_measures(&w.case, &request, &end, &w.key, &w.head.id, Utc::now())
            .await,
        Err(ProtectionError::NotRunning)
    ));
    // The tripwire covered the request until the refusal's day, not after.
    w.hr_action(today()).await;
    assert_eq!(w.alerts_of(AlertKind::HrActionMatch).await.len(), 1);
    w.hr_action(today() + Days::new(1)).await;
    assert_eq!(w.alerts_of(AlertKind::HrActionMatch).await.len(), 1);
    assert!(
        w.f.store
            .cases_with_open_protection(&w.ttt, 50)
            .await
            .unwrap()
            .is_empty()
    );
    let stored =
        w.f.store
            .protection_requests(&w.case, &w.key)
            .await
            .unwrap();
    assert!(stored[0].assessment.complex);
    // Another case's request is not found through this case.
    let other = w.f.letter(&w.protection, "TTT", &today().to_string()).await;
    let other_key = w.f.case_key(&other, &w.protection).await;
    assert!(matches!(
        w.f.store
            .decide_protection(
                &other,
                &request,
                &refusal,
                &other_key,
                &w.head.id,
                Utc::now()
            )
            .await,
        Err(ProtectionError::NotFound)
    ));
    // A wrong key writes nothing.
    assert!(matches!(
        w.f.store
            .decide_protection(
                &w.case,
                &request,
                &refusal,
                &other_key,
                &w.head.id,
                Utc::now()
            )
            .await,
        Err(ProtectionError::WrongCaseKey)
    ));
    assert_eq!(
        w.f.store.protection_request_case(&request).await.unwrap(),
        Some(w.case.clone())
    );
    assert_eq!(
        w.f.store
            .protection_request_case(&"0".repeat(32))
            .await
            .unwrap(),
        None
    );
    let _ = day("2026-01-01");
    w.f.store.close().await;
}

khien_testkit::on_both_backends!(
    an_urgent_request_alarms_the_unit_until_acknowledged,
    check_ins_alert_unless_fine_and_ending_measures_ends_the_tripwire,
    a_refusal_is_final_and_ends_the_tripwire_on_its_day,
);
