//! Resolve: tie each speaker mention to the fullest name the document gives for it.
//!
//! - a name or a title + surname → the longest name in the document that ends (or starts) with
//!   the same words: `Poutine`, `M. Poutine` → `Vladimir Poutine`;
//! - a description → the name the text ties it to (`le président russe Vladimir Poutine`,
//!   `le ministre, Jean Dupont,`, `Jean Dupont, le ministre,`), also when a later mention
//!   shortens it (`la ministre-présidente` after `La ministre-présidente de la région, X`);
//!   else the description as written;
//! - a pronoun or a demonstrative (`il`, `-t-elle`, `selon lui`, `ce dernier`) → the most
//!   recent subject or speaker of compatible gender and number, outside quotations.

use crate::document::Document;
use crate::lexicon::{Class, Gender, grammar, normalize};
use crate::mention::{Mention, MentionKind, mention_at};
use crate::quote::Resolution;
use crate::scan::is_space;
use crate::span::Span;
use crate::speaker::with_apposition;

/// What a mention resolved to.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Resolved<'h> {
    pub name: &'h str,
    pub how: Resolution,
    gender: Option<Gender>,
    plural: bool,
}

/// A name found in the document.
struct Name {
    span: Span,
    words: Vec<String>,
    quoted: bool,
}

/// A description tied to a name.
struct Tie {
    words: Vec<String>,
    name: Span,
}

/// Something a later pronoun may point back to.
#[derive(Clone, Copy)]
struct Antecedent<'h> {
    at: usize,
    resolved: Resolved<'h>,
}

pub(crate) struct Resolver<'a, 'b, 'h> {
    doc: &'a Document<'b, 'h>,
    names: Vec<Name>,
    ties: Vec<Tie>,
    /// Sentence subjects, by position: what pronouns point back to.
    subjects: Vec<Mention>,
    /// How many of `subjects` have been resolved.
    next_subject: usize,
    history: Vec<Antecedent<'h>>,
}

fn words_of(s: &str) -> Vec<String> {
    s.split(|c: char| is_space(c) || c == '-')
        .filter(|w| !w.is_empty())
        .map(|w| normalize(w).into_owned())
        .collect()
}

impl<'a, 'b, 'h> Resolver<'a, 'b, 'h> {
    pub fn new(doc: &'a Document<'b, 'h>, subjects: Vec<Mention>) -> Self {
        let t = doc.t;
        let mut names = Vec::new();
        let mut ties = Vec::new();
        let mut i = 0;
        while i < t.len() {
            let Some(m) = (t.is_word(i)).then(|| mention_at(t, i, t.len())).flatten() else {
                i += 1;
                continue;
            };
            match m.kind {
                MentionKind::Name => {
                    if let Some(n) = m.name {
                        names.push(Name {
                            span: n,
                            words: words_of(&doc.text[n]),
                            quoted: doc.enclosing[i].is_some(),
                        });
                        // `Jean Dupont, le ministre de …,`
                        if t.is_punct(m.end, ',') {
                            if let Some(d) = mention_at(t, m.end + 1, t.len()) {
                                if d.kind == MentionKind::Description && d.name.is_none() {
                                    ties.push(Tie { words: words_of(&doc.text[d.span]), name: n });
                                }
                            }
                        }
                    }
                }
                MentionKind::Description | MentionKind::Demonstrative => {
                    // `le ministre Jean Dupont`, `le ministre, Jean Dupont,`
                    let attached = m.name.or_else(|| with_apposition(doc, m).name);
                    if let Some(n) = attached {
                        let desc_end = if m.name.is_some() { n.start } else { m.span.end };
                        ties.push(Tie {
                            words: words_of(&doc.text[m.span.start..desc_end]),
                            name: n,
                        });
                        names.push(Name {
                            span: n,
                            words: words_of(&doc.text[n]),
                            quoted: doc.enclosing[i].is_some(),
                        });
                    }
                }
                _ => {}
            }
            i = m.end.max(i + 1);
        }
        Resolver { doc, names, ties, subjects, next_subject: 0, history: Vec::new() }
    }

