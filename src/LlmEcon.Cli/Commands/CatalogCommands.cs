using System.ComponentModel;
using System.Text.Json;
using LlmEcon.Catalog;
using LlmEcon.Cli.Output;
using Spectre.Console.Cli;

namespace LlmEcon.Cli.Commands;

/// <summary>Flags of <c>llmecon catalog list</c>.</summary>
internal sealed class CatalogListSettings : CommonSettings
{
    /// <summary>--section.</summary>
    [CommandOption("--section <SECTION>")]
    [Description("accelerators, offers, models, api-prices or scaling-laws. Default: all.")]
    public string? Section { get; init; }
}

/// <summary>Flags of <c>llmecon catalog validate</c>.</summary>
internal sealed class CatalogValidateSettings : CommonSettings
{
    /// <summary>The file.</summary>
    [CommandArgument(0, "<FILE>")]
    [Description("A catalog JSON file (same shape as the built-in one).")]
    public string File { get; init; } = "";
}

/// <summary><c>llmecon catalog list</c>.</summary>
internal sealed class CatalogListCommand(Io io) : LlmEconCommand<CatalogListSettings>(io)
{
    private static readonly string[] Sections = ["all", "accelerators", "offers", "models", "api-prices", "scaling-laws"];

    /// <inheritdoc/>
    protected override CommandResult Build(CatalogListSettings settings, LlmCatalog catalog)
    {
        string section = Flags.Choice(settings.Section, "--section", Sections, s => s);
        var rows = new List<IReadOnlyList<object?>>();
        void Add(string name, IEnumerable<ICatalogEntry> entries)
        {
            if (section == "all" || section == name)
            {
                rows.AddRange(entries.Select(e => (IReadOnlyList<object?>)[name, e.Id, e.Name, e.Date, e.Source]));
            }
        }

        Add("accelerators", catalog.Accelerators);
        Add("offers", catalog.Offers);
        Add("models", catalog.Models);
        Add("api-prices", catalog.ApiPrices);
        Add("scaling-laws", catalog.ScalingLaws);
        return CommandResult.Of("Catalog", Sheet.Table("entries", "Catalog entries", [
            new Column("section", "Section", Kind.Text),
            new Column("id", "Id", Kind.Text),
            new Column("name", "Name", Kind.Text),
            new Column("date", "Date", Kind.Text),
            new Column("source", "Source", Kind.Text),
        ], rows));
    }
}

/// <summary><c>llmecon catalog show ID</c>: the entry as its file writes it (keys carry units).</summary>
internal sealed class CatalogShowCommand(Io io) : LlmEconCommand<IdSettings>(io)
{
    /// <inheritdoc/>
    protected override CommandResult Build(IdSettings settings, LlmCatalog catalog)
    {
        CatalogSourceEntry e = catalog.SourceEntry(settings.Id);
        using var doc = JsonDocument.Parse(e.Json);
        RecordBuilder record = Sheet.Record("entry", $"{settings.Id} ({e.Section}, from {e.Origin})");
        Flatten(record, "", doc.RootElement);
        return CommandResult.Of(settings.Id, record);
    }

    private static void Flatten(RecordBuilder record, string prefix, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty p in value.EnumerateObject())
                {
                    Flatten(record, prefix.Length == 0 ? p.Name : prefix + "." + p.Name, p.Value);
                }

                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (JsonElement item in value.EnumerateArray())
                {
                    Flatten(record, $"{prefix}[{i++}]", item);
                }

                break;
            case JsonValueKind.Number:
                record.Add(prefix, prefix, Kind.Number, value.GetDouble());
                break;
            case JsonValueKind.Null:
                record.Add(prefix, prefix, Kind.Text, null);
                break;
            default:
                record.Add(prefix, prefix, Kind.Text, value.ToString());
                break;
        }
    }
}

/// <summary><c>llmecon catalog validate FILE</c>: exit 0 and a summary, or exit 2 and every problem.</summary>
internal sealed class CatalogValidateCommand(Io io) : LlmEconCommand<CatalogValidateSettings>(io)
{
    /// <inheritdoc/>
    protected override CommandResult Build(CatalogValidateSettings settings, LlmCatalog catalog)
    {
        LlmCatalog merged = catalog.MergeFile(settings.File);
        Sheet sheet = Sheet.Record("validation", $"{settings.File}: valid, merged over the built-in catalog")
            .Add("accelerators", "Accelerators", Kind.Integer, (double)merged.Accelerators.Count)
            .Add("offers", "Offers", Kind.Integer, (double)merged.Offers.Count)
            .Add("models", "Models", Kind.Integer, (double)merged.Models.Count)
            .Add("apiPrices", "API prices", Kind.Integer, (double)merged.ApiPrices.Count)
            .Add("scalingLaws", "Scaling laws", Kind.Integer, (double)merged.ScalingLaws.Count);
        return CommandResult.Of("Catalog validation", sheet);
    }
}
