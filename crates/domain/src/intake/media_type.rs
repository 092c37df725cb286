//! The file types a report may carry, recognised by their first bytes.
//!
//! A file is accepted only when its content is what its extension says: a
//! `.pdf` must start like a PDF. This stops a program or an HTML page from
//! travelling under an innocent name to the staff member who opens it. What is
//! checked, per type:
//!
//! | type | first bytes |
//! |---|---|
//! | PDF | `%PDF-` |
//! | PNG | `89 50 4E 47 0D 0A 1A 0A` |
//! | JPEG | `FF D8 FF` |
//! | GIF | `GIF87a` or `GIF89a` |
//! | WebP | `RIFF` ‥ `WEBP` |
//! | MP3 | `ID3`, or an MPEG audio frame sync |
//! | MP4, M4A | an ISO media `ftyp` box (the brand is not checked: both are MPEG-4) |
//! | DOCX, XLSX | a ZIP local header, and not an OpenDocument package |
//! | ODT | a ZIP whose first entry is `mimetype` = `application/vnd.oasis.opendocument.text` |
//! | TXT | UTF-8 without NUL or control characters other than tab, line and page breaks |
//!
//! DOCX and XLSX cannot be told apart from their first few KiB (the part that
//! names the kind of document may be anywhere in the archive), so either is
//! accepted for either extension; both are Office Open XML and open in the same
//! viewers.

use super::attachment_error::AttachmentError;

/// How many leading bytes [`sniff_media_type`] wants (fewer when the file is shorter).
pub const SNIFF_LEN: usize = 4096;

/// An accepted file type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MediaType {
    /// PDF document.
    Pdf,
    /// PNG image.
    Png,
    /// JPEG image.
    Jpeg,
    /// GIF image.
    Gif,
    /// WebP image.
    Webp,
    /// MP3 audio.
    Mp3,
    /// MP4 video.
    Mp4,
    /// M4A audio.
    M4a,
    /// Word document (Office Open XML).
    Docx,
    /// Excel workbook (Office Open XML).
    Xlsx,
    /// OpenDocument text.
    Odt,
    /// Plain UTF-8 text.
    PlainText,
}

impl MediaType {
    /// Every accepted type.
    pub const ALL: [MediaType; 12] = [
        MediaType::Pdf,
        MediaType::Png,
        MediaType::Jpeg,
        MediaType::Gif,
        MediaType::Webp,
        MediaType::Mp3,
        MediaType::Mp4,
        MediaType::M4a,
        MediaType::Docx,
        MediaType::Xlsx,
        MediaType::Odt,
        MediaType::PlainText,
    ];

