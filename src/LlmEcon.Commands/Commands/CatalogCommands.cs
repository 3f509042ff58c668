using System.Text.Json;
using LlmEcon.Catalog;
using LlmEcon.Derivations;
using LlmEcon.Cli.Options;
using LlmEcon.Cli.Output;

namespace LlmEcon.Cli.Commands;

/// <summary><c>llmecon catalog list</c>.</summary>
internal sealed class CatalogListCommand : LlmEconCommand
{
    /// <inheritdoc/>
    public override string Path => "catalog list";

    /// <inheritdoc/>
    public override string Summary => "Every catalog entry (accelerators, offers, models, API prices, scaling laws), or one section's, each with its source and date.";

    /// <inheritdoc/>
    public override IReadOnlyList<Opt> OwnOptions => [O.Section, O.Vendor, O.Since];

    /// <inheritdoc/>
    public override IReadOnlyList<string[]> Examples => [["--section", "models"], ["--vendor", "nvidia", "--since", "2020"], ["--format", "csv"]];

    /// <inheritdoc/>
    protected override CommandResult Build(Args a, LlmCatalog catalog, Io io)
    {
        string section = a.Choice(O.Section);
        var rows = new List<(string Section, ICatalogEntry Entry)>();
        void Add(string name, IEnumerable<ICatalogEntry> entries)
        {
            if (section == "all" || section == name)
            {
                rows.AddRange(entries.Select(e => (name, e)));
            }
        }

        Add("accelerators", catalog.Accelerators);
        Add("offers", catalog.Offers);
        Add("models", catalog.Models);
        Add("api-prices", catalog.ApiPrices);
        Add("scaling-laws", catalog.ScalingLaws);
        if (a.Text(O.Vendor) is { } vendor)
        {
            var vendors = catalog.All.Select(VendorOf).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
            if (!vendors.Contains(vendor, StringComparer.OrdinalIgnoreCase))
            {
                throw Guard.Fail(O.Vendor.Name, "a vendor, provider or organization of the catalog", $"'{vendor}'", Suggest.Hint(vendor, vendors));
            }

            rows.RemoveAll(r => !string.Equals(VendorOf(r.Entry), vendor, StringComparison.OrdinalIgnoreCase));
        }

        if (a.Text(O.Since) is { } since)
        {
            if (!CatalogNames.TryDate(since, out DateTime from))
            {
                throw Guard.Fail(O.Since.Name, "an ISO date (yyyy, yyyy-mm or yyyy-mm-dd)", $"'{since}'");
            }

            rows.RemoveAll(r => CatalogNames.TryDate(r.Entry.Date, out DateTime dated) && dated < from);
        }

        return CommandResult.Of("Catalog", Sheet.Table("entries", "Catalog entries", rows,
            (new Column("section", "Section", Kind.Text), r => r.Section),
            (new Column("id", "Id", Kind.Text), r => r.Entry.Id),
            (new Column("name", "Name", Kind.Text), r => r.Entry.Name),
            (new Column("date", "Date", Kind.Text), r => r.Entry.Date),
            (new Column("source", "Source", Kind.Text), r => r.Entry.Source)));
    }

    /// <summary>An accelerator's vendor, an offer's or a price's provider, a model's organization; a law has none.</summary>
    private static string? VendorOf(ICatalogEntry e) => e switch
    {
        Accelerator x => x.Vendor,
        CloudOffer x => x.Provider,
        ModelCard x => x.Organization,
        ApiPrice x => x.Provider,
        _ => null,
    };
}

/// <summary>
/// <c>llmecon catalog show ID</c>: the entry as its catalog file writes it. JSON is a catalog file holding that one entry, ready to
/// edit and merge back with <c>--catalog</c>; the other formats list its fields (nested ones as <c>peaks[0].flopPerSecond</c>).
/// </summary>
internal sealed class CatalogShowCommand : LlmEconCommand
{
    /// <inheritdoc/>
    public override string Path => "catalog show";

    /// <inheritdoc/>
    public override string Summary => "One catalog entry as its file writes it (keys carry units), with its source and date; --format json prints it as a catalog file of one entry.";

    /// <inheritdoc/>
    public override IReadOnlyList<Positional> Positionals => [new("ID", "A catalog id, e.g. gpt-3 or h100-sxm (llmecon catalog list).")];

    /// <inheritdoc/>
    public override IReadOnlyList<Opt> OwnOptions => [];

