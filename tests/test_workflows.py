"""The GitHub workflows: linted by actionlint here, and keeping their promises.

A broken workflow fails `make test`, not the next push. The promises: CI runs
the same steps as .ci/run and never holds write access, in a container pinned
by digest with apt packages from a fixed Debian snapshot; Pages deploys only
what CI passed on main (the very commit), one deploy at a time, with write
access only where it deploys; every action is pinned to a full commit;
dependencies are cached.
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
    assert re.fullmatch(r"debian:bookworm-\d{8}@sha256:[0-9a-f]{64}", job["container"])
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


def test_pages_runs_only_after_ci_on_main():
    # Was: on push to main and workflow_dispatch. Now only after CI (issue 12: Pages published
    # without the tests); publishing by hand is running CI by hand on main.
    workflow = load(PAGES)
    assert workflow["on"] == {
        "workflow_run": {"workflows": [load(CI)["name"]], "types": ["completed"], "branches": ["main"]}
    }
    assert {"push", "workflow_dispatch"} <= set(load(CI)["on"]), "a push to main, or a run by hand, runs CI first"
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


# --- Pages waits for CI ----------------------------------------------------------------------


def evaluate(expression: str, context: dict[str, str]) -> bool:
    """A GitHub Actions `if:` made of context paths, 'strings', ==, !=, &&, || and parentheses."""
    tokens = re.findall(r"'(?:[^']|'')*'|[A-Za-z_][\w.-]*|==|!=|&&|\|\||[()]|\S", expression)
    python = []
    for token in tokens:
        if token.startswith("'"):
            python.append(repr(token[1:-1].replace("''", "'")))
        elif token in ("&&", "||"):
            python.append({"&&": "and", "||": "or"}[token])
        elif token in ("==", "!=", "(", ")"):
            python.append(token)
        elif re.fullmatch(r"[A-Za-z_][\w.-]*", token):
            python.append(repr(context[token]))
        else:
            raise AssertionError(f"an operator this evaluator does not know: {token}")
    return bool(eval(" ".join(python)))  # only literals and operators reach eval


PASSED = {
    "github.repository": "owner/archive",
    "github.event.workflow_run.conclusion": "success",
    "github.event.workflow_run.head_branch": "main",
    "github.event.workflow_run.head_repository.full_name": "owner/archive",
    "github.event.workflow_run.event": "push",
}


@pytest.mark.parametrize(
    ("change", "deploys"),
    [
        ({}, True),
        ({"github.event.workflow_run.event": "workflow_dispatch"}, True),
        ({"github.event.workflow_run.conclusion": "failure"}, False),
        ({"github.event.workflow_run.conclusion": "cancelled"}, False),
        ({"github.event.workflow_run.conclusion": "skipped"}, False),
        ({"github.event.workflow_run.head_branch": "feature"}, False),
        # A pull request from a fork whose branch is called main matches `branches: [main]`.
        (
            {
                "github.event.workflow_run.event": "pull_request",
                "github.event.workflow_run.head_repository.full_name": "fork/archive",
            },
            False,
        ),
        ({"github.event.workflow_run.event": "pull_request"}, False),
        ({"github.event.workflow_run.head_repository.full_name": "fork/archive"}, False),
    ],
    ids=["push", "by-hand", "failure", "cancelled", "skipped", "branch", "fork-main-pr", "pr", "fork"],
)
def test_pages_builds_only_when_ci_passed_on_this_repositorys_main(change, deploys):
    build = load(PAGES)["jobs"]["build"]
    assert evaluate(build["if"], {**PASSED, **change}) is deploys


def test_pages_builds_the_very_commit_ci_tested():
    (checkout,) = uses(load(PAGES), "actions/checkout")
    assert checkout["with"]["ref"] == "${{ github.event.workflow_run.head_sha }}"


def test_ci_runs_the_tests_that_pages_waits_for():
    workflow = [t for s in steps(load(CI)) if "run" in s for t in make_targets(s["run"])]
    assert "test" in workflow and "lint" in workflow
    assert "continue-on-error" not in CI.read_text(encoding="utf-8"), "a failing step must fail the run"


# --- the container and its packages ---------------------------------------------------------


def test_the_image_and_its_apt_packages_are_pinned_to_one_moment():
    (job,) = load(CI)["jobs"].values()
    day = re.fullmatch(r"debian:bookworm-(\d{8})@sha256:[0-9a-f]{64}", job["container"])[1]
    snapshot = job["env"]["DEBIAN_SNAPSHOT"]
    assert snapshot == f"{day}T000000Z", "the packages come from the archive the image was made from"
    install = job["steps"][0]["run"]
    assert "URIs: http://snapshot.debian.org/archive/debian/${DEBIAN_SNAPSHOT}" in install
    assert "URIs: http://snapshot.debian.org/archive/debian-security/${DEBIAN_SNAPSHOT}" in install
    assert "deb.debian.org" not in install and "rm -f /etc/apt/sources.list" in install
    assert install.index("debian.sources") < install.index("apt-get -o Acquire::Check-Valid-Until=false")


def sources_file(install: str, snapshot: str) -> str:
    body = install.split("<<EOF\n", 1)[1].split("\nEOF\n", 1)[0]
    return body.replace("${DEBIAN_SNAPSHOT}", snapshot) + "\n"


@pytest.mark.skipif(shutil.which("apt-get") is None, reason="needs Debian's apt")
def test_apt_reads_the_snapshot_sources_as_written(tmp_path):
    (job,) = load(CI)["jobs"].values()
    parts = tmp_path / "sources.list.d"
    parts.mkdir()
    (parts / "debian.sources").write_text(sources_file(job["steps"][0]["run"], job["env"]["DEBIAN_SNAPSHOT"]))
    (tmp_path / "lists" / "partial").mkdir(parents=True)
    done = subprocess.run(
        [
            "apt-get",
            "-o",
            "Dir::Etc::SourceList=/dev/null",
            "-o",
            f"Dir::Etc::SourceParts={parts}",
            "-o",
            f"Dir::State::Lists={tmp_path / 'lists'}",
            "--print-uris",
            "update",
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    uris = re.findall(r"'(http[^']+)'", done.stdout)
    snapshot = job["env"]["DEBIAN_SNAPSHOT"]
    assert f"http://snapshot.debian.org/archive/debian/{snapshot}/dists/bookworm/InRelease" in uris
    assert f"http://snapshot.debian.org/archive/debian-security/{snapshot}/dists/bookworm-security/InRelease" in uris
    assert all(uri.startswith("http://snapshot.debian.org/") for uri in uris), uris
