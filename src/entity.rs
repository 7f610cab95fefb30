//! The entity table: who is quoted in a text, under which names, how often.

use crate::quote::{Quote, Resolution};

/// Someone (or some institution, or some document) quoted in a text.
///
/// ```
/// let text = "« Nous viendrons », a déclaré Anne Petit. « Sans faute », a-t-elle ajouté. \
///             Le maire, Paul Girard, a promis « une fête ».";
/// let analysis = guillemet::analyze(text);
/// let anne = &analysis.entities[0];
/// assert_eq!(anne.name, "Anne Petit");
/// assert_eq!(anne.quotes.len(), 2);
/// assert_eq!(anne.mentions, ["Anne Petit"]); // pronouns are not listed
/// assert_eq!(analysis.entities[1].name, "Paul Girard");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Entity<'h> {
    /// The fullest name the text gives (`Vladimir Poutine`), or the description it is known by
    /// (`un porte-parole du ministère`).
    pub name: &'h str,
    /// The mentions that speak for it, as written and without repeats (`Poutine`,
    /// `le dirigeant russe`); pronouns are left out.
    pub mentions: Vec<&'h str>,
    /// The indices, in [`Analysis::quotes`], of its quotations.
    pub quotes: Vec<usize>,
}

/// Everything [`analyze`](crate::analyze) finds in a text: the quotations, and who is quoted.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Analysis<'h> {
    /// The quotations, as [`extract_quotes`](crate::extract_quotes) returns them.
    pub quotes: Vec<Quote<'h>>,
    /// The speakers of those quotations, the most quoted first (ties: first quoted first).
    pub entities: Vec<Entity<'h>>,
}

/// The key two names are the same entity by: case, accents of capitals and spacing aside.
fn key(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Group the quotations by the entity their speaker resolves to.
pub(crate) fn entities<'h>(quotes: &[Quote<'h>]) -> Vec<Entity<'h>> {
    let mut table: Vec<Entity<'h>> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (q, quote) in quotes.iter().enumerate() {
        let Some(speaker) = &quote.speaker else { continue };
        let e = *index.entry(key(speaker.name)).or_insert_with(|| {
            table.push(Entity { name: speaker.name, mentions: Vec::new(), quotes: Vec::new() });
            table.len() - 1
        });
        let entity = &mut table[e];
        entity.quotes.push(q);
        let as_written = !matches!(speaker.resolution, Resolution::Pronoun | Resolution::Context);
        if as_written && !entity.mentions.iter().any(|m| key(m) == key(speaker.text)) {
            entity.mentions.push(speaker.text);
        }
    }
    // Most quoted first; the sort is stable, so ties keep the order of first quotation.
    table.sort_by_key(|e| std::cmp::Reverse(e.quotes.len()));
    table
}
