//! Why a file was refused, and the limits files must keep.

use super::field_errors::ReportFieldError;

/// How many files, and how large, one submission may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttachmentLimits {
    /// The largest file, in bytes (default 100 MiB).
    pub max_file_bytes: u64,
    /// The most files in one submission or message (default 20).
    pub max_files: usize,
}

impl Default for AttachmentLimits {
    fn default() -> Self {
        Self {
            max_file_bytes: 100 * 1024 * 1024,
            max_files: 20,
        }
    }
}

/// A file that cannot be accepted. Never carries the file's name or bytes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AttachmentError {
    /// Nothing is left of the name once paths and control characters are removed.
    #[error("the file has no name")]
    EmptyName,
    /// The name has no extension, so its type cannot be checked.
    #[error("the file name has no extension")]
    NoExtension,
    /// A type this server does not accept.
    #[error("files of type .{extension} are not accepted")]
    UnsupportedExtension {
        /// The extension, lowercase (an extension is not personal data).
        extension: String,
    },
    /// The content is not what the extension says (a `.pdf` that is not a PDF).
    #[error("the content is not a .{extension} file")]
    ContentMismatch {
        /// The extension, lowercase.
        extension: String,
    },
    /// The file is empty.
    #[error("the file is empty")]
    Empty,
    /// The file is larger than the limit.
    #[error("the file is larger than {limit_bytes} bytes")]
    TooLarge {
        /// The limit in bytes.
        limit_bytes: u64,
    },
    /// More files than one submission may carry.
    #[error("at most {max} files")]
    TooMany {
        /// The limit.
        max: usize,
    },
}

impl AttachmentError {
    /// The message in Vietnamese.
    pub fn message_vi(&self) -> String {
        match self {
            AttachmentError::EmptyName => "Tệp không có tên.".into(),
            AttachmentError::NoExtension => "Tên tệp phải có phần mở rộng (ví dụ .pdf).".into(),
            AttachmentError::UnsupportedExtension { extension } => format!(
                "Không nhận tệp .{extension}. Chỉ nhận PDF, PNG, JPEG, GIF, WebP, MP3, MP4, M4A, DOCX, XLSX, ODT và TXT."
            ),
            AttachmentError::ContentMismatch { extension } => {
                format!("Nội dung tệp không phải là tệp .{extension}.")
            }
            AttachmentError::Empty => "Tệp rỗng.".into(),
            AttachmentError::TooLarge { limit_bytes } => {
                format!("Tệp lớn hơn giới hạn {} MiB.", limit_bytes / (1024 * 1024))
            }
            AttachmentError::TooMany { max } => format!("Tối đa {max} tệp mỗi lần gửi."),
        }
    }

    /// The message in English.
    pub fn message_en(&self) -> String {
        match self {
            AttachmentError::EmptyName => "The file has no name.".into(),
            AttachmentError::NoExtension => {
                "The file name needs an extension (such as .pdf).".into()
            }
            AttachmentError::UnsupportedExtension { extension } => format!(
                ".{extension} files are not accepted. Accepted: PDF, PNG, JPEG, GIF, WebP, MP3, MP4, M4A, DOCX, XLSX, ODT and TXT."
            ),
            AttachmentError::ContentMismatch { extension } => {
                format!("The file's content is not a .{extension} file.")
            }
            AttachmentError::Empty => "The file is empty.".into(),
            AttachmentError::TooLarge { limit_bytes } => {
                format!(
                    "The file is larger than the {} MiB limit.",
                    limit_bytes / (1024 * 1024)
                )
            }
            AttachmentError::TooMany { max } => format!("At most {max} files per submission."),
        }
    }

    /// The error as a form field error (`files[2]`, or `files` for too many).
    pub fn to_field_error(&self, field: &str) -> ReportFieldError {
        ReportFieldError::new(field, self.message_vi(), self.message_en())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_both_messages_and_names_its_field() {
        let errors = [
            AttachmentError::EmptyName,
            AttachmentError::NoExtension,
            AttachmentError::UnsupportedExtension {
                extension: "exe".into(),
            },
            AttachmentError::ContentMismatch {
                extension: "pdf".into(),
            },
            AttachmentError::Empty,
            AttachmentError::TooLarge {
                limit_bytes: 100 * 1024 * 1024,
            },
            AttachmentError::TooMany { max: 20 },
        ];
        for error in errors {
            let field = error.to_field_error("files[3]");
            assert_eq!(field.field, "files[3]");
            assert!(!field.message_vi.is_empty() && !field.message_en.is_empty());
        }
        assert!(
            AttachmentError::TooLarge {
                limit_bytes: 100 * 1024 * 1024
            }
            .message_en()
            .contains("100 MiB")
        );
    }
}
