//! Oversight across units (Ban Nội chính, Ủy ban Kiểm tra, a superior head): every
//! overdue case of one's unit and the units below it, the longest overdue first, with
//! how many each unit has — from the clock columns only, never a case's content.
//! `GET /api/v1/oversight/overdue` and the console page `/staff/oversight`.

mod overdue_view;

pub mod api;
pub mod console;
