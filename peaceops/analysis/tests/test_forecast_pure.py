"""Forecasting package without a database: history checks, exact scores, benchmarks, the model."""

import numpy as np
import pandas as pd
import pytest

from peaceops.analysis.forecasting import HistoryError, forecast_country_months, scores, summarise, validate_history
from peaceops.analysis.forecasting.benchmarks import benchmark_distributions
from peaceops.analysis.forecasting.distributions import Discrete, empirical, poisson
from peaceops.analysis.forecasting.model import ModelParameters, find_analogues


def history(months=range(450, 467), countries=(1, 2, 3), value=lambda m, c: (c - 1) * (m % 7)):
    return pd.DataFrame([{"month_id": m, "country_id": c, "outcome": value(m, c)} for m in months for c in countries])


def test_forecast_covers_every_country_and_months_m3_to_m14_with_integer_draws():
    out = forecast_country_months(history(), last_month=466, draws=50, seed=1)
    assert list(out.columns) == ["month_id", "country_id", "draw", "outcome"]
    assert sorted(out.month_id.unique()) == list(range(469, 481))
    assert sorted(out.country_id.unique()) == [1, 2, 3]
    assert len(out) == 12 * 3 * 50 and (out.outcome >= 0).all()


def test_own_history_component_keeps_a_country_at_peace_at_zero():
    out = forecast_country_months(history(), last_month=466, draws=50, seed=1, params=ModelParameters(own_share=1.0))
    assert (out[out.country_id == 1].outcome == 0).all()


def test_panel_analogues_give_a_peaceful_country_mostly_zero_and_a_violent_one_its_scale():
    def value(m, c):  # five countries at war (analogues need wars in the panel), one with a few deaths, peace
        return 0 if c > 6 else (500 + 37 * ((m + c) % 5)) if c <= 5 else (m % 3 == 0) * 4
    panel = history(months=range(400, 467), countries=range(1, 80), value=value)
    out = forecast_country_months(panel, last_month=466, draws=400, seed=3, params=ModelParameters(own_share=0.0))
    peaceful = out[out.country_id == 50].outcome
    violent = out[out.country_id == 1].outcome
    assert (peaceful == 0).mean() > 0.95
    assert 300 < violent.median() < 900


def test_spread_below_one_narrows_the_analogues_around_their_median_and_keeps_peace_at_zero():
    def value(m, c):  # wars at very different levels, so the analogues of a war spread widely; peace
        return 0 if c > 30 else 20 * c + 7 * ((m + c) % 5) * c
    panel = history(months=range(400, 467), countries=range(1, 80), value=value)
    wide, narrow = (forecast_country_months(panel, last_month=466, draws=2000, seed=3,
                                            params=ModelParameters(own_share=0.0, neighbours=20, spread=s))
                    for s in (1.0, 0.5))
    default = forecast_country_months(panel, last_month=466, draws=2000, seed=3,
                                      params=ModelParameters(own_share=0.0, neighbours=20))
    assert default.equals(wide)  # spread 1 changes nothing
    war = (wide.country_id == 15) & (wide.month_id == 470)  # one horizon (the levels cycle from month to month)
    iqr = [np.subtract(*np.percentile(np.log1p(f[war].outcome), [75, 25])) for f in (wide, narrow)]
    assert 0 < iqr[1] < 0.7 * iqr[0]
    assert (narrow[war].outcome > 0).all()
    assert (narrow.outcome >= 0).all()
    assert (narrow[narrow.country_id == 50].outcome == 0).mean() > 0.95


def test_seasonal_own_component_weights_the_same_calendar_month_a_year_before():
    from peaceops.analysis.forecasting.model import HORIZONS, own_draws

    series = np.arange(100, 124)  # the last 12 months (oldest first, month M last): 112..123
    rng = np.random.default_rng(0)
    plain = own_draws(series, 4000, rng)
    seasonal = own_draws(series, 4000, rng, season=4.0)
    for j, h in enumerate(HORIZONS):
        same = 112 + (h - 1) % 12  # month M + h falls in the calendar month of M + h - 12 (or - 24)
        assert abs((plain[j] == same).mean() - 1 / 12) < 0.02
        assert abs((seasonal[j] == same).mean() - 5 / 16) < 0.03
        assert set(np.unique(seasonal[j])) <= set(range(112, 124))
    assert (own_draws(series[-5:], 100, rng, season=4.0) >= 119).all()  # a short history: equal weights


