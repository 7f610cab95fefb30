//! Scan: find quotation marks and pair them, nested ones included.
//!
//! One pass over the text with a stack of open marks. Asymmetric marks (`« »`, `‹ ›`, `“ ”`)
//! pair by kind; symmetric ones (`"`, `˝`, `'`) open or close according to what stands on
//! either side. A mark still open at the end of a paragraph carries on only when the next
//! paragraph opens with a mark of the same family (the French way of continuing a quotation
//! over paragraphs); otherwise it is dropped, so an unbalanced mark never swallows the rest of
//! the text.

use crate::pool;
use crate::quote::Marks;
use crate::span::Span;

/// A pair of quotation marks and what they enclose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct MarkPair {
    /// The opening mark.
    pub open: Span,
    /// The closing mark.
    pub close: Span,
    /// The text between the marks, without the spaces next to them.
    pub inner: Span,
    /// Which marks.
    pub marks: Marks,
    /// 0 for a pair that no other pair encloses.
    pub depth: u16,
    /// Index (in the returned vector) of the innermost enclosing pair.
    pub parent: Option<usize>,
    /// Whether the quotation runs over more than one paragraph.
    pub multi_paragraph: bool,
}

impl MarkPair {
    /// From the opening mark to the closing mark, both included.
    pub fn outer(&self) -> Span {
        Span::new(self.open.start, self.close.end)
    }
}

/// How a mark character can act.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Opens or closes depending on context.
    Either,
    /// Closes if a pair of its family is open and the context allows, else opens.
    CloseOrOpen,
}

fn classify(c: char) -> Option<(Marks, Role)> {
    Some(match c {
        '«' => (Marks::Guillemets, Role::Open),
        '»' => (Marks::Guillemets, Role::Close),
        '‹' => (Marks::SingleGuillemets, Role::Open),
        '›' => (Marks::SingleGuillemets, Role::Close),
        '„' => (Marks::CurlyDouble, Role::Open),
        '“' => (Marks::CurlyDouble, Role::CloseOrOpen),
        '”' => (Marks::CurlyDouble, Role::Close),
        '"' => (Marks::StraightDouble, Role::Either),
        '˝' => (Marks::DoubleAcute, Role::Either),
        '‘' => (Marks::CurlySingle, Role::Open),
        '’' => (Marks::CurlySingle, Role::Close),
        '\'' => (Marks::StraightSingle, Role::Either),
        _ => return None,
    })
}

/// Spaces that French typography puts inside quotation marks.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}' || c == '\u{2009}' || c == '\u{feff}'
}

