//! The page (Decree 30 Appendix I): A4 portrait, the margins, Times New Roman as the
//! document default, page numbers centred at the top from page 2 on; and the packing of
//! letterhead, title, body and closing into DOCX bytes.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, Docx, FieldCharType, Header, InstrPAGE, InstrText, LineSpacing, LineSpacingType,
    PageMargin, Paragraph, Run,
};

use crate::closing::closing;
use crate::letterhead::letterhead;
use crate::typography::{
    BODY, HEADER_DISTANCE, LINE_SPACING, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP,
    PAGE_HEIGHT, PAGE_WIDTH, fonts,
};
use crate::{DocumentError, DocumentHeader};

/// One document, ready to lay out.
pub(crate) struct Draft<'a> {
    pub header: &'a DocumentHeader,
    /// A letter's "V/v …" line under its number; `None` for other documents.
    pub letter_subject: Option<&'a str>,
    /// Title block and body, in order, between the letterhead and the closing.
    pub content: Vec<Paragraph>,
}

/// The DOCX bytes of `draft`. Nothing is written anywhere: the caller seals the bytes
/// before they are stored (documents are encrypted at rest like the rest of the case).
pub(crate) fn render(draft: Draft<'_>) -> Result<Vec<u8>, DocumentError> {
    let blocks = draft.content.into_iter().map(Block::from).collect();
    render_blocks(draft.header, draft.letter_subject, blocks)
}

/// A part of the body: a paragraph or a table (boxed: a paragraph is four times
/// larger than a table's handle).
pub(crate) enum Block {
    Paragraph(Box<Paragraph>),
    Table(Box<docx_rs::Table>),
}

impl From<Paragraph> for Block {
    fn from(paragraph: Paragraph) -> Block {
        Block::Paragraph(Box::new(paragraph))
    }
}

impl From<docx_rs::Table> for Block {
    fn from(table: docx_rs::Table) -> Block {
        Block::Table(Box::new(table))
    }
}

/// Like [`render`], for a body with tables.
pub(crate) fn render_blocks(
    header: &DocumentHeader,
    letter_subject: Option<&str>,
    content: Vec<Block>,
) -> Result<Vec<u8>, DocumentError> {
    let draft = Draft {
        header,
        letter_subject,
        content: Vec::new(),
    };
    // The package metadata carries the document's date and nothing else (docx-rs writes
    // "unknown" as author): no user name leaks into a file that may be published.
    let dated = draft.header.date.format("%Y-%m-%dT00:00:00Z").to_string();
    let mut docx = Docx::new()
        .created_at(&dated)
        .updated_at(&dated)
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(MARGIN_TOP)
                .bottom(MARGIN_BOTTOM)
                .left(MARGIN_LEFT)
                .right(MARGIN_RIGHT)
                .header(HEADER_DISTANCE)
                .footer(HEADER_DISTANCE)
                .gutter(0),
        )
        // Document defaults, so that text typed later into the file is also Decree 30 text.
        .default_fonts(fonts())
        .default_size(BODY)
        .default_line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Auto)
                .line(LINE_SPACING),
        )
        // Page numbers: centred at the top, not shown on the first page. `title_pg` gives
        // the first page its own (empty) header.
        .header(Header::new().add_paragraph(page_number()))
        // An empty paragraph: a header part must hold at least one block element.
        .first_header(Header::new().add_paragraph(Paragraph::new()))
        .title_pg()
        .add_table(letterhead(draft.header, draft.letter_subject));
    for block in content {
        docx = match block {
            Block::Paragraph(paragraph) => docx.add_paragraph(*paragraph),
            Block::Table(table) => docx.add_table(*table),
        };
    }
    docx = docx.add_table(closing(draft.header));

    let mut bytes = Cursor::new(Vec::new());
    docx.pack(&mut bytes)
        .map_err(|e| DocumentError::Pack(e.to_string()))?;
    Ok(bytes.into_inner())
}

/// A centred PAGE field in Times New Roman 14 pt (docx-rs's `PageNum` writes the field
/// with no run properties, which would leave the number in the editor's default font).
fn page_number() -> Paragraph {
    Paragraph::new().align(AlignmentType::Center).add_run(
        Run::new()
            .fonts(fonts())
            .size(BODY)
            .add_field_char(FieldCharType::Begin, true)
            .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
            .add_field_char(FieldCharType::Separate, false)
            .add_text("2")
            .add_field_char(FieldCharType::End, false),
    )
}
