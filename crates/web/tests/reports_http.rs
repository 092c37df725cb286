//! Periodic reports over HTTP: cases taken through the workflow give each unit's
//! figures and the subtree's total; heads submit (one on time, one late, one
//! missing); the oversight unit sees who has; the consolidated DOCX; and who may see
//! what. On SQLite and PostgreSQL.

use std::io::{Cursor, Read};

use chrono::{TimeZone, Utc};
use khien_domain::accounts::{Role, UnitCode, UnitKind};
use khien_domain::reporting::{Indicators, Narrative};
use khien_store::Backend;
use khien_store::reporting::NewReportSubmission;
use khien_testkit::{TestApp, current_step, spawn_app};
use serde_json::{Value, json};

const REPORTER: &str = "Phạm Văn Tố Giác";
const SUBJECT: &str = "Sai phạm đấu thầu xyzzy";

struct Member {
    token: String,
    id: String,
}

async fn member(app: &TestApp, username: &str, unit: &str, roles: Vec<Role>) -> Member {
    let user = app.seed_user(username, unit, roles).await;
    let (token, _) = app.api_login(&user, current_step()).await;
    let me = app.get_json("/api/v1/auth/me", &token).await.1;
    Member {
        token,
        id: me["id"].as_str().unwrap_or_default().to_owned(),
    }
}

async fn letter(app: &TestApp, officer: &Member, unit: &str, received_on: &str) -> String {
    let (status, recorded) = app
        .post_json(
            "/api/v1/intake",
            Some(&officer.token),
            &json!({
                "channel": "letter", "received_on": received_on, "kind": "denunciation",
                "unit": unit, "subject": SUBJECT, "content": "Nội dung đơn.",
                "identity": {"full_name": REPORTER, "id_number": "012345678"},
            }),
        )
        .await;
    assert_eq!(status, 201, "{recorded}");
    recorded["id"].as_str().unwrap().to_owned()
}

async fn act(app: &TestApp, officer: &Member, case: &str, body: Value) {
    let (status, answer) = app
        .post_json(
            &format!("/api/v1/cases/{case}/actions"),
            Some(&officer.token),
            &body,
        )
        .await;
    assert_eq!(status, 200, "{body} → {answer}");
}

fn unit_row<'a>(answer: &'a Value, code: &str) -> &'a Value {
    answer["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["unit"]["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {answer}"))
}

