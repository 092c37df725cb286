//! A report exactly as typed, kept to show the form again with its errors.

use super::channel::Channel;

/// The raw fields of a report form or JSON body. No `Debug`. (Not wiped on drop:
/// the web layer builds drafts with struct-update syntax, which a `Drop` forbids;
/// the parsed types are wiped.)
#[derive(Clone, Default)]
pub struct ReportDraft {
    /// `denunciation`, `reflection` or `petition`.
    pub kind: String,
    /// A unit code; empty when the reporter does not know (the report then goes
    /// to the default intake unit).
    pub unit: String,
    /// Subject.
    pub subject: String,
    /// What happened.
    pub content: String,
    /// When and where (optional).
    pub when_where: String,
    /// The accused persons. Rows left entirely blank are ignored, as a form
    /// with spare rows sends them.
    pub accused: Vec<AccusedDraft>,
    /// `None`: anonymous. In a group petition: the representative.
    pub identity: Option<IdentityDraft>,
    /// A group petition's other signatories (requires `identity`).
    pub co_reporters: Vec<IdentityDraft>,
    /// Whether the reporter asks for protection now.
    pub wants_protection: bool,
    /// How the report arrived.
    pub channel: Channel,
    /// For staff channels, the date it was received (`YYYY-MM-DD`), which may be
    /// in the past (a letter's arrival). Ignored for the web: that is today.
    pub received_on: String,
}

/// An accused person as typed.
#[derive(Clone, Default)]
pub struct AccusedDraft {
    /// Name.
    pub name: String,
    /// Position.
    pub position: String,
    /// Organisation.
    pub organisation: String,
}

impl AccusedDraft {
    pub(crate) fn is_blank(&self) -> bool {
        [&self.name, &self.position, &self.organisation]
            .iter()
            .all(|field| field.trim().is_empty())
    }
}

/// A reporter's identity as typed.
#[derive(Clone, Default)]
pub struct IdentityDraft {
    /// Full name.
    pub full_name: String,
    /// CMND or CCCD number.
    pub id_number: String,
    /// Address.
    pub address: String,
    /// Phone.
    pub phone: String,
}
