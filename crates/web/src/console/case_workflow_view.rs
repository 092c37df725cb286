//! The workflow part of the console's case page: stage, deadlines, timeline and the
//! actions the law allows now.

use khien_domain::case_file::{ComplexityCriterion, Deadline, Notice};
use khien_store::accounts::UnitId;
use khien_store::intake::CaseId;
use khien_vault::symmetric::DataKey;

use crate::case_workflow::{
    available_actions, clock_context, criterion_label, event_detail, event_label, owed_notices,
};
use crate::conflict_of_interest::linked_report_counts;
use crate::console::case_file_read::CaseFileRead;
use crate::intake_form::intake_failure;
use crate::language::Language;
use crate::legal_basis::basis_shown;
use crate::organisation_tree::organisation_tree;
use crate::staff_session::Staff;
use crate::vietnam_time::format_in_vietnam;
use crate::vietnam_time::today_in_vietnam;
use crate::{AppError, AppState};
use khien_domain::routing::{AccusedFacts, Concerns, ProposedBody, ReportFacts, propose};

/// One row of the deadlines table.
pub struct DeadlineRow {
    pub step: &'static str,
    pub basis: String,
    pub starts_on: String,
    pub due: String,
    /// "open", "overdue", "done-late", "done", "paused".
    pub class: &'static str,
    pub status: String,
}

/// One entry of the timeline.
pub struct TimelineRow {
    pub date: String,
    pub label: &'static str,
    pub detail: String,
    pub recorded_at: String,
}

/// Everything the case page shows of the workflow.
pub struct WorkflowView {
    pub stage: &'static str,
    pub stage_code: &'static str,
    pub deadlines: Vec<DeadlineRow>,
    pub timeline: Vec<TimelineRow>,
    pub actions: Vec<&'static str>,
    pub notices: Vec<(&'static str, &'static str)>,
    pub handlers: Vec<(String, String)>,
    pub criteria: Vec<(&'static str, &'static str)>,
    pub today: String,
    /// Other reports about the same accused person: those the viewer may open
    /// (id, tracking number), and how many more there are elsewhere.
    pub linked: Vec<(String, String)>,
    pub linked_elsewhere: usize,
    /// The competent body proposed for each accused person: (person, proposals as
    /// "body — basis: reason").
    pub routing: Vec<(String, Vec<String>)>,
    /// The accused is the head of the handling unit: the case goes to the superior.
    pub accused_is_head: bool,
    /// The forward form's choice list: the routing proposal's units first, then every
    /// other unit of the tree.
    pub forward_choices: Vec<ForwardChoice>,
}

/// One unit the case can be forwarded to.
pub struct ForwardChoice {
    pub code: String,
    /// "Name (CODE)", with "not on Khiên" when nobody there holds the unit key (the
    /// letter then goes on paper).
    pub label: String,
    /// Proposed by the routing rules (LTC Art. 12–13).
    pub proposed: bool,
}

impl WorkflowView {
    /// Whether the action is offered now (used by the template).
    pub fn offers(&self, action: &str) -> bool {
        self.actions.contains(&action)
    }
}

