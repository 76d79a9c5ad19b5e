//! The guest profiler: a [`Sampler`] asks the running guest, from any thread, to record its Wasm
//! call stack at its next check point; the store counts the stacks, and [`GuestProfile`] writes
//! them as collapsed stacks for flame graph tools.

use super::store::StoreInner;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};

/// Bit of a store's attention word (`StoreInner::attention`): an interrupt request is in force.
pub(crate) const INTERRUPT: u8 = 1;
/// Bit of a store's attention word: a sample of the call stack is wanted.
pub(crate) const SAMPLE: u8 = 2;

/// The call stacks sampled in one store while profiling is on: for each distinct stack (outermost
/// frame first, each frame an instance and a defined function's index in its module), how many
/// samples found it.
#[derive(Debug, Default)]
pub(crate) struct Samples {
    stacks: HashMap<Vec<(u32, u32)>, u64>,
}

impl Samples {
    /// Counts one sample of `stack` (outermost frame first).
    pub(crate) fn record(&mut self, stack: Vec<(u32, u32)>) {
        *self.stacks.entry(stack).or_insert(0) += 1;
    }
}

/// Asks a store's running guest to record its call stack, from any thread: the embedder calls
/// [`Sampler::sample`] at a steady rate (say every millisecond) while the guest runs, after
/// [`crate::Store::start_profiling`]. Cheap to clone, `Send + Sync`.
///
/// The guest records the stack at its next function entry or loop iteration, which it only checks
/// when the engine is [`crate::Config::interruptible`]: turn that on to profile.
#[derive(Debug, Clone)]
pub struct Sampler {
    pub(crate) attention: Arc<AtomicU8>,
}

impl Sampler {
    /// Requests one sample. Requests made before the guest took the last one are merged.
    pub fn sample(&self) {
        self.attention.fetch_or(SAMPLE, Ordering::Relaxed);
    }
}

/// The call stacks a store sampled between [`crate::Store::start_profiling`] and
/// [`crate::Store::take_profile`], with function names from the modules' name sections.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GuestProfile {
    /// Each distinct stack sampled (outermost function first) and how many samples found it,
    /// most frequent first.
    pub stacks: Vec<(Vec<String>, u64)>,
}

impl GuestProfile {
    /// Names the functions of `samples`' stacks (`name` from the name section, else `func N`
    /// with the function's index in its module).
    pub(crate) fn new(samples: Samples, store: &StoreInner) -> GuestProfile {
        let name = |&(instance, func): &(u32, u32)| {
            let module = &store.instances[instance as usize].module;
            let index = module.num_imported_funcs + func;
            match module.func_name(index) {
                Some(name) => name.to_string(),
                None => format!("func {index}"),
            }
        };
        let mut stacks: Vec<(Vec<String>, u64)> =
            samples.stacks.iter().map(|(stack, n)| (stack.iter().map(name).collect(), *n)).collect();
        stacks.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        GuestProfile { stacks }
    }

    /// How many samples were taken.
    pub fn total(&self) -> u64 {
        self.stacks.iter().map(|(_, n)| n).sum()
    }

    /// The profile in the collapsed-stack format that flame graph tools read (`inferno-flamegraph`,
    /// `flamegraph.pl`, speedscope): one line per stack, frames outermost first joined by `;`,
    /// then a space and the sample count. A `;` inside a name becomes `:`.
    pub fn to_collapsed(&self) -> String {
        let mut out = String::new();
        for (stack, n) in &self.stacks {
            for (i, frame) in stack.iter().enumerate() {
                if i > 0 {
                    out.push(';');
                }
                out.push_str(&frame.replace(';', ":").replace('\n', " "));
            }
            let _ = writeln!(out, " {n}");
        }
        out
    }
}
