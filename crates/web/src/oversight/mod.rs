//! Oversight across units (Ban Nội chính, Ủy ban Kiểm tra, a superior head): every
//! overdue case of one's oversight scope — one's unit, the units below it and the
//! unit's jurisdiction (khien_store::oversight) — the longest overdue first, with
//! how many each unit has — from the clock columns only, never a case's content.
//! `GET /api/v1/oversight/overdue` and the console page `/staff/oversight`.
//!
//! Each oversight body's jurisdiction is set by an administrator
//! (`/api/v1/units/{code}/jurisdiction`, the forms on `/staff/admin/units`) and shown
//! on its staff's home page.

mod jurisdiction_input;
mod overdue_view;

pub mod api;
pub mod console;
pub mod jurisdiction_api;
pub mod jurisdiction_console;
pub mod jurisdiction_words;
