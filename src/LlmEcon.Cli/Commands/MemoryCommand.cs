using System.ComponentModel;
using LlmEcon.Catalog;
using LlmEcon.Cli.Output;
using LlmEcon.Derivations;
using LlmEcon.Memory;
using LlmEcon.Quantities;
using Spectre.Console.Cli;

namespace LlmEcon.Cli.Commands;

/// <summary>Flags of <c>llmecon memory</c>.</summary>
internal sealed class MemorySettings : CommonSettings
{
    /// <summary>--params.</summary>
    [CommandOption("--params <N>")]
    [Description("Parameters N, e.g. 175B.")]
    public string? Params { get; init; }

    /// <summary>--model.</summary>
    [CommandOption("--model <ID>")]
    [Description("A model from the catalog; fills --params.")]
    public string? Model { get; init; }

    /// <summary>--bytes-per-param.</summary>
    [CommandOption("--bytes-per-param <B>")]
    [Description("Training bytes per parameter. Default: 20 (mixed-precision Adam: weights, gradients, optimizer states).")]
    public string? BytesPerParam { get; init; }

    /// <summary>--chip.</summary>
    [CommandOption("--chip <ID>")]
    [Description("An accelerator from the catalog: how many of them hold the state.")]
    public string? Chip { get; init; }

    /// <summary>--chip-memory.</summary>
    [CommandOption("--chip-memory <BYTES>")]
    [Description("Memory per chip (overrides --chip's), e.g. 80GB or 80GiB.")]
    public string? ChipMemory { get; init; }
}

/// <summary><c>llmecon memory</c>: eq. 18.</summary>
internal sealed class MemoryCommand(Io io) : LlmEconCommand<MemorySettings>(io)
{
    /// <inheritdoc/>
    protected override CommandResult Build(MemorySettings s, LlmCatalog catalog)
    {
        ParameterCount n = ModelFlags.Parameters(s.Params, s.Model, catalog).Value;
        double bytesPer = s.BytesPerParam is null ? MemoryModel.DefaultTrainingBytesPerParameter
            : Guard.Positive(Flags.Number(s.BytesPerParam, "--bytes-per-param"), "--bytes-per-param");
        Sourced<ByteSize>? chipMemory = s.ChipMemory is not null ? QuantityParser.ByteSize(s.ChipMemory, "--chip-memory")
            : s.Chip is not null ? Flags.Lookup(() => catalog.Accelerator(s.Chip), "--chip").MemorySourced
            : null;
        MemoryResult r = MemoryModel.Training(n, bytesPer, chipMemory);
        Sheet sheet = Sheet.Record("memory", $"Training memory of {NumberFormat.Compact(n.Count)} parameters")
            .Add("parameters", "Parameters N", Kind.Number, n.Count, "parameters")
            .Add("bytesPerParameter", "Bytes per parameter", Kind.Number, bytesPer, "bytes")
            .Add("bytes", "Training state", Kind.Number, r.Bytes.Bytes, "bytes")
            .Add("gigabytes", "Training state", Kind.Number, r.Bytes.Gigabytes, "GB")
            .AddIf("chipMemoryBytes", "Memory per chip", Kind.Number, r.ChipMemory?.Bytes, "bytes")
            .AddIf("exactChips", "Chips to hold it, exact", Kind.Number, r.ExactChips, "chips")
            .AddIf("minimumChips", "Minimum chips", Kind.Integer, r.MinimumChips is { } m ? (double)m : null, "chips");
        return CommandResult.Of("Training memory", sheet, [r.Derivation]);
    }
}
