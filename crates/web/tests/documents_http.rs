//! The NĐ31 documents over HTTP: a letter taken through acceptance, extension and
//! conclusion with the documents each step allows, numbered per unit and series;
//! forwarding with its letter, which the sending unit keeps; the notice of
//! non-acceptance addressed from the identity or by hand. On SQLite and PostgreSQL.

use std::io::{Cursor, Read};

use khien_domain::accounts::{Role, UnitKind};
use khien_store::Backend;
use khien_testkit::{TestApp, current_step, spawn_app};
use serde_json::{Value, json};

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

async fn staff(app: &TestApp, username: &str, unit: &str, roles: Vec<Role>) -> String {
    let user = app.seed_user(username, unit, roles).await;
    app.api_login(&user, current_step()).await.0
}

async fn ok(app: &TestApp, token: &str, case: &str, body: Value) {
    let (status, answer) = app
        .post_json(&format!("/api/v1/cases/{case}/actions"), Some(token), &body)
        .await;
    assert_eq!(status, 200, "{body} → {answer}");
}

/// Classified as a denunciation and accepted by a decision of 2025-02-10.
async fn classify_and_accept(app: &TestApp, token: &str, case: &str) {
    ok(
        app,
        token,
        case,
        json!({"action": "classify", "as": "denunciation"}),
    )
    .await;
    ok(app, token, case, json!({"action": "accept", "decided_on": "2025-02-10",
        "conditions": {"formalities_met": true, "capacity": true, "competent": true, "identifies_violation": true}})).await;
}

async fn issue(app: &TestApp, token: &str, case: &str, body: Value) -> (u16, Value) {
    app.post_json(
        &format!("/api/v1/cases/{case}/documents"),
        Some(token),
        &body,
    )
    .await
}

/// A letter received on 2025-01-24 accusing one official, recorded by `token`.
async fn letter(app: &TestApp, token: &str, unit: &str) -> String {
    let (status, recorded) = app
        .post_json(
            "/api/v1/intake",
            Some(token),
            &json!({
                "channel": "letter", "received_on": "2025-01-24", "kind": "denunciation",
                "unit": unit, "subject": "Nhận tiền để bỏ qua vi phạm", "content": "Nội dung đơn.",
                "accused": [{"name": "Trần Văn Bình", "position": "Trưởng phòng Nghiệp vụ 2"}],
                "identity": {"full_name": "Phạm Văn E", "id_number": "012345678",
                             "address": "Khu 5, xã Thanh Sơn"},
            }),
        )
        .await;
    assert_eq!(status, 201, "{recorded}");
    recorded["id"].as_str().unwrap().to_owned()
}

/// A downloaded document: status, headers, and the text of `word/document.xml`.
struct Download {
    status: u16,
    content_type: String,
    disposition: String,
    xml: String,
}

impl Download {
    /// The visible text, one line per paragraph.
    fn text(&self) -> String {
        let mut out = String::new();
        for paragraph in self.xml.split("</w:p>") {
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
        out.replace("&amp;", "&")
    }
}

async fn download(app: &TestApp, token: &str, path: &str) -> Download {
    let response = app
        .client
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let (content_type, disposition) = (header("content-type"), header("content-disposition"));
    let bytes = response.bytes().await.unwrap();
    let xml = if status == 200 {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).expect("a zip");
        let mut part = archive
            .by_name("word/document.xml")
            .expect("a document part");
        let mut xml = String::new();
        part.read_to_string(&mut xml).unwrap();
        xml
    } else {
        String::new()
    };
    Download {
        status,
        content_type,
        disposition,
        xml,
    }
}

/// Issues a document, checks the number it got, and returns its id and text.
async fn issue_numbered(
    app: &TestApp,
    token: &str,
    case: &str,
    body: Value,
    number: &str,
) -> (String, String) {
    let (status, issued) = issue(app, token, case, body).await;
    assert_eq!(
        (status, issued["number"].as_str()),
        (201, Some(number)),
        "{issued}"
    );
    let id = issued["id"].as_str().unwrap().to_owned();
    let file = download(app, token, &format!("/api/v1/cases/{case}/documents/{id}")).await;
    assert_eq!(file.status, 200);
    (id, file.text())
}

fn signer() -> Value {
    json!({"signer_name": "Nguyễn Hữu Phúc", "signer_title": "Chánh Thanh tra",
           "accused_honorific": "ong"})
}

