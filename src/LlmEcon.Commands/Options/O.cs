using LlmEcon.Quantities;

namespace LlmEcon.Cli.Options;

/// <summary>
/// Every option of <c>llmecon</c>, each defined once: name, value, meaning, an example in the one grammar and the one rule its
/// value keeps. Commands list the options they take; two commands that take <c>--mfu</c> take the same <c>--mfu</c>.
/// Ranges are what a run can mean (a parameter count of at least 1; an MFU of at least 1e-6, so no cost overflows) and keep
/// every result finite.
/// </summary>
internal static class O
{
    // Common to every command.
    public static readonly ChoiceOpt Format = new("--format", "FORMAT", "How to print: table (default), json, csv, markdown or html (one self-contained page); report: markdown (default), html or json; plot: also png or svg (default: --out's extension).",
        ["table", "json", "csv", "markdown", "html", "svg", "png"]);
    public static readonly SwitchOpt Explain = new("--explain", "Also print how every number was computed: formula, the numbers substituted, each input with its catalog source and date.");
    public static readonly TextOpt Catalog = new("--catalog", "FILE", "A JSON catalog file merged over the built-in one (the same id replaces an entry); validated as a whole.", "docs/examples/my-catalog.json");
    public static readonly TextOpt Out = new("--out", "FILE", "Write the output to FILE instead of standard output ('-' is standard output): whole or not at all, "
        + "through a symbolic link to its target, keeping the file's permissions; a FIFO or device is written directly.", "report.md");
    public static readonly TextOpt Table = new("--table", "NAME", "Print only the table NAME (JSON key) of a command that prints several; CSV prints one table, the first unless this names another.", "projection");
    public static readonly TextOpt Solve = new("--solve", "OPTION", "Goal seek: the numeric option (its name without dashes) to solve so that --target holds, over the option's allowed range.", "cache-hit-rate");
    public static readonly TextOpt Target = new("--target", "KEY=VALUE", "With --solve: an output's JSON key (llmecon COMMAND --format json shows them) and the value it must reach.", "costPerQueryUsd=0.0476");
    public static readonly SwitchOpt Debug = new("--debug", "On failure, print the stack trace too.");

    // The model and its size.
    public static readonly ValueOpt<ParameterCount> Params = Parameters("--params", "Model parameters N.");
    public static readonly ValueOpt<ParameterCount> ActiveParams = Parameters("--active-params",
        "Parameters one token goes through, for a mixture of experts: FLOPs count them (2N, 6N); memory counts --params. Default: --model's active count, else --params.", "37B");
    public static readonly TextOpt Model = Id("--model", "A model from the catalog (llmecon catalog list --section models); fills N (and D where the command needs it).", "gpt-3");
    public static readonly ValueOpt<TokenCount> Tokens = TokenCountOpt("--tokens", "D", "Training tokens D.", "300B");
    public static readonly ValueOpt<Ratio> Mfu = Utilization("--mfu", "Model FLOPs utilization: achieved FLOP/s over peak.");
    public static readonly ValueOpt<long> Context = Whole("--context", "T",
        "Sequence length T in tokens: adds the attention FLOPs of eq. 27 to 6ND (needs --model with an architecture). Default: none, the article's 6ND.", "4096", 1, 100_000_000);
    public static readonly ChoiceOpt Attention = new("--attention", "MASK", "With --context: causal (a decoder's mask: half the scores; the default) or full.", ["causal", "full"]);