/// [`char::is_alphanumeric`], with the Latin letters of French (Latin-1 and Latin
/// Extended-A/B) and the punctuation around them (`«`, `»`, `—`, `…`, no-break spaces)
/// answered without a look at the Unicode tables.
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    match c {
        '\u{c0}'..='\u{24f}' => c != '×' && c != '÷',
        // Latin-1 punctuation and symbols: only these are letters or digits.
        '\u{80}'..='\u{bf}' => matches!(c, 'ª' | '²' | '³' | 'µ' | '¹' | 'º' | '¼' | '½' | '¾'),
        // General Punctuation holds no letter nor digit.
        '\u{2000}'..='\u{206f}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// A line or paragraph break.
pub(crate) fn is_line_break(c: char) -> bool {
    c == '\n' || c == '\r' || c == '\u{2029}' || c == '\u{2028}'
}

/// The characters before and after a mark (none at the text's ends).
type Around = (Option<char>, Option<char>);

/// Whether a symmetric or ambiguous mark between `around` looks like an opening one.
fn looks_open((prev, next): Around) -> bool {
    let after_ok = matches!(next, Some(n) if !is_space(n));
    let before_ok = match prev {
        None => true,
        Some(p) => is_space(p) || "([{«“‹‘—–-/:;".contains(p),
    };
    before_ok && after_ok
}

/// Whether a symmetric or ambiguous mark between `around` looks like a closing one.
fn looks_close((prev, next): Around) -> bool {
    let before_ok = matches!(prev, Some(p) if !is_space(p));
    let after_ok = match next {
        None => true,
        Some(n) => is_space(n) || (!n.is_alphanumeric() && n != '\''),
    };
    before_ok && after_ok
}

/// The bytes that may start a quotation mark or a line break: ASCII `"`, `'`, `\n`, `\r`, and
/// the lead bytes of `« »` (C2), `˝` (CB), and of `‹ › „ “ ” ‘ ’` and U+2028/9 (E2).
static MAY_MATTER: ByteSet = ByteSet::new(MAY_MATTER_BYTES);
const MAY_MATTER_BYTES: &[u8] = b"\"'\n\r\xC2\xCB\xE2";

/// A set of bytes as a table of 256 flags: a byte-class test in one load, for the loops that
/// skip what they need not read.
pub(crate) struct ByteSet([bool; 256]);

impl ByteSet {
    pub(crate) const fn new(bytes: &[u8]) -> ByteSet {
        ByteSet([false; 256]).with(bytes)
    }

    /// This set and `bytes`.
    pub(crate) const fn with(mut self, mut bytes: &[u8]) -> ByteSet {
        while let [b, rest @ ..] = bytes {
            self.0[*b as usize] = true;
            bytes = rest;
        }
        self
    }

    pub(crate) fn contains(&self, b: u8) -> bool {
        self.0[usize::from(b)]
    }

    /// The first index from `from` on whose byte is in the set.
    pub(crate) fn find(&self, bytes: &[u8], from: usize) -> Option<usize> {
        let mut i = from;
        // Eight bytes a step, with one branch: the bytes sought are a few in a hundred.
        while let Some(chunk) = bytes.get(i..).and_then(|rest| rest.first_chunk::<8>()) {
            if chunk.iter().fold(false, |hit, &b| hit | self.contains(b)) {
                break;
            }
            i += 8;
        }
        Some(i + bytes.get(i..)?.iter().position(|&b| self.contains(b))?)
    }
}

/// Whether the character at `i`, whose first byte is in [`MAY_MATTER`], can be passed over without
/// decoding it: a no-break space or other Latin-1 sign after C2, a dash, an ellipsis or a
/// narrow space after E2 (no mark, no line break), or, while no mark is open, an apostrophe
/// (`'` or `’`), which then neither opens nor closes anything. French text has one every few
/// dozen bytes; the marks are far rarer.
fn is_inert(bytes: &[u8], i: usize, nothing_open: bool) -> bool {
    let first = StopBytes::at(bytes, i);
    let apostrophe = (first.lead() == b'\'') | first.is_curly_apostrophe();
    let never = first.is_latin1_sign() | (first.is_other_e2() & !first.is_curly_apostrophe());
    never | (apostrophe & nothing_open)
}

/// The first four bytes from a stop on (zeros past the text's end), as one little-endian
/// word: the characters there are told by their bytes, with no branch on which they are.
#[derive(Clone, Copy)]
struct StopBytes(u32);

/// For the bytes E2 80 xx: whether xx makes a mark other than `’` (`‘ ‚ ‛ “ ” „`, 98–9E;
/// `‹ ›`, B9–BA) or a line break (U+2028/9, A8–A9).
static MARK_OR_BREAK_AFTER_E2_80: ByteSet =
    ByteSet::new(b"\x98\x9A\x9B\x9C\x9D\x9E\xA8\xA9\xB9\xBA");

impl StopBytes {
    #[inline]
    fn at(bytes: &[u8], i: usize) -> StopBytes {
        match bytes.get(i..i + 4) {
            Some(&[a, b, c, d]) => StopBytes(u32::from_le_bytes([a, b, c, d])),
            _ => StopBytes::at_end(bytes, i),
        }
    }

    /// [`StopBytes::at`] in the text's last three bytes.
    #[cold]
    fn at_end(bytes: &[u8], i: usize) -> StopBytes {
        let mut four = [0; 4];
        let rest = bytes.get(i..).unwrap_or_default();
        four[..rest.len()].copy_from_slice(rest);
        StopBytes(u32::from_le_bytes(four))
    }

    fn lead(self) -> u8 {
        self.0 as u8
    }

    /// A Latin-1 sign after C2 other than `«` and `»` (C2 AB and C2 BB, one bit apart): a
    /// no-break space, as a rule.
    #[inline]
    fn is_latin1_sign(self) -> bool {
        (self.lead() == 0xC2) & (self.0 & 0xEFFF != 0xABC2)
    }

    /// A character led by E2 that is `’` or neither a mark nor a line break (a dash, an
    /// ellipsis, a narrow no-break space).
    #[inline]
    fn is_other_e2(self) -> bool {
        let e2_80 = self.0 & 0xFFFF == 0x80E2;
        let mark_or_break = e2_80 & MARK_OR_BREAK_AFTER_E2_80.contains((self.0 >> 16) as u8);
        (self.lead() == 0xE2) & !mark_or_break
    }

    /// `’`, E2 80 99.
    #[inline]
    fn is_curly_apostrophe(self) -> bool {
        self.0 & 0xFF_FFFF == 0x99_80E2
    }
}

/// Whether the stop at `i` can matter only while a pair of single quotes (`‘ ’` or `' '`) is
/// open: a character that is neither a mark nor a line break, or an apostrophe in a word: `’`,
/// or `'` after an ASCII letter or digit (which opens no pair, see [`symmetric`], and closes
/// only one of its own). These are most of the stops.
#[inline]
fn only_inside_single_quotes(bytes: &[u8], i: usize) -> bool {
    let first = StopBytes::at(bytes, i);
    // (At 0 this reads the stop itself, which is no letter.)
    let after_word = bytes[i.saturating_sub(1)].is_ascii_alphanumeric();
    first.is_latin1_sign() | first.is_other_e2() | ((first.lead() == b'\'') & after_word)
}

/// Pairs nested deeper than this are not looked for.
const MAX_DEPTH: usize = 32;

struct Open {
    marks: Marks,
    at: Span,
    multi_paragraph: bool,
}

/// Find every pair of quotation marks in `text`, sorted by opening position.
#[cfg(test)]
pub(crate) fn scan(text: &str) -> Vec<MarkPair> {
    scan_at(text, &Stops::of(text))
}

/// Every pair of quotation marks in `text`, sorted by opening position, `stops` being the
/// text's (see [`Stops`]).
pub(crate) fn scan_at(text: &str, stops: &Stops) -> Vec<MarkPair> {
    let bytes = text.as_bytes();
    // The stops that may matter while no pair of single quotes is open, picked out in one
    // pass with no branch on each (most stops are apostrophes and no-break spaces): the
    // pairing then reads only them, and all the stops while such a pair is open (rarely).
    let mut strong: Vec<usize> = pool::take(stops.marks.len());
    strong.resize(stops.marks.len(), 0);
    let mut kept = 0;
    for &i in &stops.marks {
        strong[kept] = i;
        kept += usize::from(!only_inside_single_quotes(bytes, i));
    }
    strong.truncate(kept);
    let (mut all, mut some) = (stops.marks(), StopCursor { stops: &strong, next: 0 });
    let next_stop = |from, singles_open| {
        if singles_open { all.at_or_after(from) } else { some.at_or_after(from) }
    };
    // Room for a pair every 256 bytes, more than news text has: no regrowing on the way.
    let mut found = pool::take(text.len() / 256);
    let on_pair = |open, close, marks, multi| found.push((open, close, marks, multi));
    pair_marks(text, next_stop, on_pair, |_| {});
    pool::give(strong);
    build_pairs(text, found)
}

/// Where the two stages that read bytes rather than tokens stop: the quotation marks' pairing
/// ([`scan_at`]) at the bytes of [`MAY_MATTER`], the sentence splitter
/// ([`crate::sentence::split_at`]) at those of [`MAY_END_BYTES`] (French text has one every
/// twenty bytes or so). The tokenizer notes both as it reads the text
/// ([`crate::token::Tokens::stops`]), so that neither stage searches the text for them.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Stops {
    /// The positions of the bytes in [`MAY_MATTER`], in order.
    marks: Vec<usize>,
    /// The positions of the bytes in [`MAY_END_BYTES`], in order.
    ends: Vec<usize>,
}

