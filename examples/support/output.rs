//! The JSON form of extracted quotes, shared by the `extract` example (`--json`) and the
//! `evaluate` example (`--dump`): one object per input file, which `corpus/score.py` reads.
//! The quote objects have the fields, names and values of the library's `serde` output.

use guillemet::Quote;
use serde::Serialize;

/// `{"file": PATH, "quotes": [...]}` for one input.
#[derive(Serialize)]
pub struct FileRecord<'a> {
    pub file: &'a str,
    pub quotes: Vec<QuoteRecord<'a>>,
}

/// One quote; spans are byte offsets into the input.
#[derive(Serialize)]
pub struct QuoteRecord<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub kind: &'static str,
    pub marks: Option<&'static str>,
    pub speaker: Option<SpeakerRecord<'a>>,
    pub cue: Option<CueRecord<'a>>,
}

#[derive(Serialize)]
pub struct SpeakerRecord<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub name: &'a str,
    pub resolution: &'static str,
}

#[derive(Serialize)]
pub struct CueRecord<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

impl<'a> QuoteRecord<'a> {
    pub fn from_quote(q: &Quote<'a>) -> QuoteRecord<'a> {
        QuoteRecord {
            start: q.span.start,
            end: q.span.end,
            text: q.text,
            kind: q.kind.as_str(),
            marks: q.marks.map(|m| m.as_str()),
            speaker: q.speaker.as_ref().map(|s| SpeakerRecord {
                start: s.span.start,
                end: s.span.end,
                text: s.text,
                name: s.name,
                resolution: s.resolution.as_str(),
            }),
            cue: q.cue.map(|c| CueRecord { start: c.span.start, end: c.span.end, text: c.text }),
        }
    }
}

/// The JSON line (without its newline) for `file`'s quotes.
pub fn file_record_json(file: &str, quotes: &[Quote<'_>]) -> String {
    let record = FileRecord { file, quotes: quotes.iter().map(QuoteRecord::from_quote).collect() };
    serde_json::to_string(&record).expect("serialising to memory cannot fail")
}
