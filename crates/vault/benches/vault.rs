//! The vault's costs on this machine: what one receipt derivation costs (the
//! bound on submissions per core), small seals, stream throughput, and the
//! steps of an identity disclosure (one approval, the requester's opening, one
//! re-share contribution).
//!
//! `cargo bench -p khien-vault --bench vault -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use khien_vault::case_keys::{CaseKeys, CaseRecipients, Holder, open_identity_share, seal_case};
use khien_vault::disclosure::{
    Approval, DisclosureRequest, open_disclosed_identity_key, reseal_share_for_requester,
};
use khien_vault::kdf::{KdfParams, Salt};
use khien_vault::receipt::{Receipt, reporter_key};
use khien_vault::reshare::{ReshareRound, bundle_parts, contribute};
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

/// Three custodians, k = 2, as a unit seals a new case by default.
fn disclosure_steps(c: &mut Criterion) {
    let mut group = c.benchmark_group("disclosure (k = 2 of 3)");
    let keys = CaseKeys::generate();
    let custodians: Vec<(String, SecretKey)> = (0..3)
        .map(|i| (format!("custodian-{i}"), SecretKey::generate()))
        .collect();
    let publics: Vec<_> = custodians.iter().map(|(_, key)| key.public_key()).collect();
    let holders: Vec<Holder<'_>> = custodians
        .iter()
        .zip(&publics)
        .map(|((id, _), public_key)| Holder { id, public_key })
        .collect();
    let unit = SecretKey::generate().public_key();
    let unit_holder = Holder {
        id: "unit",
        public_key: &unit,
    };
    let sealed = seal_case(
        "case-1",
        &keys,
        &CaseRecipients {
            unit: unit_holder,
            intake: unit_holder,
            custodians: &holders,
            threshold: 2,
        },
        &DataKey::generate(),
    )
    .unwrap();
    let requester = SecretKey::generate();
    let request = DisclosureRequest {
        case_id: "case-1",
        request_id: "request-1",
        requester_id: "handler-1",
    };
    let approve = |i: usize| {
        reseal_share_for_requester(
            &request,
            &custodians[i].0,
            &custodians[i].1,
            &sealed.shares[i].sealed,
            &requester.public_key(),
        )
        .unwrap()
        .sealed
    };
    group.bench_function("one custodian approves (open own share, re-seal)", |b| {
        b.iter(|| approve(black_box(0)))
    });
    let approvals = [approve(0), approve(2)];
    let approved = [
        Approval {
            custodian_id: "custodian-0",
            sealed: &approvals[0],
        },
        Approval {
            custodian_id: "custodian-2",
            sealed: &approvals[1],
        },
    ];
    group.bench_function("the requester rebuilds the identity key", |b| {
        b.iter(|| open_disclosed_identity_key(&request, &requester, black_box(&approved)).unwrap())
    });
    let round = ReshareRound {
        case_id: "case-1",
        round_id: "round-1",
        threshold: 2,
        custodians: &holders,
    };
    group.bench_function("one re-share contribution to 3 custodians", |b| {
        b.iter(|| {
            contribute(
                &round,
                &custodians[1].0,
                &custodians[1].1,
                black_box(&sealed.shares[1].sealed),
            )
            .unwrap()
        })
    });
    let parts: Vec<Vec<Vec<u8>>> = [0, 1]
        .iter()
        .map(|&i| {
            contribute(
                &round,
                &custodians[i].0,
                &custodians[i].1,
                &sealed.shares[i].sealed,
            )
            .unwrap()
            .into_iter()
            .map(|part| part.sealed)
            .collect()
        })
        .collect();
    let bundle = bundle_parts("round-1", &[parts[0][2].clone(), parts[1][2].clone()]).unwrap();
    group.bench_function("a new custodian opens a re-shared share", |b| {
        b.iter(|| {
            open_identity_share(
                "case-1",
                &custodians[2].0,
                &custodians[2].1,
                black_box(&bundle),
            )
            .unwrap()
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    receipt_key_derivation,
    small_seals,
    stream_throughput,
    disclosure_steps
);
criterion_main!(benches);
