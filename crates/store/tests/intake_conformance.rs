//! The intake conformance suite: submitting, finding by receipt, inboxes,
//! messages, blobs and their sweep, and that nothing readable reaches disk.
//! Every test runs on SQLite and on PostgreSQL (see `conformance.rs`).

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use khien_domain::accounts::{
    HeadPosition, Password, Role, UnitCode, UnitKind, UnitName, Username,
};
use khien_domain::intake::{
    AccusedDraft, AttachmentError, AttachmentLimits, Channel, IdentityDraft, MessageBody,
    NewReport, ReportDraft,
};
use khien_store::accounts::{NewUnit, NewUser, UnitId, UnitKeyKind, UserId};
use khien_store::audit::{AuditVerdict, verify};
use khien_store::blobs::{BlobError, BlobStore, BlobWriter, StagedBlob, sweep_orphans};
use khien_store::intake::{
    Author, CaseId, IntakeError, PendingCase, Submission, SubmittedCase, decrypt_attachment_to,
    unlock_as_reporter,
};
use khien_store::{Backend, Store};
use khien_testkit::{TestDatabase, fresh_database, open_test_store};
use khien_vault::case_keys::{IssuedReceipt, issue_receipt};
use khien_vault::kdf::KdfParams;
use khien_vault::receipt::{Receipt, receipt_lookup};
use khien_vault::sealed_box::SecretKey;
use khien_vault::server_secret::ServerSecret;
use khien_vault::staff_keys::{WrappedKey, unwrap_with_recovery_key};
use secrecy::{ExposeSecret, SecretString};
use sqlx::{Column, Row};

const PHRASE: &str = "Giám đốc nhận phong bì 500 triệu ở quán Gió Lào";
const FILE_NAME: &str = "bien-ban-hop-kin-xyzzy.pdf";
const REPORTER: &str = "Phạm Thị Quỳnh Hoa Sen";
const FILE_PHRASE: &str = "sổ đen thu chi ngoài sổ sách qwertz";

struct Staff {
    id: UserId,
    key: SecretKey,
}

struct Fixture {
    store: Store,
    secret: ServerSecret,
    blobs: BlobStore,
    database: TestDatabase,
}

fn code(text: &str) -> UnitCode {
    UnitCode::parse(text).unwrap()
}

fn today() -> chrono::NaiveDate {
    Utc::now().date_naive()
}

async fn fixture(backend: Backend) -> Fixture {
    let database = fresh_database(backend).await;
    let store = open_test_store(&database, 1000).await;
    let blobs = BlobStore::open(database.data_dir.path().join("blobs")).unwrap();
    Fixture {
        store,
        secret: ServerSecret::generate(),
        blobs,
        database,
    }
}

impl Fixture {
    async fn unit(&self, unit_code: &str, parent: Option<&str>) -> UnitId {
        self.store
            .add_unit(
                "cli",
                &NewUnit {
                    code: code(unit_code),
                    name: UnitName::parse(&format!("Đơn vị {unit_code}")).unwrap(),
                    kind: UnitKind::Inspectorate,
                    parent: parent.map(code),
                    head_position: Some(HeadPosition::parse("Chánh Thanh tra").unwrap()),
                },
            )
            .await
            .unwrap()
            .id
    }

    /// A user and their private key (opened with the recovery key, so no
    /// TOTP step is used up).
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

    /// A root unit TTT with an intake officer and `custodians` custodians.
    async fn inspectorate(&self, custodians: usize) -> (UnitId, Staff) {
        let unit = self.unit("TTT", None).await;
        let officer = self.user("officer", "TTT", &[Role::Intake]).await;
        for i in 0..custodians {
            self.user(&format!("custodian{i}"), "TTT", &[Role::Custodian])
                .await;
        }
        (unit, officer)
    }

    async fn staged(
        &self,
        pending: &PendingCase,
        name: &str,
        content: &[u8],
    ) -> Result<StagedBlob, BlobError> {
        let mut writer = BlobWriter::create(
            &self.blobs,
            pending.id(),
            pending.case_key(),
            name,
            &AttachmentLimits::default(),
        )
        .await?;
        for chunk in content.chunks(1000) {
            writer.write_chunk(chunk).await?;
        }
        writer.finish().await
    }

    fn receipt(&self) -> IssuedReceipt {
        issue_receipt(&self.secret, KdfParams::for_tests()).unwrap()
    }

