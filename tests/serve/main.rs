//! End-to-end tests of `minhbach serve`: the real binary on a free port,
//! serving a tiny fixture site copied into a temp folder, exercised with a
//! minimal HTTP/1.1 client over `TcpStream`. Also checks that `build`
//! output never carries the live-reload script.
//!
//! `server` is the harness (fixture site, server process, HTTP client, event
//! stream); `preview` checks live preview and rebuilds, `refusals` what the
//! server refuses and how it stops, `measure` the ignored latency measurement.

#[path = "../common/mod.rs"]
mod common;

mod measure;
mod preview;
mod refusals;
mod server;
