using Baton.WireGen;

// Baton.WireGen: generates Baton.CodePipeline's wire records from the CodePipeline service model.
//   dotnet run --project tools/Baton.WireGen -- <model.json> <output-dir> [<client-file>]
// <output-dir> is src/Baton.CodePipeline/Model/Generated; <client-file> defaults to
// <output-dir>/../../CodePipelineClient.Operations.g.cs.
if (args.Length is < 2 or > 3)
{
    Console.Error.WriteLine("usage: Baton.WireGen <model.json> <output-dir> [<client-file>]");
    Console.Error.WriteLine("  e.g. dotnet run --project tools/Baton.WireGen -- ../shared/spec/codepipeline-2015-07-09.service-2.json src/Baton.CodePipeline/Model/Generated");
    return 2;
}

if (!File.Exists(args[0]))
{
    Console.Error.WriteLine($"Model file '{Path.GetFullPath(args[0])}' does not exist; pass the path of codepipeline-2015-07-09.service-2.json.");
    return 2;
}

try
{
    var clientFile = args.Length == 3 ? args[2] : WireGenerator.DefaultClientFile(args[1]);
    var result = WireGenerator.Run(args[0], args[1], clientFile);
    Console.WriteLine(
        $"Generated {result.Records} records, {result.Enums} enum classes and {result.Errors} exceptions " +
        $"from {result.Shapes} shapes into {Path.GetFullPath(args[1])} ({result.Files} files, including {clientFile}).");
    return 0;
}
catch (GeneratorException e)
{
    Console.Error.WriteLine($"Baton.WireGen: {e.Message}");
    return 1;
}
catch (System.Text.Json.JsonException e)
{
    Console.Error.WriteLine($"Baton.WireGen: '{args[0]}' is not valid JSON: {e.Message}");
    return 1;
}
