//! The examples' logic (`examples/support/*.rs`) run on real text: JSONL parsing and ordered
//! parallel processing as `extract --input jsonl --jobs N` does it, TSV fields, and the HTML
//! page of `highlight`.

#[path = "../../examples/support/html.rs"]
mod html;
#[path = "../../examples/support/jsonl.rs"]
mod jsonl;
#[path = "../../examples/support/output.rs"]
mod output;
#[path = "../../examples/support/parallel.rs"]
mod parallel;
#[path = "../../examples/support/tsv.rs"]
mod tsv;

use std::io::Cursor;
use std::path::Path;

use guillemet::{Cue, Quote, QuoteKind, Resolution, Span, Speaker};
use serde_json::{Value, json};

fn exemple() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/exemple.txt");
    std::fs::read_to_string(path).expect("examples/data/exemple.txt reads")
}

// ---------------------------------------------------------------------------------------
// JSONL

/// What `extract --input jsonl --json` prints for one line: its JSON, or its error.
fn process_line(file: &str, line: jsonl::Line) -> Option<Result<String, String>> {
    match jsonl::parse_line(file, &line) {
        Ok(Some(record)) => {
            let quotes = guillemet::extract_quotes(&record.text);
            Some(Ok(jsonl::record_json(&record.id, &quotes)))
        }
        Ok(None) => None,
        Err(message) => Some(Err(message)),
    }
}

/// Runs the lines of `input` through the ordered parallel map on `jobs` threads.
#[track_caller]
fn run_jsonl(input: &str, jobs: usize) -> Vec<Result<String, String>> {
    let lines = jsonl::Lines::new(Cursor::new(input.as_bytes().to_vec()));
    let lines = lines.map(|line| line.expect("reading from memory cannot fail"));
    let mut results = Vec::new();
    parallel::map_ordered(
        jobs,
        jobs * 4,
        lines,
        |line| process_line("archive.jsonl", line),
        |r| {
            results.extend(r);
            Ok::<(), ()>(())
        },
    )
    .expect("the sink never fails");
    results
}

/// An archive of `n` good records (the example article, with a varying prefix so that each
/// gives different offsets) with bad and blank lines among them; returns it and, for each
/// output line, `Ok(id)` or `Err(line number)`.
fn archive(n: usize) -> (String, Vec<Result<u64, usize>>) {
    let text = exemple();
    let mut input = String::new();
    let mut expected = Vec::new();
    let mut line = 0;
    for i in 0..n as u64 {
        line += 1;
        let bad = match i % 7 {
            1 => Some("{\"id\": 1, \"text\": \"unterminated".to_string()),
            3 => Some(json!({"id": i, "body": "no text field"}).to_string()),
            5 => Some(json!({"id": i, "text": 42}).to_string()),
            6 => Some("[1, 2, 3]".to_string()),
            _ => None,
        };
        match bad {
            Some(bad) => {
                input.push_str(&bad);
                expected.push(Err(line));
            }
            None => {
                let prefix = "Brève. ".repeat(i as usize % 5);
                input.push_str(&json!({"id": i, "text": format!("{prefix}{text}")}).to_string());
                expected.push(Ok(i));
            }
        }
        input.push('\n');
        if i % 10 == 9 {
            input.push_str("  \r\n"); // blank lines are skipped, but counted
            line += 1;
        }
    }
    (input, expected)
}

#[test]
fn jsonl_good_and_bad_lines_keep_their_order_and_line_numbers_with_any_number_of_jobs() {
    let (input, expected) = archive(60);
    let sequential = run_jsonl(&input, 1);
    assert_eq!(sequential.len(), expected.len());
    for (result, expected) in sequential.iter().zip(&expected) {
        match (result, expected) {
            (Ok(json), Ok(id)) => {
                let value: Value = serde_json::from_str(json).expect("output is JSON");
                assert_eq!(value["id"], json!(id));
                let quotes = value["quotes"].as_array().expect("quotes is an array");
                assert_eq!(quotes.len(), guillemet::extract_quotes(&exemple()).len());
                assert!(quotes.iter().all(|q| q["kind"].is_string() && q["start"].is_u64()));
            }
            (Err(message), Err(line)) => {
                let prefix = format!("archive.jsonl:{line}: ");
                assert!(message.starts_with(&prefix), "{message:?} should start with {prefix:?}");
            }
            _ => panic!("expected {expected:?}, got {result:?}"),
        }
    }
    for jobs in [2, 3, 8] {
        assert_eq!(run_jsonl(&input, jobs), sequential, "with {jobs} jobs");
    }
}

