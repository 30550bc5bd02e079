"""make chaos: the cluster's fixtures (tests/cluster/conftest.py) for the cluster run, `make run` from
tests/faults/conftest.py for the other."""

from tests.cluster.conftest import cluster, telegram  # noqa: F401  (fixtures used by test_chaos.py)
