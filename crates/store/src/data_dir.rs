//! The data directory: the SQLite file, attachment blobs and the installation's
//! secrets. Secrets live here and never in the database, so a stolen database (or a
//! database backup) alone cannot forge the audit chain or reverse a receipt lookup.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use khien_vault::server_secret::ServerSecret;
use khien_vault::signing::{SigningKey, VerifyingKey};
use zeroize::Zeroizing;

/// A problem with the data directory, phrased for the person who runs the server.
#[derive(Debug, thiserror::Error)]
pub enum DataDirError {
    /// The directory could not be created or opened.
    #[error("cannot use data directory {path}: {source}")]
    Inaccessible {
        /// The directory.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// Another server holds the directory's lock.
    #[error(
        "data directory {path} is in use by another khien process (lock file {path}/khien.lock); \
         stop it first or choose another --data-dir"
    )]
    InUse {
        /// The directory.
        path: PathBuf,
    },
    /// A secret file exists but is not what it should be.
    #[error("secret file {path} is damaged: {what}")]
    BadSecret {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        what: &'static str,
    },
}

/// An opened data directory.
#[derive(Clone, Debug)]
pub struct DataDir {
    path: PathBuf,
}

/// Holds the directory's exclusive lock until dropped.
#[derive(Debug)]
pub struct DataDirLock {
    _file: File,
}

/// The installation's secrets, loaded from (or created in) `secrets/`.
pub struct InstallationSecrets {
    /// Key for HMAC lookups (receipts) and blind indexes.
    pub server_secret: ServerSecret,
    /// Key that signs audit checkpoints.
    pub audit_signing_key: SigningKey,
}

const SERVER_SECRET_FILE: &str = "server-secret";
const AUDIT_KEY_FILE: &str = "audit-signing.key";
const AUDIT_PUBLIC_KEY_FILE: &str = "audit-signing.pub";

impl DataDir {
    /// Opens the directory, creating it (mode 0700) if it does not exist, and checks
    /// that it can be written.
    pub fn open(path: &Path) -> Result<DataDir, DataDirError> {
        let inaccessible = |source| DataDirError::Inaccessible {
            path: path.to_owned(),
            source,
        };
        fs::create_dir_all(path).map_err(inaccessible)?;
        let dir = DataDir {
            path: path.to_owned(),
        };
        for sub in ["secrets", "blobs"] {
            let sub_path = dir.path.join(sub);
            fs::create_dir_all(&sub_path).map_err(inaccessible)?;
            fs::set_permissions(&sub_path, fs::Permissions::from_mode(0o700))
                .map_err(inaccessible)?;
        }
        // Fail now, clearly, rather than at the first write.
        let probe = dir.path.join(".write-test");
        File::create(&probe)
            .and_then(|_| fs::remove_file(&probe))
            .map_err(inaccessible)?;
        Ok(dir)
    }

    /// The directory's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The directory for attachment blobs.
    pub fn blobs(&self) -> PathBuf {
        self.path.join("blobs")
    }

    /// Takes the exclusive lock that keeps a second server off the same SQLite file.
    pub fn lock_exclusive(&self) -> Result<DataDirLock, DataDirError> {
        let lock_path = self.path.join("khien.lock");
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .mode(0o600)
            .open(&lock_path)
            .map_err(|source| DataDirError::Inaccessible {
                path: lock_path.clone(),
                source,
            })?;
        match file.try_lock() {
            Ok(()) => Ok(DataDirLock { _file: file }),
            Err(fs::TryLockError::WouldBlock) => Err(DataDirError::InUse {
                path: self.path.clone(),
            }),
            Err(fs::TryLockError::Error(source)) => Err(DataDirError::Inaccessible {
                path: lock_path,
                source,
            }),
        }
    }

    /// Loads the installation's secrets, generating any that are missing (first start).
    pub fn load_or_create_secrets(&self) -> Result<InstallationSecrets, DataDirError> {
        let server_secret = self.load_or_create_secret(SERVER_SECRET_FILE, || {
            khien_vault::random::random_bytes::<32>()
        })?;
        let seed =
            self.load_or_create_secret(AUDIT_KEY_FILE, || *SigningKey::generate().to_seed())?;
        let audit_signing_key = SigningKey::from_seed(&seed);
        let public_path = self.secret_path(AUDIT_PUBLIC_KEY_FILE);
        let public = audit_signing_key.verifying_key().to_bytes();
        if fs::read(&public_path).ok().as_deref() != Some(&public[..]) {
            write_private_file(&public_path, &public).map_err(|source| {
                DataDirError::Inaccessible {
                    path: public_path,
                    source,
                }
            })?;
        }
        Ok(InstallationSecrets {
            server_secret: ServerSecret::from_bytes(&server_secret),
            audit_signing_key,
        })
    }

