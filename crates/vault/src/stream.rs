//! Streaming encryption for attachments: constant memory whatever the size.
//!
//! The STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizár 2015), as age
//! uses it. An encrypted stream is
//!
//! `0x31 ‖ salt (32 bytes) ‖ chunk₀ ‖ chunk₁ ‖ … ‖ chunkₙ`
//!
//! where every chunk is ChaCha20-Poly1305 of 64 KiB of plaintext plus a 16-byte
//! tag, except the last, which holds 0 to 64 KiB (0 only when the whole file is
//! empty). The nonce of chunk i is `i as 88-bit big-endian ‖ last flag (0 or 1)`,
//! so a dropped, repeated or reordered chunk, or a stream cut at a chunk
//! boundary, fails to open.
//!
//! The chunk key is HKDF-SHA256 of the caller's key with the random salt and the
//! associated data: every stream gets its own key even when the caller reuses
//! one (the case key), and a stream moved to another attachment row fails.
//!
//! [`ChunkSealer`] and [`ChunkOpener`] are sans-I/O: push bytes in, take bytes
//! out, so the web server can drive them from async streams. The
//! [`encrypt_reader_to_writer`] and [`decrypt_reader_to_writer`] adapters do the
//! same over `std::io`.

use std::io::{ErrorKind, Read, Write};

use chacha20poly1305::aead::{AeadInPlace, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Nonce, Tag};
use hkdf::Hkdf;
use sha2::Sha256;
use zeroize::Zeroizing;

use crate::error::VaultError;
use crate::random::random_bytes;
use crate::symmetric::DataKey;

/// First byte of an encrypted stream: format "chunked stream", version 1.
pub const STREAM_VERSION: u8 = 0x31;
/// Plaintext bytes in every chunk but the last.
pub const CHUNK_SIZE: usize = 64 * 1024;
const TAG_LEN: usize = 16;
const ENCRYPTED_CHUNK_SIZE: usize = CHUNK_SIZE + TAG_LEN;
const SALT_LEN: usize = 32;
/// Length of the stream header (version and salt).
pub const STREAM_HEADER_LEN: usize = 1 + SALT_LEN;
const KEY_INFO: &[u8] = b"khien-vault/stream/v1";

/// The encrypted size of a plaintext of `plaintext_len` bytes, header included.
pub fn encrypted_len(plaintext_len: u64) -> u64 {
    let chunk = CHUNK_SIZE as u64;
    let chunks = plaintext_len.div_ceil(chunk).max(1);
    STREAM_HEADER_LEN as u64 + plaintext_len + chunks * TAG_LEN as u64
}

/// Encrypts a stream chunk by chunk. Holds at most one chunk of plaintext.
///
/// Push any amount of plaintext with [`ChunkSealer::push`] and write out what
/// it appends; then you **must** call [`ChunkSealer::finish`], which seals the
/// last chunk: a stream without it does not open.
pub struct ChunkSealer {
    chunks: ChunkCipher,
    header: Option<[u8; STREAM_HEADER_LEN]>,
    buffer: Zeroizing<Vec<u8>>,
}

impl ChunkSealer {
    /// Starts a stream under `key`, bound to `associated_data` (an attachment id).
    pub fn new(key: &DataKey, associated_data: &[u8]) -> Self {
        let mut header = [0u8; STREAM_HEADER_LEN];
        header[0] = STREAM_VERSION;
        header[1..].copy_from_slice(&random_bytes::<SALT_LEN>());
        Self {
            chunks: ChunkCipher::new(key, &header, associated_data),
            header: Some(header),
            buffer: Zeroizing::new(Vec::with_capacity(ENCRYPTED_CHUNK_SIZE)),
        }
    }

