using System.Globalization;
using System.Text.Json;

namespace LlmEcon.Cli.Tests;

/// <summary>Formats: CSV, Markdown, HTML, --out, and the same bytes under any culture.</summary>
public class FormatTests
{
    [Fact]
    public void CommaDecimalCulture_PrintsTheSameOutput()
    {
        string[][] commands =
        [
            ["inference", "--params", "175B", "--offer", "aws-p4d-1yr", "--mfu", "21.3%"],
            ["train", "--model", "gpt-3", "--offer", "gcp-tpu-v4-1yr", "--mfu", "0.462", "--format", "json", "--explain"],
            ["search", "--format", "csv"],
            ["report"],
        ];
        CultureInfo saved = CultureInfo.CurrentCulture, savedUi = CultureInfo.CurrentUICulture;
        var invariant = commands.Select(c => WithCulture(CultureInfo.InvariantCulture, c)).ToList();
        var de = new CultureInfo("de-DE");
        Assert.Equal(",", de.NumberFormat.NumberDecimalSeparator); // the culture really writes 0,003515
        var german = commands.Select(c => WithCulture(de, c)).ToList();
        Assert.Equal(saved, CultureInfo.CurrentCulture);
        Assert.Equal(savedUi, CultureInfo.CurrentUICulture);
        Assert.Equal(invariant, german);
        Assert.Contains("$0.003515", german[0], StringComparison.Ordinal);
    }

    private static string WithCulture(CultureInfo culture, string[] args)
    {
        CultureInfo saved = CultureInfo.CurrentCulture, savedUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            var (code, output, error) = Cli.Run(args);
            Assert.Equal(0, code);
            return output + error;
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = savedUi;
        }
    }

    [Fact]
    public void Csv_HasKeysAsHeader_AndRawNumbers()
    {
        string[] lines = Cli.Ok("inference", "--params", "175B", "--offer", "aws-p4d-1yr", "--mfu", "21.3%", "--format", "csv").TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        string[] keys = lines[0].Split(','), values = lines[1].Split(',');
        Assert.Equal(keys.Length, values.Length);
        double cost = double.Parse(values[Array.IndexOf(keys, "costPer1kTokensUsd")], CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(cost - 0.003515) < 5e-7);
        Assert.Equal("0.213", values[Array.IndexOf(keys, "mfu")]);
    }

    [Fact]
    public void Csv_Explain_SendsDerivationsToStderr()
    {
        var (code, output, error) = Cli.Run("memory", "--params", "175B", "--format", "csv", "--explain");
        Assert.Equal(0, code);
        Assert.DoesNotContain("eq.", output, StringComparison.Ordinal);
        Assert.Contains("eq. ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_IsATablePerSheet()
    {
        string md = Cli.Ok("trajectory", "--format", "markdown");
        Assert.Contains("## Levers on the cost", md, StringComparison.Ordinal);
        Assert.Contains("| Lever | Factor new/old (×) | Reduction (%) | Inference | Training |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportHtml_IsOneSelfContainedFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"llmecon-report-{Guid.NewGuid():N}.html");
        try
        {
            Assert.Equal("", Cli.Ok("report", "--format", "html", "--out", path));
            string html = File.ReadAllText(path);
            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
            Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
            Assert.DoesNotContain("href=", html, StringComparison.Ordinal);
            Assert.Contains("$1,398,072", html, StringComparison.Ordinal);
            Assert.Contains("<h2>Audit: figures that do not follow from the article&#39;s own inputs</h2>", html, StringComparison.Ordinal);
            // the article's seven charts, inline SVG: trajectory, training cost, GFLOPS per $ and per W, search, iso-loss, implied MFU
            Assert.Equal(7, System.Text.RegularExpressions.Regex.Count(html, "<svg "));
            Assert.DoesNotContain("<?xml", html, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void CatalogOverride_ChangesTheNumber_WithItsProvenance()
    {
        // A user's offer: 8 chips at $16/h on A100 → $2/chip-hour; cost scales with price: 0.003515 × 16 / 19.22.
        string path = Path.Combine(Path.GetTempPath(), $"llmecon-cat-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            { "offers": [ { "id": "my-a100", "name": "My A100 box", "provider": "me", "acceleratorId": "a100-40gb", "chipsPerMachine": 8,
                            "usdPerHour": 16, "commitment": "on-demand", "source": "our 2026 quote", "published": "2026-11" } ] }
            """);
        try
        {
            string json = Cli.Ok("inference", "--params", "175B", "--offer", "my-a100", "--mfu", "21.3%", "--catalog", path, "--format", "json", "--explain");
            JsonElement root = JsonDocument.Parse(json).RootElement;
            double cost = root.GetProperty("inference").GetProperty("costPer1kTokensUsd").GetDouble();
            Assert.True(Math.Abs(cost - 175e9 * 2 * 1000 / (8 * 312e12 * 0.213) * 16 / 3600) < 1e-15);
            Assert.Contains(root.GetProperty("derivations")[0].GetProperty("inputs").EnumerateArray(),
                i => i.GetProperty("source").ValueKind == JsonValueKind.Object && i.GetProperty("source").GetProperty("source").GetString() == "our 2026 quote");
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>Progress of long work on standard error (issue 8 §10): in order, nothing for work under a second, at most once a second.</summary>
public class ProgressTests
{
    [Fact]
    public void TimedProgress_SaysNothingForTheFirstSecond_ThenAtMostOnceASecond_AndEndsWithTheTotal()
    {
        var error = new StringWriter { NewLine = "\n" };
        var now = TimeSpan.Zero;
        var progress = new LlmEcon.Cli.Output.Progress("fit", "starts", 4500, new Io(TextWriter.Null, error, 100), clock: () => now);
        for (int i = 1; i <= 4500; i++)
        {
            now = TimeSpan.FromMilliseconds(i);   // 4.5 s in all, a millisecond a start
            progress.Report((long)i);
        }

        progress.Done();
        Assert.Equal("fit: 1,000/4,500 starts\nfit: 2,000/4,500 starts\nfit: 3,000/4,500 starts\nfit: 4,000/4,500 starts\nfit: 4,500/4,500 starts\n", error.ToString());
    }

    [Fact]
    public void QuickWork_PrintsNoProgress()
    {
        var error = new StringWriter();
        var progress = new LlmEcon.Cli.Output.Progress("fit", "starts", 4500, new Io(TextWriter.Null, error, 100), clock: () => TimeSpan.FromMilliseconds(200));
        for (int i = 1; i <= 4500; i++)
        {
            progress.Report((long)i);
        }

        progress.Done();
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public void ReportsOutOfOrder_AreNeverPrintedBackwards()
    {
        var error = new StringWriter { NewLine = "\n" };
        var progress = new LlmEcon.Cli.Output.Progress("bootstrap", "resamples", 100, new Io(TextWriter.Null, error, 100), every: 10);
        foreach (int v in new[] { 20, 10, 30 })
        {
            progress.Report(v);
        }

        Assert.Equal("bootstrap: 20/100 resamples\nbootstrap: 30/100 resamples\n", error.ToString());
    }
}
