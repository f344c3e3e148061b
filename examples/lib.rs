//! Runnable examples of narcostat: `cargo run -p narcostat-examples --example <name>`.