    async fn submit(
        &self,
        draft: &ReportDraft,
        author: Author,
        files: &[(&str, Vec<u8>)],
        now: DateTime<Utc>,
    ) -> Result<(SubmittedCase, IssuedReceipt), IntakeError> {
        let report = NewReport::parse(draft, today()).unwrap_or_else(|e| panic!("{e}"));
        let pending = PendingCase::new();
        let mut attachments = Vec::new();
        for (name, content) in files {
            attachments.push(self.staged(&pending, name, content).await?);
        }
        let issued = self.receipt();
        let submitted = self
            .store
            .submit_report(
                Submission {
                    pending,
                    report: &report,
                    receipt: &issued,
                    attachments,
                    author,
                    limits: AttachmentLimits::default(),
                    now,
                    accused_indexes: Vec::new(),
                },
                &self.blobs,
            )
            .await?;
        Ok((submitted, issued))
    }

    async fn count(&self, sql: &str) -> i64 {
        sqlx::query(sql)
            .fetch_one(self.store.reader())
            .await
            .unwrap()
            .get::<i64, _>(0)
    }

    fn files_in(&self, dir: &Path) -> Vec<PathBuf> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.is_file())
            .collect()
    }

    fn blob_files(&self) -> Vec<PathBuf> {
        self.files_in(self.blobs.dir())
    }

    fn tmp_files(&self) -> Vec<PathBuf> {
        self.files_in(&self.blobs.tmp_dir())
    }

    async fn unit_key(&self, unit: &UnitId, kind: UnitKeyKind, staff: &Staff) -> SecretKey {
        self.store
            .open_unit_key(unit, kind, &staff.id, &staff.key)
            .await
            .unwrap()
    }
}

fn pdf() -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    // Several stream chunks, with the phrase in the middle of one.
    bytes.extend(std::iter::repeat_n(b'a', 100_000));
    bytes.extend_from_slice(FILE_PHRASE.as_bytes());
    bytes.extend(std::iter::repeat_n(b'b', 100_000));
    bytes
}

fn draft(unit: &str, named: bool) -> ReportDraft {
    ReportDraft {
        kind: "denunciation".into(),
        unit: unit.into(),
        subject: "Nhận hối lộ trong đấu thầu".into(),
        content: format!("Chi tiết: {PHRASE}."),
        when_where: "Tháng 1/2026".into(),
        accused: vec![AccusedDraft {
            name: "Trần Văn Bị Cáo".into(),
            position: "Giám đốc".into(),
            organisation: "Ban Quản lý dự án".into(),
        }],
        identity: named.then(|| IdentityDraft {
            full_name: REPORTER.into(),
            id_number: "001 234 567 890".into(),
            address: "12 Lê Lợi".into(),
            phone: "0912 345 678".into(),
        }),
        co_reporters: vec![],
        wants_protection: named,
        channel: Channel::Web,
        received_on: String::new(),
    }
}

fn staff_draft(unit: &str, channel: Channel) -> ReportDraft {
    let mut draft = draft(unit, true);
    draft.channel = channel;
    draft.received_on = today().format("%Y-%m-%d").to_string();
    draft
}

