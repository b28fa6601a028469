//! libFuzzer entry for `fuzz/bodies/highlight.rs` (the body is shared with the
//! stable replay test `tests/fuzz_replay.rs`).
#![no_main]

#[path = "../bodies/highlight.rs"]
mod body;

libfuzzer_sys::fuzz_target!(|input: &[u8]| body::run(input));
