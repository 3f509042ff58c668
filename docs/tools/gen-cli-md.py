# Regenerates docs/cli.md from the real tool output (run from the repository root after `dotnet build`).
# tests/LlmEcon.Cli.Tests/DocsTests.cs fails when docs/cli.md falls behind the tool.
import subprocess, shlex
def run(cmd):
    p=subprocess.run(['dotnet','src/LlmEcon.Cli/bin/Debug/net10.0/LlmEcon.Cli.dll']+shlex.split(cmd),capture_output=True,text=True,env={'COLUMNS':'100','PATH':'/usr/bin:/bin','DOTNET_NOLOGO':'1','HOME':'/root'})
    return p.stdout + p.stderr, p.returncode
def ex(cmd):
    out,code=run(cmd)
    return f"```\n$ llmecon {cmd}\n{out}```\n"
S=[]
S.append('''# `llmecon` — the command-line tool

`llmecon` puts every model of the library on the command line. Run it from a clone with
`dotnet run --project src/LlmEcon.Cli -- <command>`, or install it as a tool (see the README).

Every example below is real output at a table width of 100 (`COLUMNS=100`); a test
(`tests/LlmEcon.Cli.Tests/DocsTests.cs`) re-runs each one and fails if this page falls behind the tool.

## Conventions

- **Inputs** take the library's unit-suffixed forms: parameters and tokens `175B`, `1.4T`, `70e9`;
  FLOP `5.76e23`; FLOP/s `312T`; money `$19.22`, `$1.4M`; fractions `21.3%` or `0.213`; bytes `80GB`
  (10^9) or `80GiB` (2^30); power `700W`; energy `1287MWh`; electricity `$0.09/kWh`; durations `14.8d`,
  `36h`, `4y`. The decimal point is always `.` (a comma is an error with a hint).
- **Every command** takes `--format table|json|csv|markdown` (table by default; `report`: `markdown|html|json`,
  markdown by default), `--explain` (the derivation of every number: formula, the numbers substituted,
  every input with its catalog entry, source and date), `--catalog FILE` (a JSON catalog merged over the
  built-in one, validated as a whole), `--out FILE` (written whole or not at all) and `--debug` (stack trace
  on failure). `--help` on any command lists its flags and examples.
- **Catalog numbers can be overridden**: `--peak-flops` (per chip, FLOP/s), `--precision`, `--sparsity`,
  `--chips-per-machine`, `--machine-price-per-hour`, `--price-per-chip-hour`, or a whole entry via `--catalog`.
- **Tables** use the invariant culture whatever the machine's locale, and a unit in every header or row;
  fractions show as percentages (`MFU (%)`).

## Output contract (JSON and CSV)

JSON is one object with a key per table: a record is an object, a table an array of objects. Keys are
camelCase and carry their unit: `costUsd`, `costPer1kTokensUsd`, `costPer1MTokensUsd`, `chipHours`, `flops`
(FLOP), `peakFlopPerSecondPerChip`, `bytes`, `parametersOptimal`, `tokensOptimal`, `loss` (nats/token),
`wallTimeDays`, `energyMegawattHours`. Fractions (`mfu`, `reduction`, shares) are 0–1. Numbers are
raw (no rounding); a missing value is `null`. With `--explain`, `derivations` is an array of
`{quantity, equation, formula, substituted, result, inputs: [{symbol, meaning, value, source: {entryId, field, source, date} | null}]}`;
`notes` (when present) says what was solved or assumed. These keys are stable: scripts may rely on them.

CSV prints, per table, one header row of the same keys and one row per record (raw invariant numbers);
tables are separated by a blank line; with `--explain` the derivations go to standard error.

## Errors and exit codes

| exit | when |
|---|---|
| 0 | success (also `--help`) |
| 2 | a usage or input error: unknown command or option, a missing, malformed, out-of-range or contradictory flag, an unknown catalog id, a malformed catalog file |
| 1 | anything else (e.g. an I/O failure) |

The message is one line on standard error, `Error: ` then the parameter, the rule and the value, and a
did-you-mean where one helps; nothing is written to standard output, and `--out` files are left untouched:

''')
for cmd in ['inference --params 175B --offer aws-p4 --mfu 21.3%','inference --params 175B --offer aws-p4d-1yr --mfu 1.7','train --model gpt-3 --offer gcp-tpu-v4-1yr --mfu 46.2% --cost $5M','infrence']:
    S.append(ex(cmd)+'\n')
