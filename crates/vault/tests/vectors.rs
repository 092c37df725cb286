//! Fixed-input vectors: if any of these fails, a stored format or a derivation
//! changed, and every receipt, index and sealed blob already in a database would
//! stop working. Change a vector only together with a new version byte.
//!
//! The keyed hashes and the stream vector were also checked against independent
//! implementations (Python's `hmac` and `cryptography` packages).

use khien_vault::blind_index::{BlindIndexDomain, blind_index, person_in_organisation};
use khien_vault::kdf::{KdfParams, Salt, derive_key};
use khien_vault::receipt::{Receipt, receipt_lookup, reporter_key};
use khien_vault::recovery_key::RecoveryKey;
use khien_vault::sealed_box::{SecretKey, open_sealed};
use khien_vault::server_secret::ServerSecret;
use khien_vault::shares::{IdentityShare, combine_shares};
use khien_vault::staff_keys::{WrappedKey, unwrap_with_password, unwrap_with_recovery_key};
use khien_vault::stream::decrypt_reader_to_writer;
use khien_vault::symmetric::{DataKey, open};
use secrecy::SecretString;

fn bytes(text: &str) -> Vec<u8> {
    hex::decode(text).unwrap()
}

fn secret() -> ServerSecret {
    ServerSecret::from_bytes(&[0x11; 32])
}

#[test]
fn blind_index_of_a_person_in_an_organisation() {
    let value = person_in_organisation("Nguyễn Văn A", "Sở Y tế");
    assert_eq!(
        hex::encode(blind_index(
            &secret(),
            BlindIndexDomain::PersonNameOrganisation,
            &value
        )),
        "997306d31d41c15a0f9e7bc0e6caa136c32608202b08d77f41b17c0b9f8bf588"
    );
}

#[test]
fn blind_index_of_a_national_id() {
    assert_eq!(
        hex::encode(blind_index(
            &secret(),
            BlindIndexDomain::NationalId,
            "001 098 012 345"
        )),
        "f5a37774914a07fdc1566d35b135118caa456fbb0573e599f748a917a560ced3"
    );
}

#[test]
fn receipt_lookup_of_a_fixed_receipt() {
    let receipt = Receipt::parse("1234 5678 9012 3456").unwrap();
    assert_eq!(
        hex::encode(receipt_lookup(&secret(), &receipt)),
        "7c824772e2f74d74380fe1e597c61d9465bedf452f546e30b48957fa33450481"
    );
}

#[test]
fn argon2id_with_test_parameters() {
    let key = derive_key(
        b"correct horse",
        &Salt::from_bytes([0x22; 16]),
        &KdfParams::for_tests(),
    )
    .unwrap();
    assert_eq!(
        hex::encode(key.expose_secret()),
        "fee7a3fe2397b2815380d98cfff7d76efc0071aef2923bac6533b413d4e92aef"
    );
}

#[test]
fn reporter_key_of_a_fixed_receipt() {
    let receipt = Receipt::parse("1234-5678-9012-3456").unwrap();
    let key = reporter_key(
        &receipt,
        &Salt::from_bytes([0x33; 16]),
        &KdfParams::for_tests(),
    )
    .unwrap();
    assert_eq!(
        hex::encode(key.expose_secret()),
        "82e9dfff9050a6f71e7cc81bd537562f8785acb851c3a64edf75a89cb009bacd"
    );
}

#[test]
fn symmetric_seal_opens() {
    let sealed = bytes(
        "017b56f6f80a31d9474456248c7f847000c3675e132858a71041ddf6e15f26d71eed26136b1eb60d0e0ae7cf02e0435657eb",
    );
    let key = DataKey::from_bytes(&[0x44; 32]);
    assert_eq!(
        open(&key, &sealed, b"case-1/text").unwrap().as_slice(),
        "tố cáo".as_bytes()
    );
}

#[test]
fn sealed_box_opens() {
    let sealed = bytes(
        "11432121134aef482375a9f5175b992845477b6475576543d00a69e591fdb51a0fbd6a85552c25c37bebfdeaaa347cd25714997aa25c7d600ea1",
    );
    let unit = SecretKey::from_bytes(&[0x55; 32]);
    assert_eq!(
        hex::encode(unit.public_key().to_bytes()),
        "38ab664bd86f77d7e66bdd9ae0792913a94fd8b33a1260027e4b46c1f4884c67"
    );
    assert_eq!(
        open_sealed(&unit, &sealed, b"case-1/unit")
            .unwrap()
            .as_slice(),
        "tố cáo".as_bytes()
    );
}

#[test]
fn staff_key_wrapped_under_a_password_opens() {
    let wrapped = WrappedKey::from_bytes(&bytes(
        "21015100000040000000010000000133c346fec240425f43f47f0e36c0034201d98c4adad027ff39e86c53956d1dddfd8cd8e9dbb5350fcdc5f7b1e55f540097b276fe6362304d718d4a63b0ffa73b2df98876c84bffbf29fec61dcad3ef5de1cc6ae050f17375e4",
    ))
    .unwrap();
    let key = unwrap_with_password(&wrapped, &SecretString::from("mật khẩu")).unwrap();
    assert_eq!(
        key.public_key(),
        SecretKey::from_bytes(&[0x66; 32]).public_key()
    );
}

#[test]
fn staff_key_wrapped_under_a_recovery_key_opens() {
    let wrapped = WrappedKey::from_bytes(&bytes(
        "21020163db87097d86c60cff1ada1e478a14bc28d9da8665d7d4586549874f1d3a92a0d252cffc55de895ca0056d3868b292c2c52caf09d2e6d5bf19275a3692354d86d7c4f69bfc0c3585",
    ))
    .unwrap();
    let recovery_key = RecoveryKey::parse("EJ4K-6HRS-F64A-WSS9-1THB-08VQ-BJ47").unwrap();
    let key = unwrap_with_recovery_key(&wrapped, &recovery_key).unwrap();
    assert_eq!(
        key.public_key(),
        SecretKey::from_bytes(&[0x66; 32]).public_key()
    );
}

#[test]
fn stream_opens() {
    let stream = bytes(
        "31d5830688de2ebeb689bd047a109d7ad38c39b68368adb62bb262f29c55873ffe575a34f0fb4341c2f37bf16d0e6fc00120298b428c1209bacc8b19b8981d",
    );
    let mut plaintext = Vec::new();
    decrypt_reader_to_writer(
        &DataKey::from_bytes(&[0x77; 32]),
        b"attachment-1",
        &stream[..],
        &mut plaintext,
    )
    .unwrap();
    assert_eq!(plaintext, "bằng chứng".as_bytes());
}

#[test]
fn two_of_three_shares_combine() {
    let shares = [
        "41020130ab948dfbf34c7c62220d7321d36e7255a0d7906e15caf5515df21a4470f538",
        "410202e5ceb0826e7e1d7d41c19f63c73e59612fd836b859af0c72273f7cb10d6572f5",
        "4102035dedac871d05d989ab6b1a986e65bf9bf2f069a0bf324e0ffeea0623c19d0f45",
    ]
    .map(|text| IdentityShare::from_bytes(&bytes(text)).unwrap());
    let expected = DataKey::from_bytes(&[0x88; 32]);
    for (a, b) in [(0, 1), (0, 2), (1, 2)] {
        let pair = [
            IdentityShare::from_bytes(&shares[a].to_bytes()).unwrap(),
            IdentityShare::from_bytes(&shares[b].to_bytes()).unwrap(),
        ];
        assert!(combine_shares(&pair).unwrap() == expected, "{a} {b}");
    }
}