    // The machine.
    public static readonly TextOpt Offer = Id("--offer", "A cloud offer from the catalog: its accelerator, chips per machine and price per machine-hour.", "aws-p4d-1yr");
    public static readonly TextOpt Chip = Id("--chip", "An accelerator from the catalog (llmecon hardware list).", "h100-sxm");
    public static readonly ValueOpt<long> ChipsPerMachine = Whole("--chips-per-machine", "N", "Accelerators per rented machine (replaces the offer's).", "8", 1, 100_000);
    public static readonly ValueOpt<MoneyRate> MachinePricePerHour = Value("--machine-price-per-hour", "USD/H", "Price per machine-hour (replaces the offer's).", "$98.32",
        QuantityParser.MoneyRate, r => r.UsdPerHour, new Range(0.0001, 1e6, false, false, "a price in USD per hour"));
    public static readonly ValueOpt<MoneyRate> PricePerChipHour = Value("--price-per-chip-hour", "USD/H", "Price per accelerator-hour (instead of a machine price).", "$2.50",
        QuantityParser.MoneyRate, r => r.UsdPerHour, new Range(0.0001, 1e5, false, false, "a price in USD per hour"));
    public static readonly ValueOpt<FlopRate> PeakFlops = Value("--peak-flops", "FLOP/S", "Peak FLOP/s per chip (replaces the catalog's).", "312T",
        QuantityParser.FlopRate, r => r.FlopPerSecond, new Range(1e9, 1e18, false, false, "a throughput in FLOP/s"));
    public static readonly ChoiceOpt Precision = new("--precision", "PRECISION", "Which of the chip's catalog peaks: fp64, fp32, tf32, fp16, bf16, fp8 or int8. Default: mixed fp16 (bf16 on TPUs).",
        ["fp64", "fp32", "tf32", "fp16", "bf16", "fp8", "int8"]);
    public static readonly ChoiceOpt Sparsity = new("--sparsity", "SPARSITY", "The dense peak or the 2:4 structured sparse one. Default: dense.", ["dense", "sparse"]);

    // Training runs.
    public static readonly ValueOpt<AcceleratorTime> ChipHours = Value("--chip-hours", "H", "Accelerator-hours of the run.", "30.84M",
        (t, f) => AcceleratorTime.FromChipHours(QuantityParser.Count(t, f, "30.84M", "chip-hours", "chip-h"), f), v => v.ChipHours, new Range(0.001, 1e12, false, false, "a count of chip-hours"));
    public static readonly ValueOpt<long> Chips = Whole("--chips", "K", "Accelerators used at once.", "16384", 1, 10_000_000);
    public static readonly ValueOpt<Duration> Days = Value("--days", "DAYS", "Wall-clock time of the run, in days unless a unit says otherwise.", "54",
        (t, f) => QuantityParser.Duration(t, f, "days"), d => d.Days, new Range(0.0001, 36_500, false, false, "a duration in days"));
    public static readonly ValueOpt<Money> Cost = UsdOpt("--cost", "The run's total cost.", "$4.6M", 0.01, 1e13);

    // Search (§3).
    public static readonly ChoiceOpt Architecture = new("--architecture", "ARCHITECTURE", "Which LLM search: both (default), chatgpt-equivalent or two-stage.",
        ["both", "chatgpt-equivalent", "two-stage"]);
    public static readonly TextOpt ApiPrice = Id("--api-price", "An API price from the catalog. Default: openai-davinci-2022 ($0.02 per 1000 tokens).", "openai-davinci-2022");
    public static readonly ValueOpt<MoneyPerToken> PricePer1kTokens = Value("--price-per-1k-tokens", "USD", "API price per 1000 tokens (or per million, said so: '$20/1M'); replaces --api-price.", "$0.02",
        QuantityParser.MoneyPer1kTokens, p => p.UsdPer1kTokens, new Range(1e-9, 1000, false, false, "a price in USD per 1000 tokens"));
    public static readonly ValueOpt<Ratio> CacheHitRate = Share("--cache-hit-rate", "Share of queries served from a cache. Default: 30%.", "30%");
    public static readonly ValueOpt<Ratio> GrossMargin = Share("--gross-margin", "The API provider's gross margin. Default: 75%.", "75%");
    public static readonly ValueOpt<WordCount> PromptWords = Words("--prompt-words", "Words of the query in the prompt. Default: 50.", "50");
    public static readonly ValueOpt<WordCount> ResponseWords = Words("--response-words", "Words generated per response (ChatGPT-equivalent) or per link (two-stage). Default: 400.", "400");
    public static readonly ValueOpt<long> Responses = Whole("--responses", "N", "ChatGPT-equivalent: responses sampled per query. Default: 5.", "5", 1, 1000);
    public static readonly ValueOpt<long> Links = Whole("--links", "K", "Two-stage: search results summarised per query. Default: 10.", "10", 1, 1000);
    public static readonly ValueOpt<WordCount> ResultWords = Words("--result-words", "Two-stage: words of each search result in the prompt. Default: 1000.", "1000");
    public static readonly ValueOpt<double> WordsPer1kTokens = Number("--words-per-1k-tokens", "WORDS", "Words per 1000 tokens. Default: 750.", "750", 1, 10_000, false, "a number of words");
    public static readonly ValueOpt<MoneyPerQuery> RevenuePerQuery = Value("--revenue-per-query", "USD", "Search revenue per query. Default: $100B / 2.1T searches = $0.0476.", "$0.05",
        (t, f) => MoneyPerQuery.FromUsdPerQuery(QuantityParser.Money(t, f).Usd, f), q => q.UsdPerQuery, new Range(1e-9, 1000, false, false, "an amount in USD per query"));
    public static readonly ValueOpt<QueryCount> AnnualQueries = Value("--annual-queries", "N", "Queries per year, for the annual cost. Default: 2.1T.", "2.1T",
        (t, f) => QueryCount.FromCount(QuantityParser.Count(t, f, "2.1T", "queries"), f), v => v.Count, new Range(1, 1e15, false, false, "a count of queries"));
    public static readonly ValueOpt<double> ModelSideDivisor = Number("--model-side-divisor", "X", "Cost divisor from quantisation, distillation and compute-optimal models. Default: 4.", "4", 1, 1e6, false, "a divisor");
    public static readonly ValueOpt<double> InHouseDivisor = Number("--in-house-divisor", "X", "Cost divisor from serving in-house instead of on a cloud with ~50% margin. Default: 2.", "2", 1, 1e6, false, "a divisor");