/// The bytes [`crate::sentence::split_at`] stops at: line breaks, `.`, `!`, `?`, and the lead
/// byte of `…`, U+2028 and U+2029.
const MAY_END_BYTES: &[u8] = b"\n\r.!?\xE2";

/// The bytes of [`MAY_MATTER`] or [`MAY_END_BYTES`].
static ANY_STOP: ByteSet = ByteSet::new(MAY_MATTER_BYTES).with(MAY_END_BYTES);

/// For each byte, which of [`MAY_MATTER`] and [`MAY_END_BYTES`] it is in: bit 0 for the
/// first, bit 1 for the second.
static STOP_KIND: [u8; 256] = {
    let mut kinds = [0; 256];
    let mut i = 0;
    while i < MAY_MATTER_BYTES.len() {
        kinds[MAY_MATTER_BYTES[i] as usize] |= 1;
        i += 1;
    }
    let mut i = 0;
    while i < MAY_END_BYTES.len() {
        kinds[MAY_END_BYTES[i] as usize] |= 2;
        i += 1;
    }
    kinds
};

impl Stops {
    /// The stops of `text`, found by a search of their own. The pipeline has the tokenizer
    /// note them as it reads the bytes instead (see [`crate::token::Tokens::stops`]).
    pub(crate) fn of(text: &str) -> Stops {
        let bytes = text.as_bytes();
        let mut stops = Stops::with_room_for(text.len());
        let mut from = 0;
        while let Some(i) = ANY_STOP.find(bytes, from) {
            stops.note(i, bytes[i]);
            from = i + 1;
        }
        stops
    }

