"""The pieces a Rasa server needs to survive its faults, alone (`make run`) or as one of several behind a
load balancer (`make cluster`).

- ``health.ClusterChannel`` (an input channel, listed in credentials.yml): ``GET /health/live``
  and ``GET /health/ready``; on start it makes every turn all-or-nothing (``turns.py``).
- ``stores.ClusterSQLTrackerStore``: the SQL tracker store with connection timeouts and a pre-ping.
- ``stores.ClusterRedisLockStore``: Rasa's Redis ticket lock made atomic across servers.

This file imports nothing from Rasa, so scripts/cluster.py can read the texts below.
"""

# What a user reads when a turn could not be completed (action server, tracker store or lock store
# unreachable or too slow). Nothing of the turn is kept, so sending the message again continues.
ERROR_TEXT = "Er ging iets mis, probeer het zo nog eens."
# The key that marks that message in a REST reply, so the web chat offers "Opnieuw versturen".
RETRY_MARK = "retry"
