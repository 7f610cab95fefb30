//! Prints the quotations `guillemet` finds in French text, with their speakers and cues.
//!
//! ```text
//! cargo run --release --example extract -- examples/data/exemple.txt
//! cargo run --release --example extract -- --json a.txt b.txt > quotes.jsonl
//! cargo run --release --example extract -- --input jsonl --format tsv archive.jsonl > quotes.tsv
//! ```
//!
//! Documents are processed on `--jobs` threads and printed in input order: a reader thread
//! feeds the workers through a bounded channel and the main thread puts the results back in
//! order (`support/parallel.rs`), so an archive of any size streams through in bounded memory.
//! A single long text uses the threads too: `Extractor::extract_parallel` reads its blocks at
//! once.

#[path = "support/input.rs"]
mod input;
#[path = "support/jsonl.rs"]
mod jsonl;
#[path = "support/output.rs"]
mod output;
#[path = "support/parallel.rs"]
mod parallel;
#[path = "support/progress.rs"]
mod progress;
#[path = "support/tsv.rs"]
mod tsv;

use std::fs::File;
use std::io::{self, BufReader, Read, Write};
use std::process::ExitCode;
use std::sync::Arc;

use guillemet::Quote;

const USAGE: &str = "\
usage: extract [OPTIONS] [FILE...]

