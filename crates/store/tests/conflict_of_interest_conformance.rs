//! Conflict of interest and linked reports through blind indexes, on SQLite and
//! PostgreSQL: who is excluded from a case, which cases share an accused
//! person, and that no value reaches the database or the audit chain.

use chrono::Utc;
use khien_domain::accounts::{
    HeadPosition, Password, Role, UnitCode, UnitKind, UnitName, Username,
};
use khien_domain::intake::{AttachmentLimits, Channel, NewReport, ReportDraft};
use khien_store::accounts::{NewUnit, NewUser, UserId};
use khien_store::conflict_of_interest::{BlindIndex, StaffIdentityIndexes};
use khien_store::intake::{Author, CaseId, PendingCase, Submission};
use khien_store::{Backend, Store};
use khien_testkit::{TestDatabase, fresh_database, on_both_backends, open_test_store};
use khien_vault::blind_index::{BlindIndexDomain, blind_index, person_in_organisation};
use khien_vault::case_keys::issue_receipt;
use khien_vault::kdf::KdfParams;
use khien_vault::server_secret::ServerSecret;
use secrecy::SecretString;
use sqlx::Row;

const ACCUSED: &str = "Hoàng Văn Xung Đột";
const ID_NUMBER: &str = "079123456789";

struct Fixture {
    store: Store,
    secret: ServerSecret,
    blobs: khien_store::blobs::BlobStore,
    _database: TestDatabase,
}

async fn fixture(backend: Backend) -> Fixture {
    let database = fresh_database(backend).await;
    let store = open_test_store(&database, 1000).await;
    let blobs =
        khien_store::blobs::BlobStore::open(database.data_dir.path().join("blobs")).unwrap();
    let fixture = Fixture {
        store,
        secret: ServerSecret::generate(),
        blobs,
        _database: database,
    };
    for code in ["SO-A", "SO-B"] {
        fixture
            .store
            .add_unit(
                "cli",
                &NewUnit {
                    code: UnitCode::parse(code).unwrap(),
                    name: UnitName::parse(&format!("Sở {code}")).unwrap(),
                    kind: UnitKind::Department,
                    parent: None,
                    head_position: Some(HeadPosition::parse("Giám đốc").unwrap()),
                },
            )
            .await
            .unwrap();
        // The first member with a case role makes the unit's keys.
        fixture
            .user(
                &format!("intake.{}", code.to_lowercase()),
                code,
                Role::Intake,
            )
            .await;
    }
    fixture
}

impl Fixture {
    async fn user(&self, username: &str, unit: &str, role: Role) -> UserId {
        self.store
            .create_user(
                "cli",
                NewUser {
                    username: Username::parse(username).unwrap(),
                    unit: UnitCode::parse(unit).unwrap(),
                    roles: vec![role],
                    password: Password::parse(SecretString::from("một mật khẩu đủ dài 2026"))
                        .unwrap(),
                },
                &self.secret,
                &KdfParams::for_tests(),
            )
            .await
            .unwrap()
            .user
            .id
    }

    fn person(&self, name: &str, organisation: &str) -> BlindIndex {
        blind_index(
            &self.secret,
            BlindIndexDomain::PersonNameOrganisation,
            &person_in_organisation(name, organisation),
        )
    }

    fn national_id(&self, number: &str) -> BlindIndex {
        blind_index(&self.secret, BlindIndexDomain::NationalId, number)
    }

    async fn register(&self, user: &UserId, number: &str, name: &str, unit_name: &str) {
        self.store
            .register_staff_identity(
                &format!("user:{user}"),
                user,
                &StaffIdentityIndexes {
                    national_id: self.national_id(number),
                    name_in_unit: self.person(name, unit_name),
                },
            )
            .await
            .unwrap();
    }

    async fn head_is_accused(&self, case: &CaseId) -> bool {
        self.store
            .accused_is_head_of_handling_unit(case)
            .await
            .unwrap()
    }

    /// A web report to `unit` with these accused indexes.
    async fn case(&self, unit: &str, accused_indexes: Vec<BlindIndex>) -> CaseId {
        self.case_received(unit, accused_indexes, 0).await
    }

