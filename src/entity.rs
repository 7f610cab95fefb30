//! The entity table: who is quoted in a text, under which names, how often.

use std::collections::{HashMap, HashSet};

use crate::lexicon::normalize_into;
use crate::quote::{Quote, Resolution};
use crate::scan::is_space;

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

/// The key two names are the same entity by: their words' normal forms (case, apostrophes,
/// decomposed accents aside), joined by single spaces, whatever the spacing.
fn key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name.split(is_space).filter(|w| !w.is_empty()) {
        if !key.is_empty() {
            key.push(' ');
        }
        normalize_into(word, &mut key);
    }
    key
}

/// Group the quotations by the entity their speaker resolves to.
pub(crate) fn entities<'h>(quotes: &[Quote<'h>]) -> Vec<Entity<'h>> {
    let mut table: Vec<Entity<'h>> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    // The keys of each entity's mentions, to list each mention once.
    let mut mention_keys: Vec<HashSet<String>> = Vec::new();
    for (q, quote) in quotes.iter().enumerate() {
        let Some(speaker) = &quote.speaker else { continue };
        let e = *index.entry(key(speaker.name)).or_insert_with(|| {
            table.push(Entity { name: speaker.name, mentions: Vec::new(), quotes: Vec::new() });
            mention_keys.push(HashSet::new());
            table.len() - 1
        });
        let entity = &mut table[e];
        entity.quotes.push(q);
        let as_written = !matches!(speaker.resolution, Resolution::Pronoun | Resolution::Context);
        if as_written && mention_keys[e].insert(key(speaker.text)) {
            entity.mentions.push(speaker.text);
        }
    }
    // Most quoted first; the sort is stable, so ties keep the order of first quotation.
    table.sort_by_key(|e| std::cmp::Reverse(e.quotes.len()));
    table
}
