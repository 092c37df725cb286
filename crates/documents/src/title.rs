//! The title block (Decree 30 Appendix I, positions 5a–5b): the document's type in bold
//! capitals ("QUYẾT ĐỊNH"), the summary of its subject on the next line in bold
//! ("Về việc thụ lý tố cáo"), and a short rule under it.

use docx_rs::Paragraph;

use crate::typography::{BODY, centred, run, short_rule, spacing};

/// Space above the title, so it stands apart from the letterhead: 12 pt.
const SPACE_ABOVE: u32 = 240;

pub(crate) fn title(kind: &str, subject: &str) -> Vec<Paragraph> {
    vec![
        centred()
            .line_spacing(spacing(SPACE_ABOVE))
            .add_run(run(kind.to_uppercase(), BODY).bold()),
        centred().add_run(run(subject, BODY).bold()),
        short_rule(subject, BODY),
    ]
}

/// The authority line under a decision's title ("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THANH SƠN"):
/// the title of whoever has the power to decide, in bold capitals.
pub(crate) fn authority(title: &str) -> Paragraph {
    centred()
        .line_spacing(spacing(SPACE_ABOVE / 2))
        .add_run(run(title.trim().to_uppercase(), BODY).bold())
}

/// "Kính gửi: …", centred under the title or a letter's letterhead: who the document is
/// addressed to.
pub(crate) fn addressee(name: &str) -> Paragraph {
    centred()
        .line_spacing(spacing(SPACE_ABOVE))
        .add_run(run(format!("Kính gửi: {}", name.trim()), BODY))
}
