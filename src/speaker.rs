//! Speaker: find the mention a cue points to — the subject before the verb, the inverted
//! subject after it, the source after `selon`, the antecedent of a relative `qui`.

use crate::cue::CueForm;
use crate::document::{Document, WINDOW, kept};
use crate::lexicon::{Class, grammar, normalize};
use crate::mention::{
    MAX_NAME, Mention, MentionKind, is_acronym, is_named_after_a_person, looks_finite,
    may_open_mention, may_speak, mention_at,
};
use crate::span::Span;

/// The source named after `selon`, `d'après`, `pour`: a mention or a title in marks. Found
/// once for each cue: the rules about quotations and reported speech ask again and again.
pub(crate) fn source_after(doc: &Document, c: usize) -> Option<Mention> {
    doc.kept_mention(&doc.cue_reads(c).source, || {
        let e = doc.tok_cue_end(c);
        mention_at(doc.t, e, doc.t.len()).or_else(|| title_mention(doc, e))
    })
}

/// `selon X`, `d'après X`, `à en croire X` always name a source; `pour X,` only at the head
/// of a clause and before a comma (`Pour Poutine, …`, not `pour atteindre son objectif`).
pub(crate) fn is_phrase_cue_ok(doc: &Document, c: usize) -> bool {
    kept(&doc.cue_reads(c).phrase_ok, || find_is_phrase_cue_ok(doc, c))
}

/// [`is_phrase_cue_ok`], read from the text.
fn find_is_phrase_cue_ok(doc: &Document, c: usize) -> bool {
    let cue = &doc.cues[c];
    let e = doc.tok_cue_end(c);
    let Some(m) = source_after(doc, c) else {
        return false;
    };
    if cue.lemma != "pour" {
        return true;
    }
    let i = doc.tok_cue_start(c);
    let clause_head = i == 0
        || doc.t.is_punct(i - 1, ',')
        || doc.t.is_break(i - 1)
        || doc.t.is_punct(i - 1, '.')
        || matches!(doc.t.norm(i - 1), "mais" | "et");
    // `Pour la ministre,`, `Pour le syndicat,`; not `Pour le moment,`, `Pour la première fois,`.
    let person_like = !matches!(m.kind, MentionKind::Relative | MentionKind::FirstPerson)
        && !matches!(doc.t.norm(e), "cela" | "ça" | "ce" | "autant")
        && may_speak(doc.t, &m);
    clause_head && person_like && doc.t.is_punct(m.end, ',')
}

/// The mention a cue points to as its speaker, found once for each cue (the quotations and
/// the reported clauses of a cue ask again).
pub(crate) fn speaker_of_cue(doc: &Document, c: usize) -> Option<Mention> {
    doc.kept_mention(&doc.cue_reads(c).speaker, || find_speaker_of_cue(doc, c))
}

/// [`speaker_of_cue`], read from the text.
fn find_speaker_of_cue(doc: &Document, c: usize) -> Option<Mention> {
    let cue = &doc.cues[c];
    match cue.form {
        CueForm::Inverted => {
            // `a-t-il` is one token: the mention is the pronoun inside it.
            let pr = cue.pronoun?;
            let word = normalize(&doc.text[pr]);
            let token = doc.t.toks.partition_point(|t| t.span().end <= pr.start);
            Some(Mention {
                span: pr,
                kind: MentionKind::Pronoun,
                gender: grammar().gender_of(&word),
                plural: word.ends_with('s'),
                name: None,
                first: token,
                end: token + 1,
            })
        }
        CueForm::Phrase => source_after(doc, c).map(|m| with_apposition(doc, m)),
        CueForm::Finite => {
            if inversion_context(doc, c) || after_comme(doc, c) {
                if let Some(m) = subject_after(doc, c) {
                    return Some(m);
                }
            }
            subject_before(doc, c)
        }
        CueForm::Participle | CueForm::Infinitive => {
            // The speaker is the subject of the clause the participle or infinitive hangs on:
            // the nearest finite cue's, within a window.
            let sentence = doc.cue_sentence(c);
            let at = doc.tok_cue_start(c);
            let from = doc.t.span(doc.cue_window_start(c, at)).start;
            let until = doc.t.toks.get(at + WINDOW).map_or(sentence.end, |t| t.span().start);
            let other = doc
                .cues_in(Span::new(from, until.min(sentence.end)))
                .filter(|&o| {
                    o != c
                        && matches!(doc.cues[o].form, CueForm::Finite | CueForm::Inverted)
                        && !doc.quoted(doc.tok_cue_start(o))
                })
                .min_by_key(|&o| doc.cues[o].span.start.abs_diff(cue.span.start));
            if let Some(o) = other {
                if let Some(m) = speaker_of_cue(doc, o) {
                    return Some(m);
                }
            }
            clause_subject(doc, Span::new(sentence.start, cue.span.start), Subject::Loose)
        }
    }
}

