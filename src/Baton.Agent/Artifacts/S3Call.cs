namespace Baton.Agent.Artifacts;

/// <summary>One S3 request on behalf of an artifact, described for error messages.</summary>
/// <param name="Operation">The S3 operation, such as <c>GetObject</c>.</param>
/// <param name="ArtifactName">The artifact's name.</param>
/// <param name="IsInput">Whether the artifact is an input (read) or an output (written).</param>
/// <param name="BucketName">The bucket.</param>
/// <param name="ObjectKey">The object key.</param>
internal sealed record S3Call(string Operation, string ArtifactName, bool IsInput, string BucketName, string ObjectKey)
{
    public string Kind => IsInput ? "Input" : "Output";

    public string Location => $"s3://{BucketName}/{ObjectKey}";
}
