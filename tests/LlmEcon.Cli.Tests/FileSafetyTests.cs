using System.Diagnostics;

namespace LlmEcon.Cli.Tests;

/// <summary>
/// The tool never damages a file (issue 8 §2): --out writes through a symbolic link to its target, writes a FIFO and standard output
/// directly, keeps a file's permissions and hard links, refuses a directory or an empty path, and no run overwrites a file it reads.
/// </summary>
public sealed class FileSafetyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("llmecon-files-").FullName;

    private static readonly string[] Inference = ["inference", "--params", "175B", "--offer", "aws-p4d-1yr", "--mfu", "21.3%"];

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string P(string name) => Path.Combine(_dir, name);

    [Fact]
    public void Out_ThroughASymlink_WritesTheTarget_AndTheLinkStaysALink()
    {
        File.WriteAllText(P("target.txt"), "old");
        File.CreateSymbolicLink(P("link.txt"), P("target.txt"));
        Cli.Ok([.. Inference, "--out", P("link.txt")]);
        Assert.Equal(P("target.txt"), new FileInfo(P("link.txt")).LinkTarget);
        Assert.Contains("$0.003515", File.ReadAllText(P("target.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void Out_ThroughADanglingSymlink_CreatesItsTarget()
    {
        File.CreateSymbolicLink(P("link.txt"), P("new.txt"));
        Cli.Ok([.. Inference, "--out", P("link.txt")]);
        Assert.NotNull(new FileInfo(P("link.txt")).LinkTarget);
        Assert.Contains("$0.003515", File.ReadAllText(P("new.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void Out_KeepsTheFilesPermissions()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.WriteAllText(P("secret.txt"), "old");
        File.SetUnixFileMode(P("secret.txt"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Cli.Ok([.. Inference, "--out", P("secret.txt")]);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(P("secret.txt")));
        Assert.Contains("$0.003515", File.ReadAllText(P("secret.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void Out_ToAHardLinkedFile_EveryLinkSeesTheNewText()
    {
        File.WriteAllText(P("a.txt"), "old");
        Assert.Equal(0, Shell("ln", P("a.txt"), P("b.txt")));
        Cli.Ok([.. Inference, "--out", P("a.txt")]);
        Assert.Contains("$0.003515", File.ReadAllText(P("b.txt")), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(P("a.txt")), File.ReadAllText(P("b.txt")));
    }

    [Fact]
    public async Task Out_ToAFifo_ItsReaderGetsTheText_AndItStaysAFifo()
    {
        Assert.Equal(0, Shell("mkfifo", P("pipe")));
        Task<string> reader = Task.Run(() => File.ReadAllText(P("pipe")));
        Cli.Ok([.. Inference, "--out", P("pipe")]);
        string read = await reader.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("$0.003515", read, StringComparison.Ordinal);
        Assert.Equal(0, Shell("test", "-p", P("pipe")));
    }

    [Fact]
    public void Out_Dash_IsStandardOutput()
    {
        string output = Cli.Ok([.. Inference, "--out", "-"]);
        Assert.Contains("$0.003515", output, StringComparison.Ordinal);
    }

    [Fact]
    public void FailedRun_LeavesAnExistingOutFileUntouched_AndNoTemporaryFile()
    {
        File.WriteAllText(P("keep.txt"), "keep me");
        var (code, _, _) = Cli.Run("inference", "--params", "175B", "--offer", "aws-p4d-1yr", "--mfu", "7", "--out", P("keep.txt"));
        Assert.Equal(2, code);
        Assert.Equal("keep me", File.ReadAllText(P("keep.txt")));
        Assert.Equal([P("keep.txt")], Directory.GetFiles(_dir));
    }

    [Fact]
    public void SaveLaw_OverTheRunsItFits_IsRefused_AndTheRunsAreUntouched()
    {
        File.Copy(Cli.Figure4, P("runs.csv"));
        string before = File.ReadAllText(P("runs.csv"));
        var (code, output, error) = Cli.Run("scaling", "fit", P("runs.csv"), "--save-law", P("runs.csv"));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal($"Error: --save-law must be a file this run does not read; got '{P("runs.csv")}', which is also FILE ('{P("runs.csv")}').\n", error);
        Assert.Equal(before, File.ReadAllText(P("runs.csv")));
    }

    [Fact]
    public void SaveLaw_OverTheRunsThroughALinkOrAHardLink_IsRefused()
    {
        File.Copy(Cli.Figure4, P("runs.csv"));
        File.CreateSymbolicLink(P("soft.csv"), P("runs.csv"));
        Assert.Equal(0, Shell("ln", P("runs.csv"), P("hard.csv")));
        foreach (string other in new[] { "soft.csv", "hard.csv" })
        {
            var (code, _, error) = Cli.Run("scaling", "fit", P("runs.csv"), "--save-law", P(other));
            Assert.Equal(2, code);
            Assert.StartsWith("Error: --save-law must be a file this run does not read;", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Out_OverTheCatalogItReads_IsRefused()
    {
        File.WriteAllText(P("cat.json"), "{ \"offers\": [] }");
        var (code, _, error) = Cli.Run([.. Inference, "--catalog", P("cat.json"), "--out", P("cat.json")]);
        Assert.Equal(2, code);
        Assert.Equal($"Error: --out must be a file this run does not read; got '{P("cat.json")}', which is also --catalog ('{P("cat.json")}').\n", error);
        Assert.Equal("{ \"offers\": [] }", File.ReadAllText(P("cat.json")));
    }

    [Fact]
    public void SaveLaw_AndOut_OnOneFile_AreRefused()
    {
        var (code, _, error) = Cli.Run("scaling", "fit", Cli.Figure4, "--save-law", P("x.json"), "--out", P("x.json"));
        Assert.Equal(2, code);
        Assert.Equal($"Error: --save-law must be a different file from --out; got '{P("x.json")}' for both.\n", error);
        Assert.False(File.Exists(P("x.json")));
    }

    [Fact]
    public void LawId_IsCheckedBeforeAnyFitting()
    {
        var (code, _, error) = Cli.Run("scaling", "fit", Cli.Figure4, "--law-id", "chinchilla-article");
        Assert.Equal(2, code);
        Assert.Equal("Error: --law-id must be an id the catalog does not have yet; got 'chinchilla-article' (already in the catalog's scalingLaws).\n", error);
        Assert.DoesNotContain("fit:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_LargerThan16MiB_IsRefused()
    {
        using (var f = new FileStream(P("huge.json"), FileMode.CreateNew))
        {
            f.SetLength((16L << 20) + 1);
        }

        var (code, _, error) = Cli.Run([.. Inference, "--catalog", P("huge.json")]);
        Assert.Equal(2, code);
        Assert.Equal($"Error: --catalog must be a JSON file of at most 16 MiB; got '{P("huge.json")}' (16 MiB).\n", error);
    }

    [Fact]
    public void Csv_LargerThan64MiB_IsRefused()
    {
        using (var f = new FileStream(P("huge.csv"), FileMode.CreateNew))
        {
            f.SetLength((64L << 20) + 1);
        }

        var (code, _, error) = Cli.Run("scaling", "fit", P("huge.csv"));
        Assert.Equal(2, code);
        Assert.Equal($"Error: FILE must be a CSV file of at most 64 MiB; got '{P("huge.csv")}' (64 MiB).\n", error);
    }

    private static int Shell(string program, params string[] args)
    {
        using Process p = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true })!;
        p.WaitForExit();
        return p.ExitCode;
    }
}
