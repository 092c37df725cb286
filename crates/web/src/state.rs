//! What every handler can reach.

use khien_store::Store;

/// Shared state of the web application. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub store: Store,
}

impl AppState {
    /// Builds the state from an opened store.
    pub fn new(store: Store) -> Self {
        Self { store }
    }
}
