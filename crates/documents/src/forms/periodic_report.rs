//! Báo cáo: a periodic report (the consolidated report of the oversight unit on the
//! plan implementing Directive 27-CT/TW, Circular 01/2024/TT-TTCP): the title, the
//! period the figures cover, the table of figures, then one section per part (each
//! unit's account of its work), and the closing.
//!
//! Reports carry figures and the units' own words only: no reporter, no case content.
//! The struct has no field for either.

use docx_rs::Paragraph;

use crate::data_table::DataTable;
use crate::page::{Block, render_blocks};
use crate::title::title;
use crate::typography::{BODY, body, body_text, run};
use crate::{DocumentError, DocumentHeader, DocumentKind};

/// One part of the report: a heading and its paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportSection {
    /// "1. Thanh tra tỉnh (TTT)": bold.
    pub heading: String,
    /// The text, one paragraph per entry.
    pub paragraphs: Vec<String>,
}

/// The facts of a periodic report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodicReport {
    /// Numbered as a report (`…/BC-…`); may be [`crate::DocumentNumber::unnumbered`].
    pub header: DocumentHeader,
    /// Under "BÁO CÁO": "Kết quả thực hiện Kế hoạch … năm 2026".
    pub subject: String,
    /// Opening paragraphs (what the figures cover and where they come from).
    pub introduction: Vec<String>,
    /// The heading above the table: "I. SỐ LIỆU".
    pub table_heading: String,
    pub table: DataTable,
    /// The heading above the sections: "II. KẾT QUẢ THỰC HIỆN CỦA CÁC ĐƠN VỊ".
    pub sections_heading: String,
    pub sections: Vec<ReportSection>,
}

/// The report as DOCX bytes.
pub fn periodic_report(facts: &PeriodicReport) -> Result<Vec<u8>, DocumentError> {
    let header = &facts.header;
    if header.issuing_body.trim().is_empty() {
        return Err(DocumentError::Missing("the issuing body"));
    }
    if header.place.trim().is_empty() {
        return Err(DocumentError::Missing("the place of issue"));
    }
    if header.number.kind != DocumentKind::Report {
        return Err(DocumentError::WrongNumberKind {
            form: "a report",
            expected: "report (báo cáo)",
            got: header.number.to_string(),
        });
    }
    if facts.subject.trim().is_empty() {
        return Err(DocumentError::Missing("the report's subject"));
    }
    if !facts.table.is_well_formed() {
        return Err(DocumentError::Missing(
            "a table with a cell for every column",
        ));
    }

    let mut content: Vec<Block> = title("Báo cáo", facts.subject.trim())
        .into_iter()
        .map(Block::from)
        .collect();
    content.extend(
        facts
            .introduction
            .iter()
            .map(|text| Block::from(body_text(text.trim()))),
    );
    content.push(Block::from(heading(&facts.table_heading)));
    content.push(Block::from(facts.table.to_docx()));
    content.push(Block::from(heading(&facts.sections_heading)));
    for section in &facts.sections {
        content.push(Block::from(heading(&section.heading)));
        for text in section
            .paragraphs
            .iter()
            .flat_map(|p| p.lines())
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            content.push(Block::from(body_text(text)));
        }
    }
    content.push(Block::from(body_text("./.")));
    render_blocks(header, None, content)
}

/// A bold heading line in the body.
fn heading(text: &str) -> Paragraph {
    body().add_run(run(text.trim(), BODY).bold())
}
