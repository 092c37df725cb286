//! A local SMTP server that accepts every message and keeps it in memory, so tests
//! can check what the reminder job emailed through a real SMTP conversation.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// One message as received: the envelope recipients and the raw DATA.
#[derive(Debug, Clone)]
pub struct ReceivedMail {
    pub recipients: Vec<String>,
    pub data: String,
}

impl ReceivedMail {
    /// The message with its quoted-printable parts decoded (soft line breaks joined,
    /// `=XX` turned back into bytes), so a test can look for Vietnamese text in it.
    pub fn decoded(&self) -> String {
        let joined = self.data.replace("=\r\n", "").replace("=\n", "");
        let bytes = joined.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut at = 0;
        while at < bytes.len() {
            let hex = bytes
                .get(at + 1..at + 3)
                .and_then(|pair| std::str::from_utf8(pair).ok())
                .and_then(|pair| u8::from_str_radix(pair, 16).ok());
            match (bytes[at], hex) {
                (b'=', Some(byte)) => {
                    out.push(byte);
                    at += 3;
                }
                (byte, _) => {
                    out.push(byte);
                    at += 1;
                }
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    }
}

/// The sink: its address and what it has received.
#[derive(Clone)]
pub struct SmtpSink {
    pub address: SocketAddr,
    mails: Arc<Mutex<Vec<ReceivedMail>>>,
}

impl SmtpSink {
    /// Listens on a free local port.
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a local port");
        let address = listener.local_addr().expect("an address");
        let mails = Arc::new(Mutex::new(Vec::new()));
        let kept = mails.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let kept = kept.clone();
                tokio::spawn(async move {
                    let _ = converse(stream, kept).await;
                });
            }
        });
        SmtpSink { address, mails }
    }

    /// `smtp://127.0.0.1:<port>` for the reminder settings.
    pub fn url(&self) -> String {
        format!("smtp://{}", self.address)
    }

    /// Every message so far.
    pub fn mails(&self) -> Vec<ReceivedMail> {
        self.mails.lock().expect("the sink's lock").clone()
    }
}

async fn converse(
    stream: tokio::net::TcpStream,
    mails: Arc<Mutex<Vec<ReceivedMail>>>,
) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    write.write_all(b"220 sink ESMTP\r\n").await?;
    let mut recipients = Vec::new();
    while let Some(line) = lines.next_line().await? {
        let upper = line.to_ascii_uppercase();
        if upper.starts_with("EHLO") || upper.starts_with("HELO") {
            write.write_all(b"250-sink\r\n250 8BITMIME\r\n").await?;
        } else if upper.starts_with("MAIL FROM") {
            recipients.clear();
            write.write_all(b"250 OK\r\n").await?;
        } else if upper.starts_with("RCPT TO") {
            let address = line[8..]
                .trim()
                .trim_matches(|c| c == '<' || c == '>' || c == ':');
            recipients.push(address.trim_start_matches(':').trim().to_owned());
            write.write_all(b"250 OK\r\n").await?;
        } else if upper == "DATA" {
            write.write_all(b"354 go on\r\n").await?;
            let mut data = String::new();
            while let Some(line) = lines.next_line().await? {
                if line == "." {
                    break;
                }
                data.push_str(&line);
                data.push('\n');
            }
            mails.lock().expect("the sink's lock").push(ReceivedMail {
                recipients: std::mem::take(&mut recipients),
                data,
            });
            write.write_all(b"250 queued\r\n").await?;
        } else if upper == "QUIT" {
            write.write_all(b"221 bye\r\n").await?;
            break;
        } else {
            write.write_all(b"250 OK\r\n").await?;
        }
    }
    Ok(())
}
