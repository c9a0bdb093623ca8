//! Every text an editor reads, in Dutch and in English, through Project Fluent.
//!
//! The texts live in `nl/*.ftl` and `en/*.ftl` (compiled in); code names them by id only, through
//! the enums in [`ids`]. A diagnostic's code is the id of its message, its caret label and hint
//! are the message's `.label` and `.help` attributes, and what varies (a key, a path, a count)
//! goes in as a Fluent argument. Nothing is formatted until a report is printed, so one run can
//! show the same diagnostics in the terminal, as JSON and in the serve overlay, in the language
//! [`Lang::for_site`] chose.
//!
//! Fluent's Unicode isolation marks (U+2068/U+2069 around each argument) are turned off: every
//! text and argument here is left-to-right, and in a terminal, a JSON line or an editor's
//! problem list the invisible marks only break searching and copying `file:line:col`.

mod catalogue;
pub mod ids;
mod lang;

use std::fmt;
use std::path::Path;
use std::sync::atomic::{AtomicU8, Ordering};

pub use ids::{Code, Msg};
pub use lang::Lang;

/// A catalogue text with its arguments, formatted only when shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// The value of a message argument.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text shown as it is: a key, a path, a URL, an error from a library.
    Text(String),
    /// A count: Fluent picks the plural form by it (`1 fout`, `2 fouten`).
    Number(i64),
    /// Another catalogue text, formatted in the same language first.
    Message(Box<Message>),
}

impl Message {
    pub(crate) fn new(id: &'static str) -> Self {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// Sets the argument `$name`.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.set(name, value);
        self
    }

    /// Sets the argument `$name` in place.
    pub fn set(&mut self, name: &'static str, value: impl Into<Arg>) {
        self.args.push((name, value.into()));
    }

    pub(crate) fn from_code(code: Code) -> Self {
        Message::new(code.id())
    }

    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The text in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        catalogue::format(lang, self.id, None, &self.args).unwrap_or_default()
    }

    /// The text of the attribute `.{attribute}` in `lang`, if the message has it.
    pub(crate) fn attribute(&self, lang: Lang, attribute: &str) -> Option<String> {
        catalogue::format(lang, self.id, Some(attribute), &self.args)
    }
}

impl Msg {
    /// This text, to give arguments to.
    pub fn message(self) -> Message {
        Message::new(self.id())
    }

    /// This text with the argument `$name`.
    pub fn with(self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.message().with(name, value)
    }

    /// This text, without arguments, in `lang`.
    pub fn text(self, lang: Lang) -> String {
        self.message().text(lang)
    }
}

impl From<Msg> for Message {
    fn from(msg: Msg) -> Self {
        msg.message()
    }
}

/// The language of this process's own errors (`error: …` before exit), set once by `main`.
/// Reports take their language as an argument instead; this is only for [`Message`]'s `Display`,
/// which `anyhow` errors and their contexts use.
static PROCESS_LANG: AtomicU8 = AtomicU8::new(0);

pub fn set_process_lang(lang: Lang) {
    PROCESS_LANG.store(lang as u8, Ordering::Relaxed);
}

pub fn process_lang() -> Lang {
    match PROCESS_LANG.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Nl,
    }
}

/// In the process's language: for errors that travel through `anyhow` (`bail!(Msg::X.with(…))`,
/// `.with_context(|| Msg::Y.with(…))`).
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(process_lang()))
    }
}

impl std::error::Error for Message {}

impl From<String> for Arg {
    fn from(value: String) -> Self {
        Arg::Text(value)
    }
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Arg::Text(value.to_string())
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Self {
        Arg::Text(value.clone())
    }
}

impl From<&Path> for Arg {
    fn from(value: &Path) -> Self {
        Arg::Text(value.display().to_string())
    }
}

impl From<&std::path::PathBuf> for Arg {
    fn from(value: &std::path::PathBuf) -> Self {
        Arg::Text(value.display().to_string())
    }
}

impl From<Message> for Arg {
    fn from(value: Message) -> Self {
        Arg::Message(Box::new(value))
    }
}

impl From<Msg> for Arg {
    fn from(value: Msg) -> Self {
        Arg::Message(Box::new(value.message()))
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {
        $(impl From<$t> for Arg {
            fn from(value: $t) -> Self {
                Arg::Number(i64::try_from(value).unwrap_or(i64::MAX))
            }
        })*
    };
}

number_args!(usize, u64, u32, u16, u8, i64, i32);
