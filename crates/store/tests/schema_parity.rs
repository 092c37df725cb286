//! Both migration trees must make the same schema: the same tables, columns,
//! column types (up to each engine's spelling) and nullability.

use std::collections::BTreeSet;

use khien_store::Backend;
use khien_testkit::{fresh_database, open_test_store};
use sqlx::Row;

/// One column as (table, column, type class, not null).
type ColumnShape = (String, String, &'static str, bool);

fn type_class(declared: &str) -> &'static str {
    match declared.to_ascii_lowercase().as_str() {
        "text" | "character varying" | "varchar" => "text",
        "blob" | "bytea" => "bytes",
        "bigint" | "int8" => "int64",
        "integer" | "int" | "int4" => "int32",
        "boolean" | "bool" => "bool",
        "double precision" | "real" | "float8" => "float",
        other => panic!("column type {other:?} has no class here: add it, for both backends"),
    }
}

async fn sqlite_shape() -> BTreeSet<ColumnShape> {
    let database = fresh_database(Backend::Sqlite).await;
    let store = open_test_store(&database, 100).await;
    sqlx::query(
        "SELECT m.name AS table_name, p.name AS column_name, p.type AS declared, \
                p.\"notnull\" AS not_null, p.pk AS pk \
         FROM sqlite_master m JOIN pragma_table_info(m.name) p \
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations'",
    )
    .fetch_all(store.reader())
    .await
    .unwrap()
    .into_iter()
    .map(|row| {
        let declared: String = row.get("declared");
        let not_null: i64 = row.get("not_null");
        let pk: i64 = row.get("pk");
        (
            row.get("table_name"),
            row.get("column_name"),
            type_class(&declared),
            // PostgreSQL makes primary-key columns NOT NULL implicitly.
            not_null == 1 || pk > 0,
        )
    })
    .collect()
}

async fn postgres_shape() -> BTreeSet<ColumnShape> {
    let database = fresh_database(Backend::Postgres).await;
    let store = open_test_store(&database, 100).await;
    sqlx::query(
        "SELECT table_name::text AS table_name, column_name::text AS column_name, \
                data_type::text AS declared, is_nullable::text AS nullable \
         FROM information_schema.columns \
         WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'",
    )
    .fetch_all(store.reader())
    .await
    .unwrap()
    .into_iter()
    .map(|row| {
        let declared: String = row.get("declared");
        let nullable: String = row.get("nullable");
        (
            row.get("table_name"),
            row.get("column_name"),
            type_class(&declared),
            nullable == "NO",
        )
    })
    .collect()
}

#[tokio::test]
async fn both_backends_have_the_same_tables_and_columns() {
    let sqlite = sqlite_shape().await;
    let postgres = postgres_shape().await;
    assert!(!sqlite.is_empty());
    let only_sqlite: Vec<_> = sqlite.difference(&postgres).collect();
    let only_postgres: Vec<_> = postgres.difference(&sqlite).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "schemas differ.\nonly in SQLite: {only_sqlite:#?}\nonly in PostgreSQL: {only_postgres:#?}"
    );
}