    /// The positions where a quotation mark or a line break may be, read from the start.
    fn marks(&self) -> StopCursor<'_> {
        StopCursor { stops: &self.marks, next: 0 }
    }

    /// The positions where a sentence may end, read from the start.
    pub(crate) fn ends(&self) -> StopCursor<'_> {
        StopCursor { stops: &self.ends, next: 0 }
    }

    /// No stops yet, with room for those of a text of `len` bytes.
    pub(crate) fn with_room_for(len: usize) -> Stops {
        // French text has about one in twenty bytes.
        Stops { marks: pool::take(len / 32), ends: pool::take(len / 32) }
    }

    /// Notes the byte `byte` at `i` (after every stop noted so far), if it is a stop.
    #[inline(always)]
    pub(crate) fn note(&mut self, i: usize, byte: u8) {
        let kind = STOP_KIND[usize::from(byte)];
        // Written to both, kept where it belongs: no branch on which, nor on whether.
        let (m, e) =
            (self.marks.len() + usize::from(kind & 1), self.ends.len() + usize::from(kind >> 1));
        self.marks.push(i);
        self.ends.push(i);
        self.marks.truncate(m);
        self.ends.truncate(e);
    }

    /// Notes the stops among `bytes`, which start at `from`.
    pub(crate) fn note_all(&mut self, from: usize, bytes: &[u8]) {
        for (k, &b) in bytes.iter().enumerate() {
            self.note(from + k, b);
        }
    }
}

/// The stops go back to the thread's pool for the next text.
impl Drop for Stops {
    fn drop(&mut self) {
        pool::give_from(&mut self.marks);
        pool::give_from(&mut self.ends);
    }
}

/// A sorted list of positions read as a text search finds them: the first from a position
/// on, for positions that never go back.
pub(crate) struct StopCursor<'a> {
    stops: &'a [usize],
    next: usize,
}

impl StopCursor<'_> {
    /// The first position from `from` on (`from` no smaller than at the last call).
    #[inline]
    pub(crate) fn at_or_after(&mut self, from: usize) -> Option<usize> {
        while self.stops.get(self.next).is_some_and(|&s| s < from) {
            self.next += 1;
        }
        self.stops.get(self.next).copied()
    }
}

/// The `\n` line breaks of `text` that no quotation spans (no mark is open there), in order:
/// where a long text may be cut. Memory stays that of the open marks, however many pairs.
pub(crate) fn free_line_breaks(text: &str, on_break: impl FnMut(usize)) {
    let next_stop = |from, _| MAY_MATTER.find(text.as_bytes(), from);
    pair_marks(text, next_stop, |_, _, _, _| {}, on_break);
}

