using System.Globalization;
using System.Net;
using System.Text;
using LlmEcon.Audit;
using LlmEcon.Catalog;
using LlmEcon.Cli.Options;
using LlmEcon.Cli.Output;
using static LlmEcon.NumberFormat;

namespace LlmEcon.Cli.Commands;

/// <summary>
/// <c>llmecon report</c>: the article recomputed from the embedded scenario and catalog, section by section, each
/// printed figure beside its recomputation, then the audit of the figures that do not follow from their inputs.
/// </summary>
internal sealed class ReportCommand : LlmEconCommand
{
    /// <summary>The report's title.</summary>
    public const string Title = "The Economics of Large Language Models (Sun 2023), reproduced and audited";

    /// <inheritdoc/>
    public override string Path => "report";

    /// <inheritdoc/>
    public override string Summary =>
        "The article, section by section: every table recomputed beside its printed figures, then the audit of every figure that does not follow from its inputs.";

    /// <inheritdoc/>
    public override IReadOnlyList<Opt> OwnOptions => [];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Formats => ["markdown", "html", "json"];

    /// <inheritdoc/>
    public override IReadOnlyList<string[]> Examples => [[], ["--format", "html", "--out", "report.html"], ["--format", "json", "--table", "audit"]];

    /// <inheritdoc/>
    protected override CommandResult Build(Args a, LlmCatalog catalog, Io io)
    {
        ArticleReport report = Report(catalog);
        // the HTML page embeds the article's charts, drawn from this run's catalog; other formats print tables only
        bool html = a.Has(O.Format) && a.Choice(O.Format, Formats) == "html";
        return report.Flat with
        {
            Payload = report,
            Figures = html ? [.. PlotCommand.ArticleCharts(catalog, report.Reproduction).Select(c => (c.Title, System.Text.Encoding.UTF8.GetString(Plots.ChartImage.Render(c, Plots.ImageKind.Svg))))] : [],
        };
    }

    /// <inheritdoc/>
    protected override string Render(CommandResult result, OutputFormat format, Args a, Io io)
    {
        ArgumentNullException.ThrowIfNull(result);
        bool explain = a.Switch(O.Explain);
        // --table keeps one table: then the report is that table, in the chosen format.
        if (result.Payload is not ArticleReport report || result.Sheets.Count == 1)
        {
            return format == OutputFormat.Json ? JsonRenderer.Render(result, explain) + "\n"
                : format == OutputFormat.Html ? HtmlRenderer.Render(result, explain)
                : MarkdownRenderer.Render(result, explain);
        }

        return format switch
        {
            OutputFormat.Json => JsonRenderer.Render(report.Flat, explain) + "\n",
            OutputFormat.Html => HtmlRenderer.Render(report.Flat, explain, Html(report), result.Figures),
            _ => Markdown(report, explain),
        };
    }

    /// <summary>The whole report from a catalog.</summary>
    public static ArticleReport Report(LlmCatalog catalog)
    {
        ArticleReproduction r = ArticleReproduction.Run(catalog, ScenarioContext.Article);
        IReadOnlyList<AuditLine> audit = ArticleAudit.Run(r);
        var sections = new List<ReportSection>
        {
            new("§3 LLM-powered search", "3", SearchSheets(r)),
            new("Deep dive: cloud inference cost per 1000 tokens", "deep dive", [InferenceSheet(r)]),
            new("§4 Training cost", "4", [TrainingSheet(r), MfuSheet(catalog, r)]),
            new("§5 The cost trajectory", "5", [.. TrajectorySheets(r), ChinchillaSheet(r), .. HardwareGenerationsCommand.Generations(catalog).Sheets, InHouseSheet(r), MemorySheet(r)]),
            new("§6 Conclusions", "6", []),
        };
        sections = sections.Select(s => s with { Sheets = [.. s.Sheets, FiguresSheet(s, audit)] }).ToList();
        return new ArticleReport(r, audit, sections);
    }

