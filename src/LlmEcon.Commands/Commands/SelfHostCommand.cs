using LlmEcon.Catalog;
using LlmEcon.Cli.Options;
using LlmEcon.Cli.Output;
using LlmEcon.Quantities;
using LlmEcon.Serving;

namespace LlmEcon.Cli.Commands;

/// <summary><c>llmecon selfhost</c>: the API's monthly bill against self-hosting the model (eqs. 39–41).</summary>
internal sealed class SelfHostCommand : LlmEconCommand
{
    /// <summary>The latency a self-hosted copy must keep when --max-tpot is not given: 50 ms per output token (20 tokens/s per user).</summary>
    private static readonly Duration DefaultMaxTpot = Duration.FromSeconds(0.05);

    /// <inheritdoc/>
    public override string Path => "selfhost";

    /// <inheritdoc/>
    public override string Summary =>
        "API or self-host (eqs. 39–41): a month's bill from a catalog API price against self-hosting the model on the cheapest catalog offer, precision, chip count and batch that carries the peak within a latency target; the utilization that implies and the break-even volume.";

    /// <inheritdoc/>
    public override IReadOnlyList<Opt> OwnOptions =>
    [
        O.Volume, O.InputShare, O.CacheHit, O.PeakToAverage, O.Api, O.Model, O.Params, O.ActiveParams, O.Layers, O.Hidden, O.Heads, O.KvHeads, O.HeadDim, O.Offer, O.Chip, O.ServeChips, O.ServePrecision, O.ServeBatch,
        O.InputTokens, O.MaxTpot, O.MaxTtft, O.ComputeEfficiency, O.MemoryEfficiency, O.AllReduceLatency, O.StepOverhead, O.UsableMemory, O.MoeImbalance,
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<string[]> Examples =>
    [
        ["--volume", "3B/month", "--input-share", "80%", "--cache-hit", "50%", "--peak-to-average", "3", "--api", "openai-gpt-4o-2024-08", "--model", "llama-3.1-70b"],
        ["--volume", "50B", "--input-share", "75%", "--peak-to-average", "2", "--api", "deepseek-v3-2025-02", "--model", "llama-3.1-8b", "--offer", "aws-p5-on-demand"],
    ];

    /// <inheritdoc/>
    protected override CommandResult Build(Args a, LlmCatalog catalog, Io io)
    {
        var notes = new List<string>();
        ServedModel model = ServeCommand.Served(a, catalog, "selfhost");
        string apiId = a.Text(O.Api) ?? throw Guard.Fail(O.Api.Name, "given (the API to compare with, e.g. --api openai-gpt-4o-2024-08)", "nothing");
        ApiPrice api = MachineFlags.Lookup(() => catalog.ApiPrice(apiId), O.Api.Name);
        if (api.Unit != PriceUnit.Tokens)
        {
            throw Guard.Fail(O.Api.Name, "an API priced per token", $"{api.Id}, priced per {NumberFormat.Compact(api.Per)} words");
        }

        var volume = new SelfHostVolume(a.Required(O.Volume, "tokens a month").Count, a.Required(O.InputShare, "the input share of the volume").Fraction,
            a.Value(O.CacheHit)?.Fraction ?? 0, a.Required(O.PeakToAverage, "peak load over average"), (int)a.Value(O.InputTokens, 1000));
        volume = MachineFlags.Renamed(volume.Validated, ServeCommand.Flags);
        Duration maxTpot = a.Value(O.MaxTpot) ?? DefaultMaxTpot;
        if (!a.Has(O.MaxTpot))
        {
            notes.Add("Self-hosting keeps a TPOT of at most 50 ms (20 tokens/s per user), the default: --max-tpot sets another.");
        }

        var (found, _) = ServeCommand.Candidates(a, catalog, model, maxTpot, a.Value(O.MaxTtft), volume.InputTokensPerRequest, volume.OutputTokensPerRequest);
        SelfHostResult r = SelfHost.Compare(volume, api, found);
        SelfHostOption? best = r.Best;
        if (best is null)
        {
            throw Guard.Fail(O.MaxTpot.Name, $"a target some offer, precision, chip count and batch meets for {model.Id}", a.Given(O.MaxTpot) is var g && a.Has(O.MaxTpot) ? g : "50ms (the default)");
        }

        double inputTokens = volume.TokensPerMonth * volume.InputShare, outputTokens = volume.TokensPerMonth - inputTokens;
        ServingCandidate c = best.Candidate;
        Sheet sheet = Sheet.Record("selfhost", $"{api.Id} against self-hosting {model.Id}, {NumberFormat.Count(volume.TokensPerMonth)} tokens a month")
            .Add("tokensPerMonth", "Tokens a month", Kind.Count, volume.TokensPerMonth, "tokens")
            .Add("inputTokensPerMonth", "Input tokens a month", Kind.Count, inputTokens, "tokens")
            .Add("outputTokensPerMonth", "Output tokens a month", Kind.Count, outputTokens, "tokens")
            .Add("apiMonthlyUsd", $"API bill ({api.Id})", Kind.Usd, r.ApiMonthlyUsd, "USD/month")
            .Add("offer", "Self-host on", Kind.Text, c.Offer.Id)
            .Add("chipsPerCopy", "Chips per copy", Kind.Integer, (double)c.Setup.Chips, "chips")
            .Add("precision", "Precision", Kind.Text, CatalogNames.Of(c.Setup.Weights))
            .Add("batch", "Batch per copy", Kind.Integer, (double)c.Setup.Batch, "sequences")
            .Add("tpotSeconds", "TPOT", Kind.Number, c.Point.TpotSeconds, "s")
            .Add("copies", "Copies for the peak", Kind.Integer, (double)best.Copies, "copies")
            .Add("selfHostMonthlyUsd", "Self-hosting", Kind.Usd, best.MonthlyUsd, "USD/month")
            .Add("utilization", "Average load over capacity", Kind.Fraction, best.Utilization)
            .Add("selfHostOverApi", "Self-hosting / API", Kind.Number, best.MonthlyUsd / r.ApiMonthlyUsd, "×")
            .Add("breakEvenTokensPerMonth", "Break-even volume", Kind.Count, r.BreakEvenTokensPerMonth, "tokens/month");
        Sheet options = Sheet.Table("options", "Self-hosting options this month (each at its cheapest batch)", r.Options.Take(8),
            (new Column("offer", "Offer", Kind.Text), o => o.Candidate.Offer.Id),
            (new Column("chips", "P", Kind.Integer, "chips"), o => (double)o.Candidate.Setup.Chips),
            (new Column("precision", "Prec.", Kind.Text), o => CatalogNames.Of(o.Candidate.Setup.Weights)),
            (new Column("batch", "B", Kind.Integer, "sequences"), o => (double)o.Candidate.Setup.Batch),
            (new Column("copies", "Copies", Kind.Integer), o => (double)o.Copies),
            (new Column("monthlyUsd", "USD/month", Kind.Usd), o => o.MonthlyUsd),
            (new Column("utilization", "Load", Kind.Fraction), o => o.Utilization),
            (new Column("breakEvenTokensPerMonth", "Break-even", Kind.Count, "tokens/month"), o => o.BreakEvenTokensPerMonth));
        notes.Add(best.MonthlyUsd < r.ApiMonthlyUsd
            ? $"Self-hosting is cheaper: {NumberFormat.Usd(best.MonthlyUsd)} against {NumberFormat.Usd(r.ApiMonthlyUsd)} a month ({NumberFormat.Percent(1 - best.MonthlyUsd / r.ApiMonthlyUsd)} less), at {NumberFormat.Percent(best.Utilization)} average load."
            : $"The API is cheaper: {NumberFormat.Usd(r.ApiMonthlyUsd)} against {NumberFormat.Usd(best.MonthlyUsd)} a month to self-host at {NumberFormat.Percent(best.Utilization)} average load.");
        notes.Add(r.BreakEvenTokensPerMonth is { } be
            ? $"Self-hosting beats the API from about {NumberFormat.Count(be)} tokens a month (one copy's month over the API's price per token, eq. 41)."
            : "At these prices no configuration beats the API at any volume: a copy at the peak costs more per token than the API.");
        notes.Add($"Requests of {NumberFormat.Integer(volume.InputTokensPerRequest)} input and {NumberFormat.Integer(volume.OutputTokensPerRequest)} output tokens (--input-tokens; output from the input share); copies are sized for {NumberFormat.Compact(volume.PeakToAverage)}× the average output rate and paid for 730.5 h a month; self-hosting is counted without prefix caching, the API's cache hits at its cached price{(api.CachedInputPrice is null ? " (it publishes none: the input price)" : "")}.");
        return new CommandResult("API or self-host", [sheet, options], notes, r.Steps);
    }
}
