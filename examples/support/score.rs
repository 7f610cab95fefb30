//! Scores extracted quotes against the gold corpus, exactly as the reference scorer
//! `corpus/score.py` and the "Scoring" section of the corpus FORMAT.md do, so that
//! `cargo run --example evaluate` and `cargo test` report the same figures.
//!
//! * Direct and partial quotes: precision, recall and F1, exact (same `start..end`) and by
//!   overlap (`2 * shared >= longer`, matched one to one, greedily, biggest overlap first,
//!   ties by closest edges then document order).
//! * Attribution: among overlap-matched pairs, the share whose speaker is right (after
//!   [`normalize`]); gold quotes whose speaker was not annotated are left out.
//! * End to end: P/R/F1 over pairs that are matched and rightly attributed.
//! * Indirect quotes: the same, on a line of their own.
//! * Totals are micro-averaged.
//!
//! The module is included with `#[path]` by the `evaluate` example and by the integration
//! tests; each uses only part of it, hence the module-wide `dead_code` allowance.
#![allow(dead_code)]

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------- gold documents

/// One gold document (FORMAT.md).
#[derive(Clone, Debug, Deserialize)]
pub struct GoldDoc {
    /// Falls back to the file stem when the JSON has no `id`.
    #[serde(default)]
    pub id: String,
    pub text: String,
    /// Entity -> the names and descriptions the document uses for it.
    #[serde(default)]
    pub entities: HashMap<String, Vec<String>>,
    pub quotes: Vec<GoldQuote>,
    #[serde(default = "yes")]
    pub speakers_annotated: bool,
}

/// One gold quote; only the fields scoring reads.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldQuote {
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub speaker: Option<GoldSpeaker>,
    /// Other entities an answer may name where the text leaves two readings open.
    #[serde(default)]
    pub also: Option<Vec<String>>,
    #[serde(default = "yes")]
    pub speaker_annotated: bool,
    #[serde(default)]
    pub speaker_entity_unresolved: bool,
}

/// The speaker of a gold quote.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldSpeaker {
    pub text: Option<String>,
    pub entity: Option<String>,
}

fn yes() -> bool {
    true
}

impl GoldDoc {
    /// Parses one gold document; `fallback_id` is used when it has no `id`.
    pub fn from_json(json: &str, fallback_id: &str) -> Result<GoldDoc, String> {
        let mut doc: GoldDoc = serde_json::from_str(json).map_err(|e| e.to_string())?;
        if doc.id.is_empty() {
            doc.id = fallback_id.to_string();
        }
        // score.py trusts the offsets (corpus/check.py verifies them); we check them so a
        // broken document fails loudly instead of scoring nonsense.
        for q in &doc.quotes {
            if q.start > q.end || q.end > doc.text.len() {
                return Err(format!("quote {}..{} lies outside the text", q.start, q.end));
            }
        }
        Ok(doc)
    }

    /// Whether `quote`'s speaker counts for attribution and end to end.
    fn speaker_annotated(&self, quote: &GoldQuote) -> bool {
        self.speakers_annotated && quote.speaker_annotated && !quote.speaker_entity_unresolved
    }
}

/// Every `*.json` gold document in `dir`, in file-name order (as score.py's sorted glob).
pub fn load_gold_dir(dir: &Path) -> Result<Vec<GoldDoc>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        let is_json =
            path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(".json"));
        if is_json && path.is_file() {
            paths.push(path);
        }
    }
    paths.sort();
    let mut docs: Vec<GoldDoc> = Vec::new();
    for path in &paths {
        let json = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let doc =
            GoldDoc::from_json(&json, stem).map_err(|e| format!("{}: {e}", path.display()))?;
        if docs.iter().any(|d| d.id == doc.id) {
            return Err(format!("{}: second document with id {:?}", path.display(), doc.id));
        }
        docs.push(doc);
    }
    if docs.is_empty() {
        return Err(format!("no gold *.json in {}", dir.display()));
    }
    Ok(docs)
}

// ---------------------------------------------------------------- system output

/// One quote as a system gave it, reduced to what scoring needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SystemQuote {
    /// Byte offsets; a quote with `!(start < end <= text.len())` is ignored (with a warning).
    pub start: usize,
    pub end: usize,
    /// `direct`, `partial` or `indirect`; a system quote with no kind counts as `direct`.
    pub kind: String,
    /// The answer for the speaker: its name, or its text when there is no name.
    pub speaker: Option<String>,
    /// The cue's text, shown in verbose listings only.
    pub cue: Option<String>,
}

impl SystemQuote {
    /// A quote without a cue; `speaker` is the answer (see [`system_answer`]).
    pub fn new(start: usize, end: usize, kind: &str, speaker: Option<&str>) -> SystemQuote {
        let speaker = system_answer(speaker, None);
        SystemQuote { start, end, kind: kind.to_string(), speaker, cue: None }
    }

    /// What the library returned for one quote.
    pub fn from_quote(quote: &guillemet::Quote<'_>) -> SystemQuote {
        let speaker = quote.speaker.as_ref();
        SystemQuote {
            start: quote.span.start,
            end: quote.span.end,
            kind: quote.kind.as_str().to_string(),
            speaker: speaker.and_then(|s| system_answer(Some(s.name), Some(s.text))),
            cue: quote.cue.map(|c| c.text.to_string()),
        }
    }