async fn a_report_is_found_by_its_receipt_and_opened_by_reporter_and_unit(backend: Backend) {
    let f = fixture(backend).await;
    let (unit, officer) = f.inspectorate(3).await;
    let (submitted, issued) = f
        .submit(
            &draft("", true),
            Author::Reporter,
            &[(FILE_NAME, pdf())],
            Utc::now(),
        )
        .await
        .unwrap();
    assert_eq!(submitted.unit_id, unit);
    assert!(submitted.tracking_number.as_str().starts_with("KH-"));

    // The reporter types the receipt back.
    let typed = Receipt::parse(issued.receipt.grouped().expose_secret()).unwrap();
    let found = f
        .store
        .case_by_receipt_lookup(&receipt_lookup(&f.secret, &typed))
        .await
        .unwrap();
    let access = unlock_as_reporter(&typed, found.as_ref(), KdfParams::for_tests()).unwrap();
    assert_eq!(access.case_id, submitted.case_id);
    let content = f
        .store
        .report_content(&access.case_id, &access.case_key)
        .await
        .unwrap();
    assert!(content.content.contains(PHRASE));
    assert_eq!(content.accused[0].name, "Trần Văn Bị Cáo");
    let identity = f
        .store
        .identity_as_reporter(&access.case_id, &access.reporter_key)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(identity.representative.full_name, REPORTER);

    // A wrong receipt finds nothing and fails the same way after the same work.
    let wrong = Receipt::generate();
    let none = f
        .store
        .case_by_receipt_lookup(&receipt_lookup(&f.secret, &wrong))
        .await
        .unwrap();
    assert!(none.is_none());
    assert!(matches!(
        unlock_as_reporter(&wrong, None, KdfParams::for_tests()),
        Err(IntakeError::WrongReceipt)
    ));
    // And a wrong receipt against a found case does not open it.
    assert!(matches!(
        unlock_as_reporter(&wrong, found.as_ref(), KdfParams::for_tests()),
        Err(IntakeError::WrongReceipt)
    ));

    // Staff open it with the unit key; the identity only with the intake key.
    let unit_secret = f.unit_key(&unit, UnitKeyKind::Unit, &officer).await;
    let case_key = f
        .store
        .case_key_as_unit(&submitted.case_id, &unit_secret)
        .await
        .unwrap();
    assert!(case_key == access.case_key);
    assert!(matches!(
        f.store
            .identity_as_intake("user:x", &submitted.case_id, &unit_secret)
            .await,
        Err(IntakeError::IdentityUnavailable)
    ));
    let intake_secret = f.unit_key(&unit, UnitKeyKind::Intake, &officer).await;
    let identity = f
        .store
        .identity_as_intake(
            &format!("user:{}", officer.id),
            &submitted.case_id,
            &intake_secret,
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        identity.representative.id_number.as_deref(),
        Some("001234567890")
    );

    // The file comes back whole, with its name and type.
    let files = f
        .store
        .attachments(&submitted.case_id, &case_key)
        .await
        .unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].name.as_str(), FILE_NAME);
    assert_eq!(files[0].media_type.mime(), "application/pdf");
    assert_eq!(files[0].size, pdf().len() as u64);
    let blob = f
        .store
        .attachment_blob(&submitted.case_id, &files[0].id)
        .await
        .unwrap();
    let mut out = Vec::new();
    decrypt_attachment_to(&f.blobs, &blob, &case_key, &mut out).unwrap();
    assert_eq!(out, pdf());

    // Seals: unit + reporter for the case key; reporter + intake + 3 custodians, k = 2.
    assert_eq!(f.count("SELECT COUNT(*) FROM case_key_seals").await, 2);
    assert_eq!(f.count("SELECT COUNT(*) FROM identity_seals").await, 5);
    assert_eq!(
        f.count("SELECT share_threshold FROM case_identities").await,
        2
    );
    let summary = f
        .store
        .case_summary(&submitted.case_id)
        .await
        .unwrap()
        .unwrap();
    assert!(!summary.anonymous && summary.wants_protection);
    assert_eq!(summary.channel, Channel::Web);
    assert_eq!(summary.received_on, today());
    // A reporter's submission time is kept only to the hour.
    assert_eq!(summary.received_at.timestamp() % 3600, 0);

    // Once acceptance is decided the intake seal goes; the reporter still opens it.
    assert!(
        f.store
            .destroy_intake_identity_seal("user:x", &submitted.case_id, Utc::now())
            .await
            .unwrap()
    );
    assert!(matches!(
        f.store
            .identity_as_intake("user:x", &submitted.case_id, &intake_secret)
            .await,
        Err(IntakeError::IdentityUnavailable)
    ));
    assert!(
        f.store
            .identity_as_reporter(&access.case_id, &access.reporter_key)
            .await
            .unwrap()
            .is_some()
    );
    assert!(matches!(
        verify(&f.store, &f.store.audit_verifying_key())
            .await
            .unwrap(),
        AuditVerdict::Intact { .. }
    ));
}

async fn an_anonymous_report_has_no_identity_and_few_custodians_lower_the_threshold(
    backend: Backend,
) {
    let f = fixture(backend).await;
    let (unit, officer) = f.inspectorate(1).await;
    let (anonymous, _) = f
        .submit(&draft("TTT", false), Author::Reporter, &[], Utc::now())
        .await
        .unwrap();
    let intake_secret = f.unit_key(&unit, UnitKeyKind::Intake, &officer).await;
    assert!(
        f.store
            .identity_as_intake("user:x", &anonymous.case_id, &intake_secret)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        f.store
            .case_summary(&anonymous.case_id)
            .await
            .unwrap()
            .unwrap()
            .anonymous
    );
    assert_eq!(f.count("SELECT COUNT(*) FROM case_identities").await, 0);

    let (_, _) = f
        .submit(&draft("TTT", true), Author::Reporter, &[], Utc::now())
        .await
        .unwrap();
    assert_eq!(
        f.count("SELECT share_threshold FROM case_identities").await,
        1
    );
    assert_eq!(f.count("SELECT share_count FROM case_identities").await, 1);
}

