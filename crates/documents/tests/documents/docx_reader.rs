//! Opens DOCX bytes the way a word processor would: as a zip archive of XML parts.

use std::io::{Cursor, Read};

/// One part of the archive as text, e.g. "word/document.xml".
pub fn part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("DOCX is a zip archive");
    let mut file = archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("DOCX has no {name}"));
    let mut xml = String::new();
    file.read_to_string(&mut xml).expect("part is UTF-8");
    xml
}

/// The names of all parts.
pub fn part_names(docx: &[u8]) -> Vec<String> {
    let archive = zip::ZipArchive::new(Cursor::new(docx)).expect("DOCX is a zip archive");
    archive.file_names().map(str::to_owned).collect()
}

/// The main document part.
pub fn document_xml(docx: &[u8]) -> String {
    part(docx, "word/document.xml")
}

/// The visible text of a part, one line per paragraph: the content of every `<w:t>`
/// joined, a newline at every `</w:p>`, entities decoded. Runs split a sentence (a bold
/// "Điều 1." then the text), so sentences are checked on this, not on the raw XML.
pub fn text(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    loop {
        let next_t = rest.find("<w:t");
        let next_p = rest.find("</w:p>");
        match (next_t, next_p) {
            (Some(t), p) if p.is_none_or(|p| t < p) => {
                let after = &rest[t..];
                let open_end = after.find('>').expect("tag closes");
                // `<w:tab/>`, `<w:tbl>`, `<w:tc>`… also start with "<w:t": only `<w:t>` and
                // `<w:t xml:space=…>` hold text.
                let tag = &after[..open_end];
                let is_text = tag == "<w:t" || tag.starts_with("<w:t ");
                if is_text && !tag.ends_with('/') {
                    let body = &after[open_end + 1..];
                    let close = body.find("</w:t>").expect("text closes");
                    out.push_str(&decode(&body[..close]));
                    rest = &body[close + "</w:t>".len()..];
                } else {
                    rest = &after[open_end + 1..];
                }
            }
            (_, Some(p)) => {
                out.push('\n');
                rest = &rest[p + "</w:p>".len()..];
            }
            (None, None) => break,
            (Some(_), None) => unreachable!("guarded above"),
        }
    }
    out
}

fn decode(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The `<w:p>…</w:p>` element whose text contains `needle`, for checking its formatting.
pub fn paragraph_containing<'a>(xml: &'a str, needle: &str) -> &'a str {
    xml.split("</w:p>")
        .find(|p| text(&format!("{p}</w:p>")).contains(needle))
        .unwrap_or_else(|| panic!("no paragraph contains {needle:?}"))
}
