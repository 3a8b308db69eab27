"""The fuzz script itself keeps working (the long run is `python -m tests.soak.fuzz_bundles`)."""

from __future__ import annotations

from tests.soak.fuzz_bundles import main


def test_a_short_fuzz_run_accepts_nothing_and_raises_nothing(capsys) -> None:
    assert main(["--count", "150", "--seed", "3"]) == 0
    report = capsys.readouterr().out
    assert "accepted: 0" in report and "unexpected exceptions: 0" in report
    assert "signed:invalid_operation" in report and "payload:digest_mismatch" in report
