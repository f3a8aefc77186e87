import sys
from pathlib import Path

# the tests import their shared builders as ``tests.builders``
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
