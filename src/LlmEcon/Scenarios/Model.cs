namespace LlmEcon.Scenarios;

/// <summary>
/// A model as the scenario tools see it: numeric inputs in, named numeric outputs out. Monte Carlo, the tornado and the fast sweep
/// evaluate it many times, from several threads at once: <see cref="Evaluate"/> must not change shared state.
/// </summary>
public interface IModel
{
    /// <summary>The inputs' names, in the order <see cref="Evaluate"/> reads them.</summary>
    IReadOnlyList<string> Inputs { get; }

    /// <summary>The outputs' names, in the order <see cref="Evaluate"/> writes them.</summary>
    IReadOnlyList<string> Outputs { get; }

    /// <summary>Writes the outputs at <paramref name="inputs"/>; false when the model refuses them (the outputs are then unspecified).</summary>
    bool Evaluate(ReadOnlySpan<double> inputs, Span<double> outputs);

    /// <summary>
    /// Evaluates <paramref name="count"/> samples held column by column in <paramref name="block"/>: output j of sample i at
    /// [j × <paramref name="stride"/> + i], then input k at [(outputs + k) × stride + i]. A refused sample gets its flag set and NaN outputs.
    /// The default evaluates sample by sample; a model may do the whole block in one loop.
    /// </summary>
    void EvaluateBlock(Span<double> block, int stride, int count, Span<bool> refused)
    {
        int outputs = Outputs.Count, inputs = Inputs.Count;
        Span<double> x = inputs <= 64 ? stackalloc double[inputs] : new double[inputs];
        Span<double> y = outputs <= 64 ? stackalloc double[outputs] : new double[outputs];
        for (int i = 0; i < count; i++)
        {
            for (int k = 0; k < inputs; k++)
            {
                x[k] = block[((outputs + k) * stride) + i];
            }

            bool ok = Evaluate(x, y);
            for (int j = 0; j < outputs; j++)
            {
                ok &= double.IsFinite(y[j]);
            }

            refused[i] = !ok;
            for (int j = 0; j < outputs; j++)
            {
                block[(j * stride) + i] = ok ? y[j] : double.NaN;
            }
        }
    }
}
