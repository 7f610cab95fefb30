//! Writes a self-contained HTML page showing the quotations `guillemet` finds in a French
//! text: each quote highlighted in its speaker's colour, its cue underlined, the speaker
//! mention outlined, details on hover, and a table of who is quoted how often.
//!
//! ```text
//! cargo run --example highlight -- examples/data/exemple.txt > exemple.html
//! ```

#[path = "support/html.rs"]
mod html;
#[path = "support/input.rs"]
mod input;

use std::io::{self, Write};
use std::process::ExitCode;

const USAGE: &str = "\
usage: highlight [FILE] > page.html

Writes to standard output an HTML page (one file, inline CSS, no script) with the text of
FILE (UTF-8; standard input when there is none, or for `-`) and the quotations found in it:
each quote highlighted in its speaker's colour (nested quotes inside their parent), the cue
underlined, the speaker mention outlined, speaker, kind and cue on hover, and a table of who
is quoted how often.

  -h, --help  print this help";

fn main() -> ExitCode {
    let mut file = None;
    let mut only_files = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            _ if only_files => {}
            "--" => {
                only_files = true;
                continue;
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            flag if flag.starts_with('-') && flag != "-" => {
                eprintln!("highlight: unknown option {flag}\n\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => {}
        }
        if file.is_some() {
            eprintln!("highlight: one FILE at a time\n\n{USAGE}");
            return ExitCode::from(2);
        }
        file = Some(arg);
    }
    let file = file.unwrap_or_else(|| "-".to_string());
    let (title, text) = match input::read_text(&file) {
        Ok(text) => (if file == "-" { "<stdin>" } else { &file }, text),
        Err(message) => {
            eprintln!("highlight: {message}");
            return ExitCode::FAILURE;
        }
    };
    let quotes = guillemet::extract_quotes(&text);
    let page = html::page(title, &text, &quotes);
    match io::stdout().lock().write_all(page.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("highlight: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}
