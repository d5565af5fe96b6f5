using Baton.CodePipeline.Model;

namespace Baton.LoadTest.Handler;

/// <summary>
/// The BatonLoadTest action type: <c>Test/ThirdParty/BatonLoadTest/1</c> (also registrable as
/// <c>Test/Custom/BatonLoadTest/1</c>). Its definition ships as
/// <c>ActionType/loadtest-action-type.json</c> (CreateCustomActionType's members, owner implied),
/// with <c>{service}</c> standing for the service's base URL until registration.
/// </summary>
public static class LoadTestActionType
{
    /// <summary>The provider name.</summary>
    public const string Provider = "BatonLoadTest";

    /// <summary>The placeholder for the service's base URL in the shipped definition.</summary>
    public const string ServicePlaceholder = "{service}";

    /// <summary>The third-party action type.</summary>
    public static ActionTypeId ThirdParty { get; } = new() { Category = "Test", Owner = "ThirdParty", Provider = Provider, Version = "1" };

    /// <summary>The same action as a custom action type.</summary>
    public static ActionTypeId Custom { get; } = new() { Category = "Test", Owner = "Custom", Provider = Provider, Version = "1" };

    /// <summary>The shipped definition, with <c>{service}</c> unfilled.</summary>
    /// <returns>The JSON text.</returns>
    public static string TemplateJson()
    {
        using var stream = typeof(LoadTestActionType).Assembly.GetManifestResourceStream("Baton.LoadTest.ActionType.loadtest-action-type.json")
            ?? throw new InvalidOperationException("The action type definition is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The definition to register (CreateCustomActionType's members, e.g. the emulator's
    /// <c>POST /_baton/third-party-action-types</c> body), with <c>{service}</c> replaced.
    /// </summary>
    /// <param name="serviceUrl">The service's base URL, e.g. <c>http://127.0.0.1:5080/</c>; a trailing '/' is dropped.</param>
    /// <returns>The JSON text.</returns>
    public static string DefinitionJson(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        if (!serviceUrl.IsAbsoluteUri || (serviceUrl.Scheme != Uri.UriSchemeHttp && serviceUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The service URL must be an absolute http(s) URL, was '{serviceUrl}'.", nameof(serviceUrl));
        }

        return TemplateJson().Replace(ServicePlaceholder, serviceUrl.AbsoluteUri.TrimEnd('/'), StringComparison.Ordinal);
    }
}
