using LlmEcon.Catalog;
using LlmEcon.Cli.Options;
using LlmEcon.Derivations;
using LlmEcon.Models;
using LlmEcon.Quantities;

namespace LlmEcon.Cli.Commands;

/// <summary>--params / --model / --tokens resolution shared by the commands that take a model.</summary>
internal static class ModelFlags
{
    /// <summary>N from <paramref name="option"/> (default --params), else from --model's catalog entry; a given N that replaces the model's is noted.</summary>
    public static Sourced<ParameterCount> Parameters(Args a, LlmCatalog catalog, List<string> notes, ValueOpt<ParameterCount>? option = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(notes);
        option ??= O.Params;
        ModelCard? model = Model(a, catalog);
        if (a.Value(option) is { } n)
        {
            if (model is not null)
            {
                notes.Add($"{a.Given(option)} replaces {model.Id}'s {NumberFormat.Count(model.Parameters.Count)} parameters.");
            }

            return n;
        }

        return model?.ParametersSourced ?? throw Guard.Fail(option.Name, $"given (e.g. {option.Name} {option.Example}), or --model", "nothing");
    }

    /// <summary>
    /// The parameters that set the FLOPs: --active-params, else --params, else --model's active parameters (a mixture of experts
    /// counts only those a token goes through, and says so).
    /// </summary>
    public static (Sourced<ParameterCount> N, bool Active) WorkParameters(Args a, LlmCatalog catalog, List<string> notes)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(notes);
        ModelCard? model = Model(a, catalog);
        if (a.Value(O.ActiveParams) is { } active)
        {
            Sourced<ParameterCount>? total = a.Value(O.Params) is { } given ? given : model?.ParametersSourced;
            if (total is { } t && active > t.Value)
            {
                throw Guard.Fail(O.ActiveParams.Name, $"at most the parameters ({NumberFormat.Count(t.Value.Count)})", NumberFormat.Count(active.Count));
            }

            if (model is { IsMixtureOfExperts: true } && a.Value(O.Params) is null)
            {
                notes.Add($"{a.Given(O.ActiveParams)} replaces {model.Id}'s {NumberFormat.Count(model.ActiveParametersSourced.Value.Count)} active parameters.");
            }

            return (active, true);
        }

        if (a.Value(O.Params) is not null || model is not { IsMixtureOfExperts: true })
        {
            return (Parameters(a, catalog, notes), false);
        }

        Sourced<ParameterCount> perToken = model.ActiveParametersSourced;
        notes.Add($"{model.Id} is a mixture of experts: its FLOPs count the {NumberFormat.Count(perToken.Value.Count)} parameters a token goes through, of {NumberFormat.Count(model.Parameters.Count)}.");
        return (perToken, true);
    }

    /// <summary>The attention work of --context (and --attention) on --model's architecture, or null without --context.</summary>
    public static AttentionWork? Attention(Args a, LlmCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Value(O.Context) is not { } context)
        {
            return a.Has(O.Attention)
                ? throw Guard.Fail(O.Context.Name, "given with --attention (the sequence length the attention spans)", "nothing")
                : null;
        }

        Transformer shape = Architecture(a, catalog, "--context (the attention's layers, heads and head size)");
        var mask = a.Choice(O.Attention) == "full" ? AttentionMask.Full : AttentionMask.Causal;
        return new AttentionWork(shape, (int)context, mask);
    }

    /// <summary>--model's architecture, which <paramref name="with"/> (an option and what it needs of the shape) requires; an error naming --model without one.</summary>
    public static Transformer Architecture(Args a, LlmCatalog catalog, string with)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ModelCard? model = Model(a, catalog);
        if (model?.Transformer is { } shape)
        {
            return shape;
        }

        ModelCard[] have = [.. catalog.Models.Where(m => m.Transformer is not null)];
        throw Guard.Fail(O.Model.Name, $"a catalog model with an architecture, with {with}", model is null ? "nothing" : $"{model.Id}, which has none",
            $"{have.Length} models have one, e.g. {have[0].Id}: llmecon catalog show MODEL prints it");
    }

    /// <summary>D from --tokens, else from --model's catalog entry; a given D that replaces the model's is noted.</summary>
    public static Sourced<TokenCount> Tokens(Args a, LlmCatalog catalog, List<string> notes)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(notes);
        ModelCard? model = Model(a, catalog);
        if (a.Value(O.Tokens) is { } d)
        {
            if (model?.TrainingTokens is { } published)
            {
                notes.Add($"{a.Given(O.Tokens)} replaces {model.Id}'s {NumberFormat.Count(published.Count)} training tokens.");
            }

            return d;
        }

        if (model is not null)
        {
            return model.TrainingTokens is null
                ? throw Guard.Fail(O.Tokens.Name, $"given: the catalog has no training tokens for {model.Id}", "nothing")
                : model.TrainingTokensSourced;
        }

        throw Guard.Fail(O.Tokens.Name, "given (e.g. --tokens 300B), or --model", "nothing");
    }

    /// <summary>The --model entry, or null.</summary>
    public static ModelCard? Model(Args a, LlmCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(catalog);
        return a.Text(O.Model) is { } id ? MachineFlags.Lookup(() => catalog.Model(id), O.Model.Name) : null;
    }
}
