//! Byte ranges into the caller's text.

use core::ops::{Index, Range};

/// A half-open byte range `start..end` into the text given to the extractor.
///
/// Every span the crate returns lies on `char` boundaries of that text, so
/// `&text[span]` never panics.
///
/// ```
/// use guillemet::Span;
/// let text = "« Oui », a-t-il dit.";
/// let span = Span::new(3, 6);
/// assert_eq!(&text[span], "Oui");
/// assert_eq!(span, 3..6);
/// assert_eq!(span.len(), 3);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (half-open). `end` is raised to `start` if lower.
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        let end = if end < start { start } else { end };
        Span { start, end }
    }

    /// The span as a `Range<usize>`.
    #[inline]
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Its length in bytes.
    #[inline]
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether it covers no byte.
    #[inline]
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies wholly inside this span.
    #[inline]
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    #[inline]
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for Range<usize> {
    fn from(s: Span) -> Range<usize> {
        s.range()
    }
}

impl PartialEq<Range<usize>> for Span {
    fn eq(&self, other: &Range<usize>) -> bool {
        self.start == other.start && self.end == other.end
    }
}

impl Index<Span> for str {
    type Output = str;
    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

impl Index<Span> for String {
    type Output = str;
    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_indexes_str_and_compares_with_range() {
        let s = "abc«déf»";
        let sp = Span::from(5..9);
        assert_eq!(&s[sp], "déf");
        assert_eq!(sp, 5..9);
        assert!(Span::new(0, 10).contains(sp));
        assert!(sp.overlaps(Span::new(8, 12)));
        assert!(!sp.overlaps(Span::new(9, 12)));
        assert!(Span::new(4, 2).is_empty());
    }
}
