//! A listener of flaskguard's own on 127.0.0.1: SSRF and XXE probes ask the app to fetch a
//! URL on it, with a unique token in the path; a request that arrives proves the fetch.
//! It only ever answers (a tiny fixed response); it never connects anywhere.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

pub struct Canary {
    pub port: u16,
    seen: Arc<Mutex<Vec<String>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Canary {
    pub async fn start() -> std::io::Result<Canary> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let port = listener.local_addr()?.port();
        let seen: Arc<Mutex<Vec<String>>> = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        let task = tokio::spawn(async move {
            loop {
                let Ok((mut sock, _)) = listener.accept().await else {
                    continue;
                };
                let log = Arc::clone(&log);
                tokio::spawn(async move {
                    let mut buf = vec![0u8; 4096];
                    // A bounded read: one request line is all it needs.
                    let n = tokio::time::timeout(Duration::from_secs(3), sock.read(&mut buf))
                        .await
                        .ok()
                        .and_then(Result::ok)
                        .unwrap_or(0);
                    let head = String::from_utf8_lossy(&buf[..n]);
                    if let Some(path) = head.lines().next().and_then(|l| l.split(' ').nth(1))
                        && let Ok(mut seen) = log.lock()
                        && seen.len() < 10_000
                    {
                        seen.push(path.to_string());
                    }
                    let _ = sock
                        .write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
                        .await;
                });
            }
        });
        Ok(Canary { port, seen, task })
    }

    pub fn url(&self, token: &str) -> String {
        format!("http://127.0.0.1:{}/{token}", self.port)
    }

    /// Whether a request for `token` arrived, waiting at most `wait`.
    pub async fn saw(&self, token: &str, wait: Duration) -> bool {
        let until = tokio::time::Instant::now() + wait;
        loop {
            if self
                .seen
                .lock()
                .is_ok_and(|s| s.iter().any(|p| p.contains(token)))
            {
                return true;
            }
            if tokio::time::Instant::now() >= until {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

impl Drop for Canary {
    fn drop(&mut self) {
        self.task.abort();
    }
}