    /// Takes plaintext and appends to `out` whatever ciphertext is ready (the
    /// header first, then each completed chunk).
    pub fn push(&mut self, mut plaintext: &[u8], out: &mut Vec<u8>) -> Result<(), VaultError> {
        self.emit_header(out);
        while !plaintext.is_empty() {
            // A full chunk is sealed only once more data arrives: until then it
            // may be the last one, which carries the last flag.
            if self.buffer.len() == CHUNK_SIZE {
                self.chunks.seal(&mut self.buffer, false, out)?;
            }
            let take = (CHUNK_SIZE - self.buffer.len()).min(plaintext.len());
            self.buffer.extend_from_slice(&plaintext[..take]);
            plaintext = &plaintext[take..];
        }
        Ok(())
    }

    /// Seals the last chunk and appends it (and the header, for an empty stream) to `out`.
    pub fn finish(mut self, out: &mut Vec<u8>) -> Result<(), VaultError> {
        self.emit_header(out);
        self.chunks.seal(&mut self.buffer, true, out)
    }

    fn emit_header(&mut self, out: &mut Vec<u8>) {
        if let Some(header) = self.header.take() {
            out.extend_from_slice(&header);
        }
    }
}

/// Decrypts a stream chunk by chunk. Holds at most one chunk of ciphertext.
///
/// Each chunk is authenticated before its plaintext is released, but the stream
/// as a whole is proven complete only when [`ChunkOpener::finish`] succeeds. Until
/// then the output **must** be treated as possibly truncated: write it somewhere
/// temporary, and discard it if any call fails.
pub struct ChunkOpener {
    state: OpenerState,
}

enum OpenerState {
    AwaitingHeader {
        key: DataKey,
        associated_data: Vec<u8>,
        header: Vec<u8>,
    },
    Body {
        chunks: ChunkCipher,
        buffer: Zeroizing<Vec<u8>>,
    },
    Failed,
}

impl ChunkOpener {
    /// Starts opening a stream sealed under `key` with `associated_data`.
    pub fn new(key: &DataKey, associated_data: &[u8]) -> Self {
        Self {
            state: OpenerState::AwaitingHeader {
                key: DataKey::from_bytes(key.expose_secret()),
                associated_data: associated_data.to_vec(),
                header: Vec::with_capacity(STREAM_HEADER_LEN),
            },
        }
    }

    /// Takes ciphertext and appends to `out` the plaintext of every chunk that is
    /// complete and authentic. After an error the opener refuses everything.
    pub fn push(&mut self, ciphertext: &[u8], out: &mut Vec<u8>) -> Result<(), VaultError> {
        let result = self.push_inner(ciphertext, out);
        if result.is_err() {
            self.state = OpenerState::Failed;
        }
        result
    }

    fn push_inner(&mut self, mut ciphertext: &[u8], out: &mut Vec<u8>) -> Result<(), VaultError> {
        if let OpenerState::AwaitingHeader {
            key,
            associated_data,
            header,
        } = &mut self.state
        {
            let take = (STREAM_HEADER_LEN - header.len()).min(ciphertext.len());
            header.extend_from_slice(&ciphertext[..take]);
            ciphertext = &ciphertext[take..];
            if header.len() < STREAM_HEADER_LEN {
                return Ok(());
            }
            if header[0] != STREAM_VERSION {
                return Err(VaultError::UnsupportedVersion { what: "stream" });
            }
            self.state = OpenerState::Body {
                chunks: ChunkCipher::new(key, header, associated_data),
                buffer: Zeroizing::new(Vec::with_capacity(ENCRYPTED_CHUNK_SIZE)),
            };
        }
        let OpenerState::Body { chunks, buffer } = &mut self.state else {
            return Err(VaultError::DecryptionFailed);
        };
        while !ciphertext.is_empty() {
            // As in the sealer: a full chunk is opened only once more data shows
            // it was not the last.
            if buffer.len() == ENCRYPTED_CHUNK_SIZE {
                chunks.open(buffer, false, out)?;
            }
            let take = (ENCRYPTED_CHUNK_SIZE - buffer.len()).min(ciphertext.len());
            buffer.extend_from_slice(&ciphertext[..take]);
            ciphertext = &ciphertext[take..];
        }
        Ok(())
    }

