using BenchmarkDotNet.Attributes;
using LlmEcon.Audit;
using LlmEcon.Catalog;
using LlmEcon.Costs;
using LlmEcon.Quantities;

namespace LlmEcon.Benchmarks;

/// <summary>The cost models and the whole-article reproduction.</summary>
[MemoryDiagnoser]
public class ModelBenchmarks
{
    private readonly InferenceCostInputs _inference = InferenceCostInputs.FromOffer(LlmCatalog.BuiltIn, "aws-p4d-1yr",
        ParameterCount.FromCount(175e9), Ratio.FromFraction(0.213));

    /// <summary>Eq. 7 with its derivation.</summary>
    [Benchmark]
    public InferenceCostResult InferencePer1kTokens() => InferenceCost.Per1kTokens(_inference);

    /// <summary>Every figure of the article recomputed, then audited.</summary>
    [Benchmark]
    public IReadOnlyList<AuditLine> ReproduceAndAuditTheArticle() => ArticleAudit.Run(ArticleReproduction.Default());

    /// <summary>Loading and validating the embedded catalog.</summary>
    [Benchmark]
    public LlmCatalog LoadCatalog() => LlmCatalog.Load(LlmCatalog.BuiltInSources());
}
