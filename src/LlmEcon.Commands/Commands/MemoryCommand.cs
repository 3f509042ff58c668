using LlmEcon.Catalog;
using LlmEcon.Cli.Options;
using LlmEcon.Cli.Output;
using LlmEcon.Derivations;
using LlmEcon.Memory;
using LlmEcon.Models;
using LlmEcon.Quantities;

namespace LlmEcon.Cli.Commands;

/// <summary><c>llmecon memory</c>: eq. 18.</summary>
internal sealed class MemoryCommand : LlmEconCommand
{
    /// <inheritdoc/>
    public override string Path => "memory";

    /// <inheritdoc/>
    public override string Summary => "Training memory (eq. 18: bytes per parameter, 20 for mixed-precision Adam), or with --serving the weights plus the KV cache (eq. 28), and the minimum chips to hold it.";

    /// <inheritdoc/>
    public override IReadOnlyList<Opt> OwnOptions =>
        [O.Params, O.Model, O.BytesPerParam, O.Zero, O.DataParallel, O.Sequence, O.MicroBatch, O.Recompute, O.Serving, O.WeightsPrecision, O.KvPrecision, O.Batch, O.KvContext, O.Chip, O.ChipMemory];

    /// <inheritdoc/>
    public override IReadOnlyList<string[]> Examples => [["--params", "175B", "--chip", "h100-sxm"], ["--model", "palm", "--chip-memory", "80GiB"]];

    /// <inheritdoc/>
    protected override CommandResult Build(Args a, LlmCatalog catalog, Io io)
    {
        var notes = new List<string>();
        Sourced<ParameterCount> sourced = ModelFlags.Parameters(a, catalog, notes);
        ParameterCount n = sourced.Value;
        double bytesPer = a.Value(O.BytesPerParam, MemoryModel.DefaultTrainingBytesPerParameter);
        Accelerator? chip = a.Text(O.Chip) is { } id ? MachineFlags.Lookup(() => catalog.Accelerator(id), O.Chip.Name) : null;
        Sourced<ByteSize>? chipMemory = a.Value(O.ChipMemory) is { } given ? given : chip?.MemorySourced;
        if (chip is not null && a.Has(O.ChipMemory))
        {
            notes.Add($"{a.Given(O.ChipMemory)} replaces {chip.Id}'s {chip.Memory}.");
        }

        if (a.Switch(O.Serving))
        {
            if (a.Has(O.Zero) || a.Has(O.DataParallel))
            {
                throw Guard.Fail(a.Has(O.Zero) ? O.Zero.Name : O.DataParallel.Name, "left out with --serving (ZeRO partitions training state)", a.Given(a.Has(O.Zero) ? O.Zero : O.DataParallel));
            }

            return Serving(a, catalog, sourced, chipMemory, notes);
        }

        if (a.Value(O.Zero) is { } stage)
        {
            return Sharded(a, catalog, sourced, (int)stage, chipMemory, notes);
        }

        foreach (Opt zeroOnly in new Opt[] { O.DataParallel, O.Sequence, O.MicroBatch, O.Recompute }.Where(a.Has))
        {
            throw Guard.Fail(zeroOnly.Name, "given with --zero (per-chip training memory)", a.Given(zeroOnly));
        }

        foreach (Opt servingOnly in new Opt[] { O.WeightsPrecision, O.KvPrecision, O.Batch, O.KvContext }.Where(a.Has))
        {
            throw Guard.Fail(servingOnly.Name, "given with --serving (training memory has no KV cache)", a.Given(servingOnly));
        }

        MemoryResult r = MemoryModel.Training(sourced, bytesPer, chipMemory);
        Sheet sheet = Sheet.Record("memory", $"Training memory of {NumberFormat.Count(n.Count)} parameters")
            .Add("parameters", "Parameters N", Kind.Count, n.Count, "parameters")
            .Add("bytesPerParameter", "Bytes per parameter", Kind.Number, bytesPer, "bytes")
            .Add("bytes", "Training state", Kind.Number, r.Bytes.Bytes, "bytes")
            .Add("gigabytes", "Training state", Kind.Number, r.Bytes.Gigabytes, "GB")
            .Add("chipMemoryBytes", "Memory per chip", Kind.Number, r.ChipMemory?.Bytes, "bytes")
            .Add("exactChips", "Chips to hold it, exact", Kind.Number, r.ExactChips, "chips")
            .Add("minimumChips", "Minimum chips", Kind.Integer, r.MinimumChips is { } m ? (double)m : null, "chips");
        return CommandResult.Of("Training memory", sheet, r.Steps, notes);
    }

