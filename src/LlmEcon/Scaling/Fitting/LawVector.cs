namespace LlmEcon.Scaling.Fitting;

/// <summary>
/// The vector the fit moves, x = (a, b, e, α, β) with a = ln A, b = ln B, e = ln E (Hoffmann et al. 2022, appendix D.2): the one
/// place that knows its order and how it becomes a law.
/// </summary>
/// <param name="LnA">a = ln A.</param>
/// <param name="LnB">b = ln B.</param>
/// <param name="LnE">e = ln E.</param>
/// <param name="Alpha">α.</param>
/// <param name="Beta">β.</param>
public readonly record struct LawVector(double LnA, double LnB, double LnE, double Alpha, double Beta)
{
    /// <summary>Its components' names, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["a = ln A", "b = ln B", "e = ln E", "α", "β"];

    /// <summary>A = e^a.</summary>
    public double A => Math.Exp(LnA);

    /// <summary>B = e^b.</summary>
    public double B => Math.Exp(LnB);

    /// <summary>E = e^e.</summary>
    public double E => Math.Exp(LnE);

    /// <summary>The vector read from the optimiser's array.</summary>
    public static LawVector Of(ReadOnlySpan<double> x) => new(x[0], x[1], x[2], x[3], x[4]);

    /// <summary>The optimiser's array.</summary>
    public double[] ToArray() => [LnA, LnB, LnE, Alpha, Beta];

    /// <summary>The i-th component, in <see cref="Names"/>' order.</summary>
    public double this[int i] => i switch { 0 => LnA, 1 => LnB, 2 => LnE, 3 => Alpha, 4 => Beta, _ => throw new ArgumentOutOfRangeException(nameof(i)) };

    /// <summary>The law L(N, D) = E + A/N^α + B/D^β of this vector.</summary>
    public ScalingLaw ToLaw(string id, string source, string date) => new(id, source, E, A, B, Alpha, Beta, source, date);
}
