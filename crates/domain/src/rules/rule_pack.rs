//! One rule pack: the statutory time limits in force over a date range.

use chrono::NaiveDate;
use serde::Deserialize;

use super::error::RulesError;
use super::period::Period;

/// One time limit, with its legal basis and whether that basis was verified.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "RuleEntry")]
pub struct Rule {
    pub period: Period,
    /// The article(s) it comes from, e.g. "LTC Art. 24(1)".
    pub basis: String,
    /// The same, cited as a Vietnamese official would, e.g. "Khoản 1 Điều 24 Luật Tố
    /// cáo 2018": the form screens and documents show first.
    pub basis_vi: String,
    /// `false` when the figure was not seen in a source (UNVERIFIED in DOMAIN.md):
    /// treat it as configurable and show it as unconfirmed.
    pub verified: bool,
    /// Why it is unverified, or another caveat.
    pub note: Option<String>,
}

/// The shape of a rule in the pack file; every field except `note` is required, so
/// that no figure is silently taken as verified.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleEntry {
    amount: u32,
    unit: super::period::PeriodUnit,
    basis: String,
    basis_vi: String,
    verified: bool,
    note: Option<String>,
}

impl TryFrom<RuleEntry> for Rule {
    type Error = String;

    fn try_from(entry: RuleEntry) -> Result<Rule, String> {
        if entry.amount == 0 {
            return Err(format!(
                "a period of 0 is not a time limit ({})",
                entry.basis
            ));
        }
        if entry.basis.trim().is_empty() {
            return Err("basis is empty: name the article".to_owned());
        }
        if entry.basis_vi.trim().is_empty() {
            return Err(format!(
                "basis_vi is empty ({}): cite the article in Vietnamese",
                entry.basis
            ));
        }
        if !entry.verified && entry.note.is_none() {
            return Err(format!(
                "unverified rule ({}) needs a note saying why",
                entry.basis
            ));
        }
        Ok(Rule {
            period: Period {
                amount: entry.amount,
                unit: entry.unit,
            },
            basis: entry.basis,
            basis_vi: entry.basis_vi,
            verified: entry.verified,
            note: entry.note,
        })
    }
}

/// How complex a denunciation is (NĐ31 Art. 3): complex if one criterion applies,
/// especially complex if two or more do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Complexity {
    Ordinary,
    Complex,
    EspeciallyComplex,
}

/// How many extensions each complexity allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtensionsAllowed {
    pub ordinary: u8,
    pub complex: u8,
    pub especially_complex: u8,
}

/// The resolution time limit (LTC Art. 30): a base period from acceptance, extended
/// by written decision a number of times that depends on complexity; suspended time
/// does not count (Art. 34(2)).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResolutionRule {
    pub base: Rule,
    /// Each extension is at most this long.
    pub extension: Rule,
    pub max_extensions: ExtensionsAllowed,
    /// Whether time under suspension (tạm đình chỉ) is excluded from the limit.
    pub suspension_pauses_clock: bool,
    pub suspension_basis: String,
    /// The same in Vietnamese, e.g. "Khoản 2 Điều 34 Luật Tố cáo 2018".
    pub suspension_basis_vi: String,
}

impl ResolutionRule {
    /// How many extensions a case of this complexity may receive.
    pub fn max_extensions(&self, complexity: Complexity) -> u8 {
        match complexity {
            Complexity::Ordinary => self.max_extensions.ordinary,
            Complexity::Complex => self.max_extensions.complex,
            Complexity::EspeciallyComplex => self.max_extensions.especially_complex,
        }
    }
}

