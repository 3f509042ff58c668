using LlmEcon.Catalog;
using LlmEcon.Cli.Output;
using LlmEcon.Derivations;
using LlmEcon.Projections;
using LlmEcon.Quantities;
using LlmEcon.Scaling;
using LlmEcon.Scaling.Fitting;
using LlmEcon.Cli.Options;
using static LlmEcon.NumberFormat;

namespace LlmEcon.Cli.Commands;

/// <summary><c>llmecon scaling plan</c>: compute-optimal N and D for a FLOP budget, a dollar budget or a target loss, law by law.</summary>
internal sealed class ScalingPlanCommand : LlmEconCommand
{
    /// <inheritdoc/>
    public override string Path => "scaling plan";

    /// <inheritdoc/>
    public override string Summary =>
        "Plan a run with one or more laws: the compute-optimal N and D for a FLOP or dollar budget, or the cheapest model reaching a target loss (optionally with its serving cost, eqs. 21–23).";

    /// <inheritdoc/>
    public override IReadOnlyList<Opt> OwnOptions =>
        [O.Flops, O.Budget, O.TargetLoss, O.LifetimeTokens, O.Laws, O.FitFile, .. FitData.Options, O.TrainingMfu, O.InferenceMfu, .. MachineFlags.Options];

    /// <inheritdoc/>
    public override IReadOnlyList<string[]> Examples =>
    [
        ["--flops", "1e24", "--law", "chinchilla-article", "--fit", "data/chinchilla-figure4.csv", "--drop-highest", "5"],
        ["--budget", "$10,000,000", "--offer", "gcp-tpu-v4-1yr", "--mfu", "46.2%"],
        ["--target-loss", "2.0", "--lifetime-tokens", "10T", "--chip", "h100-sxm", "--price-per-chip-hour", "$2.50", "--mfu", "40%"],
    ];

    /// <inheritdoc/>
    protected override IEnumerable<(string Flag, string Path)> Inputs(Args a) => a.Raw(O.FitFile) is { } f ? [(O.FitFile.Name, f)] : [];

    /// <summary>The largest model and data a target-loss plan may answer: the option ranges of --params and --tokens.</summary>
    private const double MostParameters = 1e15, MostTokens = 1e18;

