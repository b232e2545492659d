import subprocess


def run(command):
    return subprocess.check_output(command, shell=True, stderr=subprocess.STDOUT).decode()


def version():
    return run("convert -version").splitlines()[0]