    private static IReadOnlyList<Sheet> SearchSheets(ArticleReproduction r) =>
    [
        Sheet.Table("search", "Per query, from API prices (eqs. 2–3)",
            [new SearchRow("ChatGPT-equivalent", r.ChatGpt), new SearchRow("2-stage summarizer", r.TwoStage)], SearchCommand.PerQueryFields),
        Sheet.Record("searchRevenue", "Search volume, revenue per query and the levers (eqs. 4–6)")
            .Add("annualSearches", "Annual searches (recomputed)", Kind.Count, r.Volume.AnnualSearches.Count, "searches/year")
            .Add("revenuePerQueryUsd", $"Revenue per query (${NumberFormat.Count(r.Scenario.Search.SearchRevenue.Usd)} / {NumberFormat.Count(r.Scenario.Search.AnnualSearchesStated.Count)})", Kind.Usd, r.RevenuePerQuery.UsdPerQuery, "USD/query")
            .Add("costShareOfRevenue", "2-stage cost / revenue per query", Kind.Fraction, r.Levers.ShareOfRevenueBefore.Fraction)
            .Add("leverDivisor", "Levers: model-side × in-house", Kind.Number, r.Levers.Divisor, "÷")
            .Add("leveredCostPerQueryUsd", "Levered cost per query", Kind.Usd, r.Levers.CostAfter.UsdPerQuery, "USD/query")
            .Add("leveredShareOfRevenue", "Levered cost / revenue per query", Kind.Fraction, r.Levers.ShareOfRevenueAfter.Fraction)
            .Add("annualCostUsd", "Profit given up per year", Kind.Usd, r.Levers.AnnualCost.Usd, "USD/year"),
    ];

    private static Sheet InferenceSheet(ArticleReproduction r) =>
        Sheet.Table("inference", $"{NumberFormat.Count(r.Scenario.Inference.Parameters.Count)} parameters at {Percent(r.Scenario.Inference.Mfu.Fraction)} MFU (eq. 7)", r.Scenario.Inference.OfferIds.Zip(r.Inference),
            (new Column("offer", "Offer", Kind.Text), x => x.First),
            (new Column("chipsPerMachine", "Chips per machine", Kind.Integer), x => (double)x.Second.Inputs.ChipsPerMachine.Value),
            (new Column("peakFlopPerSecondPerChip", "Peak per chip", Kind.Number, "FLOP/s"), x => x.Second.Inputs.PeakPerChip.Value.FlopPerSecond),
            (new Column("mfu", "MFU", Kind.Fraction), x => x.Second.Inputs.Mfu.Value.Fraction),
            (new Column("machinePricePerHourUsd", "Machine price", Kind.Usd, "USD/h"), x => x.Second.Inputs.MachinePrice.Value.UsdPerHour),
            (new Column("costPer1kTokensUsd", "Cost per 1000 tokens", Kind.Usd, "USD"), x => x.Second.Cost.UsdPer1kTokens));

    private static Sheet TrainingSheet(ArticleReproduction r) =>
        Sheet.Table("training", $"On {r.Scenario.Training.OfferId} at {r.Scenario.Training.MfuModelId}'s MFU (eq. 8)", r.Training,
            (new Column("model", "Model", Kind.Text), t => t.Model.Name),
            (Columns.Parameters(), t => t.Model.Parameters.Count),
            (Columns.Tokens(), t => t.Solution.Inputs.Tokens.Value.Count),
            (new Column("mfu", "MFU", Kind.Fraction), t => t.Solution.Mfu.Fraction),
            (new Column("chipHours", "Chip-hours", Kind.Count, "chip-h"), t => t.Solution.ChipHours.ChipHours),
            (new Column("costPer1kTokensUsd", "Cost per 1000 tokens", Kind.Usd, "USD"), t => t.Solution.CostPer1kTokens.UsdPer1kTokens),
            (new Column("costUsd", "Training cost", Kind.Usd, "USD"), t => t.Solution.Cost.Usd));

