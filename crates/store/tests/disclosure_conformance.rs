//! Identity disclosure by k-of-n custodians, on both backends: who can open
//! what, with which keys; refusal, expiry, the reporter's view, the unit's
//! threshold, and re-sharing to a changed set of custodians.

use chrono::{DateTime, Duration, Utc};
use khien_domain::accounts::{Password, Role, UnitCode, UnitKind, UnitName, Username};
use khien_domain::disclosure::{CustodianReason, IdentityRequestText, LegalReason};
use khien_domain::intake::{AttachmentLimits, Channel, IdentityDraft, NewReport, ReportDraft};
use khien_store::accounts::{AccountError, NewUnit, NewUser, UnitId, UnitKeyKind, UserId};
use khien_store::audit::{AuditVerdict, verify};
use khien_store::blobs::BlobStore;
use khien_store::data_dir::DataDir;
use khien_store::disclosure::{
    CustodianDecision, Decision, DisclosureError, NewIdentityRequest, RequestStatus,
};
use khien_store::intake::{Author, CaseId, IdentityRequestId, PendingCase, Submission};
use khien_store::{Backend, Store};
use khien_testkit::{TestDatabase, fresh_database, open_test_store};
use khien_vault::case_keys::{
    issue_receipt, open_identity_key_as_intake, open_identity_key_as_reporter, open_identity_share,
};
use khien_vault::error::VaultError;
use khien_vault::kdf::KdfParams;
use khien_vault::sealed_box::SecretKey;
use khien_vault::server_secret::ServerSecret;
use khien_vault::shares::{IdentityShare, combine_shares, open_share};
use khien_vault::staff_keys::{WrappedKey, unwrap_with_recovery_key};
use khien_vault::symmetric::{DataKey, open};
use secrecy::SecretString;
use sqlx::Row;

const REPORTER: &str = "Đặng Thị Kim Thoa Bí Mật";
const ID_NUMBER: &str = "079123456789";

struct Person {
    id: UserId,
    username: String,
    key: SecretKey,
}

struct Fixture {
    store: Store,
    secret: ServerSecret,
    blobs: BlobStore,
    database: TestDatabase,
}

async fn fixture(backend: Backend) -> Fixture {
    let database = fresh_database(backend).await;
    let store = open_test_store(&database, 1000).await;
    let blobs = BlobStore::open(database.data_dir.path().join("blobs")).unwrap();
    // The installation's own secrets, as `khien serve` keeps them.
    let secrets = DataDir::open(database.data_dir.path())
        .unwrap()
        .load_or_create_secrets()
        .unwrap();
    Fixture {
        store,
        secret: secrets.server_secret,
        blobs,
        database,
    }
}

impl Fixture {
    async fn unit(&self, code: &str) -> UnitId {
        self.store
            .add_unit(
                "cli",
                &NewUnit {
                    code: UnitCode::parse(code).unwrap(),
                    name: UnitName::parse(&format!("Thanh tra {code}")).unwrap(),
                    kind: UnitKind::Inspectorate,
                    parent: None,
                    head_position: None,
                },
            )
            .await
            .unwrap()
            .id
    }

