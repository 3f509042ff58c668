using System.Globalization;

namespace LlmEcon;

/// <summary>
/// The one way the library reads a file a user names (a catalog, a CSV of runs): it must exist (a symbolic link is followed, and a
/// dangling one is "no such file"), be a file rather than a directory, be readable and be no larger than a stated size; each
/// failure is an <see cref="InputException"/> naming the parameter.
/// </summary>
public static class InputFile
{
    /// <summary>The text of <paramref name="path"/>, a <paramref name="what"/> of at most <paramref name="maximumBytes"/>.</summary>
    public static string ReadAllText(string path, string parameter, string what, long maximumBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        string rule = "an existing " + what;
        if (path.Length == 0)
        {
            throw Guard.Fail(parameter, rule, "an empty path");
        }

        if (Directory.Exists(path))
        {
            throw Guard.Fail(parameter, rule, $"'{path}' (a directory)");
        }

        if (!File.Exists(path) || (new FileInfo(path).LinkTarget is not null && new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true }))
        {
            throw Guard.Fail(parameter, rule, $"'{path}' (no such file)");
        }

        long length = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is FileInfo target ? target.Length : new FileInfo(path).Length;
        if (length > maximumBytes)
        {
            throw Guard.Fail(parameter, string.Create(CultureInfo.InvariantCulture, $"a {what} of at most {maximumBytes >> 20} MiB"),
                string.Create(CultureInfo.InvariantCulture, $"'{path}' ({length / 1048576.0:0.#} MiB)"));
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (UnauthorizedAccessException)
        {
            throw Guard.Fail(parameter, "a file this user can read", $"'{path}' (permission denied)");
        }
        catch (IOException e)
        {
            throw Guard.Fail(parameter, "a readable " + what, $"'{path}' ({e.Message.TrimEnd('.')})");
        }
    }
}
