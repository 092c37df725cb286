//! The outcomes conformance suite: a retaliation case is stored with its link in
//! one transaction (and named even though no identity is copied); links read both
//! ways; reviews and publications are opened once however often they are asked
//! for; review and reward steps follow their rules; the reporter's answer is
//! timed to the hour and audited without content. Every test runs on SQLite and
//! on PostgreSQL.

#[path = "support/case_fixture.rs"]
mod case_fixture;

use case_fixture::{CaseFixture, day};
use chrono::{Timelike, Utc};
use khien_domain::accounts::Role;
use khien_domain::case_file::Finding;
use khien_domain::intake::{AttachmentLimits, Channel, NewReport, ReportDraft};
use khien_domain::outcomes::{
    HandlingBasis, HandlingKind, ReporterResponse, ReviewRejection, ReviewStatus, RewardDraft,
    RewardProposal, RewardStatus, StatusRejection, reward_amounts,
};
use khien_store::Backend;
use khien_store::intake::{Author, PendingCase, Submission};
use khien_store::outcomes::{
    LinkRelation, NewPublication, NewRetaliationLink, NewReward, OutcomesError, RetaliationSource,
};
use khien_vault::case_keys::issue_receipt;
use khien_vault::kdf::KdfParams;
use sqlx::Row;

const GROUNDS: &str = "Tố cáo đúng LyDoKhenThuong4471";

async fn a_retaliation_case_is_stored_with_its_link_both_ways(backend: Backend) {
    let f = CaseFixture::new(backend).await;
    f.unit("UBT", None).await;
    f.unit("TTT", Some("UBT")).await;
    let officer = f
        .user("tiep.nhan", "TTT", &[Role::Intake, Role::Handler])
        .await;
    f.user("cap.tren", "UBT", &[Role::Intake, Role::Handler])
        .await;
    let original = f.letter(&officer, "TTT", "2026-01-05").await;
    let accused = f
        .store
        .case_summary(&original)
        .await
        .unwrap()
        .unwrap()
        .unit_id;

    // An anonymous report (no identity) made named by its link: the reporter of
    // the original case, whose identity stays there.
    let draft = ReportDraft {
        kind: "denunciation".into(),
        unit: "UBT".into(),
        subject: "Trả thù người tố cáo".into(),
        content: "Bị điều chuyển.".into(),
        channel: Channel::Web,
        ..ReportDraft::default()
    };
    let report = NewReport::parse(&draft, day("2026-01-06")).unwrap();
    assert!(report.is_anonymous());
    let issued = issue_receipt(&f.secret, KdfParams::for_tests()).unwrap();
    let link = NewRetaliationLink {
        original_case_id: Some(original.clone()),
        accused_unit_id: accused.clone(),
        inspection_unit_id: None,
        source: RetaliationSource::Reporter,
        denouncer_named: true,
    };
    let linked = f
        .store
        .submit_retaliation_case(
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
            &f.blobs,
            &link,
        )
        .await
        .unwrap();
    let summary = f
        .store
        .case_summary(&linked.case_id)
        .await
        .unwrap()
        .unwrap();
    assert!(!summary.anonymous, "named by the link");
    assert_ne!(summary.unit_id, accused, "never at the accused unit");
    assert_eq!(
        f.count("SELECT COUNT(*) FROM case_identities").await,
        1,
        "no identity is copied into the new case"
    );

    let stored = f
        .store
        .retaliation_link(&linked.case_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.original_case_id.as_ref(), Some(&original));
    assert_eq!(stored.accused_unit_id, accused);
    assert_eq!(stored.source, RetaliationSource::Reporter);
    assert_eq!(stored.created_at.minute(), 0, "to the hour");
    let from_original = f.store.linked_cases(&original).await.unwrap();
    assert_eq!(from_original.len(), 1);
    assert_eq!(from_original[0].relation, LinkRelation::RetaliationReport);
    assert_eq!(from_original[0].summary.id, linked.case_id);
    let from_linked = f.store.linked_cases(&linked.case_id).await.unwrap();
    assert_eq!(from_linked[0].relation, LinkRelation::OriginalCase);
    assert_eq!(from_linked[0].summary.id, original);
    assert!(f.store.retaliation_link(&original).await.unwrap().is_none());
    let superior_cases = f
        .store
        .retaliation_cases_for_unit(&summary.unit_id)
        .await
        .unwrap();
    assert_eq!(superior_cases.len(), 1);
    assert!(
        f.store
            .retaliation_cases_for_unit(&accused)
            .await
            .unwrap()
            .is_empty()
    );
    let audited: Vec<String> =
        sqlx::query("SELECT details FROM audit_entries WHERE action = 'case.retaliation_linked'")
            .fetch_all(f.store.reader())
            .await
            .unwrap()
            .iter()
            .map(|row| row.get::<String, _>("details"))
            .collect();
    assert_eq!(audited.len(), 1);
    assert!(!audited[0].contains("điều chuyển"));

    // Naming another accused unit moves the link; an unknown case is not found.
    f.store
        .name_accused_unit("user:x", &linked.case_id, &summary.unit_id, None)
        .await
        .unwrap();
    assert_eq!(
        f.store
            .retaliation_link(&linked.case_id)
            .await
            .unwrap()
            .unwrap()
            .accused_unit_id,
        summary.unit_id
    );
    assert!(matches!(
        f.store
            .name_accused_unit("user:x", &original, &accused, None)
            .await,
        Err(OutcomesError::NotFound)
    ));
}

