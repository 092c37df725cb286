//! Which of a unit's cases an inbox page shows.

use chrono::NaiveDate;
use khien_domain::case_file::Stage;

use crate::accounts::UserId;

/// Filters of the unit inbox; the default shows everything but the cases forwarded
/// outside Khiên (handled elsewhere from then on; the stage filter still finds them).
/// Due dates are the clock columns of `cases` (the earliest running deadline of each
/// case).
#[derive(Debug, Clone, Default)]
pub struct InboxFilter {
    /// Only cases at this stage.
    pub stage: Option<Stage>,
    /// Only suspended cases.
    pub suspended: bool,
    /// Only cases whose next deadline has passed (`next_due < today`); needs `today`.
    pub overdue: bool,
    /// Only cases due from today up to this day, both inclusive; needs `today`.
    pub due_by: Option<NaiveDate>,
    /// Only cases assigned to this handler.
    pub assignee: Option<UserId>,
    /// Today, for `overdue` and `due_by`.
    pub today: Option<NaiveDate>,
}

impl InboxFilter {
    /// The SQL conditions (after `unit_id = $1`) and their values in order, numbered
    /// from `$first`.
    pub(crate) fn conditions(&self, first: usize) -> (String, Vec<String>) {
        let mut sql = String::new();
        let mut values = Vec::new();
        let mut add = |condition: &str, value: Option<String>| match value {
            Some(value) => {
                values.push(value);
                sql.push_str(&condition.replace('?', &format!("${}", first + values.len() - 1)));
            }
            None => sql.push_str(condition),
        };
        match self.stage {
            Some(stage) => add(" AND stage = ?", Some(stage.code().to_owned())),
            None => add(
                " AND stage <> ?",
                Some(Stage::ForwardedOutside.code().to_owned()),
            ),
        }
        if self.suspended {
            add(" AND suspended = 1", None);
        }
        if let Some(today) = self.today {
            if self.overdue {
                add(" AND next_due < ?", Some(today.to_string()));
            }
            if let Some(by) = self.due_by {
                add(" AND next_due >= ?", Some(today.to_string()));
                add(" AND next_due <= ?", Some(by.to_string()));
            }
        }
        if let Some(user) = &self.assignee {
            add(" AND assignee_id = ?", Some(user.as_str().to_owned()));
        }
        (sql, values)
    }
}
