using LlmEcon.Catalog;
using LlmEcon.Derivations;

namespace LlmEcon.Scaling;

/// <summary>
/// A parametric loss law L(N, D) = E + A / N^α + B / D^β (Hoffmann et al. 2022, eq. 2), with its constants as data.
/// </summary>
/// <param name="Id">Catalog id, e.g. <c>chinchilla-article</c>.</param>
/// <param name="Name">Human name.</param>
/// <param name="E">Irreducible loss (nats/token).</param>
/// <param name="A">Parameter-term coefficient.</param>
/// <param name="B">Data-term coefficient.</param>
/// <param name="Alpha">Parameter exponent α.</param>
/// <param name="Beta">Data exponent β.</param>
/// <param name="Source">Where the constants come from.</param>
/// <param name="Date">Published or retrieved date.</param>
public sealed record ScalingLaw(string Id, string Name, double E, double A, double B, double Alpha, double Beta, string Source, string Date)
    : ICatalogEntry
{
    /// <summary>E as an input of an equation, with the law as its source.</summary>
    public Input EIn => In("E", "irreducible loss (nats/token)", E, "e");

    /// <summary>A as an input.</summary>
    public Input AIn => In("A", "parameter-term coefficient", A, "a");

    /// <summary>B as an input.</summary>
    public Input BIn => In("B", "data-term coefficient", B, "b");

    /// <summary>α as an input.</summary>
    public Input AlphaIn => In("α", "parameter exponent", Alpha, "alpha");

    /// <summary>β as an input.</summary>
    public Input BetaIn => In("β", "data exponent", Beta, "beta");

    private Input In(string symbol, string meaning, double value, string field) =>
        Expr.In(symbol, meaning, value, NumberFormat.Compact(value, 6), new Provenance(Id, field, Source, Date));
}
