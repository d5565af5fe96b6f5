namespace Baton.LoadTest.Pages;

/// <summary>
/// <c>303 See Other</c>: after a form post, the browser follows with a GET, which is what the
/// sign-up page's redirect back to CodePipeline needs (302 is ambiguous, 307 would re-post the form).
/// </summary>
/// <param name="location">Where to go.</param>
internal sealed class SeeOther(Uri location) : IResult
{
    public Uri Location => location;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = location.AbsoluteUri;
        return Task.CompletedTask;
    }
}
