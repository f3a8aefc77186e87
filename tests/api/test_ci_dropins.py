"""The CI drop-ins: the pre-commit hook (through `pre-commit try-repo`, as a user
adds it) and the GitHub Action's composite steps (their scripts run here, as the
runner runs them)."""

from __future__ import annotations

import os
import re
import shutil
import site
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SE_GRAPH = f"{sys.executable} -m se_graph"


def _env(**more: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "INPUT_"))}
    env["PYTHONPATH"] = str(ROOT)
    env.update(more)
    return env


def _repo_with(tmp_path: Path, *data: str) -> Path:
    """A git repository of workbooks: one folder per data set, as a user keeps a
    cohort's Status List and Excluded schedule together."""
    repo = tmp_path / "workbooks"
    for name in data:
        (repo / name).mkdir(parents=True)
        for book in (ROOT / "data" / name).glob("*.xlsx"):
            shutil.copy(book, repo / name / book.name)
    (repo / "README.md").write_text("workbooks\n")
    git = ["git", "-c", "user.email=ci@example.org", "-c", "user.name=ci"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "."], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "workbooks"], cwd=repo, check=True)
    return repo


def _by_folder(out: str) -> dict[str, str]:
    """The hook's output, split at the line it prints before each folder's validate."""
    parts = re.split(r"^se-graph validate (\S+)$", out, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2]))


def test_pre_commit_try_repo_passes_the_sample_and_fails_the_broken_set(tmp_path):
    # One try-repo (each builds the hook's environment afresh, about a minute):
    # the hook validates each folder as one set, so the sample and the broken set
    # side by side give each its own verdict, and the worst exit code is the hook's.
    repo = _repo_with(tmp_path, "sample", "broken")
    run = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "se-graph-validate", "--all-files"],
        cwd=repo, capture_output=True, text=True, env=_env(PRE_COMMIT_HOME=str(tmp_path / "home")), timeout=600)
    out = run.stdout + run.stderr
    assert run.returncode == 1, out
    assert re.search(r"se-graph validate \(SMETS1 EPCL workbooks\)\.+Failed", out), out
    folders = _by_folder(out)
    assert list(folders) == ["broken", "sample"], out
    assert "SG201 001001" in folders["broken"] and "FAIL:" in folders["broken"], out
    # the sample on its own would pass: its verdict, and no error above it
    sample = folders["sample"]
    assert "PASS:" in sample and "FAIL:" not in sample and "error" not in sample.split("PASS:")[0].lower(), out


def test_hook_file_matches_spreadsheets_only():
    text = (ROOT / ".pre-commit-hooks.yaml").read_text()
    pattern = re.search(r"files: '(.+)'", text).group(1)
    assert all(re.search(pattern, n) for n in ("a.xlsx", "B.XLSM", "c.xls", "d.ods"))
    assert not any(re.search(pattern, n) for n in ("a.csv", "notes.md", "x.xlsx.txt"))


def _outputs(path: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in path.read_text().splitlines())


def _validate_step(tmp_path: Path, data: str, **inputs: str) -> tuple[subprocess.CompletedProcess, Path]:
    (tmp_path / "output").touch()
    (tmp_path / "summary").touch()
    given = {"INPUT_PATHS": str(ROOT / "data" / data), **inputs}
    env = _env(SE_GRAPH=SE_GRAPH, RUNNER_TEMP=str(tmp_path), GITHUB_OUTPUT=str(tmp_path / "output"),
               GITHUB_STEP_SUMMARY=str(tmp_path / "summary"), GITHUB_ACTION_PATH=str(ROOT), **given)
    run = subprocess.run(["bash", str(ROOT / "action" / "validate.sh")], capture_output=True, text=True,
                         env=env, timeout=600)
    return run, tmp_path


def test_action_is_composite_and_its_steps_are_the_scripts_tested_here():
    text = (ROOT / "action.yml").read_text()
    assert "using: composite" in text
    assert re.findall(r'run: bash "\$GITHUB_ACTION_PATH/(action/\w+\.sh)"', text) == [
        "action/install.sh", "action/validate.sh"]
    for name in ("paths", "args", "audit-folder", "junit", "valid"):
        assert f"  {name}:" in text


def test_action_validate_step_on_broken_annotates_cells_and_fails(tmp_path):
    run, out = _validate_step(tmp_path, "broken")
    assert run.returncode == 1, run.stderr
    lines = [line for line in run.stdout.splitlines() if line.startswith("::error ")]
    assert len(lines) == 23
    assert any(re.match(r"::error file=.*moc-secure-dmct-status-list\.xlsx,title=SG302 001023::.*"
                        r"\(sheet 'DMCT Status List', cell [A-Z]+11, column 'SIT Test Completion Report'\)$", line)
               for line in lines), lines[:3]
    outputs = _outputs(out / "output")
    assert outputs["valid"] == "false"
    assert "<testsuite" in Path(outputs["junit"]).read_text()
    assert "FAIL" in (out / "summary").read_text()


def test_action_validate_step_on_sample_writes_the_audit(tmp_path):
    run, out = _validate_step(tmp_path, "sample", INPUT_AUDIT_FOLDER=str(tmp_path / "audit"))
    assert run.returncode == 0, run.stdout + run.stderr
    outputs = _outputs(out / "output")
    assert outputs["valid"] == "true" and outputs["audit-folder"] == str(tmp_path / "audit")
    assert (tmp_path / "audit" / "index.html").exists() and (tmp_path / "audit" / "summary.json").exists()
    assert "PASS" in (out / "summary").read_text()


def test_action_validate_step_on_unusable_input_says_so(tmp_path):
    run, _ = _validate_step(tmp_path, "sample", INPUT_PATHS=str(tmp_path / "nothing-here.xlsx"))
    assert run.returncode == 2
    assert "::error title=se-graph::se-graph could not use the inputs" in run.stdout


def test_action_install_step_installs_from_the_checkout(tmp_path):
    # a fresh environment that sees this one's dependencies, so the step installs
    # only se-graph itself, as on a runner whose pip cache holds the rest
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    packages = next(env_dir.glob("lib/python*/site-packages"))
    (packages / "shared.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    env = _env(PATH=f"{env_dir / 'bin'}{os.pathsep}{os.environ['PATH']}", GITHUB_ACTION_PATH=str(ROOT),
               PIP_NO_BUILD_ISOLATION="1")
    env.pop("PYTHONPATH")
    run = subprocess.run(["bash", str(ROOT / "action" / "install.sh")], capture_output=True, text=True, env=env,
                         timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.strip().endswith("se-graph 0.1.0")
    assert (env_dir / "bin" / "se-graph").exists()
