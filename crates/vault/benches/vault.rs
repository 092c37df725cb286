//! The vault's costs on this machine: what one receipt derivation costs (the
//! bound on submissions per core), small seals, and stream throughput.
//!
//! `cargo bench -p khien-vault --bench vault -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use khien_vault::kdf::{KdfParams, Salt};
use khien_vault::receipt::{Receipt, reporter_key};
use khien_vault::sealed_box::{SecretKey, open_sealed, seal_to};
use khien_vault::stream::{decrypt_reader_to_writer, encrypt_reader_to_writer, encrypted_len};
use khien_vault::symmetric::{DataKey, open, seal};

fn receipt_key_derivation(c: &mut Criterion) {
    let mut group = c.benchmark_group("kdf");
    group.sample_size(10);
    let receipt = Receipt::generate();
    let salt = Salt::generate();
    group.bench_function("reporter_key production (64 MiB, t=3, p=1)", |b| {
        b.iter(|| reporter_key(black_box(&receipt), &salt, &KdfParams::PRODUCTION).unwrap())
    });
    group.finish();
}

fn small_seals(c: &mut Criterion) {
    let mut group = c.benchmark_group("seal 1 KiB");
    let message = vec![0x5a; 1024];
    group.throughput(Throughput::Bytes(message.len() as u64));
    let key = DataKey::generate();
    let sealed = seal(&key, &message, b"case-1/text");
    group.bench_function("symmetric seal", |b| {
        b.iter(|| seal(&key, black_box(&message), b"case-1/text"))
    });
    group.bench_function("symmetric open", |b| {
        b.iter(|| open(&key, black_box(&sealed), b"case-1/text").unwrap())
    });
    let unit = SecretKey::generate();
    let public = unit.public_key();
    let boxed = seal_to(&public, &message, b"case-1/unit");
    group.bench_function("seal_to", |b| {
        b.iter(|| seal_to(&public, black_box(&message), b"case-1/unit"))
    });
    group.bench_function("open_sealed", |b| {
        b.iter(|| open_sealed(&unit, black_box(&boxed), b"case-1/unit").unwrap())
    });
    group.finish();
}

fn stream_throughput(c: &mut Criterion) {
    const SIZE: usize = 64 * 1024 * 1024;
    let mut group = c.benchmark_group("stream 64 MiB");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(SIZE as u64));
    let key = DataKey::generate();
    let plaintext: Vec<u8> = (0..SIZE).map(|i| (i % 251) as u8).collect();
    let mut encrypted = Vec::with_capacity(encrypted_len(SIZE as u64) as usize);
    group.bench_function("encrypt", |b| {
        b.iter(|| {
            encrypted.clear();
            encrypt_reader_to_writer(&key, b"attachment", &plaintext[..], &mut encrypted).unwrap()
        })
    });
    let mut decrypted = Vec::with_capacity(SIZE);
    group.bench_function("decrypt", |b| {
        b.iter(|| {
            decrypted.clear();
            decrypt_reader_to_writer(&key, b"attachment", &encrypted[..], &mut decrypted).unwrap()
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    receipt_key_derivation,
    small_seals,
    stream_throughput
);
criterion_main!(benches);
