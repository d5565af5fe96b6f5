using Baton.Emulator.Hosting;
using Baton.Emulator.Tests.Infrastructure;

namespace Baton.Emulator.Tests.Hosting;

public sealed class EmulatorHostTests
{
    [Fact]
    public async Task StartAsync_PortZero_ReportsTheBoundLoopbackPort()
    {
        await using var emulator = await TestEmulator.StartAsync();

        Assert.Equal("127.0.0.1", emulator.Endpoint.Host);
        Assert.NotEqual(0, emulator.Endpoint.Port);
        Assert.Equal("{\"status\":\"ok\"}", await emulator.Http.GetStringAsync("/_baton/health"));
    }

    [Fact]
    public void Banner_Options_ShowsEndpointCredentialsAndState()
    {
        var banner = EmulatorHost.Banner(new EmulatorOptions { AccessKey = "AK", SecretKey = "SK" }, new Uri("http://127.0.0.1:4599"));

        Assert.Contains("listening on http://127.0.0.1:4599", banner, StringComparison.Ordinal);
        Assert.Contains("AWS_ACCESS_KEY_ID=AK AWS_SECRET_ACCESS_KEY=SK AWS_REGION=us-east-1", banner, StringComparison.Ordinal);
        Assert.Contains("in memory", banner, StringComparison.Ordinal);
    }
}
