//! Prints the quotations `guillemet` finds in French text, with their speakers and cues.
//!
//! ```text
//! cargo run --release --example extract -- examples/data/exemple.txt
//! cargo run --release --example extract -- --json a.txt b.txt > quotes.jsonl
//! ```

#[path = "support/output.rs"]
mod output;

use std::io::{self, Read, Write};
use std::process::ExitCode;

use guillemet::Quote;

const USAGE: &str = "\
usage: extract [--json] [FILE...]

Prints the quotations found in each FILE (UTF-8 text; standard input when there is none,
or for `-`): their kind, words, speaker (mention -> name) and cue.

  --json      one JSON object per file per line:
              {\"file\": PATH, \"quotes\": [{\"start\", \"end\", \"text\", \"kind\",
               \"speaker\": {\"start\", \"end\", \"text\", \"name\"} | null,
               \"cue\": {\"start\", \"end\", \"text\"} | null}]}
              (byte offsets; corpus/score.py reads this)
  -h, --help  print this help

A file that cannot be read, or is not UTF-8, is reported and skipped; the exit status
is then 1.";

/// Quotes longer than this many characters are shown as their start and end.
const SHOWN_CHARS: usize = 120;

fn main() -> ExitCode {
    let mut json = false;
    let mut files = Vec::new();
    let mut only_files = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            _ if only_files => files.push(arg),
            "--" => only_files = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "--json" => json = true,
            flag if flag.starts_with('-') && flag != "-" => {
                eprintln!("extract: unknown option {flag}\n\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        files.push("-".to_string());
    }
    match run(&files, json) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        // A closed pipe (`extract … | head`) is the reader's choice, not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("extract: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Processes every file; `Ok(false)` when some could not be read.
fn run(files: &[String], json: bool) -> io::Result<bool> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut all_read = true;
    for file in files {
        let text = match read_text(file) {
            Ok(text) => text,
            Err(message) => {
                out.flush()?; // keep stdout and stderr in order on a terminal
                eprintln!("extract: {message}");
                all_read = false;
                continue;
            }
        };
        let quotes = guillemet::extract_quotes(&text);
        if json {
            writeln!(out, "{}", output::file_record_json(file, &quotes))?;
        } else {
            print_quotes(&mut out, file, &quotes)?;
        }
    }
    out.flush()?;
    Ok(all_read)
}

/// The file's text (`-` is standard input), or a message naming the file.
fn read_text(file: &str) -> Result<String, String> {
    let name = if file == "-" { "<stdin>" } else { file };
    let mut bytes = Vec::new();
    let read = if file == "-" {
        io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(file).map(|b| bytes = b)
    };
    read.map_err(|e| format!("{name}: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name}: not UTF-8 (first bad byte sequence at byte offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

fn print_quotes(out: &mut impl Write, file: &str, quotes: &[Quote<'_>]) -> io::Result<()> {
    let count = match quotes.len() {
        0 => "no quotes".to_string(),
        1 => "1 quote".to_string(),
        n => format!("{n} quotes"),
    };
    writeln!(out, "== {file}: {count}")?;
    for quote in quotes {
        writeln!(out)?;
        writeln!(
            out,
            "{:<8} {}..{}  «{}»",
            quote.kind.as_str(),
            quote.span.start,
            quote.span.end,
            shorten(quote.text)
        )?;
        writeln!(out, "         speaker: {}", describe_speaker(quote))?;
        let cue = quote.cue.map_or("-", |c| c.text);
        writeln!(out, "         cue:     {cue}")?;
    }
    writeln!(out)
}

/// `mention → name (resolution)`, or just the mention when it is the name.
fn describe_speaker(quote: &Quote<'_>) -> String {
    let Some(speaker) = &quote.speaker else {
        return "-".to_string();
    };
    let resolution = format!("{:?}", speaker.resolution).to_lowercase();
    if speaker.text == speaker.name {
        format!("{} ({resolution})", speaker.text)
    } else {
        format!("{} → {} ({resolution})", speaker.text, speaker.name)
    }
}

/// The text on one line; a long one as its first and last words around ` … `.
fn shorten(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let line = words.join(" ");
    if line.chars().count() <= SHOWN_CHARS {
        return line;
    }
    let head = words_within(words.iter().copied(), SHOWN_CHARS * 2 / 3);
    let mut tail = words_within(words.iter().rev().copied(), SHOWN_CHARS / 4);
    tail.reverse();
    format!("{} … {}", head.join(" "), tail.join(" "))
}

/// The first of `words` that fit in `budget` characters (at least one, cut if need be).
fn words_within<'a>(words: impl Iterator<Item = &'a str>, budget: usize) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    let mut used = 0;
    for word in words {
        let len = word.chars().count();
        if kept.is_empty() && len > budget {
            return vec![word.chars().take(budget).collect()];
        }
        if used + len > budget {
            break;
        }
        used += len + 1;
        kept.push(word.to_string());
    }
    kept
}
