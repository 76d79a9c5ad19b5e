//! Regression modules: every `tests/regressions/*.wat` is compiled and run by the expectations in its
//! `;;` header lines; `tests/regressions/pending/*.wat` (bugs not fixed yet) are run and reported
//! but do not fail the test.
//!
//! Header lines, anywhere in the file, each a line comment:
//!
//! ```text
//! ;; invoke "NAME" ARG... -> RESULT...       call export NAME, expect these results
//! ;; invoke "NAME" ARG... -> trap MESSAGE    expect a trap whose message is MESSAGE
//! ;; instantiate -> trap MESSAGE             instantiation (segments, start function) traps
//! ;; global "NAME" -> VALUE                  exported global NAME holds VALUE (after the steps above)
//! ;; compile -> error                        `Module::new` rejects the module
//! ```
//!
//! Values are `i32:-1`, `i64:42`, `f32:1.5`, `f64:-0`, `f32:nan` (any NaN), `f32:0x7fc00000` (bits),
//! `v128:0x0000000400000003_0000000200000001` (the 128 bits in hex, `_` allowed, or in decimal),
//! `funcref:null`, `funcref:nonnull`, `externref:null` and `externref:N` (a host reference to `N`).
//! Trap messages are those of `TrapCode::message` (the spec test suite's). The invocations run in
//! order on one instance.

use anyhow::{Context, Result, anyhow, bail};
use hayate::{Engine, ExternRef, Instance, Module, Store, Val};
use std::path::{Path, PathBuf};

/// A value in a header line.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    I32(i32),
    I64(i64),
    F32(u32),
    F64(u64),
    F32Nan,
    F64Nan,
    V128(u128),
    FuncNull,
    FuncNonNull,
    ExternNull,
    Extern(u32),
}

#[derive(Debug)]
enum Expect {
    Values(Vec<Value>),
    Trap(String),
    Error,
}

#[derive(Debug)]
enum Step {
    Compile(Expect),
    Instantiate(Expect),
    Invoke { name: String, args: Vec<Value>, expect: Expect },
    Global { name: String, value: Value },
}

fn parse_value(token: &str) -> Result<Value> {
    let (ty, v) = token.split_once(':').ok_or_else(|| anyhow!("value `{token}` is not TYPE:VALUE"))?;
    let hex = |v: &str| v.strip_prefix("0x").map(|h| u64::from_str_radix(h, 16));
    Ok(match (ty, v) {
        ("i32", v) => Value::I32(match hex(v) {
            Some(bits) => bits? as u32 as i32,
            None => v.parse()?,
        }),
        ("i64", v) => Value::I64(match hex(v) {
            Some(bits) => bits? as i64,
            None => v.parse()?,
        }),
        ("f32", "nan") => Value::F32Nan,
        ("f64", "nan") => Value::F64Nan,
        ("f32", v) => Value::F32(match hex(v) {
            Some(bits) => bits? as u32,
            None => v.parse::<f32>()?.to_bits(),
        }),
        ("f64", v) => Value::F64(match hex(v) {
            Some(bits) => bits?,
            None => v.parse::<f64>()?.to_bits(),
        }),
        ("v128", v) => Value::V128(match v.strip_prefix("0x") {
            Some(h) => u128::from_str_radix(&h.replace('_', ""), 16)?,
            None => v.parse()?,
        }),
        ("funcref", "null") => Value::FuncNull,
        ("funcref", "nonnull") => Value::FuncNonNull,
        ("externref", "null") => Value::ExternNull,
        ("externref", v) => Value::Extern(v.parse()?),
        _ => bail!("unknown value `{token}`"),
    })
}

fn parse_expect(text: &str) -> Result<Expect> {
    let text = text.trim();
    if let Some(message) = text.strip_prefix("trap ") {
        return Ok(Expect::Trap(message.trim().to_string()));
    }
    if text == "error" {
        return Ok(Expect::Error);
    }
    Ok(Expect::Values(text.split_whitespace().map(parse_value).collect::<Result<_>>()?))
}

