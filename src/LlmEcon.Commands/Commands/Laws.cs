using LlmEcon.Catalog;
using LlmEcon.Cli.Options;
using LlmEcon.Quantities;
using LlmEcon.Scaling;

namespace LlmEcon.Cli.Commands;

/// <summary>Scaling-law option helpers shared by the scaling commands.</summary>
internal static class Laws
{
    /// <summary>The default law: the article's rounded Chinchilla fit.</summary>
    public const string DefaultId = "chinchilla-article";

    /// <summary>The law named by --law (single).</summary>
    public static ScalingLaw One(Args a, LlmCatalog catalog) => Find(a.Text(O.Law) ?? DefaultId, catalog);

    /// <summary>A catalog law by id, an error naming --law.</summary>
    public static ScalingLaw Find(string id, LlmCatalog catalog) => MachineFlags.Lookup(() => catalog.ScalingLaw(id), O.Law.Name);

    /// <summary>
    /// The compute-optimal model at <paramref name="budget"/>, refused (naming <paramref name="flag"/>) when the law's optimum there has
    /// fewer than 1 parameter or 1 token: no model is an answer.
    /// </summary>
    public static ComputeOptimal Optimal(ScalingLaw law, FlopCount budget, string flag)
    {
        ComputeOptimal r = ChinchillaLoss.Optimal(law, budget);
        if (r.Parameters.Count < 1 || r.Tokens.Count < 1)
        {
            throw Guard.Fail(flag, $"large enough for a compute-optimal model of at least 1 parameter and 1 token under law '{law.Id}'",
                $"{NumberFormat.Compact(budget.Flop)} FLOP (N_opt {NumberFormat.Compact(r.Parameters.Count)}, D_opt {NumberFormat.Compact(r.Tokens.Count)})");
        }

        return r;
    }
}
