# Runs documented examples exactly as tests/LlmEcon.Cli.Tests/DocsTests.cs does: through `bash -c`, from the repository root,
# with an `llmecon` on PATH that runs this build (dotnet src/LlmEcon.Cli/bin/Debug/net10.0/LlmEcon.Cli.dll), COLUMNS=100.
# Progress lines of a fit ("fit: 1,510/4,500 starts") depend on the machine's speed: they are left out, as the test leaves them out.
import os, re, subprocess, tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
DLL = os.path.join(ROOT, 'src', 'LlmEcon.Cli', 'bin', 'Debug', 'net10.0', 'LlmEcon.Cli.dll')
_bin = tempfile.mkdtemp(prefix='llmecon-docs-')
with open(os.path.join(_bin, 'llmecon'), 'w') as f:
    f.write(f"#!/bin/sh\nexec dotnet '{DLL}' \"$@\"\n")
os.chmod(os.path.join(_bin, 'llmecon'), 0o755)
PROGRESS = re.compile(r'^(fit: [0-9,]+/[0-9,]+ starts|sweep: [0-9,]+/[0-9,]+ points|Monte Carlo: (pass .*|[0-9,]+ samples in .*))$')

def run(command):
    """What `command` (a bash command line) prints, standard output then standard error, fit progress left out."""
    env = dict(os.environ, PATH=_bin + ':' + os.environ['PATH'], COLUMNS='100', DOTNET_NOLOGO='1')
    p = subprocess.run(['bash', '-c', command], cwd=ROOT, capture_output=True, text=True, env=env)
    err = ''.join(l + '\n' for l in p.stderr.split('\n') if l and not PROGRESS.match(l))
    return p.stdout + err

def ex(command):
    """A fenced block: '$ llmecon …' and what it prints."""
    return f"```\n$ llmecon {command}\n{run('llmecon ' + command)}```\n"
