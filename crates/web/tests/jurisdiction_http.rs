//! Who oversees whom, over HTTP on both backends: the Ban Nội chính, which sits
//! under the provincial party committee with nothing below it, sees a Thanh tra
//! tỉnh case overdue and counts its submitted report once an administrator gives it
//! the whole province (API, console form and home page, audited); bad input named;
//! and a retaliation report against a unit whose superior has no staff goes to the
//! party inspection committee with jurisdiction — never to the accused unit.

use std::io::{Cursor, Read};

use khien_domain::accounts::{Role, UnitKind};
use khien_store::Backend;
use khien_testkit::{StaffClient, TestApp, spawn_app};
use serde_json::{Value, json};
use sqlx::Row;

async fn put(app: &TestApp, caller: &StaffClient, path: &str, body: &Value) -> (u16, Value) {
    let response = app
        .client
        .put(app.url(path))
        .bearer_auth(&caller.token)
        .json(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// A letter recorded by an intake officer; its tracking number.
async fn letter(app: &TestApp, officer: &StaffClient, unit: &str, received_on: &str) -> String {
    let (status, recorded) = officer
        .post(
            app,
            "/api/v1/intake",
            &json!({"channel": "letter", "received_on": received_on, "kind": "denunciation",
                    "unit": unit, "subject": "Nội dung kín QWX-5521", "content": "Nội dung.",
                    "identity": {"full_name": "Người Tố Cáo Kín", "id_number": "012345678"}}),
        )
        .await;
    assert_eq!(status, 201, "{recorded}");
    recorded["tracking_number"].as_str().unwrap().to_owned()
}

fn numbers(body: &Value) -> Vec<String> {
    body["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|case| case["tracking_number"].as_str().unwrap().to_owned())
        .collect()
}

/// The body XML of a DOCX.
fn docx_xml(bytes: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).unwrap();
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

async fn audited(app: &TestApp, action: &str) -> i64 {
    sqlx::query("SELECT COUNT(*) AS n FROM audit_entries WHERE action = $1")
        .bind(action)
        .fetch_one(app.store.reader())
        .await
        .unwrap()
        .get::<i64, _>("n")
}

/// The party tree (TU, its Ban Nội chính BNC) and the state tree (UBND, its Thanh
/// tra tỉnh TTT) side by side, as in the province.
async fn province(app: &TestApp) {
    app.seed_unit("TU", UnitKind::PartyCommittee, None).await;
    app.seed_unit("BNC", UnitKind::InternalAffairs, Some("TU"))
        .await;
    app.seed_unit("UBND", UnitKind::PeoplesCommittee, None)
        .await;
    app.seed_unit("TTT", UnitKind::Inspectorate, Some("UBND"))
        .await;
}

async fn the_ban_noi_chinh_oversees_the_province_once_given_it(backend: Backend) {
    let app = spawn_app(backend).await;
    province(&app).await;
    let officer = app
        .seed_user("tn.ttt", "TTT", vec![Role::Intake, Role::Handler])
        .await;
    let officer = StaffClient::log_in(&app, &officer).await;
    let ttt_head = app.seed_user("chanh.tt", "TTT", vec![Role::Head]).await;
    let ttt_head = StaffClient::log_in(&app, &ttt_head).await;
    let bnc = app
        .seed_user("ban.noi.chinh", "BNC", vec![Role::Oversight])
        .await;
    let bnc = StaffClient::log_in(&app, &bnc).await;
    let admin = app.seed_user("quan.tri", "TU", vec![Role::Admin]).await;
    let admin = StaffClient::log_in(&app, &admin).await;

    // Acceptance (7 working days) was due on 11/02/2025.
    let overdue = letter(&app, &officer, "TTT", "2025-01-24").await;
    let (status, before) = bnc.get(&app, "/api/v1/oversight/overdue").await;
    assert_eq!(status, 200, "{before}");
    assert_eq!(
        (before["total"].clone(), numbers(&before)),
        (json!(0), vec![])
    );
    let (_, home) = bnc.page(&app, "/staff").await;
    assert!(home.contains("Phạm vi giám sát"), "{home}");
    assert!(home.contains("Đơn vị mình và các đơn vị trực thuộc"));

    let (status, set) = put(
        &app,
        &admin,
        "/api/v1/units/BNC/jurisdiction",
        &json!({"whole_province": true}),
    )
    .await;
    assert_eq!(status, 200, "{set}");
    assert_eq!(set["jurisdiction"]["whole_province"], true);
    assert_eq!(set["jurisdiction"]["label"]["en"], "The whole province");

    let (_, after) = bnc.get(&app, "/api/v1/oversight/overdue").await;
    assert_eq!(numbers(&after), vec![overdue.clone()]);
    assert_eq!(after["cases"][0]["unit"], "TTT");
    assert_eq!(after["units"][0]["code"], "TTT");
    let (_, console) = bnc.page(&app, "/staff/oversight").await;
    assert!(console.contains(&overdue));
    let (_, home) = bnc.page(&app, "/staff").await;
    assert!(home.contains("id=\"jurisdiction\">Cả tỉnh<"), "{home}");
    let (_, english) = bnc.page(&app, "/staff?lang=en").await;
    assert!(english.contains("Jurisdiction") && english.contains("The whole province"));

    // TTT's head submits; the report counts in the Ban Nội chính's roll-up.
    let narrative = "Thanh tra tỉnh đã tổ chức tập huấn frobnicate.";
    let (status, submitted) = ttt_head
        .post(
            &app,
            "/api/v1/reports/submissions",
            &json!({"period": "2026-annual", "narrative": narrative}),
        )
        .await;
    assert_eq!(status, 201, "{submitted}");
    let (status, gathered) = bnc
        .get(&app, "/api/v1/reports/submissions?period=2026-annual")
        .await;
    assert_eq!(status, 200, "{gathered}");
    let ttt_row = gathered["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["unit"]["code"] == "TTT")
        .unwrap_or_else(|| panic!("TTT in {gathered}"))
        .clone();
    assert_eq!(ttt_row["submission"]["narrative"], narrative);
    let (_, figures) = bnc
        .get(&app, "/api/v1/reports/indicators?period=2025-annual")
        .await;
    assert_eq!(figures["total"]["received"], 1, "{figures}");

    let response = app
        .client
        .get(app.url("/api/v1/reports/2026-annual/document"))
        .bearer_auth(&bnc.token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let text = docx_xml(&response.bytes().await.unwrap());
    assert!(text.contains("Đơn vị TTT (TTT)"), "{text}");
    assert!(text.contains(&format!(">{narrative}<")), "{text}");
    assert!(text.contains("Đã gửi 1/4 đơn vị"), "{text}");
    assert!(!text.contains("QWX-5521") && !text.contains("Người Tố Cáo Kín"));

    // The console form: named subtrees instead, then back on the units page.
    let (status, location, _) = admin
        .form(
            &app,
            "/staff/admin/units/BNC/jurisdiction",
            &[
                ("scope", "subtrees"),
                ("subtrees", "UBND"),
                ("subtrees", "TU"),
            ],
        )
        .await;
    assert_eq!(
        (status, location.as_str()),
        (303, "/staff/admin/units#jurisdiction-BNC")
    );
    let (_, shown) = bnc.get(&app, "/api/v1/units/BNC/jurisdiction").await;
    assert_eq!(shown["jurisdiction"]["subtrees"], json!(["TU", "UBND"]));
    let (_, page) = admin.page(&app, "/staff/admin/units").await;
    assert!(page.contains("id=\"jurisdiction-BNC\""));
    assert!(
        page.contains("Đơn vị TU (TU), Đơn vị UBND (UBND)"),
        "{page}"
    );
    assert!(
        !page.contains("id=\"jurisdiction-UBND\""),
        "only oversight bodies"
    );
    assert_eq!(audited(&app, "unit.jurisdiction_set").await, 2);
    app.stop().await;
}

async fn a_bad_jurisdiction_is_named_and_only_an_administrator_sets_one(backend: Backend) {
    let app = spawn_app(backend).await;
    province(&app).await;
    let admin = app.seed_user("quan.tri", "TU", vec![Role::Admin]).await;
    let admin = StaffClient::log_in(&app, &admin).await;
    let bnc = app
        .seed_user("ban.noi.chinh", "BNC", vec![Role::Oversight, Role::Head])
        .await;
    let bnc = StaffClient::log_in(&app, &bnc).await;

    for (path, body, field) in [
        (
            "/api/v1/units/NOWHERE/jurisdiction",
            json!({"whole_province": true}),
            "unit",
        ),
        (
            "/api/v1/units/UBND/jurisdiction",
            json!({"whole_province": true}),
            "unit",
        ),
        (
            "/api/v1/units/BNC/jurisdiction",
            json!({"subtrees": ["GONE"]}),
            "subtrees",
        ),
        (
            "/api/v1/units/BNC/jurisdiction",
            json!({"subtrees": []}),
            "subtrees",
        ),
        (
            "/api/v1/units/BNC/jurisdiction",
            json!({"subtrees": ["x"]}),
            "subtrees",
        ),
        (
            "/api/v1/units/BNC/jurisdiction",
            json!({"whole_province": true, "subtrees": ["TTT"]}),
            "subtrees",
        ),
    ] {
        let (status, refused) = put(&app, &admin, path, &body).await;
        assert_eq!(
            (status, refused["field"].clone()),
            (400, json!(field)),
            "{path} {body}"
        );
    }
    let (_, refused) = put(
        &app,
        &admin,
        "/api/v1/units/UBND/jurisdiction",
        &json!({"whole_province": true}),
    )
    .await;
    assert!(
        refused["error"].to_string().contains("Thanh tra")
            || refused.to_string().contains("inspectorate"),
        "{refused}"
    );
    let (status, _) = put(
        &app,
        &bnc,
        "/api/v1/units/BNC/jurisdiction",
        &json!({"whole_province": true}),
    )
    .await;
    assert_eq!(status, 403, "not an administrator");
    let (status, _, _) = bnc
        .form(
            &app,
            "/staff/admin/units/BNC/jurisdiction",
            &[("scope", "whole_province")],
        )
        .await;
    assert_eq!(status, 403);
    let (status, _, page) = admin
        .form(
            &app,
            "/staff/admin/units/BNC/jurisdiction",
            &[("scope", "subtrees")],
        )
        .await;
    assert_eq!(status, 400);
    assert!(
        page.contains("hãy chọn cả tỉnh hoặc ít nhất một đơn vị"),
        "{page}"
    );
    assert_eq!(
        audited(&app, "unit.jurisdiction_set").await,
        0,
        "nothing stored"
    );
    let (_, shown) = bnc.get(&app, "/api/v1/units/BNC/jurisdiction").await;
    assert_eq!(shown["jurisdiction"]["set"], false);
    app.stop().await;
}

async fn retaliation_goes_to_the_inspection_committee_with_jurisdiction(backend: Backend) {
    let app = spawn_app(backend).await;
    province(&app).await;
    app.seed_unit("UBKT", UnitKind::PartyInspection, Some("TU"))
        .await;
    app.seed_unit("SO", UnitKind::Department, Some("UBND"))
        .await;
    // The accused department and the committee work on Khiên; UBND does not.
    let so = app
        .seed_user("tn.so", "SO", vec![Role::Intake, Role::Handler, Role::Head])
        .await;
    let so = StaffClient::log_in(&app, &so).await;
    let ubkt = app
        .seed_user(
            "kiem.tra",
            "UBKT",
            vec![Role::Intake, Role::Handler, Role::Head],
        )
        .await;
    let ubkt = StaffClient::log_in(&app, &ubkt).await;
    let admin = app.seed_user("quan.tri", "TU", vec![Role::Admin]).await;
    let admin = StaffClient::log_in(&app, &admin).await;

    let report = json!({
        "accused_unit": "SO",
        "accused_name": "Trần Văn Trù Dập",
        "accused_position": "Phó Giám đốc",
        "what_happened": "Điều chuyển người tố cáo sau khi tố cáo.",
        "when": "Tháng trước",
    });
    let (status, refused) = app
        .post_json("/api/v1/retaliation-reports", None, &report)
        .await;
    assert_eq!(status, 400, "no unit but the accused one: {refused}");
    assert!(refused.to_string().contains("accused_unit"), "{refused}");
    assert_eq!(
        so.get(&app, "/api/v1/cases").await.1["cases"]
            .as_array()
            .unwrap()
            .len(),
        0,
        "nothing stored, least of all at the accused unit"
    );

    let (status, _) = put(
        &app,
        &admin,
        "/api/v1/units/UBKT/jurisdiction",
        &json!({"whole_province": true}),
    )
    .await;
    assert_eq!(status, 200);
    let (status, created) = app
        .post_json("/api/v1/retaliation-reports", None, &report)
        .await;
    assert_eq!(status, 201, "{created}");
    let tracking = created["tracking_number"].as_str().unwrap();
    let (_, inbox) = ubkt.get(&app, "/api/v1/cases").await;
    let case = inbox["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|case| case["tracking_number"] == tracking)
        .unwrap_or_else(|| panic!("{tracking} at UBKT: {inbox}"))
        .clone();
    let id = case["id"].as_str().unwrap();
    let (_, detail) = ubkt.get(&app, &format!("/api/v1/cases/{id}")).await;
    let subject = detail["subject"].as_str().unwrap_or_default();
    assert!(
        subject.contains("Trần Văn Trù Dập") && subject.contains("Đơn vị SO"),
        "the accused named in the title: {detail}"
    );
    assert!(!subject.contains("UBKT"));
    let (_, so_inbox) = so.get(&app, "/api/v1/cases").await;
    assert!(
        !so_inbox.to_string().contains(tracking),
        "never the accused unit"
    );
    let (status, _) = so.get(&app, &format!("/api/v1/cases/{id}")).await;
    assert_eq!(status, 404);
    app.stop().await;
}

async fn a_reporter_names_who_retaliated_and_the_case_goes_above_them(backend: Backend) {
    let app = spawn_app(backend).await;
    province(&app).await;
    app.seed_unit("SO", UnitKind::Department, Some("UBND"))
        .await;
    app.seed_unit("PHONG", UnitKind::Other, Some("SO")).await;
    let ttt = app
        .seed_user("tn.ttt", "TTT", vec![Role::Intake, Role::Handler])
        .await;
    let ttt = StaffClient::log_in(&app, &ttt).await;
    let so = app
        .seed_user("tn.so", "SO", vec![Role::Intake, Role::Handler, Role::Head])
        .await;
    let so = StaffClient::log_in(&app, &so).await;
    let (status, created) = app
        .post_json(
            "/api/v1/reports",
            None,
            &json!({"kind": "denunciation", "unit": "TTT",
                    "subject": "Nâng khống giá thiết bị", "content": "Phòng vật tư nâng giá."}),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    let (_, session) = app
        .post_json(
            "/api/v1/whistleblower/session",
            None,
            &json!({"receipt": created["receipt"]}),
        )
        .await;
    let ticket = session["token"].as_str().unwrap().to_owned();
    let told = |accused_unit: &'static str| {
        json!({"accused_unit": accused_unit, "accused_name": "Lê Thị Trù Dập",
               "accused_position": "Trưởng phòng",
               "what_happened": "Bị điều chuyển xuống kho.", "when": "Tháng 3/2026"})
    };

    // Unknown, or nobody but the accused could take it: named, nothing stored.
    for unit in ["NOWHERE", "UBND"] {
        let (status, refused) = app
            .post_json(
                "/api/v1/whistleblower/retaliation-reports",
                Some(&ticket),
                &told(unit),
            )
            .await;
        assert_eq!(
            (status, refused["field"].clone()),
            (400, json!("accused_unit")),
            "{unit}"
        );
    }
    let (_, mine) = app.get_json("/api/v1/whistleblower/report", &ticket).await;
    assert_eq!(
        mine["retaliation_reports"],
        json!([]),
        "nothing half-stored"
    );

    let (status, sent) = app
        .post_json(
            "/api/v1/whistleblower/retaliation-reports",
            Some(&ticket),
            &told("PHONG"),
        )
        .await;
    assert_eq!(status, 201, "{sent}");
    let tracking = sent["linked_case"]["tracking_number"].as_str().unwrap();
    let (_, inbox) = so.get(&app, "/api/v1/cases").await;
    let case = inbox["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|case| case["tracking_number"] == tracking)
        .unwrap_or_else(|| panic!("{tracking} at the superior SO: {inbox}"))
        .clone();
    let (_, detail) = so
        .get(
            &app,
            &format!("/api/v1/cases/{}", case["id"].as_str().unwrap()),
        )
        .await;
    let subject = detail["subject"].as_str().unwrap_or_default();
    assert!(
        subject.contains("Lê Thị Trù Dập, Trưởng phòng, Đơn vị PHONG"),
        "the unit named, not the handling unit: {detail}"
    );
    assert!(!subject.contains("Đơn vị TTT"));
    let (_, ttt_inbox) = ttt.get(&app, "/api/v1/cases").await;
    assert!(!ttt_inbox.to_string().contains(tracking));
    app.stop().await;
}

khien_testkit::on_both_backends!(
    the_ban_noi_chinh_oversees_the_province_once_given_it,
    a_bad_jurisdiction_is_named_and_only_an_administrator_sets_one,
    retaliation_goes_to_the_inspection_committee_with_jurisdiction,
    a_reporter_names_who_retaliated_and_the_case_goes_above_them,
);
