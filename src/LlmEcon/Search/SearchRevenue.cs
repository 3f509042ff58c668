using LlmEcon.Derivations;
using LlmEcon.Quantities;
using static LlmEcon.NumberFormat;

namespace LlmEcon.Search;

/// <summary>Annual search volume scaled by internet penetration (eq. 4).</summary>
/// <param name="AnnualSearches">Searches per year.</param>
/// <param name="Derivation">Eq. 4 substituted.</param>
public sealed record SearchVolume(QueryCount AnnualSearches, Derivation Derivation);

/// <summary>The economics of a query at scale: revenue per query, cost share, levers and profit impact (eqs. 4–6).</summary>
public static class SearchRevenue
{
    /// <summary>
    /// annual searches = monthly searches (base year) × 12 × penetration now / penetration (base year) (eq. 4):
    /// searches grow with the share of people online.
    /// </summary>
    public static SearchVolume AnnualVolume(QueryCount monthlySearchesBase, Ratio penetrationBase, Ratio penetrationNow)
    {
        Guard.Positive(monthlySearchesBase.Count, "monthlySearches");
        Guard.InRange(penetrationBase.Fraction, "penetrationBase", 0, 1, true, false);
        Guard.InRange(penetrationNow.Fraction, "penetrationNow", 0, 1, true, false);
        Expr annual = Expr.In("monthly", "searches per month in the base year", monthlySearchesBase.Count, Compact(monthlySearchesBase.Count) + " searches")
            * Expr.Const(12, "12 months") * Expr.In("now", "internet penetration now", penetrationNow.Fraction, Percent(penetrationNow.Fraction, 2))
            / Expr.In("then", "internet penetration in the base year", penetrationBase.Fraction, Percent(penetrationBase.Fraction, 2));
        return new SearchVolume(QueryCount.FromCount(annual.Value), Derivation.Of("annual searches", "(4) Sun 2023 §3", annual, v => Compact(v) + " searches/year"));
    }

    /// <summary>revenue per query = annual search revenue / annual searches (eq. 5).</summary>
    public static (MoneyPerQuery Revenue, Derivation Derivation) PerQuery(Money annualRevenue, QueryCount annualSearches)
    {
        Guard.Positive(annualRevenue.Usd, "searchRevenue");
        Guard.Positive(annualSearches.Count, "annualSearches");
        Expr perQuery = Expr.In("revenue", "annual search revenue (USD)", annualRevenue.Usd, Usd(annualRevenue.Usd))
            / Expr.In("searches", "searches per year", annualSearches.Count, Compact(annualSearches.Count) + " searches");
        return (MoneyPerQuery.FromUsdPerQuery(perQuery.Value), Derivation.Of("search revenue per query (USD)", "(5) Sun 2023 §3", perQuery, Usd));
    }
}

/// <summary>The optimisation levers applied to a cost per query, and what they mean for revenue and profit (eq. 6).</summary>
/// <param name="CostBefore">Cost per query before the levers.</param>
/// <param name="Divisor">model-side divisor × in-house divisor (4 × 2 = 8 in the article).</param>
/// <param name="CostAfter">Cost per query after the levers.</param>
/// <param name="ShareOfRevenueBefore">Cost before as a share of revenue per query (≈ 1.4× in the article).</param>
/// <param name="ShareOfRevenueAfter">Cost after as a share of revenue per query.</param>
/// <param name="AnnualCost">Cost after × annual queries: the profit given up.</param>
/// <param name="Derivation">Eq. 6: the cost per query after the levers.</param>
public sealed record LeverResult(
    MoneyPerQuery CostBefore, double Divisor, MoneyPerQuery CostAfter, Ratio ShareOfRevenueBefore, Ratio ShareOfRevenueAfter,
    Money AnnualCost, Derivation Derivation)
{
    /// <summary>Cost before the levers over revenue per query.</summary>
    public Derivation ShareBeforeDerivation { get; init; } = Derivation;

    /// <summary>Cost after the levers over revenue per query.</summary>
    public Derivation ShareAfterDerivation { get; init; } = Derivation;

    /// <summary>Cost after the levers × queries per year.</summary>
    public Derivation AnnualCostDerivation { get; init; } = Derivation;

    /// <summary>Every step: cost after, share before, share after, annual cost.</summary>
    public IReadOnlyList<Derivation> Steps => [Derivation, ShareBeforeDerivation, ShareAfterDerivation, AnnualCostDerivation];
}

