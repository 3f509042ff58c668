# Regenerates docs/scenarios.md from the real tool output (run from the repository root after `dotnet build`).
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from examples import ex, run

def run_quiet(command):
    """Runs a command that writes a file and prints nothing; shows it as a bash line."""
    out = run(command)
    assert out == '', out
    return f"```\n$ {command}\n```\n\n"
doc = '''# Scenarios: files, sweeps, uncertainty, sensitivity and goal seek

Analysts do not ask for one number: they ask "what if", "how sure are we" and "which assumption matters". Every
command answers all three, from the command line, from a scenario file and from the library (`LlmEcon.Scenarios`).

## Goal seek

Analysts ask "at what value": the cache hit rate at which LLM search costs its revenue, the MFU at which a
run costs a million dollars. Every command answers it with two options:

- `--solve OPTION`: a numeric option of the command (its name without dashes), solved over its allowed range;
- `--target KEY=VALUE`: a key of the command's JSON output (`--format json` shows them) and the value it
  must reach.

The range is sampled (64 points, log-spaced where it spans more than three decades) for a sign change of
output − target, skipping values the command refuses; the bracket is closed by Brent's method
(MathNet.Numerics) to 1e-10. The command then runs at the solved value, in the format asked, and the solution
is one line on standard error. When no value in the range reaches the target, it says what the output ranges
over instead (library: `Scenarios/GoalSeek`).

The cache hit rate at which the two-stage search's cost per query equals the search revenue per query
($0.0476, §3):

''' + ex("search --architecture two-stage --solve cache-hit-rate --target costPerQueryUsd=0.0476 --format csv") + '''
The MFU at which training GPT-3 on H100s at $2.50 per chip-hour costs $1M:

''' + ex("train --model gpt-3 --chip h100-sxm --price-per-chip-hour '$2.50' --solve mfu --target costUsd=1e6 --table training --format csv") + '''
The monthly volume from which self-hosting Llama 3.1 70B beats GPT-4o's API is `selfhost`'s own output (its
break-even volume); any other output of any command is a target the same way.

A key the output has more than once (both search architectures) is refused with the way to narrow it; a key it
does not have gets a did-you-mean:

''' + ex("search --solve links --target costPerQueryUsd=0.02") + '''
## Sweeps and grids

A numeric option given a range runs the command at every value: `A..B:STEP` in the option's own units
(`--mfu 20%..60%:10%`), `A..B:xFACTOR` (`--links 5..20:x2`) or `A..B:log10` (`--params 1B..1T:log10`, the
powers of ten), both ends included. Several ranges make a grid. Rows stream as CSV (the swept inputs first,
named by their flags, then the command's outputs, one row per row of its table) or as JSON lines with
`--format json`; a point the command refuses is a row with its error. At most 1,000,000 points.

''' + ex("train --model gpt-3 --offer gcp-tpu-v4-1yr --mfu 20%..60%:10% --format json") + '''
When the command has a formula kernel for the swept options (train and inference at a given MFU, search), each point
is the command's equations over bare numbers — checked against the command itself at the first, middle and last
points before use — and a sweep writes about 110,000 rows a second (whole process; formatting the rows is what takes
the time: the kernels themselves evaluate tens of millions of points a second, docs/performance.md). Other commands
run per point, about ten thousand a second.

## Uncertainty: Monte Carlo

Any numeric option can be a distribution, its values in the option's own units: `uniform(a,b)`,
`triangular(lo,mode,hi)`, `normal(mean,sd)`, `lognormal(mean,sd)` (the mean and standard deviation of the value
itself, not of its logarithm), `pert(lo,mode,hi)` (beta-PERT, shape 4) and `choice(v1,v2,…)`. `--samples N`
(default 10,000) and `--seed S` (default 42) run a Monte Carlo over all of them and report every output's mean,
standard deviation (n − 1), 5th, 50th and 95th percentiles and a histogram (a line of blocks in tables, the counts
with their edges in JSON and CSV); the inputs as sampled follow. A draw outside the option's range is drawn again
(the distribution truncated to the range: a normal cache hit rate never goes below 0%).

''' + ex("search --architecture two-stage --cache-hit-rate 'uniform(20%,40%)' --gross-margin 'triangular(60%,75%,85%)' --result-words 'normal(1000,200)' --links 'choice(5,10,20)' --samples 100000 --seed 1") + '''
The issue's example, `--samples 10M --seed 1 --format json`, runs as written; its mean cost per query, $0.08155,
is the closed form E[revenue] × E[1 − h] × E[1 − m] = 0.43689 × 0.7 × 0.26667 = $0.08155 (a test checks it within
five standard errors).

How it runs (library `Scenarios/MonteCarlo`):

- **Deterministic.** The samples are cut into chunks of 1,024; input k of chunk c draws from its own four
  xoshiro256** streams side by side (one per lane of a 256-bit vector), seeded from (seed, c, k) by SplitMix64.
  Uniform, triangular, choice and normal inputs draw four values per instruction; the normal by Box–Muller, whose
  logarithm, sine and cosine are series in additions and multiplications (tested against the runtime's to a few
  ulps) rather than library calls, so the bits do not depend on the machine's maths library. Lognormal and PERT draw
  one value at a time. Sums are taken per chunk (four lanes of 256-bit vectors, the same arithmetic on every machine)
  and merged in chunk order. The same seed gives the same numbers on any machine and any number of threads (a test
  compares one thread and two).
- **Bounded memory, one pass.** The first 131,072 samples (the pilot) set, for each output, a window of values around
  each wanted percentile, ±4 of the pilot's standard errors in rank (or one value, counted, when the pilot's window is
  a single value — a constant, a choice). The pass keeps the values inside the windows (about 2% of them) and counts
  those below; quickselect finds each rank, so the percentiles are exact order statistics, interpolated as numpy's
  default. A rank outside its window (odds about 1 in 10^4) is pinned by further passes that draw the same samples
  again and narrow it by histograms. The pilot is drawn again rather than held. Runs whose samples fit in 4 million
  numbers keep them all.
- **Both cores,** and the command's **formula kernel** where it has one (search, train, inference): its equations
  written once over `ITerm<T>` and run over four samples per instruction (search) or bare numbers, checked against
  the command at four points before use;
  otherwise the command itself runs per sample (ten to twenty thousand a second on two cores: run this way it skips
  building derivations nothing will show — `serve`'s 10,000 samples in 0.5 s instead of 0.95 s — and spreads each chunk's
  samples over the cores, so that even a run of one chunk uses both), and the notes say which.
- Progress on standard error once a run passes a second: a bar on a terminal, a line every five seconds otherwise;
  the time taken, on standard error too, for runs over a second. Standard output is the same on every machine.

## Sensitivity: the tornado

`--tornado` swings each input given as a distribution over its range (the support of uniform, triangular, pert and
choice; the 5th–95th percentiles of normal and lognormal) with the others at their base (the mean; a choice's
middle value); `--swing 20%` swings each ±20% of its base instead — the distributions' bases, or, with no
distribution, every numeric option given. For every output some input moves, the inputs are ranked by the swing they
cause:

''' + ex("train --params 175B --tokens 300B --peak-flops 312T --price-per-chip-hour '$2' --mfu 40% --swing 20% --format csv") + '''
MFU and peak rank first: cost ∝ 1/(peak × MFU), so ±20% moves it by 1/0.8 − 1/1.2 = 41.7% of base, against 40% for N,
D and the price (a test checks both).

`--outputs KEY[,KEY…]` keeps chosen outputs, in a Monte Carlo as in a tornado, and `--format svg` or `--format png --out FILE`
draws the first of them: its histogram with the mean and percentiles marked, or its tornado.

''' + run_quiet("llmecon search --architecture two-stage --cache-hit-rate 'uniform(20%,40%)' --gross-margin 'triangular(60%,75%,85%)' --result-words 'normal(1000,200)' --links 'choice(5,10,20)' --samples 1M --seed 1 --outputs costPerQueryUsd --format png --out docs/images/monte-carlo.png") + '''![The cost per query's histogram over 10^6 samples](images/monte-carlo.png)

''' + run_quiet("llmecon train --params 175B --tokens 300B --peak-flops 312T --price-per-chip-hour '$2' --mfu 40% --swing 20% --outputs costUsd --format png --out docs/images/tornado.png") + '''![GPT-3's training cost: each input ±20%](images/tornado.png)

## Scenario files

A scenario file (YAML, or the same structure in JSON) states a whole analysis: named assumptions with units, catalog
entries added or overridden, the article's scenario, and the runs — which commands to evaluate with which inputs.
`llmecon run FILE` evaluates it.

```yaml
name: serving-70b
assumptions:                 # named values with their units; a run uses one as $name ($2.50 stays money)
  model: llama-3.1-70b
  pricePerChipHour: $2.50
catalog:                     # optional: entries added or overridden, as in a --catalog file
  offers: [ … ]
article: { … }               # optional: the article's scenario (every default of search, inference, training, the report)
runs:
  - command: serve           # a command's words: report, inference, scaling optimal …
    title: 4 × H100 at FP8   # optional
    with: { model: $model, chips: 4, batch: 64, price-per-chip-hour: $pricePerChipHour }
```

A run's options are the command's flags without dashes; a value can be anything the flag takes, a list
(`[1, 8, 64]`), a range (`20%..60%:5%`, a sweep), a distribution with `samples:` (a Monte Carlo), or `solve:` with
`target:` (a goal seek). One run prints exactly the command's output; several print one after another under a
heading, or as `{"scenario", "runs": [{"command", "title", "result"}]}` with `--format json`.

**The article is a scenario file.** `examples/article.yaml` holds every assumption of the article with its unit, and
one run, `report`; the library embeds that file and reads every default of the article's commands from it — so
`llmecon report` is `llmecon run examples/article.yaml`, byte for byte (a test compares them in both formats), and a
copy with another MFU reproduces the whole article under it. Two more examples answer today's questions:

- `examples/serving-70b.yaml`: Llama 3.1 70B on 4 × H100 at FP8, the cheapest configuration under a latency target,
  eq. 7 with price and MFU uncertain, and self-hosting against GPT-4o;
- `examples/compute-optimal-budget.yaml`: the compute-optimal N and D that $10M buys on TPU v4, GPT-3's cost swept
  over MFU, and the MFU at which GPT-3 on H100 costs $1M.

''' + ex("run examples/serving-70b.yaml --format json | head -8") + '''
**Validation.** The whole file is checked before anything runs, and every problem is reported at once with its file,
line and column — unknown keys and options with a did-you-mean, a value of the wrong kind or out of range (the
option's own sentence), a `$name` the file does not define, an unknown command or catalog id, a missing input, a
catalog entry's bad field (at the field; a missing field at its entry) — then the tool exits 2 having printed nothing on
standard output. The file of ten mistakes the tests run:

''' + ex("run tests/LlmEcon.Cli.Tests/Data/ten-mistakes.yaml") + '''
'''
open(os.path.join(os.path.dirname(__file__), '..', 'scenarios.md'), 'w').write(doc)