async fn no_custodians_is_recorded_as_no_shares(backend: Backend) {
    let f = fixture(backend).await;
    f.inspectorate(0).await;
    f.submit(&draft("", true), Author::Reporter, &[], Utc::now())
        .await
        .unwrap();
    assert_eq!(f.count("SELECT share_count FROM case_identities").await, 0);
    assert_eq!(
        f.count("SELECT share_threshold FROM case_identities").await,
        0
    );
    assert_eq!(
        f.count("SELECT COUNT(*) FROM identity_seals WHERE holder_kind = 'custodian'")
            .await,
        0
    );
}

async fn reports_without_a_unit_go_to_the_default_then_the_root(backend: Backend) {
    let f = fixture(backend).await;
    let (root, _) = f.inspectorate(0).await;
    let district = f.unit("HUYEN", Some("TTT")).await;
    f.user("district-officer", "HUYEN", &[Role::Intake]).await;
    assert_eq!(f.store.default_intake_unit().await.unwrap(), None);
    assert_eq!(f.store.resolve_intake_unit(None).await.unwrap(), root);

    f.store
        .set_default_intake_unit("cli", Some(&district))
        .await
        .unwrap();
    assert_eq!(
        f.store.default_intake_unit().await.unwrap(),
        Some(district.clone())
    );
    let (submitted, _) = f
        .submit(&draft("", false), Author::Reporter, &[], Utc::now())
        .await
        .unwrap();
    assert_eq!(submitted.unit_id, district);
    // Choosing a unit still wins.
    let (chosen, _) = f
        .submit(&draft("ttt", false), Author::Reporter, &[], Utc::now())
        .await
        .unwrap();
    assert_eq!(chosen.unit_id, root);

    f.store.set_default_intake_unit("cli", None).await.unwrap();
    assert_eq!(f.store.resolve_intake_unit(None).await.unwrap(), root);
    let unknown = UnitId::parse(&"ab".repeat(16)).unwrap();
    match f.store.set_default_intake_unit("cli", Some(&unknown)).await {
        Err(IntakeError::Invalid(errors)) => assert_eq!(errors.fields(), ["unit"]),
        other => panic!("{:?}", other.err()),
    }
}