Prints the quotations found in each FILE (standard input when there is none, or for `-`):
their kind, words, speaker (mention -> name) and cue.

  --input text    each FILE is one document, UTF-8 text (the default)
  --input jsonl   each FILE holds one document a line, as JSON: {\"id\": ID, \"text\": TEXT}
                  (ID may be any JSON value; other fields are ignored)
  --format human  a readable listing per document (the default)
  --format json   one JSON object per document per line:
                  {\"file\": PATH, \"quotes\": [{\"start\", \"end\", \"text\", \"kind\",
                   \"speaker\": {\"start\", \"end\", \"text\", \"name\"} | null,
                   \"cue\": {\"start\", \"end\", \"text\"} | null}]}
                  (byte offsets; corpus/score.py reads this); with --input jsonl,
                  {\"id\": ID, \"quotes\": [...]} instead
  --json          the same as --format json
  --format tsv    one quote per line after a header line, tab-separated:
                  doc, start, end, kind, speaker, cue, quote (doc is the file path or
                  the record's id; speaker is the resolved name; empty when unknown;
                  tabs and line breaks inside a field become spaces)
  -j, --jobs N    process documents on N threads (default: one per core); the output
                  is in input order whatever N. A single text FILE over 1 MB is
                  itself read in blocks on N threads
  -h, --help      print this help

When standard error is a terminal and standard output is not, a long run shows its
progress (documents done, MB/s) on standard error.

A file that cannot be read, a text that is not UTF-8, or a JSONL line that is not an
object with a string \"text\" is reported on standard error (FILE:LINE for JSONL) and
skipped; the others are still processed, and the exit status is then 1.";

/// Quotes longer than this many characters are shown as their start and end.
const SHOWN_CHARS: usize = 120;

/// Documents in flight (read, not yet printed) per worker thread.
const WINDOW_PER_JOB: usize = 16;

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Human,
    Json,
    Tsv,
}

#[derive(Clone, Copy, PartialEq)]
enum Input {
    Text,
    Jsonl,
}

struct Options {
    format: Format,
    input: Input,
    jobs: usize,
    files: Vec<String>,
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("extract: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&options) {
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

/// The options, or `None` for `--help`.
fn parse_args(args: impl Iterator<Item = String>) -> Result<Option<Options>, String> {
    let mut options = Options {
        format: Format::Human,
        input: Input::Text,
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        files: Vec::new(),
    };
    let mut args = args.peekable();
    let mut only_files = false;
    while let Some(arg) = args.next() {
        if only_files || arg == "-" || !arg.starts_with('-') {
            options.files.push(arg);
            continue;
        }
        // `--name=value`, `--name value`, `-jN` and `-j N` all work.
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value.to_string())),
            _ if arg.starts_with("-j") && arg.len() > 2 => ("-j", Some(arg[2..].to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = |what: &str| {
            inline.clone().or_else(|| args.next()).ok_or_else(|| format!("{name} needs {what}"))
        };
        match name {
            "--" => only_files = true,
            "-h" | "--help" => return Ok(None),
            "--json" => options.format = Format::Json,
            "--format" => {
                options.format = match value("a format")?.as_str() {
                    "human" => Format::Human,
                    "json" => Format::Json,
                    "tsv" => Format::Tsv,
                    other => return Err(format!("unknown format {other:?} (human, json or tsv)")),
                }
            }
            "--input" => {
                options.input = match value("an input kind")?.as_str() {
                    "text" => Input::Text,
                    "jsonl" => Input::Jsonl,
                    other => return Err(format!("unknown input kind {other:?} (text or jsonl)")),
                }
            }
            "-j" | "--jobs" => {
                let jobs = value("a number")?;
                options.jobs = match jobs.parse::<usize>() {
                    Ok(n) if n > 0 => n,
                    _ => {
                        return Err(format!(
                            "{name} needs a number of threads above 0, not {jobs:?}"
                        ));
                    }
                }
            }
            _ => return Err(format!("unknown option {arg}")),
        }
    }
    if options.files.is_empty() {
        options.files.push("-".to_string());
    }
    Ok(Some(options))
}

/// A unit of work for the threads: one document, or an error to report in its place.
enum Job {
    /// A whole text file (or the reason it could not be read).
    Text { file: String, text: Result<String, String> },
    /// One line of a JSONL file.
    Line { file: Arc<str>, line: jsonl::Line },
    /// A JSONL file that could not be opened or read further.
    Failed(String),
}

/// What a job gives: the output for its document, or an error message.
struct Done {
    output: Vec<u8>,
    error: Option<String>,
    /// The size of the document processed, if there was one.
    bytes: Option<usize>,
}

/// Processes every document; `Ok(false)` when some could not be read or parsed.
fn run(options: &Options) -> io::Result<bool> {
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    if options.format == Format::Tsv {
        writeln!(out, "{}", tsv::HEADER)?;
    }
    let mut progress = progress::Progress::new();
    let mut all_good = true;
    let format = options.format;
    let window = options.jobs * WINDOW_PER_JOB;
    let sink = |done: Done| -> io::Result<()> {
        out.write_all(&done.output)?;
        if let Some(message) = done.error {
            out.flush()?; // keep stdout and stderr in order on a terminal
            progress.clear();
            eprintln!("extract: {message}");
            all_good = false;
        }
        if let Some(bytes) = done.bytes {
            progress.add(bytes);
        }
        Ok(())
    };
    // One text file alone: its own blocks are what the threads share.
    let threads_per_text = if options.files.len() == 1 { options.jobs } else { 1 };
    let extractor = guillemet::Extractor::new();
    let work = |job: Job| process(&extractor, job, format, threads_per_text);
    let result = match options.input {
        Input::Text => {
            let jobs = options
                .files
                .iter()
                .map(|file| Job::Text { file: file.clone(), text: input::read_text(file) });
            parallel::map_ordered(options.jobs, window, jobs, work, sink)
        }
        Input::Jsonl => {
            let jobs = options.files.iter().flat_map(|file| jsonl_jobs(file));
            parallel::map_ordered(options.jobs, window, jobs, work, sink)
        }
    };
    progress.clear();
    result?;
    out.flush()?;
    Ok(all_good)
}

/// The jobs for the lines of one JSONL file (`-` is standard input).
fn jsonl_jobs(file: &str) -> Box<dyn Iterator<Item = Job> + Send> {
    let name: Arc<str> = Arc::from(if file == "-" { "<stdin>" } else { file });
    let reader: Box<dyn Read + Send> = if file == "-" {
        Box::new(io::stdin())
    } else {
        match File::open(file) {
            Ok(f) => Box::new(f),
            Err(e) => return Box::new(std::iter::once(Job::Failed(format!("{name}: {e}")))),
        }
    };
    let lines = jsonl::Lines::new(BufReader::with_capacity(1 << 20, reader));
    Box::new(lines.map(move |line| match line {
        Ok(line) => Job::Line { file: Arc::clone(&name), line },
        Err(e) => Job::Failed(format!("{name}: {e}")),
    }))
}

/// Extracts the quotes of one job's document (a text on up to `threads` threads) and formats
/// them.
fn process(extractor: &guillemet::Extractor, job: Job, format: Format, threads: usize) -> Done {
    let failed = |message| Done { output: Vec::new(), error: Some(message), bytes: None };
    let mut output = Vec::new();
    let bytes = match job {
        Job::Failed(message) | Job::Text { text: Err(message), .. } => return failed(message),
        Job::Text { file, text: Ok(text) } => {
            let quotes = extractor.extract_parallel(&text, threads);
            let json = || output::file_record_json(&file, &quotes);
            write_document(&mut output, format, &file, &quotes, json);
            Some(text.len())
        }
        Job::Line { file, line } => match jsonl::parse_line(&file, &line) {
            Ok(Some(record)) => {
                let quotes = extractor.extract(&record.text);
                let label = jsonl::label(&record.id, &file, line.number);
                let json = || jsonl::record_json(&record.id, &quotes);
                write_document(&mut output, format, &label, &quotes, json);
                Some(record.text.len())
            }
            Ok(None) => None, // a blank line
            Err(message) => return failed(message),
        },
    };
    Done { output, error: None, bytes }
}

/// Writes one document's quotes in `format`; `doc` names it, `json` gives its JSON line.
fn write_document(
    out: &mut Vec<u8>,
    format: Format,
    doc: &str,
    quotes: &[Quote<'_>],
    json: impl FnOnce() -> String,
) {
    let written = match format {
        Format::Human => print_quotes(out, doc, quotes),
        Format::Json => writeln!(out, "{}", json()),
        Format::Tsv => tsv::write_quotes(out, doc, quotes),
    };
    written.expect("writing to memory cannot fail");
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
    let resolution = speaker.resolution.as_str();
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
