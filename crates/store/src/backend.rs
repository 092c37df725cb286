//! The two database backends.

/// Which database engine a store runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Backend {
    /// An embedded SQLite file: the default, for one machine.
    Sqlite,
    /// A PostgreSQL server: for several server processes or a large province.
    Postgres,
}

impl Backend {
    /// Both backends, for tests that run against each.
    pub const ALL: [Backend; 2] = [Backend::Sqlite, Backend::Postgres];

    /// A short lowercase name.
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}
