//! French conjugation by rule: every inflected form the press uses for a verb, generated from
//! its infinitive and, for irregular verbs, the name of its model.
//!
//! Covered: présent, imparfait, passé simple, futur, conditionnel (all six persons), past
//! participle (masculine/feminine, singular/plural), present participle, infinitive.
//! First-group verbs (`-er`) get their spelling changes by rule (`lança`, `jugea`, `révèle`,
//! `achève`, `appelle` with `@ll`, `emploie`); second-group verbs (`-ir`, `avertissait`) need
//! no model; third-group verbs name one of the models in [`IRREGULARS`].

/// A tense of the indicative.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Tense {
    Present,
    Imperfect,
    SimplePast,
    Future,
    Conditional,
}

/// What an inflected form is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum FormKind {
    /// A finite form; `person` is 1, 2 or 3.
    Finite {
        tense: Tense,
        person: u8,
        plural: bool,
    },
    PastParticiple {
        feminine: bool,
        plural: bool,
    },
    PresentParticiple,
    Infinitive,
}

/// The six persons in the usual order: je, tu, il, nous, vous, ils.
const PERSONS: [(u8, bool); 6] =
    [(1, false), (2, false), (3, false), (1, true), (2, true), (3, true)];

const IMPERFECT_ENDINGS: [&str; 6] = ["ais", "ais", "ait", "ions", "iez", "aient"];
const FUTURE_ENDINGS: [&str; 6] = ["ai", "as", "a", "ons", "ez", "ont"];
const CONDITIONAL_ENDINGS: [&str; 6] = IMPERFECT_ENDINGS;

