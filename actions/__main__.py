"""The action server: `python -m actions [--port 5055]`, as `rasa run actions --actions actions` but lighter.

thinc, under spaCy, imports TensorFlow whenever it is installed, and it is, beside Rasa: about
400 MB of memory that no action uses. Marking it missing before anything imports it keeps the
action server to what the actions need (spaCy's tokenizer and lemmas, BM25 and the knowledge base).
The search's pipeline and indexes are built before the server answers its health check, not on a first search.
"""

import sys

sys.modules["tensorflow"] = None  # type: ignore[assignment]  # `import tensorflow` now raises ImportError

from rasa_sdk.__main__ import main_from_args  # noqa: E402
from rasa_sdk.endpoint import create_argument_parser  # noqa: E402

from actions.search import warm_up  # noqa: E402

if __name__ == "__main__":
    warm_up()
    main_from_args(create_argument_parser().parse_args(["--actions", "actions", *sys.argv[1:]]))
