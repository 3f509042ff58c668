using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using LlmEcon.Audit;
using LlmEcon.Catalog;
using LlmEcon.Cli.Output;
using LlmEcon.Derivations;
using LlmEcon.Quantities;
using LlmEcon.Scaling;
using LlmEcon.Scaling.Fitting;
using Spectre.Console.Cli;
using static LlmEcon.NumberFormat;

namespace LlmEcon.Cli.Commands;

/// <summary>Flags that read runs from a CSV file and fit a law to them (shared by <c>scaling fit</c> and <c>scaling plan --fit</c>).</summary>
internal class FitDataSettings : CommonSettings
{
    /// <summary>--params-column.</summary>
    [CommandOption("--params-column <NAME>")]
    [Description("The column of parameters N (default: detected, e.g. 'Model Size', 'parameters', 'N').")]
    public string? ParamsColumn { get; init; }

    /// <summary>--tokens-column.</summary>
    [CommandOption("--tokens-column <NAME>")]
    [Description("The column of training tokens D (default: detected, e.g. 'tokens', 'D').")]
    public string? TokensColumn { get; init; }

    /// <summary>--flops-column.</summary>
    [CommandOption("--flops-column <NAME>")]
    [Description("The column of training FLOP C, when there is no tokens column: D = C / 6N (default: detected, e.g. 'Training FLOP').")]
    public string? FlopsColumn { get; init; }

    /// <summary>--loss-column.</summary>
    [CommandOption("--loss-column <NAME>")]
    [Description("The column of final loss L (default: detected, e.g. 'loss').")]
    public string? LossColumn { get; init; }

    /// <summary>--drop-highest.</summary>
    [CommandOption("--drop-highest <K>")]
    [Description("Drop the K highest-loss rows before fitting (Besiroglu et al. 2024 drop 5 of the Figure 4 data). Default: 0.")]
    public string? DropHighest { get; init; }

    /// <summary>--delta.</summary>
    [CommandOption("--delta <δ>")]
    [Description("Huber δ on log residuals. Default: 1e-3 (Hoffmann et al. 2022).")]
    public string? Delta { get; init; }

    /// <summary>--grid-alpha.</summary>
    [CommandOption("--grid-alpha <LIST>")]
    [Description("Starting α values: 'low:high:step' or a comma list. Default: 0:2:0.5.")]
    public string? GridAlpha { get; init; }

    /// <summary>--grid-beta.</summary>
    [CommandOption("--grid-beta <LIST>")]
    [Description("Starting β values. Default: 0:2:0.5.")]
    public string? GridBeta { get; init; }

    /// <summary>--grid-e.</summary>
    [CommandOption("--grid-e <LIST>")]
    [Description("Starting e = ln E values. Default: -1:1:0.5.")]
    public string? GridE { get; init; }

    /// <summary>--grid-a.</summary>
    [CommandOption("--grid-a <LIST>")]
    [Description("Starting a = ln A values. Default: 0:25:5.")]
    public string? GridA { get; init; }

    /// <summary>--grid-b.</summary>
    [CommandOption("--grid-b <LIST>")]
    [Description("Starting b = ln B values. Default: 0:25:5.")]
    public string? GridB { get; init; }

    /// <summary>Reads the runs from <paramref name="file"/> with the column and drop flags.</summary>
    public ScalingDataset ReadData(string file) => Read(file, new ScalingColumns(ParamsColumn, TokensColumn, FlopsColumn, LossColumn), DropHighest);

    /// <summary>Reads runs and drops the <paramref name="dropHighest"/> highest-loss ones (shared with <c>scaling plan --fit</c>).</summary>
    public static ScalingDataset Read(string file, ScalingColumns columns, string? dropHighest)
    {
        ScalingDataset data = ScalingCsv.ReadFile(file, columns);
        int drop = dropHighest is null ? 0 : int.TryParse(dropHighest, NumberStyles.Integer, CultureInfo.InvariantCulture, out int k) && k >= 0
            ? k : throw Guard.Fail("--drop-highest", "a whole number ≥ 0", $"'{dropHighest}'");
        try
        {
            return data.DropHighestLoss(drop);
        }
        catch (InputException e)
        {
            throw new InputException("--drop-highest", e.Rule, e.Actual, e.Hint);
        }
    }

