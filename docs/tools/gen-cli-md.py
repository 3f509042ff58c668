# Regenerates docs/cli.md from the real tool output (run from the repository root after `dotnet build`).
# tests/LlmEcon.Cli.Tests/DocsTests.cs runs every "$ llmecon" block of it through bash, exactly as written, and compares.
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from examples import ex, run

S = []
S.append('''# `llmecon` — the command-line tool

`llmecon` puts every model of the library on the command line. Run it from a clone with
`dotnet run --project src/LlmEcon.Cli -- <command>`, or install it as a tool (see the README).

Every example below is real output at a table width of 100 (`COLUMNS=100`), written as you would type it
in bash: a test (`tests/LlmEcon.Cli.Tests/DocsTests.cs`) runs each one through `bash -c` exactly as
written and fails if this page falls behind the tool. `llmecon --help` lists the commands;
`llmecon COMMAND --help` lists a command's options, each with its rule and an example, and whole example
command lines (also run through bash by the tests).

## Numbers: one grammar everywhere

Every number you give — an option, a CSV cell of `scaling fit`, and later an API parameter or a scenario
value — is read by one parser (`QuantityParser` in the library):

| form | examples | means |
|---|---|---|
| plain, decimal, scientific | `16384`, `14.8`, `3.14e23` | the number |
| thousands separators | `30,840,000`, `$10,000,000` | groups of exactly three digits; `1,5` and `0,213` are refused (use `.` as the decimal point) |
| scale, either case | `16K`, `30.84M`, `175B` = `175b` = `175G`, `1.4T` | ×10^3, 10^6, 10^9, 10^12 (`P` 10^15) |
| fractions | `21.3%` or `0.213` | a plain number above 1 where a fraction is meant gets a "did you mean 1.7%?" |
| money | `'$19.22'`, `'$1.4M'`, `82 USD` | quote `$` in bash: unquoted, `$1` is a shell parameter |
| units where the option has one | `312T` (FLOP/s), `80GB` (10^9) / `80GiB` (2^30), `700W`, `1287MWh`, `'$0.09/kWh'`, `14.8d`, `36h`, `4w`, `4y` | `--days 54` and `--days 54d` alike |

Digits are ASCII; `NaN`, `∞`, `1e400` and the like are refused. Each option has one rule, shown by `--help`
and by its error: a parameter count in [1, 1e15], a token count in [1, 1e18], an MFU in [1e-6, 1], a whole
number of chips in [1, 1e7], and so on. Within those ranges every result is a finite number; a result that
is not (NaN, ∞, negative money) is never printed as an answer.

## Options every command takes

- `--format table|json|csv|markdown` (table by default; `report`: `markdown|html|json`, markdown by default).
- `--explain`: the derivation of every number — formula, the numbers substituted, every input with its
  catalog entry, source and date.
- `--catalog FILE`: a JSON catalog (comments and trailing commas allowed, at most 16 MiB) merged over the
  built-in one and validated as a whole; `catalog validate` reads it the same way.
- `--out FILE`: write the output there instead of standard output (`-` is standard output). A regular file
  is written whole or not at all (a temporary file beside it, then a rename) and keeps its permissions (and,
  written by root, its owner); a symbolic link is written through to its target; a FIFO, a device
  (`/dev/stdout`) or a file with several hard links is written in place. An empty path, a directory, a
  missing directory, or a file the same run reads (`--catalog`, a CSV of runs) is refused before anything
  is computed.
- `--table NAME`: print only one of the command's tables (its JSON key).
- `--debug`: on failure, the stack trace too.

When an option replaces a catalog value (`--params 70B` with `--model gpt-3`, `--chips-per-machine` with
`--offer`), the output says so in a note; options that cannot both hold (`--offer` with `--chip`, two
prices, `--mfu` with a `--cost` that implies another MFU) are refused by name. An option given twice is
refused, except `scaling plan --law`, which takes several.

## Output contract (JSON and CSV)

JSON is one object with a key per table: a record is an object, a table an array of objects. Keys are
camelCase and carry their unit: `costUsd`, `costPer1kTokensUsd`, `costPer1MTokensUsd`, `chipHours`, `flops`
(FLOP), `peakFlopPerSecondPerChip`, `bytes`, `parameters`, `tokens`, `loss` (nats/token), `wallTimeDays`,
`energyMegawattHours`. One quantity has one name everywhere (`parameters` is N in `train`, `scaling loss`,
`scaling optimal` and `scaling plan` alike). Fractions (`mfu`, `reduction`, shares) are 0–1, years are
numbers, yes/no columns are booleans. Numbers are raw (no rounding). A command's keys are the same whatever
options are given: a value that does not apply is `null`, never absent and never a dash. With `--explain`,
`derivations` is an array of
`{quantity, equation, formula, substituted, result, inputs: [{symbol, meaning, value, source: {entryId, field, source, date} | null}]}`;
`notes` (when present) says what was solved, assumed or replaced.

CSV is one table: a header row of the same keys and one row per record, raw invariant numbers, empty for
null. A command with several tables prints its first in CSV and names the others on standard error; choose
one with `--table NAME`. With `--explain` the derivations, and the notes, go to standard error.

`catalog show ID --format json` prints the entry as a catalog file holding just that entry, so it can be
saved, edited and merged back with `--catalog`.

Tables (and Markdown) are for people: counts read as people write them (`405B` parameters, `15.6T` tokens,
`30.84M` chip-hours), whole numbers you give are shown exactly (`16,384` chips, never `16380`), fractions
as percentages (`MFU (%)`), fields with no value are left out, and every number uses the invariant culture.

## Standard error, exit codes

Standard output carries only the result. Standard error carries errors, warnings (`Warning: …`, e.g. a fit
whose starting grid did not bracket its optimum), progress of long work (`bootstrap: 100/1,000 resamples` a
tenth at a time; `fit: 2,250/4,500 starts` once a fit has run a second, then at most once a second, in
order), and for CSV the notes and derivations.

| exit | when |
|---|---|
| 0 | success (also `--help`, `--version`, and `llmecon` or `llmecon scaling` alone, which list the commands) |
| 2 | a usage or input error: unknown command or option, a missing, malformed, out-of-range, repeated or contradictory option, an unknown catalog id, a malformed catalog or CSV file, an output that cannot be written safely |
| 1 | anything else (an I/O failure, a bug) |

An error is one line on standard error: `Error: ` then the option, its rule and the value you gave, and a
did-you-mean (at most three, nearest first) where one helps; nothing is written to standard output, and no
file is touched:

''')
for cmd in ["inference --params 175B --offer aws-p4 --mfu 21.3%",
            "inference --params 175B --offer aws-p4d-1yr --mfu 1.7",
            "train --model gpt-3 --offer gcp-tpu-v4-1yr --mfu 46.2% --cost '$5M'",
            "hardware show h10O",
            "inhouse --chips 8 --power 700W --purchase-price '$30,000' --run-time 5y --lifetime 4y",
            "infrence"]:
    S.append(ex(cmd) + '\n')
