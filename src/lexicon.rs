//! Closed word classes and first names, from the data files under `src/data/`.
//!
//! Each file is plain text: one entry a line, `#` comments, `[class]` lines that start a
//! class. Entries are compared in a normal form: lowercase, with every apostrophe written `'`.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::token::is_apostrophe;

/// The word classes of `grammar.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Class {
    Determiner,
    Feminine,
    Masculine,
    Title,
    Particle,
    Preposition,
    Conjunction,
    Pronoun,
    Stop,
    Verb,
    NotSource,
}

impl Class {
    fn from_name(name: &str) -> Option<Class> {
        Some(match name {
            "determiner" => Class::Determiner,
            "feminine" => Class::Feminine,
            "masculine" => Class::Masculine,
            "title" => Class::Title,
            "particle" => Class::Particle,
            "preposition" => Class::Preposition,
            "conjunction" => Class::Conjunction,
            "pronoun" => Class::Pronoun,
            "stop" => Class::Stop,
            "verb" => Class::Verb,
            "notsource" => Class::NotSource,
            _ => return None,
        })
    }
}

/// Gender, where a word or a name tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Gender {
    Masculine,
    Feminine,
}

pub(crate) struct Grammar {
    classes: HashMap<Class, HashSet<String>>,
    /// Adverbial phrases, each as its words in normal form, longest first.
    adverbs: Vec<Vec<String>>,
    first_names: HashMap<String, Option<Gender>>,
}

/// Lowercase with `'` for every apostrophe; borrows when nothing changes.
pub(crate) fn normalize(word: &str) -> Cow<'_, str> {
    if word.chars().all(|c| !c.is_uppercase() && !is_apostrophe(c) || c == '\'') {
        return Cow::Borrowed(word);
    }
    Cow::Owned(
        word.chars()
            .flat_map(|c| {
                let c = if is_apostrophe(c) { '\'' } else { c };
                c.to_lowercase()
            })
            .collect(),
    )
}

/// Read a `[class]`-sectioned data file into (class name, entry) pairs.
pub(crate) fn sections(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut current = "";
    data.lines().filter_map(move |line| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name;
            return None;
        }
        Some((current, line))
    })
}

static GRAMMAR: LazyLock<Grammar> = LazyLock::new(|| {
    let mut classes: HashMap<Class, HashSet<String>> = HashMap::new();
    let mut adverbs = Vec::new();
    for (section, entry) in sections(include_str!("data/grammar.txt")) {
        if section == "adverb" {
            adverbs.push(entry.split_whitespace().map(|w| normalize(w).into_owned()).collect());
        } else if let Some(class) = Class::from_name(section) {
            classes.entry(class).or_default().insert(normalize(entry).into_owned());
        }
    }
    adverbs.sort_by_key(|a: &Vec<String>| std::cmp::Reverse(a.len()));
    let mut first_names = HashMap::new();
    for (section, entry) in sections(include_str!("data/first_names.txt")) {
        let gender = match section {
            "feminine" => Some(Gender::Feminine),
            "masculine" => Some(Gender::Masculine),
            _ => None,
        };
        first_names.insert(normalize(entry).into_owned(), gender);
    }
    Grammar { classes, adverbs, first_names }
});

pub(crate) fn grammar() -> &'static Grammar {
    &GRAMMAR
}

impl Grammar {
    /// Whether `word` (any case, any apostrophe) belongs to `class`.
    pub fn is(&self, class: Class, word: &str) -> bool {
        self.classes.get(&class).is_some_and(|set| set.contains(normalize(word).as_ref()))
    }

    /// How many words of an adverbial phrase start `words` (0 when none does).
    pub fn adverb_len<'a>(&self, words: impl Iterator<Item = &'a str> + Clone) -> usize {
        'phrase: for phrase in &self.adverbs {
            let mut it = words.clone();
            for w in phrase {
                match it.next() {
                    Some(x) if normalize(x) == w.as_str() => {}
                    _ => continue 'phrase,
                }
            }
            return phrase.len();
        }
        0
    }

    /// The gender of a first name: `None` when unknown, `Some(None)` when it is either.
    pub fn first_name(&self, word: &str) -> Option<Option<Gender>> {
        // `Jean-Marc` is listed whole; `Marie-Claire` too, else read the first part.
        let n = normalize(word);
        if let Some(g) = self.first_names.get(n.as_ref()) {
            return Some(*g);
        }
        let first = n.split('-').next()?;
        self.first_names.get(first).copied()
    }

    /// The gender a determiner, pronoun or title marks.
    pub fn gender_of(&self, word: &str) -> Option<Gender> {
        if self.is(Class::Feminine, word) {
            Some(Gender::Feminine)
        } else if self.is(Class::Masculine, word) {
            Some(Gender::Masculine)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_load_and_match_any_case_and_apostrophe() {
        let g = grammar();
        assert!(g.is(Class::Determiner, "L’"));
        assert!(g.is(Class::Preposition, "dans"));
        assert!(g.is(Class::Stop, "Selon"));
        assert!(!g.is(Class::Stop, "Poutine"));
        assert_eq!(g.gender_of("Mme"), Some(Gender::Feminine));
        assert_eq!(g.adverb_len(["lui", "aussi", "appelé"].into_iter()), 2);
        assert_eq!(g.adverb_len(["appelé"].into_iter()), 0);
    }

    #[test]
    fn normalize_borrows_when_it_can() {
        assert!(matches!(normalize("déclaré"), Cow::Borrowed(_)));
        assert_eq!(normalize("L’État"), "l'état");
    }
}
