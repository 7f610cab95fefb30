//! Indirect: reported speech without marks.
//!
//! Three forms, as FORMAT.md defines them:
//! - a verb of saying or thinking + `que`/`qu'` (or `si` after a verb of asking) + a clause:
//!   `Le ministre a estimé mardi que la réforme était nécessaire.`;
//! - the inverted form: `La réforme est nécessaire, a estimé le ministre.`;
//! - a source phrase: `Selon la police, trois personnes ont été blessées.`,
//!   `…, selon la police.`, `D'après un communiqué, …`, `Pour le maire, …`.
//!
//! Not reported: infinitive complements (`a promis de réformer`), negated cues (`n'a pas dit
//! que`), cues inside quotations, `selon` phrases that name no speaker (`selon les chiffres`,
//! `selon moi`), and clauses that hold a quotation (those are partial quotes).

use crate::attribute::{Attributed, Covered, Via};
use crate::cue::{CueForm, CueMatch, Person};
use crate::document::{Document, WINDOW};
use crate::lexicon::{Class, grammar, normal_form_at_most, normalize, with_normal};
use crate::mention::{MentionKind, mention_at};
use crate::quote::QuoteKind;
use crate::scan::{is_alphanumeric, is_space};
use crate::span::Span;
use crate::speaker::{
    after_comme, has_finite_verb, inversion_context, is_date_word, is_phrase_cue_ok, source_after,
    speaker_of_cue, subject_after, verb_follows,
};

/// Prepositions of audience, place and time that may stand between a verb and its `que`
/// (not `sur`, `avec`, `de` …: `plaisante sur le dîner qu'elle …` holds a relative).
const AUDIENCE: &[&str] = &[
    "à", "au", "aux", "devant", "auprès", "en", "lors", "dans", "pendant", "depuis", "après",
    "avant", "face",
];

/// A reported clause longer than this many tokens is not one: the sentence was not split.
const MAX_CLAUSE: usize = 4 * WINDOW;

/// Verbs after which `si`, `pourquoi`, `comment` … open a reported question.
const ASKING: &[&str] = &["demander", "se demander", "interroger", "s'interroger", "questionner"];

/// Find the reported clauses of the document that no quotation already covers.
pub(crate) fn indirect(doc: &Document, quotes: &[Attributed]) -> Vec<Attributed> {
    let mut out: Vec<Attributed> = Vec::new();
    let marked = Covered::new(quotes);
    for (c, cue) in doc.cues.iter().enumerate() {
        // Negated cues, cues inside quotations, bare infinitives (`il faut rappeler que`) and
        // questions to the reader (`croyez-vous que …?`) report nobody's words.
        if cue.negated
            || doc.quoted(doc.tok_cue_start(c))
            || cue.form == CueForm::Infinitive
            || cue.person != Person::Third
        {
            continue;
        }
        let Some(span) = reported_clause(doc, c, cue, &marked) else { continue };
        if span.is_empty() || !doc.text[span].chars().any(is_alphanumeric) {
            continue;
        }
        // A clause holding a quotation is that quotation's (partial), not reported speech.
        // Reported clauses come in cue order, so only the last few can overlap.
        if marked.overlaps(span) || out.iter().rev().take(8).any(|q| q.span.overlaps(span)) {
            continue;
        }
        let Some(speaker) = speaker_of_cue(doc, c) else { continue };
        // What is reported is never its own speaker (`Espérant que le ministre viendra, il …`),
        // but for the incise inside it.
        if speaker.span.overlaps(span) && !span.overlaps(cue.span) {
            continue;
        }
        // `on pense que …` is what people think, not what somebody said.
        // An ASCII text normalizes to one of its own length, so only two bytes may be `on`,
        // nor may another of more than two characters; the normal form is built on the stack
        // (a speaker is most often a capitalised name).
        let said = &doc.text[speaker.span];
        let generic_on = cue.form != CueForm::Inverted
            && (said.len() == 2 || !said.is_ascii() && normal_form_at_most(said, 2))
            && with_normal(said, |n| n == Some("on"));
        if matches!(speaker.kind, MentionKind::FirstPerson) || generic_on {
            continue;
        }
        out.push(Attributed {
            span,
            kind: QuoteKind::Indirect,
            marks: None,
            cue: Some(c),
            speaker: Some(speaker),
            via: Via::Cue,
        });
    }
    out
}