/// The time limits in force from `effective_from` to `effective_until` (both
/// inclusive; `None`: until replaced). The pack in force on a case's receipt date
/// governs the whole case.
///
/// Each field is one row of DOMAIN.md §1.1 (or §1.4, §2) and says what starts its
/// clock; a due date is computed with [`super::due_date`] from that event's date.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulePack {
    /// Stable identifier, e.g. "ltc-2018".
    pub id: String,
    pub title: String,
    pub effective_from: NaiveDate,
    pub effective_until: Option<NaiveDate>,
    /// Caveats that apply to the whole pack.
    #[serde(default)]
    pub notes: Vec<String>,

    /// From receipt: register, classify, check identity and acceptance conditions.
    pub acceptance: Rule,
    /// From receipt, when the checks are in several places or delegated.
    pub acceptance_extended: Rule,
    /// From receipt, when outside the receiver's competence: forward and notify.
    pub forwarding: Rule,
    /// From receipt of a denunciation referred by the press or an authority: reply.
    pub referral_reply: Rule,
    /// From the acceptance decision: notify the denouncer and the denounced person.
    pub acceptance_notification: Rule,
    /// From the acceptance decision: resolve (with extensions and suspension).
    pub resolution: ResolutionRule,
    /// From a suspension or termination decision: send it.
    pub suspension_notice: Rule,
    /// From the conclusion: send it to the denounced person and their managing body,
    /// with notice to the denouncer.
    pub conclusion_notice: Rule,
    /// From receipt of the conclusion: handle it.
    pub conclusion_handling: Rule,
    /// From the conclusion or sanction decision: make it public.
    pub publicity: Rule,
    /// Minimum length of a posting or web-portal publication (consecutive days).
    pub portal_publication_minimum: Rule,
    /// Minimum number of consecutive print or broadcast runs.
    pub print_publication_minimum_runs: u8,
    /// From receipt of a re-denunciation: the direct superior reviews it.
    pub re_denunciation_review: Rule,
    /// From the superior's demand about an overdue case: the subordinate reports.
    pub escalation_report: Rule,
    /// From receipt of a reflection or petition (Citizen Reception Law): reply whether
    /// it was accepted, needs more time, was refused or forwarded.
    pub petition_reply: Rule,
    /// From receipt of a staff report of corruption (Anti-Corruption Law Art. 66):
    /// handle or forward it and notify the reporter.
    pub anti_corruption_report: Rule,
    /// The same, when the matter is complex.
    pub anti_corruption_report_complex: Rule,
    /// From a protection request by someone who denounced corruption or waste: the
    /// police decide.
    pub protection_decision: Rule,
    /// The same, when the matter is complex.
    pub protection_decision_complex: Rule,
    /// From a protection request: notify a refusal in writing.
    pub protection_refusal_notice: Rule,
}

impl RulePack {
    /// Parses a pack file (TOML, see `crates/domain/data/rule-packs/`).
    pub fn from_toml_str(text: &str) -> Result<RulePack, RulesError> {
        let pack: RulePack = toml::from_str(text).map_err(|e| RulesError::Syntax {
            line: e.span().map_or(1, |span| {
                text.get(..span.start)
                    .map_or(1, |before| before.matches('\n').count() + 1)
            }),
            message: e.message().trim().to_owned(),
        })?;
        let resolution = &pack.resolution;
        if resolution.suspension_basis.trim().is_empty()
            || resolution.suspension_basis_vi.trim().is_empty()
        {
            return Err(RulesError::EmptySuspensionBasis { id: pack.id });
        }
        if let Some(until) = pack.effective_until
            && until < pack.effective_from
        {
            return Err(RulesError::EmptyRange {
                id: pack.id,
                from: pack.effective_from,
                until,
            });
        }
        Ok(pack)
    }

    /// Whether the pack is in force on `date`.
    pub fn is_in_force_on(&self, date: NaiveDate) -> bool {
        self.effective_from <= date && self.effective_until.is_none_or(|until| date <= until)
    }

    /// Every rule of the pack with its field name, for listings and checks.
    pub fn rules(&self) -> Vec<(&'static str, &Rule)> {
        vec![
            ("acceptance", &self.acceptance),
            ("acceptance_extended", &self.acceptance_extended),
            ("forwarding", &self.forwarding),
            ("referral_reply", &self.referral_reply),
            ("acceptance_notification", &self.acceptance_notification),
            ("resolution.base", &self.resolution.base),
            ("resolution.extension", &self.resolution.extension),
            ("suspension_notice", &self.suspension_notice),
            ("conclusion_notice", &self.conclusion_notice),
            ("conclusion_handling", &self.conclusion_handling),
            ("publicity", &self.publicity),
            (
                "portal_publication_minimum",
                &self.portal_publication_minimum,
            ),
            ("re_denunciation_review", &self.re_denunciation_review),
            ("escalation_report", &self.escalation_report),
            ("petition_reply", &self.petition_reply),
            ("anti_corruption_report", &self.anti_corruption_report),
            (
                "anti_corruption_report_complex",
                &self.anti_corruption_report_complex,
            ),
            ("protection_decision", &self.protection_decision),
            (
                "protection_decision_complex",
                &self.protection_decision_complex,
            ),
            ("protection_refusal_notice", &self.protection_refusal_notice),
        ]
    }
}
