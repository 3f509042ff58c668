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
    /// The default evaluates sample by sample (<see cref="EachSample"/>); a model may do the whole block in one loop.
    /// </summary>
    void EvaluateBlock(Span<double> block, int stride, int count, Span<bool> refused) => EachSample(this, block, stride, count, refused, false);

    /// <summary>
    /// Evaluates the block sample by sample through <paramref name="model"/>'s <see cref="Evaluate"/> (a sample whose outputs are not all
    /// finite is refused) — on every core when <paramref name="parallel"/>, for a model slow enough per sample (a whole command run) that a
    /// block is worth splitting; the numbers do not depend on it, each sample being evaluated alone.
    /// </summary>
    public static void EachSample(IModel model, Span<double> block, int stride, int count, Span<bool> refused, bool parallel)
    {
        ArgumentNullException.ThrowIfNull(model);
        int outputs = model.Outputs.Count, inputs = model.Inputs.Count;
        var x = new double[count * inputs];
        var y = new double[count * outputs];
        var ok = new bool[count];
        for (int i = 0; i < count; i++)
        {
            for (int k = 0; k < inputs; k++)
            {
                x[(i * inputs) + k] = block[((outputs + k) * stride) + i];
            }
        }

        void One(int i)
        {
            Span<double> yi = y.AsSpan(i * outputs, outputs);
            bool good = model.Evaluate(x.AsSpan(i * inputs, inputs), yi);
            foreach (double v in yi)
            {
                good &= double.IsFinite(v);
            }

            ok[i] = good;
        }

        if (parallel && count > 1)
        {
            Parallel.For(0, count, One);
        }
        else
        {
            for (int i = 0; i < count; i++)
            {
                One(i);
            }
        }

        for (int i = 0; i < count; i++)
        {
            refused[i] = !ok[i];
            for (int j = 0; j < outputs; j++)
            {
                block[(j * stride) + i] = ok[i] ? y[(i * outputs) + j] : double.NaN;
            }
        }
    }
}
