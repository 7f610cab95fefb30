//! A one-line progress report on standard error: documents done and MB/s, shown only when
//! standard error is a terminal (and standard output is not) and the run has lasted a while,
//! redrawn a few times a second and cleared at the end.

use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

/// Nothing is shown for runs shorter than this.
const QUIET_FOR: Duration = Duration::from_secs(1);
/// The line is redrawn at most this often.
const REDRAW_EVERY: Duration = Duration::from_millis(250);

pub struct Progress {
    enabled: bool,
    started: Instant,
    last_drawn: Option<Instant>,
    docs: u64,
    bytes: u64,
}

impl Progress {
    /// A report that shows only if standard error is a terminal and standard output is not
    /// (a progress line would break up output read on the same terminal).
    pub fn new() -> Progress {
        Progress::with(io::stderr().is_terminal() && !io::stdout().is_terminal())
    }

    /// A report that shows only if `enabled`.
    pub fn with(enabled: bool) -> Progress {
        Progress { enabled, started: Instant::now(), last_drawn: None, docs: 0, bytes: 0 }
    }

    /// Counts one more document of `bytes` bytes, redrawing the line if it is time.
    pub fn add(&mut self, bytes: usize) {
        self.docs += 1;
        self.bytes += bytes as u64;
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        let due = match self.last_drawn {
            Some(drawn) => now - drawn >= REDRAW_EVERY,
            None => now - self.started >= QUIET_FOR,
        };
        if due {
            self.last_drawn = Some(now);
            let line = self.line(now - self.started);
            let mut err = io::stderr().lock();
            let _ = write!(err, "\r\x1b[K{line}");
            let _ = err.flush();
        }
    }

    /// `12,345 documents, 48.2 MB, 12.3 MB/s`.
    pub fn line(&self, elapsed: Duration) -> String {
        let mb = self.bytes as f64 / 1e6;
        let rate = mb / elapsed.as_secs_f64().max(1e-9);
        let docs = if self.docs == 1 { "document" } else { "documents" };
        format!("extract: {} {docs}, {mb:.1} MB, {rate:.1} MB/s", self.docs)
    }

    /// Erases the line, if one is shown (before an error message, and at the end).
    pub fn clear(&mut self) {
        if self.last_drawn.is_some() {
            let mut err = io::stderr().lock();
            let _ = write!(err, "\r\x1b[K");
            let _ = err.flush();
            // Redraw at the next document rather than wait: the error line pushed it up.
            self.last_drawn = Some(self.started);
        }
    }
}
