//! Mention: who could be speaking — names, descriptions, pronouns — read from the tokens.

use crate::lexicon::{Class, Gender};
use crate::span::Span;
use crate::token::{DOTTED, MENTION_START, Tokens};

/// What sort of phrase a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MentionKind {
    /// A proper name, with its title if any: `Vladimir Poutine`, `M. Valls`, `Alexandre T.`.
    Name,
    /// A noun phrase: `le dirigeant russe`, `la Banque mondiale`, `le président russe Vladimir Poutine`.
    Description,
    /// `il`, `elle`, `ils`, `on`, `lui` ...
    Pronoun,
    /// `ce dernier`, `celle-ci`, `cet homme`: points back to the last one spoken of.
    Demonstrative,
    /// `qui` after a noun phrase.
    Relative,
    /// `je`, `j'` (inside quotations: the quoted speaker).
    FirstPerson,
}

/// One mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mention {
    pub span: Span,
    pub kind: MentionKind,
    pub gender: Option<Gender>,
    pub plural: bool,
    /// The proper name the mention holds: all of it for a name (title left out), the name
    /// attached to a description (`Vladimir Poutine` in `le président russe Vladimir Poutine`).
    pub name: Option<Span>,
    /// Tokens `first..end` it covers.
    pub first: usize,
    pub end: usize,
}

/// Words that end a description even though no class lists them.
/// `layoffs.fyi`, `www.exemple.fr`: a word with an inner period followed by letters.
fn is_domain(w: &str) -> bool {
    w.rsplit_once('.').is_some_and(|(a, b)| {
        !a.is_empty() && b.len() >= 2 && b.chars().all(|c| c.is_ascii_lowercase())
    })
}

/// The classes of the words that end a description (adverbial phrases end one too), as bits
/// for [`Tokens::is_any`]: one test for them all.
pub(crate) const DESCRIPTION_ENDER_BITS: u32 = Class::Preposition.bit()
    | Class::Conjunction.bit()
    | Class::Verb.bit()
    | Class::Pronoun.bit()
    | Class::CueWord.bit();

#[inline(always)]
fn ends_description(t: &Tokens, i: usize) -> bool {
    let ends = t.is_any(i, DESCRIPTION_ENDER_BITS)
            // (The class asked here spares most words the call, which asks it again.)
            || (t.is(i, Class::AdverbStart) && t.adverb_len(i) > 0);
    // `une note rendue publique par la Banque mondiale`: `par` after a participle goes on.
    // (Asked only of a word that would end it: most words do not, and are not `par`.)
    if ends && t.norm(i) == "par" && i >= 2 {
        let participle = |k: usize| {
            let p = t.norm(k);
            ["é", "ée", "és", "ées", "ue", "u", "us", "ues", "ie", "it", "ite"]
                .iter()
                .any(|s| p.ends_with(s))
        };
        if participle(i - 1) || participle(i - 2) {
            return false;
        }
    }
    ends
}

/// Whether token `i` starts a proper name (a capitalised word that is not a common word).
pub(crate) fn starts_name(t: &Tokens, i: usize) -> bool {
    if !t.is_capitalized(i) || t.is(i, Class::Stop) || t.is(i, Class::CueWord) {
        return false;
    }
    // A lone capitalised word opening a sentence (`Longtemps hostile à …`) is a name only if
    // the text writes it with a capital elsewhere, it is a first name, or a verb follows.
    // (The text is searched last: the set of its capitalised words is built when first asked.
    // The next word is looked at first: the words before are read back to see if one opens a
    // sentence.)
    if !t.is_capitalized(i + 1) && t.starts_sentence(i) {
        return t.is(i, Class::FirstName)
            || t.is(i + 1, Class::Verb)
            || t.is(i + 1, Class::CueWord)
            || t.capitalized_elsewhere(i);
    }
    true
}

