"""Forecasting on the real VIEWS files: exact benchmark scores against the published ones, the CLI, and the
rolling-origin skill over 1993-2022 (the long history 1989-2017 joined with the yearly actuals)."""

import numpy as np
import pandas as pd
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from peaceops.analysis.forecasting import scores
from peaceops.analysis.forecasting.benchmarks import benchmark_distributions
from peaceops.analysis.forecasting.evaluation import load_window

PUBLISHED = {"zero": "zero", "last_poisson": "last_historical_poisson", "conflictology": "conflictology"}


def _published(views, name, year, metric):
    return pd.read_csv(views / "benchmark_scores" / f"bm_{PUBLISHED[name]}_Y{year}_{metric}.csv")


@pytest.mark.parametrize("year", [2020, 2022])
def test_exact_benchmark_crps_reproduces_the_published_scores(shared_data, year):
    views = shared_data / "views"
    window = load_window(str(views), year)
    dists = benchmark_distributions(window.history)
    for name, tolerance in (("zero", 1e-9), ("conflictology", 1e-9), ("last_poisson", 1e-3)):
        pairs = zip(window.actuals.country_id, window.actuals.outcome, strict=True)
        ours = window.actuals.assign(ours=[scores.crps(dists[name][c], y) for c, y in pairs])
        both = ours.merge(_published(views, name, year, "crps"), on=["month_id", "country_id"])
        assert len(both) == 2292
        # The published Poisson scores come from 1000 draws; ours from the exact distribution.
        assert both.ours.mean() == pytest.approx(both.value.mean(), rel=tolerance)


def test_zero_benchmark_ignorance_and_mis_match_published_exactly(shared_data):
    views = shared_data / "views"
    window = load_window(str(views), 2021)
    zero = benchmark_distributions(window.history)["zero"]
    for metric, score in (("ign", scores.ignorance), ("mis", scores.mis)):
        ours = [score(zero[c], y) for c, y in zip(window.actuals.country_id, window.actuals.outcome, strict=True)]
        both = window.actuals.assign(ours=ours).merge(_published(views, "zero", 2021, metric))
        assert np.allclose(both.ours, both.value)


def test_cli_forecasts_every_country_and_refuses_a_month_beyond_the_data(shared_data, tmp_path):
    views = shared_data / "views"
    history = tmp_path / "history.parquet"
    pd.concat([pd.read_parquet(views / f"cm_actuals_{y}.parquet") for y in (2020, 2021)]).to_parquet(history)
    out = tmp_path / "forecast.parquet"
    call_command("forecast", "country-month", "--history", str(history), "--last-month", "502",
                 "--draws", "100", "--out", str(out), "--country-ids", str(views / "views_country_ids.csv"))
    result = pd.read_parquet(out)
    assert list(result.columns) == ["month_id", "country_id", "draw", "outcome"]
    assert result.country_id.nunique() == 191 and sorted(result.month_id.unique()) == list(range(505, 517))
    assert len(result) == 191 * 12 * 100
    with pytest.raises(CommandError, match=r"history.parquet.*beyond the data"):
        call_command("forecast", "country-month", "--history", str(history), "--last-month", "517",
                     "--out", str(tmp_path / "x.parquet"))


def test_cli_refuses_a_history_with_a_gap_naming_the_file(shared_data, tmp_path):
    frame = pd.read_parquet(shared_data / "views" / "cm_actuals_2021.parquet").reset_index()
    history = tmp_path / "gappy.parquet"
    frame.drop(index=500).to_parquet(history)
    with pytest.raises(CommandError, match=r"gappy.parquet.*gap: country"):
        call_command("forecast", "country-month", "--history", str(history), "--last-month", "500",
                     "--out", str(tmp_path / "x.parquet"))


def test_cli_accepts_a_real_history_in_which_states_end(shared_data, tmp_path):
    """FRG (1990), the USSR (1991) and Sudan before South Sudan's independence (2011) end inside the
    long history: accepted, and only the countries alive at the last month are forecast."""
    views = shared_data / "views"
    history = views / "cm_history_1989_2017.parquet"
    frame = pd.read_parquet(history).reset_index()
    last = int(frame.month_id.max())
    alive = set(frame[frame.month_id == last].country_id)
    assert {185, 59} - alive == {185, 59}  # ended states are in the file
    out = tmp_path / "forecast.parquet"
    call_command("forecast", "country-month", "--history", str(history), "--last-month", str(last),
                 "--draws", "20", "--out", str(out), "--country-ids", str(views / "views_country_ids.csv"))
    assert set(pd.read_parquet(out).country_id) == alive


def test_cli_evaluate_prints_the_skill_table(shared_data, capsys):
    call_command("forecast", "evaluate", "--actuals", str(shared_data / "views"), "--years", "2020",
                 "--protocol", "fixed", "--draws", "200")
    printed = capsys.readouterr().out
    assert "2020  own 0.3" in printed and "pooled CRPS / best benchmark" in printed
    row = next(line for line in printed.splitlines() if line.startswith("2020"))
    cells = row.split()  # year, setting label, 4 forecasters x 3 scores, ratio
    assert len(cells) >= 1 + 8 + 12 + 1 and all(float(c) >= 0 for c in cells[-13:])


def test_rolling_model_beats_the_best_benchmark_over_30_windows(shared_data):
    """Every setting chosen from data known at each window's cut-off; one seed (five in the benchmark,
    docs/forecasting.md). With stratified draws seed 0 reaches a pooled 0.9277x the best benchmark and seeds
    0-4 reach 0.9277-0.9278 (worst window 1.007, 25 windows <= 0.97 at each), measured with the CLI; one
    seed is held here, as five would take five times as long."""
    from peaceops.analysis.forecasting.evaluation import check_targets, rolling

    results = rolling(str(shared_data / "views"), range(1993, 2023), draws=1000, seed=0)
    check = check_targets(results)
    assert len(results) == 30
    assert check.pooled_ratio <= 0.93, check.pooled_ratio
    assert check.worst_window <= 1.05, check.window_ratios
    assert check.windows_at_most(0.97) >= 20, check.window_ratios
    assert check.ignorance[0] <= check.ignorance[1] and check.mis[0] <= check.mis[1], (check.ignorance, check.mis)