/// The pairing pass: `on_pair(open, close, marks, multi_paragraph)` for every pair closed,
/// `on_free_break(at)` for every `\n` at `at` with no mark left open after it.
/// `next_stop(from, singles_open)` is the first byte from `from` on that is in [`MAY_MATTER`]
/// (asked with `from` growing), or may be the first that is not
/// [`only_inside_single_quotes`] when `singles_open` is false.
fn pair_marks(
    text: &str,
    mut next_stop: impl FnMut(usize, bool) -> Option<usize>,
    mut on_pair: impl FnMut(Span, Span, Marks, bool),
    mut on_free_break: impl FnMut(usize),
) {
    let mut stack: Vec<Open> = Vec::new();
    let bytes = text.as_bytes();
    // Where to read on from.
    let mut pos = 0;
    // Marks at the start of a paragraph that only say "the quotation goes on".
    let mut skip_until: usize = 0;
    loop {
        // Jump to the next character that may be a mark or a line break: the rest of the text
        // only matters as the characters around a mark (see `around`).
        let from = pos.max(skip_until);
        let Some(i) = next_stop(from, any_single_quotes(&stack)) else { break };
        if is_inert(bytes, i, stack.is_empty()) {
            // Nothing to do here.
            pos = i + 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else { break };
        pos = i + c.len_utf8();
        // The characters before and after the mark, read only for the marks whose part they
        // decide (not for line breaks nor guillemets, most stops).
        let around = || (text[..i].chars().next_back(), text[pos..].chars().next());
        if is_line_break(c) {
            if !stack.is_empty() {
                // End of a paragraph with marks still open: does the next paragraph go on?
                let (cont_at, cont_char) = next_paragraph_start(text, i);
                let keep = match cont_char {
                    Some(k) => stack.iter().rposition(|o| continues(o.marks, k)),
                    None => None,
                };
                match keep {
                    Some(idx) => {
                        stack.truncate(idx + 1);
                        stack[idx].multi_paragraph = true;
                        if let Some(k) = cont_char {
                            if is_mark_char(k) {
                                skip_until = cont_at + k.len_utf8();
                            }
                        }
                    }
                    // A line wrapped inside a quotation (`« Il faut agir,\nvite »`): one line
                    // break, and the next line closes the mark.
                    None if wrapped_line(text, i, cont_at, stack.last().map(|o| o.marks)) => {}
                    None => stack.clear(),
                }
                // What lies before the next paragraph is blank: no need to look at it again.
                skip_until = skip_until.max(cont_at);
            }
            if c == '\n' && stack.is_empty() {
                on_free_break(i);
            }
            continue;
        }
        let Some((marks, role)) = classify(c) else { continue };
        let at = Span::new(i, i + c.len_utf8());
        let open_idx = stack.iter().rposition(|o| o.marks == marks); // bounded by MAX_DEPTH
        let act = match role {
            Role::Open => Act::Open,
            Role::Close => {
                if marks == Marks::CurlySingle {
                    // ’ is the usual apostrophe: it closes only a pair of ‘ ’ that is open,
                    // and only where a word does not go on after it.
                    if open_idx.is_some() && looks_close(around()) {
                        Act::Close
                    } else {
                        Act::Nothing
                    }
                } else if open_idx.is_some() {
                    Act::Close
                } else {
                    Act::Nothing
                }
            }
            Role::CloseOrOpen => {
                if open_idx.is_some() && looks_close(around()) {
                    Act::Close
                } else {
                    Act::Open
                }
            }
            Role::Either => symmetric(marks, open_idx.is_some(), !stack.is_empty(), around()),
        };
        match act {
            // Deeper nesting than this is noise; ignoring it keeps every step bounded.
            Act::Open if stack.len() >= MAX_DEPTH => {}
            Act::Open => {
                stack.push(Open { marks, at, multi_paragraph: false });
            }
            Act::Close => {
                if let Some(idx) = open_idx {
                    let open = &stack[idx];
                    on_pair(open.at, at, marks, open.multi_paragraph);
                    stack.truncate(idx);
                }
            }
            Act::Nothing => {}
        }
    }
}

/// Whether `stack` holds an open pair of single quotes (`‘ ’` or `' '`).
fn any_single_quotes(stack: &[Open]) -> bool {
    stack.iter().any(|o| matches!(o.marks, Marks::CurlySingle | Marks::StraightSingle))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Act {
    Open,
    Close,
    Nothing,
}

/// Decide what a symmetric mark (`"`, `˝`, `'`) does.
fn symmetric(marks: Marks, family_open: bool, any_open: bool, around: Around) -> Act {
    let (o, c) = (looks_open(around), looks_close(around));
    let (prev, _) = around;
    if marks == Marks::StraightSingle {
        // Mostly an apostrophe: a quotation mark only inside other marks, and only where
        // a word neither goes on before nor after it.
        if family_open && c {
            return Act::Close;
        }
        if any_open && o && !matches!(prev, Some(p) if p.is_alphanumeric()) {
            return Act::Open;
        }
        return Act::Nothing;
    }
    if family_open {
        // Nested pairs of the same symmetric mark do not happen in practice: close.
        Act::Close
    } else if o || !c {
        Act::Open
    } else {
        Act::Nothing
    }
}

fn is_mark_char(c: char) -> bool {
    classify(c).is_some()
}

/// Whether the blank run `from..to` holds a single line break and the line after it holds a
/// closing mark of `marks` (each line is read at most twice: linear).
fn wrapped_line(text: &str, from: usize, to: usize, marks: Option<Marks>) -> bool {
    let breaks =
        text[from..to].matches('\n').count().max(usize::from(!text[from..to].contains('\n')));
    if breaks != 1 {
        return false;
    }
    let line = &text[to..];
    let line = &line[..line.find(['\n', '\r']).unwrap_or(line.len())];
    let closers: &[char] = match marks {
        Some(Marks::Guillemets) => &['»'],
        Some(Marks::CurlyDouble) => &['”', '“'],
        Some(Marks::StraightDouble) => &['"'],
        Some(Marks::SingleGuillemets) => &['›'],
        Some(Marks::DoubleAcute) => &['˝'],
        _ => return false,
    };
    line.contains(closers)
}

/// Whether a paragraph starting with `c` carries on an open pair of `marks`.
fn continues(marks: Marks, c: char) -> bool {
    match marks {
        Marks::Guillemets => matches!(c, '«' | '»' | '—' | '–'),
        Marks::CurlyDouble => matches!(c, '“' | '„'),
        Marks::StraightDouble => c == '"',
        Marks::SingleGuillemets => matches!(c, '‹' | '›'),
        _ => false,
    }
}

/// The first non-space character after the line break at `i`, skipping blank lines.
fn next_paragraph_start(text: &str, i: usize) -> (usize, Option<char>) {
    for (j, c) in text[i..].char_indices() {
        if !is_space(c) && !is_line_break(c) {
            return (i + j, Some(c));
        }
    }
    (text.len(), None)
}

fn build_pairs(text: &str, mut found: Vec<(Span, Span, Marks, bool)>) -> Vec<MarkPair> {
    found.sort_by_key(|&(open, close, _, _)| (open.start, std::cmp::Reverse(close.end)));
    let mut pairs: Vec<MarkPair> = pool::take(found.len());
    // Stack of indices of enclosing pairs, to compute depth and parent in one pass.
    let mut enclosing: Vec<usize> = pool::take(0);
    for &(open, close, marks, multi) in &found {
        while let Some(&top) = enclosing.last() {
            if pairs[top].close.end > open.start && pairs[top].close.start >= close.end {
                break;
            }
            enclosing.pop();
        }
        let inner = trim_span(text, Span::new(open.end, close.start));
        pairs.push(MarkPair {
            open,
            close,
            inner,
            marks,
            depth: enclosing.len() as u16,
            parent: enclosing.last().copied(),
            multi_paragraph: multi,
        });
        enclosing.push(pairs.len() - 1);
    }
    pool::give(found);
    pool::give(enclosing);
    pairs
}

/// The spans, marks included, of the quotations no other encloses: where a sentence may not
/// be split.
pub(crate) fn protected(pairs: &[MarkPair]) -> Vec<Span> {
    let mut spans = pool::take(pairs.len());
    spans.extend(pairs.iter().filter(|p| p.depth == 0).map(MarkPair::outer));
    spans
}

/// `span` without the spaces at either end.
pub(crate) fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span];
    let start = span.start + (s.len() - s.trim_start_matches(is_space).len());
    let end = span.end - (s.len() - s.trim_end_matches(is_space).len());
    Span::new(start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one pass over the bytes finds every byte of each set, in order.
    #[test]
    fn stops_are_the_bytes_each_stage_stops_at() {
        let texts = [
            "« Nous viendrons », a déclaré M. Dupont.\r\nIl a ajouté : “C’est fini !”",
            "Il l’a dit… puis « ‹ non › ».\u{2028}Le 3.5 % ? « Oui. »\n\n« Et après »",
            "\"Pas d'accord\", dit-elle. ˝Jamais˝. Aujourd’hui, rien\u{a0}! Ça coûte 5 µs.",
            "",
            "é",
        ];
        for text in texts {
            let stops = Stops::of(text);
            let bytes = text.as_bytes();
            let at = |set: &[u8]| -> Vec<usize> {
                (0..bytes.len()).filter(|&i| set.contains(&bytes[i])).collect()
            };
            assert_eq!(stops.marks, at(MAY_MATTER_BYTES), "{text:?}");
            assert_eq!(stops.ends, at(MAY_END_BYTES), "{text:?}");
        }
    }

    /// The stops passed over while no single quotes are open are no marks, no line breaks,
    /// but for apostrophes in words.
    #[test]
    fn stops_that_matter_only_inside_single_quotes() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            for before in ["", "a", " "] {
                let text = format!("{before}{c}");
                let i = before.len();
                if !MAY_MATTER.contains(text.as_bytes()[i]) {
                    continue;
                }
                if only_inside_single_quotes(text.as_bytes(), i) {
                    let apostrophe = c == '’' || c == '\'' && before == "a";
                    assert!(apostrophe || !is_mark_char(c) && !is_line_break(c), "{text:?}");
                }
            }
        }
    }

    /// Reading only the stops that may matter while no single quotes are open pairs the marks
    /// as reading every stop does.
    #[test]
    fn the_stops_passed_over_change_no_pair() {
        let texts = [
            "« Il m'a dit ‘ l’État ’ et 'aujourd'hui' », puis l’autre. \"C'est 'ça'\" ; ‘x’y’",
            "‹ a’b › « c 'd' e » “f 'g’ h” 'i' ‘ j ’ \u{a0}« k\u{202f}» l'\n\n« m ‘n\n« o’ »",
            "'Début' « l' 'x » ' a ‘ b' c ’ d ‘ e\u{2028}f ’ ˝g˝ „h“ «\u{a0}é'i'\u{a0}»",
        ];
        for text in texts {
            let stops = Stops::of(text);
            let mut every = stops.marks();
            let mut found = Vec::new();
            let next_stop = |from, _| every.at_or_after(from);
            pair_marks(text, next_stop, |o, c, m, x| found.push((o, c, m, x)), |_| {});
            assert_eq!(scan(text), build_pairs(text, found), "{text:?}");
        }
    }

    #[test]
    fn latin_letters_are_alphanumeric_without_the_tables() {
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn the_byte_filter_sees_every_mark_and_line_break() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            if classify(c).is_some() || is_line_break(c) {
                let mut buf = [0; 4];
                assert!(MAY_MATTER.contains(c.encode_utf8(&mut buf).as_bytes()[0]), "{c:?}");
            }
        }
    }

    #[test]
    fn inert_characters_are_no_mark_and_no_line_break() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            if !MAY_MATTER.contains(bytes[0]) {
                continue;
            }
            let inert = !is_mark_char(c) && !is_line_break(c);
            let apostrophe = matches!(c, '\'' | '’');
            assert!(!is_inert(bytes, 0, false) || inert, "{c:?}");
            assert!(!is_inert(bytes, 0, true) || inert || apostrophe, "{c:?}");
            // The common ones are passed over.
            if matches!(c, '\u{a0}' | '—' | '…' | '\u{202f}' | '’' | '\'') {
                assert!(is_inert(bytes, 0, true), "{c:?}");
            }
        }
    }

    #[test]
    fn byte_set_finds_the_first_byte_of_the_set() {
        let set = ByteSet::new(b".\xE2");
        let text = "Une phrase assez longue pour trois pas de huit octets… et la fin. Voilà";
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() {
            let naive =
                bytes[from..].iter().position(|&b| b == b'.' || b == 0xE2).map(|k| from + k);
            assert_eq!(set.find(bytes, from), naive, "from {from}");
        }
        assert_eq!(set.find(bytes, bytes.len() + 1), None);
    }

    fn inners(text: &str) -> Vec<&str> {
        scan(text).iter().map(|p| &text[p.inner]).collect()
    }

    #[test]
    fn guillemets_with_and_without_spaces() {
        let t = "Il a dit « oui » puis «non» et «\u{a0}peut-être\u{202f}».";
        assert_eq!(inners(t), ["oui", "non", "peut-être"]);
        assert!(scan(t).iter().all(|p| p.marks == Marks::Guillemets));
    }

    #[test]
    fn nested_marks_reported_with_depth_and_parent() {
        let t = "« Il m'a dit ˝ Écoutez ˝ et “ non ” », a-t-il raconté.";
        let p = scan(t);
        assert_eq!(p.len(), 3);
        assert_eq!(&t[p[0].inner], "Il m'a dit ˝ Écoutez ˝ et “ non ”");
        assert_eq!(&t[p[1].inner], "Écoutez");
        assert_eq!(p[1].marks, Marks::DoubleAcute);
        assert_eq!((p[1].depth, p[1].parent), (1, Some(0)));
        assert_eq!(&t[p[2].inner], "non");
        assert_eq!(p[2].marks, Marks::CurlyDouble);
    }

    #[test]
    fn straight_quotes_pair_by_position() {
        let t = "\"Ils nous taxent\", a-t-il dit. Il a promis \"très bientôt\" une décision.";
        assert_eq!(inners(t), ["Ils nous taxent", "très bientôt"]);
    }

    #[test]
    fn curly_open_mark_used_as_closer() {
        let t = "“La ministre ne suffit pas à tout“, a fait valoir la présidente.";
        assert_eq!(inners(t), ["La ministre ne suffit pas à tout"]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        let t = "« L’islam et l'État, aujourd’hui » d’après lui.";
        assert_eq!(inners(t), ["L’islam et l'État, aujourd’hui"]);
    }

    #[test]
    fn single_straight_quotes_inside_double_quotes() {
        let t = "\"J'ai dit aux gens 'il faut partir vite'.\" Puis l'homme est sorti.";
        assert_eq!(inners(t), ["J'ai dit aux gens 'il faut partir vite'.", "il faut partir vite"]);
    }

    #[test]
    fn curly_single_inside() {
        let t = "« Il a crié ‘Au secours’ », dit-elle.";
        assert_eq!(inners(t), ["Il a crié ‘Au secours’", "Au secours"]);
    }

    #[test]
    fn quotation_continued_over_paragraphs() {
        let t = "« Premier paragraphe.\n\n« Deuxième paragraphe. »\n\nSuite.";
        let p = scan(t);
        assert_eq!(p.len(), 1);
        assert_eq!(&t[p[0].inner], "Premier paragraphe.\n\n« Deuxième paragraphe.");
        assert!(p[0].multi_paragraph);
    }

    #[test]
    fn quotation_wrapped_over_a_line_break() {
        let t = "« Il faut agir,\nvite », a déclaré Jean Dupont.";
        assert_eq!(inners(t), ["Il faut agir,\nvite"]);
        // A blank line between: a new paragraph, the mark is dropped.
        let t = "« Il faut agir,\n\nvite », a-t-il dit.";
        assert!(inners(t).is_empty());
    }

    #[test]
    fn unbalanced_mark_does_not_swallow_the_text() {
        let t = "Il a dit « oui.\n\nAutre paragraphe « vrai » ici.";
        assert_eq!(inners(t), ["vrai"]);
        let t = "Un » égaré puis « bon ».";
        assert_eq!(inners(t), ["bon"]);
    }

    #[test]
    fn closer_pops_unclosed_inner_marks() {
        let t = "« Il a dit “ peut-être », fin.";
        assert_eq!(inners(t), ["Il a dit “ peut-être"]);
    }

    #[test]
    fn many_unmatched_marks_are_linear_and_empty() {
        let t = "«".repeat(100_000);
        assert!(scan(&t).is_empty());
        let t = "»".repeat(100_000);
        assert!(scan(&t).is_empty());
    }
}
