//! Dialogue: quotations that no verb introduces, read from the layout of the text.
//!
//! - A dialogue in marks, one line per turn, each opening with a dash
//!   (`« — Pourquoi ?\n\n— Je ne sais pas. »`): each line is a quotation of its own, and turns
//!   alternate between the speaker the block is given and the person spoken of before it.
//! - An interview written `Name: answer`, question and answer paragraphs in turn: answers are
//!   quotations of the one who answers; the interviewer's questions are not.

use std::collections::HashSet;

use crate::cue::CueForm;
use crate::document::Document;
use crate::lexicon::normalize;
use crate::mention::{Mention, MentionKind, mention_at};
use crate::scan::{MarkPair, is_space, trim_span};
use crate::span::Span;
use crate::speaker::{speaker_of_cue, subject_after};

/// The turns of a dialogue block, or `None` when the pair is not one: `(span, turn index)`.
/// Turns with no words (`— …`) count in the alternation but are not returned.
pub(crate) fn dialogue_turns(doc: &Document, pair: &MarkPair) -> Option<Vec<(Span, usize)>> {
    if !pair.multi_paragraph || !starts_with_dash(&doc.text[pair.inner]) {
        return None;
    }
    let mut turns = Vec::new();
    let mut turn = 0;
    let mut line_start = pair.inner.start;
    let inner_end = pair.inner.end;
    while line_start < inner_end {
        let rest = &doc.text[line_start..inner_end];
        let line_len = line_end(rest);
        let line = Span::new(line_start, line_start + line_len);
        line_start = line.end + 1;
        let text = doc.text[line].trim_start_matches(is_space);
        if text.is_empty() {
            continue;
        }
        if !starts_with_dash(text) {
            return None;
        }
        let body_start = line.end - text.len() + text.chars().next().map_or(0, char::len_utf8);
        let body =
            without_stage_direction(doc, trim_span(doc.text, Span::new(body_start, line.end)));
        if doc.text[body].chars().any(char::is_alphanumeric) {
            turns.push((body, turn));
        }
        turn += 1;
    }
    (turns.len() >= 2).then_some(turns)
}

/// Where the first line of `s` ends: at its first `\n` or `\r`, or at its end. (Each is looked
/// for by `memchr`, which reads a word at a time, where a search for either reads a character
/// at a time: answers run on for hundreds of bytes.)
fn line_end(s: &str) -> usize {
    let newline = s.find('\n').unwrap_or(s.len());
    s[..newline].find('\r').unwrap_or(newline)
}

fn starts_with_dash(s: &str) -> bool {
    s.trim_start_matches(is_space).starts_with(['—', '–'])
        || s.trim_start_matches(is_space).starts_with("- ")
}

/// `Euh… (il semble articuler)` → `Euh…`: a closing parenthesis is the writer's, not the speaker's.
fn without_stage_direction(doc: &Document, span: Span) -> Span {
    let s = &doc.text[span];
    if s.ends_with(')') {
        if let Some(open) = s.rfind('(') {
            if open > 0 {
                return trim_span(doc.text, Span::new(span.start, span.start + open));
            }
        }
    }
    span
}

/// `Jean Dupont:` or `JD :` at the start of a line: up to four capitalised words and a colon.
fn speaker_label(doc: &Document, i: usize) -> Option<Mention> {
    let t = doc.t;
    let mut k = i;
    while k < t.len() && k - i < 4 && (t.is_capitalized(k) || (k > i && t.is_punct(k, '.'))) {
        k += 1;
    }
    if k == i || !t.is_punct(k, ':') {
        return None;
    }
    if let Some(m) = mention_at(t, i, k).filter(|m| m.kind == MentionKind::Name && m.end == k) {
        return Some(m);
    }
    let span = Span::new(t.span(i).start, t.span(k - 1).end);
    Some(Mention {
        span,
        kind: MentionKind::Name,
        gender: None,
        plural: false,
        name: Some(span),
        first: i,
        end: k,
    })
}

/// One answer of an interview.
pub(crate) struct Answer {
    pub span: Span,
    pub speaker: Mention,
}

