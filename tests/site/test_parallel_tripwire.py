"""parallel.py replaces two of mkdocs-static-i18n's internals: it checks at import
that they are what it expects, and otherwise turns itself off, saying so."""

from __future__ import annotations

import importlib.metadata
import logging

import mkdocs.commands.build
import mkdocs_static_i18n
import mkdocs_static_i18n.plugin as i18n_plugin
import pytest
from mkdocs.commands.build import build

from scripts.paths import ROOT
from scripts.site import parallel


def test_what_parallel_replaces_is_what_the_pinned_versions_have():
    assert parallel.mismatch() is None
    assert importlib.metadata.version("mkdocs-static-i18n") == parallel.PINNED_I18N
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    assert f"\nmkdocs-static-i18n=={parallel.PINNED_I18N} " in lock


def test_on_the_pinned_versions_the_languages_are_built_side_by_side(monkeypatch):
    monkeypatch.delenv("ARCHIVE_BUILD_JOBS", raising=False)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(parallel, "_mismatch", None)
    assert parallel.check() is None
    assert parallel.enabled()


# Stand-ins for a changed plugin or MkDocs.


def _builds_through_the_module(self, config):
    """The plugin calling MkDocs' build some other way than through its own module-level name."""
    i18n_plugin.build(config)


def _builds_without_swapping_clean_directory(self, config):
    """The plugin no longer keeping the site folder by swapping utils.clean_directory."""
    for _ in self.build_languages:
        build(config)


def _another_build(config, *, serve_url=None, dirty=False):
    """MkDocs' build, cleaning the site some other way."""


def _new_version(monkeypatch):
    monkeypatch.setattr(mkdocs_static_i18n, "version", "1.4.0")


def _plugin_build_is_another(monkeypatch):
    monkeypatch.setattr(i18n_plugin, "build", _another_build)


def _on_post_build_builds_otherwise(monkeypatch):
    monkeypatch.setattr(i18n_plugin.I18n, "on_post_build", _builds_through_the_module)


def _on_post_build_is_not_python(monkeypatch):
    monkeypatch.setattr(i18n_plugin.I18n, "on_post_build", print)


def _on_post_build_cleans_otherwise(monkeypatch):
    monkeypatch.setattr(i18n_plugin.I18n, "on_post_build", _builds_without_swapping_clean_directory)


def _mkdocs_cleans_otherwise(monkeypatch):
    monkeypatch.setattr(mkdocs.commands.build, "build", _another_build)
    monkeypatch.setattr(i18n_plugin, "build", _another_build)


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (_new_version, "mkdocs-static-i18n is 1.4.0, not 1.3.1"),
        (_plugin_build_is_another, "mkdocs_static_i18n.plugin.build is no longer mkdocs.commands.build.build"),
        (_on_post_build_builds_otherwise, "through the module-level name `build`"),
        (_on_post_build_is_not_python, "through the module-level name `build`"),
        (_on_post_build_cleans_otherwise, "no longer swaps utils.clean_directory"),
        (_mkdocs_cleans_otherwise, "mkdocs.commands.build.build no longer cleans the site"),
    ],
    ids=[
        "version",
        "plugin-build",
        "on_post_build-build",
        "on_post_build-no-code",
        "on_post_build-clean_directory",
        "mkdocs-clean_directory",
    ],
)
def test_a_changed_internal_turns_parallel_builds_off_with_one_warning(monkeypatch, caplog, change, named):
    monkeypatch.delenv("ARCHIVE_BUILD_JOBS", raising=False)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(parallel, "_mismatch", None)  # restored after the test
    change(monkeypatch)
    with caplog.at_level(logging.WARNING, logger=parallel.log.name):
        found = parallel.check()
    assert named in found
    assert not parallel.enabled()
    warnings = [r for r in caplog.records if r.name == parallel.log.name]
    assert len(warnings) == 1 and warnings[0].levelno == logging.WARNING
    message = warnings[0].getMessage()
    assert named in message
    assert "one after another" in message
    assert 'ARCHITECTURE.md, "Upgrading"' in message
