//! Reading a text the examples are given: a file, or standard input for `-`.

use std::io::{self, Read};

/// The file's text (`-` is standard input), or a message naming the file and, for text that is
/// not UTF-8, the byte offset of the first bad sequence.
pub fn read_text(file: &str) -> Result<String, String> {
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
