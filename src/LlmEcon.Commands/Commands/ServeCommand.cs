using LlmEcon.Catalog;
using LlmEcon.Cli.Options;
using LlmEcon.Cli.Output;
using LlmEcon.Derivations;
using LlmEcon.Hardware;
using LlmEcon.Quantities;
using LlmEcon.Serving;

namespace LlmEcon.Cli.Commands;

/// <summary><c>llmecon serve</c>: eqs. 31–38 for one batch, or the latency–cost frontier over several.</summary>
internal sealed class ServeCommand : LlmEconCommand
{
    /// <summary>The library's parameter names and the flags that set them.</summary>
    /// <summary>
    /// The serving library's parameter names and the flags that set them (serve, selfhost, plot); the arithmetic's precision is
    /// --precision unless --compute-precision is given.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string> Flags = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["chips"] = "--chips", ["batch"] = "--batch", ["inputTokens"] = "--input-tokens", ["outputTokens"] = "--output-tokens",
        ["model"] = "--model", ["kvHeads"] = "--kv-heads", ["headDim"] = "--head-dim", ["activeParameters"] = "--active-params",
        ["volume"] = "--volume", ["inputShare"] = "--input-share", ["cacheHit"] = "--cache-hit", ["peakToAverage"] = "--peak-to-average",
    };

    /// <inheritdoc/>
    public override string Path => "serve";

    /// <inheritdoc/>
    public override string Summary =>
        "Serving from first principles (eqs. 31–38): time to first token, time per output token, tokens/s per chip and per user, the MFU and bandwidth use that result, memory and the largest batch, and the cost per 1M input and output tokens, for a model on P chips at a batch; a list or range of batches prints the latency–cost frontier.";

    /// <inheritdoc/>
    public override IReadOnlyList<Opt> OwnOptions =>
    [
        O.Model, O.Params, O.ActiveParams, O.Layers, O.Hidden, O.Heads, O.KvHeads, O.HeadDim, O.Offer, O.Chip, O.ServeChips, O.ServePrecision, O.KvPrecision, O.ComputePrecision, O.ServeBatch, O.InputTokens, O.OutputTokens,
        O.PricePerChipHour, O.PurchasePrice, O.Lifetime, O.Power, O.Pue, O.ElectricityPrice, O.MaxTpot, O.MaxTtft, O.ComputeEfficiency, O.MemoryEfficiency, O.AllReduceLatency, O.StepOverhead, O.UsableMemory, O.MoeImbalance,
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<string[]> Examples =>
    [
        ["--model", "llama-3.1-70b", "--chip", "h100-sxm", "--chips", "4", "--precision", "fp8", "--batch", "64", "--input-tokens", "1000", "--output-tokens", "500", "--price-per-chip-hour", "$2.50"],
        ["--model", "llama-3.1-8b", "--offer", "aws-p5-on-demand", "--batch", "1..1024:x4", "--input-tokens", "1000", "--output-tokens", "500"],
        ["--model", "llama-3.1-70b", "--max-tpot", "50ms", "--max-ttft", "2s", "--input-tokens", "1000", "--output-tokens", "500"],
    ];

    /// <inheritdoc/>
    protected override CommandResult Build(Args a, LlmCatalog catalog, Io io)
    {
        var notes = new List<string>();
        ServedModel model = Served(a, catalog, "serve");
        if (a.Has(O.Offer) && a.Has(O.Chip))
        {
            throw new UsageException("--offer and --chip conflict: an offer names its own accelerator; give one of them.");
        }

        if (a.Value(O.MaxTpot) is { } maxTpot)
        {
            return Search(a, catalog, model, maxTpot, notes);
        }

        if (a.Has(O.MaxTtft))
        {
            throw Guard.Fail(O.MaxTtft.Name, "given with --max-tpot (a search under latency targets)", a.Given(O.MaxTtft));
        }

        Accelerator chip;
        Sourced<MoneyRate>? price = null;
        if (a.Text(O.Offer) is { } offerId)
        {
            CloudOffer offer = MachineFlags.Lookup(() => catalog.Offer(offerId), O.Offer.Name);
            chip = catalog.Accelerator(offer.AcceleratorId);
            price = new Sourced<MoneyRate>(offer.PricePerChipHour, new Provenance(offer.Id, "usdPerHour / chipsPerMachine", offer.Source, offer.Date));
        }
        else if (a.Text(O.Chip) is { } chipId)
        {
            chip = MachineFlags.Lookup(() => catalog.Accelerator(chipId), O.Chip.Name);
        }
        else
        {
            throw Guard.Fail("--offer or --chip", "given (the accelerator)", "neither", "e.g. --chip h100-sxm");
        }

        var inHouseSteps = new List<Derivation>();
        if (a.Value(O.PurchasePrice) is { } purchase)
        {
            if (a.Has(O.PricePerChipHour) || a.Has(O.Offer))
            {
                throw Guard.Fail(O.PurchasePrice.Name, "given with --chip alone (an owned chip: its own price per hour; not an offer's or --price-per-chip-hour)", a.Given(O.PurchasePrice));
            }

            Sourced<Power> power = a.Value(O.Power) is { } w ? w : MachineFlags.Renamed(() => chip.PowerSourced, "power", O.Power.Name);
            var (rate, how) = InHouseCost.PerChipHour(purchase, a.Value(O.Lifetime, Duration.FromYears(InHouseCost.DefaultLifetimeYears)), power,
                a.Value(O.Pue, InHouseCost.DefaultPue), a.Value(O.ElectricityPrice, ScenarioContext.Article.InHouse.Electricity));
            price = rate;
            inHouseSteps.Add(how);
            notes.Add($"In-house: {NumberFormat.Usd(rate.UsdPerHour)} per chip-hour, depreciation and energy (eq. 16 per hour); the chips are paid for busy or idle.");
        }
        else if (O.InHouseOnly.FirstOrDefault(a.Has) is { } stray)
        {
            throw Guard.Fail(stray.Name, "given with --purchase-price (an owned chip's cost per hour)", a.Given(stray));
        }

        if (a.Value(O.PricePerChipHour) is { } given)
        {
            if (price is not null)
            {
                notes.Add($"{a.Given(O.PricePerChipHour)} replaces {a.Text(O.Offer)}'s price per chip-hour.");
            }

            price = given;
        }

        Precision weights = CatalogNames.PrecisionOf(a.Choice(O.ServePrecision));
        Precision? kv = a.Has(O.KvPrecision) ? CatalogNames.PrecisionOf(a.Choice(O.KvPrecision)) : null;
        Precision? compute = a.Has(O.ComputePrecision) ? CatalogNames.PrecisionOf(a.Choice(O.ComputePrecision)) : null;
        IReadOnlyList<long> batches = Sweep.Integers(a.Text(O.ServeBatch) ?? "1", O.ServeBatch.Name, 1, 1_000_000);
        int chips = (int)a.Value(O.ServeChips, 1);
        int input = (int)a.Required(O.InputTokens, "prompt tokens per request");
        int output = (int)a.Required(O.OutputTokens, "generated tokens per request");
        ServingAssumptions assumptions = Assumptions(a);

        ServingSetup At(long batch) => Named(() => ServingSetups.For(model, chip, chips, weights, kv, compute, (int)batch, input, output, price, assumptions),
            compute is null ? "--precision" : "--compute-precision");

        ServingSetup first = At(batches[0]);
        string what = $"{model.Id} on {chips} × {chip.Id}, {CatalogNames.Of(weights)} weights, {CatalogNames.Of(first.KvCache)} KV cache, {NumberFormat.Integer(input)} in / {NumberFormat.Integer(output)} out";
        if (batches.Count == 1)
        {
            CommandResult single = Single(first, what, notes);
            return single with { Derivations = new Deferred<Derivation>(() => [.. inHouseSteps, .. single.Derivations]) };
        }

        return Frontier([.. batches.Select(At)], what, notes);
    }

    /// <summary>
    /// The model: --model (a catalog model with an architecture), or --params with --layers, --hidden and --heads (and --kv-heads,
    /// --head-dim, --active-params) for one outside the catalog; not both.
    /// </summary>
    internal static ServedModel Served(Args a, LlmCatalog catalog, string command)
    {
        Opt[] shapeFlags = [O.Layers, O.Hidden, O.Heads, O.KvHeads, O.HeadDim];
        if (a.Has(O.Model))
        {
            if (new Opt[] { O.Params, O.ActiveParams }.Concat(shapeFlags).FirstOrDefault(a.Has) is { } stray)
            {
                throw Guard.Fail(stray.Name, "left out with --model (the catalog's architecture and counts are used)", a.Given(stray));
            }

            ModelFlags.Architecture(a, catalog, $"{command} (its layers, heads and KV heads)");
            return ServedModel.Of(ModelFlags.Model(a, catalog)!);
        }

        if (a.Value(O.Params) is not { } n)
        {
            throw Guard.Fail("--model or --params", $"given (a catalog model, or --params with --layers, --hidden and --heads)", "neither", "e.g. --model llama-3.1-70b");
        }

        long Need(ValueOpt<long> o) => a.Value(o) ?? throw Guard.Fail(o.Name, $"given with --params (the attention shape {command} reads)", "nothing", $"e.g. {o.Name} {o.Example}");
        int? Maybe(ValueOpt<long> o) => a.Value(o) is { } v ? (int)v : null;
        return MachineFlags.Renamed(() => ServedModel.Given(n, a.Value(O.ActiveParams), (int)Need(O.Layers), (int)Need(O.Hidden), (int)Need(O.Heads), Maybe(O.KvHeads), Maybe(O.HeadDim)),
            Flags);
    }

    internal static ServingAssumptions Assumptions(Args a)
    {
        var d = ServingAssumptions.Default;
        return new ServingAssumptions(
            a.Value(O.ComputeEfficiency)?.Fraction ?? d.ComputeEfficiency, a.Value(O.MemoryEfficiency)?.Fraction ?? d.MemoryEfficiency,
            a.Value(O.AllReduceLatency)?.Seconds ?? d.AllReduceLatencySeconds, a.Value(O.StepOverhead)?.Seconds ?? d.StepOverheadSeconds,
            a.Value(O.UsableMemory)?.Fraction ?? d.UsableMemoryFraction, a.Value(O.MoeImbalance) ?? d.MoeImbalance);
    }

    /// <summary>--max-tpot: the cheapest configuration over offers, precisions, chip counts and batches that meets the targets.</summary>
    private static CommandResult Search(Args a, LlmCatalog catalog, ServedModel model, Duration maxTpot, List<string> notes)
    {
        if (a.Has(O.PricePerChipHour))
        {
            throw Guard.Fail(O.PricePerChipHour.Name, "left out with --max-tpot (the search prices each catalog offer)", a.Given(O.PricePerChipHour));
        }

        int input = (int)a.Required(O.InputTokens, "prompt tokens per request");
        int output = (int)a.Required(O.OutputTokens, "generated tokens per request");
        Duration? maxTtft = a.Value(O.MaxTtft);
        var (found, search) = Candidates(a, catalog, model, maxTpot, maxTtft, input, output);
        if (found.Count == 0)
        {
            IReadOnlyList<ServingCandidate> any = search(Duration.FromSeconds(3600), null);
            string fastest = any.Count == 0 ? "no configuration tried fits the model in memory"
                : $"the fastest configuration tried reaches a TPOT of {NumberFormat.Compact(any.Min(x => x.Point.TpotSeconds) * 1000)} ms and a TTFT of {NumberFormat.Compact(any.Min(x => x.Point.PrefillSeconds) * 1000)} ms";
            throw Guard.Fail(maxTtft is null ? O.MaxTpot.Name : "--max-tpot and --max-ttft", "a target that some offer, precision, chip count and batch meets", a.Given(O.MaxTpot) + (maxTtft is null ? "" : " " + a.Given(O.MaxTtft)), fastest);
        }

        ServingCandidate[] top = [.. found.Take(10)];
        Sheet sheet = Sheet.Table("search", $"Cheapest ways to serve {model.Id} at TPOT ≤ {NumberFormat.Compact(maxTpot.Seconds * 1000)} ms" + (maxTtft is { } t ? $", TTFT ≤ {NumberFormat.Compact(t.Seconds * 1000)} ms" : ""), top,
            (new Column("offer", "Offer", Kind.Text), x => x.Offer.Id),
            (new Column("chip", "Chip", Kind.Text, Audience: Audience.Programs), x => x.Setup.Chip.Id),
            (new Column("chips", "P", Kind.Integer, "chips"), x => (double)x.Setup.Chips),
            (new Column("precision", "Prec.", Kind.Text), x => CatalogNames.Of(x.Setup.Weights)),
            (new Column("batch", "B", Kind.Integer, "sequences"), x => (double)x.Setup.Batch),
            (new Column("ttftSeconds", "TTFT", Kind.Number, "s"), x => x.Point.PrefillSeconds),
            (new Column("tpotSeconds", "TPOT", Kind.Number, "s"), x => x.Point.TpotSeconds),
            (new Column("tokensPerSecondPerChip", "Per chip", Kind.Number, "tokens/s"), x => x.Point.TokensPerSecondPerChip),
            (new Column("costPer1MInputTokensUsd", "$/1M in", Kind.Usd, Audience: Audience.Programs), x => x.Point.CostPerMillionInputUsd),
            (new Column("costPer1MOutputTokensUsd", "$/1M out", Kind.Usd), x => x.Point.CostPerMillionOutputUsd),
            (new Column("costPer1kRequestsUsd", "$/1K req", Kind.Usd), x => x.CostPerRequestUsd * 1000));
        ServingCandidate w = top[0];
        notes.Add($"Cheapest: {w.Offer.Id}, {NumberFormat.Integer(w.Setup.Chips)} × {w.Setup.Chip.Id} at {CatalogNames.Of(w.Setup.Weights)}, batch {NumberFormat.Integer(w.Setup.Batch)}: {NumberFormat.Usd(w.Point.CostPerMillionOutputUsd)} per 1M output tokens, TPOT {NumberFormat.Compact(w.Point.TpotSeconds * 1000)} ms.");
        notes.Add($"{NumberFormat.Integer(found.Count)} configurations (offer, precision, chips) meet the targets, each at its cheapest batch; the {top.Length} cheapest are shown, ranked by cost per request (I × $/1M in + O × $/1M out; shown per 1K requests). Tensor parallelism stays within one machine of an offer (at most its chips per machine).");
        return new CommandResult("Serving search", [sheet], notes, new Deferred<Derivation>(() => ServingModel.Explain(w.Setup).Steps));
    }

    /// <summary>
    /// The configurations meeting the targets over the offers --offer or --chip allow (every catalog offer otherwise), --precision
    /// (else BF16, FP8, FP4), --chips (else 1–64) and --batch (else 1–4,096), and the search itself to run with other targets.
    /// </summary>
    internal static (IReadOnlyList<ServingCandidate> Found, Func<Duration, Duration?, IReadOnlyList<ServingCandidate>> Search) Candidates(
        Args a, LlmCatalog catalog, ServedModel model, Duration maxTpot, Duration? maxTtft, int input, int output)
    {
        IEnumerable<CloudOffer> offers = catalog.Offers;
        if (a.Text(O.Offer) is { } offerId)
        {
            offers = [MachineFlags.Lookup(() => catalog.Offer(offerId), O.Offer.Name)];
        }
        else if (a.Text(O.Chip) is { } chipId)
        {
            Accelerator only = MachineFlags.Lookup(() => catalog.Accelerator(chipId), O.Chip.Name);
            offers = catalog.Offers.Where(o => o.AcceleratorId == only.Id);
        }

        (CloudOffer, Accelerator)[] pairs = [.. offers.Select(o => (o, catalog.Accelerator(o.AcceleratorId)))];
        if (pairs.Length == 0)
        {
            throw Guard.Fail(O.Chip.Name, "an accelerator some catalog offer rents", a.Text(O.Chip)!, "llmecon catalog list --section offers");
        }

        IReadOnlyList<int> chips = a.Value(O.ServeChips) is { } c ? [(int)c] : ServingSearch.DefaultChipCounts;
        IReadOnlyList<int> batches = a.Text(O.ServeBatch) is { } b ? [.. Sweep.Integers(b, O.ServeBatch.Name, 1, 1_000_000).Select(x => (int)x)] : ServingSearch.DefaultBatches;
        IReadOnlyList<Precision> precisions = a.Has(O.ServePrecision) ? [CatalogNames.PrecisionOf(a.Choice(O.ServePrecision))] : ServingSearch.DefaultPrecisions;
        ServingAssumptions assumptions = Assumptions(a);
        IReadOnlyList<ServingCandidate> Run(Duration tpot, Duration? ttft) =>
            Named(() => ServingSearch.Cheapest(model, pairs, chips, batches, precisions, input, output, tpot, ttft, assumptions), "--precision");
        return (Run(maxTpot, maxTtft), Run);
    }

    private static CommandResult Single(ServingSetup s, string what, List<string> notes)
    {
        ServingResult r = Named(() => ServingModel.Checked(s), "--precision");
        ServingPoint p = r.Point;
        if (!p.Fits)
        {
            throw p.MaxBatch > 0
                ? Guard.Fail("--batch", $"at most {NumberFormat.Integer(p.MaxBatch)} here (the batch's KV cache must fit beside the weights in {NumberFormat.Percent(s.Assumptions.UsableMemoryFraction, 0)} of each chip's memory)", NumberFormat.Integer(s.Batch))
                : TooFewChips(s);
        }

        Sheet sheet = Sheet.Record("serve", "Serving " + what)
            .Add("batch", "Batch B", Kind.Integer, (double)s.Batch, "sequences")
            .Add("ttftSeconds", "Time to first token (prefill)", Kind.Number, p.PrefillSeconds, "s")
            .Add("prefillBound", "Prefill bound by", Kind.Text, p.PrefillBound.ToString().ToLowerInvariant())
            .Add("decodeStepSeconds", "Decode step", Kind.Number, p.DecodeStepSeconds, "s")
            .Add("decodeBound", "Decode bound by", Kind.Text, p.DecodeBound.ToString().ToLowerInvariant())
            .Add("allReduceSecondsPerStep", "All-reduces per decode step", Kind.Number, p.AllReduceSeconds, "s")
            .Add("tpotSeconds", "Time per output token (TPOT)", Kind.Number, p.TpotSeconds, "s")
            .Add("endToEndSeconds", "End-to-end latency", Kind.Number, p.EndToEndSeconds, "s")
            .Add("tokensPerSecondPerUser", "Output tokens/s per user", Kind.Number, p.TokensPerSecondPerUser, "tokens/s")
            .Add("tokensPerSecondPerChip", "Output tokens/s per chip", Kind.Number, p.TokensPerSecondPerChip, "tokens/s")
            .Add("decodeMfu", "Decode MFU", Kind.Fraction, p.DecodeMfu)
            .Add("decodeMbu", "Decode memory-bandwidth use", Kind.Fraction, p.DecodeMbu)
            .Add("mfu", "MFU, prefill and decode", Kind.Fraction, p.Mfu)
            .Add("computeBoundFromBatch", "Decode compute-bound from batch", Kind.Number, double.IsInfinity(p.ComputeBoundBatch) ? null : p.ComputeBoundBatch, "sequences")
            .Add("memoryPerChipBytes", "Memory per chip needed", Kind.Number, p.MemoryPerChipBytes, "bytes")
            .Add("maxBatch", "Largest batch that fits", Kind.Integer, (double)p.MaxBatch, "sequences")
            .Add("costPer1MInputTokensUsd", "Cost per 1M input tokens", Kind.Usd, double.IsNaN(p.CostPerMillionInputUsd) ? null : p.CostPerMillionInputUsd, "USD")
            .Add("costPer1MOutputTokensUsd", "Cost per 1M output tokens", Kind.Usd, double.IsNaN(p.CostPerMillionOutputUsd) ? null : p.CostPerMillionOutputUsd, "USD");
        notes.Add(Why(p, s.Batch));
        notes.Add("TPOT = a decode step at the mean context I + (O − 1)/2 plus the other requests' prefills it waits for ((B − 1)/O of one); tokens/s per chip = B × O / (B × t_prefill + O × t_step) / P.");
        if (double.IsNaN(p.CostPerMillionOutputUsd))
        {
            notes.Add("No price: give --offer or --price-per-chip-hour for the cost per 1M tokens.");
        }

        return new CommandResult("Serving cost", [sheet], notes, new Deferred<Derivation>(() => ServingModel.Explain(s).Steps));
    }

    private static CommandResult Frontier(IReadOnlyList<ServingSetup> setups, string what, List<string> notes)
    {
        var points = setups.Select(s => (Setup: s, Point: Named(() => ServingModel.Evaluate(s), "--precision"))).ToList();
        var fitting = points.Where(x => x.Point.Fits).ToList();
        if (fitting.Count == 0)
        {
            ServingPoint p0 = points[0].Point;
            throw p0.MaxBatch > 0
                ? Guard.Fail("--batch", $"at least one batch of at most {NumberFormat.Integer(p0.MaxBatch)} (what fits)", string.Join(",", setups.Select(s => s.Batch)))
                : TooFewChips(setups[0]);
        }

        Sheet sheet = Sheet.Table("frontier", "Latency–cost frontier: " + what, fitting,
            (new Column("batch", "B", Kind.Integer, "sequences"), x => (double)x.Setup.Batch),
            (new Column("ttftSeconds", "TTFT", Kind.Number, "s"), x => x.Point.PrefillSeconds),
            (new Column("tpotSeconds", "TPOT", Kind.Number, "s"), x => x.Point.TpotSeconds),
            (new Column("tokensPerSecondPerUser", "Per user", Kind.Number, "tokens/s"), x => x.Point.TokensPerSecondPerUser),
            (new Column("tokensPerSecondPerChip", "Per chip", Kind.Number, "tokens/s"), x => x.Point.TokensPerSecondPerChip),
            (new Column("decodeBound", "Decode", Kind.Text), x => x.Point.DecodeBound.ToString().ToLowerInvariant()),
            (new Column("decodeMfu", "MFU", Kind.Fraction), x => x.Point.DecodeMfu),
            (new Column("decodeMbu", "MBU", Kind.Fraction), x => x.Point.DecodeMbu),
            (new Column("mfu", "MFU all", Kind.Fraction), x => x.Point.Mfu),
            (new Column("costPer1MInputTokensUsd", "$/1M in", Kind.Usd), x => double.IsNaN(x.Point.CostPerMillionInputUsd) ? null : x.Point.CostPerMillionInputUsd),
            (new Column("costPer1MOutputTokensUsd", "$/1M out", Kind.Usd), x => double.IsNaN(x.Point.CostPerMillionOutputUsd) ? null : x.Point.CostPerMillionOutputUsd));
        long[] left = [.. points.Where(x => !x.Point.Fits).Select(x => (long)x.Setup.Batch)];
        if (left.Length > 0)
        {
            string which = left.Length <= 8 ? "batch " + string.Join(", ", left.Select(b => NumberFormat.Integer(b)))
                : $"{NumberFormat.Integer(left.Length)} batches from {NumberFormat.Integer(left.Min())} to {NumberFormat.Integer(left.Max())}";
            notes.Add($"Left out, not fitting in memory: {which} (at most {NumberFormat.Integer(points[0].Point.MaxBatch)} fits).");
        }

        var turn = fitting.FirstOrDefault(x => x.Point.DecodeBound == Bound.Compute);
        notes.Add(turn.Setup is null
            ? $"Decode stays memory-bound over these batches{(double.IsInfinity(fitting[^1].Point.ComputeBoundBatch) ? " (and at any batch: each sequence's KV read outweighs its arithmetic)" : $"; it turns compute-bound from batch {NumberFormat.Integer(fitting[^1].Point.ComputeBoundBatch)}")}."
            : $"Decode turns compute-bound at batch {NumberFormat.Integer(turn.Setup.Batch)} (from {NumberFormat.Integer(turn.Point.ComputeBoundBatch)} by eq. 37).");
        notes.Add("TTFT, TPOT: seconds; per user = 1 / TPOT; per chip: output tokens/s; MFU and MBU: decode's share of peak FLOP/s and of memory bandwidth; MFU all: prefill and decode together (eq. 37); $/1M: prefill priced to input tokens, decode to output tokens (eq. 38).");
        ServingSetup shown = fitting[^1].Setup;
        notes.Add($"--explain derives batch {NumberFormat.Integer(shown.Batch)}, the largest shown; `serve --batch B --explain` derives any other.");
        return new CommandResult("Serving frontier", [sheet], notes, new Deferred<Derivation>(() => ServingModel.Explain(shown).Steps));
    }

    /// <summary>The weights do not fit: the fewest chips that would hold them (before any KV cache).</summary>
    private static InputException TooFewChips(ServingSetup s)
    {
        double weights = s.Parameters.Value.Count * Memory.MemoryModel.BytesPerWeight(s.Weights);
        double usable = s.Assumptions.UsableMemoryFraction * s.Chip.Memory.Value.Bytes;
        long need = (long)Math.Ceiling(weights / usable);
        return Guard.Fail("--chips", $"at least {NumberFormat.Integer(need)} to hold {NumberFormat.Compact(weights / 1e9)} GB of {CatalogNames.Of(s.Weights)} weights in {NumberFormat.Percent(s.Assumptions.UsableMemoryFraction, 0)} of {s.Chip.Id}'s {NumberFormat.Compact(s.Chip.Memory.Value.Gigabytes)} GB each",
            NumberFormat.Integer(s.Chips), "or lower --precision");
    }

    private static string Why(ServingPoint p, int batch) => p.DecodeBound == Bound.Memory
        ? $"Decode is memory-bound at batch {NumberFormat.Integer(batch)}: each step streams the weights ({p.WeightBytesRead / 1e9:0.##} GB in all) and the batch's KV cache, so a larger batch shares that read{(double.IsInfinity(p.ComputeBoundBatch) ? "; the KV cache keeps it memory-bound at any batch" : $" until batch {NumberFormat.Integer(p.ComputeBoundBatch)}, where it turns compute-bound")}; decode MFU is {NumberFormat.Percent(p.DecodeMfu)}."
        : $"Decode is compute-bound at batch {NumberFormat.Integer(batch)} (from {NumberFormat.Integer(p.ComputeBoundBatch)}): a larger batch no longer shares a fixed read, it adds arithmetic; decode MFU is {NumberFormat.Percent(p.DecodeMfu)}.";

    /// <summary>Runs a library call, naming the flag instead of the library's parameter in its error.</summary>
    internal static T Named<T>(Func<T> run, string precisionFlag) =>
        MachineFlags.Renamed(run, precisionFlag == O.ComputePrecision.Name ? ComputeFlags : PrecisionFlags);

    private static readonly IReadOnlyDictionary<string, string> PrecisionFlags = WithPrecision(O.ServePrecision.Name);

    private static readonly IReadOnlyDictionary<string, string> ComputeFlags = WithPrecision(O.ComputePrecision.Name);

    private static Dictionary<string, string> WithPrecision(string flag) => new(Flags, StringComparer.Ordinal) { ["computePrecision"] = flag };
}
