//! The `minhbach` binary: a thin wrapper over the library's CLI.

fn main() -> std::process::ExitCode {
    minhbach::cli::run()
}