fn with(mut base: Value, extra: Value) -> Value {
    for (key, value) in extra.as_object().unwrap() {
        base[key] = value.clone();
    }
    base
}

async fn an_accepted_letter_gets_its_decisions_and_conclusion(backend: Backend) {
    let app = spawn_app(backend).await;
    app.seed_unit("TTT", UnitKind::Inspectorate, None).await;
    app.seed_unit("SXD", UnitKind::Department, None).await;
    let token = staff(&app, "can.bo", "TTT", vec![Role::Intake, Role::Handler]).await;
    let other = staff(&app, "khac", "SXD", vec![Role::Intake, Role::Handler]).await;
    let case = letter(&app, &token, "TTT").await;
    let documents = format!("/api/v1/cases/{case}/documents");

    // Nothing to issue before the decision it carries out.
    let acceptance = with(
        signer(),
        json!({"type": "acceptance_decision", "verifier": "Phòng Nghiệp vụ 1",
               "contents": ["Nhận 150.000.000 đồng của Công ty Hưng Phát để bỏ qua vi phạm"]}),
    );
    let (status, early) = issue(&app, &token, &case, acceptance.clone()).await;
    assert_eq!(status, 409, "{early}");
    assert_eq!(early["field"], "type");
    assert!(
        early["error"]
            .as_str()
            .unwrap()
            .starts_with("chưa thể phát hành"),
        "{early}"
    );
    classify_and_accept(&app, &token, &case).await;

    // A missing fact is named.
    let (status, unsigned) = issue(
        &app,
        &token,
        &case,
        with(acceptance.clone(), json!({"signer_name": ""})),
    )
    .await;
    assert_eq!(
        (status, unsigned["field"].clone()),
        (400, json!("signer_name"))
    );
    let (status, unknown) = issue(&app, &token, &case, json!({"type": "memo"})).await;
    assert_eq!((status, unknown["field"].clone()), (400, json!("type")));

    let started = std::time::Instant::now();
    let (status, first) = issue(&app, &token, &case, acceptance.clone()).await;
    eprintln!(
        "issue an acceptance decision on {backend:?}: {:?}",
        started.elapsed()
    );
    assert_eq!(status, 201, "{first}");
    assert_eq!(first["number"], "01/QĐ-TTT");
    assert_eq!(first["type"], "acceptance_decision");
    let id = first["id"].as_str().unwrap();

    let file = download(&app, &token, &format!("{documents}/{id}")).await;
    assert_eq!(file.status, 200);
    assert_eq!(file.content_type, DOCX);
    assert_eq!(
        file.disposition,
        "attachment; filename=\"acceptance_decision-01-QD-TTT.docx\""
    );
    let text = file.text();
    for line in [
        "Số: 01/QĐ-TTT",
        // The place defaults to the unit's name; the date is the decision's.
        "Đơn vị TTT, ngày 10 tháng 02 năm 2025",
        "Về việc thụ lý tố cáo",
        "Điều 1. Thụ lý tố cáo đối với ông Trần Văn Bình, Trưởng phòng Nghiệp vụ 2 (đơn tố cáo \
nhận ngày 24/01/2025).",
        "1. Nhận 150.000.000 đồng của Công ty Hưng Phát để bỏ qua vi phạm.",
        "Điều 2. Giao Phòng Nghiệp vụ 1 tiến hành xác minh nội dung tố cáo nêu tại Điều 1 Quyết \
định này và báo cáo kết quả xác minh bằng văn bản.",
        // 30 days from acceptance (LTC Art. 30(1)), as the case's deadline says.
        "Thời hạn giải quyết tố cáo là 30 ngày kể từ ngày thụ lý tố cáo, đến hết ngày 12/03/2025.",
        "CHÁNH THANH TRA",
        "Nguyễn Hữu Phúc",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "missing {line:?} in\n{text}"
        );
    }
    assert!(
        !text.contains("Phạm Văn E"),
        "the acceptance decision never names the denouncer"
    );
    let fonts: Vec<&str> = file.xml.split("<w:rFonts ").skip(1).collect();
    assert!(!fonts.is_empty());
    assert!(
        fonts
            .iter()
            .all(|f| f[..f.find("/>").unwrap()].contains("w:ascii=\"Times New Roman\"")),
        "every run is Times New Roman"
    );
    let (_, read) = app.get_json(&format!("/api/v1/cases/{case}"), &token).await;
    assert_eq!(read["state"], "accepted");
    let reads: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_entries WHERE action = 'case.read' AND details LIKE $1",
    )
    .bind(format!("%document:{id}%"))
    .fetch_one(app.store.reader())
    .await
    .unwrap();
    assert_eq!(reads, 1, "the download is audited");

    // A corrected decision takes the next number.
    let (status, second) = issue(&app, &token, &case, acceptance.clone()).await;
    assert_eq!(
        (status, second["number"].clone()),
        (201, json!("02/QĐ-TTT"))
    );

    // Another unit learns nothing.
    assert_eq!(issue(&app, &other, &case, acceptance.clone()).await.0, 404);
    assert_eq!(app.get_json(&documents, &other).await.0, 404);
    assert_eq!(
        download(&app, &other, &format!("{documents}/{id}"))
            .await
            .status,
        404
    );
    assert_eq!(
        download(
            &app,
            &token,
            &format!("{documents}/00000000000000000000000000000000")
        )
        .await
        .status,
        404
    );

    // The extension decision shares the decisions' series and cites the acceptance.
    let extension = with(signer(), json!({"type": "extension_decision"}));
    assert_eq!(issue(&app, &token, &case, extension.clone()).await.0, 409);
    ok(
        &app,
        &token,
        &case,
        json!({"action": "extend", "decided_on": "2025-03-10",
        "criteria": ["several_locations"]}),
    )
    .await;
    let (_, text) = issue_numbered(&app, &token, &case, extension, "03/QĐ-TTT").await;
    assert!(
        text.contains("Quyết định số 02/QĐ-TTT ngày 10/02/2025 về việc thụ lý tố cáo"),
        "{text}"
    );
    assert!(text.contains("đến hết ngày 11/04/2025"), "{text}");
    assert!(text.contains("Phải xác minh tại nhiều địa điểm"), "{text}");

    let me = app.get_json("/api/v1/auth/me", &token).await.1;
    ok(
        &app,
        &token,
        &case,
        json!({"action": "assign_verifiers", "verifiers": [me["id"]]}),
    )
    .await;
    ok(&app, &token, &case, json!({"action": "record_evidence"})).await;
    ok(
        &app,
        &token,
        &case,
        json!({"action": "conclude", "decided_on": "2025-04-01",
        "finding": "partly_correct", "measures": ["Kiểm điểm trách nhiệm"],
        "amount_to_recover_vnd": 120000000, "persons_to_discipline": 1}),
    )
    .await;
    let conclusion = with(signer(), json!({"type": "conclusion"}));
    let (status, missing) = issue(&app, &token, &case, conclusion.clone()).await;
    assert_eq!(
        (status, missing["field"].clone()),
        (400, json!("verification_report"))
    );
    let (_, text) = issue_numbered(
        &app,
        &token,
        &case,
        with(
            conclusion,
            json!({"verification_report": "Báo cáo kết quả xác minh số 15/BC-TXM ngày 25/03/2025"}),
        ),
        "01/KL-TTT",
    )
    .await;
    assert!(
        text.contains("Thu hồi số tiền sai phạm: 120.000.000 đồng"),
        "{text}"
    );
    assert!(text.contains("Kiểm điểm trách nhiệm"), "{text}");
    assert!(text.contains("là tố cáo đúng một phần"), "{text}");

    let (status, listed) = app.get_json(&documents, &token).await;
    assert_eq!(status, 200);
    let listed: Vec<(String, String)> = listed["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["type"].as_str().unwrap().to_owned(),
                d["number"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            ("acceptance_decision", "01/QĐ-TTT"),
            ("acceptance_decision", "02/QĐ-TTT"),
            ("extension_decision", "03/QĐ-TTT"),
            ("conclusion", "01/KL-TTT"),
        ]
        .map(|(t, n)| (t.to_owned(), n.to_owned()))
    );
    app.stop().await;
}

