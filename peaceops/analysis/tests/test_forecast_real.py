"""Forecasting on the real VIEWS files: our exact benchmark scores against the published ones, the CLI."""

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


def test_cli_evaluate_prints_the_skill_table(shared_data, capsys):
    call_command("forecast", "evaluate", "--actuals", str(shared_data / "views"), "--years", "2020", "--draws", "200")
    printed = capsys.readouterr().out
    for name in ("model", "zero", "last_poisson", "conflictology"):
        assert f"2020  {name}" in printed


def test_prequential_model_beats_every_benchmark_by_3_percent_in_every_year(shared_data):
    """The issue 4 target under the honest protocol: each year's parameters chosen on earlier years
    only; mean CRPS at least 3% below zero, last-value Poisson and conflictology, 2019-2022
    (figures in docs/forecasting.md). Also: the best ignorance every year."""
    from peaceops.analysis.forecasting.evaluation import crps_gain, prequential

    result = prequential(str(shared_data / "views"), [2019, 2020, 2021, 2022], draws=1000, seed=0)
    for year, (_, table) in result.items():
        gains = crps_gain(table)
        assert min(gains.values()) >= 3.0, (year, gains)
        assert table.loc["model", "ignorance"] < table.drop(index="model").ignorance.min(), year
