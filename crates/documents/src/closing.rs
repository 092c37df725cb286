//! The foot of the document (Decree 30 Appendix I, positions 8–9): "Nơi nhận" on the left,
//! the signature block on the right.

use docx_rs::{Paragraph, Table};

use crate::DocumentHeader;
use crate::letterhead::two_columns;
use crate::typography::{RECIPIENTS, RECIPIENTS_LABEL, run, spacing};

/// The records office keeps one copy, and the case file another.
const RECORDS_LINE: &str = "- Lưu: VT, hồ sơ vụ việc.";

/// "Nơi nhận" is narrower than the signature block, as in the national templates.
const RECIPIENTS_COLUMN: usize = 4_000;

/// Space above the block: 12 pt.
const SPACE_ABOVE: u32 = 240;

pub(crate) fn closing(header: &DocumentHeader) -> Table {
    let mut left = vec![
        // "Nơi nhận:" bold italic 12 pt; the list 11 pt regular, each entry on its own line
        // starting with a dash and ending with ";", the last with ".".
        Paragraph::new()
            .line_spacing(spacing(SPACE_ABOVE))
            .add_run(run("Nơi nhận:", RECIPIENTS_LABEL).bold().italic()),
    ];
    left.extend(
        header
            .recipients
            .iter()
            .filter(|r| !r.trim().is_empty())
            .map(|r| Paragraph::new().add_run(run(format!("- {};", r.trim()), RECIPIENTS))),
    );
    left.push(Paragraph::new().add_run(run(RECORDS_LINE, RECIPIENTS)));

    let mut right = header.signature.paragraphs();
    if !right.is_empty() {
        let first = right.remove(0);
        right.insert(0, first.line_spacing(spacing(SPACE_ABOVE)));
    }
    two_columns(left, right, RECIPIENTS_COLUMN)
}
