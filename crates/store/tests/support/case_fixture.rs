//! A store with units, staff (with their private keys) and cases submitted by an
//! intake officer: what the workflow and later suites start from.

use chrono::{NaiveDate, Utc};
use khien_domain::accounts::{
    HeadPosition, Password, Role, UnitCode, UnitKind, UnitName, Username,
};
use khien_domain::intake::{
    AccusedDraft, AttachmentLimits, Channel, IdentityDraft, NewReport, ReportDraft,
};
use khien_store::accounts::{NewUnit, NewUser, UnitId, UnitKeyKind, UserId};
use khien_store::blobs::BlobStore;
use khien_store::intake::{Author, CaseId, PendingCase, Submission};
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

pub struct Staff {
    pub id: UserId,
    pub unit: UnitId,
    pub key: SecretKey,
}

pub struct CaseFixture {
    pub store: Store,
    pub secret: ServerSecret,
    pub blobs: BlobStore,
    pub _database: TestDatabase,
}

pub fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

impl CaseFixture {
    pub async fn new(backend: Backend) -> CaseFixture {
        let database = fresh_database(backend).await;
        let store = open_test_store(&database, 1000).await;
        let blobs = BlobStore::open(database.data_dir.path().join("blobs")).unwrap();
        CaseFixture {
            store,
            secret: ServerSecret::generate(),
            blobs,
            _database: database,
        }
    }

    pub async fn unit(&self, code: &str, parent: Option<&str>) -> UnitId {
        self.store
            .add_unit(
                "cli",
                &NewUnit {
                    code: UnitCode::parse(code).unwrap(),
                    name: UnitName::parse(&format!("Đơn vị {code}")).unwrap(),
                    kind: UnitKind::Inspectorate,
                    parent: parent.map(|p| UnitCode::parse(p).unwrap()),
                    head_position: Some(HeadPosition::parse("Chánh Thanh tra").unwrap()),
                },
            )
            .await
            .unwrap()
            .id
    }

    /// A user and their private key (opened with the recovery key).
    pub async fn user(&self, name: &str, unit: &str, roles: &[Role]) -> Staff {
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
        let key = unwrap_with_recovery_key(
            &WrappedKey::from_bytes(&wrapped).unwrap(),
            &enrolment.recovery_key,
        )
        .unwrap();
        Staff {
            id: enrolment.user.id,
            unit: enrolment.user.unit_id,
            key,
        }
    }

    /// A named denunciation received by `officer` by letter on `received_on`.
    pub async fn letter(&self, officer: &Staff, unit: &str, received_on: &str) -> CaseId {
        let draft = ReportDraft {
            kind: "denunciation".into(),
            unit: unit.into(),
            subject: "Sai phạm trong đấu thầu".into(),
            content: "Nội dung tố cáo chi tiết.".into(),
            when_where: "Năm 2024".into(),
            accused: vec![AccusedDraft {
                name: "Trần Văn Bị Cáo".into(),
                position: "Trưởng phòng".into(),
                organisation: "Sở Xây dựng".into(),
            }],
            identity: Some(IdentityDraft {
                full_name: "Nguyễn Văn Tố".into(),
                id_number: "001 234 567 890".into(),
                address: "12 Lê Lợi".into(),
                phone: "0912 345 678".into(),
            }),
            co_reporters: vec![],
            wants_protection: false,
            channel: Channel::Letter,
            received_on: received_on.into(),
        };
        let report = NewReport::parse(&draft, day(received_on)).unwrap_or_else(|e| panic!("{e}"));
        let issued = issue_receipt(&self.secret, KdfParams::for_tests()).unwrap();
        self.store
            .submit_report(
                Submission {
                    pending: PendingCase::new(),
                    report: &report,
                    receipt: &issued,
                    attachments: vec![],
                    author: Author::Staff(officer.id.clone()),
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

    /// The case key as a member of the case's unit opens it.
    pub async fn case_key(&self, case: &CaseId, member: &Staff) -> DataKey {
        let unit_secret = self
            .store
            .open_unit_key(&member.unit, UnitKeyKind::Unit, &member.id, &member.key)
            .await
            .unwrap();
        self.store
            .case_key_as_unit(case, &unit_secret)
            .await
            .unwrap()
    }

    pub async fn count(&self, sql: &str) -> i64 {
        sqlx::query(sql)
            .fetch_one(self.store.reader())
            .await
            .unwrap()
            .get::<i64, _>(0)
    }
}
