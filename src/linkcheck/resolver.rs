//! Host names to addresses, with a typed error for "this host does not exist".
//!
//! reqwest reports every DNS failure as an opaque connect error. Resolving ourselves lets the
//! checker tell a domain that is gone (an error for the editor) from a server that is down (a
//! warning), by finding [`HostNotFound`] in the error's source chain. Tests use a fixed table, so
//! they never ask a real name server.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// How host names are looked up.
#[derive(Debug, Clone, Default)]
pub enum Dns {
    /// The operating system's resolver, as a browser on this computer would.
    #[default]
    System,
    /// Only these names; every other name does not exist. For tests.
    Fixed(HashMap<String, SocketAddr>),
}

/// DNS knows no address for this host.
#[derive(Debug, thiserror::Error)]
#[error("no address found for host `{host}`")]
pub struct HostNotFound {
    pub host: String,
}

pub(super) fn resolver(dns: &Dns) -> Arc<dyn Resolve> {
    Arc::new(Resolver(dns.clone()))
}

struct Resolver(Dns);

impl Resolve for Resolver {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().to_string();
        let dns = self.0.clone();
        Box::pin(async move {
            let not_found = || Box::new(HostNotFound { host: host.clone() }) as _;
            match dns {
                Dns::Fixed(table) => match table.get(&host) {
                    Some(addr) => Ok(Box::new(std::iter::once(*addr)) as Addrs),
                    None => Err(not_found()),
                },
                Dns::System => {
                    // Port 0 is replaced by the URL's port (or the scheme's default) by reqwest.
                    let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
                        .await
                        .map_err(|_| not_found())?
                        .collect();
                    if addrs.is_empty() {
                        return Err(not_found());
                    }
                    Ok(Box::new(addrs.into_iter()) as Addrs)
                }
            }
        })
    }
}

/// The host name of a failed request, if DNS had no address for it.
pub(super) fn host_not_found(err: &(dyn std::error::Error + 'static)) -> Option<String> {
    let mut current = Some(err);
    while let Some(err) = current {
        if let Some(found) = err.downcast_ref::<HostNotFound>() {
            return Some(found.host.clone());
        }
        current = err.source();
    }
    None
}
