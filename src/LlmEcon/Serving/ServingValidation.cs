using System.Globalization;
using System.Text.RegularExpressions;
using LlmEcon.Catalog;
using Microsoft.VisualBasic.FileIO;

namespace LlmEcon.Serving;

/// <summary>One published serving measurement (a row of data/serving-measurements.csv).</summary>
/// <param name="Id">The row's id.</param>
/// <param name="Model">The model as published (a catalog id, or one the validation maps to a catalog architecture).</param>
/// <param name="Hardware">The accelerator (a catalog id, or an alias such as <c>h800</c>).</param>
/// <param name="Chips">Chips measured together.</param>
/// <param name="Precision">The weights' precision (and the arithmetic's).</param>
/// <param name="Engine">The serving engine and version.</param>
/// <param name="Batch">The batch, where published.</param>
/// <param name="InputTokens">Input tokens per request, where fixed.</param>
/// <param name="OutputTokens">Output tokens per request, where fixed (MLPerf: the mean per sample).</param>
/// <param name="Metric"><c>output_throughput</c>, <c>output_throughput_per_chip</c>, <c>input_throughput</c>, <c>ttft</c>, <c>e2e_latency</c> or <c>per_user_throughput</c>.</param>
/// <param name="Value">The measured value.</param>
/// <param name="Unit">Its unit: tokens/s or ms.</param>
/// <param name="Notes">What else the source states (latency targets, mean TPOT, dataset).</param>
/// <param name="Source">Where it is published.</param>
/// <param name="Date">When.</param>
public sealed record ServingMeasurement(string Id, string Model, string Hardware, int Chips, string Precision, string Engine, int? Batch, int? InputTokens,
    int? OutputTokens, string Metric, double Value, string Unit, string Notes, string Source, string Date)
{
    /// <summary>Latency at batch 1 (TTFT, end-to-end, per-user rate) or throughput at load.</summary>
    public string Group => Metric is "ttft" or "e2e_latency" or "per_user_throughput" ? "latency at batch 1" : "throughput at load";
}

/// <summary>A measurement beside the model's prediction with the same inputs, or why it was not compared.</summary>
/// <param name="Measurement">The published row.</param>
/// <param name="Predicted">The prediction in the row's unit, or null when not compared.</param>
/// <param name="Error">(predicted − measured) / measured, or null.</param>
/// <param name="Batch">The batch the prediction used, or null.</param>
/// <param name="How">How the inputs were chosen (the batch's rule, lengths assumed), or why the row was not compared.</param>
public sealed record ValidationCase(ServingMeasurement Measurement, double? Predicted, double? Error, int? Batch, string How);

/// <summary>The error of one group of compared cases.</summary>
/// <param name="Group">The group's name.</param>
/// <param name="Cases">Compared cases.</param>
/// <param name="MedianAbsolutePercentError">Median of |error| × 100.</param>
/// <param name="MeanAbsolutePercentError">Mean of |error| × 100.</param>
/// <param name="WithinBand">Cases within the band a user expects (±30% latency, ±50% throughput).</param>
/// <param name="Band">That band, as a fraction.</param>
public sealed record ValidationGroup(string Group, int Cases, double MedianAbsolutePercentError, double MeanAbsolutePercentError, int WithinBand, double Band);

/// <summary>
/// The serving model against published measurements (docs/serving.md): every row of data/serving-measurements.csv predicted with
/// the same model, chip, chips (all tensor-parallel), precision and lengths, with the defaults of <see cref="ServingAssumptions"/>
/// chosen once — never tuned per case. Where the batch is not published it is derived, and each case says how: by Little's law from
/// a published time per output token (concurrency = throughput × TPOT), else the largest batch that fits (at most 2,048, the
/// engines' usual cap) for a "max load" row.
/// </summary>
public static partial class ServingValidation
{
    /// <summary>The largest batch a "max load" row is taken to run (TensorRT-LLM's and vLLM's default caps are 2,048 and 256–1,024).</summary>
    public const int MaxLoadBatchCap = 2048;