/// Builds the view of a case opened with its key.
pub async fn workflow_view(
    state: &AppState,
    lang: Language,
    case_id: &CaseId,
    case_key: &DataKey,
    unit: &khien_store::accounts::UnitId,
    staff: &Staff,
    file: &CaseFileRead,
) -> Result<WorkflowView, AppError> {
    let context = clock_context(state);
    let (folded, history) = (&file.folded, &file.history);
    let timeline = history
        .iter()
        .map(|stored| {
            let (vi, en) = event_label(&stored.event);
            TimelineRow {
                date: stored.event.effective_on().format("%d/%m/%Y").to_string(),
                label: lang.pick(vi, en),
                detail: event_detail(&stored.event, lang),
                recorded_at: format_in_vietnam(stored.recorded_at),
            }
        })
        .collect();
    // Members with a conflict of interest are not offered (and the action refuses
    // them anyway).
    let conflicted = state.store.staff_in_conflict_with_case(case_id).await?;
    let handlers = state
        .store
        .unit_handlers(unit)
        .await?
        .into_iter()
        .filter(|(id, _)| !conflicted.contains(id))
        .map(|(id, username)| (id.to_string(), username.as_str().to_owned()))
        .collect();
    let linked = linked_report_counts(state, staff, case_id).await?;
    let (routing, proposed_units) = routing_proposals(state, lang, case_id, case_key).await?;
    let forward_choices = forward_choices(state, lang, unit, &proposed_units).await?;
    let accused_is_head = state
        .store
        .accused_is_head_of_handling_unit(case_id)
        .await?;
    let fold_context = context.fold();
    Ok(WorkflowView {
        stage: lang.pick(folded.state.stage.label_vi(), folded.state.stage.label_en()),
        stage_code: folded.state.stage.code(),
        deadlines: folded
            .deadlines
            .iter()
            .map(|d| deadline_row(lang, d))
            .collect(),
        timeline,
        actions: available_actions(&folded.state, &fold_context),
        notices: owed_notices(&folded.state, &fold_context)
            .into_iter()
            .map(|notice| (notice_code(notice), notice_label(lang, notice)))
            .collect(),
        handlers,
        criteria: ComplexityCriterion::ALL
            .iter()
            .map(|criterion| {
                (
                    criterion_code(*criterion),
                    criterion_label(lang, *criterion),
                )
            })
            .collect(),
        today: context.today.to_string(),
        linked: linked
            .visible
            .iter()
            .map(|report| {
                (
                    report.case_id.to_string(),
                    report.tracking_number.to_string(),
                )
            })
            .collect(),
        linked_elsewhere: linked.elsewhere,
        routing,
        accused_is_head,
        forward_choices,
    })
}

/// The units offered by the forward form: `proposed` first, in order, then the rest of
/// the tree; never the case's own unit.
async fn forward_choices(
    state: &AppState,
    lang: Language,
    own_unit: &UnitId,
    proposed: &[UnitId],
) -> Result<Vec<ForwardChoice>, AppError> {
    let receiving = state.store.units_receiving_cases().await?;
    let units = state.store.list_units().await?;
    let choice = |unit: &khien_store::accounts::Unit, proposed: bool| {
        let mut label = format!("{} ({})", unit.name.as_str(), unit.code.as_str());
        if proposed {
            label = format!("{}: {label}", lang.pick("Đề xuất", "Proposed"));
        }
        if !receiving.contains(&unit.id) {
            label.push_str(lang.pick(" — chưa dùng Khiên", " — not on Khiên"));
        }
        ForwardChoice {
            code: unit.code.as_str().to_owned(),
            label,
            proposed,
        }
    };
    let mut choices: Vec<ForwardChoice> = proposed
        .iter()
        .filter(|id| *id != own_unit)
        .filter_map(|id| units.iter().find(|u| &u.unit.id == id))
        .map(|u| choice(&u.unit, true))
        .collect();
    choices.extend(
        units
            .iter()
            .filter(|u| &u.unit.id != own_unit && !proposed.contains(&u.unit.id))
            .map(|u| choice(&u.unit, false)),
    );
    Ok(choices)
}

