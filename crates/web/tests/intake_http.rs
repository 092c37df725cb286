//! Intake over HTTP on both backends: the portal without JavaScript, the JSON API,
//! the intake officer's channels, the reporter's way back, messages both ways,
//! bad input, and that nothing readable reaches the data directory.

use khien_domain::accounts::{Role, UnitKind};
use khien_testkit::{Backend, TestApp, TestUser, current_step, spawn_app};
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

/// A unit with an intake officer who is also a handler: the unit's keys exist.
async fn unit_with_staff(app: &TestApp, code: &str, username: &str) -> (TestUser, String) {
    app.seed_unit(code, UnitKind::Inspectorate, None).await;
    let user = app
        .seed_user(username, code, vec![Role::Intake, Role::Handler])
        .await;
    let (token, _) = app.api_login(&user, current_step()).await;
    (user, token)
}

fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker).expect("the hidden field") + marker.len();
    html[start..start + html[start..].find('"').unwrap()].to_owned()
}

fn element_text(html: &str, id: &str) -> String {
    let marker = format!("id=\"{id}\">");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("#{id} in page"))
        + marker.len();
    html[start..start + html[start..].find('<').unwrap()].to_owned()
}

fn pdf(text: &str) -> Vec<u8> {
    format!("%PDF-1.7\n1 0 obj << >> endobj\n% {text}\n%%EOF\n").into_bytes()
}

