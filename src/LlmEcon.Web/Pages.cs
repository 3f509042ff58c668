using System.Net;
using System.Text;
using LlmEcon.Cli.Commands;
using LlmEcon.Cli.Options;

namespace LlmEcon.Web;

/// <summary>
/// The calculator's pages: one per question, each a form over one command. The form's fields are the command's options, with their
/// units in the examples (175B, 21.3%, $2.50); the URL carries the state (a scenario is shared as a link); results and derivations
/// are the command's own HTML, refreshed as inputs change by a few lines of plain script.
/// </summary>
internal static class Pages
{
    /// <summary>The pages: slug, title, the command, and the fields shown first.</summary>
    /// <summary>The chart each page shows beside its results (a <c>plot</c> kind), drawn with the inputs the plot takes.</summary>
    private static readonly Dictionary<string, string> Charts = new(StringComparer.Ordinal)
    {
        ["article"] = "cost-trajectory", ["training"] = "training-cost", ["serving"] = "frontier", ["scaling"] = "iso-loss", ["hardware"] = "gflops-per-watt",
    };

    /// <summary>The pages whose command answers with no input at all (the article's defaults; the catalog): results from the first load.</summary>
    private static readonly HashSet<string> Bare = new(StringComparer.Ordinal) { "article", "hardware" };

    private static readonly (string Slug, string Title, string Command, string[] Fields, string Intro)[] All =
    [
        ("article", "The article", "trajectory", ["params-before", "params-after", "mfu-before", "mfu-after", "start-cost", "efficiency-growth", "years"],
            "The article's cost trajectory: its levers since GPT-3, the net reduction, and a cost projected by year (`llmecon trajectory`; the whole article is `llmecon report`)."),
        ("training", "Training cost", "train", ["model", "params", "tokens", "offer", "chip", "price-per-chip-hour", "mfu", "chip-hours", "chips", "days", "cost"],
            "Training cost and its inverse (eqs. 8–9): give the model and the hardware, and any one of MFU, chip-hours, chips × days or cost."),
        ("serving", "Serving cost", "serve", ["model", "chip", "offer", "chips", "precision", "kv-precision", "batch", "input-tokens", "output-tokens", "price-per-chip-hour", "max-tpot"],
            "Serving from first principles (eqs. 31–38): time to first token, time per output token, throughput, utilization and cost per 1M tokens."),
        ("scaling", "Scaling plan", "scaling plan", ["flops", "budget", "target-loss", "lifetime-tokens", "law", "offer", "chip", "price-per-chip-hour", "mfu"],
            "A FLOP budget, a dollar budget or a target loss turned into parameters, tokens and a bill, under several laws."),
        ("memory", "Memory", "memory", ["model", "params", "chip", "serving", "batch", "context", "kv-precision", "weights-precision", "zero", "data-parallel"],
            "Training or serving memory and the chips to hold it (eqs. 18–19, 28–30)."),
        ("hardware", "Hardware", "hardware list", [],
            "Every accelerator in the catalog: peaks per precision (dense and sparse), memory, bandwidth, power, with sources."),
    ];

    /// <summary>The index: the questions.</summary>
    public static string Index()
    {
        var sb = Head("LlmEcon");
        sb.Append("<h1>LlmEcon</h1>\n<p>The economics of large language models, every number traceable: the same library and commands as the <code>llmecon</code> tool, on your machine.</p>\n<ul>\n");
        foreach (var p in All)
        {
            sb.Append("<li><a href=\"/").Append(p.Slug).Append("\">").Append(E(p.Title)).Append("</a> — ").Append(E(p.Intro)).Append("</li>\n");
        }

        sb.Append("</ul>\n<p>The JSON API: <code>GET /api/v1/COMMAND?flag=value</code> (<a href=\"/api/v1/openapi.json\">OpenAPI document</a>).</p>\n");
        return Foot(sb);
    }

    /// <summary>A page, with its results when the query gives inputs; null for an unknown page.</summary>
    public static string? Page(string slug, IQueryCollection query)
    {
        var page = All.FirstOrDefault(p => p.Slug == slug);
        if (page.Slug is null || CommandRunner.Find(page.Command.Replace(' ', '/')) is not var (command, _))
        {
            return null;
        }

        bool partial = query.ContainsKey("partial");
        string results = Results(command, query, Bare.Contains(slug)) + Chart(slug, query);
        if (partial)
        {
            return results;
        }

        var sb = Head("LlmEcon — " + page.Title);
        sb.Append("<p><a href=\"/\">LlmEcon</a></p>\n<h1>").Append(E(page.Title)).Append("</h1>\n<p>").Append(E(page.Intro)).Append("</p>\n");
        sb.Append("<form id=\"inputs\" method=\"get\">\n");
        Opt[] options = [.. page.Fields.Select(f => command.Options.FirstOrDefault(o => o.Name == "--" + f)).OfType<Opt>()];
        foreach (Opt o in options)
        {
            string name = o.Name[2..];
            string value = query.TryGetValue(name, out var v) ? v.ToString() : "";
            sb.Append("<label>").Append(E(name));
            if (o is SwitchOpt)
            {
                sb.Append(" <input type=\"checkbox\" name=\"").Append(name).Append("\" value=\"true\"").Append(value == "true" ? " checked" : "").Append('>');
            }
            else if (o is ChoiceOpt choice)
            {
                sb.Append(" <select name=\"").Append(name).Append("\"><option value=\"\"></option>");
                foreach (string c in choice.Choices)
                {
                    sb.Append("<option").Append(c == value ? " selected" : "").Append('>').Append(E(c)).Append("</option>");
                }

                sb.Append("</select>");
            }
            else
            {
                sb.Append(" <input name=\"").Append(name).Append("\" value=\"").Append(E(value)).Append("\" placeholder=\"").Append(E(o.Example ?? ""))
                  .Append("\" title=\"").Append(E(o.Help)).Append("\">");
            }

            sb.Append("</label>\n");
        }

        sb.Append("<button type=\"submit\">Compute</button>\n</form>\n<div id=\"results\">").Append(results).Append("</div>\n");
        sb.Append(Script);
        return Foot(sb);
    }

