using System.Globalization;
using System.Reflection;
using System.Text.Json;
using LlmEcon.Models;
using LlmEcon.Quantities;
using LlmEcon.Scaling;

namespace LlmEcon.Catalog;

/// <summary>A catalog entry as written in its file.</summary>
/// <param name="Id">The entry's id.</param>
/// <param name="Section">The section, e.g. <c>accelerators</c>.</param>
/// <param name="Origin">The file (or embedded resource) it came from.</param>
/// <param name="Json">The entry's JSON object, as written.</param>
public sealed record CatalogSourceEntry(string Id, string Section, string Origin, string Json);

/// <summary>
/// The catalog: accelerators, cloud offers, models, API prices and scaling laws, from JSON embedded in
/// the library (Catalog/Data/*.json), optionally with a user's file merged over it (same id replaces).
/// Loading validates every entry and reports every problem at once (<see cref="CatalogException"/>).
/// </summary>
public sealed class LlmCatalog
{
    private static readonly Lazy<LlmCatalog> BuiltInCatalog = new(() => Load(BuiltInSources()));

    private static readonly string[] Sections = ["accelerators", "offers", "models", "apiPrices", "scalingLaws"];

    /// <summary>
    /// The one way a catalog file is read, by loading, validation and <see cref="SourceEntry"/> alike: JSON with comments and
    /// trailing commas allowed (a hand-edited file may carry a note on its source).
    /// </summary>
    public static readonly JsonDocumentOptions FileOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The largest catalog file read: 16 MiB (the built-in catalog is about 30 KB).</summary>
    public const long MaximumFileBytes = 16L << 20;

    private static readonly Dictionary<string, Sparsity> SparsityNames =
        Enum.GetValues<Sparsity>().ToDictionary(CatalogNames.Of, s => s, StringComparer.Ordinal);

    private static readonly Dictionary<string, ModelArchitecture> ArchitectureNames = new(StringComparer.Ordinal)
    {
        ["decoder-only"] = ModelArchitecture.DecoderOnly,
        ["encoder-decoder"] = ModelArchitecture.EncoderDecoder,
        ["encoder-only"] = ModelArchitecture.EncoderOnly,
    };

    private static readonly Dictionary<string, PriceUnit> UnitNames = new(StringComparer.Ordinal)
    {
        ["tokens"] = PriceUnit.Tokens,
        ["words"] = PriceUnit.Words,
    };

    private static readonly Dictionary<string, string> PowerBases = new(StringComparer.Ordinal)
    {
        ["tdp"] = "tdp",
        ["max-measured"] = "max-measured",
        ["system-average-measured"] = "system-average-measured",
    };

    private static readonly Dictionary<string, string> Commitments = new(StringComparer.Ordinal)
    {
        ["on-demand"] = "on-demand", ["spot"] = "spot", ["1-year"] = "1-year", ["3-year"] = "3-year", ["capacity-block"] = "capacity-block",
    };

    private readonly IReadOnlyList<(string Origin, string Json)> _sources;

    private LlmCatalog(IReadOnlyList<(string Origin, string Json)> sources, IReadOnlyList<Accelerator> accelerators,
        IReadOnlyList<CloudOffer> offers, IReadOnlyList<ModelCard> models, IReadOnlyList<ApiPrice> apiPrices, IReadOnlyList<ScalingLaw> laws)
    {
        _sources = sources;
        Accelerators = accelerators;
        Offers = offers;
        Models = models;
        ApiPrices = apiPrices;
        ScalingLaws = laws;
    }

    /// <summary>The catalog shipped inside the library.</summary>
    public static LlmCatalog BuiltIn => BuiltInCatalog.Value;

    /// <summary>Every accelerator, in file order.</summary>
    public IReadOnlyList<Accelerator> Accelerators { get; }

    /// <summary>Every cloud offer.</summary>
    public IReadOnlyList<CloudOffer> Offers { get; }

    /// <summary>Every model card.</summary>
    public IReadOnlyList<ModelCard> Models { get; }

    /// <summary>Every API price.</summary>
    public IReadOnlyList<ApiPrice> ApiPrices { get; }

    /// <summary>Every scaling law.</summary>
    public IReadOnlyList<ScalingLaw> ScalingLaws { get; }

