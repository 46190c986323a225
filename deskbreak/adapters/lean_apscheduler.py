"""apscheduler 3's Qt scheduler, imported without the modules it does not use here.

Importing ``apscheduler.schedulers.qt`` the ordinary way costs 13 MB of
anonymous memory in a bare PySide6 process, and 6 MB in a started deskbreak
(where OpenSSL's libcrypto is already loaded for hashlib), most of it for
modules apscheduler imports whatever the scheduler (sizes measured alone):

* ``apscheduler.util`` takes ``iscoroutinefunction`` from ``asyncio`` (below
  Python 3.14), which loads all of asyncio and, through it, ``ssl`` and
  OpenSSL: 7 MB. Only the asyncio and tornado executors call it; on 3.14 and
  later apscheduler itself takes the function from ``inspect``, as here.
* ``apscheduler/__init__`` asks ``importlib.metadata`` for its own version,
  and the body of ``BaseScheduler`` reads every installed package's entry
  points to fill its tables of trigger, executor and job store plug-ins:
  3.3 MB with the ``email`` package that parses the metadata. deskbreak names
  no plug-in: the alarm hands the scheduler its trigger, executor and job
  store as instances, which apscheduler uses without a lookup.
* ``BaseScheduler`` imports the thread and process pool executors for its
  default executor, and with them ``multiprocessing`` (1 MB); ``Job`` takes
  ``uuid4`` from ``uuid`` (which loads ``platform``) to name a job given no
  id. The alarm hands the scheduler its own executor and names its job.

None of these imports can be switched off, so the apscheduler modules are
loaded here with a view of the standard library of their own: while they
load, a finder gives each a ``__builtins__`` whose ``__import__`` answers
``asyncio`` with ``inspect.iscoroutinefunction``, ``importlib.metadata``
with empty plug-in tables and no version (apscheduler then reports its
built-in fallback, 3.5.0, in ``apscheduler.__version__``, which nothing here
reads), ``multiprocessing`` and ``concurrent.futures.process`` with a
process pool that refuses to start, and ``uuid`` with random hex job names.
Every other import of theirs is the ordinary one. Nothing is put in
``sys.modules`` under a standard library name and nothing of the standard
library is changed, so any other code (or another thread, at the same time)
that imports asyncio or importlib.metadata gets the real ones. The finder is
in ``sys.meta_path`` only while this module imports the names below; an
apscheduler module imported later loads the ordinary way.

A plug-in named by a string (``add_job(f, "date")``) now fails with
apscheduler's own ``LookupError: No trigger by the name "date" was found``.
Should a later apscheduler 3 need more of these modules as it loads, the
stand-ins give way: the ordinary import follows, and a log line says so.
"""

from __future__ import annotations

import builtins
import inspect
import logging
import os
import sys
from types import ModuleType, SimpleNamespace

log = logging.getLogger(__name__)


class PackageNotFoundError(ModuleNotFoundError):
    """What ``importlib.metadata.version`` raises for a package it cannot find."""


def _no_version(name: str) -> str:
    raise PackageNotFoundError(name)


def _no_entry_points(**selection) -> tuple:
    return ()


class BrokenProcessPool(RuntimeError):
    """What ``concurrent.futures.process`` raises for a pool that broke; none starts here."""


def _no_process_pool(*_args, **_kwargs):
    raise RuntimeError("deskbreak loads apscheduler without process pools (see lean_apscheduler.py)")


def _random_name() -> SimpleNamespace:
    """What apscheduler reads of ``uuid.uuid4()``: ``.hex``, a name no other job has."""
    return SimpleNamespace(hex=os.urandom(16).hex())


_METADATA = SimpleNamespace(version=_no_version, entry_points=_no_entry_points,
                            PackageNotFoundError=PackageNotFoundError)
#: What apscheduler imports under standard library names, by the name it imports.
_STAND_INS = {
    "asyncio": SimpleNamespace(iscoroutinefunction=inspect.iscoroutinefunction),
    "importlib.metadata": _METADATA,
    "multiprocessing": SimpleNamespace(get_context=_no_process_pool),
    "concurrent.futures.process": SimpleNamespace(BrokenProcessPool=BrokenProcessPool),
    "uuid": SimpleNamespace(uuid4=_random_name),
}
#: ``import importlib.metadata as m`` binds ``m`` through the package's attribute.
_PACKAGES_OF_STAND_INS = {"importlib.metadata": SimpleNamespace(metadata=_METADATA)}


def _import_for_apscheduler(name, globals=None, locals=None, fromlist=(), level=0):
    if level == 0 and name in _STAND_INS:
        return _STAND_INS[name] if fromlist else _PACKAGES_OF_STAND_INS.get(name, _STAND_INS[name])
    return builtins.__import__(name, globals, locals, fromlist, level)


class _StandInLoader:
    """Runs a module with :func:`_import_for_apscheduler` as its ``__import__``; the rest is ``loader``'s."""

    def __init__(self, loader, module_builtins: dict) -> None:
        self._loader = loader
        self._builtins = module_builtins

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        # Functions defined in the module keep these builtins, so an import inside one sees them too.
        module.__builtins__ = self._builtins
        self._loader.exec_module(module)

    def __getattr__(self, name):
        return getattr(self._loader, name)


class _ApschedulerFinder:
    """Finds apscheduler's modules as the finders after it would, and loads them with the stand-ins."""

    def __init__(self) -> None:
        self._builtins = {**builtins.__dict__, "__import__": _import_for_apscheduler}

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] != "apscheduler":
            return None
        for finder in sys.meta_path:
            find_spec = getattr(finder, "find_spec", None)
            if finder is self or find_spec is None:
                continue
            spec = find_spec(name, path, target)
            if spec is not None:
                break
        else:
            return None
        if hasattr(spec.loader, "exec_module"):
            spec.loader = _StandInLoader(spec.loader, self._builtins)
        return spec


def _import_scheduler():
    from apscheduler.executors.debug import DebugExecutor
    from apscheduler.jobstores.memory import MemoryJobStore
    from apscheduler.schedulers.qt import QtScheduler
    from apscheduler.triggers.date import DateTrigger

    return DateTrigger, DebugExecutor, MemoryJobStore, QtScheduler


def _import_with_stand_ins():
    finder = _ApschedulerFinder()
    sys.meta_path.insert(0, finder)
    try:
        return _import_scheduler()
    except (AttributeError, ImportError) as exc:  # a stand-in lacks what this apscheduler reads
        log.warning("apscheduler needs more than deskbreak's stand-ins (%s); imported as usual", exc)
        for name in [name for name in sys.modules if name.partition(".")[0] == "apscheduler"]:
            del sys.modules[name]
    finally:
        sys.meta_path.remove(finder)
    return _import_scheduler()


DateTrigger, DebugExecutor, MemoryJobStore, QtScheduler = _import_with_stand_ins()

__all__ = ["DateTrigger", "DebugExecutor", "MemoryJobStore", "QtScheduler"]
