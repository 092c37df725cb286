//! The legal basis of deadlines and routing proposals, Vietnamese first: the
//! console's case page cites "Khoản 1 Điều 24 Luật Tố cáo 2018" (with `?lang=en`,
//! "LTC Art. 24(1)"), marks an unverified figure in the page's language, and the
//! API carries both citations. On SQLite and PostgreSQL.

use khien_domain::accounts::{Role, UnitKind};
use khien_store::Backend;
use khien_testkit::{TestApp, current_step, spawn_app};
use serde_json::{Value, json};

/// An app with one unit and an officer of it who records and handles cases, logged
/// in (the console's session cookie is in the app's client).
async fn officer(backend: Backend) -> (TestApp, String) {
    let app = spawn_app(backend).await;
    app.seed_unit("TTT", UnitKind::Inspectorate, None).await;
    let user = app
        .seed_user("can.bo", "TTT", vec![Role::Intake, Role::Handler])
        .await;
    let (token, _) = app.api_login(&user, current_step()).await;
    (app, token)
}

/// A letter received on `received_on` accusing someone of an unknown body.
async fn letter(app: &TestApp, token: &str, received_on: &str) -> String {
    let (status, recorded) = app
        .post_json(
            "/api/v1/intake",
            Some(token),
            &json!({
                "channel": "letter", "received_on": received_on, "kind": "denunciation",
                "unit": "TTT", "subject": "Đơn tố cáo", "content": "Nội dung đơn.",
                "accused": [{"name": "Trần Văn Bình", "position": "Kế toán",
                             "organisation": "Công ty Ánh Dương"}],
                "identity": {"full_name": "Phạm Văn E", "id_number": "012345678"},
            }),
        )
        .await;
    assert_eq!(status, 201, "{recorded}");
    recorded["id"].as_str().unwrap().to_owned()
}

async fn page(app: &TestApp, path: &str) -> String {
    let response = app.client.get(app.url(path)).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 200, "{path}");
    response.text().await.unwrap()
}

/// The part of `html` from `start` to the next `end`.
fn section<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    html.split(start)
        .nth(1)
        .and_then(|rest| rest.split(end).next())
        .unwrap_or_else(|| panic!("no {start} in {html}"))
}

/// The basis cells of the deadlines table.
fn basis_cells(html: &str) -> Vec<String> {
    section(html, "<table id=\"deadlines\">", "</table>")
        .split("<td class=\"basis\">")
        .skip(1)
        .map(|cell| cell.split("</td>").next().unwrap_or_default().to_owned())
        .collect()
}

fn deadline(answer: &Value, kind: &str) -> Value {
    answer["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} deadline in {answer}"))
        .clone()
}

async fn the_case_page_cites_the_law_in_the_page_language(backend: Backend) {
    let (app, token) = officer(backend).await;
    let case = letter(&app, &token, "2025-01-24").await;

    // The API keeps the English citation and adds the Vietnamese one.
    let (status, detail) = app.get_json(&format!("/api/v1/cases/{case}"), &token).await;
    assert_eq!(status, 200, "{detail}");
    let acceptance = deadline(&detail, "acceptance");
    assert_eq!(acceptance["basis"], "LTC Art. 24(1)");
    assert_eq!(acceptance["basis_vi"], "Khoản 1 Điều 24 Luật Tố cáo 2018");
    assert_eq!(acceptance["verified"], true);

    // The page in Vietnamese cites the article as an official would.
    let case_page = format!("/staff/cases/{case}");
    let html = page(&app, &case_page).await;
    assert_eq!(basis_cells(&html), ["Khoản 1 Điều 24 Luật Tố cáo 2018"]);
    let routing = section(&html, "<details id=\"routing\">", "</details>");
    assert!(
        routing.contains("Khoản 1 Điều 12 Luật Tố cáo 2018"),
        "{routing}"
    );
    assert!(!routing.contains("LTC"), "{routing}");
    // In English, the English citation.
    let html = page(&app, &format!("{case_page}?lang=en")).await;
    assert_eq!(basis_cells(&html), ["LTC Art. 24(1)"]);
    let routing = section(&html, "<details id=\"routing\">", "</details>");
    assert!(routing.contains("LTC Art. 12(1)"), "{routing}");

    // Accepted: the resolution's basis joins the base period and the suspension
    // rule, in both languages.
    for body in [
        json!({"action": "classify", "as": "denunciation"}),
        json!({"action": "accept", "decided_on": "2025-02-10",
               "conditions": {"formalities_met": true, "capacity": true, "competent": true,
                              "identifies_violation": true}}),
    ] {
        let (status, answer) = app
            .post_json(
                &format!("/api/v1/cases/{case}/actions"),
                Some(&token),
                &body,
            )
            .await;
        assert_eq!(status, 200, "{body} → {answer}");
    }
    let detail = app
        .get_json(&format!("/api/v1/cases/{case}"), &token)
        .await
        .1;
    let resolution = deadline(&detail, "resolution");
    assert_eq!(
        resolution["basis"],
        "LTC Art. 30 (from acceptance); LTC Art. 34(2)"
    );
    assert_eq!(
        resolution["basis_vi"],
        "Điều 30 Luật Tố cáo 2018 (kể từ ngày thụ lý); khoản 2 Điều 34 Luật Tố cáo 2018"
    );
    let html = page(&app, &case_page).await;
    assert!(
        basis_cells(&html).contains(
            &"Điều 30 Luật Tố cáo 2018 (kể từ ngày thụ lý); khoản 2 Điều 34 Luật Tố cáo 2018"
                .to_owned()
        ),
        "{html}"
    );
    assert!(basis_cells(&html).iter().all(|cell| !cell.contains("Art.")));
    app.stop().await;
}

async fn an_unverified_figure_is_marked_in_the_page_language(backend: Backend) {
    let (app, token) = officer(backend).await;
    // Received under the pack of 1 July 2026, whose figures are not yet checked.
    let case = letter(&app, &token, "2026-07-02").await;
    let detail = app
        .get_json(&format!("/api/v1/cases/{case}"), &token)
        .await
        .1;
    let acceptance = deadline(&detail, "acceptance");
    assert_eq!(acceptance["verified"], false);
    assert_eq!(acceptance["basis_vi"], "Khoản 1 Điều 24 Luật Tố cáo 2018");

    let case_page = format!("/staff/cases/{case}");
    let html = page(&app, &case_page).await;
    assert_eq!(
        basis_cells(&html),
        ["Khoản 1 Điều 24 Luật Tố cáo 2018 (số liệu chưa xác minh)"]
    );
    let html = page(&app, &format!("{case_page}?lang=en")).await;
    assert_eq!(basis_cells(&html), ["LTC Art. 24(1) (figure unverified)"]);
    app.stop().await;
}

khien_testkit::on_both_backends!(
    an_unverified_figure_is_marked_in_the_page_language,
    the_case_page_cites_the_law_in_the_page_language,
);