    // Scaling laws.
    public static readonly TextOpt Law = Id("--law", "A scaling law from the catalog. Default: chinchilla-article (E 1.69, A 406.4, B 410.7, α 0.34, β 0.28).", "besiroglu-2024");
    public static readonly TextOpt Laws = new("--law", "ID", "A scaling law from the catalog; repeat it (or give a comma list) for several side by side. Default: chinchilla-article.",
        "besiroglu-2024", repeatable: true);
    public static readonly ValueOpt<FlopCount> Flops = Value("--flops", "FLOP", "Training compute budget C.", "5.76e23",
        QuantityParser.FlopCount, c => c.Flop, new Range(1e10, 1e35, false, false, "an amount of work in FLOP"));
    public static readonly ValueOpt<FlopCount> BudgetFlops = Value("--budget-flops", "FLOP", "The FLOP budget at which to compare compute-optimal models (and bootstrap tokens per parameter). Default: 5.76e23 (Chinchilla's).", "1e24",
        QuantityParser.FlopCount, c => c.Flop, new Range(1e10, 1e35, false, false, "an amount of work in FLOP"));
    public static readonly ValueOpt<Money> Budget = UsdOpt("--budget", "A dollar budget, spent on a machine (--offer or --chip with a price) at --mfu.", "$10M", 0.01, 1e13);
    public static readonly ValueOpt<double> TargetLoss = Number("--target-loss", "L", "A target loss in nats/token: the cheapest N and D reaching it.", "2.0", 0, 100, true, "a loss in nats/token");
    public static readonly ValueOpt<TokenCount> LifetimeTokens = TokenCountOpt("--lifetime-tokens", "T", "With --target-loss: tokens the model will serve; the plan then minimises training + serving cost.", "10T");
    public static readonly ValueOpt<Ratio> InferenceMfu = Utilization("--inference-mfu", "MFU when serving, for --lifetime-tokens. Default: --mfu.");
    public static readonly ValueOpt<Ratio> TrainingMfu = Utilization("--mfu", "Training MFU on the machine, for costs.");
    public static readonly TextOpt FitFile = new("--fit", "FILE", "Also fit a law to this CSV of runs (columns detected, as scaling fit) and plan with it.", "runs.csv");