    /// <summary>The fit options from --delta and --grid-*.</summary>
    public FitOptions FitOptions()
    {
        FitGrid d = FitGrid.Chinchilla;
        double delta = Delta is null ? 1e-3 : Flags.Number(Delta, "--delta");
        Guard.InRange(delta, "--delta", 0, 1, true, false);
        var grid = new FitGrid(List(GridAlpha, "--grid-alpha", d.Alpha), List(GridBeta, "--grid-beta", d.Beta), List(GridE, "--grid-e", d.E),
            List(GridA, "--grid-a", d.A), List(GridB, "--grid-b", d.B));
        return new FitOptions(delta, grid);
    }

    private static IReadOnlyList<double> List(string? text, string flag, IReadOnlyList<double> fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        string[] range = text.Split(':');
        if (range.Length == 3)
        {
            try
            {
                return FitGrid.Steps(Number(range[0], flag, true), Number(range[1], flag, true), Number(range[2], flag, true));
            }
            catch (InputException e) when (!e.Parameter.StartsWith("--", StringComparison.Ordinal))
            {
                throw Guard.Fail(flag, "'low:high:step' with low ≤ high and step > 0, or a comma list", $"'{text}'");
            }
        }

        if (range.Length != 1)
        {
            throw Guard.Fail(flag, "'low:high:step' or a comma list", $"'{text}'");
        }

        return [.. text.Split(',').Select(v => Number(v, flag, true))];
    }

    private static double Number(string text, string flag, bool signed) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) && (signed || v >= 0)
            ? v
            : throw Guard.Fail(flag, "numbers ('low:high:step' or a comma list)", $"'{text}'");
}

/// <summary>Flags of <c>llmecon scaling fit</c>.</summary>
internal sealed class ScalingFitSettings : FitDataSettings
{
    /// <summary>The CSV file.</summary>
    [CommandArgument(0, "<FILE>")]
    [Description("A CSV file with a header row and one training run per row: parameters, tokens (or training FLOP), loss.")]
    public string File { get; init; } = "";

    /// <summary>--bootstrap.</summary>
    [CommandOption("--bootstrap <R>")]
    [Description("Refit on R resamples (with replacement): standard errors and 95% intervals. Progress on standard error.")]
    public string? Bootstrap { get; init; }

    /// <summary>--seed.</summary>
    [CommandOption("--seed <S>")]
    [Description("Seed of the bootstrap resampling. Default: 42.")]
    public string? Seed { get; init; }

    /// <summary>--budget-flops.</summary>
    [CommandOption("--budget-flops <C>")]
    [Description("The FLOP budget at which to compare compute-optimal models (and bootstrap tokens per parameter). Default: 5.76e23 (Chinchilla's).")]
    public string? BudgetFlops { get; init; }

    /// <summary>--save-law.</summary>
    [CommandOption("--save-law <FILE>")]
    [Description("Write the fitted law as a catalog file, usable with --catalog FILE --law ID.")]
    public string? SaveLaw { get; init; }

    /// <summary>--law-id.</summary>
    [CommandOption("--law-id <ID>")]
    [Description("The fitted law's id. Default: fitted.")]
    public string? LawId { get; init; }

    /// <summary>--law.</summary>
    [CommandOption("--law <ID>")]
    [Description("The catalog law to compare with. Default: chinchilla-article.")]
    public string? Law { get; init; }
}

/// <summary><c>llmecon scaling fit FILE</c>: Hoffmann et al. (2022) approach 3 on the user's runs.</summary>
internal sealed class ScalingFitCommand(Io io) : LlmEconCommand<ScalingFitSettings>(io)
{
    private readonly Io _io = io;

