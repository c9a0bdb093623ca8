//! Typed indexes: an `Id<Effect>` indexes effects and nothing else, so an effect index can never
//! be used to look up a source. [`IdVec`] is a vector indexed by the id of one kind of record:
//! the records themselves ([`Table`]) or values parallel to them (the graph's indexes).

use std::fmt;
use std::marker::PhantomData;
use std::ops::{Index, IndexMut};

pub use reads::{Reads, recording};

/// The position of a record of type `T` in its table.
pub struct Id<T> {
    index: u32,
    of: PhantomData<fn() -> T>,
}

impl<T> Id<T> {
    fn new(index: usize) -> Self {
        Id {
            index: u32::try_from(index).expect("fewer than 2^32 records of one kind"),
            of: PhantomData,
        }
    }

    /// The position in the table, for display and for counting.
    pub fn index(self) -> usize {
        self.index as usize
    }
}

// Written by hand: derived impls would require `T` itself to be `Copy`, `Ord`, ….
impl<T> Clone for Id<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Id<T> {}
impl<T> PartialEq for Id<T> {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
    }
}
impl<T> Eq for Id<T> {}
impl<T> PartialOrd for Id<T> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl<T> Ord for Id<T> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.index.cmp(&other.index)
    }
}
impl<T> std::hash::Hash for Id<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.index.hash(state);
    }
}
impl<T> fmt::Debug for Id<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.index)
    }
}

/// Values indexed by `Id<T>`: one per record of type `T`, in table order.
pub struct IdVec<T, V> {
    values: Vec<V>,
    of: PhantomData<fn() -> T>,
}

/// The records of one kind.
pub type Table<T> = IdVec<T, T>;

impl<T, V> IdVec<T, V> {
    pub fn new() -> Self {
        IdVec {
            values: Vec::new(),
            of: PhantomData,
        }
    }

    /// `len` values made by `value`.
    pub fn filled(len: usize, value: impl FnMut() -> V) -> Self {
        let mut values = Vec::with_capacity(len);
        values.resize_with(len, value);
        IdVec::from(values)
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Appends a value and returns its id.
    pub fn push(&mut self, value: V) -> Id<T> {
        self.values.push(value);
        Id::new(self.values.len() - 1)
    }

    pub fn ids(&self) -> impl DoubleEndedIterator<Item = Id<T>> + ExactSizeIterator + use<T, V>
    where
        T: 'static,
    {
        reads::note_all::<T>();
        (0..self.values.len()).map(Id::new)
    }

    pub fn iter(&self) -> std::slice::Iter<'_, V>
    where
        T: 'static,
    {
        reads::note_all::<T>();
        self.values.iter()
    }

    pub fn values_mut(&mut self) -> std::slice::IterMut<'_, V> {
        self.values.iter_mut()
    }

    /// Each value with its id.
    pub fn enumerate(&self) -> impl DoubleEndedIterator<Item = (Id<T>, &V)> + ExactSizeIterator
    where
        T: 'static,
    {
        reads::note_all::<T>();
        self.values.iter().enumerate().map(|(i, v)| (Id::new(i), v))
    }

    /// The same ids with other values.
    pub fn map<W>(self, f: impl FnMut(V) -> W) -> IdVec<T, W> {
        IdVec::from(self.values.into_iter().map(f).collect::<Vec<_>>())
    }

    /// Reorders the values; ids handed out before no longer hold.
    pub fn sort_by(&mut self, compare: impl FnMut(&V, &V) -> std::cmp::Ordering) {
        self.values.sort_by(compare);
    }

    /// Keeps the values `keep` accepts; ids handed out before no longer hold.
    pub fn retain(&mut self, keep: impl FnMut(&V) -> bool) {
        self.values.retain(keep);
    }
}

impl<T, V> From<Vec<V>> for IdVec<T, V> {
    fn from(values: Vec<V>) -> Self {
        IdVec {
            values,
            of: PhantomData,
        }
    }
}

impl<T, V> Default for IdVec<T, V> {
    fn default() -> Self {
        IdVec::new()
    }
}

