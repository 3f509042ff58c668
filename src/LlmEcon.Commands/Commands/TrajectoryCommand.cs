using LlmEcon.Audit;
using LlmEcon.Catalog;
using LlmEcon.Cli.Output;
using LlmEcon.Derivations;
using LlmEcon.Projections;
using LlmEcon.Quantities;
using LlmEcon.Cli.Options;

namespace LlmEcon.Cli.Commands;

/// <summary><c>llmecon trajectory</c>: eqs. 11–12 with the article's levers.</summary>
internal sealed class TrajectoryCommand : LlmEconCommand
{
    /// <inheritdoc/>
    public override string Path => "trajectory";

    /// <inheritdoc/>
    public override string Summary => "The cost trajectory (eqs. 10–12): levers since GPT-3, the net reduction, and a cost projected by year; defaults are the article's (§5).";

    /// <inheritdoc/>
    public override IReadOnlyList<Opt> OwnOptions =>
        [O.ParamsBefore, O.ParamsAfter, O.CostPerFlopReduction, O.MfuBefore, O.MfuAfter, O.StartCost, O.EfficiencyGrowth, O.Years];

    /// <inheritdoc/>
    public override IReadOnlyList<string[]> Examples =>
        [[], ["--start-cost", "$1,398,072", "--efficiency-growth", "30%", "--years", "5"], ["--params-after", "8B", "--table", "levers"]];

    /// <summary>The trajectory's numbers: levers, net reductions, the starting cost and its projection, with derivations.</summary>
    internal sealed record Trajectory(IReadOnlyList<Lever> Levers, Ratio Inference, Ratio Training, Money Start, double Growth, Ratio Decline,
        IReadOnlyList<ProjectedCost> Projection, List<Derivation> Derivations);

    /// <summary>
    /// Computes the trajectory from the options (the article's defaults where none is given; <paramref name="article"/>, when
    /// given, is the reproduction of the article to read them from); plot draws the same numbers.
    /// </summary>
    internal static Trajectory Compute(Args s, LlmCatalog catalog, ArticleReproduction? article = null)
    {
        ArticleScenario scenario = ScenarioContext.Article;
        TrajectoryScenario t = scenario.Trajectory;
        ArticleReproduction Article() => article ??= ArticleReproduction.Run(catalog, scenario);
        Sourced<ParameterCount> before = s.Value(O.ParamsBefore) is { } nb ? nb : catalog.Model(t.ParametersBeforeModelId).ParametersSourced;
        Sourced<ParameterCount> after = s.Value(O.ParamsAfter) is { } na ? na : catalog.Model(t.ParametersAfterModelId).ParametersSourced;
        Ratio costPerFlop;
        string why;
        if (s.Value(O.CostPerFlopReduction) is { } given)
        {
            costPerFlop = given;
            why = "given";
        }
        else
        {
            costPerFlop = Ratio.FromFraction(Article().Figures["inhouse.reduction"].Value);
            why = "the article's in-house V100 → H100 reduction, eq. 17 from its printed lines";
        }

        Sourced<Ratio> mfuBefore = s.Value(O.MfuBefore) is { } mb ? mb : catalog.Model(t.MfuBeforeModelId).MfuSourced;
        Sourced<Ratio> mfuAfter = s.Value(O.MfuAfter) is { } ma ? ma : catalog.Model(t.MfuAfterModelId).MfuSourced;
        IReadOnlyList<Lever> levers = CostTrajectory.Levers(before, after, costPerFlop, why, mfuBefore, mfuAfter);
        var (inference, inferenceD) = CostTrajectory.NetReduction(levers, inference: true);
        var (training, trainingD) = CostTrajectory.NetReduction(levers, inference: false);
        var derivations = new List<Derivation>(levers.Select(l => l.Derivation)) { inferenceD, trainingD };
        Money start;
        if (!s.Has(O.StartCost))
        {
            var gpt3 = Article().Training.First(x => x.Model.Id == t.ParametersBeforeModelId);
            start = gpt3.Solution.Cost;
            derivations.Add(gpt3.Solution.Derivation);
        }
        else
        {
            start = s.Value(O.StartCost)!.Value;
        }

        double growth = s.Value(O.EfficiencyGrowth)?.Fraction
            ?? Hardware.Generations.AnnualisedRate(scenario.Generations.PerGenerationUsdGain, scenario.Generations.YearsPerGeneration);
        Derivation declineD = CostTrajectory.CostDeclineOf(growth);
        Ratio decline = Ratio.FromFraction(declineD.Value!.Value);
        int years = (int)s.Value(O.Years, 5);
        derivations.Add(declineD);
        derivations.Add(CostTrajectory.ProjectionOf(start, decline, years));
        return new Trajectory(levers, inference, training, start, growth, decline, CostTrajectory.Project(start, [decline], years), derivations);
    }

    /// <inheritdoc/>
    protected override CommandResult Build(Args s, LlmCatalog catalog, Io io)
    {
        Trajectory r = Compute(s, catalog);
        Sheet leverSheet = Sheet.Table("levers", "Levers on the cost (new/old factor; counted where marked)", r.Levers,
            (new Column("lever", "Lever", Kind.Text), l => l.Name),
            (new Column("factor", "Factor new/old", Kind.Number, "×"), l => l.Factor),
            (new Column("reduction", "Reduction", Kind.Fraction), l => l.Reduction),
            (new Column("countedForInference", "Inference", Kind.Flag) { Words = ("counted", "—") }, l => l.Inference),
            (new Column("countedForTraining", "Training", Kind.Flag) { Words = ("counted", "—") }, l => l.Training));
        Sheet net = Sheet.Record("netReduction", "Net reduction")
            .Add("inference", "Inference", Kind.Fraction, r.Inference.Fraction)
            .Add("training", "Training", Kind.Fraction, r.Training.Fraction);
        Sheet projected = Sheet.Table("projection", $"Cost by year at {NumberFormat.Percent(r.Growth)} a year more throughput per $ (cost × {NumberFormat.Compact(1 - r.Decline.Fraction, 4)} a year)", r.Projection,
            (new Column("year", "Year", Kind.Integer, "years from now"), p => (double)p.Year),
            (new Column("costUsd", "Cost", Kind.Usd), p => p.Cost.Usd));
        return new CommandResult("Cost trajectory", [leverSheet, net, projected], [], r.Derivations);
    }
}
