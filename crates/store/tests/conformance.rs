//! The store conformance suite: every test runs on SQLite and on PostgreSQL.
//!
//! Add a test by writing an `async fn name(backend: Backend)` and listing it in the
//! `on_both_backends!` call at the bottom; it then runs once per backend.

use std::time::Duration;

use khien_store::audit::{AuditFault, AuditRecord, AuditVerdict, verify};
use khien_store::{Backend, Store, StoreError};
use khien_testkit::{fresh_database, open_test_store};
use khien_vault::signing::SigningKey;
use serde_json::json;

async fn append(store: &Store, n: usize) {
    for i in 0..n {
        let mut tx = store.begin().await.unwrap();
        tx.audit(AuditRecord {
            actor: "system",
            action: "test.appended",
            object: &format!("thing:{i}"),
            details: json!({ "i": i }),
        })
        .await
        .unwrap();
        tx.commit().await.unwrap();
    }
}

/// The store's own key: the one checkpoints were signed with.
fn trusted_key(store: &Store) -> khien_vault::signing::VerifyingKey {
    store.audit_verifying_key()
}

async fn verdict(store: &Store) -> AuditVerdict {
    verify(store, &trusted_key(store)).await.unwrap()
}

async fn exec(store: &Store, sql: &str) {
    let mut tx = store.begin().await.unwrap();
    sqlx::query(sql).execute(tx.connection()).await.unwrap();
    tx.commit().await.unwrap();
}

async fn migrating_twice_is_harmless(backend: Backend) {
    let database = fresh_database(backend).await;
    let store = open_test_store(&database, 100).await;
    store.migrate().await.unwrap();
    assert_eq!(
        verdict(&store).await,
        AuditVerdict::Intact {
            entries: 0,
            checkpoints: 0
        }
    );
}

async fn an_intact_chain_verifies(backend: Backend) {
    let database = fresh_database(backend).await;
    let store = open_test_store(&database, 4).await;
    append(&store, 10).await;
    store.checkpoint().await.unwrap();
    assert_eq!(
        verdict(&store).await,
        AuditVerdict::Intact {
            entries: 10,
            checkpoints: 3
        }
    );
}

async fn an_altered_entry_is_named(backend: Backend) {
    let database = fresh_database(backend).await;
    let store = open_test_store(&database, 100).await;
    append(&store, 8).await;
    exec(
        &store,
        "UPDATE audit_entries SET action = 'test.hidden' WHERE seq = 5",
    )
    .await;
    assert_eq!(
        verdict(&store).await,
        AuditVerdict::Broken {
            seq: 5,
            fault: AuditFault::Altered
        }
    );
}

async fn altered_details_are_named(backend: Backend) {
    let database = fresh_database(backend).await;
    let store = open_test_store(&database, 100).await;
    append(&store, 8).await;
    exec(
        &store,
        "UPDATE audit_entries SET details = '{\"i\":99}' WHERE seq = 3",
    )
    .await;
    assert_eq!(
        verdict(&store).await,
        AuditVerdict::Broken {
            seq: 3,
            fault: AuditFault::DetailsAltered
        }
    );
}

async fn a_removed_entry_is_named(backend: Backend) {
    let database = fresh_database(backend).await;
    let store = open_test_store(&database, 100).await;
    append(&store, 8).await;
    exec(&store, "DELETE FROM audit_entries WHERE seq = 4").await;
    assert_eq!(
        verdict(&store).await,
        AuditVerdict::Broken {
            seq: 4,
            fault: AuditFault::Missing
        }
    );
}

async fn a_removed_and_renumbered_entry_is_named(backend: Backend) {
    // Hiding a removal by shifting the later entries down breaks the links instead.
    let database = fresh_database(backend).await;
    let store = open_test_store(&database, 100).await;
    append(&store, 6).await;
    exec(&store, "DELETE FROM audit_entries WHERE seq = 4").await;
    exec(
        &store,
        "UPDATE audit_entries SET seq = seq + 100 WHERE seq > 4",
    )
    .await;
    exec(
        &store,
        "UPDATE audit_entries SET seq = seq - 101 WHERE seq > 100",
    )
    .await;
    assert_eq!(
        verdict(&store).await,
        AuditVerdict::Broken {
            seq: 4,
            fault: AuditFault::BrokenLink
        }
    );
}

async fn reordered_entries_are_named(backend: Backend) {
    let database = fresh_database(backend).await;
    let store = open_test_store(&database, 100).await;
    append(&store, 8).await;
    // Swap entries 3 and 6 by renumbering.
    exec(&store, "UPDATE audit_entries SET seq = 1000 WHERE seq = 3").await;
    exec(&store, "UPDATE audit_entries SET seq = 3 WHERE seq = 6").await;
    exec(&store, "UPDATE audit_entries SET seq = 6 WHERE seq = 1000").await;
    assert_eq!(
        verdict(&store).await,
        AuditVerdict::Broken {
            seq: 3,
            fault: AuditFault::BrokenLink
        }
    );
}

