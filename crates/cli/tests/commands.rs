//! The `khien` binary run as a real process: how it fails (one line, the right exit
//! status, nothing secret), and what `serve`, `demo`, `migrate` and `audit verify`
//! actually do to a data directory and on the network.
//!
//! Every command is given an explicit `--data-dir` in a temporary directory and runs
//! with the `KHIEN_*` variables cleared, so nothing on the developer's machine leaks in.

use std::io::Read;
use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use sqlx::Connection;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};

/// The settings the binary reads from the environment; cleared for every run.
const KHIEN_VARIABLES: [&str; 6] = [
    "KHIEN_CONFIG",
    "KHIEN_DATA_DIR",
    "KHIEN_DATABASE_URL",
    "KHIEN_LISTEN",
    "KHIEN_AUDIT_CHECKPOINT_EVERY",
    "KHIEN_LOG",
];

/// How long a server may take to answer `/healthz` after it is started.
const START_DEADLINE: Duration = Duration::from_secs(20);
/// How long a server may take to exit after SIGTERM.
const STOP_DEADLINE: Duration = Duration::from_secs(5);

/// A `khien` command in a clean environment, run from a temporary directory.
fn khien(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_khien"));
    command.current_dir(std::env::temp_dir()).args(args);
    for name in KHIEN_VARIABLES {
        command.env_remove(name);
    }
    command
}

fn run(command: &mut Command) -> Output {
    command.stdin(Stdio::null()).output().expect("run khien")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("output is UTF-8")
}

/// Asserts that the command failed with exactly one `error: …` line on stderr and
/// nothing that looks like a panic; returns the line.
fn one_error_line(output: &Output) -> String {
    let stderr = text(&output.stderr);
    assert!(!output.status.success(), "unexpected success: {stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "panic text: {stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "not one line: {stderr:?}");
    assert!(stderr.starts_with("error: "), "{stderr:?}");
    stderr.trim_end().to_owned()
}

/// A port on 127.0.0.1 that was free a moment ago.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("bind a free port")
        .port()
}

fn client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(10))
        .user_agent("khien-test-agent-7731")
        .build()
        .expect("HTTP client")
}

/// Collects a pipe on a thread, so a chatty child never blocks on a full pipe and the
/// test can look at what was written so far.
struct Collector {
    text: Arc<Mutex<String>>,
    thread: JoinHandle<()>,
}

impl Collector {
    fn start(mut pipe: impl Read + Send + 'static) -> Self {
        let text = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&text);
        let thread = std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            loop {
                match pipe.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => sink
                        .lock()
                        .unwrap()
                        .push_str(&String::from_utf8_lossy(&buffer[..n])),
                }
            }
        });
        Self { text, thread }
    }

    fn so_far(&self) -> String {
        self.text.lock().unwrap().clone()
    }

    fn finish(self) -> String {
        self.thread.join().expect("collector thread");
        Arc::try_unwrap(self.text)
            .expect("collector finished")
            .into_inner()
            .unwrap()
    }
}

/// A running `khien serve` or `khien demo`.
struct Server {
    child: Child,
    port: u16,
    stdout: Option<Collector>,
    stderr: Option<Collector>,
}

/// What a stopped server left behind.
struct Stopped {
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

impl Server {
    /// Starts `khien <subcommand> --data-dir DIR --listen 127.0.0.1:PORT` and waits
    /// until `/healthz` answers.
    fn start(subcommand: &str, data_dir: &Path) -> Server {
        let port = free_port();
        let mut child = khien(&[subcommand, "--listen", &format!("127.0.0.1:{port}")])
            .arg("--data-dir")
            .arg(data_dir)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start khien");
        let stdout = Collector::start(child.stdout.take().unwrap());
        let stderr = Collector::start(child.stderr.take().unwrap());
        let mut server = Server {
            child,
            port,
            stdout: Some(stdout),
            stderr: Some(stderr),
        };
        server.wait_until_healthy();
        server
    }