    /// Opens the last chunk and appends its plaintext to `out`. Only when this
    /// returns `Ok` is the stream known to be complete and unaltered.
    pub fn finish(self, out: &mut Vec<u8>) -> Result<(), VaultError> {
        match self.state {
            OpenerState::AwaitingHeader { .. } => Err(VaultError::Malformed { what: "stream" }),
            OpenerState::Failed => Err(VaultError::DecryptionFailed),
            OpenerState::Body {
                mut chunks,
                mut buffer,
            } => {
                let first_chunk = chunks.counter == 0;
                let before = out.len();
                chunks.open(&mut buffer, true, out)?;
                // Only an empty file ends in an empty chunk; the sealer never
                // makes one after a full chunk, so such a stream was tampered with.
                if out.len() == before && !first_chunk {
                    return Err(VaultError::DecryptionFailed);
                }
                Ok(())
            }
        }
    }
}

/// The per-stream key and the chunk counter, shared by sealer and opener.
struct ChunkCipher {
    cipher: ChaCha20Poly1305,
    counter: u64,
}

impl ChunkCipher {
    fn new(key: &DataKey, header: &[u8], associated_data: &[u8]) -> Self {
        let hkdf = Hkdf::<Sha256>::new(Some(&header[1..]), key.expose_secret());
        let mut chunk_key = Zeroizing::new([0u8; 32]);
        hkdf.expand_multi_info(&[KEY_INFO, associated_data], &mut chunk_key[..])
            .expect("32 bytes is a valid HKDF-SHA256 output length");
        Self {
            cipher: ChaCha20Poly1305::new((&*chunk_key).into()),
            counter: 0,
        }
    }

    fn next_nonce(&mut self, last: bool) -> Result<Nonce, VaultError> {
        let mut nonce = Nonce::default();
        nonce[3..11].copy_from_slice(&self.counter.to_be_bytes());
        nonce[11] = u8::from(last);
        self.counter = self
            .counter
            .checked_add(1)
            .ok_or(VaultError::InvalidParameters {
                what: "the stream has more chunks than the nonce can count",
            })?;
        Ok(nonce)
    }

    /// Encrypts the buffered plaintext in place, appends it and its tag to
    /// `out`, and empties the buffer.
    fn seal(
        &mut self,
        buffer: &mut Vec<u8>,
        last: bool,
        out: &mut Vec<u8>,
    ) -> Result<(), VaultError> {
        let nonce = self.next_nonce(last)?;
        let tag = self
            .cipher
            .encrypt_in_place_detached(&nonce, &[], buffer)
            .expect("a 64 KiB chunk is far below ChaCha20-Poly1305's limit");
        out.extend_from_slice(buffer);
        out.extend_from_slice(&tag);
        buffer.clear();
        Ok(())
    }

    /// Decrypts one buffered chunk in place, appends its plaintext to `out`,
    /// and empties the buffer. Nothing is appended if the chunk is not authentic.
    fn open(
        &mut self,
        buffer: &mut Vec<u8>,
        last: bool,
        out: &mut Vec<u8>,
    ) -> Result<(), VaultError> {
        if buffer.len() < TAG_LEN {
            return Err(VaultError::DecryptionFailed);
        }
        let nonce = self.next_nonce(last)?;
        let body_len = buffer.len() - TAG_LEN;
        let (body, tag) = buffer.split_at_mut(body_len);
        let tag = Tag::clone_from_slice(tag);
        self.cipher
            .decrypt_in_place_detached(&nonce, &[], body, &tag)
            .map_err(|_| VaultError::DecryptionFailed)?;
        out.extend_from_slice(body);
        // The buffer now holds plaintext. It is overwritten by the next chunk and
        // wiped once when the opener is dropped: wiping every 64 KiB chunk would
        // cost a third of the throughput for no gain.
        buffer.clear();
        Ok(())
    }
}

