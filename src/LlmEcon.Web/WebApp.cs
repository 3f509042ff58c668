using System.Net;
using System.Text.Json;
using LlmEcon.Cli.Options;

namespace LlmEcon.Web;

/// <summary>
/// The local web calculator: <c>/api/v1/COMMAND</c> runs any llmecon command and returns exactly its JSON; <c>/</c> and one page per
/// question are forms over the same commands, their state in the URL. Bound to 127.0.0.1; requests are size-limited; an error is a
/// 400 or 404 problem+json carrying the library's own sentence, never a stack trace.
/// </summary>
public static class WebApp
{
    /// <summary>The largest request body read, bytes.</summary>
    public const int MaxBody = 16 * 1024;

    /// <summary>The longest query string, characters.</summary>
    public const int MaxQuery = 4 * 1024;

    /// <summary>The default port.</summary>
    public const int DefaultPort = 5180;

    /// <summary>Builds the app listening on 127.0.0.1:<paramref name="port"/>.</summary>
    public static WebApplication Create(string[] args, int port = DefaultPort)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);
            k.Limits.MaxRequestBodySize = MaxBody;
            k.Limits.MaxRequestLineSize = MaxQuery + 1024;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.AddServerHeader = false;
        });
        WebApplication app = builder.Build();
        Map(app);
        return app;
    }

    /// <summary>
    /// Serves on 127.0.0.1:<paramref name="port"/> until stopped (Ctrl+C), saying where on <paramref name="log"/>; with
    /// <paramref name="open"/>, opens the default browser there (xdg-open, where present).
    /// </summary>
    public static int Serve(int port, bool open, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        WebApplication app = Create([], port);
        string url = $"http://127.0.0.1:{port}/";
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            log.WriteLine($"LlmEcon on {url} (Ctrl+C stops it)");
            log.Flush();
            if (open)
            {
                try
                {
                    System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("xdg-open", url) { UseShellExecute = false })?.Dispose();
                }
                catch (System.ComponentModel.Win32Exception)
                {
                    log.WriteLine($"No browser to open (xdg-open): visit {url}");
                }
            }
        });
        app.Run();
        return 0;
    }

    /// <summary>Where a started app listens (with port 0, the port the system chose), e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public static string AddressOf(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>Maps the pages and the API on <paramref name="app"/>.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(error => error.Run(context => Problem(context, 500, "Internal error", "The request could not be completed.")));
        app.Use(async (context, next) =>
        {
            if (context.Request.QueryString.Value is { Length: > MaxQuery })
            {
                await Problem(context, 400, "Bad input", $"the query string must be at most {MaxQuery} characters; got {context.Request.QueryString.Value.Length}.");
                return;
            }

            await next(context);
        });

        app.MapGet("/api/v1/openapi.json", () => Results.Text(OpenApi.Document(), "application/json; charset=utf-8"));
        app.MapGet("/api/v1/{**path}", (HttpContext context, string? path) =>
            Api(context, path ?? "", context.Request.Query.SelectMany(q => q.Value.Select(v => (q.Key, v ?? "")))));
        app.MapPost("/api/v1/{**path}", async (HttpContext context, string? path) =>
        {
            var body = await ReadJson(context);
            return body.Error is { } e ? Problem400(e) : Api(context, path ?? "", body.Fields!);
        });
        app.MapGet("/", () => Results.Content(Pages.Index(), "text/html; charset=utf-8"));
        app.MapGet("/{page}", (HttpContext context, string page) => Pages.Page(page, context.Request.Query) is { } html
            ? Results.Content(html, "text/html; charset=utf-8")
            : Results.Content(Pages.NotFound(page), "text/html; charset=utf-8", statusCode: 404));
        app.MapFallback((HttpContext context) => Problem(context, 404, "Not found", $"no page or API route '{context.Request.Path}'."));
    }

    private static IResult Api(HttpContext context, string path, IEnumerable<(string Key, string Value)> fields)
    {
        if (CommandRunner.Find(path) is not var (command, arguments))
        {
            return ProblemResult(404, "Not found", $"no command '{path.Replace('/', ' ')}': /api/v1/openapi.json lists them.");
        }

        if (CommandRunner.ReadsFiles(command))
        {
            return Problem400($"{command.Path} reads a file, which the web API does not do: run it with the llmecon tool.");
        }

        var flags = new List<(string, string?)>();
        foreach (var (key, value) in fields)
        {
            if (CommandRunner.Forbidden.Contains(key))
            {
                return Problem400($"{key} is not available over HTTP (the API reads and writes no files and always answers in JSON).");
            }

            Opt? option = command.Options.FirstOrDefault(o => o.Name == "--" + key);
            if (option is SwitchOpt)
            {
                if (value is "" or "true")
                {
                    flags.Add((key, null));
                }
                else if (value != "false")
                {
                    return Problem400($"{key} must be true or false; got '{value}'.");
                }

                continue;
            }

            flags.Add((key, value));
        }

        CommandRun run = CommandRunner.Run(command, arguments, flags, "json");
        return run.Code == 0
            ? Results.Text(run.Output, "application/json; charset=utf-8")
            : Problem400(run.Sentence);
    }

    private static IResult Problem400(string detail) => ProblemResult(400, "Bad input", detail);

    /// <summary>An RFC 9457 problem, serialized by source-generated JSON (the tool runs natively: no reflection).</summary>
    private static IResult ProblemResult(int status, string title, string detail) =>
        Results.Text(JsonSerializer.Serialize(ProblemBody.Of(title, status, detail), ProblemJson.Default.ProblemBody), "application/problem+json", System.Text.Encoding.UTF8, status);

    private static Task Problem(HttpContext context, int status, string title, string detail) => ProblemResult(status, title, detail).ExecuteAsync(context);

    /// <summary>A JSON object body as fields: strings, numbers and booleans; anything else is an error sentence.</summary>
    private static async Task<(List<(string, string)>? Fields, string? Error)> ReadJson(HttpContext context)
    {
        if (context.Request.ContentLength is > MaxBody)
        {
            return (null, $"the request body must be at most {MaxBody} bytes; got {context.Request.ContentLength}.");
        }

        var buffer = new byte[MaxBody + 1];
        int read = 0, n;
        try
        {
            while (read < buffer.Length && (n = await context.Request.Body.ReadAsync(buffer.AsMemory(read))) > 0)
            {
                read += n;
            }
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            return (null, $"the request body must be at most {MaxBody} bytes.");
        }

        if (read > MaxBody)
        {
            return (null, $"the request body must be at most {MaxBody} bytes; got more.");
        }

        if (read == 0)
        {
            return ([], null);
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(buffer.AsMemory(0, read));
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, $"the body must be a JSON object of option names and values; got a JSON {doc.RootElement.ValueKind.ToString().ToLowerInvariant()}.");
            }

            var fields = new List<(string, string)>();
            foreach (JsonProperty p in doc.RootElement.EnumerateObject())
            {
                string? value = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.Number => p.Value.GetRawText(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => null,
                };
                if (value is null)
                {
                    return (null, $"{p.Name} must be a string, a number or a boolean; got a JSON {p.Value.ValueKind.ToString().ToLowerInvariant()}.");
                }

                fields.Add((p.Name, value));
            }

            return (fields, null);
        }
        catch (JsonException e)
        {
            return (null, $"the body must be well-formed JSON; got an error at byte {e.BytePositionInLine}.");
        }
    }
}

/// <summary>An RFC 9457 problem body.</summary>
/// <param name="Type">The status's section of RFC 9110.</param>
/// <param name="Title">What kind of problem.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Detail">The sentence.</param>
internal sealed record ProblemBody(string Type, string Title, int Status, string Detail)
{
    /// <summary>A problem of <paramref name="status"/>, its type the RFC 9110 section.</summary>
    public static ProblemBody Of(string title, int status, string detail) => new(status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
    }, title, status, detail);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(ProblemBody))]
[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class ProblemJson : System.Text.Json.Serialization.JsonSerializerContext;