async fn reviews_and_publications_open_once_and_follow_their_rules(backend: Backend) {
    let f = CaseFixture::new(backend).await;
    f.unit("TTT", None).await;
    let head = f
        .user("thu.truong", "TTT", &[Role::Intake, Role::Head])
        .await;
    let case = f.letter(&head, "TTT", "2026-01-05").await;
    let key = f.case_key(&case, &head).await;
    let now = Utc::now();
    for _ in 0..2 {
        f.store
            .open_false_report_review("user:x", &case, 5, Finding::False, day("2026-02-02"), now)
            .await
            .unwrap();
    }
    assert_eq!(
        f.count("SELECT COUNT(*) FROM false_report_reviews").await,
        1
    );
    let refused = f
        .store
        .recommend_false_report_handling(
            &head.id,
            &case,
            HandlingKind::Fine,
            HandlingBasis::KnowinglyFalse,
            None,
            &key,
            now,
        )
        .await;
    assert!(matches!(
        refused,
        Err(OutcomesError::Review(ReviewRejection::NotDecided))
    ));
    f.store
        .decide_false_report(&head.id, &case, true, Some("GhiChuCoY8810"), &key, now)
        .await
        .unwrap();
    f.store
        .recommend_false_report_handling(
            &head.id,
            &case,
            HandlingKind::Prosecution,
            HandlingBasis::PenalCodeSlander,
            None,
            &key,
            now,
        )
        .await
        .unwrap();
    let reviews = f
        .store
        .false_report_reviews(&case, Some(&key))
        .await
        .unwrap();
    assert_eq!(
        reviews[0].review.status(),
        ReviewStatus::HandlingRecommended
    );
    assert_eq!(reviews[0].decision_note.as_deref(), Some("GhiChuCoY8810"));
    assert_eq!(reviews[0].decided.as_ref().unwrap().0, head.id);
    // Without the key the note stays sealed; in the database it is ciphertext.
    let unopened = f.store.false_report_reviews(&case, None).await.unwrap();
    assert_eq!(unopened[0].decision_note, None);
    let note: Vec<u8> = sqlx::query("SELECT decision_note FROM false_report_reviews")
        .fetch_one(f.store.reader())
        .await
        .unwrap()
        .get("decision_note");
    assert!(!note.windows(4).any(|w| w == b"8810"));

    let publication = NewPublication {
        case_id: &case,
        published_seq: 9,
        unit_id: &head.unit,
        finding: Finding::Correct,
        measures: &["Kiểm điểm".to_owned()],
        amount_to_recover_vnd: 5,
        persons_to_discipline: 1,
        concluded_on: day("2026-02-02"),
        published_from: day("2026-02-10"),
        published_until: day("2026-02-24"),
    };
    assert!(
        f.store
            .record_publication("user:x", &publication, now)
            .await
            .unwrap()
    );
    assert!(
        !f.store
            .record_publication("user:x", &publication, now)
            .await
            .unwrap()
    );
    assert!(
        f.store
            .published_conclusions(day("2026-02-09"), false, 50)
            .await
            .unwrap()
            .is_empty(),
        "not before its first day"
    );
    let posted = f
        .store
        .published_conclusions(day("2026-02-10"), false, 50)
        .await
        .unwrap();
    assert_eq!(posted.len(), 1);
    assert_eq!(posted[0].measures, ["Kiểm điểm"]);
    assert!(!posted[0].retaliation);
    assert!(
        f.store
            .published_conclusions(day("2026-02-10"), true, 50)
            .await
            .unwrap()
            .is_empty()
    );
}

