using System.Globalization;
using System.Net;
using Baton.Bench.KestrelBaseline;

// The yardstick for bench/emulator: the least ASP.NET Core can do to answer a CodePipeline
// PollForJobs on an empty queue. POST / answers 200 with the same content type, a fresh
// x-amzn-RequestId and the same body bytes as the Baton emulator; nothing else is served.
if (args.Length != 1 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
{
    await Console.Error.WriteLineAsync("usage: Baton.Bench.KestrelBaseline PORT   (a TCP port on 127.0.0.1, 0-65535)");
    return 2;
}

var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
await using var app = builder.Build();

app.MapPost("/", EmptyPoll.WriteAsync);

await app.RunAsync();
return 0;
