//! Throughput of the pipeline, end to end and stage by stage, on the development corpus's
//! articles (`tests/corpus`), and on growing inputs to show that the cost stays linear.
//!
//! Stages: `scan` (quotation marks) and `sentences`, each with its own search of the bytes it
//! stops at (the pipeline has the tokenizer note them as it reads instead), `tokens` (with word
//! classes and those bytes), `cues` (on the tokens read beforehand), `tokens+cues` (both, as the
//! pipeline reads a text), `marks+sentences` (both at the stops the tokens noted, as the
//! pipeline runs them), and
//! `speakers` (which marks are quotations, reported speech, who speaks, resolved names) timed
//! on what the reading stages produced beforehand. The yardstick is unicode-segmentation's
//! sentence iterator on the same text. `one_article_repeated` reads a single article again and
//! again: a warm processor's figure, for contrast (see the README's Performance section).
//!
//! `cargo bench` runs it; `cargo bench -- extract` runs a part. Each benchmark checks its result
//! against what the corpus holds, so a fast wrong answer fails instead of looking good.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

#[path = "support/corpus.rs"]
mod corpus;
use corpus::{GoldDoc, gold_docs};

/// A fast wrong answer must fail: the count has to be within 10 % of the gold count.
fn check_near(what: &str, got: usize, expected: usize) {
    let (lo, hi) = (expected * 9 / 10, expected * 11 / 10);
    assert!((lo..=hi).contains(&got), "{what}: {got} found, expected about {expected}");
}

fn bench_articles(c: &mut Criterion) {
    let gold_docs = gold_docs();
    let docs: Vec<&str> = gold_docs.iter().map(|d| d.text.as_str()).collect();
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    let gold: usize = gold_docs.iter().map(|d| d.quotes.len()).sum();
    let gold_with_speaker =
        gold_docs.iter().flat_map(|d: &GoldDoc| &d.quotes).filter(|q| q.speaker.is_some()).count();
    let mut group = c.benchmark_group("articles");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("extract", |b| {
        b.iter(|| {
            let n: usize = docs.iter().map(|d| guillemet::extract_quotes(black_box(d)).len()).sum();
            check_near("quotes", n, gold);
            n
        })
    });
    // Stage by stage (each includes what it needs of the earlier ones).
    use guillemet::__stages as stage;
    let marks: usize = docs.iter().map(|d| stage::scan(d)).sum();
    group.bench_function("stage/scan", |b| {
        b.iter(|| {
            let n: usize = docs.iter().map(|d| stage::scan(black_box(d))).sum();
            assert_eq!(n, marks);
            n
        })
    });
    let sentences: usize = docs.iter().map(|d| stage::sentences(d)).sum();
    group.bench_function("stage/sentences", |b| {
        b.iter(|| {
            let n: usize = docs.iter().map(|d| stage::sentences(black_box(d))).sum();
            assert_eq!(n, sentences);
            n
        })
    });
    group.bench_function("stage/tokens", |b| {
        b.iter(|| docs.iter().map(|d| stage::tokens(black_box(d))).sum::<usize>())
    });
    // The cue finder reads its words from the tokens: alone on tokens read beforehand, and
    // with the reading (what the pipeline pays for both).
    let words: Vec<_> = docs.iter().map(|d| stage::words(d)).collect();
    let cues: usize = words.iter().map(stage::cues).sum();
    // Every gold quotation with a cue has one: the finder must find at least that many.
    assert!(cues >= gold / 2, "{cues} cue candidates for {gold} quotations");
    group.bench_function("stage/cues", |b| {
        b.iter(|| {
            let n: usize = words.iter().map(|w| stage::cues(black_box(w))).sum();
            assert_eq!(n, cues);
            n
        })
    });
    group.bench_function("stage/tokens+cues", |b| {
        b.iter(|| {
            let n: usize = docs.iter().map(|d| stage::tokens_and_cues(black_box(d))).sum();
            assert_eq!(n, cues);
            n
        })
    });
    // The marks' pairing and the sentences as the pipeline runs them: at the stops the
    // tokenizer noted (no search of their own).
    let marks_and_sentences: usize = words.iter().map(stage::marks_and_sentences).sum();
    assert_eq!(words.iter().map(stage::marks).sum::<usize>(), marks);
    group.bench_function("stage/marks+sentences", |b| {
        b.iter(|| {
            let n: usize = words.iter().map(|w| stage::marks_and_sentences(black_box(w))).sum();
            assert_eq!(n, marks_and_sentences);
            n
        })
    });
    // Quotations, speakers and their resolution, on what the reading stages above found.
    let read: Vec<_> = docs.iter().map(|d| stage::read(d)).collect();
    let with_speaker: usize = read.iter().map(stage::speakers).sum();
    check_near("quotes with a speaker", with_speaker, gold_with_speaker);
    group.bench_function("stage/speakers", |b| {
        b.iter(|| {
            let n: usize = read.iter().map(|r| stage::speakers(black_box(r))).sum();
            assert_eq!(n, with_speaker);
            n
        })
    });
    // The yardstick: unicode-segmentation's sentence iterator over the same text.
    group.bench_function("yardstick/unicode-segmentation-sentences", |b| {
        use unicode_segmentation::UnicodeSegmentation;
        b.iter(|| docs.iter().map(|d| black_box(d).unicode_sentences().count()).sum::<usize>())
    });
    group.finish();
    // One article read again and again, for contrast with `extract`: the processor learns its
    // branches and keeps its words' table slots in cache, and the figure comes out about twice
    // the one above. A benchmark that repeats one text overstates what an archive, whose every
    // article is new, will see.
    let one = gold_docs.iter().max_by_key(|d| d.quotes.len()).expect("a corpus article");
    let one_text = one.text.as_str();
    let mut group_one = c.benchmark_group("one_article_repeated");
    group_one.throughput(Throughput::Bytes(one_text.len() as u64));
    group_one.bench_function("extract", |b| {
        b.iter(|| {
            let n = guillemet::extract_quotes(black_box(one_text)).len();
            check_near("quotes", n, one.quotes.len());
            n
        })
    });
    group_one.finish();
}

