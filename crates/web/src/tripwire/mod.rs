//! The retaliation tripwire's web side, shared by the console and the API:
//! who may use it, recording an HR decision, and reaching a unit's alerts.

pub mod alert_access;
pub mod hr_recording;
pub mod roles;
