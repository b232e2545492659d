//! The app under test started by the probe (`--serve`): a shell command in its own process
//! group, ready when its port accepts a connection, stopped (the whole group) when dropped.

use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use url::Url;

/// Why the app could not be served.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot start `{command}`")]
    Spawn {
        command: String,
        #[source]
        source: std::io::Error,
    },
    /// It ended before its port answered; the last lines it wrote to stderr.
    #[error("`{command}` exited ({status}) before {url} answered{}", tail_lines(.stderr_tail))]
    Exited {
        command: String,
        status: ExitStatus,
        url: String,
        stderr_tail: Vec<String>,
    },
    #[error("`{command}` did not answer on {url} within {} s", .waited.as_secs())]
    Timeout {
        command: String,
        url: String,
        waited: Duration,
    },
}

fn tail_lines(tail: &[String]) -> String {
    if tail.is_empty() {
        String::new()
    } else {
        format!(":\n  {}", tail.join("\n  "))
    }
}

/// The last `n` lines of a text.
fn last_lines(text: &str, n: usize) -> Vec<String> {
    let tail: Vec<&str> = text.lines().rev().take(n).collect();
    tail.into_iter().rev().map(str::to_string).collect()
}

/// The app started by `--serve`: its process group is stopped when this is dropped.
pub struct Served {
    child: Child,
}

impl Served {
    /// Runs `command` with `sh -c` and waits (at most `wait`) until `url`'s host and port
    /// accept a connection.
    pub fn start(command: &str, url: &Url, wait: Duration) -> Result<Served, ServeError> {
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg(command)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            cmd.process_group(0);
        }
        let child = cmd.spawn().map_err(|source| ServeError::Spawn {
            command: command.to_string(),
            source,
        })?;
        let mut served = Served { child };
        let host = url
            .host_str()
            .unwrap_or("127.0.0.1")
            .trim_matches(['[', ']'])
            .to_string();
        let port = url.port_or_known_default().unwrap_or(80);
        let started = Instant::now();
        // Poll: the app answers when its port accepts a connection.
        loop {
            if let Ok(Some(status)) = served.child.try_wait() {
                let mut err = String::new();
                if let Some(mut e) = served.child.stderr.take() {
                    let _ = std::io::Read::read_to_string(&mut e, &mut err);
                }
                return Err(ServeError::Exited {
                    command: command.to_string(),
                    status,
                    url: url.to_string(),
                    stderr_tail: last_lines(&err, 5),
                });
            }
            let addrs = std::net::ToSocketAddrs::to_socket_addrs(&(host.as_str(), port))
                .map(Iterator::collect::<Vec<_>>)
                .unwrap_or_default();
            if addrs.iter().any(|a| {
                std::net::TcpStream::connect_timeout(a, Duration::from_millis(200)).is_ok()
            }) {
                // Drain stderr in the background so a chatty app never blocks on a full pipe.
                if let Some(mut e) = served.child.stderr.take() {
                    std::thread::spawn(move || {
                        let _ = std::io::copy(&mut e, &mut std::io::sink());
                    });
                }
                return Ok(served);
            }
            if started.elapsed() >= wait {
                return Err(ServeError::Timeout {
                    command: command.to_string(),
                    url: url.to_string(),
                    waited: wait,
                });
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        #[cfg(unix)]
        {
            let pgid = format!("-{}", self.child.id());
            let _ = Command::new("kill")
                .args(["-TERM", "--", &pgid])
                .stderr(Stdio::null())
                .status();
            let until = Instant::now() + Duration::from_secs(5);
            while Instant::now() < until {
                if matches!(self.child.try_wait(), Ok(Some(_))) {
                    return;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = Command::new("kill")
                .args(["-KILL", "--", &pgid])
                .stderr(Stdio::null())
                .status();
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::{ServeError, Served, last_lines};

    #[test]
    fn an_app_that_exits_first_is_reported_with_its_last_words() {
        let url = url::Url::parse("http://127.0.0.1:9/").unwrap();
        let err = Served::start(
            "for i in 1 2 3 4 5 6; do echo line $i >&2; done; exit 3",
            &url,
            Duration::from_secs(30),
        )
        .err()
        .expect("the app exited");
        assert!(matches!(err, ServeError::Exited { .. }), "{err:?}");
        assert_eq!(
            err.to_string(),
            "`for i in 1 2 3 4 5 6; do echo line $i >&2; done; exit 3` exited (exit status: 3) before http://127.0.0.1:9/ answered:\n  line 2\n  line 3\n  line 4\n  line 5\n  line 6"
        );
    }

    #[test]
    fn the_last_lines_of_stderr() {
        assert_eq!(last_lines("a\nb\nc\n", 2), ["b", "c"]);
        assert!(last_lines("", 5).is_empty());
    }
}
