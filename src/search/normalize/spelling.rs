//! British spellings put the American way, so that either finds the other: "randomised"
//! and "randomized", "haematopoietic" and "hematopoietic", "tumour" and "tumor".

/// British spellings put the American way, on lowercase ASCII words: -ise/-yse endings,
/// -our, -tre/-bre, -ogue, doubled l before -ing/-ed/-er, ae and initial oe. Applied to
/// the file and the query alike, so a rare word bent out of shape still meets itself.
pub fn americanize(word: &mut String) {
    if word.len() < 4 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return;
    }
    ae_to_e(word);
    replace_ending(word, 6, &ISE_ENDINGS);
    replace_ending(word, 5, &OTHER_ENDINGS);
    our_to_or(word);
    doubled_l(word);
}

/// (British, American) endings; the first that fits is replaced.
const ISE_ENDINGS: [(&str, &str); 12] = [
    ("isations", "izations"),
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("iser", "izer"),
    ("ise", "ize"),
    ("ysing", "yzing"),
    ("ysed", "yzed"),
    ("yses", "yzes"),
    ("yser", "yzer"),
    ("yse", "yze"),
];

const OTHER_ENDINGS: [(&str, &str); 10] = [
    ("tres", "ters"),
    ("tre", "ter"),
    ("bres", "bers"),
    ("bre", "ber"),
    ("ogues", "ogs"),
    ("ogue", "og"),
    ("licence", "license"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("manoeuvre", "maneuver"),
];

fn replace_ending(word: &mut String, min_len: usize, endings: &[(&str, &str)]) {
    if word.len() < min_len {
        return;
    }
    if let Some((british, american)) = endings.iter().find(|(b, _)| word.ends_with(b)) {
        word.truncate(word.len() - british.len());
        word.push_str(american);
    }
}

/// "haem" → "hem", "anaemia" → "anemia", "oedema" → "edema", "diarrhoea" → "diarrhea",
/// "foetal" → "fetal", "coeliac" → "celiac"; an ending "ae" (algae) stays.
fn ae_to_e(word: &mut String) {
    // Each pattern with the offset of the letter it drops.
    const PATTERNS: [(&str, usize); 4] = [("ae", 0), ("rhoe", 2), ("foet", 1), ("coel", 1)];
    if word.starts_with("oe") {
        word.remove(0);
    }
    for (pattern, drop) in PATTERNS {
        while let Some(at) = word.find(pattern) {
            if at + drop + 2 >= word.len() {
                break;
            }
            word.remove(at + drop);
        }
    }
}

/// Words whose "our" is not a British -our.
const OUR_KEPT: [&str; 14] = [
    "four", "your", "hour", "tour", "pour", "sour", "dour", "flour", "devour", "contour", "detour",
    "scour", "ours", "yours",
];

/// "colour", "tumours", "favoured" → "color", "tumors", "favored".
fn our_to_or(word: &mut String) {
    const ENDINGS: [&str; 7] = [
        "our", "ours", "oured", "ouring", "ourable", "ourite", "ourful",
    ];
    let Some(ending) = ENDINGS.iter().find(|e| word.ends_with(**e)) else {
        return;
    };
    let at = word.len() - ending.len();
    let base = &word[..at + 3];
    if at < 2 || OUR_KEPT.iter().any(|kept| base.ends_with(kept)) {
        return;
    }
    word.remove(at + 1);
}

/// "modelling", "signalled", "traveller" → "modeling", "signaled", "traveler", when at
/// least three letters come before the doubled l ("telling" and "spelling" stay).
fn doubled_l(word: &mut String) {
    for ending in ["elling", "elled", "eller", "alling", "alled"] {
        if word.len() >= ending.len() + 3 && word.ends_with(ending) {
            let at = word.len() - ending.len() + 2;
            word.remove(at);
            return;
        }
    }
}