    /// <summary>Published names the catalog spells otherwise, and architectures shared by a model the catalog does not list.</summary>
    private static readonly Dictionary<string, (string Id, string Why)> Aliases = new(StringComparer.Ordinal)
    {
        ["h800"] = ("h800-sxm", "h800 is the catalog's h800-sxm"),
        ["llama-3.3-70b"] = ("llama-3.1-70b", "Llama 3.3 70B has Llama 3.1 70B's architecture (the same config.json shape)"),
    };

    /// <summary>The measurements shipped with the library (data/serving-measurements.csv).</summary>
    public static IReadOnlyList<ServingMeasurement> BuiltIn { get; } = Read(ReadResource(), "data/serving-measurements.csv");

    /// <summary>Reads measurement CSV text; a malformed row is an error naming the file, the line and the column.</summary>
    public static IReadOnlyList<ServingMeasurement> Read(string text, string origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var parser = new TextFieldParser(new StringReader(text)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = true };
        parser.SetDelimiters(",");
        string[] header = parser.ReadFields() ?? throw Guard.Fail(origin, "a CSV file with a header row", "an empty file");
        string[] expected = ["id", "model", "hardware", "chips", "precision", "engine", "batch", "input_tokens", "output_tokens", "metric", "value", "unit", "notes", "source", "date"];
        if (!header.SequenceEqual(expected, StringComparer.Ordinal))
        {
            throw Guard.Fail(origin, $"a header of {string.Join(",", expected)}", string.Join(",", header));
        }

        var rows = new List<ServingMeasurement>();
        while (!parser.EndOfData)
        {
            long line = parser.LineNumber;
            string[] f = parser.ReadFields()!;
            if (f.Length != expected.Length)
            {
                throw Guard.Fail($"{origin} line {line}", $"a row of {expected.Length} fields", $"{f.Length} fields");
            }

            int? Whole(int i) => f[i].Length == 0 ? null
                : int.TryParse(f[i], NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v > 0 ? v
                : throw Guard.Fail($"{origin} line {line} column {expected[i]}", "a whole number ≥ 1 or empty", $"'{f[i]}'");
            double value = double.TryParse(f[10], NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && double.IsFinite(x) && x > 0 ? x
                : throw Guard.Fail($"{origin} line {line} column value", "a finite number > 0", $"'{f[10]}'");
            rows.Add(new ServingMeasurement(f[0], f[1], f[2], Whole(3) ?? throw Guard.Fail($"{origin} line {line} column chips", "given", "nothing"),
                f[4], f[5], Whole(6), Whole(7), Whole(8), f[9], value, f[11], f[12], f[13], f[14]));
        }

        return rows;
    }

    /// <summary>Predicts every measurement with <paramref name="assumptions"/> (default: <see cref="ServingAssumptions.Default"/>).</summary>
    public static IReadOnlyList<ValidationCase> Run(LlmCatalog catalog, IEnumerable<ServingMeasurement> measurements, ServingAssumptions? assumptions = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(measurements);
        assumptions ??= ServingAssumptions.Default;
        return [.. measurements.Select(m => Case(catalog, m, assumptions))];
    }

    /// <summary>Median and mean absolute percentage error of the compared cases, per group.</summary>
    public static IReadOnlyList<ValidationGroup> Summarize(IEnumerable<ValidationCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return [.. cases.Where(c => c.Error is not null).GroupBy(c => c.Measurement.Group).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            double[] abs = [.. g.Select(c => Math.Abs(c.Error!.Value) * 100).Order()];
            double median = abs.Length % 2 == 1 ? abs[abs.Length / 2] : (abs[abs.Length / 2 - 1] + abs[abs.Length / 2]) / 2;
            double band = g.Key == "latency at batch 1" ? 0.30 : 0.50;
            return new ValidationGroup(g.Key, abs.Length, median, abs.Average(), abs.Count(e => e <= band * 100 + 1e-9), band);
        })];
    }