async fn oversight_gathers_the_units_reports(backend: Backend) {
    let app = spawn_app(backend).await;
    // A party body (Ban Nội chính): its report carries the party letterhead.
    app.seed_unit("BNC", UnitKind::InternalAffairs, None).await;
    app.seed_unit("TTT", UnitKind::Inspectorate, Some("BNC"))
        .await;
    app.seed_unit("SXD", UnitKind::Department, Some("BNC"))
        .await;
    app.seed_unit("SNV", UnitKind::Department, Some("BNC"))
        .await;
    app.seed_unit("KHAC", UnitKind::Department, None).await;
    let ttt_officer = member(
        &app,
        "ttt.officer",
        "TTT",
        vec![Role::Intake, Role::Handler],
    )
    .await;
    let sxd_officer = member(
        &app,
        "sxd.officer",
        "SXD",
        vec![Role::Intake, Role::Handler],
    )
    .await;
    let ttt_head = member(&app, "ttt.head", "TTT", vec![Role::Head]).await;
    let sxd_head = member(&app, "sxd.head", "SXD", vec![Role::Head]).await;
    let oversight = member(&app, "bnc.oversight", "BNC", vec![Role::Oversight]).await;
    let stranger = member(&app, "khac.head", "KHAC", vec![Role::Head]).await;

    // TTT: one denunciation accepted and concluded correct, one not accepted.
    let concluded = letter(&app, &ttt_officer, "TTT", "2026-01-05").await;
    act(
        &app,
        &ttt_officer,
        &concluded,
        json!({"action": "classify", "as": "denunciation"}),
    )
    .await;
    act(&app, &ttt_officer, &concluded, json!({"action": "accept", "decided_on": "2026-01-09",
        "conditions": {"formalities_met": true, "capacity": true, "competent": true, "identifies_violation": true}})).await;
    act(
        &app,
        &ttt_officer,
        &concluded,
        json!({"action": "assign_verifiers", "verifiers": [ttt_officer.id]}),
    )
    .await;
    act(
        &app,
        &ttt_officer,
        &concluded,
        json!({"action": "conclude", "decided_on": "2026-02-02",
        "finding": "correct", "measures": ["Kiểm điểm"],
        "amount_to_recover_vnd": 30000000, "persons_to_discipline": 2}),
    )
    .await;
    let refused = letter(&app, &ttt_officer, "TTT", "2026-03-02").await;
    act(
        &app,
        &ttt_officer,
        &refused,
        json!({"action": "classify", "as": "denunciation"}),
    )
    .await;
    act(
        &app,
        &ttt_officer,
        &refused,
        json!({"action": "reject", "decided_on": "2026-03-04",
        "grounds": "Đã được giải quyết"}),
    )
    .await;
    // SXD: one left open (overdue by the period's end), one received after the period.
    letter(&app, &sxd_officer, "SXD", "2026-04-01").await;

    // Oversight sees every unit below it and the total, matching the hand counts.
    let (status, figures) = app
        .get_json(
            "/api/v1/reports/indicators?period=2026-annual",
            &oversight.token,
        )
        .await;
    assert_eq!(status, 200, "{figures}");
    let codes: Vec<&str> = figures["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["unit"]["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["BNC", "SNV", "SXD", "TTT"]);
    let ttt = &unit_row(&figures, "TTT")["indicators"];
    assert_eq!(ttt["received_denunciations"], 2);
    assert_eq!(ttt["accepted"], 1);
    assert_eq!(ttt["resolved_correct"], 1);
    assert_eq!(ttt["not_accepted"], 1);
    assert_eq!(ttt["amount_to_recover_vnd"], 30_000_000);
    assert_eq!(ttt["persons_to_discipline"], 2);
    assert_eq!(ttt["resolved_on_time"], 1);
    assert_eq!(ttt["open_at_end"], 0);
    let sxd = &unit_row(&figures, "SXD")["indicators"];
    assert_eq!(
        (sxd["received"].clone(), sxd["open_at_end"].clone()),
        (json!(1), json!(1))
    );
    assert_eq!(sxd["overdue_at_end"], 1);
    let total = &figures["total"];
    assert_eq!(total["received"], 3);
    assert_eq!(total["finished"], 2);
    assert_eq!(total["open_at_end"], 1);
    assert_eq!(total["counted"], 3);
    assert_eq!(total["balances"], true);
    assert_eq!(figures["period"]["deadline"]["before"], "2026-12-15");
    assert_eq!(figures["period"]["deadline"]["verified"], true);

    // A head sees their own unit; a sibling is out of their subtree.
    let (status, own) = app
        .get_json(
            "/api/v1/reports/indicators?period=2026-annual",
            &ttt_head.token,
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(own["units"].as_array().unwrap().len(), 1);
    assert_eq!(own["total"]["received"], 2);
    let (status, _) = app
        .get_json(
            "/api/v1/reports/indicators?period=2026-annual&unit=SXD",
            &ttt_head.token,
        )
        .await;
    assert_eq!(status, 403);
    // Oversight may narrow to one unit of its subtree.
    let (status, narrowed) = app
        .get_json(
            "/api/v1/reports/indicators?period=2026-annual&unit=SXD",
            &oversight.token,
        )
        .await;
    assert_eq!(
        (status, narrowed["total"]["received"].clone()),
        (200, json!(1))
    );
    // Another branch's head sees nothing of this subtree; a handler nothing at all.
    let (status, _) = app
        .get_json(
            "/api/v1/reports/indicators?period=2026-annual&unit=TTT",
            &stranger.token,
        )
        .await;
    assert_eq!(status, 403);
    let (_, theirs) = app
        .get_json(
            "/api/v1/reports/indicators?period=2026-annual",
            &stranger.token,
        )
        .await;
    assert_eq!(theirs["units"].as_array().unwrap().len(), 1);
    assert_eq!(theirs["total"]["received"], 0);
    let (status, _) = app
        .get_json(
            "/api/v1/reports/submissions?period=2026-annual",
            &stranger.token,
        )
        .await;
    assert_eq!(status, 200);
    for path in [
        "/api/v1/reports/indicators?period=2026-annual",
        "/api/v1/reports/submissions?period=2026-annual",
    ] {
        let (status, _) = app.get_json(path, &ttt_officer.token).await;
        assert_eq!(status, 403, "{path}");
    }
    let (status, bad) = app
        .get_json(
            "/api/v1/reports/indicators?period=2026-q5",
            &oversight.token,
        )
        .await;
    assert_eq!((status, bad["field"].clone()), (400, json!("period")));

    // The TTT head submits for 2026; again only with a reason, as a new revision.
    let narrative = "Đã quán triệt Kế hoạch; tổ chức tập huấn plugh.";
    let (status, first) = app
        .post_json(
            "/api/v1/reports/submissions",
            Some(&ttt_head.token),
            &json!({"period": "2026-annual", "narrative": narrative}),
        )
        .await;
    assert_eq!(status, 201, "{first}");
    assert_eq!(first["revision"], 1);
    assert_eq!(first["indicators"]["received"], 2);
    let (status, again) = app
        .post_json(
            "/api/v1/reports/submissions",
            Some(&ttt_head.token),
            &json!({"period": "2026-annual", "narrative": narrative}),
        )
        .await;
    assert_eq!((status, again["field"].clone()), (409, json!("reason")));
    let (status, revised) = app
        .post_json(
            "/api/v1/reports/submissions",
            Some(&ttt_head.token),
            &json!({"period": "2026-annual", "narrative": narrative, "reason": "Bổ sung"}),
        )
        .await;
    assert_eq!((status, revised["revision"].clone()), (201, json!(2)));
    let (status, _) = app
        .post_json(
            "/api/v1/reports/submissions",
            Some(&oversight.token),
            &json!({"period": "2026-annual", "narrative": narrative}),
        )
        .await;
    assert_eq!(status, 403, "only a head submits");
    let (status, empty) = app
        .post_json(
            "/api/v1/reports/submissions",
            Some(&sxd_head.token),
            &json!({"period": "2026-annual", "narrative": "  "}),
        )
        .await;
    assert_eq!((status, empty["field"].clone()), (400, json!("narrative")));

    // 2025: TTT's report arrived on 10/12/2025, SXD's only now, SNV's never.
    let ttt_unit = app
        .store
        .unit_by_code(&UnitCode::parse("TTT").unwrap())
        .await
        .unwrap()
        .unwrap();
    let head_id = app
        .store
        .user_by_username(&khien_domain::accounts::Username::parse("ttt.head").unwrap())
        .await
        .unwrap()
        .unwrap()
        .id;
    assert_eq!(head_id.as_str(), ttt_head.id);
    app.store
        .submit_unit_report(NewReportSubmission {
            unit_id: &ttt_unit.id,
            period: "2025-annual".parse().unwrap(),
            indicators: Indicators::default(),
            narrative: &Narrative::parse("Báo cáo năm 2025.").unwrap(),
            reason: None,
            submitted_by: &head_id,
            now: Utc.with_ymd_and_hms(2025, 12, 10, 3, 0, 0).unwrap(),
        })
        .await
        .unwrap();
    let (status, _) = app
        .post_json(
            "/api/v1/reports/submissions",
            Some(&sxd_head.token),
            &json!({"period": "2025-annual", "narrative": "Báo cáo muộn."}),
        )
        .await;
    assert_eq!(status, 201);
    let (status, gathered) = app
        .get_json(
            "/api/v1/reports/submissions?period=2025-annual",
            &oversight.token,
        )
        .await;
    assert_eq!(status, 200, "{gathered}");
    assert_eq!(unit_row(&gathered, "TTT")["status"], "on_time");
    assert_eq!(unit_row(&gathered, "SXD")["status"], "late");
    assert_eq!(unit_row(&gathered, "SNV")["status"], "missing");
    assert_eq!(unit_row(&gathered, "SNV")["submission"], Value::Null);
    assert_eq!(
        unit_row(&gathered, "SXD")["submission"]["narrative"],
        "Báo cáo muộn."
    );
    let (_, this_year) = app
        .get_json(
            "/api/v1/reports/submissions?period=2026-annual",
            &oversight.token,
        )
        .await;
    let ttt_2026 = &unit_row(&this_year, "TTT")["submission"];
    assert_eq!(ttt_2026["revision"], 2);
    assert_eq!(ttt_2026["narrative"], narrative);
    assert_eq!(ttt_2026["indicators"]["resolved_correct"], 1);

    // The consolidated report: title, the total, each unit's text, Times New Roman,
    // nothing of the reporter or the case.
    let response = app
        .client
        .get(app.url("/api/v1/reports/2026-annual/document"))
        .bearer_auth(&oversight.token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .contains("wordprocessingml")
    );
    let bytes = response.bytes().await.unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).unwrap();
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let text = visible_text(&xml);
    for line in [
        "BÁO CÁO",
        "Kết quả thực hiện Kế hoạch thực hiện Chỉ thị số 27-CT/TW của Bộ Chính trị năm 2026",
        "I. SỐ LIỆU",
        "Tiếp nhận trong kỳ",
        narrative,
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "*",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "missing {line:?} in\n{text}"
        );
    }
    // Party numbering, left blank for the records office: "Số       -BC/BNC".
    assert!(text.contains("-BC/BNC"), "{text}");
    assert!(
        !text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        "{text}"
    );
    // The "received" row: BNC 0, SNV 0, SXD 1, TTT 2, total 3.
    assert!(
        text.contains("Tiếp nhận trong kỳ\n0\n0\n1\n2\n3\n"),
        "{text}"
    );
    assert!(xml.contains("w:ascii=\"Times New Roman\""));
    assert!(!text.contains(REPORTER) && !text.contains(SUBJECT));

    // The console page: the table, the form for a head, the status for oversight.
    let page = console_page(
        &app,
        "ttt.head.web",
        "TTT",
        Role::Head,
        "?period=2026-annual&lang=en",
    )
    .await;
    assert!(page.contains("id=\"figures\""), "{page}");
    assert!(page.contains("id=\"submit-report\""));
    assert!(page.contains("href=\"/staff/reports/2026-annual/document?lang=en\""));
    let page = console_page(
        &app,
        "bnc.oversight.web",
        "BNC",
        Role::Oversight,
        "?period=2025-annual",
    )
    .await;
    assert!(page.contains("status-late") && page.contains("status-missing"));
    assert!(!page.contains("id=\"submit-report\""));

    app.stop().await;
}

/// The text of each paragraph and table cell on its own line.
fn visible_text(xml: &str) -> String {
    let mut out = String::new();
    for paragraph in xml.split("</w:p>") {
        for piece in paragraph.split("<w:t").skip(1) {
            let Some((tag, rest)) = piece.split_once('>') else {
                continue;
            };
            if tag.is_empty() || tag.starts_with(' ') {
                out.push_str(&rest[..rest.find("</w:t>").unwrap_or(rest.len())]);
            }
        }
        out.push('\n');
    }
    out
}

/// `/staff/reports` as a fresh staff member of `unit` sees it in the browser.
async fn console_page(
    app: &TestApp,
    username: &str,
    unit: &str,
    role: Role,
    query: &str,
) -> String {
    let user = app.seed_user(username, unit, vec![role]).await;
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let login = client
        .post(app.url("/api/v1/auth/login"))
        .json(
            &json!({"username": username, "password": khien_testkit::TEST_PASSWORD,
            "totp": user.code_at(current_step())}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 200);
    let response = client
        .get(app.url(&format!("/staff/reports{query}")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response.text().await.unwrap()
}

khien_testkit::on_both_backends!(oversight_gathers_the_units_reports);
