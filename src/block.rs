//! Blocks: a long text is read a block at a time, so the working memory (tokens, word classes,
//! sentences) stays the size of a block, not a multiple of the text, and stays in cache.
//!
//! A block ends at the first line break after [`BLOCK`] bytes that no quotation spans. A news
//! article is one block; only texts longer than that (a whole archive pasted as one string)
//! are cut, and then a name or pronoun in one block does not reach back into an earlier one.

use crate::scan::free_line_breaks;
use crate::span::Span;

/// Bytes after which a block ends at the next free line break.
pub(crate) const BLOCK: usize = 1024 * 1024;

/// The blocks of `text`, in order, covering it.
pub(crate) fn blocks(text: &str) -> Vec<Span> {
    blocks_of(text, BLOCK)
}

fn blocks_of(text: &str, size: usize) -> Vec<Span> {
    let mut out = Vec::with_capacity(text.len() / size + 1);
    let mut start = 0;
    free_line_breaks(text, |newline| {
        if newline >= start + size {
            // The line break stays with the block it ends.
            out.push(Span::new(start, newline + 1));
            start = newline + 1;
        }
    });
    if start < text.len() || out.is_empty() {
        out.push(Span::new(start, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, size: usize) -> Vec<&str> {
        blocks_of(text, size).into_iter().map(|b| &text[b]).collect()
    }

    #[test]
    fn short_text_is_one_block() {
        assert_eq!(cut("Une phrase.\nUne autre.", 1000), ["Une phrase.\nUne autre."]);
        assert_eq!(cut("", 1000), [""]);
    }

    #[test]
    fn cuts_at_line_breaks_and_covers_the_text() {
        let text = "Un.\nDeux.\nTrois.\nQuatre.";
        assert_eq!(cut(text, 2), ["Un.\n", "Deux.\n", "Trois.\n", "Quatre."]);
        assert_eq!(cut(text, 5), ["Un.\nDeux.\n", "Trois.\n", "Quatre."]);
    }

    #[test]
    fn never_inside_a_quotation() {
        // The quotation runs over two paragraphs (the second reopens with «).
        let text = "Il a dit : « Un.\n\n« Deux. »\nFin.";
        assert_eq!(cut(text, 12), ["Il a dit : « Un.\n\n« Deux. »\n", "Fin."]);
    }

    #[test]
    fn no_line_break_is_one_block() {
        let text = "a ".repeat(100);
        assert_eq!(cut(&text, 10), [text.as_str()]);
    }
}
