//! WASI preview1 host functions (placeholder; being written).
