"""The supervision shared by `make run` and `make cluster` (scripts/supervision.py): the configuration supervisord
reads, and when the event listener calls it a crash loop (scripts/supervision_events.py)."""

import configparser

from scripts import supervision
from scripts.supervision_events import CRASH_LOOP_EXITS, CRASH_REPORT, Watch


def test_the_configuration_names_each_program_its_group_and_listeners(tmp_path):
    programs = [supervision.Program("actions", ["python", "a.py", "--port", "5055"], priority=10, startsecs=20),
                supervision.Program("rasa-1", ["python", "r.py", "--auth-token", "50%off"], priority=30, group="rasa"),
                supervision.Program("rasa-2", ["python", "r.py"], priority=30, group="rasa")]  # fmt: skip
    listeners = [supervision.health_listener("actions", "http://127.0.0.1:5055/health", 3),
                 supervision.events_listener(tmp_path, stop_on_crash_loop=True)]  # fmt: skip
    parsed = configparser.RawConfigParser()
    parsed.read(supervision.render(tmp_path, programs, listeners))
    assert parsed["program:actions"]["command"] == "python a.py --port 5055"
    assert parsed["program:actions"]["startsecs"] == "20" and parsed["program:actions"]["autorestart"] == "true"
    assert parsed["program:rasa-1"]["command"] == "python r.py --auth-token 50%%off"  # supervisord reads %% as %
    assert parsed["group:rasa"]["programs"] == "rasa-1,rasa-2" and parsed["group:rasa"]["priority"] == "30"
    health = parsed["eventlistener:actions-health"]
    assert health["events"] == "TICK_5" and health["command"].endswith("-p actions -t 5 -E http://127.0.0.1:5055/health")
    assert parsed["eventlistener:events"]["command"].endswith("--stop-on-crash-loop")
    assert parsed["unix_http_server"]["file"] == str(tmp_path / "supervisor.sock")


def test_a_crash_loop_is_five_unexpected_exits_within_ten_minutes_or_a_start_given_up(tmp_path):
    now = [0.0]
    watch = Watch(tmp_path, stop=False, clock=lambda: now[0])
    exited = {"processname": "rasa", "expected": "0"}
    for _ in range(CRASH_LOOP_EXITS - 1):
        assert watch.event("PROCESS_STATE_EXITED", exited) == ""
        now[0] += 100
    assert watch.event("PROCESS_STATE_EXITED", {"processname": "rasa", "expected": "1"}) == ""  # asked to stop
    now[0] += 250  # the first exit has left the 10-minute window
    assert watch.event("PROCESS_STATE_EXITED", exited) == ""
    now[0] += 10
    assert watch.event("PROCESS_STATE_EXITED", exited).startswith("rasa stopped unexpectedly 5 times within 10 minutes")
    assert watch.event("PROCESS_STATE_FATAL", {"processname": "actions"}).startswith("actions could not be started")


def test_the_report_is_written_where_make_run_reads_it(tmp_path):
    class Rpc:
        class supervisor:
            stopped = False

            @classmethod
            def shutdown(cls):
                cls.stopped = True

    Watch(tmp_path, stop=True).act("rasa could not be started.", Rpc)
    assert Rpc.supervisor.stopped
    assert CRASH_REPORT == supervision.CRASH_REPORT
    assert (tmp_path / CRASH_REPORT).read_text() == "rasa could not be started. Stopping everything (exit status 1).\n"
