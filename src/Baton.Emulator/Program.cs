using Baton.Emulator.Hosting;

var parsed = EmulatorCommandLine.Parse(args);
if (parsed.HelpRequested)
{
    Console.WriteLine(EmulatorCommandLine.Usage);
    return 0;
}

if (parsed.Options is null)
{
    await Console.Error.WriteLineAsync("error: " + parsed.Error);
    await Console.Error.WriteLineAsync();
    await Console.Error.WriteLineAsync(EmulatorCommandLine.Usage);
    return EmulatorCommandLine.UsageExitCode;
}

return await EmulatorHost.RunAsync(parsed.Options, Console.Out);