    // Scaling fit.
    public static readonly TextOpt ParamsColumn = Column("--params-column", "The column of parameters N (default: detected, e.g. 'Model Size', 'parameters', 'N').", "Model Size");
    public static readonly TextOpt TokensColumn = Column("--tokens-column", "The column of training tokens D (default: detected, e.g. 'tokens', 'D').", "tokens");
    public static readonly TextOpt FlopsColumn = Column("--flops-column", "The column of training FLOP C when there is no tokens column: D = C / 6N (default: detected, e.g. 'Training FLOP').", "Training FLOP");
    public static readonly TextOpt LossColumn = Column("--loss-column", "The column of final loss L (default: detected, e.g. 'loss').", "loss");
    public static readonly ValueOpt<long> DropHighest = Whole("--drop-highest", "K", "Drop the K highest-loss runs before fitting (Besiroglu et al. 2024 drop 5 of the Figure 4 data). Default: 0.", "5", 0, 1_000_000);
    public static readonly ValueOpt<double> Delta = Number("--delta", "δ", "Huber δ on log residuals. Default: 1e-3 (Hoffmann et al. 2022).", "1e-3", 1e-9, 1, false, "a number");
    public static readonly TextOpt GridAlpha = Grid("--grid-alpha", "Starting α values: 'low:high:step' or a comma list. Default: 0:2:0.5.", "0:2:0.5");
    public static readonly TextOpt GridBeta = Grid("--grid-beta", "Starting β values. Default: 0:2:0.5.", "0:2:0.5");
    public static readonly TextOpt GridE = Grid("--grid-e", "Starting e = ln E values. Default: -1:1:0.5.", "-1:1:0.5");
    public static readonly TextOpt GridA = Grid("--grid-a", "Starting a = ln A values. Default: 0:25:5.", "0:25:5");
    public static readonly TextOpt GridB = Grid("--grid-b", "Starting b = ln B values. Default: 0:25:5.", "0:25:5");
    public static readonly ValueOpt<long> Bootstrap = Whole("--bootstrap", "R", "Refit on R resamples of the runs (with replacement): standard errors and 95% intervals; progress on standard error.", "1000", 2, 100_000);
    public static readonly ValueOpt<long> Seed = Whole("--seed", "S", "Seed of the random draws — a Monte Carlo's samples, the bootstrap's resampling: the same seed gives the same numbers on any machine and thread count. Default: 42.", "1", 0, int.MaxValue);
    public static readonly ValueOpt<long> Samples = Whole("--samples", "N", "Monte Carlo: samples to draw of the inputs given as distributions (uniform(a,b), triangular(lo,mode,hi), normal(mean,sd), lognormal(mean,sd) — the value's own mean and sd, not its log's —, pert(lo,mode,hi), choice(v1,v2,…), in the option's units); reports every output's mean, sd and 5th/50th/95th percentiles. Default with a distribution: 10,000.", "10M", 1, 1_000_000_000);
    public static readonly TextOpt Summarize = new("--outputs", "KEYS", "Monte Carlo and tornado: only these outputs (JSON keys, comma-separated; the command's --format json shows them); a chart (--format svg or png) draws the first. Default: every output.", "costPerQueryUsd");
    public static readonly SwitchOpt Tornado = new("--tornado", "Tornado: each input given as a distribution swung over its range (5th–95th percentile for normal and lognormal), the others at base; every output's inputs ranked by the swing they cause.");
    public static readonly ValueOpt<Ratio> Swing = Value("--swing", "FRACTION", "Tornado swinging each input ±FRACTION of its base: the distributions' bases, else every numeric option given.", "20%", QuantityParser.Ratio, r => r.Fraction, new Range(0, 1, true, false, "a fraction", Percent: true));
    public static readonly TextOpt SaveLaw = new("--save-law", "FILE", "Write the fitted law as a catalog file (use it with --catalog FILE --law ID); never a file this run reads.", "my-law.json");
    public static readonly TextOpt LawId = new("--law-id", "ID", "The fitted law's id: lower case letters, digits, '.' and '-', not an id the catalog has. Default: fitted.", "my-law",
        check: CheckId);