impl<T, V: Clone> Clone for IdVec<T, V> {
    fn clone(&self) -> Self {
        IdVec::from(self.values.clone())
    }
}

impl<T, V: fmt::Debug> fmt::Debug for IdVec<T, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(&self.values).finish()
    }
}

impl<T: 'static, V> Index<Id<T>> for IdVec<T, V> {
    type Output = V;
    fn index(&self, id: Id<T>) -> &V {
        reads::note::<T>(id.index);
        &self.values[id.index()]
    }
}

impl<T: 'static, V> IndexMut<Id<T>> for IdVec<T, V> {
    fn index_mut(&mut self, id: Id<T>) -> &mut V {
        &mut self.values[id.index()]
    }
}

impl<T, V> IntoIterator for IdVec<T, V> {
    type Item = V;
    type IntoIter = std::vec::IntoIter<V>;
    fn into_iter(self) -> Self::IntoIter {
        self.values.into_iter()
    }
}

impl<'a, T: 'static, V> IntoIterator for &'a IdVec<T, V> {
    type Item = &'a V;
    type IntoIter = std::slice::Iter<'a, V>;
    fn into_iter(self) -> Self::IntoIter {
        reads::note_all::<T>();
        self.values.iter()
    }
}

/// Which records a piece of code read, noted by [`IdVec`] itself when asked ([`recording`]):
/// `serve` plans a page again only when a record its context was made from changed, so every
/// way of reading a record (its table, or a value of the graph's index kept beside it) must be
/// seen. Reading by id notes that one record; iterating notes every record of the kind.
mod reads {
    use std::any::TypeId;
    use std::cell::{Cell, RefCell};

    /// The records read while [`recording`]: by the type of the table's ids and the position.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct Reads {
        /// `(type, position)`, sorted, each once.
        pub ones: Vec<(TypeId, u32)>,
        /// Types of which every record was read (iterated), each once.
        pub all: Vec<TypeId>,
    }

    impl Reads {
        /// Whether any record of type `of` at a position in `positions` (sorted) was read.
        pub fn touches(&self, of: TypeId, positions: &[u32]) -> bool {
            if positions.is_empty() {
                return false;
            }
            self.all.contains(&of)
                || positions
                    .iter()
                    .any(|&p| self.ones.binary_search(&(of, p)).is_ok())
        }

        /// Every type read, one or all.
        pub fn types(&self) -> impl Iterator<Item = TypeId> + '_ {
            self.ones
                .iter()
                .map(|(t, _)| *t)
                .chain(self.all.iter().copied())
        }
    }

    thread_local! {
        static ON: Cell<bool> = const { Cell::new(false) };
        static NOTED: RefCell<Reads> = const {
            RefCell::new(Reads {
                ones: Vec::new(),
                all: Vec::new(),
            })
        };
    }

    /// Runs `f` and returns what it read on this thread. `f` must not hand work to other threads
    /// (what they read is not seen); recordings do not nest.
    pub fn recording<R>(f: impl FnOnce() -> R) -> (R, Reads) {
        let was = ON.replace(true);
        debug_assert!(!was, "recordings do not nest");
        let result = f();
        ON.set(was);
        let Reads { mut ones, mut all } = NOTED.take();
        ones.sort_unstable();
        ones.dedup();
        all.sort_unstable();
        all.dedup();
        ones.retain(|(t, _)| !all.contains(t));
        ones.shrink_to_fit();
        (result, Reads { ones, all })
    }

    pub(super) fn note<T: 'static>(position: u32) {
        if ON.get() {
            let read = (TypeId::of::<T>(), position);
            NOTED.with_borrow_mut(|Reads { ones, all }| {
                // Overviews read the same records over and over: keep the list short as it grows.
                if ones.last() != Some(&read) && !all.contains(&read.0) {
                    ones.push(read);
                }
            });
        }
    }

    pub(super) fn note_all<T: 'static>() {
        if ON.get() {
            NOTED.with_borrow_mut(|reads| reads.all.push(TypeId::of::<T>()));
        }
    }
}
