using LlmEcon.Catalog;
using LlmEcon.Cli.Options;
using LlmEcon.Cli.Output;

namespace LlmEcon.Cli.Commands;

/// <summary><c>llmecon web</c>: serves the local calculator (src/LlmEcon.Web) until stopped.</summary>
internal sealed class WebCommand : LlmEconCommand
{
    /// <summary>
    /// Starts the web app on 127.0.0.1:port and blocks until it stops; set by the llmecon tool, which references the web app (this
    /// library cannot: the web app references it). Null where no host is linked.
    /// </summary>
    public static Func<int, bool, TextWriter, int>? Host { get; set; }

    /// <inheritdoc/>
    public override string Path => "web";

    /// <inheritdoc/>
    public override bool Serves => true;

    /// <inheritdoc/>
    public override string Summary =>
        "Serve the local web calculator on http://127.0.0.1:PORT/: one page per question (the article, training, serving, scaling, memory, hardware), every input with its unit, the state in the URL, and the JSON API under /api/v1/ (docs/web.md). Ctrl+C stops it.";

    /// <inheritdoc/>
    public override IReadOnlyList<Opt> OwnOptions => [O.Port, O.Open];

    /// <inheritdoc/>
    public override IReadOnlyList<string[]> Examples => [["--port", "5180"], ["--open"]];

    /// <inheritdoc/>
    protected override CommandResult Build(Args a, LlmCatalog catalog, Io io)
    {
        ArgumentNullException.ThrowIfNull(io);
        Func<int, bool, TextWriter, int> host = Host ?? throw new InvalidOperationException("this build of llmecon has no web host");
        int port = (int)a.Value(O.Port, 5180);
        host(port, a.Switch(O.Open), io.Error);
        return CommandResult.Of("Web calculator", Sheet.Record("web", "Web calculator").Add("url", "Served at", Kind.Text, $"http://127.0.0.1:{port}/"), null, ["Stopped."]);
    }
}
