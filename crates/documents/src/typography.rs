//! The typography of Decree 30/2020/NĐ-CP Appendix I, in one place, so that every form
//! looks the same and a change of rule is a change of one constant.
//!
//! Units: docx-rs takes sizes in half-points (`w:sz`) and lengths in twips
//! (1/20 pt; 1 mm = 56.69 twips).

use docx_rs::{
    AlignmentType, LineSpacing, LineSpacingType, Paragraph, Run, RunFonts, SpecialIndentType,
};

/// Appendix I: Vietnamese-alphabet Unicode font per TCVN 6909:2001, Times New Roman.
pub(crate) const FONT: &str = "Times New Roman";

/// Body text: 14 pt (13–14 allowed). 14 is the common choice and reads better on screen.
pub(crate) const BODY: usize = 28;
/// National name ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), issuing bodies and the number:
/// 12–13 pt. The national name at 13 pt bold does not fit the right column of an A4 page
/// with a 30 mm left margin, which is why templates (and we) use 12 pt for it.
pub(crate) const NATIONAL_NAME: usize = 24;
/// Issuing bodies, the number line, the motto: 13 pt.
pub(crate) const HEADING: usize = 26;
/// "Nơi nhận:" 12 pt, and the list of recipients 11 pt.
pub(crate) const RECIPIENTS_LABEL: usize = 24;
pub(crate) const RECIPIENTS: usize = 22;
/// The subject line of a letter ("V/v …") under its number: 12–13 pt.
pub(crate) const LETTER_SUBJECT: usize = 24;

/// A4 in twips (210 × 297 mm).
pub(crate) const PAGE_WIDTH: u32 = 11_906;
pub(crate) const PAGE_HEIGHT: u32 = 16_838;
/// Margins: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm; we take the minimum
/// of each range, which leaves the most room for text and matches common templates.
pub(crate) const MARGIN_TOP: i32 = 1_134; // 20 mm
pub(crate) const MARGIN_BOTTOM: i32 = 1_134; // 20 mm
pub(crate) const MARGIN_LEFT: i32 = 1_701; // 30 mm
pub(crate) const MARGIN_RIGHT: i32 = 850; // 15 mm
/// The page number sits in the top margin, 10 mm from the edge.
pub(crate) const HEADER_DISTANCE: i32 = 567;
/// The width left for text, which the two-column blocks divide between them.
pub(crate) const TEXT_WIDTH: usize = (PAGE_WIDTH as i32 - MARGIN_LEFT - MARGIN_RIGHT) as usize;

/// First-line indent of body paragraphs: 1.27 cm (1 cm is also allowed).
pub(crate) const FIRST_LINE_INDENT: i32 = 720;
/// Between paragraphs at least 6 pt (Appendix I); 120 twips.
pub(crate) const PARAGRAPH_SPACING: u32 = 120;
/// Line spacing between single (240) and 1.5 lines (360); 1.15 lines keeps a two-page
/// conclusion on two pages without looking cramped.
pub(crate) const LINE_SPACING: i32 = 276;

/// The font on every script slot. `eastAsia` matters: Word picks the East Asian slot for
/// some Vietnamese characters when the language is set that way, and would otherwise fall
/// back to a theme font.
pub(crate) fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .east_asia(FONT)
        .cs(FONT)
}

/// A run of text in Times New Roman at `size` half-points. Every run names its font and
/// size explicitly, so a document opened in an editor with other defaults still prints
/// per Decree 30.
pub(crate) fn run(text: impl Into<String>, size: usize) -> Run {
    Run::new().add_text(text).fonts(fonts()).size(size)
}

/// The line spacing shared by every paragraph, with `before` twips above it.
pub(crate) fn spacing(before: u32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Auto)
        .line(LINE_SPACING)
        .before(before)
        .after(0)
}

/// A body paragraph: justified, first line indented 1.27 cm, 6 pt before.
pub(crate) fn body() -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(FIRST_LINE_INDENT)),
            None,
            None,
        )
        .line_spacing(spacing(PARAGRAPH_SPACING))
}

/// A body paragraph holding one run of body text.
pub(crate) fn body_text(text: impl Into<String>) -> Paragraph {
    body().add_run(run(text, BODY))
}

/// A centred paragraph with no space above: the lines of the letterhead, the title and
/// the signature block.
pub(crate) fn centred() -> Paragraph {
    Paragraph::new().align(AlignmentType::Center).line_spacing(
        LineSpacing::new()
            .line_rule(LineSpacingType::Auto)
            .line(240)
            .before(0)
            .after(0),
    )
}

/// The short rule under the issuing body's name and under a title: a solid line 1/3 to 1/2
/// as long as the text above it. docx-rs cannot draw a line shape, so the rule is a run of
/// underlined no-break spaces (which editors do not trim), 1/3 to 1/2 of `text`'s width.
pub(crate) fn short_rule(text: &str, size: usize) -> Paragraph {
    // A Times New Roman capital is about 0.7 em wide and a space 0.25 em, so 1/3 of the
    // text is 0.33 × 0.7 / 0.25 ≈ 0.9 spaces per character; lower-case is narrower, which
    // brings the rule towards 1/2. Long names wrap in their column, hence the upper bound.
    let widest = text
        .lines()
        .map(|line| line.chars().count())
        .max()
        .unwrap_or(0);
    let spaces = (widest * 9 / 10).clamp(10, 30);
    centred().add_run(run("\u{a0}".repeat(spaces), size).underline("single"))
}

/// An empty line, for the space the signature and seal go into.
pub(crate) fn blank_line() -> Paragraph {
    centred().add_run(run("", BODY))
}
