"""Opinion map: groups, representative and consensus statements, ordering, checks, SVG."""

from __future__ import annotations

import numpy as np
import pytest

from horizont.lib import opinion


@pytest.fixture(scope="module")
def two_camps():
    who, what, values, camp = opinion.simulate(300, 40, density=0.5, groups=2, consensus=3)
    result = opinion.compute_map(who, what, values, n_participants=300, n_statements=40)
    return result, camp, (who, what, values)


def test_finds_the_two_camps(two_camps):
    result, camp, _votes = two_camps
    assert len(result.groups) == 2
    agreement = max(np.mean(result.labels == camp), np.mean(result.labels == 1 - camp))
    assert agreement > 0.95
    assert result.silhouette > 0.3


def test_consensus_statements_are_those_every_camp_agrees_with(two_camps):
    result, _camp, _votes = two_camps
    assert set(result.consensus) == {0, 1, 2}


def test_representative_statements_set_groups_apart(two_camps):
    result, camp, (who, what, values) = two_camps
    for group in result.groups:
        assert group.representative
        for rep in group.representative:
            assert rep.statement >= 3  # consensus statements do not set anyone apart
            assert rep.share_in_group > rep.share_outside


def test_recomputing_gives_the_same_map(two_camps):
    result, _camp, (who, what, values) = two_camps
    again = opinion.compute_map(who, what, values, n_participants=300, n_statements=40)
    np.testing.assert_allclose(again.coordinates, result.coordinates)
    assert np.array_equal(again.labels, result.labels)


def test_small_groups_are_never_shown():
    who, what, values, _camp = opinion.simulate(8, 12, density=1.0, groups=2)
    result = opinion.compute_map(who, what, values, n_participants=8, n_statements=12)
    assert all(group.size >= 5 for group in result.groups)
    shown = result.labels[result.labels >= 0]
    assert all((shown == g).sum() >= 5 for g in np.unique(shown))
    few = who < 3
    tiny = opinion.compute_map(
        who[few], what[few], values[few], n_participants=3, n_statements=12, min_votes=1
    )
    assert tiny.groups == () and (tiny.labels == -1).all()


def test_later_vote_replaces_earlier_one():
    matrix = opinion.vote_matrix(np.array([0, 0]), np.array([1, 1]), np.array([1, -1]), (1, 2))
    assert matrix[0, 1] == -1


def test_priority_prefers_new_and_divisive_statements():
    agree, disagree, passes = np.array([50, 25, 0]), np.array([0, 25, 0]), np.array([0, 0, 0])
    priority = opinion.statement_priority(agree, disagree, passes)
    assert priority[2] > priority[1] > priority[0]
    assert opinion.next_statement(priority, {2}, spread=1) == 1
    assert opinion.next_statement(priority, {0, 1, 2}) is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Flags divide us; slogans unite us.", None),
        ("", "empty"),
        ("x" * 141, "long"),
        ("See https://example.org for more", "link"),
        ("read www.example.org", "link"),
        ("visit example.ru now", "link"),
        ("t.me/channel", "link"),
        ("White-blue-white is the flag of the protest.", None),
    ],
)
def test_statement_checks(text, problem):
    assert opinion.statement_problem(text) == problem


def test_svg_is_self_contained_and_escaped(two_camps):
    result, _camp, _votes = two_camps
    svg = opinion.render_svg(result, title="<map>", highlight=0, group_names=("A", "B"))
    assert svg.startswith("<svg") and "&lt;map&gt;" in svg
    assert "href" not in svg
    assert svg.count("<circle") == int((result.labels >= 0).sum()) + 1


def test_everybody_voting_alike_gives_a_map_without_spread():
    # Every centred vote is 0: ARPACK refused this matrix ("starting vector is zero").
    who = np.repeat(np.arange(10), 6)
    what = np.tile(np.arange(6), 10)
    result = opinion.compute_map(
        who, what, np.ones(60, dtype=np.int64), n_participants=10, n_statements=6
    )
    assert result.coordinates.shape == (10, 2) and not result.coordinates.any()
    assert result.explained == (0.0, 0.0)


def test_rank_one_votes_still_give_a_map():
    # Two opposite camps and nothing else: the centred matrix has rank 1.
    who = np.repeat(np.arange(12), 8)
    what = np.tile(np.arange(8), 12)
    values = np.where(who % 2 == 0, 1, -1).astype(np.int64)
    result = opinion.compute_map(who, what, values, n_participants=12, n_statements=8)
    assert result.coordinates.shape == (12, 2)
    left = result.coordinates[::2, 0]
    right = result.coordinates[1::2, 0]
    assert np.all(np.sign(left) == -np.sign(right)) and np.all(left != 0)
