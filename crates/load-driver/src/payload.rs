//! What one submission sends: the report JSON of `POST /api/v1/reports`, and for
//! multipart runs one generated PDF-looking file, streamed in chunks so that even
//! a 1 GiB attachment costs the driver a few kilobytes of memory.

use std::convert::Infallible;

use bytes::Bytes;
use futures_util::stream::{self, Stream};
use serde_json::{Value, json};

/// Largest `content` the server accepts, in characters.
pub const CONTENT_MAX_CHARS: usize = 20_000;
/// Every generated attachment starts with this, so the server's type sniffing
/// recognises a PDF.
pub const PDF_HEADER: &[u8] = b"%PDF-1.7\n";
/// The attachment's file name.
pub const ATTACHMENT_NAME: &str = "evidence.pdf";
/// Size of each streamed chunk of an attachment.
const CHUNK_BYTES: usize = 64 * 1024;

/// Plain ASCII, so the content's length in bytes equals its length in characters.
const FILLER_SENTENCE: &str = "Ban quan ly du an thu tien ngoai quy dinh cua cac ho dan \
    khi cap giay phep xay dung; so tien moi ho nop tu hai den nam trieu dong. ";

/// The report text of every submission in a run.
#[derive(Debug, Clone)]
pub struct ReportTemplate {
    content: String,
    unit: Option<String>,
}

impl ReportTemplate {
    /// A report whose `content` is exactly `content_bytes` bytes (and characters).
    pub fn new(content_bytes: usize, unit: Option<String>) -> ReportTemplate {
        let content: String = FILLER_SENTENCE
            .chars()
            .cycle()
            .take(content_bytes)
            .collect();
        ReportTemplate { content, unit }
    }

    /// The JSON document for submission number `sequence`.
    pub fn document(&self, sequence: u64) -> Value {
        json!({
            "kind": "denunciation",
            "unit": self.unit,
            "subject": format!("Thu tai (khien-load) #{sequence}"),
            "content": self.content,
            "when_where": "Ban quan ly du an, thang 3/2026",
            "accused": [{
                "name": "Nguyen Van A",
                "position": "Truong ban",
                "organisation": "Ban quan ly du an"
            }],
            "identity": null,
            "wants_protection": false
        })
    }
}

/// The chunks of a generated PDF of exactly `total` bytes (`total` ≥ the header).
pub fn pdf_chunks(total: u64) -> impl Stream<Item = Result<Bytes, Infallible>> + Send + 'static {
    let filler = Bytes::from(
        b"% khien-load filler line, not a real PDF body.\n"
            .iter()
            .copied()
            .cycle()
            .take(CHUNK_BYTES)
            .collect::<Vec<u8>>(),
    );
    let header = Bytes::from_static(PDF_HEADER);
    let header_len = PDF_HEADER.len() as u64;
    let mut remaining = total.saturating_sub(header_len);
    let body = std::iter::from_fn(move || {
        if remaining == 0 {
            return None;
        }
        let take = remaining.min(CHUNK_BYTES as u64);
        remaining -= take;
        Some(filler.slice(..take as usize))
    });
    stream::iter(std::iter::once(header).chain(body).map(Ok))
}

#[cfg(test)]
mod tests {
    use futures_util::StreamExt;

    use super::*;

    #[test]
    fn content_has_exactly_the_asked_length() {
        for size in [1, 2_000, CONTENT_MAX_CHARS] {
            let document = ReportTemplate::new(size, None).document(7);
            let content = document["content"].as_str().unwrap();
            assert_eq!(content.len(), size);
            assert_eq!(content.chars().count(), size);
        }
        let document = ReportTemplate::new(10, Some("SO-TC".into())).document(3);
        assert_eq!(document["unit"], "SO-TC");
        assert_eq!(document["subject"], "Thu tai (khien-load) #3");
        assert_eq!(
            ReportTemplate::new(10, None).document(3)["unit"],
            Value::Null
        );
    }

    #[tokio::test]
    async fn attachments_start_like_a_pdf_and_have_the_exact_size() {
        for total in [9u64, 10, 65_536, 1024 * 1024 + 3] {
            let chunks: Vec<Bytes> = pdf_chunks(total)
                .map(|chunk| chunk.unwrap())
                .collect()
                .await;
            let joined: Vec<u8> = chunks.concat();
            assert_eq!(joined.len() as u64, total);
            assert!(joined.starts_with(b"%PDF-1.7\n"));
            assert!(chunks.iter().all(|chunk| chunk.len() <= CHUNK_BYTES));
        }
    }
}