    // Memory.
    public static readonly ValueOpt<long> Zero = Whole("--zero", "STAGE", "Training state per chip under ZeRO stage 0–3 (eq. 29: 2 + 2 + 12 bytes per parameter, partitioned over --data-parallel ranks) instead of the article's 20 bytes on one pool.", "3", 0, 3);
    public static readonly ValueOpt<long> DataParallel = Whole("--data-parallel", "N_D", "With --zero: data-parallel ranks the state is partitioned over. Default: 1.", "64", 1, 10_000_000);
    public static readonly ValueOpt<long> Sequence = Whole("--sequence", "S", "With --zero: adds the activations of one micro-batch of sequences this long (eq. 30; needs --model with an architecture).", "2048", 1, 100_000_000);
    public static readonly ValueOpt<long> MicroBatch = Whole("--micro-batch", "B", "With --sequence: sequences per micro-batch. Default: 1.", "1", 1, 1_000_000);
    public static readonly ChoiceOpt Recompute = new("--recompute", "MODE", "With --sequence: none (default: every activation kept), selective (attention scores recomputed) or full (layer inputs only).", ["none", "selective", "full"]);
    public static readonly ChoiceOpt TrainRecompute = new("--recompute", "MODE", "Hardware FLOPs and HFU beside MFU (eq. 31): none (default: as the model FLOPs), selective (the attention scores' forward again, with --context) or full (every forward pass twice).", ["none", "selective", "full"]);
    public static readonly SwitchOpt Serving = new("--serving", "Serving memory instead of training: the weights at --weights-precision plus the KV cache of --batch sequences of --context tokens (eq. 28; needs --model with an architecture).");
    public static readonly ChoiceOpt WeightsPrecision = new("--weights-precision", "PRECISION", "With --serving: the weights' precision, bf16 (default), fp16, fp8, int8 or fp32.", ["bf16", "fp16", "fp8", "int8", "fp32"]);
    public static readonly ChoiceOpt KvPrecision = new("--kv-precision", "PRECISION", "The KV cache's precision (memory --serving, serve). Default: the weights' (serve: FP8 for FP4 weights).", ["bf16", "fp16", "fp8", "int8", "fp4", "fp32"]);
    public static readonly ValueOpt<long> Batch = Whole("--batch", "B", "With --serving: sequences held at once. Default: 1.", "8", 1, 10_000_000);
    public static readonly ValueOpt<long> KvContext = Whole("--context", "T", "With --serving: tokens per sequence in the KV cache (prompt and output). Default: the model's maximum context.", "8192", 1, 100_000_000);
    public static readonly ValueOpt<double> BytesPerParam = Number("--bytes-per-param", "B", "Training bytes per parameter. Default: 20 (mixed-precision Adam: weights, gradients, optimizer states).", "20", 0, 1000, true, "a number of bytes");
    public static readonly ValueOpt<ByteSize> ChipMemory = Value("--chip-memory", "BYTES", "Memory per chip (replaces --chip's): 80GB is 10^9 bytes, 80GiB 2^30.", "80GB",
        QuantityParser.ByteSize, b => b.Bytes, new Range(1e6, 1e14, false, false, "a size in bytes"));

