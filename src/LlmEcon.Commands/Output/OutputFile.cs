using System.Text;

namespace LlmEcon.Cli.Output;

/// <summary>
/// Where an output option (<c>--out</c>, <c>--save-law</c>) writes, checked before anything is computed, and the write itself, which
/// never damages a file:
/// <list type="bullet">
/// <item><c>-</c> is standard output;</item>
/// <item>a symbolic link is written through, to its target (the link stays a link);</item>
/// <item>a FIFO, a device (<c>/dev/stdout</c>, <c>/dev/null</c>) or anything under <c>/dev</c> or <c>/proc</c> is written directly;</item>
/// <item>a regular file is written whole or not at all (a temporary file beside it, synced, then renamed over it) and keeps its
/// permissions (and, when root writes it, its owner); a file with several hard links is rewritten in place so every link sees the
/// new text (that write is not atomic);</item>
/// <item>an empty path, a directory, a missing directory, a socket, or a file the same run reads is refused (exit 2).</item>
/// </list>
/// </summary>
internal sealed class OutputFile
{
    private OutputFile(string flag, string given, string? target, FileKind kind)
    {
        Flag = flag;
        Given = given;
        Target = target;
        Kind = kind;
    }

    /// <summary>The option, e.g. <c>--out</c>.</summary>
    public string Flag { get; }

    /// <summary>The path as given.</summary>
    public string Given { get; }

    /// <summary>The file written (symbolic links resolved), or null for standard output.</summary>
    public string? Target { get; }

    /// <summary>What is there now.</summary>
    public FileKind Kind { get; }

    /// <summary>True for <c>-</c>: the text goes to standard output.</summary>
    public bool IsStandardOutput => Target is null;

    /// <summary>
    /// Checks <paramref name="path"/> given to <paramref name="flag"/> against everything the run reads (<paramref name="inputs"/>: option
    /// and path); throws an <see cref="InputException"/> naming the option when it cannot be written without damage.
    /// </summary>
    public static OutputFile Prepare(string path, string flag, IEnumerable<(string Flag, string Path)> inputs)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            throw Guard.Fail(flag, "a file path (or - for standard output)", "an empty value");
        }

        if (path == "-")
        {
            return new OutputFile(flag, path, null, FileKind.Device);
        }

        string full = Path.GetFullPath(path);
        string target = Special(full) ? full : Resolve(full);
        FileStatus status = FileStatus.Of(target);
        switch (status.Kind)
        {
            case FileKind.Directory:
                throw Guard.Fail(flag, "a file, not a directory", $"'{path}'");
            case FileKind.Socket:
                throw Guard.Fail(flag, "a file, a FIFO or a device, not a socket", $"'{path}'");
            case FileKind.Missing when !Directory.Exists(Path.GetDirectoryName(target)):
                throw Guard.Fail(flag, "a file in an existing directory", $"'{path}'");
        }

        foreach (var (inFlag, inPath) in inputs.Where(i => i.Path.Length > 0))
        {
            string inTarget = Resolve(Path.GetFullPath(inPath));
            if (status.Kind == FileKind.Regular && (string.Equals(inTarget, target, StringComparison.Ordinal) || status.SameFileAs(FileStatus.Of(inTarget))))
            {
                throw Guard.Fail(flag, "a file this run does not read", $"'{path}', which is also {(inFlag.Length == 0 ? "the input" : inFlag)} ('{inPath}')");
            }
        }

        return new OutputFile(flag, path, target, status.Kind);
    }

    /// <summary>Refuses two output options that name the same file.</summary>
    public void RequireDistinctFrom(OutputFile other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Target is not null && Target == other.Target)
        {
            throw Guard.Fail(Flag, $"a different file from {other.Flag}", $"'{Given}' for both");
        }
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8, no byte-order mark); standard output goes to <paramref name="stdout"/>.</summary>
    public void Write(string text, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        if (Target is null)
        {
            stdout.Write(text);
            stdout.Flush();
            return;
        }

        Write(new UTF8Encoding(false).GetBytes(text));
    }

    /// <summary>Writes <paramref name="bytes"/> to the file (never standard output: <see cref="IsStandardOutput"/> is checked by the caller).</summary>
    public void Write(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (Target is null)
        {
            throw new InvalidOperationException("binary output needs a file");
        }

        FileStatus status = FileStatus.Of(Target);
        if (status.Kind is FileKind.Fifo or FileKind.Device or FileKind.Unknown || (status.Kind == FileKind.Regular && status.Links > 1))
        {
            // In place: a pipe's reader, a device, and every hard link of the file see the text.
            using var stream = new FileStream(Target, status.Kind == FileKind.Regular ? FileMode.Truncate : FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            stream.Write(bytes);
            return;
        }

        string temp = Path.Combine(Path.GetDirectoryName(Target)!, "." + Path.GetFileName(Target) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            if (status.Kind == FileKind.Regular && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, (UnixFileMode)status.Mode);
                if (FileStatus.EffectiveUser == 0 && (status.Uid != 0 || status.Gid != 0))
                {
                    status.CopyOwnerTo(temp);
                }
            }

            File.Move(temp, Target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Paths under /dev and /proc are written as they are: their links are the kernel's (/dev/stdout → /proc/self/fd/1).</summary>
    private static bool Special(string full) =>
        full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal);

    /// <summary>The final target of a chain of symbolic links (the path itself when it is not a link).</summary>
    private static string Resolve(string full)
    {
        try
        {
            return new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full; // a loop of links: let the write report it
        }
    }
}
