namespace Baton.CodePipeline.Model;

/// <summary>
/// Names the shape of the CodePipeline service model (2015-07-09) that a wire record represents.
/// The model conformance test uses it to pair each record with its shape.
/// </summary>
/// <param name="name">The shape name exactly as it appears in the service model, for example <c>PollForJobsInput</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ModelShapeAttribute(string name) : Attribute
{
    /// <summary>The shape name in the service model.</summary>
    public string Name { get; } = name;
}
