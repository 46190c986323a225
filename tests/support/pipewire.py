"""PipeWire's graph without PipeWire: graphs ``pw-dump`` printed, and a fake ``pw-dump`` that prints the test's.

``pw_dumps/`` holds what pw-dump 0.3.65 printed on a headless PipeWire with
WirePlumber (the tier's desktop test starts the same): ``call`` while
pw-record recorded a null source, ``volume_meter`` while it recorded a null
sink's monitor, ``after_the_call`` once it had stopped. Only the nodes and
links are kept, without their format params; nothing else was changed.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from deskbreak.adapters.holds.capture_linux import LINK, NODE

DUMPS = Path(__file__).with_name("pw_dumps")
# The fakes run with nothing but themselves on PATH.
CAT = shutil.which("cat")


def recorded(name: str) -> list:
    """A graph pw-dump printed (see the module's docstring)."""
    return json.loads((DUMPS / f"{name}.json").read_text())


def node(ident: int, media_class: str, state: str = "running", **props) -> dict:
    return {"id": ident, "type": NODE, "info": {"state": state, "props": {"media.class": media_class, **props}}}


def link(ident: int, output_node: int, input_node: int) -> dict:
    return {"id": ident, "type": LINK, "info": {"output-node-id": output_node, "input-node-id": input_node,
                                                "state": "active"}}


def executable(folder: Path, name: str, script: str) -> Path:
    """A shell script ``folder/name`` running ``script``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\n" + script)
    path.chmod(0o755)
    return path


class FakePwDump:
    """A ``pw-dump`` alone on its own ``PATH`` (``environ``) that prints whatever graph the test last showed."""

    def __init__(self, folder: Path) -> None:
        self.graph_file = folder / "graph.json"
        self.path = executable(folder / "bin", "pw-dump", f'exec {CAT} "{self.graph_file}"\n')
        self.environ = {"PATH": str(self.path.parent)}
        self.show([])

    def show(self, graph: object) -> None:
        """Print ``graph`` (JSON, or text as it is) from now on."""
        self.graph_file.write_text(graph if isinstance(graph, str) else json.dumps(graph))