    /// <summary>Every entry of every section.</summary>
    public IEnumerable<ICatalogEntry> All =>
        Accelerators.Cast<ICatalogEntry>().Concat(Offers).Concat(Models).Concat(ApiPrices).Concat(ScalingLaws);

    /// <summary>An accelerator by id; an unknown id gets a did-you-mean.</summary>
    public Accelerator Accelerator(string id) => Find(Accelerators, id, "accelerator");

    /// <summary>A cloud offer by id.</summary>
    public CloudOffer Offer(string id) => Find(Offers, id, "offer");

    /// <summary>A model card by id.</summary>
    public ModelCard Model(string id) => Find(Models, id, "model");

    /// <summary>
    /// The mixture of experts whose total parameters are <paramref name="total"/> (within 1%), or null: a total given where the
    /// active count was meant makes a run look up to 18× more work than it is.
    /// </summary>
    public ModelCard? MixtureOfExpertsOfTotal(ParameterCount total) =>
        Models.FirstOrDefault(m => m.IsMixtureOfExperts && Math.Abs(m.Parameters.Count / total.Count - 1) <= 0.01);

    /// <summary>An API price by id.</summary>
    public ApiPrice ApiPrice(string id) => Find(ApiPrices, id, "apiPrice");

    /// <summary>A scaling law by id.</summary>
    public ScalingLaw ScalingLaw(string id) => Find(ScalingLaws, id, "law");

    /// <summary>Any entry by id, in any section; an unknown id gets a did-you-mean.</summary>
    public ICatalogEntry Entry(string id) => Find(All.ToList(), id, "id");

