//! Key sequences written as text, for tests and screenshot scenes.
//!
//! A compact notation for key sequences, used by tests and the screenshot scenes:
//! `jj<enter>/liver<down><esc>`. Plain characters stand for themselves; `<name>` is a special
//! key, `<c-x>` is Ctrl with x and `<a-left>` is Alt with a named key.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Parses a key sequence; an unknown `<name>` is an error naming it.
pub fn parse(sequence: &str) -> Result<Vec<KeyEvent>, String> {
    let mut keys = Vec::new();
    let mut rest = sequence;
    while let Some(c) = rest.chars().next() {
        if let Some(end) = rest.find('>').filter(|&e| c == '<' && e > 1) {
            keys.push(named(&rest[1..end])?);
            rest = &rest[end + 1..];
            continue;
        }
        keys.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        rest = &rest[c.len_utf8()..];
    }
    Ok(keys)
}

fn named(name: &str) -> Result<KeyEvent, String> {
    if let Some(rest) = name.strip_prefix("c-") {
        let mut chars = rest.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Ok(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
        }
        let key = named(rest)?;
        return Ok(KeyEvent::new(
            key.code,
            key.modifiers | KeyModifiers::CONTROL,
        ));
    }
    if let Some(rest) = name.strip_prefix("a-") {
        let key = named(rest)?;
        return Ok(KeyEvent::new(key.code, key.modifiers | KeyModifiers::ALT));
    }
    let code = match name {
        "enter" => KeyCode::Enter,
        "esc" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "bs" => KeyCode::Backspace,
        "del" => KeyCode::Delete,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pgup" => KeyCode::PageUp,
        "pgdn" => KeyCode::PageDown,
        "space" => KeyCode::Char(' '),
        "lt" => KeyCode::Char('<'),
        "gt" => KeyCode::Char('>'),
        other => return Err(format!("unknown key <{other}>")),
    };
    Ok(KeyEvent::new(code, KeyModifiers::NONE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_named_and_control_keys() {
        let keys = parse("j<enter><c-n>é<lt>").expect("valid");
        let codes: Vec<KeyCode> = keys.iter().map(|k| k.code).collect();
        assert_eq!(
            codes,
            [
                KeyCode::Char('j'),
                KeyCode::Enter,
                KeyCode::Char('n'),
                KeyCode::Char('é'),
                KeyCode::Char('<')
            ]
        );
        assert_eq!(keys[2].modifiers, KeyModifiers::CONTROL);
        let alt = parse("<a-left>").expect("valid");
        assert_eq!(
            (alt[0].code, alt[0].modifiers),
            (KeyCode::Left, KeyModifiers::ALT)
        );
        assert_eq!(parse("<nope>"), Err("unknown key <nope>".to_owned()));
    }
}
