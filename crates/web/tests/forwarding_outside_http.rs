//! Forwarding to a body not on Khiên, over HTTP on both backends: the forward form
//! offers the routing proposal's unit first and marks units with no staff here; a case
//! forwarded to such a unit, or to an outside agency by name, leaves the sending unit's
//! inbox (the `forwarded_outside` stage still finds it), its forwarding letter names
//! the recipient, the deadline is met on the letter's date, and the reporter is told
//! where it went. Bad input is refused, naming the field, and nothing is stored.

use std::io::{Cursor, Read};

use chrono::{Duration, Utc};
use khien_domain::accounts::{Role, UnitKind};
use khien_store::Backend;
use khien_testkit::{StaffClient, TestApp, spawn_app};
use serde_json::{Value, json};

/// Today in Vietnam (UTC+7).
fn today() -> String {
    (Utc::now() + Duration::hours(7)).date_naive().to_string()
}

/// A named denunciation about an official of SXD, classified as not the sender's.
async fn case_about_sxd(app: &TestApp, sender: &StaffClient) -> (String, String) {
    let (status, recorded) = sender
        .post(
            app,
            "/api/v1/intake",
            &json!({
                "channel": "letter", "received_on": today(), "kind": "denunciation",
                "unit": "TTT", "subject": "Sai phạm cấp phép xây dựng", "content": "Nội dung.",
                "accused": [{"name": "Trần Văn Bình", "position": "Chuyên viên",
                             "organisation": "Đơn vị SXD"}],
                "identity": {"full_name": "Lê Văn F", "id_number": "012345679"},
            }),
        )
        .await;
    assert_eq!(status, 201, "{recorded}");
    let case = recorded["id"].as_str().unwrap().to_owned();
    let (status, answer) = sender
        .post(
            app,
            &format!("/api/v1/cases/{case}/actions"),
            &json!({"action": "classify", "as": "not_ours"}),
        )
        .await;
    assert_eq!(status, 200, "{answer}");
    (case, recorded["receipt"].as_str().unwrap().to_owned())
}

fn event_count(detail: &Value) -> usize {
    detail["events"].as_array().map_or(0, Vec::len)
}

/// The visible text of a DOCX's `word/document.xml`.
async fn docx_text(app: &TestApp, sender: &StaffClient, path: &str) -> String {
    let response = sender
        .client
        .get(app.url(path))
        .bearer_auth(&sender.token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200, "{path}");
    let bytes = response.bytes().await.unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).expect("a zip");
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .expect("a document part")
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

