using System.Globalization;
using System.Text;
using LlmEcon.Cli;

Console.OutputEncoding = new UTF8Encoding(false);
// a lambda, not the method group: the web app's assembly loads when `web` runs, not at every start
LlmEcon.Cli.Commands.WebCommand.Host = (port, open, log) => LlmEcon.Web.WebApp.Serve(port, open, log);

// Table width: the terminal's; when redirected, $COLUMNS if set (≥ 40), else 120.
int width = !Console.IsOutputRedirected ? Math.Max(60, Console.WindowWidth)
    : int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int columns) && columns >= 40 ? columns
    : 120;
return LlmEconApp.Run(args, new Io(Console.Out, Console.Error, width) { ErrorIsTerminal = !Console.IsErrorRedirected });
