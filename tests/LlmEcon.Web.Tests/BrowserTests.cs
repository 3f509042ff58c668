using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace LlmEcon.Web.Tests;

/// <summary>
/// The calculator in a real browser: Debian's headless Chromium (/usr/bin/chromium, installed by .ci/run) driven by Playwright,
/// against the app on a loopback port. Change an input, see the result and the URL change, open the shared URL in a new page and
/// see the same result; a screenshot is kept as an artefact (bin/…/artifacts/training.png).
/// </summary>
public sealed class BrowserTests : IAsyncLifetime
{
    private WebApplication? _app;
    private string _base = "";

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        _app = WebApp.Create([], port: 0);
        await _app.StartAsync();
        _base = WebApp.AddressOf(_app);
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task ChangingAnInput_UpdatesTheResultAndTheUrl_AndTheSharedUrlShowsTheSame()
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "Debian's chromium is needed: apt-get install -y chromium (.ci/run installs it)");
        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // no background connections: this machine's network is closed
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        IPage page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync(_base + "/training?model=gpt-3&offer=gcp-tpu-v4-1yr&mfu=46.2%25");
        ILocator results = page.Locator("#results");
        // Sun 2023 §4: GPT-3 on TPU v4 at 46.2% MFU costs $1,398,072
        await Assertions.Expect(results).ToContainTextAsync("$1,398,072");

        // At 23.1% MFU, half the utilization, the same run costs twice as much: $2,796,143 ($1,398,071.63 × 2, rounded)
        await page.Locator("input[name=mfu]").FillAsync("23.1%");
        await Assertions.Expect(results).ToContainTextAsync("$2,796,143");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("mfu=23\\.1%25"));

        string shared = page.Url;
        IPage second = await browser.NewPageAsync();
        await second.GotoAsync(shared);
        await Assertions.Expect(second.Locator("#results")).ToContainTextAsync("$2,796,143");
        Assert.Equal("23.1%", await second.Locator("input[name=mfu]").InputValueAsync());

        string artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(artifacts);
        string shot = Path.Combine(artifacts, "training.png");
        await page.ScreenshotAsync(new() { Path = shot, FullPage = false });
        Assert.True(new FileInfo(shot).Length > 10_000, string.Create(CultureInfo.InvariantCulture, $"screenshot of {new FileInfo(shot).Length} bytes"));
    }
}
