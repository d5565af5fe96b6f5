// The full command line (demo, emulator, agent, loadtest, pipeline) is being built; until it
// lands, every command says so plainly instead of pretending to work.
var command = args.Length > 0 ? args[0] : "demo";
await Console.Error.WriteLineAsync($"baton {command}: not yet available in this build. See README.md for what works today.");
return 3;
