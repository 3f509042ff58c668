namespace LlmEcon.Audit;

/// <summary>What the comparison of a recomputed figure with its print found.</summary>
public enum AuditVerdict
{
    /// <summary>The figure follows from its inputs, to the print's rounding.</summary>
    Agrees,
    /// <summary>The figure does not follow from the article's own inputs to that step: an arithmetic slip.</summary>
    Slip,
    /// <summary>The step is right, but an upstream slip or rounding carries through: the chain value differs beyond the print.</summary>
    Propagated,
}

/// <summary>One line of the audit: the printed figure, the recomputed value(s), the gap and the verdict.</summary>
/// <param name="Figure">The printed figure.</param>
/// <param name="Recomputed">The recomputed value and its derivation.</param>
/// <param name="Verdict">Agrees, slip, or propagated.</param>
public sealed record AuditLine(ArticleFigure Figure, FigureValue Recomputed, AuditVerdict Verdict)
{
    /// <summary>Recomputed minus printed, in the figure's unit (for a propagated line, the chain's gap).</summary>
    public double Gap => (Verdict == AuditVerdict.Propagated ? Recomputed.Chain!.Value : Recomputed.Value) - Figure.Printed;

    /// <summary>The gap relative to the printed value.</summary>
    public double RelativeGap => Figure.Printed == 0 ? double.NaN : Gap / Figure.Printed;
}

/// <summary>
/// Compares every recomputed figure with its print. The slips are found by this comparison — none is listed by hand.
/// </summary>
public static class ArticleAudit
{
    /// <summary>Audits a reproduction against the printed figures; every printed figure must have been recomputed.</summary>
    public static IReadOnlyList<AuditLine> Run(ArticleReproduction reproduction, IReadOnlyList<ArticleFigure>? figures = null)
    {
        ArgumentNullException.ThrowIfNull(reproduction);
        figures ??= ArticleFigure.All;
        var missing = figures.Where(f => !reproduction.Figures.ContainsKey(f.Id)).Select(f => f.Id).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("No recomputation for printed figure(s): " + string.Join(", ", missing));
        }

        return figures.Select(f =>
        {
            FigureValue v = reproduction.Figures[f.Id];
            AuditVerdict verdict = !f.Agrees(v.Value) ? AuditVerdict.Slip
                : v.Chain is { } c && !f.Agrees(c) ? AuditVerdict.Propagated
                : AuditVerdict.Agrees;
            return new AuditLine(f, v, verdict);
        }).ToList();
    }

    /// <summary>The figures that do not follow from the article's own inputs.</summary>
    public static IReadOnlyList<AuditLine> Slips(IReadOnlyList<AuditLine> lines) => lines.Where(l => l.Verdict == AuditVerdict.Slip).ToList();
}
