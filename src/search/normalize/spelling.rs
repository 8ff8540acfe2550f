//! British and American spellings folded to one form, so that either finds the other:
//! "randomised" and "randomized", "haematopoietic" and "hematopoietic", "tumour" and
//! "tumor". Applied to the file and the query alike, so a word bent out of shape still
//! meets itself; the rules are kept narrow so that unrelated words do not meet.

/// Folds a lowercase ASCII word's spelling.
///
/// The -ize/-yze endings go the British way (so that
/// "excised" and "excision" keep one stem), -our, -tre/-bre, -ogue, doubled l, ae and oe
/// the American way, and a few words of their own.
pub fn americanize(word: &mut String) {
    if word.len() < 4 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return;
    }
    if let Some((_, american)) = WORDS.iter().find(|(british, _)| word == british) {
        word.clear();
        word.push_str(american);
        return;
    }
    if let Some(rest) = word.strip_prefix("sulph") {
        *word = format!("sulf{rest}");
    }
    ae_to_e(word);
    replace_ending(word, 6, &IZE_ENDINGS);
    if !TRE_KEPT.contains(&word.as_str()) {
        replace_ending(word, 5, &TRE_ENDINGS);
    }
    replace_ending(word, 8, &OGUE_ENDINGS);
    our_to_or(word);
    doubled_l(word);
}

/// Whole words spelt differently: (British, American).
const WORDS: [(&str, &str); 12] = [
    ("licence", "license"),
    ("licences", "licenses"),
    ("defence", "defense"),
    ("defences", "defenses"),
    ("offence", "offense"),
    ("offences", "offenses"),
    ("practise", "practice"),
    ("practised", "practiced"),
    ("practises", "practices"),
    ("practising", "practicing"),
    ("manoeuvre", "maneuver"),
    ("manoeuvres", "maneuvers"),
];

/// (American, British) -ize and -yze endings; the first that fits is replaced.
const IZE_ENDINGS: [(&str, &str); 12] = [
    ("izations", "isations"),
    ("ization", "isation"),
    ("izing", "ising"),
    ("ized", "ised"),
    ("izes", "ises"),
    ("izer", "iser"),
    ("ize", "ise"),
    ("yzing", "ysing"),
    ("yzed", "ysed"),
    ("yzes", "yses"),
    ("yzer", "yser"),
    ("yze", "yse"),
];

/// (British, American) -tre and -bre endings.
const TRE_ENDINGS: [(&str, &str); 7] = [
    ("tres", "ters"),
    ("tred", "tered"),
    ("tring", "tering"),
    ("tre", "ter"),
    ("bres", "bers"),
    ("bred", "bered"),
    ("bre", "ber"),
];

/// Words ending in -tre or -bre that are not British spellings of -ter or -ber.
const TRE_KEPT: [&str; 4] = ["timbre", "notre", "ombre", "macabre"];

/// (British, American) -ogue endings, for words of eight letters or more ("dialogue",
/// "catalogue"; not "rogue" or "vogue").
const OGUE_ENDINGS: [(&str, &str); 2] = [("ogues", "ogs"), ("ogue", "og")];

fn replace_ending(word: &mut String, min_len: usize, endings: &[(&str, &str)]) {
    if word.len() < min_len {
        return;
    }
    if let Some((from, to)) = endings.iter().find(|(from, _)| word.ends_with(from)) {
        word.truncate(word.len() - from.len());
        word.push_str(to);
    }
}

/// "haem" → "hem", "anaemia" → "anemia", "oedema" → "edema", "diarrhoea" → "diarrhea",
/// "foetal" → "fetal", "coeliac" → "celiac". An ending "ae" (algae) stays, and so does "ae"
/// before l or r ("aerobic", "michael").
fn ae_to_e(word: &mut String) {
    // Each pattern with the offset of the letter it drops.
    const PATTERNS: [(&str, usize); 4] = [("ae", 0), ("rhoe", 2), ("foet", 1), ("coel", 1)];
    if word.starts_with("oe") {
        word.remove(0);
    }
    for (pattern, drop) in PATTERNS {
        let mut from = 0;
        while let Some(found) = word[from..].find(pattern) {
            let at = from + found;
            let after = word.as_bytes().get(at + pattern.len()).copied();
            if at + drop + 2 >= word.len()
                || (pattern == "ae" && matches!(after, Some(b'l' | b'r')))
            {
                from = at + 1;
                continue;
            }
            word.remove(at + drop);
            from = at;
        }
    }
}

/// Words whose "our" is not a British -our, whole.
const OUR_KEPT: [&str; 16] = [
    "four", "your", "hour", "tour", "pour", "sour", "dour", "flour", "devour", "contour", "detour",
    "scour", "ours", "yours", "amour", "glamour",
];

/// "colour", "tumours", "favoured", "behavioural" → "color", "tumors", "favored",
/// "behavioral".
fn our_to_or(word: &mut String) {
    const ENDINGS: [&str; 13] = [
        "our", "ours", "oured", "ouring", "ourable", "ourite", "ourites", "ourful", "oural",
        "ourally", "ourless", "ourist", "ourists",
    ];
    let Some(ending) = ENDINGS.iter().find(|e| word.ends_with(**e)) else {
        return;
    };
    let at = word.len() - ending.len();
    let base = &word[..at + 3];
    if at < 2 || OUR_KEPT.contains(&base) {
        return;
    }
    word.remove(at + 1);
}

/// "modelling", "signalled", "traveller" → "modeling", "signaled", "traveler", when at
/// least three letters come before the ending ("telling" and "spelling" stay).
fn doubled_l(word: &mut String) {
    for ending in ["elling", "elled", "eller", "alling", "alled"] {
        if word.len() >= ending.len() + 3 && word.ends_with(ending) {
            let at = word.len() - ending.len() + 2;
            word.remove(at);
            return;
        }
    }
}