    /// <inheritdoc/>
    protected override CommandResult Build(Args a, LlmCatalog catalog, Io io)
    {
        int questions = new Opt[] { O.Flops, O.Budget, O.TargetLoss }.Count(a.Has);
        if (questions != 1)
        {
            throw new UsageException(questions == 0
                ? "scaling plan needs one of --flops, --budget or --target-loss."
                : "--flops, --budget and --target-loss conflict: give one of them.");
        }

        if (a.Has(O.LifetimeTokens) && !a.Has(O.TargetLoss))
        {
            throw new UsageException("--lifetime-tokens needs --target-loss: the lifetime plan keeps the loss fixed and trades training for serving.");
        }

        IReadOnlyList<string> ids = a.Has(O.Laws) ? a.All(O.Laws) : [Laws.DefaultId];
        foreach (var twice in ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            throw Guard.Fail(O.Laws.Name, "each law once", $"'{twice.Key}' {twice.Count()} times");
        }

        var laws = ids.Select(id => Laws.Find(id, catalog)).ToList();
        var derivations = new List<Derivation>();
        var notes = new List<string>();
        var warnings = new List<string>();
        if (a.Text(O.FitFile) is { } fitFile)
        {
            ScalingDataset data = FitData.Read(a, fitFile, O.FitFile.Name);
            ScalingFitResult fit = FitData.Fit(data, FitData.FitOptionsOf(a), "fitted:" + data.Origin, io);
            laws.Add(fit.Law);
            warnings.AddRange(fit.Warnings);
            notes.Add($"Law 'fitted:{data.Origin}' fitted to {data.Rows.Count} runs (E {Compact(fit.Law.E)}, A {Compact(fit.Law.A)}, B {Compact(fit.Law.B)}, α {Compact(fit.Law.Alpha)}, β {Compact(fit.Law.Beta)}).");
        }
        else if (FitData.Options.FirstOrDefault(a.Has) is { } fitOption)
        {
            throw new UsageException($"{fitOption.Name} applies to --fit: give --fit FILE too.");
        }

        MoneyPerFlop? trainCostPerFlop = null, serveCostPerFlop = null;
        if (MachineFlags.Given(a))
        {
            var (m, machineNotes) = MachineFlags.From(a, catalog);
            notes.AddRange(machineNotes);
            Ratio mfu = a.Required(O.TrainingMfu, "training MFU on the machine");
            Ratio serveMfu = a.Value(O.InferenceMfu) ?? mfu;
            Derivation train = CostTrajectory.CostPerFlopAt(m.Price, m.ChipsPerMachine, m.Peak, mfu);
            trainCostPerFlop = MoneyPerFlop.FromUsdPerFlop(train.Value!.Value);
            serveCostPerFlop = MoneyPerFlop.FromUsdPerFlop(CostTrajectory.CostPerFlopAt(m.Price, m.ChipsPerMachine, m.Peak, serveMfu).Value!.Value);
            derivations.Add(train);
        }
        else if (a.Has(O.Budget) || a.Has(O.LifetimeTokens))
        {
            throw Guard.Fail("--offer, --chip or --peak-flops", $"given with {(a.Has(O.Budget) ? "--budget" : "--lifetime-tokens")} (dollars need a machine and --mfu)", "none of them");
        }
        else if (a.Has(O.TrainingMfu) || a.Has(O.InferenceMfu))
        {
            throw new UsageException($"{(a.Has(O.TrainingMfu) ? "--mfu" : "--inference-mfu")} prices the plan on a machine: give --offer, --chip or --peak-flops too.");
        }
        else if (MachineFlags.Options.FirstOrDefault(a.Has) is { } stray)
        {
            throw new UsageException($"{stray.Name} describes a machine: give --offer, --chip or --peak-flops (and --mfu) too.");
        }

        var rows = new List<PlanRow>();
        string title;
        if (a.Value(O.TargetLoss) is { } target)
        {
            var plans = laws.Select(l => Reachable(ScalingPlan.ForTargetLoss(AboveE(l, target), target), target)).ToList();
            if (a.Value(O.LifetimeTokens) is { } lifetime)
            {
                var lifetimePlans = plans.Select(p => ScalingPlan.ForLifetime(p.Law, target, lifetime, trainCostPerFlop!.Value, serveCostPerFlop!.Value)).ToList();
                derivations.AddRange(lifetimePlans.SelectMany(p => p.Steps));
                rows.AddRange(lifetimePlans.Select(p => new PlanRow(p.Law.Id, p.Parameters.Count, p.Tokens.Count, p.TrainingFlops.Flop, target,
                    p.TrainingCost.Usd, p.InferenceCost.Usd, p.TotalCost.Usd, p.ComputeOptimal.Parameters.Count, p.ComputeOptimalTotalCost.Usd)));
                title = $"Cheapest model reaching loss {Compact(target)} and serving {NumberFormat.Count(lifetime.Count)} tokens";
            }
            else
            {
                derivations.AddRange(plans.SelectMany(p => p.Steps));
                rows.AddRange(plans.Select(p => new PlanRow(p.Law.Id, p.Parameters.Count, p.Tokens.Count, p.Flops.Flop, target, (trainCostPerFlop * p.Flops)?.Usd)));
                title = $"Cheapest model reaching loss {Compact(target)}";
            }
        }
        else
        {
            FlopCount budget;
            string flag;
            if (a.Value(O.Flops) is { } flops)
            {
                (budget, flag) = (flops, O.Flops.Name);
            }
            else
            {
                Derivation bought = ScalingPlan.FlopsForOf(a.Value(O.Budget)!.Value, trainCostPerFlop!.Value);
                derivations.Add(bought);
                (budget, flag) = (FlopCount.FromFlop(bought.Value!.Value), O.Budget.Name);
            }

            var plans = laws.Select(l => Laws.Optimal(l, budget, flag)).ToList();
            derivations.AddRange(plans.SelectMany(p => p.Steps));
            rows.AddRange(plans.Select(p => new PlanRow(p.Law.Id, p.Parameters.Count, p.Tokens.Count, budget.Flop, p.Loss, (trainCostPerFlop * budget)?.Usd)));
            title = a.Value(O.Budget) is { } money
                ? $"Compute-optimal model for {Usd(money.Usd)} ({Compact(budget.Flop)} FLOP)"
                : $"Compute-optimal model for {Compact(budget.Flop)} FLOP";
        }

        return new CommandResult("Scaling plan", [PlanSheet(title, rows)], notes, derivations) { Warnings = warnings };
    }

