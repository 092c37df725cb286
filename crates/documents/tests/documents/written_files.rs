//! Every form written to disk and read back, as a user would save it. Set
//! `KHIEN_DOCUMENTS_OUT` to a directory to keep the files (for opening them in a word
//! processor); otherwise they go to a temporary directory that is removed afterwards.

use std::path::PathBuf;

use khien_documents::*;

use crate::docx_reader::part_names;
use crate::fixtures::*;

pub fn every_form() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        (
            "quyet-dinh-thu-ly",
            acceptance_decision(&acceptance()).unwrap(),
        ),
        (
            "thong-bao-khong-thu-ly",
            non_acceptance_notice(&non_acceptance()).unwrap(),
        ),
        (
            "cong-van-chuyen-don",
            forwarding_letter(&forwarding()).unwrap(),
        ),
        (
            "quyet-dinh-gia-han",
            extension_decision(&extension()).unwrap(),
        ),
        ("ket-luan", conclusion(&conclusion_facts()).unwrap()),
        (
            "bao-cao-dinh-ky",
            periodic_report(&crate::periodic_report::report()).unwrap(),
        ),
    ]
}

#[test]
fn every_form_survives_a_round_trip_through_a_file() {
    let (dir, keep) = match std::env::var_os("KHIEN_DOCUMENTS_OUT") {
        Some(dir) => (PathBuf::from(dir), true),
        None => (
            std::env::temp_dir().join(format!("khien-documents-{}", std::process::id())),
            false,
        ),
    };
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in every_form() {
        let path = dir.join(format!("{name}.docx"));
        std::fs::write(&path, &bytes).unwrap();
        let read = std::fs::read(&path).unwrap();
        assert_eq!(read, bytes);
        let parts = part_names(&read);
        for required in [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/document.xml",
            "word/styles.xml",
            "word/_rels/document.xml.rels",
        ] {
            assert!(
                parts.iter().any(|p| p == required),
                "{name} lacks {required}"
            );
        }
    }
    if !keep {
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