#[inline(always)]
fn is_title(t: &Tokens, i: usize) -> bool {
    if !t.is(i, Class::Title) {
        return false;
    }
    let w = t.str(i);
    // `M.` `Mme` `Me`: abbreviations need their period (`me` alone is a pronoun).
    let abbreviated = w.len() <= 3;
    let after = if abbreviated && t.is_punct(i + 1, '.') { i + 2 } else { i + 1 };
    // (`Me` with its capital is Maître, a lawyer's title: `me` is a pronoun.)
    (!abbreviated
        || t.is_punct(i + 1, '.')
        || matches!(t.norm(i), "mme" | "mgr" | "dr" | "pr")
        || t.str(i) == "Me")
        && t.is_capitalized(after)
}

/// A run of capitalised words from `i` (particles and initials included): returns the end.
/// Names are at most this many tokens long (initials and particles count).
pub(crate) const MAX_NAME: usize = 10;

fn name_run(t: &Tokens, i: usize, limit: usize) -> usize {
    let mut k = i;
    let limit = limit.min(i + MAX_NAME);
    while k < limit {
        if t.is_capitalized(k) {
            k += 1;
            // An initial with its period: `Alexandre T.`, `J.-M.`
            if t.is_punct(k, '.') && t.str(k - 1).chars().count() == 1 {
                k += 1;
            }
            continue;
        }
        if k > i && t.is_word(k) && t.is(k, Class::Particle) {
            // `Ursula von der Leyen`: particles count only when a capital follows.
            let mut j = k;
            while j < limit && t.is_word(j) && t.is(j, Class::Particle) {
                j += 1;
            }
            if j < limit && t.is_capitalized(j) && !t.is(j, Class::Stop) && j - k <= 2 {
                k = j;
                continue;
            }
        }
        break;
    }
    k
}

/// Where the person's name starts inside a capitalised run (`Justice Koen Geens` → `Koen`;
/// `Mamadou Lamine Ndiaye` from its first word, a first name too).
fn person_start(t: &Tokens, first: usize, end: usize) -> usize {
    if t.is(first, Class::FirstName) {
        return first;
    }
    (first + 1..end.saturating_sub(1))
        .find(|&k| t.is_capitalized(k) && t.is(k, Class::FirstName))
        .unwrap_or(first)
}

/// Whether a word is an acronym (`PS`, `UDI`): all capitals.
pub(crate) fn is_acronym(w: &str) -> bool {
    w.chars().all(|c| !c.is_lowercase())
}

/// The classes of the words [`read_mention`] matches alone (`il`, `qui`, `celui-ci`): each is
/// of one of them.
const MATCHED_CLASSES: u32 = Class::Pronoun.bit() | Class::Conjunction.bit();

/// The flags of a word a mention may start at: one that may open a name or a description (see
/// [`Token::may_start_mention`](crate::token::Token::may_start_mention)), or one of
/// [`MATCHED_CLASSES`].
const MAY_OPEN: u32 = MENTION_START | MATCHED_CLASSES;

/// Whether a mention may start at token `i`, by its flags alone. Where it may not,
/// [`mention_at`] finds none: a reader that visits many words asks this first.
pub(crate) fn may_open_mention(t: &Tokens, i: usize) -> bool {
    t.is_any(i, MAY_OPEN)
}

/// Read the mention that starts at token `i`, not going past token `limit`.
pub(crate) fn mention_at(t: &Tokens, i: usize, limit: usize) -> Option<Mention> {
    read_mention::<true>(t, i, limit)
}

/// [`mention_at`] but for the gender and number of a description, left unknown (`None`,
/// singular): what indexes the names and descriptions of a text reads only their kinds, spans
/// and ends, which are the same.
pub(crate) fn mention_outline_at(t: &Tokens, i: usize, limit: usize) -> Option<Mention> {
    read_mention::<false>(t, i, limit)
}