/// The answers of an interview laid out as `Name: text` paragraphs. Needs at least two
/// such paragraphs by two people; the one who asks questions is the interviewer.
pub(crate) fn interview(doc: &Document) -> Vec<Answer> {
    let t = doc.t;
    let mut lines: Vec<(Mention, Span, bool)> = Vec::new();
    for i in t.line_starts() {
        if !t.is_word(i) || doc.quoted(i) {
            continue;
        }
        let Some(m) = speaker_label(doc, i) else { continue };
        let start = t.span(m.end).end;
        let rest = &doc.text[start..];
        let end = start + line_end(rest);
        let body = trim_span(doc.text, Span::new(start, end));
        let text = &doc.text[body];
        // A line that opens with marks is read by the quotation path (`Larcher : « … »`).
        if text.is_empty() || text.starts_with(['«', '"', '“', '‹', '˝']) {
            continue;
        }
        let question = text.trim_end_matches(is_space).ends_with('?');
        lines.push((m, body, question));
    }
    // (Most texts have no labelled line, or one: no set is built for them.)
    if lines.len() < 2 {
        return Vec::new();
    }
    let key = |m: &Mention| normalize(&doc.text[m.span]).into_owned();
    // Sets, not lists: an interview may have thousands of lines.
    let people: HashSet<String> = lines.iter().map(|l| key(&l.0)).collect();
    if people.len() < 2 {
        return Vec::new();
    }
    let askers: HashSet<String> = lines.iter().filter(|l| l.2).map(|l| key(&l.0)).collect();
    lines
        .into_iter()
        .filter(|(m, _, question)| !question && !askers.contains(&key(m)))
        .map(|(speaker, span, _)| Answer { span, speaker })
        .collect()
}

/// One turn of a dialogue written as dash lines, outside marks.
pub(crate) struct Turn {
    pub span: Span,
    pub cue: Option<usize>,
    pub speaker: Option<Mention>,
}

/// Dialogue written one turn a line, each opening with a dash (`— Nous partons, dit-il.`):
/// two such lines in a row at least. A turn's speaker is its incise's (`dit-il`), or that of
/// the turn before the last, as turns alternate.
pub(crate) fn dash_turns(doc: &Document) -> Vec<Turn> {
    let t = doc.t;
    let mut groups: Vec<Vec<Span>> = Vec::new();
    let mut current: Vec<Span> = Vec::new();
    // Only the first token of a line matters.
    for i in t.line_starts() {
        let dash = t.is_punct(i, '—') || t.is_punct(i, '–');
        if !dash || doc.quoted(i) {
            if !current.is_empty() && !t.is_break(i) {
                groups.push(std::mem::take(&mut current));
            }
            continue;
        }
        let end = (i + 1..t.len()).find(|&k| t.is_break(k)).unwrap_or(t.len());
        if end > i + 1 {
            current.push(Span::new(t.span(i + 1).start, t.span(end - 1).end));
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }
    let mut out: Vec<Turn> = Vec::new();
    for lines in groups.into_iter().filter(|g| g.len() >= 2) {
        let first = out.len();
        for line in lines {
            let (span, cue, speaker) = turn_of_line(doc, line);
            if !doc.text[span].chars().any(char::is_alphanumeric) {
                continue;
            }
            // Turns alternate: without an incise, the speaker of the turn before the last.
            let speaker = speaker.or_else(|| {
                let k = out.len();
                (k >= first + 2).then(|| out[k - 2].speaker).flatten()
            });
            out.push(Turn { span, cue, speaker });
        }
    }
    out
}

/// A dash line's quotation, incise and speaker: `Nous partons demain, dit-il.` → the words
/// before the incise; `Oui, dit-elle, nous partons.` → the whole line, incise included.
fn turn_of_line(doc: &Document, line: Span) -> (Span, Option<usize>, Option<Mention>) {
    let t = doc.t;
    let body = trim_span(doc.text, line);
    for c in doc.cues_in(body) {
        let cue = &doc.cues[c];
        let i = doc.tok_cue_start(c);
        let after_words = i > 0 && [",", "?", "!", "…"].iter().any(|p| t.str(i - 1) == *p);
        if !after_words {
            continue;
        }
        let speaker = match cue.form {
            CueForm::Inverted => speaker_of_cue(doc, c),
            CueForm::Finite => subject_after(doc, c),
            _ => None,
        };
        let Some(speaker) = speaker else { continue };
        let after = if cue.form == CueForm::Inverted { doc.tok_cue_end(c) } else { speaker.end };
        let goes_on =
            t.is_punct(after, ',') && t.span(after).end < body.end && t.is_word(after + 1);
        let span = if goes_on {
            body
        } else {
            trim_span(doc.text, Span::new(body.start, t.span(i - 1).start))
        };
        return (span, Some(c), Some(speaker));
    }
    (body, None, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_ends_at_its_first_line_break() {
        for s in ["", "abc", "a\nb\rc", "a\rb\nc", "\n", "\r\n", "é\u{2028}x\r", "ab\n\r"] {
            assert_eq!(line_end(s), s.find(['\n', '\r']).unwrap_or(s.len()), "{s:?}");
        }
    }
}