    fn is_valid(&self, text_len: usize) -> bool {
        self.start < self.end && self.end <= text_len
    }

    fn span(&self) -> (usize, usize) {
        (self.start, self.end)
    }
}

/// The system's answer for a speaker, as score.py takes it: the name, or the text when the
/// name is missing or empty; no answer when that is blank.
pub fn system_answer(name: Option<&str>, text: Option<&str>) -> Option<String> {
    let answer = name.filter(|n| !n.is_empty()).or(text)?;
    if answer.chars().all(is_python_space) {
        return None;
    }
    Some(answer.to_string())
}

/// System quotes by gold document id.
pub type SystemOutput = HashMap<String, Vec<SystemQuote>>;

/// Reads system output in JSON lines (`{"file": PATH, "quotes": [...]}` per line) into
/// quotes keyed by PATH's file stem, which names the gold document. Also returns the
/// warnings score.py prints while reading.
pub fn parse_system_jsonl(jsonl: &str) -> Result<(SystemOutput, Vec<String>), String> {
    let mut by_doc = SystemOutput::new();
    let mut warnings = Vec::new();
    for (n, line) in jsonl.lines().enumerate() {
        if line.chars().all(is_python_space) {
            continue;
        }
        let record: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let file = record["file"].as_str().ok_or_else(|| format!("line {}: no \"file\"", n + 1))?;
        let key =
            Path::new(file).file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let quotes =
            record["quotes"].as_array().map(|qs| qs.iter().map(system_quote_from_json).collect());
        let quotes: Vec<SystemQuote> = quotes.unwrap_or_default();
        if let Some(earlier) = by_doc.get_mut(&key) {
            warnings.push(format!("line {}: second line for {key:?}, quotes added", n + 1));
            earlier.extend(quotes);
        } else {
            by_doc.insert(key, quotes);
        }
    }
    Ok((by_doc, warnings))
}

/// One system quote from JSON. Missing or non-integer offsets become `0..0`, which scoring
/// ignores as invalid, as score.py does.
fn system_quote_from_json(q: &serde_json::Value) -> SystemQuote {
    let offset = |key: &str| q[key].as_u64().and_then(|n| usize::try_from(n).ok());
    let (start, end) = match (offset("start"), offset("end")) {
        (Some(start), Some(end)) => (start, end),
        _ => (0, 0),
    };
    // `q.get("kind") or "direct"`: a missing, null or empty kind is direct.
    let kind = match &q["kind"] {
        serde_json::Value::Null => "direct".to_string(),
        serde_json::Value::String(s) if s.is_empty() => "direct".to_string(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let speaker = &q["speaker"];
    let speaker = system_answer(speaker["name"].as_str(), speaker["text"].as_str());
    let cue = q["cue"]["text"].as_str().map(str::to_string);
    SystemQuote { start, end, kind, speaker, cue }
}

// ---------------------------------------------------------------- normalisation

/// Speaker names are compared after this: accents removed (NFD, then combining marks
/// dropped), lowercased, `’ ‘ ʼ` -> `'`, whitespace runs (NBSP included) collapsed, ends
/// stripped.
///
/// Without a Unicode crate, accents are removed for Latin letters only (Latin-1,
/// Latin Extended-A/B and Latin Extended Additional, the letters whose NFD is a base letter
/// plus combining marks) and for combining marks already in the text; Greek or Cyrillic
/// accented letters are kept, which score.py would strip.
pub fn normalize(s: &str) -> String {
    let unaccented: String =
        s.chars().filter(|&c| !is_combining_mark(c)).map(latin_base_letter).collect();
    let lower = unaccented.to_lowercase().replace(['\u{2019}', '\u{2018}', '\u{2bc}'], "'");
    let words: Vec<&str> = lower.split(is_python_space).filter(|w| !w.is_empty()).collect();
    words.join(" ")
}

/// Python's `str.isspace`: Rust's White_Space plus the four separators U+001C..U+001F.
fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Combining marks with a non-zero combining class in the blocks that accent Latin text.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{34e}' | '\u{350}'..='\u{36f}' | '\u{1ab0}'..='\u{1abd}'
        | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20dc}' | '\u{20e1}' | '\u{20e5}'..='\u{20f0}'
        | '\u{fe20}'..='\u{fe2f}')
}

/// `c` without its accents, when it is an accented Latin letter.
fn latin_base_letter(c: char) -> char {
    match LATIN_BASE_LETTERS.binary_search_by_key(&c, |&(accented, _)| accented) {
        Ok(i) => LATIN_BASE_LETTERS[i].1,
        Err(_) => c,
    }
}