    /// The same, received `hours_ago` (a reporter's time is kept to the hour,
    /// so reports within one hour have no order).
    async fn case_received(
        &self,
        unit: &str,
        accused_indexes: Vec<BlindIndex>,
        hours_ago: i64,
    ) -> CaseId {
        let draft = ReportDraft {
            kind: "denunciation".into(),
            unit: unit.into(),
            subject: "Một vụ việc".into(),
            content: "Nội dung.".into(),
            channel: Channel::Web,
            ..ReportDraft::default()
        };
        let report = NewReport::parse(&draft, Utc::now().date_naive()).unwrap();
        let receipt = issue_receipt(&self.secret, KdfParams::for_tests()).unwrap();
        self.store
            .submit_report(
                Submission {
                    pending: PendingCase::new(),
                    report: &report,
                    receipt: &receipt,
                    attachments: Vec::new(),
                    author: Author::Reporter,
                    limits: AttachmentLimits::default(),
                    now: Utc::now() - chrono::Duration::hours(hours_ago),
                    accused_indexes,
                },
                &self.blobs,
            )
            .await
            .unwrap()
            .case_id
    }
}

async fn a_registered_staff_member_matching_an_accused_is_excluded(backend: Backend) {
    let f = fixture(backend).await;
    let case = f
        .case(
            "SO-A",
            vec![f.person(ACCUSED, "Sở SO-A"), f.national_id(ID_NUMBER)],
        )
        .await;
    let by_name = f.user("trung.ten", "SO-A", Role::Handler).await;
    let by_id = f.user("trung.so", "SO-A", Role::Handler).await;
    let unrelated = f.user("khac.nguoi", "SO-A", Role::Handler).await;
    let unregistered = f.user("chua.dang.ky", "SO-A", Role::Handler).await;
    // The same name typed without marks, in another case.
    f.register(&by_name, "001098012345", "HOANG VAN XUNG DOT", "so so-a")
        .await;
    f.register(&by_id, "079 123 456 789", "Lê Thị Khác", "Sở SO-A")
        .await;
    f.register(&unrelated, "001098099999", "Lê Thị Khác", "Sở SO-A")
        .await;
    assert!(f.store.conflicts_with_case(&by_name, &case).await.unwrap());
    assert!(f.store.conflicts_with_case(&by_id, &case).await.unwrap());
    assert!(
        !f.store
            .conflicts_with_case(&unrelated, &case)
            .await
            .unwrap()
    );
    assert!(
        !f.store
            .conflicts_with_case(&unregistered, &case)
            .await
            .unwrap()
    );
    let conflicted = f.store.staff_in_conflict_with_case(&case).await.unwrap();
    assert_eq!(
        conflicted,
        [by_name.clone(), by_id.clone()].into_iter().collect()
    );
    // Another case about someone else: no conflict.
    let other = f
        .case("SO-A", vec![f.person("Người Khác", "Sở SO-A")])
        .await;
    assert!(!f.store.conflicts_with_case(&by_name, &other).await.unwrap());

    // Registering again replaces the indexes: the match is gone.
    f.register(&by_name, "001098012345", "Tên Mới", "Sở SO-A")
        .await;
    assert!(!f.store.conflicts_with_case(&by_name, &case).await.unwrap());
    assert!(
        f.store
            .staff_identity_registration(&by_name)
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        f.store
            .staff_identity_registration(&unregistered)
            .await
            .unwrap()
            .is_none()
    );
}

async fn a_head_of_the_handling_unit_who_is_accused_is_found(backend: Backend) {
    let f = fixture(backend).await;
    let case = f.case("SO-A", vec![f.person(ACCUSED, "Sở SO-A")]).await;
    assert!(!f.head_is_accused(&case).await);
    // The same person as a handler, or as the head of another unit: not the head here.
    let handler = f.user("xung.dot.handler", "SO-A", Role::Handler).await;
    f.register(&handler, "001098000001", ACCUSED, "Sở SO-A")
        .await;
    let elsewhere = f.user("xung.dot.khac", "SO-B", Role::Head).await;
    f.register(&elsewhere, "001098000002", ACCUSED, "Sở SO-A")
        .await;
    assert!(!f.head_is_accused(&case).await);
    let head = f.user("xung.dot.head", "SO-A", Role::Head).await;
    f.register(&head, "001098000003", ACCUSED, "Sở SO-A").await;
    assert!(f.head_is_accused(&case).await);
    // A disabled account no longer counts.
    f.store
        .set_user_disabled("cli", &Username::parse("xung.dot.head").unwrap(), true)
        .await
        .unwrap();
    assert!(!f.head_is_accused(&case).await);
}

