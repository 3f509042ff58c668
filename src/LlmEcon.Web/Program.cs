using LlmEcon.Web;

// dotnet run --project src/LlmEcon.Web [-- --port 5180]: the calculator on http://127.0.0.1:5180/ (docs/web.md)
int port = WebApp.DefaultPort;
int at = Array.IndexOf(args, "--port");
if (at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int p) && p is > 0 and < 65536)
{
    port = p;
}

WebApplication app = WebApp.Create(args, port);
Console.WriteLine($"LlmEcon on http://127.0.0.1:{port}/ (Ctrl+C stops it)");
app.Run();

/// <summary>The web app's entry point (public for WebApplicationFactory in the tests).</summary>
public partial class Program;