/// Accented letter -> base letter, sorted; generated with Python's `unicodedata` (NFD, then
/// the characters with a non-zero combining class dropped) over U+00C0..U+024F and
/// U+1E00..U+1EFF.
#[rustfmt::skip]
const LATIN_BASE_LETTERS: &[(char, char)] = &[
    ('À', 'A'), ('Á', 'A'), ('Â', 'A'), ('Ã', 'A'), ('Ä', 'A'), ('Å', 'A'), ('Ç', 'C'), ('È', 'E'),
    ('É', 'E'), ('Ê', 'E'), ('Ë', 'E'), ('Ì', 'I'), ('Í', 'I'), ('Î', 'I'), ('Ï', 'I'), ('Ñ', 'N'),
    ('Ò', 'O'), ('Ó', 'O'), ('Ô', 'O'), ('Õ', 'O'), ('Ö', 'O'), ('Ù', 'U'), ('Ú', 'U'), ('Û', 'U'),
    ('Ü', 'U'), ('Ý', 'Y'), ('à', 'a'), ('á', 'a'), ('â', 'a'), ('ã', 'a'), ('ä', 'a'), ('å', 'a'),
    ('ç', 'c'), ('è', 'e'), ('é', 'e'), ('ê', 'e'), ('ë', 'e'), ('ì', 'i'), ('í', 'i'), ('î', 'i'),
    ('ï', 'i'), ('ñ', 'n'), ('ò', 'o'), ('ó', 'o'), ('ô', 'o'), ('õ', 'o'), ('ö', 'o'), ('ù', 'u'),
    ('ú', 'u'), ('û', 'u'), ('ü', 'u'), ('ý', 'y'), ('ÿ', 'y'), ('Ā', 'A'), ('ā', 'a'), ('Ă', 'A'),
    ('ă', 'a'), ('Ą', 'A'), ('ą', 'a'), ('Ć', 'C'), ('ć', 'c'), ('Ĉ', 'C'), ('ĉ', 'c'), ('Ċ', 'C'),
    ('ċ', 'c'), ('Č', 'C'), ('č', 'c'), ('Ď', 'D'), ('ď', 'd'), ('Ē', 'E'), ('ē', 'e'), ('Ĕ', 'E'),
    ('ĕ', 'e'), ('Ė', 'E'), ('ė', 'e'), ('Ę', 'E'), ('ę', 'e'), ('Ě', 'E'), ('ě', 'e'), ('Ĝ', 'G'),
    ('ĝ', 'g'), ('Ğ', 'G'), ('ğ', 'g'), ('Ġ', 'G'), ('ġ', 'g'), ('Ģ', 'G'), ('ģ', 'g'), ('Ĥ', 'H'),
    ('ĥ', 'h'), ('Ĩ', 'I'), ('ĩ', 'i'), ('Ī', 'I'), ('ī', 'i'), ('Ĭ', 'I'), ('ĭ', 'i'), ('Į', 'I'),
    ('į', 'i'), ('İ', 'I'), ('Ĵ', 'J'), ('ĵ', 'j'), ('Ķ', 'K'), ('ķ', 'k'), ('Ĺ', 'L'), ('ĺ', 'l'),
    ('Ļ', 'L'), ('ļ', 'l'), ('Ľ', 'L'), ('ľ', 'l'), ('Ń', 'N'), ('ń', 'n'), ('Ņ', 'N'), ('ņ', 'n'),
    ('Ň', 'N'), ('ň', 'n'), ('Ō', 'O'), ('ō', 'o'), ('Ŏ', 'O'), ('ŏ', 'o'), ('Ő', 'O'), ('ő', 'o'),
    ('Ŕ', 'R'), ('ŕ', 'r'), ('Ŗ', 'R'), ('ŗ', 'r'), ('Ř', 'R'), ('ř', 'r'), ('Ś', 'S'), ('ś', 's'),
    ('Ŝ', 'S'), ('ŝ', 's'), ('Ş', 'S'), ('ş', 's'), ('Š', 'S'), ('š', 's'), ('Ţ', 'T'), ('ţ', 't'),
    ('Ť', 'T'), ('ť', 't'), ('Ũ', 'U'), ('ũ', 'u'), ('Ū', 'U'), ('ū', 'u'), ('Ŭ', 'U'), ('ŭ', 'u'),
    ('Ů', 'U'), ('ů', 'u'), ('Ű', 'U'), ('ű', 'u'), ('Ų', 'U'), ('ų', 'u'), ('Ŵ', 'W'), ('ŵ', 'w'),
    ('Ŷ', 'Y'), ('ŷ', 'y'), ('Ÿ', 'Y'), ('Ź', 'Z'), ('ź', 'z'), ('Ż', 'Z'), ('ż', 'z'), ('Ž', 'Z'),
    ('ž', 'z'), ('Ơ', 'O'), ('ơ', 'o'), ('Ư', 'U'), ('ư', 'u'), ('Ǎ', 'A'), ('ǎ', 'a'), ('Ǐ', 'I'),
    ('ǐ', 'i'), ('Ǒ', 'O'), ('ǒ', 'o'), ('Ǔ', 'U'), ('ǔ', 'u'), ('Ǖ', 'U'), ('ǖ', 'u'), ('Ǘ', 'U'),
    ('ǘ', 'u'), ('Ǚ', 'U'), ('ǚ', 'u'), ('Ǜ', 'U'), ('ǜ', 'u'), ('Ǟ', 'A'), ('ǟ', 'a'), ('Ǡ', 'A'),
    ('ǡ', 'a'), ('Ǣ', 'Æ'), ('ǣ', 'æ'), ('Ǧ', 'G'), ('ǧ', 'g'), ('Ǩ', 'K'), ('ǩ', 'k'), ('Ǫ', 'O'),
    ('ǫ', 'o'), ('Ǭ', 'O'), ('ǭ', 'o'), ('Ǯ', 'Ʒ'), ('ǯ', 'ʒ'), ('ǰ', 'j'), ('Ǵ', 'G'), ('ǵ', 'g'),
    ('Ǹ', 'N'), ('ǹ', 'n'), ('Ǻ', 'A'), ('ǻ', 'a'), ('Ǽ', 'Æ'), ('ǽ', 'æ'), ('Ǿ', 'Ø'), ('ǿ', 'ø'),
    ('Ȁ', 'A'), ('ȁ', 'a'), ('Ȃ', 'A'), ('ȃ', 'a'), ('Ȅ', 'E'), ('ȅ', 'e'), ('Ȇ', 'E'), ('ȇ', 'e'),
    ('Ȉ', 'I'), ('ȉ', 'i'), ('Ȋ', 'I'), ('ȋ', 'i'), ('Ȍ', 'O'), ('ȍ', 'o'), ('Ȏ', 'O'), ('ȏ', 'o'),
    ('Ȑ', 'R'), ('ȑ', 'r'), ('Ȓ', 'R'), ('ȓ', 'r'), ('Ȕ', 'U'), ('ȕ', 'u'), ('Ȗ', 'U'), ('ȗ', 'u'),
    ('Ș', 'S'), ('ș', 's'), ('Ț', 'T'), ('ț', 't'), ('Ȟ', 'H'), ('ȟ', 'h'), ('Ȧ', 'A'), ('ȧ', 'a'),
    ('Ȩ', 'E'), ('ȩ', 'e'), ('Ȫ', 'O'), ('ȫ', 'o'), ('Ȭ', 'O'), ('ȭ', 'o'), ('Ȯ', 'O'), ('ȯ', 'o'),
    ('Ȱ', 'O'), ('ȱ', 'o'), ('Ȳ', 'Y'), ('ȳ', 'y'), ('Ḁ', 'A'), ('ḁ', 'a'), ('Ḃ', 'B'), ('ḃ', 'b'),
    ('Ḅ', 'B'), ('ḅ', 'b'), ('Ḇ', 'B'), ('ḇ', 'b'), ('Ḉ', 'C'), ('ḉ', 'c'), ('Ḋ', 'D'), ('ḋ', 'd'),
    ('Ḍ', 'D'), ('ḍ', 'd'), ('Ḏ', 'D'), ('ḏ', 'd'), ('Ḑ', 'D'), ('ḑ', 'd'), ('Ḓ', 'D'), ('ḓ', 'd'),
    ('Ḕ', 'E'), ('ḕ', 'e'), ('Ḗ', 'E'), ('ḗ', 'e'), ('Ḙ', 'E'), ('ḙ', 'e'), ('Ḛ', 'E'), ('ḛ', 'e'),
    ('Ḝ', 'E'), ('ḝ', 'e'), ('Ḟ', 'F'), ('ḟ', 'f'), ('Ḡ', 'G'), ('ḡ', 'g'), ('Ḣ', 'H'), ('ḣ', 'h'),
    ('Ḥ', 'H'), ('ḥ', 'h'), ('Ḧ', 'H'), ('ḧ', 'h'), ('Ḩ', 'H'), ('ḩ', 'h'), ('Ḫ', 'H'), ('ḫ', 'h'),
    ('Ḭ', 'I'), ('ḭ', 'i'), ('Ḯ', 'I'), ('ḯ', 'i'), ('Ḱ', 'K'), ('ḱ', 'k'), ('Ḳ', 'K'), ('ḳ', 'k'),
    ('Ḵ', 'K'), ('ḵ', 'k'), ('Ḷ', 'L'), ('ḷ', 'l'), ('Ḹ', 'L'), ('ḹ', 'l'), ('Ḻ', 'L'), ('ḻ', 'l'),
    ('Ḽ', 'L'), ('ḽ', 'l'), ('Ḿ', 'M'), ('ḿ', 'm'), ('Ṁ', 'M'), ('ṁ', 'm'), ('Ṃ', 'M'), ('ṃ', 'm'),
    ('Ṅ', 'N'), ('ṅ', 'n'), ('Ṇ', 'N'), ('ṇ', 'n'), ('Ṉ', 'N'), ('ṉ', 'n'), ('Ṋ', 'N'), ('ṋ', 'n'),
    ('Ṍ', 'O'), ('ṍ', 'o'), ('Ṏ', 'O'), ('ṏ', 'o'), ('Ṑ', 'O'), ('ṑ', 'o'), ('Ṓ', 'O'), ('ṓ', 'o'),
    ('Ṕ', 'P'), ('ṕ', 'p'), ('Ṗ', 'P'), ('ṗ', 'p'), ('Ṙ', 'R'), ('ṙ', 'r'), ('Ṛ', 'R'), ('ṛ', 'r'),
    ('Ṝ', 'R'), ('ṝ', 'r'), ('Ṟ', 'R'), ('ṟ', 'r'), ('Ṡ', 'S'), ('ṡ', 's'), ('Ṣ', 'S'), ('ṣ', 's'),
    ('Ṥ', 'S'), ('ṥ', 's'), ('Ṧ', 'S'), ('ṧ', 's'), ('Ṩ', 'S'), ('ṩ', 's'), ('Ṫ', 'T'), ('ṫ', 't'),
    ('Ṭ', 'T'), ('ṭ', 't'), ('Ṯ', 'T'), ('ṯ', 't'), ('Ṱ', 'T'), ('ṱ', 't'), ('Ṳ', 'U'), ('ṳ', 'u'),
    ('Ṵ', 'U'), ('ṵ', 'u'), ('Ṷ', 'U'), ('ṷ', 'u'), ('Ṹ', 'U'), ('ṹ', 'u'), ('Ṻ', 'U'), ('ṻ', 'u'),
    ('Ṽ', 'V'), ('ṽ', 'v'), ('Ṿ', 'V'), ('ṿ', 'v'), ('Ẁ', 'W'), ('ẁ', 'w'), ('Ẃ', 'W'), ('ẃ', 'w'),
    ('Ẅ', 'W'), ('ẅ', 'w'), ('Ẇ', 'W'), ('ẇ', 'w'), ('Ẉ', 'W'), ('ẉ', 'w'), ('Ẋ', 'X'), ('ẋ', 'x'),
    ('Ẍ', 'X'), ('ẍ', 'x'), ('Ẏ', 'Y'), ('ẏ', 'y'), ('Ẑ', 'Z'), ('ẑ', 'z'), ('Ẓ', 'Z'), ('ẓ', 'z'),
    ('Ẕ', 'Z'), ('ẕ', 'z'), ('ẖ', 'h'), ('ẗ', 't'), ('ẘ', 'w'), ('ẙ', 'y'), ('ẛ', 'ſ'), ('Ạ', 'A'),
    ('ạ', 'a'), ('Ả', 'A'), ('ả', 'a'), ('Ấ', 'A'), ('ấ', 'a'), ('Ầ', 'A'), ('ầ', 'a'), ('Ẩ', 'A'),
    ('ẩ', 'a'), ('Ẫ', 'A'), ('ẫ', 'a'), ('Ậ', 'A'), ('ậ', 'a'), ('Ắ', 'A'), ('ắ', 'a'), ('Ằ', 'A'),
    ('ằ', 'a'), ('Ẳ', 'A'), ('ẳ', 'a'), ('Ẵ', 'A'), ('ẵ', 'a'), ('Ặ', 'A'), ('ặ', 'a'), ('Ẹ', 'E'),
    ('ẹ', 'e'), ('Ẻ', 'E'), ('ẻ', 'e'), ('Ẽ', 'E'), ('ẽ', 'e'), ('Ế', 'E'), ('ế', 'e'), ('Ề', 'E'),
    ('ề', 'e'), ('Ể', 'E'), ('ể', 'e'), ('Ễ', 'E'), ('ễ', 'e'), ('Ệ', 'E'), ('ệ', 'e'), ('Ỉ', 'I'),
    ('ỉ', 'i'), ('Ị', 'I'), ('ị', 'i'), ('Ọ', 'O'), ('ọ', 'o'), ('Ỏ', 'O'), ('ỏ', 'o'), ('Ố', 'O'),
    ('ố', 'o'), ('Ồ', 'O'), ('ồ', 'o'), ('Ổ', 'O'), ('ổ', 'o'), ('Ỗ', 'O'), ('ỗ', 'o'), ('Ộ', 'O'),
    ('ộ', 'o'), ('Ớ', 'O'), ('ớ', 'o'), ('Ờ', 'O'), ('ờ', 'o'), ('Ở', 'O'), ('ở', 'o'), ('Ỡ', 'O'),
    ('ỡ', 'o'), ('Ợ', 'O'), ('ợ', 'o'), ('Ụ', 'U'), ('ụ', 'u'), ('Ủ', 'U'), ('ủ', 'u'), ('Ứ', 'U'),
    ('ứ', 'u'), ('Ừ', 'U'), ('ừ', 'u'), ('Ử', 'U'), ('ử', 'u'), ('Ữ', 'U'), ('ữ', 'u'), ('Ự', 'U'),
    ('ự', 'u'), ('Ỳ', 'Y'), ('ỳ', 'y'), ('Ỵ', 'Y'), ('ỵ', 'y'), ('Ỷ', 'Y'), ('ỷ', 'y'), ('Ỹ', 'Y'),
    ('ỹ', 'y'),
];