    private static Sheet MfuSheet(LlmCatalog catalog, ArticleReproduction r) =>
        Sheet.Table("mfu", "Model FLOPs utilization of notable runs (catalog)", r.Scenario.Training.ModelIds.Select(catalog.Model),
            (new Column("model", "Model", Kind.Text), m => m.Name),
            (new Column("year", "Year", Kind.Year), m => (double)m.Year),
            (Columns.Parameters(), m => m.Parameters.Count),
            (new Column("chips", "Chips", Kind.Text), m => m.TrainingChips is { } c ? $"{c.ToString("#,0", CultureInfo.InvariantCulture)} × {m.TrainingAcceleratorId}" : null),
            (new Column("mfu", "MFU", Kind.Fraction), m => m.Mfu?.Fraction));

    private static IReadOnlyList<Sheet> TrajectorySheets(ArticleReproduction r) =>
    [
        Sheet.Table("levers", $"Levers since {r.Catalog.Model(r.Scenario.Trajectory.ParametersBeforeModelId).Name} (new/old factor; eq. 11)", r.TrajectoryLevers,
            (new Column("lever", "Lever", Kind.Text), l => l.Name),
            (new Column("factor", "Factor new/old", Kind.Number, "×"), l => l.Factor),
            (new Column("countedForInference", "Inference", Kind.Flag) { Words = ("counted", "—") }, l => l.Inference),
            (new Column("countedForTraining", "Training", Kind.Flag) { Words = ("counted", "—") }, l => l.Training)),
        Sheet.Record("netReduction", "Net reduction")
            .Add("inference", "Inference", Kind.Fraction, r.Figures["trajectory.net-inference"].Value)
            .Add("training", "Training", Kind.Fraction, r.Figures["trajectory.net-training"].Value),
    ];

    private static Sheet ChinchillaSheet(ArticleReproduction r) =>
        Sheet.Table("chinchilla", $"Chinchilla scaling law, law '{r.Scenario.Scaling.LawId}' (eq. 13)", r.Losses,
            (new Column("case", "Case", Kind.Text), x => x.Case.Label),
            (Columns.Parameters(), x => x.Case.Parameters.Count),
            (Columns.Tokens(), x => x.Case.Tokens.Count),
            (new Column("parameterTerm", "A/N^α", Kind.Number, "nats/token"), x => x.Loss.ParameterTerm),
            (new Column("dataTerm", "B/D^β", Kind.Number, "nats/token"), x => x.Loss.DataTerm),
            (Columns.Loss(), x => x.Loss.Loss));

    private static Sheet InHouseSheet(ArticleReproduction r)
    {
        // Every label is rendered from the scenario and the catalog: a --catalog that changes a number changes its label too.
        InHouseScenario h = r.Scenario.InHouse;
        string model = r.Catalog.Model(h.ModelId).Name, from = h.FromAcceleratorId, to = h.ToAcceleratorId;
        return Sheet.Record("inHouse", $"{model} in-house, {from} → {to} (eqs. 16–17; from the stated {Compact(h.PerUsdGainStated)}× and {Compact(h.PerWattGainStated)}×)")
            .Add("hardwareBeforeUsd", $"Hardware with {from} (given)", Kind.Usd, r.InHouse.HardwareBefore.Usd)
            .Add("energyCostBeforeUsd", $"Energy with {from} ({NumberFormat.Integer(r.InHouseEnergy.MegawattHours)} MWh × ${Compact(r.InHouseElectricity.UsdPerKilowattHour)}/kWh)", Kind.Usd, r.InHouse.EnergyCostBefore.Usd)
            .Add("totalBeforeUsd", $"Total with {from}", Kind.Usd, r.InHouse.TotalBefore.Usd)
            .Add("hardwareAfterUsd", $"Hardware with {to}", Kind.Usd, r.InHouse.HardwareAfter.Usd)
            .Add("energyCostAfterUsd", $"Energy with {to}", Kind.Usd, r.InHouse.EnergyCostAfter.Usd)
            .Add("totalAfterUsd", $"Total with {to}", Kind.Usd, r.InHouse.TotalAfter.Usd)
            .Add("reduction", "Reduction", Kind.Fraction, r.InHouse.Reduction.Fraction);
    }

    private static Sheet MemorySheet(ArticleReproduction r) =>
        Sheet.Table("memory", $"Training memory at {Compact(r.Scenario.Memory.BytesPerParameter)} bytes per parameter (eq. 18)", r.MemoryRows,
            (new Column("model", "Model", Kind.Text), x => x.Model.Name),
            (Columns.Parameters(), x => x.Model.Parameters.Count),
            (new Column("bytes", "Training state", Kind.Number, "bytes"), x => x.Memory.Bytes.Bytes),
            (new Column("minimumChips", $"Minimum {r.Scenario.Memory.ChipId}", Kind.Integer), x => (double?)x.Memory.MinimumChips));

    private static Sheet FiguresSheet(ReportSection section, IReadOnlyList<AuditLine> audit) =>
        Sheet.Table(FigureKey(section.ArticleSection), "Printed figures of this section, recomputed", audit.Where(l => l.Figure.Section == section.ArticleSection),
            (new Column("id", "Figure", Kind.Text, Audience: Audience.Programs), l => l.Figure.Id),
            (new Column("label", "Figure", Kind.Text), l => l.Figure.Label),
            (new Column("printedText", "Printed", Kind.Text), l => l.Figure.Text),
            (new Column("printed", "Printed", Kind.Number, Audience: Audience.Programs), l => l.Figure.Printed),
            (new Column("recomputed", "Recomputed", Kind.Number, Audience: Audience.Programs), l => l.Recomputed.Value),
            (new Column("recomputedText", "Recomputed", Kind.Text, Audience: Audience.People), l => FigureText(l.Recomputed.Value, l.Figure.Unit)),
            (new Column("atPrintResolution", "At the print's rounding", Kind.Text, Audience: Audience.People), l => FigureText(RoundTo(l.Recomputed.Value, l.Figure.Resolution), l.Figure.Unit, l.Figure.Resolution)),
            (new Column("unit", "Unit", Kind.Text, Audience: Audience.Programs), l => l.Figure.Unit),
            (new Column("verdict", "Verdict", Kind.Text), l => Verdict(l.Verdict)));

    private static string FigureKey(string section) => section switch
    {
        "3" => "figuresSection3",
        "4" => "figuresSection4",
        "5" => "figuresSection5",
        "6" => "figuresSection6",
        _ => "figuresDeepDive",
    };

    /// <summary>The audit: every printed figure that does not follow from the article's inputs, with both numbers and the gap.</summary>
    public static Sheet AuditSheet(IReadOnlyList<AuditLine> audit) =>
        Sheet.Table("audit", "Audit: figures that do not follow from the article's own inputs", audit.Where(l => l.Verdict != AuditVerdict.Agrees),
            (new Column("id", "Figure", Kind.Text), l => l.Figure.Id),
            (new Column("printedText", "Printed", Kind.Text), l => l.Figure.Text),
            (new Column("printed", "Printed", Kind.Number, Audience: Audience.Programs), l => l.Figure.Printed),
            (new Column("recomputed", "Recomputed", Kind.Number, Audience: Audience.Programs), l => AuditedValue(l)),
            (new Column("recomputedText", "Recomputed", Kind.Text, Audience: Audience.People), l => FigureText(AuditedValue(l), l.Figure.Unit)),
            (new Column("gap", "Gap", Kind.Number, Audience: Audience.Programs), l => l.Gap),
            (new Column("gapText", "Gap", Kind.Text, Audience: Audience.People), l => GapText(l.Gap, l.Figure.Unit)),
            (new Column("relativeGap", "Relative gap", Kind.Fraction), l => l.RelativeGap),
            (new Column("unit", "Unit", Kind.Text, Audience: Audience.Programs), l => l.Figure.Unit),
            (new Column("verdict", "Verdict", Kind.Text), l => Verdict(l.Verdict)),
            (new Column("why", "Recomputed as", Kind.Text), l => l.Verdict == AuditVerdict.Propagated
                ? $"the step agrees ({FigureText(l.Recomputed.Value, l.Figure.Unit)}); {l.Recomputed.ChainNote}"
                : l.Recomputed.Derivation.OneLine));

    /// <summary>The value an audit line compares with the print: the chain's for a propagated figure, else the step's.</summary>
    private static double AuditedValue(AuditLine l) => l.Verdict == AuditVerdict.Propagated ? l.Recomputed.Chain!.Value : l.Recomputed.Value;

    private static string Verdict(AuditVerdict v) => v switch
    {
        AuditVerdict.Agrees => "agrees",
        AuditVerdict.Slip => "slip",
        _ => "propagated",
    };

    private static double RoundTo(double value, double resolution) =>
        Math.Round(Math.Round(value / resolution, 6), MidpointRounding.AwayFromZero) * resolution;

    /// <summary>A signed gap in the figure's unit; fractions in percentage points.</summary>
    private static string GapText(double gap, string unit) =>
        (gap >= 0 ? "+" : "−") + (unit.StartsWith("fraction", StringComparison.Ordinal)
            ? Compact(Math.Abs(gap) * 100, 3) + " pp"
            : FigureText(Math.Abs(gap), unit));

    /// <summary>A figure's value in its unit, as a reader would write it.</summary>
    public static string FigureText(double v, string unit, double? resolution = null)
    {
        double scale = unit == "bytes" ? (v >= 1e12 ? 1e12 : 1e9) : 1;
        int? decimals = resolution is { } res ? Math.Max(0, -(int)Math.Floor(Math.Log10(res / scale) + 1e-9)) : null;
        string Fixed(double x, int sig) => decimals is { } d ? x.ToString("0." + new string('0', d), CultureInfo.InvariantCulture) : Compact(x, sig);
        return unit switch
        {
            "USD" or "USD/query" or "USD/1K tokens" or "USD/year" => v >= 1000 || decimals is null ? Usd(v) : "$" + Fixed(v, 4),
            "fraction" => decimals is { } fd ? Percent(v, Math.Max(0, fd - 2)) : Percent(v, 2),
            "fraction/year" => (decimals is { } yd ? Percent(v, Math.Max(0, yd - 2)) : Percent(v, 2)) + "/year",
            "×" => Fixed(v, 3) + "×",
            "bytes" => Fixed(v / scale, 4) + (scale == 1e12 ? " TB" : " GB"),
            "searches/year" => Compact(v, 4) + " /year",
            _ => Fixed(v, 4),
        };
    }

    private static string Markdown(ArticleReport report, bool explain)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(Title).Append("\n\n").Append(Intro(report, markdown: true)).Append("\n\n");
        foreach (ReportSection s in report.Sections)
        {
            sb.Append("## ").Append(s.Title).Append("\n\n");
            foreach (Sheet sheet in s.Sheets.Select(x => x.For(Audience.People)))
            {
                sb.Append("### ").Append(sheet.Title).Append("\n\n");
                MarkdownRenderer.AppendTable(sb, sheet);
                sb.Append('\n');
            }
        }

        sb.Append("## Audit\n\n").Append(AuditIntro(report)).Append("\n\n");
        MarkdownRenderer.AppendTable(sb, AuditSheet(report.Audit).For(Audience.People));
        if (explain)
        {
            sb.Append("\n## How each figure was computed\n\n```text\n")
              .Append(Renderers.ExplainText(report.Reproduction.Figures.Values.Select(f => f.Derivation))).Append("```\n");
        }

        return sb.ToString();
    }