/// [`mention_at`], with a description's gender and number read if `AGREEMENT`.
fn read_mention<const AGREEMENT: bool>(t: &Tokens, i: usize, limit: usize) -> Option<Mention> {
    // (One load for the tests below. A token that is no word has no flags.)
    let flags = t.flags(i);
    if i >= limit || flags & MAY_OPEN == 0 {
        return None;
    }
    let lw = t.norm(i);
    let one = |kind, gender, plural| {
        Some(Mention { span: t.span(i), kind, gender, plural, name: None, first: i, end: i + 1 })
    };
    // Every word matched here is a pronoun or a conjunction (`qui`) (see the test
    // `each_word_matched_alone_is_of_a_class_it_is_matched_by`): the others, most, are not
    // compared with them.
    if flags & MATCHED_CLASSES != 0 {
        match lw {
            "il" | "lui" => return one(MentionKind::Pronoun, Some(Gender::Masculine), false),
            "elle" => return one(MentionKind::Pronoun, Some(Gender::Feminine), false),
            "ils" | "eux" => return one(MentionKind::Pronoun, Some(Gender::Masculine), true),
            "elles" => return one(MentionKind::Pronoun, Some(Gender::Feminine), true),
            "on" => return one(MentionKind::Pronoun, None, false),
            "je" | "j'" => return one(MentionKind::FirstPerson, None, false),
            "qui" => return one(MentionKind::Relative, None, false),
            "celui-ci" | "celui-là" => {
                return one(MentionKind::Demonstrative, Some(Gender::Masculine), false);
            }
            "celle-ci" | "celle-là" => {
                return one(MentionKind::Demonstrative, Some(Gender::Feminine), false);
            }
            _ => {}
        }
    }
    // Only a word that may start a name or a description (a capital, a title, a determiner, a
    // web address) is read further: the others are none.
    if flags & MENTION_START == 0 {
        return None;
    }
    if is_title(t, i) {
        let name_first = if t.is_punct(i + 1, '.') { i + 2 } else { i + 1 };
        let end = name_run(t, name_first, limit);
        return Some(Mention {
            span: Span::new(t.span(i).start, t.span(end - 1).end),
            kind: MentionKind::Name,
            gender: t.gender(i),
            plural: lw == "mm",
            name: Some(Span::new(t.span(name_first).start, t.span(end - 1).end)),
            first: i,
            end,
        });
    }
    // `Le Drian`, `Le Pen`, `La Fontaine`: a capitalised article inside a sentence, then a
    // capital, opens a surname.
    // (The flags first: the words are compared only when they may be such an article.)
    let article_name = || {
        t.is_capitalized(i)
            && t.is_capitalized(i + 1)
            && !t.is(i + 1, Class::Stop)
            && matches!(lw, "le" | "la" | "les" | "de" | "du")
            && !t.starts_sentence(i)
    };
    if starts_name(t, i) || article_name() {
        let end = name_run(t, i, limit);
        let start = person_start(t, i, end);
        let span = Span::new(t.span(i).start, t.span(end - 1).end);
        return Some(Mention {
            span,
            kind: MentionKind::Name,
            gender: t.first_name_gender(start),
            plural: false,
            name: Some(Span::new(t.span(start).start, span.end)),
            first: i,
            end,
        });
    }
    if flags & Class::Determiner.bit() != 0 {
        // `ce dernier`, `cette dernière`: read here, as no title, name nor surname starts at
        // these stop words (see the test
        // `each_word_matched_alone_is_of_a_class_it_is_matched_by`).
        let last_one = || i + 1 < limit && matches!(t.norm(i + 1), "dernier" | "dernière");
        if matches!(lw, "ce" | "cette") && last_one() {
            return Some(Mention {
                span: Span::new(t.span(i).start, t.span(i + 1).end),
                kind: MentionKind::Demonstrative,
                gender: t.gender(i),
                plural: false,
                name: None,
                first: i,
                end: i + 2,
            });
        }
        return description::<AGREEMENT>(t, i, lw, limit);
    }
    // A web site as a source: `selon layoffs.fyi`.
    // (Only a word with a period inside can be one.)
    if flags & DOTTED != 0 && is_domain(t.str(i)) {
        return Some(Mention {
            kind: MentionKind::Name,
            name: Some(t.span(i)),
            ..one(MentionKind::Name, None, false)?
        });
    }
    None
}