async fn a_rejected_submission_leaves_no_rows_and_no_blob(backend: Backend) {
    let f = fixture(backend).await;
    let (_unit, officer) = f.inspectorate(2).await;
    let cases_before = f.count("SELECT COUNT(*) FROM cases").await;
    let audit_before = f.count("SELECT COUNT(*) FROM audit_entries").await;

    // An unknown unit: refused on the field `unit`, after the file was staged.
    match f
        .submit(
            &draft("KHONGCO", true),
            Author::Reporter,
            &[(FILE_NAME, pdf())],
            Utc::now(),
        )
        .await
    {
        Err(IntakeError::Invalid(errors)) => assert_eq!(errors.fields(), ["unit"]),
        other => panic!("{:?}", other.err()),
    }
    // The web channel is the reporter's own; a staff channel needs a staff author.
    match f
        .submit(
            &staff_draft("", Channel::Hotline),
            Author::Reporter,
            &[(FILE_NAME, pdf())],
            Utc::now(),
        )
        .await
    {
        Err(IntakeError::Invalid(errors)) => assert_eq!(errors.fields(), ["channel"]),
        other => panic!("{:?}", other.err()),
    }
    match f
        .submit(
            &draft("", true),
            Author::Staff(officer.id.clone()),
            &[],
            Utc::now(),
        )
        .await
    {
        Err(IntakeError::Invalid(errors)) => assert_eq!(errors.fields(), ["channel"]),
        other => panic!("{:?}", other.err()),
    }
    // A .pdf that is not a PDF is refused while it arrives.
    match f
        .submit(
            &draft("", true),
            Author::Reporter,
            &[("x.pdf", b"MZ\x90\0 program".to_vec())],
            Utc::now(),
        )
        .await
    {
        Err(IntakeError::Blob(BlobError::Rejected(AttachmentError::ContentMismatch {
            extension,
        }))) => {
            assert_eq!(extension, "pdf")
        }
        other => panic!("{:?}", other.err()),
    }
    // Too large, with a small limit.
    let pending = PendingCase::new();
    let limits = AttachmentLimits {
        max_file_bytes: 1000,
        max_files: 1,
    };
    let mut writer =
        BlobWriter::create(&f.blobs, pending.id(), pending.case_key(), "a.txt", &limits)
            .await
            .unwrap();
    writer.write_chunk(&[b'x'; 600]).await.unwrap();
    assert!(matches!(
        writer.write_chunk(&[b'x'; 600]).await,
        Err(BlobError::Rejected(AttachmentError::TooLarge {
            limit_bytes: 1000
        }))
    ));
    assert!(matches!(
        writer.write_chunk(b"x").await,
        Err(BlobError::Poisoned)
    ));
    drop(writer);
    // Too many files.
    let report = NewReport::parse(&draft("", true), today()).unwrap();
    let pending = PendingCase::new();
    let mut files = Vec::new();
    for i in 0..2 {
        files.push(
            f.staged(&pending, &format!("{i}.txt"), b"hello")
                .await
                .unwrap(),
        );
    }
    let issued = f.receipt();
    let result = f
        .store
        .submit_report(
            Submission {
                pending,
                report: &report,
                receipt: &issued,
                attachments: files,
                author: Author::Reporter,
                limits,
                now: Utc::now(),
                accused_indexes: Vec::new(),
            },
            &f.blobs,
        )
        .await;
    match result {
        Err(IntakeError::Invalid(errors)) => assert_eq!(errors.fields(), ["files"]),
        other => panic!("{:?}", other.err()),
    }
    // A failure inside the transaction (the same receipt twice breaks the
    // unique lookup) rolls back the rows and removes the staged file.
    let (_, issued) = f
        .submit(&draft("", true), Author::Reporter, &[], Utc::now())
        .await
        .unwrap();
    let pending = PendingCase::new();
    let staged = f.staged(&pending, FILE_NAME, &pdf()).await.unwrap();
    let result = f
        .store
        .submit_report(
            Submission {
                pending,
                report: &report,
                receipt: &issued,
                attachments: vec![staged],
                author: Author::Reporter,
                limits: AttachmentLimits::default(),
                now: Utc::now(),
                accused_indexes: Vec::new(),
            },
            &f.blobs,
        )
        .await;
    assert!(
        matches!(
            result,
            Err(IntakeError::Store(khien_store::StoreError::Conflict { .. }))
        ),
        "{:?}",
        result.err()
    );

    assert_eq!(
        f.count("SELECT COUNT(*) FROM cases").await,
        cases_before + 1
    );
    assert_eq!(f.count("SELECT COUNT(*) FROM attachments").await, 0);
    assert_eq!(
        f.count("SELECT COUNT(*) FROM audit_entries").await,
        audit_before + 1
    );
    assert!(f.blob_files().is_empty(), "{:?}", f.blob_files());
    assert!(f.tmp_files().is_empty(), "{:?}", f.tmp_files());
}

async fn a_unit_without_keys_cannot_receive_reports(backend: Backend) {
    let f = fixture(backend).await;
    let unit = f.unit("TRONG", None).await;
    match f
        .submit(
            &draft("TRONG", false),
            Author::Reporter,
            &[(FILE_NAME, pdf())],
            Utc::now(),
        )
        .await
    {
        Err(IntakeError::UnitHasNoKey { unit: named, kind }) => {
            assert_eq!(named, unit);
            assert_eq!(kind, "unit");
        }
        other => panic!("{:?}", other.err()),
    }
    assert_eq!(f.count("SELECT COUNT(*) FROM cases").await, 0);
    assert!(f.tmp_files().is_empty() && f.blob_files().is_empty());
}

