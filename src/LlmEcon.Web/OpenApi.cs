using System.Text.Json.Nodes;
using LlmEcon.Cli;
using LlmEcon.Cli.Commands;
using LlmEcon.Cli.Options;

namespace LlmEcon.Web;

/// <summary>The API's OpenAPI 3.1 document, written from the commands themselves: one GET per command, every option a query parameter.</summary>
internal static class OpenApi
{
    private static readonly Lazy<string> Json = new(Build);

    /// <summary>The document (built once).</summary>
    public static string Document() => Json.Value;

    private static string Build()
    {
        var paths = new JsonObject();
        foreach (LlmEconCommand c in LlmEconApp.Commands.Where(c => !CommandRunner.ReadsFiles(c)))
        {
            string route = "/api/v1/" + c.Path.Replace(' ', '/') + string.Concat(c.Positionals.Select(p => "/{" + p.Name + "}"));
            var parameters = new JsonArray();
            foreach (Positional p in c.Positionals)
            {
                parameters.Add((JsonNode)new JsonObject { ["name"] = p.Name, ["in"] = "path", ["required"] = true, ["description"] = p.Help, ["schema"] = new JsonObject { ["type"] = "string" } });
            }

            foreach (Opt o in c.Options.Where(o => !CommandRunner.Forbidden.Contains(o.Name[2..])))
            {
                var schema = new JsonObject { ["type"] = o is SwitchOpt ? "boolean" : "string" };
                if (o is ChoiceOpt choice)
                {
                    schema["enum"] = new JsonArray([.. choice.Choices.Select(x => (JsonNode)JsonValue.Create(x)!)]);
                }

                var parameter = new JsonObject { ["name"] = o.Name[2..], ["in"] = "query", ["required"] = false, ["description"] = o.Help + (o.Rule.Length > 0 ? $" Rule: {o.Rule}." : ""), ["schema"] = schema };
                if (o.Example is { } example && o is not SwitchOpt)
                {
                    parameter["example"] = example;
                }

                parameters.Add((JsonNode)parameter);
            }

            paths[route] = new JsonObject
            {
                ["get"] = new JsonObject
                {
                    ["summary"] = c.Summary,
                    ["operationId"] = c.Path.Replace(' ', '-'),
                    ["parameters"] = parameters,
                    ["responses"] = new JsonObject
                    {
                        ["200"] = new JsonObject { ["description"] = $"Exactly what `llmecon {c.Path} --format json` prints.", ["content"] = new JsonObject { ["application/json"] = new JsonObject() } },
                        ["400"] = Problem("Bad input: the library's sentence naming the parameter, the rule and the value."),
                        ["404"] = Problem("No such command."),
                    },
                },
            };
        }

        var doc = new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject { ["title"] = "LlmEcon API", ["version"] = LlmEconApp.Version, ["description"] = "Every llmecon command over HTTP: GET /api/v1/COMMAND with the command's flags as query parameters (or POST a JSON object of them) returns exactly the command's JSON." },
            ["paths"] = paths,
        };
        return doc.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Problem(string description) => new()
    {
        ["description"] = description,
        ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject() },
    };
}
