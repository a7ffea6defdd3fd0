"""Forecasting package without a database: history checks, exact scores, benchmarks, the model."""

import numpy as np
import pandas as pd
import pytest

from peaceops.analysis.forecasting import HistoryError, forecast_country_months, scores, summarise, validate_history
from peaceops.analysis.forecasting.benchmarks import benchmark_distributions
from peaceops.analysis.forecasting.distributions import Discrete, empirical, poisson
from peaceops.analysis.forecasting.model import DEFAULT, ModelParameters, pooled_changes


def history(months=range(450, 467), countries=(1, 2, 3), value=lambda m, c: (c - 1) * (m % 7)):
    return pd.DataFrame([{"month_id": m, "country_id": c, "outcome": value(m, c)} for m in months for c in countries])


def test_forecast_covers_every_country_and_months_m3_to_m14_with_integer_draws():
    out = forecast_country_months(history(), last_month=466, draws=50, seed=1)
    assert list(out.columns) == ["month_id", "country_id", "draw", "outcome"]
    assert sorted(out.month_id.unique()) == list(range(469, 481))
    assert sorted(out.country_id.unique()) == [1, 2, 3]
    assert len(out) == 12 * 3 * 50 and (out.outcome >= 0).all()


def test_own_history_component_keeps_a_country_at_peace_at_zero():
    out = forecast_country_months(history(), last_month=466, draws=50, seed=1,
                                  params=ModelParameters(pooled_share=0.0))
    assert (out[out.country_id == 1].outcome == 0).all()


def test_pooled_analogues_give_a_peaceful_country_mostly_zero_and_a_violent_one_its_scale():
    def value(m, c):
        return 0 if c > 2 else (500 + 37 * (m % 5)) if c == 1 else (m % 3 == 0) * 4
    panel = history(months=range(400, 467), countries=range(1, 80), value=value)
    out = forecast_country_months(panel, last_month=466, draws=400, seed=3)
    peaceful = out[out.country_id == 50].outcome
    violent = out[out.country_id == 1].outcome
    assert (peaceful == 0).mean() > 0.95
    assert 300 < violent.median() < 900


def test_pooled_changes_use_only_the_history():
    checked = validate_history(history(), last_month=460)
    analogues = pooled_changes(checked, DEFAULT)
    # 11 months of data, levels over 3 months: origins 3..11, horizons 3..7 (origin + h within the data).
    assert checked.counts.shape[1] == 11
    expected_pairs = 3 * sum(11 - 2 - h for h in range(3, 8))
    assert len(analogues.changes) == len(analogues.levels) == expected_pairs


def test_forecast_is_deterministic_for_a_seed_and_uses_data_only_up_to_last_month():
    a = forecast_country_months(history(), last_month=460, draws=30, seed=7)
    b = forecast_country_months(history(), last_month=460, draws=30, seed=7)
    changed_future = history(value=lambda m, c: 10_000 if m > 460 else (c - 1) * (m % 7))
    c = forecast_country_months(changed_future, last_month=460, draws=30, seed=7)
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(a, c)


def test_history_as_index_is_accepted():
    indexed = history().set_index(["month_id", "country_id"])
    assert validate_history(indexed).counts.shape == (3, 17)


@pytest.mark.parametrize("change, field, words", [
    (lambda f: f.drop(columns="outcome"), "outcome", "missing column"),
    (lambda f: f.assign(outcome=f.outcome.where(f.index != 4, -3)), "outcome", "below 0"),
    (lambda f: f.assign(outcome=f.outcome.astype(float).where(f.index != 5, 2.5)), "outcome", "not a whole number"),
    (lambda f: f.assign(outcome=f.outcome.astype(object).where(f.index != 6, "many")), "outcome", "not a number"),
    (lambda f: f.drop(index=10), "month_id", "gap"),
    (lambda f: pd.concat([f, f.iloc[[3]]]), "month_id", "appears twice"),
])
def test_bad_histories_are_refused_naming_row_and_field(change, field, words):
    with pytest.raises(HistoryError) as caught:
        validate_history(change(history()), source="h.parquet")
    assert caught.value.field == field and words in str(caught.value) and "h.parquet" in str(caught.value)