/// The reported clause a cue introduces, if it introduces one. A clause that overlaps a
/// quotation of `marked` may be passed over (it is not reported): it is, where that spares a
/// costlier test.
fn reported_clause(doc: &Document, c: usize, cue: &CueMatch, marked: &Covered) -> Option<Span> {
    let sentence = doc.cue_sentence(c);
    match cue.form {
        CueForm::Phrase => source_clause(doc, c, sentence),
        CueForm::Finite | CueForm::Inverted if after_comme(doc, c) => {
            comme_clause(doc, c, sentence)
        }
        CueForm::Inverted | CueForm::Finite if ends_sentence_inverted(doc, c, cue) => {
            // `La réforme est nécessaire, a estimé le ministre.`
            let comma = doc.tok_cue_start(c) - 1;
            // Mostly the quotation before its cue (`« … », a déclaré X`): passed over before
            // the statement's bounds are read.
            if quotation_right_before(doc, comma, sentence, marked) {
                debug_assert!(
                    inverted_statement(doc, sentence, comma)
                        .is_none_or(|(_, s)| marked.overlaps(s))
                );
                return None;
            }
            let (first, span) = inverted_statement(doc, sentence, comma)?;
            // A quotation before its cue that opens in an earlier sentence: passed over before
            // its words are read for a verb.
            if marked.overlaps(span) {
                return None;
            }
            // The fronted words must make a clause: `Au point de s'éponger le front,
            // précise-t-elle` reports no statement, unless the clause goes on after the incise.
            if has_finite_verb(doc, first, comma) || verb_after_subject(doc, first, comma) {
                Some(span)
            } else {
                incise_statement(doc, c, cue, sentence)
            }
        }
        _ => {
            // `Espérant que …, il a dit`: a participle opening the sentence sets the scene;
            // what it governs is not reported (`…, ajoutant que …` after the verb is).
            // (Only a participle asks where its sentence's words start.)
            let at_head = || at_clause_head(doc, c, sentence);
            if cue.form == CueForm::Participle && at_head() {
                return None;
            }
            let open = complement_start(doc, c, cue)?;
            let end = clause_end(doc, c, open, sentence)?;
            Some(trim(doc, Span::new(open, end)))
        }
    }
}

/// The clause `comme l'a dit X` vouches for, as a source phrase does: after `Comme l'a dit X,`
/// at the head of the sentence, or before `, comme l'a dit X.` at its end. The subject is
/// after the verb.
fn comme_clause(doc: &Document, c: usize, sentence: Span) -> Option<Span> {
    let t = doc.t;
    let speaker = subject_after(doc, c)?;
    let i = doc.tok_cue_start(c);
    let comme = if t.norm(i - 1) == "comme" { i - 1 } else { i - 2 };
    let (first, sentence_end) = doc.cue_sentence_tokens(c);
    let head = t.at_or_after(clause_start(doc, sentence));
    if comme == head || comme == first {
        return t
            .is_punct(speaker.end, ',')
            .then(|| clause_after(doc, speaker.end, sentence, sentence_end))?;
    }
    // (Only complements may follow the subject: `…, comme le confirme X dans un communiqué.`)
    if comme > 0 && t.is_punct(comme - 1, ',') && !has_finite_verb(doc, speaker.end, sentence_end) {
        return clause_before(doc, comme - 1, sentence);
    }
    None
}

