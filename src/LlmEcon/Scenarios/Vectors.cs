using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LlmEcon.Scenarios;

/// <summary>Vector steps the Monte Carlo's draws and tallies share.</summary>
internal static class Vectors
{
    /// <summary>
    /// Each lane of <paramref name="x"/> (values in the 32-bit range) truncated to a whole number: one instruction where AVX has it
    /// (the 64-bit conversion needs AVX-512, and is emulated lane by lane without), lane by lane otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<int> Truncate(Vector256<double> x) => Avx.IsSupported
        ? Avx.ConvertToVector128Int32WithTruncation(x)
        : Vector128.Create((int)x.GetElement(0), (int)x.GetElement(1), (int)x.GetElement(2), (int)x.GetElement(3));
}