    /// <summary>
    /// A target-loss plan whose model is within what the tool can answer: at least 1 parameter and 1 token, at most 1e15 parameters
    /// and 1e18 tokens (a target just above E asks for an unbounded model).
    /// </summary>
    private static TargetLossPlan Reachable(TargetLossPlan p, double target)
    {
        double n = p.Parameters.Count, d = p.Tokens.Count;
        if (!(n >= 1 && d >= 1 && n <= MostParameters && d <= MostTokens))
        {
            throw Guard.Fail(O.TargetLoss.Name, $"reachable under law '{p.Law.Id}' by a model of 1 to 1e15 parameters trained on 1 to 1e18 tokens",
                $"{Compact(target)} (it needs N {Compact(n)}, D {Compact(d)})",
                n > MostParameters || d > MostTokens ? $"a target further above E = {Compact(p.Law.E)} is reachable" : "a lower target is reachable");
        }

        return p;
    }

    /// <summary>The law, refusing (as --target-loss's error) a target at or below its irreducible loss.</summary>
    private static ScalingLaw AboveE(ScalingLaw l, double target)
    {
        if (target <= l.E)
        {
            throw Guard.Fail(O.TargetLoss.Name, $"above law '{l.Id}''s irreducible loss E = {Compact(l.E)}", Guard.Show(target),
                "no model size or data reaches the irreducible loss");
        }

        return l;
    }

    /// <summary>One law's plan; the costs are null when the plan is not priced or not a lifetime plan.</summary>
    private sealed record PlanRow(string Law, double N, double D, double C, double Loss, double? TrainingCost,
        double? ServingCost = null, double? TotalCost = null, double? TrainingOnlyN = null, double? TrainingOnlyTotal = null);

    /// <summary>The plan table: the same keys whatever the question (absent values are null), one name per quantity.</summary>
    private static Sheet PlanSheet(string title, IEnumerable<PlanRow> plans) =>
        Sheet.Table("plans", title, plans,
            (new Column("law", "Law", Kind.Text), p => p.Law),
            (Columns.Parameters(), p => p.N),
            (Columns.Tokens(), p => p.D),
            (new Column("tokensPerParameter", "D/N", Kind.Number, "tokens/parameter"), p => p.D / p.N),
            (new Column("flops", "C = 6ND", Kind.Number, "FLOP"), p => p.C),
            (Columns.Loss(), p => p.Loss),
            (new Column("trainingCostUsd", "Training", Kind.Usd), p => p.TrainingCost),
            (new Column("servingCostUsd", "Serving", Kind.Usd), p => p.ServingCost),
            (new Column("totalCostUsd", "Total", Kind.Usd), p => p.TotalCost),
            (new Column("computeOptimalParameters", "Training-only N", Kind.Count, "parameters"), p => p.TrainingOnlyN),
            (new Column("computeOptimalTotalCostUsd", "Training-only total", Kind.Usd), p => p.TrainingOnlyTotal));
}