/// The statement before the comma at token `comma` of an inverted cue (`La réforme est
/// nécessaire, a estimé le ministre.`) in `sentence`: its first token and its span.
fn inverted_statement(doc: &Document, sentence: Span, comma: usize) -> Option<(usize, Span)> {
    let mut start = clause_start(doc, sentence);
    let mut first = doc.t.at_or_after(start);
    // A statement of a sane length only: the sentence was not split otherwise.
    if comma - first > MAX_CLAUSE {
        return None;
    }
    // `Réforme des retraites : le gouvernement ne cédera pas, assure X`: the statement
    // starts after a heading's colon.
    // (Every token read, the last colon kept with no branch: colons are rare, and a
    // walk back to one mispredicts where it stops.)
    let colon = (first..comma)
        .fold(None, |last, k| if doc.t.is_punct(k, ':') & !doc.quoted(k) { Some(k) } else { last });
    if let Some(colon) = colon {
        first = colon + 1;
        start = doc.t.span(first).start;
    } else if let Some(after) = dateline_end(doc, first, comma) {
        // `PARIS (AFP) - Le pont rouvrira, a annoncé X`: the statement follows the dateline.
        first = after;
        start = doc.t.span(first).start;
    }
    Some((first, trim(doc, Span::new(start, doc.t.span(comma).start))))
}

/// Whether the words from token `first` to `end` open on a noun phrase followed by its verb
/// (`Le taux dépasse un record`): a lowercase word right after a whole noun phrase is its verb.
fn verb_after_subject(doc: &Document, first: usize, end: usize) -> bool {
    mention_at(doc.t, first, end).is_some_and(|m| {
        m.kind == MentionKind::Description && m.end < end && verb_follows(doc, m.end)
    })
}

/// A statement an incise interrupts: `Dans le réseau public, a affirmé X, les employés sont
/// absents.` — the whole sentence, incise included (as in a quotation), when the words after the
/// incise hold the verb the words before it lack.
fn incise_statement(doc: &Document, c: usize, cue: &CueMatch, sentence: Span) -> Option<Span> {
    let t = doc.t;
    let speaker_end = match cue.form {
        CueForm::Inverted => doc.tok_cue_end(c),
        _ => subject_after(doc, c)?.end,
    };
    let (_, end) = doc.cue_sentence_tokens(c);
    let rest = speaker_end + 1;
    if !t.is_punct(speaker_end, ',') || rest >= end || t.is(rest, Class::Preposition) {
        return None;
    }
    let words_end = (rest..end).find(|&k| t.is_break(k)).unwrap_or(end);
    if !has_finite_verb(doc, rest, words_end) {
        return None;
    }
    let start = clause_start(doc, sentence);
    Some(trim(doc, Span::new(start, t.span(words_end - 1).end)))
}

/// The token after a wire dateline that opens a clause at token `first` (`PARIS (AFP) -`,
/// `NEW YORK, 3 mai (Reuters) —`): capitalised words, a date and an agency in brackets, then a
/// dash, before token `end`.
fn dateline_end(doc: &Document, first: usize, end: usize) -> Option<usize> {
    let t = doc.t;
    if !t.is_capitalized(first) {
        return None;
    }
    let dash = (first + 1..end.min(first + 10)).find(|&k| {
        !(t.is_word(k) || t.is_punct(k, '(') || t.is_punct(k, ')') || t.is_punct(k, ','))
    })?;
    let is_dash = ['-', '—', '–'].iter().any(|&d| t.is_punct(dash, d));
    let lowercase_word =
        (first..dash).any(|k| t.is_word(k) && !t.is_capitalized(k) && !is_date_word(t.norm(k)));
    (is_dash && !lowercase_word).then_some(dash + 1)
}

/// Whether a quotation of `marked` overlaps the pair of marks that closes right before the
/// comma at token `comma` and opens in `sentence`: then the statement before the comma, which
/// holds that pair's text, overlaps it too, and is not reported.
///
/// (The statement starts at the sentence's words or after a colon outside quotations, so at
/// or before the opening mark; it ends at the comma, less spaces and final punctuation, which
/// leaves the closing mark in: it holds the pair's inner text.)
fn quotation_right_before(doc: &Document, comma: usize, sentence: Span, marked: &Covered) -> bool {
    let Some(p) = comma.checked_sub(1).and_then(|mark| doc.enclosing_pair(mark)) else {
        return false;
    };
    let pair = &doc.pairs[p];
    doc.tok_after_close(p) == comma
        && pair.open.start >= sentence.start
        && marked.overlaps(pair.inner)
}

