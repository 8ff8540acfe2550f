//! xterm's default colours, and the contrast between two of them (WCAG 2): what the themes
//! are checked against, and what the screenshots are drawn in.

use ratatui::style::Color;

pub type Rgb = (u8, u8, u8);

/// xterm's sixteen standard colours, in palette order.
const SIXTEEN: [Rgb; 16] = [
    (0x00, 0x00, 0x00),
    (0xcd, 0x00, 0x00),
    (0x00, 0xcd, 0x00),
    (0xcd, 0xcd, 0x00),
    (0x00, 0x00, 0xee),
    (0xcd, 0x00, 0xcd),
    (0x00, 0xcd, 0xcd),
    (0xe5, 0xe5, 0xe5),
    (0x7f, 0x7f, 0x7f),
    (0xff, 0x00, 0x00),
    (0x00, 0xff, 0x00),
    (0xff, 0xff, 0x00),
    (0x5c, 0x5c, 0xff),
    (0xff, 0x00, 0xff),
    (0x00, 0xff, 0xff),
    (0xff, 0xff, 0xff),
];

/// The colour xterm shows for `color`; `default` stands for the terminal's own colour
/// (`Color::Reset`).
pub fn rgb(color: Color, default: Rgb) -> Rgb {
    match color {
        Color::Reset => default,
        Color::Rgb(r, g, b) => (r, g, b),
        Color::Indexed(n) => indexed(n),
        named => indexed(named_index(named)),
    }
}

/// The palette number of one of the sixteen named colours.
const fn named_index(color: Color) -> u8 {
    match color {
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        _ => 0,
    }
}

/// xterm's 256-colour palette: the sixteen, a 6×6×6 cube, then 24 greys.
fn indexed(n: u8) -> Rgb {
    match n {
        0..=15 => SIXTEEN[usize::from(n)],
        16..=231 => {
            let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
            let n = n - 16;
            (level(n / 36), level(n / 6 % 6), level(n % 6))
        }
        _ => {
            let grey = 8 + (n - 232) * 10;
            (grey, grey, grey)
        }
    }
}

/// The contrast ratio of two colours, from 1 (none) to 21 (black on white).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn luminance((r, g, b): Rgb) -> f64 {
    let channel = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.040_45 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.0722f64.mul_add(
        channel(b),
        0.2126f64.mul_add(channel(r), 0.7152 * channel(g)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn palette_and_contrast_match_xterm_and_wcag() {
        assert_eq!(rgb(Color::Indexed(75), (0, 0, 0)), (0x5f, 0xaf, 0xff));
        assert_eq!(rgb(Color::Indexed(245), (0, 0, 0)), (0x8a, 0x8a, 0x8a));
        assert_eq!(rgb(Color::White, (0, 0, 0)), (0xff, 0xff, 0xff));
        assert_eq!(rgb(Color::Reset, (1, 2, 3)), (1, 2, 3));
        let black_on_white = contrast((0, 0, 0), (255, 255, 255));
        assert!((black_on_white - 21.0).abs() < 1e-9);
        // xterm's blue on black is the classic unreadable pair.
        assert!(contrast(rgb(Color::Blue, (0, 0, 0)), (0, 0, 0)) < 3.0);
    }
}
