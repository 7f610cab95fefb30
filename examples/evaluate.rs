//! Scores `guillemet` on a gold corpus, with the same figures and layout as the reference
//! scorer `corpus/score.py`.
//!
//! ```text
//! cargo run --release --example evaluate -- GOLD_DIR [-v] [--json] [--dump FILE]
//! cargo run --release --example evaluate -- GOLD_DIR --system OUTPUT.jsonl [-v] [--json]
//! ```

#[path = "support/output.rs"]
mod output;
#[path = "support/score.rs"]
mod score;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use score::{GoldDoc, Report, SystemOutput, SystemQuote};

const USAGE: &str = "\
usage: evaluate GOLD_DIR [-v] [--json] [--dump FILE]
       evaluate GOLD_DIR --system OUTPUT.jsonl [-v] [--json]

Runs guillemet::extract_quotes on the text of every gold document GOLD_DIR/<id>.json and
scores it as corpus/score.py does: a table per document and a TOTAL line.

  -v, --verbose   list missed, spurious and wrongly attributed quotes per document
  --json          print only the totals, as one JSON object
  --dump FILE     also write the extracted quotes as JSON lines, which score.py reads
  --system FILE   score that JSON-lines output instead of running the extractor
  -h, --help      print this help";

struct Options {
    gold_dir: PathBuf,
    verbose: bool,
    json: bool,
    dump: Option<PathBuf>,
    system: Option<PathBuf>,
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Option<Options>, String> {
    let (mut gold_dir, mut verbose, mut json, mut dump, mut system) =
        (None, false, false, None, None);
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "-v" | "--verbose" => verbose = true,
            "--json" => json = true,
            "--dump" => dump = Some(PathBuf::from(args.next().ok_or("--dump needs a FILE")?)),
            "--system" => system = Some(PathBuf::from(args.next().ok_or("--system needs a FILE")?)),
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            _ if gold_dir.is_some() => return Err(format!("unexpected argument {arg}")),
            _ => gold_dir = Some(PathBuf::from(arg)),
        }
    }
    if dump.is_some() && system.is_some() {
        return Err("--dump and --system do not go together".to_string());
    }
    let gold_dir = gold_dir.ok_or("GOLD_DIR is missing")?;
    Ok(Some(Options { gold_dir, verbose, json, dump, system }))
}

fn main() -> ExitCode {
    match parse_args(std::env::args().skip(1)) {
        Ok(Some(options)) => match run(&options) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("evaluate: {message}");
                ExitCode::FAILURE
            }
        },
        Ok(None) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("evaluate: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(options: &Options) -> Result<(), String> {
    let docs = score::load_gold_dir(&options.gold_dir)?;
    let report = match &options.system {
        Some(path) => score_system_output(&docs, path)?,
        None => score_extractor(&docs, options.dump.as_ref())?,
    };
    for doc in report.docs.iter().filter(|d| d.ignored > 0) {
        eprintln!(
            "evaluate: warning: {}: {} system quote(s) with missing or out-of-range offsets ignored",
            doc.id, doc.ignored
        );
    }
    print_report(&report, options);
    Ok(())
}

/// Runs the extractor on every gold text and scores it, writing its output to `dump`.
fn score_extractor(docs: &[GoldDoc], dump: Option<&PathBuf>) -> Result<Report, String> {
    let mut dump_lines = Vec::new();
    let mut elapsed = Duration::ZERO;
    let report = score::score_corpus(docs, |doc| {
        let started = Instant::now();
        let quotes = guillemet::extract_quotes(&doc.text);
        elapsed += started.elapsed();
        if dump.is_some() {
            // `<id>.txt`: score.py keys a line by the file stem, and --texts writes <id>.txt.
            dump_lines.push(output::file_record_json(&format!("{}.txt", doc.id), &quotes));
        }
        Some(quotes.iter().map(SystemQuote::from_quote).collect())
    });
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    eprintln!("evaluate: extracted {} documents ({bytes} bytes) in {elapsed:.2?}", docs.len());
    if let Some(path) = dump {
        let mut contents = dump_lines.join("\n");
        contents.push('\n');
        std::fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(report)
}

/// Scores a JSON-lines system output, warning as score.py does about unmatched documents.
fn score_system_output(docs: &[GoldDoc], path: &PathBuf) -> Result<Report, String> {
    let contents = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (by_doc, warnings) =
        score::parse_system_jsonl(&contents).map_err(|e| format!("{}: {e}", path.display()))?;
    for warning in warnings {
        eprintln!("evaluate: warning: {}: {warning}", path.display());
    }
    warn_unmatched_documents(docs, &by_doc);
    Ok(score::score_corpus(docs, |doc| by_doc.get(&doc.id).cloned()))
}

fn warn_unmatched_documents(docs: &[GoldDoc], by_doc: &SystemOutput) {
    let mut unknown: Vec<&String> =
        by_doc.keys().filter(|k| !docs.iter().any(|d| &d.id == *k)).collect();
    unknown.sort();
    for key in unknown {
        eprintln!("evaluate: warning: system output for {key:?} has no gold document, ignored");
    }
    for doc in docs.iter().filter(|d| !by_doc.contains_key(&d.id)) {
        eprintln!(
            "evaluate: warning: no system output for gold document {:?} (scored as empty)",
            doc.id
        );
    }
}

fn print_report(report: &Report, options: &Options) {
    if options.json {
        println!("{}", report.totals_json());
        return;
    }
    println!("{}", report.table());
    let details = report.details();
    if options.verbose && !details.is_empty() {
        println!("\n{details}");
    }
}