    private static CommandResult Sharded(Args a, LlmCatalog catalog, Sourced<ParameterCount> n, int stage, Sourced<ByteSize>? chipMemory, List<string> notes)
    {
        if (a.Has(O.BytesPerParam))
        {
            throw Guard.Fail(O.BytesPerParam.Name, "left out with --zero (ZeRO counts 2 + 2 + 12 bytes per parameter)", a.Given(O.BytesPerParam));
        }

        int ranks = (int)(a.Value(O.DataParallel) ?? 1);
        Derivation? activations = null;
        if (a.Value(O.Sequence) is { } sequence)
        {
            Transformer shape = ModelFlags.Architecture(a, catalog, "--sequence (its layers, width and heads)");
            Recompute mode = Enum.Parse<Recompute>(a.Choice(O.Recompute), ignoreCase: true);
            activations = MemoryModel.Activations(shape, (int)sequence, (int)(a.Value(O.MicroBatch) ?? 1), mode);
        }
        else if (a.Has(O.MicroBatch) || a.Has(O.Recompute))
        {
            Opt stray = a.Has(O.MicroBatch) ? O.MicroBatch : O.Recompute;
            throw Guard.Fail(stray.Name, "given with --sequence (the activations of a micro-batch)", a.Given(stray));
        }

        ShardedMemory r = MemoryModel.TrainingSharded(n, stage, ranks, chipMemory, activations);
        Sheet sheet = Sheet.Record("memory", $"Training state per chip, ZeRO stage {stage} over {NumberFormat.Integer(ranks)} ranks")
            .Add("parameters", "Parameters N", Kind.Count, n.Value.Count, "parameters")
            .Add("zeroStage", "ZeRO stage", Kind.Integer, (double)stage)
            .Add("dataParallel", "Data-parallel ranks", Kind.Integer, (double)ranks, "ranks")
            .Add("stateBytesPerChip", "Training state per chip", Kind.Number, r.State.Bytes, "bytes")
            .Add("activationBytes", "Activations of a micro-batch", Kind.Number, r.Activations?.Bytes, "bytes")
            .Add("bytesPerChip", "Memory per chip needed", Kind.Number, r.PerChip.Bytes, "bytes")
            .Add("gigabytesPerChip", "Memory per chip needed", Kind.Number, r.PerChip.Gigabytes, "GB")
            .Add("chipMemoryBytes", "Memory per chip", Kind.Number, r.ChipMemory?.Bytes, "bytes")
            .Add("shareOfChip", "Share of the chip's memory", Kind.Fraction, r.ShareOfChip);
        notes.Add(activations is null
            ? "Weights, gradients and optimizer state only: --sequence (with --model) adds the activations."
            : "Weights, gradients and optimizer state, and the activations of one micro-batch (no tensor or sequence parallelism).");
        if (r.ShareOfChip is > 1)
        {
            string state = stage < 3 ? "raise --data-parallel or the ZeRO stage" : "raise --data-parallel";
            notes.Add(activations is null ? $"It does not fit: {state}." : $"It does not fit: {state} (the state), or recompute more or shorten the micro-batch (the activations).");
        }

        return CommandResult.Of("Training memory, ZeRO", sheet, r.Steps, notes);
    }

    private static CommandResult Serving(Args a, LlmCatalog catalog, Sourced<ParameterCount> n, Sourced<ByteSize>? chipMemory, List<string> notes)
    {
        if (a.Has(O.BytesPerParam))
        {
            throw Guard.Fail(O.BytesPerParam.Name, "left out with --serving (the weights' bytes follow --weights-precision)", a.Given(O.BytesPerParam));
        }

        Transformer shape = ModelFlags.Architecture(a, catalog, "--serving (its KV cache per token)");
        ModelCard model = ModelFlags.Model(a, catalog)!; // Architecture refused a missing --model

        Precision weights = CatalogNames.PrecisionOf(a.Choice(O.WeightsPrecision));
        Precision kv = a.Has(O.KvPrecision) ? CatalogNames.PrecisionOf(a.Choice(O.KvPrecision)) : weights;
        int batch = (int)(a.Value(O.Batch) ?? 1);
        int context = a.Value(O.KvContext) is { } t ? (int)t : shape.MaxContext;
        if (!a.Has(O.KvContext))
        {
            notes.Add($"Context {NumberFormat.Integer(context)} tokens: {model.Id}'s maximum (--context for another).");
        }

        MemoryResult r = MemoryModel.Serving(n, shape, weights, kv, batch, context, chipMemory);
        Sheet sheet = Sheet.Record("memory", $"Serving memory of {model.Id}, {NumberFormat.Integer(batch)} × {NumberFormat.Integer(context)} tokens")
            .Add("parameters", "Parameters N (all are held)", Kind.Count, n.Value.Count, "parameters")
            .Add("weightsPrecision", "Weights at", Kind.Text, CatalogNames.Of(weights))
            .Add("weightsBytes", "Weights", Kind.Number, r.Steps[0].Value, "bytes")
            .Add("kvPrecision", "KV cache at", Kind.Text, CatalogNames.Of(kv))
            .Add("kvBytesPerToken", "KV cache per token", Kind.Integer, shape.KvCacheBytesPerToken(kv).Value, "bytes")
            .Add("batch", "Sequences B", Kind.Integer, (double)batch, "sequences")
            .Add("context", "Tokens per sequence T", Kind.Integer, (double)context, "tokens")
            .Add("kvBytes", "KV cache", Kind.Number, r.Steps[1].Value, "bytes")
            .Add("bytes", "Serving memory", Kind.Number, r.Bytes.Bytes, "bytes")
            .Add("gigabytes", "Serving memory", Kind.Number, r.Bytes.Gigabytes, "GB")
            .Add("chipMemoryBytes", "Memory per chip", Kind.Number, r.ChipMemory?.Bytes, "bytes")
            .Add("exactChips", "Chips to hold it, exact", Kind.Number, r.ExactChips, "chips")
            .Add("minimumChips", "Minimum chips", Kind.Integer, r.MinimumChips is { } m ? (double)m : null, "chips");
        notes.Add("Activations and the runtime's workspace are not included.");
        return CommandResult.Of("Serving memory", sheet, r.Steps, notes);
    }
}
