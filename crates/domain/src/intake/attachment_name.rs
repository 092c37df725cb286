//! A file name as the reporter's browser sent it, made safe to keep and show.
//!
//! Browsers may send a full path (`C:\Users\an\Desktop\hợp đồng.pdf`), which
//! would reveal the reporter's user name; a name may also try to escape a
//! directory or hide behind a leading dot. Only the last path component is kept,
//! without control characters or leading dots, NFC, at most 200 characters with
//! the extension preserved. The name is stored encrypted, never on disk as a
//! file name (blobs are named by random ids).

use unicode_normalization::UnicodeNormalization;
use zeroize::{Zeroize, ZeroizeOnDrop};

use super::attachment_error::AttachmentError;

/// The longest name kept, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Longer "extensions" are not extensions but part of the name.
const MAX_EXTENSION_CHARS: usize = 10;

/// A cleaned file name with an extension. No `Debug`: a name can identify.
#[derive(Clone, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
pub struct AttachmentName {
    name: String,
    extension: String,
}

impl AttachmentName {
    /// Cleans a name as uploaded.
    pub fn parse(input: &str) -> Result<Self, AttachmentError> {
        let last = input.rsplit(['/', '\\']).next().unwrap_or_default();
        let cleaned: String = last.nfc().filter(|c| !c.is_control()).collect();
        let name = cleaned.trim().trim_start_matches('.').trim();
        if name.is_empty() {
            return Err(AttachmentError::EmptyName);
        }
        let Some((stem, extension)) = name.rsplit_once('.') else {
            return Err(AttachmentError::NoExtension);
        };
        let extension = extension.trim().to_lowercase();
        let extension_chars = extension.chars().count();
        if extension.is_empty()
            || extension_chars > MAX_EXTENSION_CHARS
            || !extension.chars().all(|c| c.is_ascii_alphanumeric())
        {
            return Err(AttachmentError::NoExtension);
        }
        let stem = stem.trim_end();
        let stem: String = stem
            .chars()
            .take(MAX_NAME_CHARS - 1 - extension_chars)
            .collect();
        // Leading dots and spaces are gone, so the stem is never empty here;
        // a name of only whitespace inside would still get a readable stem.
        let stem = if stem.trim().is_empty() {
            "file"
        } else {
            stem.trim_end()
        };
        Ok(Self {
            name: format!("{stem}.{extension}"),
            extension,
        })
    }

    /// Rebuilds a name that was stored after [`AttachmentName::parse`].
    pub fn from_stored(stored: &str) -> Result<Self, AttachmentError> {
        Self::parse(stored)
    }

    /// The cleaned name.
    pub fn as_str(&self) -> &str {
        &self.name
    }

    /// The extension, lowercase, without the dot.
    pub fn extension(&self) -> &str {
        &self.extension
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_control_characters_and_leading_dots_are_removed() {
        let cases = [
            ("hợp đồng.pdf", "hợp đồng.pdf", "pdf"),
            (
                "C:\\Users\\an\\Desktop\\biên bản.PDF",
                "biên bản.pdf",
                "pdf",
            ),
            ("/home/an/../../etc/ảnh.jpg", "ảnh.jpg", "jpg"),
            ("..\\..\\x.png", "x.png", "png"),
            ("...hidden.txt", "hidden.txt", "txt"),
            ("a\u{0000}b\u{001b}c.docx", "abc.docx", "docx"),
            ("  spaced name .odt ", "spaced name.odt", "odt"),
            (".pdf", "pdf", ""),
        ];
        for (input, name, extension) in cases {
            match AttachmentName::parse(input) {
                Ok(parsed) => {
                    assert_eq!(parsed.as_str(), name, "{input:?}");
                    assert_eq!(parsed.extension(), extension, "{input:?}");
                }
                Err(error) => {
                    // ".pdf" is a hidden file called "pdf" with no extension.
                    assert_eq!(input, ".pdf");
                    assert_eq!(error, AttachmentError::NoExtension);
                }
            }
        }
    }

    #[test]
    fn long_names_keep_their_extension() {
        let long = format!("{}.pdf", "ư".repeat(500));
        let parsed = AttachmentName::parse(&long).unwrap();
        assert_eq!(parsed.as_str().chars().count(), MAX_NAME_CHARS);
        assert!(parsed.as_str().ends_with(".pdf"));
    }

    #[test]
    fn names_without_a_usable_name_or_extension_are_refused() {
        let cases = [
            ("", AttachmentError::EmptyName),
            ("C:\\dir\\", AttachmentError::EmptyName),
            ("....", AttachmentError::EmptyName),
            ("\u{0007}", AttachmentError::EmptyName),
            ("README", AttachmentError::NoExtension),
            ("file.", AttachmentError::NoExtension),
            ("archive.tar gz", AttachmentError::NoExtension),
            ("x.averyveryverylongextension", AttachmentError::NoExtension),
        ];
        for (input, expected) in cases {
            assert_eq!(
                AttachmentName::parse(input).err(),
                Some(expected),
                "{input:?}"
            );
        }
    }
}
