//! How many threads validate a large code section, and on which CPUs the helpers run.
//!
//! Linux places a new thread on the CPU of the thread that started it and moves it elsewhere at the
//! next load balancing, which on an otherwise idle machine can be milliseconds later: until then the
//! loading thread and its helper take turns on one core. Loading a module takes about as long, so
//! each helper binds itself to a CPU other than the loading thread's for the few milliseconds it
//! lives, from the set the process may run on.

use std::sync::OnceLock;

/// How many threads validate a large code section: the CPUs the process may use (respecting
/// affinity and cgroup quotas), at most 8. Asked once per process: the answer reads several files
/// under `/proc` and `/sys`.
pub(super) fn threads() -> usize {
    static THREADS: OnceLock<usize> = OnceLock::new();
    *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8))
}

/// The CPUs for `helpers` helper threads, one each, other than the calling thread's, in turn from
/// the set the calling thread may run on; empty where the set cannot be read (the helpers then go
/// where the system puts them).
pub(super) fn helper_cpus(helpers: usize) -> Vec<usize> {
    #[cfg(target_os = "linux")]
    {
        use rustix::thread::{CpuSet, sched_getaffinity, sched_getcpu};
        let Ok(allowed) = sched_getaffinity(None) else { return Vec::new() };
        let own = sched_getcpu();
        // The allowed CPUs after our own first, wrapping round, so that helpers of loads on
        // different CPUs spread out.
        let others: Vec<usize> =
            (1..CpuSet::MAX_CPU).map(|k| (own + k) % CpuSet::MAX_CPU).filter(|&cpu| allowed.is_set(cpu)).collect();
        if others.is_empty() {
            return Vec::new();
        }
        (0..helpers).map(|i| others[i % others.len()]).collect()
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = helpers;
        Vec::new()
    }
}

/// Binds the calling thread (a helper that ends with the load) to `cpu`; a refusal leaves it free.
pub(super) fn bind_to(cpu: usize) {
    #[cfg(target_os = "linux")]
    {
        let mut set = rustix::thread::CpuSet::new();
        set.set(cpu);
        let _ = rustix::thread::sched_setaffinity(None, &set);
    }
    #[cfg(not(target_os = "linux"))]
    let _ = cpu;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers_get_cpus_the_process_may_use() {
        assert!((1..=8).contains(&threads()));
        let cpus = helper_cpus(3);
        #[cfg(target_os = "linux")]
        {
            let allowed = rustix::thread::sched_getaffinity(None).expect("affinity");
            assert!(cpus.iter().all(|&cpu| allowed.is_set(cpu)), "{cpus:?}");
            if allowed.count() > 1 {
                assert_eq!(cpus.len(), 3, "one CPU for each helper, in turn");
            }
        }
        for cpu in cpus {
            // A bound thread runs on its CPU from then on.
            let on = std::thread::spawn(move || {
                bind_to(cpu);
                #[cfg(target_os = "linux")]
                return rustix::thread::sched_getcpu();
                #[cfg(not(target_os = "linux"))]
                cpu
            });
            assert_eq!(on.join().expect("bind"), cpu);
        }
    }
}
