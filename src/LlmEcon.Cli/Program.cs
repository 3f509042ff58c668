using System.Globalization;
using System.Text;
using LlmEcon.Cli;

Console.OutputEncoding = new UTF8Encoding(false);
LlmEcon.Cli.Commands.WebCommand.Host = LlmEcon.Web.WebApp.Serve;

// Table width: the terminal's; when redirected, $COLUMNS if set (≥ 40), else 120.
int width = !Console.IsOutputRedirected ? Math.Max(60, Console.WindowWidth)
    : int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int columns) && columns >= 40 ? columns
    : 120;
return LlmEconApp.Run(args, new Io(Console.Out, Console.Error, width));
