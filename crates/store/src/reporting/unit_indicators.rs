//! Each unit's figures for a period, from the redacted histories of its cases.

use std::collections::HashMap;

use khien_domain::reporting::{CaseShare, Indicators, ReportPeriod, case_indicators};

use super::ReportingError;
use crate::Store;
use crate::accounts::UnitId;
use crate::workflow::ClockContext;

/// One unit's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitIndicators {
    pub unit_id: UnitId,
    pub indicators: Indicators,
}

impl Store {
    /// The figures of `period` for each of `units`, in the order given. A forwarded
    /// case counts for the unit that forwarded it (up to the forwarding) and for the
    /// unit holding it (from its own receipt), as each reports on its own work.
    ///
    /// `context.today` is today (every stored act is dated on or before it).
    pub async fn unit_indicators(
        &self,
        units: &[UnitId],
        period: ReportPeriod,
        context: &ClockContext<'_>,
    ) -> Result<Vec<UnitIndicators>, ReportingError> {
        let mut figures: Vec<UnitIndicators> = units
            .iter()
            .map(|unit_id| UnitIndicators {
                unit_id: unit_id.clone(),
                indicators: Indicators::default(),
            })
            .collect();
        let index: HashMap<UnitId, usize> = units
            .iter()
            .enumerate()
            .map(|(i, unit)| (unit.clone(), i))
            .collect();
        let histories = self.report_histories(units, period.ends_on()).await?;
        let fold = context.fold();
        for case in histories {
            let shares = match &case.forwarded_by {
                None => vec![(&case.unit_id, CaseShare::Whole)],
                Some(sender) => vec![
                    (sender, CaseShare::UntilForwarded),
                    (&case.unit_id, CaseShare::FromForwardReceipt),
                ],
            };
            for (unit_id, share) in shares {
                let Some(&at) = index.get(unit_id) else {
                    continue;
                };
                let row = &mut figures[at];
                row.indicators +=
                    case_indicators(&case.events, share, period, &fold, context.calendar).map_err(
                        |error| ReportingError::Figures {
                            case: case.case_id.clone(),
                            error,
                        },
                    )?;
            }
        }
        Ok(figures)
    }
}
