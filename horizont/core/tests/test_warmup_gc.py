import gc
import weakref

from horizont.core.warmup import freeze_startup_objects


class _Node:
    pass


def test_start_objects_are_frozen_and_start_garbage_is_freed_first():
    kept = _Node()
    garbage = _Node()
    garbage.me = garbage  # a cycle: only the collector frees it
    gone = weakref.ref(garbage)
    del garbage
    try:
        frozen = freeze_startup_objects()
        assert frozen == gc.get_freeze_count() > 0
        assert gone() is None  # collected before the freeze, not frozen for good
        assert not any(o is kept for o in gc.get_objects())  # frozen: the collector skips it
    finally:
        gc.unfreeze()
    assert any(o is kept for o in gc.get_objects())
