//! `read`: walks the whole inbox once through the API (collecting every case id and
//! the cursors of its pages), then measures each read in turn with `concurrency`
//! workers, picking a random case or a random deep cursor for each request.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use reqwest::header::{AUTHORIZATION, COOKIE};
use reqwest::{Client, StatusCode, Url};
use serde_json::Value;

use crate::driver::{Tally, transport_failure};
use crate::options::Stop;
use crate::read_options::{Read, ReadPlan};
use crate::read_summary::SKIPPED;
use crate::sources::run_seed;
use crate::staff_login::StaffSession;

/// Page size of the walk (the API's largest).
const WALK_PAGE: u32 = 200;

/// The inbox as the walk found it.
pub struct Walk {
    /// Every case id, newest first.
    pub ids: Vec<String>,
    /// Cursors of the pages in the inbox's second half.
    pub deep_cursors: Vec<String>,
    /// Pages read.
    pub pages: usize,
    /// How long the walk took.
    pub elapsed: Duration,
}

async fn get_json(client: &Client, url: Url, session: &StaffSession) -> Result<Value, String> {
    let response = client
        .get(url.clone())
        .header(AUTHORIZATION, session.bearer())
        .send()
        .await
        .map_err(|error| transport_failure(&error).message)?;
    let status = response.status();
    if status != StatusCode::OK {
        return Err(format!("{url} answered {status}"));
    }
    response
        .json()
        .await
        .map_err(|error| format!("{url}: {error}"))
}

/// Reads the whole inbox, 200 cases a page.
pub async fn walk_inbox(
    client: &Client,
    plan: &ReadPlan,
    session: &StaffSession,
) -> Result<Walk, String> {
    let started = Instant::now();
    let mut ids = Vec::new();
    let mut cursors = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let mut url = plan.target.endpoint("/api/v1/cases");
        url.query_pairs_mut()
            .append_pair("limit", &WALK_PAGE.to_string());
        if let Some(cursor) = &after {
            url.query_pairs_mut().append_pair("after", cursor);
        }
        let body = get_json(client, url, session).await?;
        let cases = body["cases"]
            .as_array()
            .ok_or("an inbox page without cases")?;
        ids.extend(
            cases
                .iter()
                .filter_map(|case| case["id"].as_str().map(str::to_owned)),
        );
        match body["next"].as_str() {
            Some(next) => {
                cursors.push(next.to_owned());
                after = Some(next.to_owned());
            }
            None => break,
        }
    }
    let half = cursors.len() / 2;
    Ok(Walk {
        pages: cursors.len() + 1,
        ids,
        deep_cursors: cursors.split_off(half),
        elapsed: started.elapsed(),
    })
}

/// What one read measured.
pub struct ReadRun {
    /// The read.
    pub read: Read,
    /// Wall time.
    pub elapsed: Duration,
    /// Latencies and failures.
    pub tally: Tally,
    /// Cases on the first answer (inbox reads).
    pub rows: Option<usize>,
}

/// xorshift64*: which case or cursor each request asks for.
struct Picker(u64);

impl Picker {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1) as u64) as usize
    }
}

fn url_of(plan: &ReadPlan, read: Read, walk: &Walk, picker: &mut Picker) -> Url {
    let target = &plan.target;
    let pick = |items: &[String], picker: &mut Picker| items[picker.below(items.len())].clone();
    match read {
        Read::Inbox => target.endpoint("/api/v1/cases"),
        Read::InboxDeep => {
            let mut url = target.endpoint("/api/v1/cases");
            url.query_pairs_mut()
                .append_pair("after", &pick(&walk.deep_cursors, picker));
            url
        }
        Read::Overdue => {
            let mut url = target.endpoint("/api/v1/cases");
            url.query_pairs_mut().append_pair("overdue", "true");
            url
        }
        Read::Mine => {
            let mut url = target.endpoint("/api/v1/cases");
            url.query_pairs_mut()
                .append_pair("stage", "accepted")
                .append_pair("assignee", "me");
            url
        }
        Read::ConsoleInbox => target.endpoint("/staff/inbox"),
        Read::Case => target.endpoint(&format!("/api/v1/cases/{}", pick(&walk.ids, picker))),
        Read::ConsoleCase => target.endpoint(&format!("/staff/cases/{}", pick(&walk.ids, picker))),
    }
}

