using LlmEcon.Catalog;
using LlmEcon.Cli.Options;
using LlmEcon.Cli.Output;
using LlmEcon.Derivations;
using LlmEcon.Memory;
using LlmEcon.Quantities;

namespace LlmEcon.Cli.Commands;

/// <summary><c>llmecon memory</c>: eq. 18.</summary>
internal sealed class MemoryCommand : LlmEconCommand
{
    /// <inheritdoc/>
    public override string Path => "memory";

    /// <inheritdoc/>
    public override string Summary => "Training memory (eq. 18: bytes per parameter, 20 for mixed-precision Adam) and the minimum chips to hold it.";

    /// <inheritdoc/>
    public override IReadOnlyList<Opt> OwnOptions => [O.Params, O.Model, O.BytesPerParam, O.Chip, O.ChipMemory];

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
}