    /// The public key that verifies this installation's audit checkpoints, read from
    /// `secrets/audit-signing.pub` (which an auditor may also keep a copy of).
    pub fn audit_verifying_key(&self) -> Result<VerifyingKey, DataDirError> {
        let path = self.secret_path(AUDIT_PUBLIC_KEY_FILE);
        let bytes = fs::read(&path).map_err(|source| DataDirError::Inaccessible {
            path: path.clone(),
            source,
        })?;
        let bytes: [u8; 32] = bytes
            .as_slice()
            .try_into()
            .map_err(|_| DataDirError::BadSecret {
                path: path.clone(),
                what: "it should hold exactly 32 bytes",
            })?;
        VerifyingKey::from_bytes(&bytes).map_err(|_| DataDirError::BadSecret {
            path,
            what: "it is not an Ed25519 public key",
        })
    }

    fn secret_path(&self, name: &str) -> PathBuf {
        self.path.join("secrets").join(name)
    }

    fn load_or_create_secret(
        &self,
        name: &str,
        generate: impl FnOnce() -> [u8; 32],
    ) -> Result<Zeroizing<[u8; 32]>, DataDirError> {
        let path = self.secret_path(name);
        match fs::read(&path) {
            Ok(bytes) => {
                let bytes = Zeroizing::new(bytes);
                let array: [u8; 32] =
                    bytes
                        .as_slice()
                        .try_into()
                        .map_err(|_| DataDirError::BadSecret {
                            path: path.clone(),
                            what: "it should hold exactly 32 bytes",
                        })?;
                Ok(Zeroizing::new(array))
            }
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                let secret = Zeroizing::new(generate());
                write_private_file(&path, &secret[..])
                    .map_err(|source| DataDirError::Inaccessible { path, source })?;
                Ok(secret)
            }
            Err(source) => Err(DataDirError::Inaccessible { path, source }),
        }
    }
}

/// Writes a file readable only by its owner, durably: a temporary file, fsync, rename.
fn write_private_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let temporary = path.with_extension("tmp");
    let mut file = OpenOptions::new()
        .create(true)
        .truncate(true)
        .write(true)
        .mode(0o600)
        .open(&temporary)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    fs::rename(&temporary, path)?;
    if let Some(parent) = path.parent() {
        File::open(parent)?.sync_all()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_created_once_private_and_then_reused() {
        let temp = tempfile::tempdir().unwrap();
        let dir = DataDir::open(&temp.path().join("data")).unwrap();
        let first = dir.load_or_create_secrets().unwrap();
        let second = dir.load_or_create_secrets().unwrap();
        assert_eq!(
            first.server_secret.expose_secret(),
            second.server_secret.expose_secret()
        );
        assert_eq!(
            first.audit_signing_key.verifying_key(),
            second.audit_signing_key.verifying_key()
        );
        for name in [SERVER_SECRET_FILE, AUDIT_KEY_FILE] {
            let mode = fs::metadata(dir.secret_path(name))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "{name}");
        }
    }

    #[test]
    fn a_second_lock_on_the_same_directory_is_refused() {
        let temp = tempfile::tempdir().unwrap();
        let dir = DataDir::open(temp.path()).unwrap();
        let _held = dir.lock_exclusive().unwrap();
        assert!(matches!(
            dir.lock_exclusive(),
            Err(DataDirError::InUse { .. })
        ));
    }

    #[test]
    fn a_damaged_secret_is_named() {
        let temp = tempfile::tempdir().unwrap();
        let dir = DataDir::open(temp.path()).unwrap();
        fs::write(dir.secret_path(SERVER_SECRET_FILE), b"short").unwrap();
        let error = dir.load_or_create_secrets().err().unwrap();
        assert!(error.to_string().contains("server-secret"), "{error}");
    }
}