/// `…, a estimé le ministre.`: an inverted cue that closes its sentence after a comma.
fn ends_sentence_inverted(doc: &Document, c: usize, cue: &CueMatch) -> bool {
    let i = doc.tok_cue_start(c);
    if i == 0 || !doc.t.is_punct(i - 1, ',') {
        return false;
    }
    let speaker_end = match cue.form {
        CueForm::Inverted => doc.tok_cue_end(c),
        _ => {
            if !inversion_context(doc, c) {
                return false;
            }
            match subject_after(doc, c) {
                Some(m) => m.end,
                None => return false,
            }
        }
    };
    // Only complements may follow the subject: a comma, then anything, or the end.
    let t = doc.t;
    let (_, end) = doc.cue_sentence_tokens(c);
    speaker_end >= end
        || t.is_punct(speaker_end, ',')
        || t.is_punct(speaker_end, '.')
        || t.is_punct(speaker_end, '(')
        || t.is_break(speaker_end)
        || !t.is_word(speaker_end)
        || t.is(speaker_end, Class::Preposition)
}

/// Where the clause after `que` (or `si`) starts, if the cue governs one: only adverbs,
/// dates, prepositional phrases and object pronouns may stand between (`a estimé mardi que`,
/// `a rappelé à la presse que`, `lui a assuré que`), not an object (`a annoncé la mesure que`).
fn complement_start(doc: &Document, c: usize, cue: &CueMatch) -> Option<usize> {
    let t = doc.t;
    let asking = ASKING.contains(&cue.lemma);
    let (_, sentence_end) = doc.cue_sentence_tokens(c);
    let mut i = doc.tok_cue_end(c);
    let mut steps = 0;
    while i < sentence_end && steps < 12 {
        steps += 1;
        let w = t.norm(i);
        match w {
            "que" | "qu'" => return (i + 1 < sentence_end).then(|| t.span(i + 1).start),
            "si" | "s'" | "pourquoi" | "comment" | "combien" | "quand" | "où" if asking => {
                return (i + 1 < sentence_end).then(|| t.span(i + 1).start);
            }
            "lui" | "leur" | "nous" | "vous" | "me" | "m'" | "te" | "t'" => {
                i += 1;
                continue;
            }
            _ => {}
        }
        if !t.is_word(i) {
            // `a indiqué, dans un communiqué, que`: a complement between commas.
            if let Some(next) = comma_complement_end(doc, i, sentence_end) {
                i = next;
                continue;
            }
            return None;
        }
        let adv = t.adverb_len(i);
        if adv > 0 {
            i += adv;
            continue;
        }
        if is_date_word(t.norm(i)) {
            i += 1;
            continue;
        }
        // `l'an dernier`, `la semaine dernière`, `la veille`.
        let time = time_phrase_len(doc, i);
        if time > 0 {
            i += time;
            continue;
        }
        // `sur France Bleu`, `sur RTL`: a medium.
        if w == "sur" && t.is_capitalized(i + 1) {
            i += 2;
            while i < sentence_end && t.is_capitalized(i) {
                i += 1;
            }
            continue;
        }
        if AUDIENCE.contains(&t.norm(i)) {
            // `à la presse`, `devant les députés`, `en commission`: skip the phrase, up to the
            // next `que`, comma or verb. `après que`, `avant que` are conjunctions.
            i += 1;
            if matches!(t.norm(i), "que" | "qu'") {
                return None;
            }
            while i < sentence_end && t.is_word(i) {
                let w = t.norm(i);
                if matches!(w, "que" | "qu'" | "si" | "s'") || t.is(i, Class::Verb) {
                    break;
                }
                i += 1;
            }
            continue;
        }
        return None;
    }
    None
}