/// The steps in `source`'s header lines.
fn parse_steps(source: &str) -> Result<Vec<Step>> {
    let mut steps = Vec::new();
    for (line_no, line) in source.lines().enumerate() {
        let Some(rest) = line.trim().strip_prefix(";;") else { continue };
        let rest = rest.trim();
        let context = || format!("line {}: `{line}`", line_no + 1);
        if let Some(rest) = rest.strip_prefix("invoke ") {
            let rest = rest.trim().strip_prefix('"').with_context(|| format!("{}: name must be quoted", context()))?;
            let (name, rest) = rest.split_once('"').with_context(|| format!("{}: unterminated name", context()))?;
            let (args, expect) = rest.split_once("->").with_context(|| format!("{}: no `->`", context()))?;
            let args = args.split_whitespace().map(parse_value).collect::<Result<_>>().with_context(context)?;
            let expect = parse_expect(expect).with_context(context)?;
            steps.push(Step::Invoke { name: name.to_string(), args, expect });
        } else if let Some(rest) = rest.strip_prefix("global ") {
            let rest = rest.trim().strip_prefix('"').with_context(|| format!("{}: name must be quoted", context()))?;
            let (name, rest) = rest.split_once('"').with_context(|| format!("{}: unterminated name", context()))?;
            let value = rest.trim().strip_prefix("->").with_context(|| format!("{}: no `->`", context()))?;
            let value = parse_value(value.trim()).with_context(context)?;
            steps.push(Step::Global { name: name.to_string(), value });
        } else if let Some(expect) = rest.strip_prefix("instantiate ->") {
            steps.push(Step::Instantiate(parse_expect(expect).with_context(context)?));
        } else if let Some(expect) = rest.strip_prefix("compile ->") {
            steps.push(Step::Compile(parse_expect(expect).with_context(context)?));
        }
    }
    if steps.is_empty() {
        bail!("no `;; invoke`, `;; global`, `;; instantiate` or `;; compile` header lines");
    }
    Ok(steps)
}

fn to_val(store: &mut Store<()>, externs: &mut Vec<(u32, ExternRef)>, v: &Value) -> Result<Val> {
    Ok(match v {
        Value::I32(x) => Val::I32(*x),
        Value::I64(x) => Val::I64(*x),
        Value::F32(x) => Val::F32(*x),
        Value::F64(x) => Val::F64(*x),
        Value::V128(x) => Val::V128(hayate::V128::from(*x)),
        Value::FuncNull => Val::FuncRef(None),
        Value::ExternNull => Val::ExternRef(None),
        Value::Extern(n) => {
            let r = match externs.iter().find(|(m, _)| m == n) {
                Some((_, r)) => r.clone(),
                None => {
                    let r = ExternRef::new(&mut *store, *n);
                    externs.push((*n, r.clone()));
                    r
                }
            };
            Val::ExternRef(Some(r))
        }
        Value::F32Nan | Value::F64Nan | Value::FuncNonNull => bail!("{v:?} is only a result pattern"),
    })
}

fn matches(store: &Store<()>, pattern: &Value, got: &Val) -> bool {
    match (pattern, got) {
        (Value::I32(a), Val::I32(b)) => a == b,
        (Value::I64(a), Val::I64(b)) => a == b,
        (Value::V128(a), Val::V128(b)) => *a == b.as_u128(),
        (Value::F32(a), Val::F32(b)) => a == b,
        (Value::F64(a), Val::F64(b)) => a == b,
        (Value::F32Nan, Val::F32(b)) => f32::from_bits(*b).is_nan(),
        (Value::F64Nan, Val::F64(b)) => f64::from_bits(*b).is_nan(),
        (Value::FuncNull, Val::FuncRef(f)) => f.is_none(),
        (Value::FuncNonNull, Val::FuncRef(f)) => f.is_some(),
        (Value::ExternNull, Val::ExternRef(r)) => r.is_none(),
        (Value::Extern(n), Val::ExternRef(Some(r))) => {
            r.data(store).ok().and_then(|d| d.downcast_ref::<u32>()) == Some(n)
        }
        _ => false,
    }
}

/// Checks an outcome against an expectation.
fn check<T>(what: &str, expect: &Expect, got: hayate::Result<T>, values: impl FnOnce(T) -> Result<()>) -> Result<()> {
    match (expect, got) {
        (Expect::Values(_), Ok(v)) => values(v),
        (Expect::Error, Err(_)) => Ok(()),
        (Expect::Trap(message), Err(e)) => match e.trap_code() {
            Some(code) if code.message() == message => Ok(()),
            _ => bail!("{what}: expected trap `{message}`, got error `{e}`"),
        },
        (expect, Ok(_)) => bail!("{what}: expected {expect:?}, but it succeeded"),
        (expect, Err(e)) => bail!("{what}: expected {expect:?}, got error `{e}`"),
    }
}