/// An irregular model. Every string is what replaces `suffix` at the end of the infinitive
/// (so `prédire` = `pré` + `dire` gives `pré` + `dit`).
pub(crate) struct Irregular {
    /// The name used after `@` in the lexicon.
    pub name: &'static str,
    suffix: &'static str,
    present: [&'static str; 6],
    /// Imperfect stem (the endings `-ais`, `-ait`, ... are added).
    imperfect: &'static str,
    simple_past: [&'static str; 6],
    /// Future and conditional stem.
    future: &'static str,
    /// Masculine singular past participle (the other three are derived).
    past_participle: &'static str,
    present_participle: &'static str,
}

macro_rules! irr {
    ($name:literal, $suffix:literal, [$($p:literal),*], $imp:literal, [$($ps:literal),*], $fut:literal, $pp:literal, $ppr:literal) => {
        Irregular {
            name: $name,
            suffix: $suffix,
            present: [$($p),*],
            imperfect: $imp,
            simple_past: [$($ps),*],
            future: $fut,
            past_participle: $pp,
            present_participle: $ppr,
        }
    };
}

/// The irregular models, by name.
pub(crate) static IRREGULARS: &[Irregular] = &[
    irr!(
        "dire",
        "dire",
        ["dis", "dis", "dit", "disons", "dites", "disent"],
        "dis",
        ["dis", "dis", "dit", "dîmes", "dîtes", "dirent"],
        "dir",
        "dit",
        "disant"
    ),
    irr!(
        "crire",
        "crire",
        ["cris", "cris", "crit", "crivons", "crivez", "crivent"],
        "criv",
        ["crivis", "crivis", "crivit", "crivîmes", "crivîtes", "crivirent"],
        "crir",
        "crit",
        "crivant"
    ),
    irr!(
        "aître",
        "aître",
        ["ais", "ais", "aît", "aissons", "aissez", "aissent"],
        "aiss",
        ["us", "us", "ut", "ûmes", "ûtes", "urent"],
        "aîtr",
        "u",
        "aissant"
    ),
    irr!(
        "mettre",
        "mettre",
        ["mets", "mets", "met", "mettons", "mettez", "mettent"],
        "mett",
        ["mis", "mis", "mit", "mîmes", "mîtes", "mirent"],
        "mettr",
        "mis",
        "mettant"
    ),
    irr!(
        "enir",
        "enir",
        ["iens", "iens", "ient", "enons", "enez", "iennent"],
        "en",
        ["ins", "ins", "int", "înmes", "întes", "inrent"],
        "iendr",
        "enu",
        "enant"
    ),
    irr!(
        "dre",
        "dre",
        ["ds", "ds", "d", "dons", "dez", "dent"],
        "d",
        ["dis", "dis", "dit", "dîmes", "dîtes", "dirent"],
        "dr",
        "du",
        "dant"
    ),
    irr!(
        "suivre",
        "suivre",
        ["suis", "suis", "suit", "suivons", "suivez", "suivent"],
        "suiv",
        ["suivis", "suivis", "suivit", "suivîmes", "suivîtes", "suivirent"],
        "suivr",
        "suivi",
        "suivant"
    ),
    irr!(
        "clure",
        "clure",
        ["clus", "clus", "clut", "cluons", "cluez", "cluent"],
        "clu",
        ["clus", "clus", "clut", "clûmes", "clûtes", "clurent"],
        "clur",
        "clu",
        "cluant"
    ),
    irr!(
        "prendre",
        "prendre",
        ["prends", "prends", "prend", "prenons", "prenez", "prennent"],
        "pren",
        ["pris", "pris", "prit", "prîmes", "prîtes", "prirent"],
        "prendr",
        "pris",
        "prenant"
    ),
    irr!(
        "indre",
        "indre",
        ["ins", "ins", "int", "ignons", "ignez", "ignent"],
        "ign",
        ["ignis", "ignis", "ignit", "ignîmes", "ignîtes", "ignirent"],
        "indr",
        "int",
        "ignant"
    ),
    irr!(
        "croire",
        "croire",
        ["crois", "crois", "croit", "croyons", "croyez", "croient"],
        "croy",
        ["crus", "crus", "crut", "crûmes", "crûtes", "crurent"],
        "croir",
        "cru",
        "croyant"
    ),
    irr!(
        "faire",
        "faire",
        ["fais", "fais", "fait", "faisons", "faites", "font"],
        "fais",
        ["fis", "fis", "fit", "fîmes", "fîtes", "firent"],
        "fer",
        "fait",
        "faisant"
    ),
    irr!(
        "voir",
        "voir",
        ["vois", "vois", "voit", "voyons", "voyez", "voient"],
        "voy",
        ["vis", "vis", "vit", "vîmes", "vîtes", "virent"],
        "verr",
        "vu",
        "voyant"
    ),
    irr!(
        "prévoir",
        "voir",
        ["vois", "vois", "voit", "voyons", "voyez", "voient"],
        "voy",
        ["vis", "vis", "vit", "vîmes", "vîtes", "virent"],
        "voir",
        "vu",
        "voyant"
    ),
    irr!(
        "rire",
        "rire",
        ["ris", "ris", "rit", "rions", "riez", "rient"],
        "ri",
        ["ris", "ris", "rit", "rîmes", "rîtes", "rirent"],
        "rir",
        "ri",
        "riant"
    ),
    irr!(
        "tir",
        "tir",
        ["s", "s", "t", "tons", "tez", "tent"],
        "t",
        ["tis", "tis", "tit", "tîmes", "tîtes", "tirent"],
        "tir",
        "ti",
        "tant"
    ),
    irr!(
        "rompre",
        "rompre",
        ["romps", "romps", "rompt", "rompons", "rompez", "rompent"],
        "romp",
        ["rompis", "rompis", "rompit", "rompîmes", "rompîtes", "rompirent"],
        "rompr",
        "rompu",
        "rompant"
    ),
    irr!(
        "lire",
        "lire",
        ["lis", "lis", "lit", "lisons", "lisez", "lisent"],
        "lis",
        ["lus", "lus", "lut", "lûmes", "lûtes", "lurent"],
        "lir",
        "lu",
        "lisant"
    ),
    irr!(
        "plaire",
        "aire",
        ["ais", "ais", "aît", "aisons", "aisez", "aisent"],
        "ais",
        ["us", "us", "ut", "ûmes", "ûtes", "urent"],
        "air",
        "u",
        "aisant"
    ),
    irr!(
        "aller",
        "aller",
        ["vais", "vas", "va", "allons", "allez", "vont"],
        "all",
        ["allai", "allas", "alla", "allâmes", "allâtes", "allèrent"],
        "ir",
        "allé",
        "allant"
    ),
    irr!(
        "vouloir",
        "vouloir",
        ["veux", "veux", "veut", "voulons", "voulez", "veulent"],
        "voul",
        ["voulus", "voulus", "voulut", "voulûmes", "voulûtes", "voulurent"],
        "voudr",
        "voulu",
        "voulant"
    ),
    irr!(
        "pouvoir",
        "pouvoir",
        ["peux", "peux", "peut", "pouvons", "pouvez", "peuvent"],
        "pouv",
        ["pus", "pus", "put", "pûmes", "pûtes", "purent"],
        "pourr",
        "pu",
        "pouvant"
    ),
    irr!(
        "devoir",
        "devoir",
        ["dois", "dois", "doit", "devons", "devez", "doivent"],
        "dev",
        ["dus", "dus", "dut", "dûmes", "dûtes", "durent"],
        "devr",
        "dû",
        "devant"
    ),
    irr!(
        "émouvoir",
        "mouvoir",
        ["meus", "meus", "meut", "mouvons", "mouvez", "meuvent"],
        "mouv",
        ["mus", "mus", "mut", "mûmes", "mûtes", "murent"],
        "mouvr",
        "mu",
        "mouvant"
    ),
    irr!(
        "prévaloir",
        "valoir",
        ["vaux", "vaux", "vaut", "valons", "valez", "valent"],
        "val",
        ["valus", "valus", "valut", "valûmes", "valûtes", "valurent"],
        "vaudr",
        "valu",
        "valant"
    ),
];

/// Every form of `verb` (an infinitive, without `se`) with what it is.
///
/// `pattern` is the name after `@` in the lexicon: `None` for regular `-er` and `-ir` verbs,
/// `Some("ll")` / `Some("tt")` for the `appeler` / `jeter` doubling, or an irregular model name.
/// Forms are lowercase; a form with `î` also comes without it (1990 spelling: `connait`).
pub(crate) fn conjugate(
    verb: &str,
    pattern: Option<&str>,
) -> Result<Vec<(String, FormKind)>, String> {
    let mut out = Vec::with_capacity(80);
    match pattern {
        None | Some("ll") | Some("tt") => {
            if let Some(stem) = verb.strip_suffix("er") {
                first_group(verb, stem, pattern.is_some(), &mut out);
            } else if let Some(stem) = verb.strip_suffix("ir") {
                if pattern.is_some() {
                    return Err(format!(
                        "`{verb}`: @{} applies to -er verbs",
                        pattern.unwrap_or("")
                    ));
                }
                second_group(verb, stem, &mut out);
            } else {
                return Err(format!("`{verb}` is not a regular -er/-ir verb: give it a @model"));
            }
        }
        Some(name) => {
            let model = IRREGULARS
                .iter()
                .find(|m| m.name == name)
                .ok_or_else(|| format!("`{verb}`: unknown model @{name}"))?;
            irregular(verb, model, &mut out)?;
        }
    }
    let extra: Vec<(String, FormKind)> = out
        .iter()
        .filter(|(f, _)| f.contains('î'))
        .map(|(f, k)| (f.replace('î', "i"), *k))
        .collect();
    out.extend(extra);
    Ok(out)
}

fn push_participles(pp: &str, out: &mut Vec<(String, FormKind)>) {
    let base = pp.strip_suffix('û').map(|s| format!("{s}u")).unwrap_or_else(|| pp.to_string());
    let fem = format!("{base}e");
    let masc_pl = if base.ends_with('s') { base.clone() } else { format!("{pp}s") };
    let fem_pl = format!("{base}es");
    out.push((pp.to_string(), FormKind::PastParticiple { feminine: false, plural: false }));
    out.push((fem, FormKind::PastParticiple { feminine: true, plural: false }));
    out.push((masc_pl, FormKind::PastParticiple { feminine: false, plural: true }));
    out.push((fem_pl, FormKind::PastParticiple { feminine: true, plural: true }));
}

fn push_tense(tense: Tense, stem: &str, endings: &[&str; 6], out: &mut Vec<(String, FormKind)>) {
    for (ending, &(person, plural)) in endings.iter().zip(PERSONS.iter()) {
        out.push((join(stem, ending), FormKind::Finite { tense, person, plural }));
    }
}

/// `stem` + `ending`, with `c` → `ç` and `g` → `ge` before `a`, `â`, `o`, `u`.
fn join(stem: &str, ending: &str) -> String {
    let hard = matches!(ending.chars().next(), Some('a' | 'â' | 'o' | 'u'));
    let mut s = String::with_capacity(stem.len() + ending.len() + 2);
    if hard && stem.ends_with('c') {
        s.push_str(&stem[..stem.len() - 1]);
        s.push('ç');
    } else {
        s.push_str(stem);
        if hard && stem.ends_with('g') {
            s.push('e');
        }
    }
    s.push_str(ending);
    s
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
            | 'é'
            | 'è'
            | 'ê'
            | 'ë'
            | 'à'
            | 'â'
            | 'î'
            | 'ï'
            | 'ô'
            | 'û'
            | 'ù'
            | 'ü'
    )
}

/// The stem changes of first-group verbs before a mute `e`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Alternation {
    None,
    /// `lever` → `lève`, `lèvera`.
    OpenE,
    /// `céder` → `cède`, future `cédera` (and the 1990 `cèdera`).
    AcuteToGrave,
    /// `appeler` → `appelle`, `appellera` (marked `@ll` / `@tt`).
    Double,
    /// `employer` → `emploie`; `optional` for `-ayer` (`paye` / `paie`).
    YToI {
        optional: bool,
    },
}