async fn the_sweep_removes_orphans_and_tmp_files_but_keeps_referenced_blobs(backend: Backend) {
    let f = fixture(backend).await;
    let (unit, officer) = f.inspectorate(0).await;
    let (submitted, _) = f
        .submit(
            &draft("", false),
            Author::Reporter,
            &[(FILE_NAME, pdf())],
            Utc::now(),
        )
        .await
        .unwrap();
    let kept = f.blob_files();
    assert_eq!(kept.len(), 1);
    // What a crash leaves: an upload in tmp/, a blob renamed but never committed.
    std::fs::write(f.blobs.tmp_dir().join("0123"), b"half an upload").unwrap();
    std::fs::write(f.blobs.dir().join("ab".repeat(16)), b"orphan").unwrap();
    // Not ours: left alone.
    std::fs::write(f.blobs.dir().join("README"), b"operator's note").unwrap();

    let young = sweep_orphans(&f.store, &f.blobs, Duration::from_secs(3600))
        .await
        .unwrap();
    assert_eq!((young.tmp_removed, young.orphans_removed), (0, 0));
    let report = sweep_orphans(&f.store, &f.blobs, Duration::ZERO)
        .await
        .unwrap();
    assert_eq!((report.tmp_removed, report.orphans_removed), (1, 1));
    assert!(f.tmp_files().is_empty());
    let mut left = f.blob_files();
    left.sort();
    let mut expected = vec![kept[0].clone(), f.blobs.dir().join("README")];
    expected.sort();
    assert_eq!(left, expected);

    let unit_secret = f.unit_key(&unit, UnitKeyKind::Unit, &officer).await;
    let case_key = f
        .store
        .case_key_as_unit(&submitted.case_id, &unit_secret)
        .await
        .unwrap();
    let files = f
        .store
        .attachments(&submitted.case_id, &case_key)
        .await
        .unwrap();
    let blob = f
        .store
        .attachment_blob(&submitted.case_id, &files[0].id)
        .await
        .unwrap();
    let mut out = Vec::new();
    decrypt_attachment_to(&f.blobs, &blob, &case_key, &mut out).unwrap();
    assert_eq!(out, pdf());
}

async fn messages_go_both_ways_in_order(backend: Backend) {
    let f = fixture(backend).await;
    let (unit, officer) = f.inspectorate(0).await;
    let (submitted, issued) = f
        .submit(&draft("", false), Author::Reporter, &[], Utc::now())
        .await
        .unwrap();
    let access = unlock_as_reporter(
        &issued.receipt,
        f.store
            .case_by_receipt_lookup(&issued.lookup)
            .await
            .unwrap()
            .as_ref(),
        KdfParams::for_tests(),
    )
    .unwrap();
    let case_id: &CaseId = &submitted.case_id;

    let pending_for_file = f
        .staged_for_case(
            case_id,
            &access.case_key,
            "ảnh.png",
            b"\x89PNG\r\n\x1a\nrest",
        )
        .await;
    let question = MessageBody::parse("Tôi gửi thêm ảnh chụp.").unwrap();
    f.store
        .add_message(
            case_id,
            &Author::Reporter,
            &question,
            &access.case_key,
            vec![pending_for_file],
            &f.blobs,
            Utc::now(),
        )
        .await
        .unwrap();
    let unit_secret = f.unit_key(&unit, UnitKeyKind::Unit, &officer).await;
    let case_key = f
        .store
        .case_key_as_unit(case_id, &unit_secret)
        .await
        .unwrap();
    let answer = MessageBody::parse("Cảm ơn, chúng tôi đã nhận.").unwrap();
    f.store
        .add_message(
            case_id,
            &Author::Staff(officer.id.clone()),
            &answer,
            &case_key,
            vec![],
            &f.blobs,
            Utc::now(),
        )
        .await
        .unwrap();
    // A key that is not the case's writes nothing.
    let stranger = khien_vault::symmetric::DataKey::generate();
    let result = f
        .store
        .add_message(
            case_id,
            &Author::Reporter,
            &question,
            &stranger,
            vec![],
            &f.blobs,
            Utc::now(),
        )
        .await;
    assert!(matches!(result, Err(IntakeError::WrongCaseKey)));

    // The reporter sees both, oldest first, and staff see the same.
    for key in [&access.case_key, &case_key] {
        let messages = f.store.messages(case_id, key).await.unwrap();
        assert_eq!(messages.len(), 2);
        assert_eq!(messages[0].author, Author::Reporter);
        assert_eq!(messages[0].body, "Tôi gửi thêm ảnh chụp.");
        assert_eq!(messages[0].attachments.len(), 1);
        assert_eq!(messages[0].attachments[0].name.as_str(), "ảnh.png");
        assert_eq!(messages[1].author, Author::Staff(officer.id.clone()));
        assert_eq!(messages[1].body, "Cảm ơn, chúng tôi đã nhận.");
        assert!(messages[1].attachments.is_empty());
    }
    // The reporter adds evidence later, without a message.
    let later = f
        .staged_for_case(
            case_id,
            &access.case_key,
            "ghi-chu.txt",
            "Ghi chú".as_bytes(),
        )
        .await;
    let ids = f
        .store
        .add_attachments(
            case_id,
            &Author::Reporter,
            &access.case_key,
            vec![later],
            &AttachmentLimits::default(),
            &f.blobs,
            Utc::now(),
        )
        .await
        .unwrap();
    let files = f.store.attachments(case_id, &case_key).await.unwrap();
    assert_eq!(files.len(), 2);
    assert!(
        files
            .iter()
            .any(|file| file.id == ids[0] && file.message_id.is_none())
    );
    assert_eq!(
        f.count("SELECT COUNT(*) FROM audit_entries WHERE action = 'case.message_added'")
            .await,
        2
    );
}

