//! Decree 30 Appendix I, checked on every form: A4, margins, Times New Roman everywhere
//! (including the East Asian slot), 14 pt body, justified with a 1.27 cm first-line
//! indent, page numbers centred at the top and hidden on page 1.

use crate::docx_reader::{document_xml, paragraph_containing, part, text};
use crate::written_files::every_form;
use khien_documents::{
    DocumentKind, DocumentNumber, MOTTO, NATIONAL_NAME_TEXT, NumberingSystem, PARTY_NAME_TEXT,
    periodic_report,
};

/// The value of `attr` in the first `<tag …>` of `xml`.
fn attribute<'a>(xml: &'a str, tag: &str, attr: &str) -> &'a str {
    let start = xml
        .find(&format!("<{tag} "))
        .unwrap_or_else(|| panic!("no <{tag}>"));
    let element = &xml[start..start + xml[start..].find('>').unwrap()];
    let key = format!("{attr}=\"");
    let at = element
        .find(&key)
        .unwrap_or_else(|| panic!("<{tag}> has no {attr}: {element}"));
    let value = &element[at + key.len()..];
    &value[..value.find('"').unwrap()]
}

#[test]
fn a4_with_decree_30_margins() {
    for (name, docx) in every_form() {
        let xml = document_xml(&docx);
        assert_eq!(attribute(&xml, "w:pgSz", "w:w"), "11906", "{name}");
        assert_eq!(attribute(&xml, "w:pgSz", "w:h"), "16838", "{name}");
        // 20 mm top and bottom, 30 mm left, 15 mm right.
        assert_eq!(attribute(&xml, "w:pgMar", "w:top"), "1134", "{name}");
        assert_eq!(attribute(&xml, "w:pgMar", "w:bottom"), "1134", "{name}");
        assert_eq!(attribute(&xml, "w:pgMar", "w:left"), "1701", "{name}");
        assert_eq!(attribute(&xml, "w:pgMar", "w:right"), "850", "{name}");
    }
}

#[test]
fn every_run_is_times_new_roman_on_every_script() {
    for (name, docx) in every_form() {
        let xml = document_xml(&docx);
        let fonts: Vec<&str> = xml.split("<w:rFonts ").skip(1).collect();
        assert!(fonts.len() > 20, "{name}: runs without fonts");
        for f in fonts {
            let element = &f[..f.find("/>").unwrap()];
            for slot in ["w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"] {
                assert!(
                    element.contains(&format!("{slot}=\"Times New Roman\"")),
                    "{name}: {slot} not Times New Roman in {element}"
                );
            }
        }
        // No run is left to a default font: as many font declarations as runs.
        assert_eq!(
            xml.matches("<w:r>").count(),
            xml.matches("<w:rFonts ").count(),
            "{name}"
        );
    }
}