fn alternation(stem: &str, double: bool) -> Alternation {
    if double {
        return Alternation::Double;
    }
    if stem.ends_with('y') {
        return Alternation::YToI { optional: stem.ends_with("ay") };
    }
    let chars: Vec<char> = stem.chars().collect();
    let Some(v) = last_stem_vowel(&chars) else {
        return Alternation::None;
    };
    // The `u` of a final `gu`/`qu` belongs to the consonant (`alléguer` → `allègue`).
    let body_end =
        if stem.ends_with("gu") || stem.ends_with("qu") { chars.len() - 1 } else { chars.len() };
    let cluster = &chars[v + 1..body_end];
    let ok_cluster = match cluster {
        [c] => !is_vowel(*c),
        ['c', 'h'] | ['g', 'n'] => true,
        [a, b] => {
            matches!(a, 'b' | 'c' | 'd' | 'f' | 'g' | 'p' | 't' | 'v') && matches!(b, 'r' | 'l')
        }
        _ => false,
    };
    if !ok_cluster {
        return Alternation::None;
    }
    let before_is_vowel = v > 0 && is_vowel(chars[v - 1]);
    match chars[v] {
        'e' if !before_is_vowel => Alternation::OpenE,
        'é' => Alternation::AcuteToGrave,
        _ => Alternation::None,
    }
}

