# Regenerates docs/scaling.md from the real tool output (run from the repository root after `dotnet build`).
# tests/LlmEcon.Cli.Tests/DocsTests.cs runs every "$ llmecon" block of it through bash and compares.
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from examples import ex
doc = '''# Scaling laws: fit, bootstrap, plan and price

The article uses one law, Chinchilla's approach 3 as rounded in print: L(N, D) = 1.69 + 406.4/N^0.34 +
410.7/D^0.28 (`chinchilla-article` in the catalog). `llmecon scaling fit` fits the same form to your own
training runs the way Hoffmann et al. (2022) did, `--bootstrap` says how sure the fit is, and
`llmecon scaling plan` turns a FLOP budget, a dollar budget or a target loss into N, D and a bill, under
any number of laws side by side.

## The fit (eq. 13; Hoffmann et al. 2022, appendix D.2)

Each run i has parameters N_i, training tokens D_i (or training FLOP C_i, and then D_i = C_i / 6N_i) and a
final loss L_i. With a = ln A, b = ln B, e = ln E the prediction is a log-sum-exp,

    ln L̂_i = LSE(a − α ln N_i,  b − β ln D_i,  e)

and the fit minimises Σ_i Huber_δ(ln L̂_i − ln L_i) with δ = 10⁻³ (`--delta`): quadratic for residuals
below δ, linear above, so a few bad runs cannot drag the law. The objective and its analytic gradient are
evaluated four runs at a time (AVX2 vectors, with exp and log inlined) and minimised by L-BFGS (memory 10,
Armijo backtracking) from every point of a grid, by default the paper's: α, β ∈ {0, 0.5, …, 2},
e ∈ {−1, −0.5, …, 1}, a, b ∈ {0, 5, …, 25}, 4,500 starts (`--grid-alpha 0:2:0.5` etc. change it).
Every start runs 30 L-BFGS iterations (or to a relative improvement below 10⁻⁶); the 16 lowest end
points are then run on to a relative improvement below 10⁻¹⁶ and the lowest wins. Starts run on every
core; ties go to the earliest start, so the answer does not depend on the number of threads.

**Data**: a CSV file with a header row. Columns are found by name (`Model Size`, `parameters`, `N`;
`tokens`, `D`; `Training FLOP`, `flops`, `C`; `loss`, `L`, …) or named with `--params-column`,
`--tokens-column`, `--flops-column`, `--loss-column`. Every bad cell is an error naming the file, the line
and the column. `--drop-highest K` drops the K highest-loss runs first.

## Worked example: the Chinchilla Figure 4 data

`data/chinchilla-figure4.csv` holds the 245 runs Epoch AI read off Figure 4 of Hoffmann et al. (2022)
(see [data/README.md](../data/README.md)). Besiroglu et al. (2024) drop the 5 highest-loss runs and fit the
remaining 240:

''' + ex('scaling fit data/chinchilla-figure4.csv --drop-highest 5') + '''
Our fit, E = 1.817, A = 478, B = 2143, α = 0.347, β = 0.367, sits within one standard error of every
estimate Besiroglu et al. (2024, table 1) report for the same 240 points (E 1.82 ± 0.03, A 482 ± 125,
B 2085 ± 1293, α 0.3478 ± 0.02, β 0.3658 ± 0.02; `besiroglu-2024` in the catalog), and it fits these runs
better than the article's rounded law (a test checks both). The two laws disagree most where it matters
for money: at Chinchilla's own budget of 5.76e23 FLOP the fitted law allocates about 18 tokens per
parameter (Chinchilla was trained on 20: 70B on 1.4T), the rounded law over 90.

### How sure is it?

`--bootstrap R` refits R resamples of the runs (drawn with replacement, seeded by `--seed`), each by
L-BFGS from the full-data optimum (a warm start, as Besiroglu et al. do), and reports each parameter's
standard error and 95% percentile interval, with those of the compute-optimal exponent a = β/(α+β) and of
tokens per parameter at `--budget-flops` (default 5.76e23). Progress goes to standard error, a tenth at a time;
a fit that runs over a second shows its own progress there too (left out of this page: it depends on the machine).

''' + ex('scaling fit data/chinchilla-figure4.csv --drop-highest 5 --bootstrap 1000 --seed 1 --table bootstrap --format csv') + '''
The standard errors match Besiroglu et al.'s (0.03, 125, 1293, 0.02, 0.02): this data pins the exponents
to about ±0.02 and E to ±0.03, but A and B only to a factor of two, and the tokens-per-parameter rule to
anywhere between 7 and 35 at Chinchilla's budget. The "20 tokens per parameter" rule is inside that
interval; a plan that depends on the exact ratio is not supported by these 240 runs.

## Plan and price

`llmecon scaling plan` answers one question under every law given with `--law` (repeat it, or a comma
list) and, with `--fit FILE`, a law fitted on the spot:

- `--flops C`: the compute-optimal N and D (eq. 14: N_opt = G (C/6)^(β/(α+β)), D_opt = (C/6)^(α/(α+β)) / G,
  G = (αA/(βB))^(1/(α+β))).
- `--budget $X` with a machine (`--offer`, or `--chip` and a price) and `--mfu`: C = X / cost per FLOP,
  cost per FLOP = price per chip-hour / (peak × MFU × 3600 s/h), then as above.
- `--target-loss L*`: the cheapest (N, D) reaching L*. Minimising ND subject to A/N^α + B/D^β = L* − E
  gives, with p = A/N^α and q = B/D^β, the condition βq = αp, so p = (L* − E)·β/(α+β),
  q = (L* − E)·α/(α+β): N = (A/p)^(1/α), D = (B/q)^(1/β). It is the compute-optimal model of the budget it
  needs (a test checks the duality). L* must be above E.
- `--target-loss L* --lifetime-tokens T` (with a machine): the (N, D) reaching L* that minimises training
  plus serving cost, 6ND·c_train + 2NT·c_serve (Sardana et al. 2024, "Beyond Chinchilla-Optimal"), by a scan
  and a golden-section search over ln N; `--inference-mfu` sets the serving MFU (default `--mfu`).

''' + ex('scaling plan --flops 5.76e23 --law chinchilla-article,besiroglu-2024 --fit data/chinchilla-figure4.csv --drop-highest 5') + '\n' + ex("scaling plan --budget '$10M' --offer gcp-tpu-v4-1yr --mfu 46.2% --law chinchilla-article --law besiroglu-2024") + '\n' + ex("scaling plan --target-loss 2.0 --lifetime-tokens 10T --chip h100-sxm --price-per-chip-hour '$2.50' --mfu 40% --law besiroglu-2024 --format markdown") + '''
Serving ten trillion tokens, the cheapest model reaching loss 2.0 under Besiroglu et al.'s law is less than
half the training-optimal size, trained on 145 tokens per parameter instead of 20, and costs $1.43M in all
instead of $2.19M.

A fitted law can be kept: `--save-law FILE --law-id ID` writes it as a catalog file, and
`--catalog FILE --law ID` uses it in `scaling loss`, `scaling optimal` and `scaling plan`.

## From the library

```csharp
using LlmEcon.Scaling; using LlmEcon.Scaling.Fitting;

ScalingDataset data = ScalingCsv.ReadFile("data/chinchilla-figure4.csv").DropHighestLoss(5);
ScalingFitResult fit = ScalingFit.Fit(data);                                   // FitOptions: delta, grid, threads
BootstrapResult boot = ScalingBootstrap.Run(data, fit, new BootstrapOptions(1000, Seed: 1));
TargetLossPlan plan = ScalingPlan.ForTargetLoss(fit.Law, 2.0);
Console.WriteLine($"{fit.Law.Alpha:F3} ± {boot["alpha"].StandardError:F3}; N = {plan.Parameters}");
```

## Limits

- One functional form, E + A/N^α + B/D^β. Laws with other forms (a data-repetition term, a cross term,
  Kaplan's form) are not fitted.
- The bootstrap refits from the full-data optimum; a resample whose optimum lies in another basin would be
  missed. On the Figure 4 data its standard errors agree with Besiroglu et al.'s, who do the same.
- Speed is in [performance.md](performance.md): the full grid on the 240 runs in under 0.5 s, whole
  process, on 2 cores; 1,000 resamples in a fraction of a second more.
'''
open(os.path.join(os.path.dirname(__file__), '..', 'scaling.md'), 'w').write(doc)