/// Runs one regression file.
fn run_file(path: &Path) -> Result<()> {
    let source = std::fs::read_to_string(path)?;
    let steps = parse_steps(&source)?;
    let engine = Engine::default();
    let mut store = Store::new(&engine, ());
    let mut externs = Vec::new();
    let mut module = None;
    let mut instance = None;
    for step in &steps {
        match step {
            Step::Compile(expect) => {
                let got = Module::new(&engine, &source);
                check(
                    "compile",
                    expect,
                    got.as_ref().map(|_| ()).map_err(|e| hayate::Error::msg(e.to_string())),
                    |_| Ok(()),
                )?;
                module = got.ok();
            }
            Step::Instantiate(expect) => {
                let m = match &module {
                    Some(m) => m.clone(),
                    None => Module::new(&engine, &source)?,
                };
                let got = Instance::new(&mut store, &m, &[]);
                module = Some(m);
                instance = got.as_ref().ok().copied();
                check("instantiate", expect, got, |_| Ok(()))?;
            }
            Step::Global { name, value } => {
                let inst = instance.ok_or_else(|| anyhow!("`global` before any instantiation"))?;
                let global = inst.get_global(&store, name).ok_or_else(|| anyhow!("no exported global `{name}`"))?;
                let got = global.get(&store)?;
                if !matches(&store, value, &got) {
                    bail!("global \"{name}\": expected {value:?}, got {got:?}");
                }
            }
            Step::Invoke { name, args, expect } => {
                let inst = match instance {
                    Some(i) => i,
                    None => {
                        let m = match &module {
                            Some(m) => m.clone(),
                            None => Module::new(&engine, &source)?,
                        };
                        let i = Instance::new(&mut store, &m, &[])?;
                        module = Some(m);
                        instance = Some(i);
                        i
                    }
                };
                let func = inst.get_func(&store, name).ok_or_else(|| anyhow!("no exported function `{name}`"))?;
                let ty = func.ty(&store)?;
                let params = args.iter().map(|a| to_val(&mut store, &mut externs, a)).collect::<Result<Vec<_>>>()?;
                let mut results: Vec<Val> = ty.results().iter().map(|t| Val::default_for(*t)).collect();
                let what = format!("invoke \"{name}\" {args:?}");
                let got = func.call(&mut store, &params, &mut results);
                check(&what, expect, got, |()| {
                    let Expect::Values(want) = expect else { unreachable!() };
                    let ok =
                        want.len() == results.len() && want.iter().zip(&results).all(|(w, r)| matches(&store, w, r));
                    if ok { Ok(()) } else { bail!("{what}: expected {want:?}, got {results:?}") }
                })?;
            }
        }
    }
    Ok(())
}

/// The `.wat` files directly in `dir`, sorted.
fn wat_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "wat"));
    files.sort();
    files
}

/// Runs each file, catching panics as failures.
fn run_all(files: &[PathBuf]) -> Vec<(PathBuf, Result<()>)> {
    files
        .iter()
        .map(|path| {
            let result = std::panic::catch_unwind(|| run_file(path))
                .unwrap_or_else(|_| Err(anyhow!("panicked (see the message above)")));
            (path.clone(), result)
        })
        .collect()
}

#[test]
fn regressions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let fixed = run_all(&wat_files(&dir));
    let pending = run_all(&wat_files(&dir.join("pending")));
    let mut out = String::new();
    let name = |p: &Path| p.strip_prefix(&dir).unwrap_or(p).display().to_string();
    for (path, result) in &fixed {
        match result {
            Ok(()) => out += &format!("  ok       {}\n", name(path)),
            Err(e) => out += &format!("  FAILED   {}: {e:#}\n", name(path)),
        }
    }
    for (path, result) in &pending {
        match result {
            Ok(()) => out += &format!("  FIXED?   {} passes now: move it out of pending/\n", name(path)),
            Err(e) => out += &format!("  pending  {}: {e:#}\n", name(path)),
        }
    }
    let failed = fixed.iter().filter(|(_, r)| r.is_err()).count();
    let still_pending = pending.iter().filter(|(_, r)| r.is_err()).count();
    out += &format!(
        "regressions: {} passed, {failed} failed, {still_pending} pending ({} pending now pass)\n",
        fixed.len() - failed,
        pending.len() - still_pending
    );
    let _ = std::io::Write::write_all(&mut std::io::stdout(), out.as_bytes());
    assert_eq!(failed, 0, "regression modules failed");
}
