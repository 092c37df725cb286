//! `khien unit …` and `khien user …` run as real processes against a temporary
//! data directory: output lines, error messages and exit statuses.

use std::path::Path;
use std::process::Output;

use tempfile::TempDir;

const PASSWORD: &str = "một mật khẩu đủ dài 2026";

fn khien(data_dir: &Path, args: &[&str]) -> Output {
    let (group, rest) = args.split_at(2);
    std::process::Command::new(env!("CARGO_BIN_EXE_khien"))
        .current_dir(data_dir.parent().unwrap())
        .args(group)
        .arg("--data-dir")
        .arg(data_dir)
        .args(rest)
        .output()
        .unwrap()
}

fn ok(data_dir: &Path, args: &[&str]) -> String {
    let output = khien(data_dir, args);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Runs a command that must fail; returns its exit status and stderr.
fn fails(data_dir: &Path, args: &[&str]) -> (i32, String) {
    let output = khien(data_dir, args);
    assert!(!output.status.success(), "{args:?} succeeded");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    (output.status.code().unwrap(), stderr)
}

struct Installation {
    _root: TempDir,
    data_dir: std::path::PathBuf,
}

fn installation() -> Installation {
    let root = tempfile::tempdir().unwrap();
    let data_dir = root.path().join("khien-data");
    Installation {
        _root: root,
        data_dir,
    }
}

impl Installation {
    fn file(&self, name: &str, contents: &str) -> String {
        let path = self.data_dir.parent().unwrap().join(name);
        std::fs::write(&path, contents).unwrap();
        path.to_str().unwrap().to_owned()
    }

    fn province(&self) {
        ok(
            &self.data_dir,
            &[
                "unit",
                "add",
                "--code",
                "UBND",
                "--name",
                "Ủy ban nhân dân tỉnh",
                "--kind",
                "peoples_committee",
            ],
        );
        ok(
            &self.data_dir,
            &[
                "unit",
                "add",
                "--code",
                "ttt",
                "--name",
                "Thanh tra tỉnh",
                "--kind",
                "inspectorate",
                "--parent",
                "UBND",
                "--head-position",
                "Chánh Thanh tra tỉnh",
            ],
        );
    }
}

#[test]
fn units_are_added_and_listed_as_a_tree() {
    let install = installation();
    install.province();
    ok(
        &install.data_dir,
        &[
            "unit",
            "add",
            "--code",
            "CA",
            "--name",
            "Công an tỉnh",
            "--kind",
            "police",
        ],
    );
    let listed = ok(&install.data_dir, &["unit", "list"]);
    assert_eq!(
        listed,
        "CA  police  Công an tỉnh\nUBND  peoples_committee  Ủy ban nhân dân tỉnh\n  TTT  inspectorate  Thanh tra tỉnh\n"
    );
}

#[test]
fn bad_unit_input_names_the_field_and_exits_2() {
    let install = installation();
    install.province();
    let (code, message) = fails(
        &install.data_dir,
        &[
            "unit", "add", "--code", "XA", "--name", "Xã", "--kind", "village",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        message.contains("unit kind: unknown value \"village\""),
        "{message}"
    );
    let (code, message) = fails(
        &install.data_dir,
        &[
            "unit", "add", "--code", "XA", "--name", "Xã", "--kind", "commune", "--parent", "KHONG",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        message.contains("parent unit KHONG does not exist"),
        "{message}"
    );
    let long_name = "x".repeat(201);
    let (code, message) = fails(
        &install.data_dir,
        &[
            "unit", "add", "--code", "XA", "--name", &long_name, "--kind", "commune",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        message.contains("unit name: at most 200 characters"),
        "{message}"
    );
    let (_, message) = fails(
        &install.data_dir,
        &[
            "unit", "add", "--code", "TTT", "--name", "Lặp", "--kind", "other",
        ],
    );
    assert!(
        message.contains("unit code TTT is already in use"),
        "{message}"
    );
}

#[test]
fn a_csv_import_places_parents_that_come_later() {
    let install = installation();
    let file = install.file(
        "units.csv",
        "code,name,kind,parent,head_position\n\
         SO-TC,Sở Tài chính,department,UBND,Giám đốc Sở\n\
         UBND,\"Ủy ban nhân dân tỉnh\",peoples_committee,,\n",
    );
    let out = ok(&install.data_dir, &["unit", "import", &file]);
    assert!(out.starts_with("imported 2 units"), "{out}");
    let listed = ok(&install.data_dir, &["unit", "list"]);
    assert_eq!(
        listed,
        "UBND  peoples_committee  Ủy ban nhân dân tỉnh\n  SO-TC  department  Sở Tài chính\n"
    );
}

#[test]
fn a_toml_import_works_and_a_bad_row_stores_nothing() {
    let install = installation();
    let good = install.file(
        "units.toml",
        "[[unit]]\ncode = \"XA\"\nname = \"Xã An Phú\"\nkind = \"commune\"\nparent = \"UBND\"\n\n\
         [[unit]]\ncode = \"UBND\"\nname = \"UBND tỉnh\"\nkind = \"peoples_committee\"\n",
    );
    assert!(ok(&install.data_dir, &["unit", "import", &good]).starts_with("imported 2 units"));

    let bad_csv = install.file(
        "bad.csv",
        "code,name,kind,parent,head_position\nSO,Sở,department,UBND,\nSO2,Sở 2,ministry,UBND,\n",
    );
    let (code, message) = fails(&install.data_dir, &["unit", "import", &bad_csv]);
    assert_eq!(code, 2);
    assert!(
        message.contains("line 3: unit kind: unknown value \"ministry\""),
        "{message}"
    );
    // A row that parses but clashes with the database is caught inside the transaction.
    let clash = install.file(
        "clash.toml",
        "[[unit]]\ncode = \"MOI\"\nname = \"Mới\"\nkind = \"other\"\n\n[[unit]]\ncode = \"XA\"\nname = \"Lặp\"\nkind = \"other\"\n",
    );
    let (code, message) = fails(&install.data_dir, &["unit", "import", &clash]);
    assert_eq!(code, 2);
    assert!(
        message.contains("line 6: unit XA already exists; nothing imported"),
        "{message}"
    );
    let listed = ok(&install.data_dir, &["unit", "list"]);
    assert_eq!(listed.lines().count(), 2, "{listed}");
    assert!(!listed.contains("MOI") && !listed.contains("SO"));
}

#[test]
fn a_user_is_added_with_a_totp_secret_and_a_recovery_key() {
    let install = installation();
    install.province();
    let password = install.file("password", &format!("{PASSWORD}\n"));
    let out = ok(
        &install.data_dir,
        &[
            "user",
            "add",
            "--username",
            "Can.Bo",
            "--unit",
            "TTT",
            "--role",
            "handler",
            "--role",
            "intake",
            "--password-file",
            &password,
        ],
    );
    let totp = out
        .lines()
        .find_map(|l| l.strip_prefix("totp-secret: "))
        .unwrap();
    assert_eq!(totp.len(), 32);
    assert!(
        totp.chars()
            .all(|c| c.is_ascii_uppercase() || ('2'..='7').contains(&c))
    );
    let recovery = out
        .lines()
        .find_map(|l| l.strip_prefix("recovery-key: "))
        .unwrap();
    assert_eq!(recovery.len(), 34);
    assert!(!out.contains(PASSWORD));
    assert_eq!(
        ok(&install.data_dir, &["user", "list"]),
        "can.bo  TTT  intake,handler  active\n"
    );

    let (code, message) = fails(
        &install.data_dir,
        &[
            "user",
            "add",
            "--username",
            "can.bo",
            "--unit",
            "TTT",
            "--role",
            "head",
            "--password-file",
            &password,
        ],
    );
    assert_ne!(code, 0);
    assert!(
        message.contains("username can.bo is already taken"),
        "{message}"
    );

    // Recovery with the printed key, then a password change, then disable.
    let recovery_file = install.file("recovery", recovery);
    let new_password = install.file("new-password", "ngựa ô chạy qua cầu Rồng\n");
    let out = ok(
        &install.data_dir,
        &[
            "user",
            "recover",
            "--username",
            "can.bo",
            "--recovery-key-file",
            &recovery_file,
            "--new-password-file",
            &new_password,
        ],
    );
    assert!(out.lines().any(|l| l.starts_with("recovery-key: ")));
    let (_, message) = fails(
        &install.data_dir,
        &[
            "user",
            "passwd",
            "--username",
            "can.bo",
            "--old-password-file",
            &password,
            "--new-password-file",
            &password,
        ],
    );
    assert!(
        message.contains("the current password is wrong"),
        "{message}"
    );
    ok(
        &install.data_dir,
        &[
            "user",
            "passwd",
            "--username",
            "can.bo",
            "--old-password-file",
            &new_password,
            "--new-password-file",
            &password,
        ],
    );
    let out = ok(
        &install.data_dir,
        &[
            "user",
            "reset",
            "--username",
            "can.bo",
            "--password-file",
            &new_password,
        ],
    );
    assert!(
        out.lines().any(|l| l.starts_with("totp-secret: "))
            && out.lines().any(|l| l.starts_with("recovery-key: "))
    );
    ok(
        &install.data_dir,
        &["user", "disable", "--username", "can.bo"],
    );
    assert!(ok(&install.data_dir, &["user", "list"]).ends_with("disabled\n"));
    ok(
        &install.data_dir,
        &["user", "enable", "--username", "can.bo"],
    );
    assert!(ok(&install.data_dir, &["user", "list"]).ends_with("active\n"));
}

#[test]
fn bad_user_input_is_named_and_nothing_is_stored() {
    let install = installation();
    install.province();
    let weak = install.file("weak", "matkhau123456\n");
    let short = install.file("short", "ngắn\n");
    let good = install.file("good", PASSWORD);
    let cases: [(&[&str], &str); 5] = [
        (
            &[
                "--unit",
                "TTT",
                "--role",
                "handler",
                "--password-file",
                &weak,
            ],
            "commonly used password",
        ),
        (
            &[
                "--unit",
                "TTT",
                "--role",
                "handler",
                "--password-file",
                &short,
            ],
            "password: at least 12 characters, got 4",
        ),
        (
            &["--unit", "TTT", "--role", "boss", "--password-file", &good],
            "role: unknown value \"boss\"",
        ),
        (
            &[
                "--unit",
                "KHONG",
                "--role",
                "handler",
                "--password-file",
                &good,
            ],
            "unit KHONG does not exist",
        ),
        (
            &[
                "--unit",
                "TTT",
                "--role",
                "handler",
                "--password-file",
                "/nonexistent/pw",
            ],
            "cannot read /nonexistent/pw",
        ),
    ];
    for (rest, expected) in cases {
        let mut args = vec!["user", "add", "--username", "can.bo"];
        args.extend_from_slice(rest);
        let (code, message) = fails(&install.data_dir, &args);
        assert_eq!(code, 2, "{message}");
        assert!(message.contains(expected), "{expected}: {message}");
        assert!(!message.contains("matkhau123456"));
    }
    let (code, message) = fails(
        &install.data_dir,
        &[
            "user",
            "add",
            "--username",
            "ab",
            "--unit",
            "TTT",
            "--role",
            "admin",
            "--password-file",
            &good,
        ],
    );
    assert_eq!(code, 2);
    assert!(
        message.contains("username: at least 3 characters"),
        "{message}"
    );
    assert_eq!(ok(&install.data_dir, &["user", "list"]), "");
    let (code, message) = fails(
        &install.data_dir,
        &["user", "disable", "--username", "khong.co"],
    );
    assert_eq!(code, 2);
    assert!(
        message.contains("user khong.co does not exist"),
        "{message}"
    );
}