def test_bad_row_is_reported_one_based():
    frame = history()
    frame.loc[4, "outcome"] = -3
    with pytest.raises(HistoryError, match=r"row 5, field 'outcome'"):
        validate_history(frame, source="h.parquet")


def test_last_month_beyond_the_data_and_unknown_country_are_refused():
    with pytest.raises(HistoryError, match="beyond the data"):
        validate_history(history(), last_month=467)
    with pytest.raises(HistoryError, match="unknown country id 3"):
        validate_history(history(), known_country_ids={1, 2})


def test_crps_exact_matches_known_values():
    assert scores.crps(Discrete.point(0), 7) == pytest.approx(7)
    # Two equally likely values 0 and 10, observation 10: integral of 0.5^2 over [0, 10).
    assert scores.crps(empirical([0, 10]), 10) == pytest.approx(2.5)
    draws = np.array([[0, 10], [3, 3]])
    assert scores.crps_draws(draws, np.array([10, 5])) == pytest.approx([2.5, 2])


def test_poisson_crps_by_support_equals_draw_based_estimate():
    rng = np.random.default_rng(0)
    exact = scores.crps(poisson(4.0), 9)
    sampled = scores.crps_draws(rng.poisson(4.0, size=(1, 200_000)), np.array([9]))[0]
    assert exact == pytest.approx(sampled, rel=0.01)


def test_ignorance_uses_the_challenges_smoothing():
    # All mass on zero, zero observed: (1000 + 1) / (1000 + 11), the challenge's published value.
    assert scores.ignorance(Discrete.point(0), 0) == pytest.approx(0.014341023067021081)
    assert scores.ignorance_draws(np.zeros((1, 1000)), np.array([0]))[0] == pytest.approx(0.014341023067021081)


def test_interval_score_penalises_misses_twenty_fold():
    assert scores.mis(Discrete.point(0), 3) == pytest.approx(60)
    assert scores.mis(empirical(range(101)), 50) == pytest.approx(90)


def test_benchmarks_from_history():
    checked = validate_history(history())
    bm = benchmark_distributions(checked)
    assert bm["zero"][3].values.tolist() == [0.0]
    assert bm["last_poisson"][3].mean() == pytest.approx(2 * (466 % 7), rel=1e-6)
    assert sorted(bm["conflictology"][2].values) == sorted(set(m % 7 for m in range(455, 467)))


def test_summarise_gives_quantiles_per_country_month():
    summary = summarise(forecast_country_months(history(), last_month=466, draws=200, seed=2))
    assert list(summary.columns) == ["month_id", "country_id", "mean", "median", "p10", "p90"]
    assert len(summary) == 36 and (summary.p10 <= summary["median"]).all() and (summary["median"] <= summary.p90).all()


def _write_actuals(folder, year, value):
    first = (year - 1980) * 12 + 1
    frame = history(months=range(first, first + 12), countries=range(1, 9), value=value)
    frame.set_index(["month_id", "country_id"]).to_parquet(folder / f"cm_actuals_{year}.parquet")


def test_prequential_selection_never_looks_at_the_year_it_scores(tmp_path):
    from peaceops.analysis.forecasting.evaluation import prequential

    grid = (ModelParameters(pooled_share=0.0, half_life=3.0), ModelParameters(pooled_share=0.0, half_life=24.0))
    for year in (2016, 2017, 2018):
        _write_actuals(tmp_path, year, lambda m, c: (c * 7 + m * 3) % 11 * c)
    first = prequential(str(tmp_path), [2017, 2018], draws=50, grid=grid)
    _write_actuals(tmp_path, 2018, lambda m, c: 10_000 * c)  # a very different year scored last
    second = prequential(str(tmp_path), [2017, 2018], draws=50, grid=grid)
    assert first[2017][0] == DEFAULT  # nothing earlier to choose on
    assert first[2018][0] == second[2018][0] and first[2018][0] in grid
    assert second[2018][1].loc["model", "crps"] > first[2018][1].loc["model", "crps"]