/// `L'impressionnait-elle ?`: a verb with its inverted pronoun at `k`, not a noun (after a
/// determiner, where a description's head would be).
fn is_inverted_verb(t: &Tokens, k: usize) -> bool {
    let inverted =
        |w: &str| ["-il", "-elle", "-ils", "-elles", "-on"].iter().any(|s| w.ends_with(s));
    // (Only a word with a joiner inside holds a hyphen.)
    t.toks[k].joined && inverted(t.norm(k))
}

/// Where the capitalised head of the description opened by the determiner at `i` ends (`le
/// Sénat`, `la Banque mondiale`: the run of capitalised words [`description`] reads as one
/// head, no name of a person), if its head is capitalised; `None` if it is not, or if the
/// determiner opens no description (or may open `ce dernier`, read as a pronoun). (Read the
/// mention at `i` with no limit before the text's end.)
#[inline]
pub(crate) fn capitalized_head_end(t: &Tokens, i: usize) -> Option<usize> {
    let head = i + 1;
    // (Most heads are not capitalised: the other tests are made out of line.)
    if !t.is_capitalized(head) {
        return None;
    }
    capitalized_head_end_of(t, head)
}

/// [`capitalized_head_end`] of the capitalised head at `head`.
#[inline(never)]
fn capitalized_head_end_of(t: &Tokens, head: usize) -> Option<usize> {
    let takes_head = || {
        t.is_word(head)
            && !t.is(head, Class::Verb)
            && !t.is(head, Class::Preposition)
            && !is_inverted_verb(t, head)
            && !matches!(t.norm(head), "dernier" | "dernière")
    };
    takes_head().then(|| name_run(t, head, t.len()))
}