    /// A user and their private key, opened with the recovery key.
    async fn person(&self, name: &str, unit: &str, roles: &[Role]) -> Person {
        let enrolment = self
            .store
            .create_user(
                "cli",
                NewUser {
                    username: Username::parse(name).unwrap(),
                    unit: UnitCode::parse(unit).unwrap(),
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
        Person {
            id: enrolment.user.id,
            username: Username::parse(name).unwrap().as_str().to_owned(),
            key: unwrap_with_recovery_key(
                &WrappedKey::from_bytes(&wrapped).unwrap(),
                &enrolment.recovery_key,
            )
            .unwrap(),
        }
    }

    /// A unit with a handler (who is also its intake officer) and `n` custodians.
    async fn unit_with_custodians(&self, code: &str, n: usize) -> (Person, Vec<Person>) {
        self.unit(code).await;
        let handler = self
            .person(
                &format!("xuly.{code}"),
                code,
                &[Role::Intake, Role::Handler],
            )
            .await;
        let mut custodians = Vec::new();
        for i in 0..n {
            custodians.push(
                self.person(&format!("giukhoa{i}.{code}"), code, &[Role::Custodian])
                    .await,
            );
        }
        (handler, custodians)
    }

    async fn report(&self, unit: &str, named: bool) -> CaseId {
        let draft = ReportDraft {
            kind: "denunciation".into(),
            unit: unit.into(),
            subject: "Sai phạm trong đấu thầu".into(),
            content: "Hồ sơ dự thầu bị sửa sau khi mở thầu.".into(),
            when_where: String::new(),
            accused: vec![],
            identity: named.then(|| IdentityDraft {
                full_name: REPORTER.into(),
                id_number: ID_NUMBER.into(),
                address: "7 Trần Phú".into(),
                phone: "0987 654 321".into(),
            }),
            co_reporters: vec![],
            wants_protection: false,
            channel: Channel::Web,
            received_on: String::new(),
        };
        let report = NewReport::parse(&draft, Utc::now().date_naive()).unwrap();
        let receipt = issue_receipt(&self.secret, KdfParams::for_tests()).unwrap();
        self.store
            .submit_report(
                Submission {
                    pending: PendingCase::new(),
                    report: &report,
                    receipt: &receipt,
                    attachments: vec![],
                    author: Author::Reporter,
                    limits: AttachmentLimits::default(),
                    now: Utc::now(),
                    accused_indexes: Vec::new(),
                },
                &self.blobs,
            )
            .await
            .unwrap()
            .case_id
    }

    async fn ask(
        &self,
        case_id: &CaseId,
        requester: &Person,
        now: DateTime<Utc>,
    ) -> Result<IdentityRequestId, DisclosureError> {
        let text = IdentityRequestText::parse(
            "verification_contact",
            "Cần mời người tố cáo đến đối chiếu hồ sơ dự thầu.",
            "Mời làm việc trực tiếp",
        )
        .unwrap();
        self.store
            .request_identity(NewIdentityRequest {
                case_id,
                requester: &requester.id,
                text: &text,
                now,
                lifetime: Duration::days(7),
            })
            .await
    }

    async fn decide(
        &self,
        request: &IdentityRequestId,
        custodian: &Person,
        decision: Decision,
        now: DateTime<Utc>,
    ) -> Result<bool, DisclosureError> {
        self.store
            .decide_identity_request(CustodianDecision {
                request_id: request,
                custodian: &custodian.id,
                custodian_key: &custodian.key,
                decision,
                reason: &CustodianReason::parse("Đúng căn cứ Điều 31.").unwrap(),
                now,
            })
            .await
            .map(|outcome| outcome.approved)
    }

    async fn open_as(&self, case_id: &CaseId, who: &Person) -> Result<String, DisclosureError> {
        self.store
            .open_disclosed_identity(case_id, &who.id, &who.key, Utc::now())
            .await
            .map(|opened| opened.identities.representative.full_name.clone())
    }

    async fn blobs_of(&self, sql: &str) -> Vec<Vec<u8>> {
        sqlx::query(sql)
            .fetch_all(self.store.reader())
            .await
            .unwrap()
            .into_iter()
            .filter_map(|row| row.get::<Option<Vec<u8>>, _>(0))
            .collect()
    }

    async fn number(&self, sql: &str) -> i64 {
        sqlx::query(sql)
            .fetch_one(self.store.reader())
            .await
            .unwrap()
            .get::<i64, _>(0)
    }

    async fn audit_text(&self) -> String {
        sqlx::query("SELECT actor, action, object, details FROM audit_entries")
            .fetch_all(self.store.reader())
            .await
            .unwrap()
            .iter()
            .map(|row| {
                format!(
                    "{} {} {} {}",
                    row.get::<String, _>(0),
                    row.get::<String, _>(1),
                    row.get::<String, _>(2),
                    row.get::<String, _>(3)
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The threat of DESIGN §4: the database, the data directory's secrets and one
/// insider's private key. After acceptance destroyed the intake seal, together
/// they open nothing that leads to the identity — every attempt fails in the vault.
async fn one_custodian_with_the_database_and_the_secrets_cannot_open_the_identity(
    backend: Backend,
) {
    let f = fixture(backend).await;
    let (handler, custodians) = f.unit_with_custodians("TTT", 3).await;
    let case_id = f.report("TTT", true).await;
    // One custodian has even approved a request already: that share now also
    // exists sealed to the requester.
    let request = f.ask(&case_id, &handler, Utc::now()).await.unwrap();
    assert!(
        !f.decide(&request, &custodians[1], Decision::Approve, Utc::now())
            .await
            .unwrap()
    );
    assert!(
        f.store
            .destroy_intake_identity_seal("user:x", &case_id, Utc::now())
            .await
            .unwrap()
    );
    let insider = &custodians[0];
    let case = case_id.as_str();
    let identity_ciphertext = f
        .blobs_of("SELECT ciphertext FROM case_identities")
        .await
        .pop()
        .unwrap();
    let identity_label = format!("khien/case/{case}/identity").into_bytes();

    // 1. The intake seal is gone: there is nothing to open with the intake key.
    assert!(
        f.blobs_of("SELECT sealed FROM identity_seals WHERE holder_kind = 'intake'")
            .await
            .is_empty()
    );
    let intake_holder: String =
        sqlx::query("SELECT holder_id FROM identity_seals WHERE holder_kind = 'intake'")
            .fetch_one(f.store.reader())
            .await
            .unwrap()
            .get(0);
    assert_eq!(
        open_identity_key_as_intake(case, &intake_holder, &insider.key, &[0x11; 80]).err(),
        Some(VaultError::DecryptionFailed)
    );
    // 2. A custodian holds no unit key, so no case key either.
    assert!(matches!(
        f.store
            .open_unit_key(
                &UnitId::parse(&intake_holder).unwrap(),
                UnitKeyKind::Intake,
                &insider.id,
                &insider.key
            )
            .await,
        Err(AccountError::NoKeyAccess)
    ));
    // 3. The insider's own share opens, and alone rebuilds nothing.
    let seals = sqlx::query(
        "SELECT holder_id, sealed FROM identity_seals WHERE holder_kind = 'custodian' ORDER BY holder_id",
    )
    .fetch_all(f.store.reader())
    .await
    .unwrap();
    let own_row = seals
        .iter()
        .find(|row| row.get::<String, _>(0) == insider.id.as_str())
        .unwrap();
    let own = open_identity_share(
        case,
        insider.id.as_str(),
        &insider.key,
        &own_row.get::<Vec<u8>, _>(1),
    )
    .unwrap();
    assert_eq!(own.threshold(), 2);
    assert!(matches!(
        combine_shares(std::slice::from_ref(&own)),
        Err(VaultError::InvalidParameters { .. })
    ));
    // Forcing k = 1 gives a key that opens nothing.
    let mut forced = own.to_bytes().to_vec();
    forced[1] = 1;
    let forced_key = combine_shares(&[IdentityShare::from_bytes(&forced).unwrap()]).unwrap();
    assert_eq!(
        open(&forced_key, &identity_ciphertext, &identity_label).err(),
        Some(VaultError::DecryptionFailed)
    );
    // 4. The other custodians' shares do not open with the insider's key, under any label.
    for row in &seals {
        let holder: String = row.get(0);
        if holder == insider.id.as_str() {
            continue;
        }
        for label_holder in [holder.as_str(), insider.id.as_str()] {
            assert_eq!(
                open_identity_share(case, label_holder, &insider.key, &row.get::<Vec<u8>, _>(1))
                    .err(),
                Some(VaultError::DecryptionFailed)
            );
        }
    }
    // 5. Nor does the share already re-sealed to the requester.
    let resealed = f
        .blobs_of("SELECT resealed_share FROM identity_request_decisions")
        .await;
    assert_eq!(resealed.len(), 1);
    let disclosure_label = format!(
        "khien/case/{case}/identity-disclosure/{request}/{}/{}",
        handler.id, custodians[1].id
    );
    assert_eq!(
        open_share(&insider.key, &resealed[0], disclosure_label.as_bytes()).err(),
        Some(VaultError::DecryptionFailed)
    );
    // 6. The data directory's server secret is not the reporter's key.
    let reporter_seal = f
        .blobs_of("SELECT sealed FROM identity_seals WHERE holder_kind = 'reporter'")
        .await
        .pop()
        .unwrap();
    assert_eq!(
        open_identity_key_as_reporter(
            case,
            &DataKey::from_bytes(f.secret.expose_secret()),
            &reporter_seal
        )
        .err(),
        Some(VaultError::DecryptionFailed)
    );
    // 7. And the store itself refuses the insider as a requester.
    assert!(matches!(
        f.open_as(&case_id, insider).await,
        Err(DisclosureError::NotApproved)
    ));
    // The name appears nowhere in the database file (SQLite) in clear.
    if backend == Backend::Sqlite {
        let mut bytes = Vec::new();
        for entry in std::fs::read_dir(f.database.data_dir.path()).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                bytes.extend(std::fs::read(path).unwrap());
            }
        }
        assert!(
            !bytes
                .windows(ID_NUMBER.len())
                .any(|w| w == ID_NUMBER.as_bytes())
        );
    }
}

async fn k_approvals_open_the_identity_for_the_requester_only(backend: Backend) {
    let f = fixture(backend).await;
    let (handler, custodians) = f.unit_with_custodians("TTT", 3).await;
    let other_handler = f.person("xuly2", "TTT", &[Role::Head]).await;
    let case_id = f.report("TTT", true).await;
    f.store
        .destroy_intake_identity_seal("user:x", &case_id, Utc::now())
        .await
        .unwrap();
    let request = f.ask(&case_id, &handler, Utc::now()).await.unwrap();

    // The custodians see it, with what the requester wrote.
    let queue = f
        .store
        .identity_requests_for_custodian(&custodians[0].id, &custodians[0].key, Utc::now())
        .await
        .unwrap();
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0].request.id, request);
    assert_eq!(queue[0].request.status, RequestStatus::Pending);
    assert_eq!(queue[0].request.threshold, 2);
    assert_eq!(
        queue[0].request.text.legal_reason,
        LegalReason::VerificationContact
    );
    assert!(queue[0].request.text.details.contains("đối chiếu"));
    assert_eq!(queue[0].requester.as_str(), handler.username);
    assert!(queue[0].holds_share);

    assert!(
        !f.decide(&request, &custodians[0], Decision::Approve, Utc::now())
            .await
            .unwrap()
    );
    assert!(matches!(
        f.open_as(&case_id, &handler).await,
        Err(DisclosureError::NotApproved)
    ));
    assert!(matches!(
        f.decide(&request, &custodians[0], Decision::Approve, Utc::now())
            .await,
        Err(DisclosureError::AlreadyDecided)
    ));
    assert!(
        f.decide(&request, &custodians[2], Decision::Approve, Utc::now())
            .await
            .unwrap()
    );
    // Approved: a third decision is too late.
    assert!(matches!(
        f.decide(&request, &custodians[1], Decision::Refuse, Utc::now())
            .await,
        Err(DisclosureError::Closed)
    ));

    assert_eq!(f.open_as(&case_id, &handler).await.unwrap(), REPORTER);
    for nobody in [&other_handler, &custodians[0], &custodians[2]] {
        assert!(matches!(
            f.open_as(&case_id, nobody).await,
            Err(DisclosureError::NotApproved)
        ));
    }
    // Another staff member's key with the requester's id opens nothing either.
    assert!(matches!(
        f.store
            .open_disclosed_identity(&case_id, &handler.id, &other_handler.key, Utc::now())
            .await,
        Err(DisclosureError::RequesterChanged)
    ));

    // The requester's view: approved, 2 of 2, both reasons readable.
    let mine = f
        .store
        .identity_requests_of_requester(&case_id, &handler.id, &handler.key, Utc::now())
        .await
        .unwrap();
    assert_eq!(mine[0].status, RequestStatus::Approved);
    assert_eq!((mine[0].approvals, mine[0].threshold), (2, 2));
    assert_eq!(mine[0].decisions.len(), 2);
    assert_eq!(mine[0].decisions[0].reason, "Đúng căn cứ Điều 31.");

    // Every step is audited, with ids only.
    let audit = f.audit_text().await;
    for action in [
        "identity.requested",
        "identity.request_approved",
        "case.identity_read",
    ] {
        assert!(audit.contains(action), "{action}");
    }
    assert!(audit.contains(request.as_str()));
    assert!(!audit.contains(REPORTER) && !audit.contains(ID_NUMBER));
    assert!(!audit.contains("đối chiếu") && !audit.contains("Điều 31."));
    assert!(matches!(
        verify(&f.store, &f.store.audit_verifying_key())
            .await
            .unwrap(),
        AuditVerdict::Intact { .. }
    ));
}

async fn a_refusal_closes_the_request_and_expiry_blocks_approval_and_use(backend: Backend) {
    let f = fixture(backend).await;
    let (handler, custodians) = f.unit_with_custodians("TTT", 3).await;
    let case_id = f.report("TTT", true).await;
    let now = Utc::now();

    let refused = f.ask(&case_id, &handler, now).await.unwrap();
    f.decide(&refused, &custodians[0], Decision::Approve, now)
        .await
        .unwrap();
    f.decide(&refused, &custodians[1], Decision::Refuse, now)
        .await
        .unwrap();
    assert!(matches!(
        f.decide(&refused, &custodians[2], Decision::Approve, now)
            .await,
        Err(DisclosureError::Closed)
    ));
    assert!(matches!(
        f.open_as(&case_id, &handler).await,
        Err(DisclosureError::NotApproved)
    ));
    assert!(f.audit_text().await.contains("identity.request_refused"));

    // Expired before approval: cannot be approved.
    let stale = f
        .ask(&case_id, &handler, now - Duration::days(8))
        .await
        .unwrap();
    assert!(matches!(
        f.decide(&stale, &custodians[0], Decision::Approve, now)
            .await,
        Err(DisclosureError::Expired)
    ));
    // Approved, then expired: cannot be used.
    let old = f
        .ask(&case_id, &handler, now - Duration::days(7))
        .await
        .unwrap();
    let approved_then = now - Duration::days(6);
    f.decide(&old, &custodians[0], Decision::Approve, approved_then)
        .await
        .unwrap();
    assert!(
        f.decide(&old, &custodians[2], Decision::Approve, approved_then)
            .await
            .unwrap()
    );
    assert!(matches!(
        f.open_as(&case_id, &handler).await,
        Err(DisclosureError::NotApproved)
    ));
    let statuses: Vec<RequestStatus> = f
        .store
        .identity_requests_of_requester(&case_id, &handler.id, &handler.key, now)
        .await
        .unwrap()
        .iter()
        .map(|view| view.status)
        .collect();
    assert_eq!(
        statuses,
        [
            RequestStatus::Refused,
            RequestStatus::Expired,
            RequestStatus::Expired
        ]
    );
}

async fn requests_are_checked(backend: Backend) {
    let f = fixture(backend).await;
    let (handler, custodians) = f.unit_with_custodians("TTT", 2).await;
    let (other_handler, other_custodians) = f.unit_with_custodians("TTB", 2).await;
    let case_id = f.report("TTT", true).await;
    // Another unit's case does not exist for them.
    assert!(matches!(
        f.ask_now(&case_id, &other_handler).await,
        Err(DisclosureError::NotFound)
    ));
    // Intake officers and custodians do not ask.
    let intake_only = f.person("tiepnhan", "TTT", &[Role::Intake]).await;
    assert!(matches!(
        f.ask_now(&case_id, &intake_only).await,
        Err(DisclosureError::NotPermitted)
    ));
    // An anonymous report has no identity.
    let anonymous = f.report("TTT", false).await;
    assert!(matches!(
        f.ask_now(&anonymous, &handler).await,
        Err(DisclosureError::Anonymous)
    ));
    // A custodian of another unit is not party to the request.
    let request = f.ask_now(&case_id, &handler).await.unwrap();
    assert!(matches!(
        f.decide(
            &request,
            &other_custodians[0],
            Decision::Approve,
            Utc::now()
        )
        .await,
        Err(DisclosureError::NotFound)
    ));
    // A custodian who is also a handler cannot approve their own request.
    let both = f
        .person("kiemnhiem", "TTT", &[Role::Handler, Role::Custodian])
        .await;
    let case_two = f.report("TTT", true).await;
    let own = f.ask_now(&case_two, &both).await.unwrap();
    assert!(matches!(
        f.decide(&own, &both, Decision::Approve, Utc::now()).await,
        Err(DisclosureError::OwnRequest)
    ));
    // The requester's keys were reset since they asked: no share goes to the old key.
    let reset_request = f.ask_now(&case_two, &handler).await.unwrap();
    f.store
        .admin_reset_user(
            "cli",
            &Username::parse(&handler.username).unwrap(),
            &Password::parse(SecretString::from("một mật khẩu mới đủ dài 2027")).unwrap(),
            &f.secret,
            &KdfParams::for_tests(),
        )
        .await
        .unwrap();
    assert!(matches!(
        f.decide(
            &reset_request,
            &custodians[0],
            Decision::Approve,
            Utc::now()
        )
        .await,
        Err(DisclosureError::RequesterChanged)
    ));
    // Requests sealed to the old keys drop out of the requester's list rather
    // than breaking it; the custodians still list them.
    assert!(
        f.store
            .identity_requests_of_requester(
                &case_two,
                &handler.id,
                &SecretKey::generate(),
                Utc::now()
            )
            .await
            .unwrap()
            .is_empty()
    );
    let listed = f
        .store
        .identity_requests_for_custodian(&custodians[1].id, &custodians[1].key, Utc::now())
        .await
        .unwrap();
    assert!(listed.iter().any(|item| item.request.id == reset_request));
    // No custodian when the case arrived: no shares.
    f.unit("TTC").await;
    f.person("xuly.TTC", "TTC", &[Role::Intake, Role::Handler])
        .await;
    let unshared = f.report("TTC", true).await;
    let lone = f.person("truong.TTC", "TTC", &[Role::Head]).await;
    assert!(matches!(
        f.ask_now(&unshared, &lone).await,
        Err(DisclosureError::NoShares)
    ));
}

impl Fixture {
    async fn ask_now(
        &self,
        case_id: &CaseId,
        requester: &Person,
    ) -> Result<IdentityRequestId, DisclosureError> {
        self.ask(case_id, requester, Utc::now()).await
    }
}

async fn the_reporter_is_told_role_unit_reason_and_day_never_a_name(backend: Backend) {
    let f = fixture(backend).await;
    let (handler, custodians) = f.unit_with_custodians("TTT", 2).await;
    let case_id = f.report("TTT", true).await;
    assert!(
        f.store
            .identity_disclosures(&case_id)
            .await
            .unwrap()
            .is_empty()
    );
    let request = f.ask_now(&case_id, &handler).await.unwrap();
    f.decide(&request, &custodians[0], Decision::Approve, Utc::now())
        .await
        .unwrap();
    assert!(
        f.store
            .identity_disclosures(&case_id)
            .await
            .unwrap()
            .is_empty(),
        "not disclosed before k approvals"
    );
    f.decide(&request, &custodians[1], Decision::Approve, Utc::now())
        .await
        .unwrap();
    let told = f.store.identity_disclosures(&case_id).await.unwrap();
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].requester_role, Role::Handler);
    assert_eq!(told[0].unit_name, "Thanh tra TTT");
    assert_eq!(told[0].legal_reason, LegalReason::VerificationContact);
    assert!(!told[0].opened);
    f.open_as(&case_id, &handler).await.unwrap();
    assert!(f.store.identity_disclosures(&case_id).await.unwrap()[0].opened);
    assert!(!format!("{told:?}").contains(&handler.username));
}

async fn the_unit_threshold_is_checked_recorded_and_used_at_intake(backend: Backend) {
    let f = fixture(backend).await;
    let (_, custodians) = f.unit_with_custodians("TTT", 3).await;
    let admin = f.person("quantri", "TTT", &[Role::Admin]).await;
    let code = UnitCode::parse("TTT").unwrap();
    // No setting: k = 2.
    f.report("TTT", true).await;
    assert_eq!(
        f.number("SELECT share_threshold FROM case_identities")
            .await,
        2
    );
    // k = 1 with three custodians is refused, even accepted.
    assert!(matches!(
        f.store
            .set_identity_threshold(&admin.id, &code, 1, true, Utc::now())
            .await,
        Err(DisclosureError::Invalid(_))
    ));
    let setting = f
        .store
        .set_identity_threshold(&admin.id, &code, 3, false, Utc::now())
        .await
        .unwrap();
    assert_eq!(setting.threshold.get(), 3);
    let case = f.report("TTT", true).await;
    assert_eq!(
        f.number(&format!(
            "SELECT share_threshold FROM case_identities WHERE case_id = '{case}'"
        ))
        .await,
        3
    );
    let _ = custodians;

    // A unit with one custodian: intake lowers k to 1 and records what was wanted.
    let (_, _) = f.unit_with_custodians("TTM", 1).await;
    let lowered = f.report("TTM", true).await;
    let row = sqlx::query(
        "SELECT share_threshold, threshold_wanted FROM case_identities WHERE case_id = $1",
    )
    .bind(lowered.as_str())
    .fetch_one(f.store.reader())
    .await
    .unwrap();
    assert_eq!(
        (row.get::<i64, _>(0), row.get::<i64, _>(1)),
        (1, 2),
        "k lowered to 1, 2 wanted"
    );
    assert!(
        f.audit_text()
            .await
            .contains("\"identity_threshold_wanted\":2")
    );
    // k = 1 there needs the administrator's explicit acceptance, recorded.
    let ttm = UnitCode::parse("TTM").unwrap();
    assert!(matches!(
        f.store
            .set_identity_threshold(&admin.id, &ttm, 1, false, Utc::now())
            .await,
        Err(DisclosureError::Invalid(errors)) if errors.fields() == ["accept_single_custodian"]
    ));
    let accepted = f
        .store
        .set_identity_threshold(&admin.id, &ttm, 1, true, Utc::now())
        .await
        .unwrap();
    assert_eq!(
        accepted
            .single_custodian_accepted
            .as_ref()
            .map(|(who, _)| who),
        Some(&admin.id)
    );
    let read_back = f
        .store
        .identity_threshold(&accepted.unit_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(read_back, accepted);
    assert!(f.audit_text().await.contains("unit.identity_threshold_set"));
}

async fn a_reshare_moves_the_shares_to_the_new_custodians_without_the_key(backend: Backend) {
    let f = fixture(backend).await;
    let (handler, custodians) = f.unit_with_custodians("TTT", 3).await;
    let case_id = f.report("TTT", true).await;
    // An approval given before the re-share.
    let early = f.ask_now(&case_id, &handler).await.unwrap();
    f.decide(&early, &custodians[0], Decision::Approve, Utc::now())
        .await
        .unwrap();
    let leaver_row: Vec<u8> = sqlx::query(
        "SELECT sealed FROM identity_seals WHERE holder_kind = 'custodian' AND holder_id = $1",
    )
    .bind(custodians[2].id.as_str())
    .fetch_one(f.store.reader())
    .await
    .unwrap()
    .get(0);
    let leaver_share = open_identity_share(
        case_id.as_str(),
        custodians[2].id.as_str(),
        &custodians[2].key,
        &leaver_row,
    )
    .unwrap();

    // Nothing is due while the set is unchanged.
    assert!(
        f.store
            .reshares_for_custodian(&custodians[0].id)
            .await
            .unwrap()
            .is_empty()
    );
    // A newcomer joins; custodian 2 leaves.
    let newcomer = f.person("giukhoa.moi", "TTT", &[Role::Custodian]).await;
    f.store
        .set_user_disabled(
            "cli",
            &Username::parse(&custodians[2].username).unwrap(),
            true,
        )
        .await
        .unwrap();
    let due = f
        .store
        .reshares_for_custodian(&custodians[0].id)
        .await
        .unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!((due[0].needed, due[0].recipients), (2, 3));
    assert!(
        f.store
            .reshares_for_custodian(&newcomer.id)
            .await
            .unwrap()
            .is_empty(),
        "the newcomer holds nothing to contribute"
    );

    let first = f
        .store
        .contribute_to_reshares(&custodians[0].id, &custodians[0].key, Utc::now())
        .await
        .unwrap();
    assert_eq!((first.contributed, first.completed), (1, 0));
    // Contributing twice does nothing more.
    let again = f
        .store
        .contribute_to_reshares(&custodians[0].id, &custodians[0].key, Utc::now())
        .await
        .unwrap();
    assert_eq!(again.contributed, 0);
    let second = f
        .store
        .contribute_to_reshares(&custodians[1].id, &custodians[1].key, Utc::now())
        .await
        .unwrap();
    assert_eq!((second.contributed, second.completed), (1, 1));

    // The leaver's share is destroyed; the newcomer holds one; generation 1.
    assert_eq!(
        f.number(&format!(
            "SELECT COUNT(*) FROM identity_seals WHERE holder_kind = 'custodian' \
             AND sealed IS NOT NULL AND holder_id = '{}'",
            custodians[2].id
        ))
        .await,
        0
    );
    assert_eq!(
        f.number("SELECT share_generation FROM case_identities")
            .await,
        1
    );
    assert_eq!(f.number("SELECT share_count FROM case_identities").await, 3);
    assert_eq!(
        f.number("SELECT COUNT(*) FROM identity_reshare_parts")
            .await,
        0
    );
    assert!(
        f.store
            .reshares_for_custodian(&custodians[0].id)
            .await
            .unwrap()
            .is_empty()
    );

    // The early approval was of the old shares: it no longer counts.
    let early_view = f
        .store
        .identity_requests_of_requester(&case_id, &handler.id, &handler.key, Utc::now())
        .await
        .unwrap();
    assert_eq!(early_view[0].approvals, 0);

    // The newcomer and an old custodian open it for a new request.
    let request = f.ask_now(&case_id, &handler).await.unwrap();
    f.decide(&request, &newcomer, Decision::Approve, Utc::now())
        .await
        .unwrap();
    assert!(
        f.decide(&request, &custodians[1], Decision::Approve, Utc::now())
            .await
            .unwrap()
    );
    assert_eq!(f.open_as(&case_id, &handler).await.unwrap(), REPORTER);

    // The leaver's old share does not combine with a new one.
    let newcomer_row: Vec<u8> = sqlx::query(
        "SELECT sealed FROM identity_seals WHERE holder_kind = 'custodian' AND holder_id = $1",
    )
    .bind(newcomer.id.as_str())
    .fetch_one(f.store.reader())
    .await
    .unwrap()
    .get(0);
    let newcomer_share = open_identity_share(
        case_id.as_str(),
        newcomer.id.as_str(),
        &newcomer.key,
        &newcomer_row,
    )
    .unwrap();
    let identity_ciphertext = f
        .blobs_of("SELECT ciphertext FROM case_identities")
        .await
        .pop()
        .unwrap();
    if leaver_share.id() != newcomer_share.id() {
        let mixed = combine_shares(&[leaver_share, newcomer_share]).unwrap();
        assert_eq!(
            open(
                &mixed,
                &identity_ciphertext,
                format!("khien/case/{case_id}/identity").as_bytes()
            )
            .err(),
            Some(VaultError::DecryptionFailed)
        );
    }
    let audit = f.audit_text().await;
    assert!(audit.contains("identity.reshare_contributed") && audit.contains("identity.reshared"));
}

khien_testkit::on_both_backends!(
    one_custodian_with_the_database_and_the_secrets_cannot_open_the_identity,
    k_approvals_open_the_identity_for_the_requester_only,
    a_refusal_closes_the_request_and_expiry_blocks_approval_and_use,
    requests_are_checked,
    the_reporter_is_told_role_unit_reason_and_day_never_a_name,
    the_unit_threshold_is_checked_recorded_and_used_at_intake,
    a_reshare_moves_the_shares_to_the_new_custodians_without_the_key,
);
