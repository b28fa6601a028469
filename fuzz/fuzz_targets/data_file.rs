//! libFuzzer entry for `fuzz/bodies/data_file.rs` (the body is shared with the
//! stable replay test `tests/fuzz_replay.rs`).
#![no_main]

#[path = "../bodies/data_file.rs"]
mod body;

libfuzzer_sys::fuzz_target!(|input: &[u8]| body::run(input));
