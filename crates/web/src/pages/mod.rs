//! Server-rendered HTML pages.

pub mod home;
pub mod legal;
pub mod not_found;
mod render;

pub use render::render_page;