S.append('''## report

The article, section by section (§3 search, the cloud-inference deep dive, §4 training with the MFU table,
§5 the trajectory: levers, Chinchilla cases, GPU generations, GPT-3 in-house V100 → H100, memory; §6
conclusions), every table recomputed, each section's printed figures beside their recomputation (and the
recomputation rounded as the article rounds), then the **audit**: every figure that does not follow from
the article's own inputs, with both numbers, the gap and how it was recomputed. `--format html` writes
one self-contained page (inline CSS, no scripts or external files); `--format json` gives every table,
`figuresSection3` … and `audit` with `printed`, `recomputed`, `gap`, `relativeGap` and `verdict`.

''')
out = run('llmecon report')
S.append("```\n$ llmecon report | head -30\n" + '\n'.join(out.split('\n')[:30]) + "\n```\n\n")
S.append("The full output is in `tests/LlmEcon.Cli.Tests/Golden/report.md.txt` (a golden file the tests compare against).\n\n")
sections = [
('search', 'LLM-powered search (eqs. 2–6): revenue and cost per query from API prices, the search revenue per query, and the share of it the LLM costs before and after the levers (model-side ÷4, in-house ÷2). Options for every assumption: `--architecture chatgpt-equivalent|two-stage|both`, `--api-price ID` or `--price-per-1k-tokens`, `--cache-hit-rate`, `--gross-margin`, `--prompt-words`, `--response-words`, `--responses`, `--links`, `--result-words`, `--words-per-1k-tokens`, `--revenue-per-query`, `--annual-queries`, `--model-side-divisor`, `--in-house-divisor`; defaults are the article\'s.',
 ['search', 'search --architecture two-stage --cache-hit-rate 50% --format json']),
('inference', 'Cloud inference cost per 1000 and per 1M tokens (eq. 7). The machine is a catalog `--offer`, or a `--chip` with `--chips-per-machine` and `--machine-price-per-hour` (or `--price-per-chip-hour`), or just `--peak-flops`; `--model ID` fills `--params` (for a mixture of experts, its active parameters; `--active-params` gives them by hand).',
 ['inference --params 175B --offer aws-p4d-1yr --mfu 21.3%', 'inference --params 175B --offer gcp-tpu-v4-1yr --mfu 21.3% --explain', "inference --params 70B --chip h100-sxm --precision fp8 --price-per-chip-hour '$2.50' --mfu 30% --format csv", 'inference --model gpt-3 --params 70B --offer aws-p4d-1yr --mfu 21.3% --format markdown']),
('train', 'Training cost (eq. 8) and its inverse (eq. 9). N and D from `--params`/`--tokens` or `--model`; hardware from `--offer` or `--chip` with a price; then any of `--mfu`, `--chip-hours`, `--chips` with `--days`, `--cost`: whatever is missing is solved and named (`Solved: …`; JSON `solved`). Two knowns that disagree by more than 0.5% are an error naming both; knowns that would beat the chips\' peak are refused. With `--model` and no known, the model\'s published MFU is used and said so. A mixture of experts counts the parameters a token goes through (`--active-params`, or the model\'s active count) for its FLOPs, and says so; `memory` counts them all. `--context T` adds the attention FLOPs of a sequence of T tokens (eq. 27; `--attention causal`, the default, or `full`) for a `--model` with an architecture, shown beside 6ND; `--precision fp8` measures the run against the FP8 peak; `--recompute selective|full` adds the hardware FLOPs and HFU (eq. 31) beside the model FLOPs and MFU.',
 ['train --model gpt-3 --offer gcp-tpu-v4-1yr --mfu 46.2%', "train --model deepseek-v3 --chip h100-sxm --price-per-chip-hour '$2' --chip-hours 2.788M", "train --model deepseek-v3 --chip h100-sxm --precision fp8 --price-per-chip-hour '$2' --chip-hours 2.788M --context 4096", "train --params 175B --tokens 300B --chip v100-sxm2 --price-per-chip-hour '$2.48' --chips 10000 --days 14.8", "train --params 405B --tokens 15.6T --chip h100-sxm --price-per-chip-hour '$2.50' --chip-hours 30.84M --chips 16K", "train --model palm --offer gcp-tpu-v4-1yr --cost '$11.2M' --format json"]),
('scaling loss', 'The loss of N parameters on D tokens under a Chinchilla-form law (eq. 13), with its two terms; `--law ID` picks a catalog law (default `chinchilla-article`).',
 ['scaling loss --params 70B --tokens 1.4T', 'scaling loss --params 1T --tokens 300B --format json']),
('scaling optimal', 'The compute-optimal N and D for a FLOP budget (eq. 14; Hoffmann et al. 2022, eq. 4), tokens per parameter, and the loss.',
 ['scaling optimal --flops 5.76e23', 'scaling optimal --flops 5.76e23 --format markdown']),
('scaling fit', 'Fit L(N, D) = E + A/N^α + B/D^β to training runs in a CSV file, as Hoffmann et al. (2022) did (Huber δ = 1e-3 on log loss, L-BFGS from a 4,500-point grid); `--bootstrap R --seed S` for standard errors and 95% intervals; `--save-law FILE` keeps the law (never over a file the run reads; `--law-id` must be new to the catalog). Columns are detected or named (`--params-column`, `--tokens-column` or `--flops-column`, `--loss-column`); a header that names a column twice, or two columns that both look like N, is refused. Runs that do not vary in N or in D cannot identify the law and are refused; a grid over 1,000,000 starts is refused with an estimate of its time; a fitted value outside its grid\'s range is warned about. `--drop-highest K`, `--delta`, `--grid-alpha|beta|e|a|b low:high:step`. The method and a worked example are in [scaling.md](scaling.md).',
 ['scaling fit data/chinchilla-figure4.csv --drop-highest 5 --format json']),
('scaling plan', "One question under several laws (`--law`, repeatable; `--fit FILE` adds a law fitted on the spot): `--flops C` (compute-optimal N and D), `--budget '$X'` with a machine and `--mfu` (what the money buys), `--target-loss L` (the cheapest model reaching it), plus `--lifetime-tokens T` (the model that minimises training + serving cost). The table has the same columns whatever the question (null where one does not apply). See [scaling.md](scaling.md).",
 ["scaling plan --budget '$10,000,000' --offer gcp-tpu-v4-1yr --mfu 46.2% --law chinchilla-article --law besiroglu-2024", 'scaling plan --target-loss 2.0 --law chinchilla-article,besiroglu-2024 --format csv']),
('memory', 'Training memory at `--bytes-per-param` (default 20: mixed-precision Adam) and the minimum chips to hold it (`--chip` or `--chip-memory`). With `--serving` and a `--model` with an architecture: all the weights at `--weights-precision` (bf16 by default) plus the KV cache of `--batch` sequences of `--context` tokens at `--kv-precision` (eq. 28; the context defaults to the model\'s maximum); activations and the runtime\'s workspace are not included. With `--zero 0|1|2|3` and `--data-parallel N`: the training state per chip under ZeRO (eq. 29: 2 + 2 + 12 bytes per parameter, the optimizer state, then the gradients, then the weights partitioned over the ranks) and the share of the chip it takes; `--sequence S` (with `--micro-batch`, `--recompute none|selective|full`) adds the activations of a micro-batch (eq. 30).',
 ['memory --params 175B --chip h100-sxm', 'memory --model bert-large --format json', 'memory --model llama-3.1-70b --serving --batch 8 --context 8192 --chip h100-sxm', 'memory --params 7.5B --zero 1 --data-parallel 64 --chip a100-80gb', 'memory --model gpt-3 --zero 3 --data-parallel 64 --sequence 2048 --recompute selective --chip a100-80gb']),
('hardware', '`list` every accelerator; `show ID` every peak (precision and dense/sparse explicit), memory, power, source and date; `generations` the article\'s GFLOPS per $ and per watt across P100 → H100 (eq. 15).',
 ['hardware list', 'hardware show h100-sxm', 'hardware generations']),
('inhouse', 'In-house cost. With no `--chips`: the article\'s GPT-3 V100 → H100 projection (eqs. 16–17), every input overridable (`--hardware-before`, `--energy`, `--electricity-price`, `--per-usd-gain`, `--per-watt-gain`). With `--chips`: any run, from `--purchase-price` per chip, `--lifetime` (default 4y), `--run-time` (at most the lifetime: depreciation charges the run its share of the hardware\'s life), `--power` (or `--chip`\'s), `--pue` (default 1.1) and `--electricity-price`.',
 ['inhouse --explain', "inhouse --chip h100-sxm --chips 1024 --purchase-price '$30,000' --lifetime 4y --run-time 30d --pue 1.2 --electricity-price '$0.08/kWh'"]),
('runs', 'Every catalog training run whose hours are published (chip-hours, or chips × days): the MFU the hours imply (eq. 9a) from 6ND (N active for a mixture of experts) and, where the model\'s architecture and training context are in the catalog, with causal attention (eq. 27), measured against the chip\'s dense peak at the run\'s precision; beside the published MFU with its basis, and what the hours include. `train --model ID` with no known uses the same published hours and precision.',
 ['runs', 'runs --format csv']),
('serve', 'Serving from first principles (eqs. 31–38; [serving.md](serving.md)): for `--model` (with an architecture) on `--chip` or `--offer` × `--chips` (tensor-parallel, default 1) at `--precision` (weights and arithmetic; `--kv-precision`, `--compute-precision` when they differ), `--batch` sequences of `--input-tokens` and `--output-tokens`: time to first token, time per output token, tokens/s per user and per chip, decode MFU and bandwidth use, memory and the largest batch, and the cost per 1M input and output tokens at the offer\'s or `--price-per-chip-hour` price. A list or range of batches (`1,8,64`, `1..1024:x2`) prints the frontier; `--max-tpot` (and `--max-ttft`) searches every offer, precision, chip count and batch for the cheapest that meets the targets. Every assumption is a flag: `--compute-efficiency`, `--memory-efficiency`, `--all-reduce-latency`, `--step-overhead`, `--usable-memory`, `--moe-imbalance`. A model outside the catalog: `--params` with `--layers`, `--hidden`, `--heads` (`--kv-heads`, `--head-dim`, `--active-params`). An owned chip: `--purchase-price` (with `--lifetime`, `--power`, `--pue`, `--electricity-price`) prices a chip-hour as depreciation plus energy.',
 ["serve --model llama-3.1-70b --chip h100-sxm --chips 4 --precision fp8 --batch 64 --input-tokens 1000 --output-tokens 500 --price-per-chip-hour '$2.50'", 'serve --model mixtral-8x7b --offer aws-p5-on-demand --chips 2 --precision fp8 --batch 1..256:x4 --input-tokens 1000 --output-tokens 500 --format csv', 'serve --model llama-3.1-8b --max-tpot 20ms --input-tokens 2000 --output-tokens 200 --format json --table search', "serve --params 68975329280 --layers 80 --hidden 8192 --heads 64 --kv-heads 8 --chip h100-sxm --chips 8 --batch 16 --input-tokens 1000 --output-tokens 200 --purchase-price '$30,000' --format csv"]),
('selfhost', 'API or self-host (eqs. 39–41; [serving.md](serving.md)): a month of `--volume` tokens, `--input-share` of them input (`--cache-hit` of those at the API\'s cached price), billed at `--api` against self-hosting `--model` on the cheapest catalog offer (or `--offer`, `--chip`), precision and chip count that keeps `--max-tpot` (default 50 ms), with copies for `--peak-to-average` × the average load, paid all month; the load that implies, and the break-even volume. Requests are `--input-tokens` long (default 1,000), the output per request follows from the input share.',
 ['selfhost --volume 3B/month --input-share 80% --cache-hit 50% --peak-to-average 3 --api openai-gpt-4o-2024-08 --model llama-3.1-70b', 'selfhost --volume 50B --input-share 75% --peak-to-average 2 --api deepseek-v3-2025-02 --model llama-3.1-8b --offer aws-p5-on-demand --format json --table selfhost']),
('validate', 'The serving model beside every published measurement in `data/serving-measurements.csv` (93 rows: MLPerf, TensorRT-LLM, SGLang, vLLM, gpt-fast, NeMo, DeepSeek), with the batch each prediction used and how it was chosen, the error per case, and the median and mean absolute percentage error per group. Always exits 0. The table and its reading are in [serving.md](serving.md).',
 ['validate --table groups', 'validate --format json --table groups']),
('plot', 'A chart of the library\'s numbers ([charts.md](charts.md)): `frontier` (cost per 1M output tokens against tokens/s per user, one line per `--offers`), `roofline` (prefill and decode against the chip\'s roof), `iso-loss` (Chinchilla contours, the compute-optimal frontier, the catalog\'s runs), `gflops-per-watt`, `gflops-per-usd`, `implied-mfu`. PNG or SVG by `--out`\'s extension (or `--format png|svg`; a PNG needs `--out`), `--width`/`--height` in pixels; `--format json|csv|table|markdown` prints the data drawn. Fonts: DejaVu Sans (Debian: fonts-dejavu-core).',
 ['plot gflops-per-usd', 'plot implied-mfu --format json --table markers']),
('trajectory', 'The cost trajectory (eqs. 11–12): the article\'s levers since GPT-3 (fewer parameters, cost per FLOP, MFU), the net inference and training reductions, and a cost projected by year at a yearly growth in throughput per $. Options: `--params-before`, `--params-after`, `--cost-per-flop-reduction`, `--mfu-before`, `--mfu-after`, `--start-cost`, `--efficiency-growth`, `--years`.',
 ['trajectory', "trajectory --start-cost '$11.2M' --efficiency-growth 30% --years 3 --format json", 'trajectory --table projection --format csv']),
('run', 'A scenario file (YAML, or the same structure in JSON; [scenarios.md](scenarios.md)): named assumptions with units, catalog entries, the article\'s scenario, and runs — commands with their inputs (values, lists, ranges, distributions with `samples`, `solve` with `target`). Every problem of the file is reported at once with file, line and column before anything runs; one run prints exactly its command\'s output, several print one after another (JSON: `{"scenario", "runs": [...]}`). `llmecon report` is `llmecon run examples/article.yaml`.',
 ['run examples/compute-optimal-budget.yaml --format json 2>/dev/null | head -20']),
('catalog', '`list` the entries (`--section accelerators|offers|models|api-prices|scaling-laws`, `--vendor NAME`, `--since DATE`), `show ID` an entry as its file writes it (JSON: a catalog file of that one entry), `validate FILE` a catalog file merged over the built-in one (every problem listed, exit 2). The format is in [catalog.md](catalog.md); `docs/examples/my-catalog.json` is a user\'s file to start from.',
 ['catalog list --section models', 'catalog list --vendor nvidia --since 2020 --format csv', 'catalog show gpt-3 --format json', 'catalog validate docs/examples/my-catalog.json',
  'inference --params 70B --offer my-h100-quote --catalog docs/examples/my-catalog.json --mfu 40% --format csv']),
]
for name, desc, cmds in sections:
    S.append(f"## {name}\n\n{desc}\n\n")
    for c in cmds:
        S.append(ex(c) + '\n')
S.append('''## web

The local web calculator and its JSON API ([web.md](web.md)): one page per question, the state in the URL, and
`/api/v1/COMMAND` answering exactly the command's JSON. It serves until stopped, so this page shows it without
running it:

```text
llmecon web --port 5180
llmecon web --open
```

''')
open(os.path.join(os.path.dirname(__file__), '..', 'cli.md'), 'w').write(''.join(S).rstrip('\n') + '\n')
