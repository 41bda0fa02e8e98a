"""scripts/system-deps.sh: waits for a busy package lock instead of failing, and says what to do when it
cannot install (run against fake dpkg/apt-get commands on PATH, so nothing is installed)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "system-deps.sh"

FAKE_DPKG = "#!/bin/sh\nexit 1\n"  # every package reported missing

FAKE_APT = """#!/bin/sh
n=$(cat "$STATE" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "$STATE"
echo "$@" >> "$CALLS"
if [ "$n" -le "$BUSY" ]; then
  echo "E: Could not get lock /var/lib/apt/lists/lock. It is held by process 4242 (apt-get)" >&2
  exit 100
fi
exit 0
"""


def _run(
    tmp_path: Path, busy: int, wait: int
) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, body in (("dpkg", FAKE_DPKG), ("apt-get", FAKE_APT), ("sudo", '#!/bin/sh\n"$@"\n')):
        (bin_dir / name).write_text(body)
        (bin_dir / name).chmod(0o755)
    env = {
        **os.environ,
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "STATE": str(tmp_path / "n"),
        "CALLS": str(tmp_path / "calls"),
        "BUSY": str(busy),
        "TEIEDIT_APT_WAIT": str(wait),
        "TEIEDIT_APT_POLL": "0",
    }
    proc = subprocess.run(
        ["bash", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60
    )
    calls = (tmp_path / "calls").read_text().splitlines() if (tmp_path / "calls").exists() else []
    return proc, calls


def test_waits_while_the_package_lock_is_busy(tmp_path: Path) -> None:
    proc, calls = _run(tmp_path, busy=3, wait=30)
    assert proc.returncode == 0, proc.stderr
    # three refused attempts at `update`, then update and install went through
    assert [("install" if "install" in c else "update") for c in calls] == [
        "update",
        "update",
        "update",
        "update",
        "install",
    ]
    assert "libpango-1.0-0" in calls[-1]
    assert all("DPkg::Lock::Timeout=30" in c for c in calls)


def test_gives_up_with_a_message_after_the_wait(tmp_path: Path) -> None:
    proc, calls = _run(tmp_path, busy=10_000, wait=0)
    assert proc.returncode == 1
    assert "install them with your package manager" in proc.stderr
    assert "Could not get lock" in proc.stderr
    assert len(calls) == 2  # one update (failed, carried on), one install (failed, gave up)


def test_lists_the_libraries_weasyprint_loads() -> None:
    wanted = SCRIPT.read_text().split("want=(")[1].split(")")[0].split()
    assert {"libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz0b", "libfontconfig1"} <= set(wanted)
