"""Thin wrapper around the shell for pipelines that need pipes/redirection."""
import logging
import shlex
import subprocess

log = logging.getLogger(__name__)


def quote_all(*parts):
    return " ".join(shlex.quote(str(p)) for p in parts)


def pipeline(*stages, timeout=600):
    cmd = " | ".join(stages)
    log.info("pipeline: %s", cmd)
    return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=timeout)
