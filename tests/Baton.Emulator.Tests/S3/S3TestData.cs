using System.Security.Cryptography;

namespace Baton.Emulator.Tests.S3;

/// <summary>Deterministic test bytes and names.</summary>
internal static class S3TestData
{
    public static byte[] Bytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

#pragma warning disable CA5351 // S3 ETags are MD5 by definition; the test checks them.
    public static string Md5Hex(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));
#pragma warning restore CA5351

    public static string BucketName() => "bucket-" + Guid.NewGuid().ToString("N")[..12];
}
