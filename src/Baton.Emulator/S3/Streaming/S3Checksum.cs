using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Baton.Emulator.S3.Streaming;

/// <summary>
/// An incremental S3 flexible checksum (<c>x-amz-checksum-*</c>): CRC32, CRC32C, CRC64NVME,
/// SHA1 or SHA256, answered as base64 of the big-endian value like S3.
/// </summary>
internal abstract class S3Checksum : IDisposable
{
    /// <summary>The algorithms by their header suffix, in S3's upper-case spelling.</summary>
    public static IReadOnlyList<string> Algorithms { get; } = ["CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256"];

    public abstract string Algorithm { get; }

    /// <summary>The header that carries this algorithm's value, for example <c>x-amz-checksum-crc32</c>.</summary>
    public string HeaderName => HeaderFor(Algorithm);

    public static string HeaderFor(string algorithm) => "x-amz-checksum-" + algorithm.ToLowerInvariant();

    /// <summary>Creates the checksum for an algorithm name (any case), or <see langword="null"/> for an unknown one.</summary>
    [SuppressMessage("Security", "CA5350:Do not use weak cryptographic algorithms", Justification = "SHA1 is one of S3's integrity checksums chosen by the client, not a security control.")]
    public static S3Checksum? Create(string algorithm) => algorithm.ToUpperInvariant() switch
    {
        "CRC32" => new Crc32Checksum("CRC32", 0xEDB88320u),
        "CRC32C" => new Crc32Checksum("CRC32C", 0x82F63B78u),
        "CRC64NVME" => new Crc64NvmeChecksum(),
        "SHA1" => new HashChecksum("SHA1", HashAlgorithmName.SHA1),
        "SHA256" => new HashChecksum("SHA256", HashAlgorithmName.SHA256),
        _ => null,
    };

    public abstract void Append(ReadOnlySpan<byte> data);

    public abstract string ToBase64();

    public virtual void Dispose() => GC.SuppressFinalize(this);

    private sealed class Crc32Checksum : S3Checksum
    {
        private static readonly Dictionary<uint, uint[]> _tables = [];
        private readonly uint[] _table;
        private uint _crc = uint.MaxValue;

        public Crc32Checksum(string algorithm, uint polynomial)
        {
            Algorithm = algorithm;
            lock (_tables)
            {
                if (!_tables.TryGetValue(polynomial, out _table!))
                {
                    _table = new uint[256];
                    for (uint i = 0; i < 256; i++)
                    {
                        var value = i;
                        for (var bit = 0; bit < 8; bit++)
                        {
                            value = (value & 1) != 0 ? (value >> 1) ^ polynomial : value >> 1;
                        }

                        _table[i] = value;
                    }

                    _tables[polynomial] = _table;
                }
            }
        }

        public override string Algorithm { get; }

        public override void Append(ReadOnlySpan<byte> data)
        {
            foreach (var b in data)
            {
                _crc = _table[(_crc ^ b) & 0xFF] ^ (_crc >> 8);
            }
        }

        public override string ToBase64()
        {
            Span<byte> bytes = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(bytes, ~_crc);
            return Convert.ToBase64String(bytes);
        }
    }

    private sealed class Crc64NvmeChecksum : S3Checksum
    {
        private static readonly ulong[] _table = BuildTable();
        private ulong _crc = ulong.MaxValue;

        public override string Algorithm => "CRC64NVME";

        public override void Append(ReadOnlySpan<byte> data)
        {
            foreach (var b in data)
            {
                _crc = _table[(_crc ^ b) & 0xFF] ^ (_crc >> 8);
            }
        }

        public override string ToBase64()
        {
            Span<byte> bytes = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(bytes, ~_crc);
            return Convert.ToBase64String(bytes);
        }

        private static ulong[] BuildTable()
        {
            const ulong polynomial = 0x9A6C9329AC4BC9B5UL;
            var table = new ulong[256];
            for (ulong i = 0; i < 256; i++)
            {
                var value = i;
                for (var bit = 0; bit < 8; bit++)
                {
                    value = (value & 1) != 0 ? (value >> 1) ^ polynomial : value >> 1;
                }

                table[i] = value;
            }

            return table;
        }
    }

    private sealed class HashChecksum(string algorithm, HashAlgorithmName name) : S3Checksum
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(name);

        public override string Algorithm => algorithm;

        public override void Append(ReadOnlySpan<byte> data) => _hash.AppendData(data);

        public override string ToBase64() => Convert.ToBase64String(_hash.GetCurrentHash());

        public override void Dispose()
        {
            _hash.Dispose();
            base.Dispose();
        }
    }
}