    /// The MIME type to serve the file with.
    pub fn mime(self) -> &'static str {
        match self {
            MediaType::Pdf => "application/pdf",
            MediaType::Png => "image/png",
            MediaType::Jpeg => "image/jpeg",
            MediaType::Gif => "image/gif",
            MediaType::Webp => "image/webp",
            MediaType::Mp3 => "audio/mpeg",
            MediaType::Mp4 => "video/mp4",
            MediaType::M4a => "audio/mp4",
            MediaType::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            MediaType::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            MediaType::Odt => "application/vnd.oasis.opendocument.text",
            MediaType::PlainText => "text/plain; charset=utf-8",
        }
    }

    /// A short stable name, as stored (inside the encrypted metadata).
    pub fn as_str(self) -> &'static str {
        match self {
            MediaType::Pdf => "pdf",
            MediaType::Png => "png",
            MediaType::Jpeg => "jpeg",
            MediaType::Gif => "gif",
            MediaType::Webp => "webp",
            MediaType::Mp3 => "mp3",
            MediaType::Mp4 => "mp4",
            MediaType::M4a => "m4a",
            MediaType::Docx => "docx",
            MediaType::Xlsx => "xlsx",
            MediaType::Odt => "odt",
            MediaType::PlainText => "txt",
        }
    }

    /// Reads [`MediaType::as_str`] back.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == text)
    }

    /// The type an extension claims, if it is one this server accepts.
    pub fn for_extension(extension: &str) -> Option<Self> {
        Some(match extension.to_ascii_lowercase().as_str() {
            "pdf" => MediaType::Pdf,
            "png" => MediaType::Png,
            "jpg" | "jpeg" => MediaType::Jpeg,
            "gif" => MediaType::Gif,
            "webp" => MediaType::Webp,
            "mp3" => MediaType::Mp3,
            "mp4" => MediaType::Mp4,
            "m4a" => MediaType::M4a,
            "docx" => MediaType::Docx,
            "xlsx" => MediaType::Xlsx,
            "odt" => MediaType::Odt,
            "txt" => MediaType::PlainText,
            _ => return None,
        })
    }

    fn content_matches(self, bytes: &[u8]) -> bool {
        match self {
            MediaType::Pdf => bytes.starts_with(b"%PDF-"),
            MediaType::Png => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            MediaType::Jpeg => bytes.starts_with(b"\xff\xd8\xff"),
            MediaType::Gif => bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a"),
            MediaType::Webp => {
                bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP"
            }
            MediaType::Mp3 => bytes.starts_with(b"ID3") || is_mpeg_audio_frame(bytes),
            MediaType::Mp4 | MediaType::M4a => bytes.len() >= 12 && &bytes[4..8] == b"ftyp",
            MediaType::Docx | MediaType::Xlsx => is_zip(bytes) && !is_opendocument(bytes),
            MediaType::Odt => is_zip(bytes) && is_opendocument_text(bytes),
            MediaType::PlainText => is_plain_text(bytes),
        }
    }
}

/// Checks that `first_bytes` (the first [`SNIFF_LEN`] bytes of the file, or all
/// of it when shorter) are what `extension` claims, and returns that type.
pub fn sniff_media_type(first_bytes: &[u8], extension: &str) -> Result<MediaType, AttachmentError> {
    let extension = extension.to_ascii_lowercase();
    let claimed = MediaType::for_extension(&extension).ok_or_else(|| {
        AttachmentError::UnsupportedExtension {
            extension: extension.clone(),
        }
    })?;
    if first_bytes.is_empty() {
        return Err(AttachmentError::Empty);
    }
    if claimed.content_matches(first_bytes) {
        Ok(claimed)
    } else {
        Err(AttachmentError::ContentMismatch { extension })
    }
}

/// An MPEG audio frame header: 11 sync bits, and a layer that is not "reserved".
fn is_mpeg_audio_frame(bytes: &[u8]) -> bool {
    bytes.len() >= 2 && bytes[0] == 0xff && bytes[1] & 0xe0 == 0xe0 && bytes[1] & 0x06 != 0
}

fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// OpenDocument packages start with a stored entry named `mimetype` (ODF 1.2
/// §3.3), whose content follows its 30-byte local header and 8-byte name.
fn is_opendocument(bytes: &[u8]) -> bool {
    bytes.len() > 38 && &bytes[30..38] == b"mimetype"
}

fn is_opendocument_text(bytes: &[u8]) -> bool {
    is_opendocument(bytes) && bytes[38..].starts_with(b"application/vnd.oasis.opendocument.text")
}