/// Whether cue `c` follows `comme` (and an object pronoun), which puts its subject after it:
/// `comme l'a confirmé le ministre`, `comme le dit X`.
pub(crate) fn after_comme(doc: &Document, c: usize) -> bool {
    let t = doc.t;
    let i = doc.tok_cue_start(c);
    let k = if i >= 1 && matches!(t.norm(i - 1), "l'" | "le") { i - 1 } else { i };
    k >= 1 && t.norm(k - 1) == "comme"
}

/// Whether a finite cue stands where French puts the subject after the verb: after a
/// quotation (`« … », dit X`), or after a comma that ends a clause (`…, affirme X.`).
pub(crate) fn inversion_context(doc: &Document, c: usize) -> bool {
    kept(&doc.cue_reads(c).inversion, || find_inversion_context(doc, c))
}

/// [`inversion_context`], read from the text.
fn find_inversion_context(doc: &Document, c: usize) -> bool {
    let i = doc.tok_cue_start(c);
    if i == 0 {
        return false;
    }
    // `« … », lui répond X`: an object pronoun stands between the comma and the verb.
    let j = if i >= 2 && is_dative_clitic(doc, i - 1) { i - 2 } else { i - 1 };
    if doc.t.is_punct(j, ',') {
        // `Poutine voit la «faiblesse» de Biden, affirme X` inverts; `Un policier, résident de
        // l'immeuble, témoigne` does not: there the clause opens with a bare noun phrase.
        let first = doc.cue_window_start(c, j);
        let mut segs = segments_iter(doc, first, j, false);
        let bare_subject = segs.next().is_some_and(|(s, e)| {
            !starts_adverbial(doc, s) && mention_at(doc.t, s, e).is_some_and(|m| m.end == e)
        });
        // …unless a later segment has a verb of its own: `Le studio, fondé en 2002, va fermer,
        // a précisé X` inverts; or the cue is an incise before the subject's verb: `Les
        // employés, a affirmé X, sont absents`.
        // (A relative clause's verb is not the clause's: `Le maire, qui est élu depuis 2014,
        // constate une baisse` does not invert.)
        let relative = |s: usize| matches!(doc.t.norm(s), "qui" | "que" | "qu'" | "dont" | "où");
        return !bare_subject
            || segs.any(|(s, e)| !relative(s) && has_finite_verb(doc, s, e))
            || verb_after_incise(doc, c);
    }
    doc.t.toks[j].kind == crate::token::Kind::Punct && is_closing_mark(doc.t.str(j))
}

/// Whether token `i` is an indirect-object pronoun that may stand right before a verb
/// (`lui`, `leur`, `nous`, `vous`, `me`, `te`).
pub(crate) fn is_dative_clitic(doc: &Document, i: usize) -> bool {
    i < doc.t.len()
        && doc.t.is(i, Class::Clitic)
        && matches!(doc.t.norm(i), "lui" | "leur" | "nous" | "vous" | "me" | "m'" | "te" | "t'")
}

/// Whether an inverted subject after cue `c` is followed by a comma and a finite verb (`…, a
/// affirmé X, sont absents`): the cue is an incise.
fn verb_after_incise(doc: &Document, c: usize) -> bool {
    let t = doc.t;
    let Some(m) = subject_after(doc, c) else { return false };
    let (_, end) = doc.cue_sentence_tokens(c);
    t.is_punct(m.end, ',') && m.end + 1 < end && has_finite_verb(doc, m.end + 1, m.end + 2)
}

