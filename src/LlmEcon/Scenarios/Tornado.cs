namespace LlmEcon.Scenarios;

/// <summary>An input a tornado swings: its base and the two ends of its swing.</summary>
/// <param name="Name">The input.</param>
/// <param name="Base">Its value while the others swing.</param>
/// <param name="Low">The low end.</param>
/// <param name="High">The high end.</param>
public sealed record SwungInput(string Name, double Base, double Low, double High);

/// <summary>One input's effect on one output: the output at each end of the input's swing, the others at base.</summary>
/// <param name="Output">The output.</param>
/// <param name="Input">The input swung.</param>
/// <param name="InputLow">The input's low end.</param>
/// <param name="InputHigh">The input's high end.</param>
/// <param name="AtLow">The output with the input at its low end (NaN when the model refused it).</param>
/// <param name="AtHigh">The output with the input at its high end (NaN when refused).</param>
/// <param name="Base">The output with every input at base.</param>
public sealed record TornadoBar(string Output, string Input, double InputLow, double InputHigh, double AtLow, double AtHigh, double Base)
{
    /// <summary>|output at high − output at low|: what the bars are ranked by (NaN when an end was refused).</summary>
    public double Swing => Math.Abs(AtHigh - AtLow);
}

/// <summary>
/// One-at-a-time sensitivity (a tornado): every input at its base, then each input alone at its low and high ends; for every output the
/// inputs ranked by the swing they cause, largest first (refused ends last). 1 + 2 × inputs evaluations.
/// </summary>
public static class Tornado
{
    /// <summary>The bars of every output that moves, outputs in the model's order, each output's inputs ranked by swing.</summary>
    public static IReadOnlyList<TornadoBar> Run(IModel model, IReadOnlyList<SwungInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count != model.Inputs.Count)
        {
            throw new ArgumentException($"The model reads {model.Inputs.Count} inputs; {inputs.Count} were given.", nameof(inputs));
        }

        double[] x = [.. inputs.Select(i => i.Base)];
        double[] baseOut = new double[model.Outputs.Count];
        if (!model.Evaluate(x, baseOut))
        {
            throw Guard.Fail("base", "inputs the model takes", string.Join(", ", inputs.Select(i => $"{i.Name} {Guard.Show(i.Base)}")));
        }

        var low = new double[inputs.Count][];
        var high = new double[inputs.Count][];
        for (int k = 0; k < inputs.Count; k++)
        {
            low[k] = At(model, x, k, inputs[k].Low);
            high[k] = At(model, x, k, inputs[k].High);
        }

        var bars = new List<TornadoBar>();
        for (int j = 0; j < model.Outputs.Count; j++)
        {
            bars.AddRange(inputs.Select((input, k) => new TornadoBar(model.Outputs[j], input.Name, input.Low, input.High, low[k][j], high[k][j], baseOut[j]))
                .OrderByDescending(b => double.IsNaN(b.Swing) ? -1 : b.Swing));
        }

        return bars;
    }

    private static double[] At(IModel model, double[] baseInputs, int k, double value)
    {
        double[] x = [.. baseInputs];
        x[k] = value;
        double[] y = new double[model.Outputs.Count];
        return model.Evaluate(x, y) ? y : [.. y.Select(_ => double.NaN)];
    }
}
