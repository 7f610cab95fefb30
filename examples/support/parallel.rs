//! An ordered, streaming parallel map with `std` only: items are read on one thread, worked
//! on by `jobs` threads, and handed to a sink on the calling thread in input order.
//!
//! At most `window` items are between the reader and the sink at any time (read but not yet
//! sunk), so a huge input is processed in constant memory, and the reordering buffer never
//! holds more than `window` results however uneven the items are.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::thread;

/// Calls `sink(work(item))` for every item of `items`, in the order of `items`, running
/// `work` on `jobs` threads (inline, with no thread at all, when `jobs <= 1`).
///
/// Stops early, and returns the error, at the first error of `sink`. `items` is drawn
/// lazily, at most `window` items ahead of the sink.
pub fn map_ordered<T, R, E>(
    jobs: usize,
    window: usize,
    items: impl Iterator<Item = T> + Send,
    work: impl Fn(T) -> R + Sync,
    mut sink: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
    R: Send,
{
    if jobs <= 1 {
        for item in items {
            sink(work(item))?;
        }
        return Ok(());
    }
    let window = window.max(jobs);
    // One credit per item in flight: the reader takes one before sending an item, the sink
    // gives it back once the item's result is written.
    let (credit_tx, credit_rx) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        credit_tx.send(()).expect("the receiver is alive");
    }
    let (item_tx, item_rx) = mpsc::sync_channel::<(usize, T)>(window);
    let (result_tx, result_rx) = mpsc::sync_channel::<(usize, R)>(window);
    let item_rx = Mutex::new(item_rx);
    let work = &work;
    thread::scope(|scope| {
        scope.spawn(move || read(items, &credit_rx, &item_tx));
        for _ in 0..jobs {
            let (item_rx, result_tx) = (&item_rx, result_tx.clone());
            scope.spawn(move || {
                loop {
                    // The lock is held only while waiting for the next item.
                    let next = item_rx.lock().map_err(drop).and_then(|rx| rx.recv().map_err(drop));
                    let Ok((index, item)) = next else { break };
                    if result_tx.send((index, work(item))).is_err() {
                        break; // the sink stopped
                    }
                }
            });
        }
        drop(result_tx); // so the results channel closes when the last worker ends
        // The channels are moved in, so an early return drops them and stops the others.
        write(result_rx, credit_tx, &mut sink)
    })
}

/// The reader: numbers the items and sends them, one credit each.
fn read<T>(
    items: impl Iterator<Item = T>,
    credits: &Receiver<()>,
    item_tx: &SyncSender<(usize, T)>,
) {
    for (index, item) in items.enumerate() {
        if credits.recv().is_err() || item_tx.send((index, item)).is_err() {
            return; // the sink stopped
        }
    }
}

/// The sink side: puts results back in order and returns a credit for each one written.
fn write<R, E>(
    results: Receiver<(usize, R)>,
    credits: SyncSender<()>,
    sink: &mut impl FnMut(R) -> Result<(), E>,
) -> Result<(), E> {
    let mut pending = BTreeMap::new();
    let mut next = 0;
    for (index, result) in results {
        pending.insert(index, result);
        while let Some(result) = pending.remove(&next) {
            sink(result)?;
            next += 1;
            // Cannot block: there are never more than `window` credits out.
            let _ = credits.try_send(());
        }
    }
    Ok(())
}
