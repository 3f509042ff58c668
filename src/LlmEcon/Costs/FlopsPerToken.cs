using LlmEcon.Catalog;
using LlmEcon.Quantities;

namespace LlmEcon.Costs;

/// <summary>
/// FLOP per parameter per token (eq. 1; Kaplan et al. 2020, as used by the article): a dense decoder-only
/// transformer costs ≈ 2N FLOP per token to run and ≈ 6N to train; an encoder-decoder ≈ N and 3N (the article's notes 14 and 20).
/// </summary>
public static class FlopsPerToken
{
    /// <summary>Inference FLOP per parameter per token: 2 (decoder-only, encoder-only) or 1 (encoder-decoder).</summary>
    public static double Inference(ModelArchitecture architecture) => architecture == ModelArchitecture.EncoderDecoder ? 1 : 2;

    /// <summary>Training FLOP per parameter per token: 6 (decoder-only, encoder-only) or 3 (encoder-decoder).</summary>
    public static double Training(ModelArchitecture architecture) => architecture == ModelArchitecture.EncoderDecoder ? 3 : 6;

    /// <summary>Inference work: k × N × tokens, k from <see cref="Inference"/>.</summary>
    public static FlopCount InferenceWork(ParameterCount n, TokenCount tokens, ModelArchitecture architecture = ModelArchitecture.DecoderOnly) =>
        FlopCount.FromFlop(Inference(architecture) * n.Count * tokens.Count);

    /// <summary>Training work C = k × N × D, k from <see cref="Training"/> (6ND for decoder-only).</summary>
    public static FlopCount TrainingWork(ParameterCount n, TokenCount tokens, ModelArchitecture architecture = ModelArchitecture.DecoderOnly) =>
        FlopCount.FromFlop(Training(architecture) * n.Count * tokens.Count);
}