    /// Waits until the server has printed `needle` on stdout; returns all it printed.
    fn wait_for_stdout(&mut self, needle: &str, limit: Duration) -> String {
        let deadline = Instant::now() + limit;
        loop {
            let printed = self.stdout.as_ref().unwrap().so_far();
            if printed.contains(needle) {
                return printed;
            }
            if let Some(status) = self.child.try_wait().unwrap() {
                panic!(
                    "khien exited ({status}) before printing {needle:?}: {}",
                    self.stderr.as_ref().unwrap().so_far()
                );
            }
            assert!(
                Instant::now() < deadline,
                "{needle:?} not printed within {limit:?}: {printed}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn wait_until_healthy(&mut self) {
        let probe = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(1))
            .build()
            .unwrap();
        let deadline = Instant::now() + START_DEADLINE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                panic!(
                    "khien exited ({status}) before serving: {}",
                    self.stderr.as_ref().unwrap().so_far()
                );
            }
            if let Ok(response) = probe.get(self.url("/healthz")).send()
                && response.status() == 200
            {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "khien did not answer /healthz within {START_DEADLINE:?}: {}",
                self.stderr.as_ref().unwrap().so_far()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Sends SIGTERM and waits (a few seconds at most) for the process to exit.
    fn stop(mut self) -> Stopped {
        let signalled = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(signalled.success(), "kill -TERM failed");
        let status = wait_with_deadline(&mut self.child, STOP_DEADLINE)
            .unwrap_or_else(|| panic!("khien did not stop within {STOP_DEADLINE:?} of SIGTERM"));
        Stopped {
            status,
            stdout: self.stdout.take().unwrap().finish(),
            stderr: self.stderr.take().unwrap().finish(),
        }
    }
}

impl Drop for Server {
    /// A failed assertion must not leave a server running.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn wait_with_deadline(child: &mut Child, limit: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        if Instant::now() >= deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Starts and stops a server, asserting a clean start and a clean stop.
fn serve_and_stop(data_dir: &Path) {
    let stopped = Server::start("serve", data_dir).stop();
    assert!(stopped.status.success(), "{}", stopped.stderr);
}

/// Removes ANSI colour sequences (`ESC [ … m`).
fn strip_ansi(coloured: &str) -> String {
    let mut plain = String::with_capacity(coloured.len());
    let mut chars = coloured.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            plain.push(c);
        }
    }
    plain
}

/// Runs `khien audit verify` on a data directory.
fn audit_verify(data_dir: &Path) -> Output {
    run(khien(&["audit", "verify", "--data-dir"]).arg(data_dir))
}

/// Runs statements against the data directory's SQLite file, as someone with write
/// access to the database (but not to the secrets) could.
fn tamper(data_dir: &Path, statements: &[&str]) {
    let path = data_dir.join("khien.sqlite3");
    assert!(path.exists(), "{} is missing", path.display());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let mut connection =
            SqliteConnection::connect_with(&SqliteConnectOptions::new().filename(&path))
                .await
                .expect("open the SQLite file");
        for statement in statements {
            let done = sqlx::query(statement)
                .execute(&mut connection)
                .await
                .unwrap_or_else(|error| panic!("{statement}: {error}"));
            assert_eq!(done.rows_affected(), 1, "{statement}");
        }
        connection.close().await.unwrap();
    });
}

/// A data directory whose chain holds four entries (two start/stop cycles):
/// 1 server.started, 2 server.stopped, 3 server.started, 4 server.stopped.
fn data_dir_with_four_entries() -> tempfile::TempDir {
    let temp = tempfile::tempdir().unwrap();
    serve_and_stop(temp.path());
    serve_and_stop(temp.path());
    let output = audit_verify(temp.path());
    assert_eq!(
        text(&output.stdout).lines().next(),
        Some("audit chain ok: 4 entries"),
        "{}",
        text(&output.stderr)
    );
    temp
}

