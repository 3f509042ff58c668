# Regenerates docs/charts.md and the images in docs/images/ from the real tool (run from the repository root after `dotnet build`).
# The image commands sit in ```text blocks: DocsTests runs "$ llmecon" blocks and bare command lines, and these write files.
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from examples import ex, run
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
charts = [
    ('frontier', 'plot frontier --out docs/images/frontier.png',
     'The latency–cost frontier (eqs. 31–38): Llama 3.1 70B on 8 chips at BF16, 1,000 tokens in and 500 out, one line per offer, one point per batch (1 to 4,096 in powers of two, while it fits). Left: a larger batch, cheaper tokens and a slower stream per user; the bend is where decode stops sharing the weight read.'),
    ('roofline', 'plot roofline --model llama-3.1-70b --chip h100-sxm --chips 8 --out docs/images/roofline.png',
     'The prefill/decode roofline of the same model on 8 × H100 SXM: the chip\'s bare roof, the roof at the default efficiencies, a prefill of 1,000 tokens near the compute roof, and decode steps climbing the bandwidth slope as the batch grows.'),
    ('iso-loss', 'plot iso-loss --out docs/images/iso-loss.png',
     'Chinchilla iso-loss contours of the article\'s law (eq. 13), the compute-optimal frontier (eq. 14) beside the one of Besiroglu et al.\'s fit, and every catalog run (a mixture of experts at its active parameters).'),
    ('gflops-per-watt', 'plot gflops-per-watt --out docs/images/gflops-per-watt.png',
     'GFLOP/s per watt by launch year: the article\'s four chips as it prints them, and every catalog chip with a published power at its dense 16-bit peak.'),
    ('gflops-per-usd', 'plot gflops-per-usd --out docs/images/gflops-per-usd.png',
     'GFLOP/s per purchase dollar, the article\'s four chips (the catalog has no purchase price for today\'s).'),
    ('training-cost', 'plot training-cost --out docs/images/training-cost.png',
     'Training cost against parameters (eq. 8) at the article\'s 46.2% MFU and compute-optimal tokens (20 per parameter), for the article\'s offer and three of today\'s; the article\'s four runs at their own tokens and cost.'),
    ('cost-trajectory', 'plot cost-trajectory --out docs/images/cost-trajectory.png',
     'GPT-3\'s training cost projected year by year at the hardware\'s yearly gain in throughput per dollar (eq. 12), and the same cost after the article\'s levers at once (eq. 11).'),
    ('search', 'plot search --out docs/images/search.png',
     'LLM search (§3): cost per query against the cache hit rate for both architectures, before and after the levers, beside the search revenue per query. Where a line crosses the revenue, the LLM costs the whole query\'s revenue.'),
    ('implied-mfu', 'plot implied-mfu --out docs/images/implied-mfu.png',
     'The MFU each published run\'s hours imply (the `runs` command), by year, beside the MFU published where it was.'),
]
doc = ['''# Charts

`llmecon plot KIND` draws the library's numbers — the same functions the commands call, so a chart cannot
disagree with a table — as PNG or SVG (by `--out`'s extension, or `--format png|svg`; `--width`, `--height`
in pixels, 800 × 520 by default), in DejaVu Sans. `--format json`, `csv`, `table` or `markdown` print the data
drawn instead: every series' points and every labelled marker.

''']
for key, cmd, caption in charts:
    out = run('llmecon ' + cmd)
    if out.strip():
        raise SystemExit(f'{cmd}: {out}')
    doc.append(f'## {key}\n\n```text\nllmecon {cmd}\n```\n\n![{key}](images/{key}.png)\n\n{caption}\n\n')
doc.append('The data behind a chart, for a spreadsheet or another plotting tool:\n\n' + ex('plot gflops-per-usd --format csv') + '\n')
doc.append('SVG goes to standard output when there is no `--out` (a PNG needs a file); `report --format html` embeds the article\'s seven charts this way, inline, with nothing fetched:\n\n' + ex('plot search --format svg | head -2') + '\n')
open(os.path.join(ROOT, 'docs', 'charts.md'), 'w').write(''.join(doc).rstrip('\n') + '\n')
