//! Blocks: a long text is read a block at a time, so the working memory (tokens, word classes,
//! sentences) stays the size of a block, not a multiple of the text, and stays in cache.
//!
//! A block ends at the first line break after [`BLOCK`] bytes that no quotation spans. A news
//! article is one block; only texts longer than that (a whole archive pasted as one string)
//! are cut, and then a name or pronoun in one block does not reach back into an earlier one.
//! A stretch of [`BLOCK_MAX`] bytes with no free line break (one giant paragraph, or a quotation
//! left open) is cut all the same, at a line break or a space: memory stays bounded, and token
//! offsets within a block fit in 32 bits.

use crate::scan::free_line_breaks;
use crate::span::Span;

/// Bytes after which a block ends at the next free line break.
pub(crate) const BLOCK: usize = 1024 * 1024;

/// The longest block, whatever the text.
pub(crate) const BLOCK_MAX: usize = 64 * 1024 * 1024;

/// The blocks of `text`, in order, covering it.
pub(crate) fn blocks(text: &str) -> Vec<Span> {
    blocks_of(text, BLOCK, BLOCK_MAX)
}

fn blocks_of(text: &str, size: usize, max: usize) -> Vec<Span> {
    let mut out = Vec::with_capacity(text.len() / size + 1);
    let mut start = 0;
    // Blocks of at most `max` bytes until `to`.
    let cut_long = |out: &mut Vec<Span>, start: &mut usize, to: usize| {
        while to - *start > max {
            let cut = forced_cut(text, *start, max);
            out.push(Span::new(*start, cut));
            *start = cut;
        }
    };
    free_line_breaks(text, |newline| {
        cut_long(&mut out, &mut start, newline);
        if newline >= start + size {
            // The line break stays with the block it ends.
            out.push(Span::new(start, newline + 1));
            start = newline + 1;
        }
    });
    cut_long(&mut out, &mut start, text.len());
    if start < text.len() || out.is_empty() {
        out.push(Span::new(start, text.len()));
    }
    out
}

/// Where to end a block of at most `max` bytes from `start` when no free line break does:
/// after the last line break in its second half, else the last space, else at the last
/// character boundary. The block keeps at least half of `max`, so cutting stays linear.
fn forced_cut(text: &str, start: usize, max: usize) -> usize {
    let limit = start + max;
    let half = start + max / 2;
    let tail = &text.as_bytes()[half..limit];
    let after = |b: u8| tail.iter().rposition(|&c| c == b).map(|i| half + i + 1);
    after(b'\n').or_else(|| after(b' ')).unwrap_or_else(|| {
        // No space in half a block: the last character boundary, which lies within four bytes
        // (or the next one, should `max` be shorter than a character).
        let before = (start + 1..=limit).rev().take(4).find(|&i| text.is_char_boundary(i));
        before.unwrap_or_else(|| {
            (limit..text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, size: usize) -> Vec<&str> {
        blocks_of(text, size, usize::MAX).into_iter().map(|b| &text[b]).collect()
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
    fn a_block_past_the_longest_is_cut_all_the_same() {
        let parts = |text: &str, max: usize| -> Vec<String> {
            let blocks = blocks_of(text, 4, max);
            assert_eq!(blocks.iter().map(|b| b.len()).sum::<usize>(), text.len(), "{blocks:?}");
            blocks.iter().map(|&b| text[b].to_owned()).collect()
        };
        // Inside an open quotation: at line breaks, then spaces, then any character.
        assert_eq!(parts("« un\ndeux\ntrois »", 8), ["« un\n", "deux\n", "trois »"]);
        assert_eq!(parts("un deux trois", 8), ["un deux ", "trois"]);
        assert_eq!(parts("ééééé", 4), ["éé", "éé", "é"]);
        assert_eq!(parts("éé", 1), ["é", "é"]);
        assert!(parts(&"a\n".repeat(1000), 10).iter().all(|b| b.len() <= 10));
    }

    #[test]
    fn no_line_break_is_one_block() {
        let text = "a ".repeat(100);
        assert_eq!(cut(&text, 10), [text.as_str()]);
    }
}
