using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace LlmEcon.Cli.Output;

/// <summary>What kind of file a path names (after symbolic links).</summary>
internal enum FileKind
{
    /// <summary>Nothing is there.</summary>
    Missing,
    /// <summary>A regular file.</summary>
    Regular,
    /// <summary>A directory.</summary>
    Directory,
    /// <summary>A named pipe.</summary>
    Fifo,
    /// <summary>A character or block device (<c>/dev/null</c>, a terminal).</summary>
    Device,
    /// <summary>A socket.</summary>
    Socket,
    /// <summary>Something this platform's reader could not tell.</summary>
    Unknown,
}

/// <summary>
/// The POSIX status of a path (<c>stat(2)</c>, through symbolic links): its kind, permission bits, link count, owner and identity
/// (device, inode). .NET's <see cref="FileSystemInfo"/> tells neither a FIFO nor a device from a regular file, nor a file's hard
/// links; <c>--out</c> needs all of them to write without damage. Read on Linux x64 and arm64 (the layouts of struct stat are
/// the kernel's); elsewhere only what .NET itself tells (kind regular/directory, link count 1).
/// </summary>
/// <param name="Kind">The kind of file.</param>
/// <param name="Mode">The permission bits (the low 12 bits of st_mode).</param>
/// <param name="Links">Hard links to the file (st_nlink).</param>
/// <param name="Uid">Owner (st_uid).</param>
/// <param name="Gid">Group (st_gid).</param>
/// <param name="Device">The device holding it (st_dev).</param>
/// <param name="Inode">Its inode (st_ino): with <paramref name="Device"/>, the file's identity whatever path names it.</param>
internal sealed partial record FileStatus(FileKind Kind, int Mode, long Links, int Uid, int Gid, ulong Device, ulong Inode)
{
    private const int SIfMt = 0xF000, SIfReg = 0x8000, SIfDir = 0x4000, SIfIfo = 0x1000, SIfChr = 0x2000, SIfBlk = 0x6000, SIfSock = 0xC000;

    /// <summary>The status of <paramref name="path"/> (symbolic links followed).</summary>
    public static FileStatus Of(string path)
    {
        if (OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture is Architecture.X64 or Architecture.Arm64)
        {
            Span<byte> buffer = stackalloc byte[256];
            buffer.Clear();
            if (Stat(path, ref MemoryMarshal.GetReference(buffer)) != 0)
            {
                return new FileStatus(FileKind.Missing, 0, 0, 0, 0, 0, 0);
            }

            bool x64 = RuntimeInformation.OSArchitecture == Architecture.X64;
            // x86_64: dev 0, ino 8, nlink 16 (8 bytes), mode 24, uid 28, gid 32. arm64 (generic): dev 0, ino 8, mode 16, nlink 20 (4 bytes), uid 24, gid 28.
            ulong dev = BinaryPrimitives.ReadUInt64LittleEndian(buffer);
            ulong ino = BinaryPrimitives.ReadUInt64LittleEndian(buffer[8..]);
            int mode = BinaryPrimitives.ReadInt32LittleEndian(buffer[(x64 ? 24 : 16)..]);
            long links = x64 ? BinaryPrimitives.ReadInt64LittleEndian(buffer[16..]) : BinaryPrimitives.ReadUInt32LittleEndian(buffer[20..]);
            int uid = BinaryPrimitives.ReadInt32LittleEndian(buffer[(x64 ? 28 : 24)..]);
            int gid = BinaryPrimitives.ReadInt32LittleEndian(buffer[(x64 ? 32 : 28)..]);
            FileKind kind = (mode & SIfMt) switch
            {
                SIfReg => FileKind.Regular,
                SIfDir => FileKind.Directory,
                SIfIfo => FileKind.Fifo,
                SIfChr or SIfBlk => FileKind.Device,
                SIfSock => FileKind.Socket,
                _ => FileKind.Unknown,
            };
            return new FileStatus(kind, mode & 0xFFF, links, uid, gid, dev, ino);
        }

        FileKind fallback = Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
        return new FileStatus(fallback, 0, 1, 0, 0, 0, 0);
    }

    /// <summary>True when both name the same existing file (same device and inode), whatever the paths.</summary>
    public bool SameFileAs(FileStatus other) =>
        Kind != FileKind.Missing && other.Kind != FileKind.Missing && Inode != 0 && Device == other.Device && Inode == other.Inode;

    /// <summary>Gives <paramref name="path"/> this file's owner (used when root rewrites another user's file); false if that failed.</summary>
    public bool CopyOwnerTo(string path) => !OperatingSystem.IsLinux() || Chown(path, Uid, Gid) == 0;

    /// <summary>The effective user id of this process (0: root), or -1 where it cannot be read.</summary>
    public static int EffectiveUser => OperatingSystem.IsLinux() ? GetEffectiveUser() : -1;

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, ref byte buffer);

    [LibraryImport("libc", EntryPoint = "chown", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, int uid, int gid);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial int GetEffectiveUser();
}