    /// <inheritdoc/>
    protected override CommandResult Build(ScalingFitSettings s, LlmCatalog catalog)
    {
        ScalingDataset data = s.ReadData(s.File);
        FitOptions options = s.FitOptions();
        double budget = s.BudgetFlops is null ? 5.76e23 : QuantityParser.FlopCount(s.BudgetFlops, "--budget-flops").Flop;
        int? resamples = s.Bootstrap is null ? null : Flags.Count(s.Bootstrap, "--bootstrap");
        int seed = s.Seed is null ? 42 : int.TryParse(s.Seed, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v
            : throw Guard.Fail("--seed", "a whole number", $"'{s.Seed}'");
        if (resamples is < 2)
        {
            throw Guard.Fail("--bootstrap", "a whole number ≥ 2", "1");
        }

        ScalingLaw reference = Flags.Lookup(() => catalog.ScalingLaw(s.Law ?? "chinchilla-article"), "--law");
        string id = s.LawId ?? "fitted";
        ScalingFitResult fit = ScalingFit.Fit(data, options, id, DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        var sheets = new List<Sheet> { FitSheet(data, fit), ResidualSheet(fit), PredictionSheet(data, fit.Law, reference), OptimalSheet(budget, [fit.Law, reference]) };
        var derivations = new List<Derivation> { FitDerivation(data, fit) };
        if (resamples is { } r)
        {
            int step = Math.Max(1, r / 10);
            var progress = new SynchronousProgress(done =>
            {
                if (done % step == 0 || done == r)
                {
                    _io.Error.Write(string.Create(CultureInfo.InvariantCulture, $"bootstrap: {done}/{r} resamples\n"));
                }
            });
            BootstrapResult b = ScalingBootstrap.Run(data, fit, new BootstrapOptions(r, seed, budget), progress);
            sheets.Add(BootstrapSheet(b));
        }

        if (s.SaveLaw is { } path)
        {
            AtomicFile.Write(path, LawJson(fit.Law));
        }

        return new CommandResult("Scaling-law fit", sheets, [$"Fitted {data.Rows.Count} runs of {data.Origin}"
            + (data.Dropped.Count > 0 ? $" after dropping the {data.Dropped.Count} highest-loss rows" : "")
            + (data.TokensFromFlops ? $"; D = C / 6N from column '{data.TokensColumn}'." : ".")
            + (s.SaveLaw is null ? "" : $" Law '{id}' written to {s.SaveLaw}.")], derivations);
    }

    private static Sheet FitSheet(ScalingDataset data, ScalingFitResult fit) =>
        Sheet.Record("fit", $"L(N, D) = E + A/N^α + B/D^β fitted to {data.Origin}")
            .Add("law", "Law id", Kind.Text, fit.Law.Id)
            .Add("e", "E (irreducible loss)", Kind.Number, fit.Law.E, "nats/token")
            .Add("a", "A", Kind.Number, fit.Law.A, "nats/token × parameters^α")
            .Add("b", "B", Kind.Number, fit.Law.B, "nats/token × tokens^β")
            .Add("alpha", "α", Kind.Number, fit.Law.Alpha, "exponent")
            .Add("beta", "β", Kind.Number, fit.Law.Beta, "exponent")
            .Add("parameterExponent", "N_opt ∝ C^a, a = β/(α+β)", Kind.Number, fit.ParameterExponent, "exponent")
            .Add("objective", "Objective Σ Huber_δ", Kind.Number, fit.Objective)
            .Add("delta", "Huber δ", Kind.Number, fit.Delta)
            .Add("rows", "Runs fitted", Kind.Integer, (double)fit.Rows, "runs")
            .Add("droppedRows", "Runs dropped (highest loss)", Kind.Integer, (double)data.Dropped.Count, "runs")
            .Add("starts", "Starting points", Kind.Integer, (double)fit.Starts, "starts")
            .Add("convergedStarts", "Starts converged in the grid phase", Kind.Integer, (double)fit.ConvergedStarts, "starts")
            .Add("evaluations", "Objective evaluations", Kind.Integer, (double)fit.Evaluations, "evaluations");

    private static Sheet ResidualSheet(ScalingFitResult fit) =>
        Sheet.Record("residuals", "Log residuals ln L̂ − ln L")
            .Add("mean", "Mean", Kind.Number, fit.Residuals.Mean, "ln nats")
            .Add("rootMeanSquare", "Root mean square", Kind.Number, fit.Residuals.RootMeanSquare, "ln nats")
            .Add("medianAbsolute", "Median |residual|", Kind.Number, fit.Residuals.MedianAbsolute, "ln nats")
            .Add("maxAbsolute", "Max |residual|", Kind.Number, fit.Residuals.MaxAbsolute, "ln nats")
            .Add("withinDelta", "Runs with |residual| ≤ δ", Kind.Integer, (double)fit.Residuals.WithinDelta, "runs");

    private static Sheet PredictionSheet(ScalingDataset data, ScalingLaw fitted, ScalingLaw reference)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (ScalingCase c in ArticleScenario.Default.Scaling.Cases)
        {
            rows.Add(Row(c.Label, c.Parameters, c.Tokens, null));
        }

        var bySize = data.Rows.OrderBy(o => o.Parameters).ThenBy(o => o.Tokens).ToList();
        foreach (var (label, o) in new[] { ("smallest run", bySize[0]), ("median run", bySize[bySize.Count / 2]), ("largest run", bySize[^1]) })
        {
            rows.Add(Row($"{label} (line {o.Line})", o.Parameters, o.Tokens, o.Loss));
        }

        return Sheet.Table("predictions", $"Predictions: the fit beside law '{reference.Id}'", [
            new Column("case", "Case", Kind.Text),
            new Column("parameters", "N", Kind.Number, "parameters"),
            new Column("tokens", "D", Kind.Number, "tokens"),
            new Column("observedLoss", "Observed", Kind.Number, "nats/token"),
            new Column("fittedLoss", "Fit", Kind.Number, "nats/token"),
            new Column("referenceLoss", reference.Id, Kind.Number, "nats/token"),
        ], rows);

        IReadOnlyList<object?> Row(string label, double n, double d, double? observed) =>
            [label, n, d, observed, Loss(fitted, n, d), Loss(reference, n, d)];
    }

    private static double Loss(ScalingLaw law, double n, double d) =>
        ChinchillaLoss.Evaluate(law, ParameterCount.FromCount(n), TokenCount.FromCount(d)).Loss;

    /// <summary>The compute-optimal model at a budget under each law.</summary>
    public static Sheet OptimalSheet(double budget, IEnumerable<ScalingLaw> laws) =>
        Sheet.Table("optimal", $"Compute-optimal model at {Compact(budget)} FLOP, law by law", [
            new Column("law", "Law", Kind.Text),
            new Column("parametersOptimal", "N_opt", Kind.Number, "parameters"),
            new Column("tokensOptimal", "D_opt", Kind.Number, "tokens"),
            new Column("tokensPerParameter", "D/N", Kind.Number, "tokens/parameter"),
            new Column("loss", "Loss", Kind.Number, "nats/token"),
        ], laws.Select(l => ChinchillaLoss.Optimal(l, FlopCount.FromFlop(budget))).Select(o => (IReadOnlyList<object?>)
            [o.Law.Id, o.Parameters.Count, o.Tokens.Count, o.TokensPerParameter, o.Loss]));

    private static Sheet BootstrapSheet(BootstrapResult b) =>
        Sheet.Table("bootstrap", $"Bootstrap: {b.Options.Resamples} resamples (seed {b.Options.Seed}); 95% percentile intervals", [
            new Column("quantity", "Quantity", Kind.Text),
            new Column("unit", "Unit", Kind.Text),
            new Column("estimate", "Estimate", Kind.Number),
            new Column("standardError", "Standard error", Kind.Number),
            new Column("low", "2.5%", Kind.Number),
            new Column("high", "97.5%", Kind.Number),
        ], b.Intervals.Select(i => (IReadOnlyList<object?>)[i.Name == "tokensPerParameter" ? $"tokensPerParameter at {Compact(b.Options.BudgetFlops)} FLOP" : i.Name,
            Unit(i.Name), i.Estimate, i.StandardError, i.Low, i.High]));

    private static string Unit(string name) => name switch
    {
        "E" => "nats/token",
        "A" => "nats/token × parameters^α",
        "B" => "nats/token × tokens^β",
        "tokensPerParameter" => "tokens/parameter",
        _ => "exponent",
    };

    private static Derivation FitDerivation(ScalingDataset data, ScalingFitResult fit) => new(
        "fitted scaling law", "(21) Hoffmann et al. 2022, appendix D.2 (approach 3)",
        "min over (a, b, e, α, β) of Σ Huber_δ(LSE(a − α ln N_i, b − β ln D_i, e) − ln L_i); A = e^a, B = e^b, E = e^e",
        $"{fit.Rows} runs of {data.Origin}, δ = {Guard.Show(fit.Delta)}, L-BFGS from {fit.Starts} starts (best start a={Compact(fit.BestStart[0])}, b={Compact(fit.BestStart[1])}, e={Compact(fit.BestStart[2])}, α={Compact(fit.BestStart[3])}, β={Compact(fit.BestStart[4])})",
        $"E = {Compact(fit.Law.E)}, A = {Compact(fit.Law.A)}, B = {Compact(fit.Law.B)}, α = {Compact(fit.Law.Alpha)}, β = {Compact(fit.Law.Beta)}; objective {Compact(fit.Objective)}",
        [new Term("data", "training runs", $"{data.Origin}: N from '{data.ParametersColumn}', {(data.TokensFromFlops ? "D = C/6N from" : "D from")} '{data.TokensColumn}', L from '{data.LossColumn}'")]);

    private static string LawJson(ScalingLaw law)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartArray("scalingLaws");
            w.WriteStartObject();
            w.WriteString("id", law.Id);
            w.WriteString("name", law.Name);
            w.WriteNumber("e", law.E);
            w.WriteNumber("a", law.A);
            w.WriteNumber("b", law.B);
            w.WriteNumber("alpha", law.Alpha);
            w.WriteNumber("beta", law.Beta);
            w.WriteString("source", law.Source);
            w.WriteString("published", law.Date);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        private readonly Lock _gate = new();

        public void Report(int value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
