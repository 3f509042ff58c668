using LlmEcon.Cli.Output;

namespace LlmEcon.Cli.Options;

/// <summary>
/// One invocation's options and arguments, as typed; each value is read through its option's definition (<see cref="Opt"/>), so
/// every error names the option and keeps its one rule.
/// </summary>
internal sealed class Args
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _values;

    /// <summary>Creates the invocation from the values given per option name (switches with an empty list) and the positional arguments.</summary>
    public Args(IReadOnlyDictionary<string, IReadOnlyList<string>> values, IReadOnlyList<string> arguments)
    {
        _values = values;
        Arguments = arguments;
    }

    /// <summary>The positional arguments, in order.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>True when the option was given.</summary>
    public bool Has(Opt option) => _values.ContainsKey(option.Name);

    /// <summary>The text given for <paramref name="option"/>, or null.</summary>
    public string? Raw(Opt option) => _values.TryGetValue(option.Name, out var v) && v.Count > 0 ? v[^1] : null;

    /// <summary>The switch's state.</summary>
    public bool Switch(SwitchOpt option) => Has(option);

    /// <summary>The text value, checked, or null when not given.</summary>
    public string? Text(TextOpt option)
    {
        string? text = Raw(option);
        if (text is not null)
        {
            option.Check(text);
        }

        return text;
    }

    /// <summary>Every value of a repeatable option, comma lists split; an option given with only commas is refused.</summary>
    public IReadOnlyList<string> All(TextOpt option)
    {
        if (!_values.TryGetValue(option.Name, out var given))
        {
            return [];
        }

        var all = new List<string>();
        foreach (string text in given)
        {
            string[] parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 0)
            {
                throw Guard.Fail(option.Name, $"at least one {option.ValueName!.ToLowerInvariant()}", $"'{text}'");
            }

            all.AddRange(parts);
        }

        return all;
    }

    /// <summary>The value, or null when not given.</summary>
    public T? Value<T>(ValueOpt<T> option) where T : struct => Raw(option) is { } text ? option.Read(text) : null;

    /// <summary>The value, or <paramref name="fallback"/> when not given.</summary>
    public T Value<T>(ValueOpt<T> option, T fallback) where T : struct => Value(option) ?? fallback;

    /// <summary>The value; an error naming the option when it was not given.</summary>
    public T Required<T>(ValueOpt<T> option, string what) where T : struct =>
        Value(option) ?? throw Guard.Fail(option.Name, $"given ({what}, e.g. {option.Name} {Help.Quote(option.Example!)})", "nothing");

    /// <summary>The choice among <paramref name="allowed"/> (default: the option's own list); the first when not given.</summary>
    public string Choice(ChoiceOpt option, IReadOnlyList<string>? allowed = null)
    {
        allowed ??= option.Choices;
        return Raw(option) is { } text ? option.Pick(text, allowed) : allowed[0];
    }

    /// <summary>The option as the user typed it, for notes: <c>--params 70B</c>.</summary>
    public string Given(Opt option) => option.Name + (Raw(option) is { } t ? " " + t : "");
}
