//! The top of the first page (Decree 30 Appendix I, positions 1–4): the issuing body and
//! number on the left, the national name, motto and date line on the right, side by side
//! in a borderless two-column table as the national templates set it.

use docx_rs::{Paragraph, Table, TableCell, TableCellMargins, TableRow, WidthType};

use crate::date_line::place_and_date;
use crate::typography::{
    BODY, HEADING, LETTER_SUBJECT, NATIONAL_NAME, TEXT_WIDTH, centred, run, short_rule,
};
use crate::{DocumentHeader, NumberingSystem};

/// The national name and motto, the same on every document.
pub const NATIONAL_NAME_TEXT: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
/// The party's name, which takes the place of the national name and motto on a party
/// body's documents (Hướng dẫn 36-HD/VPTW on the layout of party documents).
pub const PARTY_NAME_TEXT: &str = "ĐẢNG CỘNG SẢN VIỆT NAM";

/// The left column is narrower: the issuing body's name is short, the national name long.
/// 3 900 twips (6.9 cm) leaves 9.6 cm on the right, where the national name at 12 pt bold
/// takes 8.8 cm (measured on a LibreOffice rendering with the metric-compatible Liberation
/// Serif).
const LEFT_COLUMN: usize = 3_900;
// 210 mm − 30 mm − 15 mm = 165 mm ≈ 9 355 twips, of which the right column keeps 5 455.
const _: () = assert!(TEXT_WIDTH == 9_355 && TEXT_WIDTH - LEFT_COLUMN >= 5_400);

/// `letter_subject` is the "V/v …" line a letter (công văn) carries under its number
/// instead of a title.
pub(crate) fn letterhead(header: &DocumentHeader, letter_subject: Option<&str>) -> Table {
    let mut left: Vec<Paragraph> = Vec::new();
    // Superior body: capitals, regular, 12–13 pt; one paragraph per line the caller set.
    if let Some(superior) = header.superior_body.as_deref() {
        left.extend(lines(superior).map(|line| centred().add_run(run(line, HEADING))));
    }
    // Issuing body: capitals, bold, 12–13 pt, with a short rule under it.
    let issuer: Vec<String> = lines(&header.issuing_body).collect();
    left.extend(
        issuer
            .iter()
            .map(|line| centred().add_run(run(line.as_str(), HEADING).bold())),
    );
    left.push(short_rule(&issuer.join("\n"), HEADING));
    // A party body's name is followed by a star under the rule.
    if header.number.system == NumberingSystem::Party {
        left.push(centred().add_run(run("*", HEADING)));
    }
    // "Số: 05/QĐ-TTT": 13 pt, regular.
    left.push(centred().add_run(run(header.number.label(), HEADING)));
    if let Some(subject) = letter_subject {
        left.push(centred().add_run(run(subject, LETTER_SUBJECT)));
    }

    let date_line =
        centred().add_run(run(place_and_date(header.place.trim(), header.date), BODY).italic());
    let right = match header.number.system {
        NumberingSystem::State => state_heading(date_line),
        NumberingSystem::Party => vec![
            // The party's name: capitals, bold, underlined, in place of name and motto.
            centred().add_run(
                run(PARTY_NAME_TEXT, NATIONAL_NAME)
                    .bold()
                    .underline("single"),
            ),
            centred(),
            // Place and date: italic, as on state documents.
            date_line,
        ],
    };

    two_columns(left, right, LEFT_COLUMN)
}

/// The right column of a state body's document: national name, motto, date line.
fn state_heading(date_line: Paragraph) -> Vec<Paragraph> {
    vec![
        // National name: capitals, bold, 12–13 pt.
        centred().add_run(run(NATIONAL_NAME_TEXT, NATIONAL_NAME).bold()),
        // Motto: bold, 13–14 pt, with a solid line as long as the text under it — an
        // underline of the whole line is exactly that length.
        centred().add_run(run(MOTTO, HEADING).bold().underline("single")),
        centred(),
        // Place and date: italic, 13–14 pt.
        date_line,
    ]
}

/// The non-empty lines of a body's name, in capitals.
fn lines(name: &str) -> impl Iterator<Item = String> + '_ {
    name.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_uppercase)
}

/// A borderless row of two cells; also used for the recipients and signature block.
pub(crate) fn two_columns(left: Vec<Paragraph>, right: Vec<Paragraph>, left_width: usize) -> Table {
    let right_width = TEXT_WIDTH - left_width;
    let cell = |paragraphs: Vec<Paragraph>, width: usize| {
        paragraphs.into_iter().fold(
            TableCell::new().width(width, WidthType::Dxa),
            TableCell::add_paragraph,
        )
    };
    Table::without_borders(vec![TableRow::new(vec![
        cell(left, left_width),
        cell(right, right_width),
    ])])
    .set_grid(vec![left_width, right_width])
    .width(TEXT_WIDTH, WidthType::Dxa)
    // Narrow cell padding so the national name fits on one line at 12 pt.
    .margins(TableCellMargins::new().margin(0, 28, 0, 28))
}