    /// The fullest name whose words end or start with those of `name`.
    fn fullest(&self, name: Span) -> &'h str {
        let text = self.doc.text;
        let words = words_of(&text[name]);
        if words.is_empty() {
            return &text[name];
        }
        let mut best: Option<&Name> = None;
        for n in &self.names {
            let fits = n.words.len() >= words.len()
                && (n.words.ends_with(&words) || n.words.starts_with(&words));
            if !fits {
                continue;
            }
            let better = match best {
                None => true,
                Some(b) => (n.words.len(), !n.quoted) > (b.words.len(), !b.quoted),
            };
            if better {
                best = Some(n);
            }
        }
        best.map_or(&text[name], |n| &text[n.span])
    }

    fn gender_of_name(&self, name: &str) -> Option<Gender> {
        let first = name.split(|c: char| is_space(c)).next()?;
        grammar().first_name(first).flatten()
    }

    /// Resolve every sentence subject and speaker up to `at`, in order, so that pronouns
    /// can point back to them.
    fn advance(&mut self, at: usize) {
        while let Some(&m) = self.subjects.get(self.next_subject) {
            if m.span.start >= at {
                break;
            }
            self.next_subject += 1;
            let r = self.resolve_now(&m);
            self.remember(m.span.start, r);
        }
    }

    /// Keep `history` sorted by position: a speaker found after its quotation may come
    /// before subjects already remembered.
    fn remember(&mut self, at: usize, r: Resolved<'h>) {
        let i = self.history.partition_point(|h| h.at < at);
        if self.history.get(i).is_some_and(|h| h.at == at) {
            return;
        }
        self.history.insert(i, Antecedent { at, resolved: r });
    }

    /// Resolve the speaker mention of a quotation.
    pub fn resolve(&mut self, m: &Mention) -> Resolved<'h> {
        self.advance(m.span.start);
        let r = self.resolve_now(m);
        self.remember(m.span.start, r);
        r
    }

    fn resolve_now(&self, m: &Mention) -> Resolved<'h> {
        let text = self.doc.text;
        let as_written = Resolved {
            name: &text[m.span],
            how: Resolution::Description,
            gender: m.gender,
            plural: m.plural,
        };
        match m.kind {
            MentionKind::Name => {
                let name = m.name.unwrap_or(m.span);
                let full = self.fullest(name);
                let how = if full.len() == text[m.span].len() {
                    Resolution::Named
                } else {
                    Resolution::Alias
                };
                Resolved {
                    name: full,
                    how,
                    gender: m.gender.or_else(|| self.gender_of_name(full)),
                    plural: false,
                }
            }
            MentionKind::Description | MentionKind::Relative => {
                if let Some(n) = m.name {
                    let full = self.fullest(n);
                    return Resolved {
                        name: full,
                        how: Resolution::Description,
                        gender: m.gender.or_else(|| self.gender_of_name(full)),
                        plural: m.plural,
                    };
                }
                let words = words_of(&text[m.span]);
                // The latest tie made before the mention: `le ministre` is the minister
                // named last.
                let tie = self
                    .ties
                    .iter()
                    .rev()
                    .filter(|t| t.name.start < m.span.start)
                    .find(|t| t.words.starts_with(&words) && words.len() >= 2);
                match tie {
                    Some(t) => Resolved {
                        name: self.fullest(t.name),
                        how: Resolution::Description,
                        gender: m.gender,
                        plural: m.plural,
                    },
                    None => as_written,
                }
            }
            MentionKind::Pronoun | MentionKind::Demonstrative => {
                let quoted =
                    self.doc.enclosing.get(self.doc.t.at_or_after(m.span.start)).copied().flatten();
                if let Some(q) = quoted {
                    if let Some(r) = self.antecedent_in_quote(m, q as usize) {
                        return r;
                    }
                }
                self.antecedent(m).map_or(
                    Resolved { how: Resolution::Pronoun, ..as_written },
                    |a| Resolved { how: Resolution::Pronoun, gender: a.gender.or(m.gender), ..a },
                )
            }
            MentionKind::FirstPerson => as_written,
        }
    }

    fn compatible(m: &Mention, r: &Resolved) -> bool {
        let is_on = m.kind == MentionKind::Pronoun && m.gender.is_none() && !m.plural;
        if is_on {
            return true;
        }
        let gender_ok = match (m.gender, r.gender) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        gender_ok && (m.plural == r.plural || m.kind == MentionKind::Demonstrative)
    }

    fn antecedent(&self, m: &Mention) -> Option<Resolved<'h>> {
        self.history
            .iter()
            .rev()
            .filter(|a| a.at < m.span.start)
            .map(|a| a.resolved)
            .find(|r| Self::compatible(m, r) && !is_pronoun_text(r.name))
    }

    /// Inside a quotation, `il` points to a name said earlier in it.
    fn antecedent_in_quote(&self, m: &Mention, q: usize) -> Option<Resolved<'h>> {
        let inner = self.doc.pairs[q].inner;
        self.names
            .iter()
            .rev()
            .filter(|n| n.span.start >= inner.start && n.span.end <= m.span.start)
            .map(|n| Resolved {
                name: self.fullest(n.span),
                how: Resolution::Pronoun,
                gender: self.gender_of_name(&self.doc.text[n.span]),
                plural: false,
            })
            .find(|r| Self::compatible(m, r))
    }
}

fn is_pronoun_text(s: &str) -> bool {
    grammar().is(Class::Pronoun, s.trim())
}