async fn reports_sharing_an_accused_are_linked_across_units(backend: Backend) {
    let f = fixture(backend).await;
    let person = f.person(ACCUSED, "Sở SO-A");
    let first = f
        .case_received("SO-A", vec![person, f.person("Ai Đó", "Sở SO-A")], 3)
        .await;
    // Two indexes in common with the first: still one link.
    let second = f
        .case_received(
            "SO-B",
            vec![f.person("Ai Đó", "Sở SO-A"), person, person],
            2,
        )
        .await;
    let third = f.case_received("SO-A", vec![person], 1).await;
    let unrelated = f
        .case("SO-B", vec![f.person("Người Khác", "Sở SO-B")])
        .await;
    let no_accused = f.case("SO-B", Vec::new()).await;

    let linked = f.store.linked_reports(&first).await.unwrap();
    let ids: Vec<&CaseId> = linked.iter().map(|l| &l.case_id).collect();
    assert_eq!(ids, [&second, &third], "oldest first, each once");
    assert_eq!(linked[0].unit_id.as_str().len(), 32);
    assert_ne!(linked[0].unit_id, linked[1].unit_id, "two units");
    assert!(f.store.linked_reports(&unrelated).await.unwrap().is_empty());
    assert!(
        f.store
            .linked_reports(&no_accused)
            .await
            .unwrap()
            .is_empty()
    );
    let from_third: Vec<CaseId> = f
        .store
        .linked_reports(&third)
        .await
        .unwrap()
        .into_iter()
        .map(|l| l.case_id)
        .collect();
    assert_eq!(from_third, [first.clone(), second.clone()]);

    // A repeated index in one submission is stored once.
    let rows: i64 =
        sqlx::query("SELECT COUNT(*) AS n FROM case_accused_indexes WHERE case_id = $1")
            .bind(second.as_str())
            .fetch_one(f.store.reader())
            .await
            .unwrap()
            .get("n");
    assert_eq!(rows, 2);
}

async fn no_value_reaches_the_database_or_the_audit_chain(backend: Backend) {
    let f = fixture(backend).await;
    let user = f.user("can.bo", "SO-A", Role::Handler).await;
    f.register(&user, ID_NUMBER, ACCUSED, "Sở SO-A").await;
    f.case("SO-A", vec![f.person(ACCUSED, "Sở SO-A")]).await;
    let details: Vec<String> =
        sqlx::query("SELECT details FROM audit_entries WHERE action = 'staff.identity_registered'")
            .fetch_all(f.store.reader())
            .await
            .unwrap()
            .into_iter()
            .map(|row| row.get("details"))
            .collect();
    assert_eq!(details, ["{}"]);
    let stored: Vec<Vec<u8>> = sqlx::query(
        "SELECT blind_index FROM staff_identity_indexes \
         UNION ALL SELECT blind_index FROM case_accused_indexes",
    )
    .fetch_all(f.store.reader())
    .await
    .unwrap()
    .into_iter()
    .map(|row| row.get("blind_index"))
    .collect();
    assert_eq!(stored.len(), 3);
    for index in &stored {
        assert_eq!(index.len(), 32);
        let text = String::from_utf8_lossy(index);
        assert!(!text.contains(ID_NUMBER) && !text.contains("Xung"));
    }
    let everything: Vec<String> = sqlx::query("SELECT details FROM audit_entries")
        .fetch_all(f.store.reader())
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.get("details"))
        .collect();
    for details in everything {
        assert!(!details.contains(ID_NUMBER) && !details.contains("Xung"));
        assert!(!details.contains(&hex::encode(&stored[0])));
    }
}

on_both_backends!(
    a_registered_staff_member_matching_an_accused_is_excluded,
    a_head_of_the_handling_unit_who_is_accused_is_found,
    reports_sharing_an_accused_are_linked_across_units,
    no_value_reaches_the_database_or_the_audit_chain,
);
