"""The reason an undefined acronym joins its entity names the same expansion in every run (resolve/passes.py
_one_entity reads its candidates sorted; a set's order follows the string hash, which changes from run to run)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

SCRIPT = """
import json, sys
sys.path.insert(0, sys.argv[1])
from mention_rows import M
from linkchart.resolve.cluster import resolve
ms = [M(1, 1, "Harbour Defence Units", "ORG"), M(2, 2, "Harbour Defense Units", "ORG"),
      M(3, 3, "Harbour Defence Units", "ORG"), M(4, 3, "Harbour Defense Units", "ORG"), M(5, 4, "HDU", "ORG")]
print(json.dumps(sorted(a.reason for e in resolve(ms, [], []) for a in e.aliases if a.alias == "HDU")))
"""


def test_the_acronym_reason_is_the_same_whatever_the_hash_seed() -> None:
    here = os.path.dirname(__file__)
    reasons = set()
    for seed in ("1", "2", "3", "4", "5", "6"):
        out = subprocess.run([sys.executable, "-c", SCRIPT, here], capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONHASHSEED": seed})
        reasons.add(out.stdout.strip())
    assert len(reasons) == 1 and json.loads(reasons.pop())
