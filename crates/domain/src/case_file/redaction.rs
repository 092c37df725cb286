//! The part of an event the server may read without the case key.
//!
//! Stored events have two forms: the whole event under the case key, and this redacted
//! form in clear. The redacted form keeps every fact the fold and the deadlines need
//! (kinds, dates, units, counts), so that the inbox, reminders and a superior unit can
//! follow a case's clock without opening it, and replaces free text (grounds, reasons,
//! measures) with [`SEALED_TEXT`].

use super::event::CaseEvent;

/// What stands in for free text in a redacted event. Non-empty, so the fold's checks
/// that a reason was given still hold.
pub const SEALED_TEXT: &str = "•";

impl CaseEvent {
    /// The event with its free text replaced by [`SEALED_TEXT`]. Folding redacted
    /// events gives the same stage, dates and deadlines as folding the originals.
    pub fn redacted(&self) -> CaseEvent {
        let mut event = self.clone();
        match &mut event {
            CaseEvent::NotAccepted { grounds, .. } => *grounds = SEALED_TEXT.into(),
            CaseEvent::Suspended { reason, .. } => *reason = SEALED_TEXT.into(),
            CaseEvent::Concluded { measures, .. } => {
                for measure in measures.iter_mut() {
                    *measure = SEALED_TEXT.into();
                }
            }
            _ => {}
        }
        event
    }

    /// Whether the event carries free text that [`CaseEvent::redacted`] hides.
    pub fn has_free_text(&self) -> bool {
        *self != self.redacted()
    }
}
