"""Rasa's LogisticRegressionClassifier, without its model loader's side effect on the server's logging.

The classifier saves and loads itself with skops, and `import skops.io` walks scikit-learn's modules,
which imports numpy.distutils, which sets the root logger to WARNING: after the model loaded, the
Rasa server logged nothing below a warning ("Rasa server is up and running" included). Importing
skops here, before Rasa does, and putting the level back keeps the server's logs as configured.
"""

from __future__ import annotations

import logging

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier

_level = logging.root.level
import skops.io  # noqa: E402, F401  (imported for its side effect, undone on the next line)

logging.root.setLevel(_level)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class IntentClassifier(LogisticRegressionClassifier):
    """Logistic regression over every sparse and dense sentence feature, as Rasa's, keeping the log level."""
