using System.ComponentModel;
using System.Globalization;
using LlmEcon.Catalog;
using LlmEcon.Cli.Output;
using LlmEcon.Derivations;
using LlmEcon.Projections;
using LlmEcon.Quantities;
using LlmEcon.Scaling;
using LlmEcon.Scaling.Fitting;
using Spectre.Console.Cli;
using static LlmEcon.NumberFormat;

namespace LlmEcon.Cli.Commands;

/// <summary>Flags of <c>llmecon scaling plan</c>.</summary>
internal sealed class ScalingPlanSettings : MachineSettings
{
    /// <summary>--law (repeatable).</summary>
    [CommandOption("--law <ID>")]
    [Description("A catalog law; repeat for several side by side (or a comma list). Default: chinchilla-article.")]
    public string[]? Law { get; init; }

    /// <summary>--fit.</summary>
    [CommandOption("--fit <FILE>")]
    [Description("Also fit a law to this CSV of runs (columns detected, as `scaling fit`) and plan with it.")]
    public string? Fit { get; init; }

    /// <summary>--drop-highest.</summary>
    [CommandOption("--drop-highest <K>")]
    [Description("With --fit: drop the K highest-loss rows first.")]
    public string? DropHighest { get; init; }

    /// <summary>--flops.</summary>
    [CommandOption("--flops <C>")]
    [Description("Plan for a FLOP budget: the compute-optimal N and D.")]
    public string? Flops { get; init; }

    /// <summary>--budget.</summary>
    [CommandOption("--budget <USD>")]
    [Description("Plan for a dollar budget on a machine (--offer or --chip with a price) at --mfu.")]
    public string? Budget { get; init; }

    /// <summary>--target-loss.</summary>
    [CommandOption("--target-loss <L>")]
    [Description("Plan for a target loss (nats/token): the cheapest N and D reaching it.")]
    public string? TargetLoss { get; init; }

    /// <summary>--mfu.</summary>
    [CommandOption("--mfu <FRACTION>")]
    [Description("Training MFU on the machine, for costs. e.g. 40%.")]
    public string? Mfu { get; init; }

    /// <summary>--lifetime-tokens.</summary>
    [CommandOption("--lifetime-tokens <T>")]
    [Description("With --target-loss: tokens the model will serve; the plan then minimises training + serving cost.")]
    public string? LifetimeTokens { get; init; }

    /// <summary>--inference-mfu.</summary>
    [CommandOption("--inference-mfu <FRACTION>")]
    [Description("MFU when serving (default: --mfu), for --lifetime-tokens.")]
    public string? InferenceMfu { get; init; }
}

