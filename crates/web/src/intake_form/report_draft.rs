//! From a form's fields to the domain's `ReportDraft` (strings as typed; the domain
//! checks them). Rows are repeated fields: `accused_name`, `accused_position`,
//! `accused_organisation`, and for group petitions `co_full_name`, `co_id_number`,
//! `co_address`, `co_phone`.

use khien_domain::intake::{AccusedDraft, Channel, IdentityDraft, ReportDraft};

use super::form_fields::FormFields;

/// Reads the report's fields. `channel` is the portal's `Web` or what the intake
/// officer chose.
pub fn draft_from_fields(fields: &FormFields, channel: Channel) -> ReportDraft {
    let names = fields.all("accused_name");
    let positions = fields.all("accused_position");
    let organisations = fields.all("accused_organisation");
    let rows = names.len().max(positions.len()).max(organisations.len());
    let accused = (0..rows)
        .map(|i| AccusedDraft {
            name: names.get(i).copied().unwrap_or_default().to_owned(),
            position: positions.get(i).copied().unwrap_or_default().to_owned(),
            organisation: organisations.get(i).copied().unwrap_or_default().to_owned(),
        })
        .collect();

    let identity = (fields.get("identity_choice") == "named").then(|| IdentityDraft {
        full_name: fields.get("full_name").to_owned(),
        id_number: fields.get("id_number").to_owned(),
        address: fields.get("address").to_owned(),
        phone: fields.get("phone").to_owned(),
    });

    let co_names = fields.all("co_full_name");
    let co_ids = fields.all("co_id_number");
    let co_addresses = fields.all("co_address");
    let co_phones = fields.all("co_phone");
    let co_rows = co_names.len().max(co_ids.len());
    let co_reporters = (0..co_rows)
        .map(|i| IdentityDraft {
            full_name: co_names.get(i).copied().unwrap_or_default().to_owned(),
            id_number: co_ids.get(i).copied().unwrap_or_default().to_owned(),
            address: co_addresses.get(i).copied().unwrap_or_default().to_owned(),
            phone: co_phones.get(i).copied().unwrap_or_default().to_owned(),
        })
        .filter(|row| {
            !(row.full_name.trim().is_empty()
                && row.id_number.trim().is_empty()
                && row.address.trim().is_empty()
                && row.phone.trim().is_empty())
        })
        .collect();

    ReportDraft {
        kind: fields.get("kind").to_owned(),
        unit: fields.get("unit").to_owned(),
        subject: fields.get("subject").to_owned(),
        content: fields.get("content").to_owned(),
        when_where: fields.get("when_where").to_owned(),
        accused,
        identity,
        co_reporters,
        wants_protection: fields.get("wants_protection") == "yes",
        channel,
        received_on: fields.get("received_on").to_owned(),
    }
}