    private static string Html(ArticleReport report) =>
        "<p>" + WebUtility.HtmlEncode(Intro(report, markdown: false)) + "</p>\n<p>" + WebUtility.HtmlEncode(AuditIntro(report)) + "</p>";

    private static string Intro(ArticleReport report, bool markdown)
    {
        int agree = report.Audit.Count(l => l.Verdict == AuditVerdict.Agrees);
        int slips = report.Audit.Count(l => l.Verdict == AuditVerdict.Slip);
        int propagated = report.Audit.Count(l => l.Verdict == AuditVerdict.Propagated);
        string cmd = markdown ? "`llmecon report --explain`" : "llmecon report --explain";
        return $"Every table of the article recomputed from the embedded default scenario ({report.Reproduction.Scenario.Source}) and the catalog "
               + $"(every entry sourced and dated; `llmecon catalog list`). Of its {report.Audit.Count} printed figures, {agree} follow from their inputs "
               + $"to the print's rounding, {slips} do not (slips) and {propagated} carry an upstream rounding or slip. {cmd} shows every derivation.";
    }

    private static string AuditIntro(ArticleReport report) =>
        "A slip is a printed figure that does not follow from the article's own inputs to that step; 'propagated' marks a figure whose step is right "
        + "but which inherits an upstream rounding or slip. Gap = recomputed − printed. No figure is listed by hand: each line comes from comparing "
        + $"the recomputation with the print ({report.Audit.Count(l => l.Verdict != AuditVerdict.Agrees)} lines).";
}

/// <summary>One section of the report: its title, the article's section id and its sheets.</summary>
internal sealed record ReportSection(string Title, string ArticleSection, IReadOnlyList<Sheet> Sheets);

/// <summary>The report: the reproduction, the audit and the sections.</summary>
internal sealed record ArticleReport(ArticleReproduction Reproduction, IReadOnlyList<AuditLine> Audit, IReadOnlyList<ReportSection> Sections)
{
    /// <summary>Every sheet in one result (keys unique), the audit last: what JSON prints.</summary>
    public CommandResult Flat => new(ReportCommand.Title,
        [.. Sections.SelectMany(s => s.Sheets), ReportCommand.AuditSheet(Audit)], [],
        Reproduction.Figures.Values.Select(f => f.Derivation).ToList());
}