/// The proper name that ends right before the verb, past object pronouns and `ne`.
fn name_before(doc: &Document, start: usize, verb_tok: usize) -> Option<Mention> {
    let t = doc.t;
    // A name is a few words: look no further back than that.
    let start = start.max(verb_tok.saturating_sub(MAX_NAME + 4));
    let mut j = verb_tok;
    while j > start && t.is(j - 1, Class::Clitic) {
        j -= 1;
    }
    if j <= start || !t.is_capitalized(j - 1) {
        return None;
    }
    let after_complement = |k: usize| {
        k > 0 && {
            let w = t.norm(k - 1);
            matches!(w, "de" | "d'" | "du" | "des" | "l'" | "la")
                || grammar().is(Class::Preposition, w)
                || is_named_after_a_person(w)
        }
    };
    // Walk back over the capitalised run (initials and particles included).
    let mut s = j - 1;
    while s > start
        && (t.is_capitalized(s - 1)
            || t.is_punct(s - 1, '.') && s >= 2 && t.is_capitalized(s - 2)
            || t.is_word(s - 1)
                && t.is(s - 1, Class::Particle)
                && s >= 2
                && t.is_capitalized(s - 2))
    {
        s -= 1;
    }
    // `le sénateur de l'Yonne ajoute`: a place after `de` is not the subject.
    let name = (s..j)
        .filter_map(|k| mention_at(t, k, j))
        .find(|m| m.kind == MentionKind::Name && m.end == j)
        .filter(|m| !after_complement(m.first))?;
    // `Le magistrat PLR a estimé`: a party's acronym after a noun labels it; the noun
    // phrase is the subject.
    // So is a name after the noun of a body (`Le président du parti Renaissance estime`).
    let after_noun = name.end == name.first + 1
        && name.first > start
        && t.is_word(name.first - 1)
        && !t.is_capitalized(name.first - 1);
    let label = after_noun
        && (is_acronym(t.str(name.first)) || t.is_noun(name.first - 1, Class::BodyNoun.bit()));
    if label {
        return None;
    }
    // `Le Conseil d'État se contente`: the article belongs to the name as written.
    if name.first > start && t.is(name.first - 1, Class::Determiner) {
        if let Some(d) = mention_at(t, name.first - 1, j).filter(|d| d.end == j) {
            return Some(d);
        }
    }
    Some(name)
}

/// A title in marks used as a name: `«Le Temps» rapporte`, `révèle «Le Temps»`.
pub(crate) fn title_mention(doc: &Document, i: usize) -> Option<Mention> {
    let inner = doc.title_at(i)?;
    let end = doc.t.at_or_after(inner.end) + 1;
    Some(Mention {
        span: inner,
        kind: MentionKind::Name,
        gender: None,
        plural: false,
        name: Some(inner),
        first: i,
        end,
    })
}

/// Whether tokens `s..e` hold a finite verb: an auxiliary or frequent verb, a cue, or a word
/// with a finite ending (`tiendront`, `disait`, `serait`). An approximation, without a tagger.
pub(crate) fn has_finite_verb(doc: &Document, s: usize, e: usize) -> bool {
    (s..e).any(|i| {
        if !doc.t.is_word(i) || doc.t.is_capitalized(i) {
            return false;
        }
        let w = doc.t.norm(i);
        // Infinitives and participles (`raconter`, `évoquant`) are not finite.
        let non_finite = || ["er", "ir", "re", "ant"].iter().any(|x| w.ends_with(x));
        // After `se` or `ne`, a word that is no infinitive is a verb (`s'élèvent`); after a
        // subject pronoun, any word that is no pronoun (`il attend`).
        // (The flags first: most words follow no clitic nor pronoun, and are not compared.)
        let after_clitic = || {
            i > s
                && doc.t.is_any(i - 1, Class::Clitic.bit() | Class::Pronoun.bit())
                && !doc.t.is(i, Class::Clitic)
                && match doc.t.norm(i - 1) {
                    "se" | "s'" | "ne" | "n'" => !non_finite(),
                    "il" | "elle" | "ils" | "elles" | "on" | "je" | "j'" | "tu" => {
                        !doc.t.is_any(i, Class::Pronoun.bit() | Class::Preposition.bit())
                    }
                    _ => false,
                }
        };
        doc.t.is(i, Class::Verb) && !matches!(w, "ne" | "n'" | "se" | "s'" | "y")
            || doc.t.is(i, Class::CueWord) && !non_finite()
            || looks_finite(w)
            || after_clitic()
    })
}

