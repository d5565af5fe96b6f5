using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Baton.Emulator.S3.Streaming;

/// <summary>
/// The decoded body of a PutObject or UploadPart as the store reads it. It counts and hashes
/// the bytes on the way through and, when the source is exhausted, checks what the client
/// declared: <c>x-amz-decoded-content-length</c>, the flexible checksum (header or trailer),
/// <c>Content-MD5</c> and a hex <c>x-amz-content-sha256</c>. A mismatch throws, so the store
/// never commits the object.
/// </summary>
internal sealed class UploadStream : ForwardOnlyReadStream
{
    private readonly Stream _source;
    private readonly UploadExpectations _expected;
    private readonly S3Checksum? _checksum;
    private readonly IncrementalHash? _md5;
    private readonly IncrementalHash? _sha256;
    private readonly long _maxSize;
    private long _length;
    private bool _verified;

    [SuppressMessage("Security", "CA5351:Do not use broken cryptographic algorithms", Justification = "Content-MD5 is the client's integrity check defined by HTTP and S3.")]
    public UploadStream(Stream source, UploadExpectations expected, long maxSize)
    {
        _source = source;
        _maxSize = maxSize;
        _expected = expected;
        _checksum = expected.ChecksumAlgorithm is null ? null : S3Checksum.Create(expected.ChecksumAlgorithm);
        _md5 = expected.ContentMd5 is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        _sha256 = expected.ContentSha256Hex is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    }

    /// <summary>The checksum algorithm stored with the object, if the client asked for one.</summary>
    public string? ChecksumAlgorithm => _checksum?.Algorithm;

    /// <summary>The verified (or computed) checksum of the body, available after the end was read.</summary>
    public string? ChecksumValue { get; private set; }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _source.ReadAsync(buffer, cancellationToken);
        if (read == 0)
        {
            if (buffer.Length > 0 && !_verified)
            {
                _verified = true;
                Verify();
            }

            return 0;
        }

        var data = buffer.Span[..read];
        _checksum?.Append(data);
        _md5?.AppendData(data);
        _sha256?.AppendData(data);
        _length += read;
        return _length <= _maxSize ? read : throw S3Errors.EntityTooLarge(_maxSize);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _checksum?.Dispose();
            _md5?.Dispose();
            _sha256?.Dispose();
            _source.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Verify()
    {
        if (_expected.DecodedContentLength is { } declared && declared != _length)
        {
            throw S3Errors.IncompleteBody($"x-amz-decoded-content-length is {declared} but the decoded body has {_length} bytes.");
        }

        if (_checksum is not null)
        {
            ChecksumValue = _checksum.ToBase64();
            var expected = _expected.ChecksumValue?.Invoke();
            if (expected is not null && !string.Equals(expected, ChecksumValue, StringComparison.Ordinal))
            {
                throw S3Errors.BadDigest($"{_checksum.HeaderName} ('{expected}'; the body's is '{ChecksumValue}')");
            }
        }

        if (_md5 is not null && !string.Equals(Convert.ToBase64String(_md5.GetHashAndReset()), _expected.ContentMd5, StringComparison.Ordinal))
        {
            throw S3Errors.BadDigest("Content-MD5");
        }

        if (_sha256 is not null && !string.Equals(Convert.ToHexStringLower(_sha256.GetHashAndReset()), _expected.ContentSha256Hex, StringComparison.OrdinalIgnoreCase))
        {
            throw new S3Exception(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed from the body.");
        }
    }
}
