using System.ComponentModel;
using LlmEcon.Audit;
using LlmEcon.Catalog;
using LlmEcon.Cli.Output;
using LlmEcon.Derivations;
using LlmEcon.Projections;
using LlmEcon.Quantities;
using Spectre.Console.Cli;

namespace LlmEcon.Cli.Commands;

/// <summary>Flags of <c>llmecon trajectory</c>; defaults are the article's levers (§5).</summary>
internal sealed class TrajectorySettings : CommonSettings
{
    /// <summary>--params-before.</summary>
    [CommandOption("--params-before <N>")]
    [Description("Parameters before (inference lever). Default: GPT-3's 175B.")]
    public string? ParamsBefore { get; init; }

    /// <summary>--params-after.</summary>
    [CommandOption("--params-after <N>")]
    [Description("Parameters after, at the same quality. Default: Chinchilla's 70B.")]
    public string? ParamsAfter { get; init; }

    /// <summary>--cost-per-flop-reduction.</summary>
    [CommandOption("--cost-per-flop-reduction <FRACTION>")]
    [Description("Fall in cost per FLOP (both levers). Default: 58.06%, the article's V100 → H100 in-house reduction (eq. 17, from its printed lines).")]
    public string? CostPerFlopReduction { get; init; }

    /// <summary>--mfu-before.</summary>
    [CommandOption("--mfu-before <FRACTION>")]
    [Description("Training MFU before. Default: GPT-3's 21.3%.")]
    public string? MfuBefore { get; init; }

    /// <summary>--mfu-after.</summary>
    [CommandOption("--mfu-after <FRACTION>")]
    [Description("Training MFU after. Default: PaLM's 46.2%.")]
    public string? MfuAfter { get; init; }

    /// <summary>--start-cost.</summary>
    [CommandOption("--start-cost <USD>")]
    [Description("Projection: the cost in year 0. Default: GPT-3 on GCP TPU v4 at PaLM's MFU, $1,398,072.")]
    public string? StartCost { get; init; }

    /// <summary>--efficiency-growth.</summary>
    [CommandOption("--efficiency-growth <FRACTION>")]
    [Description("Projection: yearly growth of throughput per $; the cost falls 1 − 1/(1+g) a year. Default: 22% (the article's +50% per 2-year generation).")]
    public string? EfficiencyGrowth { get; init; }

    /// <summary>--years.</summary>
    [CommandOption("--years <N>")]
    [Description("Projection: years. Default: 5.")]
    public string? Years { get; init; }
}

/// <summary><c>llmecon trajectory</c>: eqs. 11–12 with the article's levers.</summary>
internal sealed class TrajectoryCommand(Io io) : LlmEconCommand<TrajectorySettings>(io)
{
    /// <inheritdoc/>
    protected override CommandResult Build(TrajectorySettings s, LlmCatalog catalog)
    {
        ArticleScenario scenario = ArticleScenario.Default;
        TrajectoryScenario t = scenario.Trajectory;
        ArticleReproduction? article = null;
        ArticleReproduction Article() => article ??= ArticleReproduction.Run(catalog, scenario);
        ParameterCount before = s.ParamsBefore is null ? catalog.Model(t.ParametersBeforeModelId).Parameters : QuantityParser.ParameterCount(s.ParamsBefore, "--params-before");
        ParameterCount after = s.ParamsAfter is null ? catalog.Model(t.ParametersAfterModelId).Parameters : QuantityParser.ParameterCount(s.ParamsAfter, "--params-after");
        Ratio costPerFlop;
        string why;
        if (s.CostPerFlopReduction is null)
        {
            costPerFlop = Ratio.FromFraction(Article().Figures["inhouse.reduction"].Value);
            why = "the article's in-house V100 → H100 reduction, eq. 17 from its printed lines";
        }
        else
        {
            costPerFlop = QuantityParser.Ratio(s.CostPerFlopReduction, "--cost-per-flop-reduction");
            Guard.FractionBelowOne(costPerFlop.Fraction, "--cost-per-flop-reduction");
            why = "given";
        }

        Ratio mfuBefore = Mfu(s.MfuBefore, "--mfu-before", catalog.Model(t.MfuBeforeModelId).Mfu!.Value);
        Ratio mfuAfter = Mfu(s.MfuAfter, "--mfu-after", catalog.Model(t.MfuAfterModelId).Mfu!.Value);
        Lever[] levers = [CostTrajectory.Parameters(before, after), CostTrajectory.CostPerFlopChange(costPerFlop, why), CostTrajectory.Utilization(mfuBefore, mfuAfter)];
        var (inference, inferenceD) = CostTrajectory.NetReduction(levers, inference: true);
        var (training, trainingD) = CostTrajectory.NetReduction(levers, inference: false);
        Sheet leverSheet = Sheet.Table("levers", "Levers on the cost (new/old factor; counted where marked)", [
            new Column("lever", "Lever", Kind.Text),
            new Column("factor", "Factor new/old", Kind.Number, "×"),
            new Column("reduction", "Reduction", Kind.Fraction),
            new Column("inference", "Inference", Kind.Text),
            new Column("training", "Training", Kind.Text),
        ], levers.Select(l => (IReadOnlyList<object?>)[l.Name, l.Factor, l.Reduction, l.Inference ? "counted" : "—", l.Training ? "counted" : "—"]));
        Sheet net = Sheet.Record("netReduction", "Net reduction")
            .Add("inference", "Inference", Kind.Fraction, inference.Fraction)
            .Add("training", "Training", Kind.Fraction, training.Fraction);

        var derivations = new List<Derivation>(levers.Select(l => l.Derivation)) { inferenceD, trainingD };
        Money start;
        if (s.StartCost is null)
        {
            var gpt3 = Article().Training.First(x => x.Model.Id == t.ParametersBeforeModelId);
            start = gpt3.Solution.Cost;
            derivations.Add(gpt3.Solution.Derivation);
        }
        else
        {
            start = QuantityParser.Money(s.StartCost, "--start-cost");
        }

        double growth = s.EfficiencyGrowth is null
            ? Hardware.Generations.AnnualisedRate(scenario.Generations.PerGenerationUsdGain, scenario.Generations.YearsPerGeneration)
            : QuantityParser.Ratio(s.EfficiencyGrowth, "--efficiency-growth").Fraction;
        Ratio decline = CostTrajectory.CostDeclineFromEfficiencyGrowth(growth);
        int years = s.Years is null ? 5 : Flags.Count(s.Years, "--years");
        IReadOnlyList<ProjectedCost> projection = CostTrajectory.Project(start, [decline], years);
        Sheet projected = Sheet.Table("projection", $"Cost by year at {NumberFormat.Percent(growth)} a year more throughput per $ (cost × {NumberFormat.Compact(1 - decline.Fraction, 4)} a year)", [
            new Column("year", "Year", Kind.Integer),
            new Column("costUsd", "Cost", Kind.Usd),
        ], projection.Select(p => (IReadOnlyList<object?>)[(double)p.Year, p.Cost.Usd]));
        return new CommandResult("Cost trajectory", [leverSheet, net, projected], [], derivations);
    }

    private static Ratio Mfu(string? text, string flag, Ratio fallback)
    {
        Ratio r = text is null ? fallback : QuantityParser.Ratio(text, flag);
        Guard.Utilization(r.Fraction, flag);
        return r;
    }
}