async fn a_case_goes_to_a_unit_not_on_khien_and_to_an_outside_agency(backend: Backend) {
    let app = spawn_app(backend).await;
    app.seed_unit("UBT", UnitKind::PeoplesCommittee, None).await;
    app.seed_unit("TTT", UnitKind::Inspectorate, Some("UBT"))
        .await;
    // SXD has nobody on Khiên; SNV does.
    app.seed_unit("SXD", UnitKind::Department, Some("UBT"))
        .await;
    app.seed_unit("SNV", UnitKind::Department, Some("UBT"))
        .await;
    let user = app
        .seed_user("gui", "TTT", vec![Role::Intake, Role::Handler])
        .await;
    app.seed_user("nhan", "SNV", vec![Role::Intake, Role::Handler])
        .await;
    let sender = StaffClient::log_in(&app, &user).await;
    let (case, receipt) = case_about_sxd(&app, &sender).await;
    let actions = format!("/api/v1/cases/{case}/actions");

    // The forward form: a choice list, the proposed SXD first, marked not on Khiên.
    let (status, page) = sender.page(&app, &format!("/staff/cases/{case}")).await;
    assert_eq!(status, 200);
    let sxd = page
        .find("<option value=\"SXD\" class=\"proposed\">")
        .expect(&page);
    let ubt = page
        .find("<option value=\"UBT\">")
        .expect("every unit is offered");
    assert!(sxd < ubt, "the proposal comes first");
    assert!(page[sxd..].starts_with(
        "<option value=\"SXD\" class=\"proposed\">Đề xuất: Đơn vị SXD (SXD) — chưa dùng Khiên</option>"
    ));
    assert!(page.contains("<option value=\"SNV\">Đơn vị SNV (SNV)</option>"));
    assert!(!page.contains("<option value=\"TTT\""), "not its own unit");
    assert!(page.contains("name=\"to_agency\""));

    // Bad input: each names its field; nothing is stored.
    let before = event_count(&sender.get(&app, &format!("/api/v1/cases/{case}")).await.1);
    for (body, field) in [
        (
            json!({"action": "forward", "to_unit": "SXD", "to_agency": "Công an huyện X"}),
            "to_agency",
        ),
        (
            json!({"action": "forward", "to_agency": "   "}),
            "to_agency",
        ),
        (
            json!({"action": "forward", "to_unit": "KHONGCO"}),
            "to_unit",
        ),
        (json!({"action": "forward"}), "to_unit"),
    ] {
        let (status, refused) = sender.post(&app, &actions, &body).await;
        assert_eq!(
            (status, refused["field"].clone()),
            (400, json!(field)),
            "{body}"
        );
    }
    let detail = sender.get(&app, &format!("/api/v1/cases/{case}")).await.1;
    assert_eq!(
        (event_count(&detail), detail["state"].clone()),
        (before, json!("classified"))
    );

    // Forwarded with its letter to SXD, which is not on Khiên.
    let (status, sent) = sender
        .post(
            &app,
            &format!("/api/v1/cases/{case}/documents"),
            &json!({"type": "forwarding_letter", "to_unit": "SXD",
                    "signer_name": "Nguyễn Hữu Phúc", "signer_title": "Chánh Thanh tra",
                    "accused_honorific": "ong",
                    "reason": "người bị tố cáo là công chức của Sở (Điều 13 Luật Tố cáo)"}),
        )
        .await;
    assert_eq!(status, 201, "{sent}");
    assert_eq!(sent["forwarded_to"], "SXD");
    let (status, detail) = sender.get(&app, &format!("/api/v1/cases/{case}")).await;
    assert_eq!(status, 200, "the sender keeps the case");
    assert_eq!(detail["state"], "forwarded_outside");
    let forwarding = detail["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "forwarding")
        .cloned()
        .expect("a forwarding deadline");
    assert_eq!(
        (forwarding["met"].clone(), forwarding["done_on"].clone()),
        (json!(true), json!(today()))
    );
    let last = detail["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (last["to_unit"].clone(), last["outside"].clone()),
        (json!("SXD"), json!("Đơn vị SXD"))
    );
    // The letter downloads and is addressed to SXD.
    let letter = format!(
        "/api/v1/cases/{case}/documents/{}",
        sent["id"].as_str().unwrap()
    );
    let xml = docx_text(&app, &sender, &letter).await;
    assert!(xml.contains("Kính gửi: Đơn vị SXD"), "{xml}");
    // It left the inbox; the stage filter finds it.
    let inbox = sender.get(&app, "/api/v1/cases").await.1;
    assert_eq!(inbox["cases"].as_array().unwrap().len(), 0, "{inbox}");
    let outside = sender
        .get(&app, "/api/v1/cases?stage=forwarded_outside")
        .await
        .1;
    assert_eq!(outside["cases"].as_array().unwrap().len(), 1, "{outside}");

    // The reporter is told where it went, and that it is handled outside Khiên.
    let (_, session) = app
        .post_json(
            "/api/v1/whistleblower/session",
            None,
            &json!({"receipt": receipt}),
        )
        .await;
    let ticket = session["token"].as_str().unwrap();
    let mine = app.get_json("/api/v1/whistleblower/report", ticket).await.1;
    let told = mine.to_string();
    assert!(told.contains("Đơn vị SXD"), "{mine}");
    assert!(told.contains("ngoài Khiên"), "{mine}");

    // An outside agency by name, through the action.
    let (other, _) = case_about_sxd(&app, &sender).await;
    let (status, answer) = sender
        .post(
            &app,
            &format!("/api/v1/cases/{other}/actions"),
            &json!({"action": "forward", "to_agency": " Công an huyện X, tỉnh Y "}),
        )
        .await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["state"], "forwarded_outside");
    let last = answer["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (last["to_unit"].clone(), last["outside"].clone()),
        (json!(""), json!("Công an huyện X, tỉnh Y"))
    );
    let outside = sender
        .get(&app, "/api/v1/cases?stage=forwarded_outside")
        .await
        .1;
    assert_eq!(outside["cases"].as_array().unwrap().len(), 2, "{outside}");
    app.stop().await;
}

khien_testkit::on_both_backends!(a_case_goes_to_a_unit_not_on_khien_and_to_an_outside_agency,);
