//! Tab-separated output for the `extract` example (`--format tsv`): one quote a line, for
//! spreadsheets, `cut`, `sort` and `awk`.

use std::borrow::Cow;
use std::io::{self, Write};

use guillemet::Quote;

/// The first line of the output (without its newline).
pub const HEADER: &str = "doc\tstart\tend\tkind\tspeaker\tcue\tquote";

/// Writes one line per quote of document `doc`: its columns are those of [`HEADER`]; the
/// offsets are bytes into the document's text; a missing speaker or cue is an empty field.
pub fn write_quotes(out: &mut impl Write, doc: &str, quotes: &[Quote<'_>]) -> io::Result<()> {
    let doc = field(doc);
    for quote in quotes {
        let speaker = quote.speaker.as_ref().map_or("", |s| s.name);
        let cue = quote.cue.map_or("", |c| c.text);
        writeln!(
            out,
            "{doc}\t{}\t{}\t{}\t{}\t{}\t{}",
            quote.span.start,
            quote.span.end,
            quote.kind.as_str(),
            field(speaker),
            field(cue),
            field(quote.text)
        )?;
    }
    Ok(())
}

/// `text` with each tab, line break or other control character replaced by a space, so that
/// it stays one field of one line.
pub fn field(text: &str) -> Cow<'_, str> {
    if text.chars().any(breaks_field) {
        Cow::Owned(text.chars().map(|c| if breaks_field(c) { ' ' } else { c }).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Tabs, `\n`, `\r` and the other control characters, and the Unicode line and paragraph
/// separators that some tools also take as line ends.
fn breaks_field(c: char) -> bool {
    c.is_control() || c == '\u{2028}' || c == '\u{2029}'
}
