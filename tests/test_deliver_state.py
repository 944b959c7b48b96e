"""The state behind scheduled runs: sent-articles store, run lock, outbox."""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from summarize.deliver import Outbox, SentStore, article_key, run_lock
from summarize.errors import DeliveryError

from . import mail_samples as samples
from .doubles import disk_full

EML = (
    b"From: a@example.org\r\nTo: b@example.org, c@example.org\r\nSubject: hi\r\n"
    b"Date: Mon, 02 Oct 2023 08:00:00 +0700\r\nMessage-ID: <1@x>\r\n\r\nbody\r\n"
)
TO = ("b@example.org", "c@example.org")  # what EML is addressed to: the outbox checks it


def test_article_key_is_url_else_text_hash() -> None:
    first, second, third = samples.articles()
    assert article_key(first) == "https://news.example.id/banjir-jakarta"
    assert article_key(second).startswith("sha256:")  # a javascript: URL is no identity
    assert article_key(third) == article_key(dataclasses.replace(third, id="99", title="other"))
    assert article_key(third) != article_key(dataclasses.replace(third, text=third.text + "!"))
    from_source = dataclasses.replace(third, source="https://site.example/a", url=None)
    assert article_key(from_source) == "https://site.example/a"


def test_store_remembers_across_instances_in_order(tmp_path: Path) -> None:
    path = tmp_path / "state" / "sent.sqlite3"
    arts = samples.articles()
    store = SentStore(path)
    assert store.unsent(arts) == list(arts) and len(store) == 0
    store.mark_sent([(article_key(arts[1]), arts[1].title)], "<m1@example.org>")
    again = SentStore(path)
    assert [a.id for a in again.unsent(arts)] == ["1", "3"]
    assert again.sent_keys([article_key(a) for a in arts]) == {article_key(arts[1])}
    again.mark_sent([(article_key(arts[1]), arts[1].title)], "<m2@example.org>")  # idempotent
    assert len(again) == 1


def test_store_handles_many_keys(tmp_path: Path) -> None:
    store = SentStore(tmp_path / "sent.sqlite3")
    keys = [f"https://x.example/{i}" for i in range(1234)]
    store.mark_sent(((k, "t") for k in keys[::2]), "<m@x>")
    assert store.sent_keys(keys) == set(keys[::2])


def test_unusable_store_is_a_delivery_error(tmp_path: Path) -> None:
    bad = tmp_path / "sent.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DeliveryError, match="sent-articles store"):
        SentStore(bad)


def test_lock_excludes_a_second_holder_until_released(tmp_path: Path) -> None:
    path = tmp_path / "email.lock"
    with run_lock(path):
        started = time.monotonic()
        with pytest.raises(DeliveryError, match="still holds"), run_lock(path, timeout=0.3):
            pass
        assert 0.25 < time.monotonic() - started < 3
    with run_lock(path, timeout=0):
        pass  # free again


def test_lock_held_by_another_process_and_freed_when_it_dies(tmp_path: Path) -> None:
    path = tmp_path / "email.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path; from summarize.deliver import run_lock\n"
         "with run_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(60)",
         str(path)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(DeliveryError), run_lock(path, timeout=0.2):
            pass
    finally:
        holder.kill()  # no clean exit: the kernel must still release the lock
        holder.wait()
    with run_lock(path, timeout=2):
        pass


def test_outbox_put_is_complete_and_ordered(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "outbox")
    assert box.pending() == []
    first = box.put(EML, sender="a@example.org", recipients=TO, articles=(("k1", "T1"),), message_id="<1@x>")
    other = EML.replace(b"<1@x>", b"<2@x>")
    second = box.put(other, sender="a@example.org", recipients=TO, articles=(), message_id="<2@x>")
    assert sorted(p.name for p in (tmp_path / "outbox").iterdir()) == sorted(
        [first.name, first.with_suffix(".json").name, second.name, second.with_suffix(".json").name]
    )  # no temporary files left behind
    items = box.pending()
    assert [i.path for i in items] == [first, second]
    assert items[0].data() == EML and items[0].articles == (("k1", "T1"),) and items[0].message_id == "<1@x>"
    box.remove(items[0])
    assert [i.path for i in box.pending()] == [second] and not first.with_suffix(".json").exists()


def test_outbox_without_sidecar_falls_back_to_headers(tmp_path: Path) -> None:
    box = Outbox(tmp_path)
    path = box.put(EML, sender="a@example.org", recipients=TO, articles=(), message_id="<1@x>")
    path.with_suffix(".json").write_text("{not json")
    (item,) = box.pending()
    assert item.sender == "a@example.org" and item.recipients == ("b@example.org", "c@example.org")
    path.with_suffix(".json").unlink()
    assert box.pending()[0].recipients == ("b@example.org", "c@example.org")