def _spiky_panel(spike_month_value):
    """60 countries at ~20 deaths a month that sometimes spike to 2,000 for one month and fall back;
    country 1 spiked in its last month."""
    rng = np.random.default_rng(5)
    base = rng.poisson(20, size=(60, 120))
    spikes = rng.random((60, 120)) < 0.03
    counts = np.where(spikes, 2000, base)
    counts[0, -1] = spike_month_value
    counts[0, -13:-1] = 20
    return pd.DataFrame([{"month_id": 300 + t, "country_id": c + 1, "outcome": int(counts[c, t])}
                         for c in range(60) for t in range(120)])


def test_the_panel_teaches_that_a_spike_after_a_quiet_year_falls_back():
    out = forecast_country_months(_spiky_panel(2000), last_month=419, draws=1000, seed=0,
                                  params=ModelParameters(own_share=0.0))
    spiked = out[out.country_id == 1].outcome
    # Spikes in this panel last one month: the analogues put the bulk back near 20, not at 2,000.
    assert spiked.median() < 60
    assert (spiked > 1000).mean() < 0.15


def test_analogues_come_only_from_months_ahead_that_the_history_holds():
    checked = validate_history(history(), last_month=460)
    found = find_analogues(checked, ModelParameters(neighbours=10_000))  # every origin is an analogue
    # 11 months of data (450..460): an origin at month t has an outcome h ahead only when t + h <= 460,
    # so 3 countries x (11 - h) origins for h up to 10 and none beyond.
    assert checked.counts.shape[1] == 11
    for pool in found.pools:
        assert pool.counts.tolist() == [3 * max(0, 11 - h) for h in range(3, 15)]


def test_forecast_is_deterministic_for_a_seed_and_uses_data_only_up_to_last_month():
    a = forecast_country_months(history(), last_month=460, draws=30, seed=7)
    b = forecast_country_months(history(), last_month=460, draws=30, seed=7)
    changed_future = history(value=lambda m, c: 10_000 if m > 460 else (c - 1) * (m % 7))
    c = forecast_country_months(changed_future, last_month=460, draws=30, seed=7)
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(a, c)


def _exact_mixture_cdf(checked, analogues, params, n, j, support):
    """The predictive CDF of alive country n at horizon j, exactly, for blur 0, spread 1, shift 0 and no
    season: each own month weight own_share / 12, each analogue outcome (1 - own_share) / its count."""
    own = np.asarray(checked.series(np.flatnonzero(checked.alive)[n])[-12:], dtype=float)
    atoms, weights = [own], [np.full(len(own), params.own_share / len(own))]
    pool = analogues.pools[analogues.pool_of[n]]
    start, count = pool.offsets[j], pool.counts[j]
    found = np.where(pool.peaceful[start:start + count], 0.0, np.expm1(pool.values[start:start + count]))
    atoms.append(found)
    weights.append(np.full(count, (1 - params.own_share) / count))
    atoms, weights = np.rint(np.concatenate(atoms)), np.concatenate(weights)
    return np.array([weights[atoms <= y].sum() for y in support])