    /// <summary>
    /// An entry as its catalog file states it (the file that won the merge): its section, the file's origin, and its JSON
    /// object, whose keys carry their units. An unknown id gets a did-you-mean.
    /// </summary>
    public CatalogSourceEntry SourceEntry(string id)
    {
        string known = Entry(id).Id;
        CatalogSourceEntry? found = null;
        foreach (var (origin, json) in _sources)
        {
            using var doc = JsonDocument.Parse(json, FileOptions);
            foreach (JsonProperty section in doc.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array))
            {
                foreach (JsonElement item in section.Value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out JsonElement e) && e.ValueKind == JsonValueKind.String
                        && e.GetString() == known)
                    {
                        found = new CatalogSourceEntry(known, section.Name, origin, item.GetRawText());
                    }
                }
            }
        }

        return found ?? throw new InvalidOperationException($"Entry '{known}' is loaded but in no source.");
    }

    /// <summary>
    /// Loads and validates catalog JSON texts; later texts replace earlier entries with the same id.
    /// Throws <see cref="CatalogException"/> with every problem found.
    /// </summary>
    public static LlmCatalog Load(IEnumerable<(string Origin, string Json)> sources)
    {
        var list = sources.ToList();
        var problems = new List<CatalogProblem>();
        var merged = Sections.ToDictionary(s => s, _ => new Dictionary<string, (string Origin, JsonElement Item)>(StringComparer.Ordinal));
        var order = Sections.ToDictionary(s => s, _ => new List<string>());

        foreach (var (origin, json) in list)
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(json, FileOptions);
            }
            catch (JsonException e)
            {
                problems.Add(new CatalogProblem(origin, "file", "", "well-formed JSON",
                    string.Create(CultureInfo.InvariantCulture, $"a syntax error at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}")));
                continue;
            }

            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new CatalogProblem(origin, "file", "", "a JSON object with sections " + string.Join(", ", Sections), doc.RootElement.ValueKind.ToString()));
                continue;
            }

            var sectionsHere = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonProperty section in doc.RootElement.EnumerateObject())
            {
                if (!sectionsHere.Add(section.Name))
                {
                    problems.Add(new CatalogProblem(origin, section.Name, "", "one section of that name per file (a second one would silently replace the first)", "two"));
                    continue;
                }

                if (section.Name == CatalogFile.DerivedKey)
                {
                    continue; // what `catalog show` derived from the entry: for reading, not an entry
                }

                if (!merged.TryGetValue(section.Name, out var entries))
                {
                    problems.Add(new CatalogProblem(origin, section.Name, "", "a known section (" + string.Join(", ", Sections) + ")",
                        "an unknown section", Suggest.Hint(section.Name, Sections)));
                    continue;
                }

                if (section.Value.ValueKind != JsonValueKind.Array)
                {
                    problems.Add(new CatalogProblem(origin, section.Name, "", "a list of entries", section.Value.ValueKind.ToString()));
                    continue;
                }

                var seenHere = new HashSet<string>(StringComparer.Ordinal);
                int index = 0;
                foreach (JsonElement item in section.Value.EnumerateArray())
                {
                    string label = string.Create(CultureInfo.InvariantCulture, $"{section.Name}[{index}]");
                    index++;
                    if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("id", out JsonElement idEl)
                        || idEl.ValueKind != JsonValueKind.String || !IsId(idEl.GetString()!))
                    {
                        problems.Add(new CatalogProblem(origin, label, "id", "a lower-case id of letters, digits, '.' and '-'",
                            item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out JsonElement bad) ? bad.GetRawText() : "nothing"));
                        continue;
                    }

                    string id = idEl.GetString()!;
                    if (!seenHere.Add(id))
                    {
                        problems.Add(new CatalogProblem(origin, $"{section.Name}[{id}]", "id", "unique within a file", $"'{id}' twice"));
                        continue;
                    }

                    if (!entries.ContainsKey(id))
                    {
                        order[section.Name].Add(id);
                    }

                    entries[id] = (origin, item.Clone());
                }
            }
        }

        var accelerators = Build(merged, order, "accelerators", problems, ReadAccelerator);
        var offers = Build(merged, order, "offers", problems, ReadOffer);
        var models = Build(merged, order, "models", problems, ReadModel);
        var prices = Build(merged, order, "apiPrices", problems, ReadApiPrice);
        var laws = Build(merged, order, "scalingLaws", problems, ReadLaw);

        var acceleratorIds = accelerators.Select(a => a.Id).ToList();
        foreach (CloudOffer o in offers.Where(o => !acceleratorIds.Contains(o.AcceleratorId)))
        {
            problems.Add(new CatalogProblem(merged["offers"][o.Id].Origin, $"offers[{o.Id}]", "acceleratorId", "the id of a catalog accelerator",
                $"'{o.AcceleratorId}'", Suggest.Hint(o.AcceleratorId, acceleratorIds)));
        }

        // A machine's price typed as one chip's (8 GPUs at $2.50 "per hour") makes compute absurdly cheap: below $0.50 per hour for
        // each PFLOP/s of dense training peak (the cheapest rentals of 2023–26 are about $1 per PFLOP/s-hour on H100 and B200).
        foreach (CloudOffer o in offers.Where(o => o.ChipsPerMachine > 1))
        {
            if (accelerators.FirstOrDefault(a => a.Id == o.AcceleratorId) is not { } chip)
            {
                continue;
            }

            double petaflops = chip.TrainingPeak().Value.FlopPerSecond / 1e15, perChip = o.PricePerChipHour.UsdPerHour;
            if (perChip / petaflops < MinimumUsdPerPetaflopHour)
            {
                problems.Add(new CatalogProblem(merged["offers"][o.Id].Origin, $"offers[{o.Id}]", "usdPerHour",
                    $"at least ${MinimumUsdPerPetaflopHour} per chip-hour for each PFLOP/s of the chip's dense training peak (a magnitude guard)",
                    string.Create(CultureInfo.InvariantCulture, $"${Guard.Show(perChip)} per chip-hour for {Guard.Show(petaflops)} PFLOP/s"),
                    string.Create(CultureInfo.InvariantCulture, $"is it one chip's price? usdPerHour is the machine's: {o.ChipsPerMachine} × ${Guard.Show(o.MachinePrice.UsdPerHour)} = ${Guard.Show(o.ChipsPerMachine * o.MachinePrice.UsdPerHour)}")));
            }
        }

        foreach (ModelCard m in models.Where(m => m.TrainingAcceleratorId is not null && !acceleratorIds.Contains(m.TrainingAcceleratorId)))
        {
            problems.Add(new CatalogProblem(merged["models"][m.Id].Origin, $"models[{m.Id}]", "trainingAcceleratorId", "the id of a catalog accelerator",
                $"'{m.TrainingAcceleratorId}'", Suggest.Hint(m.TrainingAcceleratorId!, acceleratorIds)));
        }

        var allIds = accelerators.Select(a => a.Id).Concat(offers.Select(o => o.Id)).Concat(models.Select(m => m.Id))
            .Concat(prices.Select(p => p.Id)).Concat(laws.Select(l => l.Id)).GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1);
        foreach (var dup in allIds)
        {
            problems.Add(new CatalogProblem("catalog", dup.Key, "id", "unique across sections", $"'{dup.Key}' in {dup.Count()} sections"));
        }

        if (problems.Count > 0)
        {
            throw new CatalogException(problems);
        }

        return new LlmCatalog(list, accelerators, offers, models, prices, laws);
    }

    /// <summary>This catalog with a user's JSON text merged over it (same id replaces), validated as a whole.</summary>
    public LlmCatalog Merge(string origin, string json) => Load(_sources.Append((origin, json)));

    /// <summary>
    /// This catalog with a user's JSON file merged over it; a missing file, a directory, an unreadable file or one over 16 MiB is an
    /// <see cref="InputException"/> naming <paramref name="parameter"/> (<see cref="InputFile"/>).
    /// </summary>
    public LlmCatalog MergeFile(string path, string parameter = "catalog") =>
        Merge(Path.GetFileName(path), InputFile.ReadAllText(path, parameter, "JSON file", MaximumFileBytes));

    /// <summary>The JSON texts embedded in the library, in a fixed order.</summary>
    public static IReadOnlyList<(string Origin, string Json)> BuiltInSources()
    {
        Assembly asm = typeof(LlmCatalog).Assembly;
        const string prefix = "LlmEcon.Catalog.Data.";
        return asm.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)
                        && !n.StartsWith(prefix + "article-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using Stream s = asm.GetManifestResourceStream(n)!;
                using var r = new StreamReader(s);
                return (n[prefix.Length..], r.ReadToEnd());
            })
            .ToList();
    }

    private static List<T> Build<T>(Dictionary<string, Dictionary<string, (string Origin, JsonElement Item)>> merged,
        Dictionary<string, List<string>> order, string section, List<CatalogProblem> problems, Func<EntryReader, T> read)
    {
        var result = new List<T>();
        foreach (string id in order[section])
        {
            var (origin, item) = merged[section][id];
            var reader = new EntryReader(item, origin, $"{section}[{id}]", problems);
            int before = problems.Count;
            T entry = read(reader);
            reader.RejectUnknownFields();
            if (problems.Count == before)
            {
                result.Add(entry);
            }
        }

        return result;
    }

    private static Accelerator ReadAccelerator(EntryReader r)
    {
        string id = r.String("id");
        string name = r.String("name");
        string vendor = r.String("vendor");
        int launch = r.Integer("launchYear", 1990, 2100, "year");
        var peaks = new List<PeakThroughput>();
        foreach (var (item, i) in r.Array("peaks", required: true))
        {
            EntryReader pr = r.Child(item, string.Create(CultureInfo.InvariantCulture, $"peaks[{i}]"));
            int before = pr.ProblemCount;
            Precision precision = pr.Enum("precision", CatalogNames.Precisions, Precision.Fp16);
            Sparsity sparsity = pr.Enum("sparsity", SparsityNames, Sparsity.Dense);
            double rate = pr.Number("flopPerSecond", 1e11, 1e17, "FLOP/s per chip", MagnitudeHint(item, "flopPerSecond", 1e12, "TFLOP/s"));
            string? note = pr.OptionalString("note");
            pr.RejectUnknownFields();
            if (pr.ProblemCount == before)
            {
                peaks.Add(new PeakThroughput(precision, sparsity, FlopRate.FromFlopPerSecond(rate), note));
            }
        }

        foreach (var dup in peaks.GroupBy(p => (p.Precision, p.Sparsity)).Where(g => g.Count() > 1))
        {
            r.Problem("peaks", "one entry per precision and sparsity", $"{dup.Count()} for {CatalogNames.Of(dup.Key.Precision)} {CatalogNames.Of(dup.Key.Sparsity)}");
        }

        // 2:4 structured sparsity doubles a dense peak; a sparse peak at or below the dense one is a swap (or a typo)
        foreach (var pair in peaks.GroupBy(p => p.Precision).Where(g => g.Count() == 2 && g.Select(p => p.Sparsity).Distinct().Count() == 2))
        {
            double dense = pair.Single(p => p.Sparsity == Sparsity.Dense).Rate.FlopPerSecond, sparse = pair.Single(p => p.Sparsity == Sparsity.Sparse).Rate.FlopPerSecond;
            if (sparse <= dense)
            {
                r.Problem("peaks", $"a sparse {CatalogNames.Of(pair.Key)} peak above the dense one (2:4 sparsity doubles it)",
                    $"dense {Guard.Show(dense)}, sparse {Guard.Show(sparse)}", "are dense and sparse swapped?");
            }
        }

        ByteSize memory = default;
        bool gb = r.Has("memoryGigabytes"), gib = r.Has("memoryGibibytes");
        r.MarkRead("memoryGigabytes", "memoryGibibytes");
        if (gb == gib)
        {
            r.Problem("memoryGigabytes", "given, or memoryGibibytes, but not both", gb ? "both" : "neither");
        }
        else
        {
            string field = gb ? "memoryGigabytes" : "memoryGibibytes";
            double v = r.Number(field, 1, 10_000, gb ? "GB (10^9 bytes)" : "GiB (2^30 bytes)");
            memory = double.IsNaN(v) ? default : gb ? ByteSize.FromGigabytes(v) : ByteSize.FromGibibytes(v);
        }

        double bandwidth = r.Number("memoryBandwidthGigabytesPerSecond", 10, 100_000, "GB/s");
        double? scaleUp = r.OptionalNumber("scaleUpBandwidthGigabytesPerSecond", 1, 100_000, "GB/s per chip, both directions");
        string? scaleUpLink = r.OptionalString("scaleUpLink");
        if (scaleUpLink is not null && scaleUp is null)
        {
            r.Problem("scaleUpLink", "given with scaleUpBandwidthGigabytesPerSecond", "a link without its bandwidth");
        }

        // a vendor that publishes no power per chip (Trainium2, TPU v5e and later) leaves both out; a calculation that needs it asks
        double? watts = r.OptionalNumber("powerWatts", 1, 5_000, "W per chip");
        string? basis = r.Has("powerBasis") ? r.Enum("powerBasis", PowerBases, "tdp") : null;
        r.MarkRead("powerBasis");
        if ((watts is null) != (basis is null))
        {
            r.Problem(watts is null ? "powerWatts" : "powerBasis", "given with " + (watts is null ? "powerBasis" : "powerWatts") + " (a power and how it was counted)", "nothing");
        }

        var otherPower = new List<PowerFigure>();
        foreach (var (item, i) in r.Array("otherPower", required: false))
        {
            EntryReader pr = r.Child(item, string.Create(CultureInfo.InvariantCulture, $"otherPower[{i}]"));
            int before = pr.ProblemCount;
            double ow = pr.Number("powerWatts", 1, 5_000, "W per chip");
            string ob = pr.Enum("powerBasis", PowerBases, "tdp");
            string? on = pr.OptionalString("note");
            var (os, od) = pr.Provenance();
            pr.RejectUnknownFields();
            if (pr.ProblemCount == before)
            {
                otherPower.Add(new PowerFigure(Power.FromWatts(ow), ob, on, os, od));
            }
        }

        ArticleGeneration? generation = null;
        if (r.Object("articleGeneration") is { } g)
        {
            EntryReader gr = r.Child(g, "articleGeneration");
            int year = gr.Integer("year", 1990, 2100, "year");
            Precision gp = gr.Enum("precision", CatalogNames.Precisions, Precision.Fp16);
            double perUsd = gr.Number("gflopsPerSecondPerUsd", 0.01, 10_000, "GFLOP/s per USD");
            double perWatt = gr.Number("gflopsPerSecondPerWatt", 1, 100_000, "GFLOP/s per W");
            var (gs, gd) = gr.Provenance();
            _ = gr.OptionalString("note");
            gr.RejectUnknownFields();
            generation = new ArticleGeneration(year, gp, perUsd, perWatt, gs, gd);
        }

        var (source, date) = r.Provenance();
        return new Accelerator(id, name, vendor, launch, peaks, memory, bandwidth,
            watts is { } pw && !double.IsNaN(pw) ? Power.FromWatts(pw) : null, basis, generation, source, date)
        {
            ScaleUpBandwidthGigabytesPerSecond = scaleUp is { } su && !double.IsNaN(su) ? su : null,
            ScaleUpLink = scaleUpLink,
            OtherPower = otherPower,
        };
    }

    private static CloudOffer ReadOffer(EntryReader r)
    {
        string id = r.String("id");
        string name = r.String("name");
        string provider = r.String("provider");
        string accelerator = r.String("acceleratorId");
        int chips = r.Integer("chipsPerMachine", 1, 100_000, "chips");
        double usd = r.Number("usdPerHour", 0.01, 100_000, "USD per machine-hour");
        string commitment = r.Enum("commitment", Commitments, "on-demand");
        if (chips > 0 && !double.IsNaN(usd))
        {
            double perChip = usd / chips;
            if (perChip < 0.01 || perChip > 200)
            {
                r.Problem("usdPerHour", "between $0.01 and $200 per chip-hour (usdPerHour ÷ chipsPerMachine)",
                    string.Create(CultureInfo.InvariantCulture, $"${Guard.Show(perChip)} per chip-hour"),
                    perChip > 200 ? "is it a monthly or per-pod price?" : "is it a per-second or per-chip price for a whole machine?");
            }
        }

        var (source, date) = r.Provenance();
        return new CloudOffer(id, name, provider, accelerator, chips,
            double.IsNaN(usd) ? default : MoneyRate.FromUsdPerHour(usd), commitment, source, date);
    }

    private static ModelCard ReadModel(EntryReader r)
    {
        string id = r.String("id");
        string name = r.String("name");
        string org = r.String("organization");
        int year = r.Integer("year", 1990, 2100, "year");
        ModelArchitecture arch = r.Enum("architecture", ArchitectureNames, ModelArchitecture.DecoderOnly);
        double n = r.Number("parameters", 1e6, 1e15, "parameters", CountHint);
        double? d = r.OptionalNumber("trainingTokens", 1e6, 1e17, "tokens", CountHint);
        string? chip = r.OptionalString("trainingAcceleratorId");
        int? chips = r.OptionalInteger("trainingChips", 1, 10_000_000, "chips");
        double? days = r.OptionalNumber("trainingDays", 0.001, 10_000, "days");
        double? mwh = r.OptionalNumber("trainingEnergyMegawattHours", 0.001, 1e9, "MWh");
        double? mfu = r.OptionalNumber("mfu", 1e-4, 1, "(a fraction)", "MFU is a fraction: 46.2% is 0.462");
        double? active = r.OptionalNumber("activeParameters", 1e6, 1e15, "parameters", CountHint);
        double? chipHours = r.OptionalNumber("trainingChipHours", 1, 1e10, "chip-hours", CountHint);
        string? cover = r.OptionalString("trainingChipHoursCover");
        if (chipHours is not null && cover is null)
        {
            r.Problem("trainingChipHoursCover", "given with trainingChipHours (what the hours include: phases, downtime)", "nothing");
        }

        Precision? trainingPrecision = r.OptionalEnum("trainingPrecision", CatalogNames.Precisions);
        int? context = r.OptionalInteger("trainingContext", 1, 100_000_000, "tokens");
        string? mfuBasis = r.OptionalString("mfuBasis");
        Transformer? shape = r.Object("transformer") is { } t0 ? ReadTransformer(r.Child(t0, "transformer"), id) : null;
        var (source, date) = r.Provenance();
        if (active is { } a0 && !double.IsNaN(a0) && !double.IsNaN(n) && a0 > n)
        {
            r.Problem("activeParameters", "at most the parameters (a token goes through part of the model)", Guard.Show(a0) + " > " + Guard.Show(n));
        }

        return new ModelCard(id, name, org, year, arch, double.IsNaN(n) ? default : ParameterCount.FromCount(n),
            d is { } dv && !double.IsNaN(dv) ? TokenCount.FromCount(dv) : null, chip, chips,
            days is { } t && !double.IsNaN(t) ? Duration.FromDays(t) : null,
            mwh is { } e && !double.IsNaN(e) ? Energy.FromMegawattHours(e) : null,
            mfu is { } m && !double.IsNaN(m) ? Ratio.FromFraction(m) : null, source, date)
        {
            ActiveParameters = active is { } av && !double.IsNaN(av) ? ParameterCount.FromCount(av) : null,
            Transformer = shape,
            TrainingChipHours = chipHours is { } ch && !double.IsNaN(ch) ? AcceleratorTime.FromChipHours(ch) : null,
            TrainingChipHoursCover = cover,
            TrainingPrecision = trainingPrecision,
            TrainingContext = context is > 0 ? context : null,
            MfuBasis = mfuBasis,
        };
    }

    private static Transformer ReadTransformer(EntryReader r, string id)
    {
        int layers = r.Integer("layers", 1, 10_000, "layers");
        int hidden = r.Integer("hidden", 1, 1_000_000, "(width)");
        int heads = r.Integer("heads", 1, 10_000, "heads");
        int kvHeads = r.Integer("kvHeads", 1, 10_000, "heads");
        if (heads > 0 && kvHeads > 0 && heads % kvHeads != 0)
        {
            r.Problem("kvHeads", "a divisor of heads (grouped-query attention shares each KV head among heads / kvHeads)", $"{kvHeads} for {heads} heads");
        }

        int headDim = r.Integer("headDim", 1, 100_000, "(dimension)");
        int ffn = r.Integer("ffn", 1, 10_000_000, "(width)");
        bool gated = r.Boolean("gatedFfn");
        int vocabulary = r.Integer("vocabulary", 2, 10_000_000, "tokens");
        bool tied = r.Boolean("tiedEmbeddings");
        int context = r.Integer("maxContext", 1, 100_000_000, "tokens");
        MixtureOfExperts? moe = null;
        if (r.Object("moe") is { } mo)
        {
            EntryReader mr = r.Child(mo, "moe");
            int experts = mr.Integer("experts", 2, 100_000, "experts");
            int perToken = mr.Integer("expertsPerToken", 1, 100_000, "experts");
            if (experts > 0 && perToken > experts)
            {
                mr.Problem("expertsPerToken", "at most experts", $"{perToken} of {experts}");
            }

            int shared = mr.Integer("sharedExperts", 0, 100_000, "experts");
            int expertFfn = mr.Integer("expertFfn", 1, 10_000_000, "(width)");
            int dense = mr.Integer("denseLayers", 0, 10_000, "layers");
            if (dense >= layers && layers > 0)
            {
                mr.Problem("denseLayers", "fewer than the layers (the rest are MoE layers)", $"{dense} of {layers}");
            }

            mr.RejectUnknownFields();
            moe = new MixtureOfExperts(experts, perToken, shared, expertFfn, dense);
        }

        LatentAttention? mla = null;
        if (r.Object("mla") is { } ml)
        {
            EntryReader lr = r.Child(ml, "mla");
            mla = new LatentAttention(lr.Integer("kvRank", 1, 100_000, "(dimension)"), lr.Integer("queryRank", 0, 100_000, "(dimension)"),
                lr.Integer("ropeHeadDim", 1, 100_000, "(dimension)"), lr.Integer("valueHeadDim", 1, 100_000, "(dimension)"));
            lr.RejectUnknownFields();
        }

        var (source, date) = r.Provenance();
        r.RejectUnknownFields();
        return new Transformer(layers, hidden, heads, kvHeads, headDim, ffn, gated, vocabulary, tied, context, moe, mla, source, date) { EntryId = id };
    }

    private static ApiPrice ReadApiPrice(EntryReader r)
    {
        string id = r.String("id");
        string provider = r.String("provider");
        string model = r.String("model");
        int year = r.Integer("year", 1990, 2100, "year");
        if (r.Has("usdPerMillionInput") || r.Has("usdPerMillionOutput"))
        {
            return ReadPerMillion(r, id, provider, model, year);
        }

        double usd = r.Number("usd", 0, 1e6, "USD");
        double per = r.Number("per", 1, 1e9, "units (tokens or words)");
        PriceUnit unit = r.Enum("unit", UnitNames, PriceUnit.Tokens);
        string applies = r.String("appliesTo", "input+output");
        if (!double.IsNaN(usd) && !double.IsNaN(per))
        {
            double per1k = usd / per * 1000;
            if (per1k > 5)
            {
                r.Problem("usd", "at most $5 per 1000 " + unit.ToString().ToLowerInvariant() + " (a magnitude guard)",
                    string.Create(CultureInfo.InvariantCulture, $"${Guard.Show(per1k)} per 1000"),
                    string.Create(CultureInfo.InvariantCulture, $"is it a price per million? Then set per to 1000000 (${Guard.Show(usd)} per 1M = ${Guard.Show(usd / 1000)} per 1K)"));
            }
            else if (per1k > 0 && per1k < 1e-6)
            {
                r.Problem("usd", "at least $0.000001 per 1000 units (a magnitude guard)",
                    string.Create(CultureInfo.InvariantCulture, $"${Guard.Show(per1k)} per 1000"),
                    "is it a price per 1000 given with per = 1000000? Then set per to 1000");
            }
        }

        var (source, date) = r.Provenance();
        return new ApiPrice(id, provider, model, year, double.IsNaN(usd) ? default : Money.FromUsd(usd), per, unit, applies, source, date);
    }

    /// <summary>
    /// The form of every price list since March 2023: USD per million input, cached-input (optional) and output tokens. A price per
    /// 1000 tokens typed here is 1000× too small: below $0.001 per million is refused with that hint.
    /// </summary>
    private static ApiPrice ReadPerMillion(EntryReader r, string id, string provider, string model, int year)
    {
        foreach (string legacy in new[] { "usd", "per", "unit", "appliesTo" }.Where(r.Has))
        {
            r.Problem(legacy, "absent with usdPerMillionInput/Output (one form per price)", "given");
        }

        r.MarkRead("usd", "per", "unit", "appliesTo");
        const string Hint = "is it a price per 1000 tokens? A price per million is 1000 times it";
        double input = r.Number("usdPerMillionInput", 0.001, 10_000, "USD per million tokens", Hint);
        double output = r.Number("usdPerMillionOutput", 0.001, 10_000, "USD per million tokens", Hint);
        double? cached = r.OptionalNumber("usdPerMillionCachedInput", 0.0001, 10_000, "USD per million tokens", Hint);
        if (cached is { } c && !double.IsNaN(c) && !double.IsNaN(input) && c > input)
        {
            r.Problem("usdPerMillionCachedInput", "at most usdPerMillionInput (a cache read costs no more than a fresh input token)",
                string.Create(CultureInfo.InvariantCulture, $"${Guard.Show(c)} over ${Guard.Show(input)}"), "are input and cached input swapped?");
        }

        var (source, date) = r.Provenance();
        Money Usd(double v) => double.IsNaN(v) ? default : Money.FromUsd(v);
        return new ApiPrice(id, provider, model, year, Usd(input), 1e6, PriceUnit.Tokens, "input", source, date)
        {
            OutputPrice = Usd(output),
            CachedInputPrice = cached is { } cv ? Usd(cv) : null,
        };
    }

    private static ScalingLaw ReadLaw(EntryReader r)
    {
        string id = r.String("id");
        string name = r.String("name");
        double e = r.Number("e", 0, 20, "nats per token");
        double a = r.Number("a", 1e-9, 1e9, "(coefficient)");
        double b = r.Number("b", 1e-9, 1e9, "(coefficient)");
        double alpha = r.Number("alpha", 1e-6, 3, "(exponent)");
        double beta = r.Number("beta", 1e-6, 3, "(exponent)");
        var (source, date) = r.Provenance();
        return new ScalingLaw(id, name, e, a, b, alpha, beta, source, date);
    }

    private static string? MagnitudeHint(JsonElement item, string field, double scale, string unitName) =>
        item.TryGetProperty(field, out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out double x) && x > 0 && x < 1e5
            ? string.Create(CultureInfo.InvariantCulture, $"is it in {unitName}? Then write {NumberFormat.Compact(x * scale)}")
            : null;

    private const string CountHint = "counts are plain numbers: 175 billion is 175e9";

    /// <summary>The least plausible price per chip-hour per PFLOP/s of dense training peak, in USD (a magnitude guard).</summary>
    private const double MinimumUsdPerPetaflopHour = 0.5;

    private static bool IsId(string s) =>
        s.Length > 0 && char.IsAsciiLetterOrDigit(s[0]) && s.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-' || c == '.');

    private static T Find<T>(IReadOnlyList<T> entries, string id, string parameter) where T : ICatalogEntry
    {
        foreach (T e in entries)
        {
            if (string.Equals(e.Id, id, StringComparison.Ordinal))
            {
                return e;
            }
        }

        foreach (T e in entries)
        {
            if (string.Equals(e.Id, id, StringComparison.OrdinalIgnoreCase))
            {
                return e;
            }
        }

        throw Guard.Fail(parameter, "an id in the catalog", $"'{id}'", Suggest.Hint(id, entries.Select(e => e.Id).ToList()));
    }
}
