//! A write transaction that carries the audit chain with it.

use sqlx::{Any, AnyConnection, Transaction};

use crate::{Store, StoreError};

/// A transaction on the write connection. Dropping it without [`WriteTx::commit`]
/// rolls everything back, audit entries included.
pub struct WriteTx {
    pub(crate) tx: Transaction<'static, Any>,
    pub(crate) store: Store,
}

impl WriteTx {
    pub(crate) fn new(tx: Transaction<'static, Any>, store: Store) -> Self {
        Self { tx, store }
    }

    /// The connection to run this transaction's queries on.
    pub fn connection(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }

    /// Makes everything in the transaction durable.
    pub async fn commit(self) -> Result<(), StoreError> {
        self.tx.commit().await.map_err(StoreError::from)
    }
}
