//! Which requests the preview server answers at all: only `GET`/`HEAD`,
//! and only when the `Host` header names the address it is bound to.
//!
//! The `Host` check defeats DNS rebinding: a web page on `evil.example`
//! whose name is re-pointed at 127.0.0.1 can make the browser send
//! requests to this server, but they carry `Host: evil.example`, so they
//! get 403 and drafts never leak. Accepted names, always with the bound
//! port (or without it when the port is 80): `localhost`, `127.0.0.1`,
//! `[::1]` and the `--bind` address; when bound to every interface
//! (`0.0.0.0`/`::`) any IP address literal (a name that needs no DNS, so
//! cannot be rebound) is accepted too. Pure: no I/O, no server types.

use std::net::{IpAddr, SocketAddr};

/// What to do with a request before routing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    /// 403: the Host names something else.
    ForeignHost,
    /// 405: a method other than GET/HEAD.
    MethodNotAllowed,
}

/// The addresses a request may name.
#[derive(Debug, Clone)]
pub struct HostGuard {
    bound: SocketAddr,
}

impl HostGuard {
    pub fn new(bound: SocketAddr) -> HostGuard {
        HostGuard { bound }
    }

    /// Checks a request's method and `Host` header value (`None` when the
    /// header is missing or not text).
    pub fn check(&self, method: &str, host: Option<&str>) -> Verdict {
        if !host.is_some_and(|h| self.host_ok(h)) {
            return Verdict::ForeignHost;
        }
        if method != "GET" && method != "HEAD" {
            return Verdict::MethodNotAllowed;
        }
        Verdict::Pass
    }

    fn host_ok(&self, host: &str) -> bool {
        let port = self.bound.port();
        let name = match split_port(host) {
            Some((name, Some(p))) if p == port => name,
            Some((name, None)) if port == 80 => name,
            _ => return false,
        };
        if name.eq_ignore_ascii_case("localhost") {
            return true;
        }
        let Some(ip) = parse_ip(name) else {
            return false;
        };
        let bound = self.bound.ip();
        ip.is_loopback() || ip == bound || bound.is_unspecified()
    }
}

/// `name[:port]` → (name, port); IPv6 literals keep their brackets in the
/// name. `None` for a malformed port.
fn split_port(host: &str) -> Option<(&str, Option<u16>)> {
    let (name, port) = if host.starts_with('[') {
        let end = host.find(']')?;
        let rest = &host[end + 1..];
        if rest.is_empty() {
            (&host[..=end], None)
        } else {
            (&host[..=end], Some(rest.strip_prefix(':')?))
        }
    } else {
        match host.rsplit_once(':') {
            Some((n, p)) => (n, Some(p)),
            None => (host, None),
        }
    };
    let port = match port {
        Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => Some(p.parse().ok()?),
        Some(_) => return None,
        None => None,
    };
    Some((name, port))
}

/// An IP literal: `127.0.0.1` or `[::1]`.
fn parse_ip(name: &str) -> Option<IpAddr> {
    match name.strip_prefix('[').and_then(|n| n.strip_suffix(']')) {
        Some(v6) => v6.parse::<std::net::Ipv6Addr>().ok().map(IpAddr::V6),
        None => name.parse::<std::net::Ipv4Addr>().ok().map(IpAddr::V4),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guard(addr: &str) -> HostGuard {
        HostGuard::new(addr.parse().unwrap())
    }

    #[test]
    fn loopback_names_with_the_port_pass() {
        let g = guard("127.0.0.1:1313");
        for h in [
            "127.0.0.1:1313",
            "localhost:1313",
            "LocalHost:1313",
            "[::1]:1313",
        ] {
            assert_eq!(g.check("GET", Some(h)), Verdict::Pass, "{h}");
            assert_eq!(g.check("HEAD", Some(h)), Verdict::Pass, "{h}");
        }
    }

    #[test]
    fn other_names_ports_and_missing_hosts_are_refused() {
        let g = guard("127.0.0.1:1313");
        for h in [
            "evil.example:1313",
            "evil.example",
            "localhost",
            "localhost:80",
            "127.0.0.1:1314",
            "localhost.evil.example:1313",
            "127.0.0.1.nip.io:1313",
            "192.168.1.5:1313",
            "[::1]",
            "[::1]x:1313",
            "localhost:",
            "localhost:abc",
            "",
        ] {
            assert_eq!(g.check("GET", Some(h)), Verdict::ForeignHost, "{h}");
        }
        assert_eq!(g.check("GET", None), Verdict::ForeignHost);
    }

    #[test]
    fn the_bind_address_passes_and_any_ip_when_bound_to_all() {
        let g = guard("192.168.1.5:1313");
        assert_eq!(g.check("GET", Some("192.168.1.5:1313")), Verdict::Pass);
        assert_eq!(g.check("GET", Some("10.0.0.2:1313")), Verdict::ForeignHost);
        let all = guard("0.0.0.0:1313");
        assert_eq!(all.check("GET", Some("10.0.0.2:1313")), Verdict::Pass);
        assert_eq!(
            all.check("GET", Some("may-cua-toi.lan:1313")),
            Verdict::ForeignHost
        );
        let port80 = guard("127.0.0.1:80");
        assert_eq!(port80.check("GET", Some("localhost")), Verdict::Pass);
    }

    #[test]
    fn only_get_and_head() {
        let g = guard("127.0.0.1:1313");
        for m in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "get"] {
            assert_eq!(
                g.check(m, Some("localhost:1313")),
                Verdict::MethodNotAllowed,
                "{m}"
            );
        }
    }
}
