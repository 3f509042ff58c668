using System.Text;
using LlmEcon.Cli;

Console.OutputEncoding = new UTF8Encoding(false);
int width = Console.IsOutputRedirected ? 120 : Math.Max(60, Console.WindowWidth);
return LlmEconApp.Run(args, new Io(Console.Out, Console.Error, width));