/// <summary><c>llmecon scaling plan</c>: compute-optimal N and D for a FLOP budget, a dollar budget or a target loss, law by law.</summary>
internal sealed class ScalingPlanCommand(Io io) : LlmEconCommand<ScalingPlanSettings>(io)
{
    /// <inheritdoc/>
    protected override CommandResult Build(ScalingPlanSettings s, LlmCatalog catalog)
    {
        int questions = new[] { s.Flops, s.Budget, s.TargetLoss }.Count(q => q is not null);
        if (questions != 1)
        {
            throw new UsageException(questions == 0
                ? "scaling plan needs one of --flops, --budget or --target-loss."
                : "--flops, --budget and --target-loss conflict: give one of them.");
        }

        if (s.LifetimeTokens is not null && s.TargetLoss is null)
        {
            throw new UsageException("--lifetime-tokens needs --target-loss: the lifetime plan keeps the loss fixed and trades training for serving.");
        }

        var laws = new List<ScalingLaw>();
        foreach (string id in (s.Law ?? ["chinchilla-article"]).SelectMany(l => l.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            laws.Add(Flags.Lookup(() => catalog.ScalingLaw(id), "--law"));
        }

        var derivations = new List<Derivation>();
        var notes = new List<string>();
        if (s.Fit is not null)
        {
            ScalingDataset data = FitDataSettings.Read(s.Fit, new ScalingColumns(), s.DropHighest);
            ScalingFitResult fit = ScalingFit.Fit(data, null, "fitted:" + data.Origin, DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            laws.Add(fit.Law);
            notes.Add($"Law 'fitted:{data.Origin}' fitted to {data.Rows.Count} runs (E {Compact(fit.Law.E)}, A {Compact(fit.Law.A)}, B {Compact(fit.Law.B)}, α {Compact(fit.Law.Alpha)}, β {Compact(fit.Law.Beta)}).");
        }
        else if (s.DropHighest is not null)
        {
            throw new UsageException("--drop-highest applies to --fit: give --fit FILE too.");
        }

        bool hasMachine = s.Offer is not null || s.Chip is not null || s.PeakFlops is not null;
        double? trainCostPerFlop = null, serveCostPerFlop = null;
        if (hasMachine)
        {
            Machine m = Machine.From(s, catalog);
            Ratio mfu = QuantityParser.Ratio(Flags.Required(s.Mfu, "--mfu", "training MFU on the machine, e.g. 40%"), "--mfu");
            Guard.Utilization(mfu.Fraction, "--mfu");
            Ratio serveMfu = s.InferenceMfu is null ? mfu : QuantityParser.Ratio(s.InferenceMfu, "--inference-mfu");
            Guard.Utilization(serveMfu.Fraction, "--inference-mfu");
            MoneyRate perChip = m.MachinePrice.Value / m.ChipsPerMachine.Value;
            double perFlopAtPeak = CostTrajectory.CostPerFlop(perChip, m.Peak.Value);
            double perChipHour = perChip.UsdPerHour;
            trainCostPerFlop = perFlopAtPeak / mfu.Fraction;
            serveCostPerFlop = perFlopAtPeak / serveMfu.Fraction;
            derivations.Add(new Derivation("cost per FLOP on the machine (USD)", "(10) price per chip-hour / (peak × MFU × 3600 s/h)",
                "price per chip-hour / (peak × MFU × 3600 s/h)",
                $"{Usd(perChipHour)} / ({Compact(m.Peak.Value.FlopPerSecond)} FLOP/s × {Compact(mfu.Fraction)} × 3600 s/h)",
                "$" + Compact(trainCostPerFlop.Value) + " per FLOP",
                [Term.Of("peak", "FLOP/s per chip", m.Peak, Compact(m.Peak.Value.FlopPerSecond)),
                 Term.Of("price", "USD per machine-hour", m.MachinePrice, Usd(m.MachinePrice.Value.UsdPerHour)),
                 Term.Of("chips", "chips per machine", m.ChipsPerMachine, m.ChipsPerMachine.Value.ToString(CultureInfo.InvariantCulture)),
                 new Term("MFU", "model FLOPs utilization", Percent(mfu.Fraction))]));
        }
        else if (s.Budget is not null || s.LifetimeTokens is not null)
        {
            throw Guard.Fail("--offer, --chip or --peak-flops", $"given with {(s.Budget is not null ? "--budget" : "--lifetime-tokens")} (dollars need a machine and --mfu)", "none of them");
        }
        else if (s.Mfu is not null || s.InferenceMfu is not null)
        {
            throw new UsageException("--mfu prices the plan on a machine: give --offer, --chip or --peak-flops too.");
        }

        Sheet sheet;
        if (s.TargetLoss is not null && s.LifetimeTokens is not null)
        {
            double target = Flags.Number(s.TargetLoss, "--target-loss");
            double lifetime = QuantityParser.TokenCount(s.LifetimeTokens, "--lifetime-tokens").Count;
            var plans = laws.Select(l => ScalingPlan.ForLifetime(l, target, lifetime, trainCostPerFlop!.Value, serveCostPerFlop!.Value)).ToList();
            derivations.AddRange(plans.Select(p => p.Derivation));
            sheet = Sheet.Table("plans", $"Cheapest model reaching loss {Compact(target)} and serving {Compact(lifetime)} tokens", [
                new Column("law", "Law", Kind.Text),
                new Column("parameters", "N", Kind.Number, "parameters"),
                new Column("tokens", "D", Kind.Number, "tokens"),
                new Column("tokensPerParameter", "D/N", Kind.Number, "tokens/parameter"),
                new Column("trainingCostUsd", "Training", Kind.Usd),
                new Column("servingCostUsd", "Serving", Kind.Usd),
                new Column("totalCostUsd", "Total", Kind.Usd),
                new Column("computeOptimalParameters", "Training-only N", Kind.Number, "parameters"),
                new Column("computeOptimalTotalCostUsd", "Training-only total", Kind.Usd),
            ], plans.Select(p => (IReadOnlyList<object?>)[p.Law.Id, p.Parameters.Count, p.Tokens.Count, p.Tokens.Count / p.Parameters.Count,
                p.TrainingCost.Usd, p.InferenceCost.Usd, p.TotalCost.Usd, p.ComputeOptimal.Parameters.Count, p.ComputeOptimalTotalCost.Usd]));
        }
        else if (s.TargetLoss is not null)
        {
            double target = Flags.Number(s.TargetLoss, "--target-loss");
            var plans = laws.Select(l => ScalingPlan.ForTargetLoss(l, target)).ToList();
            derivations.AddRange(plans.Select(p => p.Derivation));
            sheet = PlanSheet($"Cheapest model reaching loss {Compact(target)}", plans.Select(p => (p.Law.Id, p.Parameters.Count, p.Tokens.Count, p.Flops.Flop, target)), trainCostPerFlop);
        }
        else
        {
            double budget = s.Flops is not null
                ? QuantityParser.FlopCount(s.Flops, "--flops").Flop
                : ScalingPlan.FlopsFor(QuantityParser.Money(s.Budget!, "--budget"), trainCostPerFlop!.Value).Flop;
            var plans = laws.Select(l => ChinchillaLoss.Optimal(l, FlopCount.FromFlop(budget))).ToList();
            derivations.AddRange(plans.Select(p => p.Derivation));
            string title = s.Budget is not null ? $"Compute-optimal model for {Usd(QuantityParser.Money(s.Budget, "--budget").Usd)} ({Compact(budget)} FLOP)" : $"Compute-optimal model for {Compact(budget)} FLOP";
            sheet = PlanSheet(title, plans.Select(p => (p.Law.Id, p.Parameters.Count, p.Tokens.Count, budget, p.Loss)), trainCostPerFlop);
        }

        return new CommandResult("Scaling plan", [sheet], notes, derivations);
    }

    private static Sheet PlanSheet(string title, IEnumerable<(string Law, double N, double D, double C, double Loss)> plans, double? costPerFlop)
    {
        var columns = new List<Column>
        {
            new("law", "Law", Kind.Text),
            new("parametersOptimal", "N_opt", Kind.Number, "parameters"),
            new("tokensOptimal", "D_opt", Kind.Number, "tokens"),
            new("tokensPerParameter", "D/N", Kind.Number, "tokens/parameter"),
            new("flops", "C = 6ND", Kind.Number, "FLOP"),
            new("loss", "Loss", Kind.Number, "nats/token"),
        };
        if (costPerFlop is not null)
        {
            columns.Add(new Column("costUsd", "Training cost", Kind.Usd));
        }

        return Sheet.Table("plans", title, columns, plans.Select(p =>
        {
            var row = new List<object?> { p.Law, p.N, p.D, p.D / p.N, p.C, p.Loss };
            if (costPerFlop is { } c)
            {
                row.Add(p.C * c);
            }

            return (IReadOnlyList<object?>)row;
        }));
    }
}
