//! The public report form marks, before sending, a unit that does not take reports
//! through Khiên (nobody there holds its keys) and names the unit that receives
//! instead; a report sent to it goes to the default intake unit, which is told on
//! the receipt. On SQLite and PostgreSQL.

use khien_domain::accounts::{Role, UnitKind};
use khien_testkit::{Backend, TestApp, current_step, spawn_app};
use reqwest::multipart::Form;
use serde_json::Value;

fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker).expect("the hidden field") + marker.len();
    html[start..start + html[start..].find('"').unwrap()].to_owned()
}

async fn page(app: &TestApp, path: &str) -> String {
    let response = app.client.get(app.url(path)).send().await.unwrap();
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.unwrap()
}

async fn a_unit_not_on_khien_is_marked_before_sending(backend: Backend) {
    let app = spawn_app(backend).await;
    // TTT, the root, is the default intake unit and has staff; SXD has none.
    app.seed_unit("TTT", UnitKind::Inspectorate, None).await;
    app.seed_unit("SXD", UnitKind::Department, Some("TTT"))
        .await;
    let officer = app
        .seed_user("tiep.nhan", "TTT", vec![Role::Intake, Role::Handler])
        .await;
    let (token, _) = app.api_login(&officer, current_step()).await;

    // English first: each form page issues its own form cookie.
    let english = page(&app, "/report/new?lang=en").await;
    assert!(
        english.contains("this unit does not take reports through Khiên yet; Đơn vị TTT will"),
        "{english}"
    );
    let form = page(&app, "/report/new").await;
    assert!(
        form.contains(
            "<option value=\"SXD\">— Đơn vị SXD — Đơn vị này chưa tiếp nhận qua Khiên; phản ánh \
             sẽ do Đơn vị TTT tiếp nhận và chuyển đến</option>"
        ),
        "{form}"
    );
    assert!(
        form.contains("<option value=\"TTT\">Đơn vị TTT</option>"),
        "{form}"
    );

    // Sent to SXD: received by TTT, and the receipt says so.
    let response = app
        .client
        .post(app.url("/report"))
        .multipart(
            Form::new()
                .text("csrf_token", hidden(&form, "csrf_token"))
                .text("kind", "denunciation")
                .text("unit", "SXD")
                .text("subject", "Cấp phép sai")
                .text("content", "Chuyên viên cấp phép xây dựng trái quy định.")
                .text("when_where", "Tháng 3/2026, xã A")
                .text("accused_name", "Nguyễn Văn B")
                .text("accused_position", "Chuyên viên")
                .text("accused_organisation", "Đơn vị SXD")
                .text("identity_choice", "anonymous")
                .text("send", "1"),
        )
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let receipt = response.text().await.unwrap();
    assert_eq!(status, 200, "{receipt}");
    assert!(receipt.contains("id=\"rerouted\""), "{receipt}");
    let (_, inbox): (u16, Value) = app.get_json("/api/v1/cases", &token).await;
    assert_eq!(inbox["cases"].as_array().unwrap().len(), 1, "{inbox}");
    app.stop().await;
}

khien_testkit::on_both_backends!(a_unit_not_on_khien_is_marked_before_sending,);
