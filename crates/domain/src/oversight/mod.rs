//! Who oversees whom. An oversight body (Ban Nội chính, Ủy ban Kiểm tra, Thanh tra,
//! Hội đồng nhân dân) often sits beside the units it oversees, not above them — the
//! Ban Nội chính Tỉnh ủy is under the provincial party committee with nothing below
//! it — so what it sees cannot follow the organisation tree alone. Each holds a
//! [`Jurisdiction`]: the whole province, or named subtrees.

mod jurisdiction;

pub use jurisdiction::{Jurisdiction, JurisdictionRule};