/// <summary>Eq. 6: cost ÷ (model-side divisor × in-house divisor), as a share of revenue, and × annual queries.</summary>
public static class SearchLevers
{
    /// <summary>
    /// Applies the levers: quantisation + distillation + compute-optimal models (÷ <paramref name="modelSideDivisor"/>, 4 in the
    /// article) and running in-house instead of renting from a cloud with ~50% gross margin (÷ <paramref name="inHouseDivisor"/>, 2).
    /// </summary>
    public static LeverResult Apply(MoneyPerQuery cost, MoneyPerQuery revenue, double modelSideDivisor, double inHouseDivisor, QueryCount annualQueries)
    {
        Guard.InRange(modelSideDivisor, "modelSideDivisor", 1, 1e6, false, false);
        Guard.InRange(inHouseDivisor, "inHouseDivisor", 1, 1e6, false, false);
        Guard.Positive(revenue.UsdPerQuery, "revenuePerQuery");
                Input c = Expr.In("cost", "cost per query before the levers", cost.UsdPerQuery, Usd(cost.UsdPerQuery));
        Input model = Expr.In("model", "model-side divisor (quantisation, distillation, compute-optimal)", modelSideDivisor, Compact(modelSideDivisor));
        Input inHouse = Expr.In("inhouse", "in-house divisor (no cloud margin)", inHouseDivisor, Compact(inHouseDivisor));
        Input rev = Expr.In("revenue", "revenue per query", revenue.UsdPerQuery, Usd(revenue.UsdPerQuery));
        var (afterExpr, beforeShare, afterShare, annualExpr) = Terms<Expr>(c, model, inHouse, rev,
            Expr.In("queries", "queries per year", annualQueries.Count, Compact(annualQueries.Count) + " queries"));
        var d = Derivation.Of("cost per query after the levers (USD)", "(6) Sun 2023 §3, §6", afterExpr, Usd);
        double divisor = modelSideDivisor * inHouseDivisor;
        MoneyPerQuery after = MoneyPerQuery.FromUsdPerQuery(afterExpr.Value);
        Ratio before = Ratio.FromFraction(beforeShare.Value), share = Ratio.FromFraction(afterShare.Value);
        Money annual = Money.FromUsd(annualExpr.Value);
        return new LeverResult(cost, divisor, after, before, share, annual, d)
        {
            ShareBeforeDerivation = Derivation.Of("cost per query as a share of revenue per query", "(6) cost / revenue", beforeShare, v => Percent(v, 2)),
            ShareAfterDerivation = Derivation.Of("levered cost per query as a share of revenue per query", "(6) levered cost / revenue", afterShare, v => Percent(v, 2)),
            AnnualCostDerivation = Derivation.Of("profit given up per year (USD)", "(6) levered cost × queries per year", annualExpr, v => Usd(v) + "/year"),
        };
    }

    /// <summary>
    /// Eq. 6 written once over <see cref="ITerm{T}"/>: levered = cost / (model-side × in-house), carried as an input into its share of
    /// revenue and its annual total; the share before is cost / revenue.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static (T Levered, T ShareBefore, T ShareAfter, T Annual) Terms<T>(T cost, T modelSide, T inHouse, T revenue, T queriesPerYear) where T : ITerm<T>
    {
        T after = cost / (modelSide * inHouse);
        T carried = T.Traced ? T.Named("levered", "cost per query after the levers", after.Value, Usd, null) : after;
        return (after, cost / revenue, carried / revenue, carried * queriesPerYear);
    }
}