/// For each accused person, the bodies LTC Art. 12–13 make competent (a report
/// about state duties, no criminal signs: the routing API takes the other cases),
/// and the units of the tree among them, each once.
async fn routing_proposals(
    state: &AppState,
    lang: Language,
    case_id: &CaseId,
    case_key: &DataKey,
) -> Result<(Vec<(String, Vec<String>)>, Vec<UnitId>), AppError> {
    let content = state
        .store
        .report_content(case_id, case_key)
        .await
        .map_err(intake_failure)?;
    if content.accused.is_empty() {
        return Ok((Vec::new(), Vec::new()));
    }
    let tree = organisation_tree(state).await?;
    let report = ReportFacts {
        concerns: Concerns::StateDuties,
        criminal_signs: false,
        on: today_in_vietnam(),
    };
    let mut units: Vec<UnitId> = Vec::new();
    let lines = content
        .accused
        .iter()
        .map(|person| {
            let routing = propose(
                &tree,
                &report,
                &AccusedFacts {
                    name: &person.name,
                    position: person.position.as_deref(),
                    organisation: person.organisation.as_deref(),
                    chosen_unit: None,
                    chosen_standing: None,
                },
            );
            for id in routing.proposals.iter().filter_map(|p| p.body.unit()) {
                if !units.contains(id) {
                    units.push(id.clone());
                }
            }
            let lines = routing
                .proposals
                .iter()
                .map(|proposal| {
                    let body = match &proposal.body {
                        ProposedBody::Unit(id) => tree
                            .get(id)
                            .map(|unit| format!("{} ({})", unit.name.as_str(), unit.code.as_str()))
                            .unwrap_or_default(),
                        _ => lang
                            .pick("Chưa đăng ký đơn vị", "No unit registered")
                            .to_owned(),
                    };
                    format!(
                        "{body} — {}: {}",
                        lang.pick(&proposal.basis_vi, &proposal.basis),
                        lang.pick(&proposal.reason_vi, &proposal.reason_en)
                    )
                })
                .collect();
            (person.name.clone(), lines)
        })
        .collect();
    Ok((lines, units))
}

fn deadline_row(lang: Language, deadline: &Deadline) -> DeadlineRow {
    let date = |d: chrono::NaiveDate| d.format("%d/%m/%Y").to_string();
    let (class, status) = match (deadline.done_on, deadline.paused) {
        (Some(done), _) if done > deadline.due => (
            "done-late",
            format!("{} {}", lang.pick("Xong muộn", "Done late"), date(done)),
        ),
        (Some(done), _) => (
            "done",
            format!("{} {}", lang.pick("Xong", "Done"), date(done)),
        ),
        (None, true) => (
            "paused",
            lang.pick("Tạm dừng (tạm đình chỉ)", "Paused (suspended)")
                .to_owned(),
        ),
        (None, false) if deadline.days_left < 0 => (
            "overdue",
            format!(
                "{} {} {}",
                lang.pick("Quá hạn", "Overdue by"),
                -deadline.days_left,
                lang.pick("ngày", "days")
            ),
        ),
        (None, false) => (
            "open",
            format!(
                "{} {} {}",
                lang.pick("Còn", ""),
                deadline.days_left,
                lang.pick("ngày", "days left")
            ),
        ),
    };
    DeadlineRow {
        step: lang.pick(deadline.kind.label_vi(), deadline.kind.label_en()),
        basis: basis_shown(lang, &deadline.basis_vi, &deadline.basis, deadline.verified),
        starts_on: date(deadline.starts_on),
        due: date(deadline.due),
        class,
        status: status.trim().to_owned(),
    }
}

fn notice_code(notice: Notice) -> &'static str {
    match notice {
        Notice::Acceptance => "acceptance",
        Notice::Suspension => "suspension",
        Notice::Termination => "termination",
        Notice::Conclusion => "conclusion",
    }
}

fn notice_label(lang: Language, notice: Notice) -> &'static str {
    match notice {
        Notice::Acceptance => lang.pick(
            "Quyết định thụ lý (Điều 29)",
            "Acceptance decision (Art. 29)",
        ),
        Notice::Suspension => lang.pick(
            "Quyết định tạm đình chỉ (Điều 34)",
            "Suspension decision (Art. 34)",
        ),
        Notice::Termination => lang.pick(
            "Quyết định đình chỉ (Điều 34)",
            "Termination decision (Art. 34)",
        ),
        Notice::Conclusion => {
            lang.pick("Kết luận nội dung tố cáo (Điều 35)", "Conclusion (Art. 35)")
        }
    }
}

fn criterion_code(criterion: ComplexityCriterion) -> &'static str {
    match criterion {
        ComplexityCriterion::SeveralLocations => "several_locations",
        ComplexityCriterion::SeveralContents => "several_contents",
        ComplexityCriterion::ManyPeople => "many_people",
        ComplexityCriterion::ForeignElement => "foreign_element",
        ComplexityCriterion::SeveralBodiesResponsible => "several_bodies_responsible",
        ComplexityCriterion::BodiesDisagree => "bodies_disagree",
        ComplexityCriterion::ContradictoryEvidence => "contradictory_evidence",
    }
}