/// A description from its determiner at `i` (`ld` in normal form): `le ministre des Affaires
/// étrangères`; its gender and number are read if `AGREEMENT` (else left unknown and singular).
fn description<const AGREEMENT: bool>(
    t: &Tokens,
    i: usize,
    ld: &str,
    limit: usize,
) -> Option<Mention> {
    let mut k = i + 1;
    // The head: the first word after the determiner (and a possible second determiner-like
    // word: `un de ces conseillers`).
    if k >= limit || !t.is_word(k) || t.is(k, Class::Verb) || t.is(k, Class::Preposition) {
        return None;
    }
    if is_inverted_verb(t, k) {
        return None;
    }
    // `les deux juges`, `les 300 salariés`: after a number, the noun is the head, whatever
    // verb it may also spell (`juges`).
    let noun_after = |n: usize| {
        n < limit
            && t.is_word(n)
            && !t.is_capitalized(n)
            && !t.is(n, Class::Verb)
            && !t.is(n, Class::Preposition)
    };
    if noun_after(k + 1) && is_cardinal(t, k) {
        k += 1;
    }
    let head = k;
    let mut name: Option<(usize, usize)> = None;
    // `le Kremlin`, `la Banque mondiale`: a capitalised head is a name of its own; in
    // `l'Italien Marco Bellandi`, a first name inside it starts the person's.
    k = if t.is_capitalized(head) { name_run(t, head, limit) } else { head + 1 };
    if k > head + 2 {
        let p = person_start(t, head, k);
        if p > head {
            name = Some((p, k));
        }
    }
    // The normal form of the word after the one read, when it was read: the next one read.
    let mut read_ahead: Option<(usize, &str)> = None;
    loop {
        // `le député (LR) Jean Dupont`: a party's label in brackets between the office and
        // the name.
        if k < limit && !t.is_word(k) && name.is_none() {
            match bracketed_label_end(t, k, limit) {
                Some(after) => k = after,
                None => break,
            }
        }
        if k >= limit || !t.is_word(k) {
            break;
        }
        let w = match read_ahead {
            Some((at, w)) if at == k => w,
            _ => t.norm(k),
        };
        // (The first letter rules out most words.)
        if w.starts_with('d') && matches!(w, "de" | "du" | "des" | "d'") {
            // `de`, `de la`, `de l'`: a complement of the noun; it goes on if a word follows.
            let mut j = k + 1;
            if j < limit && t.is(j, Class::Determiner) {
                j += 1;
            }
            if j < limit && t.is_word(j) && !ends_description(t, j) {
                if t.is_capitalized(j) {
                    // `des États-Unis Mike Pompeo`: a first name inside the run starts the person.
                    k = name_run(t, j, limit);
                    let p = person_start(t, j, k);
                    if p > j && name.is_none() {
                        name = Some((p, k));
                    }
                } else {
                    k = j + 1;
                }
                continue;
            }
            break;
        }
        // `l'ancien Premier ministre`: a capital opening an office is no name.
        if t.is_capitalized(k)
            && t.is_noun(k + 1, Class::PersonNoun.bit())
            && !t.is_capitalized(k + 1)
        {
            k += 2;
            continue;
        }
        if t.is_capitalized(k) {
            let end = name_run(t, k, limit);
            // A name right after the noun is the person's: `le ministre Jan Jambon`,
            // `le sénateur LR Jean-Baptiste Lemoyne` (not `la sénatrice PS de Paris`).
            // (`le jeune Valenciennois Moussa Traoré`: a first name further on starts it.)
            let start = (k..end)
                .take_while(|&x| t.is_capitalized(x) || t.is_punct(x, '.'))
                .find(|&x| t.is_capitalized(x) && !is_acronym(t.str(x)))
                .map_or(end, |x| person_start(t, x, end));
            // Not after an article (`par la Banque mondiale`): that is a name of its own; nor
            // after a place or body named after a person (`du lycée Blaise Diagne`).
            let after_article = t.is(k - 1, Class::Determiner) && k - 1 > i;
            // (Nor after the noun of a body: `du parti Renaissance`, `le syndicat CGT`.)
            // (The body's own name when the body is the head: `le groupe Valdorne`.)
            let eponym = is_named_after_a_person(t.norm(k - 1))
                || t.is_noun(k - 1, Class::BodyNoun.bit()) && k - 1 != head;
            let attached = start < end && name.is_none() && !after_article && !eponym;
            if attached {
                name = Some((start, end));
            }
            k = end;
            // After the person's name, only a complement goes on (`le ministre Jan Jambon de
            // la N-VA`): another lowercase word is the verb (`Le gymnaste Marc Six termine`).
            if attached
                && k < limit
                && t.is_word(k)
                && !t.is_capitalized(k)
                && !matches!(t.norm(k), "de" | "du" | "des" | "d'")
            {
                break;
            }
            continue;
        }
        // A determiner not after `de` or another preposition opens another phrase (`à l'AFP
        // une source proche`; not `un de ces conseillers`, `rendue publique par la Banque`).
        let another_phrase = || {
            t.is(k, Class::Determiner)
                && !t.is(k - 1, Class::Preposition)
                && !matches!(t.norm(k - 1), "de" | "d'" | "du" | "des")
        };
        if ends_description(t, k)
            || looks_finite(w)
            || is_object_clitic(t, k, w)
            || another_phrase()
        {
            break;
        }
        // A word followed by a determiner or `que` is a verb, not an adjective:
        // `la maire de la capitale prépare un …`.
        if t.is_word(k + 1) && !t.is(k, Class::Preposition) {
            if t.is(k + 1, Class::Determiner) {
                break;
            }
            let next = t.norm(k + 1);
            if matches!(next, "que" | "qu'") {
                break;
            }
            read_ahead = Some((k + 1, next));
        }
        k += 1;
        if k - i > 14 {
            break;
        }
    }
    let end = k;
    let span = Span::new(t.span(i).start, t.span(end - 1).end);
    let plural = AGREEMENT
        && matches!(
            ld,
            "les"
                | "des"
                | "ces"
                | "ses"
                | "leurs"
                | "plusieurs"
                | "certains"
                | "certaines"
                | "quelques"
                | "tous"
                | "toutes"
                | "mes"
                | "nos"
                | "vos"
        );
    let mut gender = None;
    if AGREEMENT {
        gender = t.gender(i);
        if gender.is_none() {
            gender = noun_gender(t.norm(head)).or_else(|| paired_noun_gender(t, head));
        }
        if let Some((s, _)) = name {
            if let Some(ng) = t.first_name_gender(s) {
                gender = Some(ng);
            }
        }
    }
    let kind = if matches!(ld, "ce" | "cet" | "cette") {
        MentionKind::Demonstrative
    } else {
        MentionKind::Description
    };
    Some(Mention {
        span,
        kind,
        gender,
        plural,
        name: name.map(|(s, e)| Span::new(t.span(s).start, t.span(e - 1).end)),
        first: i,
        end,
    })
}