pub(crate) fn is_closing_mark(s: &str) -> bool {
    matches!(s, "»" | "”" | "\"" | "˝" | "›" | "“" | "'")
}

/// `X, ministre de …,`: a name in apposition right after a description names it.
pub(crate) fn with_apposition(doc: &Document, m: Mention) -> Mention {
    with_apposition_reading(doc, m, |i| mention_at(doc.t, i, doc.t.len()))
}

/// [`with_apposition`], reading the mention after the comma with `mention_at_token` (a caller
/// reading every mention of the text has it at hand, as it visits that token next).
#[inline]
pub(crate) fn with_apposition_reading(
    doc: &Document,
    m: Mention,
    mut mention_at_token: impl FnMut(usize) -> Option<Mention>,
) -> Mention {
    let t = doc.t;
    // (A name inside it that is no person's, `le président du groupe Écologistes`, leaves the
    // apposition to name the person.)
    if m.kind != MentionKind::Description || m.name.is_some_and(|n| names_a_person(t, n)) {
        return m;
    }
    // The description may carry a short complement before its comma: `l'adjoint aux finances,
    // Paul Rivière,`.
    let comma = (m.end..(m.end + 4).min(t.len())).find(|&k| !t.is_word(k) || t.is(k, Class::Verb));
    let Some(comma) = comma.filter(|&k| t.is_punct(k, ',')) else { return m };
    // A name, or a description with a name (`La cheffe de file, la députée X,`).
    let person = |n: &Mention| match n.kind {
        MentionKind::Name => true,
        MentionKind::Description => n.name.is_some(),
        _ => false,
    };
    let Some(n) = mention_at_token(comma + 1).filter(person) else {
        return m;
    };
    let closes = t.is_break(n.end)
        || [',', '.', '(', ';', ':'].iter().any(|&c| t.is_punct(n.end, c))
        || n.end >= t.len()
        || t.is(n.end, Class::Verb)
        || t.is(n.end, Class::CueWord);
    if closes { n } else { m }
}

/// Whether the name at `span` is a person's: it opens on a first name (`Thomas Revel`, not
/// `Écologistes` nor `Grains de Provence`).
fn names_a_person(t: &crate::token::Tokens, span: Span) -> bool {
    t.is(t.at_or_after(span.start), Class::FirstName)
}

/// The inverted subject after a finite cue: `a déclaré Poutine`, `explique vendredi dans Le
/// Parisien Gérard Larcher`. `None` where something else follows (`rapporte que …`).
pub(crate) fn subject_after(doc: &Document, c: usize) -> Option<Mention> {
    doc.kept_mention(&doc.cue_reads(c).subject_after, || find_subject_after(doc, c))
}

