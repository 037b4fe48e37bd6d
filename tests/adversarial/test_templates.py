"""Runaway templates are refused as template problems, within a hard memory limit and a few seconds each.

The corpus is generated here: power towers and products of huge integers, lists repeated inside
lists, texts doubled by ``+``, ``~``, blocks and macros, loops nested over long texts, macros that
call themselves twice, and a loop whose every step scans a long text. A child process renders
each one under ``RLIMIT_AS`` (its whole address space, so a gigabyte asked for fails at once
instead of swapping) and reports what the user would read; the test holds every answer to one of
the engine's own limits, so a ``MemoryError`` turned into a message would fail it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ADDRESS_SPACE = 384 * 1024 * 1024  # the child's whole virtual memory: Python, Jinja2 and the corpus
LIMITS = (
    "the number is too large",
    "the repeated list would be too large",
    "the repeated text is too long",
    "would make a text of more than 1000000 characters",
    "filling it in would make more than 20000000 characters",
    "it takes more than 1000000 steps to fill in",
    "it takes longer than 5 seconds to fill in",
)


def power_towers() -> Iterator[str]:
    for base in (10, 2, 7, -3, 123456789):
        for exponent in (999, 1000):
            for depth in (2, 3, 4):
                expression = str(base)
                for _ in range(depth):
                    expression = f"({expression}**{exponent})"
                yield f"{{{{ {expression} }}}}"
    yield "{{ " + " * ".join(["(10**1000)"] * 20) + " }}"
    yield "{% set n = 10**1000 %}{{ n * n * n * n * n * n }}"


def nested_repeats() -> Iterator[str]:
    for item in ("1", "'x'", "(1,)", "[]", "'" + "y" * 100 + "'"):
        for times in (1000, 100):
            for depth in (3, 4):
                expression = f"[{item}]"
                for _ in range(depth - 1):
                    expression = f"[{expression}*{times}]"
                yield f"{{{{ {expression}*{times} }}}}"
                yield f"{{{{ {times}*{expression} }}}}"
    yield "{{ ((('x',) * 1000,) * 1000,) * 1000 }}"


def doublings() -> Iterator[str]:
    for join in ("{a} + {a}", "{a} ~ {a}", "[{a}] + [{a}]"):
        lines = ["{% set a0 = 'x' * 100000 %}"]
        for step in range(1, 40):
            lines.append(f"{{% set a{step} = {join.format(a=f'a{step - 1}')} %}}")
        yield "".join(lines) + "{{ a39 }}"
    blocks = ["{% set b0 = 'x' * 100000 %}"]
    for step in range(1, 40):
        blocks.append(f"{{% set b{step} %}}{{{{ b{step - 1} }}}}{{{{ b{step - 1} }}}}{{% endset %}}")
    yield "".join(blocks) + "{{ b39 }}"
    yield (
        "{% macro f(s, n) %}{% if n %}{{ f(s ~ s, n - 1) }}{% else %}{{ s }}{% endif %}{% endmacro %}"
        "{{ f('x', 60) }}"
    )
    yield "{% set s = 'x' * 100000 %}{% for a in s %}{{ s }}{% endfor %}"


def long_work() -> Iterator[str]:
    yield (
        "{% set s = 'x' * 1000 %}"
        "{% for a in s %}{% for b in s %}{% for c in s %}{% endfor %}{% endfor %}{% endfor %}"
    )
    yield "{% for a in [0] * 100000 %}{% for b in [0] * 100000 %}{{ b }}{% endfor %}{% endfor %}"
    yield "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(60) }}"
    # Each step is one loop item, but scans 100,000 characters: only the clock stops this one.
    yield "{% set s = 'x' * 100000 %}{% for a in s %}{% if 'zz' in s %}{% endif %}{% endfor %}"


CORPUS = [*power_towers(), *nested_repeats(), *doublings(), *long_work()]

CHILD = """
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[1]), int(sys.argv[1])))
from securemailmerge.errors import RenderError
from securemailmerge.template.model import Template, compile_template

for source in json.load(sys.stdin):
    start = time.process_time()
    try:
        compile_template(Template(subject="s", html=source), []).render({})
        outcome = "rendered"
    except RenderError as error:
        outcome = str(error)
    print(json.dumps({"source": source, "outcome": outcome, "seconds": time.process_time() - start}))
print(json.dumps({"peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def render_in_child(corpus: list[str]) -> tuple[list[dict[str, object]], int]:
    """Each template's outcome and CPU time, and the child's peak resident memory in kB."""
    finished = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CHILD), str(ADDRESS_SPACE)],
        input=json.dumps(corpus),
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=240,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr[-2000:]
    *results, peak = [json.loads(line) for line in finished.stdout.splitlines()]
    return results, int(peak["peak_kb"])


@pytest.fixture(scope="module")
def outcomes() -> tuple[list[dict[str, object]], int]:
    return render_in_child(CORPUS)


def test_every_runaway_template_is_refused_by_one_of_the_engines_limits(
    outcomes: tuple[list[dict[str, object]], int],
) -> None:
    results, _ = outcomes
    assert [result["source"] for result in results] == CORPUS
    unexplained = [
        (result["source"], result["outcome"])
        for result in results
        if not str(result["outcome"]).startswith("The HTML body tries something templates may not do: ")
        or not any(limit in str(result["outcome"]) for limit in LIMITS)
    ]
    assert unexplained == []


def test_the_whole_corpus_stays_far_below_the_memory_limit(
    outcomes: tuple[list[dict[str, object]], int],
) -> None:
    _, peak_kb = outcomes
    assert peak_kb * 1024 < ADDRESS_SPACE / 2


def test_a_modest_template_still_renders_in_the_same_child() -> None:
    fine = (
        "{% for row in ([1] * 300) %}{{ loop.index }}: {{ ('ab' * 50) | upper }} {{ 10 ** 50 }}{% endfor %}"
    )
    [result], _ = render_in_child([fine])
    assert result["outcome"] == "rendered"
