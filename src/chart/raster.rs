//! SVG from plotters to the two files a report needs: an SVG whose text is turned into paths
//! (so it looks the same without the font), and a PNG at the requested resolution, both
//! drawn by resvg with the bundled font.

use super::font;
use crate::config::charts::ChartSettings;

/// CSS pixels per inch: the unit of the SVG canvas.
pub const SVG_DPI: f64 = 96.0;

/// The canvas size in SVG pixels for a figure of the given size.
pub fn canvas(settings: &ChartSettings) -> (u32, u32) {
    let px = |cm: f64| (cm / 2.54 * SVG_DPI).round() as u32;
    (px(settings.width_cm), px(settings.height_cm))
}

/// The PNG size in pixels: the figure's size at its resolution.
pub fn pixels(settings: &ChartSettings) -> (u32, u32) {
    let px = |cm: f64| (cm / 2.54 * f64::from(settings.dpi)).round() as u32;
    (px(settings.width_cm), px(settings.height_cm))
}

fn tree(svg: &str) -> Result<usvg::Tree, String> {
    let options = usvg::Options {
        font_family: font::FAMILY.to_string(),
        fontdb: font::database(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())
}

/// The SVG with every text turned into outlines.
pub fn outlined_svg(svg: &str) -> Result<Vec<u8>, String> {
    let tree = tree(svg)?;
    Ok(tree.to_string(&usvg::WriteOptions::default()).into_bytes())
}

/// The PNG on a white background, with its resolution recorded (pHYs) so that a word
/// processor places it at the intended size.
pub fn png(svg: &str, settings: &ChartSettings) -> Result<Vec<u8>, String> {
    let tree = tree(svg)?;
    let (width, height) = pixels(settings);
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height).ok_or("empty image")?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    let size = tree.size();
    let transform = resvg::tiny_skia::Transform::from_scale(
        width as f32 / size.width(),
        height as f32 / size.height(),
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    encode_png(pixmap.data(), width, height, settings.dpi)
}

/// Opaque RGBA (premultiplied equals straight alpha on a white background) to PNG bytes.
pub fn encode_png(rgba: &[u8], width: u32, height: u32, dpi: u32) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let per_metre = (f64::from(dpi) / 0.0254).round() as u32;
    encoder.set_pixel_dims(Some(png::PixelDimensions {
        xppu: per_metre,
        yppu: per_metre,
        unit: png::Unit::Meter,
    }));
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(rgba).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders `text` at 100 px in the bundled font; returns the image as grey levels.
    fn ink(text: &str) -> (u32, u32, Vec<u8>) {
        let (w, h) = (120 * text.chars().count() as u32 + 40, 140);
        let svg = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}"><text x="20" y="110" font-family="{}" font-size="100">{text}</text></svg>"#,
            font::FAMILY
        );
        let tree = tree(&svg).unwrap();
        let mut pixmap = resvg::tiny_skia::Pixmap::new(w, h).unwrap();
        pixmap.fill(resvg::tiny_skia::Color::WHITE);
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::identity(),
            &mut pixmap.as_mut(),
        );
        let grey = pixmap.data().chunks(4).map(|p| p[1]).collect();
        (w, h, grey)
    }

    /// The x range of the dark pixels.
    fn ink_columns(w: u32, grey: &[u8]) -> Vec<u32> {
        (0..w)
            .filter(|x| {
                grey.iter()
                    .skip(*x as usize)
                    .step_by(w as usize)
                    .any(|g| *g < 128)
            })
            .collect()
    }

    #[test]
    fn chinese_characters_render_as_distinct_glyphs_not_boxes() {
        let chars = ["竹", "林", "镇", "粮", "猪", "蜂", "亩", "栏"];
        let tofu = ink("\u{E000}").2; // a private-use code point: the font's empty box
        let images: Vec<Vec<u8>> = chars.iter().map(|c| ink(c).2).collect();
        for (c, image) in chars.iter().zip(&images) {
            let dark = image.iter().filter(|g| **g < 128).count();
            assert!(dark > 300, "{c} left the image blank ({dark} dark pixels)");
            assert_ne!(image, &tofu, "{c} rendered as the missing-glyph box");
        }
        for i in 0..images.len() {
            for j in i + 1..images.len() {
                assert_ne!(
                    images[i], images[j],
                    "{} and {} look the same",
                    chars[i], chars[j]
                );
            }
        }
        assert!(font::missing_glyphs("竹林镇青杠村柏树村响水村").is_empty());
        assert_eq!(font::missing_glyphs("\u{E000}"), vec!['\u{E000}']);
    }

    #[test]
    fn full_width_brackets_sit_inside_their_own_cell() {
        // At 100 px, 值 covers x 20..120 and （ the cell 120..220; its ink is in the right
        // half of that cell. Drawing it without its left bearing would put it against 值.
        let (w, _, grey) = ink("值（");
        let columns = ink_columns(w, &grey);
        let gap_start = columns
            .iter()
            .copied()
            .find(|x| *x > 60 && !columns.contains(&(x + 1)))
            .unwrap();
        let bracket_start = columns.iter().copied().find(|x| *x > gap_start).unwrap();
        assert!(gap_start < 120, "值 ends at {gap_start}");
        assert!(
            bracket_start >= 150,
            "（ starts at {bracket_start}, expected in the right half of 120..220"
        );
        // And the closing bracket ends in the left half of its cell, before the next glyph.
        let (w, _, grey) = ink("）值");
        let columns = ink_columns(w, &grey);
        let bracket_end = columns
            .iter()
            .copied()
            .find(|x| !columns.contains(&(x + 1)))
            .unwrap();
        assert!(
            bracket_end < 90,
            "） ends at {bracket_end}, expected in the left half of 20..120"
        );
    }

    #[test]
    fn outlined_svg_has_no_text_left() {
        let svg = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"><text x="10" y="40" font-family="{}" font-size="20">竹林镇（万元）</text></svg>"#,
            font::FAMILY
        );
        let out = String::from_utf8(outlined_svg(&svg).unwrap()).unwrap();
        assert!(!out.contains("<text"), "{out}");
        assert!(out.contains("<path"), "{out}");
    }

    #[test]
    fn png_has_the_print_size_and_resolution() {
        let settings = ChartSettings::default();
        assert_eq!(pixels(&settings), (1890, 1181));
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="605" height="378"></svg>"#;
        let bytes = png(svg, &settings).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let reader = decoder.read_info().unwrap();
        let info = reader.info();
        assert_eq!((info.width, info.height), (1890, 1181));
        let dims = info.pixel_dims.unwrap();
        assert_eq!((dims.xppu, dims.unit), (11811, png::Unit::Meter));
    }
}
