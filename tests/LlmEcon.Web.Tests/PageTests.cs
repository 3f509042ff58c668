using System.Net;

namespace LlmEcon.Web.Tests;

/// <summary>The pages: forms over the commands, state in the URL.</summary>
public sealed class PageTests(Server server) : IClassFixture<Server>
{
    private readonly HttpClient _client = server.Client;

    [Theory]
    [InlineData("/")]
    [InlineData("/article")]
    [InlineData("/training")]
    [InlineData("/serving")]
    [InlineData("/scaling")]
    [InlineData("/memory")]
    [InlineData("/hardware")]
    public async Task EveryPage_Loads(string url)
    {
        HttpResponseMessage response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<!DOCTYPE html>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainingPage_WithTheArticlesInputsInTheUrl_ShowsItsCost()
    {
        string html = await _client.GetStringAsync(new Uri("/training?model=gpt-3&offer=gcp-tpu-v4-1yr&mfu=46.2%25", UriKind.Relative));
        Assert.Contains("$1,398,072", html, StringComparison.Ordinal);
        Assert.Contains("value=\"46.2%\"", html, StringComparison.Ordinal); // the form keeps the state
        Assert.Contains("How each number was computed", html, StringComparison.Ordinal); // and the derivations
    }

    [Fact]
    public async Task BadInput_OnAPage_IsTheSentence_NotAnError500()
    {
        HttpResponseMessage response = await _client.GetAsync(new Uri("/training?model=gpt-3&offer=gcp-tpu-v4-1yr&mfu=146%25", UriKind.Relative));
        string html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"error\"", html, StringComparison.Ordinal);
        Assert.Contains("--mfu must be a fraction in [1e-6, 1]", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_Is404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(new Uri("/nope", UriKind.Relative))).StatusCode);
}

/// <summary>The pages show their chart, drawn with the page's inputs.</summary>
public sealed class PageChartTests(Server server) : IClassFixture<Server>
{
    [Theory]
    [InlineData("/serving")]
    [InlineData("/training?mfu=40%25")]
    [InlineData("/article")]
    [InlineData("/scaling?law=besiroglu-2024")]
    [InlineData("/hardware")]
    public async Task APage_ShowsItsChart_AsInlineSvg(string url)
    {
        string html = await server.Client.GetStringAsync(new Uri(url, UriKind.Relative));
        Assert.Contains("<figure class=\"chart\"><svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<?xml", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTrainingChart_FollowsTheMfuInput()
    {
        // the training-cost chart's title states its MFU: the page's mfu goes to the plot
        string html = await server.Client.GetStringAsync(new Uri("/training?mfu=40%25", UriKind.Relative));
        Assert.Contains("at 40% MFU", html, StringComparison.Ordinal);
    }
}
