//! What follows a case, as the API shows it. Labels in both languages; never an
//! identity.

use khien_domain::outcomes::{finding_label_en, finding_label_vi};
use khien_store::outcomes::{
    LinkedCase, PublishedConclusion, StoredFalseReportReview, StoredReward,
};
use serde_json::{Value, json};

fn labels(vi: &str, en: &str) -> Value {
    json!({ "vi": vi, "en": en })
}

/// A linked case: its number and where it stands, nothing else.
pub fn linked_case_json(linked: &LinkedCase) -> Value {
    json!({
        "id": linked.summary.id.as_str(),
        "tracking_number": linked.summary.tracking_number.as_str(),
        "relation": linked.relation.as_str(),
        "stage": linked.summary.stage.code(),
        "received_on": linked.summary.received_on.to_string(),
    })
}

/// A review of a report found false.
pub fn review_json(review: &StoredFalseReportReview) -> Value {
    let status = review.review.status();
    json!({
        "id": review.id.as_str(),
        "finding": review.finding,
        "concluded_on": review.concluded_on.to_string(),
        "opened_at": review.opened_at.to_rfc3339(),
        "status": status.as_str(),
        "status_label": labels(status.label_vi(), status.label_en()),
        "deliberate": review.review.deliberate,
        "decided": review.decided.as_ref().map(|(by, at)| json!({
            "by": by.as_str(), "at": at.to_rfc3339(), "note": review.decision_note,
        })),
        "handling": review.review.handling.map(|(kind, basis)| json!({
            "kind": kind.as_str(),
            "kind_label": labels(kind.label_vi(), kind.label_en()),
            "legal_basis": basis.as_str(),
            "legal_basis_label": labels(basis.label_vi(), basis.label_en()),
            "by": review.handling_recommended.as_ref().map(|(by, _)| by.as_str()),
            "at": review.handling_recommended.as_ref().map(|(_, at)| at.to_rfc3339()),
            "note": review.handling_note,
        })),
        // Ending the review never ends protection (LTC Art. 54(2)).
        "protection_unaffected": true,
    })
}

/// The figures every view of a reward shares.
fn reward_figures(reward: &StoredReward) -> Value {
    json!({
        "id": reward.id.as_str(),
        "form": reward.form.as_str(),
        "form_label": labels(reward.form.label_vi(), reward.form.label_en()),
        "bonus_multiple": reward.bonus.map(|bonus| bonus.times()),
        "bonus_vnd": reward.amounts.bonus_vnd,
        "recovered_vnd": reward.recovered_vnd,
        "recovery_share_max_vnd": reward.amounts.recovery_share_max_vnd,
        "base_salary_vnd": reward.base_salary_vnd,
        "grounds": reward.grounds,
        "basis": labels(
            "Điều 62 Luật Tố cáo; Thông tư liên tịch 01/2015/TTLT-TTCP-BNV (chưa kiểm chứng còn hiệu lực)",
            "LTC Art. 62; Joint Circular 01/2015/TTLT-TTCP-BNV (whether still in force is unverified)",
        ),
    })
}

/// A reward proposal as staff see it.
pub fn reward_json(reward: &StoredReward) -> Value {
    let mut value = reward_figures(reward);
    value["beneficiary"] = json!(reward.beneficiary.as_str());
    value["unit"] = json!(
        reward
            .beneficiary_unit
            .as_ref()
            .map(|(id, code, name)| json!({
                "id": id.as_str(), "code": code, "name": name,
            }))
    );
    value["status"] = json!(reward.status.as_str());
    value["status_label"] = labels(reward.status.label_vi(), reward.status.label_en());
    value["proposed"] = json!({
        "by": reward.proposed.0.as_str(), "at": reward.proposed.1.to_rfc3339(),
    });
    value["decided"] = json!(reward.decided.as_ref().map(|(by, at)| json!({
        "by": by.as_str(), "at": at.to_rfc3339(), "note": reward.decision_note,
    })));
    value["reporter_response"] = json!(reward.reporter_response.map(|(response, at)| json!({
        "response": response.as_str(), "at": at.to_rfc3339(),
    })));
    value["identity_release_consented_at"] = json!(
        reward
            .identity_release_consented_at
            .map(|at| at.to_rfc3339())
    );
    value
}

/// An approved reward as the reporter sees it: no staff ids.
pub fn reporter_reward_json(reward: &StoredReward) -> Value {
    let mut value = reward_figures(reward);
    value["approved_on"] = json!(
        reward
            .decided
            .as_ref()
            .map(|(_, at)| crate::vietnam_time::date_in_vietnam(*at))
    );
    value["response"] = json!(
        reward
            .reporter_response
            .map(|(response, _)| response.as_str())
    );
    value["identity_release_consented_at"] = json!(
        reward
            .identity_release_consented_at
            .map(|at| at.to_rfc3339())
    );
    value["accepting_means"] = labels(
        "Nhận khen thưởng nghĩa là đồng ý để danh tính của bạn được công khai với cơ quan khen \
         thưởng: khen thưởng được trao cho người có tên. Việc mở danh tính vẫn phải qua những người \
         giữ khóa danh tính và được ghi lại. Bạn có thể từ chối; danh tính vẫn được giữ bí mật.",
        "Accepting the reward means agreeing that your identity be disclosed to the awarding \
         body: a reward is given to a named person. Opening your identity still goes through the \
         identity custodians and is recorded. You may decline; your identity then stays sealed.",
    );
    value
}

/// A published conclusion: what the conclusion states, never who reported.
pub fn publication_json(publication: &PublishedConclusion) -> Value {
    json!({
        "tracking_number": publication.tracking_number,
        "unit": { "code": publication.unit_code, "name": publication.unit_name },
        "retaliation": publication.retaliation,
        "finding": publication.finding,
        "finding_label": labels(
            finding_label_vi(publication.finding),
            finding_label_en(publication.finding),
        ),
        "measures": publication.measures,
        "amount_to_recover_vnd": publication.amount_to_recover_vnd,
        "persons_to_discipline": publication.persons_to_discipline,
        "concluded_on": publication.concluded_on.to_string(),
        "published_from": publication.published_from.to_string(),
        "published_until": publication.published_until.to_string(),
    })
}
