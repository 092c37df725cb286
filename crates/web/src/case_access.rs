//! Who may open which case, and opening it.
//!
//! A staff member sees a case when it is with their own unit and they hold a case
//! role there (intake, handler, head, protection): they may open its content.
//! Heads and oversight staff of a superior unit also see the cases of the units
//! below theirs (and a party inspection committee's, the retaliation cases it
//! oversees), but only what is public about them (number, kind, dates,
//! deadlines): the content is sealed to the handling unit's key, which they do not
//! hold. Anything else answers 404, so that nobody learns that a case exists.
//! Opening the content takes the unit's private key, which is sealed to the
//! member's own key (see the accounts store); every opening is audited.

use khien_domain::accounts::Role;
use khien_store::accounts::{AccountError, UnitKeyKind};
use khien_store::intake::{CaseId, CaseSummary};
use khien_vault::sealed_box::SecretKey;
use khien_vault::symmetric::DataKey;

use crate::intake_form::intake_failure;
use crate::staff_session::Staff;
use crate::{AppError, AppState};

/// Roles that work on a unit's cases.
pub const CASE_ROLES: [Role; 4] = [Role::Intake, Role::Handler, Role::Head, Role::Protection];

/// Whether a staff member works on their unit's cases at all.
pub fn works_on_cases(staff: &Staff) -> bool {
    CASE_ROLES.iter().any(|role| staff.has_role(*role))
}

/// A case the staff member may read, with its key.
pub struct OpenedCase {
    /// What is public about it.
    pub summary: CaseSummary,
    /// The case key.
    pub case_key: DataKey,
}

/// How much of a case a staff member may see.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visibility {
    /// A member of the handling unit with a case role: everything their keys open.
    Member,
    /// A head or oversight officer of a superior unit: what is public about it.
    Superior,
}

/// The case's summary and how much of it this staff member may see; `NotFound`
/// when they may see nothing.
pub async fn case_visibility(
    state: &AppState,
    staff: &Staff,
    case_id: &str,
) -> Result<(CaseSummary, Visibility), AppError> {
    let case_id = CaseId::parse(case_id).ok_or(AppError::NotFound)?;
    let summary = state
        .store
        .case_summary(&case_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if summary.unit_id == staff.user.unit_id && works_on_cases(staff) {
        return Ok((summary, Visibility::Member));
    }
    if staff.has_role(Role::Head) || staff.has_role(Role::Oversight) {
        let below = state
            .store
            .unit_and_descendants(&staff.user.unit_id)
            .await?;
        if below.iter().any(|unit| unit.id == summary.unit_id) {
            return Ok((summary, Visibility::Superior));
        }
        // The party inspection committee sees the retaliation cases it oversees.
        if state
            .store
            .inspects_retaliation_case(&summary.id, &staff.user.unit_id)
            .await?
        {
            return Ok((summary, Visibility::Superior));
        }
    }
    Err(AppError::NotFound)
}

/// The case's summary, if this staff member may open its content; otherwise
/// `NotFound` (or `Forbidden` for a superior, who may see that it exists).
pub async fn visible_case(
    state: &AppState,
    staff: &Staff,
    case_id: &str,
) -> Result<CaseSummary, AppError> {
    match case_visibility(state, staff, case_id).await? {
        (summary, Visibility::Member) => Ok(summary),
        (_, Visibility::Superior) => Err(AppError::Forbidden),
    }
}

/// The unit's private key of `kind`, opened with the member's own key.
pub async fn unit_secret(
    state: &AppState,
    staff: &Staff,
    kind: UnitKeyKind,
) -> Result<SecretKey, AppError> {
    let private_key = staff.private_key()?;
    state
        .store
        .open_unit_key(&staff.user.unit_id, kind, &staff.user.id, &private_key)
        .await
        .map_err(|error| match error {
            // The member's grant is still waiting for another member to log in.
            AccountError::NoKeyAccess => AppError::KeyPending,
            other => AppError::internal(other),
        })
}

/// Opens a case for reading, recording the read in the audit chain as `what`.
pub async fn open_case(
    state: &AppState,
    staff: &Staff,
    case_id: &str,
    what: &str,
) -> Result<OpenedCase, AppError> {
    let summary = visible_case(state, staff, case_id).await?;
    let secret = unit_secret(state, staff, UnitKeyKind::Unit).await?;
    let case_key = state
        .store
        .case_key_as_unit(&summary.id, &secret)
        .await
        .map_err(intake_failure)?;
    state
        .store
        .record_case_read(&staff.actor(), &summary.id, what)
        .await?;
    Ok(OpenedCase { summary, case_key })
}