/// Why a streamed encryption or decryption stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StreamError {
    /// Reading the input or writing the output failed.
    #[error("reading or writing the stream failed")]
    Io(#[from] std::io::Error),
    /// The stream is not authentic, or is malformed.
    #[error(transparent)]
    Vault(#[from] VaultError),
}

/// Encrypts everything `reader` gives into `writer`, one chunk in memory at a
/// time. Returns the number of plaintext bytes read.
pub fn encrypt_reader_to_writer<R: Read, W: Write>(
    key: &DataKey,
    associated_data: &[u8],
    mut reader: R,
    mut writer: W,
) -> Result<u64, StreamError> {
    let mut sealer = ChunkSealer::new(key, associated_data);
    let mut input = Zeroizing::new(vec![0u8; CHUNK_SIZE]);
    let mut output = Vec::with_capacity(ENCRYPTED_CHUNK_SIZE + STREAM_HEADER_LEN);
    let mut total = 0u64;
    loop {
        let read = read_some(&mut reader, &mut input)?;
        if read == 0 {
            break;
        }
        total += read as u64;
        sealer.push(&input[..read], &mut output)?;
        writer.write_all(&output)?;
        output.clear();
    }
    sealer.finish(&mut output)?;
    writer.write_all(&output)?;
    writer.flush()?;
    Ok(total)
}

/// Decrypts a stream from `reader` into `writer`, one chunk in memory at a time.
/// Returns the number of plaintext bytes written.
///
/// Plaintext reaches `writer` chunk by chunk, before the end of the stream has
/// been checked: if this returns an error, whatever was written **must** be
/// discarded.
pub fn decrypt_reader_to_writer<R: Read, W: Write>(
    key: &DataKey,
    associated_data: &[u8],
    mut reader: R,
    mut writer: W,
) -> Result<u64, StreamError> {
    let mut opener = ChunkOpener::new(key, associated_data);
    let mut input = vec![0u8; ENCRYPTED_CHUNK_SIZE];
    let mut output = Zeroizing::new(Vec::with_capacity(ENCRYPTED_CHUNK_SIZE));
    let mut total = 0u64;
    loop {
        let read = read_some(&mut reader, &mut input)?;
        if read == 0 {
            break;
        }
        opener.push(&input[..read], &mut output)?;
        writer.write_all(&output)?;
        total += output.len() as u64;
        // Wiped once on drop, not per chunk (see `ChunkCipher::open`).
        output.clear();
    }
    opener.finish(&mut output)?;
    writer.write_all(&output)?;
    writer.flush()?;
    total += output.len() as u64;
    Ok(total)
}

fn read_some<R: Read>(reader: &mut R, buffer: &mut [u8]) -> std::io::Result<usize> {
    loop {
        match reader.read(buffer) {
            Err(error) if error.kind() == ErrorKind::Interrupted => continue,
            result => return result,
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn data(len: usize) -> Vec<u8> {
        (0..len).map(|i| (i % 251) as u8).collect()
    }

    fn encrypt(key: &DataKey, plaintext: &[u8], piece: usize) -> Vec<u8> {
        let mut sealer = ChunkSealer::new(key, b"attachment-1");
        let mut out = Vec::new();
        for part in plaintext.chunks(piece.max(1)) {
            sealer.push(part, &mut out).unwrap();
        }
        sealer.finish(&mut out).unwrap();
        out
    }

    fn decrypt(key: &DataKey, ciphertext: &[u8], piece: usize) -> Result<Vec<u8>, VaultError> {
        let mut opener = ChunkOpener::new(key, b"attachment-1");
        let mut out = Vec::new();
        for part in ciphertext.chunks(piece.max(1)) {
            opener.push(part, &mut out)?;
        }
        opener.finish(&mut out)?;
        Ok(out)
    }

    /// Splits an encrypted stream into its header and chunks.
    fn chunks_of(stream: &[u8]) -> (Vec<u8>, Vec<Vec<u8>>) {
        let (header, body) = stream.split_at(STREAM_HEADER_LEN);
        (
            header.to_vec(),
            body.chunks(ENCRYPTED_CHUNK_SIZE)
                .map(<[u8]>::to_vec)
                .collect(),
        )
    }

    #[test]
    fn an_empty_file_is_a_header_and_one_empty_chunk() {
        let key = DataKey::generate();
        let stream = encrypt(&key, b"", 1);
        assert_eq!(stream.len(), STREAM_HEADER_LEN + TAG_LEN);
        assert_eq!(stream.len() as u64, encrypted_len(0));
        assert_eq!(stream[0], STREAM_VERSION);
        assert_eq!(decrypt(&key, &stream, 7).unwrap(), b"");
    }

    #[test]
    fn exact_multiples_of_the_chunk_size_round_trip() {
        let key = DataKey::generate();
        for chunks in [1, 2, 3] {
            let plaintext = data(chunks * CHUNK_SIZE);
            let stream = encrypt(&key, &plaintext, 10_000);
            assert_eq!(
                stream.len(),
                STREAM_HEADER_LEN + chunks * ENCRYPTED_CHUNK_SIZE
            );
            assert_eq!(stream.len() as u64, encrypted_len(plaintext.len() as u64));
            assert_eq!(decrypt(&key, &stream, 9_999).unwrap(), plaintext);
        }
    }

    #[test]
    fn sizes_around_the_chunk_boundary_round_trip() {
        let key = DataKey::generate();
        for len in [1, CHUNK_SIZE - 1, CHUNK_SIZE + 1, 2 * CHUNK_SIZE + 17] {
            let plaintext = data(len);
            let stream = encrypt(&key, &plaintext, CHUNK_SIZE);
            assert_eq!(stream.len() as u64, encrypted_len(len as u64), "{len}");
            assert_eq!(
                decrypt(&key, &stream, ENCRYPTED_CHUNK_SIZE).unwrap(),
                plaintext
            );
        }
    }

    #[test]
    fn dropping_the_last_chunk_is_detected() {
        let key = DataKey::generate();
        for len in [2 * CHUNK_SIZE, 2 * CHUNK_SIZE + 5] {
            let stream = encrypt(&key, &data(len), 4096);
            let (header, chunks) = chunks_of(&stream);
            let truncated = [header, chunks[..chunks.len() - 1].concat()].concat();
            assert_eq!(
                decrypt(&key, &truncated, 4096).unwrap_err(),
                VaultError::DecryptionFailed,
                "{len}"
            );
        }
    }

    #[test]
    fn cutting_a_stream_anywhere_is_detected() {
        let key = DataKey::generate();
        let stream = encrypt(&key, &data(CHUNK_SIZE + 100), 4096);
        for cut in [
            0,
            1,
            STREAM_HEADER_LEN,
            STREAM_HEADER_LEN + 10,
            ENCRYPTED_CHUNK_SIZE + STREAM_HEADER_LEN,
            stream.len() - 1,
        ] {
            assert!(decrypt(&key, &stream[..cut], 4096).is_err(), "{cut}");
        }
    }

    #[test]
    fn reordering_or_repeating_chunks_is_detected() {
        let key = DataKey::generate();
        let stream = encrypt(&key, &data(3 * CHUNK_SIZE), 4096);
        let (header, chunks) = chunks_of(&stream);
        let swapped = [
            header.clone(),
            chunks[1].clone(),
            chunks[0].clone(),
            chunks[2].clone(),
        ]
        .concat();
        assert_eq!(
            decrypt(&key, &swapped, 4096).unwrap_err(),
            VaultError::DecryptionFailed
        );
        let repeated = [
            header.clone(),
            chunks[0].clone(),
            chunks[0].clone(),
            chunks[2].clone(),
        ]
        .concat();
        assert_eq!(
            decrypt(&key, &repeated, 4096).unwrap_err(),
            VaultError::DecryptionFailed
        );
        let appended = [stream.clone(), chunks[2].clone()].concat();
        assert_eq!(
            decrypt(&key, &appended, 4096).unwrap_err(),
            VaultError::DecryptionFailed
        );
    }

    #[test]
    fn a_flipped_bit_anywhere_is_detected() {
        let key = DataKey::generate();
        let stream = encrypt(&key, &data(CHUNK_SIZE + 3), 4096);
        for index in [
            0,
            1,
            20,
            STREAM_HEADER_LEN,
            STREAM_HEADER_LEN + 500,
            STREAM_HEADER_LEN + ENCRYPTED_CHUNK_SIZE - 1,
            stream.len() - 1,
        ] {
            let mut tampered = stream.clone();
            tampered[index] ^= 0x80;
            assert!(decrypt(&key, &tampered, 4096).is_err(), "{index}");
        }
    }

    #[test]
    fn the_key_and_the_associated_data_are_both_needed() {
        let key = DataKey::generate();
        let stream = encrypt(&key, b"evidence", 3);
        assert_eq!(
            decrypt(&DataKey::generate(), &stream, 3).unwrap_err(),
            VaultError::DecryptionFailed
        );
        let mut opener = ChunkOpener::new(&key, b"attachment-2");
        let mut out = Vec::new();
        opener.push(&stream, &mut out).unwrap();
        assert_eq!(
            opener.finish(&mut out).unwrap_err(),
            VaultError::DecryptionFailed
        );
        assert!(out.is_empty());
    }

    #[test]
    fn two_streams_of_one_file_under_one_key_differ() {
        let key = DataKey::generate();
        assert_ne!(encrypt(&key, b"same", 4), encrypt(&key, b"same", 4));
    }

    #[test]
    fn an_unknown_version_is_named_and_a_failed_opener_stays_failed() {
        let key = DataKey::generate();
        let mut stream = encrypt(&key, b"x", 1);
        stream[0] = 0x32;
        let mut opener = ChunkOpener::new(&key, b"attachment-1");
        let mut out = Vec::new();
        assert_eq!(
            opener.push(&stream, &mut out).unwrap_err(),
            VaultError::UnsupportedVersion { what: "stream" }
        );
        assert!(opener.push(b"more", &mut out).is_err());
        assert!(opener.finish(&mut out).is_err());
    }

    #[test]
    fn the_io_adapters_round_trip_and_report_sizes() {
        let key = DataKey::generate();
        let plaintext = data(3 * CHUNK_SIZE + 1234);
        let mut encrypted = Vec::new();
        let read = encrypt_reader_to_writer(&key, b"a", &plaintext[..], &mut encrypted).unwrap();
        assert_eq!(read, plaintext.len() as u64);
        assert_eq!(encrypted.len() as u64, encrypted_len(read));
        let mut decrypted = Vec::new();
        let written = decrypt_reader_to_writer(&key, b"a", &encrypted[..], &mut decrypted).unwrap();
        assert_eq!(written, plaintext.len() as u64);
        assert_eq!(decrypted, plaintext);
        let truncated = &encrypted[..encrypted.len() - 1];
        assert!(matches!(
            decrypt_reader_to_writer(&key, b"a", truncated, Vec::new()),
            Err(StreamError::Vault(VaultError::DecryptionFailed))
        ));
    }

    #[test]
    fn the_nonce_carries_the_counter_and_the_last_flag() {
        let mut chunks =
            ChunkCipher::new(&DataKey::from_bytes(&[1; 32]), &[STREAM_VERSION; 33], b"");
        assert_eq!(chunks.next_nonce(false).unwrap().as_slice(), &[0; 12]);
        let second = chunks.next_nonce(true).unwrap();
        assert_eq!(second.as_slice(), &[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
        chunks.counter = u64::MAX;
        assert!(chunks.next_nonce(false).is_err());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        #[test]
        fn any_size_round_trips_however_it_is_pushed(
            len in 0usize..(3 * CHUNK_SIZE + 100),
            push_piece in 1usize..(CHUNK_SIZE + 50),
            pull_piece in 1usize..(ENCRYPTED_CHUNK_SIZE + 50),
        ) {
            let key = DataKey::generate();
            let plaintext = data(len);
            let stream = encrypt(&key, &plaintext, push_piece);
            prop_assert_eq!(stream.len() as u64, encrypted_len(len as u64));
            prop_assert_eq!(decrypt(&key, &stream, pull_piece).unwrap(), plaintext);
        }
    }
}