// ---------------------------------------------------------------- matching

/// How many gold spans have an identical system span, one to one.
fn match_exact(gold: &[(usize, usize)], system: &[(usize, usize)]) -> usize {
    let mut pool: HashMap<(usize, usize), usize> = HashMap::new();
    for &span in system {
        *pool.entry(span).or_default() += 1;
    }
    let mut found = 0;
    for span in gold {
        if let Some(left) = pool.get_mut(span).filter(|n| **n > 0) {
            *left -= 1;
            found += 1;
        }
    }
    found
}

/// Pairs `(gold index, system index)` whose spans share at least half of the longer one,
/// matched one to one, greedily: biggest overlap first, then closest edges, then document
/// order. The pairs come in that order.
fn match_overlap(gold: &[(usize, usize)], system: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut candidates = Vec::new();
    for (gi, &(gs, ge)) in gold.iter().enumerate() {
        for (si, &(ss, se)) in system.iter().enumerate() {
            let shared = ge.min(se).saturating_sub(gs.max(ss));
            let longer = (ge - gs).max(se - ss);
            if shared > 0 && 2 * shared >= longer {
                let edges = gs.abs_diff(ss) + ge.abs_diff(se);
                candidates.push((Reverse(shared), edges, gi, si));
            }
        }
    }
    candidates.sort_unstable();
    let (mut used_gold, mut used_system) = (HashSet::new(), HashSet::new());
    let mut pairs = Vec::new();
    for (_, _, gi, si) in candidates {
        if !used_gold.contains(&gi) && !used_system.contains(&si) {
            used_gold.insert(gi);
            used_system.insert(si);
            pairs.push((gi, si));
        }
    }
    pairs
}