    /// <summary>A 404 page.</summary>
    public static string NotFound(string slug) => Foot(Head("Not found").Append("<h1>Not found</h1>\n<p>No page '").Append(E(slug)).Append("'. <a href=\"/\">The pages</a>.</p>\n"));

    /// <summary>The command's HTML for the query's inputs (a hint before any input is given, unless the page is <paramref name="bare"/>).</summary>
    private static string Results(LlmEconCommand command, IQueryCollection query, bool bare)
    {
        var flags = query.Where(q => q.Key != "partial" && q.Value.ToString().Length > 0 && !CommandRunner.Forbidden.Contains(q.Key))
            .Select(q => (q.Key, command.Options.FirstOrDefault(o => o.Name == "--" + q.Key) is SwitchOpt ? (string?)null : q.Value.ToString()))
            .Where(f => f.Item2 is not null || query[f.Key] == "true")
            .ToList();
        if (flags.Count == 0 && !bare)
        {
            return "<p class=\"hint\">Fill in the inputs: each field takes the tool's units (175B, 21.3%, $2.50).</p>";
        }

        CommandRun run = CommandRunner.Run(command, [], [.. flags, ("explain", null)], "html");
        if (run.Code != 0)
        {
            return "<p class=\"error\" role=\"alert\">" + E(run.Sentence) + "</p>";
        }

        string html = run.Output;
        int start = html.IndexOf("<body>", StringComparison.Ordinal), end = html.LastIndexOf("</body>", StringComparison.Ordinal);
        string body = start < 0 || end < 0 ? html : html[(start + "<body>".Length)..end];
        // the page has its own title: the command's <h1> goes
        int h1 = body.IndexOf("<h1>", StringComparison.Ordinal), h1End = body.IndexOf("</h1>", StringComparison.Ordinal);
        return h1 >= 0 && h1End > h1 ? body.Remove(h1, h1End + "</h1>".Length - h1) : body;
    }

    /// <summary>The page's chart as inline SVG, drawn by <c>llmecon plot</c> with those of the page's inputs the plot takes; empty when it cannot be drawn.</summary>
    private static string Chart(string slug, IQueryCollection query)
    {
        if (!Charts.TryGetValue(slug, out string? kind) || CommandRunner.Find("plot") is not var (plot, _))
        {
            return "";
        }

        var flags = query.Where(q => q.Key != "partial" && q.Value.ToString().Length > 0 && plot.Options.Any(o => o.Name == "--" + q.Key && o is not SwitchOpt)
                                     && !CommandRunner.Forbidden.Contains(q.Key))
            .Select(q => (q.Key, (string?)q.Value.ToString()));
        CommandRun run = CommandRunner.Run(plot, [kind], [.. flags], "svg");
        int start = run.Output.IndexOf("<svg", StringComparison.Ordinal);
        return run.Code != 0 || start < 0 ? "" : "<figure class=\"chart\">" + run.Output[start..] + "</figure>\n";
    }

    private static StringBuilder Head(string title) => new StringBuilder()
        .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(title)).Append("</title>\n<style>\n")
        .Append(Cli.Output.HtmlRenderer.Style)
        .Append("form{display:flex;flex-wrap:wrap;gap:0.5rem 1rem;margin:1rem 0}label{display:flex;flex-direction:column;font-size:0.85rem}\n")
        .Append("input,select{font:inherit;padding:0.2rem 0.4rem;min-width:9rem}button{align-self:flex-end;padding:0.3rem 1rem}\n")
        .Append(".error{color:#b00020;font-weight:600}.hint{color:#555}\n")
        .Append("figure.chart svg{max-width:100%;height:auto}\n</style>\n</head>\n<body>\n");

    private static string Foot(StringBuilder sb) => sb.Append("</body>\n</html>\n").ToString();

    private static string E(string s) => WebUtility.HtmlEncode(s);

    /// <summary>As inputs change: fetch the results for the form's state and put that state in the URL (a shareable link).</summary>
    private const string Script = """
        <script>
        const form = document.getElementById('inputs');
        let timer;
        function update() {
          const params = new URLSearchParams();
          for (const [k, v] of new FormData(form)) if (v !== '') params.append(k, v);
          const query = params.toString();
          history.replaceState(null, '', location.pathname + (query ? '?' + query : ''));
          fetch(location.pathname + '?' + (query ? query + '&' : '') + 'partial=1')
            .then(r => r.text()).then(html => { document.getElementById('results').innerHTML = html; });
        }
        form.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(update, 250); });
        form.addEventListener('submit', e => { e.preventDefault(); update(); });
        </script>

        """;
}