async fn rewards_are_decided_once_and_answered_by_the_reporter(backend: Backend) {
    let f = CaseFixture::new(backend).await;
    f.unit("TTT", None).await;
    let head = f
        .user("thu.truong", "TTT", &[Role::Intake, Role::Head])
        .await;
    let case = f.letter(&head, "TTT", "2026-01-05").await;
    let key = f.case_key(&case, &head).await;
    let proposal = RewardProposal::parse(&RewardDraft {
        beneficiary: "reporter".into(),
        form: "bravery_order".into(),
        bonus_multiple: "60".into(),
        grounds: GROUNDS.into(),
        ..RewardDraft::default()
    })
    .unwrap();
    let reward = f
        .store
        .propose_reward(NewReward {
            case_id: &case,
            proposal: &proposal,
            beneficiary_unit_id: None,
            base_salary_vnd: 2_000_000,
            amounts: reward_amounts(proposal.bonus, 0, 2_000_000),
            proposed_by: &head.id,
            case_key: &key,
            now: Utc::now(),
        })
        .await
        .unwrap();
    assert!(matches!(
        f.store
            .answer_reward(&case, &reward, true, Utc::now())
            .await,
        Err(OutcomesError::Reward(StatusRejection::NotApproved))
    ));
    let status = f
        .store
        .decide_reward(&head.id, &case, &reward, true, None, &key, Utc::now())
        .await
        .unwrap();
    assert_eq!(status, RewardStatus::Approved);
    assert!(matches!(
        f.store
            .decide_reward(&head.id, &case, &reward, false, None, &key, Utc::now())
            .await,
        Err(OutcomesError::Reward(StatusRejection::AlreadyDecided))
    ));
    let answered = f
        .store
        .answer_reward(&case, &reward, true, Utc::now())
        .await
        .unwrap();
    assert_eq!(answered, ReporterResponse::Accepted);
    let stored = f.store.rewards(&case, &key).await.unwrap();
    assert_eq!(stored[0].grounds, GROUNDS);
    assert_eq!(stored[0].amounts.bonus_vnd, 120_000_000);
    let consented = stored[0].identity_release_consented_at.unwrap();
    assert_eq!(
        (consented.minute(), consented.second()),
        (0, 0),
        "to the hour"
    );
    let grounds: Vec<u8> = sqlx::query("SELECT grounds FROM reward_proposals")
        .fetch_one(f.store.reader())
        .await
        .unwrap()
        .get("grounds");
    assert!(!grounds.windows(4).any(|w| w == b"4471"));
    let details: String = sqlx::query(
        "SELECT actor, details FROM audit_entries WHERE action = 'case.reward_answered'",
    )
    .fetch_one(f.store.reader())
    .await
    .unwrap()
    .get("details");
    assert!(details.contains("accepted") && !details.contains("4471"));
    // Another case's reporter cannot answer it.
    let other = f.letter(&head, "TTT", "2026-01-06").await;
    assert!(matches!(
        f.store
            .answer_reward(&other, &reward, false, Utc::now())
            .await,
        Err(OutcomesError::NotFound)
    ));
}

khien_testkit::on_both_backends!(
    a_retaliation_case_is_stored_with_its_link_both_ways,
    reviews_and_publications_open_once_and_follow_their_rules,
    rewards_are_decided_once_and_answered_by_the_reporter,
);