/// The normalised answers that count as right for `quote`; `None` for a gold null speaker.
fn accepted_names(
    quote: &GoldQuote,
    entities: &HashMap<String, Vec<String>>,
) -> Option<HashSet<String>> {
    let speaker = quote.speaker.as_ref()?;
    let also = quote.also.iter().flatten();
    let mut names = HashSet::new();
    for entity in speaker.entity.iter().chain(also).filter(|e| !e.is_empty()) {
        names.insert(normalize(entity));
        names.extend(entities.get(entity).into_iter().flatten().map(|alias| normalize(alias)));
    }
    Some(names)
}

/// Whether the system names the gold speaker; a gold null speaker wants no answer.
fn speaker_right(
    gold: &GoldQuote,
    system: &SystemQuote,
    entities: &HashMap<String, Vec<String>>,
) -> bool {
    match (accepted_names(gold, entities), &system.speaker) {
        (None, answer) => answer.is_none(),
        (Some(names), Some(answer)) => names.contains(&normalize(answer)),
        (Some(_), None) => false,
    }
}

// ---------------------------------------------------------------- scoring one document

/// The two lines of the table: quotes in marks, and reported speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    DirectPartial,
    Indirect,
}

impl Part {
    pub const ALL: [Part; 2] = [Part::DirectPartial, Part::Indirect];