def test_stratified_draws_follow_the_predictive_distribution_more_closely_than_iid_draws():
    from peaceops.analysis.forecasting.model import forecast_draws

    def value(m, c):  # wars at many levels and peace: analogue pools of varied outcomes
        return 0 if c > 30 else 20 * c + 7 * ((m + c) % 5) * c
    checked = validate_history(history(months=range(400, 467), countries=range(1, 60), value=value))
    params = ModelParameters(own_share=0.3, blur_sd=0.0, neighbours=40)  # blur 0: the exact CDF is known
    analogues = find_analogues(checked, params)
    draws = forecast_draws(checked, 1000, seed=11, params=params, analogues=analogues)
    rng = np.random.default_rng(11)
    stratified_gap, iid_gap = [], []
    for n in (0, 4, 9, 14, 19, 24, 29, 40):  # wars of several sizes and a peaceful country
        for j in (0, 5, 11):
            support = np.unique(np.concatenate([draws[n, j], np.arange(0, draws[n, j].max() + 1, 7)]))
            exact = _exact_mixture_cdf(checked, analogues, params, n, j, support)
            # i.i.d. draws from the same exact distribution: its support's probabilities, sampled
            pmf = np.diff(np.concatenate(([0.0], exact)))
            iid = rng.choice(support, size=1000, p=pmf / pmf.sum())
            for sample, gaps in ((draws[n, j], stratified_gap), (iid, iid_gap)):
                empirical_cdf = np.searchsorted(np.sort(sample), support, side="right") / len(sample)
                gaps.append(np.abs(empirical_cdf - exact).max())  # Kolmogorov distance
    # Stratified: each quantile is off by at most ~1 draw in 1000 (plus the mixture's split to within one
    # draw); i.i.d. draws are off by ~1/sqrt(1000).
    assert max(stratified_gap) < 0.002
    assert np.mean(stratified_gap) < 0.1 * np.mean(iid_gap)
    assert (draws == forecast_draws(checked, 1000, seed=11, params=params, analogues=analogues)).all()


def test_history_as_index_is_accepted():
    indexed = history().set_index(["month_id", "country_id"])
    assert validate_history(indexed).counts.shape == (3, 17)