S.append('''## report

The article, section by section (§3 search, the cloud-inference deep dive, §4 training with the MFU table,
§5 the trajectory: levers, Chinchilla cases, GPU generations, GPT-3 in-house V100 → H100, memory; §6
conclusions), every table recomputed, each section's printed figures beside their recomputation (and the
recomputation rounded as the article rounds), then the **audit**: every figure that does not follow from
the article's own inputs, with both numbers, the gap and how it was recomputed. `--format html` writes
one self-contained page (inline CSS, no scripts or external files); `--format json` gives every table,
`figuresSection3` … and `audit` with `printed`, `recomputed`, `gap`, `relativeGap` and `verdict`.

''')
out,_=run('report')
lines=out.split('\n')
S.append("```\n$ llmecon report | head -30\n"+'\n'.join(lines[:30])+"\n```\n\n")
S.append("The full output is in `tests/LlmEcon.Cli.Tests/Golden/report.md.txt` (a golden file the tests compare against).\n\n")
sections=[
('search','LLM-powered search (eqs. 2–6): revenue and cost per query from API prices, the search revenue per query, and the share of it the LLM costs before and after the levers (model-side ÷4, in-house ÷2). Flags for every assumption: `--architecture chatgpt-equivalent|two-stage|both`, `--api-price ID` or `--price-per-1k-tokens`, `--cache-hit-rate`, `--gross-margin`, `--prompt-words`, `--response-words`, `--responses`, `--links`, `--result-words`, `--words-per-1k-tokens`, `--revenue-per-query`, `--annual-queries`, `--model-side-divisor`, `--in-house-divisor`; defaults are the article\'s.',
 ['search','search --architecture two-stage --cache-hit-rate 50% --format json']),
('inference','Cloud inference cost per 1000 and per 1M tokens (eq. 7). The machine is a catalog `--offer`, or a `--chip` with `--chips-per-machine` and `--machine-price-per-hour` (or `--price-per-chip-hour`), or just `--peak-flops`; `--model ID` fills `--params`.',
 ['inference --params 175B --offer aws-p4d-1yr --mfu 21.3%','inference --params 175B --offer gcp-tpu-v4-1yr --mfu 21.3% --explain','inference --params 70B --chip h100-sxm --precision fp8 --price-per-chip-hour $2.50 --mfu 30% --format csv']),
('train','Training cost (eq. 8) and its inverse (eq. 9). N and D from `--params`/`--tokens` or `--model`; hardware from `--offer` or `--chip` with a price; then any of `--mfu`, `--chip-hours`, `--chips` with `--days`, `--cost`: whatever is missing is solved and named (`Solved: …`; JSON `solved`). Two knowns that disagree by more than 0.5% are an error naming both. With `--model` and no known, the model\'s published MFU is used and said so.',
 ['train --model gpt-3 --offer gcp-tpu-v4-1yr --mfu 46.2%','train --params 175B --tokens 300B --chip v100-sxm2 --price-per-chip-hour $2.48 --chips 10000 --days 14.8','train --model palm --offer gcp-tpu-v4-1yr --cost $11.2M --format json']),
('scaling loss','The loss of N parameters on D tokens under a Chinchilla-form law (eq. 12), with its two terms; `--law ID` picks a catalog law (default `chinchilla-article`).',
 ['scaling loss --params 70B --tokens 1.4T','scaling loss --params 1T --tokens 300B --format json']),
('scaling optimal','The compute-optimal N and D for a FLOP budget (Hoffmann et al. 2022, eq. 4), tokens per parameter, and the loss.',
 ['scaling optimal --flops 5.76e23','scaling optimal --flops 5.76e23 --format markdown']),
('scaling fit','Fit L(N, D) = E + A/N^α + B/D^β to training runs in a CSV file, as Hoffmann et al. (2022) did (Huber δ = 1e-3 on log loss, L-BFGS from a 4,500-point grid); `--bootstrap R --seed S` for standard errors and 95% intervals (progress on standard error); `--save-law FILE` keeps the law. Columns are detected or named (`--params-column`, `--tokens-column` or `--flops-column`, `--loss-column`); `--drop-highest K`, `--delta`, `--grid-alpha|beta|e|a|b low:high:step`. The method and a worked example are in [scaling.md](scaling.md).',
 ['scaling fit data/chinchilla-figure4.csv --drop-highest 5 --format json']),
('scaling plan','One question under several laws (`--law`, repeatable; `--fit FILE` adds a law fitted on the spot): `--flops C` (compute-optimal N and D), `--budget $X` with a machine and `--mfu` (what the money buys), `--target-loss L` (the cheapest model reaching it), plus `--lifetime-tokens T` (the model that minimises training + serving cost). See [scaling.md](scaling.md).',
 ['scaling plan --budget $10M --offer gcp-tpu-v4-1yr --mfu 46.2% --law chinchilla-article --law besiroglu-2024','scaling plan --target-loss 2.0 --law chinchilla-article,besiroglu-2024 --format csv']),
('memory','Training memory at `--bytes-per-param` (default 20: mixed-precision Adam) and the minimum chips to hold it (`--chip` or `--chip-memory`).',
 ['memory --params 175B --chip h100-sxm','memory --model bert-large --format json']),
('hardware','`list` every accelerator; `show ID` every peak (precision and dense/sparse explicit), memory, power, source and date; `generations` the article\'s GFLOPS per $ and per watt across P100 → H100 (eq. 15).',
 ['hardware list','hardware show h100-sxm','hardware generations']),
('inhouse','In-house cost. With no `--chips`: the article\'s GPT-3 V100 → H100 projection (eqs. 16–17), every input overridable (`--hardware-before`, `--energy`, `--electricity-price`, `--per-usd-gain`, `--per-watt-gain`). With `--chips`: any run, from `--purchase-price` per chip, `--lifetime` (default 4y), `--run-time`, `--power` (or `--chip`\'s), `--pue` (default 1.1) and `--electricity-price`.',
 ['inhouse --explain','inhouse --chip h100-sxm --chips 1024 --purchase-price $30000 --lifetime 4y --run-time 30d --pue 1.2 --electricity-price $0.08/kWh']),
('trajectory','The cost trajectory (eqs. 11–12): the article\'s levers since GPT-3 (fewer parameters, cost per FLOP, MFU), the net inference and training reductions, and a cost projected by year at a yearly growth in throughput per $. Flags: `--params-before`, `--params-after`, `--cost-per-flop-reduction`, `--mfu-before`, `--mfu-after`, `--start-cost`, `--efficiency-growth`, `--years`.',
 ['trajectory','trajectory --start-cost $11.2M --efficiency-growth 30% --years 3 --format json']),
('catalog','`list` the entries (`--section accelerators|offers|models|api-prices|scaling-laws`), `show ID` an entry as its file writes it (keys carry units), `validate FILE` a catalog file merged over the built-in one (every problem listed, exit 2). The format is in [catalog.md](catalog.md).',
 ['catalog list --section models','catalog show gpt-3 --format json']),
]
for name,desc,cmds in sections:
    S.append(f"## {name}\n\n{desc}\n\n")
    for c in cmds:
        S.append(ex(c)+'\n')
open('docs/cli.md','w').write(''.join(S).rstrip('\n')+'\n')
