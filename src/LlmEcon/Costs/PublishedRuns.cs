using LlmEcon.Catalog;
using LlmEcon.Derivations;
using LlmEcon.Models;
using LlmEcon.Quantities;

namespace LlmEcon.Costs;

/// <summary>
/// A published training run read against its own numbers: the MFU its hours imply (eq. 9a) from k·N·D alone and, where the model's
/// architecture and training context are known, with the attention work of eq. 27 (causal), beside the MFU its authors published.
/// </summary>
/// <param name="Model">The model card the run belongs to.</param>
/// <param name="Chip">The accelerator it ran on.</param>
/// <param name="Precision">The precision whose peak the MFU is measured against: the run's own, else the chip's training default.</param>
/// <param name="HoursBasis">Where the chip-hours come from and what they include.</param>
/// <param name="Dense">The run solved from its hours with k·N·D (N active for a mixture of experts).</param>
/// <param name="WithAttention">The same with attention at the training context, or null where the catalog cannot say.</param>
public sealed record PublishedRun(ModelCard Model, Accelerator Chip, Precision Precision, string HoursBasis, TrainingSolution Dense, TrainingSolution? WithAttention)
{
    /// <summary>The MFU the authors published, or null.</summary>
    public Ratio? PublishedMfu => Model.Mfu;

    /// <summary>
    /// How the implied MFU was reached (the chip-hours from chips × days where those are what was published, then eq. 9a), with
    /// attention where known; the runs are read without a price, so their cost is not among them.
    /// </summary>
    public IReadOnlyList<Derivation> Steps => [.. new[] { Dense, WithAttention }.OfType<TrainingSolution>().SelectMany(s => s.Steps.Where(d => !ReferenceEquals(d, s.Derivation)))];

    /// <summary>Implied (k·N·D, or with attention where known) minus published MFU, in fractions; null without a published MFU.</summary>
    public double? Gap => PublishedMfu is { } p ? (WithAttention ?? Dense).Mfu.Fraction - p.Fraction : null;
}

/// <summary>Every catalog run whose hours are published (chip-hours, or chips × days), read by <see cref="PublishedRun"/>.</summary>
public static class PublishedRuns
{
    /// <summary>The runs of every model with an accelerator, training tokens and hours, in catalog order.</summary>
    public static IReadOnlyList<PublishedRun> Of(LlmCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. catalog.Models.Where(HasHours).Select(m => Read(catalog, m))];
    }

    /// <summary>Whether a model's run can be read: an accelerator, training tokens, and chip-hours or chips × days.</summary>
    public static bool HasHours(ModelCard model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model is { TrainingAcceleratorId: not null, TrainingTokens: not null }
               && (model.TrainingChipHours is not null || model is { TrainingChips: not null, TrainingTime: not null });
    }

    /// <summary>One model's run; an error when <see cref="HasHours"/> is false.</summary>
    public static PublishedRun Read(LlmCatalog catalog, ModelCard model)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(model);
        if (!HasHours(model))
        {
            throw Guard.Fail("model", "a catalog model with a published run (accelerator, training tokens, and chip-hours or chips × days)", model.Id);
        }

        Accelerator chip = catalog.Accelerator(model.TrainingAcceleratorId!);
        Precision precision = model.TrainingPrecision ?? chip.TrainingPrecision();
        // The run is read for its MFU, not its cost: no price is needed, and none is shown.
        var inputs = new TrainingInputs(model.ActiveParametersSourced, model.TrainingTokensSourced, chip.TrainingPeak(precision), 1, MoneyRate.FromUsdPerHour(0));
        TrainingKnowns known;
        string basis;
        if (model.TrainingChipHours is { } hours)
        {
            // published hours first: chips × days, where also given, round the wall time
            known = new TrainingKnowns(ChipHours: hours);
            basis = model.TrainingChipHoursCover ?? "published chip-hours";
        }
        else
        {
            known = new TrainingKnowns(Chips: model.TrainingChips, WallTime: model.TrainingTime);
            basis = "chips × days, as published";
        }

        TrainingSolution dense = TrainingCost.Solve(inputs, known);
        TrainingSolution? withAttention = model is { Transformer: { } shape, TrainingContext: { } context }
            ? TrainingCost.Solve(inputs with { Attention = new AttentionWork(shape, context, AttentionMask.Causal) }, known)
            : null;
        return new PublishedRun(model, chip, precision, basis, dense, withAttention);
    }
}