async fn forwarding_issues_the_letter_the_sender_keeps(backend: Backend) {
    let app = spawn_app(backend).await;
    app.seed_unit("UBT", UnitKind::PeoplesCommittee, None).await;
    app.seed_unit("TTT", UnitKind::Inspectorate, Some("UBT"))
        .await;
    app.seed_unit("SXD", UnitKind::Department, Some("UBT"))
        .await;
    let sender = staff(&app, "gui", "TTT", vec![Role::Intake, Role::Handler]).await;
    let receiver = staff(&app, "nhan", "SXD", vec![Role::Intake, Role::Handler]).await;
    let case = letter(&app, &sender, "TTT").await;
    ok(
        &app,
        &sender,
        &case,
        json!({"action": "classify", "as": "not_ours"}),
    )
    .await;
    let letter_request = with(
        signer(),
        json!({"type": "forwarding_letter", "to_unit": "SXD", "decided_on": "2025-01-27",
               "reason": "người bị tố cáo là công chức của Sở, thuộc thẩm quyền giải quyết của \
Giám đốc Sở theo Điều 13 Luật Tố cáo"}),
    );

    // A letter that cannot be made does not forward the case.
    let (status, refused) = issue(
        &app,
        &sender,
        &case,
        with(letter_request.clone(), json!({"reason": " "})),
    )
    .await;
    assert_eq!((status, refused["field"].clone()), (400, json!("reason")));
    let (status, unknown) = issue(
        &app,
        &sender,
        &case,
        with(letter_request.clone(), json!({"to_unit": "KHONGCO"})),
    )
    .await;
    assert_eq!((status, unknown["field"].clone()), (400, json!("to_unit")));
    let (status, still) = app
        .get_json(&format!("/api/v1/cases/{case}"), &sender)
        .await;
    assert_eq!((status, still["state"].clone()), (200, json!("classified")));

    let (status, sent) = issue(&app, &sender, &case, letter_request.clone()).await;
    assert_eq!(status, 201, "{sent}");
    assert_eq!(sent["number"], "01/TTT-VP");
    assert_eq!(sent["forwarded_to"], "SXD");
    let id = sent["id"].as_str().unwrap();
    let path = format!("/api/v1/cases/{case}/documents/{id}");

    // The case is the receiving unit's now; the sender keeps its letter only.
    assert_eq!(
        app.get_json(&format!("/api/v1/cases/{case}"), &sender)
            .await
            .0,
        404
    );
    let (status, kept) = app
        .get_json(&format!("/api/v1/cases/{case}/documents"), &sender)
        .await;
    assert_eq!(status, 200);
    assert_eq!(kept["documents"].as_array().unwrap().len(), 1);
    assert_eq!(kept["documents"][0]["type"], "forwarding_letter");
    let file = download(&app, &sender, &path).await;
    assert_eq!(file.status, 200);
    let text = file.text();
    for line in [
        "ĐƠN VỊ UBT",
        "ĐƠN VỊ TTT",
        "Số: 01/TTT-VP",
        "V/v chuyển đơn tố cáo",
        "Đơn vị TTT, ngày 27 tháng 01 năm 2025",
        "Kính gửi: Đơn vị SXD",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "missing {line:?} in\n{text}"
        );
    }
    assert!(text.contains("đối với ông Trần Văn Bình"), "{text}");
    assert!(
        !text.contains("Phạm Văn E"),
        "the letter never names the denouncer"
    );

    let (status, seen) = app
        .get_json(&format!("/api/v1/cases/{case}"), &receiver)
        .await;
    assert_eq!((status, seen["state"].clone()), (200, json!("forwarded")));
    assert_eq!(download(&app, &receiver, &path).await.status, 200);
    let (status, again) = issue(&app, &receiver, &case, letter_request).await;
    assert_eq!((status, again["field"].clone()), (409, json!("type")));

    // The competent unit receives it, accepts it and issues its own decision, dated
    // from its own receipt and numbered in its own series.
    ok(
        &app,
        &receiver,
        &case,
        json!({"action": "receive_forwarded", "received_on": "2025-01-30"}),
    )
    .await;
    classify_and_accept(&app, &receiver, &case).await;
    let (accepted, text) = issue_numbered(
        &app,
        &receiver,
        &case,
        with(
            signer(),
            json!({"type": "acceptance_decision", "verifier": "Thanh tra Sở"}),
        ),
        "01/QĐ-SXD",
    )
    .await;
    assert!(text.contains("(đơn tố cáo nhận ngày 30/01/2025)"), "{text}");
    assert!(
        text.lines()
            .any(|l| l == "Đơn vị SXD, ngày 10 tháng 02 năm 2025"),
        "{text}"
    );
    let (_, theirs) = app
        .get_json(&format!("/api/v1/cases/{case}/documents"), &receiver)
        .await;
    assert_eq!(theirs["documents"].as_array().unwrap().len(), 2);
    let (_, kept) = app
        .get_json(&format!("/api/v1/cases/{case}/documents"), &sender)
        .await;
    assert_eq!(kept["documents"].as_array().unwrap().len(), 1, "{kept}");
    assert_eq!(
        download(
            &app,
            &sender,
            &format!("/api/v1/cases/{case}/documents/{accepted}")
        )
        .await
        .status,
        404,
        "the sender does not read the receiver's documents"
    );
    app.stop().await;
}