impl Fixture {
    async fn staged_for_case(
        &self,
        case_id: &CaseId,
        case_key: &khien_vault::symmetric::DataKey,
        name: &str,
        content: &[u8],
    ) -> StagedBlob {
        let mut writer = BlobWriter::create(
            &self.blobs,
            case_id,
            case_key,
            name,
            &AttachmentLimits::default(),
        )
        .await
        .unwrap();
        writer.write_chunk(content).await.unwrap();
        writer.finish().await.unwrap()
    }
}

async fn the_inbox_pages_newest_first_without_gaps(backend: Backend) {
    let f = fixture(backend).await;
    let (unit, officer) = f.inspectorate(0).await;
    let other = f.unit("KHAC", None).await;
    f.user("other-officer", "KHAC", &[Role::Intake]).await;
    let start = Utc::now();
    let mut expected = Vec::new();
    for i in 0..5 {
        let (submitted, _) = f
            .submit(
                &staff_draft("TTT", Channel::Letter),
                Author::Staff(officer.id.clone()),
                &[],
                start + chrono::Duration::seconds(i),
            )
            .await
            .unwrap();
        expected.push(submitted.case_id);
    }
    f.submit(&draft("KHAC", false), Author::Reporter, &[], start)
        .await
        .unwrap();
    expected.reverse();

    let mut seen = Vec::new();
    let mut cursor = None;
    let mut pages = 0;
    loop {
        let page = f
            .store
            .unit_inbox(&unit, &Default::default(), cursor.as_ref(), 2)
            .await
            .unwrap();
        pages += 1;
        assert!(page.cases.len() <= 2);
        seen.extend(page.cases.iter().map(|case| case.id.clone()));
        match page.next {
            // The cursor survives a round trip through a URL.
            Some(next) => {
                cursor =
                    Some(khien_store::intake::InboxCursor::from_token(&next.to_token()).unwrap())
            }
            None => break,
        }
    }
    assert_eq!(seen, expected);
    assert_eq!(pages, 3);
    let page = f
        .store
        .unit_inbox(&other, &Default::default(), None, 10)
        .await
        .unwrap();
    assert_eq!(page.cases.len(), 1);
    assert!(page.next.is_none());
    let summary = &f
        .store
        .unit_inbox(&unit, &Default::default(), None, 1)
        .await
        .unwrap()
        .cases[0];
    assert_eq!(summary.channel, Channel::Letter);
    assert_eq!(summary.created_by.as_ref(), Some(&officer.id));
}