#[test]
fn jsonl_records_hold_the_same_quote_objects_as_json_output() {
    let text = exemple();
    let quotes = guillemet::extract_quotes(&text);
    let by_id: Value = serde_json::from_str(&jsonl::record_json(&json!("x"), &quotes)).unwrap();
    let by_file: Value = serde_json::from_str(&output::file_record_json("x.txt", &quotes)).unwrap();
    assert_eq!(by_id["quotes"], by_file["quotes"]);
    assert_eq!((&by_id["id"], &by_file["file"]), (&json!("x"), &json!("x.txt")));
}

#[test]
fn jsonl_errors_say_what_is_wrong() {
    let input = "{\"id\": \"a\", \"text\": \"unterminated\n\
                 {\"id\": \"b\"}\n\
                 {\"id\": \"c\", \"text\": null}\n\
                 \"just a string\"\n\
                 {\"text\": \"« Oui », a dit Jean Dupont.\"}\n";
    let results = run_jsonl(input, 2);
    let errors: Vec<&str> =
        results.iter().filter_map(|r| r.as_ref().err()).map(|e| e.as_str()).collect();
    assert_eq!(errors.len(), 4, "{results:?}");
    assert!(errors[0].starts_with("archive.jsonl:1: invalid JSON at column "), "{}", errors[0]);
    assert!(!errors[0].contains("at line"), "{}", errors[0]);
    assert_eq!(errors[1], "archive.jsonl:2: no \"text\" field");
    assert_eq!(errors[2], "archive.jsonl:3: \"text\" is null, not a string");
    assert_eq!(errors[3], "archive.jsonl:4: expected a JSON object, found a string");
    // A record without an id keeps a null id in JSON, and is named FILE:LINE elsewhere.
    let last: Value = serde_json::from_str(results[4].as_ref().unwrap()).unwrap();
    assert_eq!(last["id"], Value::Null);
    assert_eq!(last["quotes"][0]["text"], "Oui");
    assert_eq!(jsonl::label(&Value::Null, "archive.jsonl", 5), "archive.jsonl:5");
    assert_eq!(jsonl::label(&json!("x-1"), "archive.jsonl", 5), "x-1");
    assert_eq!(jsonl::label(&json!(7), "archive.jsonl", 5), "7");
}

#[test]
fn jsonl_reads_long_lines_crlf_and_a_byte_order_mark() {
    let long = exemple().repeat(2_000); // about 2 MB on one line
    let input =
        format!("\u{feff}{}\r\n{}", json!({"id": 1, "text": long}), json!({"id": 2, "text": "x"}));
    let lines: Vec<jsonl::Line> =
        jsonl::Lines::new(Cursor::new(input.into_bytes())).map(Result::unwrap).collect();
    assert_eq!(lines.len(), 2);
    let first = jsonl::parse_line("f", &lines[0]).unwrap().unwrap();
    assert_eq!(first.text.len(), long.len());
    assert_eq!(
        (lines[1].number, jsonl::parse_line("f", &lines[1]).unwrap().unwrap().id),
        (2, json!(2))
    );
}

#[test]
fn the_sample_archive_parses() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/archive.jsonl");
    let input = std::fs::read_to_string(path).expect("examples/data/archive.jsonl reads");
    let results = run_jsonl(&input, 2);
    assert_eq!(results.len(), 3);
    for result in results {
        let value: Value = serde_json::from_str(&result.expect("every record is good")).unwrap();
        assert!(value["id"].is_string());
        assert!(!value["quotes"].as_array().unwrap().is_empty(), "{value}");
    }
}

// ---------------------------------------------------------------------------------------
// Ordered parallel map

#[test]
fn parallel_map_keeps_input_order_when_items_finish_out_of_order() {
    let items = 0..200u64;
    let mut seen = Vec::new();
    parallel::map_ordered(
        4,
        8,
        items,
        |i| {
            // Early items are slow, so later ones finish first.
            std::thread::sleep(std::time::Duration::from_micros((200 - i) * 20 * (i % 3)));
            i * i
        },
        |r| {
            seen.push(r);
            Ok::<(), ()>(())
        },
    )
    .unwrap();
    assert_eq!(seen, (0..200u64).map(|i| i * i).collect::<Vec<_>>());
}

#[test]
fn parallel_map_stops_at_the_first_sink_error() {
    for jobs in [1, 3] {
        let mut sunk = 0;
        let drawn = std::sync::atomic::AtomicUsize::new(0);
        let items = (0..1_000_000).inspect(|_| {
            drawn.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        });
        let result = parallel::map_ordered(
            jobs,
            16,
            items,
            |i| i,
            |i| {
                sunk += 1;
                if i == 10 { Err("closed pipe") } else { Ok(()) }
            },
        );
        assert_eq!((result, sunk), (Err("closed pipe"), 11));
        // The reader stops soon after: at most a window beyond what was sunk.
        assert!(drawn.into_inner() <= 11 + 16 + 1, "with {jobs} jobs");
    }
}