    // In-house (§5).
    public static readonly ValueOpt<Money> HardwareBefore = UsdOpt("--hardware-before", "Projection: hardware cost on the old generation. Default: $628,080 (GPT-3 on V100, as the article gives it).", "$628,080", 0, 1e13);
    public static readonly ValueOpt<Energy> Energy = Value("--energy", "ENERGY", "Projection: energy of the run on the old generation. Default: 1287MWh (GPT-3, Patterson et al. 2021).", "1287MWh",
        QuantityParser.Energy, e => e.MegawattHours, new Range(0, 1e9, false, false, "an energy in MWh"));
    public static readonly ValueOpt<double> PerUsdGain = Number("--per-usd-gain", "X", "Projection: throughput per $, new over old. Default: 2.3 (H100 over V100).", "2.3", 1e-6, 1e6, false, "a ratio");
    public static readonly ValueOpt<double> PerWattGain = Number("--per-watt-gain", "X", "Projection: throughput per watt, new over old. Default: 3.4.", "3.4", 1e-6, 1e6, false, "a ratio");
    public static readonly ValueOpt<ElectricityPrice> ElectricityPrice = Value("--electricity-price", "USD/KWH", "Electricity price. Default: $0.09/kWh.", "$0.08/kWh",
        QuantityParser.ElectricityPrice, p => p.UsdPerKilowattHour, new Range(0, 100, false, false, "a price in USD per kWh"));
    // Serving (eqs. 31–38).
    public static readonly ValueOpt<long> ServeChips = Whole("--chips", "P", "Chips serving one copy of the model, tensor-parallel. Default: 1.", "8", 1, 1024);
    public static readonly TextOpt ServeBatch = new("--batch", "B", "Sequences decoded together: a number, a list (1,8,64) or a range (1..1024:x2, 8..64:+8); a list or range prints the frontier. Default: 1.", "64");
    public static readonly ValueOpt<long> InputTokens = Whole("--input-tokens", "I", "Prompt tokens per request.", "1000", 1, 10_000_000);
    public static readonly ValueOpt<long> OutputTokens = Whole("--output-tokens", "O", "Generated tokens per request.", "500", 1, 10_000_000);
    public static readonly ChoiceOpt ServePrecision = new("--precision", "PRECISION", "The weights' precision, and the arithmetic's unless --compute-precision says otherwise: bf16 (default), fp16, fp8, int8, fp4 or fp32.",
        ["bf16", "fp16", "fp8", "int8", "fp4", "fp32"]);
    public static readonly ChoiceOpt ComputePrecision = new("--compute-precision", "PRECISION", "The arithmetic's precision when it differs from the weights' (weight-only quantization: --precision int8 --compute-precision bf16).",
        ["bf16", "fp16", "fp8", "int8", "fp4", "fp32"]);
    public static readonly ValueOpt<Duration> MaxTpot = Value("--max-tpot", "TIME", "Search for the cheapest configuration whose time per output token is at most TIME (50ms), over every catalog offer (or --offer, --chip), precision, chip count and batch.", "50ms",
        (t, f) => QuantityParser.Duration(t, f), d => d.Seconds, new Range(1e-6, 3600, false, false, "a duration"));
    public static readonly ValueOpt<Duration> MaxTtft = Value("--max-ttft", "TIME", "With --max-tpot: the time to first token must be at most TIME too (2s).", "2s",
        (t, f) => QuantityParser.Duration(t, f), d => d.Seconds, new Range(1e-6, 3600, false, false, "a duration"));
    public static readonly ValueOpt<TokenCount> Volume = Value("--volume", "TOKENS", "Tokens a month, input and output together (3B, or 3B/month).", "3B",
        (t, f) => QuantityParser.TokenCount(t.EndsWith("/month", StringComparison.OrdinalIgnoreCase) ? t[..^"/month".Length] : t, f), v => v.Count, new Range(1, 1e18, false, false, "a token count"));
    public static readonly ValueOpt<Ratio> InputShare = Share("--input-share", "The share of the volume that is input (prompt) tokens.", "80%");
    public static readonly ValueOpt<Ratio> CacheHit = Share("--cache-hit", "The share of input tokens the API bills at its cached-input price (without one, at the input price). Default: 0.", "50%");
    public static readonly ValueOpt<double> PeakToAverage = Number("--peak-to-average", "FACTOR", "Peak load over average load; self-hosting is sized for the peak and paid for all month.", "3", 1, 1000, false, "a factor ≥ 1");
    public static readonly TextOpt Api = Id("--api", "An API price from the catalog with per-token input and output prices (llmecon catalog list --section api-prices).", "openai-gpt-4o-2024-08");
    /// <summary>The options of an owned chip's price (serve): given only with --purchase-price.</summary>
    public static IReadOnlyList<Opt> InHouseOnly => [Lifetime, Power, Pue, ElectricityPrice];

