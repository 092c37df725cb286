//! A report as JSON, for `POST /api/v1/reports` (the public) and
//! `POST /api/v1/intake` (staff, who also give the channel, the date received and
//! any co-signatories). Unknown fields are refused so that a typo is not lost.

use khien_domain::intake::{AccusedDraft, Channel, IdentityDraft, ReportDraft};
use serde::Deserialize;

/// One accused person.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccusedJson {
    #[serde(default)]
    name: String,
    #[serde(default)]
    position: Option<String>,
    #[serde(default)]
    organisation: Option<String>,
}

/// A reporter's identity.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentityJson {
    #[serde(default)]
    full_name: String,
    #[serde(default)]
    id_number: Option<String>,
    #[serde(default)]
    address: Option<String>,
    #[serde(default)]
    phone: Option<String>,
}

/// The public report.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportJson {
    kind: String,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    subject: String,
    #[serde(default)]
    content: String,
    #[serde(default)]
    when_where: Option<String>,
    #[serde(default)]
    accused: Vec<AccusedJson>,
    #[serde(default)]
    identity: Option<IdentityJson>,
    #[serde(default)]
    wants_protection: bool,
}

/// A report recorded by an intake officer.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntakeJson {
    channel: String,
    received_on: String,
    kind: String,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    subject: String,
    #[serde(default)]
    content: String,
    #[serde(default)]
    when_where: Option<String>,
    #[serde(default)]
    accused: Vec<AccusedJson>,
    #[serde(default)]
    identity: Option<IdentityJson>,
    #[serde(default)]
    co_reporters: Vec<IdentityJson>,
    #[serde(default)]
    wants_protection: bool,
}

fn accused_drafts(accused: Vec<AccusedJson>) -> Vec<AccusedDraft> {
    accused
        .into_iter()
        .map(|person| AccusedDraft {
            name: person.name,
            position: person.position.unwrap_or_default(),
            organisation: person.organisation.unwrap_or_default(),
        })
        .collect()
}

fn identity_draft(identity: IdentityJson) -> IdentityDraft {
    IdentityDraft {
        full_name: identity.full_name,
        id_number: identity.id_number.unwrap_or_default(),
        address: identity.address.unwrap_or_default(),
        phone: identity.phone.unwrap_or_default(),
    }
}

impl ReportJson {
    /// The draft the domain checks.
    pub fn into_draft(self) -> ReportDraft {
        ReportDraft {
            kind: self.kind,
            unit: self.unit.unwrap_or_default(),
            subject: self.subject,
            content: self.content,
            when_where: self.when_where.unwrap_or_default(),
            accused: accused_drafts(self.accused),
            identity: self.identity.map(identity_draft),
            co_reporters: Vec::new(),
            wants_protection: self.wants_protection,
            channel: Channel::Web,
            received_on: String::new(),
        }
    }
}

impl IntakeJson {
    /// The channel named, if it is one staff record.
    pub fn channel(&self) -> Option<Channel> {
        Channel::parse(&self.channel).filter(|channel| *channel != Channel::Web)
    }

    /// The draft the domain checks.
    pub fn into_draft(self, channel: Channel) -> ReportDraft {
        ReportDraft {
            kind: self.kind,
            unit: self.unit.unwrap_or_default(),
            subject: self.subject,
            content: self.content,
            when_where: self.when_where.unwrap_or_default(),
            accused: accused_drafts(self.accused),
            identity: self.identity.map(identity_draft),
            co_reporters: self.co_reporters.into_iter().map(identity_draft).collect(),
            wants_protection: self.wants_protection,
            channel,
            received_on: self.received_on,
        }
    }
}