/// The token after a complement between commas that starts at the comma `comma` (`, dans un
/// communiqué,`, `, mardi,`): a few words with no verb, then a comma.
fn comma_complement_end(doc: &Document, comma: usize, end: usize) -> Option<usize> {
    let t = doc.t;
    if !t.is_punct(comma, ',') {
        return None;
    }
    let close = comma_after_words(doc, comma + 1, end, 7)?;
    // (A preposition opens a complement whatever its noun spells: `par l'intermédiaire de son
    // interprète`, not a verb.)
    let complement = close > comma + 1
        && (t.is(comma + 1, Class::Preposition) || !has_finite_verb(doc, comma + 1, close))
        && !matches!(t.norm(comma + 1), "que" | "qu'" | "qui" | "et" | "mais");
    complement.then_some(close + 1)
}

/// The comma that closes the words from token `from` on, if the first token that is no word,
/// within `most` tokens and before `limit`, is a comma.
fn comma_after_words(doc: &Document, from: usize, limit: usize, most: usize) -> Option<usize> {
    let t = doc.t;
    let comma = (from..limit.min(from + most + 1)).find(|&k| !t.is_word(k))?;
    t.is_punct(comma, ',').then_some(comma)
}

/// The length of a time phrase with a determiner at token `i` (`l'an dernier`, `la semaine
/// dernière`, `le lendemain`, `cet été`), or 0.
fn time_phrase_len(doc: &Document, i: usize) -> usize {
    let t = doc.t;
    if !matches!(t.norm(i), "l'" | "le" | "la" | "ce" | "cet" | "cette") {
        return 0;
    }
    let noun = matches!(
        t.norm(i + 1),
        "an" | "année"
            | "semaine"
            | "mois"
            | "été"
            | "hiver"
            | "printemps"
            | "automne"
            | "week-end"
            | "veille"
            | "lendemain"
            | "matin"
            | "soir"
            | "nuit"
            | "jour"
            | "midi"
            | "après-midi"
    );
    if !noun {
        return 0;
    }
    let last = matches!(
        t.norm(i + 2),
        "dernier" | "dernière" | "prochain" | "prochaine" | "passé" | "passée" | "même"
    );
    2 + usize::from(last)
}

/// Where the reported clause ends: before the sentence's closing punctuation, a semicolon, a
/// colon or `, mais`; at the first comma when the cue sits in a fronted subordinate clause
/// (`comme l'organisme estime qu'un chômeur sur trois …, il faut …`).
fn clause_end(doc: &Document, c: usize, open: usize, sentence: Span) -> Option<usize> {
    let t = doc.t;
    // (Asked at a comma only.)
    let (mut fronted, mut embedded) = (None, None);
    let first = t.at_or_after(open);
    let (_, last) = doc.cue_sentence_tokens(c);
    if last - first > MAX_CLAUSE {
        return None;
    }
    for i in first..last {
        // Only punctuation and line breaks end the clause: words are passed over first.
        if t.is_word(i) || doc.quoted(i) {
            continue;
        }
        // `qu'il lui disait, visiblement stressé : « … »`: the clause only introduces a
        // quotation, with its verb of saying; one with none (`qu'elle avait changé de tactique
        // : « … »`) is reported, up to the colon.
        if t.is_punct(i, ':') {
            let introduces = i < first + 4 || (first..i).any(|k| t.is(k, Class::CueWord));
            return (!introduces).then(|| t.span(i).start);
        }
        if t.is_punct(i, ';') || t.is_break(i) {
            return Some(t.span(i).start);
        }
        if t.is_punct(i, ',') {
            // (`…, mais que …` goes on: a second clause the same verb reports.)
            let but = t.norm(i + 1) == "mais" && !matches!(t.norm(i + 2), "que" | "qu'");
            if *fronted.get_or_insert_with(|| fronted_subordinate(doc, c)) || but {
                return Some(t.span(i).start);
            }
            // `X, rappelant que …, a quitté la salle`, `X, qui a dit que …, est parti`: the
            // main clause's verb after the comma ends an apposition's clause.
            if *embedded.get_or_insert_with(|| in_apposition(doc, c))
                && has_finite_verb(doc, i + 1, i + 2)
            {
                return Some(t.span(i).start);
            }
        }
    }
    Some(sentence.end)
}

