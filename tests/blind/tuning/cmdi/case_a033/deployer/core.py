import subprocess

from flask import Flask


class DeployApp(Flask):
    def run_tool(self, *args, cwd=None):
        line = " ".join(str(a) for a in args)
        self.logger.info("running %s", line)
        return subprocess.run(line, shell=True, cwd=cwd or self.config["REPO_DIR"],
                              capture_output=True, text=True)