/// [`subject_after`], read from the text.
fn find_subject_after(doc: &Document, c: usize) -> Option<Mention> {
    let t = doc.t;
    let (_, limit) = doc.cue_sentence_tokens(c);
    let mut i = doc.tok_cue_end(c);
    let mut steps = 0;
    while i < limit && steps < 8 {
        steps += 1;
        if let Some(m) = title_mention(doc, i) {
            return Some(m);
        }
        if !t.is_word(i) {
            if t.is_punct(i, '/') {
                i += 1;
                if let Some(m) = mention_at(t, i, limit) {
                    i = m.end;
                }
                continue;
            }
            return None;
        }
        let adv = t.adverb_len(i);
        if adv > 0 {
            i += adv;
            continue;
        }
        let w = t.norm(i);
        if matches!(w, "que" | "qu'" | "si" | "s'") {
            return None;
        }
        if is_date_word(w) || is_manner_adverb(doc, i) {
            i += 1;
            continue;
        }
        if t.is(i, Class::Preposition) && w != "selon" {
            i += 1;
            match mention_at(t, i, limit) {
                // `en France Gérard Larcher`, `à l'AFP Rémi Castellan`: the person starts at
                // the first name.
                Some(m)
                    if matches!(m.kind, MentionKind::Name | MentionKind::Description)
                        && t.is_capitalized(
                            m.first + usize::from(m.kind == MentionKind::Description),
                        )
                        && m.name.is_some_and(|n| n.start > m.span.start) =>
                {
                    let n = m.name.unwrap_or(m.span);
                    let first = t.at_or_after(n.start);
                    return mention_at(t, first, limit).map(|p| with_apposition(doc, p));
                }
                Some(m) => i = m.end,
                None => i += 1,
            }
            continue;
        }
        if let Some(m) = mention_at(t, i, limit) {
            if matches!(m.kind, MentionKind::Relative | MentionKind::FirstPerson) {
                return None;
            }
            if m.kind == MentionKind::Pronoun && !matches!(w, "lui" | "elle" | "eux") {
                return None;
            }
            return Some(with_apposition(doc, m));
        }
        return None;
    }
    None
}

/// A lowercase adverb in `-ment` not in the lists (`sobrement`, `laconiquement`): French
/// nouns in `-ment` take a determiner, so a bare one after a verb is an adverb.
fn is_manner_adverb(doc: &Document, i: usize) -> bool {
    let w = doc.t.norm(i);
    w.len() > 6 && w.ends_with("ment") && !doc.t.is_capitalized(i) && !doc.t.is(i, Class::Verb)
}

/// Numbers and month names in dates (`lundi 25 mars`); `w` is a word's normal form.
pub(crate) fn is_date_word(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
        || matches!(
            w,
            "janvier"
                | "février"
                | "mars"
                | "avril"
                | "mai"
                | "juin"
                | "juillet"
                | "août"
                | "septembre"
                | "octobre"
                | "novembre"
                | "décembre"
                | "dernier"
                | "prochain"
                | "er"
        )
}

/// The subject before a finite cue, in the clause that ends at the cue.
pub(crate) fn subject_before(doc: &Document, c: usize) -> Option<Mention> {
    let (first, _) = doc.cue_sentence_tokens(c);
    subject_in(doc, first, doc.tok_cue_start(c), false)
}

/// The subject of the clause from token `first` to the verb at `verb_tok`, reading comma-separated
/// segments: `Le directeur, Jim Ryan, a déclaré` → `Jim Ryan`; `Des avocats, une trentaine, ont
/// dénoncé` → `Des avocats`; `Dans un souffle, il poursuit` → `il`; `l'actrice confie qu'il lui
/// disait` → `il`.
pub(crate) fn subject_in(
    doc: &Document,
    first: usize,
    verb_tok: usize,
    inside_quote: bool,
) -> Option<Mention> {
    let t = doc.t;
    let first = first.max(verb_tok.saturating_sub(WINDOW));
    // The clause starts after the last colon, semicolon or line break before the verb.
    let mut start = first;
    for i in (first..verb_tok).rev() {
        if (t.is_punct(i, ':') || t.is_punct(i, ';') || t.is_break(i))
            && (inside_quote || !doc.quoted(i))
        {
            start = i + 1;
            break;
        }
    }
    let segments = segments_iter(doc, start, verb_tok, inside_quote);
    let last = last_segment(doc, start, verb_tok, inside_quote)?;
    let comma_before_verb = verb_tok > 0 && t.is_punct(verb_tok - 1, ',');
    if !comma_before_verb {
        // The verb's own segment: `Il a`, `Le sénateur de l’Yonne ajoute`, `qu'il lui disait`.
        if let Some(m) = subject_of_segment(doc, last.0, verb_tok) {
            return Some(m);
        }
    }
    // `X, apposition, a dit`: the first segment that starts with a mention, unless a later one
    // is a bare name (`le directeur de PlayStation, Jim Ryan, a déclaré`).
    let mut subject: Option<Mention> = None;
    for (s, e) in segments {
        let Some(m) = mention_at(t, s, e) else { continue };
        // (A description with a person's name too: `La cheffe de file, la députée X, a dit`.)
        let named =
            m.kind == MentionKind::Name || m.kind == MentionKind::Description && m.name.is_some();
        if named && m.end == e && subject.is_some() {
            return Some(m);
        }
        if subject.is_none() && !starts_adverbial(doc, s) {
            subject = Some(resolve_relative(doc, m, s));
        }
    }
    subject.or_else(|| subject_of_segment(doc, last.0, verb_tok))
}

