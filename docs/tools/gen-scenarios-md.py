# Regenerates docs/scenarios.md from the real tool output (run from the repository root after `dotnet build`).
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from examples import ex
doc = '''# Scenarios: goal seek (and what comes next)

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
Not yet (issue 13, next steps): scenario files (YAML/JSON), distributions and the Monte Carlo with its speed
target, the tornado, and sweeps at 10^7 evaluations per second (a sweep runs the whole command per point
today: about ten thousand points a second).
'''
open(os.path.join(os.path.dirname(__file__), '..', 'scenarios.md'), 'w').write(doc)
