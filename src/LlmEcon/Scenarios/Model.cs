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
}
