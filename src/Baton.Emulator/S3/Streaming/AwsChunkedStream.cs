using System.Globalization;
using System.Text;
using Baton.Emulator.S3.Auth;

namespace Baton.Emulator.S3.Streaming;

/// <summary>
/// Decodes an <c>aws-chunked</c> request body: chunks framed as
/// <c>hex-size[;chunk-signature=sig]\r\n data \r\n</c>, a final zero-size chunk, then optional
/// trailing headers (<c>x-amz-checksum-crc32:...</c>, <c>x-amz-trailer-signature:...</c>) and an
/// empty line. Reads return only the decoded data; <see cref="Trailers"/> is filled at the end.
/// Bad framing is an <c>IncompleteBody</c> or <c>InvalidArgument</c> error, a wrong chunk
/// signature <c>SignatureDoesNotMatch</c>.
/// </summary>
internal sealed class AwsChunkedStream(Stream inner, IChunkSignatureValidator? signatures, long maxChunkSize) : ForwardOnlyReadStream
{
    private const int MaxLineLength = 8192;

    /// <summary>A signed chunk is checked as a whole, so it is held in memory; SDKs send 64 KiB to 1 MiB chunks.</summary>
    private const int MaxSignedChunkSize = 16 * 1024 * 1024;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly Dictionary<string, string> _trailers = new(StringComparer.OrdinalIgnoreCase);
    private readonly StringBuilder _trailerText = new();
    private MemoryStream? _chunkData;
    private string? _chunkSignature;
    private int _position;
    private int _length;
    private long _remaining;
    private State _state = State.ChunkHeader;

    private enum State
    {
        ChunkHeader,
        ChunkData,
        ChunkEnd,
        Trailer,
        Done,
    }

    /// <summary>The trailing headers, available once the stream has been read to its end.</summary>
    public IReadOnlyDictionary<string, string> Trailers => _trailers;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            switch (_state)
            {
                case State.ChunkHeader:
                    StartChunk(await ReadLineAsync(cancellationToken) ?? throw S3Errors.IncompleteBody("the aws-chunked body ended before its final zero-size chunk."));
                    break;
                case State.ChunkData when buffer.Length == 0:
                    return 0;
                case State.ChunkData:
                    if (_position == _length && !await FillAsync(cancellationToken))
                    {
                        throw S3Errors.IncompleteBody($"the aws-chunked body ended {_remaining} bytes before the end of a chunk.");
                    }

                    var count = (int)Math.Min(Math.Min(_remaining, _length - _position), buffer.Length);
                    var data = _buffer.AsMemory(_position, count);
                    data.CopyTo(buffer);
                    _chunkData?.Write(data.Span);
                    _position += count;
                    _remaining -= count;
                    if (_remaining == 0)
                    {
                        _state = State.ChunkEnd;
                    }

                    return count;
                case State.ChunkEnd:
                    var end = await ReadLineAsync(cancellationToken);
                    if (end is not { Length: 0 })
                    {
                        throw new S3Exception("The aws-chunked body is malformed: chunk data must be followed by CRLF; check that each chunk size matches its data.");
                    }

                    FinishChunk();
                    _state = State.ChunkHeader;
                    break;
                case State.Trailer:
                    await ReadTrailerAsync(cancellationToken);
                    _state = State.Done;
                    break;
                default:
                    return 0;
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _chunkData?.Dispose();
        }

        base.Dispose(disposing);
    }

    private void StartChunk(string header)
    {
        var separator = header.IndexOf(';', StringComparison.Ordinal);
        var sizeText = separator < 0 ? header : header[..separator];
        if (sizeText.Length is 0 or > 16 || !long.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0 || size > maxChunkSize)
        {
            throw new S3Exception($"The aws-chunked body is malformed: '{Truncate(header)}' is not a chunk header 'hex-size[;chunk-signature=...]' with a size up to {maxChunkSize} bytes.");
        }

        _chunkSignature = null;
        if (separator >= 0)
        {
            const string signatureField = "chunk-signature=";
            var extension = header[(separator + 1)..].Trim();
            _chunkSignature = extension.StartsWith(signatureField, StringComparison.Ordinal) ? extension[signatureField.Length..] : null;
        }

        if (signatures is not null)
        {
            if (_chunkSignature is null)
            {
                throw S3Errors.SignatureDoesNotMatch("A chunk of the signed aws-chunked body has no chunk-signature.");
            }

            if (size > MaxSignedChunkSize)
            {
                throw new S3Exception($"A signed aws-chunked body may have chunks of at most {MaxSignedChunkSize} bytes (this one has {size}).");
            }

            _chunkData ??= new MemoryStream();
            _chunkData.SetLength(0);
        }

        _remaining = size;
        if (size == 0)
        {
            FinishChunk();
            _state = State.Trailer;
        }
        else
        {
            _state = State.ChunkData;
        }
    }

    private void FinishChunk()
    {
        if (signatures is null || _chunkData is null)
        {
            return;
        }

        if (!signatures.ValidateChunk(_chunkData.GetBuffer().AsSpan(0, (int)_chunkData.Length), _chunkSignature!))
        {
            throw S3Errors.SignatureDoesNotMatch("A chunk signature of the aws-chunked body is wrong.");
        }
    }

    private async ValueTask ReadTrailerAsync(CancellationToken cancellationToken)
    {
        string? trailerSignature = null;
        while (await ReadLineAsync(cancellationToken) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new S3Exception($"The aws-chunked body is malformed: trailer line '{Truncate(line)}' is not 'name:value'.");
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("x-amz-trailer-signature", StringComparison.OrdinalIgnoreCase))
            {
                trailerSignature = value;
                continue;
            }

            _trailers[name] = value;
            _trailerText.Append(name).Append(':').Append(value).Append('\n');
        }

        if (signatures is not null && _trailers.Count > 0
            && (trailerSignature is null || !signatures.ValidateTrailer(_trailerText.ToString(), trailerSignature)))
        {
            throw S3Errors.SignatureDoesNotMatch("The x-amz-trailer-signature of the aws-chunked body is missing or wrong.");
        }
    }

    /// <summary>Reads a line ended by LF (an optional CR before it is dropped); null at end of stream.</summary>
    private async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new List<byte>();
        while (true)
        {
            if (_position == _length && !await FillAsync(cancellationToken))
            {
                return line.Count == 0 ? null : throw S3Errors.IncompleteBody("the aws-chunked body ended inside a line.");
            }

            var newline = Array.IndexOf(_buffer, (byte)'\n', _position, _length - _position);
            var end = newline < 0 ? _length : newline;
            line.AddRange(_buffer.AsSpan(_position, end - _position));
            _position = newline < 0 ? _length : newline + 1;
            if (line.Count > MaxLineLength)
            {
                throw new S3Exception("The aws-chunked body is malformed: a chunk header or trailer line is longer than 8192 bytes.");
            }

            if (newline >= 0)
            {
                var count = line.Count > 0 && line[^1] == '\r' ? line.Count - 1 : line.Count;
                return Encoding.ASCII.GetString([.. line.Take(count)]);
            }
        }
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        _position = 0;
        _length = await inner.ReadAsync(_buffer, cancellationToken);
        return _length > 0;
    }

    private static string Truncate(string text) => text.Length <= 80 ? text : text[..80] + "...";
}
