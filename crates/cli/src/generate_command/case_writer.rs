//! Writing one generated case through the store, as intake and the workflow would:
//! the report sealed under a fresh case key (sealed to the unit's key, the intake
//! key, the custodians and a receipt), then each event of its story appended with
//! `record_case_event` under the case key opened with the unit's key, so the clock
//! columns (stage, next due date, assignee) come from the real fold.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use khien_calendar::Calendar;
use khien_domain::intake::{AttachmentLimits, Channel, NewReport};
use khien_domain::routing::OrgTree;
use khien_domain::rules::RulePacks;
use khien_store::Store;
use khien_store::accounts::UnitId;
use khien_store::blobs::BlobStore;
use khien_store::intake::{Author, PendingCase, Submission};
use khien_store::workflow::{ClockContext, NewCaseEvent};
use khien_vault::case_keys::issue_receipt;
use khien_vault::kdf::KdfParams;
use khien_vault::server_secret::ServerSecret;
use khien_web::person_indexes::accused_indexes;

use super::case_story::{Cast, arrival, story};
use super::dice::Dice;
use super::report_text::draft;
use super::staffing::StaffedUnit;
use crate::Failure;

/// What every case of a run shares.
pub struct Run {
    /// The store.
    pub store: Store,
    /// Where attachments would go (generated cases have none).
    pub blobs: BlobStore,
    /// The installation's server secret (receipt lookups).
    pub server_secret: Arc<ServerSecret>,
    /// The staffed units.
    pub units: Vec<StaffedUnit>,
    /// The run's seed.
    pub seed: u64,
    /// The first day a case may be received.
    pub first_day: NaiveDate,
    /// Today in Vietnam: no event is dated after it.
    pub today: NaiveDate,
    /// The installation's working-day calendar.
    pub calendar: Calendar,
    /// The organisation tree, for the accused persons' blind indexes.
    pub tree: OrgTree<UnitId>,
}

impl Run {
    /// The clock context of every event.
    fn context(&self) -> ClockContext<'_> {
        ClockContext {
            today: self.today,
            packs: RulePacks::builtin(),
            calendar: &self.calendar,
        }
    }
}

/// The cost of receipts: Argon2id at its cheapest. Generated receipts are weak; the
/// data is for measurement only.
fn receipt_params() -> KdfParams {
    KdfParams::for_tests()
}

/// Writes case number `index`; returns how many events it got.
pub async fn write_case(run: &Run, index: u64) -> Result<usize, Failure> {
    let mut dice = Dice::new(run.seed, index);
    let shares: Vec<u64> = run.units.iter().map(|unit| unit.plan.share).collect();
    let unit = &run.units[dice.weighted(&shares)];
    let context = run.context();
    let arrival = arrival(&mut dice, run.first_day, run.today);
    let draft = draft(&mut dice, &arrival, &unit.code, unit.plan.name);
    let report = NewReport::parse(&draft, arrival.received_on)
        .map_err(|errors| Failure::new(format!("a generated report does not parse: {errors}")))?;
    let receipt = issue_receipt(&run.server_secret, receipt_params()).map_err(Failure::new)?;
    let author = match arrival.channel {
        Channel::Web => Author::Reporter,
        _ => Author::Staff(unit.intake_officer.clone()),
    };
    let received_at = at(
        arrival.received_on,
        arrival.hour_utc,
        dice.between(0, 59) as u32,
    );
    let submitted = run
        .store
        .submit_report(
            Submission {
                pending: PendingCase::new(),
                report: &report,
                receipt: &receipt,
                attachments: Vec::new(),
                author,
                limits: AttachmentLimits::default(),
                now: received_at,
                accused_indexes: accused_indexes(
                    &run.server_secret,
                    &run.tree,
                    &report.content().accused,
                ),
            },
            &run.blobs,
        )
        .await
        .map_err(|e| Failure::new(format!("cannot store generated case {index}: {e}")))?;
    let case_key = run
        .store
        .case_key_as_unit(&submitted.case_id, &unit.unit_secret)
        .await
        .map_err(|e| Failure::new(format!("generated case {index} does not open: {e}")))?;
    let forward_to: Vec<String> = run
        .units
        .iter()
        .filter(|other| other.code != unit.code)
        .map(|other| other.code.clone())
        .collect();
    let cast = Cast {
        handlers: &unit.handlers,
        forward_to: &forward_to,
    };
    let events = story(&mut dice, &arrival, &cast, run.today);
    let count = events.len();
    for event in events {
        let now = at(
            event.on(),
            dice.between(1, 10) as u32,
            dice.between(0, 59) as u32,
        );
        let name = event.name();
        run.store
            .record_case_event(
                NewCaseEvent {
                    case_id: &submitted.case_id,
                    event,
                    actor: &unit.head,
                    case_key: &case_key,
                    identity_key: None,
                    now,
                },
                &context,
            )
            .await
            .map_err(|e| {
                Failure::new(format!("generated case {index}: event {name} refused: {e}"))
            })?;
    }
    if count == 0 {
        // No event computed the clock yet: do it now, as the clock job would.
        run.store
            .refresh_case_clock(&submitted.case_id, &context)
            .await
            .map_err(|e| Failure::new(format!("generated case {index}: clock: {e}")))?;
    }
    Ok(count)
}

/// `day` at `hour:minute` UTC.
fn at(day: NaiveDate, hour: u32, minute: u32) -> DateTime<Utc> {
    day.and_hms_opt(hour.min(23), minute.min(59), 0)
        .unwrap_or_default()
        .and_utc()
}
