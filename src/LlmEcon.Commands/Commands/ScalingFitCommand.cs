using LlmEcon.Catalog;
using LlmEcon.Cli.Output;
using LlmEcon.Derivations;
using LlmEcon.Quantities;
using LlmEcon.Scaling;
using LlmEcon.Scaling.Fitting;
using LlmEcon.Cli.Options;
using static LlmEcon.NumberFormat;

namespace LlmEcon.Cli.Commands;

/// <summary><c>llmecon scaling fit FILE</c>: Hoffmann et al. (2022) approach 3 on the user's runs.</summary>
internal sealed class ScalingFitCommand : LlmEconCommand
{
    /// <inheritdoc/>
    public override string Path => "scaling fit";

    /// <inheritdoc/>
    public override string Summary =>
        "Fit L(N, D) = E + A/N^α + B/D^β to training runs from a CSV (Hoffmann et al. 2022 approach 3: Huber on log loss, L-BFGS from a grid), optionally bootstrapped.";

    /// <inheritdoc/>
    public override IReadOnlyList<Positional> Positionals =>
        [new("FILE", "A CSV file with a header row and one training run per row: parameters, tokens (or training FLOP), loss; cells like 1e9, 100M or \"30,840,000\".")];

    /// <inheritdoc/>
    public override IReadOnlyList<Opt> OwnOptions => [.. FitData.Options, O.Bootstrap, O.Seed, O.BudgetFlops, O.SaveLaw, O.LawId, O.Law];

    /// <inheritdoc/>
    public override IReadOnlyList<string[]> Examples =>
    [
        ["data/chinchilla-figure4.csv", "--drop-highest", "5"],
        ["data/chinchilla-figure4.csv", "--drop-highest", "5", "--bootstrap", "1000", "--seed", "1"],
        ["data/chinchilla-figure4.csv", "--drop-highest", "5", "--save-law", "my-law.json", "--law-id", "my-law"],
    ];

    /// <inheritdoc/>
    protected override IEnumerable<(string Flag, string Path)> Inputs(Args a) => [("FILE", a.Arguments[0])];

