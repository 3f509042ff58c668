using LlmEcon.Audit;
using LlmEcon.Catalog;

namespace LlmEcon.Cli;

/// <summary>
/// What a scenario file changes for the commands it runs: the article's scenario (the defaults of search, inference, training, the
/// levers, in-house, and the report's inputs) and the catalog (the file's entries merged over the built-in one). Outside a scenario,
/// the embedded article scenario and the built-in catalog.
/// </summary>
internal static class ScenarioContext
{
    private static readonly AsyncLocal<(ArticleScenario? Article, LlmCatalog? Catalog)> Current = new();

    /// <summary>The article's scenario in force.</summary>
    public static ArticleScenario Article => Current.Value.Article ?? ArticleScenario.Default;

    /// <summary>The catalog in force (before a run's own --catalog).</summary>
    public static LlmCatalog Catalog => Current.Value.Catalog ?? LlmCatalog.BuiltIn;

    /// <summary>Puts a scenario's article and catalog in force until the result is disposed.</summary>
    public static IDisposable Use(ArticleScenario? article, LlmCatalog? catalog)
    {
        var previous = Current.Value;
        Current.Value = (article, catalog);
        return new Restore(() => Current.Value = previous);
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