/// One request; on success, the number of cases it listed (inbox reads).
async fn read_once(
    client: &Client,
    session: &StaffSession,
    read: Read,
    url: Url,
) -> Result<Option<usize>, (String, String)> {
    let path = url.path().to_owned();
    let request = if read.is_console() {
        client.get(url).header(COOKIE, session.cookie())
    } else {
        client.get(url).header(AUTHORIZATION, session.bearer())
    };
    let response = request.send().await.map_err(|error| {
        let failure = transport_failure(&error);
        (failure.kind, failure.message)
    })?;
    let status = response.status();
    let body = response.text().await.map_err(|error| {
        let failure = transport_failure(&error);
        (failure.kind, failure.message)
    })?;
    if status != StatusCode::OK {
        return Err((
            format!("HTTP {}", status.as_u16()),
            body.chars().take(300).collect(),
        ));
    }
    if read.is_console() {
        if !body.contains("</html>") {
            return Err(("bad answer".into(), "not a whole HTML page".into()));
        }
        // The inbox links its cases; a case page's forms and links name the case.
        let marker = match read {
            Read::ConsoleCase => path,
            _ => "/staff/cases/".to_owned(),
        };
        if !body.contains(&marker) {
            return Err((
                "bad answer".into(),
                format!("a page without {marker}: not the inbox or case page"),
            ));
        }
        return Ok(None);
    }
    let json: Value = serde_json::from_str(&body)
        .map_err(|error| ("bad answer".to_owned(), error.to_string()))?;
    match read {
        Read::Case => json["id"]
            .as_str()
            .map(|_| None)
            .ok_or_else(|| ("bad answer".into(), "a case without an id".into())),
        _ => json["cases"]
            .as_array()
            .map(|cases| Some(cases.len()))
            .ok_or_else(|| ("bad answer".into(), "an inbox page without cases".into())),
    }
}

/// Measures `read`.
pub async fn measure(
    client: &Client,
    plan: &ReadPlan,
    session: &Arc<StaffSession>,
    walk: &Arc<Walk>,
    read: Read,
) -> ReadRun {
    let needed = match read {
        Read::InboxDeep => walk.deep_cursors.len(),
        Read::Case | Read::ConsoleCase => walk.ids.len(),
        _ => 1,
    };
    if needed == 0 {
        let mut tally = Tally::default();
        tally.fail(
            SKIPPED.into(),
            "the inbox is too small for this read (no second page or no case)".into(),
        );
        return ReadRun {
            read,
            elapsed: Duration::ZERO,
            tally,
            rows: None,
        };
    }
    let rows = read_once(
        client,
        session,
        read,
        url_of(plan, read, walk, &mut Picker(run_seed() | 1)),
    )
    .await
    .ok()
    .flatten();
    let issued = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let (deadline, limit) = match plan.stop {
        Stop::After(duration) => (Some(started + duration), u64::MAX),
        Stop::Count(count) => (None, count),
    };
    let mut workers = Vec::with_capacity(plan.concurrency);
    for _ in 0..plan.concurrency {
        let client = client.clone();
        let plan = plan.clone();
        let session = Arc::clone(session);
        let walk = Arc::clone(walk);
        let issued = Arc::clone(&issued);
        workers.push(tokio::spawn(async move {
            let mut picker = Picker(run_seed() | 1);
            let mut tally = Tally::default();
            loop {
                if deadline.is_some_and(|deadline| Instant::now() >= deadline)
                    || issued.fetch_add(1, Ordering::Relaxed) >= limit
                {
                    break;
                }
                let url = url_of(&plan, read, &walk, &mut picker);
                let sent = Instant::now();
                match read_once(&client, &session, read, url).await {
                    Ok(_) => tally.latencies.push(sent.elapsed()),
                    Err((kind, example)) => tally.fail(kind, example),
                }
            }
            tally
        }));
    }
    let mut tally = Tally::default();
    for worker in workers {
        match worker.await {
            Ok(worker_tally) => tally.merge(worker_tally),
            Err(error) => tally.fail("worker panicked".into(), error.to_string()),
        }
    }
    ReadRun {
        read,
        elapsed: started.elapsed(),
        tally,
        rows,
    }
}
