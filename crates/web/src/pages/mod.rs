//! Server-rendered HTML pages.

pub mod home;
pub mod not_found;
mod render;

pub use render::render_page;