    fn holds(self, kind: &str) -> bool {
        match self {
            Part::DirectPartial => kind == "direct" || kind == "partial",
            Part::Indirect => kind == "indirect",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Part::DirectPartial => "direct+partial",
            Part::Indirect => "indirect",
        }
    }
}

/// Counts for one part, summed over documents for the totals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub gold: usize,
    pub system: usize,
    pub exact: usize,
    pub overlap: usize,
    /// Matched pairs whose speaker is annotated and right.
    pub attr_right: usize,
    /// Gold quotes whose speaker is annotated (the end-to-end recall denominator).
    pub attr_gold: usize,
    /// System quotes not matched to an unannotated gold quote (the end-to-end precision one).
    pub attr_system: usize,
    /// Matched pairs whose speaker is annotated (the attribution denominator).
    pub attr_pairs: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.gold += o.gold;
        self.system += o.system;
        self.exact += o.exact;
        self.overlap += o.overlap;
        self.attr_right += o.attr_right;
        self.attr_gold += o.attr_gold;
        self.attr_system += o.attr_system;
        self.attr_pairs += o.attr_pairs;
    }
}

/// Counts for both parts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PartCounts {
    pub direct_partial: Counts,
    pub indirect: Counts,
}

impl PartCounts {
    fn part_mut(&mut self, part: Part) -> &mut Counts {
        match part {
            Part::DirectPartial => &mut self.direct_partial,
            Part::Indirect => &mut self.indirect,
        }
    }
}

impl std::ops::AddAssign for PartCounts {
    fn add_assign(&mut self, o: PartCounts) {
        self.direct_partial += o.direct_partial;
        self.indirect += o.indirect;
    }
}

/// One document's score, with the verbose listing of its errors.
#[derive(Clone, Debug)]
pub struct DocScore {
    pub id: String,
    pub counts: PartCounts,
    /// System quotes ignored for missing or out-of-range offsets.
    pub ignored: usize,
    /// Missed, spurious and wrongly attributed quotes, as score.py -v lists them.
    pub findings: Vec<String>,
}

/// Scores one document's system quotes.
pub fn score_doc(doc: &GoldDoc, system: &[SystemQuote]) -> DocScore {
    let valid: Vec<&SystemQuote> = system.iter().filter(|q| q.is_valid(doc.text.len())).collect();
    let mut score = DocScore {
        id: doc.id.clone(),
        counts: PartCounts::default(),
        ignored: system.len() - valid.len(),
        findings: Vec::new(),
    };
    for part in Part::ALL {
        let gold: Vec<&GoldQuote> = doc.quotes.iter().filter(|q| part.holds(&q.kind)).collect();
        let system: Vec<&SystemQuote> =
            valid.iter().copied().filter(|q| part.holds(&q.kind)).collect();
        let counts = score_part(doc, part, &gold, &system, &mut score.findings);
        *score.counts.part_mut(part) = counts;
    }
    score
}

fn score_part(
    doc: &GoldDoc,
    part: Part,
    gold: &[&GoldQuote],
    system: &[&SystemQuote],
    findings: &mut Vec<String>,
) -> Counts {
    let gold_spans: Vec<(usize, usize)> = gold.iter().map(|q| (q.start, q.end)).collect();
    let system_spans: Vec<(usize, usize)> = system.iter().map(|q| q.span()).collect();
    let pairs = match_overlap(&gold_spans, &system_spans);
    let mut counts = Counts {
        gold: gold.len(),
        system: system.len(),
        exact: match_exact(&gold_spans, &system_spans),
        overlap: pairs.len(),
        attr_gold: gold.iter().filter(|q| doc.speaker_annotated(q)).count(),
        ..Counts::default()
    };
    let mut wrong_speakers = Vec::new();
    for &(gi, si) in &pairs {
        if !doc.speaker_annotated(gold[gi]) {
            continue;
        }
        counts.attr_pairs += 1;
        if speaker_right(gold[gi], system[si], &doc.entities) {
            counts.attr_right += 1;
        } else {
            wrong_speakers.push((gi, si));
        }
    }
    // Pairs with an unannotated gold speaker count on neither side of end to end.
    counts.attr_system = system.len() - (pairs.len() - counts.attr_pairs);
    list_findings(doc, part, gold, system, &pairs, &wrong_speakers, findings);
    counts
}

