"""PubMed's backlog of works to search, which Crossref takes from when it is idle."""

from __future__ import annotations

import threading

from citecheck.resolve.backlog import Backlog
from citecheck.resolve.works import Work


def works(count: int) -> list[Work]:
    return [Work(("text", str(number))) for number in range(count)]


def names(taken: list[Work]) -> list[str]:
    return [work.key[1] for work in taken]


def never(work: Work) -> bool:
    return False


def always(work: Work) -> bool:
    return True


def test_pubmed_takes_waves_from_the_front_until_none_are_left() -> None:
    backlog = Backlog(works(5), reserved=2)
    assert names(backlog.wave(2)) == ["0", "1"]
    assert names(backlog.wave(2)) == ["2", "3"]
    assert names(backlog.wave(2)) == ["4"]
    assert backlog.wave(2) == []
    assert not backlog.open


def test_crossref_takes_the_last_likely_missed_work_wherever_it_is() -> None:
    line = works(6)
    backlog = Backlog(line, reserved=4)
    missed = {line[0], line[2]}
    taken = backlog.take_last(lambda w: w in missed, never)
    assert taken is line[2]
    assert backlog.take_last(lambda w: w in missed, never) is line[0]
    assert backlog.take_last(never, never) is None


def test_other_works_only_beyond_the_reserved_places() -> None:
    line = works(4)
    backlog = Backlog(line, reserved=2)
    assert backlog.take_last(never, always) is line[3]
    assert backlog.take_last(never, always) is line[2]
    assert backlog.take_last(never, always) is None  # the next wave's: PubMed's
    assert names(backlog.wave(4)) == ["0", "1"]


def test_a_work_crossref_did_not_settle_goes_back_at_the_back() -> None:
    line = works(3)
    backlog = Backlog(line, reserved=0)
    taken = backlog.take_last(never, always)
    assert taken is line[2]
    backlog.give_back(line[2])
    assert names(backlog.wave(3)) == ["0", "1", "2"]
    first = works(3)
    backlog = Backlog(first, reserved=0)
    backlog.take_last(lambda w: w is first[0], never)
    backlog.give_back(first[0])
    assert names(backlog.wave(3)) == ["1", "2", "0"]


def test_pubmeds_last_wave_waits_for_a_work_crossref_still_holds() -> None:
    line = works(1)
    backlog = Backlog(line, reserved=0)
    assert backlog.take_last(always, never) is line[0]
    waves: list[list[Work]] = []
    pubmed = threading.Thread(target=lambda: waves.append(backlog.wave(5)))
    pubmed.start()
    pubmed.join(0.2)
    assert pubmed.is_alive()  # waiting: Crossref may give the work back
    backlog.give_back(line[0])
    pubmed.join(5)
    assert waves == [line]
    assert backlog.wave(5) == []


def test_a_work_settled_at_crossref_is_pubmeds_no_more() -> None:
    line = works(1)
    backlog = Backlog(line, reserved=0)
    assert backlog.take_last(always, never) is line[0]
    backlog.settled()
    assert backlog.wave(5) == []


def test_closing_releases_a_waiting_pubmed() -> None:
    backlog = Backlog(works(1), reserved=0)
    backlog.take_last(always, never)
    backlog.close()
    assert backlog.wave(5) == []
    assert not backlog.open
