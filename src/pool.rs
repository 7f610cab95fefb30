//! Vectors a thread reuses from one text to the next.
//!
//! Each stage fills vectors sized by the text (a token for every few bytes, a slot for every
//! token, …): a few dozen per text, most too large for the allocator's fast path. Allocating and
//! freeing them anew for every article of an archive cost a few per cent of the pipeline's time
//! (a faster allocator sped it up by about 5 %).
//! So a stage [`take`]s an empty vector from its thread's pool and the owner [`give`]s it back
//! when done (the stages' structures do it when dropped): after the first texts, a thread
//! allocates only when a text needs more room than any before it.
//!
//! The pool holds a few vectors per element type, none larger than [`KEPT_BYTES`]: a huge text
//! leaves no huge buffer behind. Its use is invisible to callers: results never borrow from it.

use std::cell::RefCell;

use crate::attribute::Attributed;
use crate::cue::{CueMatch, Tok};
use crate::document::CueReads;
use crate::mention::Mention;
use crate::quote::Marks;
use crate::scan::MarkPair;
use crate::span::Span;
use crate::token::Token;

/// A vector of more bytes than this is freed rather than kept: the pool stays small whatever
/// the texts (1 MiB: room for the tokens of a text of about 100 kB).
pub(crate) const KEPT_BYTES: usize = 1 << 20;

/// Vectors kept per element type, at most: as many as one text uses at once.
const KEPT_PER_TYPE: usize = 8;

/// The spare vectors of one thread, by element type.
#[derive(Default)]
pub(crate) struct Pool {
    tokens: Vec<Vec<Token>>,
    bytes: Vec<Vec<u8>>,
    u32s: Vec<Vec<u32>>,
    usizes: Vec<Vec<usize>>,
    spans: Vec<Vec<Span>>,
    bounds: Vec<Vec<(usize, usize)>>,
    closed_marks: Vec<Vec<(Span, Span, Marks, bool)>>,
    pairs: Vec<Vec<MarkPair>>,
    cue_toks: Vec<Vec<Tok>>,
    cues: Vec<Vec<CueMatch>>,
    attributed: Vec<Vec<Attributed>>,
    mentions: Vec<Vec<Mention>>,
    speakers: Vec<Vec<Option<Mention>>>,
    flags: Vec<Vec<bool>>,
    cue_reads: Vec<Vec<CueReads>>,
}

/// An element type whose vectors are pooled: which of the [`Pool`]'s stacks holds them.
pub(crate) trait Pooled: Sized {
    fn stack(pool: &mut Pool) -> &mut Vec<Vec<Self>>;
}

macro_rules! pooled {
    ($($t:ty => $field:ident),* $(,)?) => {
        $(impl Pooled for $t {
            fn stack(pool: &mut Pool) -> &mut Vec<Vec<Self>> {
                &mut pool.$field
            }
        })*
    };
}

pooled! {
    Token => tokens,
    u8 => bytes,
    u32 => u32s,
    usize => usizes,
    Span => spans,
    (usize, usize) => bounds,
    (Span, Span, Marks, bool) => closed_marks,
    MarkPair => pairs,
    Tok => cue_toks,
    CueMatch => cues,
    Attributed => attributed,
    Mention => mentions,
    Option<Mention> => speakers,
    bool => flags,
    CueReads => cue_reads,
}

thread_local! {
    static POOL: RefCell<Pool> = RefCell::default();
}

/// An empty vector with room for at least `capacity` elements: a spare one of this thread's
/// when there is one.
pub(crate) fn take<T: Pooled>(capacity: usize) -> Vec<T> {
    // `try_with`: while the thread is being torn down, its pool may be gone.
    let spare = POOL.try_with(|pool| best_fit(T::stack(&mut pool.borrow_mut()), capacity));
    let spare = spare.ok().flatten();
    let mut v = spare.unwrap_or_default();
    v.reserve(capacity);
    v
}

/// Removes from `stack` the smallest vector with room for `capacity` elements, or the largest
/// if none has: the stages of a text ask for vectors of different sizes in the same order
/// every time, and each should get back one that fits.
fn best_fit<T>(stack: &mut Vec<Vec<T>>, capacity: usize) -> Option<Vec<T>> {
    // The lower the key the better: the room to spare of a vector that fits, above it (the
    // subtraction wraps) those that do not, the largest first. The index is in the key's low
    // bits (a best fit to within a few elements is good enough), so that the smallest key
    // names its vector: a minimum taken without a branch on the sizes.
    let keys = stack
        .iter()
        .enumerate()
        .map(|(i, v)| (v.capacity().wrapping_sub(capacity) & !INDEX_BITS) | i);
    let at = keys.min()? & INDEX_BITS;
    Some(stack.swap_remove(at))
}

/// The low bits of a key in [`best_fit`] that hold the vector's index in its stack.
const INDEX_BITS: usize = KEPT_PER_TYPE.next_power_of_two() - 1;

/// The items of `items` in a vector taken from the pool (see [`take`]).
pub(crate) fn collect<T: Pooled>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut v = take(items.size_hint().0);
    v.extend(items);
    v
}

/// Gives `v` back to this thread's pool (emptied), unless it is too large to keep or the pool
/// has enough of its kind.
pub(crate) fn give<T: Pooled>(mut v: Vec<T>) {
    if v.capacity() == 0 || v.capacity() * size_of::<T>() > KEPT_BYTES {
        return;
    }
    v.clear();
    let _ = POOL.try_with(|pool| {
        let mut pool = pool.borrow_mut();
        let stack = T::stack(&mut pool);
        if stack.len() < KEPT_PER_TYPE {
            stack.push(v);
        }
    });
}

/// Gives back the vector `v` holds, leaving it empty (for the `Drop` of its owner).
pub(crate) fn give_from<T: Pooled>(v: &mut Vec<T>) {
    give(std::mem::take(v));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vector_given_back_is_taken_again_empty() {
        let mut v: Vec<usize> = take(100);
        v.extend(0..100);
        let room = v.capacity();
        give(v);
        let again: Vec<usize> = take(10);
        assert!(again.is_empty());
        assert_eq!(again.capacity(), room);
    }

    #[test]
    fn a_huge_vector_is_not_kept() {
        let v: Vec<u8> = Vec::with_capacity(KEPT_BYTES + 1);
        give(v);
        let again: Vec<u8> = take(0);
        assert!(again.capacity() <= KEPT_BYTES);
    }
}
