#!/usr/bin/python3
"""Reference values for the engine's statistics (tests/fixtures/stats/*.json).

Command that made the committed fixtures (Debian 12 python3-scipy 1.10.1,
python3-statsmodels 0.13.5, python3-pandas 1.5.3; not needed in CI):

    /usr/bin/python3 scripts/make-stats-fixtures.py

References, computed by packages independent of the engine:
  - one-way ANOVA: scipy.stats.f_oneway (F, p) and statsmodels anova_lm(typ=2) (SS, df)
  - two-way ANOVA: statsmodels ols('y ~ C(a) * C(b)') / ('y ~ C(a) + C(b)'), anova_lm(typ=2)
  - Tukey HSD: statsmodels pairwise_tukeyhsd (its p-values and q_crit come from
    scipy.stats.studentized_range in statsmodels >= 0.13)
  - Welch: scipy.stats.ttest_ind(equal_var=False); df, interval and effect sizes from their
    closed forms with scipy.stats.t.ppf and scipy.special.gammaln
  - distributions: scipy.stats.f.sf, t.sf, studentized_range.cdf/.ppf
  - the GPT-4o mini case: data/sources/provider-daily.csv (OpenAI vs Microsoft Azure,
    tps_p50, dates on which both hosts have all three prompt sizes), two-way ANOVA
    host x prompt (type II) and Tukey HSD over the six host | prompt cells.
Datasets are drawn from fixed seeds and rounded to 2 decimals, then stored in the
fixtures, so the tests never depend on this script's random generator.
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import scipy
import statsmodels
from scipy import special
from scipy import stats as st
from statsmodels.formula.api import ols
from statsmodels.stats.anova import anova_lm
from statsmodels.stats.multicomp import pairwise_tukeyhsd

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "tests", "fixtures", "stats")
COMMAND = "/usr/bin/python3 scripts/make-stats-fixtures.py"
HEADER = {
    "generated_by": "scripts/make-stats-fixtures.py",
    "command": COMMAND,
    "packages": {"scipy": scipy.__version__, "statsmodels": statsmodels.__version__,
                 "pandas": pd.__version__, "numpy": np.__version__},
    "tolerance": 1e-4,
}


def sample(rng, mean, sd, n):
    return [round(float(v), 2) for v in rng.normal(mean, sd, n)]


def anova1_case(name, groups):
    y, a = [], []
    for label, values in groups.items():
        y += values
        a += [label] * len(values)
    f, p = st.f_oneway(*groups.values())
    table = anova_lm(ols("y ~ C(a)", data=pd.DataFrame({"y": y, "a": a})).fit(), typ=2)
    return {"name": name, "y": y, "a": a,
            "expect": {"f": float(f), "p": float(p),
                       "ss_group": float(table["sum_sq"]["C(a)"]),
                       "ss_residual": float(table["sum_sq"]["Residual"]),
                       "df_group": float(table["df"]["C(a)"]),
                       "df_residual": float(table["df"]["Residual"])}}


def anova2_case(name, y, a, b, interaction):
    formula = "y ~ C(a) * C(b)" if interaction else "y ~ C(a) + C(b)"
    table = anova_lm(ols(formula, data=pd.DataFrame({"y": y, "a": a, "b": b})).fit(), typ=2)
    rows = []
    for term, label in [("C(a)", "a"), ("C(b)", "b"), ("C(a):C(b)", "a:b"), ("Residual", "Residual")]:
        if term not in table.index:
            continue
        r = table.loc[term]
        rows.append({"term": label, "ss": float(r["sum_sq"]), "df": float(r["df"]),
                     "f": None if term == "Residual" else float(r["F"]),
                     "p": None if term == "Residual" else float(r["PR(>F)"])})
    return {"name": name, "y": y, "a": a, "b": b, "interaction": interaction, "expect": rows}


def tukey_case(name, y, a, alpha=0.05):
    r = pairwise_tukeyhsd(np.array(y), np.array(a), alpha=alpha)
    levels = list(r.groupsunique)
    i1, i2 = np.triu_indices(len(levels), 1)
    pairs = [{"group1": str(levels[i]), "group2": str(levels[j]), "diff": float(d),
              "p_adj": float(p), "lower": float(lo), "upper": float(hi), "se": float(s),
              "reject": bool(rej)}
             for i, j, d, p, (lo, hi), s, rej in zip(i1, i2, r.meandiffs, r.pvalues, r.confint,
                                                     r.std_pairs, r.reject)]
    return {"name": name, "y": y, "a": a, "alpha": alpha,
            "expect": {"q_crit": float(r.q_crit), "df_error": float(r.df_total),
                       "mse": float(r.variance), "pairs": pairs}}


def welch_case(name, x, y, alpha=0.05):
    t, p = st.ttest_ind(x, y, equal_var=False)
    x, y = np.array(x), np.array(y)
    vx, vy = x.var(ddof=1) / len(x), y.var(ddof=1) / len(y)
    df = (vx + vy) ** 2 / (vx ** 2 / (len(x) - 1) + vy ** 2 / (len(y) - 1))
    diff = x.mean() - y.mean()
    half = st.t.ppf(1 - alpha / 2, df) * np.sqrt(vx + vy)
    m = len(x) + len(y) - 2
    pooled = np.sqrt(((len(x) - 1) * x.var(ddof=1) + (len(y) - 1) * y.var(ddof=1)) / m)
    j = np.exp(special.gammaln(m / 2) - special.gammaln((m - 1) / 2)) / np.sqrt(m / 2)
    return {"name": name, "x": x.tolist(), "y": y.tolist(), "alpha": alpha,
            "expect": {"t": float(t), "p": float(p), "df": float(df), "diff": float(diff),
                       "lower": float(diff - half), "upper": float(diff + half),
                       "cohens_d": float(diff / pooled), "hedges_g": float(diff / pooled * j)}}


def two_factor(rng, means, sizes, sd):
    y, a, b = [], [], []
    for (ia, ib), mean in np.ndenumerate(means):
        n = sizes[ia][ib]
        y += sample(rng, mean, sd, n)
        a += ["A%d" % (ia + 1)] * n
        b += ["B%d" % (ib + 1)] * n
    return y, a, b


def write(name, body):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump({**HEADER, **body}, f, indent=1)
        f.write("\n")


def gpt4o_mini_case():
    path = os.path.join(ROOT, "data", "sources", "provider-daily.csv")
    df = pd.read_csv(path)
    df = df[(df.model == "GPT-4o mini") & df.provider.isin(["OpenAI", "Microsoft Azure"])]
    df = df[df.tps_p50.notna()]
    cells = df.groupby("date").apply(lambda g: len(set(zip(g.provider, g.prompt))))
    dates = sorted(cells[cells == 6].index)
    sub = df[df.date.isin(dates)].sort_values(["date", "provider", "prompt"])
    y, host, prompt = sub.tps_p50.tolist(), sub.provider.tolist(), sub.prompt.tolist()
    anova = anova2_case("GPT-4o mini: OpenAI vs Microsoft Azure, daily tps_p50", y, host, prompt, True)
    cell = [h + " | " + p for h, p in zip(host, prompt)]
    tukey = tukey_case("GPT-4o mini: Tukey HSD over host | prompt cells", y, cell)
    logy = [float(np.log(v)) for v in y]
    anova_log = anova2_case("GPT-4o mini, log(tps_p50)", logy, host, prompt, True)
    tukey_log = tukey_case("GPT-4o mini, log(tps_p50): Tukey HSD over host | prompt cells", logy, cell)
    for case in (anova_log, tukey_log):
        del case["y"]  # recomputed from the raw values by the test (log of anova2.y)
    return {"description": "Paper section 'statistical inference of hardware': GPT-4o mini "
                           "served by OpenAI and Microsoft Azure; daily median output speed "
                           "(tps_p50) on the dates where both hosts have all three prompt sizes. "
                           "Consecutive days are rolling aggregates, so p-values are descriptive.",
            "source": "data/sources/provider-daily.csv", "model": "GPT-4o mini",
            "hosts": ["Microsoft Azure", "OpenAI"], "metric": "tps_p50",
            "dates": dates, "n": len(y), "anova2": anova, "tukey": tukey,
            "anova2_log": anova_log, "tukey_log": tukey_log}


def distributions():
    rows = []
    for k in [2, 3, 4, 6, 10, 20, 50]:
        for df in [2, 5, 10, 30, 120, 1000, 20000]:
            for q in [0.5, 1.5, 3.0, 4.5, 7.0]:
                rows.append({"q": q, "k": k, "df": df,
                             "cdf": float(st.studentized_range.cdf(q, k, df))})
    quantiles = [{"p": p, "k": k, "df": df, "q": float(st.studentized_range.ppf(p, k, df))}
                 for p in [0.95, 0.99] for k in [2, 3, 6, 15] for df in [3, 12, 60, 500]]
    f_rows = [{"f": f, "d1": d1, "d2": d2, "sf": float(st.f.sf(f, d1, d2))}
              for f in [0.2, 1.0, 2.5, 8.0, 40.0] for d1 in [1, 2, 5, 30] for d2 in [1, 3, 10, 100, 5000]]
    t_rows = [{"t": t, "df": df, "p_two_sided": float(2 * st.t.sf(abs(t), df)),
               "q975": float(st.t.ppf(0.975, df))}
              for t in [-6.0, -2.1, 0.3, 1.0, 2.5, 12.0] for df in [1, 2.5, 7, 40, 800, 100000]]
    return {"studentized_range_cdf": rows, "studentized_range_quantile": quantiles,
            "f_sf": f_rows, "t": t_rows}


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.RandomState(20250509)
    write("anova1.json", {"cases": [
        anova1_case("balanced, 4 groups of 6", {g: sample(rng, m, 2.0, 6) for g, m in
                                                zip("ABCD", [10, 11, 12.5, 10.5])}),
        anova1_case("unbalanced, 5 groups of 3 to 12", {g: sample(rng, m, s, n) for g, m, s, n in
                    zip(["h1", "h2", "h3", "h4", "h5"], [50, 52, 49, 60, 51], [4, 6, 3, 8, 5],
                        [3, 12, 7, 9, 4])}),
        anova1_case("no effect, 3 groups of 10", {g: sample(rng, 100.0, 15.0, 10) for g in "xyz"}),
    ]})
    means = np.array([[20.0, 22.0, 25.0, 21.0], [20.5, 23.0, 31.0, 20.0], [19.0, 21.5, 24.0, 22.5]])
    bal = two_factor(rng, means, [[5] * 4] * 3, 2.5)
    unb_sizes = [[3, 7, 5], [9, 4, 6], [2, 8, 5]]
    unb = two_factor(rng, means[:, :3], unb_sizes, 2.0)
    add_means = np.add.outer([10.0, 14.0, 11.0], [0.0, 3.0])  # additive: no interaction
    add = two_factor(rng, add_means, [[4, 9], [6, 3], [7, 5]], 1.5)
    write("anova2.json", {"cases": [
        anova2_case("balanced 3x4, n=5, with interaction", *bal, True),
        anova2_case("unbalanced 3x3, n=2..9, with interaction", *unb, True),
        anova2_case("unbalanced 3x3, additive model", *unb, False),
        anova2_case("unbalanced 3x2, data without interaction, interaction tested", *add, True),
        anova2_case("unbalanced 3x2, additive model", *add, False),
    ]})
    g1 = {g: sample(rng, m, 2.0, 6) for g, m in zip("ABCD", [10, 11, 12.5, 10.5])}
    y1 = sum(g1.values(), [])
    a1 = sum([[g] * 6 for g in g1], [])
    sizes = [3, 12, 7, 9, 4, 15]
    y2, a2 = [], []
    for g, m, n in zip(["p", "q", "r", "s", "t", "u"], [5, 6, 5.2, 9, 4.5, 6.1], sizes):
        y2 += sample(rng, m, 1.2, n)
        a2 += [g] * n
    write("tukey.json", {"cases": [
        tukey_case("balanced, 4 groups of 6", y1, a1),
        tukey_case("unbalanced, 6 groups of 3 to 15", y2, a2),
        tukey_case("unbalanced, alpha 0.01", y2, a2, 0.01),
        tukey_case("two-way cells (balanced 3x4) as groups", bal[0], [x + y for x, y in zip(bal[1], bal[2])]),
        tukey_case("two-way cells (unbalanced 3x3) as groups", unb[0], [x + y for x, y in zip(unb[1], unb[2])]),
    ]})
    write("welch.json", {"cases": [
        welch_case("equal sizes, unequal variances", sample(rng, 10, 1, 12), sample(rng, 11, 3, 12)),
        welch_case("unequal sizes", sample(rng, 100, 20, 5), sample(rng, 80, 5, 30)),
        welch_case("tiny samples", [1.0, 2.0, 3.0, 4.0], [2.0, 4.0, 6.0, 9.0, 12.0]),
        welch_case("large difference", sample(rng, 3, 0.5, 40), sample(rng, 5, 0.7, 25), 0.01),
        welch_case("no difference", sample(rng, 0, 1, 50), sample(rng, 0, 1, 60)),
    ]})
    write("distributions.json", distributions())
    write("gpt-4o-mini.json", gpt4o_mini_case())
    print("wrote", sorted(os.listdir(OUT)), file=sys.stderr)


if __name__ == "__main__":
    main()