/// Every byte the installation wrote: the database through SQL (both
/// backends), and on disk every file of the data directory (SQLite's file and
/// WAL, the blobs).
async fn nothing_readable_reaches_the_database_or_the_disk(backend: Backend) {
    let f = fixture(backend).await;
    let (unit, officer) = f.inspectorate(2).await;
    let (submitted, _) = f
        .submit(
            &draft("", true),
            Author::Reporter,
            &[(FILE_NAME, pdf())],
            Utc::now(),
        )
        .await
        .unwrap();
    let unit_secret = f.unit_key(&unit, UnitKeyKind::Unit, &officer).await;
    let case_key = f
        .store
        .case_key_as_unit(&submitted.case_id, &unit_secret)
        .await
        .unwrap();
    let body = MessageBody::parse(&format!("Nhắc lại: {PHRASE}")).unwrap();
    f.store
        .add_message(
            &submitted.case_id,
            &Author::Staff(officer.id.clone()),
            &body,
            &case_key,
            vec![],
            &f.blobs,
            Utc::now(),
        )
        .await
        .unwrap();
    let secrets = [
        PHRASE,
        FILE_NAME,
        REPORTER,
        FILE_PHRASE,
        "001234567890",
        "Trần Văn Bị Cáo",
    ];

    // Through SQL: every column of every table.
    let tables: Vec<String> = match backend {
        Backend::Sqlite => sqlx::query("SELECT name FROM sqlite_master WHERE type = 'table'")
            .fetch_all(f.store.reader())
            .await
            .unwrap()
            .into_iter()
            .map(|row| row.get::<String, _>("name"))
            .collect(),
        Backend::Postgres => sqlx::query(
            "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public'",
        )
        .fetch_all(f.store.reader())
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.get::<String, _>("name"))
        .collect(),
    };
    assert!(tables.iter().any(|table| table == "cases"));
    // sqlx's own bookkeeping holds migration metadata only (and a timestamp type Any cannot read).
    let mut scanned_columns = std::collections::BTreeSet::new();
    for table in tables
        .iter()
        .filter(|table| !table.starts_with("_sqlx") && !table.starts_with("sqlite_"))
    {
        let rows = sqlx::query(&format!("SELECT * FROM {table}"))
            .fetch_all(f.store.reader())
            .await
            .unwrap();
        for row in rows {
            for index in 0..row.len() {
                let bytes: Vec<u8> = match row.try_get::<Option<Vec<u8>>, _>(index) {
                    Ok(Some(bytes)) => bytes,
                    _ => match row.try_get::<Option<String>, _>(index) {
                        Ok(Some(text)) => text.into_bytes(),
                        _ => continue,
                    },
                };
                scanned_columns.insert(format!("{table}.{}", row.columns()[index].name()));
                for secret in secrets {
                    assert!(
                        !contains(&bytes, secret.as_bytes()),
                        "{secret:?} in {table} column {index}"
                    );
                }
            }
        }
    }

    // The scan really read the ciphertext columns (a decoding miss would skip them silently).
    for column in [
        "cases.report_ciphertext",
        "case_identities.ciphertext",
        "case_messages.ciphertext",
        "attachments.meta_ciphertext",
        "audit_entries.details",
    ] {
        assert!(
            scanned_columns.contains(column),
            "{column} not scanned: {scanned_columns:?}"
        );
    }

    // On disk, while the store is open (SQLite's WAL holds the latest pages),
    // and again after closing (the WAL checkpointed into the main file).
    let wal_seen = scan_data_dir(&f, backend, &secrets);
    if backend == Backend::Sqlite {
        assert!(wal_seen, "the WAL should exist while the store is open");
    }
    f.store.close().await;
    scan_data_dir(&f, backend, &secrets);
}

/// Reads every file under the data directory and fails if a secret is in one;
/// returns whether a SQLite WAL file was among them.
fn scan_data_dir(f: &Fixture, backend: Backend, secrets: &[&str]) -> bool {
    let mut files = Vec::new();
    walk(f.database.data_dir.path(), &mut files);
    let blobs = files
        .iter()
        .filter(|path| path.starts_with(f.blobs.dir()))
        .count();
    assert_eq!(blobs, 1, "{files:?}");
    if backend == Backend::Sqlite {
        assert!(
            files
                .iter()
                .any(|path| path.to_string_lossy().ends_with(".sqlite3")),
            "{files:?}"
        );
    }
    let mut wal = false;
    for path in files {
        let name = path.to_string_lossy().into_owned();
        wal |= name.ends_with("-wal");
        let bytes = std::fs::read(&path).unwrap();
        for secret in secrets {
            assert!(!contains(&bytes, secret.as_bytes()), "{secret:?} in {name}");
        }
        assert!(!name.contains("bien-ban"), "{name}");
    }
    wal
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, out);
        } else {
            out.push(path);
        }
    }
}

macro_rules! conformance {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() { super::$name(super::Backend::Sqlite).await })*
        }
        mod postgres {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() { super::$name(super::Backend::Postgres).await })*
        }
    };
}

conformance!(
    a_report_is_found_by_its_receipt_and_opened_by_reporter_and_unit,
    an_anonymous_report_has_no_identity_and_few_custodians_lower_the_threshold,
    no_custodians_is_recorded_as_no_shares,
    reports_without_a_unit_go_to_the_default_then_the_root,
    a_rejected_submission_leaves_no_rows_and_no_blob,
    a_unit_without_keys_cannot_receive_reports,
    the_sweep_removes_orphans_and_tmp_files_but_keeps_referenced_blobs,
    messages_go_both_ways_in_order,
    the_inbox_pages_newest_first_without_gaps,
    nothing_readable_reaches_the_database_or_the_disk,
);
