//! Protection requests decided and carried out (LTC Arts 49–58), shared by
//! the console, the API and the reporter's pages: who may do what, the view
//! of a case's protection (routing, deadlines, decisions, check-ins), the
//! staff's actions, the reporter's view and check-ins, and the protection
//! file (LTC Art. 55).

pub mod access;
pub mod case_protection;
pub mod lines;
pub mod protection_file;
pub mod protection_json;
pub mod reporter_protection;
pub mod staff_actions;
pub mod unit_board;
