//! The one error of the crate: a caller's lexicon entry that cannot be used. Text never errors.

/// An error building an [`Extractor`](crate::Extractor) from a caller's lexicon.
///
/// ```
/// let err = guillemet::Extractor::new().with_cue_verbs("grommeler\nbafouiller @nope").unwrap_err();
/// assert_eq!(err.line(), 2);
/// assert_eq!(err.entry(), "bafouiller @nope");
/// assert!(err.to_string().contains("line 2"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
enum ErrorKind {
    #[error("cue verb list, line {line}: `{entry}`: {reason}")]
    BadVerb { line: usize, entry: String, reason: String },
}

impl Error {
    pub(crate) fn bad_verb(line: usize, entry: String, reason: String) -> Error {
        Error { kind: ErrorKind::BadVerb { line, entry, reason } }
    }

    /// The 1-based line of the list that holds the bad entry.
    pub fn line(&self) -> usize {
        match &self.kind {
            ErrorKind::BadVerb { line, .. } => *line,
        }
    }

    /// The bad entry, as written.
    pub fn entry(&self) -> &str {
        match &self.kind {
            ErrorKind::BadVerb { entry, .. } => entry,
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.kind.fmt(f)
    }
}

impl std::error::Error for Error {}