/// The token after a short label in brackets at `k` (`(LR)`, `(PS-Nupes)`), when a
/// capitalised word follows it.
fn bracketed_label_end(t: &Tokens, k: usize, limit: usize) -> Option<usize> {
    if !t.is_punct(k, '(') {
        return None;
    }
    let close = (k + 1..limit.min(k + 5)).find(|&j| t.is_punct(j, ')'))?;
    let after = close + 1;
    (close > k + 1 && after < limit && t.is_capitalized(after)).then_some(after)
}

/// Nouns of places, institutions and things commonly named after a person (`le lycée Blaise
/// Diagne`, `la rue Victor Hugo`, `le gouvernement Legault`): the name after them is nobody
/// speaking. `w` is a normal form.
pub(crate) fn is_named_after_a_person(w: &str) -> bool {
    matches!(
        w,
        "lycée"
            | "collège"
            | "école"
            | "université"
            | "institut"
            | "fondation"
            | "hôpital"
            | "clinique"
            | "centre"
            | "musée"
            | "stade"
            | "salle"
            | "gymnase"
            | "rue"
            | "avenue"
            | "boulevard"
            | "place"
            | "quai"
            | "pont"
            | "square"
            | "allée"
            | "impasse"
            | "aéroport"
            | "gare"
            | "station"
            | "prix"
            | "gouvernement"
            | "cabinet"
            | "administration"
            | "loi"
            | "plan"
            | "affaire"
            | "procès"
            | "ère"
    )
}

/// An object or reflexive pronoun before a verb (`mon éditrice m'a dit`), not an article
/// (`le`, `la`, `les`, `l'`) nor `en` (`le ministre en charge de`).
fn is_object_clitic(t: &Tokens, k: usize, w: &str) -> bool {
    t.is(k, Class::Clitic) && !matches!(w, "le" | "la" | "les" | "l'" | "en" | "y")
}

/// The token of a description's noun: the word after its determiner, past an adjective
/// that comes before the noun (`l'ancienne eurodéputée`, `le jeune défenseur`) or a number.
pub(crate) fn head_noun(t: &Tokens, m: &Mention) -> usize {
    let mut k = m.first + 1;
    while k + 1 < m.end
        && (is_cardinal(t, k)
            || matches!(
                t.norm(k),
                "ancien"
                    | "ancienne"
                    | "anciens"
                    | "anciennes"
                    | "nouveau"
                    | "nouvel"
                    | "nouvelle"
                    | "nouveaux"
                    | "nouvelles"
                    | "jeune"
                    | "jeunes"
                    | "vieux"
                    | "vieille"
                    | "futur"
                    | "future"
                    | "actuel"
                    | "actuelle"
                    | "ex"
                    | "premier"
                    | "première"
                    | "seul"
                    | "seule"
                    | "principal"
                    | "principale"
                    | "autre"
                    | "haut"
                    | "haute"
            ))
    {
        k += 1;
    }
    k
}

