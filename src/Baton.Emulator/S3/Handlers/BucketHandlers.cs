using System.Xml.Linq;
using Baton.Emulator.S3.Storage;
using Microsoft.Extensions.Options;
using static Baton.Emulator.S3.S3Xml;

namespace Baton.Emulator.S3.Handlers;

/// <summary>ListBuckets, CreateBucket, HeadBucket, DeleteBucket and GetBucketLocation.</summary>
internal sealed class BucketHandlers(IObjectStore store, IOptions<S3EmulatorOptions> options)
{
    /// <summary>The owner S3 reports; the emulator has a single account.</summary>
    internal static readonly XElement Owner = Element("Owner", Element("ID", "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a"), Element("DisplayName", "baton"));

    public async Task ListBucketsAsync(S3RequestContext request)
    {
        var buckets = await store.ListBucketsAsync(request.Aborted);
        await WriteAsync(request.Response, Element(
            "ListAllMyBucketsResult",
            Owner,
            Element("Buckets", buckets.Select(b => Element("Bucket", Element("Name", b.Name), Element("CreationDate", Timestamp(b.CreationDate)))))));
    }

    public async Task CreateBucketAsync(S3RequestContext request)
    {
        var bucket = request.BucketName;
        BucketNames.Validate(bucket);
        var configuration = await ReadAsync(request.Request, request.Aborted);
        if (configuration is not null && configuration.Name.LocalName != "CreateBucketConfiguration")
        {
            throw MalformedXml($"expected a CreateBucketConfiguration document, not <{configuration.Name.LocalName}>.");
        }

        if (!await store.CreateBucketAsync(bucket, request.Aborted))
        {
            throw S3Errors.BucketAlreadyOwnedByYou(bucket);
        }

        request.Response.Headers.Location = "/" + bucket;
        request.Response.StatusCode = StatusCodes.Status200OK;
    }

    public async Task HeadBucketAsync(S3RequestContext request)
    {
        await RequireAsync(request);
        request.Response.Headers["x-amz-bucket-region"] = options.Value.Region;
        request.Response.StatusCode = StatusCodes.Status200OK;
    }

    public async Task DeleteBucketAsync(S3RequestContext request)
    {
        var bucket = request.BucketName;
        switch (await store.DeleteBucketAsync(bucket, request.Aborted))
        {
            case BucketDeletion.NotFound:
                throw S3Errors.NoSuchBucket(bucket);
            case BucketDeletion.NotEmpty:
                throw S3Errors.BucketNotEmpty(bucket);
            default:
                request.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
        }
    }

    public async Task GetBucketLocationAsync(S3RequestContext request)
    {
        await RequireAsync(request);

        // S3 answers an empty LocationConstraint for us-east-1.
        var region = options.Value.Region == "us-east-1" ? null : options.Value.Region;
        await WriteAsync(request.Response, Element("LocationConstraint", region));
    }

    private async Task RequireAsync(S3RequestContext request)
    {
        _ = await store.GetBucketAsync(request.BucketName, request.Aborted) ?? throw S3Errors.NoSuchBucket(request.BucketName);
    }

    private static S3Exception MalformedXml(string detail) => S3Errors.MalformedXml(detail);
}