/// UTF-8 (a sequence cut by the end of the sample is fine) without NUL or
/// control characters other than tab, line feed, carriage return and form feed.
fn is_plain_text(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        // `error_len() == None`: the sample ends in the middle of a character.
        Err(error) if error.error_len().is_none() => {
            std::str::from_utf8(&bytes[..error.valid_up_to()]).expect("valid up to here")
        }
        Err(_) => return false,
    };
    text.chars()
        .all(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\u{000c}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn odt() -> Vec<u8> {
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.resize(30, 0);
        bytes.extend_from_slice(b"mimetypeapplication/vnd.oasis.opendocument.text");
        bytes
    }

    fn docx() -> Vec<u8> {
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.resize(30, 0);
        bytes.extend_from_slice(b"[Content_Types].xml");
        bytes
    }

    #[test]
    fn each_type_is_recognised_by_its_content() {
        let cases: Vec<(Vec<u8>, &str, MediaType)> = vec![
            (b"%PDF-1.7\n".to_vec(), "pdf", MediaType::Pdf),
            (b"\x89PNG\r\n\x1a\n\0\0".to_vec(), "PNG", MediaType::Png),
            (
                b"\xff\xd8\xff\xe0\0\x10JFIF".to_vec(),
                "jpg",
                MediaType::Jpeg,
            ),
            (b"\xff\xd8\xff\xe1".to_vec(), "jpeg", MediaType::Jpeg),
            (b"GIF89a\x01\0".to_vec(), "gif", MediaType::Gif),
            (b"RIFF\x24\0\0\0WEBPVP8 ".to_vec(), "webp", MediaType::Webp),
            (b"ID3\x04\0".to_vec(), "mp3", MediaType::Mp3),
            (b"\xff\xfb\x90\x64".to_vec(), "mp3", MediaType::Mp3),
            (
                b"\0\0\0\x18ftypmp42\0\0\0\0".to_vec(),
                "mp4",
                MediaType::Mp4,
            ),
            (
                b"\0\0\0\x20ftypM4A \0\0\0\0".to_vec(),
                "m4a",
                MediaType::M4a,
            ),
            (docx(), "docx", MediaType::Docx),
            (docx(), "xlsx", MediaType::Xlsx),
            (odt(), "odt", MediaType::Odt),
            (
                "Biên bản làm việc\r\n\tngày 1".as_bytes().to_vec(),
                "txt",
                MediaType::PlainText,
            ),
            (
                b"\xef\xbb\xbfwith a BOM".to_vec(),
                "txt",
                MediaType::PlainText,
            ),
            // A sample cut in the middle of "ệ" (e1 bb 87).
            (b"vi\xe1\xbb".to_vec(), "txt", MediaType::PlainText),
        ];
        for (bytes, extension, expected) in cases {
            assert_eq!(
                sniff_media_type(&bytes, extension),
                Ok(expected),
                "{extension}"
            );
        }
    }

    #[test]
    fn content_that_does_not_match_its_extension_is_refused() {
        let mismatch = |extension: &str| AttachmentError::ContentMismatch {
            extension: extension.to_owned(),
        };
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (b"<html><script>".to_vec(), "pdf"),
            (b"MZ\x90\0".to_vec(), "pdf"),
            (b"%PDF-1.7".to_vec(), "png"),
            (b"\xff\xd8\xff".to_vec(), "gif"),
            (b"RIFF\x24\0\0\0WAVEfmt ".to_vec(), "webp"),
            (b"\xff\x00".to_vec(), "mp3"),
            (b"\0\0\0\x18moov".to_vec(), "mp4"),
            (b"%PDF-".to_vec(), "docx"),
            (odt(), "docx"),
            (docx(), "odt"),
            (b"MZ\x90\0\x03\0\0\0".to_vec(), "txt"),
            (b"\xff\xfe\x00a".to_vec(), "txt"),
            (b"ANSI \x1b[31m red".to_vec(), "txt"),
        ];
        for (bytes, extension) in cases {
            assert_eq!(
                sniff_media_type(&bytes, extension),
                Err(mismatch(extension)),
                "{extension}"
            );
        }
    }

    #[test]
    fn unknown_extensions_and_empty_files_are_named() {
        for extension in ["exe", "html", "svg", "zip", "doc", ""] {
            assert_eq!(
                sniff_media_type(b"anything", extension),
                Err(AttachmentError::UnsupportedExtension {
                    extension: extension.to_owned()
                })
            );
        }
        assert_eq!(sniff_media_type(b"", "pdf"), Err(AttachmentError::Empty));
    }

    #[test]
    fn stored_names_round_trip() {
        for kind in MediaType::ALL {
            assert_eq!(MediaType::parse(kind.as_str()), Some(kind));
            assert!(!kind.mime().is_empty());
        }
    }
}
