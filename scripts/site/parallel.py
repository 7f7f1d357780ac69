"""Build the site's languages side by side, one process each.

mkdocs-static-i18n builds the default language, then, from that build's
`on_post_build`, each other language in turn by calling MkDocs' `build()`
again with the same config. Once the archive has been read the languages share
nothing: each writes its own folder of the site (the theme's assets, written
by every language, are the same bytes). So on `mkdocs build`, as the default
language's build starts, each other language is built in a forked child
process, exactly as the plugin would build it later, and the plugin's own
sequential builds are skipped. The default language's process builds and
indexes its pages meanwhile, then waits; a child that fails (a warning in
strict mode, an exception) fails the whole build, its messages printed by the
child itself.

Three builds share the machine's cores: on two cores the build takes about
half as long. `mkdocs serve` keeps the plugin's sequential builds (its server
threads and fork() do not mix), and ARCHIVE_BUILD_JOBS=1 asks for them too.

This replaces two of the plugin's internals: the module-level name `build`
in mkdocs_static_i18n.plugin, and mkdocs.utils.clean_directory. At import it
checks that they are still what it expects (`mismatch()`); if not, the
languages are built one after another, with one warning that says what
changed (ARCHITECTURE.md, "Upgrading", says what to re-check).

Why not the plugin's own `build_only_locale` option, one language per process
and no patch? It makes that locale the default as well as the only one built
(its config.py sets every language's `default` and `build` from it), so zh is
written at the site's root, not under /zh/, and the hooks take zh for the
default language (canonical, hreflang and sitemap URLs lose the prefix).
"""

from __future__ import annotations

import dis
import inspect
import logging
import os
import sys
import traceback

import mkdocs.commands.build
import mkdocs.utils
import mkdocs_static_i18n
import mkdocs_static_i18n.plugin as i18n_plugin

# The mkdocs-static-i18n whose internals this module replaces, as requirements.lock pins it.
PINNED_I18N = "1.3.1"
UPGRADING = 'ARCHITECTURE.md, "Upgrading"'

log = logging.getLogger(f"mkdocs.plugins.{__name__}")  # under MkDocs' logger, so `mkdocs` prints it

_children: dict[int, str] = {}  # pid -> language
_sequential_build = i18n_plugin.build
_clean_directory = mkdocs.utils.clean_directory
_mismatch: str | None = None  # what changed in the internals replaced here; None: nothing


def _names(function, opnames: tuple[str, ...]) -> set[str]:
    """The names a function's code loads or stores with the given instructions (none if it has no code)."""
    code = getattr(inspect.unwrap(function), "__code__", None)
    if code is None:
        return set()
    return {i.argval for i in dis.get_instructions(code) if i.opname in opnames}


def mismatch() -> str | None:
    """What differs from the internals this module expects to replace, or None."""
    version = getattr(mkdocs_static_i18n, "__version__", None) or getattr(mkdocs_static_i18n, "version", None)
    if version != PINNED_I18N:
        return f"mkdocs-static-i18n is {version}, not {PINNED_I18N}"
    if getattr(i18n_plugin, "build", None) is not mkdocs.commands.build.build:
        return "mkdocs_static_i18n.plugin.build is no longer mkdocs.commands.build.build"
    on_post_build = getattr(getattr(i18n_plugin, "I18n", None), "on_post_build", None)
    if on_post_build is None:
        return "mkdocs_static_i18n.plugin.I18n has no on_post_build"
    if "build" not in _names(on_post_build, ("LOAD_GLOBAL", "LOAD_NAME")):
        return "I18n.on_post_build no longer builds the other languages through the module-level name `build`"
    if "clean_directory" not in _names(on_post_build, ("LOAD_ATTR", "STORE_ATTR")):
        return "I18n.on_post_build no longer swaps utils.clean_directory"
    if "clean_directory" not in _names(mkdocs.commands.build.build, ("LOAD_ATTR", "LOAD_METHOD")):
        return "mkdocs.commands.build.build no longer cleans the site through utils.clean_directory"
    return None


def check() -> str | None:
    """Run `mismatch()`, remember its answer for `enabled()`, and warn once when something changed."""
    global _mismatch
    _mismatch = mismatch()
    if _mismatch:
        log.warning(
            f"scripts/site/parallel.py: {_mismatch}; the languages are built one after another, not side by side. "
            f"It replaces mkdocs-static-i18n's internals: see {UPGRADING} for what to re-check."
        )
    return _mismatch


check()


def enabled() -> bool:
    return (
        _mismatch is None
        and hasattr(os, "fork")
        and (os.cpu_count() or 1) > 1
        and os.environ.get("ARCHIVE_BUILD_JOBS") != "1"
    )


def start(config, dirty: bool) -> None:
    """From the default language's `on_pre_build`: build every other language in a child process.

    The site folder is cleaned here, once, before any child writes to it; the
    build's own cleaning (which comes after `on_pre_build`) is skipped.
    """
    i18n = config.plugins["i18n"]
    others = [lang for lang in i18n.build_languages if lang != i18n.default_language]
    if not others:
        return
    if not dirty:
        _clean_directory(config.site_dir)
    mkdocs.utils.clean_directory = _keep
    i18n_plugin.build = _already_building
    for locale in others:
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _build_in_child(config, i18n, locale, dirty)  # never returns
        _children[pid] = locale


def _build_in_child(config, i18n, locale: str, dirty: bool) -> None:
    code = 1
    try:
        # As the plugin's on_post_build sets up each language's build.
        i18n.building = True
        i18n.current_language = locale
        _sequential_build(config, dirty=dirty)
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else 1
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _keep(path):
    return path


def _already_building(config, dirty=False):
    """The plugin's sequential build of a language a child process is building already."""


def wait() -> list[str]:
    """Wait for every child and undo start(); the languages whose build failed."""
    failed = []
    for pid, locale in list(_children.items()):
        try:
            _, status = os.waitpid(pid, 0)
        except ChildProcessError:  # reaped already (a failed build's cleanup got there first)
            status = 1 << 8
        _children.pop(pid, None)
        if os.waitstatus_to_exitcode(status) != 0:
            failed.append(locale)
    mkdocs.utils.clean_directory = _clean_directory
    i18n_plugin.build = _sequential_build
    return sorted(failed)


def stop() -> None:
    """Stop the children (the build has failed already)."""
    for pid in list(_children):
        try:
            os.kill(pid, 15)
        except ProcessLookupError:
            pass
    wait()