    /// <inheritdoc/>
    public override IReadOnlyList<string[]> Examples => [["gpt-3"], ["h100-sxm", "--format", "json"]];

    /// <inheritdoc/>
    protected override CommandResult Build(Args a, LlmCatalog catalog, Io io)
    {
        string id = a.Arguments[0];
        CatalogSourceEntry e = MachineFlags.Lookup(() => catalog.SourceEntry(id), "ID");
        using var doc = JsonDocument.Parse(e.Json);
        RecordBuilder record = Sheet.Record("entry", $"{e.Id} ({e.Section}, from {e.Origin})");
        Flatten(record, "", doc.RootElement);
        if (e.Section == "models" && catalog.Model(e.Id) is { Transformer: { } t } m)
        {
            Derivation total = t.TotalParameters, active = t.ActiveParameters, kv = t.KvCacheBytesPerToken(Precision.Bf16);
            double published = m.Parameters.Count;
            Sheet architecture = Sheet.Record("architecture", $"What {e.Id}'s architecture implies (eqs. 24–26)")
                .Add("publishedParameters", "Parameters, published", Kind.Count, published, "parameters")
                .Add("parameters", "Parameters from the architecture", Kind.Count, total.Value, "parameters")
                .Add("parametersGap", "Architecture over published, − 1", Kind.Fraction, total.Value / published - 1, "")
                .Add("publishedActiveParameters", "Active parameters, published", Kind.Count, m.ActiveParameters?.Count, "parameters")
                .Add("activeParameters", "Active parameters from the architecture", Kind.Count, active.Value, "parameters")
                .Add("kvCacheBytesPerTokenBf16", "KV cache per token at bf16", Kind.Integer, kv.Value, "bytes");
            return new CommandResult(e.Id, [record, architecture], [], [total, active, kv]) { Payload = e };
        }

        return CommandResult.Of(e.Id, record) with { Payload = e };
    }

    /// <inheritdoc/>
    protected override string Render(CommandResult result, OutputFormat format, Args a, Io io)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (format != OutputFormat.Json || result.Payload is not CatalogSourceEntry e)
        {
            return base.Render(result, format, a, io);
        }

        using var doc = JsonDocument.Parse(e.Json);
        bool explain = a.Switch(O.Explain);
        return CatalogFile.OfOneEntry(e.Section, doc.RootElement.WriteTo,
            result.Sheets.Count > 1 ? w => JsonRenderer.WriteBody(w, result with { Sheets = result.Sheets.Skip(1).ToList() }, explain) : null);
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
            case JsonValueKind.True or JsonValueKind.False:
                record.Add(prefix, prefix, Kind.Text, value.GetRawText());
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
internal sealed class CatalogValidateCommand : LlmEconCommand
{
    /// <inheritdoc/>
    public override string Path => "catalog validate";

    /// <inheritdoc/>
    public override string Summary => "Validates a catalog file merged over the built-in one (the reader --catalog uses); lists every problem at once.";

    /// <inheritdoc/>
    public override IReadOnlyList<Positional> Positionals => [new("FILE", "A catalog JSON file, in the built-in catalog's shape (docs/catalog.md).")];

    /// <inheritdoc/>
    public override IReadOnlyList<Opt> OwnOptions => [];

    /// <inheritdoc/>
    public override IReadOnlyList<string[]> Examples => [["docs/examples/my-catalog.json"]];

    /// <inheritdoc/>
    protected override IEnumerable<(string Flag, string Path)> Inputs(Args a) => [("FILE", a.Arguments[0])];

    /// <inheritdoc/>
    protected override CommandResult Build(Args a, LlmCatalog catalog, Io io)
    {
        string file = a.Arguments[0];
        LlmCatalog merged = Merge(catalog, file, "FILE");
        Sheet sheet = Sheet.Record("validation", $"{file}: valid, merged over the built-in catalog")
            .Add("accelerators", "Accelerators", Kind.Integer, (double)merged.Accelerators.Count, "entries")
            .Add("offers", "Offers", Kind.Integer, (double)merged.Offers.Count, "entries")
            .Add("models", "Models", Kind.Integer, (double)merged.Models.Count, "entries")
            .Add("apiPrices", "API prices", Kind.Integer, (double)merged.ApiPrices.Count, "entries")
            .Add("scalingLaws", "Scaling laws", Kind.Integer, (double)merged.ScalingLaws.Count, "entries");
        return CommandResult.Of("Catalog validation", sheet);
    }
}
