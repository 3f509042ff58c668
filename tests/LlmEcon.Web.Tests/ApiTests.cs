using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using LlmEcon.Cli;
using LlmEcon.Cli.Commands;

namespace LlmEcon.Web.Tests;

/// <summary>The JSON API: every command answers as the tool does; every bad input is a 400 (or 404) with one sentence, never a 500.</summary>
public sealed class ApiTests(Server server) : IClassFixture<Server>
{
    private readonly HttpClient _client = server.Client;

    /// <summary>Each command's first help example that reads and writes no file, as (command, example words).</summary>
    public static TheoryData<string, string[]> Examples()
    {
        var data = new TheoryData<string, string[]>();
        foreach (LlmEconCommand c in LlmEconApp.Commands.Where(c => !CommandRunner.ReadsFiles(c)))
        {
            string[]? example = c.Examples.FirstOrDefault(e => !e.Any(w => w.StartsWith("--", StringComparison.Ordinal) && CommandRunner.Forbidden.Contains(w[2..])));
            if (example is not null)
            {
                data.Add(c.Path, example);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task EveryCommand_AnswersExactlyTheToolsJson(string path, string[] example)
    {
        // words before the first flag are positional (hardware show ID); then --flag value pairs (or a lone switch)
        var segments = new List<string>(path.Split(' '));
        var query = new List<string>();
        int i = 0;
        for (; i < example.Length && !example[i].StartsWith("--", StringComparison.Ordinal); i++)
        {
            segments.Add(example[i]);
        }

        for (; i < example.Length; i++)
        {
            string name = example[i][2..];
            bool hasValue = i + 1 < example.Length && !example[i + 1].StartsWith("--", StringComparison.Ordinal);
            query.Add(Uri.EscapeDataString(name) + "=" + (hasValue ? Uri.EscapeDataString(example[++i]) : "true"));
        }

        HttpResponseMessage response = await _client.GetAsync(new Uri($"/api/v1/{string.Join('/', segments)}?{string.Join('&', query)}", UriKind.Relative));
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        var output = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        int code = LlmEconApp.Run([.. path.Split(' '), .. example, "--format", "json"], new Io(output, new StringWriter(CultureInfo.InvariantCulture), 100));
        Assert.Equal(0, code);
        Assert.Equal(output.ToString(), body);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Train_TheArticlesGpt3OnTpuV4_Costs1398072Usd()
    {
        // Sun 2023 §4: GPT-3, 175B parameters on 300B tokens, TPU v4 at $8.12 per 4-chip hour, 46.2% MFU: $1,398,072
        using JsonDocument doc = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/api/v1/train?params=175B&tokens=300B&offer=gcp-tpu-v4-1yr&mfu=46.2%25", UriKind.Relative)));
        Assert.Equal(1_398_072, Math.Round(doc.RootElement.GetProperty("training").GetProperty("costUsd").GetDouble()));
    }

    [Fact]
    public async Task Post_AJsonObject_IsTheSameAsTheQuery()
    {
        var content = new StringContent("""{"params": "175B", "tokens": "300B", "offer": "gcp-tpu-v4-1yr", "mfu": 0.462}""", Encoding.UTF8, "application/json");
        string posted = await (await _client.PostAsync(new Uri("/api/v1/train", UriKind.Relative), content)).Content.ReadAsStringAsync();
        string got = await _client.GetStringAsync(new Uri("/api/v1/train?params=175B&tokens=300B&offer=gcp-tpu-v4-1yr&mfu=0.462", UriKind.Relative));
        Assert.Equal(got, posted);
    }

    [Theory]
    [InlineData("/api/v1/train?params=175B&tokens=300B&offer=gcp-tpu-v4-1yr&mfu=NaN", "--mfu must be a ratio such as 21.3% or 0.213; got 'NaN'.")]
    [InlineData("/api/v1/train?params=1e400&tokens=300B&offer=gcp-tpu-v4-1yr&mfu=0.4", "--params must be")]
    [InlineData("/api/v1/train?params=175B&tokens=300B&offer=gcp-tpu-v4-1yr&mfu=1.7", "--mfu must be a fraction in [1e-6, 1]")]
    [InlineData("/api/v1/inference?params=175B&offer=aws-p4&mfu=21.3%25", "--offer must be an id in the catalog; got 'aws-p4'. Did you mean")]
    [InlineData("/api/v1/train?param=175B", "llmecon train has no option '--param'. Did you mean")]
    [InlineData("/api/v1/report?out=/etc/passwd", "out is not available over HTTP")]
    [InlineData("/api/v1/train?catalog=/tmp/x.json", "catalog is not available over HTTP")]
    [InlineData("/api/v1/scaling/fit/data.csv", "scaling fit reads a file")]
    [InlineData("/api/v1/train?explain=maybe", "explain must be true or false; got 'maybe'.")]
    public async Task BadQuery_Is400_WithTheSentence(string url, string sentence)
    {
        HttpResponseMessage response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        await AssertProblem(response, HttpStatusCode.BadRequest, sentence);
    }

    [Theory]
    [InlineData("""{"params": "175B", """, "the body must be well-formed JSON")]
    [InlineData("""[1, 2]""", "the body must be a JSON object of option names and values; got a JSON array.")]
    [InlineData("""{"params": [175]}""", "params must be a string, a number or a boolean; got a JSON array.")]
    [InlineData("""{"params": {"n": 1}}""", "params must be a string, a number or a boolean; got a JSON object.")]
    [InlineData("""{"params": "175B", "tokens": "300B", "offer": "gcp-tpu-v4-1yr", "mfu": 1e400}""", "--mfu must be")]
    public async Task BadBody_Is400_WithTheSentence(string json, string sentence)
    {
        HttpResponseMessage response = await _client.PostAsync(new Uri("/api/v1/train", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
        await AssertProblem(response, HttpStatusCode.BadRequest, sentence);
    }

    [Fact]
    public async Task OversizedBody_AndQuery_Are400()
    {
        string big = "{\"params\": \"" + new string('1', 20_000) + "\"}";
        await AssertProblem(await _client.PostAsync(new Uri("/api/v1/train", UriKind.Relative), new StringContent(big, Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "the request body must be at most 16384 bytes");
        await AssertProblem(await _client.GetAsync(new Uri("/api/v1/train?params=" + new string('9', 5000), UriKind.Relative)),
            HttpStatusCode.BadRequest, "the query string must be at most 4096 characters");
    }

    [Theory]
    [InlineData("/api/v1/nosuch", "no command 'nosuch'")]
    [InlineData("/api/v2/train", "no page or API route '/api/v2/train'.")]
    public async Task UnknownRoutes_Are404(string url, string sentence) =>
        await AssertProblem(await _client.GetAsync(new Uri(url, UriKind.Relative)), HttpStatusCode.NotFound, sentence);

    [Fact]
    public async Task OpenApi_ListsEveryCommandServed_WithItsOptions()
    {
        using JsonDocument doc = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/api/v1/openapi.json", UriKind.Relative)));
        JsonElement paths = doc.RootElement.GetProperty("paths");
        Assert.Equal("3.1.0", doc.RootElement.GetProperty("openapi").GetString());
        Assert.True(paths.TryGetProperty("/api/v1/train", out JsonElement train));
        Assert.Contains(train.GetProperty("get").GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "mfu");
        Assert.True(paths.TryGetProperty("/api/v1/hardware/show/{ID}", out _));
        Assert.False(paths.TryGetProperty("/api/v1/scaling/fit/{FILE}", out _));
        Assert.Equal(LlmEconApp.Commands.Count(c => !CommandRunner.ReadsFiles(c)), paths.EnumerateObject().Count());
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string sentence)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        using JsonDocument doc = JsonDocument.Parse(body);
        Assert.Contains(sentence, doc.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
