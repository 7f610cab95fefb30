//! Peak memory of extraction, counted by a global allocator that tracks the bytes in use.
//!
//! `cargo bench --bench memory` reads one document made of the corpus articles repeated to
//! 1 MB, 10 MB and 100 MB, and prints for each the peak heap in use during `extract_quotes`
//! beyond the input, split into the output (the `Vec<Quote>`) and the working memory (tokens,
//! classes, sentences, cue candidates, marks). Texts are read a block at a time (1 MiB), so
//! the working memory must stay the same from 10 MB to 100 MB: the bench fails if it grows with
//! the input, or passes [`WORKING_MAX`].

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = IN_USE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every call is forwarded to `System` unchanged; only counters are updated around it.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract for `alloc` is passed on as is.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by this allocator, i.e. by `System`, with `layout`.
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract for `realloc` is passed on as is.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                IN_USE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[path = "support/corpus.rs"]
mod corpus;

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const MB: f64 = 1e6;

/// The most working memory extraction may use, whatever the input: some 30 bytes per byte of
/// a block today.
const WORKING_MAX: usize = 64_000_000;

fn main() {
    // `cargo bench` passes `--bench`; a filter that names another bench skips this one.
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    if filter.is_some_and(|f| !"memory".contains(&f)) {
        return;
    }
    // The corpus articles, joined by blank lines.
    let one = corpus::articles().join("\n\n");
    let per_copy = guillemet::extract_quotes(&one).len();
    println!("peak heap during extract_quotes, beyond the input text:");
    println!(
        "{:>10} {:>9} {:>11} {:>11} {:>9}",
        "input", "quotes", "output", "working", "per byte"
    );
    let mut working = Vec::new();
    for size in [1_000_000usize, 10_000_000, 100_000_000] {
        let copies = size.div_ceil(one.len());
        let text = vec![one.as_str(); copies].join("\n\n");
        let before = IN_USE.load(Relaxed);
        PEAK.store(before, Relaxed);
        let quotes = guillemet::extract_quotes(&text);
        let peak = PEAK.load(Relaxed) - before;
        let output = quotes.capacity() * std::mem::size_of::<guillemet::Quote<'_>>();
        assert!(quotes.len() >= per_copy * copies * 9 / 10, "{} quotes", quotes.len());
        let work = peak.saturating_sub(output);
        println!(
            "{:>8.0}MB {:>9} {:>9.1}MB {:>9.1}MB {:>9.3}",
            text.len() as f64 / MB,
            quotes.len(),
            output as f64 / MB,
            work as f64 / MB,
            peak as f64 / text.len() as f64,
        );
        working.push((text.len(), work));
        drop(quotes);
    }
    let (_, at_10) = working[1];
    let (_, at_100) = working[2];
    assert!(
        at_100 < at_10 + at_10 / 4,
        "working memory grows with the input: {at_10} bytes at 10 MB, {at_100} at 100 MB"
    );
    assert!(at_100 < WORKING_MAX, "working memory {at_100} bytes, over {WORKING_MAX}");
}