async fn the_portal_works_without_javascript_and_the_receipt_opens_the_case(backend: Backend) {
    let app = spawn_app(backend).await;
    unit_with_staff(&app, "TTT", "tiep.nhan").await;
    let form = app.client.get(app.url("/report/new")).send().await.unwrap();
    assert_eq!(form.status(), 200);
    let html = form.text().await.unwrap();
    assert!(!html.contains("<script"));
    assert!(
        html.contains("Luật Tố cáo, Điều 25"),
        "the anonymity rule is explained"
    );
    let csrf = hidden(&html, "csrf_token");

    let multipart = Form::new()
        .text("csrf_token", csrf)
        .text("kind", "denunciation")
        .text("unit", "TTT")
        .text("subject", "Chi sai quỹ xây trường")
        .text("content", "Kế toán xã lập chứng từ khống.")
        .text("when_where", "Tháng 3/2026, xã A")
        .text("accused_name", "Nguyễn Văn B")
        .text("accused_position", "Kế toán")
        .text("accused_organisation", "UBND xã A")
        .text("identity_choice", "anonymous")
        .part(
            "files",
            Part::bytes(pdf("chứng từ")).file_name("chung-tu.pdf"),
        )
        .text("send", "1");
    let response = app
        .client
        .post(app.url("/report"))
        .multipart(multipart)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let page = response.text().await.unwrap();
    let receipt = element_text(&page, "receipt");
    assert_eq!(receipt.len(), 19, "{receipt}");
    assert!(receipt.chars().enumerate().all(|(i, c)| if i % 5 == 4 {
        c == ' '
    } else {
        c.is_ascii_digit()
    }));
    let tracking = element_text(&page, "tracking-number");

    // The proof document: tracking number and date, no content, no receipt.
    let proof = app
        .client
        .post(app.url("/report/proof"))
        .form(&[
            ("csrf_token", hidden(&page, "csrf_token")),
            ("tracking_number", hidden(&page, "tracking_number")),
            ("received_on", hidden(&page, "received_on")),
            ("code", hidden(&page, "code")),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(proof.status(), 200);
    assert!(
        proof.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    let proof = proof.text().await.unwrap();
    assert!(proof.contains(&tracking));
    assert!(!proof.contains("Chi sai quỹ") && !proof.contains(&receipt));

    // Back with the receipt.
    let login = app
        .client
        .get(app.url("/follow-up"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let opened = app
        .client
        .post(app.url("/follow-up"))
        .form(&[
            ("csrf_token", hidden(&login, "csrf_token")),
            ("receipt", receipt.clone()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(opened.status(), 303);
    let case = app
        .client
        .get(app.url("/follow-up/case"))
        .send()
        .await
        .unwrap();
    assert_eq!(case.status(), 200);
    let case = case.text().await.unwrap();
    assert!(case.contains("Chi sai quỹ xây trường"));
    assert!(case.contains("chung-tu.pdf"));
    assert!(case.contains(&tracking));
    assert!(
        case.contains("Luật Tố cáo, Điều 25"),
        "anonymous: information for inspection"
    );
    app.stop().await;
}

async fn a_wrong_receipt_is_refused_and_a_malformed_one_named(backend: Backend) {
    let app = spawn_app(backend).await;
    let wrong = app
        .client
        .post(app.url("/api/v1/whistleblower/session"))
        .json(&json!({"receipt": "1234 5678 9012 3456"}))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    let malformed = app
        .client
        .post(app.url("/api/v1/whistleblower/session"))
        .json(&json!({"receipt": "1234-56x8"}))
        .send()
        .await
        .unwrap();
    assert_eq!(malformed.status(), 400);
    assert_eq!(malformed.json::<Value>().await.unwrap()["field"], "receipt");
    app.stop().await;
}

async fn reporter_and_handler_exchange_messages_through_the_api(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, staff) = unit_with_staff(&app, "TTT", "xu.ly").await;
    let created = app
        .client
        .post(app.url("/api/v1/reports"))
        .json(&json!({
            "kind": "denunciation", "unit": "TTT",
            "subject": "Nhận hối lộ khi cấp phép", "content": "Cán bộ C đòi tiền.",
            "accused": [{"name": "Trần Văn C", "position": "Chuyên viên"}],
            "identity": {"full_name": "Lê Thị D", "id_number": "001234567890", "address": "Hà Nội", "phone": "0912 345 678"},
            "wants_protection": true,
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let created: Value = created.json().await.unwrap();
    let receipt = created["receipt"].as_str().unwrap().to_owned();

    let inbox: Value = app.get_json("/api/v1/cases", &staff).await.1;
    let case = &inbox["cases"][0];
    assert_eq!(case["tracking_number"], created["tracking_number"]);
    assert_eq!(case["wants_protection"], true);
    let id = case["id"].as_str().unwrap().to_owned();
    let detail: Value = app.get_json(&format!("/api/v1/cases/{id}"), &staff).await.1;
    assert_eq!(detail["subject"], "Nhận hối lộ khi cấp phép");
    assert_eq!(detail["deadlines"][0]["kind"], "acceptance");
    assert!(
        detail.to_string().find("Lê Thị D").is_none(),
        "handlers do not see the identity"
    );

    let reply = app
        .client
        .post(app.url(&format!("/api/v1/cases/{id}/messages")))
        .bearer_auth(&staff)
        .json(&json!({"body": "Đề nghị bạn cung cấp thêm chứng cứ."}))
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 201);

    let session: Value = app
        .client
        .post(app.url("/api/v1/whistleblower/session"))
        .json(&json!({"receipt": receipt}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let ticket = session["token"].as_str().unwrap().to_owned();
    let mine: Value = app
        .get_json("/api/v1/whistleblower/report", &ticket)
        .await
        .1;
    assert_eq!(mine["messages"][0]["author"], "staff");
    assert_eq!(
        mine["messages"][0]["body"],
        "Đề nghị bạn cung cấp thêm chứng cứ."
    );
    assert_eq!(mine["disclosures"], json!([]));
    assert!(mine["next_step"]["due"].is_string());

    let answer = Form::new().text("body", "Tôi gửi thêm biên bản.").part(
        "files",
        Part::bytes(pdf("biên bản")).file_name("bien-ban.pdf"),
    );
    let answered = app
        .client
        .post(app.url("/api/v1/whistleblower/messages"))
        .bearer_auth(&ticket)
        .multipart(answer)
        .send()
        .await
        .unwrap();
    assert_eq!(answered.status(), 201);
    let detail: Value = app.get_json(&format!("/api/v1/cases/{id}"), &staff).await.1;
    assert_eq!(detail["messages"][1]["author"], "reporter");
    let file = &detail["messages"][1]["attachments"][0];
    assert_eq!(file["name"], "bien-ban.pdf");
    let download = app
        .client
        .get(app.url(&format!(
            "/api/v1/cases/{id}/attachments/{}",
            file["id"].as_str().unwrap()
        )))
        .bearer_auth(&staff)
        .send()
        .await
        .unwrap();
    assert_eq!(download.status(), 200);
    assert_eq!(download.headers()["content-type"], "application/pdf");
    assert_eq!(
        download.bytes().await.unwrap().as_ref(),
        pdf("biên bản").as_slice()
    );
    app.stop().await;
}

async fn a_reporter_asks_for_protection_and_reports_retaliation(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, staff) = unit_with_staff(&app, "TTT", "bao.ve").await;
    // TTT has no superior: its retaliation goes to the inspectorate that oversees
    // the province, never to TTT itself.
    unit_with_staff(&app, "TTT-TINH", "thanh.tra.tinh").await;
    app.store
        .set_jurisdiction(
            "test",
            &khien_domain::accounts::UnitCode::parse("TTT-TINH").unwrap(),
            &khien_domain::oversight::Jurisdiction::WholeProvince,
        )
        .await
        .unwrap();
    let situation = "Giám đốc dọa đuổi việc TinhHuongDuyNhat4417";
    let retaliation = "Bị điều chuyển xuống kho TraThuDuyNhat8830";
    let created: Value = app
        .client
        .post(app.url("/api/v1/reports"))
        .json(&json!({
            "kind": "denunciation", "unit": "TTT",
            "subject": "Nâng khống giá thiết bị", "content": "Phòng vật tư nâng giá.",
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let session: Value = app
        .client
        .post(app.url("/api/v1/whistleblower/session"))
        .json(&json!({"receipt": created["receipt"]}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let ticket = session["token"].as_str().unwrap().to_owned();

    // Bad input names the fields; nothing is stored.
    let refused = app
        .client
        .post(app.url("/api/v1/whistleblower/protection-requests"))
        .bearer_auth(&ticket)
        .json(&json!({"persons": [], "interests": ["job"], "situation": situation}))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 400);
    let refused: Value = refused.json().await.unwrap();
    assert_eq!(refused["field"], "persons");
    let refused: Value = app
        .post_json(
            "/api/v1/whistleblower/protection-requests",
            Some(&ticket),
            &json!({"persons": ["cousin"], "interests": [], "situation": ""}),
        )
        .await
        .1;
    let fields: Vec<&str> = refused["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["persons", "interests", "situation"]);
    let refused = app
        .client
        .post(app.url("/api/v1/whistleblower/retaliation-reports"))
        .bearer_auth(&ticket)
        .json(&json!({"what_happened": " ", "when": "x".repeat(201)}))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 400);
    let refused: Value = refused.json().await.unwrap();
    assert_eq!(refused["field"], "what_happened");
    assert_eq!(refused["errors"][1]["field"], "when");

    let asked = app
        .client
        .post(app.url("/api/v1/whistleblower/protection-requests"))
        .bearer_auth(&ticket)
        .json(&json!({
            "persons": ["self", "child"], "interests": ["job", "life"],
            "situation": situation, "urgent": true,
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(asked.status(), 201);
    let asked: Value = asked.json().await.unwrap();
    assert!(asked["id"].is_string());
    let told = app
        .client
        .post(app.url("/api/v1/whistleblower/retaliation-reports"))
        .bearer_auth(&ticket)
        .json(&json!({"what_happened": retaliation, "when": "Tháng 3/2026"}))
        .send()
        .await
        .unwrap();
    assert_eq!(told.status(), 201);

    // The reporter sees what they sent.
    let mine: Value = app
        .get_json("/api/v1/whistleblower/report", &ticket)
        .await
        .1;
    assert_eq!(mine["protection_requests"].as_array().unwrap().len(), 1);
    assert_eq!(mine["protection_requests"][0]["situation"], situation);
    assert_eq!(mine["retaliation_reports"][0]["what_happened"], retaliation);

    // The handler sees both, the urgent request marked.
    let inbox: Value = app.get_json("/api/v1/cases", &staff).await.1;
    let id = inbox["cases"][0]["id"].as_str().unwrap().to_owned();
    let detail: Value = app.get_json(&format!("/api/v1/cases/{id}"), &staff).await.1;
    let request = &detail["protection_requests"][0];
    assert_eq!(request["id"], asked["id"]);
    assert_eq!(request["persons"], json!(["self", "child"]));
    assert_eq!(request["interests"], json!(["job", "life"]));
    assert_eq!(request["urgent"], true);
    assert_eq!(request["situation"], situation);
    assert_eq!(detail["retaliation_reports"][0]["when"], "Tháng 3/2026");
    assert_eq!(
        detail["retaliation_reports"][0]["what_happened"],
        retaliation
    );

    // In the database, only ciphertext.
    for table in ["protection_requests", "retaliation_reports"] {
        let rows = sqlx::query(&format!("SELECT ciphertext FROM {table}"))
            .fetch_all(app.store.reader())
            .await
            .unwrap();
        assert_eq!(rows.len(), 1);
        for row in rows {
            let bytes: Vec<u8> = sqlx::Row::get(&row, "ciphertext");
            for needle in ["TinhHuongDuyNhat4417", "TraThuDuyNhat8830", "child"] {
                assert!(
                    !bytes
                        .windows(needle.len())
                        .any(|window| window == needle.as_bytes()),
                    "{needle} readable in {table}"
                );
            }
        }
    }

    // The same from the page, without JavaScript.
    let login = app
        .client
        .get(app.url("/follow-up"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let opened = app
        .client
        .post(app.url("/follow-up"))
        .form(&[
            ("csrf_token", hidden(&login, "csrf_token")),
            ("receipt", created["receipt"].as_str().unwrap().to_owned()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(opened.status(), 303);
    let page = app
        .client
        .get(app.url("/follow-up/case"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains(situation) && page.contains(retaliation));
    assert!(page.contains("Đã gửi, chờ cơ quan có thẩm quyền xem xét"));
    let token = hidden(&page, "csrf_token");
    let refused = app
        .client
        .post(app.url("/follow-up/protection"))
        .form(&[
            ("csrf_token", token.as_str()),
            ("interests", "job"),
            ("situation", "Bị theo dõi."),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 400);
    let refused = refused.text().await.unwrap();
    assert!(element_text(&refused, "message-error").contains("persons"));
    let token = hidden(&refused, "csrf_token");
    let sent = app
        .client
        .post(app.url("/follow-up/protection"))
        .form(&[
            ("csrf_token", token.as_str()),
            ("persons", "parent"),
            ("persons", "child"),
            ("interests", "honour"),
            ("situation", "Bị bôi nhọ TrenTrangWeb2209"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), 303);
    let sent = app
        .client
        .post(app.url("/follow-up/retaliation"))
        .form(&[
            ("csrf_token", token.as_str()),
            ("what_happened", "Bị kỷ luật QuaTrangWeb5120"),
            ("when", "Hôm qua"),
        ])
        .send()
        .await
        .unwrap();
    // A case of its own at the inspectorate, with a receipt shown once.
    assert_eq!(sent.status(), 200);
    assert!(sent.text().await.unwrap().contains("id=\"receipt\""));
    let detail: Value = app.get_json(&format!("/api/v1/cases/{id}"), &staff).await.1;
    assert_eq!(
        detail["protection_requests"][1]["persons"],
        json!(["parent", "child"])
    );
    assert_eq!(detail["protection_requests"][1]["urgent"], false);
    assert_eq!(
        detail["retaliation_reports"][1]["what_happened"],
        "Bị kỷ luật QuaTrangWeb5120"
    );
    app.stop().await;
}

async fn a_letter_recorded_by_the_intake_officer_counts_from_its_arrival(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, staff) = unit_with_staff(&app, "TTT", "van.thu").await;
    let recorded = app
        .client
        .post(app.url("/api/v1/intake"))
        .bearer_auth(&staff)
        .json(&json!({
            "channel": "letter", "received_on": "2025-01-24", "kind": "denunciation",
            "subject": "Đơn tố cáo", "content": "Nội dung đơn.",
            "identity": {"full_name": "Phạm Văn E", "id_number": "012345678"},
            "co_reporters": [{"full_name": "Hoàng Thị G", "id_number": "098765432"}],
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(recorded.status(), 201);
    let recorded: Value = recorded.json().await.unwrap();
    assert_eq!(recorded["received_on"], "2025-01-24");
    let id = recorded["id"].as_str().unwrap();
    let detail: Value = app.get_json(&format!("/api/v1/cases/{id}"), &staff).await.1;
    assert_eq!(detail["channel"], "letter");
    // Friday 2025-01-24 + 7 working days, across Tết 2025.
    assert_eq!(detail["deadlines"][0]["due"], "2025-02-11");
    app.stop().await;
}

async fn bad_reports_name_their_fields_and_store_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, staff) = unit_with_staff(&app, "TTT", "kiem.tra").await;
    let base = || json!({"kind": "denunciation", "unit": "TTT", "subject": "Tiêu đề", "content": "Nội dung."});
    let mut cases: Vec<(Value, &str)> = Vec::new();
    let mut v = base();
    v["subject"] = json!("");
    cases.push((v, "subject"));
    let mut v = base();
    v["kind"] = json!("complaint");
    cases.push((v, "kind"));
    let mut v = base();
    v["unit"] = json!("KHONG-CO");
    cases.push((v, "unit"));
    let mut v = base();
    v["content"] = json!("x".repeat(20_001));
    cases.push((v, "content"));
    let mut v = base();
    v["identity"] = json!({"full_name": "A", "id_number": "12ab"});
    cases.push((v, "identity.id_number"));
    let mut v = base();
    v["accused"] = json!(
        (0..21)
            .map(|i| json!({"name": format!("P{i}")}))
            .collect::<Vec<_>>()
    );
    cases.push((v, "accused"));
    for (body, field) in cases {
        let response = app
            .client
            .post(app.url("/api/v1/reports"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400, "{field}");
        let answer: Value = response.json().await.unwrap();
        assert!(
            answer["errors"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["field"].as_str().unwrap().starts_with(field)),
            "{field}: {answer}"
        );
    }
    // A file that is not what its name says.
    let fake = Form::new().text("report", base().to_string()).part(
        "files",
        Part::bytes(b"MZ\x90\x00 not a pdf".to_vec()).file_name("thu.pdf"),
    );
    let response = app
        .client
        .post(app.url("/api/v1/reports"))
        .multipart(fake)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    assert_eq!(response.json::<Value>().await.unwrap()["field"], "files[0]");
    // Wrong content type, malformed JSON, an unknown field.
    let response = app
        .client
        .post(app.url("/api/v1/reports"))
        .body("x")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 415);
    let response = app
        .client
        .post(app.url("/api/v1/reports"))
        .header("content-type", "application/json")
        .body("{\"kind\":")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let mut v = base();
    v["sender_ip"] = json!("1.2.3.4");
    let response = app
        .client
        .post(app.url("/api/v1/reports"))
        .json(&v)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    assert!(response.text().await.unwrap().contains("sender_ip"));

    // Nothing was stored, and no blob was left behind.
    let inbox: Value = app.get_json("/api/v1/cases", &staff).await.1;
    assert_eq!(inbox["cases"], json!([]));
    let blobs = app.database.data_dir.path().join("blobs");
    let leftovers: Vec<_> = walk(&blobs).into_iter().filter(|p| p.is_file()).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    app.stop().await;
}

async fn another_units_case_is_not_found(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, staff_a) = unit_with_staff(&app, "DV-A", "a.xu.ly").await;
    let (_, staff_b) = unit_with_staff(&app, "DV-B", "b.xu.ly").await;
    let recorded: Value = app.post_json("/api/v1/intake", Some(&staff_a), &json!({"channel": "hotline", "received_on": "2026-01-05", "kind": "reflection", "unit": "DV-A", "subject": "S", "content": "C"})).await.1;
    let id = recorded["id"].as_str().unwrap();
    let theirs = app
        .client
        .get(app.url(&format!("/api/v1/cases/{id}")))
        .bearer_auth(&staff_b)
        .send()
        .await
        .unwrap();
    assert_eq!(theirs.status(), 404);
    let made_up = app
        .client
        .get(app.url("/api/v1/cases/0123456789abcdef0123456789abcdef"))
        .bearer_auth(&staff_a)
        .send()
        .await
        .unwrap();
    assert_eq!(made_up.status(), 404);
    app.stop().await;
}

async fn a_member_waiting_for_the_unit_key_is_told_so(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, first) = unit_with_staff(&app, "TTT", "nguoi.dau").await;
    let second = app.seed_user("nguoi.sau", "TTT", vec![Role::Handler]).await;
    let (second_token, _) = app.api_login(&second, current_step()).await;
    let recorded: Value = app.post_json("/api/v1/intake", Some(&first), &json!({"channel": "hotline", "received_on": "2026-01-05", "kind": "reflection", "subject": "S", "content": "C", "unit": "TTT"})).await.1;
    let id = recorded["id"].as_str().unwrap();
    let waiting = app
        .client
        .get(app.url(&format!("/api/v1/cases/{id}")))
        .bearer_auth(&second_token)
        .send()
        .await
        .unwrap();
    assert_eq!(waiting.status(), 403);
    assert!(waiting.text().await.unwrap().contains("log in once"));
    app.stop().await;
}

async fn a_superior_head_sees_where_a_case_stands_but_not_its_content(backend: Backend) {
    let app = spawn_app(backend).await;
    app.seed_unit("TINH", UnitKind::PeoplesCommittee, None)
        .await;
    app.seed_unit("XA-A", UnitKind::Commune, Some("TINH")).await;
    let officer = app
        .seed_user("xa.a.tiep.nhan", "XA-A", vec![Role::Intake, Role::Handler])
        .await;
    let (officer, _) = app.api_login(&officer, current_step()).await;
    let head = app
        .seed_user("chu.tich.tinh", "TINH", vec![Role::Head])
        .await;
    let (head, _) = app.api_login(&head, current_step()).await;
    let oversight = app
        .seed_user("giam.sat", "TINH", vec![Role::Oversight])
        .await;
    let (oversight, _) = app.api_login(&oversight, current_step()).await;
    app.seed_unit("XA-B", UnitKind::Commune, Some("TINH")).await;
    let neighbour = app.seed_user("xa.b.truong", "XA-B", vec![Role::Head]).await;
    let (neighbour, _) = app.api_login(&neighbour, current_step()).await;
    let recorded: Value = app.post_json("/api/v1/intake", Some(&officer), &json!({"channel": "in_person", "received_on": "2026-01-05", "kind": "petition", "unit": "XA-A", "subject": "Đường hỏng", "content": "Nội dung kín.", "identity": {"full_name": "Đỗ Văn H"}})).await.1;
    let id = recorded["id"].as_str().unwrap();
    for token in [&head, &oversight] {
        let seen = app
            .client
            .get(app.url(&format!("/api/v1/cases/{id}")))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        assert_eq!(seen.status(), 200);
        let seen: Value = seen.json().await.unwrap();
        assert_eq!(seen["content_sealed_to_handling_unit"], true);
        assert!(!seen.to_string().contains("Nội dung kín"));
        assert!(seen["deadlines"][0]["due"].is_string());
    }
    let not_theirs = app
        .client
        .get(app.url(&format!("/api/v1/cases/{id}")))
        .bearer_auth(&neighbour)
        .send()
        .await
        .unwrap();
    assert_eq!(not_theirs.status(), 404);
    app.stop().await;
}

async fn with_no_staff_reports_are_refused_clearly_before_any_work(backend: Backend) {
    let app = spawn_app(backend).await;
    app.seed_unit("TTT", UnitKind::Inspectorate, None).await;
    let response = app
        .client
        .post(app.url("/api/v1/reports"))
        .json(&json!({"kind": "reflection", "subject": "S", "content": "C"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 503);
    assert!(response.text().await.unwrap().contains("not stored"));
    let form = app
        .client
        .get(app.url("/report/new"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let page = app
        .client
        .post(app.url("/report"))
        .multipart(
            Form::new()
                .text("csrf_token", hidden(&form, "csrf_token"))
                .text("kind", "reflection")
                .text("subject", "S")
                .text("content", "C")
                .text("send", "1"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 503);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("<html lang=\"vi\">") && html.contains("chưa được lưu"),
        "{html}"
    );
    app.stop().await;
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                found.extend(walk(&path));
            } else {
                found.push(path);
            }
        }
    }
    found
}

/// The data directory (SQLite database, its WAL, the blobs, the secrets) holds no
/// readable trace of a report, a file name or a reporter's name.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_readable_reaches_the_data_directory() {
    let app = spawn_app(Backend::Sqlite).await;
    let (_, staff) = unit_with_staff(&app, "TTT", "bi.mat").await;
    let phrase = "CumTuDuyNhatKhongTrungLap7731";
    let file_name = "tep-bi-mat-TenTepDuyNhat9042.pdf";
    let person = "HoTenNguoiToCaoDuyNhat5518";
    let report = json!({
        "kind": "denunciation", "unit": "TTT",
        "subject": format!("Vụ {phrase}"), "content": format!("Nội dung {phrase}."),
        "identity": {"full_name": person, "id_number": "001234567891", "phone": "0988777666"},
    });
    let form = Form::new()
        .text("report", report.to_string())
        .part("files", Part::bytes(pdf(phrase)).file_name(file_name));
    let created = app
        .client
        .post(app.url("/api/v1/reports"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    // Staff read it, which writes audit entries; still nothing readable.
    let inbox: Value = app.get_json("/api/v1/cases", &staff).await.1;
    let id = inbox["cases"][0]["id"].as_str().unwrap().to_owned();
    let detail = app
        .client
        .get(app.url(&format!("/api/v1/cases/{id}")))
        .bearer_auth(&staff)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(detail.contains(phrase), "the handler can read it");
    let data_dir = app.database.data_dir.path().to_owned();
    let database = app.stop().await;
    for path in walk(&data_dir) {
        // SQLite removes its WAL and shared-memory files as the last connection
        // closes; a file gone by now holds nothing.
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        for needle in [phrase, file_name, person, "001234567891", "0988777666"] {
            assert!(
                !bytes
                    .windows(needle.len())
                    .any(|window| window == needle.as_bytes()),
                "{needle} found in {}",
                path.display()
            );
        }
    }
    drop(database);
}

khien_testkit::on_both_backends!(
    the_portal_works_without_javascript_and_the_receipt_opens_the_case,
    a_wrong_receipt_is_refused_and_a_malformed_one_named,
    reporter_and_handler_exchange_messages_through_the_api,
    a_reporter_asks_for_protection_and_reports_retaliation,
    a_letter_recorded_by_the_intake_officer_counts_from_its_arrival,
    bad_reports_name_their_fields_and_store_nothing,
    another_units_case_is_not_found,
    a_member_waiting_for_the_unit_key_is_told_so,
    a_superior_head_sees_where_a_case_stands_but_not_its_content,
    with_no_staff_reports_are_refused_clearly_before_any_work,
);
