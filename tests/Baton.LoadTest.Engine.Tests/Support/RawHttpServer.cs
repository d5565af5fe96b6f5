using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Baton.LoadTest.Engine.Tests.Support;

/// <summary>
/// A scripted TCP server on 127.0.0.1 for the socket client's edge cases: for each request head it
/// receives it writes whatever bytes the script returns, then keeps or closes the connection.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<int, RawReply> _script;
    private readonly Task _accepting;
    private int _requests;
    private int _connections;

    public RawHttpServer(Func<int, RawReply> script)
    {
        _script = script;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Connections => Volatile.Read(ref _connections);

    public int Requests => Volatile.Read(ref _requests);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _connections);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var buffer = new byte[16 * 1024];
        var pending = new StringBuilder();
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                pending.Append(Encoding.Latin1.GetString(buffer, 0, read));
                int end;
                while ((end = pending.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) >= 0)
                {
                    pending.Remove(0, end + 4);
                    var reply = _script(Interlocked.Increment(ref _requests) - 1);
                    if (reply.Bytes.Length > 0)
                    {
                        await stream.WriteAsync(reply.Bytes, _stop.Token);
                    }

                    if (reply.Hold is not null)
                    {
                        await reply.Hold.WaitAsync(_stop.Token);
                    }

                    if (reply.Close)
                    {
                        client.Client.Shutdown(SocketShutdown.Both);
                        return;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }
}

/// <summary>What the raw server answers to one request.</summary>
/// <param name="Text">The bytes to write, as Latin-1 text.</param>
/// <param name="Close">Whether to close the connection after writing.</param>
/// <param name="Hold">A task to wait for before going on (e.g. to stall).</param>
internal sealed record RawReply(string Text, bool Close = false, Task? Hold = null)
{
    public byte[] Bytes => Encoding.Latin1.GetBytes(Text);

    public static RawReply Ok(string body = "hello") =>
        new($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\n\r\n{body}");
}
