using System.Text;
using Baton.LoadTest.Engine.Transport.Http1;

namespace Baton.LoadTest.Engine.Tests.Transport;

/// <summary>The event loop's incremental response parser, fed in every possible split.</summary>
public sealed class Http1ResponseReaderTests
{
    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", 200, true)]
    [InlineData("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 404, false)]
    [InlineData("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n3;a=b\r\nabc\r\n10\r\n0123456789abcdef\r\n0\r\nX-T: 1\r\n\r\n", 201, true)]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nhi", 200, false)]
    [InlineData("HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n", 304, true)]
    public void Advance_AnySplit_EndsExactlyAtTheResponseEnd(string response, int status, bool keepAlive)
    {
        var bytes = Encoding.Latin1.GetBytes(response + "NEXT");
        for (var split = 1; split < response.Length; split++)
        {
            var reader = new Http1ResponseReader();
            reader.Reset(isHeadRequest: false);
            var pending = new List<byte>();
            var total = 0;
            var done = false;
            foreach (var chunk in new[] { bytes[..split], bytes[split..] })
            {
                pending.AddRange(chunk);
                done = reader.Advance(pending.ToArray(), out var consumed);
                pending.RemoveRange(0, consumed);
                total += consumed;
                if (done)
                {
                    break;
                }
            }

            Assert.True(done, $"split {split}");
            Assert.Equal((response.Length, status, keepAlive), (total, reader.Status, reader.KeepAlive));
        }
    }

    [Fact]
    public void Advance_NoFraming_ReadsUntilClose()
    {
        var reader = new Http1ResponseReader();
        reader.Reset(isHeadRequest: false);

        var done = reader.Advance("HTTP/1.1 200 OK\r\n\r\nbody"u8, out var consumed);

        Assert.False(done);
        Assert.True(reader.ReadsUntilClose);
        Assert.False(reader.KeepAlive);
        Assert.Equal(23, consumed);
    }

    [Theory]
    [InlineData("HTTP/1.1 101 Switching Protocols\r\n\r\n", "The server switched protocols (101), which was not asked for.")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcXY", "A chunk is not followed by CRLF.")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "A chunk size is not a hexadecimal number.")]
    [InlineData("HTTP/2 200\r\n\r\n", "The status line is not 'HTTP/1.x NNN reason'.")]
    public void Advance_InvalidResponse_ThrowsWithReason(string response, string message)
    {
        var reader = new Http1ResponseReader();
        reader.Reset(isHeadRequest: false);

        var ex = Assert.Throws<Http1ProtocolException>(() => reader.Advance(Encoding.Latin1.GetBytes(response), out _));

        Assert.Equal(message, ex.Message);
    }
}
