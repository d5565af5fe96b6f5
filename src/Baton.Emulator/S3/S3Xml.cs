using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Baton.Emulator.S3;

/// <summary>Writes S3's XML documents and reads the small XML bodies clients send.</summary>
internal static class S3Xml
{
    public static readonly XNamespace Ns = "http://s3.amazonaws.com/doc/2006-03-01/";

    private const int MaxRequestXmlBytes = 1024 * 1024;

    /// <summary>S3's timestamp format in XML bodies, for example <c>2009-10-12T17:50:30.000Z</c>.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Creates an element in the S3 namespace, skipping null content.</summary>
    public static XElement Element(string name, params object?[] content) => new(Ns + name, content.Where(c => c is not null));

    /// <summary>Creates an element only when the value is set.</summary>
    public static XElement? Optional(string name, object? value) =>
        value is null or "" ? null : new XElement(Ns + name, value);

    public static async Task WriteAsync(HttpResponse response, XElement document, int statusCode = StatusCodes.Status200OK)
    {
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + document.ToString(SaveOptions.DisableFormatting));
        response.StatusCode = statusCode;
        response.ContentType = "application/xml";
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes);
    }

    /// <summary>Reads a small XML request body; an empty body gives <see langword="null"/>.</summary>
    public static async Task<XElement?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxRequestXmlBytes)
            {
                throw S3Errors.MalformedXml($"the XML body is larger than {MaxRequestXmlBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return null;
        }

        buffer.Position = 0;
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(buffer, settings);
            return XElement.Load(reader);
        }
        catch (XmlException exception)
        {
            throw S3Errors.MalformedXml(exception.Message);
        }
    }

    /// <summary>The child elements with a local name, in any (or no) namespace.</summary>
    public static IEnumerable<XElement> Children(XElement parent, string localName) =>
        parent.Elements().Where(e => e.Name.LocalName == localName);

    /// <summary>The value of the first child with a local name, or <see langword="null"/>.</summary>
    public static string? ChildValue(XElement parent, string localName) => Children(parent, localName).FirstOrDefault()?.Value;
}