    private static ValidationCase Case(LlmCatalog catalog, ServingMeasurement m, ServingAssumptions a)
    {
        var how = new List<string>();
        if (m.Metric == "input_throughput" || m.Engine.Contains("EP", StringComparison.Ordinal) || m.Notes.Contains("EP144", StringComparison.Ordinal))
        {
            return Skip(m, "not compared: expert parallelism across nodes (and disaggregated prefill) is outside a tensor-parallel model");
        }

        string modelId = Resolve(m.Model, how), chipId = Resolve(m.Hardware, how);
        ModelCard? model = catalog.Models.FirstOrDefault(x => x.Id == modelId);
        Accelerator? chip = catalog.Accelerators.FirstOrDefault(x => x.Id == chipId);
        if (model?.Transformer is null || chip is null)
        {
            return Skip(m, $"not compared: {(model?.Transformer is null ? $"no architecture for {m.Model}" : $"no accelerator {m.Hardware}")} in the catalog");
        }

        int? input = m.InputTokens, output = m.OutputTokens;
        if ((input is null || output is null) && m.Notes.Contains("ShareGPT", StringComparison.Ordinal))
        {
            // SGLang's README: 5,000 ShareGPT prompts average about 202 input and 179 output tokens
            input ??= 202;
            output ??= 179;
            how.Add("ShareGPT means 202 in / 179 out");
        }

        if (input is null || output is null)
        {
            return Skip(m, "not compared: the row publishes no input length (a dataset's mix)");
        }

        Precision precision = CatalogNames.PrecisionOf(m.Precision);
        try
        {
            int batch;
            if (m.Batch is { } b)
            {
                batch = b;
                how.Add("batch published");
            }
            else if (TpotMs().Match(m.Notes) is { Success: true } tpot && m.Metric == "output_throughput")
            {
                double ms = double.Parse(tpot.Groups[1].Value, CultureInfo.InvariantCulture);
                batch = Math.Max(1, (int)Math.Round(m.Value * ms / 1000));
                how.Add($"batch by Little's law: {NumberFormat.Compact(m.Value)} tokens/s × {NumberFormat.Compact(ms)} ms TPOT");
            }
            else
            {
                ServingPoint probe = ServingModel.Evaluate(ServingSetups.ForModel(model, chip, m.Chips, precision, null, null, 1, input.Value, output.Value, null, a));
                if (probe.MaxBatch < 1)
                {
                    return Skip(m, "not compared: the weights do not fit on these chips by the model's memory check");
                }

                batch = (int)Math.Min(probe.MaxBatch, MaxLoadBatchCap);
                how.Add($"batch = the largest that fits ({NumberFormat.Integer(probe.MaxBatch)}), at most {NumberFormat.Integer(MaxLoadBatchCap)}");
            }

            ServingPoint p = ServingModel.Evaluate(ServingSetups.ForModel(model, chip, m.Chips, precision, null, null, batch, input.Value, output.Value, null, a));
            double predicted = m.Metric switch
            {
                "output_throughput" => p.TokensPerSecond,
                "output_throughput_per_chip" => p.TokensPerSecondPerChip,
                "per_user_throughput" => p.TokensPerSecondPerUser,
                "ttft" => p.PrefillSeconds * 1000,
                "e2e_latency" => p.EndToEndSeconds * 1000,
                _ => double.NaN,
            };
            return double.IsNaN(predicted)
                ? Skip(m, $"not compared: unknown metric '{m.Metric}'")
                : new ValidationCase(m, predicted, (predicted - m.Value) / m.Value, batch, string.Join("; ", how));
        }
        catch (InputException e)
        {
            return Skip(m, "not compared: " + e.Message);
        }
    }

    private static string Resolve(string name, List<string> how)
    {
        if (Aliases.TryGetValue(name, out var alias))
        {
            how.Add(alias.Why);
            return alias.Id;
        }

        return name;
    }

    private static ValidationCase Skip(ServingMeasurement m, string why) => new(m, null, null, null, why);

    [GeneratedRegex(@"(?:mean|median) TPOT ([0-9.]+) ms")]
    private static partial Regex TpotMs();

    private static string ReadResource()
    {
        using Stream s = typeof(ServingValidation).Assembly.GetManifestResourceStream("LlmEcon.Serving.serving-measurements.csv")!;
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }
}
