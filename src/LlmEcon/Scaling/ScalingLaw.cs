using LlmEcon.Catalog;

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
    : ICatalogEntry;
