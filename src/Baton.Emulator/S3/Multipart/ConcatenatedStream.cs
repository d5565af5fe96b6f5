using Baton.Emulator.S3.Streaming;

namespace Baton.Emulator.S3.Multipart;

/// <summary>Reads several streams one after the other, opening each only when it is reached.</summary>
internal sealed class ConcatenatedStream(IReadOnlyList<Func<Stream>> parts) : ForwardOnlyReadStream
{
    private int _index;
    private Stream? _current;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_index < parts.Count)
        {
            _current ??= parts[_index]();
            var read = await _current.ReadAsync(buffer, cancellationToken);
            if (read > 0 || buffer.Length == 0)
            {
                return read;
            }

            await _current.DisposeAsync();
            _current = null;
            _index++;
        }

        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _current?.Dispose();
        }

        base.Dispose(disposing);
    }
}