/// The index of the last vowel of a stem, not counting the `u` of a final `gu`/`qu`.
fn last_stem_vowel(chars: &[char]) -> Option<usize> {
    let n = chars.len();
    let end =
        if n >= 2 && chars[n - 1] == 'u' && matches!(chars[n - 2], 'g' | 'q') { n - 1 } else { n };
    chars[..end].iter().rposition(|&c| is_vowel(c))
}

/// The stem before a mute ending (`-e`, `-es`, `-ent`), with its variants.
fn mute_stems(stem: &str, alt: Alternation) -> Vec<String> {
    match alt {
        Alternation::None => vec![stem.to_string()],
        Alternation::OpenE | Alternation::AcuteToGrave => {
            let chars: Vec<char> = stem.chars().collect();
            let v = last_stem_vowel(&chars).unwrap_or(0);
            let s: String =
                chars.iter().enumerate().map(|(i, &c)| if i == v { 'è' } else { c }).collect();
            vec![s]
        }
        Alternation::Double => {
            let last = stem.chars().last().unwrap_or('l');
            vec![format!("{stem}{last}")]
        }
        Alternation::YToI { optional } => {
            let i = format!("{}i", &stem[..stem.len() - 1]);
            if optional { vec![i, stem.to_string()] } else { vec![i] }
        }
    }
}

