//! A table of figures in the body (a report's indicators): ruled, Times New Roman
//! 12 pt, the header row bold, no row split across pages, labels on the left and
//! figures centred.

use docx_rs::{AlignmentType, Paragraph, Table, TableCell, TableCellMargins, TableRow, WidthType};

use crate::typography::{TEXT_WIDTH, run};

/// Table text: 12 pt, smaller than the body as tables in official reports are.
const TABLE_TEXT: usize = 24;

/// A table: a header row, then rows of the same width. The first column is the label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataTable {
    pub header: Vec<String>,
    pub rows: Vec<DataRow>,
}

/// One row; `detail` rows ("trong đó") have their label indented and in italics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataRow {
    pub cells: Vec<String>,
    pub detail: bool,
}

impl DataTable {
    /// Whether every row has as many cells as the header, and there is one.
    pub fn is_well_formed(&self) -> bool {
        !self.header.is_empty() && self.rows.iter().all(|r| r.cells.len() == self.header.len())
    }

    /// The DOCX table: the label column takes what the figures leave.
    pub(crate) fn to_docx(&self) -> Table {
        let columns = self.header.len().max(1);
        // Figures get 1.6 cm each, up to half the width; the label column the rest.
        let figure_width = (TEXT_WIDTH / 2 / columns.saturating_sub(1).max(1)).min(907);
        let label_width = TEXT_WIDTH - figure_width * (columns - 1);
        let widths: Vec<usize> = std::iter::once(label_width)
            .chain(std::iter::repeat_n(figure_width, columns - 1))
            .collect();
        let cell = |text: &str, column: usize, bold: bool, italic: bool| {
            let mut text_run = run(text, TABLE_TEXT);
            if bold {
                text_run = text_run.bold();
            }
            if italic {
                text_run = text_run.italic();
            }
            let align = if column == 0 && !bold {
                AlignmentType::Left
            } else {
                AlignmentType::Center
            };
            TableCell::new()
                .width(widths[column], WidthType::Dxa)
                .add_paragraph(Paragraph::new().align(align).add_run(text_run))
        };
        let header = TableRow::new(
            self.header
                .iter()
                .enumerate()
                .map(|(column, text)| cell(text, column, true, false))
                .collect(),
        )
        .cant_split();
        let rows = self.rows.iter().map(|row| {
            TableRow::new(
                row.cells
                    .iter()
                    .enumerate()
                    .map(|(column, text)| {
                        let text = if column == 0 && row.detail {
                            format!("- {text}")
                        } else {
                            text.clone()
                        };
                        cell(&text, column, false, column == 0 && row.detail)
                    })
                    .collect(),
            )
            .cant_split()
        });
        Table::new(std::iter::once(header).chain(rows).collect())
            .set_grid(widths)
            .width(TEXT_WIDTH, WidthType::Dxa)
            .margins(TableCellMargins::new().margin(28, 57, 28, 57))
    }
}
