//! JSON Lines input for the `extract` example: one `{"id": …, "text": "…"}` object a line.
//!
//! Lines are read as bytes of any length (a record may hold a whole book) and parsed on the
//! worker threads; a bad line becomes an error naming the file and the line number, and the
//! other lines are still processed.

use std::io::{self, BufRead};

use guillemet::Quote;
use serde::Serialize;
use serde_json::Value;

use super::output::QuoteRecord;

/// One line of a JSONL file, not yet parsed.
pub struct Line {
    /// 1-based line number in its file.
    pub number: usize,
    /// The line's bytes, without its `\n`.
    pub bytes: Vec<u8>,
}

/// The lines of a JSONL stream, each as bytes; a read error ends the iteration after being
/// returned once.
pub struct Lines<R> {
    reader: R,
    number: usize,
    failed: bool,
}

impl<R: BufRead> Lines<R> {
    pub fn new(reader: R) -> Lines<R> {
        Lines { reader, number: 0, failed: false }
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = io::Result<Line>;

    fn next(&mut self) -> Option<io::Result<Line>> {
        if self.failed {
            return None;
        }
        let mut bytes = Vec::new();
        match self.reader.read_until(b'\n', &mut bytes) {
            Ok(0) => None,
            Ok(_) => {
                self.number += 1;
                if bytes.last() == Some(&b'\n') {
                    bytes.pop();
                }
                if self.number == 1 && bytes.starts_with(b"\xEF\xBB\xBF") {
                    bytes.drain(..3); // a UTF-8 byte-order mark
                }
                Some(Ok(Line { number: self.number, bytes }))
            }
            Err(e) => {
                self.failed = true;
                Some(Err(e))
            }
        }
    }
}

/// A parsed record: its `id` as given (any JSON value; `null` when absent) and its text.
#[derive(Debug)]
pub struct Record {
    pub id: Value,
    pub text: String,
}

/// The record on `line` of `file`; `Ok(None)` for a blank line; otherwise an error message
/// that starts with `FILE:LINE:`.
pub fn parse_line(file: &str, line: &Line) -> Result<Option<Record>, String> {
    parse_record(&line.bytes).map_err(|message| format!("{file}:{}: {message}", line.number))
}

/// The record in one line's bytes (see [`parse_line`]), with an error message that does not
/// name the line.
pub fn parse_record(bytes: &[u8]) -> Result<Option<Record>, String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let value: Value = serde_json::from_slice(bytes).map_err(|e| {
        // serde_json says "… at line 1 column N": the line is ours to give, keep the column.
        let message = e.to_string();
        let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
        format!("invalid JSON at column {}: {message}", e.column())
    })?;
    let Value::Object(mut fields) = value else {
        return Err(format!("expected a JSON object, found {}", type_name(&value)));
    };
    let text = match fields.remove("text") {
        Some(Value::String(text)) => text,
        Some(other) => return Err(format!("\"text\" is {}, not a string", type_name(&other))),
        None => return Err("no \"text\" field".to_string()),
    };
    let id = fields.remove("id").unwrap_or(Value::Null);
    Ok(Some(Record { id, text }))
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// How a record is named in human-readable and TSV output: a string id as it is, another id
/// as JSON, a missing one as `FILE:LINE`.
pub fn label(id: &Value, file: &str, line: usize) -> String {
    match id {
        Value::String(s) => s.clone(),
        Value::Null => format!("{file}:{line}"),
        other => other.to_string(),
    }
}

/// `{"id": ID, "quotes": [...]}` for one record.
#[derive(Serialize)]
pub struct IdRecord<'a> {
    pub id: &'a Value,
    pub quotes: Vec<QuoteRecord<'a>>,
}

/// The JSON line (without its newline) for one record's quotes; the quote objects are those
/// of `extract --json`.
pub fn record_json(id: &Value, quotes: &[Quote<'_>]) -> String {
    let record = IdRecord { id, quotes: quotes.iter().map(QuoteRecord::from_quote).collect() };
    serde_json::to_string(&record).expect("serialising to memory cannot fail")
}
