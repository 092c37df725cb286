//! What follows a case, over HTTP on both backends: a report of retaliation
//! becomes a linked case at the superior unit (never the accused one) with its own
//! deadlines, seen by the party inspection committee; a colleague reports it from
//! the public form; its conclusion is published on `/published` without the
//! reporter's identity; a conclusion finding a report false opens a review where
//! handling needs a deliberate finding and protection never ends; rewards need a
//! right denunciation, the head's approval and the reporter's answer.

use chrono::{Days, NaiveDate, Utc};
use khien_domain::accounts::{Role, UnitKind};
use khien_testkit::{Backend, TEST_PASSWORD, TestApp, TestUser, spawn_app};
use serde_json::{Value, json};
use sqlx::Row;

const REPORTER_NAME: &str = "Phạm Văn TenNguoiToCao9931";
const REPORTER_ID: &str = "001098012345";

/// A logged-in staff member with their own client (and session cookie).
struct Caller {
    client: reqwest::Client,
    token: String,
    csrf: String,
    user_id: String,
}

impl Caller {
    async fn log_in(app: &TestApp, user: &TestUser) -> Caller {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let body: Value = client
            .post(app.url("/api/v1/auth/login"))
            .json(&json!({
                "username": user.username, "password": TEST_PASSWORD, "totp": user.code_now(),
            }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let token = body["token"].as_str().unwrap().to_owned();
        let me = app.get_json("/api/v1/auth/me", &token).await.1;
        Caller {
            client,
            token,
            csrf: body["csrf_token"].as_str().unwrap().to_owned(),
            user_id: me["id"].as_str().unwrap().to_owned(),
        }
    }

    async fn get(&self, app: &TestApp, path: &str) -> (u16, Value) {
        app.get_json(path, &self.token).await
    }

    async fn post(&self, app: &TestApp, path: &str, body: Value) -> (u16, Value) {
        app.post_json(path, Some(&self.token), &body).await
    }

    /// A case action that must succeed.
    async fn act(&self, app: &TestApp, case: &str, body: Value) {
        let (status, answer) = self
            .post(app, &format!("/api/v1/cases/{case}/actions"), body.clone())
            .await;
        assert_eq!(status, 200, "{body} → {answer}");
    }

    /// A console form; the status, the `Location` and the page.
    async fn form(
        &self,
        app: &TestApp,
        path: &str,
        fields: &[(&str, &str)],
    ) -> (u16, String, String) {
        let mut pairs = vec![("csrf_token", self.csrf.as_str())];
        pairs.extend_from_slice(fields);
        let response = self
            .client
            .post(app.url(path))
            .form(&pairs)
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get("location")
            .map(|value| value.to_str().unwrap().to_owned())
            .unwrap_or_default();
        (status, location, response.text().await.unwrap())
    }

    async fn page(&self, app: &TestApp, path: &str) -> (u16, String) {
        let response = self.client.get(app.url(path)).send().await.unwrap();
        (response.status().as_u16(), response.text().await.unwrap())
    }
}

fn today() -> NaiveDate {
    (Utc::now() + chrono::Duration::hours(7)).date_naive()
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

/// A reporter: their receipt, bearer token and tracking number.
struct Reporter {
    receipt: String,
    ticket: String,
    tracking_number: String,
}

/// The province: UBT over TTT (the unit handling reports: a head who also
/// handles, intake and protects, and a handler), TU over UBKT (the party
/// inspection committee, with an oversight officer); an HR officer at UBT.
struct World {
    app: TestApp,
    head: Caller,
    handler: Caller,
    superior: Caller,
    inspection: Caller,
    hr: Caller,
}

impl World {
    async fn new(backend: Backend) -> World {
        let app = spawn_app(backend).await;
        app.seed_unit("UBT", UnitKind::PeoplesCommittee, None).await;
        app.seed_unit("TTT", UnitKind::Inspectorate, Some("UBT"))
            .await;
        app.seed_unit("TU", UnitKind::PartyCommittee, None).await;
        app.seed_unit("UBKT", UnitKind::PartyInspection, Some("TU"))
            .await;
        let head = app
            .seed_user(
                "thu.truong",
                "TTT",
                vec![Role::Intake, Role::Handler, Role::Head, Role::Protection],
            )
            .await;
        let handler = app.seed_user("xu.ly", "TTT", vec![Role::Handler]).await;
        let superior = app
            .seed_user(
                "cap.tren",
                "UBT",
                vec![Role::Intake, Role::Handler, Role::Head],
            )
            .await;
        let hr = app.seed_user("to.chuc", "UBT", vec![Role::Hr]).await;
        let inspection = app
            .seed_user("kiem.tra", "UBKT", vec![Role::Oversight])
            .await;
        // The first member's login grants the unit's key to the one after it.
        let head = Caller::log_in(&app, &head).await;
        let handler = Caller::log_in(&app, &handler).await;
        World {
            superior: Caller::log_in(&app, &superior).await,
            inspection: Caller::log_in(&app, &inspection).await,
            hr: Caller::log_in(&app, &hr).await,
            head,
            handler,
            app,
        }
    }

    async fn stop(self) {
        self.app.stop().await;
    }

    /// A named denunciation to TTT from the web, and the reporter's session.
    async fn named_report(&self, subject: &str) -> Reporter {
        let (status, created) = self
            .app
            .post_json(
                "/api/v1/reports",
                None,
                &json!({
                    "kind": "denunciation", "unit": "TTT",
                    "subject": subject, "content": "Phòng vật tư nâng khống giá thiết bị.",
                    "identity": {"full_name": REPORTER_NAME, "id_number": REPORTER_ID},
                }),
            )
            .await;
        assert_eq!(status, 201, "{created}");
        Reporter {
            receipt: created["receipt"].as_str().unwrap().to_owned(),
            ticket: self.session(created["receipt"].as_str().unwrap()).await,
            tracking_number: created["tracking_number"].as_str().unwrap().to_owned(),
        }
    }

    async fn session(&self, receipt: &str) -> String {
        let (status, session) = self
            .app
            .post_json(
                "/api/v1/whistleblower/session",
                None,
                &json!({ "receipt": receipt }),
            )
            .await;
        assert_eq!(status, 200, "{session}");
        session["token"].as_str().unwrap().to_owned()
    }

    /// The id of the case with this tracking number in the caller's unit list.
    async fn case_id(&self, caller: &Caller, tracking_number: &str) -> String {
        let (status, inbox) = caller.get(&self.app, "/api/v1/cases").await;
        assert_eq!(status, 200, "{inbox}");
        inbox["cases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|case| case["tracking_number"] == tracking_number)
            .unwrap_or_else(|| panic!("{tracking_number} in {inbox}"))["id"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// Takes a case from receipt to its conclusion, as `caller`.
    async fn conclude(&self, caller: &Caller, case: &str, conclusion: Value) {
        let day = today().to_string();
        let app = &self.app;
        caller
            .act(
                app,
                case,
                json!({"action": "classify", "as": "denunciation"}),
            )
            .await;
        caller
            .act(
                app,
                case,
                json!({"action": "accept", "decided_on": day, "conditions": {
                "formalities_met": true, "capacity": true, "competent": true,
                "identifies_violation": true}}),
            )
            .await;
        caller
            .act(
                app,
                case,
                json!({"action": "assign_verifiers", "verifiers": [caller.user_id]}),
            )
            .await;
        let mut conclude = conclusion;
        conclude["action"] = json!("conclude");
        conclude["decided_on"] = json!(day);
        caller.act(app, case, conclude).await;
    }
}

/// The reporter's follow-up page, opened with their receipt in `app.client`.
async fn follow_up_page(app: &TestApp, receipt: &str) -> String {
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
            ("receipt", receipt.to_owned()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(opened.status(), 303);
    app.client
        .get(app.url("/follow-up/case"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

async fn unit_id(app: &TestApp, code: &str) -> String {
    sqlx::query("SELECT id FROM units WHERE code = $1")
        .bind(code)
        .fetch_one(app.store.reader())
        .await
        .unwrap()
        .get::<String, _>("id")
}

fn fields(answer: &Value) -> Vec<String> {
    match answer["errors"].as_array() {
        Some(errors) => errors
            .iter()
            .map(|error| error["field"].as_str().unwrap().to_owned())
            .collect(),
        None => vec![answer["field"].as_str().unwrap_or_default().to_owned()],
    }
}

async fn a_retaliation_report_becomes_a_linked_case_at_the_superior(backend: Backend) {
    let w = World::new(backend).await;
    let app = &w.app;
    let reporter = w.named_report("Nâng khống giá thiết bị").await;
    let original = w.case_id(&w.head, &reporter.tracking_number).await;
    let told = "Bị điều chuyển xuống kho sau khi tố cáo TraThuDuyNhat4410";

    let (status, refused) = app
        .post_json(
            "/api/v1/whistleblower/retaliation-reports",
            Some(&reporter.ticket),
            &json!({"what_happened": " ", "when": "x".repeat(201)}),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(fields(&refused), ["what_happened", "when"]);
    let (status, sent) = app
        .post_json(
            "/api/v1/whistleblower/retaliation-reports",
            Some(&reporter.ticket),
            &json!({"what_happened": told, "when": "Tháng 3/2026"}),
        )
        .await;
    assert_eq!(status, 201, "{sent}");
    let linked_tracking = sent["linked_case"]["tracking_number"]
        .as_str()
        .unwrap()
        .to_owned();
    let linked_receipt = sent["linked_case"]["receipt"].as_str().unwrap().to_owned();
    assert_ne!(linked_receipt, reporter.receipt);

    // The superior of the accused unit has it, as a named denunciation with its
    // acceptance deadline running from today.
    let linked = w.case_id(&w.superior, &linked_tracking).await;
    let (status, detail) = w
        .superior
        .get(app, &format!("/api/v1/cases/{linked}"))
        .await;
    assert_eq!(status, 200, "{detail}");
    assert_eq!(detail["state"], "received");
    assert_eq!(detail["kind"], "denunciation");
    assert!(
        detail["content"].as_str().unwrap().contains(told),
        "{detail}"
    );
    let acceptance = detail["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|deadline| deadline["kind"] == "acceptance")
        .unwrap_or_else(|| panic!("an acceptance deadline in {detail}"))
        .clone();
    assert_eq!(acceptance["open"], true);
    assert_eq!(acceptance["starts_on"], today().to_string());
    assert!(acceptance["due"].as_str().unwrap() > today().to_string().as_str());
    assert!(
        !detail.to_string().contains("TenNguoiToCao9931"),
        "the identity stays sealed in the original case"
    );

    // The accused unit does not see it, nor that it exists.
    let (status, _) = w.head.get(app, &format!("/api/v1/cases/{linked}")).await;
    assert_eq!(status, 404);
    let (status, links) = w
        .head
        .get(app, &format!("/api/v1/cases/{original}/linked-cases"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(links["linked_cases"], json!([]), "{links}");

    // The superior sees the link both ways.
    let (_, links) = w
        .superior
        .get(app, &format!("/api/v1/cases/{original}/linked-cases"))
        .await;
    assert_eq!(links["linked_cases"][0]["tracking_number"], linked_tracking);
    assert_eq!(links["linked_cases"][0]["relation"], "retaliation_report");
    let (_, links) = w
        .superior
        .get(app, &format!("/api/v1/cases/{linked}/linked-cases"))
        .await;
    assert_eq!(
        links["linked_cases"][0]["tracking_number"],
        reporter.tracking_number
    );
    assert_eq!(links["linked_cases"][0]["relation"], "original_case");
    assert_eq!(links["retaliation"]["source"], "reporter");
    assert_eq!(
        links["retaliation"]["accused_unit"],
        unit_id(app, "TTT").await
    );
    assert_eq!(
        links["retaliation"]["inspection_unit"],
        unit_id(app, "UBKT").await
    );
    let (_, page) = w
        .superior
        .page(app, &format!("/staff/cases/{linked}"))
        .await;
    assert!(
        page.contains(&reporter.tracking_number),
        "linked case listed"
    );
    assert!(element_text(&page, "accused-unit").contains("TTT"));
    assert!(element_text(&page, "inspection-unit").contains("UBKT"));

    // The party inspection committee oversees it, and nothing else.
    let (status, overseen) = w.inspection.get(app, "/api/v1/retaliation-cases").await;
    assert_eq!(status, 200);
    assert_eq!(overseen["cases"][0]["id"], linked, "{overseen}");
    assert_eq!(overseen["cases"].as_array().unwrap().len(), 1);
    let (status, _) = w
        .inspection
        .get(app, &format!("/api/v1/cases/{linked}"))
        .await;
    assert_eq!(status, 200);
    let (status, _) = w
        .inspection
        .get(app, &format!("/api/v1/cases/{original}"))
        .await;
    assert_eq!(status, 404);
    let (status, page) = w.inspection.page(app, "/staff/retaliation-cases").await;
    assert_eq!(status, 200);
    assert!(page.contains(&linked_tracking));

    // The reporter follows the new case with its receipt; their own case keeps
    // the report too.
    let ticket = w.session(&linked_receipt).await;
    let (_, mine) = app.get_json("/api/v1/whistleblower/report", &ticket).await;
    assert_eq!(mine["tracking_number"], linked_tracking);
    let (_, mine) = app
        .get_json("/api/v1/whistleblower/report", &reporter.ticket)
        .await;
    assert_eq!(mine["retaliation_reports"][0]["what_happened"], told);
    assert_eq!(mine["rewards"], json!([]));

    // The same from the follow-up page, without JavaScript: the new receipt is
    // shown once.
    let page = follow_up_page(app, &reporter.receipt).await;
    assert!(page.contains("id=\"retaliation-goes-up\""));
    let sent = app
        .client
        .post(app.url("/follow-up/retaliation"))
        .form(&[
            ("csrf_token", hidden(&page, "csrf_token")),
            (
                "what_happened",
                "Bị hạ bậc thi đua QuaTrangWeb6120".to_owned(),
            ),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), 200);
    let shown = sent.text().await.unwrap();
    assert_eq!(
        element_text(&shown, "receipt")
            .chars()
            .filter(char::is_ascii_digit)
            .count(),
        16
    );
    let second = element_text(&shown, "tracking-number");
    let second = w.case_id(&w.superior, &second).await;
    let (_, detail) = w
        .superior
        .get(app, &format!("/api/v1/cases/{second}"))
        .await;
    assert!(
        detail["content"]
            .as_str()
            .unwrap()
            .contains("QuaTrangWeb6120")
    );
    w.stop().await;
}

async fn a_colleague_without_a_receipt_reports_retaliation(backend: Backend) {
    let w = World::new(backend).await;
    let app = &w.app;
    let original = w.named_report("Nâng khống giá thiết bị").await;

    let form = app
        .client
        .get(app.url("/retaliation/new"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(form.contains("value=\"TTT\""), "units to choose from");
    let token = hidden(&form, "csrf_token");
    let refused = app
        .client
        .post(app.url("/retaliation"))
        .form(&[
            ("csrf_token", token.as_str()),
            ("original_tracking_number", "KH-xyz"),
            ("what_happened", ""),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 400);
    let refused = refused.text().await.unwrap();
    for field in ["what_happened", "original_tracking_number"] {
        assert!(
            refused.contains(&format!("data-field=\"{field}\"")),
            "{field} named"
        );
    }
    let token = hidden(&refused, "csrf_token");
    let sent = app
        .client
        .post(app.url("/retaliation"))
        .form(&[
            ("csrf_token", token.as_str()),
            ("accused_unit", "TTT"),
            (
                "what_happened",
                "Đồng nghiệp bị hạ bậc lương DongNghiep3318",
            ),
            ("when", "Tuần trước"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), 200);
    let page = sent.text().await.unwrap();
    let receipt = element_text(&page, "receipt");
    assert_eq!(receipt.chars().filter(char::is_ascii_digit).count(), 16);
    let tracking = element_text(&page, "tracking-number");
    // At the superior, anonymous: information for inspection (LTC Art. 25).
    let case = w.case_id(&w.superior, &tracking).await;
    let (_, detail) = w.superior.get(app, &format!("/api/v1/cases/{case}")).await;
    assert_eq!(detail["anonymous"], true, "{detail}");
    assert_eq!(detail["deadlines"], json!([]));
    let (status, _) = w.head.get(app, &format!("/api/v1/cases/{case}")).await;
    assert_eq!(status, 404, "the accused unit never receives it");

    // The API: fields named; the tracking number alone links and routes it.
    let (status, refused) = app
        .post_json(
            "/api/v1/retaliation-reports",
            None,
            &json!({"accused_unit": "NOWHERE", "what_happened": "", "when": "x".repeat(201)}),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(fields(&refused), ["what_happened", "when", "accused_unit"]);
    let (status, created) = app
        .post_json(
            "/api/v1/retaliation-reports",
            None,
            &json!({"original_tracking_number": original.tracking_number,
                    "what_happened": "Bị cắt phụ cấp."}),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    let original_id = w.case_id(&w.head, &original.tracking_number).await;
    let (_, links) = w
        .superior
        .get(app, &format!("/api/v1/cases/{original_id}/linked-cases"))
        .await;
    assert_eq!(
        links["linked_cases"][0]["tracking_number"],
        created["tracking_number"]
    );
    let linked = links["linked_cases"][0]["id"].as_str().unwrap().to_owned();
    let (_, links) = w
        .superior
        .get(app, &format!("/api/v1/cases/{linked}/linked-cases"))
        .await;
    assert_eq!(links["retaliation"]["source"], "colleague");
    w.stop().await;
}

async fn a_retaliation_outcome_is_published_without_identity(backend: Backend) {
    let w = World::new(backend).await;
    let app = &w.app;
    let reporter = w.named_report("Nâng khống giá thiết bị").await;
    let told = "Bị kỷ luật vì tố cáo NoiDungTraThu7720";
    let (_, sent) = app
        .post_json(
            "/api/v1/whistleblower/retaliation-reports",
            Some(&reporter.ticket),
            &json!({ "what_happened": told }),
        )
        .await;
    let tracking = sent["linked_case"]["tracking_number"]
        .as_str()
        .unwrap()
        .to_owned();
    let case = w.case_id(&w.superior, &tracking).await;
    let page = app
        .client
        .get(app.url("/published"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("id=\"no-conclusions\""));

    w.conclude(
        &w.superior,
        &case,
        json!({"finding": "correct", "measures": ["Kỷ luật cảnh cáo Giám đốc Trung tâm BienPhap6604"],
               "persons_to_discipline": 1}),
    )
    .await;
    w.superior
        .act(
            app,
            &case,
            json!({"action": "publish", "from": today().to_string(),
                   "until": today().checked_add_days(Days::new(14)).unwrap().to_string()}),
        )
        .await;

    let page = app
        .client
        .get(app.url("/published"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains(&tracking));
    assert!(page.contains("BienPhap6604"));
    assert!(page.contains("Trả thù, trù dập người tố cáo"));
    for secret in [
        "TenNguoiToCao9931",
        REPORTER_ID,
        "NoiDungTraThu7720",
        reporter.tracking_number.as_str(),
    ] {
        assert!(!page.contains(secret), "{secret} on the public page");
    }
    let (status, listed) = app.get_json("/api/v1/published?kind=retaliation", "").await;
    assert_eq!(status, 200);
    let conclusions = listed["conclusions"].as_array().unwrap();
    assert_eq!(conclusions.len(), 1, "{listed}");
    assert_eq!(conclusions[0]["tracking_number"], tracking);
    assert_eq!(conclusions[0]["retaliation"], true);
    assert_eq!(conclusions[0]["finding"], "correct");
    assert_eq!(conclusions[0]["persons_to_discipline"], 1);
    assert!(!listed.to_string().contains("TenNguoiToCao9931"));
    let (status, refused) = app.get_json("/api/v1/published?kind=secret", "").await;
    assert_eq!((status, refused["field"].clone()), (400, json!("kind")));
    w.stop().await;
}

async fn a_false_finding_opens_a_review_that_never_ends_protection(backend: Backend) {
    let w = World::new(backend).await;
    let app = &w.app;
    let reporter = w.named_report("Nhận hối lộ").await;
    let (status, asked) = app
        .post_json(
            "/api/v1/whistleblower/protection-requests",
            Some(&reporter.ticket),
            &json!({"persons": ["self"], "interests": ["job"], "situation": "Sợ bị điều chuyển.",
                    "id_numbers": [{"person": "self", "number": REPORTER_ID}]}),
        )
        .await;
    assert_eq!(status, 201, "{asked}");
    let case = w.case_id(&w.head, &reporter.tracking_number).await;
    let review = format!("/api/v1/cases/{case}/false-report-review");
    w.conclude(
        &w.head,
        &case,
        json!({"finding": "false", "false_report_flag": true}),
    )
    .await;
    let (status, opened) = w.head.get(app, &review).await;
    assert_eq!(status, 200);
    assert_eq!(opened["current"]["status"], "open", "{opened}");
    assert_eq!(opened["current"]["protection_unaffected"], true);

    // Handling needs a deliberate finding first.
    let (status, refused) = w
        .head
        .post(
            app,
            &format!("{review}/handling"),
            json!({"handling": "fine", "legal_basis": "ltc_8_10_knowingly_false"}),
        )
        .await;
    assert_eq!(status, 409, "{refused}");
    assert_eq!(refused["field"], "handling");
    assert!(refused["error"].as_str().unwrap().contains("Art. 8(10)"));
    // Only the head decides; a decision must say yes or no.
    let (status, _) = w
        .handler
        .post(
            app,
            &format!("{review}/decision"),
            json!({"deliberate": true}),
        )
        .await;
    assert_eq!(status, 403);
    let (status, refused) = w
        .head
        .post(
            app,
            &format!("{review}/decision"),
            json!({"deliberate": "có"}),
        )
        .await;
    assert_eq!(
        (status, refused["field"].clone()),
        (400, json!("deliberate"))
    );
    let (status, decided) = w
        .head
        .post(
            app,
            &format!("{review}/decision"),
            json!({"deliberate": true, "note": "Đã được giải thích nhưng vẫn tố cáo."}),
        )
        .await;
    assert_eq!(status, 200, "{decided}");
    assert_eq!(decided["current"]["status"], "deliberate");
    assert_eq!(decided["current"]["decided"]["by"], w.head.user_id);
    let (status, _) = w
        .head
        .post(
            app,
            &format!("{review}/decision"),
            json!({"deliberate": false}),
        )
        .await;
    assert_eq!(status, 409, "decided once");
    let (status, refused) = w
        .head
        .post(
            app,
            &format!("{review}/handling"),
            json!({"handling": "fine", "legal_basis": "penal_code_156"}),
        )
        .await;
    assert_eq!(
        (status, refused["field"].clone()),
        (409, json!("legal_basis"))
    );
    let (status, refused) = w
        .head
        .post(
            app,
            &format!("{review}/handling"),
            json!({"handling": "caning", "legal_basis": "ltc_8_10_knowingly_false"}),
        )
        .await;
    assert_eq!((status, refused["field"].clone()), (400, json!("handling")));
    let (status, handled) = w
        .head
        .post(
            app,
            &format!("{review}/handling"),
            json!({"handling": "discipline", "legal_basis": "nd31_23_official"}),
        )
        .await;
    assert_eq!(status, 200, "{handled}");
    assert_eq!(handled["current"]["status"], "handling_recommended");
    assert_eq!(handled["current"]["handling"]["kind"], "discipline");
    assert_eq!(
        handled["current"]["handling"]["legal_basis"],
        "nd31_23_official"
    );
    assert_eq!(handled["current"]["handling"]["by"], w.head.user_id);

    // Protection persists: the protected ID number still matches an adverse
    // decision, which alerts the unit's protection officer.
    let active: Vec<Option<String>> =
        sqlx::query("SELECT active_until FROM protected_id_numbers WHERE case_id = $1")
            .bind(&case)
            .fetch_all(app.store.reader())
            .await
            .unwrap()
            .iter()
            .map(|row| row.get::<Option<String>, _>("active_until"))
            .collect();
    assert_eq!(active, [None]);
    let (status, recorded) =
        w.hr.post(
            app,
            "/api/v1/hr-actions",
            json!({"id_number": REPORTER_ID, "unit": "UBT", "action": "dismissal",
                   "decided_on": today().to_string()}),
        )
        .await;
    assert_eq!(status, 201, "{recorded}");
    let (_, alerts) = w.head.get(app, "/api/v1/alerts").await;
    assert_eq!(alerts["alerts"][0]["case"]["id"], case, "{alerts}");

    // A second report found partly untrue and flagged: not deliberate, from the
    // console; handling is then refused.
    let second = w.named_report("Lạm dụng xe công").await;
    let second_case = w.case_id(&w.head, &second.tracking_number).await;
    w.conclude(
        &w.head,
        &second_case,
        json!({"finding": "partly_correct", "false_report_flag": true}),
    )
    .await;
    let (_, page) = w
        .head
        .page(app, &format!("/staff/cases/{second_case}"))
        .await;
    assert!(page.contains("id=\"review-decision\""), "the head's form");
    let (status, location, _) = w
        .head
        .form(
            app,
            &format!("/staff/cases/{second_case}/false-report-review/decision"),
            &[
                ("deliberate", "no"),
                ("note", "Nhầm lẫn do thiếu thông tin."),
            ],
        )
        .await;
    assert_eq!(status, 303);
    assert!(location.ends_with("#outcomes"));
    let (status, refused) = w
        .head
        .post(
            app,
            &format!("/api/v1/cases/{second_case}/false-report-review/handling"),
            json!({"handling": "discipline", "legal_basis": "ltc_8_10_knowingly_false"}),
        )
        .await;
    assert_eq!(status, 409, "{refused}");
    assert!(
        refused["error"]
            .as_str()
            .unwrap()
            .contains("not deliberate")
    );
    let (_, page) = w
        .head
        .page(app, &format!("/staff/cases/{second_case}"))
        .await;
    assert!(page.contains("Nhầm lẫn do thiếu thông tin."));
    assert!(!page.contains("id=\"review-handling\""));
    w.stop().await;
}

async fn rewards_need_a_right_denunciation_and_the_reporters_answer(backend: Backend) {
    let w = World::new(backend).await;
    let app = &w.app;
    let untrue = w.named_report("Tố cáo không đúng").await;
    let untrue_case = w.case_id(&w.head, &untrue.tracking_number).await;
    w.conclude(&w.head, &untrue_case, json!({"finding": "false"}))
        .await;
    let proposal = json!({"beneficiary": "reporter", "form": "prime_minister_certificate",
        "bonus_multiple": 40, "recovered_vnd": 2_000_000_000u64,
        "grounds": "Tố cáo đúng, giúp thu hồi tiền."});
    let (status, refused) = w
        .handler
        .post(
            app,
            &format!("/api/v1/cases/{untrue_case}/rewards"),
            proposal.clone(),
        )
        .await;
    assert_eq!(status, 409, "{refused}");
    assert_eq!(refused["field"], "beneficiary");
    assert!(refused["error"].as_str().unwrap().contains("Art. 62"));

    let reporter = w.named_report("Nâng khống giá thiết bị").await;
    let case = w.case_id(&w.head, &reporter.tracking_number).await;
    let rewards = format!("/api/v1/cases/{case}/rewards");
    w.conclude(
        &w.head,
        &case,
        json!({"finding": "correct", "amount_to_recover_vnd": 2_000_000_000u64}),
    )
    .await;
    let (status, refused) = w
        .handler
        .post(
            app,
            &rewards,
            json!({"beneficiary": "cousin", "form": "medal", "bonus_multiple": 50, "grounds": ""}),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(
        fields(&refused),
        ["beneficiary", "form", "bonus_multiple", "grounds"]
    );
    let (status, proposed) = w.handler.post(app, &rewards, proposal.clone()).await;
    assert_eq!(status, 201, "{proposed}");
    let reward = proposed["id"].as_str().unwrap().to_owned();
    let (status, refused) = w
        .handler
        .post(
            app,
            &rewards,
            json!({"beneficiary": "unit", "unit": "NOWHERE", "form": "ministerial_certificate",
                   "grounds": "Bảo vệ tốt người tố cáo."}),
        )
        .await;
    assert_eq!((status, refused["field"].clone()), (400, json!("unit")));
    let (status, unit_reward) = w
        .handler
        .post(
            app,
            &rewards,
            json!({"beneficiary": "unit", "unit": "TTT", "form": "ministerial_certificate",
                   "grounds": "Bảo vệ tốt người tố cáo."}),
        )
        .await;
    assert_eq!(status, 201, "{unit_reward}");

    // Not yet approved: the reporter is told nothing and cannot answer.
    let (_, mine) = app
        .get_json("/api/v1/whistleblower/report", &reporter.ticket)
        .await;
    assert_eq!(mine["rewards"], json!([]));
    let answer = format!("/api/v1/whistleblower/rewards/{reward}/response");
    let (status, _) = app
        .post_json(&answer, Some(&reporter.ticket), &json!({"accept": true}))
        .await;
    assert_eq!(status, 409);

    // Only the head decides, once.
    let decision = format!("/api/v1/rewards/{reward}/decision");
    let (status, _) = w
        .handler
        .post(app, &decision, json!({"approve": true}))
        .await;
    assert_eq!(status, 403);
    let (status, decided) = w.head.post(app, &decision, json!({"approve": true})).await;
    assert_eq!(status, 200, "{decided}");
    assert_eq!(decided["status"], "approved");
    let (status, _) = w.head.post(app, &decision, json!({"approve": false})).await;
    assert_eq!(status, 409);
    let (_, listed) = w.head.get(app, &rewards).await;
    let approved = &listed["rewards"][0];
    assert_eq!(approved["status"], "approved");
    assert_eq!(approved["bonus_vnd"], 40 * 2_340_000);
    // 10% of 2,000,000,000 recovered (more than 600 base salaries), under the cap.
    assert_eq!(approved["recovery_share_max_vnd"], 200_000_000);

    // The reporter sees it and accepts, consenting to disclose their identity.
    let (_, mine) = app
        .get_json("/api/v1/whistleblower/report", &reporter.ticket)
        .await;
    assert_eq!(mine["rewards"][0]["id"], reward, "{mine}");
    assert_eq!(mine["rewards"][0]["response"], Value::Null);
    assert!(mine["rewards"][0]["accepting_means"]["vi"].is_string());
    assert!(!mine.to_string().contains(&w.handler.user_id));
    let (status, refused) = app
        .post_json(&answer, Some(&reporter.ticket), &json!({"accept": "yes"}))
        .await;
    assert_eq!((status, refused["field"].clone()), (400, json!("accept")));
    let (status, answered) = app
        .post_json(&answer, Some(&reporter.ticket), &json!({"accept": true}))
        .await;
    assert_eq!(status, 200, "{answered}");
    assert_eq!(answered["response"], "accepted");
    let (status, _) = app
        .post_json(&answer, Some(&reporter.ticket), &json!({"accept": false}))
        .await;
    assert_eq!(status, 409, "answered once");
    let unit_answer = format!(
        "/api/v1/whistleblower/rewards/{}/response",
        unit_reward["id"].as_str().unwrap()
    );
    let (status, _) = app
        .post_json(
            &unit_answer,
            Some(&reporter.ticket),
            &json!({"accept": true}),
        )
        .await;
    assert_eq!(
        status, 409,
        "a unit's reward is not the reporter's to answer"
    );
    let (_, listed) = w.head.get(app, &rewards).await;
    assert_eq!(
        listed["rewards"][0]["reporter_response"]["response"],
        "accepted"
    );
    assert!(listed["rewards"][0]["identity_release_consented_at"].is_string());

    // A second reward, approved from the console and declined from the page.
    let (_, second) = w.handler.post(app, &rewards, proposal).await;
    let second = second["id"].as_str().unwrap().to_owned();
    let (status, location, _) = w
        .head
        .form(
            app,
            &format!("/staff/rewards/{second}/decision"),
            &[("decision", "approve")],
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(location, format!("/staff/cases/{case}#outcomes"));
    let page = follow_up_page(app, &reporter.receipt).await;
    assert!(page.contains(&format!("/follow-up/rewards/{second}/response")));
    let declined = app
        .client
        .post(app.url(&format!("/follow-up/rewards/{second}/response")))
        .form(&[
            ("csrf_token", hidden(&page, "csrf_token")),
            ("decision", "decline".to_owned()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(declined.status(), 303);
    let (_, listed) = w.head.get(app, &rewards).await;
    let second = listed["rewards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|reward| reward["id"] == second.as_str())
        .unwrap()
        .clone();
    assert_eq!(second["reporter_response"]["response"], "declined");
    assert_eq!(second["identity_release_consented_at"], Value::Null);
    let (_, page) = w.head.page(app, &format!("/staff/cases/{case}")).await;
    assert!(page.contains("id=\"rewards\""));
    w.stop().await;
}

khien_testkit::on_both_backends!(
    a_retaliation_report_becomes_a_linked_case_at_the_superior,
    a_colleague_without_a_receipt_reports_retaliation,
    a_retaliation_outcome_is_published_without_identity,
    a_false_finding_opens_a_review_that_never_ends_protection,
    rewards_need_a_right_denunciation_and_the_reporters_answer,
);