fn first_group(verb: &str, stem: &str, double: bool, out: &mut Vec<(String, FormKind)>) {
    let alt = alternation(stem, double);
    let mute = mute_stems(stem, alt);
    // Présent.
    const PRESENT: [&str; 6] = ["e", "es", "e", "ons", "ez", "ent"];
    for (i, (ending, &(person, plural))) in PRESENT.iter().zip(PERSONS.iter()).enumerate() {
        let kind = FormKind::Finite { tense: Tense::Present, person, plural };
        if matches!(i, 0 | 1 | 2 | 5) {
            for m in &mute {
                out.push((join(m, ending), kind));
            }
        } else {
            out.push((join(stem, ending), kind));
        }
    }
    push_tense(Tense::Imperfect, stem, &IMPERFECT_ENDINGS, out);
    push_tense(Tense::SimplePast, stem, &["ai", "as", "a", "âmes", "âtes", "èrent"], out);
    let futures: Vec<String> = match alt {
        Alternation::None => vec![verb.to_string()],
        Alternation::OpenE | Alternation::Double | Alternation::YToI { optional: false } => {
            mute.iter().map(|m| format!("{m}er")).collect()
        }
        Alternation::AcuteToGrave | Alternation::YToI { optional: true } => {
            let mut v = vec![verb.to_string()];
            v.extend(mute.iter().map(|m| format!("{m}er")));
            v.dedup();
            v
        }
    };
    for f in &futures {
        push_tense(Tense::Future, f, &FUTURE_ENDINGS, out);
        push_tense(Tense::Conditional, f, &CONDITIONAL_ENDINGS, out);
    }
    push_participles(&format!("{stem}é"), out);
    out.push((join(stem, "ant"), FormKind::PresentParticiple));
    out.push((verb.to_string(), FormKind::Infinitive));
}

fn second_group(verb: &str, stem: &str, out: &mut Vec<(String, FormKind)>) {
    push_tense(Tense::Present, stem, &["is", "is", "it", "issons", "issez", "issent"], out);
    push_tense(Tense::Imperfect, &format!("{stem}iss"), &IMPERFECT_ENDINGS, out);
    push_tense(Tense::SimplePast, stem, &["is", "is", "it", "îmes", "îtes", "irent"], out);
    push_tense(Tense::Future, verb, &FUTURE_ENDINGS, out);
    push_tense(Tense::Conditional, verb, &CONDITIONAL_ENDINGS, out);
    push_participles(&format!("{stem}i"), out);
    out.push((format!("{stem}issant"), FormKind::PresentParticiple));
    out.push((verb.to_string(), FormKind::Infinitive));
}

fn irregular(verb: &str, m: &Irregular, out: &mut Vec<(String, FormKind)>) -> Result<(), String> {
    let prefix = verb
        .strip_suffix(m.suffix)
        .ok_or_else(|| format!("`{verb}` does not end in `{}` (model @{})", m.suffix, m.name))?;
    let p = |s: &str| format!("{prefix}{s}");
    for (form, &(person, plural)) in m.present.iter().zip(PERSONS.iter()) {
        out.push((p(form), FormKind::Finite { tense: Tense::Present, person, plural }));
    }
    push_tense(Tense::Imperfect, &p(m.imperfect), &IMPERFECT_ENDINGS, out);
    for (form, &(person, plural)) in m.simple_past.iter().zip(PERSONS.iter()) {
        out.push((p(form), FormKind::Finite { tense: Tense::SimplePast, person, plural }));
    }
    push_tense(Tense::Future, &p(m.future), &FUTURE_ENDINGS, out);
    push_tense(Tense::Conditional, &p(m.future), &CONDITIONAL_ENDINGS, out);
    push_participles(&p(m.past_participle), out);
    out.push((p(m.present_participle), FormKind::PresentParticiple));
    out.push((verb.to_string(), FormKind::Infinitive));
    Ok(())
}

/// An auxiliary form: `être` or `avoir`, and what form it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Aux {
    pub etre: bool,
    pub kind: FormKind,
}