/// The subject in the segment that ends at the verb: the first mention after the last
/// `que`/`qu'` (the verb is in that clause), past leading adverbs and conjunctions.
pub(crate) fn subject_of_segment(doc: &Document, start: usize, verb_tok: usize) -> Option<Mention> {
    let t = doc.t;
    // A name right before the verb (past clitics) is its subject, whatever came before:
    // `l'interview dans laquelle Yves Leterme déclarait`.
    if let Some(m) = name_before(doc, start, verb_tok) {
        return Some(m);
    }
    if let Some(m) = title_mention(doc, start) {
        return Some(m);
    }
    let last_clause = (start..verb_tok).rev().find(|&i| {
        matches!(t.norm(i), "que" | "qu'" | "qui")
            && (doc.quoted(i) == doc.quoted(verb_tok.saturating_sub(1)))
    });
    if let Some(q) = last_clause {
        if t.norm(q) == "qui" {
            // `un Président qui lui a dit`: the relative stands for the phrase before it.
            if let Some(m) = mention_at(t, q, q + 1) {
                let r = resolve_relative(doc, m, q);
                if r.kind != MentionKind::Relative || r.span != m.span {
                    return Some(r);
                }
            }
        }
    }
    let from = last_clause.map_or(start, |i| i + 1);
    let mut i = from;
    let mut skipped = 0;
    while i < verb_tok && skipped <= 3 {
        if let Some(m) = mention_at(t, i, verb_tok) {
            if m.kind == MentionKind::Pronoun && t.norm(i) == "lui" && m.end == verb_tok && i > from
            {
                // `il lui disait`: an object pronoun before the verb.
                return None;
            }
            return Some(resolve_relative(doc, m, i));
        }
        let skippable =
            t.is(i, Class::Conjunction) || t.is(i, Class::Stop) || starts_adverbial(doc, i);
        if !skippable {
            return None;
        }
        i += 1;
        skipped += 1;
    }
    None
}

/// A relative `qui` stands for the noun phrase just before it: `le sénateur des Yvelines, qui
/// évoque`, `un Président qui lui a dit`. A person's name is preferred to a longer phrase
/// (`la ligne de mire de Donald Trump, qui` → `Donald Trump`).
pub(crate) fn resolve_relative(doc: &Document, m: Mention, at: usize) -> Mention {
    if m.kind != MentionKind::Relative || at == 0 {
        return m;
    }
    let end = if doc.t.is_punct(at - 1, ',') { at - 1 } else { at };
    let sentence = doc.sentence_of(doc.t.span(at).start);
    let from = doc.t.at_or_after(sentence.start).max(end.saturating_sub(16));
    let mut best: Option<Mention> = None;
    for s in from..end {
        if doc.quoted(s) && !doc.quoted(at) {
            continue;
        }
        let Some(a) = mention_at(doc.t, s, end) else { continue };
        if a.end != end || matches!(a.kind, MentionKind::Relative | MentionKind::FirstPerson) {
            continue;
        }
        let person = a.kind == MentionKind::Name && a.gender.is_some();
        if best.is_none() || person {
            best = Some(with_apposition(doc, a));
            if person {
                break;
            }
        }
    }
    // `Donald Trump et ses équipes, qui`: the person leads the group.
    if let Some(b) = best {
        if b.first >= 2 && doc.t.norm(b.first - 1) == "et" {
            let person =
                (from..b.first - 1).filter_map(|s| mention_at(doc.t, s, b.first - 1)).find(|a| {
                    a.end == b.first - 1 && a.kind == MentionKind::Name && a.gender.is_some()
                });
            if let Some(p) = person {
                return p;
            }
        }
    }
    best.unwrap_or(m)
}

