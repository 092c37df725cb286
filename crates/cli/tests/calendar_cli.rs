//! `khien calendar …` run as a real process: exact output formats and exit statuses.
//!
//! `--data-dir` is given right after `calendar`, always explicitly,
//! so that no stray `./khien-data` is picked up.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

fn temp_dir() -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "khien-calendar-cli-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn khien_in(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_khien"))
        .current_dir(std::env::temp_dir())
        .arg("calendar")
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .output()
        .unwrap()
}

/// Runs with a data directory that does not exist: built-in schedules only.
fn khien(args: &[&str]) -> Output {
    khien_in(
        &std::env::temp_dir().join("khien-calendar-cli-absent/khien-data"),
        args,
    )
}

/// Runs and returns stdout, asserting success and an empty stderr.
fn ok(args: &[&str]) -> String {
    let out = khien(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?} failed: {stderr}");
    assert!(stderr.is_empty(), "{args:?} wrote to stderr: {stderr}");
    String::from_utf8(out.stdout).unwrap()
}

/// Runs and returns the single stderr line, asserting exit status 2 and no stdout.
fn bad(args: &[&str]) -> String {
    let out = khien(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

#[test]
fn tet() {
    assert_eq!(ok(&["tet", "2025"]), "2025-01-29\n");
    assert_eq!(ok(&["tet", "1985"]), "1985-01-21\n");
    assert_eq!(ok(&["tet", "2007"]), "2007-02-17\n");
}

#[test]
fn lunar() {
    assert_eq!(ok(&["lunar", "2025-08-08"]), "15/6 nhuận/2025\n");
    assert_eq!(ok(&["lunar", "2025-01-28"]), "29/12/2024\n");
    assert_eq!(
        ok(&["lunar", "2025-08-08", "--json"]),
        "{\"day\":15,\"month\":6,\"year\":2025,\"leap\":true}\n"
    );
    assert_eq!(
        ok(&["lunar", "2025-04-07", "--json"]),
        "{\"day\":10,\"month\":3,\"year\":2025,\"leap\":false}\n"
    );
}

#[test]
fn solar() {
    assert_eq!(ok(&["solar", "15/6/2025", "--leap"]), "2025-08-08\n");
    assert_eq!(ok(&["solar", "15/6/2025"]), "2025-07-09\n");
    assert_eq!(ok(&["solar", "1/1/2026"]), "2026-02-17\n");
}

#[test]
fn year() {
    assert_eq!(
        ok(&["year", "2025", "--json"]),
        concat!(
            "{\"days_off\":[\"2025-01-01\",\"2025-01-27\",\"2025-01-28\",\"2025-01-29\",",
            "\"2025-01-30\",\"2025-01-31\",\"2025-04-07\",\"2025-04-30\",\"2025-05-01\",",
            "\"2025-05-02\",\"2025-09-01\",\"2025-09-02\"],",
            "\"working_saturdays\":[\"2025-04-26\"]}\n"
        )
    );
    let text = ok(&["year", "2026"]);
    assert!(
        text.starts_with("off 2026-01-01\noff 2026-01-02\nwork 2026-01-10\n"),
        "{text}"
    );
}

#[test]
fn add_working_days_and_add_days() {
    assert_eq!(ok(&["add-working-days", "2025-01-24", "7"]), "2025-02-11\n");
    assert_eq!(ok(&["add-working-days", "2026-01-08", "7"]), "2026-01-16\n");
    assert_eq!(ok(&["add-days", "2025-01-02", "30"]), "2025-02-03\n");
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    let cases: &[(&[&str], &str)] = &[
        (&["lunar", "2025-02-31"], "no day 31 in month 2 of 2025"),
        (&["lunar", "24/1/2025"], "expected YYYY-MM-DD"),
        (&["solar", "31/2/2025"], "lunar day 31 does not exist"),
        (
            &["solar", "30/2/2025"],
            "lunar month 2/2025 has only 29 days",
        ),
        (
            &["solar", "1/3/2025", "--leap"],
            "lunar year 2025 has no leap month 3",
        ),
        (&["solar", "15-6-2025"], "expected D/M/YYYY"),
        (&["solar", "1/13/2025"], "lunar month 13 does not exist"),
        (&["tet", "2101"], "year 2101 is outside the supported range"),
        (&["tet", "1967"], "year 1967 is outside the supported range"),
        (&["tet", "abc"], "invalid year \"abc\""),
        (
            &["year", "1900", "--json"],
            "year 1900 is outside the supported range",
        ),
        (&["lunar", "2101-01-01"], "outside the supported range"),
        (
            &["add-days", "2025-01-02", "-3"],
            "invalid number of days \"-3\"",
        ),
        (
            &["add-working-days", "2025-13-01", "3"],
            "no day 1 in month 13",
        ),
        (
            &["add-working-days", "2100-12-30", "5"],
            "runs past 2100-12-31",
        ),
    ];
    for (args, expected) in cases {
        let message = bad(args);
        assert!(message.contains(expected), "{args:?}: {message}");
    }
}

#[test]
fn administrator_schedules_are_loaded_from_the_data_dir() {
    let data_dir = temp_dir().join("khien-data");
    let calendars = data_dir.join("calendars");
    std::fs::create_dir_all(&calendars).unwrap();
    std::fs::write(
        calendars.join("2027.toml"),
        "year = 2027\nsource = \"test notice\"\ndays_off = [\"2027-01-01\", \"2027-05-04\"]\nworking_saturdays = [\"2027-05-08\"]\n",
    )
    .unwrap();
    let out = khien_in(&data_dir, &["year", "2027", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "{\"days_off\":[\"2027-01-01\",\"2027-05-04\"],\"working_saturdays\":[\"2027-05-08\"]}\n"
    );

    std::fs::write(
        calendars.join("bad.toml"),
        "year = 2028\nsource = \"x\"\ndays_off = [\"2028-01-08\"]\n",
    )
    .unwrap();
    let out = khien_in(&data_dir, &["tet", "2025"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("bad.toml: days_off: 2028-01-08 is a Saturday"),
        "{stderr}"
    );
    std::fs::remove_dir_all(data_dir.parent().unwrap()).unwrap();
}
