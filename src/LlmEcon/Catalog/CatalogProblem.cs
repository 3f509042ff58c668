namespace LlmEcon.Catalog;

/// <summary>One thing wrong with one catalog entry: where, which field, which rule, what it had.</summary>
/// <param name="Origin">The file or resource the entry came from.</param>
/// <param name="Entry">The entry's section and id, e.g. <c>accelerators[a100-40gb]</c>.</param>
/// <param name="Field">The field, e.g. <c>peaks[0].flopPerSecond</c>.</param>
/// <param name="Rule">The rule broken, e.g. <c>in [1e11, 1e17] FLOP/s per chip</c>.</param>
/// <param name="Actual">What it had.</param>
/// <param name="Hint">A suggestion, or null.</param>
public sealed record CatalogProblem(string Origin, string Entry, string Field, string Rule, string Actual, string? Hint = null)
{
    /// <summary>One sentence: <c>origin: entry.field must be rule; got actual. Hint.</c></summary>
    public override string ToString() =>
        $"{Origin}: {Entry}{(Field.Length > 0 ? "." + Field : "")} must be {Rule}; got {Actual}." + (Hint is null ? "" : " " + InputException.Sentence(Hint));
}

/// <summary>A catalog that failed validation: every problem at once, not just the first.</summary>
public sealed class CatalogException : Exception
{
    /// <summary>Creates the exception from all problems found.</summary>
    public CatalogException(IReadOnlyList<CatalogProblem> problems)
        : base($"The catalog has {problems.Count} problem{(problems.Count == 1 ? "" : "s")}:\n" + string.Join("\n", problems.Select(p => "  " + p)))
    {
        Problems = problems;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<CatalogProblem> Problems { get; }

    /// <summary>Not used: a catalog exception always carries its problems.</summary>
    public CatalogException() : this([]) { }

    /// <summary>Not used: a catalog exception always carries its problems.</summary>
    public CatalogException(string message) : base(message) => Problems = [];

    /// <summary>Not used: a catalog exception always carries its problems.</summary>
    public CatalogException(string message, Exception innerException) : base(message, innerException) => Problems = [];
}