pub(crate) fn starts_adverbial(doc: &Document, i: usize) -> bool {
    let w = doc.t.str(i);
    // `A Nairobi, …`: a capital À is often written without its accent.
    let capital_a = w == "A";
    capital_a || doc.t.is(i, Class::Preposition) || doc.t.adverb_len(i) > 0
}

/// Comma-separated segments (token ranges) between `start` and `end`, skipping commas inside
/// quotations, one at a time: a clause's subject is mostly in its first segments.
fn segments_iter<'d>(
    doc: &'d Document,
    start: usize,
    end: usize,
    inside_quote: bool,
) -> impl Iterator<Item = (usize, usize)> + Clone + 'd {
    let (separators, mut next) = separators_from(doc, start);
    let mut s = start;
    std::iter::from_fn(move || {
        while let Some(at) = separators.get(next).map(|&at| at as usize).filter(|&at| at < end) {
            next += 1;
            if inside_quote || !doc.quoted(at) {
                let segment = (s, at);
                s = at + 1;
                if at > segment.0 {
                    return Some(segment);
                }
            }
        }
        if end > s {
            let segment = (s, end);
            s = end;
            return Some(segment);
        }
        None
    })
}

/// The [`Tokens::separators`], and the index of the first of them at or after token `start`.
fn separators_from<'d>(doc: &'d Document, start: usize) -> (&'d [u32], usize) {
    let separators = doc.t.separators();
    (separators, separators.partition_point(|&at| (at as usize) < start))
}

/// The last of the [`segments_iter`] between `start` and `end`, read back from the end: the
/// clause before it is not read.
fn last_segment(
    doc: &Document,
    start: usize,
    end: usize,
    inside_quote: bool,
) -> Option<(usize, usize)> {
    let (separators, first) = separators_from(doc, start);
    let before_end = separators.partition_point(|&at| (at as usize) < end);
    let mut e = end;
    for &i in separators[first..before_end.max(first)].iter().rev() {
        let i = i as usize;
        if inside_quote || !doc.quoted(i) {
            // (Empty segments are skipped, as the iterator skips them.)
            if e > i + 1 {
                return Some((i + 1, e));
            }
            e = i;
        }
    }
    (e > start).then_some((start, e))
}

/// The subject of the clause in `span`: the first segment whose mention the verb follows
/// directly (`La veille, dans un message, Brahim A. avait expliqué`), else the first segment
/// that starts with a mention (`Le ministre, Jean Dupont, a dit`).
pub(crate) fn clause_subject(doc: &Document, span: Span, how: Subject) -> Option<Mention> {
    let t = doc.t;
    let first = t.at_or_after(span.start);
    clause_subject_in(doc, first, t.at_or_after(span.end), how)
}

