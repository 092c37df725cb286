//! Prometheus metrics on their own address, scraped after real traffic on both
//! backends: requests by route pattern and status, latency histograms, submissions,
//! the Argon2 queue, the audit chain and the database pool — and not one label that
//! could name a case, a receipt, a person or an address.

use std::collections::BTreeMap;

use khien_domain::accounts::{Role, UnitKind};
use khien_store::Backend;
use khien_testkit::{StaffClient, spawn_app_with};
use serde_json::{Value, json};

/// One sample of the text format: name, labels, value.
#[derive(Debug)]
struct Sample {
    name: String,
    labels: BTreeMap<String, String>,
    value: f64,
}

/// Parses the Prometheus text format (comments skipped); panics on a line that is
/// not `name{label="value",…} number` or `name number`.
fn parse(text: &str) -> Vec<Sample> {
    text.lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let (series, value) = line.rsplit_once(' ').expect("a sample has a value");
            let value: f64 = value.parse().unwrap_or_else(|_| panic!("value of {line}"));
            let (name, labels) = match series.split_once('{') {
                Some((name, rest)) => (name, rest.strip_suffix('}').expect("labels end with }")),
                None => (series, ""),
            };
            let labels = labels
                .split("\",")
                .filter(|pair| !pair.is_empty())
                .map(|pair| {
                    let (key, value) = pair.split_once("=\"").expect("label=\"value\"");
                    (key.to_owned(), value.trim_end_matches('"').to_owned())
                })
                .collect();
            Sample {
                name: name.to_owned(),
                labels,
                value,
            }
        })
        .collect()
}

fn total(samples: &[Sample], name: &str, labels: &[(&str, &str)]) -> f64 {
    samples
        .iter()
        .filter(|sample| sample.name == name)
        .filter(|sample| {
            labels
                .iter()
                .all(|(key, value)| sample.labels.get(*key).map(String::as_str) == Some(*value))
        })
        .map(|sample| sample.value)
        .sum()
}

async fn metrics_count_traffic_and_name_no_one(backend: Backend) {
    let app = spawn_app_with(backend, |settings| {
        settings.metrics_listen = Some("127.0.0.1:0".parse().unwrap());
    })
    .await;
    app.seed_unit("TTT", UnitKind::Inspectorate, None).await;
    let officer = app
        .seed_user("can.bo.kin", "TTT", vec![Role::Intake, Role::Handler])
        .await;

    // A reporter sends a report; an officer logs in and opens it.
    let sent: Value = app
        .client
        .post(app.url("/api/v1/reports"))
        .json(&json!({
            "kind": "denunciation", "unit": "TTT",
            "subject": "Nội dung kín MTR-5521", "content": "Cán bộ đòi tiền.",
            "identity": {"full_name": "Người Tố Cáo Kín", "id_number": "001234567890"},
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let receipt = sent["receipt"].as_str().unwrap().to_owned();
    let tracking = sent["tracking_number"].as_str().unwrap().to_owned();
    let officer = StaffClient::log_in(&app, &officer).await;
    let (status, inbox) = officer.get(&app, "/api/v1/cases").await;
    assert_eq!(status, 200);
    let case_id = inbox["cases"][0]["id"].as_str().unwrap().to_owned();
    let (status, _) = officer.get(&app, &format!("/api/v1/cases/{case_id}")).await;
    assert_eq!(status, 200);
    let (status, _) = officer.get(&app, "/api/v1/cases/no-such-case").await;
    assert_eq!(status, 404);

    // The public listener has no metrics.
    let public = app.client.get(app.url("/metrics")).send().await.unwrap();
    assert_eq!(public.status(), 404);

    let metrics_url = app.metrics_url.clone().expect("metrics are on");
    let scraped = reqwest::get(&metrics_url).await.unwrap();
    assert_eq!(scraped.status(), 200);
    assert!(
        scraped.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain; version=0.0.4")
    );
    let text = scraped.text().await.unwrap();
    let samples = parse(&text);

    let requests = "khien_http_requests_total";
    let report_route = [
        ("route", "/api/v1/reports"),
        ("method", "POST"),
        ("status", "201"),
    ];
    assert_eq!(total(&samples, requests, &report_route), 1.0, "{text}");
    let case_route = [("route", "/api/v1/cases/{id}"), ("method", "GET")];
    assert_eq!(total(&samples, requests, &case_route), 2.0, "{text}");
    assert_eq!(
        total(
            &samples,
            requests,
            &[("route", "/api/v1/cases/{id}"), ("status", "404")]
        ),
        1.0
    );
    assert!(
        total(
            &samples,
            "khien_http_request_duration_seconds_count",
            &case_route
        ) >= 2.0
    );
    assert!(
        samples
            .iter()
            .any(|s| s.name == "khien_http_request_duration_seconds_bucket"
                && s.labels.get("le").map(String::as_str) == Some("0.1")),
        "latency is a histogram: {text}"
    );
    assert_eq!(
        total(
            &samples,
            "khien_reports_submitted_total",
            &[("channel", "web")]
        ),
        1.0
    );
    assert!(total(&samples, "khien_argon_wait_seconds_count", &[]) >= 1.0);
    assert!(total(&samples, "khien_audit_entries", &[]) >= 3.0, "{text}");
    assert!(total(&samples, "khien_db_pool_connections", &[]) >= 1.0);

    // No label names anything that identifies: only these keys, route labels are
    // patterns of the route table, and no value holds an id, a receipt or an address.
    let routes = khien_web::route_paths();
    let digits: String = receipt.chars().filter(char::is_ascii_digit).collect();
    for sample in &samples {
        for (key, value) in &sample.labels {
            assert!(
                [
                    "route", "method", "status", "channel", "outcome", "le", "quantile"
                ]
                .contains(&key.as_str()),
                "label {key} in {sample:?}"
            );
            if key == "route" {
                assert!(
                    value == "unmatched" || routes.contains(&value.as_str()),
                    "{value} is not a route pattern"
                );
            }
            for secret in [
                case_id.as_str(),
                tracking.as_str(),
                receipt.as_str(),
                digits.as_str(),
                "can.bo.kin",
                "127.0.0.1",
                "no-such-case",
            ] {
                assert!(!value.contains(secret), "{secret} in {sample:?}");
            }
        }
    }
    assert!(!text.contains("MTR-5521") && !text.contains("Người Tố Cáo Kín"));
    app.stop().await;
}

khien_testkit::on_both_backends!(metrics_count_traffic_and_name_no_one);
