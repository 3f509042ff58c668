using LlmEcon.Derivations;
using LlmEcon.Quantities;
using static LlmEcon.NumberFormat;

namespace LlmEcon.Search;

/// <summary>Annual search volume scaled by internet penetration (eq. 4).</summary>
/// <param name="AnnualSearches">Searches per year.</param>
/// <param name="Derivation">Eq. 4 substituted.</param>
public sealed record SearchVolume(double AnnualSearches, Derivation Derivation);

/// <summary>The economics of a query at scale: revenue per query, cost share, levers and profit impact (eqs. 4–6).</summary>
public static class SearchRevenue
{
    /// <summary>
    /// annual searches = monthly searches (base year) × 12 × penetration now / penetration (base year) (eq. 4):
    /// searches grow with the share of people online.
    /// </summary>
    public static SearchVolume AnnualVolume(double monthlySearchesBase, Ratio penetrationBase, Ratio penetrationNow)
    {
        Guard.Positive(monthlySearchesBase, "monthlySearches");
        Guard.InRange(penetrationBase.Fraction, "penetrationBase", 0, 1, true, false);
        Guard.InRange(penetrationNow.Fraction, "penetrationNow", 0, 1, true, false);
        double annual = monthlySearchesBase * 12 * penetrationNow.Fraction / penetrationBase.Fraction;
        return new SearchVolume(annual, new Derivation("annual searches", "(4) Sun 2023 §3",
            "monthly searches × 12 months × penetration now / penetration then",
            $"{Compact(monthlySearchesBase)} × 12 × {Compact(penetrationNow.Fraction)} / {Compact(penetrationBase.Fraction)}",
            Compact(annual) + " searches/year", []));
    }

    /// <summary>revenue per query = annual search revenue / annual searches (eq. 5).</summary>
    public static (MoneyPerQuery Revenue, Derivation Derivation) PerQuery(Money annualRevenue, double annualSearches)
    {
        Guard.Positive(annualRevenue.Usd, "searchRevenue");
        Guard.Positive(annualSearches, "annualSearches");
        var r = MoneyPerQuery.FromTotal(annualRevenue, annualSearches);
        return (r, new Derivation("search revenue per query (USD)", "(5) Sun 2023 §3", "annual search revenue / annual searches",
            $"{Usd(annualRevenue.Usd)} / {Compact(annualSearches)} searches", Usd(r.UsdPerQuery), []));
    }
}

/// <summary>The optimisation levers applied to a cost per query, and what they mean for revenue and profit (eq. 6).</summary>
/// <param name="CostBefore">Cost per query before the levers.</param>
/// <param name="Divisor">model-side divisor × in-house divisor (4 × 2 = 8 in the article).</param>
/// <param name="CostAfter">Cost per query after the levers.</param>
/// <param name="ShareOfRevenueBefore">Cost before as a share of revenue per query (≈ 1.4× in the article).</param>
/// <param name="ShareOfRevenueAfter">Cost after as a share of revenue per query.</param>
/// <param name="AnnualCost">Cost after × annual queries: the profit given up.</param>
/// <param name="Derivation">Eq. 6 substituted.</param>
public sealed record LeverResult(
    MoneyPerQuery CostBefore, double Divisor, MoneyPerQuery CostAfter, Ratio ShareOfRevenueBefore, Ratio ShareOfRevenueAfter,
    Money AnnualCost, Derivation Derivation);

/// <summary>Eq. 6: cost ÷ (model-side divisor × in-house divisor), as a share of revenue, and × annual queries.</summary>
public static class SearchLevers
{
    /// <summary>
    /// Applies the levers: quantisation + distillation + compute-optimal models (÷ <paramref name="modelSideDivisor"/>, 4 in the
    /// article) and running in-house instead of renting from a cloud with ~50% gross margin (÷ <paramref name="inHouseDivisor"/>, 2).
    /// </summary>
    public static LeverResult Apply(MoneyPerQuery cost, MoneyPerQuery revenue, double modelSideDivisor, double inHouseDivisor, double annualQueries)
    {
        Guard.InRange(modelSideDivisor, "modelSideDivisor", 1, 1e6, false, false);
        Guard.InRange(inHouseDivisor, "inHouseDivisor", 1, 1e6, false, false);
        Guard.Positive(revenue.UsdPerQuery, "revenuePerQuery");
        Guard.NonNegative(annualQueries, "annualQueries");
        double divisor = modelSideDivisor * inHouseDivisor;
        MoneyPerQuery after = cost * (1 / divisor);
        Ratio before = cost / revenue;
        Ratio share = after / revenue;
        Money annual = after.Times(annualQueries);
        var d = new Derivation("cost per query after the levers, and its share of revenue", "(6) Sun 2023 §3, §6",
            "cost per query / (model-side divisor × in-house divisor) / revenue per query",
            $"{Usd(cost.UsdPerQuery)} / ({Compact(modelSideDivisor)} × {Compact(inHouseDivisor)}) = {Usd(after.UsdPerQuery)}; / {Usd(revenue.UsdPerQuery)}",
            Percent(share.Fraction) + " of revenue; × " + Compact(annualQueries) + " queries/year = " + Usd(annual.Usd) + "/year",
            [
                new Term("cost", "cost per query before the levers", Usd(cost.UsdPerQuery)),
                new Term("model", "model-side divisor (quantisation, distillation, compute-optimal)", Compact(modelSideDivisor)),
                new Term("inhouse", "in-house divisor (no cloud margin)", Compact(inHouseDivisor)),
                new Term("revenue", "revenue per query", Usd(revenue.UsdPerQuery)),
            ]);
        return new LeverResult(cost, divisor, after, before, share, annual, d);
    }
}