async fn a_cut_tail_is_named_by_the_head(backend: Backend) {
    let database = fresh_database(backend).await;
    let store = open_test_store(&database, 100).await;
    append(&store, 8).await;
    exec(&store, "DELETE FROM audit_entries WHERE seq > 6").await;
    assert_eq!(
        verdict(&store).await,
        AuditVerdict::Broken {
            seq: 7,
            fault: AuditFault::Missing
        }
    );
}

async fn a_cut_tail_with_a_forged_head_is_named_by_the_checkpoint(backend: Backend) {
    let database = fresh_database(backend).await;
    let store = open_test_store(&database, 100).await;
    append(&store, 8).await;
    store.checkpoint().await.unwrap();
    exec(&store, "DELETE FROM audit_entries WHERE seq > 6").await;
    let mut tx = store.begin().await.unwrap();
    sqlx::query(
        "UPDATE audit_head SET seq = 6, hash = (SELECT hash FROM audit_entries WHERE seq = 6)",
    )
    .execute(tx.connection())
    .await
    .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        verdict(&store).await,
        AuditVerdict::Broken {
            seq: 7,
            fault: AuditFault::Missing
        }
    );
}

async fn a_checkpoint_signed_by_another_key_is_refused(backend: Backend) {
    let database = fresh_database(backend).await;
    let store = open_test_store(&database, 3).await;
    append(&store, 4).await;
    let other = SigningKey::generate().verifying_key();
    assert_eq!(
        verify(&store, &other).await.unwrap(),
        AuditVerdict::Broken {
            seq: 3,
            fault: AuditFault::BadSignature
        }
    );
}

async fn a_rolled_back_transaction_leaves_no_audit_entry(backend: Backend) {
    let database = fresh_database(backend).await;
    let store = open_test_store(&database, 100).await;
    append(&store, 2).await;
    let mut tx = store.begin().await.unwrap();
    tx.audit(AuditRecord {
        actor: "system",
        action: "test.abandoned",
        object: "thing",
        details: json!({}),
    })
    .await
    .unwrap();
    drop(tx);
    append(&store, 1).await;
    assert_eq!(
        verdict(&store).await,
        AuditVerdict::Intact {
            entries: 3,
            checkpoints: 0
        }
    );
}

async fn concurrent_appends_keep_one_chain(backend: Backend) {
    let database = fresh_database(backend).await;
    let store = open_test_store(&database, 7).await;
    let tasks: Vec<_> = (0..16)
        .map(|_| {
            let store = store.clone();
            tokio::spawn(async move { append(&store, 5).await })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    assert_eq!(
        verdict(&store).await,
        AuditVerdict::Intact {
            entries: 80,
            checkpoints: 11
        }
    );
}

async fn constraint_violations_are_conflicts(backend: Backend) {
    let database = fresh_database(backend).await;
    let store = open_test_store(&database, 100).await;
    let mut tx = store.begin().await.unwrap();
    let error = sqlx::query("INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, $1)")
        .bind(vec![0u8; 32])
        .execute(tx.connection())
        .await
        .map_err(StoreError::from)
        .unwrap_err();
    assert!(
        matches!(error, StoreError::Conflict { .. }),
        "expected a conflict, got {error:?}"
    );
}

async fn a_missing_row_is_not_found_and_nothing_else(backend: Backend) {
    let database = fresh_database(backend).await;
    let store = open_test_store(&database, 100).await;
    let error = sqlx::query("SELECT seq FROM audit_entries WHERE seq = 42")
        .fetch_one(store.reader())
        .await
        .map(|_| ())
        .map_err(StoreError::from)
        .unwrap_err();
    assert!(matches!(error, StoreError::NotFound), "{error:?}");
    let error = sqlx::query("SELECT no_such_column FROM audit_entries")
        .fetch_one(store.reader())
        .await
        .map(|_| ())
        .map_err(StoreError::from)
        .unwrap_err();
    assert!(matches!(error, StoreError::Other(_)), "{error:?}");
}

khien_testkit::on_both_backends!(
    migrating_twice_is_harmless,
    an_intact_chain_verifies,
    an_altered_entry_is_named,
    altered_details_are_named,
    a_removed_entry_is_named,
    a_removed_and_renumbered_entry_is_named,
    reordered_entries_are_named,
    a_cut_tail_is_named_by_the_head,
    a_cut_tail_with_a_forged_head_is_named_by_the_checkpoint,
    a_checkpoint_signed_by_another_key_is_refused,
    a_rolled_back_transaction_leaves_no_audit_entry,
    concurrent_appends_keep_one_chain,
    constraint_violations_are_conflicts,
    a_missing_row_is_not_found_and_nothing_else,
);

#[tokio::test]
async fn a_database_that_does_not_answer_is_unavailable() {
    // A port on loopback where nothing listens.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let url = khien_store::DatabaseUrl::parse(&format!("postgres://khien@127.0.0.1:{port}/khien"))
        .unwrap();
    let result = Store::connect(khien_store::StoreOptions {
        url,
        audit_signing_key: std::sync::Arc::new(SigningKey::generate()),
        checkpoint_every: 10,
        connect_timeout: Duration::from_secs(2),
    })
    .await;
    assert!(
        matches!(result, Err(StoreError::Unavailable(_))),
        "{:?}",
        result.err()
    );
}
