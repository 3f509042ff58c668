namespace LlmEcon;

/// <summary>Did-you-mean suggestions for ids, fields and subcommands (edit distance, then prefix).</summary>
public static class Suggest
{
    /// <summary>The candidates closest to <paramref name="typed"/>, best first; empty when none is close.</summary>
    public static IReadOnlyList<string> Nearest(string typed, IEnumerable<string> candidates, int max = 3)
    {
        string t = typed.Trim().ToUpperInvariant();
        var near = candidates
            .Select(c => (Candidate: c, Score: Score(t, c.ToUpperInvariant())))
            .Where(x => x.Score <= Math.Max(2, t.Length / 3) || x.Candidate.StartsWith(typed, StringComparison.OrdinalIgnoreCase)
                        || (typed.Length >= 3 && x.Candidate.Contains(typed, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(x => x.Score).ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .ToList();
        return near.Where(x => x.Score == near[0].Score).Take(max).Select(x => x.Candidate).ToList();
    }

    /// <summary>The sentence to append to an error: <c>Did you mean 'h100-sxm'?</c>, or the options when nothing is close.</summary>
    public static string Hint(string typed, IReadOnlyCollection<string> candidates)
    {
        var near = Nearest(typed, candidates);
        return near.Count > 0
            ? "did you mean " + string.Join(" or ", near.Select(n => $"'{n}'")) + "?"
            : "available: " + string.Join(", ", candidates.Order(StringComparer.Ordinal));
    }

    /// <summary>Levenshtein distance between two strings.</summary>
    public static int Distance(string a, string b) => Score(a, b);

    private static int Score(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
