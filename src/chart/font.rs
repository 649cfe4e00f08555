//! The bundled CJK font. Charts must show Chinese on any machine, so the font is compiled
//! into the binary and never looked up through the system's fontconfig.

use std::sync::{Arc, OnceLock};

/// WenQuanYi Micro Hei (Apache-2.0; see assets/fonts/). Face 0 of the collection is the
/// proportional Chinese face.
pub static FONT_BYTES: &[u8] = include_bytes!("../../assets/fonts/wqy-microhei.ttc");

/// The family name the font declares; SVG text refers to it, and usvg finds it by it.
pub const FAMILY: &str = "WenQuanYi Micro Hei";

/// Registers the font with plotters (for text measurement) once per process.
pub fn register() {
    static DONE: OnceLock<()> = OnceLock::new();
    DONE.get_or_init(|| {
        plotters::style::register_font(FAMILY, plotters::style::FontStyle::Normal, FONT_BYTES)
            .unwrap_or_else(|_| panic!("the bundled font does not parse"));
    });
}

/// A font database holding only the bundled font, so rendering never depends on the
/// fonts installed on the machine.
pub fn database() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(FONT_BYTES.to_vec());
        db.set_sans_serif_family(FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// Characters of `text` the font has no glyph for (they would print as empty boxes).
pub fn missing_glyphs(text: &str) -> Vec<char> {
    use ab_glyph::Font;
    let Ok(face) = ab_glyph::FontRef::try_from_slice(FONT_BYTES) else {
        return text.chars().collect();
    };
    text.chars()
        .filter(|c| !c.is_whitespace() && face.glyph_id(*c).0 == 0)
        .collect()
}
