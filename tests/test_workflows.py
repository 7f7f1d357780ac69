"""The GitHub workflows: linted by actionlint here, and keeping their promises.

A broken workflow fails `make test`, not the next push. The promises: CI runs
the same steps as .ci/run and never holds write access; Pages deploys only
main, one deploy at a time, with write access only where it deploys; every
action is pinned to a full commit; dependencies are cached.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .helpers import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
CI = WORKFLOWS / "ci.yml"
PAGES = WORKFLOWS / "pages.yml"
ACTIONLINT = Path(sys.executable).parent / "actionlint"
PINNED = re.compile(r"^\s*(?:- )?uses: (?P<action>[\w.-]+/[\w.-]+)@(?P<sha>[0-9a-f]{40}) # (?P<tag>v\d+\.\d+\.\d+)$")


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    data["on"] = data.pop(True) if True in data else data["on"]
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def uses(workflow: dict, action: str) -> list[dict]:
    return [s for s in steps(workflow) if s.get("uses", "").split("@")[0] == action]


def actionlint(*args: str, shellcheck: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(ACTIONLINT), "-no-color", "-oneline", f"-shellcheck={shellcheck or ''}", "-pyflakes=", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


# --- the linter ---------------------------------------------------------------------------


def test_actionlint_finds_nothing_in_the_workflows():
    done = actionlint(*map(str, sorted(WORKFLOWS.glob("*.yml"))))
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck not installed (.ci/run installs it)")
def test_the_workflows_shell_steps_pass_shellcheck():
    done = actionlint(*map(str, sorted(WORKFLOWS.glob("*.yml"))), shellcheck=shutil.which("shellcheck"))
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr


def test_actionlint_does_fail_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ steps.nope.outputs.x }}\n",
        encoding="utf-8",
    )
    done = actionlint(str(broken))
    assert done.returncode == 1 and 'property "nope" is not defined' in done.stdout


# --- pinning and caching ---------------------------------------------------------------------


@pytest.mark.parametrize("path", [CI, PAGES], ids=["ci", "pages"])
def test_every_action_is_pinned_to_a_full_commit_with_its_version(path):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(- )?uses:", line)]
    assert lines
    for line in lines:
        assert PINNED.match(line), f"not pinned as `uses: owner/repo@<40 hex> # vX.Y.Z`: {line.strip()}"


def test_one_action_is_pinned_to_one_commit_everywhere():
    seen: dict[str, set[tuple[str, str]]] = {}
    for path in (CI, PAGES):
        for line in path.read_text(encoding="utf-8").splitlines():
            match = PINNED.match(line)
            if match:
                seen.setdefault(match["action"], set()).add((match["sha"], match["tag"]))
    assert {action: len(pins) for action, pins in seen.items() if len(pins) > 1} == {}


@pytest.mark.parametrize("path", [CI, PAGES], ids=["ci", "pages"])
def test_pip_and_npm_downloads_are_cached_by_their_lock_files(path):
    workflow = load(path)
    pip_by_setup = [
        s
        for s in uses(workflow, "actions/setup-python")
        if s["with"].get("cache") == "pip" and s["with"].get("cache-dependency-path") == "requirements.lock"
    ]
    caches = uses(workflow, "actions/cache")
    pip_by_cache = [
        c
        for c in caches
        if c["with"]["path"] == "~/.cache/pip" and "hashFiles('requirements.lock')" in c["with"]["key"]
    ]
    assert len(pip_by_setup) + len(pip_by_cache) == 1
    (npm,) = [c for c in caches if c["with"]["path"] == "~/.npm"]
    assert npm["with"]["key"] == "npm-${{ runner.os }}-${{ hashFiles('package-lock.json') }}"
    assert npm["if"] == "hashFiles('package-lock.json') != ''"


def test_ci_runs_in_debian_with_the_chromium_the_browser_tests_drive():
    (job,) = load(CI)["jobs"].values()
    assert job["container"] == "debian:12"
    install = job["steps"][0]["run"]
    assert "apt-get install" in install and "chromium" in install.split() and "python3-venv" in install.split()
    dot_ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "missing+=(chromium)" in dot_ci_run, ".ci/run installs the same browser when it is missing"


# --- CI ----------------------------------------------------------------------------------------


def make_targets(script: str) -> list[str]:
    return re.findall(r"^\s*make ([a-z-]+)", script, re.M)


def test_ci_runs_the_same_steps_as_dot_ci_run():
    ci_run = make_targets((ROOT / ".ci" / "run").read_text(encoding="utf-8"))
    workflow = [t for s in steps(load(CI)) if "run" in s for t in make_targets(s["run"])]
    assert ci_run == workflow == ["lint", "test", "eval", "check", "site", "linkcheck"]


def test_ci_runs_on_pull_requests_and_pushes_without_write_access_or_secrets():
    workflow = load(CI)
    assert {"pull_request", "push"} <= set(workflow["on"])
    assert "pull_request_target" not in workflow["on"], "it would run fork code with the base repo's token"
    assert workflow["permissions"] == {"contents": "read"}
    for job in workflow["jobs"].values():
        assert set(job.get("permissions", {}).values()) <= {"read", "none"}
    assert "secrets." not in CI.read_text(encoding="utf-8")


def test_ci_uploads_the_built_site_for_reviewers():
    (upload,) = uses(load(CI), "actions/upload-artifact")
    assert upload["with"]["path"] == "site/"
    assert "steps.site.outcome == 'success'" in upload["if"], "uploaded whenever a site was built, links or not"


def test_checkout_keeps_no_token_on_disk():
    for workflow in (load(CI), load(PAGES)):
        for checkout in uses(workflow, "actions/checkout"):
            assert checkout["with"]["persist-credentials"] is False


# --- Pages ---------------------------------------------------------------------------------------


def test_pages_runs_only_for_main():
    workflow = load(PAGES)
    assert set(workflow["on"]) == {"push", "workflow_dispatch"}
    assert workflow["on"]["push"] == {"branches": ["main"]}
    # A manual run from another branch builds but does not deploy.
    assert workflow["jobs"]["deploy"]["if"] == "github.ref == 'refs/heads/main'"


def test_pages_write_access_is_only_in_the_deploy_job():
    workflow = load(PAGES)
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    for name, job in workflow["jobs"].items():
        if name != "deploy":
            assert "write" not in job.get("permissions", {}).values(), name


def test_two_pushes_cannot_deploy_out_of_order():
    concurrency = load(PAGES)["concurrency"]
    assert concurrency["group"] and concurrency["cancel-in-progress"] is False


def test_pages_builds_with_the_official_actions_and_deploys_what_it_built():
    workflow = load(PAGES)
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    names = [s.get("uses", "").split("@")[0] for s in build["steps"]]
    assert names.index("actions/configure-pages") < names.index("actions/upload-pages-artifact")
    (upload,) = uses(workflow, "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "site/"
    (built,) = [s for s in build["steps"] if "run" in s]
    assert make_targets(built["run"]) == ["check", "site", "linkcheck"]


def test_the_site_address_and_repository_link_come_from_the_pages_settings():
    workflow = load(PAGES)
    (configure,) = uses(workflow, "actions/configure-pages")
    (built,) = [s for s in workflow["jobs"]["build"]["steps"] if "run" in s]
    # configure-pages gives base_url without a trailing slash; MkDocs wants one.
    assert built["env"]["SITE_URL"] == f"${{{{ steps.{configure['id']}.outputs.base_url }}}}/"
    assert built["env"]["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