/// Whether cue `c` stands in an apposition or a relative clause inside the main clause: a
/// participle after a comma (`X, rappelant que`), a verb after `qui` (`X, qui a dit que`).
fn in_apposition(doc: &Document, c: usize) -> bool {
    let t = doc.t;
    let i = doc.tok_cue_start(c);
    i > 0
        && (doc.cues[c].form == CueForm::Participle && t.is_punct(i - 1, ',')
            || t.norm(i - 1) == "qui")
}

/// Whether the cue's clause opens with a subordinating conjunction, before the main clause.
fn fronted_subordinate(doc: &Document, c: usize) -> bool {
    let t = doc.t;
    let (first, _) = doc.cue_sentence_tokens(c);
    let cue_tok = doc.tok_cue_start(c);
    let at_head = |i: usize| i == first || t.is_punct(i - 1, ',');
    (first..cue_tok).take(12).any(|i| match t.norm(i) {
        "comme" | "puisque" | "puisqu'" | "lorsque" | "lorsqu'" | "quand" => at_head(i),
        // `Si …`, `Même si …`.
        "si" | "s'" => at_head(i) || i > first && t.norm(i - 1) == "même" && at_head(i - 1),
        // `Bien que`, `Alors que`, `Parce que` …
        "que" | "qu'" if i > first => {
            let before = t.norm(i - 1);
            matches!(before, "bien" | "alors" | "tandis" | "dès" | "après" | "parce" | "sitôt")
                && at_head(i - 1)
        }
        _ => false,
    })
}

/// The clause a source phrase governs: after `Selon X,` to the end, or before `, selon X.`.
fn source_clause(doc: &Document, c: usize, sentence: Span) -> Option<Span> {
    if !is_phrase_cue_ok(doc, c) {
        return None;
    }
    let t = doc.t;
    let source = source_after(doc, c)?;
    if !names_a_source(doc, &source) {
        return None;
    }
    let i = doc.tok_cue_start(c);
    let (_, sentence_end) = doc.cue_sentence_tokens(c);
    let at_head = at_clause_head(doc, c, sentence) || after_connective(doc, c, sentence);
    if at_head {
        // `Selon X, clause.` — X may carry a complement up to the comma, and a name in
        // apposition after it (`Selon l'adjoint aux finances, Paul Rivière, …`).
        let limit = sentence_end.min(source.end + WINDOW);
        let mut k = (source.end..limit).find(|&k| t.is_punct(k, ','))?;
        if let Some(n) = mention_at(t, k + 1, limit) {
            // (`Selon Jean Valjean, le directeur de la police, …`: a description in
            // apposition to a name has no verb before its comma.)
            let apposition = n.kind == MentionKind::Name
                || n.kind == MentionKind::Description
                    && source.kind == MentionKind::Name
                    && !has_finite_verb(doc, n.first, n.end);
            if apposition && t.is_punct(n.end, ',') {
                k = n.end;
            }
        } else if source.kind == MentionKind::Name {
            // `Selon Jean Valjean, directeur de la police, …`: an office in apposition.
            if let Some(next) = apposition_end(doc, k + 1, limit) {
                k = next;
            }
        }
        // `Selon le décompte de la préfecture, publié jeudi, …`: a participle in apposition.
        if let Some(next) = participle_apposition_end(doc, k + 1, limit) {
            k = next;
        }
        // (The comma may end the sentence: then there is no clause after it.)
        return (k + 1 < limit).then(|| clause_after(doc, k, sentence, sentence_end)).flatten();
    }
    if i > 0 && t.is_punct(i - 1, ',') && ends_clause(doc, source.end, sentence_end) {
        // `Clause, selon X.`
        return clause_before(doc, i - 1, sentence);
    }
    None
}

