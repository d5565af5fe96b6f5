namespace Baton.WireGen;

/// <summary>
/// Emits the <c>[JsonSerializable]</c> list of <c>CodePipelineJsonContext</c>: every generated
/// record and the error body. The options live on the hand-written part of the context
/// (src/Baton.CodePipeline/Json/CodePipelineJsonContext.cs); all <c>[JsonSerializable]</c>
/// attributes must sit on this one declaration for the source generator.
/// </summary>
internal sealed class JsonContextEmitter(WirePlan plan)
{
    public string Emit()
    {
        var writer = new CodeWriter("Baton.CodePipeline.Json", "System.Text.Json.Serialization", "Baton.CodePipeline.Model");
        writer.Line("[JsonSerializable(typeof(AwsErrorBody))]");
        foreach (var name in plan.Records.Select(r => plan.RecordName(r.Name)))
        {
            writer.Line($"[JsonSerializable(typeof({name}))]");
        }

        writer.Line("public sealed partial class CodePipelineJsonContext;");
        return writer.ToString();
    }
}