def test_outbox_skips_a_message_it_cannot_send(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    box = Outbox(tmp_path)
    (tmp_path / "0000-broken.eml").write_bytes(b"Subject: no envelope\r\n\r\nx\r\n")
    good = box.put(EML, sender="a@example.org", recipients=TO, articles=(), message_id="<1@x>")
    with caplog.at_level(logging.WARNING, logger="summarize"):
        assert [i.path for i in box.pending()] == [good]
    assert "0000-broken.eml is damaged (no From, To, Date, Message-ID header)" in caplog.text
    assert (box.damaged / "0000-broken.eml").exists()  # set aside: it never comes back
    assert [i.path for i in box.pending()] == [good]


# A child process in which `import fcntl` fails, as on Windows: the module must still load
# and the lock must still exclude a second run and survive a killed holder.
_NO_FCNTL = (
    "import sys, time, warnings; sys.modules['fcntl'] = None\n"
    "warnings.simplefilter('ignore')\n"
    "from pathlib import Path\n"
    "from summarize.deliver.state import run_lock\n"
    "from summarize.errors import DeliveryError\n"
)


def _no_fcntl(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _NO_FCNTL + code, *args], stdout=subprocess.PIPE, text=True
    )


def test_lock_works_where_fcntl_is_missing(tmp_path: Path) -> None:
    path = str(tmp_path / "email.lock")
    holder = _no_fcntl(
        "with run_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(60)",
        path,
    )
    try_once = (
        "try:\n"
        "    with run_lock(Path(sys.argv[1]), timeout=float(sys.argv[2])):\n        print('got it')\n"
        "except DeliveryError:\n    print('refused')\n"
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        second = _no_fcntl(try_once, path, "0.2")
        assert second.communicate(timeout=60)[0].strip() == "refused"
    finally:
        holder.kill()  # a crash: no release, the lock file stays behind
        holder.wait()
    third = _no_fcntl(try_once, path, "10")
    assert third.communicate(timeout=60)[0].strip() == "got it"


# ------------------------------------------------------ a state store that cannot record


def test_full_disk_is_a_one_line_delivery_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = SentStore(tmp_path / "sent.sqlite3")
    disk_full(monkeypatch)
    with pytest.raises(
        DeliveryError, match=r"cannot record deliveries in .*database or disk is full.*nothing was sent"
    ):
        store.check_writable()
    with pytest.raises(DeliveryError) as caught:
        store.mark_sent([("k", "t")], "<m@x>")
    message = str(caught.value)
    assert "was sent but could not be recorded" in message and "database or disk is full" in message
    assert "\n" not in message
    assert store.sent_keys(["k"]) == set()  # reading still works


def test_store_with_another_schema_is_named(tmp_path: Path) -> None:
    path = tmp_path / "sent.sqlite3"
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("CREATE TABLE sent (url TEXT, day TEXT)")
    with pytest.raises(DeliveryError, match=r"not a summarize sent-articles store .*columns url, day"):
        SentStore(path)


def test_read_only_store_fails_the_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "sent.sqlite3"
    SentStore(path).mark_sent([("k", "t")], "<m@x>")
    uri = path.resolve().as_uri() + "?mode=ro"  # what a read-only file or folder gives, even as root
    monkeypatch.setattr(SentStore, "_connect", lambda self: sqlite3.connect(uri, uri=True))
    store = SentStore(path)
    assert store.sent_keys(["k", "x"]) == {"k"}
    with pytest.raises(DeliveryError, match=r"attempt to write a readonly database\); nothing was sent"):
        store.check_writable()


def test_lock_file_that_cannot_be_made_is_a_delivery_error(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with pytest.raises(DeliveryError, match="cannot create the lock file"), run_lock(blocked / "email.lock"):
        pass


def test_rejected_articles_are_those_sent_to_the_same_recipients(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "outbox")
    box.put(EML, sender="a@x.org", recipients=("B@x.org", "c@x.org"), articles=(("k1", "T"),), message_id="<1>",
            rejected=True)  # fmt: skip
    box.put(
        EML,
        sender="a@x.org",
        recipients=("d@x.org",),
        articles=(("k2", "T"),),
        message_id="<2>",
        rejected=True,
    )
    assert box.rejected_articles(["c@x.org", "b@x.org"]) == {"k1"}
    assert box.rejected_articles(["d@x.org"]) == {"k2"}
    assert box.rejected_articles(["b@x.org"]) == set()
    assert box.pending() == []  # refused messages never go back in the queue


def test_unreadable_outbox_is_an_error_not_an_empty_queue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import summarize.deliver.outbox as outbox_module

    box = Outbox(tmp_path / "outbox")
    box.put(EML, sender="a@x.org", recipients=("b@x.org",), articles=(), message_id="<1>")

    def scandir(path: Any) -> Any:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(outbox_module.os, "scandir", scandir)
    with pytest.raises(DeliveryError, match=r"cannot read the outbox .*Permission denied.*nothing was sent"):
        box.pending()


def test_sent_message_that_cannot_be_removed_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    box = Outbox(tmp_path / "outbox")
    box.put(EML, sender="a@x.org", recipients=TO, articles=(), message_id="<1>")
    (item,) = box.pending()

    def unlink(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "unlink", unlink)
    with pytest.raises(DeliveryError, match=r"was sent but cannot be removed .*the next run sends it again"):
        box.remove(item)