async fn the_notice_of_non_acceptance_reaches_the_denouncer(backend: Backend) {
    let app = spawn_app(backend).await;
    app.seed_unit("TTT", UnitKind::Inspectorate, None).await;
    // The intake officer's login grants the unit's key to the handler who joined after.
    let intake = app.seed_user("tiep.nhan", "TTT", vec![Role::Intake]).await;
    let handler = app.seed_user("xu.ly", "TTT", vec![Role::Handler]).await;
    let intake = app.api_login(&intake, current_step()).await.0;
    let handler = app.api_login(&handler, current_step()).await.0;
    let case = letter(&app, &intake, "TTT").await;
    ok(
        &app,
        &intake,
        &case,
        json!({"action": "classify", "as": "denunciation"}),
    )
    .await;
    ok(
        &app,
        &intake,
        &case,
        json!({"action": "reject", "decided_on": "2025-01-28",
        "grounds": "đơn không có chữ ký của người tố cáo"}),
    )
    .await;
    let notice = with(
        signer(),
        json!({"type": "non_acceptance_notice", "addressee_honorific": "ong",
               "grounds": ["formalities_not_met"]}),
    );

    // The handler cannot open the identity: the addressee must be typed.
    let (status, sealed) = issue(&app, &handler, &case, notice.clone()).await;
    assert_eq!(
        (status, sealed["field"].clone()),
        (400, json!("addressee_name"))
    );
    // The intake officer's unit still holds it: the notice is addressed from it.
    let (_, text) = issue_numbered(&app, &intake, &case, notice.clone(), "01/TB-TTT").await;
    assert!(
        text.lines().any(|l| l == "Kính gửi: Ông Phạm Văn E"),
        "{text}"
    );
    assert!(text.contains("địa chỉ: Khu 5, xã Thanh Sơn"), "{text}");
    assert!(
        text.contains("đơn không có chữ ký của người tố cáo"),
        "the recorded grounds say what is missing: {text}"
    );
    let (status, typed) = issue(
        &app,
        &handler,
        &case,
        with(
            notice,
            json!({"addressee_name": "Phạm Văn E", "addressee_address": "Hộp thư 12"}),
        ),
    )
    .await;
    assert_eq!((status, typed["number"].clone()), (201, json!("02/TB-TTT")));
    app.stop().await;
}

