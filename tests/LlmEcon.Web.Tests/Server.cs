using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace LlmEcon.Web.Tests;

/// <summary>
/// The web app on an in-memory test server (what WebApplicationFactory does for an app with its own entry point; this one is a
/// library the llmecon tool hosts), one per test class.
/// </summary>
public sealed class Server : IAsyncLifetime
{
    private WebApplication? _app;

    /// <summary>A client of the in-memory server.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        _app = builder.Build();
        WebApp.Map(_app);
        await _app.StartAsync();
        Client = _app.GetTestClient();
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
