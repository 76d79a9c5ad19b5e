//! An async-style embedding without an async runtime: one thread time-slices several guests in one
//! store. Each slice gives a guest a little fuel, and running out of it suspends the guest
//! (`Config::suspend_on_out_of_fuel`) so the next one runs; the host function `fetch` never blocks
//! either: it suspends its guest with a request (`Error::suspend`), which the event loop answers
//! some ticks later, as it would answer I/O. Run with `cargo run --release --example async_host`.

use hayate::{Config, Engine, Error, Linker, Module, Store, SuspendReason, TypedFunc, TypedResumableCall, Val};
use std::collections::VecDeque;

/// A guest: `main id rounds` fetches a value from the host each round, then computes for a while.
const GUEST: &str = r#"(module
  (import "io" "fetch" (func $fetch (param i32) (result i64)))
  (func (export "main") (param $id i32) (param $rounds i32) (result i64)
    (local $round i32) (local $i i32) (local $acc i64)
    (loop $rounds
      (local.set $acc (i64.add (local.get $acc)
        (call $fetch (i32.add (i32.mul (local.get $id) (i32.const 1000)) (local.get $round)))))
      (local.set $i (i32.const 0))
      (loop $work
        (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 31)) (i64.extend_i32_u (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $work (i32.lt_u (local.get $i) (i32.const 3000))))
      (local.set $round (i32.add (local.get $round) (i32.const 1)))
      (br_if $rounds (i32.lt_u (local.get $round) (local.get $rounds))))
    (local.get $acc)))"#;

/// What the host's I/O answers to a request for `key`.
fn lookup(key: i32) -> i64 {
    i64::from(key) * 7 + 3
}

/// The fuel one time slice gives a guest.
const SLICE: u64 = 5_000;

/// Where a guest is.
enum State {
    /// Not started.
    New,
    /// Ready to run on: a call suspended for fuel, or one whose request has been answered.
    Ready(hayate::TypedSuspendedCall<i64>, Option<i64>),
    /// Suspended in `fetch`, waiting for the answer to `key`, due at tick `due`.
    Waiting(hayate::TypedSuspendedCall<i64>, i32, u64),
    /// Finished with this result.
    Done(i64),
}

/// One guest of the event loop.
struct Task {
    main: TypedFunc<(i32, i32), i64>,
    id: i32,
    rounds: i32,
    state: State,
    slices: u32,
    fetches: u32,
}

fn main() -> anyhow::Result<()> {
    let engine = Engine::new(Config::new().consume_fuel(true).suspend_on_out_of_fuel(true));
    let module = Module::new(&engine, GUEST)?;
    let mut store = Store::new(&engine, ());
    let mut linker = Linker::new(&engine);
    // `fetch` asks to suspend its guest, with the key as the request; the guest goes on when the
    // event loop resumes it with the value.
    linker.func_wrap("io", "fetch", |key: i32| -> Result<i64, Error> { Err(Error::suspend(key)) })?;

    let mut tasks = Vec::new();
    for (id, rounds) in [(1, 4), (2, 9), (3, 2), (4, 6)] {
        let instance = linker.instantiate(&mut store, &module)?;
        let main = instance.get_typed_func::<(i32, i32), i64>(&store, "main")?;
        tasks.push(Task { main, id, rounds, state: State::New, slices: 0, fetches: 0 });
    }

    // The event loop: run ready guests in turn, one slice each; answer requests when they are due.
    let mut ready: VecDeque<usize> = (0..tasks.len()).collect();
    let mut tick = 0u64;
    // Which guest ran each slice, `.` where all were waiting.
    let mut timeline = String::new();
    loop {
        // Answer the requests that are due.
        for (t, task) in tasks.iter_mut().enumerate() {
            if let State::Waiting(_, key, due) = task.state
                && due <= tick
                && let State::Waiting(call, ..) = std::mem::replace(&mut task.state, State::New)
            {
                task.state = State::Ready(call, Some(lookup(key)));
                ready.push_back(t);
            }
        }
        let Some(t) = ready.pop_front() else {
            // Nothing ready: wait for the next answer, or stop when every guest is done.
            match tasks
                .iter()
                .filter_map(|task| if let State::Waiting(_, _, due) = task.state { Some(due) } else { None })
                .min()
            {
                Some(due) => {
                    timeline.push('.');
                    tick = due;
                    continue;
                }
                None => break,
            }
        };
        tick += 1;
        let task = &mut tasks[t];
        task.slices += 1;
        timeline.push(char::from(b'0' + task.id as u8));
        store.set_fuel(SLICE)?;
        let outcome = match std::mem::replace(&mut task.state, State::New) {
            State::New => task.main.call_resumable(&mut store, (task.id, task.rounds))?,
            State::Ready(call, None) => call.resume(&mut store, &[])?,
            State::Ready(call, Some(value)) => call.resume(&mut store, &[Val::I64(value)])?,
            State::Waiting(..) | State::Done(_) => unreachable!("only ready guests run"),
        };
        task.state = match outcome {
            TypedResumableCall::Finished(result) => State::Done(result),
            TypedResumableCall::Suspended(call) => match call.reason() {
                SuspendReason::OutOfFuel => {
                    ready.push_back(t);
                    State::Ready(call, None)
                }
                SuspendReason::Host { .. } => {
                    let key = *call.payload::<i32>().expect("fetch suspends with its key");
                    task.fetches += 1;
                    // The answer takes a while, longer for larger keys.
                    State::Waiting(call, key, tick + 3 + (key % 5) as u64)
                }
                other => anyhow::bail!("unexpected suspension: {other:?}"),
            },
        };
    }

    // The same guests run straight through, with a `fetch` that answers at once.
    let plain_engine = Engine::default();
    let plain_module = Module::new(&plain_engine, GUEST)?;
    let mut plain_store = Store::new(&plain_engine, ());
    let mut plain_linker = Linker::new(&plain_engine);
    plain_linker.func_wrap("io", "fetch", |key: i32| lookup(key))?;
    let instance = plain_linker.instantiate(&mut plain_store, &plain_module)?;
    let plain_main = instance.get_typed_func::<(i32, i32), i64>(&plain_store, "main")?;

    println!("{tick} ticks, slices by guest: {timeline}");
    for task in &tasks {
        let State::Done(result) = task.state else { anyhow::bail!("guest {} did not finish", task.id) };
        let expected = plain_main.call(&mut plain_store, (task.id, task.rounds))?;
        println!(
            "guest {}: {} rounds in {} slices, {} fetches, result {result:#018x} ({})",
            task.id,
            task.rounds,
            task.slices,
            task.fetches,
            if result == expected { "as run straight through" } else { "DIFFERS from a straight run" }
        );
        anyhow::ensure!(result == expected, "guest {} gave {result}, a straight run {expected}", task.id);
    }
    Ok(())
}
