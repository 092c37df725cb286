//! A case's history read once for a console page: the whole events (under the case
//! key) and the fold of its redacted history with every deadline. The case page's
//! sections (workflow, documents) share it instead of each reading it again.

use khien_store::intake::CaseId;
use khien_store::workflow::{FoldedCase, StoredEvent};
use khien_vault::symmetric::DataKey;

use crate::case_workflow::{clock_context, workflow_failure};
use crate::{AppError, AppState};

/// The case file as a page shows it.
pub struct CaseFileRead {
    /// Every event, whole.
    pub history: Vec<StoredEvent>,
    /// The fold and the deadlines.
    pub folded: FoldedCase,
}

/// Reads the case file of a case opened with its key.
pub async fn read_case_file(
    state: &AppState,
    case_id: &CaseId,
    case_key: &DataKey,
) -> Result<CaseFileRead, AppError> {
    let folded = state
        .store
        .folded_case(case_id, &clock_context(state))
        .await
        .map_err(workflow_failure)?;
    let history = state
        .store
        .case_history(case_id, case_key)
        .await
        .map_err(workflow_failure)?;
    Ok(CaseFileRead { history, folded })
}
