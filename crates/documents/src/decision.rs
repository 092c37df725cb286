//! The body structure every decision shares (Decree 30 Appendix I and NĐ31 Forms 01, 04):
//! the legal bases in italics, "QUYẾT ĐỊNH:", then numbered articles.

use docx_rs::Paragraph;

use crate::typography::{BODY, PARAGRAPH_SPACING, body, centred, run, spacing};

/// The two bases every NĐ31 decision cites first.
pub(crate) const LAW_ON_DENUNCIATION: &str = "Luật Tố cáo ngày 12 tháng 6 năm 2018";
pub(crate) const DECREE_31: &str = "Nghị định số 31/2019/NĐ-CP ngày 10 tháng 4 năm 2019 của \
Chính phủ quy định chi tiết một số điều và biện pháp tổ chức thi hành Luật Tố cáo";

/// "Căn cứ …;" lines in italics, then the "Theo đề nghị của …" line if any. Appendix I:
/// each basis on its own line ending with ";", the last line ending with ".".
pub(crate) fn bases(extra: &[String], proposal: Option<&str>) -> Vec<Paragraph> {
    let mut lines: Vec<String> = [LAW_ON_DENUNCIATION, DECREE_31]
        .into_iter()
        .map(str::to_owned)
        .chain(
            extra
                .iter()
                .map(|b| b.trim().trim_end_matches([';', '.']).to_owned()),
        )
        .filter(|b| !b.is_empty())
        .map(|b| format!("Căn cứ {b}"))
        .collect();
    if let Some(proposal) = proposal.map(str::trim).filter(|p| !p.is_empty()) {
        lines.push(format!(
            "Theo đề nghị của {}",
            proposal.trim_end_matches([';', '.'])
        ));
    }
    let last = lines.len().saturating_sub(1);
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let end = if i == last { "." } else { ";" };
            body().add_run(run(format!("{line}{end}"), BODY).italic())
        })
        .collect()
}

/// "QUYẾT ĐỊNH:", centred, bold.
pub(crate) fn decides() -> Paragraph {
    centred()
        .line_spacing(spacing(PARAGRAPH_SPACING))
        .add_run(run("QUYẾT ĐỊNH:", BODY).bold())
}

/// "Điều 1. …" with the article number in bold.
pub(crate) fn article(number: u32, text: impl Into<String>) -> Paragraph {
    body()
        .add_run(run(format!("Điều {number}. "), BODY).bold())
        .add_run(run(text, BODY))
}

/// Ends each item with ";" and the last with `last_end`, so a list reads as one sentence.
pub(crate) fn punctuate(items: &[String], last_end: &str) -> Vec<String> {
    let last = items.len().saturating_sub(1);
    items
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let text = text.trim().trim_end_matches([';', '.', ',']);
            let end = if i == last { last_end } else { ";" };
            format!("{text}{end}")
        })
        .collect()
}