/// Posts a console form with the session cookie the API login left in the client.
async fn form(
    app: &TestApp,
    path: &str,
    csrf: &str,
    fields: &[(&str, &str)],
) -> (u16, String, String) {
    let mut body: Vec<(&str, &str)> = vec![("csrf_token", csrf)];
    body.extend_from_slice(fields);
    let response = app
        .client
        .post(app.url(path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form_body(&body))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (status, location, response.text().await.unwrap())
}

/// `application/x-www-form-urlencoded`, every byte outside `[A-Za-z0-9-_.]` escaped.
fn form_body(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(name, value)| {
            let escaped: String = value
                .bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                        (b as char).to_string()
                    }
                    other => format!("%{other:02X}"),
                })
                .collect();
            format!("{name}={escaped}")
        })
        .collect::<Vec<_>>()
        .join("&")
}

async fn page(app: &TestApp, path: &str) -> (u16, String) {
    let response = app.client.get(app.url(path)).send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// The `href` that follows `marker` in a page.
fn link_after(html: &str, marker: &str) -> String {
    html.split(marker)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no link after {marker} in {html}"))
        .to_owned()
}

async fn the_console_issues_from_the_case_page(backend: Backend) {
    let app = spawn_app(backend).await;
    app.seed_unit("UBT", UnitKind::PeoplesCommittee, None).await;
    app.seed_unit("TTT", UnitKind::Inspectorate, Some("UBT"))
        .await;
    app.seed_unit("SXD", UnitKind::Department, Some("UBT"))
        .await;
    let user = app
        .seed_user("can.bo", "TTT", vec![Role::Intake, Role::Handler])
        .await;
    let (token, csrf) = app.api_login(&user, current_step()).await;
    // The receiving unit needs a member (and so a key) to receive cases.
    app.seed_user("nhan", "SXD", vec![Role::Intake]).await;
    let case = letter(&app, &token, "TTT").await;
    let case_page = format!("/staff/cases/{case}");
    let documents = format!("/staff/cases/{case}/documents");

    let (status, html) = page(&app, &case_page).await;
    assert_eq!(status, 200);
    assert!(html.contains("id=\"no-documents\""), "{html}");
    assert!(
        !html.contains("<details id=\"document-"),
        "nothing to issue yet"
    );

    classify_and_accept(&app, &token, &case).await;
    let (_, html) = page(&app, &case_page).await;
    assert!(
        html.contains("id=\"document-acceptance_decision\""),
        "{html}"
    );
    assert!(!html.contains("id=\"document-forwarding_letter\""));

    // A refusal shows the section again with the reason and what was typed.
    let (status, _, html) = form(
        &app,
        &documents,
        &csrf,
        &[
            ("type", "acceptance_decision"),
            ("signer_name", "Nguyễn Hữu Phúc"),
            ("signer_title", "Chánh Thanh tra"),
            ("accused_honorific", "ong"),
            ("verifier", ""),
        ],
    )
    .await;
    assert_eq!(status, 400);
    assert!(html.contains("id=\"document-error\""), "{html}");
    assert!(
        html.contains("người hoặc đơn vị được giao xác minh"),
        "{html}"
    );
    assert!(
        html.contains("value=\"Nguyễn Hữu Phúc\""),
        "the signer is kept: {html}"
    );

    let (status, location, _) = form(
        &app,
        &documents,
        &csrf,
        &[
            ("type", "acceptance_decision"),
            ("signer_name", "Nguyễn Hữu Phúc"),
            ("signer_title", "Chánh Thanh tra"),
            ("accused_honorific", "ong"),
            ("verifier", "Phòng Nghiệp vụ 1"),
            ("contents", "Nội dung thứ nhất\r\nNội dung thứ hai"),
        ],
    )
    .await;
    assert_eq!((status, location), (303, format!("{case_page}#documents")));
    let (_, html) = page(&app, &case_page).await;
    assert!(html.contains("01/QĐ-TTT"), "{html}");
    let link = link_after(&html, "class=\"download\" href=\"");
    let response = app.client.get(app.url(&link)).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["content-type"], DOCX);
    assert!(response.bytes().await.unwrap().starts_with(b"PK"));

    // Forwarding from the console: the letter's page, then the sender's copy.
    let other = letter(&app, &token, "TTT").await;
    ok(
        &app,
        &token,
        &other,
        json!({"action": "classify", "as": "not_ours"}),
    )
    .await;
    let (_, html) = page(&app, &format!("/staff/cases/{other}")).await;
    assert!(html.contains("id=\"document-forwarding_letter\""), "{html}");
    let (status, _, html) = form(
        &app,
        &format!("/staff/cases/{other}/documents"),
        &csrf,
        &[
            ("type", "forwarding_letter"),
            ("to_unit", "SXD"),
            ("signer_name", "Nguyễn Hữu Phúc"),
            ("signer_title", "Chánh Thanh tra"),
            ("accused_honorific", "ong"),
            ("reason", "thuộc thẩm quyền của Giám đốc Sở"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("id=\"letter-number\">01/TTT-VP<"), "{html}");
    let link = link_after(&html, "id=\"letter-download\" href=\"");
    assert_eq!(page(&app, &format!("/staff/cases/{other}")).await.0, 404);
    let response = app.client.get(app.url(&link)).send().await.unwrap();
    assert_eq!(
        response.status().as_u16(),
        200,
        "the sender keeps its letter"
    );
    app.stop().await;
}

khien_testkit::on_both_backends!(
    an_accepted_letter_gets_its_decisions_and_conclusion,
    forwarding_issues_the_letter_the_sender_keeps,
    the_notice_of_non_acceptance_reaches_the_denouncer,
    the_console_issues_from_the_case_page,
);