/// The clause after the comma at token `comma` that a source before it vouches for (`Selon X,
/// clause.`, `Comme l'a dit X, clause.`): to the end of `sentence`.
/// `sentence_end` is the token after the sentence.
fn clause_after(doc: &Document, comma: usize, sentence: Span, sentence_end: usize) -> Option<Span> {
    let t = doc.t;
    if comma + 1 >= sentence_end {
        return None;
    }
    let end = clause_end_plain(doc, comma + 1, sentence, sentence_end)?;
    Some(trim(doc, Span::new(t.span(comma + 1).start, end)))
}

/// The clause before the comma at token `comma` that a source after it vouches for (`Clause,
/// selon X.`, `Clause, comme l'a dit X.`): from the start of `sentence`, with a verb of its
/// own.
fn clause_before(doc: &Document, comma: usize, sentence: Span) -> Option<Span> {
    let t = doc.t;
    let start = clause_start(doc, sentence);
    if !has_finite_verb(doc, t.at_or_after(start), comma) {
        return None;
    }
    Some(trim(doc, Span::new(start, t.span(comma).start)))
}

/// Whether only a connective and its comma stand before the cue in its sentence
/// (`Toutefois, selon X, …`, `Mais, d'après X, …`): the cue heads the clause all the same.
fn after_connective(doc: &Document, c: usize, sentence: Span) -> bool {
    let t = doc.t;
    let i = doc.tok_cue_start(c);
    let first = t.at_or_after(clause_start(doc, sentence));
    let coordinating = |k: usize| matches!(t.norm(k), "mais" | "et" | "or" | "puis");
    // `Mais selon X, …`
    if i == first + 1 {
        return coordinating(first);
    }
    if i < first + 2 || !t.is_punct(i - 1, ',') {
        return false;
    }
    let adverb = t.adverb_len(first);
    adverb == i - 1 - first || i - 1 - first == 1 && coordinating(first)
}

/// Where a past participle's phrase in apposition that starts at token `from` ends (its
/// closing comma): `publié jeudi,`, `citée par l'AFP,` — a few words with no verb.
fn participle_apposition_end(doc: &Document, from: usize, limit: usize) -> Option<usize> {
    let t = doc.t;
    let w = t.norm(from);
    let participle =
        ["é", "ée", "és", "ées"].iter().any(|e| w.ends_with(e)) && w.chars().count() > 3;
    if !t.is_word(from) || t.is_capitalized(from) || !participle {
        return None;
    }
    let comma = comma_after_words(doc, from + 1, limit, 6)?;
    (!has_finite_verb(doc, from + 1, comma)).then_some(comma)
}

/// Where an office in apposition that starts at token `from` ends (its closing comma):
/// lowercase words with no verb up to a comma (`directeur de la police,`), within `limit`.
fn apposition_end(doc: &Document, from: usize, limit: usize) -> Option<usize> {
    let t = doc.t;
    // (An office: a noun of a person or a body, `directeur de la police`, not `donner la
    // primauté à …`.)
    let office = t.is_noun(from, Class::PersonNoun.bit() | Class::BodyNoun.bit());
    if !t.is_word(from) || t.is_capitalized(from) || !office {
        return None;
    }
    let comma = comma_after_words(doc, from, limit, 9)?;
    (!has_finite_verb(doc, from, comma)).then_some(comma)
}

/// Whether only a short complement follows the source to the end of the sentence
/// (`…, selon le site, dans 171 sociétés.`), not a clause of its own.
/// `sentence_end` is the token after the sentence.
fn ends_clause(doc: &Document, from: usize, sentence_end: usize) -> bool {
    let t = doc.t;
    let mut end = sentence_end;
    // The line breaks that close the sentence are no words of it: a sentence ends the same
    // whether a paragraph follows or the text ends.
    while end > from && t.is_break(end - 1) {
        end -= 1;
    }
    if from >= end || !t.is_punct(from, ',') {
        return from >= end || !t.is_word(from);
    }
    // `…, selon layoffs.fyi, un site californien qui suit le secteur.`: an apposition to the
    // source, with its relative clause.
    let apposition = mention_at(t, from + 1, end).filter(|m| {
        matches!(m.kind, MentionKind::Description | MentionKind::Name)
            && (m.end >= end
                || !t.is_word(m.end)
                || matches!(t.norm(m.end), "qui" | "dont" | "que" | "qu'"))
    });
    if apposition.is_some() {
        return true;
    }
    // A short complement.
    let rest = end - from;
    rest <= 6 || rest <= WINDOW && !has_finite_verb(doc, from, end)
}