// ---------------------------------------------------------------------------------------
// TSV

#[test]
fn tsv_fields_stay_on_one_line() {
    assert_eq!(tsv::field("a\tb\nc\r\nd\u{2028}e"), "a b c  d e");
    assert!(matches!(tsv::field("Hélène Garnier"), std::borrow::Cow::Borrowed(_)));
    // A tab inside a quote found by the extractor, and a quote and cue over two lines.
    let text =
        "« Il faut\tagir, vite », a déclaré Jean Dupont.\n« Non\r\nmerci », a\nrépondu Paul.";
    let mut quotes = guillemet::extract_quotes(text);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    let at = |s: &str| text.find(s).unwrap();
    let mut two_lines = quote(text, Span::new(at("Non"), at("merci") + 5), QuoteKind::Direct);
    two_lines.cue = Some(Cue { span: Span::new(at("a\nr"), at("Paul") - 1), text: "a\nrépondu" });
    quotes.push(two_lines);
    let mut out = Vec::new();
    tsv::write_quotes(&mut out, "doc\t1", &quotes).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(out.lines().count(), quotes.len());
    for line in out.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), tsv::HEADER.split('\t').count(), "{line:?}");
        assert_eq!(fields[0], "doc 1");
    }
    assert!(out.contains("\tIl faut agir, vite\n"), "{out:?}");
    assert!(out.ends_with("\tdirect\t\ta répondu\tNon  merci\n"), "{out:?}");
}

#[test]
fn tsv_of_the_example_article() {
    let text = exemple();
    let quotes = guillemet::extract_quotes(&text);
    let mut out = Vec::new();
    tsv::write_quotes(&mut out, "exemple.txt", &quotes).unwrap();
    let out = String::from_utf8(out).unwrap();
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), quotes.len());
    for (row, quote) in rows.iter().zip(&quotes) {
        assert_eq!(
            row[1..4],
            [&quote.span.start.to_string(), &quote.span.end.to_string(), quote.kind.as_str()]
        );
        assert_eq!(row[4], quote.speaker.as_ref().map_or("", |s| s.name));
        assert_eq!(&text[row[1].parse::<usize>().unwrap()..row[2].parse().unwrap()], quote.text);
    }
    assert!(rows.iter().any(|r| r[4] == "Hélène Garnier" && r[5] == "a déclaré"), "{out}");
}

// ---------------------------------------------------------------------------------------
// HTML

/// Checks that the tags of `page` nest properly and returns the text of the article, with
/// tags removed and entities decoded, one paragraph a line.
#[track_caller]
fn check_well_formed(page: &str) -> String {
    const VOID: [&str; 2] = ["meta", "br"];
    let mut stack: Vec<&str> = Vec::new();
    let mut article = String::new();
    let mut in_article = false;
    let mut rest = page;
    while let Some(open) = rest.find('<') {
        let text = &rest[..open];
        assert!(!text.contains('>'), "stray > in text {text:?}");
        if in_article && stack.last() != Some(&"div") {
            article.push_str(text);
        }
        let close = rest[open..].find('>').expect("every tag closes") + open;
        let tag = &rest[open + 1..close];
        rest = &rest[close + 1..];
        assert!(!tag.contains('<'), "< inside tag {tag:?}");
        if tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop(), Some(name), "unbalanced </{name}>");
            if name == "div" {
                in_article = false;
            }
            if name == "p" && in_article {
                article.push('\n');
            }
            continue;
        }
        let name = tag.split([' ', '\n']).next().unwrap();
        if tag.contains("class=\"article\"") {
            in_article = true;
        }
        if !VOID.contains(&name) {
            stack.push(name);
        }
        // Attribute values are quoted and hold no raw quote.
        assert_eq!(tag.matches('"').count() % 2, 0, "odd quotes in {tag:?}");
    }
    assert!(stack.is_empty(), "left open: {stack:?}");
    article.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
}

/// The text's paragraphs, one a line, as the page should show them.
fn paragraphs(text: &str) -> String {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(|l| format!("{l}\n")).collect()
}