#[test]
fn the_document_default_is_times_new_roman_14_pt() {
    for (name, docx) in every_form() {
        let styles = part(&docx, "word/styles.xml");
        let defaults = &styles
            [styles.find("<w:docDefaults>").unwrap()..styles.find("</w:docDefaults>").unwrap()];
        assert!(
            defaults.contains(r#"w:eastAsia="Times New Roman""#),
            "{name}"
        );
        assert!(defaults.contains(r#"w:ascii="Times New Roman""#), "{name}");
        assert!(
            defaults.contains(r#"<w:sz w:val="28" />"#),
            "{name}: default size not 14 pt"
        );
    }
}

#[test]
fn body_text_is_14_pt_justified_with_a_first_line_indent() {
    let docx = khien_documents::acceptance_decision(&crate::fixtures::acceptance()).unwrap();
    let xml = document_xml(&docx);
    let paragraph = paragraph_containing(&xml, "Nội dung tố cáo được thụ lý gồm:");
    assert!(
        paragraph.contains(r#"<w:jc w:val="both" />"#),
        "{paragraph}"
    );
    assert!(
        paragraph.contains(r#"w:firstLine="720""#),
        "1.27 cm indent: {paragraph}"
    );
    assert!(
        paragraph.contains(r#"<w:sz w:val="28" />"#),
        "14 pt: {paragraph}"
    );
    // Line spacing between single (240) and 1.5 lines (360); at least 6 pt between paragraphs.
    let line: u32 = attribute(paragraph, "w:spacing", "w:line").parse().unwrap();
    assert!((240..=360).contains(&line), "line spacing {line}");
    let before: u32 = attribute(paragraph, "w:spacing", "w:before")
        .parse()
        .unwrap();
    assert!(before >= 120, "space before {before}");
}

#[test]
fn letterhead_has_the_national_name_and_motto() {
    for (name, docx) in every_form() {
        let xml = document_xml(&docx);
        let national = paragraph_containing(&xml, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        assert!(
            national.contains("<w:b />"),
            "{name}: national name not bold"
        );
        let motto = paragraph_containing(&xml, "Độc lập - Tự do - Hạnh phúc");
        assert!(motto.contains("<w:b />"), "{name}: motto not bold");
        assert!(
            motto.contains(r#"<w:u w:val="single" />"#),
            "{name}: motto not ruled"
        );
        // The letterhead comes first: national name before the body.
        let all = text(&xml);
        assert!(
            all.find("CỘNG HÒA").unwrap() < all.find("Nơi nhận:").unwrap(),
            "{name}"
        );
    }
}

#[test]
fn a_party_body_has_the_party_letterhead_and_party_numbering() {
    let mut facts = crate::periodic_report::report();
    facts.header.superior_body = Some("Tỉnh ủy Thanh Sơn".to_owned());
    facts.header.number = DocumentNumber {
        seq: 12,
        ..DocumentNumber::unnumbered(2026, DocumentKind::Report, "BNCTU")
    }
    .in_system(NumberingSystem::Party);
    facts.header.place = "Thanh Sơn".to_owned();
    let xml = document_xml(&periodic_report(&facts).unwrap());
    let all = text(&xml);
    for line in [
        "TỈNH ỦY THANH SƠN",
        "BAN NỘI CHÍNH TỈNH ỦY",
        "*",
        "Số 12-BC/BNCTU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Thanh Sơn, ngày 16 tháng 12 năm 2026",
    ] {
        assert!(all.contains(line), "missing {line:?} in {all}");
    }
    let party = paragraph_containing(&xml, PARTY_NAME_TEXT);
    assert!(party.contains("<w:b />"), "party name not bold");
    assert!(
        party.contains(r#"<w:u w:val="single" />"#),
        "party name not underlined"
    );
    assert!(
        paragraph_containing(&xml, "Thanh Sơn, ngày").contains("<w:i />"),
        "date line not italic"
    );
    // A party document carries neither the national name nor the motto.
    assert!(!all.contains(NATIONAL_NAME_TEXT), "{all}");
    assert!(!all.contains(MOTTO), "{all}");
}

#[test]
fn page_numbers_are_centred_at_the_top_and_hidden_on_page_one() {
    for (name, docx) in every_form() {
        let xml = document_xml(&docx);
        assert!(
            xml.contains("<w:titlePg />"),
            "{name}: first page not distinct"
        );
        let section = &xml[xml.find("<w:sectPr>").unwrap()..];
        assert!(
            section.contains(r#"w:type="default" r:id="rIdHeader1""#),
            "{name}"
        );
        assert!(
            section.contains(r#"w:type="first" r:id="rIdHeader2""#),
            "{name}"
        );
        let default_header = part(&docx, "word/header1.xml");
        assert!(
            default_header.contains("<w:instrText>PAGE</w:instrText>"),
            "{name}"
        );
        assert!(
            default_header.contains(r#"<w:jc w:val="center" />"#),
            "{name}"
        );
        assert!(
            default_header.contains(r#"w:ascii="Times New Roman""#),
            "{name}"
        );
        let first_header = part(&docx, "word/header2.xml");
        assert!(
            !first_header.contains("PAGE"),
            "{name}: page number on page 1"
        );
        assert!(!first_header.contains("footer"), "{name}");
        // No footer: Decree 30 puts page numbers at the top only.
        assert!(!xml.contains("footerReference"), "{name}");
    }
}

#[test]
fn signature_block_and_recipients_close_every_document() {
    for (name, docx) in every_form() {
        let xml = document_xml(&docx);
        let all = text(&xml);
        assert!(all.contains("Nơi nhận:"), "{name}");
        assert!(all.contains("- Lưu: VT, hồ sơ vụ việc."), "{name}");
        let label = paragraph_containing(&xml, "Nơi nhận:");
        assert!(
            label.contains("<w:b />") && label.contains("<w:i />"),
            "{name}"
        );
        // The body ends with "./." before the closing.
        let body_end = all.find("Nơi nhận:").unwrap();
        assert!(all[..body_end].trim_end().ends_with("./."), "{name}");
    }
}