/// [`clause_subject`] of the clause in tokens `first..last`.
pub(crate) fn clause_subject_in(
    doc: &Document,
    first: usize,
    last: usize,
    how: Subject,
) -> Option<Mention> {
    let t = doc.t;
    // The subject opens its clause: read at most two windows of it.
    let end = last.min(first + 2 * WINDOW);
    let segs = segments_iter(doc, first, end, false);
    // Where the last finite verb of the clause is: a verb-like word, or a segment that opens
    // on one (`Fatima, 45 ans, vit au deuxième`). Only a bare noun phrase asks, so it is found
    // the first time one does, not for every clause.
    let find_last_verb = || {
        (first..end).rev().find(|&i| has_finite_verb(doc, i, i + 1)).max(
            segs.clone()
                .map(|(s, _)| s)
                .filter(|&s| verb_follows(doc, s) && !t.is(s, Class::Determiner))
                .last(),
        )
    };
    let mut last_verb: Option<Option<usize>> = None;
    let mut fallback = None;
    for (s, e) in segs.clone() {
        // (The flags first, in one branch with the quotation test: most segments open on no
        // mention, and which do is hard to predict.)
        if doc.quoted(s) | !may_open_mention(t, s) || starts_adverbial(doc, s) {
            continue;
        }
        let Some(m) = mention_at(t, s, e) else { continue };
        if matches!(m.kind, MentionKind::FirstPerson) {
            continue;
        }
        // `La ministre, X, a remis sa lettre au préfet, qui l'a lue`: a relative clause after
        // the subject found is not the clause's.
        if m.kind == MentionKind::Relative && fallback.is_some() {
            break;
        }
        // `Mme Morel et M. Petit se sont rencontrés`: the first of the pair.
        let pair_end = matches!(t.norm(m.end), "et" | "ou")
            .then(|| mention_at(t, m.end + 1, e))
            .flatten()
            .map(|second| second.end);
        if m.end < e && verb_follows(doc, pair_end.unwrap_or(m.end)) {
            return Some(resolve_relative(doc, m, s));
        }
        if fallback.is_some() {
            continue;
        }
        // `Le ministre, Jean Dupont, a dit`: a bare noun phrase before an apposition and a verb.
        let bare = how == Subject::Loose
            || m.end == e && last_verb.get_or_insert_with(find_last_verb).is_some_and(|v| v >= e);
        if bare {
            fallback = Some(with_apposition(doc, resolve_relative(doc, m, s)));
        }
    }
    fallback
}

/// How sure a clause subject must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Subject {
    /// A noun phrase followed by a verb, or before an apposition and a verb: what later
    /// pronouns may point back to.
    Strict,
    /// The first noun phrase of the clause will do: the speaker before a colon
    /// (`Larcher : « … »`), or of a sentence a fragment sits in.
    Loose,
}

/// Whether a verb (or a clitic before one) stands at token `i`.
pub(crate) fn verb_follows(doc: &Document, i: usize) -> bool {
    let t = doc.t;
    if !t.is_word(i) {
        return false;
    }
    // After a whole noun phrase, a lowercase word that is no function word is its verb
    // (`Paul Martin retrouve`): French has no other common word there.
    // (The flags first, all in one test: the word itself is read last.)
    let other_word = || {
        !t.is_capitalized(i)
            && !t.is_any(i, FUNCTION_WORD_BITS)
            && !t.str(i).starts_with(|c: char| c.is_ascii_digit())
            && t.adverb_len(i) == 0
    };
    t.is(i, Class::Clitic) || other_word() || has_finite_verb(doc, i, i + 1)
}

/// The classes of the words [`verb_follows`] takes for no verb, as bits for
/// [`Tokens::is_any`](crate::token::Tokens::is_any).
const FUNCTION_WORD_BITS: u32 = Class::Preposition.bit()
    | Class::Conjunction.bit()
    | Class::Determiner.bit()
    | Class::Pronoun.bit()
    | Class::Particle.bit();

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::Tokens;

    #[test]
    fn no_mention_starts_where_the_flags_say_none_may() {
        let text = "Il a dit qu'elle, celle-ci et celui-là, qui viendront, j'ai vu Mme Morel, \
                    M. Le Drian, le ministre, ce dernier, cette dernière et on, eux, \
                    selon layoffs.fyi : « Nous verrons », a déclaré Jean-Marc l’Ancien ; ils, elles, lui.";
        let t = Tokens::new(text);
        for i in 0..t.len() {
            if !may_open_mention(&t, i) {
                assert!(mention_at(&t, i, t.len()).is_none(), "{:?}", t.str(i));
            }
        }
    }

    #[test]
    fn the_last_segment_is_the_iterators_last() {
        let texts = [
            "",
            "Le directeur, Jim Ryan, a déclaré",
            ", , a, b,, c,",
            "Le studio — fondé en 2002 — va fermer, a précisé X",
            "un deux trois",
        ];
        for text in texts {
            let t = Tokens::new(text);
            let doc = Document::new(text, &t, &[], &[], &[]);
            for start in 0..=t.len() + 1 {
                for end in 0..=t.len() + 1 {
                    let last = segments_iter(&doc, start, end, false).last();
                    assert_eq!(
                        last_segment(&doc, start, end, false),
                        last,
                        "{text:?} {start}..{end}"
                    );
                }
            }
        }
    }
}