#[test]
fn html_page_of_the_example_article() {
    let text = exemple();
    let quotes = guillemet::extract_quotes(&text);
    assert!(!quotes.is_empty());
    let page = html::page("exemple.txt", &text, &quotes);
    assert_eq!(check_well_formed(&page), paragraphs(&text));
    assert_eq!(page.matches("<span").count(), page.matches("</span>").count());
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<meta charset=\"utf-8\">") && page.contains("<style>"));
    assert!(!page.contains("<script") && !page.contains("http"), "self-contained");
    // Every quote is highlighted, each with its kind and speaker on hover.
    assert_eq!(page.matches("<span class=\"q ").count(), quotes.len());
    for quote in &quotes {
        let title = format!("title=\"{} quote&#10;speaker: ", quote.kind.as_str());
        assert!(page.contains(&title), "no {title:?}");
        if let Some(speaker) = quote.speaker.as_ref().filter(|s| s.text != s.name) {
            let mention = format!("speaker: {} → {}", speaker.text, speaker.name);
            assert!(page.contains(&mention), "no {mention:?}");
        }
        if let Some(cue) = quote.cue {
            assert!(page.contains(&format!("&#10;cue: {}\"", cue.text)), "no cue {}", cue.text);
        }
    }
    assert!(page.contains("speaker: il → Marc Delorme (pronoun)&#10;cue: a-t-il déclaré\""));
    assert!(page.contains("<span class=\"cue\""));
    assert!(page.contains("<span class=\"mention "));
    // The table: one row per speaker, with the counts by kind.
    assert!(page.contains("<table class=\"speakers\">"));
    let garnier =
        quotes.iter().filter(|q| q.speaker.as_ref().is_some_and(|s| s.name == "Hélène Garnier"));
    let row = format!("Hélène Garnier</td><td>{}</td>", garnier.count());
    assert!(page.contains(&row), "no row {row:?}");
}

#[test]
fn html_escapes_the_text_and_the_titles() {
    let text = "« Les <b>prix</b> & les \"taxes\" montent », a déclaré Jean <Dupont>.\nFin.";
    let quotes = guillemet::extract_quotes(text);
    let page = html::page("a <title> & more", text, &quotes);
    assert_eq!(check_well_formed(&page), paragraphs(text));
    assert!(!page.contains("<b>") && !page.contains("<Dupont>") && !page.contains("<title> &"));
    assert!(page.contains("&lt;b&gt;prix&lt;/b&gt; &amp; les"));
    assert!(page.contains("<title>a &lt;title&gt; &amp; more</title>"));
}

fn quote<'h>(text: &'h str, span: Span, kind: QuoteKind) -> Quote<'h> {
    Quote { span, text: &text[span], kind, marks: None, speaker: None, cue: None }
}

#[test]
fn html_handles_nested_crossing_and_multi_paragraph_spans() {
    let text = "« Un « deux », a-t-il dit, trois.\n\nQuatre », répète Élise Durand.";
    let at = |s: &str| text.find(s).unwrap();
    let speaker = |s: &'static str, name| Speaker {
        span: Span::new(at(s), at(s) + s.len()),
        text: s,
        name,
        resolution: Resolution::Named,
    };
    let cue = |s: &'static str| Cue { span: Span::new(at(s), at(s) + s.len()), text: s };
    let mut outer =
        quote(text, Span::new(at("Un"), at("Quatre") + "Quatre".len()), QuoteKind::Direct);
    outer.speaker = Some(speaker("Élise Durand", "Élise Durand"));
    outer.cue = Some(cue("répète"));
    let mut inner = quote(text, Span::new(at("deux"), at("deux") + 4), QuoteKind::Partial);
    inner.speaker = Some(speaker("il", "Élise Durand"));
    inner.cue = Some(cue("a-t-il dit"));
    // A span that crosses the inner quote's end, and one that crosses a paragraph break.
    let crossing = quote(text, Span::new(at("eux"), at("a-t-il")), QuoteKind::Indirect);
    let across = quote(text, Span::new(at("trois"), at("Quatre") + 2), QuoteKind::Indirect);
    // An offset inside the two bytes of `É` must not panic, nor slice inside the char.
    let mut off_boundary = quote(text, Span::new(at("Élise"), at("Élise")), QuoteKind::Indirect);
    off_boundary.span = Span::new(at("Élise") + 1, at("Élise") + 4);
    let quotes = [outer, inner, crossing, across, off_boundary];
    let page = html::page("t", text, &quotes);
    assert_eq!(check_well_formed(&page), paragraphs(text));
    // The outer quote and the crossing ones are split over two paragraphs and reopened.
    assert!(page.contains("</p>\n<p>"));
    assert!(page.contains("<span class=\"q q-partial s0\""), "both quotes are Élise Durand's");
    assert!(page.contains("Élise Durand</td><td>2</td><td>1</td><td>1</td><td>0</td>"));
    assert!(page.contains("(no speaker found)</td><td>3</td><td>0</td><td>0</td><td>3</td>"));
}

/// The examples' JSON quote objects are the library's `serde` output, field for field.
#[cfg(feature = "serde")]
#[test]
fn example_json_is_the_serde_schema() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/exemple.txt"),
    )
    .unwrap();
    let quotes = guillemet::extract_quotes(&text);
    let record: Value = serde_json::from_str(&output::file_record_json("x.txt", &quotes)).unwrap();
    let library = serde_json::to_value(&quotes).unwrap();
    assert_eq!(record["quotes"], library);
}