@pytest.mark.parametrize("change, field, words", [
    (lambda f: f.drop(columns="outcome"), "outcome", "missing column"),
    (lambda f: f.assign(outcome=f.outcome.where(f.index != 4, -3)), "outcome", "below 0"),
    (lambda f: f.assign(outcome=f.outcome.astype(float).where(f.index != 5, 2.5)), "outcome", "not a whole number"),
    (lambda f: f.assign(outcome=f.outcome.astype(object).where(f.index != 6, "many")), "outcome", "not a number"),
    (lambda f: f.drop(index=10), "month_id", "gap"),
    (lambda f: f.drop(index=[10, 13]), "month_id", "gap"),
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


def test_a_state_that_ends_is_accepted_and_left_out_of_the_forecast():
    ended = history(countries=(1, 2, 3, 4))
    ended = ended[~((ended.country_id == 4) & (ended.month_id > 455))]  # country 4 ends at month 455
    born_and_gone = history(months=range(452, 458), countries=(5,), value=lambda m, c: 7)
    checked = validate_history(pd.concat([ended, born_and_gone]))
    assert checked.alive.tolist() == [True, True, True, False, False]
    assert checked.series(3).tolist() == [3 * (m % 7) for m in range(450, 456)]
    assert checked.series(4).tolist() == [7] * 6
    out = forecast_country_months(pd.concat([ended, born_and_gone]), last_month=466, draws=20, seed=0)
    assert sorted(out.country_id.unique()) == [1, 2, 3]
    # Cut before country 4 ends, it is alive and forecast.
    assert 4 in forecast_country_months(ended, last_month=455, draws=20, seed=0).country_id.values


def test_a_gap_before_a_state_ends_is_still_refused():
    frame = history(countries=(1, 2))
    frame = frame[~((frame.country_id == 2) & frame.month_id.isin([455, 460, 461, 462, 463, 464, 465, 466]))]
    with pytest.raises(HistoryError, match="gap: country 2 has no row for month 455"):
        validate_history(frame, source="h.parquet")


def _panel_frame(first_year, last_year, countries, value):
    months = range((first_year - 1980) * 12 + 1, (last_year - 1980) * 12 + 13)
    return history(months=months, countries=countries, value=value)


def test_windows_leave_out_states_born_after_the_cut_off_and_score_a_dying_state_on_its_months():
    from peaceops.analysis.forecasting.panel import window

    frame = _panel_frame(1989, 1995, range(1, 6), lambda m, c: c * (m % 4))
    frame = frame[~((frame.country_id == 4) & (frame.month_id > (1994 - 1980) * 12 + 3))]  # dies March 1994
    frame = frame[~((frame.country_id == 5) & (frame.month_id < (1994 - 1980) * 12 + 5))]  # born May 1994
    win = window(validate_history(frame), 1994)
    assert win.history.last_month == (1993 - 1980) * 12 + 10
    assert sorted(win.actuals.country_id.unique()) == [1, 2, 3, 4]
    assert (win.actuals.country_id == 4).sum() == 3 and (win.actuals.country_id == 1).sum() == 12


def _surging_panel(after_cutoff=None):
    """40 countries from 1992 to 1995 at different levels (0, 3, 30, 300 a month) with spikes that fall
    back; after_cutoff rewrites every month after October 1994 (what nobody knew when forecasting 1995)."""
    rng = np.random.default_rng(11)
    months = np.arange((1992 - 1980) * 12 + 1, (1995 - 1980) * 12 + 13)
    level = rng.choice([0, 3, 30, 300], size=40)
    counts = rng.poisson(level[:, None], size=(40, len(months)))
    counts = np.where(rng.random(counts.shape) < 0.06, counts * 30 + 100, counts)
    if after_cutoff is not None:
        late = months > (1994 - 1980) * 12 + 10
        counts[:, late] = after_cutoff(counts[:, late])
    return validate_history(pd.DataFrame({"month_id": np.tile(months, 40), "country_id": np.repeat(np.arange(1, 41),
                                          len(months)), "outcome": counts.reshape(-1)}))


def test_rolling_selection_uses_only_what_was_known_at_the_cut_off():
    from peaceops.analysis.forecasting.evaluation import (
        SELECTION_GRID,
        SelectionScores,
        WindowCache,
        choose,
        rolling,
        selection_window_scores,
    )
    from peaceops.analysis.forecasting.panel import window

    def surge(late):  # from November 1994 on, every month a surge
        return late * 30 + 100

    honest = rolling(_surging_panel(), [1995], draws=100, selection_draws=100)
    changed_panel = _surging_panel(surge)
    changed = rolling(changed_panel, [1995], draws=100, selection_draws=100)
    assert honest[1995].params == changed[1995].params  # the choice did not see the change
    assert changed[1995].scores.crps.sum() > 10 * honest[1995].scores.crps.sum()  # yet the year scored did change

    # The test has teeth: on the changed data, a selector that scores the window 1994 through December
    # (two months past the cut-off, as the earlier prequential selection did) chooses another setting.
    cutoff = (1994 - 1980) * 12 + 10
    selection = SelectionScores()
    selection.windows[1994] = selection_window_scores(WindowCache(window(changed_panel, 1994)), SELECTION_GRID,
                                                      seed=0, draws=100)
    assert SELECTION_GRID[choose(selection, cutoff, SELECTION_GRID)] == honest[1995].params
    leaky = SELECTION_GRID[choose(selection, cutoff + 2, SELECTION_GRID)]
    assert leaky != honest[1995].params


def test_skill_statement_is_written_from_the_evaluation_figures(tmp_path):
    from peaceops.analysis.forecasting import skill
    from peaceops.analysis.forecasting.evaluation import rolling

    results = rolling(_surging_panel(), [1994, 1995], draws=100, selection_draws=50)
    figures = skill.summary(results)
    path = skill.write(figures, tmp_path / "skill.json")
    text = skill.statement(skill.read(path))
    assert figures["windows"] == 2 and figures["country_months"] == 2 * 40 * 12
    model, conflictology = figures["model_crps"], figures["benchmark_crps"]["conflictology"]
    lower = round(100 * (1 - model / conflictology), 1)
    assert f"{abs(lower):g}% {'lower' if lower >= 0 else 'higher'} than repeating the last 12 months" in text
    assert "In 2 past years (1994-1995)" in text
    assert skill.statement({}) is None and skill.read(tmp_path / "absent.json") is None
