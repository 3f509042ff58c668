using MathNet.Numerics.RootFinding;

namespace LlmEcon.Scenarios;

/// <summary>A solved input: its value, the output it gives, and how the root was found.</summary>
/// <param name="Input">The input's value.</param>
/// <param name="Output">The output at that value (the target, within the tolerance).</param>
/// <param name="Evaluations">How many times the model was evaluated.</param>
public sealed record GoalSeekResult(double Input, double Output, int Evaluations);

/// <summary>
/// Goal seek: the input at which a model's output reaches a target, over the input's allowed range. The range is sampled (log-spaced
/// when it spans more than three decades of positive values) for a sign change of output − target, skipping points where the model
/// refuses the input; the first bracket is closed by Brent's method (MathNet.Numerics) to a relative tolerance of 1e-10. No
/// bracket is an error that says what the output ranges over instead.
/// </summary>
public static class GoalSeek
{
    /// <summary>Points sampled across the range to find a bracket.</summary>
    public const int Samples = 64;

    /// <summary>Solves <paramref name="model"/>(x) = <paramref name="target"/> for x in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    /// <param name="model">The output as a function of the input; may throw <see cref="InputException"/> where the input is refused.</param>
    /// <param name="target">The output wanted.</param>
    /// <param name="low">The input's lowest allowed value.</param>
    /// <param name="high">The input's highest allowed value.</param>
    /// <param name="input">The input's name, for the error.</param>
    /// <param name="output">The output's name, for the error.</param>
    public static GoalSeekResult Solve(Func<double, double> model, double target, double low, double high, string input, string output)
    {
        ArgumentNullException.ThrowIfNull(model);
        Guard.Finite(target, "target");
        Guard.Finite(low, "low");
        Guard.Finite(high, "high");
        if (!(high > low))
        {
            throw Guard.Fail("range", $"a low below its high ({Guard.Show(low)})", Guard.Show(high));
        }

        int evaluations = 0;
        double F(double x)
        {
            evaluations++;
            try
            {
                double y = model(x);
                return double.IsFinite(y) ? y - target : double.NaN;
            }
            catch (InputException)
            {
                return double.NaN;
            }
        }

        bool log = low > 0 && high / low > 1e3;
        double[] xs = [.. Enumerable.Range(0, Samples).Select(i => log
            ? Math.Exp(Math.Log(low) + (Math.Log(high) - Math.Log(low)) * i / (Samples - 1))
            : low + (high - low) * i / (Samples - 1))];
        double[] fs = [.. xs.Select(F)];
        for (int i = 0; i < xs.Length; i++)
        {
            if (fs[i] == 0)
            {
                return new GoalSeekResult(xs[i], target, evaluations);
            }
        }

        for (int i = 1; i < xs.Length; i++)
        {
            if (double.IsFinite(fs[i - 1]) && double.IsFinite(fs[i]) && Math.Sign(fs[i - 1]) != Math.Sign(fs[i]))
            {
                double tolerance = 1e-10 * Math.Max(Math.Abs(xs[i - 1]), Math.Abs(xs[i]));
                if (Brent.TryFindRoot(F, xs[i - 1], xs[i], Math.Max(tolerance, double.Epsilon), 200, out double root))
                {
                    return new GoalSeekResult(root, F(root) + target, evaluations);
                }
            }
        }

        double[] seen = [.. fs.Where(double.IsFinite).Select(f => f + target)];
        string range = seen.Length == 0 ? "no value at all (every input was refused)"
            : $"from {Guard.Show(NumberFormat.RoundSignificant(seen.Min(), 4))} to {Guard.Show(NumberFormat.RoundSignificant(seen.Max(), 4))}";
        throw Guard.Fail(input, $"a value in [{Guard.Show(low)}, {Guard.Show(high)}] at which {output} = {Guard.Show(target)}", "none",
            $"over that range {output} goes {range}");
    }
}
