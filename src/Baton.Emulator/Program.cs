// Placeholder entry point; the emulator host is built under the emulator issue.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/_baton/health", () => "ok");
await app.RunAsync();
