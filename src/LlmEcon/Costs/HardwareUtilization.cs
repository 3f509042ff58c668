using LlmEcon.Derivations;
using LlmEcon.Memory;
using static LlmEcon.NumberFormat;

namespace LlmEcon.Costs;

/// <summary>
/// Hardware FLOPs and HFU (eq. 31; Chowdhery et al. 2022, appendix B; Korthikanti et al. 2022, §5): what the chips computed,
/// recomputation included, where MFU counts only the model's FLOPs. Full recomputation runs every forward pass twice (6ND becomes
/// 8ND, the attention term 4/3 of itself); selective recomputation runs the attention scores' forward again.
/// </summary>
public static class HardwareUtilization
{
    /// <summary>Hardware FLOPs of a solved run under <paramref name="recompute"/>, and the HFU they make on its chip-hours and peak.</summary>
    public static (Derivation HardwareFlops, Derivation Hfu) Of(TrainingSolution run, Recompute recompute)
    {
        ArgumentNullException.ThrowIfNull(run);
        TrainingInputs x = run.Inputs;
        Input model = Expr.In("C", "model FLOPs (eq. 8, 27)", run.Work.Flop, Compact(run.Work.Flop) + " FLOP");
        Input d = Symbols.Tokens(x.Tokens);
        Expr? attentionForward = x.Attention is { } a ? a.PerToken(training: false) * d : null;
        Expr hardware = recompute switch
        {
            Recompute.Full => attentionForward is null
                ? model + Expr.Const(2) * Symbols.Parameters(x.Parameters) * d
                : model + Expr.Const(2) * Symbols.Parameters(x.Parameters) * d + attentionForward,
            Recompute.Selective when attentionForward is not null => model + attentionForward,
            _ => model,
        };
        string name = recompute.ToString().ToLowerInvariant();
        Derivation flops = Derivation.Of($"hardware FLOPs, {name} recomputation", "(31) model FLOPs + the forward passes run again", hardware, v => Compact(v) + " FLOP");
        Expr hfu = Expr.In("C_hw", "hardware FLOPs", hardware.Value, Compact(hardware.Value) + " FLOP")
                   / (Symbols.ChipHours(run.ChipHours.ChipHours)
                      * Symbols.SecondsPerHour * Symbols.Peak(x.PeakPerChip));
        return (flops, Derivation.Of("HFU", "(31) hardware FLOPs / (chip-hours × 3600 s/h × peak)", hfu, v => Percent(v, 2)));
    }
}