/// The forms of `avoir` and `être` used as auxiliaries (indicative tenses, subjunctive present
/// and imperfect third persons, infinitive, present participle).
pub(crate) fn auxiliaries() -> Vec<(&'static str, Aux)> {
    use Tense::*;
    let mut out = Vec::with_capacity(90);
    let tables: [(bool, Tense, [&'static str; 6]); 10] = [
        (false, Present, ["ai", "as", "a", "avons", "avez", "ont"]),
        (false, Imperfect, ["avais", "avais", "avait", "avions", "aviez", "avaient"]),
        (false, SimplePast, ["eus", "eus", "eut", "eûmes", "eûtes", "eurent"]),
        (false, Future, ["aurai", "auras", "aura", "aurons", "aurez", "auront"]),
        (false, Conditional, ["aurais", "aurais", "aurait", "aurions", "auriez", "auraient"]),
        (true, Present, ["suis", "es", "est", "sommes", "êtes", "sont"]),
        (true, Imperfect, ["étais", "étais", "était", "étions", "étiez", "étaient"]),
        (true, SimplePast, ["fus", "fus", "fut", "fûmes", "fûtes", "furent"]),
        (true, Future, ["serai", "seras", "sera", "serons", "serez", "seront"]),
        (true, Conditional, ["serais", "serais", "serait", "serions", "seriez", "seraient"]),
    ];
    for (etre, tense, forms) in tables {
        for (form, &(person, plural)) in forms.iter().zip(PERSONS.iter()) {
            out.push((*form, Aux { etre, kind: FormKind::Finite { tense, person, plural } }));
        }
    }
    // Subjunctive (`qu'il ait dit`, `qu'il se soit dit`), tagged as présent.
    let subj: [(bool, &'static str, u8, bool); 10] = [
        (false, "aie", 1, false),
        (false, "ait", 3, false),
        (false, "ayons", 1, true),
        (false, "aient", 3, true),
        (false, "eût", 3, false),
        (true, "sois", 1, false),
        (true, "soit", 3, false),
        (true, "soyons", 1, true),
        (true, "soient", 3, true),
        (true, "fût", 3, false),
    ];
    for (etre, form, person, plural) in subj {
        out.push((form, Aux { etre, kind: FormKind::Finite { tense: Present, person, plural } }));
    }
    out.push(("avoir", Aux { etre: false, kind: FormKind::Infinitive }));
    out.push(("être", Aux { etre: true, kind: FormKind::Infinitive }));
    out.push(("ayant", Aux { etre: false, kind: FormKind::PresentParticiple }));
    out.push(("étant", Aux { etre: true, kind: FormKind::PresentParticiple }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(verb: &str, pattern: Option<&str>) -> Vec<(String, FormKind)> {
        conjugate(verb, pattern).unwrap_or_else(|e| panic!("{e}"))
    }

    fn has(verb: &str, pattern: Option<&str>, wanted: &[&str]) {
        let f = forms(verb, pattern);
        for w in wanted {
            assert!(
                f.iter().any(|(s, _)| s == w),
                "{verb}: missing {w}; got {:?}",
                f.iter().map(|x| &x.0).collect::<Vec<_>>()
            );
        }
    }

    fn lacks(verb: &str, pattern: Option<&str>, unwanted: &[&str]) {
        let f = forms(verb, pattern);
        for w in unwanted {
            assert!(!f.iter().any(|(s, _)| s == w), "{verb}: unexpected {w}");
        }
    }

    fn kind_of(verb: &str, pattern: Option<&str>, form: &str) -> Vec<FormKind> {
        forms(verb, pattern).into_iter().filter(|(s, _)| s == form).map(|(_, k)| k).collect()
    }

    #[test]
    fn first_group_regular() {
        has(
            "déclarer",
            None,
            &[
                "déclare",
                "déclares",
                "déclarons",
                "déclarez",
                "déclarent",
                "déclarait",
                "déclaraient",
                "déclarais",
                "déclara",
                "déclarèrent",
                "déclarai",
                "déclarera",
                "déclareront",
                "déclarerait",
                "déclareraient",
                "déclaré",
                "déclarée",
                "déclarés",
                "déclarées",
                "déclarant",
                "déclarer",
            ],
        );
        assert!(kind_of("déclarer", None, "déclarent").contains(&FormKind::Finite {
            tense: Tense::Present,
            person: 3,
            plural: true
        }));
        assert_eq!(kind_of("déclarer", None, "déclarant"), vec![FormKind::PresentParticiple]);
        has("tweeter", None, &["tweete", "tweetant", "tweeté"]);
        has("confier", None, &["confie", "confiait", "confia", "confiera", "confié"]);
        has("rétorquer", None, &["rétorque", "rétorqua", "rétorquant"]);
    }

    #[test]
    fn first_group_c_and_g() {
        has(
            "lancer",
            None,
            &[
                "lance",
                "lança",
                "lançait",
                "lançaient",
                "lançant",
                "lancèrent",
                "lancions",
                "lancé",
            ],
        );
        lacks("lancer", None, &["lancait", "lancant", "lançèrent"]);
        has(
            "juger",
            None,
            &["juge", "jugea", "jugeait", "jugeant", "jugèrent", "jugions", "jugeons", "jugé"],
        );
        lacks("juger", None, &["jugait", "jugant"]);
        has("fustiger", None, &["fustigeant", "fustigea"]);
        has("annoncer", None, &["annonçant", "annonçons"]);
    }

    #[test]
    fn first_group_stem_changes() {
        // é → è before a mute ending; future in both spellings.
        has(
            "révéler",
            None,
            &["révèle", "révèlent", "révélait", "révéla", "révélera", "révèlera", "révélé"],
        );
        lacks("révéler", None, &["révéle", "révèlait"]);
        has("inquiéter", None, &["inquiète", "inquiètent", "inquiétait"]);
        has("espérer", None, &["espère", "espérons", "espérait", "espérerait"]);
        has("répéter", None, &["répète", "répétait"]);
        has("célébrer", None, &["célèbre"]);
        has("protéger", None, &["protège", "protégeait", "protégea"]);
        has("alléguer", None, &["allègue", "alléguait", "allégua"]);
        lacks("alléguer", None, &["allégue"]);
        has("évoquer", None, &["évoque", "évoquait"]);
        // e → è, future too.
        has("marteler", None, &["martèle", "martèlent", "martelait", "martèlera", "martelé"]);
        lacks("marteler", None, &["martele", "martelle"]);
        has("relever", None, &["relève", "relevait", "relèvera", "relevant"]);
        has("achever", None, &["achève"]);
        // Doubling.
        has(
            "appeler",
            Some("ll"),
            &[
                "appelle",
                "appellent",
                "appelait",
                "appela",
                "appellera",
                "appellerait",
                "appelé",
                "appelant",
            ],
        );
        lacks("appeler", Some("ll"), &["appèle", "appele"]);
        has("rappeler", Some("ll"), &["rappelle", "rappelait"]);
        has("jeter", Some("tt"), &["jette", "jetait", "jettera"]);
        // y → i.
        has("employer", None, &["emploie", "emploient", "employait", "emploiera", "employant"]);
        lacks("employer", None, &["employe"]);
        has("bégayer", None, &["bégaie", "bégaye", "bégayait", "bégaiera", "bégayera"]);
        // No change where the stem ends in two consonants.
        has("regretter", None, &["regrette", "regrettera"]);
        has("interpeller", None, &["interpelle", "interpellait"]);
        has("insister", None, &["insiste"]);
    }

    #[test]
    fn second_group() {
        has(
            "avertir",
            None,
            &[
                "avertit",
                "avertissent",
                "avertissait",
                "avertissaient",
                "avertit",
                "avertirent",
                "avertira",
                "avertirait",
                "averti",
                "avertie",
                "avertis",
                "averties",
                "avertissant",
            ],
        );
        has("réagir", None, &["réagit", "réagissait", "réagissant", "réagi"]);
        has("réjouir", None, &["réjouit", "réjouissent"]);
    }

    #[test]
    fn irregular_models() {
        has(
            "dire",
            Some("dire"),
            &[
                "dis", "dit", "disent", "disait", "disaient", "dirent", "dira", "diront", "dirait",
                "disant", "dite", "dits",
            ],
        );
        has("prédire", Some("dire"), &["prédit", "prédisait", "prédira"]);
        has(
            "écrire",
            Some("crire"),
            &["écrit", "écrivent", "écrivait", "écrivit", "écrira", "écrivant", "écrite"],
        );
        has("décrire", Some("crire"), &["décrit", "décrivait"]);
        has(
            "reconnaître",
            Some("aître"),
            &[
                "reconnaît",
                "reconnait",
                "reconnaissent",
                "reconnaissait",
                "reconnut",
                "reconnaîtra",
                "reconnu",
                "reconnue",
                "reconnaissant",
            ],
        );
        has(
            "admettre",
            Some("mettre"),
            &[
                "admet",
                "admettent",
                "admettait",
                "admit",
                "admettra",
                "admis",
                "admise",
                "admises",
                "admettant",
            ],
        );
        has("émettre", Some("mettre"), &["émet", "émis", "émit"]);
        has(
            "soutenir",
            Some("enir"),
            &[
                "soutient",
                "soutiennent",
                "soutenait",
                "soutint",
                "soutiendra",
                "soutenu",
                "soutenant",
            ],
        );
        has(
            "prévenir",
            Some("enir"),
            &["prévient", "prévenait", "prévint", "préviendra", "prévenu"],
        );
        has("souvenir", Some("enir"), &["souvient", "souvenait", "souvenu"]);
        has(
            "répondre",
            Some("dre"),
            &["répond", "répondent", "répondait", "répondit", "répondra", "répondu", "répondant"],
        );
        has(
            "poursuivre",
            Some("suivre"),
            &[
                "poursuit",
                "poursuivent",
                "poursuivait",
                "poursuivit",
                "poursuivra",
                "poursuivi",
                "poursuivant",
            ],
        );
        has(
            "conclure",
            Some("clure"),
            &[
                "conclut",
                "concluent",
                "concluait",
                "conclurent",
                "conclura",
                "conclu",
                "conclue",
                "concluant",
            ],
        );
        has(
            "reprendre",
            Some("prendre"),
            &[
                "reprend",
                "reprennent",
                "reprenait",
                "reprit",
                "reprendra",
                "repris",
                "reprise",
                "reprenant",
            ],
        );
        has(
            "craindre",
            Some("indre"),
            &[
                "craint",
                "craignent",
                "craignait",
                "craignit",
                "craindra",
                "craint",
                "crainte",
                "craignant",
            ],
        );
        has("plaindre", Some("indre"), &["plaint", "plaignait"]);
        has(
            "croire",
            Some("croire"),
            &["croit", "croient", "croyait", "crut", "croira", "cru", "croyant"],
        );
        has(
            "faire",
            Some("faire"),
            &["fait", "font", "faisait", "fit", "fera", "ferait", "faisant"],
        );
        has("prévoir", Some("prévoir"), &["prévoit", "prévoyait", "prévit", "prévoira", "prévu"]);
        has(
            "sourire",
            Some("rire"),
            &["sourit", "sourient", "souriait", "sourira", "souri", "souriant"],
        );
        has(
            "démentir",
            Some("tir"),
            &["dément", "démentent", "démentait", "démentit", "démentira", "démenti", "démentant"],
        );
        has("interrompre", Some("rompre"), &["interrompt", "interrompait", "interrompu"]);
        has("lire", Some("lire"), &["lit", "lisait", "lut", "lu", "lisant"]);
        has("plaire", Some("plaire"), &["plaît", "plait", "plaisait", "plut"]);
        has("aller", Some("aller"), &["va", "vont", "allait", "ira", "irait", "alla", "allant"]);
        has("vouloir", Some("vouloir"), &["veut", "veulent", "voulait", "voudrait", "voulu"]);
        has("pouvoir", Some("pouvoir"), &["peut", "peuvent", "pourrait", "pu"]);
        has("devoir", Some("devoir"), &["doit", "doivent", "devait", "dû", "due", "dus"]);
    }

    #[test]
    fn first_person_forms() {
        assert!(kind_of("dire", Some("dire"), "dis").contains(&FormKind::Finite {
            tense: Tense::Present,
            person: 1,
            plural: false
        }));
        assert!(
            kind_of("dire", Some("dire"), "dit")
                .contains(&FormKind::PastParticiple { feminine: false, plural: false })
        );
        has("déclarer", None, &["déclare", "déclarai", "déclarerai", "déclarais"]);
    }

    #[test]
    fn auxiliaries_cover_the_tenses() {
        let aux = auxiliaries();
        for f in [
            "a", "ont", "ai", "avait", "avaient", "avais", "eut", "eurent", "aura", "auront",
            "aurait", "auraient", "est", "sont", "suis", "était", "étaient", "sera", "serait",
            "fut", "furent", "ait", "soit", "avoir", "être", "ayant", "étant",
        ] {
            assert!(aux.iter().any(|(s, _)| *s == f), "missing aux {f}");
        }
        let (_, a) = aux.iter().find(|(s, _)| *s == "ai").copied().unwrap_or(("", aux[0].1));
        assert_eq!(a.kind, FormKind::Finite { tense: Tense::Present, person: 1, plural: false });
    }

    #[test]
    fn errors() {
        assert!(conjugate("dire", None).is_err());
        assert!(conjugate("dire", Some("nope")).is_err());
        assert!(conjugate("lire", Some("mettre")).is_err());
    }
}