/// Asserts `audit verify` reports the chain broken, and returns its first line.
fn broken_verdict(data_dir: &Path) -> String {
    let output = audit_verify(data_dir);
    let stdout = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{stdout}{}",
        text(&output.stderr)
    );
    stdout.lines().next().unwrap_or_default().to_owned()
}

// ---------------------------------------------------------------------------------
// Version and help

#[test]
fn version_prints_the_version() {
    let output = run(&mut khien(&["--version"]));
    assert!(output.status.success());
    assert_eq!(
        text(&output.stdout),
        format!("khien {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn help_lists_every_subcommand() {
    let output = run(&mut khien(&["--help"]));
    assert!(output.status.success());
    let stdout = text(&output.stdout);
    for name in ["serve", "demo", "migrate", "audit", "calendar"] {
        assert!(
            stdout
                .lines()
                .any(|line| line.split_whitespace().next() == Some(name)),
            "{name} missing from --help:\n{stdout}"
        );
    }
}

// ---------------------------------------------------------------------------------
// Usage errors: one line, exit status 2

#[test]
fn an_unknown_flag_is_one_line_and_exit_2() {
    let output = run(&mut khien(&["serve", "--no-such-flag"]));
    let line = one_error_line(&output);
    assert_eq!(output.status.code(), Some(2), "{line}");
    assert!(line.contains("--no-such-flag"), "{line}");
    assert!(output.stdout.is_empty());
}

#[test]
fn an_unreadable_config_file_is_named() {
    let temp = tempfile::tempdir().unwrap();
    let config = temp.path().join("absent.toml");
    let output = run(khien(&["migrate", "--data-dir"])
        .arg(temp.path().join("data"))
        .arg("--config")
        .arg(&config));
    let line = one_error_line(&output);
    assert_eq!(output.status.code(), Some(2), "{line}");
    assert!(line.contains(&config.display().to_string()), "{line}");
    assert!(!temp.path().join("data").exists(), "data dir created");
}

#[test]
fn an_unknown_config_key_names_the_key_and_the_file() {
    let temp = tempfile::tempdir().unwrap();
    let config = temp.path().join("khien.toml");
    std::fs::write(&config, "lisen = \"127.0.0.1:8080\"\n").unwrap();
    let output = run(khien(&["migrate", "--data-dir"])
        .arg(temp.path().join("data"))
        .arg("--config")
        .arg(&config));
    let line = one_error_line(&output);
    assert_eq!(output.status.code(), Some(2), "{line}");
    assert!(line.contains("lisen"), "{line}");
    assert!(line.contains(&config.display().to_string()), "{line}");
}

#[test]
fn a_bad_khien_listen_is_named() {
    let temp = tempfile::tempdir().unwrap();
    let output = run(khien(&["serve", "--data-dir"])
        .arg(temp.path())
        .env("KHIEN_LISTEN", "not-an-address"));
    let line = one_error_line(&output);
    assert_eq!(output.status.code(), Some(2), "{line}");
    assert!(line.contains("KHIEN_LISTEN"), "{line}");
    assert!(line.contains("not-an-address"), "{line}");
}

// ---------------------------------------------------------------------------------
// Start-up failures: one line naming what to fix, never a secret

#[test]
fn an_unreachable_database_is_named_without_its_password() {
    let temp = tempfile::tempdir().unwrap();
    let port = free_port();
    // Both at once: each may wait for the connect timeout before giving up.
    let attempts: Vec<_> = [
        format!("postgres://khien@127.0.0.1:{port}/khien"),
        format!("postgres://khien:secretpw@127.0.0.1:{port}/khien"),
    ]
    .into_iter()
    .enumerate()
    .map(|(n, url)| {
        let data_dir = temp.path().join(format!("data-{n}"));
        std::thread::spawn(move || {
            let started = Instant::now();
            let output = run(khien(&["migrate", "--data-dir"])
                .arg(data_dir)
                .arg("--database-url")
                .arg(&url));
            (url, output, started.elapsed())
        })
    })
    .collect();
    for attempt in attempts {
        let (url, output, elapsed) = attempt.join().unwrap();
        let line = one_error_line(&output);
        assert!(
            line.contains("database") && line.contains(&format!("127.0.0.1:{port}/khien")),
            "{url}: the line does not name the database: {line}"
        );
        assert!(!line.contains("secretpw"), "password in stderr: {line}");
        assert!(
            !text(&output.stdout).contains("secretpw"),
            "password in stdout"
        );
        assert!(
            elapsed < Duration::from_secs(15),
            "{url}: took {elapsed:?} to give up"
        );
    }
}

#[test]
fn a_data_dir_that_cannot_be_created_is_named() {
    let temp = tempfile::tempdir().unwrap();
    let file = temp.path().join("file");
    std::fs::write(&file, "a regular file\n").unwrap();
    let data_dir = file.join("data");
    for subcommand in ["migrate", "serve"] {
        let mut command = khien(&[subcommand, "--data-dir"]);
        command.arg(&data_dir);
        if subcommand == "serve" {
            command.args(["--listen", "127.0.0.1:0"]);
        }
        let output = run(&mut command);
        let line = one_error_line(&output);
        assert!(
            line.contains(&data_dir.display().to_string()),
            "{subcommand}: {line}"
        );
    }
}

// ---------------------------------------------------------------------------------
// migrate

#[test]
fn migrate_creates_private_secrets() {
    let temp = tempfile::tempdir().unwrap();
    let data_dir = temp.path().join("data");
    let output = run(khien(&["migrate", "--data-dir"]).arg(&data_dir));
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(data_dir.join("khien.sqlite3").exists());
    let secrets = data_dir.join("secrets");
    let mode = |path: &Path| {
        std::fs::metadata(path)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode(&secrets), 0o700, "secrets/");
    for name in ["server-secret", "audit-signing.key", "audit-signing.pub"] {
        assert_eq!(mode(&secrets.join(name)), 0o600, "{name}");
    }
    // A second run changes nothing and succeeds.
    let key = std::fs::read(secrets.join("audit-signing.key")).unwrap();
    let output = run(khien(&["migrate", "--data-dir"]).arg(&data_dir));
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(
        std::fs::read(secrets.join("audit-signing.key")).unwrap(),
        key
    );
}

// ---------------------------------------------------------------------------------
// serve

#[test]
fn a_second_server_on_the_same_data_dir_is_refused_and_sigterm_stops_the_first() {
    let temp = tempfile::tempdir().unwrap();
    let first = Server::start("serve", temp.path());

    let mut second = khien(&["serve", "--listen", &format!("127.0.0.1:{}", free_port())])
        .arg("--data-dir")
        .arg(temp.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = Collector::start(second.stderr.take().unwrap());
    let status = wait_with_deadline(&mut second, Duration::from_secs(15));
    if status.is_none() {
        let _ = second.kill();
        let _ = second.wait();
    }
    let stderr = stderr.finish();
    let status = status.unwrap_or_else(|| panic!("second server kept running: {stderr}"));
    let output = Output {
        status,
        stdout: Vec::new(),
        stderr: stderr.into_bytes(),
    };
    let line = one_error_line(&output);
    assert!(line.contains("in use"), "{line}");
    assert!(line.contains(&temp.path().display().to_string()), "{line}");

    // The first is unharmed, and stops cleanly on SIGTERM.
    let response = client().get(first.url("/readyz")).send().unwrap();
    assert_eq!(response.status(), 200);
    let stopped = first.stop();
    assert_eq!(stopped.status.code(), Some(0), "{}", stopped.stderr);
}

#[test]
fn units_and_users_are_added_while_the_server_runs_and_can_log_in_at_once() {
    let temp = tempfile::tempdir().unwrap();
    let data_dir = temp.path().join("data");
    let server = Server::start("serve", &data_dir);
    let admin = |args: &[&str]| {
        let output = run(khien(args).arg("--data-dir").arg(&data_dir));
        assert!(
            output.status.success(),
            "{args:?}: {}",
            text(&output.stderr)
        );
        text(&output.stdout)
    };
    admin(&[
        "unit",
        "add",
        "--code",
        "TTT",
        "--name",
        "Thanh tra tỉnh",
        "--kind",
        "inspectorate",
    ]);
    let password_file = temp.path().join("password");
    std::fs::write(&password_file, "một mật khẩu đủ dài 2026\n").unwrap();
    let added = admin(&[
        "user",
        "add",
        "--username",
        "can.bo",
        "--unit",
        "TTT",
        "--role",
        "intake",
        "--password-file",
        password_file.to_str().unwrap(),
    ]);
    let secret = added
        .lines()
        .find_map(|line| line.strip_prefix("totp-secret:"))
        .map(str::trim)
        .unwrap_or_else(|| panic!("no totp-secret line: {added}"));
    // The running server knows the account the other process added.
    let login = (
        "can.bo".to_owned(),
        "một mật khẩu đủ dài 2026".to_owned(),
        secret.to_owned(),
    );
    let token = demo_token(&server, &login);
    let me = demo_get(&server, Some(&token), "/api/v1/auth/me");
    assert_eq!(me["unit"], "TTT", "{me}");
    let listed = admin(&["user", "list"]);
    assert!(listed.contains("can.bo"), "{listed}");

    let stopped = server.stop();
    assert_eq!(stopped.status.code(), Some(0), "{}", stopped.stderr);
    // Both processes wrote one chain.
    let verified = audit_verify(&data_dir);
    assert!(verified.status.success(), "{}", text(&verified.stderr));
}

#[test]
fn serve_answers_pages_with_security_headers_and_logs_its_start_and_stop() {
    let temp = tempfile::tempdir().unwrap();
    let server = Server::start("serve", temp.path());
    let client = client();

    let healthz = client.get(server.url("/healthz")).send().unwrap();
    assert_eq!(healthz.status(), 200);
    assert_eq!(healthz.text().unwrap(), "ok");

    let readyz = client.get(server.url("/readyz")).send().unwrap();
    assert_eq!(readyz.status(), 200);

    let home = client.get(server.url("/")).send().unwrap();
    assert_eq!(home.status(), 200);
    let headers = home.headers().clone();
    let header = |name: &str| {
        headers
            .get(name)
            .unwrap_or_else(|| panic!("no {name} header"))
            .to_str()
            .unwrap()
            .to_owned()
    };
    assert!(header("content-type").starts_with("text/html"));
    let csp = header("content-security-policy");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert_eq!(header("referrer-policy"), "no-referrer");
    let body = home.text().unwrap();
    assert!(body.contains("<html lang=\"vi\">"), "{body}");

    let css = client.get(server.url("/static/khien.css")).send().unwrap();
    assert_eq!(css.status(), 200);
    let content_type = css.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(content_type.starts_with("text/css"), "{content_type}");

    let missing = client.get(server.url("/no-such-page")).send().unwrap();
    assert_eq!(missing.status(), 404);
    assert!(
        missing.headers().contains_key("content-security-policy"),
        "the 404 page lacks the security headers"
    );
    let body = missing.text().unwrap();
    assert!(body.contains("<html lang=\"vi\">"), "{body}");
    assert!(body.contains("Không tìm thấy trang"), "{body}");

    let stopped = server.stop();
    assert_eq!(stopped.status.code(), Some(0), "{}", stopped.stderr);

    let output = audit_verify(temp.path());
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stdout).lines().next(),
        Some("audit chain ok: 2 entries")
    );
}

#[test]
fn the_request_log_holds_no_client_address_user_agent_or_concrete_path() {
    let temp = tempfile::tempdir().unwrap();
    let server = Server::start("serve", temp.path());
    let client = client();
    for path in ["/", "/healthz", "/static/khien.css", "/unknown-page-5521"] {
        let response = client.get(server.url(path)).send().unwrap();
        assert!(response.status() == 200 || response.status() == 404);
    }
    let port = server.port;
    let stopped = server.stop();
    assert_eq!(stopped.status.code(), Some(0), "{}", stopped.stderr);
    // The log may be coloured; look at its text.
    let log = strip_ansi(&stopped.stderr);

    // The log is not simply empty: the requests are there, by route and status.
    assert!(log.contains("/healthz"), "{log}");
    assert!(log.contains("status=404"), "{log}");

    assert!(
        !log.contains("khien-test-agent-7731"),
        "user agent logged:\n{log}"
    );
    assert!(
        !log.contains("unknown-page-5521"),
        "concrete path logged:\n{log}"
    );
    // The server's own listening address may appear; no other 127.0.0.1 address
    // (a client's, with its port) may.
    let without_own_address = log.replace(&format!("127.0.0.1:{port}"), "");
    assert!(
        !without_own_address.contains("127.0.0.1"),
        "client address logged:\n{log}"
    );
}

#[test]
fn a_report_leaves_no_trace_of_its_content_or_reporter_in_the_log() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().to_str().unwrap().to_owned();
    let added = run(&mut khien(&[
        "unit",
        "add",
        "--data-dir",
        &dir,
        "--code",
        "TTT",
        "--name",
        "Thanh tra tỉnh",
        "--kind",
        "inspectorate",
    ]));
    assert!(added.status.success(), "{}", text(&added.stderr));
    let password_file = temp.path().join("password.txt");
    std::fs::write(&password_file, "một mật khẩu thật dài 2026\n").unwrap();
    let user = run(&mut khien(&[
        "user",
        "add",
        "--data-dir",
        &dir,
        "--username",
        "tiep.nhan",
        "--unit",
        "TTT",
        "--role",
        "intake",
        "--role",
        "handler",
        "--password-file",
        password_file.to_str().unwrap(),
    ]));
    assert!(user.status.success(), "{}", text(&user.stderr));

    let server = Server::start("serve", temp.path());
    let phrase = "CumTuTrongNhatKy4417";
    let person = "HoTenKhongDuocGhiLog8820";
    let body = format!(
        r#"{{"kind":"denunciation","unit":"TTT","subject":"{phrase}","content":"{phrase}","identity":{{"full_name":"{person}","phone":"0912345678"}}}}"#
    );
    let response = client()
        .post(server.url("/api/v1/reports"))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .unwrap();
    assert_eq!(response.status(), 201);
    let answer = response.text().unwrap();
    let receipt: String = answer
        .split("\"receipt\":\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    let stopped = server.stop();
    assert_eq!(stopped.status.code(), Some(0), "{}", stopped.stderr);
    let log = strip_ansi(&stopped.stderr);
    assert!(
        log.contains("/api/v1/reports"),
        "the request is logged by route:\n{log}"
    );
    for secret in [
        phrase,
        person,
        "0912345678",
        receipt.as_str(),
        &receipt.replace(' ', ""),
    ] {
        assert!(!log.contains(secret), "{secret} reached the log:\n{log}");
    }
}

// ---------------------------------------------------------------------------------
// audit verify

#[test]
fn audit_verify_names_an_altered_entry() {
    let temp = data_dir_with_four_entries();
    tamper(
        temp.path(),
        &["UPDATE audit_entries SET action = 'server.restarted' WHERE seq = 2"],
    );
    assert_eq!(
        broken_verdict(temp.path()),
        "audit chain broken at entry 2: entry altered"
    );
}

#[test]
fn audit_verify_names_a_deleted_entry_as_missing() {
    let temp = data_dir_with_four_entries();
    tamper(temp.path(), &["DELETE FROM audit_entries WHERE seq = 2"]);
    let verdict = broken_verdict(temp.path());
    assert!(
        verdict.starts_with("audit chain broken at entry 2: ") && verdict.contains("missing"),
        "{verdict}"
    );
}

#[test]
fn audit_verify_names_the_first_of_two_reordered_entries() {
    let temp = data_dir_with_four_entries();
    tamper(
        temp.path(),
        &[
            "UPDATE audit_entries SET seq = -2 WHERE seq = 2",
            "UPDATE audit_entries SET seq = 2 WHERE seq = 3",
            "UPDATE audit_entries SET seq = 3 WHERE seq = -2",
        ],
    );
    let verdict = broken_verdict(temp.path());
    assert!(
        verdict.starts_with("audit chain broken at entry 2: "),
        "{verdict}"
    );
}

#[test]
fn audit_verify_without_a_database_is_one_line_and_creates_nothing() {
    let temp = tempfile::tempdir().unwrap();
    let data_dir = temp.path().join("never-made");
    let output = audit_verify(&data_dir);
    let line = one_error_line(&output);
    assert!(line.contains(&data_dir.display().to_string()), "{line}");
    assert!(output.stdout.is_empty());
    assert!(
        !data_dir.exists(),
        "audit verify created {}",
        data_dir.display()
    );
}

// ---------------------------------------------------------------------------------
// demo

#[test]
fn demo_serves_the_portal_and_prints_its_address() {
    let temp = tempfile::tempdir().unwrap();
    let demo_dir = temp.path().join("demo");
    let server = Server::start("demo", &demo_dir);
    let home = client().get(server.url("/")).send().unwrap();
    assert_eq!(home.status(), 200);
    assert!(home.text().unwrap().contains("<html lang=\"vi\">"));
    let portal = server.url("/");
    let stopped = server.stop();
    assert_eq!(stopped.status.code(), Some(0), "{}", stopped.stderr);
    assert!(
        stopped.stdout.contains(&portal),
        "{portal} not printed:\n{}",
        stopped.stdout
    );

    // Its own directory is recreated at the next start.
    let again = Server::start("demo", &demo_dir);
    let stopped = again.stop();
    assert_eq!(stopped.status.code(), Some(0), "{}", stopped.stderr);
}

#[test]
fn demo_refuses_a_directory_it_did_not_make_and_deletes_nothing() {
    let temp = tempfile::tempdir().unwrap();
    let precious = temp.path().join("precious.txt");
    std::fs::write(&precious, "keep me\n").unwrap();
    let output = run(khien(&["demo", "--listen", "127.0.0.1:0", "--data-dir"]).arg(temp.path()));
    let line = one_error_line(&output);
    assert_eq!(output.status.code(), Some(2), "{line}");
    assert!(line.contains(&temp.path().display().to_string()), "{line}");
    assert_eq!(std::fs::read_to_string(&precious).unwrap(), "keep me\n");
    let entries = std::fs::read_dir(temp.path()).unwrap().count();
    assert_eq!(entries, 1, "demo left files behind");
}

/// How long the demo may take to seed its province (Argon2 at full cost, debug build).
const DEMO_SEED_DEADLINE: Duration = Duration::from_secs(240);

/// A demo login as the banner prints it: username, password, TOTP secret.
fn banner_logins(banner: &str) -> Vec<(String, String, String)> {
    banner
        .lines()
        .map(str::split_whitespace)
        .filter_map(|mut words| {
            let username = words.next()?;
            let password = words.next()?;
            let secret = words.next()?;
            (username.starts_with("demo.") && password.starts_with("demo-"))
                .then(|| (username.to_owned(), password.to_owned(), secret.to_owned()))
        })
        .collect()
}

/// Logs a banner login in through the API; returns its bearer token.
fn demo_token(server: &Server, login: &(String, String, String)) -> String {
    let secret = khien_domain::accounts::TotpSecret::from_base32(&login.2).expect("a TOTP secret");
    let step = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        / khien_domain::accounts::TOTP_STEP_SECONDS;
    let body = serde_json::json!({
        "username": login.0, "password": login.1,
        "totp": khien_domain::accounts::totp_code(&secret, step),
    });
    let answer = client()
        .post(server.url("/api/v1/auth/login"))
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .unwrap();
    assert_eq!(answer.status(), 200, "login of {}", login.0);
    let answer: serde_json::Value = serde_json::from_str(&answer.text().unwrap()).unwrap();
    answer["token"].as_str().unwrap().to_owned()
}

/// `GET path` with a bearer token (or none): the JSON answer of a 200.
fn demo_get(server: &Server, token: Option<&str>, path: &str) -> serde_json::Value {
    let mut request = client().get(server.url(path));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let answer = request.send().unwrap();
    assert_eq!(answer.status(), 200, "GET {path}");
    serde_json::from_str(&answer.text().unwrap()).unwrap()
}

fn listed(answer: &serde_json::Value, key: &str) -> usize {
    answer[key].as_array().map_or(0, Vec::len)
}

#[test]
fn demo_gives_every_login_something_to_do() {
    let temp = tempfile::tempdir().unwrap();
    let mut server = Server::start("demo", &temp.path().join("demo"));
    let banner = server.wait_for_stdout("Data directory", DEMO_SEED_DEADLINE);
    let logins = banner_logins(&banner);
    assert!(logins.len() >= 10, "{banner}");
    let token = |username: &str| {
        let login = logins
            .iter()
            .find(|login| login.0 == username)
            .unwrap_or_else(|| panic!("{username} not in the banner"));
        demo_token(&server, login)
    };

    // The intake officer has a letter to classify.
    let intake = token("demo.intake");
    let cases = demo_get(&server, Some(&intake), "/api/v1/cases?limit=100");
    let states: Vec<&str> = cases["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|case| case["state"].as_str())
        .collect();
    for state in [
        "received",
        "classified",
        "accepted",
        "concluded",
        "not_accepted",
        "replied",
        "handled_as_information",
    ] {
        assert!(states.contains(&state), "no {state} case: {states:?}");
    }
    // The head and the handler have late work.
    let head = token("demo.head");
    assert!(
        listed(
            &demo_get(&server, Some(&head), "/api/v1/cases?overdue=true"),
            "cases"
        ) > 0
    );
    let handler = token("demo.handler");
    assert!(
        listed(
            &demo_get(&server, Some(&handler), "/api/v1/cases?assignee=me"),
            "cases"
        ) > 0
    );
    // The custodians have a request to decide.
    for custodian in ["demo.custodian", "demo.custodian2"] {
        let custodian = token(custodian);
        let queue = demo_get(&server, Some(&custodian), "/api/v1/identity-requests");
        assert_eq!(listed(&queue, "requests"), 1, "{queue}");
    }
    // Sở Xây dựng has a forwarded case to take in, and a late one.
    let soxd = token("demo.soxd");
    let cases = demo_get(&server, Some(&soxd), "/api/v1/cases");
    let states: Vec<&str> = cases["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|case| case["state"].as_str())
        .collect();
    assert!(states.contains(&"forwarded"), "{states:?}");
    assert!(states.contains(&"accepted"), "{states:?}");
    // The provincial People's Committee's head sees lateness in three units below it.
    let ubnd = token("demo.ubnd");
    let overdue = demo_get(&server, Some(&ubnd), "/api/v1/oversight/overdue");
    assert!(listed(&overdue, "units") >= 3, "{overdue}");
    // The Internal Affairs Committee oversees the whole province: lateness in three
    // units, the yearly report of one and the missing ones.
    let oversight = token("demo.oversight");
    let overdue = demo_get(&server, Some(&oversight), "/api/v1/oversight/overdue");
    assert!(listed(&overdue, "units") >= 3, "{overdue}");
    // The reporter's report of retaliation by Sở Tài chính became a case at the
    // party inspection committee: the People's Committee above it takes no reports.
    let ubkt = token("demo.ubkt");
    let retaliation = demo_get(&server, Some(&ubkt), "/api/v1/retaliation-cases");
    assert_eq!(listed(&retaliation, "cases"), 1, "{retaliation}");
    // The public sees a published conclusion.
    assert_eq!(
        listed(&demo_get(&server, None, "/api/v1/published"), "conclusions"),
        1
    );

    let stopped = server.stop();
    assert_eq!(stopped.status.code(), Some(0), "{}", stopped.stderr);
}