    public static readonly ValueOpt<long> Layers = Whole("--layers", "L", "With --params (a model outside the catalog): transformer layers.", "80", 1, 100_000);
    public static readonly ValueOpt<long> Hidden = Whole("--hidden", "D", "With --params: the model width d.", "8192", 1, 10_000_000);
    public static readonly ValueOpt<long> Heads = Whole("--heads", "H", "With --params: attention (query) heads.", "64", 1, 100_000);
    public static readonly ValueOpt<long> KvHeads = Whole("--kv-heads", "H", "With --params: key/value heads (grouped-query attention). Default: --heads.", "8", 1, 100_000);
    public static readonly ValueOpt<long> HeadDim = Whole("--head-dim", "D", "With --params: dimension per head. Default: --hidden / --heads.", "128", 1, 100_000);
    public static readonly ValueOpt<long> Width = Whole("--width", "PX", "plot: the image's width in pixels. Default: 800.", "1200", 200, 8000);
    public static readonly ValueOpt<long> Height = Whole("--height", "PX", "plot: the image's height in pixels. Default: 520.", "700", 150, 8000);
    public static readonly TextOpt Offers = new("--offers", "IDS", "plot frontier: catalog offers to compare, comma-separated. Default: aws-p5-on-demand, coreweave-h200-on-demand, tensorwave-mi300x-on-demand, aws-p4de-on-demand.", "aws-p5-on-demand,aws-p4d-on-demand");
    public static readonly ValueOpt<long> Port = Whole("--port", "PORT", "web: the port on 127.0.0.1. Default: 5180.", "5180", 1, 65535);
    public static readonly SwitchOpt Open = new("--open", "web: open the calculator in the default browser (xdg-open).");
    public static readonly ValueOpt<Ratio> ComputeEfficiency = Utilization("--compute-efficiency", "η_c: the share of the dense peak matrix multiplies reach. Default: 70%.", "70%");
    public static readonly ValueOpt<Ratio> MemoryEfficiency = Utilization("--memory-efficiency", "η_m: the share of the memory bandwidth streaming reaches. Default: 85%.", "85%");
    public static readonly ValueOpt<Duration> AllReduceLatency = Value("--all-reduce-latency", "TIME", "α: the fixed latency of one tensor-parallel all-reduce (25us, 0.03ms). Default: 25us.", "25us",
        (t, f) => QuantityParser.Duration(t, f), d => d.Seconds, new Range(0, 1, false, false, "a duration up to 1 s"));
    public static readonly ValueOpt<Duration> StepOverhead = Value("--step-overhead", "TIME", "o: a fixed time per forward step (launches, scheduling, sampling). Default: 0.1ms.", "0.1ms",
        (t, f) => QuantityParser.Duration(t, f), d => d.Seconds, new Range(0, 1, false, false, "a duration up to 1 s"));
    public static readonly ValueOpt<Ratio> UsableMemory = Utilization("--usable-memory", "u: the share of a chip's memory a server may fill. Default: 90%.", "90%");
    public static readonly ValueOpt<double> MoeImbalance = Number("--moe-imbalance", "FACTOR", "ι: how many more experts than uniform routing a step reads (≥ 1). Default: 1.", "1.2", 1, 1000, false, "a factor ≥ 1");

    public static readonly ValueOpt<long> RunChips = Whole("--chips", "K", "Run: chips used (switches from the projection to a run).", "1024", 1, 10_000_000);
    public static readonly ValueOpt<Money> PurchasePrice = UsdOpt("--purchase-price", "Run: purchase price per chip, with its share of the server.", "$30,000", 0, 1e9);
    public static readonly ValueOpt<Duration> Lifetime = Value("--lifetime", "DURATION", "Run: depreciation lifetime. Default: 4y.", "4y",
        (t, f) => QuantityParser.Duration(t, f), d => d.Years, new Range(0, 100, true, false, "a duration in years"));
    public static readonly ValueOpt<Duration> RunTime = Value("--run-time", "DURATION", "Run: wall time, at most the lifetime.", "30d",
        (t, f) => QuantityParser.Duration(t, f), d => d.Days, new Range(0, 36_500, true, false, "a duration in days"));
    public static readonly ValueOpt<Power> Power = Value("--power", "W", "Run: power per chip (replaces --chip's).", "700W",
        QuantityParser.Power, p => p.Watts, new Range(0, 1e6, true, false, "a power in W"));
    public static readonly ValueOpt<double> Pue = Number("--pue", "X", "Run: data-centre power usage effectiveness (facility power / IT power). Default: 1.1.", "1.2", 1, 10, false, "a ratio");

    // The trajectory (§5).
    public static readonly ValueOpt<ParameterCount> ParamsBefore = Parameters("--params-before", "Parameters before (the inference lever). Default: GPT-3's 175B.");
    public static readonly ValueOpt<ParameterCount> ParamsAfter = Parameters("--params-after", "Parameters after, at the same quality. Default: Chinchilla's 70B.", "70B");
    public static readonly ValueOpt<Ratio> CostPerFlopReduction = Share("--cost-per-flop-reduction", "Fall in cost per FLOP (both levers). Default: 58.06%, the article's V100 → H100 in-house reduction (eq. 17, from its printed lines).", "58%");
    public static readonly ValueOpt<Ratio> MfuBefore = Utilization("--mfu-before", "Training MFU before. Default: GPT-3's 21.3%.");
    public static readonly ValueOpt<Ratio> MfuAfter = Utilization("--mfu-after", "Training MFU after. Default: PaLM's 46.2%.", "46.2%");
    public static readonly ValueOpt<Money> StartCost = UsdOpt("--start-cost", "Projection: the cost in year 0. Default: GPT-3 on GCP TPU v4 at PaLM's MFU, $1,398,072.", "$11.2M", 0, 1e13);
    public static readonly ValueOpt<Ratio> EfficiencyGrowth = Value("--efficiency-growth", "FRACTION", "Projection: yearly growth of throughput per $; the cost falls 1 − 1/(1+g) a year. Default: 22% (the article's +50% per 2-year generation).", "30%",
        QuantityParser.Ratio, r => r.Fraction, new Range(0, 10, false, false, "a fraction", Percent: true));
    public static readonly ValueOpt<long> Years = Whole("--years", "N", "Projection: years. Default: 5.", "3", 1, 100);

