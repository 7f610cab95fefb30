//! A self-contained HTML page showing the quotes `guillemet` finds in one text: each quote
//! highlighted in its speaker's colour, the cue underlined, the speaker mention outlined,
//! details on hover, and a table of who is quoted how often. Used by the `highlight` example.
//!
//! Spans may nest (a quote inside a quote, the incise cue and its pronoun inside the quote)
//! or even cross. The markup is built from a sorted list of open and close events: an element
//! that must close while others opened after it are still open closes them first and opens
//! them again after, so the tags always balance. Paragraphs (runs of line breaks) become
//! `<p>` elements the same way: the open spans close before the break and reopen after it.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use guillemet::{Quote, QuoteKind, Span};

/// The kinds as table columns, in order.
const KINDS: [QuoteKind; 3] = [QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Indirect];

const STYLE: &str = "
body { font: 17px/1.6 Georgia, 'Times New Roman', serif; max-width: 46em; margin: 2em auto;
       padding: 0 1em; color: #222; background: #fdfdfb; }
h1 { font-size: 1.3em; font-family: sans-serif; }
.article p { margin: 0 0 0.8em; }
.q { background: var(--bg); border-radius: 3px; padding: 1px 0;
     -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.q .q { padding: 1px 2px; box-shadow: 0 0 0 1px var(--fg); }
.q-partial { background: linear-gradient(var(--bg), var(--bg)) 0 100% / 100% 55% no-repeat; }
.q-indirect { background: none; border-bottom: 3px dotted var(--fg); }
.cue { text-decoration: underline 2px; text-underline-offset: 3px; font-style: italic; }
.mention { outline: 1.5px solid var(--fg); outline-offset: 1px; border-radius: 2px; }
.unknown { --bg: #e6e6e6; --fg: #777; }
table { border-collapse: collapse; font-family: sans-serif; font-size: 0.9em; margin: 2em 0; }
th, td { padding: 0.3em 0.8em; border-bottom: 1px solid #ddd; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.5em;
          vertical-align: -0.1em; background: var(--bg); border: 1px solid var(--fg); }
.legend { font-family: sans-serif; font-size: 0.85em; color: #555; }
";

/// The whole page for `text` and its `quotes`, titled `title`.
pub fn page(title: &str, text: &str, quotes: &[Quote<'_>]) -> String {
    let speakers = Speakers::new(quotes);
    let mut out = String::with_capacity(text.len() * 2 + 4096);
    out.push_str("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    out.push_str("<style>");
    out.push_str(STYLE);
    for (i, speaker) in speakers.list.iter().enumerate() {
        let hue = hue(speaker.name);
        let _ = writeln!(out, ".s{i} {{ --bg: hsl({hue} 80% 86%); --fg: hsl({hue} 65% 32%); }}");
    }
    out.push_str("</style>\n</head>\n<body>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(title));
    out.push_str(
        "<p class=\"legend\">Highlighted: quotes, in their speaker's colour (direct: filled, \
         partial: half-filled, indirect: dotted underline). <span class=\"cue\">Underlined</span>: \
         the cue. Outlined: the speaker mention. Hover over a quote for details.</p>\n",
    );
    out.push_str("<div class=\"article\">\n");
    article(&mut out, text, &elements(text, quotes, &speakers));
    out.push_str("</div>\n");
    table(&mut out, &speakers);
    out.push_str("</body>\n</html>\n");
    out
}

/// The speakers quoted, by name, with their quote counts, most quoted first.
struct Speakers<'h> {
    list: Vec<SpeakerRow<'h>>,
    index: HashMap<&'h str, usize>,
    /// Quotes by kind with no speaker.
    unknown: [usize; 3],
}

struct SpeakerRow<'h> {
    name: &'h str,
    by_kind: [usize; 3],
}

impl<'h> Speakers<'h> {
    fn new(quotes: &[Quote<'h>]) -> Speakers<'h> {
        let mut counts: HashMap<&'h str, [usize; 3]> = HashMap::new();
        let mut unknown = [0; 3];
        for quote in quotes {
            let column = kind_column(quote.kind);
            match &quote.speaker {
                Some(speaker) => counts.entry(speaker.name).or_default()[column] += 1,
                None => unknown[column] += 1,
            }
        }
        let mut list: Vec<SpeakerRow<'h>> =
            counts.into_iter().map(|(name, by_kind)| SpeakerRow { name, by_kind }).collect();
        list.sort_by(|a, b| {
            let total = |r: &SpeakerRow<'_>| r.by_kind.iter().sum::<usize>();
            total(b).cmp(&total(a)).then(a.name.cmp(b.name))
        });
        let index = list.iter().enumerate().map(|(i, row)| (row.name, i)).collect();
        Speakers { list, index, unknown }
    }

    /// The CSS class that gives `name`'s colours.
    fn class(&self, name: Option<&str>) -> String {
        match name.and_then(|n| self.index.get(n)) {
            Some(i) => format!("s{i}"),
            None => "unknown".to_string(),
        }
    }
}

fn kind_column(kind: QuoteKind) -> usize {
    KINDS.iter().position(|k| *k == kind).unwrap_or(0)
}

/// A stable hue (0..360) for a name: FNV-1a, so it is the same on every run and page.
fn hue(name: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in name.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    // Spread by the golden angle so that close hashes still give distinct colours.
    (hash % 1009) * 137 % 360
}

/// One span of markup: `<span …>` at `start`, `</span>` at `end`.
struct Element {
    start: usize,
    end: usize,
    /// Outer before inner when two start together: quotes, then cues, then mentions.
    rank: u8,
    open: String,
}

/// The elements to draw: every quote, and each distinct cue and speaker mention once.
fn elements(text: &str, quotes: &[Quote<'_>], speakers: &Speakers<'_>) -> Vec<Element> {
    let mut elements = Vec::new();
    let mut cues = BTreeSet::new();
    let mut mentions = BTreeSet::new();
    for quote in quotes {
        let name = quote.speaker.as_ref().map(|s| s.name);
        let class = speakers.class(name);
        let title = quote_title(quote);
        let kind = quote.kind.as_str();
        let open = format!("<span class=\"q q-{kind} {class}\" title=\"{}\">", escape(&title));
        elements.push(Element { start: quote.span.start, end: quote.span.end, rank: 0, open });
        if let Some(cue) = quote.cue.filter(|c| cues.insert((c.span.start, c.span.end))) {
            let open = format!("<span class=\"cue\" title=\"cue: {}\">", escape(cue.text));
            elements.push(Element { start: cue.span.start, end: cue.span.end, rank: 1, open });
        }
        let speaker = quote.speaker.as_ref();
        if let Some(speaker) = speaker.filter(|s| mentions.insert((s.span.start, s.span.end))) {
            let open = format!(
                "<span class=\"mention {class}\" title=\"speaker: {}\">",
                escape(&mention(speaker.text, speaker.name))
            );
            let span = speaker.span;
            elements.push(Element { start: span.start, end: span.end, rank: 2, open });
        }
    }
    // Offsets off a char boundary or out of range (never returned by the crate, but the page
    // must not panic on them) move to the next boundary; empty elements are dropped.
    for element in &mut elements {
        element.start = boundary(text, element.start);
        element.end = boundary(text, element.end);
    }
    elements.retain(|e| e.start < e.end);
    elements.sort_by(|a, b| (a.start, b.end, a.rank).cmp(&(b.start, a.end, b.rank)));
    elements
}

/// `direct quote`, then the speaker and the cue, one a line.
fn quote_title(quote: &Quote<'_>) -> String {
    let speaker = match &quote.speaker {
        Some(s) => format!("{} ({})", mention(s.text, s.name), s.resolution.as_str()),
        None => "unknown".to_string(),
    };
    let cue = quote.cue.map_or("none", |c| c.text);
    format!("{} quote\nspeaker: {speaker}\ncue: {cue}", quote.kind.as_str())
}

/// `il → Marc Delorme`, or the name alone when the mention is the name.
fn mention(text: &str, name: &str) -> String {
    if text == name { name.to_string() } else { format!("{text} → {name}") }
}

/// The first char boundary of `text` at or after `offset` (at most `text.len()`).
fn boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

/// The paragraph breaks of `text`: runs of white space (no-break spaces included) that hold
/// a `\n`.
fn breaks(text: &str) -> Vec<Span> {
    let mut breaks = Vec::new();
    let mut run: Option<(usize, bool)> = None; // (start, holds a line break)
    for (i, c) in text.char_indices().chain([(text.len(), 'x')]) {
        if c.is_whitespace() {
            let (start, newline) = run.unwrap_or((i, false));
            run = Some((start, newline || c == '\n'));
        } else if let Some((start, newline)) = run.take() {
            if newline {
                breaks.push(Span::new(start, i));
            }
        }
    }
    breaks
}

/// The article's paragraphs with the elements' markup, appended to `out`.
fn article(out: &mut String, text: &str, elements: &[Element]) {
    let breaks = breaks(text);
    // An element edge inside a break moves out of it: a start to after, an end to before.
    let mut edges: Vec<(usize, usize)> = Vec::with_capacity(elements.len()); // (start, end)
    for element in elements {
        // Breaks are sorted and disjoint: the one that may hold `offset` is the last to start
        // at or before it.
        let at = |offset: usize| {
            let after = breaks.partition_point(|b| b.start <= offset);
            breaks[..after].last().filter(|b| offset <= b.end)
        };
        let start =
            at(element.start).filter(|b| element.start < b.end).map_or(element.start, |b| b.end);
        let end =
            at(element.end).filter(|b| b.start < element.end).map_or(element.end, |b| b.start);
        edges.push((start, end));
    }
    let mut points: BTreeSet<usize> = edges.iter().flat_map(|&(s, e)| [s, e]).collect();
    points.extend(breaks.iter().map(|b| b.start));
    points.insert(text.len());

    // Elements are already sorted in opening order; `opens` walks them.
    let mut order: Vec<usize> = (0..elements.len()).filter(|&i| edges[i].0 < edges[i].1).collect();
    order.sort_by_key(|&i| edges[i].0); // stable: keeps the outer-first order of equal starts
    let mut opens = order.into_iter().peekable();
    let mut stack: Vec<usize> = Vec::new();
    let mut next_break = breaks.iter().peekable();
    let mut pos = 0;
    out.push_str("<p>");
    for point in points {
        if point < pos {
            continue; // inside a break already passed
        }
        escape_into(out, &text[pos..point], false);
        pos = point;
        // Close what ends here; what was opened after it and goes on is closed and reopened.
        if let Some(lowest) = stack.iter().position(|&i| edges[i].1 == point) {
            let above = stack.split_off(lowest);
            for _ in &above {
                out.push_str("</span>");
            }
            for i in above.into_iter().filter(|&i| edges[i].1 != point) {
                out.push_str(&elements[i].open);
                stack.push(i);
            }
        }
        if let Some(b) = next_break.next_if(|b| b.start == point) {
            if b.start > 0 && b.end < text.len() {
                for _ in &stack {
                    out.push_str("</span>");
                }
                out.push_str("</p>\n<p>");
                for &i in &stack {
                    out.push_str(&elements[i].open);
                }
            }
            pos = b.end;
        }
        while let Some(i) = opens.next_if(|&i| edges[i].0 == pos) {
            out.push_str(&elements[i].open);
            stack.push(i);
        }
    }
    for _ in &stack {
        out.push_str("</span>"); // nothing should be left open; close it all the same
    }
    out.push_str("</p>\n");
}

/// The table of who is quoted how often.
fn table(out: &mut String, speakers: &Speakers<'_>) {
    out.push_str("<table class=\"speakers\">\n<thead><tr><th>Speaker</th><th>Quotes</th>");
    for kind in KINDS {
        let _ = write!(out, "<th>{}</th>", kind.as_str());
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let mut row = |name: &str, class: &str, counts: &[usize; 3]| {
        let total: usize = counts.iter().sum();
        let _ = write!(
            out,
            "<tr><td><span class=\"swatch {class}\"></span>{}</td><td>{total}</td>",
            escape(name)
        );
        for count in counts {
            let _ = write!(out, "<td>{count}</td>");
        }
        out.push_str("</tr>\n");
    };
    for (i, speaker) in speakers.list.iter().enumerate() {
        row(speaker.name, &format!("s{i}"), &speaker.by_kind);
    }
    if speakers.unknown.iter().any(|&n| n > 0) {
        row("(no speaker found)", "unknown", &speakers.unknown);
    }
    out.push_str("</tbody>\n</table>\n");
}

/// `text` with `&`, `<`, `>`, `"`, `'` and line breaks escaped, for attribute values (and
/// element content).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text, true);
    out
}

/// Appends `text` to `out` with `&`, `<` and `>` escaped, and also `"`, `'` and `\n` if
/// `attribute`.
fn escape_into(out: &mut String, text: &str, attribute: bool) {
    let mut last = 0;
    for (i, c) in text.char_indices() {
        let entity = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' if attribute => "&quot;",
            '\'' if attribute => "&#39;",
            '\n' if attribute => "&#10;",
            _ => continue,
        };
        out.push_str(&text[last..i]);
        out.push_str(entity);
        last = i + c.len_utf8();
    }
    out.push_str(&text[last..]);
}