/// Whether a mention may name who speaks: a name, a personal pronoun, or a description of a
/// person, a body, a document or a medium (`le syndicat`, not `le moment`).
pub(crate) fn may_speak(t: &Tokens, m: &Mention) -> bool {
    match m.kind {
        MentionKind::Name | MentionKind::Pronoun | MentionKind::FirstPerson => true,
        MentionKind::Relative => false,
        MentionKind::Description | MentionKind::Demonstrative => {
            let head = head_noun(t, m);
            m.name.is_some()
                || t.is_capitalized(head)
                || t.is_noun(head, Class::PersonNoun.bit() | Class::BodyNoun.bit())
                || matches!(t.norm(m.first + 1), "dernier" | "dernière")
        }
    }
}

/// Whether a description stands for a person (`le ministre`, `la voisine`), not a body.
pub(crate) fn is_person_description(t: &Tokens, m: &Mention) -> bool {
    matches!(m.kind, MentionKind::Description) && {
        let head = head_noun(t, m);
        t.is_noun(head, Class::PersonNoun.bit()) || is_demonym(t, m, head)
    }
}

/// A people's name used as a noun after a lowercase article, with no name after it: `le
/// Gersois`, `l'Américaine`, `le Congolais` (not `Le Parisien`, a newspaper's name with its
/// capital article, nor `le Japon`).
fn is_demonym(t: &Tokens, m: &Mention, head: usize) -> bool {
    const ENDINGS: &[&str] =
        &["ois", "oise", "ais", "aise", "ien", "ienne", "ain", "aine", "ol", "ole", "and", "ande"];
    let w = t.norm(head);
    head + 1 == m.end
        && t.is_capitalized(head)
        && !t.is_capitalized(m.first)
        && w.chars().count() > 4
        && ENDINGS.iter().any(|e| w.ends_with(e))
}

/// Whether the word at `k` is a cardinal number (`deux`, `300`).
fn is_cardinal(t: &Tokens, k: usize) -> bool {
    let w = t.norm(k);
    !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
        || matches!(
            w,
            "deux"
                | "trois"
                | "quatre"
                | "cinq"
                | "six"
                | "sept"
                | "huit"
                | "neuf"
                | "dix"
                | "onze"
                | "douze"
                | "quinze"
                | "vingt"
                | "trente"
                | "cent"
                | "mille"
        )
}

/// Whether a word has an ending only finite verbs have (`rouvrira`, `disait`, `iront`).
pub(crate) fn looks_finite(w: &str) -> bool {
    // Every ending ends with `t` or `a`: the last letter rules out most words (as a byte:
    // no other character's last byte is an ASCII letter).
    if !matches!(w.as_bytes().last(), Some(b't' | b'a')) {
        return false;
    }
    ["ait", "aient", "ra", "ront", "rait", "raient", "ient"]
        .iter()
        .any(|x| w.ends_with(x) && w.chars().count() > x.len() + 2)
}

/// Gender from the speaker nouns, for a noun of a person whose other gender adds or drops an
/// `e` (`élu`, `élue`; `avocat`, `avocate`): `l'élu` is a man.
fn paired_noun_gender(t: &Tokens, head: usize) -> Option<Gender> {
    if !t.is_noun(head, Class::PersonNoun.bit()) {
        return None;
    }
    let w = t.norm(head);
    let person = |n: &str| crate::lexicon::grammar().noun_bits(n) & Class::PersonNoun.bit() != 0;
    if let Some(stem) = w.strip_suffix('e') {
        return person(stem).then_some(Gender::Feminine);
    }
    person(&format!("{w}e")).then_some(Gender::Masculine)
}