    // The catalog.
    public static readonly TextOpt Vendor = new("--vendor", "NAME", "Only the entries of a vendor, provider or organization (case ignored), e.g. NVIDIA, Google Cloud, Meta.", "NVIDIA");
    public static readonly TextOpt Since = new("--since", "DATE", "Only the entries dated on or after DATE (yyyy, yyyy-mm or yyyy-mm-dd; an entry dated by its year alone counts as its January).", "2023");
    public static readonly ChoiceOpt Section = new("--section", "SECTION", "Which section: all (default), accelerators, offers, models, api-prices or scaling-laws.",
        ["all", "accelerators", "offers", "models", "api-prices", "scaling-laws"]);

    /// <summary>The id rule of catalog entries (the catalog's own): lower-case letters, digits, '.' and '-', starting with a letter or digit.</summary>
    public static bool IsId(string s) =>
        s.Length > 0 && char.IsAsciiLetterOrDigit(s[0]) && s.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-' || c == '.');

    private static void CheckId(string flag, string text)
    {
        if (!IsId(text))
        {
            throw Guard.Fail(flag, "a lower-case id of letters, digits, '.' and '-'", $"'{text}'");
        }
    }

    private static TextOpt Id(string name, string help, string example) => new(name, "ID", help, example);

    private static TextOpt Column(string name, string help, string example) => new(name, "NAME", help, example);

    private static TextOpt Grid(string name, string help, string example) => new(name, "LIST", help, example);

    private static ValueOpt<T> Value<T>(string name, string valueName, string help, string example, Func<string, string, T> read, Func<T, double> magnitude, Range range)
        where T : struct => new(name, valueName, help, example, read, magnitude, range);

    private static ValueOpt<ParameterCount> Parameters(string name, string help, string example = "175B") =>
        Value(name, "N", help, example, QuantityParser.ParameterCount, p => p.Count, new Range(1, 1e15, false, false, "a parameter count"));

    private static ValueOpt<TokenCount> TokenCountOpt(string name, string valueName, string help, string example) =>
        Value(name, valueName, help, example, QuantityParser.TokenCount, t => t.Count, new Range(1, 1e18, false, false, "a token count"));

    private static ValueOpt<WordCount> Words(string name, string help, string example) =>
        Value(name, "WORDS", help, example, QuantityParser.WordCount, w => w.Count, new Range(0, 1e7, false, false, "a word count"));

    private static ValueOpt<Ratio> Utilization(string name, string help, string example = "21.3%") =>
        Value(name, "FRACTION", help, example, QuantityParser.Ratio, r => r.Fraction, new Range(1e-6, 1, false, false, "a fraction", Percent: true));

    private static ValueOpt<Ratio> Share(string name, string help, string example) =>
        Value(name, "FRACTION", help, example, QuantityParser.Ratio, r => r.Fraction, new Range(0, 1, false, true, "a fraction", Percent: true));

    private static ValueOpt<Money> UsdOpt(string name, string help, string example, double low, double high) =>
        Value(name, "USD", help, example, QuantityParser.Money, m => m.Usd, new Range(low, high, false, false, "an amount in USD"));

    private static ValueOpt<long> Whole(string name, string valueName, string help, string example, long low, long high) =>
        Value(name, valueName, help, example, QuantityParser.WholeNumber, v => v, new Range(low, high, false, false, "a whole number"));

    private static ValueOpt<double> Number(string name, string valueName, string help, string example, double low, double high, bool lowOpen, string what) =>
        Value(name, valueName, help, example, QuantityParser.Number, v => v, new Range(low, high, lowOpen, false, what));
}
