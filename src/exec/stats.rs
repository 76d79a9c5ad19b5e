//! The dynamic instruction mix (cargo feature `stats`): how often each IR instruction, and each
//! sequence of two and of three, was executed on this thread. Only the portable dispatcher counts,
//! so a `stats` build always uses it; the default build has none of this code.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// What [`take`] returns: execution counts of single instructions, pairs and triples, each sorted
/// by count, most frequent first. Instructions are named as `hayate ir` prints them.
#[derive(Debug, Clone, Default)]
pub struct InstructionMix {
    /// Every instruction that ran, with how many times.
    pub ops: Vec<(&'static str, u64)>,
    /// Every pair of instructions that ran one right after the other (across calls and returns too).
    pub pairs: Vec<([&'static str; 2], u64)>,
    /// Every sequence of three instructions that ran one right after the other.
    pub triples: Vec<([&'static str; 3], u64)>,
}

impl InstructionMix {
    /// How many instructions ran in all.
    pub fn total(&self) -> u64 {
        self.ops.iter().map(|(_, n)| n).sum()
    }
}

/// A multiplicative hash of the instruction names' addresses: the counters are updated for every
/// instruction executed, so SipHash would make a stats run several times slower.
#[derive(Default)]
struct AddrHasher(u64);

impl Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

type Map<K> = HashMap<K, u64, BuildHasherDefault<AddrHasher>>;

/// The counters, keyed by the address of an instruction's name (names are `'static` and unique).
#[derive(Default)]
struct Counters {
    ops: Map<usize>,
    pairs: Map<(usize, usize)>,
    triples: Map<(usize, usize, usize)>,
    /// The two instructions before the current one (0: none yet).
    last: [usize; 2],
    /// Name of each address seen.
    names: HashMap<usize, &'static str>,
}

thread_local! {
    static COUNTERS: RefCell<Counters> = RefCell::default();
}

/// Counts one executed instruction, named `name`.
#[inline]
pub(super) fn record(name: &'static str) {
    let key = name.as_ptr() as usize;
    COUNTERS.with_borrow_mut(|c| {
        let n = c.ops.entry(key).or_insert(0);
        if *n == 0 {
            c.names.insert(key, name);
        }
        *n += 1;
        let [a, b] = c.last;
        if b != 0 {
            *c.pairs.entry((b, key)).or_insert(0) += 1;
            if a != 0 {
                *c.triples.entry((a, b, key)).or_insert(0) += 1;
            }
        }
        c.last = [b, key];
    });
}

/// The instruction mix counted on this thread since the last call, which starts counting afresh.
pub fn take() -> InstructionMix {
    let c = COUNTERS.take();
    let name = |key: &usize| c.names[key];
    fn sorted<T>(mut v: Vec<(T, u64)>) -> Vec<(T, u64)> {
        v.sort_by_key(|entry| std::cmp::Reverse(entry.1));
        v
    }
    InstructionMix {
        ops: sorted(c.ops.iter().map(|(k, n)| (name(k), *n)).collect()),
        pairs: sorted(c.pairs.iter().map(|((a, b), n)| ([name(a), name(b)], *n)).collect()),
        triples: sorted(c.triples.iter().map(|((a, b, d), n)| ([name(a), name(b), name(d)], *n)).collect()),
    }
}