/// Gender from the ending of a noun in normal form, where French morphology is clear about it.
fn noun_gender(n: &str) -> Option<Gender> {
    const FEMININE: &[&str] = &["trice", "euse", "esse", "ienne", "ière", "ère", "ée"];
    // `père`, `frère` and their compounds (`beau-père`, `confrère`) are the exceptions.
    let masculine = n.ends_with("père") || n.ends_with("frère");
    if FEMININE.iter().any(|s| n.ends_with(s)) && !masculine {
        return Some(Gender::Feminine);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_mention(text: &str) -> (String, MentionKind, Option<String>, Option<Gender>) {
        let t = Tokens::new(text);
        let m = mention_at(&t, 0, t.len()).expect("a mention");
        (text[m.span].to_string(), m.kind, m.name.map(|n| text[n].to_string()), m.gender)
    }

    #[test]
    fn noun_gender_by_ending_with_its_exceptions() {
        assert_eq!(noun_gender("directrice"), Some(Gender::Feminine));
        assert_eq!(noun_gender("infirmière"), Some(Gender::Feminine));
        for masculine in ["père", "frère", "beau-père", "confrère", "grand-père"] {
            assert_eq!(noun_gender(masculine), None, "{masculine}");
        }
        // Through a description whose determiner tells no gender.
        assert_eq!(first_mention("Les confrères du juge ont dit").3, None);
    }

    #[test]
    fn names_with_titles_particles_and_initials() {
        let (s, k, n, g) = first_mention("Mme Ursula von der Leyen a dit");
        assert_eq!(
            (s.as_str(), k, n.as_deref(), g),
            (
                "Mme Ursula von der Leyen",
                MentionKind::Name,
                Some("Ursula von der Leyen"),
                Some(Gender::Feminine)
            )
        );
        let (s, _, n, _) = first_mention("M. Dupont a dit");
        assert_eq!((s.as_str(), n.as_deref()), ("M. Dupont", Some("Dupont")));
        let (s, ..) = first_mention("Alexandre T. a perdu");
        assert_eq!(s, "Alexandre T.");
        let (s, ..) = first_mention("Jean-Yves Le Drian estime");
        assert_eq!(s, "Jean-Yves Le Drian");
    }

    #[test]
    fn descriptions_stop_before_verbs_and_prepositions() {
        let (s, k, ..) = first_mention("le ministre des Affaires étrangères a dit");
        assert_eq!(
            (s.as_str(), k),
            ("le ministre des Affaires étrangères", MentionKind::Description)
        );
        let (s, ..) = first_mention("l’ancien secrétaire d’État dans un entretien");
        assert_eq!(s, "l’ancien secrétaire d’État");
        let (s, _, n, _) = first_mention("le président russe Vladimir Poutine est venu");
        assert_eq!(
            (s.as_str(), n.as_deref()),
            ("le président russe Vladimir Poutine", Some("Vladimir Poutine"))
        );
        let (s, k, ..) = first_mention("cet homme de 38 ans, dont");
        assert_eq!((s.as_str(), k), ("cet homme de 38 ans", MentionKind::Demonstrative));
    }

    #[test]
    fn each_word_matched_alone_is_of_a_class_it_is_matched_by() {
        let words = [
            "il",
            "lui",
            "elle",
            "ils",
            "eux",
            "elles",
            "on",
            "je",
            "j'",
            "j’",
            "qui",
            "celui-ci",
            "celui-là",
            "celle-ci",
            "celle-là",
            "ce",
            "cette",
        ];
        for word in words {
            for text in [format!("{word} dernier"), format!("« {} dernier", word.to_uppercase())] {
                let t = Tokens::new(&text);
                let at = usize::from(text.starts_with('«'));
                let flags = t.flags(at);
                if matches!(word, "ce" | "cette") {
                    // Read after the title, the name and the surname, which they start none of.
                    let determiner = Class::Determiner.bit() | Class::Stop.bit();
                    assert_eq!(flags & (determiner | Class::Title.bit()), determiner, "{text}");
                } else {
                    assert!(flags & MATCHED_CLASSES != 0, "{text}");
                }
                let m = mention_at(&t, at, t.len()).expect("a mention");
                assert_ne!(m.kind, MentionKind::Name, "{text}");
                assert_eq!(m.end, at + 1 + usize::from(matches!(word, "ce" | "cette")), "{text}");
            }
        }
    }

    #[test]
    fn pronouns() {
        assert_eq!(first_mention("elle a dit").1, MentionKind::Pronoun);
        assert_eq!(first_mention("Ce dernier insiste").1, MentionKind::Demonstrative);
        assert_eq!(first_mention("qui évoque").1, MentionKind::Relative);
    }
}
