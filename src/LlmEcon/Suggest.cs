namespace LlmEcon;

/// <summary>Did-you-mean suggestions for ids, fields and subcommands (edit distance, then prefix).</summary>
public static class Suggest
{
    /// <summary>
    /// Up to <paramref name="max"/> candidates nearest to <paramref name="typed"/> (all at the best score), in order. Each is scored by the edit distance to
    /// the whole candidate or to its prefix of the typed length, whichever is smaller (<c>h10O</c> is one edit from <c>h100</c>, the
    /// start of <c>h100-sxm</c>), case-insensitively; a candidate is close within max(2, a third of the typed length) edits, or when
    /// it starts with or contains what was typed. Empty when none is close.
    /// </summary>
    public static IReadOnlyList<string> Nearest(string typed, IEnumerable<string> candidates, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(candidates);
        string t = typed.Trim().ToUpperInvariant();
        if (t.Length == 0)
        {
            return [];
        }

        var close = candidates
            .Select(c => (Candidate: c, Upper: c.ToUpperInvariant()))
            .Select(x => (x.Candidate, x.Upper, Score: Math.Min(Score(t, x.Upper), Score(t, x.Upper[..Math.Min(x.Upper.Length, t.Length)]) + 1)))
            .Where(x => x.Score <= Math.Max(2, t.Length / 3) || x.Upper.StartsWith(t, StringComparison.Ordinal) || (t.Length >= 3 && x.Upper.Contains(t, StringComparison.Ordinal)))
            .OrderBy(x => x.Score).ThenBy(x => x.Candidate.Length).ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .ToList();
        // The nearest only: 'h10' suggests h100-sxm, not also every a100 one edit further.
        return close.Count == 0 ? [] : close.Where(x => x.Score == close[0].Score).Take(max).Select(x => x.Candidate).ToList();
    }

    /// <summary>
    /// The sentence to append to an error: <c>did you mean 'h100-sxm'?</c> (at most three, best first); when none is close, the
    /// candidates themselves if there are at most eight, else how many there are.
    /// </summary>
    public static string Hint(string typed, IReadOnlyCollection<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var near = Nearest(typed, candidates);
        return near.Count > 0 ? "did you mean " + Or(near.Select(n => $"'{n}'").ToList()) + "?"
            : candidates.Count <= 8 ? "available: " + string.Join(", ", candidates.Order(StringComparer.Ordinal))
            : $"none of the {candidates.Count} is close";
    }

    private static string Or(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " or " + items[^1];

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
