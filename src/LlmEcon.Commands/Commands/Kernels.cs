using LlmEcon.Cli.Options;
using LlmEcon.Costs;
using LlmEcon.Derivations;

namespace LlmEcon.Cli.Commands;

/// <summary>
/// Formula kernels of <c>train</c> (eq. 8 at a given MFU) and <c>inference</c> (eq. 7): the library's equations over <see cref="Num"/>,
/// started from the command's own run at the base values (its JSON: N, D, peak, price, MFU), each varied option replacing one of them.
/// </summary>
internal static class Kernels
{
    /// <summary>The train kernel, or null when the run is not eq. 8's forward form at a given MFU, or an option varied is not one it reads.</summary>
    public static Scenarios.IModel? Train(Args a, IReadOnlyList<string> flags, IReadOnlyDictionary<string, double> at)
    {
        string[] reads = [O.Tokens.Name, O.Mfu.Name, O.PeakFlops.Name, O.PricePerChipHour.Name, .. a.Has(O.Model) || a.Has(O.ActiveParams) ? Array.Empty<string>() : [O.Params.Name]];
        Opt[] other = [O.ChipHours, O.Cost, O.Chips, O.Days, O.Attention, O.Context, O.TrainRecompute];
        string[] keys = ["parameters", "tokens", "flops", "peakFlopPerSecondPerChip", "pricePerChipHourUsd", "mfu", "chipHours", "costUsd", "costPer1kTokensUsd"];
        if (!a.Has(O.Mfu) || other.Any(a.Has) || flags.Any(f => !reads.Contains(f)) || at.Count != keys.Length || keys.Any(k => !at.ContainsKey(k)))
        {
            return null;
        }

        double k = at["flops"] / (at["parameters"] * at["tokens"]);
        var (n0, d0, peak0, price0, mfu0) = (at["parameters"], at["tokens"], at["peakFlopPerSecondPerChip"], at["pricePerChipHourUsd"], at["mfu"]);
        int[] slots = [.. flags.Select(f => Array.IndexOf([O.Params.Name, O.Tokens.Name, O.Mfu.Name, O.PeakFlops.Name, O.PricePerChipHour.Name], f))];
        return new Kernel(flags, keys, (x, y) =>
        {
            var (n, d, peak, price, mfu) = (n0, d0, peak0, price0, mfu0);
            for (int i = 0; i < x.Length; i++)
            {
                switch (slots[i])
                {
                    case 0: n = x[i]; break;
                    case 1: d = x[i]; break;
                    case 2: mfu = x[i]; break;
                    case 3: peak = x[i]; break;
                    default: price = x[i]; break;
                }
            }

            Num work = new Num(k) * new Num(n) * new Num(d);
            Num cost = TrainingCost.CostAtMfu(work, new Num(1), new Num(peak), new Num(mfu), new Num(price));
            (y[0], y[1], y[2], y[3], y[4], y[5]) = (n, d, work.Value, peak, price, mfu);
            (y[6], y[7], y[8]) = (TrainingCost.ChipHoursAtMfu(work, new Num(peak), new Num(mfu)).Value, cost.Value, TrainingCost.CostPer1kTokens(cost, new Num(d)).Value);
            return mfu is > 0 and <= 1;
        });
    }

    /// <summary>The inference kernel (eq. 7), or null when an option varied is not one it reads.</summary>
    public static Scenarios.IModel? Inference(Args a, IReadOnlyList<string> flags, IReadOnlyDictionary<string, double> at)
    {
        string[] reads = [O.Mfu.Name, O.PeakFlops.Name, O.MachinePricePerHour.Name, O.PricePerChipHour.Name, .. a.Has(O.Model) || a.Has(O.ActiveParams) ? Array.Empty<string>() : [O.Params.Name]];
        string[] keys = ["parameters", "chipsPerMachine", "peakFlopPerSecondPerChip", "mfu", "machinePricePerHourUsd", "flopPer1kTokens", "machineSecondsPer1kTokens", "costPer1kTokensUsd", "costPer1MTokensUsd"];
        if (flags.Any(f => !reads.Contains(f)) || at.Count != keys.Length || keys.Any(k => !at.ContainsKey(k)))
        {
            return null;
        }

        double k = at["flopPer1kTokens"] / (at["parameters"] * 1000);
        var (n0, chips, peak0, mfu0, price0) = (at["parameters"], at["chipsPerMachine"], at["peakFlopPerSecondPerChip"], at["mfu"], at["machinePricePerHourUsd"]);
        int[] slots = [.. flags.Select(f => Array.IndexOf([O.Params.Name, O.Mfu.Name, O.PeakFlops.Name, O.MachinePricePerHour.Name, O.PricePerChipHour.Name], f))];
        return new Kernel(flags, keys, (x, y) =>
        {
            var (n, peak, mfu, price) = (n0, peak0, mfu0, price0);
            for (int i = 0; i < x.Length; i++)
            {
                switch (slots[i])
                {
                    case 0: n = x[i]; break;
                    case 1: mfu = x[i]; break;
                    case 2: peak = x[i]; break;
                    case 3: price = x[i]; break;
                    default: price = x[i] * chips; break;
                }
            }

            var (work, _, seconds, cost) = InferenceCost.Terms(new Num(n), new Num(k), new Num(chips), new Num(peak), new Num(mfu), new Num(price));
            (y[0], y[1], y[2], y[3], y[4]) = (n, chips, peak, mfu, price);
            (y[5], y[6], y[7], y[8]) = (work.Value, seconds.Value, cost.Value, cost.Value * 1000);
            return mfu is > 0 and <= 1;
        });
    }

    /// <summary>A kernel from a function of the varied values.</summary>
    private sealed class Kernel(IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, Kernel.Body body) : Scenarios.IModel
    {
        public delegate bool Body(ReadOnlySpan<double> x, Span<double> y);

        public IReadOnlyList<string> Inputs => inputs;

        public IReadOnlyList<string> Outputs => outputs;

        public bool Evaluate(ReadOnlySpan<double> inputs, Span<double> outputs) => body(inputs, outputs);
    }
}