/// score.py's verbose lines: missed gold quotes, then spurious system ones, then wrong
/// speakers in matching order. A system cue, which score.py does not read, is appended.
fn list_findings(
    doc: &GoldDoc,
    part: Part,
    gold: &[&GoldQuote],
    system: &[&SystemQuote],
    pairs: &[(usize, usize)],
    wrong_speakers: &[(usize, usize)],
    findings: &mut Vec<String>,
) {
    let label = part.label();
    let show = |start: usize, end: usize| show_span(&doc.text, start, end);
    let matched_gold: HashSet<usize> = pairs.iter().map(|&(gi, _)| gi).collect();
    let matched_system: HashSet<usize> = pairs.iter().map(|&(_, si)| si).collect();
    for (_, q) in gold.iter().enumerate().filter(|(gi, _)| !matched_gold.contains(gi)) {
        findings.push(format!("  [{label}] missed    {}", show(q.start, q.end)));
    }
    for (_, q) in system.iter().enumerate().filter(|(si, _)| !matched_system.contains(si)) {
        findings.push(format!("  [{label}] spurious  {}{}", show(q.start, q.end), cue_note(q)));
    }
    for &(gi, si) in wrong_speakers {
        let (g, s) = (gold[gi], system[si]);
        let entity = g.speaker.as_ref().and_then(|sp| sp.entity.as_deref());
        findings.push(format!(
            "  [{label}] speaker   {}: system {}, gold {}{}",
            show(g.start, g.end),
            py_repr_option(s.speaker.as_deref()),
            py_repr_option(entity),
            cue_note(s),
        ));
    }
}

fn cue_note(q: &SystemQuote) -> String {
    q.cue.as_deref().map(|cue| format!(" (cue {})", py_repr(cue))).unwrap_or_default()
}

/// `start..end 'first 80 characters'`, newlines as spaces, as score.py shows a quote.
fn show_span(text: &str, start: usize, end: usize) -> String {
    let words = String::from_utf8_lossy(&text.as_bytes()[start..end]).replace('\n', " ");
    let head: String = words.chars().take(80).collect();
    format!("{start}..{end} {}", py_repr(&head))
}

fn py_repr_option(s: Option<&str>) -> String {
    s.map_or_else(|| "None".to_string(), py_repr)
}

