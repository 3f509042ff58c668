using LlmEcon.Catalog;
using LlmEcon.Cli.Options;
using LlmEcon.Cli.Output;
using LlmEcon.Costs;
using LlmEcon.Quantities;

namespace LlmEcon.Cli.Commands;

/// <summary><c>llmecon inference</c>: eq. 7.</summary>
internal sealed class InferenceCommand : LlmEconCommand
{
    /// <inheritdoc/>
    public override string Path => "inference";

    /// <inheritdoc/>
    public override string Summary => "Cloud inference cost per 1000 and per 1M tokens (eq. 7) on a catalog offer or a machine you describe.";

    /// <inheritdoc/>
    public override IReadOnlyList<Opt> OwnOptions => [O.Params, O.ActiveParams, O.Model, O.Mfu, .. MachineFlags.Options];

    /// <inheritdoc/>
    public override IReadOnlyList<string[]> Examples =>
    [
        ["--params", "175B", "--offer", "aws-p4d-1yr", "--mfu", "21.3%"],
        ["--params", "70B", "--chip", "h100-sxm", "--chips-per-machine", "8", "--machine-price-per-hour", "$98.32", "--mfu", "40%"],
    ];

    /// <inheritdoc/>
    internal override Scenarios.IModel? Kernel(Args a, LlmCatalog catalog, IReadOnlyList<string> flags, IReadOnlyDictionary<string, double> at) =>
        Kernels.Inference(a, flags, at);

    /// <inheritdoc/>
    protected override CommandResult Build(Args a, LlmCatalog catalog, Io io)
    {
        var notes = new List<string>();
        var (n, active) = ModelFlags.WorkParameters(a, catalog, notes);
        Ratio mfu = a.Required(O.Mfu, "model FLOPs utilization");
        var (m, machineNotes) = MachineFlags.From(a, catalog);
        notes.AddRange(machineNotes);
        InferenceCostResult r = InferenceCost.Per1kTokens(new InferenceCostInputs(n, m.ChipsPerMachine, m.Peak, mfu, m.Price));
        Sheet sheet = Sheet.Record("inference", $"Inference cost, {NumberFormat.Count(n.Value.Count)} parameters on {m.Name}")
            .Add("parameters", active ? "Active parameters N (per token)" : "Parameters N", Kind.Count, n.Value.Count, "parameters")
            .Add("chipsPerMachine", "Chips per machine", Kind.Integer, (double)m.ChipsPerMachine.Value, "chips")
            .Add("peakFlopPerSecondPerChip", "Peak per chip", Kind.Number, m.Peak.Value.FlopPerSecond, "FLOP/s")
            .Add("mfu", "MFU", Kind.Fraction, mfu.Fraction)
            .Add("machinePricePerHourUsd", "Price per machine-hour", Kind.Usd, m.Price.Value.UsdPerHour, "USD/h")
            .Add("flopPer1kTokens", "Work per 1000 tokens", Kind.Number, r.FlopPer1kTokens.Flop, "FLOP")
            .Add("machineSecondsPer1kTokens", "Machine time per 1000 tokens", Kind.Number, r.MachineSecondsPer1kTokens.Seconds, "s")
            .Add("costPer1kTokensUsd", "Cost per 1000 tokens", Kind.Usd, r.Cost.UsdPer1kTokens, "USD/1K tokens")
            .Add("costPer1MTokensUsd", "Cost per 1M tokens", Kind.Usd, r.Cost.UsdPer1MTokens, "USD/1M tokens");
        return CommandResult.Of("Inference cost", sheet, [r.Derivation], notes);
    }
}