/// `last` is the token after the sentence.
fn clause_end_plain(doc: &Document, from: usize, sentence: Span, last: usize) -> Option<usize> {
    let t = doc.t;
    if last.saturating_sub(from) > MAX_CLAUSE {
        return None;
    }
    for i in from..last {
        if (t.is_punct(i, ';') || t.is_break(i)) && !doc.quoted(i) {
            return Some(t.span(i).start);
        }
    }
    Some(sentence.end)
}

/// `selon les chiffres`, `selon la loi`, `selon moi` name no speaker.
fn names_a_source(doc: &Document, m: &crate::mention::Mention) -> bool {
    match m.kind {
        MentionKind::Pronoun => {
            matches!(normalize(&doc.text[m.span]).as_ref(), "lui" | "elle" | "eux" | "elles")
        }
        MentionKind::FirstPerson | MentionKind::Relative => false,
        MentionKind::Name => true,
        MentionKind::Description | MentionKind::Demonstrative => {
            let head = doc.t.str(m.first + 1);
            !grammar().is(Class::NotSource, head)
        }
    }
}

/// Whether cue `c` opens the clause of sentence `sentence` (its first word is the clause's).
fn at_clause_head(doc: &Document, c: usize, sentence: Span) -> bool {
    doc.tok_cue_start(c) == doc.t.at_or_after(clause_start(doc, sentence))
}

/// Where the sentence's own words start (past spaces and a line's leading dash).
fn clause_start(doc: &Document, sentence: Span) -> usize {
    let s = &doc.text[sentence];
    let skipped =
        s.len() - s.trim_start_matches(|c: char| is_space(c) || matches!(c, '-' | '—' | '–')).len();
    sentence.start + skipped
}

/// The span without surrounding spaces, final punctuation, or a closing parenthetical.
fn trim(doc: &Document, span: Span) -> Span {
    let mut s = &doc.text[span];
    loop {
        let before = s.len();
        s = s.trim_end_matches(|c: char| {
            is_space(c) || matches!(c, '.' | '!' | '?' | '…' | ',' | ';' | ':')
        });
        if s.ends_with(')') {
            if let Some(open) = s.rfind('(') {
                if open > 0 {
                    s = &s[..open];
                }
            }
        }
        if s.len() == before {
            break;
        }
    }
    // `s` is the start of the span's text: its leading spaces are the text's, up to its end.
    let text = &doc.text[span];
    let leading = text.len() - text.trim_start_matches(is_space).len();
    let start = span.start + leading;
    Span::new(start, start + s.len().saturating_sub(leading))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::Tokens;

    #[test]
    fn trim_keeps_the_words_between_the_spaces() {
        for text in ["  Il viendra (demain).  ", "   . ", " « Oui », ", "a", "", " \u{a0}x ;"] {
            let t = Tokens::new(text);
            let doc = Document::new(text, &t, &[], &[], &[]);
            let bounds = (0..=text.len()).filter(|&k| text.is_char_boundary(k));
            for start in bounds.clone() {
                for end in bounds.clone().filter(|&end| end >= start) {
                    let span = Span::new(start, end);
                    let trimmed = trim(&doc, span);
                    assert!(span.contains(trimmed), "{text:?} {span:?}");
                    let words = &text[trimmed];
                    assert_eq!(words, words.trim_start_matches(is_space), "{text:?} {span:?}");
                    // The spaces before the words are the span's own, all of them.
                    let leading = &text[start..trimmed.start];
                    assert!(leading.chars().all(is_space), "{text:?} {span:?}");
                    let rest = &text[trimmed.start..end];
                    assert!(rest.is_empty() || !rest.starts_with(is_space), "{text:?} {span:?}");
                }
            }
        }
    }
}