fn bench_growing(c: &mut Criterion) {
    let one: String = corpus::articles().join("\n\n");
    let per_copy = guillemet::extract_quotes(&one).len();
    let mut group = c.benchmark_group("growing");
    group.sample_size(10);
    for size in [10_000usize, 100_000, 1_000_000, 10_000_000] {
        // Whole articles repeated to about `size` bytes, cut at a paragraph.
        let copies = size.div_ceil(one.len()).max(1);
        let mut text = std::iter::repeat_n(one.as_str(), copies).collect::<Vec<_>>().join("\n\n");
        if text.len() > size {
            let cut =
                text.as_bytes()[..size].windows(2).rposition(|w| w == b"\n\n").unwrap_or_else(
                    || (0..=size).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0),
                );
            text.truncate(cut);
        }
        let expected = per_copy * text.len() / one.len();
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("extract", size), &text, |b, text| {
            b.iter(|| {
                let n = guillemet::extract_quotes(black_box(text)).len();
                if text.len() >= one.len() {
                    check_near("quotes", n, expected);
                }
                n
            })
        });
        if size == 10_000_000 {
            // The same 10 MB document, its blocks read on every core.
            let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
            let extractor = guillemet::Extractor::new();
            let id = BenchmarkId::new(format!("extract_parallel/{threads}_threads"), size);
            group.bench_with_input(id, &text, |b, text| {
                b.iter(|| {
                    let n = extractor.extract_parallel(black_box(text), threads).len();
                    check_near("quotes", n, expected);
                    n
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench_articles, bench_growing);
criterion_main!(benches);
