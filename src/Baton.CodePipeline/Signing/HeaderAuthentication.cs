using System.Globalization;

namespace Baton.CodePipeline.Signing;

/// <summary>Reads the authentication of a request signed in its Authorization header.</summary>
internal static class HeaderAuthentication
{
    private const string MissingDateMessage = "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.";

    /// <summary>Parses the header and the request time; checks the clock skew.</summary>
    public static (SignedRequest? Signed, SigV4Failure? Failure) Read(
        SigV4Request request, string authorization, DateTimeOffset now, TimeSpan maxSkew)
    {
        var parsed = RequestSignature.TryParse(authorization, out var signature, out var error);
        var amzDateHeader = request.GetHeader(SigV4Constants.AmzDateHeader);
        var dateHeader = request.GetHeader(SigV4Constants.DateHeader);
        if (!parsed || (amzDateHeader is null && dateHeader is null))
        {
            var problems = new[] { error, amzDateHeader is null && dateHeader is null ? MissingDateMessage : null };
            return (null, SigV4Failure.IncompleteHeader(string.Join(' ', problems.Where(p => p is not null)), authorization));
        }

        DateTimeOffset time;
        string amzDate;
        if (amzDateHeader is not null)
        {
            if (!SigV4Verifier.TryParseAmzDate(amzDateHeader.Trim(), out time))
            {
                return (null, SigV4Failure.InvalidDate(amzDateHeader));
            }

            amzDate = amzDateHeader.Trim();
        }
        else if (DateTimeOffset.TryParseExact(
                     dateHeader!.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out time))
        {
            amzDate = SigV4Signer.FormatAmzDate(time);
        }
        else
        {
            return (null, SigV4Failure.InvalidDate(dateHeader));
        }

        var skew = SigV4Verifier.CheckSkew(time, amzDate, now, maxSkew);
        return skew is not null
            ? (null, skew)
            : (new SignedRequest(signature!, amzDate, request.GetHeader(SigV4Constants.SecurityTokenHeader), IsPresigned: false), null);
    }
}