    /// <inheritdoc/>
    protected override CommandResult Build(Args a, LlmCatalog catalog, Io io)
    {
        // Outputs and ids are checked before a second of fitting is spent.
        OutputFile? saveLaw = a.Text(O.SaveLaw) is { } savePath ? OutputFile.Prepare(savePath, O.SaveLaw.Name, AllInputs(a)) : null;
        if (saveLaw is not null && a.Raw(O.Out) is { } outPath)
        {
            saveLaw.RequireDistinctFrom(OutputFile.Prepare(outPath, O.Out.Name, []));
        }

        string id = a.Text(O.LawId) ?? "fitted";
        if (catalog.All.Any(e => e.Id == id))
        {
            throw Guard.Fail(O.LawId.Name, "an id the catalog does not have yet", $"'{id}' (already in the catalog's {catalog.SourceEntry(id).Section})");
        }

        ScalingLaw reference = Laws.One(a, catalog);
        ScalingDataset data = FitData.Read(a, a.Arguments[0], "FILE");
        FitOptions options = FitData.FitOptionsOf(a);
        double budget = a.Value(O.BudgetFlops)?.Flop ?? BootstrapOptions.ChinchillaBudget;
        long? resamples = a.Value(O.Bootstrap);
        int seed = (int)a.Value(O.Seed, BootstrapOptions.DefaultSeed);
        ScalingFitResult fit = FitData.Fit(data, options, id, io);
        Laws.Optimal(fit.Law, FlopCount.FromFlop(budget), O.BudgetFlops.Name);

        var sheets = new List<Sheet> { FitSheet(data, fit), ResidualSheet(fit), PredictionSheet(data, fit.Law, reference), OptimalSheet(budget, [fit.Law, reference]) };
        var derivations = new List<Derivation> { FitDerivation(data, fit) };
        if (resamples is { } r)
        {
            var progress = new Progress("bootstrap", "resamples", r, io, every: Math.Max(1, r / 10));
            BootstrapResult b = ScalingBootstrap.Run(data, fit, new BootstrapOptions((int)r, seed, budget), progress);
            sheets.Add(BootstrapSheet(b));
        }

        return new CommandResult("Scaling-law fit", sheets, [$"{data.Rows.Count} runs of {data.Origin} fitted"
            + (data.Dropped.Count > 0 ? $" after dropping the {data.Dropped.Count} highest-loss runs" : "")
            + (data.TokensFromFlops ? $"; D = C / 6N from column '{data.TokensColumn}'." : ".")
            + (saveLaw is null ? "" : $" Law '{id}' written to {saveLaw.Given}.")], derivations)
        {
            Warnings = fit.Warnings,
            Files = saveLaw is null ? [] : [(saveLaw, CatalogFile.OfScalingLaw(fit.Law))],
        };
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
            .Add("mean", "Mean", Kind.Number, fit.Residuals.Mean, "ln(L̂/L)")
            .Add("rootMeanSquare", "Root mean square", Kind.Number, fit.Residuals.RootMeanSquare, "ln(L̂/L)")
            .Add("medianAbsolute", "Median |residual|", Kind.Number, fit.Residuals.MedianAbsolute, "ln(L̂/L)")
            .Add("maxAbsolute", "Max |residual|", Kind.Number, fit.Residuals.MaxAbsolute, "ln(L̂/L)")
            .Add("withinDelta", "Runs with |residual| ≤ δ", Kind.Integer, (double)fit.Residuals.WithinDelta, "runs");

    private static Sheet PredictionSheet(ScalingDataset data, ScalingLaw fitted, ScalingLaw reference)
    {
        var bySize = data.Rows.OrderBy(o => o.Parameters).ThenBy(o => o.Tokens).ToList();
        IEnumerable<(string Label, double N, double D, double? Observed)> cases = [
            .. ScenarioContext.Article.Scaling.Cases.Select(c => (c.Label, c.Parameters.Count, c.Tokens.Count, (double?)null)),
            .. new[] { ("smallest run", bySize[0]), ("median run", bySize[bySize.Count / 2]), ("largest run", bySize[^1]) }
                .Select(x => ($"{x.Item1} (line {x.Item2.Line})", x.Item2.Parameters, x.Item2.Tokens, (double?)x.Item2.Loss)),
        ];

        return Sheet.Table("predictions", $"Predictions: the fit beside law '{reference.Id}'", cases,
            (new Column("case", "Case", Kind.Text), c => c.Label),
            (Columns.Parameters(), c => c.N),
            (Columns.Tokens(), c => c.D),
            (new Column("observedLoss", "Observed", Kind.Number, "nats/token"), c => c.Observed),
            (new Column("fittedLoss", "Fit", Kind.Number, "nats/token"), c => Loss(fitted, c.N, c.D)),
            (new Column("referenceLoss", reference.Id, Kind.Number, "nats/token"), c => Loss(reference, c.N, c.D)));
    }

    private static double Loss(ScalingLaw law, double n, double d) =>
        ChinchillaLoss.Evaluate(law, ParameterCount.FromCount(n), TokenCount.FromCount(d)).Loss;

    /// <summary>The compute-optimal model at a budget under each law.</summary>
    public static Sheet OptimalSheet(double budget, IEnumerable<ScalingLaw> laws) =>
        Sheet.Table("optimal", $"Compute-optimal model at {Compact(budget)} FLOP, law by law",
            laws.Select(l => Laws.Optimal(l, FlopCount.FromFlop(budget), O.BudgetFlops.Name)),
            (new Column("law", "Law", Kind.Text), o => o.Law.Id),
            (Columns.Parameters("N_opt"), o => o.Parameters.Count),
            (Columns.Tokens("D_opt"), o => o.Tokens.Count),
            (new Column("tokensPerParameter", "D/N", Kind.Number, "tokens/parameter"), o => o.TokensPerParameter),
            (Columns.Loss(), o => o.Loss));

    private static Sheet BootstrapSheet(BootstrapResult b) =>
        Sheet.Table("bootstrap", $"Bootstrap: {b.Options.Resamples} resamples (seed {b.Options.Seed}); 95% percentile intervals", b.Intervals,
            (new Column("quantity", "Quantity", Kind.Text), i => i.Name == "tokensPerParameter" ? $"tokensPerParameter at {Compact(b.Options.BudgetFlops)} FLOP" : i.Name),
            (new Column("unit", "Unit", Kind.Text), i => Unit(i.Name)),
            (new Column("estimate", "Estimate", Kind.Number), i => i.Estimate),
            (new Column("standardError", "Standard error", Kind.Number), i => i.StandardError),
            (new Column("low", "2.5%", Kind.Number), i => i.Low),
            (new Column("high", "97.5%", Kind.Number), i => i.High));

    private static string Unit(string name) => name switch
    {
        "E" => "nats/token",
        "A" => "nats/token × parameters^α",
        "B" => "nats/token × tokens^β",
        "tokensPerParameter" => "tokens/parameter",
        _ => "exponent",
    };

    private static Derivation FitDerivation(ScalingDataset data, ScalingFitResult fit) => Derivation.Procedure(
        "fitted scaling law", "(21) Hoffmann et al. 2022, appendix D.2 (approach 3)",
        "min over (a, b, e, α, β) of Σ Huber_δ(LSE(a − α ln N_i, b − β ln D_i, e) − ln L_i); A = e^a, B = e^b, E = e^e",
        $"{fit.Rows} runs of {data.Origin}, δ = {Guard.Show(fit.Delta)}, L-BFGS from {fit.Starts} starts (best start a={Compact(fit.BestStart[0])}, b={Compact(fit.BestStart[1])}, e={Compact(fit.BestStart[2])}, α={Compact(fit.BestStart[3])}, β={Compact(fit.BestStart[4])})",
        $"E = {Compact(fit.Law.E)}, A = {Compact(fit.Law.A)}, B = {Compact(fit.Law.B)}, α = {Compact(fit.Law.Alpha)}, β = {Compact(fit.Law.Beta)}; objective {Compact(fit.Objective)}",
        [new Term("data", "training runs", $"{data.Origin}: N from '{data.ParametersColumn}', {(data.TokensFromFlops ? "D = C/6N from" : "D from")} '{data.TokensColumn}', L from '{data.LossColumn}'")]);
}
