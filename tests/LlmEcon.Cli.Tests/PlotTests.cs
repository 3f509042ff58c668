using System.Buffers.Binary;
using System.Text.Json;

namespace LlmEcon.Cli.Tests;

/// <summary>llmecon plot: every kind draws a PNG and an SVG of the asked size, and prints its data.</summary>
public sealed class PlotTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("llmecon-plot-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> Kinds() => ["frontier", "roofline", "gflops-per-watt", "gflops-per-usd", "implied-mfu", "training-cost", "cost-trajectory", "search", "iso-loss"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Png_DecodesAt800By520_AndSvgSaysItsSize(string kind)
    {
        string png = Path.Combine(_dir, kind + ".png"), svg = Path.Combine(_dir, kind + ".svg");
        Cli.Ok("plot", kind, "--out", png);
        Cli.Ok("plot", kind, "--out", svg);
        byte[] bytes = File.ReadAllBytes(png);
        // PNG: the 8-byte signature, then the IHDR chunk: length, "IHDR", width and height as big-endian 32-bit integers
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(800, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(520, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        // and the whole image decodes (Skia): the size, and not one colour (something is drawn on the white)
        using SkiaSharp.SKBitmap bitmap = SkiaSharp.SKBitmap.Decode(bytes);
        Assert.Equal((800, 520), (bitmap.Width, bitmap.Height));
        Assert.True(bitmap.Pixels.Distinct().Count() > 10, "an image of fewer than 10 colours");
        string text = File.ReadAllText(svg);
        Assert.Contains("<svg", text, StringComparison.Ordinal);
        Assert.Contains("width=\"800\"", text, StringComparison.Ordinal);
        Assert.Contains("DejaVu Sans", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Size_FollowsWidthAndHeight_AndTheSameChartGivesTheSameBytes()
    {
        string a = Path.Combine(_dir, "a.png"), b = Path.Combine(_dir, "b.png");
        Cli.Ok("plot", "gflops-per-usd", "--out", a, "--width", "1000", "--height", "600");
        Cli.Ok("plot", "gflops-per-usd", "--out", b, "--width", "1000", "--height", "600");
        byte[] bytes = File.ReadAllBytes(a);
        Assert.Equal(1000, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(600, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        Assert.Equal(bytes, File.ReadAllBytes(b));
    }

    [Fact]
    public void Json_PrintsTheSeriesDrawn()
    {
        // the article's GFLOPS per $ (P100 → H100) are its four printed figures, one point a year
        JsonElement root = JsonDocument.Parse(Cli.Ok("plot", "gflops-per-usd", "--format", "json")).RootElement;
        Assert.Equal(4, root.GetProperty("series").GetArrayLength());
        Assert.Equal(4, root.GetProperty("markers").GetArrayLength());
    }

    [Theory]
    [InlineData("plot frontier --format png", "Error: --out must be a file with --format png (a PNG is not text for a terminal); got nothing. E.g. --out chart.png, or --format svg.")]
    [InlineData("plot frontir", "Error: KIND must be one of frontier, roofline, gflops-per-watt, gflops-per-usd, implied-mfu, training-cost, cost-trajectory, search, iso-loss; got 'frontir'. Did you mean 'frontier'?")]
    [InlineData("plot frontier --offers aws-p5 --format json", "Error: --offers must be an id in the catalog; got 'aws-p5'. Did you mean 'aws-p5-on-demand', 'aws-p5-capacity-block' or 'aws-p5e-capacity-block'?")]
    public void BadInput_IsOneSentence(string commandLine, string expected)
    {
        var (code, output, error) = Cli.Run(commandLine.Split(' '));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal(expected + "\n", error);
    }
}