/// Python's `repr` of a string, so verbose listings read as score.py's: single quotes unless
/// the string holds `'` and no `"`, and non-printable characters (controls, separators
/// other than the space, common format characters, private use) escaped.
pub fn py_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::from(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !py_printable(c) => {
                let _ = match u32::from(c) {
                    n if n < 0x100 => write!(out, "\\x{n:02x}"),
                    n if n < 0x10000 => write!(out, "\\u{n:04x}"),
                    n => write!(out, "\\U{n:08x}"),
                };
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn py_printable(c: char) -> bool {
    let format_char = matches!(c, '\u{ad}' | '\u{600}'..='\u{605}' | '\u{61c}' | '\u{6dd}' | '\u{70f}'
        | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}');
    let private_use = matches!(c, '\u{e000}'..='\u{f8ff}' | '\u{f0000}'..);
    c == ' ' || !(c.is_control() || c.is_whitespace() || format_char || private_use)
}

// ---------------------------------------------------------------- the corpus

/// P/R/F1 and friends for one part, under score.py's JSON names.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Summary {
    pub gold: usize,
    pub system: usize,
    pub exact_tp: usize,
    pub exact_p: f64,
    pub exact_r: f64,
    pub exact_f1: f64,
    pub overlap_tp: usize,
    pub overlap_p: f64,
    pub overlap_r: f64,
    pub overlap_f1: f64,
    pub attribution_right: usize,
    pub attribution_scored: usize,
    pub attribution_acc: f64,
    pub e2e_p: f64,
    pub e2e_r: f64,
    pub e2e_f1: f64,
}

/// Precision, recall and F1; 0 where a denominator is 0. Same operations as score.py, so
/// the same floating-point results.
fn prf(tp: usize, n_system: usize, n_gold: usize) -> (f64, f64, f64) {
    let ratio = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
    let (p, r) = (ratio(tp, n_system), ratio(tp, n_gold));
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

impl Summary {
    pub fn of(c: &Counts) -> Summary {
        let (exact_p, exact_r, exact_f1) = prf(c.exact, c.system, c.gold);
        let (overlap_p, overlap_r, overlap_f1) = prf(c.overlap, c.system, c.gold);
        let (e2e_p, e2e_r, e2e_f1) = prf(c.attr_right, c.attr_system, c.attr_gold);
        let attribution_acc =
            if c.attr_pairs == 0 { 0.0 } else { c.attr_right as f64 / c.attr_pairs as f64 };
        Summary {
            gold: c.gold,
            system: c.system,
            exact_tp: c.exact,
            exact_p,
            exact_r,
            exact_f1,
            overlap_tp: c.overlap,
            overlap_p,
            overlap_r,
            overlap_f1,
            attribution_right: c.attr_right,
            attribution_scored: c.attr_pairs,
            attribution_acc,
            e2e_p,
            e2e_r,
            e2e_f1,
        }
    }
}

/// The totals score.py prints with `--json`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Totals {
    pub documents: usize,
    pub documents_without_output: usize,
    pub direct_partial: Summary,
    pub indirect: Summary,
}

/// Every document's score and the micro-averaged totals.
#[derive(Clone, Debug)]
pub struct Report {
    pub docs: Vec<DocScore>,
    pub total: PartCounts,
    pub documents_without_output: usize,
}

/// Scores the corpus; `system_for` gives a document's system quotes, or `None` when the
/// system has no output for it (scored as empty, and counted).
pub fn score_corpus(
    docs: &[GoldDoc],
    mut system_for: impl FnMut(&GoldDoc) -> Option<Vec<SystemQuote>>,
) -> Report {
    let mut report =
        Report { docs: Vec::new(), total: PartCounts::default(), documents_without_output: 0 };
    for doc in docs {
        let quotes = system_for(doc).unwrap_or_else(|| {
            report.documents_without_output += 1;
            Vec::new()
        });
        let score = score_doc(doc, &quotes);
        report.total += score.counts;
        report.docs.push(score);
    }
    report
}

impl Report {
    pub fn totals(&self) -> Totals {
        Totals {
            documents: self.docs.len(),
            documents_without_output: self.documents_without_output,
            direct_partial: Summary::of(&self.total.direct_partial),
            indirect: Summary::of(&self.total.indirect),
        }
    }

    /// score.py's table: one row per document, then TOTAL.
    pub fn table(&self) -> String {
        let mut rows: Vec<(&str, PartCounts)> =
            self.docs.iter().map(|d| (d.id.as_str(), d.counts)).collect();
        rows.push(("TOTAL", self.total));
        table(&rows)
    }

    /// score.py -v's listing: `id:` then its findings, for documents with any.
    pub fn details(&self) -> String {
        let blocks: Vec<String> = self
            .docs
            .iter()
            .filter(|d| !d.findings.is_empty())
            .map(|d| format!("{}:\n{}", d.id, d.findings.join("\n")))
            .collect();
        blocks.join("\n")
    }

    /// `--json` output, formatted as Python's `json.dumps` does.
    pub fn totals_json(&self) -> String {
        to_python_json(&self.totals())
    }
}

const TABLE_HEAD: [&str; 12] = [
    "doc",
    "gold",
    "sys",
    "exact P/R/F1",
    "overlap P/R/F1",
    "attr",
    "e2e P/R/F1",
    "| ind gold",
    "sys",
    "overlap P/R/F1",
    "attr",
    "e2e F1",
];

fn table_row(name: &str, counts: &PartCounts) -> Vec<String> {
    let (dp, ind) = (Summary::of(&counts.direct_partial), Summary::of(&counts.indirect));
    let prf = |p: f64, r: f64, f: f64| format!("{p:.2}/{r:.2}/{f:.2}");
    vec![
        name.to_string(),
        dp.gold.to_string(),
        dp.system.to_string(),
        prf(dp.exact_p, dp.exact_r, dp.exact_f1),
        prf(dp.overlap_p, dp.overlap_r, dp.overlap_f1),
        format!("{}/{}={:.2}", dp.attribution_right, dp.attribution_scored, dp.attribution_acc),
        prf(dp.e2e_p, dp.e2e_r, dp.e2e_f1),
        format!("| {}", ind.gold),
        ind.system.to_string(),
        prf(ind.overlap_p, ind.overlap_r, ind.overlap_f1),
        format!("{}/{}", ind.attribution_right, ind.attribution_scored),
        format!("{:.2}", ind.e2e_f1),
    ]
}

/// Left-aligned columns two spaces apart, trailing spaces trimmed.
fn table(rows: &[(&str, PartCounts)]) -> String {
    let mut lines: Vec<Vec<String>> = vec![TABLE_HEAD.iter().map(|h| h.to_string()).collect()];
    lines.extend(rows.iter().map(|(name, counts)| table_row(name, counts)));
    let widths: Vec<usize> = (0..TABLE_HEAD.len())
        .map(|i| lines.iter().map(|l| l[i].chars().count()).max().unwrap_or(0))
        .collect();
    let render = |line: &Vec<String>| {
        let cells: Vec<String> =
            line.iter().zip(&widths).map(|(c, &w)| format!("{c:<w$}")).collect();
        cells.join("  ").trim_end().to_string()
    };
    lines.iter().map(render).collect::<Vec<_>>().join("\n")
}

/// JSON with Python's `json.dumps` separators (`", "` and `": "`), so outputs diff cleanly.
pub fn to_python_json<T: Serialize>(value: &T) -> String {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, PythonFormatter);
    value.serialize(&mut ser).expect("serialising to memory cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

struct PythonFormatter;

impl serde_json::ser::Formatter for PythonFormatter {
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if first { Ok(()) } else { w.write_all(b", ") }
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if first { Ok(()) } else { w.write_all(b", ") }
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }
}
